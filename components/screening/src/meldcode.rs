//! The meldcode safety track (guideline brief §5, rules `MC-*`): walks the
//! afwegingskader questions on what intake and the professional have
//! established so far, and says whether to close, keep assessing, help and
//! monitor, or make a melding at Veilig Thuis. It runs beside screening,
//! never behind it: an acute signal is a melding whatever the scores say.
//! Every reason is written in the reader's language, in the meldcode's own
//! terms (stap 1–5, afwegingskader, acute en structurele onveiligheid).

use alloc::{
    borrow::ToOwned,
    format,
    string::{String, ToString},
    vec::Vec,
};

use wegwijs_kit::Participants;
use wegwijs_types::{
    AcuteIndicator, ChildCase, Domain, IntakeCard, Language, MeldcodeCard, MeldcodeConclusion, MeldcodeInput, Reason,
    say,
};

use crate::text::{self, Wording};
use wegwijs_kit::{TableSource, sentence_case};

/// The meldcode as data: its five steps and the indicators that call for
/// Veilig Thuis at step 2 at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeldcodeTable {
    /// Source and version.
    pub guideline: TableSource,
    /// The five steps, in order. `{who}` stands for the people talked with
    /// (the parents and the child, the youth, …), filled in per case so the
    /// step names nobody a 16+ youth has excluded.
    pub steps: [Wording; 5],
    /// Indicators for which Veilig Thuis is contacted at step 2 at once.
    pub step_two_indicators: &'static [AcuteIndicator],
    /// Concern codes for which Veilig Thuis is contacted at step 2 at once:
    /// MC-STEPS names the kind of violence, whether or not it is acute.
    pub step_two_concerns: &'static [&'static str],
}

/// Meldcode huiselijk geweld en kindermishandeling with the afwegingskader
/// (mandatory since 1 January 2019; the afwegingskaders date from 2018).
pub const MELDCODE: MeldcodeTable = MeldcodeTable {
    guideline: TableSource {
        name: "Meldcode huiselijk geweld en kindermishandeling (afwegingskader)",
        version: "2019 (afwegingskaders 2018), wegwijs table r1",
    },
    steps: [
        Wording {
            nl: "1 breng de signalen in kaart (inclusief de kindcheck)",
            en: "1 map the signals (kindcheck included)",
        },
        Wording {
            nl: "2 overleg met een collega of de aandachtsfunctionaris en zo nodig met Veilig Thuis (advies, \
                 eventueel anoniem)",
            en: "2 consult a colleague or the aandachtsfunctionaris and, if needed, Veilig Thuis (advice, may be \
                 anonymous)",
        },
        Wording {
            nl: "3 ga in gesprek met {who} (sla dit alleen over als dat iemand in gevaar brengt)",
            en: "3 talk with {who} (skip only if that endangers someone)",
        },
        Wording {
            nl: "4 weeg het huiselijk geweld of de kindermishandeling met het afwegingskader",
            en: "4 weigh, with the afwegingskader",
        },
        Wording { nl: "5 beslis: melden en/of hulp bieden of organiseren", en: "5 decide: melden and/or help" },
    ],
    step_two_indicators: &[AcuteIndicator::HonourRevenge, AcuteIndicator::ForcedMarriage, AcuteIndicator::Fgm],
    step_two_concerns: &["honour-related-violence", "forced-marriage", "fgm"],
};

/// The meldcode card with the reasons behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeldcodeTrack {
    /// The card.
    pub card: MeldcodeCard,
    /// Reasons with rule ids.
    pub reasons: Vec<Reason>,
}

fn steps_text(p: Participants, lang: Language) -> String {
    let (who, _) = p.told_of_melding(lang);
    MELDCODE.steps.iter().map(|s| s.get(lang).replace("{who}", who)).collect::<Vec<_>>().join("; ")
}

