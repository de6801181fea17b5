//! CS-AGE: whose consent counts and who is informed, read from
//! [`AGE_RULES`] by the child's age in whole years.
//!
//! The age comes from `ChildAge::whole_years()`, so a reported age in months
//! and an exact age agree. A 16+ youth's objection to informing the parents
//! removes the parents from `inform`; under 16 the objection does not decide
//! (the parents consent too, so they know anyway) and the reason says so.

use crate::tables::{AGE_RULES, AgeRow};
use crate::text;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{ChildAge, ChildCase, Party};

/// Whose consent counts and who is informed, with the CS-AGE sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Consenters {
    /// Parties whose consent is needed.
    pub(crate) consent: Vec<Party>,
    /// Parties to inform when information travels.
    pub(crate) inform: Vec<Party>,
    /// The CS-AGE reason: one sentence naming the age and the parties.
    pub(crate) text: String,
}

impl Consenters {
    /// Applies CS-AGE to a case.
    pub(crate) fn for_case(case: &ChildCase) -> Consenters {
        let (row, age) = match &case.age {
            Some(ChildAge::Prenatal(_)) => (&AGE_RULES.prenatal, String::from("The child is not yet born")),
            Some(a) => match a.whole_years() {
                Some(y) => (band(y), format!("The child is {y} years old")),
                None => (&AGE_RULES.unknown, String::from("The child's age is unknown")),
            },
            None => (&AGE_RULES.unknown, String::from("The child's age is unknown")),
        };
        let objects = case.youth_objects_to_informing_parents;
        let mut inform = row.inform.to_vec();
        let informed = if row.youth_decides_informing && objects {
            inform.retain(|p| *p != Party::Parents);
            format!("only {} informed because the youth decided the parents are not", text::is_are(&inform))
        } else if row.youth_decides_informing {
            format!("{} informed because the youth has not objected to informing the parents", text::is_are(&inform))
        } else if objects && row.consent.contains(&Party::Parents) {
            // The flag is recorded but only a 16+ youth decides this; the
            // parents are asked for consent, so they cannot be kept unaware.
            format!(
                "{} informed, as the youth's objection to informing the parents does not decide before 16",
                text::is_are(&inform)
            )
        } else {
            format!("{} informed", text::is_are(&inform))
        };
        let text = format!("{age}: {}, and {informed}.", row.label);
        Consenters { consent: row.consent.to_vec(), inform, text }
    }
}

/// The band holding `years`; the unknown row (strictest) if the table has a
/// gap, so a table edit can never make the engine panic or loosen.
fn band(years: u32) -> &'static AgeRow {
    AGE_RULES
        .bands
        .iter()
        .find(|b| years >= b.from_years && b.until_years.is_none_or(|u| years < u))
        .unwrap_or(&AGE_RULES.unknown)
}
