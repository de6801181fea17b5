//! One or more tests per region rule id, each through the real reference
//! pipeline, plus the engine's behaviour at its edges (both care paths at
//! once, an existing huisarts route, the safety floor, a missing reference)
//! and the consistency of the tables.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec;
use wegwijs_types::{
    ChildCase, DataCategory, Duration, Handler, Handover, Impact, NoConfig, Partner, Purpose, RouteKind, Urgency,
    Verwijzer, is_well_formed_rule_id,
};

use super::{SDQ_17, SDQ_18, case, cites, config, route_cites, run, screen, sdq};
use crate::rules::{BESCHIKKING, CARE_PATHS, DISCLOSURES, PROTECTED, SAFETY_CONSULT};
use crate::{RULE_IDS, route};

/// An A3 referral: impact, duration and the family's agreement.
fn referral_level(c: &mut ChildCase) {
    c.impact = Some(Impact::Quite);
    c.duration = Some(Duration::SixToTwelveMonths);
    c.family_agrees_referral = true;
}

fn strings(codes: &[&str]) -> alloc::vec::Vec<String> {
    codes.iter().map(ToString::to_string).collect()
}

/// A toddler with four parent–family risk factors and parenting stress: the
/// guideline refers to the toegang at A3.
fn parenting_case(handler: Handler) -> ChildCase {
    let mut c = case(handler, "jeugdverpleegkundige", 20);
    c.risk_factors = strings(&["parental-stress", "unwanted-pregnancy", "low-parenting-confidence", "teenage-parent"]);
    c.concerns = strings(&["parenting-stress"]);
    referral_level(&mut c);
    c
}

#[test]
fn the_jeugdarts_signs_the_referral_to_the_toegang_herself() {
    let run = run(&parenting_case(Handler::Jeugdarts));
    let reference = run.reference.routes.iter().find(|r| r.partner == Partner::Wijkteam).expect("reference toegang");
    assert_eq!(reference.verwijzer, None);
    let toegang = run.route(Partner::Wijkteam, RouteKind::Referral).expect("toegang referral");
    assert_eq!(toegang.verwijzer, Some(Verwijzer::Jeugdarts));
    assert_eq!(toegang.handover, Handover::Warm);
    assert_eq!(toegang.local_name.as_deref(), Some("Toegang jeugd van Jeugdgezondheid B (medewerkers jeugdhulp)"));
    assert!(route_cites(toegang, "RT-A3") && route_cites(toegang, "REGIO-B-JEUGDARTS-VERWIJST"));
    assert!(!route_cites(toegang, "RT-AUTHORITY"), "the guideline's 'no verwijzer' reason no longer holds");
    assert!(!run.partners().contains(&Partner::Jeugdarts), "the jeugdarts handles the case: no extra step");
}

#[test]
fn a_nurse_brings_the_toegang_referral_to_the_jeugdarts_instead_of_a_full_ondersteuningsplan() {
    let mut c = case(Handler::Jeugdverpleegkundige, "leerkracht", 102);
    c.concerns = strings(&["parenting-stress", "learning-problems"]);
    c.impact = Some(Impact::Quite);
    c.duration = Some(Duration::OverOneYear);
    c.family_agrees_referral = true;
    let run = run(&c);
    let toegang = run.route(Partner::Wijkteam, RouteKind::Referral).expect("toegang referral");
    assert_eq!(toegang.verwijzer, Some(Verwijzer::Jeugdarts));
    let step = run.route(Partner::Jeugdarts, RouteKind::Consultation).expect("jeugdarts step");
    assert_eq!(step.urgency, toegang.urgency);
    assert_eq!(step.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::DirectCare));
    assert_eq!(step.local_name.as_deref(), Some("Jeugdarts van Jeugdgezondheid B"));
    assert!(route_cites(step, "REGIO-B-JEUGDARTS-VERWIJST"));
    let at = |p: Partner| run.region.routes.iter().position(|r| r.partner == p);
    assert!(at(Partner::Jeugdarts) < at(Partner::Wijkteam), "the step comes right before the referral");
}

