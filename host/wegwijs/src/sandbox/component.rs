//! Loading a stage component: refusing what is not a component, what imports
//! outside its world and what does not export its stage, then compiling once
//! and pre-instantiating so that each stage call only instantiates.

use super::cache::CompileCache;
use super::engine::{self, CallLimits, StageState, TICK};
use super::spec::{self, StageSpec};
use crate::error::{EngineError, Error, Rejection};
use crate::limits::Limits;
use crate::model::{ComponentInfo, HOST_INTERFACE, Role, Stage, TYPES_INTERFACE};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::Arc;
use wasmtime::component::types::ComponentItem;
use wasmtime::component::{Component, ComponentExportIndex, InstancePre};
use wasmtime::{Engine, Store};
use wegwijs_types::{self as m, Said, said};

/// A compiled, validated component ready to be instantiated per call.
pub(crate) struct LoadedComponent {
    pub(crate) info: ComponentInfo,
    pub(crate) pre: InstancePre<StageState>,
    pub(crate) func: ComponentExportIndex,
}

impl std::fmt::Debug for LoadedComponent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedComponent").field("info", &self.info).finish_non_exhaustive()
    }
}

/// The hex sha256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

const CORE_MODULE_VERSION: [u8; 4] = [0x01, 0x00, 0x00, 0x00];

impl LoadedComponent {
    /// Validates and compiles `bytes` as the component for `stage`, taking
    /// the machine code from `cache` when it holds it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn load(
        engine: &Engine,
        cache: Option<&CompileCache>,
        metered: bool,
        stage: Stage,
        name: &str,
        version: &str,
        role: Role,
        bytes: &[u8],
    ) -> Result<LoadedComponent, Error> {
        let sha256 = sha256_hex(bytes);
        Self::load_hashed(engine, cache, metered, stage, name, version, role, bytes, sha256)
    }

    /// [`LoadedComponent::load`] with the sha256 of `bytes` already known.
    #[allow(clippy::too_many_arguments)]
    fn load_hashed(
        engine: &Engine,
        cache: Option<&CompileCache>,
        metered: bool,
        stage: Stage,
        name: &str,
        version: &str,
        role: Role,
        bytes: &[u8],
        sha256: String,
    ) -> Result<LoadedComponent, Error> {
        let reject = |reason: Rejection| Error::ComponentRejected { name: name.to_string(), stage, reason };
        let component = compile(engine, cache, bytes, &sha256).map_err(reject)?;
        let pre = instantiate_pre(engine, &component, stage, name)?;
        let follows_language = imports_language(engine, &component);
        let info = ComponentInfo {
            stage,
            name: name.to_string(),
            version: version.to_string(),
            sha256,
            role,
            follows_language,
        };
        LoadedComponent::bind(engine, metered, &component, pre, info)
    }

    /// The stage `info.stage` of an already compiled and pre-instantiated
    /// `component`: its export found and its signature checked. Several
    /// stages of one component (the reference set) share one `pre`.
    pub(crate) fn bind(
        engine: &Engine,
        metered: bool,
        component: &Component,
        pre: InstancePre<StageState>,
        info: ComponentInfo,
    ) -> Result<LoadedComponent, Error> {
        let stage = info.stage;
        let name = info.name.clone();
        let reject = |reason: Rejection| Error::ComponentRejected { name: name.clone(), stage, reason };
        // A component built against an older compatible contract exports
        // the stage under that version's name.
        let func = interface_names(stage.interface())
            .find_map(|name| component.get_export_index(None, &name))
            .and_then(|interface| component.get_export_index(Some(&interface), stage.function()))
            .ok_or_else(|| reject(Rejection::WrongWorld(world(stage))))?;
        let loaded = LoadedComponent { info, pre, func };
        // The function's signature is checked against the stage's types now,
        // not at the first child's case.
        typecheck(&loaded, engine, metered)
            .map_err(|detail| reject(Rejection::WrongWorld(world_because(stage, &detail))))?;
        Ok(loaded)
    }
}

/// How a stage's world is named in a refusal: in English completing "does
/// not implement the …", in Dutch "is geen implementatie van de …".
fn world(stage: Stage) -> Said {
    let (name, world, interface, function) = (stage.name(), stage.world(), stage.interface(), stage.function());
    said!(
        "wereld `{world}` (`{interface}`, functie `{function}`)",
        "{name} world (`{interface}`, function `{function}`)"
    )
}

