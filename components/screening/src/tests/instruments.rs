//! PS-INSTRUMENT, PS-SPARK and PS-GIZ: age windows, level mappings, the
//! recommended instrument and the concern-domain fallback.

use alloc::{vec, vec::Vec};

use wegwijs_types::{
    Action, Band, Domain, GizConclusion, InstrumentInput, InstrumentKind, Language, Level, NoConfig, ScoredInput,
    ScoredInstrument, SdqInput, SdqVersion, SparkRisk,
};

use super::{answers_for, case, cites, intake, intake_with_domains, screen_sdq, text_of};
use crate::instruments::{self, INSTRUMENT_WINDOWS, is_valid_at};

fn screen_with(input: InstrumentInput, months: Option<u32>) -> wegwijs_types::ScreeningCard {
    let mut c = case();
    c.instruments = vec![input];
    crate::screen(&c, &intake(months), &NoConfig)
}

#[test]
fn windows_match_the_brief() {
    let expected: &[(&str, u32, u32)] = &[
        ("spark", 12, 30),
        ("dmo", 0, 19),
        ("bitsea", 24, 36),
        ("sdq-parent-two-to-four", 24, 60),
        ("sdq-parent-four-to-seventeen", 48, 216),
        ("sdq-teacher-four-to-seventeen", 48, 216),
        ("sdq-self-eleven-to-seventeen", 132, 216),
        ("kivpa", 156, 180),
        ("giz", 0, 276),
    ];
    for (id, from, until) in expected {
        if *from > 0 {
            assert!(!is_valid_at(id, Some(from - 1)), "{id} below");
        }
        assert!(is_valid_at(id, Some(*from)), "{id} from");
        assert!(is_valid_at(id, Some(until - 1)), "{id} last");
        assert!(!is_valid_at(id, Some(*until)), "{id} until");
        assert!(!is_valid_at(id, None), "{id} prenatal");
    }
    assert_eq!(INSTRUMENT_WINDOWS.windows.len(), expected.len());
    assert!(!is_valid_at("nonsense", Some(10)));
}

#[test]
fn out_of_window_instrument_is_invalid_and_warned() {
    let card = screen_sdq(SdqVersion::ParentFourToSeventeen, answers_for(9, 9, 9, 9, 0), 30);
    let r = &card.instruments[0];
    assert_eq!((r.instrument, r.valid, r.level, r.sdq.is_none()), (InstrumentKind::Sdq, false, None, true));
    let w = text_of(&card.warnings, "PS-INSTRUMENT");
    assert!(w.contains("SDQ parent 4–17") && w.contains("30 months") && w.contains("48–215"), "{w}");
    // The only evidence could not be used: insufficient information, not none.
    assert_eq!((card.level, card.action), (Level::Unknown, Action::Reassess));
    // The guideline's instrument for 30 months is named instead.
    assert!(text_of(&card.reasons, "PS-INSTRUMENT").contains("BITSEA"));
}

#[test]
fn prenatal_or_unknown_age_is_never_valid() {
    let card = screen_with(InstrumentInput::Giz(GizConclusion::ZorgNu), None);
    assert!(!card.instruments[0].valid);
    assert!(cites(&card.warnings, "PS-INSTRUMENT"));
    assert!(text_of(&card.reasons, "PS-INSTRUMENT").contains("before birth"));
}

#[test]
fn spark_maps_laag_verhoogd_hoog() {
    for (risk, level) in
        [(SparkRisk::Laag, Level::None), (SparkRisk::Verhoogd, Level::Attention), (SparkRisk::Hoog, Level::Concern)]
    {
        let card = screen_with(InstrumentInput::Spark(risk), Some(18));
        assert_eq!(card.instruments[0].level, Some(level));
        assert_eq!(card.level, level);
        assert!(text_of(&card.reasons, "PS-SPARK").contains(risk.name()));
    }
}

#[test]
fn giz_maps_its_four_conclusions() {
    for (c, level) in [
        (GizConclusion::Bevestiging, Level::None),
        (GizConclusion::Advies, Level::Attention),
        (GizConclusion::ZorgNu, Level::Concern),
        (GizConclusion::IntensieveZorg, Level::High),
    ] {
        let card = screen_with(InstrumentInput::Giz(c), Some(200));
        assert_eq!(card.instruments[0].level, Some(level));
        assert_eq!(card.level, level);
        assert!(cites(&card.reasons, "PS-GIZ"));
    }
}

#[test]
fn scored_instruments_map_their_band() {
    for (instrument, months, kind) in [
        (ScoredInstrument::Dmo, 6, InstrumentKind::Dmo),
        (ScoredInstrument::Bitsea, 26, InstrumentKind::Bitsea),
        (ScoredInstrument::Kivpa, 160, InstrumentKind::Kivpa),
    ] {
        for (band, level) in
            [(Band::Normal, Level::None), (Band::Borderline, Level::Attention), (Band::Abnormal, Level::Concern)]
        {
            let card = screen_with(InstrumentInput::Scored(ScoredInput { instrument, band }), Some(months));
            let r = &card.instruments[0];
            assert_eq!((r.instrument, r.valid, r.band, r.level), (kind, true, Some(band), Some(level)));
            assert!(text_of(&card.reasons, "PS-INSTRUMENT").contains(band.name()));
        }
    }
}

#[test]
fn recommended_instrument_is_named_per_age() {
    let cases: &[(u32, &str)] = &[
        (3, "DMO-protocol"),
        (18, "SPARK"),
        (40, "SDQ parent 2–4"),
        (60, "teacher version may be added"),
        (120, "SDQ parent 4–17"),
        (165, "KIVPA"),
        (190, "SDQ self-report"),
        (230, "GIZ"),
    ];
    for (months, expected) in cases {
        let card = crate::screen(&case(), &intake(Some(*months)), &NoConfig);
        let t = text_of(&card.reasons, "PS-INSTRUMENT");
        assert!(t.contains(expected), "{months}: {t}");
    }
    assert!(instruments::recommended(Some(300)).is_none());
}

#[test]
fn concern_domains_without_instrument_give_a_level() {
    let one = crate::screen(&case(), &intake_with_domains(96, &[Domain::School]), &NoConfig);
    assert_eq!(one.level, Level::Attention);
    let two = crate::screen(
        &case(),
        &intake_with_domains(96, &[Domain::School, Domain::Psychosocial, Domain::Safety]),
        &NoConfig,
    );
    assert_eq!(two.level.max(Level::Concern), two.level);
    let t = text_of(&two.reasons, "PS-INSTRUMENT");
    assert!(t.contains("domains school and psychosocial") && !t.contains("safety") && t.contains("Administer"), "{t}");
    // Safety alone gives no concern-domain level; it goes to the meldcode.
    let safety =
        crate::instruments::assess(&case(), &intake_with_domains(96, &[Domain::Safety]), &NoConfig, Language::En);
    assert_eq!(safety.concern_level, None);
}

#[test]
fn a_valid_instrument_replaces_the_concern_fallback() {
    let mut c = case();
    c.instruments = vec![InstrumentInput::Sdq(SdqInput {
        version: SdqVersion::ParentFourToSeventeen,
        answers: answers_for(1, 1, 1, 1, 9),
    })];
    let card = crate::screen(&c, &intake_with_domains(96, &[Domain::School, Domain::Psychosocial]), &NoConfig);
    assert_eq!(card.level, Level::None);
    let texts: Vec<&str> = card.reasons.iter().map(|r| r.text.as_str()).collect();
    assert!(!texts.iter().any(|t| t.contains("Without a valid instrument")));
}
