//! The process-wide WebAssembly engine: configuration, the epoch ticker that
//! enforces wall-clock deadlines, the host imports every stage may use, and
//! the per-call store state with its resource limiter.
//!
//! There is one [`Engine`] per process (two when fuel metering is asked for,
//! since fuel is an engine-wide switch): engines are expensive, compiled
//! components belong to the engine that compiled them, and a single ticker
//! thread can then serve every host.
//!
//! The engine's pooling allocator holds a fixed number of instances,
//! memories and tables for the whole process. It is sized for the most
//! calls one host ever runs at once (both lanes at their widest, see
//! [`Capacity`](crate::Capacity)), each at the most a store may create, and
//! every call takes a slot in the process's [`pool_gate`] before it
//! instantiates, so several hosts in one process wait for the pool in line
//! rather than fail in it.

use super::capacity::Gate;
use crate::error::EngineError;
use crate::limits::MAX_CONCURRENT_CALLS;
pub(crate) use crate::limits::MAX_MEMORY_BYTES;
use crate::model::{HOST_INTERFACE, LogLevel, LogRecord, TYPES_INTERFACE};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use wasmtime::component::{Linker, WasmStr};
use wasmtime::{Config, Enabled, Engine, InstanceAllocationStrategy, PoolingAllocationConfig, StoreContextMut};
use wegwijs_types::Language;

/// How often the ticker advances the epoch. Deadlines are whole ticks, so
/// this is also their resolution.
pub(crate) const TICK: Duration = Duration::from_millis(2);

/// Stage calls in flight at once in the process, at most: both lanes of a
/// host at their widest. The [`pool_gate`] admits no more.
pub(crate) const MAX_CALLS_IN_FLIGHT: usize = 2 * MAX_CONCURRENT_CALLS;

/// Calls the pool holds: those in flight, plus room for the one
/// instantiation with which loading a component checks its types, which
/// runs outside the gates (a handful of bundles loading at once).
const POOL_CALLS: u32 = MAX_CALLS_IN_FLIGHT as u32 + 8;

/// Most core instances one store may create ([`StageState`]'s limiter). A
/// Rust component has a handful; a Python one (componentize-py: CPython,
/// libc, its runtime, stubbed WASI adapters) about 40.
const MAX_CORE_INSTANCES_PER_CALL: usize = 64;

/// Most tables one store may create.
const MAX_TABLES_PER_CALL: usize = 16;

/// Most linear memories one store may create.
const MAX_MEMORIES_PER_CALL: usize = 4;

/// Most elements a component's table may grow to; a real component needs a
/// few hundred.
const MAX_TABLE_ELEMENTS: usize = 10_000;

/// Which engine: plain, or with fuel metering for deterministic budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EngineKind {
    Plain,
    Fuel,
}

/// The shared engine of one kind, created on first use.
pub(crate) fn engine(kind: EngineKind) -> Result<&'static Engine, EngineError> {
    static PLAIN: OnceLock<Result<Engine, EngineError>> = OnceLock::new();
    static FUEL: OnceLock<Result<Engine, EngineError>> = OnceLock::new();
    let cell = match kind {
        EngineKind::Plain => &PLAIN,
        EngineKind::Fuel => &FUEL,
    };
    cell.get_or_init(|| {
        let engine = build_engine(kind == EngineKind::Fuel).map_err(EngineError::new)?;
        spawn_ticker(engine.clone()).map_err(|e| EngineError::new(e.into()))?;
        Ok(engine)
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// Linear memory kept resident per pool slot between calls. A reference
/// stage touches about a MiB; a Python region's component (a CPython
/// snapshot) touches several of its 12 MiB, and without keeping them every
/// call copy-on-write faulted them in again (measured: 273 against 320
/// decisions per second with region C, `docs/performance.md`). Only pages a
/// call touched stay resident, and what stays is reset to the module's
/// initial image, never reused with a previous call's contents; the cost is
/// resident memory, at most this much per pool slot a large component used.
///
/// Only with PAGEMAP_SCAN (Linux 6.7 and later): without it wasmtime resets
/// the whole kept range with `memset` after every call, and 16 MiB of that
/// would cost a reference stage far more than it saves; there the first
/// [`KEEP_RESIDENT_FALLBACK_BYTES`] are kept, which covers a reference stage.
const KEEP_RESIDENT_BYTES: usize = 16 << 20;

/// What is kept resident per slot where PAGEMAP_SCAN is missing.
const KEEP_RESIDENT_FALLBACK_BYTES: usize = 1 << 20;

/// Whether this kernel has PAGEMAP_SCAN, by its version (Linux 6.7 or
/// later); wasmtime's `Enabled::Auto` probes the same and falls back alike.
fn kernel_has_pagemap_scan() -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `uname` fills the struct it is given and nothing else.
        let mut name: libc::utsname = unsafe { std::mem::zeroed() };
        if unsafe { libc::uname(&mut name) } != 0 {
            return false;
        }
        let release: String = name.release.iter().take_while(|&&c| c != 0).map(|&c| char::from(c as u8)).collect();
        linux_at_least(&release, 6, 7)
    }
    #[cfg(not(target_os = "linux"))]
    false
}

