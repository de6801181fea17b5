//! The four reference stages of wegwijs as one component: intake,
//! screening, routing and consent, each exporting its stage interface, so
//! the host can run a decision's four reference stages in one fresh
//! instance instead of four (`docs/decisions/0008-…`).
//!
//! There is no code here. Each stage crate exports its stage when built for
//! `wasm32` (`wegwijs_guest::export_stage!` in its `lib.rs`), and linking
//! the four into one component merges their exports into one world that
//! exports all four stage interfaces and imports only the host's. The
//! guideline logic is exactly the stage crates'; `wegwijs check` of this
//! component against each stage finds no divergence from them.
#![no_std]

// Linked for their exports: nothing is called from here.
use wegwijs_consent as _;
use wegwijs_intake as _;
use wegwijs_routing as _;
use wegwijs_screening as _;
