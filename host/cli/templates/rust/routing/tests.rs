//! Native tests of region {{name}}'s routing rules (`cargo test`).
//!
//! Each case runs through the guideline's real reference intake, screening
//! and routing, so [`crate::route`] sees exactly the cards the host would
//! pass in. Add a test for every rule the region adds: a case where it
//! applies, with its reason, and one where it does not.

use crate::{NO_REFERENCE, RULE, route};
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use wegwijs_types::{
    AgeSinceBirth, ChildAge, ChildCase, Handler, InstrumentInput, RoutingCard, SdqInput, SdqVersion, SourceCode,
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

/// The guideline's routing card for `child` and the region's.
fn run(child: &ChildCase) -> (RoutingCard, RoutingCard) {
    let config = config();
    let intake = wegwijs_intake::assess(child);
    let screening = wegwijs_screening::screen(child, &intake, &config);
    let reference = wegwijs_routing::route(child, &intake, &screening, &config);
    let region = route(child, &intake, &screening, Some(&reference), &config);
    (reference, region)
}

#[test]
fn the_guideline_routes_stand_with_the_regions_reason() {
    let (reference, region) = run(&borderline_sdq());
    assert!(!reference.routes.is_empty(), "a borderline SDQ has routes in the guideline");
    assert_eq!(region.routes, reference.routes);
    assert_eq!(region.urgency, reference.urgency);
    assert!(region.reasons.iter().any(|r| r.rule == RULE), "{:?}", region.reasons);
}

#[test]
fn without_the_guideline_card_nothing_is_routed_and_the_card_says_why() {
    let child = borderline_sdq();
    let config = config();
    let intake = wegwijs_intake::assess(&child);
    let screening = wegwijs_screening::screen(&child, &intake, &config);
    let card = route(&child, &intake, &screening, None, &config);
    assert!(card.routes.is_empty());
    assert!(card.warnings.iter().any(|r| r.rule == NO_REFERENCE));
}

#[test]
fn every_cited_rule_id_is_well_formed() {
    let (_, region) = run(&borderline_sdq());
    for reason in region.reasons.iter().chain(region.routes.iter().flat_map(|r| r.reasons.iter())) {
        assert!(wegwijs_types::is_well_formed_rule_id(&reason.rule), "{}", reason.rule);
    }
}
