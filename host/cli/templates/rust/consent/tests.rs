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
use wegwijs_kit::english_word_in;
use wegwijs_types::{
    AgeSinceBirth, ChildAge, ChildCase, ConsentCard, ConsentOutcome, DisclosureRequest, Handler, Language, Partner,
    RegionConfig, SourceCode,
};

/// The region's configuration as the host flattens `[config]` of
/// region.toml: add the keys your rules read. A map reads English
/// (`config.language()`); [`Reading`] asks for a language.
fn config() -> BTreeMap<String, String> {
    BTreeMap::new()
}

/// The region's configuration with the language the reader asked for, as
/// the host answers it inside the component.
struct Reading(BTreeMap<String, String>, Language);

impl RegionConfig for Reading {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn language(&self) -> Language {
        self.1
    }
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
    let intake = wegwijs_intake::assess(child, &config);
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

#[test]
fn the_dutch_card_is_in_dutch_and_the_english_card_in_english() {
    let child = two_domains_at_eleven();
    let (requests, reference, _) = run(&child);
    assert!(!requests.is_empty(), "the guideline's routes need a disclosure");
    for lang in Language::ALL.iter().copied() {
        let reading = Reading(config(), lang);
        let agrees = check(&child, &requests, Some(&reference), &reading);
        let missing = check(&child, &requests, None, &reading);
        // The region's own texts: the guideline's reasons are the reference
        // component's, in the language of its own configuration.
        let reasons = agrees.iter().chain(&missing).flat_map(|c| c.reasons.iter());
        let own = reasons.filter(|r| r.rule == RULE || r.rule == NO_REFERENCE).map(|r| r.text.as_str());
        let checklists = missing.iter().flat_map(|c| c.checklist.iter().map(String::as_str));
        let texts: Vec<&str> = own.chain(checklists).collect();
        assert_eq!(texts.len(), 3 * requests.len(), "{texts:?}");
        for text in texts {
            match lang {
                Language::Nl => assert_eq!(english_word_in(text), None, "English in the Dutch card: {text}"),
                Language::En => assert!(english_word_in(text).is_some(), "not English: {text}"),
            }
        }
    }
}
