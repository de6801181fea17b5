//! A [`Decision`] as a CDS Hooks 2.0 response (§CDS Service Response):
//! one main card with the recommendation, and a second "assess by hand"
//! card when a component failed or a guardrail changed the decision.
//!
//! - `summary` is written here from the decision's codes (level, action,
//!   urgency, first route), never from a component's text, so it is always
//!   one line under 140 characters with nothing untrusted in it.
//! - `detail` is Markdown: the action, the routes, the reasons with their
//!   rule ids, the consent needed and the warnings. Every text that came
//!   from a component or a region bundle is escaped ([`crate::text`]) and
//!   bounded; lists are bounded too.
//! - `source` names the national guideline defaults, or the region's name
//!   and revision. No `url`: the repository's data holds none, and none is
//!   made up.
//! - one `suggestion` per route, without `actions` (wegwijs never writes to
//!   the EPD: G-HUMAN); accepting one tells the service, through feedback,
//!   which route the professional chose. The first route, the most urgent,
//!   is recommended; `selectionBehavior` is `any`, since a decision's
//!   routes are meant to be taken together.
//! - every uuid derives from the decision's [`DecisionRef`].
//!
//! Nothing identifying reaches a card: the decision carries no name, BSN,
//! address, birth date or notes, and the pseudonym and signal id are left
//! out as well.

use crate::ids::{DecisionRef, MAX_SUGGESTIONS};
use crate::indicator::{Indicator, indicator};
use crate::text::{fit, markdown, plain, rule};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use wegwijs::types::{self as m, Action, Level, Partner, RouteKind, Urgency};
use wegwijs::{Decision, FaultKind, Status};
use wegwijs_kit::{action_label, partner_label, verwijzer_label};

/// The most characters of a summary: CDS Hooks asks for fewer than 140.
pub const SUMMARY_MAX: usize = 139;
/// The most characters of a suggestion label.
pub const LABEL_MAX: usize = 160;
/// The most characters of a `source.label`.
pub const SOURCE_MAX: usize = 120;
/// The most characters of one untrusted text in a detail.
const TEXT_MAX: usize = 400;
/// The most entries a list in a detail shows.
const LIST_MAX: usize = 25;
/// The most characters of a detail.
pub const DETAIL_MAX: usize = 24_000;

/// A CDS Hooks response: the cards for one hook call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CdsResponse {
    /// The cards, main card first.
    pub cards: Vec<Card>,
}

/// One card (§Card Attributes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// The card's uuid ([`crate::CardRef`]); feedback names it.
    pub uuid: String,
    /// One line, fewer than 140 characters.
    pub summary: String,
    /// Markdown details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Urgency/importance.
    pub indicator: Indicator,
    /// Where the guidance comes from.
    pub source: Source,
    /// One suggestion per route.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
    /// How many suggestions may be chosen; present exactly when there are
    /// suggestions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection_behavior: Option<SelectionBehavior>,
}

/// The source of a card's guidance (§Source).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The national guideline defaults, or the region's name and revision.
    pub label: String,
    /// An absolute URL about the source; none is known to the repository,
    /// so it is always left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One suggestion: a route the professional may take (§Suggestion).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// Partner, kind of step and urgency, and the local name if any.
    pub label: String,
    /// The suggestion's uuid ([`crate::CardRef`] with a suggestion slot).
    pub uuid: String,
    /// Set on the first (most urgent) route only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_recommended: Option<bool>,
}

/// How many of a card's suggestions may be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SelectionBehavior {
    /// None or one.
    AtMostOne,
    /// Any number, none and all included.
    Any,
}

