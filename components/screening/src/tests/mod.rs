//! Native unit tests of the screening logic: one module per rule family,
//! plus property tests and the card in Dutch beside the card in English
//! (`language`). Shared builders for cases, intake cards, SDQ answers and
//! configuration, and the checks every card must pass (declared rule ids,
//! no reassurance where the region kit forbids it), live here. The rule
//! tests use a native configuration, which reads English: the language
//! they assert their sentences in.

use alloc::{collections::BTreeMap, string::String, vec, vec::Vec};

use wegwijs_types::{
    AcuteIndicator, AgeBand, ChildAge, ChildCase, Domain, Handler, InstrumentInput, IntakeCard, IntakeOutcome, Reason,
    ScreeningCard, SdqInput, SdqVersion, SourceCode, SourceKind,
};

use crate::sdq::{REVERSED_ITEMS, SCALE_ITEMS, Scale};

mod instruments;
mod ladder;
mod language;
mod meldcode;
mod participants;
mod props;
mod risk_card;
mod safety;
mod screen;
mod sdq;
mod unusable;

/// A school-age child (8 years) with nothing recorded.
pub(crate) fn case() -> ChildCase {
    let source = SourceCode { code: "parent".into(), bds_code: None };
    ChildCase::new("child-1", Some(ChildAge::ReportedMonths(96)), source, Handler::Jeugdarts)
}

/// An accepted intake card for a child of `months` (None: prenatal).
pub(crate) fn intake(months: Option<u32>) -> IntakeCard {
    IntakeCard {
        outcome: IntakeOutcome::Accepted,
        source: SourceKind::Parent,
        bds_code: None,
        age_band: if months.is_none() { Some(AgeBand::Prenatal) } else { None },
        age_months: months,
        domains: Vec::new(),
        concerns: Vec::new(),
        safety_flag: false,
        acute_indicators: Vec::new(),
        kindcheck_children: None,
        summary: String::new(),
        warnings: Vec::new(),
        reasons: Vec::new(),
    }
}

/// An intake card with concern domains.
pub(crate) fn intake_with_domains(months: u32, domains: &[Domain]) -> IntakeCard {
    IntakeCard { domains: domains.to_vec(), ..intake(Some(months)) }
}

/// An intake card with acute indicators and the safety flag.
pub(crate) fn acute_intake(indicators: &[AcuteIndicator]) -> IntakeCard {
    IntakeCard { safety_flag: true, acute_indicators: indicators.to_vec(), ..intake(Some(96)) }
}

/// A region configuration from key/value pairs.
pub(crate) fn config(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (String::from(*k), String::from(*v))).collect()
}

/// Whether any reason cites `rule`.
pub(crate) fn cites(reasons: &[Reason], rule: &str) -> bool {
    reasons.iter().any(|r| r.rule == rule)
}

/// The text of every reason citing `rule`, joined.
pub(crate) fn text_of(reasons: &[Reason], rule: &str) -> String {
    reasons.iter().filter(|r| r.rule == rule).map(|r| r.text.as_str()).collect::<Vec<_>>().join(" | ")
}

/// 25 answers that give exactly these raw scale scores (each 0–10), with
/// reverse items answered so that they contribute what is needed.
pub(crate) fn answers_for(emotional: u8, conduct: u8, hyperactivity: u8, peer: u8, prosocial: u8) -> Vec<Option<u8>> {
    let mut answers = vec![Some(0u8); 25];
    for (scale, items) in SCALE_ITEMS {
        let mut left = match scale {
            Scale::Emotional => emotional,
            Scale::Conduct => conduct,
            Scale::Hyperactivity => hyperactivity,
            Scale::Peer => peer,
            Scale::Prosocial => prosocial,
            Scale::Total => 0,
        };
        for item in items {
            let contribution = left.min(2);
            left -= contribution;
            let answer = if REVERSED_ITEMS.contains(&item) { 2 - contribution } else { contribution };
            answers[item - 1] = Some(answer);
        }
    }
    answers
}

/// Screens a case with one SDQ at the given age.
pub(crate) fn screen_sdq(version: SdqVersion, answers: Vec<Option<u8>>, months: u32) -> ScreeningCard {
    let mut c = case();
    c.instruments = vec![InstrumentInput::Sdq(SdqInput { version, answers })];
    crate::screen(&c, &intake(Some(months)), &wegwijs_types::NoConfig)
}

/// Every reason and warning of a card cites a rule id this crate declares.
pub(crate) fn assert_known_rules(card: &ScreeningCard) {
    for r in card.reasons.iter().chain(&card.warnings) {
        assert!(crate::RULE_IDS.contains(&r.rule.as_str()), "undeclared rule id {}", r.rule);
        assert!(wegwijs_types::is_well_formed_rule_id(&r.rule));
    }
}

/// Every sentence on a card: summary, reasons and warnings.
pub(crate) fn sentences(card: &ScreeningCard) -> Vec<&str> {
    let mut out = vec![card.summary.as_str()];
    out.extend(card.reasons.iter().chain(&card.warnings).map(|r| r.text.as_str()));
    out
}

/// No sentence on the card reads as reassurance (IN-SAFETY, PS-UNUSABLE),
/// and no reassurance rule is cited.
pub(crate) fn assert_no_reassurance(card: &ScreeningCard) {
    for t in sentences(card) {
        assert!(!wegwijs_kit::reads_as_reassurance(t), "reads as reassurance: {t}");
    }
    for r in card.reasons.iter().chain(&card.warnings) {
        assert!(!wegwijs_kit::REASSURANCE_RULES.contains(&r.rule.as_str()), "cites {}", r.rule);
    }
}
