//! The results the component hands back, on the plain model types: a minimal
//! valid result for when there is no reference to echo, and the ways a
//! result is made hostile (an oversized list, an oversized string, a
//! malformed rule id) or read from JSON. The four stage results share one
//! trait so the dispatch in [`crate::respond()`] is written once.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use wegwijs_types::{
    Action, ConsentCard, ConsentOutcome, DataCategory, DisclosureRequest, Handover, IntakeCard, IntakeOutcome, Level,
    Partner, Purpose, Reason, RiskCard, Route, RouteKind, RoutingCard, ScreeningCard, SourceKind, Urgency,
};

use crate::mode::Stage;

/// Rule id cited by every reason of a minimal result.
pub const ECHO_RULE: &str = "HOSTILE-ECHO";
/// Rule id cited by the items of [`crate::Mode::HugeList`].
pub const HUGE_LIST_RULE: &str = "HOSTILE-HUGE-LIST";
/// Rule id cited by the reason carrying the text of [`crate::Mode::HugeString`] (consent only).
pub const HUGE_STRING_RULE: &str = "HOSTILE-HUGE-STRING";
/// Rule id cited by the reason carrying the text of [`crate::Mode::Forge`].
pub const FORGE_RULE: &str = "HOSTILE-FORGE";
/// What [`crate::Mode::Forge`] puts in a reason: each would clear a
/// terminal, retitle its window, forge a card line or reorder what a reader
/// sees, if a host printed it raw. The host must refuse every one.
pub const FORGED_TEXTS: &[&str] = &[
    "\u{1b}[2J\u{1b}[HAll clear: no action needed",
    "\u{1b}]0;wegwijs: all clear\u{7}",
    "Discuss with the parents.\n  [G-SAFETY]     ok     no safety concern",
    "Route \u{202e}SV ot gnidlem\u{202c} proposed",
    "\u{9b}2J C1 control sequence",
    "a\u{7f}b",
    "\u{2066}isolated\u{2069} text",
    "line\u{2028}separator",
];
/// The malformed rule id of [`crate::Mode::BadRuleId`].
pub const BAD_RULE_ID: &str = "not a rule id";

/// A stage's result type, with everything the hostile modes do to it.
pub trait StageResult: Sized {
    /// The stage this result belongs to.
    const STAGE: Stage;

    /// The part of the stage's arguments a minimal result depends on: the
    /// disclosure requests for consent (one card per request), nothing for
    /// the other stages.
    type Input: ?Sized;

    /// The smallest result the host accepts: no items, every reason citing
    /// [`ECHO_RULE`].
    fn minimal(input: &Self::Input) -> Self;

    /// Adds `reason` where the host checks rule ids: the card's reasons, or
    /// every consent card's reasons.
    fn add_reason(&mut self, reason: Reason);

    /// Pads the stage's main list to `count` items: reasons for intake and
    /// screening, routes for routing, cards for consent.
    fn pad_list(&mut self, count: usize);

    /// Puts a string of `text` into the result: the summary, or for consent
    /// the text of a reason on the first card.
    fn put_long_text(&mut self, text: String);

    /// Reads the result from the JSON `serde_json` writes for the model type.
    fn from_json(json: &str) -> Result<Self, serde_json::Error>;

    /// The result as JSON text, so [`crate::chaos`] can seed from it.
    fn fingerprint(&self) -> String;

    /// An arbitrary, well-formed result derived from `rng` and the reference.
    fn chaos(rng: &mut crate::chaos::Rng, input: &Self::Input, reference: Option<Self>) -> Self;
}

fn echo_reason(stage: Stage) -> Reason {
    Reason::new(
        ECHO_RULE,
        alloc::format!("The hostile test component had no reference {stage} result to echo; this is a minimal one."),
    )
}

/// A reason for padding. The text is empty because a padding item must cost
/// as little guest memory as possible: the point is the count, and the
/// result must still fit the sandbox's memory limit to reach the host.
fn padding_reason() -> Reason {
    Reason::new(HUGE_LIST_RULE, String::new())
}

impl StageResult for IntakeCard {
    const STAGE: Stage = Stage::Intake;
    type Input = ();

