//! The human-readable decision card: what a JGZ professional reads, in the
//! order they need it. First what to check before anything else (a failed
//! stage, a guardrail that changed the result, warnings), then the
//! recommendation, then the routes with the conversation to have first,
//! then consent; a typical signal fits on one screen. Every line that
//! states a conclusion carries the rule id behind it. With `--explain` the
//! card also gives every stage's reasons, the guardrails, the components
//! with their hashes and the per-stage trace.

use crate::escape::terminal as t;
use std::fmt::Write;
use wegwijs::types as m;
use wegwijs::{Decision, Status};

/// Renders a decision; with `explain`, every reason, the guardrails, the
/// components and the per-stage trace too.
pub(crate) fn card(d: &Decision, explain: bool) -> String {
    let mut out = String::new();
    let o = &mut out;
    let id = t(d.signal_id.as_deref().unwrap_or("(no id)"));
    let _ = writeln!(o, "wegwijs decision · signal {id} · child {}", d.pseudonym);
    check_first(o, d);
    recommendation(o, d, explain);
    routes(o, d, explain);
    consent(o, d);
    if explain {
        explained(o, d);
    }
    footer(o, d, explain);
    out
}

/// What the professional must see before the recommendation: a stage that
/// failed, a guardrail that changed what the components returned, and the
/// warnings of every stage.
fn check_first(o: &mut String, d: &Decision) {
    let changed: Vec<_> = d.guardrails.iter().filter(|g| g.changed).collect();
    if d.status != Status::Incomplete && changed.is_empty() && d.warnings.is_empty() && d.faults.is_empty() {
        return;
    }
    let _ = writeln!(o, "\nCHECK FIRST");
    if d.status == Status::Incomplete {
        let _ = writeln!(o, "  ! INCOMPLETE: a stage failed; assess this signal by hand.");
    }
    for f in &d.faults {
        let _ = writeln!(
            o,
            "  ! the {} component ({}) failed: {}; {}",
            f.stage,
            t(&f.component),
            t(&fault_kind(&f.kind)),
            t(&f.fallback)
        );
    }
    for g in changed {
        let _ = writeln!(o, "  ! [{}] changed the result: {}", t(g.rule), t(&g.text));
    }
    for r in &d.warnings {
        let _ = writeln!(o, "  ! [{}] {}", t(&r.rule), t(&r.text));
    }
}

/// The headline, level, action and urgency, what intake and screening
/// concluded, and where a region departs from the guideline.
fn recommendation(o: &mut String, d: &Decision, explain: bool) {
    section(o, "RECOMMENDATION", &d.headline);
    if let (Some(l), Some(a)) = (d.level, d.action) {
        let _ = writeln!(o, "  level {l} · action {} · urgency {}", a.name().to_uppercase(), d.urgency);
    }
    if let Some(c) = &d.intake {
        let _ = writeln!(o, "  intake: {}", t(&c.summary));
    }
    if let Some(c) = &d.screening {
        let _ = writeln!(o, "  screening: {}", t(&c.summary));
    }
    for dv in &d.divergences {
        let _ = writeln!(o, "  region {} at {}: {}", t(&dv.component), dv.stage, t(&dv.changes.join("; ")));
        if explain {
            for reason in &dv.region_reasons {
                let _ = writeln!(o, "     [{}] {}", t(&reason.rule), t(&reason.text));
            }
        }
    }
}

/// Each route with the conversation to have first and why.
fn routes(o: &mut String, d: &Decision, explain: bool) {
    let Some(r) = &d.routing else { return };
    section(o, "ROUTES", &r.summary);
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
            let _ = writeln!(o, "     locally: {}", t(name));
        }
        if !route.conversation.is_empty() {
            let _ = writeln!(o, "     talk first: {}", t(&route.conversation));
        }
        for reason in &route.reasons {
            let _ = writeln!(o, "     [{}] {}", t(&reason.rule), t(&reason.text));
        }
    }
    if r.one_plan {
        let _ = writeln!(
            o,
            "  One family, one plan; care coordinator: {}",
            t(r.care_coordinator.as_deref().unwrap_or("to be agreed"))
        );
    }
    if explain {
        reasons(o, &r.reasons);
    }
}

