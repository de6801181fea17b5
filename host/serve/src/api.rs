//! The routes: one table ([`endpoints`]) from which both the router and
//! the OpenAPI document are made, so no route can exist undocumented and
//! no documented route can be missing. Each entry names its path, method,
//! the right it needs and how its requests and answers look; the handlers
//! below do the work.
//!
//! A decision is CPU work in wasmtime's synchronous API: it runs on
//! tokio's blocking pool, and only after it got one of a fixed number of
//! slots, so the async workers only ever move bytes and a burst beyond the
//! slots is answered 503 at once instead of queueing without bound.
#![allow(
    clippy::result_large_err,
    reason = "a Problem is built once per failed request, on its way out; boxing it would only add an allocation"
)]

use crate::auth::{ApiKeys, Right, Verdict};
use crate::config::{Config, DecideHook};
use crate::metrics::{Metrics, Rejected};
use crate::problem::{FieldError, Problem};
use crate::reload::{Refused, ReloadReport, Reloader};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use wegwijs::audit::{FeedbackEntry, FeedbackOutcome};
use wegwijs::{DecideOptions, Host, RegionInfo, Signal};
use wegwijs_cds::DecisionRef;

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Anyone: health and readiness, for load balancers and orchestrators.
    Public,
    /// Any valid key.
    AnyKey,
    /// A key with this right.
    Needs(Right),
}

/// A request or response body as the OpenAPI document describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Body {
    /// A signal (`wegwijs::Signal`), JSON.
    Signal,
    /// A decision card (`wegwijs::Decision`), JSON.
    Decision,
    /// The loaded regions and the refused candidates ([`RegionsBody`]), JSON.
    Regions,
    /// What a reload pass did ([`ReloadReport`]), JSON.
    Reload,
    /// A professional's feedback on a decision ([`FeedbackBody`]), JSON.
    Feedback,
    /// The answer to feedback ([`FeedbackReceipt`]), JSON.
    FeedbackReceipt,
    /// A short status object, JSON.
    Status,
    /// A problem detail, `application/problem+json`.
    Problem,
    /// Prometheus text.
    Metrics,
    /// An OpenAPI document, JSON.
    OpenApi,
    /// Any JSON object (CDS Hooks bodies, whose schemas the CDS Hooks
    /// specification owns).
    Object,
}

/// A query or path parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Param {
    pub(crate) name: &'static str,
    pub(crate) location: &'static str,
    pub(crate) required: bool,
    /// JSON Schema type: `boolean` or `string`.
    pub(crate) kind: &'static str,
    pub(crate) description: &'static str,
}

/// One route: what the router serves and the document describes.
pub(crate) struct Endpoint {
    pub(crate) method: Method,
    /// In axum's and OpenAPI's common syntax (`/cds-services/{id}`).
    pub(crate) path: &'static str,
    pub(crate) access: Access,
    pub(crate) operation_id: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) description: &'static str,
    pub(crate) params: &'static [Param],
    pub(crate) request: Option<Body>,
    /// Status, description, body; 401 and 403 are added for every route
    /// that needs a key.
    pub(crate) responses: &'static [(u16, &'static str, Body)],
    pub(crate) handler: fn() -> MethodRouter<Shared>,
}

const DECISION_ID_PARAM: Param = Param {
    name: "id",
    location: "path",
    required: true,
    kind: "string",
    description: "The decision's id (`decision_id` of the decision card).",
};

const ID_PARAM: Param = Param {
    name: "id",
    location: "path",
    required: true,
    kind: "string",
    description: "The CDS service id from the discovery document.",
};

/// The language of the texts for people on a decision or CDS card.
const ACCEPT_LANGUAGE_PARAM: Param = Param {
    name: "Accept-Language",
    location: "header",
    required: false,
    kind: "string",
    description: "`nl` (the default) or `en`, with weights as usual (`en;q=0.8, nl;q=0.5`): the language of \
        the headline, summaries, reasons, conversations, checklists and warnings. JSON keys, codes, rule ids \
        and enum values are the same in every language. The answer's `Content-Language` names the language \
        used; another language falls back to the service's own.",
};

