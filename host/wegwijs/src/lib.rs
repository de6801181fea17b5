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

// The layers, bottom up; no module imports one above it.
mod bundle;
mod card;
mod decision;
mod error;
mod guardrails;
pub mod harness;
mod host;
mod input;
mod limits;
mod model;
mod pipeline;
mod region;
mod sandbox;

pub use decision::{Decision, Divergence, GuardrailNote, Provenance, StageTrace, Status};
pub use error::{BundleProblem, EngineError, Error, FieldProblem, Rejection};
pub use host::{DecideOptions, Host, HostBuilder};
pub use input::{Address, Child, Consent, Instrument, Kindcheck, Meldcode, Scored, Sdq, Signal, Source};
pub use limits::Limits;
pub use model::{ComponentInfo, Fault, FaultKind, LogLevel, LogRecord, NATIONAL_DEFAULT, RegionInfo, Role, Stage};

/// The shared data model (cards, codes, enums), re-exported.
#[doc(no_inline)]
pub use wegwijs_types as types;

/// The JSON Schema of the signal input format.
pub fn signal_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Signal)).unwrap_or(serde_json::Value::Null)
}
