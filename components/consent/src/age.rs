//! CS-AGE: whose consent counts and who is informed, read from
//! [`AGE_RULES`] by the child's age in whole years; and, by the same age,
//! who is informed of a Verwijsindex signal ([`VIR_INFORM`], CS-VIR).
//!
//! The age comes from `ChildAge::whole_years()`, so a reported age in months
//! and an exact age agree. A 16+ youth's objection to informing the parents
//! removes the parents from `inform`, and then no sentence built here names
//! them: the card says who consents and who is informed without naming the
//! people the youth excluded. Under 16 the objection does not decide (the
//! parents consent too, so they know anyway) and the reason says so.
//!
//! The sentences are written in the reader's language, which
//! [`Consenters::for_case`] takes once for the whole case.
//!
//! The table decides whose consent counts; the region kit's `Participants`
//! (who takes part in the conversation on every other card) must agree with
//! it about the parents, and a test holds them together.

use crate::tables::{AGE_RULES, AgeRow, InformRow, VIR_INFORM};
use crate::text;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{ChildAge, ChildCase, Language, Party, say};

/// The child's age as the consent rules read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Age {
    /// Not yet born.
    Prenatal,
    /// Born, this many whole years old.
    Years(u32),
    /// Not known.
    Unknown,
}

impl Age {
    /// Reads the age of a case.
    pub(crate) fn of(case: &ChildCase) -> Age {
        match &case.age {
            Some(ChildAge::Prenatal(_)) => Age::Prenatal,
            Some(a) => a.whole_years().map_or(Age::Unknown, Age::Years),
            None => Age::Unknown,
        }
    }

    /// The opening of a CS-AGE or CS-VIR sentence: "The child is 8 years
    /// old", "The youth is 14 years old"; "Het kind is 8 jaar", "De jongere
    /// is 14 jaar".
    pub(crate) fn phrase(self, lang: Language) -> String {
        match self {
            Age::Prenatal => say!(lang, "Het kind is nog niet geboren", "The child is not yet born"),
            Age::Years(0) => say!(lang, "Het kind is jonger dan 1 jaar", "The child is under 1 year old"),
            Age::Years(1) => say!(lang, "Het kind is 1 jaar", "The child is 1 year old"),
            Age::Years(y) if y < 12 => say!(lang, "Het kind is {y} jaar", "The child is {y} years old"),
            Age::Years(y) => say!(lang, "De jongere is {y} jaar", "The youth is {y} years old"),
            Age::Unknown => say!(lang, "De leeftijd van het kind is onbekend", "The child's age is unknown"),
        }
    }
}

/// Whose consent counts and who is informed, with the CS-AGE sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Consenters {
    /// The age the rules read.
    pub(crate) age: Age,
    /// Parties whose consent is needed.
    pub(crate) consent: Vec<Party>,
    /// Parties to inform when information travels.
    pub(crate) inform: Vec<Party>,
    /// A youth of 16 or older does not want the parents informed: no
    /// sentence on the card may name them (except a parent's own care).
    pub(crate) parents_excluded: bool,
    /// The CS-AGE reason: one sentence naming the age and the parties.
    pub(crate) text: String,
}

impl Consenters {
    /// Applies CS-AGE to a case, with the sentence in `lang`.
    pub(crate) fn for_case(case: &ChildCase, lang: Language) -> Consenters {
        let age = Age::of(case);
        let row = match age {
            Age::Prenatal => &AGE_RULES.prenatal,
            Age::Years(y) => band(y),
            Age::Unknown => &AGE_RULES.unknown,
        };
        let objects = case.youth_objects_to_informing_parents;
        let parents_excluded = row.youth_decides_informing && objects;
        let mut inform = row.inform.to_vec();
        if parents_excluded {
            inform.retain(|p| *p != Party::Parents);
        }
        let text = format!("{}: {}.", age.phrase(lang), sentence(row, age, &inform, objects, lang));
        Consenters { age, consent: row.consent.to_vec(), inform, parents_excluded, text }
    }

    /// Who is informed of a Verwijsindex signal at this age (CS-VIR).
    pub(crate) fn vir_inform(&self) -> &'static InformRow {
        match self.age {
            Age::Prenatal => &VIR_INFORM.prenatal,
            Age::Years(y) => {
                VIR_INFORM.bands.iter().find(|b| in_band(y, b.from_years, b.until_years)).unwrap_or(&VIR_INFORM.unknown)
            }
            Age::Unknown => &VIR_INFORM.unknown,
        }
    }
}

/// The CS-AGE clause after the age: who consents, who is informed, and what
/// the youth's wish about the parents does. The clause names the parents
/// only where they take part.
fn sentence(row: &AgeRow, age: Age, inform: &[Party], objects: bool, lang: Language) -> String {
    let label = row.label.get(lang);
    let be = text::be(inform, lang);
    let informed = text::parties(inform, lang);
    if row.youth_decides_informing {
        return if objects {
            say!(
                lang,
                "{label} en beslist wie er verder wordt geïnformeerd; zoals de jongere heeft besloten, {be} alleen {informed} geïnformeerd",
                "{label} and decides who else is informed, so only {informed} {be} informed, as the youth decided"
            )
        } else {
            say!(
                lang,
                "{label} en beslist of de ouders worden geïnformeerd; de jongere heeft geen bezwaar gemaakt, dus {be} {informed} geïnformeerd",
                "{label} and decides whether the parents are informed; the youth has not objected, so {informed} {be} informed"
            )
        };
    }
    let informed = if inform == row.consent {
        say!(lang, "{label} en {be} geïnformeerd", "{label} and {be} informed")
    } else {
        say!(lang, "{label}, en {informed} {be} geïnformeerd", "{label}, and {informed} {be} informed")
    };
    if !(objects && row.consent.contains(&Party::Parents)) {
        return informed;
    }
    // The flag is recorded but only a 16+ youth decides this; the parents
    // are asked for consent, so they cannot be kept unaware.
    match age {
        Age::Unknown => say!(
            lang,
            "{informed}; de wens van een jongere dat de ouders niet worden geïnformeerd, telt pas vanaf 16 jaar en de leeftijd is onbekend",
            "{informed}; a youth's wish that the parents not be informed decides only from 16, and the age is not known"
        ),
        _ => say!(
            lang,
            "{informed}; de wens van de jongere dat de ouders niet worden geïnformeerd, telt pas vanaf 16 jaar",
            "{informed}; the youth's wish that the parents not be informed does not decide before 16"
        ),
    }
}

/// Whether `years` falls in `[from, until)`.
fn in_band(years: u32, from: u32, until: Option<u32>) -> bool {
    years >= from && until.is_none_or(|u| years < u)
}

/// The band holding `years`; the unknown row (strictest) if the table has a
/// gap, so a table edit can never make the engine panic or loosen.
fn band(years: u32) -> &'static AgeRow {
    AGE_RULES.bands.iter().find(|b| in_band(years, b.from_years, b.until_years)).unwrap_or(&AGE_RULES.unknown)
}
