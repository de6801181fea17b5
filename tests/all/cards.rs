//! What a professional reads holds together (property tests on the
//! national pipeline, guideline brief IN-SAFETY, PS-UNUSABLE, CS-AGE):
//!
//! - a card with action S, or with an instrument that could not be used,
//!   contains nothing that reads as reassurance (the phrases and rule ids
//!   of `wegwijs_kit::REASSURANCE_*`, defined once);
//! - a 16+ youth who does not want the parents informed finds no text that
//!   mentions the parents;
//! - the routing summary, the card-level urgency sentence, the overall
//!   urgency and the headline are those of the final routes;
//! - level `unknown` goes with action `reassess` only, and with action S the
//!   child's own route stands beside the safety route.

use crate::util::host;
use proptest::prelude::*;
use wegwijs::types as m;
use wegwijs::{Decision, Signal, Status};
use wegwijs_kit as kit;

const CONCERNS: &[&str] = &[
    "behaviour-problems",
    "low-mood",
    "anxiety",
    "parenting-stress",
    "learning-problems",
    "school-absence",
    "somatic-complaint",
    "language-delay",
    "debts",
    "housing-problems",
    "parental-addiction",
    "alcohol-use",
    "domestic-violence",
];
const SAFETY: &[&str] = &["strangulation", "weapon-use", "serious-injury", "parent-intoxication"];
const RISKS: &[&str] = &["parental-stress", "poverty", "poor-housing", "parent-psychiatric-problems"];
const SDQ_VERSIONS: &[&str] =
    &["parent-two-to-four", "parent-four-to-seventeen", "teacher-four-to-seventeen", "self-eleven-to-seventeen"];
/// The five SDQ scales' items (1-based), PS-SDQ-SCORE.
const SCALES: [[usize; 5]; 5] =
    [[3, 8, 13, 16, 24], [5, 7, 12, 18, 22], [2, 10, 15, 21, 25], [6, 11, 14, 19, 23], [1, 4, 9, 17, 20]];

fn pick(codes: &'static [&'static str]) -> impl Strategy<Value = Vec<&'static str>> {
    proptest::sample::subsequence(codes, 0..=2.min(codes.len()))
}

prop_compose! {
    /// An SDQ in any version, sometimes with a scale left (nearly) blank so
    /// that its total cannot be scored.
    fn sdq()(
        version in proptest::sample::select(SDQ_VERSIONS),
        answers in proptest::collection::vec(prop_oneof![1 => Just(None), 9 => (0u8..=2).prop_map(Some)], 25),
        blank in proptest::option::of(0usize..4),
    ) -> serde_json::Value {
        let mut answers = answers;
        if let Some(scale) = blank {
            for item in &SCALES[scale][..3] {
                answers[item - 1] = None;
            }
        }
        serde_json::json!({ "sdq": { "version": version, "answers": answers } })
    }
}

prop_compose! {
    fn signal()(
        months in 1u32..(22 * 12),
        concerns in pick(CONCERNS),
        safety in prop_oneof![3 => Just(vec![]), 1 => pick(SAFETY)],
        risks in pick(RISKS),
        instruments in proptest::collection::vec(sdq(), 0..=1),
        parents_concerned in any::<bool>(),
        family_agrees_referral in any::<bool>(),
        impact in proptest::sample::select(&["none", "quite", "a-lot"][..]),
        duration in proptest::sample::select(&["under-one-month", "six-to-twelve-months"][..]),
        helpers_involved in 0u8..4,
        youth_objects in any::<bool>(),
        parent_in_treatment in any::<bool>(),
        telling_endangers in any::<bool>(),
    ) -> Signal {
        let meldcode = (!safety.is_empty() || concerns.contains(&"domestic-violence"))
            .then(|| serde_json::json!({ "suspicion": true, "telling_endangers": telling_endangers }));
        let v = serde_json::json!({
            "date": "2026-10-05",
            "child": { "age_months": months },
            "source": { "code": "jeugdverpleegkundige" },
            "handler": "jeugdverpleegkundige",
            "concerns": concerns,
            "safety_indicators": safety,
            "risk_factors": risks,
            "instruments": instruments,
            "parents_concerned": parents_concerned,
            "family_agrees_referral": family_agrees_referral,
            "impact": impact,
            "duration": duration,
            "helpers_involved": helpers_involved,
            "meldcode": meldcode,
            "youth_objects_to_informing_parents": youth_objects && months >= 16 * 12,
            "parent_in_treatment": parent_in_treatment,
        });
        Signal::from_json(&v.to_string()).unwrap()
    }
}

