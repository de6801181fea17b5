//! The Rego rendition of the child route table agrees with the native
//! routing stage, case by case.
//!
//! Every example signal and a seeded set of generated variants runs through
//! native intake, screening and routing (national defaults, no region
//! configuration); the child's routes picked from the native card must equal,
//! in order, the routes `routing.rego` gives for the same case. The test
//! also checks that the corpus reaches every card action, every trigger, and
//! every row of the table, so a row dropped or changed in the policy cannot
//! pass for want of a case that needs it.
//!
//! The reference screening alone cannot reach two parts of the table. Its
//! ladder gives A2 only at level concern, which only the risk card (a
//! risk-card trigger), an abnormal instrument (instrument-abnormal) or two
//! concern domains (multi-domain) give, so the A2 fallback row never fires
//! after it; and it gives reassess, never A0, beside an unusable result, so
//! routing's own A0-to-reassess step never runs. Both are there for a
//! region's screening component, whose card routing must take as it comes.
//! So every third generated case is also routed with the screening card's
//! action replaced by each other action (and on S, a child-action beside
//! it), as a region's screening might decide; those cases have no signal of
//! their own, and the bench does not time them.

mod corpus;

use std::collections::{BTreeMap, BTreeSet};

use wegwijs_rego_bench::{ChildRoute, RegoInput, RegoRouting, native_child_routes, trigger_name};
use wegwijs_routing::CHILD_ROUTES;
use wegwijs_types::{Action, ChildCase, IntakeCard, NoConfig, ScreeningCard};

/// How many variants to generate beside the examples.
const GENERATED: usize = 1500;

/// One case of the corpus, run natively.
struct Case {
    /// Example file name or `gen-N`.
    name: String,
    /// The case as components see it, for counting distinct cases.
    case: wegwijs_types::ChildCase,
    /// The screening card's action.
    action: Action,
    /// The screening card's child-action.
    child_action: Action,
    /// The policy's input.
    input: RegoInput,
    /// The child's routes on the native card.
    native: Vec<ChildRoute>,
}

/// Routes one case natively and reads the policy's input from the same cards.
fn run(name: String, case: &ChildCase, intake: &IntakeCard, screening: &ScreeningCard) -> Case {
    let card = wegwijs_routing::route(case, intake, screening, &NoConfig);
    Case {
        name,
        case: case.clone(),
        action: screening.action,
        child_action: screening.child_action,
        input: RegoInput::from_cards(case, intake, screening),
        native: native_child_routes(&card),
    }
}

/// The examples and generated signals through the reference stages, then
/// every third generated case again with a region-like screening action.
fn corpus() -> (Vec<Case>, usize) {
    let mut cases = Vec::new();
    let mut replaced = 0;
    let examples = corpus::examples();
    let generated = corpus::generated(GENERATED, corpus::SEED);
    for (n, (name, signal)) in examples.into_iter().chain(generated).enumerate() {
        let case = signal.to_case(b"agree");
        let intake = wegwijs_intake::assess(&case, &wegwijs_types::NoConfig);
        let screening = wegwijs_screening::screen(&case, &intake, &NoConfig);
        cases.push(run(name.clone(), &case, &intake, &screening));
        if !name.starts_with("gen-") || n % 3 != 0 {
            continue;
        }
        for (k, action) in Action::ALL.iter().copied().enumerate() {
            if action == screening.action {
                continue;
            }
            let mut card = screening.clone();
            card.action = action;
            // Beside S, a child-action that differs from case to case (S
            // itself included: routing then proposes no child route).
            card.child_action = if action == Action::S { Action::ALL[(n + k) % Action::ALL.len()] } else { action };
            cases.push(run(format!("{name}/{action}+{}", card.child_action), &case, &intake, &card));
            replaced += 1;
        }
    }
    (cases, replaced)
}

