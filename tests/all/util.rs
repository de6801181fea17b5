//! Shared test support: one host for the whole binary (compiling the
//! reference components once), paths, the real `wegwijs` binary, copies of
//! example bundles, and golden files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use wegwijs::Host;

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().expect("workspace root")
}

/// A host with a fixed pseudonym key, shared by every test.
pub(crate) fn host() -> &'static Host {
    static HOST: OnceLock<Host> = OnceLock::new();
    // In English: the assertions on texts read the English sentences; the
    // Dutch ones are checked in `language.rs`.
    HOST.get_or_init(|| {
        Host::builder()
            .pseudonym_key("test-key")
            .language(wegwijs::Language::En)
            .build()
            .expect("reference host builds")
    })
}

/// Every example signal, sorted by name.
pub(crate) fn example_signals() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("examples/signals"))
        .expect("examples/signals exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Runs the `wegwijs` binary with `args`.
pub(crate) fn wegwijs(args: &[&str]) -> Output {
    Command::new(wegwijs_bin())
        .args(args)
        .current_dir(root())
        .env_remove("WEGWIJS_PSEUDONYM_KEY")
        // Tests say which language they read; the caller's shell does not.
        .env_remove("WEGWIJS_LANG")
        .output()
        .expect("the wegwijs binary runs")
}

/// The real `wegwijs` binary, from the target directory and profile of this
/// test executable (`<target>[/<triple>]/<profile>/deps/integration-…`).
///
/// The binary belongs to another package, `wegwijs-cli`, which cargo builds
/// for these tests only when that package's own integration test is built
/// too: in `cargo test --workspace` it is, in `cargo test -p wegwijs-tests`
/// it is not, and the binary there may be missing or older than the code
/// under test. So before the first use, cargo brings it up to date, once,
/// with the build `cargo test --workspace` does: the same packages, hence
/// the same features, hence the same compiled host. After
/// `cargo test --workspace` that is a no-op; a narrower build such as
/// `cargo build -p wegwijs-cli` would resolve other features and compile the
/// host (wasmtime included) a second time.
pub(crate) fn wegwijs_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test executable's path");
        let profile_dir = exe.parent().and_then(Path::parent).expect("the test executable lies in <profile>/deps");
        build_wegwijs(profile_dir);
        profile_dir.join(format!("wegwijs{}", std::env::consts::EXE_SUFFIX))
    })
}

/// `cargo test --workspace --no-run --test binary` (`host/cli/tests/binary.rs`,
/// the test that makes cargo build the `wegwijs` binary) into the target
/// directory and profile `profile_dir` belongs to.
fn build_wegwijs(profile_dir: &Path) {
    let name = profile_dir.file_name().and_then(|n| n.to_str()).expect("a profile directory name");
    // Cargo puts the test profile in `debug` and `cargo test --release` in
    // `release`; any other profile in a directory of its own name.
    let profile: &[&str] = match name {
        "debug" => &[],
        "release" => &["--release"],
        other => &["--profile", other],
    };
    // With `--target`, profiles sit one level deeper, under the target's
    // triple; cargo marks the target directory itself with CACHEDIR.TAG.
    let parent = profile_dir.parent().expect("a target directory");
    let (target_dir, triple) = match parent.parent() {
        Some(grandparent) if !parent.join("CACHEDIR.TAG").is_file() => (grandparent, parent.file_name()),
        _ => (parent, None),
    };
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root())
        .args(["test", "--workspace", "--no-run", "--test", "binary"])
        .args(profile)
        .env("CARGO_TARGET_DIR", target_dir);
    if let Some(triple) = triple {
        cmd.arg("--target").arg(triple);
    }
    eprintln!("bringing the wegwijs binary up to date: {cmd:?}");
    let out = cmd.output().expect("cargo runs");
    assert!(out.status.success(), "building the wegwijs binary failed:\n{}", String::from_utf8_lossy(&out.stderr));
}

/// The hex sha256 of `bytes`, as region.toml states it.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A copy of the example region bundle `examples/regions/NAME`: its
/// `region.toml` and `cases/`, nothing built. Tests write components into
/// the copy, so the source tree stays as it is checked out.
pub(crate) fn example_bundle(name: &str) -> TempDir {
    let source = root().join("examples/regions").join(name);
    let copy = TempDir::new(name);
    copy.write("region.toml", std::fs::read(source.join("region.toml")).expect("the bundle's region.toml"));
    for entry in std::fs::read_dir(source.join("cases")).expect("the bundle's cases/") {
        let path = entry.expect("dir entry").path();
        let file = path.file_name().expect("a file name").to_string_lossy();
        copy.write(&format!("cases/{file}"), std::fs::read(&path).expect("a case file"));
    }
    copy
}

/// A copy of the Rust example region `examples/regions/NAME` with its
/// `component`, the test artifact built from its source, written as
/// `routing.wasm`. The bundle's region.toml pins that build's sha256 (a
/// golden value: `BLESS=1` updates the pin in the source tree).
pub(crate) fn rust_example(name: &str, component: &[u8]) -> TempDir {
    golden::check_between(&format!("examples/regions/{name}/region.toml"), "sha256 = \"", "\"", &sha256(component));
    let copy = example_bundle(name);
    copy.write("routing.wasm", component);
    copy
}

/// A directory under the system's temp dir, removed when dropped.
pub(crate) struct TempDir(pub(crate) PathBuf);

