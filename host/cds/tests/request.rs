//! Hook calls: the envelope, what the prefetched Patient may fill in, the
//! structured errors, and that nothing else of the Patient goes anywhere.

mod common;

use common::call;
use serde_json::{Value, json};
use wegwijs_cds::{CdsError, DecisionRef, GEMEENTE_SYSTEM, cards, parse_request};

/// A signal without an age or gemeente: both must come from the Patient.
fn bare_signal() -> Value {
    json!({
        "signal_id": "cds-1",
        "date": "2026-10-05",
        "child": { "local_id": "epd-1" },
        "source": { "code": "intern-begeleider" },
        "handler": "jeugdverpleegkundige",
        "concerns": ["behaviour-problems"]
    })
}

/// A Patient as an EPD sends it, with everything wegwijs must ignore.
fn patient(birth_date: &str, gemeente: &str) -> Value {
    json!({
        "resourceType": "Patient",
        "id": "child-1",
        "identifier": [{ "system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": "123456782" }],
        "name": [{ "family": "Vries-Zonderland", "given": ["Sanne"] }],
        "telecom": [{ "system": "phone", "value": "0612345678" }],
        "birthDate": birth_date,
        "address": [
            { "use": "old", "line": ["Oudeweg 1"], "city": "Elders",
              "extension": [{ "url": "http://example.org/ext", "valueCoding": { "system": GEMEENTE_SYSTEM, "code": "0999" } }] },
            { "use": "home", "line": ["Ceintuurbaan 12"], "postalCode": "1072 AA", "city": "Amsterdam", "district": "Amsterdam",
              "_district": { "extension": [{
                  "url": "http://nictiz.nl/fhir/StructureDefinition/ext-CodeSpecification",
                  "valueCodeableConcept": { "coding": [{ "system": GEMEENTE_SYSTEM, "code": gemeente, "display": "Amsterdam" }] }
              }] } }
        ]
    })
}

fn problems(e: &CdsError) -> Vec<(String, String)> {
    e.problems().into_iter().map(|p| (p.field, p.problem.en().to_string())).collect()
}

fn fields(e: &CdsError) -> Vec<String> {
    problems(e).into_iter().map(|(f, _)| f).collect()
}

