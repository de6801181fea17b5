//! The [`Host`]: built once, cloned freely, shared across threads. It owns
//! the loaded components and runs the pipeline for one signal at a time per
//! call: intake → screening → routing → guardrails on routes → consent →
//! guardrails on consent → decision card.

use crate::component::{ComponentInfo, LoadedComponent, Role};
use crate::decision::{Decision, GuardrailNote, Provenance, StageTrace, Status};
use crate::engine::{self, EngineKind};
use crate::error::Error;
use crate::guardrails;
use crate::limits::Limits;
use crate::signal::Signal;
use crate::stage::{self, Fault, FaultKind, Stage};
use serde::Serialize;
use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, OnceLock};
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
}

impl HostBuilder {
    /// Sets the per-stage limits (defaults: [`Limits::default`]).
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

    /// Sets up the engine (once per process) and loads the reference components.
    pub fn build(self) -> Result<Host, Error> {
        let kind = if self.fuel { EngineKind::Fuel } else { EngineKind::Plain };
        let engine = engine::engine(kind).map_err(Error::Engine)?;
        let components = references(kind, engine)?;
        let mut limits = self.limits.unwrap_or_default();
        limits.memory_bytes = limits.memory_bytes.min(engine::MAX_MEMORY_BYTES);
        Ok(Host {
            inner: Arc::new(Inner {
                engine,
                metered: self.fuel,
                components,
                limits,
                pseudonym_key: self.pseudonym_key.unwrap_or_else(random_key),
                config: Arc::new(BTreeMap::new()),
            }),
        })
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
}

impl DecideOptions {
    /// Options with the per-stage trace on.
    pub fn explain() -> Self {
        DecideOptions { explain: true }
    }
}

/// The wegwijs host: cheap to clone, safe to share across threads.
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
    config: Arc<BTreeMap<String, String>>,
}

impl Host {
    /// Starts building a host.
    pub fn builder() -> HostBuilder {
        HostBuilder::default()
    }

    /// The components this host runs, in stage order.
    pub fn components(&self) -> Vec<ComponentInfo> {
        self.inner.components.infos()
    }

    /// Validates and compiles `bytes` as a component for `stage`, exactly as
    /// the host loads any component: refused when empty, a core module,
    /// malformed, importing anything outside its world (each import named),
    /// or not exporting the stage's function with the stage's types.
    pub fn check_component(&self, stage: Stage, name: &str, bytes: &[u8]) -> Result<ComponentInfo, Error> {
        LoadedComponent::load(self.inner.engine, self.inner.metered, stage, name, "unknown", Role::Region, bytes)
            .map(|c| c.info)
    }

    /// Decides one JSON signal.
    pub fn decide_json(&self, json: &str) -> Result<Decision, Error> {
        self.decide(&Signal::from_json(json)?)
    }

    /// Decides one signal.
    pub fn decide(&self, signal: &Signal) -> Result<Decision, Error> {
        self.decide_with(signal, &DecideOptions::default())
    }

    /// Decides one signal with options.
    pub fn decide_with(&self, signal: &Signal, options: &DecideOptions) -> Result<Decision, Error> {
        signal.validate()?;
        let case = signal.to_case(&self.inner.pseudonym_key);
        let mut run = Run { host: &self.inner, trace: options.explain.then(Vec::new), faults: Vec::new() };
        let c = &self.inner.components;

        let acute_input = !case.safety_indicators.is_empty();
        let intake =
            run.stage(&c.intake, (case.clone(), None::<m::IntakeCard>), json!(&case), |card: &m::IntakeCard| {
                validate_reasons(&card.reasons, &card.warnings)
            });
        let screening = match &intake {
            Some(i) if i.outcome == m::IntakeOutcome::Accepted => run.stage(
                &c.screening,
                (case.clone(), i.clone(), None::<m::ScreeningCard>),
                json!({ "case": &case, "intake": i }),
                |card: &m::ScreeningCard| validate_reasons(&card.reasons, &card.warnings),
            ),
            _ => None,
        };
        let mut routing = match (&intake, &screening) {
            (Some(i), Some(s)) => run.stage(
                &c.routing,
                (case.clone(), i.clone(), s.clone(), None::<m::RoutingCard>),
                json!({ "case": &case, "intake": i, "screening": s }),
                |card: &m::RoutingCard| validate_routing(card, &run_limits(&self.inner)),
            ),
            _ => None,
        };

        let mut notes = Vec::new();
        let acute = acute_input || intake.as_ref().is_some_and(|i| i.safety_flag);
        let closed = intake.as_ref().is_some_and(|i| i.outcome == m::IntakeOutcome::Closed);
        if routing.is_none() && (acute || !closed) {
            // No routing result (a stage failed): start from an empty card so
            // the floors below still hold.
            routing = Some(empty_routing());
        }
        if let Some(r) = routing.as_mut() {
            notes.push(guardrails::safety(acute, r));
            notes.push(guardrails::authority(r));
            guardrails::sort_routes(r);
        }

        let requests = disclosure_requests(routing.as_ref());
        let consent = if requests.is_empty() {
            Vec::new()
        } else {
            let n = requests.len();
            run.stage(
                &c.consent,
                (case.clone(), requests.clone(), None::<Vec<m::ConsentCard>>),
                json!({ "case": &case, "requests": &requests }),
                move |cards: &Vec<m::ConsentCard>| validate_consent(cards, n),
            )
            .unwrap_or_else(|| requests.iter().map(consent_unavailable).collect())
        };
        notes.push(GuardrailNote {
            rule: "G-CONSENT",
            changed: false,
            text: "No region consent component: the guideline's consent outcomes stand.".into(),
        });
        notes.push(GuardrailNote {
            rule: "G-NO-DROP",
            changed: !run.faults.is_empty(),
            text: if run.faults.is_empty() {
                "Every stage returned a result.".into()
            } else {
                format!("{} stage(s) failed; see faults. The decision was still produced.", run.faults.len())
            },
        });
        notes.push(GuardrailNote {
            rule: "G-HUMAN",
            changed: false,
            text:
                "A recommendation only: nothing was sent to anyone. The professional decides, together with the family."
                    .into(),
        });
        notes.push(GuardrailNote {
            rule: "G-MINIMAL",
            changed: false,
            text: "Components received a pseudonym and coded data only; name, BSN, address, birth date and notes stayed in the host."
                .into(),
        });

        let status =
            if intake.is_none() || (!closed && (screening.is_none() || routing.is_none())) || !run.faults.is_empty() {
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
                region: "national-default".into(),
                components: self.inner.components.infos(),
                guardrails: notes.iter().map(|n| n.rule).collect(),
            },
            guardrails: notes,
            faults: run.faults,
            recommendation_only: true,
            trace: run.trace,
        })
    }
}

