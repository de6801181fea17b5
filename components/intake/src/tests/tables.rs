//! Integrity of the vocabulary tables: every code well formed, every
//! spelling unambiguous, every enum case covered, every table versioned.

use crate::age::AGE_TABLE;
use crate::domains::{CONCERN_TABLE, CONCERNS};
use crate::is_code;
use crate::kindcheck::KINDCHECK_TABLE;
use crate::safety::{ACUTE_ALIASES, ACUTE_INDICATORS, ACUTE_TABLE};
use crate::source::{BDS_CODES, BDS_MAPPING_TABLE, BDS_TABLE, SOURCE_ALIASES, SOURCE_KINDS, bds_meaning};
use alloc::vec::Vec;
use wegwijs_types::{AcuteIndicator, Domain, SourceKind};

fn assert_unique(names: &[&str]) {
    for (i, a) in names.iter().enumerate() {
        assert!(is_code(a), "{a} is not a code");
        assert!(!names[i + 1..].contains(a), "{a} appears twice");
    }
}

#[test]
fn source_spellings_are_codes_and_unambiguous() {
    let mut all: Vec<&str> = SourceKind::ALL.iter().map(|k| k.name()).collect();
    all.extend(SOURCE_ALIASES.iter().map(|(a, _)| *a));
    assert_unique(&all);
}

#[test]
fn source_table_has_every_kind_once_in_wit_order() {
    let kinds: Vec<SourceKind> = SOURCE_KINDS.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, SourceKind::ALL);
    for row in SOURCE_KINDS {
        assert!(!row.description.is_empty());
        if let Some(b) = row.bds {
            assert!(bds_meaning(b).is_some(), "{}: {b} not in the BDS list", row.kind);
        }
    }
}

#[test]
fn bds_codes_are_two_digits_and_unique() {
    let codes: Vec<&str> = BDS_CODES.iter().map(|b| b.code).collect();
    assert_unique(&codes);
    assert_eq!(codes, ["01", "02", "05", "07", "08"]);
    assert!(codes.iter().all(|c| c.len() == 2 && crate::code::is_bds_code(c)));
}

#[test]
fn concern_codes_unique_and_every_domain_covered() {
    let codes: Vec<&str> = CONCERNS.iter().map(|c| c.code).collect();
    assert_unique(&codes);
    assert!((40..=60).contains(&codes.len()), "{} concern codes", codes.len());
    for d in Domain::ALL {
        assert!(CONCERNS.iter().filter(|c| c.domain == *d).count() >= 3, "{d} has too few codes");
    }
    assert!(CONCERNS.iter().all(|c| !c.description.is_empty()));
    // Grouped by domain in canonical order, as VOCABULARY.md shows them.
    assert!(CONCERNS.windows(2).all(|w| w[0].domain <= w[1].domain));
}

#[test]
fn acute_spellings_unique_and_every_indicator_described() {
    let listed: Vec<AcuteIndicator> = ACUTE_INDICATORS.iter().map(|r| r.indicator).collect();
    assert_eq!(listed, AcuteIndicator::ALL);
    assert!(ACUTE_INDICATORS.iter().all(|r| !r.description.is_empty() && !r.dutch.is_empty()));
    let mut all: Vec<&str> = AcuteIndicator::ALL.iter().map(|a| a.name()).collect();
    all.extend(ACUTE_ALIASES.iter().map(|(a, _)| *a));
    assert_unique(&all);
}

#[test]
fn every_table_names_its_source_and_version() {
    for t in [
        crate::source::SOURCE_TABLE,
        BDS_TABLE,
        BDS_MAPPING_TABLE,
        AGE_TABLE,
        CONCERN_TABLE,
        ACUTE_TABLE,
        KINDCHECK_TABLE,
    ] {
        assert!(!t.name.is_empty() && !t.version.is_empty(), "{t:?}");
        assert!(t.label().contains(t.version));
    }
}
