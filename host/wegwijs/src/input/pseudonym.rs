//! Pseudonyms: what components see instead of a child's identifiers. A
//! keyed hash of the BSN (or the EPD's local id): stable for one child
//! within one host key, unlinkable across keys, never reversible to the BSN
//! (IN-MINIMAL, G-MINIMAL).

use super::signal::Signal;
use sha2::{Digest, Sha256};
use std::hash::{BuildHasher, Hasher};

/// A keyed hash of the child's identifiers: stable for one child within
/// one host key, unlinkable across keys, and never reversible to a BSN.
pub(crate) fn pseudonym(signal: &Signal, key: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(b"wegwijs-pseudonym-v1\0");
    h.update((key.len() as u64).to_le_bytes());
    h.update(key);
    let child = signal.child.as_ref();
    let id = child.and_then(|c| c.bsn.as_deref().map(|b| ("bsn", b)).or(c.local_id.as_deref().map(|l| ("local", l))));
    match id {
        Some((kind, value)) => {
            h.update(kind.as_bytes());
            h.update([0]);
            h.update(value.as_bytes());
        }
        // Without an identifier the signal itself is the only anchor:
        // each such signal gets its own pseudonym.
        None => {
            h.update(b"signal\0");
            h.update(signal.signal_id.as_deref().unwrap_or("").as_bytes());
            h.update(signal.date.as_bytes());
        }
    }
    let digest = h.finalize();
    let mut out = String::from("p-");
    for b in &digest[..10] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// A fresh random key, for a host built without one: its pseudonyms cannot
/// be linked to any other host's.
pub(crate) fn random_key() -> Vec<u8> {
    // RandomState is seeded from the OS; two draws give 128 bits.
    let mut key = Vec::with_capacity(16);
    for _ in 0..2 {
        key.extend_from_slice(&std::hash::RandomState::new().build_hasher().finish().to_le_bytes());
    }
    key
}
