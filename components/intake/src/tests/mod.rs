//! Native tests of the intake rules against the guideline brief §1: one
//! file per rule, plus table integrity, the card as a whole, properties
//! over arbitrary input, the card in Dutch beside the card in English, and
//! the generated vocabulary document.

mod age;
mod card;
mod domains;
mod kindcheck;
mod language;
mod minimal;
mod props;
mod safety;
mod source;
mod tables;
mod unknown;
mod vocabulary;

use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{AgeSinceBirth, ChildAge, ChildCase, Handler, IntakeCard, NoConfig, SourceCode};

/// [`crate::assess`] with a native configuration, which reads English: the
/// language the rule tests assert their sentences in. The Dutch cards are
/// checked in `language`.
pub(crate) fn assess(case: &ChildCase) -> IntakeCard {
    crate::assess(case, &NoConfig)
}

/// A plain accepted case: an 8-year-old, raised by the intern begeleider,
/// nothing else.
pub(crate) fn case() -> ChildCase {
    let source = SourceCode { code: "intern-begeleider".into(), bds_code: None };
    ChildCase::new("p-test", Some(born(8, 0)), source, Handler::Jeugdarts)
}

/// An age since birth of `years` whole years and `extra_months` more.
pub(crate) fn born(years: u8, extra_months: u16) -> ChildAge {
    let months = u16::from(years) * 12 + extra_months;
    ChildAge::Born(AgeSinceBirth { months, years })
}

/// Codes as owned strings.
pub(crate) fn codes(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| String::from(*s)).collect()
}

/// Whether the card's reasons cite `rule`.
pub(crate) fn cites(card: &IntakeCard, rule: &str) -> bool {
    card.reasons.iter().any(|r| r.rule == rule)
}

/// The text of the first reason citing `rule`, or an empty string.
pub(crate) fn reason(card: &IntakeCard, rule: &str) -> String {
    card.reasons.iter().find(|r| r.rule == rule).map(|r| r.text.clone()).unwrap_or_default()
}

/// Whether a warning citing `rule` contains `needle`.
pub(crate) fn warns(card: &IntakeCard, rule: &str, needle: &str) -> bool {
    card.warnings.iter().any(|w| w.rule == rule && w.text.contains(needle))
}
