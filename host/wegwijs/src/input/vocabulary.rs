//! Which codes may leave the host: those in the guideline's vocabulary (the
//! intake and screening components' own tables, linked here natively so the
//! host and the components cannot disagree). A code outside it may be a
//! name, an address or a number typed into a code field, so the host passes
//! only a placeholder naming the entry's position
//! ([`wegwijs_kit::withheld_code`]); the intake and screening components
//! still warn about it (IN-UNKNOWN), in words that point the professional
//! to the EPD, and an unknown acute-unsafety indicator still sets the
//! safety flag (fail safe).
//!
//! Also here: the check that no field reaching a component carries a
//! number that passes the elfproef, which could be a BSN.

use std::collections::BTreeSet;
use std::sync::OnceLock;
use wegwijs_intake::source;
use wegwijs_kit::{is_valid_bsn, withheld_code};

/// Every code some reference component reads from a code list of the case
/// (each component's `codes_read`): concerns, acute indicators and their
/// aliases, risk and protective factors, and the routing tables' own lists
/// (complex school problems, a parent's psychiatric or addiction problems,
/// money and housing). One set for all lists: a vocabulary code in the
/// wrong list identifies no one, and a stage that reads it there (routing
/// reads parents' problems from the risk factors as well) must still see
/// it.
fn vocabulary() -> &'static BTreeSet<&'static str> {
    static CODES: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    CODES.get_or_init(|| {
        wegwijs_intake::codes_read()
            .chain(wegwijs_screening::codes_read())
            .chain(wegwijs_routing::codes_read())
            .collect()
    })
}

/// A list of codes as components may see it: vocabulary codes as they are,
/// every other entry replaced by its placeholder.
pub(crate) fn withhold(codes: &[String]) -> Vec<String> {
    let known = vocabulary();
    codes
        .iter()
        .enumerate()
        .map(|(i, c)| if known.contains(c.as_str()) { c.clone() } else { withheld_code(i) })
        .collect()
}

/// `source.code` as components see it: a source kind or one of its aliases,
/// or the placeholder of a one-entry list.
pub(crate) fn source_code(code: &str) -> String {
    if source::source_kind(code).is_some() { code.to_string() } else { withheld_code(0) }
}

/// Whether `s` contains a run of exactly nine digits that passes the
/// elfproef: a possible BSN, whatever the field is called.
pub(crate) fn holds_possible_bsn(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_digit()).any(is_valid_bsn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_codes_pass_and_others_become_positions() {
        let codes: Vec<String> = ["low-mood", "levi-peters", "anxiety", "nieuwe-binnenweg-50"].map(String::from).into();
        assert_eq!(withhold(&codes), ["low-mood", "withheld-2", "anxiety", "withheld-4"]);
        // Routing reads a parent's problems from the risk factors too.
        assert_eq!(withhold(&["parental-mental-illness".to_string()]), ["parental-mental-illness"]);
        assert_eq!(source_code("intern-begeleider"), "intern-begeleider");
        assert_eq!(source_code("buurtcoach-jan"), "withheld-1");
    }

    #[test]
    fn a_bsn_is_found_inside_a_code() {
        assert!(holds_possible_bsn("111222333"));
        assert!(holds_possible_bsn("bsn-111222333"));
        assert!(!holds_possible_bsn("111222334"), "fails the elfproef");
        assert!(!holds_possible_bsn("1112223330"), "ten digits are not a BSN");
        assert!(!holds_possible_bsn("school-absence"));
    }

    proptest! {
        /// Whatever a code list holds, no entry outside the vocabulary
        /// reaches a component, and the list keeps its length.
        #[test]
        fn nothing_outside_the_vocabulary_leaves_the_host(codes in proptest::collection::vec("[a-z0-9-]{1,20}", 0..8)) {
            let out = withhold(&codes);
            prop_assert_eq!(out.len(), codes.len());
            for (given, passed) in codes.iter().zip(&out) {
                prop_assert!(passed == given && vocabulary().contains(given.as_str())
                    || wegwijs_kit::withheld_position(passed).is_some());
            }
        }
    }
}
