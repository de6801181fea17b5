//! IN-UNKNOWN: unknown codes are kept in warnings, never dropped, never
//! a rejection.

use super::{assess, case, codes, warns};
use crate::IN_UNKNOWN;
use alloc::vec;
use wegwijs_types::{Domain, IntakeOutcome, SourceKind};

#[test]
fn unknown_source_becomes_other_and_keeps_the_code() {
    let mut c = case();
    c.source.code = "buurtcoach".into();
    let card = assess(&c);
    assert_eq!(card.source, SourceKind::Other);
    assert_eq!(card.bds_code, None);
    assert!(warns(&card, IN_UNKNOWN, "`buurtcoach`"));
    assert!(card.warnings.iter().all(|w| w.rule == IN_UNKNOWN));
}

#[test]
fn every_unknown_concern_is_kept_once() {
    let mut c = case();
    c.concerns = codes(&["screen-time-excess", "peer-problems", "gaming", "screen-time-excess"]);
    let card = assess(&c);
    assert_eq!(card.outcome, IntakeOutcome::Accepted);
    assert_eq!(card.domains, vec![Domain::Psychosocial]);
    assert!(warns(&card, IN_UNKNOWN, "`screen-time-excess`"));
    assert!(warns(&card, IN_UNKNOWN, "`gaming`"));
    assert_eq!(card.warnings.iter().filter(|w| w.rule == IN_UNKNOWN).count(), 2);
}

#[test]
fn a_case_of_nothing_but_unknowns_is_still_accepted() {
    let mut c = case();
    c.age = None;
    c.source.code = "x".into();
    c.source.bds_code = Some("99".into());
    c.concerns = codes(&["y"]);
    c.safety_indicators = codes(&["z"]);
    let card = assess(&c);
    assert_eq!(card.outcome, IntakeOutcome::Accepted);
    assert!(card.safety_flag);
    for code in ["`x`", "`99`", "`y`", "`z`", "age of the child is unknown"] {
        assert!(warns(&card, IN_UNKNOWN, code), "{code}");
    }
}
