//! The WebAssembly export of region {{name}}'s consent component: converts
//! the generated bindings to the plain model types, runs [`crate::check`]
//! and converts the cards back. Only compiled for `wasm32`; the rules
//! themselves are plain Rust, tested natively.

use alloc::vec::Vec;
use wegwijs_guest::Convert;
use wegwijs_guest::bindings::wegwijs::jgz::types as b;
use wegwijs_types as m;

// The stage world from this project's copy of the wegwijs WIT, with the
// shared `types` and `host` interfaces mapped to the guest SDK's bindings, so
// its conversions and `HostConfig` apply.
wit_bindgen::generate!({
    world: "consent-stage",
    path: "wit",
    with: {
        "wegwijs:jgz/types@0.2.0": wegwijs_guest::bindings::wegwijs::jgz::types,
        "wegwijs:jgz/host@0.2.0": wegwijs_guest::bindings::wegwijs::jgz::host,
    },
});

struct Region;

impl exports::wegwijs::jgz::consent::Guest for Region {
    fn check(
        child: b::ChildCase,
        requests: Vec<b::DisclosureRequest>,
        reference: Option<Vec<b::ConsentCard>>,
    ) -> Vec<b::ConsentCard> {
        let child: m::ChildCase = child.convert();
        let requests: Vec<m::DisclosureRequest> = requests.convert();
        let reference: Option<Vec<m::ConsentCard>> = reference.convert();
        crate::check(&child, &requests, reference.as_deref(), &wegwijs_guest::HostConfig).convert()
    }
}

export!(Region);
