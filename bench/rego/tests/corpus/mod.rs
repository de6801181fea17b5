//! The signals the agreement test and the bench run over: the example
//! signals in `examples/signals`, and variants generated from a fixed seed.
//!
//! The variants are built as signal JSON and parsed with
//! [`Signal::from_json`], so every one is a signal the host would accept.
//! Their fields are drawn from small pools chosen to reach every part of
//! the child table: a concern code of every domain (medical included, for
//! the medical-first rule), risk factors red and not over the risk card's
//! three domains, instruments of every kind in every band and some unusable
//! (wrong age, missing answers), impact, duration and agreement for the
//! ladder's A3, acute unsafety and meldcode progress for action S, and a
//! kindcheck without children that intake closes. A seed keeps a failure
//! reproducible.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{Value, json};
use wegwijs::Signal;

/// The generator's seed ("wegwijs" in ASCII): the agreement test and the
/// bench draw the same variants. Change it to explore, keep it to reproduce.
pub(crate) const SEED: u64 = 0x0077_6567_7769_6A73;

/// The example signals, by file name, in name order.
pub(crate) fn examples() -> Vec<(String, Signal)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/signals");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/signals")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("example signal");
            let name = p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let signal = Signal::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, signal)
        })
        .collect()
}

/// `count` distinct generated signals (distinct as JSON), named `gen-N`.
pub(crate) fn generated(count: usize, seed: u64) -> Vec<(String, Signal)> {
    let mut rng = Rng(seed);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    // Duplicates are rare; the bound only guards against a pool too small.
    for _ in 0..count * 20 {
        if out.len() == count {
            break;
        }
        let json = variant(&mut rng);
        let text = json.to_string();
        if !seen.insert(text.clone()) {
            continue;
        }
        let signal = Signal::from_json(&text).unwrap_or_else(|e| panic!("generated signal {text}: {e}"));
        out.push((format!("gen-{}", out.len()), signal));
    }
    out
}

/// A small deterministic generator (SplitMix64): no dependency, and the same
/// corpus on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, pool: &[&'a str]) -> &'a str {
        pool[self.below(pool.len())]
    }

    /// Up to `max` distinct entries of `pool`, in pool order.
    fn some_of(&mut self, pool: &[&str], max: usize) -> Vec<String> {
        let n = self.below(max + 1);
        let mut chosen = BTreeSet::new();
        for _ in 0..n {
            chosen.insert(self.below(pool.len()));
        }
        chosen.into_iter().map(|i| pool[i].to_string()).collect()
    }
}

/// Concern codes: two of every domain of the intake vocabulary.
const CONCERNS: &[&str] = &[
    "low-mood",
    "behaviour-problems",
    "parenting-stress",
    "excessive-crying",
    "language-delay",
    "motor-delay",
    "school-absence",
    "learning-problems",
    "alcohol-use",
    "drug-use",
    "debts",
    "parental-mental-illness",
    "neglect",
    "witnessed-violence",
    "somatic-complaint",
    "growth-concern",
];

/// Risk factors over the card's three domains; the first four are red.
const RISK_FACTORS: &[&str] = &[
    "parent-addiction",
    "parent-psychiatric-crisis",
    "domestic-violence",
    "parent-aces-with-symptoms",
    "prematurity",
    "difficult-temperament",
    "parental-stress",
    "parental-conflict",
    "single-parent-without-support",
    "poverty",
    "debts",
    "poor-housing",
    "no-social-network",
];

const SOURCES: &[&str] = &[
    "parent",
    "youth",
    "jeugdverpleegkundige",
    "leerkracht",
    "intern-begeleider",
    "zorgcoordinator",
    "kinderopvang",
    "huisarts",
    "medisch-specialist",
    "sociaal-wijkteam",
];

const HANDLERS: &[&str] = &["jeugdarts", "jeugdverpleegkundige", "verpleegkundig-specialist"];

/// Ages in months across the instruments' windows and the age bands.
const AGES: &[u16] = &[2, 9, 16, 26, 40, 60, 96, 132, 158, 170, 200, 230];

