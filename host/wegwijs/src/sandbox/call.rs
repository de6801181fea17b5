//! One stage call: a fresh store and instance, the limits set, the call
//! made, and every way it can fail turned into a typed fault instead of an
//! error, so the pipeline can fall back to the reference result (G-NO-DROP).

use super::component::LoadedComponent;
use super::engine::{CallLimits, StageState, TICK};
use super::spec::StageSpec;
use crate::limits::Limits;
use crate::model::{FaultKind, LogLevel, LogRecord};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;
use wasmtime::{Engine, Store, Trap};

/// A successful stage call.
#[derive(Debug)]
pub(crate) struct CallOutcome<R> {
    pub(crate) value: R,
    pub(crate) micros: u64,
    pub(crate) logs: Vec<LogRecord>,
}

/// Calls `loaded` once, as stage `S`, in a fresh store with `params`.
pub(crate) fn call<S: StageSpec>(
    engine: &Engine,
    metered: bool,
    loaded: &LoadedComponent,
    params: S::Params<'_>,
    limits: &Limits,
    config: &Arc<BTreeMap<String, String>>,
) -> Result<CallOutcome<S::Output>, (FaultKind, String)> {
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
        .get_typed_func::<S::Params<'_>, (S::Output,)>(&mut store, &loaded.func)
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
            level: LogLevel::Warn,
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
