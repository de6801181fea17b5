//! The [`Host`]: built once, cloned freely, shared across threads. It owns
//! the reference components and the active regions, and runs the pipeline
//! for one signal per call: intake → screening → routing → guardrails on
//! routes → consent → guardrails on consent → decision card. In a region,
//! each stage runs the reference first and then the region's own component
//! with the reference result as input; a region's failure leaves the
//! reference result standing (G-NO-DROP).

use crate::cases::{Case, CaseReport, run_cases_with};
use crate::coherence;
use crate::component::{ComponentInfo, LoadedComponent, Role};
use crate::decision::{Decision, Divergence, GuardrailNote, Provenance, StageTrace, Status};
use crate::engine::{self, EngineKind};
use crate::error::Error;
use crate::guardrails;
use crate::limits::Limits;
use crate::region::{Bundle, BundleProblem, Manifest, NATIONAL_DEFAULT, flatten_config};
use crate::signal::Signal;
use crate::stage::{self, Fault, FaultKind, Stage};
use serde::Serialize;
use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, PoisonError, RwLock};
use wasmtime::Engine;
use wegwijs_types as m;

mod reference {
    pub(super) const INTAKE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/intake.wasm"));
    pub(super) const SCREENING: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/screening.wasm"));
    pub(super) const ROUTING: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/routing.wasm"));
    pub(super) const CONSENT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/consent.wasm"));
}

/// The built-in reference components' bytes, by stage: for tools that
/// inspect or benchmark them.
pub fn reference_component(stage: Stage) -> &'static [u8] {
    match stage {
        Stage::Intake => reference::INTAKE,
        Stage::Screening => reference::SCREENING,
        Stage::Routing => reference::ROUTING,
        Stage::Consent => reference::CONSENT,
    }
}

/// The four loaded components of a pipeline.
#[derive(Debug)]
struct Components {
    intake: LoadedComponent,
    screening: LoadedComponent,
    routing: LoadedComponent,
    consent: LoadedComponent,
}

impl Components {
    fn infos(&self) -> Vec<ComponentInfo> {
        [&self.intake, &self.screening, &self.routing, &self.consent].iter().map(|c| c.info.clone()).collect()
    }
}

/// Compiling the references takes most of a second; every host in the
/// process shares one compiled set per engine.
fn references(kind: EngineKind, engine: &Engine) -> Result<Arc<Components>, Error> {
    static PLAIN: OnceLock<Result<Arc<Components>, String>> = OnceLock::new();
    static FUEL: OnceLock<Result<Arc<Components>, String>> = OnceLock::new();
    let cell = match kind {
        EngineKind::Plain => &PLAIN,
        EngineKind::Fuel => &FUEL,
    };
    let version = env!("CARGO_PKG_VERSION");
    cell.get_or_init(|| {
        let load = |stage: Stage| {
            LoadedComponent::load(
                engine,
                kind == EngineKind::Fuel,
                stage,
                &format!("wegwijs-{}", stage.name()),
                version,
                Role::Reference,
                reference_component(stage),
            )
        };
        let built = (|| {
            Ok::<_, Error>(Components {
                intake: load(Stage::Intake)?,
                screening: load(Stage::Screening)?,
                routing: load(Stage::Routing)?,
                consent: load(Stage::Consent)?,
            })
        })();
        built.map(Arc::new).map_err(|e| e.to_string())
    })
    .clone()
    .map_err(Error::Engine)
}

/// Builds a [`Host`].
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct HostBuilder {
    limits: Option<Limits>,
    fuel: bool,
    pseudonym_key: Option<Vec<u8>>,
    regions: Vec<PathBuf>,
}

impl HostBuilder {
    /// Sets the per-stage default limits (defaults: [`Limits::default`]).
    /// Regions may ask for other limits within [`Limits::maxima`].
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = Some(limits);
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

    /// Loads the region bundle in `dir` when the host is built; building
    /// fails if the bundle is refused (see [`Host::activate`]).
    pub fn region(mut self, dir: impl Into<PathBuf>) -> Self {
        self.regions.push(dir.into());
        self
    }

    /// Sets up the engine (once per process), loads the reference components
    /// and activates the regions.
    pub fn build(self) -> Result<Host, Error> {
        let kind = if self.fuel { EngineKind::Fuel } else { EngineKind::Plain };
        let engine = engine::engine(kind).map_err(Error::Engine)?;
        let components = references(kind, engine)?;
        let mut limits = self.limits.unwrap_or_default();
        limits.memory_bytes = limits.memory_bytes.min(engine::MAX_MEMORY_BYTES);
        let host = Host {
            inner: Arc::new(Inner {
                engine,
                metered: self.fuel,
                components,
                limits,
                pseudonym_key: self.pseudonym_key.unwrap_or_else(random_key),
                regions: RwLock::new(Regions::default()),
            }),
        };
        for dir in &self.regions {
            host.activate_dir(dir)?;
        }
        Ok(host)
    }
}

