//! The decision card, assembled from the final stage cards after every
//! guardrail: how far the pipeline got, the level and action, the warnings
//! of every stage, the headline a professional reads first, and the
//! provenance (contract, components, region, guardrails). The routing card's
//! own summary and urgency sentence are restated from its final routes
//! first ([`coherence`]), so nothing on the card describes routes it no
//! longer has.

pub(crate) mod coherence;

use crate::decision::{Decision, Divergence, GuardrailNote, OtherLanguage, Provenance, StageTrace, Status};
use crate::model::NATIONAL_DEFAULT;
use crate::model::{ComponentInfo, Fault, Role};
use crate::region::Region;
use wegwijs_kit as kit;
use wegwijs_types::{self as m, Language, say};

/// The final cards of one decision.
pub(crate) struct Cards {
    pub(crate) intake: Option<m::IntakeCard>,
    pub(crate) screening: Option<m::ScreeningCard>,
    pub(crate) routing: Option<m::RoutingCard>,
    pub(crate) consent: Vec<m::ConsentCard>,
}

/// What the run recorded besides the cards.
pub(crate) struct Record {
    pub(crate) guardrails: Vec<GuardrailNote>,
    pub(crate) faults: Vec<Fault>,
    pub(crate) divergences: Vec<Divergence>,
    pub(crate) trace: Option<Vec<StageTrace>>,
}

/// Whose decision it is and what produced it.
pub(crate) struct Origin<'a> {
    pub(crate) signal_id: Option<String>,
    pub(crate) pseudonym: String,
    pub(crate) references: Vec<ComponentInfo>,
    pub(crate) region: Option<&'a Region>,
    /// The language the reader asked for.
    pub(crate) language: Language,
}

/// The decision card.
pub(crate) fn assemble(origin: Origin<'_>, cards: Cards, acute: bool, closed: bool, record: Record) -> Decision {
    let status = status(&cards, closed, &record.faults);
    let (level, action) = match (&cards.screening, acute) {
        (_, true) => (Some(m::Level::Safety), Some(m::Action::S)),
        (Some(s), false) => (Some(s.level), Some(s.action)),
        (None, false) => (None, None),
    };
    let urgency = cards.routing.as_ref().map_or(m::Urgency::NextContact, |r| r.urgency);
    let warnings = [
        cards.intake.as_ref().map(|c| &c.warnings),
        cards.screening.as_ref().map(|c| &c.warnings),
        cards.routing.as_ref().map(|c| &c.warnings),
    ]
    .into_iter()
    .flatten()
    .flatten()
    .cloned()
    .collect();
    let headline = headline(status, level, action, cards.routing.as_ref(), cards.intake.as_ref(), origin.language);
    let other_language = other_language(origin.region, origin.language);
    let provenance = provenance(origin.references, origin.region, &record.guardrails);
    Decision {
        decision_id: None,
        signal_id: origin.signal_id,
        pseudonym: origin.pseudonym,
        language: origin.language.tag().to_string(),
        other_language,
        status,
        headline,
        level,
        action,
        urgency,
        intake: cards.intake,
        screening: cards.screening,
        routing: cards.routing,
        consent: cards.consent,
        warnings,
        provenance,
        guardrails: record.guardrails,
        divergences: record.divergences,
        faults: record.faults,
        recommendation_only: true,
        trace: record.trace,
    }
}

/// Incomplete when a stage the signal needed has no result or a reference
/// component failed; closed when intake closed it; decided otherwise.
fn status(cards: &Cards, closed: bool, faults: &[Fault]) -> Status {
    let missing = cards.intake.is_none() || (!closed && (cards.screening.is_none() || cards.routing.is_none()));
    if missing || faults.iter().any(|f| f.role == Role::Reference) {
        Status::Incomplete
    } else if closed {
        Status::Closed
    } else {
        Status::Decided
    }
}

