//! Where components run: one engine per process with its deadline ticker
//! and host imports ([`engine`]), loading and type-checking a component
//! ([`component`]), each stage's contract ([`spec`]), the room a call takes
//! under the host's capacity before it runs ([`capacity`]) and one stage
//! call in a fresh store, or in a decision's shared reference instance
//! ([`call`]). The built-in reference components are embedded here; the
//! reference set the host runs is compiled once per process, or loaded
//! precompiled from a directory the host is given ([`cache`]).
//!
//! Nothing in this module knows about signals, regions or guardrails: it
//! runs a component for a stage and says what came back or how it failed.

pub(crate) mod cache;
pub(crate) mod call;
pub(crate) mod capacity;
pub(crate) mod component;
pub(crate) mod engine;
pub(crate) mod spec;

pub(crate) use component::{LoadedComponent, sha256_hex};

use crate::error::Error;
use crate::limits::{Capacity, Limits};
use crate::model::{ComponentInfo, Role, Stage};
use cache::CompileCache;
use capacity::Admission;
use engine::EngineKind;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use wasmtime::Engine;
use wegwijs_types::{Said, said};

/// The reference components' bytes, in stage order: built from
/// `components/<stage>` for `wasm32-wasip2` and shipped in this crate's
/// `components/` directory, so that the crate builds without the wasm
/// target and reads nothing outside its own package. The test suite
/// rebuilds them and requires the same bytes (`docs/decisions/0010-…`).
const REFERENCE_BYTES: [&[u8]; 4] = [
    include_bytes!("../../components/intake.wasm"),
    include_bytes!("../../components/screening.wasm"),
    include_bytes!("../../components/routing.wasm"),
    include_bytes!("../../components/consent.wasm"),
];

/// The built-in reference component's bytes for `stage`.
pub(crate) fn reference_bytes(stage: Stage) -> &'static [u8] {
    REFERENCE_BYTES[stage.index()]
}

/// The four reference stages in one component (`components/reference`),
/// built from the same crates and shipped like [`REFERENCE_BYTES`]: what
/// the host runs, so that a decision's four reference stages can share one
/// fresh instance.
pub(crate) const REFERENCE_SET_BYTES: &[u8] = include_bytes!("../../components/reference.wasm");

/// The name the reference set is loaded under.
pub(crate) const REFERENCE_SET_NAME: &str = "wegwijs-reference";

/// The four reference stages, indexed by [`Stage::index`]: one component
/// ([`REFERENCE_SET_BYTES`]), compiled and pre-instantiated once, bound
/// once per stage. All four share its `InstancePre`, so one instance of it
/// can serve every stage of a decision.
#[derive(Debug)]
pub(crate) struct References([LoadedComponent; 4]);

impl References {
    /// The reference component for `stage`.
    pub(crate) fn get(&self, stage: Stage) -> &LoadedComponent {
        &self.0[stage.index()]
    }

    /// Each reference component's provenance, in stage order.
    pub(crate) fn infos(&self) -> Vec<ComponentInfo> {
        self.0.iter().map(|c| c.info.clone()).collect()
    }
}

/// What every stage call of one host runs on: the process's engine, the
/// compiled references, the host's default limits and its capacity.
#[derive(Debug)]
pub(crate) struct Sandbox {
    pub(crate) engine: &'static Engine,
    /// Fuel is metered (the harness's deterministic budgets).
    pub(crate) metered: bool,
    pub(crate) references: Arc<References>,
    /// The limits of the reference components and of regions that set none.
    pub(crate) limits: Limits,
    /// Room to run: every call of this host (and of its clones) takes its
    /// room here first.
    pub(crate) admission: Admission,
    /// Where compiled components are kept between processes, if anywhere.
    pub(crate) compile_cache: Option<Arc<CompileCache>>,
    /// The four reference stages of one decision run in one fresh instance
    /// (`docs/decisions/0008-…`); off, each gets its own.
    pub(crate) share_references: bool,
}

