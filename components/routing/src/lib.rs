//! The reference routing component of wegwijs: where a case goes next,
//! following the national JGZ guideline defaults (guideline brief §4 RT-*
//! and the routing side of §5 MC-*).
//!
//! [`route`] reads the de-identified case, the intake card and the
//! screening card and returns a [`RoutingCard`]: recommended routes, most
//! urgent first, each with its partner, kind, urgency, verwijzer code,
//! handover, the conversation to have first (G-SHARED), the disclosure the
//! consent stage must check, and reasons citing rule ids. Nothing is sent
//! anywhere (G-HUMAN). The texts are in the reader's language (Dutch or
//! English, see [`route`]).
//!
//! The guideline knowledge is data in [`tables`]; the modules below only
//! read it. The crate is `no_std` so the same code runs natively (tests,
//! benchmarks) and inside the WebAssembly component. It never panics on
//! any input: upstream cards may come from a region's buggy component.
//!
//! # Region configuration
//!
//! A region that needs no code of its own sets these keys in the `[config]`
//! table of its `region.toml`; the component reads them through the
//! `config` host import (natively: the [`RegionConfig`] passed to [`route`]).
//! Values are trimmed; `routing.*` values are compared ASCII
//! case-insensitively.
//!
//! | key | values | effect |
//! |---|---|---|
//! | `partners.<partner>.name` | text | The partner's local name in the route's `local_name`. `<partner>` is the WIT name of the partner, e.g. `wijkteam`, `poh-jeugd`, `jeugd-ggz`. |
//! | `partners.<partner>.contact` | text | How to reach the partner, e.g. `aanmeldoverleg on Tuesdays`. With a name, `local_name` is `name — contact`; alone, just the contact. Name and contact are each cut at [`tables::LOCAL_NAME_MAX_CHARS`] characters; blank counts as unset. |
//! | `routing.hub` | `wijkteam` (default), `jgz-light-support`, `poh-jeugd`, `jeugdarts` | Who takes a single-issue psychosocial or parenting question at A2 (RT-A2): the wijkteam's aanmeldoverleg, the JGZ team's own gedragswetenschapper or pedagogisch adviseur, the POH-jeugd at the huisarts practice, or the team's jeugdarts. It takes over the two A2 rows of [`CHILD_ROUTES`] that send such a question to the wijkteam: the risk card at level concern within one domain (RK-ONE-DOMAIN) and A2 without a specific trigger. Only when the case's concern domains are psychosocial or parent-child (or none are coded), with no red risk factor, no abnormal instrument and no safety signal; otherwise the wijkteam stays and the route says why. |
//! | `routing.poh-jeugd` | `true`, `false` (default) | `true`: a POH-jeugd works at the huisarts practice, so an A2 case with an abnormal instrument whose only concern domain is psychosocial (or none), with the risk card at most `attention` and no safety signal, consults the POH-jeugd instead of jeugd-GGZ. Multi-domain and high-risk cases keep the jeugd-GGZ consultation. |
//!
//! Every route a key changes carries a reason citing the rule it modifies
//! (RT-A2) and naming the key and value; a configured hub or POH-jeugd that
//! does not apply to a case says so on the route it left alone. A value
//! outside the allowed set (or `routing.hub = poh-jeugd` together with
//! `routing.poh-jeugd = false`) changes nothing and becomes a card warning
//! citing RT-A2 that names the key and the value. The allowed values and
//! their rows are data in [`tables::HUB`] and [`tables::POH_JEUGD`].
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
mod region;
mod safety;
mod school;
pub mod tables;
mod talk;
mod text;

// The WebAssembly export, only built for wasm32 (see `wegwijs_guest::export_stage!`).
// This is the guideline itself, so it takes no reference card.
#[cfg(target_arch = "wasm32")]
wegwijs_guest::export_stage!(routing: crate::route(child, intake, screening, config));

#[cfg(test)]
mod tests;

