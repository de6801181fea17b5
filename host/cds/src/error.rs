//! What can be wrong with a CDS Hooks request or feedback. Like the
//! library's own [`wegwijs::Error::InvalidSignal`], every problem names its
//! field by JSON path (`context.signal.child.birth_date`,
//! `prefetch.patient.birthDate`, `feedback[0].outcome`) and says what is
//! wrong in words a vendor's developer can act on, and every problem found
//! is listed at once. Values are never repeated: a birth date, a name or a
//! BSN typed into the wrong field must not reach an error log. The service
//! renders these as `application/problem+json`.

use wegwijs::{FieldProblem, Said};

/// A request or feedback body that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CdsError {
    /// The body is not valid JSON.
    #[error("the body is not valid JSON (line {line}, column {column}): {problem}")]
    MalformedJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the parser found.
        problem: String,
    },
    /// The body is JSON but breaks CDS Hooks or the signal format; every
    /// problem found, each naming its field. (HTTP 400.)
    #[error("the body is invalid: {}", join(.0))]
    Invalid(Vec<FieldProblem>),
    /// The signal lacks what only the prefetched `Patient` could give (a
    /// birth date, when the signal has no age) and the client sent no usable
    /// `prefetch.patient`. CDS Hooks answers this with `412 Precondition
    /// Failed` (§CDS Service Response, HTTP Status Codes).
    #[error("the prefetched Patient is needed: {}", join(.0))]
    PrefetchNeeded(Vec<FieldProblem>),
}

impl CdsError {
    /// Every problem, each naming its field; a malformed body is one problem
    /// about the whole body (field `(body)`).
    pub fn problems(&self) -> Vec<FieldProblem> {
        match self {
            CdsError::MalformedJson { line, column, problem: what } => {
                vec![problem("(body)", format!("not valid JSON at line {line}, column {column}: {what}"))]
            }
            CdsError::Invalid(p) | CdsError::PrefetchNeeded(p) => p.clone(),
        }
    }

    /// The HTTP status CDS Hooks suggests for this error: 412 when the
    /// prefetched data is missing, 400 otherwise. A hint for the service,
    /// which owns HTTP.
    pub fn status_hint(&self) -> u16 {
        match self {
            CdsError::PrefetchNeeded(_) => 412,
            CdsError::MalformedJson { .. } | CdsError::Invalid(_) => 400,
        }
    }
}

/// A field problem about the CDS Hooks request itself. These are written
/// for the CDS client's developer and read the same in every language, as
/// the CDS Hooks protocol they describe is specified in English; a problem
/// the library finds in the signal inside the request keeps both of its
/// languages.
pub(crate) fn problem(field: impl Into<String>, problem: impl Into<String>) -> FieldProblem {
    FieldProblem::new(field, Said::same(problem))
}

/// serde_json's message without the " at line L column C" it appends (the
/// position is reported in its own fields).
pub(crate) fn malformed(e: &serde_json::Error) -> CdsError {
    let msg = e.to_string();
    let problem = msg.rfind(" at line ").map_or(msg.as_str(), |i| &msg[..i]).to_string();
    CdsError::MalformedJson { line: e.line(), column: e.column(), problem }
}

fn join(problems: &[FieldProblem]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}
