//! Intake rules case by case against the brief's §1, plus properties over
//! arbitrary input.

use super::*;
use alloc::string::ToString;
use alloc::vec;
use proptest::prelude::*;
use wegwijs_types::{AgeSinceBirth, KindcheckInput, SourceCode};

fn case() -> ChildCase {
    ChildCase {
        pseudonym: "p-test".into(),
        signal_date: "2026-10-05".into(),
        gemeente: None,
        age: Some(born(8, 0)),
        source: SourceCode { code: "intern-begeleider".into(), bds_code: None },
        handler: wegwijs_types::Handler::Jeugdarts,
        concerns: vec![],
        safety_indicators: vec![],
        risk_factors: vec![],
        protective_factors: vec![],
        instruments: vec![],
        parents_concerned: false,
        youth_concerned: false,
        impact: None,
        duration: None,
        family_agrees_referral: false,
        family_declines_warm_handover: false,
        helpers_involved: 0,
        gi_involved: false,
        kindcheck: None,
        meldcode: None,
        consents: vec![],
        youth_objects_to_informing_parents: false,
    }
}

fn born(years: u8, extra_months: u16) -> ChildAge {
    let months = u16::from(years) * 12 + extra_months;
    ChildAge::Born(AgeSinceBirth { days: u32::from(months) * 30, months, years })
}

fn cites(card: &IntakeCard, rule: &str) -> bool {
    card.reasons.iter().any(|r| r.rule == rule)
}

fn warns(card: &IntakeCard, rule: &str) -> bool {
    card.warnings.iter().any(|r| r.rule == rule)
}

#[test]
fn in_source_normalises_kinds_and_aliases() {
    for (code, kind) in [
        ("intern-begeleider", SourceKind::InternBegeleider),
        ("ib", SourceKind::InternBegeleider),
        ("ouder", SourceKind::Parent),
        ("kinderarts", SourceKind::MedischSpecialist),
        ("cjg", SourceKind::SociaalWijkteam),
        ("rvdk", SourceKind::RaadKinderbescherming),
        ("volwassenen-ggz", SourceKind::VolwassenenGgz),
    ] {
        let mut c = case();
        c.source.code = code.into();
        let card = assess(&c);
        assert_eq!(card.source, kind, "{code}");
        assert!(cites(&card, "IN-SOURCE"));
    }
}

#[test]
fn in_source_every_kind_has_its_wit_name() {
    for kind in SourceKind::ALL {
        assert_eq!(tables::source_kind(kind.name()), Some(*kind));
    }
}

#[test]
fn in_source_bds_codes_derived_and_kept() {
    for (code, bds) in [
        ("leerkracht", Some("01")),
        ("kinderopvang", Some("01")),
        ("parent", Some("02")),
        ("huisarts", Some("05")),
        ("volwassenen-ggz", Some("05")),
        ("jeugdverpleegkundige", Some("07")),
        ("veilig-thuis", Some("08")),
        ("raad-kinderbescherming", Some("08")),
        ("youth", None),
    ] {
        let mut c = case();
        c.source.code = code.into();
        assert_eq!(assess(&c).bds_code.as_deref(), bds, "{code}");
    }
    // A given code is kept; a disagreeing one with a warning.
    let mut c = case();
    c.source.code = "leerkracht".into();
    c.source.bds_code = Some("01".into());
    let card = assess(&c);
    assert_eq!(card.bds_code.as_deref(), Some("01"));
    assert!(card.warnings.is_empty());
    c.source.bds_code = Some("02".into());
    let card = assess(&c);
    assert_eq!(card.bds_code.as_deref(), Some("02"));
    assert!(warns(&card, "IN-SOURCE"));
}

#[test]
fn in_unknown_source_and_bds_codes_are_kept_as_warnings() {
    let mut c = case();
    c.source.code = "buurtcoach".into();
    c.source.bds_code = Some("09".into());
    let card = assess(&c);
    assert_eq!(card.source, SourceKind::Other);
    assert_eq!(card.bds_code.as_deref(), Some("09"));
    assert!(card.warnings.iter().any(|w| w.rule == "IN-UNKNOWN" && w.text.contains("buurtcoach")));
    assert!(card.warnings.iter().any(|w| w.rule == "IN-UNKNOWN" && w.text.contains("09")));
}

