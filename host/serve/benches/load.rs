//! A bounded load test of `wegwijs serve`, against `Host::decide` called
//! in-process on the same machine in the same run.
//!
//! The service is started in this process through the library's public API
//! (`Server::bind` on `127.0.0.1:0`, a runtime built the way
//! `serve_until_signal` builds it), with the national defaults and two
//! regions: region D (`examples/regions/d-config-only`, config only, the
//! healthy one) and a region whose routing component is the hostile test
//! guest in `loop` mode (`tests/guests/hostile`), written into a temporary
//! bundle with its own gemeente. 64 clients, each with one keep-alive
//! connection and never more than one request in flight, post the example
//! signals for a fixed time, with the gemeente set so that a signal goes
//! to region D, to the looping region or to the national defaults. A 503
//! is answered the way a well-behaved client would: wait `Retry-After`,
//! with jitter, never past the end of the phase, then go on.
//!
//! Phases (`WEGWIJS_LOAD_SECONDS`, default 10, is the length of each):
//!
//! 1. in-process: one thread per decision slot (at most one per core)
//!    calls `Host::decide` on the same signals (region D and national,
//!    alternately); 1b. the same threads do what the service does per
//!    request (parse the body, decide, serialize the card), for half the
//!    time. Both run half before phase 2 and half after it, so that a
//!    neighbour's burst on the shared machine hits all alike;
//! 2. the service, region D and national only: its throughput against
//!    phase 1 is the ratio the goal is about (≥ 0.7);
//! 3. the service with [`LOOPING_CLIENTS`] of the clients sending to the
//!    looping region: what a region whose component loops does to the
//!    others;
//! 0. the HTTP floor: the same clients against an axum server on a runtime
//!    of the same shape that answers every request at once with a card
//!    decided beforehand (no parse, no decision, no serialization). It is
//!    what HTTP on loopback, the kernel and the load client cost on this
//!    machine per request; since they share its cores with the decisions,
//!    no service can answer faster than `1 / (1/floor + 1/work)`, and the
//!    bench prints that ceiling as a ratio too.
//!
//! It prints per phase and region: decisions, decisions per second, p50
//! and p99 latency, 503s (admission control), every other status, and
//! decisions that came back with a fault. Only ratios within one run mean
//! anything on a shared machine; nothing here asserts a time.
//!
//! `cargo bench -p wegwijs-serve --bench load`. For finding out where the
//! time goes, `WEGWIJS_LOAD_SLOTS=N` gives the service other decision slots
//! and `WEGWIJS_LOAD_STAGE_METRICS=0` turns its per-stage timings off
//! (`docs/performance.md`, "The HTTP service under load");
//! `WEGWIJS_LOAD_LOG=record|batch|batch:US` gives the service a decision
//! log with that durability (`batch:US`: a batch window of US µs;
//! `docs/audit.md`).

// A load test that cannot set itself up has nothing to report: it stops
// with a message saying what failed.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wegwijs::{Host, Signal};
use wegwijs_serve::{ApiKeys, Config, HostSource, Right, Server};

/// The number of clients, each with one connection and one request at a time.
const CLIENTS: usize = 64;
/// How many of the clients send to the looping region in phase 3.
const LOOPING_CLIENTS: usize = 2;
/// The token the clients present; the service knows only its hash.
const TOKEN: &str = "load-test-token-0123456789abcdef";
/// The healthy region's gemeente (region D serves it).
const HEALTHY_GEMEENTE: &str = "GM0060";
/// A gemeente no region serves: the national defaults.
const NATIONAL_GEMEENTE: &str = "GM0363";
/// The looping region's own gemeente.
const LOOPING_GEMEENTE: &str = "GM9901";
/// The looping region's id.
const LOOPING_REGION: &str = "regio-loop";
/// The concern that makes the hostile component loop; its bundle's own
/// case does not carry it, so the bundle passes activation, like a
/// component whose bug shows only on some children's cases.
const TRIGGER: &str = "sleep-problems";
/// The longest a client waits for one answer before it counts the request
/// as failed: past the service's own request timeout (10 s), so the
/// service's 504 is what a slow decision gets, and the bench still ends.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(15);

/// Where a request is meant to be decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    Healthy,
    National,
    Looping,
}