/// Every route of the service.
pub(crate) fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint {
            method: Method::POST,
            path: "/v1/decisions",
            access: Access::Needs(Right::Decide),
            operation_id: "decide",
            summary: "Decide one signal",
            description: "Runs the signal through intake, screening, routing and consent and returns the decision \
                card. The region is the one serving the signal's gemeente (the national defaults when none does), \
                unless `region` names one. A recommendation, never an action: nothing is sent anywhere.",
            params: &[
                Param {
                    name: "explain",
                    location: "query",
                    required: false,
                    kind: "boolean",
                    description: "Add the per-stage trace (`trace`): what each component saw and returned, and how \
                        long it took.",
                },
                Param {
                    name: "region",
                    location: "query",
                    required: false,
                    kind: "string",
                    description: "Decide in this loaded region (an id from /v1/regions) or `national-default`, \
                        whatever the signal's gemeente.",
                },
                ACCEPT_LANGUAGE_PARAM,
            ],
            request: Some(Body::Signal),
            responses: &[
                (200, "The decision card.", Body::Decision),
                (400, "The body is not JSON (`line`, `column`), or a query parameter is wrong.", Body::Problem),
                (413, "The body is larger than the service accepts (`limit`).", Body::Problem),
                (415, "The body is not `application/json`.", Body::Problem),
                (
                    422,
                    "The signal breaks the signal format (`errors`: each field and its problem), or the region \
                     asked for is not loaded (`region`).",
                    Body::Problem,
                ),
                (503, "Every decision slot is taken, or the service is not ready; see `Retry-After`.", Body::Problem),
                (504, "The decision did not finish within the service's request timeout.", Body::Problem),
            ],
            handler: || post(decide),
        },
        Endpoint {
            method: Method::GET,
            path: "/v1/regions",
            access: Access::Needs(Right::Regions),
            operation_id: "regions",
            summary: "The loaded regions",
            description: "Every active region bundle (`regions`: id, name, revision, the gemeenten it serves and \
                its own components), and every bundle offered since and refused (`refused`: which bundle, which \
                revision, every reason); a refused bundle leaves the previous revision serving.",
            params: &[],
            request: None,
            responses: &[
                (200, "The regions by id, and the refused candidates.", Body::Regions),
                (503, "The service is not ready.", Body::Problem),
            ],
            handler: || get(regions),
        },
        Endpoint {
            method: Method::POST,
            path: "/v1/regions/reload",
            access: Access::Needs(Right::Admin),
            operation_id: "reloadRegions",
            summary: "Reload region bundles",
            description: "Looks at every watched bundle directory now (as the poll timer and SIGHUP do) and \
                activates each changed bundle that passes every activation rule: its hashes, its components load, \
                its own cases pass, its revision is higher and its gemeenten are free. Decisions in flight finish \
                in the revision they began with.",
            params: &[],
            request: None,
            responses: &[
                (200, "What the pass activated, refused, and found unchanged.", Body::Reload),
                (503, "The service is not ready.", Body::Problem),
            ],
            handler: || post(reload),
        },
        Endpoint {
            method: Method::POST,
            path: "/v1/decisions/{id}/feedback",
            access: Access::Needs(Right::Decide),
            operation_id: "decisionFeedback",
            summary: "What the professional did",
            description: "Records in the decision log whether the professional accepted the decision (and which \
                routes, by their index on the card) or overrode it, with a coded reason and an optional comment \
                that is masked before it is kept (no digits, e-mail addresses or capitalised names).",
            params: &[DECISION_ID_PARAM],
            request: Some(Body::Feedback),
            responses: &[
                (
                    200,
                    "Recorded; `decision_in_log` says whether the decision is in this replica's log.",
                    Body::FeedbackReceipt,
                ),
                (400, "The body is not JSON (`line`, `column`).", Body::Problem),
                (404, "The id is not a decision id.", Body::Problem),
                (409, "This service keeps no decision log.", Body::Problem),
                (413, "The body is larger than the service accepts (`limit`).", Body::Problem),
                (415, "The body is not `application/json`.", Body::Problem),
                (422, "The feedback breaks its format (`errors`: each field and its problem).", Body::Problem),
                (503, "The decision log cannot be written, or the service is not ready.", Body::Problem),
            ],
            handler: || post(decision_feedback),
        },
        Endpoint {
            method: Method::GET,
            path: "/healthz",
            access: Access::Public,
            operation_id: "health",
            summary: "Liveness",
            description: "200 while the process runs.",
            params: &[],
            request: None,
            responses: &[(200, "The process is alive.", Body::Status)],
            handler: || get(healthz),
        },
        Endpoint {
            method: Method::GET,
            path: "/readyz",
            access: Access::Public,
            operation_id: "ready",
            summary: "Readiness",
            description: "200 once the host is built (reference components compiled, regions active); 503 before \
                that and while the service drains for shutdown.",
            params: &[],
            request: None,
            responses: &[
                (200, "Ready for decisions.", Body::Status),
                (503, "Not ready yet, or draining.", Body::Problem),
            ],
            handler: || get(readyz),
        },
        Endpoint {
            method: Method::GET,
            path: "/metrics",
            access: Access::Needs(Right::Metrics),
            operation_id: "metrics",
            summary: "Metrics",
            description: "Prometheus text exposition: decisions by status and region, faults by stage and kind, \
                guardrails that changed a decision, stage and decision latency histograms, rejected requests.",
            params: &[],
            request: None,
            responses: &[(200, "The metrics.", Body::Metrics)],
            handler: || get(metrics),
        },
        Endpoint {
            method: Method::GET,
            path: "/openapi.json",
            access: Access::AnyKey,
            operation_id: "openapi",
            summary: "This document",
            description: "The OpenAPI 3.1 document of this service.",
            params: &[],
            request: None,
            responses: &[(200, "The document.", Body::OpenApi)],
            handler: || get(openapi),
        },
        Endpoint {
            method: Method::GET,
            path: "/cds-services",
            access: Access::Needs(Right::Cds),
            operation_id: "cdsDiscovery",
            summary: "CDS Hooks discovery",
            description: "The CDS services this service offers (CDS Hooks 2.0, §Discovery).",
            params: &[],
            request: None,
            responses: &[(200, "The discovery document.", Body::Object)],
            handler: || get(cds_discovery),
        },
        Endpoint {
            method: Method::POST,
            path: "/cds-services/{id}",
            access: Access::Needs(Right::Cds),
            operation_id: "cdsCall",
            summary: "Call a CDS service",
            description: "A hook request in, CDS cards out (CDS Hooks 2.0, §Calling a CDS Service). The signal \
                travels in `context.signal`; the prefetched `Patient` may supply the birth date and gemeente. Each \
                card's and suggestion's uuid leads back to the decision, for feedback.",
            params: &[ID_PARAM, ACCEPT_LANGUAGE_PARAM],
            request: Some(Body::Object),
            responses: &[
                (200, "The cards.", Body::Object),
                (
                    400,
                    "The body is not JSON (`line`, `column`), or breaks CDS Hooks or the signal format (`errors`).",
                    Body::Problem,
                ),
                (404, "No CDS service has this id.", Body::Problem),
                (412, "The signal needs the prefetched Patient, and none usable was sent (`errors`).", Body::Problem),
                (413, "The body is larger than the service accepts (`limit`).", Body::Problem),
                (415, "The body is not `application/json`.", Body::Problem),
                (503, "Every decision slot is taken, or the service is not ready; see `Retry-After`.", Body::Problem),
                (504, "The decision did not finish within the service's request timeout.", Body::Problem),
            ],
            handler: || post(cds_call),
        },
        Endpoint {
            method: Method::POST,
            path: "/cds-services/{id}/feedback",
            access: Access::Needs(Right::Cds),
            operation_id: "cdsFeedback",
            summary: "Feedback on cards",
            description: "Which cards a professional accepted or overrode (CDS Hooks 2.0, §Feedback), recorded in \
                the decision log against the decision the card's uuid leads back to.",
            params: &[ID_PARAM],
            request: Some(Body::Object),
            responses: &[
                (
                    200,
                    "Feedback taken: in the decision log when the service keeps one, and counted in /metrics.",
                    Body::Object,
                ),
                (400, "The body is not JSON, or breaks CDS Hooks feedback (`errors`).", Body::Problem),
                (404, "No CDS service has this id.", Body::Problem),
                (413, "The body is larger than the service accepts (`limit`).", Body::Problem),
                (415, "The body is not `application/json`.", Body::Problem),
                (503, "The decision log cannot be written, or the service is not ready.", Body::Problem),
            ],
            handler: || post(cds_feedback),
        },
    ]
}

