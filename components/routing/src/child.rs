//! The child's own route per rung of the action ladder (RT-A0 … RT-A3),
//! including the medical-first rule, and assessing again when the only
//! evidence could not be used (PS-UNUSABLE).
//!
//! The engine walks [`CHILD_ROUTES`] and [`MEDICAL_FIRST`]; which partner a
//! trigger leads to is data there, not code here. Where the region's
//! configuration replaces a default row (`routing.hub`, `routing.poh-jeugd`),
//! the `region` module decides and the route carries its reasons. The
//! medical-first route is added before the others so that, at equal urgency,
//! it is listed first: medical causes are ruled out before anything else.
//!
//! On the safety track (action S) the child's own route is still proposed,
//! from the ladder's action beside S (IN-SAFETY): a safety signal never
//! replaces the child's own care. The safety routes are more urgent, so they
//! are listed first.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Action, Domain, Language, Level, Reason, RouteKind, Urgency, say};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::region::Settings;
use crate::tables::{CHILD_ROUTES, MEDICAL_FIRST, SOCIAL_DOMAINS, Trigger, UNUSABLE, URGENCY};
use crate::text::{codes, count, instrument_label, instrument_with_article, urgency_word};
use wegwijs_kit::{action_label, domain_term, partner_label};

/// The default urgency of the action ladder rung (RT-URGENCY).
pub(crate) fn action_urgency(action: Action) -> Urgency {
    URGENCY.by_action.iter().find(|r| r.action == action).map_or(Urgency::Soon, |r| r.urgency)
}

/// The RT-URGENCY sentence for a route proposed at `action`.
fn urgency_reason(action: Action, lang: Language) -> Reason {
    let text = match URGENCY.by_action.iter().find(|r| r.action == action) {
        Some(row) => {
            let (urgency, why) = (urgency_word(row.urgency, lang), row.text.get(lang));
            format!("{urgency}: {why}.")
        }
        None => {
            let (urgency, a) = (urgency_word(action_urgency(action), lang), action_label(action, lang));
            say!(lang, "{urgency}: de standaard bij actie {a}.", "{urgency}: the default for action {a}.")
        }
    };
    Reason::new("RT-URGENCY", text)
}

/// Adds the child's routes for the ladder's action, as the region's
/// configuration shapes them; on the safety track, beside the safety routes.
pub(crate) fn apply(f: &Facts<'_>, settings: &Settings, plan: &mut Plan) {
    let lang = f.lang;
    if f.action == Action::S {
        safety_note(f, plan);
    }
    if f.a0_beside_unusable {
        let names = unusable_names(f);
        plan.warn(
            "PS-UNUSABLE",
            say!(
                lang,
                "De screening gaf het kind actie A0, terwijl een uitkomst van een instrument niet bruikbaar was ({names}); een onbruikbare uitkomst telt nooit als normaal, dus stelt de routering een nieuwe beoordeling voor.",
                "Screening gave the child action A0 while an instrument result could not be used ({names}); an unusable result is never read as normal, so routing proposes assessing again."
            ),
        );
    }
    let Some(action) = f.child_action else { return };
    match action {
        Action::S => {}
        // On the safety track the safety note above says what A0 means there.
        Action::A0 if f.action == Action::S => {}
        Action::A0 => {
            let who = f.participants.together_with(lang);
            plan.reason(
                "RT-A0",
                say!(
                    lang,
                    "Actie A0: geen route voor het kind; normaliseer de zorg en informeer {who} bij het volgende reguliere contact.",
                    "Action A0: no route for the child; normalise the concern and inform {who} at the next regular contact."
                ),
            );
        }
        Action::Reassess | Action::A1 | Action::A2 | Action::A3 => rows(f, action, settings, plan),
    }
}

