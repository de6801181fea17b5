//! Resource limits: what one stage call may use ([`Limits`], per stage; a
//! host sets the defaults and a region may tighten or loosen them for its
//! own components within [`Limits::maxima`]), and what all the calls of one
//! host may use together ([`Capacity`]: how many run at once, how much
//! memory they may hold between them, how long a call waits for room).
//!
//! Per-call limits alone do not bound a host: two hundred calls that each
//! stay within their deadline and memory still share two cores and one
//! machine's memory. The capacity bounds the sum, so that oversubscription
//! shows as a capacity fault on the calls that could not get room, never as
//! a deadline or memory fault of a component that did nothing wrong.

use std::time::Duration;

/// The largest linear memory any component may have, whatever a region
/// asks; the engine's pool reserves this much per instance.
pub(crate) const MAX_MEMORY_BYTES: usize = 256 << 20;

/// The most stage calls one host runs at once in each of its two lanes
/// (reference components, region components), whatever
/// [`Capacity::concurrent_calls`] asks: the engine's instance pool, shared
/// by the whole process, is sized for both lanes of one host at this width
/// (`sandbox::engine`), so the pool cannot run out while calls are bounded.
pub(crate) const MAX_CONCURRENT_CALLS: usize = 64;

/// Limits applied to every stage call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Wall-clock deadline for instantiation plus the call. It starts when
    /// the call runs, after it got room under the host's [`Capacity`], not
    /// when the call was asked for.
    pub deadline: Duration,
    /// Largest linear memory the component may grow to. For the host's own
    /// limits (those of the reference components) keep it at 2 MiB or
    /// more: the reference component starts with 2 MiB, and below that
    /// every reference stage faults at instantiation.
    pub memory_bytes: usize,
    /// Most reasons (and warnings) one card may carry.
    pub max_reasons: usize,
    /// Longest string anywhere in a result, and longest log message.
    pub max_string_bytes: usize,
    /// Most routes or consent cards one result may carry.
    pub max_items: usize,
    /// Most log records one call may write; further records are counted and dropped.
    pub max_log_records: usize,
    /// Fuel budget per call, when the host was built with fuel metering.
    pub fuel: Option<u64>,
    /// Most bytes one stage result may take as compact JSON, all its text
    /// and structure together. The item, reason and string limits each
    /// allow a lot (256 routes of 256 reasons of 8 KiB is half a GiB);
    /// this bounds their product, so that no legal result can make the host
    /// spend seconds and hundreds of MiB on one decision. The reference
    /// cards take a few KiB. A region's `[limits]` cannot change it: its
    /// components run under the host's value.
    pub max_output_bytes: usize,
    /// Most bytes the stage results of one decision may take together, as
    /// compact JSON (the results that stand and the guideline's results
    /// kept beside them). A region result that would bring the decision
    /// over it is `output-too-large`, and the guideline's result stands; a
    /// reference result is counted but never refused for it, since each is
    /// already within `max_output_bytes`. Only the host's value counts.
    pub max_decision_output_bytes: usize,
}

impl Limits {
    /// The most any region may ask for: regions set their own limits in
    /// `region.toml`, capped at these. The output budgets are not a region's
    /// to set; they stand at their defaults here.
    pub fn maxima() -> Limits {
        Limits {
            deadline: Duration::from_secs(2),
            memory_bytes: MAX_MEMORY_BYTES,
            max_reasons: 256,
            max_string_bytes: 8192,
            max_items: 256,
            max_log_records: 256,
            fuel: None,
            max_output_bytes: DEFAULT_OUTPUT_BYTES,
            max_decision_output_bytes: DEFAULT_DECISION_OUTPUT_BYTES,
        }
    }
}

/// [`Limits::max_output_bytes`] by default: 256 KiB, about fifty times the
/// largest reference result (the test suite checks the margin on every
/// example signal and rule case).
const DEFAULT_OUTPUT_BYTES: usize = 256 << 10;

/// [`Limits::max_decision_output_bytes`] by default: 1 MiB, room for a
/// region result at the full per-result budget at every stage but one next
/// to the guideline's results, and the decision a professional reads stays
/// a page, not a download.
const DEFAULT_DECISION_OUTPUT_BYTES: usize = 1 << 20;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            deadline: Duration::from_millis(250),
            memory_bytes: 32 << 20,
            max_reasons: 64,
            max_string_bytes: 2048,
            max_items: 64,
            max_log_records: 32,
            fuel: None,
            max_output_bytes: DEFAULT_OUTPUT_BYTES,
            max_decision_output_bytes: DEFAULT_DECISION_OUTPUT_BYTES,
        }
    }
}

/// What all the stage calls of one host may use together, set with
/// [`HostBuilder::capacity`](crate::HostBuilder::capacity); a host reports
/// the values it really uses with [`Host::capacity`](crate::Host::capacity).
///
/// A host runs stage calls in two lanes, each at most
/// [`concurrent_calls`](Capacity::concurrent_calls) wide: one for the
/// reference components (the guideline, also when a region only configures
/// them) and one for regions' own components. A reference call never waits
/// behind a region component, so a region whose component is slow, loops
/// to its deadline or is simply busy cannot make the guideline's results
/// late, whether for its own decisions or anyone else's. The reference
/// call and the region call of one stage each take room in their own lane
/// in turn, never both at once, so no call waits while holding room.
///
/// A call that finds no room waits in line (first come, first served) for
/// at most [`queue_wait`](Capacity::queue_wait), and then is a
/// [`FaultKind::Capacity`](crate::FaultKind::Capacity) fault: the host was
/// over capacity, the component did nothing wrong. Its deadline starts only
/// once it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Capacity {
    /// How many stage calls run at once in each lane. Default: the number
    /// of cores the process may use (`std::thread::available_parallelism`),
    /// since a call is pure computation and more calls than cores only
    /// share the cores, each getting slower until deadlines pass. At least
    /// 1, at most 64 (the engine's instance pool is sized for that).
    pub concurrent_calls: usize,
    /// The most linear memory the calls in flight may be allowed between
    /// them, summed over their memory limits ([`Limits::memory_bytes`]).
    /// Default 1 GiB. A call reserves its whole limit before it runs, so the
    /// sum of what components can touch never exceeds this.
    ///
    /// The reference lane's share, `concurrent_calls` times the host's
    /// memory limit, is set aside first (at most half the budget: the
    /// reference lane is narrowed to fit), so regions cannot take memory
    /// the guideline needs; region calls share the rest. A region whose
    /// memory limit is larger than that rest could never run, and is
    /// refused when it is loaded, naming both numbers. A budget smaller
    /// than one reference call's memory limit is raised to it.
    ///
    /// This bounds linear memory, which is what a component controls. The
    /// host's own memory per call comes on top: a store, and the result
    /// wasmtime lifts out of the component's memory before the host can
    /// measure it (bounded by that memory, times a small factor; a result
    /// over [`Limits::max_output_bytes`] is dropped as soon as it is
    /// measured). Compiled code is shared.
    pub memory_budget: usize,
    /// How long a call waits for room before it is a capacity fault.
    /// Default 2 s, the longest deadline a region may ask for: a waiting
    /// call gives up no later than one running call could take.
    pub queue_wait: Duration,
}

impl Default for Capacity {
    fn default() -> Self {
        Capacity {
            concurrent_calls: std::thread::available_parallelism().map_or(1, usize::from).min(MAX_CONCURRENT_CALLS),
            memory_budget: 1 << 30,
            queue_wait: Duration::from_secs(2),
        }
    }
}
