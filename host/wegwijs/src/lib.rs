//! # wegwijs
//!
//! The host runtime of wegwijs: it turns a signal about a child into a
//! decision card — how serious, where to go next, who must consent to what,
//! and why — following the Dutch JGZ guidelines, by running four sandboxed
//! WebAssembly components (intake, screening, routing, consent) and applying
//! guardrails no component can go below.
//!
//! ```no_run
//! let host = wegwijs::Host::builder().build()?;
//! let decision = host.decide_json(r#"{
//!     "date": "2026-10-05",
//!     "child": { "birth_date": "2018-03-14" },
//!     "source": { "code": "intern-begeleider" },
//!     "handler": "jeugdverpleegkundige",
//!     "concerns": ["behaviour-problems"]
//! }"#)?;
//! println!("{}", decision.headline);
//! for id in decision.rule_ids() {
//!     println!("  {id}");
//! }
//! # Ok::<(), wegwijs::Error>(())
//! ```
//!
//! The library never sends anything anywhere: a decision is a recommendation
//! (G-HUMAN). Components see a pseudonym and codes only (G-MINIMAL). A
//! component that fails is a [`Fault`] in the decision, never a lost signal
//! (G-NO-DROP).
#![deny(missing_docs)]

mod cases;
mod coherence;
mod component;
mod date;
mod decision;
mod engine;
mod error;
mod guardrails;
mod host;
mod limits;
pub mod region;
mod signal;
mod stage;

pub use cases::{Case, CaseFile, CaseReport, ConsentExpect, Expect, Mismatch, RouteExpect, run_cases};
pub use component::{ComponentInfo, Role};
pub use decision::{Decision, Divergence, GuardrailNote, Provenance, StageTrace, Status};
pub use engine::{LogLevel, LogRecord};
pub use error::{Error, FieldProblem, Rejection};
pub use host::{BundleReport, DecideOptions, Host, HostBuilder, RegionInfo, Trial, reference_component};
pub use limits::Limits;
pub use signal::{Address, Child, Consent, Instrument, Kindcheck, Meldcode, Scored, Sdq, Signal, Source, is_code};
pub use stage::{Fault, FaultKind, Stage};

/// The shared data model (cards, codes, enums), re-exported.
#[doc(no_inline)]
pub use wegwijs_types as types;

/// The rule ids of the guideline brief's rule tables (§1–§5: intake,
/// screening, routing, consent, meldcode), which reference results cite;
/// the guardrails of §6 are the host's own. `wegwijs test` measures rule
/// coverage against this set.
pub fn guideline_rule_ids() -> std::collections::BTreeSet<&'static str> {
    const BRIEF: &str = include_str!("../../../docs/guideline-rules.md");
    let body = BRIEF.split("## 6.").next().unwrap_or(BRIEF);
    body.lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .filter(|id| types::is_well_formed_rule_id(id))
        .collect()
}

/// The JSON Schema of the signal input format.
pub fn signal_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Signal)).unwrap_or(serde_json::Value::Null)
}