/// The one line a professional reads first, from the final cards.
fn headline(
    status: Status,
    level: Option<m::Level>,
    action: Option<m::Action>,
    routing: Option<&m::RoutingCard>,
    intake: Option<&m::IntakeCard>,
    lang: Language,
) -> String {
    if status == Status::Closed {
        let summary = intake.map_or(lang.pick("zonder samenvatting", "without a summary"), |i| i.summary.as_str());
        return say!(lang, "Afgesloten bij de intake: {summary}", "Closed at intake: {summary}");
    }
    let mut s = String::new();
    if status == Status::Incomplete {
        s.push_str(lang.pick("ONVOLLEDIG (beoordeel zelf) — ", "INCOMPLETE (assess by hand) — "));
    }
    match (level, action) {
        (_, Some(m::Action::Reassess)) => s.push_str(lang.pick(
            "Te weinig informatie: beoordeel opnieuw (een instrument was niet bruikbaar)",
            "Insufficient information: assess again (an instrument could not be used)",
        )),
        (Some(l), Some(a)) => {
            let (level, action) = (kit::level_term(l, lang), kit::action_label(a, lang));
            s.push_str(&say!(lang, "Niveau {level}, actie {action}", "Level {level}, action {action}"));
        }
        _ => s.push_str(lang.pick("Geen uitkomst van de screening", "No screening result")),
    }
    let routes = routing.map_or(&[][..], |r| r.routes.as_slice());
    match routes.first() {
        Some(first) => {
            let n = routes.len();
            let (kind, partner, when) = (
                kit::route_kind_term(first.kind, lang),
                kit::partner_term(first.partner, lang),
                kit::urgency_term(first.urgency, lang),
            );
            s.push_str(&match (lang, n) {
                (Language::Nl, 1) => format!("; 1 route: {kind} {partner} ({when})"),
                (Language::Nl, _) => format!("; {n} routes, eerst: {kind} {partner} ({when})"),
                (Language::En, 1) => format!("; 1 route: {kind} {partner} ({when})"),
                (Language::En, _) => format!("; {n} routes, first: {kind} {partner} ({when})"),
            });
        }
        None if action == Some(m::Action::A0) => s.push_str(lang.pick(
            "; geen route: normaliseren en informeren bij het volgende contact",
            "; no route: normalise and inform at the next contact",
        )),
        None => s.push_str(lang.pick("; geen route voorgesteld", "; no route proposed")),
    }
    s
}

/// The region's components whose texts are not in `language`. A region
/// that states the language its components write in (`[region] language`)
/// is taken at its word: its components are named whenever the reader asked
/// for the other one, whether or not they import `language` (a Rust
/// component links the import through the guest SDK even when it never
/// reads it). Without that statement, a component that never asks the host
/// for the language is named, in a language unknown.
fn other_language(region: Option<&Region>, language: Language) -> Vec<OtherLanguage> {
    let Some(region) = region else { return Vec::new() };
    let named = |c: &&std::sync::Arc<crate::sandbox::LoadedComponent>| match region.language.as_deref() {
        Some(stated) => stated != language.tag(),
        None => !c.info.follows_language,
    };
    region
        .own
        .values()
        .filter(named)
        .map(|c| OtherLanguage {
            stage: c.info.stage,
            component: c.info.name.clone(),
            language: region.language.clone(),
        })
        .collect()
}

/// What produced the decision: the contract, the host, the region and its
/// revision, every component that ran and the guardrails applied.
fn provenance(references: Vec<ComponentInfo>, region: Option<&Region>, guardrails: &[GuardrailNote]) -> Provenance {
    let mut components = references;
    if let Some(r) = region {
        components.extend(r.own.values().map(|c| c.info.clone()));
    }
    Provenance {
        wit: format!("{}@{}", m::WIT_PACKAGE, m::WIT_VERSION),
        host: env!("CARGO_PKG_VERSION").to_string(),
        region: region.map_or_else(|| NATIONAL_DEFAULT.to_string(), |r| r.id.clone()),
        region_name: region.map(|r| r.name.clone()),
        region_revision: region.map(|r| r.revision),
        components,
        guardrails: guardrails.iter().map(|n| n.rule).collect(),
    }
}
