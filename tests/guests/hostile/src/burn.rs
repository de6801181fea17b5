//! CPU and stack abuse in plain Rust: busy work, an endless loop and
//! unbounded recursion. Each is written so the optimiser can neither fold
//! it to a constant nor turn it into something cheaper: every step goes
//! through a value the compiler must treat as unknown ([`black_box`] or a
//! volatile load).

use core::hint::black_box;

/// Runs `iterations` rounds of busy work and returns a value derived from
/// all of them. The time taken grows linearly with `iterations`, which is
/// what lets the sandbox tests calibrate a call to land near a deadline.
pub fn spin(iterations: u64) -> u64 {
    let mut state = 0u64;
    let mut i = 0u64;
    while i < iterations {
        state = black_box(state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i));
        i += 1;
    }
    state
}

/// Never returns. Only an epoch deadline (or fuel) stops it.
pub fn forever() -> ! {
    let mut state = 0u64;
    loop {
        state = black_box(state.wrapping_add(1));
    }
}

/// Read by a volatile load on every level of [`recurse`]: the compiler must
/// assume its value can change under it, yet it lives in static memory, so
/// reading it costs no stack.
static BOTTOM: u64 = u64::MAX;

/// Recurses until the WebAssembly call stack overflows, then traps; it
/// never returns in practice.
///
/// The levels use only WebAssembly locals, no linear memory, so what runs
/// out is the engine's call stack (a `stack overflow` trap the host's
/// `max_wasm_stack` guards), not the shadow stack in linear memory (which
/// would end in an out-of-bounds access instead). The exit test against
/// `BOTTOM` cannot be decided at compile time, so the recursion is not
/// provably endless; the second volatile load after the call keeps the
/// call out of tail position, so it cannot become a loop.
#[inline(never)]
pub fn recurse(depth: u64) -> u64 {
    // SAFETY: `BOTTOM` is a valid, aligned static that is never written.
    if depth == unsafe { core::ptr::read_volatile(&raw const BOTTOM) } {
        return depth;
    }
    let deeper = recurse(depth.wrapping_add(1));
    // SAFETY: as above.
    let bottom = unsafe { core::ptr::read_volatile(&raw const BOTTOM) };
    deeper ^ bottom.rotate_left(depth as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spin_depends_on_the_iteration_count() {
        assert_eq!(spin(0), 0);
        assert_eq!(spin(1), 0);
        assert_ne!(spin(1_000), spin(1_001));
    }
}