fn run_limits(inner: &Inner) -> Limits {
    inner.limits.clone()
}

macro_rules! json {
    ($($t:tt)*) => {
        serde_json::json!($($t)*)
    };
}
use json;

/// One pipeline run: collects faults and, when asked, the trace.
struct Run<'a> {
    host: &'a Inner,
    trace: Option<Vec<StageTrace>>,
    faults: Vec<Fault>,
}

impl Run<'_> {
    fn stage<P, R>(
        &mut self,
        loaded: &LoadedComponent,
        params: P,
        input: serde_json::Value,
        validate: impl FnOnce(&R) -> Result<(), String>,
    ) -> Option<R>
    where
        P: wasmtime::component::ComponentNamedList + wasmtime::component::Lower + Send + Sync,
        R: wasmtime::component::Lift + Serialize + Send + Sync + 'static,
        (R,): wasmtime::component::ComponentNamedList + wasmtime::component::Lift,
    {
        let result = stage::call::<P, R>(
            self.host.engine,
            self.host.metered,
            loaded,
            params,
            &self.host.limits,
            &self.host.config,
        );
        let (value, micros, logs) = match result {
            Ok(outcome) => match validate(&outcome.value) {
                Ok(()) => (Some(outcome.value), outcome.micros, outcome.logs),
                Err(detail) => {
                    self.fault(loaded, FaultKind::InvalidOutput, detail);
                    (None, outcome.micros, outcome.logs)
                }
            },
            Err((kind, detail)) => {
                self.fault(loaded, kind, detail);
                (None, 0, Vec::new())
            }
        };
        if let Some(trace) = self.trace.as_mut() {
            trace.push(StageTrace {
                stage: loaded.info.stage,
                component: loaded.info.name.clone(),
                input,
                output: serde_json::to_value(&value).unwrap_or(serde_json::Value::Null),
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
            kind,
            detail,
            fallback: match loaded.info.role {
                Role::Reference => "no automated result for this stage: assess by hand".into(),
                Role::Region => "the reference (guideline) result stands".into(),
            },
        });
    }
}

fn validate_reasons(reasons: &[m::Reason], warnings: &[m::Reason]) -> Result<(), String> {
    for r in reasons.iter().chain(warnings) {
        if !m::is_well_formed_rule_id(&r.rule) {
            return Err(format!(
                "reason cites `{}`, which is not a well-formed rule id",
                r.rule.chars().take(64).collect::<String>()
            ));
        }
    }
    Ok(())
}

fn validate_routing(card: &m::RoutingCard, limits: &Limits) -> Result<(), String> {
    if card.routes.len() > limits.max_items {
        return Err(format!("{} routes; at most {} are accepted", card.routes.len(), limits.max_items));
    }
    validate_reasons(&card.reasons, &card.warnings)?;
    for r in &card.routes {
        validate_reasons(&r.reasons, &[])?;
    }
    Ok(())
}

fn validate_consent(cards: &[m::ConsentCard], requests: usize) -> Result<(), String> {
    if cards.len() != requests {
        return Err(format!("{} consent cards for {requests} requests", cards.len()));
    }
    for c in cards {
        validate_reasons(&c.reasons, &[])?;
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
                (Some(l), Some(a)) => s.push_str(&format!("Level {l}, action {}", a.name().to_uppercase())),
                _ => s.push_str("No screening result"),
            }
            let routes = routing.map(|r| r.routes.as_slice()).unwrap_or(&[]);
            match routes.first() {
                Some(first) => s.push_str(&format!(
                    "; {} route(s), first: {} {} ({})",
                    routes.len(),
                    first.partner,
                    first.kind,
                    first.urgency
                )),
                None => s.push_str("; no route: normalise and inform at the next contact"),
            }
            s
        }
    }
}
