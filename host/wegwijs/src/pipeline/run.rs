//! Running one stage of one decision: the guideline's reference component
//! (with the region's config), then, when the region has its own component
//! for the stage, that one with the reference result as input. Every call's
//! output is checked (its size against the output budget first, then its
//! fields and contract); a failure becomes a fault and the reference result
//! stands (G-NO-DROP). The run collects the faults, the divergences, the
//! bytes its results take and, when asked, the per-stage trace.

use super::budget::{Size, measure, measure_clean};
use super::divergence::divergence;
use super::output::check_output;
use crate::decision::{Divergence, StageTrace};
use crate::limits::Limits;
use crate::model::{Fault, FaultKind, Role};
use crate::region::{Config, Region};
use crate::sandbox::spec::StageSpec;
use crate::sandbox::{LoadedComponent, Sandbox, call};
use std::collections::BTreeMap;
use std::sync::Arc;
use wegwijs_types::Language;

/// What one stage produced.
#[derive(Debug)]
pub(crate) struct StageResult<R> {
    /// The result that stands: the region's when its component answered,
    /// otherwise the guideline's; `None` when the reference itself failed
    /// (and the region had nothing to offer).
    pub(crate) stands: Option<R>,
    /// The guideline's result, kept beside the region's when that stands:
    /// the floor for guardrails and what divergences are measured against.
    pub(crate) reference: Option<R>,
    /// Who produced the result that stands.
    pub(crate) by: Option<Role>,
    /// The region's component for the stage faulted (the fault is in the
    /// run's faults); the guideline's result stands in for it.
    pub(crate) region_faulted: bool,
}

impl<R> StageResult<R> {
    fn nothing() -> Self {
        StageResult { stands: None, reference: None, by: None, region_faulted: false }
    }
}

/// One decision's run through the stages.
pub(crate) struct Run<'a> {
    sandbox: &'a Sandbox,
    region: Option<&'a Region>,
    config: Config,
    /// The reader's language, which the host import `language` answers.
    language: Language,
    pub(crate) trace: Option<Vec<StageTrace>>,
    /// Whether the trace records what each stage saw and returned, or only
    /// its time and memory.
    trace_values: bool,
    pub(crate) faults: Vec<Fault>,
    pub(crate) divergences: Vec<Divergence>,
    /// Bytes, as compact JSON, of the results accepted so far, against the
    /// decision's output budget.
    output_bytes: usize,
    /// The instance the reference stages of this decision share.
    shared: Shared<'a>,
}

/// The shared reference instance of one decision (`docs/decisions/0008-…`).
enum Shared<'a> {
    /// Not opened yet: the first reference stage opens it.
    Unopened,
    /// Open, serving the reference stages in turn.
    Open(call::SharedInstance<'a>),
    /// Not to be used: sharing is off, the region has a component of its
    /// own, or a call in it failed (the stage is then called again in a
    /// fresh instance of its own, and so is every later reference stage).
    Off,
}

impl<'a> Run<'a> {
    /// Records only each stage's time and memory in the trace.
    pub(crate) fn timings_only(mut self) -> Self {
        self.trace_values = false;
        self
    }

    pub(crate) fn new(sandbox: &'a Sandbox, region: Option<&'a Region>, explain: bool, language: Language) -> Self {
        Run {
            sandbox,
            region,
            language,
            config: region.map_or_else(|| Arc::new(BTreeMap::new()), |r| Arc::clone(&r.config)),
            trace: explain.then(Vec::new),
            trace_values: true,
            faults: Vec::new(),
            divergences: Vec::new(),
            output_bytes: 0,
            // Only when the reference stages are all the decision runs: the
            // shared instance holds its room under the capacity until the
            // decision ends, and a region's component may take up to its
            // deadline in between; other decisions' guideline calls must
            // not wait behind that.
            shared: if sandbox.share_references && region.is_none_or(|r| r.own.is_empty()) {
                Shared::Unopened
            } else {
                Shared::Off
            },
        }
    }

