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
    pub(crate) trace: Option<Vec<StageTrace>>,
    pub(crate) faults: Vec<Fault>,
    pub(crate) divergences: Vec<Divergence>,
    /// Bytes, as compact JSON, of the results accepted so far, against the
    /// decision's output budget.
    output_bytes: usize,
}

impl<'a> Run<'a> {
    pub(crate) fn new(sandbox: &'a Sandbox, region: Option<&'a Region>, explain: bool) -> Self {
        Run {
            sandbox,
            region,
            config: region.map_or_else(|| Arc::new(BTreeMap::new()), |r| Arc::clone(&r.config)),
            trace: explain.then(Vec::new),
            faults: Vec::new(),
            divergences: Vec::new(),
            output_bytes: 0,
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
                    && let Some(d) = divergence(&own.info, reference, &value)
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
        let params = S::params(S::reborrow(input), reference);
        let result = call::call::<S>(self.sandbox, loaded, params, limits, &self.config);
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
        if let Some(trace) = self.trace.as_mut() {
            trace.push(StageTrace {
                stage: loaded.info.stage,
                component: loaded.info.name.clone(),
                role: loaded.info.role,
                input: S::trace(input),
                output: value.as_ref().map_or(serde_json::Value::Null, |v| serde_json::json!(v)),
                micros,
                memory_bytes,
                logs,
            });
        }
        value
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
        self.faults.push(Fault {
            stage: loaded.info.stage,
            component: loaded.info.name.clone(),
            sha256: loaded.info.sha256.clone(),
            role: loaded.info.role,
            kind,
            detail,
            fallback: match loaded.info.role {
                Role::Reference => "no automated result for this stage: assess by hand".into(),
                Role::Region => "the reference (guideline) result stands".into(),
            },
        });
    }
}
