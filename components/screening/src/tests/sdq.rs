//! PS-SDQ-SCORE and PS-SDQ-BANDS: item by item, prorating, missing scales,
//! and both sides of every cut-off of every norm table.

use alloc::{vec, vec::Vec};

use wegwijs_types::{Band, Language, Level, NoConfig, SdqVersion};

use super::{answers_for, cites, config, screen_sdq, text_of};
use crate::sdq::{self, REVERSED_ITEMS, SDQ_NORMS_UK, Scale, evaluate, prorate, score_answers};

/// Reverse items answered 2 (contributing 0), all others 0: every scale 0.
fn zero_baseline() -> Vec<Option<u8>> {
    let mut a = vec![Some(0u8); 25];
    for i in REVERSED_ITEMS {
        a[i - 1] = Some(2);
    }
    a
}

#[test]
fn baseline_scores_zero() {
    let s = score_answers(&zero_baseline()).unwrap().scores;
    assert_eq!(
        (s.emotional, s.conduct, s.hyperactivity, s.peer, s.prosocial, s.total),
        (Some(0), Some(0), Some(0), Some(0), Some(0), Some(0))
    );
}

#[test]
fn all_zero_answers_score_the_reverse_items() {
    let s = score_answers(&[Some(0); 25]).unwrap().scores;
    // 7 → conduct 2; 21, 25 → hyperactivity 4; 11, 14 → peer 4.
    assert_eq!(
        (s.emotional, s.conduct, s.hyperactivity, s.peer, s.prosocial),
        (Some(0), Some(2), Some(4), Some(4), Some(0))
    );
    assert_eq!(s.total, Some(10));
}

fn reverse_item_case(item: usize) -> (Option<u8>, Option<u8>, Option<u8>) {
    let mut a = zero_baseline();
    a[item - 1] = Some(0);
    let zero = score_answers(&a).unwrap().scores;
    a[item - 1] = Some(1);
    let one = score_answers(&a).unwrap().scores;
    a[item - 1] = Some(2);
    let two = score_answers(&a).unwrap().scores;
    let pick = |s: sdq::RawScores| match item {
        7 => s.conduct,
        21 | 25 => s.hyperactivity,
        _ => s.peer,
    };
    (pick(zero), pick(one), pick(two))
}

#[test]
fn item_7_is_reversed_into_conduct() {
    assert_eq!(reverse_item_case(7), (Some(2), Some(1), Some(0)));
}

#[test]
fn item_11_is_reversed_into_peer() {
    assert_eq!(reverse_item_case(11), (Some(2), Some(1), Some(0)));
}

#[test]
fn item_14_is_reversed_into_peer() {
    assert_eq!(reverse_item_case(14), (Some(2), Some(1), Some(0)));
}

#[test]
fn item_21_is_reversed_into_hyperactivity() {
    assert_eq!(reverse_item_case(21), (Some(2), Some(1), Some(0)));
}

#[test]
fn item_25_is_reversed_into_hyperactivity() {
    assert_eq!(reverse_item_case(25), (Some(2), Some(1), Some(0)));
}

#[test]
fn every_non_reversed_item_counts_as_answered_in_its_scale() {
    for (scale, items) in sdq::SCALE_ITEMS {
        for item in items.iter().filter(|i| !REVERSED_ITEMS.contains(i)) {
            let mut a = zero_baseline();
            a[item - 1] = Some(2);
            let s = score_answers(&a).unwrap().scores;
            assert_eq!(s.get(scale), Some(2), "item {item}");
        }
    }
}

#[test]
fn prorate_rounds_half_up_in_integers() {
    assert_eq!(prorate(2, 4), 3); // 2.5 → 3
    assert_eq!(prorate(6, 4), 8); // 7.5 → 8
    assert_eq!(prorate(1, 4), 1); // 1.25 → 1
    assert_eq!(prorate(3, 4), 4); // 3.75 → 4
    assert_eq!(prorate(1, 3), 2); // 1.67 → 2
    assert_eq!(prorate(4, 3), 7); // 6.67 → 7
    assert_eq!(prorate(6, 3), 10);
    assert_eq!(prorate(8, 4), 10);
    assert_eq!(prorate(7, 5), 7);
    assert_eq!(prorate(5, 0), 0);
}

#[test]
fn scale_prorated_from_three_answers() {
    // Emotional items 3, 8, 13, 16, 24: answer 3, 8, 13 with 2, 1, 1.
    let mut a = zero_baseline();
    a[2] = Some(2);
    a[7] = Some(1);
    a[12] = Some(1);
    a[15] = None;
    a[23] = None;
    let s = score_answers(&a).unwrap();
    assert_eq!(s.scores.emotional, Some(7)); // 4 × 5 / 3 = 6.67
    assert!(s.prorated.contains(&(Scale::Emotional, 3)));
}

