//! IN-AGE: every band boundary on both sides, months, reported ages,
//! prenatal, out of scope and unknown.

use super::{assess, born, case, cites, reason, warns};
use crate::age::{AGE_BANDS, band_for_years};
use crate::{IN_AGE, IN_UNKNOWN};
use wegwijs_types::{AgeBand, ChildAge, IntakeOutcome};

fn band_of(age: ChildAge) -> wegwijs_types::IntakeCard {
    let mut c = case();
    c.age = Some(age);
    assess(&c)
}

#[test]
fn every_band_boundary_on_both_sides() {
    let cases = [
        (born(0, 0), Some(AgeBand::ZeroToTwo)),
        (born(1, 11), Some(AgeBand::ZeroToTwo)),
        (born(2, 0), Some(AgeBand::TwoToFour)),
        (born(3, 11), Some(AgeBand::TwoToFour)),
        (born(4, 0), Some(AgeBand::FourToTwelve)),
        (born(11, 11), Some(AgeBand::FourToTwelve)),
        (born(12, 0), Some(AgeBand::TwelveToSixteen)),
        (born(15, 11), Some(AgeBand::TwelveToSixteen)),
        (born(16, 0), Some(AgeBand::SixteenToEighteen)),
        (born(17, 11), Some(AgeBand::SixteenToEighteen)),
        (born(18, 0), Some(AgeBand::EighteenToTwentyThree)),
        (born(22, 11), Some(AgeBand::EighteenToTwentyThree)),
        (born(23, 0), None),
    ];
    for (age, band) in cases {
        let card = band_of(age.clone());
        assert_eq!(card.age_band, band, "{age:?}");
        assert!(cites(&card, IN_AGE), "{age:?}");
        assert_eq!(card.outcome, IntakeOutcome::Accepted);
        if let Some(b) = band {
            assert!(reason(&card, IN_AGE).contains(b.name()), "{age:?}");
            assert!(card.warnings.is_empty(), "{age:?}: {:?}", card.warnings);
        }
    }
}

#[test]
fn reported_months_boundaries_use_whole_years() {
    for (months, band) in [
        (0, Some(AgeBand::ZeroToTwo)),
        (23, Some(AgeBand::ZeroToTwo)),
        (24, Some(AgeBand::TwoToFour)),
        (47, Some(AgeBand::TwoToFour)),
        (48, Some(AgeBand::FourToTwelve)),
        (143, Some(AgeBand::FourToTwelve)),
        (144, Some(AgeBand::TwelveToSixteen)),
        (191, Some(AgeBand::TwelveToSixteen)),
        (192, Some(AgeBand::SixteenToEighteen)),
        (215, Some(AgeBand::SixteenToEighteen)),
        (216, Some(AgeBand::EighteenToTwentyThree)),
        (275, Some(AgeBand::EighteenToTwentyThree)),
        (276, None),
        (u16::MAX, None),
    ] {
        let card = band_of(ChildAge::ReportedMonths(months));
        assert_eq!(card.age_band, band, "{months} months");
        assert_eq!(card.age_months, Some(u32::from(months)));
        assert!(reason(&card, IN_AGE).contains("as reported"), "{months}");
    }
}

#[test]
fn band_table_is_contiguous_from_zero_to_the_limit() {
    let mut next = 0;
    for b in AGE_BANDS {
        assert_eq!(b.from_years, next, "{:?}", b.band);
        assert!(b.below_years > b.from_years);
        assert_eq!(band_for_years(b.from_years), Some(b.band));
        assert_eq!(band_for_years(b.below_years - 1), Some(b.band));
        next = b.below_years;
    }
    assert_eq!(next, crate::age::AGE_LIMIT_YEARS);
    assert_eq!(band_for_years(next), None);
    assert_eq!(band_for_years(u32::MAX), None);
}

#[test]
fn months_are_passed_on_and_the_reason_states_age_and_band() {
    let card = band_of(born(3, 5));
    assert_eq!(card.age_months, Some(41));
    let text = reason(&card, IN_AGE);
    assert!(text.contains("3 years 5 months") && text.contains("2–4") && text.contains("birth date"), "{text}");
}

#[test]
fn prenatal_has_a_band_but_no_months() {
    for week in [Some(30), None] {
        let card = band_of(ChildAge::Prenatal(week));
        assert_eq!(card.age_band, Some(AgeBand::Prenatal));
        assert_eq!(card.age_months, None);
        assert!(reason(&card, IN_AGE).contains("prenatal"));
    }
    assert!(reason(&band_of(ChildAge::Prenatal(Some(30))), IN_AGE).contains("week 30"));
}

#[test]
fn twenty_three_and_older_has_no_band_and_a_warning() {
    let card = band_of(born(25, 0));
    assert_eq!(card.age_band, None);
    assert_eq!(card.age_months, Some(300));
    assert_eq!(card.outcome, IntakeOutcome::Accepted);
    assert!(warns(&card, IN_AGE, "outside the JGZ and jeugdhulp scope"));
    assert!(reason(&card, IN_AGE).contains("no age band"));
}

#[test]
fn unknown_age_is_accepted_with_a_warning() {
    let mut c = case();
    c.age = None;
    let card = assess(&c);
    assert_eq!(card.outcome, IntakeOutcome::Accepted);
    assert_eq!((card.age_band, card.age_months), (None, None));
    assert!(cites(&card, IN_AGE));
    assert!(warns(&card, IN_UNKNOWN, "age of the child is unknown"));
}
