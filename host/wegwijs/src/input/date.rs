//! Calendar dates as the signal format uses them (`YYYY-MM-DD`), and the exact
//! age arithmetic IN-AGE needs. Whole months and years are counted on the
//! calendar, not by dividing days, so a child is 4 on their fourth birthday
//! and not a day earlier.

use std::fmt;
use wegwijs_types::{Said, said};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2023-02-29.
    /// Says why not in both languages, without repeating the value.
    pub(crate) fn parse(s: &str) -> Result<Date, Said> {
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            // The value is not repeated: a birth date identifies a child.
            return Err(said!("geen datum in de vorm JJJJ-MM-DD", "not a date in the form YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (num(0..4), num(5..7), num(8..10));
        if !(1900..=2200).contains(&year) {
            return Err(said!("het jaar ligt buiten 1900–2200", "the year is outside 1900–2200"));
        }
        if !(1..=12).contains(&month) {
            return Err(said!("de maand bestaat niet (01–12)", "the month does not exist (01–12)"));
        }
        let year = year as i32;
        let month = month as u8;
        if day == 0 || day > u32::from(days_in_month(year, month)) {
            return Err(said!("de dag bestaat niet in die maand", "the day does not exist in that month"));
        }
        Ok(Date { year, month, day: day as u8 })
    }

    /// Whole calendar months from `self` to `later` (`later` must not be earlier).
    pub(crate) fn whole_months_until(self, later: Date) -> u32 {
        let mut months = (later.year - self.year) * 12 + i32::from(later.month) - i32::from(self.month);
        // A month is complete on the same day-of-month; a birthday on the
        // 31st completes in a short month on its last day.
        let anchor_day = self.day.min(days_in_month(later.year, later.month));
        if later.day < anchor_day {
            months -= 1;
        }
        months.max(0) as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2024-13-01").is_err());
        assert!(Date::parse("2024-04-31").is_err());
        assert!(Date::parse("24-04-01").is_err());
        assert!(Date::parse("2024/04/01").is_err());
        assert!(Date::parse("１９９９-01-01").is_err());
    }

    #[test]
    fn whole_months_count_on_the_calendar() {
        assert_eq!(d("2020-03-14").whole_months_until(d("2024-03-13")), 47);
        assert_eq!(d("2020-03-14").whole_months_until(d("2024-03-14")), 48);
        assert_eq!(d("2020-01-31").whole_months_until(d("2020-02-29")), 1);
        assert_eq!(d("2020-01-31").whole_months_until(d("2020-02-28")), 0);
        assert_eq!(d("2024-02-29").whole_months_until(d("2025-02-28")), 12);
    }
}
