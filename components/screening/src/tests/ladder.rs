//! PS-LADDER and G-SHARED: from normal to referral, and the configurable
//! referral threshold.

use alloc::{string::String, vec};

use wegwijs_types::{Action, Duration, GizConclusion, Impact, InstrumentInput, Level, NoConfig, SdqInput, SdqVersion};

use super::{answers_for, case, cites, config, intake, text_of};

fn sdq_case(e: u8, c: u8, h: u8, p: u8) -> wegwijs_types::ChildCase {
    let mut k = case();
    k.instruments = vec![InstrumentInput::Sdq(SdqInput {
        version: SdqVersion::ParentFourToSeventeen,
        answers: answers_for(e, c, h, p, 9),
    })];
    k
}

#[test]
fn normal_and_no_concern_is_a0() {
    let card = crate::screen(&sdq_case(1, 1, 1, 1), &intake(Some(96)), &NoConfig);
    assert_eq!((card.level, card.action), (Level::None, Action::A0));
    let t = text_of(&card.reasons, "PS-LADDER");
    assert!(t.contains("A0") && t.contains("default"), "{t}");
}

#[test]
fn normal_with_parent_or_youth_concern_is_a1() {
    let mut k = sdq_case(1, 1, 1, 1);
    k.parents_concerned = true;
    let card = crate::screen(&k, &intake(Some(96)), &NoConfig);
    assert_eq!(card.action, Action::A1);
    assert!(text_of(&card.reasons, "PS-LADDER").contains("parents voiced a concern"));
    let mut k = sdq_case(1, 1, 1, 1);
    k.youth_concerned = true;
    assert_eq!(crate::screen(&k, &intake(Some(96)), &NoConfig).action, Action::A1);
}

#[test]
fn borderline_is_a1() {
    let card = crate::screen(&sdq_case(4, 4, 4, 3), &intake(Some(96)), &NoConfig);
    assert_eq!((card.level, card.action), (Level::Attention, Action::A1));
}

#[test]
fn abnormal_with_unclear_picture_is_a2() {
    let card = crate::screen(&sdq_case(5, 4, 5, 4), &intake(Some(96)), &NoConfig);
    assert_eq!((card.level, card.action), (Level::Concern, Action::A2));
    assert!(text_of(&card.reasons, "PS-LADDER").contains("unclear picture"));
}

#[test]
fn abnormal_with_impact_duration_and_agreement_is_a3() {
    let mut k = sdq_case(5, 4, 5, 4);
    k.impact = Some(Impact::ALot);
    k.duration = Some(Duration::OverOneYear);
    k.family_agrees_referral = true;
    let card = crate::screen(&k, &intake(Some(96)), &NoConfig);
    assert_eq!(card.action, Action::A3);
    assert!(cites(&card.reasons, "G-SHARED"));
    assert_eq!(card.summary, "Level concern, action A3: SDQ total 18 (abnormal, parent 4–17)");
}

#[test]
fn abnormal_with_impact_and_duration_but_no_agreement_is_a2_discuss() {
    let mut k = sdq_case(5, 4, 5, 4);
    k.impact = Some(Impact::Quite);
    k.duration = Some(Duration::SixToTwelveMonths);
    let card = crate::screen(&k, &intake(Some(96)), &NoConfig);
    assert_eq!(card.action, Action::A2);
    let t = text_of(&card.reasons, "G-SHARED");
    assert!(t.contains("Discuss the referral with the parents:") && t.contains("waits for their agreement"), "{t}");
}

#[test]
fn short_duration_or_little_impact_is_not_a_referral() {
    let mut k = sdq_case(5, 4, 5, 4);
    k.impact = Some(Impact::ALittle);
    k.duration = Some(Duration::OverOneYear);
    k.family_agrees_referral = true;
    assert_eq!(crate::screen(&k, &intake(Some(96)), &NoConfig).action, Action::A2);
    k.impact = Some(Impact::ALot);
    k.duration = Some(Duration::OneToFiveMonths);
    assert_eq!(crate::screen(&k, &intake(Some(96)), &NoConfig).action, Action::A2);
}

#[test]
fn risk_card_concern_is_at_least_a2() {
    let mut k = case();
    k.risk_factors = vec![String::from("parent-addiction")];
    let card = crate::screen(&k, &intake(Some(10)), &NoConfig);
    assert_eq!((card.level, card.action), (Level::Concern, Action::A2));
    assert!(text_of(&card.reasons, "PS-LADDER").contains("risk card"));
}

#[test]
fn overall_level_is_the_maximum() {
    let mut k = case();
    k.risk_factors = vec![String::from("poverty")];
    k.instruments = vec![InstrumentInput::Giz(GizConclusion::IntensieveZorg)];
    let card = crate::screen(&k, &intake(Some(10)), &NoConfig);
    assert_eq!((card.level, card.action), (Level::High, Action::A2));
    assert_eq!(card.risk_card.level, Level::Attention);
}

#[test]
fn region_can_configure_the_referral_threshold() {
    let cfg = config(&[
        ("screening.ladder.referral-impact", "a-little, quite, a-lot"),
        ("screening.ladder.referral-duration", "one-to-five-months,bogus"),
    ]);
    let mut k = sdq_case(5, 4, 5, 4);
    k.impact = Some(Impact::ALittle);
    k.duration = Some(Duration::OneToFiveMonths);
    k.family_agrees_referral = true;
    let card = crate::screen(&k, &intake(Some(96)), &cfg);
    assert_eq!(card.action, Action::A3);
    assert!(text_of(&card.reasons, "PS-LADDER").contains("configured"));
    assert!(text_of(&card.warnings, "PS-LADDER").contains("bogus"));
}
