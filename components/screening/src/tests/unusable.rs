//! PS-UNUSABLE: a result outside its age range, in the wrong SDQ version for
//! the age, or without a scorable total is never read as normal; it neither
//! lowers nor raises the level, and when it is the only evidence the card
//! says insufficient information (level unknown, action reassess).

use alloc::{string::String, vec, vec::Vec};

use wegwijs_types::{
    Action, AcuteIndicator, AgeBand, Band, Domain, GizConclusion, InstrumentInput, InstrumentKind, IntakeCard, Level,
    MeldcodeConclusion, MeldcodeInput, NoConfig, ScreeningCard, SdqInput, SdqVersion, SparkRisk, UnusableReason,
};

use super::{
    acute_intake, answers_for, assert_known_rules, assert_no_reassurance, case, cites, intake, intake_with_domains,
    text_of,
};
use crate::instruments::{self, INSTRUMENT_WINDOWS, UNUSABLE, find_window, versions_for_age};

fn sdq(version: SdqVersion, answers: Vec<Option<u8>>) -> InstrumentInput {
    InstrumentInput::Sdq(SdqInput { version, answers })
}

fn screen(instruments: Vec<InstrumentInput>, intake_card: &IntakeCard) -> ScreeningCard {
    let mut k = case();
    k.instruments = instruments;
    let card = crate::screen(&k, intake_card, &NoConfig);
    assert_known_rules(&card);
    card
}

/// Answers with the emotional scale left at two of its five items.
fn incomplete() -> Vec<Option<u8>> {
    let mut a = answers_for(2, 2, 2, 2, 8);
    for item in [3, 8, 13] {
        a[item - 1] = None;
    }
    a
}

fn unusable(card: &ScreeningCard) -> Vec<Option<UnusableReason>> {
    card.instruments.iter().map(|r| r.unusable).collect()
}

#[test]
fn the_issue_case_an_abnormal_sdq_4_17_at_47_months_is_insufficient_information() {
    // Total 27 on the 4–17 version for a child of 3 years 11 months.
    let card = screen(vec![sdq(SdqVersion::ParentFourToSeventeen, answers_for(8, 7, 8, 4, 5))], &intake(Some(47)));
    let r = &card.instruments[0];
    assert_eq!(
        (r.instrument, r.valid, r.level, r.band, r.sdq.is_none(), r.unusable),
        (InstrumentKind::Sdq, false, None, None, true, Some(UnusableReason::WrongVersion))
    );
    assert_eq!((card.level, card.action, card.child_action), (Level::Unknown, Action::Reassess, Action::Reassess));
    assert!(card.summary.starts_with("Level unknown, action reassess: SDQ parent 4–17 could not be used"));
    let w = text_of(&card.warnings, "PS-UNUSABLE");
    assert!(
        w.contains("SDQ parent 4–17 could not be used (the wrong version for this age)")
            && w.contains("47 months")
            && w.contains("SDQ parent 2–4 (24–59 months) is the version for this age")
            && w.contains("neither lowers nor raises the level")
            && w.contains("use the version for this age: SDQ parent 2–4"),
        "{w}"
    );
    let t = text_of(&card.reasons, "PS-UNUSABLE");
    assert!(t.contains("Level unknown, action reassess") && t.contains("not A0") && t.contains("assess again"), "{t}");
    assert!(!cites(&card.reasons, "PS-LADDER"), "the ladder has no rung for an unusable result");
    assert_no_reassurance(&card);
}

#[test]
fn wrong_version_comes_from_the_window_table() {
    // (version, age): an SDQ version outside its window while another SDQ
    // version's window holds the age.
    for (version, months) in [
        (SdqVersion::ParentFourToSeventeen, 47),
        (SdqVersion::TeacherFourToSeventeen, 36),
        (SdqVersion::SelfElevenToSeventeen, 120),
        (SdqVersion::ParentTwoToFour, 70),
    ] {
        let card = screen(vec![sdq(version, answers_for(1, 1, 1, 1, 9))], &intake(Some(months)));
        assert_eq!(unusable(&card), [Some(UnusableReason::WrongVersion)], "{version:?} at {months}");
        let win = find_window(instruments::window_id(&sdq(version, Vec::new()))).unwrap();
        let others = versions_for_age(win, Some(months));
        assert!(!others.is_empty() && others.iter().all(|w| w.kind == InstrumentKind::Sdq && w.contains(months)));
        let w = text_of(&card.warnings, "PS-UNUSABLE");
        for other in others {
            assert!(w.contains(other.label.en), "{w}");
        }
    }
    // No SDQ version holds 19 years: the instrument is outside its age range.
    let card = screen(vec![sdq(SdqVersion::SelfElevenToSeventeen, answers_for(1, 1, 1, 1, 9))], &intake(Some(230)));
    assert_eq!(unusable(&card), [Some(UnusableReason::OutsideAgeRange)]);
    // Only the SDQ has versions in the table.
    for w in INSTRUMENT_WINDOWS.windows.iter().filter(|w| w.kind != InstrumentKind::Sdq) {
        assert_eq!(INSTRUMENT_WINDOWS.windows.iter().filter(|x| x.kind == w.kind).count(), 1, "{}", w.id);
    }
}

