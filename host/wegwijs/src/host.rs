//! The [`Host`]: built once, cloned freely, shared across threads. It holds
//! the sandbox (engine, reference components and the capacity every call
//! takes room under), the pseudonym key and the active regions, picks the
//! region a signal's gemeente belongs to and runs the pipeline. Activating a
//! region is all or nothing: a bundle serves only when its components load,
//! its own cases pass, its gemeenten are free and its revision is newer;
//! otherwise whatever served before keeps serving.

use crate::audit::{self, DecisionLog};
use crate::bundle::cases::{BundleReport, Case, CaseReport, run_cases_with};
use crate::bundle::manifest::flatten_config;
use crate::bundle::read::Bundle;
use crate::decision::Decision;
use crate::error::{BundleProblem, Error};
use crate::input::{Signal, random_key};
use crate::limits::{Capacity, Limits};
use crate::model::ComponentInfo;
use crate::model::NATIONAL_DEFAULT;
use crate::model::RegionInfo;
use crate::pipeline;
use crate::pipeline::Trace;
use crate::region::Region;
use crate::sandbox::Sandbox;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard};
use wegwijs_types::Language;

/// Builds a [`Host`].
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct HostBuilder {
    limits: Option<Limits>,
    capacity: Option<Capacity>,
    fuel: bool,
    pseudonym_key: Option<Vec<u8>>,
    regions: Vec<PathBuf>,
    compile_cache: Option<PathBuf>,
    separate_reference_instances: bool,
    decision_log: Option<DecisionLog>,
    language: Language,
}

impl HostBuilder {
    /// The language decisions are written in unless a call asks for
    /// another ([`DecideOptions::with_language`]). Default: Dutch, the
    /// language of the professionals who read the cards.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// Sets the per-stage default limits (defaults: [`Limits::default`]).
    /// Regions may ask for other limits within [`Limits::maxima`].
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = Some(limits);
        self
    }

    /// Sets what all the host's stage calls may use together: how many run
    /// at once, the memory budget for calls in flight and how long a call
    /// waits for room (defaults: [`Capacity::default`]: one call per core
    /// in each lane, 1 GiB, 2 s). Clones of the host share it. The values
    /// really used, after clamping, are [`Host::capacity`].
    pub fn capacity(mut self, capacity: Capacity) -> Self {
        self.capacity = Some(capacity);
        self
    }

    /// Meters fuel so budgets are deterministic (the harness uses this);
    /// set the budget with [`Limits::fuel`].
    pub fn fuel(mut self, on: bool) -> Self {
        self.fuel = on;
        self
    }

    /// The secret from which pseudonyms are derived. Hosts with the same key
    /// give a child the same pseudonym; without one, a random key is drawn,
    /// so pseudonyms cannot be linked across hosts.
    pub fn pseudonym_key(mut self, key: impl Into<Vec<u8>>) -> Self {
        self.pseudonym_key = Some(key.into());
        self
    }

    /// Keeps compiled components in `dir` and loads them from there on the
    /// next start: the reference components and every region component
    /// this host loads. A start with the cache filled takes milliseconds
    /// instead of the compilation's hundreds (`docs/performance.md`).
    ///
    /// Compiled code in `dir` runs in the host, so `dir` is trusted like the
    /// host's binary: it is created readable by its owner only, and
    /// building fails when (on Unix) another user owns it or others may
    /// write it. Entries are keyed by the component's sha256 and the
    /// engine's settings and checked against their own checksum before
    /// use; a damaged entry is compiled again. Without this, nothing is
    /// written anywhere.
    pub fn compile_cache(mut self, dir: impl Into<PathBuf>) -> Self {
        self.compile_cache = Some(dir.into());
        self
    }

    /// Gives each of a decision's four reference stages its own fresh
    /// instance, as every region component's stage call has. By default
    /// the four share one fresh instance per decision: they are the host's
    /// own code, run for the same child's case, and the instance is
    /// discarded when the decision ends, so nothing crosses from one case
    /// to another; sharing saves three instantiations and memory resets
    /// per decision (`docs/decisions/0008-…`, `docs/performance.md`). The
    /// decisions are the same either way.
    pub fn separate_reference_instances(mut self, on: bool) -> Self {
        self.separate_reference_instances = on;
        self
    }

    /// Writes every decision made through [`Host::decide_with`] (and the
    /// calls built on it) to `log` before returning it, under the id
    /// [`DecideOptions::decision_id`] gives or a fresh one; a decision that
    /// cannot be logged is an error, not an answer (`docs/audit.md`).
    /// Cases a bundle runs when it is activated are not decisions and are
    /// not logged.
    pub fn decision_log(mut self, log: DecisionLog) -> Self {
        self.decision_log = Some(log);
        self
    }

    /// Loads the region bundle in `dir` when the host is built; building
    /// fails if the bundle is refused (see [`Host::activate`]).
    pub fn region(mut self, dir: impl Into<PathBuf>) -> Self {
        self.regions.push(dir.into());
        self
    }

    /// Sets up the engine (once per process), loads the reference components
    /// and activates the regions.
    pub fn build(self) -> Result<Host, Error> {
        let host = Host {
            inner: Arc::new(Inner {
                sandbox: Sandbox::new(
                    self.fuel,
                    self.limits.unwrap_or_default(),
                    &self.capacity.unwrap_or_default(),
                    self.compile_cache.as_deref(),
                    !self.separate_reference_instances,
                )?,
                pseudonym_key: self.pseudonym_key.unwrap_or_else(random_key),
                regions: RwLock::new(Regions::default()),
                decision_log: self.decision_log,
                language: self.language,
            }),
        };
        for dir in &self.regions {
            host.activate_dir(dir)?;
        }
        Ok(host)
    }
}