/// Every sentence a person reads on the card, with where it stands: the
/// headline, summaries, reasons, warnings, conversations, local names,
/// checklists and the guardrail notes. Codes and enum values are left out.
fn sentences(d: &Decision) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
        const READ: &[&str] =
            &["headline", "summary", "text", "conversation", "care_coordinator", "checklist", "legal_basis"];
        match v {
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    if k == "trace" || k == "provenance" {
                        continue;
                    }
                    let p = format!("{path}.{k}");
                    match x {
                        serde_json::Value::String(s) if READ.contains(&k.as_str()) => out.push((p, s.clone())),
                        serde_json::Value::Array(items) if k == "checklist" => {
                            for s in items.iter().filter_map(|i| i.as_str()) {
                                out.push((p.clone(), s.to_string()));
                            }
                        }
                        _ => walk(x, &p, out),
                    }
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(d).unwrap(), "", &mut out);
    out
}

/// Every rule id cited anywhere on the card.
fn cited(d: &Decision) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(serde_json::Value::String(r)) = o.get("rule") {
                    out.push(r.clone());
                }
                o.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(d).unwrap(), &mut out);
    out
}

fn unusable_instrument(d: &Decision) -> bool {
    d.screening.as_ref().is_some_and(|s| s.instruments.iter().any(|i| i.unusable.is_some()))
}

/// The first way the card contradicts itself or reassures falsely.
fn problem(signal: &Signal, d: &Decision) -> Option<String> {
    let safety = d.action == Some(m::Action::S);
    if safety || unusable_instrument(d) {
        if let Some((at, text)) = sentences(d).into_iter().find(|(_, t)| kit::reads_as_reassurance(t)) {
            return Some(format!("reassurance at {at} (action {:?}): {text}", d.action));
        }
        if let Some(rule) = cited(d).into_iter().find(|r| kit::REASSURANCE_RULES.contains(&r.as_str())) {
            return Some(format!("{rule} cited with action {:?}", d.action));
        }
    }
    if signal.youth_objects_to_informing_parents {
        if let Some((at, text)) = sentences(d).into_iter().find(|(_, t)| names_the_parents(t)) {
            return Some(format!("the youth excluded the parents, yet {at} names them: {text}"));
        }
        if d.consent.iter().any(|c| c.inform.contains(&m::Party::Parents) || c.consent_of.contains(&m::Party::Parents))
        {
            return Some("the youth excluded the parents, yet a consent card asks or informs them".into());
        }
    }
    // Unknown goes with reassess; reassess also stands beside a usable
    // result at level none, never beside one that carries a level.
    let reassess = d.action == Some(m::Action::Reassess);
    if (d.level == Some(m::Level::Unknown) && !reassess) || (reassess && d.level > Some(m::Level::None)) {
        return Some(format!("level {:?} with action {:?}", d.level, d.action));
    }
    if let Some(r) = &d.routing {
        let lang = wegwijs::Language::from_tag(&d.language).expect("a decision names its language");
        if let Some(summary) = kit::routes_summary(&r.routes, lang)
            && !r.summary.starts_with(&summary)
        {
            return Some(format!("routing summary `{}` is not that of the final routes `{summary}`", r.summary));
        }
        if r.urgency != r.routes.first().map_or(m::Urgency::NextContact, |x| x.urgency) || d.urgency != r.urgency {
            return Some(format!("urgency {:?} / {:?} is not the first route's", r.urgency, d.urgency));
        }
        let overall: Vec<&m::Reason> = r.reasons.iter().filter(|x| x.rule == "RT-URGENCY").collect();
        if !r.routes.is_empty() && overall.iter().map(|x| &x.text).ne([&kit::overall_urgency_sentence(&r.routes, lang)])
        {
            return Some(format!("card-level RT-URGENCY {overall:?} is not that of the final routes"));
        }
        let count = match (r.routes.len(), lang) {
            (0, wegwijs::Language::Nl) => String::from("geen route"),
            (0, wegwijs::Language::En) => String::from("no route"),
            (1, _) => String::from("; 1 route: "),
            (n, wegwijs::Language::Nl) => format!("; {n} routes, eerst: "),
            (n, wegwijs::Language::En) => format!("; {n} routes, first: "),
        };
        if d.status == Status::Decided && !d.headline.contains(&count) {
            return Some(format!("headline `{}` does not count {} routes", d.headline, r.routes.len()));
        }
        if safety
            && let Some(s) = &d.screening
            && matches!(s.child_action, m::Action::A1 | m::Action::A2 | m::Action::A3)
        {
            let safety_partner = |p: m::Partner| {
                matches!(p, m::Partner::VeiligThuisMelding | m::Partner::VeiligThuisAdvice | m::Partner::Verwijsindex)
            };
            let first_child = r.routes.iter().position(|x| !safety_partner(x.partner));
            let last_safety = r
                .routes
                .iter()
                .rposition(|x| matches!(x.partner, m::Partner::VeiligThuisMelding | m::Partner::VeiligThuisAdvice));
            match (first_child, last_safety) {
                (None, _) => return Some(format!("action S beside {:?}, but no route for the child", s.child_action)),
                (Some(c), Some(l)) if c < l && r.routes[c].urgency < r.routes[l].urgency => {
                    return Some("the child's route is more urgent than the safety step".into());
                }
                _ => {}
            }
        }
    }
    None
}