    /// Runs stage `S` on `input`.
    pub(crate) fn stage<S: StageSpec>(&mut self, input: S::Input<'_>) -> StageResult<S::Output> {
        let reference = Arc::clone(&self.sandbox.references);
        let reference = reference.get(S::STAGE);
        let limits = self.sandbox.limits.clone();
        let ref_result = self.call::<S>(reference, input, None, &limits);
        let Some(own) = self.region.and_then(|r| r.own.get(&S::STAGE)).cloned() else {
            let by = ref_result.is_some().then_some(Role::Reference);
            return StageResult { stands: ref_result, reference: None, by, region_faulted: false };
        };
        let region_limits = self.region.map_or(limits, |r| r.limits.clone());
        match self.call::<S>(&own, input, ref_result.as_ref(), &region_limits) {
            Some(value) => {
                if let Some(reference) = &ref_result
                    && let Some(d) = divergence(&own.info, reference, &value, self.language)
                {
                    self.divergences.push(d);
                }
                StageResult {
                    stands: Some(value),
                    reference: ref_result,
                    by: Some(Role::Region),
                    region_faulted: false,
                }
            }
            None => {
                let by = ref_result.is_some().then_some(Role::Reference);
                StageResult { stands: ref_result, reference: None, by, region_faulted: true }
            }
        }
    }