/// The CDS Hooks response for a decision, its uuids derived from `reference`.
pub fn cards(decision: &Decision, reference: DecisionRef) -> CdsResponse {
    let source = source(decision);
    let suggestions: Vec<Suggestion> = decision
        .routes()
        .iter()
        .take(MAX_SUGGESTIONS)
        .enumerate()
        .filter_map(|(i, route)| {
            Some(Suggestion {
                label: suggestion_label(route),
                uuid: reference.suggestion(i)?.to_string(),
                is_recommended: (i == 0).then_some(true),
            })
        })
        .collect();
    let selection_behavior = (!suggestions.is_empty()).then_some(SelectionBehavior::Any);
    let mut cards = vec![Card {
        uuid: reference.main_card().to_string(),
        summary: summary(decision),
        detail: Some(main_detail(decision, &source)),
        indicator: indicator(decision),
        source: source.clone(),
        suggestions,
        selection_behavior,
    }];
    if let Some((summary, detail)) = by_hand(decision) {
        cards.push(Card {
            uuid: reference.by_hand_card().to_string(),
            summary,
            detail: Some(detail),
            // Never `info`: something did not run as it should.
            indicator: Indicator::Warning,
            source,
            suggestions: Vec::new(),
            selection_behavior: None,
        });
    }
    CdsResponse { cards }
}

/// The one-line summary, from codes only, written to fit in
/// [`SUMMARY_MAX`]; cut at a word boundary only as a last resort.
pub fn summary(d: &Decision) -> String {
    let mut s = String::new();
    match d.status {
        Status::Closed => return "Closed at intake with reason: there is no child's case to route".into(),
        Status::Incomplete => s.push_str("Incomplete, assess by hand: "),
        Status::Decided => {}
    }
    s.push_str(&assessment(d.level, d.action));
    let routes = d.routes();
    match routes.first() {
        Some(first) => {
            let _ = write!(s, "; first: {}, {}", step(first.kind, first.partner), urgency_word(first.urgency));
            if routes.len() > 1 {
                let _ = write!(s, " (+{} more)", routes.len() - 1);
            }
        }
        None if d.action == Some(Action::A0) => s.push_str("; no route, inform at the next contact"),
        None => s.push_str("; no route proposed"),
    }
    fit(&s, SUMMARY_MAX)
}

/// The screening's outcome in a few words.
fn assessment(level: Option<Level>, action: Option<Action>) -> String {
    match (level, action) {
        (_, Some(Action::Reassess)) => "Too little information, reassess".into(),
        (Some(l), Some(a)) => format!("{} · {}", level_word(l), action_phrase(a)),
        _ => "No screening result".into(),
    }
}

/// The `source.label`: the region's name and revision, or the national
/// guideline defaults.
fn source(d: &Decision) -> Source {
    let p = &d.provenance;
    let label = match (&p.region_name, p.region_revision) {
        (Some(name), Some(rev)) => format!("{} (region {}, revision {rev})", plain(name, 70), plain(&p.region, 30)),
        (Some(name), None) => format!("{} (region {})", plain(name, 80), plain(&p.region, 30)),
        _ => format!("JGZ guidelines, national defaults (wegwijs {})", plain(&p.host, 20)),
    };
    Source { label: fit(&label, SOURCE_MAX), url: None }
}

fn suggestion_label(route: &m::Route) -> String {
    let mut label = format!("{}, {}", sentence(&step(route.kind, route.partner)), urgency_word(route.urgency));
    if let Some(name) = &route.local_name {
        let _ = write!(label, " — {}", plain(name, 80));
    }
    plain(&label, LABEL_MAX)
}

