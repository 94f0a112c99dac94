//! Logical character index ↔ visual position on a [`TextLayout`].
//!
//! A caret position is a logical char index plus an affinity: at a soft line
//! break the same index is both the end of one row and the start of the next;
//! `upstream` picks the end of the earlier row.

use std::ops::Range;

use egui::{Pos2, Rect, pos2};

use super::layout::{TextLayout, VisualRow};

/// A caret: logical char index and which row wins at a soft line break.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Caret {
    /// Logical char index (0..=char count).
    pub index: usize,
    /// At a soft line break, show the caret at the end of the upper row.
    pub upstream: bool,
}

impl Caret {
    /// A caret at `index` with downstream affinity.
    pub fn at(index: usize) -> Self {
        Self {
            index,
            upstream: false,
        }
    }
}

/// Horizontal movement on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Towards the left edge.
    Left,
    /// Towards the right edge.
    Right,
}

impl TextLayout {
    /// Index of the row that shows `caret`.
    pub fn row_of(&self, caret: Caret) -> usize {
        let i = caret.index.min(self.char_count);
        if caret.upstream
            && let Some(k) = self
                .rows
                .iter()
                .position(|r| r.chars.end == i && r.chars.start < i)
        {
            return k;
        }
        self.rows
            .iter()
            .position(|r| r.chars.contains(&i))
            .or_else(|| self.rows.iter().position(|r| r.chars.end == i))
            .unwrap_or(self.rows.len().saturating_sub(1))
    }

    /// x (relative to the galley) where the caret is drawn on row `k`.
    pub fn caret_x(&self, k: usize, index: usize) -> f32 {
        let Some(row) = self.rows.get(k) else {
            return 0.0;
        };
        if let Some(cell) = row.cells.iter().find(|c| c.chars.start == index) {
            return cell.leading_x();
        }
        if let Some(cell) = row.cells.iter().find(|c| c.chars.end == index) {
            return cell.trailing_x();
        }
        if let Some(cell) = row.cells.iter().find(|c| c.chars.contains(&index)) {
            return cell.leading_x();
        }
        self.start_x(row)
    }

    /// x of the edge where `row` starts in its paragraph direction.
    fn start_x(&self, row: &VisualRow) -> f32 {
        if row.rtl {
            row.cells
                .iter()
                .map(|c| c.right)
                .reduce(f32::max)
                .unwrap_or(self.size.x)
        } else {
            row.cells
                .iter()
                .map(|c| c.left)
                .reduce(f32::min)
                .unwrap_or(0.0)
        }
    }

    /// The caret's rectangle (zero width), relative to the galley.
    pub fn caret_rect(&self, caret: Caret) -> Rect {
        let k = self.row_of(caret);
        let x = self.caret_x(k, caret.index.min(self.char_count));
        let (top, bottom) = self
            .rows
            .get(k)
            .map_or((0.0, self.size.y), |r| (r.top, r.bottom));
        Rect::from_min_max(pos2(x, top), pos2(x, bottom))
    }

    /// The caret closest to `pos` (relative to the galley): the hit-test for clicks.
    pub fn caret_at(&self, pos: Pos2) -> Caret {
        let k = self
            .rows
            .iter()
            .position(|r| pos.y < r.bottom)
            .unwrap_or(self.rows.len().saturating_sub(1));
        self.caret_in_row(k, pos.x)
    }

