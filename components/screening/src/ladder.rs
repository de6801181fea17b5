//! The action ladder (rule PS-LADDER): turns the overall level, the
//! concerns of parents and youth, and the impact, duration and agreement
//! needed for a referral into an action A0–A3, or reassess when the only
//! evidence could not be used (PS-UNUSABLE). The ladder is a default the
//! guideline does not fix in numbers, so its referral thresholds are data a
//! region may configure. Safety (action S) is decided by the meldcode track;
//! on a safety card the ladder's action is the child's own, beside it.
//! Every reason is written in the reader's language ([`LadderInput::lang`]).

use alloc::{borrow::ToOwned, format, string::String, vec::Vec};

use wegwijs_kit::{Participants, TableSource, level_term, sentence_case};
use wegwijs_types::{Action, Duration, Impact, Language, Level, Reason, RegionConfig, say};

use crate::instruments::Unusable;
use crate::text;

/// The versioned ladder: what counts as enough impact and duration to refer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LadderTable {
    /// Source guideline and version.
    pub guideline: TableSource,
    /// How a Dutch card cites [`Self::guideline`].
    pub guideline_nl: &'static str,
    /// Impacts on daily life that support a referral (A3).
    pub referral_impact: &'static [Impact],
    /// Durations that support a referral (A3).
    pub referral_duration: &'static [Duration],
}

/// The default action ladder (default, configurable).
pub const LADDER: LadderTable = LadderTable {
    guideline: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen (wegwijs default action ladder)",
        version: "2016, wegwijs table r1",
    },
    guideline_nl: "JGZ-richtlijn Psychosociale problemen (standaard-actieladder van wegwijs) 2016, wegwijs-tabel r1",
    referral_impact: &[Impact::Quite, Impact::ALot],
    referral_duration: &[Duration::SixToTwelveMonths, Duration::OverOneYear],
};

/// Configuration key: comma-separated impacts that support a referral.
pub const REFERRAL_IMPACT_KEY: &str = "screening.ladder.referral-impact";

/// Configuration key: comma-separated durations that support a referral.
pub const REFERRAL_DURATION_KEY: &str = "screening.ladder.referral-duration";

/// What the ladder decides on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LadderInput<'a> {
    /// Overall level of risk card, valid instruments and concern domains.
    pub level: Level,
    /// What reached that level, each saying why in `lang`, e.g. `SDQ total
    /// 15 (borderline, parent 4–17)` or `the risk card (2 non-red risk
    /// factors: poverty, poor-housing; RK-FEW)`.
    pub drivers: &'a [String],
    /// The valid instrument results, in `lang`, e.g. `SDQ total 10 (normal, parent 4–17)`.
    pub measured: &'a [String],
    /// Whether any instrument result was supplied at all, usable or not.
    pub instruments_supplied: bool,
    /// The instrument results that could not be used (PS-UNUSABLE).
    pub unusable: &'a [Unusable],
    /// Whether anything points at the child's own functioning (a valid
    /// result above level none, a concern domain an instrument scores).
    pub child_signs: bool,
    /// The card takes action S: the ladder decides the child's own action
    /// beside the safety track, and nothing it says may read as reassurance.
    pub safety: bool,
    /// Talking with the family now would endanger someone (meldcode step 3
    /// exception), so no conversation about a referral is proposed yet.
    pub telling_endangers: bool,
    /// Who takes part in decisions (CS-AGE).
    pub participants: Participants,
    /// Parents voiced a concern.
    pub parents_concerned: bool,
    /// The youth voiced a concern.
    pub youth_concerned: bool,
    /// Impact on daily life.
    pub impact: Option<Impact>,
    /// Duration of the problems.
    pub duration: Option<Duration>,
    /// The family agrees to a referral.
    pub family_agrees_referral: bool,
    /// The language the reasons and warnings are written in.
    pub lang: Language,
}

/// The ladder's action with its reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LadderDecision {
    /// A0 to A3.
    pub action: Action,
    /// Reasons with rule ids.
    pub reasons: Vec<Reason>,
    /// Warnings about the configuration.
    pub warnings: Vec<Reason>,
}

