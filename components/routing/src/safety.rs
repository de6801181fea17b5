//! The safety track: the routing side of the meldcode (MC-STEPS, MC-Q1 … MC-Q5).
//!
//! Screening concludes where the meldcode stands; this module turns that
//! conclusion into a Veilig Thuis route. It runs first and independently of
//! the action ladder, because a safety signal is never queued behind the
//! child's other routes (IN-SAFETY). Where the cards disagree it errs on the
//! side of safety and says so in a warning: acute unsafety flagged by intake
//! always yields an immediate melding, whatever screening concluded.

use alloc::format;
use alloc::string::String;
use wegwijs_types::{Action, MeldcodeCard, MeldcodeConclusion, Partner, Reason, RouteKind};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::{MELDCODE, URGENCY};
use crate::text::told_of_melding;

/// Adds the Veilig Thuis route the meldcode calls for, if any.
pub(crate) fn apply(f: &Facts<'_>, plan: &mut Plan) {
    let Some(card) = f.meldcode else {
        without_card(f, plan);
        return;
    };
    let acute = card.acute || f.intake_safety_flag;
    let mut conclusion = card.conclusion;
    if acute && conclusion != MeldcodeConclusion::Melding {
        plan.warn(
            "MC-Q2",
            format!(
                "Acute unsafety is flagged but screening concluded `{}`; a melding with urgency immediate is proposed anyway.",
                card.conclusion
            ),
        );
        conclusion = MeldcodeConclusion::Melding;
    }
    match conclusion {
        MeldcodeConclusion::Melding => melding(f, card, acute, plan),
        MeldcodeConclusion::Assess => advice(card, plan),
        MeldcodeConclusion::Help | MeldcodeConclusion::Close => {
            if let Some(row) = MELDCODE.rows.iter().find(|r| r.conclusion == conclusion) {
                plan.reason(row.rule, format!("{}.", row.text));
            }
        }
    }
    if card.veilig_thuis_at_step_two {
        step_two(card, plan);
    }
}

/// No meldcode card: only intake's acute flag or action S can still call for
/// a Veilig Thuis route, and both mean a buggy screening stage upstream.
fn without_card(f: &Facts<'_>, plan: &mut Plan) {
    if f.intake_safety_flag {
        plan.warn(
            "IN-SAFETY",
            "Intake flagged acute unsafety but the screening card carries no meldcode result; the melding is proposed from the intake flag.",
        );
        let i = plan.add(
            Partner::VeiligThuisMelding,
            RouteKind::Melding,
            URGENCY.acute,
            Reason::new(
                "IN-SAFETY",
                format!("Intake flagged acute unsafety ({}), which takes the meldcode track at once.", indicators(f)),
            ),
        );
        plan.route_reason(
            i,
            Reason::new("MC-Q2", "Acute unsafety: make a melding at Veilig Thuis; questions 3 to 5 are answered together with Veilig Thuis."),
        );
        plan.route_reason(i, Reason::new("RT-URGENCY", "Urgency immediate: acute unsafety."));
    } else if f.action == Action::S {
        plan.warn(
            "MC-STEPS",
            "Screening chose action S but gave no meldcode result; Veilig Thuis advice at step 2 is proposed so the safety track is not lost.",
        );
        let i = plan.add(
            Partner::VeiligThuisAdvice,
            RouteKind::Advice,
            URGENCY.veilig_thuis,
            Reason::new(
                "MC-STEPS",
                "Action S without a meldcode conclusion: at step 2 consult a colleague or the aandachtsfunctionaris and ask Veilig Thuis for advice, anonymously if wished.",
            ),
        );
        plan.route_reason(i, Reason::new("RT-URGENCY", "Urgency within five working days: Veilig Thuis advice."));
    }
}

