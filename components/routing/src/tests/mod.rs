//! Native tests of the routing rules, with builders for default input cards.
//!
//! `rules` holds one or more unit tests per rule id the component cites;
//! `config` tests the region configuration keys one by one; `props` holds
//! the property tests over arbitrary inputs; `language` routes a broad set
//! of cases and the generated inputs in Dutch and in English and checks
//! that the language changes the words only. The other tests read the
//! English texts (a native configuration answers English). The builders below give an
//! accepted eight-year-old signal handled by a jeugdarts, with nothing
//! wrong; each test changes only what its rule reads.

mod config;
mod language;
mod props;
mod rules;

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use wegwijs_types::{
    Action, AgeBand, AgeSinceBirth, Band, ChildAge, ChildCase, Concern, Domain, Handler, InstrumentKind,
    InstrumentResult, IntakeCard, IntakeOutcome, Level, MeldcodeCard, MeldcodeConclusion, NoConfig, Partner, Reason,
    RiskCard, Route, RouteKind, RoutingCard, ScreeningCard, SourceCode, SourceKind, UnusableReason,
};

/// A case about an eight-year-old, handled by a jeugdarts, with nothing flagged.
pub(crate) fn case() -> ChildCase {
    let age = ChildAge::Born(AgeSinceBirth { months: 96, years: 8 });
    let source = SourceCode { code: "parent".to_string(), bds_code: Some("02".to_string()) };
    let mut c = ChildCase::new("p-0001", Some(age), source, Handler::Jeugdarts);
    c.gemeente = Some("GM0363".to_string());
    c.family_agrees_referral = true;
    c
}

/// An accepted intake card for the default case.
pub(crate) fn intake() -> IntakeCard {
    IntakeCard {
        outcome: IntakeOutcome::Accepted,
        source: SourceKind::Parent,
        bds_code: Some("02".to_string()),
        age_band: Some(AgeBand::FourToTwelve),
        age_months: Some(96),
        domains: vec![],
        concerns: vec![],
        safety_flag: false,
        acute_indicators: vec![],
        kindcheck_children: None,
        summary: "Signal accepted.".to_string(),
        warnings: vec![],
        reasons: vec![],
    }
}

/// A screening card with the given action and nothing else.
pub(crate) fn screening(action: Action) -> ScreeningCard {
    ScreeningCard {
        level: Level::None,
        action,
        child_action: if action == Action::S { Action::A0 } else { action },
        risk_card: RiskCard {
            risk_factors: vec![],
            protective_factors: vec![],
            level: Level::None,
            table: "test".to_string(),
        },
        instruments: vec![],
        meldcode: None,
        summary: String::new(),
        warnings: vec![],
        reasons: vec![],
    }
}

/// Sets the age on both the case and the intake card.
pub(crate) fn set_age(case: &mut ChildCase, intake: &mut IntakeCard, months: u16) {
    let years = u8::try_from(months / 12).unwrap_or(u8::MAX);
    case.age = Some(ChildAge::Born(AgeSinceBirth { months, years }));
    intake.age_months = Some(u32::from(months));
    intake.age_band = Some(match months {
        0..24 => AgeBand::ZeroToTwo,
        24..48 => AgeBand::TwoToFour,
        48..144 => AgeBand::FourToTwelve,
        144..192 => AgeBand::TwelveToSixteen,
        192..216 => AgeBand::SixteenToEighteen,
        _ => AgeBand::EighteenToTwentyThree,
    });
}

/// Adds a concern to the intake card (and its domain).
pub(crate) fn concern(intake: &mut IntakeCard, code: &str, domain: Domain) {
    intake.concerns.push(Concern { code: code.to_string(), domain });
    if !intake.domains.contains(&domain) {
        intake.domains.push(domain);
        intake.domains.sort();
    }
}

/// A valid SDQ in the abnormal band.
pub(crate) fn sdq_abnormal() -> InstrumentResult {
    InstrumentResult {
        instrument: InstrumentKind::Sdq,
        valid: true,
        level: Some(Level::Concern),
        band: Some(Band::Abnormal),
        sdq: None,
        unusable: None,
    }
}

/// An SDQ that could not be used, for `reason` (PS-UNUSABLE).
pub(crate) fn sdq_unusable(reason: UnusableReason) -> InstrumentResult {
    InstrumentResult {
        instrument: InstrumentKind::Sdq,
        valid: false,
        level: None,
        band: None,
        sdq: None,
        unusable: Some(reason),
    }
}

/// A meldcode card.
pub(crate) fn meldcode(conclusion: MeldcodeConclusion, acute: bool) -> MeldcodeCard {
    MeldcodeCard { conclusion, veilig_thuis_at_step_two: false, acute, next_step: 2 }
}

/// Runs routing without region configuration.
pub(crate) fn run(case: &ChildCase, intake: &IntakeCard, screening: &ScreeningCard) -> RoutingCard {
    crate::route(case, intake, screening, &NoConfig)
}

/// The route to `partner` of `kind`; fails the test when absent.
pub(crate) fn find(card: &RoutingCard, partner: Partner, kind: RouteKind) -> &Route {
    card.routes
        .iter()
        .find(|r| r.partner == partner && r.kind == kind)
        .unwrap_or_else(|| panic!("no {partner} {kind} route in {:#?}", card.routes))
}

/// Whether any reason cites `rule`.
pub(crate) fn cites(reasons: &[Reason], rule: &str) -> bool {
    reasons.iter().any(|r| r.rule == rule)
}

/// Whether any reason citing `rule` contains `text`.
pub(crate) fn cites_with(reasons: &[Reason], rule: &str, text: &str) -> bool {
    reasons.iter().any(|r| r.rule == rule && r.text.contains(text))
}

/// The partners of the card's routes, in order.
pub(crate) fn partners(card: &RoutingCard) -> Vec<Partner> {
    card.routes.iter().map(|r| r.partner).collect()
}

/// Every text on the card a professional reads: summary, care coordinator,
/// card reasons and warnings, and each route's reasons and conversation.
pub(crate) fn texts(card: &RoutingCard) -> Vec<&str> {
    let mut out: Vec<&str> = vec![card.summary.as_str()];
    out.extend(card.care_coordinator.as_deref());
    out.extend(card.reasons.iter().chain(&card.warnings).map(|r| r.text.as_str()));
    for r in &card.routes {
        out.push(r.conversation.as_str());
        out.extend(r.reasons.iter().map(|x| x.text.as_str()));
    }
    out
}

/// Every rule id the card cites, route reasons and warnings included.
pub(crate) fn all_rules(card: &RoutingCard) -> Vec<&str> {
    card.reasons
        .iter()
        .chain(&card.warnings)
        .chain(card.routes.iter().flat_map(|r| &r.reasons))
        .map(|r| r.rule.as_str())
        .collect()
}
