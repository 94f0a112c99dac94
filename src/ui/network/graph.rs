//! The graph the network view shows for a period and filters: which actors are nodes, which
//! relations and shared events are edges.

use crate::model::{ActorKind, Id, PartialDate, RelationKind};
use crate::store::{CoParticipation, DateWindow, Store, StoreError, VizActor, VizRelation};
use std::collections::HashMap;

/// Everything loaded from the store for one period.
pub struct NetData {
    /// Every actor with its events in the period.
    pub actors: Vec<VizActor>,
    /// Every relation.
    pub relations: Vec<VizRelation>,
    /// Shared events in the period.
    pub pairs: Vec<CoParticipation>,
}

impl NetData {
    /// Loads the network of `window`.
    pub fn load(store: &Store, window: DateWindow) -> Result<Self, StoreError> {
        Ok(Self {
            actors: store.viz_actors(window)?,
            relations: store.viz_relations()?,
            pairs: store.co_participation(window)?,
        })
    }
}

/// What the user narrowed the network to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct NetFilter {
    /// Only actors of this kind.
    pub kind: Option<ActorKind>,
    /// Only actors of this country.
    pub country: Option<String>,
    /// Hide shared-event edges lighter than this.
    pub min_weight: u32,
}

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// A typed relation from `a` to `b`.
    Relation(RelationKind),
    /// This many shared events.
    Shared(u32),
}

/// An edge between two nodes (indices into [`Graph::nodes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Edge {
    /// From (the subject of a relation).
    pub a: u32,
    /// To.
    pub b: u32,
    /// What it stands for.
    pub kind: EdgeKind,
}

/// Nodes and edges.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    /// Indices into [`NetData::actors`].
    pub nodes: Vec<usize>,
    /// Edges between nodes.
    pub edges: Vec<Edge>,
    /// Lightest shared-event edge drawn (see [`MAX_DRAWN_LINKS`]); 0 when all are drawn.
    pub draw_from_weight: u32,
    /// Indices into `edges` of those drawn: relations, and shared-event edges from
    /// `draw_from_weight` (a frame need not look at the rest).
    pub drawn: Vec<u32>,
    /// Edges by node: those of node `k` are `incident[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    incident: Vec<u32>,
}

impl Edge {
    /// Whether the edge is drawn when neither end is selected.
    pub fn is_drawn(&self, draw_from_weight: u32) -> bool {
        !matches!(self.kind, EdgeKind::Shared(w) if w < draw_from_weight)
    }
}

/// Most shared-event edges drawn at once. A 100k-event store has ~250,000 of them: drawn
/// all, they made a frame of the software renderer take 1.9 GB, and no one reads a picture
/// that dense. The strongest are drawn (and every edge of a selected actor); the counts and
/// GraphML/GEXF keep all of them.
pub const MAX_DRAWN_LINKS: usize = 20_000;

/// The lightest weight to draw so that at most `budget` of `weights` are drawn (0: all).
pub fn draw_threshold(weights: impl Iterator<Item = u32>, budget: usize) -> u32 {
    let mut w: Vec<u32> = weights.collect();
    if w.len() <= budget {
        return 0;
    }
    w.sort_unstable_by(|a, b| b.cmp(a));
    // Edges tied with the one just past the budget are all left out, so that what is drawn
    // is exactly "weight ≥ threshold".
    w[budget].saturating_add(1)
}

impl Graph {
    /// The graph of `nodes` and `edges`, with the indices a frame draws from.
    pub fn new(nodes: Vec<usize>, edges: Vec<Edge>, draw_from_weight: u32) -> Self {
        let drawn = (0..edges.len() as u32)
            .filter(|&i| edges[i as usize].is_drawn(draw_from_weight))
            .collect();
        let mut starts = vec![0u32; nodes.len() + 1];
        for e in &edges {
            starts[e.a as usize + 1] += 1;
            if e.b != e.a {
                starts[e.b as usize + 1] += 1;
            }
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut incident = vec![0u32; starts[nodes.len()] as usize];
        for (i, e) in edges.iter().enumerate() {
            let mut add = |end: u32| {
                incident[next[end as usize] as usize] = i as u32;
                next[end as usize] += 1;
            };
            add(e.a);
            if e.b != e.a {
                add(e.b);
            }
        }
        Self {
            nodes,
            edges,
            draw_from_weight,
            drawn,
            starts,
            incident,
        }
    }

    /// Indices into `edges` of the edges of node `k` (the selected actor's, without looking
    /// at the other few hundred thousand).
    pub fn incident(&self, k: usize) -> &[u32] {
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&from), Some(&to)) => &self.incident[from as usize..to as usize],
            _ => &[],
        }
    }

    /// A key that changes whenever the nodes or edges change (the layout restarts then).
    pub fn signature(&self, data: &NetData) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for &n in &self.nodes {
            data.actors[n].id.hash(&mut h);
        }
        for e in &self.edges {
            (e.a, e.b).hash(&mut h);
        }
        h.finish()
    }
}

