//! The decision log from outside: the real `wegwijs serve` killed with
//! SIGKILL at random moments while clients stream decisions (the log
//! verifies after every kill, holds every decision a client got an answer
//! for, and a torn last record is cut off and recorded on the next start);
//! SIGHUP activating a changed bundle; `wegwijs run --log-dir` and
//! `wegwijs audit verify|show`; and, in-process, that no identifier of a
//! signal ever reaches the log.

use crate::util::{TempDir, example_signals, root, wegwijs, wegwijs_bin};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use wegwijs::audit::{DecisionLog, Entry, LogOptions};
use wegwijs::{Host, Signal};

const TOKEN: &str = "crash-test-token-0123456789abcdef";

fn temp(name: &str) -> TempDir {
    TempDir::new(&format!("audit-{name}"))
}

/// A keys file with one key that may decide, read regions and reload.
fn keys_file(dir: &Path) -> PathBuf {
    let out = wegwijs_serve_hash(TOKEN);
    let path = dir.join("keys.toml");
    std::fs::write(
        &path,
        format!("[[key]]\nid = \"test\"\nsha256 = \"{out}\"\nrights = [\"decide\", \"regions\", \"admin\"]\n"),
    )
    .unwrap();
    path
}

fn wegwijs_serve_hash(token: &str) -> String {
    let mut child = Command::new(wegwijs_bin())
        .args(["serve", "--hash-key"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(token.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// A running `wegwijs serve`, its address, and its standard error as lines.
struct Service {
    child: Child,
    addr: SocketAddr,
    stderr: std::sync::mpsc::Receiver<String>,
}

fn start(dir: &Path, extra: &[&str]) -> Service {
    let keys = keys_file(dir);
    let mut child = Command::new(wegwijs_bin())
        .args(["serve", "--keys"])
        .arg(&keys)
        .args(["--port", "0"])
        .args(extra)
        .env("WEGWIJS_PSEUDONYM_KEY", "crash-test-key")
        // Compiled once for every start of this test binary, in a temporary directory.
        .env("WEGWIJS_COMPILE_CACHE", compile_cache())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let addr = line.trim().strip_prefix("listening on http://").unwrap_or_else(|| panic!("no address: {line}"));
    let addr: SocketAddr = addr.parse().unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let service = Service { child, addr, stderr: rx };
    // The host compiles its components (or loads them) before it is
    // ready; an external process gives no other signal than readiness.
    while request(service.addr, "GET", "/readyz", b"").map(|r| r.0) != Some(200) {
        std::thread::sleep(Duration::from_millis(20));
    }
    service
}

fn compile_cache() -> &'static Path {
    // Kept for the whole test binary (a static is never dropped); it lies
    // in the system's temporary directory.
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("wegwijs-test-{}-audit-compile-cache", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        dir
    })
}

/// One HTTP/1.1 request; `None` when the connection fails (the service is gone).
fn request(addr: SocketAddr, method: &str, path: &str, body: &[u8]) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).ok()?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body).ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1)?.parse().ok()?;
    Some((status, body.to_string()))
}

/// The example signals, read once.
fn signal(i: usize) -> Vec<u8> {
    static SIGNALS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    let all = SIGNALS.get_or_init(|| example_signals().iter().map(|p| std::fs::read(p).unwrap()).collect());
    all[i % all.len()].clone()
}

/// The decision ids in the log.
fn logged_ids(log: &Path) -> BTreeSet<String> {
    wegwijs::audit::read(log)
        .unwrap()
        .into_iter()
        .filter_map(|(_, r, _)| match r.entry {
            Entry::Decision(d) => Some(d.id),
            _ => None,
        })
        .collect()
}

