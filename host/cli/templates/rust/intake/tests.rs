//! Native tests of region {{name}}'s intake rules (`cargo test`).
//!
//! Each case runs through the guideline's real reference intake, so
//! [`crate::assess`] sees exactly the card the host would pass in. Add a
//! test for every rule the region adds: a case where it applies, with its
//! reason, and one where it does not.

use crate::{NO_REFERENCE, RULE, assess};
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_kit::english_word_in;
use wegwijs_types::{
    AgeSinceBirth, ChildAge, ChildCase, Handler, IntakeCard, IntakeOutcome, Language, RegionConfig, SourceCode,
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
    let reference = wegwijs_intake::assess(child, &config());
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

#[test]
fn the_dutch_card_is_in_dutch_and_the_english_card_in_english() {
    let child = anxious_at_school();
    let reference = wegwijs_intake::assess(&child, &config());
    for lang in Language::ALL.iter().copied() {
        let reading = Reading(config(), lang);
        let agrees = assess(&child, Some(&reference), &reading);
        let missing = assess(&child, None, &reading);
        // The region's own texts: the guideline's reasons are the reference
        // component's, in the language of its own configuration.
        let own = agrees.reasons.iter().chain(&missing.warnings).filter(|r| r.rule == RULE || r.rule == NO_REFERENCE);
        let texts: Vec<&str> = own.map(|r| r.text.as_str()).chain([missing.summary.as_str()]).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        for text in texts {
            match lang {
                Language::Nl => assert_eq!(english_word_in(text), None, "English in the Dutch card: {text}"),
                Language::En => assert!(english_word_in(text).is_some(), "not English: {text}"),
            }
        }
    }
}
