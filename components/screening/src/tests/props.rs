//! Property tests: arbitrary answers, codes, ages and configuration never
//! panic, cite only declared rules, and keep SDQ scores in range; a card
//! with action S or an unusable result never reads as reassurance, level
//! unknown goes with reassess only, and a 16+ youth who excludes the
//! parents finds no mention of them.

use alloc::{string::String, vec::Vec};

use proptest::prelude::*;
use wegwijs_types::{
    Action, AcuteIndicator, Band, Domain, GizConclusion, InstrumentInput, IntakeCard, Level, MeldcodeInput,
    ScoredInput, ScoredInstrument, SdqInput, SdqVersion, SparkRisk,
};

use super::{assert_known_rules, assert_no_reassurance, case, config, intake, sentences};
use crate::risk_card::RISK_FACTORS;

pub(super) fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..RISK_FACTORS.factors.len()).prop_map(|i| String::from(RISK_FACTORS.factors.get(i).map_or("", |f| f.code))),
        any::<String>(),
        "[a-z-]{0,20}",
    ]
}

pub(super) fn instrument() -> impl Strategy<Value = InstrumentInput> {
    prop_oneof![
        (prop::sample::select(SdqVersion::ALL), prop::collection::vec(prop::option::of(any::<u8>()), 0..40))
            .prop_map(|(version, answers)| InstrumentInput::Sdq(SdqInput { version, answers })),
        (prop::sample::select(SdqVersion::ALL), prop::collection::vec(prop::option::of(0u8..=2), 25..=25))
            .prop_map(|(version, answers)| InstrumentInput::Sdq(SdqInput { version, answers })),
        prop::sample::select(SparkRisk::ALL).prop_map(InstrumentInput::Spark),
        prop::sample::select(GizConclusion::ALL).prop_map(InstrumentInput::Giz),
        (prop::sample::select(ScoredInstrument::ALL), prop::sample::select(Band::ALL))
            .prop_map(|(instrument, band)| InstrumentInput::Scored(ScoredInput { instrument, band })),
    ]
}

pub(super) fn meldcode() -> impl Strategy<Value = Option<MeldcodeInput>> {
    prop::option::of(
        (
            any::<bool>(),
            any::<bool>(),
            any::<Option<bool>>(),
            any::<Option<bool>>(),
            any::<Option<bool>>(),
            any::<bool>(),
        )
            .prop_map(
                |(suspicion, structural_unsafety, help_possible, help_accepted, help_effective, telling_endangers)| {
                    MeldcodeInput {
                        suspicion,
                        structural_unsafety,
                        help_possible,
                        help_accepted,
                        help_effective,
                        parents_told: None,
                        telling_endangers,
                    }
                },
            ),
    )
}

proptest! {
    #[test]
    fn screen_never_panics_and_scores_stay_in_range(
        risks in prop::collection::vec(code(), 0..12),
        protective in prop::collection::vec(any::<String>(), 0..4),
        instruments in prop::collection::vec(instrument(), 0..4),
        months in prop::option::of(0u32..400),
        domains in prop::collection::vec(prop::sample::select(Domain::ALL), 0..4),
        indicators in prop::collection::vec(prop::sample::select(AcuteIndicator::ALL), 0..2),
        meld in meldcode(),
        red in prop::option::of(any::<String>()),
        norms in prop::option::of(any::<String>()),
        flags in any::<(bool, bool, bool)>(),
        objects in any::<bool>(),
    ) {
        let mut k = case();
        k.risk_factors = risks;
        k.protective_factors = protective;
        k.instruments = instruments;
        k.meldcode = meld;
        k.parents_concerned = flags.0;
        k.youth_concerned = flags.1;
        k.family_agrees_referral = flags.2;
        k.youth_objects_to_informing_parents = objects;
        let i = IntakeCard {
            domains,
            safety_flag: !indicators.is_empty(),
            acute_indicators: indicators,
            ..intake(months)
        };
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some(r) = &red { pairs.push(("screening.red-factors", r.as_str())); }
        if let Some(n) = &norms { pairs.push(("screening.sdq-norms.parent-four-to-seventeen.total", n.as_str())); }
        let card = crate::screen(&k, &i, &config(&pairs));
        assert_known_rules(&card);
        prop_assert_eq!(card.instruments.len(), k.instruments.len());
        for r in &card.instruments {
            if let Some(s) = &r.sdq {
                for x in [&s.emotional, &s.conduct, &s.hyperactivity, &s.peer, &s.prosocial].into_iter().flatten() {
                    prop_assert!(x.score <= 10);
                }
                if let Some(t) = &s.total { prop_assert!(t.score <= 40); }
            }
            if !r.valid { prop_assert!(r.level.is_none()); }
        }
        prop_assert!(card.risk_card.risk_factors.len() <= RISK_FACTORS.factors.len());
        prop_assert!(!card.summary.contains('\n'));
        for r in &card.instruments {
            prop_assert_eq!(r.valid, r.unusable.is_none());
            if r.unusable.is_some() { prop_assert!(r.level.is_none() && r.band.is_none()); }
        }
        if card.action == Action::S || card.instruments.iter().any(|r| r.unusable.is_some()) {
            assert_no_reassurance(&card);
        }
        // Unknown only with reassess; reassess also beside a usable result
        // at level none, never beside one that carries a level.
        if card.level == Level::Unknown { prop_assert_eq!(card.action, Action::Reassess); }
        if card.action == Action::Reassess { prop_assert!(card.level <= Level::None); }
        if card.action != Action::S { prop_assert_eq!(card.action, card.child_action); }
        prop_assert!(card.child_action != Action::S);
        if objects && months.is_some_and(|m| m >= 192) {
            for t in sentences(&card) {
                prop_assert!(!names_the_parents(t), "names the parents: {}", t);
            }
        }
    }

    #[test]
    fn sdq_scoring_stays_in_range(answers in prop::collection::vec(prop::option::of(any::<u8>()), 0..30)) {
        if let Ok(s) = crate::sdq::score_answers(&answers) {
            for x in [s.scores.emotional, s.scores.conduct, s.scores.hyperactivity, s.scores.peer, s.scores.prosocial].into_iter().flatten() {
                prop_assert!(x <= 10);
            }
            if let Some(t) = s.scores.total { prop_assert!(t <= 40); }
        } else {
            prop_assert_ne!(answers.len(), 25);
        }
    }
}

/// Whether a sentence names "the parents" as people, rather than a risk
/// factor code such as `single-parent-without-support`.
pub(super) fn names_the_parents(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices("parents").any(|(i, _)| {
        let before = lower.get(..i).and_then(|s| s.chars().next_back());
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}
