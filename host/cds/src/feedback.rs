//! Feedback (`POST /cds-services/{id}/feedback`, CDS Hooks 2.0 §Feedback):
//! what the professional did with a card, parsed and validated into a
//! typed value the service records. Each card and suggestion uuid is one
//! this crate issued ([`crate::CardRef`]), so every entry names the
//! decision it belongs to.
//!
//! The specification allows an `overridden` outcome without an
//! `overrideReason` ("dismissed without providing a reason"), so that is
//! accepted by default; [`FeedbackRules::require_override_reason`] refuses
//! it for a service that wants one (useful once cards offer
//! `overrideReasons`). A `userComment` is free text a professional typed: it
//! may name the child, so only the fact that there was one is kept, never
//! its text.

use crate::error::{CdsError, malformed, problem};
use crate::ids::{CardRef, Slot};
use crate::text::is_clean;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use wegwijs::FieldProblem;

/// The most feedback entries one request may carry.
pub const MAX_ENTRIES: usize = 256;
/// The most characters of a coding's `code`, `system` or `display`.
const CODING_MAX: usize = 256;

/// What a feedback request is checked against beyond the specification.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FeedbackRules {
    /// Refuse an `overridden` outcome that gives no coded `reason`.
    pub require_override_reason: bool,
}

impl FeedbackRules {
    /// The rules with `overridden` requiring a coded reason.
    pub fn requiring_override_reason() -> Self {
        FeedbackRules { require_override_reason: true }
    }
}

/// A feedback request: one entry per card acted upon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackBatch {
    /// The entries, in the order sent.
    pub feedback: Vec<Feedback>,
}

/// What the professional did with one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    /// The card; its `decision` is the decision it showed.
    pub card: CardRef,
    /// Accepted (with the suggestions taken) or overridden.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// When, as the client sent it (RFC 3339 date-time).
    pub outcome_timestamp: String,
}

/// The outcome of one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Outcome {
    /// One or more suggestions, i.e. routes, were taken.
    Accepted {
        /// The suggestions taken; each belongs to the card's decision.
        #[serde(rename = "acceptedSuggestions")]
        accepted_suggestions: Vec<CardRef>,
    },
    /// The card was dismissed.
    Overridden {
        /// The coded reason the professional chose, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<Coding>,
        /// Whether the professional added a comment; its text is not kept.
        #[serde(rename = "commentGiven")]
        comment_given: bool,
    },
}

/// A code (§Data Types, Coding).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    /// The code.
    pub code: String,
    /// Its code system.
    pub system: String,
    /// A human-readable label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// Parses and validates feedback by the specification.
pub fn parse_feedback(body: &str) -> Result<FeedbackBatch, CdsError> {
    parse_feedback_with(body, &FeedbackRules::default())
}

/// Parses and validates feedback by the specification and `rules`; every
/// problem found is listed, each naming its field (`feedback[2].outcome`).
pub fn parse_feedback_with(body: &str, rules: &FeedbackRules) -> Result<FeedbackBatch, CdsError> {
    let value: Value = serde_json::from_str(body).map_err(|e| malformed(&e))?;
    let mut problems = Vec::new();
    let entries = match value.get("feedback") {
        _ if !value.is_object() => {
            return Err(CdsError::Invalid(vec![problem("(body)", "must be a JSON object with a `feedback` array")]));
        }
        Some(Value::Array(a)) if a.is_empty() => {
            return Err(CdsError::Invalid(vec![problem("feedback", "is empty; send at least one entry")]));
        }
        Some(Value::Array(a)) if a.len() > MAX_ENTRIES => {
            return Err(CdsError::Invalid(vec![problem(
                "feedback",
                format!("{} entries; at most {MAX_ENTRIES} are accepted per request", a.len()),
            )]));
        }
        Some(Value::Array(a)) => a,
        _ => return Err(CdsError::Invalid(vec![problem("feedback", "missing or not an array of feedback entries")])),
    };
    let mut feedback = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        if let Some(f) = entry_of(entry, &format!("feedback[{i}]"), rules, &mut problems) {
            feedback.push(f);
        }
    }
    if problems.is_empty() { Ok(FeedbackBatch { feedback }) } else { Err(CdsError::Invalid(problems)) }
}

