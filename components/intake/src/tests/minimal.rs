//! IN-MINIMAL: always cited; values not shaped like codes are ignored and
//! never echoed.

use super::{assess, case, cites, codes, reason, warns};
use crate::{IN_MINIMAL, is_code};
use alloc::string::String;
use wegwijs_types::SourceKind;

#[test]
fn is_code_accepts_exactly_short_kebab_codes() {
    for ok in ["a", "anxiety", "poh-jeugd", "01", "x-1-y", "-", &"a".repeat(64)] {
        assert!(is_code(ok), "{ok:?}");
    }
    for bad in ["", "Anxiety", "low mood", "ç", "a_b", "a.b", "jan@example.nl", "\n", &"a".repeat(65)] {
        assert!(!is_code(bad), "{bad:?}");
    }
    assert!(crate::code::is_bds_code("01"));
    assert!(!crate::code::is_bds_code("o1"));
}

#[test]
fn always_states_that_only_coded_data_was_received() {
    let card = assess(&case());
    assert!(cites(&card, IN_MINIMAL));
    assert!(reason(&card, IN_MINIMAL).contains("pseudonym and coded data only"));
    assert_eq!(card.reasons.last().map(|r| r.rule.as_str()), Some(IN_MINIMAL));
}

#[test]
fn non_codes_are_ignored_without_echo_in_every_field() {
    let mut c = case();
    c.source.code = "Mevrouw Jansen".into();
    c.source.bds_code = Some("Kanaalweg 7".into());
    c.concerns = codes(&["Jan de Vries slaat", "anxiety", "BSN 860913909"]);
    let card = assess(&c);
    assert_eq!(card.source, SourceKind::Other);
    // The BDS field held something else: the derived code (none for `other`) is used.
    assert_eq!(card.bds_code, None);
    assert_eq!(card.concerns.len(), 1);
    assert!(warns(&card, IN_MINIMAL, "`source.code`"));
    assert!(warns(&card, IN_MINIMAL, "`source.bds-code`"));
    assert!(warns(&card, IN_MINIMAL, "2 values in `concerns`"));
    let all: String = card.reasons.iter().chain(&card.warnings).map(|r| r.text.as_str()).collect();
    for secret in ["Jansen", "Kanaalweg", "Vries", "860913909"] {
        assert!(!all.contains(secret) && !card.summary.contains(secret), "{secret} echoed");
    }
}

#[test]
fn a_non_code_bds_value_falls_back_to_the_derived_code() {
    let mut c = case();
    c.source.code = "leerkracht".into();
    c.source.bds_code = Some("school".into());
    let card = assess(&c);
    assert_eq!(card.bds_code.as_deref(), Some("01"));
    assert!(warns(&card, IN_MINIMAL, "`source.bds-code`"));
}
