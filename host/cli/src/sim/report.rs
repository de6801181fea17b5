//! The simulation report: per measure, the share of signals in each
//! configuration and, with two, the shift in percentage points, sorted by
//! the size of the shift. The same numbers print as a table or as JSON, and
//! feed the HTML page. With two configurations the report also lists the
//! shifts between them (`sim::shift`), each with the rules behind it and
//! one example signal.

use super::run::Configuration;
use super::shift::{ShiftKey, Shifts, list, reasons_for, rules_for};
use super::tally::{Measure, Tally};
use super::words;
use crate::escape::terminal;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::time::Duration;
use wegwijs::Language;
use wegwijs::types::say;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Report {
    /// The corpus simulated.
    pub(crate) corpus: CorpusInfo,
    /// Worker threads used.
    pub(crate) threads: usize,
    /// The configurations, in column order: the baseline first when there are two.
    pub(crate) configurations: Vec<ConfigSummary>,
    /// One row per measure seen in any configuration.
    pub(crate) rows: Vec<Row>,
    /// The municipality's signals per year that `--per-year` gave: the
    /// HTML page scales the corpus's counts to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) per_year: Option<u64>,
    /// With two configurations: the signals whose route partners differ,
    /// by what changed, the most frequent first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) shifts: Vec<ShiftRow>,
    /// Signals with any shift.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) shifted: Option<u64>,
    /// The wegwijs version that made the report.
    pub(crate) version: &'static str,
    /// The WIT package and version of the components.
    pub(crate) wit: String,
}

/// Signals whose route partners changed in the same way.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ShiftRow {
    /// Partners the baseline routed to and the configuration studied no longer does.
    pub(crate) from: Vec<&'static str>,
    /// Partners the configuration studied routes to anew.
    pub(crate) to: Vec<&'static str>,
    /// Signals with this shift.
    pub(crate) signals: u64,
    /// Rule ids the configuration studied cited for it and the baseline did
    /// not cite in the same words, over up to `shift::SAMPLE` of its signals.
    pub(crate) rules: Vec<String>,
    /// The first signal with this shift, for the reader to open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) example: Option<Example>,
    /// The same shift as bits, for the page.
    #[serde(skip)]
    pub(crate) key: ShiftKey,
}

/// An example signal of a shift.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Example {
    /// Its line in the corpus file (1-based).
    pub(crate) line: usize,
    /// The signal as JSON, indented, without the fields that could identify
    /// a child (see [`example_json`]).
    #[serde(skip)]
    pub(crate) json: String,
    /// The reasons, rule id and text, the configuration studied gave for the
    /// routes it added (and its components' own reasons).
    #[serde(skip)]
    pub(crate) reasons: Vec<(String, String)>,
}

/// Shifts shown with an example: the page shows these, the JSON lists all.
pub(crate) const EXAMPLES: usize = 25;

/// The corpus as read: the signals and, for examples, their lines.
#[derive(Debug, Default)]
pub(crate) struct CorpusLines {
    /// Each signal's text, as in the file.
    pub(crate) text: Vec<String>,
    /// Each signal's line number in the file (1-based).
    pub(crate) number: Vec<usize>,
}

/// The shifts as report rows. Each shift's sampled signals are decided
/// again in `baseline` and `studied` for the rules behind it
/// ([`rules_for`]); the first [`EXAMPLES`] shifts also get their first
/// sample as the example, with its reasons.
pub(crate) fn shift_rows(
    shifts: &Shifts,
    baseline: &Configuration,
    studied: &Configuration,
    signals: &[wegwijs::Signal],
    lines: &CorpusLines,
) -> anyhow::Result<Vec<ShiftRow>> {
    let mut rows = Vec::new();
    for (i, (key, stats)) in shifts.sorted().into_iter().enumerate() {
        let mut rules = BTreeSet::new();
        let mut example = None;
        for (n, index) in stats.samples.iter().copied().enumerate() {
            let Some(signal) = signals.get(index) else { continue };
            let d = studied.decide(signal)?;
            rules.extend(rules_for(&d, &baseline.decide(signal)?, key.to));
            if n == 0 && i < EXAMPLES {
                example = Some(Example {
                    line: lines.number.get(index).copied().unwrap_or(index + 1),
                    json: lines.text.get(index).map_or_else(String::new, |t| example_json(t)),
                    reasons: reasons_for(&d, key.to),
                });
            }
        }
        rows.push(ShiftRow {
            from: list(key.from).into_iter().map(|p| p.name()).collect(),
            to: list(key.to).into_iter().map(|p| p.name()).collect(),
            signals: stats.count,
            rules: rules.into_iter().collect(),
            example,
            key,
        });
    }
    Ok(rows)
}

