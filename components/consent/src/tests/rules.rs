//! One test (at least) per purpose rule of §3, asserting the outcome, the
//! parties, the legal basis, the data categories and the cited rule ids.

use super::*;
use alloc::vec;
use wegwijs_types::{ConsentOutcome as O, DataCategory as C};

const P: Party = Party::Parents;
const Y: Party = Party::Youth;

#[test]
fn cs_direct_needs_no_consent_but_only_the_task() {
    let card = one(&case(8), req(Partner::Jeugdarts, Purpose::DirectCare, &[C::ConcernSummary, C::ContactDetails]));
    assert_eq!(card.outcome, O::Permitted);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("7.3.11 lid 2") && b.contains("KNMG")));
    assert!(card.consent_of.is_empty() && card.inform.is_empty());
    assert_eq!(card.permitted_data, [C::ConcernSummary]);
    assert!(cites(&card, "CS-DIRECT") && reason(&card, "CS-DIRECT").contains("jeugdarts"));
    assert!(reason(&card, "CS-MINIMAL").contains("contact-details is withheld"), "{card:?}");
}

#[test]
fn cs_direct_does_not_reach_outside_the_same_care() {
    let card = one(&case(8), req(Partner::PrimarySchool, Purpose::DirectCare, &[C::ConcernSummary]));
    assert_eq!(card.outcome, O::NeedsConsent);
    assert_eq!(card.consent_of, [P]);
    assert!(cites(&card, "CS-DIRECT") && cites(&card, "CS-DEFAULT") && cites(&card, "CS-AGE"));
    assert!(card.permitted_data.is_empty());
}

#[test]
fn cs_referral_presumed_consent_and_informed() {
    let card = one(
        &case(13),
        req(Partner::Huisarts, Purpose::MedicalReferral, &[C::ConcernSummary, C::MedicalData, C::FamilyCircumstances]),
    );
    assert_eq!(card.outcome, O::Permitted);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("presumed consent")));
    assert!(card.consent_of.is_empty());
    assert_eq!(card.inform, [P, Y]);
    assert_eq!(card.permitted_data, [C::ConcernSummary, C::MedicalData]);
    assert!(cites(&card, "CS-REFERRAL") && cites(&card, "CS-AGE"));
    assert!(reason(&card, "CS-MINIMAL").contains("family-circumstances"));

    // A 17-year-old who does not want the parents informed.
    let mut c = case(17);
    c.youth_objects_to_informing_parents = true;
    let card = one(&c, req(Partner::Kinderarts, Purpose::MedicalReferral, &[C::MedicalData]));
    assert_eq!(card.outcome, O::Permitted);
    assert_eq!(card.inform, [Y]);
}

#[test]
fn cs_referral_ends_with_a_refusal() {
    let r = req(Partner::Huisarts, Purpose::MedicalReferral, &[C::ConcernSummary]);
    let mut c = case(8);
    c.consents = vec![record(P, Partner::Huisarts, false)];
    let card = one(&c, r.clone());
    assert_eq!(card.outcome, O::Denied);
    assert!(reason(&card, "CS-REFERRAL").contains("no longer be presumed"));
    assert!(card.permitted_data.is_empty() && card.legal_basis.is_none());
    c.safety_indicators = vec!["weapon-use".into()];
    let card = one(&c, r);
    assert_eq!(card.outcome, O::ProfessionalJudgement);
    assert!(cites(&card, "CS-CONFLICT"));
}

#[test]
fn cs_referral_only_between_doctors() {
    let card = one(&case(8), req(Partner::Amw, Purpose::MedicalReferral, &[C::ConcernSummary]));
    assert_eq!(card.outcome, O::NeedsConsent);
    assert!(cites(&card, "CS-REFERRAL") && cites(&card, "CS-DEFAULT"));
    assert!(reason(&card, "CS-REFERRAL").contains("algemeen maatschappelijk werk"));
}