/// A small deterministic generator, so a failing kill moment can be replayed.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn a_killed_service_leaves_a_verifiable_log_holding_every_answered_decision() {
    let tmp = temp("crash");
    let dir = tmp.0.clone();
    let log = dir.join("log");
    let mut torn_len = 0u64;
    let log_arg = log.to_str().unwrap().to_string();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64 ^ u64::from(std::process::id());
    let mut answered_total = BTreeSet::new();
    for round in 0..4 {
        let durability = if round % 2 == 0 { "batch" } else { "record" };
        let mut service = start(&dir, &["--log-dir", &log_arg, "--log-durability", durability]);
        if round == 3 {
            // The previous round's kill left a torn record (written below):
            // this start must have cut it off and said so.
            let said: Vec<String> = service.stderr.try_iter().collect();
            assert!(said.iter().any(|l| l.contains("is afgeknipt")), "the torn record is reported: {said:?}");
            let records = wegwijs::audit::read(&log).unwrap();
            assert!(
                records.iter().any(|(_, r, _)| matches!(&r.entry, Entry::Recovery(x) if x.truncated_bytes == torn_len)),
                "a recovery record names the bytes cut off"
            );
        }
        let stop = Arc::new(AtomicBool::new(false));
        let count = Arc::new(AtomicUsize::new(0));
        let received = Arc::new(Mutex::new(Vec::new()));
        let clients: Vec<_> = (0..4)
            .map(|c| {
                let (stop, count, received, addr) =
                    (Arc::clone(&stop), Arc::clone(&count), Arc::clone(&received), service.addr);
                std::thread::spawn(move || {
                    let mut i = c;
                    while !stop.load(Ordering::Relaxed) {
                        let Some((status, body)) = request(addr, "POST", "/v1/decisions", &signal(i)) else { break };
                        // A 400 or 422 is an example signal that is meant to be refused.
                        if status == 200 {
                            let card: serde_json::Value = serde_json::from_str(&body).unwrap();
                            received.lock().unwrap().push(card["decision_id"].as_str().unwrap().to_string());
                        }
                        count.fetch_add(1, Ordering::Relaxed);
                        i += 4;
                    }
                })
            })
            .collect();
        // A random moment: after 5 to 60 answers, then a random spin.
        let after = 5 + (next(&mut seed) % 56) as usize;
        while count.load(Ordering::Relaxed) < after {
            assert!(!clients.iter().all(|c| c.is_finished()), "round {round}: the clients stopped before the kill");
            std::thread::yield_now();
        }
        for _ in 0..next(&mut seed) % 20_000 {
            std::hint::spin_loop();
        }
        service.child.kill().unwrap(); // SIGKILL
        service.child.wait().unwrap();
        stop.store(true, Ordering::Relaxed);
        for client in clients {
            client.join().unwrap();
        }

        let check = wegwijs::audit::verify(&log).unwrap();
        assert!(check.intact(), "round {round}: {check:?}");
        let ids = logged_ids(&log);
        let received = received.lock().unwrap().clone();
        assert!(!received.is_empty());
        for id in &received {
            assert!(ids.contains(id), "round {round}: decision {id} was answered but is not in the log");
        }
        answered_total.extend(received);
        if round == 2 {
            // What a power cut during a write leaves: part of a record.
            let (_, last) = check.head.clone().unwrap();
            let segments: Vec<_> = std::fs::read_dir(&log)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
                .collect();
            let newest = segments.iter().max().unwrap();
            let mut file = std::fs::OpenOptions::new().append(true).open(newest).unwrap();
            let torn = format!("{{\"hash\":\"{}\",\"seq\":", &last[..38]);
            torn_len = torn.len() as u64;
            file.write_all(torn.as_bytes()).unwrap();
            let torn_check = wegwijs::audit::verify(&log).unwrap();
            assert!(torn_check.intact() && torn_check.torn.is_some(), "{torn_check:?}");
        }
    }
    // After the last kill, the log opens (cutting off nothing or a torn
    // record) and holds every decision answered in every round.
    let (_, opened) = DecisionLog::open(&log, LogOptions::default()).unwrap();
    assert!(opened.records as usize >= answered_total.len());
    let check = wegwijs::audit::verify(&log).unwrap();
    assert!(check.intact() && check.torn.is_none(), "{check:?}");
    assert!(logged_ids(&log).is_superset(&answered_total));
}

