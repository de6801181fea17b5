//! Property tests: over arbitrary cases run through the reference pipeline,
//! region B never touches a Veilig Thuis route, explains every change with
//! a region rule id, keeps the card well-formed, and never panics.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use proptest::prelude::*;
use wegwijs_types::{ChildAge, Duration, Handler, Impact, Partner, RoutingCard, Urgency, is_well_formed_rule_id};

use super::{SDQ_17, SDQ_18, born, case, run, sdq};
use crate::RULE_IDS;

const SOURCES: &[&str] =
    &["parent", "youth", "jeugdverpleegkundige", "leerkracht", "mentor", "huisarts", "poh-jeugd", "kinderarts"];
const CONCERNS: &[&str] = &[
    "anxiety",
    "low-mood",
    "behaviour-problems",
    "hyperactivity",
    "attention-problems",
    "self-harm",
    "parenting-stress",
    "language-delay",
    "learning-problems",
    "school-absence",
    "alcohol-use",
    "debts",
    "parental-addiction",
    "somatic-complaint",
    "growth-concern",
    "neglect",
    "domestic-violence",
];
const RISKS: &[&str] = &["parental-stress", "unwanted-pregnancy", "teenage-parent", "poverty", "domestic-violence"];

/// Veilig Thuis routes as comparable tuples.
fn safety(card: &RoutingCard) -> Vec<(Partner, String, Urgency)> {
    card.routes
        .iter()
        .filter(|r| matches!(r.partner, Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding))
        .map(|r| (r.partner, r.kind.to_string(), r.urgency))
        .collect()
}

fn a_case() -> impl Strategy<Value = wegwijs_types::ChildCase> {
    (
        (0usize..3, 0usize..SOURCES.len(), prop_oneof![Just(None), (0u16..270).prop_map(Some)]),
        (proptest::sample::subsequence(CONCERNS, 0..4), proptest::sample::subsequence(RISKS, 0..5)),
        (0u8..3, prop_oneof![Just(None), Just(Some(Impact::Quite)), Just(Some(Impact::None))]),
        (any::<bool>(), any::<bool>(), 0u8..3, any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |((h, s, months), (concerns, risks), (instrument, impact), (agrees, gi, helpers, acute, declines))| {
                let handler = [Handler::Jeugdarts, Handler::Jeugdverpleegkundige, Handler::VerpleegkundigSpecialist][h];
                let mut c = case(handler, SOURCES[s], 100);
                c.age = Some(months.map_or(ChildAge::Prenatal(Some(30)), born));
                c.concerns = concerns.iter().map(ToString::to_string).collect();
                c.risk_factors = risks.iter().map(ToString::to_string).collect();
                match instrument {
                    1 => c.instruments = alloc::vec![sdq(&SDQ_17)],
                    2 => c.instruments = alloc::vec![sdq(&SDQ_18)],
                    _ => {}
                }
                c.impact = impact;
                c.duration = impact.map(|_| Duration::OverOneYear);
                c.family_agrees_referral = agrees;
                c.family_declines_warm_handover = declines;
                c.gi_involved = gi;
                c.helpers_involved = helpers;
                if acute {
                    c.safety_indicators = alloc::vec!["serious-injury".to_string()];
                }
                c
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn region_b_keeps_the_floors_and_explains_every_change(c in a_case()) {
        let run = run(&c);
        let (reference, region) = (&run.reference, &run.region);

        prop_assert_eq!(safety(reference), safety(region), "Veilig Thuis routes are untouched");

        let changed = reference.routes != region.routes || reference.care_coordinator != region.care_coordinator;
        let region_ids: Vec<&str> = region
            .reasons
            .iter()
            .chain(region.routes.iter().flat_map(|r| r.reasons.iter()))
            .map(|r| r.rule.as_str())
            .filter(|id| id.starts_with("REGIO-B-"))
            .collect();
        if changed {
            prop_assert!(region_ids.iter().any(|id| *id != "REGIO-B-NO-CHANGE"), "a change cites a region rule");
        } else {
            prop_assert!(region_ids.contains(&"REGIO-B-NO-CHANGE"));
        }
        for id in &region_ids {
            prop_assert!(RULE_IDS.contains(id), "unknown region id {}", id);
        }
        for r in region.reasons.iter().chain(region.warnings.iter()).chain(region.routes.iter().flat_map(|r| r.reasons.iter())) {
            prop_assert!(is_well_formed_rule_id(&r.rule), "{}", r.rule);
            prop_assert!(r.text.len() < 2048);
        }
        for r in &region.routes {
            prop_assert!(!r.reasons.is_empty());
            prop_assert!(r.local_name.as_ref().is_none_or(|n| n.len() < 2048));
            if r.partner.is_jeugdhulp() && r.kind == wegwijs_types::RouteKind::Referral {
                prop_assert!(r.verwijzer.is_some_and(wegwijs_types::Verwijzer::is_authority));
            }
            let same = region.routes.iter().filter(|o| o.partner == r.partner && o.kind == r.kind).count();
            prop_assert_eq!(same, 1, "one route per partner and kind");
        }
        prop_assert!(region.routes.windows(2).all(|w| w[0].urgency <= w[1].urgency), "sorted");
        prop_assert_eq!(region.urgency, region.routes.first().map_or(Urgency::NextContact, |r| r.urgency));
        prop_assert!(region.summary.len() < 2048);
    }
}
