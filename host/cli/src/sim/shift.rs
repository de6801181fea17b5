//! Shifts: signals whose route partners differ between the baseline and the
//! configuration under study, grouped by what changed ("jeugd-GGZ becomes
//! POH-jeugd"). The baseline run keeps, per signal, the set of partners it
//! routes to (one bit per partner); the second run compares each decision
//! with it and, for the signals that differ, counts them and keeps the
//! first [`SAMPLE`] signal numbers. Like a tally, the collections of several
//! threads merge into the same result whatever order the signals were
//! decided in (counts add, the samples are the lowest signal numbers).
//! After the timed runs, the report decides the sampled signals again in
//! both configurations to find the rules behind each shift; the first
//! sample is the example.
//!
//! Only partners count: a route whose kind or urgency changed but that goes
//! to the same partner is not a shift (the table of all outcomes shows
//! kinds and urgencies).
//!
//! The rules of a shift are the rule ids of the reasons the studied
//! configuration gives on the routes it added, and of the reasons its own
//! components gave where they departed from the guideline (a divergence
//! that changed more than the reasons' texts), less every reason the
//! baseline's decision gives word for word too (the urgency of a
//! consultation, say, which did not move the child). A configuration-only
//! region changes routes through the reference component, which cites the
//! rule it modifies on the route (`RT-A2`, with the setting in the
//! reason's text); a region with a component of its own cites its own rules
//! in the divergence.

use std::collections::{BTreeMap, BTreeSet};
use wegwijs::Decision;
use wegwijs::types::Partner;

/// The partners a decision routes to, one bit per [`Partner`].
pub(crate) type Partners = u64;

// Every partner has a bit.
const _: () = assert!(Partner::ALL.len() <= 64);

/// The bit of one partner.
pub(crate) const fn bit(p: Partner) -> Partners {
    1 << (p as u8)
}

/// The partners a decision routes to.
pub(crate) fn partners_of(d: &Decision) -> Partners {
    d.routes().iter().fold(0, |acc, r| acc | bit(r.partner))
}

/// The partners of a set, in declaration order.
pub(crate) fn list(set: Partners) -> Vec<Partner> {
    Partner::ALL.iter().copied().filter(|p| set & bit(*p) != 0).collect()
}

/// What changed for a signal: the partners the baseline routed to and the
/// configuration under study no longer does, and those it routes to anew.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ShiftKey {
    /// Partners dropped.
    pub(crate) from: Partners,
    /// Partners added.
    pub(crate) to: Partners,
}

/// Signals of each shift decided again for its rules.
pub(crate) const SAMPLE: usize = 20;

/// What is known of one kind of shift.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ShiftStats {
    /// Signals with this shift.
    pub(crate) count: u64,
    /// The lowest indices (0-based, in the corpus's signal order) of signals
    /// with this shift, at most [`SAMPLE`], ascending: the first is the example.
    pub(crate) samples: Vec<usize>,
}

impl ShiftStats {
    fn keep(&mut self, more: impl IntoIterator<Item = usize>) {
        self.samples.extend(more);
        self.samples.sort_unstable();
        self.samples.dedup();
        self.samples.truncate(SAMPLE);
    }
}

/// The shifts of one run against a baseline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Shifts {
    /// Per kind of shift.
    pub(crate) by_key: BTreeMap<ShiftKey, ShiftStats>,
}

impl Shifts {
    /// Compares decision `d` of signal `index` with the baseline's partners
    /// for the same signal, and counts it when they differ.
    pub(crate) fn add(&mut self, index: usize, baseline: Partners, d: &Decision) {
        let now = partners_of(d);
        if now == baseline {
            return;
        }
        let key = ShiftKey { from: baseline & !now, to: now & !baseline };
        let stats = self.by_key.entry(key).or_default();
        stats.count += 1;
        if stats.samples.len() < SAMPLE || stats.samples.last().is_some_and(|last| index < *last) {
            stats.keep([index]);
        }
    }

    /// Adds another thread's shifts to these.
    pub(crate) fn merge(&mut self, other: Shifts) {
        for (key, s) in other.by_key {
            match self.by_key.get_mut(&key) {
                Some(mine) => {
                    mine.count += s.count;
                    mine.keep(s.samples);
                }
                None => {
                    self.by_key.insert(key, s);
                }
            }
        }
    }