#[test]
fn under_an_ondertoezichtstelling_the_gi_signs_the_referral() {
    let mut c = parenting_case(Handler::Jeugdverpleegkundige);
    c.gi_involved = true;
    let run = run(&c);
    let toegang = run.route(Partner::Wijkteam, RouteKind::Referral).expect("toegang referral");
    assert_eq!(toegang.verwijzer, Some(Verwijzer::GecertificeerdeInstelling));
    assert!(route_cites(toegang, "REGIO-B-GI-VERWIJST"));
    assert!(!run.partners().contains(&Partner::Jeugdarts));
    assert!(run.route(Partner::GecertificeerdeInstelling, RouteKind::Coordination).is_some());
}

#[test]
fn the_adhd_care_path_follows_the_jeugd_ggz_referral_and_aligns_with_the_huisarts() {
    let mut c = case(Handler::Jeugdarts, "leerkracht", 102);
    c.concerns = strings(&["hyperactivity", "attention-problems"]);
    c.instruments = vec![sdq(&SDQ_18)];
    referral_level(&mut c);
    let run = run(&c);
    let ggz = run.route(Partner::JeugdGgz, RouteKind::Referral).expect("jeugd-GGZ referral");
    assert_eq!(ggz.verwijzer, Some(Verwijzer::Jeugdarts));
    assert!(route_cites(ggz, "RT-A3") && route_cites(ggz, "REGIO-B-ZORGPAD-ADHD"));
    let ha = run.route(Partner::Huisarts, RouteKind::Coordination).expect("huisarts alignment");
    assert_eq!(ha.urgency, Urgency::Soon);
    assert_eq!(ha.handover, Handover::None);
    assert_eq!(
        ha.disclosure.as_ref().map(|d| (d.purpose, d.data.clone())),
        Some((Purpose::MedicalReferral, vec![DataCategory::ConcernSummary]))
    );
    assert!(route_cites(ha, "REGIO-B-ZORGPAD-ADHD"));
    assert!(!run.cites("REGIO-B-ZORGPAD-DEPRESSIE"));
}

#[test]
fn the_depression_care_path_takes_over_the_toegang_referral_and_the_nurse_goes_through_the_jeugdarts() {
    let mut c = case(Handler::Jeugdverpleegkundige, "youth", 175);
    c.concerns = strings(&["low-mood", "school-absence"]);
    c.impact = Some(Impact::ALot);
    c.duration = Some(Duration::OverOneYear);
    c.youth_concerned = true;
    c.family_agrees_referral = true;
    let run = run(&c);
    assert!(run.reference.routes.iter().any(|r| r.partner == Partner::Wijkteam && r.kind == RouteKind::Referral));
    assert!(!run.partners().contains(&Partner::Wijkteam));
    let ggz = run.route(Partner::JeugdGgz, RouteKind::Referral).expect("jeugd-GGZ referral");
    assert_eq!(ggz.verwijzer, Some(Verwijzer::Jeugdarts));
    assert_eq!(ggz.handover, Handover::Warm);
    assert!(route_cites(ggz, "REGIO-B-ZORGPAD-DEPRESSIE") && route_cites(ggz, "REGIO-B-JEUGDARTS-VERWIJST"));
    assert!(route_cites(ggz, "RT-A3"), "the guideline's reason for a referral stays");
    assert!(ggz.conversation.starts_with("Discuss with the parents and the youth"));
    assert!(run.route(Partner::Jeugdarts, RouteKind::Consultation).is_some());
    assert!(run.route(Partner::Huisarts, RouteKind::Coordination).is_some());
    assert!(run.route(Partner::SchoolZorgteam, RouteKind::Information).is_some());
}

#[test]
fn with_parenting_problems_beside_it_the_care_path_adds_its_referral_and_the_toegang_stays() {
    let mut c = case(Handler::Jeugdarts, "parent", 102);
    c.concerns = strings(&["low-mood", "parenting-stress"]);
    referral_level(&mut c);
    let run = run(&c);
    let toegang = run.route(Partner::Wijkteam, RouteKind::Referral).expect("toegang referral stays");
    assert_eq!(toegang.verwijzer, Some(Verwijzer::Jeugdarts));
    let ggz = run.route(Partner::JeugdGgz, RouteKind::Referral).expect("care-path referral added");
    assert_eq!(ggz.verwijzer, Some(Verwijzer::Jeugdarts));
    assert_eq!(ggz.urgency, toegang.urgency);
    assert!(route_cites(ggz, "REGIO-B-ZORGPAD-DEPRESSIE"));
}

