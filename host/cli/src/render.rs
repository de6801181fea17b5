//! The human-readable decision card: what a JGZ professional reads, in the
//! order they need it. First what to check before anything else (a failed
//! stage, a guardrail that changed the result, warnings), then the
//! recommendation, then the routes with the conversation to have first,
//! then consent; a typical signal fits on one screen, wrapped to
//! [`WIDTH`] columns. It is written in the decision's language (Dutch by
//! default), with the glossary's words for every code. Every line that
//! states a conclusion carries the rule id behind it. With `--explain` the
//! card also gives every stage's reasons, the guardrails, the components
//! with their hashes and the per-stage trace.

use crate::escape::terminal as t;
use std::fmt::Write;
use wegwijs::types as m;
use wegwijs::{Decision, Language, Status};
use wegwijs_kit as kit;

/// Lines longer than this are wrapped at a space, with the continuation
/// indented under the text: a card must read on an 80–100 column terminal.
pub(crate) const WIDTH: usize = 100;

/// Renders a decision in the language it was decided in; with `explain`,
/// every reason, the guardrails, the components and the per-stage trace too.
pub(crate) fn card(d: &Decision, explain: bool) -> String {
    wrap(&card_unwrapped(d, explain), WIDTH)
}

/// The card before wrapping: one line per item.
fn card_unwrapped(d: &Decision, explain: bool) -> String {
    let lang = Language::from_tag(&d.language).unwrap_or_default();
    let mut out = String::new();
    let o = &mut out;
    let id = t(d.signal_id.as_deref().unwrap_or(lang.pick("(geen id)", "(no id)")));
    let _ = writeln!(
        o,
        "{}",
        match lang {
            Language::Nl => format!("wegwijs-advies · signaal {id} · kind {}", d.pseudonym),
            Language::En => format!("wegwijs decision · signal {id} · child {}", d.pseudonym),
        }
    );
    check_first(o, d, lang);
    recommendation(o, d, explain, lang);
    routes(o, d, explain, lang);
    consent(o, d, explain, lang);
    if explain {
        explained(o, d, lang);
    }
    footer(o, d, explain, lang);
    out
}

/// What the professional must see before the recommendation: a stage that
/// failed, a guardrail that changed what the components returned, and the
/// warnings of every stage.
fn check_first(o: &mut String, d: &Decision, lang: Language) {
    let changed: Vec<_> = d.guardrails.iter().filter(|g| g.changed).collect();
    if d.status != Status::Incomplete && changed.is_empty() && d.warnings.is_empty() && d.faults.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n{}", lang.pick("EERST CONTROLEREN", "CHECK FIRST"));
    if d.status == Status::Incomplete {
        let _ = writeln!(
            o,
            "  ! {}",
            lang.pick(
                "ONVOLLEDIG: een stap faalde; beoordeel dit signaal zelf.",
                "INCOMPLETE: a stage failed; assess this signal by hand."
            )
        );
    }
    for f in &d.faults {
        let (stage, component, kind, fallback) =
            (stage_name(f.stage, lang), t(&f.component), t(&fault_kind(&f.kind, lang)), t(&f.fallback));
        let _ = writeln!(
            o,
            "  ! {}",
            match lang {
                Language::Nl => format!("de component voor {stage} ({component}) faalde: {kind}; {fallback}"),
                Language::En => format!("the {stage} component ({component}) failed: {kind}; {fallback}"),
            }
        );
    }
    for g in changed {
        let _ = writeln!(
            o,
            "  ! [{}] {}: {}",
            t(g.rule),
            lang.pick("veranderde de uitkomst", "changed the result"),
            t(&g.text)
        );
    }
    for r in &d.warnings {
        let _ = writeln!(o, "  ! [{}] {}", t(&r.rule), t(&r.text));
    }
}

