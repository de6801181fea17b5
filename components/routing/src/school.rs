//! The school or childcare information route (RT-SCHOOL-AGE, CS-SCHOOL).
//!
//! Which setting is the first source of information depends on the child's
//! age; in secondary school it also depends on whether the problem is
//! complex. Consulting school or childcare always needs the parents'
//! consent first (CS-SCHOOL), so the route says so and the consent stage
//! checks it against the disclosure this route carries.

use alloc::format;
use wegwijs_types::{Reason, RouteKind};

use crate::child::{action_name, action_urgency};
use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::SCHOOL_AGE;
use crate::text::{clip, partner_label};

/// Adds the information route for the child's age band.
pub(crate) fn apply(f: &Facts<'_>, plan: &mut Plan) {
    if !SCHOOL_AGE.actions.contains(&f.action) || f.prenatal {
        return;
    }
    let Some(months) = f.age_months else {
        plan.warn(
            "RT-SCHOOL-AGE",
            "The child's age is unknown, so no school or childcare information route is proposed.",
        );
        return;
    };
    // 18 and older: no row, no school route (the brief limits it to minors).
    let Some(row) = SCHOOL_AGE.rows.iter().find(|r| months >= r.from_months && months < r.to_months) else {
        return;
    };
    let absence = f.has_concern_code(SCHOOL_AGE.complex_concerns);
    let complex_domain = SCHOOL_AGE.complex_domains.iter().find(|d| f.has_domain(**d));
    let many = f.concern_domain_count() >= SCHOOL_AGE.complex_domain_count;
    let (partner, why) = match row.complex_partner {
        Some(p) if absence.is_some() || complex_domain.is_some() || many => {
            let why = if let Some(code) = absence {
                format!("complex problem (school absence: {})", clip(code, 48))
            } else if let Some(d) = complex_domain {
                format!("complex problem ({} domain)", d.name())
            } else {
                format!("complex problem ({} concern domains)", f.concern_domain_count())
            };
            (p, why)
        }
        Some(_) => (row.partner, alloc::string::String::from("single problem")),
        None => (row.partner, alloc::string::String::from("first source of information")),
    };
    let years = months / 12;
    let urgency = action_urgency(f.action);
    let i = plan.add(
        partner,
        RouteKind::Information,
        urgency,
        Reason::new(
            "RT-SCHOOL-AGE",
            format!(
                "Age {years} and action {}: {}; here {}: consult {}.",
                action_name(f.action),
                row.text,
                why,
                partner_label(partner)
            ),
        ),
    );
    plan.route_reason(
        i,
        Reason::new(
            "CS-SCHOOL",
            "Only with the parents' consent and preferably with them present; JGZ informs the parents itself (the consent stage checks whose consent is needed at this age).",
        ),
    );
    plan.route_reason(
        i,
        Reason::new("RT-URGENCY", format!("Urgency {urgency}: the urgency of action {}.", action_name(f.action))),
    );
}