/// Whether a sentence names "the parents" (plural: the parents with
/// gezag), as opposed to a parent's own care ("the parent concerned").
fn names_the_parents(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices("parents").any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_card_reassures_falsely_or_contradicts_itself(signal in signal()) {
        let d = host().decide(&signal).unwrap();
        if let Some(p) = problem(&signal, &d) {
            prop_assert!(false, "{}", p);
        }
    }
}

/// The property is not vacuous: over a fixed set of generated signals it
/// meets safety cards, unusable instruments, level unknown and excluded
/// parents, so each clause above is exercised.
#[test]
fn the_generated_signals_reach_every_clause() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut safety, mut unusable, mut unknown, mut excluded, mut beside) = (0, 0, 0, 0, 0);
    for _ in 0..300 {
        let signal = signal().new_tree(&mut runner).unwrap().current();
        let d = host().decide(&signal).unwrap();
        safety += usize::from(d.action == Some(m::Action::S));
        unusable += usize::from(unusable_instrument(&d));
        unknown += usize::from(d.level == Some(m::Level::Unknown));
        excluded += usize::from(signal.youth_objects_to_informing_parents);
        beside += usize::from(
            d.action == Some(m::Action::S)
                && d.screening.as_ref().is_some_and(|s| s.child_action != m::Action::A0)
                && d.routes().len() >= 2,
        );
    }
    for (what, n) in [
        ("action S", safety),
        ("unusable instruments", unusable),
        ("level unknown", unknown),
        ("excluded parents", excluded),
        ("a child's route beside S", beside),
    ] {
        assert!(n >= 3, "only {n} of 300 generated signals had {what}");
    }
}

#[test]
fn the_parents_check_tells_a_parents_own_care_apart() {
    assert!(names_the_parents("Discuss with the parents."));
    assert!(names_the_parents("The Parents' consent is missing."));
    assert!(!names_the_parents("Discuss with the parent concerned; refer through the parent's huisarts."));
    assert!(!names_the_parents("grandparents"));
}
