//! The reader's language across the whole decision (docs/decisions/0012):
//! every example signal decided in Dutch carries no English template text
//! anywhere a person reads (the components' sentences, the host's guardrail
//! notes, headline and fallbacks), the Dutch and English decisions differ in
//! their words only, the CLI prints Dutch by default and English with
//! `--lang en`, and a region component built against WIT 0.2.0 still runs
//! while the card names its texts as English.

use crate::util::{example_signals, root, wegwijs};
use wegwijs::types as m;
use wegwijs::{DecideOptions, Decision, Host, Language, Signal};
use wegwijs_kit::english_word_in;

fn dutch_host() -> Host {
    Host::builder().pseudonym_key("language").build().expect("host")
}

/// Every text of a decision a person reads, with where it stands.
fn texts(d: &Decision) -> Vec<(String, String)> {
    fn reasons(out: &mut Vec<(String, String)>, at: &str, rs: &[m::Reason]) {
        out.extend(rs.iter().map(|r| (format!("{at} [{}]", r.rule), r.text.clone())));
    }
    let mut out = vec![("headline".to_string(), d.headline.clone())];
    reasons(&mut out, "warnings", &d.warnings);
    if let Some(c) = &d.intake {
        reasons(&mut out, "intake", &c.reasons);
    }
    if let Some(c) = &d.screening {
        reasons(&mut out, "screening", &c.reasons);
    }
    if let Some(c) = &d.routing {
        reasons(&mut out, "routing", &c.reasons);
        for (i, r) in c.routes.iter().enumerate() {
            reasons(&mut out, &format!("route {i}"), &r.reasons);
        }
    }
    for c in &d.consent {
        reasons(&mut out, "consent", &c.reasons);
    }
    if let Some(c) = &d.intake {
        out.push(("intake summary".into(), c.summary.clone()));
    }
    if let Some(c) = &d.screening {
        out.push(("screening summary".into(), c.summary.clone()));
    }
    if let Some(c) = &d.routing {
        out.push(("routing summary".into(), c.summary.clone()));
        for (i, r) in c.routes.iter().enumerate() {
            out.push((format!("route {i} conversation"), r.conversation.clone()));
        }
    }
    for c in &d.consent {
        out.extend(c.checklist.iter().map(|t| ("checklist".to_string(), t.clone())));
        out.extend(c.legal_basis.iter().map(|t| ("legal basis".to_string(), t.clone())));
    }
    out.extend(d.guardrails.iter().map(|g| (format!("guardrail {}", g.rule), g.text.clone())));
    out.extend(d.faults.iter().map(|f| ("fault fallback".to_string(), f.fallback.clone())));
    out
}

/// The decision with every text blanked: what must not change with the language.
fn without_texts(d: &Decision) -> serde_json::Value {
    fn blank(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, x) in o.iter_mut() {
                    let text = [
                        "text",
                        "summary",
                        "headline",
                        "conversation",
                        "checklist",
                        "legal_basis",
                        "fallback",
                        "pseudonym",
                        "language",
                        "changes",
                        "norms",
                        "table",
                    ];
                    if text.contains(&k.as_str()) {
                        *x = serde_json::Value::Null;
                    } else {
                        blank(x);
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(blank),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(d).expect("serializes");
    blank(&mut v);
    v
}

#[test]
fn every_example_decided_in_dutch_reads_dutch_and_differs_from_english_in_words_only() {
    let host = dutch_host();
    for path in example_signals() {
        let signal = Signal::from_json(&std::fs::read_to_string(&path).expect("readable")).expect("valid");
        let nl = host.decide(&signal).expect("decided");
        let en = host.decide_with(&signal, &DecideOptions::default().with_language(Language::En)).expect("decided");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!((nl.language.as_str(), en.language.as_str()), ("nl", "en"), "{name}");
        for (at, text) in texts(&nl) {
            assert_eq!(english_word_in(&text), None, "{name}: English in the Dutch {at}: {text}");
        }
        assert_eq!(without_texts(&nl), without_texts(&en), "{name}: the language changed more than words");
        let (dutch, english) = (texts(&nl), texts(&en));
        assert_eq!(dutch.len(), english.len(), "{name}");
        for ((at, d), (_, e)) in dutch.iter().zip(&english) {
            if english_word_in(e).is_some() {
                assert_ne!(d, e, "{name}: the {at} was not translated");
            }
        }
    }
}

#[test]
fn the_cli_prints_dutch_by_default_and_english_on_request() {
    let signal = "examples/signals/03-violence-child-present.json";
    let nl = String::from_utf8(wegwijs(&["run", signal]).stdout).expect("UTF-8");
    let en = String::from_utf8(wegwijs(&["run", signal, "--lang", "en"]).stdout).expect("UTF-8");
    assert!(nl.contains("\nADVIES — ") && nl.contains("Alleen een advies"), "{nl}");
    assert!(en.contains("\nRECOMMENDATION — ") && en.contains("A recommendation only"), "{en}");
    for line in nl.lines() {
        assert_eq!(english_word_in(line), None, "English on the Dutch card: {line}");
    }
    assert!(nl.lines().all(|l| l.chars().count() <= 100), "{nl}");
    // The machine interface is the same in both languages.
    let json = |lang: &str| -> serde_json::Value {
        serde_json::from_slice(&wegwijs(&["run", signal, "--format", "json", "--lang", lang]).stdout).expect("JSON")
    };
    let (nl, en) = (json("nl"), json("en"));
    assert_eq!(nl["routing"]["routes"][0]["partner"], en["routing"]["routes"][0]["partner"]);
    assert_eq!(nl["action"], en["action"]);
    fn keys(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
                out.push(format!("{path}.{k}"));
                keys(x, format!("{path}.{k}"), out);
            }),
            serde_json::Value::Array(a) => a.iter().for_each(|x| keys(x, format!("{path}[]"), out)),
            _ => {}
        }
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    keys(&nl, String::new(), &mut a);
    keys(&en, String::new(), &mut b);
    assert_eq!(a, b, "the JSON keys do not depend on the language");
}

