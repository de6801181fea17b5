//! Links the reference set with 2 MiB of initial linear memory.
//!
//! The four stages run one after the other in one instance, and the guest
//! allocator never frees within an instance, so together they need more
//! than the ~1 MiB (mostly stack) a single stage starts with. Growing would
//! take a 4 MiB step (`wegwijs_guest`'s allocator) and a change of page
//! protections in the host; starting with 2 MiB, a decision never grows the
//! instance, and its memory stays within the 2 MiB per instance that
//! `docs/performance.md` holds it to.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg=--initial-memory=2097152");
    }
}