/// Options for one [`Host::decide_with`] call.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DecideOptions {
    /// Record what each stage saw and returned, and how long it took.
    pub explain: bool,
    /// Record only how long each stage took and the memory it used: the
    /// trace with null inputs and outputs and no logs, cheap enough for a
    /// service's per-stage metrics on every decision. `explain` wins.
    pub timings: bool,
    /// Decide with this region (by id, or `national-default`) whatever the
    /// signal's gemeente says. `None`: chosen by the gemeente.
    pub region: Option<String>,
    /// The id under which the decision log keeps this decision (e.g. the
    /// reference a CDS Hooks card's uuid derives from). `None`: a fresh
    /// random id. Without a decision log it is not used.
    pub decision_id: Option<String>,
    /// The language of the texts for people. `None`: the host's
    /// ([`HostBuilder::language`]).
    pub language: Option<Language>,
}

impl DecideOptions {
    /// Options with the per-stage trace on.
    pub fn explain() -> Self {
        DecideOptions { explain: true, ..DecideOptions::default() }
    }

    /// Options with the per-stage timings on (see [`DecideOptions::timings`]).
    pub fn timings() -> Self {
        DecideOptions { timings: true, ..DecideOptions::default() }
    }

    /// How much of each stage call these options record.
    pub(crate) fn trace(&self) -> Trace {
        match (self.explain, self.timings) {
            (true, _) => Trace::Full,
            (false, true) => Trace::Timings,
            (false, false) => Trace::Off,
        }
    }

    /// The national defaults, whatever the signal's gemeente.
    pub fn national() -> Self {
        DecideOptions { region: Some(NATIONAL_DEFAULT.to_string()), ..DecideOptions::default() }
    }

    /// Forces the region (by id, or `national-default`).
    pub fn in_region(mut self, id: impl Into<String>) -> Self {
        self.region = Some(id.into());
        self
    }

    /// Sets the id the decision log keeps the decision under.
    pub fn with_decision_id(mut self, id: impl Into<String>) -> Self {
        self.decision_id = Some(id.into());
        self
    }

    /// Writes this decision's texts in `language`.
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }
}

/// The wegwijs host: cheap to clone, safe to share across threads. Clones
/// share their regions: a bundle activated through one clone serves all.
#[derive(Debug, Clone)]
pub struct Host {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    sandbox: Sandbox,
    pseudonym_key: Vec<u8>,
    regions: RwLock<Regions>,
    decision_log: Option<DecisionLog>,
    language: Language,
}

/// The active regions, by id and by the gemeenten they serve.
#[derive(Debug, Default)]
struct Regions {
    by_id: BTreeMap<String, Arc<Region>>,
    by_gemeente: BTreeMap<String, String>,
}

impl Host {
    /// Starts building a host.
    pub fn builder() -> HostBuilder {
        HostBuilder::default()
    }

