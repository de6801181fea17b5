//! The safety track: the routing side of the meldcode (MC-STEPS, MC-Q1 … MC-Q5).
//!
//! Screening concludes where the meldcode stands; this module turns that
//! conclusion into a Veilig Thuis route. It runs first and independently of
//! the action ladder, because a safety signal is never queued behind the
//! child's other routes (IN-SAFETY). Where the cards disagree it errs on the
//! side of safety and says so in a warning: acute unsafety flagged by intake
//! always yields an immediate melding, whatever screening concluded. The
//! sentences follow the meldcode's own words in Dutch (stap, afwegingskader,
//! advies vragen bij Veilig Thuis, melding).

use alloc::format;
use alloc::string::String;
use wegwijs_types::{Action, Language, MeldcodeCard, MeldcodeConclusion, Partner, Reason, RouteKind, say};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::{MELDCODE, URGENCY};
use crate::text::{code_list, urgency_word};

/// Adds the Veilig Thuis route the meldcode calls for, if any.
pub(crate) fn apply(f: &Facts<'_>, plan: &mut Plan) {
    let Some(card) = f.meldcode else {
        without_card(f, plan);
        return;
    };
    let lang = f.lang;
    let acute = card.acute || f.intake_safety_flag;
    let mut conclusion = card.conclusion;
    if acute && conclusion != MeldcodeConclusion::Melding {
        let concluded = card.conclusion;
        plan.warn(
            "MC-Q2",
            say!(
                lang,
                "Er is acute onveiligheid gesignaleerd, maar de screening concludeerde `{concluded}`; toch wordt een directe melding voorgesteld.",
                "Acute unsafety is flagged but screening concluded `{concluded}`; a melding with urgency immediate is proposed anyway."
            ),
        );
        conclusion = MeldcodeConclusion::Melding;
    }
    match conclusion {
        MeldcodeConclusion::Melding => melding(f, card, acute, plan),
        MeldcodeConclusion::Assess => advice(card, plan, lang),
        MeldcodeConclusion::Help | MeldcodeConclusion::Close => {
            if let Some(row) = MELDCODE.rows.iter().find(|r| r.conclusion == conclusion) {
                let text = row.text.get(lang);
                plan.reason(row.rule, format!("{text}."));
            }
        }
    }
    if card.veilig_thuis_at_step_two {
        step_two(card, plan, lang);
    }
}

/// No meldcode card: only intake's acute flag or action S can still call for
/// a Veilig Thuis route, and both mean a buggy screening stage upstream.
fn without_card(f: &Facts<'_>, plan: &mut Plan) {
    let lang = f.lang;
    if f.intake_safety_flag {
        plan.warn(
            "IN-SAFETY",
            lang.pick(
                "De intake signaleerde acute onveiligheid, maar de screeningskaart bevat geen uitkomst van de meldcode; de melding wordt voorgesteld op grond van de intake.",
                "Intake flagged acute unsafety but the screening card carries no meldcode result; the melding is proposed from the intake flag.",
            ),
        );
        let indicators = indicators(f);
        let i = plan.add(
            Partner::VeiligThuisMelding,
            RouteKind::Melding,
            URGENCY.acute,
            Reason::new(
                "IN-SAFETY",
                say!(
                    lang,
                    "De intake signaleerde acute onveiligheid ({indicators}); daarmee gaat de casus direct het meldcodetraject in.",
                    "Intake flagged acute unsafety ({indicators}), which takes the meldcode track at once."
                ),
            ),
        );
        plan.route_reason(
            i,
            Reason::new(
                "MC-Q2",
                lang.pick(
                    "Acute onveiligheid: doe een melding bij Veilig Thuis; vragen 3 tot en met 5 van het afwegingskader worden samen met Veilig Thuis beantwoord.",
                    "Acute unsafety: make a melding at Veilig Thuis; questions 3 to 5 are answered together with Veilig Thuis.",
                ),
            ),
        );
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                lang.pick("Urgentie direct: acute onveiligheid.", "Urgency immediate: acute unsafety."),
            ),
        );
    } else if f.action == Action::S {
        plan.warn(
            "MC-STEPS",
            lang.pick(
                "De screening koos actie S, maar gaf geen uitkomst van de meldcode; advies vragen bij Veilig Thuis in stap 2 wordt voorgesteld, zodat het veiligheidsspoor niet verloren gaat.",
                "Screening chose action S but gave no meldcode result; Veilig Thuis advice at step 2 is proposed so the safety track is not lost.",
            ),
        );
        let i = plan.add(
            Partner::VeiligThuisAdvice,
            RouteKind::Advice,
            URGENCY.veilig_thuis,
            Reason::new(
                "MC-STEPS",
                lang.pick(
                    "Actie S zonder conclusie van de meldcode: overleg bij stap 2 met een collega of de aandachtsfunctionaris en vraag advies bij Veilig Thuis, desgewenst anoniem.",
                    "Action S without a meldcode conclusion: at step 2 consult a colleague or the aandachtsfunctionaris and ask Veilig Thuis for advice, anonymously if wished.",
                ),
            ),
        );
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                lang.pick(
                    "Urgentie binnen vijf werkdagen: advies van Veilig Thuis.",
                    "Urgency within five working days: Veilig Thuis advice.",
                ),
            ),
        );
    }
}

