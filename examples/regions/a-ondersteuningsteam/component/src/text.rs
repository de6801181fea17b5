//! Wording shared by the engine: the age-right opening of a conversation
//! (G-SHARED). Local names and clipping come from the region kit
//! (`wegwijs_types::kit`), the same rules the guideline's component uses.

use crate::engine::Facts;

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
