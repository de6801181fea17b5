//! The service over real sockets: one service for the whole binary (one
//! host, region D loaded, keys from a hashed keys file, an ephemeral port),
//! and small services of their own for the tests that need other settings
//! (one decision slot, a short timeout, TLS, shutdown). Requests are plain
//! HTTP/1.1 written by hand, so the tests see exactly the bytes a .NET or
//! Java client would.
//!
//! Tests that need a decision to be in progress hold it with the
//! service's decide hook ([`Gate`]): the hook reports that it runs and
//! waits to be released, so no test sleeps to synchronise.

use serde_json::Value;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use wegwijs::Host;
use wegwijs_serve::{ApiKeys, Config, HostSource, ServeError, Server};

/// Token with `decide` and `regions`.
const DECIDER: &str = "decider-token-0123456789abcdef";
/// Token with `metrics` only.
const OPS: &str = "ops-token-0123456789abcdef";
/// Token with `cds` only.
const CDS: &str = "cds-token-0123456789abcdef";
/// Token with `admin` and `regions`.
const ADMIN: &str = "admin-token-0123456789abcdef";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One runtime for every test, so the shared service outlives each test.
fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("a runtime")
    })
}

/// One host (reference components compiled once), region D loaded.
fn host() -> Host {
    static HOST: OnceLock<Host> = OnceLock::new();
    HOST.get_or_init(|| {
        Host::builder()
            .pseudonym_key("service-test-key")
            .region(root().join("examples/regions/d-config-only"))
            .build()
            .expect("the host builds with region D")
    })
    .clone()
}

/// The keys, from a keys file that holds only their hashes: read once,
/// since tests run on parallel threads of one process.
fn keys() -> ApiKeys {
    static KEYS: OnceLock<ApiKeys> = OnceLock::new();
    KEYS.get_or_init(read_keys).clone()
}

fn read_keys() -> ApiKeys {
    let text = format!(
        "[[key]]\nid = \"epd\"\nsha256 = \"{}\"\nrights = [\"decide\", \"regions\"]\n\n\
         [[key]]\nid = \"ops\"\nsha256 = \"{}\"\nrights = [\"metrics\"]\n\n\
         [[key]]\nid = \"cds\"\nsha256 = \"{}\"\nrights = [\"cds\"]\n\n\
         [[key]]\nid = \"admin\"\nsha256 = \"{}\"\nrights = [\"admin\", \"regions\"]\n",
        wegwijs_serve::hash_token(DECIDER),
        wegwijs_serve::hash_token(OPS),
        wegwijs_serve::hash_token(CDS),
        wegwijs_serve::hash_token(ADMIN),
    );
    assert!(!text.contains(DECIDER), "the keys file holds hashes, not tokens");
    let path = std::env::temp_dir().join(format!("wegwijs-serve-keys-{}.toml", std::process::id()));
    std::fs::write(&path, text).expect("write the keys file");
    let keys = ApiKeys::from_file(&path).expect("the keys file loads");
    let _ = std::fs::remove_file(&path);
    keys
}

fn config() -> Config {
    let mut config = Config::default();
    config.addr = SocketAddr::from(([127, 0, 0, 1], 0));
    config.keys = keys();
    config
}

/// The shared service's address.
fn shared() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        runtime().block_on(async {
            let server = Server::bind(config()).await.expect("binds");
            let addr = server.local_addr();
            tokio::spawn(server.run(HostSource::Ready(host()), std::future::pending()));
            addr
        })
    })
}

/// A decide hook that reports each decision it holds and keeps it until
/// released.
struct Gate {
    entered: tokio::sync::mpsc::UnboundedReceiver<()>,
    release: mpsc::Sender<()>,
}

impl Gate {
    fn new() -> (Gate, wegwijs_serve::DecideHook) {
        let (entered_tx, entered) = tokio::sync::mpsc::unbounded_channel();
        let (release, release_rx) = mpsc::channel::<()>();
        let release_rx = Mutex::new(release_rx);
        let hook: wegwijs_serve::DecideHook = Arc::new(move || {
            let _ = entered_tx.send(());
            let _ = release_rx.lock().expect("the gate's lock").recv();
        });
        (Gate { entered, release }, hook)
    }

    /// Waits until a decision is held.
    async fn held(&mut self) {
        self.entered.recv().await.expect("a decision reached the hook");
    }

    /// Lets one held decision go on.
    fn open(&self) {
        self.release.send(()).expect("the hook waits");
    }
}

/// An answer as read off the wire.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// The body as a problem detail, checking its media type and members.
    fn problem(&self, status: u16, kind: &str) -> Value {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(self.header("content-type"), Some("application/problem+json"), "{self:?}");
        let json = self.json();
        assert_eq!(json["status"], status, "{json}");
        assert_eq!(json["type"], format!("urn:wegwijs:problem:{kind}"), "{json}");
        assert!(json["title"].as_str().is_some_and(|t| !t.is_empty()), "{json}");
        assert!(json["detail"].as_str().is_some_and(|t| !t.is_empty()), "{json}");
        json
    }
}

/// Sends one request on a fresh connection and reads the answer to the end.
async fn send_on<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    if !body.is_empty() || method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.expect("write the head");
    stream.write_all(body).await.expect("write the body");
    stream.flush().await.expect("flush");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read the answer");
    parse(&raw)
}

fn parse(raw: &[u8]) -> Reply {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a head and a body");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("a status line");
    let status = status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status code");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.iter().any(|(n, v)| n == "transfer-encoding" && v.contains("chunked")) {
        body = dechunk(&body);
    }
    Reply { status, headers, body }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = data.windows(2).position(|w| w == b"\r\n").expect("a chunk size line");
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..end]).trim(), 16).expect("a chunk size");
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
}

async fn send(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let stream = TcpStream::connect(addr).await.expect("connects");
    send_on(stream, method, path, headers, body).await
}

/// `Authorization: Bearer <token>`.
fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// POSTs a signal with the decider's key.
async fn decide(addr: SocketAddr, query: &str, body: &[u8]) -> Reply {
    let auth = bearer(DECIDER);
    let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
    send(addr, "POST", &format!("/v1/decisions{query}"), &headers, body).await
}

/// Decides a plain school signal on a task of its own.
fn spawn_decide(addr: SocketAddr) -> tokio::task::JoinHandle<Reply> {
    tokio::spawn(async move { decide(addr, "", &school_signal("GM0060")).await })
}

fn example(name: &str) -> Vec<u8> {
    std::fs::read(root().join("examples/signals").join(name)).expect("an example signal")
}

/// A plain school signal from `gemeente`.
fn school_signal(gemeente: &str) -> Vec<u8> {
    format!(
        r#"{{"date": "2026-10-05", "gemeente": "{gemeente}", "child": {{"birth_date": "2018-03-14"}},
            "source": {{"code": "intern-begeleider"}}, "handler": "jeugdverpleegkundige",
            "concerns": ["behaviour-problems"], "parents_concerned": true}}"#
    )
    .into_bytes()
}

