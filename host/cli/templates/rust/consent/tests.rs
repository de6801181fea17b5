//! Native tests of region {{name}}'s consent rules (`cargo test`).
//!
//! Each case runs through the guideline's real reference intake, screening,
//! routing and consent, so [`crate::check`] sees exactly the requests and
//! cards the host would pass in. Add a test for every rule the region adds:
//! a case where it applies, with its reason, and one where it does not.

use crate::{NO_REFERENCE, RULE, check};
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_types::{
    AgeSinceBirth, ChildAge, ChildCase, ConsentCard, ConsentOutcome, DisclosureRequest, Handler, Partner, SourceCode,
};

/// The region's configuration as the host flattens `[config]` of
/// region.toml: add the keys your rules read.
fn config() -> BTreeMap<String, String> {
    BTreeMap::new()
}

/// A child born 2015-01-20, as the host presents it on 2026-10-05: reported
/// by a teacher with concerns in two domains, which the guideline discusses
/// with the wijkteam (a disclosure that needs the parents' consent).
fn two_domains_at_eleven() -> ChildCase {
    let source = SourceCode { code: "leerkracht".to_string(), bds_code: None };
    let age = ChildAge::Born(AgeSinceBirth { months: 140, years: 11 });
    let mut child = ChildCase::new("p-example", Some(age), source, Handler::Jeugdarts);
    child.gemeente = Some("GM0344".to_string());
    child.concerns.extend(["anxiety".to_string(), "learning-problems".to_string()]);
    child
}

/// The disclosure requests of the guideline's routes for `child`, the
/// guideline's consent cards for them and the region's.
fn run(child: &ChildCase) -> (Vec<DisclosureRequest>, Vec<ConsentCard>, Vec<ConsentCard>) {
    let config = config();
    let intake = wegwijs_intake::assess(child);
    let screening = wegwijs_screening::screen(child, &intake, &config);
    let routing = wegwijs_routing::route(child, &intake, &screening, &config);
    let requests: Vec<DisclosureRequest> = routing.routes.iter().filter_map(|r| r.disclosure.clone()).collect();
    let reference = wegwijs_consent::check(child, &requests);
    let region = check(child, &requests, Some(&reference), &config);
    (requests, reference, region)
}

#[test]
fn the_guideline_outcomes_stand_with_the_regions_reason() {
    let (requests, reference, region) = run(&two_domains_at_eleven());
    assert_eq!(region.len(), requests.len(), "one card per request");
    let wijkteam = region.iter().find(|c| c.request.recipient == Partner::Wijkteam);
    assert!(wijkteam.is_some_and(|c| c.outcome == ConsentOutcome::NeedsConsent), "{region:?}");
    for (own, guideline) in region.iter().zip(&reference) {
        assert_eq!(own.request, guideline.request);
        assert_eq!(own.outcome, guideline.outcome);
        assert_eq!(own.consent_of, guideline.consent_of);
        assert_eq!(own.permitted_data, guideline.permitted_data);
        assert!(own.reasons.iter().any(|r| r.rule == RULE), "{:?}", own.reasons);
    }
}

#[test]
fn without_the_guideline_cards_every_disclosure_waits_for_a_professional() {
    let (requests, _, _) = run(&two_domains_at_eleven());
    let cards = check(&two_domains_at_eleven(), &requests, None, &config());
    assert_eq!(cards.len(), requests.len());
    for card in &cards {
        assert_eq!(card.outcome, ConsentOutcome::ProfessionalJudgement);
        assert!(card.permitted_data.is_empty());
        assert!(card.reasons.iter().any(|r| r.rule == NO_REFERENCE));
    }
}

#[test]
fn every_cited_rule_id_is_well_formed() {
    let (_, _, region) = run(&two_domains_at_eleven());
    for reason in region.iter().flat_map(|c| c.reasons.iter()) {
        assert!(wegwijs_types::is_well_formed_rule_id(&reason.rule), "{}", reason.rule);
    }
}
