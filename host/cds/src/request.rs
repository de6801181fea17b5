//! A hook call (`POST /cds-services/{id}`, CDS Hooks 2.0 §Calling a CDS
//! Service) turned into a validated [`wegwijs::Signal`].
//!
//! The context carries the signal as `context.signal`, in the same JSON as
//! [`wegwijs::Host::decide_json`] takes. Where the signal lacks the child's
//! birth date or gemeente, the prefetched FHIR `Patient`
//! (`prefetch.patient`) may supply them:
//!
//! - **birth date**: `Patient.birthDate`, when the signal gives no age at
//!   all (no `birth_date`, `age_months` or `pregnancy_week`). When both give
//!   a birth date and they differ, that is an error naming both fields,
//!   never a silent pick.
//! - **gemeente**: a coded municipality in a home address. The Dutch
//!   profiles (zib/nl-core AddressInformation 2020) map the municipality
//!   (NL-CM:20.5.4) to `Address.district` as a *name* from GBA table 33,
//!   and define no extension for its code. A name is not a code, and this
//!   crate does not guess one from it. What it reads is a `Coding` in the
//!   code system of that same table, `urn:oid:2.16.840.1.113883.2.4.6.14`
//!   (whose four-digit codes are the CBS gemeentecodes), found in an
//!   extension of `Address.district` (FHIR JSON `_district.extension`) or
//!   of the address itself, as `valueCoding` or
//!   `valueCodeableConcept.coding`. Only addresses whose `use` is `home`, or
//!   not given, count; several different codes are an error.
//!
//! Nothing else in the Patient is read: not the name, the BSN or other
//! identifiers, the address lines or telecom. Nothing of it reaches the
//! signal, a card or an error message. `fhirServer` and `fhirAuthorization`
//! are ignored: the service never fetches anything and never follows a URL
//! a client sends.

use crate::discovery::{HOOK, PREFETCH_PATIENT};
use crate::error::{CdsError, malformed, problem};
use crate::ids::is_uuid;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use wegwijs::{FieldProblem, Signal};

/// The code system of GBA table 33 (gemeenten), whose codes are the four
/// digits of a CBS gemeentecode.
pub const GEMEENTE_SYSTEM: &str = "urn:oid:2.16.840.1.113883.2.4.6.14";

/// A CDS Hooks request as it travels, for documentation and OpenAPI; parse
/// one with [`parse_request`], which checks far more than these types can.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CdsRequest {
    /// The hook, [`HOOK`].
    pub hook: String,
    /// The client's uuid for this call.
    pub hook_instance: String,
    /// The hook's context: `patientId` (the FHIR id of the child's
    /// `Patient`) and `signal` (the wegwijs signal).
    pub context: Map<String, Value>,
    /// Prefetched FHIR data: `patient`, the child's `Patient`, or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefetch: Option<Map<String, Value>>,
}

/// A hook call, validated: what the service decides.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HookCall {
    /// The client's uuid for this call (lower case), for the service's log.
    pub hook_instance: String,
    /// The signal, validated by the library, with what the Patient supplied.
    pub signal: Signal,
    /// The signal fields filled in from the prefetched Patient:
    /// `child.birth_date`, `gemeente`.
    pub from_patient: Vec<&'static str>,
}

/// What the prefetched Patient supplied, and from where.
struct FromPatient {
    /// `birthDate`, with its path.
    birth_date: Option<(String, String)>,
    /// The gemeentecode (`GM` and four digits), with its path.
    gemeente: Option<(String, String)>,
}

