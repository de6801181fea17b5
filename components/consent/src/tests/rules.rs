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
    let text = reason(&card, "CS-REFERRAL");
    assert!(
        text.contains("only when it goes to the huisarts, the POH-jeugd, the kinderarts or the jeugdarts"),
        "{text}"
    );
    assert!(text.contains("not to algemeen maatschappelijk werk"), "{text}");
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
    assert!(text.contains("consent of the parents (CS-AGE)"), "{text}");
    assert!(text.contains("preferably with the parents present") && text.contains("informs the parents"), "{text}");
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

// --- CS-SCHOOL by CS-AGE (8, 14, 16, 16 excluding the parents) -------------

#[test]
fn cs_school_follows_cs_age_at_eight_fourteen_and_sixteen() {
    let r = req(Partner::SchoolMentor, Purpose::SchoolConsultation, &[C::ConcernSummary]);
    for (years, consent, inform, them) in [
        (8, vec![P], vec![P], "the parents"),
        (14, vec![P, Y], vec![P, Y], "the parents and the youth"),
        (16, vec![Y], vec![P, Y], "the youth"),
    ] {
        let card = one(&case(years), r.clone());
        assert_eq!(card.outcome, O::NeedsConsent, "{years}");
        assert_eq!(card.consent_of, consent, "{years}");
        assert_eq!(card.inform, inform, "{years}");
        let text = reason(&card, "CS-SCHOOL");
        assert!(text.contains(&alloc::format!("needs the consent of {them} (CS-AGE)")), "{text}");
        assert!(text.contains(&alloc::format!("preferably with {them} present")), "{text}");
        assert!(text.contains(&alloc::format!("informs {them} about it")), "{text}");
        assert!(cites(&card, "CS-AGE") && cites(&card, "CS-MINIMAL"));
    }
    // At 16 the youth's consent alone permits it, whatever the parents said.
    let mut c = case(16);
    c.consents = vec![record(P, Partner::SchoolMentor, false), record(Y, Partner::SchoolMentor, true)];
    let card = one(&c, r);
    assert_eq!(card.outcome, O::Permitted);
    assert_eq!(card.consent_of, [Y]);
    assert_eq!(card.permitted_data, [C::ConcernSummary]);
}

// --- CS-VIR -----------------------------------------------------------------

fn vir() -> DisclosureRequest {
    req(Partner::Verwijsindex, Purpose::VerwijsindexSignal, &[C::ContactDetails, C::ConcernSummary, C::RiskFactors])
}

#[test]
fn cs_vir_is_permitted_without_consent_on_the_meldingsbevoegdheid() {
    let card = one(&case(8), vir());
    assert_eq!(card.outcome, O::Permitted, "not needs-consent: the professional is meldingsbevoegd");
    let basis = card.legal_basis.as_deref().unwrap_or("");
    assert!(basis.contains("afdeling 7.1.4") && basis.contains("meldingsbevoegd"), "{basis}");
    assert!(basis.contains("to be checked"), "the article numbers are not verified: {basis}");
    assert!(card.consent_of.is_empty());
    assert_eq!(card.permitted_data, [C::ContactDetails], "the index holds only that JGZ is involved");
    assert!(cites(&card, "CS-VIR") && cites(&card, "CS-MINIMAL"));
    assert!(!cites(&card, "CS-DEFAULT") && !cites(&card, "CS-AGE"), "{card:?}");
    assert!(reason(&card, "CS-VIR").contains("never what is going on"));
    let minimal = reason(&card, "CS-MINIMAL");
    assert!(minimal.contains("concern-summary and risk-factors are withheld"), "{minimal}");
}

