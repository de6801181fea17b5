//! The routing stage's child route table three ways, timed per case in the
//! same run:
//!
//! - `wasm`: the sandboxed reference routing component through the host,
//!   `Host::decide_with(&signal, &DecideOptions::explain())`, read from the
//!   decision trace's routing entry (instantiation plus call; the whole
//!   stage, not only the child table);
//! - `native`: `wegwijs_routing::route` called directly (also the whole
//!   stage);
//! - `regorus`: `routing.rego` on a prepared regorus engine, building the
//!   input from the cards included (the child table only).
//!
//! The three are interleaved case by case so machine noise hits them alike,
//! over the example signals and the agreement test's generated signals.
//! Every regorus result is checked against the native child routes first, so
//! the bench never times a policy that says something else. It prints
//! medians per example, over all cases, and the ratios wasm / regorus and
//! native / regorus; then the cost of evaluating on the prepared engine
//! against a clone of it per case, and against regorus's compiled-policy API.
//! Run with `cargo bench -p wegwijs-rego-bench --bench routing` (`-- --runs
//! N` to change the count, default 300).

// A benchmark that cannot set itself up has nothing to report; it panics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/corpus/mod.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Instant;

use wegwijs::types::{ChildCase, IntakeCard, NoConfig, ScreeningCard};
use wegwijs::{DecideOptions, Host, Signal, Stage};
use wegwijs_rego_bench::{POLICY, ROUTES_RULE, RegoInput, RegoRouting, native_child_routes};

/// Generated signals beside the examples (the agreement test's first ones).
const GENERATED: usize = 60;

/// One signal with its native upstream cards.
struct Case {
    name: String,
    signal: Signal,
    case: ChildCase,
    intake: IntakeCard,
    screening: ScreeningCard,
}