    /// The caret on row `k` closest to x.
    pub fn caret_in_row(&self, k: usize, x: f32) -> Caret {
        let Some(row) = self.rows.get(k) else {
            return Caret::at(self.char_count);
        };
        let visible: Vec<_> = row.cells.iter().filter(|c| c.right > c.left).collect();
        let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
            return self.row_caret(row, row.chars.start);
        };
        let index = if x < first.left {
            if first.rtl {
                first.chars.end
            } else {
                first.chars.start
            }
        } else if x >= last.right {
            if last.rtl {
                last.chars.start
            } else {
                last.chars.end
            }
        } else {
            let cell = visible.iter().find(|c| x < c.right).unwrap_or(last);
            let before = if cell.rtl {
                x >= (cell.left + cell.right) / 2.0
            } else {
                x < (cell.left + cell.right) / 2.0
            };
            if before {
                cell.chars.start
            } else {
                cell.chars.end
            }
        };
        self.row_caret(row, index)
    }

    /// A caret at `index` that stays on `row` even at a soft line break.
    fn row_caret(&self, row: &VisualRow, index: usize) -> Caret {
        Caret {
            index,
            upstream: index == row.chars.end && index > row.chars.start,
        }
    }

    /// Caret stops of row `k` in visual order, left to right, with their x.
    fn stops(&self, k: usize) -> Vec<(usize, f32)> {
        let Some(row) = self.rows.get(k) else {
            return Vec::new();
        };
        if row.cells.is_empty() {
            return vec![(row.chars.start, self.start_x(row))];
        }
        let mut stops: Vec<(usize, f32)> = Vec::with_capacity(row.cells.len() * 2);
        for cell in &row.cells {
            let (l, r) = if cell.rtl {
                (cell.chars.end, cell.chars.start)
            } else {
                (cell.chars.start, cell.chars.end)
            };
            if stops.last().map(|s| s.0) != Some(l) {
                stops.push((l, cell.left));
            }
            stops.push((r, cell.right));
        }
        stops
    }

    /// One step left or right on screen (visual movement, see the editor docs).
    pub fn move_visually(&self, caret: Caret, side: Side) -> Caret {
        let k = self.row_of(caret);
        let x = self.caret_x(k, caret.index);
        let stops = self.stops(k);
        let here = stops
            .iter()
            .enumerate()
            .filter(|(_, s)| s.0 == caret.index)
            .min_by(|a, b| (a.1.1 - x).abs().total_cmp(&(b.1.1 - x).abs()))
            .map(|(i, _)| i);
        let Some(here) = here else {
            return self.row_caret_at_edge(k, side);
        };
        let next = match side {
            Side::Left => stops[..here].iter().rev().find(|s| s.0 != caret.index),
            Side::Right => stops[here + 1..].iter().find(|s| s.0 != caret.index),
        };
        if let Some(&(index, _)) = next {
            return self
                .rows
                .get(k)
                .map_or(Caret::at(index), |row| self.row_caret(row, index));
        }
        // Off the edge: continue on the neighbouring row, as reading would.
        let rtl = self.rows.get(k).is_some_and(|r| r.rtl);
        let forward = (side == Side::Right) != rtl;
        let target = if forward { k + 1 } else { k.wrapping_sub(1) };
        if target >= self.rows.len() {
            return caret;
        }
        let opposite = if side == Side::Left {
            Side::Right
        } else {
            Side::Left
        };
        self.row_caret_at_edge(target, opposite)
    }

    /// The caret at the left or right end of row `k`.
    fn row_caret_at_edge(&self, k: usize, side: Side) -> Caret {
        let stops = self.stops(k);
        let stop = match side {
            Side::Left => stops.first(),
            Side::Right => stops.last(),
        };
        match (stop, self.rows.get(k)) {
            (Some(&(index, _)), Some(row)) => self.row_caret(row, index),
            _ => Caret::at(self.char_count),
        }
    }

    /// Logical start of the caret's row (Home).
    pub fn row_start(&self, caret: Caret) -> Caret {
        let k = self.row_of(caret);
        Caret::at(self.rows.get(k).map_or(0, |r| r.chars.start))
    }

    /// Logical end of the caret's row, before a soft-break space (End).
    pub fn row_end(&self, caret: Caret) -> Caret {
        let k = self.row_of(caret);
        let Some(row) = self.rows.get(k) else {
            return Caret::at(self.char_count);
        };
        let next_starts_here = self
            .rows
            .get(k + 1)
            .is_some_and(|n| n.chars.start == row.chars.end);
        Caret {
            index: row.chars.end,
            upstream: next_starts_here && row.chars.end > row.chars.start,
        }
    }

    /// The caret one row up (`-1`) or down (`+1`) at about the same x.
    pub fn move_vertically(&self, caret: Caret, rows: isize, x: Option<f32>) -> Caret {
        let k = self.row_of(caret);
        let x = x.unwrap_or_else(|| self.caret_x(k, caret.index));
        let target = k as isize + rows;
        if target < 0 {
            return Caret::at(0);
        }
        if target as usize >= self.rows.len() {
            return Caret::at(self.char_count);
        }
        self.caret_in_row(target as usize, x)
    }

    /// Rectangles covering the logical char range `range` (may be several per row).
    pub fn selection_rects(&self, range: Range<usize>) -> Vec<Rect> {
        let mut rects: Vec<Rect> = Vec::new();
        if range.is_empty() {
            return rects;
        }
        for row in &self.rows {
            if row.chars.end < range.start || row.chars.start >= range.end {
                continue;
            }
            let mut current: Option<(f32, f32)> = None;
            for cell in &row.cells {
                let inside = cell.chars.start >= range.start && cell.chars.end <= range.end;
                match (inside, current) {
                    (true, Some((l, r))) if (cell.left - r).abs() < 0.5 => {
                        current = Some((l, cell.right))
                    }
                    (true, Some((l, r))) => {
                        rects.push(Rect::from_min_max(pos2(l, row.top), pos2(r, row.bottom)));
                        current = Some((cell.left, cell.right));
                    }
                    (true, None) => current = Some((cell.left, cell.right)),
                    (false, Some((l, r))) => {
                        rects.push(Rect::from_min_max(pos2(l, row.top), pos2(r, row.bottom)));
                        current = None;
                    }
                    (false, None) => {}
                }
            }
            if let Some((l, r)) = current {
                rects.push(Rect::from_min_max(pos2(l, row.top), pos2(r, row.bottom)));
            }
        }
        rects.retain(|r| r.width() > 0.0);
        rects
    }
}
