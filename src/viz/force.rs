//! A force-directed layout (Fruchterman–Reingold forces, Barnes–Hut repulsion), seeded so the
//! same graph and seed always give the same picture, with pinned nodes that stay put.

use super::quadtree::QuadTree;
use egui::{Vec2, vec2};

/// Ideal distance between linked nodes, in layout units.
pub const IDEAL: f32 = 60.0;
/// Barnes–Hut opening angle: larger is faster and coarser.
const THETA: f32 = 0.9;
/// Temperature (largest move per step) is multiplied by this each step.
const COOLING: f32 = 0.975;
/// The layout has converged once the temperature falls below this.
const FROZEN: f32 = 0.5;

/// A small deterministic generator (SplitMix64): the layout must not depend on the OS.
#[derive(Clone, Debug)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next value in [0, 1).
    pub fn next_f32(&mut self) -> f32 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// An edge between nodes `a` and `b` pulling with `weight` (≥ 1 for one shared event).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spring {
    /// One end.
    pub a: u32,
    /// The other end.
    pub b: u32,
    /// Strength.
    pub weight: f32,
}

/// The layout state: positions, pins, springs and the current temperature.
#[derive(Clone, Debug)]
pub struct ForceLayout {
    pos: Vec<Vec2>,
    pinned: Vec<bool>,
    springs: Vec<Spring>,
    temperature: f32,
    steps: u32,
}

impl ForceLayout {
    /// `n` nodes scattered on a disc by `seed`, linked by `springs` (out-of-range ends ignored).
    pub fn new(n: usize, springs: Vec<Spring>, seed: u64) -> Self {
        let mut rng = SplitMix::new(seed);
        let radius = IDEAL * (n as f32).sqrt().max(1.0);
        let pos = (0..n)
            .map(|_| {
                let a = rng.next_f32() * std::f32::consts::TAU;
                let r = radius * rng.next_f32().sqrt();
                vec2(a.cos(), a.sin()) * r
            })
            .collect();
        let springs = springs
            .into_iter()
            .filter(|s| (s.a as usize) < n && (s.b as usize) < n && s.a != s.b)
            .collect();
        Self {
            pos,
            pinned: vec![false; n],
            springs,
            temperature: radius / 4.0,
            steps: 0,
        }
    }

    /// Current positions.
    pub fn positions(&self) -> &[Vec2] {
        &self.pos
    }

    /// Number of steps run so far.
    pub fn steps(&self) -> u32 {
        self.steps
    }

    /// Fixes node `i` at `at` (the user dragged it); the rest warms up to adapt.
    pub fn pin(&mut self, i: usize, at: Vec2) {
        if let Some(p) = self.pos.get_mut(i) {
            *p = at;
            self.pinned[i] = true;
            self.temperature = self.temperature.max(IDEAL / 2.0);
        }
    }

    /// Lets node `i` move again.
    pub fn unpin(&mut self, i: usize) {
        if let Some(p) = self.pinned.get_mut(i) {
            *p = false;
        }
    }

    /// Whether node `i` is pinned.
    pub fn is_pinned(&self, i: usize) -> bool {
        self.pinned.get(i).copied().unwrap_or(false)
    }

    /// Whether the layout has settled.
    pub fn is_converged(&self) -> bool {
        self.temperature < FROZEN
    }

    /// One step: every free node moves along its net force, by at most the temperature.
    pub fn step(&mut self) {
        let n = self.pos.len();
        if n == 0 {
            self.temperature = 0.0;
            return;
        }
        let k2 = IDEAL * IDEAL;
        let tree = QuadTree::build(&self.pos);
        let mut disp: Vec<Vec2> = (0..n)
            .map(|i| {
                tree.accumulate(i, self.pos[i], &self.pos, THETA, |d, mass| {
                    let d2 = d.length_sq().max(1.0);
                    d * (k2 * mass / d2)
                })
            })
            .collect();
        for s in &self.springs {
            let (a, b) = (s.a as usize, s.b as usize);
            let d = self.pos[a] - self.pos[b];
            // Not `Vec2::length`: glibc's `hypotf` guards against overflow that never occurs here.
            let len = d.length_sq().sqrt().max(0.01);
            // Stronger ties pull harder, but only logarithmically, so hubs do not collapse.
            let f = d * (len / IDEAL) * (1.0 + s.weight.max(1.0).ln());
            disp[a] -= f;
            disp[b] += f;
        }
        for (i, d) in disp.iter_mut().enumerate() {
            // A weak pull to the centre keeps disconnected parts on screen.
            *d -= self.pos[i] * 0.05;
        }
        for (i, d) in disp.into_iter().enumerate() {
            if self.pinned[i] {
                continue;
            }
            let len = d.length_sq().sqrt();
            if len > 0.0 && len.is_finite() {
                self.pos[i] += d * (len.min(self.temperature) / len);
            }
        }
        self.temperature *= COOLING;
        self.steps += 1;
    }

    /// Steps until converged or `max_steps` more steps have run.
    pub fn run(&mut self, max_steps: u32) {
        for _ in 0..max_steps {
            if self.is_converged() {
                break;
            }
            self.step();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: u32) -> Vec<Spring> {
        (0..n)
            .map(|i| Spring {
                a: i,
                b: (i + 1) % n,
                weight: 1.0 + (i % 3) as f32,
            })
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_layout() {
        let mut a = ForceLayout::new(120, ring(120), 7);
        let mut b = ForceLayout::new(120, ring(120), 7);
        a.run(1000);
        b.run(1000);
        assert!(a.is_converged());
        assert_eq!(a.positions(), b.positions());
        let mut c = ForceLayout::new(120, ring(120), 8);
        c.run(1000);
        assert_ne!(
            a.positions(),
            c.positions(),
            "another seed, another picture"
        );
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones() {
        let mut l = ForceLayout::new(40, ring(40), 1);
        l.run(2000);
        let p = l.positions();
        let linked: f32 = (0..40)
            .map(|i| (p[i] - p[(i + 1) % 40]).length())
            .sum::<f32>()
            / 40.0;
        let across: f32 = (0..20).map(|i| (p[i] - p[i + 20]).length()).sum::<f32>() / 20.0;
        assert!(linked * 2.0 < across, "linked {linked}, across {across}");
        assert!(p.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn pinned_nodes_stay_where_they_were_put() {
        let mut l = ForceLayout::new(30, ring(30), 3);
        l.pin(5, vec2(500.0, -200.0));
        l.run(500);
        assert_eq!(l.positions()[5], vec2(500.0, -200.0));
        assert!(l.is_pinned(5));
        l.unpin(5);
        l.pin(6, vec2(0.0, 0.0));
        l.run(500);
        assert_ne!(
            l.positions()[5],
            vec2(500.0, -200.0),
            "unpinned nodes move again"
        );
    }
}
