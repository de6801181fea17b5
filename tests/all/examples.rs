//! Every example signal through the real `wegwijs` binary, with its expected
//! outcome: the readable card and the JSON card must both say it.

use crate::util::{example_signals, wegwijs};

/// What each example must come to. Partners are the routes that must exist;
/// rule ids must be cited (in the card's text and its JSON).
struct Expected {
    file: &'static str,
    level: &'static str,
    action: &'static str,
    urgency: &'static str,
    routes: &'static [&'static str],
    rules: &'static [&'static str],
    warnings: &'static [&'static str],
}

const EXPECTED: &[Expected] = &[
    Expected {
        file: "01-school-borderline-sdq",
        level: "attention",
        action: "a1",
        urgency: "next-contact",
        routes: &["jgz-light-support", "primary-school"],
        rules: &["PS-SDQ-SCORE", "PS-SDQ-BANDS", "PS-LADDER", "RT-A1", "RT-SCHOOL-AGE", "CS-SCHOOL"],
        warnings: &[],
    },
    Expected {
        file: "02-toddler-parent-child-risks",
        level: "high",
        action: "a2",
        urgency: "soon",
        routes: &["imh-consultation", "wijkteam"],
        rules: &["RK-MULTI-DOMAIN", "RK-BALANCE", "RT-A2"],
        warnings: &[],
    },
    Expected {
        file: "03-violence-child-present",
        level: "safety",
        action: "s",
        urgency: "immediate",
        routes: &["veilig-thuis-melding"],
        rules: &["IN-SAFETY", "MC-Q2", "CS-VT-MELDING", "G-SAFETY"],
        warnings: &[],
    },
    Expected {
        file: "04-kindcheck-adult-ggz",
        level: "attention",
        action: "a1",
        urgency: "soon",
        routes: &["parent-ggz", "jgz-light-support"],
        rules: &["IN-KINDCHECK", "RT-PARENT"],
        warnings: &[],
    },
    Expected {
        file: "05-teen-absence-substance-use",
        level: "concern",
        action: "a2",
        urgency: "soon",
        routes: &["school-zorgteam", "wijkteam"],
        rules: &["RT-SCHOOL-AGE", "RT-A2"],
        warnings: &[],
    },
    Expected {
        file: "06-sixteen-no-parents",
        level: "concern",
        action: "a3",
        urgency: "soon",
        routes: &["jeugd-ggz"],
        rules: &["RT-A3", "RT-AUTHORITY", "RT-WARM", "CS-AGE", "CS-DEFAULT"],
        warnings: &[],
    },
    Expected {
        file: "07-debts-and-housing",
        level: "attention",
        action: "a1",
        urgency: "soon",
        routes: &["amw"],
        rules: &["RT-PARENT", "IN-DOMAIN"],
        warnings: &[],
    },
    Expected {
        file: "08-somatic-question",
        level: "attention",
        action: "a1",
        urgency: "next-contact",
        routes: &["huisarts"],
        rules: &["CS-REFERRAL"],
        warnings: &[],
    },
    Expected {
        file: "09-anonymous-vt-advice",
        level: "concern",
        action: "s",
        urgency: "within-five-working-days",
        routes: &["veilig-thuis-advice"],
        rules: &["MC-STEPS", "CS-VT-ADVICE"],
        warnings: &[],
    },
    Expected {
        file: "10-instrument-outside-age",
        level: "attention",
        action: "a1",
        urgency: "next-contact",
        routes: &["jgz-light-support"],
        rules: &["PS-INSTRUMENT"],
        warnings: &["PS-INSTRUMENT"],
    },
    Expected {
        file: "11-unknown-code",
        level: "attention",
        action: "a1",
        urgency: "next-contact",
        routes: &["jgz-light-support"],
        rules: &["IN-UNKNOWN"],
        warnings: &["IN-UNKNOWN"],
    },
    Expected {
        file: "12-kinderopvang-three-year-old",
        level: "attention",
        action: "a1",
        urgency: "next-contact",
        routes: &["kinderopvang"],
        rules: &["PS-SDQ-BANDS", "RT-SCHOOL-AGE"],
        warnings: &[],
    },
    Expected {
        file: "13-low-mood-abnormal-sdq",
        level: "concern",
        action: "a2",
        urgency: "soon",
        routes: &["jeugd-ggz", "primary-school"],
        rules: &["PS-SDQ-SCORE", "PS-SDQ-BANDS", "PS-LADDER", "RT-A2", "CS-SCHOOL"],
        warnings: &[],
    },
];

