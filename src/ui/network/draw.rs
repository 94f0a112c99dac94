//! Builds the network's draw list: edges (typed relations with arrows, shared events by
//! weight), nodes (size by events, colour and shape by kind) and labels without overlap.

use super::graph::{EdgeKind, Graph, NetData};
use crate::i18n::Lang;
use crate::model::{ActorKind, RelationKind};
use crate::ui::scene::label_params;
use crate::ui::timeline::data::actor_label;
use crate::ui::timeline::draw::shorten;
use crate::viz::overlap::place_labels_among;
use crate::viz::scene::{Item, Scene};
use egui::{Color32, Pos2, Rect, Ui, Vec2, pos2, vec2};

/// At most this many node labels are measured per frame (the biggest nodes first).
const MAX_LABELS: usize = 300;
/// Label text size.
const LABEL_SIZE: f32 = 12.0;

/// Where the camera looks and how close.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// Layout point at the centre of the view.
    pub center: Vec2,
    /// Points per layout unit.
    pub zoom: f32,
    /// View size.
    pub size: Vec2,
}

impl Camera {
    /// Scene position of a layout position.
    pub fn to_scene(self, p: Vec2) -> Pos2 {
        (self.size / 2.0 + (p - self.center) * self.zoom).to_pos2()
    }

    /// Layout position of a scene position.
    pub fn to_layout(self, p: Pos2) -> Vec2 {
        self.center + (p.to_vec2() - self.size / 2.0) / self.zoom
    }
}

/// Radius of a node with `events` events, in an uncrowded view.
pub fn node_radius(events: u32) -> f32 {
    (5.0 + 2.5 * (events as f32).sqrt()).min(28.0)
}

/// Room of a node in view (pt²) below which nodes shrink: what each of 2,000 nodes has when
/// the graph is fitted to a laptop window.
const ROOM_PER_NODE: f32 = 500.0;
/// The smallest node scale: a node of one event is then 1.5 pt across its radius.
const MIN_CROWD_SCALE: f32 = 0.3;

/// Below this node scale arrowheads are drawn only for the selected actor.
const ARROW_SCALE: f32 = 0.5;

/// How much nodes shrink in a view of `size` showing `visible` nodes: 1 until they crowd,
/// then with the room each has. Zooming into a big graph thus brings back full-size nodes,
/// and at "fit all" 20,000 nodes stay dots with space between them instead of one blot.
pub fn crowd_scale(size: Vec2, visible: usize) -> f32 {
    let room = size.x * size.y / visible.max(1) as f32;
    (room / ROOM_PER_NODE).sqrt().clamp(MIN_CROWD_SCALE, 1.0)
}

/// Colour of an actor kind.
pub fn kind_color(kind: ActorKind) -> Color32 {
    match kind {
        ActorKind::State => Color32::from_rgb(0x1f, 0x77, 0xb4),
        ActorKind::GovernmentBody => Color32::from_rgb(0x17, 0xbe, 0xcf),
        ActorKind::SecurityService => Color32::from_rgb(0x94, 0x67, 0xbd),
        ActorKind::Military => Color32::from_rgb(0x2c, 0xa0, 0x2c),
        ActorKind::PoliceJudicial => Color32::from_rgb(0x8c, 0x56, 0x4b),
        ActorKind::Person => Color32::from_rgb(0xff, 0x7f, 0x0e),
        ActorKind::ArmedGroup => Color32::from_rgb(0xd6, 0x27, 0x28),
        ActorKind::InternationalOrg => Color32::from_rgb(0xe3, 0x77, 0xc2),
        ActorKind::MediaOutlet => Color32::from_rgb(0xbc, 0xbd, 0x22),
        ActorKind::Other => Color32::from_rgb(0x7f, 0x7f, 0x7f),
    }
}

/// Corners of the kind's shape (0 for a circle) and its rotation.
fn kind_shape(kind: ActorKind) -> (u8, f32) {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_4};
    match kind {
        ActorKind::State | ActorKind::Person | ActorKind::Other => (0, 0.0),
        ActorKind::GovernmentBody => (4, FRAC_PI_4),
        ActorKind::SecurityService => (4, 0.0),
        ActorKind::Military => (3, -FRAC_PI_2),
        ActorKind::PoliceJudicial => (5, -FRAC_PI_2),
        ActorKind::ArmedGroup => (3, FRAC_PI_2),
        ActorKind::InternationalOrg => (6, 0.0),
        ActorKind::MediaOutlet => (8, 0.0),
    }
}

