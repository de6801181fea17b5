//! The OpenAPI 3.1 document, made from the route table
//! ([`crate::api::endpoints`]) and the schemas the types derive
//! (`schemars`, JSON Schema 2020-12, which is OpenAPI 3.1's dialect): the
//! signal and decision schemas are the library's own, so the document
//! cannot drift from what the service parses and answers
//! (`docs/decisions/0009-http-service.md`). The checked-in copy,
//! `host/serve/openapi.json`, is a golden file the tests compare.

use crate::api::{Access, Body, endpoints};
use crate::problem::{PROBLEM_JSON, Problem};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Map, Value, json};

/// The body of `/healthz` and `/readyz` when they answer 200.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used; the handlers write the JSON.
struct StatusBody {
    /// `alive` or `ready`.
    status: String,
}

/// The OpenAPI 3.1 document of the service.
pub fn openapi_document() -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
        })
        .into_generator();
    let mut paths = Map::new();
    for endpoint in endpoints() {
        let mut operation = Map::new();
        operation.insert("operationId".into(), endpoint.operation_id.into());
        operation.insert("summary".into(), endpoint.summary.into());
        operation.insert("description".into(), endpoint.description.into());
        if !endpoint.params.is_empty() {
            let params = endpoint
                .params
                .iter()
                .map(|p| {
                    json!({
                        "name": p.name,
                        "in": p.location,
                        "required": p.required,
                        "description": p.description,
                        "schema": { "type": p.kind },
                    })
                })
                .collect::<Vec<_>>();
            operation.insert("parameters".into(), params.into());
        }
        if let Some(body) = endpoint.request {
            let (media, schema) = media_and_schema(body, &mut generator);
            operation
                .insert("requestBody".into(), json!({ "required": true, "content": { media: { "schema": schema } } }));
        }
        let mut responses = Map::new();
        for (status, description, body) in endpoint.responses {
            responses.insert(status.to_string(), response(*status, description, *body, &mut generator));
        }
        match endpoint.access {
            Access::Public => {
                operation.insert("security".into(), json!([]));
            }
            Access::AnyKey => {}
            Access::Needs(right) => {
                operation.insert("x-wegwijs-right".into(), right.name().into());
            }
        }
        if endpoint.access != Access::Public {
            let unauthorized = "No API key, or an unknown one (`WWW-Authenticate: Bearer`).";
            responses.insert("401".into(), response(401, unauthorized, Body::Problem, &mut generator));
            if let Access::Needs(_) = endpoint.access {
                let forbidden = "The API key lacks the right this operation needs (`x-wegwijs-right`).";
                responses.insert("403".into(), response(403, forbidden, Body::Problem, &mut generator));
            }
        }
        operation.insert("responses".into(), responses.into());
        let item = paths.entry(endpoint.path.to_string()).or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(item) = item {
            item.insert(endpoint.method.as_str().to_ascii_lowercase(), operation.into());
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "wegwijs",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "Decision cards for Dutch youth healthcare (JGZ) signals",
            "description": "A signal about a child in, a decision card out: how serious, where the case should \
                go next and how urgently, who must consent to which disclosure, and why, each conclusion citing \
                its guideline rule. Every decision is a recommendation; the service never sends anything. \
                Errors are `application/problem+json` (RFC 9457). Every operation but health and readiness \
                needs an API key as a bearer token; `x-wegwijs-right` names the right an operation needs.",
            "license": { "name": "EUPL-1.2", "identifier": "EUPL-1.2" },
        },
        "security": [{ "bearer": [] }],
        "paths": paths,
        "components": {
            "schemas": generator.take_definitions(true),
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key. The service stores only its sha256 and the rights it grants.",
                },
            },
        },
    })
}

/// The document as the service serves it and the repository keeps it.
pub(crate) fn document_text() -> String {
    let mut text = serde_json::to_string_pretty(&openapi_document()).unwrap_or_default();
    text.push('\n');
    text
}

fn response(status: u16, description: &str, body: Body, generator: &mut SchemaGenerator) -> Value {
    let (media, schema) = media_and_schema(body, generator);
    let mut response = json!({ "description": description, "content": { media: { "schema": schema } } });
    let header = match status {
        401 => Some(("WWW-Authenticate", "`Bearer`, with `error=\"invalid_token\"` for an unknown key.")),
        503 => Some(("Retry-After", "Seconds after which the request may be sent again.")),
        405 => Some(("Allow", "The methods the path takes.")),
        _ => None,
    };
    if let (Some((name, text)), Value::Object(map)) = (header, &mut response) {
        map.insert("headers".into(), json!({ name: { "description": text, "schema": { "type": "string" } } }));
    }
    response
}

fn media_and_schema(body: Body, generator: &mut SchemaGenerator) -> (&'static str, Value) {
    match body {
        Body::Signal => ("application/json", generator.subschema_for::<wegwijs::Signal>().to_value()),
        Body::Decision => ("application/json", generator.subschema_for::<wegwijs::Decision>().to_value()),
        Body::Regions => ("application/json", generator.subschema_for::<crate::api::RegionsBody>().to_value()),
        Body::Reload => ("application/json", generator.subschema_for::<crate::reload::ReloadReport>().to_value()),
        Body::Feedback => ("application/json", generator.subschema_for::<crate::api::FeedbackBody>().to_value()),
        Body::FeedbackReceipt => {
            ("application/json", generator.subschema_for::<crate::api::FeedbackReceipt>().to_value())
        }
        Body::Status => ("application/json", generator.subschema_for::<StatusBody>().to_value()),
        Body::Problem => (PROBLEM_JSON, generator.subschema_for::<Problem>().to_value()),
        Body::Metrics => ("text/plain; version=0.0.4", json!({ "type": "string" })),
        Body::OpenApi | Body::Object => ("application/json", json!({ "type": "object" })),
    }
}
