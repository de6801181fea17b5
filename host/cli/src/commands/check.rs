//! `wegwijs check`: everything the host would check before a component
//! meets a child's case, and then some. It loads the component exactly as a
//! region's would be loaded (a component, not a core module; the stage's
//! export at a compatible version; no imports outside the world, each
//! named; instantiated within limits), then runs the built-in battery of
//! guideline cases with the component in its stage and reports, per case,
//! faults, where the component's own output would have breached a guardrail
//! had the host not stepped in, and where it diverges from the guideline.

use super::InputError;
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use wegwijs::harness::{Bundle, CaseFile, Trial};
use wegwijs::types::say;
use wegwijs::{DecideOptions, Host, Stage};

/// The guideline case files every component is checked against: the same
/// files the reference components are tested with.
const BATTERY: [(&str, &str); 6] = [
    ("intake", include_str!("../../../../tests/cases/intake.toml")),
    ("risk-card", include_str!("../../../../tests/cases/risk-card.toml")),
    ("instruments", include_str!("../../../../tests/cases/instruments.toml")),
    ("routing", include_str!("../../../../tests/cases/routing.toml")),
    ("consent", include_str!("../../../../tests/cases/consent.toml")),
    ("meldcode", include_str!("../../../../tests/cases/meldcode.toml")),
];

/// The guardrails a component's own output can breach.
const FLOORS: [&str; 4] = ["G-SAFETY", "G-AUTHORITY", "G-CONSENT", "G-NO-DROP"];

/// Validate a component and run it against the built-in guideline cases.
#[derive(Debug, Args)]
pub(crate) struct CheckCommand {
    #[command(flatten)]
    pub(crate) reader: super::ReaderLanguage,
    /// The component to check.
    component: PathBuf,
    /// The stage it implements.
    #[arg(long, value_parser = super::stage_parser())]
    stage: Stage,
    /// Configuration the component reads, as KEY=VALUE (repeatable).
    #[arg(long = "config", value_name = "KEY=VALUE")]
    config: Vec<String>,
    /// Meter fuel and give the component under test this budget per call
    /// (deterministic, unlike the wall-clock deadline; the reference
    /// components are metered without a budget).
    #[arg(long, value_name = "UNITS")]
    fuel: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// How to print the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people.
    Text,
    /// For machines.
    Json,
}

#[derive(Debug, Serialize)]
struct Report {
    component: String,
    stage: String,
    sha256: String,
    bytes: usize,
    load: Result<String, String>,
    cases: usize,
    findings: Vec<Finding>,
    faults: usize,
    breaches: usize,
    divergences: usize,
}

#[derive(Debug, Serialize)]
struct Finding {
    case: String,
    kind: &'static str,
    /// For a fault: the stage whose component faulted.
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<String>,
    detail: String,
}

impl CheckCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        let lang = super::language();
        let bytes = std::fs::read(&self.component).map_err(|e| {
            let (shown, e) = (self.component.display(), super::os_reason(&e));
            InputError(say!(
                lang,
                "kan de component {shown} niet lezen: {e} (bouw hem eerst, bijv. met `cargo build --release --target wasm32-wasip2`)",
                "cannot read the component {shown}: {e} (build it first, e.g. `cargo build --release --target wasm32-wasip2`)"
            ))
        })?;
        let mut config = BTreeMap::new();
        for kv in &self.config {
            let (k, v) = kv.split_once('=').ok_or_else(|| {
                InputError(say!(
                    lang,
                    "--config `{kv}`: schrijf KEY=VALUE, bijv. routing.hub=wijkteam",
                    "--config `{kv}`: write KEY=VALUE, e.g. routing.hub=wijkteam"
                ))
            })?;
            config.insert(k.trim().to_string(), v.to_string());
        }
        let stage = self.stage;
        let host = super::build_host(Host::builder().fuel(self.fuel.is_some()))?;
        let mut bundle = Bundle::single(stage, self.component.display().to_string(), bytes);
        bundle.manifest.config = config;
        bundle.manifest.limits.fuel = self.fuel;
        let mut report = Report {
            component: self.component.display().to_string(),
            stage: stage.name().into(),
            sha256: bundle.manifest.stages[&stage].sha256.clone(),
            bytes: bundle.components[&stage].len(),
            load: Ok(String::new()),
            cases: 0,
            findings: vec![],
            faults: 0,
            breaches: 0,
            divergences: 0,
        };

        // Compiling the component into a trial region runs every load check
        // the host has (the same as activating a bundle), once.
        match Trial::new(&host, &bundle) {
            Err(wegwijs::Error::RegionRefused { problems, .. }) => {
                report.load = Err(problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>().join("; "));
            }
            Err(other) => return Err(other.into()),
            Ok(trial) => {
                let interface = stage.interface();
                report.load = Ok(say!(
                    lang,
                    "een component die {interface} exporteert, niets buiten zijn wereld importeert en binnen de standaardlimieten wordt geïnstantieerd",
                    "a component exporting {interface}, importing nothing outside its world, instantiated within the default limits"
                ));
                battery(&host, &trial, &mut report)?;
            }
        }

        match self.format {
            Format::Text => print!("{}", text(&report)),
            Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        }
        Ok(if report.load.is_err() || report.faults > 0 || report.breaches > 0 {
            crate::exit::FAILED
        } else {
            crate::exit::OK
        })
    }
}