/// Whether a kernel release such as `6.18.0-1-amd64` is `major.minor` or later.
fn linux_at_least(release: &str, major: u32, minor: u32) -> bool {
    let mut parts = release.split(|c: char| !c.is_ascii_digit()).map(|p| p.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(a), Some(b)) => (a, b) >= (major, minor),
        _ => false,
    }
}

/// Table memory kept resident per pool slot between calls.
const KEEP_RESIDENT_TABLE_BYTES: usize = 16 << 10;

fn build_engine(fuel: bool) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.wasm_component_model(true);
    config.epoch_interruption(true);
    config.consume_fuel(fuel);
    // Guests are small and short-lived; a modest stack makes deep recursion
    // trap quickly instead of eating the host's time.
    config.max_wasm_stack(1 << 20);
    // Explicit bounds checks on a small reservation keep the pool's virtual
    // footprint to tens of GiB instead of terabytes, which matters on shared
    // machines with overcommit limits; the cost is negligible for workloads
    // of microseconds.
    config.memory_reservation(MAX_MEMORY_BYTES as u64);
    config.memory_guard_size(64 << 10);
    config.memory_reservation_for_growth(0);
    config.memory_init_cow(true);

    // Every call the gates admit fits, however many core instances, tables
    // and memories its store creates: a full pool is a bug, not load. The
    // memories dominate the virtual reservation (544 x 256 MiB).
    let mut pool = PoolingAllocationConfig::new();
    pool.total_component_instances(POOL_CALLS);
    pool.total_core_instances(POOL_CALLS * MAX_CORE_INSTANCES_PER_CALL as u32);
    pool.total_memories(POOL_CALLS * MAX_MEMORIES_PER_CALL as u32);
    pool.total_tables(POOL_CALLS * MAX_TABLES_PER_CALL as u32);
    pool.max_memory_size(MAX_MEMORY_BYTES);
    pool.max_memories_per_module(1);
    pool.max_tables_per_module(2);
    pool.table_elements(MAX_TABLE_ELEMENTS);
    // A slot is reused call after call. Without these, every call ends by
    // `madvise`-ing the whole memory away and the next one page-faults its
    // pages back in (and each fault or unmap is a TLB flush that another
    // core must take part in). Kept resident, the low pages a guest touches
    // are reset with `memset`; with PAGEMAP_SCAN (Linux 6.7 and later) only
    // the pages actually touched are reset, and on older kernels `Auto`
    // falls back to resetting the first `KEEP_RESIDENT_FALLBACK_BYTES`.
    pool.linear_memory_keep_resident(if kernel_has_pagemap_scan() {
        KEEP_RESIDENT_BYTES
    } else {
        KEEP_RESIDENT_FALLBACK_BYTES
    });
    pool.table_keep_resident(KEEP_RESIDENT_TABLE_BYTES);
    pool.pagemap_scan(Enabled::Auto);
    config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    Engine::new(&config)
}

