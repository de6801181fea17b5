//! One or more tests per region rule id, each through the real reference
//! pipeline, plus the engine's behaviour at its edges (merging, the safety
//! floor, a missing reference) and the consistency of the tables.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec;
use wegwijs_types::{
    Duration, Handler, Handover, Impact, NoConfig, Partner, Purpose, RouteKind, Urgency, Verwijzer,
    is_well_formed_rule_id,
};

use super::{SDQ_17, SDQ_18, case, cites, config, route_cites, run, run_with, screen, sdq};
use crate::rules::{DISCLOSURES, Edit, PROTECTED, RULES};
use crate::{RULE_IDS, route};

/// An A3 referral: impact, duration and the family's agreement.
fn referral_level(c: &mut wegwijs_types::ChildCase) {
    c.impact = Some(Impact::Quite);
    c.duration = Some(Duration::SixToTwelveMonths);
    c.family_agrees_referral = true;
}

#[test]
fn ot_hub_turns_the_a2_jeugd_ggz_consultation_into_the_ots_aanmeldoverleg() {
    let mut c = case(Handler::Jeugdverpleegkundige, "intern-begeleider", 102);
    c.instruments = vec![sdq(&SDQ_17)];
    let run = run(&c);
    assert!(run.reference.routes.iter().any(|r| r.partner == Partner::JeugdGgz), "the guideline consults jeugd-GGZ");
    assert!(!run.partners().contains(&Partner::JeugdGgz));
    let ot = run.route(Partner::Wijkteam, RouteKind::Consultation).expect("OT consultation");
    assert_eq!(ot.urgency, Urgency::Soon);
    assert_eq!(ot.handover, Handover::None);
    assert_eq!(ot.verwijzer, None);
    assert_eq!(ot.local_name.as_deref(), Some("Ondersteuningsteam (OT)"));
    assert!(route_cites(ot, "RT-A2") && route_cites(ot, "REGIO-A-OT-HUB"));
    assert_eq!(ot.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::Consultation));
    assert!(ot.conversation.starts_with("Discuss with the parents that JGZ will discuss"));
    assert!(run.route(Partner::PrimarySchool, RouteKind::Information).is_some(), "the school route is kept");
}

#[test]
fn ot_hub_refers_a3_psychosocial_problems_to_the_ot_and_drops_the_nurses_jeugdarts_step() {
    let mut c = case(Handler::Jeugdverpleegkundige, "intern-begeleider", 102);
    c.concerns = vec!["behaviour-problems".to_string()];
    c.instruments = vec![sdq(&SDQ_18)];
    referral_level(&mut c);
    let run = run(&c);
    assert!(run.reference.routes.iter().any(|r| r.partner == Partner::Jeugdarts));
    assert!(!run.partners().contains(&Partner::JeugdGgz));
    assert!(!run.partners().contains(&Partner::Jeugdarts), "no jeugdarts step for an adviesverwijzing");
    let ot = run.route(Partner::Wijkteam, RouteKind::Referral).expect("OT referral");
    assert_eq!(ot.verwijzer, None, "the OT's consulent issues the beschikking (01) itself");
    assert_eq!(ot.handover, Handover::Warm);
    assert!(route_cites(ot, "RT-A3") && route_cites(ot, "REGIO-A-OT-HUB"));
    assert!(!route_cites(ot, "RT-AUTHORITY"), "the jeugd-GGZ verwijzer reason no longer applies");
    assert_eq!(ot.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::Referral));
    assert!(run.region.reasons.iter().any(|r| r.rule == "REGIO-A-ADVIESVERWIJZING"));
}

#[test]
fn a_jeugdarts_handling_the_case_also_refers_to_the_ot_without_an_adviesverwijzing_step() {
    let mut c = case(Handler::Jeugdarts, "intern-begeleider", 102);
    c.concerns = vec!["behaviour-problems".to_string()];
    c.instruments = vec![sdq(&SDQ_18)];
    referral_level(&mut c);
    let run = run(&c);
    assert!(run.route(Partner::Wijkteam, RouteKind::Referral).is_some());
    assert!(run.cites("REGIO-A-OT-HUB"));
    assert!(!run.cites("REGIO-A-ADVIESVERWIJZING"));
}

#[test]
fn ot_hub_leaves_a_case_under_an_ondertoezichtstelling_to_the_gi() {
    let mut c = case(Handler::Jeugdverpleegkundige, "intern-begeleider", 102);
    c.concerns = vec!["behaviour-problems".to_string()];
    c.instruments = vec![sdq(&SDQ_18)];
    c.gi_involved = true;
    referral_level(&mut c);
    let run = run(&c);
    let ggz = run.route(Partner::JeugdGgz, RouteKind::Referral).expect("the guideline's referral stands");
    assert_eq!(ggz.verwijzer, Some(Verwijzer::GecertificeerdeInstelling));
    assert_eq!(run.region.routes, run.reference.routes);
    assert!(run.cites("REGIO-A-NO-CHANGE"));
}

