//! MC-*: the safety track along the afwegingskader.

use alloc::{string::String, vec};

use wegwijs_types::{
    Action, AcuteIndicator, Domain, IntakeCard, Level, MeldcodeConclusion, MeldcodeInput, NoConfig, ScreeningCard,
};

use super::{acute_intake, case, cites, intake, intake_with_domains, text_of};

fn input() -> MeldcodeInput {
    MeldcodeInput {
        suspicion: true,
        structural_unsafety: false,
        help_possible: None,
        help_accepted: None,
        help_effective: None,
        parents_told: None,
        telling_endangers: false,
    }
}

fn run(m: Option<MeldcodeInput>, intake_card: &IntakeCard) -> ScreeningCard {
    let mut k = case();
    k.meldcode = m;
    crate::screen(&k, intake_card, &NoConfig)
}

fn conclusion(card: &ScreeningCard) -> (MeldcodeConclusion, bool, u8) {
    let m = card.meldcode.as_ref().unwrap();
    (m.conclusion, m.acute, m.next_step)
}

#[test]
fn no_safety_signal_has_no_meldcode_card() {
    assert!(run(None, &intake(Some(96))).meldcode.is_none());
}

#[test]
fn acute_is_an_immediate_melding() {
    let card = run(None, &acute_intake(&[AcuteIndicator::Strangulation]));
    assert_eq!(conclusion(&card), (MeldcodeConclusion::Melding, true, 5));
    assert_eq!((card.level, card.action), (Level::Safety, Action::S));
    let t = text_of(&card.reasons, "MC-Q2");
    assert!(t.contains("immediate") && t.contains("questions 3–5") && t.contains("strangulation"), "{t}");
    assert!(!card.meldcode.unwrap().veilig_thuis_at_step_two);
}

#[test]
fn honour_forced_marriage_and_fgm_call_veilig_thuis_at_step_two() {
    for ind in [AcuteIndicator::HonourRevenge, AcuteIndicator::ForcedMarriage, AcuteIndicator::Fgm] {
        let card = run(None, &acute_intake(&[ind]));
        assert!(card.meldcode.as_ref().unwrap().veilig_thuis_at_step_two);
        assert!(text_of(&card.reasons, "MC-STEPS").contains(ind.name()));
    }
}

#[test]
fn no_suspicion_closes() {
    let card = run(Some(MeldcodeInput { suspicion: false, ..input() }), &intake(Some(96)));
    assert_eq!(conclusion(&card).0, MeldcodeConclusion::Close);
    assert!(cites(&card.reasons, "MC-Q1"));
    assert_ne!(card.action, Action::S);
    assert_eq!(card.level, Level::None);
}

#[test]
fn structural_unsafety_is_a_melding_not_acute() {
    let card = run(Some(MeldcodeInput { structural_unsafety: true, ..input() }), &intake(Some(96)));
    assert_eq!(conclusion(&card), (MeldcodeConclusion::Melding, false, 5));
    assert!(text_of(&card.reasons, "MC-Q2").contains("Structural"));
    assert_eq!((card.level, card.action), (Level::Safety, Action::S));
}

#[test]
fn help_not_possible_is_a_melding() {
    let card = run(Some(MeldcodeInput { help_possible: Some(false), ..input() }), &intake(Some(96)));
    assert_eq!(conclusion(&card).0, MeldcodeConclusion::Melding);
    assert!(cites(&card.reasons, "MC-Q3"));
}

#[test]
fn help_not_accepted_is_a_melding() {
    let card = run(
        Some(MeldcodeInput {
            help_possible: Some(true),
            help_accepted: Some(false),
            telling_endangers: true,
            ..input()
        }),
        &intake(Some(96)),
    );
    assert_eq!(conclusion(&card).0, MeldcodeConclusion::Melding);
    assert!(text_of(&card.reasons, "MC-Q4").contains("endanger"));
}

#[test]
fn help_not_effective_is_a_melding_again() {
    let card = run(
        Some(MeldcodeInput {
            help_possible: Some(true),
            help_accepted: Some(true),
            help_effective: Some(false),
            ..input()
        }),
        &intake(Some(96)),
    );
    assert_eq!(conclusion(&card).0, MeldcodeConclusion::Melding);
    assert!(text_of(&card.reasons, "MC-Q5").contains("again"));
}

#[test]
fn effective_help_closes_with_monitoring() {
    let card = run(
        Some(MeldcodeInput {
            help_possible: Some(true),
            help_accepted: Some(true),
            help_effective: Some(true),
            ..input()
        }),
        &intake(Some(96)),
    );
    assert_eq!(conclusion(&card).0, MeldcodeConclusion::Close);
    assert!(text_of(&card.reasons, "MC-Q5").contains("monitoring"));
    assert_ne!(card.action, Action::S);
}

#[test]
fn accepted_help_is_help_and_monitor() {
    let card =
        run(Some(MeldcodeInput { help_possible: Some(true), help_accepted: Some(true), ..input() }), &intake(Some(96)));
    assert_eq!(conclusion(&card).0, MeldcodeConclusion::Help);
    assert!(text_of(&card.reasons, "MC-Q4").contains("monitor"));
    assert_eq!((card.level, card.action), (Level::Concern, Action::S));
}

#[test]
fn undecided_is_assess_with_the_next_step() {
    let safety = intake_with_domains(96, &[Domain::Safety]);
    let card = run(None, &safety);
    assert_eq!(conclusion(&card), (MeldcodeConclusion::Assess, false, 1));
    let t = text_of(&card.reasons, "MC-STEPS");
    for step in ["1 map", "2 consult", "3 talk", "4 weigh", "5 decide"] {
        assert!(t.contains(step), "{t}");
    }
    assert_eq!((card.level, card.action), (Level::Concern, Action::S));
    assert!(text_of(&card.reasons, "PS-LADDER").contains("action S"));

    assert_eq!(conclusion(&run(Some(input()), &intake(Some(96)))).2, 2);
    assert_eq!(conclusion(&run(Some(MeldcodeInput { help_possible: Some(true), ..input() }), &intake(Some(96)))).2, 3);
    let endangers = MeldcodeInput { help_possible: Some(true), telling_endangers: true, ..input() };
    assert_eq!(conclusion(&run(Some(endangers), &intake(Some(96)))).2, 4);
    // A professional's "no suspicion" does not close a signal that carries a safety concern.
    let card = run(Some(MeldcodeInput { suspicion: false, ..input() }), &safety);
    assert_eq!(conclusion(&card), (MeldcodeConclusion::Assess, false, 1));
}

#[test]
fn acute_overrides_recorded_answers() {
    let mut k = case();
    k.meldcode = Some(MeldcodeInput { help_possible: Some(true), help_accepted: Some(true), ..input() });
    k.safety_indicators = vec![String::from("life-danger")];
    let card = crate::screen(&k, &acute_intake(&[AcuteIndicator::LifeDanger]), &NoConfig);
    assert_eq!(conclusion(&card), (MeldcodeConclusion::Melding, true, 5));
}
