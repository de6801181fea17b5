//! The tables themselves: complete, consistent with the rule ids, and
//! carrying their sources.

use crate::RULE_IDS;
use crate::tables::{self as t, AGE_RULES, CONFLICT_CHECKLIST, OWN_CARE_CONSENT, PURPOSES, VIR_INFORM};
use alloc::vec::Vec;
use wegwijs_types::{DataCategory, Partner, Party, Purpose, is_well_formed_rule_id};

#[test]
fn every_purpose_has_exactly_one_row() {
    for p in Purpose::ALL {
        assert_eq!(PURPOSES.rows.iter().filter(|r| r.purpose == *p).count(), 1, "{p}");
    }
}

#[test]
fn every_rule_id_is_well_formed_and_every_row_cites_one() {
    for id in RULE_IDS {
        assert!(is_well_formed_rule_id(id), "{id}");
    }
    for row in PURPOSES.rows {
        assert!(RULE_IDS.contains(&row.rule), "{}", row.rule);
        // Only the consent-free rules carry a basis of their own.
        assert_eq!(
            row.basis.is_some(),
            !matches!(row.treatment, t::Treatment::School | t::Treatment::OwnCare | t::Treatment::Default)
        );
    }
}

#[test]
fn anonymous_advice_never_needs_contact_details() {
    assert!(!t::rule_for(Purpose::VeiligThuisAdvice).need_to_know.contains(&DataCategory::ContactDetails));
}

#[test]
fn no_purpose_needs_the_whole_file() {
    for row in PURPOSES.rows {
        assert!(!row.need_to_know.is_empty() && row.need_to_know.len() < DataCategory::ALL.len(), "{}", row.purpose);
    }
}

#[test]
fn age_bands_are_contiguous_from_zero() {
    let mut next = 0;
    for band in AGE_RULES.bands {
        assert_eq!(band.from_years, next);
        next = band.until_years.unwrap_or(u32::MAX);
    }
    assert_eq!(next, u32::MAX, "the last band is open-ended");
    let mut next = 0;
    for band in VIR_INFORM.bands {
        assert_eq!(band.from_years, next);
        next = band.until_years.unwrap_or(u32::MAX);
    }
    assert_eq!(next, u32::MAX, "the last Verwijsindex band is open-ended");
}

#[test]
fn where_the_youth_decides_alone_no_label_names_the_parents() {
    for band in AGE_RULES.bands.iter().filter(|b| b.youth_decides_informing) {
        assert!(!band.label.en.contains("parent"), "{}", band.label.en);
        assert!(!band.label.nl.contains("ouder"), "{}", band.label.nl);
    }
    for band in VIR_INFORM.bands.iter().filter(|b| !b.inform.contains(&Party::Parents)) {
        assert!(!band.label.en.contains("parent"), "{}", band.label.en);
        assert!(!band.label.nl.contains("ouder"), "{}", band.label.nl);
    }
}

/// Every text a table puts on a card exists in both languages, and the
/// Dutch one has no English words left in it.
#[test]
fn every_wording_is_dutch_and_english() {
    let mut all: Vec<t::Wording> = Vec::new();
    for row in AGE_RULES.bands.iter().chain([&AGE_RULES.prenatal, &AGE_RULES.unknown]) {
        all.push(row.label);
    }
    for row in VIR_INFORM.bands.iter().chain([&VIR_INFORM.prenatal, &VIR_INFORM.unknown]) {
        all.push(row.label);
    }
    all.push(VIR_INFORM.endangered);
    all.extend(CONFLICT_CHECKLIST.questions.iter().copied());
    all.extend(PURPOSES.rows.iter().filter_map(|r| r.basis));
    all.extend([t::BASIS_CONSENT, t::BASIS_OWN_CARE]);
    for w in all {
        assert!(!w.nl.is_empty() && !w.en.is_empty(), "{w:?}");
        assert_eq!(wegwijs_kit::english_word_in(w.nl), None, "{}", w.nl);
        assert!(wegwijs_kit::english_word_in(w.en).is_none() || w.nl != w.en, "{}", w.en);
    }
}

#[test]
fn cs_vir_row_informs_by_its_own_table_and_carries_contact_details_only() {
    let row = t::rule_for(Purpose::VerwijsindexSignal);
    assert_eq!((row.rule, row.treatment), ("CS-VIR", t::Treatment::Verwijsindex));
    assert_eq!(row.recipients, Some(&[Partner::Verwijsindex][..]));
    assert_eq!(row.need_to_know, [DataCategory::ContactDetails]);
    assert!(row.basis.is_some_and(|b| b.en.contains("7.1.4") && b.en.contains("to be checked")));
    assert!(row.basis.is_some_and(|b| b.nl.contains("7.1.4") && b.nl.contains("nog te controleren")));
    // The youth from 12, the parents under 16.
    let at = |y: u32| VIR_INFORM.bands.iter().find(|b| y >= b.from_years && b.until_years.is_none_or(|u| y < u));
    assert_eq!(at(11).map(|b| b.inform), Some(&[Party::Parents][..]));
    assert_eq!(at(12).map(|b| b.inform), Some(&[Party::Parents, Party::Youth][..]));
    assert_eq!(at(16).map(|b| b.inform), Some(&[Party::Youth][..]));
    assert!(VIR_INFORM.endangered.en.contains("telling-endangers"));
    assert!(VIR_INFORM.endangered.nl.contains("`telling-endangers`"));
    assert!(VIR_INFORM.sources.iter().any(|s| s.name.contains("afdeling 7.1.4") && s.name.contains("to be checked")));
}

#[test]
fn cs_own_care_row_is_the_parents_own_consent_and_the_concern_only() {
    let row = t::rule_for(Purpose::ParentOwnCare);
    assert_eq!((row.rule, row.treatment), ("CS-OWN-CARE", t::Treatment::OwnCare));
    assert_eq!(row.recipients, Some(&[Partner::ParentGgz][..]));
    assert_eq!(row.need_to_know, [DataCategory::ConcernSummary]);
    assert_eq!(OWN_CARE_CONSENT, [Party::ReferredParent]);
    assert!(!t::OWN_CARE_SOURCES.is_empty());
}

#[test]
fn every_table_names_its_sources_and_versions() {
    for sources in [AGE_RULES.sources, PURPOSES.sources, CONFLICT_CHECKLIST.sources, VIR_INFORM.sources] {
        assert!(!sources.is_empty());
        for s in sources {
            assert!(!s.name.is_empty() && !s.version.is_empty());
        }
    }
    assert!(t::JEUGDWET.name.contains("7.3.11"));
    assert!(t::WMO.name.contains("5.2.6"));
    assert!(t::WGBO.name.contains("BW 7:4"));
    assert!(t::KNMG.version.contains("2021"));
}