/// What every handler shares.
pub(crate) type Shared = Arc<AppState>;

/// The service's state: the host once built, keys, slots and metrics.
pub(crate) struct AppState {
    /// Set once the host is built; until then the service is not ready.
    pub(crate) host: OnceLock<Host>,
    /// Set when shutdown began.
    pub(crate) draining: AtomicBool,
    pub(crate) keys: ApiKeys,
    /// One permit per decision that may run.
    pub(crate) slots: Arc<Semaphore>,
    pub(crate) slot_count: usize,
    pub(crate) body_limit: usize,
    pub(crate) request_timeout: Duration,
    pub(crate) retry_after_secs: u64,
    pub(crate) stage_metrics: bool,
    pub(crate) hook: Option<DecideHook>,
    pub(crate) metrics: Metrics,
    /// The OpenAPI document, rendered once.
    pub(crate) openapi: Bytes,
    /// The watched bundle directories.
    pub(crate) reloader: Arc<Reloader>,
}

impl AppState {
    pub(crate) fn new(config: &Config) -> AppState {
        let slot_count = config.max_concurrent_decisions.max(1);
        AppState {
            host: OnceLock::new(),
            draining: AtomicBool::new(false),
            keys: config.keys.clone(),
            slots: Arc::new(Semaphore::new(slot_count)),
            slot_count,
            body_limit: config.body_limit,
            request_timeout: config.request_timeout,
            retry_after_secs: config.retry_after.as_secs_f64().ceil() as u64,
            stage_metrics: config.stage_metrics,
            hook: config.decide_hook.clone(),
            metrics: Metrics::default(),
            openapi: Bytes::from(crate::openapi::document_text()),
            reloader: Arc::new(Reloader::new(config.bundles.clone(), config.regions_dir.clone())),
        }
    }

    /// The host, or 503 while it is being built.
    fn ready_host(&self) -> Result<&Host, Problem> {
        self.host_if_ready().inspect_err(|_| self.metrics.rejected(Rejected::NotReady))
    }

    /// The host, or the not-ready problem without counting a rejected
    /// decision: for readiness probes and the region list.
    fn host_if_ready(&self) -> Result<&Host, Problem> {
        self.host.get().ok_or_else(|| {
            Problem::unavailable(
                "not-ready",
                "Not ready",
                "the service is starting: its reference components are being compiled",
                self.retry_after_secs,
            )
        })
    }
}

/// The router over `state`: every endpoint, its key check, problem+json
/// for unknown paths and methods, and the body limit.
pub(crate) fn router(state: Shared) -> Router {
    let mut router = Router::new();
    for endpoint in endpoints() {
        let mut route = (endpoint.handler)();
        if endpoint.access != Access::Public {
            route = route.route_layer(middleware::from_fn_with_state((state.clone(), endpoint.access), guard));
        }
        router = router.route(endpoint.path, route);
    }
    router
        .method_not_allowed_fallback(|| async { Problem::method_not_allowed() })
        .fallback(|| async { Problem::not_found() })
        .layer(middleware::from_fn_with_state(Arc::clone(&state), announced_size))
        .layer(DefaultBodyLimit::max(state.body_limit))
        .with_state(state)
}

/// Refuses a body whose announced length is over the limit before any of
/// it is read: the client learns at once, and the service reads nothing.
/// Bodies without a length are cut off at the limit while being read.
async fn announced_size(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    match announced {
        Some(n) if n > state.body_limit as u64 => too_large(state.body_limit).into_response(),
        _ => next.run(request).await,
    }
}

fn too_large(limit: usize) -> Problem {
    let mut p = Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body-too-large",
        "Request body too large",
        format!("the body is larger than {limit} bytes, the most this service accepts"),
    );
    p.limit = Some(limit);
    p
}