/// Per disclosure: the outcome, whose consent, what may be shared, the
/// checklist and why (what is still missing is in the reasons).
fn consent(o: &mut String, d: &Decision) {
    if d.consent.is_empty() {
        return;
    }
    section(o, "CONSENT", "what may be shared, with whom");
    for c in &d.consent {
        let mut line = format!("  • {} ({}): {}", c.request.recipient, c.request.purpose, c.outcome);
        if !c.consent_of.is_empty() {
            let parties: Vec<&str> = c.consent_of.iter().map(|p| p.name()).collect();
            let _ = write!(line, " — consent of {}", parties.join(" and "));
        }
        if let Some(b) = &c.legal_basis {
            let _ = write!(line, " — basis: {}", t(b));
        }
        let _ = writeln!(o, "{line}");
        if !c.permitted_data.is_empty() {
            let cats: Vec<&str> = c.permitted_data.iter().map(|p| p.name()).collect();
            let _ = writeln!(o, "     may share: {}", cats.join(", "));
        }
        for item in &c.checklist {
            let _ = writeln!(o, "     ☐ {}", t(item));
        }
        for reason in &c.reasons {
            let _ = writeln!(o, "     [{}] {}", t(&reason.rule), t(&reason.text));
        }
    }
}

/// `--explain`: intake's and screening's reasons, the faults in full, the
/// guardrails, the components and the per-stage trace.
fn explained(o: &mut String, d: &Decision) {
    if let Some(c) = &d.intake {
        section(o, "Intake", &c.summary);
        reasons(o, &c.reasons);
    }
    if let Some(c) = &d.screening {
        section(o, "Screening", &c.summary);
        reasons(o, &c.reasons);
    }
    if !d.faults.is_empty() {
        section(o, "Faults", "components that failed");
        for f in &d.faults {
            let _ = writeln!(
                o,
                "  {} ({}, {}, sha256 {}): {} — {}",
                f.stage,
                t(&f.component),
                t(&fault_kind(&f.kind)),
                t(short(&f.sha256)),
                t(&f.detail),
                t(&f.fallback)
            );
        }
    }
    section(o, "Guardrails", "floors no component can go below");
    for g in &d.guardrails {
        let _ = writeln!(
            o,
            "  {:<14} {} {}",
            format!("[{}]", t(g.rule)),
            if g.changed { "CHANGED" } else { "ok     " },
            t(&g.text)
        );
    }
    section(o, "Provenance", &format!("{} · host {}", t(&d.provenance.wit), t(&d.provenance.host)));
    for c in &d.provenance.components {
        let _ = writeln!(
            o,
            "  {:<10} {} {} ({:?}) sha256 {}",
            c.stage.name(),
            t(&c.name),
            t(&c.version),
            c.role,
            t(short(&c.sha256))
        );
    }
    if let Some(trace) = &d.trace {
        section(o, "Trace", "what each stage saw and returned");
        for tr in trace {
            let _ = writeln!(
                o,
                "  ── {} ({}) · {} µs · {} KiB memory",
                tr.stage,
                t(&tr.component),
                tr.micros,
                tr.memory_bytes >> 10
            );
            let _ = writeln!(o, "  input:");
            indent(o, &serde_json::to_string_pretty(&tr.input).unwrap_or_default(), 4);
            let _ = writeln!(o, "  output:");
            indent(o, &serde_json::to_string_pretty(&tr.output).unwrap_or_default(), 4);
            for l in &tr.logs {
                let _ = writeln!(o, "  log {:?}: {}", l.level, t(&l.message));
            }
        }
    }
}

