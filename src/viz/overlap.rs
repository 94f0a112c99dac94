//! Label placement without overlap: labels are taken greedily by priority, and a label that
//! would touch one already placed is dropped (its item is still drawn, just unlabelled).

use egui::Rect;

/// Grid cell size for the placed-label index, in points.
const CELL: f32 = 64.0;

/// Which of `boxes` to show: `true` for a placed label. Higher `priority` wins; ties go to the
/// earlier box. `gap` is the space kept free around each label.
pub fn place_labels(boxes: &[(Rect, f32)], gap: f32) -> Vec<bool> {
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    order.sort_by(|&a, &b| boxes[b].1.total_cmp(&boxes[a].1).then(a.cmp(&b)));
    let mut shown = vec![false; boxes.len()];
    // A coarse grid of placed rectangles, so each test looks only at nearby labels.
    let mut grid: std::collections::HashMap<(i32, i32), Vec<Rect>> = Default::default();
    for i in order {
        let rect = boxes[i].0.expand(gap / 2.0);
        if !rect.is_finite() {
            continue;
        }
        let cells = cells_of(rect);
        let clash = cells.clone().any(|c| {
            grid.get(&c)
                .is_some_and(|placed| placed.iter().any(|p| p.intersects(rect)))
        });
        if !clash {
            shown[i] = true;
            for c in cells {
                grid.entry(c).or_default().push(rect);
            }
        }
    }
    shown
}

fn cells_of(r: Rect) -> impl Iterator<Item = (i32, i32)> + Clone {
    let x0 = (r.min.x / CELL).floor() as i32;
    let x1 = (r.max.x / CELL).floor() as i32;
    let y0 = (r.min.y / CELL).floor() as i32;
    let y1 = (r.max.y / CELL).floor() as i32;
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    fn r(x: f32, y: f32, w: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), vec2(w, 14.0))
    }

    #[test]
    fn higher_priority_wins_and_disjoint_labels_all_stay() {
        let boxes = [
            (r(0.0, 0.0, 100.0), 1.0),
            (r(50.0, 5.0, 100.0), 5.0),
            (r(200.0, 0.0, 40.0), 0.5),
            (r(140.0, 40.0, 40.0), 0.1),
        ];
        assert_eq!(place_labels(&boxes, 0.0), [false, true, true, true]);
    }

    #[test]
    fn gap_separates_touching_labels_and_ties_keep_order() {
        let boxes = [(r(0.0, 0.0, 50.0), 1.0), (r(52.0, 0.0, 50.0), 1.0)];
        assert_eq!(place_labels(&boxes, 0.0), [true, true]);
        assert_eq!(place_labels(&boxes, 4.0), [true, false]);
    }

    #[test]
    fn no_two_placed_labels_overlap_in_a_crowd() {
        let boxes: Vec<(Rect, f32)> = (0..500)
            .map(|i| {
                let x = (i * 37 % 800) as f32;
                let y = (i * 11 % 300) as f32;
                (r(x, y, 30.0 + (i % 7) as f32 * 10.0), (i % 13) as f32)
            })
            .collect();
        let shown = place_labels(&boxes, 2.0);
        let placed: Vec<Rect> = boxes
            .iter()
            .zip(&shown)
            .filter(|(_, s)| **s)
            .map(|(b, _)| b.0)
            .collect();
        assert!(placed.len() > 20);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
        }
    }
}
