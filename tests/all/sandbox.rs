//! The sandbox holds (docs/security.md): hostile and buggy region
//! components, built from `tests/guests/hostile`, are contained. For each
//! behaviour the tests assert that the fault is named correctly and carries
//! the component's sha256, that the guideline's result stands, that the
//! decision arrives within the region's deadline plus a bound, that the host
//! keeps serving, and that a healthy region decided at the same time on
//! another thread gets exactly the decision it gets alone.

use crate::util::{TempDir, root, sha256};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use wegwijs::{Decision, FaultKind, Host, Role, Signal, Stage};
use wegwijs_test_artifacts as artifacts;

/// The concern code that makes a hostile component misbehave; its bundle's
/// own cases do not use it, so the bundle passes activation like a
/// component whose bug only shows on some children's cases.
const TRIGGER: &str = "sleep-problems";

/// Deadline given to every hostile region: short, so the suite stays fast.
const DEADLINE_MS: u64 = 100;

/// How late past the deadline a decision may arrive: generous, because the
/// machine is shared and the whole suite runs on two cores at once; what
/// matters is that it is bounded at all (a looping component without the
/// deadline would never return).
const BOUND: Duration = Duration::from_millis(5000);

/// A signal from `gemeente`, optionally with the trigger concern.
fn signal(gemeente: &str, trigger: bool) -> Signal {
    let concerns =
        if trigger { format!(r#"["behaviour-problems", "{TRIGGER}"]"#) } else { r#"["behaviour-problems"]"#.into() };
    Signal::from_json(&format!(
        r#"{{"date": "2026-10-05", "gemeente": "{gemeente}", "child": {{"birth_date": "2018-03-14"}},
            "source": {{"code": "intern-begeleider"}}, "handler": "jeugdverpleegkundige",
            "concerns": {concerns}, "parents_concerned": true}}"#
    ))
    .unwrap()
}

/// A bundle whose `stage` component is the hostile guest in `mode`.
fn hostile_bundle(id: &str, gemeente: &str, stage: Stage, mode: &str, extra_limits: &str) -> TempDir {
    hostile_bundle_with_deadline(id, gemeente, stage, mode, extra_limits, DEADLINE_MS)
}

/// [`hostile_bundle`] with another deadline.
fn hostile_bundle_with_deadline(
    id: &str,
    gemeente: &str,
    stage: Stage,
    mode: &str,
    extra_limits: &str,
    deadline_ms: u64,
) -> TempDir {
    let wasm = artifacts::HOSTILE;
    let dir = TempDir::new(id);
    dir.write("hostile.wasm", wasm);
    dir.write(
        "region.toml",
        format!(
            r#"[region]
id = "{id}"
name = "Hostile {mode}"
gemeenten = ["{gemeente}"]
revision = 1

[stages.{stage}]
component = "hostile.wasm"
sha256 = "{sha}"

[config.hostile]
{stage} = "{mode}"
when-concern = "{TRIGGER}"

[limits]
deadline-ms = {deadline_ms}
{extra_limits}
"#,
            stage = stage.name(),
            sha = sha256(wasm)
        ),
    );
    dir.write(
        "cases/plain.toml",
        format!(
            r#"[[case]]
name = "a plain case the component handles"
[case.signal]
date = "2026-10-05"
gemeente = "{gemeente}"
child = {{ birth_date = "2018-03-14" }}
source = {{ code = "intern-begeleider" }}
handler = "jeugdverpleegkundige"
concerns = ["behaviour-problems"]
parents_concerned = true
[case.expect]
status = "decided"
"#
        ),
    );
    dir
}

struct Sandbox {
    host: Host,
    /// The healthy region's decision for its signal, decided alone.
    healthy_alone: serde_json::Value,
    /// The national decision for the hostile signal (what must stand).
    national: Decision,
}

const HEALTHY_GEMEENTE: &str = "GM0088";

/// One host with region D (healthy) and a hostile region per behaviour.
fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let host = Host::builder().pseudonym_key("sandbox").language(wegwijs::Language::En).build().unwrap();
        host.activate_dir(root().join("examples/regions/d-config-only")).unwrap();
        let national = Host::builder().pseudonym_key("sandbox").language(wegwijs::Language::En).build().unwrap();
        let healthy_alone = comparable(&host.decide(&signal(HEALTHY_GEMEENTE, true)).unwrap());
        let national = national.decide(&signal("GM0363", true)).unwrap();
        Sandbox { host, healthy_alone, national }
    })
}

