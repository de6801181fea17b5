//! Who agreed and who decides (CS-AGE through `kit::Participants`): the
//! G-SHARED, G-HUMAN and meldcode sentences name the people CS-AGE names,
//! a 16+ youth who does not want the parents informed finds no mention of
//! them, and the shared decision follows the meldcode's exception.

use alloc::{string::String, vec};

use wegwijs_types::{
    Action, AcuteIndicator, Domain, Duration, Impact, InstrumentInput, IntakeCard, MeldcodeInput, NoConfig,
    ScreeningCard, SdqInput, SdqVersion,
};

use super::{acute_intake, answers_for, assert_known_rules, case, intake, intake_with_domains, sentences, text_of};

fn abnormal(version: SdqVersion) -> InstrumentInput {
    InstrumentInput::Sdq(SdqInput { version, answers: answers_for(8, 2, 5, 6, 5) })
}

/// Example 06: a 16-year-old who does not want the parents informed, an
/// abnormal self-report with impact and duration, and the youth agrees.
fn sixteen(f: impl Fn(&mut wegwijs_types::ChildCase), i: &IntakeCard) -> ScreeningCard {
    let mut k = case();
    k.youth_objects_to_informing_parents = true;
    k.youth_concerned = true;
    k.impact = Some(Impact::ALot);
    k.duration = Some(Duration::SixToTwelveMonths);
    k.family_agrees_referral = true;
    k.instruments = vec![abnormal(SdqVersion::SelfElevenToSeventeen)];
    f(&mut k);
    let card = crate::screen(&k, i, &NoConfig);
    assert_known_rules(&card);
    card
}

fn assert_no_parent(card: &ScreeningCard) {
    for t in sentences(card) {
        assert!(!t.to_lowercase().contains("parent"), "names the parents: {t}");
    }
}

#[test]
fn a_sixteen_year_old_who_excludes_the_parents_finds_no_mention_of_them() {
    let card = sixteen(|_| {}, &intake_with_domains(200, &[Domain::Psychosocial]));
    assert_eq!(card.action, Action::A3);
    assert_eq!(
        text_of(&card.reasons, "G-SHARED"),
        "The referral was agreed with the youth; choose the partner together with them."
    );
    assert!(text_of(&card.reasons, "G-HUMAN").ends_with("decided together with the youth."));
    assert_no_parent(&card);

    // Without an instrument and with only the parents' concern recorded.
    let card = sixteen(
        |k| {
            k.instruments.clear();
            k.youth_concerned = false;
            k.parents_concerned = true;
        },
        &intake(Some(200)),
    );
    assert_eq!(card.action, Action::A1);
    assert!(text_of(&card.reasons, "PS-LADDER").starts_with("A concern was voiced about the youth"));
    assert_no_parent(&card);

    // On a safety card the meldcode sentences name the youth alone.
    let mut acute = acute_intake(&[AcuteIndicator::Strangulation]);
    acute.age_months = Some(200);
    let card = sixteen(|_| {}, &acute);
    assert_eq!(card.action, Action::S);
    assert!(text_of(&card.reasons, "MC-Q2").contains("record whether the youth was told beforehand"));
    assert_no_parent(&card);
    let card = sixteen(
        |k| {
            k.meldcode = Some(MeldcodeInput {
                suspicion: true,
                structural_unsafety: false,
                help_possible: None,
                help_accepted: None,
                help_effective: None,
                parents_told: Some(true),
                telling_endangers: false,
            })
        },
        &intake_with_domains(200, &[Domain::Safety]),
    );
    let t = text_of(&card.reasons, "MC-STEPS");
    assert!(t.contains("3 talk with the youth (skip only"), "{t}");
    assert_no_parent(&card);
}

#[test]
fn who_decides_follows_cs_age() {
    let with = |months: Option<u32>, objects: bool| {
        let mut k = case();
        k.youth_objects_to_informing_parents = objects;
        let card = crate::screen(&k, &intake(months), &NoConfig);
        text_of(&card.reasons, "G-HUMAN")
    };
    assert!(with(Some(96), false).ends_with("decided together with the parents."));
    assert!(with(Some(150), false).ends_with("decided together with the parents and the youth."));
    assert!(
        with(Some(200), false)
            .ends_with("decided together with the youth (and the parents, unless the youth objects).")
    );
    assert!(with(Some(200), true).ends_with("decided together with the youth."));
    assert!(with(None, false).ends_with("decided together with the expectant parents."));
    // Objecting under 16 changes nothing: CS-AGE lets only a 16+ youth decide.
    assert!(with(Some(150), true).ends_with("decided together with the parents and the youth."));

    let mut k = case();
    k.instruments = vec![abnormal(SdqVersion::SelfElevenToSeventeen)];
    k.impact = Some(Impact::ALot);
    k.duration = Some(Duration::OverOneYear);
    let card = crate::screen(&k, &intake(Some(150)), &NoConfig);
    assert!(text_of(&card.reasons, "G-SHARED").starts_with("Discuss the referral with the parents and the youth:"));
    k.family_agrees_referral = true;
    let card = crate::screen(&k, &intake(Some(150)), &NoConfig);
    assert!(text_of(&card.reasons, "G-SHARED").starts_with("The referral was agreed with the parents and the youth;"));
}

#[test]
fn the_shared_decision_follows_the_meldcode_exception() {
    let mut k = case();
    k.risk_factors = vec![String::from("domestic-violence")];
    k.impact = Some(Impact::ALot);
    k.duration = Some(Duration::OverOneYear);
    k.meldcode = Some(MeldcodeInput {
        suspicion: true,
        structural_unsafety: false,
        help_possible: None,
        help_accepted: None,
        help_effective: None,
        parents_told: Some(false),
        telling_endangers: true,
    });
    let card = crate::screen(&k, &intake(Some(96)), &NoConfig);
    assert_eq!((card.action, card.child_action), (Action::S, Action::A2));
    let shared = text_of(&card.reasons, "G-SHARED");
    assert!(shared.contains("would endanger someone") && !shared.contains("Discuss the referral"), "{shared}");
    assert!(text_of(&card.reasons, "G-HUMAN").contains("once that no longer endangers anyone"));
    assert!(text_of(&card.reasons, "MC-STEPS").contains("3 talk with the parents and the child"));
}
