//! One or more tests per rule id the component cites: each builds a case,
//! an intake card and a screening card, routes it, and checks the specific
//! outcome and that the rule id appears in the reasons.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec;
use wegwijs_types::{
    Action, DataCategory, Domain, Handler, Handover, IntakeOutcome, Level, MeldcodeConclusion, MeldcodeInput, Partner,
    Purpose, Reason, RiskDomain, RiskFactor, RouteKind, SourceKind, UnusableReason, Urgency, Verwijzer,
    is_well_formed_rule_id,
};

use super::*;
use crate::RULE_IDS;

fn meldcode_input() -> MeldcodeInput {
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

fn risk(code: &str, domain: RiskDomain, red: bool) -> RiskFactor {
    RiskFactor { code: code.to_string(), domain, red }
}

#[test]
fn rule_ids_are_well_formed_and_unique() {
    for (i, id) in RULE_IDS.iter().enumerate() {
        assert!(is_well_formed_rule_id(id), "{id}");
        assert!(!RULE_IDS.iter().skip(i + 1).any(|o| o == id), "duplicate {id}");
    }
}

// --- intake closed -------------------------------------------------------

#[test]
fn closed_intake_routes_nothing_and_cites_kindcheck() {
    let c = case();
    let mut i = intake();
    i.outcome = IntakeOutcome::Closed;
    i.summary = "Kindcheck without children present.".to_string();
    i.reasons.push(Reason::new("IN-KINDCHECK", "No children present."));
    let card = run(&c, &i, &screening(Action::A3));
    assert!(card.routes.is_empty());
    assert_eq!(card.urgency, Urgency::NextContact);
    assert!(cites_with(&card.reasons, "IN-KINDCHECK", "Intake closed the signal"));
    assert!(card.summary.contains("intake closed"));
}

#[test]
fn closed_intake_without_known_rule_cites_g_human() {
    let c = case();
    let mut i = intake();
    i.outcome = IntakeOutcome::Closed;
    let card = run(&c, &i, &screening(Action::A1));
    assert!(card.routes.is_empty());
    assert!(cites_with(&card.reasons, "G-HUMAN", "Intake closed the signal"));
}

#[test]
fn closed_intake_with_acute_unsafety_keeps_the_melding() {
    let c = case();
    let mut i = intake();
    i.outcome = IntakeOutcome::Closed;
    i.safety_flag = true;
    let card = run(&c, &i, &screening(Action::A0));
    assert_eq!(partners(&card), vec![Partner::VeiligThuisMelding]);
    assert_eq!(card.urgency, Urgency::Immediate);
    assert!(cites(&card.warnings, "IN-SAFETY"));
}

// --- RT-A0 / RT-A1 -------------------------------------------------------

#[test]
fn a0_has_no_route_and_next_contact() {
    let card = run(&case(), &intake(), &screening(Action::A0));
    assert!(card.routes.is_empty());
    assert_eq!(card.urgency, Urgency::NextContact);
    assert!(cites_with(&card.reasons, "RT-A0", "normalise"));
    assert!(card.summary.starts_with("No routes"));
}

#[test]
fn a1_light_support_and_primary_school_with_parents_consent() {
    let mut i = intake();
    concern(&mut i, "low-mood", Domain::Psychosocial);
    let card = run(&case(), &i, &screening(Action::A1));
    let light = find(&card, Partner::JgzLightSupport, RouteKind::Support);
    assert_eq!(light.urgency, Urgency::NextContact);
    assert_eq!(light.handover, Handover::None);
    assert_eq!(light.disclosure, None);
    assert!(cites(&light.reasons, "RT-A1"));
    let school = find(&card, Partner::PrimarySchool, RouteKind::Information);
    assert_eq!(school.urgency, Urgency::NextContact);
    assert!(cites_with(&school.reasons, "RT-SCHOOL-AGE", "concern domains psychosocial"));
    assert!(cites_with(&school.reasons, "CS-SCHOOL", "here the parents' consent"));
    assert!(school.conversation.contains("this needs the parents' consent"), "{}", school.conversation);
    let d = school.disclosure.as_ref().expect("school disclosure");
    assert_eq!(d.purpose, Purpose::SchoolConsultation);
    assert_eq!(d.data, vec![DataCategory::ConcernSummary]);
    assert_eq!(card.urgency, Urgency::NextContact);
}

// --- RT-SCHOOL-AGE -------------------------------------------------------

#[test]
fn school_age_under_four_is_kinderopvang() {
    let (mut c, mut i) = (case(), intake());
    set_age(&mut c, &mut i, 30);
    concern(&mut i, "language-delay", Domain::Development);
    let card = run(&c, &i, &screening(Action::A1));
    let r = find(&card, Partner::Kinderopvang, RouteKind::Information);
    assert!(cites_with(&r.reasons, "RT-SCHOOL-AGE", "under 4"));
}

#[test]
fn school_age_secondary_single_problem_is_mentor() {
    let (mut c, mut i) = (case(), intake());
    set_age(&mut c, &mut i, 13 * 12);
    concern(&mut i, "low-mood", Domain::Psychosocial);
    let card = run(&c, &i, &screening(Action::A1));
    let r = find(&card, Partner::SchoolMentor, RouteKind::Information);
    assert!(cites_with(&r.reasons, "RT-SCHOOL-AGE", "single problem"));
    assert!(!partners(&card).contains(&Partner::SchoolZorgteam));
}

#[test]
fn school_age_secondary_complex_problem_is_zorgteam() {
    for (code, domain) in [("school-absence", Domain::School), ("drug-use", Domain::SubstanceUse)] {
        let (mut c, mut i) = (case(), intake());
        set_age(&mut c, &mut i, 14 * 12);
        concern(&mut i, code, domain);
        let card = run(&c, &i, &screening(Action::A2));
        let r = find(&card, Partner::SchoolZorgteam, RouteKind::Information);
        assert_eq!(r.urgency, Urgency::Soon);
        assert!(cites_with(&r.reasons, "RT-SCHOOL-AGE", "complex problem"), "{code}");
    }
    // Two concern domains also make it complex.
    let (mut c, mut i) = (case(), intake());
    set_age(&mut c, &mut i, 15 * 12);
    concern(&mut i, "low-mood", Domain::Psychosocial);
    concern(&mut i, "parenting-stress", Domain::ParentChild);
    let card = run(&c, &i, &screening(Action::A1));
    assert!(cites_with(
        &find(&card, Partner::SchoolZorgteam, RouteKind::Information).reasons,
        "RT-SCHOOL-AGE",
        "2 concern domains"
    ));
}

#[test]
fn school_age_not_for_adults_a0_or_unknown_age() {
    let (mut c, mut i) = (case(), intake());
    set_age(&mut c, &mut i, 19 * 12);
    let card = run(&c, &i, &screening(Action::A1));
    assert_eq!(partners(&card), vec![Partner::JgzLightSupport]);

    let card = run(&case(), &intake(), &screening(Action::A0));
    assert!(card.routes.is_empty());

    let (mut c, mut i) = (case(), intake());
    c.age = None;
    i.age_months = None;
    i.age_band = None;
    let card = run(&c, &i, &screening(Action::A1));
    assert_eq!(partners(&card), vec![Partner::JgzLightSupport]);
    assert!(cites(&card.warnings, "RT-SCHOOL-AGE"));
}

// --- RT-A2 ---------------------------------------------------------------

#[test]
fn a2_risk_card_high_consults_imh_and_wijkteam() {
    let mut s = screening(Action::A2);
    s.risk_card.level = Level::High;
    s.risk_card.risk_factors =
        vec![risk("parent-addiction", RiskDomain::ParentFamily, true), risk("prematurity", RiskDomain::Child, false)];
    let card = run(&case(), &intake(), &s);
    let imh = find(&card, Partner::ImhConsultation, RouteKind::Consultation);
    assert_eq!(imh.urgency, Urgency::Soon);
    assert_eq!(imh.handover, Handover::None);
    assert_eq!(imh.verwijzer, None);
    assert!(cites(&imh.reasons, "RT-A2"));
    assert!(cites(&imh.reasons, "RK-MULTI-DOMAIN"));
    assert!(cites_with(&imh.reasons, "RT-URGENCY", "default"));
    let d = imh.disclosure.as_ref().expect("disclosure");
    assert_eq!(d.purpose, Purpose::Consultation);
    assert_eq!(d.data, vec![DataCategory::ConcernSummary, DataCategory::ScreeningResult]);
    let wt = find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert!(cites(&wt.reasons, "RK-MULTI-DOMAIN"));
}

#[test]
fn a2_abnormal_instrument_consults_jeugd_ggz_without_verwijzer() {
    let mut s = screening(Action::A2);
    s.instruments.push(sdq_abnormal());
    let mut i = intake();
    concern(&mut i, "behaviour-problems", Domain::Psychosocial);
    let card = run(&case(), &i, &s);
    let r = find(&card, Partner::JeugdGgz, RouteKind::Consultation);
    assert_eq!(r.verwijzer, None);
    assert_eq!(r.handover, Handover::None);
    assert_eq!(r.urgency, Urgency::Soon);
    assert!(cites_with(&r.reasons, "RT-A2", "(abnormal: SDQ)"));
    assert!(!card.routes.iter().any(|r| r.kind == RouteKind::Referral));
}

#[test]
fn a2_risk_card_concern_goes_to_aanmeldoverleg() {
    let mut s = screening(Action::A2);
    s.risk_card.level = Level::Concern;
    let card = run(&case(), &intake(), &s);
    let r = find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert!(cites_with(&r.reasons, "RT-A2", "aanmeldoverleg"));
    assert!(cites(&r.reasons, "RK-ONE-DOMAIN"));
}

#[test]
fn a2_multi_domain_goes_to_aanmeldoverleg() {
    let mut i = intake();
    concern(&mut i, "parenting-stress", Domain::ParentChild);
    concern(&mut i, "language-delay", Domain::Development);
    let card = run(&case(), &i, &screening(Action::A2));
    let r = find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert!(cites_with(&r.reasons, "RT-A2", "two or more domains"));
}

// --- RT-A3, RT-AUTHORITY, RT-WARM ----------------------------------------

fn psychiatric_a3() -> (ChildCase, IntakeCard, ScreeningCard) {
    let mut s = screening(Action::A3);
    s.instruments.push(sdq_abnormal());
    let mut i = intake();
    concern(&mut i, "anxiety", Domain::Psychosocial);
    (case(), i, s)
}

#[test]
fn a3_suspected_psychiatric_jeugdarts_refers_with_03_warm() {
    let (c, i, s) = psychiatric_a3();
    let card = run(&c, &i, &s);
    let r = find(&card, Partner::JeugdGgz, RouteKind::Referral);
    assert_eq!(r.verwijzer, Some(Verwijzer::Jeugdarts));
    assert_eq!(r.handover, Handover::Warm);
    assert_eq!(r.urgency, Urgency::Soon);
    assert!(cites(&r.reasons, "RT-A3"));
    assert!(cites_with(&r.reasons, "RT-AUTHORITY", "verwijzer 03 Jeugdarts"));
    assert!(cites(&r.reasons, "RT-WARM"));
    let d = r.disclosure.as_ref().expect("disclosure");
    assert_eq!(d.purpose, Purpose::Referral);
    assert!(!partners(&card).contains(&Partner::Jeugdarts));
    assert_eq!(
        card.summary,
        "2 routes, the most urgent soon: referral jeugd-GGZ (verwijzer 03 Jeugdarts), information primary school"
    );
}

#[test]
fn a3_nurse_routes_through_the_jeugdarts() {
    for handler in [Handler::Jeugdverpleegkundige, Handler::VerpleegkundigSpecialist] {
        let (mut c, i, s) = psychiatric_a3();
        c.handler = handler;
        let card = run(&c, &i, &s);
        let r = find(&card, Partner::JeugdGgz, RouteKind::Referral);
        assert_eq!(r.verwijzer, Some(Verwijzer::Jeugdarts));
        assert!(cites_with(&r.reasons, "RT-AUTHORITY", "via the jeugdarts"));
        let ja = find(&card, Partner::Jeugdarts, RouteKind::Consultation);
        assert_eq!(ja.urgency, Urgency::Soon);
        assert_eq!(ja.handover, Handover::None);
        assert!(cites(&ja.reasons, "RT-AUTHORITY"));
        assert_eq!(ja.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::DirectCare));
        // The internal step is listed right before the referral it prepares.
        assert_eq!(
            partners(&card).iter().take(2).copied().collect::<alloc::vec::Vec<_>>(),
            vec![Partner::Jeugdarts, Partner::JeugdGgz]
        );
    }
}

