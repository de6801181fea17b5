//! Throughput of `wegwijs simulate`: signals decided per second with the
//! national defaults only, and in region D (configuration only, so the same
//! four reference components, read with the region's settings), on a
//! generated corpus. It runs the real binary, as a user would, and reads the
//! throughput the binary itself reports (deciding only: host start-up and
//! corpus parsing excluded), next to the wall time of the whole process.
//!
//! `cargo bench -p wegwijs-cli --bench simulate` decides 2 000 signals per
//! configuration; `WEGWIJS_BENCH_SIGNALS=100000` sets another size and
//! `WEGWIJS_BENCH_THREADS` the worker threads (default: one per CPU). Run
//! as a test (`cargo test --benches`, without `--bench`), it only checks
//! that the pipeline runs, on 40 signals.

// A benchmark that cannot run has nothing to report but the reason.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// What one configuration achieved.
struct Measured {
    label: &'static str,
    signals_per_second: f64,
    process_seconds: f64,
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let n: u64 = if benching {
        std::env::var("WEGWIJS_BENCH_SIGNALS").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
    } else {
        40
    };
    let threads = std::env::var("WEGWIJS_BENCH_THREADS").ok();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::temp_dir().join(format!("wegwijs-bench-simulate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let corpus = dir.join("corpus.jsonl");

    let out = wegwijs(&root)
        .args(["corpus", "--n", &n.to_string(), "--seed", "2026", "--out"])
        .arg(&corpus)
        .output()
        .expect("wegwijs corpus runs");
    assert!(out.status.success(), "wegwijs corpus failed: {}", String::from_utf8_lossy(&out.stderr));

    let configurations = [("national defaults", "national"), ("region D", "examples/regions/d-config-only")];
    let mut results = Vec::new();
    for (label, region) in configurations {
        let mut cmd = wegwijs(&root);
        cmd.args(["simulate", "--format", "json", "--region", region, "--corpus"]).arg(&corpus);
        if let Some(t) = &threads {
            cmd.args(["--threads", t]);
        }
        let started = Instant::now();
        let out = cmd.output().expect("wegwijs simulate runs");
        let process_seconds = started.elapsed().as_secs_f64();
        assert!(out.status.success(), "wegwijs simulate failed: {}", String::from_utf8_lossy(&out.stderr));
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the report is JSON");
        let column = &report["configurations"][0];
        assert_eq!(column["signals"].as_u64(), Some(n), "every signal decided");
        if !benching {
            continue;
        }
        let signals_per_second = column["signals_per_second"].as_f64().expect("a throughput");
        results.push(Measured { label, signals_per_second, process_seconds });
        if results.len() == 1 {
            println!("simulate: {n} signals per configuration, {} thread(s)", report["threads"].as_u64().unwrap_or(0));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    if !benching {
        println!("simulate bench: smoke run on {n} signals passed (run with `cargo bench` to measure)");
        return;
    }
    for m in &results {
        println!(
            "  {:<18} {:>9.0} signals/s deciding   {:>7.2} s for the whole process",
            m.label, m.signals_per_second, m.process_seconds
        );
    }
    if let [national, region] = results.as_slice() {
        println!(
            "  region D / national: {:.3} (throughput ratio; below 1 means region D is slower)",
            region.signals_per_second / national.signals_per_second
        );
    }
}

fn wegwijs(root: &PathBuf) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wegwijs"));
    cmd.current_dir(root);
    cmd
}
