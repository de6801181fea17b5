//! Capacity (docs/security.md, "Capacity"): what all the stage calls of one
//! host may use together. Per-call limits hold each call; these tests hold
//! the sum: many more callers than cores do not turn the guideline's results
//! into deadline faults, more calls than the engine's pool holds wait
//! instead of failing, the memory of calls in flight stays within the
//! host's budget, and a result that is legal field by field but fat as a
//! whole is refused before it costs the host more than the budget.
//!
//! Nothing here asserts a duration: only fault kinds, counts and outcomes.
//! Where time matters at all (a call that holds its room while another
//! waits), the holding call's deadline is many times the waiting call's
//! queue wait.

use crate::util::{TempDir, root, sha256};
use std::sync::{Arc, Barrier};
use std::time::Duration;
use wegwijs::harness::{Case, CaseFile, Trial};
use wegwijs::{Capacity, DecideOptions, Decision, FaultKind, Host, Limits, Role, Signal, Stage, Status};
use wegwijs_test_artifacts as artifacts;

/// The concern that arms the hostile component (its bundle's own case does
/// not carry it, so the bundle activates).
const TRIGGER: &str = "sleep-problems";

/// A signal from `gemeente` carrying the trigger.
fn signal(gemeente: &str) -> Signal {
    crate::util::school_signal(gemeente, TRIGGER)
}

/// A bundle whose components for `stages` are the hostile guest, each in
/// its mode, with `limits` as the `[limits]` table's lines.
fn hostile_bundle(id: &str, gemeente: &str, stages: &[(Stage, &str)], limits: &str) -> TempDir {
    let wasm = artifacts::HOSTILE;
    let dir = TempDir::new(id);
    dir.write("hostile.wasm", wasm);
    let mut toml =
        format!("[region]\nid = \"{id}\"\nname = \"Capacity {id}\"\ngemeenten = [\"{gemeente}\"]\nrevision = 1\n");
    for (stage, _) in stages {
        toml += &format!("\n[stages.{stage}]\ncomponent = \"hostile.wasm\"\nsha256 = \"{}\"\n", sha256(wasm));
    }
    toml += &format!("\n[config.hostile]\nwhen-concern = \"{TRIGGER}\"\n");
    for (stage, mode) in stages {
        toml += &format!("{stage} = \"{mode}\"\n");
    }
    toml += &format!("\n[limits]\n{limits}\n");
    dir.write("region.toml", toml);
    dir.write(
        "cases/plain.toml",
        format!(
            "[[case]]\nname = \"a plain case the component handles\"\n[case.signal]\ndate = \"2026-10-05\"\n\
             gemeente = \"{gemeente}\"\nchild = {{ birth_date = \"2018-03-14\" }}\nsource = {{ code = \"intern-begeleider\" }}\n\
             handler = \"jeugdverpleegkundige\"\nconcerns = [\"behaviour-problems\"]\nparents_concerned = true\n\
             [case.expect]\nstatus = \"decided\"\n"
        ),
    );
    dir
}

