//! Turning a plan into the routing card: conversations (G-SHARED),
//! disclosures, local names, urgency order and the summary.
//!
//! These steps are the same whatever rules chose the routes, so they run
//! once at the end over every route. Routes are sorted with a stable sort:
//! at equal urgency the order the rules proposed them (medical first, the
//! child before the family) is kept.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Action, DisclosureRequest, IntakeCard, Partner, RegionConfig, RouteKind, RoutingCard, Urgency};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::region::local_name;
use crate::tables::DISCLOSURES;
use crate::talk::{conversation, shared_line};
use wegwijs_kit::{action_label, clip};

/// Builds the card from the plan.
pub(crate) fn card(
    f: &Facts<'_>,
    config: &dyn RegionConfig,
    mut plan: Plan,
    one_plan: bool,
    coordinator: Option<String>,
) -> RoutingCard {
    let refers = plan.routes.iter().any(|r| r.kind == RouteKind::Referral && r.partner.is_jeugdhulp());
    for r in &mut plan.routes {
        r.conversation = conversation(f, r.partner, r.kind, refers);
        r.disclosure = disclosure(r.partner, r.kind);
        r.local_name = local_name(config, r.partner);
    }
    plan.routes.sort_by_key(|r| r.urgency);
    let urgency = plan.routes.first().map_or(Urgency::NextContact, |r| r.urgency);

    // The same sentence the host restates after guardrails and regions.
    plan.reason("RT-URGENCY", wegwijs_kit::overall_urgency_sentence(&plan.routes));
    if !plan.routes.is_empty() {
        plan.reason("G-SHARED", shared_line(f));
    }
    plan.reason(
        "G-HUMAN",
        "These routes are recommendations for the professional; nothing is sent or shared by the system.",
    );

    let summary = summary(&plan, f);
    RoutingCard {
        routes: plan.routes,
        one_plan,
        care_coordinator: coordinator,
        urgency,
        summary,
        warnings: plan.warnings,
        reasons: plan.reasons,
    }
}

/// The card when intake closed the signal: no routes. `warnings` are the
/// region configuration's, which hold whatever the case.
pub(crate) fn closed(intake: &IntakeCard, warnings: Vec<wegwijs_types::Reason>) -> RoutingCard {
    let mut plan = Plan::default();
    // Cite the intake rule that closed the signal when intake names one we know.
    let rule = if intake.reasons.iter().any(|r| r.rule == "IN-KINDCHECK") { "IN-KINDCHECK" } else { "G-HUMAN" };
    let detail = if intake.summary.trim().is_empty() {
        String::from("no summary given")
    } else {
        clip(intake.summary.trim(), 200)
    };
    plan.reason(
        rule,
        format!("Intake closed the signal ({detail}), so nothing is routed; a professional can reopen it."),
    );
    plan.reason("RT-URGENCY", "No route: urgency next-contact.");
    if rule != "G-HUMAN" {
        plan.reason(
            "G-HUMAN",
            "These routes are recommendations for the professional; nothing is sent or shared by the system.",
        );
    }
    RoutingCard {
        routes: Vec::new(),
        one_plan: false,
        care_coordinator: None,
        urgency: Urgency::NextContact,
        summary: String::from("No routes, urgency next-contact: intake closed the signal."),
        warnings,
        reasons: plan.reasons,
    }
}

/// The disclosure the route needs, from [`DISCLOSURES`].
fn disclosure(partner: Partner, kind: RouteKind) -> Option<DisclosureRequest> {
    let row = DISCLOSURES.rows.iter().find(|r| r.partner == partner && r.kind.is_none_or(|k| k == kind))?;
    let purpose = row.purpose?;
    Some(DisclosureRequest { recipient: partner, purpose, data: row.data.to_vec() })
}

/// "2 routes, most urgent soon: jeugd-ggz referral (verwijzer 03), primary-school information".
fn summary(plan: &Plan, f: &Facts<'_>) -> String {
    wegwijs_kit::routes_summary(&plan.routes).unwrap_or_else(|| {
        let why = match (f.action, f.child_action) {
            (Action::A0, Some(Action::A0)) => String::from("action A0, normalise and inform at the next contact"),
            (a, _) => format!("no rule proposes a route at action {}", action_label(a)),
        };
        format!("No routes, urgency next-contact: {why}.")
    })
}
