//! Example region A's routing component: the Ondersteuningsteam is the hub.
//!
//! Region A is modelled on "gemeente A" of the report *Nader Onderzoek
//! Jeugdgezondheidszorg en Jeugdhulp* (Partners in jeugdbeleid, October
//! 2018, §1.1): a rural municipality where an ondersteuningsteam (OT) of
//! youth professionals is the spider in the web, the JGZ 0–4 nurse sits in
//! the OT's aanmeldoverleg, medical questions go straight to the JGZ
//! jeugdarts, and an OT member works as POH-jeugd at the huisarts practice.
//!
//! [`route`] starts from the national guideline's routing card, which the
//! host passes in as the reference result, and applies the region's rules.
//! The rules are data in [`rules`]; the engine only reads rows, so a policy
//! change is a table change. Every change adds a reason citing a
//! `REGIO-A-*` rule id with a sentence saying what changed and why. Veilig
//! Thuis routes are never touched. The crate is `no_std` so the same code
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

pub use rules::{CASUSREGIE, DISCLOSURES, REPORT, RULES};

/// Every rule id this component cites in its reasons and warnings (the
/// guideline's ids it copies from the reference card are not listed).
pub const RULE_IDS: &[&str] = &[
    "REGIO-A-OT-HUB",
    "REGIO-A-ADVIESVERWIJZING",
    "REGIO-A-MEDISCH-JEUGDARTS",
    "REGIO-A-POH-JEUGD",
    "REGIO-A-AANMELDOVERLEG",
    "REGIO-A-CASUSREGIE",
    "REGIO-A-NO-CHANGE",
    "REGIO-A-NO-REFERENCE",
];

/// Routes one case the region A way.
///
/// `reference` is the national guideline's routing card for this case. The
/// host always supplies it; without it the component proposes no route and
/// warns (`REGIO-A-NO-REFERENCE`), because the region's rules only adjust
/// the guideline's result and never replace it wholesale. Local names come
/// from the region's `partners.<partner>.name` configuration keys, the
/// aanmeldoverleg from `ondersteuningsteam.aanmeldoverleg` and the
/// casusregisseur from `ondersteuningsteam.casusregie`.
pub fn route(
    case: &ChildCase,
    intake: &IntakeCard,
    screening: &ScreeningCard,
    reference: Option<&RoutingCard>,
    config: &dyn RegionConfig,
) -> RoutingCard {
    let Some(reference) = reference else {
        return kit::region_routing_without_reference("region A", rules::NO_REFERENCE, Language::En);
    };
    let facts = engine::Facts::new(case, intake, screening);
    let mut card = reference.clone();
    let applied = engine::apply(&mut card, &facts, config);
    kit::finish_region_routing(card, "region A", &applied, rules::NO_CHANGE, Language::En)
}
