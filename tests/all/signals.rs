//! Bad input: every malformed signal yields a structured error naming the
//! field and the problem.

use crate::util::host;
use wegwijs::{Error, Signal};

fn valid() -> serde_json::Value {
    serde_json::json!({
        "date": "2026-10-05",
        "child": { "birth_date": "2018-03-14", "bsn": "111222333" },
        "source": { "code": "intern-begeleider" },
        "handler": "jeugdverpleegkundige",
        "concerns": ["behaviour-problems"]
    })
}

fn problems(v: &serde_json::Value) -> Vec<(String, String)> {
    match Signal::from_json(&v.to_string()) {
        Err(Error::InvalidSignal(ps)) => ps.into_iter().map(|p| (p.field, p.problem.en().to_string())).collect(),
        Err(other) => panic!("expected InvalidSignal, got {other}"),
        Ok(_) => panic!("expected InvalidSignal, the signal was accepted"),
    }
}

fn assert_field(v: serde_json::Value, field: &str, words: &str) {
    let ps = problems(&v);
    assert!(
        ps.iter().any(|(f, p)| f == field && p.contains(words)),
        "expected a problem at `{field}` mentioning `{words}`, got {ps:?}"
    );
}

#[test]
fn the_base_signal_is_valid() {
    let s = Signal::from_json(&valid().to_string()).expect("valid");
    assert!(host().decide(&s).is_ok());
}

#[test]
fn malformed_json_names_line_and_column() {
    match Signal::from_json("{\n  \"date\": \"2026-10-05\",\n  oops\n}") {
        Err(Error::MalformedJson { line, column, .. }) => {
            assert_eq!(line, 3);
            assert!(column >= 3);
        }
        other => panic!("expected MalformedJson, got {other:?}"),
    }
    assert!(matches!(Signal::from_json(""), Err(Error::MalformedJson { .. })));
}

#[test]
fn missing_child() {
    let mut v = valid();
    v.as_object_mut().unwrap().remove("child");
    assert_field(v, "child", "missing");
}

#[test]
fn impossible_ages() {
    let mut v = valid();
    v["child"]["birth_date"] = "2027-01-01".into();
    assert_field(v, "child.birth_date", "after the signal date");
    let mut v = valid();
    v["child"]["birth_date"] = "2000-01-01".into();
    assert_field(v, "child.birth_date", "impossible age");
    let mut v = valid();
    v["child"]["birth_date"] = "2019-02-29".into();
    assert_field(v, "child.birth_date", "does not exist");
    let mut v = valid();
    v["child"].as_object_mut().unwrap().remove("birth_date");
    assert_field(v, "child", "no age");
}

#[test]
fn sdq_answer_not_0_1_2_names_the_item() {
    let mut answers: Vec<serde_json::Value> = vec![1.into(); 25];
    answers[6] = 3.into();
    let mut v = valid();
    v["instruments"] = serde_json::json!([{ "sdq": { "version": "parent-four-to-seventeen", "answers": answers } }]);
    assert_field(v, "instruments[0].sdq.answers[6]", "item 7 is not 0, 1 or 2");
}

#[test]
fn sdq_wrong_item_count() {
    let mut v = valid();
    v["instruments"] =
        serde_json::json!([{ "sdq": { "version": "parent-four-to-seventeen", "answers": vec![1; 24] } }]);
    assert_field(v, "instruments[0].sdq.answers", "24 answers");
}

#[test]
fn unknown_fields_and_wrong_types_are_named() {
    let mut v = valid();
    v["concers"] = serde_json::json!(["typo"]);
    assert_field(v, "concers", "unknown field `concers`, expected one of");
    let mut v = valid();
    v["handler"] = "tandarts".into();
    assert_field(v, "handler", "unknown variant");
    let mut v = valid();
    v["helpers_involved"] = (-1).into();
    assert_field(v, "helpers_involved", "invalid value");
}

#[test]
fn free_text_in_a_code_field_is_refused() {
    let mut v = valid();
    v["concerns"] = serde_json::json!(["behaviour-problems", "Jan slaat zijn zus"]);
    assert_field(v, "concerns[1]", "not a code");
}

#[test]
fn bsn_must_pass_the_elfproef() {
    let mut v = valid();
    v["child"]["bsn"] = "123456789".into();
    assert_field(v, "child.bsn", "elfproef");
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut v = valid();
    v["date"] = "5 oktober".into();
    v["gemeente"] = "Amsterdam".into();
    v["source"]["bds_code"] = "1".into();
    let ps = problems(&v);
    let fields: Vec<&str> = ps.iter().map(|(f, _)| f.as_str()).collect();
    assert!(
        fields.contains(&"date") && fields.contains(&"gemeente") && fields.contains(&"source.bds_code"),
        "{fields:?}"
    );
}

#[test]
fn a_kindcheck_without_children_needs_no_child() {
    let mut v = valid();
    v.as_object_mut().unwrap().remove("child");
    v["source"]["code"] = "volwassenen-ggz".into();
    v["kindcheck"] = serde_json::json!({ "children_ages": [], "cares_alone": false });
    let s = Signal::from_json(&v.to_string()).expect("accepted");
    let d = host().decide(&s).expect("decided");
    assert_eq!(d.status, wegwijs::Status::Closed);
    assert!(d.routes().is_empty());
}

mod fuzz {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Arbitrary text never panics the parser.
        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
            let _ = wegwijs::Signal::from_json(&s);
        }

        /// Arbitrary JSON shapes in every field never panic; an accepted
        /// signal is always decided.
        #[test]
        fn arbitrary_fields_never_panic(
            date in prop_oneof![Just("2026-10-05".to_string()), "[0-9-]{0,12}"],
            months in proptest::option::of(0u32..400),
            answers in proptest::collection::vec(proptest::option::of(-1i64..4), 0..30),
            codes in proptest::collection::vec("[a-z-]{1,12}", 0..5),
        ) {
            let v = serde_json::json!({
                "date": date,
                "child": { "age_months": months },
                "source": { "code": "parent" },
                "handler": "jeugdarts",
                "concerns": codes,
                "instruments": [{ "sdq": { "version": "parent-four-to-seventeen", "answers": answers } }],
            });
            if let Ok(s) = wegwijs::Signal::from_json(&v.to_string()) {
                let d = crate::util::host().decide(&s).expect("accepted signals are decided");
                prop_assert!(d.recommendation_only);
            }
        }
    }
}
