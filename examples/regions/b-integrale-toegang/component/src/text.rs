//! Wording shared by the engine: the age-right opening of a conversation
//! (G-SHARED). Local names, clipping and verwijzer labels come from the
//! region kit (`wegwijs_kit`), the same rules the guideline's component
//! uses.

use alloc::string::String;
use wegwijs_kit::{Language, sentence_case};

use crate::engine::Facts;

/// Who is asked first: the opening of every conversation a region rule
/// writes, as the region kit words it for the child's age and a 16+
/// youth's wish about the parents. The consent stage decides whose consent
/// is legally needed; this only makes sure the conversation starts with the
/// right people.
pub(crate) fn who_decides(f: &Facts) -> String {
    sentence_case(f.participants.opening(Language::En))
}