#[test]
fn a3_with_gi_carries_04_and_a_gi_route() {
    let (mut c, i, s) = psychiatric_a3();
    c.gi_involved = true;
    c.handler = Handler::Jeugdverpleegkundige;
    let card = run(&c, &i, &s);
    let r = find(&card, Partner::JeugdGgz, RouteKind::Referral);
    assert_eq!(r.verwijzer, Some(Verwijzer::GecertificeerdeInstelling));
    assert!(cites_with(&r.reasons, "RT-AUTHORITY", "verwijzer 04 Gecertificeerde instelling"));
    let gi = find(&card, Partner::GecertificeerdeInstelling, RouteKind::Coordination);
    assert!(cites(&gi.reasons, "RT-AUTHORITY"));
    assert_eq!(gi.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::GiSupervision));
    assert!(!partners(&card).contains(&Partner::Jeugdarts));
}

#[test]
fn a3_social_problem_goes_to_wijkteam_without_verwijzer() {
    let mut i = intake();
    concern(&mut i, "parenting-stress", Domain::ParentChild);
    let card = run(&case(), &i, &screening(Action::A3));
    let r = find(&card, Partner::Wijkteam, RouteKind::Referral);
    assert_eq!(r.verwijzer, None);
    assert_eq!(r.handover, Handover::Warm);
    assert!(cites(&r.reasons, "RT-A3"));
    assert!(cites_with(&r.reasons, "RT-AUTHORITY", "verwijzer 01 Gemeente"));
    assert_eq!(r.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::Referral));
}