/// A decision as JSON, for equality across runs.
fn comparable(d: &Decision) -> serde_json::Value {
    serde_json::to_value(d).unwrap()
}

/// Loads a hostile region, decides a triggering signal in it while a healthy
/// region is decided over and over on another thread, and checks the
/// containment promises. Returns the decision for fault-specific checks.
fn contained(id: &str, gemeente: &str, stage: Stage, mode: &str, extra_limits: &str) -> Decision {
    contained_within(id, gemeente, stage, mode, extra_limits, DEADLINE_MS)
}

/// [`contained`] with another deadline.
fn contained_within(
    id: &str,
    gemeente: &str,
    stage: Stage,
    mode: &str,
    extra_limits: &str,
    deadline_ms: u64,
) -> Decision {
    let sb = sandbox();
    let bundle = hostile_bundle_with_deadline(id, gemeente, stage, mode, extra_limits, deadline_ms);
    sb.host.activate_dir(&bundle.0).unwrap_or_else(|e| panic!("{mode}: {e}"));

    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let healthy = {
        let (host, done) = (sb.host.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            while !done.load(std::sync::atomic::Ordering::Relaxed) || seen.is_empty() {
                seen.push(comparable(&host.decide(&signal(HEALTHY_GEMEENTE, true)).unwrap()));
            }
            seen
        })
    };
    let started = Instant::now();
    let decision = sb.host.decide(&signal(gemeente, true)).unwrap();
    let elapsed = started.elapsed();
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let seen = healthy.join().unwrap();

    assert!(
        elapsed < Duration::from_millis(deadline_ms) + BOUND,
        "{mode}: the decision took {elapsed:?}, beyond the deadline plus the bound"
    );
    for d in &seen {
        assert_eq!(d, &sb.healthy_alone, "{mode}: a healthy region decided concurrently was affected");
    }
    assert_eq!(decision.provenance.region, id);
    let fault = decision
        .faults
        .iter()
        .find(|f| f.role == Role::Region)
        .unwrap_or_else(|| panic!("{mode}: no region fault recorded: {:?}", decision.faults));
    assert_eq!(fault.stage, stage);
    assert_eq!(fault.sha256, sha256(artifacts::HOSTILE), "{mode}: the fault names the component by hash");
    assert!(fault.fallback.contains("reference"), "{mode}: {}", fault.fallback);
    assert!(decision.faults.iter().all(|f| f.role == Role::Region), "{mode}: a reference component faulted");
    assert_eq!(decision.status, wegwijs::Status::Decided, "{mode}: the guideline's result stands (G-NO-DROP)");
    let no_drop = decision.guardrails.iter().find(|g| g.rule == "G-NO-DROP").unwrap();
    assert!(no_drop.changed && no_drop.text.contains("guideline"), "{mode}: {}", no_drop.text);
    // The guideline's routes stand: the same as the national decision.
    assert_eq!(decision.routes(), sb.national.routes(), "{mode}: the reference result must stand");

    // The host keeps serving, in the same region, with the same component.
    let after = sb.host.decide(&signal(gemeente, false)).unwrap();
    assert!(after.faults.is_empty(), "{mode}: the next, harmless case faulted: {:?}", after.faults);
    decision
}

fn fault_kind(d: &Decision) -> &FaultKind {
    &d.faults[0].kind
}

/// A trap's detail is for a person: the trap reason on its first line, a
/// few backtrace frames, never the whole backtrace, no control characters
/// but the line breaks.
fn assert_readable_trap(d: &Decision, reason: &str) {
    let detail = &d.faults[0].detail;
    let lines: Vec<&str> = detail.lines().collect();
    assert!(lines.len() <= 20, "{} lines: {detail}", lines.len());
    assert!(lines[0].contains("wasm trap") && lines[0].contains(reason), "{detail}");
    assert!(lines.iter().filter(|l| l.trim_start().starts_with("at ")).count() <= 5, "{detail}");
    assert!(detail.len() <= 4096, "{detail}");
    assert!(!detail.chars().any(|c| c != '\n' && wegwijs_kit::is_forbidden_char(c)), "{detail:?}");
}

#[test]
fn an_infinite_loop_is_stopped_at_the_deadline() {
    let d = contained("hostile-loop", "GM9001", Stage::Routing, "loop", "");
    assert_eq!(fault_kind(&d), &FaultKind::Deadline);
    assert!(d.faults[0].detail.contains("100ms"), "{}", d.faults[0].detail);
}

