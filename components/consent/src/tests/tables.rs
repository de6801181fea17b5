//! The tables themselves: complete, consistent with the rule ids, and
//! carrying their sources.

use crate::RULE_IDS;
use crate::tables::{self as t, AGE_RULES, CONFLICT_CHECKLIST, PURPOSES};
use wegwijs_types::{DataCategory, Purpose, is_well_formed_rule_id};

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
        assert_eq!(row.basis.is_some(), !matches!(row.treatment, t::Treatment::School | t::Treatment::Default));
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
}

#[test]
fn every_table_names_its_sources_and_versions() {
    for sources in [AGE_RULES.sources, PURPOSES.sources, CONFLICT_CHECKLIST.sources] {
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