/// Decides `signals` at once, one thread each, all released together.
fn at_once(host: &Host, signals: Vec<Signal>) -> Vec<Decision> {
    let start = Arc::new(Barrier::new(signals.len()));
    let threads: Vec<_> = signals
        .into_iter()
        .map(|s| {
            let (host, start) = (host.clone(), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                host.decide(&s).unwrap()
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap()).collect()
}

/// No reference component faulted, and the decision was decided.
fn guideline_stood(d: &Decision) -> bool {
    d.status == Status::Decided && d.faults.iter().all(|f| f.role == Role::Region)
}

/// Checks a decision of a hostile region whose routing component loops:
/// the guideline stood, and the one fault is the region's, at routing,
/// either its deadline (it ran) or capacity (it found no room in time).
/// Returns whether it ran.
fn looped_or_waited(d: &Decision, national: &Decision) -> bool {
    assert!(guideline_stood(d), "a guideline result was lost: {:?} {:?}", d.status, d.faults);
    assert_eq!(d.routes(), national.routes(), "the guideline's routes stand");
    assert_eq!(d.faults.len(), 1, "{:?}", d.faults);
    let fault = &d.faults[0];
    assert_eq!((fault.stage, fault.role), (Stage::Routing, Role::Region));
    match &fault.kind {
        FaultKind::Deadline => true,
        FaultKind::Capacity => {
            assert!(fault.detail.contains("over capacity"), "{}", fault.detail);
            false
        }
        other => panic!("the looping component's fault is {other:?}: {}", fault.detail),
    }
}

#[test]
fn oversubscription_never_turns_guideline_results_into_faults() {
    // Two hundred callers on a machine of a few cores decide in a region
    // whose routing component loops to its 1 s deadline, twenty in a region
    // that only configures the guideline, and meanwhile two decide
    // nationally. Before the host bounded its calls, every call ran at
    // once, each got a sliver of a core, and the guideline's own components
    // missed their 250 ms deadline: `incomplete`, in all three.
    let host = Host::builder().pseudonym_key("capacity").build().unwrap();
    host.activate_dir(root().join("examples/regions/d-config-only")).unwrap();
    let hostile = hostile_bundle("capacity-loop", "GM9101", &[(Stage::Routing, "loop")], "deadline-ms = 1000");
    host.activate_dir(&hostile.0).unwrap();
    let national = host.decide(&signal("GM0363")).unwrap();
    let region_d = host.decide(&signal("GM0088")).unwrap();

    let mut signals: Vec<Signal> = (0..220).map(|i| signal(if i % 11 == 0 { "GM0088" } else { "GM9101" })).collect();
    signals.insert(50, signal("GM0363"));
    signals.insert(150, signal("GM0363"));
    let decisions = at_once(&host, signals);

    let mut ran = 0;
    for d in &decisions {
        match d.provenance.region.as_str() {
            "capacity-loop" => ran += usize::from(looped_or_waited(d, &national)),
            "regio-d" => {
                assert!(d.faults.is_empty(), "{:?}", d.faults);
                assert_eq!(d.routes(), region_d.routes());
            }
            _ => {
                assert!(d.faults.is_empty(), "{:?}", d.faults);
                assert_eq!(d.routes(), national.routes());
            }
        }
    }
    assert!(ran >= 1, "some looping calls ran to their deadline");
}

#[test]
fn more_calls_than_the_engine_pool_holds_wait_instead_of_failing() {
    // Six hundred callers, with the guideline's deadline raised to 2 s so
    // that it does not throttle them, into a region whose routing component
    // loops for 2 s: before, hundreds of instances were alive at once, past
    // the engine pool's 512, and the calls past it failed to instantiate,
    // reported as the component (reference or region) breaking the
    // interface's types. Now the calls wait their turn, a region call that
    // waits too long is a capacity fault, and the guideline's result stands
    // in every decision.
    let mut limits = Limits::default();
    limits.deadline = Duration::from_secs(2);
    let host = Host::builder().pseudonym_key("capacity").limits(limits).build().unwrap();
    let hostile = hostile_bundle("capacity-pool", "GM9108", &[(Stage::Routing, "loop")], "deadline-ms = 2000");
    host.activate_dir(&hostile.0).unwrap();
    let national = host.decide(&signal("GM0363")).unwrap();
    let decisions = at_once(&host, (0..600).map(|_| signal("GM9108")).collect());
    for d in &decisions {
        looped_or_waited(d, &national);
    }
}

#[test]
fn the_default_capacity_is_a_call_per_core_in_each_lane_1_gib_and_2_s() {
    let capacity = Host::builder().build().unwrap().capacity();
    let cores = std::thread::available_parallelism().unwrap().get().min(64);
    assert_eq!(capacity, Capacity::default());
    assert_eq!(
        (capacity.concurrent_calls, capacity.memory_budget, capacity.queue_wait),
        (cores, 1 << 30, Duration::from_secs(2))
    );
}

/// A host whose budget leaves `region_mib` MiB for region calls: two
/// reference calls of 32 MiB are set aside first.
fn host_with_region_memory(region_mib: usize, queue_wait: Duration) -> Host {
    let mut capacity = Capacity::default();
    capacity.concurrent_calls = 2;
    capacity.memory_budget = (64 + region_mib) << 20;
    capacity.queue_wait = queue_wait;
    let host = Host::builder().pseudonym_key("capacity").capacity(capacity).build().unwrap();
    assert_eq!(host.capacity().memory_budget, (64 + region_mib) << 20);
    host
}

#[test]
fn a_region_asking_for_more_memory_than_the_budget_leaves_is_refused_at_load() {
    let host = host_with_region_memory(64, Duration::from_secs(2));
    let greedy = hostile_bundle("capacity-greedy", "GM9102", &[(Stage::Routing, "echo")], "memory-mib = 128");
    let err = host.activate_dir(&greedy.0).unwrap_err().to_string();
    assert!(
        err.contains("limits.memory-mib") && err.contains("128 MiB") && err.contains("leaves 64 MiB for region calls"),
        "{err}"
    );
    // The harness refuses it alike: a bundle passes there exactly when it
    // would activate.
    let err = Trial::read(&host, &greedy.0).unwrap_err().to_string();
    assert!(err.contains("limits.memory-mib"), "{err}");
    assert!(host.regions().is_empty());
    // Within the budget it loads.
    let modest = hostile_bundle("capacity-modest", "GM9102", &[(Stage::Routing, "echo")], "memory-mib = 64");
    host.activate_dir(&modest.0).unwrap();
    // A region of configuration only runs the reference components, under
    // the host's limits: its memory-mib is not a call's limit.
    let config_only = TempDir::new("capacity-config-only");
    config_only.write(
        "region.toml",
        "[region]\nid = \"capacity-config\"\nname = \"C\"\ngemeenten = [\"GM9103\"]\nrevision = 1\n[limits]\nmemory-mib = 256\n",
    );
    let case = std::fs::read_to_string(greedy.0.join("cases/plain.toml")).unwrap();
    config_only.write("cases/plain.toml", case.replace("GM9102", "GM9103"));
    host.activate_dir(&config_only.0).unwrap();
}

#[test]
fn calls_in_flight_hold_no_more_memory_than_the_budget() {
    // Room for one region call of 64 MiB, and two region slots: the memory,
    // not the slots, is what bounds. Six calls at once; the first to arrive
    // loops to its 2 s deadline holding its 64 MiB, and the others, which
    // would each have taken 64 MiB more, wait a tenth of that and are
    // capacity faults naming the budget. Before, all six ran at once.
    let host = host_with_region_memory(64, Duration::from_millis(200));
    let bundle =
        hostile_bundle("capacity-memory", "GM9104", &[(Stage::Routing, "loop")], "memory-mib = 64\ndeadline-ms = 2000");
    host.activate_dir(&bundle.0).unwrap();
    let decisions = at_once(&host, (0..6).map(|_| signal("GM9104")).collect());
    let (mut ran, mut refused) = (0, 0);
    for d in &decisions {
        assert!(guideline_stood(d), "{:?} {:?}", d.status, d.faults);
        assert_eq!(d.faults.len(), 1, "{:?}", d.faults);
        match &d.faults[0].kind {
            FaultKind::Deadline => ran += 1,
            FaultKind::Capacity => {
                let detail = &d.faults[0].detail;
                assert!(detail.contains("of the 64 MiB memory budget for region calls"), "{detail}");
                refused += 1;
            }
            other => panic!("{other:?}: {}", d.faults[0].detail),
        }
    }
    assert!(ran >= 1 && refused >= 1, "{ran} ran, {refused} refused");
    assert!(ran <= 3, "{ran} calls of 64 MiB ran with room for one at a time, each for 2 s, in a 200 ms wait");
}

/// Bytes of `value` as compact JSON.
fn json_bytes(value: &impl serde::Serialize) -> usize {
    serde_json::to_vec(value).unwrap().len()
}

#[test]
fn a_fat_but_legal_result_is_output_too_large_and_the_guideline_stands() {
    // 240 reasons of 8 KiB: every list and string within what a region may
    // ask for (256 reasons, 8 KiB strings), almost 2 MiB in all. Before, the host accepted it, kept it in the
    // decision and printed it; now it is refused, and the decision stays
    // the size of one the guideline alone makes.
    let host = Host::builder().pseudonym_key("capacity").build().unwrap();
    let bundle = hostile_bundle(
        "capacity-fat",
        "GM9105",
        &[(Stage::Routing, "fat:240x8192")],
        "max-reasons = 256\nmax-string-bytes = 8192\nmemory-mib = 64",
    );
    host.activate_dir(&bundle.0).unwrap();
    let d = host.decide_with(&signal("GM9105"), &DecideOptions::explain()).unwrap();
    assert!(guideline_stood(&d), "{:?}", d.faults);
    assert_eq!(d.faults.len(), 1, "{:?}", d.faults);
    let fault = &d.faults[0];
    assert_eq!((fault.stage, &fault.kind), (Stage::Routing, &FaultKind::OutputTooLarge));
    assert!(fault.detail.contains("262144 bytes as JSON") && fault.detail.contains("`reasons["), "{}", fault.detail);
    let national = host.decide_with(&signal("GM0363"), &DecideOptions::explain()).unwrap();
    assert_eq!(d.routes(), national.routes());
    assert!(json_bytes(&d) < 2 * json_bytes(&national), "{} bytes", json_bytes(&d));
    assert!(!serde_json::to_string(&d).unwrap().contains(wegwijs_hostile::FAT_RULE));

    // Just under the budget, the same component's result is used.
    let lean = hostile_bundle(
        "capacity-lean",
        "GM9106",
        &[(Stage::Routing, "fat:24x8192")],
        "max-reasons = 256\nmax-string-bytes = 8192",
    );
    host.activate_dir(&lean.0).unwrap();
    let d = host.decide(&signal("GM9106")).unwrap();
    assert!(d.faults.is_empty(), "{:?}", d.faults);
}

#[test]
fn regions_cannot_push_one_decision_past_its_output_budget() {
    // Each region result about 200 KiB, within the per-result budget; the
    // host allows 300 KiB per decision. The intake's fits, the screening's
    // would bring the decision over: refused, the guideline's stands.
    let mut limits = Limits::default();
    limits.max_decision_output_bytes = 300 << 10;
    let host = Host::builder().pseudonym_key("capacity").limits(limits).build().unwrap();
    let bundle = hostile_bundle(
        "capacity-decision",
        "GM9107",
        &[(Stage::Intake, "fat:24x8192"), (Stage::Screening, "fat:24x8192")],
        "max-reasons = 256\nmax-string-bytes = 8192",
    );
    host.activate_dir(&bundle.0).unwrap();
    let d = host.decide(&signal("GM9107")).unwrap();
    assert!(guideline_stood(&d), "{:?}", d.faults);
    assert_eq!(d.faults.len(), 1, "{:?}", d.faults);
    let fault = &d.faults[0];
    assert_eq!((fault.stage, &fault.kind), (Stage::Screening, &FaultKind::OutputTooLarge));
    assert!(fault.detail.contains("one decision's results may take"), "{}", fault.detail);
    assert!(json_bytes(&d) < 300 << 10, "{} bytes", json_bytes(&d));
}

/// Every rule case's signal, from `tests/cases/*.toml`.
fn rule_case_signals() -> Vec<Signal> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("tests/cases")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let cases: Vec<Case> = CaseFile::parse(&std::fs::read_to_string(&path).unwrap()).unwrap().cases;
            out.extend(cases.iter().map(|c| c.signal().unwrap()));
        }
    }
    out
}