#[test]
fn cs_vir_informs_the_youth_from_twelve_and_the_parents_under_sixteen() {
    for (years, inform) in
        [(8, vec![P]), (11, vec![P]), (12, vec![P, Y]), (15, vec![P, Y]), (16, vec![Y]), (22, vec![Y])]
    {
        let card = one(&case(years), vir());
        assert_eq!(card.outcome, O::Permitted, "{years}");
        assert_eq!(card.inform, inform, "{years}");
        let informs = card.reasons.iter().filter(|r| r.rule == "CS-VIR").map(|r| r.text.as_str()).collect::<Vec<_>>();
        assert!(informs.iter().any(|t| t.contains("the professional informs") && t.contains("about the signal")));
        if years >= 16 {
            // From 16 the youth alone is informed, objection or not, and the
            // parents are not named at all.
            assert!(card.reasons.iter().all(|r| !r.text.contains("parent")), "{card:?}");
        }
    }
    let mut c = case(17);
    c.youth_objects_to_informing_parents = true;
    assert_eq!(one(&c, vir()).inform, [Y]);
    let mut c = case(14);
    c.youth_objects_to_informing_parents = true;
    assert_eq!(one(&c, vir()).inform, [P, Y], "under 16 the parents are informed of a signal");
    let mut c = case(0);
    c.age = None;
    assert_eq!(one(&c, vir()).inform, [P, Y], "age unknown: the strictest reading");
}

#[test]
fn cs_vir_informs_nobody_when_informing_endangers_someone_and_says_why() {
    for years in [8, 14, 17] {
        let mut c = case(years);
        c.meldcode = Some(meldcode(true, Some(false), true));
        let card = one(&c, vir());
        assert_eq!(card.outcome, O::Permitted);
        assert!(card.inform.is_empty(), "{years}");
        let why = card.reasons.iter().find(|r| r.text.starts_with("Nobody is informed")).map(|r| r.text.as_str());
        let why = why.unwrap_or("");
        assert!(why.contains("would endanger") && why.contains("telling-endangers"), "{why}");
        assert!(why.contains("record that reason"), "{why}");
        assert_eq!(card.permitted_data, [C::ContactDetails]);
    }
}

#[test]
fn cs_vir_after_a_refusal_is_still_permitted_but_the_objection_is_weighed() {
    let mut c = case(14);
    c.consents = vec![record(P, Partner::Verwijsindex, false)];
    c.safety_indicators = vec!["weapon-use".into()];
    let card = one(&c, vir());
    assert_eq!(card.outcome, O::Permitted);
    assert!(!cites(&card, "CS-CONFLICT") && card.checklist.is_empty());
    assert!(card.reasons.iter().any(|r| r.rule == "CS-VIR" && r.text.contains("afwegen moet")), "{card:?}");
}

#[test]
fn cs_vir_covers_only_the_index() {
    let card = one(&case(8), req(Partner::Wijkteam, Purpose::VerwijsindexSignal, &[C::ContactDetails]));
    assert_eq!(card.outcome, O::NeedsConsent);
    assert_eq!(card.consent_of, [P]);
    assert!(cites(&card, "CS-VIR") && cites(&card, "CS-DEFAULT"));
    assert!(reason(&card, "CS-VIR").contains("not to the sociaal wijkteam"));
}

// --- CS-OWN-CARE ------------------------------------------------------------

fn own_care() -> DisclosureRequest {
    req(Partner::ParentGgz, Purpose::ParentOwnCare, &[C::ConcernSummary, C::ScreeningResult, C::ContactDetails])
}

const RP: Party = Party::ReferredParent;