    fn minimal(_input: &()) -> Self {
        IntakeCard {
            outcome: IntakeOutcome::Accepted,
            source: SourceKind::Other,
            bds_code: None,
            age_band: None,
            age_months: None,
            domains: vec![],
            concerns: vec![],
            safety_flag: false,
            acute_indicators: vec![],
            kindcheck_children: None,
            summary: "Minimal intake card from the hostile test component.".into(),
            warnings: vec![],
            reasons: vec![echo_reason(Self::STAGE)],
        }
    }

    fn add_reason(&mut self, reason: Reason) {
        self.reasons.push(reason);
    }

    fn pad_list(&mut self, count: usize) {
        pad_reasons(&mut self.reasons, count);
    }

    fn put_long_text(&mut self, text: String) {
        self.summary = text;
    }

    fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    fn fingerprint(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn chaos(rng: &mut crate::chaos::Rng, input: &Self::Input, reference: Option<Self>) -> Self {
        crate::chaos::intake(rng, reference.unwrap_or_else(|| Self::minimal(input)))
    }
}

impl StageResult for ScreeningCard {
    const STAGE: Stage = Stage::Screening;
    type Input = ();

    fn minimal(_input: &()) -> Self {
        ScreeningCard {
            level: Level::None,
            action: Action::A0,
            child_action: Action::A0,
            risk_card: RiskCard {
                risk_factors: vec![],
                protective_factors: vec![],
                level: Level::None,
                table: "hostile".into(),
            },
            instruments: vec![],
            meldcode: None,
            summary: "Minimal screening card from the hostile test component.".into(),
            warnings: vec![],
            reasons: vec![echo_reason(Self::STAGE)],
        }
    }

    fn add_reason(&mut self, reason: Reason) {
        self.reasons.push(reason);
    }

    fn pad_list(&mut self, count: usize) {
        pad_reasons(&mut self.reasons, count);
    }

    fn put_long_text(&mut self, text: String) {
        self.summary = text;
    }

    fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    fn fingerprint(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn chaos(rng: &mut crate::chaos::Rng, input: &Self::Input, reference: Option<Self>) -> Self {
        crate::chaos::screening(rng, reference.unwrap_or_else(|| Self::minimal(input)))
    }
}

impl StageResult for RoutingCard {
    const STAGE: Stage = Stage::Routing;
    type Input = ();

    fn minimal(_input: &()) -> Self {
        RoutingCard {
            routes: vec![],
            one_plan: false,
            care_coordinator: None,
            urgency: Urgency::NextContact,
            summary: "Minimal routing card from the hostile test component.".into(),
            warnings: vec![],
            reasons: vec![echo_reason(Self::STAGE)],
        }
    }

    fn add_reason(&mut self, reason: Reason) {
        self.reasons.push(reason);
    }

    fn pad_list(&mut self, count: usize) {
        // Padding routes own no heap memory (empty strings and lists), so
        // the whole list stays small enough to be returned.
        let padding = Route {
            partner: Partner::JgzLightSupport,
            kind: RouteKind::Support,
            urgency: Urgency::NextContact,
            verwijzer: None,
            handover: Handover::None,
            local_name: None,
            conversation: String::new(),
            disclosure: None,
            reasons: vec![],
        };
        let missing = count.saturating_sub(self.routes.len());
        self.routes.reserve_exact(missing);
        self.routes.extend(core::iter::repeat_n(padding, missing));
    }

    fn put_long_text(&mut self, text: String) {
        self.summary = text;
    }

    fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    fn fingerprint(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn chaos(rng: &mut crate::chaos::Rng, input: &Self::Input, reference: Option<Self>) -> Self {
        crate::chaos::routing(rng, reference.unwrap_or_else(|| Self::minimal(input)))
    }
}

impl StageResult for Vec<ConsentCard> {
    const STAGE: Stage = Stage::Consent;
    type Input = [DisclosureRequest];

    fn minimal(requests: &[DisclosureRequest]) -> Self {
        requests.iter().map(|request| minimal_consent(request.clone())).collect()
    }

    /// With no card to carry it, one card for a made-up request is added, so
    /// the malformed id still reaches the host.
    fn add_reason(&mut self, reason: Reason) {
        if self.is_empty() {
            self.push(minimal_consent(made_up_request()));
        }
        for card in self.iter_mut() {
            card.reasons.push(reason.clone());
        }
    }

