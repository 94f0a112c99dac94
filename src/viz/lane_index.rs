//! A lane's items indexed so that binning a view costs a binary search per bin drawn, not a
//! visit per item in view: at "fit all" the busiest lanes of a 100k-event store hold tens of
//! thousands of items each, and walking them every frame was most of the timeline's frame.
//!
//! The bins are exactly those of [`super::lod::bin_lane`] over the same items (a test checks
//! it): a bin takes consecutive items by start, so its count is a difference of positions, its
//! end a range maximum and its precision a difference of prefix counts.

use super::lod::Bin;

/// One item of a lane, in time units (days).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    /// The caller's row index.
    pub row: u32,
    /// Start.
    pub start: f64,
    /// End (not before `start`).
    pub end: f64,
    /// Whether the dates are imprecise.
    pub imprecise: bool,
}

/// Where a view puts time: `x = (t - t0) / days_per_pt` points from the time-start edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mapping {
    /// Time at the time-start edge.
    pub t0: f64,
    /// Days per point.
    pub days_per_pt: f64,
    /// Width of the time area, in points.
    pub width: f32,
}

impl Mapping {
    /// Points from the time-start edge of time `t`.
    pub fn flow(&self, t: f64) -> f32 {
        ((t - self.t0) / self.days_per_pt) as f32
    }
}

/// A lane's items sorted by start, with what binning needs precomputed.
#[derive(Clone, Debug, Default)]
pub struct LaneIndex {
    starts: Vec<f64>,
    ends: Vec<f64>,
    rows: Vec<u32>,
    imprecise: Vec<bool>,
    /// `precise_before[k]`: precise items among the first `k`.
    precise_before: Vec<u32>,
    /// Maximum end over ranges of items (a bottom-up segment tree of `2 n` entries).
    max_end: Vec<f64>,
    longest: f64,
}