/// Colour of a relation type.
fn relation_color(kind: RelationKind) -> Color32 {
    match kind {
        RelationKind::Opposes => Color32::from_rgb(0xc0, 0x30, 0x30),
        RelationKind::AlliedWith | RelationKind::CooperatesWith => {
            Color32::from_rgb(0x2a, 0x8a, 0x4a)
        }
        _ => Color32::from_rgb(0x4a, 0x6f, 0xb0),
    }
}

/// Everything a frame of the network draws from.
pub struct Frame<'a> {
    /// Loaded data.
    pub data: &'a NetData,
    /// Nodes and edges.
    pub graph: &'a Graph,
    /// Node positions (layout units), by node.
    pub positions: &'a [Vec2],
    /// Camera.
    pub camera: Camera,
    /// Selected node.
    pub selected: Option<usize>,
    /// UI language.
    pub lang: Lang,
}

/// Draws one frame; also returns each node's scene position and radius for hit tests.
pub fn build_scene(ui: &Ui, f: &Frame<'_>) -> (Scene, Vec<(Pos2, f32)>) {
    let v = ui.visuals();
    let (bg, text_color, weak) = (v.extreme_bg_color, v.text_color(), v.weak_text_color());
    let mut scene = Scene::new(f.camera.size, bg);
    let n = f.graph.nodes.len().min(f.positions.len());
    let view = Rect::from_min_size(Pos2::ZERO, f.camera.size);
    let mut places: Vec<(Pos2, f32)> = (0..n)
        .map(|k| {
            let a = &f.data.actors[f.graph.nodes[k]];
            (f.camera.to_scene(f.positions[k]), node_radius(a.events))
        })
        .collect();
    let visible = places.iter().filter(|(c, _)| view.contains(*c)).count();
    let scale = crowd_scale(f.camera.size, visible);
    if scale < 1.0 {
        for (_, r) in &mut places {
            *r *= scale;
        }
    }
    let mut near = vec![f.selected.is_none(); n];
    // Edges of the selected node that are too light to draw otherwise.
    let mut extra = Vec::new();
    if let Some(s) = f.selected.filter(|s| *s < n) {
        near[s] = true;
        for &i in f.graph.incident(s) {
            let e = &f.graph.edges[i as usize];
            let (a, b) = (e.a as usize, e.b as usize);
            if let Some(other) = near.get_mut(if a == s { b } else { a }) {
                *other = true;
            }
            if !e.is_drawn(f.graph.draw_from_weight) {
                extra.push(i);
            }
        }
    }
    let fade = |c: Color32, on: bool| if on { c } else { c.gamma_multiply(0.2) };
    // What lies wholly outside the view is left out of the scene (the picture and its export
    // show the view); at "fit all" this is nothing, closer in it is most of a big graph.
    let seen = |(c, r): (Pos2, f32)| view.expand(r + 3.0).contains(c);
    scene.reserve(f.graph.drawn.len() + extra.len() + visible + MAX_LABELS);
    // Crowded edges thin out with the nodes; the lightest become hairlines.
    let thin = scale.max(0.45);
    for &i in f.graph.drawn.iter().chain(&extra) {
        let e = &f.graph.edges[i as usize];
        let (a, b) = (e.a as usize, e.b as usize);
        if a >= n || b >= n {
            continue;
        }
        if !view.intersects(Rect::from_two_pos(places[a].0, places[b].0).expand(4.0)) {
            continue;
        }
        let touches_selected = f.selected == Some(a) || f.selected == Some(b);
        let on = f.selected.is_none() || touches_selected;
        let (pa, pb) = (places[a].0, places[b].0);
        match e.kind {
            EdgeKind::Shared(w) => scene.push(Item::Line {
                a: pa,
                b: pb,
                width: (0.8 + 1.6 * (w as f32).ln_1p()) * thin,
                color: fade(weak.gamma_multiply(0.55), on),
            }),
            EdgeKind::Relation(kind) => {
                let color = fade(relation_color(kind), on);
                scene.push(Item::Line {
                    a: pa,
                    b: pb,
                    width: 1.5 * thin,
                    color,
                });
                // Arrowheads on every relation of a crowded view are a texture, not a
                // direction; they come back as it is zoomed into, and for the selected actor.
                if !kind.is_symmetric() && (scale >= ARROW_SCALE || touches_selected) {
                    arrow(&mut scene, pa, pb, places[b].1, color);
                }
            }
        }
    }
    for k in 0..n {
        if !seen(places[k]) {
            continue;
        }
        let a = &f.data.actors[f.graph.nodes[k]];
        let (c, r) = places[k];
        let fill = fade(kind_color(a.kind), near[k]);
        let stroke = if f.selected == Some(k) {
            (2.5, v.selection.stroke.color)
        } else {
            (1.0, fade(bg, near[k]))
        };
        match kind_shape(a.kind) {
            (0, _) => scene.push(Item::Circle {
                center: c,
                radius: r,
                fill,
                stroke,
            }),
            (corners, turn) => scene.push(Item::Regular {
                center: c,
                radius: r * 1.15,
                corners,
                turn,
                fill,
                stroke,
            }),
        }
    }
    labels(ui, f, &places, &near, text_color, &mut scene);
    (scene, places)
}

