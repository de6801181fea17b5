//! The discovery document (`GET /cds-services`, CDS Hooks 2.0 §Discovery):
//! one service on one custom hook. No standard hook fits: `patient-view`'s
//! context is fixed to the user, patient and encounter ids, while wegwijs
//! needs the signal itself, which a JGZ EPD has at hand when a professional
//! registers a signal about a child. The hook's definition (its context
//! fields and prefetch) is in this crate's `README.md`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The hook the service is invoked on: a JGZ professional has registered or
/// opened a signal about a child. Not in reverse domain notation, which the
/// specification asks of an organisation's own hook (§Hooks, Hook
/// Definition Format), because the project has no domain of its own yet;
/// when it has one, this becomes `<reversed domain>.jgz-signal`.
pub const HOOK: &str = "wegwijs-signal";

/// The service id: the `{id}` in `/cds-services/{id}`.
pub const SERVICE_ID: &str = "wegwijs-jgz-signal";

/// The prefetch key under which the service asks for the child's `Patient`.
pub const PREFETCH_PATIENT: &str = "patient";

/// The discovery response: the services this server hosts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discovery {
    /// The CDS services.
    pub services: Vec<Service>,
}

/// One CDS service as discovery describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    /// The hook the service is invoked on.
    pub hook: String,
    /// Human-friendly name.
    pub title: String,
    /// What the service does.
    pub description: String,
    /// The `{id}` portion of the service's URL.
    pub id: String,
    /// Prefetch templates: key → FHIR query.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prefetch: BTreeMap<String, String>,
    /// Preconditions for using the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_requirements: Option<String>,
}

/// The discovery document of wegwijs: the one JGZ signal service.
pub fn discovery() -> Discovery {
    Discovery {
        services: vec![Service {
            hook: HOOK.into(),
            title: "wegwijs — JGZ signaalwijzer".into(),
            description: "Recommends what youth healthcare (JGZ) does with a signal about a child, following the \
                          national JGZ guidelines or the child's region: level, action, urgency, routes with \
                          partners, consent needed, and the rule behind each conclusion. A recommendation only: \
                          nothing is sent anywhere."
                .into(),
            id: SERVICE_ID.into(),
            prefetch: BTreeMap::from([(PREFETCH_PATIENT.into(), "Patient/{{context.patientId}}".into())]),
            usage_requirements: Some(
                "Send the wegwijs signal (docs/signal.md) in context.signal. From the prefetched Patient only \
                 birthDate and a coded gemeente (GBA table 33) in a home address are read; everything else in \
                 it is ignored."
                    .into(),
            ),
        }],
    }
}
