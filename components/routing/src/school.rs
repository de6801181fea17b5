//! The school or childcare information route (RT-SCHOOL-AGE, CS-SCHOOL).
//!
//! Which setting is the first source of information depends on the child's
//! age; in secondary school it also depends on whether the problem is
//! complex. School or childcare is asked about the child's own concerns
//! only: a family's debts or a parent's illness with nothing coded about
//! the child gives them nothing to inform on, so no route is proposed and
//! the card says why. Consulting school or childcare needs the consent
//! CS-AGE names (CS-SCHOOL), so the route says whose, and the consent stage
//! checks it against the disclosure this route carries.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Action, Band, Domain, Reason, RouteKind};

use crate::child::action_urgency;
use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::SCHOOL_AGE;
use crate::text::{codes, consent_of, instrument_label};
use wegwijs_kit::{action_label, clip, partner_label};

/// Adds the information route for the child's age band, when the child's
/// own concerns are ones school or childcare can inform on.
pub(crate) fn apply(f: &Facts<'_>, plan: &mut Plan) {
    let Some(action) = f.child_action else { return };
    if !SCHOOL_AGE.actions.contains(&action) || f.prenatal {
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
    let grounds = grounds(f);
    if grounds.is_empty() {
        not_indicated(f, row.partner, plan);
        return;
    }
    let absence = f.has_concern_code(SCHOOL_AGE.complex_concerns);
    let complex_domain = SCHOOL_AGE.complex_domains.iter().find(|d| f.has_domain(**d));
    let many = f.concern_domain_count() >= SCHOOL_AGE.complex_domain_count;
    let (partner, why) = match row.complex_partner {
        Some(p) if absence.is_some() || complex_domain.is_some() || many => {
            let why = if let Some(code) = absence {
                format!("a complex problem (school absence: {})", clip(code, 48))
            } else if let Some(d) = complex_domain {
                format!("a complex problem (the {} domain)", d.name())
            } else {
                format!("a complex problem ({} concern domains)", f.concern_domain_count())
            };
            (p, why)
        }
        Some(_) => (row.partner, String::from("a single problem")),
        None => (row.partner, String::from("the first source of information")),
    };
    let years = months / 12;
    let urgency = action_urgency(action);
    let i = plan.add(
        partner,
        RouteKind::Information,
        urgency,
        Reason::new(
            "RT-SCHOOL-AGE",
            format!(
                "Age {years} and action {}: {}; here {}, so consult {} about the child's own concerns ({}).",
                action_label(action),
                row.text,
                why,
                partner_label(partner),
                grounds.join("; ")
            ),
        ),
    );
    let who = f.participants.together_with();
    plan.route_reason(
        i,
        Reason::new(
            "CS-SCHOOL",
            format!(
                "Only with the consent CS-AGE names, here {}, and preferably with {who} present; JGZ, as the party that signals, informs {who} itself.",
                consent_of(f.participants)
            ),
        ),
    );
    plan.route_reason(
        i,
        Reason::new("RT-URGENCY", format!("Urgency {urgency}: the urgency of action {}.", action_label(action))),
    );
}

/// The child's own concerns school or childcare can inform on: concern
/// domains in [`SCHOOL_AGE`]'s list, a psychosocial instrument above the
/// normal range, a risk card at level concern or higher (the parent–child
/// relationship).
fn grounds(f: &Facts<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let domains: Vec<&str> = f.domains.iter().filter(|d| SCHOOL_AGE.domains.contains(d)).map(|d| d.name()).collect();
    if !domains.is_empty() {
        out.push(format!("concern domains {}", codes(domains.iter().copied())));
    }
    let instruments: Vec<String> = f
        .screening
        .instruments
        .iter()
        .filter(|i| i.valid && i.unusable.is_none())
        .filter(|i| {
            i.level.is_some_and(|l| l >= SCHOOL_AGE.instrument_from) || i.band.is_some_and(|b| b != Band::Normal)
        })
        .map(|i| match i.band {
            Some(b) => format!("{} {b}", instrument_label(i.instrument)),
            None => String::from(instrument_label(i.instrument)),
        })
        .collect();
    if !instruments.is_empty() {
        out.push(format!("psychosocial screening: {}", codes(instruments.iter().map(String::as_str))));
    }
    if f.risk_level >= SCHOOL_AGE.risk_card_from {
        out.push(format!("the parent–child relationship: risk card level {}", f.risk_level));
    }
    out
}

/// The card-level sentence when school or childcare is not consulted: the
/// child's own concerns lie outside what they can inform on.
fn not_indicated(f: &Facts<'_>, partner: wegwijs_types::Partner, plan: &mut Plan) {
    let outside: Vec<&str> = f.domains.iter().filter(|d| !SCHOOL_AGE.domains.contains(d)).map(|d| d.name()).collect();
    let informable: Vec<&str> = SCHOOL_AGE.domains.iter().map(|d| Domain::name(*d)).collect();
    let what = if outside.is_empty() {
        String::from("none of the child's own concerns is coded in a domain")
    } else {
        format!("the concerns on this card ({}) are not in a domain", codes(outside.iter().copied()))
    };
    let rest = if f.action == Action::S { "; the safety track has its own steps" } else { "" };
    plan.reason(
        "RT-SCHOOL-AGE",
        format!(
            "No information route to {}: {what} school or childcare can inform on ({}), so consulting them about the child is not indicated (RT-A1 consults them only about the child, per CS-SCHOOL){rest}.",
            partner_label(partner),
            informable.join(", ")
        ),
    );
}
