//! Small helpers that turn model values into the words used in reasons and
//! summaries, in the reader's language, so every module spells levels,
//! versions, counts, scales and the people taking part the same way.
//! Actions, levels, domains, sentence case and clipping are the region
//! kit's, shared with the other stages.
//!
//! The Dutch is written for a Dutch JGZ professional; codes, rule ids,
//! enum values and configuration keys stay as they are, and a Dutch text
//! quotes them in `backticks` so they read as codes.

use alloc::{borrow::ToOwned, format, string::String, vec::Vec};

use wegwijs_kit::{Participants, TableSource, clip, level_term};
use wegwijs_types::{
    Duration, Impact, Language, MeldcodeCard, MeldcodeConclusion, RiskCard, RiskDomain, SdqVersion, say,
};

/// Longest piece of caller-supplied text echoed into a reason: an unknown
/// code can be arbitrarily long, and a card must stay readable and bounded.
const MAX_ECHO: usize = 64;

pub use wegwijs_types::Wording;

/// A table's source as a card cites it: the transcribed [`TableSource`]
/// in English, `nl` (its name and version in Dutch) for a Dutch reader.
pub(crate) fn cite(source: &TableSource, nl: &str, lang: Language) -> String {
    match lang {
        Language::Nl => nl.to_owned(),
        Language::En => source.label(),
    }
}

/// A short label of an SDQ version, e.g. `parent 4–17` / `ouderversie 4–17`.
pub(crate) const fn sdq_version_label(version: SdqVersion, lang: Language) -> &'static str {
    match version {
        SdqVersion::ParentTwoToFour => lang.pick("ouderversie 2–4", "parent 2–4"),
        SdqVersion::ParentFourToSeventeen => lang.pick("ouderversie 4–17", "parent 4–17"),
        SdqVersion::TeacherFourToSeventeen => lang.pick("leerkrachtversie 4–17", "teacher 4–17"),
        SdqVersion::SelfElevenToSeventeen => lang.pick("zelfrapportage 11–17", "self-report 11–17"),
    }
}

/// The impact on daily life: `a-lot` / `heel erg`. The English is the
/// value's name.
pub(crate) const fn impact(i: Impact, lang: Language) -> &'static str {
    match lang {
        Language::En => i.name(),
        Language::Nl => match i {
            Impact::None => "helemaal niet",
            Impact::ALittle => "een beetje",
            Impact::Quite => "nogal",
            Impact::ALot => "heel erg",
        },
    }
}

/// How long the problems last: `over-one-year` / `langer dan een jaar`.
/// The English is the value's name.
pub(crate) const fn duration(d: Duration, lang: Language) -> &'static str {
    match lang {
        Language::En => d.name(),
        Language::Nl => match d {
            Duration::UnderOneMonth => "korter dan een maand",
            Duration::OneToFiveMonths => "1–5 maanden",
            Duration::SixToTwelveMonths => "6–12 maanden",
            Duration::OverOneYear => "langer dan een jaar",
        },
    }
}

/// A code as a Dutch text quotes it (`` `poverty` ``); as it stands in English.
pub(crate) fn code(c: &str, lang: Language) -> String {
    say!(lang, "`{c}`", "{c}")
}

/// Codes as a text lists them: `a, b` / `` `a`, `b` ``.
pub(crate) fn codes<S: AsRef<str>>(items: &[S], lang: Language) -> String {
    items.iter().map(|c| code(c.as_ref(), lang)).collect::<Vec<_>>().join(", ")
}

/// Caller-supplied text cut to a bounded length (the region kit's
/// clipping), with any backtick turned into a quote so the echo cannot
/// end the `backticks` a text puts around it.
pub(crate) fn truncate(s: &str) -> String {
    clip(s, MAX_ECHO).replace('`', "'")
}

