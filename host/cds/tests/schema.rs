//! Discovery, every example's card response (national defaults and region
//! D) and feedback checked against the CDS Hooks 2.0 schema in
//! `tests/cds-hooks-2.0.schema.json`, written from the specification's text.

mod common;

use serde_json::{Value, json};
use wegwijs_cds::{DecisionRef, cards, discovery};

/// A validator for one of the schema file's definitions.
fn validator(def: &str) -> jsonschema::Validator {
    let text = include_str!("cds-hooks-2.0.schema.json");
    let file: Value = serde_json::from_str(text).expect("the schema is JSON");
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": file["$defs"],
        "$ref": format!("#/$defs/{def}"),
    });
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} breaks the CDS Hooks schema: {errors:#?}\n{instance:#}");
}

#[test]
fn discovery_is_valid() {
    let doc = serde_json::to_value(discovery()).expect("serialises");
    assert_valid(&validator("discovery"), &doc, "discovery");
    assert_eq!(doc["services"][0]["prefetch"]["patient"], "Patient/{{context.patientId}}");
}

#[test]
fn every_example_response_is_valid_nationally_and_in_region_d() {
    let v = validator("response");
    let mut in_region = 0;
    for (name, decision) in common::example_decisions() {
        let response = cards(decision, DecisionRef::random());
        let json = serde_json::to_value(&response).expect("serialises");
        assert_valid(&v, &json, name);
        if decision.provenance.region == "regio-d" {
            in_region += 1;
            let label = json["cards"][0]["source"]["label"].as_str().unwrap_or_default();
            let revision = if decision.language == "nl" { "revisie 1" } else { "revision 1" };
            assert!(label.contains(revision), "{name}: {label}");
        }
    }
    // Every example in region D, in both languages.
    assert!(in_region >= 26);
}

#[test]
fn feedback_the_crate_accepts_is_valid_and_the_schema_bites() {
    let d = DecisionRef::random();
    let body = json!({ "feedback": [
        { "card": d.main_card().to_string(), "outcome": "accepted",
          "acceptedSuggestions": [{ "id": d.suggestion(0).unwrap().to_string() }],
          "outcomeTimestamp": "2026-10-05T09:30:00Z" },
        { "card": d.by_hand_card().to_string(), "outcome": "overridden",
          "overrideReason": { "reason": { "code": "assessed", "system": "urn:example:reasons" } },
          "outcomeTimestamp": "2026-10-05T09:31:00.5+02:00" }
    ]});
    assert!(wegwijs_cds::parse_feedback(&body.to_string()).is_ok());
    assert_valid(&validator("feedbackRequest"), &body, "feedback");

    // The schema is not vacuous: each of these breaks the specification.
    let response = validator("response");
    let card = |extra: Value| {
        let mut c = json!({ "summary": "s", "indicator": "info", "source": { "label": "l" } });
        if let (Value::Object(c), Value::Object(e)) = (&mut c, extra) {
            c.extend(e);
        }
        json!({ "cards": [c] })
    };
    assert!(response.is_valid(&card(json!({}))));
    assert!(!response.is_valid(&card(json!({ "summary": "x".repeat(140) }))));
    assert!(!response.is_valid(&card(json!({ "indicator": "hard-stop" }))));
    assert!(!response.is_valid(&card(json!({ "suggestions": [{ "label": "l" }] }))));
    assert!(!response.is_valid(&card(json!({ "suggestions": [] , "selectionBehavior": "any" }))));
    assert!(!response.is_valid(&card(json!({ "detail": "" }))));
    assert!(!response.is_valid(&card(json!({ "source": { "label": "l", "url": "/relative" } }))));
    assert!(!response.is_valid(&json!({})));
}
