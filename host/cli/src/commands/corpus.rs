//! `wegwijs corpus`: writes a synthetic, reproducible corpus of signals as
//! JSON Lines, for `wegwijs simulate`, benchmarks and a component
//! developer's own tests. The generator and where its proportions come from:
//! `sim::corpus` and docs/corpus.md.

use super::InputError;
use crate::sim::corpus;
use clap::Args;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use wegwijs::types::say;
use wegwijs_kit::is_gemeentecode;

/// Write a synthetic, reproducible corpus of signals (JSON Lines).
#[derive(Debug, Args)]
pub(crate) struct CorpusCommand {
    /// Number of signals.
    #[arg(long, value_name = "N")]
    n: u64,
    /// Seed. The same N and seed give the same corpus, byte for byte; a
    /// smaller N gives the first lines of a larger one.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Write the corpus to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Spread the signals' gemeente evenly over these CBS codes
    /// (comma-separated, e.g. GM0014,GM0200), so the corpus reaches the
    /// regions serving them. Without it, signals name no gemeente.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    gemeente: Vec<String>,
}

impl CorpusCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        let lang = super::language();
        let gemeenten: Vec<String> = self.gemeente.iter().map(|g| g.trim().to_string()).collect();
        if let Some(bad) = gemeenten.iter().find(|g| !is_gemeentecode(g)) {
            return Err(InputError(say!(
                lang,
                "--gemeente: `{bad}` is geen CBS-gemeentecode; geef codes zoals GM0014,GM0200 (GM en vier cijfers)",
                "--gemeente: `{bad}` is not a CBS gemeentecode; give codes such as GM0014,GM0200 (GM and four digits)"
            ))
            .into());
        }
        match &self.out {
            Some(path) => {
                let shown = path.display();
                let file = std::fs::File::create(path).map_err(|e| {
                    let e = super::os_reason(&e);
                    InputError(say!(lang, "kan {shown} niet aanmaken: {e}", "cannot create {shown}: {e}"))
                })?;
                let mut w = BufWriter::new(file);
                write_corpus(&mut w, self.n, self.seed, &gemeenten).and_then(|()| w.flush()).map_err(|e| {
                    let e = super::os_reason(&e);
                    InputError(say!(lang, "kan {shown} niet schrijven: {e}", "cannot write {shown}: {e}"))
                })?;
                let (n, seed) = (self.n, self.seed);
                eprintln!(
                    "{}",
                    say!(
                        lang,
                        "{n} signalen (--seed {seed}) geschreven naar {shown}",
                        "wrote {n} signals (seed {seed}) to {shown}"
                    )
                );
            }
            None => {
                let mut w = BufWriter::new(std::io::stdout().lock());
                match write_corpus(&mut w, self.n, self.seed, &gemeenten).and_then(|()| w.flush()) {
                    // A closed pipe (`| head`) is the reader's choice, not an error.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                    other => other?,
                }
            }
        }
        Ok(crate::exit::OK)
    }
}

fn write_corpus(w: &mut impl Write, n: u64, seed: u64, gemeenten: &[String]) -> std::io::Result<()> {
    for i in 0..n {
        serde_json::to_writer(&mut *w, &corpus::signal(seed, i, gemeenten))?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
