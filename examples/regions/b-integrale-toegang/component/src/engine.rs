//! The rule engine: applies [`CARE_PATHS`], [`BESCHIKKING`] and
//! [`SAFETY_CONSULT`] to the guideline's routing card, in that order, and
//! writes down every change.
//!
//! The order matters: a care path may create a referral to jeugd-GGZ, and
//! the verwijzer table then decides who signs it, exactly as it does for
//! the guideline's own referrals. Veilig Thuis routes are read (the safety
//! consultation goes beside them) but never changed.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{
    Action, ChildCase, DisclosureRequest, Domain, Handler, Handover, IntakeCard, Partner, Reason, RegionConfig, Route,
    RouteKind, RoutingCard, ScreeningCard, Urgency, Verwijzer,
};

use crate::rules::{
    BESCHIKKING, CARE_PATHS, CarePath, DISCLOSURES, PROTECTED, SAFETY_CONSULT, STALE_ON_REDIRECT, STALE_ON_VERWIJZER,
    VerwijzerRow,
};
use crate::text::who_decides;
use wegwijs_kit::{CaseFacts, Participants, local_name, verwijzer_label};

/// What the rules decide on, read once from the input cards.
pub(crate) struct Facts {
    /// Rung of the action ladder.
    pub(crate) action: Action,
    /// The handling professional.
    pub(crate) handler: Handler,
    /// Age in whole months; `None` before birth or when unknown.
    pub(crate) age_months: Option<u32>,
    /// Concern domains from intake, deduplicated, in canonical order.
    pub(crate) domains: Vec<Domain>,
    /// Concern codes from intake and the raw case, trimmed.
    pub(crate) concerns: Vec<String>,
    /// A gecertificeerde instelling carries out an ondertoezichtstelling.
    pub(crate) gi: bool,
    /// The family declines a warm handover.
    pub(crate) declines_warm: bool,
    /// Who takes part in decisions about the child (CS-AGE, G-SHARED).
    pub(crate) participants: Participants,
}

impl Facts {
    /// Reads the facts; intake's normalised values win, the raw case fills
    /// gaps (the region kit's [`CaseFacts`], as every stage reads them).
    pub(crate) fn new(case: &ChildCase, intake: &IntakeCard, screening: &ScreeningCard) -> Self {
        let CaseFacts { age_months, domains, participants, .. } = CaseFacts::read(case, intake);
        let concerns = intake
            .concerns
            .iter()
            .map(|c| c.code.as_str())
            .chain(case.concerns.iter().map(String::as_str))
            .map(|c| String::from(c.trim()))
            .collect();
        Facts {
            action: screening.action,
            handler: case.handler,
            age_months,
            domains,
            concerns,
            gi: case.gi_involved,
            declines_warm: case.family_declines_warm_handover,
            participants,
        }
    }

    /// Whether the child is on `path`: one of its concerns, within its ages.
    fn on_path(&self, path: &CarePath) -> bool {
        self.age_months.is_some_and(|m| m >= path.from_months && m < path.until_months)
            && self.concerns.iter().any(|c| path.concerns.iter().any(|p| p.eq_ignore_ascii_case(c)))
    }
}

/// Applies every rule to `card` and returns the ids of the rules that changed it.
pub(crate) fn apply(card: &mut RoutingCard, f: &Facts, config: &dyn RegionConfig) -> Vec<&'static str> {
    let mut applied: Vec<&'static str> = Vec::new();
    for path in CARE_PATHS.paths.iter().filter(|p| f.on_path(p)) {
        if care_path(card, path, f, config) {
            note(&mut applied, path.rule);
        }
    }
    for rule in beschikking(card, f, config) {
        note(&mut applied, rule);
    }
    if safety_consult(card, f, config) {
        note(&mut applied, SAFETY_CONSULT.rule);
    }
    applied
}

/// Records that `rule` changed the card, once.
fn note(applied: &mut Vec<&'static str>, rule: &'static str) {
    if !applied.contains(&rule) {
        applied.push(rule);
    }
}