#[test]
fn a3_medical_goes_first_to_huisarts_or_kinderarts() {
    let (c, mut i, s) = psychiatric_a3();
    concern(&mut i, "somatic-complaint", Domain::Medical);
    let card = run(&c, &i, &s);
    assert_eq!(card.routes.first().map(|r| r.partner), Some(Partner::Huisarts));
    let h = find(&card, Partner::Huisarts, RouteKind::Referral);
    assert_eq!(h.handover, Handover::Warm);
    assert!(cites_with(&h.reasons, "RT-A3", "rule out medical causes"));
    assert_eq!(h.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::MedicalReferral));

    i.source = SourceKind::MedischSpecialist;
    let card = run(&c, &i, &s);
    let k = find(&card, Partner::Kinderarts, RouteKind::Referral);
    assert!(cites_with(&k.reasons, "RT-A3", "medisch specialist"));
    assert!(!partners(&card).contains(&Partner::Huisarts));
}

#[test]
fn medical_first_also_applies_at_a1() {
    let mut i = intake();
    concern(&mut i, "growth-concern", Domain::Medical);
    let card = run(&case(), &i, &screening(Action::A1));
    let h = find(&card, Partner::Huisarts, RouteKind::Referral);
    assert_eq!(h.urgency, Urgency::NextContact);
    assert!(cites_with(&h.reasons, "RT-A3", "also applies at action A1"));
    find(&card, Partner::JgzLightSupport, RouteKind::Support);
}

#[test]
fn warm_handover_declined_becomes_written() {
    let (mut c, i, s) = psychiatric_a3();
    c.family_declines_warm_handover = true;
    let card = run(&c, &i, &s);
    let r = find(&card, Partner::JeugdGgz, RouteKind::Referral);
    assert_eq!(r.handover, Handover::Written);
    assert!(cites_with(&r.reasons, "RT-WARM", "in writing"));
    assert_eq!(find(&card, Partner::PrimarySchool, RouteKind::Information).handover, Handover::None);
}

// --- RT-PARENT -----------------------------------------------------------

#[test]
fn parent_psychiatric_problems_route_to_parent_ggz_beside_the_child() {
    let mut s = screening(Action::A1);
    s.risk_card.risk_factors.push(risk("parent-addiction", RiskDomain::ParentFamily, true));
    let card = run(&case(), &intake(), &s);
    let r = find(&card, Partner::ParentGgz, RouteKind::Referral);
    assert_eq!(r.urgency, Urgency::Soon);
    assert_eq!(r.handover, Handover::None);
    assert!(cites_with(&r.reasons, "RT-PARENT", "parent's own huisarts"));
    assert!(cites_with(&r.reasons, "RT-URGENCY", "a referral for the parent"));
    let d = r.disclosure.as_ref().expect("disclosure");
    assert_eq!((d.purpose, d.data.clone()), (Purpose::ParentOwnCare, vec![DataCategory::ConcernSummary]));
    assert!(
        r.conversation.starts_with("Discuss with the parent concerned help for their own problems"),
        "{}",
        r.conversation
    );
    assert!(r.conversation.contains("consents for themself"), "{}", r.conversation);
    assert!(!partners(&card).contains(&Partner::Verwijsindex));
    find(&card, Partner::JgzLightSupport, RouteKind::Support);
}

#[test]
fn kindcheck_source_aligns_with_the_parents_treater_at_a0() {
    let mut i = intake();
    i.source = SourceKind::Verslavingszorg;
    let card = run(&case(), &i, &screening(Action::A0));
    // The parent is already in treatment where the signal came from: no new referral.
    assert!(card.routes.iter().all(|r| r.kind != RouteKind::Referral));
    let r = find(&card, Partner::ParentGgz, RouteKind::Coordination);
    assert!(cites_with(
        &r.reasons,
        "RT-PARENT",
        "kindcheck of verslavingszorg, where the parent is already in treatment"
    ));
    assert!(cites_with(&r.reasons, "RT-PARENT", "no new referral"));
    assert!(cites_with(&r.reasons, "RT-URGENCY", "aligning with the parent's treater"));
    let d = r.disclosure.as_ref().expect("disclosure");
    assert_eq!((d.purpose, d.data.clone()), (Purpose::ParentOwnCare, vec![DataCategory::ConcernSummary]));
    assert!(r.conversation.contains("align with their treater"), "{}", r.conversation);
}

#[test]
fn family_circumstances_at_a3_go_to_amw_not_the_wijkteam() {
    let (c, mut i, s) = psychiatric_a3();
    concern(&mut i, "housing-problems", Domain::FamilyCircumstances);
    let card = run(&c, &i, &s);
    find(&card, Partner::Amw, RouteKind::Referral);
    assert!(!partners(&card).contains(&Partner::Wijkteam));
}

#[test]
fn debts_route_to_amw_independent_of_a_level() {
    let mut i = intake();
    concern(&mut i, "debts", Domain::FamilyCircumstances);
    let card = run(&case(), &i, &screening(Action::A0));
    let r = find(&card, Partner::Amw, RouteKind::Referral);
    assert_eq!(r.handover, Handover::Warm);
    assert!(cites_with(&r.reasons, "RT-PARENT", "debts"));
    assert!(cites(&r.reasons, "RT-WARM"));
    assert_eq!(r.disclosure.as_ref().map(|d| d.data.contains(&DataCategory::FamilyCircumstances)), Some(true));
}

// --- RT-MULTI ------------------------------------------------------------

#[test]
fn two_helpers_and_a_real_concern_make_one_plan_and_a_verwijsindex_route() {
    let mut c = case();
    c.helpers_involved = 2;
    let mut i = intake();
    concern(&mut i, "anxiety", Domain::Psychosocial);
    concern(&mut i, "learning-problems", Domain::School);
    let mut s = screening(Action::A2);
    s.level = Level::Concern;
    let card = run(&c, &i, &s);
    assert!(card.one_plan);
    let coordinator = card.care_coordinator.as_deref().unwrap_or("");
    assert!(coordinator.starts_with("the parents, if they can; otherwise a regisseur"), "{coordinator}");
    assert!(cites_with(
        &card.reasons,
        "RT-MULTI",
        "2 helpers already involved, 2 concern domains and 1 partner outside JGZ"
    ));
    let v = find(&card, Partner::Verwijsindex, RouteKind::Coordination);
    assert_eq!(v.urgency, Urgency::Soon);
    // Why: which agencies and what concern.
    // The wijkteam is consulted, not given the case: only the helpers count as organisations.
    assert!(cites_with(&v.reasons, "RT-MULTI", "): 2 helpers already involved."));
    assert!(cites_with(&v.reasons, "RT-MULTI", "level concern; action A2; concern domains psychosocial, school"));
    assert!(cites_with(&v.reasons, "RT-MULTI", "redelijk vermoeden"));
    let d = v.disclosure.as_ref().expect("disclosure");
    assert_eq!((d.purpose, d.data.clone()), (Purpose::VerwijsindexSignal, vec![DataCategory::ContactDetails]));
    // CS-VIR: no consent, inform the parents of a child under 12.
    assert!(v.conversation.starts_with("Inform the parents that JGZ considers a signal"), "{}", v.conversation);
    assert!(v.conversation.contains("no consent is needed"), "{}", v.conversation);
}