fn run<F: std::future::Future>(future: F) -> F::Output {
    runtime().block_on(future)
}

#[test]
fn a_signal_gets_its_decision_card_without_identifiers_or_trace() {
    let addr = shared();
    let reply = run(decide(addr, "", &example("01-school-borderline-sdq.json")));
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let card = reply.json();
    assert_eq!(card["status"], "decided");
    assert_eq!(card["signal_id"], "ex-01");
    assert_eq!(card["provenance"]["region"], "national-default");
    assert_eq!(card["recommendation_only"], true);
    assert!(card.get("trace").is_none(), "no trace unless asked: {card}");
    let text = reply.text();
    for identifier in ["Sanne", "260181596", "Ceintuurbaan", "epd-52445"] {
        assert!(!text.contains(identifier), "{identifier} left the host: {text}");
    }
}

#[test]
fn the_card_is_in_the_language_the_caller_accepts_dutch_by_default() {
    let addr = shared();
    let body = example("03-violence-child-present.json");
    let auth = bearer(DECIDER);
    let ask = |language: Option<&'static str>| {
        let auth = auth.clone();
        let body = body.clone();
        async move {
            let mut headers = vec![("Authorization", auth.as_str()), ("Content-Type", "application/json")];
            if let Some(language) = language {
                headers.push(("Accept-Language", language));
            }
            send(addr, "POST", "/v1/decisions", &headers, &body).await
        }
    };
    let (dutch, english, preferred) =
        run(async { (ask(None).await, ask(Some("en")).await, ask(Some("de, en;q=0.9, nl;q=0.8")).await) });
    for (reply, language) in [(&dutch, "nl"), (&english, "en"), (&preferred, "en")] {
        assert_eq!(reply.status, 200, "{}", reply.text());
        assert_eq!(reply.header("content-language"), Some(language));
        assert_eq!(reply.header("vary"), Some("accept-language"));
        assert_eq!(reply.json()["language"], language);
    }
    let (nl, en) = (dutch.json(), english.json());
    assert!(nl["headline"].as_str().is_some_and(|h| h.starts_with("Niveau onveiligheid")), "{nl}");
    assert!(en["headline"].as_str().is_some_and(|h| h.starts_with("Level safety")), "{en}");
    // Codes, rule ids and enum values do not change with the language.
    assert_eq!(nl["routing"]["routes"][0]["partner"], en["routing"]["routes"][0]["partner"]);
    assert_eq!(nl["routing"]["routes"][0]["reasons"][0]["rule"], en["routing"]["routes"][0]["reasons"][0]["rule"]);
}

#[test]
fn explain_adds_the_trace_of_every_stage() {
    let reply = run(decide(shared(), "?explain=true", &example("01-school-borderline-sdq.json")));
    assert_eq!(reply.status, 200, "{}", reply.text());
    let trace = reply.json()["trace"].as_array().cloned().expect("a trace");
    let stages: Vec<&str> = trace.iter().filter_map(|t| t["stage"].as_str()).collect();
    assert_eq!(stages, ["intake", "screening", "routing", "consent"]);
}

#[test]
fn the_gemeente_picks_the_region_unless_the_request_names_one() {
    let addr = shared();
    let served = run(decide(addr, "", &school_signal("GM0060")));
    assert_eq!(served.json()["provenance"]["region"], "regio-d", "{}", served.text());
    let elsewhere = run(decide(addr, "", &school_signal("GM0363")));
    assert_eq!(elsewhere.json()["provenance"]["region"], "national-default", "{}", elsewhere.text());
    let forced = run(decide(addr, "?region=regio-d", &school_signal("GM0363")));
    assert_eq!(forced.json()["provenance"]["region"], "regio-d", "{}", forced.text());
    let national = run(decide(addr, "?region=national-default", &school_signal("GM0060")));
    assert_eq!(national.json()["provenance"]["region"], "national-default", "{}", national.text());
}

#[test]
fn an_unknown_region_is_a_problem_naming_it() {
    let reply = run(decide(shared(), "?region=regio-nowhere", &school_signal("GM0060")));
    let problem = reply.problem(422, "unknown-region");
    assert_eq!(problem["region"], "regio-nowhere");
}

#[test]
fn malformed_json_is_a_problem_with_line_and_column() {
    let reply = run(decide(shared(), "", b"{\n  \"date\": \"2026-10-05\",\n  oops\n}"));
    let problem = reply.problem(400, "malformed-json");
    assert_eq!(problem["line"], 3, "{problem}");
    assert!(problem["column"].as_u64().is_some_and(|c| c >= 1), "{problem}");
    let not_utf8 = run(decide(shared(), "", b"{\"date\": \"\xff\"}"));
    not_utf8.problem(400, "malformed-json");
}

#[test]
fn an_invalid_signal_lists_each_field_and_never_its_value() {
    let body = br#"{"date": "2026-10-05", "child": {"birth_date": "2018-03-14"},
        "source": {"code": "intern-begeleider"}, "handler": "SECRET-HANDLER-VALUE",
        "concerns": ["behaviour-problems"]}"#;
    let reply = run(decide(shared(), "", body));
    let problem = reply.problem(422, "invalid-signal");
    let errors = problem["errors"].as_array().expect("an errors list");
    assert!(errors.iter().any(|e| e["field"] == "handler" && e["problem"].is_string()), "{problem}");
    assert!(!reply.text().contains("SECRET"), "a value was echoed: {}", reply.text());
    let missing = run(decide(shared(), "", br#"{"date": "2026-10-05"}"#));
    let problem = missing.problem(422, "invalid-signal");
    let required = ["child", "source", "handler", "concerns"];
    let fields = problem["errors"].as_array().cloned().unwrap_or_default();
    assert!(!fields.is_empty() && fields.iter().all(|e| required.iter().any(|r| e["field"] == *r)), "{problem}");
}

#[test]
fn a_signals_problems_are_in_the_language_the_caller_accepts() {
    let addr = shared();
    let auth = bearer(DECIDER);
    let body = br#"{"date": "2026-10-05", "child": {"birth_date": "2030-01-01"},
        "source": {"code": "intern-begeleider"}, "handler": "jeugdverpleegkundige",
        "concerns": ["behaviour-problems"]}"#;
    let ask = |language: Option<&'static str>| {
        let auth = auth.clone();
        async move {
            let mut headers = vec![("Authorization", auth.as_str()), ("Content-Type", "application/json")];
            if let Some(language) = language {
                headers.push(("Accept-Language", language));
            }
            send(addr, "POST", "/v1/decisions", &headers, body).await
        }
    };
    let (dutch, english) = run(async { (ask(None).await, ask(Some("en-GB")).await) });
    for (reply, language) in [(&dutch, "nl"), (&english, "en")] {
        assert_eq!(reply.header("content-language"), Some(language), "{}", reply.text());
        assert_eq!(reply.header("vary"), Some("accept-language"));
    }
    let (nl, en) = (dutch.problem(422, "invalid-signal"), english.problem(422, "invalid-signal"));
    let problem_of = |p: &serde_json::Value| {
        let errors = p["errors"].as_array().cloned().unwrap_or_default();
        let birth = errors.iter().find(|e| e["field"] == "child.birth_date").cloned();
        birth.and_then(|e| e["problem"].as_str().map(str::to_string)).unwrap_or_default()
    };
    assert!(problem_of(&nl).contains("geboortedatum ligt na de signaaldatum"), "{nl}");
    assert_eq!(wegwijs_kit::english_word_in(&format!("{} {}", nl["title"], nl["detail"])), None, "{nl}");
    assert!(problem_of(&en).contains("birth date is after the signal date"), "{en}");
    // The machine interface is the same in both: type, status, fields.
    assert_eq!(nl["type"], en["type"]);
    assert_eq!(nl["errors"].as_array().map(Vec::len), en["errors"].as_array().map(Vec::len));
}

