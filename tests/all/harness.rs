//! The component developer's harness on the real binary: `wegwijs test`
//! and `wegwijs check`, their exit codes, the errors a user can cause, and
//! golden files for `--help` and the human output (`BLESS=1` rewrites them).

use crate::util::{TempDir, golden, root, rust_example, wegwijs};
use std::path::PathBuf;
use wegwijs_test_artifacts as artifacts;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The hostile guest written to a temp file: in no mode it echoes the
/// reference, so it is a component that always agrees with the guideline.
fn hostile_file() -> (TempDir, PathBuf) {
    let dir = TempDir::new("harness");
    dir.write("hostile.wasm", artifacts::HOSTILE);
    let path = dir.0.join("hostile.wasm");
    (dir, path)
}

#[test]
fn help_texts_match_their_golden_files() {
    for (name, args) in [
        ("help.txt", vec!["--help"]),
        ("help-run.txt", vec!["run", "--help"]),
        ("help-test.txt", vec!["test", "--help"]),
        ("help-check.txt", vec!["check", "--help"]),
        ("help-compare.txt", vec!["compare", "--help"]),
        ("help-new.txt", vec!["new", "--help"]),
        ("help-corpus.txt", vec!["corpus", "--help"]),
        ("help-simulate.txt", vec!["simulate", "--help"]),
        ("help-serve.txt", vec!["serve", "--help"]),
    ] {
        let out = wegwijs(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        golden::check(&format!("tests/golden/{name}"), &stdout(&out));
    }
}

#[test]
fn the_decision_card_matches_its_golden_file() {
    let out = wegwijs(&["run", "examples/signals/13-low-mood-abnormal-sdq.json", "--pseudonym-key", "golden"]);
    assert!(out.status.success(), "{}", stderr(&out));
    golden::check("tests/golden/run-13.txt", &stdout(&out));
}

#[test]
fn test_runs_the_guideline_cases_with_full_coverage() {
    let junit = TempDir::new("junit");
    let junit_path = junit.0.join("report.xml");
    let out = wegwijs(&["test", "tests/cases", "--min-coverage", "100", "--junit", junit_path.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    let n = text.lines().last().unwrap();
    assert!(n.ends_with(" geslaagd, 0 mislukt"), "{n}");
    let passed: usize = n.split_whitespace().next().unwrap().parse().unwrap();
    assert!(passed >= 150, "{n}");
    assert!(text.contains("(100.0%)"), "{text}");
    let xml = std::fs::read_to_string(&junit_path).unwrap();
    assert!(xml.starts_with("<?xml") && xml.contains(&format!("tests=\"{passed}\" failures=\"0\"")), "{xml}");
}

#[test]
fn test_filters_reports_json_and_shows_a_diff_for_a_failing_case() {
    let dir = TempDir::new("failing-cases");
    let case = std::fs::read_to_string(root().join("tests/cases/routing.toml")).unwrap();
    let first = case.split("[[case]]").nth(1).unwrap();
    let broken = format!("[[case]]{}", first.replacen("[case.expect]", "[case.expect]\nsource = \"huisarts\"", 1));
    dir.write("broken.toml", &broken);
    let path = dir.0.join("broken.toml");
    let out = wegwijs(&["test", path.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(4), "{text}");
    assert!(text.contains("FAIL") && text.contains("- verwacht huisarts") && text.contains("+ kreeg"), "{text}");
    assert!(text.contains("0 geslaagd, 1 mislukt"), "{text}");

    let out = wegwijs(&["test", "tests/cases", "--filter", "MC-Q2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cases = json["cases"].as_array().unwrap();
    assert!(!cases.is_empty() && cases.iter().all(|c| c["name"].as_str().unwrap().contains("MC-Q2")));
    assert_eq!(json["failed"], 0);
    assert!(json["coverage"]["exercised"].as_array().unwrap().iter().any(|id| id == "MC-Q2"));
}

#[test]
fn test_a_single_component_with_per_case_config() {
    let (_dir, wasm) = hostile_file();
    let wasm = wasm.to_str().unwrap();
    // Echoing the reference, the component passes every routing case.
    let out = wegwijs(&["test", "--component", wasm, "--stage", "routing", "tests/cases/routing.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // A case's own config makes it trap: the case fails naming the fault.
    let cases = TempDir::new("config-case");
    cases.write(
        "trap.toml",
        "[[case]]\nname = \"traps when told to\"\n[case.config]\nhostile.routing = \"unreachable\"\n[case.signal]\ndate = \"2026-10-05\"\nchild = { birth_date = \"2018-03-14\" }\nsource = { code = \"parent\" }\nhandler = \"jeugdarts\"\nconcerns = [\"low-mood\"]\n",
    );
    let out = wegwijs(&["test", "--component", wasm, "--stage", "routing", cases.0.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(4), "{text}");
    assert!(text.contains("traps when told to") && text.contains("de component voor de stap routing faalde"), "{text}");
    // The fault's detail once, under the faults, with the stage that faulted.
    assert!(
        text.contains("STORINGEN") && text.contains("de component voor de stap routing faalde in 1 casus"),
        "{text}"
    );
    assert_eq!(text.matches("wasm trap").count(), 2, "the case's line and the fault's detail: {text}");
}

#[test]
fn check_shows_each_distinct_fault_once_with_its_count() {
    let (_dir, wasm) = hostile_file();
    let wasm = wasm.to_str().unwrap();
    let out = wegwijs(&["check", wasm, "--stage", "routing", "--config", "hostile.routing=unreachable"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(4), "{text}");
    // Every case faulted the same way: one entry, counted, naming one case.
    assert_eq!(text.matches("de component voor de stap routing faalde in ").count(), 1, "{text}");
    assert_eq!(text.matches("wasm trap").count(), 1, "{text}");
    let head = text.lines().find(|l| l.contains("de component voor de stap routing faalde in ")).unwrap();
    let n: usize = head.split("faalde in ").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    assert!(n > 100 && head.contains("casussen, bijv. "), "{head}");
    assert!(text.contains(&format!("{n} storingen")), "{text}");
    assert!(text.lines().count() < 30, "{text}");

    // In English, and in JSON every case's fault, naming the stage.
    let out = wegwijs(&["check", wasm, "--stage", "routing", "--config", "hostile.routing=panic", "--lang", "en"]);
    let text = stdout(&out);
    assert!(text.contains(&format!("the routing component faulted in {n} cases, e.g. ")), "{text}");
    let out = wegwijs(&["check", wasm, "--stage", "routing", "--config", "hostile.routing=panic", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let faults: Vec<&serde_json::Value> =
        json["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "fault").collect();
    assert_eq!(faults.len(), n);
    assert!(faults.iter().all(|f| f["stage"] == "routing" && f["detail"].as_str().unwrap().lines().count() <= 20));
}

#[test]
fn test_of_a_region_reports_the_coverage_of_its_own_rule_ids() {
    let a = rust_example("a-ondersteuningsteam", artifacts::REGION_A_ROUTING);
    let dir = a.0.to_str().unwrap();
    let out = wegwijs(&["test", "--region", dir]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    assert!(text.contains("eigen regel-id's van de regio (100.0%)"), "{text}");
    assert!(!text.contains("van de richtlijn (") && !text.contains("RT-A0"), "{text}");
    assert!(text.contains("--national-coverage"), "{text}");

    let out = wegwijs(&["test", "--region", dir, "--national-coverage", "--lang", "en"]);
    let text = stdout(&out);
    assert!(text.contains("of the region's own rule ids (100.0%)"), "{text}");
    assert!(text.contains("guideline rule ids (") && text.contains("not exercised: "), "{text}");
    // --min-coverage measures what is shown: the region's own, all cited...
    let out = wegwijs(&["test", "--region", dir, "--min-coverage", "100"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // ...and with the guideline's, those too.
    let out = wegwijs(&["test", "--region", dir, "--national-coverage", "--min-coverage", "100"]);
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));

    let out = wegwijs(&["test", "--region", dir, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let own = json["region_coverage"]["exercised"].as_array().unwrap();
    assert!(own.iter().any(|id| id == "REGIO-A-OT-HUB"), "{json}");
    assert!(own.iter().all(|id| id.as_str().unwrap().starts_with("REGIO-A-")), "{json}");
    assert!(json["coverage"]["exercised"].as_array().unwrap().iter().any(|id| id == "RT-A2"), "{json}");

    // A region of configuration only has no rule ids of its own.
    let out = wegwijs(&["test", "--region", "examples/regions/d-config-only"]);
    assert!(stdout(&out).contains("geen eigen regel-id's"), "{}", stdout(&out));
}

#[test]
fn user_errors_in_test_say_what_to_do() {
    let dir = TempDir::new("bad-toml");
    dir.write("bad.toml", "[[case]]\nname = \"x\"\nsignal = 3 4\n");
    let out = wegwijs(&["test", dir.0.join("bad.toml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("regel 3, kolom"), "{}", stderr(&out));

    let out = wegwijs(&["test", "no/such/cases"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("geef casusbestanden of mappen"), "{}", stderr(&out));

    let out = wegwijs(&["test"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("geen casusbestanden gegeven"), "{}", stderr(&out));

    let out = wegwijs(&["test", "--component", "x.wasm", "tests/cases"]);
    assert_eq!(out.status.code(), Some(2), "--component without --stage is a usage error");
    assert!(stderr(&out).contains("--stage"), "{}", stderr(&out));
}

#[test]
fn check_passes_an_agreeing_component_and_fails_a_breaching_one() {
    let (_dir, wasm) = hostile_file();
    let wasm = wasm.to_str().unwrap();
    let out = wegwijs(&["check", wasm, "--stage", "routing"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("0 afwijkingen van het besluit, 0 storingen, 0 doorbroken vangrails"), "{text}");

    let out =
        wegwijs(&["check", wasm, "--stage", "consent", "--config", "hostile.consent=chaos:5", "--format", "json"]);
    assert_eq!(out.status.code(), Some(4));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["breaches"].as_u64().unwrap() > 0, "{json}");
    let breach = json["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "breach").unwrap();
    assert!(breach["detail"].as_str().unwrap().starts_with("G-CONSENT"), "{breach}");
}

#[test]
fn check_refuses_what_is_not_a_stage_component() {
    let dir = TempDir::new("not-components");
    dir.write("core.wasm", b"\0asm\x01\0\0\0");
    let out = wegwijs(&["check", dir.0.join("core.wasm").to_str().unwrap(), "--stage", "routing"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stdout(&out).contains("GEWEIGERD") && stdout(&out).contains("kale WebAssembly-module"));

    dir.write("a.wasm", artifacts::REGION_A_ROUTING);
    let out = wegwijs(&["check", dir.0.join("a.wasm").to_str().unwrap(), "--stage", "consent"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stdout(&out).contains("is geen implementatie van de wereld `consent-stage`"), "{}", stdout(&out));
    let out = wegwijs(&["check", dir.0.join("a.wasm").to_str().unwrap(), "--stage", "consent", "--lang", "en"]);
    assert!(stdout(&out).contains("does not implement the consent world"), "{}", stdout(&out));

    let out = wegwijs(&["check", "missing.wasm", "--stage", "routing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bouw hem eerst"), "{}", stderr(&out));

    let out = wegwijs(&["check", "missing.wasm", "--stage", "rooting"]);
    assert_eq!(out.status.code(), Some(2), "a wrong stage is a usage error");
    assert!(stderr(&out).contains("possible values"), "{}", stderr(&out));
}

#[test]
fn a_fuel_budget_is_deterministic() {
    let (_dir, wasm) = hostile_file();
    let wasm = wasm.to_str().unwrap();
    let run = |fuel: &str| {
        let out = wegwijs(&["check", wasm, "--stage", "routing", "--fuel", fuel, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), json["faults"].as_u64().unwrap())
    };
    // Too small a budget: every case runs out, the same way every time.
    let tiny = run("1000");
    assert_eq!(tiny.0, Some(4));
    assert_eq!(tiny, run("1000"));
    assert!(tiny.1 > 100, "{tiny:?}");
    // A budget that suffices: no fault at all.
    assert_eq!(run("50000000"), (Some(0), 0));
}

#[test]
fn the_test_report_matches_its_golden_file() {
    let out = wegwijs(&["test", "--region", "examples/regions/d-config-only"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    golden::check("tests/golden/test-region-d.txt", &stdout(&out));
}

#[test]
fn explain_as_json_carries_the_per_stage_trace() {
    let out = wegwijs(&["run", "--explain", "--format", "json", "examples/signals/13-low-mood-abnormal-sdq.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let trace = json["trace"].as_array().unwrap();
    let stages: Vec<&str> = trace.iter().map(|t| t["stage"].as_str().unwrap()).collect();
    assert_eq!(stages, ["intake", "screening", "routing", "consent"]);
    for t in trace {
        assert_eq!(t["role"], "reference");
        assert!(t["input"].is_object() && !t["output"].is_null(), "{t}");
        assert!(t["micros"].as_u64().unwrap() > 0);
    }
}