fn show(routes: &[ChildRoute]) -> String {
    if routes.is_empty() {
        return "(none)".into();
    }
    routes.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

#[test]
fn policy_rows_transcribe_the_table() {
    let mut rego = RegoRouting::new().expect("policy loads");
    let rows = rego.rows().expect("rows evaluate");
    let table: Vec<[String; 5]> = CHILD_ROUTES
        .rows
        .iter()
        .map(|r| {
            [
                r.action.name().to_string(),
                trigger_name(r.trigger).to_string(),
                r.partner.name().to_string(),
                r.kind.name().to_string(),
                r.rule.to_string(),
            ]
        })
        .collect();
    assert_eq!(rows, table, "routing.rego's rows differ from CHILD_ROUTES");
}

#[test]
fn rego_agrees_with_native_child_routes() {
    let (cases, replaced) = corpus();
    let mut rego = RegoRouting::new().expect("policy loads");

    let mut failures = Vec::new();
    let mut actions = BTreeSet::new();
    // Card actions of the cases that come straight from a signal.
    let mut signal_actions: BTreeMap<Action, usize> = BTreeMap::new();
    let mut triggers: BTreeMap<&str, usize> = BTreeMap::new();
    let mut rows_fired = vec![0usize; CHILD_ROUTES.rows.len()];
    let mut closed = 0;
    let mut medical_suppressed = 0;
    let mut merged = 0;
    let mut safety_beside = 0;
    let mut a0_unusable = 0;
    for (n, c) in cases.iter().enumerate() {
        let routes = rego.routes(&c.input).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        if routes != c.native {
            failures.push(format!(
                "{}: input {:?}\n  native: {}\n  rego:   {}",
                c.name,
                c.input,
                show(&c.native),
                show(&routes)
            ));
        }
        // The prepared engine is reused; now and then a fresh clone must
        // agree, so no state leaks from one case into the next.
        if n % 10 == 0 {
            let fresh = rego.routes_on_clone(&c.input).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            assert_eq!(fresh, routes, "{}: reused and cloned engine differ", c.name);
        }

        let fired = rego.fired(&c.input).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        for i in &fired {
            rows_fired[*i] += 1;
        }
        if fired.len() > routes.len() {
            merged += 1;
        }
        actions.insert(c.action);
        if !c.name.contains('/') {
            *signal_actions.entry(c.action).or_default() += 1;
        }
        for (name, on) in c.input.triggers.named() {
            if on {
                *triggers.entry(name).or_default() += 1;
            }
        }
        closed += usize::from(c.input.intake_closed);
        let ladder = if c.action == Action::S { c.child_action } else { c.action };
        if ladder == Action::A0 && c.input.any_unusable && !routes.is_empty() {
            a0_unusable += 1;
        }
        if c.input.medical && matches!(ladder, Action::A2 | Action::A3) && routes.is_empty() {
            medical_suppressed += 1;
        }
        if c.action == Action::S && !routes.is_empty() {
            safety_beside += 1;
        }
    }

    // Distinct as routing sees them: the case with the screening card's actions.
    let distinct_cases: BTreeSet<String> =
        cases.iter().map(|c| format!("{:?} {} {}", c.case, c.action, c.child_action)).collect();
    let distinct_inputs: BTreeSet<String> = cases.iter().map(|c| format!("{:?}", c.input)).collect();
    println!(
        "{} cases ({} from signals, {replaced} with a replaced screening action; {} distinct, {} distinct \
         policy inputs); card actions {:?}, from signals alone {:?}; triggers {:?}; rows fired {:?}; merged {merged}, intake closed {closed}, \
         medical first without fallback {medical_suppressed}, child route beside S {safety_beside}, \
         A0 beside an unusable result {a0_unusable}",
        cases.len(),
        cases.len() - replaced,
        distinct_cases.len(),
        distinct_inputs.len(),
        actions,
        signal_actions,
        triggers,
        rows_fired
    );

    assert!(
        failures.is_empty(),
        "{} of {} cases disagree:\n{}",
        failures.len(),
        cases.len(),
        failures.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );

    // The corpus must be able to catch a wrong row.
    assert!(distinct_cases.len() >= 300, "only {} distinct cases", distinct_cases.len());
    for a in [Action::A0, Action::A1, Action::A2, Action::A3, Action::Reassess, Action::S] {
        assert!(actions.contains(&a), "no case with card action {a}");
    }
    for (name, _) in wegwijs_rego_bench::Triggers::default().named() {
        assert!(triggers.get(name).is_some_and(|n| *n > 0), "no case where trigger {name} holds");
    }
    for (i, count) in rows_fired.iter().enumerate() {
        let row = &CHILD_ROUTES.rows[i];
        assert!(*count > 0, "row {i} ({} {:?}) never produced a route", row.action, row.trigger);
    }
    assert!(merged > 0, "no case where two rows merged into one route");
    assert!(closed > 0, "no case intake closed");
    assert!(medical_suppressed > 0, "no medical case at A2/A3 where medical first held back the fallback");
    assert!(safety_beside > 0, "no case with the child's route beside action S");
    assert!(a0_unusable > 0, "no case where A0 beside an unusable result became reassess");
}