/// The headline, level, action and urgency, what intake and screening
/// concluded, and where a region departs from the guideline.
fn recommendation(o: &mut String, d: &Decision, explain: bool, lang: Language) {
    section(o, lang.pick("ADVIES", "RECOMMENDATION"), &d.headline);
    if let (Some(l), Some(a)) = (d.level, d.action) {
        let (level, action, when) =
            (kit::level_term(l, lang), kit::action_label(a, lang), kit::urgency_term(d.urgency, lang));
        let _ = writeln!(
            o,
            "  {}",
            match lang {
                Language::Nl => format!("niveau {level} · actie {action} · urgentie: {when}"),
                Language::En => format!("level {level} · action {action} · urgency: {when}"),
            }
        );
    }
    if let Some(c) = &d.intake {
        let _ = writeln!(o, "  intake: {}", t(&c.summary));
    }
    if let Some(c) = &d.screening {
        let _ = writeln!(o, "  screening: {}", t(&c.summary));
    }
    for dv in &d.divergences {
        let (component, stage, changes) = (t(&dv.component), stage_name(dv.stage, lang), t(&dv.changes.join("; ")));
        let _ = writeln!(
            o,
            "  {}",
            match lang {
                Language::Nl => format!("regio {component} bij {stage}: {changes}"),
                Language::En => format!("region {component} at {stage}: {changes}"),
            }
        );
        if explain {
            for reason in &dv.region_reasons {
                let _ = writeln!(o, "     [{}] {}", t(&reason.rule), t(&reason.text));
            }
        }
    }
}

/// Each route with the conversation to have first and why. Without
/// `--explain` a route's reasons are named by their rule ids only: the
/// sentences are there on request, and the card stays one screen.
fn routes(o: &mut String, d: &Decision, explain: bool, lang: Language) {
    let Some(r) = &d.routing else { return };
    section(o, "ROUTES", &r.summary);
    if r.routes.is_empty() {
        let _ = writeln!(o, "  {}", lang.pick("(geen)", "(none)"));
    }
    for (i, route) in r.routes.iter().enumerate() {
        let mut line = format!(
            "  {}. {} — {}, {}",
            i + 1,
            kit::sentence_case(kit::partner_term(route.partner, lang)),
            kit::route_kind_term(route.kind, lang),
            kit::urgency_term(route.urgency, lang)
        );
        if let Some(v) = route.verwijzer {
            let _ = write!(line, ", verwijzer {} {}", v.code(), kit::verwijzer_label(v));
        }
        match route.handover {
            m::Handover::None => {}
            m::Handover::Warm => line.push_str(lang.pick(", warme overdracht", ", warm handover")),
            m::Handover::Written => line.push_str(lang.pick(", schriftelijke overdracht", ", written handover")),
        }
        let _ = writeln!(o, "{line}");
        if let Some(name) = &route.local_name {
            let _ = writeln!(o, "     {}: {}", lang.pick("lokaal", "locally"), t(name));
        }
        if !route.conversation.is_empty() {
            let _ = writeln!(o, "     {}: {}", lang.pick("eerst bespreken", "talk first"), t(&route.conversation));
        }
        if explain {
            for reason in &route.reasons {
                let _ = writeln!(o, "     [{}] {}", t(&reason.rule), t(&reason.text));
            }
        } else if !route.reasons.is_empty() {
            let _ = writeln!(o, "     {}: {}", lang.pick("regels", "rules"), rule_ids(&route.reasons));
        }
    }
    if r.one_plan {
        let coordinator = t(r.care_coordinator.as_deref().unwrap_or(lang.pick("nog af te spreken", "to be agreed")));
        let _ = writeln!(
            o,
            "  {}",
            match lang {
                Language::Nl => format!("Eén gezin, één plan; zorgcoördinator: {coordinator}"),
                Language::En => format!("One family, one plan; care coordinator: {coordinator}"),
            }
        );
    }
    if explain {
        reasons(o, &r.reasons);
    }
}

