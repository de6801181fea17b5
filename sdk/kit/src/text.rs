//! How text is cut and cased, and which phrases read as reassurance: rules
//! every stage and the host apply to the sentences they write, so a long
//! value is cut the same way and a safety card is guarded the same way
//! whoever wrote the stage.

use alloc::string::String;

/// `s` cut to at most `max` characters, on a character boundary, with an
/// ellipsis when something was cut.
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => {
            let mut out = String::from(s.get(..i).unwrap_or(""));
            out.push('…');
            out
        }
        None => String::from(s),
    }
}

/// `s` with its first letter in upper case, so a phrase that can stand
/// inside a sentence ([`crate::Participants::opening`], a party list) can
/// also open one.
pub fn sentence_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Phrases that read as reassurance to a professional ("nothing to do").
/// A card whose action is S (safety) or whose instrument could not be used
/// (PS-UNUSABLE) may contain none of them in any reason, warning, summary or
/// conversation (IN-SAFETY, PS-UNUSABLE); the suite checks this on every
/// such card. Compared ASCII case-insensitively.
pub const REASSURANCE_PHRASES: &[&str] =
    &["normal range", "normalise", "normalize", "no reason for concern", "nothing to worry", "no further steps"];

/// Rule ids whose every citation tells the professional that nothing needs
/// to happen for the child: never cited on a safety card or beside an
/// unusable instrument.
pub const REASSURANCE_RULES: &[&str] = &["RT-A0"];

/// Whether `text` contains one of [`REASSURANCE_PHRASES`].
pub fn reads_as_reassurance(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    REASSURANCE_PHRASES.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reassurance_is_found_case_insensitively() {
        assert!(reads_as_reassurance("Everything in the Normal Range"));
        assert!(reads_as_reassurance("normalise and inform"));
        assert!(!reads_as_reassurance("Safety always takes action S"));
    }

    #[test]
    fn clip_cuts_on_characters() {
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("ééé", 2), "éé…");
        assert_eq!(clip("ab", 3), "ab");
    }

    #[test]
    fn sentence_case_raises_the_first_letter_only() {
        assert_eq!(sentence_case("discuss with the parents"), "Discuss with the parents");
        assert_eq!(sentence_case("éen"), "Éen");
        assert_eq!(sentence_case(""), "");
    }
}
