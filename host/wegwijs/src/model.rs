//! The host's own vocabulary, below every other module: the four stages,
//! which component ran a stage (reference or region), what a component that
//! failed is recorded as, and what a component may log. Nothing here knows
//! how a stage is called or where a bundle comes from; the sandbox, the
//! pipeline and the decision card all speak in these terms.

use schemars::JsonSchema;
use serde::Serialize;
use wasmtime::component::{ComponentType, Lift, Lower};

/// A pipeline stage, in pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
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

    /// Lower-case name, as in the WIT (`intake`, …) and on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Stage::Intake => "intake",
            Stage::Screening => "screening",
            Stage::Routing => "routing",
            Stage::Consent => "consent",
        }
    }

    /// What the stage does, in a few words (`Referral routing`).
    pub const fn description(self) -> &'static str {
        match self {
            Stage::Intake => "Signal intake",
            Stage::Screening => "Risk card and instrument screening",
            Stage::Routing => "Referral routing",
            Stage::Consent => "Consent checks",
        }
    }

    /// Looks a stage up by its name.
    pub fn from_name(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The exported WIT interface, fully qualified and versioned, e.g.
    /// `wegwijs:jgz/routing@0.2.0`.
    pub const fn interface(self) -> &'static str {
        match self {
            Stage::Intake => wegwijs_types::wit_interface!("intake"),
            Stage::Screening => wegwijs_types::wit_interface!("screening"),
            Stage::Routing => wegwijs_types::wit_interface!("routing"),
            Stage::Consent => wegwijs_types::wit_interface!("consent"),
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

    /// The world a component for this stage implements, e.g. `routing-stage`.
    pub const fn world(self) -> &'static str {
        match self {
            Stage::Intake => "intake-stage",
            Stage::Screening => "screening-stage",
            Stage::Routing => "routing-stage",
            Stage::Consent => "consent-stage",
        }
    }

    /// The position in pipeline order, for tables indexed by stage.
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The id under which decisions name the national defaults, where a region
/// would name itself.
pub const NATIONAL_DEFAULT: &str = "national-default";

/// The WIT interface every stage imports from the host: `log` and `config`.
pub(crate) const HOST_INTERFACE: &str = wegwijs_types::wit_interface!("host");
/// The WIT interface of the shared types; a type-only import every stage has.
pub(crate) const TYPES_INTERFACE: &str = wegwijs_types::wit_interface!("types");

/// Whether a component is the guideline reference or a region's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The built-in reference component (national guideline defaults).
    Reference,
    /// A region's own component.
    Region,
}

impl Role {
    /// Its name as the decision card spells it (`reference`, `region`).
    pub const fn name(self) -> &'static str {
        match self {
            Role::Reference => "reference",
            Role::Region => "region",
        }
    }
}

/// Where a component came from and exactly which bytes it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ComponentInfo {
    /// The stage it implements.
    pub stage: Stage,
    /// Name, e.g. `wegwijs-routing`.
    pub name: String,
    /// Version.
    pub version: String,
    /// Hex sha256 of the component's bytes.
    pub sha256: String,
    /// `reference` for the built-in guideline component, `region` otherwise.
    pub role: Role,
    /// Whether the component asks the host for the reader's language (it
    /// imports `language`, WIT 0.2.1) and so can write its texts in it. One
    /// that does not (every 0.2.0 component) writes in a language of its
    /// own, which its region's `region.toml` names (`[region] language`).
    pub follows_language: bool,
}

/// Why a component's stage call produced no usable result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
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
    /// The host was over capacity: the call found no room to run within the
    /// host's queue wait (all its slots busy, or the memory budget for calls
    /// in flight taken), or the engine's instance pool was full. Not the
    /// component's doing; the detail says which bound was reached (see
    /// [`Capacity`](crate::Capacity)).
    Capacity,
}

impl FaultKind {
    /// Its name as the decision card spells it (the `kind` tag: `trap`,
    /// `deadline`, …).
    pub const fn name(&self) -> &'static str {
        match self {
            FaultKind::Trap { .. } => "trap",
            FaultKind::Deadline => "deadline",
            FaultKind::Fuel => "fuel",
            FaultKind::MemoryLimit => "memory-limit",
            FaultKind::OutputTooLarge => "output-too-large",
            FaultKind::InvalidOutput => "invalid-output",
            FaultKind::Instantiation => "instantiation",
            FaultKind::Capacity => "capacity",
        }
    }
}

/// A component's failure, recorded in the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Fault {
    /// The stage whose component faulted (not necessarily the stage a test
    /// case is about: a case of intake can see the routing component fault).
    pub stage: Stage,
    /// The component's name.
    pub component: String,
    /// The component's sha256.
    pub sha256: String,
    /// Reference or region component.
    pub role: Role,
    /// What went wrong.
    #[serde(flatten)]
    pub kind: FaultKind,
    /// Details for the component's developer, in English, a few lines at
    /// most (a few KB): what went wrong on the first line (for a trap, the
    /// trap reason), then for a trap at most five frames of its wasm
    /// backtrace (innermost first, never the whole backtrace), then the last
    /// (at most ten) log lines the component wrote during the failed call,
    /// masked like every log line. Lines are separated by `\n`; no other
    /// control or bidirectional character occurs.
    pub detail: String,
    /// What the decision used instead.
    pub fallback: String,
}

/// Severity of a guest log record (`host.log-level`).
#[derive(ComponentType, Lift, Lower, Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[component(enum)]
#[repr(u8)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    /// Fine-grained tracing.
    #[component(name = "debug")]
    Debug,
    /// Normal operation.
    #[component(name = "info")]
    Info,
    /// Something unexpected that did not stop the stage.
    #[component(name = "warn")]
    Warn,
}

/// One log record a component wrote during a stage call, masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LogRecord {
    /// Severity.
    pub level: LogLevel,
    /// The message, with digit runs masked and cut to a bounded length.
    pub message: String,
}

/// A loaded region as the host reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RegionInfo {
    /// Region id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Bundle revision.
    pub revision: u32,
    /// CBS gemeentecodes served.
    pub gemeenten: Vec<String>,
    /// The region's own components (stages not listed run the reference).
    pub components: Vec<ComponentInfo>,
    /// Number of the bundle's own cases.
    pub cases: usize,
}