impl LaneIndex {
    /// Indexes `spans`, which must be sorted by start.
    pub fn new(spans: &[Span]) -> Self {
        debug_assert!(spans.windows(2).all(|w| w[0].start <= w[1].start));
        let n = spans.len();
        let mut precise_before = Vec::with_capacity(n + 1);
        precise_before.push(0);
        for s in spans {
            let last = precise_before.last().copied().unwrap_or(0);
            precise_before.push(last + u32::from(!s.imprecise));
        }
        let mut max_end = vec![f64::NEG_INFINITY; 2 * n];
        for (k, s) in spans.iter().enumerate() {
            max_end[n + k] = s.end;
        }
        for k in (1..n).rev() {
            max_end[k] = max_end[2 * k].max(max_end[2 * k + 1]);
        }
        Self {
            starts: spans.iter().map(|s| s.start).collect(),
            ends: spans.iter().map(|s| s.end).collect(),
            rows: spans.iter().map(|s| s.row).collect(),
            imprecise: spans.iter().map(|s| s.imprecise).collect(),
            precise_before,
            max_end,
            longest: spans.iter().map(|s| s.end - s.start).fold(0.0, f64::max),
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the lane has no items.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The largest end among items `a..b` (`a < b`).
    fn range_max_end(&self, a: usize, b: usize) -> f64 {
        let n = self.starts.len();
        let (mut lo, mut hi) = (a + n, b + n);
        let mut best = f64::NEG_INFINITY;
        while lo < hi {
            if lo & 1 == 1 {
                best = best.max(self.max_end[lo]);
                lo += 1;
            }
            if hi & 1 == 1 {
                hi -= 1;
                best = best.max(self.max_end[hi]);
            }
            lo /= 2;
            hi /= 2;
        }
        best
    }

    /// The first item from `i` (which ends before the view) to `inside` that ends in view, or
    /// `inside`: a long event far to the left makes every item after it a candidate, and zoomed
    /// in on a busy lane those were tens of thousands of visits a frame.
    fn next_visible(&self, i: usize, inside: usize, m: Mapping, left: f32) -> usize {
        let reaches = |k: usize| m.flow(self.range_max_end(i, k)) >= left;
        if !reaches(inside) {
            return inside;
        }
        // The smallest `k` whose items `i..k` include one in view; that one is `k - 1`.
        let (mut lo, mut hi) = (i + 1, inside);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if reaches(mid) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo - 1
    }

    /// The bins of the items visible in `[0, m.width]` points, each taking the items whose
    /// start lies within `bin_px` of its first one (see [`super::lod::bin_lane`]).
    pub fn bins(&self, lane: usize, m: Mapping, bin_px: f32) -> Vec<Bin> {
        let (left, right) = (0.0_f32, m.width);
        let x0_of = |k: usize| m.flow(self.starts[k]).max(left - 1.0);
        let visible_end = |k: usize| m.flow(self.ends[k]) >= left;
        let end = self.starts.partition_point(|&s| m.flow(s) <= right);
        // Items that start this long before the view cannot reach it; a day of margin keeps
        // rounding from hiding one that just does.
        let reach = m.t0 - self.longest - 1.0;
        let mut i = self.starts.partition_point(|&s| s < reach);
        // Before `inside`, items start left of the view and may end before it.
        let inside = self.starts.partition_point(|&s| m.flow(s) < left);
        let mut bins = Vec::new();
        while i < end {
            if i < inside && !visible_end(i) {
                i = self.next_visible(i, inside, m, left);
                continue;
            }
            let x0 = x0_of(i);
            let j = i + self.starts[i..end]
                .partition_point(|&s| m.flow(s).max(left - 1.0) - x0 < bin_px);
            let (mut count, mut precise) = (0u32, 0u32);
            let split = j.min(inside).max(i);
            for k in i..split {
                if visible_end(k) {
                    count += 1;
                    precise += u32::from(!self.imprecise[k]);
                }
            }
            count += (j - split) as u32;
            precise += self.precise_before[j] - self.precise_before[split];
            bins.push(Bin {
                lane,
                x0,
                x1: m.flow(self.range_max_end(i, j)),
                count,
                first: self.rows[i] as usize,
                imprecise: precise == 0,
            });
            i = j;
        }
        bins
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::lod::{LaneItem, bin_lane};
    use proptest::prelude::*;

    /// What the view did before the index: map every item to points and walk them all.
    fn linear(spans: &[Span], lane: usize, m: Mapping, bin_px: f32) -> Vec<Bin> {
        let items: Vec<LaneItem> = spans
            .iter()
            .filter(|s| s.end >= m.t0)
            .map(|s| LaneItem {
                index: s.row as usize,
                x0: m.flow(s.start),
                x1: m.flow(s.end),
                imprecise: s.imprecise,
            })
            .collect();
        bin_lane(lane, &items, 0.0, m.width, bin_px)
    }

    fn lane(raw: &[(u16, u16, bool)]) -> Vec<Span> {
        let mut spans: Vec<Span> = raw
            .iter()
            .enumerate()
            .map(|(k, &(start, len, imprecise))| Span {
                row: k as u32,
                start: f64::from(start),
                end: f64::from(start) + f64::from(len),
                imprecise,
            })
            .collect();
        spans.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.row.cmp(&b.row)));
        spans
    }

    #[test]
    fn a_bar_crossing_the_start_edge_joins_the_first_bin_and_hidden_ones_do_not() {
        let spans = lane(&[
            (0, 5, true),
            (10, 200, false),
            (150, 1, true),
            (400, 1, true),
        ]);
        let m = Mapping {
            t0: 100.0,
            days_per_pt: 1.0,
            width: 500.0,
        };
        let bins = LaneIndex::new(&spans).bins(3, m, 16.0);
        assert_eq!(bins, linear(&spans, 3, m, 16.0));
        assert_eq!(bins.len(), 3);
        assert_eq!((bins[0].first, bins[0].count, bins[0].lane), (1, 1, 3));
        assert!(!bins[0].imprecise);
        assert_eq!(bins[0].x1, 110.0);
    }

    #[test]
    fn a_crowded_lane_folds_into_at_most_a_bin_per_bin_width() {
        let spans: Vec<Span> = (0..100_000)
            .map(|k| Span {
                row: k,
                start: f64::from(k) * 0.1,
                end: f64::from(k) * 0.1 + 30.0,
                imprecise: k % 3 == 0,
            })
            .collect();
        let m = Mapping {
            t0: -50.0,
            days_per_pt: 10.0,
            width: 1200.0,
        };
        let bins = LaneIndex::new(&spans).bins(0, m, 16.0);
        assert!(bins.len() <= 1200 / 16 + 2, "{}", bins.len());
        assert_eq!(bins.iter().map(|b| b.count).sum::<u32>(), 100_000);
        assert_eq!(bins, linear(&spans, 0, m, 16.0));
    }

    proptest! {
        #[test]
        fn indexed_bins_equal_the_bins_of_every_item(
            raw in proptest::collection::vec((0u16..2000, 0u16..400, any::<bool>()), 0..200),
            t0 in -500.0f64..2500.0,
            days_per_pt in 0.05f64..40.0,
            width in 50.0f32..1500.0,
            bin_px in 1.0f32..30.0,
        ) {
            let spans = lane(&raw);
            let m = Mapping { t0, days_per_pt, width };
            prop_assert_eq!(LaneIndex::new(&spans).bins(1, m, bin_px), linear(&spans, 1, m, bin_px));
        }
    }
}
