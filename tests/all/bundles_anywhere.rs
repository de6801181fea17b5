//! Bundles build and pass wherever they are copied: every example region
//! bundle and every `wegwijs new` scaffold, copied into a fresh temporary
//! directory outside the repository, builds there with its own
//! `component/build.sh` (with the `wegwijs` under test on `PATH`, as an
//! installed one would be) and passes `wegwijs test --region` run from
//! that directory. And `wegwijs wit`, which gives a build script the host's
//! WIT contract without a source checkout, writes exactly `wit/`.

use crate::util::{TempDir, golden, root, sha256, wegwijs_bin};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `PATH` with the directory of the `wegwijs` binary under test first.
fn path_with_wegwijs() -> std::ffi::OsString {
    let bin_dir = wegwijs_bin().parent().expect("the binary lies in a directory").to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(&rest))).expect("a PATH")
}

/// Runs `wegwijs` from `dir`, never from the repository.
fn wegwijs_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(wegwijs_bin())
        .args(args)
        .current_dir(dir)
        .env_remove("WEGWIJS_PSEUDONYM_KEY")
        .env_remove("WEGWIJS_LANG")
        .output()
        .expect("the wegwijs binary runs")
}

/// A temporary directory that is not inside the repository.
fn outside(label: &str) -> TempDir {
    let dir = TempDir::new(label);
    let repo = root();
    let canonical = dir.0.canonicalize().expect("the temp dir exists");
    assert!(!canonical.starts_with(&repo), "{} lies inside the repository {}", canonical.display(), repo.display());
    dir
}

/// Copies the directory `from` to `to`, files and folders only, leaving out
/// what CPython and cargo leave behind (`__pycache__`, `target`).
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("the copy's directory");
    for entry in std::fs::read_dir(from).expect("a directory to copy") {
        let entry = entry.expect("a directory entry");
        let (path, kind) = (entry.path(), entry.file_type().expect("a file type"));
        if kind.is_dir() && !["__pycache__", "target"].iter().any(|n| entry.file_name() == *n) {
            copy_tree(&path, &to.join(entry.file_name()));
        } else if kind.is_file() {
            std::fs::copy(&path, to.join(entry.file_name())).expect("a copied file");
        }
    }
}

fn componentize_py_installed() -> bool {
    Command::new("componentize-py").arg("--version").output().is_ok_and(|o| o.status.success())
}

fn componentize_qjs_installed() -> bool {
    Command::new("componentize-qjs").arg("--help").output().is_ok_and(|o| o.status.success())
}

