//! Region configuration without code, case by case: with no keys set the
//! card is the national default; each key changes exactly the route it
//! documents and says so in a reason citing RT-A2 and naming the key; a
//! value outside the allowed set changes nothing and becomes a warning
//! naming the key and the value. A property test checks that arbitrary
//! values never panic and never bring unknown rule ids.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use proptest::prelude::*;
use proptest::sample::select;
use wegwijs_types::{
    Action, DataCategory, Domain, Handler, IntakeOutcome, Level, MeldcodeConclusion, Partner, Purpose, RiskDomain,
    RiskFactor, RouteKind, RoutingCard, Urgency,
};

use super::*;
use crate::tables::{CHILD_ROUTES, HUB, LOCAL_NAME_MAX_CHARS, POH_JEUGD};
use crate::{DISCLOSURES, RULE_IDS};

/// A region configuration from key–value pairs.
fn config(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Routes the case with the given configuration.
fn run_with(
    pairs: &[(&str, &str)],
    c: &wegwijs_types::ChildCase,
    i: &wegwijs_types::IntakeCard,
    s: &wegwijs_types::ScreeningCard,
) -> RoutingCard {
    crate::route(c, i, s, &config(pairs))
}

/// A2, one psychosocial concern, no instrument and no risk card: the
/// single-issue question the hub takes.
fn single_issue_a2() -> (wegwijs_types::ChildCase, wegwijs_types::IntakeCard, wegwijs_types::ScreeningCard) {
    let mut i = intake();
    concern(&mut i, "anxiety", Domain::Psychosocial);
    (case(), i, screening(Action::A2))
}

/// A2, one psychosocial concern and an abnormal SDQ: today a jeugd-GGZ
/// consultation, with a POH-jeugd the POH-jeugd.
fn abnormal_sdq_a2() -> (wegwijs_types::ChildCase, wegwijs_types::IntakeCard, wegwijs_types::ScreeningCard) {
    let (c, i, mut s) = single_issue_a2();
    s.instruments.push(sdq_abnormal());
    (c, i, s)
}

/// A risk factor on the card.
fn risk(code: &str, domain: RiskDomain, red: bool) -> RiskFactor {
    RiskFactor { code: code.to_string(), domain, red }
}

/// Whether any route reason or warning mentions regional configuration.
fn mentions_configuration(card: &RoutingCard) -> bool {
    card.routes.iter().flat_map(|r| &r.reasons).chain(&card.warnings).any(|r| r.text.contains("configuration"))
}

// --- defaults ------------------------------------------------------------

#[test]
fn no_configuration_is_the_national_default() {
    for (c, i, s) in [single_issue_a2(), abnormal_sdq_a2()] {
        let plain = run(&c, &i, &s);
        let empty = run_with(&[], &c, &i, &s);
        assert_eq!(plain, empty);
        assert!(!mentions_configuration(&plain));
        assert!(plain.warnings.is_empty());
        assert!(plain.routes.iter().all(|r| r.local_name.is_none()));
    }
    let (c, i, s) = single_issue_a2();
    assert_eq!(partners(&run(&c, &i, &s)), vec![Partner::Wijkteam, Partner::PrimarySchool]);
    let (c, i, s) = abnormal_sdq_a2();
    assert_eq!(partners(&run(&c, &i, &s)), vec![Partner::JeugdGgz, Partner::PrimarySchool]);
}

#[test]
fn naming_the_defaults_explicitly_changes_nothing() {
    let defaults = [("routing.hub", "wijkteam"), ("routing.poh-jeugd", "false")];
    for (c, i, s) in [single_issue_a2(), abnormal_sdq_a2()] {
        assert_eq!(run_with(&defaults, &c, &i, &s), run(&c, &i, &s));
    }
}

// --- partners.<partner>.name / .contact ----------------------------------

#[test]
fn local_name_joins_name_and_contact() {
    let (c, i, s) = single_issue_a2();
    let card = run_with(
        &[
            ("partners.wijkteam.name", "Sociaal Team Noord"),
            ("partners.wijkteam.contact", " aanmeldoverleg on Tuesdays "),
            ("partners.primary-school.contact", "via the intern begeleider"),
        ],
        &c,
        &i,
        &s,
    );
    let wt = find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert_eq!(wt.local_name.as_deref(), Some("Sociaal Team Noord — aanmeldoverleg on Tuesdays"));
    let school = find(&card, Partner::PrimarySchool, RouteKind::Information);
    assert_eq!(school.local_name.as_deref(), Some("via the intern begeleider"), "contact alone");
    // A local name is not a change of route: no reason, no warning.
    assert!(!mentions_configuration(&card));
}

#[test]
fn local_name_ignores_blank_parts_and_clips_each_part() {
    let (c, i, s) = single_issue_a2();
    let card = run_with(&[("partners.wijkteam.name", "Team Zuid"), ("partners.wijkteam.contact", "  ")], &c, &i, &s);
    assert_eq!(find(&card, Partner::Wijkteam, RouteKind::Consultation).local_name.as_deref(), Some("Team Zuid"));

    let long = "x".repeat(LOCAL_NAME_MAX_CHARS + 50);
    let card = run_with(&[("partners.wijkteam.name", &long), ("partners.wijkteam.contact", "phone")], &c, &i, &s);
    let name = find(&card, Partner::Wijkteam, RouteKind::Consultation).local_name.clone().expect("local name");
    assert!(name.ends_with("… — phone"), "{name}");
    assert_eq!(name.chars().count(), LOCAL_NAME_MAX_CHARS + 1 + " — phone".chars().count());
}

// --- routing.hub ---------------------------------------------------------

#[test]
fn hub_poh_jeugd_takes_the_single_issue_consultation() {
    let (c, i, s) = single_issue_a2();
    let card = run_with(&[("routing.hub", "poh-jeugd"), ("partners.poh-jeugd.name", "POH-jeugd De Linde")], &c, &i, &s);
    assert_eq!(partners(&card), vec![Partner::PohJeugd, Partner::PrimarySchool]);
    let r = find(&card, Partner::PohJeugd, RouteKind::Consultation);
    assert_eq!(r.urgency, Urgency::Soon);
    assert_eq!(r.verwijzer, None);
    assert_eq!(r.local_name.as_deref(), Some("POH-jeugd De Linde"));
    assert!(cites_with(&r.reasons, "RT-A2", "consult the POH-jeugd at the huisarts practice, this region's hub"));
    assert!(cites_with(&r.reasons, "RT-A2", "Regional configuration routing.hub = \"poh-jeugd\""));
    assert!(cites_with(&r.reasons, "RT-A2", "would consult the sociaal wijkteam (the default)"));
    assert!(cites(&r.reasons, "RT-URGENCY"));
    let d = r.disclosure.as_ref().expect("disclosure");
    assert_eq!(d.purpose, Purpose::Consultation);
    assert_eq!(d.data, vec![DataCategory::ConcernSummary, DataCategory::ScreeningResult]);
    assert!(r.conversation.contains("consult the POH-jeugd"), "{}", r.conversation);
    assert!(card.warnings.is_empty());
}

#[test]
fn hub_jgz_light_support_keeps_the_question_in_the_team() {
    let (c, i, s) = single_issue_a2();
    let card = run_with(&[("routing.hub", "jgz-light-support")], &c, &i, &s);
    assert!(!partners(&card).contains(&Partner::Wijkteam));
    let r = find(&card, Partner::JgzLightSupport, RouteKind::Consultation);
    assert!(cites_with(&r.reasons, "RT-A2", "gedragswetenschapper or pedagogisch adviseur"));
    assert!(cites_with(&r.reasons, "RT-A2", "routing.hub = \"jgz-light-support\""));
    assert_eq!(r.disclosure, None, "nothing leaves JGZ");
    assert!(r.conversation.contains("within its own team"), "{}", r.conversation);
}

#[test]
fn hub_jeugdarts_consults_the_teams_jeugdarts() {
    let (mut c, i, s) = single_issue_a2();
    c.handler = Handler::Jeugdverpleegkundige;
    let card = run_with(&[("routing.hub", "jeugdarts")], &c, &i, &s);
    let r = find(&card, Partner::Jeugdarts, RouteKind::Consultation);
    assert!(cites_with(&r.reasons, "RT-A2", "jeugdarts of the JGZ team"));
    assert!(cites_with(&r.reasons, "RT-A2", "routing.hub = \"jeugdarts\""));
    assert_eq!(r.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::DirectCare));
    // No referral on this card, so the conversation does not announce one.
    assert!(!r.conversation.contains("referral"), "{}", r.conversation);
    assert!(!partners(&card).contains(&Partner::Wijkteam));
}

