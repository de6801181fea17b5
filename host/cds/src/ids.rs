//! Card and suggestion uuids that lead back to their decision. CDS Hooks
//! feedback names only a `card.uuid` and the accepted suggestions' uuids
//! (§Feedback), so those uuids are the only way the service can tell which
//! decision a professional accepted or overrode.
//!
//! Every decision gets a [`DecisionRef`]: 106 random bits the service draws
//! (or supplies from its own decision log) when it answers a hook call. Each
//! card and suggestion uuid is that reference with a *slot* in its last two
//! bytes, laid out as an RFC 9562 version-8 (custom) uuid:
//!
//! ```text
//! byte   0‥5   6        7     8        9‥13   14‥15
//!        key   8|key    key   10|key   key    slot (big-endian u16)
//! ```
//!
//! so [`CardRef::parse`] recovers the decision and the slot from a uuid
//! without any table. The uuids carry nothing about the child: not the
//! pseudonym, not the signal id, so two cards about the same child cannot
//! be linked through their uuids, and a uuid cannot be guessed from the
//! signal.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// The slot of the main decision card.
const SLOT_MAIN: u16 = 1;
/// The slot of the "assess by hand" card.
const SLOT_BY_HAND: u16 = 2;
/// Suggestion `i` of the main card is slot `SLOT_SUGGESTIONS + i`.
const SLOT_SUGGESTIONS: u16 = 0x100;
/// The most suggestions a card can number.
pub const MAX_SUGGESTIONS: usize = (u16::MAX - SLOT_SUGGESTIONS) as usize + 1;

/// The reference of one decision, from which its card and suggestion uuids
/// derive. Written as a uuid whose slot is zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DecisionRef([u8; 16]);

impl DecisionRef {
    /// A fresh reference with 106 random bits. Two calls in one process never
    /// return the same reference (a counter is hashed in); the hash keys are
    /// seeded from the operating system, as the library's pseudonym key is.
    pub fn random() -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let mut bytes = [0u8; 16];
        for (i, half) in bytes.chunks_mut(8).enumerate() {
            let mut h = std::hash::RandomState::new().build_hasher();
            h.write_u64(n);
            h.write_u128(nanos);
            h.write_usize(i);
            half.copy_from_slice(&h.finish().to_be_bytes());
        }
        DecisionRef::from_bytes(bytes)
    }

    /// A reference from 16 bytes the service chose (e.g. its decision log's
    /// own key). The version, variant and slot bits are overwritten, so 106
    /// of the 128 bits are kept.
    pub fn from_bytes(mut bytes: [u8; 16]) -> Self {
        bytes[6] = (bytes[6] & 0x0f) | 0x80;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        bytes[14] = 0;
        bytes[15] = 0;
        DecisionRef(bytes)
    }

    /// Parses a decision reference as [`DecisionRef`]'s `Display` writes it.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = parse_uuid(text)?;
        let r = DecisionRef::from_bytes(bytes);
        (r.0 == bytes).then_some(r)
    }

    /// The 16 bytes, as a uuid.
    pub fn bytes(&self) -> [u8; 16] {
        self.0
    }

    /// The uuid of the main decision card.
    pub fn main_card(&self) -> CardRef {
        CardRef { decision: *self, slot: Slot::MainCard }
    }

    /// The uuid of the "assess by hand" card.
    pub fn by_hand_card(&self) -> CardRef {
        CardRef { decision: *self, slot: Slot::ByHandCard }
    }

    /// The uuid of the main card's suggestion `index` (from 0), or `None`
    /// past [`MAX_SUGGESTIONS`].
    pub fn suggestion(&self, index: usize) -> Option<CardRef> {
        let index = u16::try_from(index).ok().filter(|i| usize::from(*i) < MAX_SUGGESTIONS)?;
        Some(CardRef { decision: *self, slot: Slot::Suggestion(index) })
    }
}

impl fmt::Display for DecisionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_uuid(f, &self.0)
    }
}

/// Which card or suggestion of a decision a uuid names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "index")]
pub enum Slot {
    /// The main decision card.
    MainCard,
    /// The card telling the professional to assess by hand (faults, or
    /// guardrails that changed the decision).
    ByHandCard,
    /// The main card's suggestion with this index (from 0), i.e. its route
    /// with the same index.
    Suggestion(u16),
}

impl Slot {
    fn code(self) -> u16 {
        match self {
            Slot::MainCard => SLOT_MAIN,
            Slot::ByHandCard => SLOT_BY_HAND,
            Slot::Suggestion(i) => SLOT_SUGGESTIONS + i,
        }
    }

