//! Pipeline behaviour across all signals: provenance, guardrails, determinism
//! and sharing one host across threads.

use crate::util::{example_signals, host};
use wegwijs::harness::reference_set;
use wegwijs::{Host, Signal, Stage};

fn signal(path: &std::path::Path) -> Signal {
    Signal::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn provenance_names_every_component_by_hash() {
    let d = host().decide(&signal(&example_signals()[0])).unwrap();
    assert_eq!(d.provenance.wit, format!("wegwijs:jgz@{}", wegwijs::types::WIT_VERSION));
    assert_eq!(d.provenance.region, "national-default");
    let stages: Vec<Stage> = d.provenance.components.iter().map(|c| c.stage).collect();
    assert_eq!(stages, Stage::ALL);
    for c in &d.provenance.components {
        use sha2_check::hex_sha256;
        assert_eq!(c.sha256, hex_sha256(reference_set()), "{:?}", c.stage);
        assert_eq!(c.name, "wegwijs-reference", "{:?}", c.stage);
    }
    for g in ["G-SAFETY", "G-CONSENT", "G-AUTHORITY", "G-NO-DROP", "G-HUMAN", "G-MINIMAL"] {
        assert!(d.provenance.guardrails.contains(&g), "{g} missing from provenance");
    }
    assert!(d.recommendation_only);
    assert!(d.faults.is_empty());
}

mod sha2_check {
    /// An independent sha256 (via the `sha256sum` tool) so the test does not
    /// trust the host's own hashing.
    pub(super) fn hex_sha256(bytes: &[u8]) -> String {
        use std::io::Write;
        let mut child = std::process::Command::new("sha256sum")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("sha256sum is available");
        child.stdin.take().unwrap().write_all(bytes).unwrap();
        let out = child.wait_with_output().unwrap();
        String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_string()
    }
}

#[test]
fn same_key_same_pseudonym_other_key_other_pseudonym() {
    let s = signal(&example_signals()[0]);
    let a = host().decide(&s).unwrap();
    let b = Host::builder().pseudonym_key("test-key").build().unwrap().decide(&s).unwrap();
    let c = Host::builder().pseudonym_key("other-key").build().unwrap().decide(&s).unwrap();
    assert_eq!(a.pseudonym, b.pseudonym);
    assert_ne!(a.pseudonym, c.pseudonym);
    assert!(a.pseudonym.starts_with("p-") && a.pseudonym.len() == 22);
}

#[test]
fn decisions_are_deterministic_and_thread_safe() {
    let signals: Vec<Signal> = example_signals().iter().map(|p| signal(p)).collect();
    let expected: Vec<String> =
        signals.iter().map(|s| serde_json::to_string(&host().decide(s).unwrap()).unwrap()).collect();
    std::thread::scope(|scope| {
        for t in 0..4 {
            let (signals, expected) = (&signals, &expected);
            scope.spawn(move || {
                for round in 0..3 {
                    for (i, s) in signals.iter().enumerate().skip((t + round) % 3) {
                        let got = serde_json::to_string(&host().clone().decide(s).unwrap()).unwrap();
                        assert_eq!(got, expected[i], "thread {t} signal {i}");
                    }
                }
            });
        }
    });
}

#[test]
fn every_reason_cites_a_well_formed_rule_id() {
    for path in example_signals() {
        let d = host().decide(&signal(&path)).unwrap();
        for id in d.rule_ids() {
            assert!(wegwijs::types::is_well_formed_rule_id(&id), "{}: `{id}`", path.display());
        }
    }
}

/// G-NO-DROP: when every component fails, every accepted signal still gets a
/// decision that names the faults, and the safety floor still holds.
#[test]
fn no_drop_every_signal_is_decided_when_components_run_out_of_fuel() {
    let mut limits = wegwijs::Limits::default();
    limits.fuel = Some(1_000);
    let host =
        Host::builder().language(wegwijs::Language::En).fuel(true).limits(limits).pseudonym_key("k").build().unwrap();
    for path in example_signals() {
        let s = signal(&path);
        let d = host.decide(&s).unwrap();
        assert_eq!(d.status, wegwijs::Status::Incomplete, "{}", path.display());
        assert!(!d.faults.is_empty());
        assert!(d.faults.iter().all(|f| f.kind == wegwijs::FaultKind::Fuel), "{:?}", d.faults);
        assert!(d.faults.iter().all(|f| f.sha256.len() == 64 && !f.fallback.is_empty()));
        assert!(d.guardrails.iter().any(|g| g.rule == "G-NO-DROP" && g.changed));
        assert!(d.headline.starts_with("INCOMPLETE"), "{}", d.headline);
        if !s.safety_indicators.is_empty() {
            let melding = d.routes().iter().find(|r| r.partner == wegwijs::types::Partner::VeiligThuisMelding);
            assert!(
                melding.is_some_and(|r| r.urgency == wegwijs::types::Urgency::Immediate),
                "G-SAFETY must hold without any component: {}",
                path.display()
            );
            assert!(d.guardrails.iter().any(|g| g.rule == "G-SAFETY" && g.changed));
        }
    }
}

/// A memory cap below what a component needs to start is a typed fault, not an error.
#[test]
fn a_memory_cap_too_small_to_start_is_a_memory_fault() {
    let mut limits = wegwijs::Limits::default();
    limits.memory_bytes = 64 << 10;
    let host = Host::builder().limits(limits).build().unwrap();
    let d = host.decide(&signal(&example_signals()[0])).unwrap();
    assert_eq!(d.status, wegwijs::Status::Incomplete);
    assert_eq!(d.faults.len(), 1, "intake fails, and nothing can follow it: {:?}", d.faults);
    assert_eq!(d.faults[0].stage, Stage::Intake);
    assert_eq!(d.faults[0].kind, wegwijs::FaultKind::MemoryLimit, "{:?}", d.faults[0]);
}

mod loading {
    //! Load-time validation: what is not a clean stage component is refused,
    //! and the refusal says why.
    use crate::util::host;
    use wegwijs::harness::{check_component, reference_component};
    use wegwijs::{Error, Rejection, Stage};

    fn rejection(bytes: &[u8]) -> Rejection {
        match check_component(host(), Stage::Intake, "test", bytes) {
            Err(Error::ComponentRejected { reason, stage, .. }) => {
                assert_eq!(stage, Stage::Intake);
                reason
            }
            other => panic!("expected a rejection, got {other:?}"),
        }
    }

    #[test]
    fn wasi_imports_are_refused_by_name() {
        let wat = r#"(component
            (import "wasi:filesystem/types@0.2.0" (instance))
            (import "wasi:sockets/tcp@0.2.0" (instance)))"#;
        match rejection(wat.as_bytes()) {
            Rejection::ForbiddenImports(names) => {
                assert_eq!(
                    names,
                    vec!["wasi:filesystem/types@0.2.0".to_string(), "wasi:sockets/tcp@0.2.0".to_string()]
                );
            }
            other => panic!("{other:?}"),
        }
        let msg = check_component(host(), Stage::Intake, "x", wat.as_bytes()).unwrap_err().to_string();
        assert!(msg.contains("wasi:filesystem/types@0.2.0") && msg.contains("wegwijs:jgz/host@0.2.1"), "{msg}");
    }

    #[test]
    fn not_a_component_is_refused_with_the_reason() {
        assert_eq!(rejection(b""), Rejection::Empty);
        assert_eq!(rejection(b"\0asm\x01\0\0\0"), Rejection::CoreModule);
        assert!(matches!(rejection(b"\0asm\x0d\0\x01\0garbage"), Rejection::Malformed(_)));
        assert!(matches!(rejection(b"not wasm at all"), Rejection::Malformed(_)));
    }

    #[test]
    fn a_component_without_the_stage_export_is_the_wrong_world() {
        assert!(matches!(rejection(b"(component)"), Rejection::WrongWorld(_)));
        // The screening reference does not implement intake.
        assert!(matches!(rejection(reference_component(Stage::Screening)), Rejection::WrongWorld(_)));
    }

    #[test]
    fn the_references_pass_their_own_checks() {
        for stage in Stage::ALL {
            let info = check_component(host(), stage, "ref", reference_component(stage)).unwrap();
            assert_eq!(info.stage, stage);
        }
    }
}

