//! The service's metrics, written in the Prometheus text exposition format
//! (version 0.0.4) by hand: a handful of counters and histograms do not
//! need a metrics crate. Label values can come from region bundles (a
//! region id, a guardrail id, a fault kind), which are untrusted, so every
//! label value is escaped as the format asks (backslash, double quote,
//! newline) and nothing else from a request ever becomes a label: the
//! number of series is bounded by the loaded regions, stages and kinds.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Mutex, PoisonError};
use wegwijs::Decision;

/// Upper bounds of the latency histograms, in seconds: from 10 µs (a
/// reference stage takes about 20) to 2.5 s (past the longest deadline a
/// region may ask for).
const BUCKETS: [f64; 17] = [
    0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
    0.5, 1.0, 2.5,
];

/// Counts per bucket (not cumulative; summed when written), sum and count.
#[derive(Debug, Clone, Default)]
struct Histogram {
    buckets: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        if let Some(i) = BUCKETS.iter().position(|b| seconds <= *b) {
            self.buckets[i] += 1;
        }
        self.sum += seconds;
        self.count += 1;
    }
}

/// Why a request was not decided although its input may have been fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rejected {
    /// Every decision slot was taken (503).
    Overloaded,
    /// The decision did not finish within the request timeout (504).
    Timeout,
    /// The host was not built yet (503).
    NotReady,
    /// The decision could not be written to the decision log (503).
    NotLogged,
}

impl Rejected {
    fn name(self) -> &'static str {
        match self {
            Rejected::Overloaded => "overloaded",
            Rejected::Timeout => "timeout",
            Rejected::NotReady => "not-ready",
            Rejected::NotLogged => "not-logged",
        }
    }
}

#[derive(Debug, Default)]
struct Inner {
    /// (status, region) → decisions.
    decisions: BTreeMap<(String, String), u64>,
    /// (stage, kind) → faults.
    faults: BTreeMap<(String, String), u64>,
    /// guardrail id → decisions it changed.
    guardrails: BTreeMap<String, u64>,
    /// (stage, role) → stage call latency.
    stages: BTreeMap<(String, String), Histogram>,
    /// region → latency of the whole decision, as the service waited for it.
    decisions_latency: BTreeMap<String, Histogram>,
    /// Decisions refused as bad input, by problem type.
    bad_input: BTreeMap<String, u64>,
    /// Requests not decided for the service's own reasons.
    rejected: BTreeMap<Rejected, u64>,
    /// Feedback entries, by the way they came in and outcome.
    feedback: BTreeMap<(&'static str, &'static str), u64>,
    /// Region bundles offered by reload passes, by outcome.
    reloads: BTreeMap<&'static str, u64>,
}

/// The service's counters and histograms. One lock: a decision records all
/// its numbers at once, which takes well under a microsecond.
#[derive(Debug, Default)]
pub(crate) struct Metrics {
    inner: Mutex<Inner>,
}

impl Metrics {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // Counters stay meaningful after a panic elsewhere: each update is
        // a few additions that cannot be left half done.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records a decision: its status and region, its faults, the
    /// guardrails that changed it, its stages' times (when it has a trace)
    /// and how long it took as a whole.
    pub(crate) fn decision(&self, decision: &Decision, seconds: f64) {
        let status = decision.status.name();
        let region = decision.provenance.region.clone();
        let mut inner = self.lock();
        *inner.decisions.entry((status.to_string(), region.clone())).or_default() += 1;
        inner.decisions_latency.entry(region).or_default().observe(seconds);
        for fault in &decision.faults {
            let kind = fault.kind.name().to_string();
            *inner.faults.entry((fault.stage.name().to_string(), kind)).or_default() += 1;
        }
        for note in decision.guardrails.iter().filter(|g| g.changed) {
            *inner.guardrails.entry(note.rule.to_string()).or_default() += 1;
        }
        for stage in decision.trace.iter().flatten() {
            let key = (stage.stage.name().to_string(), stage.role.name().to_string());
            inner.stages.entry(key).or_default().observe(stage.micros as f64 / 1e6);
        }
    }