#[test]
fn a_memory_growth_bomb_hits_the_memory_limit() {
    let d = contained("hostile-grow", "GM9002", Stage::Routing, "grow", "memory-mib = 8");
    assert!(matches!(fault_kind(&d), FaultKind::MemoryLimit | FaultKind::Trap { .. }), "{:?}", d.faults[0]);
    assert!(d.faults[0].detail.contains("memory"), "{}", d.faults[0].detail);
}

#[test]
fn unbounded_recursion_is_a_stack_overflow_trap() {
    let d = contained("hostile-recurse", "GM9003", Stage::Screening, "recurse", "");
    assert_eq!(fault_kind(&d), &FaultKind::Trap { trap: "stack overflow".into() });
    assert_readable_trap(&d, "stack");
}

#[test]
fn unreachable_is_a_trap() {
    let d = contained("hostile-unreachable", "GM9004", Stage::Intake, "unreachable", "");
    assert!(matches!(fault_kind(&d), FaultKind::Trap { trap } if trap.starts_with("unreachable")), "{:?}", d.faults);
    assert_readable_trap(&d, "unreachable");
}

#[test]
fn a_panic_is_a_trap() {
    let d = contained("hostile-panic", "GM9005", Stage::Consent, "panic", "");
    assert!(matches!(fault_kind(&d), FaultKind::Trap { trap } if trap.starts_with("unreachable")), "{:?}", d.faults);
    assert_readable_trap(&d, "unreachable");
    // The guideline's consent outcomes stand.
    assert_eq!(d.consent, sandbox().national.consent);
}

#[test]
fn a_huge_list_is_output_too_large() {
    // A long deadline: building 100 000 items is slow, and the point here is
    // the host's check of the result, not the clock.
    let d = contained_within("hostile-list", "GM9006", Stage::Routing, "huge-list", "memory-mib = 128", 2000);
    assert_eq!(fault_kind(&d), &FaultKind::OutputTooLarge);
    assert!(d.faults[0].detail.contains("100000 items"), "{}", d.faults[0].detail);
}

#[test]
fn a_huge_string_is_output_too_large() {
    let d = contained_within("hostile-string", "GM9007", Stage::Routing, "huge-string", "memory-mib = 64", 2000);
    assert_eq!(fault_kind(&d), &FaultKind::OutputTooLarge);
    assert!(d.faults[0].detail.contains("bytes long"), "{}", d.faults[0].detail);
}

#[test]
fn a_malformed_rule_id_is_invalid_output() {
    let d = contained("hostile-rule", "GM9008", Stage::Screening, "bad-rule-id", "");
    assert_eq!(fault_kind(&d), &FaultKind::InvalidOutput);
    assert!(d.faults[0].detail.contains("not a rule id"), "{}", d.faults[0].detail);
}

#[test]
fn a_flood_of_logs_is_capped_without_a_fault() {
    let sb = sandbox();
    let bundle = hostile_bundle("hostile-logs", "GM9009", Stage::Routing, "log-flood", "");
    sb.host.activate_dir(&bundle.0).unwrap();
    let d = sb.host.decide_with(&signal("GM9009", true), &wegwijs::DecideOptions::explain()).unwrap();
    assert!(d.faults.is_empty(), "{:?}", d.faults);
    let trace = d.trace.unwrap();
    let own = trace.iter().find(|t| t.role == Role::Region).unwrap();
    let limits = wegwijs::Limits::default();
    assert_eq!(own.logs.len(), limits.max_log_records + 1, "the cap, plus one record counting the dropped");
    assert!(own.logs.last().unwrap().message.contains("dropped"));
    assert!(own.logs.iter().all(|l| l.message.len() <= limits.max_string_bytes + '…'.len_utf8()));
}