impl Target {
    const ALL: [Target; 3] = [Target::Healthy, Target::National, Target::Looping];

    /// The region id the decision's provenance must name.
    fn region(self) -> &'static str {
        match self {
            Target::Healthy => "regio-d",
            Target::National => "national-default",
            Target::Looping => LOOPING_REGION,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Target::Healthy => "regio-d (healthy)",
            Target::National => "national-default",
            Target::Looping => "regio-loop (loops)",
        }
    }
}

/// What happened to the requests of one target, in one phase.
#[derive(Debug, Default, Clone)]
struct Tally {
    /// Milliseconds per decided request (200), or per in-process decision.
    latencies: Vec<f64>,
    /// 503 answers (admission control).
    overloaded: u64,
    /// Other answers that were not 200, by status.
    statuses: BTreeMap<u16, u64>,
    /// Connection failures and answers that could not be read.
    transport: u64,
    /// 200 answers decided in another region than the gemeente picks.
    wrong_region: u64,
    /// 200 answers whose decision records a fault.
    faulted: u64,
    /// Answers that arrived after the phase ended (not counted above).
    late: u64,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.latencies.extend(other.latencies);
        self.overloaded += other.overloaded;
        for (status, n) in other.statuses {
            *self.statuses.entry(status).or_default() += n;
        }
        self.transport += other.transport;
        self.wrong_region += other.wrong_region;
        self.faulted += other.faulted;
        self.late += other.late;
    }
}

type Tallies = BTreeMap<Target, Tally>;