#[test]
fn a_body_that_is_not_json_is_refused_with_415() {
    let auth = bearer(DECIDER);
    let headers = [("Authorization", auth.as_str()), ("Content-Type", "text/plain")];
    let reply = run(send(shared(), "POST", "/v1/decisions", &headers, &school_signal("GM0060")));
    reply.problem(415, "unsupported-media-type");
    assert_eq!(reply.header("accept-post"), Some("application/json"));
    let charset = [("Authorization", auth.as_str()), ("Content-Type", "Application/JSON; charset=utf-8")];
    let ok = run(send(shared(), "POST", "/v1/decisions", &charset, &school_signal("GM0060")));
    assert_eq!(ok.status, 200, "{}", ok.text());
}

#[test]
fn a_body_over_the_limit_is_refused_with_413() {
    // Only the head, announcing more than the limit: the service answers
    // from the announced length, before reading any of the body.
    let addr = shared();
    let reply = run(async {
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        let head = format!(
            "POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer {DECIDER}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            wegwijs_serve::DEFAULT_BODY_LIMIT + 1
        );
        stream.write_all(head.as_bytes()).await.expect("write");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.expect("read");
        parse(&raw)
    });
    let problem = reply.problem(413, "body-too-large");
    assert_eq!(problem["limit"], wegwijs_serve::DEFAULT_BODY_LIMIT);
}

#[test]
fn a_body_without_a_length_is_cut_off_at_the_limit() {
    run(async {
        let (addr, _stop, _served) = dedicated(|c| c.body_limit = 64).await;
        let signal = school_signal("GM0060");
        assert!(signal.len() > 64);
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        let head = format!(
            "POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer {DECIDER}\r\n\
             Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n",
            signal.len()
        );
        let mut request = head.into_bytes();
        request.extend_from_slice(&signal);
        request.extend_from_slice(b"\r\n0\r\n\r\n");
        stream.write_all(&request).await.expect("write");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.expect("read");
        let problem = parse(&raw).problem(413, "body-too-large");
        assert_eq!(problem["limit"], 64);
    });
}

#[test]
fn bad_query_parameters_are_a_problem() {
    let reply = run(decide(shared(), "?explain=maybe", &school_signal("GM0060")));
    reply.problem(400, "invalid-query");
    let unknown = run(decide(shared(), "?verbose=1", &school_signal("GM0060")));
    unknown.problem(400, "invalid-query");
}

#[test]
fn unknown_paths_and_methods_are_problems() {
    let auth = bearer(DECIDER);
    let missing = run(send(shared(), "GET", "/v2/everything", &[("Authorization", auth.as_str())], b""));
    missing.problem(404, "not-found");
    let wrong = run(send(shared(), "GET", "/v1/decisions", &[("Authorization", auth.as_str())], b""));
    wrong.problem(405, "method-not-allowed");
    assert!(wrong.header("allow").is_some_and(|a| a.contains("POST")), "{wrong:?}");
}

#[test]
fn health_and_readiness_need_no_key() {
    let health = run(send(shared(), "GET", "/healthz", &[], b""));
    assert_eq!((health.status, health.json()["status"].clone()), (200, "alive".into()));
    let ready = run(send(shared(), "GET", "/readyz", &[], b""));
    assert_eq!((ready.status, ready.json()["status"].clone()), (200, "ready".into()));
}

#[test]
fn without_a_key_or_with_an_unknown_one_the_answer_is_401_with_a_bearer_challenge() {
    for path in ["/v1/regions", "/metrics", "/openapi.json", "/cds-services"] {
        let none = run(send(shared(), "GET", path, &[], b""));
        none.problem(401, "unauthorized");
        assert!(none.header("www-authenticate").is_some_and(|v| v.starts_with("Bearer")), "{path}: {none:?}");
    }
    let none = run(send(shared(), "POST", "/v1/decisions", &[("Content-Type", "application/json")], b"{}"));
    none.problem(401, "unauthorized");
    let wrong = run(send(shared(), "GET", "/v1/regions", &[("Authorization", "Bearer not-a-key")], b""));
    wrong.problem(401, "unauthorized");
    assert!(wrong.header("www-authenticate").is_some_and(|v| v.contains("invalid_token")), "{wrong:?}");
    // A token's hash is not a token.
    let hash = bearer(&wegwijs_serve::hash_token(DECIDER));
    let hashed = run(send(shared(), "GET", "/v1/regions", &[("Authorization", hash.as_str())], b""));
    hashed.problem(401, "unauthorized");
    let basic = run(send(shared(), "GET", "/v1/regions", &[("Authorization", "Basic ZGVjaWRlcjp4")], b""));
    basic.problem(401, "unauthorized");
}

#[test]
fn a_key_without_the_right_gets_403() {
    let ops = bearer(OPS);
    let headers = [("Authorization", ops.as_str()), ("Content-Type", "application/json")];
    let reply = run(send(shared(), "POST", "/v1/decisions", &headers, &school_signal("GM0060")));
    let problem = reply.problem(403, "forbidden");
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("decide")), "{problem}");
    let decider = bearer(DECIDER);
    run(send(shared(), "GET", "/metrics", &[("Authorization", decider.as_str())], b"")).problem(403, "forbidden");
    run(send(shared(), "GET", "/cds-services", &[("Authorization", decider.as_str())], b"")).problem(403, "forbidden");
    // Any valid key reads the document.
    assert_eq!(run(send(shared(), "GET", "/openapi.json", &[("Authorization", ops.as_str())], b"")).status, 200);
}

