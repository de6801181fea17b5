//! The four stages and how one stage call runs: a fresh store and instance,
//! the limits set, the call made, and every way it can fail turned into a
//! typed [`Fault`] instead of an error, so the pipeline can fall back to the
//! reference result (G-NO-DROP).

use crate::component::LoadedComponent;
use crate::engine::{CallLimits, LogRecord, StageState, TICK};
use crate::limits::Limits;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;
use wasmtime::component::{ComponentNamedList, Lift, Lower};
use wasmtime::{Engine, Store, Trap};
use wegwijs_types as m;

/// A pipeline stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Signal intake.
    Intake,
    /// Risk card and instrument screening.
    Screening,
    /// Referral routing.
    Routing,
    /// Consent checks.
    Consent,
}

impl Stage {
    /// All stages in pipeline order.
    pub const ALL: [Stage; 4] = [Stage::Intake, Stage::Screening, Stage::Routing, Stage::Consent];

    /// Lower-case name.
    pub const fn name(self) -> &'static str {
        match self {
            Stage::Intake => "intake",
            Stage::Screening => "screening",
            Stage::Routing => "routing",
            Stage::Consent => "consent",
        }
    }

    /// The exported WIT interface, fully qualified and versioned.
    pub const fn interface(self) -> &'static str {
        match self {
            Stage::Intake => "wegwijs:jgz/intake@0.2.0",
            Stage::Screening => "wegwijs:jgz/screening@0.2.0",
            Stage::Routing => "wegwijs:jgz/routing@0.2.0",
            Stage::Consent => "wegwijs:jgz/consent@0.2.0",
        }
    }

    /// The function the interface exports.
    pub const fn function(self) -> &'static str {
        match self {
            Stage::Intake => "assess",
            Stage::Screening => "screen",
            Stage::Routing => "route",
            Stage::Consent => "check",
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a component's stage call produced no usable result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
#[non_exhaustive]
pub enum FaultKind {
    /// The guest trapped (including a Rust panic, which aborts into a trap).
    Trap {
        /// The trap code, e.g. `unreachable`, `stack overflow`.
        trap: String,
    },
    /// The wall-clock deadline passed.
    Deadline,
    /// The fuel budget ran out.
    Fuel,
    /// The guest tried to grow memory or a table past its limit.
    MemoryLimit,
    /// The result exceeded the output limits.
    OutputTooLarge,
    /// The result was structurally valid but broke the contract.
    InvalidOutput,
    /// The component could not be instantiated.
    Instantiation,
}

/// A component's failure, recorded in the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fault {
    /// The stage.
    pub stage: Stage,
    /// The component's name.
    pub component: String,
    /// The component's sha256.
    pub sha256: String,
    /// Reference or region component.
    pub role: crate::component::Role,
    /// What went wrong.
    #[serde(flatten)]
    pub kind: FaultKind,
    /// Details for the component's developer.
    pub detail: String,
    /// What the decision used instead.
    pub fallback: String,
}

/// A successful stage call.
#[derive(Debug)]
pub(crate) struct CallOutcome<R> {
    pub(crate) value: R,
    pub(crate) micros: u64,
    pub(crate) logs: Vec<LogRecord>,
}

