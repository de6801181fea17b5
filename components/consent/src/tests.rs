//! Consent rules case by case against the brief's §3, plus properties over
//! arbitrary requests and consent records.

use super::*;
use alloc::vec;
use proptest::prelude::*;
use wegwijs_types::{AgeSinceBirth, ConsentRecord, DataCategory as C, MeldcodeInput, Partner, Purpose, SourceCode};

fn case(years: u8) -> ChildCase {
    ChildCase {
        pseudonym: "p-test".into(),
        signal_date: "2026-10-05".into(),
        gemeente: None,
        age: Some(ChildAge::Born(AgeSinceBirth { days: u32::from(years) * 365, months: u16::from(years) * 12, years })),
        source: SourceCode { code: "parent".into(), bds_code: None },
        handler: wegwijs_types::Handler::Jeugdarts,
        concerns: vec![],
        safety_indicators: vec![],
        risk_factors: vec![],
        protective_factors: vec![],
        instruments: vec![],
        parents_concerned: false,
        youth_concerned: false,
        impact: None,
        duration: None,
        family_agrees_referral: false,
        family_declines_warm_handover: false,
        helpers_involved: 0,
        gi_involved: false,
        kindcheck: None,
        meldcode: None,
        consents: vec![],
        youth_objects_to_informing_parents: false,
    }
}

fn req(recipient: Partner, purpose: Purpose, data: &[C]) -> DisclosureRequest {
    DisclosureRequest { recipient, purpose, data: data.to_vec() }
}

fn one(c: &ChildCase, r: DisclosureRequest) -> ConsentCard {
    check(c, &[r]).remove(0)
}

fn cites(card: &ConsentCard, rule: &str) -> bool {
    card.reasons.iter().any(|r| r.rule == rule)
}

fn referral() -> DisclosureRequest {
    req(Partner::JeugdGgz, Purpose::Referral, &[C::ContactDetails, C::ConcernSummary, C::ScreeningResult])
}

#[test]
fn cs_age_boundaries() {
    for (years, consent, inform) in [
        (0, vec![Party::Parents], vec![Party::Parents]),
        (11, vec![Party::Parents], vec![Party::Parents]),
        (12, vec![Party::Parents, Party::Youth], vec![Party::Parents, Party::Youth]),
        (15, vec![Party::Parents, Party::Youth], vec![Party::Parents, Party::Youth]),
        (16, vec![Party::Youth], vec![Party::Youth, Party::Parents]),
        (22, vec![Party::Youth], vec![Party::Youth, Party::Parents]),
    ] {
        let card = one(&case(years), referral());
        assert_eq!(card.outcome, ConsentOutcome::NeedsConsent, "{years}");
        assert_eq!(card.consent_of, consent, "{years}");
        assert_eq!(card.inform, inform, "{years}");
        assert!(cites(&card, "CS-AGE"), "{years}");
    }
}

#[test]
fn cs_age_sixteen_plus_youth_decides_about_informing_parents() {
    let mut c = case(16);
    c.youth_objects_to_informing_parents = true;
    let card = one(&c, referral());
    assert_eq!(card.inform, vec![Party::Youth]);
    let mut c = case(15);
    c.youth_objects_to_informing_parents = true;
    assert!(one(&c, referral()).inform.contains(&Party::Parents), "under 16 the objection does not decide");
}

#[test]
fn cs_age_prenatal_and_unknown() {
    let mut c = case(0);
    c.age = Some(ChildAge::Prenatal(Some(20)));
    assert_eq!(one(&c, referral()).consent_of, vec![Party::Parents]);
    c.age = None;
    let card = one(&c, referral());
    assert_eq!(card.consent_of, vec![Party::Parents, Party::Youth]);
    assert!(card.reasons.iter().any(|r| r.rule == "CS-AGE" && r.text.contains("unknown")));
}

#[test]
fn cs_direct_needs_no_consent_but_only_the_task() {
    let card = one(&case(8), req(Partner::Jeugdarts, Purpose::DirectCare, &[C::ConcernSummary, C::ContactDetails]));
    assert_eq!(card.outcome, ConsentOutcome::Permitted);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("7.3.11 lid 2")));
    assert_eq!(card.permitted_data, vec![C::ConcernSummary]);
    assert!(cites(&card, "CS-DIRECT") && cites(&card, "CS-MINIMAL"));
}