#[test]
fn hub_value_is_trimmed_and_case_insensitive() {
    let (c, i, s) = single_issue_a2();
    let card = run_with(&[("routing.hub", "  POH-Jeugd ")], &c, &i, &s);
    assert!(partners(&card).contains(&Partner::PohJeugd));
    assert!(card.warnings.is_empty());
}

#[test]
fn hub_with_no_coded_domain_or_a_parenting_question_applies() {
    let card = run_with(&[("routing.hub", "poh-jeugd")], &case(), &intake(), &screening(Action::A2));
    assert!(partners(&card).contains(&Partner::PohJeugd));
    let mut i = intake();
    concern(&mut i, "parenting-stress", Domain::ParentChild);
    let card = run_with(&[("routing.hub", "poh-jeugd")], &case(), &i, &screening(Action::A2));
    assert!(partners(&card).contains(&Partner::PohJeugd));
}

#[test]
fn hub_leaves_other_domains_and_safety_signals_with_the_wijkteam() {
    // One concern domain outside the hub's questions.
    let mut i = intake();
    concern(&mut i, "learning-problems", Domain::School);
    let card = run_with(&[("routing.hub", "poh-jeugd")], &case(), &i, &screening(Action::A2));
    let wt = find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert!(cites_with(&wt.reasons, "RT-A2", "routing.hub = \"poh-jeugd\" does not apply to this case"));
    assert!(cites_with(&wt.reasons, "RT-A2", "outside psychosocial and parent-child (school)"));
    assert!(!partners(&card).contains(&Partner::PohJeugd));

    // A safety track under assessment.
    let (c, i, mut s) = single_issue_a2();
    s.meldcode = Some(meldcode(MeldcodeConclusion::Assess, false));
    let card = run_with(&[("routing.hub", "poh-jeugd")], &c, &i, &s);
    let wt = find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert!(cites_with(&wt.reasons, "RT-A2", "safety signal"));
    assert!(!partners(&card).contains(&Partner::PohJeugd));
}