#[test]
fn cs_school_needs_parents_consent() {
    let r = req(Partner::PrimarySchool, Purpose::SchoolConsultation, &[C::ConcernSummary, C::InstrumentScores]);
    let mut c = case(8);
    let card = one(&c, r.clone());
    assert_eq!(card.outcome, O::NeedsConsent);
    assert_eq!(card.consent_of, [P]);
    assert_eq!(card.inform, [P]);
    assert!(card.permitted_data.is_empty());
    let text = reason(&card, "CS-SCHOOL");
    assert!(text.contains("preferably with the parents present") && text.contains("signals informs the parents"));
    assert!(cites(&card, "CS-AGE"));

    c.consents = vec![record(P, Partner::PrimarySchool, true)];
    let card = one(&c, r.clone());
    assert_eq!(card.outcome, O::Permitted);
    assert_eq!(card.consent_of, [P]);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("recorded consent") && b.contains("the parents")));
    assert_eq!(card.permitted_data, [C::ConcernSummary], "item scores are not the school's to know");
    assert!(cites(&card, "CS-SCHOOL") && reason(&card, "CS-MINIMAL").contains("instrument-scores"));

    c.consents.push(record(P, Partner::PrimarySchool, false));
    let card = one(&c, r);
    assert_eq!(card.outcome, O::Denied, "the latest record counts");
    assert!(cites(&card, "CS-SCHOOL"));
}

#[test]
fn cs_school_asks_the_youth_too_from_twelve() {
    let r = req(Partner::SchoolMentor, Purpose::SchoolConsultation, &[C::ConcernSummary]);
    let mut c = case(13);
    c.consents = vec![record(P, Partner::SchoolMentor, true)];
    let card = one(&c, r);
    assert_eq!(card.outcome, O::NeedsConsent);
    assert_eq!(card.consent_of, [Y], "only the youth's consent is still missing");
    assert!(reason(&card, "CS-SCHOOL").contains("the parents and the youth"));
}

#[test]
fn cs_school_refusal_with_safety_is_a_conflict() {
    let mut c = case(6);
    c.meldcode = Some(meldcode(true, None, false));
    c.consents = vec![record(P, Partner::Kinderopvang, false)];
    let card = one(&c, req(Partner::Kinderopvang, Purpose::SchoolConsultation, &[C::ConcernSummary]));
    assert_eq!(card.outcome, O::ProfessionalJudgement);
    assert_eq!(card.checklist.len(), 4);
    assert!(reason(&card, "CS-CONFLICT").contains("meldcode suspicion"));
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
    assert_eq!(card.outcome, O::AnonymousOnly);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("anonymous")));
    assert!(card.consent_of.is_empty() && card.inform.is_empty());
    assert_eq!(card.permitted_data, [C::ConcernSummary, C::SafetySignals]);
    assert!(reason(&card, "CS-VT-ADVICE").contains("identifier"));
    let minimal = reason(&card, "CS-MINIMAL");
    assert!(
        minimal.contains("contact-details is withheld") && minimal.contains("never go with anonymous advice"),
        "{minimal}"
    );
}

#[test]
fn cs_vt_melding_without_consent_records_telling() {
    let r = req(Partner::VeiligThuisMelding, Purpose::VeiligThuisMelding, &[C::ContactDetails, C::SafetySignals]);
    let mut c = case(8);
    c.meldcode = Some(meldcode(true, Some(false), true));
    c.consents = vec![record(P, Partner::VeiligThuisMelding, false)];
    let card = one(&c, r.clone());
    assert_eq!(card.outcome, O::Permitted);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("Wmo 2015 art. 5.2.6")));
    let text = reason(&card, "CS-VT-MELDING");
    assert!(text.contains("endanger") && text.contains("refused"), "{text}");
    assert!(card.inform.is_empty(), "telling them endangers someone");
    assert_eq!(card.permitted_data, [C::ContactDetails, C::SafetySignals]);

    c.consents.clear();
    c.meldcode = Some(meldcode(true, Some(true), false));
    let card = one(&c, r.clone());
    assert!(reason(&card, "CS-VT-MELDING").contains("were told beforehand"));
    assert_eq!(card.inform, [P]);
    assert!(cites(&card, "CS-AGE"));

    c.meldcode = Some(meldcode(true, Some(false), false));
    assert!(reason(&one(&c, r.clone()), "CS-VT-MELDING").contains("record why not"));

    c.meldcode = None;
    let card = one(&c, r);
    assert_eq!(card.outcome, O::Permitted);
    assert!(reason(&card, "CS-VT-MELDING").contains("step 3 must be recorded"));
}