#[test]
fn scale_prorated_from_four_answers_half_way_rounds_up() {
    // Conduct items 5, 7(r), 12, 18, 22: leave 22 out; 5 = 1, 7 = 1 (→1), others 0 → sum 2 of 4.
    let mut a = zero_baseline();
    a[4] = Some(1);
    a[6] = Some(1);
    a[21] = None;
    let s = score_answers(&a).unwrap();
    assert_eq!(s.scores.conduct, Some(3)); // 2.5 → 3
    assert!(s.prorated.contains(&(Scale::Conduct, 4)));
    let out = evaluate(SdqVersion::ParentFourToSeventeen, &a, &NoConfig, Language::En);
    assert!(text_of(&out.reasons, "PS-SDQ-SCORE").contains("conduct prorated from 4 of 5 items"));
}

#[test]
fn scale_with_two_answers_is_missing_and_so_is_the_total() {
    let mut a = zero_baseline();
    for i in [6, 11, 14] {
        a[i - 1] = None; // peer keeps 19 and 23 only
    }
    let out = evaluate(SdqVersion::ParentFourToSeventeen, &a, &NoConfig, Language::En);
    let scores = out.scores.unwrap();
    assert!(scores.peer.is_none());
    assert!(scores.total.is_none());
    assert!(scores.prosocial.is_some());
    assert_eq!(out.level, None);
    assert!(text_of(&out.reasons, "PS-SDQ-SCORE").contains("total difficulties missing"));
}

#[test]
fn missing_prosocial_does_not_affect_the_total() {
    let mut a = answers_for(3, 3, 3, 3, 9);
    for i in [1, 4, 9] {
        a[i - 1] = None;
    }
    let s = score_answers(&a).unwrap().scores;
    assert_eq!(s.prosocial, None);
    assert_eq!(s.total, Some(12));
}

#[test]
fn wrong_number_of_answers_is_invalid_with_a_warning() {
    for n in [0usize, 24, 26, 100] {
        let card = screen_sdq(SdqVersion::ParentFourToSeventeen, vec![Some(1); n], 96);
        let r = &card.instruments[0];
        assert!(!r.valid && r.level.is_none() && r.sdq.is_none(), "{n} answers");
        assert!(text_of(&card.warnings, "PS-SDQ-SCORE").contains("instead of 25"));
    }
}

#[test]
fn values_above_two_are_missing_with_a_warning() {
    let mut a = answers_for(2, 2, 2, 2, 8);
    a[2] = Some(3); // emotional item
    a[7] = Some(255); // emotional item
    let out = evaluate(SdqVersion::ParentFourToSeventeen, &a, &NoConfig, Language::En);
    let w = text_of(&out.warnings, "PS-SDQ-SCORE");
    assert!(w.contains("3, 8") && w.contains("not answered"), "{w}");
    // Items 13, 16, 24 remain: emotional prorated from 3 answers.
    assert!(out.scores.unwrap().emotional.is_some());
}

#[test]
fn answers_for_builds_the_requested_scores() {
    let s = score_answers(&answers_for(5, 4, 7, 3, 6)).unwrap().scores;
    assert_eq!(
        (s.emotional, s.conduct, s.hyperactivity, s.peer, s.prosocial, s.total),
        (Some(5), Some(4), Some(7), Some(3), Some(6), Some(19))
    );
}

/// Answers whose total difficulties is `total` (spread over the four scales).
fn answers_with_total(total: u8) -> Vec<Option<u8>> {
    let mut parts = [0u8; 4];
    let mut left = total;
    for p in &mut parts {
        *p = left.min(10);
        left -= *p;
    }
    answers_for(parts[0], parts[1], parts[2], parts[3], 10)
}

fn total_band(version: SdqVersion, total: u8) -> Option<Band> {
    evaluate(version, &answers_with_total(total), &NoConfig, Language::En).band
}

#[test]
fn parent_four_to_seventeen_total_edges() {
    let v = SdqVersion::ParentFourToSeventeen;
    assert_eq!(total_band(v, 0), Some(Band::Normal));
    assert_eq!(total_band(v, 13), Some(Band::Normal));
    assert_eq!(total_band(v, 14), Some(Band::Borderline));
    assert_eq!(total_band(v, 16), Some(Band::Borderline));
    assert_eq!(total_band(v, 17), Some(Band::Abnormal));
    assert_eq!(total_band(v, 40), Some(Band::Abnormal));
}