/// Parses and validates a hook call: the CDS Hooks envelope, the Patient's
/// birth date and gemeente, and the signal by the library's own validation
/// (its field paths prefixed with `context.signal.`). Every problem found is
/// listed.
pub fn parse_request(body: &str) -> Result<HookCall, CdsError> {
    let value: Value = serde_json::from_str(body).map_err(|e| malformed(&e))?;
    let Value::Object(top) = value else {
        return Err(CdsError::Invalid(vec![problem("(body)", "must be a JSON object (a CDS Hooks request)")]));
    };
    let mut problems = Vec::new();

    match top.get("hook") {
        Some(Value::String(h)) if h == HOOK => {}
        Some(Value::String(_)) => {
            problems.push(problem("hook", format!("this service answers the `{HOOK}` hook only")))
        }
        other => problems.push(wrong("hook", other, "a string")),
    }
    let hook_instance = match top.get("hookInstance") {
        Some(Value::String(s)) if is_uuid(s) => Some(s.to_ascii_lowercase()),
        Some(Value::String(_)) => {
            problems.push(problem("hookInstance", "not a uuid (8-4-4-4-12 hexadecimal digits)"));
            None
        }
        other => {
            problems.push(wrong("hookInstance", other, "a uuid string"));
            None
        }
    };
    let empty = Map::new();
    let context = match top.get("context") {
        Some(Value::Object(c)) => c,
        other => {
            problems.push(wrong("context", other, "an object"));
            &empty
        }
    };
    let patient_id = match context.get("patientId") {
        Some(Value::String(id)) if is_fhir_id(id) => Some(id.as_str()),
        Some(Value::String(_)) => {
            problems.push(problem("context.patientId", "not a FHIR id (1–64 letters, digits, `-` and `.`)"));
            None
        }
        other => {
            problems.push(wrong("context.patientId", other, "a string, the FHIR id of the child's Patient"));
            None
        }
    };
    let signal_json = match context.get("signal") {
        Some(Value::Object(s)) => Some(s.clone()),
        other => {
            problems.push(wrong("context.signal", other, "an object: the wegwijs signal (docs/signal.md)"));
            None
        }
    };

    let patient = prefetched_patient(&top, patient_id, &mut problems);
    let supplied = patient.map(|p| from_patient(p, &mut problems));

    let Some(mut signal_json) = signal_json else {
        return Err(CdsError::Invalid(problems));
    };
    let mut from = Vec::new();
    let mut origins: Vec<(&'static str, String)> = Vec::new();
    if let Some(FromPatient { birth_date, gemeente }) = supplied {
        if let Some((date, path)) = birth_date
            && merge_birth_date(&mut signal_json, &date, &path, &mut problems)
        {
            from.push("child.birth_date");
            origins.push(("child.birth_date", path));
        }
        if let Some((code, path)) = gemeente
            && merge_gemeente(&mut signal_json, &code, &path, &mut problems)
        {
            from.push("gemeente");
            origins.push(("gemeente", path));
        }
    }
    let needs_patient = patient.is_none() && lacks_age(&signal_json);

    let signal = match Signal::from_json(&Value::Object(signal_json).to_string()) {
        Ok(s) => Some(s),
        Err(wegwijs::Error::InvalidSignal(ps)) => {
            problems.extend(ps.into_iter().map(|p| in_signal(p, &origins)));
            None
        }
        Err(e) => {
            // Re-serialised from parsed JSON, the text is always JSON; any
            // other error still concerns the signal as a whole.
            problems.push(problem("context.signal", e.to_string()));
            None
        }
    };
    match (signal, hook_instance) {
        (Some(signal), Some(hook_instance)) if problems.is_empty() => {
            Ok(HookCall { hook_instance, signal, from_patient: from })
        }
        _ if needs_patient && problems.iter().all(is_age_problem) => {
            problems.push(problem(
                format!("prefetch.{PREFETCH_PATIENT}"),
                "missing, null or an OperationOutcome, while the signal gives no age: send the Patient with its \
                 birthDate, or give context.signal.child.birth_date or age_months",
            ));
            Err(CdsError::PrefetchNeeded(problems))
        }
        _ => Err(CdsError::Invalid(problems)),
    }
}

/// The prefetched Patient, when the client sent one; `None` when it sent
/// none, null, or an OperationOutcome (it could not prefetch).
fn prefetched_patient<'a>(
    top: &'a Map<String, Value>,
    patient_id: Option<&str>,
    problems: &mut Vec<FieldProblem>,
) -> Option<&'a Map<String, Value>> {
    let prefetch = match top.get("prefetch") {
        None | Some(Value::Null) => return None,
        Some(Value::Object(p)) => p,
        Some(other) => {
            problems.push(wrong("prefetch", Some(other), "an object"));
            return None;
        }
    };
    let path = format!("prefetch.{PREFETCH_PATIENT}");
    let patient = match prefetch.get(PREFETCH_PATIENT) {
        None | Some(Value::Null) => return None,
        Some(Value::Object(p)) => p,
        Some(other) => {
            problems.push(wrong(&path, Some(other), "a FHIR Patient resource or null"));
            return None;
        }
    };
    match patient.get("resourceType").and_then(Value::as_str) {
        Some("Patient") => {}
        Some("OperationOutcome") => return None,
        _ => {
            problems.push(problem(format!("{path}.resourceType"), "must be `Patient` (or `OperationOutcome`)"));
            return None;
        }
    }
    if let (Some(Value::String(id)), Some(expected)) = (patient.get("id"), patient_id)
        && id != expected
    {
        // Another child's record must not fill in this child's signal.
        problems.push(problem(format!("{path}.id"), "is not context.patientId: the Patient is another patient's"));
        return None;
    }
    Some(patient)
}