/// [`world`] followed by what the engine found wrong.
fn world_because(stage: Stage, detail: &Said) -> Said {
    world(stage).map(|lang, world| format!("{world}: {}", detail.get(lang)))
}

/// Compiles `bytes` (or takes its machine code from `cache`), refusing what
/// is not a component, what was built against another WIT version and what
/// imports anything but the host's interfaces.
/// `sha256` is the hex sha256 of `bytes` (the cache's key).
pub(crate) fn compile(
    engine: &Engine,
    cache: Option<&CompileCache>,
    bytes: &[u8],
    sha256: &str,
) -> Result<Component, Rejection> {
    if bytes.is_empty() {
        return Err(Rejection::Empty);
    }
    if bytes.starts_with(b"\0asm") && bytes.get(4..8) == Some(&CORE_MODULE_VERSION[..]) {
        return Err(Rejection::CoreModule);
    }
    let compiled = match cache {
        Some(cache) => cache.component(engine, bytes, sha256).map(|(component, _)| component),
        None => Component::new(engine, bytes),
    };
    let component = compiled.map_err(|e| Rejection::Malformed(first_line(&format!("{e:#}"))))?;

    let ty = component.component_type();
    if let Some(found) =
        other_wit_version(ty.imports(engine).map(|(name, _)| name).chain(ty.exports(engine).map(|(name, _)| name)))
    {
        return Err(Rejection::OtherWitVersion { found, expected: format!("{}@{}", m::WIT_PACKAGE, m::WIT_VERSION) });
    }
    let forbidden: Vec<String> = ty
        .imports(engine)
        .map(|(import, _)| import.to_string())
        .filter(|import| !is_interface(import, HOST_INTERFACE) && !is_interface(import, TYPES_INTERFACE))
        .collect();
    if !forbidden.is_empty() {
        return Err(Rejection::ForbiddenImports(forbidden));
    }
    Ok(component)
}

/// Links `component` (loaded as `name` for `stage`) against the host's
/// imports, once, so each call only instantiates.
pub(crate) fn instantiate_pre(
    engine: &Engine,
    component: &Component,
    stage: Stage,
    name: &str,
) -> Result<InstancePre<StageState>, Error> {
    let linker = engine::linker(engine).map_err(|e| Error::Engine(EngineError::new(e)))?;
    linker.instantiate_pre(component).map_err(|e| Error::ComponentRejected {
        name: name.to_string(),
        stage,
        reason: Rejection::WrongWorld(world_because(stage, &Said::same(first_line(&format!("{e:#}"))))),
    })
}

/// Compiled region components, shared by every host in the process: a
/// bundle tested and then activated, or loaded by several hosts, is compiled
/// once. Keyed by engine, stage, name and the bytes' hash.
type Cache = std::sync::Mutex<std::collections::HashMap<(bool, Stage, String, String), Arc<LoadedComponent>>>;

impl LoadedComponent {
    /// [`LoadedComponent::load`], reusing an earlier compilation of the same
    /// bytes in this process.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn load_cached(
        engine: &Engine,
        compile_cache: Option<&CompileCache>,
        metered: bool,
        stage: Stage,
        name: &str,
        version: &str,
        role: Role,
        bytes: &[u8],
    ) -> Result<Arc<LoadedComponent>, Error> {
        static CACHE: std::sync::OnceLock<Cache> = std::sync::OnceLock::new();
        let cache = CACHE.get_or_init(Default::default);
        let key = (metered, stage, format!("{name}@{version}"), sha256_hex(bytes));
        if let Some(hit) = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&key) {
            return Ok(Arc::clone(hit));
        }
        let sha256 = key.3.clone();
        let loaded = Arc::new(LoadedComponent::load_hashed(
            engine,
            compile_cache,
            metered,
            stage,
            name,
            version,
            role,
            bytes,
            sha256,
        )?);
        cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(key, Arc::clone(&loaded));
        Ok(loaded)
    }
}

/// `interface` (named at this host's WIT version) and the same interface
/// at each older version the host still runs, newest first.
fn interface_names(interface: &str) -> impl Iterator<Item = String> + '_ {
    let base = interface.rsplit_once('@').map_or(interface, |(base, _)| base);
    std::iter::once(interface.to_string())
        .chain(m::WIT_COMPATIBLE_VERSIONS.iter().map(move |version| format!("{base}@{version}")))
}

