//! The reference routing stage's child route table ([`CHILD_ROUTES`]) as a
//! Rego policy (`routing.rego`), evaluated by the `regorus` interpreter, next
//! to the native table it renders.
//!
//! The question this crate answers is what a general policy engine would
//! cost and whether it could say the same thing: rules as Rego data instead
//! of Rust tables inside a WebAssembly component. It therefore offers three
//! pieces: [`RegoInput`] reads, from the same three cards the routing stage
//! gets, the few facts the table decides on; [`RegoRouting`] evaluates the
//! policy on them; and [`native_child_routes`] picks the same routes out of
//! the native [`wegwijs_routing::route`] result, so the agreement test can
//! compare the two case by case and the bench can time them side by side.
//! Only the child's own table is rendered: safety, school, parents,
//! authority and region configuration stay native (see the policy's header).

use std::collections::BTreeMap;
use std::fmt;

use regorus::{Engine, Value};
use wegwijs_kit::CaseFacts;
use wegwijs_routing::{CHILD_ROUTES, MEDICAL_FIRST, SOCIAL_DOMAINS};
use wegwijs_types::{
    Action, Band, ChildCase, Domain, InstrumentResult, IntakeCard, IntakeOutcome, Level, Partner, RouteKind,
    RoutingCard, ScreeningCard,
};

/// The Rego policy, compiled into the crate so the bench and the tests
/// evaluate exactly the file under review.
pub const POLICY: &str = include_str!("../routing.rego");

/// The rule that yields the child's routes as `{partner, kind, rule}` objects.
pub const ROUTES_RULE: &str = "data.wegwijs.routing.child.routes";

/// The rule that yields the indices of the policy's rows that produced (or
/// merged into) a route, for coverage.
pub const FIRED_RULE: &str = "data.wegwijs.routing.child.fired";

/// The triggers of [`CHILD_ROUTES`] that depend on the case; `Always` and
/// `NothingElse` are decided inside the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Triggers {
    /// The risk card's level is high or above (`Trigger::RiskCardHigh`).
    pub risk_card_high: bool,
    /// The risk card's level is exactly concern (`Trigger::RiskCardConcern`).
    pub risk_card_concern: bool,
    /// A usable instrument is abnormal or at level concern or above
    /// (`Trigger::InstrumentAbnormal`).
    pub instrument_abnormal: bool,
    /// Two or more concern domains besides safety (`Trigger::MultiDomain`).
    pub multi_domain: bool,
    /// The psychosocial domain with an abnormal instrument
    /// (`Trigger::SuspectedPsychiatric`).
    pub suspected_psychiatric: bool,
    /// A social or parenting domain, or psychosocial without an abnormal
    /// instrument (`Trigger::SocialProblems`).
    pub social_problems: bool,
}

impl Triggers {
    /// The triggers by the names the policy's rows use, in table order.
    pub fn named(&self) -> [(&'static str, bool); 6] {
        [
            ("risk-card-high", self.risk_card_high),
            ("risk-card-concern", self.risk_card_concern),
            ("instrument-abnormal", self.instrument_abnormal),
            ("multi-domain", self.multi_domain),
            ("suspected-psychiatric", self.suspected_psychiatric),
            ("social-problems", self.social_problems),
        ]
    }
}

/// What the policy decides on for one case: the input document of
/// `routing.rego` (its header documents the JSON shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegoInput {
    /// Intake closed the signal, so routing proposes no child route.
    pub intake_closed: bool,
    /// The screening card's action.
    pub action: Action,
    /// The screening card's child-action (the ladder's action beside S).
    pub child_action: Action,
    /// Some instrument result could not be used (PS-UNUSABLE).
    pub any_unusable: bool,
    /// The medical domain is coded, so the medical-first rule adds a route
    /// at A1–A3 before the table's rows.
    pub medical: bool,
    /// The case-dependent triggers.
    pub triggers: Triggers,
}

impl RegoInput {
    /// Reads the input from the three cards the routing stage gets.
    ///
    /// This mirrors `Facts::new` in `components/routing/src/facts.rs` (the
    /// domains through the region kit's [`CaseFacts`], as routing reads them;
    /// `is_unusable` and `is_abnormal` for instruments) and `applies` in
    /// `components/routing/src/child.rs` for the triggers. The child's
    /// action itself (S, A0 beside an unusable result) is left to the policy,
    /// which renders that part of `Facts::new`.
    pub fn from_cards(case: &ChildCase, intake: &IntakeCard, screening: &ScreeningCard) -> Self {
        let domains = CaseFacts::read(case, intake).domains;
        let has = |d: Domain| domains.contains(&d);
        let instrument_abnormal = screening.instruments.iter().any(is_abnormal);
        let risk = screening.risk_card.level;
        let psychosocial = has(Domain::Psychosocial);
        RegoInput {
            intake_closed: intake.outcome == IntakeOutcome::Closed,
            action: screening.action,
            child_action: screening.child_action,
            any_unusable: screening.instruments.iter().any(is_unusable),
            medical: has(MEDICAL_FIRST.domain),
            triggers: Triggers {
                risk_card_high: risk >= Level::High,
                risk_card_concern: risk == Level::Concern,
                instrument_abnormal,
                multi_domain: domains.iter().filter(|d| **d != Domain::Safety).count() >= 2,
                suspected_psychiatric: psychosocial && instrument_abnormal,
                social_problems: SOCIAL_DOMAINS.iter().any(|d| has(*d)) || (psychosocial && !instrument_abnormal),
            },
        }
    }

