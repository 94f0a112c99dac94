//! Hijri dates and their Gregorian equivalents, computed with ICU4X's Umm al-Qura calendar
//! (the official Saudi calendar, also what most Arab newspapers print beside the Gregorian date).

use crate::model::PartialDate;
use icu_calendar::Date;
use icu_calendar::cal::{Gregorian, Hijri};
use serde::{Serialize, Serializer};
use std::fmt;

/// Latest Hijri year accepted (about 2174 CE); later numbers are not Hijri years in the press.
const MAX_HIJRI_YEAR: u16 = 1600;

/// A Hijri date known to the year, month or day, as written in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HijriDate {
    /// Year of the Hijra.
    pub year: u16,
    /// Month, 1 = Muharram … 12 = Dhu al-Hijja.
    pub month: Option<u8>,
    /// Day of the month.
    pub day: Option<u8>,
}

impl fmt::Display for HijriDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, like [`PartialDate`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for HijriDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The Gregorian day of a Hijri day, as `(year, month, day)`; `None` when the day does not
/// exist (a 30th in a month of 29 days) or is out of range.
fn to_gregorian(year: u16, month: u8, day: u8) -> Option<(u16, u8, u8)> {
    if year == 0 || year > MAX_HIJRI_YEAR {
        return None;
    }
    let date =
        Date::try_new_hijri_with_calendar(i32::from(year), month, day, Hijri::new_umm_al_qura())
            .ok()?;
    let g = date.to_calendar(Gregorian);
    let y = u16::try_from(g.era_year().year).ok()?;
    Some((y, g.month().ordinal, g.day_of_month().0))
}

/// The last day of a Hijri month: months have 29 or 30 days.
fn last_day(year: u16, month: u8) -> Option<(u16, u8, u8)> {
    to_gregorian(year, month, 30).or_else(|| to_gregorian(year, month, 29))
}

/// The Gregorian value of a Hijri date at the precision it was written with, and the end of
/// its span when that span crosses a Gregorian month (or year): «رمضان 1443» is 2022-04 to
/// 2022-05, «1443 هـ» is 2021 to 2022.
pub(super) fn gregorian_span(h: HijriDate) -> Option<(PartialDate, Option<PartialDate>)> {
    match (h.month, h.day) {
        (Some(m), Some(d)) => {
            let (y, gm, gd) = to_gregorian(h.year, m, d)?;
            Some((PartialDate::day(y, gm, gd).ok()?, None))
        }
        (Some(m), None) => {
            let (y0, m0, _) = to_gregorian(h.year, m, 1)?;
            let (y1, m1, _) = last_day(h.year, m)?;
            let start = PartialDate::month(y0, m0).ok()?;
            let end = PartialDate::month(y1, m1).ok()?;
            Some((start, (end != start).then_some(end)))
        }
        _ => {
            let (y0, _, _) = to_gregorian(h.year, 1, 1)?;
            let (y1, _, _) = last_day(h.year, 12)?;
            let start = PartialDate::year(y0).ok()?;
            let end = PartialDate::year(y1).ok()?;
            Some((start, (end != start).then_some(end)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(year: u16, month: Option<u8>, day: Option<u8>) -> HijriDate {
        HijriDate { year, month, day }
    }

    #[test]
    fn known_umm_al_qura_days() {
        // 1 Ramadan 1443 was Saturday 2 April 2022 in Saudi Arabia.
        let (d, end) = gregorian_span(h(1443, Some(9), Some(1))).unwrap();
        assert_eq!((d.to_string(), end), ("2022-04-02".into(), None));
        // 1 Muharram 1446 was 7 July 2024.
        let (d, _) = gregorian_span(h(1446, Some(1), Some(1))).unwrap();
        assert_eq!(d.to_string(), "2024-07-07");
    }

    #[test]
    fn months_and_years_span_two_gregorian_periods() {
        let (s, e) = gregorian_span(h(1443, Some(9), None)).unwrap();
        assert_eq!(
            (s.to_string(), e.unwrap().to_string()),
            ("2022-04".into(), "2022-05".into())
        );
        let (s, e) = gregorian_span(h(1443, None, None)).unwrap();
        assert_eq!(
            (s.to_string(), e.unwrap().to_string()),
            ("2021".into(), "2022".into())
        );
    }

    #[test]
    fn impossible_days_are_refused() {
        assert!(gregorian_span(h(1443, Some(9), Some(31))).is_none());
        assert!(gregorian_span(h(0, None, None)).is_none());
        assert!(gregorian_span(h(9999, None, None)).is_none());
        assert_eq!(h(1443, Some(9), Some(1)).to_string(), "1443-09-01");
    }
}
