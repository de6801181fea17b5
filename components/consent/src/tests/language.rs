//! The reader's language: every case runs once with a Dutch configuration
//! and once with an English one. The Dutch cards carry no English word
//! (outside backticked codes), the two cards differ only in their texts
//! (outcome, parties, data categories, legal basis present or not, checklist
//! length and the rule ids of the reasons, in order, are the same), and
//! every text with English words in it is really translated. The cases are
//! every recipient with every purpose, over the CS-AGE boundaries, the
//! youth's objection, the family's agreement, GI involvement, the meldcode
//! and safety indicators and the consent records, and proptest's cases from
//! the property test's generators.

use super::props::{arb_age, arb_meldcode};
use super::*;
use crate::check_with;
use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use proptest::prelude::*;
use wegwijs_kit::english_word_in;
use wegwijs_types::{DataCategory as C, Language, NoConfig, RegionConfig};

/// A configuration that sets no key and answers `language` with its own.
struct Reader(Language);

impl RegionConfig for Reader {
    fn get(&self, _key: &str) -> Option<String> {
        None
    }

    fn language(&self) -> Language {
        self.0
    }
}

/// Every recipient with every purpose, with requested data that varies so
/// each CS-MINIMAL sentence (nothing requested, nothing needed, all needed,
/// some withheld) comes up.
fn every_request() -> Vec<DisclosureRequest> {
    let mut out = Vec::new();
    for (i, recipient) in Partner::ALL.iter().enumerate() {
        for (j, purpose) in Purpose::ALL.iter().enumerate() {
            let data: &[C] = match (i + j) % 4 {
                0 => C::ALL,
                1 => &[],
                2 => &[C::ConcernSummary],
                _ => &[C::ContactDetails, C::MedicalData],
            };
            out.push(req(*recipient, *purpose, data));
        }
    }
    out
}

/// The consent records of variant `n`: none; everybody consented to every
/// recipient; the parents and the referred parent refused everything; the
/// youth refused and the parents consented.
fn records(n: usize) -> Vec<ConsentRecord> {
    let all = |party: Party, given: bool| Partner::ALL.iter().map(move |r| record(party, *r, given));
    match n % 4 {
        0 => Vec::new(),
        1 => Party::ALL.iter().flat_map(|p| all(*p, true)).collect(),
        2 => all(Party::Parents, false).chain(all(Party::ReferredParent, false)).collect(),
        _ => all(Party::Youth, false).chain(all(Party::Parents, true)).collect(),
    }
}

/// The cases: every CS-AGE boundary, prenatal and unknown, crossed with the
/// youth's objection and the family's agreement, and each with one of the
/// meldcode states; the consent records, GI involvement and the number of
/// safety indicators vary along.
fn cases() -> Vec<ChildCase> {
    let ages = [
        None,
        Some(ChildAge::Prenatal(Some(20))),
        Some(born(0)),
        Some(born(1)),
        Some(born(8)),
        Some(born(11)),
        Some(born(12)),
        Some(born(15)),
        Some(born(16)),
        Some(born(17)),
        Some(ChildAge::ReportedMonths(250)),
    ];
    let melds = [
        None,
        Some(meldcode(true, Some(true), false)),
        Some(meldcode(true, Some(false), true)),
        Some(meldcode(true, Some(false), false)),
        Some(meldcode(false, None, false)),
        Some(meldcode(true, None, false)),
    ];
    let mut out = Vec::new();
    for (a, age) in ages.iter().enumerate() {
        for flags in 0..4 {
            for (m, meld) in melds.iter().enumerate() {
                let mut c = case(0);
                c.age = age.clone();
                c.youth_objects_to_informing_parents = flags & 1 == 1;
                c.family_agrees_referral = flags & 2 == 2;
                c.gi_involved = (a + m) % 2 == 0;
                c.meldcode = meld.clone();
                c.safety_indicators = (0..(a + flags + m) % 3).map(|i| format!("indicator-{i}")).collect();
                c.consents = records(a + flags + m);
                out.push(c);
            }
        }
    }
    out
}