/// What CS-VT-MELDING records about telling the family beforehand, worded
/// for who takes part (CS-AGE).
fn telling(m: Option<&MeldcodeInput>, p: Participants, lang: Language) -> String {
    let (who, plural) = p.told_of_melding(lang);
    let were = match lang {
        Language::Nl => text::noun(usize::from(plural) + 1, "is", "zijn"),
        Language::En => text::noun(usize::from(plural) + 1, "was", "were"),
    };
    // The English has always opened these clauses with a capital; the Dutch
    // clause follows a semicolon, so it stays lower case.
    let whom = match lang {
        Language::Nl => String::from(who),
        Language::En => sentence_case(who),
    };
    match m {
        Some(m) if m.telling_endangers => say!(
            lang,
            "{whom} vooraf informeren zou iemand in gevaar brengen; leg vast waarom dat niet is gebeurd",
            "telling {who} beforehand would endanger someone, so record why this was not done"
        ),
        Some(MeldcodeInput { parents_told: Some(true), .. }) => {
            say!(lang, "{whom} {were} vooraf geïnformeerd", "{whom} {were} told beforehand")
        }
        Some(MeldcodeInput { parents_told: Some(false), .. }) => say!(
            lang,
            "{whom} {were} niet vooraf geïnformeerd: leg vast waarom",
            "{whom} {were} not told beforehand: record why"
        ),
        _ => say!(
            lang,
            "leg vast of {who} vooraf {were} geïnformeerd, of waarom niet",
            "record whether {who} {were} told beforehand, or why not"
        ),
    }
}