/// Calls `loaded` once in a fresh store with `params`.
pub(crate) fn call<P, R>(
    engine: &Engine,
    metered: bool,
    loaded: &LoadedComponent,
    params: P,
    limits: &Limits,
    config: &Arc<BTreeMap<String, String>>,
) -> Result<CallOutcome<R>, (FaultKind, String)>
where
    P: ComponentNamedList + Lower + Send + Sync,
    R: Lift + Send + Sync + 'static,
    (R,): ComponentNamedList + Lift,
{
    let started = Instant::now();
    let call_limits = CallLimits {
        memory_bytes: limits.memory_bytes,
        max_log_records: limits.max_log_records,
        max_log_bytes: limits.max_string_bytes,
    };
    let mut store = Store::new(engine, StageState::new(call_limits, Arc::clone(config)));
    store.limiter(|s| s);
    let ticks = (limits.deadline.as_micros() / TICK.as_micros()).max(1) as u64;
    store.set_epoch_deadline(ticks);
    store.epoch_deadline_trap();
    if let Some(fuel) = limits.fuel {
        let _ = store.set_fuel(fuel);
    } else if metered {
        let _ = store.set_fuel(u64::MAX);
    }

    let classify = |store: &Store<StageState>, e: wasmtime::Error| -> (FaultKind, String) {
        let detail = format!("{e:#}");
        if let Some(which) = store.data().limit_hit {
            return (FaultKind::MemoryLimit, format!("{which} limit of the stage reached: {detail}"));
        }
        match e.downcast_ref::<Trap>() {
            Some(Trap::Interrupt) => (FaultKind::Deadline, format!("deadline of {:?} passed", limits.deadline)),
            Some(Trap::OutOfFuel) => (FaultKind::Fuel, "fuel budget exhausted".to_string()),
            Some(trap) => (FaultKind::Trap { trap: trap_name(*trap) }, detail),
            // Not a trap: the host could not read what the guest handed it
            // (an enum case or flag this WIT version does not have, a string
            // that is not UTF-8, a pointer out of bounds).
            None => (FaultKind::InvalidOutput, format!("the component broke the interface's types: {detail}")),
        }
    };

    let instance = match loaded.pre.instantiate(&mut store) {
        Ok(i) => i,
        Err(e) => {
            let (kind, detail) = classify(&store, e);
            return Err(match kind {
                FaultKind::Trap { .. } => (FaultKind::Instantiation, detail),
                other => (other, detail),
            });
        }
    };
    let func = instance
        .get_typed_func::<P, (R,)>(&mut store, &loaded.func)
        .map_err(|e| (FaultKind::InvalidOutput, format!("signature mismatch: {e:#}")))?;
    let (value,) = match func.call(&mut store, params) {
        Ok(v) => v,
        Err(e) => return Err(classify(&store, e)),
    };
    let micros = started.elapsed().as_micros() as u64;
    let data = store.into_data();
    let mut logs = data.logs;
    if data.dropped_logs > 0 {
        logs.push(LogRecord {
            level: crate::engine::LogLevel::Warn,
            message: format!("{} further log records dropped (limit {})", data.dropped_logs, limits.max_log_records),
        });
    }
    Ok(CallOutcome { value, micros, logs })
}

fn trap_name(trap: Trap) -> String {
    match trap {
        Trap::UnreachableCodeReached => "unreachable (a panic or abort in the guest)".into(),
        Trap::StackOverflow => "stack overflow".into(),
        Trap::MemoryOutOfBounds => "memory out of bounds".into(),
        Trap::IntegerDivisionByZero => "integer division by zero".into(),
        Trap::IntegerOverflow => "integer overflow".into(),
        Trap::IndirectCallToNull => "indirect call to null".into(),
        Trap::BadSignature => "bad signature".into(),
        other => format!("{other}"),
    }
}

/// Checks, once at load, that the component's function has the stage's types.
pub(crate) fn typecheck(loaded: &LoadedComponent, engine: &Engine, metered: bool) -> Result<(), String> {
    let limits = Limits::default();
    let mut store = Store::new(
        engine,
        StageState::new(
            CallLimits { memory_bytes: limits.memory_bytes, max_log_records: 0, max_log_bytes: 0 },
            Arc::new(BTreeMap::new()),
        ),
    );
    store.limiter(|s| s);
    store.set_epoch_deadline((limits.deadline.as_micros() / TICK.as_micros()).max(1) as u64);
    if metered {
        let _ = store.set_fuel(u64::MAX);
    }
    let instance = loaded.pre.instantiate(&mut store).map_err(|e| format!("instantiation failed: {e:#}"))?;
    let result = match loaded.info.stage {
        Stage::Intake => instance
            .get_typed_func::<(m::ChildCase, Option<m::IntakeCard>), (m::IntakeCard,)>(&mut store, &loaded.func)
            .map(drop),
        Stage::Screening => instance
            .get_typed_func::<(m::ChildCase, m::IntakeCard, Option<m::ScreeningCard>), (m::ScreeningCard,)>(
                &mut store,
                &loaded.func,
            )
            .map(drop),
        Stage::Routing => instance
            .get_typed_func::<(m::ChildCase, m::IntakeCard, m::ScreeningCard, Option<m::RoutingCard>), (m::RoutingCard,)>(
                &mut store,
                &loaded.func,
            )
            .map(drop),
        Stage::Consent => instance
            .get_typed_func::<(m::ChildCase, Vec<m::DisclosureRequest>, Option<Vec<m::ConsentCard>>), (Vec<m::ConsentCard>,)>(
                &mut store,
                &loaded.func,
            )
            .map(drop),
    };
    result.map_err(|e| format!("{e:#}"))
}
