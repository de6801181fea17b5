//! Builds the test guests (the hostile guest and the Rust example regions'
//! components) for `wasm32-wasip2` into `OUT_DIR`, exactly as the host's
//! build script builds the reference components (`wegwijs-build-guests`),
//! and writes `artifacts.rs`, which `src/lib.rs` includes: one constant per
//! guest and the list of them all.

use std::env;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The constant's name, the guest's package, and the constant's doc.
const ARTIFACTS: [(&str, &str, &str); 3] = [
    (
        "HOSTILE",
        "wegwijs-hostile",
        "The hostile guest (`tests/guests/hostile`): all four stages in one component, misbehaving as its \
         `hostile.<stage>` config key says.",
    ),
    (
        "REGION_A_ROUTING",
        "region-a-routing",
        "Example region A's routing component (`examples/regions/a-ondersteuningsteam/component`).",
    ),
    (
        "REGION_B_ROUTING",
        "region-b-routing",
        "Example region B's routing component (`examples/regions/b-integrale-toegang/component`).",
    ),
];

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest_dir.parent().and_then(Path::parent).expect("tests/artifacts lies two levels below the root");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));

    // The guests' own sources and what they build on; not the example
    // bundles as a whole, whose region.toml the tests may rewrite (BLESS).
    wegwijs_build_guests::rerun_if_changed(
        root,
        &[
            "tests/guests",
            "examples/regions/a-ondersteuningsteam/component",
            "examples/regions/b-integrale-toegang/component",
            "sdk",
            "wit",
            "Cargo.toml",
            "Cargo.lock",
        ],
    );

    let mut consts = String::new();
    let mut all = String::new();
    for (name, package, doc) in ARTIFACTS {
        let built = wegwijs_build_guests::build(root, package);
        let file = format!("{}.wasm", package.replace('-', "_"));
        let dest = out_dir.join(&file);
        std::fs::copy(&built, &dest)
            .unwrap_or_else(|e| panic!("copying {} to {}: {e}", built.display(), dest.display()));
        let _ = writeln!(
            consts,
            "#[doc = {doc:?}]\npub const {name}: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\"));\n"
        );
        let _ = writeln!(all, "    Artifact {{ name: {name:?}, package: {package:?}, bytes: {name} }},");
    }
    let source = format!("{consts}/// Every artifact, in the order above.\npub const ALL: &[Artifact] = &[\n{all}];\n");
    std::fs::write(out_dir.join("artifacts.rs"), source).expect("writing artifacts.rs");
}
