//! The WebAssembly export of region {{name}}'s routing component: converts
//! the generated bindings to the plain model types, runs [`crate::route`]
//! and converts the card back. Only compiled for `wasm32`; the rules
//! themselves are plain Rust, tested natively.

use wegwijs_guest::Convert;
use wegwijs_guest::bindings::wegwijs::jgz::types as b;
use wegwijs_types as m;

// The stage world from this project's copy of the wegwijs WIT, with the
// shared `types` and `host` interfaces mapped to the guest SDK's bindings, so
// its conversions and `HostConfig` apply.
wit_bindgen::generate!({
    world: "routing-stage",
    path: "wit",
    with: {
        "wegwijs:jgz/types@0.2.0": wegwijs_guest::bindings::wegwijs::jgz::types,
        "wegwijs:jgz/host@0.2.0": wegwijs_guest::bindings::wegwijs::jgz::host,
    },
});

struct Region;

impl exports::wegwijs::jgz::routing::Guest for Region {
    fn route(
        child: b::ChildCase,
        intake: b::IntakeCard,
        screening: b::ScreeningCard,
        reference: Option<b::RoutingCard>,
    ) -> b::RoutingCard {
        let child: m::ChildCase = child.convert();
        let intake: m::IntakeCard = intake.convert();
        let screening: m::ScreeningCard = screening.convert();
        let reference: Option<m::RoutingCard> = reference.convert();
        crate::route(&child, &intake, &screening, reference.as_ref(), &wegwijs_guest::HostConfig).convert()
    }
}

export!(Region);