impl Sandbox {
    /// Sets up the engine (once per process), the reference components
    /// (once per engine, from `compile_cache` when it holds them) and this
    /// host's lanes.
    pub(crate) fn new(
        metered: bool,
        limits: Limits,
        capacity: &Capacity,
        compile_cache: Option<&Path>,
        share_references: bool,
    ) -> Result<Sandbox, Error> {
        let kind = if metered { EngineKind::Fuel } else { EngineKind::Plain };
        let engine = engine::engine(kind).map_err(Error::Engine)?;
        let compile_cache = compile_cache.map(CompileCache::open).transpose()?.map(Arc::new);
        let references = references(kind, engine, compile_cache.as_deref())?;
        let mut limits = limits;
        limits.memory_bytes = limits.memory_bytes.min(engine::MAX_MEMORY_BYTES);
        let admission = Admission::new(capacity, limits.memory_bytes, engine::pool_gate(kind));
        Ok(Sandbox { engine, metered, references, limits, admission, compile_cache, share_references })
    }

    /// Whether this host can ever run a region component whose memory limit
    /// is `memory_bytes`: it must fit in the memory budget's share for
    /// region calls. `Err` says why not, for a refusal at load.
    pub(crate) fn admits_region_memory(&self, memory_bytes: usize) -> Result<(), Said> {
        let share = self.admission.region_memory();
        if memory_bytes <= share {
            return Ok(());
        }
        let (asked, share, budget) = (memory_bytes >> 20, share >> 20, self.admission.capacity.memory_budget >> 20);
        Err(said!(
            "de componenten van de regio mogen elk {asked} MiB geheugen gebruiken, maar het geheugenbudget van deze host voor lopende aanroepen laat {share} MiB over voor aanroepen van de regio ({budget} MiB in totaal, min het deel van de richtlijn), dus ze zouden nooit kunnen draaien; vraag hoogstens {share} MiB",
            "the region's components may use {asked} MiB of memory each, but this host's memory budget for calls in flight leaves {share} MiB for region calls ({budget} MiB in all, less the guideline's share), so they could never run; ask for at most {share} MiB"
        ))
    }

    /// Loads a region's component for `stage`, reusing an earlier
    /// compilation of the same bytes.
    pub(crate) fn load_region(
        &self,
        stage: Stage,
        name: &str,
        version: &str,
        bytes: &[u8],
    ) -> Result<Arc<LoadedComponent>, Error> {
        LoadedComponent::load_cached(
            self.engine,
            self.compile_cache.as_deref(),
            self.metered,
            stage,
            name,
            version,
            Role::Region,
            bytes,
        )
    }
}

/// Compiling the references takes most of a second; every host in the
/// process shares one compiled set per engine (the first host's cache, if
/// it has one, supplies it). A failure is kept too: the embedded bytes
/// cannot change, so neither can the outcome.
fn references(
    kind: EngineKind,
    engine: &'static Engine,
    compile_cache: Option<&CompileCache>,
) -> Result<Arc<References>, Error> {
    type Cell = OnceLock<Result<Arc<References>, (Stage, Arc<Error>)>>;
    static PLAIN: Cell = OnceLock::new();
    static FUEL: Cell = OnceLock::new();
    let cell = match kind {
        EngineKind::Plain => &PLAIN,
        EngineKind::Fuel => &FUEL,
    };
    let version = env!("CARGO_PKG_VERSION");
    let metered = kind == EngineKind::Fuel;
    let load = || -> Result<References, (Stage, Arc<Error>)> {
        let fail = |stage: Stage| move |e: Error| (stage, Arc::new(e));
        let first = Stage::Intake;
        let sha256 = sha256_hex(REFERENCE_SET_BYTES);
        let component = component::compile(engine, compile_cache, REFERENCE_SET_BYTES, &sha256).map_err(|reason| {
            (first, Arc::new(Error::ComponentRejected { name: REFERENCE_SET_NAME.to_string(), stage: first, reason }))
        })?;
        let pre = component::instantiate_pre(engine, &component, first, REFERENCE_SET_NAME).map_err(fail(first))?;
        let follows_language = component::imports_language(engine, &component);
        let bind = |stage: Stage| {
            let info = ComponentInfo {
                stage,
                name: REFERENCE_SET_NAME.to_string(),
                version: version.to_string(),
                sha256: sha256.clone(),
                role: Role::Reference,
                follows_language,
            };
            LoadedComponent::bind(engine, metered, &component, pre.clone(), info).map_err(fail(stage))
        };
        let [intake, screening, routing, consent] = Stage::ALL.map(bind);
        Ok(References([intake?, screening?, routing?, consent?]))
    };
    cell.get_or_init(|| load().map(Arc::new))
        .clone()
        .map_err(|(stage, source)| Error::ReferenceComponent { stage, source })
}
