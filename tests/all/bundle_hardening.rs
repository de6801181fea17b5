//! Region bundles are untrusted (docs/security.md, "Bundles"): reading one
//! never blocks or floods the host, every case file it brings is run or the
//! bundle refused, its strings cannot carry control or bidi characters, its
//! configuration is bounded as a whole, and a case cannot pass with a
//! configuration the region is not served with. Each refusal names the
//! file, field or case and never repeats the offending text.

use crate::util::{TempDir, wegwijs_bin};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use wegwijs::harness::{Bundle, MAX_CASE_FILE_BYTES, MAX_COMPONENT_BYTES, MAX_MANIFEST_BYTES};
use wegwijs::{BundleProblem, Host};

use crate::util::PLAIN_CASE as CASE;

/// The same case, expecting what the decision does not show.
fn failing_case() -> String {
    CASE.replace("status = \"decided\"", "status = \"closed\"").replace("a plain school", "a failing")
}

fn manifest(id: &str, extra: &str) -> String {
    format!(
        "[region]\nid = \"{id}\"\nname = \"Test {id}\"\ngemeenten = [\"GM0014\"]\nrevision = 1\n{extra}\n[config.partners.wijkteam]\nname = \"Team {id}\"\n"
    )
}

/// A configuration-only bundle with one passing case.
fn bundle(id: &str) -> TempDir {
    let dir = TempDir::new(id);
    dir.write("region.toml", manifest(id, ""));
    dir.write("cases/plain.toml", CASE);
    dir
}

fn host() -> Host {
    Host::builder().pseudonym_key("bundle-hardening").build().unwrap()
}

/// The problems `Bundle::read` finds in `dir`, or a failure when reading
/// takes longer than `secs` (a read that blocks must fail the test, not
/// hang it).
fn read_within(dir: &Path, secs: u64) -> Result<Bundle, Vec<BundleProblem>> {
    let (send, receive) = mpsc::channel();
    let path = dir.to_path_buf();
    std::thread::spawn(move || {
        let _ = send.send(Bundle::read(&path));
    });
    receive
        .recv_timeout(Duration::from_secs(secs))
        .unwrap_or_else(|_| panic!("reading the bundle in {} did not finish within {secs}s", dir.display()))
}

fn problems(dir: &Path) -> Vec<BundleProblem> {
    read_within(dir, 60).expect_err("the bundle is refused")
}

fn messages(problems: &[BundleProblem]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join(" | ")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Lets a reader blocked on the FIFO at `path` go on (it reads end of
/// file), so a failing test does not leave a thread stuck behind it.
#[cfg(unix)]
fn release(path: &Path) {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = std::fs::OpenOptions::new().write(true).open(path);
    });
}

#[cfg(unix)]
#[test]
fn a_fifo_anywhere_in_a_bundle_is_refused_without_blocking() {
    let sha = "0".repeat(64);
    let component = format!("[stages.routing]\ncomponent = \"routing.wasm\"\nsha256 = \"{sha}\"");
    for (file, needs_component) in [("region.toml", false), ("routing.wasm", true), ("cases/fifo.toml", false)] {
        let dir = bundle("fifo");
        if needs_component {
            dir.write("region.toml", manifest("fifo", &component));
        }
        let fifo = dir.0.join(file);
        let _ = std::fs::remove_file(&fifo);
        mkfifo(&fifo);
        let (send, receive) = mpsc::channel();
        let path = dir.0.clone();
        std::thread::spawn(move || {
            let _ = send.send(Bundle::read(&path));
        });
        let Ok(result) = receive.recv_timeout(Duration::from_secs(30)) else {
            release(&fifo);
            panic!("a FIFO as {file} blocked reading the bundle");
        };
        let found = result.expect_err("a bundle with a FIFO is refused");
        assert!(
            found.iter().any(
                |p| matches!(p, BundleProblem::NotAFile { path, kind } if path == file && kind.en().contains("FIFO"))
            ),
            "{file}: {found:?}"
        );
    }
    // A folder where a component should be is not a file either.
    let dir = bundle("folder-component");
    dir.write("region.toml", manifest("folder-component", &component));
    std::fs::create_dir_all(dir.0.join("routing.wasm")).unwrap();
    let found = problems(&dir.0);
    assert!(
        found.iter().any(
            |p| matches!(p, BundleProblem::NotAFile { path, kind } if path == "routing.wasm" && kind.en() == "a folder")
        ),
        "{found:?}"
    );
}

