//! `wegwijs new` on the real binary: a scaffolded bundle builds with its own
//! build script, passes `wegwijs check` and its own cases as generated, for
//! every stage in Rust and (when componentize-py or componentize-qjs is
//! installed) in Python and JavaScript; a deliberate error in a Python or
//! JavaScript component shows in `wegwijs check` as the language's own
//! exception; example region E (JavaScript) builds and passes its cases;
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
    if !componentize_py_installed() {
        eprintln!("skipped: componentize-py is not on PATH (pip install componentize-py==0.25.1)");
        return;
    }
    let parent = TempDir::new("new-python");
    let bundle = scaffold(&parent, "routing", "regio-py", "python");
    assert!(bundle.join("component/app.py").is_file() && !bundle.join("component/Cargo.toml").exists());
    build(&bundle, "routing");
    cases_pass(&bundle, "routing");
}

/// Whether componentize-qjs can be found as build.sh looks for it: on PATH
/// (`npm install -g componentize-qjs@0.4.5`, as CI does).
fn componentize_qjs_installed() -> bool {
    let node = std::process::Command::new("node").arg("--version").output();
    let on_path = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("componentize-qjs").is_file()));
    node.is_ok_and(|o| o.status.success()) && on_path
}

fn componentize_py_installed() -> bool {
    let installed = std::process::Command::new("componentize-py").arg("--version").output();
    installed.is_ok_and(|o| o.status.success())
}

/// `wegwijs check` of `bundle`'s routing component: it must fault, and its
/// output must name the language's own exception, type and message, from
/// the component's log lines the host shows with the fault.
fn check_shows_the_exception(bundle: &Path, expected: &[&str]) {
    let wasm = bundle.join("routing.wasm");
    let out = wegwijs(&["check", wasm.to_str().expect("UTF-8"), "--stage", "routing"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_ne!(out.status.code(), Some(0), "a component that throws fails the check:\n{stdout}");
    for text in expected {
        assert!(stdout.contains(text), "`wegwijs check` shows `{text}`:\n{stdout}{}", stderr(&out));
        // The traceback's line: a number, not masked away.
        if let Some(at) = text.strip_suffix("line ") {
            let line = stdout.split(at).nth(1).unwrap_or_default();
            assert!(
                line.strip_prefix("line ").is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())),
                "`wegwijs check` shows the line number after `{at}`:\n{stdout}"
            );
        }
    }
}

/// Replaces `from` (exactly once) by `to` in `bundle`'s component source `file`.
fn edit(bundle: &Path, file: &str, from: &str, to: &str) {
    let path = bundle.join("component").join(file);
    let text = std::fs::read_to_string(&path).expect("the component's source");
    assert_eq!(text.matches(from).count(), 1, "{file}: `{from}` once");
    std::fs::write(&path, text.replace(from, to)).expect("written");
}

#[test]
fn a_python_scaffold_with_a_typo_shows_the_attribute_error_in_check() {
    if !componentize_py_installed() {
        eprintln!("skipped: componentize-py is not on PATH (pip install componentize-py==0.25.1)");
        return;
    }
    let parent = TempDir::new("new-python-error");
    let bundle = scaffold(&parent, "routing", "regio-typo", "python");
    edit(
        &bundle,
        "app.py",
        "    # \"route\" and \"routes\" are the same word in Dutch and English.\n",
        "    print(\"checking\", len(card.routes), \"routes\")\n    for route in card.routes:\n        route.partner = route.partnr\n",
    );
    build(&bundle, "routing");
    check_shows_the_exception(
        &bundle,
        &[
            "info: checking # routes",
            "warn: AttributeError: 'Route' object has no attribute 'partnr'",
            "warn: at apply_region_rules (app.py, line ",
        ],
    );
}