/// Whether a relation's dates overlap the window (undated relations always do).
fn relation_in(r: &VizRelation, w: DateWindow) -> bool {
    let starts_ok = match (r.start, w.to) {
        (Some(s), Some(to)) => s.start_key() <= to,
        _ => true,
    };
    let ends_ok = match (r.end, w.from) {
        (Some(e), Some(from)) => PartialDate::end_key(&e) >= from,
        _ => true,
    };
    starts_ok && ends_ok
}

/// The graph of `data` under `filter` for `window`: actors that pass the filter and either
/// take part in events of the period or have a relation to another shown actor.
pub fn build_graph(data: &NetData, filter: &NetFilter, window: DateWindow) -> Graph {
    let passes = |a: &VizActor| {
        filter.kind.is_none_or(|k| a.kind == k)
            && filter
                .country
                .as_ref()
                .is_none_or(|c| a.country.as_ref() == Some(c))
    };
    let candidate: HashMap<Id, usize> = data
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| passes(a))
        .map(|(i, a)| (a.id, i))
        .collect();
    let relations: Vec<(usize, usize, RelationKind)> = data
        .relations
        .iter()
        .filter(|r| relation_in(r, window))
        .filter_map(|r| Some((*candidate.get(&r.from)?, *candidate.get(&r.to)?, r.kind)))
        .collect();
    let pairs: Vec<(usize, usize, u32)> = data
        .pairs
        .iter()
        .filter(|p| p.weight >= filter.min_weight.max(1))
        .filter_map(|p| Some((*candidate.get(&p.a)?, *candidate.get(&p.b)?, p.weight)))
        .collect();
    let mut keep = vec![false; data.actors.len()];
    for &i in candidate.values() {
        keep[i] = data.actors[i].events > 0;
    }
    for &(a, b, _) in &relations {
        keep[a] = true;
        keep[b] = true;
    }
    let nodes: Vec<usize> = (0..data.actors.len()).filter(|&i| keep[i]).collect();
    let mut slot = vec![u32::MAX; data.actors.len()];
    for (k, &i) in nodes.iter().enumerate() {
        slot[i] = k as u32;
    }
    let mut edges: Vec<Edge> = relations
        .into_iter()
        .map(|(a, b, k)| Edge {
            a: slot[a],
            b: slot[b],
            kind: EdgeKind::Relation(k),
        })
        .collect();
    edges.extend(pairs.into_iter().map(|(a, b, w)| Edge {
        a: slot[a],
        b: slot[b],
        kind: EdgeKind::Shared(w),
    }));
    edges.retain(|e| e.a != u32::MAX && e.b != u32::MAX);
    let draw_from_weight = draw_threshold(
        edges.iter().filter_map(|e| match e.kind {
            EdgeKind::Shared(w) => Some(w),
            EdgeKind::Relation(_) => None,
        }),
        MAX_DRAWN_LINKS,
    );
    Graph::new(nodes, edges, draw_from_weight)
}

/// A window covering whole years `from..=to`.
pub fn year_window(from: u16, to: u16) -> DateWindow {
    DateWindow {
        from: Some(i64::from(from) * 10_000 + 101),
        to: Some(i64::from(to) * 10_000 + 1231),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_node_lists_exactly_its_edges() {
        let edge = |a, b, w| Edge {
            a,
            b,
            kind: EdgeKind::Shared(w),
        };
        let edges = vec![edge(0, 1, 5), edge(1, 2, 1), edge(2, 2, 3), edge(0, 2, 4)];
        let g = Graph::new(vec![10, 11, 12, 13], edges.clone(), 3);
        assert_eq!(g.drawn, vec![0, 2, 3]);
        for k in 0..5 {
            let mut mine = g.incident(k).to_vec();
            mine.sort_unstable();
            let expected: Vec<u32> = (0..edges.len() as u32)
                .filter(|&i| {
                    let e = edges[i as usize];
                    e.a as usize == k || e.b as usize == k
                })
                .collect();
            assert_eq!(mine, expected, "node {k}");
        }
    }

    #[test]
    fn the_draw_threshold_keeps_the_strongest_links_within_the_budget() {
        assert_eq!(draw_threshold([1, 2, 3].into_iter(), 3), 0, "all fit");
        assert_eq!(draw_threshold([5, 1, 3, 2, 4].into_iter(), 2), 4);
        // Ties at the cut are all left out: exactly "weight ≥ threshold" is drawn.
        let w = [3, 3, 3, 2, 1];
        let t = draw_threshold(w.into_iter(), 2);
        assert_eq!(t, 4);
        assert!(w.iter().filter(|x| **x >= t).count() <= 2);
        let many = (0..50_000u32).map(|i| 1 + i % 7);
        let t = draw_threshold(many.clone(), MAX_DRAWN_LINKS);
        let drawn = many.filter(|w| *w >= t).count();
        assert!(
            drawn <= MAX_DRAWN_LINKS && drawn > 0,
            "{drawn} drawn from {t}"
        );
    }
}
