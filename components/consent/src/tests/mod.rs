//! Native tests of the consent rules: one module per concern, sharing the
//! case and request builders below.

use crate::check;
use alloc::vec::Vec;
use wegwijs_types::{
    AgeSinceBirth, ChildAge, ChildCase, ConsentCard, ConsentRecord, DataCategory, DisclosureRequest, Handler,
    MeldcodeInput, Partner, Party, Purpose, SourceCode,
};

mod age;
mod language;
mod props;
mod rules;
mod tables;

/// A case of a child of `years` whole years, with nothing else recorded.
fn case(years: u8) -> ChildCase {
    let source = SourceCode { code: "parent".into(), bds_code: None };
    ChildCase::new("p-test", Some(born(years)), source, Handler::Jeugdarts)
}

/// An exact age of `years` whole years.
fn born(years: u8) -> ChildAge {
    ChildAge::Born(AgeSinceBirth { months: u16::from(years) * 12, years })
}

fn req(recipient: Partner, purpose: Purpose, data: &[DataCategory]) -> DisclosureRequest {
    DisclosureRequest { recipient, purpose, data: data.to_vec() }
}

fn record(party: Party, recipient: Partner, given: bool) -> ConsentRecord {
    ConsentRecord { party, recipient, given }
}

fn meldcode(suspicion: bool, parents_told: Option<bool>, telling_endangers: bool) -> MeldcodeInput {
    MeldcodeInput {
        suspicion,
        structural_unsafety: false,
        help_possible: None,
        help_accepted: None,
        help_effective: None,
        parents_told,
        telling_endangers,
    }
}

/// The single card for a single request.
fn one(c: &ChildCase, r: DisclosureRequest) -> ConsentCard {
    let mut cards = check(c, &[r]);
    assert_eq!(cards.len(), 1);
    cards.remove(0)
}

fn cites(card: &ConsentCard, rule: &str) -> bool {
    card.reasons.iter().any(|r| r.rule == rule)
}

/// The text of the first reason citing `rule`, or "" when there is none.
fn reason<'a>(card: &'a ConsentCard, rule: &str) -> &'a str {
    card.reasons.iter().find(|r| r.rule == rule).map_or("", |r| r.text.as_str())
}

/// A referral to jeugd-GGZ: the plain CS-DEFAULT request.
fn referral() -> DisclosureRequest {
    use DataCategory as C;
    req(Partner::JeugdGgz, Purpose::Referral, &[C::ContactDetails, C::ConcernSummary, C::ScreeningResult])
}