#[test]
fn a_javascript_routing_scaffold_builds_checks_and_passes_its_own_cases() {
    if !componentize_qjs_installed() {
        eprintln!("skipped: node or componentize-qjs is not on PATH (npm install -g componentize-qjs@0.4.5)");
        return;
    }
    let parent = TempDir::new("new-js");
    let bundle = scaffold(&parent, "routing", "regio-js", "js");
    for (path, text) in texts(&bundle) {
        assert!(!text.contains("{{"), "{path}: a template token was left");
    }
    let package = std::fs::read_to_string(bundle.join("component/package.json")).expect("package.json");
    assert!(package.contains("\"componentize-qjs\": \"0.4.5\""), "the builder pinned exactly: {package}");
    assert!(bundle.join("component/types.d.ts").is_file() && !bundle.join("component/Cargo.toml").exists());
    build(&bundle, "routing");
    check_passes(&bundle, "routing");
    cases_pass(&bundle, "routing");

    // The reader's language: Dutch by default, English when asked.
    let signal = bundle.join("signals/example.json");
    let run = |lang: &str| {
        let out = wegwijs(&[
            "run",
            signal.to_str().expect("UTF-8"),
            "--region",
            bundle.to_str().expect("UTF-8"),
            "--explain",
            "--lang",
            lang,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run("nl").contains("[REGIO-JS-ROUTING] Regio regio-js volgt"));
    assert!(run("en").contains("[REGIO-JS-ROUTING] Region regio-js agrees"));

    // A deliberate TypeError, and console.log, in a copy of the rules.
    edit(
        &bundle,
        "app.js",
        "    // \"route\" and \"routes\" are the same word in Dutch and English.\n",
        "    console.log(\"checking\", card.routes.length, \"routes\");\n    card.routes[card.routes.length].partner = \"huisarts\";\n",
    );
    build(&bundle, "routing");
    check_shows_the_exception(
        &bundle,
        &[
            "info: checking # routes",
            "warn: TypeError: cannot set property 'partner' of undefined",
            "warn: at applyRegionRules (app.js, line ",
        ],
    );
}

#[test]
fn every_other_stage_scaffolds_in_javascript_builds_and_passes_its_own_cases() {
    if !componentize_qjs_installed() {
        eprintln!("skipped: node or componentize-qjs is not on PATH (npm install -g componentize-qjs@0.4.5)");
        return;
    }
    let parent = TempDir::new("new-js-stages");
    for stage in STAGES.into_iter().filter(|s| *s != "routing") {
        let bundle = scaffold(&parent, stage, &format!("regio-{stage}"), "js");
        let app = std::fs::read_to_string(bundle.join("component/app.js")).expect("app.js");
        assert!(app.contains(&format!("export const {stage} = {{")), "{stage}: {app}");
        build(&bundle, stage);
        cases_pass(&bundle, stage);
    }
}

/// Example region E, copied out of the repository whole: its build.sh
/// builds the JavaScript component in the copy and pins its hash, and the
/// copy passes its own cases and the guideline's battery.
#[test]
fn example_region_e_in_javascript_builds_and_passes_its_cases() {
    if !componentize_qjs_installed() {
        eprintln!("skipped: node or componentize-qjs is not on PATH (npm install -g componentize-qjs@0.4.5)");
        return;
    }
    let parent = TempDir::new("region-e");
    let copy = parent.0.join("e-javascript");
    copy_dir(&root().join("examples/regions/e-javascript"), &copy);
    let _ = std::fs::remove_file(copy.join("routing.wasm"));
    let _ = std::fs::remove_dir_all(copy.join("component/node_modules"));
    build(&copy, "routing");
    let wasm = copy.join("routing.wasm");
    let out = wegwijs(&["check", wasm.to_str().expect("UTF-8"), "--stage", "routing"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", stderr(&out));
    assert!(stdout.contains("0 storingen, 0 doorbroken vangrails"), "{stdout}");
    let out = wegwijs(&["test", "--region", copy.to_str().expect("UTF-8")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "region E's cases:\n{stdout}{}", stderr(&out));
    assert!(stdout.contains("3 geslaagd, 0 mislukt"), "{stdout}");
}

/// Copies the directory `from` to `to`, recursively.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a directory");
    for entry in std::fs::read_dir(from).expect("a directory to copy") {
        let path = entry.expect("a directory entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("a file copied");
        }
    }
}

#[test]
fn new_refuses_an_existing_directory_a_bad_name_and_an_unknown_stage() {
    let parent = TempDir::new("new-refused");
    parent.write("taken/notes.txt", "mine");
    let dir = parent.0.to_str().expect("UTF-8");

    let out = wegwijs(&["new", "routing", "taken", "--dir", dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bestaat al"), "{}", stderr(&out));
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
    assert!(stderr(&out).contains("die map bestaat niet"), "{}", stderr(&out));

    let out = wegwijs(&["new", "routing", "regio-noord", "--dir", dir, "--sdk", missing.to_str().expect("UTF-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--sdk"), "{}", stderr(&out));
    assert!(!parent.0.join("regio-noord").exists(), "a refused SDK creates nothing");
}

/// Example region E was scaffolded with `wegwijs new routing … --lang js`:
/// the files the scaffold gives every JavaScript component unchanged (the
/// error boundary and console, the types from the WIT, the host's
/// declarations, the editor settings) stay the template's, and its WIT is
/// the host's, so the example never teaches an older version of them.
#[test]
fn example_region_e_carries_the_javascript_templates_support_files() {
    for file in ["guest.js", "types.d.ts", "host.d.ts", "jsconfig.json"] {
        let template = std::fs::read_to_string(root().join("host/cli/templates/js").join(file)).expect("the template");
        let example = std::fs::read_to_string(root().join("examples/regions/e-javascript/component").join(file))
            .expect("the example's copy");
        assert_eq!(example, template, "examples/regions/e-javascript/component/{file} differs from the template's");
    }
    // And it builds against this host's contract, as `wegwijs new` and
    // `wegwijs wit` write it.
    for file in ["host.wit", "stages.wit", "types.wit", "worlds.wit"] {
        let host = std::fs::read_to_string(root().join("wit").join(file)).expect("the host's WIT");
        let example = std::fs::read_to_string(root().join("examples/regions/e-javascript/component/wit").join(file))
            .expect("the example's WIT");
        assert_eq!(example, host, "examples/regions/e-javascript/component/wit/{file} is not the host's contract");
    }
}
