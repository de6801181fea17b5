//! The reference intake stage of wegwijs: the national JGZ guideline defaults
//! (guideline brief §1) for normalising one signal, as a plain `no_std` Rust
//! library.
//!
//! [`assess`] turns the de-identified, coded [`ChildCase`] into an
//! [`IntakeCard`]: the source normalised with its BDS initiator code
//! ([`source`], IN-SOURCE), the age band ([`age`], IN-AGE), the concern
//! domains ([`domains`], IN-DOMAIN), the acute-unsafety flag ([`safety`],
//! IN-SAFETY) and the kindcheck ([`kindcheck`], IN-KINDCHECK). Unknown codes
//! are kept as warnings (IN-UNKNOWN); values not shaped like codes are never
//! echoed (IN-MINIMAL, [`is_code`]). A signal is never rejected here: the
//! host rejects what cannot be about one child, everything else gets a card.
//!
//! The vocabularies are versioned data tables in the rule modules; the logic
//! only looks codes up in them, so a vocabulary change is a table change.
//! [`vocabulary::vocabulary_markdown`] renders them as the `VOCABULARY.md`
//! the host links to.
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

pub mod age;
pub mod code;
pub mod domains;
pub mod kindcheck;
pub mod safety;
pub mod source;
pub mod vocabulary;

// The WebAssembly export, only built for wasm32 (see `wegwijs_guest::export_stage!`).
// This is the guideline itself, so it takes no reference card.
#[cfg(target_arch = "wasm32")]
wegwijs_guest::export_stage!(intake: crate::assess(child));

#[cfg(test)]
mod tests;

pub use wegwijs_kit::{TableSource, is_code};

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{AgeBand, ChildCase, Domain, IntakeCard, IntakeOutcome, SourceKind};

/// Rule id: who raised the signal, and the BDS initiator code.
pub const IN_SOURCE: &str = "IN-SOURCE";
/// Rule id: age and age band.
pub const IN_AGE: &str = "IN-AGE";
/// Rule id: concern domains.
pub const IN_DOMAIN: &str = "IN-DOMAIN";
/// Rule id: acute-unsafety flag.
pub const IN_SAFETY: &str = "IN-SAFETY";
/// Rule id: kindcheck from adult care.
pub const IN_KINDCHECK: &str = "IN-KINDCHECK";
/// Rule id: unknown codes are kept as warnings.
pub const IN_UNKNOWN: &str = "IN-UNKNOWN";
/// Rule id: only a pseudonym and coded data.
pub const IN_MINIMAL: &str = "IN-MINIMAL";

/// Every rule id this component cites, in the order reasons appear on the
/// card. IN-UNKNOWN only ever appears among the warnings.
pub const RULE_IDS: &[&str] = &[IN_SOURCE, IN_AGE, IN_DOMAIN, IN_SAFETY, IN_KINDCHECK, IN_UNKNOWN, IN_MINIMAL];

/// Every code this component reads from a code list of the case: the
/// concerns, the acute-unsafety indicators and their aliases. The host lets
/// only the codes its reference components read reach any component
/// (`host/wegwijs/src/input/vocabulary.rs`): anything else in a code list
/// may be a name or a number typed into the wrong field. A table that
/// gains a code here therefore gains it there, with nothing to remember.
pub fn codes_read() -> impl Iterator<Item = &'static str> {
    domains::CONCERNS
        .iter()
        .map(|c| c.code)
        .chain(safety::ACUTE_INDICATORS.iter().map(|(a, _)| a.name()))
        .chain(safety::ACUTE_ALIASES.iter().map(|(alias, _)| *alias))
}

/// Assesses one case along the brief's §1 and returns the intake card.
///
/// Never panics and never rejects: every input, however malformed, yields a
/// card, with anything odd reported as a warning. Reasons come in the order
/// IN-SOURCE, IN-AGE, IN-DOMAIN, IN-SAFETY, IN-KINDCHECK, IN-MINIMAL;
/// warnings follow the same order.
pub fn assess(case: &ChildCase) -> IntakeCard {
    let src = source::normalise(&case.source);
    let recognised = domains::recognise(&case.concerns);
    let safety_concern = recognised.concerns.iter().any(|c| c.domain == Domain::Safety);
    let acute = safety::check(&case.safety_indicators, safety_concern);
    let closing = kindcheck::closes(case.kindcheck.as_ref(), case.age.as_ref(), acute.flag);
    let age = age::classify(case.age.as_ref(), closing);
    let kc = kindcheck::check(case.kindcheck.as_ref(), src.kind, case.age.as_ref(), acute.flag);
    let extra = domains::ExtraDomains { safety: acute.flag, kindcheck: kc.children.is_some_and(|n| n > 0) };
    let (card_domains, domain_notes) = domains::collect(&recognised.concerns, extra);

    let mut minimal = code::Notes::default();
    minimal.reason(
        IN_MINIMAL,
        String::from(
            "This component received a pseudonym and coded data only: names, addresses, the BSN, the birth date and \
             free text stayed with the host.",
        ),
    );

    let summary = summary(src.kind, &age, &card_domains, acute.flag, &kc);

    // Fixed rule order, whatever order the rules had to run in.
    let parts = [src.notes, age.notes, recognised.notes, domain_notes, acute.notes, kc.notes, minimal];
    let mut reasons = Vec::new();
    let mut warnings = Vec::new();
    for notes in parts {
        reasons.extend(notes.reasons);
        warnings.extend(notes.warnings);
    }

    IntakeCard {
        outcome: kc.outcome,
        source: src.kind,
        bds_code: src.bds,
        age_band: age.band,
        age_months: age.months,
        domains: card_domains,
        concerns: recognised.concerns,
        safety_flag: acute.flag,
        acute_indicators: acute.indicators,
        kindcheck_children: kc.children,
        summary,
        warnings,
        reasons,
    }
}

/// One line for the card, e.g. `Signal from intern-begeleider about a child
/// of 8 years (4–12): psychosocial, school`.
fn summary(
    source: SourceKind,
    age: &age::AgeResult,
    domains: &[Domain],
    safety_flag: bool,
    kc: &kindcheck::KindcheckResult,
) -> String {
    if kc.outcome == IntakeOutcome::Closed {
        return format!("Kindcheck from {source} without children present: closed with reason, not routed");
    }
    let who = match (age.band, age.years, age.months) {
        (Some(AgeBand::Prenatal), _, _) => String::from("an unborn child (prenatal)"),
        (Some(band), Some(years), Some(months)) if years < 2 => {
            format!("a child of {months} months ({})", age::band_label(band))
        }
        (Some(band), Some(years), _) => format!("a child of {years} years ({})", age::band_label(band)),
        (None, Some(years), _) => format!("a person of {years} years (outside 0–{})", age::AGE_LIMIT_YEARS),
        _ => String::from("a child of unknown age"),
    };
    let what = if domains.is_empty() {
        String::from("no recognised concern")
    } else {
        domains.iter().map(|d| d.name()).collect::<Vec<_>>().join(", ")
    };
    let mut line = format!("Signal from {source} about {who}: {what}");
    if let Some(n) = kc.children.filter(|n| *n > 0) {
        line.push_str(&format!("; kindcheck: {n} {}", if n == 1 { "child" } else { "children" }));
    }
    if safety_flag {
        line.push_str("; ACUTE UNSAFETY: meldcode track in parallel");
    }
    line
}
