//! Native tests of region {{name}}'s intake rules (`cargo test`).
//!
//! Each case runs through the guideline's real reference intake, so
//! [`crate::assess`] sees exactly the card the host would pass in. Add a
//! test for every rule the region adds: a case where it applies, with its
//! reason, and one where it does not.

use crate::{NO_REFERENCE, RULE, assess};
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use wegwijs_types::{AgeSinceBirth, ChildAge, ChildCase, Handler, IntakeCard, IntakeOutcome, SourceCode};

/// The region's configuration as the host flattens `[config]` of
/// region.toml: add the keys your rules read.
fn config() -> BTreeMap<String, String> {
    BTreeMap::new()
}

/// A child born 2018-03-14, as the host presents it on 2026-10-05: reported
/// by the intern begeleider because of anxiety.
fn anxious_at_school() -> ChildCase {
    let source = SourceCode { code: "intern-begeleider".to_string(), bds_code: None };
    let age = ChildAge::Born(AgeSinceBirth { months: 102, years: 8 });
    let mut child = ChildCase::new("p-example", Some(age), source, Handler::Jeugdverpleegkundige);
    child.gemeente = Some("GM0344".to_string());
    child.concerns.push("anxiety".to_string());
    child
}

/// The guideline's intake card for `child` and the region's.
fn run(child: &ChildCase) -> (IntakeCard, IntakeCard) {
    let reference = wegwijs_intake::assess(child);
    let region = assess(child, Some(&reference), &config());
    (reference, region)
}

#[test]
fn the_guideline_intake_stands_with_the_regions_reason() {
    let (reference, region) = run(&anxious_at_school());
    assert_eq!(region.outcome, reference.outcome);
    assert_eq!(region.domains, reference.domains);
    assert_eq!(region.safety_flag, reference.safety_flag);
    assert!(region.reasons.iter().any(|r| r.rule == RULE), "{:?}", region.reasons);
}

#[test]
fn without_the_guideline_card_the_signal_is_accepted_and_the_card_says_why() {
    let mut child = anxious_at_school();
    child.safety_indicators.push("strangulation".to_string());
    let card = assess(&child, None, &config());
    assert_eq!(card.outcome, IntakeOutcome::Accepted);
    assert!(card.safety_flag, "an acute indicator in the signal keeps the safety flag");
    assert!(card.warnings.iter().any(|r| r.rule == NO_REFERENCE));
}

#[test]
fn every_cited_rule_id_is_well_formed() {
    let (_, region) = run(&anxious_at_school());
    for reason in region.reasons.iter().chain(region.warnings.iter()) {
        assert!(wegwijs_types::is_well_formed_rule_id(&reason.rule), "{}", reason.rule);
    }
}
