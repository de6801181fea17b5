//! Small helpers that turn model values into the words used in reasons and
//! summaries, so every module spells levels, versions, counts and the
//! people taking part the same way. Actions, sentence case and clipping
//! are the region kit's, shared with the other stages.

use alloc::{
    format,
    string::{String, ToString},
    vec::Vec,
};

use wegwijs_kit::{Participants, clip};
use wegwijs_types::{MeldcodeCard, RiskCard, RiskDomain, SdqVersion};

/// Longest piece of caller-supplied text echoed into a reason: an unknown
/// code can be arbitrarily long, and a card must stay readable and bounded.
const MAX_ECHO: usize = 64;

/// A short English label of an SDQ version, e.g. `parent 4–17`.
pub(crate) fn sdq_version_label(version: SdqVersion) -> &'static str {
    match version {
        SdqVersion::ParentTwoToFour => "parent 2–4",
        SdqVersion::ParentFourToSeventeen => "parent 4–17",
        SdqVersion::TeacherFourToSeventeen => "teacher 4–17",
        SdqVersion::SelfElevenToSeventeen => "self-report 11–17",
    }
}

/// Caller-supplied text cut to a bounded length (the region kit's clipping).
pub(crate) fn truncate(s: &str) -> String {
    clip(s, MAX_ECHO)
}

/// An age in whole months as professionals say it: months under two years,
/// otherwise years and months, e.g. `3 years 11 months (47 months)`.
pub(crate) fn age_label(months: u32) -> String {
    match months {
        m if m < 24 => format!("{m} months"),
        m if m % 12 == 0 => format!("{} years ({m} months)", m / 12),
        m => format!("{} years {} months ({m} months)", m / 12, m % 12),
    }
}

/// When something happened, for "… was used {at}": `at age 8 years (96
/// months)`, `before birth` or `at an unknown age`.
pub(crate) fn at_age(months: Option<u32>, prenatal: bool) -> String {
    match months {
        Some(m) => format!("at age {}", age_label(m)),
        None if prenatal => "before birth".into(),
        None => "at an unknown age".into(),
    }
}

/// `n` with the right form of the noun: `no risk factors`, `1 risk
/// factor`, `2 risk factors`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        _ => format!("{n} {many}"),
    }
}

/// The singular or plural form for `n` things, without the number.
pub(crate) const fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Items joined as professionals write them: `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Names of risk domains, e.g. `child and parent-family`.
pub(crate) fn domain_list(domains: &[RiskDomain]) -> String {
    let names: Vec<String> = domains.iter().map(|d| d.name().to_string()).collect();
    and_list(&names)
}

/// The risk card's part of the summary line, e.g. `risk card attention (2
/// risk factors; 1 protective factor)`.
pub(crate) fn risk_summary(card: &RiskCard) -> String {
    let red = card.risk_factors.iter().filter(|f| f.red).count();
    let red = if red > 0 { format!(", {red} red") } else { String::new() };
    format!(
        "risk card {} ({}{}; {})",
        card.level.name(),
        count(card.risk_factors.len(), "risk factor", "risk factors"),
        red,
        count(card.protective_factors.len(), "protective factor", "protective factors")
    )
}

/// The meldcode track's part of the summary line.
pub(crate) fn meldcode_summary(card: &MeldcodeCard) -> String {
    let acute = if card.acute { ", acute" } else { "" };
    format!("meldcode {}{} (next step {})", card.conclusion.name(), acute, card.next_step)
}

/// Who is talked with and told along the meldcode (MC-STEPS step 3,
/// CS-VT-MELDING), and whether the phrase takes a plural verb. Under 12 the
/// child takes part beside the parents; from 12 the youth as CS-AGE says;
/// a 16+ youth who does not want the parents informed is the only one.
pub(crate) const fn told(p: Participants) -> (&'static str, bool) {
    match p {
        Participants::ExpectantParents => ("the expectant parents", true),
        Participants::Unknown | Participants::Parents => ("the parents and the child", true),
        Participants::ParentsAndYouth => ("the parents and the youth", true),
        Participants::Youth => ("the youth and, unless the youth objects, the parents", true),
        Participants::YouthAlone => ("the youth", false),
    }
}

/// "Nobody voiced a concern", worded for who takes part, without the
/// phrase "no concern" (a reassurance phrase of the region kit).
pub(crate) const fn nobody_voiced(p: Participants) -> &'static str {
    match p {
        Participants::ExpectantParents => "the expectant parents did not voice a concern",
        Participants::Parents => "the parents did not voice a concern",
        Participants::YouthAlone => "the youth did not voice a concern",
        Participants::Unknown | Participants::ParentsAndYouth | Participants::Youth => {
            "neither the parents nor the youth voiced a concern"
        }
    }
}

/// Who voiced a concern, as a clause; `None` when nobody did. A 16+ youth
/// who does not want the parents informed is never told apart from the
/// parents on the card, so their concern is then "a concern was voiced".
pub(crate) const fn voiced(p: Participants, parents: bool, youth: bool) -> Option<&'static str> {
    let alone = matches!(p, Participants::YouthAlone);
    match (parents, youth) {
        (true, true) if alone => Some("the youth voiced a concern"),
        (true, true) => Some("the parents and the youth voiced a concern"),
        (true, false) if alone => Some("a concern was voiced about the youth"),
        (true, false) => Some("the parents voiced a concern"),
        (false, true) if matches!(p, Participants::Parents) => Some("the child voiced a concern"),
        (false, true) => Some("the youth voiced a concern"),
        (false, false) => None,
    }
}