fn merge_all(into: &mut Tallies, from: Tallies) {
    for (target, tally) in from {
        into.entry(target).or_default().merge(tally);
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A temporary directory, removed when the bench ends (also on a panic).
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A bundle whose routing component is the hostile guest, looping for the
/// trigger concern. The deadline is the host's default (250 ms), which is
/// what a region that sets none gets.
fn looping_bundle(dir: &Path) {
    let wasm = wegwijs_test_artifacts::HOSTILE;
    let sha: String = Sha256::digest(wasm).iter().map(|b| format!("{b:02x}")).collect();
    std::fs::create_dir_all(dir.join("cases")).expect("create the looping bundle's directory");
    std::fs::write(dir.join("hostile.wasm"), wasm).expect("write hostile.wasm");
    let toml = format!(
        "[region]\nid = \"{LOOPING_REGION}\"\nname = \"A region whose routing component loops\"\n\
         gemeenten = [\"{LOOPING_GEMEENTE}\"]\nrevision = 1\n\n\
         [stages.routing]\ncomponent = \"hostile.wasm\"\nsha256 = \"{sha}\"\n\n\
         [config.hostile]\nrouting = \"loop\"\nwhen-concern = \"{TRIGGER}\"\n"
    );
    std::fs::write(dir.join("region.toml"), toml).expect("write region.toml");
    let case = format!(
        "[[case]]\nname = \"a plain case the component handles\"\n[case.signal]\ndate = \"2026-10-05\"\n\
         gemeente = \"{LOOPING_GEMEENTE}\"\nchild = {{ birth_date = \"2018-03-14\" }}\n\
         source = {{ code = \"intern-begeleider\" }}\nhandler = \"jeugdverpleegkundige\"\n\
         concerns = [\"behaviour-problems\"]\nparents_concerned = true\n[case.expect]\nstatus = \"decided\"\n"
    );
    std::fs::write(dir.join("cases/plain.toml"), case).expect("write the bundle's case");
}

/// The example signals, each in three versions: one per target.
struct Signals {
    bodies: BTreeMap<Target, Vec<Vec<u8>>>,
    parsed: BTreeMap<Target, Vec<Signal>>,
}

fn signals() -> Signals {
    let dir = root().join("examples/signals");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/signals")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut bodies: BTreeMap<Target, Vec<Vec<u8>>> = BTreeMap::new();
    let mut parsed: BTreeMap<Target, Vec<Signal>> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read an example signal");
        let value: serde_json::Value = serde_json::from_str(&text).expect("an example signal is JSON");
        for target in Target::ALL {
            let mut v = value.clone();
            let gemeente = match target {
                Target::Healthy => HEALTHY_GEMEENTE,
                Target::National => NATIONAL_GEMEENTE,
                Target::Looping => LOOPING_GEMEENTE,
            };
            v["gemeente"] = serde_json::Value::from(gemeente);
            if target == Target::Looping
                && let Some(concerns) = v["concerns"].as_array_mut()
                && !concerns.iter().any(|c| c == TRIGGER)
            {
                concerns.push(serde_json::Value::from(TRIGGER));
            }
            let body = serde_json::to_vec(&v).expect("serialize a signal");
            let signal = Signal::from_json(std::str::from_utf8(&body).expect("UTF-8"))
                .unwrap_or_else(|e| panic!("{} for {target:?} is not a valid signal: {e}", file.display()));
            bodies.entry(target).or_default().push(body);
            parsed.entry(target).or_default().push(signal);
        }
    }
    Signals { bodies, parsed }
}

/// How the in-process threads decide.
#[derive(Debug, Clone, Copy)]
enum Work {
    /// `Host::decide` on a parsed signal: what an embedder in Rust pays.
    Decide,
    /// What the service does on its blocking thread for one request:
    /// parse the body, decide (with the per-stage trace when the service
    /// keeps stage metrics), drop the trace, serialize the card.
    AsService { trace: bool },
}

/// Phase 1: `threads` threads deciding in-process, for `seconds`. Each
/// thread cycles through region D's and the national signals alternately,
/// from its own offset.
fn in_process(host: &Host, signals: &Signals, threads: usize, seconds: f64, how: Work) -> Tallies {
    let mut work: Vec<(Target, &Signal, &[u8])> = Vec::new();
    for target in [Target::Healthy, Target::National] {
        for (signal, body) in signals.parsed[&target].iter().zip(&signals.bodies[&target]) {
            work.push((target, signal, body));
        }
    }
    // Alternate the two targets, as the clients do between them.
    let half = work.len() / 2;
    let work: Vec<_> = (0..half).flat_map(|i| [work[i], work[half + i]]).collect();
    let options = match how {
        Work::AsService { trace: true } => wegwijs::DecideOptions::timings(),
        _ => wegwijs::DecideOptions::default(),
    };
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let mut all = Tallies::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (work, options) = (&work, &options);
                scope.spawn(move || {
                    let mut tallies = Tallies::new();
                    for (target, signal, body) in work.iter().cycle().skip(t * 7) {
                        let started = Instant::now();
                        if started >= deadline {
                            break;
                        }
                        let decision = match how {
                            Work::Decide => host.decide(signal).expect("an example signal is decided"),
                            Work::AsService { .. } => {
                                let text = std::str::from_utf8(body).expect("UTF-8");
                                let signal = Signal::from_json(text).expect("a valid signal");
                                let mut decision = host.decide_with(&signal, options).expect("decided");
                                decision.trace = None;
                                std::hint::black_box(serde_json::to_vec(&decision).expect("a card serializes"));
                                decision
                            }
                        };
                        let ended = Instant::now();
                        let tally = tallies.entry(*target).or_default();
                        if ended > deadline {
                            tally.late += 1;
                            break;
                        }
                        tally.latencies.push((ended - started).as_secs_f64() * 1e3);
                        if decision.provenance.region != target.region() {
                            tally.wrong_region += 1;
                        }
                        if !decision.faults.is_empty() {
                            tally.faulted += 1;
                        }
                    }
                    tallies
                })
            })
            .collect();
        for handle in handles {
            merge_all(&mut all, handle.join().expect("an in-process thread"));
        }
    });
    all
}

/// The parts of a decision card the clients check.
#[derive(Deserialize)]
struct Card {
    faults: Vec<serde::de::IgnoredAny>,
    provenance: Provenance,
}

#[derive(Deserialize)]
struct Provenance {
    region: String,
}

/// One answer, as far as the client needs it.
struct Answer {
    status: u16,
    retry_after: Option<u64>,
    close: bool,
    body: Vec<u8>,
}

/// One keep-alive connection, reopened when the service closes it.
struct Client {
    addr: SocketAddr,
    stream: Option<TcpStream>,
    buf: Vec<u8>,
}

