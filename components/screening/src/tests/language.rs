//! The card in the reader's language: every case the rule tests build, a
//! deterministic sweep over the whole input space, and arbitrary cases,
//! screened once with a Dutch configuration and once with an English one.
//! The Dutch card carries no English word outside `backticks`, the two
//! cards differ in their texts only (the same level, action, scores and
//! rule ids in the same order), a Dutch text is never the English one left
//! untranslated, and the Dutch card keeps the guards of the English one: no
//! reassurance on a safety card or beside an unusable result, and no
//! mention of parents a 16+ youth has excluded.

use alloc::{
    collections::BTreeMap,
    format,
    string::{String, ToString},
    vec,
    vec::Vec,
};

use proptest::prelude::*;
use wegwijs_kit::{english_word_in, withheld_code};
use wegwijs_types::{
    Action, AcuteIndicator, AgeBand, Band, ChildCase, Concern, Domain, Duration, GizConclusion, Impact,
    InstrumentInput, IntakeCard, IntakeOutcome, Language, Level, MeldcodeInput, Reason, RegionConfig, ScoredInput,
    ScoredInstrument, ScreeningCard, SdqInput, SdqVersion, SparkRisk,
};

use super::props::{code, instrument, meldcode, names_the_parents};
use super::{answers_for, assert_known_rules, assert_no_reassurance, case, intake};
use crate::risk_card::{PROTECTIVE_FACTORS, RISK_FACTORS};

/// A region configuration with the reader's language and some keys.
struct Reader {
    lang: Language,
    keys: BTreeMap<String, String>,
}

impl RegionConfig for Reader {
    fn get(&self, key: &str) -> Option<String> {
        self.keys.get(key).cloned()
    }

    fn language(&self) -> Language {
        self.lang
    }
}

/// One case to screen: the child, the intake card and the region's keys.
#[derive(Debug, Clone)]
struct Case {
    child: ChildCase,
    intake: IntakeCard,
    keys: Vec<(String, String)>,
}

impl Case {
    fn screen(&self, lang: Language) -> ScreeningCard {
        let keys = self.keys.iter().cloned().collect();
        crate::screen(&self.child, &self.intake, &Reader { lang, keys })
    }
}

/// Every text of a card for people, with where it stands.
fn texts(card: &ScreeningCard) -> Vec<(String, &str)> {
    let mut all = vec![(String::from("summary"), card.summary.as_str())];
    all.push((String::from("risk card table"), card.risk_card.table.as_str()));
    for (n, r) in card.instruments.iter().enumerate() {
        if let Some(s) = &r.sdq {
            all.push((format!("instrument {n} norms"), s.norms.as_str()));
        }
    }
    all.extend(card.reasons.iter().map(|r| (format!("reason {}", r.rule), r.text.as_str())));
    all.extend(card.warnings.iter().map(|w| (format!("warning {}", w.rule), w.text.as_str())));
    all
}

/// The card with every text replaced by `other`'s, where both have one.
fn with_texts_of(card: &ScreeningCard, other: &ScreeningCard) -> ScreeningCard {
    let mut out = card.clone();
    out.summary.clone_from(&other.summary);
    out.risk_card.table.clone_from(&other.risk_card.table);
    for (mine, theirs) in out.instruments.iter_mut().zip(&other.instruments) {
        if let (Some(m), Some(t)) = (&mut mine.sdq, &theirs.sdq) {
            m.norms.clone_from(&t.norms);
        }
    }
    let swap = |mine: &mut Vec<Reason>, theirs: &[Reason]| {
        for (m, t) in mine.iter_mut().zip(theirs) {
            m.text.clone_from(&t.text);
        }
    };
    swap(&mut out.reasons, &other.reasons);
    swap(&mut out.warnings, &other.warnings);
    out
}

