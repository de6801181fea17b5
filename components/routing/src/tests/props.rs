//! Property tests over arbitrary actions, levels, handlers, flags and
//! upstream inconsistencies: routing never panics, never sends jeugd-GGZ a
//! referral without an authority verwijzer, never loses an acute melding,
//! always returns routes most urgent first, keeps the child's own route on
//! a safety card, never reads as reassurance on a safety card or beside an
//! unusable instrument, and never names the parents a 16+ youth excluded.

use alloc::string::String;
use alloc::vec::Vec;
use proptest::prelude::*;
use proptest::sample::select;
use wegwijs_types::{
    Action, AgeSinceBirth, Band, ChildAge, ChildCase, Concern, Domain, Handler, InstrumentKind, InstrumentResult,
    IntakeCard, IntakeOutcome, Level, MeldcodeCard, MeldcodeConclusion, MeldcodeInput, Partner, RiskDomain, RiskFactor,
    RouteKind, ScreeningCard, SourceKind, UnusableReason, Urgency, is_well_formed_rule_id,
};

use super::{all_rules, case, intake, run, screening, texts};
use crate::RULE_IDS;
use wegwijs_kit::{Participants, REASSURANCE_RULES, reads_as_reassurance};

const CODES: &[&str] = &[
    "debts",
    "housing-problems",
    "school-absence",
    "drug-use",
    "parent-addiction",
    "parent-psychiatric-problems",
    "parental-conflict",
    "anxiety",
    "",
    "DEBTS",
    "ünïcödé-ÿ-code-that-is-rather-long-and-keeps-going-on-and-on-and-on-and-on",
];

fn code() -> impl Strategy<Value = String> {
    prop_oneof![select(CODES).prop_map(String::from), "[a-z-]{0,12}", ".{0,300}"]
}

fn instrument() -> impl Strategy<Value = InstrumentResult> {
    (
        select(InstrumentKind::ALL),
        any::<bool>(),
        proptest::option::of(select(Level::ALL)),
        proptest::option::of(select(Band::ALL)),
    )
        .prop_map(|(instrument, valid, level, band)| InstrumentResult {
            instrument,
            valid,
            level,
            band,
            sdq: None,
            unusable: if valid { None } else { Some(UnusableReason::OutsideAgeRange) },
        })
}

fn meldcode_card() -> impl Strategy<Value = MeldcodeCard> {
    (select(MeldcodeConclusion::ALL), any::<bool>(), any::<bool>(), any::<u8>()).prop_map(
        |(conclusion, step_two, acute, next_step)| MeldcodeCard {
            conclusion,
            veilig_thuis_at_step_two: step_two,
            acute,
            next_step,
        },
    )
}

fn meldcode_input() -> impl Strategy<Value = MeldcodeInput> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<Option<bool>>(),
        any::<Option<bool>>(),
        any::<Option<bool>>(),
        any::<Option<bool>>(),
        any::<bool>(),
    )
        .prop_map(|(suspicion, structural, possible, accepted, effective, told, endangers)| MeldcodeInput {
            suspicion,
            structural_unsafety: structural,
            help_possible: possible,
            help_accepted: accepted,
            help_effective: effective,
            parents_told: told,
            telling_endangers: endangers,
        })
}

fn age() -> impl Strategy<Value = Option<ChildAge>> {
    proptest::option::of(prop_oneof![
        any::<Option<u8>>().prop_map(ChildAge::Prenatal),
        (any::<u16>()).prop_map(|m| ChildAge::Born(AgeSinceBirth { months: m, years: (m / 12) as u8 })),
        any::<u16>().prop_map(ChildAge::ReportedMonths),
    ])
}

/// One generated routing input: every field the rules read, arbitrary.
#[derive(Debug, Clone)]
pub(super) struct Input {
    action: Action,
    child_action: Action,
    level: Level,
    risk_level: Level,
    handler: Handler,
    source: SourceKind,
    outcome: IntakeOutcome,
    safety_flag: bool,
    age: Option<ChildAge>,
    intake_months: Option<u32>,
    domains: Vec<Domain>,
    concerns: Vec<(String, Domain)>,
    raw_concerns: Vec<String>,
    risks: Vec<(String, bool)>,
    instruments: Vec<InstrumentResult>,
    meldcode: Option<MeldcodeCard>,
    meldcode_input: Option<MeldcodeInput>,
    helpers: u8,
    flags: (bool, bool, bool, bool),
}

