//! Region {{name}}'s intake component for wegwijs: how a signal is read in
//! this region (its source, age band, concern domains and safety flag), and
//! whether it is accepted for screening.
//!
//! The host runs the national guideline's intake first and calls [`assess`]
//! with the guideline's card as `reference`; the card [`assess`] returns is
//! the one that stands for signals from the region's gemeenten. It starts
//! out as the guideline itself: the reference card unchanged, plus one
//! reason citing [`RULE`] that says the region agrees. The region's own
//! rules go in [`apply_region_rules`]; the tests in `tests.rs` and the cases
//! in `../cases/` say what they must do.
//!
//! Whatever this returns, the host holds the guideline's floors: a signal
//! the guideline accepts cannot be closed by the region (G-NO-DROP), acute
//! unsafety in the signal or seen by the guideline's intake always leads to
//! an immediate Veilig Thuis melding even if the region clears the safety
//! flag (G-SAFETY), and a trap, a timeout or an output over the limits is a
//! fault after which the guideline's card stands.
//!
//! Every sentence is for a JGZ professional, in the language the reader
//! asked for: `config.language()` answers Dutch (the default) or English,
//! `say!(lang, "…", "…")` writes a sentence in both and the kit's glossary
//! (`domain_term`, `partner_label`, …) gives every code its words. A
//! component may instead write one language only and declare it in
//! `region.toml` (`[region] language = "en"`); the card then tells the
//! reader which texts are in which language.
//!
//! The crate is `no_std`, so the same code runs natively under `cargo test`
//! and inside the component, which may import nothing but the host's `log`,
//! `config` and `language`: no files, clocks, randomness or printing.
#![no_std]

extern crate alloc;

// The WebAssembly export, only built for wasm32: the guest SDK converts the
// host's arguments to the model types, passes the ones named below to the
// function, in that order, and converts its card back. The SDK's
// `export_stage!` documentation lists every name a stage offers.
#[cfg(target_arch = "wasm32")]
wegwijs_guest::export_stage!(intake: crate::assess(child, reference, config));
#[cfg(test)]
mod tests;

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use wegwijs_kit::domain_term;
use wegwijs_types::{ChildCase, IntakeCard, IntakeOutcome, Language, Reason, RegionConfig, SourceKind, say};

/// The rule id of this region's intake rules. Rule ids are upper-case
/// letters, digits and dashes; a region cites ids in its own namespace (add
/// more as rules arrive, e.g. `{{PREFIX}}-LOCAL-CODES`), so every decision
/// shows where and why the region departed from the guideline.
pub const RULE: &str = "{{PREFIX}}-INTAKE";

/// Cited when the host has no guideline card to pass in, which happens only
/// when the guideline's own intake failed for the case.
pub const NO_REFERENCE: &str = "{{PREFIX}}-NO-REFERENCE";

/// Assesses one signal for region {{name}}.
///
/// `child` is the de-identified case (a pseudonym, an age and codes; never a
/// name, BSN, address or birth date), `reference` the national guideline's
/// intake card for this case, and `config` the region's `[config]` table
/// from `region.toml` and the reader's language.
pub fn assess(child: &ChildCase, reference: Option<&IntakeCard>, config: &dyn RegionConfig) -> IntakeCard {
    // The reader's language, read once: every sentence below is written in it.
    let lang = config.language();
    let Some(reference) = reference else {
        return without_reference(child, lang);
    };
    let mut card = reference.clone();
    apply_region_rules(child, config, lang, &mut card);
    card
}

/// The region's own intake rules, applied to a copy of the guideline's card.
///
/// A rule reads the case and the configuration (for example
/// `config.get("intake.extra-domains")`), changes `card` (recognises a local
/// concern code, adds a domain, adds a warning) and pushes a [`Reason`]
/// citing its rule id, in a sentence a professional can read, in `lang`:
/// `say!(lang, "Dutch {x}", "English {x}")`. Keep `domains` in canonical
/// order without duplicates.
///
/// Until the region has rules of its own it agrees with the guideline, and
/// says so on the card.
fn apply_region_rules(_child: &ChildCase, _config: &dyn RegionConfig, lang: Language, card: &mut IntakeCard) {
    let outcome = match card.outcome {
        IntakeOutcome::Accepted => lang.pick("signaal aangenomen", "signal accepted"),
        IntakeOutcome::Closed => lang.pick("signaal afgesloten", "signal closed"),
    };
    let domains = match card.domains.as_slice() {
        [] => String::from(lang.pick("geen domein", "no domain")),
        [domain] => {
            let term = domain_term(*domain, lang);
            say!(lang, "domein: {term}", "domain: {term}")
        }
        more => {
            let terms: Vec<&str> = more.iter().map(|d| domain_term(*d, lang)).collect();
            let terms = terms.join(", ");
            say!(lang, "domeinen: {terms}", "domains: {terms}")
        }
    };
    card.reasons.push(Reason::new(
        RULE,
        say!(
            lang,
            "Regio {{name}} volgt voor deze casus de intake van de landelijke richtlijn: de kaart is die van de richtlijn, ongewijzigd ({outcome}; {domains}).",
            "Region {{name}} agrees with the national guideline's intake for this case: the card is the guideline's, unchanged ({outcome}; {domains})."
        ),
    ));
}

/// The card when the host passes no guideline card: this component only
/// adjusts the guideline's intake, so without it the signal is accepted as
/// it came (never closed), with the safety flag set whenever the signal
/// names an acute indicator, and a warning to assess it by hand.
fn without_reference(child: &ChildCase, lang: Language) -> IntakeCard {
    IntakeCard {
        outcome: IntakeOutcome::Accepted,
        source: SourceKind::Other,
        bds_code: None,
        age_band: None,
        age_months: None,
        domains: Vec::new(),
        concerns: Vec::new(),
        safety_flag: !child.safety_indicators.is_empty(),
        acute_indicators: Vec::new(),
        kindcheck_children: None,
        summary: String::from(lang.pick(
            "Aangenomen zonder de intake van de richtlijn; beoordeel dit signaal zelf.",
            "Accepted without the guideline's intake result; assess this signal by hand.",
        )),
        warnings: vec![Reason::new(
            NO_REFERENCE,
            lang.pick(
                "De host gaf geen intakekaart van de richtlijn mee; regio {{name}} past alleen die kaart aan en neemt het signaal daarom aan zoals het binnenkwam. Beoordeel het zelf.",
                "The host passed no guideline intake card; region {{name}} only adjusts that card, so it accepts the signal as it came. Assess it by hand.",
            ),
        )],
        reasons: Vec::new(),
    }
}