impl TempDir {
    /// A fresh, empty directory named after `label`.
    pub(crate) fn new(label: &str) -> TempDir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("wegwijs-test-{}-{label}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    /// Writes `contents` to `name` inside the directory, creating parents.
    pub(crate) fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(path, contents).expect("write file");
        self
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Golden files: text the repository commits and the tests compare with
/// what the code produces now (`--help`, cards, the signal schema, the
/// README's comparison table, the example regions' pinned hashes). With
/// `BLESS` set in the environment a difference rewrites the file instead of
/// failing; review the rewrite with `git diff`.
pub(crate) mod golden {
    use super::root;
    use std::sync::{Mutex, PoisonError};

    /// Tests run on threads, and two of them may check, or bless, the same
    /// file: one at a time, so no test reads a file half rewritten.
    static FILES: Mutex<()> = Mutex::new(());

    /// The file at `path` (from the workspace root) holds exactly `actual`.
    pub(crate) fn check(path: &str, actual: &str) {
        let _one_at_a_time = FILES.lock().unwrap_or_else(PoisonError::into_inner);
        let file = root().join(path);
        let expected = std::fs::read_to_string(&file).ok();
        if expected.as_deref() == Some(actual) {
            return;
        }
        if blessing() {
            std::fs::create_dir_all(file.parent().expect("a file in a directory")).expect("the golden's directory");
            std::fs::write(&file, actual).unwrap_or_else(|e| panic!("{path}: {e}"));
            return;
        }
        fail(path, expected.as_deref(), actual);
    }

    /// The text in the file at `path` (from the workspace root) between the
    /// first `begin` and the next `end` after it is exactly `actual`: a
    /// generated part of a hand-written file.
    pub(crate) fn check_between(path: &str, begin: &str, end: &str, actual: &str) {
        let _one_at_a_time = FILES.lock().unwrap_or_else(PoisonError::into_inner);
        let file = root().join(path);
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
        let start = text.find(begin).unwrap_or_else(|| panic!("{path} has no `{begin}`")) + begin.len();
        let stop = start + text[start..].find(end).unwrap_or_else(|| panic!("{path} has no `{end}` after `{begin}`"));
        if text[start..stop] == *actual {
            return;
        }
        if blessing() {
            let blessed = format!("{}{actual}{}", &text[..start], &text[stop..]);
            std::fs::write(&file, blessed).unwrap_or_else(|e| panic!("{path}: {e}"));
            return;
        }
        fail(&format!("{path} (between `{begin}` and `{end}`)"), Some(&text[start..stop]), actual);
    }

    /// The file at `path` (from the workspace root) holds exactly the bytes
    /// `actual`: a shipped build, which must be what its sources build now.
    pub(crate) fn check_bytes(path: &str, actual: &[u8]) {
        let _one_at_a_time = FILES.lock().unwrap_or_else(PoisonError::into_inner);
        let file = root().join(path);
        let expected = std::fs::read(&file).ok();
        if expected.as_deref() == Some(actual) {
            return;
        }
        if blessing() {
            std::fs::write(&file, actual).unwrap_or_else(|e| panic!("{path}: {e}"));
            return;
        }
        let shipped = expected.map_or("missing".to_string(), |b| format!("sha256 {}", super::sha256(&b)));
        panic!(
            "{path} ({shipped}, {} bytes) is not what its sources build now (sha256 {}, {} bytes): either the \
             sources changed and the shipped build must follow (`BLESS=1 cargo test -p wegwijs-tests --test \
             integration shipped`, then commit it), or the build is no longer reproducible",
            expected_len(&file),
            super::sha256(actual),
            actual.len()
        );
    }

    fn expected_len(file: &std::path::Path) -> String {
        std::fs::metadata(file).map_or("?".to_string(), |m| m.len().to_string())
    }

    fn blessing() -> bool {
        std::env::var_os("BLESS").is_some()
    }

    fn fail(what: &str, expected: Option<&str>, actual: &str) -> ! {
        let bless = "if the change is intended, rewrite it with \
                     `BLESS=1 cargo test -p wegwijs-tests --test integration` and review the diff";
        let Some(expected) = expected else { panic!("{what} is missing; {bless}. The tests produce:\n{actual}") };
        let (golden, now): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
        let first = (0..golden.len().max(now.len())).find(|&i| golden.get(i) != now.get(i));
        let line = |lines: &[&str], i: usize| lines.get(i).map_or("<end of file>".to_string(), |l| format!("{l:?}"));
        let difference = match first {
            Some(i) => format!("first at line {}:\n  golden: {}\n  now:    {}", i + 1, line(&golden, i), line(&now, i)),
            None => "in line endings or the final newline only".to_string(),
        };
        panic!("{what} differs from what the tests produce, {difference}\n{bless}. The tests produce:\n{actual}");
    }
}

/// A school signal from `gemeente` (an intern begeleider worried about a
/// seven-year-old's behaviour, the parents too) with `extra` as its second
/// concern: the plain signal the region and capacity tests decide.
pub(crate) fn school_signal(gemeente: &str, extra: &str) -> wegwijs::Signal {
    wegwijs::Signal::from_json(&format!(
        r#"{{"date": "2026-10-05", "gemeente": "{gemeente}", "child": {{"birth_date": "2018-03-14"}},
            "source": {{"code": "intern-begeleider"}}, "handler": "jeugdverpleegkundige",
            "concerns": ["behaviour-problems", "{extra}"], "parents_concerned": true}}"#
    ))
    .expect("a valid school signal")
}

/// A case file with one case that passes against the national defaults and
/// any well-behaved region serving GM0014: the bundles the tests build carry
/// it so that they activate.
pub(crate) const PLAIN_CASE: &str = r#"[[case]]
name = "a plain school signal is decided"
[case.signal]
date = "2026-10-05"
gemeente = "GM0014"
child = { birth_date = "2018-03-14" }
source = { code = "intern-begeleider" }
handler = "jeugdverpleegkundige"
concerns = ["behaviour-problems"]
parents_concerned = true
[case.expect]
status = "decided"
"#;