#[test]
fn two_domains_and_two_partners_make_one_plan_with_wijkteam_coordinator() {
    let (mut c, mut i, s) = psychiatric_a3();
    concern(&mut i, "parenting-stress", Domain::ParentChild);
    set_age(&mut c, &mut i, 16 * 12 + 3);
    let card = run(&c, &i, &s);
    assert!(card.one_plan);
    let coordinator = card.care_coordinator.as_deref().unwrap_or("");
    // From 16 the youth decides, also whether the parents take part (the kit's wording).
    assert_eq!(
        coordinator,
        "the youth (and the parents, unless the youth objects), if they can; otherwise a regisseur from the sociaal wijkteam"
    );
    // A3 with two partners outside JGZ (jeugd-GGZ, wijkteam): a real concern several agencies share.
    let v = find(&card, Partner::Verwijsindex, RouteKind::Coordination);
    assert!(cites_with(
        &v.reasons,
        "RT-MULTI",
        "2 organisations outside JGZ proposed to take part in the care (jeugd-GGZ, the sociaal wijkteam)"
    ));
    assert!(cites_with(&v.reasons, "RT-MULTI", "action A3"));
    assert!(v.conversation.starts_with("Inform the youth that JGZ considers a signal"), "{}", v.conversation);
}

#[test]
fn one_domain_and_few_helpers_make_no_plan() {
    let (c, i, s) = psychiatric_a3();
    let card = run(&c, &i, &s);
    assert!(!card.one_plan);
    assert_eq!(card.care_coordinator, None);
    assert!(!partners(&card).contains(&Partner::Verwijsindex));
}

// --- Meldcode ------------------------------------------------------------

#[test]
fn acute_melding_is_immediate_and_cites_mc_q2() {
    let mut c = case();
    c.safety_indicators = vec!["weapon-use".to_string()];
    c.meldcode = Some(MeldcodeInput { telling_endangers: true, ..meldcode_input() });
    let mut s = screening(Action::S);
    s.meldcode = Some(meldcode(MeldcodeConclusion::Melding, true));
    let card = run(&c, &intake(), &s);
    let r = find(&card, Partner::VeiligThuisMelding, RouteKind::Melding);
    assert_eq!(r.urgency, Urgency::Immediate);
    assert_eq!(card.urgency, Urgency::Immediate);
    assert_eq!(card.routes.first().map(|r| r.partner), Some(Partner::VeiligThuisMelding));
    assert!(cites_with(&r.reasons, "MC-Q2", "weapon-use"));
    assert!(cites_with(&r.reasons, "MC-STEPS", "step 3"));
    assert!(r.conversation.contains("Do not tell"));
    let d = r.disclosure.as_ref().expect("disclosure");
    assert_eq!(d.purpose, Purpose::VeiligThuisMelding);
    assert_eq!(
        d.data,
        vec![
            DataCategory::ContactDetails,
            DataCategory::ConcernSummary,
            DataCategory::SafetySignals,
            DataCategory::ScreeningResult
        ]
    );
}

#[test]
fn melding_conversation_tells_parents_unless_endangering() {
    let mut s = screening(Action::S);
    s.meldcode = Some(meldcode(MeldcodeConclusion::Melding, true));
    let card = run(&case(), &intake(), &s);
    let r = find(&card, Partner::VeiligThuisMelding, RouteKind::Melding);
    assert!(
        r.conversation
            .contains("Tell the parents and the child about the melding beforehand, unless that endangers someone")
    );
}

#[test]
fn non_acute_melding_cites_q3_q4_q5_within_five_days() {
    for (input, rule) in [
        (MeldcodeInput { help_possible: Some(false), ..meldcode_input() }, "MC-Q3"),
        (MeldcodeInput { help_accepted: Some(false), ..meldcode_input() }, "MC-Q4"),
        (MeldcodeInput { help_effective: Some(false), ..meldcode_input() }, "MC-Q5"),
    ] {
        let mut c = case();
        c.meldcode = Some(input);
        let mut s = screening(Action::S);
        s.meldcode = Some(meldcode(MeldcodeConclusion::Melding, false));
        let card = run(&c, &intake(), &s);
        let r = find(&card, Partner::VeiligThuisMelding, RouteKind::Melding);
        assert_eq!(r.urgency, Urgency::WithinFiveWorkingDays);
        assert!(cites(&r.reasons, rule), "{rule}");
        assert!(!cites(&r.reasons, "MC-Q2"));
    }
}

#[test]
fn assess_asks_veilig_thuis_advice_within_five_days() {
    let mut s = screening(Action::A1);
    s.meldcode = Some(meldcode(MeldcodeConclusion::Assess, false));
    let card = run(&case(), &intake(), &s);
    let r = find(&card, Partner::VeiligThuisAdvice, RouteKind::Advice);
    assert_eq!(r.urgency, Urgency::WithinFiveWorkingDays);
    assert!(cites_with(&r.reasons, "MC-STEPS", "anonymously"));
    assert!(r.conversation.contains("anonymously"));
    let d = r.disclosure.as_ref().expect("disclosure");
    assert_eq!(d.purpose, Purpose::VeiligThuisAdvice);
    assert_eq!(d.data, vec![DataCategory::ConcernSummary, DataCategory::SafetySignals]);
    assert_eq!(card.urgency, Urgency::WithinFiveWorkingDays);
    assert_eq!(card.routes.first().map(|r| r.partner), Some(Partner::VeiligThuisAdvice));
}

#[test]
fn veilig_thuis_at_step_two_is_contacted_at_once() {
    let mut s = screening(Action::S);
    s.meldcode = Some(wegwijs_types::MeldcodeCard {
        veilig_thuis_at_step_two: true,
        ..meldcode(MeldcodeConclusion::Assess, false)
    });
    let card = run(&case(), &intake(), &s);
    let r = find(&card, Partner::VeiligThuisAdvice, RouteKind::Advice);
    assert_eq!(r.urgency, Urgency::Immediate);
    assert!(cites_with(&r.reasons, "MC-STEPS", "at once at step 2"));
}

#[test]
fn close_has_no_safety_route_and_cites_mc_q1() {
    let mut s = screening(Action::A0);
    s.meldcode = Some(meldcode(MeldcodeConclusion::Close, false));
    let card = run(&case(), &intake(), &s);
    assert!(card.routes.is_empty());
    assert!(cites(&card.reasons, "MC-Q1"));
}