/// Every text of a card a person reads: the reasons, the checklist and the
/// legal basis.
fn texts(card: &ConsentCard) -> Vec<&str> {
    let mut out: Vec<&str> = card.reasons.iter().map(|r| r.text.as_str()).collect();
    out.extend(card.checklist.iter().map(String::as_str));
    out.extend(card.legal_basis.as_deref());
    out
}

/// Checks the Dutch and the English cards of one case (`Err` names what is
/// wrong, with the text). Each pair of texts is checked once: `seen` holds
/// the pairs already found right, since many cases share their sentences.
fn same_but_translated(
    c: &ChildCase,
    requests: &[DisclosureRequest],
    seen: &mut BTreeSet<(String, String)>,
) -> Result<(), String> {
    let dutch = check_with(c, requests, &Reader(Language::Nl));
    let english = check_with(c, requests, &Reader(Language::En));
    if dutch.len() != requests.len() || english.len() != requests.len() {
        return Err(format!(
            "{} Dutch and {} English cards for {} requests",
            dutch.len(),
            english.len(),
            requests.len()
        ));
    }
    let youth_excluded_parents = matches!(
        c.age.as_ref().and_then(ChildAge::whole_years),
        Some(y) if y >= 16 && !matches!(c.age, Some(ChildAge::Prenatal(_)))
    ) && c.youth_objects_to_informing_parents;
    for (nl, en) in dutch.iter().zip(&english) {
        // (b) Only the texts differ.
        let rules = |card: &ConsentCard| card.reasons.iter().map(|r| r.rule.clone()).collect::<Vec<_>>();
        let facts = |card: &ConsentCard| {
            (
                card.request.clone(),
                card.outcome,
                card.legal_basis.is_some(),
                card.consent_of.clone(),
                card.inform.clone(),
                card.permitted_data.clone(),
                card.checklist.len(),
                rules(card),
            )
        };
        if facts(nl) != facts(en) {
            return Err(format!("the Dutch card differs beyond its texts:\n{nl:?}\n{en:?}"));
        }
        for (nl_text, en_text) in texts(nl).into_iter().zip(texts(en)) {
            if !seen.insert((nl_text.into(), en_text.into())) {
                continue;
            }
            // (a) No English word in Dutch.
            if let Some(word) = english_word_in(nl_text) {
                return Err(format!("English word {word:?} in the Dutch text: {nl_text}"));
            }
            // (c) Translated wherever the English has English words.
            if nl_text.is_empty() != en_text.is_empty() {
                return Err(format!("one text is empty: {nl_text:?} / {en_text:?}"));
            }
            if english_word_in(en_text).is_some() && nl_text == en_text {
                return Err(format!("not translated: {en_text}"));
            }
            // Sentences of a reason read as sentences in Dutch too.
            for bad in ["  ", " ,", " .", "..", " ;", ",,"] {
                if nl_text.contains(bad) {
                    return Err(format!("{bad:?} in the Dutch text: {nl_text}"));
                }
            }
        }
        for reason in &nl.reasons {
            let t = reason.text.as_str();
            if !t.chars().next().is_some_and(char::is_uppercase) || !t.ends_with('.') {
                return Err(format!("not a sentence: {t}"));
            }
            // A 16+ youth who excluded the parents finds them named on no
            // Dutch card either, except a parent's own care.
            let own_care = nl.request.purpose == Purpose::ParentOwnCare || nl.request.recipient == Partner::ParentGgz;
            if youth_excluded_parents && !own_care && t.to_lowercase().contains("ouder") {
                return Err(format!("the excluded parents are named: {t}"));
            }
        }
        for question in &nl.checklist {
            if !question.ends_with('?') {
                return Err(format!("not a question: {question}"));
            }
        }
    }
    Ok(())
}

#[test]
fn dutch_cards_are_the_english_cards_in_dutch() {
    let requests = every_request();
    let cases = cases();
    assert!(cases.len() > 200);
    let mut seen = BTreeSet::new();
    for c in &cases {
        if let Err(e) = same_but_translated(c, &requests, &mut seen) {
            panic!("{e}\ncase: {c:?}");
        }
    }
}

