//! Calendar arithmetic for synthetic signals: a signal date in the corpus
//! year and a birth date a given number of days before it, as `YYYY-MM-DD`.
//! Days are counted from 1970-01-01 in the proleptic Gregorian calendar
//! (the algorithm of Howard Hinnant's `chrono`-compatible date notes).

/// Days since 1970-01-01 of a civil date.
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `days` after 1970-01-01, as `YYYY-MM-DD`.
pub(crate) fn civil_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), "1970-01-01");
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(11_016), "2000-02-29");
        assert_eq!(civil_from_days(days_from_civil(2025, 12, 31)), "2025-12-31");
        assert_eq!(days_from_civil(2026, 1, 1) - days_from_civil(2025, 1, 1), 365);
        for d in -20_000..40_000 {
            let s = civil_from_days(d);
            let (y, m, day) = (s[..4].parse().unwrap(), s[5..7].parse().unwrap(), s[8..].parse().unwrap());
            assert_eq!(days_from_civil(y, m, day), d, "{s}");
        }
    }
}
