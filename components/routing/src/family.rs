//! Routes for the family around the child: a parent's own problems and
//! family circumstances (RT-PARENT), and one family, one plan (RT-MULTI).
//!
//! RT-PARENT is independent of the child's A-level: a parent's addiction or
//! debts need their own route even when the child is doing fine. RT-MULTI
//! runs after every other rule because it counts the partners they chose.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Partner, Reason, RouteKind};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::{MULTI, PARENT, URGENCY};
use crate::text::{clip, handler_label};

/// Adds the parent-GGZ and AMW routes of RT-PARENT.
pub(crate) fn parent(f: &Facts<'_>, plan: &mut Plan) {
    let code = f.has_risk_or_concern_code(PARENT.parent_ggz_codes);
    let kindcheck = PARENT.parent_ggz_sources.contains(&f.source);
    if code.is_some() || kindcheck {
        let why = match (code, kindcheck) {
            (Some(c), true) => format!(
                "parent problem `{}` signalled through the kindcheck of {}: the parent is already in adult care, so align with that treater via the parent's huisarts",
                clip(c, 48),
                f.source
            ),
            (Some(c), false) => format!("parent problem `{}`", clip(c, 48)),
            (None, _) => format!(
                "signal from {} through the kindcheck: the parent is already in adult care, so align with that treater via the parent's huisarts",
                f.source
            ),
        };
        let i = plan.add(
            Partner::ParentGgz,
            RouteKind::Referral,
            URGENCY.parent,
            Reason::new(
                "RT-PARENT",
                format!("A parent's psychiatric or addiction problems ({why}): volwassenen-GGZ or verslavingszorg through the parent's own huisarts, in addition to the child's route."),
            ),
        );
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                format!("Urgency {}: a referral for the parent (a default; the guideline names none).", URGENCY.parent),
            ),
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

/// RT-MULTI: returns `(one_plan, care_coordinator)` and adds the
/// Verwijsindex coordination route when several agencies must align.
pub(crate) fn multi(f: &Facts<'_>, plan: &mut Plan) -> (bool, Option<String>) {
    let partners = external_partners(plan);
    let helpers = f.case.helpers_involved;
    let domains = f.concern_domain_count();
    let one_plan = helpers >= MULTI.helpers || (domains >= MULTI.domains && partners.len() >= MULTI.partners);
    let align = helpers >= MULTI.helpers || partners.len() >= MULTI.partners;

    let coordinator = one_plan.then(|| {
        let who = if f.age_years().is_some_and(|y| y >= 16) { "the youth and the parents" } else { "the parents" };
        let otherwise = if f.case.gi_involved {
            String::from("the jeugdbeschermer of the gecertificeerde instelling")
        } else if plan.has_partner(Partner::Wijkteam) {
            String::from("a regisseur from the sociaal wijkteam")
        } else {
            format!("the JGZ {} handling the case", handler_label(f.handler))
        };
        format!("{who}, if they can; otherwise {otherwise}")
    });
    if let Some(c) = &coordinator {
        plan.reason(
            "RT-MULTI",
            format!(
                "One family, one plan: {helpers} helpers already involved, {domains} concern domains and {} partners outside JGZ; care coordinator: {c}.",
                partners.len()
            ),
        );
    }

    // The Verwijsindex covers 0 to 23; an unborn child is not registered.
    let in_range = !f.prenatal && f.age_months.is_none_or(|m| m < 23 * 12);
    if align && in_range {
        let i = plan.add(
            Partner::Verwijsindex,
            RouteKind::Coordination,
            MULTI.coordination_urgency,
            Reason::new(
                "RT-MULTI",
                format!(
                    "Several agencies must align ({helpers} helpers involved, {} partners outside JGZ proposed): consider a Verwijsindex signal, which only tells professionals that others are involved.",
                    partners.len()
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
    }
    (one_plan, coordinator)
}