fn random_key() -> Vec<u8> {
    // RandomState is seeded from the OS; two draws give 128 bits.
    let mut key = Vec::with_capacity(16);
    for _ in 0..2 {
        key.extend_from_slice(&std::hash::RandomState::new().build_hasher().finish().to_le_bytes());
    }
    key
}

/// Options for one [`Host::decide_with`] call.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DecideOptions {
    /// Record what each stage saw and returned, and how long it took.
    pub explain: bool,
    /// Decide with this region (by id, or `national-default`) whatever the
    /// signal's gemeente says. `None`: chosen by the gemeente.
    pub region: Option<String>,
}

impl DecideOptions {
    /// Options with the per-stage trace on.
    pub fn explain() -> Self {
        DecideOptions { explain: true, region: None }
    }

    /// Forces the region (by id, or `national-default`).
    pub fn in_region(mut self, id: impl Into<String>) -> Self {
        self.region = Some(id.into());
        self
    }
}

/// A loaded region as the host reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionInfo {
    /// Region id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Bundle revision.
    pub revision: u32,
    /// CBS gemeentecodes served.
    pub gemeenten: Vec<String>,
    /// The region's own components (stages not listed run the reference).
    pub components: Vec<ComponentInfo>,
    /// Number of the bundle's own cases.
    pub cases: usize,
}

/// The result of running a bundle's own cases without activating it.
#[derive(Debug)]
pub struct BundleReport {
    /// The region as it would be loaded.
    pub region: RegionInfo,
    /// Per case file (path inside the bundle), the report.
    pub files: Vec<(String, CaseReport)>,
}

impl BundleReport {
    /// Whether every case passed.
    pub fn passed(&self) -> bool {
        self.files.iter().all(|(_, r)| r.failed() == 0)
    }

    /// The failing cases as problems naming file, case and mismatches.
    pub fn problems(&self) -> Vec<BundleProblem> {
        let mut out = Vec::new();
        for (path, report) in &self.files {
            for (name, result) in &report.results {
                let detail = match result {
                    Ok(m) if m.is_empty() => continue,
                    Ok(m) => m.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
                    Err(e) => e.clone(),
                };
                out.push(BundleProblem::CaseFailed { path: path.clone(), case: name.clone(), detail });
            }
        }
        out
    }
}

/// A region compiled from a bundle but not activated: it decides, runs
/// cases, and serves no one else. See [`Host::trial`].
#[derive(Debug)]
pub struct Trial<'h> {
    host: &'h Host,
    region: Region,
}

impl Trial<'_> {
    /// The region as it would be loaded.
    pub fn info(&self) -> RegionInfo {
        self.region.info()
    }

    /// Decides one signal in this region, whatever its gemeente.
    pub fn decide(&self, signal: &Signal, options: &DecideOptions) -> Result<Decision, Error> {
        self.host.decide_in(signal, options, Some(&self.region))
    }

    /// Runs cases in this region. A case with its own `config` table runs
    /// with that config merged over the region's. A case in which one of the
    /// region's components faults fails, naming the fault: the guideline's
    /// result would stand in, but the component is not ready.
    pub fn run_cases(&self, cases: &[Case]) -> CaseReport {
        run_cases_with(cases, |case, signal| {
            let d = match &case.config {
                None => self.decide(signal, &DecideOptions::default())?,
                Some(table) => {
                    let extra = flatten_config(table).map_err(|problems| Error::RegionRefused {
                        bundle: format!("the config of case `{}`", case.name),
                        problems,
                    })?;
                    let mut region = self.region.clone();
                    let mut config = (*region.config).clone();
                    config.extend(extra);
                    region.config = Arc::new(config);
                    self.host.decide_in(signal, &DecideOptions::default(), Some(&region))?
                }
            };
            match d.faults.first() {
                Some(f) => Err(Error::CaseFault(format!("the {} component faulted: {}", f.stage, f.detail))),
                None => Ok(d),
            }
        })
    }

    fn run_bundle_cases(&self, bundle: &Bundle) -> BundleReport {
        let files = bundle.cases.iter().map(|(path, file)| (path.clone(), self.run_cases(&file.cases))).collect();
        BundleReport { region: self.info(), files }
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
    engine: &'static Engine,
    metered: bool,
    components: Arc<Components>,
    limits: Limits,
    pseudonym_key: Vec<u8>,
    regions: RwLock<Regions>,
}

#[derive(Debug, Default)]
struct Regions {
    by_id: BTreeMap<String, Arc<Region>>,
    by_gemeente: BTreeMap<String, String>,
}