/// Reads a comma-separated list of enum names, falling back on the default
/// when the key is unset or names nothing known.
fn configured<T: Copy + PartialEq>(
    config: &dyn RegionConfig,
    key: &str,
    default: &[T],
    from_name: fn(&str) -> Option<T>,
    lang: Language,
    warnings: &mut Vec<Reason>,
) -> (Vec<T>, bool) {
    let Some(value) = config.get(key) else { return (default.to_vec(), false) };
    let mut out = Vec::new();
    for raw in value.split(',') {
        let name = raw.trim();
        if name.is_empty() {
            continue;
        }
        match from_name(name) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => {
                let name = text::truncate(name);
                warnings.push(Reason::new(
                    "PS-LADDER",
                    say!(
                        lang,
                        "Configuratie `{key}` noemt de onbekende waarde `{name}`; die wordt genegeerd.",
                        "Configuration {key} names unknown value `{name}`; it is ignored."
                    ),
                ))
            }
        }
    }
    if out.is_empty() {
        warnings.push(Reason::new(
            "PS-LADDER",
            say!(
                lang,
                "Configuratie `{key}` noemt geen bekende waarde, dus geldt de standaarddrempel van de actieladder.",
                "Configuration {key} names no known value, so the default ladder threshold is used."
            ),
        ));
        (default.to_vec(), false)
    } else {
        (out, true)
    }
}

