//! Properties over arbitrary ages, requests, consent records, GI
//! involvement, meldcode progress, safety indicators, the family's
//! agreement to a referral and a youth's objection to informing the
//! parents: the rules, the wording (agreement in number, no reassurance) and
//! the 16+ youth's exclusion of the parents.

use super::*;
use crate::RULE_IDS;
use proptest::prelude::*;
use wegwijs_kit::reads_as_reassurance;
use wegwijs_types::{ConsentOutcome as O, DataCategory as C};

pub(super) fn arb_age() -> impl Strategy<Value = Option<ChildAge>> {
    prop_oneof![
        Just(None),
        proptest::option::of(any::<u8>()).prop_map(|w| Some(ChildAge::Prenatal(w))),
        (0u8..30).prop_map(|y| Some(born(y))),
        any::<u16>().prop_map(|m| Some(ChildAge::ReportedMonths(m))),
        // Inconsistent fields must not panic either.
        (any::<u16>(), any::<u8>())
            .prop_map(|(months, years)| Some(ChildAge::Born(wegwijs_types::AgeSinceBirth { months, years }))),
    ]
}

pub(super) fn arb_meldcode() -> impl Strategy<Value = Option<MeldcodeInput>> {
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

/// Phrases that break agreement or layout in a generated sentence. Correct
/// uses that contain them are neutralised first: "the consent of the
/// parents is" ("consent" is the subject) and "… and the youth are" (a
/// plural list).
const UNGRAMMATICAL: &[&str] = &[
    "parents is ",
    "youth are ",
    "parent concerned are ",
    "nobody are ",
    "youth were ",
    "parents was ",
    "consent and is ",
    "consents and are ",
    "(s)",
    "  ",
    " ,",
    " .",
    "..",
    " a a",
    " a e",
    " a o",
];

/// Every reason reads as a sentence: capital first, full stop last, no
/// broken agreement, and nothing that reads as reassurance (a consent card
/// stands on safety cards and beside unusable instruments too).
fn well_formed(text: &str) -> Result<(), TestCaseError> {
    prop_assert!(text.chars().next().is_some_and(char::is_uppercase), "{}", text);
    prop_assert!(text.ends_with('.'), "{}", text);
    let checked =
        text.replace("consent of the parents is", "consent of them is").replace("and the youth ", "and them ");
    for bad in UNGRAMMATICAL {
        prop_assert!(!checked.contains(bad), "{:?} in {}", bad, text);
    }
    prop_assert!(!reads_as_reassurance(text), "{}", text);
    Ok(())
}

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
        agrees in any::<bool>(),
        indicators in proptest::collection::vec("[a-z-]{0,12}", 0..3),
        meld in arb_meldcode(),
    ) {
        let mut c = case(0);
        c.age = age;
        c.gi_involved = gi;
        c.youth_objects_to_informing_parents = objects;
        c.family_agrees_referral = agrees;
        c.safety_indicators = indicators;
        c.meldcode = meld;
        c.consents = records.iter().map(|(p, r, g)| record(*p, *r, *g)).collect();
        let mut reqs: Vec<DisclosureRequest> = requests.iter().map(|(r, p, d)| req(*r, *p, d)).collect();
        // The two rules with their own parties, on every case.
        reqs.push(req(Partner::Verwijsindex, Purpose::VerwijsindexSignal, C::ALL));
        reqs.push(req(Partner::ParentGgz, Purpose::ParentOwnCare, C::ALL));

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
                // No sentence names the parents the youth excluded, except
                // on a parent's own care, which is about the parent.
                if r.purpose != Purpose::ParentOwnCare && r.recipient != Partner::ParentGgz {
                    for reason in &card.reasons {
                        prop_assert!(!reason.text.to_lowercase().contains("parent"), "{}", reason.text);
                    }
                }
            }
            for reason in &card.reasons {
                well_formed(&reason.text)?;
            }

            let endangers = c.meldcode.as_ref().is_some_and(|m| m.telling_endangers);
            let years = match &c.age {
                Some(ChildAge::Prenatal(_)) | None => None,
                Some(a) => a.whole_years(),
            };
            // CS-VIR: permitted without consent, contact details at most;
            // nobody informed when that endangers someone, the youth alone
            // from 16.
            if r.purpose == Purpose::VerwijsindexSignal && r.recipient == Partner::Verwijsindex {
                prop_assert_eq!(card.outcome, O::Permitted);
                prop_assert!(card.consent_of.is_empty());
                prop_assert!(card.permitted_data.iter().all(|d| *d == C::ContactDetails));
                prop_assert!(card.reasons.iter().any(|x| x.rule == "CS-VIR"));
                if endangers {
                    prop_assert!(card.inform.is_empty());
                } else if years.is_some_and(|y| y >= 16) {
                    prop_assert_eq!(&card.inform, &vec![Party::Youth]);
                } else if years.is_some_and(|y| y < 12) {
                    prop_assert_eq!(&card.inform, &vec![Party::Parents]);
                }
            }
            // CS-OWN-CARE: only the parent concerned decides, and only the
            // concern may go.
            if r.purpose == Purpose::ParentOwnCare && r.recipient == Partner::ParentGgz {
                prop_assert!(card.consent_of.iter().all(|p| *p == Party::ReferredParent));
                prop_assert_eq!(card.outcome == O::Permitted, given(&Party::ReferredParent, r.recipient));
                prop_assert!(card.permitted_data.iter().all(|d| *d == C::ConcernSummary));
                prop_assert!(card.inform.is_empty());
                if card.outcome == O::NeedsConsent {
                    prop_assert!(card.reasons.iter().any(|x| x.text.contains("\"party\": \"referred-parent\"")));
                }
            }
            // An agreement to a referral is never read as consent, and a card
            // that still needs consent says how to record it.
            if card.outcome == O::NeedsConsent {
                prop_assert!(card.reasons.iter().all(|x| !x.text.contains("may go on that consent")));
                // Only on a referral: the agreement is about being referred.
                if agrees && r.purpose == Purpose::Referral {
                    prop_assert!(card.reasons.iter().any(|x| x.text.contains("agreed to the referral, but")
                        && x.text.contains("record it in the EPD")
                        && x.text.contains("\"given\": true")));
                }
            }
            if !agrees {
                prop_assert!(card.reasons.iter().all(|x| !x.text.contains("agreed to the referral")));
            }
        }
    }
}
