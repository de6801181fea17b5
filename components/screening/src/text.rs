//! Small helpers that turn model values into the words used in reasons and
//! summaries, so every module spells levels, actions and versions the same way.

use alloc::{
    format,
    string::{String, ToString},
    vec::Vec,
};

use wegwijs_types::{Action, MeldcodeCard, RiskCard, RiskDomain, SdqVersion};

/// Longest piece of caller-supplied text echoed into a reason: an unknown
/// code can be arbitrarily long, and a card must stay readable and bounded.
const MAX_ECHO: usize = 64;

/// The label professionals use for a ladder step.
pub(crate) fn action_label(action: Action) -> &'static str {
    match action {
        Action::Reassess => "reassess",
        Action::A0 => "A0",
        Action::A1 => "A1",
        Action::A2 => "A2",
        Action::A3 => "A3",
        Action::S => "S",
    }
}

/// A short English label of an SDQ version, e.g. `parent 4–17`.
pub(crate) fn sdq_version_label(version: SdqVersion) -> &'static str {
    match version {
        SdqVersion::ParentTwoToFour => "parent 2–4",
        SdqVersion::ParentFourToSeventeen => "parent 4–17",
        SdqVersion::TeacherFourToSeventeen => "teacher 4–17",
        SdqVersion::SelfElevenToSeventeen => "self-report 11–17",
    }
}

/// Caller-supplied text cut to a bounded length.
pub(crate) fn truncate(s: &str) -> String {
    if s.chars().count() <= MAX_ECHO {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX_ECHO).collect();
        out.push('…');
        out
    }
}

/// An age in months as professionals say it: months under two years,
/// otherwise years and months.
pub(crate) fn age_label(months: Option<u32>) -> String {
    match months {
        None => "unknown or prenatal".into(),
        Some(m) if m < 24 => format!("{m} months"),
        Some(m) if m % 12 == 0 => format!("{} years ({m} months)", m / 12),
        Some(m) => format!("{} years {} months ({m} months)", m / 12, m % 12),
    }
}

/// Joins items with commas, or `none` for an empty list.
pub(crate) fn list(items: &[String]) -> String {
    if items.is_empty() { "none".into() } else { items.join(", ") }
}

/// Names of risk domains, e.g. `child and parent-family`.
pub(crate) fn domain_list(domains: &[RiskDomain]) -> String {
    let names: Vec<String> = domains.iter().map(|d| d.name().to_string()).collect();
    match names.len() {
        0 => "no".into(),
        1 => names.join(""),
        _ => {
            let (last, rest) = names.split_last().map_or((String::new(), &[][..]), |(l, r)| (l.clone(), r));
            format!("{} and {}", rest.join(", "), last)
        }
    }
}

/// The risk card's part of the summary line.
pub(crate) fn risk_summary(card: &RiskCard) -> String {
    let red = card.risk_factors.iter().filter(|f| f.red).count();
    let red = if red > 0 { format!(", {red} red") } else { String::new() };
    format!(
        "risk card {} ({} risk{}, {} protective)",
        card.level.name(),
        card.risk_factors.len(),
        red,
        card.protective_factors.len()
    )
}

/// The meldcode track's part of the summary line.
pub(crate) fn meldcode_summary(card: &MeldcodeCard) -> String {
    let acute = if card.acute { ", acute" } else { "" };
    format!("meldcode {}{} (next step {})", card.conclusion.name(), acute, card.next_step)
}