/// The birth date and gemeente the Patient gives, checked; nothing else is read.
fn from_patient(patient: &Map<String, Value>, problems: &mut Vec<FieldProblem>) -> FromPatient {
    let base = format!("prefetch.{PREFETCH_PATIENT}");
    let birth_date = match patient.get("birthDate") {
        None | Some(Value::Null) => None,
        Some(Value::String(d)) if is_fhir_date(d) => Some((d.clone(), format!("{base}.birthDate"))),
        Some(Value::String(_)) => {
            problems.push(problem(format!("{base}.birthDate"), "not a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)"));
            None
        }
        Some(other) => {
            problems.push(wrong(&format!("{base}.birthDate"), Some(other), "a date string"));
            None
        }
    };
    FromPatient { birth_date, gemeente: gemeente(patient, &base, problems) }
}

/// The one gemeentecode the Patient's home addresses give, if any.
fn gemeente(patient: &Map<String, Value>, base: &str, problems: &mut Vec<FieldProblem>) -> Option<(String, String)> {
    let addresses = match patient.get("address") {
        None | Some(Value::Null) => return None,
        Some(Value::Array(a)) => a,
        Some(other) => {
            problems.push(wrong(&format!("{base}.address"), Some(other), "an array"));
            return None;
        }
    };
    let mut found: Vec<(String, String)> = Vec::new();
    for (i, address) in addresses.iter().enumerate() {
        let path = format!("{base}.address[{i}]");
        let Value::Object(address) = address else {
            problems.push(wrong(&path, Some(address), "an object"));
            continue;
        };
        // The municipality of residence: a home address, or one that does
        // not say; old, temporary, work and billing addresses do not count.
        if address.get("use").and_then(Value::as_str).is_some_and(|u| u != "home") {
            continue;
        }
        let mut extensions = Vec::new();
        match address.get("_district") {
            None | Some(Value::Null) => {}
            Some(Value::Object(d)) => extensions.push((d.get("extension"), format!("{path}._district.extension"))),
            Some(other) => problems.push(wrong(&format!("{path}._district"), Some(other), "an object")),
        }
        extensions.push((address.get("extension"), format!("{path}.extension")));
        for (list, list_path) in extensions {
            let list = match list {
                None | Some(Value::Null) => continue,
                Some(Value::Array(l)) => l,
                Some(other) => {
                    problems.push(wrong(&list_path, Some(other), "an array"));
                    continue;
                }
            };
            for (j, ext) in list.iter().enumerate() {
                for (coding, coding_path) in codings(ext, &format!("{list_path}[{j}]")) {
                    if coding.get("system").and_then(Value::as_str) != Some(GEMEENTE_SYSTEM) {
                        continue;
                    }
                    let code_path = format!("{coding_path}.code");
                    match coding.get("code").and_then(Value::as_str).and_then(gemeentecode) {
                        Some(code) => found.push((code, code_path)),
                        None => problems.push(problem(
                            code_path,
                            "not a gemeentecode of GBA table 33 (four digits, e.g. 0363, or GM0363)",
                        )),
                    }
                }
            }
        }
    }
    let first = found.first()?.clone();
    if found.iter().any(|(code, _)| *code != first.0) {
        problems.push(problem(
            format!("{base}.address"),
            "the home addresses give different gemeentecodes; send the child's gemeente in context.signal.gemeente",
        ));
        return None;
    }
    Some(first)
}

/// The codings of one extension: its `valueCoding`, or each of its
/// `valueCodeableConcept.coding`, with their paths.
fn codings<'a>(ext: &'a Value, path: &str) -> Vec<(&'a Map<String, Value>, String)> {
    let mut out = Vec::new();
    if let Some(Value::Object(c)) = ext.get("valueCoding") {
        out.push((c, format!("{path}.valueCoding")));
    }
    if let Some(Value::Array(list)) = ext.get("valueCodeableConcept").and_then(|cc| cc.get("coding")) {
        for (k, c) in list.iter().enumerate() {
            if let Value::Object(c) = c {
                out.push((c, format!("{path}.valueCodeableConcept.coding[{k}]")));
            }
        }
    }
    out
}

/// `0363` or `GM0363` as `GM0363`.
fn gemeentecode(code: &str) -> Option<String> {
    let digits = code.strip_prefix("GM").unwrap_or(code);
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| format!("GM{digits}"))
}

