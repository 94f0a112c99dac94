//! Label placement without overlap: labels are taken greedily by priority, and a label that
//! would touch one already placed is dropped (its item is still drawn, just unlabelled).

use egui::Rect;

/// Grid cell size for the placed-label index, in points.
const CELL: f32 = 64.0;
/// Most cells along a side of the grid (a far-flung box makes the cells bigger, not more).
const MAX_CELLS: f32 = 256.0;

/// Which of `boxes` to show: `true` for a placed label. Higher `priority` wins; ties go to the
/// earlier box. `gap` is the space kept free around each label.
pub fn place_labels(boxes: &[(Rect, f32)], gap: f32) -> Vec<bool> {
    let places = |i: usize| std::slice::from_ref(&boxes[i].0);
    place(&[], boxes.len(), places, |i| boxes[i].1, gap)
        .into_iter()
        .map(|p| p.is_some())
        .collect()
}

/// As [`place_labels`], with several places for each label, tried in the order given (the
/// network offers below its node, above, then beside), around `obstacles` that no label may
/// touch (the nodes of a network: tens of thousands a frame, so they are neither sorted nor
/// tested against each other). Returns, for each label, the index of the place it took, or
/// `None` when none was free.
pub fn place_labels_among(
    obstacles: &[Rect],
    labels: &[(Vec<Rect>, f32)],
    gap: f32,
) -> Vec<Option<usize>> {
    let places = |i: usize| labels[i].0.as_slice();
    place(obstacles, labels.len(), places, |i| labels[i].1, gap)
}

/// The greedy placement both entry points share: `n` labels, label `i` with the candidate
/// places `places(i)` and `priority(i)`.
fn place<'a>(
    obstacles: &[Rect],
    n: usize,
    places: impl Fn(usize) -> &'a [Rect],
    priority: impl Fn(usize) -> f32,
    gap: f32,
) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| priority(b).total_cmp(&priority(a)).then(a.cmp(&b)));
    let mut taken = vec![None; n];
    let all = (0..n).flat_map(|i| places(i).iter().map(|r| r.expand(gap / 2.0)));
    let Some(mut grid) = Grid::around(all) else {
        return taken;
    };
    grid.fix(obstacles, gap / 2.0);
    for i in order {
        let free = places(i)
            .iter()
            .map(|r| r.expand(gap / 2.0))
            .position(|r| r.is_finite() && !grid.clashes(r));
        if let Some(k) = free {
            grid.insert(places(i)[k].expand(gap / 2.0));
            taken[i] = Some(k);
        }
    }
    taken
}

/// A coarse grid of placed rectangles over the labels' extent, so that each test looks only at
/// nearby ones.
struct Grid {
    origin: egui::Pos2,
    cell: f32,
    cols: i32,
    rows: i32,
    /// Labels placed so far, by cell.
    cells: Vec<Vec<Rect>>,
    /// Obstacles by cell, packed: those of cell `c` are `fixed[starts[c]..starts[c + 1]]`.
    /// Tens of thousands of them pushed into growing per-cell lists cost more than the
    /// placement itself.
    fixed: Vec<Rect>,
    starts: Vec<u32>,
}

impl Grid {
    /// A grid covering `rects` (the labels to place); `None` when none is finite.
    fn around(rects: impl Iterator<Item = Rect>) -> Option<Self> {
        let bounds = rects.filter(|r| r.is_finite()).reduce(|a, b| a.union(b))?;
        let cell = CELL
            .max(bounds.width() / MAX_CELLS)
            .max(bounds.height() / MAX_CELLS);
        let cols = (bounds.width() / cell).floor() as i32 + 1;
        let rows = (bounds.height() / cell).floor() as i32 + 1;
        Some(Self {
            origin: bounds.min,
            cell,
            cols,
            rows,
            cells: vec![Vec::new(); (cols * rows) as usize],
            fixed: Vec::new(),
            starts: vec![0; (cols * rows) as usize + 1],
        })
    }

    /// Sets the obstacles, each grown by `margin`: counted per cell, then placed.
    fn fix(&mut self, obstacles: &[Rect], margin: f32) {
        let grown = || {
            obstacles
                .iter()
                .map(move |o| o.expand(margin))
                .filter(|r| r.is_finite())
        };
        self.starts.fill(0);
        for r in grown() {
            for c in self.cells_of(r) {
                self.starts[c + 1] += 1;
            }
        }
        for c in 1..self.starts.len() {
            self.starts[c] += self.starts[c - 1];
        }
        let total = self.starts.last().copied().unwrap_or(0) as usize;
        self.fixed = vec![Rect::NOTHING; total];
        let mut next = self.starts.clone();
        for r in grown() {
            for c in self.cells_of(r) {
                self.fixed[next[c] as usize] = r;
                next[c] += 1;
            }
        }
    }