/// A region ready to decide: its config, its limits and its own components.
#[derive(Debug, Clone)]
pub(crate) struct Region {
    manifest: Manifest,
    config: Arc<BTreeMap<String, String>>,
    limits: Limits,
    own: BTreeMap<Stage, Arc<LoadedComponent>>,
    cases: usize,
}

impl Region {
    fn info(&self) -> RegionInfo {
        RegionInfo {
            id: self.manifest.id.clone(),
            name: self.manifest.name.clone(),
            revision: self.manifest.revision,
            gemeenten: self.manifest.gemeenten.clone(),
            components: self.own.values().map(|c| c.info.clone()).collect(),
            cases: self.cases,
        }
    }
}

impl Host {
    /// Starts building a host.
    pub fn builder() -> HostBuilder {
        HostBuilder::default()
    }

    /// The reference components this host runs, in stage order.
    pub fn components(&self) -> Vec<ComponentInfo> {
        self.inner.components.infos()
    }

    /// The regions loaded, by id.
    pub fn regions(&self) -> Vec<RegionInfo> {
        self.read_regions().by_id.values().map(|r| r.info()).collect()
    }

    /// Validates and compiles `bytes` as a component for `stage`, exactly as
    /// the host loads any component: refused when empty, a core module,
    /// malformed, importing anything outside its world (each import named),
    /// or not exporting the stage's function with the stage's types.
    pub fn check_component(&self, stage: Stage, name: &str, bytes: &[u8]) -> Result<ComponentInfo, Error> {
        LoadedComponent::load(self.inner.engine, self.inner.metered, stage, name, "unknown", Role::Region, bytes)
            .map(|c| c.info.clone())
    }

    /// Reads the bundle in `dir` and runs its own cases against it, without
    /// activating it: what `wegwijs test --region` shows.
    pub fn test_bundle(&self, dir: impl AsRef<Path>) -> Result<BundleReport, Error> {
        let bundle = read_bundle(dir.as_ref())?;
        Ok(self.trial(&bundle)?.run_bundle_cases(&bundle))
    }

