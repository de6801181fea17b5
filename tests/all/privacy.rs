//! Privacy is part of correctness (IN-MINIMAL, G-MINIMAL): whatever a signal
//! carries, the inputs every component sees contain no name, BSN, address,
//! local id, birth date or free text.

use crate::util::{example_signals, host};
use proptest::prelude::*;
use wegwijs::{DecideOptions, Signal};

/// Every identifying string in a signal: whole values, each part of a name,
/// and every run of three words of the notes (single words of free text can
/// be ordinary words that also occur inside codes).
fn identifiers(s: &Signal) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(c) = &s.child {
        out.extend(c.name.clone());
        if let Some(name) = &c.name {
            out.extend(name.split_whitespace().filter(|p| p.len() > 3).map(str::to_string));
        }
        out.extend(c.bsn.clone());
        out.extend(c.local_id.clone());
        out.extend(c.birth_date.clone());
        if let Some(a) = &c.address {
            out.extend(a.street.clone());
            out.extend(a.postcode.clone());
            out.extend(a.city.clone());
        }
    }
    if let Some(notes) = &s.notes {
        out.push(notes.clone());
        let words: Vec<&str> = notes.split_whitespace().collect();
        out.extend(words.windows(3).map(|w| w.join(" ")));
    }
    out
}

fn component_inputs(s: &Signal) -> String {
    let d = host().decide_with(s, &DecideOptions::explain()).expect("decided");
    let trace = d.trace.expect("explain gives a trace");
    assert!(!trace.is_empty());
    serde_json::to_string(&trace.iter().map(|t| &t.input).collect::<Vec<_>>()).unwrap()
}

