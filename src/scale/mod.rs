//! The workloads of the scale benchmarks (issue #8), shared by `benches/scale.rs`, which runs
//! them on a 100k-event / 1M-excerpt store, and by a smoke test that runs each on a tiny store so
//! `cargo test` keeps them working. Timing here is measurement only: nothing asserts a speed.

pub mod acled_csv;
pub mod frames;
pub mod paging;
pub mod queries;

use std::time::{Duration, Instant};

/// Median and 95th percentile of a set of timings.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Percentiles {
    /// Median.
    pub p50: Duration,
    /// 95th percentile (nearest rank).
    pub p95: Duration,
    /// Slowest.
    pub max: Duration,
}

impl Percentiles {
    /// The percentiles of `samples` (empty gives zeros).
    pub fn of(samples: &[Duration]) -> Self {
        if samples.is_empty() {
            return Self::default();
        }
        let mut v = samples.to_vec();
        v.sort();
        let rank = |p: usize| {
            v[((v.len() * p).div_ceil(100))
                .saturating_sub(1)
                .min(v.len() - 1)]
        };
        Self {
            p50: rank(50),
            p95: rank(95),
            max: v[v.len() - 1],
        }
    }
}

/// How long `f` takes, and what it returned.
pub fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = f();
    (start.elapsed(), value)
}

/// Milliseconds with two decimals, for tables.
pub fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<Duration> = (1..=100).rev().map(Duration::from_millis).collect();
        let p = Percentiles::of(&v);
        assert_eq!(p.p50, Duration::from_millis(50));
        assert_eq!(p.p95, Duration::from_millis(95));
        assert_eq!(p.max, Duration::from_millis(100));
        assert_eq!(Percentiles::of(&[]), Percentiles::default());
    }
}