#[test]
fn regions_lists_the_active_regions_and_their_revisions() {
    let auth = bearer(DECIDER);
    let reply = run(send(shared(), "GET", "/v1/regions", &[("Authorization", auth.as_str())], b""));
    assert_eq!(reply.status, 200, "{}", reply.text());
    let regions = reply.json();
    let list = regions["regions"].as_array().expect("a list");
    assert_eq!(list.len(), 1, "{regions}");
    assert_eq!(regions["refused"], serde_json::json!([]), "nothing was offered and refused");
    assert_eq!(list[0]["id"], "regio-d");
    assert_eq!(list[0]["revision"], 1);
    assert!(list[0]["gemeenten"].as_array().is_some_and(|g| g.iter().any(|g| g == "GM0060")), "{regions}");
}

#[test]
fn metrics_count_decisions_stages_and_bad_input() {
    let addr = shared();
    assert_eq!(run(decide(addr, "", &school_signal("GM0060"))).status, 200);
    run(decide(addr, "", b"{")).problem(400, "malformed-json");
    let auth = bearer(OPS);
    let reply = run(send(addr, "GET", "/metrics", &[("Authorization", auth.as_str())], b""));
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("text/plain; version=0.0.4; charset=utf-8"));
    let text = reply.text();
    let value = |prefix: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(prefix).and_then(|rest| rest.trim().parse().ok()))
            .unwrap_or_else(|| panic!("no sample {prefix}:\n{text}"))
    };
    assert!(value("wegwijs_decisions_total{status=\"decided\",region=\"regio-d\"}") >= 1.0);
    assert!(value("wegwijs_bad_input_total{problem=\"malformed-json\"}") >= 1.0);
    // The stage histograms come from traces the client did not ask for.
    assert!(value("wegwijs_stage_duration_seconds_count{stage=\"routing\",role=\"reference\"}") >= 1.0);
    assert!(value("wegwijs_decision_duration_seconds_count{region=\"regio-d\"}") >= 1.0);
    for family in ["wegwijs_faults_total counter", "wegwijs_guardrail_changes_total counter"] {
        assert!(text.contains(&format!("# TYPE {family}\n")), "{family}:\n{text}");
    }
    assert_eq!(value("wegwijs_decision_slots"), Config::default().max_concurrent_decisions as f64);
}

