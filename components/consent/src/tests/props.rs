//! Properties over arbitrary ages, requests, consent records, GI
//! involvement, meldcode progress and safety indicators.

use super::*;
use crate::RULE_IDS;
use proptest::prelude::*;
use wegwijs_types::{ConsentOutcome as O, DataCategory as C};

fn arb_age() -> impl Strategy<Value = Option<ChildAge>> {
    prop_oneof![
        Just(None),
        proptest::option::of(any::<u8>()).prop_map(|w| Some(ChildAge::Prenatal(w))),
        (0u8..30).prop_map(|y| Some(born(y))),
        any::<u16>().prop_map(|m| Some(ChildAge::ReportedMonths(m))),
        // Inconsistent fields must not panic either.
        (any::<u32>(), any::<u16>(), any::<u8>()).prop_map(|(days, months, years)| Some(ChildAge::Born(
            wegwijs_types::AgeSinceBirth { days, months, years }
        ))),
    ]
}

fn arb_meldcode() -> impl Strategy<Value = Option<MeldcodeInput>> {
    proptest::option::of((any::<bool>(), any::<bool>(), proptest::option::of(any::<bool>()), any::<bool>()).prop_map(
        |(suspicion, structural, told, endangers)| {
            let mut m = meldcode(suspicion, told, endangers);
            m.structural_unsafety = structural;
            m
        },
    ))
}

/// Whose consent CS-AGE needs, spelled out independently of the engine.
fn needed(age: &Option<ChildAge>) -> Vec<Party> {
    match age {
        Some(ChildAge::Prenatal(_)) => vec![Party::Parents],
        Some(a) => match a.whole_years() {
            Some(y) if y < 12 => vec![Party::Parents],
            Some(y) if y < 16 => vec![Party::Parents, Party::Youth],
            Some(_) => vec![Party::Youth],
            None => vec![Party::Parents, Party::Youth],
        },
        None => vec![Party::Parents, Party::Youth],
    }
}

use alloc::vec;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn consent_properties(
        age in arb_age(),
        requests in proptest::collection::vec(
            (proptest::sample::select(Partner::ALL), proptest::sample::select(Purpose::ALL),
             proptest::collection::vec(proptest::sample::select(C::ALL), 0..10)),
            0..8),
        records in proptest::collection::vec(
            (proptest::sample::select(Party::ALL), proptest::sample::select(Partner::ALL), any::<bool>()), 0..10),
        gi in any::<bool>(),
        objects in any::<bool>(),
        indicators in proptest::collection::vec("[a-z-]{0,12}", 0..3),
        meld in arb_meldcode(),
    ) {
        let mut c = case(0);
        c.age = age;
        c.gi_involved = gi;
        c.youth_objects_to_informing_parents = objects;
        c.safety_indicators = indicators;
        c.meldcode = meld;
        c.consents = records.iter().map(|(p, r, g)| record(*p, *r, *g)).collect();
        let reqs: Vec<DisclosureRequest> = requests.iter().map(|(r, p, d)| req(*r, *p, d)).collect();

        let cards = check(&c, &reqs);
        prop_assert_eq!(cards.len(), reqs.len());
        let needed = needed(&c.age);
        let given = |p: &Party, to: Partner| {
            c.consents.iter().rev().find(|x| x.party == *p && x.recipient == to).map(|x| x.given) == Some(true)
        };
        for (card, r) in cards.iter().zip(&reqs) {
            prop_assert_eq!(&card.request, r);
            for d in &card.permitted_data {
                prop_assert!(r.data.contains(d), "{:?} not requested", d);
            }
            if r.purpose == Purpose::VeiligThuisAdvice {
                prop_assert!(!card.permitted_data.contains(&C::ContactDetails));
            }
            let permits = matches!(card.outcome, O::Permitted | O::AnonymousOnly);
            if !permits {
                prop_assert!(card.permitted_data.is_empty());
            } else {
                prop_assert!(card.legal_basis.is_some());
                prop_assert!(card.reasons.iter().any(|x| x.rule == "CS-MINIMAL"));
            }
            // CS-DEFAULT never permits without every needed consent recorded.
            let on_default = card.reasons.iter().any(|x| x.rule == "CS-DEFAULT")
                || matches!(r.purpose, Purpose::Referral | Purpose::Consultation | Purpose::Coordination);
            if card.outcome == O::Permitted && on_default {
                for p in &needed {
                    prop_assert!(given(p, r.recipient), "{:?} has not consented to {}", p, r.recipient);
                }
            }
            prop_assert_eq!(card.outcome == O::ProfessionalJudgement, !card.checklist.is_empty());
            if card.outcome == O::ProfessionalJudgement {
                prop_assert!(card.reasons.iter().any(|x| x.rule == "CS-CONFLICT"));
            }
            prop_assert!(!card.reasons.is_empty());
            for reason in &card.reasons {
                prop_assert!(RULE_IDS.contains(&reason.rule.as_str()), "{}", reason.rule);
                prop_assert!(!reason.text.is_empty());
            }
            if objects && needed == [Party::Youth] {
                prop_assert!(!card.inform.contains(&Party::Parents));
            }
        }
    }
}