/// The key check in front of every route but health and readiness.
async fn guard(State((state, access)): State<(Shared, Access)>, request: Request, next: Next) -> Response {
    let right = match access {
        Access::Public => return next.run(request).await,
        Access::AnyKey => None,
        Access::Needs(right) => Some(right),
    };
    let authorization = request.headers().get(header::AUTHORIZATION).map(HeaderValue::as_bytes);
    let challenge = |error: Option<&str>| {
        let value = match error {
            Some(e) => format!("Bearer realm=\"wegwijs\", error=\"{e}\""),
            None => "Bearer realm=\"wegwijs\"".to_string(),
        };
        HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("Bearer"))
    };
    match state.keys.check(authorization, right) {
        Verdict::Allowed(_) => next.run(request).await,
        Verdict::Missing => Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
            "send an API key as `Authorization: Bearer <key>`",
        )
        .header(header::WWW_AUTHENTICATE, challenge(None))
        .into_response(),
        Verdict::Unknown => Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
            "the API key is not known",
        )
        .header(header::WWW_AUTHENTICATE, challenge(Some("invalid_token")))
        .into_response(),
        Verdict::Forbidden(_) => Problem::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Not allowed",
            format!("the API key lacks the `{}` right", right.map_or("", Right::name)),
        )
        .into_response(),
    }
}

/// The query of `POST /v1/decisions`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecideQuery {
    explain: Option<bool>,
    region: Option<String>,
}

/// Whether a `Content-Type` is JSON: `application/json`, parameters
/// (`charset=utf-8`) allowed.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

async fn decide(
    State(state): State<Shared>,
    headers: HeaderMap,
    query: Result<Query<DecideQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let host = state.ready_host()?.clone();
    require_json(&headers, "the signal")?;
    let Ok(Query(query)) = query else {
        // The parser's message may quote the value; name the parameters instead.
        return Err(Problem::new(
            StatusCode::BAD_REQUEST,
            "invalid-query",
            "Invalid query parameters",
            "the query takes `explain` (true or false) and `region` (a region id) only",
        ));
    };
    let body = body.map_err(|rejection| body_problem(&rejection, state.body_limit))?;
    let explain = query.explain.unwrap_or(false);
    let mut options = match (explain, state.stage_metrics) {
        (true, _) => DecideOptions::explain(),
        (false, true) => DecideOptions::timings(),
        (false, false) => DecideOptions::default(),
    };
    if let Some(region) = query.region {
        options = options.in_region(region);
    }
    if let Some(language) = accepted_language(&headers) {
        options = options.with_language(language);
    }
    // The same kind of id as a CDS card's, so feedback works alike.
    options = options.with_decision_id(DecisionRef::random().to_string());
    in_slot(&state, move |work, slot| decide_blocking(work, slot, &host, &body, &options, explain)).await
}

/// 415 unless the body is declared JSON.
fn require_json(headers: &HeaderMap, what: &str) -> Result<(), Problem> {
    if is_json(headers) {
        return Ok(());
    }
    Err(Problem::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "Unsupported media type",
        format!("send {what} as `Content-Type: application/json`"),
    )
    .header(HeaderName::from_static("accept-post"), HeaderValue::from_static("application/json")))
}

/// Runs `work` on the blocking pool in a decision slot: 503 at once when
/// none is free, 504 when it outlasts the request timeout. `work` gets the
/// slot and drops it once the CPU work is done, before it waits for the
/// decision log's disk.
async fn in_slot(
    state: &Shared,
    work: impl FnOnce(&AppState, OwnedSemaphorePermit) -> Result<Response, Problem> + Send + 'static,
) -> Result<Response, Problem> {
    let Ok(permit) = state.slots.clone().try_acquire_owned() else {
        state.metrics.rejected(Rejected::Overloaded);
        return Err(Problem::unavailable(
            "overloaded",
            "Too many decisions at once",
            "every decision slot is taken; send the request again after Retry-After seconds",
            state.retry_after_secs,
        ));
    };
    let shared = Arc::clone(state);
    let task = tokio::task::spawn_blocking(move || {
        // The slot is held until the decision's work really ends, also
        // when the request timed out meanwhile: the slots count the work
        // running.
        if let Some(hook) = &shared.hook {
            hook();
        }
        work(&shared, permit)
    });
    match tokio::time::timeout(state.request_timeout, task).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(_panicked)) => Err(Problem::internal("a decision's thread panicked")),
        Err(_elapsed) => {
            state.metrics.rejected(Rejected::Timeout);
            Err(Problem::new(
                StatusCode::GATEWAY_TIMEOUT,
                "timeout",
                "The decision took too long",
                "the decision did not finish within the service's request timeout",
            ))
        }
    }
}

/// Parses and decides on the blocking thread, and serializes the card
/// there too, so the async workers only move bytes.
fn decide_blocking(
    state: &AppState,
    slot: OwnedSemaphorePermit,
    host: &Host,
    body: &[u8],
    options: &DecideOptions,
    explain: bool,
) -> Result<Response, Problem> {
    let started = Instant::now();
    let bad_input = |error: wegwijs::Error| {
        let problem = Problem::from_library(&error, host.language_for(options));
        if problem.status < 500 {
            state.metrics.bad_input(problem.kind.rsplit(':').next().unwrap_or_default());
        }
        problem
    };
    let text = utf8(state, body)?;
    let signal = Signal::from_json(text).map_err(bad_input)?;
    let (mut decision, pending) = host.decide_pending(&signal, options).map_err(bad_input)?;
    if !explain {
        decision.trace = None;
    }
    let json = serde_json::to_vec(&decision).map_err(|_| Problem::internal("the decision card did not serialize"))?;
    durable(state, slot, pending)?;
    state.metrics.decision(&decision, started.elapsed().as_secs_f64());
    Ok((language_headers(&decision), json).into_response())
}

