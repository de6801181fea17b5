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
