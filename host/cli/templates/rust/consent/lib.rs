//! Region {{name}}'s consent component for wegwijs: for every disclosure the
//! routes need, whether it may go in this region, who must agree and who
//! must be told.
//!
//! The host runs the national guideline's consent checks first and calls
//! [`check`] with the guideline's cards as `reference`, one per request in
//! the same order; the cards [`check`] returns are the ones that stand for
//! signals from the region's gemeenten. They start out as the guideline's
//! own: the reference cards unchanged, each with one reason citing [`RULE`]
//! that says the region agrees. The region's own rules go in
//! [`apply_region_rules`]; the tests in `tests.rs` and the cases in
//! `../cases/` say what they must do.
//!
//! Whatever this returns, the host holds the guideline's floors: a region's
//! card stands only when it is at least as strict as the guideline's
//! (G-CONSENT), so a region can ask for more consent or share less, never
//! the opposite; there must be exactly one card per request, for that
//! request; and a trap, a timeout or an output over the limits is a fault
//! after which the guideline's cards stand (G-NO-DROP).
//!
//! Every sentence is for a JGZ professional, in the language the reader
//! asked for: `config.language()` answers Dutch (the default) or English,
//! `say!(lang, "…", "…")` writes a sentence in both and the kit's glossary
//! (`partner_label`, `consent_term`, …) gives every code its words. A
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
wegwijs_guest::export_stage!(consent: crate::check(child, requests, reference, config));
#[cfg(test)]
mod tests;

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use wegwijs_kit::{consent_term, partner_label};
use wegwijs_types::{ChildCase, ConsentCard, ConsentOutcome, DisclosureRequest, Language, Reason, RegionConfig, say};

/// The rule id of this region's consent rules. Rule ids are upper-case
/// letters, digits and dashes; a region cites ids in its own namespace (add
/// more as rules arrive, e.g. `{{PREFIX}}-SCHOOL`), so every decision shows
/// where and why the region departed from the guideline.
pub const RULE: &str = "{{PREFIX}}-CONSENT";

/// Cited when the host has no guideline cards to pass in, which happens
/// only when the guideline's own consent checks failed for the case.
pub const NO_REFERENCE: &str = "{{PREFIX}}-NO-REFERENCE";

/// Checks every disclosure request of one case for region {{name}}: one
/// card per request, in the same order.
///
/// `child` is the de-identified case (a pseudonym, an age and codes; never a
/// name, BSN, address or birth date), `requests` the disclosures the routes
/// need, `reference` the national guideline's cards for them, and `config`
/// the region's `[config]` table from `region.toml` and the reader's
/// language.
pub fn check(
    child: &ChildCase,
    requests: &[DisclosureRequest],
    reference: Option<&[ConsentCard]>,
    config: &dyn RegionConfig,
) -> Vec<ConsentCard> {
    // The reader's language, read once: every sentence below is written in it.
    let lang = config.language();
    let Some(reference) = reference else {
        return requests.iter().map(|request| without_reference(request, lang)).collect();
    };
    let mut cards = reference.to_vec();
    apply_region_rules(child, config, lang, &mut cards);
    cards
}

/// The region's own consent rules, applied to copies of the guideline's
/// cards.
///
/// A rule reads the case, each card's request and the configuration (for
/// example `config.get("consent.school-needs-youth")`), makes a card
/// stricter (a stricter outcome, more parties whose consent is needed, fewer
/// permitted data categories, a checklist item) and pushes a [`Reason`]
/// citing its rule id on that card, in a sentence a professional can read,
/// in `lang`: `say!(lang, "Dutch {x}", "English {x}")`. Keep one card per
/// request, in order.
///
/// Until the region has rules of its own it agrees with the guideline, and
/// says so on every card.
fn apply_region_rules(_child: &ChildCase, _config: &dyn RegionConfig, lang: Language, cards: &mut [ConsentCard]) {
    for card in cards {
        let recipient = partner_label(card.request.recipient, lang);
        let outcome = consent_term(card.outcome, lang);
        let text = say!(
            lang,
            "Regio {{name}} volgt de landelijke richtlijn voor het delen van gegevens met {recipient}: de kaart is die van de richtlijn, ongewijzigd ({outcome}).",
            "Region {{name}} agrees with the national guideline on this disclosure to {recipient}: the card is the guideline's, unchanged ({outcome})."
        );
        card.reasons.push(Reason::new(RULE, text));
    }
}

/// The card for one request when the host passes no guideline cards: this
/// component only adjusts the guideline's outcomes, so without them nothing
/// may go until a professional has weighed it.
fn without_reference(request: &DisclosureRequest, lang: Language) -> ConsentCard {
    ConsentCard {
        request: request.clone(),
        outcome: ConsentOutcome::ProfessionalJudgement,
        legal_basis: None,
        consent_of: Vec::new(),
        inform: Vec::new(),
        permitted_data: Vec::new(),
        checklist: vec![String::from(lang.pick(
            "De toestemmingsuitkomst van de richtlijn ontbreekt: weeg zelf af of deze gegevens gedeeld mogen worden, voordat je iets deelt.",
            "The guideline's consent result is missing: weigh this disclosure by hand before anything is shared.",
        ))],
        reasons: vec![Reason::new(
            NO_REFERENCE,
            lang.pick(
                "De host gaf geen toestemmingskaart van de richtlijn mee; regio {{name}} past alleen die kaart aan, dus dit delen van gegevens vraagt een professionele afweging.",
                "The host passed no guideline consent card; region {{name}} only adjusts that card, so this disclosure is left to professional judgement.",
            ),
        )],
    }
}