#[test]
fn guideline_results_fit_the_output_budgets_many_times_over() {
    // The budgets must never bite the guideline: its largest result, on
    // every example signal and every rule case, stays under a sixteenth of
    // the per-result budget, and its largest decision under a sixteenth of
    // the per-decision one.
    let limits = Limits::default();
    let host = crate::util::host();
    let mut signals = rule_case_signals();
    signals.extend(
        crate::util::example_signals().iter().map(|p| Signal::from_json(&std::fs::read_to_string(p).unwrap()).unwrap()),
    );
    assert!(signals.len() > 40);
    let (mut largest_result, mut largest_decision) = (0, 0);
    for s in &signals {
        let d = host.decide_with(s, &DecideOptions::explain()).unwrap();
        assert!(d.faults.is_empty(), "{:?}", d.faults);
        let trace = d.trace.as_ref().unwrap();
        largest_result = trace.iter().map(|t| json_bytes(&t.output)).max().unwrap_or(0).max(largest_result);
        largest_decision = largest_decision.max(trace.iter().map(|t| json_bytes(&t.output)).sum());
    }
    assert!(largest_result * 16 < limits.max_output_bytes, "a guideline result takes {largest_result} bytes");
    assert!(
        largest_decision * 16 < limits.max_decision_output_bytes,
        "a guideline decision's results take {largest_decision} bytes"
    );
}