/// The main card's Markdown detail.
fn main_detail(d: &Decision, source: &Source) -> String {
    let mut o = String::new();
    match (d.level, d.action) {
        (Some(l), Some(a)) => {
            let _ = writeln!(
                o,
                "**Recommendation:** level {}, action {} ({}). Urgency: {}.",
                l,
                action_label(a),
                action_meaning(a),
                urgency_word(d.urgency)
            );
        }
        _ => o.push_str("**Recommendation:** no screening result.\n"),
    }
    match d.status {
        Status::Incomplete => o.push_str(
            "\n**Incomplete:** a stage failed. The guardrails still applied, but assess this signal by hand \
             (see the card *Incomplete*).\n",
        ),
        Status::Closed => {
            if let Some(i) = &d.intake {
                let _ = writeln!(o, "\n**Closed at intake:** {}", markdown(&i.summary, TEXT_MAX));
            }
        }
        Status::Decided => {}
    }

    let routes = d.routes();
    if !routes.is_empty() {
        o.push_str("\n**Routes**\n\n");
        for (i, r) in routes.iter().take(LIST_MAX).enumerate() {
            let _ = write!(
                o,
                "{}. **{}**, {}",
                i + 1,
                markdown(&sentence(&step(r.kind, r.partner)), TEXT_MAX),
                urgency_word(r.urgency)
            );
            if let Some(v) = r.verwijzer {
                let _ = write!(o, "; verwijzer {} {}", v.code(), markdown(verwijzer_label(v), TEXT_MAX));
            }
            match r.handover {
                m::Handover::Warm => o.push_str("; warm handover"),
                m::Handover::Written => o.push_str("; written handover"),
                m::Handover::None => {}
            }
            o.push('\n');
            if let Some(name) = &r.local_name {
                let _ = writeln!(o, "   - Locally: {}", markdown(name, TEXT_MAX));
            }
            if !r.conversation.is_empty() {
                let _ = writeln!(o, "   - Talk first: {}", markdown(&r.conversation, TEXT_MAX));
            }
            for reason in r.reasons.iter().take(LIST_MAX) {
                let _ = writeln!(o, "   - {} {}", rule(&reason.rule), markdown(&reason.text, TEXT_MAX));
            }
        }
        more(&mut o, routes.len(), "routes");
        if let Some(r) = &d.routing
            && r.one_plan
        {
            let coordinator = r.care_coordinator.as_deref().map_or("to be agreed".into(), |c| markdown(c, TEXT_MAX));
            let _ = writeln!(o, "\nOne family, one plan; care coordinator: {coordinator}.");
        }
    }

    let mut why: Vec<&m::Reason> = Vec::new();
    if let Some(c) = &d.intake {
        why.extend(&c.reasons);
    }
    if let Some(c) = &d.screening {
        why.extend(&c.reasons);
    }
    if let Some(c) = &d.routing {
        why.extend(&c.reasons);
    }
    reasons(&mut o, "Why", &why);

    let needed: Vec<&m::ConsentCard> = d.consent.iter().collect();
    if !needed.is_empty() {
        o.push_str("\n**Consent**\n\n");
        for c in needed.iter().take(LIST_MAX) {
            let _ = write!(
                o,
                "- {} ({}): **{}**",
                markdown(partner_label(c.request.recipient), TEXT_MAX),
                markdown(c.request.purpose.name(), TEXT_MAX),
                markdown(c.outcome.name(), TEXT_MAX)
            );
            if !c.consent_of.is_empty() {
                let _ = write!(o, "; consent of {}", parties(&c.consent_of));
            }
            if !c.inform.is_empty() {
                let _ = write!(o, "; inform {}", parties(&c.inform));
            }
            if let Some(basis) = &c.legal_basis {
                let _ = write!(o, "; basis: {}", markdown(basis, TEXT_MAX));
            }
            o.push('\n');
            if !c.permitted_data.is_empty() {
                let cats: Vec<&str> = c.permitted_data.iter().map(|p| p.name()).collect();
                let _ = writeln!(o, "  - May share: {}", markdown(&cats.join(", "), TEXT_MAX));
            }
            for item in c.checklist.iter().take(LIST_MAX) {
                let _ = writeln!(o, "  - Check: {}", markdown(item, TEXT_MAX));
            }
            for reason in c.reasons.iter().take(LIST_MAX) {
                let _ = writeln!(o, "  - {} {}", rule(&reason.rule), markdown(&reason.text, TEXT_MAX));
            }
        }
        more(&mut o, needed.len(), "consent checks");
    }

    let warnings: Vec<&m::Reason> = d.warnings.iter().collect();
    reasons(&mut o, "Warnings", &warnings);

    if !d.divergences.is_empty() {
        o.push_str("\n**Where the region departs from the guideline**\n\n");
        for dv in d.divergences.iter().take(LIST_MAX) {
            let changes = dv.changes.iter().take(LIST_MAX).map(|c| markdown(c, TEXT_MAX)).collect::<Vec<_>>();
            let _ = writeln!(o, "- {} stage: {}", dv.stage, changes.join("; "));
            for reason in dv.region_reasons.iter().take(LIST_MAX) {
                let _ = writeln!(o, "  - {} {}", rule(&reason.rule), markdown(&reason.text, TEXT_MAX));
            }
        }
        more(&mut o, d.divergences.len(), "departures");
    }

    let _ = write!(
        o,
        "\n*A recommendation only: nothing has been sent (G-HUMAN).* Rules: {}; contract {}.",
        markdown(&source.label, SOURCE_MAX),
        markdown(&d.provenance.wit, 40)
    );
    bound(o)
}

