//! A deliberately buggy or hostile municipality component for the wegwijs
//! sandbox tests.
//!
//! One WebAssembly build exports all four stage interfaces (intake,
//! screening, routing, consent), so the tests can plug it into any stage.
//! Per call it reads the host configuration key `hostile.<stage>` and plays
//! the [`Mode`] found there (optionally only for cases carrying the concern
//! code in [`WHEN_CONCERN_KEY`]): echo the reference, loop forever, exhaust
//! memory or the stack, trap, panic, return oversized or malformed results,
//! flood the log, return a result the test wrote as JSON under
//! `adversarial.<stage>`, or an arbitrary well-formed one from a seed
//! (`chaos:<seed>`, for the guardrail property tests). The host must survive all of it with a typed fault
//! and keep the reference result.
//!
//! The behaviour lives in plain `no_std` Rust ([`respond()`], on the model
//! types of [`wegwijs_types`]) and is tested natively; only the glue to the
//! generated bindings and the effects that need WebAssembly (raw memory
//! growth, the `unreachable` instruction, the host's log) are compiled for
//! `wasm32` alone.
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

pub mod burn;
pub mod cards;
pub mod chaos;
pub mod mode;
pub mod respond;

#[cfg(target_arch = "wasm32")]
mod component;

pub use cards::{BAD_RULE_ID, ECHO_RULE, FORGE_RULE, FORGED_TEXTS, HUGE_LIST_RULE, HUGE_STRING_RULE, StageResult};
pub use mode::{Mode, Stage, UnknownMode, WHEN_CONCERN_KEY};
pub use respond::{FAT_RULE, HUGE_LIST_ITEMS, HUGE_STRING_BYTES, LOG_FLOOD_BYTES, LOG_FLOOD_RECORDS, Sandbox, respond};
