//! RK-*: levels, red set (default and region), balance, no diagnosis, and
//! unknown codes (IN-UNKNOWN).

use alloc::{string::String, vec::Vec};

use wegwijs_types::{Language, Level, NoConfig, RegionConfig, RiskDomain};

use super::{case, cites, config, intake, text_of};
use crate::risk_card::{self, PROTECTIVE_FACTORS, RISK_FACTORS, RiskAssessment};

fn assess(risks: &[&str], protective: &[&str], cfg: &dyn RegionConfig) -> RiskAssessment {
    let mut c = case();
    c.risk_factors = risks.iter().map(|s| String::from(*s)).collect();
    c.protective_factors = protective.iter().map(|s| String::from(*s)).collect();
    risk_card::assess(&c, cfg, Language::En)
}

#[test]
fn tables_are_versioned_kebab_case_and_unique() {
    assert!((25..=35).contains(&RISK_FACTORS.factors.len()));
    assert!(RISK_FACTORS.guideline.version.contains("2021"));
    let mut codes: Vec<&str> =
        RISK_FACTORS.factors.iter().map(|f| f.code).chain(PROTECTIVE_FACTORS.factors.iter().map(|f| f.code)).collect();
    for c in &codes {
        assert!(!c.is_empty() && c.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{c}");
    }
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), n, "duplicate code");
    for d in RiskDomain::ALL {
        assert!(RISK_FACTORS.factors.iter().any(|f| f.domain == *d));
    }
    let red: Vec<&str> = RISK_FACTORS.factors.iter().filter(|f| f.red).map(|f| f.code).collect();
    assert_eq!(
        red,
        ["parent-psychiatric-crisis", "parent-addiction", "domestic-violence", "parent-aces-with-symptoms"]
    );
}

#[test]
fn no_factors_is_level_none() {
    let a = assess(&[], &[], &NoConfig);
    assert_eq!(a.card.level, Level::None);
    assert!(cites(&a.reasons, "RK-NONE"));
    assert!(cites(&a.reasons, "RK-BALANCE"));
    assert!(!cites(&a.reasons, "RK-NO-DIAGNOSIS"));
}

#[test]
fn one_to_three_non_red_is_attention() {
    for risks in [&["poverty"][..], &["poverty", "prematurity", "parental-stress"][..]] {
        let a = assess(risks, &[], &NoConfig);
        assert_eq!(a.card.level, Level::Attention);
        assert!(cites(&a.reasons, "RK-FEW"));
        assert!(cites(&a.reasons, "RK-NO-DIAGNOSIS"));
    }
}

#[test]
fn four_in_one_domain_is_concern() {
    let a = assess(
        &["parental-stress", "unwanted-pregnancy", "low-parenting-confidence", "parental-conflict"],
        &[],
        &NoConfig,
    );
    assert_eq!(a.card.level, Level::Concern);
    let t = text_of(&a.reasons, "RK-ONE-DOMAIN");
    assert!(t.contains("parent-family") && t.contains("wijkteam") && t.contains("helpers"), "{t}");
}

#[test]
fn four_over_two_domains_is_high() {
    let a = assess(&["parental-stress", "unwanted-pregnancy", "poverty", "poor-housing"], &[], &NoConfig);
    assert_eq!(a.card.level, Level::High);
    let t = text_of(&a.reasons, "RK-MULTI-DOMAIN");
    assert!(t.contains("Infant Mental Health") && t.contains("parent-family and environment"), "{t}");
}

#[test]
fn one_red_factor_alone_is_concern_and_named_as_default_red() {
    let a = assess(&["domestic-violence"], &[], &NoConfig);
    assert_eq!(a.card.level, Level::Concern);
    assert!(a.card.risk_factors[0].red);
    assert!(cites(&a.reasons, "RK-ONE-DOMAIN"));
    let t = text_of(&a.reasons, "RK-RED");
    assert!(
        t.contains("domestic-violence") && t.contains("default red set") && t.contains("configurable default"),
        "{t}"
    );
    assert!(a.card.table.contains("default red set"));
    assert!(a.card.table.contains("2021"));
}

#[test]
fn red_factor_with_a_factor_in_another_domain_is_high() {
    let a = assess(&["parent-addiction", "prematurity"], &[], &NoConfig);
    assert_eq!(a.card.level, Level::High);
    assert!(cites(&a.reasons, "RK-MULTI-DOMAIN"));
}

#[test]
fn region_red_set_replaces_the_default() {
    let cfg = config(&[("screening.red-factors", "poverty, Debts")]);
    let a = assess(&["poverty"], &[], &cfg);
    assert_eq!(a.card.level, Level::Concern);
    assert!(a.card.risk_factors[0].red);
    assert!(a.card.table.contains("region red set"));
    assert!(text_of(&a.reasons, "RK-RED").contains("region's red set"));
    let a = assess(&["domestic-violence"], &[], &cfg);
    assert_eq!(a.card.level, Level::Attention);
    assert!(!a.card.risk_factors[0].red);
}

#[test]
fn region_red_set_of_unknown_codes_keeps_the_default() {
    let cfg = config(&[("screening.red-factors", "nonsense")]);
    let a = assess(&["domestic-violence"], &[], &cfg);
    assert_eq!(a.card.level, Level::Concern);
    assert!(text_of(&a.warnings, "IN-UNKNOWN").contains("nonsense"));
    assert!(cites(&a.warnings, "RK-RED"));
    assert!(a.card.table.contains("default red set"));
}

#[test]
fn unknown_codes_are_warned_and_not_counted() {
    let a = assess(&["poverty", "moon-phase"], &["sunshine"], &NoConfig);
    assert_eq!(a.card.risk_factors.len(), 1);
    assert!(a.card.protective_factors.is_empty());
    let w = text_of(&a.warnings, "IN-UNKNOWN");
    assert!(w.contains("moon-phase") && w.contains("sunshine") && w.contains("not counted"), "{w}");
}

#[test]
fn duplicates_and_case_count_once() {
    let a = assess(&["Poverty", " poverty ", "poverty"], &["social-network", "SOCIAL-NETWORK"], &NoConfig);
    assert_eq!(a.card.risk_factors.len(), 1);
    assert_eq!(a.card.protective_factors, ["social-network"]);
    assert!(a.warnings.is_empty());
}

#[test]
fn protective_factors_are_listed_beside_never_subtracted() {
    let a = assess(
        &["parental-stress", "unwanted-pregnancy", "low-parenting-confidence", "parental-conflict"],
        &[
            "parent-good-health",
            "parenting-confidence",
            "warm-authoritative-parenting",
            "accepts-support",
            "positive-own-history",
            "finished-education",
        ],
        &NoConfig,
    );
    assert_eq!(a.card.level, Level::Concern);
    assert_eq!(a.card.protective_factors.len(), 6);
    let t = text_of(&a.reasons, "RK-BALANCE");
    assert!(
        t.contains("4 risk factors (") && t.contains("6 protective factors (") && t.contains("never netted"),
        "{t}"
    );
}

#[test]
fn no_diagnosis_whenever_factors_are_present() {
    let a = assess(&[], &["social-network"], &NoConfig);
    assert!(text_of(&a.reasons, "RK-NO-DIAGNOSIS").contains("not an attachment classification"));
    let card = crate::screen(
        &{
            let mut c = case();
            c.risk_factors = alloc::vec!["poverty".into()];
            c
        },
        &intake(Some(10)),
        &NoConfig,
    );
    assert!(cites(&card.reasons, "RK-NO-DIAGNOSIS"));
}
