//! IN-SAFETY: acute-unsafety indicators (the list of MC-Q2) set the safety
//! flag, which starts the meldcode track in parallel with screening.
//!
//! Fail safe: every entry in `safety-indicators` sets the flag, recognised
//! or not, and even when it is not shaped like a code. The sender put it in
//! the field for acute unsafety; an unrecognised spelling of "weapon" must
//! not silently downgrade a child in danger to a routine signal. A flag set
//! in error costs a professional's check; a flag missed can cost far more.
//! Unrecognised codes are kept in an IN-UNKNOWN warning; values that are not
//! codes are counted in an IN-MINIMAL warning without being repeated.

use crate::code::Notes;
use crate::{IN_SAFETY, IN_UNKNOWN};
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_kit::{TableSource, is_code, unknown_code_note};
use wegwijs_types::{AcuteIndicator as A, Language, say};

/// Provenance of [`ACUTE_INDICATORS`] and [`ACUTE_ALIASES`].
pub const ACUTE_TABLE: TableSource = TableSource {
    name: "Meldcode huiselijk geweld en kindermishandeling, afwegingskader question 2: acute onveiligheid (MC-Q2)",
    version: "2019 (verbeterde meldcode)",
};

/// One acute indicator with what it means, in English (as `VOCABULARY.md`
/// lists it) and in Dutch (as the meldcode names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcuteRow {
    /// The indicator.
    pub indicator: A,
    /// What it means, in English.
    pub description: &'static str,
    /// What it means, in Dutch.
    pub dutch: &'static str,
}

const fn row(indicator: A, description: &'static str, dutch: &'static str) -> AcuteRow {
    AcuteRow { indicator, description, dutch }
}

/// Every acute indicator, in WIT order, with what it means.
pub const ACUTE_INDICATORS: &[AcuteRow] = &[
    row(A::LifeDanger, "direct (life) danger", "direct (levens)gevaar"),
    row(A::SeriousInjury, "serious (suspected inflicted) injury", "ernstig letsel (vermoedelijk toegebracht)"),
    row(A::Strangulation, "attempted strangulation", "poging tot verwurging"),
    row(A::WeaponUse, "use of, or threat with, a weapon", "gebruik van of dreigen met een wapen"),
    row(
        A::SexualAbuseRepetition,
        "sexual abuse with a real chance of repetition",
        "seksueel misbruik met een reële kans op herhaling",
    ),
    row(
        A::ParentPsychiatricCrisis,
        "acute psychiatric crisis of the caring parent",
        "acute psychiatrische crisis van de verzorgende ouder",
    ),
    row(A::ParentIntoxication, "intoxication of the caring parent", "intoxicatie van de verzorgende ouder"),
    row(
        A::ParentSuicideThreat,
        "(threatened) suicide of the caring parent",
        "(dreigende) suïcide van de verzorgende ouder",
    ),
    row(A::ThreatToKill, "acute threat to kill, injure or confine", "acute dreiging met doden, verwonden of opsluiten"),
    row(A::HonourRevenge, "honour-related revenge or violence", "eerwraak of ander eergerelateerd geweld"),
    row(A::ForcedMarriage, "forced marriage", "huwelijksdwang"),
    row(A::Fgm, "female genital mutilation", "vrouwelijke genitale verminking (meisjesbesnijdenis)"),
    row(A::HumanTrafficking, "human trafficking", "mensenhandel"),
];

/// Extra spellings of acute indicators, beside each indicator's WIT name:
/// Dutch terms from the meldcode and common English.
pub const ACUTE_ALIASES: &[(&str, A)] = &[
    ("levensgevaar", A::LifeDanger),
    ("life-threatening", A::LifeDanger),
    ("ernstig-letsel", A::SeriousInjury),
    ("injury", A::SeriousInjury),
    ("strangling", A::Strangulation),
    ("verwurging", A::Strangulation),
    ("wurging", A::Strangulation),
    ("weapon", A::WeaponUse),
    ("wapen", A::WeaponUse),
    ("wapengebruik", A::WeaponUse),
    ("ongoing-sexual-abuse", A::SexualAbuseRepetition),
    ("seksueel-misbruik-herhaling", A::SexualAbuseRepetition),
    ("psychiatric-crisis-parent", A::ParentPsychiatricCrisis),
    ("psychiatrische-crisis-ouder", A::ParentPsychiatricCrisis),
    ("intoxicated-parent", A::ParentIntoxication),
    ("intoxicatie-ouder", A::ParentIntoxication),
    ("suicide-threat-parent", A::ParentSuicideThreat),
    ("suicidedreiging-ouder", A::ParentSuicideThreat),
    ("death-threat", A::ThreatToKill),
    ("doodsbedreiging", A::ThreatToKill),
    ("eergerelateerd-geweld", A::HonourRevenge),
    ("eerwraak", A::HonourRevenge),
    ("huwelijksdwang", A::ForcedMarriage),
    ("meisjesbesnijdenis", A::Fgm),
    ("vrouwelijke-genitale-verminking", A::Fgm),
    ("mensenhandel", A::HumanTrafficking),
];