#[test]
fn a_slow_but_legal_component_near_its_deadline_is_used() {
    // Calibrate on this machine, now: how long do 10 million spins take?
    let sb = sandbox();
    // The probe runs under the maximum deadline so it cannot fault.
    let probe = hostile_bundle_with_deadline("hostile-probe", "GM9010", Stage::Routing, "spin:10000000", "", 2000);
    sb.host.activate_dir(&probe.0).unwrap();
    let d = sb.host.decide_with(&signal("GM9010", true), &wegwijs::DecideOptions::explain()).unwrap();
    assert!(d.faults.is_empty(), "{:?}", d.faults);
    let micros = d.trace.unwrap().iter().find(|t| t.role == Role::Region).unwrap().micros.max(1);

    // Now a component that spends about 40% of a 1 s deadline.
    let spins = (10_000_000u128 * 400_000 / u128::from(micros)).max(1);
    let slow =
        hostile_bundle_with_deadline("hostile-slow", "GM9011", Stage::Routing, &format!("spin:{spins}"), "", 1000);
    sb.host.activate_dir(&slow.0).unwrap();
    let d = sb.host.decide_with(&signal("GM9011", true), &wegwijs::DecideOptions::explain()).unwrap();
    assert!(d.faults.is_empty(), "a legal component under its deadline faulted: {:?}", d.faults);
    let own = d.trace.unwrap().into_iter().find(|t| t.role == Role::Region).unwrap();
    assert!(own.output != serde_json::Value::Null, "its result was used");
}

#[test]
fn a_bundle_whose_component_faults_on_its_own_cases_is_refused() {
    let sb = sandbox();
    let bundle = hostile_bundle("hostile-always", "GM9012", Stage::Routing, "unreachable", "");
    // Without the trigger restriction the component faults on every case.
    let text = std::fs::read_to_string(bundle.0.join("region.toml")).unwrap();
    std::fs::write(bundle.0.join("region.toml"), text.replace(&format!("when-concern = \"{TRIGGER}\""), "")).unwrap();
    let err = sb.host.activate_dir(&bundle.0).unwrap_err().to_string();
    assert!(err.contains("a plain case the component handles") && err.contains("faulted"), "{err}");
    assert!(!sb.host.regions().iter().any(|r| r.id == "hostile-always"));
}

/// Load-time refusals, in a bundle: each names what is wrong, and the host
/// keeps serving the regions it had.
mod refused_at_load {
    use super::*;

    fn refusal(bytes: &[u8]) -> String {
        let dir = TempDir::new("refused");
        dir.write("x.wasm", bytes);
        dir.write(
            "region.toml",
            format!(
                "[region]\nid = \"refused\"\nname = \"R\"\ngemeenten = [\"GM9099\"]\nrevision = 1\n[stages.routing]\ncomponent = \"x.wasm\"\nsha256 = \"{}\"\n",
                sha256(bytes)
            ),
        );
        dir.write("cases/a.toml", "");
        let host = &sandbox().host;
        let err = host.activate_dir(&dir.0).unwrap_err();
        assert!(matches!(err, wegwijs::Error::RegionRefused { .. }), "{err:?}");
        assert!(host.decide(&signal(HEALTHY_GEMEENTE, true)).unwrap().faults.is_empty());
        err.to_string()
    }

    #[test]
    fn wasi_filesystem_sockets_and_clocks_are_named() {
        let err = refusal(
            br#"(component
                (import "wasi:filesystem/types@0.2.0" (instance))
                (import "wasi:sockets/tcp@0.2.0" (instance))
                (import "wasi:clocks/wall-clock@0.2.0" (instance)))"#,
        );
        for import in ["wasi:filesystem/types@0.2.0", "wasi:sockets/tcp@0.2.0", "wasi:clocks/wall-clock@0.2.0"] {
            assert!(err.contains(import), "{import} not named: {err}");
        }
    }

    #[test]
    fn a_component_built_against_another_wit_version_is_refused_with_that_reason() {
        let err = refusal(
            br#"(component
                (core module $m (func (export "f")))
                (core instance $i (instantiate $m))
                (func $f (canon lift (core func $i "f")))
                (instance $routing (export "route" (func $f)))
                (export "wegwijs:jgz/routing@0.1.0" (instance $routing)))"#,
        );
        assert!(
            err.contains("built against `wegwijs:jgz@0.1.0`")
                && err.contains(&format!("speaks `wegwijs:jgz@{}`", wegwijs::types::WIT_VERSION))
                && err.contains("rebuild"),
            "{err}"
        );
    }

    #[test]
    fn a_core_module_malformed_bytes_and_an_empty_file_are_refused() {
        assert!(refusal(b"\0asm\x01\0\0\0").contains("core WebAssembly module, not a component"));
        assert!(refusal(b"\0asm\x0d\0\x01\0garbage").contains("not a valid WebAssembly component"));
        assert!(refusal(b"").contains("the file is empty"));
    }
}

