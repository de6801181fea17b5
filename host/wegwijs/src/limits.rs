//! Per-stage resource limits. Every limit is on by default; a host sets the defaults,
//! and a region may tighten or loosen them for its own components within
//! [`Limits::maxima`].

use std::time::Duration;

/// The largest linear memory any component may have, whatever a region
/// asks; the engine's pool reserves this much per instance.
pub(crate) const MAX_MEMORY_BYTES: usize = 256 << 20;

/// Limits applied to every stage call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Wall-clock deadline for instantiation plus the call.
    pub deadline: Duration,
    /// Largest linear memory the component may grow to.
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
}

impl Limits {
    /// The most any region may ask for: regions set their own limits in
    /// `region.toml`, capped at these.
    pub fn maxima() -> Limits {
        Limits {
            deadline: Duration::from_secs(2),
            memory_bytes: MAX_MEMORY_BYTES,
            max_reasons: 256,
            max_string_bytes: 8192,
            max_items: 256,
            max_log_records: 256,
            fuel: None,
        }
    }
}

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
        }
    }
}