#[test]
fn cs_own_care_needs_the_parents_own_consent_whatever_the_childs_age() {
    for years in [0u8, 8, 13, 17] {
        let mut c = case(years);
        c.youth_objects_to_informing_parents = years >= 16;
        let card = one(&c, own_care());
        assert_eq!(card.outcome, O::NeedsConsent, "{years}");
        assert_eq!(card.consent_of, [RP], "{years}: the parent consents for themself");
        assert!(card.inform.is_empty());
        assert!(card.permitted_data.is_empty() && card.legal_basis.is_none());
        assert!(!cites(&card, "CS-AGE") && !cites(&card, "CS-DEFAULT"), "{card:?}");
        let text = reason(&card, "CS-OWN-CARE");
        assert!(text.contains("the parent's own care, not a disclosure about the child"), "{text}");
        assert!(text.contains("consents for themself, whatever the child's age"), "{text}");
        let how = card.reasons.iter().any(|r| {
            r.rule == "CS-OWN-CARE"
                && r.text.contains("record it in the EPD")
                && r.text.contains(r#"{ "party": "referred-parent", "recipient": "parent-ggz", "given": true }"#)
        });
        assert!(how, "{card:?}");
        assert!(reason(&card, "CS-MINIMAL").contains("only concern-summary may go"), "{card:?}");
    }
}

#[test]
fn cs_own_care_is_not_covered_by_the_familys_agreement_to_the_childs_referral() {
    let mut c = case(16);
    c.family_agrees_referral = true;
    c.youth_objects_to_informing_parents = true;
    let card = one(&c, own_care());
    assert_eq!(card.outcome, O::NeedsConsent);
    assert!(card.reasons.iter().all(|r| !r.text.contains("agreed to the referral")), "{card:?}");
    assert!(card.reasons.iter().any(|r| r.text.starts_with("Before anything goes to volwassenen-GGZ")), "{card:?}");
}

#[test]
fn cs_own_care_the_parents_or_youths_answer_does_not_count() {
    let mut c = case(8);
    c.consents = vec![record(P, Partner::ParentGgz, true)];
    let card = one(&c, own_care());
    assert_eq!(card.outcome, O::NeedsConsent, "the parents' consent for the child is not the parent's own");
    assert_eq!(card.consent_of, [RP]);
    assert!(card.reasons.iter().any(|r| r.text.contains("does not count here")), "{card:?}");
    c.consents = vec![record(P, Partner::ParentGgz, false), record(RP, Partner::ParentGgz, true)];
    assert_eq!(one(&c, own_care()).outcome, O::Permitted, "a refusal by another party does not decide");
}

#[test]
fn cs_own_care_given_by_the_referred_parent_is_permitted_concern_summary_only() {
    let mut c = case(6);
    c.consents = vec![record(RP, Partner::ParentGgz, true)];
    let card = one(&c, own_care());
    assert_eq!(card.outcome, O::Permitted);
    assert_eq!(card.consent_of, [RP]);
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("the parent's own care")), "{card:?}");
    assert_eq!(card.permitted_data, [C::ConcernSummary]);
    let minimal = reason(&card, "CS-MINIMAL");
    assert!(minimal.contains("screening-result and contact-details are withheld"), "{minimal}");
    assert!(reason(&card, "CS-OWN-CARE").contains("only what the parent's care needs"));
    assert!(card.reasons.iter().any(|r| r.text.contains("consent of the parent concerned for")), "{card:?}");
}

#[test]
fn cs_own_care_refused_is_denied_or_a_conflict_when_safety_is_at_stake() {
    let mut c = case(6);
    c.consents = vec![record(RP, Partner::ParentGgz, true), record(RP, Partner::ParentGgz, false)];
    let card = one(&c, own_care());
    assert_eq!(card.outcome, O::Denied, "the latest record counts");
    assert_eq!(card.consent_of, [RP]);
    assert!(reason(&card, "CS-OWN-CARE").contains("not a disclosure about the child"));
    assert!(card.reasons.iter().any(|r| r.rule == "CS-OWN-CARE" && r.text.starts_with("The parent concerned refused")));
    c.meldcode = Some(meldcode(true, None, false));
    let card = one(&c, own_care());
    assert_eq!(card.outcome, O::ProfessionalJudgement);
    assert_eq!(card.checklist.len(), 4);
    assert!(reason(&card, "CS-CONFLICT").starts_with("The parent concerned refused"), "{card:?}");
}

#[test]
fn cs_own_care_from_sixteen_keeps_the_youths_own_information_out() {
    let card = one(&case(17), own_care());
    assert!(reason(&card, "CS-OWN-CARE").contains("nothing the youth shared in confidence goes with it"));
    let card = one(&case(15), own_care());
    assert!(!reason(&card, "CS-OWN-CARE").contains("in confidence"));
}

#[test]
fn cs_own_care_covers_only_the_parents_care() {
    let card = one(&case(8), req(Partner::Wijkteam, Purpose::ParentOwnCare, &[C::ConcernSummary]));
    assert_eq!(card.outcome, O::NeedsConsent);
    assert_eq!(card.consent_of, [P], "the child's disclosure to the wijkteam follows CS-AGE");
    assert!(cites(&card, "CS-OWN-CARE") && cites(&card, "CS-DEFAULT"));
}

// --- Agreement to a referral is not consent (issue item 7) ------------------