#[test]
fn every_example_has_an_expectation() {
    let names: Vec<String> =
        example_signals().iter().map(|p| p.file_stem().unwrap().to_string_lossy().into_owned()).collect();
    let expected: Vec<&str> = EXPECTED.iter().map(|e| e.file).collect();
    assert_eq!(names, expected, "examples/signals and this table must list the same signals");
}

#[test]
fn every_example_decides_as_expected() {
    for e in EXPECTED {
        let path = format!("examples/signals/{}.json", e.file);
        let o = wegwijs(&["run", &path, "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{}: {}", e.file, String::from_utf8_lossy(&o.stderr));
        let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(d["status"], "decided", "{}", e.file);
        assert_eq!(d["level"], e.level, "{}", e.file);
        assert_eq!(d["action"], e.action, "{}", e.file);
        assert_eq!(d["urgency"], e.urgency, "{}", e.file);
        let partners: Vec<&str> =
            d["routing"]["routes"].as_array().unwrap().iter().map(|r| r["partner"].as_str().unwrap()).collect();
        for p in e.routes {
            assert!(partners.contains(p), "{}: no route to {p} in {partners:?}", e.file);
        }
        let json = o.stdout.as_slice();
        let text = String::from_utf8_lossy(json);
        for rule in e.rules {
            assert!(text.contains(&format!("\"rule\": \"{rule}\"")), "{}: {rule} not cited", e.file);
        }
        let warned: Vec<&str> = d["warnings"].as_array().unwrap().iter().map(|w| w["rule"].as_str().unwrap()).collect();
        for w in e.warnings {
            assert!(warned.contains(w), "{}: warning {w} missing from {warned:?}", e.file);
        }
        if e.warnings.is_empty() {
            assert!(warned.is_empty(), "{}: unexpected warnings {warned:?}", e.file);
        }
        assert!(d["faults"].as_array().unwrap().is_empty(), "{}", e.file);
    }
}

#[test]
fn explain_tells_the_professional_why_in_plain_words() {
    for e in EXPECTED {
        let path = format!("examples/signals/{}.json", e.file);
        let o = wegwijs(&["run", &path, "--explain"]);
        assert_eq!(o.status.code(), Some(0), "{}", e.file);
        let text = String::from_utf8_lossy(&o.stdout);
        for rule in e.rules {
            assert!(text.contains(&format!("[{rule}]")), "{}: the card does not show [{rule}]", e.file);
        }
        for stage in ["intake", "screening", "routing"] {
            assert!(text.contains(&format!("── {stage} (wegwijs-reference)")), "{}: no trace of {stage}", e.file);
        }
        assert!(text.contains("Alleen een advies"), "{}", e.file);
        assert!(text.contains(" µs"), "{}: stage timings missing", e.file);
    }
}

/// The README's Embedding section is the core of the compiled example
/// `examples/embed-epd` (whose own tests run it), so it cannot drift.
#[test]
fn the_readme_embedding_snippet_is_the_compiled_examples_core() {
    let source = std::fs::read_to_string(crate::util::root().join("examples/embed-epd/src/main.rs")).expect("example");
    let begin = source.find("// README:begin\n").expect("a README:begin marker") + "// README:begin\n".len();
    let end = begin + source[begin..].find("    // README:end").expect("a README:end marker");
    let snippet: String =
        source[begin..end].lines().map(|l| format!("{}\n", l.strip_prefix("    ").unwrap_or(l))).collect();
    crate::util::golden::check_between(
        "README.md",
        "<!-- embed:begin -->\n```rust\n",
        "```\n<!-- embed:end -->",
        &snippet,
    );
}
