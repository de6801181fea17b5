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