#[test]
fn agreement_to_a_referral_says_what_consent_is_still_to_be_recorded() {
    let mut c = case(8);
    c.family_agrees_referral = true;
    let card = one(&c, referral());
    assert_eq!(card.outcome, O::NeedsConsent, "agreeing to a referral is not consent");
    assert_eq!(card.consent_of, [P]);
    assert!(card.legal_basis.is_none() && card.permitted_data.is_empty());
    let texts: Vec<&str> = card.reasons.iter().filter(|r| r.rule == "CS-DEFAULT").map(|r| r.text.as_str()).collect();
    let agreed = texts.iter().find(|t| t.contains("agreed to the referral")).copied().unwrap_or("");
    assert!(agreed.starts_with("The family agreed to the referral"), "{agreed}");
    assert!(agreed.contains("not consent to share information"), "{agreed}");
    assert!(agreed.contains("ask the parents for that consent and record it in the EPD"), "{agreed}");
    assert!(agreed.contains(r#"a `consents` entry { "party": "parents", "recipient": "jeugd-ggz", "given": true }"#));
    for r in &card.reasons {
        assert!(!r.text.contains("may go on that consent") && !r.text.contains("consent was given"), "{}", r.text);
    }

    // At 13 with the youth's consent recorded only the parents' is asked for.
    let mut c = case(13);
    c.family_agrees_referral = true;
    c.consents = vec![record(Y, Partner::JeugdGgz, true)];
    let card = one(&c, referral());
    let agreed = card.reasons.iter().find(|r| r.text.contains("agreed to the referral")).map_or("", |r| &r.text);
    assert!(agreed.contains(r#""party": "parents""#) && !agreed.contains(r#""party": "youth""#), "{agreed}");

    // Both missing: one entry each.
    let mut c = case(13);
    c.family_agrees_referral = true;
    let card = one(&c, referral());
    let agreed = card.reasons.iter().find(|r| r.text.contains("agreed to the referral")).map_or("", |r| &r.text);
    assert!(agreed.contains("`consents` entries {") && agreed.contains(r#""party": "youth""#), "{agreed}");
}

#[test]
fn no_agreement_sentence_without_agreement_or_once_consent_is_recorded() {
    let card = one(&case(8), referral());
    assert!(card.reasons.iter().all(|r| !r.text.contains("agreed")), "{card:?}");
    let mut c = case(8);
    c.family_agrees_referral = true;
    c.consents = vec![record(P, Partner::JeugdGgz, true)];
    let card = one(&c, referral());
    assert_eq!(card.outcome, O::Permitted);
    assert!(card.reasons.iter().all(|r| !r.text.contains("agreed")), "{card:?}");
}

// --- A 16+ youth who excluded the parents (issue item 9) --------------------

#[test]
fn a_youth_who_excluded_the_parents_finds_them_named_on_no_card() {
    let mut c = case(16);
    c.youth_objects_to_informing_parents = true;
    c.family_agrees_referral = true;
    c.gi_involved = true;
    c.meldcode = Some(meldcode(true, None, false));
    let requests = vec![
        referral(),
        req(Partner::SchoolMentor, Purpose::SchoolConsultation, &[C::ConcernSummary]),
        req(Partner::Huisarts, Purpose::MedicalReferral, &[C::ConcernSummary]),
        req(Partner::VeiligThuisMelding, Purpose::VeiligThuisMelding, &[C::SafetySignals]),
        req(Partner::GecertificeerdeInstelling, Purpose::GiSupervision, &[C::ConcernSummary]),
        vir(),
        req(Partner::ImhConsultation, Purpose::Consultation, &[C::ConcernSummary]),
    ];
    for card in check(&c, &requests) {
        assert!(!card.inform.contains(&P), "{card:?}");
        for r in &card.reasons {
            assert!(!r.text.to_lowercase().contains("parent"), "[{}] {}", r.rule, r.text);
        }
    }
    // The melding's step 3 is recorded about the youth.
    let card = one(&c, req(Partner::VeiligThuisMelding, Purpose::VeiligThuisMelding, &[C::SafetySignals]));
    assert!(reason(&card, "CS-VT-MELDING").contains("whether the youth was told beforehand"), "{card:?}");
    // The agreement was the youth's.
    let card = one(&c, referral());
    assert!(card.reasons.iter().any(|r| r.text.starts_with("The youth agreed to the referral")), "{card:?}");
}
