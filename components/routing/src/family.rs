//! Routes for the family around the child: a parent's own problems and
//! family circumstances (RT-PARENT), and one family, one plan (RT-MULTI).
//!
//! RT-PARENT is independent of the child's A-level: a parent's addiction or
//! debts need their own route even when the child is doing fine. A parent
//! who is already in treatment (or whose treater raised the signal through
//! the kindcheck) is not referred again: JGZ aligns with the treater. RT-MULTI
//! runs after every other rule because it counts the partners they chose;
//! it proposes the Verwijsindex only where the Jeugdwet allows a signal (a
//! real concern and several organisations that must align), never because
//! a family is a client somewhere.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Action, Partner, Reason, RouteKind, SourceKind};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::{MULTI, PARENT, URGENCY};
use crate::text::{codes, count};
use wegwijs_kit::{action_label, clip, handler_label, partner_label};

/// How an adult-care source is named in a sentence.
fn adult_care(source: SourceKind) -> &'static str {
    match source {
        SourceKind::Verslavingszorg => "verslavingszorg",
        _ => "volwassenen-GGZ",
    }
}

/// Adds the parent-GGZ and AMW routes of RT-PARENT.
pub(crate) fn parent(f: &Facts<'_>, plan: &mut Plan) {
    let code = f.has_risk_or_concern_code(PARENT.parent_ggz_codes);
    let kindcheck = PARENT.parent_ggz_sources.contains(&f.source);
    let in_treatment = f.case.parent_in_treatment;
    if code.is_some() || kindcheck {
        let why = match (code, kindcheck) {
            (Some(c), true) => format!(
                "parent problem `{}`, signalled through the kindcheck of {}, where the parent is already in treatment",
                clip(c, 48),
                adult_care(f.source)
            ),
            (None, _) => format!(
                "signalled through the kindcheck of {}, where the parent is already in treatment",
                adult_care(f.source)
            ),
            (Some(c), false) if in_treatment => {
                format!("parent problem `{}`; the parent is already in treatment for it", clip(c, 48))
            }
            (Some(c), false) => format!("parent problem `{}`", clip(c, 48)),
        };
        let row = if in_treatment || kindcheck { PARENT.in_treatment } else { PARENT.referral };
        let i = plan.add(
            Partner::ParentGgz,
            row.kind,
            URGENCY.parent,
            Reason::new("RT-PARENT", format!("A parent's psychiatric or addiction problems ({why}): {}.", row.text)),
        );
        let step = if row.kind == RouteKind::Coordination {
            "aligning with the parent's treater"
        } else {
            "a referral for the parent"
        };
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                format!("Urgency {}: {step} (a default; the guideline names none).", URGENCY.parent),
            ),
        );
    } else if in_treatment {
        plan.warn(
            "RT-PARENT",
            "The signal says a parent is already in treatment, but no psychiatric or addiction problem of a parent is coded, so no route for the parent is proposed; code the problem (e.g. parental-mental-illness) if it bears on the child.",
        );
    }
    if let Some(c) = f.has_concern_code(PARENT.amw_codes) {
        let i = plan.add(
            Partner::Amw,
            RouteKind::Referral,
            URGENCY.parent,
            Reason::new(
                "RT-PARENT",
                format!(
                    "Family circumstances (`{}`): debts, housing, income or relationship problems go to algemeen maatschappelijk werk, whatever the child's A-level.",
                    clip(c, 48)
                ),
            ),
        );
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                format!("Urgency {}: a referral for the family (a default; the guideline names none).", URGENCY.parent),
            ),
        );
    }
}

/// Partners outside JGZ that act on the case: information sources, the
/// Verwijsindex itself and Veilig Thuis advice (which may be anonymous and
/// takes nothing over) do not count, nor do JGZ's own light support and jeugdarts.
fn external_partners(plan: &Plan) -> Vec<Partner> {
    let mut out: Vec<Partner> = Vec::new();
    for r in &plan.routes {
        let internal = matches!(
            r.partner,
            Partner::JgzLightSupport | Partner::Jeugdarts | Partner::Verwijsindex | Partner::VeiligThuisAdvice
        );
        if !internal && r.kind != RouteKind::Information && !out.contains(&r.partner) {
            out.push(r.partner);
        }
    }
    out
}