    /// Indices of the cells `r` touches: none when it lies beyond the grid's right or bottom
    /// edge, at most the edge cells when it lies left of or above the grid (nothing placed
    /// there can clash with a label).
    fn cells_of(&self, r: Rect) -> impl Iterator<Item = usize> + use<> {
        // Truncation, not `floor` (a library call on baseline x86-64, run four times for each of
        // 20,000 obstacles a frame): it differs only left of or above the grid, where it can
        // only add a cell, and an extra cell changes no answer.
        let at = |v: f32, o: f32| ((v - o) / self.cell) as i32;
        let x0 = at(r.min.x, self.origin.x).max(0);
        let x1 = at(r.max.x, self.origin.x).min(self.cols - 1);
        let y0 = at(r.min.y, self.origin.y).max(0);
        let y1 = at(r.max.y, self.origin.y).min(self.rows - 1);
        let cols = self.cols;
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| (y * cols + x) as usize))
    }

    fn insert(&mut self, r: Rect) {
        if !r.is_finite() {
            return;
        }
        for c in self.cells_of(r) {
            self.cells[c].push(r);
        }
    }

    fn clashes(&self, r: Rect) -> bool {
        self.cells_of(r).any(|c| {
            let fixed = &self.fixed[self.starts[c] as usize..self.starts[c + 1] as usize];
            fixed.iter().chain(&self.cells[c]).any(|p| p.intersects(r))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    /// The boxes shown.
    fn placed(boxes: &[(Rect, f32)], shown: &[bool]) -> Vec<Rect> {
        boxes
            .iter()
            .zip(shown)
            .filter(|(_, s)| **s)
            .map(|(b, _)| b.0)
            .collect()
    }

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
        let placed = placed(&boxes, &shown);
        assert!(placed.len() > 20);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_label_whose_first_place_is_taken_moves_to_the_next_free_one() {
        let obstacle = Rect::from_min_size(pos2(0.0, 20.0), vec2(30.0, 10.0));
        let below = r(0.0, 18.0, 30.0);
        let above = r(0.0, -20.0, 30.0);
        let beside = r(40.0, 0.0, 30.0);
        let labels = vec![
            (vec![below, above, beside], 2.0),
            (vec![above, beside], 1.0),
        ];
        // The first takes its second place (its first covers the obstacle), which leaves the
        // second label only its own second place.
        assert_eq!(
            place_labels_among(&[obstacle], &labels, 0.0),
            [Some(1), Some(1)]
        );
        let boxed_in = vec![(vec![below], 1.0)];
        assert_eq!(place_labels_among(&[obstacle], &boxed_in, 0.0), [None]);
    }

    #[test]
    fn no_label_touches_an_obstacle_and_far_boxes_still_place() {
        let obstacles: Vec<Rect> = (0..40)
            .map(|i| Rect::from_min_size(pos2((i * 20) as f32, 0.0), vec2(8.0, 8.0)))
            .collect();
        let boxes: Vec<(Rect, f32)> = (0..200)
            .map(|i| {
                (
                    r((i * 7 % 800) as f32, (i * 3 % 40) as f32, 24.0),
                    (i % 5) as f32,
                )
            })
            .chain([(r(1e6, 1e6, 30.0), 0.0), (r(-1e6, 5.0, 30.0), 0.0)])
            .collect();
        let labels: Vec<(Vec<Rect>, f32)> = boxes.iter().map(|(r, p)| (vec![*r], *p)).collect();
        let shown: Vec<bool> = place_labels_among(&obstacles, &labels, 2.0)
            .iter()
            .map(Option::is_some)
            .collect();
        let placed = placed(&boxes, &shown);
        assert!(placed.len() > 5);
        assert!(shown[200] && shown[201], "alone far away, they fit");
        for p in &placed {
            for o in &obstacles {
                assert!(
                    !p.expand(1.0).intersects(o.expand(1.0)),
                    "{p:?} covers {o:?}"
                );
            }
        }
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
        }
    }
}
