//! The WebAssembly export: one component implementing all four stage
//! interfaces, on the guest SDK's bindings of the stage worlds. Each export converts its arguments to the model types, lets
//! [`crate::respond`] play the configured mode, and converts the result
//! back. The effects only WebAssembly has live here, in [`Wasm`]. Only
//! compiled for `wasm32`.

use alloc::vec::Vec;
use core::hint::black_box;
use wegwijs_guest::Convert;
use wegwijs_guest::bindings::wegwijs::jgz::host as h;
use wegwijs_guest::bindings::wegwijs::jgz::types as b;
use wegwijs_guest::stages;
use wegwijs_types as m;

use crate::respond::{Sandbox, respond};

/// The component's sandbox: the host's imports and raw WebAssembly.
struct Wasm;

impl m::RegionConfig for Wasm {
    fn get(&self, key: &str) -> Option<alloc::string::String> {
        h::config(key)
    }
}

impl Sandbox for Wasm {
    fn log(&self, message: &str) {
        h::log(h::LogLevel::Info, message);
    }

    fn exhaust_memory(&self) -> ! {
        use core::arch::wasm32::memory_grow;
        const PAGE: usize = 64 << 10;

        // One page per step, each touched at once, so the host's limiter is
        // asked for every page and every page is really committed.
        loop {
            let previous = memory_grow(0, 1);
            if previous == usize::MAX {
                break;
            }
            let page = core::ptr::with_exposed_provenance_mut::<u8>(previous * PAGE);
            // SAFETY: the page starting at `page` was added to linear memory
            // just now; no allocation and no other code uses it.
            unsafe { page.write_volatile(0xA5) };
        }
        // The host refused a page. Keep asking through the allocator, which
        // grows memory itself and, refused, aborts into a trap: the call
        // must never return normally.
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        loop {
            let mut block = Vec::with_capacity(PAGE);
            block.resize(PAGE, 0xA5u8);
            hoard.push(block);
            black_box(&mut hoard);
        }
    }

    fn unreachable(&self) -> ! {
        core::arch::wasm32::unreachable()
    }
}

struct Hostile;

impl stages::intake::Guest for Hostile {
    fn assess(child: b::ChildCase, reference: Option<b::IntakeCard>) -> b::IntakeCard {
        respond::<m::IntakeCard>(&Wasm, &child.concerns, &(), reference.convert()).convert()
    }
}

impl stages::screening::Guest for Hostile {
    fn screen(child: b::ChildCase, _intake: b::IntakeCard, reference: Option<b::ScreeningCard>) -> b::ScreeningCard {
        respond::<m::ScreeningCard>(&Wasm, &child.concerns, &(), reference.convert()).convert()
    }
}

impl stages::routing::Guest for Hostile {
    fn route(
        child: b::ChildCase,
        _intake: b::IntakeCard,
        _screening: b::ScreeningCard,
        reference: Option<b::RoutingCard>,
    ) -> b::RoutingCard {
        let mut card: b::RoutingCard =
            respond::<m::RoutingCard>(&Wasm, &child.concerns, &(), reference.convert()).convert();
        match crate::mode::Mode::configured(crate::mode::Stage::Routing, &Wasm, &child.concerns) {
            Ok(crate::mode::Mode::BadEnum) => {
                // SAFETY: none, on purpose: this writes a discriminant the
                // enum does not have, which is what a component built against
                // a newer WIT sends. The generated lowering copies the byte.
                card.urgency = unsafe { core::mem::transmute::<u8, b::Urgency>(black_box(42u8)) };
            }
            Ok(crate::mode::Mode::BadUtf8) => {
                // SAFETY: none, on purpose: bytes that are not UTF-8 in a
                // `String`, which the lowering copies as they are.
                card.summary = unsafe { alloc::string::String::from_utf8_unchecked(Vec::from([0xff, 0xfe, 0x41])) };
            }
            _ => {}
        }
        card
    }
}

impl stages::consent::Guest for Hostile {
    fn check(
        child: b::ChildCase,
        requests: Vec<b::DisclosureRequest>,
        reference: Option<Vec<b::ConsentCard>>,
    ) -> Vec<b::ConsentCard> {
        let requests: Vec<m::DisclosureRequest> = requests.convert();
        respond::<Vec<m::ConsentCard>>(&Wasm, &child.concerns, &requests, reference.convert()).convert()
    }
}

// No bindings of its own: the guest SDK binds each stage world once. This
// component implements each stage's raw export trait rather than going
// through `wegwijs_guest::export_stage!`, because it must send what no model
// type can hold (a bad enum discriminant, bytes that are not UTF-8). The
// four stage worlds each macro carries merge into one world that exports
// every stage interface and imports only `host` (and the `types` it uses),
// so the host accepts the build in any stage.
stages::intake::world::export!(Hostile);
stages::screening::world::export!(Hostile);
stages::routing::world::export!(Hostile);
stages::consent::world::export!(Hostile);
