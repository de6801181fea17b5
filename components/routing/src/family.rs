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
use wegwijs_types::{Action, Domain, Language, Partner, Reason, RouteKind, SourceKind, say};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::{MULTI, PARENT, URGENCY};
use crate::text::{codes, count, quote, urgency_word};
use wegwijs_kit::{action_label, clip, domain_term, handler_label, level_term, partner_label};

/// How an adult-care source is named in a sentence: "volwassenen-GGZ",
/// in Dutch with its article ("de volwassenen-GGZ").
fn adult_care(source: SourceKind, lang: Language) -> &'static str {
    match source {
        SourceKind::Verslavingszorg => lang.pick("de verslavingszorg", "verslavingszorg"),
        _ => lang.pick("de volwassenen-GGZ", "volwassenen-GGZ"),
    }
}

/// An upstream code in a sentence: in backticks, clipped.
fn code_in(c: &str, lang: Language) -> String {
    match lang {
        Language::En => format!("`{}`", clip(c, 48)),
        Language::Nl => quote(c),
    }
}

/// "2 helpers", "2 hulpverleners": a count of `what` in `lang`.
fn counted(n: usize, what: Counted, lang: Language) -> String {
    let (one, many) = match (what, lang) {
        (Counted::Helper, Language::Nl) => ("hulpverlener", "hulpverleners"),
        (Counted::Helper, Language::En) => ("helper", "helpers"),
        (Counted::Domain, Language::Nl) => ("zorgdomein", "zorgdomeinen"),
        (Counted::Domain, Language::En) => ("concern domain", "concern domains"),
        (Counted::Partner, _) => ("partner", "partners"),
        (Counted::Organisation, Language::Nl) => ("organisatie", "organisaties"),
        (Counted::Organisation, Language::En) => ("organisation", "organisations"),
    };
    count(n, one, many)
}

/// What [`counted`] counts.
#[derive(Clone, Copy)]
enum Counted {
    /// Helpers already involved.
    Helper,
    /// Concern domains.
    Domain,
    /// Partners outside JGZ.
    Partner,
    /// Organisations outside JGZ.
    Organisation,
}

/// A domain in a list: the WIT name in English, the glossary's word in Dutch.
fn domain_word(d: Domain, lang: Language) -> &'static str {
    match lang {
        Language::En => d.name(),
        Language::Nl => domain_term(d, lang),
    }
}

