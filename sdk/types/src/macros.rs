//! Declarative macros that define a Rust type once for three audiences: guest
//! logic (plain `no_std` types), the host (wasmtime component derives, so the
//! type can cross the component boundary without hand-written lifting), and
//! JSON (serde). Each WIT name is written exactly once, next to the Rust name,
//! so the three spellings cannot drift apart.

/// Defines a WIT `enum` as a fieldless Rust enum with its kebab-case names.
macro_rules! wit_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wit:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[cfg_attr(
            feature = "wasmtime",
            derive(
                wasmtime::component::ComponentType,
                wasmtime::component::Lift,
                wasmtime::component::Lower
            ),
            component(enum)
        )]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[cfg_attr(feature = "serde", serde(rename = $wit))]
                #[cfg_attr(feature = "wasmtime", component(name = $wit))]
                $variant,
            )+
        }

        impl $name {
            /// Every case, in WIT declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The case's WIT (kebab-case) name, also used in JSON and TOML.
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $wit,)+
                }
            }

            /// Looks a case up by its WIT name.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($wit => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

/// Defines a WIT `record` as a Rust struct. Fields whose WIT name differs from
/// the Rust name carry it after `=`.
macro_rules! wit_record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty $(= $wit:literal)? ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[cfg_attr(
            feature = "wasmtime",
            derive(
                wasmtime::component::ComponentType,
                wasmtime::component::Lift,
                wasmtime::component::Lower
            ),
            component(record)
        )]
        pub struct $name {
            $(
                $(#[$fmeta])*
                $( #[cfg_attr(feature = "wasmtime", component(name = $wit))] )?
                pub $field: $ty,
            )+
        }
    };
}

/// Defines a WIT `variant` as a Rust enum whose cases carry at most one payload.
macro_rules! wit_variant {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident $(($payload:ty))? = $wit:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[cfg_attr(
            feature = "wasmtime",
            derive(
                wasmtime::component::ComponentType,
                wasmtime::component::Lift,
                wasmtime::component::Lower
            ),
            component(variant)
        )]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[cfg_attr(feature = "serde", serde(rename = $wit))]
                #[cfg_attr(feature = "wasmtime", component(name = $wit))]
                $variant $(($payload))?,
            )+
        }
    };
}