#[test]
fn example_signals_reach_components_without_identifiers() {
    for path in example_signals() {
        let s = Signal::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let ids = identifiers(&s);
        assert!(!ids.is_empty(), "{} should carry identifiers to test", path.display());
        let inputs = component_inputs(&s);
        for id in ids {
            assert!(!inputs.contains(&id), "{}: `{id}` reached a component", path.display());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Random names, streets and notes never reach a component.
    #[test]
    fn random_identifiers_never_reach_components(
        name in "[A-Z][a-z]{4,10} [A-Z][a-z]{4,12}",
        street in "[A-Z][a-z]{5,12}straat [0-9]{1,3}",
        notes in "[A-Za-z ]{10,60}",
        local_id in "[a-z]{3}-[0-9]{6}",
    ) {
        let v = serde_json::json!({
            "date": "2026-10-05",
            "child": { "name": name, "local_id": local_id, "birth_date": "2017-04-12",
                       "address": { "street": street, "postcode": "1234 AB", "city": "Zaandam" } },
            "source": { "code": "parent" },
            "handler": "jeugdarts",
            "concerns": ["low-mood"],
            "notes": notes,
        });
        let s = Signal::from_json(&v.to_string()).unwrap();
        let inputs = component_inputs(&s);
        for id in identifiers(&s) {
            prop_assert!(!inputs.contains(&id), "`{}` reached a component", id);
        }
    }
}

/// A signal with `fields` merged into a plain one.
fn signal_with(fields: serde_json::Value) -> serde_json::Value {
    let mut v = serde_json::json!({
        "date": "2026-10-05",
        "gemeente": "GM0363",
        "child": { "birth_date": "2017-11-29" },
        "source": { "code": "parent" },
        "handler": "jeugdarts",
        "concerns": ["low-mood"],
    });
    for (k, f) in fields.as_object().unwrap() {
        v[k] = f.clone();
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A name or an address written as codes, in every code field, never
    /// reaches a component: what is not in the vocabulary is passed as its
    /// position only, and the card still warns about it (IN-UNKNOWN).
    #[test]
    fn codes_outside_the_vocabulary_never_reach_components(
        first in "[a-z]{4,9}", last in "[a-z]{4,10}", street in "[a-z]{5,10}straat-[1-9][0-9]?",
        field in 0usize..5,
    ) {
        let name = format!("{first}-{last}");
        let v = match field {
            0 => signal_with(serde_json::json!({ "concerns": ["low-mood", name, street] })),
            1 => signal_with(serde_json::json!({ "safety_indicators": [name, street] })),
            2 => signal_with(serde_json::json!({ "risk_factors": [name, street] })),
            3 => signal_with(serde_json::json!({ "protective_factors": [name, street] })),
            _ => signal_with(serde_json::json!({ "source": { "code": name }, "concerns": ["low-mood", street] })),
        };
        let s = Signal::from_json(&v.to_string()).unwrap();
        let d = host().decide_with(&s, &DecideOptions::explain()).unwrap();
        let inputs = serde_json::to_string(&d.trace.as_ref().unwrap().iter().map(|t| &t.input).collect::<Vec<_>>()).unwrap();
        prop_assert!(!inputs.contains(&name) && !inputs.contains(&street), "a withheld code reached a component");
        prop_assert!(inputs.contains("withheld-"), "the position is passed instead");
        let card = serde_json::to_string(&d).unwrap();
        // As a word: the card's fixed texts (a guideline's Dutch title, say)
        // may contain a random name's letters inside a longer word.
        let words: Vec<&str> = card.split(|c: char| !c.is_alphanumeric()).collect();
        prop_assert!(
            !card.contains(&name) && !words.contains(&first.as_str()) && !card.contains(&street),
            "a withheld code reached the card"
        );
        prop_assert!(
            card.contains("IN-UNKNOWN") && card.contains("look it up in the EPD"),
            "the professional is told an entry was kept back"
        );
        let minimal = d.guardrails.iter().find(|g| g.rule == "G-MINIMAL").unwrap();
        prop_assert!(minimal.text.contains("outside the vocabulary"), "{}", minimal.text);
        if field == 1 {
            // Fail safe: the sender put it in the field for acute unsafety.
            prop_assert!(d.intake.as_ref().unwrap().safety_flag);
        }
    }

    /// A number passing the elfproef, alone or inside a code, in any field
    /// that reaches components, is refused as a possible BSN, naming the
    /// field and not the number.
    #[test]
    fn a_possible_bsn_in_a_code_is_refused(
        digits in "[0-9]{8}", prefix in "(|bsn-|kind-)", field in 0usize..5,
    ) {
        // Complete eight digits to a number that passes the elfproef.
        let sum: u32 = digits.bytes().enumerate().map(|(i, b)| u32::from(b - b'0') * (9 - i as u32)).sum();
        let check = sum % 11;
        prop_assume!(check < 10 && digits != "00000000");
        let bsn = format!("{digits}{check}");
        let code = format!("{prefix}{bsn}");
        let (v, name) = match field {
            0 => (signal_with(serde_json::json!({ "concerns": [code] })), "concerns[0]"),
            1 => (signal_with(serde_json::json!({ "safety_indicators": [code] })), "safety_indicators[0]"),
            2 => (signal_with(serde_json::json!({ "risk_factors": [code] })), "risk_factors[0]"),
            3 => (signal_with(serde_json::json!({ "protective_factors": [code] })), "protective_factors[0]"),
            _ => (signal_with(serde_json::json!({ "source": { "code": code } })), "source.code"),
        };
        let err = Signal::from_json(&v.to_string()).unwrap_err().to_string();
        prop_assert!(err.contains(name) && err.contains("possible BSN"), "{}", err);
        prop_assert!(!err.contains(&bsn), "the error repeats the number: {}", err);
    }

    /// Whatever is typed into a field, the error names the field and the
    /// problem, never the value.
    #[test]
    fn errors_never_repeat_the_value(
        name in "[A-Z][a-z]{4,9} [A-Z][a-z]{4,10}", field in 0usize..6,
    ) {
        let v = match field {
            0 => signal_with(serde_json::json!({ "gemeente": format!("{name} 111222333") })),
            1 => signal_with(serde_json::json!({ "handler": name })),
            2 => signal_with(serde_json::json!({ "child": { "birth_date": name } })),
            3 => signal_with(serde_json::json!({ "helpers_involved": name })),
            4 => signal_with(serde_json::json!({ "child": { "birth_date": "2027-01-01" } })),
            _ => signal_with(serde_json::json!({ "source": { "code": "parent", "bds_code": name } })),
        };
        let err = Signal::from_json(&v.to_string()).unwrap_err().to_string();
        prop_assert!(!err.contains(&name) && !err.contains("111222333") && !err.contains("2027-01-01"), "{}", err);
    }
}

#[test]
fn components_get_no_date_that_gives_the_birth_date_back() {
    // With the signal date and the age in days, a component could compute
    // the birth date exactly: neither reaches it.
    let s = Signal::from_json(&signal_with(serde_json::json!({})).to_string()).unwrap();
    let inputs = component_inputs(&s);
    assert!(!inputs.contains("2026-10-05") && !inputs.contains("2017-11-29"), "{inputs}");
    assert!(
        !inputs.contains("\"days\"") && !inputs.contains("signal-date") && !inputs.contains("signal_date"),
        "{inputs}"
    );
    assert!(inputs.contains("\"months\":106"), "the age in months is still given: {inputs}");
}