#[test]
fn a_hangup_activates_a_changed_bundle_and_the_log_names_the_new_revision() {
    let tmp = temp("hangup");
    let dir = tmp.0.clone();
    let regions = dir.join("regions");
    let source = root().join("examples/regions/d-config-only");
    for file in ["region.toml", "cases/routes.toml"] {
        tmp.write(&format!("regions/d/{file}"), std::fs::read(source.join(file)).unwrap());
    }
    let log = dir.join("log");
    let mut service = start(
        &dir,
        &[
            "--regions-dir",
            regions.to_str().unwrap(),
            "--reload-interval-secs",
            "0",
            "--log-dir",
            log.to_str().unwrap(),
        ],
    );
    let manifest = regions.join("d/region.toml");
    let text = std::fs::read_to_string(&manifest).unwrap().replace("\nrevision = 1\n", "\nrevision = 2\n");
    std::fs::write(&manifest, text).unwrap();
    let hup = Command::new("kill").args(["-HUP", &service.child.id().to_string()]).status().unwrap();
    assert!(hup.success());
    loop {
        let line = service.stderr.recv_timeout(Duration::from_secs(120)).expect("the service reports the reload");
        if line.contains("reload done") {
            break;
        }
    }
    let (status, body) = request(service.addr, "GET", "/v1/regions", b"").unwrap();
    assert_eq!(status, 200);
    let regions: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(regions["regions"][0]["revision"], 2, "{regions}");
    let school = br#"{"date": "2026-10-05", "gemeente": "GM0060", "child": {"birth_date": "2018-03-14"},
        "source": {"code": "intern-begeleider"}, "handler": "jeugdverpleegkundige", "concerns": ["behaviour-problems"]}"#;
    let (status, body) = request(service.addr, "POST", "/v1/decisions", school).unwrap();
    assert_eq!(status, 200, "{body}");
    let card: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = card["decision_id"].as_str().unwrap();
    service.child.kill().unwrap();
    service.child.wait().unwrap();
    let record = wegwijs::audit::read(&log)
        .unwrap()
        .into_iter()
        .find_map(|(_, r, _)| match r.entry {
            Entry::Decision(d) if d.id == id => Some(d),
            _ => None,
        })
        .expect("the decision is logged");
    assert_eq!((record.region.as_str(), record.region_revision), ("regio-d", Some(2)));
}

#[test]
fn the_cli_logs_a_run_and_audit_verify_finds_an_edited_record() {
    let tmp = temp("cli");
    let log = tmp.0.join("log");
    let log_arg = log.to_str().unwrap();
    for example in ["examples/signals/01-school-borderline-sdq.json", "examples/signals/03-violence-child-present.json"]
    {
        let out = wegwijs(&["run", example, "--format", "json", "--log-dir", log_arg]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let ok = wegwijs(&["audit", "verify", log_arg]);
    let text = String::from_utf8_lossy(&ok.stdout).into_owned();
    assert_eq!(ok.status.code(), Some(0), "{text}");
    assert!(text.contains("2 record(s) in 1 segment(s)"), "{text}");
    let head = text.lines().find_map(|l| l.strip_prefix("head ")).unwrap().to_string();

    let records = wegwijs::audit::read(&log).unwrap();
    let Entry::Decision(first) = &records[0].1.entry else { panic!("a decision") };
    let shown = wegwijs(&["audit", "show", log_arg, "--decision", &first.id]);
    let shown_text = String::from_utf8_lossy(&shown.stdout).into_owned();
    assert_eq!(shown_text.lines().count(), 1, "{shown_text}");
    assert!(shown_text.contains(&first.id) && shown_text.contains("national-default"), "{shown_text}");
    let json = wegwijs(&["audit", "show", log_arg, "--json", "--since", "2000-01-01"]);
    let lines: Vec<String> = String::from_utf8_lossy(&json.stdout).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2);
    let stored = std::fs::read_to_string(log.join("segment-00000001.jsonl")).unwrap();
    assert_eq!(lines.join("\n") + "\n", stored, "JSON Lines exactly as stored, hashes included");
    let future = wegwijs(&["audit", "show", log_arg, "--since", "2999-01-01T00:00:00Z"]);
    assert!(future.stdout.is_empty());
    let bad = wegwijs(&["audit", "show", log_arg, "--since", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));

    // Removing the last record is what the head written down is for.
    let kept: Vec<&str> = stored.lines().collect();
    std::fs::write(log.join("segment-00000001.jsonl"), format!("{}\n", kept[0])).unwrap();
    let cut = wegwijs(&["audit", "verify", log_arg, "--expect-head", &head]);
    assert_eq!(cut.status.code(), Some(4), "{}", String::from_utf8_lossy(&cut.stdout));
    // Editing the first record breaks it at its own line.
    let edited = stored.replacen("\"status\":\"decided\"", "\"status\":\"closed\"", 1);
    std::fs::write(log.join("segment-00000001.jsonl"), edited).unwrap();
    let broken = wegwijs(&["audit", "verify", log_arg]);
    let text = String::from_utf8_lossy(&broken.stdout).into_owned();
    assert_eq!(broken.status.code(), Some(4), "{text}");
    assert!(text.contains("segment-00000001.jsonl line 1") && text.contains("changed after it was written"), "{text}");
}

/// A host that logs every decision to a log of its own.
fn logged_host() -> &'static (Host, PathBuf) {
    static HOST: OnceLock<(Host, PathBuf)> = OnceLock::new();
    HOST.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("wegwijs-test-{}-audit-privacy", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (log, _) = DecisionLog::open(&dir, LogOptions::default()).unwrap();
        (Host::builder().pseudonym_key("test-key").decision_log(log).build().unwrap(), dir)
    })
}