    fn from_code(code: u16) -> Option<Slot> {
        match code {
            SLOT_MAIN => Some(Slot::MainCard),
            SLOT_BY_HAND => Some(Slot::ByHandCard),
            c if c >= SLOT_SUGGESTIONS => Some(Slot::Suggestion(c - SLOT_SUGGESTIONS)),
            _ => None,
        }
    }
}

/// The uuid of one card or suggestion: its decision and its slot.
/// Serialised as the uuid string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardRef {
    /// The decision the card or suggestion belongs to.
    pub decision: DecisionRef,
    /// Which card or suggestion of it.
    pub slot: Slot,
}

impl CardRef {
    /// Parses a uuid this crate issued; `None` for any other uuid or text.
    pub fn parse(text: &str) -> Option<CardRef> {
        let bytes = parse_uuid(text)?;
        let decision = DecisionRef::from_bytes(bytes);
        // Version 8 and the RFC 9562 variant, or it is not ours.
        if decision.0[..14] != bytes[..14] {
            return None;
        }
        let slot = Slot::from_code(u16::from_be_bytes([bytes[14], bytes[15]]))?;
        Some(CardRef { decision, slot })
    }

    /// The uuid's 16 bytes.
    pub fn bytes(&self) -> [u8; 16] {
        let mut b = self.decision.0;
        b[14..].copy_from_slice(&self.slot.code().to_be_bytes());
        b
    }
}

impl fmt::Display for CardRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_uuid(f, &self.bytes())
    }
}

impl Serialize for CardRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CardRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        CardRef::parse(&text).ok_or_else(|| serde::de::Error::custom("not a card or suggestion uuid of wegwijs"))
    }
}

impl Serialize for DecisionRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DecisionRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        DecisionRef::parse(&text).ok_or_else(|| serde::de::Error::custom("not a decision reference of wegwijs"))
    }
}

/// Whether `text` is a uuid in its canonical 8-4-4-4-12 hex form (either case).
pub(crate) fn is_uuid(text: &str) -> bool {
    parse_uuid(text).is_some()
}

fn parse_uuid(text: &str) -> Option<[u8; 16]> {
    let b = text.as_bytes();
    if b.len() != 36 || [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
        return None;
    }
    let hex: Vec<u8> = b.iter().copied().filter(|c| *c != b'-').collect();
    if hex.len() != 32 {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks(2).enumerate() {
        let digit = |c: u8| char::from(c).to_digit(16);
        out[i] = u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).ok()?;
    }
    Some(out)
}

fn write_uuid(f: &mut fmt::Formatter<'_>, b: &[u8; 16]) -> fmt::Result {
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            f.write_str("-")?;
        }
        write!(f, "{byte:02x}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_uuid_leads_back_to_its_decision_and_slot() {
        let d = DecisionRef::random();
        for card in [d.main_card(), d.by_hand_card(), d.suggestion(0).unwrap(), d.suggestion(7).unwrap()] {
            let text = card.to_string();
            assert_eq!(text.len(), 36);
            assert_eq!(&text[14..15], "8", "version 8: {text}");
            assert!(matches!(&text[19..20], "8" | "9" | "a" | "b"), "RFC 9562 variant: {text}");
            assert_eq!(CardRef::parse(&text), Some(card));
            assert_eq!(CardRef::parse(&text.to_uppercase()), Some(card));
        }
        assert_eq!(DecisionRef::parse(&d.to_string()), Some(d));
    }

    #[test]
    fn references_differ_and_foreign_uuids_are_not_ours() {
        let a = DecisionRef::random();
        let b = DecisionRef::random();
        assert_ne!(a, b);
        assert_ne!(a.main_card().to_string(), a.by_hand_card().to_string());
        // A random (version 4) uuid, as a client's own card would have.
        assert_eq!(CardRef::parse("4e0a3a1e-3283-4575-ab82-028d55fe2719"), None);
        // Ours, but slot 0 names the decision, not a card.
        assert_eq!(CardRef::parse(&a.to_string()), None);
        assert_eq!(CardRef::parse("not a uuid"), None);
        assert_eq!(CardRef::parse("4e0a3a1e+3283-4575-ab82-028d55fe2719"), None);
        assert!(a.suggestion(MAX_SUGGESTIONS).is_none());
        assert!(a.suggestion(MAX_SUGGESTIONS - 1).is_some());
    }
}
