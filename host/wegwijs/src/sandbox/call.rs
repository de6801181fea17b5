//! One stage call: room taken under the host's capacity, then a fresh store
//! and instance (or the decision's shared reference instance, see
//! [`SharedInstance`]), the limits set, the call made, and every way it can
//! fail turned into a typed fault instead of an error, so the pipeline can
//! fall back to the reference result (G-NO-DROP).

use super::Sandbox;
use super::capacity::Room;
use super::component::LoadedComponent;
use super::engine::{CallLimits, StageState, TICK};
use super::spec::StageSpec;
use crate::limits::Limits;
use crate::model::{FaultKind, LogLevel, LogRecord};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;
use wasmtime::component::{Instance, TypedFunc};
use wasmtime::{PoolConcurrencyLimitError, Store, Trap};
use wegwijs_types::Language;

/// A successful stage call.
#[derive(Debug)]
pub(crate) struct CallOutcome<R> {
    pub(crate) value: R,
    /// From when the call got room to run to its result.
    pub(crate) micros: u64,
    /// The instance's linear memory at its largest.
    pub(crate) memory_bytes: u64,
    pub(crate) logs: Vec<LogRecord>,
}

/// Calls `loaded` once, as stage `S`, in a fresh store with `params`, once
/// there is room for it on `sandbox` (see [`Capacity`](crate::Capacity)).
pub(crate) fn call<S: StageSpec>(
    sandbox: &Sandbox,
    loaded: &LoadedComponent,
    params: S::Params<'_>,
    limits: &Limits,
    config: &Arc<BTreeMap<String, String>>,
    language: Language,
) -> Result<CallOutcome<S::Output>, (FaultKind, String)> {
    // Room first, and the clock after it: a call that waited in line has
    // its whole deadline to run. The room is given back when `_room` drops,
    // after the store (declared later, dropped first) has released its
    // instance and memory.
    let _room = sandbox.admission.enter(loaded.info.role, limits.memory_bytes).map_err(|d| (FaultKind::Capacity, d))?;
    let started = Instant::now();
    let mut store = new_store(sandbox, limits, config, language);
    arm(&mut store, sandbox, limits);
    let instance = match loaded.pre.instantiate(&mut store) {
        Ok(i) => i,
        Err(e) => return Err(classify(store.data().limit_hit, limits, e, Phase::Instantiate)),
    };
    let func = typed::<S>(&mut store, &instance, loaded)?;
    let (value,) = match func.call(&mut store, params) {
        Ok(v) => v,
        Err(e) => return Err(classify(store.data().limit_hit, limits, e, Phase::Call)),
    };
    let micros = started.elapsed().as_micros() as u64;
    let data = store.into_data();
    let logs = logs_of(data.logs, data.dropped_logs, limits);
    Ok(CallOutcome { value, micros, memory_bytes: data.peak_memory as u64, logs })
}

/// One fresh instance of the reference set (the four reference stages in
/// one component), serving the reference stages of one decision in turn
/// and discarded with it (`docs/decisions/0008-…`). It holds its room under
/// the host's capacity for as long as it lives.
pub(crate) struct SharedInstance<'s> {
    // Fields drop in order: the store (and with it the instance's memory)
    // before the room it was given.
    store: Store<StageState>,
    instance: Instance,
    /// The component every stage called here must belong to.
    sha256: String,
    /// How long instantiating took, counted into the first call's time so
    /// that a trace's stage times still add up to what the decision paid.
    instantiation_micros: Option<u64>,
    _room: Room<'s>,
}

impl std::fmt::Debug for SharedInstance<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedInstance").field("sha256", &self.sha256).finish_non_exhaustive()
    }
}

/// Instantiates `loaded`'s component once, for the reference stages of one
/// decision, once there is room for it.
pub(crate) fn open_shared<'s>(
    sandbox: &'s Sandbox,
    loaded: &LoadedComponent,
    limits: &Limits,
    config: &Arc<BTreeMap<String, String>>,
    language: Language,
) -> Result<SharedInstance<'s>, (FaultKind, String)> {
    let room = sandbox.admission.enter(loaded.info.role, limits.memory_bytes).map_err(|d| (FaultKind::Capacity, d))?;
    let started = Instant::now();
    let mut store = new_store(sandbox, limits, config, language);
    arm(&mut store, sandbox, limits);
    let instance = loaded
        .pre
        .instantiate(&mut store)
        .map_err(|e| classify(store.data().limit_hit, limits, e, Phase::Instantiate))?;
    Ok(SharedInstance {
        store,
        instance,
        sha256: loaded.info.sha256.clone(),
        instantiation_micros: Some(started.elapsed().as_micros() as u64),
        _room: room,
    })
}