#[test]
fn the_openapi_document_is_served_and_matches_the_checked_in_copy() {
    let auth = bearer(DECIDER);
    let reply = run(send(shared(), "GET", "/openapi.json", &[("Authorization", auth.as_str())], b""));
    assert_eq!(reply.status, 200);
    let served = reply.text();
    let document = reply.json();
    assert_eq!(document["openapi"], "3.1.0");
    for (path, method) in [
        ("/v1/decisions", "post"),
        ("/v1/regions", "get"),
        ("/healthz", "get"),
        ("/readyz", "get"),
        ("/metrics", "get"),
        ("/openapi.json", "get"),
        ("/cds-services", "get"),
        ("/cds-services/{id}", "post"),
        ("/cds-services/{id}/feedback", "post"),
        ("/v1/regions/reload", "post"),
        ("/v1/decisions/{id}/feedback", "post"),
    ] {
        assert!(document["paths"][path][method].is_object(), "{method} {path} is not documented");
    }
    let decide = &document["paths"]["/v1/decisions"]["post"];
    assert_eq!(decide["x-wegwijs-right"], "decide");
    assert_eq!(decide["requestBody"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Signal");
    assert_eq!(
        decide["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Decision"
    );
    assert!(decide["responses"]["422"]["content"]["application/problem+json"].is_object());
    assert_eq!(document["paths"]["/healthz"]["get"]["security"], serde_json::json!([]));
    for schema in ["Signal", "Decision", "RegionInfo", "Problem", "RoutingCard", "FieldError"] {
        assert!(document["components"]["schemas"][schema].is_object(), "no schema {schema}");
    }
    golden("host/serve/openapi.json", &served);
}

/// The file at `path` (from the workspace root) holds exactly `actual`;
/// with `BLESS` set, a difference rewrites it instead of failing.
fn golden(path: &str, actual: &str) {
    let file = root().join(path);
    let expected = std::fs::read_to_string(&file).ok();
    if expected.as_deref() == Some(actual) {
        return;
    }
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&file, actual).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    let first = expected.as_deref().and_then(|e| {
        e.lines().zip(actual.lines()).enumerate().find(|(_, (a, b))| a != b).map(|(i, (a, b))| (i + 1, a, b))
    });
    panic!(
        "{path} differs from what the service serves (first difference: {first:?}); if the change is intended, \
         rewrite it with `BLESS=1 cargo test -p wegwijs-serve --test service` and review the diff"
    );
}

/// A CDS Hooks call of `hook` carrying a plain school signal from `gemeente`.
fn hook_call(hook: &str, gemeente: &str) -> Vec<u8> {
    let signal: Value = serde_json::from_slice(&school_signal(gemeente)).expect("JSON");
    serde_json::json!({
        "hook": hook,
        "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        "context": { "patientId": "child-1", "signal": signal },
        "prefetch": { "patient": null },
    })
    .to_string()
    .into_bytes()
}

#[test]
fn cds_hooks_discovery_call_and_feedback_behind_the_cds_right() {
    let auth = bearer(CDS);
    let discovery = run(send(shared(), "GET", "/cds-services", &[("Authorization", auth.as_str())], b""));
    assert_eq!(discovery.status, 200, "{}", discovery.text());
    let service = discovery.json()["services"][0].clone();
    let id = service["id"].as_str().expect("a service id").to_string();
    let hook = service["hook"].as_str().expect("a hook").to_string();
    let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];

    let call = run(send(shared(), "POST", &format!("/cds-services/{id}"), &headers, &hook_call(&hook, "GM0060")));
    assert_eq!(call.status, 200, "{}", call.text());
    let cards = call.json()["cards"].as_array().cloned().expect("cards");
    assert!(!cards.is_empty(), "{}", call.text());
    let uuid = cards[0]["uuid"].as_str().expect("a card uuid").to_string();

    let feedback = serde_json::json!({ "feedback": [{
        "card": uuid, "outcome": "overridden", "outcomeTimestamp": "2026-10-05T10:00:00Z"
    }]});
    let path = format!("/cds-services/{id}/feedback");
    let taken = run(send(shared(), "POST", &path, &headers, feedback.to_string().as_bytes()));
    assert_eq!(taken.status, 200, "{}", taken.text());
    let ops = bearer(OPS);
    let metrics = run(send(shared(), "GET", "/metrics", &[("Authorization", ops.as_str())], b"")).text();
    assert!(metrics.contains("wegwijs_cds_feedback_total{outcome=\"overridden\"}"), "{metrics}");

    // Errors are problems naming their fields.
    let unknown = run(send(shared(), "POST", "/cds-services/nope", &headers, &hook_call(&hook, "GM0060")));
    unknown.problem(404, "unknown-cds-service");
    let not_utf8 = run(send(shared(), "POST", "/cds-services/%FF", &headers, &hook_call(&hook, "GM0060")));
    not_utf8.problem(404, "unknown-cds-service");
    let broken = run(send(shared(), "POST", &format!("/cds-services/{id}"), &headers, b"{\"hook\": 3}"));
    let problem = broken.problem(400, "invalid-cds-request");
    assert!(problem["errors"].as_array().is_some_and(|e| e.iter().any(|e| e["field"] == "hook")), "{problem}");
    let malformed = run(send(shared(), "POST", &path, &headers, b"{"));
    malformed.problem(400, "malformed-json");
    // The decider's key has no `cds` right.
    let decider = bearer(DECIDER);
    let decider_headers = [("Authorization", decider.as_str()), ("Content-Type", "application/json")];
    run(send(shared(), "POST", &format!("/cds-services/{id}"), &decider_headers, &hook_call(&hook, "GM0060")))
        .problem(403, "forbidden");
}

/// A service of its own with `adjust` applied to the shared settings.
async fn dedicated(adjust: impl FnOnce(&mut Config)) -> (SocketAddr, tokio::sync::oneshot::Sender<()>, Served) {
    let mut config = config();
    adjust(&mut config);
    let server = Server::bind(config).await.expect("binds");
    let addr = server.local_addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let served = tokio::spawn(server.run(HostSource::Ready(host()), async {
        let _ = stopped.await;
    }));
    (addr, stop, served)
}

type Served = tokio::task::JoinHandle<Result<(), ServeError>>;

#[test]
fn beyond_its_slots_the_service_answers_503_with_retry_after_at_once() {
    run(async {
        let (mut gate, hook) = Gate::new();
        let (addr, _stop, _served) = dedicated(|c| {
            c.max_concurrent_decisions = 1;
            c.retry_after = Duration::from_secs(7);
            c.decide_hook = Some(hook);
        })
        .await;
        let first = spawn_decide(addr);
        gate.held().await;
        let second = decide(addr, "", &school_signal("GM0060")).await;
        second.problem(503, "overloaded");
        assert_eq!(second.header("retry-after"), Some("7"));
        gate.open();
        let first = first.await.expect("the first request");
        assert_eq!(first.status, 200, "{}", first.text());
        // The slot is free again.
        let third = spawn_decide(addr);
        gate.held().await;
        gate.open();
        assert_eq!(third.await.expect("the third request").status, 200);
    });
}

#[test]
fn a_decision_past_the_request_timeout_is_504_and_keeps_its_slot_until_it_ends() {
    run(async {
        let (mut gate, hook) = Gate::new();
        let (addr, _stop, _served) = dedicated(|c| {
            c.max_concurrent_decisions = 1;
            c.request_timeout = Duration::from_millis(100);
            c.decide_hook = Some(hook);
        })
        .await;
        let slow = spawn_decide(addr);
        gate.held().await;
        slow.await.expect("the slow request").problem(504, "timeout");
        // Its decision still runs, so its slot is still taken.
        decide(addr, "", &school_signal("GM0060")).await.problem(503, "overloaded");
        gate.open();
        let auth = bearer(OPS);
        // Metrics do not take a slot.
        let metrics = send(addr, "GET", "/metrics", &[("Authorization", auth.as_str())], b"").await.text();
        assert!(metrics.contains("wegwijs_rejected_total{reason=\"timeout\"} 1\n"), "{metrics}");
        assert!(metrics.contains("wegwijs_rejected_total{reason=\"overloaded\"} 1\n"), "{metrics}");
    });
}

#[test]
fn shutdown_stops_accepting_finishes_the_request_in_flight_and_returns() {
    run(async {
        let (mut gate, hook) = Gate::new();
        let (addr, stop, served) = dedicated(|c| c.decide_hook = Some(hook)).await;
        let in_flight = spawn_decide(addr);
        gate.held().await;
        stop.send(()).expect("the service listens for shutdown");
        // The listener closes while the decision is held: wait (bounded)
        // until a new connection is refused.
        // (A connection that reached the backlog before the listener closed
        // may be reset; refusal is what a new one gets.)
        let refused = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                match TcpStream::connect(addr).await {
                    Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => return,
                    _ => tokio::task::yield_now().await,
                }
            }
        })
        .await;
        assert!(refused.is_ok(), "new connections are refused while draining");
        assert!(!served.is_finished(), "the service waits for the request in flight");
        gate.open();
        let reply = in_flight.await.expect("the request in flight");
        assert_eq!(reply.status, 200, "{}", reply.text());
        let result = tokio::time::timeout(Duration::from_secs(10), served).await.expect("the service returns");
        assert!(matches!(result, Ok(Ok(()))), "{result:?}");
    });
}

#[test]
fn during_the_drain_grace_readiness_says_draining_and_requests_are_still_served() {
    run(async {
        let (addr, stop, served) = dedicated(|c| c.drain_grace = Duration::from_secs(2)).await;
        assert_eq!(send(addr, "GET", "/readyz", &[], b"").await.status, 200);
        stop.send(()).expect("the service listens for shutdown");
        // The stop is seen on the service's own task: wait (bounded) for it.
        let draining = tokio::time::timeout(Duration::from_secs(10), async {
            while send(addr, "GET", "/readyz", &[], b"").await.status == 200 {
                tokio::task::yield_now().await;
            }
        })
        .await;
        assert!(draining.is_ok(), "readiness turns to 503 after the stop signal");
        send(addr, "GET", "/readyz", &[], b"").await.problem(503, "draining");
        assert_eq!(decide(addr, "", &school_signal("GM0060")).await.status, 200, "still served in the grace");
        let result = tokio::time::timeout(Duration::from_secs(10), served).await.expect("the service returns");
        assert!(matches!(result, Ok(Ok(()))), "{result:?}");
    });
}

#[test]
fn readiness_waits_for_the_host_and_a_failed_build_stops_the_service() {
    run(async {
        let server = Server::bind(config()).await.expect("binds");
        let addr = server.local_addr();
        let (release, wait) = mpsc::channel::<()>();
        let build = move || {
            let _ = wait.recv();
            Ok(host())
        };
        let served = tokio::spawn(server.run(HostSource::Build(Box::new(build)), std::future::pending()));
        send(addr, "GET", "/readyz", &[], b"").await.problem(503, "not-ready");
        assert_eq!(send(addr, "GET", "/healthz", &[], b"").await.status, 200);
        decide(addr, "", &school_signal("GM0060")).await.problem(503, "not-ready");
        release.send(()).expect("the build waits");
        let ready = tokio::time::timeout(Duration::from_secs(30), async {
            while send(addr, "GET", "/readyz", &[], b"").await.status != 200 {
                tokio::task::yield_now().await;
            }
        })
        .await;
        assert!(ready.is_ok(), "ready once the host is built");
        assert_eq!(decide(addr, "", &school_signal("GM0060")).await.status, 200);
        served.abort();

        let server = Server::bind(config()).await.expect("binds");
        let failing = HostSource::Build(Box::new(|| Err("region bundle refused".to_string())));
        let result = tokio::time::timeout(Duration::from_secs(10), server.run(failing, std::future::pending()))
            .await
            .expect("the service stops");
        assert!(matches!(&result, Err(ServeError::Host(m)) if m.contains("refused")), "{result:?}");
    });
}

