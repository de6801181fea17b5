//! Days since 1970-01-01 in the proleptic Gregorian calendar, both ways
//! (Howard Hinnant's `days_from_civil` and `civil_from_days`, exact for the
//! whole calendar). The host measures an age with it and the CLI's corpus
//! generator dates its signals with it; one copy keeps the two agreeing on
//! every date.

/// Days since 1970-01-01 of the civil date `year`-`month`-`day` (negative
/// before it). `month` is 1–12 and `day` 1–31; the date is not checked.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    // The year is counted from March, so the leap day ends it.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `days` after 1970-01-01, as (year, month 1–12, day 1–31).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // The algorithm keeps month in 1..=12 and day in 1..=31, so the casts
    // cannot truncate.
    (year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(days_from_civil(2025, 12, 31)), (2025, 12, 31));
        assert_eq!(days_from_civil(2026, 1, 1) - days_from_civil(2025, 1, 1), 365);
        assert_eq!(days_from_civil(2025, 1, 1) - days_from_civil(2024, 1, 1), 366);
        for d in -20_000..40_000 {
            let (y, m, day) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, day), d, "{y}-{m}-{day}");
        }
    }
}
