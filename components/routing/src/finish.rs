//! Turning a plan into the routing card: conversations (G-SHARED),
//! disclosures, local names, urgency order and the summary.
//!
//! These steps are the same whatever rules chose the routes, so they run
//! once at the end over every route. Routes are sorted with a stable sort:
//! at equal urgency the order the rules proposed them (medical first, the
//! child before the family) is kept.

use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{
    Action, DisclosureRequest, IntakeCard, Language, Partner, RegionConfig, RouteKind, RoutingCard, Urgency, say,
};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::region::local_name;
use crate::tables::DISCLOSURES;
use crate::talk::{conversation, shared_line};
use wegwijs_kit::{action_label, clip, recommendation_only};

/// Builds the card from the plan.
pub(crate) fn card(
    f: &Facts<'_>,
    config: &dyn RegionConfig,
    mut plan: Plan,
    one_plan: bool,
    coordinator: Option<String>,
) -> RoutingCard {
    let lang = f.lang;
    let refers = plan.routes.iter().any(|r| r.kind == RouteKind::Referral && r.partner.is_jeugdhulp());
    for r in &mut plan.routes {
        r.conversation = conversation(f, r.partner, r.kind, refers);
        r.disclosure = disclosure(r.partner, r.kind);
        r.local_name = local_name(config, r.partner);
    }
    plan.routes.sort_by_key(|r| r.urgency);
    let urgency = plan.routes.first().map_or(Urgency::NextContact, |r| r.urgency);

    // The same sentence the host restates after guardrails and regions.
    plan.reason("RT-URGENCY", wegwijs_kit::overall_urgency_sentence(&plan.routes, lang));
    if !plan.routes.is_empty() {
        plan.reason("G-SHARED", shared_line(f));
    }
    plan.reason("G-HUMAN", recommendation_only(lang));

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
/// region configuration's, which hold whatever the case; `lang` is the
/// reader's language.
pub(crate) fn closed(intake: &IntakeCard, warnings: Vec<wegwijs_types::Reason>, lang: Language) -> RoutingCard {
    let mut plan = Plan::default();
    // Cite the intake rule that closed the signal when intake names one we know.
    let rule = if intake.reasons.iter().any(|r| r.rule == "IN-KINDCHECK") { "IN-KINDCHECK" } else { "G-HUMAN" };
    let detail = if intake.summary.trim().is_empty() {
        String::from(lang.pick("geen samenvatting gegeven", "no summary given"))
    } else {
        clip(intake.summary.trim(), 200)
    };
    plan.reason(
        rule,
        say!(
            lang,
            "De intake heeft het signaal afgesloten ({detail}), dus er volgt geen route; een professional kan het signaal weer openen.",
            "Intake closed the signal ({detail}), so nothing is routed; a professional can reopen it."
        ),
    );
    plan.reason(
        "RT-URGENCY",
        lang.pick("Geen route: urgentie bij het volgende contact.", "No route: urgency next-contact."),
    );
    if rule != "G-HUMAN" {
        plan.reason("G-HUMAN", recommendation_only(lang));
    }
    RoutingCard {
        routes: Vec::new(),
        one_plan: false,
        care_coordinator: None,
        urgency: Urgency::NextContact,
        summary: String::from(lang.pick(
            "Geen routes, urgentie bij het volgende contact: de intake heeft het signaal afgesloten.",
            "No routes, urgency next-contact: intake closed the signal.",
        )),
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

/// "2 routes, the most urgent soon: referral jeugd-GGZ (verwijzer 03
/// Jeugdarts), information primary school" (Dutch: "2 routes, de meest
/// urgente binnenkort: verwijzing jeugd-GGZ …"), or why there is no route.
fn summary(plan: &Plan, f: &Facts<'_>) -> String {
    let lang = f.lang;
    wegwijs_kit::routes_summary(&plan.routes, lang).unwrap_or_else(|| {
        let why = match (f.action, f.child_action) {
            (Action::A0, Some(Action::A0)) => String::from(lang.pick(
                "actie A0, dus normaliseren en informeren bij het volgende contact",
                "action A0, normalise and inform at the next contact",
            )),
            (a, _) => {
                let a = action_label(a, lang);
                say!(lang, "geen regel stelt een route voor bij actie {a}", "no rule proposes a route at action {a}")
            }
        };
        say!(lang, "Geen routes, urgentie bij het volgende contact: {why}.", "No routes, urgency next-contact: {why}.")
    })
}
