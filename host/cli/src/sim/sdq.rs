//! Synthetic SDQ answers that land in a chosen band: the generator first
//! decides the total difficulties score a child should have, then spreads it
//! over the twenty difficulty items, leaning towards the scales that match
//! the concerns raised, and answers the five prosocial items. Item numbers,
//! reverse-scored items and cut-offs are those of guideline rules
//! PS-SDQ-SCORE and PS-SDQ-BANDS (UK norms, the national default).

use super::rng::Rng;
use wegwijs::types::{Band, SdqVersion};

/// The difficulty scales, each with its five items (1-based) and the concern
/// codes that make a high score on it plausible.
const SCALES: [([usize; 5], &[&str]); 4] = [
    ([3, 8, 13, 16, 24], &["emotional-problems", "anxiety", "low-mood", "self-harm", "sleep-problems"]),
    ([5, 7, 12, 18, 22], &["behaviour-problems", "aggression"]),
    ([2, 10, 15, 21, 25], &["hyperactivity", "attention-problems"]),
    ([6, 11, 14, 19, 23], &["peer-problems", "bullying"]),
];

/// Prosocial items: a strength, answered separately.
const PROSOCIAL: [usize; 5] = [1, 4, 9, 17, 20];

/// Items scored in reverse (2 − answer).
const REVERSED: [usize; 5] = [7, 11, 14, 21, 25];

/// Total difficulties cut-offs per version: borderline from, abnormal from.
pub(crate) fn cutoffs(version: SdqVersion) -> (u32, u32) {
    match version {
        SdqVersion::ParentFourToSeventeen => (14, 17),
        SdqVersion::ParentTwoToFour => (13, 16),
        SdqVersion::TeacherFourToSeventeen => (12, 16),
        SdqVersion::SelfElevenToSeventeen => (16, 20),
    }
}

/// 25 answers in item order whose total difficulties score falls in `band`
/// for `version`; `None` marks an item left unanswered.
pub(crate) fn answers(rng: &mut Rng, version: SdqVersion, band: Band, concerns: &[&str]) -> Vec<Option<u8>> {
    let (borderline, abnormal) = cutoffs(version);
    let total = match band {
        Band::Normal => rng.range(0, borderline - 1),
        Band::Borderline => rng.range(borderline, abnormal - 1),
        // Scores far above the cut-off are rare even among referred children.
        Band::Abnormal => rng.range(abnormal, abnormal + 12),
    };
    let mut score = [0u8; 26];
    let weight = |item: usize| {
        let matched =
            SCALES.iter().any(|(items, codes)| items.contains(&item) && codes.iter().any(|c| concerns.contains(c)));
        if matched { 3 } else { 1 }
    };
    let difficulty_items: Vec<usize> = SCALES.iter().flat_map(|(items, _)| items.iter().copied()).collect();
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
    for item in PROSOCIAL {
        score[item] = rng.weighted(prosocial);
    }
    let mut out: Vec<Option<u8>> =
        (1..=25).map(|item| Some(if REVERSED.contains(&item) { 2 - score[item] } else { score[item] })).collect();
    // A few questionnaires come back with an item or two left open; the
    // scoring prorates them (PS-SDQ-SCORE), so the band barely moves.
    if rng.chance(30) {
        for _ in 0..rng.range(1, 2) {
            let i = rng.below(25) as usize;
            out[i] = None;
        }
    }
    out
}

/// The total difficulties score of complete answers, scored as PS-SDQ-SCORE
/// does (for tests: the generator must hit the band it aimed at).
#[cfg(test)]
pub(crate) fn total(answers: &[Option<u8>]) -> Option<u32> {
    let mut sum = 0;
    for (items, _) in SCALES {
        for item in items {
            let a = answers[item - 1]?;
            sum += u32::from(if REVERSED.contains(&item) { 2 - a } else { a });
        }
    }
    Some(sum)
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
                    let a = answers(&mut rng, *version, *band, &["anxiety"]);
                    assert_eq!(a.len(), 25);
                    assert!(a.iter().flatten().all(|v| *v <= 2));
                    let Some(t) = total(&a) else { continue };
                    let (b, ab) = cutoffs(*version);
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
            let a = answers(&mut rng, SdqVersion::ParentFourToSeventeen, Band::Abnormal, &["anxiety"]);
            emotional += [3, 8, 13, 16, 24].iter().filter_map(|i| a[i - 1]).map(u32::from).sum::<u32>();
        }
        // Unsteered, each scale would get a quarter of the ~23 points.
        assert!(emotional / 200 > 6, "emotional mean {}", emotional / 200);
    }
}