#[test]
fn help_monitors_and_cites_mc_q5() {
    let mut s = screening(Action::A1);
    s.meldcode = Some(meldcode(MeldcodeConclusion::Help, false));
    let card = run(&case(), &intake(), &s);
    assert!(!partners(&card).iter().any(|p| matches!(p, Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding)));
    assert!(cites_with(&card.reasons, "MC-Q5", "monitor"));
}

#[test]
fn intake_safety_flag_without_meldcode_card_still_meldt() {
    let mut i = intake();
    i.safety_flag = true;
    let card = run(&case(), &i, &screening(Action::A2));
    let r = find(&card, Partner::VeiligThuisMelding, RouteKind::Melding);
    assert_eq!(r.urgency, Urgency::Immediate);
    assert!(cites(&r.reasons, "IN-SAFETY"));
    assert!(cites(&r.reasons, "MC-Q2"));
    assert!(cites(&card.warnings, "IN-SAFETY"));
}

// --- RT-URGENCY, G-SHARED, G-HUMAN, local names ---------------------------

#[test]
fn routes_are_sorted_most_urgent_first() {
    let (c, i, mut s) = psychiatric_a3();
    s.meldcode = Some(meldcode(MeldcodeConclusion::Assess, false));
    let card = run(&c, &i, &s);
    let urgencies: alloc::vec::Vec<Urgency> = card.routes.iter().map(|r| r.urgency).collect();
    let mut sorted = urgencies.clone();
    sorted.sort();
    assert_eq!(urgencies, sorted);
    assert_eq!(card.urgency, Urgency::WithinFiveWorkingDays);
    assert!(cites_with(&card.reasons, "RT-URGENCY", "Overall urgency: within five working days"));
    assert_eq!(
        card.summary,
        "3 routes, the most urgent within five working days: advice Veilig Thuis, referral jeugd-GGZ (verwijzer 03 Jeugdarts), information primary school"
    );
}

#[test]
fn conversation_names_who_is_asked_by_age() {
    let (mut c, mut i, s) = psychiatric_a3();
    set_age(&mut c, &mut i, 14 * 12);
    let card = run(&c, &i, &s);
    let r = find(&card, Partner::JeugdGgz, RouteKind::Referral);
    assert!(r.conversation.starts_with("Discuss with the parents and the youth the referral"), "{}", r.conversation);
    assert!(cites_with(&card.reasons, "G-SHARED", "decided together with the parents and the youth"));
    assert!(cites(&card.reasons, "G-HUMAN"));

    set_age(&mut c, &mut i, 17 * 12);
    c.youth_objects_to_informing_parents = true;
    let card = run(&c, &i, &s);
    let r = find(&card, Partner::JeugdGgz, RouteKind::Referral);
    assert!(
        r.conversation.starts_with("Discuss with the youth (from 16 the youth decides alone) the referral"),
        "{}",
        r.conversation
    );

    let card = run(&case(), &intake(), &screening(Action::A1));
    assert!(
        find(&card, Partner::JgzLightSupport, RouteKind::Support).conversation.starts_with("Discuss with the parents")
    );
}

#[test]
fn local_names_come_from_region_config() {
    let mut i = intake();
    concern(&mut i, "parenting-stress", Domain::ParentChild);
    let mut config: BTreeMap<String, String> = BTreeMap::new();
    config.insert("partners.wijkteam.name".to_string(), "Sociaal Team Noord, aanmeldoverleg on Tuesdays".to_string());
    config.insert("partners.primary-school.name".to_string(), "   ".to_string());
    let card = crate::route(&case(), &i, &screening(Action::A3), &config);
    let r = find(&card, Partner::Wijkteam, RouteKind::Referral);
    assert_eq!(r.local_name.as_deref(), Some("Sociaal Team Noord, aanmeldoverleg on Tuesdays"));
    assert_eq!(find(&card, Partner::PrimarySchool, RouteKind::Information).local_name, None);
}

#[test]
fn every_route_has_a_conversation_and_matching_disclosure_recipient() {
    let (mut c, mut i, mut s) = psychiatric_a3();
    c.handler = Handler::Jeugdverpleegkundige;
    c.helpers_involved = 3;
    c.gi_involved = true;
    concern(&mut i, "debts", Domain::FamilyCircumstances);
    concern(&mut i, "somatic-complaint", Domain::Medical);
    s.risk_card.risk_factors.push(risk("parent-psychiatric-problems", RiskDomain::ParentFamily, true));
    s.meldcode = Some(meldcode(MeldcodeConclusion::Melding, false));
    let card = run(&c, &i, &s);
    for r in &card.routes {
        assert!(!r.conversation.is_empty(), "{}", r.partner);
        assert!(!r.reasons.is_empty(), "{}", r.partner);
        if let Some(d) = &r.disclosure {
            assert_eq!(d.recipient, r.partner);
        }
        for reason in &r.reasons {
            assert!(RULE_IDS.contains(&reason.rule.as_str()), "{}", reason.rule);
        }
    }
}

// --- PS-UNUSABLE: assess again, never "normal" ----------------------------

/// No text reads as reassurance and RT-A0 is not cited (IN-SAFETY, PS-UNUSABLE).
fn assert_no_reassurance(card: &wegwijs_types::RoutingCard) {
    for t in texts(card) {
        assert!(!wegwijs_kit::reads_as_reassurance(t), "reads as reassurance: {t}");
    }
    for rule in wegwijs_kit::REASSURANCE_RULES {
        assert!(!all_rules(card).contains(rule), "{rule} cited");
    }
}

#[test]
fn reassess_is_one_jgz_route_soon_without_rt_a0_or_school() {
    let mut s = screening(Action::Reassess);
    s.level = Level::Unknown;
    s.instruments.push(sdq_unusable(UnusableReason::Incomplete));
    let card = run(&case(), &intake(), &s);
    assert_eq!(partners(&card), vec![Partner::JgzLightSupport]);
    let r = find(&card, Partner::JgzLightSupport, RouteKind::Support);
    assert_eq!(r.urgency, Urgency::Soon);
    assert_eq!(r.disclosure, None);
    assert!(cites_with(&r.reasons, "PS-UNUSABLE", "Insufficient information"));
    assert!(cites_with(
        &r.reasons,
        "PS-UNUSABLE",
        "the SDQ has a scale with fewer than three answers, so its total cannot be scored: complete the missing items"
    ));
    assert!(cites_with(
        &r.reasons,
        "RT-URGENCY",
        "Urgency soon: a default, because the guideline names no urgency for an assessment that could not be completed"
    ));
    assert!(r.conversation.contains("plan the new assessment"), "{}", r.conversation);
    assert_eq!(card.urgency, Urgency::Soon);
    assert_eq!(card.summary, "1 route, soon: support own JGZ team");
    assert!(!all_rules(&card).contains(&"RT-SCHOOL-AGE"));
    assert_no_reassurance(&card);
}

