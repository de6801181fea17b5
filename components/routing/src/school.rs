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
use wegwijs_types::{Action, Band, Domain, Language, Reason, RouteKind, say};

use crate::child::action_urgency;
use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::SCHOOL_AGE;
use crate::text::{codes, consent_of, instrument_label, quote, urgency_word};
use wegwijs_kit::band_term;
use wegwijs_kit::{action_label, clip, domain_term, level_term, partner_label};

/// A domain as the reader of `lang` sees it in a list: the WIT name in
/// English (as the card always showed it), the glossary's word in Dutch.
fn domain_word(d: Domain, lang: Language) -> &'static str {
    match lang {
        Language::En => d.name(),
        Language::Nl => domain_term(d, lang),
    }
}

/// Adds the information route for the child's age band, when the child's
/// own concerns are ones school or childcare can inform on.
pub(crate) fn apply(f: &Facts<'_>, plan: &mut Plan) {
    let lang = f.lang;
    let Some(action) = f.child_action else { return };
    if !SCHOOL_AGE.actions.contains(&action) || f.prenatal {
        return;
    }
    let Some(months) = f.age_months else {
        plan.warn(
            "RT-SCHOOL-AGE",
            lang.pick(
                "De leeftijd van het kind is onbekend, dus er wordt geen route voorgesteld om informatie op te vragen bij school of kinderopvang.",
                "The child's age is unknown, so no school or childcare information route is proposed.",
            ),
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
                match lang {
                    Language::Nl => format!("een complex probleem (schoolverzuim: {})", quote(code)),
                    Language::En => format!("a complex problem (school absence: {})", clip(code, 48)),
                }
            } else if let Some(d) = complex_domain {
                let domain = domain_word(*d, lang);
                say!(lang, "een complex probleem (het domein {domain})", "a complex problem (the {domain} domain)")
            } else {
                let n = f.concern_domain_count();
                say!(lang, "een complex probleem ({n} zorgdomeinen)", "a complex problem ({n} concern domains)")
            };
            (p, why)
        }
        Some(_) => (row.partner, String::from(lang.pick("een enkelvoudig probleem", "a single problem"))),
        None => (row.partner, String::from(lang.pick("de eerste informatiebron", "the first source of information"))),
    };
    let years = months / 12;
    let urgency = action_urgency(action);
    let a = action_label(action, lang);
    let (text, label, grounds) = (row.text.get(lang), partner_label(partner, lang), grounds.join("; "));
    let i = plan.add(
        partner,
        RouteKind::Information,
        urgency,
        Reason::new(
            "RT-SCHOOL-AGE",
            say!(
                lang,
                "Leeftijd {years} jaar en actie {a}: {text}; hier: {why}, dus raadpleeg {label} over de eigen zorgen van het kind ({grounds}).",
                "Age {years} and action {a}: {text}; here {why}, so consult {label} about the child's own concerns ({grounds})."
            ),
        ),
    );
    let who = f.participants.together_with(lang);
    let consent = consent_of(f.participants, lang);
    plan.route_reason(
        i,
        Reason::new(
            "CS-SCHOOL",
            say!(
                lang,
                "Alleen met de toestemming die CS-AGE noemt, hier {consent}, en bij voorkeur in aanwezigheid van {who}; de JGZ informeert als signalerende partij zelf {who}.",
                "Only with the consent CS-AGE names, here {consent}, and preferably with {who} present; JGZ, as the party that signals, informs {who} itself."
            ),
        ),
    );
    let urgency = urgency_word(urgency, lang);
    plan.route_reason(
        i,
        Reason::new(
            "RT-URGENCY",
            say!(lang, "{urgency}: de urgentie van actie {a}.", "{urgency}: the urgency of action {a}."),
        ),
    );
}

/// The child's own concerns school or childcare can inform on: concern
/// domains in [`SCHOOL_AGE`]'s list, a psychosocial instrument above the
/// normal range, a risk card at level concern or higher (the parent–child
/// relationship).
fn grounds(f: &Facts<'_>) -> Vec<String> {
    let lang = f.lang;
    let mut out: Vec<String> = Vec::new();
    let domains: Vec<&str> =
        f.domains.iter().filter(|d| SCHOOL_AGE.domains.contains(d)).map(|d| domain_word(*d, lang)).collect();
    if !domains.is_empty() {
        let domains = codes(domains.iter().copied());
        out.push(say!(lang, "zorgdomeinen {domains}", "concern domains {domains}"));
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
            Some(b) => format!("{} {}", instrument_label(i.instrument), band_term(b, lang)),
            None => String::from(instrument_label(i.instrument)),
        })
        .collect();
    if !instruments.is_empty() {
        let instruments = codes(instruments.iter().map(String::as_str));
        out.push(say!(lang, "psychosociale screening: {instruments}", "psychosocial screening: {instruments}"));
    }
    if f.risk_level >= SCHOOL_AGE.risk_card_from {
        out.push(match lang {
            Language::Nl => {
                format!("de ouder-kindrelatie: risicokaart op niveau {}", level_term(f.risk_level, lang))
            }
            Language::En => format!("the parent–child relationship: risk card level {}", f.risk_level),
        });
    }
    out
}

/// The card-level sentence when school or childcare is not consulted: the
/// child's own concerns lie outside what they can inform on.
fn not_indicated(f: &Facts<'_>, partner: wegwijs_types::Partner, plan: &mut Plan) {
    let lang = f.lang;
    let outside: Vec<&str> =
        f.domains.iter().filter(|d| !SCHOOL_AGE.domains.contains(d)).map(|d| domain_word(*d, lang)).collect();
    let informable: Vec<&str> = SCHOOL_AGE.domains.iter().map(|d| domain_word(*d, lang)).collect();
    let what = if outside.is_empty() {
        String::from(lang.pick(
            "geen van de eigen zorgen van het kind is gecodeerd in een domein",
            "none of the child's own concerns is coded in a domain",
        ))
    } else {
        let outside = codes(outside.iter().copied());
        say!(
            lang,
            "de zorgen op deze kaart ({outside}) vallen niet in een domein",
            "the concerns on this card ({outside}) are not in a domain"
        )
    };
    let rest = if f.action == Action::S {
        lang.pick("; het veiligheidsspoor heeft eigen stappen", "; the safety track has its own steps")
    } else {
        ""
    };
    let (label, informable) = (partner_label(partner, lang), informable.join(", "));
    plan.reason(
        "RT-SCHOOL-AGE",
        say!(
            lang,
            "Geen informatieroute naar {label}: {what} waarover school of kinderopvang informatie kan geven ({informable}), dus is het niet aangewezen hen over het kind te raadplegen (RT-A1 raadpleegt hen alleen over het kind, volgens CS-SCHOOL){rest}.",
            "No information route to {label}: {what} school or childcare can inform on ({informable}), so consulting them about the child is not indicated (RT-A1 consults them only about the child, per CS-SCHOOL){rest}."
        ),
    );
}
