//! The card as a whole: reason order, summary line, rule ids.

use super::{assess, born, case, codes};
use crate::RULE_IDS;
use alloc::vec;
use alloc::vec::Vec;
use wegwijs_types::{ChildAge, KindcheckInput, is_well_formed_rule_id};

#[test]
fn summary_line_as_in_the_brief() {
    let mut c = case();
    c.concerns = codes(&["school-absence", "peer-problems"]);
    assert_eq!(
        assess(&c).summary,
        "Signal from intern-begeleider about a child of 8 years (4–12): psychosocial, school"
    );
}

#[test]
fn summary_for_other_ages_and_flags() {
    let mut c = case();
    c.age = Some(born(1, 3));
    assert_eq!(
        assess(&c).summary,
        "Signal from intern-begeleider about a child of 15 months (0–2): no recognised concern"
    );
    c.age = Some(ChildAge::Prenatal(None));
    c.source.code = "verloskundige".into();
    assert!(assess(&c).summary.contains("about an unborn child (prenatal)"));
    c.age = Some(born(30, 0));
    assert!(assess(&c).summary.contains("a person of 30 years (outside 0–23)"));
    c.age = None;
    assert!(assess(&c).summary.contains("a child of unknown age"));
    c.age = Some(born(6, 0));
    c.safety_indicators = codes(&["fgm"]);
    c.kindcheck = Some(KindcheckInput { children_ages: vec![6, 8], cares_alone: true });
    let s = assess(&c).summary;
    assert!(s.contains("safety") && s.contains("ACUTE UNSAFETY") && s.contains("kindcheck: 2 children"), "{s}");
}

#[test]
fn reasons_come_in_rule_order_and_cite_listed_rules() {
    let mut c = case();
    c.source.code = "volwassenen-ggz".into();
    c.concerns = codes(&["x-unknown", "anxiety"]);
    c.safety_indicators = codes(&["weapon-use", "x-unknown"]);
    c.kindcheck = Some(KindcheckInput { children_ages: vec![8], cares_alone: true });
    let card = assess(&c);
    let order: Vec<&str> = card.reasons.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(order, ["IN-SOURCE", "IN-AGE", "IN-DOMAIN", "IN-SAFETY", "IN-KINDCHECK", "IN-MINIMAL"]);
    for r in card.reasons.iter().chain(&card.warnings) {
        assert!(RULE_IDS.contains(&r.rule.as_str()), "{}", r.rule);
    }
}

#[test]
fn rule_ids_are_well_formed_and_of_this_stage() {
    for id in RULE_IDS {
        assert!(is_well_formed_rule_id(id), "{id}");
        assert!(id.starts_with("IN-"), "{id}");
    }
}
