//! Turning a plan into the routing card: conversations (G-SHARED),
//! disclosures, local names, urgency order and the summary.
//!
//! These steps are the same whatever rules chose the routes, so they run
//! once at the end over every route. Routes are sorted with a stable sort:
//! at equal urgency the order the rules proposed them (medical first, the
//! child before the family) is kept.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_types::{DisclosureRequest, IntakeCard, Partner, RegionConfig, RouteKind, RoutingCard, Urgency};

use crate::child::action_name;
use crate::facts::Facts;
use crate::plan::Plan;
use crate::region::local_name;
use crate::tables::DISCLOSURES;
use crate::text::{clip, partner_label};

/// Builds the card from the plan.
pub(crate) fn card(
    f: &Facts<'_>,
    config: &dyn RegionConfig,
    mut plan: Plan,
    one_plan: bool,
    coordinator: Option<String>,
) -> RoutingCard {
    let who = who_decides(f);
    let refers = plan.routes.iter().any(|r| r.kind == RouteKind::Referral && r.partner.is_jeugdhulp());
    for r in &mut plan.routes {
        r.conversation = conversation(f, &who, r.partner, r.kind, refers);
        r.disclosure = disclosure(r.partner, r.kind);
        r.local_name = local_name(config, r.partner);
    }
    plan.routes.sort_by_key(|r| r.urgency);
    let urgency = plan.routes.first().map_or(Urgency::NextContact, |r| r.urgency);

    match plan.routes.first() {
        Some(first) => plan.reason(
            "RT-URGENCY",
            format!(
                "Overall urgency {urgency}: the most urgent route is {} ({}).",
                partner_label(first.partner),
                first.kind
            ),
        ),
        None => plan.reason("RT-URGENCY", "No route: urgency next-contact."),
    }
    if !plan.routes.is_empty() {
        plan.reason("G-SHARED", format!("Every route names the conversation to have first: {who}."));
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

/// Who is asked first, by age (CS-AGE as routing must phrase it, G-SHARED).
fn who_decides(f: &Facts<'_>) -> String {
    if f.prenatal {
        return String::from("discuss with the expectant parents");
    }
    match f.age_years() {
        None => String::from("discuss with the parents (and ask the youth's consent from 12)"),
        Some(y) if y < 12 => String::from("discuss with the parents"),
        Some(y) if y < 16 => String::from("discuss with the parents and ask the youth's consent"),
        Some(_) if f.case.youth_objects_to_informing_parents => String::from(
            "ask the youth's consent (from 16 the youth decides alone and does not want the parents informed)",
        ),
        Some(_) => String::from(
            "ask the youth's consent (from 16 the youth decides alone, also whether the parents are informed)",
        ),
    }
}

/// Capitalises the first letter of a sentence.
fn sentence(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The conversation to have before this route (G-SHARED, MC-STEPS step 3).
/// `refers` says whether the card refers to jeugdhulp, which is why a
/// jeugdarts step may be on it.
fn conversation(f: &Facts<'_>, who: &str, partner: Partner, kind: RouteKind, refers: bool) -> String {
    let label = partner_label(partner);
    let input = f.case.meldcode.as_ref();
    let text = match (partner, kind) {
        (Partner::VeiligThuisMelding, _) => {
            if input.is_some_and(|m| m.telling_endangers) {
                String::from(
                    "Do not tell the parents and the child about the melding beforehand: that would endanger someone; record why (meldcode step 3).",
                )
            } else if input.is_some_and(|m| m.parents_told == Some(true)) {
                String::from(
                    "The parents and the child were told about the melding beforehand (meldcode step 3); tell them when it is made.",
                )
            } else {
                String::from(
                    "Tell the parents and the child about the melding beforehand, unless that endangers someone (meldcode step 3).",
                )
            }
        }
        (Partner::VeiligThuisAdvice, _) => String::from(
            "Consult a colleague or the aandachtsfunctionaris and ask Veilig Thuis for advice, anonymously if wished; then talk with the parents and the child (meldcode step 3), unless that endangers someone.",
        ),
        // JGZ as the region's hub (routing.hub): the question stays in the team.
        (Partner::JgzLightSupport, RouteKind::Consultation) => format!(
            "{} that JGZ will discuss the question within its own team (gedragswetenschapper or pedagogisch adviseur), and which support JGZ offers meanwhile.",
            sentence(who)
        ),
        (Partner::JgzLightSupport, _) => {
            format!("{} which advice or light support fits, and agree the next contact.", sentence(who))
        }
        (Partner::Jeugdarts, _) if refers => {
            format!("{} that the jeugdarts of the team will look at the case before the referral.", sentence(who))
        }
        (Partner::Jeugdarts, _) => {
            format!("{} that the jeugdarts of the JGZ team will also look at the question.", sentence(who))
        }
        (Partner::ParentGgz, _) => String::from(
            "Discuss with the parent concerned that help for their own problems, through their own huisarts, also helps the child.",
        ),
        (Partner::Verwijsindex, _) => format!(
            "Tell the parents (and the youth from 12) that JGZ may register a signal in the Verwijsindex so that the agencies involved find each other; {who}."
        ),
        (Partner::GecertificeerdeInstelling, _) => format!(
            "Tell the parents (and the youth from 12) which information JGZ shares with the jeugdbeschermer of the gecertificeerde instelling; {who}."
        ),
        (_, RouteKind::Information) => format!(
            "{} whether JGZ may consult {label}; this needs the parents' consent, and invite them to join the conversation.",
            sentence(who)
        ),
        (_, RouteKind::Consultation) => {
            format!("{} that JGZ will consult {label} about the concern without handing over the case.", sentence(who))
        }
        (_, RouteKind::Referral) => format!(
            "{} the referral to {label}, what it means for the family and how the handover is done.",
            sentence(who)
        ),
        (_, _) => format!("{} this step with {label}.", sentence(who)),
    };
    clip(&text, 600)
}

/// The disclosure the route needs, from [`DISCLOSURES`].
fn disclosure(partner: Partner, kind: RouteKind) -> Option<DisclosureRequest> {
    let row = DISCLOSURES.rows.iter().find(|r| r.partner == partner && r.kind.is_none_or(|k| k == kind))?;
    let purpose = row.purpose?;
    Some(DisclosureRequest { recipient: partner, purpose, data: row.data.to_vec() })
}

/// "2 routes, most urgent soon: jeugd-ggz referral (verwijzer 03), primary-school information".
fn summary(plan: &Plan, f: &Facts<'_>) -> String {
    wegwijs_types::kit::routes_summary(&plan.routes).unwrap_or_else(|| {
        let why = match f.action {
            wegwijs_types::Action::A0 => "action A0, normalise and inform at the next contact".to_string(),
            a => format!("no rule proposes a route at action {}", action_name(a)),
        };
        format!("No routes, urgency next-contact: {why}.")
    })
}