#[test]
fn at_a2_the_care_path_only_aligns_with_the_huisarts() {
    let mut c = case(Handler::Jeugdverpleegkundige, "intern-begeleider", 102);
    c.concerns = strings(&["hyperactivity", "attention-problems"]);
    c.instruments = vec![sdq(&SDQ_17)];
    let run = run(&c);
    let ggz = run.route(Partner::JeugdGgz, RouteKind::Consultation).expect("the guideline's consultation");
    assert!(!route_cites(ggz, "REGIO-B-ZORGPAD-ADHD"));
    assert!(run.route(Partner::JeugdGgz, RouteKind::Referral).is_none());
    assert!(route_cites(
        run.route(Partner::Huisarts, RouteKind::Coordination).expect("alignment"),
        "REGIO-B-ZORGPAD-ADHD"
    ));
}

#[test]
fn at_a1_and_outside_its_ages_no_care_path_applies() {
    let mut a1 = case(Handler::Jeugdverpleegkundige, "leerkracht", 102);
    a1.concerns = strings(&["hyperactivity"]);
    let run_a1 = run(&a1);
    assert_eq!(run_a1.region.routes, run_a1.reference.routes);
    assert!(run_a1.cites("REGIO-B-NO-CHANGE"));

    let mut toddler = case(Handler::Jeugdarts, "parent", 40);
    toddler.concerns = strings(&["hyperactivity", "language-delay"]);
    referral_level(&mut toddler);
    let run_toddler = run(&toddler);
    assert!(!run_toddler.cites("REGIO-B-ZORGPAD-ADHD"));
    assert!(run_toddler.route(Partner::Huisarts, RouteKind::Coordination).is_none());
}

#[test]
fn both_care_paths_share_one_referral_and_one_huisarts_route() {
    let mut c = case(Handler::Jeugdarts, "parent", 130);
    c.concerns = strings(&["attention-problems", "low-mood"]);
    c.instruments = vec![sdq(&SDQ_18)];
    referral_level(&mut c);
    let run = run(&c);
    let ggz: alloc::vec::Vec<_> = run.region.routes.iter().filter(|r| r.partner == Partner::JeugdGgz).collect();
    assert_eq!(ggz.len(), 1);
    assert!(route_cites(ggz[0], "REGIO-B-ZORGPAD-ADHD") && route_cites(ggz[0], "REGIO-B-ZORGPAD-DEPRESSIE"));
    assert_eq!(run.region.routes.iter().filter(|r| r.partner == Partner::Huisarts).count(), 1);
}

#[test]
fn an_existing_huisarts_route_is_aligned_on_not_duplicated() {
    let mut c = case(Handler::Jeugdarts, "parent", 102);
    c.concerns = strings(&["low-mood", "somatic-complaint"]);
    referral_level(&mut c);
    let run = run(&c);
    let huisarts: alloc::vec::Vec<_> = run.region.routes.iter().filter(|r| r.partner == Partner::Huisarts).collect();
    assert_eq!(huisarts.len(), 1);
    assert_eq!(huisarts[0].kind, RouteKind::Referral, "the guideline's medical-first referral");
    assert!(route_cites(huisarts[0], "REGIO-B-ZORGPAD-DEPRESSIE"));
    assert!(run.route(Partner::JeugdGgz, RouteKind::Referral).is_some());
    assert!(!run.partners().contains(&Partner::Wijkteam), "the medical part has its own route");
}