    /// The reference components this host runs, in stage order.
    pub fn components(&self) -> Vec<ComponentInfo> {
        self.inner.sandbox.references.infos()
    }

    /// The capacity this host applies: what [`HostBuilder::capacity`]
    /// asked for, with the width clamped to 1..=64 and the memory budget
    /// raised to at least one reference call's memory limit.
    pub fn capacity(&self) -> Capacity {
        self.inner.sandbox.admission.capacity.clone()
    }

    /// The regions loaded, by id.
    pub fn regions(&self) -> Vec<RegionInfo> {
        self.read_regions().by_id.values().map(|r| r.info()).collect()
    }

    /// Reads the bundle in `dir` and activates it (see [`Host::activate`]).
    pub fn activate_dir(&self, dir: impl AsRef<Path>) -> Result<RegionInfo, Error> {
        self.activate(read_bundle(dir.as_ref())?)
    }

    /// Activates a bundle, all or nothing: its components must load and
    /// type-check, its memory limit must fit in the host's memory budget
    /// (see [`Capacity::memory_budget`]), its own cases must pass, its
    /// gemeenten must not be served by another region, and when it replaces
    /// a loaded bundle of the same id its revision must be higher.
    /// Otherwise it is refused with every reason, and whatever served before
    /// keeps serving.
    pub fn activate(&self, bundle: Bundle) -> Result<RegionInfo, Error> {
        let refuse = |problems| Error::RegionRefused { bundle: bundle.source.clone(), problems };
        let region = Region::compile(&self.inner.sandbox, &bundle)?;
        if bundle.cases.iter().all(|(_, f)| f.cases.is_empty()) {
            return Err(refuse(vec![BundleProblem::NoCases]));
        }
        let report = self.run_bundle_in(&region, &bundle);
        if !report.passed() {
            return Err(refuse(report.problems()));
        }
        let region = Arc::new(region);
        let mut regions = self.inner.regions.write().unwrap_or_else(PoisonError::into_inner);
        let mut problems = Vec::new();
        if let Some(loaded) = regions.by_id.get(&region.id)
            && loaded.revision >= region.revision
        {
            problems.push(BundleProblem::NotNewer { loaded: loaded.revision, offered: region.revision });
        }
        for g in &region.gemeenten {
            if let Some(other) = regions.by_gemeente.get(g)
                && *other != region.id
            {
                problems.push(BundleProblem::GemeenteTaken { gemeente: g.clone(), region: other.clone() });
            }
        }
        if !problems.is_empty() {
            return Err(refuse(problems));
        }
        regions.by_gemeente.retain(|_, owner| *owner != region.id);
        for g in &region.gemeenten {
            regions.by_gemeente.insert(g.clone(), region.id.clone());
        }
        regions.by_id.insert(region.id.clone(), Arc::clone(&region));
        Ok(region.info())
    }

    /// Decides one JSON signal.
    pub fn decide_json(&self, json: &str) -> Result<Decision, Error> {
        self.decide(&Signal::from_json(json)?)
    }

    /// Decides one signal, in the region serving its gemeente (or with the
    /// national defaults when no loaded region serves it).
    pub fn decide(&self, signal: &Signal) -> Result<Decision, Error> {
        self.decide_with(signal, &DecideOptions::default())
    }

    /// Decides one signal with options. With a decision log, the decision
    /// is durable in the log when this returns, and carries its id.
    pub fn decide_with(&self, signal: &Signal, options: &DecideOptions) -> Result<Decision, Error> {
        let (decision, pending) = self.decide_pending(signal, options)?;
        if let Some(pending) = pending {
            pending.wait().map_err(|e| Error::DecisionLog(e.to_string()))?;
        }
        Ok(decision)
    }

