//! IN-KINDCHECK: a signal from adult care records the client's children.
//!
//! Professionals in adult mental-health and addiction care must ask whether
//! their client has dependent children and record the number and ages of
//! the children and whether the client cares for them alone or with others
//! (KNMG meldcode step 1). A kindcheck without children present is closed
//! with that reason and not routed: there is no child to screen.

use crate::IN_KINDCHECK;
use crate::code::Notes;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_kit::{TableSource, source_term};
use wegwijs_types::{ChildAge, IntakeOutcome, KindcheckInput, Language, SourceKind, say};

/// Provenance of [`ADULT_CARE_SOURCES`].
pub const KINDCHECK_TABLE: TableSource = TableSource {
    name: "KNMG meldcode step 1 kindcheck, as in the JGZ guideline brief §1 (IN-KINDCHECK)",
    version: "2014 (kindcheck in the meldcode since April 2014)",
};

/// Sources whose signals come through the kindcheck: without kindcheck data
/// they get a warning.
pub const ADULT_CARE_SOURCES: &[SourceKind] = &[SourceKind::VolwassenenGgz, SourceKind::Verslavingszorg];

/// Most children ages repeated in a reason; a longer list is cut short, its
/// count is always given in full.
const AGES_SHOWN: usize = 24;

/// What IN-KINDCHECK concluded.
pub(crate) struct KindcheckResult {
    pub(crate) outcome: IntakeOutcome,
    /// Number of children recorded; `None` without kindcheck data.
    pub(crate) children: Option<u8>,
    pub(crate) notes: Notes,
}

/// Whether the case will close for lack of children: a kindcheck with no
/// children, and no child named by the case itself.
///
/// The data model allows a missing age only for this situation. When the
/// case still names a child (an age, even before birth) or the sender
/// marked acute unsafety, closing would drop a child who may be in danger,
/// so the signal stays open and the inconsistency becomes a warning.
pub(crate) fn closes(kindcheck: Option<&KindcheckInput>, age: Option<&ChildAge>, safety_flag: bool) -> bool {
    kindcheck.is_some_and(|k| k.children_ages.is_empty()) && age.is_none() && !safety_flag
}

/// Applies IN-KINDCHECK, writing in `lang`.
pub(crate) fn check(
    kindcheck: Option<&KindcheckInput>,
    source: SourceKind,
    age: Option<&ChildAge>,
    safety_flag: bool,
    lang: Language,
) -> KindcheckResult {
    let mut notes = Notes::default();
    let adult_care = ADULT_CARE_SOURCES.contains(&source);
    // English names the source by its code, Dutch by the field's term.
    let from = source_term(source, lang);
    let Some(k) = kindcheck else {
        if adult_care {
            notes.reason(
                IN_KINDCHECK,
                say!(
                    lang,
                    "Signaal uit de {from} zonder gegevens van de kindcheck: aangenomen voor het kind dat het \
                     signaal noemt.",
                    "Signal from {source} without kindcheck data: accepted for the child it names."
                ),
            );
            notes.warn(
                IN_KINDCHECK,
                say!(
                    lang,
                    "Het signaal komt uit de {from}, maar bevat geen gegevens van de kindcheck: leg het aantal en de \
                     leeftijden van de kinderen van de cliënt vast, en of de cliënt alleen of samen met anderen voor \
                     hen zorgt.",
                    "The signal comes from {source} but carries no kindcheck data: record the number and ages of \
                     the client's children and whether the client cares for them alone or with others."
                ),
            );
        }
        return KindcheckResult { outcome: IntakeOutcome::Accepted, children: None, notes };
    };

    let count = k.children_ages.len();
    let children = Some(u8::try_from(count).unwrap_or(u8::MAX));
    if count == 0 {
        if closes(kindcheck, age, safety_flag) {
            notes.reason(
                IN_KINDCHECK,
                say!(
                    lang,
                    "Kindcheck (melder: {from}): de cliënt heeft geen kinderen: afgesloten met reden, niet \
                     doorgeleid.",
                    "Kindcheck (source {source}): the client has no children present: closed with reason, not \
                     routed."
                ),
            );
            return KindcheckResult { outcome: IntakeOutcome::Closed, children, notes };
        }
        let why = if safety_flag {
            lang.pick("er is acute onveiligheid aangegeven", "acute unsafety was indicated")
        } else {
            lang.pick("het signaal noemt wel een kind met een leeftijd", "the case names a child by its age")
        };
        notes.reason(
            IN_KINDCHECK,
            say!(
                lang,
                "Kindcheck (melder: {from}): geen kinderen vastgelegd, maar {why}: het signaal wordt niet afgesloten.",
                "Kindcheck (source {source}): no children recorded, but {why}: the signal is not closed."
            ),
        );
        notes.warn(
            IN_KINDCHECK,
            say!(
                lang,
                "De kindcheck vermeldt geen kinderen, maar {why}: controleer de kindcheck; het signaal blijft open, \
                 zodat geen kind uit beeld raakt.",
                "The kindcheck records no children, but {why}: check the kindcheck; the signal stays open so that \
                 no child is dropped."
            ),
        );
        return KindcheckResult { outcome: IntakeOutcome::Accepted, children, notes };
    }

    let mut ages: Vec<String> = k.children_ages.iter().take(AGES_SHOWN).map(|a| a.to_string()).collect();
    if count > AGES_SHOWN {
        ages.push(String::from("…"));
    }
    let ages = match ages.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let rest = rest.join(", ");
            say!(lang, "{rest} en {last}", "{rest} and {last}")
        }
        _ => ages.join(""),
    };
    let (noun, them) = if count == 1 {
        (lang.pick("kind", "child"), lang.pick("het kind", "the child"))
    } else {
        (lang.pick("kinderen", "children"), lang.pick("hen", "them"))
    };
    let care = if k.cares_alone {
        lang.pick("alleen", "alone")
    } else {
        lang.pick("samen met een partner of anderen", "together with a partner or others")
    };
    notes.reason(
        IN_KINDCHECK,
        say!(
            lang,
            "Kindcheck (melder: {from}): de cliënt heeft {count} {noun} van {ages} jaar en zorgt {care} voor \
             {them}; het domein gezinsomstandigheden is van toepassing.",
            "Kindcheck (source {source}): the client has {count} {noun}, aged {ages} years, and cares for {them} \
             {care}; the family-circumstances domain applies."
        ),
    );
    KindcheckResult { outcome: IntakeOutcome::Accepted, children, notes }
}
