//! Codes the host keeps back. A code that is not in the vocabulary may be a
//! name, an address or a number typed into a code field ("levi-peters",
//! "nieuwe-binnenweg-50"), so its text never leaves the host (G-MINIMAL):
//! the host passes a placeholder naming only the entry's position in the
//! signal's list, and every stage that warns about an unknown code
//! (IN-UNKNOWN) says so in words a professional can act on, without the
//! text.

use alloc::format;
use alloc::string::String;
use wegwijs_types::{Language, say};

/// How a withheld code begins; the rest is the entry's 1-based position in
/// its list of the signal. No vocabulary code begins this way.
pub const WITHHELD_PREFIX: &str = "withheld-";

/// The placeholder for the entry at 0-based `index` of a list.
pub fn withheld_code(index: usize) -> String {
    format!("{WITHHELD_PREFIX}{}", index + 1)
}

/// The 1-based position a placeholder stands for, if `code` is one.
pub fn withheld_position(code: &str) -> Option<usize> {
    code.strip_prefix(WITHHELD_PREFIX)
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse().ok())
}

/// The opening of an IN-UNKNOWN warning about `code`, a `what` ("concern
/// code" / "zorgcode", in `lang`): the code itself when a stage was given
/// it, or its position when the host withheld it. Callers add what follows
/// for the card ("; it is not assigned a domain.").
pub fn unknown_code_note(what: &str, code: &str, lang: Language) -> String {
    match withheld_position(code) {
        Some(n) => {
            let what = crate::sentence_case(what);
            say!(
                lang,
                "{what} nr. {n} in het signaal staat niet in de woordenlijst van wegwijs; de host hield de tekst \
                 achter (het kan een naam, een nummer of vrije tekst zijn), dus zoek hem op in het EPD",
                "{what} no. {n} in the signal is not in the wegwijs vocabulary; the host kept its text back (it may \
                 be a name, a number or free text), so look it up in the EPD"
            )
        }
        None => say!(
            lang,
            "Onbekende {what} `{code}`: hier bewaard voor de professional",
            "Unknown {what} `{code}`: kept here for the professional"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_names_its_position_only() {
        assert_eq!(withheld_code(0), "withheld-1");
        assert_eq!(withheld_position("withheld-12"), Some(12));
        assert_eq!(withheld_position("withheld-"), None);
        assert_eq!(withheld_position("withheld-x"), None);
        assert_eq!(withheld_position("school-absence"), None);
        assert!(crate::is_code(&withheld_code(63)));
    }

    #[test]
    fn the_note_never_carries_a_withheld_text() {
        let note = unknown_code_note("concern code", &withheld_code(2), Language::En);
        assert!(note.starts_with("Concern code no. 3 in the signal"), "{note}");
        let note = unknown_code_note("zorgcode", &withheld_code(2), Language::Nl);
        assert!(note.starts_with("Zorgcode nr. 3 in het signaal"), "{note}");
        assert_eq!(
            unknown_code_note("concern code", "peer-fights", Language::En),
            "Unknown concern code `peer-fights`: kept here for the professional"
        );
    }
}