/// The index of the route to this partner of this kind.
fn find(card: &RoutingCard, (partner, kind): (Partner, RouteKind)) -> Option<usize> {
    card.routes.iter().position(|r| r.partner == partner && r.kind == kind)
}

/// Adds `reason` to the route at `i` unless it already cites that rule.
fn annotate(card: &mut RoutingCard, i: usize, reason: Reason) -> bool {
    let Some(route) = card.routes.get_mut(i) else { return false };
    if route.reasons.iter().any(|r| r.rule == reason.rule) {
        return false;
    }
    route.reasons.push(reason);
    true
}

/// One care path: its referral step at A3 and the alignment with the huisarts.
fn care_path(card: &mut RoutingCard, path: &CarePath, f: &Facts, config: &dyn RegionConfig) -> bool {
    let t = &CARE_PATHS;
    let mut changed = false;
    if t.referral_actions.contains(&f.action) {
        let (to, kind) = t.referral;
        let whole = f.domains.iter().filter(|d| **d != Domain::Safety).all(|d| t.covers.contains(d));
        if let Some(i) = find(card, t.referral) {
            let text = format!("Region B follows the {} care path on this route: {}.", path.name, t.follow_why);
            changed |= annotate(card, i, Reason::new(path.rule, text));
        } else if let Some(i) = find(card, t.replaces).filter(|_| whole) {
            let old = card.routes.get(i).cloned();
            if let (Some(old), Some(slot)) = (old, card.routes.get_mut(i)) {
                let mut reasons: Vec<Reason> =
                    old.reasons.into_iter().filter(|r| !STALE_ON_REDIRECT.contains(&r.rule.as_str())).collect();
                reasons.push(Reason::new(
                    path.rule,
                    format!(
                        "Region B changed this route from {} {} to {to} {kind} ({} care path): {}.",
                        old.partner, old.kind, path.name, t.replace_why
                    ),
                ));
                *slot = new_route(f, config, (to, kind), old.urgency, t.referral_conversation, reasons);
                slot.handover = old.handover;
                changed = true;
            }
        } else {
            let urgency = find(card, t.replaces).and_then(|i| card.routes.get(i)).map_or(Urgency::Soon, |r| r.urgency);
            let reason =
                Reason::new(path.rule, format!("Region B added this route ({} care path): {}.", path.name, t.add_why));
            let mut route = new_route(f, config, (to, kind), urgency, t.referral_conversation, alloc::vec![reason]);
            route.handover = if f.declines_warm { Handover::Written } else { Handover::Warm };
            card.routes.push(route);
            changed = true;
        }
    }
    if t.align_actions.contains(&f.action) {
        let (partner, _) = t.align;
        let text = format!("Region B aligns with the huisarts on the {} care path: {}.", path.name, t.align_why);
        if let Some(i) = card.routes.iter().position(|r| r.partner == partner) {
            changed |= annotate(card, i, Reason::new(path.rule, text));
        } else {
            let reasons = alloc::vec![Reason::new(path.rule, text)];
            card.routes.push(new_route(f, config, t.align, t.align_urgency, t.align_conversation, reasons));
            changed = true;
        }
    }
    changed
}

