//! Example region B's routing component: JGZ and the gemeentelijke toegang
//! in one organisation.
//!
//! Region B is modelled on "gemeente B" of the report *Nader Onderzoek
//! Jeugdgezondheidszorg en Jeugdhulp* (Partners in jeugdbeleid, October
//! 2018, §1.2): a mid-sized city where one organisation carries JGZ, the
//! gemeentelijke toegang to jeugdhulp (its medewerkers jeugdhulp), regie
//! and prevention. The jeugdarts's ordinary referral opens access to
//! jeugdhulp, the care paths for ADHD and depression are shared with the
//! huisartsen so a family gets the same route whoever it sees first, and a
//! medewerker jeugdhulp is the expert colleague at meldcode step 2.
//!
//! [`route`] starts from the national guideline's routing card, which the
//! host passes in as the reference result, and applies the region's rules.
//! The rules are data in [`rules`]; the engine only reads rows, so a policy
//! change is a table change. Every change adds a reason citing a
//! `REGIO-B-*` rule id with a sentence saying what changed and why. Veilig
//! Thuis routes are never changed. The crate is `no_std` so the same code
//! runs natively in the tests and inside the WebAssembly component, and it
//! does not depend on the reference routing crate: it only reads the
//! reference's card.
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

mod engine;
pub mod rules;
mod text;

// The WebAssembly export, only built for wasm32 (see `wegwijs_guest::export_stage!`):
// the region's rules, given the guideline's card as `reference`.
#[cfg(target_arch = "wasm32")]
wegwijs_guest::export_stage!(routing: crate::route(child, intake, screening, reference, config));

#[cfg(test)]
mod tests;

use wegwijs_kit as kit;
use wegwijs_types::{ChildCase, IntakeCard, Language, RegionConfig, RoutingCard, ScreeningCard};

pub use rules::{BESCHIKKING, CARE_PATHS, DISCLOSURES, REPORT, SAFETY_CONSULT};

/// Every rule id this component cites in its reasons and warnings (the
/// guideline's ids it copies from the reference card are not listed).
pub const RULE_IDS: &[&str] = &[
    "REGIO-B-ZORGPAD-ADHD",
    "REGIO-B-ZORGPAD-DEPRESSIE",
    "REGIO-B-JEUGDARTS-VERWIJST",
    "REGIO-B-GI-VERWIJST",
    "REGIO-B-VEILIGHEID",
    "REGIO-B-NO-CHANGE",
    "REGIO-B-NO-REFERENCE",
];

/// Routes one case the region B way.
///
/// `reference` is the national guideline's routing card for this case. The
/// host always supplies it; without it the component proposes no route and
/// warns (`REGIO-B-NO-REFERENCE`), because the region's rules only adjust
/// the guideline's result and never replace it wholesale. Local names come
/// from the region's `partners.<partner>.name` configuration keys.
pub fn route(
    case: &ChildCase,
    intake: &IntakeCard,
    screening: &ScreeningCard,
    reference: Option<&RoutingCard>,
    config: &dyn RegionConfig,
) -> RoutingCard {
    let Some(reference) = reference else {
        return kit::region_routing_without_reference("region B", rules::NO_REFERENCE, Language::En);
    };
    let facts = engine::Facts::new(case, intake, screening);
    let mut card = reference.clone();
    let applied = engine::apply(&mut card, &facts, config);
    kit::finish_region_routing(card, "region B", &applied, rules::NO_CHANGE, Language::En)
}