/// The process's gate to `kind`'s engine pool: [`MAX_CALLS_IN_FLIGHT`]
/// slots, shared by every host on that engine. One host never waits here
/// (its lanes are narrower); many hosts in one process may.
pub(crate) fn pool_gate(kind: EngineKind) -> &'static Gate {
    static PLAIN: OnceLock<Gate> = OnceLock::new();
    static FUEL: OnceLock<Gate> = OnceLock::new();
    let cell = match kind {
        EngineKind::Plain => &PLAIN,
        EngineKind::Fuel => &FUEL,
    };
    cell.get_or_init(|| Gate::new(MAX_CALLS_IN_FLIGHT, usize::MAX))
}

/// Starts the thread that advances the epoch; the engine lives for the
/// whole process, and so does its ticker. Without it no deadline would ever
/// fire, so a failure to start it fails the host.
fn spawn_ticker(engine: Engine) -> std::io::Result<()> {
    std::thread::Builder::new().name("wegwijs-epoch".into()).spawn(move || {
        loop {
            std::thread::sleep(TICK);
            engine.increment_epoch();
        }
    })?;
    Ok(())
}

/// Per-call limits the store enforces.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CallLimits {
    pub(crate) memory_bytes: usize,
    pub(crate) max_log_records: usize,
    pub(crate) max_log_bytes: usize,
}

/// State of one store: one stage call, then discarded.
pub(crate) struct StageState {
    pub(crate) limits: CallLimits,
    pub(crate) config: Arc<BTreeMap<String, String>>,
    /// What the host import `language` answers during this call.
    pub(crate) language: Language,
    pub(crate) logs: Vec<LogRecord>,
    pub(crate) dropped_logs: usize,
    /// Set when the limiter refused a memory or table growth, so a trap that
    /// follows is reported as the limit it really is.
    pub(crate) limit_hit: Option<&'static str>,
    /// The largest linear memory the limiter allowed, in bytes: the
    /// initial allocation counts as a growth from nothing.
    pub(crate) peak_memory: usize,
}

impl StageState {
    pub(crate) fn new(limits: CallLimits, config: Arc<BTreeMap<String, String>>, language: Language) -> Self {
        StageState { limits, config, language, logs: Vec::new(), dropped_logs: 0, limit_hit: None, peak_memory: 0 }
    }
}

impl wasmtime::ResourceLimiter for StageState {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        if desired > self.limits.memory_bytes {
            self.limit_hit = Some("memory");
            return Ok(false);
        }
        self.peak_memory = self.peak_memory.max(desired);
        Ok(true)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        if desired > MAX_TABLE_ELEMENTS {
            self.limit_hit = Some("table");
            return Ok(false);
        }
        Ok(true)
    }

    // What the pool is sized by: see the constants.
    fn instances(&self) -> usize {
        MAX_CORE_INSTANCES_PER_CALL
    }

    fn tables(&self) -> usize {
        MAX_TABLES_PER_CALL
    }

    fn memories(&self) -> usize {
        MAX_MEMORIES_PER_CALL
    }
}

