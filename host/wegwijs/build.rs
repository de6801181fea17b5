//! Builds the four reference components for `wasm32-wasip2` so the host can
//! embed them: a `wegwijs` binary always carries the national guideline
//! defaults and needs no files at run time.
//!
//! The build itself is `wegwijs-build-guests` (`host/build-guests`), shared
//! with the test artifacts, so the reference components and the test guests
//! are built alike and into one guest target directory.

use std::env;
use std::path::{Path, PathBuf};

/// The per-stage reference components (`harness::reference_component`,
/// `wegwijs check`) and, last, the four in one component, which the host
/// runs (`docs/decisions/0008-…`).
const COMPONENTS: [&str; 5] = ["intake", "screening", "routing", "consent", "reference"];

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root =
        manifest_dir.parent().and_then(Path::parent).expect("host/wegwijs lies two levels below the workspace root");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));

    wegwijs_build_guests::rerun_if_changed(root, &["components", "sdk", "wit", "Cargo.toml", "Cargo.lock"]);
    for name in COMPONENTS {
        let built = wegwijs_build_guests::build(root, &format!("wegwijs-{name}"));
        let dest = out_dir.join(format!("{name}.wasm"));
        std::fs::copy(&built, &dest)
            .unwrap_or_else(|e| panic!("copying {} to {}: {e}", built.display(), dest.display()));
    }
}
