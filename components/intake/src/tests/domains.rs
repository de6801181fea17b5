//! IN-DOMAIN: concern codes to domains, canonical order, added domains.

use super::{assess, case, cites, codes, reason};
use crate::IN_DOMAIN;
use crate::domains::CONCERNS;
use alloc::vec;
use wegwijs_types::{Domain, KindcheckInput};

#[test]
fn every_concern_code_maps_to_its_domain() {
    for entry in CONCERNS {
        let mut c = case();
        c.concerns = codes(&[entry.code]);
        let card = assess(&c);
        assert_eq!(card.domains, vec![entry.domain], "{}", entry.code);
        assert_eq!(card.concerns.len(), 1);
        assert_eq!(card.concerns[0].code, entry.code);
        assert!(reason(&card, IN_DOMAIN).contains(entry.code), "{}", entry.code);
        assert!(card.warnings.is_empty(), "{}: {:?}", entry.code, card.warnings);
    }
}

#[test]
fn domains_come_sorted_and_unique_whatever_the_input_order() {
    let mut c = case();
    c.concerns = codes(&["neglect", "school-absence", "debts", "anxiety", "anxiety", "drug-use", "bullying"]);
    let card = assess(&c);
    assert_eq!(
        card.domains,
        vec![Domain::Psychosocial, Domain::School, Domain::SubstanceUse, Domain::FamilyCircumstances, Domain::Safety]
    );
    // Each recognised code once, in input order.
    let kept: alloc::vec::Vec<&str> = card.concerns.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(kept, ["neglect", "school-absence", "debts", "anxiety", "drug-use", "bullying"]);
    assert!(cites(&card, IN_DOMAIN));
    assert!(reason(&card, IN_DOMAIN).contains("psychosocial (anxiety, bullying)"));
}

#[test]
fn a_safety_indicator_adds_the_safety_domain() {
    let mut c = case();
    c.concerns = codes(&["anxiety"]);
    c.safety_indicators = codes(&["weapon-use"]);
    let card = assess(&c);
    assert_eq!(card.domains, vec![Domain::Psychosocial, Domain::Safety]);
    assert!(reason(&card, IN_DOMAIN).contains("safety (acute-unsafety indicator)"));
}

#[test]
fn a_kindcheck_with_children_adds_family_circumstances() {
    let mut c = case();
    c.source.code = "volwassenen-ggz".into();
    c.kindcheck = Some(KindcheckInput { children_ages: vec![4], cares_alone: false });
    let card = assess(&c);
    assert_eq!(card.domains, vec![Domain::FamilyCircumstances]);
    assert!(reason(&card, IN_DOMAIN).contains("kindcheck with children"));
}

#[test]
fn no_concern_means_no_domain_but_still_a_reason() {
    let card = assess(&case());
    assert!(card.domains.is_empty());
    assert!(reason(&card, IN_DOMAIN).contains("no concern domain"));
}
