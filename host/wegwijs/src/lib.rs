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

// The modules form layers; their order, bottom up, is `layers::LAYERS`
// below (docs/decisions/0007).
pub mod audit;
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

pub use decision::{Decision, Divergence, GuardrailNote, OtherLanguage, Provenance, StageTrace, Status};
pub use error::{BundleProblem, EngineError, Error, FieldProblem, Rejection};
pub use host::{DecideOptions, Host, HostBuilder};
pub use input::{Address, Child, Consent, Instrument, Kindcheck, Meldcode, Scored, Sdq, Signal, Source};
pub use limits::{Capacity, Limits};
pub use model::{ComponentInfo, Fault, FaultKind, LogLevel, LogRecord, NATIONAL_DEFAULT, RegionInfo, Role, Stage};

/// The shared data model (cards, codes, enums), re-exported.
#[doc(no_inline)]
pub use wegwijs_types as types;
pub use wegwijs_types::{Language, Said};

/// The JSON Schema of the signal input format.
pub fn signal_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Signal)).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod layers {
    //! The modules form layers (docs/decisions/0007): each imports only
    //! modules listed before it here, so the folder tree reads as the flow.

    /// Bottom up.
    #[rustfmt::skip]
    const LAYERS: [&str; 14] = [
        "model", "error", "limits", "decision", "audit", "input", "sandbox", "bundle", "region",
        "guardrails", "card", "pipeline", "host", "harness",
    ];

    /// The top-level modules a source file imports through `crate::`,
    /// outside its tests.
    fn imports(source: &str) -> Vec<String> {
        let code = source.split("#[cfg(test)]").next().unwrap_or(source);
        code.match_indices("crate::")
            .map(|(i, _)| code[i + 7..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect())
            .collect()
    }

    #[test]
    fn no_module_imports_a_layer_above_it() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![];
        let mut dirs = vec![src.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let mut breaches = vec![];
        for path in files {
            let relative = path.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
            let module = relative.split(['/', '.']).next().unwrap_or_default().to_string();
            let Some(own) = LAYERS.iter().position(|l| *l == module) else { continue };
            for import in imports(&std::fs::read_to_string(&path).unwrap()) {
                match LAYERS.iter().position(|l| *l == import) {
                    Some(layer) if layer > own => breaches.push(format!("{relative} imports {import}")),
                    _ => {}
                }
            }
        }
        assert!(breaches.is_empty(), "imports of a higher layer: {breaches:?}");
    }
}