/// Fields of a signal that could identify a child or a family: never
/// shown in a report, even though the synthetic corpus has none of them.
/// `local_id` is the EPD's own key (the pseudonym is made from it).
const IDENTIFYING: [&str; 5] = ["bsn", "name", "address", "notes", "local_id"];

/// A corpus line as indented JSON without the [`IDENTIFYING`] fields (at
/// any depth), and with a birth date replaced by the age in whole months
/// the host computes from it: with the signal's gemeente a birth date can
/// point to one child, and the components only ever see the age. The
/// example therefore decides as the line did; only intake's sentence on
/// how the age was known differs.
pub(crate) fn example_json(line: &str) -> String {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.retain(|k, _| !IDENTIFYING.contains(&k.as_str()));
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let Ok(mut v) = serde_json::from_str::<serde_json::Value>(line) else { return String::new() };
    // The library's own age, so the example cannot drift from the decision.
    let months = wegwijs::Signal::from_json(line).ok().and_then(|s| s.to_case(b"").age?.whole_months());
    if let Some(child) = v.get_mut("child").and_then(serde_json::Value::as_object_mut)
        && child.remove("birth_date").is_some()
        && let Some(months) = months
    {
        child.insert("age_months".into(), months.into());
    }
    strip(&mut v);
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

/// The corpus simulated.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CorpusInfo {
    /// The corpus file as given.
    pub(crate) path: String,
    /// Signals in it.
    pub(crate) signals: u64,
    /// The seed `wegwijs corpus` made it with, when every signal id says so
    /// (`syn-<seed>-<index>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) seed: Option<u64>,
}

impl CorpusInfo {
    /// The corpus in file `path` with `signals`.
    pub(crate) fn new(path: &str, signals: &[wegwijs::Signal]) -> CorpusInfo {
        CorpusInfo { path: path.to_string(), signals: signals.len() as u64, seed: seed_of(signals) }
    }
}

/// The seed of a corpus `wegwijs corpus` wrote: every signal id is
/// `syn-<seed>-<index>` with the same seed. `None` for any other corpus.
fn seed_of(signals: &[wegwijs::Signal]) -> Option<u64> {
    let seed = |s: &wegwijs::Signal| -> Option<u64> {
        let (seed, index) = s.signal_id.as_deref()?.strip_prefix("syn-")?.split_once('-')?;
        index.parse::<u64>().ok()?;
        seed.parse().ok()
    };
    let first = seed(signals.first()?)?;
    signals.iter().all(|s| seed(s) == Some(first)).then_some(first)
}

/// One configuration's column.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ConfigSummary {
    /// `baseline` (from `--against`) or `region` (from `--region`).
    pub(crate) role: &'static str,
    /// Region id, or `national-default`.
    pub(crate) id: String,
    /// Readable name.
    pub(crate) name: String,
    /// Bundle directory, or `national`.
    pub(crate) source: String,
    /// Bundle revision, for a region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) revision: Option<u32>,
    /// Signals decided.
    pub(crate) signals: u64,
    /// Wall time of deciding them all, in seconds.
    pub(crate) seconds: f64,
    /// Throughput: signals decided per second.
    pub(crate) signals_per_second: f64,
}

/// One measure across the configurations.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Row {
    /// The kind of measure: route, kind, urgency, verwijzer, action, status, divergence, fault.
    pub(crate) group: &'static str,
    /// The value, e.g. `poh-jeugd`.
    pub(crate) key: String,
    /// The row as the table labels it, e.g. `route to poh-jeugd`.
    pub(crate) label: String,
    /// Signals with this measure, per configuration.
    pub(crate) counts: Vec<u64>,
    /// The same as a percentage of all signals, per configuration.
    pub(crate) percent: Vec<f64>,
    /// Last column minus first, in percentage points; only with two configurations.
    /// Exactly 0 when the counts are equal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) shift_pp: Option<f64>,
}

/// One configuration's results, as [`Report::build`] takes them.
#[derive(Debug)]
pub(crate) struct Column<'a> {
    /// `baseline` or `region`.
    pub(crate) role: &'static str,
    /// The configuration.
    pub(crate) config: &'a Configuration,
    /// Its counts.
    pub(crate) tally: Tally,
    /// Its deciding time.
    pub(crate) elapsed: Duration,
}