    /// The input as a regorus value. Built directly rather than through JSON
    /// text, so the bench times the policy and not a JSON parser.
    pub fn to_value(&self) -> Value {
        let triggers: BTreeMap<Value, Value> =
            self.triggers.named().into_iter().map(|(name, on)| (Value::from(name), Value::from(on))).collect();
        let fields: [(&str, Value); 6] = [
            ("intake-closed", Value::from(self.intake_closed)),
            ("action", Value::from(self.action.name())),
            ("child-action", Value::from(self.child_action.name())),
            ("any-unusable", Value::from(self.any_unusable)),
            ("medical", Value::from(self.medical)),
            ("triggers", Value::from(triggers)),
        ];
        Value::from(fields.into_iter().map(|(k, v)| (Value::from(k), v)).collect::<BTreeMap<_, _>>())
    }
}

/// facts.rs `is_unusable`: marked invalid, or carrying a reason why.
fn is_unusable(i: &InstrumentResult) -> bool {
    !i.valid || i.unusable.is_some()
}

/// facts.rs `is_abnormal`: usable, and abnormal or mapped to concern or above.
fn is_abnormal(i: &InstrumentResult) -> bool {
    !is_unusable(i) && (i.band == Some(Band::Abnormal) || i.level.is_some_and(|l| l >= Level::Concern))
}

/// One of the child's routes as the table decides it: where, what kind of
/// step, and the rule the route cites first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ChildRoute {
    /// Where to.
    pub partner: Partner,
    /// What kind of step.
    pub kind: RouteKind,
    /// The rule id of the first table row that produced the route.
    pub rule: String,
}

impl fmt::Display for ChildRoute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ({})", self.partner, self.kind, self.rule)
    }
}

/// A failure to load or evaluate the policy, or a result of the wrong shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegoError(pub String);

impl fmt::Display for RegoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RegoError {}

/// regorus reports errors as `anyhow::Error`; this crate keeps its own type
/// so callers need no `anyhow`.
fn engine_error(what: &str, e: impl fmt::Display) -> RegoError {
    RegoError(format!("{what}: {e}"))
}

/// A regorus engine with `routing.rego` loaded and parsed once.
///
/// regorus does not need a fresh engine per evaluation: `Engine::eval_rule`
/// resets the interpreter's evaluation state and `set_input` replaces the
/// input, so [`RegoRouting::routes`] evaluates on the prepared engine itself
/// and nothing leaks from one case into the next (the agreement test checks
/// it against a fresh clone now and then). Cloning the prepared engine per
/// case ([`RegoRouting::routes_on_clone`], for callers that share one
/// `RegoRouting` immutably) costs about 1 % more in the bench: the clone
/// shares the parsed modules by reference count and copies only the
/// interpreter's state, so the evaluation itself dominates.
#[derive(Clone)]
pub struct RegoRouting {
    /// The engine with the policy added.
    engine: Engine,
}

impl RegoRouting {
    /// Loads the policy.
    pub fn new() -> Result<Self, RegoError> {
        let mut engine = Engine::new();
        engine
            .add_policy("routing.rego".to_string(), POLICY.to_string())
            .map_err(|e| engine_error("routing.rego does not load", e))?;
        let mut this = RegoRouting { engine };
        // The first evaluation also prepares the engine (rule ordering and
        // the like); do it here, so the clone and every later case start
        // from a prepared engine.
        this.engine.set_input(Value::new_object());
        this.engine
            .eval_rule(ROUTES_RULE.to_string())
            .map_err(|e| engine_error("routing.rego does not evaluate", e))?;
        Ok(this)
    }

    /// The child's routes for one case, on the prepared engine itself.
    pub fn routes(&mut self, input: &RegoInput) -> Result<Vec<ChildRoute>, RegoError> {
        parse_routes(&eval(&mut self.engine, ROUTES_RULE, input)?)
    }

    /// The child's routes for one case, on a clone of the prepared engine,
    /// which leaves `self` untouched.
    pub fn routes_on_clone(&self, input: &RegoInput) -> Result<Vec<ChildRoute>, RegoError> {
        let mut engine = self.engine.clone();
        parse_routes(&eval(&mut engine, ROUTES_RULE, input)?)
    }

