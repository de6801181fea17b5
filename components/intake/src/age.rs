//! IN-AGE: the age band every later stage chooses instruments, consent
//! rules and partners by.
//!
//! The host computes the age from the birth date at the signal date (or the
//! source reports whole months when no birth date is known); this module
//! only reads it. Bands go by whole years; pipelines reach to 23 years
//! because the Verwijsindex and jeugdhulp do. Older people get no band and a
//! warning, never a rejection: the host decides what is a signal.

use crate::code::Notes;
use crate::{IN_AGE, IN_UNKNOWN};
use alloc::string::String;
use wegwijs_kit::TableSource;
use wegwijs_types::{AgeBand, ChildAge, Language, say};

/// Provenance of [`AGE_BANDS`].
pub const AGE_TABLE: TableSource = TableSource {
    name: "JGZ guideline brief §1 IN-AGE age bands (Verwijsindex and jeugdhulp reach to 23)",
    version: "0.1.0",
};

/// One age band after birth: from `from_years` up to, not including,
/// `below_years` whole years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeBandRange {
    /// The band.
    pub band: AgeBand,
    /// First whole year in the band.
    pub from_years: u32,
    /// First whole year no longer in the band.
    pub below_years: u32,
    /// Short label for summaries, e.g. `4–12`.
    pub label: &'static str,
}

const fn r(band: AgeBand, from_years: u32, below_years: u32, label: &'static str) -> AgeBandRange {
    AgeBandRange { band, from_years, below_years, label }
}

/// The bands after birth, youngest first, without gaps.
pub const AGE_BANDS: &[AgeBandRange] = &[
    r(AgeBand::ZeroToTwo, 0, 2, "0–2"),
    r(AgeBand::TwoToFour, 2, 4, "2–4"),
    r(AgeBand::FourToTwelve, 4, 12, "4–12"),
    r(AgeBand::TwelveToSixteen, 12, 16, "12–16"),
    r(AgeBand::SixteenToEighteen, 16, 18, "16–18"),
    r(AgeBand::EighteenToTwentyThree, 18, 23, "18–23"),
];

/// Label of the band before birth, as the English texts and
/// `VOCABULARY.md` write it; a Dutch text writes "prenataal" and quotes
/// this label as the code.
pub const PRENATAL_LABEL: &str = "prenatal";

/// Whole years from which no band applies: outside JGZ and jeugdhulp.
pub const AGE_LIMIT_YEARS: u32 = 23;

/// The band for an age in whole years after birth; `None` from
/// [`AGE_LIMIT_YEARS`] on.
pub fn band_for_years(years: u32) -> Option<AgeBand> {
    AGE_BANDS.iter().find(|b| b.from_years <= years && years < b.below_years).map(|b| b.band)
}

/// The short label of a band, e.g. `4–12` or `prenatal`.
pub fn band_label(band: AgeBand) -> &'static str {
    AGE_BANDS.iter().find(|b| b.band == band).map_or(PRENATAL_LABEL, |b| b.label)
}

/// What IN-AGE concluded.
pub(crate) struct AgeResult {
    pub(crate) band: Option<AgeBand>,
    pub(crate) months: Option<u32>,
    /// Whole years after birth, for the summary.
    pub(crate) years: Option<u32>,
    pub(crate) notes: Notes,
}

/// Applies IN-AGE, writing in `lang`. `no_child_expected` is set for a
/// kindcheck that closes without children: then a missing age is expected,
/// not a gap.
pub(crate) fn classify(age: Option<&ChildAge>, no_child_expected: bool, lang: Language) -> AgeResult {
    let mut notes = Notes::default();
    let (months, years, how) = match age {
        None => {
            if no_child_expected {
                notes.reason(
                    IN_AGE,
                    String::from(lang.pick(
                        "Er is geen kind (kindcheck zonder kinderen): geen leeftijdsfase.",
                        "No child is present (kindcheck without children): no age band.",
                    )),
                );
            } else {
                notes.reason(
                    IN_AGE,
                    String::from(lang.pick(
                        "De leeftijd van het kind is onbekend: geen leeftijdsfase.",
                        "The age of the child is unknown: no age band.",
                    )),
                );
                notes.warn(
                    IN_UNKNOWN,
                    String::from(lang.pick(
                        "De leeftijd van het kind is onbekend: het signaal is aangenomen, maar instrumenten, \
                         toestemming en samenwerkingspartners die van de leeftijd afhangen, zijn pas te kiezen als \
                         de leeftijd bekend is.",
                        "The age of the child is unknown: the signal is accepted, but instruments, consent and \
                         partners that depend on age cannot be chosen until it is known.",
                    )),
                );
            }
            return AgeResult { band: None, months: None, years: None, notes };
        }
        Some(ChildAge::Prenatal(week)) => {
            let when = week
                .map(|w| say!(lang, " (week {w} van de zwangerschap)", " (week {w} of pregnancy)"))
                .unwrap_or_default();
            notes.reason(
                IN_AGE,
                say!(
                    lang,
                    "Het kind is nog niet geboren{when}: leeftijdsfase prenataal (`{PRENATAL_LABEL}`).",
                    "The child is not yet born{when}: age band {PRENATAL_LABEL}."
                ),
            );
            return AgeResult { band: Some(AgeBand::Prenatal), months: None, years: None, notes };
        }
        // The band goes by the host's whole years; months are passed on as given.
        Some(ChildAge::Born(a)) => (
            u32::from(a.months),
            u32::from(a.years),
            lang.pick(
                "door de host berekend uit de geboortedatum op de signaaldatum",
                "computed by the host from the birth date at the signal date",
            ),
        ),
        Some(ChildAge::ReportedMonths(m)) => (
            u32::from(*m),
            u32::from(*m) / 12,
            lang.pick(
                "zoals de melder die doorgaf, geboortedatum onbekend",
                "as reported by the source, no birth date known",
            ),
        ),
    };
    let rest = months.saturating_sub(years.saturating_mul(12));
    // Dutch counts one "maand"; the English sentence keeps its plural.
    let maanden = if rest == 1 { "maand" } else { "maanden" };
    let band = band_for_years(years);
    match band {
        Some(b) => {
            let label = band_label(b);
            notes.reason(
                IN_AGE,
                say!(
                    lang,
                    "Leeftijd {years} jaar en {rest} {maanden} ({how}): leeftijdsfase {label} (`{b}`).",
                    "Age {years} years {rest} months ({how}): age band {label} ({b})."
                ),
            )
        }
        None => {
            notes.reason(
                IN_AGE,
                say!(
                    lang,
                    "Leeftijd {years} jaar en {rest} {maanden} ({how}): geen leeftijdsfase; de fasen lopen tot \
                     {AGE_LIMIT_YEARS} jaar.",
                    "Age {years} years {rest} months ({how}): no age band; the bands end below {AGE_LIMIT_YEARS}."
                ),
            );
            notes.warn(
                IN_AGE,
                say!(
                    lang,
                    "Een leeftijd van {years} jaar valt buiten de JGZ en de jeugdhulp (0 tot {AGE_LIMIT_YEARS} \
                     jaar): geen leeftijdsfase; controleer de leeftijd en of dit signaal hier thuishoort.",
                    "Age {years} years is outside the JGZ and jeugdhulp scope (0 to under {AGE_LIMIT_YEARS} years): \
                     no age band; check the age and whether this signal belongs in this pipeline."
                ),
            );
        }
    }
    AgeResult { band, months: Some(months), years: Some(years), notes }
}
