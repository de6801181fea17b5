//! Counting decisions: for each measure (a route partner, an urgency, a
//! verwijzer code, a status, …) how many signals have it. Counts only add
//! up, so tallies from several threads merge into the same result whatever
//! order the signals were decided in.

use std::collections::{BTreeMap, BTreeSet};
use wegwijs::Decision;
use wegwijs::types::RouteKind;

/// The kinds of measure, in the order the report lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Group {
    /// At least one route to this partner.
    Route,
    /// At least one route of this kind.
    Kind,
    /// The decision's overall urgency.
    Urgency,
    /// At least one referral carrying this verwijzer code.
    Verwijzer,
    /// The action on the ladder.
    Action,
    /// How far the pipeline got.
    Status,
    /// A region component departed from the guideline's result at this stage.
    Divergence,
    /// A component faulted at this stage.
    Fault,
}

impl Group {
    /// The group's name in JSON.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Group::Route => "route",
            Group::Kind => "kind",
            Group::Urgency => "urgency",
            Group::Verwijzer => "verwijzer",
            Group::Action => "action",
            Group::Status => "status",
            Group::Divergence => "divergence",
            Group::Fault => "fault",
        }
    }

    /// How a row of this group reads in the table, before its key.
    pub(crate) const fn prefix(self) -> &'static str {
        match self {
            Group::Route => "route to",
            Group::Kind => "route kind",
            Group::Urgency => "urgency",
            Group::Verwijzer => "referral with verwijzer",
            Group::Action => "action",
            Group::Status => "status",
            Group::Divergence => "region differs at",
            Group::Fault => "component fault at",
        }
    }
}

/// One measure: a group and a value within it, e.g. route to `poh-jeugd`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Measure {
    /// The kind of measure.
    pub(crate) group: Group,
    /// The value, e.g. `poh-jeugd`, `soon`, `03 jeugdarts`.
    pub(crate) key: String,
}

impl Measure {
    fn new(group: Group, key: impl Into<String>) -> Measure {
        Measure { group, key: key.into() }
    }

    /// The row's label, e.g. `route to poh-jeugd`.
    pub(crate) fn label(&self) -> String {
        format!("{} {}", self.group.prefix(), self.key)
    }
}

/// Counts of signals per measure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Signals decided.
    pub(crate) signals: u64,
    /// Signals having each measure; a signal counts once per measure.
    pub(crate) counts: BTreeMap<Measure, u64>,
}

impl Tally {
    /// Counts one decision.
    pub(crate) fn add(&mut self, d: &Decision) {
        let mut seen = BTreeSet::new();
        for r in d.routes() {
            seen.insert(Measure::new(Group::Route, r.partner.name()));
            seen.insert(Measure::new(Group::Kind, r.kind.name()));
            if r.kind == RouteKind::Referral
                && let Some(v) = r.verwijzer
            {
                seen.insert(Measure::new(Group::Verwijzer, format!("{} {}", v.code(), v.name())));
            }
        }
        seen.insert(Measure::new(Group::Urgency, d.urgency.name()));
        let action = d.action.map_or_else(|| "none".to_string(), |a| a.name().to_uppercase());
        seen.insert(Measure::new(Group::Action, action));
        seen.insert(Measure::new(Group::Status, d.status.name()));
        // A component that only adds reasons of its own (e.g. "the region
        // agrees") has not changed the outcome; only real changes count.
        for dv in d.divergences.iter().filter(|dv| !dv.reasons_only) {
            seen.insert(Measure::new(Group::Divergence, dv.stage.name()));
        }
        for f in &d.faults {
            seen.insert(Measure::new(Group::Fault, f.stage.name()));
        }
        self.signals += 1;
        for m in seen {
            *self.counts.entry(m).or_default() += 1;
        }
    }

    /// Adds another tally's counts to this one.
    pub(crate) fn merge(&mut self, other: Tally) {
        self.signals += other.signals;
        for (m, n) in other.counts {
            *self.counts.entry(m).or_default() += n;
        }
    }

    /// Signals having `measure`.
    pub(crate) fn count(&self, measure: &Measure) -> u64 {
        self.counts.get(measure).copied().unwrap_or(0)
    }
}
