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
/// Both languages are listed: a check cannot know which one a region wrote.
pub const REASSURANCE_PHRASES: &[&str] = &[
    "normal range",
    "normalise",
    "normalize",
    "no reason for concern",
    "nothing to worry",
    "no further steps",
    "normaal bereik",
    "normaliseren",
    "geen reden tot zorg",
    "geen reden voor zorg",
    "niets aan de hand",
    "geen verdere stappen",
    "geen zorgen",
];

/// Rule ids whose every citation tells the professional that nothing needs
/// to happen for the child: never cited on a safety card or beside an
/// unusable instrument.
pub const REASSURANCE_RULES: &[&str] = &["RT-A0"];

/// Whether `text` contains one of [`REASSURANCE_PHRASES`].
pub fn reads_as_reassurance(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    REASSURANCE_PHRASES.iter().any(|p| lower.contains(p))
}

/// English words that are not also Dutch words: one of them in a text
/// meant for a Dutch reader means an English sentence or template was left
/// untranslated. Proper names the field uses in Dutch too ("Infant Mental
/// Health", "Veilig Thuis") contain none of them.
pub const ENGLISH_ONLY_WORDS: &[&str] = &[
    "the", "and", "with", "should", "this", "these", "those", "are", "for", "from", "when", "not", "be", "has", "have",
    "which", "their", "there", "must", "may", "until", "because", "without", "within", "after", "will", "would", "can",
    "could", "you", "your", "it", "its", "they", "them", "on", "by", "no", "yes", "only", "child", "parents", "youth",
    "referral", "consent", "discuss",
];

/// The first word of [`ENGLISH_ONLY_WORDS`] that `text` contains as a whole
/// word (ASCII case-insensitive), outside `backticks` (codes are quoted as
/// they are in every language); `None` when there is none. Tests use it to
/// prove a Dutch card carries no English template text, and `wegwijs check`
/// to tell a region author which texts their component left in English.
pub fn english_word_in(text: &str) -> Option<&'static str> {
    let mut quoted = false;
    let mut word_start: Option<usize> = None;
    let mut found = None;
    let mut check = |word: &str| {
        if found.is_none() {
            found = ENGLISH_ONLY_WORDS.iter().copied().find(|w| w.eq_ignore_ascii_case(word));
        }
    };
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || c == '\'';
        if in_word {
            word_start.get_or_insert(i);
            continue;
        }
        // A word ends here; one inside backticks is a code, not prose.
        if let Some(start) = word_start.take()
            && !quoted
        {
            check(&text[start..i]);
        }
        if c == '`' {
            quoted = !quoted;
        }
    }
    if let Some(start) = word_start
        && !quoted
    {
        check(&text[start..]);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reassurance_is_found_case_insensitively() {
        assert!(reads_as_reassurance("Everything in the Normal Range"));
        assert!(reads_as_reassurance("normalise and inform"));
        assert!(reads_as_reassurance("Scores binnen het normaal bereik"));
        assert!(reads_as_reassurance("Er is geen reden tot zorg"));
    }

    #[test]
    fn english_words_are_found_outside_codes_only() {
        assert_eq!(english_word_in("Bespreek met de ouders de verwijzing naar de jeugd-GGZ."), None);
        assert_eq!(english_word_in("Discuss the referral"), Some("discuss"));
        assert_eq!(english_word_in("Code `the-and` is onbekend"), None);
        assert_eq!(english_word_in("Verwijzing (Infant Mental Health) binnen vijf werkdagen"), None);
        assert_eq!(english_word_in("Zorg, and then"), Some("and"));
        assert_eq!(english_word_in("eindigt op THE"), Some("the"));
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
