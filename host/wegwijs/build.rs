//! Builds the four reference components for `wasm32-wasip2` so the host can
//! embed them: a `wegwijs` binary always carries the national guideline
//! defaults and needs no files at run time.
//!
//! The guests are built by a nested `cargo rustc` into a target directory of
//! their own that outlives this build script's `OUT_DIR`, so `cargo test`,
//! `cargo clippy`, `cargo doc` and `cargo run` reuse one guest build instead
//! of compiling the components again for each.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const STAGES: [&str; 4] = ["intake", "screening", "routing", "consent"];
const TARGET: &str = "wasm32-wasip2";

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest_dir
        .parent()
        .and_then(Path::parent)
        .expect("host/wegwijs lies two levels below the workspace root")
        .to_path_buf();
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));

    for watched in ["components", "sdk", "wit", "Cargo.toml", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }
    println!("cargo:rerun-if-env-changed=WEGWIJS_GUEST_TARGET_DIR");

    check_target_installed();

    let guest_target = env::var_os("WEGWIJS_GUEST_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| env::var_os("CARGO_TARGET_DIR").map(|d| PathBuf::from(d).join("wegwijs-guests")))
        .unwrap_or_else(|| root.join("target").join("wegwijs-guests"));

    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    for stage in STAGES {
        let package = format!("wegwijs-{stage}");
        let mut cmd = Command::new(&cargo);
        cmd.current_dir(&root)
            .args(["rustc", "--lib", "--crate-type", "cdylib", "--profile", "guest"])
            .args(["--target", TARGET, "-p", &package])
            .env("CARGO_TARGET_DIR", &guest_target);
        // The outer build's flags and wrappers (clippy, coverage, sanitizers)
        // are meant for the host; applied to the guest they break it or
        // change its bytes, and with them its sha256 in every provenance.
        for var in [
            "CARGO_ENCODED_RUSTFLAGS",
            "RUSTFLAGS",
            "CARGO_BUILD_RUSTFLAGS",
            "RUSTC_WORKSPACE_WRAPPER",
            "RUSTC_WRAPPER",
            "CARGO_BUILD_TARGET",
            "CARGO_PRIMARY_PACKAGE",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("CARGO_ENCODED_RUSTFLAGS", "-Dwarnings");
        let status = cmd.status().unwrap_or_else(|e| panic!("could not run cargo for {package}: {e}"));
        assert!(status.success(), "building the reference component {package} for {TARGET} failed");

        let built = guest_target.join(TARGET).join("guest").join(format!("wegwijs_{stage}.wasm"));
        let dest = out_dir.join(format!("{stage}.wasm"));
        std::fs::copy(&built, &dest)
            .unwrap_or_else(|e| panic!("copying {} to {}: {e}", built.display(), dest.display()));
    }
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
            "\n\nThe {TARGET} target is not installed, and the reference components need it.\n\
             Install it with:\n\n    rustup target add {TARGET}\n\nthen run the same command again.\n"
        );
    }
}
