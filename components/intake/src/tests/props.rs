//! Properties over arbitrary input: never panics, never echoes a value that
//! is not a code (privacy), domains sorted and unique, and the safety flag
//! set exactly when something was put in the safety-indicator field.

use super::{assess, case};
use crate::{RULE_IDS, is_code};
use alloc::string::String;
use alloc::vec::Vec;
use proptest::prelude::*;
use wegwijs_types::{AgeSinceBirth, ChildAge, IntakeOutcome, KindcheckInput};

/// Every spelling the tables know, so the properties also exercise hits.
fn known() -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    all.extend(wegwijs_types::SourceKind::ALL.iter().map(|k| String::from(k.name())));
    all.extend(crate::source::SOURCE_ALIASES.iter().map(|(a, _)| String::from(*a)));
    all.extend(crate::source::BDS_CODES.iter().map(|b| String::from(b.code)));
    all.extend(crate::domains::CONCERNS.iter().map(|c| String::from(c.code)));
    all.extend(wegwijs_types::AcuteIndicator::ALL.iter().map(|a| String::from(a.name())));
    all.extend(crate::safety::ACUTE_ALIASES.iter().map(|(a, _)| String::from(*a)));
    all
}

/// Known codes, unknown codes, arbitrary text and name-like text.
pub(super) fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(known()),
        2 => "[a-z0-9-]{1,16}",
        3 => "\\PC{0,24}",
        2 => "[A-Z][a-z]{2,8} [A-Z][a-z]{2,10}",
        1 => "[0-9]{1,3}",
        1 => Just(String::new()),
    ]
}

pub(super) fn age() -> impl Strategy<Value = Option<ChildAge>> {
    proptest::option::of(prop_oneof![
        proptest::option::of(any::<u8>()).prop_map(ChildAge::Prenatal),
        (any::<u16>(), any::<u8>()).prop_map(|(months, years)| ChildAge::Born(AgeSinceBirth { months, years })),
        (0u16..300)
            .prop_map(|m| ChildAge::Born(AgeSinceBirth { months: m, years: u8::try_from(m / 12).unwrap_or(u8::MAX) })),
        any::<u16>().prop_map(ChildAge::ReportedMonths),
    ])
}

pub(super) fn kindcheck() -> impl Strategy<Value = Option<KindcheckInput>> {
    proptest::option::of(
        (proptest::collection::vec(any::<u8>(), 0..5), any::<bool>())
            .prop_map(|(children_ages, cares_alone)| KindcheckInput { children_ages, cares_alone }),
    )
}

/// Rule ids in card order, as `assess` documents.
const ORDER: &[&str] = &["IN-SOURCE", "IN-AGE", "IN-DOMAIN", "IN-SAFETY", "IN-KINDCHECK", "IN-MINIMAL"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn arbitrary_cases_keep_every_promise(
        source in value(),
        bds in proptest::option::of(value()),
        concerns in proptest::collection::vec(value(), 0..6),
        indicators in proptest::collection::vec(value(), 0..4),
        age in age(),
        kindcheck in kindcheck(),
    ) {
        let mut c = case();
        c.source.code = source.clone();
        c.source.bds_code = bds.clone();
        c.concerns = concerns.clone();
        c.safety_indicators = indicators.clone();
        c.age = age.clone();
        c.kindcheck = kindcheck.clone();
        let card = assess(&c);

        // Privacy: a value that is not a code is never repeated. Very short
        // values are skipped: "e" or "Th" occur in any English sentence.
        let inputs = core::iter::once(&source).chain(bds.iter()).chain(&concerns).chain(&indicators);
        for v in inputs {
            if !is_code(v) && v.chars().count() >= 5 {
                for r in card.reasons.iter().chain(&card.warnings) {
                    prop_assert!(!r.text.contains(v.as_str()), "{:?} echoed in {:?}", v, r.text);
                }
                prop_assert!(!card.summary.contains(v.as_str()), "{:?} echoed in the summary", v);
            }
        }

        // Domains in canonical order, each once; the same for indicators.
        prop_assert!(card.domains.windows(2).all(|w| w[0] < w[1]), "{:?}", card.domains);
        prop_assert!(card.acute_indicators.windows(2).all(|w| w[0] < w[1]));

        // Fail safe: anything in the safety field sets the flag, nothing else does.
        prop_assert_eq!(card.safety_flag, !indicators.is_empty());
        prop_assert!(!card.safety_flag || card.domains.contains(&wegwijs_types::Domain::Safety));

        // Recognised concerns are codes from the vocabulary, each once.
        for (i, concern) in card.concerns.iter().enumerate() {
            prop_assert!(crate::domains::concern(&concern.code).is_some());
            prop_assert!(!card.concerns[i + 1..].iter().any(|o| o.code == concern.code));
        }

        // Reasons in rule order, all rules listed, IN-MINIMAL always last.
        let rules: Vec<&str> = card.reasons.iter().map(|r| r.rule.as_str()).collect();
        let positions: Vec<usize> =
            rules.iter().map(|r| ORDER.iter().position(|o| o == r).unwrap_or(usize::MAX)).collect();
        prop_assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{:?}", rules);
        prop_assert_eq!(rules.last().copied(), Some("IN-MINIMAL"));
        for r in card.reasons.iter().chain(&card.warnings) {
            prop_assert!(RULE_IDS.contains(&r.rule.as_str()), "{}", r.rule);
        }

        // Closing needs a kindcheck without children, no age and no flag.
        if card.outcome == IntakeOutcome::Closed {
            prop_assert!(kindcheck.as_ref().is_some_and(|k| k.children_ages.is_empty()));
            prop_assert!(age.is_none() && !card.safety_flag);
        }
    }
}