    /// Compiles a bundle into a region that decides but is not activated:
    /// for the harness (`wegwijs test`, `wegwijs check`) and for trying a
    /// bundle out before it serves anyone.
    pub fn trial(&self, bundle: &Bundle) -> Result<Trial<'_>, Error> {
        Ok(Trial { host: self, region: self.prepare(bundle)? })
    }

    /// Reads the bundle in `dir` and activates it (see [`Host::activate`]).
    pub fn activate_dir(&self, dir: impl AsRef<Path>) -> Result<RegionInfo, Error> {
        self.activate(read_bundle(dir.as_ref())?)
    }

    /// Activates a bundle, all or nothing: its components must load and
    /// type-check, its own cases must pass, its gemeenten must not be served
    /// by another region, and when it replaces a loaded bundle of the same
    /// id its revision must be higher. Otherwise it is refused with every
    /// reason, and whatever served before keeps serving.
    pub fn activate(&self, bundle: Bundle) -> Result<RegionInfo, Error> {
        let refuse = |problems| Error::RegionRefused { bundle: bundle.source.clone(), problems };
        let trial = self.trial(&bundle)?;
        if bundle.cases.is_empty() || bundle.cases.iter().all(|(_, f)| f.cases.is_empty()) {
            return Err(refuse(vec![BundleProblem::NoCases]));
        }
        let report = trial.run_bundle_cases(&bundle);
        if !report.passed() {
            return Err(refuse(report.problems()));
        }
        let region = Arc::new(trial.region);
        let mut regions = self.inner.regions.write().unwrap_or_else(PoisonError::into_inner);
        let id = &region.manifest.id;
        let mut problems = Vec::new();
        if let Some(loaded) = regions.by_id.get(id)
            && loaded.manifest.revision >= region.manifest.revision
        {
            problems
                .push(BundleProblem::NotNewer { loaded: loaded.manifest.revision, offered: region.manifest.revision });
        }
        for g in &region.manifest.gemeenten {
            if let Some(other) = regions.by_gemeente.get(g)
                && other != id
            {
                problems.push(BundleProblem::GemeenteTaken { gemeente: g.clone(), region: other.clone() });
            }
        }
        if !problems.is_empty() {
            return Err(refuse(problems));
        }
        regions.by_gemeente.retain(|_, owner| owner != id);
        for g in &region.manifest.gemeenten {
            regions.by_gemeente.insert(g.clone(), id.clone());
        }
        regions.by_id.insert(id.clone(), Arc::clone(&region));
        Ok(region.info())
    }

    fn read_regions(&self) -> std::sync::RwLockReadGuard<'_, Regions> {
        // A panic while holding the lock cannot leave the maps half-written:
        // they are only changed after every check passed, in a few inserts.
        self.inner.regions.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Compiles the bundle's components into a region, not yet activated.
    fn prepare(&self, bundle: &Bundle) -> Result<Region, Error> {
        let manifest = bundle.manifest.clone();
        let mut own = BTreeMap::new();
        let mut problems = Vec::new();
        for (stage, bytes) in &bundle.components {
            let name = format!("{}/{}", manifest.id, stage.name());
            let version = format!("r{}", manifest.revision);
            match LoadedComponent::load_cached(
                self.inner.engine,
                self.inner.metered,
                *stage,
                &name,
                &version,
                Role::Region,
                bytes,
            ) {
                Ok(c) => {
                    own.insert(*stage, c);
                }
                Err(Error::ComponentRejected { stage, reason, .. }) => {
                    problems.push(BundleProblem::ComponentRejected { stage, reason: reason.to_string() })
                }
                Err(other) => return Err(other),
            }
        }
        if !problems.is_empty() {
            return Err(Error::RegionRefused { bundle: bundle.source.clone(), problems });
        }
        Ok(Region {
            config: Arc::new(manifest.config.clone()),
            limits: manifest.limits.within(&self.inner.limits, &Limits::maxima()),
            own,
            cases: bundle.cases.iter().map(|(_, f)| f.cases.len()).sum(),
            manifest,
        })
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

    /// Decides one signal with options.
    pub fn decide_with(&self, signal: &Signal, options: &DecideOptions) -> Result<Decision, Error> {
        let region = {
            let regions = self.read_regions();
            match &options.region {
                Some(id) if id == NATIONAL_DEFAULT => None,
                Some(id) => {
                    Some(Arc::clone(regions.by_id.get(id).ok_or_else(|| Error::UnknownRegion { id: id.clone() })?))
                }
                None => signal
                    .gemeente
                    .as_ref()
                    .and_then(|g| regions.by_gemeente.get(g))
                    .and_then(|id| regions.by_id.get(id))
                    .cloned(),
            }
        };
        self.decide_in(signal, options, region.as_deref())
    }

    fn decide_in(&self, signal: &Signal, options: &DecideOptions, region: Option<&Region>) -> Result<Decision, Error> {
        signal.validate()?;
        let case = signal.to_case(&self.inner.pseudonym_key);
        let empty = Arc::new(BTreeMap::new());
        let mut run = Run {
            host: &self.inner,
            region,
            config: region.map_or(empty, |r| Arc::clone(&r.config)),
            trace: options.explain.then(Vec::new),
            faults: Vec::new(),
            divergences: Vec::new(),
        };
        let c = &self.inner.components;

        let (mut intake, mut intake_ref) = run.stage(
            &c.intake,
            |r: Option<m::IntakeCard>| (case.clone(), r),
            || json!(&case),
            |_: &m::IntakeCard| Ok(()),
        );
        // G-NO-DROP: a region's intake may not close a signal the
        // guideline's intake accepted; the guideline's card stands.
        let mut dropped = None;
        if let (Some(i), Some(r)) = (&intake, &intake_ref)
            && i.outcome == m::IntakeOutcome::Closed
            && r.outcome == m::IntakeOutcome::Accepted
        {
            dropped = run.region.map(|region| region.manifest.id.clone());
            intake = intake_ref.take();
        }
        let screening = match &intake {
            Some(i) if i.outcome == m::IntakeOutcome::Accepted => {
                run.stage(
                    &c.screening,
                    |r: Option<m::ScreeningCard>| (case.clone(), i.clone(), r),
                    || json!({ "case": &case, "intake": i }),
                    |_: &m::ScreeningCard| Ok(()),
                )
                .0
            }
            _ => None,
        };
        let (mut routing, routing_ref) = match (&intake, &screening) {
            (Some(i), Some(s)) => run.stage(
                &c.routing,
                |r: Option<m::RoutingCard>| (case.clone(), i.clone(), s.clone(), r),
                || json!({ "case": &case, "intake": i, "screening": s }),
                |_: &m::RoutingCard| Ok(()),
            ),
            _ => (None, None),
        };

        let mut notes = Vec::new();
        // A region's intake may not talk the host out of acute unsafety the
        // signal or the guideline's intake saw (G-SAFETY).
        let acute = !case.safety_indicators.is_empty()
            || intake.as_ref().is_some_and(|i| i.safety_flag)
            || intake_ref.as_ref().is_some_and(|i| i.safety_flag);
        let closed = !acute && intake.as_ref().is_some_and(|i| i.outcome == m::IntakeOutcome::Closed);
        if routing.is_none() && !closed {
            // No routing result (a stage failed): start from an empty card so
            // the floors below still hold.
            routing = Some(empty_routing());
        }
        if let Some(r) = routing.as_mut() {
            notes.push(guardrails::safety(acute, r, routing_ref.as_ref()));
            notes.push(guardrails::authority(r));
            guardrails::sort_routes(r);
            // Summaries and the urgency sentence follow the final routes,
            // after every guardrail (coherence).
            coherence::restate(r, routing_ref.as_ref(), region.map(|r| r.manifest.id.as_str()));
        }

        let requests = disclosure_requests(routing.as_ref());
        let mut consent_note = GuardrailNote {
            rule: "G-CONSENT",
            changed: false,
            text: "No region consent component: the guideline's consent outcomes stand.".into(),
        };
        let consent = if requests.is_empty() {
            Vec::new()
        } else {
            let (cards, reference) = run.stage(
                &c.consent,
                |r: Option<Vec<m::ConsentCard>>| (case.clone(), requests.clone(), r),
                || json!({ "case": &case, "requests": &requests }),
                |cards: &Vec<m::ConsentCard>| validate_consent(cards, &requests),
            );
            match (cards, reference) {
                (Some(cards), Some(reference)) => {
                    let (out, note) = guardrails::consent(&reference, cards);
                    consent_note = note;
                    out
                }
                (Some(cards), _) => cards,
                (None, _) => requests.iter().map(consent_unavailable).collect(),
            }
        };
        notes.push(consent_note);
        let reference_faults = run.faults.iter().filter(|f| f.role == Role::Reference).count();
        notes.push(GuardrailNote {
            rule: "G-NO-DROP",
            changed: !run.faults.is_empty() || dropped.is_some(),
            text: match (run.faults.len(), reference_faults) {
                (0, _) if dropped.is_some() => format!(
                    "Region `{}` closed a signal the guideline accepts; the guideline's intake stands.",
                    dropped.unwrap_or_default()
                ),
                (0, _) => "Every stage returned a result.".into(),
                (1, 0) => {
                    "1 region component call failed; the guideline's result stands for that stage (see faults).".into()
                }
                (n, 0) => format!(
                    "{n} region component calls failed; the guideline's result stands for those stages (see faults)."
                ),
                (1, _) => "1 stage failed; see faults. The decision was still produced.".into(),
                (n, _) => format!("{n} stages failed; see faults. The decision was still produced."),
            },
        });
        notes.push(GuardrailNote {
            rule: "G-HUMAN",
            changed: false,
            text: format!(
                "A recommendation only: nothing was sent to anyone. The professional decides, together with {}.",
                participants(&case)
            ),
        });
        notes.push(GuardrailNote {
            rule: "G-MINIMAL",
            changed: false,
            text: "Components received a pseudonym and coded data only; name, BSN, address, birth date and notes stayed in the host."
                .into(),
        });

        let status =
            if intake.is_none() || (!closed && (screening.is_none() || routing.is_none())) || reference_faults > 0 {
                Status::Incomplete
            } else if closed {
                Status::Closed
            } else {
                Status::Decided
            };
        let mut level = screening.as_ref().map(|s| s.level);
        let mut action = screening.as_ref().map(|s| s.action);
        if acute {
            level = Some(m::Level::Safety);
            action = Some(m::Action::S);
        }
        let urgency = routing.as_ref().map(|r| r.urgency).unwrap_or(m::Urgency::NextContact);
        let mut warnings = Vec::new();
        for w in [
            intake.as_ref().map(|c| &c.warnings),
            screening.as_ref().map(|c| &c.warnings),
            routing.as_ref().map(|c| &c.warnings),
        ]
        .into_iter()
        .flatten()
        {
            warnings.extend(w.iter().cloned());
        }
        let headline = headline(status, level, action, routing.as_ref(), intake.as_ref());
        let mut components = self.inner.components.infos();
        if let Some(r) = region {
            components.extend(r.own.values().map(|c| c.info.clone()));
        }

        Ok(Decision {
            signal_id: signal.signal_id.clone(),
            pseudonym: case.pseudonym.clone(),
            status,
            headline,
            level,
            action,
            urgency,
            intake,
            screening,
            routing,
            consent,
            warnings,
            provenance: Provenance {
                wit: format!("{}@{}", m::WIT_PACKAGE, m::WIT_VERSION),
                host: env!("CARGO_PKG_VERSION").to_string(),
                region: region.map_or_else(|| NATIONAL_DEFAULT.to_string(), |r| r.manifest.id.clone()),
                region_name: region.map(|r| r.manifest.name.clone()),
                region_revision: region.map(|r| r.manifest.revision),
                components,
                guardrails: notes.iter().map(|n| n.rule).collect(),
            },
            guardrails: notes,
            divergences: run.divergences,
            faults: run.faults,
            recommendation_only: true,
            trace: run.trace,
        })
    }
}