impl Report {
    /// Builds the report; `columns` in display order (baseline first).
    pub(crate) fn build(corpus: CorpusInfo, threads: usize, columns: &[Column<'_>]) -> Report {
        let signals = corpus.signals;
        let measures: BTreeSet<&Measure> = columns.iter().flat_map(|c| c.tally.counts.keys()).collect();
        let percent = |n: u64, of: u64| if of == 0 { 0.0 } else { n as f64 * 100.0 / of as f64 };
        let mut keyed: Vec<(i128, &Measure, Row)> = measures
            .into_iter()
            .map(|m| {
                let counts: Vec<u64> = columns.iter().map(|c| c.tally.count(m)).collect();
                let pct: Vec<f64> = columns.iter().zip(&counts).map(|(c, n)| percent(*n, c.tally.signals)).collect();
                // Every column decided the same corpus, so the shift is the
                // difference in counts over the corpus size: exactly zero when
                // nothing changed, and ordering as the percentages would.
                let (shift, order) = match counts.as_slice() {
                    [a, .., b] => {
                        let diff = i128::from(*b) - i128::from(*a);
                        (Some(diff as f64 * 100.0 / signals.max(1) as f64), -diff.abs())
                    }
                    [a] => (None, -i128::from(*a)),
                    [] => (None, 0),
                };
                let row = Row {
                    group: m.group.name(),
                    key: m.key.clone(),
                    label: m.label(),
                    counts,
                    percent: pct,
                    shift_pp: shift,
                };
                (order, m, row)
            })
            .collect();
        if columns.len() > 1 {
            keyed.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        } else {
            keyed.sort_by(|a, b| (a.1.group, a.0, &a.1.key).cmp(&(b.1.group, b.0, &b.1.key)));
        }
        Report {
            corpus,
            threads,
            configurations: columns
                .iter()
                .map(|c| {
                    let seconds = c.elapsed.as_secs_f64();
                    ConfigSummary {
                        role: c.role,
                        id: c.config.id.clone(),
                        name: c.config.name.clone(),
                        source: c.config.source.clone(),
                        revision: c.config.revision,
                        signals: c.tally.signals,
                        seconds,
                        signals_per_second: if seconds > 0.0 { c.tally.signals as f64 / seconds } else { 0.0 },
                    }
                })
                .collect(),
            rows: keyed.into_iter().map(|(_, _, r)| r).collect(),
            per_year: None,
            shifts: Vec::new(),
            shifted: None,
            version: env!("CARGO_PKG_VERSION"),
            wit: format!("{}@{}", wegwijs::types::WIT_PACKAGE, wegwijs::types::WIT_VERSION),
        }
    }

    /// The report with the shifts between its two configurations.
    pub(crate) fn with_shifts(mut self, shifts: &Shifts, rows: Vec<ShiftRow>) -> Report {
        self.shifted = Some(shifts.total());
        self.shifts = rows;
        self
    }

    /// The report with the municipality's signals per year.
    pub(crate) fn per_year(mut self, per_year: Option<u64>) -> Report {
        self.per_year = per_year;
        self
    }

    /// The report as a plain-text table for a terminal, in the language
    /// of `--lang`, every measure in the glossary's words.
    pub(crate) fn table(&self) -> String {
        let lang = crate::commands::language();
        let mut out = String::new();
        let signals = match lang {
            Language::Nl => words::int(self.corpus.signals, lang),
            Language::En => self.corpus.signals.to_string(),
        };
        let (path, threads) = (terminal(&self.corpus.path), self.threads);
        let _ = writeln!(
            out,
            "{}",
            match (lang, threads) {
                (Language::Nl, 1) => format!("wegwijs simulate · corpus {path} · {signals} signalen · 1 thread"),
                (Language::Nl, _) =>
                    format!("wegwijs simulate · corpus {path} · {signals} signalen · {threads} threads"),
                (Language::En, 1) => format!("wegwijs simulate · corpus {path} · {signals} signals · 1 thread"),
                (Language::En, _) =>
                    format!("wegwijs simulate · corpus {path} · {signals} signals · {threads} threads"),
            }
        );
        // English keeps the JSON's role, as it keeps its labels below.
        let role_of = |role: &'static str| match lang {
            Language::Nl => super::words::role(role, lang),
            Language::En => role,
        };
        let width = self.configurations.iter().map(|c| role_of(c.role).chars().count()).max().unwrap_or(0);
        for c in &self.configurations {
            let role = role_of(c.role);
            let _ = writeln!(
                out,
                "  {role:<width$}  {} — {} · {} · {} {} ({:.2} s)",
                terminal(&c.id),
                terminal(&c.name),
                terminal(&c.source),
                thousands(c.signals_per_second.round() as u64),
                lang.pick("signalen/s", "signals/s"),
                c.seconds
            );
        }
        // English keeps the JSON's labels, so a script can match the two.
        let labels: Vec<String> = self
            .rows
            .iter()
            .map(|r| match lang {
                Language::Nl => words::measure(r.group, &r.key, lang),
                Language::En => r.label.clone(),
            })
            .collect();
        let heading = lang.pick("uitkomst", "measure");
        let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0).max(heading.chars().count());
        let widths: Vec<usize> = self.configurations.iter().map(|c| terminal(&c.id).chars().count().max(8)).collect();
        let shift_heading = lang.pick("verschil (pp)", "shift (pp)");
        let _ = write!(out, "\n{heading:<label_width$}");
        for (c, w) in self.configurations.iter().zip(&widths) {
            let _ = write!(out, "  {:>w$}", terminal(&c.id));
        }
        if self.configurations.len() > 1 {
            let _ = write!(out, "  {shift_heading:>13}");
        }
        out.push('\n');
        for (r, label) in self.rows.iter().zip(&labels) {
            let _ = write!(out, "{label:<label_width$}");
            for (p, w) in r.percent.iter().zip(&widths) {
                let cell = match lang {
                    Language::Nl => words::pct(*p, lang),
                    Language::En => format!("{p:.1} %"),
                };
                let _ = write!(out, "  {cell:>w$}");
            }
            if let Some(s) = r.shift_pp {
                let cell = match lang {
                    Language::Nl => shift(s).replace('.', ","),
                    Language::En => shift(s),
                };
                let _ = write!(out, "  {cell:>13}");
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick(
                "Aandelen zijn van alle signalen in het corpus; een signaal telt één keer per rij, hoeveel routes het ook heeft.",
                "Shares are of all signals in the corpus; a signal counts once per row, however many routes it has."
            )
        );
        if self.configurations.len() > 1 {
            let (last, first) = (terminal(self.last_id()), terminal(self.first_id()));
            let _ = writeln!(
                out,
                "{}",
                say!(
                    lang,
                    "Verschil: {last} min {first}, in procentpunten.",
                    "Shift: {last} minus {first}, in percentage points."
                )
            );
        }
        out
    }