/// Runs `bundle/component/build.sh` as a user would, from the bundle, with
/// the `wegwijs` under test on `PATH`; a Rust build shares the guest target
/// directory of the test artifacts, so the SDK is compiled once.
fn build(bundle: &Path, what: &str) {
    let out = run_build(bundle);
    assert!(
        out.status.success(),
        "build.sh of {what} in {} failed:\n{}{}",
        bundle.display(),
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// Runs `bundle/component/build.sh` (as [`build`] does) and returns what it did.
fn run_build(bundle: &Path) -> Output {
    let mut cmd = Command::new("sh");
    cmd.arg("component/build.sh")
        .current_dir(bundle)
        .env("PATH", path_with_wegwijs())
        .env("CARGO_TARGET_DIR", wegwijs_build_guests::target_dir(&root()));
    // Flags meant for the test build (coverage, a wrapper) must not leak
    // into the component's wasm build.
    for var in wegwijs_build_guests::OUTER_BUILD_ENV {
        cmd.env_remove(var);
    }
    cmd.output().expect("sh runs")
}

/// `wegwijs test --region .` from inside the bundle passes every case.
fn cases_pass(bundle: &Path, what: &str) {
    let out = wegwijs_in(bundle, &["test", "--region", "."]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "wegwijs test --region of {what}:\n{stdout}{}", text(&out.stderr));
    assert!(stdout.contains(" geslaagd, 0 mislukt"), "{what}: {stdout}");
}

/// Every component `region.toml` names has the sha256 it states.
fn hashes_hold(bundle: &Path, what: &str) {
    let manifest = std::fs::read_to_string(bundle.join("region.toml")).expect("region.toml");
    for line in manifest.lines().filter(|l| l.trim_start().starts_with("component = \"")) {
        let file = line.split('"').nth(1).expect("a quoted file name");
        let wasm = std::fs::read(bundle.join(file)).unwrap_or_else(|e| panic!("{what}: {file}: {e}"));
        assert!(manifest.contains(&format!("sha256 = \"{}\"", sha256(&wasm))), "{what}: {file}'s sha256 is pinned");
    }
}

#[test]
fn wit_writes_the_hosts_contract_and_refuses_to_overwrite_a_different_one() {
    let out = wegwijs_in(&std::env::temp_dir(), &["wit", "--help"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let help = text(&out.stdout);
    assert!(help.contains(concat!("wegwijs:jgz@", wegwijs::types::wit_version!())), "{help}");
    golden::check("tests/golden/help-wit.txt", &help);

    let parent = outside("wit");
    let dir = parent.0.join("nested/wit");
    let out = wegwijs_in(&parent.0, &["wit", "--out", "nested/wit"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut expected: Vec<(String, String)> = std::fs::read_dir(root().join("wit"))
        .expect("wit/")
        .map(|e| {
            let path = e.expect("a directory entry").path();
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).expect("a WIT file"))
        })
        .collect();
    expected.sort();
    let written = |dir: &Path| -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .expect("the directory written")
            .map(|e| {
                let path = e.expect("a directory entry").path();
                let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&path).expect("a written file"))
            })
            .collect();
        files.sort();
        files
    };
    assert_eq!(written(&dir), expected, "wegwijs wit writes exactly the files of wit/");
    let stdout = text(&out.stdout);
    for (name, _) in &expected {
        assert!(stdout.contains(&format!("geschreven   nested/wit/{name}")), "{stdout}");
    }

    // Again: nothing changes, and it says so.
    let out = wegwijs_in(&parent.0, &["wit", "--out", "nested/wit"]);
    assert!(out.status.success() && text(&out.stdout).contains("ongewijzigd"), "{}", text(&out.stdout));

    // A differing file is refused, and nothing is written.
    let host = dir.join("host.wit");
    std::fs::write(&host, "// mine\n").expect("an edit");
    std::fs::remove_file(dir.join("types.wit")).expect("a removal");
    let out = wegwijs_in(&parent.0, &["wit", "--out", "nested/wit"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("host.wit") && text(&out.stderr).contains("--force"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&host).expect("host.wit"), "// mine\n", "left as it was");
    assert!(!dir.join("types.wit").exists(), "nothing was written");

    // With --force it is overwritten.
    let out = wegwijs_in(&parent.0, &["wit", "--out", "nested/wit", "--force"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("overschreven nested/wit/host.wit"), "{}", text(&out.stdout));
    assert_eq!(written(&dir), expected);

    // A file where the directory should be is refused.
    let out = wegwijs_in(&parent.0, &["wit", "--out", "nested/wit/host.wit"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("geen map"), "{}", text(&out.stderr));
}

/// Each example region, copied whole (sources, cases, shipped components)
/// out of the repository: what has a `component/build.sh` is built there
/// with it, and every copy passes its own cases. Regions A and B ship their
/// Rust components (the workspace builds them, `tests/artifacts`); region
/// C's Python component is built in the copy, against its own WIT 0.2.0
/// copy; region D is configuration only.
#[test]
fn every_example_region_builds_and_passes_its_cases_when_copied_elsewhere() {
    let python = componentize_py_installed();
    let javascript = componentize_qjs_installed();
    let mut regions: Vec<PathBuf> = std::fs::read_dir(root().join("examples/regions"))
        .expect("examples/regions")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.join("region.toml").is_file())
        .collect();
    regions.sort();
    assert_eq!(regions.len(), 5, "the five example regions A–E: {regions:?}");
    let parent = outside("examples-copied");
    for source in regions {
        let name = source.file_name().expect("a name").to_string_lossy().into_owned();
        let copy = parent.0.join(&name);
        copy_tree(&source, &copy);
        if copy.join("component/build.sh").is_file() {
            if !python
                && std::fs::read_to_string(copy.join("component/build.sh"))
                    .unwrap_or_default()
                    .contains("componentize-py")
            {
                eprintln!("skipped {name}: componentize-py is not on PATH (pip install componentize-py==0.25.1)");
                continue;
            }
            if !javascript
                && std::fs::read_to_string(copy.join("component/build.sh"))
                    .unwrap_or_default()
                    .contains("componentize-qjs")
            {
                eprintln!("skipped {name}: componentize-qjs is not on PATH (npm install -g componentize-qjs@0.4.5)");
                continue;
            }
            // Whatever was built in the checkout is not part of the copy.
            for entry in std::fs::read_dir(&copy).expect("the copy") {
                let path = entry.expect("a directory entry").path();
                if path.extension().is_some_and(|e| e == "wasm") && !shipped(&source, &path) {
                    std::fs::remove_file(&path).expect("a local build removed");
                }
            }
            build(&copy, &name);
        }
        hashes_hold(&copy, &name);
        cases_pass(&copy, &name);
    }
}

/// Whether the repository ships `built` (a file in the copy) with the bundle
/// `source`, rather than it being a local build left in the checkout.
fn shipped(source: &Path, built: &Path) -> bool {
    let file = source.join(built.file_name().expect("a file name"));
    let relative = file.strip_prefix(root()).expect("inside the repository");
    Command::new("git")
        .args(["ls-files", "--error-unmatch"])
        .arg(relative)
        .current_dir(root())
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Each kind of scaffold `wegwijs new` makes, created in one temporary
/// directory and moved to another before it is built: it builds there with
/// its own `build.sh` and passes its own cases. A language `new` refuses
/// (not every build has every one) is skipped.
#[test]
fn every_scaffold_builds_and_passes_its_cases_when_moved_elsewhere() {
    let made = outside("scaffolds-made");
    let moved = outside("scaffolds-moved");
    let sdk = root();
    for lang in ["rust", "python", "js"] {
        if lang == "python" && !componentize_py_installed() {
            eprintln!("skipped the Python scaffold: componentize-py is not on PATH");
            continue;
        }
        let name = format!("regio-anywhere-{lang}");
        let mut args = vec!["new", "routing", name.as_str(), "--lang", lang, "--dir", "."];
        // The SDK crates are not in a registry yet: a Rust project depends on
        // this checkout's by (absolute) path as well as by version.
        if lang == "rust" {
            args.extend(["--sdk", sdk.to_str().expect("UTF-8")]);
        }
        let out = wegwijs_in(&made.0, &args);
        if lang == "js" && out.status.code() == Some(2) && text(&out.stderr).contains("invalid value 'js'") {
            eprintln!("skipped the JavaScript scaffold: this wegwijs has no --lang js");
            continue;
        }
        assert!(out.status.success(), "wegwijs new routing {name} --lang {lang}: {}", text(&out.stderr));
        let bundle = moved.0.join(&name);
        std::fs::rename(made.0.join(&name), &bundle).expect("the scaffold moves");
        if lang == "js" {
            // Every build script exits with 2, and says what to install,
            // when its toolchain is missing.
            let out = run_build(&bundle);
            if out.status.code() == Some(2) {
                eprintln!("skipped the JavaScript scaffold: {}", text(&out.stderr).trim());
                continue;
            }
            assert!(
                out.status.success(),
                "build.sh of the js scaffold failed:\n{}{}",
                text(&out.stdout),
                text(&out.stderr)
            );
        } else {
            build(&bundle, &format!("the {lang} scaffold"));
        }
        hashes_hold(&bundle, &name);
        cases_pass(&bundle, &name);
    }
}