    fn pad_list(&mut self, count: usize) {
        // Cards without data categories or reasons own no heap memory.
        let padding = ConsentCard {
            request: DisclosureRequest { recipient: Partner::Wijkteam, purpose: Purpose::Referral, data: vec![] },
            outcome: ConsentOutcome::Denied,
            legal_basis: None,
            consent_of: vec![],
            inform: vec![],
            permitted_data: vec![],
            checklist: vec![],
            reasons: vec![],
        };
        let missing = count.saturating_sub(self.len());
        self.reserve_exact(missing);
        self.extend(core::iter::repeat_n(padding, missing));
    }

    /// With no card to carry it, one card for a made-up request is added.
    fn put_long_text(&mut self, text: String) {
        if self.is_empty() {
            self.push(minimal_consent(made_up_request()));
        }
        if let Some(first) = self.first_mut() {
            first.reasons.push(Reason::new(HUGE_STRING_RULE, text));
        }
    }

    fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    fn fingerprint(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn chaos(rng: &mut crate::chaos::Rng, input: &Self::Input, reference: Option<Self>) -> Self {
        crate::chaos::consent(rng, input, reference.unwrap_or_else(|| Self::minimal(input)))
    }
}

fn pad_reasons(reasons: &mut Vec<Reason>, count: usize) {
    let missing = count.saturating_sub(reasons.len());
    reasons.reserve_exact(missing);
    reasons.extend(core::iter::repeat_with(padding_reason).take(missing));
}

/// The most cautious answer to a request: a professional must weigh it, and
/// nothing is shared meanwhile.
fn minimal_consent(request: DisclosureRequest) -> ConsentCard {
    ConsentCard {
        request,
        outcome: ConsentOutcome::ProfessionalJudgement,
        legal_basis: None,
        consent_of: vec![],
        inform: vec![],
        permitted_data: vec![],
        checklist: vec![],
        reasons: vec![echo_reason(Stage::Consent)],
    }
}

fn made_up_request() -> DisclosureRequest {
    DisclosureRequest {
        recipient: Partner::Wijkteam,
        purpose: Purpose::Referral,
        data: vec![DataCategory::ConcernSummary],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use wegwijs_types::is_well_formed_rule_id;

    fn requests() -> Vec<DisclosureRequest> {
        vec![
            DisclosureRequest {
                recipient: Partner::Huisarts,
                purpose: Purpose::MedicalReferral,
                data: vec![DataCategory::ConcernSummary],
            },
            DisclosureRequest { recipient: Partner::PrimarySchool, purpose: Purpose::SchoolConsultation, data: vec![] },
        ]
    }

    #[test]
    fn the_rule_ids_are_well_formed_except_the_bad_one() {
        for id in [ECHO_RULE, HUGE_LIST_RULE, HUGE_STRING_RULE] {
            assert!(is_well_formed_rule_id(id), "{id}");
        }
        assert!(!is_well_formed_rule_id(BAD_RULE_ID));
    }

    #[test]
    fn minimal_results_cite_only_well_formed_rules() {
        let intake = IntakeCard::minimal(&());
        let screening = ScreeningCard::minimal(&());
        let routing = RoutingCard::minimal(&());
        let consent = Vec::<ConsentCard>::minimal(&requests());
        let reasons = intake
            .reasons
            .iter()
            .chain(&screening.reasons)
            .chain(&routing.reasons)
            .chain(consent.iter().flat_map(|c| &c.reasons));
        for reason in reasons {
            assert!(is_well_formed_rule_id(&reason.rule), "{}", reason.rule);
            assert!(!reason.text.is_empty());
        }
        assert!(intake.warnings.is_empty() && screening.warnings.is_empty() && routing.warnings.is_empty());
        assert!(routing.routes.is_empty());
    }

    #[test]
    fn minimal_consent_answers_every_request_in_order() {
        let requests = requests();
        let cards = Vec::<ConsentCard>::minimal(&requests);
        let answered: Vec<_> = cards.iter().map(|c| c.request.clone()).collect();
        assert_eq!(answered, requests);
        assert!(cards.iter().all(|c| c.outcome == ConsentOutcome::ProfessionalJudgement));
        assert!(Vec::<ConsentCard>::minimal(&[]).is_empty());
    }

    #[test]
    fn padding_reaches_the_count_and_keeps_what_was_there() {
        let mut intake = IntakeCard::minimal(&());
        intake.pad_list(1_000);
        assert_eq!(intake.reasons.len(), 1_000);
        assert_eq!(intake.reasons[0].rule, ECHO_RULE);
        assert!(intake.reasons[1..].iter().all(|r| r.rule == HUGE_LIST_RULE));

        let mut screening = ScreeningCard::minimal(&());
        screening.pad_list(10);
        assert_eq!(screening.reasons.len(), 10);

        let mut routing = RoutingCard::minimal(&());
        routing.pad_list(1_000);
        assert_eq!(routing.routes.len(), 1_000);

        let mut consent = Vec::<ConsentCard>::minimal(&requests());
        consent.pad_list(1_000);
        assert_eq!(consent.len(), 1_000);
        assert_eq!(consent[..2], Vec::<ConsentCard>::minimal(&requests())[..]);
    }

    #[test]
    fn padding_never_shrinks() {
        let mut consent = Vec::<ConsentCard>::minimal(&requests());
        consent.pad_list(1);
        assert_eq!(consent.len(), 2);
    }

    #[test]
    fn long_text_lands_in_the_summary_or_a_consent_reason() {
        let mut routing = RoutingCard::minimal(&());
        routing.put_long_text("x".repeat(100));
        assert_eq!(routing.summary.len(), 100);

        let mut consent = Vec::<ConsentCard>::minimal(&requests());
        consent.put_long_text("y".repeat(100));
        let last = consent[0].reasons.last().unwrap();
        assert_eq!((last.rule.as_str(), last.text.len()), (HUGE_STRING_RULE, 100));
        assert_eq!(consent[1].reasons.len(), 1);

        let mut empty = Vec::<ConsentCard>::minimal(&[]);
        empty.put_long_text("z".into());
        assert_eq!(empty.len(), 1);
    }

    #[test]
    fn an_added_reason_reaches_every_consent_card_even_with_none() {
        let bad = Reason::new(BAD_RULE_ID, "x");
        let mut consent = Vec::<ConsentCard>::minimal(&requests());
        consent.add_reason(bad.clone());
        assert!(consent.iter().all(|c| c.reasons.last() == Some(&bad)));

        let mut empty = Vec::<ConsentCard>::minimal(&[]);
        empty.add_reason(bad.clone());
        assert_eq!(empty.len(), 1);
        assert_eq!(empty[0].reasons.last(), Some(&bad));
    }

    #[test]
    fn json_is_read_in_the_form_serde_json_writes() {
        let mut routing = RoutingCard::minimal(&());
        routing.routes.push(Route {
            partner: Partner::JeugdGgz,
            kind: RouteKind::Referral,
            urgency: Urgency::Soon,
            verwijzer: Some(wegwijs_types::Verwijzer::Jeugdarts),
            handover: Handover::Warm,
            local_name: Some("GGZ \"Noord\"\n".into()),
            conversation: "Bespreek het eerst — met ouders.".into(),
            disclosure: Some(made_up_request()),
            reasons: vec![Reason::new("RT-AUTHORITY", "x")],
        });
        let json = serde_json::to_string(&routing).unwrap();
        assert_eq!(RoutingCard::from_json(&json).unwrap(), routing);

        let intake = IntakeCard::minimal(&());
        assert_eq!(IntakeCard::from_json(&serde_json::to_string(&intake).unwrap()).unwrap(), intake);
        let screening = ScreeningCard::minimal(&());
        assert_eq!(ScreeningCard::from_json(&serde_json::to_string(&screening).unwrap()).unwrap(), screening);
        let consent = Vec::<ConsentCard>::minimal(&requests());
        assert_eq!(Vec::<ConsentCard>::from_json(&serde_json::to_string(&consent).unwrap()).unwrap(), consent);
    }

    #[test]
    fn json_of_the_wrong_shape_is_an_error() {
        let routing = serde_json::to_string(&RoutingCard::minimal(&())).unwrap();
        assert!(IntakeCard::from_json(&routing).is_err());
        assert!(Vec::<ConsentCard>::from_json(&routing).is_err());
        assert!(RoutingCard::from_json("{").unwrap_err().to_string().contains("EOF"));
    }
}