/// A melding at Veilig Thuis, citing each afwegingskader question that led to it.
fn melding(f: &Facts<'_>, card: &MeldcodeCard, acute: bool, plan: &mut Plan) {
    let lang = f.lang;
    let urgency = if acute || card.veilig_thuis_at_step_two { URGENCY.acute } else { URGENCY.veilig_thuis };
    let text = MELDCODE.rows.iter().find(|r| r.conclusion == MeldcodeConclusion::Melding).map_or_else(
        || {
            lang.pick(
                "Stap 5 van de meldcode: doe een melding bij Veilig Thuis",
                "Step 5 of the meldcode: make a melding at Veilig Thuis",
            )
        },
        |r| r.text.get(lang),
    );
    let step_three = step_three(f);
    let i = plan.add(
        Partner::VeiligThuisMelding,
        RouteKind::Melding,
        urgency,
        Reason::new("MC-STEPS", format!("{text}; {step_three}.")),
    );
    let input = f.case.meldcode.as_ref();
    if acute {
        let indicators = indicators(f);
        plan.route_reason(
            i,
            Reason::new(
                "MC-Q2",
                say!(
                    lang,
                    "Acute onveiligheid ({indicators}): een directe melding; vragen 3 tot en met 5 van het afwegingskader worden samen met Veilig Thuis beantwoord.",
                    "Acute unsafety ({indicators}): a melding with urgency immediate; questions 3 to 5 are answered together with Veilig Thuis."
                ),
            ),
        );
    }
    if input.is_some_and(|m| m.structural_unsafety) {
        plan.route_reason(
            i,
            Reason::new(
                "MC-Q2",
                lang.pick(
                    "In stap 4 is structurele onveiligheid vastgesteld: een melding is verplicht.",
                    "Structural unsafety was established in step 4: a melding is required.",
                ),
            ),
        );
    }
    if input.is_some_and(|m| m.help_possible == Some(false)) {
        plan.route_reason(
            i,
            Reason::new(
                "MC-Q3",
                lang.pick(
                    "De JGZ kan zelf geen passende hulp bieden of organiseren: melding.",
                    "JGZ cannot offer or organise effective help itself: melding.",
                ),
            ),
        );
    }
    if input.is_some_and(|m| m.help_accepted == Some(false)) {
        plan.route_reason(
            i,
            Reason::new(
                "MC-Q4",
                lang.pick(
                    "Het gezin aanvaardt de aangeboden hulp niet of zet zich er niet voor in: melding.",
                    "The family does not accept or commit to the help offered: melding.",
                ),
            ),
        );
    }
    if input.is_some_and(|m| m.help_effective == Some(false)) {
        plan.route_reason(
            i,
            Reason::new(
                "MC-Q5",
                lang.pick(
                    "De hulp heeft niet binnen de afgesproken tijd tot veiligheid geleid: (opnieuw) een melding.",
                    "The help did not lead to safety in the agreed time: (again) a melding.",
                ),
            ),
        );
    }
    let why = if acute {
        lang.pick("acute onveiligheid", "acute unsafety")
    } else if card.veilig_thuis_at_step_two {
        lang.pick(
            "Veilig Thuis moet direct worden ingeschakeld (stap 2)",
            "Veilig Thuis must be contacted at once (step 2)",
        )
    } else {
        lang.pick(
            "een melding zonder acute onveiligheid; Veilig Thuis heeft vijf werkdagen voor de veiligheidsbeoordeling",
            "a melding without acute unsafety; Veilig Thuis has five working days for its safety assessment",
        )
    };
    let urgency = urgency_word(urgency, lang);
    plan.route_reason(i, Reason::new("RT-URGENCY", format!("{urgency}: {why}.")));
}

