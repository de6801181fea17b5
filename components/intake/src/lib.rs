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
//! Every text for people (the summary, the reasons, the warnings) is written
//! in the language the reader asked for, Dutch or English
//! ([`RegionConfig::language`], read once in [`assess`] and passed to every
//! rule). Codes, rule ids and enum values are the same in both languages;
//! a code inside a Dutch sentence stands in `backticks`.
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
// This is the guideline itself, so it takes no reference card; the
// configuration only tells it the reader's language.
#[cfg(target_arch = "wasm32")]
wegwijs_guest::export_stage!(intake: crate::assess(child, config));

#[cfg(test)]
mod tests;

pub use wegwijs_kit::{TableSource, is_code};

use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_kit::{domain_term, source_term};
use wegwijs_types::{AgeBand, ChildCase, Domain, IntakeCard, IntakeOutcome, Language, RegionConfig, SourceKind, say};

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
        .chain(safety::ACUTE_INDICATORS.iter().map(|row| row.indicator.name()))
        .chain(safety::ACUTE_ALIASES.iter().map(|(alias, _)| *alias))
}

/// Assesses one case along the brief's §1 and returns the intake card.
///
/// Never panics and never rejects: every input, however malformed, yields a
/// card, with anything odd reported as a warning. Reasons come in the order
/// IN-SOURCE, IN-AGE, IN-DOMAIN, IN-SAFETY, IN-KINDCHECK, IN-MINIMAL;
/// warnings follow the same order.
///
/// `config` is read for one thing only: the reader's language
/// ([`RegionConfig::language`]), in which the summary, the reasons and the
/// warnings are written. Everything else on the card is the same in every
/// language.
pub fn assess(case: &ChildCase, config: &dyn RegionConfig) -> IntakeCard {
    let lang = config.language();
    let src = source::normalise(&case.source, lang);
    let recognised = domains::recognise(&case.concerns, lang);
    let safety_concern = recognised.concerns.iter().any(|c| c.domain == Domain::Safety);
    let acute = safety::check(&case.safety_indicators, safety_concern, lang);
    let closing = kindcheck::closes(case.kindcheck.as_ref(), case.age.as_ref(), acute.flag);
    let age = age::classify(case.age.as_ref(), closing, lang);
    let kc = kindcheck::check(case.kindcheck.as_ref(), src.kind, case.age.as_ref(), acute.flag, lang);
    let extra = domains::ExtraDomains { safety: acute.flag, kindcheck: kc.children.is_some_and(|n| n > 0) };
    let (card_domains, domain_notes) = domains::collect(&recognised.concerns, extra, lang);

    let mut minimal = code::Notes::default();
    minimal.reason(
        IN_MINIMAL,
        say!(
            lang,
            "Deze component kreeg alleen een pseudoniem en gecodeerde gegevens: namen, adressen, het BSN, de \
             geboortedatum en vrije tekst bleven bij de host.",
            "This component received a pseudonym and coded data only: names, addresses, the BSN, the birth date \
             and free text stayed with the host."
        ),
    );

    let summary = summary(src.kind, &age, &card_domains, acute.flag, &kc, lang);

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

/// One line for the card in `lang`, e.g. `Signal from intern-begeleider
/// about a child of 8 years (4–12): psychosocial, school` or `Signaal van
/// intern begeleider over een kind van 8 jaar (4–12): psychosociaal, school`.
fn summary(
    source: SourceKind,
    age: &age::AgeResult,
    domains: &[Domain],
    safety_flag: bool,
    kc: &kindcheck::KindcheckResult,
    lang: Language,
) -> String {
    // English names the source by its code, Dutch by the field's term.
    let from = source_term(source, lang);
    if kc.outcome == IntakeOutcome::Closed {
        return say!(
            lang,
            "Kindcheck (melder: {from}) zonder kinderen: afgesloten met reden, niet doorgeleid",
            "Kindcheck from {source} without children present: closed with reason, not routed"
        );
    }
    let limit = age::AGE_LIMIT_YEARS;
    let who = match (age.band, age.years, age.months) {
        (Some(AgeBand::Prenatal), _, _) => {
            String::from(lang.pick("een ongeboren kind (prenataal)", "an unborn child (prenatal)"))
        }
        (Some(band), Some(years), Some(months)) if years < 2 => {
            let label = age::band_label(band);
            let maanden = if months == 1 { "maand" } else { "maanden" };
            say!(lang, "een kind van {months} {maanden} ({label})", "a child of {months} months ({label})")
        }
        (Some(band), Some(years), _) => {
            let label = age::band_label(band);
            say!(lang, "een kind van {years} jaar ({label})", "a child of {years} years ({label})")
        }
        (None, Some(years), _) => {
            say!(lang, "iemand van {years} jaar (buiten 0–{limit})", "a person of {years} years (outside 0–{limit})")
        }
        _ => String::from(lang.pick("een kind van onbekende leeftijd", "a child of unknown age")),
    };
    let what = if domains.is_empty() {
        String::from(lang.pick("geen herkende zorgcode", "no recognised concern"))
    } else {
        let names: Vec<&str> = match lang {
            Language::Nl => domains.iter().map(|d| domain_term(*d, lang)).collect(),
            Language::En => domains.iter().map(|d| d.name()).collect(),
        };
        names.join(", ")
    };
    let mut line = say!(lang, "Signaal van {from} over {who}: {what}", "Signal from {source} about {who}: {what}");
    if let Some(n) = kc.children.filter(|n| *n > 0) {
        let children = if n == 1 { lang.pick("kind", "child") } else { lang.pick("kinderen", "children") };
        line.push_str(&say!(lang, "; kindcheck: {n} {children}", "; kindcheck: {n} {children}"));
    }
    if safety_flag {
        line.push_str(lang.pick(
            "; ACUTE ONVEILIGHEID: meldcodetraject loopt gelijk op",
            "; ACUTE UNSAFETY: meldcode track in parallel",
        ));
    }
    line
}
