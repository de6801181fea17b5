//! IN-SAFETY and the wording of A0: a safety card contains nothing that
//! reads as reassurance and carries the ladder's action for the child's own
//! concerns beside S; A0 says what it rests on, and claims no normal score
//! when nothing was measured. Also the debts-only card (RK-FEW, item 8).

use alloc::{string::String, vec, vec::Vec};

use wegwijs_types::{
    Action, AcuteIndicator, Concern, Domain, GizConclusion, InstrumentInput, IntakeCard, Level, NoConfig,
    ScreeningCard, SdqInput, SdqVersion,
};

use super::{
    acute_intake, answers_for, assert_known_rules, assert_no_reassurance, case, cites, intake, intake_with_domains,
    sentences, text_of,
};

fn normal_sdq() -> InstrumentInput {
    InstrumentInput::Sdq(SdqInput { version: SdqVersion::ParentFourToSeventeen, answers: answers_for(1, 1, 1, 1, 9) })
}

fn run(f: impl Fn(&mut wegwijs_types::ChildCase), i: &IntakeCard) -> ScreeningCard {
    let mut k = case();
    f(&mut k);
    let card = crate::screen(&k, i, &NoConfig);
    assert_known_rules(&card);
    card
}

#[test]
fn a_safety_card_never_reads_as_reassurance() {
    let strangulation = acute_intake(&[AcuteIndicator::Strangulation]);
    let cards = [
        // Nothing but the indicator: before, "normalise" and "Everything in
        // the normal range" stood beside "Safety always takes action S".
        run(|_| {}, &strangulation),
        run(|k| k.instruments = vec![normal_sdq()], &strangulation),
        run(|k| k.protective_factors = vec![String::from("social-network")], &strangulation),
        run(
            |k| k.instruments = vec![InstrumentInput::Giz(GizConclusion::Bevestiging)],
            &intake_with_domains(96, &[Domain::Safety]),
        ),
    ];
    for card in &cards {
        assert_eq!(card.action, Action::S);
        assert_eq!(card.child_action, Action::A0);
        assert!(cites(&card.reasons, "IN-SAFETY") && cites(&card.reasons, "PS-LADDER"));
        assert_no_reassurance(card);
        let t = text_of(&card.reasons, "RK-NONE");
        assert!(t.contains("says nothing about the safety concern"), "{t}");
    }
    let t = text_of(&cards[0].reasons, "PS-LADDER");
    assert!(t.contains("beside the safety track") && t.contains("no instrument result was supplied"), "{t}");
}

#[test]
fn the_childs_own_action_stands_beside_s() {
    let card = run(
        |k| {
            k.instruments = vec![InstrumentInput::Sdq(SdqInput {
                version: SdqVersion::ParentFourToSeventeen,
                answers: answers_for(5, 4, 5, 4, 9),
            })]
        },
        &acute_intake(&[AcuteIndicator::WeaponUse]),
    );
    assert_eq!((card.level, card.action, card.child_action), (Level::Safety, Action::S, Action::A2));
    let t = text_of(&card.reasons, "IN-SAFETY");
    assert!(t.contains("A2") && t.contains("beside the safety route") && t.contains("after it in urgency"), "{t}");
    // Off the safety track the two actions are the same.
    let plain = run(|k| k.instruments = vec![normal_sdq()], &intake(Some(96)));
    assert_eq!((plain.action, plain.child_action), (Action::A0, Action::A0));
    assert!(!cites(&plain.reasons, "IN-SAFETY"));
}

#[test]
fn without_any_instrument_a0_says_nothing_was_measured() {
    let card = run(|_| {}, &intake(Some(96)));
    assert_eq!((card.level, card.action), (Level::None, Action::A0));
    let t = text_of(&card.reasons, "PS-LADDER");
    assert!(
        t.starts_with("Nothing was measured")
            && t.contains("no instrument result was supplied")
            && t.contains("not on a score"),
        "{t}"
    );
    assert!(!t.contains("normal range") && !t.contains("Everything"), "{t}");
}

#[test]
fn a_measured_normal_result_still_normalises_off_the_safety_track() {
    let card = run(|k| k.instruments = vec![normal_sdq()], &intake(Some(96)));
    let t = text_of(&card.reasons, "PS-LADDER");
    assert!(t.contains("SDQ total 4 (normal, parent 4–17) gives level none") && t.contains("normalise"), "{t}");
    // The empty risk card leaves the action to the whole screening, so it
    // cannot contradict a level another result raises.
    let rk = text_of(&card.reasons, "RK-NONE");
    assert!(rk.contains("the action follows from the whole screening") && !rk.contains("normalise"), "{rk}");
}

