//! What counts as a BDS code, and the collector every rule writes its
//! reasons and warnings into (IN-MINIMAL, IN-UNKNOWN).
//!
//! The host strips names, addresses, the BSN and free text before a case
//! reaches a component, and rejects signals whose code fields are not
//! codes. This component checks again with the same rule (the region kit's
//! `is_code`) as a second line of defence: a value that is not shaped like
//! a code is ignored here and never repeated in any output, because a
//! component cannot tell a smuggled name from a typo.

use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_kit::is_code;
use wegwijs_types::{Language, Reason, say};

/// Whether `s` is shaped like a BDS code: a code made of digits only.
///
/// BDS value-set codes are numeric (`01`, `02`, …); a letter in the BDS
/// field means the field carries something else, so it is treated as not a
/// code rather than as an unknown BDS code.
pub fn is_bds_code(s: &str) -> bool {
    is_code(s) && s.bytes().all(|b| b.is_ascii_digit())
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
    /// `effect` says what happened instead, in `lang`.
    pub(crate) fn not_codes(&mut self, field: &str, count: usize, effect: &str, lang: Language) {
        if count == 0 {
            return;
        }
        let text = if count == 1 {
            say!(
                lang,
                "1 waarde in `{field}` heeft niet de vorm van een code (kleine letters, cijfers en streepjes): \
                 {effect}. Hier niet herhaald, omdat het een naam of vrije tekst kan zijn.",
                "1 value in `{field}` is not shaped like a code (lower-case letters, digits and dashes): {effect}. \
                 Not repeated here, because it may be a name or free text."
            )
        } else {
            say!(
                lang,
                "{count} waarden in `{field}` hebben niet de vorm van een code (kleine letters, cijfers en \
                 streepjes): {effect}. Hier niet herhaald, omdat het namen of vrije tekst kunnen zijn.",
                "{count} values in `{field}` are not shaped like a code (lower-case letters, digits and dashes): \
                 {effect}. Not repeated here, because it may be a name or free text."
            )
        };
        self.warn(crate::IN_MINIMAL, text);
    }
}
