//! Builds the test guests (the reference components from source, the
//! hostile guest and the Rust example regions' components) for
//! `wasm32-wasip2` into `OUT_DIR` with `wegwijs-build-guests`, and writes
//! `artifacts.rs`, which `src/lib.rs` includes: one constant per guest and
//! the list of them all. The reference components and the example regions'
//! components are also shipped prebuilt; the tests hold the shipped bytes to
//! these builds.

use std::env;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The constant's name, the guest's package, and the constant's doc.
const ARTIFACTS: [(&str, &str, &str); 8] = [
    (
        "REFERENCE_INTAKE",
        "wegwijs-intake",
        "The reference intake component, built from `components/intake`: the host ships the same bytes.",
    ),
    (
        "REFERENCE_SCREENING",
        "wegwijs-screening",
        "The reference screening component, built from `components/screening`: the host ships the same bytes.",
    ),
    (
        "REFERENCE_ROUTING",
        "wegwijs-routing",
        "The reference routing component, built from `components/routing`: the host ships the same bytes.",
    ),
    (
        "REFERENCE_CONSENT",
        "wegwijs-consent",
        "The reference consent component, built from `components/consent`: the host ships the same bytes.",
    ),
    (
        "REFERENCE_SET",
        "wegwijs-reference",
        "The four reference stages in one component, built from `components/reference`: the host ships the same \
         bytes and runs them.",
    ),
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
            "components",
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
