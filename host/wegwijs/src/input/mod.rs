//! What comes in: the signal format an EPD, the CLI or the HTTP service
//! sends, its validation (every problem named by field), calendar dates, and
//! the reduction to the coded case components see — a pseudonym instead of
//! identifiers, an age instead of a birth date, no free text.

mod date;
mod parser;
mod pseudonym;
mod signal;
mod vocabulary;

pub(crate) use pseudonym::random_key;
pub use signal::{Address, Child, Consent, Instrument, Kindcheck, Meldcode, Scored, Sdq, Signal, Source};

use crate::error::Error;
use wegwijs_types as m;

/// The first step of every decision: the signal validated, then reduced to
/// the case the stages see.
pub(crate) fn case(signal: &Signal, pseudonym_key: &[u8]) -> Result<m::ChildCase, Error> {
    signal.validate()?;
    Ok(signal.to_case(pseudonym_key))
}
