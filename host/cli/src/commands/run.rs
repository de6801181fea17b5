//! `wegwijs run`: one signal through the pipeline, on the built-in reference
//! components or in the region bundles given, printed as a readable card, as
//! JSON, or with the per-stage trace.

use super::InputError;
use anyhow::Context;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use wegwijs::types::say;
use wegwijs::{DecideOptions, Host, Signal, Status};

/// Decide one signal and print its decision card.
#[derive(Debug, Args)]
pub(crate) struct RunCommand {
    #[command(flatten)]
    pub(crate) reader: super::ReaderLanguage,
    /// The signal, a JSON file (`-` reads standard input).
    signal: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Show every reason, the guardrails, the components with their hashes,
    /// and per stage what the component saw, what it returned and how long
    /// it took.
    #[arg(long)]
    explain: bool,
    /// A region bundle directory to load (repeatable). The signal is decided
    /// in the region serving its gemeente; with one bundle and a signal from
    /// elsewhere (or without a gemeente), in that bundle's region.
    #[arg(long = "region", value_name = "DIR")]
    regions: Vec<PathBuf>,
    /// Secret for deriving pseudonyms; the same key gives a child the same
    /// pseudonym across runs. Also read from WEGWIJS_PSEUDONYM_KEY.
    #[arg(long, env = "WEGWIJS_PSEUDONYM_KEY", hide_env_values = true)]
    pseudonym_key: Option<String>,
    /// Append the decision, masked, to the hash-chained decision log in
    /// DIR (created if missing; see docs/audit.md) before printing it.
    #[arg(long, value_name = "DIR")]
    log_dir: Option<PathBuf>,
}

/// How to print a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A card for a professional to read.
    Text,
    /// The decision as JSON, for machines.
    Json,
}

impl RunCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        let text = read_input(&self.signal)?;
        let shown = self.signal.display();
        let signal = Signal::from_json(&text).with_context(|| say!(super::language(), "in {shown}", "in {shown}"))?;
        let mut builder = Host::builder();
        if let Some(key) = &self.pseudonym_key {
            builder = builder.pseudonym_key(key.as_bytes());
        }
        if let Some(dir) = &self.log_dir {
            builder = builder.decision_log(super::open_decision_log(dir, wegwijs::audit::Durability::EveryRecord)?);
        }
        let host = super::build_host(builder)?;
        let mut loaded = Vec::new();
        for dir in &self.regions {
            loaded.push(host.activate_dir(dir).map_err(|e| super::bundle_error(dir, &e))?);
        }
        let mut options = if self.explain { DecideOptions::explain() } else { DecideOptions::default() };
        let served = signal.gemeente.as_ref().is_some_and(|g| loaded.iter().any(|r| r.gemeenten.contains(g)));
        if let [only] = loaded.as_slice()
            && !served
        {
            let lang = super::language();
            let (gemeente, id) = (signal.gemeente.as_deref().unwrap_or(lang.pick("(geen)", "(none)")), &only.id);
            eprintln!(
                "{}",
                say!(
                    lang,
                    "let op: gemeente {gemeente} valt niet onder regio `{id}`; er wordt in die regio beslist, zoals gevraagd",
                    "note: gemeente {gemeente} is not served by region `{id}`; deciding in that region as asked"
                )
            );
            options = options.in_region(only.id.clone());
        }
        let decision = host.decide_with(&signal, &options)?;
        match self.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&decision)?),
            Format::Text => print!("{}", crate::render::card(&decision, self.explain)),
        }
        Ok(match decision.status {
            Status::Incomplete => crate::exit::INCOMPLETE,
            _ => crate::exit::OK,
        })
    }
}

fn read_input(path: &PathBuf) -> anyhow::Result<String> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| {
            let e = super::os_reason(&e);
            InputError(say!(
                super::language(),
                "kan het signaal niet van standaardinvoer lezen: {e}",
                "cannot read the signal from standard input: {e}"
            ))
        })?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| {
        let lang = super::language();
        let hint = if e.kind() == std::io::ErrorKind::NotFound {
            lang.pick(
                " (controleer het pad; voorbeelden staan in examples/signals/)",
                " (check the path; examples are in examples/signals/)",
            )
        } else {
            ""
        };
        let (shown, e) = (path.display(), super::os_reason(&e));
        anyhow::Error::new(InputError(say!(
            lang,
            "kan het signaalbestand {shown} niet lezen: {e}{hint}",
            "cannot read the signal file {shown}: {e}{hint}"
        )))
    })
}
