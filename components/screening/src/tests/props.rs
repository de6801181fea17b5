//! Property tests: arbitrary answers, codes, ages and configuration never
//! panic, cite only declared rules, and keep SDQ scores in range.

use alloc::{string::String, vec::Vec};

use proptest::prelude::*;
use wegwijs_types::{
    AcuteIndicator, Band, Domain, GizConclusion, InstrumentInput, IntakeCard, MeldcodeInput, ScoredInput,
    ScoredInstrument, SdqInput, SdqVersion, SparkRisk,
};

use super::{assert_known_rules, case, config, intake};
use crate::risk_card::RISK_FACTORS;

fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..RISK_FACTORS.factors.len()).prop_map(|i| String::from(RISK_FACTORS.factors.get(i).map_or("", |f| f.code))),
        any::<String>(),
        "[a-z-]{0,20}",
    ]
}

fn instrument() -> impl Strategy<Value = InstrumentInput> {
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

fn meldcode() -> impl Strategy<Value = Option<MeldcodeInput>> {
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
    ) {
        let mut k = case();
        k.risk_factors = risks;
        k.protective_factors = protective;
        k.instruments = instruments;
        k.meldcode = meld;
        k.parents_concerned = flags.0;
        k.youth_concerned = flags.1;
        k.family_agrees_referral = flags.2;
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
