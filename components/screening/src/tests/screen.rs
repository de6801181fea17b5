//! The combined card: closed intake, summary line, G-HUMAN, and that every
//! declared rule id is reachable and every cited id is declared.

use alloc::{collections::BTreeSet, string::String, vec};

use wegwijs_types::{
    Action, AcuteIndicator, Domain, Duration, GizConclusion, Impact, InstrumentInput, IntakeCard, IntakeOutcome, Level,
    MeldcodeInput, NoConfig, Reason, SdqInput, SdqVersion, SparkRisk,
};

use super::{acute_intake, answers_for, assert_known_rules, case, cites, config, intake, intake_with_domains, text_of};

#[test]
fn closed_intake_is_not_screened() {
    let closed = IntakeCard {
        outcome: IntakeOutcome::Closed,
        reasons: vec![Reason::new("IN-KINDCHECK", "no children")],
        ..intake(Some(96))
    };
    let mut k = case();
    k.risk_factors = vec![String::from("domestic-violence")];
    let card = crate::screen(&k, &closed, &NoConfig);
    assert_eq!((card.level, card.action), (Level::None, Action::A0));
    assert!(card.risk_card.risk_factors.is_empty() && card.instruments.is_empty() && card.meldcode.is_none());
    let t = text_of(&card.reasons, "PS-LADDER");
    assert!(t.contains("intake closed the signal") && t.contains("IN-KINDCHECK"), "{t}");
    assert_known_rules(&card);
}

#[test]
fn summary_is_one_line_with_the_findings() {
    let mut k = case();
    k.instruments = vec![InstrumentInput::Sdq(SdqInput {
        version: SdqVersion::ParentFourToSeventeen,
        answers: answers_for(5, 4, 5, 4, 9),
    })];
    let card = crate::screen(&k, &intake(Some(96)), &NoConfig);
    assert_eq!(card.summary, "Level concern, action A2: SDQ total 18 (abnormal, parent 4–17)");
    let empty = crate::screen(&case(), &intake(Some(96)), &NoConfig);
    assert_eq!(empty.summary, "Level none, action A0: no risk factors, instrument results or concerns recorded");
    let acute = crate::screen(&case(), &acute_intake(&[AcuteIndicator::WeaponUse]), &NoConfig);
    assert!(
        acute.summary.starts_with("Level safety, action S:") && acute.summary.contains("meldcode melding, acute"),
        "{}",
        acute.summary
    );
    assert!(!acute.summary.contains('\n'));
}

#[test]
fn every_card_says_it_is_a_recommendation() {
    let card = crate::screen(&case(), &intake(Some(96)), &NoConfig);
    assert!(text_of(&card.reasons, "G-HUMAN").contains("recommendation"));
}

#[test]
fn unknown_codes_are_warnings_citing_in_unknown() {
    let mut k = case();
    k.risk_factors = vec!["x".repeat(500)];
    let card = crate::screen(&k, &intake(Some(96)), &NoConfig);
    assert!(cites(&card.warnings, "IN-UNKNOWN"));
    assert!(card.warnings.iter().all(|w| w.text.len() < 400), "echoed codes are truncated");
    assert_eq!(card.risk_card.level, Level::None);
}

/// A spread of cases that together reach every rule id the crate declares.
#[test]
fn every_declared_rule_id_is_reachable_and_every_cited_id_is_declared() {
    let mut cited: BTreeSet<String> = BTreeSet::new();
    let mut record = |card: &wegwijs_types::ScreeningCard| {
        assert_known_rules(card);
        for r in card.reasons.iter().chain(&card.warnings) {
            cited.insert(r.rule.clone());
        }
    };
    let run = |f: &dyn Fn(&mut wegwijs_types::ChildCase), i: IntakeCard| {
        let mut k = case();
        f(&mut k);
        crate::screen(&k, &i, &config(&[]))
    };
    let factors = |codes: &'static [&'static str]| {
        move |k: &mut wegwijs_types::ChildCase| {
            k.risk_factors = codes.iter().map(|s| String::from(*s)).collect();
            k.protective_factors = vec![String::from("social-network"), String::from("bogus")];
        }
    };
    record(&run(&factors(&[]), intake(Some(10))));
    record(&run(&factors(&["poverty"]), intake(Some(10))));
    record(&run(&factors(&["domestic-violence"]), intake(Some(10))));
    record(&run(&factors(&["domestic-violence", "poverty"]), intake(Some(10))));
    record(&run(
        &|k| {
            k.instruments = vec![
                InstrumentInput::Sdq(SdqInput {
                    version: SdqVersion::ParentFourToSeventeen,
                    answers: answers_for(5, 4, 5, 4, 9),
                }),
                InstrumentInput::Giz(GizConclusion::Advies),
            ];
            k.impact = Some(Impact::ALot);
            k.duration = Some(Duration::OverOneYear);
        },
        intake(Some(96)),
    ));
    record(&run(&|k| k.instruments = vec![InstrumentInput::Spark(SparkRisk::Verhoogd)], intake(Some(18))));
    record(&run(&|_| {}, acute_intake(&[AcuteIndicator::Fgm])));
    record(&run(&|k| k.meldcode = Some(input(false, None, None, None)), intake(Some(96))));
    record(&run(&|k| k.meldcode = Some(input(true, Some(false), None, None)), intake(Some(96))));
    record(&run(&|k| k.meldcode = Some(input(true, Some(true), Some(false), None)), intake(Some(96))));
    record(&run(&|k| k.meldcode = Some(input(true, Some(true), Some(true), Some(true))), intake(Some(96))));
    record(&run(&|_| {}, intake_with_domains(96, &[Domain::Safety])));
    record(&run(
        &|k| {
            k.instruments = vec![InstrumentInput::Sdq(SdqInput {
                version: SdqVersion::ParentFourToSeventeen,
                answers: answers_for(5, 4, 5, 4, 9),
            })];
        },
        intake(Some(47)),
    ));
    for id in crate::RULE_IDS {
        assert!(cited.contains(*id), "{id} is declared but never cited");
    }
    assert_eq!(cited.len(), crate::RULE_IDS.len());
    let unique: BTreeSet<&str> = crate::RULE_IDS.iter().copied().collect();
    assert_eq!(unique.len(), crate::RULE_IDS.len());
}

fn input(suspicion: bool, possible: Option<bool>, accepted: Option<bool>, effective: Option<bool>) -> MeldcodeInput {
    MeldcodeInput {
        suspicion,
        structural_unsafety: false,
        help_possible: possible,
        help_accepted: accepted,
        help_effective: effective,
        parents_told: Some(true),
        telling_endangers: false,
    }
}
