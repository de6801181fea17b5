//! IN-SAFETY: every acute indicator, every alias, fail-safe unknowns.

use super::{assess, case, cites, codes, reason, warns};
use crate::safety::{ACUTE_ALIASES, acute_indicator};
use crate::{IN_MINIMAL, IN_SAFETY, IN_UNKNOWN};
use alloc::string::ToString;
use alloc::vec;
use wegwijs_types::{AcuteIndicator, Domain};

#[test]
fn every_acute_indicator_sets_the_flag() {
    for indicator in AcuteIndicator::ALL {
        let mut c = case();
        c.safety_indicators = vec![indicator.name().to_string()];
        let card = assess(&c);
        assert!(card.safety_flag, "{indicator}");
        assert_eq!(card.acute_indicators, vec![*indicator]);
        assert!(card.domains.contains(&Domain::Safety));
        assert!(cites(&card, IN_SAFETY));
        let text = reason(&card, IN_SAFETY);
        assert!(
            text.contains(indicator.name()) && text.contains("in parallel with screening, not behind it"),
            "{text}"
        );
        assert!(card.warnings.is_empty(), "{indicator}: {:?}", card.warnings);
    }
}

#[test]
fn every_alias_maps_to_its_indicator() {
    for (alias, indicator) in ACUTE_ALIASES {
        assert_eq!(acute_indicator(alias), Some(*indicator), "{alias}");
        let mut c = case();
        c.safety_indicators = codes(&[alias]);
        let card = assess(&c);
        assert_eq!(card.acute_indicators, vec![*indicator], "{alias}");
        assert!(card.safety_flag && cites(&card, IN_SAFETY));
    }
    for (alias, indicator) in [
        ("strangling", AcuteIndicator::Strangulation),
        ("weapon", AcuteIndicator::WeaponUse),
        ("suicide-threat-parent", AcuteIndicator::ParentSuicideThreat),
        ("eergerelateerd-geweld", AcuteIndicator::HonourRevenge),
        ("meisjesbesnijdenis", AcuteIndicator::Fgm),
        ("huwelijksdwang", AcuteIndicator::ForcedMarriage),
        ("mensenhandel", AcuteIndicator::HumanTrafficking),
    ] {
        assert_eq!(acute_indicator(alias), Some(indicator), "{alias}");
    }
}

#[test]
fn indicators_are_sorted_and_unique() {
    let mut c = case();
    c.safety_indicators = codes(&["mensenhandel", "weapon", "weapon-use", "life-danger"]);
    let card = assess(&c);
    assert_eq!(
        card.acute_indicators,
        vec![AcuteIndicator::LifeDanger, AcuteIndicator::WeaponUse, AcuteIndicator::HumanTrafficking]
    );
}

#[test]
fn an_unrecognised_indicator_still_sets_the_flag() {
    let mut c = case();
    c.safety_indicators = codes(&["something-new"]);
    let card = assess(&c);
    assert!(card.safety_flag);
    assert!(card.acute_indicators.is_empty());
    assert!(card.domains.contains(&Domain::Safety));
    assert!(warns(&card, IN_UNKNOWN, "`something-new`"));
    assert!(reason(&card, IN_SAFETY).contains("1 unrecognised"));
}

#[test]
fn a_value_that_is_not_a_code_still_sets_the_flag_without_being_echoed() {
    let mut c = case();
    c.safety_indicators = codes(&["Vader dreigt met mes"]);
    let card = assess(&c);
    assert!(card.safety_flag && cites(&card, IN_SAFETY));
    assert!(warns(&card, IN_MINIMAL, "safety-indicators"));
    assert!(card.reasons.iter().chain(&card.warnings).all(|r| !r.text.contains("dreigt")));
}

#[test]
fn no_indicator_no_flag() {
    let card = assess(&case());
    assert!(!card.safety_flag && card.acute_indicators.is_empty());
    assert!(reason(&card, IN_SAFETY).contains("not set"));

    let mut c = case();
    c.concerns = codes(&["neglect"]);
    let card = assess(&c);
    assert!(!card.safety_flag);
    assert_eq!(card.domains, vec![Domain::Safety]);
    assert!(reason(&card, IN_SAFETY).contains("weighed along the meldcode in screening"));
}
