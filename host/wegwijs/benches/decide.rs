//! Per-decision time of the full pipeline, against a native baseline in the
//! same run.
//!
//! For every example signal this measures, interleaved so that machine noise
//! hits both alike:
//!
//! - `wasm`: `Host::decide`: validation, pseudonymisation, four sandboxed
//!   stage calls (in one fresh instance of the reference component),
//!   guardrails, decision card;
//! - `native`: the same four guideline functions called directly as Rust.
//!
//! It prints medians and the ratio wasm / native. Then, for the cost of
//! composition, the same signals decided nationally, in region D (config
//! only: the reference components with a region config), in region A
//! (its own routing component after the reference one), and in region C
//! (the same in Python), interleaved, with the ratios region / national.
//! Regions A and C need their `routing.wasm` in their bundles, built as
//! their READMEs say; without it, that row is left out and the bench says
//! so. Run with `cargo bench -p wegwijs --bench
//! decide` (`-- --runs N` to change the count). Last, decisions per second
//! on one thread and on two, with their ratio; each stage alone (its call,
//! from `--explain`'s timings, the first with the shared instance's
//! creation) against the same
//! stage natively, with the linear memory each stage instance used; and the
//! cold start of a host (a new process until the four reference components
//! are ready) without the compile cache and with it.

// A benchmark that cannot read its inputs has nothing to report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;
use wegwijs::types::{NoConfig, RegionConfig};
use wegwijs::{Host, Signal};

fn median(v: &mut [f64]) -> f64 {
    percentile(v, 0.5)
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 * p) as usize).min(v.len() - 1)]
}

fn native(signal: &Signal) -> usize {
    let case = signal.to_case(b"bench");
    let intake = wegwijs_intake::assess(&case, &wegwijs_types::NoConfig);
    let config: &dyn RegionConfig = &NoConfig;
    let screening = wegwijs_screening::screen(&case, &intake, config);
    let routing = wegwijs_routing::route(&case, &intake, &screening, config);
    let requests: Vec<_> = routing.routes.iter().filter_map(|r| r.disclosure.clone()).collect();
    let consent = wegwijs_consent::check(&case, &requests);
    routing.routes.len() + consent.len()
}

/// Each of the four guideline functions timed alone, natively, in µs.
fn native_stages(signal: &Signal) -> [f64; 4] {
    let case = signal.to_case(b"bench");
    let config: &dyn RegionConfig = &NoConfig;
    let t = Instant::now();
    let intake = std::hint::black_box(wegwijs_intake::assess(&case, &wegwijs_types::NoConfig));
    let t_intake = t.elapsed();
    let t = Instant::now();
    let screening = std::hint::black_box(wegwijs_screening::screen(&case, &intake, config));
    let t_screening = t.elapsed();
    let t = Instant::now();
    let routing = std::hint::black_box(wegwijs_routing::route(&case, &intake, &screening, config));
    let t_routing = t.elapsed();
    let requests: Vec<_> = routing.routes.iter().filter_map(|r| r.disclosure.clone()).collect();
    let t = Instant::now();
    std::hint::black_box(wegwijs_consent::check(&case, &requests));
    let t_consent = t.elapsed();
    [t_intake, t_screening, t_routing, t_consent].map(|d| d.as_secs_f64() * 1e6)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(cache) = args.iter().skip_while(|a| *a != "--cold-child").nth(1) {
        return cold_child(cache);
    }
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
    let (pw, pn) = (percentile(&mut all_wasm, 0.99), percentile(&mut all_native, 0.99));
    println!("{:<36} {pw:>12.1} {pn:>12.1} {:>8.1}", "ALL (99th percentile)", pw / pn);

    regions(&host, &files, runs);
    threads(&host, &files, runs);
    stages(&host, &files, runs);
    cold_start();
}

/// Each stage alone: the call the trace times (the first stage's with the
/// creation of the decision's shared reference instance), against
/// the same guideline function natively, and the linear memory the stage
/// instance had at its largest.
fn stages(host: &Host, files: &[std::path::PathBuf], runs: usize) {
    let (mut wasm, mut native, mut memory) = (vec![Vec::new(); 4], vec![Vec::new(); 4], [0u64; 4]);
    let explain = wegwijs::DecideOptions::explain();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
        let signal = Signal::from_json(&std::fs::read_to_string(file).expect("read")).expect("valid example");
        for _ in 0..runs / 4 {
            let decision = host.decide_with(&signal, &explain).expect("decided");
            for trace in decision.trace.iter().flatten() {
                let i = wegwijs::Stage::ALL.iter().position(|s| *s == trace.stage).expect("a stage");
                wasm[i].push(trace.micros as f64);
                memory[i] = memory[i].max(trace.memory_bytes);
            }
            for (i, t) in native_stages(&signal).into_iter().enumerate() {
                native[i].push(t);
            }
        }
    }
    println!("\n{:<36} {:>12} {:>12} {:>8} {:>12}", "stage alone", "wasm µs", "native µs", "ratio", "memory KiB");
    for (i, stage) in wegwijs::Stage::ALL.into_iter().enumerate() {
        let (w, n) = (median(&mut wasm[i]), median(&mut native[i]));
        println!("{:<36} {w:>12.1} {n:>12.2} {:>8.1} {:>12}", stage.name(), w / n, memory[i] >> 10);
    }
}

