//! Native tests of region {{name}}'s screening rules (`cargo test`).
//!
//! Each case runs through the guideline's real reference intake and
//! screening, so [`crate::screen`] sees exactly the cards the host would
//! pass in. Add a test for every rule the region adds: a case where it
//! applies, with its reason, and one where it does not.

use crate::{NO_REFERENCE, RULE, screen};
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_kit::english_word_in;
use wegwijs_types::{
    Action, AgeSinceBirth, ChildAge, ChildCase, Handler, InstrumentInput, Language, RegionConfig, ScreeningCard,
    SdqInput, SdqVersion, SourceCode,
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
    let intake = wegwijs_intake::assess(child, &config);
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
    let intake = wegwijs_intake::assess(&child, &config());
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

#[test]
fn the_dutch_card_is_in_dutch_and_the_english_card_in_english() {
    let child = borderline_sdq();
    let intake = wegwijs_intake::assess(&child, &config());
    let reference = wegwijs_screening::screen(&child, &intake, &config());
    for lang in Language::ALL.iter().copied() {
        let reading = Reading(config(), lang);
        let agrees = screen(&child, &intake, Some(&reference), &reading);
        let missing = screen(&child, &intake, None, &reading);
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