/// The headers of an answer whose texts are in the decision's language:
/// `Content-Language` says which, and `Vary` tells caches the answer
/// depends on `Accept-Language`.
fn language_headers(decision: &wegwijs::Decision) -> [(HeaderName, HeaderValue); 3] {
    [
        (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
        (header::CONTENT_LANGUAGE, HeaderValue::from_str(&decision.language).unwrap_or(HeaderValue::from_static("nl"))),
        (header::VARY, HeaderValue::from_static("accept-language")),
    ]
}

/// The language an `Accept-Language` header prefers among those wegwijs
/// writes (RFC 9110 §12.5.4): the supported range with the highest
/// weight, the first listed on a tie; a weight of 0 excludes. `None` when
/// the header is absent, unreadable, `*`, or names only other languages:
/// the host's own language (Dutch unless configured) then applies.
pub(crate) fn accepted_language(headers: &HeaderMap) -> Option<wegwijs::Language> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut best: Option<(u16, wegwijs::Language)> = None;
    for item in value.split(',').take(32) {
        let mut parts = item.split(';');
        let Some(language) = parts.next().and_then(wegwijs::Language::from_tag) else { continue };
        let mut weight = 1000u16;
        for param in parts {
            if let Some(q) = param.trim().strip_prefix("q=") {
                weight = parse_weight(q.trim()).unwrap_or(0);
            }
        }
        if weight > 0 && best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, language));
        }
    }
    best.map(|(_, language)| language)
}

/// A `q` value as thousandths: `1`, `0.8`, `0.125`; `None` when malformed.
fn parse_weight(q: &str) -> Option<u16> {
    let (whole, fraction) = q.split_once('.').unwrap_or((q, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// Frees the decision slot, then waits until the decision's log record is
/// durable: only then may the answer leave (`docs/audit.md`).
fn durable(
    state: &AppState,
    slot: OwnedSemaphorePermit,
    pending: Option<wegwijs::audit::Pending>,
) -> Result<(), Problem> {
    drop(slot);
    match pending {
        Some(pending) => pending.wait().map(|_| ()).map_err(|e| {
            state.metrics.rejected(Rejected::NotLogged);
            Problem::not_logged(&e.to_string())
        }),
        None => Ok(()),
    }
}

/// The body as text, or 400 when it is not UTF-8.
fn utf8<'b>(state: &AppState, body: &'b [u8]) -> Result<&'b str, Problem> {
    std::str::from_utf8(body).map_err(|e| {
        state.metrics.bad_input("malformed-json");
        Problem::new(
            StatusCode::BAD_REQUEST,
            "malformed-json",
            "The body is not valid JSON",
            format!("the body is not UTF-8 (from byte {})", e.valid_up_to()),
        )
    })
}

/// The problem for a body that could not be read: too large (413) or
/// broken off (400).
fn body_problem(rejection: &BytesRejection, limit: usize) -> Problem {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return too_large(limit);
    }
    Problem::new(StatusCode::BAD_REQUEST, "unreadable-body", "The body could not be read", "the body ended early")
}

/// The body of `GET /v1/regions`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct RegionsBody {
    /// The active regions, by id.
    regions: Vec<RegionInfo>,
    /// Bundles offered and refused since; each stands until its directory
    /// changes again.
    refused: Vec<Refused>,
}

async fn regions(State(state): State<Shared>) -> Result<Response, Problem> {
    let host = state.host_if_ready()?;
    Ok(axum::Json(RegionsBody { regions: host.regions(), refused: state.reloader.refused() }).into_response())
}

/// `POST /v1/regions/reload`: one pass now, off the async workers.
async fn reload(State(state): State<Shared>) -> Result<Response, Problem> {
    let host = state.host_if_ready()?.clone();
    let report = run_reload(&state, host).await?;
    Ok(axum::Json(report).into_response())
}

/// Runs one reload pass on the blocking pool and tells the operator what
/// changed.
pub(crate) async fn run_reload(state: &Shared, host: Host) -> Result<ReloadReport, Problem> {
    let reloader = Arc::clone(&state.reloader);
    let report = tokio::task::spawn_blocking(move || reloader.pass(&host))
        .await
        .map_err(|_| Problem::internal("a reload pass panicked"))?;
    state.metrics.reload(report.activated.len(), report.refused.len());
    for info in &report.activated {
        eprintln!("wegwijs serve: region {} revision {} activated", info.id, info.revision);
    }
    for refused in &report.refused {
        eprintln!(
            "wegwijs serve: bundle {} refused ({} reason(s)); the previous revision keeps serving",
            refused.bundle,
            refused.reasons.len()
        );
    }
    Ok(report)
}

/// What the professional did, as `POST /v1/decisions/{id}/feedback` takes it.
#[derive(Debug, schemars::JsonSchema)]
#[allow(dead_code, reason = "only its schema is used; the handler checks the JSON field by field")]
pub(crate) struct FeedbackBody {
    /// `accepted` or `overridden`.
    outcome: FeedbackKind,
    /// With `accepted`: the routes taken, by their index in the card's
    /// `routing.routes` (at most 32).
    routes: Option<Vec<u16>>,
    /// A reason code from the organisation's own list: 1 to 64 ASCII
    /// letters, digits and `. _ : / -`, no run of five digits.
    reason: Option<String>,
    /// A comment (at most 2000 characters), masked before it is kept.
    comment: Option<String>,
}