/// Process start until the four reference components are ready, in a
/// child process each time (the components are compiled once per process):
/// without a compile cache, and with a filled one. Medians of five.
fn cold_start() {
    let exe = std::env::current_exe().expect("own path");
    let dir = std::env::temp_dir().join(format!("wegwijs-bench-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let run = |cache: &str| -> f64 {
        let out = std::process::Command::new(&exe).args(["--cold-child", cache]).output().expect("child runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().parse().expect("child prints ms")
    };
    let cache = dir.to_str().expect("utf-8 temp dir");
    let fill = run(cache);
    let (mut none, mut cached) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        none.push(run("none"));
        cached.push(run(cache));
    }
    let (n, c) = (median(&mut none), median(&mut cached));
    println!("\n{:<36} {:>12}", "cold start (to host ready)", "median ms");
    println!("{:<36} {n:>12.1}", "no compile cache");
    println!("{:<36} {fill:>12.1}", "filling the compile cache (once)");
    println!("{:<36} {c:>12.1}   ratio to no cache {:.3}", "compile cache filled", c / n);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The child of [`cold_start`]: builds a host (with the compile cache in
/// `cache`, or none) and prints the milliseconds it took.
fn cold_child(cache: &str) {
    let started = Instant::now();
    let mut builder = Host::builder();
    if cache != "none" {
        builder = builder.compile_cache(cache);
    }
    let host = builder.build().expect("host");
    let ms = started.elapsed().as_secs_f64() * 1e3;
    assert_eq!(host.components().len(), 4);
    println!("{ms}");
}

/// Decisions per second on one thread and on two, each deciding the example
/// signals round after round, and the ratio: a host that scales gives
/// close to 2 on two free cores. Five rounds of each, alternated so a
/// neighbour's burst on the shared machine hits both alike; medians.
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
    let (mut ones, mut twos) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        ones.push(rate(1));
        twos.push(rate(2));
    }
    let (one, two) = (median(&mut ones), median(&mut twos));
    println!("\n{:<36} {:>12}", "threads (median of 5 rounds)", "decisions/s");
    println!("{:<36} {one:>12.0}", "1");
    println!("{:<36} {two:>12.0}   ratio to one thread {:.2}", "2", two / one);
}

/// National versus region D (config), region A (its own routing component,
/// in Rust) and region C (its own routing component, in Python), each
/// interleaved with the national defaults. Region C is read from
/// `WEGWIJS_BENCH_REGION_C` when set (a bundle copy its `build.sh` built
/// into, so the example's pinned hash is left alone), else from the
/// example directory.
fn regions(host: &Host, files: &[std::path::PathBuf], runs: usize) {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/regions");
    let d = host.activate_dir(examples.join("d-config-only")).expect("region D loads").id;
    let c_dir = std::env::var_os("WEGWIJS_BENCH_REGION_C")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| examples.join("c-pedagogisch-adviseur"));
    let mut own = Vec::new();
    for (label, dir) in [
        ("region A (own routing component, Rust)", examples.join("a-ondersteuningsteam")),
        ("region C (own routing component, Python)", c_dir),
    ] {
        match host.activate_dir(&dir) {
            Ok(info) => own.push((label, info.id, Vec::new())),
            Err(e) => println!("\n{label} not measured ({e}); build its component as its README says"),
        }
    }
    let options = |id: &str| wegwijs::DecideOptions::default().in_region(id);
    let (national, in_d) = (options("national-default"), options(&d));
    let (mut n, mut dd) = (Vec::new(), Vec::new());
    let time = |o: &wegwijs::DecideOptions, s: &Signal, out: &mut Vec<f64>| {
        let t = Instant::now();
        std::hint::black_box(host.decide_with(s, o).expect("decided"));
        out.push(t.elapsed().as_secs_f64() * 1e6);
    };
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
        let signal = Signal::from_json(&std::fs::read_to_string(file).expect("read")).expect("valid example");
        for round in 0..runs / 3 {
            time(&national, &signal, &mut n);
            time(&in_d, &signal, &mut dd);
            for (label, id, out) in &mut own {
                // A Python call takes milliseconds: a tenth of the rounds.
                if !label.contains("Python") || round % 10 == 0 {
                    time(&options(id), &signal, out);
                }
            }
        }
    }
    let mn = median(&mut n);
    println!("\n{:<36} {:>12}", "configuration", "median µs");
    println!("{:<36} {mn:>12.1}", "national default");
    let md = median(&mut dd);
    println!("{:<36} {md:>12.1}   ratio to national {:.2}", "region D (config only)", md / mn);
    for (label, _, mut out) in own {
        let m = median(&mut out);
        println!("{label:<36} {m:>12.1}   ratio to national {:.2}", m / mn);
    }
}