#[test]
fn reassess_names_what_to_do_per_reason() {
    for (reason, todo) in [
        (
            UnusableReason::OutsideAgeRange,
            "was used outside its age range: use the instrument the guideline names for this age",
        ),
        (UnusableReason::WrongVersion, "is not the version for this age: use the version for this age"),
    ] {
        let mut s = screening(Action::Reassess);
        s.instruments.push(sdq_unusable(reason));
        let card = run(&case(), &intake(), &s);
        let r = find(&card, Partner::JgzLightSupport, RouteKind::Support);
        assert!(cites_with(&r.reasons, "PS-UNUSABLE", todo), "{reason}");
    }
}

#[test]
fn a0_beside_an_unusable_instrument_is_assessed_again() {
    let mut s = screening(Action::A0);
    s.instruments.push(sdq_unusable(UnusableReason::WrongVersion));
    let card = run(&case(), &intake(), &s);
    assert!(cites_with(&card.warnings, "PS-UNUSABLE", "never read as normal"));
    let r = find(&card, Partner::JgzLightSupport, RouteKind::Support);
    assert!(cites(&r.reasons, "PS-UNUSABLE"));
    assert!(!cites(&card.reasons, "RT-A0"));
    assert!(!card.summary.contains("normalise"));
}

// --- IN-SAFETY: the child's own route beside the safety route -------------

/// Attempted strangulation (acute melding) for an 8-year-old whose ladder
/// gives `child` for the child's own concerns.
fn acute_safety(child: Action) -> (ChildCase, IntakeCard, ScreeningCard) {
    let mut c = case();
    c.safety_indicators = vec!["strangulation".to_string()];
    c.meldcode = Some(meldcode_input());
    let mut i = intake();
    i.safety_flag = true;
    concern(&mut i, "domestic-violence", Domain::Safety);
    let mut s = screening(Action::S);
    s.level = Level::Safety;
    s.child_action = child;
    s.meldcode = Some(meldcode(MeldcodeConclusion::Melding, true));
    (c, i, s)
}

#[test]
fn safety_card_keeps_the_childs_own_route_after_the_melding() {
    let (c, mut i, mut s) = acute_safety(Action::A2);
    s.instruments.push(sdq_abnormal());
    concern(&mut i, "behaviour-problems", Domain::Psychosocial);
    let card = run(&c, &i, &s);
    assert_eq!(card.routes.first().map(|r| r.partner), Some(Partner::VeiligThuisMelding));
    assert_eq!(card.urgency, Urgency::Immediate);
    let g = find(&card, Partner::JeugdGgz, RouteKind::Consultation);
    assert_eq!(g.urgency, Urgency::Soon);
    assert!(cites_with(&g.reasons, "RT-A2", "(abnormal: SDQ)"));
    assert!(cites_with(&g.reasons, "IN-SAFETY", "beside the safety route"));
    assert!(cites_with(&card.reasons, "IN-SAFETY", "ladder action A2 is proposed, after the safety steps"));
    // The child's route comes after every safety step.
    let melding = card.routes.iter().position(|r| r.partner == Partner::VeiligThuisMelding);
    let child = card.routes.iter().position(|r| r.partner == Partner::JeugdGgz);
    assert!(melding < child);
    assert!(!texts(&card).iter().any(|t| t.contains("chosen once the safety steps are taken")));
    assert_no_reassurance(&card);
}

#[test]
fn safety_card_with_child_a0_says_there_is_no_separate_step() {
    let (c, i, s) = acute_safety(Action::A0);
    let card = run(&c, &i, &s);
    assert_eq!(partners(&card), vec![Partner::VeiligThuisMelding]);
    assert!(cites_with(&card.reasons, "IN-SAFETY", "no separate step for the child"));
    assert!(!cites(&card.reasons, "RT-A0"));
    assert!(!texts(&card).iter().any(|t| t.contains("RT-A0")));
    assert!(!card.summary.contains("normalise"));
    assert_no_reassurance(&card);
}

#[test]
fn safety_card_with_an_unusable_instrument_assesses_again_beside_the_melding() {
    let (c, i, mut s) = acute_safety(Action::Reassess);
    s.instruments.push(sdq_unusable(UnusableReason::Incomplete));
    let card = run(&c, &i, &s);
    assert_eq!(partners(&card), vec![Partner::VeiligThuisMelding, Partner::JgzLightSupport]);
    let r = find(&card, Partner::JgzLightSupport, RouteKind::Support);
    assert!(cites(&r.reasons, "PS-UNUSABLE"));
    assert!(cites(&r.reasons, "IN-SAFETY"));
    assert_no_reassurance(&card);
}

#[test]
fn safety_card_without_the_ladders_action_warns() {
    let (c, i, s) = acute_safety(Action::S);
    let card = run(&c, &i, &s);
    assert_eq!(partners(&card), vec![Partner::VeiligThuisMelding]);
    assert!(cites_with(&card.warnings, "IN-SAFETY", "child-action"));
    assert_no_reassurance(&card);
}

// --- MC-STEPS step 3's exception: telling the parents endangers someone ---

#[test]
fn telling_endangers_holds_every_conversation_and_the_shared_line() {
    // Example 03 with an abnormal SDQ: weapon use, telling the parents endangers the child.
    let (mut c, mut i, mut s) = acute_safety(Action::A2);
    c.safety_indicators = vec!["weapon-use".to_string()];
    c.meldcode = Some(MeldcodeInput { telling_endangers: true, parents_told: Some(false), ..meldcode_input() });
    c.helpers_involved = 2;
    s.instruments.push(sdq_abnormal());
    concern(&mut i, "behaviour-problems", Domain::Psychosocial);
    let card = run(&c, &i, &s);
    let shared = card.reasons.iter().find(|r| r.rule == "G-SHARED").map(|r| r.text.as_str()).unwrap_or("");
    assert!(shared.contains("exception of meldcode step 3"), "{shared}");
    assert!(shared.contains("agreed with Veilig Thuis when and how the parents are involved"), "{shared}");
    assert!(!shared.contains("decided together with"), "{shared}");
    let m = find(&card, Partner::VeiligThuisMelding, RouteKind::Melding);
    assert!(m.conversation.starts_with("Do not tell the parents and the child"), "{}", m.conversation);
    assert!(cites_with(&m.reasons, "MC-STEPS", "do not tell the parents and the child beforehand"));
    for r in card.routes.iter().filter(|r| r.partner != Partner::VeiligThuisMelding) {
        assert!(!r.conversation.starts_with("Discuss with the parents"), "{}: {}", r.partner, r.conversation);
        assert!(
            r.conversation.starts_with("Telling the parents now would endanger someone")
                || r.conversation.starts_with("Do not inform"),
            "{}: {}",
            r.partner,
            r.conversation
        );
    }
    // CS-VIR: nobody is informed of the Verwijsindex signal while that endangers someone.
    let v = find(&card, Partner::Verwijsindex, RouteKind::Coordination);
    assert!(
        v.conversation.starts_with("Do not inform the parents about the Verwijsindex signal now"),
        "{}",
        v.conversation
    );
    let g = find(&card, Partner::JeugdGgz, RouteKind::Consultation);
    assert!(
        g.conversation.contains("agree with Veilig Thuis when and how the parents are involved"),
        "{}",
        g.conversation
    );
}