#[test]
fn files_beyond_their_cap_are_refused_before_they_are_read() {
    let sha = "0".repeat(64);
    let component = format!("[stages.routing]\ncomponent = \"routing.wasm\"\nsha256 = \"{sha}\"");
    for (file, cap, what) in [
        ("region.toml", MAX_MANIFEST_BYTES, "region.toml"),
        ("routing.wasm", MAX_COMPONENT_BYTES, "a component"),
        ("cases/big.toml", MAX_CASE_FILE_BYTES, "a case file"),
    ] {
        let dir = bundle("too-large");
        dir.write("region.toml", manifest("too-large", &component));
        dir.write("routing.wasm", b"\0asm");
        // Sparse: one byte over the cap costs no disk and, read, would cost
        // the whole cap in memory and time.
        let f = std::fs::OpenOptions::new().create(true).truncate(true).write(true).open(dir.0.join(file)).unwrap();
        f.set_len(cap + 1).unwrap();
        let start = Instant::now();
        let found = problems(&dir.0);
        assert!(start.elapsed() < Duration::from_secs(5), "{file}: took {:?}", start.elapsed());
        assert!(
            found.iter().any(|p| matches!(p, BundleProblem::TooLarge { path, limit, what: w }
                if path == file && *limit == cap && w.en() == what)),
            "{file}: {found:?}"
        );
        // Exactly at the cap is read (and then judged on its content).
        if file == "cases/big.toml" {
            f.set_len(cap).unwrap();
            let found = problems(&dir.0);
            assert!(!found.iter().any(|p| matches!(p, BundleProblem::TooLarge { .. })), "{found:?}");
        }
    }
}

#[test]
fn case_files_at_every_depth_and_in_any_case_are_run() {
    let host = host();
    // A failing case in a subfolder, spelled in upper case, refuses the
    // bundle: it was silently skipped before.
    let dir = bundle("deep-cases");
    dir.write("cases/more/deeper/wrong.TOML", failing_case());
    let err = match host.activate_dir(&dir.0) {
        Err(e @ wegwijs::Error::RegionRefused { .. }) => e.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(err.contains("cases/more/deeper/wrong.TOML") && err.contains("a failing signal is decided"), "{err}");
    assert!(host.regions().is_empty());
    // Files that are not case files stay allowed, and ignored; the case
    // files at every depth are all read, in order of their paths.
    let dir = bundle("deep-cases");
    dir.write("cases/README.md", "The region's cases.\n");
    dir.write("cases/sub/Other.Toml", CASE);
    let bundle = read_within(&dir.0, 60).expect("the bundle reads");
    let paths: Vec<&str> = bundle.cases.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["cases/plain.toml", "cases/sub/Other.Toml"]);
    host.activate_dir(&dir.0).expect("the bundle activates");
}

#[cfg(target_os = "linux")]
#[test]
fn a_case_file_name_that_is_not_utf8_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let dir = bundle("not-utf8");
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.toml");
    std::fs::create_dir_all(dir.0.join("cases/sub")).unwrap();
    std::fs::write(dir.0.join("cases/sub").join(name), failing_case()).unwrap();
    let found = problems(&dir.0);
    assert!(
        matches!(&found[..], [BundleProblem::NameNotUtf8 { path }] if path == "cases/sub/bad\u{fffd}.toml"),
        "{found:?}"
    );
}

#[cfg(unix)]
#[test]
fn symlinked_folders_under_cases_are_refused_and_never_walked() {
    use std::os::unix::fs::symlink;
    // A link to an ancestor (which would loop) and one to a sibling folder
    // (whose cases would run twice).
    let dir = bundle("symlinked");
    dir.write("elsewhere/extra.toml", CASE);
    symlink(".", dir.0.join("cases/loop")).unwrap();
    symlink("../elsewhere", dir.0.join("cases/linked")).unwrap();
    let found = problems(&dir.0);
    for path in ["cases/loop", "cases/linked"] {
        assert!(
            found.iter().any(|p| matches!(p, BundleProblem::SymlinkedFolder { path: p } if p == path)),
            "{path}: {found:?}"
        );
    }
    assert_eq!(found.len(), 2, "{found:?}");
    // `cases` itself as a symlinked folder.
    let dir = bundle("symlinked-cases");
    std::fs::rename(dir.0.join("cases"), dir.0.join("real-cases")).unwrap();
    symlink("real-cases", dir.0.join("cases")).unwrap();
    let found = problems(&dir.0);
    assert!(matches!(&found[..], [BundleProblem::SymlinkedFolder { path }] if path == "cases"), "{found:?}");
    // A symlink out of the bundle, whatever its name.
    let outside = TempDir::new("outside-cases");
    outside.write("x.toml", CASE);
    let dir = bundle("symlinked-out");
    symlink(outside.0.join("x.toml"), dir.0.join("cases/out.toml")).unwrap();
    symlink(&outside.0, dir.0.join("cases/notes")).unwrap();
    let found = problems(&dir.0);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|p| matches!(p, BundleProblem::PathEscapes { .. })), "{found:?}");
    // A symlink to a case file inside the bundle is read like the file.
    let dir = bundle("symlinked-file");
    dir.write("shared/plain.toml", CASE);
    symlink("../shared/plain.toml", dir.0.join("cases/shared.toml")).unwrap();
    assert_eq!(read_within(&dir.0, 60).expect("the bundle reads").cases.len(), 2);
}