    /// Signals with any shift.
    pub(crate) fn total(&self) -> u64 {
        self.by_key.values().map(|s| s.count).sum()
    }

    /// The shifts, the most frequent first (ties in a fixed order).
    pub(crate) fn sorted(&self) -> Vec<(ShiftKey, &ShiftStats)> {
        let mut v: Vec<(ShiftKey, &ShiftStats)> = self.by_key.iter().map(|(k, s)| (*k, s)).collect();
        v.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
        v
    }
}

/// Every reason of a decision's routing, as (rule id, text).
fn routing_reasons(d: &Decision) -> BTreeSet<(&str, &str)> {
    let mut all = BTreeSet::new();
    if let Some(card) = &d.routing {
        for r in card.reasons.iter().chain(&card.warnings).chain(card.routes.iter().flat_map(|r| &r.reasons)) {
            all.insert((r.rule.as_str(), r.text.as_str()));
        }
    }
    for dv in &d.divergences {
        for r in &dv.region_reasons {
            all.insert((r.rule.as_str(), r.text.as_str()));
        }
    }
    all
}

/// The reasons, rule id and text, that explain the studied configuration's
/// routes to the partners `added` in decision `d`: the reasons on those
/// routes and the region's own reasons wherever its component changed more
/// than texts, in the order the decision gives them.
pub(crate) fn reasons_for(d: &Decision, added: Partners) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |rule: &str, text: &str| {
        if !out.iter().any(|(r, t)| r == rule && t == text) {
            out.push((rule.to_string(), text.to_string()));
        }
    };
    for r in d.routes().iter().filter(|r| added & bit(r.partner) != 0) {
        for x in &r.reasons {
            push(&x.rule, &x.text);
        }
    }
    for dv in d.divergences.iter().filter(|dv| !dv.reasons_only) {
        for x in &dv.region_reasons {
            push(&x.rule, &x.text);
        }
    }
    out
}

/// The rule ids behind a shift in one signal: those of [`reasons_for`] the
/// studied decision `d`, less the reasons the baseline's decision `before`
/// gives word for word too. When every reason is shared, all of them.
pub(crate) fn rules_for(d: &Decision, before: &Decision, added: Partners) -> BTreeSet<String> {
    let reasons = reasons_for(d, added);
    let shared = routing_reasons(before);
    let own: BTreeSet<String> =
        reasons.iter().filter(|(r, t)| !shared.contains(&(r.as_str(), t.as_str()))).map(|(r, _)| r.clone()).collect();
    if own.is_empty() { reasons.into_iter().map(|(r, _)| r).collect() } else { own }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(count: u64, samples: &[usize]) -> ShiftStats {
        ShiftStats { count, samples: samples.to_vec() }
    }

    #[test]
    fn bits_round_trip() {
        let set = bit(Partner::PohJeugd) | bit(Partner::JeugdGgz);
        let partners = list(set);
        assert_eq!(partners.len(), 2);
        assert!(partners.contains(&Partner::PohJeugd) && partners.contains(&Partner::JeugdGgz));
        assert!(list(0).is_empty());
    }

    #[test]
    fn merging_adds_counts_and_keeps_the_first_samples() {
        let key = ShiftKey { from: bit(Partner::JeugdGgz), to: bit(Partner::PohJeugd) };
        let other = ShiftKey { from: 0, to: bit(Partner::Wijkteam) };
        let mut a = Shifts::default();
        a.by_key.insert(key, stats(2, &[40, 41]));
        let mut b = Shifts::default();
        b.by_key.insert(key, stats(3, &[7, 50, 60]));
        b.by_key.insert(other, stats(1, &[9]));
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b;
        ba.merge(a);
        assert_eq!(ab, ba, "the order of merging does not matter");
        assert_eq!(ab.by_key[&key], stats(5, &[7, 40, 41, 50, 60]));
        let mut many = stats(0, &[]);
        many.keep((0..30).rev());
        assert_eq!(many.samples, (0..SAMPLE).collect::<Vec<_>>(), "the lowest {SAMPLE}, ascending");
        assert_eq!(ab.total(), 6);
        assert_eq!(ab.sorted()[0].0, key, "the most frequent first");
    }
}