#[test]
fn in_age_bands_at_every_boundary() {
    let cases = [
        (born(0, 0), Some(AgeBand::ZeroToTwo)),
        (born(1, 11), Some(AgeBand::ZeroToTwo)),
        (born(2, 0), Some(AgeBand::TwoToFour)),
        (born(3, 11), Some(AgeBand::TwoToFour)),
        (born(4, 0), Some(AgeBand::FourToTwelve)),
        (born(11, 11), Some(AgeBand::FourToTwelve)),
        (born(12, 0), Some(AgeBand::TwelveToSixteen)),
        (born(15, 11), Some(AgeBand::TwelveToSixteen)),
        (born(16, 0), Some(AgeBand::SixteenToEighteen)),
        (born(17, 11), Some(AgeBand::SixteenToEighteen)),
        (born(18, 0), Some(AgeBand::EighteenToTwentyThree)),
        (born(22, 11), Some(AgeBand::EighteenToTwentyThree)),
        (born(23, 0), None),
        (ChildAge::Prenatal(Some(30)), Some(AgeBand::Prenatal)),
        (ChildAge::Prenatal(None), Some(AgeBand::Prenatal)),
        (ChildAge::ReportedMonths(47), Some(AgeBand::TwoToFour)),
        (ChildAge::ReportedMonths(48), Some(AgeBand::FourToTwelve)),
    ];
    for (age, band) in cases {
        let mut c = case();
        c.age = Some(age.clone());
        let card = assess(&c);
        assert_eq!(card.age_band, band, "{age:?}");
        if band.is_some() {
            assert!(cites(&card, "IN-AGE"), "{age:?}");
        } else {
            assert!(warns(&card, "IN-AGE"), "{age:?}");
        }
    }
}

#[test]
fn in_age_months_are_passed_on() {
    let mut c = case();
    c.age = Some(born(3, 5));
    assert_eq!(assess(&c).age_months, Some(41));
    c.age = Some(ChildAge::Prenatal(Some(20)));
    assert_eq!(assess(&c).age_months, None);
}

#[test]
fn in_domain_maps_concerns_sorted_and_unique() {
    let mut c = case();
    c.concerns = vec!["school-absence".into(), "debts".into(), "anxiety".into(), "anxiety".into(), "drug-use".into()];
    let card = assess(&c);
    assert_eq!(
        card.domains,
        vec![Domain::Psychosocial, Domain::School, Domain::SubstanceUse, Domain::FamilyCircumstances]
    );
    assert_eq!(card.concerns.len(), 4);
    assert!(cites(&card, "IN-DOMAIN"));
}

#[test]
fn in_domain_every_domain_has_codes() {
    for d in Domain::ALL {
        assert!(tables::CONCERNS.iter().any(|c| c.domain == *d), "{d} has no concern code");
    }
    for c in tables::CONCERNS {
        assert!(is_code(c.code), "{}", c.code);
    }
}

#[test]
fn in_unknown_concern_is_a_warning_not_dropped() {
    let mut c = case();
    c.concerns = vec!["screen-time-excess".into(), "peer-problems".into()];
    let card = assess(&c);
    assert_eq!(card.domains, vec![Domain::Psychosocial]);
    assert!(card.warnings.iter().any(|w| w.rule == "IN-UNKNOWN" && w.text.contains("screen-time-excess")));
}

#[test]
fn in_safety_every_indicator_sets_the_flag() {
    for indicator in AcuteIndicator::ALL {
        let mut c = case();
        c.safety_indicators = vec![indicator.name().to_string()];
        let card = assess(&c);
        assert!(card.safety_flag, "{indicator}");
        assert_eq!(card.acute_indicators, vec![*indicator]);
        assert!(card.domains.contains(&Domain::Safety));
        assert!(cites(&card, "IN-SAFETY") && cites(&card, "MC-Q2"));
    }
}

#[test]
fn in_safety_aliases_and_unknown_codes_fail_safe() {
    let mut c = case();
    c.safety_indicators = vec!["huwelijksdwang".into()];
    assert_eq!(assess(&c).acute_indicators, vec![AcuteIndicator::ForcedMarriage]);
    c.safety_indicators = vec!["something-new".into()];
    let card = assess(&c);
    assert!(card.safety_flag);
    assert!(card.acute_indicators.is_empty());
    assert!(warns(&card, "IN-UNKNOWN"));
    c.safety_indicators = vec![];
    let card = assess(&c);
    assert!(!card.safety_flag && !cites(&card, "IN-SAFETY"));
}

#[test]
fn in_kindcheck_records_children_and_closes_without_them() {
    let mut c = case();
    c.source.code = "volwassenen-ggz".into();
    c.kindcheck = Some(KindcheckInput { children_ages: vec![5, 9], cares_alone: true });
    let card = assess(&c);
    assert_eq!(card.outcome, IntakeOutcome::Accepted);
    assert_eq!(card.kindcheck_children, Some(2));
    assert!(card.domains.contains(&Domain::FamilyCircumstances));
    assert!(
        card.reasons.iter().any(|r| r.rule == "IN-KINDCHECK" && r.text.contains("5, 9") && r.text.contains("alone"))
    );

    c.kindcheck = Some(KindcheckInput { children_ages: vec![], cares_alone: false });
    c.age = None;
    let card = assess(&c);
    assert_eq!(card.outcome, IntakeOutcome::Closed);
    assert!(cites(&card, "IN-KINDCHECK"));

    c.kindcheck = None;
    c.age = Some(born(6, 0));
    assert!(warns(&assess(&c), "IN-KINDCHECK"));
}

