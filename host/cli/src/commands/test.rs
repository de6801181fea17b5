//! `wegwijs test`: runs case files against a region bundle, a single
//! component, or the national defaults, and reports per failing case each
//! field expected versus found, a summary line, and rule-id coverage; as
//! text, JSON or JUnit XML, so it fits both a terminal and a CI server.

use super::InputError;
use crate::escape::{markup, terminal};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use wegwijs::harness::{Bundle, CaseFile, CaseReport, Trial};
use wegwijs::types::say;
use wegwijs::{Host, NATIONAL_DEFAULT, Stage};

/// Run case files against a region bundle, one component, or the national defaults.
#[derive(Debug, Args)]
pub(crate) struct TestCommand {
    #[command(flatten)]
    pub(crate) reader: super::ReaderLanguage,
    /// A region bundle directory; without PATHS, its own cases/ are run.
    #[arg(long, value_name = "DIR", conflicts_with = "component")]
    region: Option<PathBuf>,
    /// One component to test on its own (with --stage); the other stages run the reference.
    #[arg(long, value_name = "FILE.wasm", requires = "stage")]
    component: Option<PathBuf>,
    /// The stage the component implements.
    #[arg(long, value_parser = super::stage_parser())]
    stage: Option<Stage>,
    /// Case files, or directories searched for *.toml.
    paths: Vec<PathBuf>,
    /// Only run cases whose name contains this text.
    #[arg(long)]
    filter: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Also write a JUnit XML report to this file.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Meter fuel and give the component under test this budget per call
    /// (deterministic, unlike the wall-clock deadline; the reference
    /// components are metered without a budget).
    #[arg(long, value_name = "UNITS")]
    fuel: Option<u64>,
    /// Fail unless at least this percentage of the rule ids shown was cited
    /// (with --region: the region's own; else the guideline's).
    #[arg(long, value_name = "PERCENT")]
    min_coverage: Option<f64>,
    /// With --region: also report the coverage of the guideline's rule ids.
    #[arg(long)]
    national_coverage: bool,
}

/// How to print the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people.
    Text,
    /// For machines.
    Json,
}

/// The whole run, as `--format json` prints it.
#[derive(Debug, Serialize)]
struct Report {
    target: String,
    cases: Vec<CaseResult>,
    passed: usize,
    failed: usize,
    /// The guideline's rule ids.
    coverage: Coverage,
    /// With --region: the rule ids of the region's own (those outside the
    /// guideline's prefixes) its cases assert or its decisions cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    region_coverage: Option<Coverage>,
    /// Whether the text report shows the guideline's coverage.
    #[serde(skip)]
    show_national: bool,
}

#[derive(Debug, Serialize)]
struct CaseResult {
    file: String,
    name: String,
    passed: bool,
    mismatches: Vec<MismatchJson>,
    /// What kept the case from running, in the reader's language.
    error: Option<String>,
    /// When that was a component's fault: its stage and the fault's detail.
    #[serde(skip)]
    fault: Option<(String, String)>,
}

#[derive(Debug, Serialize)]
struct MismatchJson {
    field: String,
    expected: String,
    actual: String,
}

#[derive(Debug, Serialize)]
struct Coverage {
    /// Guideline rule ids cited by at least one decision.
    exercised: Vec<String>,
    /// Guideline rule ids no decision cited.
    missing: Vec<String>,
    /// Other rule ids cited (region rules, guardrails), with counts.
    other: BTreeMap<String, usize>,
    percent: f64,
}

