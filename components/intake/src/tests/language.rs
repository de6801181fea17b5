//! The card in the reader's language: every case the rule tests build, and
//! arbitrary ones, assessed once with a Dutch configuration and once with
//! an English one. The Dutch card carries no English word outside
//! `backticks`, the two cards differ in their texts only, and a Dutch text
//! is never the English one left untranslated.

use super::props::{age, kindcheck, value};
use super::{born, case, codes};
use crate::assess;
use crate::domains::CONCERNS;
use crate::safety::ACUTE_ALIASES;
use crate::source::{BDS_CODES, SOURCE_ALIASES};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use proptest::prelude::*;
use wegwijs_kit::{english_word_in, withheld_code};
use wegwijs_types::{
    AcuteIndicator, ChildAge, ChildCase, IntakeCard, KindcheckInput, Language, RegionConfig, SourceKind,
};

/// A region configuration that only answers the reader's language.
struct Reader(Language);

impl RegionConfig for Reader {
    fn get(&self, _key: &str) -> Option<String> {
        None
    }

    fn language(&self) -> Language {
        self.0
    }
}

/// Every text of a card for people, with where it stands.
fn texts(card: &IntakeCard) -> Vec<(String, &str)> {
    let mut all = vec![(String::from("summary"), card.summary.as_str())];
    all.extend(card.reasons.iter().map(|r| (format!("reason {}", r.rule), r.text.as_str())));
    all.extend(card.warnings.iter().map(|w| (format!("warning {}", w.rule), w.text.as_str())));
    all
}

/// Assesses `c` in both languages and says what is wrong, if anything.
fn compare(c: &ChildCase) -> Result<(), String> {
    let nl = assess(c, &Reader(Language::Nl));
    let en = assess(c, &Reader(Language::En));

    // (a) No English word in a Dutch text.
    for (at, text) in texts(&nl) {
        if let Some(word) = english_word_in(text) {
            return Err(format!("English word {word:?} in the Dutch {at}: {text}\ncase: {c:?}"));
        }
    }

    // (b) The same card apart from its texts: swap the English texts in and compare.
    if nl.reasons.len() != en.reasons.len() || nl.warnings.len() != en.warnings.len() {
        return Err(format!("the Dutch and English cards differ in their notes\nnl: {nl:?}\nen: {en:?}"));
    }
    let mut same = nl.clone();
    same.summary.clone_from(&en.summary);
    for (n, e) in same.reasons.iter_mut().zip(&en.reasons).chain(same.warnings.iter_mut().zip(&en.warnings)) {
        n.text.clone_from(&e.text);
    }
    if same != en {
        return Err(format!("the Dutch and English cards differ beyond their texts\nnl: {nl:?}\nen: {en:?}"));
    }

    // (c) A Dutch text is not the English one where the English has words.
    for ((at, n), (_, e)) in texts(&nl).into_iter().zip(texts(&en)) {
        if e.chars().any(char::is_alphabetic) && (n.is_empty() || n == e) {
            return Err(format!("the Dutch {at} is not translated: {n:?} (English {e:?})"));
        }
    }
    Ok(())
}

/// The case builder with one change.
fn with(change: impl FnOnce(&mut ChildCase)) -> ChildCase {
    let mut c = case();
    change(&mut c);
    c
}

fn kc(children_ages: Vec<u8>, cares_alone: bool) -> Option<KindcheckInput> {
    Some(KindcheckInput { children_ages, cares_alone })
}