use wegwijs_types::{ChildCase, IntakeCard, IntakeOutcome, RegionConfig, RoutingCard, ScreeningCard};

pub use tables::{
    CHILD_ROUTES, DISCLOSURES, HANDOVER, HUB, MEDICAL_FIRST, MELDCODE, MULTI, PARENT, POH_JEUGD, SCHOOL_AGE,
    SOCIAL_DOMAINS, UNUSABLE, URGENCY, VERWIJZER,
};

/// Every rule id this component cites in its reasons and warnings.
pub const RULE_IDS: &[&str] = &[
    "PS-UNUSABLE",
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

/// Every code this component reads from a code list of the case beyond
/// what intake and screening read: complex school problems, a parent's
/// psychiatric or addiction problems, money and housing. The host lets
/// only the codes its reference components read reach any component
/// (`host/wegwijs/src/input/vocabulary.rs`).
pub fn codes_read() -> impl Iterator<Item = &'static str> {
    SCHOOL_AGE.complex_concerns.iter().chain(PARENT.parent_ggz_codes.iter()).chain(PARENT.amw_codes.iter()).copied()
}

/// Routes one case: the reference routing stage.
///
/// A signal intake closed gets no routes (unless acute unsafety is flagged,
/// which always keeps its melding). Otherwise the safety track, the child's
/// own route (for the ladder's action, also beside S, or assessing again
/// when the only evidence could not be used), the school or childcare
/// information route, routes for the parents, verwijzer codes, one family
/// one plan with the Verwijsindex, and warm handovers are applied in that
/// order. Every conversation names whom CS-AGE lets take part. The region's configuration (see
/// the crate documentation) supplies local partner names and contacts and
/// may replace the default A2 rows; configuration values that are not
/// understood leave the defaults and become warnings on the card.
///
/// Every text on the card (reasons, warnings, conversations, the summary
/// and the care coordinator) is written in the language
/// [`RegionConfig::language`] asks for: Dutch for the JGZ professional, or
/// English. The language changes words only, never a route, a partner, an
/// urgency or a rule cited; codes, rule ids and the guideline's own Dutch
/// terms read the same in both.
pub fn route(
    case: &ChildCase,
    intake: &IntakeCard,
    screening: &ScreeningCard,
    config: &dyn RegionConfig,
) -> RoutingCard {
    // The reader's language, read once; every text below is written in it.
    let lang = config.language();
    let facts = facts::Facts::new(case, intake, screening, lang);
    let (settings, config_warnings) = region::Settings::read(config, lang);
    let acute = intake.safety_flag || screening.meldcode.as_ref().is_some_and(|m| m.acute);
    if intake.outcome == IntakeOutcome::Closed {
        if !acute {
            return finish::closed(intake, config_warnings, lang);
        }
        // A closed signal with acute unsafety is contradictory; the melding
        // is never dropped (IN-SAFETY), everything else is.
        let mut plan = plan::Plan { warnings: config_warnings, ..plan::Plan::default() };
        plan.warn(
            "IN-SAFETY",
            lang.pick(
                "De intake heeft het signaal afgesloten, maar er is acute onveiligheid gesignaleerd; alleen de Veilig Thuis-melding wordt voorgesteld.",
                "Intake closed the signal but acute unsafety is flagged; only the Veilig Thuis melding is proposed.",
            ),
        );
        safety::apply(&facts, &mut plan);
        return finish::card(&facts, config, plan, false, None);
    }
    let mut plan = plan::Plan { warnings: config_warnings, ..plan::Plan::default() };
    safety::apply(&facts, &mut plan);
    child::apply(&facts, &settings, &mut plan);
    school::apply(&facts, &mut plan);
    family::parent(&facts, &mut plan);
    authority::apply(&facts, &mut plan);
    let (one_plan, coordinator) = family::multi(&facts, &mut plan);
    authority::handover(&facts, &mut plan);
    finish::card(&facts, config, plan, one_plan, coordinator)
}
