//! The child's own route per rung of the action ladder (RT-A0 … RT-A3),
//! including the medical-first rule.
//!
//! The engine walks [`CHILD_ROUTES`] and [`MEDICAL_FIRST`]; which partner a
//! trigger leads to is data there, not code here. Where the region's
//! configuration replaces a default row (`routing.hub`, `routing.poh-jeugd`),
//! the `region` module decides and the route carries its reasons. The
//! medical-first route is added before the others so that, at equal urgency,
//! it is listed first: medical causes are ruled out before anything else.

use alloc::format;
use alloc::string::String;
use wegwijs_types::{Action, Domain, Level, Reason, RouteKind, Urgency};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::region::Settings;
use crate::tables::{CHILD_ROUTES, MEDICAL_FIRST, SOCIAL_DOMAINS, Trigger, URGENCY};
use crate::text::{codes, partner_label};

/// The default urgency of the action ladder rung (RT-URGENCY).
pub(crate) fn action_urgency(action: Action) -> Urgency {
    URGENCY.by_action.iter().find(|(a, _)| *a == action).map_or(Urgency::Soon, |(_, u)| *u)
}

/// The RT-URGENCY sentence for a route proposed at `action`.
fn urgency_reason(action: Action, kind: RouteKind) -> Reason {
    let u = action_urgency(action);
    let text = match (action, kind) {
        (Action::A2, _) => format!(
            "Urgency {u}: the default for a step at A2 (a default: the guideline names no urgency for consultation)."
        ),
        (Action::A3, _) => format!("Urgency {u}: an A3 referral."),
        _ => format!("Urgency {u}: action {} is handled at the next regular contact.", action_name(action)),
    };
    Reason::new("RT-URGENCY", text)
}

/// "A0" … "A3", "S".
pub(crate) fn action_name(action: Action) -> &'static str {
    match action {
        Action::Reassess => "reassess",
        Action::A0 => "A0",
        Action::A1 => "A1",
        Action::A2 => "A2",
        Action::A3 => "A3",
        Action::S => "S",
    }
}

/// Adds the child's routes for the screening's action, as the region's
/// configuration shapes them.
pub(crate) fn apply(f: &Facts<'_>, settings: &Settings, plan: &mut Plan) {
    match f.action {
        Action::Reassess | Action::A0 => plan.reason(
            "RT-A0",
            "Action A0: no route for the child; normalise the concern and inform the parents at the next regular contact.",
        ),
        Action::S => plan.reason(
            "MC-STEPS",
            "Action S: the meldcode track leads; the child's further route is chosen once the safety steps are taken, because the screening card gives no A-level beside S.",
        ),
        Action::A1 | Action::A2 | Action::A3 => {
            let mut produced = medical_first(f, plan);
            for row in CHILD_ROUTES.rows.iter().filter(|r| r.action == f.action) {
                if !applies(f, row.trigger, produced) {
                    continue;
                }
                let chosen = settings.child_route(f, row);
                let reason = Reason::new(row.rule, format!("{}{}.", chosen.text, specifics(f, row.trigger)));
                let i = plan.add(chosen.partner, chosen.kind, action_urgency(f.action), reason);
                for note in chosen.notes {
                    plan.route_reason(i, note);
                }
                match row.trigger {
                    Trigger::RiskCardHigh => plan.route_reason(
                        i,
                        Reason::new(
                            "RK-MULTI-DOMAIN",
                            "The risk card has a red factor or 4+ risk factors over two or more domains: consult an IMH specialist and the wijkteam, and consider one integrated plan.",
                        ),
                    ),
                    Trigger::RiskCardConcern if chosen.partner == row.partner => plan.route_reason(
                        i,
                        Reason::new(
                            "RK-ONE-DOMAIN",
                            "The risk card has a red factor or 4+ risk factors within one domain: discuss in the wijkteam after checking which helpers are already involved.",
                        ),
                    ),
                    // The region's hub stands in for the local team the guideline names.
                    Trigger::RiskCardConcern => plan.route_reason(
                        i,
                        Reason::new(
                            "RK-ONE-DOMAIN",
                            format!(
                                "The risk card has 4+ risk factors within one domain: discuss the case in the local team for these questions after checking which helpers are already involved; the guideline names the wijkteam, CJG or OKT, and in this region that is {}.",
                                partner_label(chosen.partner)
                            ),
                        ),
                    ),
                    _ => {}
                }
                add_urgency_reason(plan, i, f.action, row.kind);
                produced += 1;
            }
        }
    }
}