/// The card-level sentence on a safety card about the child's own route.
fn safety_note(f: &Facts<'_>, plan: &mut Plan) {
    let lang = f.lang;
    match f.child_action {
        Some(Action::A0) => plan.reason(
            "IN-SAFETY",
            lang.pick(
                "Actie S: het meldcodetraject gaat voor. De actieladder geeft de eigen zorgen van het kind actie A0, dus naast het veiligheidsspoor is er nu geen aparte stap voor het kind; kijk na de veiligheidsstappen opnieuw naar wat het kind nodig heeft, samen met Veilig Thuis als die betrokken is.",
                "Action S: the meldcode track leads. The action ladder gives the child's own concerns action A0, so beside the safety track there is no separate step for the child now; once the safety steps are taken, look at the child's needs again, together with Veilig Thuis where it is involved.",
            ),
        ),
        Some(a) if a != Action::S => {
            let a = action_label(a, lang);
            plan.reason(
                "IN-SAFETY",
                say!(
                    lang,
                    "Actie S: het meldcodetraject gaat voor en de stappen daarvan komen eerst. Daarnaast wordt de eigen route van het kind voor actie {a} van de actieladder voorgesteld, in urgentie na de veiligheidsstappen: het veiligheidsspoor vervangt nooit de eigen zorg voor het kind.",
                    "Action S: the meldcode track leads and its steps come first. Beside it the child's own route for ladder action {a} is proposed, after the safety steps in urgency: the safety track never replaces the child's own care."
                ),
            );
        }
        _ => plan.warn(
            "IN-SAFETY",
            lang.pick(
                "De screening koos actie S zonder de actie van de actieladder voor de eigen zorgen van het kind (`child-action`), dus de eigen route van het kind kan hier niet worden gekozen; de professional kiest die naast de veiligheidsstappen.",
                "Screening chose action S without the ladder's action for the child's own concerns (child-action), so the child's own route cannot be chosen here; the professional chooses it beside the safety steps.",
            ),
        ),
    }
}

/// The rows of [`CHILD_ROUTES`] (and medical first) for `action`.
fn rows(f: &Facts<'_>, action: Action, settings: &Settings, plan: &mut Plan) {
    let lang = f.lang;
    let mut added: Vec<usize> = Vec::new();
    if let Some(i) = medical_first(f, action, plan) {
        added.push(i);
    }
    for row in CHILD_ROUTES.rows.iter().filter(|r| r.action == action) {
        if !applies(f, row.trigger, added.len()) {
            continue;
        }
        let chosen = settings.child_route(f, row);
        let reason = Reason::new(row.rule, format!("{}{}.", chosen.text.get(lang), specifics(f, row.trigger, action)));
        let i = plan.add(chosen.partner, chosen.kind, action_urgency(action), reason);
        for note in chosen.notes {
            plan.route_reason(i, note);
        }
        match row.trigger {
            Trigger::RiskCardHigh => plan.route_reason(
                i,
                Reason::new(
                    "RK-MULTI-DOMAIN",
                    lang.pick(
                        "De risicokaart heeft een rode factor of 4 of meer risicofactoren op twee of meer domeinen: consulteer een IMH-specialist en het sociaal wijkteam, en overweeg één integraal plan.",
                        "The risk card has a red factor or 4+ risk factors over two or more domains: consult an IMH specialist and the wijkteam, and consider one integrated plan.",
                    ),
                ),
            ),
            Trigger::RiskCardConcern if chosen.partner == row.partner => plan.route_reason(
                i,
                Reason::new(
                    "RK-ONE-DOMAIN",
                    lang.pick(
                        "De risicokaart heeft een rode factor of 4 of meer risicofactoren binnen één domein: ga na welke hulpverleners al betrokken zijn en bespreek de casus daarna in het sociaal wijkteam.",
                        "The risk card has a red factor or 4+ risk factors within one domain: discuss in the wijkteam after checking which helpers are already involved.",
                    ),
                ),
            ),
            // The region's hub stands in for the local team the guideline names.
            Trigger::RiskCardConcern => {
                let hub = partner_label(chosen.partner, lang);
                plan.route_reason(
                    i,
                    Reason::new(
                        "RK-ONE-DOMAIN",
                        say!(
                            lang,
                            "De risicokaart heeft een rode factor of 4 of meer risicofactoren binnen één domein: ga na welke hulpverleners al betrokken zijn en bespreek de casus daarna in het lokale team voor zulke vragen; de richtlijn noemt het wijkteam, CJG of OKT, en in deze regio is dat {hub}.",
                            "The risk card has a red factor or 4+ risk factors within one domain: discuss the case in the local team for these questions after checking which helpers are already involved; the guideline names the wijkteam, CJG or OKT, and in this region that is {hub}."
                        ),
                    ),
                );
            }
            _ => {}
        }
        add_urgency_reason(plan, i, action, lang);
        added.push(i);
    }
    if f.action == Action::S {
        let a = action_label(action, lang);
        for i in added {
            plan.route_reason(
                i,
                Reason::new(
                    "IN-SAFETY",
                    say!(
                        lang,
                        "De eigen route van het kind, voorgesteld naast de veiligheidsroute: de actieladder geeft de eigen zorgen van het kind actie {a}, terwijl de kaart actie S heeft.",
                        "The child's own route, proposed beside the safety route: the ladder's action for the child's own concerns is {a} while the card's action is S."
                    ),
                ),
            );
        }
    }
}

