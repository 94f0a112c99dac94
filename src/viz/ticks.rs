//! Tick marks of the time axis for every zoom level, from centuries to days, labelled in the
//! UI language («مارس 2022», "Mar 2022" → here the full month name, as the rest of the app).

use super::time::{civil_from_days, days_from_civil, year_start};
use crate::i18n::{Lang, vocab};

/// How fine the ticks are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TickLevel {
    /// Hundreds of years.
    Century,
    /// Tens of years.
    Decade,
    /// Years.
    Year,
    /// Months.
    Month,
    /// Days.
    Day,
}

/// Distance between two ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Every `n` years.
    Years(i64),
    /// Every `n` months.
    Months(i64),
    /// Every `n` days of a month (1, 1+n, 1+2n…).
    Days(u32),
}

impl Step {
    /// Rough length in days, to compare with the zoom.
    fn days(self) -> f64 {
        match self {
            Self::Years(n) => n as f64 * super::time::YEAR_DAYS,
            Self::Months(n) => n as f64 * super::time::YEAR_DAYS / 12.0,
            Self::Days(n) => f64::from(n),
        }
    }

    /// The level whose labels this step uses.
    pub fn level(self) -> TickLevel {
        match self {
            Self::Years(n) if n >= 100 => TickLevel::Century,
            Self::Years(n) if n >= 10 => TickLevel::Decade,
            Self::Years(_) => TickLevel::Year,
            Self::Months(_) => TickLevel::Month,
            Self::Days(_) => TickLevel::Day,
        }
    }
}

/// Candidate steps, finest first.
const STEPS: [Step; 17] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(5),
    Step::Days(10),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(500),
    Step::Years(1000),
];

/// Room a label of each level needs on screen, in points.
fn label_room(level: TickLevel) -> f64 {
    match level {
        TickLevel::Day => 120.0,
        TickLevel::Month => 100.0,
        TickLevel::Year | TickLevel::Decade | TickLevel::Century => 56.0,
    }
}

/// One tick: where, and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Day number (days since 1970-01-01).
    pub t: f64,
    /// Label in the UI language.
    pub label: String,
}

/// The ticks for a visible range.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The step chosen for the zoom.
    pub step: Step,
    /// Ticks inside the range, in time order.
    pub ticks: Vec<Tick>,
}

/// At most this many ticks, whatever the input (a guard, never reached at sane zooms).
const MAX_TICKS: usize = 2000;

/// The finest step whose labels do not collide at `px_per_day`.
pub fn choose_step(px_per_day: f64) -> Step {
    STEPS
        .into_iter()
        .find(|s| s.days() * px_per_day >= label_room(s.level()))
        .unwrap_or(Step::Years(1000))
}

