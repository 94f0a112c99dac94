//! A Barnes–Hut quadtree: far groups of bodies act as one body at their centre of mass, so the
//! repulsion between n bodies costs O(n log n) instead of O(n²).

use egui::{Vec2, vec2};

/// Below this depth cells split; deeper (coincident bodies) they stay one leaf.
const MAX_DEPTH: u32 = 24;

#[derive(Clone, Debug)]
struct Cell {
    mass_center: Vec2,
    mass: f32,
    half: f32,
    /// First child index in `cells` (four in a row), or `u32::MAX` for a leaf.
    children: u32,
    /// Bodies of a leaf, as a range of `order`.
    bodies: (u32, u32),
}

/// The tree over a set of points.
#[derive(Clone, Debug, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    order: Vec<u32>,
}

impl QuadTree {
    /// Builds the tree over `points` (every point has mass 1).
    pub fn build(points: &[Vec2]) -> Self {
        let mut tree = Self {
            cells: Vec::with_capacity(points.len() * 2),
            order: (0..points.len() as u32).collect(),
        };
        if points.is_empty() {
            return tree;
        }
        let (mut lo, mut hi) = (points[0], points[0]);
        for p in points {
            lo = lo.min(*p);
            hi = hi.max(*p);
        }
        let center = (lo + hi) / 2.0;
        let half = ((hi - lo).max_elem() / 2.0).max(1.0);
        tree.cells.push(Cell {
            mass_center: center,
            mass: 0.0,
            half,
            children: u32::MAX,
            bodies: (0, points.len() as u32),
        });
        tree.split(0, center, points, 0);
        tree
    }

    /// Fills in cell `c` (whose bodies are already set) and its descendants.
    fn split(&mut self, c: usize, center: Vec2, points: &[Vec2], depth: u32) {
        let (start, end) = self.cells[c].bodies;
        let slice = &mut self.order[start as usize..end as usize];
        let mut sum = Vec2::ZERO;
        for &i in slice.iter() {
            sum += points[i as usize];
        }
        let n = (end - start) as f32;
        self.cells[c].mass = n;
        self.cells[c].mass_center = sum / n;
        if end - start <= 1 || depth >= MAX_DEPTH {
            return;
        }
        // Partition the bodies into the four quadrants: left/right, then top/bottom in each half.
        let mid_x = partition(slice, |i| points[i as usize].x < center.x);
        let (left, right) = slice.split_at_mut(mid_x);
        let mid_l = partition(left, |i| points[i as usize].y < center.y);
        let mid_r = partition(right, |i| points[i as usize].y < center.y);
        let bounds = [
            (start, start + mid_l as u32),
            (start + mid_l as u32, start + mid_x as u32),
            (start + mid_x as u32, start + (mid_x + mid_r) as u32),
            (start + (mid_x + mid_r) as u32, end),
        ];
        let half = self.cells[c].half / 2.0;
        let offsets = [
            vec2(-half, -half),
            vec2(-half, half),
            vec2(half, -half),
            vec2(half, half),
        ];
        let first = self.cells.len() as u32;
        self.cells[c].children = first;
        for b in bounds {
            self.cells.push(Cell {
                mass_center: Vec2::ZERO,
                mass: 0.0,
                half,
                children: u32::MAX,
                bodies: b,
            });
        }
        for (k, off) in offsets.into_iter().enumerate() {
            let child = first as usize + k;
            if self.cells[child].bodies.0 < self.cells[child].bodies.1 {
                self.split(child, center + off, points, depth + 1);
            }
        }
    }

    /// Sum over all bodies except `me` of `force(delta, mass)`, where `delta` points from the
    /// body (or group) to `at`; groups seen under an angle below `theta` count as one.
    pub fn accumulate(
        &self,
        me: usize,
        at: Vec2,
        points: &[Vec2],
        theta: f32,
        force: impl Fn(Vec2, f32) -> Vec2,
    ) -> Vec2 {
        let mut total = Vec2::ZERO;
        if self.cells.is_empty() {
            return total;
        }
        let mut stack = vec![0usize];
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c];
            if cell.mass == 0.0 {
                continue;
            }
            if cell.children == u32::MAX {
                let (s, e) = cell.bodies;
                for &i in &self.order[s as usize..e as usize] {
                    if i as usize != me {
                        total += force(at - points[i as usize], 1.0);
                    }
                }
                continue;
            }
            let delta = at - cell.mass_center;
            // Barnes–Hut's size / distance < θ, squared: no square root (`Vec2::length` is
            // glibc's `hypotf`, a quarter of the layout thread's time).
            let dist_sq = delta.length_sq();
            let size = 2.0 * cell.half;
            if dist_sq > 0.0 && size * size < theta * theta * dist_sq {
                total += force(delta, cell.mass);
            } else {
                let first = cell.children as usize;
                stack.extend(first..first + 4);
            }
        }
        total
    }
}

/// Moves the elements satisfying `pred` to the front; returns how many.
fn partition(slice: &mut [u32], pred: impl Fn(u32) -> bool) -> usize {
    let mut k = 0;
    for j in 0..slice.len() {
        if pred(slice[j]) {
            slice.swap(k, j);
            k += 1;
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inverse(delta: Vec2, mass: f32) -> Vec2 {
        let d2 = delta.length_sq().max(0.01);
        delta * (mass / d2)
    }

    #[test]
    fn approximation_is_close_to_the_exact_sum() {
        let points: Vec<Vec2> = (0..400)
            .map(|i| {
                let a = i as f32 * 2.399;
                vec2(a.cos(), a.sin()) * (i as f32).sqrt() * 10.0
            })
            .collect();
        let tree = QuadTree::build(&points);
        for me in [0, 57, 399] {
            let exact = tree.accumulate(me, points[me], &points, 0.0, inverse);
            let approx = tree.accumulate(me, points[me], &points, 0.8, inverse);
            let err = (exact - approx).length() / exact.length().max(1e-6);
            assert!(err < 0.1, "relative error {err} for body {me}");
        }
    }

    #[test]
    fn coincident_points_do_not_recurse_forever() {
        let points = vec![vec2(5.0, 5.0); 100];
        let tree = QuadTree::build(&points);
        let f = tree.accumulate(0, points[0], &points, 0.9, |_, m| vec2(m, 0.0));
        assert_eq!(f.x, 99.0, "every other body counted once");
    }
}