/// The second card, when the professional must look again: a stage failed
/// (the decision is incomplete, or a region's component failed and the
/// guideline's result stood in), or a guardrail changed the decision.
fn by_hand(d: &Decision) -> Option<(String, String)> {
    let changed: Vec<&wegwijs::GuardrailNote> = d.guardrails.iter().filter(|g| g.changed).collect();
    let summary = if d.status == Status::Incomplete {
        "Incomplete: a stage failed, assess this signal by hand"
    } else if !d.faults.is_empty() {
        "A region component failed and the guideline's result stood in: check the recommendation"
    } else if !changed.is_empty() {
        "A guardrail changed the recommendation: check the routes and consent"
    } else {
        return None;
    };
    let mut o = String::new();
    if !d.faults.is_empty() {
        o.push_str("**Components that failed**\n\n");
        for f in d.faults.iter().take(LIST_MAX) {
            let _ = writeln!(
                o,
                "- {} stage, {} ({}): {}. Instead: {}",
                f.stage,
                markdown(&f.component, 80),
                fault_kind(&f.kind),
                markdown(&f.detail, TEXT_MAX),
                markdown(&f.fallback, TEXT_MAX)
            );
        }
        more(&mut o, d.faults.len(), "faults");
    }
    if !changed.is_empty() {
        if !o.is_empty() {
            o.push('\n');
        }
        o.push_str("**Guardrails that changed the decision**\n\n");
        for g in changed.iter().take(LIST_MAX) {
            let _ = writeln!(o, "- {} {}", rule(g.rule), markdown(&g.text, TEXT_MAX));
        }
        more(&mut o, changed.len(), "guardrails");
    }
    o.push_str("\nThe main card shows what still stands; assess the signal yourself before acting on it.");
    Some((summary.to_string(), bound(o)))
}

fn reasons(o: &mut String, title: &str, list: &[&m::Reason]) {
    if list.is_empty() {
        return;
    }
    let _ = write!(o, "\n**{title}**\n\n");
    for r in list.iter().take(LIST_MAX) {
        let _ = writeln!(o, "- {} {}", rule(&r.rule), markdown(&r.text, TEXT_MAX));
    }
    more(o, list.len(), "more");
}

fn more(o: &mut String, total: usize, what: &str) {
    if total > LIST_MAX {
        let _ = writeln!(o, "- … and {} {what} not shown", total - LIST_MAX);
    }
}

/// A detail cut to [`DETAIL_MAX`] on a line boundary.
fn bound(text: String) -> String {
    if text.chars().count() <= DETAIL_MAX {
        return text;
    }
    let mut out = String::new();
    for line in text.lines() {
        if out.chars().count() + line.chars().count() + 60 > DETAIL_MAX {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("\n*(shortened: POST /v1/decisions answers with the whole decision card)*");
    out
}

fn parties(ps: &[m::Party]) -> String {
    let names: Vec<&str> = ps.iter().map(|p| p.name()).collect();
    markdown(&names.join(" and "), TEXT_MAX)
}

fn fault_kind(kind: &FaultKind) -> String {
    match kind {
        FaultKind::Trap { trap } => format!("trap: {}", markdown(trap, 80)),
        FaultKind::Deadline => "deadline passed".into(),
        FaultKind::Fuel => "fuel exhausted".into(),
        FaultKind::MemoryLimit => "memory limit".into(),
        FaultKind::OutputTooLarge => "output too large".into(),
        FaultKind::InvalidOutput => "invalid output".into(),
        FaultKind::Instantiation => "instantiation failed".into(),
        FaultKind::Capacity => "host over capacity".into(),
        _ => "failed".into(),
    }
}

fn sentence(s: &str) -> String {
    wegwijs_kit::sentence_case(s)
}

/// A level in a word or two, for the summary.
const fn level_word(l: Level) -> &'static str {
    match l {
        Level::Unknown => "Level unknown",
        Level::None => "No concern",
        Level::Attention => "Attention",
        Level::Concern => "Concern",
        Level::High => "High concern",
        Level::Safety => "Safety",
    }
}

/// An action's rung and, in a word, what it means, for the summary.
const fn action_phrase(a: Action) -> &'static str {
    match a {
        Action::Reassess => "assess again",
        Action::A0 => "A0",
        Action::A1 => "A1 advice",
        Action::A2 => "A2 consultation",
        Action::A3 => "A3 referral",
        Action::S => "S meldcode",
    }
}