    /// The id of the region the run decides in, if any.
    pub(crate) fn region_id(&self) -> Option<&'a str> {
        self.region.map(|r| r.id.as_str())
    }

    /// A stage the pipeline does not run (an earlier stage failed or intake
    /// closed the signal).
    pub(crate) fn skipped<R>() -> StageResult<R> {
        StageResult::nothing()
    }

    fn call<S: StageSpec>(
        &mut self,
        loaded: &LoadedComponent,
        input: S::Input<'_>,
        reference: Option<&S::Output>,
        limits: &Limits,
    ) -> Option<S::Output> {
        let result = match self.call_shared::<S>(loaded, S::reborrow(input), reference, limits) {
            Some(outcome) => Ok(outcome),
            None => call::call::<S>(
                self.sandbox,
                loaded,
                S::params(S::reborrow(input), reference),
                limits,
                &self.config,
                self.language,
            ),
        };
        let memory_bytes = result.as_ref().map_or(0, |o| o.memory_bytes);
        let (value, micros, logs) = match result {
            Ok(outcome) => match self
                .measured_and_checked(&outcome.value, limits)
                .and_then(|size| {
                    S::validate(input, &outcome.value)
                        .map(|()| size)
                        .map_err(|detail| (FaultKind::InvalidOutput, detail))
                })
                .and_then(|size| self.within_decision_budget(loaded.info.role, size))
            {
                Ok(size) => {
                    self.output_bytes += size;
                    (Some(outcome.value), outcome.micros, outcome.logs)
                }
                Err((kind, detail)) => {
                    self.fault(loaded, kind, detail);
                    (None, outcome.micros, outcome.logs)
                }
            },
            Err((kind, detail)) => {
                self.fault(loaded, kind, detail);
                (None, 0, Vec::new())
            }
        };
        let values = self.trace_values;
        if let Some(trace) = self.trace.as_mut() {
            // Building the JSON of a stage's input and output costs about
            // as much as the stage call: only when someone will read it.
            let (input, output, logs) = match values {
                true => {
                    (S::trace(input), value.as_ref().map_or(serde_json::Value::Null, |v| serde_json::json!(v)), logs)
                }
                false => (serde_json::Value::Null, serde_json::Value::Null, Vec::new()),
            };
            trace.push(StageTrace {
                stage: loaded.info.stage,
                component: loaded.info.name.clone(),
                role: loaded.info.role,
                input,
                output,
                micros,
                memory_bytes,
                logs,
            });
        }
        value
    }

    /// Calls a reference stage in the decision's shared instance, opening it
    /// at the first. `None` when the stage is not to be called there: a
    /// region's component, sharing off, or the shared instance failed (it
    /// is then dropped, its room given back, and the caller runs the stage
    /// in a fresh instance of its own, so a failure of the shared instance,
    /// for instance its memory limit reached by the stages together, costs
    /// a second call and never a result).
    fn call_shared<'i, S: StageSpec>(
        &mut self,
        loaded: &LoadedComponent,
        input: S::Input<'i>,
        reference: Option<&'i S::Output>,
        limits: &Limits,
    ) -> Option<call::CallOutcome<S::Output>> {
        if loaded.info.role != Role::Reference {
            return None;
        }
        if let Shared::Unopened = self.shared {
            self.shared = match call::open_shared(self.sandbox, loaded, limits, &self.config, self.language) {
                Ok(instance) => Shared::Open(instance),
                Err(_) => Shared::Off,
            };
        }
        let Shared::Open(instance) = &mut self.shared else { return None };
        match call::call_shared::<S>(instance, self.sandbox, loaded, S::params(input, reference), limits) {
            Ok(outcome) => Some(outcome),
            Err(_) => {
                self.shared = Shared::Off;
                None
            }
        }
    }

    /// The result's size as compact JSON, after the output budget and the
    /// field checks. One pass usually does both ([`measure_clean`]); only a
    /// result that pass stops at is measured and checked field by field, for
    /// the exact fault.
    fn measured_and_checked(
        &self,
        value: &impl serde::Serialize,
        limits: &Limits,
    ) -> Result<usize, (FaultKind, String)> {
        let max_list = limits.max_items.min(limits.max_reasons);
        if let Size::Within(bytes) = measure_clean(value, limits.max_output_bytes, max_list, limits.max_string_bytes) {
            return Ok(bytes);
        }
        self.within_budget(value, limits)
            .and_then(|size| check_output(value, limits).map(|()| size))
            // Left unmeasured for the field checks, and they found
            // nothing: nothing that was not measured is accepted.
            .and_then(|size| size.ok_or((FaultKind::InvalidOutput, "the result's size cannot be measured".into())))
    }

    /// The result's size as compact JSON, when within `limits.max_output_bytes`.
    /// Measured before the field checks copy it; a list or string over its
    /// own limit is left to them (`None`).
    fn within_budget(
        &self,
        value: &impl serde::Serialize,
        limits: &Limits,
    ) -> Result<Option<usize>, (FaultKind, String)> {
        let max_list = limits.max_items.max(limits.max_reasons);
        match measure(value, limits.max_output_bytes, max_list, limits.max_string_bytes) {
            Size::Within(bytes) => Ok(Some(bytes)),
            Size::Over { at } => Err((
                FaultKind::OutputTooLarge,
                format!(
                    "the result takes more than {} bytes as JSON, the most one stage result may take (the budget was spent at `{at}`); a result must fit as a whole, not only field by field",
                    limits.max_output_bytes
                ),
            )),
            // The field checks that follow name the list or string (or the
            // result that cannot be read).
            Size::Misshapen => Ok(None),
        }
    }

    /// Whether a result of `bytes` fits in what is left of the decision's
    /// output budget. Reference results are counted but never refused here:
    /// each is within the per-result budget, and they are the floor.
    fn within_decision_budget(&self, role: Role, bytes: usize) -> Result<usize, (FaultKind, String)> {
        let max = self.sandbox.limits.max_decision_output_bytes;
        if role == Role::Region && self.output_bytes.saturating_add(bytes) > max {
            return Err((
                FaultKind::OutputTooLarge,
                format!(
                    "the result takes {bytes} bytes as JSON, and the decision's results already take {}: together more than the {max} bytes one decision's results may take",
                    self.output_bytes
                ),
            ));
        }
        Ok(bytes)
    }

    fn fault(&mut self, loaded: &LoadedComponent, kind: FaultKind, detail: String) {
        let detail = readable_detail(&detail);
        self.faults.push(Fault {
            stage: loaded.info.stage,
            component: loaded.info.name.clone(),
            sha256: loaded.info.sha256.clone(),
            role: loaded.info.role,
            kind,
            detail,
            fallback: match loaded.info.role {
                Role::Reference => self
                    .language
                    .pick(
                        "geen automatische uitkomst voor deze stap: beoordeel zelf",
                        "no automated result for this stage: assess by hand",
                    )
                    .into(),
                Role::Region => self
                    .language
                    .pick("de uitkomst van de richtlijn (referentie) geldt", "the reference (guideline) result stands")
                    .into(),
            },
        });
    }
}

/// Longest fault detail kept, in bytes: a trap's reason, a few frames and a
/// few log lines fit many times over.
const MAX_FAULT_DETAIL_BYTES: usize = 4096;