    fn first_id(&self) -> &str {
        self.configurations.first().map_or("", |c| c.id.as_str())
    }

    fn last_id(&self) -> &str {
        self.configurations.last().map_or("", |c| c.id.as_str())
    }
}

/// A shift in percentage points with its sign. No change at all shows as
/// `0.0`; a change too small for one decimal keeps its sign (`+0.0`).
pub(crate) fn shift(pp: f64) -> String {
    if pp == 0.0 { "0.0".to_string() } else { format!("{pp:+.1}") }
}

/// `1234567` as `1 234 567`.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_shows_the_age_the_components_see_and_nothing_that_identifies() {
        let line = r#"{"date":"2026-10-05","gemeente":"GM0363","child":{"local_id":"epd-7","birth_date":"2018-03-14","bsn":"111222333"},
            "source":{"code":"intern-begeleider"},"handler":"jeugdverpleegkundige","concerns":["behaviour-problems"]}"#;
        let shown = example_json(line);
        for hidden in ["local_id", "epd-7", "birth_date", "2018-03-14", "bsn", "111222333"] {
            assert!(!shown.contains(hidden), "{hidden} is shown: {shown}");
        }
        let example = wegwijs::Signal::from_json(&shown).expect("the example is a valid signal");
        let original = wegwijs::Signal::from_json(line).expect("a valid signal");
        let age = |s: &wegwijs::Signal| s.to_case(b"").age.and_then(|a| a.whole_months());
        assert_eq!(age(&example), age(&original), "{shown}");
        assert_eq!(age(&example), Some(102));
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1234), "1 234");
        assert_eq!(thousands(1_234_567), "1 234 567");
        assert_eq!(shift(0.0), "0.0");
        assert_eq!(shift(0.04), "+0.0");
        assert_eq!(shift(-0.04), "-0.0");
        assert_eq!(shift(12.345), "+12.3");
        assert_eq!(shift(-3.0), "-3.0");
    }
}