/// `accepted` or `overridden`.
#[derive(Debug, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code, reason = "only its schema is used")]
pub(crate) enum FeedbackKind {
    /// The professional followed the decision.
    Accepted,
    /// The professional decided otherwise.
    Overridden,
}

/// The answer to feedback.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct FeedbackReceipt {
    /// The decision's id.
    decision: String,
    /// Always true: the feedback is durable in the decision log.
    recorded: bool,
    /// Whether the decision is in this replica's log.
    decision_in_log: bool,
}

const MAX_FEEDBACK_ROUTES: usize = 32;
const MAX_COMMENT_CHARS: usize = 2000;

/// Checks a feedback body field by field, naming every problem.
fn parse_feedback(text: &str, decision: &str) -> Result<FeedbackEntry, Problem> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let mut p = Problem::new(
            StatusCode::BAD_REQUEST,
            "malformed-json",
            "The body is not valid JSON",
            format!("line {}, column {}: the body is not valid JSON", e.line(), e.column()),
        );
        p.line = Some(e.line());
        p.column = Some(e.column());
        p
    })?;
    let mut errors = Vec::new();
    let mut problem = |field: &str, text: &str| errors.push(FieldError { field: field.into(), problem: text.into() });
    let Some(object) = value.as_object() else {
        problem("", "must be an object with `outcome`");
        return Err(invalid_feedback(errors));
    };
    for key in object.keys() {
        if !["outcome", "routes", "reason", "comment"].contains(&key.as_str()) {
            problem(&wegwijs::audit::clean_text(key, 64), "unknown field; expected outcome, routes, reason, comment");
        }
    }
    let outcome = match object.get("outcome").and_then(|v| v.as_str()) {
        Some("accepted") => Some(FeedbackOutcome::Accepted),
        Some("overridden") => Some(FeedbackOutcome::Overridden),
        Some(_) => {
            problem("outcome", "must be `accepted` or `overridden`");
            None
        }
        None => {
            problem("outcome", "missing: `accepted` or `overridden`");
            None
        }
    };
    let mut routes = Vec::new();
    match object.get("routes") {
        None | Some(serde_json::Value::Null) => {}
        Some(serde_json::Value::Array(items)) => {
            if items.len() > MAX_FEEDBACK_ROUTES {
                problem("routes", "at most 32 routes");
            }
            for (i, item) in items.iter().take(MAX_FEEDBACK_ROUTES).enumerate() {
                match item.as_u64().and_then(|n| u16::try_from(n).ok()) {
                    Some(n) if n < 256 => routes.push(n),
                    _ => problem(&format!("routes[{i}]"), "must be a route's index on the card (0 to 255)"),
                }
            }
            if outcome == Some(FeedbackOutcome::Overridden) && !items.is_empty() {
                problem("routes", "only with `accepted`: an overridden decision took none of its routes");
            }
        }
        Some(_) => problem("routes", "must be an array of route indices"),
    }
    let reason = match object.get("reason") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(r)) => match wegwijs::audit::reason_code(r) {
            Ok(code) => Some(code),
            Err(why) => {
                problem("reason", why);
                None
            }
        },
        Some(_) => {
            problem("reason", "must be a string");
            None
        }
    };
    let comment = match object.get("comment") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(c)) if c.chars().count() > MAX_COMMENT_CHARS => {
            problem("comment", "at most 2000 characters");
            None
        }
        Some(serde_json::Value::String(c)) => wegwijs::audit::mask_comment(c),
        Some(_) => {
            problem("comment", "must be a string");
            None
        }
    };
    match outcome {
        Some(outcome) if errors.is_empty() => Ok(FeedbackEntry {
            decision: decision.to_string(),
            outcome,
            routes,
            reason,
            comment,
            via: "api".into(),
            decision_in_log: false,
        }),
        _ => Err(invalid_feedback(errors)),
    }
}

fn invalid_feedback(errors: Vec<FieldError>) -> Problem {
    let mut p = Problem::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-feedback",
        "The feedback breaks its format",
        format!("{} problem(s) found; `errors` names each field", errors.len()),
    );
    p.errors = Some(errors);
    p
}

/// The host's decision log, or 409 when the service keeps none.
fn decision_log(host: &Host) -> Result<wegwijs::audit::DecisionLog, Problem> {
    host.decision_log().cloned().ok_or_else(|| {
        Problem::new(
            StatusCode::CONFLICT,
            "no-decision-log",
            "This service keeps no decision log",
            "feedback is recorded in the decision log; start the service with --log-dir",
        )
    })
}

/// Writes feedback on the blocking pool (the append waits for the disk).
async fn record_feedback(log: wegwijs::audit::DecisionLog, entries: Vec<FeedbackEntry>) -> Result<Vec<bool>, Problem> {
    let written = tokio::task::spawn_blocking(move || {
        entries.into_iter().map(|e| log.append_feedback(e).map(|(_, known)| known)).collect::<Result<Vec<_>, _>>()
    })
    .await
    .map_err(|_| Problem::internal("recording feedback panicked"))?;
    written.map_err(|e| Problem::not_logged(&e.to_string()))
}

