//! The reference routing component of wegwijs: where a case goes next,
//! following the national JGZ guideline defaults (guideline brief §4 RT-*
//! and the routing side of §5 MC-*).
//!
//! [`route`] reads the de-identified case, the intake card and the
//! screening card and returns a [`RoutingCard`]: recommended routes, most
//! urgent first, each with its partner, kind, urgency, verwijzer code,
//! handover, the conversation to have first (G-SHARED), the disclosure the
//! consent stage must check, and reasons citing rule ids. Nothing is sent
//! anywhere (G-HUMAN).
//!
//! The guideline knowledge is data in [`tables`]; the modules below only
//! read it. The crate is `no_std` so the same code runs natively (tests,
//! benchmarks) and inside the WebAssembly component. It never panics on
//! any input: upstream cards may come from a region's buggy component.
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

mod authority;
mod child;
mod facts;
mod family;
mod finish;
mod plan;
mod safety;
mod school;
pub mod tables;
mod text;

#[cfg(target_arch = "wasm32")]
mod component;

#[cfg(test)]
mod tests;

use wegwijs_types::{ChildCase, IntakeCard, IntakeOutcome, RegionConfig, RoutingCard, ScreeningCard};

pub use tables::{
    CHILD_ROUTES, DISCLOSURES, HANDOVER, MEDICAL_FIRST, MELDCODE, MULTI, PARENT, SCHOOL_AGE, SOCIAL_DOMAINS, URGENCY,
    VERWIJZER,
};

/// Every rule id this component cites in its reasons and warnings.
pub const RULE_IDS: &[&str] = &[
    "RT-A0",
    "RT-A1",
    "RT-A2",
    "RT-A3",
    "RT-SCHOOL-AGE",
    "RT-PARENT",
    "RT-MULTI",
    "RT-AUTHORITY",
    "RT-WARM",
    "RT-URGENCY",
    "MC-STEPS",
    "MC-Q1",
    "MC-Q2",
    "MC-Q3",
    "MC-Q4",
    "MC-Q5",
    "RK-ONE-DOMAIN",
    "RK-MULTI-DOMAIN",
    "CS-SCHOOL",
    "IN-SAFETY",
    "IN-KINDCHECK",
    "G-SHARED",
    "G-HUMAN",
];

/// Routes one case: the reference routing stage.
///
/// A signal intake closed gets no routes (unless acute unsafety is flagged,
/// which always keeps its melding). Otherwise the safety track, the child's
/// route for the action ladder, the school or childcare information route,
/// routes for the parents, verwijzer codes, one family one plan, and warm
/// handovers are applied in that order. Local partner names come from the
/// region's `partners.<partner>.name` configuration keys.
pub fn route(
    case: &ChildCase,
    intake: &IntakeCard,
    screening: &ScreeningCard,
    config: &dyn RegionConfig,
) -> RoutingCard {
    let facts = facts::Facts::new(case, intake, screening);
    let acute = intake.safety_flag || screening.meldcode.as_ref().is_some_and(|m| m.acute);
    if intake.outcome == IntakeOutcome::Closed {
        if !acute {
            return finish::closed(intake);
        }
        // A closed signal with acute unsafety is contradictory; the melding
        // is never dropped (IN-SAFETY), everything else is.
        let mut plan = plan::Plan::default();
        plan.warn(
            "IN-SAFETY",
            "Intake closed the signal but acute unsafety is flagged; only the Veilig Thuis melding is proposed.",
        );
        safety::apply(&facts, &mut plan);
        return finish::card(&facts, config, plan, false, None);
    }
    let mut plan = plan::Plan::default();
    safety::apply(&facts, &mut plan);
    child::apply(&facts, &mut plan);
    school::apply(&facts, &mut plan);
    family::parent(&facts, &mut plan);
    authority::apply(&facts, &mut plan);
    let (one_plan, coordinator) = family::multi(&facts, &mut plan);
    authority::handover(&facts, &mut plan);
    finish::card(&facts, config, plan, one_plan, coordinator)
}