/// The four reference stages of a decision share one fresh instance by
/// default (`docs/decisions/0008-…`); a host told to give each its own
/// decides every signal alike: the examples and a generated corpus,
/// nationally and in a region of configuration only. A guest that kept
/// anything from one stage to the next in its instance would show here.
#[test]
fn a_shared_reference_instance_decides_like_separate_ones() {
    let build = |separate: bool| {
        Host::builder()
            .pseudonym_key("test-key")
            .separate_reference_instances(separate)
            .region(crate::util::root().join("examples/regions/d-config-only"))
            .build()
            .unwrap()
    };
    let (shared, separate) = (build(false), build(true));
    let corpus = crate::util::wegwijs(&["corpus", "--n", "300", "--seed", "7", "--gemeente", "GM0060,GM0088,GM9999"]);
    assert!(corpus.status.success());
    let mut signals: Vec<Signal> = example_signals().iter().map(|p| signal(p)).collect();
    signals.extend(String::from_utf8_lossy(&corpus.stdout).lines().map(|l| Signal::from_json(l).unwrap()));
    let region_d = shared.regions().into_iter().map(|r| r.id).next().unwrap();
    assert_eq!(separate.regions().len(), 1);
    let mut in_d = 0;
    for (i, s) in signals.iter().enumerate() {
        let (a, b) = (shared.decide(s).unwrap(), separate.decide(s).unwrap());
        assert!(a.faults.is_empty(), "signal {i}: {:?}", a.faults);
        assert_eq!(serde_json::to_value(&a).unwrap(), serde_json::to_value(&b).unwrap(), "signal {i}");
        in_d += usize::from(a.provenance.region == region_d);
    }
    assert!(in_d > 100, "only {in_d} signals were decided in region D");
}

/// Timings are the explain trace without what the stages saw and returned:
/// the same stages and components, a time for each, no values, no logs.
#[test]
fn timings_record_each_stage_without_its_values() {
    let host = wegwijs::Host::builder().build().expect("host");
    let signal = crate::util::school_signal("GM0363", "learning-difficulties");
    let full = host.decide_with(&signal, &wegwijs::DecideOptions::explain()).expect("decided");
    let timed = host.decide_with(&signal, &wegwijs::DecideOptions::timings()).expect("decided");
    let (full, timed) = (full.trace.expect("a trace"), timed.trace.expect("timings"));
    let stages = |t: &[wegwijs::StageTrace]| t.iter().map(|s| (s.stage, s.component.clone())).collect::<Vec<_>>();
    assert_eq!(stages(&full), stages(&timed));
    assert!(timed.iter().all(|s| s.input.is_null() && s.output.is_null() && s.logs.is_empty()));
    assert!(timed.iter().any(|s| s.micros > 0) && timed.iter().all(|s| s.memory_bytes > 0));
    assert!(full.iter().all(|s| !s.input.is_null() && !s.output.is_null()));
    let plain = host.decide(&signal).expect("decided");
    assert!(plain.trace.is_none());
}