/// What an action asks, for the detail (PS-LADDER).
const fn action_meaning(a: Action) -> &'static str {
    match a {
        Action::Reassess => "insufficient information: complete or repeat the instrument and assess again",
        Action::A0 => "no route; inform at the next regular contact",
        Action::A1 => "advice or light support by JGZ",
        Action::A2 => "consultation without handing over the case",
        Action::A3 => "referral",
        Action::S => "the meldcode track",
    }
}

const fn urgency_word(u: Urgency) -> &'static str {
    match u {
        Urgency::Immediate => "now",
        Urgency::WithinFiveWorkingDays => "in 5 working days",
        Urgency::Soon => "soon",
        Urgency::NextContact => "at the next contact",
    }
}

const fn kind_word(k: RouteKind) -> &'static str {
    match k {
        RouteKind::Support => "support by",
        RouteKind::Information => "information from",
        RouteKind::Consultation => "consultation with",
        RouteKind::Referral => "referral to",
        RouteKind::Advice => "advice from",
        RouteKind::Melding => "melding at",
        RouteKind::Coordination => "coordination with",
    }
}

/// A partner in a word or two, for the summary and suggestion labels, where
/// the kit's fuller wording ([`partner_label`]) would not fit.
const fn partner_short(p: Partner) -> &'static str {
    match p {
        Partner::JgzLightSupport => "JGZ light support",
        Partner::Jeugdarts => "the jeugdarts",
        Partner::Wijkteam => "the wijkteam",
        Partner::Huisarts => "the huisarts",
        Partner::PohJeugd => "the POH-jeugd",
        Partner::JeugdGgz => "jeugd-GGZ",
        Partner::ImhConsultation => "an IMH specialist",
        Partner::Kinderarts => "the kinderarts",
        Partner::Kinderopvang => "the kinderopvang",
        Partner::PrimarySchool => "the primary school",
        Partner::SchoolMentor => "the school mentor",
        Partner::SchoolZorgteam => "the school zorgteam",
        Partner::Amw => "AMW",
        Partner::ParentGgz => "the parent's GGZ",
        Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding => "Veilig Thuis",
        Partner::Verwijsindex => "the Verwijsindex",
        Partner::GecertificeerdeInstelling => "the GI",
    }
}

/// A route as a step: "consultation with jeugd-GGZ".
fn step(kind: RouteKind, partner: Partner) -> String {
    format!("{} {}", kind_word(kind), partner_short(partner))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every combination of codes, with a hundred routes and the longest
    /// prefix, fits without being cut.
    #[test]
    fn every_summary_is_written_to_fit() {
        for &kind in RouteKind::ALL {
            for &partner in Partner::ALL {
                for &urgency in Urgency::ALL {
                    let levels = Level::ALL.iter().map(|&l| Some(l)).chain([None]);
                    for level in levels {
                        for action in Action::ALL.iter().map(|&a| Some(a)).chain([None]) {
                            let mut s = String::from("Incomplete, assess by hand: ");
                            s.push_str(&assessment(level, action));
                            let _ =
                                write!(s, "; first: {}, {} (+999 more)", step(kind, partner), urgency_word(urgency));
                            assert!(s.chars().count() <= SUMMARY_MAX, "{} chars: {s}", s.chars().count());
                        }
                    }
                }
            }
        }
    }
}