#[test]
fn parent_two_to_four_total_edges() {
    let v = SdqVersion::ParentTwoToFour;
    assert_eq!(total_band(v, 12), Some(Band::Normal));
    assert_eq!(total_band(v, 13), Some(Band::Borderline));
    assert_eq!(total_band(v, 15), Some(Band::Borderline));
    assert_eq!(total_band(v, 16), Some(Band::Abnormal));
}

#[test]
fn teacher_total_edges() {
    let v = SdqVersion::TeacherFourToSeventeen;
    assert_eq!(total_band(v, 11), Some(Band::Normal));
    assert_eq!(total_band(v, 12), Some(Band::Borderline));
    assert_eq!(total_band(v, 15), Some(Band::Borderline));
    assert_eq!(total_band(v, 16), Some(Band::Abnormal));
}

#[test]
fn self_report_total_edges() {
    let v = SdqVersion::SelfElevenToSeventeen;
    assert_eq!(total_band(v, 15), Some(Band::Normal));
    assert_eq!(total_band(v, 16), Some(Band::Borderline));
    assert_eq!(total_band(v, 19), Some(Band::Borderline));
    assert_eq!(total_band(v, 20), Some(Band::Abnormal));
}

fn subscale_band(scale: Scale, score: u8) -> Option<Band> {
    let (e, c, h, p, pro) = match scale {
        Scale::Emotional => (score, 0, 0, 0, 10),
        Scale::Conduct => (0, score, 0, 0, 10),
        Scale::Hyperactivity => (0, 0, score, 0, 10),
        Scale::Peer => (0, 0, 0, score, 10),
        _ => (0, 0, 0, 0, score),
    };
    let s = evaluate(SdqVersion::ParentFourToSeventeen, &answers_for(e, c, h, p, pro), &NoConfig, Language::En)
        .scores
        .unwrap();
    let x = match scale {
        Scale::Emotional => s.emotional,
        Scale::Conduct => s.conduct,
        Scale::Hyperactivity => s.hyperactivity,
        Scale::Peer => s.peer,
        _ => s.prosocial,
    };
    let x = x.unwrap();
    assert_eq!(x.score, score);
    x.band
}

#[test]
fn parent_four_to_seventeen_subscale_edges() {
    use Band::{Abnormal as A, Borderline as B, Normal as N};
    let cases: &[(Scale, u8, Band)] = &[
        (Scale::Emotional, 3, N),
        (Scale::Emotional, 4, B),
        (Scale::Emotional, 5, A),
        (Scale::Conduct, 2, N),
        (Scale::Conduct, 3, B),
        (Scale::Conduct, 4, A),
        (Scale::Hyperactivity, 5, N),
        (Scale::Hyperactivity, 6, B),
        (Scale::Hyperactivity, 7, A),
        (Scale::Peer, 2, N),
        (Scale::Peer, 3, B),
        (Scale::Peer, 4, A),
        (Scale::Prosocial, 8, N),
        (Scale::Prosocial, 7, B),
        (Scale::Prosocial, 6, A),
        (Scale::Prosocial, 0, A),
        (Scale::Prosocial, 10, N),
    ];
    for (scale, score, band) in cases {
        assert_eq!(subscale_band(*scale, *score), Some(*band), "{scale:?} {score}");
    }
}

#[test]
fn other_versions_have_no_subscale_bands_and_say_so() {
    for v in [SdqVersion::ParentTwoToFour, SdqVersion::TeacherFourToSeventeen, SdqVersion::SelfElevenToSeventeen] {
        let out = evaluate(v, &answers_for(9, 9, 9, 9, 0), &NoConfig, Language::En);
        let s = out.scores.unwrap();
        for x in [s.emotional, s.conduct, s.hyperactivity, s.peer, s.prosocial] {
            assert_eq!(x.unwrap().band, None);
        }
        assert!(text_of(&out.reasons, "PS-SDQ-BANDS").contains("no verified subscale cut-offs"));
    }
}

#[test]
fn norm_table_matches_the_brief() {
    let n = SDQ_NORMS_UK.norms(SdqVersion::ParentFourToSeventeen);
    assert_eq!(n.total, Some(sdq::Cutoffs { borderline: 14, abnormal: 17 }));
    assert_eq!(n.prosocial, Some(sdq::Cutoffs { borderline: 7, abnormal: 6 }));
    assert_eq!(
        SDQ_NORMS_UK.norms(SdqVersion::ParentTwoToFour).total,
        Some(sdq::Cutoffs { borderline: 13, abnormal: 16 })
    );
    assert_eq!(SDQ_NORMS_UK.guideline.version, "2016");
}

