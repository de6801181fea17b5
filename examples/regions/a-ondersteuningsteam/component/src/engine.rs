//! The rule engine: applies the rows of [`RULES`] and [`CASUSREGIE`] to the
//! guideline's routing card, one row at a time, and writes down every change.
//!
//! The engine knows nothing about region A's policy; the tables do. It
//! knows how to redirect, drop or rename a route without losing what the
//! guideline said about it, and it refuses to touch a Veilig Thuis route
//! whatever a row says, because the safety track is a floor no region goes
//! below.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{
    Action, ChildCase, DisclosureRequest, Domain, Handler, Handover, IntakeCard, Partner, Reason, RegionConfig, Route,
    RouteKind, RoutingCard, ScreeningCard, SourceKind,
};

use crate::rules::{CASUSREGIE, DISCLOSURES, Edit, PROTECTED, RULES, RouteRule, STALE_ON_REDIRECT, When};
use crate::text::who_decides;
use wegwijs_kit::{CaseFacts, LOCAL_NAME_MAX_CHARS, Language, Participants, clip, local_name};

/// What the rules decide on, read once from the input cards.
pub(crate) struct Facts {
    /// Rung of the action ladder.
    pub(crate) action: Action,
    /// The handling professional.
    pub(crate) handler: Handler,
    /// Normalised source of the signal.
    pub(crate) source: SourceKind,
    /// Age in whole months; `None` before birth or when unknown.
    pub(crate) age_months: Option<u32>,
    /// The child is not yet born.
    pub(crate) prenatal: bool,
    /// Concern domains from intake, deduplicated, in canonical order.
    pub(crate) domains: Vec<Domain>,
    /// A gecertificeerde instelling carries out an ondertoezichtstelling.
    pub(crate) gi: bool,
    /// Who takes part in decisions about the child (CS-AGE, G-SHARED).
    pub(crate) participants: Participants,
}

impl Facts {
    /// Reads the facts; intake's normalised values win, the raw case fills
    /// gaps (the region kit's [`CaseFacts`], as every stage reads them).
    pub(crate) fn new(case: &ChildCase, intake: &IntakeCard, screening: &ScreeningCard) -> Self {
        let CaseFacts { age_months, prenatal, domains, participants } = CaseFacts::read(case, intake);
        Facts {
            action: screening.action,
            handler: case.handler,
            source: intake.source,
            age_months,
            prenatal,
            domains,
            gi: case.gi_involved,
            participants,
        }
    }
}

/// Whether the case-level conditions of a rule hold on the current card.
fn holds(when: &When, f: &Facts, card: &RoutingCard) -> bool {
    let any_or = |empty: bool, hit: bool| empty || hit;
    any_or(when.actions.is_empty(), when.actions.contains(&f.action))
        && any_or(when.handlers.is_empty(), when.handlers.contains(&f.handler))
        && any_or(when.sources.is_empty(), when.sources.contains(&f.source))
        && any_or(when.domains.is_empty(), when.domains.iter().any(|d| f.domains.contains(d)))
        && when.under_months.is_none_or(|limit| f.prenatal || f.age_months.is_some_and(|m| m < limit))
        && !(when.without_gi && f.gi)
        && when.without_route.is_none_or(|(p, k)| !card.routes.iter().any(|r| r.partner == p && r.kind == k))
}

/// Whether a rule acts on this route.
fn matches(row: &RouteRule, route: &Route) -> bool {
    !PROTECTED.contains(&route.partner)
        && route.partner == row.partner
        && row.kinds.contains(&route.kind)
        && row.when.route_cites.is_none_or(|id| route.reasons.iter().any(|r| r.rule == id))
}

/// Applies every rule to `card` and returns the ids of the rules that changed it.
pub(crate) fn apply(card: &mut RoutingCard, f: &Facts, config: &dyn RegionConfig) -> Vec<&'static str> {
    let mut applied: Vec<&'static str> = Vec::new();
    for row in RULES.rows {
        if !holds(&row.when, f, card) {
            continue;
        }
        let mut i = 0;
        while i < card.routes.len() {
            if !card.routes.get(i).is_some_and(|r| matches(row, r)) {
                i += 1;
                continue;
            }
            let outcome = match row.edit {
                Edit::Redirect { to, kind } => redirect(card, i, (to, kind), row, f, config),
                Edit::Drop => drop_route(card, i, row),
                Edit::Venue { key, default } => venue(card, i, (key, default), row, f, config),
            };
            if outcome != Outcome::Unchanged {
                note(&mut applied, row.rule);
            }
            // A removed route leaves the next one at `i`.
            if outcome != Outcome::Removed {
                i += 1;
            }
        }
    }
    if coordinator(card, f, config) {
        note(&mut applied, CASUSREGIE.rule);
    }
    applied
}

/// What an edit did to the route it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Nothing: the route already was what the rule asks.
    Unchanged,
    /// The route changed in place.
    Changed,
    /// The route left the card (dropped, or merged into another route).
    Removed,
}

/// Records that `rule` changed the card, once.
fn note(applied: &mut Vec<&'static str>, rule: &'static str) {
    if !applied.contains(&rule) {
        applied.push(rule);
    }
}