fn read_bundle(dir: &Path) -> Result<Bundle, Error> {
    Bundle::read(dir).map_err(|problems| Error::RegionRefused { bundle: dir.display().to_string(), problems })
}

macro_rules! json {
    ($($t:tt)*) => {
        serde_json::json!($($t)*)
    };
}
use json;

/// One pipeline run: collects faults, divergences and, when asked, the trace.
struct Run<'a> {
    host: &'a Inner,
    region: Option<&'a Region>,
    config: Arc<BTreeMap<String, String>>,
    trace: Option<Vec<StageTrace>>,
    faults: Vec<Fault>,
    divergences: Vec<Divergence>,
}

impl Run<'_> {
    /// Runs a stage: the reference component (with the region's config),
    /// then, when the region has its own component for the stage, that one
    /// with the reference result as input. Returns the result that stands
    /// and, only when that is the region's, the reference result beside it
    /// (otherwise the result that stands is the reference's own, and it is
    /// not copied).
    fn stage<P, R>(
        &mut self,
        reference: &LoadedComponent,
        params: impl Fn(Option<R>) -> P,
        input: impl Fn() -> serde_json::Value,
        validate: impl Fn(&R) -> Result<(), String>,
    ) -> (Option<R>, Option<R>)
    where
        P: wasmtime::component::ComponentNamedList + wasmtime::component::Lower + Send + Sync,
        R: wasmtime::component::Lift + Serialize + Clone + Send + Sync + 'static,
        (R,): wasmtime::component::ComponentNamedList + wasmtime::component::Lift,
    {
        let limits = self.host.limits.clone();
        let ref_result = self.call(reference, params(None), &limits, &input, &validate);
        let Some(own) = self.region.and_then(|r| r.own.get(&reference.info.stage)).cloned() else {
            return (ref_result.map(|(v, _)| v), None);
        };
        let region_limits = self.region.map_or(limits, |r| r.limits.clone());
        let region_result =
            self.call(&own, params(ref_result.as_ref().map(|(v, _)| v.clone())), &region_limits, &input, &validate);
        match (region_result, ref_result) {
            (Some((value, json)), Some((reference, ref_json))) => {
                if json != ref_json {
                    self.divergences.push(divergence(&own.info, &ref_json, &json));
                }
                (Some(value), Some(reference))
            }
            (Some((value, _)), None) => (Some(value), None),
            (None, reference) => (reference.map(|(v, _)| v), None),
        }
    }

    fn call<P, R>(
        &mut self,
        loaded: &LoadedComponent,
        params: P,
        limits: &Limits,
        input: &impl Fn() -> serde_json::Value,
        validate: &impl Fn(&R) -> Result<(), String>,
    ) -> Option<(R, serde_json::Value)>
    where
        P: wasmtime::component::ComponentNamedList + wasmtime::component::Lower + Send + Sync,
        R: wasmtime::component::Lift + Serialize + Send + Sync + 'static,
        (R,): wasmtime::component::ComponentNamedList + wasmtime::component::Lift,
    {
        let result = stage::call::<P, R>(self.host.engine, self.host.metered, loaded, params, limits, &self.config);
        let (value, micros, logs) = match result {
            Ok(outcome) => {
                let json = serde_json::to_value(&outcome.value).unwrap_or(serde_json::Value::Null);
                match check_output(&json, limits).and_then(|()| validate(&outcome.value).map_err(invalid)) {
                    Ok(()) => (Some((outcome.value, json)), outcome.micros, outcome.logs),
                    Err((kind, detail)) => {
                        self.fault(loaded, kind, detail);
                        (None, outcome.micros, outcome.logs)
                    }
                }
            }
            Err((kind, detail)) => {
                self.fault(loaded, kind, detail);
                (None, 0, Vec::new())
            }
        };
        if let Some(trace) = self.trace.as_mut() {
            trace.push(StageTrace {
                stage: loaded.info.stage,
                component: loaded.info.name.clone(),
                role: loaded.info.role,
                input: input(),
                output: value.as_ref().map_or(serde_json::Value::Null, |(_, j)| j.clone()),
                micros,
                logs,
            });
        }
        value
    }

    fn fault(&mut self, loaded: &LoadedComponent, kind: FaultKind, detail: String) {
        self.faults.push(Fault {
            stage: loaded.info.stage,
            component: loaded.info.name.clone(),
            sha256: loaded.info.sha256.clone(),
            role: loaded.info.role,
            kind,
            detail,
            fallback: match loaded.info.role {
                Role::Reference => "no automated result for this stage: assess by hand".into(),
                Role::Region => "the reference (guideline) result stands".into(),
            },
        });
    }
}