#[test]
fn hub_takes_a_single_domain_risk_card_concern_without_red_factors() {
    let mut i = intake();
    concern(&mut i, "parenting-stress", Domain::ParentChild);
    let mut s = screening(Action::A2);
    s.risk_card.level = Level::Concern;
    s.risk_card.risk_factors = ["parental-stress", "unwanted-pregnancy", "low-parenting-confidence", "teenage-parent"]
        .iter()
        .map(|code| risk(code, RiskDomain::ParentFamily, false))
        .collect();
    let card = run_with(&[("routing.hub", "poh-jeugd")], &case(), &i, &s);
    assert!(!partners(&card).contains(&Partner::Wijkteam));
    let r = find(&card, Partner::PohJeugd, RouteKind::Consultation);
    assert!(cites_with(&r.reasons, "RT-A2", "(4 risk factors on the card)"));
    assert!(cites_with(&r.reasons, "RK-ONE-DOMAIN", "in this region that is the POH-jeugd"));
    assert!(cites_with(&r.reasons, "RT-A2", "routing.hub = \"poh-jeugd\""));

    // Without the key the guideline's wording stands.
    let card = run(&case(), &i, &s);
    let wt = find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert!(cites_with(&wt.reasons, "RK-ONE-DOMAIN", "discuss in the wijkteam"));

    // A red factor keeps the wijkteam.
    s.risk_card.risk_factors.push(risk("parent-addiction", RiskDomain::ParentFamily, true));
    let card = run_with(&[("routing.hub", "poh-jeugd")], &case(), &i, &s);
    let wt = find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert!(cites_with(&wt.reasons, "RT-A2", "a red factor (parent-addiction)"));
    assert!(cites_with(&wt.reasons, "RK-ONE-DOMAIN", "discuss in the wijkteam"));
    assert!(!partners(&card).contains(&Partner::PohJeugd));

    // So does an abnormal instrument beside the risk card.
    s.risk_card.risk_factors.pop();
    s.instruments.push(sdq_abnormal());
    let card = run_with(&[("routing.hub", "poh-jeugd")], &case(), &i, &s);
    let wt = find(&card, Partner::Wijkteam, RouteKind::Consultation);
    assert!(cites_with(&wt.reasons, "RT-A2", "abnormal instrument"));
    assert!(partners(&card).contains(&Partner::JeugdGgz));
}

