//! Per-decision time of the full pipeline, against a native baseline in the
//! same run.
//!
//! For every example signal this measures, interleaved so that machine noise
//! hits both alike:
//!
//! - `wasm`: `Host::decide`: validation, pseudonymisation, four sandboxed
//!   stage calls (fresh store and instance each), guardrails, decision card;
//! - `native`: the same four guideline functions called directly as Rust.
//!
//! It prints medians and the ratio wasm / native. Run with
//! `cargo bench -p wegwijs --bench decide` (`-- --runs N` to change the count).

// A benchmark that cannot read its inputs has nothing to report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;
use wegwijs::types::{NoConfig, RegionConfig};
use wegwijs::{Host, Signal};

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn native(signal: &Signal) -> usize {
    let case = signal.to_case(b"bench");
    let intake = wegwijs_intake::assess(&case);
    let config: &dyn RegionConfig = &NoConfig;
    let screening = wegwijs_screening::screen(&case, &intake, config);
    let routing = wegwijs_routing::route(&case, &intake, &screening, config);
    let requests: Vec<_> = routing.routes.iter().filter_map(|r| r.disclosure.clone()).collect();
    let consent = wegwijs_consent::check(&case, &requests);
    routing.routes.len() + consent.len()
}

fn main() {
    let runs: usize = std::env::args().skip_while(|a| a != "--runs").nth(1).and_then(|n| n.parse().ok()).unwrap_or(300);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/signals");
    let mut files: Vec<_> = std::fs::read_dir(&root).expect("examples").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let host = Host::builder().pseudonym_key("bench").build().expect("host");

    println!("{:<36} {:>12} {:>12} {:>8}", "signal", "wasm µs", "native µs", "ratio");
    let (mut all_wasm, mut all_native) = (Vec::new(), Vec::new());
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
        let signal = Signal::from_json(&std::fs::read_to_string(file).expect("read")).expect("valid example");
        // Warm up: page in the pool slots and caches.
        for _ in 0..10 {
            host.decide(&signal).expect("decided");
            std::hint::black_box(native(&signal));
        }
        let (mut w, mut n) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
        for _ in 0..runs {
            let t = Instant::now();
            std::hint::black_box(host.decide(&signal).expect("decided"));
            w.push(t.elapsed().as_secs_f64() * 1e6);
            let t = Instant::now();
            std::hint::black_box(native(&signal));
            n.push(t.elapsed().as_secs_f64() * 1e6);
        }
        all_wasm.extend_from_slice(&w);
        all_native.extend_from_slice(&n);
        let (mw, mn) = (median(&mut w), median(&mut n));
        let name = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        println!("{name:<36} {mw:>12.1} {mn:>12.1} {:>8.1}", mw / mn);
    }
    let (mw, mn) = (median(&mut all_wasm), median(&mut all_native));
    println!("{:<36} {mw:>12.1} {mn:>12.1} {:>8.1}", "ALL (median of every run)", mw / mn);
}