fn invalid(detail: String) -> (FaultKind, String) {
    (FaultKind::InvalidOutput, detail)
}

/// Checks a result against the output limits and the rule-id contract by
/// walking its JSON form, so one check covers every card type: lists of
/// reasons against `max_reasons`, other lists against `max_items`, strings
/// against `max_string_bytes`, and every cited rule id for well-formedness.
fn check_output(value: &serde_json::Value, limits: &Limits) -> Result<(), (FaultKind, String)> {
    fn walk(v: &serde_json::Value, path: &str, limits: &Limits) -> Result<(), (FaultKind, String)> {
        match v {
            serde_json::Value::String(s) if s.len() > limits.max_string_bytes => Err((
                FaultKind::OutputTooLarge,
                format!("`{path}` is {} bytes long; at most {} are accepted", s.len(), limits.max_string_bytes),
            )),
            serde_json::Value::Array(items) => {
                let reasons = path.ends_with("reasons") || path.ends_with("warnings");
                let max = if reasons { limits.max_reasons } else { limits.max_items };
                if items.len() > max {
                    return Err((
                        FaultKind::OutputTooLarge,
                        format!("`{path}` has {} items; at most {max} are accepted", items.len()),
                    ));
                }
                items.iter().enumerate().try_for_each(|(i, item)| walk(item, &format!("{path}[{i}]"), limits))
            }
            serde_json::Value::Object(fields) => {
                if let Some(serde_json::Value::String(rule)) = fields.get("rule")
                    && !m::is_well_formed_rule_id(rule)
                {
                    return Err(invalid(format!(
                        "`{path}` cites `{}`, which is not a well-formed rule id (e.g. RT-A2, REGIO-NOORD-HUB)",
                        rule.chars().take(64).collect::<String>()
                    )));
                }
                fields.iter().try_for_each(|(k, item)| {
                    walk(item, &if path.is_empty() { k.clone() } else { format!("{path}.{k}") }, limits)
                })
            }
            _ => Ok(()),
        }
    }
    walk(value, "", limits)
}