    /// Like [`Host::decide_with`], but with a decision log the record is
    /// only written, not yet waited for: the decision must not be shown or
    /// sent before [`Pending::wait`](audit::Pending::wait) returned. A
    /// service uses this to free its decision slot while the disk syncs.
    pub fn decide_pending(
        &self,
        signal: &Signal,
        options: &DecideOptions,
    ) -> Result<(Decision, Option<audit::Pending>), Error> {
        let region = self.region_for(signal, options)?;
        let Some(log) = &self.inner.decision_log else {
            return Ok((self.decide_in(signal, region.as_deref(), options.trace(), self.language_for(options))?, None));
        };
        let (mut decision, case) = pipeline::decide_case(
            &self.inner.sandbox,
            &self.inner.pseudonym_key,
            signal,
            region.as_deref(),
            options.trace(),
            self.language_for(options),
        )?;
        let id = options.decision_id.clone().unwrap_or_else(audit::random_id);
        let pending = log.write_decision(&id, &decision, &case).map_err(|e| Error::DecisionLog(e.to_string()))?;
        decision.decision_id = Some(id);
        Ok((decision, Some(pending)))
    }

    /// The decision log this host writes, if it keeps one.
    pub fn decision_log(&self) -> Option<&DecisionLog> {
        self.inner.decision_log.as_ref()
    }

    /// The region a decision runs in: the one asked for, or the one serving
    /// the signal's gemeente, or none (the national defaults).
    fn region_for(&self, signal: &Signal, options: &DecideOptions) -> Result<Option<Arc<Region>>, Error> {
        let regions = self.read_regions();
        match &options.region {
            Some(id) if id == NATIONAL_DEFAULT => Ok(None),
            Some(id) => {
                Ok(Some(Arc::clone(regions.by_id.get(id).ok_or_else(|| Error::UnknownRegion { id: id.clone() })?)))
            }
            None => Ok(signal
                .gemeente
                .as_ref()
                .and_then(|g| regions.by_gemeente.get(g))
                .and_then(|id| regions.by_id.get(id))
                .cloned()),
        }
    }

    /// Runs the pipeline for one signal in `region` (the national defaults
    /// when `None`), active or not.
    pub(crate) fn decide_in(
        &self,
        signal: &Signal,
        region: Option<&Region>,
        trace: Trace,
        language: Language,
    ) -> Result<Decision, Error> {
        pipeline::decide(&self.inner.sandbox, &self.inner.pseudonym_key, signal, region, trace, language)
    }

    /// The language the host writes in unless a call asks for another.
    pub fn language(&self) -> Language {
        self.inner.language
    }

    /// The language a call with `options` is written in: the one it asks
    /// for, else the host's.
    pub fn language_for(&self, options: &DecideOptions) -> Language {
        options.language.unwrap_or(self.inner.language)
    }

    /// Runs cases in `region`. A case with its own `config` table runs with
    /// that config merged over the region's. A case in which one of the
    /// region's components faults fails, naming the fault: the guideline's
    /// result would stand in, but the component is not ready.
    pub(crate) fn run_cases_in(&self, region: &Region, cases: &[Case]) -> CaseReport {
        run_cases_with(cases, |case, signal| {
            let decision = match &case.config {
                None => self.decide_in(signal, Some(region), Trace::Off, self.inner.language)?,
                Some(table) => {
                    let extra = flatten_config(table).map_err(|problems| Error::RegionRefused {
                        bundle: format!("the config of case `{}`", case.name),
                        problems,
                    })?;
                    self.decide_in(signal, Some(&region.with_config(extra)), Trace::Off, self.inner.language)?
                }
            };
            match decision.faults.first() {
                Some(f) => Err(Error::CaseFault { stage: f.stage, detail: f.detail.clone() }),
                None => Ok(decision),
            }
        })
    }

    /// Runs every case a bundle brought in `region`, file by file.
    pub(crate) fn run_bundle_in(&self, region: &Region, bundle: &Bundle) -> BundleReport {
        let files =
            bundle.cases.iter().map(|(path, file)| (path.clone(), self.run_cases_in(region, &file.cases))).collect();
        BundleReport { region: region.info(), files }
    }

    /// The host's sandbox, for compiling a bundle into a region.
    pub(crate) fn sandbox(&self) -> &Sandbox {
        &self.inner.sandbox
    }

    fn read_regions(&self) -> RwLockReadGuard<'_, Regions> {
        // A panic while holding the lock cannot leave the maps half-written:
        // they are only changed after every check passed, in a few inserts.
        self.inner.regions.read().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Reads a bundle directory, refusing it with every problem found.
pub(crate) fn read_bundle(dir: &Path) -> Result<Bundle, Error> {
    Bundle::read(dir).map_err(|problems| Error::RegionRefused { bundle: dir.display().to_string(), problems })
}
