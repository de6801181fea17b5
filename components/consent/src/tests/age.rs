//! CS-AGE: every boundary of the age table, prenatal, unknown, months, and
//! the 16+ youth's say over informing the parents.

use super::*;
use wegwijs_types::ConsentOutcome;

const P: Party = Party::Parents;
const Y: Party = Party::Youth;

/// Consent and inform on a CS-DEFAULT referral at `age`, with its CS-AGE text.
fn at(age: Option<ChildAge>, objects: bool) -> (Vec<Party>, Vec<Party>, std::string::String) {
    let mut c = case(0);
    c.age = age;
    c.youth_objects_to_informing_parents = objects;
    let card = one(&c, referral());
    assert_eq!(card.outcome, ConsentOutcome::NeedsConsent);
    assert!(cites(&card, "CS-AGE"), "{card:?}");
    assert!(cites(&card, "CS-DEFAULT"), "{card:?}");
    let text = reason(&card, "CS-AGE").into();
    (card.consent_of, card.inform, text)
}

#[test]
fn eleven_is_parents_only() {
    let (consent, inform, text) = at(Some(born(11)), false);
    assert_eq!(consent, [P]);
    assert_eq!(inform, [P]);
    assert!(text.contains("11 years") && text.contains("under 12"), "{text}");
    assert!(text.contains("consent and are informed") && !text.contains("parents is"), "{text}");
}

#[test]
fn twelve_is_both() {
    let (consent, inform, text) = at(Some(born(12)), false);
    assert_eq!(consent, [P, Y]);
    assert_eq!(inform, [P, Y]);
    assert!(text.contains("12 years") && text.contains("the parents and the youth"), "{text}");
}

#[test]
fn fifteen_is_both_and_an_objection_does_not_decide() {
    let (consent, inform, _) = at(Some(born(15)), false);
    assert_eq!(consent, [P, Y]);
    assert_eq!(inform, [P, Y]);
    let (consent, inform, text) = at(Some(born(15)), true);
    assert_eq!(consent, [P, Y]);
    assert_eq!(inform, [P, Y], "under 16 the youth does not decide about informing the parents");
    assert!(text.contains("does not decide before 16"), "{text}");
}

#[test]
fn sixteen_is_the_youth_alone_who_decides_about_the_parents() {
    let (consent, inform, text) = at(Some(born(16)), false);
    assert_eq!(consent, [Y]);
    assert_eq!(inform, [P, Y]);
    assert!(text.contains("16 years") && text.contains("youth consents alone"), "{text}");
    assert!(text.contains("has not objected, so the parents and the youth are informed"), "{text}");
    let (consent, inform, text) = at(Some(born(16)), true);
    assert_eq!(consent, [Y]);
    assert_eq!(inform, [Y]);
    assert!(text.contains("only the youth is informed, as the youth decided"), "{text}");
    assert!(!text.to_lowercase().contains("parent"), "the excluded parents are not named: {text}");
}

#[test]
fn adults_to_twenty_three_are_the_youth_alone() {
    let (consent, _, _) = at(Some(born(22)), false);
    assert_eq!(consent, [Y]);
}

#[test]
fn prenatal_is_the_expectant_parents() {
    let (consent, inform, text) = at(Some(ChildAge::Prenatal(Some(20))), false);
    assert_eq!(consent, [P]);
    assert_eq!(inform, [P]);
    assert!(text.contains("not yet born") && text.contains("expectant parents consent and are informed"), "{text}");
    let (consent, _, _) = at(Some(ChildAge::Prenatal(None)), true);
    assert_eq!(consent, [P]);
}

#[test]
fn unknown_age_is_both_and_says_so() {
    let (consent, inform, text) = at(None, false);
    assert_eq!(consent, [P, Y]);
    assert_eq!(inform, [P, Y]);
    assert!(text.contains("unknown") && text.contains("strictest"), "{text}");
    let (_, inform, text) = at(None, true);
    assert_eq!(inform, [P, Y], "with the age unknown the objection cannot be known to decide");
    assert!(text.contains("decides only from 16, and the age is not known"), "{text}");
}

#[test]
fn the_age_opening_agrees_in_number() {
    let (_, _, text) = at(Some(born(1)), false);
    assert!(text.starts_with("The child is 1 year old:"), "{text}");
    let (_, _, text) = at(Some(born(0)), false);
    assert!(text.starts_with("The child is under 1 year old:"), "{text}");
    let (_, _, text) = at(Some(born(13)), false);
    assert!(text.starts_with("The youth is 13 years old:"), "{text}");
}

/// The table decides whose consent counts; the region kit's Participants
/// decides who every other card talks to. They must agree about the
/// parents, or a card would name parents the routing card left out (or the
/// other way round).
#[test]
fn cs_age_and_the_kits_participants_agree_about_the_parents() {
    use crate::age::Consenters;
    use wegwijs_kit::Participants;
    use wegwijs_types::Language;
    for months in (0u16..=300).step_by(3) {
        for objects in [false, true] {
            let mut c = case(0);
            c.age = Some(ChildAge::ReportedMonths(months));
            c.youth_objects_to_informing_parents = objects;
            let who = Consenters::for_case(&c, Language::En);
            let kit = Participants::of(Some(u32::from(months)), false, objects);
            assert_eq!(who.parents_excluded, !kit.parents_take_part(), "{months} months, objects {objects}");
            assert_eq!(who.inform.contains(&P), kit.parents_take_part(), "{months} months, objects {objects}");
            assert_eq!(who.text.to_lowercase().contains("parent"), kit.parents_take_part(), "{}", who.text);
            let dutch = Consenters::for_case(&c, Language::Nl);
            assert_eq!(dutch.text.to_lowercase().contains("ouder"), kit.parents_take_part(), "{}", dutch.text);
        }
    }
}

#[test]
fn reported_months_use_whole_years() {
    let (consent, _, _) = at(Some(ChildAge::ReportedMonths(143)), false);
    assert_eq!(consent, [P], "143 months is 11 years");
    let (consent, _, _) = at(Some(ChildAge::ReportedMonths(144)), false);
    assert_eq!(consent, [P, Y], "144 months is 12 years");
    let (consent, _, _) = at(Some(ChildAge::ReportedMonths(191)), false);
    assert_eq!(consent, [P, Y], "191 months is 15 years");
    let (consent, _, _) = at(Some(ChildAge::ReportedMonths(192)), false);
    assert_eq!(consent, [Y], "192 months is 16 years");
}

#[test]
fn age_is_cited_wherever_consent_or_informing_is_named() {
    use DataCategory as C;
    let mut c = case(13);
    c.gi_involved = true;
    for r in [
        referral(),
        req(Partner::Huisarts, Purpose::MedicalReferral, &[C::ConcernSummary]),
        req(Partner::SchoolMentor, Purpose::SchoolConsultation, &[C::ConcernSummary]),
        req(Partner::VeiligThuisMelding, Purpose::VeiligThuisMelding, &[C::SafetySignals]),
        req(Partner::GecertificeerdeInstelling, Purpose::GiSupervision, &[C::ConcernSummary]),
    ] {
        let card = one(&c, r);
        assert!(!card.consent_of.is_empty() || !card.inform.is_empty(), "{card:?}");
        assert!(cites(&card, "CS-AGE"), "{card:?}");
    }
}