impl TestCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        let host = super::build_host(Host::builder().fuel(self.fuel.is_some()))?;
        let (target, mut bundle) = self.bundle()?;
        bundle.manifest.limits.fuel = self.fuel.or(bundle.manifest.limits.fuel);
        let lang = super::language();
        let trial = Trial::new(&host, &bundle).map_err(|e| InputError(e.message(lang)))?;
        let files = if self.paths.is_empty() {
            if self.region.is_none() {
                let none = lang.pick(
                    "geen casusbestanden gegeven: geef casusbestanden of mappen (bijv. tests/cases), of --region DIR om de eigen casussen van een bundel te draaien",
                    "no case files given: pass case files or directories (e.g. tests/cases), or --region DIR to run a bundle's own cases",
                );
                return Err(InputError(none.into()).into());
            }
            bundle.cases.clone()
        } else {
            read_case_files(&self.paths)?
        };

        let mut results = Vec::new();
        let mut cited: BTreeMap<String, usize> = BTreeMap::new();
        let mut files_run = Vec::new();
        for (path, mut file) in files {
            if let Some(filter) = &self.filter {
                file.cases.retain(|c| c.name.contains(filter.as_str()));
            }
            let report: CaseReport = trial.run_cases(&file.cases);
            for (id, n) in &report.coverage {
                *cited.entry(id.clone()).or_default() += n;
            }
            for (name, result) in report.results {
                results.push(match result {
                    Ok(m) => CaseResult {
                        file: path.clone(),
                        name,
                        passed: m.is_empty(),
                        mismatches: m
                            .into_iter()
                            .map(|m| MismatchJson {
                                expected: m.expected.get(lang).to_string(),
                                actual: m.actual.get(lang).to_string(),
                                field: m.field,
                            })
                            .collect(),
                        error: None,
                        fault: None,
                    },
                    Err(e) => CaseResult {
                        file: path.clone(),
                        name,
                        passed: false,
                        mismatches: vec![],
                        fault: match &e {
                            wegwijs::Error::CaseFault { stage, detail } => Some((stage.to_string(), detail.clone())),
                            _ => None,
                        },
                        error: Some(e.message(lang)),
                    },
                });
            }
            files_run.push((path, file));
        }
        let coverage = coverage(&cited);
        let region_coverage = self.region.as_ref().map(|_| {
            let asserted = bundle.cases.iter().chain(&files_run).flat_map(|(_, f)| f.cases.iter());
            own_coverage(&cited, asserted.flat_map(|c| c.asserted_rule_ids()))
        });
        let passed = results.iter().filter(|r| r.passed).count();
        let show_national = region_coverage.is_none() || self.national_coverage;
        let report = Report {
            target,
            failed: results.len() - passed,
            passed,
            cases: results,
            coverage,
            region_coverage,
            show_national,
        };

        match self.format {
            Format::Text => print!("{}", text(&report)),
            Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        }
        if let Some(path) = &self.junit {
            std::fs::write(path, junit(&report)).map_err(|e| {
                let (shown, e) = (path.display(), super::os_reason(&e));
                InputError(say!(
                    lang,
                    "kan het JUnit-rapport {shown} niet schrijven: {e}",
                    "cannot write the JUnit report {shown}: {e}"
                ))
            })?;
        }
        // What --min-coverage measures is what the text report shows.
        let shown = report.region_coverage.iter().chain(report.show_national.then_some(&report.coverage));
        let lowest = shown.map(|c| c.percent).fold(f64::INFINITY, f64::min);
        let below = self.min_coverage.is_some_and(|min| lowest + 1e-9 < min);
        if below && self.format == Format::Text {
            let min = self.min_coverage.unwrap_or_default();
            println!(
                "{}",
                say!(
                    lang,
                    "regeldekking {lowest:.1}% is lager dan --min-coverage {min:.1}%",
                    "coverage {lowest:.1}% is below --min-coverage {min:.1}%"
                )
            );
        }
        Ok(if report.failed > 0 || report.cases.is_empty() || below { crate::exit::FAILED } else { crate::exit::OK })
    }

    /// The bundle the cases run against, and a line naming it.
    fn bundle(&self) -> anyhow::Result<(String, Bundle)> {
        if let Some(dir) = &self.region {
            let bundle = Bundle::read(dir).map_err(|problems| {
                let refused = wegwijs::Error::RegionRefused { bundle: dir.display().to_string(), problems };
                InputError(refused.message(super::language()))
            })?;
            let m = &bundle.manifest;
            let (id, name, revision, gemeenten) = (&m.id, &m.name, m.revision, m.gemeenten.join(", "));
            let target = say!(
                super::language(),
                "regio {id} ({name}, revisie {revision}) · {gemeenten}",
                "region {id} ({name}, revision {revision}) · {gemeenten}"
            );
            return Ok((target, bundle));
        }
        match (&self.component, self.stage) {
            (Some(path), Some(stage)) => {
                let bytes = std::fs::read(path).map_err(|e| {
                    let (shown, e) = (path.display(), super::os_reason(&e));
                    InputError(say!(
                        super::language(),
                        "kan de component {shown} niet lezen: {e} (bouw hem eerst; zie de README ervan)",
                        "cannot read the component {shown}: {e} (build it first; see its README)"
                    ))
                })?;
                let bundle = Bundle::single(stage, path.display().to_string(), bytes);
                let sha256 = &bundle.manifest.stages[&stage].sha256;
                let (shown, sha) = (path.display(), &sha256[..12]);
                let target = say!(
                    super::language(),
                    "component {shown} als de stap {stage} (sha256 {sha})",
                    "component {shown} as the {stage} stage (sha256 {sha})"
                );
                Ok((target, bundle))
            }
            _ => {
                let target = super::language()
                    .pick(
                        "de landelijke standaard (referentiecomponenten)",
                        "the national defaults (reference components)",
                    )
                    .to_string();
                Ok((target.clone(), Bundle::empty(NATIONAL_DEFAULT, target)))
            }
        }
    }
}