#[test]
fn a_case_config_cannot_override_the_served_config() {
    let host = host();
    let dir = bundle("overriding");
    dir.write(
        "cases/override.toml",
        CASE.replace("a plain school", "an overriding") + "[case.config.partners.wijkteam]\nname = \"Another team\"\n",
    );
    let err = match host.activate_dir(&dir.0) {
        Err(e @ wegwijs::Error::RegionRefused { .. }) => e.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(
        err.contains("cases/override.toml")
            && err.contains("an overriding signal is decided")
            && err.contains("partners.wijkteam.name")
            && err.contains("region.toml's [config] sets too"),
        "{err}"
    );
    // Adding a key the served config does not set is how a region tests
    // optional configuration: still allowed.
    let dir = bundle("adding");
    dir.write(
        "cases/adds.toml",
        CASE.replace("a plain school", "an adding") + "[case.config.partners.jeugdarts]\nname = \"Jeugdarts\"\n",
    );
    host.activate_dir(&dir.0).expect("a case adding config keys activates");
}

#[test]
fn forbidden_characters_in_a_bundle_are_refused_by_field_without_echo() {
    let dir = bundle("forbidden");
    dir.write(
        "region.toml",
        manifest("forbidden", "").replace("name = \"Test forbidden\"", "name = \"Test\\u001b[2J\""),
    );
    dir.write("cases/plain.toml", CASE.replace("a plain school", "a plain\\u202e school"));
    #[cfg(unix)]
    dir.write("cases/esc\u{1b}.toml", CASE);
    // region.toml is refused first; its problem is named on its own.
    let found = problems(&dir.0);
    let text = messages(&found);
    assert!(text.contains("region.toml `region.name`: the value contains U+001B at character 4"), "{text}");
    assert!(wegwijs_kit::first_forbidden_char(&text).is_none(), "a forbidden character is echoed: {text:?}");
    // With region.toml fixed, the case file's name and its case names.
    dir.write("region.toml", manifest("forbidden", ""));
    let found = problems(&dir.0);
    let text = messages(&found);
    assert!(text.contains("cases/plain.toml `case[0].name`: the value contains U+202E at character 7"), "{text}");
    #[cfg(unix)]
    assert!(text.contains("cases/esc<U+001B>.toml `file name`: the name contains U+001B at character 3"), "{text}");
    assert!(wegwijs_kit::first_forbidden_char(&text).is_none(), "a forbidden character is echoed: {text:?}");
}

#[test]
fn a_config_beyond_its_bounds_is_refused_when_the_bundle_is_read() {
    // Under the cap on region.toml, over the bound on the whole config.
    let element = format!("\"{}\"", "x".repeat(4000));
    let dir = bundle("huge-config");
    dir.write(
        "region.toml",
        manifest("huge-config", "")
            + &format!("[config.routing]\nlist = [{}]\n", vec![element.as_str(); 200].join(",")),
    );
    let text = messages(&problems(&dir.0));
    assert!(text.contains("`config`: holds") && text.contains("at most 65536 are allowed"), "{text}");
    assert!(text.contains("`config.routing.list`: is 800199 bytes long; at most 4096"), "{text}");
    // Many short entries.
    let keys: String = (0..600).map(|i| format!("k{i} = 1\n")).collect();
    dir.write("region.toml", manifest("huge-config", "") + "[config.many]\n" + &keys);
    let text = messages(&problems(&dir.0));
    assert!(text.contains("has 601 entries") && text.contains("at most 512 are allowed"), "{text}");
}

#[cfg(unix)]
#[test]
fn wegwijs_test_does_not_follow_symlinked_folders() {
    use std::os::unix::fs::symlink;
    // Two links to the folder itself: followed, the walk never finished.
    let dir = TempDir::new("cli-symlinks");
    dir.write("cases/plain.toml", CASE);
    symlink(".", dir.0.join("cases/loop")).unwrap();
    symlink(".", dir.0.join("cases/again")).unwrap();
    let mut child = Command::new(wegwijs_bin())
        .args(["test", "--format", "json"])
        .arg(dir.0.join("cases"))
        .env_remove("WEGWIJS_PSEUDONYM_KEY")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the wegwijs binary runs");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            panic!("wegwijs test did not finish: it followed the symlinked folders");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["cases"].as_array().unwrap().len(), 1, "the case ran once: {stdout}");
    for link in ["loop", "again"] {
        let shown = dir.0.join("cases").join(link);
        assert!(stderr.contains(&format!("let op: {} overgeslagen", shown.display())), "{stderr}");
    }
}
