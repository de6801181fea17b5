//! Errors as `application/problem+json` (RFC 9457). Every answer that is
//! not a success goes through [`Problem`], so a client in any language
//! reads one shape: `type`, `title`, `status`, `detail`, and for a signal
//! that breaks the format an `errors` list naming each field. Details never
//! repeat a signal's values: the library's messages already withhold them,
//! and the texts written here name fields and limits only.

use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use schemars::JsonSchema;
use serde::Serialize;
use wegwijs::Language;
use wegwijs::types::say;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One problem with one field of a signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FieldError {
    /// JSON path of the field, e.g. `instruments[0].sdq.answers[6]`.
    pub field: String,
    /// What is wrong with it.
    pub problem: String,
}

/// An RFC 9457 problem detail, with this service's extension members.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Problem {
    /// A URI naming the kind of problem, e.g. `urn:wegwijs:problem:invalid-signal`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem; the same for every occurrence.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence, in words a sender can act on.
    pub detail: String,
    /// Malformed JSON: the 1-based line of the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Malformed JSON: the 1-based column of the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// An invalid signal: every problem found, each naming its field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
    /// An unknown region: the id that was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The largest request body this service accepts, in bytes (413).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// Headers to send with the problem (`Retry-After`, `WWW-Authenticate`,
    /// `Allow`); not part of the body.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
}

impl Problem {
    /// A problem of `kind` (the last part of its `urn:wegwijs:problem:` URI).
    pub(crate) fn new(status: StatusCode, kind: &str, title: &str, detail: impl Into<String>) -> Problem {
        Problem {
            kind: format!("urn:wegwijs:problem:{kind}"),
            title: title.to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            line: None,
            column: None,
            errors: None,
            region: None,
            limit: None,
            headers: Vec::new(),
        }
    }

    /// Adds a header to the answer.
    pub(crate) fn header(mut self, name: HeaderName, value: HeaderValue) -> Problem {
        self.headers.push((name, value));
        self
    }

    /// 503 with `Retry-After`: the service cannot take the request now.
    pub(crate) fn unavailable(kind: &str, title: &str, detail: &str, retry_after_secs: u64) -> Problem {
        Problem::new(StatusCode::SERVICE_UNAVAILABLE, kind, title, detail)
            .header(header::RETRY_AFTER, HeaderValue::from(retry_after_secs.max(1)))
    }

    /// 404 for a path no route serves.
    pub(crate) fn not_found() -> Problem {
        Problem::new(
            StatusCode::NOT_FOUND,
            "not-found",
            "No such resource",
            "no route serves this path; see /openapi.json",
        )
    }

    /// 405 for a method the path does not take.
    pub(crate) fn method_not_allowed() -> Problem {
        Problem::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method-not-allowed",
            "Method not allowed",
            "this path does not take this method; the Allow header lists those it takes",
        )
    }

    /// 500 without detail: what broke goes to the operator's log (standard
    /// error), not to the client. `why` names the failure, never a value
    /// from the request.
    pub(crate) fn internal(why: &str) -> Problem {
        eprintln!("wegwijs serve: internal error: {why}");
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
            "the service failed to answer this request; the request may be sent again",
        )
    }

    /// 503: the decision was made but the decision log could not take it,
    /// and a decision is only answered once it is logged. `why` goes to
    /// the operator's log, not to the client.
    pub(crate) fn not_logged(why: &str) -> Problem {
        eprintln!("wegwijs serve: {why}");
        Problem::unavailable(
            "decision-not-logged",
            "The decision could not be logged",
            "the decision log cannot be written, and a decision is only answered once it is logged; \
             the operator has been told",
            1,
        )
    }

    /// A library error for a signal that could not be decided. Problems with
    /// the signal itself (malformed JSON, invalid fields, an unknown region)
    /// are written in `lang`, the language the request accepted, because an
    /// EPD may show them to the professional who must correct the signal;
    /// they carry `Content-Language`. Every other problem is about the
    /// protocol and is written for the integrator, in English.
    pub(crate) fn from_library(error: &wegwijs::Error, lang: Language) -> Problem {
        let mut p = match error {
            wegwijs::Error::MalformedJson { line, column, problem } => {
                let problem = problem.get(lang);
                let mut p = Problem::new(
                    StatusCode::BAD_REQUEST,
                    "malformed-json",
                    lang.pick("De inhoud van het verzoek is geen geldige JSON", "The body is not valid JSON"),
                    say!(lang, "regel {line}, kolom {column}: {problem}", "line {line}, column {column}: {problem}"),
                );
                p.line = Some(*line);
                p.column = Some(*column);
                p
            }
            wegwijs::Error::InvalidSignal(problems) => {
                let n = problems.len();
                let mut p = Problem::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid-signal",
                    lang.pick("Het signaal voldoet niet aan het signaalformaat", "The signal breaks the signal format"),
                    match (lang, n) {
                        (Language::Nl, 1) => "1 probleem gevonden; `errors` noemt het veld".to_string(),
                        (Language::Nl, _) => format!("{n} problemen gevonden; `errors` noemt elk veld"),
                        (Language::En, _) => format!("{n} problem(s) found; `errors` names each field"),
                    },
                );
                p.errors = Some(
                    problems
                        .iter()
                        .map(|f| FieldError { field: f.field.clone(), problem: f.problem.get(lang).to_string() })
                        .collect(),
                );
                p
            }
            wegwijs::Error::UnknownRegion { id } => {
                let mut p = Problem::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "unknown-region",
                    lang.pick("Deze regio is niet geladen", "No such region is loaded"),
                    lang.pick(
                        "de gevraagde regio is niet geladen; gebruik een id uit /v1/regions of `national-default`",
                        "the region asked for is not loaded; use an id from /v1/regions or `national-default`",
                    ),
                );
                p.region = Some(id.clone());
                p
            }
            wegwijs::Error::DecisionLog(why) => return Problem::not_logged(why),
            _ => return Problem::internal("the library failed on a signal it accepted (not an input error)"),
        };
        p.headers.push((header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag())));
        p.headers.push((header::VARY, HeaderValue::from_static("accept-language")));
        p
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response =
            (status, [(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON))], body).into_response();
        for (name, value) in self.headers {
            response.headers_mut().append(name, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_signal_lists_each_field_as_an_extension_member() {
        let error = wegwijs::Signal::from_json(
            r#"{"date": "2026-10-05", "child": {"birth_date": "2018-03-14"}, "source": {"code": "intern-begeleider"},
                "handler": "nobody", "concerns": ["behaviour-problems"]}"#,
        )
        .expect_err("an unknown handler");
        let p = Problem::from_library(&error, Language::En);
        let json = serde_json::to_value(&p).expect("serializes");
        assert_eq!(json["status"], 422);
        assert_eq!(json["type"], "urn:wegwijs:problem:invalid-signal");
        let errors = json["errors"].as_array().expect("an errors list");
        assert!(errors.iter().any(|e| e["field"] == "handler"), "{json}");
        assert!(json.get("line").is_none(), "no members that do not apply: {json}");
    }

    #[test]
    fn a_library_error_that_is_not_about_input_is_internal_without_detail() {
        let error = wegwijs::Error::CompileCache { dir: "/secret/dir".into(), problem: wegwijs::Said::same("is odd") };
        let p = Problem::from_library(&error, Language::En);
        assert_eq!(p.status, 500);
        assert!(!p.detail.contains("/secret"), "{}", p.detail);
    }
}