/// The cases of the rule tests: every table row, every boundary, every
/// unknown and not-a-code path, and the combinations the card tests use.
fn rule_cases() -> Vec<ChildCase> {
    let mut all = vec![case()];

    // IN-SOURCE, with and without BDS codes.
    let sources = SourceKind::ALL.iter().map(|k| k.name()).chain(SOURCE_ALIASES.iter().map(|(a, _)| *a)).chain([
        "buurtcoach",
        "x",
        "Mevrouw Jansen",
    ]);
    for code in sources {
        all.push(with(|c| c.source.code = code.into()));
    }
    all.push(with(|c| c.source.code = withheld_code(0)));
    for bds in BDS_CODES.iter().map(|b| b.code).chain(["03", "99", "Kanaalweg 7", "school"]) {
        for source in ["other", "leerkracht", "ouders", "vt"] {
            all.push(with(|c| {
                c.source.code = source.into();
                c.source.bds_code = Some(bds.into());
            }));
        }
    }

    // IN-AGE: every boundary, reported months, prenatal, unknown, too old.
    for years in [0, 1, 2, 3, 4, 11, 12, 15, 16, 17, 18, 22, 23, 25, 30] {
        for extra in [0, 1, 5, 11] {
            all.push(with(|c| c.age = Some(born(years, extra))));
        }
    }
    for months in [0, 1, 13, 23, 24, 47, 48, 143, 144, 191, 192, 215, 216, 275, 276, u16::MAX] {
        all.push(with(|c| c.age = Some(ChildAge::ReportedMonths(months))));
    }
    for week in [Some(30), Some(1), None] {
        all.push(with(|c| c.age = Some(ChildAge::Prenatal(week))));
    }
    all.push(with(|c| c.age = None));

    // IN-DOMAIN: every concern code, mixes, unknowns and non-codes.
    for entry in CONCERNS {
        all.push(with(|c| c.concerns = codes(&[entry.code])));
    }
    all.push(with(|c| {
        c.concerns = codes(&["neglect", "school-absence", "debts", "anxiety", "anxiety", "drug-use", "bullying"]);
    }));
    all.push(with(|c| c.concerns = codes(&["screen-time-excess", "peer-problems", "gaming", "screen-time-excess"])));
    all.push(with(|c| c.concerns = codes(&["Jan de Vries slaat", "anxiety", "BSN 860913909"])));
    all.push(with(|c| c.concerns = codes(&["Jan de Vries slaat"])));
    all.push(with(|c| c.concerns = vec![withheld_code(2), "self-harm".to_string()]));

    // IN-SAFETY: every indicator and alias, unknowns, non-codes, safety concerns.
    for indicator in AcuteIndicator::ALL {
        all.push(with(|c| c.safety_indicators = vec![indicator.name().to_string()]));
    }
    for (alias, _) in ACUTE_ALIASES {
        all.push(with(|c| c.safety_indicators = codes(&[alias])));
    }
    all.push(with(|c| c.safety_indicators = codes(&["mensenhandel", "weapon", "weapon-use", "life-danger"])));
    all.push(with(|c| c.safety_indicators = codes(&["something-new"])));
    all.push(with(|c| c.safety_indicators = codes(&["Vader dreigt met mes", "Nog iets"])));
    all.push(with(|c| c.safety_indicators = vec![withheld_code(0)]));
    all.push(with(|c| {
        c.concerns = codes(&["anxiety", "child-abuse"]);
        c.safety_indicators = codes(&["weapon-use", "x-unknown"]);
    }));
    all.push(with(|c| c.concerns = codes(&["neglect", "witnessed-violence"])));

    // IN-KINDCHECK: children, none, none but a child or acute unsafety, missing data.
    for source in ["volwassenen-ggz", "ggz", "verslavingszorg", "huisarts", "other", "youth"] {
        all.push(with(|c| c.source.code = source.into()));
        for (ages, alone) in [(vec![5, 9], true), (vec![3], false), (vec![1; 300], false), (vec![0, 17, 4], true)] {
            all.push(with(|c| {
                c.source.code = source.into();
                c.kindcheck = kc(ages.clone(), alone);
            }));
        }
        all.push(with(|c| {
            c.source.code = source.into();
            c.age = None;
            c.kindcheck = kc(vec![], false);
        }));
        for age in [Some(born(6, 0)), Some(ChildAge::Prenatal(Some(20)))] {
            all.push(with(|c| {
                c.source.code = source.into();
                c.age = age.clone();
                c.kindcheck = kc(vec![], false);
            }));
        }
        all.push(with(|c| {
            c.source.code = source.into();
            c.age = None;
            c.kindcheck = kc(vec![], true);
            c.safety_indicators = codes(&["parent-psychiatric-crisis"]);
        }));
    }

    // The card tests' combinations and a case of nothing but unknowns.
    all.push(with(|c| {
        c.source.code = "volwassenen-ggz".into();
        c.concerns = codes(&["x-unknown", "anxiety"]);
        c.safety_indicators = codes(&["weapon-use", "x-unknown"]);
        c.kindcheck = kc(vec![8], true);
    }));
    all.push(with(|c| {
        c.age = Some(born(6, 0));
        c.source.code = "verloskundige".into();
        c.safety_indicators = codes(&["fgm"]);
        c.kindcheck = kc(vec![6, 8], true);
    }));
    all.push(with(|c| {
        c.age = None;
        c.source.code = "x".into();
        c.source.bds_code = Some("99".into());
        c.concerns = codes(&["y"]);
        c.safety_indicators = codes(&["z"]);
    }));
    all
}

#[test]
fn every_rule_case_reads_in_dutch_and_matches_the_english_card() {
    let cases = rule_cases();
    assert!(cases.len() > 300, "{} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| compare(c).err()).collect();
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n\n"));
}

#[test]
fn a_native_configuration_reads_english_and_dutch_is_asked_for() {
    let c = with(|c| c.concerns = codes(&["school-absence", "peer-problems"]));
    assert_eq!(assess(&c, &wegwijs_types::NoConfig), assess(&c, &Reader(Language::En)));
    assert_eq!(
        assess(&c, &Reader(Language::Nl)).summary,
        "Signaal van intern begeleider over een kind van 8 jaar (4–12): psychosociaal, school"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_cases_read_in_dutch_and_match_the_english_card(
        source in value(),
        bds in proptest::option::of(value()),
        concerns in proptest::collection::vec(value(), 0..6),
        indicators in proptest::collection::vec(value(), 0..4),
        age in age(),
        kindcheck in kindcheck(),
    ) {
        let mut c = case();
        c.source.code = source;
        c.source.bds_code = bds;
        c.concerns = concerns;
        c.safety_indicators = indicators;
        c.age = age;
        c.kindcheck = kindcheck;
        if let Err(e) = compare(&c) {
            prop_assert!(false, "{}", e);
        }
    }
}