/// Arbitrary [`Input`]s, upstream inconsistencies included.
pub(super) fn input() -> impl Strategy<Value = Input> {
    (
        (
            select(Action::ALL),
            select(Level::ALL),
            select(Level::ALL),
            select(Handler::ALL),
            select(SourceKind::ALL),
            select(IntakeOutcome::ALL),
            select(Action::ALL),
        ),
        (any::<bool>(), age(), any::<Option<u32>>(), proptest::collection::vec(select(Domain::ALL), 0..6)),
        (
            proptest::collection::vec((code(), select(Domain::ALL)), 0..5),
            proptest::collection::vec(code(), 0..4),
            proptest::collection::vec((code(), any::<bool>()), 0..5),
            proptest::collection::vec(instrument(), 0..3),
        ),
        (
            proptest::option::of(meldcode_card()),
            proptest::option::of(meldcode_input()),
            any::<u8>(),
            any::<(bool, bool, bool, bool)>(),
        ),
    )
        .prop_map(|(a, b, c, d)| Input {
            action: a.0,
            child_action: a.6,
            level: a.1,
            risk_level: a.2,
            handler: a.3,
            source: a.4,
            outcome: a.5,
            safety_flag: b.0,
            age: b.1,
            intake_months: b.2,
            domains: b.3,
            concerns: c.0,
            raw_concerns: c.1,
            risks: c.2,
            instruments: c.3,
            meldcode: d.0,
            meldcode_input: d.1,
            helpers: d.2,
            flags: d.3,
        })
}

/// The case, intake card and screening card of a generated input.
pub(super) fn build(x: &Input) -> (ChildCase, IntakeCard, ScreeningCard) {
    let mut c = case();
    c.handler = x.handler;
    c.age = x.age.clone();
    c.concerns = x.raw_concerns.clone();
    c.meldcode = x.meldcode_input.clone();
    c.helpers_involved = x.helpers;
    (c.gi_involved, c.family_declines_warm_handover, c.youth_objects_to_informing_parents, c.parent_in_treatment) =
        x.flags;
    c.safety_indicators = x.raw_concerns.clone();
    let mut i = intake();
    i.outcome = x.outcome;
    i.source = x.source;
    i.safety_flag = x.safety_flag;
    i.age_months = x.intake_months;
    i.domains = x.domains.clone();
    i.concerns = x.concerns.iter().map(|(code, domain)| Concern { code: code.clone(), domain: *domain }).collect();
    let mut s = screening(x.action);
    s.child_action = x.child_action;
    s.level = x.level;
    s.risk_card.level = x.risk_level;
    s.risk_card.risk_factors = x
        .risks
        .iter()
        .map(|(code, red)| RiskFactor { code: code.clone(), domain: RiskDomain::ParentFamily, red: *red })
        .collect();
    s.instruments = x.instruments.clone();
    s.meldcode = x.meldcode.clone();
    (c, i, s)
}

