//! A region ready to decide: a bundle's manifest, its flattened config, the
//! limits its components run under and those components compiled. The
//! pipeline decides in a region; the host keeps the active ones and
//! activates new revisions; the harness tries one out without activating it.

use crate::bundle::read::Bundle;
use crate::error::{BundleProblem, Error};
use crate::limits::Limits;
use crate::model::{RegionInfo, Stage};
use crate::sandbox::{LoadedComponent, Sandbox};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A region's configuration as components read it: dotted keys to text.
pub(crate) type Config = Arc<BTreeMap<String, String>>;

/// A compiled region.
#[derive(Debug, Clone)]
pub(crate) struct Region {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) revision: u32,
    pub(crate) gemeenten: Vec<String>,
    pub(crate) config: Config,
    /// The limits of the region's own components (the references keep the
    /// host's).
    pub(crate) limits: Limits,
    pub(crate) own: BTreeMap<Stage, Arc<LoadedComponent>>,
    /// How many cases the bundle brought.
    pub(crate) cases: usize,
    /// The language its components write in when they do not follow the
    /// reader's (`[region] language`).
    pub(crate) language: Option<String>,
}

impl Region {
    /// Compiles the bundle's components on `sandbox`; a component that does
    /// not load refuses the bundle, naming the stage and why, with every
    /// other problem found, and so does a memory limit larger than the
    /// host's memory budget leaves for region calls.
    pub(crate) fn compile(sandbox: &Sandbox, bundle: &Bundle) -> Result<Region, Error> {
        let manifest = &bundle.manifest;
        let mut own = BTreeMap::new();
        let mut problems = Vec::new();
        for (stage, bytes) in &bundle.components {
            let name = format!("{}/{}", manifest.id, stage.name());
            let version = format!("r{}", manifest.revision);
            match sandbox.load_region(*stage, &name, &version, bytes) {
                Ok(c) => {
                    own.insert(*stage, c);
                }
                Err(Error::ComponentRejected { stage, reason, .. }) => {
                    problems.push(BundleProblem::ComponentRejected {
                        stage,
                        reason: crate::error::said_by(|lang| reason.message(lang)),
                    })
                }
                Err(other) => return Err(other),
            }
        }
        let limits = manifest.limits.within(&sandbox.limits, &Limits::maxima());
        // Refused now rather than capped: the bundle's cases would pass
        // under a limit it is then not served with, or every call would be
        // a capacity fault.
        if !own.is_empty()
            && let Err(detail) = sandbox.admits_region_memory(limits.memory_bytes)
        {
            problems.push(BundleProblem::Field { field: "limits.memory-mib".into(), detail });
        }
        if !problems.is_empty() {
            return Err(Error::RegionRefused { bundle: bundle.source.clone(), problems });
        }
        Ok(Region {
            id: manifest.id.clone(),
            name: manifest.name.clone(),
            revision: manifest.revision,
            gemeenten: manifest.gemeenten.clone(),
            config: Arc::new(manifest.config.clone()),
            limits,
            own,
            cases: bundle.cases.iter().map(|(_, f)| f.cases.len()).sum(),
            language: manifest.language.clone(),
        })
    }

    /// The region as the host reports it.
    pub(crate) fn info(&self) -> RegionInfo {
        RegionInfo {
            id: self.id.clone(),
            name: self.name.clone(),
            revision: self.revision,
            gemeenten: self.gemeenten.clone(),
            components: self.own.values().map(|c| c.info.clone()).collect(),
            cases: self.cases,
        }
    }

    /// The same region with `extra` config merged over its own: how a case
    /// with its own `[case.config]` runs.
    pub(crate) fn with_config(&self, extra: BTreeMap<String, String>) -> Region {
        let mut config = (*self.config).clone();
        config.extend(extra);
        Region { config: Arc::new(config), ..self.clone() }
    }
}