#[test]
fn in_minimal_is_always_cited_and_non_codes_are_not_echoed() {
    let mut c = case();
    c.concerns = vec!["Jan de Vries slaat".into()];
    c.source.code = "Mevrouw Jansen".into();
    let card = assess(&c);
    assert!(cites(&card, "IN-MINIMAL"));
    assert!(warns(&card, "IN-MINIMAL"));
    for r in card.reasons.iter().chain(&card.warnings) {
        assert!(!r.text.contains("Jan") && !r.text.contains("Jansen"), "{}", r.text);
    }
    assert!(!card.summary.contains("Jansen"));
}

#[test]
fn every_cited_rule_is_listed() {
    let mut c = case();
    c.concerns = vec!["x-unknown".into(), "anxiety".into()];
    c.safety_indicators = vec!["weapon-use".into()];
    c.source.code = "volwassenen-ggz".into();
    let card = assess(&c);
    for r in card.reasons.iter().chain(&card.warnings) {
        assert!(RULE_IDS.contains(&r.rule.as_str()), "{}", r.rule);
    }
}

proptest! {
    #[test]
    fn arbitrary_input_never_panics_and_never_echoes_non_codes(
        source in "\\PC{0,20}",
        concerns in proptest::collection::vec("\\PC{0,20}", 0..6),
        indicators in proptest::collection::vec("\\PC{0,20}", 0..3),
        months in proptest::option::of(0u16..400),
    ) {
        let mut c = case();
        c.source.code = source.clone();
        c.concerns = concerns.clone();
        c.safety_indicators = indicators.clone();
        c.age = months.map(ChildAge::ReportedMonths);
        let card = assess(&c);
        let mut sorted = card.domains.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(&sorted, &card.domains);
        prop_assert_eq!(card.safety_flag, !indicators.is_empty());
        for value in concerns.iter().chain(&indicators).chain(core::iter::once(&source)) {
            if !is_code(value) && value.chars().count() > 2 {
                for r in card.reasons.iter().chain(&card.warnings) {
                    prop_assert!(!r.text.contains(value.as_str()), "echoed {:?}", value);
                }
            }
        }
    }
}

/// Renders the vocabularies as Markdown; `VOCABULARY.md` must equal it.
fn vocabulary_markdown() -> std::string::String {
    use core::fmt::Write;
    let mut s = std::string::String::new();
    let _ = writeln!(s, "# Intake vocabulary\n");
    let _ = writeln!(s, "Generated from `src/tables.rs` by the test `vocabulary_doc_is_current`;");
    let _ = writeln!(s, "refresh with `BLESS=1 cargo test -p wegwijs-intake`. Codes are lower-case");
    let _ = writeln!(s, "letters, digits and dashes; unknown codes are kept and reported as warnings (IN-UNKNOWN).\n");
    let _ = writeln!(s, "## Sources (IN-SOURCE)\n\n{} {}\n", tables::SOURCE_TABLE.name, tables::SOURCE_TABLE.version);
    let _ = writeln!(s, "| code | also accepted | BDS 40.411 |\n|---|---|---|");
    for kind in SourceKind::ALL {
        let aliases: Vec<&str> = tables::SOURCE_ALIASES.iter().filter(|(_, k)| k == kind).map(|(a, _)| *a).collect();
        let _ =
            writeln!(s, "| `{}` | {} | {} |", kind.name(), aliases.join(", "), tables::bds_for(*kind).unwrap_or("—"));
    }
    let _ = writeln!(s, "\n## BDS initiator codes\n\n{} ({})\n", tables::BDS_TABLE.name, tables::BDS_TABLE.version);
    let _ = writeln!(s, "| code | meaning |\n|---|---|");
    for (code, meaning) in tables::BDS_CODES {
        let _ = writeln!(s, "| `{code}` | {meaning} |");
    }
    let _ =
        writeln!(s, "\n## Concerns (IN-DOMAIN)\n\n{} {}\n", tables::CONCERN_TABLE.name, tables::CONCERN_TABLE.version);
    let _ = writeln!(s, "| code | domain | meaning |\n|---|---|---|");
    for c in tables::CONCERNS {
        let _ = writeln!(s, "| `{}` | {} | {} |", c.code, c.domain, c.description);
    }
    let _ = writeln!(
        s,
        "\n## Acute-unsafety indicators (IN-SAFETY, MC-Q2)\n\n{} ({})\n",
        tables::ACUTE_TABLE.name,
        tables::ACUTE_TABLE.version
    );
    let _ = writeln!(s, "Any code in `safety_indicators` sets the safety flag, a recognised one or not:");
    let _ = writeln!(s, "the sender marked it as acute, and a missed melding costs more than an extra check.\n");
    let _ = writeln!(s, "| code | also accepted |\n|---|---|");
    for i in AcuteIndicator::ALL {
        let aliases: Vec<&str> = tables::ACUTE_ALIASES.iter().filter(|(_, k)| k == i).map(|(a, _)| *a).collect();
        let _ = writeln!(s, "| `{}` | {} |", i.name(), aliases.join(", "));
    }
    s
}

#[test]
fn vocabulary_doc_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("VOCABULARY.md");
    let generated = vocabulary_markdown();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "VOCABULARY.md is out of date; refresh with `BLESS=1 cargo test -p wegwijs-intake`"
    );
}
