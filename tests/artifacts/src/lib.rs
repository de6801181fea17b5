//! The WebAssembly components the integration tests (`tests/all`) load,
//! built at compile time by this crate's build script and embedded as
//! constants: the reference components from their sources
//! ([`REFERENCE_SET`] and one per stage), the hostile guest ([`HOSTILE`])
//! and the routing components of example regions A and B
//! ([`REGION_A_ROUTING`], [`REGION_B_ROUTING`]).
//!
//! They are built alike (`host/build-guests`: the `guest` profile, warnings
//! denied), so a test never builds anything at run time and never writes
//! into the source tree. The host crate and regions A and B ship prebuilt
//! copies; `tests/all/shipped.rs` holds those to these builds. [`ALL`] lists
//! every artifact; a test below fails when one of them is no longer used by
//! any integration test.

/// One built component.
#[derive(Debug, Clone, Copy)]
pub struct Artifact {
    /// The name of its constant, e.g. `HOSTILE`.
    pub name: &'static str,
    /// The workspace package it is built from.
    pub package: &'static str,
    /// The component's bytes.
    pub bytes: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/artifacts.rs"));

#[cfg(test)]
mod tests {
    use super::ALL;

    /// The preamble of a WebAssembly component (not a core module): magic,
    /// version 0x0d, layer 1.
    const COMPONENT_PREAMBLE: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

    #[test]
    fn every_artifact_is_a_component() {
        for artifact in ALL {
            assert!(artifact.bytes.starts_with(&COMPONENT_PREAMBLE), "{} is not a component", artifact.name);
        }
    }

    /// An artifact no test uses is a build minute spent on nothing, or a
    /// test that was lost. "Used" means named by path (`artifacts::HOSTILE`,
    /// `wegwijs_test_artifacts::HOSTILE`) in code, not in a comment.
    #[test]
    fn every_artifact_is_used_by_an_integration_test() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../all");
        let mut code = String::new();
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                code.extend(text.lines().filter(|l| !l.trim_start().starts_with("//")).map(|l| format!("{l}\n")));
            }
        }
        for artifact in ALL {
            let needle = format!("::{}", artifact.name);
            let used = code
                .match_indices(&needle)
                .any(|(at, _)| !code[at + needle.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'));
            assert!(used, "no test in tests/all uses {} (built from {})", artifact.name, artifact.package);
        }
    }
}