/// Sets the verwijzer on every referral to the toegang or to jeugdhulp and
/// adds the jeugdarts step a nurse's referral needs. Returns the rules applied.
fn beschikking(card: &mut RoutingCard, f: &Facts, config: &dyn RegionConfig) -> Vec<&'static str> {
    let t = &BESCHIKKING;
    let mut applied = Vec::new();
    let referrals: Vec<usize> = card
        .routes
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == RouteKind::Referral && t.partners.contains(&r.partner))
        .map(|(i, _)| i)
        .collect();
    // Every handler has a row; the fallback is the strictest reading.
    let row = t.rows.iter().find(|r| r.handler == f.handler).copied().unwrap_or(VerwijzerRow {
        handler: f.handler,
        verwijzer: Verwijzer::Jeugdarts,
        via_jeugdarts: true,
    });
    let (rule, verwijzer, why) = if f.gi { (t.gi_rule, t.gi, t.gi_why) } else { (t.rule, row.verwijzer, t.why) };
    // In reverse, so inserting a jeugdarts step does not shift the referrals still to come.
    for i in referrals.into_iter().rev() {
        let Some(route) = card.routes.get_mut(i) else { continue };
        let (partner, urgency) = (route.partner, route.urgency);
        if route.verwijzer != Some(verwijzer) {
            let was = route
                .verwijzer
                .map_or_else(|| String::from("none"), |v| format!("{} {}", v.code(), verwijzer_label(v)));
            route.verwijzer = Some(verwijzer);
            route.reasons.retain(|r| !STALE_ON_VERWIJZER.contains(&r.rule.as_str()));
            route.reasons.push(Reason::new(
                rule,
                format!(
                    "Region B set the verwijzer of this {partner} referral from {was} to {} {}: {why}.",
                    verwijzer.code(),
                    verwijzer_label(verwijzer)
                ),
            ));
            note(&mut applied, rule);
        }
        if f.gi || !row.via_jeugdarts {
            continue;
        }
        let reason = Reason::new(
            t.rule,
            format!("Region B routes the {partner} referral through the jeugdarts: {}.", t.step_why),
        );
        match find(card, (Partner::Jeugdarts, RouteKind::Consultation)) {
            // The guideline's own jeugdarts step (for jeugd-GGZ) signs this referral too.
            Some(j) => {
                if partner != Partner::JeugdGgz && annotate(card, j, reason) {
                    note(&mut applied, t.rule);
                }
            }
            None => {
                let step = new_route(
                    f,
                    config,
                    (Partner::Jeugdarts, RouteKind::Consultation),
                    urgency,
                    t.step_conversation,
                    alloc::vec![reason],
                );
                card.routes.insert(i, step);
                note(&mut applied, t.rule);
            }
        }
    }
    applied
}

/// The medewerker jeugdhulp consulted beside Veilig Thuis advice.
fn safety_consult(card: &mut RoutingCard, f: &Facts, config: &dyn RegionConfig) -> bool {
    let t = &SAFETY_CONSULT;
    let Some(urgency) = find(card, t.beside).and_then(|i| card.routes.get(i)).map(|r| r.urgency) else {
        return false;
    };
    let reason = Reason::new(t.rule, format!("Region B consults beside the Veilig Thuis advice: {}.", t.why));
    if let Some(i) = find(card, t.route) {
        let Some(route) = card.routes.get_mut(i) else { return false };
        if route.reasons.iter().any(|r| r.rule == t.rule) {
            return false;
        }
        route.urgency = route.urgency.min(urgency);
        if let (Some(have), Some(wanted)) = (route.disclosure.as_mut(), disclosure(t.route.0, t.route.1)) {
            for d in wanted.data {
                if !have.data.contains(&d) {
                    have.data.push(d);
                }
            }
        }
        route.reasons.push(reason);
        return true;
    }
    card.routes.push(new_route(f, config, t.route, urgency, t.conversation, alloc::vec![reason]));
    true
}

/// A route the region creates, with local name, conversation and disclosure.
fn new_route(
    f: &Facts,
    config: &dyn RegionConfig,
    (partner, kind): (Partner, RouteKind),
    urgency: Urgency,
    conversation: &str,
    reasons: Vec<Reason>,
) -> Route {
    debug_assert!(!PROTECTED.contains(&partner), "region B never creates a Veilig Thuis route");
    Route {
        partner,
        kind,
        urgency,
        verwijzer: None,
        handover: Handover::None,
        local_name: local_name(config, partner),
        conversation: format!("{} {conversation}.", who_decides(f)),
        disclosure: disclosure(partner, kind),
        reasons,
    }
}

/// The disclosure a route the region creates needs.
fn disclosure(partner: Partner, kind: RouteKind) -> Option<DisclosureRequest> {
    let row = DISCLOSURES.iter().find(|r| r.partner == partner && r.kind == kind)?;
    Some(DisclosureRequest { recipient: partner, purpose: row.purpose, data: row.data.to_vec() })
}
