//! Fuzz target `region_toml`: arbitrary bytes as the `region.toml` of a
//! municipality bundle.
//!
//! A refused manifest must list its problems, each naming a position or a
//! field; an accepted one must keep the invariants the host relies on (see
//! [`wegwijs_fuzz::assert_manifest_invariants`]).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wegwijs::harness::Manifest;
use wegwijs_fuzz::{assert_manifest_invariants, assert_manifest_problems};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Manifest::parse(text) {
        Ok(manifest) => assert_manifest_invariants(&manifest),
        Err(problems) => assert_manifest_problems(&problems),
    }
});