/// Runs every battery case nationally and with the component, and records
/// faults, guardrail breaches and divergences.
fn battery(host: &Host, trial: &Trial<'_>, report: &mut Report) -> anyhow::Result<()> {
    let national = DecideOptions::national();
    for (file, text) in BATTERY {
        let cases = CaseFile::parse(text).map_err(|e| {
            let (lang, e) = (super::language(), e.message(super::language()));
            anyhow::anyhow!(say!(lang, "ingebouwd casusbestand {file}: {e}", "built-in case file {file}: {e}"))
        })?;
        for case in cases.cases {
            let Ok(signal) = case.signal() else { continue };
            let label = format!("{file} › {}", case.name);
            let reference = host.decide_with(&signal, &national)?;
            let own = trial.decide(&signal, &DecideOptions::default())?;
            report.cases += 1;
            for f in &own.faults {
                report.faults += 1;
                report.findings.push(Finding {
                    case: label.clone(),
                    kind: "fault",
                    stage: Some(f.stage.name().into()),
                    detail: f.detail.clone(),
                });
            }
            for g in own.guardrails.iter().filter(|g| g.changed && FLOORS.contains(&g.rule)) {
                let also_national = reference.guardrails.iter().any(|n| n.rule == g.rule && n.changed);
                // A fault is already reported; G-NO-DROP then only says so.
                if also_national || (g.rule == "G-NO-DROP" && !own.faults.is_empty()) {
                    continue;
                }
                report.breaches += 1;
                report.findings.push(Finding {
                    case: label.clone(),
                    kind: "breach",
                    stage: None,
                    detail: format!("{}: {}", g.rule, g.text),
                });
            }
            for d in &own.divergences {
                report.divergences += 1;
                report.findings.push(Finding {
                    case: label.clone(),
                    kind: if d.reasons_only { "reasons-only" } else { "divergence" },
                    stage: None,
                    detail: d.changes.join("; "),
                });
            }
        }
    }
    Ok(())
}

