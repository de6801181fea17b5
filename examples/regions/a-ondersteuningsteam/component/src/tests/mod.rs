//! Native tests of region A's rules.
//!
//! The cases run through the guideline's real reference intake, screening
//! and routing (via `wegwijs-testkit`, a development dependency only), so
//! each test sees exactly the reference card the host would pass to the
//! component, and the configuration is read from the bundle's own
//! `region.toml` as the host reads it. `rules` has at least one test per
//! region rule id; `props` checks the floors (Veilig Thuis untouched, every
//! change explained) over arbitrary cases.

mod props;
mod rules;

use alloc::collections::BTreeMap;
use alloc::string::String;
use wegwijs_types::{ChildCase, Handler};

pub(crate) use wegwijs_testkit::{Run, SDQ_17, SDQ_18, born, cites, route_cites, screen, sdq};

/// The bundle manifest the host reads; the tests take the region's
/// configuration from it so that they test what the region ships.
const MANIFEST: &str = include_str!("../../../region.toml");

/// The `[config]` of `region.toml`, flattened as the host does.
pub(crate) fn config() -> BTreeMap<String, String> {
    wegwijs_testkit::config_from_manifest(MANIFEST)
}

/// A signal about a child of `months` months in region A, from `source`,
/// handled by `handler`, with nothing flagged.
pub(crate) fn case(handler: Handler, source: &str, months: u16) -> ChildCase {
    wegwijs_testkit::child("p-regio-a", "GM0085", handler, source, months)
}

/// Runs the reference stages and region A's routing, with the region's configuration.
pub(crate) fn run(case: &ChildCase) -> Run {
    run_with(case, &config())
}

/// As [`run`], with another configuration.
pub(crate) fn run_with(case: &ChildCase, config: &BTreeMap<String, String>) -> Run {
    wegwijs_testkit::run(case, config, crate::route)
}