#[test]
fn hub_never_takes_high_risk_multi_domain_or_a3() {
    let hub = [("routing.hub", "poh-jeugd")];
    // Two domains: the wijkteam's aanmeldoverleg (multi-domain trigger).
    let mut i = intake();
    concern(&mut i, "anxiety", Domain::Psychosocial);
    concern(&mut i, "parenting-stress", Domain::ParentChild);
    let card = run_with(&hub, &case(), &i, &screening(Action::A2));
    assert_eq!(card, run(&case(), &i, &screening(Action::A2)));
    // Risk card high: IMH and the wijkteam (RK-MULTI-DOMAIN).
    let (c, i, mut s) = single_issue_a2();
    s.risk_card.level = Level::High;
    assert_eq!(run_with(&hub, &c, &i, &s), run(&c, &i, &s));
    // A3 referrals.
    let (c, i, mut s) = single_issue_a2();
    s.action = Action::A3;
    assert_eq!(run_with(&hub, &c, &i, &s), run(&c, &i, &s));
}

#[test]
fn hub_unknown_value_warns_and_keeps_the_default() {
    let (c, i, s) = single_issue_a2();
    let card = run_with(&[("routing.hub", "sociaal-team")], &c, &i, &s);
    let mut default = run(&c, &i, &s);
    assert_eq!(card.routes, default.routes);
    assert!(cites_with(&card.warnings, "RT-A2", "routing.hub = \"sociaal-team\""));
    assert!(cites_with(&card.warnings, "RT-A2", "wijkteam, jgz-light-support, poh-jeugd, jeugdarts"));
    default.warnings = card.warnings.clone();
    assert_eq!(card, default, "nothing but the warning differs");

    // An empty value is a value too, and a long one is echoed clipped.
    let card = run_with(&[("routing.hub", "")], &c, &i, &s);
    assert!(cites_with(&card.warnings, "RT-A2", "routing.hub = \"\""));
    let long = "y".repeat(500);
    let card = run_with(&[("routing.hub", &long)], &c, &i, &s);
    let w = card.warnings.first().expect("warning");
    assert!(w.text.len() < 300, "{}", w.text);
}

#[test]
fn hub_poh_jeugd_contradicting_poh_jeugd_false_warns() {
    let (c, i, s) = single_issue_a2();
    let card = run_with(&[("routing.hub", "poh-jeugd"), ("routing.poh-jeugd", "false")], &c, &i, &s);
    assert!(partners(&card).contains(&Partner::Wijkteam));
    assert!(!partners(&card).contains(&Partner::PohJeugd));
    assert!(cites_with(&card.warnings, "RT-A2", "contradicts routing.poh-jeugd = false"));
}

#[test]
fn configuration_warnings_also_reach_a_closed_signal() {
    let mut i = intake();
    i.outcome = IntakeOutcome::Closed;
    let card = run_with(&[("routing.poh-jeugd", "maybe")], &case(), &i, &screening(Action::A0));
    assert!(card.routes.is_empty());
    assert!(cites_with(&card.warnings, "RT-A2", "routing.poh-jeugd = \"maybe\""));
}

// --- routing.poh-jeugd ---------------------------------------------------

