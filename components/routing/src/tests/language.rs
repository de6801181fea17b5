//! The reader's language changes words only: every case of a broad fixed
//! set (each rule's branches, at every age CS-AGE distinguishes, under each
//! kind of region configuration) and every generated input of the property
//! tests is routed once in Dutch and once in English, and
//!
//! - no Dutch text carries an English template word
//!   ([`english_word_in`]), and none reads as reassurance on a safety card
//!   or beside an unusable instrument, or names the parents a 16+ youth
//!   excluded;
//! - the Dutch and the English card are the same card but for their texts:
//!   the same routes, partners, kinds, urgencies, verwijzers, handovers,
//!   disclosures, local names and rule ids, in the same order;
//! - every Dutch text differs from its English counterpart, so a sentence
//!   left untranslated is caught even when it avoids the English stopwords.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use proptest::prelude::*;
use wegwijs_kit::{Participants, english_word_in, reads_as_reassurance};
use wegwijs_types::{
    Action, AgeBand, ChildAge, ChildCase, Domain, Handler, IntakeCard, IntakeOutcome, Language, Level, MeldcodeCard,
    MeldcodeConclusion, MeldcodeInput, Reason, RegionConfig, RiskDomain, RiskFactor, RoutingCard, ScreeningCard,
    SourceKind, UnusableReason,
};

use super::props::{build, input};
use super::{case, concern, intake, meldcode, screening, sdq_abnormal, sdq_unusable, set_age, texts};

/// A region configuration that answers in a chosen language.
struct Config {
    /// The `[config]` keys.
    keys: BTreeMap<String, String>,
    /// The language the reader asked for.
    lang: Language,
}

impl RegionConfig for Config {
    fn get(&self, key: &str) -> Option<String> {
        self.keys.get(key).cloned()
    }

    fn language(&self) -> Language {
        self.lang
    }
}

/// The configurations every fixed case runs under: none, each hub, the
/// POH-jeugd, local names, and values the component does not understand.
fn configurations() -> Vec<BTreeMap<String, String>> {
    let sets: &[&[(&str, &str)]] = &[
        &[],
        &[
            ("routing.hub", "jgz-light-support"),
            ("partners.wijkteam.name", "Sociaal Team Noord"),
            ("partners.wijkteam.contact", "aanmeldoverleg op dinsdag"),
        ],
        &[("routing.hub", "poh-jeugd"), ("routing.poh-jeugd", "true")],
        &[("routing.hub", "jeugdarts"), ("routing.poh-jeugd", "true")],
        &[("routing.hub", "the best team"), ("routing.poh-jeugd", "maybe `not`")],
        &[("routing.hub", "poh-jeugd"), ("routing.poh-jeugd", "false")],
    ];
    sets.iter().map(|set| set.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()).collect()
}

/// Sets the age CS-AGE reads: before birth, unknown, or born at `months`,
/// and whether a 16+ youth objects to informing the parents.
fn set_participants(c: &mut ChildCase, i: &mut IntakeCard, age: Age) {
    match age {
        Age::Prenatal => {
            c.age = Some(ChildAge::Prenatal(Some(30)));
            i.age_months = None;
            i.age_band = Some(AgeBand::Prenatal);
        }
        Age::Unknown => {
            c.age = None;
            i.age_months = None;
            i.age_band = None;
        }
        Age::Months(m, objects) => {
            set_age(c, i, m);
            c.youth_objects_to_informing_parents = objects;
        }
    }
}

/// An age as CS-AGE distinguishes it.
#[derive(Debug, Clone, Copy)]
enum Age {
    /// Not yet born.
    Prenatal,
    /// Not known.
    Unknown,
    /// Born, this many months old; whether the youth objects to informing
    /// the parents (counts from 16).
    Months(u16, bool),
}