    /// The indices into the policy's `rows` that produced or merged into a
    /// route for this case (the rows of [`CHILD_ROUTES`], in its order).
    pub fn fired(&mut self, input: &RegoInput) -> Result<Vec<usize>, RegoError> {
        let value = eval(&mut self.engine, FIRED_RULE, input)?;
        let items = value.as_array().map_err(|e| engine_error("`fired` is not a list", e))?;
        items
            .iter()
            .map(|v| {
                v.as_u64()
                    .ok()
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(|| RegoError(format!("`fired` holds {v}, not a row index")))
            })
            .collect()
    }

    /// The policy's own transcription of the table: `(action, trigger,
    /// partner, kind, rule)` per row, as names, for comparing against
    /// [`CHILD_ROUTES`].
    pub fn rows(&mut self) -> Result<Vec<[String; 5]>, RegoError> {
        self.engine.set_input(Value::new_object());
        let value = self
            .engine
            .eval_rule("data.wegwijs.routing.child.rows".to_string())
            .map_err(|e| engine_error("`rows` does not evaluate", e))?;
        let items = value.as_array().map_err(|e| engine_error("`rows` is not a list", e))?;
        items
            .iter()
            .map(|row| {
                let field = |name: &str| text(row, name);
                Ok([field("action")?, field("trigger")?, field("partner")?, field("kind")?, field("rule")?])
            })
            .collect()
    }
}

/// Sets the input and evaluates one rule.
fn eval(engine: &mut Engine, rule: &str, input: &RegoInput) -> Result<Value, RegoError> {
    engine.set_input(input.to_value());
    engine.eval_rule(rule.to_string()).map_err(|e| engine_error(&format!("{rule} fails"), e))
}

/// A string field of a policy object.
fn text(object: &Value, name: &str) -> Result<String, RegoError> {
    match &object[name] {
        Value::String(s) => Ok(s.to_string()),
        other => Err(RegoError(format!("field `{name}` is {other}, not a string"))),
    }
}

/// The policy's `routes` as typed routes; unknown names are errors, never
/// skipped, so a typo in the policy fails the agreement test.
fn parse_routes(value: &Value) -> Result<Vec<ChildRoute>, RegoError> {
    let items = value.as_array().map_err(|e| engine_error("`routes` is not a list", e))?;
    items
        .iter()
        .map(|route| {
            let partner = text(route, "partner")?;
            let kind = text(route, "kind")?;
            Ok(ChildRoute {
                partner: Partner::from_name(&partner)
                    .ok_or_else(|| RegoError(format!("unknown partner `{partner}`")))?,
                kind: RouteKind::from_name(&kind).ok_or_else(|| RegoError(format!("unknown route kind `{kind}`")))?,
                rule: text(route, "rule")?,
            })
        })
        .collect()
}

/// The child's own routes in a native routing card, in card order.
///
/// A route counts as the child's when its partner and kind are those of a
/// row of [`CHILD_ROUTES`] and one of its reasons cites a rule of those rows
/// (PS-UNUSABLE, RT-A1, RT-A2, RT-A3); its rule is the first such reason's.
/// Both tests are needed: the medical-first route (huisarts or kinderarts
/// referral) also cites RT-A3 but is not a table row, and no other module of
/// the routing stage proposes a route to a table row's partner and kind
/// (safety: Veilig Thuis; school: school and childcare information; family:
/// parent-GGZ, AMW, Verwijsindex; authority: GI and jeugdarts), so with the
/// national defaults the selection is unambiguous. Card order equals the
/// rows' order because every child route carries its action's urgency and
/// the card's urgency sort is stable.
pub fn native_child_routes(card: &RoutingCard) -> Vec<ChildRoute> {
    card.routes
        .iter()
        .filter(|r| CHILD_ROUTES.rows.iter().any(|row| row.partner == r.partner && row.kind == r.kind))
        .filter_map(|r| {
            let reason = r.reasons.iter().find(|x| CHILD_ROUTES.rows.iter().any(|row| row.rule == x.rule))?;
            Some(ChildRoute { partner: r.partner, kind: r.kind, rule: reason.rule.clone() })
        })
        .collect()
}

/// The policy's name for a trigger of [`CHILD_ROUTES`].
pub fn trigger_name(trigger: wegwijs_routing::tables::Trigger) -> &'static str {
    use wegwijs_routing::tables::Trigger as T;
    match trigger {
        T::Always => "always",
        T::RiskCardHigh => "risk-card-high",
        T::RiskCardConcern => "risk-card-concern",
        T::InstrumentAbnormal => "instrument-abnormal",
        T::MultiDomain => "multi-domain",
        T::SuspectedPsychiatric => "suspected-psychiatric",
        T::SocialProblems => "social-problems",
        T::NothingElse => "nothing-else",
    }
}
