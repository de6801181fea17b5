//! What the integration tests share: one host per test binary (building
//! one compiles the reference components), the example signals, a hook
//! call around a signal, and the decisions of every example nationally and
//! in the configuration-only example region, in Dutch and in English.
#![allow(dead_code, unreachable_pub)]

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use wegwijs::{DecideOptions, Decision, Host, Language};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A host with the national defaults and example region D loaded.
pub fn host() -> &'static Host {
    static HOST: OnceLock<Host> = OnceLock::new();
    HOST.get_or_init(|| {
        Host::builder()
            .region(root().join("examples/regions/d-config-only"))
            .build()
            .expect("the host builds with region D")
    })
}

/// Every example signal: file name and JSON.
pub fn example_signals() -> Vec<(String, Value)> {
    let dir = root().join("examples/signals");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .expect("examples/signals")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            (
                p.file_name().unwrap_or_default().to_string_lossy().into_owned(),
                serde_json::from_str(&text).expect("JSON"),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 13, "the examples are missing");
    out
}

/// A hook call carrying `signal`, with `patient` as the prefetched Patient.
pub fn call(signal: &Value, patient: Value) -> String {
    json!({
        "hook": wegwijs_cds::HOOK,
        "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        "fhirServer": "https://ehr.example/fhir",
        "fhirAuthorization": { "access_token": "secret-token", "token_type": "Bearer", "expires_in": 300, "scope": "patient/Patient.read", "subject": "wegwijs" },
        "context": { "patientId": "child-1", "userId": "Practitioner/jv-2", "signal": signal },
        "prefetch": { "patient": patient }
    })
    .to_string()
}

/// The decision of every example, in Dutch and in English: through the
/// hook call (national defaults, as the signal's gemeente is not region
/// D's) and in region D. Named `<file> (national, nl)`, `<file> (regio-d,
/// en)`, …; the two languages of one example and region follow each other.
pub fn example_decisions() -> &'static [(String, Decision)] {
    static DECISIONS: OnceLock<Vec<(String, Decision)>> = OnceLock::new();
    DECISIONS.get_or_init(|| {
        let mut out = Vec::new();
        for (name, signal) in example_signals() {
            let parsed =
                wegwijs_cds::parse_request(&call(&signal, Value::Null)).unwrap_or_else(|e| panic!("{name}: {e}"));
            for (region, options) in
                [("national", DecideOptions::national()), ("regio-d", DecideOptions::default().in_region("regio-d"))]
            {
                for &lang in Language::ALL {
                    let d = host()
                        .decide_with(&parsed.signal, &options.clone().with_language(lang))
                        .unwrap_or_else(|e| panic!("{name} decides {region}: {e}"));
                    assert_eq!(d.language, lang.tag(), "{name}");
                    if region == "regio-d" {
                        assert_eq!(d.provenance.region, "regio-d");
                    }
                    out.push((format!("{name} ({region}, {})", lang.tag()), d));
                }
            }
        }
        out
    })
}

/// The decisions of every example in one language.
pub fn example_decisions_in(lang: Language) -> Vec<&'static (String, Decision)> {
    let tag = format!(", {})", lang.tag());
    example_decisions().iter().filter(|(name, _)| name.ends_with(&tag)).collect()
}

/// One example's national decision in English, by file name prefix.
pub fn decision(prefix: &str) -> Decision {
    decision_in(prefix, Language::En)
}

/// One example's national decision in `lang`, by file name prefix.
pub fn decision_in(prefix: &str, lang: Language) -> Decision {
    let suffix = format!("(national, {})", lang.tag());
    example_decisions()
        .iter()
        .find(|(name, _)| name.starts_with(prefix) && name.ends_with(&suffix))
        .map(|(_, d)| d.clone())
        .unwrap_or_else(|| panic!("no example {prefix}"))
}