/// Adds the parent-GGZ and AMW routes of RT-PARENT.
pub(crate) fn parent(f: &Facts<'_>, plan: &mut Plan) {
    let lang = f.lang;
    let code = f.has_risk_or_concern_code(PARENT.parent_ggz_codes);
    let kindcheck = PARENT.parent_ggz_sources.contains(&f.source);
    let in_treatment = f.case.parent_in_treatment;
    let care = adult_care(f.source, lang);
    if code.is_some() || kindcheck {
        let why = match (code, kindcheck) {
            (Some(c), true) => {
                let c = code_in(c, lang);
                say!(
                    lang,
                    "probleem van de ouder {c}, gesignaleerd via de kindcheck van {care}, waar de ouder al in behandeling is",
                    "parent problem {c}, signalled through the kindcheck of {care}, where the parent is already in treatment"
                )
            }
            (None, _) => say!(
                lang,
                "gesignaleerd via de kindcheck van {care}, waar de ouder al in behandeling is",
                "signalled through the kindcheck of {care}, where the parent is already in treatment"
            ),
            (Some(c), false) if in_treatment => {
                let c = code_in(c, lang);
                say!(
                    lang,
                    "probleem van de ouder {c}; de ouder is daarvoor al in behandeling",
                    "parent problem {c}; the parent is already in treatment for it"
                )
            }
            (Some(c), false) => {
                let c = code_in(c, lang);
                say!(lang, "probleem van de ouder {c}", "parent problem {c}")
            }
        };
        let row = if in_treatment || kindcheck { PARENT.in_treatment } else { PARENT.referral };
        let text = row.text.get(lang);
        let i = plan.add(
            Partner::ParentGgz,
            row.kind,
            URGENCY.parent,
            Reason::new(
                "RT-PARENT",
                say!(
                    lang,
                    "Psychiatrische of verslavingsproblemen van een ouder ({why}): {text}.",
                    "A parent's psychiatric or addiction problems ({why}): {text}."
                ),
            ),
        );
        let step = if row.kind == RouteKind::Coordination {
            lang.pick("afstemming met de behandelaar van de ouder", "aligning with the parent's treater")
        } else {
            lang.pick("een verwijzing voor de ouder", "a referral for the parent")
        };
        let urgency = urgency_word(URGENCY.parent, lang);
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                say!(
                    lang,
                    "{urgency}: {step} (een standaardkeuze; de richtlijn noemt er geen).",
                    "{urgency}: {step} (a default; the guideline names none)."
                ),
            ),
        );
    } else if in_treatment {
        plan.warn(
            "RT-PARENT",
            lang.pick(
                "Volgens het signaal is een ouder al in behandeling, maar er is geen psychiatrisch of verslavingsprobleem van een ouder gecodeerd, dus er wordt geen route voor de ouder voorgesteld; codeer het probleem (bijvoorbeeld `parental-mental-illness`) als het van belang is voor het kind.",
                "The signal says a parent is already in treatment, but no psychiatric or addiction problem of a parent is coded, so no route for the parent is proposed; code the problem (e.g. parental-mental-illness) if it bears on the child.",
            ),
        );
    }
    if let Some(c) = f.has_concern_code(PARENT.amw_codes) {
        let c = code_in(c, lang);
        let i = plan.add(
            Partner::Amw,
            RouteKind::Referral,
            URGENCY.parent,
            Reason::new(
                "RT-PARENT",
                say!(
                    lang,
                    "Gezinsomstandigheden ({c}): schulden en problemen met huisvesting, inkomen of de relatie gaan naar het algemeen maatschappelijk werk, ongeacht de actie (A0 tot en met A3) voor het kind.",
                    "Family circumstances ({c}): debts, housing, income or relationship problems go to algemeen maatschappelijk werk, whatever the child's A-level."
                ),
            ),
        );
        let urgency = urgency_word(URGENCY.parent, lang);
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                say!(
                    lang,
                    "{urgency}: een verwijzing voor het gezin (een standaardkeuze; de richtlijn noemt er geen).",
                    "{urgency}: a referral for the family (a default; the guideline names none)."
                ),
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
    let lang = f.lang;
    let action = if f.action == Action::S { Some(Action::S) } else { f.child_action };
    let by_action = action.filter(|a| MULTI.vir_actions.contains(a));
    let by_level = f.level >= MULTI.vir_level;
    if by_action.is_none() && !by_level {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    if by_level {
        parts.push(match lang {
            Language::Nl => format!("niveau {}", level_term(f.level, lang)),
            Language::En => format!("level {}", f.level),
        });
    }
    match by_action {
        Some(Action::S) => {
            parts.push(String::from(lang.pick("het veiligheidsspoor, actie S", "the safety track, action S")))
        }
        Some(a) => {
            let a = action_label(a, lang);
            parts.push(say!(lang, "actie {a}", "action {a}"));
        }
        None => {}
    }
    if !f.domains.is_empty() {
        let domains = codes(f.domains.iter().map(|d| domain_word(*d, lang)));
        parts.push(say!(lang, "zorgdomeinen {domains}", "concern domains {domains}"));
    }
    Some(parts.join("; "))
}

/// RT-MULTI: returns `(one_plan, care_coordinator)` and adds the
/// Verwijsindex coordination route when several agencies must align about
/// a real concern.
pub(crate) fn multi(f: &Facts<'_>, plan: &mut Plan) -> (bool, Option<String>) {
    let lang = f.lang;
    let partners = external_partners(plan);
    let helpers = f.case.helpers_involved;
    let domains = f.concern_domain_count();
    let one_plan = helpers >= MULTI.helpers || (domains >= MULTI.domains && partners.len() >= MULTI.partners);

    let coordinator = one_plan.then(|| {
        let handler = handler_label(f.handler);
        let otherwise = if f.case.gi_involved {
            String::from(lang.pick(
                "de jeugdbeschermer van de gecertificeerde instelling",
                "the jeugdbeschermer of the gecertificeerde instelling",
            ))
        } else if plan.has_partner(Partner::Wijkteam) {
            String::from(lang.pick("een regisseur van het sociaal wijkteam", "a regisseur from the sociaal wijkteam"))
        } else {
            say!(lang, "de {handler} van de JGZ die de casus behandelt", "the JGZ {handler} handling the case")
        };
        let who = f.participants.together_with(lang);
        if f.telling_endangers {
            // Naming the parents as coordinators would alert them (meldcode step 3).
            say!(
                lang,
                "voorlopig {otherwise}; met Veilig Thuis wordt afgesproken of de regie naar {who} kan gaan zodra dat veilig is",
                "{otherwise} for now; whether {who} can take this on is agreed with Veilig Thuis once it is safe to involve them"
            )
        } else {
            say!(lang, "{who}, als dat lukt; anders {otherwise}", "{who}, if they can; otherwise {otherwise}")
        }
    });
    if let Some(c) = &coordinator {
        let (helpers, domains, partners) = (
            counted(usize::from(helpers), Counted::Helper, lang),
            counted(domains, Counted::Domain, lang),
            counted(partners.len(), Counted::Partner, lang),
        );
        plan.reason(
            "RT-MULTI",
            say!(
                lang,
                "Eén gezin, één plan: {helpers} al betrokken, {domains} en {partners} buiten de JGZ; regiehouder: {c}.",
                "One family, one plan: {helpers} already involved, {domains} and {partners} outside JGZ; care coordinator: {c}."
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
        let proposed = partners.iter().map(|p| partner_label(*p, lang)).collect::<Vec<_>>().join(", ");
        let organisations = counted(partners.len(), Counted::Organisation, lang);
        let helpers = counted(usize::from(helpers), Counted::Helper, lang);
        match (f.case.helpers_involved, partners.is_empty()) {
            (0, _) => say!(
                lang,
                "{organisations} buiten de JGZ voorgesteld om deel te nemen aan de zorg ({proposed})",
                "{organisations} outside JGZ proposed to take part in the care ({proposed})"
            ),
            (_, true) => say!(lang, "{helpers} al betrokken", "{helpers} already involved"),
            (_, false) => say!(
                lang,
                "{helpers} al betrokken en {organisations} buiten de JGZ voorgesteld om deel te nemen aan de zorg ({proposed})",
                "{helpers} already involved and {organisations} outside JGZ proposed to take part in the care ({proposed})"
            ),
        }
    };
    let Some(concern) = real_concern(f) else {
        let level = match lang {
            Language::Nl => level_term(f.level, lang),
            Language::En => f.level.name(),
        };
        plan.reason(
            "RT-MULTI",
            say!(
                lang,
                "Geen signaal in de Verwijsindex voorgesteld ({agencies}): een signaal vraagt om een redelijk vermoeden dat de ontwikkeling of veiligheid van het kind wordt bedreigd (hier niveau {level}), en meerdere organisaties alleen zijn geen reden om te signaleren.",
                "No Verwijsindex signal is proposed although {agencies}: a signal needs a redelijk vermoeden that the child's development or safety is threatened (here level {level}), and several organisations alone are no reason to signal."
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
            say!(
                lang,
                "Meerdere instanties moeten afstemmen over een reële zorg ({concern}): {agencies}. Overweeg een signaal in de Verwijsindex: de Jeugdwet (afdeling 7.1.4) staat dat toe bij een redelijk vermoeden dat de ontwikkeling of veiligheid van het kind wordt bedreigd en multidisciplinaire afstemming nodig is. De index laat professionals alleen zien dat de JGZ betrokken is, nooit wat er speelt.",
                "Several agencies must align about a real concern ({concern}): {agencies}. Consider a Verwijsindex signal: the Jeugdwet (afdeling 7.1.4) allows one when there is a redelijk vermoeden that the child's development or safety is threatened and multidisciplinary alignment is needed. The index only tells professionals that JGZ is involved, never what is going on."
            ),
        ),
    );
    let urgency = urgency_word(MULTI.coordination_urgency, lang);
    plan.route_reason(
        i,
        Reason::new(
            "RT-URGENCY",
            say!(
                lang,
                "{urgency}: de standaard voor afstemming (een standaardkeuze; de richtlijn noemt er geen).",
                "{urgency}: the default for coordination (a default; the guideline names none)."
            ),
        ),
    );
    (one_plan, coordinator)
}