const IMPACTS: &[&str] = &["none", "a-little", "quite", "a-lot"];
const DURATIONS: &[&str] = &["under-one-month", "one-to-five-months", "six-to-twelve-months", "over-one-year"];
const BANDS: &[&str] = &["normal", "borderline", "abnormal"];

/// One instrument result, usable or not for the child's age.
fn instrument(rng: &mut Rng) -> Value {
    match rng.below(4) {
        0 => {
            let version = rng.pick(&[
                "parent-two-to-four",
                "parent-four-to-seventeen",
                "teacher-four-to-seventeen",
                "self-eleven-to-seventeen",
            ]);
            // A level per answer set: mostly low, mid or high, so the total
            // lands in every band; now and then a few unanswered items,
            // which may leave a scale without three answers (incomplete).
            let high = rng.below(3);
            let gaps = if rng.chance(15) { 1 + rng.below(6) } else { 0 };
            let mut answers: Vec<Value> = (0..25)
                .map(|_| {
                    let base = match high {
                        0 => usize::from(rng.chance(25)),
                        1 => rng.below(3),
                        _ => 1 + rng.below(2),
                    };
                    json!(base)
                })
                .collect();
            for _ in 0..gaps {
                let i = rng.below(25);
                answers[i] = Value::Null;
            }
            json!({"sdq": {"version": version, "answers": answers}})
        }
        1 => json!({"spark": rng.pick(&["laag", "verhoogd", "hoog"])}),
        2 => json!({"giz": rng.pick(&["bevestiging", "advies", "zorg-nu", "intensieve-zorg"])}),
        _ => json!({"scored": {"instrument": rng.pick(&["dmo", "bitsea", "kivpa"]), "band": rng.pick(BANDS)}}),
    }
}

/// One generated signal as JSON.
fn variant(rng: &mut Rng) -> Value {
    let mut s = json!({
        "date": "2026-10-01",
        "source": {"code": rng.pick(SOURCES)},
        "handler": rng.pick(HANDLERS),
    });
    // A kindcheck without children and no child: intake closes the signal.
    if rng.chance(3) {
        s["source"] = json!({"code": "volwassenen-ggz"});
        s["kindcheck"] = json!({"children_ages": [], "cares_alone": rng.chance(50)});
        s["concerns"] = json!(rng.some_of(CONCERNS, 2));
        return s;
    }
    s["child"] = if rng.chance(4) {
        json!({"pregnancy_week": 20 + rng.below(20)})
    } else {
        json!({"age_months": AGES[rng.below(AGES.len())]})
    };
    s["concerns"] = json!(rng.some_of(CONCERNS, 4));
    // Many risk factors at once are what makes the card concern or high.
    let factors = if rng.chance(40) { rng.some_of(RISK_FACTORS, 7) } else { Vec::new() };
    s["risk_factors"] = json!(factors);
    let n = if rng.chance(60) { 1 + rng.below(2) } else { 0 };
    s["instruments"] = Value::Array((0..n).map(|_| instrument(rng)).collect());
    s["parents_concerned"] = json!(rng.chance(40));
    s["youth_concerned"] = json!(rng.chance(20));
    if rng.chance(60) {
        s["impact"] = json!(rng.pick(IMPACTS));
    }
    if rng.chance(60) {
        s["duration"] = json!(rng.pick(DURATIONS));
    }
    s["family_agrees_referral"] = json!(rng.chance(50));
    s["helpers_involved"] = json!(rng.below(4));
    s["gi_involved"] = json!(rng.chance(5));
    if rng.chance(6) {
        s["safety_indicators"] = json!([rng.pick(&["weapon-use", "serious-injury", "parent-intoxication"])]);
    }
    if rng.chance(12) {
        let maybe = |rng: &mut Rng| if rng.chance(50) { Value::Null } else { json!(rng.chance(50)) };
        s["meldcode"] = json!({
            "suspicion": rng.chance(80),
            "structural_unsafety": rng.chance(40),
            "help_possible": maybe(rng),
            "help_accepted": maybe(rng),
            "help_effective": maybe(rng),
            "telling_endangers": rng.chance(20),
        });
    }
    s
}