/// Case files from files and directories (searched recursively for regular
/// files named *.toml in any case, without following symlinked folders),
/// sorted by path; an unreadable or invalid file is an input error naming
/// the file, line and column.
pub(crate) fn read_case_files(paths: &[PathBuf]) -> anyhow::Result<Vec<(String, CaseFile)>> {
    let mut found = Vec::new();
    for path in paths {
        collect(path, &mut found)?;
    }
    found.sort();
    let lang = super::language();
    let mut files = Vec::new();
    for path in found {
        let shown = path.display();
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let e = super::os_reason(&e);
            InputError(say!(
                lang,
                "kan het casusbestand {shown} niet lezen: {e}",
                "cannot read the case file {shown}: {e}"
            ))
        })?;
        let file = CaseFile::parse(&text).map_err(|e| InputError(format!("{shown}: {}", e.message(lang))))?;
        files.push((path.display().to_string(), file));
    }
    Ok(files)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let lang = super::language();
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| {
        let e = super::os_reason(&e);
        InputError(say!(
            lang,
            "kan {shown} niet lezen: {e} (geef casusbestanden of mappen met *.toml)",
            "cannot read {shown}: {e} (give case files or directories holding *.toml)"
        ))
    })?;
    if meta.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| {
            let e = super::os_reason(&e);
            InputError(say!(lang, "kan de inhoud van {shown} niet lezen: {e}", "cannot list {shown}: {e}"))
        })?;
        for entry in entries.flatten() {
            let p = entry.path();
            let shown = terminal(&p.display().to_string());
            // The entry's own type: a symlink is not followed into. A
            // symlinked folder is skipped, visibly: a link to an ancestor
            // would run every case again and again, two never finish.
            let Ok(own) = entry.file_type() else { continue };
            let is_toml = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            if own.is_dir() {
                collect(&p, out)?;
            } else if own.is_symlink() && std::fs::metadata(&p).is_ok_and(|m| m.is_dir()) {
                eprintln!(
                    "{}",
                    say!(
                        lang,
                        "let op: {shown} overgeslagen: een symbolische koppeling naar een map wordt niet gevolgd (geef de map zelf)",
                        "note: skipping {shown}: a symlink to a folder is not followed (give the folder itself)"
                    )
                );
            } else if is_toml && std::fs::metadata(&p).is_ok_and(|m| m.is_file()) {
                out.push(p);
            } else if is_toml {
                // A FIFO would block the run; a dangling link cannot be read.
                eprintln!(
                    "{}",
                    say!(
                        lang,
                        "let op: {shown} overgeslagen: geen gewoon bestand",
                        "note: skipping {shown}: not a regular file"
                    )
                );
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn coverage(cited: &BTreeMap<String, usize>) -> Coverage {
    let guideline = wegwijs::harness::guideline_rule_ids();
    let exercised: Vec<String> =
        guideline.iter().filter(|id| cited.contains_key(**id)).map(|s| s.to_string()).collect();
    let missing: Vec<String> = guideline.iter().filter(|id| !cited.contains_key(**id)).map(|s| s.to_string()).collect();
    let known: BTreeSet<&str> = guideline.iter().copied().collect();
    let other = cited.iter().filter(|(id, _)| !known.contains(id.as_str())).map(|(k, v)| (k.clone(), *v)).collect();
    let percent = if guideline.is_empty() { 0.0 } else { 100.0 * exercised.len() as f64 / guideline.len() as f64 };
    Coverage { exercised, missing, other, percent }
}

/// Whether `id` is one of the region's own rule ids: neither the
/// guideline's nor under one of its prefixes (`RT-`, `CS-`, `G-`, …).
fn is_own(id: &str, guideline: &BTreeSet<&str>, national_prefixes: &BTreeSet<&str>) -> bool {
    !guideline.contains(id) && rule_prefix(id).is_none_or(|p| !national_prefixes.contains(p))
}

/// A rule id's prefix: `RT` of `RT-A2`.
fn rule_prefix(id: &str) -> Option<&str> {
    id.split_once('-').map(|(p, _)| p)
}

/// Coverage of a region's own rule ids: those its cases assert (in every
/// case file of the bundle and of the run) or any decision cited, exercised
/// when a decision cited them; `other` is every other rule id cited (the
/// guideline's, the guardrails'). A region without rules of its own (only
/// configuration) has nothing to miss: 100%.
fn own_coverage(cited: &BTreeMap<String, usize>, asserted: impl IntoIterator<Item = String>) -> Coverage {
    let guideline = wegwijs::harness::guideline_rule_ids();
    let national: BTreeSet<&str> = guideline.iter().filter_map(|id| rule_prefix(id)).chain(["G"]).collect();
    let own: BTreeSet<String> =
        asserted.into_iter().chain(cited.keys().cloned()).filter(|id| is_own(id, &guideline, &national)).collect();
    let (exercised, missing): (Vec<String>, Vec<String>) = own.into_iter().partition(|id| cited.contains_key(id));
    let total = exercised.len() + missing.len();
    let percent = if total == 0 { 100.0 } else { 100.0 * exercised.len() as f64 / total as f64 };
    let other = cited.iter().filter(|(id, _)| !exercised.contains(id)).map(|(k, v)| (k.clone(), *v)).collect();
    Coverage { exercised, missing, other, percent }
}

fn text(r: &Report) -> String {
    let lang = super::language();
    let mut out = format!("{} {}\n", lang.pick("test van", "testing"), terminal(&r.target));
    let mut file = "";
    for c in &r.cases {
        if c.file != file {
            file = &c.file;
            let _ = writeln!(out, "\n{}", terminal(file));
        }
        if c.passed {
            let _ = writeln!(out, "  ok    {}", terminal(&c.name));
            continue;
        }
        let _ = writeln!(out, "  FAIL  {}", terminal(&c.name));
        match (&c.fault, &c.error) {
            (Some((stage, detail)), _) => {
                let first = detail.lines().next().unwrap_or("");
                let line = say!(
                    lang,
                    "de component voor de stap {stage} faalde: {first} (zie storingen hieronder)",
                    "the {stage} component faulted: {first} (see faults below)"
                );
                let _ = writeln!(out, "        {}", terminal(&line));
            }
            (None, Some(e)) => {
                let _ = writeln!(out, "        {}", terminal(e));
            }
            (None, None) => {}
        }
        for m in &c.mismatches {
            let _ = writeln!(
                out,
                "        {}\n          - {} {}\n          + {}   {}",
                terminal(&m.field),
                lang.pick("verwacht", "expected"),
                terminal(&m.expected),
                lang.pick("kreeg   ", "actual"),
                terminal(&m.actual)
            );
        }
    }
    let faults: Vec<(&str, &str, &str)> = r
        .cases
        .iter()
        .filter_map(|c| c.fault.as_ref().map(|(stage, detail)| (stage.as_str(), c.name.as_str(), detail.as_str())))
        .collect();
    if !faults.is_empty() {
        let _ = writeln!(
            out,
            "\n{}:",
            lang.pick(
                "STORINGEN (de uitkomst van de richtlijn zou in plaats daarvan gelden)",
                "FAULTS (the guideline's result would stand in)"
            )
        );
        out.push_str(&super::check::fault_groups(faults, lang));
    }
    if let Some(own) = &r.region_coverage {
        let (exercised, total, percent) = (own.exercised.len(), own.exercised.len() + own.missing.len(), own.percent);
        let line = match total {
            0 => lang
                .pick(
                    "regeldekking: de regio citeert geen eigen regel-id's (alleen configuratie)",
                    "rule coverage: the region cites no rule ids of its own (configuration only)",
                )
                .to_string(),
            _ => say!(
                lang,
                "regeldekking: {exercised} van {total} eigen regel-id's van de regio ({percent:.1}%)",
                "rule coverage: {exercised} of {total} of the region's own rule ids ({percent:.1}%)"
            ),
        };
        let _ = writeln!(out, "\n{line}");
        if !own.missing.is_empty() {
            let _ = writeln!(
                out,
                "  {}: {}",
                lang.pick("niet geraakt", "not exercised"),
                terminal(&own.missing.join(", "))
            );
        }
        if !r.show_national {
            let _ = writeln!(
                out,
                "  {}",
                lang.pick(
                    "(de regel-id's van de richtlijn: met --national-coverage)",
                    "(the guideline's rule ids: with --national-coverage)"
                )
            );
        }
    }
    if r.show_national {
        national_coverage(&mut out, &r.coverage, r.region_coverage.is_none(), lang);
    }
    if r.cases.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick(
                "er liep geen enkele casus (controleer de paden en --filter)",
                "no cases ran (check the paths and --filter)"
            )
        );
    }
    let (passed, failed) = (r.passed, r.failed);
    let _ =
        writeln!(out, "\n{}", say!(lang, "{passed} geslaagd, {failed} mislukt", "{passed} passed, {failed} failed"));
    out
}

