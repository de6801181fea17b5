//! Guest-side support shared by every wegwijs component written in Rust.
//!
//! A component crate keeps its guideline logic on the plain types of
//! [`wegwijs_types`] and uses this crate for everything that only exists
//! inside WebAssembly: the bindings of the shared `types` and `host`
//! interfaces (generated once here and reused by every stage world through
//! wit-bindgen's `with`), conversions between those bindings and the plain
//! types, the host's `config` and `log` imports, a global allocator and a
//! panic handler. Components are built `no_std` so they import nothing but
//! their world: no WASI.
#![no_std]

extern crate alloc;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(target_arch = "wasm32")]
pub use wasm::*;
