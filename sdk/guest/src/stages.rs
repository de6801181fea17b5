//! The four stage worlds, bound once for every Rust component.
//!
//! Each module binds one stage world of `wit/worlds.wit` with wit-bindgen,
//! reusing the shared `types` and `host` bindings of [`crate::bindings`], and
//! adds the model-level side of the stage: a [`Call`](routing::Call) holding
//! the call's arguments as plain [`wegwijs_types`] values and the region's
//! configuration, a
//! [`Stage`](routing::Stage) trait a component implements on those, and the
//! implementation of the generated export trait for every such component,
//! which converts the arguments in and the card out. [`crate::export_stage!`]
//! writes the `Stage` implementation and invokes the module's `export!`, so a
//! component crate needs neither wit-bindgen nor the WIT files.
//!
//! The export macros are generated with `pub_export_macro`, which is what
//! makes one crate's bindings exportable from another: wit-bindgen then puts
//! the world's exports into the custom section the macro expands, in the
//! component crate, and leaves only the imports in this crate's own. A
//! component that exports one stage therefore declares no export of the
//! other three, and links none of their code.
//!
//! A component that needs the raw generated types (the hostile test guest
//! writes invalid enum discriminants into them) implements a module's
//! `exports::…::Guest` itself and calls `export!(Type)` of each stage it
//! implements; the custom sections of several stage worlds merge into one
//! world when the component is made.

use crate::{Convert, HostConfig};
use wegwijs_types as m;

/// Hands the `with` keys of the shared `types` and `host` interfaces to
/// `$then!`, before its other arguments. wit-bindgen matches `with` keys as
/// literal, versioned strings, and a proc macro sees `concat!` unexpanded,
/// so these two literals are where the guest sources spell the WIT version
/// (beside `wegwijs_types::wit_version!`). A bump that misses them fails to
/// compile twice over: wit-bindgen refuses a key that matches no interface
/// of `wit/`, and the assertion below one that differs from the model
/// types' version.
macro_rules! with_shared_keys {
    ($then:ident!($($args:tt)*)) => {
        $then! { "wegwijs:jgz/types@0.2.1", "wegwijs:jgz/host@0.2.1", $($args)* }
    };
}

/// Binds one stage world, its shared interfaces mapped to the bindings of
/// [`crate::bindings`] so that [`Convert`] and [`HostConfig`] apply to it.
/// The export macro is public (`pub_export_macro`), for component crates to
/// expand, and finds these bindings from there through `$crate`.
macro_rules! stage_world {
    ($types:literal, $host:literal, $world:literal, $module:literal) => {
        wit_bindgen::generate!({
            world: $world,
            path: "wit",
            with: {
                $types: crate::bindings::wegwijs::jgz::types,
                $host: crate::bindings::wegwijs::jgz::host,
            },
            pub_export_macro: true,
            default_bindings_module: $module,
        });
    };
}

/// Fails the build when the `with` keys name another version than the model
/// types mirror: the host checks a component's version against its own, and
/// the conversions assume both sides mirror one contract.
macro_rules! check_keys {
    ($types:literal, $host:literal,) => {
        const _: () = assert!(
            same($types, wegwijs_types::wit_interface!("types")) && same($host, wegwijs_types::wit_interface!("host")),
            "the `with` keys in sdk/guest/src/stages.rs and wegwijs_types::wit_version! name different WIT versions"
        );
    };
}

with_shared_keys!(check_keys!());

/// Whether two strings are equal, in a constant (`str`'s `==` is not const).
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The intake stage: `intake-stage`, exporting `intake.assess`.
pub mod intake {
    /// The generated bindings of `intake-stage` and its `export!` macro.
    #[allow(missing_docs, unreachable_pub, clippy::all)]
    pub mod world {
        with_shared_keys!(stage_world!("intake-stage", "$crate::stages::intake::world"));
    }

    /// The export trait wit-bindgen generated, on the raw bindings.
    pub use world::exports::wegwijs::jgz::intake::Guest;

    use super::*;
    use crate::bindings::wegwijs::jgz::types as b;

    /// The card the stage returns.
    pub type Card = m::IntakeCard;

    /// One `assess` call on the model types. A component's function takes
    /// the fields it needs, by name, through [`crate::export_stage!`].
    #[derive(Clone, Copy)]
    pub struct Call<'a> {
        /// The de-identified case.
        pub child: &'a m::ChildCase,
        /// The guideline's card, when a region's component replaces the
        /// reference; none when the reference itself is called.
        pub reference: Option<&'a Card>,
        /// The region's configuration, read through the host's `config`.
        pub config: &'a HostConfig,
    }

    /// An intake component on the model types.
    pub trait Stage {
        /// Assesses one case.
        fn run(call: Call<'_>) -> Card;
    }

    impl<T: Stage> Guest for T {
        fn assess(child: b::ChildCase, reference: Option<b::IntakeCard>) -> b::IntakeCard {
            let child: m::ChildCase = child.convert();
            let reference: Option<Card> = reference.convert();
            T::run(Call { child: &child, reference: reference.as_ref(), config: &HostConfig }).convert()
        }
    }
}

/// The screening stage: `screening-stage`, exporting `screening.screen`.
pub mod screening {
    /// The generated bindings of `screening-stage` and its `export!` macro.
    #[allow(missing_docs, unreachable_pub, clippy::all)]
    pub mod world {
        with_shared_keys!(stage_world!("screening-stage", "$crate::stages::screening::world"));
    }

