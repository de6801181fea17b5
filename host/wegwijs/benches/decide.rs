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
//! It prints medians and the ratio wasm / native. Then, for the cost of
//! composition, the same signals decided nationally, in region D (config
//! only: the reference components with a region config) and in region A
//! (its own routing component after the reference one), interleaved, with
//! the ratios region / national. Region A needs its `routing.wasm` in its
//! bundle, built as `examples/regions/a-ondersteuningsteam/README.md` says;
//! without it, that column is left out and the bench says so. Run with `cargo bench -p wegwijs --bench
//! decide` (`-- --runs N` to change the count). Last, decisions per second
//! on one thread and on two, with their ratio.

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

    regions(&host, &files, runs);
    threads(&host, &files, runs);
}

/// Decisions per second on one thread and on two, each deciding the example
/// signals round after round, and the ratio: a host that scales gives
/// close to 2 on two free cores.
fn threads(host: &Host, files: &[std::path::PathBuf], runs: usize) {
    let signals: Vec<Signal> = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
        .map(|f| Signal::from_json(&std::fs::read_to_string(f).expect("read")).expect("valid example"))
        .collect();
    let total = runs * signals.len();
    let rate = |threads: usize| {
        let started = Instant::now();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    for s in signals.iter().cycle().take(total / threads) {
                        std::hint::black_box(host.decide(s).expect("decided"));
                    }
                });
            }
        });
        total as f64 / started.elapsed().as_secs_f64()
    };
    let (one, two) = (rate(1), rate(2));
    println!("\n{:<36} {:>12}", "threads", "decisions/s");
    println!("{:<36} {one:>12.0}", "1");
    println!("{:<36} {two:>12.0}   ratio to one thread {:.2}", "2", two / one);
}

/// National versus region D (config) and region A (own routing component).
fn regions(host: &Host, files: &[std::path::PathBuf], runs: usize) {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/regions");
    let d = host.activate_dir(examples.join("d-config-only")).expect("region D loads").id;
    let a = match host.activate_dir(examples.join("a-ondersteuningsteam")) {
        Ok(info) => Some(info.id),
        Err(e) => {
            println!("\nregion A not measured ({e}); build its component as its README says");
            None
        }
    };
    let options = |id: &str| wegwijs::DecideOptions::default().in_region(id);
    let (national, in_d) = (options("national-default"), options(&d));
    let in_a = a.as_deref().map(options);
    let (mut n, mut dd, mut aa) = (Vec::new(), Vec::new(), Vec::new());
    let time = |o: &wegwijs::DecideOptions, s: &Signal, out: &mut Vec<f64>| {
        let t = Instant::now();
        std::hint::black_box(host.decide_with(s, o).expect("decided"));
        out.push(t.elapsed().as_secs_f64() * 1e6);
    };
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
        let signal = Signal::from_json(&std::fs::read_to_string(file).expect("read")).expect("valid example");
        for _ in 0..runs / 3 {
            time(&national, &signal, &mut n);
            time(&in_d, &signal, &mut dd);
            if let Some(o) = &in_a {
                time(o, &signal, &mut aa);
            }
        }
    }
    let mn = median(&mut n);
    println!("\n{:<36} {:>12}", "configuration", "median µs");
    println!("{:<36} {mn:>12.1}", "national default");
    let md = median(&mut dd);
    println!("{:<36} {md:>12.1}   ratio to national {:.2}", "region D (config only)", md / mn);
    if !aa.is_empty() {
        let ma = median(&mut aa);
        println!("{:<36} {ma:>12.1}   ratio to national {:.2}", "region A (own routing component)", ma / mn);
    }
}
