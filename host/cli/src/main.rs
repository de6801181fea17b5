//! `wegwijs`: the command-line harness of the wegwijs pipeline.
//!
//! `main` only parses arguments, runs one command and maps its outcome to a
//! documented exit code; each subcommand lives in `commands/`.
//!
//! Exit codes: 0 decided (or closed with reason), 1 internal error,
//! 2 bad input or usage, 3 decided but incomplete (a stage faulted: assess by
//! hand), 4 a case or a check failed (`wegwijs test`, `wegwijs check`), or a
//! decision log is broken (`wegwijs audit verify`).

mod commands;
mod escape;
mod render;
mod sim;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// wegwijs — JGZ signal → decision card, on sandboxed guideline components.
#[derive(Debug, Parser)]
#[command(
    name = "wegwijs",
    version,
    about,
    long_about = None,
    after_help = "Exit codes: 0 decided (or closed with reason) · 1 internal error · 2 bad input or usage · 3 decided but incomplete (a stage failed: assess by hand) · 4 cases or checks failed (test, check), or a decision log is broken (audit verify)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Decide one signal and print its decision card.
    Run(commands::run::RunCommand),
    /// Print the JSON Schema of the signal input format.
    Schema(commands::schema::SchemaCommand),
    /// Validate a component and run it against the built-in guideline cases.
    Check(commands::check::CheckCommand),
    /// Decide one signal nationally and in each region given, side by side.
    Compare(commands::compare::CompareCommand),
    /// Run case files against a region bundle, one component, or the national defaults.
    Test(commands::test::TestCommand),
    /// Write a synthetic, reproducible corpus of signals (JSON Lines).
    Corpus(commands::corpus::CorpusCommand),
    /// Run a corpus through a region (and another) and report how decisions shift.
    Simulate(commands::simulate::SimulateCommand),
    /// Scaffold a region bundle with its own component for one stage (Rust, Python or JavaScript).
    New(commands::new::NewCommand),
    /// Serve decisions over HTTP (API keys, optional TLS, metrics, OpenAPI).
    Serve(commands::serve::ServeCommand),
    /// Check a decision log's hash chain, or print its records (masked).
    Audit(commands::audit::AuditCommand),
    // Its help, with the WIT version, is on `WitCommand`.
    Wit(commands::wit::WitCommand),
}

/// Exit codes, documented in the README and `--help`.
pub(crate) mod exit {
    /// Decided, or closed with reason.
    pub(crate) const OK: u8 = 0;
    /// Something broke inside wegwijs.
    pub(crate) const INTERNAL: u8 = 1;
    /// The input (file, JSON, signal) or the command line was wrong.
    pub(crate) const BAD_INPUT: u8 = 2;
    /// Decided, but a stage faulted: the decision is incomplete.
    pub(crate) const INCOMPLETE: u8 = 3;
    /// `wegwijs test` or `check`: a case failed, or the component under
    /// check faulted or breached a guardrail.
    pub(crate) const FAILED: u8 = 4;
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `new --lang` names the component's programming language; every
    // command that writes for people takes `--lang nl|en` for theirs.
    let reader = match &cli.command {
        Command::Run(cmd) => Some(&cmd.reader),
        Command::Check(cmd) => Some(&cmd.reader),
        Command::Compare(cmd) => Some(&cmd.reader),
        Command::Test(cmd) => Some(&cmd.reader),
        Command::Simulate(cmd) => Some(&cmd.reader),
        Command::Serve(cmd) => Some(&cmd.reader),
        Command::Schema(_) | Command::Corpus(_) | Command::New(_) | Command::Audit(_) | Command::Wit(_) => None,
    };
    // The others (and `new`, whose `--lang` is the component's) write in
    // the language WEGWIJS_LANG names.
    commands::set_language(reader.map_or_else(commands::env_language, commands::ReaderLanguage::language));
    let result = match cli.command {
        Command::Run(cmd) => cmd.execute(),
        Command::Schema(cmd) => cmd.execute(),
        Command::Test(cmd) => cmd.execute(),
        Command::Compare(cmd) => cmd.execute(),
        Command::Check(cmd) => cmd.execute(),
        Command::Corpus(cmd) => cmd.execute(),
        Command::Simulate(cmd) => cmd.execute(),
        Command::New(cmd) => cmd.execute(),
        Command::Serve(cmd) => cmd.execute(),
        Command::Audit(cmd) => cmd.execute(),
        Command::Wit(cmd) => cmd.execute(),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            let lang = commands::language();
            eprintln!("{} {}", lang.pick("fout:", "error:"), commands::error_text(&err, lang));
            let code = match err.downcast_ref::<commands::InputError>() {
                Some(_) => exit::BAD_INPUT,
                None => match err.downcast_ref::<wegwijs::Error>() {
                    Some(
                        wegwijs::Error::MalformedJson { .. }
                        | wegwijs::Error::InvalidSignal(_)
                        | wegwijs::Error::RegionRefused { .. }
                        | wegwijs::Error::UnknownRegion { .. },
                    ) => exit::BAD_INPUT,
                    _ => exit::INTERNAL,
                },
            };
            ExitCode::from(code)
        }
    }
}