const AGES: &[Age] = &[
    Age::Prenatal,
    Age::Unknown,
    Age::Months(24, false),
    Age::Months(96, false),
    Age::Months(13 * 12, false),
    Age::Months(17 * 12, false),
    Age::Months(17 * 12, true),
    Age::Months(19 * 12, false),
];

/// A meldcode input with a suspicion and nothing else answered.
fn suspicion() -> MeldcodeInput {
    MeldcodeInput {
        suspicion: true,
        structural_unsafety: false,
        help_possible: None,
        help_accepted: None,
        help_effective: None,
        parents_told: None,
        telling_endangers: false,
    }
}

fn risk(code: &str, red: bool) -> RiskFactor {
    RiskFactor { code: code.to_string(), domain: RiskDomain::ParentFamily, red }
}

/// A safety card: action S with the ladder's `child` action and the
/// meldcode card `card`.
fn safety(s: &mut ScreeningCard, child: Action, card: MeldcodeCard) {
    s.action = Action::S;
    s.child_action = child;
    s.level = Level::Safety;
    s.meldcode = Some(card);
}

type Scenario = fn(&mut ChildCase, &mut IntakeCard, &mut ScreeningCard);

/// One case per branch of the rules: each changes the default accepted
/// signal (handled by a jeugdarts, nothing wrong) in what its rule reads.
const SCENARIOS: &[(&str, Scenario)] = &[
    ("a0", |_, _, _| {}),
    ("a1 psychosocial", |_, i, s| {
        concern(i, "low-mood", Domain::Psychosocial);
        s.action = Action::A1;
        s.child_action = Action::A1;
    }),
    ("a1 development and medical", |_, i, s| {
        concern(i, "language-delay", Domain::Development);
        concern(i, "growth", Domain::Medical);
        s.action = Action::A1;
        s.child_action = Action::A1;
    }),
    ("a1 family circumstances only", |_, i, s| {
        concern(i, "debts", Domain::FamilyCircumstances);
        s.action = Action::A1;
        s.child_action = Action::A1;
    }),
    ("a2 risk card high", |_, i, s| {
        concern(i, "bonding", Domain::ParentChild);
        s.action = Action::A2;
        s.child_action = Action::A2;
        s.level = Level::High;
        s.risk_card.level = Level::High;
        s.risk_card.risk_factors = vec![risk("a", true), risk("b", false), risk("c", false), risk("d", false)];
    }),
    ("a2 risk card concern with a red factor", |_, i, s| {
        concern(i, "bonding", Domain::ParentChild);
        s.action = Action::A2;
        s.child_action = Action::A2;
        s.level = Level::Concern;
        s.risk_card.level = Level::Concern;
        s.risk_card.risk_factors = vec![risk("the-young-parent", true)];
    }),
    ("a2 risk card concern", |_, _, s| {
        s.action = Action::A2;
        s.child_action = Action::A2;
        s.level = Level::Concern;
        s.risk_card.level = Level::Concern;
        s.risk_card.risk_factors = vec![risk("a", false), risk("b", false), risk("c", false), risk("d", false)];
    }),
    ("a2 abnormal instrument", |_, i, s| {
        concern(i, "anxiety", Domain::Psychosocial);
        s.action = Action::A2;
        s.child_action = Action::A2;
        s.instruments = vec![sdq_abnormal()];
    }),
    ("a2 abnormal instrument beside a high risk card", |_, i, s| {
        concern(i, "anxiety", Domain::Psychosocial);
        s.action = Action::A2;
        s.child_action = Action::A2;
        s.instruments = vec![sdq_abnormal()];
        s.risk_card.level = Level::High;
    }),
    ("a2 multi-domain", |_, i, s| {
        concern(i, "school-refusal", Domain::School);
        concern(i, "bonding", Domain::ParentChild);
        s.action = Action::A2;
        s.child_action = Action::A2;
    }),
    ("a2 nothing else", |_, _, s| {
        s.action = Action::A2;
        s.child_action = Action::A2;
    }),
    ("a3 suspected psychiatric", |_, i, s| {
        concern(i, "anxiety", Domain::Psychosocial);
        s.action = Action::A3;
        s.child_action = Action::A3;
        s.instruments = vec![sdq_abnormal()];
    }),
    ("a3 parenting", |_, i, s| {
        concern(i, "bonding", Domain::ParentChild);
        s.action = Action::A3;
        s.child_action = Action::A3;
    }),
    ("a3 no domain", |_, _, s| {
        s.action = Action::A3;
        s.child_action = Action::A3;
    }),
    ("a3 medical from a medisch specialist", |_, i, s| {
        concern(i, "growth", Domain::Medical);
        i.source = SourceKind::MedischSpecialist;
        s.action = Action::A3;
        s.child_action = Action::A3;
    }),
    ("a2 medical", |_, i, s| {
        concern(i, "growth", Domain::Medical);
        s.action = Action::A2;
        s.child_action = Action::A2;
    }),
    ("a3 school absence and substance use", |_, i, s| {
        concern(i, "school-absence", Domain::School);
        concern(i, "drug-use", Domain::SubstanceUse);
        s.action = Action::A3;
        s.child_action = Action::A3;
        s.level = Level::Concern;
    }),
    ("a3 by a jeugdverpleegkundige", |c, i, s| {
        c.handler = Handler::Jeugdverpleegkundige;
        concern(i, "anxiety", Domain::Psychosocial);
        s.action = Action::A3;
        s.child_action = Action::A3;
        s.instruments = vec![sdq_abnormal()];
    }),
    ("a3 by a verpleegkundig specialist, family declines warm handover", |c, i, s| {
        c.handler = Handler::VerpleegkundigSpecialist;
        c.family_declines_warm_handover = true;
        concern(i, "bonding", Domain::ParentChild);
        s.action = Action::A3;
        s.child_action = Action::A3;
    }),
    ("a3 with a gecertificeerde instelling", |c, i, s| {
        c.gi_involved = true;
        concern(i, "anxiety", Domain::Psychosocial);
        s.action = Action::A3;
        s.child_action = Action::A3;
        s.instruments = vec![sdq_abnormal()];
    }),
    ("parent addiction, not in treatment", |_, _, s| {
        s.action = Action::A1;
        s.child_action = Action::A1;
        s.risk_card.risk_factors = vec![risk("parent-addiction", false)];
    }),
    ("parent psychiatric problems, in treatment", |c, _, s| {
        c.parent_in_treatment = true;
        c.concerns = vec!["parent-psychiatric-problems".to_string()];
        s.action = Action::A1;
        s.child_action = Action::A1;
    }),
    ("parent in treatment, nothing coded", |c, _, _| {
        c.parent_in_treatment = true;
    }),
    ("kindcheck from verslavingszorg", |_, i, s| {
        i.source = SourceKind::Verslavingszorg;
        s.action = Action::A2;
        s.child_action = Action::A2;
    }),
    ("kindcheck from volwassenen-GGZ with a code", |c, i, _| {
        i.source = SourceKind::VolwassenenGgz;
        c.concerns = vec!["parental-mental-illness".to_string()];
    }),
    ("debts and divorce", |_, i, s| {
        concern(i, "debts", Domain::FamilyCircumstances);
        concern(i, "divorce", Domain::FamilyCircumstances);
        s.action = Action::A2;
        s.child_action = Action::A2;
    }),
    ("several helpers, multi-domain", |c, i, s| {
        c.helpers_involved = 3;
        concern(i, "school-refusal", Domain::School);
        concern(i, "bonding", Domain::ParentChild);
        s.action = Action::A2;
        s.child_action = Action::A2;
        s.level = Level::Concern;
    }),
    ("several organisations, no helpers", |_, i, s| {
        concern(i, "bonding", Domain::ParentChild);
        concern(i, "debts", Domain::FamilyCircumstances);
        s.action = Action::A3;
        s.child_action = Action::A3;
        s.risk_card.risk_factors = vec![risk("parent-addiction", false)];
    }),
    ("helpers without a real concern", |c, _, s| {
        c.helpers_involved = 2;
        s.action = Action::A1;
        s.child_action = Action::A1;
    }),
    ("one helper and a referral", |c, i, s| {
        c.helpers_involved = 1;
        concern(i, "bonding", Domain::ParentChild);
        concern(i, "debts", Domain::FamilyCircumstances);
        s.action = Action::A3;
        s.child_action = Action::A3;
    }),
    ("a0 beside an instrument outside its age range", |_, _, s| {
        s.instruments = vec![sdq_unusable(UnusableReason::OutsideAgeRange)];
    }),
    ("a0 beside every kind of unusable instrument", |_, _, s| {
        let mut invalid = sdq_unusable(UnusableReason::Incomplete);
        invalid.unusable = None;
        invalid.instrument = wegwijs_types::InstrumentKind::Dmo;
        s.instruments =
            vec![sdq_unusable(UnusableReason::WrongVersion), sdq_unusable(UnusableReason::Incomplete), invalid];
    }),
    ("reassess without an unusable instrument", |_, _, s| {
        s.action = Action::Reassess;
        s.child_action = Action::Reassess;
    }),
    ("melding", |c, _, s| {
        c.meldcode = Some(suspicion());
        safety(s, Action::A0, meldcode(MeldcodeConclusion::Melding, false));
    }),
    ("acute melding with indicators", |c, i, s| {
        c.meldcode = Some(suspicion());
        c.safety_indicators = vec!["weapon-use".to_string(), "the-threat".to_string()];
        i.safety_flag = true;
        safety(s, Action::A2, meldcode(MeldcodeConclusion::Melding, true));
        s.instruments = vec![sdq_abnormal()];
    }),
    ("melding after every afwegingskader question", |c, _, s| {
        c.meldcode = Some(MeldcodeInput {
            structural_unsafety: true,
            help_possible: Some(false),
            help_accepted: Some(false),
            help_effective: Some(false),
            ..suspicion()
        });
        safety(s, Action::A1, meldcode(MeldcodeConclusion::Melding, false));
    }),
    ("melding the parents were told of", |c, _, s| {
        c.meldcode = Some(MeldcodeInput { parents_told: Some(true), ..suspicion() });
        safety(s, Action::A3, meldcode(MeldcodeConclusion::Melding, false));
    }),
    ("melding where telling endangers, several helpers", |c, i, s| {
        c.meldcode = Some(MeldcodeInput { telling_endangers: true, ..suspicion() });
        c.helpers_involved = 2;
        concern(i, "bonding", Domain::ParentChild);
        concern(i, "debts", Domain::FamilyCircumstances);
        safety(s, Action::A3, meldcode(MeldcodeConclusion::Melding, false));
        s.risk_card.risk_factors = vec![risk("parent-addiction", false)];
    }),
    ("advice where telling endangers", |c, i, s| {
        c.meldcode = Some(MeldcodeInput { telling_endangers: true, ..suspicion() });
        c.gi_involved = true;
        concern(i, "anxiety", Domain::Psychosocial);
        safety(s, Action::A2, meldcode(MeldcodeConclusion::Assess, false));
        s.instruments = vec![sdq_abnormal()];
    }),
    ("advice", |c, i, s| {
        c.meldcode = Some(suspicion());
        concern(i, "bonding", Domain::ParentChild);
        safety(s, Action::A1, meldcode(MeldcodeConclusion::Assess, false));
    }),
    ("help", |c, _, s| {
        c.meldcode = Some(suspicion());
        safety(s, Action::A1, meldcode(MeldcodeConclusion::Help, false));
    }),
    ("closed meldcode track that asks for step 2", |_, _, s| {
        let mut card = meldcode(MeldcodeConclusion::Close, false);
        card.veilig_thuis_at_step_two = true;
        s.meldcode = Some(card);
        s.action = Action::A1;
        s.child_action = Action::A1;
    }),
    ("closed meldcode track", |_, _, s| {
        s.meldcode = Some(meldcode(MeldcodeConclusion::Close, false));
    }),
    ("melding at step 2", |c, _, s| {
        c.meldcode = Some(suspicion());
        let mut card = meldcode(MeldcodeConclusion::Melding, false);
        card.veilig_thuis_at_step_two = true;
        safety(s, Action::A0, card);
    }),
    ("advice at step 2", |_, _, s| {
        let mut card = meldcode(MeldcodeConclusion::Assess, false);
        card.veilig_thuis_at_step_two = true;
        safety(s, Action::A2, card);
    }),
    ("acute while screening asks for advice", |_, _, s| {
        safety(s, Action::A1, meldcode(MeldcodeConclusion::Assess, true));
    }),
    ("action S without a meldcode card", |_, _, s| {
        s.action = Action::S;
        s.child_action = Action::A1;
    }),
    ("action S without the ladder's action", |_, _, s| {
        safety(s, Action::S, meldcode(MeldcodeConclusion::Assess, false));
    }),
    ("intake's safety flag without a meldcode card", |_, i, s| {
        i.safety_flag = true;
        s.action = Action::S;
        s.child_action = Action::A2;
    }),
    ("closed by the kindcheck", |_, i, s| {
        i.outcome = IntakeOutcome::Closed;
        i.summary = "Kindcheck zonder kinderen in het gezin.".to_string();
        i.reasons.push(Reason::new("IN-KINDCHECK", "Geen kinderen."));
        s.action = Action::A3;
    }),
    ("closed without a summary", |_, i, _| {
        i.outcome = IntakeOutcome::Closed;
        i.summary = String::new();
    }),
    ("closed with acute unsafety", |_, i, _| {
        i.outcome = IntakeOutcome::Closed;
        i.safety_flag = true;
    }),
    ("a1 substance use", |_, i, s| {
        concern(i, "alcohol", Domain::SubstanceUse);
        s.action = Action::A1;
        s.child_action = Action::A1;
    }),
    ("a2 abnormal instrument with a school concern", |_, i, s| {
        concern(i, "anxiety", Domain::Psychosocial);
        concern(i, "learning", Domain::School);
        s.action = Action::A2;
        s.child_action = Action::A2;
        s.instruments = vec![sdq_abnormal()];
    }),
    ("borderline instruments and a risk card at concern", |_, _, s| {
        let mut borderline = sdq_abnormal();
        borderline.band = Some(wegwijs_types::Band::Borderline);
        borderline.level = Some(Level::Attention);
        let mut unbanded = sdq_abnormal();
        unbanded.band = None;
        unbanded.instrument = wegwijs_types::InstrumentKind::Kivpa;
        s.instruments = vec![borderline, unbanded];
        s.action = Action::A1;
        s.child_action = Action::A1;
        s.risk_card.level = Level::Concern;
    }),
];

