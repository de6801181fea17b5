//! The WebAssembly export of the reference intake component: converts the
//! generated bindings to the plain model types, runs the guideline logic of
//! this crate, and converts the card back. Only compiled for `wasm32`; the
//! logic itself is plain Rust and tested natively.

use wegwijs_guest::Convert;
use wegwijs_guest::bindings::wegwijs::jgz::types as b;
use wegwijs_types as m;

wit_bindgen::generate!({
    world: "intake-stage",
    path: "../../wit",
    with: {
        "wegwijs:jgz/types@0.2.0": wegwijs_guest::bindings::wegwijs::jgz::types,
        "wegwijs:jgz/host@0.2.0": wegwijs_guest::bindings::wegwijs::jgz::host,
    },
});

struct Reference;

impl exports::wegwijs::jgz::intake::Guest for Reference {
    // The reference component is the guideline itself: it has no reference
    // of its own to compare with, so the input is ignored.
    fn assess(child: b::ChildCase, _reference: Option<b::IntakeCard>) -> b::IntakeCard {
        let child: m::ChildCase = child.convert();
        crate::assess(&child).convert()
    }
}

export!(Reference);
