//! Which characters may appear in text that crosses a trust boundary: a
//! component's result, a bundle's names and configuration, a case name.
//! Everything such text reaches (a terminal, a Markdown report, JUnit XML,
//! an HTML page, an EPD's log) is shown to a professional, so one rule says
//! what may not appear anywhere, and one function makes any text safe to
//! show when it was not checked at the boundary (defence in depth).
//!
//! Refused are: every C0 control character (newline and tab included: every
//! field the host accepts from outside is a single line, and a newline is
//! how a forged `[G-SAFETY] ok` line starts), DEL, every C1 control
//! character (ESC's 8-bit twin CSI among them), the Unicode line and
//! paragraph separators, and the bidirectional formatting characters
//! (embeddings, overrides, isolates and marks) that reorder what a reader
//! sees without changing what a program compares.

use alloc::string::String;
use core::fmt::Write as _;

/// Whether `c` may not appear in text that crosses a trust boundary.
pub fn is_forbidden_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Whether `s` holds a forbidden character ([`is_forbidden_char`]).
///
/// The same answer as `s.chars().any(is_forbidden_char)`, found on the
/// bytes: every forbidden character is an ASCII control or starts with one
/// of the lead bytes `C2` (C1 controls), `D8` (U+061C) or `E2` (the marks,
/// separators and isolates), so text without those bytes (nearly all of a
/// card) is cleared without decoding it. The host runs this over every
/// string a component returns.
pub fn has_forbidden_char(s: &str) -> bool {
    let bytes = s.as_bytes();
    let suspect = |b: u8| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2;
    match bytes.iter().position(|&b| suspect(b)) {
        None => false,
        // Decode from the first suspect byte, which always starts a
        // character: a lead byte or an ASCII byte, never a continuation.
        Some(at) => s[at..].chars().any(is_forbidden_char),
    }
}

/// The first forbidden character in `s` and its position in characters,
/// so an error can name where the problem is without echoing the text.
pub fn first_forbidden_char(s: &str) -> Option<(usize, char)> {
    s.chars().enumerate().find(|&(_, c)| is_forbidden_char(c))
}

/// A forbidden character as a reader can name it: `U+001B`.
pub fn char_code(c: char) -> String {
    let mut out = String::new();
    let _ = write!(out, "U+{:04X}", u32::from(c));
    out
}

/// `s` made safe to show on one line: every forbidden character becomes its
/// visible code in angle brackets (`<U+001B>`), so nothing the text
/// contains can move the cursor, clear a screen, start a new line or
/// reorder what is around it, and a reader still sees that something was
/// there.
pub fn display_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_forbidden_char(c) {
            out.push('<');
            out.push_str(&char_code(c));
            out.push('>');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_and_bidi_controls_are_forbidden() {
        for c in
            ['\u{1b}', '\n', '\r', '\t', '\u{0}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{2028}']
        {
            assert!(is_forbidden_char(c), "{}", char_code(c));
        }
        for c in ['a', 'é', ' ', '€', '\u{a0}', '—', '…', '\u{202f}'] {
            assert!(!is_forbidden_char(c), "{}", char_code(c));
        }
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_agrees_with_the_char_rule(s in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{61c}\u{200e}\u{200f}\u{2028}-\u{202e}\u{2066}-\u{2069}]){0,24}") {
            proptest::prop_assert_eq!(has_forbidden_char(&s), s.chars().any(is_forbidden_char));
        }
    }

    #[test]
    fn the_first_forbidden_char_is_named_by_position() {
        assert_eq!(first_forbidden_char("ab\u{1b}[2J"), Some((2, '\u{1b}')));
        assert_eq!(first_forbidden_char("één\u{202e}"), Some((3, '\u{202e}')));
        assert_eq!(first_forbidden_char("Team Noord"), None);
    }

    #[test]
    fn display_safe_shows_codes_instead_of_controls() {
        assert_eq!(display_safe("a\u{1b}[2Jb"), "a<U+001B>[2Jb");
        assert_eq!(display_safe("x\n[G-SAFETY] ok"), "x<U+000A>[G-SAFETY] ok");
        assert_eq!(display_safe("Team Noord"), "Team Noord");
        assert!(display_safe("\u{202e}abc").starts_with("<U+202E>"));
    }
}
