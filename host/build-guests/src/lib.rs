//! Builds guest crates of this workspace as WebAssembly components for
//! `wasm32-wasip2`, for the test artifacts' build script: the reference
//! components (the host ships their builds; the tests hold the shipped bytes
//! to these), the hostile guest and the Rust example regions. One builder,
//! so every component the project runs or tests is built the same way: the
//! `guest` profile, warnings denied, and none of the outer build's flags or
//! wrappers, which would change the bytes and with them every sha256.
//!
//! Guests are built by a nested `cargo rustc` into a target directory of
//! their own ([`target_dir`]) that outlives any build script's `OUT_DIR`, so
//! `cargo test`, `cargo clippy`, `cargo doc` and `cargo run` share one guest
//! build, and the guests share their dependencies (the SDK, wit-bindgen).

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Once;

/// The target every guest is built for.
pub const TARGET: &str = "wasm32-wasip2";

/// The Cargo profile of guest builds (the workspace's `Cargo.toml`): small,
/// and a guest panic aborts (becomes a trap) instead of unwinding.
pub const PROFILE: &str = "guest";

/// Variables of the outer build that must not reach a nested guest build.
/// The outer build's flags and wrappers (clippy, coverage, sanitizers) are
/// meant for the host; applied to a guest they break it or change its bytes,
/// and with them its sha256 in every provenance and every pinned
/// `region.toml`.
pub const OUTER_BUILD_ENV: [&str; 7] = [
    "CARGO_ENCODED_RUSTFLAGS",
    "RUSTFLAGS",
    "CARGO_BUILD_RUSTFLAGS",
    "RUSTC_WORKSPACE_WRAPPER",
    "RUSTC_WRAPPER",
    "CARGO_BUILD_TARGET",
    "CARGO_PRIMARY_PACKAGE",
];

/// The target directory guest builds share: `WEGWIJS_GUEST_TARGET_DIR`,
/// else `wegwijs-guests` inside `CARGO_TARGET_DIR`, else
/// `target/wegwijs-guests` under the workspace `root`.
pub fn target_dir(root: &Path) -> PathBuf {
    env::var_os("WEGWIJS_GUEST_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| env::var_os("CARGO_TARGET_DIR").map(|d| PathBuf::from(d).join("wegwijs-guests")))
        .unwrap_or_else(|| root.join("target").join("wegwijs-guests"))
}

/// Tells cargo to rerun the calling build script when anything under the
/// workspace `root`'s `paths` changes, or the guest target directory moves.
pub fn rerun_if_changed(root: &Path, paths: &[&str]) {
    for path in paths {
        println!("cargo:rerun-if-changed={}", root.join(path).display());
    }
    println!("cargo:rerun-if-env-changed=WEGWIJS_GUEST_TARGET_DIR");
}

/// Builds the library of the workspace package `package` as a component
/// and returns the path of the built `.wasm` file (in [`target_dir`]).
///
/// Panics, as a build script should, when the build fails; when the target
/// is missing it panics first with the one command that installs it.
pub fn build(root: &Path, package: &str) -> PathBuf {
    static TARGET_CHECKED: Once = Once::new();
    TARGET_CHECKED.call_once(check_target_installed);

    let target_dir = target_dir(root);
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .args(["rustc", "--lib", "--crate-type", "cdylib", "--profile", PROFILE])
        .args(["--target", TARGET, "-p", package])
        .env("CARGO_TARGET_DIR", &target_dir);
    for var in OUTER_BUILD_ENV {
        cmd.env_remove(var);
    }
    // A warning in a guest fails its build here rather than going unseen in
    // a build script's captured output.
    cmd.env("CARGO_ENCODED_RUSTFLAGS", "-Dwarnings");
    let status = cmd.status().unwrap_or_else(|e| panic!("could not run cargo for {package}: {e}"));
    assert!(status.success(), "building the component {package} for {TARGET} failed");
    target_dir.join(TARGET).join(PROFILE).join(format!("{}.wasm", package.replace('-', "_")))
}

/// Fails early, with the one command that fixes it, when the wasm target is
/// missing: the nested build's own error is long and names no remedy.
fn check_target_installed() {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let sysroot = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    let installed = sysroot.map(|s| s.join("lib").join("rustlib").join(TARGET).is_dir()).unwrap_or(false);
    if !installed {
        panic!(
            "\n\nThe {TARGET} target is not installed, and the wegwijs components need it.\n\
             Install it with:\n\n    rustup target add {TARGET}\n\nthen run the same command again.\n"
        );
    }
}
