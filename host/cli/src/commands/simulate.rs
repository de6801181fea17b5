//! `wegwijs simulate`: runs every signal of a corpus through one
//! configuration (national or a region bundle), optionally a second, and
//! reports per route partner, urgency, verwijzer and status the share of
//! signals in each, with the shift between them; as a table, JSON, an HTML
//! page or an SVG chart. The work is in `sim::run` and `sim::report`; the
//! page, written for a municipal policy adviser in the language of
//! `--lang`, in `sim::html`.

use super::InputError;
use crate::sim::html;
use crate::sim::report::{Column, CorpusInfo, CorpusLines, Report, shift_rows};
use crate::sim::run::Configuration;
use clap::{Args, ValueEnum};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use wegwijs::types::say;
use wegwijs::{Error, Signal};

/// Run a corpus through a region (and another) and report how decisions shift.
#[derive(Debug, Args)]
pub(crate) struct SimulateCommand {
    #[command(flatten)]
    pub(crate) reader: super::ReaderLanguage,
    /// The corpus: JSON Lines, one signal per line (`wegwijs corpus` writes one).
    #[arg(long, value_name = "FILE")]
    corpus: PathBuf,
    /// The configuration to study: a region bundle directory, or `national`
    /// for the national defaults.
    #[arg(long, value_name = "DIR", default_value = "national")]
    region: String,
    /// A second configuration to compare with (the baseline): a bundle
    /// directory or `national`; `--against` alone means national.
    #[arg(long, value_name = "DIR", num_args = 0..=1, default_missing_value = "national")]
    against: Option<String>,
    /// Output format on standard output.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Also write the report as a self-contained HTML page to FILE.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Also write the bar chart as an SVG file to FILE.
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
    /// Worker threads (default: one per available CPU).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// The municipality's number of signals per year: the HTML page scales
    /// the corpus's counts to it ("of the 1,000 signals a year, about 30 …").
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    per_year: Option<u64>,
}

/// How to print the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table for a terminal.
    Table,
    /// The same numbers as JSON.
    Json,
}

impl SimulateCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        let (signals, lines) = read_corpus(&self.corpus)?;
        let threads = self
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
            .max(1);
        let region = Configuration::load(&self.region)?;
        let against = self.against.as_deref().map(Configuration::load).transpose()?;
        let mut columns = Vec::new();
        let before = against.as_ref().map(|baseline| baseline.run(&signals, threads, None)).transpose()?;
        let studied = region.run(&signals, threads, before.as_ref().map(|b| b.partners.as_slice()))?;
        if let (Some(baseline), Some(run)) = (&against, before) {
            columns.push(Column { role: "baseline", config: baseline, tally: run.tally, elapsed: run.elapsed });
        }
        let shifts = studied.shifts;
        columns.push(Column { role: "region", config: &region, tally: studied.tally, elapsed: studied.elapsed });
        let corpus = CorpusInfo::new(&self.corpus.display().to_string(), &signals);
        let mut report = Report::build(corpus, threads, &columns).per_year(self.per_year);
        if let Some(baseline) = &against {
            let rows = shift_rows(&shifts, baseline, &region, &signals, &lines)?;
            report = report.with_shifts(&shifts, rows);
        }
        match self.format {
            Format::Table => print!("{}", report.table()),
            Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        }
        let lang = super::language();
        if let Some(path) = &self.html {
            write_file(path, &html::page(&report, lang))?;
            let shown = path.display();
            eprintln!("{}", say!(lang, "geschreven: {shown}", "wrote {shown}"));
        }
        if let Some(path) = &self.svg {
            write_file(path, &html::svg(&report, lang, true))?;
            let shown = path.display();
            eprintln!("{}", say!(lang, "geschreven: {shown}", "wrote {shown}"));
        }
        Ok(crate::exit::OK)
    }
}

/// Reads and validates every signal before deciding any, so a bad line is
/// reported at once, by line number and field, not after a long run. The
/// lines are kept for the report's examples.
fn read_corpus(path: &Path) -> anyhow::Result<(Vec<Signal>, CorpusLines)> {
    let lang = super::language();
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::NotFound {
            lang.pick(
                " (controleer het pad, of maak een corpus met `wegwijs corpus --n 1000 --seed 1 --out corpus.jsonl`)",
                " (check the path, or make a corpus with `wegwijs corpus --n 1000 --seed 1 --out corpus.jsonl`)",
            )
        } else {
            ""
        };
        let e = super::os_reason(&e);
        InputError(say!(
            lang,
            "kan het corpusbestand {shown} niet lezen: {e}{hint}",
            "cannot read the corpus file {shown}: {e}{hint}"
        ))
    })?;
    let mut signals = Vec::new();
    let mut lines = CorpusLines::default();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let n = i + 1;
        let line = line.map_err(|e| {
            let e = super::os_reason(&e);
            InputError(say!(lang, "{shown} regel {n}: niet leesbaar: {e}", "{shown} line {n}: cannot be read: {e}"))
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let signal = Signal::from_json(&line).map_err(|e| {
            let what = match e {
                Error::MalformedJson { column, problem, .. } => {
                    let problem = problem.get(lang);
                    say!(
                        lang,
                        "geen geldige JSON in kolom {column}: {problem}",
                        "not valid JSON at column {column}: {problem}"
                    )
                }
                Error::InvalidSignal(problems) => {
                    problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>().join("; ")
                }
                other => other.message(lang),
            };
            InputError(say!(
                lang,
                "{shown} regel {n}: {what}\nverbeter of verwijder die regel (één signaal per regel, zoals in docs/signal.md)",
                "{shown} line {n}: {what}\nfix or remove that line (one signal per line, as in docs/signal.md)"
            ))
        })?;
        signals.push(signal);
        lines.number.push(n);
        lines.text.push(line);
    }
    if signals.is_empty() {
        return Err(InputError(say!(
            lang,
            "het corpusbestand {shown} bevat geen signalen; maak er een met `wegwijs corpus --n 1000 --seed 1 --out {shown}`",
            "the corpus file {shown} holds no signals; make one with `wegwijs corpus --n 1000 --seed 1 --out {shown}`"
        ))
        .into());
    }
    Ok((signals, lines))
}

fn write_file(path: &Path, contents: &str) -> anyhow::Result<()> {
    std::fs::write(path, contents).map_err(|e| {
        let (shown, e) = (path.display(), super::os_reason(&e));
        InputError(say!(super::language(), "kan {shown} niet schrijven: {e}", "cannot write {shown}: {e}")).into()
    })
}