/// Per disclosure: the outcome, whose consent, what may be shared, the
/// checklist and why (what is still missing is in the reasons; without
/// `--explain` named by rule id).
fn consent(o: &mut String, d: &Decision, explain: bool, lang: Language) {
    if d.consent.is_empty() {
        return;
    }
    section(
        o,
        lang.pick("TOESTEMMING", "CONSENT"),
        lang.pick("wat gedeeld mag worden, met wie", "what may be shared, with whom"),
    );
    for c in &d.consent {
        let mut line = format!(
            "  • {} ({}): {}",
            kit::sentence_case(kit::partner_term(c.request.recipient, lang)),
            kit::purpose_term(c.request.purpose, lang),
            kit::consent_term(c.outcome, lang)
        );
        if !c.consent_of.is_empty() {
            let parties: Vec<&str> = c.consent_of.iter().map(|p| kit::party_label(*p, lang)).collect();
            let _ = write!(
                line,
                " — {} {}",
                lang.pick("toestemming van", "consent of"),
                parties.join(lang.pick(" en ", " and "))
            );
        }
        if let Some(b) = &c.legal_basis {
            let _ = write!(line, " — {}: {}", lang.pick("grondslag", "basis"), t(b));
        }
        let _ = writeln!(o, "{line}");
        if !c.permitted_data.is_empty() {
            let cats: Vec<&str> = c.permitted_data.iter().map(|p| kit::data_term(*p, lang)).collect();
            let _ = writeln!(o, "     {}: {}", lang.pick("mag delen", "may share"), cats.join(", "));
        }
        for item in &c.checklist {
            let _ = writeln!(o, "     ☐ {}", t(item));
        }
        if explain {
            for reason in &c.reasons {
                let _ = writeln!(o, "     [{}] {}", t(&reason.rule), t(&reason.text));
            }
        } else if !c.reasons.is_empty() {
            let _ = writeln!(o, "     {}: {}", lang.pick("regels", "rules"), rule_ids(&c.reasons));
        }
    }
}