fn arrow(scene: &mut Scene, from: Pos2, to: Pos2, radius: f32, color: Color32) {
    let d = to - from;
    let len = d.length();
    if len < radius + 8.0 {
        return;
    }
    let dir = d / len;
    let tip = to - dir * (radius + 2.0);
    let side = vec2(-dir.y, dir.x) * 4.5;
    scene.push(Item::Polygon {
        points: vec![tip, tip - dir * 10.0 + side, tip - dir * 10.0 - side],
        fill: color,
        stroke: (0.0, Color32::TRANSPARENT),
    });
}

fn labels(
    ui: &Ui,
    f: &Frame<'_>,
    places: &[(Pos2, f32)],
    near: &[bool],
    color: Color32,
    scene: &mut Scene,
) {
    let view = Rect::from_min_size(Pos2::ZERO, f.camera.size);
    let events = |k: usize| f.data.actors[f.graph.nodes[k]].events;
    // Selected first, then its neighbours, then by events, then by node: packed into one
    // integer, so that picking the first of 20,000 nodes compares integers, not looked-up
    // tuples.
    let rank = |k: usize| -> u64 {
        const EVENTS: u64 = (1 << 30) - 1;
        let not_selected = u64::from(f.selected != Some(k)) << 63;
        let not_near = u64::from(!near[k]) << 62;
        let fewer = (EVENTS - u64::from(events(k)).min(EVENTS)) << 32;
        not_selected | not_near | fewer | k as u64
    };
    let mut ranks: Vec<u64> = (0..places.len())
        .filter(|&k| view.contains(places[k].0))
        .map(rank)
        .collect();
    // Only the first labels are measured: pick them without sorting every node.
    if ranks.len() > MAX_LABELS {
        ranks.select_nth_unstable(MAX_LABELS);
        ranks.truncate(MAX_LABELS);
    }
    ranks.sort_unstable();
    let order: Vec<usize> = ranks.iter().map(|r| (r & 0xffff_ffff) as usize).collect();
    // Nodes are obstacles, so labels never cover another node.
    let obstacles: Vec<Rect> = places
        .iter()
        .filter(|(c, r)| view.expand(*r).contains(*c))
        .map(|(c, r)| Rect::from_center_size(*c, Vec2::splat(r * 2.0)))
        .collect();
    let mut boxes: Vec<(Vec<Rect>, f32)> = Vec::with_capacity(order.len());
    let mut texts = Vec::with_capacity(order.len());
    for &k in &order {
        let (c, r) = places[k];
        let text = shorten(actor_label(&f.data.actors[f.graph.nodes[k]], f.lang), 28);
        let size = crate::text::layout_size(ui.ctx(), &text, &label_params(ui, LABEL_SIZE, color));
        // Below the node, else above it, else on either side.
        let spots = vec![
            Rect::from_min_size(pos2(c.x - size.x / 2.0, c.y + r + 4.0), size),
            Rect::from_min_size(pos2(c.x - size.x / 2.0, c.y - r - 4.0 - size.y), size),
            Rect::from_min_size(pos2(c.x + r + 4.0, c.y - size.y / 2.0), size),
            Rect::from_min_size(pos2(c.x - r - 4.0 - size.x, c.y - size.y / 2.0), size),
        ];
        let mut priority = events(k) as f32 + if near[k] { 1000.0 } else { 0.0 };
        if f.selected == Some(k) {
            priority = f32::MAX;
        }
        boxes.push((spots, priority));
        texts.push((text, near[k]));
    }
    let taken = place_labels_among(&obstacles, &boxes, 2.0);
    for (((spots, _), spot), (text, on)) in boxes.into_iter().zip(taken).zip(texts) {
        if let Some(rect) = spot.and_then(|k| spots.get(k).copied()) {
            // A veil of the background behind the text keeps it legible where edges cross it.
            let veil = scene.background.gamma_multiply(0.8);
            scene.push(Item::Rect {
                rect: rect.expand2(vec2(2.0, 0.0)),
                radius: 3.0,
                fill: veil,
                stroke: (0.0, Color32::TRANSPARENT),
                dashed: false,
            });
            scene.push(Item::Text {
                rect,
                text,
                size: LABEL_SIZE,
                color: if on { color } else { color.gamma_multiply(0.3) },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(kind: ActorKind, name: &str) -> crate::store::VizActor {
        crate::store::VizActor {
            id: crate::model::Id::new(),
            kind,
            country: None,
            name_ar: Some(name.into()),
            name_en: None,
            name_fr: None,
            acronym: None,
            events: 4,
        }
    }

    /// Lines and node shapes of a frame of three actors, with one heavy and one light edge
    /// (the light one below the drawing threshold), with `selected` selected.
    fn drawn(selected: Option<usize>) -> (usize, usize) {
        let data = NetData {
            actors: vec![
                actor(ActorKind::State, "المغرب"),
                actor(ActorKind::SecurityService, "FBI"),
                actor(ActorKind::ArmedGroup, "خلية"),
            ],
            relations: Vec::new(),
            pairs: Vec::new(),
        };
        let edges = vec![
            super::super::graph::Edge {
                a: 0,
                b: 1,
                kind: EdgeKind::Shared(5),
            },
            super::super::graph::Edge {
                a: 1,
                b: 2,
                kind: EdgeKind::Shared(1),
            },
        ];
        let graph = Graph::new(vec![0, 1, 2], edges, 3);
        let positions = [vec2(-50.0, 0.0), vec2(0.0, 30.0), vec2(50.0, 0.0)];
        let ctx = egui::Context::default();
        crate::text::fonts::install(&ctx);
        let mut counts = (0, 0);
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let frame = Frame {
                data: &data,
                graph: &graph,
                positions: &positions,
                camera: Camera {
                    center: Vec2::ZERO,
                    zoom: 1.0,
                    size: vec2(400.0, 300.0),
                },
                selected,
                lang: Lang::Ar,
            };
            let (scene, places) = build_scene(ui, &frame);
            assert_eq!(places.len(), 3);
            let lines = scene
                .items
                .iter()
                .filter(|i| matches!(i, Item::Line { .. }))
                .count();
            let shapes = scene
                .items
                .iter()
                .filter(|i| matches!(i, Item::Circle { .. } | Item::Regular { .. }))
                .count();
            counts = (lines, shapes);
        });
        // No GPU takes the font atlas; epaint insists its uploads are handled.
        out.textures_delta.clear();
        counts
    }

    #[test]
    fn light_edges_are_drawn_only_for_the_selected_actor() {
        assert_eq!(drawn(None), (1, 3));
        assert_eq!(drawn(Some(0)), (1, 3), "the light edge does not touch it");
        assert_eq!(drawn(Some(2)), (2, 3));
    }

    #[test]
    fn nodes_keep_their_size_until_the_view_is_crowded() {
        let window = vec2(1360.0, 780.0);
        assert_eq!(crowd_scale(window, 0), 1.0);
        assert_eq!(crowd_scale(window, 40), 1.0, "the sample store");
        assert_eq!(crowd_scale(window, 2_000), 1.0);
        let big = crowd_scale(window, 20_000);
        assert!((0.3..0.4).contains(&big), "{big}");
        assert_eq!(crowd_scale(window, 1_000_000), MIN_CROWD_SCALE);
        // Fewer nodes in view (zoomed in): never smaller.
        assert!(crowd_scale(window, 5_000) > big);
    }
}
