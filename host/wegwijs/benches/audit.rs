//! What the decision log costs per decision, against the same host without
//! a log in the same run.
//!
//! Four hosts decide the example signals: one without a log, one whose
//! log syncs every record (`Durability::EveryRecord`), and two whose logs
//! commit in batches (`Durability::Batch`, at most 64 records): without a
//! window (a batch is what arrived during the previous `fsync`) and with a
//! 0.5 ms window. First one thread, interleaved round by round so machine
//! noise hits all alike: the median time per decision and the ratio to no
//! log. Then eight threads at once, as a service has: decisions per second
//! and the ratio to no log. The logs are written in the system's temporary
//! directory (or `WEGWIJS_BENCH_LOG_DIR`), so the numbers are that file
//! system's `fsync`; on a tmpfs such as `/dev/shm`, where `fsync` costs
//! nothing, what remains is the cost of making and writing the records. Run with
//! `cargo bench -p wegwijs --bench audit` (`-- --runs N` to change the
//! count).

// A benchmark that cannot set up has nothing to report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::time::{Duration, Instant};
use wegwijs::audit::{DecisionLog, Durability, LogOptions};
use wegwijs::{Host, Signal};

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn signals() -> Vec<Signal> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/signals");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| Signal::from_json(&std::fs::read_to_string(p).unwrap()).ok())
        .filter(|s| s.validate().is_ok())
        .collect()
}

fn logged(name: &str, durability: Durability) -> (Host, PathBuf) {
    let base = std::env::var_os("WEGWIJS_BENCH_LOG_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
    let dir = base.join(format!("wegwijs-bench-audit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (log, _) = DecisionLog::open(&dir, LogOptions::with_durability(durability)).unwrap();
    (Host::builder().pseudonym_key("bench").decision_log(log).build().unwrap(), dir)
}

fn main() {
    let runs: usize = std::env::args().skip_while(|a| a != "--runs").nth(1).and_then(|n| n.parse().ok()).unwrap_or(30);
    let signals = signals();
    let plain = Host::builder().pseudonym_key("bench").build().unwrap();
    let (per_record, dir_record) = logged("record", Durability::EveryRecord);
    let (batch, dir_batch) = logged("batch", Durability::Batch { window: Duration::ZERO, max_records: 64 });
    let (lingering, dir_lingering) =
        logged("linger", Durability::Batch { window: Duration::from_micros(500), max_records: 64 });
    let hosts = [
        ("no log", &plain),
        ("fsync per record", &per_record),
        ("batch, no window", &batch),
        ("batch, 0.5 ms", &lingering),
    ];

    // Warm up: every host compiled its components; one pass each.
    for (_, host) in &hosts {
        for s in &signals {
            host.decide(s).unwrap();
        }
    }

    println!("one thread, {} signals × {runs} rounds, median µs per decision", signals.len());
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); hosts.len()];
    for _ in 0..runs {
        for s in &signals {
            for (i, (_, host)) in hosts.iter().enumerate() {
                let t = Instant::now();
                std::hint::black_box(host.decide(s).unwrap());
                times[i].push(t.elapsed().as_secs_f64() * 1e6);
            }
        }
    }
    let base = median(&mut times[0].clone());
    for (i, (name, _)) in hosts.iter().enumerate() {
        let m = median(&mut times[i]);
        println!("  {name:<18} {m:>9.1} µs   ×{:.2}   (+{:.1} µs)", m / base, m - base);
    }

    let threads = 8;
    let per_thread = runs * signals.len() / 2;
    println!("{threads} threads × {per_thread} decisions, decisions per second");
    let mut rates = vec![Vec::new(); hosts.len()];
    for _ in 0..3 {
        for (i, (_, host)) in hosts.iter().enumerate() {
            let t = Instant::now();
            std::thread::scope(|scope| {
                for k in 0..threads {
                    let signals = &signals;
                    scope.spawn(move || {
                        for j in 0..per_thread {
                            std::hint::black_box(host.decide(&signals[(j + k) % signals.len()]).unwrap());
                        }
                    });
                }
            });
            rates[i].push((threads * per_thread) as f64 / t.elapsed().as_secs_f64());
        }
    }
    let base = median(&mut rates[0].clone());
    for (i, (name, _)) in hosts.iter().enumerate() {
        let r = median(&mut rates[i]);
        println!("  {name:<18} {r:>9.0} /s   ×{:.2}", r / base);
    }
    for dir in [dir_record, dir_batch, dir_lingering] {
        let check = wegwijs::audit::verify(&dir).unwrap();
        assert!(check.intact(), "the bench's log verifies: {check:?}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
