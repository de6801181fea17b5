//! Native tests of region {{name}}'s screening rules (`cargo test`).
//!
//! Each case runs through the guideline's real reference intake and
//! screening, so [`crate::screen`] sees exactly the cards the host would
//! pass in. Add a test for every rule the region adds: a case where it
//! applies, with its reason, and one where it does not.

use crate::{NO_REFERENCE, RULE, screen};
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use wegwijs_types::{
    Action, AgeSinceBirth, ChildAge, ChildCase, Handler, InstrumentInput, ScreeningCard, SdqInput, SdqVersion,
    SourceCode,
};

/// The region's configuration as the host flattens `[config]` of
/// region.toml: add the keys your rules read.
fn config() -> BTreeMap<String, String> {
    BTreeMap::new()
}

/// A child born 2018-03-14, as the host presents it on 2026-10-05: reported
/// by the intern begeleider, with a parent SDQ whose difficulties total 14
/// (borderline).
fn borderline_sdq() -> ChildCase {
    let source = SourceCode { code: "intern-begeleider".to_string(), bds_code: None };
    let age = ChildAge::Born(AgeSinceBirth { months: 102, years: 8 });
    let mut child = ChildCase::new("p-example", Some(age), source, Handler::Jeugdverpleegkundige);
    child.gemeente = Some("GM0344".to_string());
    let answers = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0, 0, 2, 1, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2];
    child.instruments.push(InstrumentInput::Sdq(SdqInput {
        version: SdqVersion::ParentFourToSeventeen,
        answers: answers.iter().map(|a| Some(*a)).collect(),
    }));
    child
}

/// The guideline's screening card for `child` and the region's.
fn run(child: &ChildCase) -> (ScreeningCard, ScreeningCard) {
    let config = config();
    let intake = wegwijs_intake::assess(child);
    let reference = wegwijs_screening::screen(child, &intake, &config);
    let region = screen(child, &intake, Some(&reference), &config);
    (reference, region)
}

#[test]
fn the_guideline_screening_stands_with_the_regions_reason() {
    let (reference, region) = run(&borderline_sdq());
    assert_eq!(region.level, reference.level);
    assert_eq!(region.action, reference.action);
    assert_eq!(region.action, Action::A1, "a borderline SDQ is light support in the guideline");
    assert!(region.reasons.iter().any(|r| r.rule == RULE), "{:?}", region.reasons);
}

#[test]
fn without_the_guideline_card_the_case_stays_with_the_jgz_and_the_card_says_why() {
    let child = borderline_sdq();
    let intake = wegwijs_intake::assess(&child);
    let card = screen(&child, &intake, None, &config());
    assert_eq!(card.action, Action::A1);
    assert!(card.warnings.iter().any(|r| r.rule == NO_REFERENCE));
}

#[test]
fn every_cited_rule_id_is_well_formed() {
    let (_, region) = run(&borderline_sdq());
    for reason in region.reasons.iter().chain(region.warnings.iter()) {
        assert!(wegwijs_types::is_well_formed_rule_id(&reason.rule), "{}", reason.rule);
    }
}