/// `--explain`: intake's and screening's reasons, the faults in full, the
/// guardrails, the components and the per-stage trace.
fn explained(o: &mut String, d: &Decision, lang: Language) {
    if let Some(c) = &d.intake {
        section(o, "Intake", &c.summary);
        reasons(o, &c.reasons);
    }
    if let Some(c) = &d.screening {
        section(o, "Screening", &c.summary);
        reasons(o, &c.reasons);
    }
    if !d.faults.is_empty() {
        section(o, lang.pick("Storingen", "Faults"), lang.pick("componenten die faalden", "components that failed"));
        for f in &d.faults {
            // The detail is the trap, a few frames and the component's last
            // log lines, one per line: each is escaped on a line of its own.
            let mut detail = f.detail.lines();
            let _ = writeln!(
                o,
                "  {} ({}, {}, sha256 {}): {} — {}",
                stage_name(f.stage, lang),
                t(&f.component),
                t(&fault_kind(&f.kind, lang)),
                t(short(&f.sha256)),
                t(detail.next().unwrap_or_default()),
                t(&f.fallback)
            );
            for line in detail {
                let _ = writeln!(o, "      {}", t(line));
            }
        }
    }
    section(
        o,
        lang.pick("Vangrails", "Guardrails"),
        lang.pick("ondergrenzen waar geen component onder kan", "floors no component can go below"),
    );
    for g in &d.guardrails {
        let _ = writeln!(
            o,
            "  {:<14} {} {}",
            format!("[{}]", t(g.rule)),
            if g.changed { lang.pick("ANDERS ", "CHANGED") } else { "ok     " },
            t(&g.text)
        );
    }
    section(
        o,
        lang.pick("Herkomst", "Provenance"),
        &format!("{} · host {}", t(&d.provenance.wit), t(&d.provenance.host)),
    );
    for c in &d.provenance.components {
        let _ = writeln!(
            o,
            "  {:<10} {} {} ({}) sha256 {}",
            c.stage.name(),
            t(&c.name),
            t(&c.version),
            c.role.name(),
            t(short(&c.sha256))
        );
    }
    if let Some(trace) = &d.trace {
        section(o, "Trace", lang.pick("wat elke stap zag en teruggaf", "what each stage saw and returned"));
        for tr in trace {
            let _ = writeln!(
                o,
                "  ── {} ({}) · {} µs · {} KiB {}",
                tr.stage,
                t(&tr.component),
                tr.micros,
                tr.memory_bytes >> 10,
                lang.pick("geheugen", "memory")
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

/// G-HUMAN, where the decision came from, which texts are in another
/// language, and how to see more.
fn footer(o: &mut String, d: &Decision, explain: bool, lang: Language) {
    let _ = writeln!(
        o,
        "\n{}",
        lang.pick(
            "Alleen een advies: er is niets verstuurd (G-HUMAN).",
            "A recommendation only: nothing has been sent (G-HUMAN)."
        )
    );
    for other in &d.other_language {
        let stage = stage_name(other.stage, lang);
        let component = t(&other.component);
        let written = match other.language.as_deref().and_then(Language::from_tag) {
            Some(l) => match lang {
                Language::Nl => format!("in het {}", dutch_name(l)),
                Language::En => format!("in {}", l.pick("Dutch", "English")),
            },
            None => lang.pick("in een andere taal", "in another language").to_string(),
        };
        let _ = writeln!(
            o,
            "{}",
            match lang {
                Language::Nl => format!(
                    "De teksten van {component} ({stage}) zijn {written}: dit component volgt de gevraagde taal niet."
                ),
                Language::En => format!(
                    "The texts of {component} ({stage}) are {written}: this component does not follow the requested language."
                ),
            }
        );
    }
    let region = match (&d.provenance.region_name, d.provenance.region_revision) {
        (Some(name), Some(rev)) => {
            let (id, name) = (t(&d.provenance.region), t(name));
            match lang {
                Language::Nl => format!("regio {id} ({name}, revisie {rev})"),
                Language::En => format!("region {id} ({name}, revision {rev})"),
            }
        }
        _ => t(&d.provenance.region),
    };
    let held = if d.guardrails.iter().any(|g| g.changed) {
        lang.pick("een vangrail veranderde de uitkomst", "a guardrail changed the result")
    } else {
        lang.pick("alle vangrails hielden", "all guardrails held")
    };
    let _ = writeln!(o, "{region} · {} · {held}", t(&d.provenance.wit));
    if let Some(id) = &d.decision_id {
        let _ = writeln!(o, "{} {}", lang.pick("in het beslislog als", "in the decision log as"), t(id));
    }
    if !explain {
        let _ = writeln!(
            o,
            "{}",
            lang.pick(
                "Meer: --explain (elke reden, de vangrails, de componenten en wat elke stap zag).",
                "More: --explain (every reason, the guardrails, the components and what each stage saw)."
            )
        );
    }
}

/// A language's name in Dutch, for "in het Engels".
const fn dutch_name(l: Language) -> &'static str {
    match l {
        Language::Nl => "Nederlands",
        Language::En => "Engels",
    }
}

/// A stage as the reader calls it.
pub(crate) fn stage_name(stage: wegwijs::Stage, lang: Language) -> &'static str {
    match stage {
        wegwijs::Stage::Intake => "intake",
        wegwijs::Stage::Screening => "screening",
        wegwijs::Stage::Routing => lang.pick("routering", "routing"),
        wegwijs::Stage::Consent => lang.pick("toestemming", "consent"),
    }
}

fn rule_ids(reasons: &[m::Reason]) -> String {
    let mut ids: Vec<String> = Vec::new();
    for r in reasons {
        let id = t(&r.rule);
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.join(", ")
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

/// Wraps every line longer than `width` characters at spaces; continuation
/// lines are indented to where the line's text starts (after its bullet,
/// number or `[RULE-ID]`), so a wrapped reason still reads as one item.
/// JSON in the trace is left as it is.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        let trimmed = line.trim_start();
        let json = trimmed.starts_with(['{', '}', '"', ']']) || (trimmed.starts_with('[') && !is_rule_line(line));
        if line.chars().count() <= width || json {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let lead = line.len() - trimmed.len();
        let hang = hanging_indent(line).min(width / 2);
        let mut current = " ".repeat(lead);
        let mut len = lead;
        for (i, word) in trimmed.split(' ').enumerate() {
            let word_len = word.chars().count();
            if i > 0 && len > hang && len + 1 + word_len > width {
                out.push_str(current.trim_end());
                out.push('\n');
                current = " ".repeat(hang);
                len = hang;
            } else if i > 0 {
                current.push(' ');
                len += 1;
            }
            current.push_str(word);
            len += word_len;
        }
        out.push_str(current.trim_end());
        out.push('\n');
    }
    out
}

/// Whether a line starts (after spaces) with a `[RULE-ID]` citation.
fn is_rule_line(line: &str) -> bool {
    let s = line.trim_start();
    s.starts_with('[')
        && s.find(']')
            .is_some_and(|end| s[1..end].chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'))
}

/// Where a line's text starts: after its leading spaces and a marker such
/// as `! `, `• `, `☐ `, `1. `, `[RT-A1] `, `TITLE — ` or `label: `.
fn hanging_indent(line: &str) -> usize {
    let lead = line.chars().take_while(|c| *c == ' ').count();
    let rest: String = line.chars().skip(lead).collect();
    let marker = if is_rule_line(line) {
        rest.find(']').map_or(0, |end| rest[..=end].chars().count() + 1)
    } else if let Some(stripped) = ["! ", "• ", "☐ "].iter().find(|m| rest.starts_with(**m)) {
        stripped.chars().count()
    } else if let Some(dot) = rest.find(". ").filter(|&i| i > 0 && rest[..i].chars().all(|c| c.is_ascii_digit())) {
        dot + 2
    } else if let Some(dash) =
        rest.find(" — ").filter(|&i| i <= 30 && rest[..i].chars().all(|c| c.is_uppercase() || c == ' '))
    {
        rest[..dash].chars().count() + 3
    } else if let Some(colon) = rest.find(": ").filter(|&i| i <= 24 && !rest[..i].contains('.')) {
        rest[..colon].chars().count() + 2
    } else {
        0
    };
    lead + marker
}

fn fault_kind(kind: &wegwijs::FaultKind, lang: Language) -> String {
    match kind {
        wegwijs::FaultKind::Trap { trap } => format!("trap: {trap}"),
        wegwijs::FaultKind::Deadline => lang.pick("tijdslimiet verstreken", "deadline passed").into(),
        wegwijs::FaultKind::Fuel => lang.pick("rekenbudget op", "fuel exhausted").into(),
        wegwijs::FaultKind::MemoryLimit => lang.pick("geheugenlimiet", "memory limit").into(),
        wegwijs::FaultKind::OutputTooLarge => lang.pick("uitvoer te groot", "output too large").into(),
        wegwijs::FaultKind::InvalidOutput => lang.pick("ongeldige uitvoer", "invalid output").into(),
        wegwijs::FaultKind::Instantiation => lang.pick("starten mislukt", "instantiation failed").into(),
        wegwijs::FaultKind::Capacity => lang.pick("host overbelast", "host over capacity").into(),
        _ => lang.pick("storing", "fault").into(),
    }
}

fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_under_their_text() {
        let line = format!("     [RT-A1] {}", "woord ".repeat(30).trim_end());
        let wrapped = wrap(&line, 40);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{wrapped}");
        assert!(
            lines[1..].iter().all(|l| l.starts_with(&" ".repeat(13)) && !l.starts_with(&" ".repeat(14))),
            "{wrapped}"
        );
        assert_eq!(wrapped.split_whitespace().collect::<Vec<_>>(), line.split_whitespace().collect::<Vec<_>>());
        let json = format!("    \"output\": \"{}\"", "x".repeat(200));
        assert_eq!(wrap(&json, 40).trim_end(), json, "JSON is not wrapped");
    }
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
            let (b, f) = (card_unwrapped(&benign, explain), card_unwrapped(&forged, explain));
            assert_eq!(b.lines().count(), f.lines().count(), "a forged text added or removed lines");
            assert!(!f.chars().any(|c| c != '\n' && wegwijs_kit::is_forbidden_char(c)), "a control reached the card");
            assert!(f.contains("<U+000A>[G-SAFETY]"), "the forged line is shown inline, visibly");
        }
    }
}