#[test]
fn cs_referral_presumed_consent_and_informed() {
    let card = one(&case(13), req(Partner::Huisarts, Purpose::MedicalReferral, &[C::ConcernSummary, C::MedicalData]));
    assert_eq!(card.outcome, ConsentOutcome::Permitted);
    assert_eq!(card.inform, vec![Party::Parents, Party::Youth]);
    assert_eq!(card.permitted_data, vec![C::ConcernSummary, C::MedicalData]);
    assert!(cites(&card, "CS-REFERRAL"));
}

#[test]
fn cs_school_needs_parents_consent() {
    let r = req(Partner::PrimarySchool, Purpose::SchoolConsultation, &[C::ConcernSummary, C::InstrumentScores]);
    let mut c = case(8);
    let card = one(&c, r.clone());
    assert_eq!(card.outcome, ConsentOutcome::NeedsConsent);
    assert_eq!(card.consent_of, vec![Party::Parents]);
    assert!(cites(&card, "CS-SCHOOL"));
    c.consents = vec![ConsentRecord { party: Party::Parents, recipient: Partner::PrimarySchool, given: true }];
    let card = one(&c, r.clone());
    assert_eq!(card.outcome, ConsentOutcome::Permitted);
    assert_eq!(card.permitted_data, vec![C::ConcernSummary], "item scores are not the school's to know");
    c.consents = vec![ConsentRecord { party: Party::Parents, recipient: Partner::PrimarySchool, given: false }];
    assert_eq!(one(&c, r).outcome, ConsentOutcome::Denied);
}

#[test]
fn cs_vt_advice_is_anonymous_only() {
    let card = one(
        &case(8),
        req(
            Partner::VeiligThuisAdvice,
            Purpose::VeiligThuisAdvice,
            &[C::ContactDetails, C::ConcernSummary, C::SafetySignals],
        ),
    );
    assert_eq!(card.outcome, ConsentOutcome::AnonymousOnly);
    assert_eq!(card.permitted_data, vec![C::ConcernSummary, C::SafetySignals]);
    assert!(cites(&card, "CS-VT-ADVICE"));
}

#[test]
fn cs_vt_melding_without_consent_records_telling() {
    let r = req(Partner::VeiligThuisMelding, Purpose::VeiligThuisMelding, &[C::ContactDetails, C::SafetySignals]);
    let mut c = case(8);
    c.meldcode = Some(MeldcodeInput {
        suspicion: true,
        structural_unsafety: false,
        help_possible: None,
        help_accepted: None,
        help_effective: None,
        parents_told: Some(false),
        telling_endangers: true,
    });
    let card = one(&c, r.clone());
    assert_eq!(card.outcome, ConsentOutcome::Permitted);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("5.2.6")));
    assert!(card.reasons.iter().any(|x| x.rule == "CS-VT-MELDING" && x.text.contains("endanger")));
    assert_eq!(card.permitted_data, vec![C::ContactDetails, C::SafetySignals]);
    c.meldcode = None;
    assert!(one(&c, r).reasons.iter().any(|x| x.rule == "CS-VT-MELDING" && x.text.contains("step 3")));
}

#[test]
fn cs_gi_only_with_a_gi() {
    let r = req(Partner::GecertificeerdeInstelling, Purpose::GiSupervision, &[C::ConcernSummary]);
    let mut c = case(8);
    c.gi_involved = true;
    let card = one(&c, r.clone());
    assert_eq!(card.outcome, ConsentOutcome::Permitted);
    assert!(cites(&card, "CS-GI"));
    c.gi_involved = false;
    let card = one(&c, r);
    assert_eq!(card.outcome, ConsentOutcome::NeedsConsent);
    assert!(cites(&card, "CS-GI") && cites(&card, "CS-DEFAULT"));
}

#[test]
fn cs_default_names_whose_consent_is_missing() {
    let mut c = case(13);
    c.consents = vec![ConsentRecord { party: Party::Youth, recipient: Partner::JeugdGgz, given: true }];
    let card = one(&c, referral());
    assert_eq!(card.outcome, ConsentOutcome::NeedsConsent);
    assert!(
        card.reasons
            .iter()
            .any(|r| r.rule == "CS-DEFAULT" && r.text.contains("parents") && !r.text.contains("youth and"))
    );
    c.consents.push(ConsentRecord { party: Party::Parents, recipient: Partner::JeugdGgz, given: true });
    let card = one(&c, referral());
    assert_eq!(card.outcome, ConsentOutcome::Permitted);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("consent")));
    // Consent for another recipient does not count.
    let mut c = case(8);
    c.consents = vec![ConsentRecord { party: Party::Parents, recipient: Partner::Wijkteam, given: true }];
    assert_eq!(one(&c, referral()).outcome, ConsentOutcome::NeedsConsent);
}

