//! Wording shared by the engine: the age-right opening of a conversation
//! (G-SHARED) and safe clipping of strings that end up on the card.
//!
//! Configured names come from the region's `region.toml`; the host rejects
//! a card whose strings exceed its byte limit, so everything echoed is
//! clipped here first.

use alloc::string::String;

use crate::engine::Facts;

/// `s` cut to at most `max` characters, on a character boundary, with an
/// ellipsis when something was cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => {
            let mut out = String::from(s.get(..i).unwrap_or(""));
            out.push('…');
            out
        }
        None => String::from(s),
    }
}

/// Who is asked first, by age: the opening of every conversation a region
/// rule writes. The consent stage decides whose consent is legally needed;
/// this only makes sure the conversation starts with the right people.
pub(crate) fn who_decides(f: &Facts) -> &'static str {
    if f.prenatal {
        return "Discuss with the expectant parents";
    }
    match f.age_years() {
        None => "Discuss with the parents (and from 12 also with the youth)",
        Some(y) if y < 12 => "Discuss with the parents",
        Some(y) if y < 16 => "Discuss with the parents and the youth",
        Some(_) => "Discuss with the youth (from 16 the youth decides alone)",
    }
}