/// G-HUMAN, where the decision came from, and how to see more.
fn footer(o: &mut String, d: &Decision, explain: bool) {
    let _ = writeln!(o, "\nA recommendation only: nothing has been sent (G-HUMAN).");
    let region = match (&d.provenance.region_name, d.provenance.region_revision) {
        (Some(name), Some(rev)) => format!("region {} ({}, revision {rev})", t(&d.provenance.region), t(name)),
        _ => t(&d.provenance.region),
    };
    let held =
        if d.guardrails.iter().any(|g| g.changed) { "a guardrail changed the result" } else { "all guardrails held" };
    let _ = writeln!(o, "{region} · {} · {held}", t(&d.provenance.wit));
    if let Some(id) = &d.decision_id {
        let _ = writeln!(o, "in the decision log as {}", t(id));
    }
    if !explain {
        let _ = writeln!(o, "More: --explain (every reason, the guardrails, the components and what each stage saw).");
    }
}

fn section(o: &mut String, title: &str, summary: &str) {
    let _ = writeln!(o, "\n{title} — {}", t(summary));
}

fn reasons(o: &mut String, rs: &[m::Reason]) {
    for r in rs {
        let _ = writeln!(o, "  [{}] {}", t(&r.rule), t(&r.text));
    }
}

fn indent(o: &mut String, text: &str, n: usize) {
    for line in text.lines() {
        let _ = writeln!(o, "{:n$}{}", "", t(line));
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
        wegwijs::FaultKind::Capacity => "host over capacity".into(),
        _ => "fault".into(),
    }
}

fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs::{DecideOptions, Host, Signal};

    /// A text that would clear the screen, forge a guardrail line and
    /// reverse what follows, were it printed raw.
    const FORGED: &str = "\u{1b}[2J\n[G-SAFETY]     ok     forged\u{202e}x\u{9b}y";

    fn decision() -> Decision {
        let host = Host::builder().build().unwrap();
        let text = include_str!("../../../examples/signals/04-kindcheck-adult-ggz.json");
        let signal = Signal::from_json(text).unwrap();
        host.decide_with(&signal, &DecideOptions::explain()).unwrap()
    }

    /// Puts `text` into every free-text field of the decision a renderer
    /// shows, as if the host had let it through.
    fn inject(d: &mut Decision, text: &str) {
        let reason = |r: &mut m::Reason| r.text.push_str(text);
        d.signal_id = Some(text.into());
        d.headline.push_str(text);
        d.warnings.push(m::Reason::new("TEST-W", text));
        d.warnings.iter_mut().for_each(reason);
        if let Some(r) = d.routing.as_mut() {
            r.summary.push_str(text);
            r.reasons.iter_mut().for_each(reason);
            r.care_coordinator = Some(text.into());
            for route in &mut r.routes {
                route.local_name = Some(text.into());
                route.conversation.push_str(text);
                route.reasons.iter_mut().for_each(reason);
            }
        }
        for c in &mut d.consent {
            c.checklist.push(text.into());
            c.legal_basis = Some(text.into());
            c.reasons.iter_mut().for_each(reason);
        }
        for g in &mut d.guardrails {
            g.text.push_str(text);
        }
        d.provenance.region_name = Some(text.into());
        d.provenance.region_revision = Some(1);
    }

    #[test]
    fn text_from_outside_cannot_add_lines_or_controls_to_the_card() {
        let mut benign = decision();
        assert!(benign.routing.as_ref().is_some_and(|r| !r.routes.is_empty()), "the example needs routes");
        let mut forged = benign.clone();
        inject(&mut benign, "plain");
        inject(&mut forged, FORGED);
        for explain in [false, true] {
            let (b, f) = (card(&benign, explain), card(&forged, explain));
            assert_eq!(b.lines().count(), f.lines().count(), "a forged text added or removed lines");
            assert!(!f.chars().any(|c| c != '\n' && wegwijs_kit::is_forbidden_char(c)), "a control reached the card");
            assert!(f.contains("<U+000A>[G-SAFETY]"), "the forged line is shown inline, visibly");
        }
    }
}