fn text(r: &Report) -> String {
    let lang = super::language();
    let (component, stage, bytes, sha) = (&r.component, &r.stage, r.bytes, &r.sha256[..12]);
    let mut out = say!(
        lang,
        "{component} gecontroleerd als component voor {stage} ({bytes} bytes, sha256 {sha})\n",
        "checking {component} as the {stage} stage ({bytes} bytes, sha256 {sha})\n"
    );
    match &r.load {
        Err(e) => {
            let _ = writeln!(out, "  {}  {e}", lang.pick("GEWEIGERD", "REFUSED"));
            let _ = writeln!(
                out,
                "\n{}",
                lang.pick(
                    "de component is zo niet bruikbaar; los het bovenstaande op en controleer opnieuw",
                    "the component cannot be used; fix the above and check again"
                )
            );
            return out;
        }
        Ok(ok) => {
            let _ = writeln!(out, "  ok       {ok}");
        }
    }
    let count = |kind: &str| r.findings.iter().filter(|f| f.kind == kind).count();
    let (real, reasons_only) = (count("divergence"), count("reasons-only"));
    for kind in ["fault", "breach", "divergence"] {
        let found: Vec<&Finding> = r.findings.iter().filter(|f| f.kind == kind).collect();
        if found.is_empty() {
            continue;
        }
        let title = match kind {
            "fault" => lang.pick(
                "STORINGEN (de uitkomst van de richtlijn gold in plaats daarvan)",
                "FAULTS (the guideline's result stood in)",
            ),
            "breach" => lang.pick(
                "VANGRAILS DOORBROKEN (de host corrigeerde de uitvoer van de component)",
                "GUARDRAIL BREACHES (the host corrected the component's output)",
            ),
            _ => lang.pick(
                "afwijkingen van de richtlijn (toegestaan; getoond zodat je kunt bevestigen dat elke bedoeld is)",
                "divergences from the guideline (allowed; shown so you can confirm each is intended)",
            ),
        };
        let _ = writeln!(out, "\n{title}:");
        if kind == "fault" {
            let faults =
                found.iter().map(|f| (f.stage.as_deref().unwrap_or(stage), f.case.as_str(), f.detail.as_str()));
            out.push_str(&fault_groups(faults, lang));
            continue;
        }
        for f in found {
            let _ = writeln!(out, "  {}\n    {}", f.case, f.detail);
        }
    }
    if reasons_only > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            say!(
                lang,
                "{reasons_only} casus(sen) waarin de component alleen eigen redenen toevoegde (geen afwijking van het besluit)",
                "{reasons_only} case(s) where the component only added reasons of its own (not a divergence of the decision)"
            )
        );
    }
    let (cases, faults, breaches) = (r.cases, r.faults, r.breaches);
    let _ = writeln!(
        out,
        "\n{}",
        say!(
            lang,
            "{real} afwijkingen van het besluit, {faults} storingen, {breaches} doorbroken vangrails in {cases} richtlijncasussen (daarnaast {reasons_only} met alleen eigen redenen)",
            "{real} divergences of the decision, {faults} faults, {breaches} guardrail breaches in {cases} guideline cases (and {reasons_only} with reasons of its own only)"
        )
    );
    out
}

/// Faults told apart by stage and the first line of their detail, with the
/// digits in that line not counted (an offset, a count, a case's number):
/// one line names what went wrong, however many cases it went wrong in.
fn fault_key(stage: &str, detail: &str) -> (String, String) {
    let first = detail.lines().next().unwrap_or("");
    let mut key = String::with_capacity(first.len());
    for c in first.chars() {
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.push(c);
        }
    }
    (stage.to_string(), key)
}

/// Each distinct fault once (see [`fault_key`]), the most frequent first:
/// which stage's component faulted, in how many cases, one of them by name,
/// and the fault's detail as the first of those cases recorded it. `faults`
/// are (stage, case, detail). Shared by `check` and `test`.
pub(crate) fn fault_groups<'a>(
    faults: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    lang: wegwijs::Language,
) -> String {
    /// One distinct fault: its key, stage, first detail and its cases.
    struct Group<'a> {
        key: (String, String),
        stage: &'a str,
        detail: &'a str,
        cases: Vec<&'a str>,
    }
    let mut groups: Vec<Group<'a>> = Vec::new();
    for (stage, case, detail) in faults {
        let key = fault_key(stage, detail);
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => g.cases.push(case),
            None => groups.push(Group { key, stage, detail, cases: vec![case] }),
        }
    }
    // Stable: groups as frequent as each other keep their first case's order.
    groups.sort_by_key(|g| std::cmp::Reverse(g.cases.len()));
    let mut out = String::new();
    for Group { stage, detail, cases, .. } in groups {
        let (n, example) = (cases.len(), crate::escape::terminal(cases[0]));
        let head = match n {
            1 => say!(
                lang,
                "de component voor de stap {stage} faalde in 1 casus: {example}",
                "the {stage} component faulted in 1 case: {example}"
            ),
            _ => say!(
                lang,
                "de component voor de stap {stage} faalde in {n} casussen, bijv. {example}",
                "the {stage} component faulted in {n} cases, e.g. {example}"
            ),
        };
        let _ = writeln!(out, "  {head}");
        for line in detail.lines() {
            let _ = writeln!(out, "    {}", crate::escape::terminal(line));
        }
    }
    out
}
