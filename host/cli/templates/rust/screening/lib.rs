//! Region {{name}}'s screening component for wegwijs: how serious a case is
//! in this region (risk card, instruments, overall level) and which rung of
//! the action ladder it takes.
//!
//! The host runs the national guideline's screening first and calls
//! [`screen`] with the guideline's card as `reference`; the card [`screen`]
//! returns is the one that stands for signals from the region's gemeenten.
//! It starts out as the guideline itself: the reference card unchanged, plus
//! one reason citing [`RULE`] that says the region agrees. The region's own
//! rules go in [`apply_region_rules`]; the tests in `tests.rs` and the cases
//! in `../cases/` say what they must do.
//!
//! Whatever this returns, the host holds the guideline's floors downstream:
//! acute unsafety always leads to an immediate Veilig Thuis melding
//! (G-SAFETY), every referral to jeugdhulp carries a verwijzer that may
//! refer (G-AUTHORITY), and a trap, a timeout or an output over the limits
//! is a fault after which the guideline's card stands (G-NO-DROP). The
//! routing that follows reads this card's level and action.
//!
//! Every sentence is for a JGZ professional, in the language the reader
//! asked for: `config.language()` answers Dutch (the default) or English,
//! `say!(lang, "…", "…")` writes a sentence in both and the kit's glossary
//! (`level_term`, `action_label`, …) gives every code its words. A
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
wegwijs_guest::export_stage!(screening: crate::screen(child, intake, reference, config));
#[cfg(test)]
mod tests;

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use wegwijs_kit::{action_label, level_term};
use wegwijs_types::{
    Action, ChildCase, IntakeCard, Language, Level, Reason, RegionConfig, RiskCard, ScreeningCard, say,
};

/// The rule id of this region's screening rules. Rule ids are upper-case
/// letters, digits and dashes; a region cites ids in its own namespace (add
/// more as rules arrive, e.g. `{{PREFIX}}-SPARK`), so every decision shows
/// where and why the region departed from the guideline.
pub const RULE: &str = "{{PREFIX}}-SCREENING";

/// Cited when the host has no guideline card to pass in, which happens only
/// when the guideline's own screening failed for the case.
pub const NO_REFERENCE: &str = "{{PREFIX}}-NO-REFERENCE";

/// Screens one case for region {{name}}.
///
/// `child` is the de-identified case (a pseudonym, an age and codes; never a
/// name, BSN, address or birth date), `intake` the intake card, `reference`
/// the national guideline's screening card for this case, and `config` the
/// region's `[config]` table from `region.toml` and the reader's language.
pub fn screen(
    child: &ChildCase,
    intake: &IntakeCard,
    reference: Option<&ScreeningCard>,
    config: &dyn RegionConfig,
) -> ScreeningCard {
    // The reader's language, read once: every sentence below is written in it.
    let lang = config.language();
    let Some(reference) = reference else {
        return without_reference(intake, lang);
    };
    let mut card = reference.clone();
    apply_region_rules(child, intake, config, lang, &mut card);
    card
}

/// The region's own screening rules, applied to a copy of the guideline's
/// card.
///
/// A rule reads the case, the intake card and the configuration (for example
/// `config.get("screening.spark-verhoogd-is-concern")`), changes `card`
/// (raises the level, moves the action up the ladder, adds a warning) and
/// pushes a [`Reason`] citing its rule id, in a sentence a professional can
/// read, in `lang`: `say!(lang, "Dutch {x}", "English {x}")`. Keep `summary`
/// in step with the level and action.
///
/// Until the region has rules of its own it agrees with the guideline, and
/// says so on the card.
fn apply_region_rules(
    _child: &ChildCase,
    _intake: &IntakeCard,
    _config: &dyn RegionConfig,
    lang: Language,
    card: &mut ScreeningCard,
) {
    let level = level_term(card.level, lang);
    let action = action_label(card.action, lang);
    card.reasons.push(Reason::new(
        RULE,
        say!(
            lang,
            "Regio {{name}} volgt voor deze casus de screening van de landelijke richtlijn: de kaart is die van de richtlijn, ongewijzigd (niveau {level}, actie {action}).",
            "Region {{name}} agrees with the national guideline's screening for this case: the card is the guideline's, unchanged (level {level}, action {action})."
        ),
    ));
}

/// The card when the host passes no guideline card: this component only
/// adjusts the guideline's screening, so without it the case stays with the
/// JGZ (level attention, action A1) unless intake flagged acute unsafety
/// (level safety, the meldcode track), with a warning to screen it by hand.
fn without_reference(intake: &IntakeCard, lang: Language) -> ScreeningCard {
    let (level, action) = if intake.safety_flag { (Level::Safety, Action::S) } else { (Level::Attention, Action::A1) };
    ScreeningCard {
        level,
        action,
        // Without the guideline's ladder the child stays with the JGZ (A1).
        child_action: Action::A1,
        risk_card: RiskCard {
            risk_factors: Vec::new(),
            protective_factors: Vec::new(),
            level: Level::None,
            table: String::from(lang.pick(
                "geen: de screening van de richtlijn ontbreekt",
                "none: the guideline's screening result is missing",
            )),
        },
        instruments: Vec::new(),
        meldcode: None,
        summary: String::from(lang.pick(
            "Niet gescreend: de screening van de richtlijn ontbreekt; beoordeel zelf hoe ernstig deze casus is.",
            "Not screened: the guideline's screening result is missing; screen this case by hand.",
        )),
        warnings: vec![Reason::new(
            NO_REFERENCE,
            lang.pick(
                "De host gaf geen screeningskaart van de richtlijn mee; regio {{name}} past alleen die kaart aan, dus de casus blijft bij de JGZ. Beoordeel zelf hoe ernstig deze casus is.",
                "The host passed no guideline screening card; region {{name}} only adjusts that card, so the case stays with the JGZ. Screen it by hand.",
            ),
        )],
        reasons: Vec::new(),
    }
}
