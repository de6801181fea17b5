//! The seeded random generator behind `wegwijs corpus`: SplitMix64, written
//! out here rather than taken from a crate so that a seed names the same
//! corpus in every wegwijs release, whatever a dependency's next version
//! does to its value stream.
//!
//! Every signal draws from its own stream, derived from the corpus seed and
//! the signal's index: signal 17 of seed 42 is the same whether the corpus
//! has 100 or 100 000 signals, so a small corpus is a prefix of a large one.

/// A SplitMix64 stream. Not for secrets; for reproducible samples only.
#[derive(Debug, Clone)]
pub(crate) struct Rng {
    state: u64,
}

/// The golden-ratio increment of SplitMix64.
const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// The SplitMix64 output function: a bijective mix of 64 bits.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Rng {
    /// The stream of signal `index` in the corpus of `seed`.
    pub(crate) fn for_signal(seed: u64, index: u64) -> Rng {
        // Mixing each input separately keeps (seed, index) and (index, seed)
        // apart, and neighbouring indices far apart.
        Rng { state: mix(mix(seed) ^ mix(index.wrapping_add(GAMMA))) }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GAMMA);
        mix(self.state)
    }

    /// A number in `0..n`; `n` must be at least 1. The multiply-shift
    /// reduction has a bias below n / 2^64, far under anything a corpus of
    /// signals could show.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0, "below(0) has no value");
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u32, hi: u32) -> u32 {
        debug_assert!(lo <= hi, "empty range {lo}..={hi}");
        lo + self.below(u64::from(hi - lo) + 1) as u32
    }

    /// True with probability `per_mille` / 1000.
    pub(crate) fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < u64::from(per_mille)
    }

    /// One item, drawn with probability proportional to its weight. The
    /// table must have a positive total weight.
    pub(crate) fn weighted<T: Copy>(&mut self, table: &[(T, u32)]) -> T {
        let total: u64 = table.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut ticket = self.below(total.max(1));
        for (item, w) in table {
            let w = u64::from(*w);
            if ticket < w {
                return *item;
            }
            ticket -= w;
        }
        // Only reachable with an all-zero table, which no caller passes.
        table[table.len() - 1].0
    }

    /// One item of a non-empty slice, uniformly.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_and_index_give_the_same_stream() {
        let a: Vec<u64> = (0..8)
            .map({
                let mut r = Rng::for_signal(42, 7);
                move |_| r.next_u64()
            })
            .collect();
        let mut r = Rng::for_signal(42, 7);
        let b: Vec<u64> = (0..8).map(|_| r.next_u64()).collect();
        assert_eq!(a, b);
        assert_ne!(Rng::for_signal(42, 7).next_u64(), Rng::for_signal(7, 42).next_u64());
        assert_ne!(Rng::for_signal(42, 7).next_u64(), Rng::for_signal(42, 8).next_u64());
    }

    #[test]
    fn the_stream_is_pinned() {
        // A change here changes every published corpus: bump the corpus
        // format's documentation (docs/corpus.md) if it is ever intended.
        let mut r = Rng::for_signal(0, 0);
        let first = r.next_u64();
        let mut again = Rng::for_signal(0, 0);
        assert_eq!(first, again.next_u64());
        assert_eq!(mix(0), 0);
        assert_eq!(mix(GAMMA), 0xe220_a839_7b1d_cdaf);
    }

    #[test]
    fn weighted_draws_follow_their_weights() {
        let mut r = Rng::for_signal(1, 1);
        let mut hits = [0u32; 3];
        for _ in 0..30_000 {
            hits[r.weighted(&[(0usize, 1), (1, 2), (2, 7)])] += 1;
        }
        assert!((2_600..3_400).contains(&hits[0]), "{hits:?}");
        assert!((5_400..6_600).contains(&hits[1]), "{hits:?}");
        assert!((20_300..21_700).contains(&hits[2]), "{hits:?}");
        for _ in 0..1000 {
            let v = r.range(3, 5);
            assert!((3..=5).contains(&v));
        }
    }
}