#[test]
fn a_native_configuration_reads_english() {
    let requests = every_request();
    for c in cases().iter().step_by(17) {
        let english = check_with(c, &requests, &Reader(Language::En));
        assert_eq!(check(c, &requests), english);
        assert_eq!(check_with(c, &requests, &NoConfig), english);
        let map: alloc::collections::BTreeMap<String, String> = alloc::collections::BTreeMap::new();
        assert_eq!(check_with(c, &requests, &map), english);
    }
}

/// A few Dutch sentences as a professional reads them, so the wording is
/// held as well as the absence of English.
#[test]
fn dutch_sentences_read_as_written() {
    let nl = Reader(Language::Nl);
    let in_dutch = |c: &ChildCase, r: DisclosureRequest| {
        let mut cards = check_with(c, &[r], &nl);
        assert_eq!(cards.len(), 1);
        cards.remove(0)
    };

    let card = in_dutch(&case(8), referral());
    assert_eq!(
        reason(&card, "CS-AGE"),
        "Het kind is 8 jaar: onder de 12 jaar geven de ouders met gezag toestemming en worden geïnformeerd."
    );
    assert_eq!(
        reason(&card, "CS-DEFAULT"),
        "Er mag niets naar de jeugd-GGZ zolang de toestemming van de ouders niet is vastgelegd; die ontbreekt nog."
    );

    let mut c = case(13);
    c.family_agrees_referral = true;
    let card = in_dutch(&c, referral());
    let agreed = card.reasons.iter().find(|r| r.text.starts_with("Het gezin heeft ingestemd")).map_or("", |r| &r.text);
    assert!(agreed.contains("geen toestemming om gegevens te delen"), "{agreed}");
    assert!(agreed.contains("vraag de ouders en de jongere om die toestemming"), "{agreed}");
    assert!(
        agreed.contains(
            r#"de regels `{ "party": "parents", "recipient": "jeugd-ggz", "given": true }` en `{ "party": "youth""#
        ),
        "{agreed}"
    );

    let mut c = case(16);
    c.consents = vec![record(Party::Youth, Partner::JeugdGgz, false)];
    c.safety_indicators = vec!["weapon-use".into()];
    let card = in_dutch(&c, referral());
    let conflict = reason(&card, "CS-CONFLICT");
    assert!(conflict.starts_with("De jongere heeft toestemming geweigerd"), "{conflict}");
    assert!(conflict.contains("conflict van plichten"), "{conflict}");
    assert!(card.checklist.iter().any(|q| q.starts_with("Toestemming gevraagd:")), "{card:?}");

    let mut c = case(17);
    c.youth_objects_to_informing_parents = true;
    let card = in_dutch(&c, req(Partner::Verwijsindex, Purpose::VerwijsindexSignal, &[C::ContactDetails]));
    assert!(card.legal_basis.as_deref().is_some_and(|b| b.contains("meldingsbevoegd")), "{card:?}");
    assert!(
        card.reasons.iter().any(|r| r.text
            == "De jongere is 17 jaar: informeer de jongere over het signaal (vanaf 16 jaar wordt alleen de jongere geïnformeerd)."),
        "{card:?}"
    );

    let card = in_dutch(
        &case(8),
        req(Partner::VeiligThuisAdvice, Purpose::VeiligThuisAdvice, &[C::ContactDetails, C::ConcernSummary]),
    );
    let minimal = reason(&card, "CS-MINIMAL");
    assert!(
        minimal.starts_with("Alleen deze gegevens mogen naar Veilig Thuis: samenvatting van de zorg."),
        "{minimal}"
    );
    assert!(minimal.contains("achtergehouden: contactgegevens"), "{minimal}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_cases_are_translated_too(
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
        reqs.push(req(Partner::Verwijsindex, Purpose::VerwijsindexSignal, C::ALL));
        reqs.push(req(Partner::ParentGgz, Purpose::ParentOwnCare, C::ALL));
        let result = same_but_translated(&c, &reqs, &mut BTreeSet::new());
        prop_assert!(result.is_ok(), "{}", result.err().unwrap_or_default());
    }
}
