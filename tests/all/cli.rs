//! The `wegwijs` binary: exit codes, messages a user can act on, and the
//! generated schema kept in step with the committed copy.

use crate::util::{golden, root, wegwijs};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn missing_file_exits_2_and_says_what_to_check() {
    let o = wegwijs(&["run", "examples/signals/does-not-exist.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read the signal file"), "{}", stderr(&o));
    assert!(stderr(&o).contains("examples/signals/"));
}

#[test]
fn invalid_signal_exits_2_and_names_the_field() {
    let dir = std::env::temp_dir().join(format!("wegwijs-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(
        &file,
        r#"{"date":"2026-10-05","source":{"code":"parent"},"handler":"jeugdarts","child":{"age_months":400}}"#,
    )
    .unwrap();
    let o = wegwijs(&["run", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("child.age_months"), "{}", stderr(&o));
    std::fs::write(&file, "{ not json").unwrap();
    let o = wegwijs(&["run", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 1"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2() {
    let o = wegwijs(&["run"]);
    assert_eq!(o.status.code(), Some(2));
    let o = wegwijs(&["run", "x.json", "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn help_documents_the_exit_codes() {
    let o = wegwijs(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Exit codes: 0 decided"), "{out}");
    assert!(out.contains("run") && out.contains("schema"));
}

#[test]
fn json_output_is_a_decision() {
    let o = wegwijs(&["run", "examples/signals/01-school-borderline-sdq.json", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(v["status"], "decided");
    assert_eq!(v["recommendation_only"], true);
    assert!(v.get("trace").is_none(), "trace only with --explain");
}

#[test]
fn standard_input_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = std::process::Command::new(crate::util::wegwijs_bin())
        .args(["run", "-", "--format", "json"])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let signal = std::fs::read(root().join("examples/signals/07-debts-and-housing.json")).unwrap();
    child.stdin.take().unwrap().write_all(&signal).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["signal_id"], "ex-07");
}

#[test]
fn committed_schema_matches_the_types() {
    let o = wegwijs(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let generated = String::from_utf8(o.stdout).unwrap();
    // Generated from the Signal types, committed for readers and other tools.
    golden::check("docs/signal.schema.json", &generated);
}