/// The card without its texts: what must not change with the language.
fn skeleton(card: &RoutingCard) -> RoutingCard {
    let blank = |reasons: &[Reason]| -> Vec<Reason> { reasons.iter().map(|r| Reason::new(&r.rule, "")).collect() };
    let mut out = card.clone();
    out.summary = String::new();
    out.care_coordinator = card.care_coordinator.as_ref().map(|_| String::new());
    out.reasons = blank(&card.reasons);
    out.warnings = blank(&card.warnings);
    for r in &mut out.routes {
        r.conversation = String::new();
        r.reasons = blank(&r.reasons);
    }
    out
}

/// Routes the case in both languages and checks the Dutch card against
/// the English one; `Err` names the first problem.
fn compare(c: &ChildCase, i: &IntakeCard, s: &ScreeningCard, keys: &BTreeMap<String, String>) -> Result<(), String> {
    let route = |lang| crate::route(c, i, s, &Config { keys: keys.clone(), lang });
    let (nl, en) = (route(Language::Nl), route(Language::En));
    if skeleton(&nl) != skeleton(&en) {
        return Err(alloc::format!(
            "the language changed more than words:\nnl: {:#?}\nen: {:#?}",
            skeleton(&nl),
            skeleton(&en)
        ));
    }
    let (nl_texts, en_texts) = (texts(&nl), texts(&en));
    if nl_texts.len() != en_texts.len() {
        return Err(alloc::format!("{} Dutch texts, {} English", nl_texts.len(), en_texts.len()));
    }
    let unusable = s.instruments.iter().any(|x| !x.valid || x.unusable.is_some());
    let guarded = s.action == Action::S || unusable;
    let facts = wegwijs_kit::CaseFacts::read(c, i);
    for (dutch, english) in nl_texts.iter().zip(&en_texts) {
        if let Some(word) = english_word_in(dutch) {
            return Err(alloc::format!("English word {word:?} in the Dutch text: {dutch}"));
        }
        if !dutch.is_empty() && dutch == english {
            return Err(alloc::format!("Dutch text equals the English one: {dutch}"));
        }
        if guarded && reads_as_reassurance(dutch) {
            return Err(alloc::format!("reads as reassurance on a guarded card: {dutch}"));
        }
        if facts.participants == Participants::YouthAlone && dutch.to_lowercase().contains("ouders") {
            return Err(alloc::format!("names the parents the youth excluded: {dutch}"));
        }
    }
    Ok(())
}