/// Screens `c` in both languages and says what is wrong, if anything.
fn compare(c: &Case) -> Result<(), String> {
    let nl = c.screen(Language::Nl);
    let en = c.screen(Language::En);
    let at = || format!("\ncase: {c:?}");

    // (a) No English word in a Dutch text.
    for (place, text) in texts(&nl) {
        if let Some(word) = english_word_in(text) {
            return Err(format!("English word {word:?} in the Dutch {place}: {text}{}", at()));
        }
    }

    // (b) The same card apart from its texts: the same rule ids in the same
    // order, and with the English texts swapped in, the English card.
    let rules = |rs: &[Reason]| rs.iter().map(|r| r.rule.clone()).collect::<Vec<_>>();
    if rules(&nl.reasons) != rules(&en.reasons) || rules(&nl.warnings) != rules(&en.warnings) {
        return Err(format!(
            "the Dutch and English cards cite other rules\nnl: {:?} / {:?}\nen: {:?} / {:?}{}",
            rules(&nl.reasons),
            rules(&nl.warnings),
            rules(&en.reasons),
            rules(&en.warnings),
            at()
        ));
    }
    if with_texts_of(&nl, &en) != en {
        return Err(format!("the Dutch and English cards differ beyond their texts\nnl: {nl:?}\nen: {en:?}{}", at()));
    }

    // (c) A Dutch text is not the English one where the English has words.
    for ((place, n), (_, e)) in texts(&nl).into_iter().zip(texts(&en)) {
        if e.chars().any(char::is_alphabetic) && (n.is_empty() || n == e) {
            return Err(format!("the Dutch {place} is not translated: {n:?} (English {e:?}){}", at()));
        }
    }

    // The Dutch card keeps the English card's guards.
    assert_known_rules(&nl);
    if nl.action == Action::S || nl.instruments.iter().any(|r| r.unusable.is_some()) {
        for (place, text) in texts(&nl) {
            if wegwijs_kit::reads_as_reassurance(text) {
                return Err(format!("the Dutch {place} reads as reassurance: {text}{}", at()));
            }
        }
        assert_no_reassurance(&en);
    }
    let sixteen = c.intake.age_months.is_some_and(|m| m >= 192);
    if sixteen && c.child.youth_objects_to_informing_parents {
        for (place, text) in texts(&nl) {
            if names_dutch_parents(text) {
                return Err(format!("the Dutch {place} names the parents: {text}{}", at()));
            }
        }
    }
    Ok(())
}

/// Whether a Dutch sentence names "de ouders" as people (not a code such
/// as `single-parent-without-support`, nor "ouder-kindrelatie").
fn names_dutch_parents(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices("ouders").any(|(i, _)| {
        let before = lower.get(..i).and_then(|s| s.chars().next_back());
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
    }) || names_the_parents(text)
}

fn strings(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|s| String::from(*s)).collect()
}

/// The plain case builder at `months` (None: before birth), changed by `f`.
fn at(months: Option<u32>, f: impl FnOnce(&mut ChildCase)) -> Case {
    let mut child = case();
    f(&mut child);
    Case { child, intake: intake(months), keys: Vec::new() }
}

fn sdq(version: SdqVersion, answers: Vec<Option<u8>>) -> InstrumentInput {
    InstrumentInput::Sdq(SdqInput { version, answers })
}

fn meld(
    suspicion: bool,
    structural: bool,
    possible: Option<bool>,
    accepted: Option<bool>,
    effective: Option<bool>,
    told: Option<bool>,
    endangers: bool,
) -> MeldcodeInput {
    MeldcodeInput {
        suspicion,
        structural_unsafety: structural,
        help_possible: possible,
        help_accepted: accepted,
        help_effective: effective,
        parents_told: told,
        telling_endangers: endangers,
    }
}

/// SDQ answer patterns: every band, prorated, missing scales, values out
/// of range, and the wrong number of answers.
fn sdq_answers() -> Vec<Vec<Option<u8>>> {
    let mut all = vec![
        answers_for(1, 1, 1, 1, 9),
        answers_for(4, 4, 4, 3, 8),
        answers_for(5, 4, 5, 4, 9),
        answers_for(8, 2, 5, 6, 5),
        answers_for(9, 9, 9, 9, 0),
        answers_for(5, 2, 7, 4, 7),
        vec![None; 25],
        vec![Some(1); 24],
        vec![Some(9); 25],
    ];
    let mut prorated = answers_for(3, 3, 3, 3, 6);
    prorated[2] = None;
    prorated[7] = None;
    all.push(prorated);
    let mut missing = answers_for(5, 4, 5, 4, 9);
    for item in [3, 8, 13, 5, 7, 12] {
        missing[item - 1] = None;
    }
    all.push(missing);
    let mut prosocial = answers_for(2, 2, 2, 2, 9);
    for item in [1, 4, 9] {
        prosocial[item - 1] = None;
    }
    all.push(prosocial);
    let mut range = answers_for(2, 2, 2, 2, 9);
    range[0] = Some(5);
    range[10] = Some(3);
    all.push(range);
    all
}