/// `POST /v1/decisions/{id}/feedback`.
async fn decision_feedback(
    State(state): State<Shared>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let id = match id {
        Ok(Path(id)) if DecisionRef::parse(&id).is_some() => id,
        _ => {
            return Err(Problem::new(
                StatusCode::NOT_FOUND,
                "unknown-decision",
                "No such decision",
                "the path does not name a decision id; use `decision_id` from the decision card",
            ));
        }
    };
    let host = state.ready_host()?.clone();
    let log = decision_log(&host)?;
    require_json(&headers, "the feedback")?;
    let body = body.map_err(|rejection| body_problem(&rejection, state.body_limit))?;
    let text = utf8(&state, &body)?;
    let entry = parse_feedback(text, &id)?;
    let outcome = match entry.outcome {
        FeedbackOutcome::Accepted => "accepted",
        FeedbackOutcome::Overridden => "overridden",
    };
    let known = record_feedback(log, vec![entry]).await?;
    state.metrics.feedback("api", outcome);
    let receipt =
        FeedbackReceipt { decision: id, recorded: true, decision_in_log: known.first().copied().unwrap_or(false) };
    Ok(axum::Json(receipt).into_response())
}

async fn healthz() -> Response {
    axum::Json(serde_json::json!({ "status": "alive" })).into_response()
}

async fn readyz(State(state): State<Shared>) -> Result<Response, Problem> {
    if state.draining.load(Ordering::Relaxed) {
        return Err(Problem::unavailable(
            "draining",
            "Draining",
            "the service is shutting down; send requests to another replica",
            state.retry_after_secs,
        ));
    }
    state.host_if_ready()?;
    Ok(axum::Json(serde_json::json!({ "status": "ready" })).into_response())
}

async fn metrics(State(state): State<Shared>) -> Response {
    let in_flight = state.slot_count - state.slots.available_permits();
    let text = state.metrics.render(in_flight, state.slot_count);
    ([(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"))], text)
        .into_response()
}

async fn openapi(State(state): State<Shared>) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], state.openapi.clone()).into_response()
}

/// `GET /cds-services`: the discovery document.
async fn cds_discovery() -> Response {
    axum::Json(wegwijs_cds::discovery()).into_response()
}

/// 404 unless `id` is the one CDS service this service offers.
/// A path segment that is not even UTF-8 is no service id either: the
/// same 404 as any unknown id, not axum's plain-text 400.
fn known_cds_service(id: Result<Path<String>, PathRejection>) -> Result<(), Problem> {
    if matches!(&id, Ok(Path(id)) if id == wegwijs_cds::SERVICE_ID) {
        return Ok(());
    }
    Err(Problem::new(
        StatusCode::NOT_FOUND,
        "unknown-cds-service",
        "No such CDS service",
        format!(
            "no CDS service has this id; the discovery document (/cds-services) lists `{}`",
            wegwijs_cds::SERVICE_ID
        ),
    ))
}

/// A CDS Hooks error as a problem: its suggested status (400, or 412 when
/// the prefetched Patient is needed) and every field problem.
fn cds_problem(error: &wegwijs_cds::CdsError) -> Problem {
    let status = StatusCode::from_u16(error.status_hint()).unwrap_or(StatusCode::BAD_REQUEST);
    let (kind, title) = match error {
        wegwijs_cds::CdsError::MalformedJson { .. } => ("malformed-json", "The body is not valid JSON"),
        wegwijs_cds::CdsError::PrefetchNeeded(_) => ("prefetch-needed", "The prefetched Patient is needed"),
        _ => ("invalid-cds-request", "The body breaks CDS Hooks or the signal format"),
    };
    let problems = error.problems();
    let mut p =
        Problem::new(status, kind, title, format!("{} problem(s) found; `errors` names each field", problems.len()));
    if let wegwijs_cds::CdsError::MalformedJson { line, column, .. } = error {
        p.line = Some(*line);
        p.column = Some(*column);
    }
    p.errors = Some(
        problems.into_iter().map(|f| FieldError { field: f.field, problem: f.problem.en().to_string() }).collect(),
    );
    p
}

/// `POST /cds-services/{id}`: a hook call decided like a signal, answered
/// as CDS cards whose uuids lead back to the decision.
async fn cds_call(
    State(state): State<Shared>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    known_cds_service(id)?;
    let host = state.ready_host()?.clone();
    require_json(&headers, "the hook request")?;
    let body = body.map_err(|rejection| body_problem(&rejection, state.body_limit))?;
    let stage_metrics = state.stage_metrics;
    let language = accepted_language(&headers);
    in_slot(&state, move |work, slot| {
        let started = Instant::now();
        let text = utf8(work, &body)?;
        let call = wegwijs_cds::parse_request(text).map_err(|e| {
            let problem = cds_problem(&e);
            work.metrics.bad_input(problem.kind.rsplit(':').next().unwrap_or_default());
            problem
        })?;
        let reference = DecisionRef::random();
        let mut options = if stage_metrics { DecideOptions::timings() } else { DecideOptions::default() };
        if let Some(language) = language {
            options = options.with_language(language);
        }
        let options = options.with_decision_id(reference.to_string());
        let (decision, pending) = host
            .decide_pending(&call.signal, &options)
            .map_err(|e| Problem::from_library(&e, host.language_for(&options)))?;
        let response = wegwijs_cds::cards(&decision, reference);
        let json = serde_json::to_vec(&response).map_err(|_| Problem::internal("the CDS cards did not serialize"))?;
        durable(work, slot, pending)?;
        work.metrics.decision(&decision, started.elapsed().as_secs_f64());
        Ok((language_headers(&decision), json).into_response())
    })
    .await
}