impl Client {
    async fn post(&mut self, head: &[u8], body: &[u8]) -> std::io::Result<Answer> {
        if self.stream.is_none() {
            let stream = TcpStream::connect(self.addr).await?;
            stream.set_nodelay(true)?;
            self.stream = Some(stream);
        }
        let stream = self.stream.as_mut().expect("connected above");
        let mut request = Vec::with_capacity(head.len() + body.len());
        request.extend_from_slice(head);
        request.extend_from_slice(body);
        stream.write_all(&request).await?;
        let answer = read_answer(stream, &mut self.buf).await;
        if answer.as_ref().map_or(true, |a| a.close) {
            self.stream = None;
        }
        answer
    }
}

fn broken(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string())
}

/// Reads one HTTP/1.1 answer with a `Content-Length` body (every answer of
/// this service has one).
async fn read_answer(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<Answer> {
    buf.clear();
    let mut chunk = [0u8; 16 << 10];
    let head_end = loop {
        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(broken("connection closed before the answer's head"));
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = std::str::from_utf8(&buf[..head_end]).map_err(|_| broken("head not UTF-8"))?;
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| broken("no status"))?;
    let (mut length, mut retry_after, mut close) = (None, None, false);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = value.parse::<usize>().ok();
        } else if name.eq_ignore_ascii_case("retry-after") {
            retry_after = value.parse().ok();
        } else if name.eq_ignore_ascii_case("connection") {
            close = value.eq_ignore_ascii_case("close");
        }
    }
    let length = length.ok_or_else(|| broken("no Content-Length"))?;
    let start = head_end + 4;
    while buf.len() < start + length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(broken("connection closed in the body"));
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(Answer { status, retry_after, close, body: buf[start..start + length].to_vec() })
}

/// A small xorshift generator for the retry jitter: reproducible per
/// client, and no dependency for a few random numbers.
struct Jitter(u64);

impl Jitter {
    /// A number in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One client: its target, and the signals it sends in turn from `offset`.
async fn client(addr: SocketAddr, target: Target, bodies: Vec<Vec<u8>>, offset: usize, deadline: Instant) -> Tally {
    let mut tally = Tally::default();
    let mut client = Client { addr, stream: None, buf: Vec::with_capacity(64 << 10) };
    let mut jitter = Jitter(0x9e37_79b9_7f4a_7c15 ^ (offset as u64 + 1));
    for body in bodies.iter().cycle().skip(offset) {
        let started = Instant::now();
        if started >= deadline {
            break;
        }
        let head = format!(
            "POST /v1/decisions HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {TOKEN}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let answer = tokio::time::timeout(CLIENT_TIMEOUT, client.post(head.as_bytes(), body)).await;
        let ended = Instant::now();
        if ended > deadline {
            tally.late += 1;
            break;
        }
        let answer = match answer {
            Ok(Ok(answer)) => answer,
            Ok(Err(_)) | Err(_) => {
                tally.transport += 1;
                client.stream = None;
                continue;
            }
        };
        match answer.status {
            200 => {
                tally.latencies.push((ended - started).as_secs_f64() * 1e3);
                match serde_json::from_slice::<Card>(&answer.body) {
                    Ok(card) => {
                        if card.provenance.region != target.region() {
                            tally.wrong_region += 1;
                        }
                        if !card.faults.is_empty() {
                            tally.faulted += 1;
                        }
                    }
                    Err(_) => tally.transport += 1,
                }
            }
            503 => {
                tally.overloaded += 1;
                // As a well-behaved client does: wait what the service asks
                // plus up to as much again at random, so that clients turned
                // away together do not all come back in the same instant
                // (without the jitter they do, every second, and the few
                // clients that never got a 503 keep every slot), but never
                // past the end of the phase.
                let asked = Duration::from_secs(answer.retry_after.unwrap_or(1));
                let until = (Instant::now() + asked.mul_f64(1.0 + jitter.next())).min(deadline);
                tokio::time::sleep_until(until.into()).await;
            }
            other => *tally.statuses.entry(other).or_default() += 1,
        }
    }
    tally
}

/// Phases 2 and 3: the clients against the service, for `seconds`.
/// `looping` clients send to the looping region, the rest alternately to
/// region D and the national defaults.
fn against_service(addr: SocketAddr, signals: &Signals, looping: usize, seconds: f64) -> Tallies {
    // The clients have a runtime of their own, on one thread: the service's
    // runtime is left as `wegwijs serve` has it, and the clients take as
    // little of the machine as they can.
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build().expect("the clients' runtime starts");
    runtime.block_on(async {
        let deadline = Instant::now() + Duration::from_secs_f64(seconds);
        let tasks: Vec<_> = (0..CLIENTS)
            .map(|i| {
                let target = if i < looping {
                    Target::Looping
                } else if (i - looping).is_multiple_of(2) {
                    Target::Healthy
                } else {
                    Target::National
                };
                let bodies = signals.bodies[&target].clone();
                (target, tokio::spawn(client(addr, target, bodies, i, deadline)))
            })
            .collect();
        let mut all = Tallies::new();
        for (target, task) in tasks {
            let tally = task.await.expect("a client task");
            all.entry(target).or_default().merge(tally);
        }
        all
    })
}

/// Phase 0's server: answers `POST /v1/decisions` with the card decided
/// beforehand for the body's target (found by its gemeente), on a runtime
/// shaped like the service's. Returns its address and what stops it.
fn floor_server(
    cards: BTreeMap<Target, Vec<u8>>,
) -> (SocketAddr, tokio::sync::oneshot::Sender<()>, std::thread::JoinHandle<()>) {
    use axum::body::Bytes;
    use axum::http::header;
    let cards = std::sync::Arc::new(cards);
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("the floor's runtime");
        runtime.block_on(async move {
            let app = axum::Router::new().route(
                "/v1/decisions",
                axum::routing::post(move |body: Bytes| {
                    let cards = std::sync::Arc::clone(&cards);
                    async move {
                        let target = [(HEALTHY_GEMEENTE, Target::Healthy), (LOOPING_GEMEENTE, Target::Looping)]
                            .into_iter()
                            .find(|(g, _)| body.windows(g.len()).any(|w| w == g.as_bytes()))
                            .map_or(Target::National, |(_, t)| t);
                        ([(header::CONTENT_TYPE, "application/json")], cards[&target].clone())
                    }
                }),
            );
            let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await.expect("the floor binds");
            addr_tx.send(listener.local_addr().expect("an address")).expect("the bench waits");
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stop_rx.await;
                })
                .await
                .expect("the floor serves");
        });
    });
    (addr_rx.recv().expect("the floor's address"), stop_tx, thread)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
}