#[test]
fn debts_and_an_eviction_threat_without_child_symptoms_give_a1_and_say_why() {
    let debts = IntakeCard {
        concerns: vec![
            Concern { code: String::from("debts"), domain: Domain::FamilyCircumstances },
            Concern { code: String::from("housing-problems"), domain: Domain::FamilyCircumstances },
        ],
        ..intake_with_domains(102, &[Domain::FamilyCircumstances])
    };
    let card = run(|k| k.risk_factors = vec![String::from("poverty"), String::from("poor-housing")], &debts);
    assert_eq!((card.level, card.action, card.risk_card.level), (Level::Attention, Action::A1, Level::Attention));
    let few = text_of(&card.reasons, "RK-FEW");
    assert!(
        few.starts_with("2 non-red risk factors (poverty, poor-housing; environment domain): level attention")
            && few.contains("JGZ advice or an extra contact"),
        "{few}"
    );
    let ladder = text_of(&card.reasons, "PS-LADDER");
    assert!(
        ladder.contains("from the risk card (2 non-red risk factors: poverty, poor-housing; RK-FEW)")
            && ladder.contains("the concern domain family-circumstances")
            && ladder
                .contains("rests on the risk factors and family circumstances recorded, not on how the child is doing"),
        "{ladder}"
    );
    let domain = text_of(&card.reasons, "PS-INSTRUMENT");
    assert!(domain.contains("not a symptom of the child") && !domain.contains("Administer"), "{domain}");
    // "(borderline)" belongs to an instrument band, never to a risk card.
    assert!(sentences(&card).iter().all(|t| !t.contains("borderline")), "{:?}", sentences(&card));
}

#[test]
fn a_borderline_instrument_is_named_as_the_reason_for_a1() {
    let card = run(
        |k| {
            k.instruments = vec![InstrumentInput::Sdq(SdqInput {
                version: SdqVersion::ParentFourToSeventeen,
                answers: answers_for(4, 4, 4, 3, 9),
            })]
        },
        &intake(Some(96)),
    );
    let t = text_of(&card.reasons, "PS-LADDER");
    assert!(t.starts_with("Level attention from SDQ total 15 (borderline, parent 4–17): action A1"), "{t}");
    assert!(!t.contains("family circumstances recorded"), "{t}");
}

#[test]
fn sentences_agree_in_number() {
    let one = run(
        |k| {
            k.risk_factors = vec![String::from("poverty")];
            k.protective_factors = vec![String::from("social-network")];
        },
        &intake(Some(10)),
    );
    let t = text_of(&one.reasons, "RK-BALANCE");
    assert!(t.starts_with("Risk card: 1 risk factor (poverty) beside 1 protective factor (social-network);"), "{t}");
    assert!(text_of(&one.reasons, "RK-FEW").starts_with("1 non-red risk factor (poverty; environment domain)"));
    assert!(one.summary.contains("risk card attention (1 risk factor; 1 protective factor)"), "{}", one.summary);
    let none = run(|_| {}, &intake(Some(10)));
    assert!(
        text_of(&none.reasons, "RK-BALANCE").starts_with("Risk card: no risk factors beside no protective factors;")
    );
    let red = run(|k| k.risk_factors = vec![String::from("domestic-violence")], &intake(Some(10)));
    assert!(text_of(&red.reasons, "RK-RED").contains("red factor present: domestic-violence"));
    let t = text_of(&red.reasons, "RK-ONE-DOMAIN");
    assert!(
        t.starts_with("Red factor domestic-violence, in the parent-family domain:") && t.contains("no helpers"),
        "{t}"
    );
    let fgm = run(|_| {}, &acute_intake(&[AcuteIndicator::Fgm]));
    assert!(text_of(&fgm.reasons, "MC-STEPS").starts_with("Indicator fgm calls for"));
    assert!(text_of(&fgm.reasons, "MC-Q2").starts_with("Acute unsafety (indicator: fgm)"));
    let cards: Vec<&ScreeningCard> = vec![&one, &none, &red, &fgm];
    for card in cards {
        for t in sentences(card) {
            assert!(!t.contains("(s)"), "{t}");
        }
    }
}
