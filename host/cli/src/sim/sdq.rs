//! Synthetic SDQ answers that land in a chosen band: the generator first
//! decides the total difficulties score a child should have, then spreads it
//! over the twenty difficulty items, leaning towards the scales that match
//! the concerns raised, and answers the five prosocial items. Item numbers,
//! reverse-scored items and cut-offs are the screening component's own
//! tables (PS-SDQ-SCORE, and PS-SDQ-BANDS with the UK norms, the national
//! default), so the corpus aims at the bands screening will find.

use super::rng::Rng;
use wegwijs::types::{Band, SdqVersion};
use wegwijs_screening::sdq::{REVERSED_ITEMS, SCALE_ITEMS, SDQ_NORMS_UK, Scale};

/// The concern codes that make a high score on each difficulty scale
/// plausible (our assumption).
const STEERING: [(Scale, &[&str]); 4] = [
    (Scale::Emotional, &["emotional-problems", "anxiety", "low-mood", "self-harm", "sleep-problems"]),
    (Scale::Conduct, &["behaviour-problems", "aggression"]),
    (Scale::Hyperactivity, &["hyperactivity", "attention-problems"]),
    (Scale::Peer, &["peer-problems", "bullying"]),
];

/// The items (1-based) of `scale`; none for the total, which has no items
/// of its own.
fn items(scale: Scale) -> &'static [usize] {
    SCALE_ITEMS.iter().find(|(s, _)| *s == scale).map_or(&[], |(_, items)| items.as_slice())
}

/// Total difficulties cut-offs of the national norms for `version`:
/// borderline from, abnormal from; `None` when the table has no total band
/// for it (the UK table has one for every version).
pub(crate) fn cutoffs(version: SdqVersion) -> Option<(u32, u32)> {
    SDQ_NORMS_UK.norms(version).total.map(|c| (u32::from(c.borderline), u32::from(c.abnormal)))
}

/// 25 answers in item order whose total difficulties score falls in `band`
/// for `version`; `None` marks an item left unanswered. `None` altogether
/// when the norms give no total band to aim at (see [`cutoffs`]).
pub(crate) fn answers(rng: &mut Rng, version: SdqVersion, band: Band, concerns: &[&str]) -> Option<Vec<Option<u8>>> {
    let (borderline, abnormal) = cutoffs(version)?;
    let total = match band {
        Band::Normal => rng.range(0, borderline - 1),
        Band::Borderline => rng.range(borderline, abnormal - 1),
        // Scores far above the cut-off are rare even among referred children.
        Band::Abnormal => rng.range(abnormal, abnormal + 12),
    };
    let mut score = [0u8; 26];
    let weight = |item: usize| {
        let matched = STEERING
            .iter()
            .any(|(scale, codes)| items(*scale).contains(&item) && codes.iter().any(|c| concerns.contains(c)));
        if matched { 3 } else { 1 }
    };
    let difficulty_items: Vec<usize> = STEERING.iter().flat_map(|(scale, _)| items(*scale).iter().copied()).collect();
    for _ in 0..total {
        let open: Vec<(usize, u32)> =
            difficulty_items.iter().filter(|i| score[**i] < 2).map(|i| (*i, weight(*i))).collect();
        if open.is_empty() {
            break;
        }
        score[rng.weighted(&open)] += 1;
    }
    // Children with many difficulties tend to show fewer strengths.
    let prosocial: &[(u8, u32)] =
        if band == Band::Abnormal { &[(2, 40), (1, 40), (0, 20)] } else { &[(2, 60), (1, 32), (0, 8)] };
    for item in items(Scale::Prosocial) {
        score[*item] = rng.weighted(prosocial);
    }
    let mut out: Vec<Option<u8>> =
        (1..=25).map(|item| Some(if REVERSED_ITEMS.contains(&item) { 2 - score[item] } else { score[item] })).collect();
    // A few questionnaires come back with an item or two left open; the
    // scoring prorates them (PS-SDQ-SCORE), so the band barely moves.
    if rng.chance(30) {
        for _ in 0..rng.range(1, 2) {
            let i = rng.below(25) as usize;
            out[i] = None;
        }
    }
    Some(out)
}

/// The total difficulties score of complete answers, scored by the
/// screening component itself (for tests: the generator must hit the band
/// it aimed at). `None` when an item is unanswered, because screening then
/// prorates and the band may move.
#[cfg(test)]
pub(crate) fn total(answers: &[Option<u8>]) -> Option<u32> {
    if answers.iter().any(Option::is_none) {
        return None;
    }
    let scoring = wegwijs_screening::sdq::score_answers(answers).ok()?;
    scoring.scores.total.map(u32::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_land_in_the_band_aimed_at() {
        for seed in 0..300u64 {
            let mut rng = Rng::for_signal(seed, 3);
            for version in SdqVersion::ALL {
                for band in Band::ALL {
                    let a = answers(&mut rng, *version, *band, &["anxiety"]).expect("every version has total cut-offs");
                    assert_eq!(a.len(), 25);
                    assert!(a.iter().flatten().all(|v| *v <= 2));
                    let Some(t) = total(&a) else { continue };
                    let (b, ab) = cutoffs(*version).expect("every version has total cut-offs");
                    let got = if t >= ab {
                        Band::Abnormal
                    } else if t >= b {
                        Band::Borderline
                    } else {
                        Band::Normal
                    };
                    assert_eq!(got, *band, "{version} total {t}");
                }
            }
        }
    }

    #[test]
    fn concerns_steer_the_scale() {
        let mut emotional = 0;
        let mut rng = Rng::for_signal(9, 9);
        for _ in 0..200 {
            let a =
                answers(&mut rng, SdqVersion::ParentFourToSeventeen, Band::Abnormal, &["anxiety"]).expect("cut-offs");
            emotional += items(Scale::Emotional).iter().filter_map(|i| a[i - 1]).map(u32::from).sum::<u32>();
        }
        // Unsteered, each scale would get a quarter of the ~23 points.
        assert!(emotional / 200 > 6, "emotional mean {}", emotional / 200);
    }
}
