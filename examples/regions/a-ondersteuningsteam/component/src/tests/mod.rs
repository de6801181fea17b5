//! Native tests of region A's rules.
//!
//! The cases run through the guideline's real reference intake, screening
//! and routing (development dependencies only), so each test sees exactly
//! the reference card the host would pass to the component, and the
//! configuration is read from the bundle's own `region.toml`. `rules` has at
//! least one test per region rule id; `props` checks the floors (Veilig
//! Thuis untouched, every change explained) over arbitrary cases.

mod props;
mod rules;

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_types::{
    AgeSinceBirth, ChildAge, ChildCase, Handler, InstrumentInput, IntakeCard, Partner, Route, RouteKind, RoutingCard,
    ScreeningCard, SdqInput, SdqVersion, SourceCode,
};

/// The bundle manifest the host reads; the tests take the region's
/// configuration from it so that they test what the region ships.
const MANIFEST: &str = include_str!("../../../region.toml");

/// The `[config]` part of `region.toml`, flattened to dotted keys as the
/// host does. Only string values occur in this region's configuration.
pub(crate) fn config() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut table: Option<String> = None;
    for line in MANIFEST.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = header.strip_prefix("config.").map(ToString::to_string);
            continue;
        }
        let (Some(prefix), Some((key, value))) = (&table, line.split_once(" = ")) else { continue };
        if let Some(value) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            out.insert(format!("{prefix}.{key}"), value.to_string());
        }
    }
    out
}

/// A child of `months` whole months, as the host computes it from a birth date.
pub(crate) fn born(months: u16) -> ChildAge {
    ChildAge::Born(AgeSinceBirth {
        days: u32::from(months) * 30,
        months,
        years: u8::try_from(months / 12).unwrap_or(0),
    })
}

/// A signal about a child of `months` months in region A, from `source`,
/// handled by `handler`, with nothing flagged.
pub(crate) fn case(handler: Handler, source: &str, months: u16) -> ChildCase {
    let source = SourceCode { code: source.to_string(), bds_code: None };
    let mut c = ChildCase::new("p-regio-a", "2026-10-05", Some(born(months)), source, handler);
    c.gemeente = Some("GM0085".to_string());
    c
}

/// SDQ parent 4–17 answers with total difficulties 17 (abnormal).
pub(crate) const SDQ_17: [u8; 25] = [2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 0, 0, 0, 2, 2, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2];
/// SDQ parent 4–17 answers with total difficulties 18 (abnormal).
pub(crate) const SDQ_18: [u8; 25] = [2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 0, 0, 1, 2, 2, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2];

/// A parent-reported SDQ with these answers.
pub(crate) fn sdq(answers: &[u8; 25]) -> InstrumentInput {
    InstrumentInput::Sdq(SdqInput {
        version: SdqVersion::ParentFourToSeventeen,
        answers: answers.iter().map(|a| Some(*a)).collect(),
    })
}

/// One case through the pipeline: the guideline's cards and region A's card.
pub(crate) struct Run {
    /// The reference routing card the host passes in.
    pub(crate) reference: RoutingCard,
    /// Region A's card.
    pub(crate) region: RoutingCard,
}

/// Runs the reference stages and region A's routing, with the region's configuration.
pub(crate) fn run(case: &ChildCase) -> Run {
    run_with(case, &config())
}

/// As [`run`], with another configuration.
pub(crate) fn run_with(case: &ChildCase, config: &BTreeMap<String, String>) -> Run {
    let (intake, screening) = screen(case, config);
    let reference = wegwijs_routing::route(case, &intake, &screening, config);
    let region = crate::route(case, &intake, &screening, Some(&reference), config);
    Run { reference, region }
}

/// The reference intake and screening cards.
pub(crate) fn screen(case: &ChildCase, config: &BTreeMap<String, String>) -> (IntakeCard, ScreeningCard) {
    let intake = wegwijs_intake::assess(case);
    let screening = wegwijs_screening::screen(case, &intake, config);
    (intake, screening)
}

impl Run {
    /// The region's route to `partner` of `kind`.
    pub(crate) fn route(&self, partner: Partner, kind: RouteKind) -> Option<&Route> {
        self.region.routes.iter().find(|r| r.partner == partner && r.kind == kind)
    }

    /// The partners of the region's routes.
    pub(crate) fn partners(&self) -> Vec<Partner> {
        self.region.routes.iter().map(|r| r.partner).collect()
    }

    /// Whether the region's card cites `id` on the card or on any route.
    pub(crate) fn cites(&self, id: &str) -> bool {
        cites(&self.region, id)
    }
}

/// Whether `card` cites `id` on the card or on any route.
pub(crate) fn cites(card: &RoutingCard, id: &str) -> bool {
    card.reasons
        .iter()
        .chain(card.warnings.iter())
        .chain(card.routes.iter().flat_map(|r| r.reasons.iter()))
        .any(|r| r.rule == id)
}

/// Whether a route cites `id`.
pub(crate) fn route_cites(route: &Route, id: &str) -> bool {
    route.reasons.iter().any(|r| r.rule == id)
}