/// What a region's component changed relative to the reference result:
/// changed fields, routes added, removed or changed (by partner and kind),
/// and the reasons the region gave that the reference did not.
fn divergence(component: &ComponentInfo, reference: &serde_json::Value, region: &serde_json::Value) -> Divergence {
    use serde_json::Value;
    let mut changes = Vec::new();
    let short = |v: &Value| {
        let s = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if s.chars().count() > 60 { format!("{}…", s.chars().take(60).collect::<String>()) } else { s }
    };
    let route_key = |r: &Value| format!("{} {}", short(&r["partner"]), short(&r["kind"]));
    let compare = |prefix: &str, a: &Value, b: &Value, changes: &mut Vec<String>| {
        if let (Value::Object(a), Value::Object(b)) = (a, b) {
            for (k, av) in a {
                let bv = b.get(k).unwrap_or(&Value::Null);
                if av == bv || k == "reasons" || k == "warnings" {
                    continue;
                }
                if k == "routes" {
                    let (ar, br) =
                        (av.as_array().cloned().unwrap_or_default(), bv.as_array().cloned().unwrap_or_default());
                    for r in &br {
                        match ar.iter().find(|x| route_key(x) == route_key(r)) {
                            None => changes.push(format!("route added: {}", route_key(r))),
                            Some(x) if x != r => {
                                let fields: Vec<&str> = r
                                    .as_object()
                                    .into_iter()
                                    .flatten()
                                    .filter(|(f, v)| *f != "reasons" && x.get(f.as_str()) != Some(v))
                                    .map(|(f, _)| f.as_str())
                                    .collect();
                                if !fields.is_empty() {
                                    changes.push(format!("route changed: {} ({})", route_key(r), fields.join(", ")));
                                }
                            }
                            Some(_) => {}
                        }
                    }
                    for x in &ar {
                        if !br.iter().any(|r| route_key(r) == route_key(x)) {
                            changes.push(format!("route removed: {}", route_key(x)));
                        }
                    }
                } else {
                    changes.push(format!("{prefix}{k}: {} → {}", short(av), short(bv)));
                }
            }
        }
    };
    match (reference, region) {
        (Value::Array(a), Value::Array(b)) => {
            for (x, y) in a.iter().zip(b) {
                let prefix = format!("{}: ", short(&x["request"]["recipient"]));
                compare(&prefix, x, y, &mut changes);
            }
        }
        (a, b) => compare("", a, b, &mut changes),
    }
    let mut known = std::collections::BTreeSet::new();
    collect_reasons(reference, &mut |r| {
        known.insert(r.clone());
    });
    let mut region_reasons = Vec::new();
    collect_reasons(region, &mut |r| {
        if !known.contains(&r) && !region_reasons.contains(&r) {
            region_reasons.push(r);
        }
    });
    if changes.is_empty() {
        changes.push("reasons only".into());
    }
    Divergence {
        stage: component.stage,
        component: component.name.clone(),
        sha256: component.sha256.clone(),
        changes,
        region_reasons: region_reasons.into_iter().map(|(rule, text)| m::Reason::new(&rule, text)).collect(),
    }
}

