//! The region kit: the guideline vocabulary that must read and behave the
//! same in the reference components, in a region's own components and in
//! the host, so a decision reads alike whoever wrote the stage. Each fact
//! lives here once:
//!
//! - what the stages know about the child ([`CaseFacts`], [`Participants`]);
//! - the glossary: the Dutch and English words for partners, verwijzers,
//!   handlers, actions, levels, urgencies and the other codes ([`partner_label`], …);
//! - cutting and casing text, and what reads as reassurance ([`clip`], [`sentence_case`]);
//! - which characters text from outside may not carry, and showing any
//!   text safely ([`first_forbidden_char`], [`display_safe`]);
//! - where a rule table comes from ([`TableSource`]);
//! - what a code, a gemeentecode and a BSN look like ([`is_code`], …), and
//!   how a code the host withheld is named ([`unknown_code_note`]);
//! - calendar days ([`days_from_civil`], [`civil_from_days`]);
//! - a partner's local name from the region's configuration, and finishing
//!   a region's routing card ([`local_name`], [`finish_region_routing`]).
//!
//! Everything is `no_std` and pure, so a component compiled for WebAssembly
//! links the same code the host runs natively. Region authors in other
//! languages follow the same contract, written down as data in
//! `docs/regions.md`.
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

mod calendar;
mod code;
#[cfg(feature = "toml")]
pub mod config;
#[cfg(test)]
mod documented;
mod facts;
mod glossary;
mod region;
mod safety;
mod source;
mod text;
mod withheld;

pub use calendar::{civil_from_days, days_from_civil};
pub use code::{MAX_CODE_LEN, is_code, is_gemeentecode, is_valid_bsn};
pub use facts::{CaseFacts, Participants};
pub use glossary::{
    action_label, band_term, consent_term, data_term, domain_term, handler_label, level_term, partner_label,
    partner_term, party_label, purpose_term, route_kind_term, route_phrase, source_term, urgency_term, verwijzer_label,
};
pub use region::{
    LOCAL_CONTACT_KEY_SUFFIX, LOCAL_NAME_KEY_PREFIX, LOCAL_NAME_KEY_SUFFIX, LOCAL_NAME_MAX_CHARS, LOCAL_NAME_SEPARATOR,
    SUMMARY_MAX_CHARS, finish_region_routing, local_name, overall_urgency_sentence, recommendation_only,
    region_routing_without_reference, routes_summary,
};
pub use safety::{char_code, display_safe, first_forbidden_char, has_forbidden_char, is_forbidden_char};
pub use source::TableSource;
pub use text::{
    ENGLISH_ONLY_WORDS, REASSURANCE_PHRASES, REASSURANCE_RULES, clip, english_word_in, reads_as_reassurance,
    sentence_case,
};
pub use wegwijs_types::{Language, say};
pub use withheld::{WITHHELD_PREFIX, unknown_code_note, withheld_code, withheld_position};