/// The guideline's rule coverage, and with `others` the other rule ids
/// cited (a region's, when the cases ran against one without --region).
fn national_coverage(out: &mut String, cov: &Coverage, others: bool, lang: wegwijs::Language) {
    let (exercised, total, percent) = (cov.exercised.len(), cov.exercised.len() + cov.missing.len(), cov.percent);
    let _ = writeln!(
        out,
        "\n{}",
        say!(
            lang,
            "regeldekking: {exercised} van {total} regel-id's van de richtlijn ({percent:.1}%)",
            "rule coverage: {exercised} of {total} guideline rule ids ({percent:.1}%)"
        )
    );
    if !cov.missing.is_empty() {
        let _ =
            writeln!(out, "  {}: {}", lang.pick("niet geraakt", "not exercised"), terminal(&cov.missing.join(", ")));
    }
    let region_ids: Vec<&String> = cov.other.keys().filter(|id| !id.starts_with("G-")).collect();
    if others && !region_ids.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {}",
            lang.pick("andere geciteerde regel-id's", "other rule ids cited"),
            terminal(&region_ids.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
        );
    }
}

fn junit(r: &Report) -> String {
    let mut by_file: BTreeMap<&str, Vec<&CaseResult>> = BTreeMap::new();
    for c in &r.cases {
        by_file.entry(&c.file).or_default().push(c);
    }
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"wegwijs\" tests=\"{}\" failures=\"{}\">\n",
        r.cases.len(),
        r.failed
    );
    for (file, cases) in by_file {
        let failures = cases.iter().filter(|c| !c.passed).count();
        let _ =
            writeln!(out, "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">", markup(file), cases.len());
        for c in cases {
            let _ = write!(out, "    <testcase classname=\"{}\" name=\"{}\"", markup(file), markup(&c.name));
            if c.passed {
                out.push_str("/>\n");
                continue;
            }
            let mut message = c.error.clone().unwrap_or_default();
            for m in &c.mismatches {
                let _ = write!(message, "{}: expected {}, actual {}; ", m.field, m.expected, m.actual);
            }
            let _ = writeln!(
                out,
                ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>",
                markup(message.trim_end_matches("; ")),
                markup(&message)
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report whose case names, file names and messages carry text a
    /// careless or hostile case file could hold.
    fn report(text: &str) -> Report {
        let case = |passed| CaseResult {
            file: format!("cases/{text}.toml"),
            name: format!("case {text}"),
            passed,
            mismatches: vec![MismatchJson { field: text.into(), expected: text.into(), actual: text.into() }],
            error: Some(text.into()),
            fault: None,
        };
        Report {
            target: text.into(),
            cases: vec![case(true), case(false)],
            passed: 1,
            failed: 1,
            coverage: Coverage { exercised: vec![], missing: vec![], other: BTreeMap::new(), percent: 0.0 },
            region_coverage: None,
            show_national: true,
        }
    }

    const FORGED: &str = "a\u{1}b\u{1b}[2J\n  ok    forged\u{202e}<x y=\"z\">&";

    #[test]
    fn junit_stays_well_formed_xml() {
        let xml = junit(&report(FORGED));
        // XML 1.0 allows no C0 control but tab, newline and return, and our
        // own newlines are the only ones.
        assert!(!xml.chars().any(|c| c != '\n' && wegwijs_kit::is_forbidden_char(c)), "{xml}");
        assert_eq!(xml.lines().count(), junit(&report("plain")).lines().count());
        assert!(!xml.contains("<x") && !xml.contains("\"z\""), "{xml}");
        // Every element opened is closed, in order.
        let mut open = Vec::new();
        for tag in xml.split('<').skip(2) {
            let end = tag.find(['>', ' ']).unwrap_or(tag.len());
            let name = &tag[..end];
            if let Some(closing) = name.strip_prefix('/') {
                assert_eq!(open.pop(), Some(closing), "{xml}");
            } else if !tag.split('>').next().unwrap_or("").ends_with('/') {
                open.push(name);
            }
        }
        assert!(open.is_empty(), "unclosed: {open:?}");
    }

    #[test]
    fn the_text_report_keeps_one_line_per_line() {
        let (plain, forged) = (text(&report("plain")), text(&report(FORGED)));
        assert_eq!(plain.lines().count(), forged.lines().count(), "{forged}");
        assert!(!forged.chars().any(|c| c != '\n' && wegwijs_kit::is_forbidden_char(c)), "{forged}");
    }
}