fn entry_of(entry: &Value, path: &str, rules: &FeedbackRules, problems: &mut Vec<FieldProblem>) -> Option<Feedback> {
    let Value::Object(entry) = entry else {
        problems.push(problem(path, "must be an object"));
        return None;
    };
    let before = problems.len();
    let card = match entry.get("card") {
        Some(Value::String(s)) => match CardRef::parse(s) {
            Some(c) if matches!(c.slot, Slot::Suggestion(_)) => {
                problems.push(problem(format!("{path}.card"), "is a suggestion's uuid, not a card's"));
                None
            }
            Some(c) => Some(c),
            None => {
                problems.push(problem(format!("{path}.card"), "not the uuid of a card this service issued"));
                None
            }
        },
        Some(_) => {
            problems.push(problem(format!("{path}.card"), "must be a string: the card's uuid"));
            None
        }
        None => {
            problems.push(problem(format!("{path}.card"), "missing: the uuid of the card acted upon"));
            None
        }
    };
    let timestamp = match entry.get("outcomeTimestamp") {
        Some(Value::String(t)) if is_rfc3339(t) => Some(t.clone()),
        Some(_) => {
            problems.push(problem(
                format!("{path}.outcomeTimestamp"),
                "not an RFC 3339 date-time, e.g. 2026-10-05T09:30:00Z",
            ));
            None
        }
        None => {
            problems.push(problem(format!("{path}.outcomeTimestamp"), "missing"));
            None
        }
    };
    let accepted = entry.get("acceptedSuggestions");
    let override_reason = entry.get("overrideReason");
    let outcome = match entry.get("outcome").and_then(Value::as_str) {
        Some("accepted") => {
            if override_reason.is_some() {
                problems.push(problem(format!("{path}.overrideReason"), "belongs to an `overridden` outcome only"));
            }
            accepted_of(accepted, card, path, problems)
                .map(|accepted_suggestions| Outcome::Accepted { accepted_suggestions })
        }
        Some("overridden") => {
            if accepted.is_some() {
                problems.push(problem(format!("{path}.acceptedSuggestions"), "belongs to an `accepted` outcome only"));
            }
            overridden_of(override_reason, path, rules, problems)
        }
        Some(_) => {
            problems.push(problem(format!("{path}.outcome"), "unknown outcome; must be `accepted` or `overridden`"));
            None
        }
        None => {
            problems.push(problem(
                format!("{path}.outcome"),
                "missing or not a string; must be `accepted` or `overridden`",
            ));
            None
        }
    };
    if problems.len() > before {
        return None;
    }
    Some(Feedback { card: card?, outcome: outcome?, outcome_timestamp: timestamp? })
}

fn accepted_of(
    accepted: Option<&Value>,
    card: Option<CardRef>,
    path: &str,
    problems: &mut Vec<FieldProblem>,
) -> Option<Vec<CardRef>> {
    let field = format!("{path}.acceptedSuggestions");
    let list = match accepted {
        Some(Value::Array(l)) if !l.is_empty() => l,
        _ => {
            problems.push(problem(field, "required for an `accepted` outcome: a non-empty array of {\"id\": uuid}"));
            return None;
        }
    };
    let mut out = Vec::with_capacity(list.len());
    for (j, item) in list.iter().enumerate() {
        let item_path = format!("{field}[{j}].id");
        match item.get("id").and_then(Value::as_str).map(CardRef::parse) {
            None => problems.push(problem(item_path, "missing or not a string: the suggestion's uuid")),
            Some(None) => problems.push(problem(item_path, "not the uuid of a suggestion this service issued")),
            Some(Some(s)) if !matches!(s.slot, Slot::Suggestion(_)) => {
                problems.push(problem(item_path, "is a card's uuid, not a suggestion's"))
            }
            Some(Some(s)) if card.is_some_and(|c| c.decision != s.decision || c.slot != Slot::MainCard) => {
                problems.push(problem(item_path, "is not a suggestion of this card"))
            }
            Some(Some(s)) => out.push(s),
        }
    }
    Some(out)
}

