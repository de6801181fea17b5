//! `wegwijs new` on the real binary: a scaffolded bundle builds with its own
//! build script, passes `wegwijs check` and its own cases as generated, for
//! every stage in Rust and (when componentize-py is installed) in Python;
//! and what the command refuses, with exit code 2 and a message.

use crate::util::{TempDir, root, sha256, wegwijs};
use std::path::{Path, PathBuf};
use std::process::Output;

const STAGES: [&str; 4] = ["intake", "screening", "routing", "consent"];

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Scaffolds `stage` as region `name` in `parent` and returns the bundle.
fn scaffold(parent: &TempDir, stage: &str, name: &str, lang: &str) -> PathBuf {
    let dir = parent.0.to_str().expect("temp dirs are UTF-8");
    // The SDK crates are not in a registry yet: the project depends on this
    // checkout's by path as well as by version.
    let sdk = root();
    let mut args = vec!["new", stage, name, "--lang", lang, "--dir", dir];
    if lang == "rust" {
        args.extend(["--sdk", sdk.to_str().expect("UTF-8")]);
    }
    let out = wegwijs(&args);
    assert!(out.status.success(), "wegwijs new {stage} {name} --lang {lang}: {}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("sh component/build.sh"), "the next steps are printed:\n{stdout}");
    parent.0.join(name)
}

/// Runs the bundle's `component/build.sh` as a user would, from the bundle
/// directory, and checks that it pinned the hash of what it built.
fn build(bundle: &Path, stage: &str) {
    let mut cmd = std::process::Command::new("sh");
    // The guest target directory the test artifacts and the reference
    // components are built in, so the SDK's dependencies are compiled once.
    cmd.arg("component/build.sh")
        .current_dir(bundle)
        .env("CARGO_TARGET_DIR", wegwijs_build_guests::target_dir(&root()));
    // Flags meant for the test build (coverage, a wrapper) must not leak
    // into the component's wasm build.
    for var in wegwijs_build_guests::OUTER_BUILD_ENV {
        cmd.env_remove(var);
    }
    let out = cmd.output().expect("sh runs");
    assert!(out.status.success(), "build.sh of the {stage} scaffold failed:\n{}", stderr(&out));
    let wasm = std::fs::read(bundle.join(format!("{stage}.wasm"))).expect("build.sh wrote the component");
    let manifest = std::fs::read_to_string(bundle.join("region.toml")).expect("region.toml");
    assert!(
        manifest.contains(&format!("sha256 = \"{}\"", sha256(&wasm))),
        "build.sh pinned the component's sha256 in region.toml:\n{manifest}"
    );
}

fn check_passes(bundle: &Path, stage: &str) {
    let wasm = bundle.join(format!("{stage}.wasm"));
    let out = wegwijs(&["check", wasm.to_str().expect("UTF-8"), "--stage", stage]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "wegwijs check of the {stage} scaffold:\n{stdout}{}", stderr(&out));
    assert!(stdout.contains("0 storingen, 0 doorbroken vangrails"), "{stdout}");
}

fn cases_pass(bundle: &Path, stage: &str) {
    let out = wegwijs(&["test", "--region", bundle.to_str().expect("UTF-8")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "wegwijs test --region of the {stage} scaffold:\n{stdout}{}", stderr(&out));
    assert!(stdout.contains("3 geslaagd, 0 mislukt"), "{stdout}");
}

/// Every file of a bundle, recursively, as (path inside the bundle, text).
fn texts(bundle: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![bundle.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path.strip_prefix(bundle).expect("inside").display().to_string(), text));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_rust_routing_scaffold_builds_checks_and_passes_its_own_cases() {
    let parent = TempDir::new("new-routing");
    let bundle = scaffold(&parent, "routing", "regio-noord", "rust");
    for (path, text) in texts(&bundle) {
        assert!(!text.contains("{{"), "{path}: a template token was left");
    }
    let readme = std::fs::read_to_string(bundle.join("README.md")).expect("README.md");
    for step in [
        "sh component/build.sh",
        "wegwijs check routing.wasm --stage routing",
        "wegwijs test --region .",
        "wegwijs compare signals/example.json --region .",
        "wegwijs corpus --n 1000 --seed 1 --out corpus.jsonl",
        "wegwijs simulate --corpus corpus.jsonl --region . --against national --html report.html",
        "route: func(child: child-case, intake: intake-card, screening: screening-card,",
    ] {
        assert!(readme.contains(step), "README.md shows `{step}`");
    }
    let cargo = std::fs::read_to_string(bundle.join("component/Cargo.toml")).expect("Cargo.toml");
    assert!(cargo.contains("\n[workspace]\n"), "a workspace of its own");
    assert!(cargo.contains("panic = \"abort\"") && cargo.contains("opt-level = \"s\""), "the guest profile");

    build(&bundle, "routing");
    check_passes(&bundle, "routing");
    cases_pass(&bundle, "routing");

    // The scaffold is a bundle like any other: the region's reason for the
    // routing card shows on the card with every reason (`--explain`).
    let signal = bundle.join("signals/example.json");
    let out =
        wegwijs(&["run", signal.to_str().expect("UTF-8"), "--region", bundle.to_str().expect("UTF-8"), "--explain"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("[REGIO-NOORD-ROUTING] Regio regio-noord volgt"));
}

#[test]
fn every_other_stage_scaffolds_in_rust_builds_and_passes_its_own_cases() {
    let parent = TempDir::new("new-stages");
    for stage in STAGES.into_iter().filter(|s| *s != "routing") {
        let name = format!("regio-{stage}");
        let bundle = scaffold(&parent, stage, &name, "rust");
        let lib = std::fs::read_to_string(bundle.join("component/src/lib.rs")).expect("lib.rs");
        assert!(lib.contains(&format!("wegwijs_guest::export_stage!({stage}: ")), "{stage}: {lib}");
        let manifest = std::fs::read_to_string(bundle.join("region.toml")).expect("region.toml");
        assert!(manifest.contains(&format!("[stages.{stage}]\ncomponent = \"{stage}.wasm\"")), "{manifest}");
        build(&bundle, stage);
        cases_pass(&bundle, stage);
    }
}

#[test]
fn a_python_routing_scaffold_builds_and_passes_its_own_cases() {
    let installed = std::process::Command::new("componentize-py").arg("--version").output();
    if !installed.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: componentize-py is not on PATH (pip install componentize-py==0.25.1)");
        return;
    }
    let parent = TempDir::new("new-python");
    let bundle = scaffold(&parent, "routing", "regio-py", "python");
    assert!(bundle.join("component/app.py").is_file() && !bundle.join("component/Cargo.toml").exists());
    build(&bundle, "routing");
    cases_pass(&bundle, "routing");
}

#[test]
fn new_refuses_an_existing_directory_a_bad_name_and_an_unknown_stage() {
    let parent = TempDir::new("new-refused");
    parent.write("taken/notes.txt", "mine");
    let dir = parent.0.to_str().expect("UTF-8");

    let out = wegwijs(&["new", "routing", "taken", "--dir", dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(parent.0.join("taken")).expect("still there").collect();
    assert_eq!(left.len(), 1, "nothing was written into the existing directory");

    for bad in ["Regio-Noord", "1-regio", "regio--noord", "regio-", "regio_noord", "national-default"] {
        let out = wegwijs(&["new", "routing", bad, "--dir", dir]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(stderr(&out).contains(&format!("`{bad}`")), "{bad}: {}", stderr(&out));
        assert!(!parent.0.join(bad).exists(), "{bad}: nothing was created");
    }

    let out = wegwijs(&["new", "triage", "regio-noord", "--dir", dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("possible values: intake, screening, routing, consent"), "{}", stderr(&out));

    let missing = parent.0.join("missing");
    let out = wegwijs(&["new", "routing", "regio-noord", "--dir", missing.to_str().expect("UTF-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no such directory"), "{}", stderr(&out));

    let out = wegwijs(&["new", "routing", "regio-noord", "--dir", dir, "--sdk", missing.to_str().expect("UTF-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--sdk"), "{}", stderr(&out));
    assert!(!parent.0.join("regio-noord").exists(), "a refused SDK creates nothing");
}