/// Every `{rule, text}` object in a card, as pairs.
fn collect_reasons(v: &serde_json::Value, f: &mut impl FnMut((String, String))) {
    match v {
        serde_json::Value::Object(o) => {
            if let (Some(serde_json::Value::String(rule)), Some(serde_json::Value::String(text))) =
                (o.get("rule"), o.get("text"))
            {
                f((rule.clone(), text.clone()));
            }
            o.values().for_each(|x| collect_reasons(x, f));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_reasons(x, f)),
        _ => {}
    }
}

fn validate_consent(cards: &[m::ConsentCard], requests: &[m::DisclosureRequest]) -> Result<(), String> {
    if cards.len() != requests.len() {
        return Err(format!("{} consent cards for {} requests", cards.len(), requests.len()));
    }
    for (i, c) in cards.iter().enumerate() {
        if c.request != requests[i] {
            return Err(format!("consent card {i} answers another request than was asked"));
        }
    }
    Ok(())
}

/// Every disclosure the routes need, once each, in route order.
fn disclosure_requests(routing: Option<&m::RoutingCard>) -> Vec<m::DisclosureRequest> {
    let mut out: Vec<m::DisclosureRequest> = Vec::new();
    for d in routing.into_iter().flat_map(|r| &r.routes).filter_map(|r| r.disclosure.as_ref()) {
        if !out.contains(d) {
            out.push(d.clone());
        }
    }
    out
}

fn consent_unavailable(request: &m::DisclosureRequest) -> m::ConsentCard {
    m::ConsentCard {
        request: request.clone(),
        outcome: m::ConsentOutcome::ProfessionalJudgement,
        legal_basis: None,
        consent_of: vec![],
        inform: vec![],
        permitted_data: vec![],
        checklist: vec![],
        reasons: vec![m::Reason::new(
            "G-NO-DROP",
            "The consent check failed; nothing may be shared until a professional has weighed it.",
        )],
    }
}

fn empty_routing() -> m::RoutingCard {
    m::RoutingCard {
        routes: vec![],
        one_plan: false,
        care_coordinator: None,
        urgency: m::Urgency::NextContact,
        summary: "No routing result.".into(),
        warnings: vec![],
        reasons: vec![],
    }
}

fn headline(
    status: Status,
    level: Option<m::Level>,
    action: Option<m::Action>,
    routing: Option<&m::RoutingCard>,
    intake: Option<&m::IntakeCard>,
) -> String {
    match status {
        Status::Closed => {
            format!("Closed at intake: {}", intake.map(|i| i.summary.as_str()).unwrap_or("no further steps"))
        }
        _ => {
            let mut s = String::new();
            if status == Status::Incomplete {
                s.push_str("INCOMPLETE (assess by hand) — ");
            }
            match (level, action) {
                (_, Some(m::Action::Reassess)) => {
                    s.push_str("Insufficient information: assess again (an instrument could not be used)")
                }
                (Some(l), Some(a)) => s.push_str(&format!("Level {l}, action {}", a.name().to_uppercase())),
                _ => s.push_str("No screening result"),
            }
            let routes = routing.map(|r| r.routes.as_slice()).unwrap_or(&[]);
            match routes.first() {
                Some(first) => s.push_str(&format!(
                    "; {} {}, first: {} {} ({})",
                    routes.len(),
                    if routes.len() == 1 { "route" } else { "routes" },
                    first.partner,
                    first.kind,
                    first.urgency
                )),
                None if action == Some(m::Action::A0) => {
                    s.push_str("; no route: normalise and inform at the next contact")
                }
                None => s.push_str("; no route proposed"),
            }
            s
        }
    }
}

/// Who the professional decides with (G-SHARED), by CS-AGE and a 16+
/// youth's wish about the parents, as the region kit words it; where
/// talking with the family would endanger someone, only once it no longer
/// does (MC-STEPS step 3).
fn participants(case: &m::ChildCase) -> String {
    let prenatal = matches!(case.age, Some(m::ChildAge::Prenatal(_)));
    let months = case.age.as_ref().and_then(m::ChildAge::whole_months);
    let who = wegwijs_kit::Participants::of(months, prenatal, case.youth_objects_to_informing_parents).together_with();
    if case.meldcode.as_ref().is_some_and(|m| m.telling_endangers) {
        format!("{who} once that no longer endangers anyone (meldcode step 3)")
    } else {
        who.to_string()
    }
}
