//! Guest-side support shared by every wegwijs component written in Rust.
//!
//! A component crate keeps its guideline logic on the plain types of
//! [`wegwijs_types`] and uses this crate for everything that only exists
//! inside WebAssembly. Its whole WebAssembly glue is one line in its
//! `lib.rs`, [`export_stage!`]; it depends on neither wit-bindgen nor the
//! WIT files. This crate holds the rest, generated or written once for
//! every component:
//!
//! - the bindings of the shared `types` and `host` interfaces (world `sdk`),
//!   and of the four stage worlds (module `stages`), which reuse them through
//!   wit-bindgen's `with`, so every component shares one set of generated
//!   types;
//! - conversions between those bindings and the plain types (`Convert`);
//! - the host's `config` and `log` imports (`HostConfig`, `log_info`);
//! - a global allocator, a panic handler that traps, and the `cabi_realloc`,
//!   `memcmp` and `bcmp` symbols wasi-libc would otherwise supply.
//!
//! Components are built `no_std` so they import nothing but their world: no
//! WASI. Everything but the macro is compiled for `wasm32` only.
#![no_std]

extern crate alloc;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(target_arch = "wasm32")]
pub use wasm::*;

#[cfg(target_arch = "wasm32")]
pub mod stages;

/// Exports a function on the plain model types as a stage component: the
/// whole WebAssembly glue of a Rust component, in its `lib.rs`.
///
/// ```ignore
/// // The reference routing component: the guideline itself, no reference card.
/// #[cfg(target_arch = "wasm32")]
/// wegwijs_guest::export_stage!(routing: crate::route(child, intake, screening, config));
///
/// // A region's routing component, which adjusts the guideline's card.
/// #[cfg(target_arch = "wasm32")]
/// wegwijs_guest::export_stage!(routing: crate::route(child, intake, screening, reference, config));
/// ```
///
/// The stage is `intake`, `screening`, `routing` or `consent`. The
/// parenthesised names are the arguments the function takes, in its order,
/// each a field of the stage's `Call` (module `stages`, built for `wasm32`
/// only):
///
/// | name | type | stages |
/// |---|---|---|
/// | `child` | `&ChildCase` | all |
/// | `intake` | `&IntakeCard` | screening, routing |
/// | `screening` | `&ScreeningCard` | routing |
/// | `requests` | `&[DisclosureRequest]` | consent |
/// | `reference` | `Option<&Card>` (consent: `Option<&[ConsentCard]>`) | all: the guideline's result, none when the reference itself is called |
/// | `config` | `&HostConfig`, which coerces to `&dyn RegionConfig` | all: the region's configuration |
///
/// The function returns the stage's card (consent: `Vec<ConsentCard>`).
/// The macro binds the stage's world (generated once, in this crate),
/// converts the arguments from the generated bindings to the model types and
/// the card back, and exports it. The names are the WIT parameter names
/// (and `config`), so a parameter added to the contract is one more field
/// of the stage's `Call`, and components that do not take it are unchanged. A misspelt name is a compile error
/// naming the field. The bindings it names exist only on `wasm32`: call it
/// behind `#[cfg(target_arch = "wasm32")]`.
#[macro_export]
macro_rules! export_stage {
    ($stage:ident : $($function:ident)::+ ( $($arg:ident),* $(,)? )) => {
        // In an anonymous const so that the marker type and the exported
        // functions cannot clash with the component's own names.
        const _: () = {
            struct Component;

            impl $crate::stages::$stage::Stage for Component {
                fn run(call: $crate::stages::$stage::Call<'_>) -> $crate::stages::$stage::Card {
                    $($function)::+($(call.$arg),*)
                }
            }

            $crate::stages::$stage::world::export!(Component with_types_in $crate::stages::$stage::world);
        };
    };
    ($($other:tt)*) => {
        compile_error!(
            "usage: wegwijs_guest::export_stage!(STAGE: path::to::function(ARGUMENT, ...)), e.g. \
             export_stage!(routing: crate::route(child, intake, screening, reference, config))"
        );
    };
}
