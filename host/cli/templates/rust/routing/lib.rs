//! Region {{name}}'s routing component for wegwijs: where a case goes next
//! in this region, how urgently, and with which verwijzer.
//!
//! The host runs the national guideline's routing first and calls [`route`]
//! with the guideline's card as `reference`; the card [`route`] returns is
//! the one that stands for signals from the region's gemeenten. It starts
//! out as the guideline itself: the reference card unchanged, plus one
//! reason citing [`RULE`] that says the region agrees. The region's own
//! rules go in [`apply_region_rules`]; the tests in `tests.rs` and the cases
//! in `../cases/` say what they must do.
//!
//! Whatever this returns, the host holds the guideline's floors: acute
//! unsafety always keeps an immediate Veilig Thuis melding (G-SAFETY), every
//! referral to jeugdhulp carries a verwijzer that may refer (G-AUTHORITY),
//! routes are sorted most urgent first, and a trap, a timeout or an output
//! over the limits is a fault after which the guideline's card stands
//! (G-NO-DROP). The decision records every route the region changed. The
//! host also restates the card's summary and overall urgency from the final
//! routes, and marks a guideline reason left on a route the region moved to
//! another partner as the guideline's reason for its own route, so a card
//! never names a partner its route no longer goes to.
//!
//! Every sentence is for a JGZ professional, in the language the reader
//! asked for: `config.language()` answers Dutch (the default) or English,
//! `say!(lang, "…", "…")` writes a sentence in both and the kit's glossary
//! (`urgency_term`, `partner_label`, …) gives every code its words. A
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
wegwijs_guest::export_stage!(routing: crate::route(child, intake, screening, reference, config));
#[cfg(test)]
mod tests;

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use wegwijs_kit::urgency_term;
use wegwijs_types::{ChildCase, IntakeCard, Language, Reason, RegionConfig, RoutingCard, ScreeningCard, Urgency, say};

/// The rule id of this region's routing rules. Rule ids are upper-case
/// letters, digits and dashes; a region cites ids in its own namespace
/// (add more as rules arrive, e.g. `{{PREFIX}}-HUB`), so every decision shows
/// where and why the region departed from the guideline.
pub const RULE: &str = "{{PREFIX}}-ROUTING";

/// Cited when the host has no guideline card to pass in, which happens only
/// when the guideline's own routing failed for the case.
pub const NO_REFERENCE: &str = "{{PREFIX}}-NO-REFERENCE";

/// Routes one case for region {{name}}.
///
/// `child` is the de-identified case (a pseudonym, an age and codes; never a
/// name, BSN, address or birth date), `intake` and `screening` the cards of
/// the earlier stages, `reference` the national guideline's routing card for
/// this case, and `config` the region's `[config]` table from `region.toml`
/// and the reader's language.
pub fn route(
    child: &ChildCase,
    intake: &IntakeCard,
    screening: &ScreeningCard,
    reference: Option<&RoutingCard>,
    config: &dyn RegionConfig,
) -> RoutingCard {
    // The reader's language, read once: every sentence below is written in it.
    let lang = config.language();
    let Some(reference) = reference else {
        return without_reference(lang);
    };
    let mut card = reference.clone();
    apply_region_rules(child, intake, screening, config, lang, &mut card);
    card
}

/// The region's own routing rules, applied to a copy of the guideline's card.
///
/// A rule reads the case, the earlier cards and the configuration (for
/// example `config.get("partners.wijkteam.name")`), changes `card` (adds,
/// drops or changes routes, sets `local_name`, changes the urgency) and
/// pushes a [`Reason`] citing its rule id on every route it changed and on
/// the card, in a sentence a professional can read, in `lang`:
/// `say!(lang, "Dutch {x}", "English {x}")`. Keep the routes most
/// urgent first, give every route to jeugdhulp a verwijzer, and leave the
/// Veilig Thuis routes alone: the host restores them anyway.
///
/// Until the region has rules of its own it agrees with the guideline, and
/// says so on the card.
fn apply_region_rules(
    _child: &ChildCase,
    _intake: &IntakeCard,
    _screening: &ScreeningCard,
    _config: &dyn RegionConfig,
    lang: Language,
    card: &mut RoutingCard,
) {
    // "route" and "routes" are the same word in Dutch and English.
    let routes = match card.routes.len() {
        1 => String::from("1 route"),
        n => format!("{n} routes"),
    };
    let urgency = urgency_term(card.urgency, lang);
    card.reasons.push(Reason::new(
        RULE,
        say!(
            lang,
            "Regio {{name}} volgt voor deze casus de routering van de landelijke richtlijn: de kaart is die van de richtlijn, ongewijzigd ({routes}, urgentie: {urgency}).",
            "Region {{name}} agrees with the national guideline's routing for this case: the card is the guideline's, unchanged ({routes}, urgency: {urgency})."
        ),
    ));
}

/// The card when the host passes no guideline card: this component only
/// adjusts the guideline's routes, so without them it proposes none and
/// asks for the case to be routed by hand.
fn without_reference(lang: Language) -> RoutingCard {
    RoutingCard {
        routes: Vec::new(),
        one_plan: false,
        care_coordinator: None,
        urgency: Urgency::NextContact,
        summary: String::from(lang.pick(
            "Geen routes: de routering van de richtlijn ontbreekt; bepaal zelf waar deze casus heen gaat.",
            "No routes: the guideline's routing result is missing; route this case by hand.",
        )),
        warnings: vec![Reason::new(
            NO_REFERENCE,
            lang.pick(
                "De host gaf geen routeringskaart van de richtlijn mee; regio {{name}} past alleen die kaart aan en stelt daarom geen route voor. Bepaal zelf waar deze casus heen gaat.",
                "The host passed no guideline routing card; region {{name}} only adjusts that card, so it proposes no route. Route this case by hand.",
            ),
        )],
        reasons: Vec::new(),
    }
}