/// The log record of one decision, as stored.
fn stored_record(id: &str) -> String {
    let (_, dir) = logged_host();
    let text: String =
        std::fs::read_dir(dir).unwrap().filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok()).collect();
    text.lines().find(|l| l.contains(id)).unwrap().to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Whatever names, addresses, dates, ids, notes and unknown codes a
    /// signal carries, its record in the decision log holds none of them.
    #[test]
    fn no_identifier_free_text_or_unknown_code_reaches_the_log(
        name in "[A-Z][a-z]{4,10} [A-Z][a-z]{4,12}",
        street in "[A-Z][a-z]{5,12}straat [0-9]{1,3}",
        notes in "[A-Za-z ]{10,60}",
        local_id in "[a-z]{3}-[0-9]{6}",
        signal_id in "sig-[a-z0-9]{8}",
        unknown in "zz-[a-z]{6,10}",
        day in 1u32..28,
    ) {
        let birth_date = format!("2017-04-{day:02}");
        let v = serde_json::json!({
            "signal_id": signal_id,
            "date": "2026-10-05",
            "child": { "name": name, "local_id": local_id, "birth_date": birth_date, "bsn": "111222333",
                       "address": { "street": street, "postcode": "1234 AB", "city": "Zaandam" } },
            "source": { "code": "parent" },
            "handler": "jeugdarts",
            "concerns": ["low-mood", unknown],
            "notes": notes,
        });
        let s = Signal::from_json(&v.to_string()).unwrap();
        let decision = logged_host().0.decide(&s).unwrap();
        let id = decision.decision_id.clone().unwrap();
        let record = stored_record(&id);
        let secrets: [&str; 10] =
            [&name, &street, &notes, &local_id, &signal_id, &unknown, &birth_date, "111222333", "1234 AB", "Zaandam"];
        for secret in secrets {
            prop_assert!(!record.contains(secret), "`{}` reached the log: {}", secret, record);
        }
        for part in name.split(' ') {
            prop_assert!(!record.contains(part), "`{}` reached the log", part);
        }
        prop_assert!(record.contains("\"withheld_codes\":1"), "{}", record);
        prop_assert!(record.contains(&decision.pseudonym));
    }
}

#[test]
fn a_refused_bundle_at_start_stops_the_service_with_exit_code_2() {
    let tmp = temp("refused");
    tmp.write("bundle/region.toml", "[region]\nid = \"kapot\"\n");
    let keys = keys_file(&tmp.0);
    let out = Command::new(wegwijs_bin())
        .args(["serve", "--port", "0", "--keys"])
        .arg(&keys)
        .arg("--region")
        .arg(tmp.0.join("bundle"))
        .env("WEGWIJS_PSEUDONYM_KEY", "crash-test-key")
        .env("WEGWIJS_COMPILE_CACHE", compile_cache())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("region.gemeenten") || stderr.contains("geweigerd"), "{stderr}");
}