/// Per-case samples in µs.
#[derive(Default)]
struct Samples {
    wasm: Vec<f64>,
    native: Vec<f64>,
    regorus: Vec<f64>,
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn micros(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e6
}

fn main() {
    let runs: usize =
        std::env::args().skip_while(|a| a != "--runs").nth(1).and_then(|n| n.parse().ok()).unwrap_or(300).max(1);
    let examples = corpus::examples();
    let cases: Vec<Case> = examples
        .into_iter()
        .chain(corpus::generated(GENERATED, corpus::SEED))
        .map(|(name, signal)| {
            let case = signal.to_case(b"bench");
            let intake = wegwijs_intake::assess(&case, &wegwijs_types::NoConfig);
            let screening = wegwijs_screening::screen(&case, &intake, &NoConfig);
            Case { name, signal, case, intake, screening }
        })
        .collect();

    let host = Host::builder().pseudonym_key("bench").build().expect("host");
    let options = DecideOptions::explain();
    let mut rego = RegoRouting::new().expect("routing.rego loads");

    // The policy must say what the native table says before it is timed.
    for c in &cases {
        let card = wegwijs_routing::route(&c.case, &c.intake, &c.screening, &NoConfig);
        let input = RegoInput::from_cards(&c.case, &c.intake, &c.screening);
        assert_eq!(rego.routes(&input).expect("eval"), native_child_routes(&card), "{}", c.name);
    }
    // A signal intake closes never reaches the routing component, so it has
    // no wasm time to compare; it is left out of every column.
    let routed = |c: &Case| {
        let decision = host.decide_with(&c.signal, &options).expect("decision");
        decision.trace.is_some_and(|t| t.iter().any(|s| s.stage == Stage::Routing))
    };
    let (cases, closed): (Vec<Case>, Vec<Case>) = cases.into_iter().partition(routed);
    let n_examples = cases.iter().filter(|c| !c.name.starts_with("gen-")).count();

    let mut samples: Vec<Samples> = cases.iter().map(|_| Samples::default()).collect();
    for _ in 0..runs {
        for (c, s) in cases.iter().zip(&mut samples) {
            let decision = host.decide_with(&c.signal, &options).expect("decision");
            let trace = decision.trace.as_ref().expect("explain keeps a trace");
            let routing = trace.iter().find(|t| t.stage == Stage::Routing).expect("routing stage traced");
            // The trace's resolution is 1 µs; the native and regorus
            // figures are finer.
            s.wasm.push(routing.micros as f64);

            let t = Instant::now();
            black_box(wegwijs_routing::route(&c.case, &c.intake, &c.screening, &NoConfig));
            s.native.push(micros(t));

            let t = Instant::now();
            let input = RegoInput::from_cards(&c.case, &c.intake, &c.screening);
            black_box(rego.routes(&input).expect("eval"));
            s.regorus.push(micros(t));
        }
    }

    println!("{runs} runs; medians in µs; wasm and native are the whole routing stage, regorus the child table only");
    println!(
        "{} cases ({n_examples} examples, {} generated); {} left out because intake closed them, so routing never ran\n",
        cases.len(),
        cases.len() - n_examples,
        closed.len()
    );
    println!(
        "{:<36} {:>9} {:>9} {:>9} {:>13} {:>15}",
        "signal", "wasm", "native", "regorus", "wasm/regorus", "native/regorus"
    );
    let row = |name: &str, s: &Samples| {
        let (w, n, r) = (median(&s.wasm), median(&s.native), median(&s.regorus));
        println!("{name:<36} {w:>9.1} {n:>9.2} {r:>9.1} {:>13.2} {:>15.4}", w / r, n / r);
    };
    for (c, s) in cases.iter().zip(&samples).take(n_examples) {
        row(&c.name, s);
    }
    let pool = |range: std::ops::Range<usize>| {
        let mut all = Samples::default();
        for s in &samples[range] {
            all.wasm.extend(&s.wasm);
            all.native.extend(&s.native);
            all.regorus.extend(&s.regorus);
        }
        all
    };
    println!();
    row(&format!("all {n_examples} examples"), &pool(0..n_examples));
    row(&format!("all {} generated", cases.len() - n_examples), &pool(n_examples..cases.len()));
    row(&format!("all {} cases", cases.len()), &pool(0..cases.len()));

    engine_strategies(&cases, runs, &mut rego);
}

/// Evaluating on the prepared engine, on a clone of it per case, and
/// through regorus's compiled-policy API (which builds an engine from the
/// compiled policy per evaluation), interleaved.
fn engine_strategies(cases: &[Case], runs: usize, rego: &mut RegoRouting) {
    let module = regorus::PolicyModule { id: "routing.rego".into(), content: POLICY.into() };
    let compiled = regorus::compile_policy_with_entrypoint(regorus::Value::new_object(), &[module], ROUTES_RULE.into())
        .expect("routing.rego compiles");
    let inputs: Vec<RegoInput> =
        cases.iter().map(|c| RegoInput::from_cards(&c.case, &c.intake, &c.screening)).collect();
    let expected: Vec<_> = inputs.iter().map(|i| rego.routes(i).expect("eval")).collect();
    let first = rego.routes_on_clone(&inputs[0]).expect("eval");
    assert_eq!(first, expected[0]);
    assert!(
        compiled.eval_with_input(inputs[0].to_value()).expect("compiled eval").as_array().is_ok(),
        "the compiled policy yields a list"
    );

    let (mut reused, mut cloned, mut via_compiled, mut input_only) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        for input in &inputs {
            let t = Instant::now();
            black_box(rego.routes(input).expect("eval"));
            reused.push(micros(t));

            let t = Instant::now();
            black_box(rego.routes_on_clone(input).expect("eval"));
            cloned.push(micros(t));

            let t = Instant::now();
            black_box(compiled.eval_with_input(input.to_value()).expect("eval"));
            via_compiled.push(micros(t));

            let t = Instant::now();
            black_box(input.to_value());
            input_only.push(micros(t));
        }
    }
    println!("\nregorus engine strategies over all cases (medians in µs, input value built inside each):");
    println!("  prepared engine reused           {:>8.1}", median(&reused));
    println!("  clone of the prepared engine     {:>8.1}", median(&cloned));
    println!("  CompiledPolicy::eval_with_input  {:>8.1}", median(&via_compiled));
    println!("  (building the input value alone  {:>8.2})", median(&input_only));
}