#[test]
fn many_threads_with_a_hostile_region_mixed_in_match_the_single_threaded_results() {
    let sb = sandbox();
    let bundle = hostile_bundle("hostile-mixed", "GM9013", Stage::Routing, "loop", "");
    sb.host.activate_dir(&bundle.0).unwrap();
    // Healthy signals: every example (national and whatever regions their
    // gemeenten select), and region D's own signal.
    let mut healthy: Vec<Signal> = crate::util::example_signals()
        .iter()
        .map(|p| Signal::from_json(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    healthy.push(signal(HEALTHY_GEMEENTE, true));
    healthy.push(signal(HEALTHY_GEMEENTE, false));
    let alone: Vec<serde_json::Value> = healthy.iter().map(|s| comparable(&sb.host.decide(s).unwrap())).collect();

    let healthy = Arc::new(healthy);
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let (host, healthy) = (sb.host.clone(), Arc::clone(&healthy));
            std::thread::spawn(move || {
                let mut out = vec![serde_json::Value::Null; healthy.len()];
                for round in 0..3 {
                    for k in 0..healthy.len() {
                        // Each thread walks the signals in its own order.
                        let i = (k + 3 * t + round) % healthy.len();
                        if (k + t) % 4 == 0 {
                            let d = host.decide(&signal("GM9013", true)).unwrap();
                            assert_eq!(d.faults.len(), 1, "the hostile region faults every time");
                        }
                        out[i] = comparable(&host.decide(&healthy[i]).unwrap());
                    }
                }
                out
            })
        })
        .collect();
    for t in threads {
        let out = t.join().unwrap();
        for (i, (a, b)) in alone.iter().zip(&out).enumerate() {
            assert_eq!(a, b, "signal {i}: a decision differed between one thread and many");
        }
    }
}

#[test]
fn an_enum_case_this_wit_does_not_have_is_invalid_output() {
    let d = contained("hostile-enum", "GM9014", Stage::Routing, "bad-enum", "");
    assert_eq!(fault_kind(&d), &FaultKind::InvalidOutput, "{:?}", d.faults);
    assert!(d.faults[0].detail.contains("broke the interface's types"), "{}", d.faults[0].detail);
}

#[test]
fn a_string_that_is_not_utf8_is_invalid_output() {
    let d = contained("hostile-utf8", "GM9015", Stage::Routing, "bad-utf8", "");
    assert_eq!(fault_kind(&d), &FaultKind::InvalidOutput, "{:?}", d.faults);
}

#[test]
fn a_huge_log_message_is_cut_without_a_fault() {
    let sb = sandbox();
    let bundle = hostile_bundle("hostile-huge-log", "GM9016", Stage::Routing, "huge-log", "memory-mib = 64");
    sb.host.activate_dir(&bundle.0).unwrap();
    let d = sb.host.decide_with(&signal("GM9016", true), &wegwijs::DecideOptions::explain()).unwrap();
    assert!(d.faults.is_empty(), "{:?}", d.faults);
    let own = d.trace.unwrap().into_iter().find(|t| t.role == Role::Region).unwrap();
    assert_eq!(own.logs.len(), 1);
    assert!(own.logs[0].message.len() <= wegwijs::Limits::default().max_string_bytes + '…'.len_utf8());
}

#[test]
fn control_and_bidi_text_is_invalid_output_and_never_printed() {
    // Every forged text the hostile guest knows, at a stage whose card has
    // reasons: the host refuses the result by code and position, the
    // guideline's result stands, and the forged text reaches neither the
    // decision nor the fault's detail.
    for (k, forged) in wegwijs_hostile::FORGED_TEXTS.iter().enumerate() {
        let id = format!("hostile-forge-{k}");
        let gemeente = format!("GM98{k:02}");
        let d = contained(&id, &gemeente, Stage::Routing, &format!("forge:{k}"), "");
        assert_eq!(fault_kind(&d), &FaultKind::InvalidOutput, "forge:{k}");
        let detail = &d.faults[0].detail;
        assert!(detail.contains("U+") && detail.contains("at character"), "forge:{k}: {detail}");
        let json = serde_json::to_string(&d).unwrap();
        let escaped = serde_json::to_string(forged).unwrap();
        assert!(!json.contains(escaped.trim_matches('"')), "forge:{k}: the forged text reached the decision");
        assert!(!json.contains(wegwijs_hostile::FORGE_RULE), "forge:{k}");
    }
}
