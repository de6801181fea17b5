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

/// Reads a stage name from the command line. The stages and their
/// descriptions come from the library's [`wegwijs::Stage`], so `--help`
/// lists exactly the stages the host runs.
pub(crate) fn stage_parser() -> impl clap::builder::TypedValueParser<Value = wegwijs::Stage> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(wegwijs::Stage::ALL.map(|s| PossibleValue::new(s.name()).help(s.description())))
        .try_map(|name| wegwijs::Stage::from_name(&name).ok_or("not a stage"))
}