/// Ticks between day numbers `t0` and `t1` at `px_per_day`, labelled in `lang`.
pub fn ticks(t0: f64, t1: f64, px_per_day: f64, lang: Lang) -> Axis {
    let step = choose_step(px_per_day);
    let mut out = Vec::new();
    match step {
        Step::Years(n) => {
            let (y0, _, _) = civil_from_days(t0.floor() as i64);
            let mut y = y0.div_euclid(n) * n;
            while out.len() < MAX_TICKS {
                let t = year_start(y);
                if t > t1 {
                    break;
                }
                if t >= t0 && (1..=9999).contains(&y) {
                    out.push(Tick {
                        t,
                        label: y.to_string(),
                    });
                }
                y += n;
            }
        }
        Step::Months(n) => {
            let (y0, m0, _) = civil_from_days(t0.floor() as i64);
            let mut index = (y0 * 12 + i64::from(m0) - 1).div_euclid(n) * n;
            while out.len() < MAX_TICKS {
                let (y, m) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32);
                let t = days_from_civil(y, m, 1) as f64;
                if t > t1 {
                    break;
                }
                if t >= t0 {
                    out.push(Tick {
                        t,
                        label: format!("{} {y}", vocab::month(lang, m as u8)),
                    });
                }
                index += n;
            }
        }
        Step::Days(n) => {
            let mut d = t0.ceil() as i64;
            while out.len() < MAX_TICKS && d as f64 <= t1 {
                let (y, m, day) = civil_from_days(d);
                let month_len = crate::model::days_in_month(y.clamp(1, 9999) as u16, m as u8);
                // The last tick of a month is dropped when it would crowd the next month's first.
                let crowded = u32::from(month_len) + 1 - day < n.div_ceil(2);
                if (day - 1) % n == 0 && !crowded {
                    out.push(Tick {
                        t: d as f64,
                        label: format!("{day} {} {y}", vocab::month(lang, m as u8)),
                    });
                }
                d += 1;
            }
        }
    }
    Axis { step, ticks: out }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ticks over `days` days starting 1 Jan 2022, drawn `width` points wide.
    fn axis_for(t0: f64, days: f64, width: f64, lang: Lang) -> Axis {
        ticks(t0, t0 + days, width / days, lang)
    }

    #[test]
    fn every_zoom_level_from_centuries_to_days() {
        let t2022 = year_start(2022);
        let t1777 = year_start(1777);
        let cases = [
            // (start, days shown, level)
            (t1777, 2000.0 * 365.25, TickLevel::Century),
            (year_start(1900), 120.0 * 365.25, TickLevel::Decade),
            (t2022 - 3650.0, 10.0 * 365.25, TickLevel::Year),
            (t2022, 365.0, TickLevel::Month),
            (t2022, 20.0, TickLevel::Day),
        ];
        for (t0, days, level) in cases {
            let axis = axis_for(t0, days, 1000.0, Lang::En);
            assert_eq!(axis.step.level(), level, "{days} days on 1000 points");
            assert!(axis.ticks.len() >= 2, "{level:?} has ticks");
            for w in axis.ticks.windows(2) {
                assert!(w[1].t > w[0].t, "ticks are in order");
                let px = (w[1].t - w[0].t) * 1000.0 / days;
                assert!(
                    px >= label_room(level) * 0.8,
                    "{level:?} labels have room: {px}"
                );
            }
        }
    }

    #[test]
    fn labels_use_the_ui_language_and_the_right_precision() {
        let t = year_start(2022);
        let months = axis_for(t, 365.0, 1300.0, Lang::Ar);
        assert_eq!(months.step, Step::Months(1));
        assert_eq!(months.ticks[2].label, "مارس 2022");
        let months_en = axis_for(t, 365.0, 1300.0, Lang::En);
        assert_eq!(months_en.ticks[2].label, "March 2022");
        let days = axis_for(t + 59.0, 10.0, 1500.0, Lang::Ar);
        assert_eq!(days.step, Step::Days(1));
        assert_eq!(days.ticks[0].label, "1 مارس 2022");
        let centuries = axis_for(year_start(1000), 1100.0 * 365.25, 1000.0, Lang::Ar);
        let labels: Vec<&str> = centuries.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels[..3], ["1000", "1100", "1200"]);
        let decades = axis_for(year_start(1900), 120.0 * 365.25, 1000.0, Lang::En);
        assert_eq!(decades.step, Step::Years(10));
        assert_eq!(decades.ticks[0].label, "1900");
        assert_eq!(decades.ticks[1].label, "1910");
    }

    #[test]
    fn day_ticks_skip_the_crowded_end_of_a_month() {
        let t = days_from_civil(2022, 1, 1) as f64;
        let axis = axis_for(t, 62.0, 62.0 * 120.0 / 10.0, Lang::En);
        assert_eq!(axis.step, Step::Days(10));
        let days: Vec<u32> = axis
            .ticks
            .iter()
            .map(|k| civil_from_days(k.t as i64).2)
            .collect();
        assert_eq!(days, [1, 11, 21, 1, 11, 21, 1]);
    }
}