/// Meldcode step 3 as the melding's reason states it: tell them
/// beforehand, unless that endangers someone (then say it does).
fn step_three(f: &Facts<'_>) -> String {
    let lang = f.lang;
    let told = f.participants.told_of_melding(lang).0;
    if f.telling_endangers {
        say!(
            lang,
            "bespreek de melding niet vooraf met {told}, want dat brengt iemand in gevaar; leg vast waarom (stap 3)",
            "do not tell {told} beforehand, because that would endanger someone; record why (step 3)"
        )
    } else {
        say!(
            lang,
            "bespreek de melding vooraf met {told}, tenzij dat iemand in gevaar brengt (stap 3)",
            "tell {told} beforehand, unless that endangers someone (step 3)"
        )
    }
}

/// Advice from Veilig Thuis at step 2, which may be asked anonymously.
fn advice(card: &MeldcodeCard, plan: &mut Plan, lang: Language) {
    let urgency = if card.veilig_thuis_at_step_two { URGENCY.acute } else { URGENCY.veilig_thuis };
    let text = MELDCODE.rows.iter().find(|r| r.conclusion == MeldcodeConclusion::Assess).map_or_else(
        || lang.pick("Vraag bij stap 2 advies bij Veilig Thuis", "At step 2 ask Veilig Thuis for advice"),
        |r| r.text.get(lang),
    );
    let next = card.next_step.clamp(1, 5);
    let i = plan.add(
        Partner::VeiligThuisAdvice,
        RouteKind::Advice,
        urgency,
        Reason::new(
            "MC-STEPS",
            say!(
                lang,
                "{text} (volgende stap van de meldcode: {next}); advies kan worden gevraagd zonder gegevens waaraan het gezin te herkennen is.",
                "{text} (next meldcode step: {next}); advice can be asked without identifiers."
            ),
        ),
    );
    let urgency = urgency_word(urgency, lang);
    plan.route_reason(
        i,
        Reason::new(
            "RT-URGENCY",
            say!(
                lang,
                "{urgency}: advies van Veilig Thuis tijdens de afweging volgens de meldcode.",
                "{urgency}: Veilig Thuis advice during the meldcode assessment."
            ),
        ),
    );
}

/// Honour-related violence, forced marriage or FGM: Veilig Thuis at step 2 at once.
fn step_two(card: &MeldcodeCard, plan: &mut Plan, lang: Language) {
    let reason = Reason::new(
        "MC-STEPS",
        lang.pick(
            "Er is een vermoeden van eergerelateerd geweld, huwelijksdwang of vrouwelijke genitale verminking: neem bij stap 2 direct contact op met Veilig Thuis en wacht niet op stap 3 tot en met 5.",
            "Honour-related violence, forced marriage or female genital mutilation is suspected: contact Veilig Thuis at once at step 2, do not wait for steps 3 to 5.",
        ),
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
            lang.pick(
                "De screening sloot het meldcodetraject af, maar vraagt om contact met Veilig Thuis in stap 2; dat contact blijft staan.",
                "Screening closed the meldcode track but asks for Veilig Thuis at step 2; the step 2 contact is kept.",
            ),
        );
    }
    plan.add(Partner::VeiligThuisAdvice, RouteKind::Advice, URGENCY.acute, reason);
    if let Some(i) = plan.index_of(Partner::VeiligThuisAdvice, RouteKind::Advice)
        && !plan.routes.get(i).is_some_and(|r| r.reasons.iter().any(|x| x.rule == "RT-URGENCY"))
    {
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                lang.pick(
                    "Urgentie direct: in stap 2 wordt direct contact opgenomen met Veilig Thuis.",
                    "Urgency immediate: Veilig Thuis is contacted at once at step 2.",
                ),
            ),
        );
    }
}

/// The acute indicator codes of the case, for reason text.
fn indicators(f: &Facts<'_>) -> String {
    if f.case.safety_indicators.is_empty() {
        String::from(f.lang.pick("geen code van een signaal opgegeven", "no indicator code given"))
    } else {
        code_list(f.case.safety_indicators.iter().map(String::as_str), f.lang)
    }
}