#[test]
fn an_instrument_outside_its_age_range_names_the_instrument_for_the_age() {
    let card = screen(vec![InstrumentInput::Spark(SparkRisk::Hoog)], &intake(Some(64)));
    assert_eq!(unusable(&card), [Some(UnusableReason::OutsideAgeRange)]);
    assert_eq!((card.level, card.action), (Level::Unknown, Action::Reassess));
    let w = text_of(&card.warnings, "PS-UNUSABLE");
    assert!(
        w.contains("SPARK could not be used (used outside its age range)")
            && w.contains("12–29 months")
            && w.contains("use the instrument the guideline names for this age: the SDQ parent 4–17"),
        "{w}"
    );
    // PS-INSTRUMENT still reports the window, as before.
    assert!(cites(&card.warnings, "PS-INSTRUMENT"));
    assert_no_reassurance(&card);
}

#[test]
fn before_birth_or_at_an_unknown_age_no_window_can_hold_the_result() {
    let card = screen(vec![InstrumentInput::Giz(GizConclusion::ZorgNu)], &intake(None));
    assert_eq!(unusable(&card), [Some(UnusableReason::OutsideAgeRange)]);
    assert!(text_of(&card.warnings, "PS-UNUSABLE").contains("before birth"));
    let unknown = IntakeCard { age_band: None, ..intake(None) };
    let card = screen(vec![InstrumentInput::Giz(GizConclusion::ZorgNu)], &unknown);
    assert_eq!(unusable(&card), [Some(UnusableReason::OutsideAgeRange)]);
    let w = text_of(&card.warnings, "PS-UNUSABLE");
    assert!(w.contains("the age is unknown") && w.contains("record the age first"), "{w}");
    assert_eq!(IntakeCard { age_band: Some(AgeBand::Prenatal), ..intake(None) }.age_months, None);
}

#[test]
fn an_sdq_whose_total_cannot_be_scored_is_incomplete_and_keeps_its_partial_scales() {
    let card = screen(vec![sdq(SdqVersion::ParentFourToSeventeen, incomplete())], &intake(Some(96)));
    let r = &card.instruments[0];
    assert_eq!((r.valid, r.level, r.band, r.unusable), (false, None, None, Some(UnusableReason::Incomplete)));
    let scores = r.sdq.as_ref().expect("the partial scales stay on the card");
    assert!(scores.emotional.is_none() && scores.total.is_none() && scores.conduct.is_some());
    assert_eq!((card.level, card.action), (Level::Unknown, Action::Reassess));
    let w = text_of(&card.warnings, "PS-UNUSABLE");
    assert!(
        w.contains("the emotional scale has fewer than 3 of its 5 items answered")
            && w.contains("complete the missing items"),
        "{w}"
    );
    // Before this rule the card said "valid" and "normal": it must not now.
    assert!(!text_of(&card.reasons, "PS-INSTRUMENT").contains("No valid instrument result was supplied"));
    assert_no_reassurance(&card);
}

#[test]
fn two_missing_scales_are_named_together() {
    let mut a = incomplete();
    for item in [6, 11, 14] {
        a[item - 1] = None;
    }
    let card = screen(vec![sdq(SdqVersion::ParentFourToSeventeen, a)], &intake(Some(96)));
    let w = text_of(&card.warnings, "PS-UNUSABLE");
    assert!(w.contains("the emotional and peer scales have fewer than 3 of their 5 items answered"), "{w}");
}

#[test]
fn a_missing_prosocial_scale_leaves_the_result_usable() {
    let mut a = answers_for(2, 2, 2, 2, 8);
    for item in [1, 4, 9] {
        a[item - 1] = None;
    }
    let card = screen(vec![sdq(SdqVersion::ParentFourToSeventeen, a)], &intake(Some(96)));
    assert_eq!(unusable(&card), [None]);
    assert!(card.instruments[0].valid);
}

#[test]
fn the_wrong_number_of_answers_is_incomplete() {
    let card = screen(vec![sdq(SdqVersion::ParentFourToSeventeen, vec![Some(1); 24])], &intake(Some(96)));
    let r = &card.instruments[0];
    assert_eq!((r.valid, r.sdq.is_none(), r.unusable), (false, true, Some(UnusableReason::Incomplete)));
    assert!(text_of(&card.warnings, "PS-UNUSABLE").contains("24 answers instead of 25"));
}