#[test]
fn a_redirected_referral_merges_into_the_ot_referral_already_proposed() {
    // Psychosocial with an abnormal SDQ (jeugd-GGZ) and a school problem (wijkteam).
    let mut c = case(Handler::Jeugdarts, "intern-begeleider", 102);
    c.concerns = vec!["behaviour-problems".to_string(), "learning-problems".to_string()];
    c.instruments = vec![sdq(&SDQ_18)];
    referral_level(&mut c);
    let run = run(&c);
    let reference_ot = run.reference.routes.iter().find(|r| r.partner == Partner::Wijkteam).expect("reference OT");
    let ots: usize = run.region.routes.iter().filter(|r| r.partner == Partner::Wijkteam).count();
    assert_eq!(ots, 1, "one OT referral, not two");
    let ot = run.route(Partner::Wijkteam, RouteKind::Referral).expect("OT referral");
    assert!(route_cites(ot, "REGIO-A-OT-HUB"));
    assert!(ot.reasons.len() > reference_ot.reasons.len());
    let data = &ot.disclosure.as_ref().expect("disclosure").data;
    assert!(data.contains(&wegwijs_types::DataCategory::RiskFactors), "the guideline's categories stay");
    assert!(data.contains(&wegwijs_types::DataCategory::ScreeningResult), "the redirected route's are added");
}

#[test]
fn medical_questions_go_straight_to_the_jeugdarts_for_a_nurse() {
    let mut c = case(Handler::Jeugdverpleegkundige, "leerkracht", 120);
    c.concerns = vec!["somatic-complaint".to_string()];
    let run = run(&c);
    assert!(run.reference.routes.iter().any(|r| r.partner == Partner::Huisarts));
    assert!(!run.partners().contains(&Partner::Huisarts));
    let ja = run.route(Partner::Jeugdarts, RouteKind::Consultation).expect("jeugdarts consultation");
    assert_eq!(ja.handover, Handover::None);
    assert_eq!(ja.urgency, Urgency::NextContact, "the urgency of the guideline's route");
    assert!(route_cites(ja, "REGIO-A-MEDISCH-JEUGDARTS") && route_cites(ja, "RT-A3"));
    assert!(!route_cites(ja, "RT-WARM"));
    assert_eq!(ja.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::DirectCare));
    assert_eq!(ja.local_name.as_deref(), Some("Jeugdarts JGZ (GGD 4–18, consultatiebureau 0–4)"));
}

#[test]
fn the_jeugdarts_handling_a_medical_question_keeps_it_and_the_ot_coordinates() {
    let mut c = case(Handler::Jeugdarts, "parent", 102);
    c.concerns = vec!["somatic-complaint".to_string(), "anxiety".to_string()];
    referral_level(&mut c);
    let run = run(&c);
    let ja = run.route(Partner::Jeugdarts, RouteKind::Support).expect("jeugdarts support");
    assert_eq!(ja.disclosure, None, "nothing travels: the jeugdarts sees the child herself");
    assert_eq!(ja.urgency, Urgency::Soon);
    assert!(route_cites(ja, "REGIO-A-MEDISCH-JEUGDARTS"));
    assert!(run.route(Partner::Wijkteam, RouteKind::Referral).is_some());
    assert!(run.region.one_plan);
    assert_eq!(
        run.region.care_coordinator.as_deref(),
        Some("the parents, if they can; otherwise the casusregisseur of the Ondersteuningsteam")
    );
    assert!(run.region.reasons.iter().any(|r| r.rule == "REGIO-A-CASUSREGIE"));
}

#[test]
fn casusregie_stays_with_the_gi_under_an_ondertoezichtstelling() {
    let mut c = case(Handler::Jeugdarts, "parent", 102);
    c.concerns = vec!["somatic-complaint".to_string(), "anxiety".to_string()];
    c.gi_involved = true;
    referral_level(&mut c);
    let run = run(&c);
    assert!(run.region.one_plan);
    assert_eq!(run.region.care_coordinator, run.reference.care_coordinator);
    assert!(!run.cites("REGIO-A-CASUSREGIE"));
}

#[test]
fn under_four_ot_routes_go_to_the_aanmeldoverleg_with_the_jgz_0_4_nurse() {
    let mut c = case(Handler::Jeugdverpleegkundige, "jeugdverpleegkundige", 29);
    c.risk_factors = ["parental-stress", "unwanted-pregnancy", "low-parenting-confidence", "teenage-parent"]
        .iter()
        .map(ToString::to_string)
        .collect();
    let run = run(&c);
    let ot = run.route(Partner::Wijkteam, RouteKind::Consultation).expect("OT consultation");
    assert_eq!(
        ot.local_name.as_deref(),
        Some("Aanmeldoverleg van het Ondersteuningsteam, met de jeugdverpleegkundige 0–4")
    );
    assert!(route_cites(ot, "REGIO-A-AANMELDOVERLEG") && route_cites(ot, "RK-ONE-DOMAIN"));
    assert!(ot.conversation.contains("jeugdverpleegkundige 0–4"));

    // Without the configuration key the meeting still has a name.
    let bare = run_with(&c, &BTreeMap::new());
    let ot = bare.route(Partner::Wijkteam, RouteKind::Consultation).expect("OT consultation");
    assert_eq!(ot.local_name.as_deref(), Some("the Ondersteuningsteam's aanmeldoverleg"));

    // From 4 the OT is reached directly.
    let mut older = c.clone();
    older.age = Some(super::born(50));
    assert!(!run_with(&older, &config()).cites("REGIO-A-AANMELDOVERLEG"));
}

