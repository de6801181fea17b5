//! IN-KINDCHECK: a signal from adult care records the client's children.
//!
//! Professionals in adult mental-health and addiction care must ask whether
//! their client has dependent children and record the number and ages of
//! the children and whether the client cares for them alone or with others
//! (KNMG meldcode step 1). A kindcheck without children present is closed
//! with that reason and not routed: there is no child to screen.

use crate::IN_KINDCHECK;
use crate::code::Notes;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_kit::TableSource;
use wegwijs_types::{ChildAge, IntakeOutcome, KindcheckInput, SourceKind};

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

/// Applies IN-KINDCHECK.
pub(crate) fn check(
    kindcheck: Option<&KindcheckInput>,
    source: SourceKind,
    age: Option<&ChildAge>,
    safety_flag: bool,
) -> KindcheckResult {
    let mut notes = Notes::default();
    let adult_care = ADULT_CARE_SOURCES.contains(&source);
    let Some(k) = kindcheck else {
        if adult_care {
            notes.reason(
                IN_KINDCHECK,
                format!("Signal from {source} without kindcheck data: accepted for the child it names."),
            );
            notes.warn(
                IN_KINDCHECK,
                format!(
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
                format!(
                    "Kindcheck (source {source}): the client has no children present: closed with reason, not routed."
                ),
            );
            return KindcheckResult { outcome: IntakeOutcome::Closed, children, notes };
        }
        let why = if safety_flag { "acute unsafety was indicated" } else { "the case names a child by its age" };
        notes.reason(
            IN_KINDCHECK,
            format!("Kindcheck (source {source}): no children recorded, but {why}: the signal is not closed."),
        );
        notes.warn(
            IN_KINDCHECK,
            format!(
                "The kindcheck records no children, but {why}: check the kindcheck; the signal stays open so that no \
                 child is dropped."
            ),
        );
        return KindcheckResult { outcome: IntakeOutcome::Accepted, children, notes };
    }

    let mut ages: Vec<String> = k.children_ages.iter().take(AGES_SHOWN).map(|a| a.to_string()).collect();
    if count > AGES_SHOWN {
        ages.push(String::from("…"));
    }
    let ages = match ages.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => ages.join(""),
    };
    let (noun, them) = if count == 1 { ("child", "the child") } else { ("children", "them") };
    let care = if k.cares_alone { "alone" } else { "together with a partner or others" };
    notes.reason(
        IN_KINDCHECK,
        format!(
            "Kindcheck (source {source}): the client has {count} {noun}, aged {ages} years, and cares for {them} \
             {care}; the family-circumstances domain applies."
        ),
    );
    KindcheckResult { outcome: IntakeOutcome::Accepted, children, notes }
}