/// Whether `import` is `interface` at this host's or a compatible version.
fn is_interface(import: &str, interface: &str) -> bool {
    interface_names(interface).any(|name| name == import)
}

/// Whether `component` imports the host function `language` (WIT 0.2.1):
/// wit-component keeps only the functions a component calls in its import,
/// so this says whether it ever asks for the reader's language.
pub(crate) fn imports_language(engine: &Engine, component: &Component) -> bool {
    component.component_type().imports(engine).any(|(name, item)| {
        is_interface(name, HOST_INTERFACE)
            && matches!(item.ty, ComponentItem::ComponentInstance(instance)
                if instance.exports(engine).any(|(export, _)| export == "language"))
    })
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}

/// The first `wegwijs:jgz@X` another version than this host's that one of
/// `names` (imports and exports) uses: a component built against an older or
/// newer contract is refused with that reason rather than as a wrong world.
fn other_wit_version<'a>(names: impl Iterator<Item = &'a str>) -> Option<String> {
    let prefix = format!("{}/", m::WIT_PACKAGE);
    names.filter_map(|name| name.strip_prefix(prefix.as_str())).find_map(|rest| {
        let (_, version) = rest.split_once('@')?;
        (version != m::WIT_VERSION && !m::WIT_COMPATIBLE_VERSIONS.contains(&version))
            .then(|| format!("{}@{version}", m::WIT_PACKAGE))
    })
}

/// Checks, once at load, that the component's function has the stage's
/// types, as the stage's descriptor spells them. `Err` quotes the engine.
fn typecheck(loaded: &LoadedComponent, engine: &Engine, metered: bool) -> Result<(), Said> {
    match loaded.info.stage {
        Stage::Intake => typecheck_as::<spec::Intake>(loaded, engine, metered),
        Stage::Screening => typecheck_as::<spec::Screening>(loaded, engine, metered),
        Stage::Routing => typecheck_as::<spec::Routing>(loaded, engine, metered),
        Stage::Consent => typecheck_as::<spec::Consent>(loaded, engine, metered),
    }
}

fn typecheck_as<S: StageSpec>(loaded: &LoadedComponent, engine: &Engine, metered: bool) -> Result<(), Said> {
    let limits = Limits::default();
    let mut store = Store::new(
        engine,
        StageState::new(
            CallLimits { memory_bytes: limits.memory_bytes, max_log_records: 0, max_log_bytes: 0 },
            Arc::new(BTreeMap::new()),
            m::Language::default(),
        ),
    );
    store.limiter(|s| s);
    store.set_epoch_deadline((limits.deadline.as_micros() / TICK.as_micros()).max(1) as u64);
    if metered {
        let _ = store.set_fuel(u64::MAX);
    }
    // Outside the capacity gates, on purpose: loading must not wait behind
    // or fail under load. The engine's pool keeps room for a few of these
    // beside every call the gates admit (`engine::POOL_CALLS`).
    let instance = loaded.pre.instantiate(&mut store).map_err(|e| {
        let e = format!("{e:#}");
        said!("instantiëren mislukt: {e}", "instantiation failed: {e}")
    })?;
    instance
        .get_typed_func::<S::Params<'_>, (S::Output,)>(&mut store, &loaded.func)
        .map(drop)
        .map_err(|e| Said::same(format!("{e:#}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Rejection;
    use wegwijs_kit::english_word_in;
    use wegwijs_types::Language;

    #[test]
    fn a_wrong_world_is_named_in_both_languages() {
        for stage in Stage::ALL {
            let detail = said!("instantiëren mislukt: `x`", "instantiation failed: `x`");
            let reason = Rejection::WrongWorld(world_because(stage, &detail));
            let nl = reason.message(Language::Nl);
            assert_eq!(english_word_in(&nl), None, "{nl}");
            assert!(nl.contains(&format!("`{}`", stage.world())) && nl.ends_with("instantiëren mislukt: `x`"), "{nl}");
            assert_eq!(
                reason.message(Language::En),
                format!(
                    "does not implement the {} world (`{}`, function `{}`): instantiation failed: `x`",
                    stage.name(),
                    stage.interface(),
                    stage.function()
                )
            );
        }
    }
}