/// Adds the RT-URGENCY reason once per route.
fn add_urgency_reason(plan: &mut Plan, i: usize, action: Action, kind: RouteKind) {
    let has = plan.routes.get(i).is_some_and(|r| r.reasons.iter().any(|x| x.rule == "RT-URGENCY"));
    if !has {
        plan.route_reason(i, urgency_reason(action, kind));
    }
}

/// Somatic questions first go to the huisarts (or the kinderarts after a
/// medisch specialist's signal). Returns the number of routes added.
fn medical_first(f: &Facts<'_>, plan: &mut Plan) -> usize {
    if !MEDICAL_FIRST.actions.contains(&f.action) || !f.has_domain(MEDICAL_FIRST.domain) {
        return 0;
    }
    let specialist = MEDICAL_FIRST.specialist_sources.contains(&f.source);
    let partner = if specialist { MEDICAL_FIRST.specialist_partner } else { MEDICAL_FIRST.partner };
    let who =
        if specialist { "the kinderarts, because a medisch specialist raised the signal" } else { "the huisarts" };
    let scope = if f.action == Action::A3 {
        String::from("")
    } else {
        format!(" This medical-first rule of RT-A3 also applies at action {}.", action_name(f.action))
    };
    let text = format!("Somatic or medical concerns: refer first to {who} to rule out medical causes.{scope}");
    let i = plan.add(partner, RouteKind::Referral, action_urgency(f.action), Reason::new("RT-A3", text));
    add_urgency_reason(plan, i, f.action, RouteKind::Referral);
    1
}

/// Whether a trigger holds for the case.
fn applies(f: &Facts<'_>, trigger: Trigger, produced: usize) -> bool {
    match trigger {
        Trigger::Always => true,
        Trigger::RiskCardHigh => f.risk_level >= Level::High,
        Trigger::RiskCardConcern => f.risk_level == Level::Concern,
        Trigger::InstrumentAbnormal => f.instrument_abnormal,
        Trigger::MultiDomain => f.concern_domain_count() >= 2,
        Trigger::SuspectedPsychiatric => f.has_domain(Domain::Psychosocial) && f.instrument_abnormal,
        Trigger::SocialProblems => {
            SOCIAL_DOMAINS.iter().any(|d| f.has_domain(*d))
                || (f.has_domain(Domain::Psychosocial) && !f.instrument_abnormal)
        }
        Trigger::NothingElse => produced == 0,
    }
}

/// Case specifics appended to a row's sentence.
fn specifics(f: &Facts<'_>, trigger: Trigger) -> String {
    let domains = || codes(f.domains.iter().filter(|d| **d != Domain::Safety).map(|d| d.name()));
    match trigger {
        Trigger::MultiDomain | Trigger::SocialProblems => format!(" (domains: {})", domains()),
        Trigger::InstrumentAbnormal | Trigger::SuspectedPsychiatric => {
            let names = codes(
                f.screening
                    .instruments
                    .iter()
                    .filter(|i| {
                        i.valid
                            && (i.band == Some(wegwijs_types::Band::Abnormal)
                                || i.level.is_some_and(|l| l >= Level::Concern))
                    })
                    .map(|i| i.instrument.name()),
            );
            format!(" (abnormal: {names})")
        }
        Trigger::RiskCardHigh | Trigger::RiskCardConcern => {
            format!(" ({} risk factors on the card)", f.screening.risk_card.risk_factors.len())
        }
        Trigger::Always | Trigger::NothingElse => String::new(),
    }
}