#[test]
fn total_band_sets_level_and_abnormal_subscales_are_named() {
    let out = evaluate(SdqVersion::ParentFourToSeventeen, &answers_for(5, 2, 7, 4, 5), &NoConfig, Language::En);
    assert_eq!(out.band, Some(Band::Abnormal));
    assert_eq!(out.level, Some(Level::Concern));
    let t = text_of(&out.reasons, "PS-SDQ-BANDS");
    assert!(t.contains("total 18 is abnormal"), "{t}");
    assert!(
        t.contains("emotional 5") && t.contains("hyperactivity 7") && t.contains("peer 4") && t.contains("prosocial 5"),
        "{t}"
    );
    assert!(t.contains("SDQ UK norms"), "{t}");
    assert_eq!(
        evaluate(SdqVersion::ParentFourToSeventeen, &answers_with_total(15), &NoConfig, Language::En).level,
        Some(Level::Attention)
    );
    assert_eq!(
        evaluate(SdqVersion::ParentFourToSeventeen, &answers_with_total(5), &NoConfig, Language::En).level,
        Some(Level::None)
    );
}

#[test]
fn region_norms_override_a_scale_and_are_named() {
    let cfg = config(&[
        ("screening.sdq-norms.name", "NL JGZ (TNO 2006)"),
        ("screening.sdq-norms.parent-four-to-seventeen.total", "15,18"),
        ("screening.sdq-norms.parent-four-to-seventeen.prosocial", "5,3"),
        ("screening.sdq-norms.teacher-four-to-seventeen.emotional", "4,5"),
    ]);
    let p = SdqVersion::ParentFourToSeventeen;
    let out = evaluate(p, &answers_with_total(14), &cfg, Language::En);
    assert_eq!(out.band, Some(Band::Normal));
    let out = evaluate(p, &answers_with_total(15), &cfg, Language::En);
    assert_eq!(out.band, Some(Band::Borderline));
    let out = evaluate(p, &answers_with_total(18), &cfg, Language::En);
    assert_eq!(out.band, Some(Band::Abnormal));
    let scores = out.scores.unwrap();
    assert!(scores.norms.contains("NL JGZ (TNO 2006)"), "{}", scores.norms);
    assert!(text_of(&out.reasons, "PS-SDQ-BANDS").contains("NL JGZ (TNO 2006)"));
    let pro = evaluate(p, &answers_for(0, 0, 0, 0, 4), &cfg, Language::En).scores.unwrap().prosocial.unwrap();
    assert_eq!(pro.band, Some(Band::Borderline));
    let t =
        evaluate(SdqVersion::TeacherFourToSeventeen, &answers_for(5, 0, 0, 0, 10), &cfg, Language::En).scores.unwrap();
    assert_eq!(t.emotional.unwrap().band, Some(Band::Abnormal));
    // A version without overrides keeps the UK table and its name.
    let s = evaluate(SdqVersion::SelfElevenToSeventeen, &answers_with_total(3), &cfg, Language::En).scores.unwrap();
    assert!(s.norms.starts_with("SDQ UK norms"));
}

#[test]
fn malformed_region_norms_warn_and_keep_the_default() {
    let cfg = config(&[
        ("screening.sdq-norms.parent-four-to-seventeen.total", "seventeen"),
        ("screening.sdq-norms.parent-four-to-seventeen.emotional", "6,4"),
        ("screening.sdq-norms.parent-four-to-seventeen.prosocial", "6,7"),
    ]);
    let out = evaluate(SdqVersion::ParentFourToSeventeen, &answers_with_total(17), &cfg, Language::En);
    assert_eq!(out.band, Some(Band::Abnormal));
    assert_eq!(out.warnings.iter().filter(|w| w.rule == "PS-SDQ-BANDS").count(), 3);
    assert!(out.scores.unwrap().norms.starts_with("SDQ UK norms"));
}

#[test]
fn sdq_through_screen_cites_score_and_bands() {
    let card = screen_sdq(SdqVersion::ParentFourToSeventeen, answers_for(5, 2, 7, 4, 8), 96);
    assert!(cites(&card.reasons, "PS-SDQ-SCORE"));
    assert!(cites(&card.reasons, "PS-SDQ-BANDS"));
    assert_eq!(card.level, Level::Concern);
    let r = &card.instruments[0];
    assert!(r.valid);
    assert_eq!(r.band, Some(Band::Abnormal));
    assert_eq!(r.sdq.as_ref().unwrap().total.as_ref().unwrap().score, 18);
}