#[test]
fn telling_endangers_outside_the_safety_track_changes_nothing() {
    let mut c = case();
    c.meldcode = Some(MeldcodeInput { telling_endangers: true, ..meldcode_input() });
    let mut i = intake();
    concern(&mut i, "low-mood", Domain::Psychosocial);
    let card = run(&c, &i, &screening(Action::A1));
    assert!(cites_with(&card.reasons, "G-SHARED", "decided together with the parents"));
}

// --- RT-MULTI: the Verwijsindex only for a real concern shared by agencies -

#[test]
fn several_helpers_without_a_real_concern_get_no_verwijsindex_and_say_why() {
    let mut c = case();
    c.helpers_involved = 3;
    let mut i = intake();
    concern(&mut i, "low-mood", Domain::Psychosocial);
    let mut s = screening(Action::A1);
    s.level = Level::Attention;
    let card = run(&c, &i, &s);
    assert!(card.one_plan);
    assert!(!partners(&card).contains(&Partner::Verwijsindex));
    assert!(cites_with(
        &card.reasons,
        "RT-MULTI",
        "No Verwijsindex signal is proposed although 3 helpers already involved"
    ));
    assert!(cites_with(&card.reasons, "RT-MULTI", "several organisations alone are no reason to signal"));
}

#[test]
fn one_organisation_is_no_reason_for_a_verwijsindex_signal() {
    // A real concern (A3 referral to jeugd-GGZ) with one helper already involved:
    // possibly the same organisation, so not several agencies.
    let (mut c, i, s) = psychiatric_a3();
    c.helpers_involved = 1;
    let card = run(&c, &i, &s);
    assert!(!partners(&card).contains(&Partner::Verwijsindex));
    assert!(!cites(&card.reasons, "RT-MULTI"));
}

#[test]
fn verwijsindex_informs_by_age_per_cs_vir() {
    let mut c = case();
    c.helpers_involved = 2;
    let mut s = screening(Action::A2);
    s.level = Level::Concern;
    for (months, objects, who) in [
        (14 * 12, false, "Inform the youth and the parents that"),
        (17 * 12, false, "Inform the youth that"),
        (17 * 12, true, "Inform the youth that"),
    ] {
        let mut i = intake();
        set_age(&mut c, &mut i, months);
        c.youth_objects_to_informing_parents = objects;
        let card = run(&c, &i, &s);
        let v = find(&card, Partner::Verwijsindex, RouteKind::Coordination);
        assert!(v.conversation.starts_with(who), "{months} {objects}: {}", v.conversation);
    }
    // Before birth: no Verwijsindex.
    let mut i = intake();
    i.age_band = Some(wegwijs_types::AgeBand::Prenatal);
    i.age_months = None;
    let card = run(&c, &i, &s);
    assert!(!partners(&card).contains(&Partner::Verwijsindex));
}

// --- RT-PARENT: the parent already in treatment ----------------------------

#[test]
fn parent_in_treatment_is_aligned_with_not_referred() {
    let mut c = case();
    c.parent_in_treatment = true;
    let mut s = screening(Action::A1);
    s.risk_card.risk_factors.push(risk("parent-psychiatric-problems", RiskDomain::ParentFamily, true));
    let card = run(&c, &intake(), &s);
    assert!(!card.routes.iter().any(|r| r.partner == Partner::ParentGgz && r.kind == RouteKind::Referral));
    let r = find(&card, Partner::ParentGgz, RouteKind::Coordination);
    assert_eq!(r.handover, Handover::None);
    assert!(cites_with(&r.reasons, "RT-PARENT", "the parent is already in treatment for it"));
    assert!(cites_with(&r.reasons, "RT-PARENT", "one plan"));
    let d = r.disclosure.as_ref().expect("disclosure");
    assert_eq!((d.purpose, d.data.clone()), (Purpose::ParentOwnCare, vec![DataCategory::ConcernSummary]));
    assert!(
        r.conversation.starts_with("Discuss with the parent concerned that JGZ would like to align"),
        "{}",
        r.conversation
    );
}

#[test]
fn parent_in_treatment_without_a_parent_problem_only_warns() {
    let mut c = case();
    c.parent_in_treatment = true;
    let card = run(&c, &intake(), &screening(Action::A0));
    assert!(!partners(&card).contains(&Partner::ParentGgz));
    assert!(cites_with(&card.warnings, "RT-PARENT", "no psychiatric or addiction problem of a parent is coded"));
}

// --- RT-SCHOOL-AGE: only about the child's own concerns --------------------

#[test]
fn debts_without_child_concerns_get_amw_and_no_school_route() {
    // Example 07: debts and housing problems, parents worried, no concern about the child.
    let mut i = intake();
    concern(&mut i, "debts", Domain::FamilyCircumstances);
    concern(&mut i, "housing-problems", Domain::FamilyCircumstances);
    let mut s = screening(Action::A1);
    s.level = Level::Attention;
    s.risk_card.level = Level::Attention;
    s.risk_card.risk_factors = vec![risk("poverty", RiskDomain::Environment, false)];
    let card = run(&case(), &i, &s);
    assert_eq!(partners(&card), vec![Partner::Amw, Partner::JgzLightSupport]);
    assert!(cites_with(&card.reasons, "RT-SCHOOL-AGE", "No information route to the primary school"));
    assert!(cites_with(
        &card.reasons,
        "RT-SCHOOL-AGE",
        "(family-circumstances) are not in a domain school or childcare can inform on"
    ));
    assert!(cites_with(&card.reasons, "RT-SCHOOL-AGE", "not indicated"));
    assert!(cites(&find(&card, Partner::Amw, RouteKind::Referral).reasons, "RT-PARENT"));
}

#[test]
fn debts_beside_a_concern_about_the_child_keep_the_school_route() {
    let mut i = intake();
    concern(&mut i, "debts", Domain::FamilyCircumstances);
    concern(&mut i, "peer-problems", Domain::Psychosocial);
    let card = run(&case(), &i, &screening(Action::A2));
    let r = find(&card, Partner::PrimarySchool, RouteKind::Information);
    assert!(cites_with(&r.reasons, "RT-SCHOOL-AGE", "about the child's own concerns (concern domains psychosocial)"));
}