#[test]
fn cs_conflict_is_professional_judgement_not_denial() {
    let mut c = case(16);
    c.consents = vec![ConsentRecord { party: Party::Youth, recipient: Partner::JeugdGgz, given: false }];
    assert_eq!(one(&c, referral()).outcome, ConsentOutcome::Denied);
    c.safety_indicators = vec!["weapon-use".into()];
    let card = one(&c, referral());
    assert_eq!(card.outcome, ConsentOutcome::ProfessionalJudgement);
    assert_eq!(card.checklist.len(), 4);
    assert!(cites(&card, "CS-CONFLICT"));
}

#[test]
fn cs_minimal_withholds_what_is_not_needed() {
    let mut c = case(8);
    c.consents = vec![ConsentRecord { party: Party::Parents, recipient: Partner::Verwijsindex, given: true }];
    let card = one(&c, req(Partner::Verwijsindex, Purpose::Coordination, &[C::ContactDetails, C::MedicalData]));
    assert_eq!(card.permitted_data, vec![C::ContactDetails]);
    assert!(card.reasons.iter().any(|r| r.rule == "CS-MINIMAL" && r.text.contains("medical-data")));
    let empty = one(&case(8), req(Partner::Jeugdarts, Purpose::DirectCare, &[]));
    assert!(empty.permitted_data.is_empty());
    assert!(empty.reasons.iter().any(|r| r.rule == "CS-MINIMAL" && r.text.contains("Nothing")));
}

#[test]
fn every_purpose_has_a_row() {
    for p in Purpose::ALL {
        assert!(tables::PURPOSES.iter().any(|r| r.purpose == *p), "{p}");
    }
}

fn arb_partner() -> impl Strategy<Value = Partner> {
    proptest::sample::select(Partner::ALL)
}
fn arb_purpose() -> impl Strategy<Value = Purpose> {
    proptest::sample::select(Purpose::ALL)
}
fn arb_data() -> impl Strategy<Value = Vec<C>> {
    proptest::collection::vec(proptest::sample::select(C::ALL), 0..6)
}
fn arb_party() -> impl Strategy<Value = Party> {
    proptest::sample::select(Party::ALL)
}

proptest! {
    #[test]
    fn consent_properties(
        years in proptest::option::of(0u8..23),
        requests in proptest::collection::vec((arb_partner(), arb_purpose(), arb_data()), 0..6),
        records in proptest::collection::vec((arb_party(), arb_partner(), any::<bool>()), 0..6),
        gi in any::<bool>(),
        objects in any::<bool>(),
    ) {
        let mut c = case(years.unwrap_or(0));
        if years.is_none() { c.age = None; }
        c.gi_involved = gi;
        c.youth_objects_to_informing_parents = objects;
        c.consents = records.iter().map(|(party, recipient, given)| ConsentRecord { party: *party, recipient: *recipient, given: *given }).collect();
        let reqs: Vec<DisclosureRequest> = requests.iter().map(|(r, p, d)| req(*r, *p, d)).collect();
        let cards = check(&c, &reqs);
        prop_assert_eq!(cards.len(), reqs.len());
        for (card, r) in cards.iter().zip(&reqs) {
            prop_assert_eq!(&card.request, r);
            for d in &card.permitted_data {
                prop_assert!(r.data.contains(d));
            }
            if r.purpose == Purpose::VeiligThuisAdvice {
                prop_assert!(!card.permitted_data.contains(&C::ContactDetails));
            }
            if card.outcome == ConsentOutcome::Permitted && card.reasons.iter().any(|x| x.rule == "CS-DEFAULT") {
                for p in &card.consent_of {
                    let given = c.consents.iter().rev().find(|x| x.party == *p && x.recipient == r.recipient).map(|x| x.given);
                    prop_assert_eq!(given, Some(true));
                }
            }
            for reason in &card.reasons {
                prop_assert!(RULE_IDS.contains(&reason.rule.as_str()));
            }
        }
    }
}