/// Masks a log message: digit runs become `#` (a BSN, a date or a phone
/// number must not reach a log), control, line-breaking and bidi characters
/// are dropped (an EPD's log viewer is a terminal or a web page too), and
/// the length is bounded on a character boundary. One exception keeps a
/// traceback readable: a run of at most [`LINE_NUMBER_DIGITS`] digits right
/// after `line ` (as Python and JavaScript tracebacks and the templates'
/// error boundary write it) stays, since no identifier fits in it.
pub(crate) fn mask(message: &str, max_bytes: usize) -> String {
    let mut out = String::with_capacity(message.len().min(max_bytes));
    let mut rest = message;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let run = rest.bytes().take_while(u8::is_ascii_digit).count();
            let keep = run <= LINE_NUMBER_DIGITS && after_the_word_line(&out);
            if out.len() + run > max_bytes {
                out.push('…');
                break;
            }
            if keep {
                out.push_str(&rest[..run]);
            } else {
                out.extend(std::iter::repeat_n('#', run));
            }
            rest = &rest[run..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if c.is_control() || wegwijs_kit::is_forbidden_char(c) {
            continue;
        }
        if out.len() + c.len_utf8() > max_bytes {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

/// Whether `text` ends with the word `line` and a space (any case).
fn after_the_word_line(text: &str) -> bool {
    let Some(head) = text.len().checked_sub(5).and_then(|at| text.get(at..).map(|tail| (at, tail))) else {
        return false;
    };
    let (at, tail) = head;
    tail.eq_ignore_ascii_case("line ") && !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// The longest line number a log message keeps (see [`mask`]).
const LINE_NUMBER_DIGITS: usize = 4;

/// Longest config key a component may ask for; no real key is near it.
const MAX_CONFIG_KEY_BYTES: usize = 256;

/// The linker with the host imports: `log`, `config` and `language`,
/// nothing else. Defined at this host's WIT version; wasmtime's linker
/// resolves a component's import of an older compatible version (0.2.0)
/// to it, which is sound because that version is a subset.
///
/// Both take the guest's strings as [`WasmStr`], a view into the guest's
/// memory (UTF-8 strings are read in place, not copied), so the host never
/// allocates more for a message than it keeps: a component passing a
/// message of many megabytes costs the host `max_log_bytes` of memory, not
/// the message's length (the host-call allocation cap).
pub(crate) fn linker(engine: &Engine) -> wasmtime::Result<Linker<StageState>> {
    let mut linker = Linker::new(engine);
    let mut host = linker.instance(HOST_INTERFACE)?;
    host.func_wrap("log", |mut cx: StoreContextMut<'_, StageState>, (level, message): (LogLevel, WasmStr)| {
        if cx.data().logs.len() >= cx.data().limits.max_log_records {
            cx.data_mut().dropped_logs += 1;
            return Ok(());
        }
        let max = cx.data().limits.max_log_bytes;
        let text = message.to_str(&cx)?;
        // Cut before masking: never more than `max` bytes (plus the UTF-8
        // tail of one character) are looked at or copied.
        let mut end = text.len().min(max + 4);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let masked = mask(&text[..end], max);
        cx.data_mut().logs.push(LogRecord { level, message: masked });
        Ok(())
    })?;
    host.func_wrap("config", |cx: StoreContextMut<'_, StageState>, (key,): (WasmStr,)| {
        let key = key.to_str(&cx)?;
        if key.len() > MAX_CONFIG_KEY_BYTES {
            return Ok((None,));
        }
        Ok((cx.data().config.get(key.as_ref()).cloned(),))
    })?;
    host.func_wrap("language", |cx: StoreContextMut<'_, StageState>, (): ()| {
        Ok((cx.data().language.tag().to_string(),))
    })?;
    linker.instance(TYPES_INTERFACE)?;
    Ok(linker)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_releases_are_compared_by_major_and_minor() {
        assert!(linux_at_least("6.18.0-1-amd64", 6, 7));
        assert!(linux_at_least("6.7", 6, 7));
        assert!(linux_at_least("7.0.1", 6, 7));
        assert!(!linux_at_least("6.6.30", 6, 7));
        assert!(!linux_at_least("5.15.0-105-generic", 6, 7));
        assert!(!linux_at_least("garbage", 6, 7));
    }

    #[test]
    fn masking_hides_digits_and_bounds_length() {
        assert_eq!(mask("bsn 123456782 seen", 100), "bsn ######### seen");
        assert_eq!(mask("abcdef", 3), "abc…");
        assert_eq!(mask("a\u{7}b", 10), "ab");
        assert_eq!(mask("a\u{202e}b\u{2066}c\u{2028}d", 20), "abcd");
        assert_eq!(mask("ééé", 3), "é…");
        assert_eq!(mask("at route (app.py, line 42)", 100), "at route (app.py, line 42)");
        assert_eq!(mask("at f (app.js, Line 1234)", 100), "at f (app.js, Line 1234)");
        assert_eq!(mask("line 123456782", 100), "line #########", "a BSN is never a line number");
        assert_eq!(mask("online 12", 100), "online ##");
        assert_eq!(mask("12 on line 7, 34", 100), "## on line 7, ##");
    }
}
