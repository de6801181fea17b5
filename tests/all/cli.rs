//! The `wegwijs` binary: exit codes, messages a user can act on, and the
//! generated schema kept in step with the committed copy.

use crate::util::{TempDir, golden, root, wegwijs};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn missing_file_exits_2_and_says_what_to_check() {
    let o = wegwijs(&["run", "examples/signals/does-not-exist.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("kan het signaalbestand"), "{}", stderr(&o));
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
    assert!(stderr(&o).contains("regel 1"), "{}", stderr(&o));
}

/// Bad input is told in the reader's language: in Dutch, the default,
/// without an English word outside backticks; with `--lang en` in the
/// English it always had. The exit code is 2 in both.
#[test]
fn bad_input_is_told_in_the_readers_language() {
    let dir = TempDir::new("taal");
    // Several fields wrong at once: every one is named, its path quoted as
    // a code (so `child.bsn` is no English word in a Dutch sentence).
    dir.write(
        "ongeldig.json",
        r#"{"date":"2026-13-45","gemeente":"Amsterdam","source":{"code":"parent","bds_code":"999"},
            "handler":"jeugdarts","child":{"birth_date":"2020-01-01","bsn":"123"},
            "instruments":[{"sdq":{"version":"parent-four-to-seventeen","answers":[7]}}]}"#,
    );
    // A bundle without stages, cases or a component: refused.
    dir.write(
        "bundel/region.toml",
        "[region]\nid = \"regio-x\"\nname = \"X\"\ngemeenten = [\"GM0001\"]\nrevision = 1\n",
    );
    let (invalid, bundle) = (dir.0.join("ongeldig.json"), dir.0.join("bundel"));
    let (invalid, bundle) = (invalid.to_str().unwrap(), bundle.to_str().unwrap());
    let signal = "examples/signals/01-school-borderline-sdq.json";
    let runs: [(&[&str], &[&str]); 3] = [
        (&["run", "examples/signals/ontbreekt.json"], &["cannot read the signal file", "examples/signals/"]),
        (
            &["run", invalid],
            &["signal is invalid", "`date`: the month", "`gemeente`: not a CBS", "`source.bds_code`: a BDS"],
        ),
        (&["run", "--region", bundle, signal], &["region bundle", "refused"]),
    ];
    for (args, english) in runs {
        let nl = wegwijs(&[args, &["--lang", "nl"]].concat());
        let text = stderr(&nl);
        assert_eq!(nl.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.starts_with("fout: "), "{args:?}: {text}");
        assert_eq!(wegwijs_kit::english_word_in(&text), None, "{args:?}: English in the Dutch message: {text}");

        let en = wegwijs(&[args, &["--lang", "en"]].concat());
        let text = stderr(&en);
        assert_eq!(en.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.starts_with("error: "), "{args:?}: {text}");
        for words in english {
            assert!(text.contains(words), "{args:?}: no `{words}` in {text}");
        }
    }
    // In Dutch too, every problem names its field.
    let nl = stderr(&wegwijs(&["run", invalid, "--lang", "nl"]));
    for field in ["`date`:", "`gemeente`:", "`source.bds_code`:", "`instruments[0].sdq.answers[0]`:", "`child.bsn`:"] {
        assert!(nl.contains(field), "{field}: {nl}");
    }
    // A command without `--lang` for its reader takes WEGWIJS_LANG.
    let corpus = |lang: &str| {
        let o = std::process::Command::new(crate::util::wegwijs_bin())
            .args(["corpus", "--n", "1", "--gemeente", "Amsterdam"])
            .current_dir(root())
            .env("WEGWIJS_LANG", lang)
            .output()
            .expect("the wegwijs binary runs");
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        stderr(&o)
    };
    let (nl, en) = (corpus("nl"), corpus("en"));
    assert!(nl.starts_with("fout: ") && wegwijs_kit::english_word_in(&nl).is_none(), "{nl}");
    assert!(en.starts_with("error: ") && en.contains("is not a CBS gemeentecode"), "{en}");
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
