//! Resolving relative phrases («أمس», «الجمعة الماضي», «في مارس الماضي», «العام الماضي»)
//! against a reference date, normally the article's publication date.

use crate::model::{PartialDate, Precision};
use jiff::civil::{Date, Weekday};

fn civil(d: PartialDate) -> Option<Date> {
    if d.precision() != Precision::Day {
        return None;
    }
    let (y, m, day) = d.first_day();
    Date::new(i16::try_from(y).ok()?, m as i8, day as i8).ok()
}

fn partial(d: Date) -> Option<PartialDate> {
    let y = u16::try_from(d.year()).ok()?;
    PartialDate::day(y, d.month() as u8, d.day() as u8).ok()
}

/// The day `days` away from the reference day.
pub(super) fn shift_days(reference: PartialDate, days: i64) -> Option<PartialDate> {
    let d = civil(reference)?;
    partial(d.checked_add(jiff::Span::new().days(days)).ok()?)
}

/// The last `weekday` (1 = Monday … 7 = Sunday) before the reference day; the reference day
/// itself counts when `inclusive`. With `forward`, the next one after it instead.
pub(super) fn weekday(
    reference: PartialDate,
    weekday: u8,
    inclusive: bool,
    forward: bool,
) -> Option<PartialDate> {
    let d = civil(reference)?;
    let w = Weekday::from_monday_one_offset(weekday as i8).ok()?;
    if inclusive && d.weekday() == w {
        return partial(d);
    }
    partial(d.nth_weekday(if forward { 1 } else { -1 }, w).ok()?)
}

/// The year of a month (and day) written without one: the last such date on or before the
/// reference (strictly before when `strict`, as «الماضي» says), or the next one when `forward`.
pub(super) fn year_of(
    reference: PartialDate,
    month: u8,
    day: Option<u8>,
    strict: bool,
    forward: bool,
) -> Option<u16> {
    if reference.precision() == Precision::Year {
        return None;
    }
    let (ry, rm, rd) = reference.first_day();
    let target = (month, day.unwrap_or(1));
    // At month precision the reference month itself is neither before nor after.
    let now = match day {
        Some(_) => (rm, rd),
        None => (rm, 1),
    };
    let same_year = if forward {
        target > now
    } else if strict {
        target < now
    } else {
        target <= now
    };
    Some(match (forward, same_year) {
        (_, true) => ry,
        (true, false) => ry.checked_add(1)?,
        (false, false) => ry.checked_sub(1)?,
    })
}

/// The reference's year moved by `years`.
pub(super) fn year_offset(reference: PartialDate, years: i32) -> Option<PartialDate> {
    let y = i32::from(reference.year_value()) + years;
    PartialDate::year(u16::try_from(y).ok()?).ok()
}

/// The reference's month moved by `months`.
pub(super) fn month_offset(reference: PartialDate, months: i32) -> Option<PartialDate> {
    let m = reference.month_value()?;
    let index = i32::from(reference.year_value()) * 12 + i32::from(m) - 1 + months;
    let y = u16::try_from(index.div_euclid(12)).ok()?;
    PartialDate::month(y, (index.rem_euclid(12) + 1) as u8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn days_and_weekdays() {
        // 2022-05-08 was a Sunday.
        let r = d("2022-05-08");
        assert_eq!(shift_days(r, -2), Some(d("2022-05-06")));
        assert_eq!(weekday(r, 5, false, false), Some(d("2022-05-06")));
        assert_eq!(weekday(r, 7, true, false), Some(r));
        assert_eq!(weekday(r, 7, false, false), Some(d("2022-05-01")));
        assert_eq!(weekday(r, 1, false, true), Some(d("2022-05-09")));
        assert_eq!(shift_days(d("2022-05"), -1), None);
    }

    #[test]
    fn years_of_months_written_without_one() {
        let r = d("2022-05-08");
        assert_eq!(year_of(r, 3, Some(26), true, false), Some(2022));
        assert_eq!(year_of(r, 12, Some(18), true, false), Some(2021));
        assert_eq!(year_of(r, 5, None, true, false), Some(2021));
        assert_eq!(year_of(r, 5, None, false, false), Some(2022));
        assert_eq!(year_of(r, 5, None, false, true), Some(2023));
        assert_eq!(year_of(d("2022"), 5, None, false, false), None);
    }

    #[test]
    fn offsets() {
        let r = d("2022-01-08");
        assert_eq!(year_offset(r, -1), Some(d("2021")));
        assert_eq!(month_offset(r, -1), Some(d("2021-12")));
        assert_eq!(month_offset(d("2022"), -1), None);
    }
}