fn overridden_of(
    reason: Option<&Value>,
    path: &str,
    rules: &FeedbackRules,
    problems: &mut Vec<FieldProblem>,
) -> Option<Outcome> {
    let field = format!("{path}.overrideReason");
    let (coding, comment_given) = match reason {
        None => (None, false),
        Some(Value::Object(r)) => {
            let comment = match r.get("userComment") {
                None => false,
                Some(Value::String(c)) if !c.is_empty() => true,
                Some(_) => {
                    problems.push(problem(format!("{field}.userComment"), "must be a non-empty string"));
                    false
                }
            };
            let coding = match r.get("reason") {
                None => None,
                Some(Value::Object(c)) => coding_of(c, &format!("{field}.reason"), problems),
                Some(_) => {
                    problems.push(problem(format!("{field}.reason"), "must be a Coding object"));
                    None
                }
            };
            if r.get("reason").is_none() && r.get("userComment").is_none() {
                problems.push(problem(&field, "is empty; give `reason`, `userComment`, or leave it out"));
            }
            (coding, comment)
        }
        Some(_) => {
            problems.push(problem(&field, "must be an object"));
            (None, false)
        }
    };
    if rules.require_override_reason && coding.is_none() && !problems.iter().any(|p| p.field.starts_with(&field)) {
        problems.push(problem(format!("{field}.reason"), "required by this service: say why the card was overridden"));
    }
    Some(Outcome::Overridden { reason: coding, comment_given })
}

fn coding_of(c: &Map<String, Value>, path: &str, problems: &mut Vec<FieldProblem>) -> Option<Coding> {
    let mut text = |key: &str, required: bool| -> Option<String> {
        match c.get(key) {
            None if !required => None,
            Some(Value::String(s)) if !s.is_empty() && s.chars().count() <= CODING_MAX && is_clean(s) => {
                Some(s.clone())
            }
            _ => {
                problems.push(problem(
                    format!("{path}.{key}"),
                    format!(
                        "must be a non-empty string of at most {CODING_MAX} characters, without control or \
                         bidirectional formatting characters"
                    ),
                ));
                None
            }
        }
    };
    let code = text("code", true);
    let system = text("system", true);
    let display = text("display", false);
    Some(Coding { code: code?, system: system?, display })
}

/// An RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, optional fraction, and `Z`
/// or an offset `±HH:MM`.
fn is_rfc3339(t: &str) -> bool {
    let b = t.as_bytes();
    let num = |r: std::ops::Range<usize>, max: u32| {
        b.get(r.clone()).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && t.get(r).and_then(|s| s.parse::<u32>().ok()).is_some_and(|v| v <= max)
    };
    if b.len() < 20
        || !(num(0..4, 9999) && b[4] == b'-' && num(5..7, 12) && b[7] == b'-' && num(8..10, 31))
        || !matches!(b[10], b'T' | b't')
        || !(num(11..13, 23) && b[13] == b':' && num(14..16, 59) && b[16] == b':' && num(17..19, 60))
        || t[5..7] == *"00"
        || t[8..10] == *"00"
    {
        return false;
    }
    let mut rest = &t[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = &frac[digits..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit())
                && (h1 - b'0') * 10 + (h2 - b'0') <= 23
                && (m1 - b'0') * 10 + (m2 - b'0') <= 59
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_follow_rfc_3339() {
        for ok in
            ["2021-12-11T10:05:31Z", "1985-04-12T23:20:50.52Z", "2020-12-11T00:00:00+01:00", "2020-12-11t00:00:00z"]
        {
            assert!(is_rfc3339(ok), "{ok}");
        }
        for bad in [
            "2021-12-11",
            "2021-12-11 10:05:31Z",
            "2021-13-11T10:05:31Z",
            "2021-12-11T24:00:00Z",
            "2021-12-11T10:05:31",
            "2021-12-11T10:05:31.Z",
            "2021-00-11T10:05:31Z",
            "2021-12-11T10:05:31+1:00",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}
