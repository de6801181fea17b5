//! IN-KINDCHECK: children recorded, closing without children, missing data.

use super::{assess, born, case, cites, codes, reason, warns};
use crate::IN_KINDCHECK;
use alloc::vec;
use alloc::vec::Vec;
use wegwijs_types::{ChildAge, IntakeOutcome, KindcheckInput};

fn kindcheck(ages: Vec<u8>, alone: bool) -> Option<KindcheckInput> {
    Some(KindcheckInput { children_ages: ages, cares_alone: alone })
}

#[test]
fn records_number_ages_and_who_cares() {
    let mut c = case();
    c.source.code = "volwassenen-ggz".into();
    c.kindcheck = kindcheck(vec![5, 9], true);
    let card = assess(&c);
    assert_eq!(card.outcome, IntakeOutcome::Accepted);
    assert_eq!(card.kindcheck_children, Some(2));
    let text = reason(&card, IN_KINDCHECK);
    assert!(text.contains("2 children") && text.contains("5 and 9") && text.contains("alone"), "{text}");

    c.source.code = "verslavingszorg".into();
    c.kindcheck = kindcheck(vec![3], false);
    let card = assess(&c);
    assert_eq!(card.kindcheck_children, Some(1));
    assert!(reason(&card, IN_KINDCHECK).contains("together with a partner or others"));
    assert!(card.warnings.is_empty(), "{:?}", card.warnings);
}

#[test]
fn no_children_closes_with_reason() {
    for source in ["volwassenen-ggz", "verslavingszorg", "huisarts"] {
        let mut c = case();
        c.source.code = source.into();
        c.age = None;
        c.kindcheck = kindcheck(vec![], false);
        let card = assess(&c);
        assert_eq!(card.outcome, IntakeOutcome::Closed, "{source}");
        assert_eq!(card.kindcheck_children, Some(0));
        assert!(reason(&card, IN_KINDCHECK).contains("closed with reason, not routed"));
        // A missing age is expected here, not a gap.
        assert!(card.warnings.is_empty(), "{:?}", card.warnings);
        assert!(card.summary.contains("closed"));
    }
}

#[test]
fn no_children_but_a_named_child_or_acute_unsafety_stays_open() {
    let mut c = case();
    c.source.code = "volwassenen-ggz".into();
    c.kindcheck = kindcheck(vec![], false);
    for age in [Some(born(6, 0)), Some(ChildAge::Prenatal(Some(20)))] {
        c.age = age;
        let card = assess(&c);
        assert_eq!(card.outcome, IntakeOutcome::Accepted);
        assert!(warns(&card, IN_KINDCHECK, "names a child"));
    }
    c.age = None;
    c.safety_indicators = codes(&["parent-psychiatric-crisis"]);
    let card = assess(&c);
    assert_eq!(card.outcome, IntakeOutcome::Accepted);
    assert!(card.safety_flag);
    assert!(warns(&card, IN_KINDCHECK, "acute unsafety"));
    assert!(cites(&card, IN_KINDCHECK));
}

#[test]
fn adult_care_without_kindcheck_data_warns() {
    for source in ["volwassenen-ggz", "ggz", "verslavingszorg"] {
        let mut c = case();
        c.source.code = source.into();
        let card = assess(&c);
        assert_eq!(card.outcome, IntakeOutcome::Accepted);
        assert_eq!(card.kindcheck_children, None);
        assert!(cites(&card, IN_KINDCHECK));
        assert!(warns(&card, IN_KINDCHECK, "no kindcheck data"));
    }
    // Other sources without a kindcheck say nothing about it.
    assert!(!cites(&assess(&case()), IN_KINDCHECK));
}

#[test]
fn a_very_long_list_of_children_is_capped_not_a_panic() {
    let mut c = case();
    c.kindcheck = kindcheck(vec![1; 300], false);
    let card = assess(&c);
    assert_eq!(card.kindcheck_children, Some(u8::MAX));
    assert!(reason(&card, IN_KINDCHECK).contains("300 children"));
}