#[test]
fn cs_gi_only_with_a_gi() {
    let r = req(Partner::GecertificeerdeInstelling, Purpose::GiSupervision, &[C::ConcernSummary, C::MedicalData]);
    let mut c = case(8);
    c.gi_involved = true;
    let card = one(&c, r.clone());
    assert_eq!(card.outcome, O::Permitted);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("7.3.11 lid 4")));
    assert!(card.consent_of.is_empty());
    assert_eq!(card.inform, [P]);
    assert_eq!(card.permitted_data, [C::ConcernSummary]);
    assert!(cites(&card, "CS-GI") && cites(&card, "CS-AGE"));

    c.gi_involved = false;
    let card = one(&c, r);
    assert_eq!(card.outcome, O::NeedsConsent);
    assert_eq!(card.consent_of, [P]);
    assert!(cites(&card, "CS-GI") && cites(&card, "CS-DEFAULT"));
    assert!(reason(&card, "CS-GI").contains("No gecertificeerde instelling"));
}

#[test]
fn cs_gi_only_to_the_gi() {
    let mut c = case(8);
    c.gi_involved = true;
    let card = one(&c, req(Partner::Wijkteam, Purpose::GiSupervision, &[C::ConcernSummary]));
    assert_eq!(card.outcome, O::NeedsConsent);
    assert!(cites(&card, "CS-GI") && cites(&card, "CS-DEFAULT"));
}

#[test]
fn cs_default_names_whose_consent_is_missing() {
    let mut c = case(13);
    let card = one(&c, referral());
    assert_eq!(card.outcome, O::NeedsConsent);
    assert_eq!(card.consent_of, [P, Y]);
    assert!(reason(&card, "CS-DEFAULT").contains("the parents and the youth"));

    c.consents = vec![record(Y, Partner::JeugdGgz, true)];
    let card = one(&c, referral());
    assert_eq!(card.outcome, O::NeedsConsent);
    assert_eq!(card.consent_of, [P]);
    let text = reason(&card, "CS-DEFAULT");
    assert!(text.contains("the consent of the parents is recorded"), "{text}");
    assert!(!text.contains("youth"), "{text}");
    assert!(card.legal_basis.is_none() && card.permitted_data.is_empty());
    assert!(reason(&card, "CS-MINIMAL").starts_with("Once consent is recorded"));

    c.consents.push(record(P, Partner::JeugdGgz, true));
    let card = one(&c, referral());
    assert_eq!(card.outcome, O::Permitted);
    assert_eq!(card.consent_of, [P, Y]);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("recorded consent") && b.contains("jeugd-GGZ")));
    assert_eq!(card.permitted_data, [C::ContactDetails, C::ConcernSummary, C::ScreeningResult]);
    assert!(cites(&card, "CS-DEFAULT") && cites(&card, "CS-MINIMAL"));
}

#[test]
fn cs_default_consent_is_per_recipient_and_latest_wins() {
    let mut c = case(8);
    c.consents = vec![record(P, Partner::Wijkteam, true)];
    assert_eq!(one(&c, referral()).outcome, O::NeedsConsent, "consent for another recipient does not count");
    c.consents = vec![record(P, Partner::JeugdGgz, false), record(P, Partner::JeugdGgz, true)];
    assert_eq!(one(&c, referral()).outcome, O::Permitted, "consent given after a refusal");
    c.consents = vec![record(P, Partner::JeugdGgz, true), record(P, Partner::JeugdGgz, false)];
    assert_eq!(one(&c, referral()).outcome, O::Denied, "consent withdrawn");
}