#[test]
fn at_meldcode_step_two_a_medewerker_jeugdhulp_is_consulted_beside_veilig_thuis() {
    let mut c = case(Handler::Jeugdverpleegkundige, "leerkracht", 102);
    c.concerns = strings(&["neglect"]);
    let run = run(&c);
    let vt = run.route(Partner::VeiligThuisAdvice, RouteKind::Advice).expect("Veilig Thuis advice");
    let reference_vt = run.reference.routes.iter().find(|r| r.partner == Partner::VeiligThuisAdvice);
    assert_eq!(Some(vt), reference_vt, "the Veilig Thuis route is unchanged");
    let colleague = run.route(Partner::Wijkteam, RouteKind::Consultation).expect("medewerker jeugdhulp");
    assert_eq!(colleague.urgency, Urgency::WithinFiveWorkingDays);
    assert_eq!(colleague.handover, Handover::None);
    assert!(route_cites(colleague, "REGIO-B-VEILIGHEID"));
    let data = &colleague.disclosure.as_ref().expect("disclosure").data;
    assert!(data.contains(&DataCategory::SafetySignals) && !data.contains(&DataCategory::ContactDetails));
    assert_eq!(run.region.urgency, Urgency::WithinFiveWorkingDays);
}

#[test]
fn acute_unsafety_is_left_to_the_guideline() {
    let mut c = case(Handler::Jeugdverpleegkundige, "leerkracht", 75);
    c.concerns = strings(&["domestic-violence"]);
    c.safety_indicators = strings(&["weapon-use"]);
    let run = run(&c);
    assert_eq!(run.region.routes, run.reference.routes);
    assert_eq!(run.route(Partner::VeiligThuisMelding, RouteKind::Melding).map(|r| r.urgency), Some(Urgency::Immediate));
    assert!(run.cites("REGIO-B-NO-CHANGE"));
}

#[test]
fn without_a_reference_no_route_is_proposed_and_a_warning_says_why() {
    let c = case(Handler::Jeugdverpleegkundige, "leerkracht", 75);
    let (intake, screening) = screen(&c, &BTreeMap::new());
    let card = route(&c, &intake, &screening, None, &NoConfig);
    assert!(card.routes.is_empty());
    assert!(card.warnings.iter().any(|w| w.rule == "REGIO-B-NO-REFERENCE"));
    assert!(cites(&card, "G-HUMAN"));
}

#[test]
fn the_tables_are_consistent() {
    for id in RULE_IDS {
        assert!(is_well_formed_rule_id(id) && id.starts_with("REGIO-B-"), "{id}");
    }
    let ids =
        CARE_PATHS.paths.iter().map(|p| p.rule).chain([BESCHIKKING.rule, BESCHIKKING.gi_rule, SAFETY_CONSULT.rule]);
    for id in ids {
        assert!(RULE_IDS.contains(&id), "{id} is not listed in RULE_IDS");
    }
    for (p, k) in
        [CARE_PATHS.referral, CARE_PATHS.align, SAFETY_CONSULT.route, (Partner::Jeugdarts, RouteKind::Consultation)]
    {
        assert!(DISCLOSURES.iter().any(|d| d.partner == p && d.kind == k), "no disclosure row for {p} {k}");
        assert!(!PROTECTED.contains(&p));
    }
    for h in [Handler::Jeugdarts, Handler::Jeugdverpleegkundige, Handler::VerpleegkundigSpecialist] {
        assert!(BESCHIKKING.rows.iter().any(|r| r.handler == h && r.verwijzer.is_authority()), "{h}");
    }
    assert_eq!(
        config().get("partners.wijkteam.name").map(String::as_str),
        Some("Toegang jeugd van Jeugdgezondheid B (medewerkers jeugdhulp)")
    );
}

#[test]
fn local_names_follow_the_guideline_components_convention() {
    let mut config = config();
    config.insert("partners.jeugdarts.contact".to_string(), "spreekuur op dinsdag".to_string());
    let mut c = case(Handler::Jeugdverpleegkundige, "leerkracht", 102);
    c.concerns = strings(&["parenting-stress", "learning-problems"]);
    c.impact = Some(Impact::Quite);
    c.duration = Some(Duration::OverOneYear);
    c.family_agrees_referral = true;
    let run = super::run_with(&c, &config);
    let step = run.route(Partner::Jeugdarts, RouteKind::Consultation).expect("jeugdarts step");
    assert_eq!(step.local_name.as_deref(), Some("Jeugdarts van Jeugdgezondheid B — spreekuur op dinsdag"));
}