    /// The export trait wit-bindgen generated, on the raw bindings.
    pub use world::exports::wegwijs::jgz::screening::Guest;

    use super::*;
    use crate::bindings::wegwijs::jgz::types as b;

    /// The card the stage returns.
    pub type Card = m::ScreeningCard;

    /// One `screen` call on the model types. A component's function takes
    /// the fields it needs, by name, through [`crate::export_stage!`].
    #[derive(Clone, Copy)]
    pub struct Call<'a> {
        /// The de-identified case.
        pub child: &'a m::ChildCase,
        /// The intake stage's card.
        pub intake: &'a m::IntakeCard,
        /// The guideline's card, when a region's component replaces the
        /// reference; none when the reference itself is called.
        pub reference: Option<&'a Card>,
        /// The region's configuration, read through the host's `config`.
        pub config: &'a HostConfig,
    }

    /// A screening component on the model types.
    pub trait Stage {
        /// Screens one case.
        fn run(call: Call<'_>) -> Card;
    }

    impl<T: Stage> Guest for T {
        fn screen(child: b::ChildCase, intake: b::IntakeCard, reference: Option<b::ScreeningCard>) -> b::ScreeningCard {
            let child: m::ChildCase = child.convert();
            let intake: m::IntakeCard = intake.convert();
            let reference: Option<Card> = reference.convert();
            T::run(Call { child: &child, intake: &intake, reference: reference.as_ref(), config: &HostConfig })
                .convert()
        }
    }
}

/// The routing stage: `routing-stage`, exporting `routing.route`.
pub mod routing {
    /// The generated bindings of `routing-stage` and its `export!` macro.
    #[allow(missing_docs, unreachable_pub, clippy::all)]
    pub mod world {
        with_shared_keys!(stage_world!("routing-stage", "$crate::stages::routing::world"));
    }

    /// The export trait wit-bindgen generated, on the raw bindings.
    pub use world::exports::wegwijs::jgz::routing::Guest;

    use super::*;
    use crate::bindings::wegwijs::jgz::types as b;

    /// The card the stage returns.
    pub type Card = m::RoutingCard;

    /// One `route` call on the model types. A component's function takes
    /// the fields it needs, by name, through [`crate::export_stage!`].
    #[derive(Clone, Copy)]
    pub struct Call<'a> {
        /// The de-identified case.
        pub child: &'a m::ChildCase,
        /// The intake stage's card.
        pub intake: &'a m::IntakeCard,
        /// The screening stage's card.
        pub screening: &'a m::ScreeningCard,
        /// The guideline's card, when a region's component replaces the
        /// reference; none when the reference itself is called.
        pub reference: Option<&'a Card>,
        /// The region's configuration, read through the host's `config`.
        pub config: &'a HostConfig,
    }

    /// A routing component on the model types.
    pub trait Stage {
        /// Routes one case.
        fn run(call: Call<'_>) -> Card;
    }

    impl<T: Stage> Guest for T {
        fn route(
            child: b::ChildCase,
            intake: b::IntakeCard,
            screening: b::ScreeningCard,
            reference: Option<b::RoutingCard>,
        ) -> b::RoutingCard {
            let child: m::ChildCase = child.convert();
            let intake: m::IntakeCard = intake.convert();
            let screening: m::ScreeningCard = screening.convert();
            let reference: Option<Card> = reference.convert();
            let call = Call {
                child: &child,
                intake: &intake,
                screening: &screening,
                reference: reference.as_ref(),
                config: &HostConfig,
            };
            T::run(call).convert()
        }
    }
}

/// The consent stage: `consent-stage`, exporting `consent.check`.
pub mod consent {
    /// The generated bindings of `consent-stage` and its `export!` macro.
    #[allow(missing_docs, unreachable_pub, clippy::all)]
    pub mod world {
        with_shared_keys!(stage_world!("consent-stage", "$crate::stages::consent::world"));
    }

    /// The export trait wit-bindgen generated, on the raw bindings.
    pub use world::exports::wegwijs::jgz::consent::Guest;

    use super::*;
    use crate::bindings::wegwijs::jgz::types as b;
    use alloc::vec::Vec;

    /// The cards the stage returns, one per request in the same order.
    pub type Card = Vec<m::ConsentCard>;

    /// One `check` call on the model types. A component's function takes
    /// the fields it needs, by name, through [`crate::export_stage!`].
    #[derive(Clone, Copy)]
    pub struct Call<'a> {
        /// The de-identified case.
        pub child: &'a m::ChildCase,
        /// The disclosures the routes need, to check one by one.
        pub requests: &'a [m::DisclosureRequest],
        /// The guideline's cards, when a region's component replaces the
        /// reference; none when the reference itself is called.
        pub reference: Option<&'a [m::ConsentCard]>,
        /// The region's configuration, read through the host's `config`.
        pub config: &'a HostConfig,
    }

    /// A consent component on the model types.
    pub trait Stage {
        /// Checks every request.
        fn run(call: Call<'_>) -> Card;
    }

    impl<T: Stage> Guest for T {
        fn check(
            child: b::ChildCase,
            requests: Vec<b::DisclosureRequest>,
            reference: Option<Vec<b::ConsentCard>>,
        ) -> Vec<b::ConsentCard> {
            let child: m::ChildCase = child.convert();
            let requests: Vec<m::DisclosureRequest> = requests.convert();
            let reference: Option<Card> = reference.convert();
            let call =
                Call { child: &child, requests: &requests, reference: reference.as_deref(), config: &HostConfig };
            T::run(call).convert()
        }
    }
}
