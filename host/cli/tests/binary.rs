//! The `wegwijs` binary starts and names its version.
//!
//! This test also matters for what it makes cargo do: cargo builds a
//! package's binaries only for that package's own integration tests, so
//! because of it `cargo test --workspace` builds `wegwijs` in the same build,
//! with the same features, as everything else. The workspace's integration
//! tests (`tests/`, package `wegwijs-tests`) then find that binary next to
//! their own executable instead of building the host a second time.

#[test]
fn the_binary_prints_its_version() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .arg("--version")
        .output()
        .expect("the wegwijs binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("wegwijs {}\n", env!("CARGO_PKG_VERSION")));
}