/// What to do about the unusable results: the one advice, or each with
/// the instrument it is for.
fn advice(unusable: &[Unusable], lang: Language) -> String {
    match unusable {
        [one] => one.advice.clone(),
        many => many
            .iter()
            .map(|u| {
                let (label, advice) = (&u.label, &u.advice);
                say!(lang, "voor {label}: {advice}", "for {label}: {advice}")
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The unusable results by name and reason, e.g. `SDQ parent 4–17 (the
/// wrong version for this age)`.
fn unusable_list(unusable: &[Unusable], lang: Language) -> String {
    let shorts: Vec<String> = unusable.iter().map(|u| u.short(lang)).collect();
    text::and_list(&shorts, lang)
}

/// The Dutch verb for the unusable results, in number: "was" or "waren"
/// (only the Dutch sentences need it).
const fn was(unusable: &[Unusable]) -> &'static str {
    if unusable.len() == 1 { "was" } else { "waren" }
}

/// Chooses the child's own action per PS-LADDER: A0–A3, or reassess when
/// the only evidence is an instrument result that could not be used
/// (PS-UNUSABLE). Whether the card takes action S is the meldcode track's
/// decision; on a safety card this is the action beside it (IN-SAFETY).
pub fn decide(input: &LadderInput<'_>, config: &dyn RegionConfig) -> LadderDecision {
    let lang = input.lang;
    let mut warnings = Vec::new();
    let (impacts, impact_region) =
        configured(config, REFERRAL_IMPACT_KEY, LADDER.referral_impact, Impact::from_name, lang, &mut warnings);
    let (durations, duration_region) =
        configured(config, REFERRAL_DURATION_KEY, LADDER.referral_duration, Duration::from_name, lang, &mut warnings);
    let table = text::cite(&LADDER.guideline, LADDER.guideline_nl, lang);
    let ladder = if impact_region || duration_region {
        say!(
            lang,
            "de actieladder is een standaard; deze regio heeft de drempel voor verwijzing zelf ingesteld ({table})",
            "the action ladder is a default; this region configured its referral threshold ({table})"
        )
    } else {
        say!(
            lang,
            "de actieladder is een standaard die een regio kan instellen ({table})",
            "the action ladder is a default a region may configure ({table})"
        )
    };

    let p = input.participants;
    let with = p.together_with(lang);
    let from = if input.drivers.is_empty() {
        String::new()
    } else {
        let drivers = text::and_list(input.drivers, lang);
        say!(lang, " op grond van {drivers}", " from {drivers}")
    };
    let voiced = text::voiced(p, input.parents_concerned, input.youth_concerned, lang);
    let impact_ok = input.impact.is_some_and(|i| impacts.contains(&i));
    let duration_ok = input.duration.is_some_and(|d| durations.contains(&d));
    let not_recorded = lang.pick("niet vastgelegd", "not recorded");
    let impact_text = input.impact.map_or(not_recorded, |i| text::impact(i, lang));
    let duration_text = input.duration.map_or(not_recorded, |d| text::duration(d, lang));
    let level = level_term(input.level, lang);
    // Beside a result that could not be used, every rung says so: the
    // action rests on the other evidence only.
    let unusable_note = if input.unusable.is_empty() {
        String::new()
    } else {
        let (list, advice, was) =
            (unusable_list(input.unusable, lang), advice(input.unusable, lang), was(input.unusable));
        let counts = if input.unusable.len() == 1 { "telt" } else { "tellen" };
        say!(
            lang,
            " {list} {was} niet bruikbaar en {counts} niet mee, niet omhoog en niet omlaag (PS-UNUSABLE): {advice}.",
            " {list} could not be used and counts neither way (PS-UNUSABLE): {advice}."
        )
    };
    let carried = input.level > Level::None || !input.measured.is_empty() || voiced.is_some();

    let mut reasons = Vec::new();
    let action = if !carried && !input.unusable.is_empty() {
        let nobody = text::nobody_voiced(p, lang);
        let nothing_else = say!(
            lang,
            "niets anders geeft een niveau: de risicokaart bevat geen risicofactor, de intake legde geen van de \
             zorgdomeinen vast die een niveau geven, {nobody} en geen andere uitkomst van een instrument is bruikbaar",
            "nothing else carries a level: the risk card lists no risk factor, intake recorded none of the concern \
             domains that give a level, {nobody} and no other instrument result is usable"
        );
        let list = unusable_list(input.unusable, lang);
        let advice = advice(input.unusable, lang);
        let text = if input.safety {
            say!(
                lang,
                "Voor de eigen zorgen over het kind naast het veiligheidstraject was de enige uitkomst van een \
                 instrument niet bruikbaar: {list}; {nothing_else}. De eigen actie voor het kind is opnieuw \
                 beoordelen, niet A0: {advice}; beoordeel daarna opnieuw. Het totale niveau volgt het \
                 veiligheidstraject.",
                "For the child's own concerns beside the safety track the only instrument result could not be used: \
                 {list}; {nothing_else}. The child's own action is reassess, not A0: {advice}, then assess again; the \
                 overall level follows the safety track."
            )
        } else {
            let advice = sentence_case(&advice);
            say!(
                lang,
                "De enige uitkomst van een instrument was niet bruikbaar: {list}; {nothing_else}. Niveau onbekend, \
                 actie opnieuw beoordelen: er is te weinig informatie om te oordelen, en dat is iets anders dan A0. \
                 {advice}. Beoordeel daarna opnieuw.",
                "The only instrument evidence could not be used: {list}; {nothing_else}. Level unknown, action \
                 reassess: insufficient information to judge, which is not A0. {advice}, then assess again."
            )
        };
        reasons.push(Reason::new("PS-UNUSABLE", text));
        Action::Reassess
    } else if input.level >= Level::Concern {
        if impact_ok && duration_ok && input.family_agrees_referral {
            reasons.push(Reason::new(
                "PS-LADDER",
                say!(
                    lang,
                    "Niveau {level}{from} (impact: {impact_text}; duur: {duration_text}), en het gezin stemt in: \
                     actie A3, verwijzen; {ladder}.{unusable_note}",
                    "Level {level}{from} with impact {impact_text} and duration {duration_text}, and the family \
                     agrees: action A3, refer; {ladder}.{unusable_note}"
                ),
            ));
            reasons.push(Reason::new(
                "G-SHARED",
                say!(
                    lang,
                    "De verwijzing is afgesproken met {with}; kies de partner in overleg.",
                    "The referral was agreed with {with}; choose the partner together with them."
                ),
            ));
            Action::A3
        } else if impact_ok && duration_ok {
            reasons.push(Reason::new(
                "PS-LADDER",
                say!(
                    lang,
                    "Niveau {level}{from} (impact: {impact_text}; duur: {duration_text}) zou een verwijzing \
                     ondersteunen, maar het gezin heeft niet ingestemd: actie A2, consultatie; \
                     {ladder}.{unusable_note}",
                    "Level {level}{from} with impact {impact_text} and duration {duration_text} would support a \
                     referral, but the family has not agreed: action A2, consultation; {ladder}.{unusable_note}"
                ),
            ));
            let text = if input.telling_endangers {
                say!(
                    lang,
                    "Een verwijzing wacht op de instemming van {with}, maar het gesprek daarover zou nu iemand in \
                     gevaar brengen (uitzondering bij stap 3 van de meldcode): breng het ter sprake zodra de \
                     veiligheidsstappen dat toelaten.",
                    "A referral waits for the agreement of {with}, but talking with them now would endanger someone \
                     (meldcode step 3 exception): raise it once the safety steps allow."
                )
            } else {
                let opening = sentence_case(p.opening(lang));
                say!(
                    lang,
                    "{opening} de verwijzing: over het vervolg wordt samen beslist, dus de verwijzing wacht op \
                     instemming.",
                    "Discuss the referral with {with}: follow-up is decided together with them, so the referral waits \
                     for their agreement."
                )
            };
            reasons.push(Reason::new("G-SHARED", text));
            Action::A2
        } else {
            reasons.push(Reason::new(
                "PS-LADDER",
                say!(
                    lang,
                    "Niveau {level}{from}, met een onduidelijk beeld (impact: {impact_text}; duur: {duration_text}): \
                     actie A2, consultatie zonder de casus over te dragen (gedragswetenschapper, consult jeugd-GGZ, \
                     IMH of het wijkteam); {ladder}.{unusable_note}",
                    "Level {level}{from} with an unclear picture (impact {impact_text}, duration {duration_text}): \
                     action A2, consultation without handing over the case (gedragswetenschapper, jeugd-GGZ consult, \
                     IMH or the wijkteam); {ladder}.{unusable_note}"
                ),
            ));
            Action::A2
        }
    } else if input.level == Level::Attention {
        let circumstances = if input.child_signs {
            ""
        } else {
            lang.pick(
                " Er is geen signaal over het eigen functioneren van het kind vastgelegd (geen uitkomst van een \
                 instrument boven niveau geen zorg en geen van de zorgdomeinen over het kind), dus deze A1 berust op \
                 de vastgelegde risicofactoren en gezinsomstandigheden, niet op hoe het met het kind gaat: advies \
                 van de JGZ of een extra contactmoment voor het gezin, en kijk bij het volgende contact opnieuw naar \
                 het functioneren van het kind.",
                " No sign in the child's own functioning was recorded (no instrument result above level none and \
                 none of the concern domains about the child), so this A1 rests on the risk factors and family \
                 circumstances recorded, not on how the child is doing: JGZ advice or an extra contact for the \
                 family, and look at the child's functioning again at the next contact.",
            )
        };
        reasons.push(Reason::new(
            "PS-LADDER",
            say!(
                lang,
                "Niveau aandacht{from}: actie A1, advies of lichte ondersteuning door de JGZ (een extra \
                 contactmoment), en beoordeel opnieuw bij het volgende contact; {ladder}.{circumstances}\
                 {unusable_note}",
                "Level attention{from}: action A1, advice or light support by JGZ (an extra contact), and reassess \
                 at the next contact; {ladder}.{circumstances}{unusable_note}"
            ),
        ));
        Action::A1
    } else if let Some(who) = voiced {
        let basis = if !input.measured.is_empty() {
            let measured = text::and_list(input.measured, lang);
            let n = input.measured.len();
            match lang {
                Language::Nl => format!(" ({measured} {} niveau geen zorg)", text::noun(n, "geeft", "geven")),
                Language::En => format!(" ({measured} {} level none)", text::noun(n, "gives", "give")),
            }
        } else if input.unusable.is_empty() {
            lang.pick(" (er is geen uitkomst van een instrument aangeleverd)", " (no instrument result was supplied)")
                .to_owned()
        } else {
            String::new()
        };
        let who = sentence_case(who);
        reasons.push(Reason::new(
            "PS-LADDER",
            say!(
                lang,
                "{who}, en niets op de kaart brengt het niveau boven geen zorg{basis}: actie A1, advies of lichte \
                 ondersteuning door de JGZ; {ladder}.{unusable_note}",
                "{who}, and nothing on the card raises the level above none{basis}: action A1, advice or light \
                 support by JGZ; {ladder}.{unusable_note}"
            ),
        ));
        Action::A1
    } else if !input.unusable.is_empty() {
        // The usable evidence alone would give A0, but a result that could
        // not be used is no reason to normalise: assess again (PS-UNUSABLE).
        reasons.push(Reason::new("PS-UNUSABLE", reassess_beside_usable_text(input, &ladder)));
        Action::Reassess
    } else {
        reasons.push(Reason::new("PS-LADDER", a0_text(input, &ladder)));
        Action::A0
    };
    LadderDecision { action, reasons, warnings }
}

/// The A0 sentence: what it rests on, worded so that it never reads as
/// reassurance on a safety card and never claims a normal score when
/// nothing was measured.
fn a0_text(input: &LadderInput<'_>, ladder: &str) -> String {
    let lang = input.lang;
    let with = input.participants.together_with(lang);
    let rests = a0_grounds(input);
    if input.safety {
        say!(
            lang,
            "Voor de eigen zorgen over het kind naast het veiligheidstraject: {rests}. De actieladder geeft A0, dus \
             er is nu geen aparte stap voor het kind; dat zegt niets over de zorg om de veiligheid, die het \
             meldcodetraject volgt, en wat het kind nodig heeft wordt opnieuw bekeken zodra de veiligheidsstappen \
             zijn gezet.",
            "For the child's own concerns beside the safety track: {rests}. The ladder gives A0, so there is no \
             separate step for the child now; that says nothing about the safety concern, which takes the meldcode \
             track, and the child's needs are looked at again once the safety steps are taken."
        )
    } else if !input.measured.is_empty() {
        say!(
            lang,
            "Niets verhoogt het niveau: {rests}. Actie A0: normaliseer en informeer {with} bij het volgende contact; \
             {ladder}.",
            "Nothing raises the level: {rests}. Action A0: normalise and inform {with} at the next contact; {ladder}."
        )
    } else {
        say!(
            lang,
            "Er is niets gemeten, dus deze A0 berust op het ontbreken van vastgelegde signalen, niet op een score: \
             {rests}. Actie A0: informeer {with} bij het volgende reguliere contact en gebruik daar het instrument \
             dat de richtlijn voor deze leeftijd noemt; {ladder}.",
            "Nothing was measured, so this A0 rests on the absence of recorded signals, not on a score: {rests}. \
             Action A0: inform {with} at the next regular contact and use the instrument the guideline names for \
             this age there; {ladder}."
        )
    }
}

/// What an A0 rests on: the usable results, the empty risk card, no
/// concern domain that gives a level, nobody who voiced a concern.
fn a0_grounds(input: &LadderInput<'_>) -> String {
    let lang = input.lang;
    let measured = !input.measured.is_empty();
    let mut parts: Vec<String> = Vec::new();
    if measured {
        let list = text::and_list(input.measured, lang);
        let n = input.measured.len();
        parts.push(match lang {
            Language::Nl => format!("{list} {} niveau geen zorg", text::noun(n, "geeft", "geven")),
            Language::En => format!("{list} {} level none", text::noun(n, "gives", "give")),
        });
    } else if !input.instruments_supplied {
        parts.push(
            lang.pick("er is geen uitkomst van een instrument aangeleverd", "no instrument result was supplied")
                .to_owned(),
        );
    }
    parts.push(lang.pick("de risicokaart bevat geen risicofactor", "the risk card lists no risk factor").to_owned());
    if !measured {
        parts.push(
            lang.pick(
                "de intake legde geen van de zorgdomeinen vast die een niveau geven",
                "intake recorded none of the concern domains that give a level",
            )
            .to_owned(),
        );
    }
    parts.push(text::nobody_voiced(input.participants, lang).to_owned());
    text::and_list(&parts, lang)
}

/// Usable results at level none beside one that could not be used: the
/// ladder would give A0 on the usable evidence, but the card asks to assess
/// again rather than normalise (PS-UNUSABLE).
fn reassess_beside_usable_text(input: &LadderInput<'_>, ladder: &str) -> String {
    let lang = input.lang;
    let rests = a0_grounds(input);
    let list = unusable_list(input.unusable, lang);
    let advice = sentence_case(&advice(input.unusable, lang));
    match lang {
        Language::Nl => {
            let scope = if input.safety {
                "Voor de eigen zorgen over het kind naast het veiligheidstraject verhoogt de bruikbare informatie \
                 het niveau niet"
            } else {
                "De bruikbare informatie verhoogt het niveau niet"
            };
            let was = was(input.unusable);
            format!(
                "{scope} ({rests}), maar {list} {was} niet bruikbaar, dus dit is nog geen conclusie over het kind: \
                 actie opnieuw beoordelen in plaats van A0. {advice}. Beoordeel daarna opnieuw; {ladder}."
            )
        }
        Language::En => {
            let scope = if input.safety { "For the child's own concerns beside the safety track the" } else { "The" };
            format!(
                "{scope} usable evidence does not raise the level ({rests}), but {list} could not be used, so this \
                 is no conclusion about the child yet: action reassess rather than A0. {advice}, then assess again; \
                 {ladder}."
            )
        }
    }
}