#[test]
fn poh_jeugd_takes_a_single_psychosocial_question_with_an_abnormal_instrument() {
    let (c, i, s) = abnormal_sdq_a2();
    let card = run_with(&[("routing.poh-jeugd", "true")], &c, &i, &s);
    assert_eq!(partners(&card), vec![Partner::PohJeugd, Partner::PrimarySchool]);
    let r = find(&card, Partner::PohJeugd, RouteKind::Consultation);
    assert_eq!(r.verwijzer, None);
    assert!(cites_with(&r.reasons, "RT-A2", "consult the POH-jeugd at the huisarts practice first"));
    assert!(cites_with(&r.reasons, "RT-A2", "(abnormal: SDQ)"));
    assert!(cites_with(&r.reasons, "RT-A2", "Regional configuration routing.poh-jeugd = true"));
    assert!(cites_with(&r.reasons, "RT-A2", "would consult jeugd-GGZ"));
    assert_eq!(r.disclosure.as_ref().map(|d| d.purpose), Some(Purpose::Consultation));
    assert!(card.warnings.is_empty());

    // No coded domain: the abnormal instrument is itself the psychosocial question.
    let mut s = screening(Action::A2);
    s.instruments.push(sdq_abnormal());
    let card = run_with(&[("routing.poh-jeugd", " TRUE ")], &case(), &intake(), &s);
    assert!(partners(&card).contains(&Partner::PohJeugd));
    assert!(!partners(&card).contains(&Partner::JeugdGgz));
}

#[test]
fn poh_jeugd_keeps_jeugd_ggz_for_multi_domain_or_high_risk() {
    let poh = [("routing.poh-jeugd", "true")];
    // Multi-domain: jeugd-GGZ and the wijkteam, as without the key.
    let (c, mut i, s) = abnormal_sdq_a2();
    concern(&mut i, "learning-problems", Domain::School);
    let card = run_with(&poh, &c, &i, &s);
    assert_eq!(partners(&card), partners(&run(&c, &i, &s)));
    let r = find(&card, Partner::JeugdGgz, RouteKind::Consultation);
    assert!(cites_with(&r.reasons, "RT-A2", "routing.poh-jeugd = true does not apply to this case"));
    assert!(cites_with(&r.reasons, "RT-A2", "(school)"));

    // Risk card at concern or above.
    for level in [Level::Concern, Level::High] {
        let (c, i, mut s) = abnormal_sdq_a2();
        s.risk_card.level = level;
        let card = run_with(&poh, &c, &i, &s);
        assert!(!partners(&card).contains(&Partner::PohJeugd), "{level}");
        let r = find(&card, Partner::JeugdGgz, RouteKind::Consultation);
        assert!(cites_with(&r.reasons, "RT-A2", "the risk card is at level"), "{level}");
    }

    // A safety signal from intake.
    let (c, mut i, s) = abnormal_sdq_a2();
    concern(&mut i, "neglect", Domain::Safety);
    let card = run_with(&poh, &c, &i, &s);
    assert!(!partners(&card).contains(&Partner::PohJeugd));
    assert!(cites_with(&find(&card, Partner::JeugdGgz, RouteKind::Consultation).reasons, "RT-A2", "safety signal"));
}

#[test]
fn poh_jeugd_never_changes_a3_referrals() {
    let (c, i, mut s) = abnormal_sdq_a2();
    s.action = Action::A3;
    let poh = [("routing.poh-jeugd", "true"), ("routing.hub", "poh-jeugd")];
    assert_eq!(run_with(&poh, &c, &i, &s), run(&c, &i, &s));
    assert!(partners(&run_with(&poh, &c, &i, &s)).contains(&Partner::JeugdGgz));
}

#[test]
fn poh_jeugd_bad_value_warns_and_keeps_jeugd_ggz() {
    let (c, i, s) = abnormal_sdq_a2();
    for bad in ["yes", "1", "ja", ""] {
        let card = run_with(&[("routing.poh-jeugd", bad)], &c, &i, &s);
        assert!(partners(&card).contains(&Partner::JeugdGgz), "{bad}");
        assert!(!partners(&card).contains(&Partner::PohJeugd), "{bad}");
        let expected = alloc::format!("routing.poh-jeugd = {bad:?} is not true or false");
        assert!(cites_with(&card.warnings, "RT-A2", &expected), "{bad}: {:?}", card.warnings);
    }
}

