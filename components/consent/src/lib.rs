//! The reference consent stage of wegwijs: the national defaults for deciding,
//! per proposed disclosure, whether information may go to a recipient for a
//! purpose and who must agree first, as a plain `no_std` Rust library
//! (guideline brief §3, rules CS-*).
//!
//! [`check`] answers each [`DisclosureRequest`] with a [`ConsentCard`], in
//! the same order. The purpose decides the rule ([`tables::PURPOSES`]); the
//! child's age decides whose consent counts and who is informed
//! ([`tables::AGE_RULES`], CS-AGE), except for a parent's own care, where
//! the parent consents for themself (CS-OWN-CARE), and a Verwijsindex
//! signal, which needs no consent and informs by its own table
//! ([`tables::VIR_INFORM`], CS-VIR); recorded consents decide whether a
//! disclosure that needs consent may go; a refusal while the child's safety
//! is at stake is never decided automatically (CS-CONFLICT); and every permit
//! names only the data the recipient needs (CS-MINIMAL). The result is a
//! recommendation: nothing is sent anywhere (G-HUMAN).
//!
//! Every text on a card (reasons, the checklist, the legal basis) is
//! written in the language the reader asked for: [`check_with`] reads
//! `config.language()` once and every sentence of the case follows it, Dutch
//! for a Dutch JGZ professional or English; outcomes, parties, data
//! categories and rule ids are the same in both. [`check`] writes English,
//! as every configuration without a language does.
//!
//! The guideline knowledge is data in [`tables`]; the private modules only
//! read it. [`check`] never panics: the requests may come from a region's
//! routing component, which may be buggy.
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

mod age;
mod decide;
mod facts;
mod minimal;
pub mod tables;
mod text;

// The WebAssembly export, only built for wasm32 (see `wegwijs_guest::export_stage!`).
// This is the guideline itself, so it takes no reference card.
#[cfg(target_arch = "wasm32")]
wegwijs_guest::export_stage!(consent: crate::check_with(child, requests, config));

#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use wegwijs_types::{ChildCase, ConsentCard, DisclosureRequest, NoConfig, RegionConfig};

pub use tables::{
    AGE_RULES, CONFLICT_CHECKLIST, JEUGDWET, JEUGDWET_VIR, KNMG, MELDCODE, OWN_CARE_CONSENT, PURPOSES, VIR_INFORM,
    WGBO, WMO, Wording,
};

/// Every rule id this component cites in its reasons.
pub const RULE_IDS: &[&str] = &[
    "CS-AGE",
    "CS-DIRECT",
    "CS-REFERRAL",
    "CS-SCHOOL",
    "CS-VT-ADVICE",
    "CS-VT-MELDING",
    "CS-GI",
    "CS-VIR",
    "CS-OWN-CARE",
    "CS-CONFLICT",
    "CS-DEFAULT",
    "CS-MINIMAL",
];

/// Checks every proposed disclosure of a case: one card per request, in the
/// same order, its texts in English. The same as [`check_with`] with a
/// configuration that does not name a language ([`NoConfig`]), for native
/// callers that compare outcomes only.
pub fn check(case: &ChildCase, requests: &[DisclosureRequest]) -> Vec<ConsentCard> {
    check_with(case, requests, &NoConfig)
}

/// Checks every proposed disclosure of a case: one card per request, in the
/// same order, every text in the language `config` answers
/// ([`RegionConfig::language`]). Reads the case's age, youth objection to
/// informing parents, recorded consents, whether the family agrees to a
/// referral, GI involvement, meldcode progress and safety indicators, and of
/// the configuration only the language; nothing else.
pub fn check_with(case: &ChildCase, requests: &[DisclosureRequest], config: &dyn RegionConfig) -> Vec<ConsentCard> {
    let lang = config.language();
    // Who consents depends on the child, not on the request: work it out once.
    let who = age::Consenters::for_case(case, lang);
    let facts = facts::Facts::of(case, lang);
    requests.iter().map(|r| decide::card(&facts, &who, r)).collect()
}
