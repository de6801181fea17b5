//! What counts as a code, where a table comes from, and the collector every
//! rule writes its reasons and warnings into (IN-MINIMAL, IN-UNKNOWN).
//!
//! The host strips names, addresses, the BSN and free text before a case
//! reaches a component, and rejects signals whose code fields are not
//! codes. This module is the second line of defence: a value that is not
//! shaped like a code is ignored here and never repeated in any output,
//! because a component cannot tell a smuggled name from a typo.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::Reason;

/// Longest code accepted, in bytes (the host enforces the same limit).
pub const MAX_CODE_LEN: usize = 64;

/// Whether `s` is shaped like a vocabulary code: 1–64 bytes of lower-case
/// ASCII letters, digits and dashes (IN-MINIMAL).
///
/// Only values that pass this test are ever echoed in a warning or reason;
/// anything else might be a name or free text.
pub fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_CODE_LEN
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `s` is shaped like a BDS code: a code made of digits only.
///
/// BDS value-set codes are numeric (`01`, `02`, …); a letter in the BDS
/// field means the field carries something else, so it is treated as not a
/// code rather than as an unknown BDS code.
pub fn is_bds_code(s: &str) -> bool {
    is_code(s) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Provenance of a vocabulary table: which vocabulary or guideline it
/// follows, and which version. Every table in this crate carries one, so a
/// reason can always be traced to the data that produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSource {
    /// Name of the vocabulary or guideline the table follows.
    pub name: &'static str,
    /// Version of that vocabulary or guideline.
    pub version: &'static str,
}

impl TableSource {
    /// `name version`, as cited in reasons and in `VOCABULARY.md`.
    pub fn cite(&self) -> String {
        format!("{} {}", self.name, self.version)
    }
}

/// Reasons and warnings one rule produced. Each rule fills its own, and
/// [`crate::assess`] concatenates them in the fixed rule order, so the
/// order of the card does not depend on the order the rules ran in.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    pub(crate) reasons: Vec<Reason>,
    pub(crate) warnings: Vec<Reason>,
}

impl Notes {
    pub(crate) fn reason(&mut self, rule: &str, text: String) {
        self.reasons.push(Reason::new(rule, text));
    }

    pub(crate) fn warn(&mut self, rule: &str, text: String) {
        self.warnings.push(Reason::new(rule, text));
    }

    /// Warns that `count` values of `field` were not codes, without
    /// repeating them: they may be a name or free text (IN-MINIMAL).
    pub(crate) fn not_codes(&mut self, field: &str, count: usize, effect: &str) {
        if count == 0 {
            return;
        }
        let what = if count == 1 { String::from("1 value") } else { format!("{count} values") };
        self.warn(
            crate::IN_MINIMAL,
            format!(
                "{what} in `{field}` {} not shaped like a code (lower-case letters, digits and dashes): {effect}. \
                 Not repeated here, because it may be a name or free text.",
                if count == 1 { "is" } else { "are" }
            ),
        );
    }
}