/// Moves the route at `i` to `to` (and `kind`), merging it into a route
/// already on the card for that partner and kind.
fn redirect(
    card: &mut RoutingCard,
    i: usize,
    (to, kind): (Partner, Option<RouteKind>),
    row: &RouteRule,
    f: &Facts,
    config: &dyn RegionConfig,
) -> Outcome {
    let Some(old) = card.routes.get(i).cloned() else { return Outcome::Unchanged };
    let kind = kind.unwrap_or(old.kind);
    if old.partner == to && old.kind == kind {
        return Outcome::Unchanged;
    }
    let reason = Reason::new(
        row.rule,
        format!("Region A changed this route from {} {} to {to} {kind}: {}.", old.partner, old.kind, row.why),
    );
    let kept: Vec<Reason> =
        old.reasons.iter().filter(|r| !STALE_ON_REDIRECT.contains(&r.rule.as_str())).cloned().collect();

    if let Some(j) = card.routes.iter().position(|r| r.partner == to && r.kind == kind) {
        // The card already has this route: it absorbs the redirected one, so
        // the family sees one route with every reason behind it.
        card.routes.remove(i);
        let j = if j > i { j - 1 } else { j };
        if let Some(target) = card.routes.get_mut(j) {
            target.urgency = target.urgency.min(old.urgency);
            if target.handover == Handover::None && kind == RouteKind::Referral {
                target.handover = old.handover;
            }
            if let (Some(have), Some(wanted)) = (target.disclosure.as_mut(), disclosure(to, kind)) {
                for d in wanted.data {
                    if !have.data.contains(&d) {
                        have.data.push(d);
                    }
                }
            }
            for r in kept {
                if !target.reasons.contains(&r) {
                    target.reasons.push(r);
                }
            }
            target.reasons.push(reason);
        }
        return Outcome::Removed;
    }

    let mut reasons = kept;
    reasons.push(reason);
    let route = Route {
        partner: to,
        kind,
        urgency: old.urgency,
        // None of the region's targets is jeugdhulp that JGZ refers to
        // itself; a target that is keeps the verwijzer the guideline chose.
        verwijzer: if to.is_jeugdhulp() { old.verwijzer } else { None },
        handover: if kind == RouteKind::Referral { old.handover } else { Handover::None },
        local_name: local_name(config, to),
        conversation: conversation(f, row.conversation),
        disclosure: disclosure(to, kind),
        reasons,
    };
    if let Some(slot) = card.routes.get_mut(i) {
        *slot = route;
    }
    Outcome::Changed
}

/// Removes the route at `i` and says so on the card.
fn drop_route(card: &mut RoutingCard, i: usize, row: &RouteRule) -> Outcome {
    if i >= card.routes.len() {
        return Outcome::Unchanged;
    }
    let old = card.routes.remove(i);
    card.reasons
        .push(Reason::new(row.rule, format!("Region A dropped the {} {} route: {}.", old.partner, old.kind, row.why)));
    Outcome::Removed
}

/// Brings the route at `i` to a named meeting.
fn venue(
    card: &mut RoutingCard,
    i: usize,
    (key, default): (&str, &str),
    row: &RouteRule,
    f: &Facts,
    config: &dyn RegionConfig,
) -> Outcome {
    let Some(route) = card.routes.get_mut(i) else { return Outcome::Unchanged };
    let name = read(config, key).unwrap_or_else(|| String::from(default));
    if route.local_name.as_deref() == Some(name.as_str()) {
        return Outcome::Unchanged;
    }
    route.local_name = Some(name.clone());
    route.conversation = conversation(f, row.conversation);
    route.reasons.push(Reason::new(row.rule, format!("Region A brings this route to {name}: {}.", row.why)));
    Outcome::Changed
}

/// RT-MULTI's care coordinator: the Ondersteuningsteam's casusregisseur
/// after the family itself. Returns whether the card changed.
fn coordinator(card: &mut RoutingCard, f: &Facts, config: &dyn RegionConfig) -> bool {
    if !card.one_plan || f.gi {
        return false;
    }
    let who = f.participants.together_with(Language::En);
    let regisseur = read(config, CASUSREGIE.key).unwrap_or_else(|| String::from(CASUSREGIE.default));
    let new = format!("{who}, if they can; otherwise {regisseur}");
    if card.care_coordinator.as_deref() == Some(new.as_str()) {
        return false;
    }
    let old = card.care_coordinator.clone().unwrap_or_else(|| String::from("none named"));
    card.reasons.push(Reason::new(
        CASUSREGIE.rule,
        format!("Region A changed the care coordinator from \"{}\" to \"{new}\": {}.", clip(&old, 200), CASUSREGIE.why),
    ));
    card.care_coordinator = Some(new);
    true
}

/// The disclosure a route the region creates needs.
fn disclosure(partner: Partner, kind: RouteKind) -> Option<DisclosureRequest> {
    let row = DISCLOSURES.iter().find(|r| r.partner == partner && r.kind == kind)?;
    let purpose = row.purpose?;
    Some(DisclosureRequest { recipient: partner, purpose, data: row.data.to_vec() })
}

/// "Discuss with the parents …": the row's conversation after the age-right opening.
fn conversation(f: &Facts, what: &str) -> String {
    format!("{} {what}.", who_decides(f))
}

/// A trimmed, non-empty configuration value, cut to the host's limits.
fn read(config: &dyn RegionConfig, key: &str) -> Option<String> {
    let value = config.get(key)?;
    let value = value.trim();
    (!value.is_empty()).then(|| clip(value, LOCAL_NAME_MAX_CHARS))
}