/// A melding at Veilig Thuis, citing each afwegingskader question that led to it.
fn melding(f: &Facts<'_>, card: &MeldcodeCard, acute: bool, plan: &mut Plan) {
    let urgency = if acute || card.veilig_thuis_at_step_two { URGENCY.acute } else { URGENCY.veilig_thuis };
    let text = MELDCODE
        .rows
        .iter()
        .find(|r| r.conclusion == MeldcodeConclusion::Melding)
        .map_or("Step 5 of the meldcode: make a melding at Veilig Thuis", |r| r.text);
    let i = plan.add(
        Partner::VeiligThuisMelding,
        RouteKind::Melding,
        urgency,
        Reason::new("MC-STEPS", format!("{text}; {}.", step_three(f))),
    );
    let input = f.case.meldcode.as_ref();
    if acute {
        plan.route_reason(
            i,
            Reason::new(
                "MC-Q2",
                format!(
                    "Acute unsafety ({}): a melding with urgency immediate; questions 3 to 5 are answered together with Veilig Thuis.",
                    indicators(f)
                ),
            ),
        );
    }
    if input.is_some_and(|m| m.structural_unsafety) {
        plan.route_reason(
            i,
            Reason::new("MC-Q2", "Structural unsafety was established in step 4: a melding is required."),
        );
    }
    if input.is_some_and(|m| m.help_possible == Some(false)) {
        plan.route_reason(i, Reason::new("MC-Q3", "JGZ cannot offer or organise effective help itself: melding."));
    }
    if input.is_some_and(|m| m.help_accepted == Some(false)) {
        plan.route_reason(
            i,
            Reason::new("MC-Q4", "The family does not accept or commit to the help offered: melding."),
        );
    }
    if input.is_some_and(|m| m.help_effective == Some(false)) {
        plan.route_reason(
            i,
            Reason::new("MC-Q5", "The help did not lead to safety in the agreed time: (again) a melding."),
        );
    }
    let why = if acute {
        "acute unsafety"
    } else if card.veilig_thuis_at_step_two {
        "Veilig Thuis must be contacted at once (step 2)"
    } else {
        "a melding without acute unsafety; Veilig Thuis has five working days for its safety assessment"
    };
    plan.route_reason(i, Reason::new("RT-URGENCY", format!("Urgency {urgency}: {why}.")));
}

/// Meldcode step 3 as the melding's reason states it: tell them
/// beforehand, unless that endangers someone (then say it does).
fn step_three(f: &Facts<'_>) -> String {
    let told = told_of_melding(f.participants);
    if f.telling_endangers {
        format!("do not tell {told} beforehand, because that would endanger someone; record why (step 3)")
    } else {
        format!("tell {told} beforehand, unless that endangers someone (step 3)")
    }
}

/// Advice from Veilig Thuis at step 2, which may be asked anonymously.
fn advice(card: &MeldcodeCard, plan: &mut Plan) {
    let urgency = if card.veilig_thuis_at_step_two { URGENCY.acute } else { URGENCY.veilig_thuis };
    let text = MELDCODE
        .rows
        .iter()
        .find(|r| r.conclusion == MeldcodeConclusion::Assess)
        .map_or("At step 2 ask Veilig Thuis for advice", |r| r.text);
    let i = plan.add(
        Partner::VeiligThuisAdvice,
        RouteKind::Advice,
        urgency,
        Reason::new(
            "MC-STEPS",
            format!(
                "{text} (next meldcode step: {}); advice can be asked without identifiers.",
                card.next_step.clamp(1, 5)
            ),
        ),
    );
    plan.route_reason(
        i,
        Reason::new("RT-URGENCY", format!("Urgency {urgency}: Veilig Thuis advice during the meldcode assessment.")),
    );
}

/// Honour-related violence, forced marriage or FGM: Veilig Thuis at step 2 at once.
fn step_two(card: &MeldcodeCard, plan: &mut Plan) {
    let reason = Reason::new(
        "MC-STEPS",
        "Honour-related violence, forced marriage or female genital mutilation is suspected: contact Veilig Thuis at once at step 2, do not wait for steps 3 to 5.",
    );
    if let Some(i) = plan.index_of(Partner::VeiligThuisMelding, RouteKind::Melding) {
        if let Some(route) = plan.routes.get_mut(i) {
            route.urgency = URGENCY.acute;
        }
        plan.route_reason(i, reason);
        return;
    }
    if card.conclusion == MeldcodeConclusion::Close {
        plan.warn(
            "MC-STEPS",
            "Screening closed the meldcode track but asks for Veilig Thuis at step 2; the step 2 contact is kept.",
        );
    }
    plan.add(Partner::VeiligThuisAdvice, RouteKind::Advice, URGENCY.acute, reason);
    if let Some(i) = plan.index_of(Partner::VeiligThuisAdvice, RouteKind::Advice)
        && !plan.routes.get(i).is_some_and(|r| r.reasons.iter().any(|x| x.rule == "RT-URGENCY"))
    {
        plan.route_reason(
            i,
            Reason::new("RT-URGENCY", "Urgency immediate: Veilig Thuis is contacted at once at step 2."),
        );
    }
}

/// The acute indicator codes of the case, for reason text.
fn indicators(f: &Facts<'_>) -> String {
    if f.case.safety_indicators.is_empty() {
        String::from("no indicator code given")
    } else {
        crate::text::codes(f.case.safety_indicators.iter().map(String::as_str))
    }
}