#[test]
fn a_region_component_built_against_wit_0_2_0_runs_and_its_english_texts_are_named() {
    let host = dutch_host();
    let dir = crate::regions::python_region_dir();
    host.activate_dir(&dir).expect("region C, built against WIT 0.2.0, activates");
    let wit = std::fs::read_to_string(root().join("examples/regions/c-pedagogisch-adviseur/component/wit/worlds.wit"))
        .expect("region C's contract");
    assert!(wit.starts_with("package wegwijs:jgz@0.2.0;"), "region C keeps the older contract");
    let signal = crate::util::school_signal("GM1652", "learning-difficulties");
    let nl = host.decide(&signal).expect("decided");
    assert_eq!(nl.provenance.region, "regio-c");
    let own: Vec<_> = nl.provenance.components.iter().filter(|c| c.role == wegwijs::Role::Region).collect();
    assert!(!own.is_empty() && own.iter().all(|c| !c.follows_language), "{own:?}");
    assert!(
        nl.provenance.components.iter().filter(|c| c.role == wegwijs::Role::Reference).all(|c| c.follows_language),
        "the reference components follow the language"
    );
    assert!(
        nl.other_language.iter().any(|o| o.component == own[0].name && o.language.as_deref() == Some("en")),
        "{:?}",
        nl.other_language
    );
    let en = host.decide_with(&signal, &DecideOptions::default().with_language(Language::En)).expect("decided");
    assert!(en.other_language.is_empty(), "English texts in an English card need no note: {:?}", en.other_language);
}

#[test]
fn a_region_that_states_its_language_is_named_on_a_card_in_the_other() {
    // Region A's Rust component links the host's `language` import through
    // the guest SDK, but writes English, as its region.toml states.
    let bundle = crate::util::rust_example("a-ondersteuningsteam", wegwijs_test_artifacts::REGION_A_ROUTING);
    let host = dutch_host();
    host.activate_dir(&bundle.0).expect("region A activates");
    let signal = crate::util::school_signal("GM0085", "low-mood");
    let nl = host.decide(&signal).expect("decided");
    assert_eq!(nl.provenance.region, "regio-a");
    assert_eq!(
        nl.other_language.iter().map(|o| (o.component.as_str(), o.language.as_deref())).collect::<Vec<_>>(),
        [("regio-a/routing", Some("en"))]
    );
    let card = String::from_utf8(
        wegwijs(&["run", "examples/signals/13-low-mood-abnormal-sdq.json", "--region", bundle.0.to_str().unwrap()])
            .stdout,
    )
    .expect("UTF-8");
    assert!(card.contains("De teksten van regio-a/routing (routering) zijn in het Engels"), "{card}");
    let en = host.decide_with(&signal, &DecideOptions::default().with_language(Language::En)).expect("decided");
    assert!(en.other_language.is_empty(), "{:?}", en.other_language);
}