#[test]
fn cs_default_covers_consultation_and_coordination() {
    let mut c = case(16);
    c.consents = vec![record(Y, Partner::Verwijsindex, true)];
    let card = one(&c, req(Partner::Verwijsindex, Purpose::Coordination, &[C::ContactDetails, C::MedicalData]));
    assert_eq!(card.outcome, O::Permitted);
    assert_eq!(card.consent_of, [Y]);
    assert_eq!(card.permitted_data, [C::ContactDetails]);
    let card = one(&c, req(Partner::ImhConsultation, Purpose::Consultation, &[C::ConcernSummary]));
    assert_eq!(card.outcome, O::NeedsConsent);
    assert_eq!(card.consent_of, [Y]);
}

#[test]
fn cs_conflict_is_professional_judgement_not_denial() {
    let mut c = case(16);
    c.consents = vec![record(Y, Partner::JeugdGgz, false)];
    let card = one(&c, referral());
    assert_eq!(card.outcome, O::Denied);
    assert!(reason(&card, "CS-DEFAULT").contains("The youth refused"));
    assert!(!cites(&card, "CS-CONFLICT") && card.checklist.is_empty());

    c.safety_indicators = vec!["weapon-use".into()];
    let card = one(&c, referral());
    assert_eq!(card.outcome, O::ProfessionalJudgement);
    assert_ne!(card.outcome, O::Denied);
    assert!(card.legal_basis.is_none() && card.permitted_data.is_empty());
    assert_eq!(card.consent_of, [Y]);
    assert_eq!(card.checklist.len(), 4);
    for topic in ["Consent tried", "No other way", "Serious harm", "Minimal breach"] {
        assert!(card.checklist.iter().any(|q| q.starts_with(topic)), "{topic}");
    }
    let text = reason(&card, "CS-CONFLICT");
    assert!(text.contains("The youth refused") && text.contains("not decided automatically"), "{text}");
    assert!(reason(&card, "CS-MINIMAL").starts_with("If the professional decides to share"));
}

#[test]
fn cs_minimal_withholds_what_is_not_needed_and_empty_means_nothing() {
    let mut c = case(8);
    c.consents = vec![record(P, Partner::Verwijsindex, true)];
    let card = one(
        &c,
        req(Partner::Verwijsindex, Purpose::Coordination, &[C::ContactDetails, C::MedicalData, C::ContactDetails]),
    );
    assert_eq!(card.permitted_data, [C::ContactDetails], "deduplicated, medical data withheld");
    assert!(reason(&card, "CS-MINIMAL").contains("medical-data is withheld"));

    let empty = one(&case(8), req(Partner::Jeugdarts, Purpose::DirectCare, &[]));
    assert_eq!(empty.outcome, O::Permitted);
    assert!(empty.permitted_data.is_empty());
    assert!(reason(&empty, "CS-MINIMAL").contains("Nothing needs to travel"));

    let none_needed = one(&case(8), req(Partner::Jeugdarts, Purpose::DirectCare, &[C::ContactDetails]));
    assert!(none_needed.permitted_data.is_empty());
    assert!(reason(&none_needed, "CS-MINIMAL").contains("Nothing may go"));
}

#[test]
fn one_card_per_request_in_order() {
    let requests = vec![
        referral(),
        req(Partner::VeiligThuisAdvice, Purpose::VeiligThuisAdvice, &[C::ConcernSummary]),
        req(Partner::Jeugdarts, Purpose::DirectCare, &[C::ConcernSummary]),
        referral(),
    ];
    let cards = check(&case(8), &requests);
    assert_eq!(cards.len(), 4);
    for (card, r) in cards.iter().zip(&requests) {
        assert_eq!(&card.request, r);
    }
    assert_eq!(cards[1].outcome, O::AnonymousOnly);
    assert!(check(&case(8), &[]).is_empty());
}