/// Adds the RT-URGENCY reason once per route.
fn add_urgency_reason(plan: &mut Plan, i: usize, action: Action, lang: Language) {
    let has = plan.routes.get(i).is_some_and(|r| r.reasons.iter().any(|x| x.rule == "RT-URGENCY"));
    if !has {
        plan.route_reason(i, urgency_reason(action, lang));
    }
}

/// Somatic questions first go to the huisarts (or the kinderarts after a
/// medisch specialist's signal). Returns the index of the route it added.
fn medical_first(f: &Facts<'_>, action: Action, plan: &mut Plan) -> Option<usize> {
    if !MEDICAL_FIRST.actions.contains(&action) || !f.has_domain(MEDICAL_FIRST.domain) {
        return None;
    }
    let lang = f.lang;
    let specialist = MEDICAL_FIRST.specialist_sources.contains(&f.source);
    let partner = if specialist { MEDICAL_FIRST.specialist_partner } else { MEDICAL_FIRST.partner };
    let who = if specialist {
        lang.pick(
            "de kinderarts (een medisch specialist gaf het signaal)",
            "the kinderarts, because a medisch specialist raised the signal",
        )
    } else {
        lang.pick("de huisarts", "the huisarts")
    };
    let scope = if action == Action::A3 {
        String::new()
    } else {
        let a = action_label(action, lang);
        say!(
            lang,
            " Deze regel van RT-A3 (eerst medische oorzaken uitsluiten) geldt ook bij actie {a}.",
            " This medical-first rule of RT-A3 also applies at action {a}."
        )
    };
    let text = say!(
        lang,
        "Somatische of medische zorgen: verwijs eerst naar {who} om medische oorzaken uit te sluiten.{scope}",
        "Somatic or medical concerns: refer first to {who} to rule out medical causes.{scope}"
    );
    let i = plan.add(partner, RouteKind::Referral, action_urgency(action), Reason::new("RT-A3", text));
    add_urgency_reason(plan, i, action, lang);
    Some(i)
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
fn specifics(f: &Facts<'_>, trigger: Trigger, action: Action) -> String {
    let lang = f.lang;
    match trigger {
        Trigger::MultiDomain | Trigger::SocialProblems => {
            let domains = codes(f.domains.iter().filter(|d| **d != Domain::Safety).map(|d| match lang {
                Language::En => d.name(),
                Language::Nl => domain_term(*d, lang),
            }));
            say!(lang, " (domeinen: {domains})", " (domains: {domains})")
        }
        Trigger::InstrumentAbnormal | Trigger::SuspectedPsychiatric => {
            let abnormal = codes(f.abnormal().map(|i| instrument_label(i.instrument)));
            say!(lang, " (afwijkend: {abnormal})", " (abnormal: {abnormal})")
        }
        Trigger::RiskCardHigh | Trigger::RiskCardConcern => {
            let n = f.screening.risk_card.risk_factors.len();
            let factors = match lang {
                Language::Nl => count(n, "risicofactor", "risicofactoren"),
                Language::En => count(n, "risk factor", "risk factors"),
            };
            say!(lang, " ({factors} op de kaart)", " ({factors} on the card)")
        }
        Trigger::Always if action == Action::Reassess => format!(" ({})", unusable_details(f)),
        Trigger::Always | Trigger::NothingElse => String::new(),
    }
}

/// "the SDQ has a scale with fewer than three answers, so its total cannot be
/// scored: complete the missing items", per unusable instrument (PS-UNUSABLE).
fn unusable_details(f: &Facts<'_>) -> String {
    let lang = f.lang;
    let fallback = UNUSABLE.rows.iter().find(|r| r.reason.is_none());
    let parts: Vec<String> = f
        .unusable()
        .take(4)
        .map(|i| {
            let row = UNUSABLE.rows.iter().find(|r| r.reason.is_some() && r.reason == i.unusable).or(fallback);
            let instrument = instrument_with_article(i.instrument, lang);
            match row {
                Some(r) => format!("{instrument} {}: {}", r.why.get(lang), r.todo.get(lang)),
                None => say!(lang, "{instrument} was niet bruikbaar", "{instrument} could not be used"),
            }
        })
        .collect();
    if parts.is_empty() {
        // A region's screening chose reassess without saying what could not be used.
        String::from(lang.pick(
            "de screening noemt geen onbruikbaar instrument; ga na welke uitkomst niet bruikbaar was",
            "screening names no unusable instrument; check which result could not be used",
        ))
    } else {
        parts.join("; ")
    }
}

/// The unusable instruments by name, e.g. "SDQ" or "SDQ, BITSEA".
fn unusable_names(f: &Facts<'_>) -> String {
    codes(f.unusable().map(|i| instrument_label(i.instrument)))
}