#[test]
fn the_patient_fills_in_birth_date_and_gemeente() {
    let parsed = parse_request(&call(&bare_signal(), patient("2018-03-14", "0363"))).expect("valid");
    assert_eq!(parsed.hook_instance, "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
    assert_eq!(parsed.from_patient, ["child.birth_date", "gemeente"]);
    assert_eq!(parsed.signal.gemeente.as_deref(), Some("GM0363"));
    let child = parsed.signal.child.as_ref().expect("child");
    assert_eq!(child.birth_date.as_deref(), Some("2018-03-14"));
    // Nothing else of the Patient entered the signal.
    assert_eq!(child.name, None);
    assert_eq!(child.bsn, None);
    assert!(child.address.is_none());
    assert_eq!(child.local_id.as_deref(), Some("epd-1"));
}

#[test]
fn the_signal_s_own_values_stand_and_agreement_is_fine() {
    let mut s = bare_signal();
    s["child"]["birth_date"] = json!("2018-03-14");
    s["gemeente"] = json!("GM0363");
    let parsed = parse_request(&call(&s, patient("2018-03-14", "GM0363"))).expect("valid");
    assert!(parsed.from_patient.is_empty());
    // A partial birth date that agrees, and an age in months, are no conflict.
    let parsed = parse_request(&call(&s, patient("2018-03", "0363"))).expect("valid");
    assert!(parsed.from_patient.is_empty());
    let mut months = bare_signal();
    months["child"]["age_months"] = json!(91);
    let parsed = parse_request(&call(&months, patient("2010-01-01", "0363"))).expect("valid");
    assert_eq!(parsed.from_patient, ["gemeente"]);
    assert_eq!(parsed.signal.child.as_ref().and_then(|c| c.birth_date.as_deref()), None);
}

#[test]
fn differing_birth_dates_or_gemeenten_are_errors_naming_both_sides() {
    let mut s = bare_signal();
    s["child"]["birth_date"] = json!("2018-03-14");
    s["gemeente"] = json!("GM0344");
    let e = parse_request(&call(&s, patient("2018-03-15", "0363"))).expect_err("conflicts");
    assert!(matches!(e, CdsError::Invalid(_)));
    let ps = problems(&e);
    assert!(
        ps.iter().any(|(f, p)| f == "prefetch.patient.birthDate" && p.contains("context.signal.child.birth_date")),
        "{ps:?}"
    );
    let gemeente_path = "prefetch.patient.address[1]._district.extension[0].valueCodeableConcept.coding[0].code";
    assert!(ps.iter().any(|(f, p)| f == gemeente_path && p.contains("context.signal.gemeente")), "{ps:?}");
    // The dates themselves are not repeated.
    assert!(!e.to_string().contains("2018-03-1"), "{e}");
}

#[test]
fn the_patient_s_values_are_checked_where_they_are() {
    let e = parse_request(&call(&bare_signal(), patient("2018-02-30", "363"))).expect_err("bad values");
    let ps = problems(&e);
    // The library's calendar check, reported at the Patient's field.
    assert!(ps.iter().any(|(f, p)| f == "prefetch.patient.birthDate" && p.contains("day")), "{ps:?}");
    assert!(ps.iter().any(|(f, _)| f.ends_with("coding[0].code")), "{ps:?}");

    let e = parse_request(&call(&bare_signal(), patient("2018", "0363"))).expect_err("partial");
    assert!(problems(&e).iter().any(|(f, p)| f == "prefetch.patient.birthDate" && p.contains("partial")));

    let mut two = patient("2018-03-14", "0363");
    two["address"][0]["use"] = json!("home");
    let e = parse_request(&call(&bare_signal(), two)).expect_err("two gemeenten");
    assert!(fields(&e).contains(&"prefetch.patient.address".to_string()));

    let mut other = patient("2018-03-14", "0363");
    other["id"] = json!("someone-else");
    let e = parse_request(&call(&bare_signal(), other)).expect_err("another patient");
    assert!(fields(&e).contains(&"prefetch.patient.id".to_string()));
}

#[test]
fn no_usable_patient_and_no_age_asks_for_the_prefetch() {
    for p in [Value::Null, json!({ "resourceType": "OperationOutcome", "issue": [] })] {
        let e = parse_request(&call(&bare_signal(), p)).expect_err("no age");
        assert!(matches!(e, CdsError::PrefetchNeeded(_)), "{e:?}");
        assert_eq!(e.status_hint(), 412);
        assert!(fields(&e).contains(&"prefetch.patient".to_string()));
        assert!(fields(&e).contains(&"context.signal.child".to_string()));
    }
    // With another problem besides, it is a plain bad request listing both.
    let mut s = bare_signal();
    s["concerns"] = json!(["Sanne de Vries"]);
    let e = parse_request(&call(&s, Value::Null)).expect_err("bad");
    assert!(matches!(e, CdsError::Invalid(_)));
    assert!(fields(&e).contains(&"context.signal.concerns[0]".to_string()));
}

#[test]
fn the_envelope_is_checked_field_by_field() {
    let e = parse_request("{").expect_err("malformed");
    assert!(matches!(e, CdsError::MalformedJson { .. }));
    let e = parse_request("[]").expect_err("not an object");
    assert_eq!(fields(&e), ["(body)"]);

    let body = json!({ "hook": "patient-view", "hookInstance": "nope", "context": { "signal": 3 } }).to_string();
    let e = parse_request(&body).expect_err("bad envelope");
    let f = fields(&e);
    for expected in ["hook", "hookInstance", "context.patientId", "context.signal"] {
        assert!(f.contains(&expected.to_string()), "{expected} in {f:?}");
    }
    assert_eq!(e.status_hint(), 400);

    // The library's own signal problems, under context.signal.
    let mut s = bare_signal();
    s["child"]["birth_date"] = json!("2018-03-14");
    s["instruments"] = json!([{ "sdq": { "version": "parent-four-to-seventeen", "answers": [0, 1] } }]);
    s["unknown_field"] = json!(true);
    let e = parse_request(&call(&s, Value::Null)).expect_err("bad signal");
    assert!(fields(&e).iter().all(|f| f.starts_with("context.signal")), "{:?}", fields(&e));
}

#[test]
fn nothing_of_the_patient_but_birth_date_and_gemeente_reaches_any_output() {
    let secrets =
        ["Sanne", "Vries-Zonderland", "123456782", "0612345678", "Ceintuurbaan", "1072 AA", "secret-token", "child-1"];
    let parsed = parse_request(&call(&bare_signal(), patient("2018-03-14", "0363"))).expect("valid");
    let decision = common::host().decide(&parsed.signal).expect("decides");
    let response = serde_json::to_string(&cards(&decision, DecisionRef::random())).expect("serialises");
    let decision_json = serde_json::to_string(&decision).expect("serialises");
    // A failing call, too: its errors must not echo the Patient either.
    let mut s = bare_signal();
    s["child"]["birth_date"] = json!("2011-01-01");
    let error = parse_request(&call(&s, patient("2018-03-14", "0999"))).expect_err("conflict").to_string();
    for secret in secrets {
        assert!(!response.contains(secret), "{secret} in the cards");
        assert!(!decision_json.contains(secret), "{secret} in the decision");
        assert!(!error.contains(secret), "{secret} in the error");
    }
}