/// Prints one phase's rows and returns decisions per second per target.
fn report(phase: &str, tallies: &mut Tallies, seconds: f64) -> BTreeMap<Target, f64> {
    println!("\n{phase}");
    println!(
        "  {:<20} {:>9} {:>10} {:>8} {:>8} {:>8} {:>14} {:>8} {:>6}",
        "region", "decided", "decided/s", "p50 ms", "p99 ms", "503", "other errors", "faulted", "late"
    );
    let mut rates = BTreeMap::new();
    for (target, tally) in tallies.iter_mut() {
        tally.latencies.sort_by(f64::total_cmp);
        let decided = tally.latencies.len();
        let rate = decided as f64 / seconds;
        rates.insert(*target, rate);
        let mut other: Vec<String> = tally.statuses.iter().map(|(s, n)| format!("{s}×{n}")).collect();
        if tally.transport > 0 {
            other.push(format!("io×{}", tally.transport));
        }
        if tally.wrong_region > 0 {
            other.push(format!("region×{}", tally.wrong_region));
        }
        let other = if other.is_empty() { "0".to_string() } else { other.join(" ") };
        println!(
            "  {:<20} {decided:>9} {rate:>10.0} {:>8.2} {:>8.2} {:>8} {other:>14} {:>8} {:>6}",
            target.label(),
            percentile(&tally.latencies, 0.5),
            percentile(&tally.latencies, 0.99),
            tally.overloaded,
            tally.faulted,
            tally.late,
        );
    }
    rates
}

/// A number from the environment, or `None` when the variable is unset.
fn env_number(name: &str) -> Option<f64> {
    let value = std::env::var(name).ok()?;
    Some(value.parse().unwrap_or_else(|_| panic!("{name} is not a number: {value:?}")))
}

