//! What stretch of time a partial date stands for: "2020" covers the whole year, "2020-10"
//! its month, and anything short of a known day is drawn as imprecise.

use super::time::days_from_civil;
use crate::model::{PartialDate, Precision};

/// A stretch of the time axis, in days since 1970 (`end` exclusive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeSpan {
    /// First instant.
    pub start: f64,
    /// End (exclusive): the day after the last day.
    pub end: f64,
    /// Whether the dates were less precise than a day, or approximate.
    pub imprecise: bool,
}

impl TimeSpan {
    /// Length in days.
    pub fn len(&self) -> f64 {
        self.end - self.start
    }

    /// Whether the span has no length.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Middle instant.
    pub fn mid(&self) -> f64 {
        (self.start + self.end) / 2.0
    }
}

fn day(d: (u16, u8, u8)) -> f64 {
    days_from_civil(i64::from(d.0), u32::from(d.1), u32::from(d.2)) as f64
}

/// The span one partial date covers.
pub fn date_span(d: &PartialDate) -> TimeSpan {
    TimeSpan {
        start: day(d.first_day()),
        end: day(d.last_day()) + 1.0,
        imprecise: d.precision() != Precision::Day || d.is_circa(),
    }
}

/// The span of an event: from the start of its start date to the end of its end date.
pub fn event_span(start: &PartialDate, end: Option<&PartialDate>) -> TimeSpan {
    let s = date_span(start);
    match end {
        Some(e) => {
            let e = date_span(e);
            TimeSpan {
                start: s.start,
                end: e.end.max(s.end),
                imprecise: s.imprecise || e.imprecise,
            }
        }
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn each_precision_covers_its_period() {
        let y = date_span(&d("2020"));
        assert_eq!(y.len(), 366.0, "2020 is a leap year");
        assert!(y.imprecise);
        let m = date_span(&d("2021-02"));
        assert_eq!(m.len(), 28.0);
        assert_eq!(m.start, days_from_civil(2021, 2, 1) as f64);
        assert!(m.imprecise);
        let day = date_span(&d("2022-03-26"));
        assert_eq!(day.len(), 1.0);
        assert!(!day.imprecise);
        assert!(date_span(&d("~2022-03-26")).imprecise, "circa is imprecise");
        assert_eq!(date_span(&d("1777")).len(), 365.0);
    }

    #[test]
    fn an_event_runs_to_the_end_of_its_end_date() {
        let s = event_span(&d("2022-03-01"), Some(&d("2022-03")));
        assert_eq!(s.start, days_from_civil(2022, 3, 1) as f64);
        assert_eq!(s.end, days_from_civil(2022, 4, 1) as f64);
        assert!(s.imprecise, "the end is only known to the month");
        let exact = event_span(&d("2022-03-01"), Some(&d("2022-03-05")));
        assert_eq!(exact.len(), 5.0);
        assert!(!exact.imprecise);
    }
}
