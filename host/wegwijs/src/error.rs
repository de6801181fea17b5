//! The library's error type. Errors are for signals that cannot be decided at
//! all (bad input) and for a host that cannot be built; a component that
//! misbehaves is not an error but a [`Fault`](crate::Fault) recorded in a
//! decision, because the reference result still stands (G-NO-DROP).

use std::fmt;

/// Everything that can go wrong at the library's edge.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The signal is not valid JSON.
    #[error("signal is not valid JSON (line {line}, column {column}): {problem}")]
    MalformedJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the parser found.
        problem: String,
    },
    /// The signal is JSON but breaks the signal format; every problem found
    /// is listed, each naming its field.
    #[error("signal is invalid: {}", FieldProblems(.0))]
    InvalidSignal(Vec<FieldProblem>),
    /// A component could not be loaded: not a component, wrong world, or an
    /// import outside its world.
    #[error("component `{name}` cannot be loaded as the {stage} stage: {reason}")]
    ComponentRejected {
        /// Name the component was loaded under.
        name: String,
        /// The stage it was meant for.
        stage: crate::Stage,
        /// Why it was refused.
        reason: Rejection,
    },
    /// A region bundle was refused; every reason found is listed.
    #[error("region bundle `{bundle}` refused: {}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    RegionRefused {
        /// Where the bundle was read from.
        bundle: String,
        /// Why, each naming the file, field or case at fault.
        problems: Vec<crate::region::BundleProblem>,
    },
    /// A decision was asked for in a region that is not loaded.
    #[error("no region `{id}` is loaded; use a loaded region's id or `national-default`")]
    UnknownRegion {
        /// The id asked for.
        id: String,
    },
    /// A case file is not valid TOML or breaks the case format.
    #[error("case file line {line}, column {column}: {problem}")]
    InvalidCaseFile {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser found.
        problem: String,
    },
    /// A region's component faulted while the bundle's own cases ran.
    #[error("{0}")]
    CaseFault(String),
    /// The WebAssembly engine could not be configured.
    #[error("the WebAssembly engine could not be set up: {0}")]
    Engine(String),
}

/// One problem in a signal, naming the field by its JSON path.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldProblem {
    /// JSON path of the field, e.g. `instruments[0].sdq.answers[6]`.
    pub field: String,
    /// What is wrong with it, in words a sender can act on.
    pub problem: String,
}

impl FieldProblem {
    pub(crate) fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        FieldProblem { field: field.into(), problem: problem.into() }
    }
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

struct FieldProblems<'a>(&'a [FieldProblem]);

impl fmt::Display for FieldProblems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// Why a component was refused at load.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Rejection {
    /// The bytes are empty.
    #[error("the file is empty")]
    Empty,
    /// The bytes are a core WebAssembly module, not a component.
    #[error(
        "this is a core WebAssembly module, not a component; build it as a component (e.g. for wasm32-wasip2, or with `wasm-tools component new`)"
    )]
    CoreModule,
    /// The bytes are not WebAssembly at all, or are corrupt.
    #[error("not a valid WebAssembly component: {0}")]
    Malformed(String),
    /// The component imports something its world does not offer.
    #[error("imports outside its world: {}; a stage component may import only `{}`", .0.join(", "), crate::engine::HOST_INTERFACE)]
    ForbiddenImports(Vec<String>),
    /// The component does not export the stage's interface with the right types.
    #[error("does not implement the {0}")]
    WrongWorld(String),
    /// The component was built against another version of the WIT package
    /// than this host speaks; its cards would not match this host's.
    #[error(
        "built against `{found}`, but this host speaks `{expected}`: rebuild the component with the SDK and WIT of this host (`wegwijs new` shows how)"
    )]
    OtherWitVersion {
        /// The package and version the component uses, e.g. `wegwijs:jgz@0.1.0`.
        found: String,
        /// The package and version of this host.
        expected: String,
    },
}