fn main() {
    let seconds = env_number("WEGWIJS_LOAD_SECONDS").unwrap_or(10.0);
    let temp = TempDir(std::env::temp_dir().join(format!("wegwijs-load-{}", std::process::id())));
    let looping_dir = temp.0.join("regio-loop");
    looping_bundle(&looping_dir);

    let started = Instant::now();
    let host = Host::builder()
        .pseudonym_key("load-test")
        .region(root().join("examples/regions/d-config-only"))
        .region(&looping_dir)
        .build()
        .expect("the host builds with region D and the looping region");
    let signals = signals();
    // Warm up: every signal once per target, which also checks that each
    // reaches the region it is meant for.
    for target in Target::ALL {
        for signal in &signals.parsed[&target] {
            let decision = host.decide(signal).expect("an example signal is decided");
            assert_eq!(decision.provenance.region, target.region(), "{target:?} signal went elsewhere");
        }
    }
    let looping_faults =
        signals.parsed[&Target::Looping].iter().filter(|s| host.decide(s).is_ok_and(|d| !d.faults.is_empty())).count();
    println!(
        "host ready in {:.1} s; {} signals per target, {} of them fault in {LOOPING_REGION}",
        started.elapsed().as_secs_f64(),
        signals.parsed[&Target::Healthy].len(),
        looping_faults,
    );

    let mut config = Config::default();
    config.addr = SocketAddr::from(([127, 0, 0, 1], 0));
    config.keys = ApiKeys::single("load-test", TOKEN, &[Right::Decide]);
    // For finding out where the time goes, not for the recorded runs: other
    // slot counts, and the per-stage trace the service asks for by default.
    if let Some(n) = env_number("WEGWIJS_LOAD_SLOTS") {
        config.max_concurrent_decisions = n as usize;
    }
    if let Some(on) = env_number("WEGWIJS_LOAD_STAGE_METRICS") {
        config.stage_metrics = on != 0.0;
    }
    let slots = config.max_concurrent_decisions;
    let stage_metrics = config.stage_metrics;
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(slots);
    // The service's runtime as `serve_until_signal` builds it (worker
    // threads one per core, the blocking pool sized for the decision slots
    // plus the host's build), on a thread of its own, stopped through a
    // channel instead of SIGTERM.
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    // With WEGWIJS_LOAD_LOG=record or batch, the service's host keeps a
    // decision log with that durability (in a temporary directory); the
    // in-process phases keep none, so the ratios show what the log costs.
    let service_host = match std::env::var("WEGWIJS_LOAD_LOG").ok().as_deref() {
        Some(policy) if policy == "record" || policy.starts_with("batch") => {
            // `batch:US` sets the batch window in microseconds.
            let window = policy.strip_prefix("batch:").and_then(|us| us.parse().ok()).unwrap_or(0);
            let durability = if policy == "record" {
                wegwijs::audit::Durability::EveryRecord
            } else {
                wegwijs::audit::Durability::Batch { window: Duration::from_micros(window), max_records: 64 }
            };
            let options = wegwijs::audit::LogOptions::with_durability(durability);
            let (log, _) = wegwijs::audit::DecisionLog::open(temp.0.join("log"), options).expect("the log opens");
            println!("the service logs every decision (durability: {policy})");
            Host::builder()
                .pseudonym_key("load-test")
                .region(root().join("examples/regions/d-config-only"))
                .region(&looping_dir)
                .decision_log(log)
                .build()
                .expect("the logged host builds")
        }
        Some(other) => panic!("WEGWIJS_LOAD_LOG takes `record`, `batch` or `batch:US`, not `{other}`"),
        None => host.clone(),
    };
    let service = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .max_blocking_threads(4 * slots.max(1) + 2)
            .build()
            .expect("the service's runtime starts");
        runtime.block_on(async move {
            let server = Server::bind(config).await.expect("the service binds");
            addr_tx.send(server.local_addr()).expect("the bench waits for the address");
            server
                .run(HostSource::Ready(service_host), async {
                    let _ = stop_rx.await;
                })
                .await
                .expect("the service runs");
        });
    });
    let addr = addr_rx.recv().expect("the service's address");
    println!(
        "service on {addr}: {slots} decision slots, {CLIENTS} clients, {seconds} s per phase, {} cores",
        std::thread::available_parallelism().map_or(1, usize::from)
    );

    // A short warm-up of the service (connections, pool slots, allocator).
    let _ = against_service(addr, &signals, 0, 0.5);

    // The in-process phases come half before and half after phase 2, so
    // that a neighbour's burst on the shared machine hits both alike.
    let as_service = Work::AsService { trace: stage_metrics };
    let mut baseline = in_process(&host, &signals, threads, seconds / 2.0, Work::Decide);
    let mut service_work = in_process(&host, &signals, threads, seconds / 4.0, as_service);
    let mut clean = against_service(addr, &signals, 0, seconds);
    merge_all(&mut service_work, in_process(&host, &signals, threads, seconds / 4.0, as_service));
    merge_all(&mut baseline, in_process(&host, &signals, threads, seconds / 2.0, Work::Decide));
    let mut mixed = against_service(addr, &signals, LOOPING_CLIENTS, seconds);

    let _ = stop_tx.send(());
    service.join().expect("the service's thread");

    // Phase 0, the floor, after the service has stopped: one card per
    // target, decided and serialized as the service answers it.
    let cards: BTreeMap<Target, Vec<u8>> = Target::ALL
        .iter()
        .map(|t| {
            let decision = host.decide(&signals.parsed[t][0]).expect("an example signal is decided");
            (*t, serde_json::to_vec(&decision).expect("a card serializes"))
        })
        .collect();
    let (floor_addr, floor_stop, floor_thread) = floor_server(cards);
    let _ = against_service(floor_addr, &signals, 0, 0.5);
    let mut floor = against_service(floor_addr, &signals, 0, seconds);
    let _ = floor_stop.send(());
    floor_thread.join().expect("the floor's thread");

    let base = report(&format!("1. in-process, Host::decide on {threads} threads"), &mut baseline, seconds);
    let as_service_rates = report(
        &format!("1b. in-process, the service's work per request (parse, decide, serialize) on {threads} threads"),
        &mut service_work,
        seconds / 2.0,
    );
    let served = report("2. service, region D and national", &mut clean, seconds);
    let with_loop = report(
        &format!("3. service, {LOOPING_CLIENTS} of {CLIENTS} clients sending to the looping region"),
        &mut mixed,
        seconds,
    );

    let floor_rates = report("0. the HTTP floor: a card decided beforehand, answered at once", &mut floor, seconds);

    let total = |rates: &BTreeMap<Target, f64>| rates.values().sum::<f64>();
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { f64::NAN };
    let healthy = |rates: &BTreeMap<Target, f64>| rates.get(&Target::Healthy).copied().unwrap_or(0.0);
    println!("\nratios (service / in-process, same run; goal ≥ 0.7)");
    println!("  region D, phase 2 / phase 1: {:.2}", ratio(healthy(&served), healthy(&base)));
    println!("  all decided, phase 2 / phase 1: {:.2}", ratio(total(&served), total(&base)));
    println!("  all decided, phase 1b / phase 1: {:.2}", ratio(total(&as_service_rates), total(&base)));
    println!("  all decided, phase 2 / phase 1b: {:.2}", ratio(total(&served), total(&as_service_rates)));
    println!("  region D, phase 3 / phase 1: {:.2}", ratio(healthy(&with_loop), healthy(&base)));
    println!("  region D, phase 3 / phase 2: {:.2}", ratio(healthy(&with_loop), healthy(&served)));
    // The floor's cost and the work's cost per request add up on the same
    // cores: the most any service could answer here, against phase 1.
    let ceiling = |work: f64| ratio(1.0, 1.0 / total(&floor_rates) + 1.0 / work);
    println!("ceilings on this machine (phase 0's HTTP cost plus the work, against phase 1)");
    println!("  floor / phase 1: {:.2}", ratio(total(&floor_rates), total(&base)));
    println!("  a service doing no more than Host::decide: {:.2}", ratio(ceiling(total(&base)), total(&base)));
    println!("  a service doing phase 1b's work: {:.2}", ratio(ceiling(total(&as_service_rates)), total(&base)));
    println!("  phase 2 / that ceiling: {:.2}", ratio(total(&served), ceiling(total(&as_service_rates))));
}