/// The cases of the rule tests: every table row, every rung of the ladder,
/// every meldcode answer, every instrument at the ages around its window,
/// every participant, the configuration keys and a closed intake.
fn rule_cases() -> Vec<Case> {
    let mut all = Vec::new();
    let ages = [None, Some(0), Some(13), Some(18), Some(30), Some(47), Some(48), Some(96), Some(140), Some(160)];
    let ages = ages.into_iter().chain([Some(200), Some(230), Some(300)]);

    // The risk card: every factor alone, the rule boundaries, both lists,
    // unknown and withheld codes.
    for f in RISK_FACTORS.factors {
        all.push(at(Some(10), |k| k.risk_factors = strings(&[f.code])));
    }
    for f in PROTECTIVE_FACTORS.factors {
        all.push(at(Some(10), |k| k.protective_factors = strings(&[f.code])));
    }
    for risks in [
        &["poverty"][..],
        &["poverty", "debts"],
        &["poverty", "debts", "poor-housing"],
        &["poverty", "debts", "poor-housing", "discrimination"],
        &["parental-stress", "unwanted-pregnancy", "teenage-parent", "parental-conflict", "parent-aces"],
        &["poverty", "prematurity", "parental-stress", "debts"],
        &["domestic-violence"],
        &["domestic-violence", "parent-addiction"],
        &["domestic-violence", "poverty"],
        &["parent-addiction", "prematurity", "no-social-network"],
        &["Poverty", " poverty ", "moon-phase", "x`the and"],
    ] {
        for helpers in [0, 1, 3] {
            all.push(at(Some(10), |k| {
                k.risk_factors = strings(risks);
                k.protective_factors = strings(&["social-network", "bogus", "social-network"]);
                k.helpers_involved = helpers;
            }));
        }
    }
    all.push(at(Some(10), |k| {
        k.risk_factors = vec![withheld_code(0), "x".repeat(500)];
        k.protective_factors = vec![withheld_code(1)];
    }));

    // Every instrument at the ages around its window, with every outcome.
    for age in ages.clone() {
        for version in SdqVersion::ALL {
            for answers in sdq_answers() {
                all.push(at(age, |k| k.instruments = vec![sdq(*version, answers.clone())]));
            }
        }
        for risk in SparkRisk::ALL {
            all.push(at(age, |k| k.instruments = vec![InstrumentInput::Spark(*risk)]));
        }
        for conclusion in GizConclusion::ALL {
            all.push(at(age, |k| k.instruments = vec![InstrumentInput::Giz(*conclusion)]));
        }
        for instrument in ScoredInstrument::ALL {
            for band in Band::ALL {
                all.push(at(age, |k| {
                    k.instruments = vec![InstrumentInput::Scored(ScoredInput { instrument: *instrument, band: *band })]
                }));
            }
        }
        all.push(at(age, |_| {}));
        all.push(at(age, |k| {
            k.instruments = vec![
                sdq(SdqVersion::ParentFourToSeventeen, answers_for(5, 4, 5, 4, 9)),
                sdq(SdqVersion::TeacherFourToSeventeen, vec![None; 25]),
                sdq(SdqVersion::ParentTwoToFour, answers_for(1, 1, 1, 1, 9)),
            ]
        }));
    }
    // Prenatal: the intake's age band says so.
    for c in [at(None, |_| {}), at(None, |k| k.instruments = vec![InstrumentInput::Spark(SparkRisk::Hoog)])] {
        let mut c = c;
        c.intake.age_band = Some(AgeBand::Prenatal);
        all.push(c);
    }

    // The concern-domain fallback: every domain alone and in pairs.
    for d in Domain::ALL {
        for e in Domain::ALL {
            for months in [Some(96), None] {
                let mut c = at(months, |_| {});
                c.intake.domains = if d == e { vec![*d] } else { vec![*d, *e] };
                all.push(c);
            }
        }
    }

    // The ladder: every rung, for every participant, with every concern.
    let normal = || sdq(SdqVersion::ParentFourToSeventeen, answers_for(1, 1, 1, 1, 9));
    let abnormal = || sdq(SdqVersion::SelfElevenToSeventeen, answers_for(8, 2, 5, 6, 5));
    let wrong = || sdq(SdqVersion::ParentFourToSeventeen, answers_for(8, 2, 5, 6, 5));
    for months in [None, Some(30), Some(96), Some(160), Some(200)] {
        for objects in [false, true] {
            for (parents, youth) in [(false, false), (true, false), (false, true), (true, true)] {
                for instruments in [vec![], vec![normal()], vec![abnormal()], vec![wrong()], vec![normal(), wrong()]] {
                    for (impact, duration, agrees) in [
                        (None, None, false),
                        (Some(Impact::ALot), Some(Duration::OverOneYear), true),
                        (Some(Impact::Quite), Some(Duration::SixToTwelveMonths), false),
                        (Some(Impact::ALittle), Some(Duration::UnderOneMonth), true),
                    ] {
                        all.push(at(months, |k| {
                            k.youth_objects_to_informing_parents = objects;
                            k.parents_concerned = parents;
                            k.youth_concerned = youth;
                            k.instruments = instruments.clone();
                            k.impact = impact;
                            k.duration = duration;
                            k.family_agrees_referral = agrees;
                        }));
                    }
                }
                all.push(at(months, |k| {
                    k.youth_objects_to_informing_parents = objects;
                    k.parents_concerned = parents;
                    k.youth_concerned = youth;
                    k.risk_factors = strings(&["poverty", "debts"]);
                }));
            }
        }
    }

    // The meldcode: every answer, for every participant, and acute
    // indicators with and without the step-2 ones.
    let options = [None, Some(true), Some(false)];
    for months in [Some(96), Some(160), Some(200)] {
        for objects in [false, true] {
            for suspicion in [false, true] {
                for structural in [false, true] {
                    for possible in options {
                        for accepted in options {
                            for effective in options {
                                for (told, endangers) in [(None, false), (Some(true), false), (Some(false), true)] {
                                    all.push(at(months, |k| {
                                        k.youth_objects_to_informing_parents = objects;
                                        k.instruments = vec![normal()];
                                        k.impact = Some(Impact::ALot);
                                        k.duration = Some(Duration::OverOneYear);
                                        k.meldcode = Some(meld(
                                            suspicion, structural, possible, accepted, effective, told, endangers,
                                        ));
                                    }));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    for indicator in AcuteIndicator::ALL {
        for months in [Some(96), Some(200)] {
            let mut c = at(months, |k| k.youth_objects_to_informing_parents = true);
            c.intake.safety_flag = true;
            c.intake.acute_indicators = vec![*indicator];
            all.push(c);
        }
    }
    let mut flag_only = at(Some(96), |k| k.instruments = vec![wrong()]);
    flag_only.intake.safety_flag = true;
    all.push(flag_only);
    for concern in ["fgm", "honour-related-violence", "forced-marriage", "neglect"] {
        let mut c = at(Some(96), |k| k.safety_indicators = strings(&["honour-revenge", "fgm"]));
        c.intake.concerns = vec![Concern { code: concern.into(), domain: Domain::Safety }];
        all.push(c);
    }
    let mut safety_domain = at(Some(96), |k| k.risk_factors = strings(&["domestic-violence"]));
    safety_domain.intake.domains = vec![Domain::Safety, Domain::Psychosocial];
    all.push(safety_domain);

    // The region's keys: valid and malformed values of every key read.
    let keyed = |keys: &[(&str, &str)]| {
        let mut c = at(Some(96), |k| {
            k.risk_factors = strings(&["poverty", "debts", "domestic-violence"]);
            k.instruments = vec![sdq(SdqVersion::ParentFourToSeventeen, answers_for(5, 2, 7, 4, 5))];
            k.impact = Some(Impact::ALittle);
            k.duration = Some(Duration::OneToFiveMonths);
        });
        c.keys = keys.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        c
    };
    for keys in [
        &[("screening.red-factors", "poverty, debts")][..],
        &[("screening.red-factors", "nonsense, the moon")],
        &[("screening.red-factors", "poverty,zzz,`x`")],
        &[("screening.red-factors", "")],
        &[("screening.sdq-norms.parent-four-to-seventeen.total", "10,12")],
        &[("screening.sdq-norms.parent-four-to-seventeen.total", "the worst")],
        &[
            ("screening.sdq-norms.parent-four-to-seventeen.prosocial", "8,5"),
            ("screening.sdq-norms.name", "Regio Noord"),
        ],
        &[("screening.sdq-norms.parent-four-to-seventeen.prosocial", "5,8")],
        &[("screening.sdq-norms.parent-four-to-seventeen.emotional", "2,3")],
        &[
            ("screening.ladder.referral-impact", "a-little, quite"),
            ("screening.ladder.referral-duration", "one-to-five-months"),
        ],
        &[("screening.ladder.referral-impact", "bogus, and more"), ("screening.ladder.referral-duration", "bogus")],
    ] {
        all.push(keyed(keys));
    }

    // A signal intake closed, with and without reasons.
    for reasons in [vec![], vec![Reason::new("IN-KINDCHECK", "geen kinderen"), Reason::new("IN-AGE", "x")]] {
        let mut c = at(Some(96), |k| k.risk_factors = strings(&["domestic-violence"]));
        c.intake.outcome = IntakeOutcome::Closed;
        c.intake.reasons = reasons;
        all.push(c);
    }
    all
}

/// A small deterministic generator, so the sweep is the same on every run.
struct Sweep(u64);

impl Sweep {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

/// A sweep over the whole input space: factors, instruments, ages,
/// concerns, meldcode answers, acute indicators and configuration mixed.
fn sweep_cases(n: usize) -> Vec<Case> {
    let risks: Vec<&str> = RISK_FACTORS.factors.iter().map(|f| f.code).collect();
    let protective: Vec<&str> = PROTECTIVE_FACTORS.factors.iter().map(|f| f.code).collect();
    let months = [None, Some(0), Some(13), Some(18), Some(24), Some(36), Some(47), Some(48), Some(96), Some(132)];
    let months: Vec<Option<u32>> =
        months.into_iter().chain([Some(156), Some(180), Some(192), Some(216), Some(276)]).collect();
    let options = [None, Some(true), Some(false)];
    let mut r = Sweep(42);
    let mut all = Vec::new();
    for _ in 0..n {
        let age = r.pick(&months);
        let mut c = at(age, |k| {
            for _ in 0..r.below(7) {
                k.risk_factors.push(String::from(if r.chance(90) { r.pick(&risks) } else { "moon-phase" }));
            }
            for _ in 0..r.below(4) {
                k.protective_factors.push(String::from(r.pick(&protective)));
            }
            for _ in 0..r.below(3) {
                let input = match r.below(5) {
                    0 | 1 => {
                        let answers = (0..if r.chance(90) { 25 } else { r.pick(&[0, 24, 26]) })
                            .map(|_| if r.chance(8) { None } else { Some(r.pick(&[0, 1, 2, 2, 7])) })
                            .collect();
                        sdq(r.pick(SdqVersion::ALL), answers)
                    }
                    2 => InstrumentInput::Spark(r.pick(SparkRisk::ALL)),
                    3 => InstrumentInput::Giz(r.pick(GizConclusion::ALL)),
                    _ => InstrumentInput::Scored(ScoredInput {
                        instrument: r.pick(ScoredInstrument::ALL),
                        band: r.pick(Band::ALL),
                    }),
                };
                k.instruments.push(input);
            }
            k.parents_concerned = r.chance(30);
            k.youth_concerned = r.chance(20);
            k.family_agrees_referral = r.chance(40);
            k.youth_objects_to_informing_parents = r.chance(30);
            k.helpers_involved = u8::try_from(r.below(3)).unwrap_or(0);
            k.impact = r.chance(60).then(|| r.pick(Impact::ALL));
            k.duration = r.chance(60).then(|| r.pick(Duration::ALL));
            if r.chance(30) {
                k.meldcode = Some(meld(
                    r.chance(50),
                    r.chance(15),
                    r.pick(&options),
                    r.pick(&options),
                    r.pick(&options),
                    r.pick(&options),
                    r.chance(20),
                ));
            }
        });
        for _ in 0..r.below(3) {
            c.intake.domains.push(r.pick(Domain::ALL));
        }
        if r.chance(10) {
            c.intake.acute_indicators.push(r.pick(AcuteIndicator::ALL));
            c.intake.safety_flag = true;
        }
        if age.is_none() && r.chance(50) {
            c.intake.age_band = Some(AgeBand::Prenatal);
        }
        if r.chance(10) {
            c.keys.push(("screening.red-factors".into(), r.pick(&["poverty, debts", "nonsense"]).into()));
        }
        if r.chance(10) {
            let value = r.pick(&["10,12", "x", "30,20"]);
            c.keys.push(("screening.sdq-norms.parent-four-to-seventeen.total".into(), value.into()));
        }
        if r.chance(8) {
            c.keys.push(("screening.ladder.referral-impact".into(), r.pick(&["a-little", "bogus"]).into()));
        }
        all.push(c);
    }
    all
}

#[test]
fn every_rule_case_reads_in_dutch_and_matches_the_english_card() {
    let cases = rule_cases();
    assert!(cases.len() > 3000, "{} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| compare(c).err()).collect();
    let shown: Vec<&String> = failures.iter().take(5).collect();
    assert!(failures.is_empty(), "{} of {} cases fail:\n{shown:#?}", failures.len(), cases.len());
}

#[test]
fn a_sweep_over_the_input_space_reads_in_dutch_and_matches_the_english_card() {
    let cases = sweep_cases(3000);
    let failures: Vec<String> = cases.iter().filter_map(|c| compare(c).err()).collect();
    let shown: Vec<&String> = failures.iter().take(5).collect();
    assert!(failures.is_empty(), "{} of {} cases fail:\n{shown:#?}", failures.len(), cases.len());
}

#[test]
fn a_native_configuration_reads_english_and_dutch_is_asked_for() {
    let c = at(Some(96), |k| k.instruments = vec![sdq(SdqVersion::ParentFourToSeventeen, answers_for(5, 4, 5, 4, 9))]);
    assert_eq!(crate::screen(&c.child, &c.intake, &wegwijs_types::NoConfig), c.screen(Language::En));
    let nl = c.screen(Language::Nl);
    assert_eq!(nl.summary, "Niveau zorg, actie A2: SDQ-totaalscore 18 (afwijkend, ouderversie 4–17)");
    assert_eq!((nl.level, nl.action), (Level::Concern, Action::A2));
    let bands = nl.reasons.iter().find(|r| r.rule == "PS-SDQ-BANDS").map(|r| r.text.as_str()).unwrap_or("");
    assert!(bands.starts_with("De totale moeilijkhedenscore van de SDQ ouderversie 4–17 is 18: afwijkend"), "{bands}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_cases_read_in_dutch_and_match_the_english_card(
        risks in prop::collection::vec(code(), 0..8),
        protective in prop::collection::vec(code(), 0..3),
        instruments in prop::collection::vec(instrument(), 0..4),
        months in prop::option::of(0u32..300),
        domains in prop::collection::vec(prop::sample::select(Domain::ALL), 0..4),
        indicators in prop::collection::vec(prop::sample::select(AcuteIndicator::ALL), 0..2),
        meld in meldcode(),
        red in prop::option::of(code()),
        flags in any::<(bool, bool, bool, bool)>(),
    ) {
        let mut c = at(months, |k| {
            k.risk_factors = risks;
            k.protective_factors = protective;
            k.instruments = instruments;
            k.meldcode = meld;
            k.parents_concerned = flags.0;
            k.youth_concerned = flags.1;
            k.family_agrees_referral = flags.2;
            k.youth_objects_to_informing_parents = flags.3;
        });
        c.intake.domains = domains;
        c.intake.safety_flag = !indicators.is_empty();
        c.intake.acute_indicators = indicators;
        if let Some(red) = red {
            c.keys.push(("screening.red-factors".into(), red));
        }
        if let Err(e) = compare(&c) {
            prop_assert!(false, "{}", e);
        }
    }
}
