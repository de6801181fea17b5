//! What the component developer's harness (`wegwijs test`, `check`,
//! `simulate`) and a region's tests use beyond embedding: the case format
//! and its reports, bundles read from disk or made for one component, a
//! region tried out without activating it, the load check of a single
//! component, the built-in reference components' bytes and the guideline's
//! rule ids for coverage.
//!
//! An EPD embedding the host needs none of this: the crate root has what it
//! names. Activation uses the same [`Trial`] and case checks, so a bundle
//! passes in the harness exactly when it would activate.

use crate::decision::Decision;
use crate::error::Error;
use crate::host::{DecideOptions, Host, read_bundle};
use crate::input::Signal;
use crate::model::RegionInfo;
use crate::model::{ComponentInfo, Role, Stage};
use crate::region::Region;
use crate::sandbox::{LoadedComponent, reference_bytes};
use std::collections::BTreeSet;
use std::path::Path;

pub use crate::bundle::cases::{
    BundleReport, Case, CaseFile, CaseReport, ConsentExpect, Expect, Mismatch, RouteExpect,
};
pub use crate::bundle::manifest::{LimitOverrides, Manifest, StageComponent, flatten_config};
pub use crate::bundle::read::Bundle;
pub use crate::bundle::{MAX_CASE_FILE_BYTES, MAX_CASES_ENTRIES, MAX_COMPONENT_BYTES, MAX_MANIFEST_BYTES};

/// A region compiled from a bundle but not activated: it decides and runs
/// cases, and serves no one else.
#[derive(Debug)]
pub struct Trial<'h> {
    host: &'h Host,
    region: Region,
}

impl<'h> Trial<'h> {
    /// Compiles `bundle` into a region on `host`'s sandbox, refused as
    /// activation would refuse it when a component does not load.
    pub fn new(host: &'h Host, bundle: &Bundle) -> Result<Trial<'h>, Error> {
        Ok(Trial { host, region: Region::compile(host.sandbox(), bundle)? })
    }

    /// Reads the bundle in `dir` and compiles it (see [`Trial::new`]).
    pub fn read(host: &'h Host, dir: impl AsRef<Path>) -> Result<(Trial<'h>, Bundle), Error> {
        let bundle = read_bundle(dir.as_ref())?;
        Ok((Trial::new(host, &bundle)?, bundle))
    }

    /// The region as it would be loaded.
    pub fn info(&self) -> RegionInfo {
        self.region.info()
    }

    /// Decides one signal in this region, whatever its gemeente.
    pub fn decide(&self, signal: &Signal, options: &DecideOptions) -> Result<Decision, Error> {
        self.host.decide_in(signal, Some(&self.region), options.trace(), self.host.language_for(options))
    }

    /// Runs cases in this region. A case with its own `config` table runs
    /// with that config merged over the region's. A case in which one of the
    /// region's components faults fails, naming the fault: the guideline's
    /// result would stand in, but the component is not ready.
    pub fn run_cases(&self, cases: &[Case]) -> CaseReport {
        self.host.run_cases_in(&self.region, cases)
    }

    /// Runs every case the bundle brought, file by file: what activation
    /// requires to pass and what `wegwijs test --region` reports.
    pub fn run_bundle(&self, bundle: &Bundle) -> BundleReport {
        self.host.run_bundle_in(&self.region, bundle)
    }
}

/// Validates and compiles `bytes` as a component for `stage`, exactly as the
/// host loads any component: refused when empty, a core module, malformed,
/// built against another WIT version, importing anything outside its world
/// (each import named), or not exporting the stage's function with the
/// stage's types. What `wegwijs check` starts with.
pub fn check_component(host: &Host, stage: Stage, name: &str, bytes: &[u8]) -> Result<ComponentInfo, Error> {
    let sandbox = host.sandbox();
    LoadedComponent::load(
        sandbox.engine,
        sandbox.compile_cache.as_deref(),
        sandbox.metered,
        stage,
        name,
        "unknown",
        Role::Region,
        bytes,
    )
    .map(|c| c.info.clone())
}

/// The built-in reference component's bytes for `stage`: for tools that
/// inspect or benchmark them. The host itself runs the four stages from
/// one component of the same crates, [`reference_set`].
pub fn reference_component(stage: Stage) -> &'static [u8] {
    reference_bytes(stage)
}

/// The four reference stages in one component (`components/reference`):
/// what the host runs, and what every reference stage's provenance names.
pub fn reference_set() -> &'static [u8] {
    crate::sandbox::REFERENCE_SET_BYTES
}

/// The rule ids of the guideline brief's rule tables (§1–§5: intake,
/// screening, routing, consent, meldcode) that the reference components
/// cite; the guardrails of §6 are the host's own. `wegwijs test` measures
/// rule coverage against this set; the suite checks it against the brief.
pub fn guideline_rule_ids() -> BTreeSet<&'static str> {
    [wegwijs_intake::RULE_IDS, wegwijs_screening::RULE_IDS, wegwijs_routing::RULE_IDS, wegwijs_consent::RULE_IDS]
        .into_iter()
        .flatten()
        .copied()
        .filter(|id| !id.starts_with("G-"))
        .collect()
}