/// `POST /cds-services/{id}/feedback`: checked, recorded in the decision log
/// when the service keeps one, and counted by outcome. Not before the host
/// is ready: until then it is not known whether there is a log.
async fn cds_feedback(
    State(state): State<Shared>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    known_cds_service(id)?;
    let host = state.host_if_ready()?.clone();
    require_json(&headers, "the feedback")?;
    let body = body.map_err(|rejection| body_problem(&rejection, state.body_limit))?;
    let text = utf8(&state, &body)?;
    let batch = wegwijs_cds::parse_feedback(text).map_err(|e| cds_problem(&e))?;
    if let Some(log) = host.decision_log().cloned() {
        let entries = batch.feedback.iter().map(cds_feedback_entry).collect();
        record_feedback(log, entries).await?;
    }
    for entry in &batch.feedback {
        let outcome = match entry.outcome {
            wegwijs_cds::Outcome::Accepted { .. } => "accepted",
            wegwijs_cds::Outcome::Overridden { .. } => "overridden",
        };
        state.metrics.feedback("cds-hooks", outcome);
    }
    Ok(axum::Json(serde_json::json!({})).into_response())
}

/// A CDS Hooks feedback entry as the decision log keeps it: the decision
/// its card leads back to, the routes its accepted suggestions stand for,
/// the override reason's code. CDS Hooks sends no comment text.
fn cds_feedback_entry(feedback: &wegwijs_cds::Feedback) -> FeedbackEntry {
    let (outcome, routes, reason) = match &feedback.outcome {
        wegwijs_cds::Outcome::Accepted { accepted_suggestions } => (
            FeedbackOutcome::Accepted,
            accepted_suggestions
                .iter()
                .filter_map(|s| match s.slot {
                    wegwijs_cds::Slot::Suggestion(i) => Some(i),
                    _ => None,
                })
                .collect(),
            None,
        ),
        wegwijs_cds::Outcome::Overridden { reason, .. } => (
            FeedbackOutcome::Overridden,
            Vec::new(),
            // The EPD's code system may use codes this log does not keep
            // (spaces, long numbers): those are recorded as withheld.
            reason.as_ref().map(|c| wegwijs::audit::reason_code(&c.code).unwrap_or_else(|_| "withheld".into())),
        ),
    };
    FeedbackEntry {
        decision: feedback.card.decision.to_string(),
        outcome,
        routes,
        reason,
        comment: None,
        via: "cds-hooks".into(),
        decision_in_log: false,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn accept_language_picks_the_best_supported_range() {
        let pick = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(value).unwrap());
            super::accepted_language(&headers)
        };
        assert_eq!(pick("en"), Some(wegwijs::Language::En));
        assert_eq!(pick("nl-NL,nl;q=0.9,en;q=0.8"), Some(wegwijs::Language::Nl));
        assert_eq!(pick("de, en-GB;q=0.7, nl;q=0.3"), Some(wegwijs::Language::En));
        assert_eq!(pick("en;q=0.2, nl;q=0.5"), Some(wegwijs::Language::Nl));
        assert_eq!(pick("en;q=0, nl;q=0.1"), Some(wegwijs::Language::Nl));
        assert_eq!(pick("en;q=0"), None);
        assert_eq!(pick("fr, de"), None);
        assert_eq!(pick("*"), None);
        assert_eq!(pick("en;q=2"), None, "a weight above 1 is malformed, and excludes");
        assert_eq!(pick("en;q=0.5, nl;q=0.5"), Some(wegwijs::Language::En), "the first listed wins a tie");
    }
    use super::*;
    use crate::auth::tests::COMPARISONS;
    use std::cell::Cell;
    use tower::ServiceExt as _;

    fn state() -> Shared {
        let mut config = Config::default();
        let file = format!(
            "[[key]]\nid = \"a\"\nsha256 = \"{}\"\nrights = [\"regions\"]\n\
             [[key]]\nid = \"b\"\nsha256 = \"{}\"\nrights = [\"metrics\"]\n",
            crate::auth::hash_token("token-a"),
            crate::auth::hash_token("token-b"),
        );
        config.keys = ApiKeys::parse(&file).expect("a valid keys file");
        Arc::new(AppState::new(&config))
    }

    async fn get(state: &Shared, path: &str, token: &str) -> Response {
        let request = Request::builder()
            .uri(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(axum::body::Body::empty())
            .expect("a request");
        router(Arc::clone(state)).oneshot(request).await.expect("infallible")
    }

    /// The routes' key check is the constant-time one: a request compares
    /// the token's hash with every key through `hashes_equal`. (The
    /// counter is per thread; this runtime runs the request on this one.)
    #[tokio::test(flavor = "current_thread")]
    async fn requests_are_checked_through_the_constant_time_comparison() {
        let state = state();
        let before = COMPARISONS.with(Cell::get);
        let response = get(&state, "/v1/regions", "token-a").await;
        // Past the key check; the host is not built, so not ready.
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(COMPARISONS.with(Cell::get) - before, 2);
        let before = COMPARISONS.with(Cell::get);
        assert_eq!(get(&state, "/v1/regions", "token-c").await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(COMPARISONS.with(Cell::get) - before, 2);
        assert_eq!(get(&state, "/metrics", "token-a").await.status(), StatusCode::FORBIDDEN);
        // Health needs no key and compares nothing.
        let before = COMPARISONS.with(Cell::get);
        assert_eq!(get(&state, "/healthz", "whatever").await.status(), StatusCode::OK);
        assert_eq!(COMPARISONS.with(Cell::get) - before, 0);
    }

    #[test]
    fn every_endpoint_has_a_unique_path_and_operation_id() {
        let all = endpoints();
        let mut ids: Vec<_> = all.iter().map(|e| e.operation_id).collect();
        let mut paths: Vec<_> = all.iter().map(|e| e.path).collect();
        ids.sort_unstable();
        ids.dedup();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!((ids.len(), paths.len()), (all.len(), all.len()));
    }
}