/// Calls stage `S` of `loaded` in the shared instance: the deadline and the
/// fuel are set afresh for this call, and only this call's logs are
/// returned. After an error the instance must not be used again (a trap
/// leaves it unusable); the caller drops it.
pub(crate) fn call_shared<S: StageSpec>(
    shared: &mut SharedInstance<'_>,
    sandbox: &Sandbox,
    loaded: &LoadedComponent,
    params: S::Params<'_>,
    limits: &Limits,
) -> Result<CallOutcome<S::Output>, (FaultKind, String)> {
    if loaded.info.sha256 != shared.sha256 {
        // `typed` below relies on the export index belonging to this
        // instance's component.
        return Err((FaultKind::InvalidOutput, "a stage of another component called in the shared instance".into()));
    }
    let started = Instant::now();
    arm(&mut shared.store, sandbox, limits);
    let data = shared.store.data_mut();
    data.logs.clear();
    data.dropped_logs = 0;
    data.limit_hit = None;
    let func = typed::<S>(&mut shared.store, &shared.instance, loaded)?;
    let (value,) = func
        .call(&mut shared.store, params)
        .map_err(|e| classify(shared.store.data().limit_hit, limits, e, Phase::Call))?;
    let micros = started.elapsed().as_micros() as u64 + shared.instantiation_micros.take().unwrap_or(0);
    let data = shared.store.data_mut();
    let logs = logs_of(std::mem::take(&mut data.logs), data.dropped_logs, limits);
    Ok(CallOutcome { value, micros, memory_bytes: data.peak_memory as u64, logs })
}

/// A fresh store with this call's limits.
fn new_store(
    sandbox: &Sandbox,
    limits: &Limits,
    config: &Arc<BTreeMap<String, String>>,
    language: Language,
) -> Store<StageState> {
    let call_limits = CallLimits {
        memory_bytes: limits.memory_bytes,
        max_log_records: limits.max_log_records,
        max_log_bytes: limits.max_string_bytes,
    };
    let mut store = Store::new(sandbox.engine, StageState::new(call_limits, Arc::clone(config), language));
    store.limiter(|s| s);
    store.epoch_deadline_trap();
    store
}

/// Sets the deadline (counted from now) and the fuel for the next call.
fn arm(store: &mut Store<StageState>, sandbox: &Sandbox, limits: &Limits) {
    let ticks = (limits.deadline.as_micros() / TICK.as_micros()).max(1) as u64;
    store.set_epoch_deadline(ticks);
    if let Some(fuel) = limits.fuel {
        let _ = store.set_fuel(fuel);
    } else if sandbox.metered {
        let _ = store.set_fuel(u64::MAX);
    }
}

/// A call's log records, with a note of how many were dropped.
fn logs_of(mut logs: Vec<LogRecord>, dropped: usize, limits: &Limits) -> Vec<LogRecord> {
    if dropped > 0 {
        logs.push(LogRecord {
            level: LogLevel::Warn,
            message: format!("{dropped} further log records dropped (limit {})", limits.max_log_records),
        });
    }
    logs
}

/// Where in a call an error arose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Creating the instance: running its start functions, allocating its
    /// memories and tables from the engine's pool.
    Instantiate,
    /// Running the stage function and lifting its result.
    Call,
}

