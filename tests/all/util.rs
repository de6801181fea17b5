//! Shared test support: one host for the whole binary (compiling the
//! reference components once), paths, and running the real binary.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;
use wegwijs::Host;

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// A host with a fixed pseudonym key, shared by every test.
pub(crate) fn host() -> &'static Host {
    static HOST: OnceLock<Host> = OnceLock::new();
    HOST.get_or_init(|| Host::builder().pseudonym_key("test-key").build().expect("reference host builds"))
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
    std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args(args)
        .current_dir(root())
        .env_remove("WEGWIJS_PSEUDONYM_KEY")
        .output()
        .expect("the wegwijs binary runs")
}

/// Builds the guest crate `package` as a component for `wasm32-wasip2`, once
/// per test binary, the way the host's build script builds the reference
/// components (and into the same target directory, so dependencies are
/// shared), and returns its bytes.
pub(crate) fn guest(package: &str) -> Vec<u8> {
    static BUILT: std::sync::Mutex<Vec<(String, Vec<u8>)>> = std::sync::Mutex::new(Vec::new());
    let mut built = BUILT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, bytes)) = built.iter().find(|(p, _)| p == package) {
        return bytes.clone();
    }
    let target = std::env::var_os("WEGWIJS_GUEST_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("CARGO_TARGET_DIR").map(|d| PathBuf::from(d).join("wegwijs-guests")))
        .unwrap_or_else(|| root().join("target").join("wegwijs-guests"));
    let cargo = option_env!("CARGO").unwrap_or("cargo");
    let mut cmd = std::process::Command::new(cargo);
    cmd.current_dir(root())
        .args(["rustc", "--lib", "--crate-type", "cdylib", "--profile", "guest", "--target", "wasm32-wasip2"])
        .args(["-p", package])
        .env("CARGO_TARGET_DIR", &target);
    for var in
        ["CARGO_ENCODED_RUSTFLAGS", "RUSTFLAGS", "RUSTC_WRAPPER", "RUSTC_WORKSPACE_WRAPPER", "CARGO_BUILD_TARGET"]
    {
        cmd.env_remove(var);
    }
    let out = cmd.output().expect("cargo runs");
    assert!(out.status.success(), "building {package} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let file = target.join("wasm32-wasip2/guest").join(format!("{}.wasm", package.replace('-', "_")));
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    built.push((package.to_string(), bytes.clone()));
    bytes
}

/// The hex sha256 of `bytes`, as region.toml states it.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
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
