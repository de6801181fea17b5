//! wegwijs integration tests: one binary, one module per concern, in the
//! package `wegwijs-tests` (`cargo test -p wegwijs-tests`).
//!
//! Support: `util` has one host for the whole binary, the real `wegwijs`
//! binary (brought up to date before its first use), copies of example
//! bundles, and golden files (`BLESS=1` rewrites them). The Rust
//! components the tests load are built at compile time by
//! `wegwijs-test-artifacts` (`tests/artifacts`). Tests write only into
//! temporary directories, except golden files when blessing.
//!
//! - `signals`: bad input gets a structured error naming the field, never a panic.
//! - `privacy`: no component ever sees a name, BSN, address, birth date or free text.
//! - `pipeline`: provenance, guardrail notes, determinism, threads.
//! - `cards`: what a professional reads holds together: no false reassurance, no excluded parents, summaries of the final routes (proptest).
//! - `rules`: the guideline rule tables, case by case, from `tests/cases/*.toml`,
//!   and the check that every rule id in the brief has a case.
//! - `examples`: every signal in `examples/signals/` through the real `wegwijs` binary.
//! - `cli`: exit codes and messages of the binary.
//! - `harness`: `wegwijs test` and `wegwijs check` on the real binary; golden `--help` and card output.
//! - `harness_sim`: `wegwijs corpus` and `wegwijs simulate`: reproducible corpus, shares, JSON, HTML, errors.
//! - `simulate_report`: `wegwijs simulate --html` as a policy adviser reads it: Dutch, the summary first with counts, rules and the synthetic-corpus caveat, `--per-year`, examples, a print- and greyscale-friendly chart, escaping, and in headless Chromium (when installed) the summary above the fold.
//! - `language`: the reader's language: Dutch decisions carry no English template text and differ from English ones in words only; the CLI in Dutch by default and English with `--lang en`; a WIT 0.2.0 region component runs and its English texts are named.
//! - `harness_new`: `wegwijs new`: scaffolds for every stage build, check and pass their own cases; refusals.
//! - `parsers`: every parser of untrusted input (signals, case files, region.toml, bundles) fails with a structured error, never a panic (proptest; the fuzz targets in `fuzz/` go further).
//! - `guardrails`: an adversarial region never breaches a guardrail (proptest).
//! - `sandbox`: hostile and buggy region components are contained (docs/security.md).
//! - `capacity`: what all the calls of one host use together: oversubscription and a full engine pool never fault the guideline, the memory of calls in flight stays within the budget, a fat but legal result is refused (docs/security.md, "Capacity").
//! - `regions`: region bundles: loading, refusal, composition, example regions.
//! - `audit`: the decision log: SIGKILL at random moments while clients stream decisions (the log verifies and holds every answered decision; a torn record is cut off and recorded), SIGHUP reload, `audit verify|show`, no identifier in the log (proptest).
//! - `bundle_hardening`: untrusted bundles: only regular files within their caps, every case file run or refused, no control or bidi characters, config bounded, no case overriding the served config; `wegwijs test` does not follow symlinked folders.
//! - `bundles_anywhere`: every example bundle and every `wegwijs new` scaffold, copied out of the repository, builds there with its own `build.sh` (the `wegwijs` under test on `PATH`) and passes its cases; `wegwijs wit` writes exactly `wit/`.

// In a test binary a panic is a failed test, helpers included.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

mod audit;
mod bundle_hardening;
mod bundles_anywhere;
mod capacity;
mod cards;
mod cli;
mod examples;
mod guardrails;
mod harness;
mod harness_new;
mod harness_sim;
mod language;
mod parsers;
mod pipeline;
mod privacy;
mod regions;
mod rules;
mod sandbox;
mod shipped;
mod signals;
mod simulate_report;
