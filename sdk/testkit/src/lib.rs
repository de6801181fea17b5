//! Native test support for region components: what a region's own tests
//! need to see exactly what the host would give its component, without a
//! WebAssembly build. It runs the guideline's reference intake, screening
//! and routing as plain Rust, reads the region's configuration from its
//! `region.toml` the way the host does, builds cases, generates arbitrary
//! ones, and checks the floors every region routing card must keep.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use wegwijs_types::{
    AgeSinceBirth, ChildAge, ChildCase, Duration, Handler, Impact, InstrumentInput, IntakeCard, Partner, RegionConfig,
    Route, RouteKind, RoutingCard, ScreeningCard, SdqInput, SdqVersion, SourceCode, Urgency, Verwijzer,
    is_well_formed_rule_id,
};

/// A region's routing entry point, as the example regions export it.
pub type RouteFn = fn(&ChildCase, &IntakeCard, &ScreeningCard, Option<&RoutingCard>, &dyn RegionConfig) -> RoutingCard;

/// The `[config]` of a `region.toml`, flattened to dotted keys exactly as
/// the host flattens it.
///
/// # Panics
///
/// When the manifest is not valid TOML or its config is malformed: a test
/// of a region whose bundle the host would refuse.
pub fn config_from_manifest(manifest: &str) -> BTreeMap<String, String> {
    let table: toml::Table = toml::from_str(manifest).unwrap_or_else(|e| panic!("region.toml: {e}"));
    match table.get("config") {
        Some(toml::Value::Table(config)) => {
            wegwijs_kit::config::flatten(config).unwrap_or_else(|p| panic!("region.toml [config]: {p:?}"))
        }
        _ => BTreeMap::new(),
    }
}

/// A child of `months` whole months, as the host computes it from a birth date.
pub fn born(months: u16) -> ChildAge {
    ChildAge::Born(AgeSinceBirth { months, years: u8::try_from(months / 12).unwrap_or(0) })
}

/// A case about a child of `months` months in `gemeente`, from `source`,
/// handled by `handler`, with nothing flagged.
pub fn child(pseudonym: &str, gemeente: &str, handler: Handler, source: &str, months: u16) -> ChildCase {
    let source = SourceCode { code: source.to_string(), bds_code: None };
    let mut c = ChildCase::new(pseudonym, Some(born(months)), source, handler);
    c.gemeente = Some(gemeente.to_string());
    c
}

/// SDQ parent 4–17 answers with total difficulties 17 (abnormal).
pub const SDQ_17: [u8; 25] = [2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 0, 0, 0, 2, 2, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2];
/// SDQ parent 4–17 answers with total difficulties 18 (abnormal).
pub const SDQ_18: [u8; 25] = [2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 0, 0, 1, 2, 2, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2];

/// A parent-reported SDQ with these answers.
pub fn sdq(answers: &[u8; 25]) -> InstrumentInput {
    InstrumentInput::Sdq(SdqInput {
        version: SdqVersion::ParentFourToSeventeen,
        answers: answers.iter().map(|a| Some(*a)).collect(),
    })
}

/// The reference intake and screening cards.
pub fn screen(case: &ChildCase, config: &BTreeMap<String, String>) -> (IntakeCard, ScreeningCard) {
    let intake = wegwijs_intake::assess(case, config);
    let screening = wegwijs_screening::screen(case, &intake, config);
    (intake, screening)
}

/// One case through the pipeline: the guideline's routing card and the region's.
#[derive(Debug, Clone)]
pub struct Run {
    /// The reference routing card the host passes in.
    pub reference: RoutingCard,
    /// The region's card.
    pub region: RoutingCard,
}

/// Runs the reference stages and then the region's `route` with `config`.
pub fn run(case: &ChildCase, config: &BTreeMap<String, String>, route: RouteFn) -> Run {
    let (intake, screening) = screen(case, config);
    let reference = wegwijs_routing::route(case, &intake, &screening, config);
    let region = route(case, &intake, &screening, Some(&reference), config);
    Run { reference, region }
}

impl Run {
    /// The region's route to `partner` of `kind`.
    pub fn route(&self, partner: Partner, kind: RouteKind) -> Option<&Route> {
        self.region.routes.iter().find(|r| r.partner == partner && r.kind == kind)
    }

    /// The partners of the region's routes.
    pub fn partners(&self) -> Vec<Partner> {
        self.region.routes.iter().map(|r| r.partner).collect()
    }

    /// Whether the region's card cites `id` on the card or on any route.
    pub fn cites(&self, id: &str) -> bool {
        cites(&self.region, id)
    }
}

/// Whether `card` cites `id` on the card or on any route.
pub fn cites(card: &RoutingCard, id: &str) -> bool {
    card.reasons
        .iter()
        .chain(card.warnings.iter())
        .chain(card.routes.iter().flat_map(|r| r.reasons.iter()))
        .any(|r| r.rule == id)
}

/// Whether a route cites `id`.
pub fn route_cites(route: &Route, id: &str) -> bool {
    route.reasons.iter().any(|r| r.rule == id)
}