    /// Records a signal refused as bad input, by its problem type.
    pub(crate) fn bad_input(&self, kind: &str) {
        *self.lock().bad_input.entry(kind.to_string()).or_default() += 1;
    }

    /// Records a request the service did not decide for its own reasons.
    pub(crate) fn rejected(&self, why: Rejected) {
        *self.lock().rejected.entry(why).or_default() += 1;
    }

    /// Records one feedback entry that came in `via` (`api`, `cds-hooks`)
    /// with `outcome` (`accepted`, `overridden`).
    pub(crate) fn feedback(&self, via: &'static str, outcome: &'static str) {
        *self.lock().feedback.entry((via, outcome)).or_default() += 1;
    }

    /// Records what a reload pass did with the bundles it offered.
    pub(crate) fn reload(&self, activated: usize, refused: usize) {
        let mut inner = self.lock();
        *inner.reloads.entry("activated").or_default() += activated as u64;
        *inner.reloads.entry("refused").or_default() += refused as u64;
    }

    /// The exposition text; `in_flight` is the number of decisions running.
    pub(crate) fn render(&self, in_flight: usize, capacity: usize) -> String {
        let inner = self.lock();
        let mut out = String::new();
        family(&mut out, "wegwijs_decisions_total", "counter", "Decisions made, by status and region.");
        for ((status, region), n) in &inner.decisions {
            sample(&mut out, "wegwijs_decisions_total", &[("status", status), ("region", region)], *n as f64);
        }
        family(&mut out, "wegwijs_faults_total", "counter", "Component faults in decisions, by stage and kind.");
        for ((stage, kind), n) in &inner.faults {
            sample(&mut out, "wegwijs_faults_total", &[("stage", stage), ("kind", kind)], *n as f64);
        }
        family(
            &mut out,
            "wegwijs_guardrail_changes_total",
            "counter",
            "Decisions a guardrail changed, by guardrail id.",
        );
        for (rule, n) in &inner.guardrails {
            sample(&mut out, "wegwijs_guardrail_changes_total", &[("guardrail", rule)], *n as f64);
        }
        family(&mut out, "wegwijs_bad_input_total", "counter", "Signals refused as bad input, by problem type.");
        for (kind, n) in &inner.bad_input {
            sample(&mut out, "wegwijs_bad_input_total", &[("problem", kind)], *n as f64);
        }
        family(
            &mut out,
            "wegwijs_rejected_total",
            "counter",
            "Decision requests not decided for the service's own reasons (overloaded, timeout, not-ready).",
        );
        for (why, n) in &inner.rejected {
            sample(&mut out, "wegwijs_rejected_total", &[("reason", why.name())], *n as f64);
        }
        family(&mut out, "wegwijs_cds_feedback_total", "counter", "CDS Hooks feedback on cards, by outcome.");
        for ((_, outcome), n) in inner.feedback.iter().filter(|((via, _), _)| *via == "cds-hooks") {
            sample(&mut out, "wegwijs_cds_feedback_total", &[("outcome", outcome)], *n as f64);
        }
        family(
            &mut out,
            "wegwijs_feedback_total",
            "counter",
            "Feedback on decisions recorded, by the way it came in (api, cds-hooks) and outcome.",
        );
        for ((via, outcome), n) in &inner.feedback {
            sample(&mut out, "wegwijs_feedback_total", &[("via", via), ("outcome", outcome)], *n as f64);
        }
        family(
            &mut out,
            "wegwijs_region_reloads_total",
            "counter",
            "Region bundles offered by reload passes, by outcome (activated, refused).",
        );
        for (outcome, n) in &inner.reloads {
            sample(&mut out, "wegwijs_region_reloads_total", &[("outcome", outcome)], *n as f64);
        }
        family(
            &mut out,
            "wegwijs_stage_duration_seconds",
            "histogram",
            "Stage call time (instantiation and call), by stage and role.",
        );
        for ((stage, role), h) in &inner.stages {
            histogram(&mut out, "wegwijs_stage_duration_seconds", &[("stage", stage), ("role", role)], h);
        }
        family(
            &mut out,
            "wegwijs_decision_duration_seconds",
            "histogram",
            "Time a decision took on its thread (parsing the signal to the card), by region.",
        );
        for (region, h) in &inner.decisions_latency {
            histogram(&mut out, "wegwijs_decision_duration_seconds", &[("region", region)], h);
        }
        family(&mut out, "wegwijs_decisions_in_flight", "gauge", "Decisions running now.");
        sample(&mut out, "wegwijs_decisions_in_flight", &[], in_flight as f64);
        family(&mut out, "wegwijs_decision_slots", "gauge", "Decisions that may run at once.");
        sample(&mut out, "wegwijs_decision_slots", &[], capacity as f64);
        out
    }
}

fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

fn sample(out: &mut String, name: &str, labels: &[(&str, &str)], value: f64) {
    out.push_str(name);
    write_labels(out, labels, None);
    let _ = writeln!(out, " {value}");
}

fn histogram(out: &mut String, name: &str, labels: &[(&str, &str)], h: &Histogram) {
    let mut cumulative = 0;
    for (bound, n) in BUCKETS.iter().zip(h.buckets) {
        cumulative += n;
        let _ = write!(out, "{name}_bucket");
        write_labels(out, labels, Some(&bound.to_string()));
        let _ = writeln!(out, " {cumulative}");
    }
    let _ = write!(out, "{name}_bucket");
    write_labels(out, labels, Some("+Inf"));
    let _ = writeln!(out, " {}", h.count);
    let _ = write!(out, "{name}_sum");
    write_labels(out, labels, None);
    let _ = writeln!(out, " {}", h.sum);
    let _ = write!(out, "{name}_count");
    write_labels(out, labels, None);
    let _ = writeln!(out, " {}", h.count);
}

fn write_labels(out: &mut String, labels: &[(&str, &str)], le: Option<&str>) {
    if labels.is_empty() && le.is_none() {
        return;
    }
    out.push('{');
    let mut first = true;
    for (name, value) in labels.iter().copied().chain(le.map(|v| ("le", v))) {
        if !first {
            out.push(',');
        }
        first = false;
        let _ = write!(out, "{name}=\"{}\"", escape_label(value));
    }
    out.push('}');
}

/// A label value as the exposition format writes it: backslash, double
/// quote and line feed escaped, so a value from a bundle cannot end its
/// label, forge another sample or break the line.
pub(crate) fn escape_label(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_cannot_break_out_of_their_label() {
        assert_eq!(escape_label(r#"a"b\c"#), r#"a\"b\\c"#);
        assert_eq!(escape_label("x\n# forged 1"), "x\\n# forged 1");
        let mut out = String::new();
        sample(&mut out, "m", &[("region", "evil\"} 99\nm{region=\"x")], 1.0);
        assert_eq!(out.lines().count(), 1, "{out}");
        assert_eq!(out, "m{region=\"evil\\\"} 99\\nm{region=\\\"x\"} 1\n");
    }

    #[test]
    fn histogram_buckets_are_cumulative_and_end_in_inf() {
        let mut h = Histogram::default();
        h.observe(0.000_02);
        h.observe(0.3);
        h.observe(10.0);
        let mut out = String::new();
        histogram(&mut out, "t", &[("stage", "intake")], &h);
        assert!(out.contains("t_bucket{stage=\"intake\",le=\"0.000025\"} 1\n"), "{out}");
        assert!(out.contains("t_bucket{stage=\"intake\",le=\"0.5\"} 2\n"), "{out}");
        assert!(out.contains("t_bucket{stage=\"intake\",le=\"2.5\"} 2\n"), "{out}");
        assert!(out.contains("t_bucket{stage=\"intake\",le=\"+Inf\"} 3\n"), "{out}");
        assert!(out.contains("t_count{stage=\"intake\"} 3\n"), "{out}");
    }
}
