//! Dates as sources give them: a year, a month of a year, or a day, possibly approximate.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// How much of a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year, e.g. «سنة 1777».
    Year,
    /// Year and month, e.g. «أكتوبر 2020».
    Month,
    /// A full calendar day.
    Day,
}

/// A Gregorian date known to the year, month or day, with an optional *circa* flag.
///
/// Written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, prefixed by `~` when approximate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
    circa: bool,
}

/// Why a partial date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("«{0}» is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
    Syntax(String),
    /// The year is outside 1–9999.
    #[error("year {0} is out of range (1–9999)")]
    Year(u32),
    /// The month is outside 1–12.
    #[error("month {0} is out of range (1–12)")]
    Month(u32),
    /// The day does not exist in that month.
    #[error("day {day} does not exist in {year:04}-{month:02}")]
    Day {
        /// Year of the refused date.
        year: u16,
        /// Month of the refused date.
        month: u8,
        /// The day that does not exist.
        day: u32,
    },
}

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: u16) -> Result<Self, DateError> {
        check_year(u32::from(year))?;
        Ok(Self {
            year,
            month: None,
            day: None,
            circa: false,
        })
    }

    /// A date known to the month.
    pub fn month(year: u16, month: u8) -> Result<Self, DateError> {
        check_year(u32::from(year))?;
        check_month(u32::from(month))?;
        Ok(Self {
            year,
            month: Some(month),
            day: None,
            circa: false,
        })
    }

    /// A date known to the day.
    pub fn day(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        check_year(u32::from(year))?;
        check_month(u32::from(month))?;
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day {
                year,
                month,
                day: u32::from(day),
            });
        }
        Ok(Self {
            year,
            month: Some(month),
            day: Some(day),
            circa: false,
        })
    }

    /// The same date marked (or unmarked) as approximate.
    pub fn with_circa(mut self, circa: bool) -> Self {
        self.circa = circa;
        self
    }

    /// The year.
    pub fn year_value(&self) -> u16 {
        self.year
    }

    /// The month, when known.
    pub fn month_value(&self) -> Option<u8> {
        self.month
    }

    /// The day, when known.
    pub fn day_value(&self) -> Option<u8> {
        self.day
    }

    /// Whether the date is approximate.
    pub fn is_circa(&self) -> bool {
        self.circa
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// First day the date may stand for, as `(year, month, day)`.
    pub fn first_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Last day the date may stand for, as `(year, month, day)`.
    pub fn last_day(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// An integer `YYYYMMDD` of the first day, for sorting and range queries in the store.
    pub fn start_key(&self) -> i64 {
        day_key(self.first_day())
    }

    /// An integer `YYYYMMDD` of the last day.
    pub fn end_key(&self) -> i64 {
        day_key(self.last_day())
    }
}

fn day_key((y, m, d): (u16, u8, u8)) -> i64 {
    i64::from(y) * 10_000 + i64::from(m) * 100 + i64::from(d)
}

fn check_year(year: u32) -> Result<(), DateError> {
    if (1..=9999).contains(&year) {
        Ok(())
    } else {
        Err(DateError::Year(year))
    }
}

fn check_month(month: u32) -> Result<(), DateError> {
    if (1..=12).contains(&month) {
        Ok(())
    } else {
        Err(DateError::Month(month))
    }
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Number of days in a Gregorian month (0 for an invalid month).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ord for PartialDate {
    /// Chronological by first day; a less precise date sorts before a more precise one
    /// starting on the same day ("2022" before "2022-01" before "2022-01-01").
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
            .then(self.circa.cmp(&other.circa))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.circa {
            f.write_str("~")?;
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let syntax = || DateError::Syntax(s.to_owned());
        let (circa, body) = match s.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let parts: Vec<&str> = body.split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(syntax());
        }
        let num = |p: &str| p.parse::<u32>().map_err(|_| syntax());
        let year = num(parts[0])?;
        check_year(year)?;
        let year = u16::try_from(year).map_err(|_| DateError::Year(year))?;
        let date = match parts.len() {
            1 => Self::year(year)?,
            2 => {
                let m = num(parts[1])?;
                check_month(m)?;
                Self::month(year, m as u8)?
            }
            _ => {
                let m = num(parts[1])?;
                check_month(m)?;
                let d = num(parts[2])?;
                let d = u8::try_from(d).map_err(|_| DateError::Day {
                    year,
                    month: m as u8,
                    day: d,
                })?;
                Self::day(year, m as u8, d)?
            }
        };
        Ok(date.with_circa(circa))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        let y: PartialDate = "1777".parse().unwrap();
        assert_eq!(y.precision(), Precision::Year);
        let m: PartialDate = "2020-10".parse().unwrap();
        assert_eq!(m.precision(), Precision::Month);
        let d: PartialDate = "2022-03-26".parse().unwrap();
        assert_eq!(
            (d.year_value(), d.month_value(), d.day_value()),
            (2022, Some(3), Some(26))
        );
        let c: PartialDate = "~2004".parse().unwrap();
        assert!(c.is_circa());
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "1777",
            "2020-10",
            "2022-03-26",
            "~2004",
            "~2004-02-29",
            "0001",
        ] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_bad_dates_with_specific_messages() {
        assert_eq!(
            "2021-02-29".parse::<PartialDate>().unwrap_err().to_string(),
            "day 29 does not exist in 2021-02"
        );
        assert_eq!(
            "2021-13".parse::<PartialDate>().unwrap_err(),
            DateError::Month(13)
        );
        assert_eq!(
            "0000".parse::<PartialDate>().unwrap_err(),
            DateError::Year(0)
        );
        for bad in [
            "",
            "~",
            "21",
            "2021-1",
            "2021/01/01",
            "2021-01-01-01",
            "٢٠٢٢",
            "+202",
            "2021-0a",
        ] {
            assert!(
                matches!(bad.parse::<PartialDate>(), Err(DateError::Syntax(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn spans_cover_the_precision() {
        let y: PartialDate = "2020".parse().unwrap();
        assert_eq!((y.start_key(), y.end_key()), (20200101, 20201231));
        let feb: PartialDate = "2024-02".parse().unwrap();
        assert_eq!(feb.end_key(), 20240229);
        let feb: PartialDate = "1900-02".parse().unwrap();
        assert_eq!(feb.end_key(), 19000228);
    }

    #[test]
    fn orders_chronologically_less_precise_first() {
        let mut v: Vec<PartialDate> = ["2022-01-01", "2021", "2022", "2022-01", "1777"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(s, ["1777", "2021", "2022", "2022-01", "2022-01-01"]);
    }

    #[test]
    fn serde_uses_the_string_form() {
        let d: PartialDate = "~2022-03".parse().unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"~2022-03\"");
        let back: PartialDate = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
        assert!(serde_json::from_str::<PartialDate>("\"2022-02-30\"").is_err());
    }
}
