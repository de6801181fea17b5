//! # wegwijs-cds
//!
//! [CDS Hooks 2.0](https://cds-hooks.hl7.org/2.0/) for wegwijs, without
//! HTTP: everything the service (`wegwijs serve`) needs for its three routes
//! except the routes themselves.
//!
//! | route | this crate |
//! |---|---|
//! | `GET /cds-services` | [`discovery`] |
//! | `POST /cds-services/{id}` | [`parse_request`] → [`wegwijs::Host::decide`] → [`cards`] |
//! | `POST /cds-services/{id}/feedback` | [`parse_feedback`] |
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let body = "";
//! let host = wegwijs::Host::builder().build()?;
//! let call = wegwijs_cds::parse_request(body)?; // CdsError: problem+json
//! let decision = host.decide(&call.signal)?;
//! let reference = wegwijs_cds::DecisionRef::random(); // keep it with the decision
//! let response = wegwijs_cds::cards(&decision, reference);
//! println!("{}", serde_json::to_string(&response)?);
//! # Ok(()) }
//! ```
//!
//! A card's or suggestion's uuid is its decision's [`DecisionRef`] plus a
//! slot, so [`CardRef::parse`] on a feedback's `card` gives the decision it
//! showed. Errors ([`CdsError`]) list every problem, each naming its field
//! by JSON path, as [`wegwijs::FieldProblem`]s. The hook, its context and
//! the choices behind them are in this crate's `README.md`.
#![deny(missing_docs)]

mod cards;
mod discovery;
mod error;
mod feedback;
mod ids;
pub mod indicator;
mod request;
mod text;

pub use cards::{
    Card, CdsResponse, DETAIL_MAX, LABEL_MAX, SOURCE_MAX, SUMMARY_MAX, SelectionBehavior, Source, Suggestion, cards,
    summary,
};
pub use discovery::{Discovery, HOOK, PREFETCH_PATIENT, SERVICE_ID, Service, discovery};
pub use error::CdsError;
pub use feedback::{
    Coding, Feedback, FeedbackBatch, FeedbackRules, MAX_ENTRIES, Outcome, parse_feedback, parse_feedback_with,
};
pub use ids::{CardRef, DecisionRef, MAX_SUGGESTIONS, Slot};
pub use indicator::{Indicator, indicator};
pub use request::{CdsRequest, GEMEENTE_SYSTEM, HookCall, parse_request};