#[test]
fn school_route_follows_a_borderline_instrument_or_a_risk_card_concern() {
    let mut s = screening(Action::A1);
    s.instruments.push(wegwijs_types::InstrumentResult {
        band: Some(wegwijs_types::Band::Borderline),
        level: Some(Level::Attention),
        ..sdq_abnormal()
    });
    let card = run(&case(), &intake(), &s);
    let r = find(&card, Partner::PrimarySchool, RouteKind::Information);
    assert!(cites_with(&r.reasons, "RT-SCHOOL-AGE", "psychosocial screening: SDQ borderline"));

    let (mut c, mut i) = (case(), intake());
    set_age(&mut c, &mut i, 20);
    let mut s = screening(Action::A2);
    s.risk_card.level = Level::Concern;
    let card = run(&c, &i, &s);
    let r = find(&card, Partner::Kinderopvang, RouteKind::Information);
    assert!(cites_with(&r.reasons, "RT-SCHOOL-AGE", "risk card level concern"));
}

#[test]
fn medical_questions_alone_do_not_consult_school() {
    let mut i = intake();
    concern(&mut i, "somatic-complaint", Domain::Medical);
    let card = run(&case(), &i, &screening(Action::A1));
    assert_eq!(partners(&card), vec![Partner::Huisarts, Partner::JgzLightSupport]);
    assert!(cites_with(&card.reasons, "RT-SCHOOL-AGE", "(medical)"));
}

// --- CS-AGE through the kit: who is asked, at every age -------------------

#[test]
fn school_consent_follows_cs_age() {
    for (months, consent) in [
        (8 * 12, "the parents' consent"),
        (13 * 12, "the consent of both the youth and the parents"),
        (16 * 12, "the youth's consent alone (from 16)"),
    ] {
        let (mut c, mut i) = (case(), intake());
        set_age(&mut c, &mut i, months);
        concern(&mut i, "low-mood", Domain::Psychosocial);
        let card = run(&c, &i, &screening(Action::A1));
        let r = card.routes.iter().find(|r| r.kind == RouteKind::Information).expect("school route");
        assert!(
            cites_with(
                &r.reasons,
                "CS-SCHOOL",
                &alloc::format!("Only with the consent CS-AGE names, here {consent}, and")
            ),
            "{months}"
        );
        assert!(r.conversation.contains(&alloc::format!("this needs {consent}")), "{}", r.conversation);
    }
}

#[test]
fn a_sixteen_year_old_who_excludes_the_parents_finds_them_nowhere() {
    // Example 06 and more: A3 psychiatric, helpers, debts, a parent's addiction,
    // a GI and a nurse, so that every template is on the card.
    let (mut c, mut i, mut s) = psychiatric_a3();
    set_age(&mut c, &mut i, 16 * 12 + 4);
    c.youth_objects_to_informing_parents = true;
    c.handler = Handler::Jeugdverpleegkundige;
    c.helpers_involved = 2;
    concern(&mut i, "debts", Domain::FamilyCircumstances);
    concern(&mut i, "somatic-complaint", Domain::Medical);
    concern(&mut i, "school-absence", Domain::School);
    s.risk_card.risk_factors.push(risk("parent-addiction", RiskDomain::ParentFamily, true));
    s.risk_card.level = Level::Concern;
    let card = run(&c, &i, &s);
    for p in [Partner::JeugdGgz, Partner::Verwijsindex, Partner::SchoolZorgteam, Partner::Amw, Partner::ParentGgz] {
        assert!(partners(&card).contains(&p), "{p}");
    }
    for t in texts(&card) {
        assert!(!t.to_lowercase().contains("parents"), "mentions the parents: {t}");
    }
    // The same with the safety track on the card.
    let (mut c2, mut i2, mut s2) = acute_safety(Action::A3);
    set_age(&mut c2, &mut i2, 17 * 12);
    c2.youth_objects_to_informing_parents = true;
    c2.helpers_involved = 2;
    s2.instruments.push(sdq_abnormal());
    concern(&mut i2, "anxiety", Domain::Psychosocial);
    for endangers in [false, true] {
        c2.meldcode = Some(MeldcodeInput { telling_endangers: endangers, ..meldcode_input() });
        let card = run(&c2, &i2, &s2);
        for t in texts(&card) {
            assert!(!t.to_lowercase().contains("parents"), "mentions the parents ({endangers}): {t}");
        }
    }
}

// --- grammar of generated sentences ----------------------------------------

#[test]
fn counted_nouns_agree() {
    let mut s = screening(Action::A2);
    s.risk_card.level = Level::High;
    s.risk_card.risk_factors = vec![risk("parent-addiction", RiskDomain::ParentFamily, true)];
    let mut c = case();
    c.helpers_involved = 1;
    let mut i = intake();
    concern(&mut i, "parenting-stress", Domain::ParentChild);
    concern(&mut i, "language-delay", Domain::Development);
    let card = run(&c, &i, &s);
    let imh = find(&card, Partner::ImhConsultation, RouteKind::Consultation);
    assert!(cites_with(&imh.reasons, "RT-A2", "(1 risk factor on the card)"));
    assert!(cites_with(
        &card.reasons,
        "RT-MULTI",
        "1 helper already involved, 2 concern domains and 3 partners outside JGZ"
    ));
    let mut c2 = case();
    c2.helpers_involved = 2;
    let mut i2 = intake();
    concern(&mut i2, "low-mood", Domain::Psychosocial);
    let single = run(&c2, &i2, &screening(Action::A1));
    assert!(cites_with(
        &single.reasons,
        "RT-MULTI",
        "2 helpers already involved, 1 concern domain and 0 partners outside JGZ"
    ));
    for t in texts(&card).into_iter().chain(texts(&single)) {
        for bad in [
            "(s)",
            "1 routes",
            "1 helpers",
            "1 partners",
            "1 risk factors",
            "1 concern domains",
            "parents is",
            "a `other`",
        ] {
            assert!(!t.contains(bad), "{bad}: {t}");
        }
    }
}

#[test]
fn consultations_do_not_count_as_organisations_for_the_verwijsindex() {
    // A2 with a high risk card: IMH and the wijkteam are consulted, JGZ keeps the case.
    let mut s = screening(Action::A2);
    s.level = Level::High;
    s.risk_card.level = Level::High;
    let card = run(&case(), &intake(), &s);
    find(&card, Partner::ImhConsultation, RouteKind::Consultation);
    find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert!(!partners(&card).contains(&Partner::Verwijsindex));
    // With a second organisation taking part in the care (AMW for debts) and
    // one helper already involved, there are still not two known to be distinct.
    let mut c = case();
    c.helpers_involved = 1;
    let mut i = intake();
    concern(&mut i, "debts", Domain::FamilyCircumstances);
    let card = run(&c, &i, &s);
    assert!(!partners(&card).contains(&Partner::Verwijsindex));
    // Two helpers already involved: they count.
    c.helpers_involved = 2;
    let card = run(&c, &i, &s);
    let v = find(&card, Partner::Verwijsindex, RouteKind::Coordination);
    assert!(cites_with(
        &v.reasons,
        "RT-MULTI",
        "2 helpers already involved and 1 organisation outside JGZ proposed to take part in the care (algemeen maatschappelijk werk)"
    ));
}