#[test]
fn a_signal_from_the_huisarts_practice_goes_to_the_ots_poh_jeugd() {
    let mut c = case(Handler::Jeugdverpleegkundige, "huisarts", 110);
    c.concerns = vec!["anxiety".to_string(), "learning-problems".to_string()];
    let run = run(&c);
    assert!(!run.partners().contains(&Partner::Wijkteam));
    let poh = run.route(Partner::PohJeugd, RouteKind::Consultation).expect("POH-jeugd consultation");
    assert_eq!(poh.local_name.as_deref(), Some("POH-jeugd van het Ondersteuningsteam in de huisartsenpraktijk"));
    assert!(route_cites(poh, "REGIO-A-POH-JEUGD") && route_cites(poh, "RT-A2"));
    assert_eq!(poh.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::Consultation));
}

#[test]
fn veilig_thuis_routes_are_never_touched() {
    let mut c = case(Handler::Jeugdverpleegkundige, "leerkracht", 75);
    c.concerns = vec!["domestic-violence".to_string()];
    c.safety_indicators = vec!["weapon-use".to_string()];
    let run = run(&c);
    let melding = run.route(Partner::VeiligThuisMelding, RouteKind::Melding).expect("melding");
    assert_eq!(melding.urgency, Urgency::Immediate);
    assert_eq!(run.region.routes, run.reference.routes);
    assert!(run.cites("REGIO-A-NO-CHANGE"));

    for row in RULES.rows {
        assert!(!PROTECTED.contains(&row.partner), "{} acts on a Veilig Thuis route", row.rule);
        if let Edit::Redirect { to, .. } = row.edit {
            assert!(!PROTECTED.contains(&to), "{} creates a Veilig Thuis route", row.rule);
        }
    }
}

#[test]
fn without_a_reference_no_route_is_proposed_and_a_warning_says_why() {
    let c = case(Handler::Jeugdverpleegkundige, "leerkracht", 75);
    let (intake, screening) = screen(&c, &BTreeMap::new());
    let card = route(&c, &intake, &screening, None, &NoConfig);
    assert!(card.routes.is_empty());
    assert_eq!(card.urgency, Urgency::NextContact);
    assert!(card.warnings.iter().any(|w| w.rule == "REGIO-A-NO-REFERENCE"));
    assert!(cites(&card, "G-HUMAN"));
}

#[test]
fn the_tables_are_consistent() {
    for id in RULE_IDS {
        assert!(is_well_formed_rule_id(id) && id.starts_with("REGIO-A-"), "{id}");
    }
    for row in RULES.rows {
        assert!(RULE_IDS.contains(&row.rule), "{} is not listed in RULE_IDS", row.rule);
        assert!(
            row.why.len() < 1200 && !row.why.ends_with('.'),
            "{}: the sentence is completed by the engine",
            row.rule
        );
        match row.edit {
            Edit::Drop => assert!(row.conversation.is_empty()),
            Edit::Redirect { to, kind } => {
                assert!(!row.conversation.is_empty());
                for k in row.kinds {
                    let kind = kind.unwrap_or(*k);
                    assert!(
                        DISCLOSURES.iter().any(|d| d.partner == to && d.kind == kind),
                        "{}: no disclosure row for {to} {kind}",
                        row.rule
                    );
                }
            }
            Edit::Venue { .. } => assert!(!row.conversation.is_empty()),
        }
    }
    assert!(RULE_IDS.contains(&crate::CASUSREGIE.rule));
    let manifest = config();
    assert_eq!(manifest.get("partners.wijkteam.name").map(String::as_str), Some("Ondersteuningsteam (OT)"));
}

#[test]
fn local_names_follow_the_guideline_components_convention() {
    let mut config = config();
    config.insert("partners.wijkteam.contact".to_string(), "aanmelden via het loket".to_string());
    // The OT route the region creates …
    let mut redirected = case(Handler::Jeugdverpleegkundige, "intern-begeleider", 102);
    redirected.instruments = vec![sdq(&SDQ_17)];
    let ours = run_with(&redirected, &config);
    // … and one the guideline proposes itself.
    let mut direct = case(Handler::Jeugdverpleegkundige, "leerkracht", 102);
    direct.concerns = vec!["anxiety".to_string(), "learning-problems".to_string()];
    let theirs = run_with(&direct, &config);
    let name =
        |run: &super::Run| run.route(Partner::Wijkteam, RouteKind::Consultation).and_then(|r| r.local_name.clone());
    assert_eq!(name(&ours).as_deref(), Some("Ondersteuningsteam (OT) — aanmelden via het loket"));
    assert_eq!(name(&ours), name(&theirs));
}