/// The safety track, when there is any safety signal: the intake's safety
/// flag or acute indicators, a concern in the safety domain, or meldcode
/// progress recorded on the case; its reasons in `lang`. `None` otherwise.
pub fn assess(case: &ChildCase, intake: &IntakeCard, lang: Language) -> Option<MeldcodeTrack> {
    let p = crate::participants(case, intake);
    let safety_concern =
        intake.domains.contains(&Domain::Safety) || intake.concerns.iter().any(|c| c.domain == Domain::Safety);
    // Acute indicators without the flag would be an intake inconsistency;
    // erring towards acute keeps a listed indicator from being lost.
    let acute = intake.safety_flag || !intake.acute_indicators.is_empty();
    let m = case.meldcode.as_ref();
    if !acute && !safety_concern && m.is_none() {
        return None;
    }

    let mut step_two: Vec<&'static str> = Vec::new();
    for ind in MELDCODE.step_two_indicators {
        let named = intake.acute_indicators.contains(ind)
            || case.safety_indicators.iter().any(|s| s.trim().eq_ignore_ascii_case(ind.name()));
        if named {
            step_two.push(ind.name());
        }
    }
    for code in MELDCODE.step_two_concerns {
        if intake.concerns.iter().any(|c| c.code == *code) && !step_two.contains(code) {
            step_two.push(code);
        }
    }
    let vt_step_two = !step_two.is_empty();

    let mut reasons = Vec::new();
    if vt_step_two {
        let n = step_two.len();
        let codes = text::codes(&step_two, lang);
        let text = match lang {
            Language::Nl => format!(
                "{} {codes}: neem bij stap 2 direct contact op met Veilig Thuis (eergerelateerd geweld, \
                 huwelijksdwang of vrouwelijke genitale verminking).",
                text::noun(n, "Indicator", "Indicatoren")
            ),
            Language::En => format!(
                "{} {codes} {} for contacting Veilig Thuis at step 2 at once (honour-related violence, forced \
                 marriage or FGM).",
                text::noun(n, "Indicator", "Indicators"),
                text::noun(n, "calls", "call")
            ),
        };
        reasons.push(Reason::new("MC-STEPS", text));
    }

    let card =
        |conclusion, next_step| MeldcodeCard { conclusion, veilig_thuis_at_step_two: vt_step_two, acute, next_step };

    if acute {
        let indicators: Vec<String> = intake.acute_indicators.iter().map(|i| i.name().to_string()).collect();
        let what = match indicators.len() {
            0 => lang
                .pick("de markering acute onveiligheid, geen indicator genoemd", "the safety flag, no indicator named")
                .to_owned(),
            n => {
                let noun = match lang {
                    Language::Nl => text::noun(n, "indicator", "indicatoren"),
                    Language::En => text::noun(n, "indicator", "indicators"),
                };
                format!("{noun}: {}", text::codes(&indicators, lang))
            }
        };
        let telling = telling(m, p, lang);
        reasons.push(Reason::new(
            "MC-Q2",
            say!(
                lang,
                "Acute onveiligheid ({what}): direct een melding bij Veilig Thuis; vragen 3–5 van het afwegingskader \
                 worden samen met Veilig Thuis beantwoord; {telling}.",
                "Acute unsafety ({what}): melding at Veilig Thuis, immediate; questions 3–5 are answered together \
                 with Veilig Thuis; {telling}."
            ),
        ));
        return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
    }

    let suspicion = m.is_some_and(|m| m.suspicion) || safety_concern;
    if !suspicion {
        reasons.push(Reason::new(
            "MC-Q1",
            lang.pick(
                "Geen vermoeden van (dreiging van) huiselijk geweld of kindermishandeling en geen zorg om de \
                 veiligheid: sluit het meldcodetraject af en leg het besluit vast in het dossier.",
                "No suspicion of (threat of) domestic violence or child abuse and no safety concern: close the \
                 meldcode track and record the decision in the file.",
            ),
        ));
        return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Close, 5), reasons });
    }

    let melding = |rule: &str, why: Wording, reasons: &mut Vec<Reason>| {
        let (why, telling) = (why.get(lang), telling(m, p, lang));
        reasons.push(Reason::new(
            rule,
            say!(
                lang,
                "{why}: melding bij Veilig Thuis (stap 5); {telling}.",
                "{why}: melding at Veilig Thuis (step 5); {telling}."
            ),
        ));
    };
    if let Some(mi) = m {
        if mi.structural_unsafety {
            let why = Wording {
                nl: "Structurele onveiligheid vastgesteld (niet acuut)",
                en: "Structural unsafety established (not acute)",
            };
            melding("MC-Q2", why, &mut reasons);
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
        }
        if mi.help_possible == Some(false) {
            let why = Wording {
                nl: "Effectieve hulp kan niet worden geboden of georganiseerd",
                en: "Effective help cannot be offered or organised",
            };
            melding("MC-Q3", why, &mut reasons);
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
        }
        if mi.help_accepted == Some(false) {
            let why = Wording {
                nl: "Het gezin accepteert de hulp niet of werkt er niet aan mee",
                en: "The family does not accept or commit to help",
            };
            melding("MC-Q4", why, &mut reasons);
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
        }
        if mi.help_effective == Some(false) {
            let why = Wording {
                nl: "De hulp heeft niet binnen de afgesproken tijd tot veiligheid geleid, dus volgt (opnieuw) een \
                     melding",
                en: "The help did not lead to safety in the agreed time, so a melding is made (again)",
            };
            melding("MC-Q5", why, &mut reasons);
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
        }
        if mi.help_effective == Some(true) {
            reasons.push(Reason::new(
                "MC-Q5",
                lang.pick(
                    "De hulp heeft binnen de afgesproken tijd tot veiligheid geleid: sluit de hulp af met afspraken \
                     met het gezin en de samenwerkingspartners over hoe de veiligheid daarna gevolgd wordt.",
                    "The help led to safety in the agreed time: close the help with agreements on monitoring future \
                     (un)safety with the family and partners.",
                ),
            ));
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Close, 5), reasons });
        }
        if mi.help_accepted == Some(true) {
            reasons.push(Reason::new(
                "MC-Q4",
                lang.pick(
                    "Hulp is te organiseren en het gezin accepteert die en werkt eraan mee: bied of organiseer de \
                     hulp en volg of die binnen de afgesproken tijd tot veiligheid leidt (vraag 5).",
                    "Help can be organised and the family accepts and commits to it: offer or organise the help and \
                     monitor whether it leads to safety in the agreed time (question 5).",
                ),
            ));
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Help, 5), reasons });
        }
    }

    // No afwegingskader answer decides yet. The model records answers, not
    // steps, so the next step is read off how far the answers reach: without
    // a recorded suspicion the signals still need mapping (1); a suspicion
    // alone means consulting comes next (2); once help is known to be
    // possible, acceptance needs the conversation with the family (3),
    // unless that endangers someone, in which case weighing follows (4).
    let next_step = match m {
        None => 1,
        Some(mi) if !mi.suspicion => 1,
        Some(mi) if mi.help_possible.is_none() => 2,
        Some(mi) if mi.telling_endangers => 4,
        Some(_) => 3,
    };
    let source = if m.is_some_and(|mi| mi.suspicion) {
        lang.pick(
            "Er is een vermoeden van huiselijk geweld of kindermishandeling vastgelegd",
            "A suspicion of domestic violence or child abuse is recorded",
        )
    } else {
        lang.pick("Het signaal bevat een zorg om de veiligheid", "The signal contains a safety concern")
    };
    let steps = steps_text(p, lang);
    reasons.push(Reason::new(
        "MC-STEPS",
        say!(
            lang,
            "{source}, maar nog geen vraag van het afwegingskader geeft de doorslag, dus doorloop de vijf stappen \
             van de meldcode; de volgende is stap {next_step}: {steps}.",
            "{source} but no afwegingskader question decides yet, so assess along the five steps, next is step \
             {next_step}: {steps}."
        ),
    ));
    Some(MeldcodeTrack { card: card(MeldcodeConclusion::Assess, next_step), reasons })
}
