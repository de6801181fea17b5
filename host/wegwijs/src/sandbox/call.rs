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
use wasmtime::{PoolConcurrencyLimitError, Store, Trap, WasmBacktrace};
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
        Err(e) => return Err(failed(store.data(), limits, e, Phase::Instantiate)),
    };
    let func = typed::<S>(&mut store, &instance, loaded)?;
    let (value,) = match func.call(&mut store, params) {
        Ok(v) => v,
        Err(e) => return Err(failed(store.data(), limits, e, Phase::Call)),
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
    let instance =
        loaded.pre.instantiate(&mut store).map_err(|e| failed(store.data(), limits, e, Phase::Instantiate))?;
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
    let (value,) =
        func.call(&mut shared.store, params).map_err(|e| failed(shared.store.data(), limits, e, Phase::Call))?;
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

/// What a failed call is recorded as, from the error and the call's store:
/// [`classify`]'s fault, with the log lines the component wrote during the
/// call appended to its detail (see [`with_logs`]).
fn failed(state: &StageState, limits: &Limits, e: wasmtime::Error, phase: Phase) -> (FaultKind, String) {
    let (kind, detail) = classify(state.limit_hit, limits, e, phase);
    (kind, with_logs(detail, &state.logs, state.dropped_logs))
}

/// Most frames of a trap's wasm backtrace a fault's detail names: the
/// innermost, where the trap happened. A Python or JavaScript component's
/// backtrace is frames of its interpreter, thousands of lines that tell its
/// developer nothing its own log lines do not say better.
pub(crate) const MAX_DETAIL_FRAMES: usize = 5;

/// Most log lines of the failed call a fault's detail ends with: the last
/// ones, where a component writes what went wrong just before it traps (the
/// SDKs' Python and JavaScript glue log the exception and its traceback).
pub(crate) const MAX_DETAIL_LOG_LINES: usize = 10;

/// Longest line of a fault's detail, in bytes (a cut line ends in `…`).
const MAX_DETAIL_LINE_BYTES: usize = 240;

/// One line of a fault's detail: at most [`MAX_DETAIL_LINE_BYTES`] of
/// `text`, its control and bidirectional characters shown as their code
/// points (a name section is the component's to write).
fn detail_line(text: &str) -> String {
    cut(&wegwijs_kit::display_safe(text.trim()), MAX_DETAIL_LINE_BYTES)
}

/// What went wrong, short enough to read: the error's messages (outermost
/// first, the trap reason last) on one line, then at most
/// [`MAX_DETAIL_FRAMES`] frames of its wasm backtrace, innermost first,
/// each `at <function> (<module>)` with Rust names demangled and their hash
/// dropped, and how many more frames there were. Never the whole
/// backtrace: that can be thousands of lines.
pub(crate) fn describe(e: &wasmtime::Error) -> String {
    let backtrace = e.downcast_ref::<WasmBacktrace>();
    let messages: Vec<String> = e
        .chain()
        .map(ToString::to_string)
        .filter(|m| !m.starts_with("error while executing at wasm backtrace"))
        .collect();
    let mut out = messages.join(": ");
    if out.is_empty() {
        out = "the call failed".into();
    }
    // The reason stays one line whatever it says: only frames follow it.
    // Its numbers (an offset, a limit) are kept: they are the point, and
    // wasmtime's messages carry no case's data.
    let mut lines = vec![detail_line(&out.split(['\n', '\r']).map(str::trim).collect::<Vec<_>>().join(" "))];
    if let Some(bt) = backtrace {
        let frames = bt.frames();
        for frame in frames.iter().take(MAX_DETAIL_FRAMES) {
            let function = match frame.func_name() {
                Some(name) => demangle(name),
                None => format!("<wasm function {}>", frame.func_index()),
            };
            let line = match frame.module().name() {
                Some(module) => format!("  at {function} ({module})"),
                None => format!("  at {function}"),
            };
            lines.push(format!("  {}", detail_line(&line)));
        }
        if frames.len() > MAX_DETAIL_FRAMES {
            lines.push(format!("  … {} more frames", frames.len() - MAX_DETAIL_FRAMES));
        }
    }
    lines.join("\n")
}

/// `detail` followed by the last [`MAX_DETAIL_LOG_LINES`] of the call's
/// log records (already masked by the host when the guest wrote them), one
/// line each: what the component said about the failure.
pub(crate) fn with_logs(detail: String, logs: &[LogRecord], dropped: usize) -> String {
    if logs.is_empty() {
        return detail;
    }
    let mut out = detail;
    let skipped = logs.len().saturating_sub(MAX_DETAIL_LOG_LINES) + dropped;
    out.push_str(if skipped > 0 {
        "\nits last log lines before it failed"
    } else {
        "\nits log lines before it failed"
    });
    if skipped > 0 {
        out.push_str(&format!(" ({skipped} earlier not shown)"));
    }
    out.push(':');
    for record in &logs[logs.len().saturating_sub(MAX_DETAIL_LOG_LINES)..] {
        let level = match record.level {
            LogLevel::Debug => "debug",
            LogLevel::Info => "info",
            LogLevel::Warn => "warn",
        };
        out.push_str(&format!("\n  {level}: {}", detail_line(&record.message)));
    }
    out
}

/// `text`, at most `max` bytes of it, cut at a character boundary and
/// ending in `…` when cut.
fn cut(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// A function name from a wasm name section, readable: a Rust symbol in the
/// legacy mangling (`_ZN4core9panicking9panic_fmt17h…E`) becomes its path
/// (`core::panicking::panic_fmt`) without the hash; any other name (C, a
/// Rust name the producer already demangled, v0 mangling) is kept, minus a
/// trailing `::h` hash.
fn demangle(name: &str) -> String {
    let plain = legacy_rust(name).unwrap_or_else(|| name.to_string());
    strip_hash(&plain).to_string()
}

fn strip_hash(name: &str) -> &str {
    match name.rsplit_once("::h") {
        Some((path, hash)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => path,
        _ => name,
    }
}

/// The path of a legacy-mangled Rust symbol, or `None` when `name` is not one.
fn legacy_rust(name: &str) -> Option<String> {
    let mut rest = name.strip_prefix("_ZN").or_else(|| name.strip_prefix("__ZN"))?;
    let mut parts: Vec<String> = Vec::new();
    while !rest.starts_with('E') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let len: usize = rest[..digits].parse().ok()?;
        let part = rest.get(digits..digits + len)?;
        rest = &rest[digits + len..];
        if part.len() == 17 && part.starts_with('h') && part[1..].bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        parts.push(unescape(part));
    }
    (!parts.is_empty()).then(|| parts.join("::"))
}

/// The `$..$` escapes of the legacy Rust mangling.
fn unescape(part: &str) -> String {
    // A leading `$` is written `_$`.
    let part = if part.starts_with("_$") { &part[1..] } else { part };
    let mut out = String::new();
    let mut rest = part;
    while !rest.is_empty() {
        if let Some(tail) = rest.strip_prefix("..") {
            out.push_str("::");
            rest = tail;
        } else if let Some(after) = rest.strip_prefix('$') {
            let Some(end) = after.find('$') else {
                out.push_str(rest);
                break;
            };
            let code = &after[..end];
            let text = match code {
                "SP" => "@".to_string(),
                "BP" => "*".to_string(),
                "RF" => "&".to_string(),
                "LT" => "<".to_string(),
                "GT" => ">".to_string(),
                "LP" => "(".to_string(),
                "RP" => ")".to_string(),
                "C" => ",".to_string(),
                _ => {
                    match code.strip_prefix('u').and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32)
                    {
                        Some(c) => c.to_string(),
                        None => format!("${code}$"),
                    }
                }
            };
            out.push_str(&text);
            rest = &after[end + 1..];
        } else {
            let c = rest.chars().next().unwrap_or('.');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// What a failed call is recorded as. `limit_hit` is what the store's
/// limiter refused, if it refused anything. The detail is [`describe`]'s:
/// the reason and a few backtrace frames, never the whole backtrace.
pub(crate) fn classify(
    limit_hit: Option<&'static str>,
    limits: &Limits,
    e: wasmtime::Error,
    phase: Phase,
) -> (FaultKind, String) {
    let detail = describe(&e);
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

    /// The error of a real trap, `depth` calls deep into functions named in
    /// the name section (the innermost one mangled as rustc does).
    fn trap_error(depth: usize) -> wasmtime::Error {
        let mut funcs = String::from(
            "(func $_ZN4core9panicking9panic_fmt17h0123456789abcdefE unreachable)\n(func $f0 call $_ZN4core9panicking9panic_fmt17h0123456789abcdefE)\n",
        );
        for i in 1..depth {
            funcs.push_str(&format!("(func $f{i} call $f{})\n", i - 1));
        }
        let wat = format!(
            "(component (core module $m {funcs} (func (export \"run\") call $f{})) (core instance $i (instantiate $m)) (func (export \"run\") (canon lift (core func $i \"run\"))))",
            depth - 1
        );
        let engine = Engine::default();
        let component = Component::new(&engine, wat).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::<()>::new(&engine).instantiate(&mut store, &component).unwrap();
        let run = instance.get_typed_func::<(), ()>(&mut store, "run").unwrap();
        run.call(&mut store, ()).unwrap_err()
    }

    #[test]
    fn a_trap_is_described_by_its_reason_and_a_few_frames() {
        let e = trap_error(200);
        let whole = format!("{e:#}").lines().count();
        assert!(whole > MAX_DETAIL_FRAMES + 2, "wasmtime's own text is the whole backtrace: {whole} lines");
        let (kind, detail) = classify(None, &Limits::default(), e, Phase::Call);
        assert!(matches!(kind, FaultKind::Trap { .. }), "{kind:?}");
        let lines: Vec<&str> = detail.lines().collect();
        assert!(lines.len() <= MAX_DETAIL_FRAMES + 2, "{detail}");
        assert!(lines[0].contains("unreachable"), "{detail}");
        assert!(lines[1].contains("at core::panicking::panic_fmt"), "{detail}");
        assert!(lines.last().unwrap().contains("more frames"), "{detail}");
        assert!(!detail.chars().any(|c| c != '\n' && wegwijs_kit::is_forbidden_char(c)), "{detail}");
    }

    #[test]
    fn the_calls_last_log_lines_follow_the_reason() {
        let record = |i: usize| LogRecord {
            level: LogLevel::Warn,
            message: format!("line {i} \u{1b}[2J{}", "x".repeat(i * 100)),
        };
        let logs: Vec<LogRecord> = (0..25).map(record).collect();
        let detail = with_logs("wasm trap: unreachable".into(), &logs, 3);
        let lines: Vec<&str> = detail.lines().collect();
        assert_eq!(lines.len(), 2 + MAX_DETAIL_LOG_LINES, "{detail}");
        assert!(lines[1].contains("18 earlier not shown"), "{detail}");
        assert!(lines.last().unwrap().starts_with("  warn: line 24"), "{detail}");
        assert!(lines.iter().all(|l| l.len() <= MAX_DETAIL_LINE_BYTES + 16), "{detail}");
        assert!(!detail.contains('\u{1b}'), "{detail}");
        assert_eq!(with_logs("x".into(), &[], 0), "x");
    }

    #[test]
    fn rust_names_are_demangled_and_lose_their_hash() {
        assert_eq!(demangle("_ZN4core9panicking9panic_fmt17h0123456789abcdefE"), "core::panicking::panic_fmt");
        assert_eq!(
            demangle("_ZN61_$LT$alloc..vec..Vec$LT$T$GT$$u20$as$u20$core..fmt..Debug$GT$3fmt17h0123456789abcdefE"),
            "<alloc::vec::Vec<T> as core::fmt::Debug>::fmt"
        );
        assert_eq!(demangle("my_crate::run::h0123456789abcdef"), "my_crate::run");
        assert_eq!(demangle("_PyEval_EvalFrameDefault"), "_PyEval_EvalFrameDefault");
        assert_eq!(demangle("_ZN3abc"), "_ZN3abc");
    }
}