/// A fault's detail as the decision keeps it: lines separated by `\n`, any
/// other control or bidirectional character shown as its code point, at
/// most [`MAX_FAULT_DETAIL_BYTES`] long (cut at a line's end where it can
/// be, ending in `…`).
fn readable_detail(detail: &str) -> String {
    let safe: Vec<String> = detail.lines().map(wegwijs_kit::display_safe).collect();
    let mut out = String::with_capacity(detail.len().min(MAX_FAULT_DETAIL_BYTES + 4));
    for line in safe {
        let sep = usize::from(!out.is_empty());
        if out.len() + sep + line.len() > MAX_FAULT_DETAIL_BYTES {
            if out.is_empty() {
                let mut end = MAX_FAULT_DETAIL_BYTES;
                while !line.is_char_boundary(end) {
                    end -= 1;
                }
                out.push_str(&line[..end]);
            }
            out.push('…');
            break;
        }
        if sep == 1 {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::spec;
    use crate::{Host, Signal};

    fn case() -> wegwijs_types::ChildCase {
        let json = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/signals/01-school-borderline-sdq.json"
        ))
        .expect("example");
        Signal::from_json(&json).expect("valid").to_case(b"k")
    }

    /// A call the shared instance cannot take (here: the instance is of
    /// another component than the stage's) drops it and runs the stage in
    /// a fresh instance of its own: the result is there, no fault recorded,
    /// and every later reference stage of the decision runs on its own.
    #[test]
    fn a_failing_shared_instance_falls_back_to_a_fresh_one() {
        let host = Host::builder().build().expect("host");
        let sandbox = host.sandbox();
        let case = case();
        let expected =
            Run::new(sandbox, None, false, Language::En).stage::<spec::Intake>(&case).stands.expect("intake");

        let other = LoadedComponent::load(
            sandbox.engine,
            None,
            sandbox.metered,
            crate::model::Stage::Intake,
            "wegwijs-intake",
            "0",
            Role::Reference,
            crate::sandbox::reference_bytes(crate::model::Stage::Intake),
        )
        .expect("the per-stage intake component loads");
        let mut run = Run::new(sandbox, None, false, Language::En);
        let config = Arc::clone(&run.config);
        run.shared =
            Shared::Open(call::open_shared(sandbox, &other, &sandbox.limits, &config, Language::En).expect("opens"));
        let got = run.stage::<spec::Intake>(&case);
        assert!(run.faults.is_empty(), "{:?}", run.faults);
        assert!(matches!(run.shared, Shared::Off));
        assert_eq!(got.stands, Some(expected));
    }

    /// The shared instance serves the stages in turn: after the first
    /// reference stage it is open, and stays open while they succeed.
    #[test]
    fn the_first_reference_stage_opens_the_shared_instance() {
        let host = Host::builder().build().expect("host");
        let mut run = Run::new(host.sandbox(), None, false, Language::En);
        assert!(matches!(run.shared, Shared::Unopened));
        let case = case();
        let intake = run.stage::<spec::Intake>(&case).stands.expect("intake");
        assert!(matches!(run.shared, Shared::Open(_)));
        run.stage::<spec::Screening>((&case, &intake)).stands.expect("screening");
        assert!(matches!(run.shared, Shared::Open(_)));

        let separate = Host::builder().separate_reference_instances(true).build().expect("host");
        let run = Run::new(separate.sandbox(), None, false, Language::En);
        assert!(matches!(run.shared, Shared::Off));
    }

    #[test]
    fn a_fault_detail_is_bounded_and_keeps_only_its_line_breaks() {
        let detail = readable_detail("wasm trap: x\u{1b}[2J\r\n  at f\u{202e}\n");
        assert_eq!(detail, "wasm trap: x<U+001B>[2J\n  at f<U+202E>");
        let long = format!("first\n{}", "y".repeat(10_000));
        assert_eq!(readable_detail(&long), "first…");
        let one = "é".repeat(5_000);
        let cut = readable_detail(&one);
        assert!(cut.len() <= MAX_FAULT_DETAIL_BYTES + '…'.len_utf8() && cut.ends_with('…'));
    }
}