/// Arbitrary cases for a region's property tests: handler, source, age
/// (prenatal included), concerns, risk factors, an abnormal SDQ or none,
/// impact and duration, the family's choices, a GI, helpers and acute
/// unsafety. `base` makes the region's case (its gemeente and pseudonym).
pub fn arbitrary_case(
    base: fn(Handler, &str, u16) -> ChildCase,
    sources: &'static [&'static str],
    concerns: &'static [&'static str],
    risks: &'static [&'static str],
) -> impl Strategy<Value = ChildCase> {
    (
        (0usize..3, 0usize..sources.len(), prop_oneof![Just(None), (0u16..270).prop_map(Some)]),
        (proptest::sample::subsequence(concerns, 0..4), proptest::sample::subsequence(risks, 0..5)),
        (0u8..3, prop_oneof![Just(None), Just(Some(Impact::Quite)), Just(Some(Impact::None))]),
        (any::<bool>(), any::<bool>(), 0u8..3, any::<bool>(), any::<bool>()),
    )
        .prop_map(
            move |((h, s, months), (concerns, risks), (instrument, impact), (agrees, gi, helpers, acute, declines))| {
                let handler = [Handler::Jeugdarts, Handler::Jeugdverpleegkundige, Handler::VerpleegkundigSpecialist][h];
                let mut c = base(handler, sources[s], 100);
                c.age = Some(months.map_or(ChildAge::Prenatal(Some(30)), born));
                c.concerns = concerns.iter().map(ToString::to_string).collect();
                c.risk_factors = risks.iter().map(ToString::to_string).collect();
                match instrument {
                    1 => c.instruments = vec![sdq(&SDQ_17)],
                    2 => c.instruments = vec![sdq(&SDQ_18)],
                    _ => {}
                }
                c.impact = impact;
                c.duration = impact.map(|_| Duration::OverOneYear);
                c.family_agrees_referral = agrees;
                c.family_declines_warm_handover = declines;
                c.gi_involved = gi;
                c.helpers_involved = helpers;
                if acute {
                    c.safety_indicators = vec!["serious-injury".to_string()];
                }
                c
            },
        )
}

/// Veilig Thuis routes as comparable tuples.
fn safety(card: &RoutingCard) -> Vec<(Partner, String, Urgency)> {
    card.routes
        .iter()
        .filter(|r| matches!(r.partner, Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding))
        .map(|r| (r.partner, r.kind.to_string(), r.urgency))
        .collect()
}

/// The floors a region's routing card keeps, whatever the case: Veilig
/// Thuis routes untouched; every change explained by a region rule id (ids
/// starting with `prefix`, each in `known`), and `no_change` cited when
/// nothing changed; rule ids well-formed and texts within the host's
/// limits; one route per partner and kind, each with a reason; referrals to
/// jeugdhulp with a verwijzer that may refer; routes in urgency order, and
/// the card's urgency the first route's.
pub fn check_floors(run: &Run, prefix: &str, no_change: &str, known: &[&str]) -> Result<(), TestCaseError> {
    let (reference, region) = (&run.reference, &run.region);
    prop_assert_eq!(safety(reference), safety(region), "Veilig Thuis routes are untouched");

    let changed = reference.routes != region.routes || reference.care_coordinator != region.care_coordinator;
    let region_ids: Vec<&str> = region
        .reasons
        .iter()
        .chain(region.routes.iter().flat_map(|r| r.reasons.iter()))
        .map(|r| r.rule.as_str())
        .filter(|id| id.starts_with(prefix))
        .collect();
    if changed {
        prop_assert!(region_ids.iter().any(|id| *id != no_change), "a change cites a region rule");
    } else {
        prop_assert!(region_ids.contains(&no_change));
    }
    for id in &region_ids {
        prop_assert!(known.contains(id), "unknown region id {}", id);
    }
    for r in
        region.reasons.iter().chain(region.warnings.iter()).chain(region.routes.iter().flat_map(|r| r.reasons.iter()))
    {
        prop_assert!(is_well_formed_rule_id(&r.rule), "{}", r.rule);
        prop_assert!(r.text.len() < 2048);
    }
    for r in &region.routes {
        prop_assert!(!r.reasons.is_empty());
        prop_assert!(r.local_name.as_ref().is_none_or(|n| n.len() < 2048));
        if r.partner.is_jeugdhulp() && r.kind == RouteKind::Referral {
            prop_assert!(r.verwijzer.is_some_and(Verwijzer::is_authority));
        }
        let same = region.routes.iter().filter(|o| o.partner == r.partner && o.kind == r.kind).count();
        prop_assert_eq!(same, 1, "one route per partner and kind");
    }
    prop_assert!(region.routes.windows(2).all(|w| w[0].urgency <= w[1].urgency), "sorted");
    prop_assert_eq!(region.urgency, region.routes.first().map_or(Urgency::NextContact, |r| r.urgency));
    prop_assert!(region.summary.len() < 2048);
    Ok(())
}