/// What a failed call is recorded as. `limit_hit` is what the store's
/// limiter refused, if it refused anything.
pub(crate) fn classify(
    limit_hit: Option<&'static str>,
    limits: &Limits,
    e: wasmtime::Error,
    phase: Phase,
) -> (FaultKind, String) {
    let detail = format!("{e:#}");
    // A full pool is the process's load, not the component: checked first,
    // since whatever else the error says follows from it.
    if let Some(full) = e.downcast_ref::<PoolConcurrencyLimitError>() {
        return (
            FaultKind::Capacity,
            format!(
                "the engine's instance pool is full ({full}): more calls in flight in this process than it holds; the host is over capacity, the component did nothing wrong"
            ),
        );
    }
    if let Some(which) = limit_hit {
        return (FaultKind::MemoryLimit, format!("{which} limit of the stage reached: {detail}"));
    }
    match (e.downcast_ref::<Trap>(), phase) {
        (Some(Trap::Interrupt), _) => (FaultKind::Deadline, format!("deadline of {:?} passed", limits.deadline)),
        (Some(Trap::OutOfFuel), _) => (FaultKind::Fuel, "fuel budget exhausted".to_string()),
        // Anything else while instantiating (a trap in a start function, a
        // store limit on instances or tables) is the instantiation failing:
        // no function ran, no result was read.
        (_, Phase::Instantiate) => (FaultKind::Instantiation, detail),
        (Some(trap), Phase::Call) => (FaultKind::Trap { trap: trap_name(*trap) }, detail),
        // Not a trap: the host could not read what the guest handed it
        // (an enum case or flag this WIT version does not have, a string
        // that is not UTF-8, a pointer out of bounds).
        (None, Phase::Call) => {
            (FaultKind::InvalidOutput, format!("the component broke the interface's types: {detail}"))
        }
    }
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

/// A stage's function, typed with its parameter and result types.
type StageFunc<'p, S> = TypedFunc<<S as StageSpec>::Params<'p>, (<S as StageSpec>::Output,)>;

/// The stage's function in `instance` (of `loaded`'s component), typed without
/// checking its signature again: the check compares the large card records
/// field by field and cost about as much as the rest of instantiation.
fn typed<'p, S: StageSpec>(
    store: &mut Store<StageState>,
    instance: &wasmtime::component::Instance,
    loaded: &LoadedComponent,
) -> Result<StageFunc<'p, S>, (FaultKind, String)> {
    if loaded.info.stage != S::STAGE {
        return Err((FaultKind::InvalidOutput, format!("a {} component called as {}", loaded.info.stage, S::STAGE)));
    }
    let func = instance
        .get_func(&mut *store, loaded.func)
        .ok_or_else(|| (FaultKind::InvalidOutput, "the stage function is missing".to_string()))?;
    // SAFETY: every `LoadedComponent` is built by `LoadedComponent::bind`,
    // which refuses it unless `get_typed_func` accepted this very export
    // (`loaded.func`) of this very component (`loaded.pre`) with this
    // stage's parameter and result types (`typecheck_as::<S>` for
    // `S::STAGE == loaded.info.stage`, checked above). `instance` is an
    // instance of that component: a fresh one from `loaded.pre`, or the
    // shared reference instance, which `call_shared` checks is of the
    // component `loaded` was bound to. Any instance of the same component
    // has the same function type.
    Ok(unsafe { TypedFunc::new_unchecked(func) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmtime::component::{Component, Linker};
    use wasmtime::{Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

    /// An engine whose pool holds one component instance, and the error the
    /// second instance alive at once gets from it: the real error, not a
    /// message made to look like it.
    fn pool_full_error() -> wasmtime::Error {
        let mut pool = PoolingAllocationConfig::new();
        pool.total_component_instances(1);
        pool.total_memories(1);
        pool.max_memory_size(1 << 20);
        let mut config = Config::new();
        config.wasm_component_model(true);
        config.memory_reservation(1 << 20);
        config.memory_guard_size(0);
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
        let engine = Engine::new(&config).unwrap();
        let component = Component::new(&engine, "(component)").unwrap();
        let linker = Linker::<()>::new(&engine);
        let mut first = Store::new(&engine, ());
        let _alive = linker.instantiate(&mut first, &component).unwrap();
        let mut second = Store::new(&engine, ());
        linker.instantiate(&mut second, &component).unwrap_err()
    }

    #[test]
    fn a_full_instance_pool_is_a_capacity_fault_in_either_phase() {
        for phase in [Phase::Instantiate, Phase::Call] {
            let (kind, detail) = classify(None, &Limits::default(), pool_full_error(), phase);
            assert_eq!(kind, FaultKind::Capacity, "{detail}");
            assert!(detail.contains("pool is full") && detail.contains("component instances"), "{detail}");
            assert!(!detail.contains("interface's types"), "{detail}");
        }
    }

    #[test]
    fn an_error_while_instantiating_is_never_invalid_output() {
        let limits = Limits::default();
        let e = || wasmtime::Error::msg("resource limit exceeded: instance count too high at 65");
        assert_eq!(classify(None, &limits, e(), Phase::Instantiate).0, FaultKind::Instantiation);
        assert_eq!(classify(None, &limits, e(), Phase::Call).0, FaultKind::InvalidOutput);
        let trap = || wasmtime::Error::from(Trap::UnreachableCodeReached);
        assert_eq!(classify(None, &limits, trap(), Phase::Instantiate).0, FaultKind::Instantiation);
        let deadline = wasmtime::Error::from(Trap::Interrupt);
        assert_eq!(classify(None, &limits, deadline, Phase::Instantiate).0, FaultKind::Deadline);
        assert_eq!(classify(Some("memory"), &limits, trap(), Phase::Call).0, FaultKind::MemoryLimit);
    }
}