/// The real concern a Verwijsindex signal needs (a *redelijk vermoeden*
/// that the child's development or safety is threatened), described for
/// the reason; `None` when the card shows none.
fn real_concern(f: &Facts<'_>) -> Option<String> {
    let action = if f.action == Action::S { Some(Action::S) } else { f.child_action };
    let by_action = action.filter(|a| MULTI.vir_actions.contains(a));
    let by_level = f.level >= MULTI.vir_level;
    if by_action.is_none() && !by_level {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    if by_level {
        parts.push(format!("level {}", f.level));
    }
    match by_action {
        Some(Action::S) => parts.push(String::from("the safety track, action S")),
        Some(a) => parts.push(format!("action {}", action_label(a))),
        None => {}
    }
    if !f.domains.is_empty() {
        parts.push(format!("concern domains {}", codes(f.domains.iter().map(|d| d.name()))));
    }
    Some(parts.join("; "))
}

/// RT-MULTI: returns `(one_plan, care_coordinator)` and adds the
/// Verwijsindex coordination route when several agencies must align about
/// a real concern.
pub(crate) fn multi(f: &Facts<'_>, plan: &mut Plan) -> (bool, Option<String>) {
    let partners = external_partners(plan);
    let helpers = f.case.helpers_involved;
    let domains = f.concern_domain_count();
    let one_plan = helpers >= MULTI.helpers || (domains >= MULTI.domains && partners.len() >= MULTI.partners);

    let coordinator = one_plan.then(|| {
        let otherwise = if f.case.gi_involved {
            String::from("the jeugdbeschermer of the gecertificeerde instelling")
        } else if plan.has_partner(Partner::Wijkteam) {
            String::from("a regisseur from the sociaal wijkteam")
        } else {
            format!("the JGZ {} handling the case", handler_label(f.handler))
        };
        if f.telling_endangers {
            // Naming the parents as coordinators would alert them (meldcode step 3).
            format!(
                "{otherwise} for now; whether {} can take this on is agreed with Veilig Thuis once it is safe to involve them",
                f.participants.together_with()
            )
        } else {
            format!("{}, if they can; otherwise {otherwise}", f.participants.together_with())
        }
    });
    if let Some(c) = &coordinator {
        plan.reason(
            "RT-MULTI",
            format!(
                "One family, one plan: {} already involved, {} and {} outside JGZ; care coordinator: {c}.",
                count(usize::from(helpers), "helper", "helpers"),
                count(domains, "concern domain", "concern domains"),
                count(partners.len(), "partner", "partners"),
            ),
        );
    }

    // The Verwijsindex covers 0 to 23; an unborn child is not registered.
    let in_range = !f.prenatal && f.age_months.is_none_or(|m| m < MULTI.vir_until_months);
    // Only partners that take part in the care count; a consultation keeps
    // the case with JGZ.
    let partners: Vec<Partner> = partners
        .into_iter()
        .filter(|p| plan.routes.iter().any(|r| r.partner == *p && MULTI.vir_kinds.contains(&r.kind)))
        .collect();
    // A helper already involved may be a partner proposed, so the larger
    // count is the number of organisations known to be distinct.
    let organisations = usize::from(helpers).max(partners.len());
    if !in_range || organisations < MULTI.vir_organisations {
        return (one_plan, coordinator);
    }
    let agencies = {
        let proposed = partners.iter().map(|p| partner_label(*p)).collect::<Vec<_>>().join(", ");
        match (helpers, partners.is_empty()) {
            (0, _) => format!(
                "{} outside JGZ proposed to take part in the care ({proposed})",
                count(partners.len(), "organisation", "organisations")
            ),
            (h, true) => format!("{} already involved", count(usize::from(h), "helper", "helpers")),
            (h, false) => format!(
                "{} already involved and {} outside JGZ proposed to take part in the care ({proposed})",
                count(usize::from(h), "helper", "helpers"),
                count(partners.len(), "organisation", "organisations")
            ),
        }
    };
    let Some(concern) = real_concern(f) else {
        plan.reason(
            "RT-MULTI",
            format!(
                "No Verwijsindex signal is proposed although {agencies}: a signal needs a redelijk vermoeden that the child's development or safety is threatened (here level {}), and several organisations alone are no reason to signal.",
                f.level
            ),
        );
        return (one_plan, coordinator);
    };
    let i = plan.add(
        Partner::Verwijsindex,
        RouteKind::Coordination,
        MULTI.coordination_urgency,
        Reason::new(
            "RT-MULTI",
            format!(
                "Several agencies must align about a real concern ({concern}): {agencies}. Consider a Verwijsindex signal: the Jeugdwet (afdeling 7.1.4) allows one when there is a redelijk vermoeden that the child's development or safety is threatened and multidisciplinary alignment is needed. The index only tells professionals that JGZ is involved, never what is going on."
            ),
        ),
    );
    plan.route_reason(
        i,
        Reason::new(
            "RT-URGENCY",
            format!(
                "Urgency {}: the default for coordination (a default; the guideline names none).",
                MULTI.coordination_urgency
            ),
        ),
    );
    (one_plan, coordinator)
}
