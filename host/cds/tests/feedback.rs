//! Feedback: the typed value, and a structured error for each way an entry
//! can break CDS Hooks 2.0 §Feedback or refer to something this service did
//! not issue.

use serde_json::{Value, json};
use wegwijs_cds::{CdsError, DecisionRef, FeedbackRules, Outcome, Slot, parse_feedback, parse_feedback_with};

fn body(entries: Value) -> String {
    json!({ "feedback": entries }).to_string()
}

fn fields(e: &CdsError) -> Vec<String> {
    e.problems().into_iter().map(|p| p.field).collect()
}

#[test]
fn accepted_and_overridden_entries_parse_to_their_decision() {
    let d = DecisionRef::random();
    let batch = parse_feedback(&body(json!([
        { "card": d.main_card().to_string().to_uppercase(), "outcome": "accepted",
          "acceptedSuggestions": [{ "id": d.suggestion(1).unwrap().to_string() }],
          "outcomeTimestamp": "2026-10-05T09:30:00Z" },
        { "card": d.main_card().to_string(), "outcome": "overridden",
          "overrideReason": { "reason": { "code": "other-plan", "system": "urn:example:reasons", "display": "Family has a plan" },
                              "userComment": "Sanne's mother called" },
          "outcomeTimestamp": "2026-10-05T09:31:00+02:00" },
        { "card": d.by_hand_card().to_string(), "outcome": "overridden", "outcomeTimestamp": "2026-10-05T09:32:00Z" }
    ])))
    .expect("valid");
    assert_eq!(batch.feedback.len(), 3);
    assert!(batch.feedback.iter().all(|f| f.card.decision == d));
    assert_eq!(batch.feedback[0].card.slot, Slot::MainCard);
    assert_eq!(batch.feedback[0].outcome, Outcome::Accepted { accepted_suggestions: vec![d.suggestion(1).unwrap()] });
    match &batch.feedback[1].outcome {
        Outcome::Overridden { reason: Some(r), comment_given: true } => assert_eq!(r.code, "other-plan"),
        other => panic!("{other:?}"),
    }
    assert_eq!(batch.feedback[2].card.slot, Slot::ByHandCard);
    // The typed value round-trips, and the comment's text is not in it.
    let json = serde_json::to_string(&batch).expect("serialises");
    assert!(!json.contains("Sanne"), "{json}");
    assert_eq!(serde_json::from_str::<wegwijs_cds::FeedbackBatch>(&json).expect("deserialises"), batch);
}

#[test]
fn each_broken_entry_is_named_by_its_field() {
    let d = DecisionRef::random();
    let other = DecisionRef::random();
    let card = d.main_card().to_string();
    let e = parse_feedback(&body(json!([
        { "outcome": "accepted", "acceptedSuggestions": [{ "id": d.suggestion(0).unwrap().to_string() }], "outcomeTimestamp": "2026-10-05T09:30:00Z" },
        { "card": card, "outcome": "dismissed", "outcomeTimestamp": "2026-10-05T09:30:00Z" },
        { "card": card, "outcome": "accepted", "outcomeTimestamp": "2026-10-05T09:30:00Z" },
        { "card": card, "outcome": "accepted", "acceptedSuggestions": [{ "id": other.suggestion(0).unwrap().to_string() }, { "id": card }], "outcomeTimestamp": "yesterday" },
        { "card": "4e0a3a1e-3283-4575-ab82-028d55fe2719", "outcome": "overridden", "overrideReason": {}, "outcomeTimestamp": "2026-10-05T09:30:00Z" },
        { "card": d.suggestion(0).unwrap().to_string(), "outcome": "overridden", "overrideReason": { "reason": { "code": "x\u{202e}" } }, "outcomeTimestamp": "2026-10-05T09:30:00Z" },
        "not an object"
    ])))
    .expect_err("every entry is broken");
    let f = fields(&e);
    for expected in [
        "feedback[0].card",
        "feedback[1].outcome",
        "feedback[2].acceptedSuggestions",
        "feedback[3].acceptedSuggestions[0].id",
        "feedback[3].acceptedSuggestions[1].id",
        "feedback[3].outcomeTimestamp",
        "feedback[4].card",
        "feedback[4].overrideReason",
        "feedback[5].card",
        "feedback[5].overrideReason.reason.code",
        "feedback[5].overrideReason.reason.system",
        "feedback[6]",
    ] {
        assert!(f.contains(&expected.to_string()), "{expected} missing from {f:#?}");
    }
    let text = e.to_string();
    assert!(!text.contains('\u{202e}'));

    for bad in ["{}", r#"{"feedback": []}"#, r#"{"feedback": {}}"#, "[]", "{"] {
        assert!(parse_feedback(bad).is_err(), "{bad}");
    }
}

#[test]
fn an_override_reason_can_be_required() {
    let d = DecisionRef::random();
    let entry = body(
        json!([{ "card": d.main_card().to_string(), "outcome": "overridden", "outcomeTimestamp": "2026-10-05T09:30:00Z" }]),
    );
    assert!(parse_feedback(&entry).is_ok(), "the specification allows it");
    let e = parse_feedback_with(&entry, &FeedbackRules::requiring_override_reason()).expect_err("required");
    assert_eq!(fields(&e), ["feedback[0].overrideReason.reason"]);
}