#[test]
fn a_public_address_without_tls_is_refused_unless_explicitly_allowed() {
    run(async {
        let mut config = config();
        config.addr = SocketAddr::from(([0, 0, 0, 0], 0));
        let refused = Server::bind(config.clone()).await;
        assert!(matches!(refused, Err(ServeError::InsecureBind(_))), "{refused:?}");
        config.insecure_no_tls = true;
        assert!(Server::bind(config).await.is_ok());
    });
}

#[test]
fn tls_serves_the_same_api() {
    let dir = std::env::temp_dir().join(format!("wegwijs-serve-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("a self-signed cert");
    std::fs::write(dir.join("cert.pem"), cert.cert.pem()).expect("write the cert");
    std::fs::write(dir.join("key.pem"), cert.signing_key.serialize_pem()).expect("write the key");
    let files = wegwijs_serve::TlsFiles { cert: dir.join("cert.pem"), key: dir.join("key.pem") };
    run(async {
        let (addr, _stop, _served) = dedicated(|c| c.tls = Some(files)).await;
        let mut roots = tokio_rustls::rustls::RootCertStore::empty();
        roots.add(cert.cert.der().clone()).expect("the cert is a root");
        #[allow(deprecated)] // The service's own provider (src/tls.rs says why).
        let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
        let client = tokio_rustls::rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        let connector = tokio_rustls::TlsConnector::from(Arc::new(client));
        let name = rustls_pki_types::ServerName::try_from("localhost").expect("a server name");
        let tcp = TcpStream::connect(addr).await.expect("connects");
        let tls = connector.connect(name, tcp).await.expect("the TLS handshake");
        let auth = bearer(DECIDER);
        let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
        let reply = send_on(tls, "POST", "/v1/decisions", &headers, &school_signal("GM0060")).await;
        assert_eq!(reply.status, 200, "{}", reply.text());
        // Plain HTTP to the TLS port gets no answer.
        let mut plain = TcpStream::connect(addr).await.expect("connects");
        plain.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").await.expect("write");
        let mut raw = Vec::new();
        let _ = plain.read_to_end(&mut raw).await;
        assert!(!raw.starts_with(b"HTTP/1.1 200"), "plain HTTP was served on the TLS port");
    });
    let _ = std::fs::remove_dir_all(&dir);
}

/// The service with a decision log: its own host (the shared one keeps no
/// log), a log directory and a regions directory holding a copy of region
/// D, reloaded only when asked (no timer), so tests decide when a new
/// revision arrives.
struct Logged {
    addr: SocketAddr,
    log: PathBuf,
    regions: PathBuf,
}

fn logged() -> &'static Logged {
    static LOGGED: OnceLock<Logged> = OnceLock::new();
    LOGGED.get_or_init(|| {
        let base = std::env::temp_dir().join(format!("wegwijs-serve-logged-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let (log, regions) = (base.join("log"), base.join("regions"));
        copy_dir(&root().join("examples/regions/d-config-only"), &regions.join("d"));
        let (decision_log, _) =
            wegwijs::audit::DecisionLog::open(&log, wegwijs::audit::LogOptions::default()).expect("the log opens");
        let host = Host::builder()
            .pseudonym_key("service-test-key")
            .decision_log(decision_log)
            .build()
            .expect("the logged host builds");
        let mut config = config();
        config.regions_dir = Some(regions.clone());
        config.reload_interval = None;
        let addr = runtime().block_on(async {
            let server = Server::bind(config).await.expect("binds");
            let addr = server.local_addr();
            tokio::spawn(server.run(HostSource::Ready(host), std::future::pending()));
            // Ready once the regions directory's first pass is done.
            while send(addr, "GET", "/readyz", &[], b"").await.status != 200 {
                tokio::task::yield_now().await;
            }
            addr
        });
        Logged { addr, log, regions }
    })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a directory");
    for entry in std::fs::read_dir(from).expect("readable") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copied");
        }
    }
}

/// The decision records in the log, by id.
fn logged_decisions(log: &Path) -> std::collections::BTreeMap<String, wegwijs::audit::DecisionEntry> {
    wegwijs::audit::read(log)
        .expect("the log reads")
        .into_iter()
        .filter_map(|(_, r, _)| match r.entry {
            wegwijs::audit::Entry::Decision(d) => Some((d.id.clone(), *d)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_answered_decision_and_its_feedback_are_in_the_chained_log_masked() {
    let service = logged();
    let signal = example("03-violence-child-present.json");
    let reply = run(decide(service.addr, "", &signal));
    assert_eq!(reply.status, 200, "{}", reply.text());
    let card = reply.json();
    let id = card["decision_id"].as_str().expect("a logged decision carries its id").to_string();

    // The record is there when the answer is, and says what the card says.
    let records = logged_decisions(&service.log);
    let record = records.get(&id).expect("the answered decision is in the log");
    assert_eq!(record.outcome.status, card["status"].as_str().unwrap_or_default());
    assert_eq!(record.outcome.level.as_deref(), card["level"].as_str());
    assert_eq!(record.outcome.action.as_deref(), card["action"].as_str());
    let routes: Vec<(String, String)> = card["routing"]["routes"]
        .as_array()
        .map(|r| {
            r.iter()
                .map(|r| {
                    (r["partner"].as_str().unwrap_or_default().into(), r["kind"].as_str().unwrap_or_default().into())
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(record.outcome.routes.iter().map(|r| (r.partner.clone(), r.kind.clone())).collect::<Vec<_>>(), routes);
    assert_eq!(record.components.len(), 4, "every stage's component with its hash");
    assert!(record.components.iter().all(|c| c.sha256.len() == 64));
    assert!(record.guardrails.iter().any(|g| g.rule == "G-SAFETY"));
    assert_eq!(record.signal.pseudonym, card["pseudonym"].as_str().unwrap_or_default());

    // Nothing that identifies the child, and no free text, is in the log.
    let raw: String = std::fs::read_dir(&service.log)
        .expect("readable")
        .filter_map(|e| std::fs::read_to_string(e.expect("entry").path()).ok())
        .collect();
    let sent: Value = serde_json::from_slice(&signal).expect("JSON");
    let child = &sent["child"];
    let mut identifiers = vec![
        child["name"].as_str(),
        child["bsn"].as_str(),
        child["birth_date"].as_str(),
        child["local_id"].as_str(),
        sent["signal_id"].as_str(),
        sent["notes"].as_str(),
    ];
    if let Some(address) = child["address"].as_object() {
        identifiers.extend(address.values().map(Value::as_str));
    }
    let identifiers: Vec<&str> = identifiers.into_iter().flatten().collect();
    assert!(identifiers.len() >= 4, "the example carries identifiers to look for: {identifiers:?}");
    for identifier in identifiers {
        assert!(!raw.contains(identifier), "`{identifier}` reached the decision log");
    }

    // Feedback through the API: masked, linked, durable.
    let auth = bearer(DECIDER);
    let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
    let feedback = br#"{"outcome": "overridden", "reason": "family-declines", "comment": "Moeder belt zelf met Jan de Vries, 0612345678."}"#;
    let taken = run(send(service.addr, "POST", &format!("/v1/decisions/{id}/feedback"), &headers, feedback));
    assert_eq!(taken.status, 200, "{}", taken.text());
    assert_eq!(taken.json()["decision_in_log"], true);
    let kept = wegwijs::audit::read(&service.log).expect("reads");
    let note = kept
        .iter()
        .find_map(|(_, r, _)| match &r.entry {
            wegwijs::audit::Entry::Feedback(f) if f.decision == id && f.via == "api" => Some(f.clone()),
            _ => None,
        })
        .expect("the feedback is in the log");
    assert_eq!(note.reason.as_deref(), Some("family-declines"));
    assert_eq!(note.comment.as_deref(), Some("Moeder belt zelf met […] ##########."));

    // Feedback names a decision id; its body is checked field by field.
    let bad = run(send(service.addr, "POST", "/v1/decisions/not-an-id/feedback", &headers, feedback));
    bad.problem(404, "unknown-decision");
    let wrong = run(send(
        service.addr,
        "POST",
        &format!("/v1/decisions/{id}/feedback"),
        &headers,
        br#"{"outcome": "overridden", "routes": [0], "extra": 1, "reason": "bsn 123456782"}"#,
    ));
    let problem = wrong.problem(422, "invalid-feedback");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .map(|e| e.iter().filter_map(|e| e["field"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(fields, ["extra", "routes", "reason"], "{problem}");
    // Without a decision log there is nothing to record feedback in.
    let shared_reply = run(send(shared(), "POST", &format!("/v1/decisions/{id}/feedback"), &headers, feedback));
    shared_reply.problem(409, "no-decision-log");

    // A CDS Hooks call and its feedback: the card's uuid leads to the logged decision.
    let cds = bearer(CDS);
    let cds_headers = [("Authorization", cds.as_str()), ("Content-Type", "application/json")];
    let call = run(send(
        service.addr,
        "POST",
        "/cds-services/wegwijs-jgz-signal",
        &cds_headers,
        &hook_call("wegwijs-signal", "GM0363"),
    ));
    if call.status == 200 {
        let cards = call.json()["cards"].as_array().cloned().unwrap_or_default();
        let uuid = cards[0]["uuid"].as_str().expect("a card uuid").to_string();
        let decision = wegwijs_cds::CardRef::parse(&uuid).expect("ours").decision.to_string();
        assert!(
            logged_decisions(&service.log).contains_key(&decision),
            "the CDS decision is logged under its card's reference"
        );
        let body = serde_json::json!({ "feedback": [{
            "card": uuid, "outcome": "overridden", "overrideReason": { "reason": { "code": "other-plan", "system": "urn:example" } },
            "outcomeTimestamp": "2026-10-05T10:00:00Z"
        }]});
        let taken = run(send(
            service.addr,
            "POST",
            "/cds-services/wegwijs-jgz-signal/feedback",
            &cds_headers,
            body.to_string().as_bytes(),
        ));
        assert_eq!(taken.status, 200, "{}", taken.text());
        let linked = wegwijs::audit::read(&service.log).expect("reads").into_iter().any(|(_, r, _)| {
            matches!(r.entry, wegwijs::audit::Entry::Feedback(f) if f.decision == decision && f.via == "cds-hooks" && f.decision_in_log)
        });
        assert!(linked, "the CDS feedback is in the log, linked to its decision");
    } else {
        panic!("the CDS call failed: {}", call.text());
    }

    let check = wegwijs::audit::verify(&service.log).expect("the log reads");
    assert!(check.intact(), "{check:?}");
}

/// The signal of region D's first case: routed to the POH-jeugd, whose
/// local name and contact come from the region's config.
fn poh_signal() -> Vec<u8> {
    br#"{"date": "2026-10-05", "handler": "jeugdverpleegkundige", "source": {"code": "jeugdverpleegkundige"},
        "gemeente": "GM0088", "child": {"birth_date": "2025-01-10"},
        "risk_factors": ["parental-stress", "unwanted-pregnancy", "low-parenting-confidence", "teenage-parent"],
        "concerns": ["parenting-stress"]}"#
        .to_vec()
}

/// Rewrites the region D copy: its revision, and the POH-jeugd's contact
/// hours in its config and in the case that expects them.
fn rewrite_region_d(dir: &Path, revision: u32, hours: &str) {
    for file in ["region.toml", "cases/routes.toml"] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).expect("readable");
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for line in &mut lines {
            if line.starts_with("revision = ") {
                *line = format!("revision = {revision}");
            }
            if let Some(start) = line.find("consultatie-uur ") {
                let end = line[start..].find('"').map_or(line.len(), |e| start + e);
                line.replace_range(start..end, &format!("consultatie-uur {hours}"));
            }
        }
        std::fs::write(&path, lines.join("\n") + "\n").expect("written");
    }
}

#[test]
fn a_new_revision_is_activated_under_load_and_no_decision_mixes_revisions() {
    let service = logged();
    let dir = service.regions.join("d");
    let admin = bearer(ADMIN);
    let admin_headers = [("Authorization", admin.as_str())];
    run(async {
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let answered = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (first, mut first_rx) = tokio::sync::watch::channel(0usize);
        let first = Arc::new(first);
        let clients: Vec<_> = (0..6)
            .map(|_| {
                let (stop, answered, first) = (Arc::clone(&stop), Arc::clone(&answered), Arc::clone(&first));
                tokio::spawn(async move {
                    let mut replies = Vec::new();
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        let reply = decide(service.addr, "", &poh_signal()).await;
                        let n = answered.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                        first.send_replace(n);
                        replies.push(reply);
                    }
                    replies
                })
            })
            .collect();
        // Some decisions in the old revision, then the new one arrives.
        first_rx.wait_for(|n| *n >= 12).await.expect("clients run");
        let before = send(service.addr, "GET", "/v1/regions", &admin_headers, b"").await.json();
        let old = before["regions"][0]["revision"].as_u64().expect("a revision") as u32;
        rewrite_region_d(&dir, old + 1, "dinsdagochtend");
        let reloaded = send(service.addr, "POST", "/v1/regions/reload", &admin_headers, b"").await;
        assert_eq!(reloaded.status, 200, "{}", reloaded.text());
        assert_eq!(reloaded.json()["activated"][0]["revision"], old + 1, "{}", reloaded.text());
        let switched = answered.load(std::sync::atomic::Ordering::Relaxed);
        first_rx.wait_for(|n| *n >= switched + 12).await.expect("clients run");
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let mut replies = Vec::new();
        for client in clients {
            replies.extend(client.await.expect("a client"));
        }

        let records = logged_decisions(&service.log);
        let mut seen = std::collections::BTreeSet::new();
        for reply in &replies {
            assert_eq!(reply.status, 200, "no request fails during a reload: {}", reply.text());
            let card = reply.json();
            let revision = card["provenance"]["region_revision"].as_u64().expect("region D decided") as u32;
            seen.insert(revision);
            let poh = card["routing"]["routes"]
                .as_array()
                .and_then(|r| r.iter().find(|r| r["partner"] == "poh-jeugd").cloned())
                .expect("routed to the POH-jeugd");
            let local_name = poh["local_name"].as_str().unwrap_or_default();
            let expected = if revision == old { "maandag- en donderdagochtend" } else { "dinsdagochtend" };
            assert!(local_name.ends_with(expected), "revision {revision} with another revision's config: {local_name}");
            let id = card["decision_id"].as_str().expect("an id");
            assert_eq!(
                records.get(id).and_then(|r| r.region_revision),
                Some(revision),
                "the log names the revision used"
            );
        }
        assert_eq!(seen, [old, old + 1].into(), "decisions in both revisions");

        // A candidate that breaks the rules is refused with its reasons,
        // and the revision before it keeps serving.
        rewrite_region_d(&dir, old, "vrijdag");
        let refused = send(service.addr, "POST", "/v1/regions/reload", &admin_headers, b"").await.json();
        assert_eq!(refused["activated"], serde_json::json!([]), "{refused}");
        let regions = send(service.addr, "GET", "/v1/regions", &admin_headers, b"").await.json();
        assert_eq!(regions["regions"][0]["revision"], old + 1, "{regions}");
        let candidate = &regions["refused"][0];
        assert_eq!(candidate["region"], "regio-d", "{regions}");
        assert_eq!(candidate["revision"], old, "{regions}");
        assert!(
            candidate["reasons"]
                .as_array()
                .is_some_and(|r| r.iter().any(|r| r.as_str().is_some_and(|r| r.contains("not newer")))),
            "{regions}"
        );
        let still = decide(service.addr, "", &poh_signal()).await.json();
        assert_eq!(still["provenance"]["region_revision"], old + 1);

        let ops = bearer(OPS);
        let metrics = send(service.addr, "GET", "/metrics", &[("Authorization", ops.as_str())], b"").await.text();
        for counted in
            ["wegwijs_region_reloads_total{outcome=\"activated\"}", "wegwijs_region_reloads_total{outcome=\"refused\"}"]
        {
            let n = metrics
                .lines()
                .find_map(|l| l.strip_prefix(counted))
                .and_then(|n| n.trim().parse::<f64>().ok())
                .unwrap_or(0.0);
            assert!(n >= 1.0, "{counted} counts the reload: {metrics}");
        }

        // Reloading needs the admin right.
        let decider = bearer(DECIDER);
        send(service.addr, "POST", "/v1/regions/reload", &[("Authorization", decider.as_str())], b"")
            .await
            .problem(403, "forbidden");
    });
}

/// Region D's copy in `dir` as region `id` at `revision`, serving `gemeenten`.
fn region_d_as(dir: &Path, id: &str, revision: u32, gemeenten: &[&str]) {
    let path = dir.join("region.toml");
    let text = std::fs::read_to_string(&path).expect("readable");
    let list = gemeenten.iter().map(|g| format!("\"{g}\"")).collect::<Vec<_>>().join(", ");
    let lines: Vec<String> = text
        .lines()
        .map(|line| match line {
            l if l.starts_with("id = ") => format!("id = \"{id}\""),
            l if l.starts_with("revision = ") => format!("revision = {revision}"),
            l if l.starts_with("gemeenten = ") => format!("gemeenten = [{list}]"),
            l => l.to_string(),
        })
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("written");
}

#[test]
fn a_gemeente_moving_between_two_regions_is_activated_in_one_pass() {
    let base = std::env::temp_dir().join(format!("wegwijs-serve-move-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    for name in ["a", "b"] {
        copy_dir(&root().join("examples/regions/d-config-only"), &base.join(name));
    }
    region_d_as(&base.join("a"), "regio-a", 1, &["GM0060"]);
    region_d_as(&base.join("b"), "regio-b", 1, &["GM0088", "GM0093"]);
    // A host of its own: activating here must not change the shared one.
    let host = Host::builder().pseudonym_key("service-test-key").build().expect("a host");
    let admin = bearer(ADMIN);
    let headers = [("Authorization", admin.as_str())];
    run(async {
        let mut config = config();
        config.regions_dir = Some(base.clone());
        config.reload_interval = None;
        let server = Server::bind(config).await.expect("binds");
        let addr = server.local_addr();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = tokio::spawn(server.run(HostSource::Ready(host), async {
            let _ = stopped.await;
        }));
        while send(addr, "GET", "/readyz", &[], b"").await.status != 200 {
            tokio::task::yield_now().await;
        }
        // GM0088 moves from b to a. In name order a comes first and is
        // refused while b still serves GM0088; b's new revision frees it,
        // and a is offered again in the same pass.
        region_d_as(&base.join("a"), "regio-a", 2, &["GM0060", "GM0088"]);
        region_d_as(&base.join("b"), "regio-b", 2, &["GM0093"]);
        let report = send(addr, "POST", "/v1/regions/reload", &headers, b"").await.json();
        assert_eq!(report["refused"], serde_json::json!([]), "{report}");
        let activated: Vec<&str> = report["activated"]
            .as_array()
            .map(|a| a.iter().filter_map(|r| r["id"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(activated, ["regio-b", "regio-a"], "{report}");
        let regions = send(addr, "GET", "/v1/regions", &headers, b"").await.json();
        assert_eq!(regions["refused"], serde_json::json!([]), "{regions}");
        let a = regions["regions"].as_array().and_then(|r| r.iter().find(|r| r["id"] == "regio-a").cloned());
        assert_eq!(a.map(|a| a["gemeenten"].clone()), Some(serde_json::json!(["GM0060", "GM0088"])), "{regions}");
        let _ = stop.send(());
        served.await.expect("the service task").expect("the service stops cleanly");
    });
    let _ = std::fs::remove_dir_all(&base);
}
