//! The harness for component developers and policy officers: a synthetic,
//! reproducible corpus of JGZ signals (`wegwijs corpus`) and a simulation
//! that runs a corpus through one or two configurations and reports how the
//! decisions differ (`wegwijs simulate`). The commands in `commands/` parse
//! arguments; the work is done here.

pub(crate) mod corpus;
pub(crate) mod html;
pub(crate) mod progress;
pub(crate) mod report;
pub(crate) mod rng;
pub(crate) mod run;
pub(crate) mod sdq;
pub(crate) mod shift;
pub(crate) mod tally;
pub(crate) mod words;