/// The acute indicator for a code: its WIT name or an alias.
pub fn acute_indicator(code: &str) -> Option<A> {
    A::from_name(code).or_else(|| ACUTE_ALIASES.iter().find(|(alias, _)| *alias == code).map(|(_, a)| *a))
}

/// What an acute indicator means, in `lang`, from [`ACUTE_INDICATORS`].
pub fn describe(indicator: A, lang: Language) -> &'static str {
    ACUTE_INDICATORS.iter().find(|r| r.indicator == indicator).map_or("", |r| lang.pick(r.dutch, r.description))
}

/// What IN-SAFETY concluded.
pub(crate) struct SafetyResult {
    pub(crate) flag: bool,
    /// Recognised indicators in canonical order, without duplicates.
    pub(crate) indicators: Vec<A>,
    pub(crate) notes: Notes,
}

/// Applies IN-SAFETY, writing in `lang`. `safety_concern` says whether a
/// concern code lies in the safety domain, so the reason can say where that
/// goes instead.
pub(crate) fn check(codes: &[String], safety_concern: bool, lang: Language) -> SafetyResult {
    let mut notes = Notes::default();
    let mut indicators = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    let mut not_codes = 0;
    for code in codes {
        if !is_code(code) {
            not_codes += 1;
        } else if let Some(indicator) = acute_indicator(code) {
            indicators.push(indicator);
        } else if !unknown.contains(&code.as_str()) {
            unknown.push(code);
        }
    }
    indicators.sort();
    indicators.dedup();
    // Fail safe (module docs): any entry at all sets the flag.
    let flag = !codes.is_empty();

    let what = lang.pick("indicator van acute onveiligheid", "acute-unsafety indicator");
    for code in &unknown {
        let note = unknown_code_note(what, code, lang);
        notes.warn(
            IN_UNKNOWN,
            say!(
                lang,
                "{note}; de markering acute onveiligheid staat toch aan, omdat de melder dit als acuut aangaf.",
                "{note}; the safety flag is set anyway, because the sender marked it as acute."
            ),
        );
    }
    if not_codes > 0 {
        notes.not_codes(
            "safety-indicators",
            not_codes,
            lang.pick(
                "niet herkend, maar de markering acute onveiligheid staat toch aan, omdat de melder dit als acuut \
                 aangaf",
                "not recognised, but the safety flag is set anyway, because the sender marked it as acute",
            ),
            lang,
        );
    }

    let text = if flag {
        let mut named: Vec<String> = indicators
            .iter()
            .map(|i| {
                let meaning = describe(*i, lang);
                say!(lang, "`{i}` ({meaning})", "{i} ({meaning})")
            })
            .collect();
        let unrecognised = unknown.len() + not_codes;
        if unrecognised > 0 {
            named.push(say!(
                lang,
                "{unrecognised} niet herkend, zie de waarschuwingen",
                "{unrecognised} unrecognised, see the warnings"
            ));
        }
        let named = named.join("; ");
        say!(
            lang,
            "Acute onveiligheid aangegeven (MC-Q2): {named}. De markering acute onveiligheid staat aan; het \
             meldcodetraject start nu en loopt gelijk op met de screening, niet pas daarna.",
            "Acute unsafety indicated (MC-Q2): {named}. The safety flag is set; the meldcode track starts now and \
             runs in parallel with screening, not behind it."
        )
    } else if safety_concern {
        String::from(lang.pick(
            "Er is geen indicator van acute onveiligheid (MC-Q2) doorgegeven: de markering acute onveiligheid staat \
             niet aan; de zorgen over de veiligheid worden in de screening gewogen volgens de meldcode.",
            "No acute-unsafety indicator (MC-Q2) was given: the safety flag is not set; the safety concerns are \
             weighed along the meldcode in screening.",
        ))
    } else {
        String::from(lang.pick(
            "Er is geen indicator van acute onveiligheid (MC-Q2) doorgegeven: de markering acute onveiligheid staat \
             niet aan.",
            "No acute-unsafety indicator (MC-Q2) was given: the safety flag is not set.",
        ))
    };
    notes.reason(IN_SAFETY, text);
    SafetyResult { flag, indicators, notes }
}