/// An age in whole months as professionals say it: months under two years,
/// otherwise years and months, e.g. `3 years 11 months (47 months)` / `3
/// jaar en 11 maanden (47 maanden)`.
pub(crate) fn age_label(months: u32, lang: Language) -> String {
    let years = months / 12;
    let rest = months % 12;
    match lang {
        Language::En => match months {
            m if m < 24 => format!("{m} months"),
            m if m % 12 == 0 => format!("{years} years ({m} months)"),
            m => format!("{years} years {rest} months ({m} months)"),
        },
        Language::Nl => {
            let unit = |n: u32| if n == 1 { "maand" } else { "maanden" };
            match months {
                m if m < 24 => format!("{m} {}", unit(m)),
                m if m % 12 == 0 => format!("{years} jaar ({m} maanden)"),
                m => format!("{years} jaar en {rest} {} ({m} maanden)", unit(rest)),
            }
        }
    }
}

/// When something happened, for "… was used {at}": `at age 8 years (96
/// months)`, `before birth` or `at an unknown age` / `op de leeftijd van 8
/// jaar (96 maanden)`, `voor de geboorte`, `op een onbekende leeftijd`.
pub(crate) fn at_age(months: Option<u32>, prenatal: bool, lang: Language) -> String {
    match months {
        Some(m) => {
            let age = age_label(m, lang);
            say!(lang, "op de leeftijd van {age}", "at age {age}")
        }
        None if prenatal => lang.pick("voor de geboorte", "before birth").into(),
        None => lang.pick("op een onbekende leeftijd", "at an unknown age").into(),
    }
}

/// `n` with the right form of the noun: `no risk factors`, `1 risk
/// factor`, `2 risk factors` / `geen risicofactoren`, … The nouns are in
/// `lang`.
pub(crate) fn count(n: usize, one: &str, many: &str, lang: Language) -> String {
    match n {
        0 => say!(lang, "geen {many}", "no {many}"),
        1 => format!("1 {one}"),
        _ => format!("{n} {many}"),
    }
}

/// The singular or plural form for `n` things, without the number.
pub(crate) const fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Items joined as professionals write them: `a`, `a and b`, `a, b and c`
/// / `a, b en c`.
pub(crate) fn and_list(items: &[String], lang: Language) -> String {
    list(items, lang.pick("en", "and"))
}

/// Alternatives joined: `a or b` / `a of b`.
pub(crate) fn or_list(items: &[String], lang: Language) -> String {
    match lang {
        // The English card has always joined alternatives with " or ".
        Language::En => items.join(" or "),
        Language::Nl => list(items, "of"),
    }
}

fn list(items: &[String], word: &str) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {word} {last}", rest.join(", ")),
    }
}

/// A domain of the risk card: `parent-family` / `ouder-gezin` (the
/// risicofactorenkaart's kind / ouder-gezin / omgeving).
pub(crate) const fn risk_domain(d: RiskDomain, lang: Language) -> &'static str {
    match lang {
        Language::En => d.name(),
        Language::Nl => match d {
            RiskDomain::Child => "kind",
            RiskDomain::ParentFamily => "ouder-gezin",
            RiskDomain::Environment => "omgeving",
        },
    }
}

/// The risk domains with their noun, to follow "the" / "het" or "de":
/// `child and parent-family domains` / `domeinen kind en ouder-gezin`.
pub(crate) fn domains_phrase(domains: &[RiskDomain], lang: Language) -> String {
    let names: Vec<String> = domains.iter().map(|d| String::from(risk_domain(*d, lang))).collect();
    let n = names.len();
    let names = and_list(&names, lang);
    match lang {
        Language::En => format!("{names} {}", noun(n, "domain", "domains")),
        Language::Nl => format!("{} {names}", noun(n, "domein", "domeinen")),
    }
}