#[test]
fn every_fixed_case_reads_in_dutch_and_changes_only_its_words() {
    let configs = configurations();
    let mut runs = 0;
    for (name, scenario) in SCENARIOS {
        for age in AGES {
            for keys in &configs {
                let (mut c, mut i, mut s) = (case(), intake(), screening(Action::A0));
                i.summary = "Signaal aangenomen.".to_string();
                set_participants(&mut c, &mut i, *age);
                scenario(&mut c, &mut i, &mut s);
                if let Err(problem) = compare(&c, &i, &s, keys) {
                    panic!("case {name:?}, age {age:?}, configuration {keys:?}: {problem}");
                }
                runs += 1;
            }
        }
    }
    assert_eq!(runs, SCENARIOS.len() * AGES.len() * configs.len());
}

#[test]
fn the_configured_language_is_the_one_written() {
    let (c, mut i, mut s) = (case(), intake(), screening(Action::A3));
    concern(&mut i, "anxiety", Domain::Psychosocial);
    s.instruments = vec![sdq_abnormal()];
    let route = |lang| crate::route(&c, &i, &s, &Config { keys: BTreeMap::new(), lang });
    let nl = route(Language::Nl);
    assert!(nl.summary.starts_with("2 routes, de meest urgente binnenkort: verwijzing jeugd-GGZ"), "{}", nl.summary);
    let referral = nl.routes.iter().find(|r| r.partner == wegwijs_types::Partner::JeugdGgz).expect("jeugd-GGZ route");
    assert!(
        referral.conversation.starts_with("Bespreek met de ouders de verwijzing naar de jeugd-GGZ"),
        "{}",
        referral.conversation
    );
    assert!(nl.reasons.iter().any(|r| r.rule == "G-HUMAN" && r.text == wegwijs_kit::recommendation_only(Language::Nl)));
    // A configuration that cannot say reads English, as every other test of this crate does.
    let en = crate::route(&c, &i, &s, &wegwijs_types::NoConfig);
    assert_eq!(en, route(Language::En));
    assert!(en.summary.starts_with("2 routes, the most urgent soon"), "{}", en.summary);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_generated_case_reads_in_dutch_and_changes_only_its_words(x in input(), config in 0..6usize) {
        let (c, i, s) = build(&x);
        let keys = configurations().swap_remove(config);
        if let Err(problem) = compare(&c, &i, &s, &keys) {
            prop_assert!(false, "{}", problem);
        }
    }
}
