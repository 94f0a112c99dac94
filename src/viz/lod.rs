//! Level of detail for the timeline: within each lane, items whose start falls in the same
//! few-pixel range merge into one bin, so 100k events draw as at most lanes × width / bin
//! shapes, and a bin of one is drawn as the item itself.

/// One item on a lane: its span on screen, in points along the axis (`x0 <= x1`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneItem {
    /// Index of the item in the caller's rows.
    pub index: usize,
    /// Start, in points.
    pub x0: f32,
    /// End, in points.
    pub x1: f32,
    /// Whether the dates are imprecise.
    pub imprecise: bool,
}

/// Items merged at one place of one lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bin {
    /// Lane index.
    pub lane: usize,
    /// Leftmost start.
    pub x0: f32,
    /// Rightmost end.
    pub x1: f32,
    /// Number of items.
    pub count: u32,
    /// The first item (drawn as itself when `count == 1`).
    pub first: usize,
    /// Whether every item is imprecise.
    pub imprecise: bool,
}

/// Bins of one lane. `items` must be sorted by `x0`; only items overlapping `[left, right]`
/// are kept, and starts within `bin_px` of a bin's first start join it.
pub fn bin_lane(lane: usize, items: &[LaneItem], left: f32, right: f32, bin_px: f32) -> Vec<Bin> {
    let mut bins: Vec<Bin> = Vec::new();
    let end = items.partition_point(|it| it.x0 <= right);
    for it in &items[..end] {
        if it.x1 < left {
            continue;
        }
        let x0 = it.x0.max(left - 1.0);
        match bins.last_mut() {
            Some(b) if x0 - b.x0 < bin_px => {
                b.count += 1;
                b.x1 = b.x1.max(it.x1);
                b.imprecise &= it.imprecise;
            }
            _ => bins.push(Bin {
                lane,
                x0,
                x1: it.x1,
                count: 1,
                first: it.index,
                imprecise: it.imprecise,
            }),
        }
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(index: usize, x0: f32, x1: f32) -> LaneItem {
        LaneItem {
            index,
            x0,
            x1,
            imprecise: index.is_multiple_of(2),
        }
    }

    #[test]
    fn close_items_merge_and_distant_ones_stay_single() {
        let items = [
            item(0, 10.0, 11.0),
            item(1, 12.0, 13.0),
            item(2, 13.0, 40.0),
            item(3, 100.0, 101.0),
        ];
        let bins = bin_lane(7, &items, 0.0, 500.0, 6.0);
        assert_eq!(bins.len(), 2);
        assert_eq!((bins[0].count, bins[0].first, bins[0].x1), (3, 0, 40.0));
        assert!(!bins[0].imprecise, "one precise item makes the bin precise");
        assert_eq!((bins[1].count, bins[1].first, bins[1].lane), (1, 3, 7));
    }

    #[test]
    fn only_visible_items_are_binned() {
        let items = [
            item(0, -50.0, -40.0),
            item(1, -50.0, 20.0),
            item(2, 300.0, 301.0),
            item(3, 600.0, 601.0),
        ];
        let bins = bin_lane(0, &items, 0.0, 500.0, 4.0);
        let firsts: Vec<usize> = bins.iter().map(|b| b.first).collect();
        assert_eq!(
            firsts,
            [1, 2],
            "a bar crossing the left edge stays, hidden ones go"
        );
    }

    #[test]
    fn a_hundred_thousand_items_fold_into_pixel_bins() {
        let items: Vec<LaneItem> = (0..100_000)
            .map(|i| item(i, i as f32 * 0.01, i as f32 * 0.01 + 0.5))
            .collect();
        let bins = bin_lane(0, &items, 0.0, 1000.0, 4.0);
        assert!((249..=251).contains(&bins.len()), "{}", bins.len());
        assert_eq!(bins.iter().map(|b| b.count).sum::<u32>(), 100_000);
    }
}
