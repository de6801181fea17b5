//! The human-readable decision card: what a JGZ professional reads. Every line
//! that states a conclusion carries the rule id behind it.

use std::fmt::Write;
use wegwijs::types as m;
use wegwijs::{Decision, Status};

/// Renders a decision; with `explain`, appends the per-stage trace.
pub(crate) fn card(d: &Decision, explain: bool) -> String {
    let mut out = String::new();
    let o = &mut out;
    let id = d.signal_id.as_deref().unwrap_or("(no id)");
    let _ = writeln!(o, "wegwijs decision · signal {id} · child {}", d.pseudonym);
    let _ = writeln!(o, "{}", d.headline);
    if let (Some(l), Some(a)) = (d.level, d.action) {
        let _ = writeln!(o, "level {l} · action {} · urgency {}", a.name().to_uppercase(), d.urgency);
    }
    let _ = writeln!(o, "A recommendation only: nothing has been sent (G-HUMAN).");

    if let Some(c) = &d.intake {
        section(o, "Intake", &c.summary);
        reasons(o, &c.reasons);
    }
    if let Some(c) = &d.screening {
        section(o, "Screening", &c.summary);
        reasons(o, &c.reasons);
    }
    if let Some(r) = &d.routing {
        section(o, "Routes", &r.summary);
        if r.routes.is_empty() {
            let _ = writeln!(o, "  (none)");
        }
        for (i, route) in r.routes.iter().enumerate() {
            let mut line = format!("  {}. {} — {}, {}", i + 1, route.partner, route.kind, route.urgency);
            if let Some(v) = route.verwijzer {
                let _ = write!(line, ", verwijzer {} {}", v.code(), v);
            }
            if route.handover != m::Handover::None {
                let _ = write!(line, ", {} handover", route.handover);
            }
            let _ = writeln!(o, "{line}");
            if let Some(name) = &route.local_name {
                let _ = writeln!(o, "     locally: {name}");
            }
            if !route.conversation.is_empty() {
                let _ = writeln!(o, "     talk first: {}", route.conversation);
            }
            for reason in &route.reasons {
                let _ = writeln!(o, "     [{}] {}", reason.rule, reason.text);
            }
        }
        if r.one_plan {
            let _ = writeln!(
                o,
                "  One family, one plan; care coordinator: {}",
                r.care_coordinator.as_deref().unwrap_or("to be agreed")
            );
        }
        reasons(o, &r.reasons);
    }
    if !d.consent.is_empty() {
        section(o, "Consent", "what may be shared, with whom");
        for c in &d.consent {
            let mut line = format!("  • {} ({}): {}", c.request.recipient, c.request.purpose, c.outcome);
            if !c.consent_of.is_empty() {
                let parties: Vec<&str> = c.consent_of.iter().map(|p| p.name()).collect();
                let _ = write!(line, " — consent of {}", parties.join(" and "));
            }
            if let Some(b) = &c.legal_basis {
                let _ = write!(line, " — basis: {b}");
            }
            let _ = writeln!(o, "{line}");
            if !c.permitted_data.is_empty() {
                let cats: Vec<&str> = c.permitted_data.iter().map(|p| p.name()).collect();
                let _ = writeln!(o, "     may share: {}", cats.join(", "));
            }
            for item in &c.checklist {
                let _ = writeln!(o, "     ☐ {item}");
            }
            for reason in &c.reasons {
                let _ = writeln!(o, "     [{}] {}", reason.rule, reason.text);
            }
        }
    }
    if !d.warnings.is_empty() {
        section(o, "Warnings", "check these");
        reasons(o, &d.warnings);
    }
    if !d.faults.is_empty() {
        section(o, "Faults", "components that failed");
        for f in &d.faults {
            let _ = writeln!(
                o,
                "  {} ({}, {}, sha256 {}): {} — {}",
                f.stage,
                f.component,
                fault_kind(&f.kind),
                short(&f.sha256),
                f.detail,
                f.fallback
            );
        }
    }
    if !d.divergences.is_empty() {
        section(o, "Region", "where the region departs from the guideline");
        for dv in &d.divergences {
            let _ = writeln!(o, "  {} ({}): {}", dv.stage, dv.component, dv.changes.join("; "));
            for reason in &dv.region_reasons {
                let _ = writeln!(o, "     [{}] {}", reason.rule, reason.text);
            }
        }
    }
    section(o, "Guardrails", "floors no component can go below");
    for g in &d.guardrails {
        let _ = writeln!(
            o,
            "  {:<14} {} {}",
            format!("[{}]", g.rule),
            if g.changed { "CHANGED" } else { "ok     " },
            g.text
        );
    }
    let region = match (&d.provenance.region_name, d.provenance.region_revision) {
        (Some(name), Some(rev)) => format!("region {} ({name}, revision {rev})", d.provenance.region),
        _ => d.provenance.region.clone(),
    };
    section(o, "Provenance", &format!("{} · host {} · {region}", d.provenance.wit, d.provenance.host));
    for c in &d.provenance.components {
        let _ =
            writeln!(o, "  {:<10} {} {} ({:?}) sha256 {}", c.stage.name(), c.name, c.version, c.role, short(&c.sha256));
    }
    if d.status == Status::Incomplete {
        let _ = writeln!(o, "\nINCOMPLETE: assess this signal by hand; the faults above say why.");
    }
    if explain && let Some(trace) = &d.trace {
        section(o, "Trace", "what each stage saw and returned");
        for t in trace {
            let _ = writeln!(o, "  ── {} ({}) · {} µs", t.stage, t.component, t.micros);
            let _ = writeln!(o, "  input:");
            indent(o, &serde_json::to_string_pretty(&t.input).unwrap_or_default(), 4);
            let _ = writeln!(o, "  output:");
            indent(o, &serde_json::to_string_pretty(&t.output).unwrap_or_default(), 4);
            for l in &t.logs {
                let _ = writeln!(o, "  log {:?}: {}", l.level, l.message);
            }
        }
    }
    out
}

fn section(o: &mut String, title: &str, summary: &str) {
    let _ = writeln!(o, "\n{title} — {summary}");
}

fn reasons(o: &mut String, rs: &[m::Reason]) {
    for r in rs {
        let _ = writeln!(o, "  [{}] {}", r.rule, r.text);
    }
}

fn indent(o: &mut String, text: &str, n: usize) {
    for line in text.lines() {
        let _ = writeln!(o, "{:n$}{line}", "");
    }
}

fn fault_kind(kind: &wegwijs::FaultKind) -> String {
    match kind {
        wegwijs::FaultKind::Trap { trap } => format!("trap: {trap}"),
        wegwijs::FaultKind::Deadline => "deadline passed".into(),
        wegwijs::FaultKind::Fuel => "fuel exhausted".into(),
        wegwijs::FaultKind::MemoryLimit => "memory limit".into(),
        wegwijs::FaultKind::OutputTooLarge => "output too large".into(),
        wegwijs::FaultKind::InvalidOutput => "invalid output".into(),
        wegwijs::FaultKind::Instantiation => "instantiation failed".into(),
        _ => "fault".into(),
    }
}

fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}
