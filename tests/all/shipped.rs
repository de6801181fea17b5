//! Prebuilt components the repository ships: the reference components inside
//! the host crate (so the packaged `wegwijs` crate builds without the wasm
//! target, `docs/decisions/0010-…`) and the Rust example regions' routing
//! components (so `wegwijs compare` over the example bundles runs on a fresh
//! clone). Each must be byte for byte what its sources build now, here, in
//! the same build as every other guest: a reproducible build, checked.

use crate::util::{golden, root, sha256};
use wegwijs_test_artifacts as artifacts;

#[test]
fn shipped_reference_components_are_what_their_sources_build() {
    for (file, built) in [
        ("intake.wasm", artifacts::REFERENCE_INTAKE),
        ("screening.wasm", artifacts::REFERENCE_SCREENING),
        ("routing.wasm", artifacts::REFERENCE_ROUTING),
        ("consent.wasm", artifacts::REFERENCE_CONSENT),
        ("reference.wasm", artifacts::REFERENCE_SET),
    ] {
        golden::check_bytes(&format!("host/wegwijs/components/{file}"), built);
    }
}

#[test]
fn the_host_runs_the_shipped_reference_set() {
    // The provenance names the component the host ran by its sha256: it
    // must be the shipped file, which the test above holds to the sources.
    let host = wegwijs::Host::builder().build().expect("host");
    let decision = host.decide(&crate::util::school_signal("GM0363", "learning-difficulties")).expect("a decision");
    let shipped = std::fs::read(root().join("host/wegwijs/components/reference.wasm")).expect("shipped set");
    let hashes: Vec<&str> = decision.provenance.components.iter().map(|c| c.sha256.as_str()).collect();
    assert!(!hashes.is_empty());
    assert!(hashes.iter().all(|h| *h == sha256(&shipped)), "provenance names {hashes:?}");
}

#[test]
fn shipped_example_region_components_are_what_their_sources_build() {
    for (name, built) in
        [("a-ondersteuningsteam", artifacts::REGION_A_ROUTING), ("b-integrale-toegang", artifacts::REGION_B_ROUTING)]
    {
        golden::check_bytes(&format!("examples/regions/{name}/routing.wasm"), built);
        golden::check_between(&format!("examples/regions/{name}/region.toml"), "sha256 = \"", "\"", &sha256(built));
    }
}

#[test]
fn example_bundles_with_rust_or_no_components_activate_as_checked_out() {
    // What the README's compare command loads: the bundles in place, with
    // nothing built by hand. (Region C is Python; its README builds it.)
    for name in ["a-ondersteuningsteam", "b-integrale-toegang", "d-config-only"] {
        let dir = root().join("examples/regions").join(name);
        let host = wegwijs::Host::builder().region(&dir).build();
        assert!(host.is_ok(), "{name}: {:?}", host.err());
    }
}