/// The risk card's part of the summary line, e.g. `risk card attention (2
/// risk factors; 1 protective factor)` / `risicokaart niveau aandacht (2
/// risicofactoren; 1 beschermende factor)`.
pub(crate) fn risk_summary(card: &RiskCard, lang: Language) -> String {
    let red = card.risk_factors.iter().filter(|f| f.red).count();
    let red = if red > 0 { say!(lang, ", {red} rood", ", {red} red") } else { String::new() };
    let level = level_term(card.level, lang);
    let risks = match lang {
        Language::Nl => count(card.risk_factors.len(), "risicofactor", "risicofactoren", lang),
        Language::En => count(card.risk_factors.len(), "risk factor", "risk factors", lang),
    };
    let protective = match lang {
        Language::Nl => count(card.protective_factors.len(), "beschermende factor", "beschermende factoren", lang),
        Language::En => count(card.protective_factors.len(), "protective factor", "protective factors", lang),
    };
    say!(
        lang,
        "risicokaart niveau {level} ({risks}{red}; {protective})",
        "risk card {level} ({risks}{red}; {protective})"
    )
}

/// A meldcode conclusion: `melding` / `melding`, `close` / `afsluiten`.
/// The English is the conclusion's name.
pub(crate) const fn conclusion(c: MeldcodeConclusion, lang: Language) -> &'static str {
    match lang {
        Language::En => c.name(),
        Language::Nl => match c {
            MeldcodeConclusion::Close => "afsluiten",
            MeldcodeConclusion::Assess => "verder beoordelen",
            MeldcodeConclusion::Help => "hulp bieden en volgen",
            MeldcodeConclusion::Melding => "melding",
        },
    }
}

/// The meldcode track's part of the summary line.
pub(crate) fn meldcode_summary(card: &MeldcodeCard, lang: Language) -> String {
    let acute = if card.acute { lang.pick(", acuut", ", acute") } else { "" };
    let conclusion = conclusion(card.conclusion, lang);
    let step = card.next_step;
    say!(
        lang,
        "meldcode: {conclusion}{acute} (volgende stap {step})",
        "meldcode {conclusion}{acute} (next step {step})"
    )
}

/// "Nobody voiced a concern", worded for who takes part, without the
/// phrase "no concern" or "geen zorgen" (reassurance phrases of the region
/// kit).
pub(crate) const fn nobody_voiced(p: Participants, lang: Language) -> &'static str {
    match p {
        Participants::ExpectantParents => lang.pick(
            "de aanstaande ouders hebben geen zorg uitgesproken",
            "the expectant parents did not voice a concern",
        ),
        Participants::Parents => {
            lang.pick("de ouders hebben geen zorg uitgesproken", "the parents did not voice a concern")
        }
        Participants::YouthAlone => {
            lang.pick("de jongere heeft geen zorg uitgesproken", "the youth did not voice a concern")
        }
        Participants::Unknown | Participants::ParentsAndYouth | Participants::Youth => lang.pick(
            "noch de ouders, noch de jongere heeft een zorg uitgesproken",
            "neither the parents nor the youth voiced a concern",
        ),
    }
}

/// Who voiced a concern, as a clause; `None` when nobody did. A 16+ youth
/// who does not want the parents informed is never told apart from the
/// parents on the card, so their concern is then "a concern was voiced".
pub(crate) const fn voiced(p: Participants, parents: bool, youth: bool, lang: Language) -> Option<&'static str> {
    let alone = matches!(p, Participants::YouthAlone);
    match (parents, youth) {
        (true, true) if alone => {
            Some(lang.pick("de jongere heeft een zorg uitgesproken", "the youth voiced a concern"))
        }
        (true, true) => Some(lang.pick(
            "de ouders en de jongere hebben een zorg uitgesproken",
            "the parents and the youth voiced a concern",
        )),
        (true, false) if alone => {
            Some(lang.pick("er is een zorg over de jongere uitgesproken", "a concern was voiced about the youth"))
        }
        (true, false) => Some(lang.pick("de ouders hebben een zorg uitgesproken", "the parents voiced a concern")),
        (false, true) if matches!(p, Participants::Parents) => {
            Some(lang.pick("het kind heeft een zorg uitgesproken", "the child voiced a concern"))
        }
        (false, true) => Some(lang.pick("de jongere heeft een zorg uitgesproken", "the youth voiced a concern")),
        (false, false) => None,
    }
}