/// Whether `text` holds `bad` ("1 routes") as a count of its own, not as
/// the end of "11 routes".
fn one_with_plural(text: &str, bad: &str) -> bool {
    text.match_indices(bad).any(|(i, _)| !text[..i].ends_with(|c: char| c.is_ascii_digit()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn routing_upholds_its_invariants(x in input()) {
        let (c, i, s) = build(&x);
        let card = run(&c, &i, &s);

        // Every referral to jeugdhulp carries a verwijzer that may refer.
        for r in card.routes.iter().filter(|r| r.partner.is_jeugdhulp() && r.kind == RouteKind::Referral) {
            prop_assert!(r.verwijzer.is_some_and(|v| v.is_authority()), "{:?}", r);
        }
        // Acute unsafety always yields an immediate melding.
        let acute_melding = x.meldcode.as_ref().is_some_and(|m| m.acute && m.conclusion == MeldcodeConclusion::Melding);
        if acute_melding || x.safety_flag || x.meldcode.as_ref().is_some_and(|m| m.acute) {
            prop_assert!(card.routes.iter().any(|r| r.partner == Partner::VeiligThuisMelding
                && r.kind == RouteKind::Melding
                && r.urgency == Urgency::Immediate));
            prop_assert_eq!(card.urgency, Urgency::Immediate);
        }
        // Most urgent first, and the card's urgency is the first route's.
        prop_assert!(card.routes.windows(2).all(|w| w[0].urgency <= w[1].urgency));
        prop_assert_eq!(card.urgency, card.routes.first().map_or(Urgency::NextContact, |r| r.urgency));
        // Closed and not acute: nothing routed.
        if x.outcome == IntakeOutcome::Closed && !x.safety_flag && !x.meldcode.as_ref().is_some_and(|m| m.acute) {
            prop_assert!(card.routes.is_empty());
        }
        // Well-formed, known rule ids; bounded strings; one route per partner and kind.
        let reasons = card.reasons.iter().chain(&card.warnings).chain(card.routes.iter().flat_map(|r| &r.reasons));
        for reason in reasons {
            prop_assert!(is_well_formed_rule_id(&reason.rule));
            prop_assert!(RULE_IDS.contains(&reason.rule.as_str()), "{}", reason.rule);
            prop_assert!(reason.text.len() <= 2048);
        }
        prop_assert!(card.reasons.len() + card.warnings.len() <= 64);
        // No reassurance on a safety card or beside an unusable instrument (IN-SAFETY, PS-UNUSABLE).
        let unusable = x.instruments.iter().any(|i| !i.valid || i.unusable.is_some());
        if x.action == Action::S || unusable {
            for t in texts(&card) {
                prop_assert!(!reads_as_reassurance(t), "reads as reassurance: {}", t);
            }
            for rule in REASSURANCE_RULES {
                prop_assert!(!all_rules(&card).contains(rule), "{} cited", rule);
            }
        }
        // A 16+ youth who excluded the parents finds them nowhere (CS-AGE).
        let prenatal = matches!(x.age, Some(ChildAge::Prenatal(_)));
        let months = x.intake_months.or_else(|| x.age.as_ref().and_then(ChildAge::whole_months));
        let who = Participants::of(if prenatal { None } else { months }, prenatal, x.flags.2);
        if who == Participants::YouthAlone {
            for t in texts(&card) {
                prop_assert!(!t.to_lowercase().contains("parents"), "mentions the parents: {}", t);
            }
        }
        // On the safety track the child's own route stays (IN-SAFETY).
        if x.outcome == IntakeOutcome::Accepted && x.action == Action::S {
            match x.child_action {
                Action::A1 | Action::Reassess => prop_assert!(card.routes.iter().any(|r| r.partner == Partner::JgzLightSupport)),
                Action::A2 => prop_assert!(all_rules(&card).contains(&"RT-A2") || all_rules(&card).contains(&"RT-A3")),
                Action::A3 => prop_assert!(all_rules(&card).contains(&"RT-A3")),
                Action::A0 | Action::S => prop_assert!(all_rules(&card).contains(&"IN-SAFETY")),
            }
        }
        // Counted nouns agree.
        for t in texts(&card) {
            for bad in ["route(s)", "factor(s)", "domain(s)", "helper(s)", "partner(s)", "parents is"] {
                prop_assert!(!t.contains(bad), "{}: {}", bad, t);
            }
            for bad in ["1 routes", "1 helpers", "1 partners", "1 risk factors", "1 concern domains"] {
                prop_assert!(!one_with_plural(t, bad), "{}: {}", bad, t);
            }
        }
        prop_assert!(card.summary.len() <= 2048);
        for (n, r) in card.routes.iter().enumerate() {
            prop_assert!(!card.routes.iter().skip(n + 1).any(|o| o.partner == r.partner && o.kind == r.kind));
            prop_assert!(r.conversation.len() <= 2048 && !r.conversation.is_empty());
            prop_assert!(r.disclosure.as_ref().is_none_or(|d| d.recipient == r.partner));
            prop_assert!(!r.reasons.is_empty());
        }
    }
}