#[test]
fn hub_and_poh_jeugd_together() {
    let both = [("routing.hub", "poh-jeugd"), ("routing.poh-jeugd", "true")];
    let (c, i, s) = single_issue_a2();
    assert!(partners(&run_with(&both, &c, &i, &s)).contains(&Partner::PohJeugd));
    let (c, i, s) = abnormal_sdq_a2();
    let card = run_with(&both, &c, &i, &s);
    // One POH-jeugd consultation, not one per key.
    assert_eq!(card.routes.iter().filter(|r| r.partner == Partner::PohJeugd).count(), 1);
    assert!(card.warnings.is_empty());
}

// --- the tables behind the keys -----------------------------------------

#[test]
fn hub_and_poh_tables_match_the_rows_they_replace() {
    assert!(RULE_IDS.contains(&HUB.rule) && RULE_IDS.contains(&POH_JEUGD.rule));
    for trigger in HUB.triggers {
        let row = CHILD_ROUTES.rows.iter().find(|r| r.action == HUB.action && r.trigger == *trigger);
        let row = row.expect("a row the hub takes over");
        assert_eq!(row.partner.name(), HUB.default, "{trigger:?}");
        assert_eq!(row.kind, RouteKind::Consultation);
        assert_eq!(row.rule, HUB.rule);
    }
    for (n, row) in HUB.rows.iter().enumerate() {
        assert_eq!(row.value, row.partner.name(), "a hub value is the partner's WIT name");
        assert_ne!(row.value, HUB.default);
        assert!(!HUB.rows.iter().skip(n + 1).any(|o| o.value == row.value));
        // Every hub route has a disclosure row (possibly "nothing travels").
        assert!(DISCLOSURES.rows.iter().any(|d| d.partner == row.partner && d.kind.is_none_or(|k| k == row.kind)));
    }
    let poh_row = CHILD_ROUTES.rows.iter().find(|r| r.action == POH_JEUGD.action && r.trigger == POH_JEUGD.trigger);
    let poh_row = poh_row.expect("the POH-jeugd's row");
    assert_eq!((poh_row.partner, poh_row.kind), (Partner::JeugdGgz, RouteKind::Consultation));
    assert_eq!(poh_row.rule, POH_JEUGD.rule);
}

// --- arbitrary values ----------------------------------------------------

const VALUES: &[&str] =
    &["wijkteam", "poh-jeugd", "jeugdarts", "jgz-light-support", "true", "false", "", " ", "TRUE", "jeugd-ggz"];

fn value() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![select(VALUES).prop_map(String::from), ".{0,300}"])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_configuration_never_breaks_the_card(
        hub in value(),
        poh in value(),
        name in value(),
        contact in value(),
        action in select(Action::ALL),
        risk in select(Level::ALL),
        abnormal in any::<bool>(),
        domains in proptest::collection::vec(select(Domain::ALL), 0..3),
    ) {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (key, v) in [
            ("routing.hub", &hub),
            ("routing.poh-jeugd", &poh),
            ("partners.poh-jeugd.name", &name),
            ("partners.poh-jeugd.contact", &contact),
        ] {
            if let Some(v) = v {
                pairs.push((key.to_string(), v.clone()));
            }
        }
        let cfg: BTreeMap<String, String> = pairs.into_iter().collect();
        let mut i = intake();
        for d in &domains {
            concern(&mut i, "code", *d);
        }
        let mut s = screening(action);
        s.risk_card.level = risk;
        if abnormal {
            s.instruments.push(sdq_abnormal());
        }
        let card = crate::route(&case(), &i, &s, &cfg);
        for r in card.reasons.iter().chain(&card.warnings).chain(card.routes.iter().flat_map(|r| &r.reasons)) {
            prop_assert!(RULE_IDS.contains(&r.rule.as_str()), "{}", r.rule);
            prop_assert!(r.text.len() <= 2048);
        }
        for r in &card.routes {
            prop_assert!(r.local_name.as_ref().is_none_or(|n| n.len() <= 2048));
            prop_assert!(r.disclosure.as_ref().is_none_or(|d| d.recipient == r.partner));
        }
        // Configuration never adds or removes routes outside A2.
        if action != Action::A2 {
            prop_assert_eq!(partners(&card), partners(&run(&case(), &i, &s)));
        }
        prop_assert!(card.routes.windows(2).all(|w| w[0].urgency <= w[1].urgency));
    }
}