#[test]
fn other_evidence_carries_the_level_and_the_warning_stays() {
    let unusable_sdq = || vec![sdq(SdqVersion::ParentFourToSeventeen, incomplete())];
    // A concern of the parents.
    let mut k = case();
    k.instruments = unusable_sdq();
    k.parents_concerned = true;
    let card = crate::screen(&k, &intake(Some(96)), &NoConfig);
    assert_eq!((card.level, card.action), (Level::None, Action::A1));
    assert!(cites(&card.warnings, "PS-UNUSABLE"));
    let t = text_of(&card.reasons, "PS-LADDER");
    assert!(
        t.contains("The parents voiced a concern") && t.contains("could not be used and counts neither way"),
        "{t}"
    );
    assert_no_reassurance(&card);
    // A concern domain from intake.
    let card = screen(unusable_sdq(), &intake_with_domains(96, &[Domain::Psychosocial]));
    assert_eq!((card.level, card.action), (Level::Attention, Action::A1));
    assert_no_reassurance(&card);
    // A risk factor.
    let mut k = case();
    k.instruments = unusable_sdq();
    k.risk_factors = vec![String::from("poverty")];
    let card = crate::screen(&k, &intake(Some(96)), &NoConfig);
    assert_eq!((card.level, card.action), (Level::Attention, Action::A1));
    assert!(cites(&card.warnings, "PS-UNUSABLE") && !cites(&card.reasons, "RK-NONE"));
    // A valid instrument beside it.
    let card = screen(
        vec![sdq(SdqVersion::TeacherFourToSeventeen, incomplete()), InstrumentInput::Giz(GizConclusion::Advies)],
        &intake(Some(96)),
    );
    assert_eq!((card.level, card.action), (Level::Attention, Action::A1));
    assert_eq!(card.instruments.iter().map(|r| r.valid).collect::<Vec<_>>(), [false, true]);
}

#[test]
fn an_unusable_result_neither_lowers_nor_raises_the_level() {
    // Abnormal on a valid SDQ stays concern beside an unusable one.
    let card = screen(
        vec![
            sdq(SdqVersion::SelfElevenToSeventeen, answers_for(9, 9, 9, 9, 0)),
            sdq(SdqVersion::ParentFourToSeventeen, answers_for(5, 4, 5, 4, 9)),
        ],
        &intake(Some(96)),
    );
    assert_eq!(unusable(&card), [Some(UnusableReason::WrongVersion), None]);
    assert_eq!((card.level, card.action), (Level::Concern, Action::A2));
    assert_eq!(card.instruments[1].band, Some(Band::Abnormal));
}

#[test]
fn beside_a_valid_normal_result_the_action_is_reassess_not_a0() {
    let card = screen(
        vec![
            sdq(SdqVersion::ParentFourToSeventeen, answers_for(1, 1, 1, 1, 9)),
            sdq(SdqVersion::TeacherFourToSeventeen, incomplete()),
        ],
        &intake(Some(96)),
    );
    assert_eq!((card.level, card.action, card.child_action), (Level::None, Action::Reassess, Action::Reassess));
    let t = text_of(&card.reasons, "PS-UNUSABLE");
    assert!(t.contains("SDQ teacher 4–17 (incomplete") && t.contains("no conclusion about the child yet"), "{t}");
    assert!(t.contains("action reassess rather than A0"), "{t}");
    assert!(text_of(&card.reasons, "RK-NONE").contains("cannot stand in for the instrument result"));
    assert_no_reassurance(&card);
}

#[test]
fn on_a_safety_card_an_unusable_result_makes_the_childs_own_action_reassess() {
    let mut k = case();
    k.instruments = vec![sdq(SdqVersion::ParentFourToSeventeen, incomplete())];
    let card = crate::screen(&k, &acute_intake(&[AcuteIndicator::Strangulation]), &NoConfig);
    assert_eq!((card.level, card.action, card.child_action), (Level::Safety, Action::S, Action::Reassess));
    let t = text_of(&card.reasons, "PS-UNUSABLE");
    assert!(t.contains("beside the safety track") && t.contains("follows the safety track"), "{t}");
    assert!(text_of(&card.reasons, "IN-SAFETY").contains("reassess"));
    assert_no_reassurance(&card);
}

#[test]
fn a_closed_meldcode_track_does_not_carry_a_level() {
    let mut k = case();
    k.instruments = vec![sdq(SdqVersion::ParentFourToSeventeen, incomplete())];
    k.meldcode = Some(MeldcodeInput {
        suspicion: false,
        structural_unsafety: false,
        help_possible: None,
        help_accepted: None,
        help_effective: None,
        parents_told: None,
        telling_endangers: false,
    });
    let card = crate::screen(&k, &intake(Some(96)), &NoConfig);
    assert_eq!(card.meldcode.as_ref().map(|m| m.conclusion), Some(MeldcodeConclusion::Close));
    assert_eq!((card.level, card.action), (Level::Unknown, Action::Reassess));
    assert_no_reassurance(&card);
}

#[test]
fn the_unusable_table_has_one_row_per_reason() {
    for reason in UnusableReason::ALL {
        let rows = UNUSABLE.rows.iter().filter(|r| r.reason == *reason).count();
        assert_eq!(rows, 1, "{reason:?}");
    }
    assert!(UNUSABLE.guideline.version.contains("2016"));
    assert!(crate::RULE_IDS.contains(&"PS-UNUSABLE"));
}
