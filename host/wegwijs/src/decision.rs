//! The decision card: what the pipeline recommends for one signal, why (rule
//! ids), what the guardrails changed, what failed, and exactly which
//! components and contract produced it.

use crate::model::{ComponentInfo, Fault, LogRecord, Role, Stage};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeSet;
use wegwijs_types as m;

/// How far the pipeline got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Every stage ran; the cards below are the recommendation.
    Decided,
    /// Intake closed the signal with reason (e.g. a kindcheck without children).
    Closed,
    /// A reference stage failed; the professional must assess the signal
    /// by hand. The guardrails still applied.
    Incomplete,
}

impl Status {
    /// Its name as the decision card spells it (`decided`, …).
    pub const fn name(self) -> &'static str {
        match self {
            Status::Decided => "decided",
            Status::Closed => "closed",
            Status::Incomplete => "incomplete",
        }
    }
}

/// A component whose texts on the card are in another language than the
/// reader asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct OtherLanguage {
    /// The stage whose texts it wrote.
    pub stage: Stage,
    /// The component, e.g. `regio-c/routing`.
    pub component: String,
    /// The language it writes in (`nl`, `en`), as its region's
    /// `region.toml` states it; `None` when the region does not say.
    pub language: Option<String>,
}

/// A decision about one signal. A recommendation, never an action (G-HUMAN).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Decision {
    /// The decision's id in the decision log, when the host keeps one
    /// ([`HostBuilder::decision_log`](crate::HostBuilder::decision_log)):
    /// feedback names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_id: Option<String>,
    /// The sender's signal id, echoed.
    pub signal_id: Option<String>,
    /// The pseudonym the components saw.
    pub pseudonym: String,
    /// How far the pipeline got.
    pub status: Status,
    /// The language of the card's texts for people (`nl` or `en`), as the
    /// reader asked for it. JSON keys, enum values, codes and rule ids are
    /// the same in every language.
    pub language: String,
    /// Components whose texts are not in [`Decision::language`]: a
    /// region's component that writes in one language of its own. Empty
    /// when every text follows the reader's language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_language: Vec<OtherLanguage>,
    /// One line for a professional.
    pub headline: String,
    /// Overall level, when screening ran.
    pub level: Option<m::Level>,
    /// Action on the ladder, when screening ran.
    pub action: Option<m::Action>,
    /// Most urgent urgency over all routes.
    pub urgency: m::Urgency,
    /// Intake card.
    pub intake: Option<m::IntakeCard>,
    /// Screening card.
    pub screening: Option<m::ScreeningCard>,
    /// Routing card, after the guardrails.
    pub routing: Option<m::RoutingCard>,
    /// One consent card per disclosure the routes need.
    pub consent: Vec<m::ConsentCard>,
    /// Warnings from every stage.
    pub warnings: Vec<m::Reason>,
    /// Guardrails applied, and whether each changed the decision.
    pub guardrails: Vec<GuardrailNote>,
    /// Where a region's own component departed from the guideline's result,
    /// with the region's reasons.
    pub divergences: Vec<Divergence>,
    /// Component failures and what stood in for them.
    pub faults: Vec<Fault>,
    /// Always true: nothing was sent anywhere (G-HUMAN).
    pub recommendation_only: bool,
    /// What produced this decision.
    pub provenance: Provenance,
    /// Per-stage trace, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Vec<StageTrace>>,
}

impl Decision {
    /// Every rule id cited anywhere in the decision: stage reasons and
    /// warnings, route and consent reasons, and guardrails.
    pub fn rule_ids(&self) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        let mut add = |rs: &[m::Reason]| ids.extend(rs.iter().map(|r| r.rule.clone()));
        if let Some(c) = &self.intake {
            add(&c.reasons);
            add(&c.warnings);
        }
        if let Some(c) = &self.screening {
            add(&c.reasons);
            add(&c.warnings);
        }
        if let Some(c) = &self.routing {
            add(&c.reasons);
            add(&c.warnings);
            for r in &c.routes {
                add(&r.reasons);
            }
        }
        for c in &self.consent {
            add(&c.reasons);
        }
        ids.extend(self.guardrails.iter().map(|g| g.rule.to_string()));
        ids
    }

    /// The routes, after the guardrails.
    pub fn routes(&self) -> &[m::Route] {
        self.routing.as_ref().map(|r| r.routes.as_slice()).unwrap_or(&[])
    }
}

/// A guardrail applied to the final decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GuardrailNote {
    /// Guardrail id, e.g. `G-SAFETY`.
    pub rule: &'static str,
    /// Whether it changed the decision.
    pub changed: bool,
    /// What it checked or changed.
    pub text: String,
}

/// What produced a decision.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Provenance {
    /// WIT package and version, e.g. `wegwijs:jgz@0.2.0`.
    pub wit: String,
    /// Host library version.
    pub host: String,
    /// Which rules applied: `national-default` or a region bundle's id.
    pub region: String,
    /// The region's name, when a region applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// The region bundle's revision, when a region applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_revision: Option<u32>,
    /// Each stage's component.
    pub components: Vec<ComponentInfo>,
    /// Guardrail ids applied.
    pub guardrails: Vec<&'static str>,
}

/// What one stage saw and returned, for `--explain`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StageTrace {
    /// The stage.
    pub stage: Stage,
    /// The component called.
    pub component: String,
    /// Reference or region component.
    pub role: Role,
    /// The inputs as the component saw them.
    pub input: serde_json::Value,
    /// The output, or null when the stage faulted.
    pub output: serde_json::Value,
    /// Wall time of instantiation plus call, in microseconds (0 when it
    /// faulted). When the reference stages share one instance, its
    /// instantiation is counted in the first stage's time.
    pub micros: u64,
    /// The instance's linear memory at its largest, in bytes (0 when it
    /// faulted): what the stage really used of its memory limit.
    pub memory_bytes: u64,
    /// Log records the component wrote (masked).
    pub logs: Vec<LogRecord>,
}

/// Where a region's component departed from the reference result of a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Divergence {
    /// The stage.
    pub stage: Stage,
    /// The region's component.
    pub component: String,
    /// Its sha256.
    pub sha256: String,
    /// What differs, e.g. `route toegevoegd: wijkteam consultation` (in
    /// the decision's language; routes by WIT partner and kind).
    pub changes: Vec<String>,
    /// The region changed nothing but the reasons' texts: not a real
    /// divergence of the decision, which `check` and `simulate` count apart.
    pub reasons_only: bool,
    /// The reasons the region gave that the guideline's result did not have.
    pub region_reasons: Vec<m::Reason>,
}