/// Puts the Patient's birth date into the signal when it gives no age;
/// reports a different birth date. True when it was filled in.
fn merge_birth_date(signal: &mut Map<String, Value>, date: &str, path: &str, problems: &mut Vec<FieldProblem>) -> bool {
    let partial = |problems: &mut Vec<FieldProblem>| {
        problems.push(problem(
            path,
            "a partial date (year, or year and month); the signal needs the full date, or give \
             context.signal.child.age_months",
        ));
        false
    };
    if signal.get("child").is_none_or(Value::is_null) {
        // A kindcheck without children is about no child; the Patient in
        // the EPD's context is then the adult client, not a child.
        if closed_kindcheck(signal) {
            return false;
        }
        if date.len() != 10 {
            return partial(problems);
        }
        let child = Map::from_iter([("birth_date".to_string(), Value::String(date.to_string()))]);
        signal.insert("child".into(), Value::Object(child));
        return true;
    }
    // A child that is not an object is reported by the library's validation.
    let Some(Value::Object(child)) = signal.get_mut("child") else { return false };
    match child.get("birth_date") {
        Some(Value::String(own)) => {
            if !same_date(own, date) {
                problems.push(problem(
                    path,
                    "differs from context.signal.child.birth_date; correct the one that is wrong (neither is \
                     picked)",
                ));
            }
            false
        }
        Some(Value::Null) | None => {
            // The signal's own age stands; the Patient only fills a gap.
            if ["age_months", "pregnancy_week"].iter().any(|k| child.get(*k).is_some_and(|v| !v.is_null())) {
                return false;
            }
            if date.len() != 10 {
                return partial(problems);
            }
            child.insert("birth_date".into(), Value::String(date.to_string()));
            true
        }
        // Not a string: the library's validation reports it.
        Some(_) => false,
    }
}

/// Puts the Patient's gemeente into the signal when it has none; reports a
/// different one. True when it was filled in.
fn merge_gemeente(signal: &mut Map<String, Value>, code: &str, path: &str, problems: &mut Vec<FieldProblem>) -> bool {
    match signal.get("gemeente") {
        Some(Value::String(own)) => {
            if own != code {
                problems.push(problem(path, "differs from context.signal.gemeente; correct the one that is wrong"));
            }
            false
        }
        Some(Value::Null) | None => {
            signal.insert("gemeente".into(), Value::String(code.to_string()));
            true
        }
        Some(_) => false,
    }
}

/// Whether the signal is a kindcheck without children (`kindcheck` given,
/// `children_ages` empty or left out), which is about no child.
fn closed_kindcheck(signal: &Map<String, Value>) -> bool {
    match signal.get("kindcheck") {
        Some(Value::Object(k)) => match k.get("children_ages") {
            None | Some(Value::Null) => true,
            Some(Value::Array(a)) => a.is_empty(),
            Some(_) => false,
        },
        _ => false,
    }
}

/// Whether the signal, after the merge, gives no age for a child it needs.
fn lacks_age(signal: &Map<String, Value>) -> bool {
    match signal.get("child") {
        None | Some(Value::Null) => !closed_kindcheck(signal),
        Some(Value::Object(c)) => {
            ["birth_date", "age_months", "pregnancy_week"].iter().all(|k| c.get(*k).is_none_or(Value::is_null))
        }
        Some(_) => false,
    }
}

/// Whether a problem is the library's complaint about the missing age or
/// child, which the Patient would have answered.
fn is_age_problem(p: &FieldProblem) -> bool {
    p.field == "context.signal.child"
}

/// Two birth dates agree when the Patient's (possibly partial) date is a
/// prefix of the signal's.
fn same_date(own: &str, patient: &str) -> bool {
    own == patient
        || (patient.len() < 10 && own.starts_with(patient) && own.as_bytes().get(patient.len()) == Some(&b'-'))
}

/// A library problem in the signal, its path under `context.signal`, or
/// under the Patient's field when that is where the value came from.
fn in_signal(p: FieldProblem, origins: &[(&'static str, String)]) -> FieldProblem {
    if let Some((_, source)) = origins.iter().find(|(field, _)| *field == p.field) {
        return FieldProblem { field: source.clone(), problem: p.problem };
    }
    let field = match p.field.as_str() {
        "(the signal)" => "context.signal".to_string(),
        f if f.starts_with('"') => format!("context.signal.{f}"),
        f => format!("context.signal.{f}"),
    };
    FieldProblem { field, problem: p.problem }
}

/// A FHIR id: 1–64 of `A–Z a–z 0–9 - .`.
fn is_fhir_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// A FHIR `date`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the calendar is
/// checked by the library once it is in the signal).
fn is_fhir_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// A field that is missing or of the wrong JSON type. The value is not
/// repeated, only its kind.
fn wrong(field: &str, found: Option<&Value>, expected: &str) -> FieldProblem {
    let what = match found {
        None => return problem(field, format!("missing; must be {expected}")),
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "a boolean",
        Some(Value::Number(_)) => "a number",
        Some(Value::String(_)) => "a string",
        Some(Value::Array(_)) => "an array",
        Some(Value::Object(_)) => "an object",
    };
    problem(field, format!("is {what}; must be {expected}"))
}
