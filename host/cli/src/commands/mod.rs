//! One module per subcommand, each a `<Verb>Command` with `execute`.

pub(crate) mod check;
pub(crate) mod compare;
pub(crate) mod corpus;
pub(crate) mod new;
pub(crate) mod run;
pub(crate) mod schema;
pub(crate) mod simulate;
pub(crate) mod test;

/// Input the user must fix (a missing or unreadable file); maps to exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct InputError(pub(crate) String);
