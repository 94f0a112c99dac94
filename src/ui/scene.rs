//! Paints a [`Scene`] with egui's painter (text through the text layer) and exports it as SVG
//! from the same draw list.

use crate::app::AppState;
use crate::i18n::Msg;
use crate::text::{self, TextParams};
#[cfg(test)]
use crate::viz::scene::regular_polygon;
use crate::viz::scene::{Item, Scene};
use egui::{Color32, Mesh, Painter, Pos2, Rect, Shape, Stroke, Ui, Vec2};
use std::path::Path;

/// Text parameters of scene labels: UI face, one line, the UI direction for neutral text.
pub fn label_params(ui: &Ui, size: f32, color: Color32) -> TextParams {
    TextParams::new(
        text::fonts::ui_font(size, false),
        color,
        text::direction(ui.ctx()),
    )
}

/// Paints `scene` with its top-left corner at `origin`.
pub fn paint_scene(ui: &Ui, painter: &Painter, scene: &Scene, origin: Pos2) {
    let o = origin.to_vec2();
    painter.rect_filled(
        Rect::from_min_size(origin, scene.size),
        0.0,
        scene.background,
    );
    // Lines, circles and polygons go into one mesh per run of them: a network of 20,000
    // edges and 20,000 nodes drawn as one shape each spent most of its frame in egui's
    // tessellator.
    let mut mesh = SceneMesh::new(
        painter.pixels_per_point(),
        painter.clip_rect(),
        scene.items.len(),
    );
    for item in &scene.items {
        if mesh.add(item, o) {
            continue;
        }
        mesh.flush(painter);
        match item {
            Item::Line { a, b, width, color } => {
                painter.line_segment([*a + o, *b + o], Stroke::new(*width, *color));
            }
            Item::Rect {
                rect,
                radius,
                fill,
                stroke,
                dashed,
            } => paint_rect(painter, rect.translate(o), *radius, *fill, *stroke, *dashed),
            Item::Text {
                rect,
                text: t,
                size,
                color,
            } => {
                let laid = text::layout(ui.ctx(), t, &label_params(ui, *size, *color));
                let size = laid.size();
                let at = rect.translate(o).center() - size / 2.0;
                painter.galley(at, laid.galley, *color);
            }
            // Always taken by the mesh.
            Item::Circle { .. } | Item::Polygon { .. } | Item::Regular { .. } => {}
        }
    }
    mesh.flush(painter);
}

/// Scene items gathered into one mesh, anti-aliased as egui's tessellator does it: a band one
/// physical pixel wide that fades to transparent around every edge.
///
/// A network of 20,000 nodes puts every vertex through this each frame, and the tessellator
/// copies the mesh once more, so shapes are kept as lean as their size on screen allows.
struct SceneMesh {
    mesh: Mesh,
    /// One physical pixel, in points: the width of the feathered edge.
    pixel: f32,
    /// Shapes entirely outside this are left out.
    clip: Rect,
    /// Scratch: the corners of the shape being added.
    corners: Vec<Pos2>,
    /// Scratch: how each corner moves per point of outward offset.
    miters: Vec<Vec2>,
    /// Unit directions of a circle's corners, by corner count (computed once per paint).
    units: UnitCache,
}

/// Where a shape's outline lies: egui draws a circle's outside its edge, a polygon's on it.
#[derive(Clone, Copy)]
enum Outline {
    Outside,
    Middle,
}

/// Shapes smaller than this radius in physical pixels are drawn with fewer corners and without
/// their outline: at that size neither can be seen, and they are most of a big network.
const SMALL_PX: f32 = 4.0;

/// Length of `v`. `Vec2::length` calls `hypotf`, which guards against overflow that screen
/// coordinates never reach and took a sixth of a 20,000-node frame.
fn length(v: Vec2) -> f32 {
    (v.x * v.x + v.y * v.y).sqrt()
}

impl SceneMesh {
    fn new(pixels_per_point: f32, clip: Rect, items: usize) -> Self {
        let mut mesh = Mesh::default();
        // Most items are nodes or lines of 8–25 vertices; growing the buffers by doubling
        // would copy them several times a frame.
        mesh.vertices.reserve(items * 16);
        mesh.indices.reserve(items * 48);
        Self {
            mesh,
            pixel: 1.0 / pixels_per_point.max(0.1),
            clip,
            corners: Vec::new(),
            miters: Vec::new(),
            units: Vec::new(),
        }
    }

    /// Adds `item` moved by `o`; `false` (nothing added) for what the painter draws itself:
    /// rectangles, text, and horizontal or vertical lines, which egui snaps to the pixel grid.
    fn add(&mut self, item: &Item, o: Vec2) -> bool {
        match item {
            Item::Line { a, b, width, color } => self.line(*a + o, *b + o, *width, *color),
            Item::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                self.circle(*center + o, *radius, *fill, *stroke);
                true
            }
            Item::Polygon {
                points,
                fill,
                stroke,
            } => {
                self.corners.clear();
                self.corners.extend(points.iter().map(|p| *p + o));
                let bounds = Rect::from_points(&self.corners);
                if self.clip.intersects(bounds.expand(stroke.0 + self.pixel)) {
                    let small = bounds.size().max_elem() < 2.0 * SMALL_PX * self.pixel;
                    let stroke = if small { (0.0, *fill) } else { *stroke };
                    polygon_miters(&self.corners, &mut self.miters);
                    self.polygon(*fill, stroke, Outline::Middle);
                }
                true
            }
            Item::Regular {
                center,
                radius,
                corners,
                turn,
                fill,
                stroke,
            } => {
                self.regular(
                    *center + o,
                    *radius,
                    (*corners).max(3),
                    *turn,
                    *fill,
                    *stroke,
                );
                true
            }
            Item::Rect { .. } | Item::Text { .. } => false,
        }
    }

    /// A regular polygon, as [`Item::Regular`] describes it.
    fn regular(
        &mut self,
        c: Pos2,
        radius: f32,
        corners: u8,
        turn: f32,
        fill: Color32,
        stroke: (f32, Color32),
    ) {
        let n = usize::from(corners);
        self.regular_shape(c, radius, (n, turn), fill, stroke, Outline::Middle);
    }

    fn circle(&mut self, c: Pos2, radius: f32, fill: Color32, stroke: (f32, Color32)) {
        let px = radius / self.pixel;
        let small = px < SMALL_PX;
        // About as many corners as egui's own circles: more for bigger ones.
        let corners = if small {
            6
        } else {
            (px.sqrt() * 4.0).clamp(8.0, 64.0) as usize
        };
        self.regular_shape(c, radius, (corners, 0.0), fill, stroke, Outline::Outside);
    }

    /// The regular polygon of `radius` around `c` with `corners` corners, the first at angle
    /// `turn`, its corners and miters from the cache; without its outline when it is small, and
    /// nothing when it lies outside the clip rectangle.
    fn regular_shape(
        &mut self,
        c: Pos2,
        radius: f32,
        (corners, turn): (usize, f32),
        fill: Color32,
        stroke: (f32, Color32),
        outline: Outline,
    ) {
        let reach = radius + stroke.0 + self.pixel;
        if radius <= 0.0 || !self.clip.expand(reach).contains(c) {
            return;
        }
        let (units, miters) = circle_units(&mut self.units, corners, turn);
        self.corners.clear();
        self.corners.extend(units.iter().map(|u| c + *u * radius));
        self.miters.clear();
        self.miters.extend_from_slice(miters);
        let small = radius / self.pixel < SMALL_PX;
        let stroke = if small { (0.0, fill) } else { stroke };
        self.polygon(fill, stroke, outline);
    }

    fn line(&mut self, a: Pos2, b: Pos2, width: f32, color: Color32) -> bool {
        let d = b - a;
        if d.x == 0.0 || d.y == 0.0 {
            return false;
        }
        if !self
            .clip
            .intersects(Rect::from_two_pos(a, b).expand(width + self.pixel))
        {
            return true;
        }
        let n = Vec2::new(-d.y, d.x) / length(d);
        let f = self.pixel;
        let i = self.mesh.vertices.len() as u32;
        let clear = Color32::TRANSPARENT;
        if width <= 0.9 * f {
            // As egui: a ridge two pixels wide whose middle is fainter the thinner the line.
            let middle = color.gamma_multiply(width / f);
            for p in [a, b] {
                self.mesh.colored_vertex(p + n * f, clear);
                self.mesh.colored_vertex(p, middle);
                self.mesh.colored_vertex(p - n * f, clear);
            }
            for k in 0..2 {
                self.mesh.add_triangle(i + k, i + k + 1, i + k + 3);
                self.mesh.add_triangle(i + k + 1, i + k + 3, i + k + 4);
            }
        } else {
            let inner = n * (0.5 * (width - f));
            let outer = n * (0.5 * (width + f));
            for p in [a, b] {
                self.mesh.colored_vertex(p + outer, clear);
                self.mesh.colored_vertex(p + inner, color);
                self.mesh.colored_vertex(p - inner, color);
                self.mesh.colored_vertex(p - outer, clear);
            }
            for k in 0..3 {
                self.mesh.add_triangle(i + k, i + k + 1, i + k + 4);
                self.mesh.add_triangle(i + k + 1, i + k + 4, i + k + 5);
            }
        }
        true
    }

    /// The convex polygon in `self.corners` (its miters in `self.miters`): filled, outlined
    /// with `stroke` where `outline` says, and feathered outside.
    fn polygon(&mut self, fill: Color32, stroke: (f32, Color32), outline: Outline) {
        let n = self.corners.len();
        if n < 3 || self.miters.len() != n {
            return;
        }
        let rings = rings(fill, stroke, outline, self.pixel);
        let c = self.mesh.vertices.len() as u32;
        for &(offset, color) in rings.as_slice() {
            for (p, m) in self.corners.iter().zip(&self.miters) {
                self.mesh.colored_vertex(*p + *m * offset, color);
            }
        }
        let n32 = n as u32;
        let ring = |r: u32, k: u32| c + r * n32 + k % n32;
        // The fill is a fan from the first corner of the inner ring (the polygon is convex):
        // a centre vertex would add one vertex and two triangles to each of 20,000 nodes.
        for k in 1..n32 - 1 {
            self.mesh
                .add_triangle(ring(0, 0), ring(0, k), ring(0, k + 1));
        }
        for r in 0..rings.len() as u32 - 1 {
            for k in 0..n32 {
                self.mesh
                    .add_triangle(ring(r, k), ring(r, k + 1), ring(r + 1, k));
                self.mesh
                    .add_triangle(ring(r, k + 1), ring(r + 1, k + 1), ring(r + 1, k));
            }
        }
    }

    fn flush(&mut self, painter: &Painter) {
        if !self.mesh.is_empty() {
            // The tessellator copies shapes into one output mesh per run of shapes with the
            // same clip rectangle. Clipped by a hair less, the scene's mesh gets an output mesh
            // of its own, sized once, instead of being copied again when the labels after it
            // grow a shared one (megabytes a frame for a big network). A thousandth of a point
            // rounds away in the scissor rectangle.
            painter
                .with_clip_rect(self.clip.shrink(0.001))
                .add(Shape::mesh(std::mem::take(&mut self.mesh)));
        }
    }
}

/// Unit directions of regular polygons and their miters, by corner count and angle of the
/// first corner.
type UnitCache = Vec<((usize, u32), Vec<Vec2>, Vec<Vec2>)>;

/// The unit directions of the corners of a regular polygon of `corners` corners, the first at
/// angle `turn`, and how each corner moves per point its edges move outwards, from `cache`
/// (filled on first use; a scene has a handful of shapes and tens of thousands of nodes).
fn circle_units(cache: &mut UnitCache, corners: usize, turn: f32) -> (&[Vec2], &[Vec2]) {
    let key = (corners, turn.to_bits());
    let k = match cache.iter().position(|(k, _, _)| *k == key) {
        Some(k) => k,
        None => {
            let step = std::f32::consts::TAU / corners as f32;
            let dirs: Vec<Vec2> = (0..corners)
                .map(|k| Vec2::angled(turn + k as f32 * step))
                .collect();
            // A regular polygon's corner moves along its own direction, by 1 / cos(π / n).
            let reach = 1.0 / (std::f32::consts::PI / corners as f32).cos();
            let miters = dirs.iter().map(|u| *u * reach).collect();
            cache.push((key, dirs, miters));
            cache.len() - 1
        }
    };
    (&cache[k].1, &cache[k].2)
}

/// Up to four rings of a shape's edge, from the inside out.
struct Rings {
    rings: [(f32, Color32); 4],
    len: usize,
}

impl Rings {
    fn as_slice(&self) -> &[(f32, Color32)] {
        &self.rings[..self.len]
    }

    fn len(&self) -> usize {
        self.len
    }
}

/// The rings of a shape's edge, as offsets along the edge normals and colours: the fill's edge,
/// the outline's two edges and the transparent outside, each feathered over one pixel `f`.
/// An outline no wider than a pixel (the usual 1-point outline at 100 %) is one ring, not
/// two at the same place.
fn rings(fill: Color32, stroke: (f32, Color32), outline: Outline, f: f32) -> Rings {
    let (w, stroke_color) = stroke;
    let clear = Color32::TRANSPARENT;
    if w <= 0.0 || stroke_color == clear {
        return Rings {
            rings: [
                (-0.5 * f, fill),
                (0.5 * f, clear),
                (0.0, clear),
                (0.0, clear),
            ],
            len: 2,
        };
    }
    let inner = match outline {
        Outline::Outside => 0.0,
        Outline::Middle => -0.5 * w,
    };
    if w <= f {
        let faint = stroke_color.gamma_multiply(w / f);
        return Rings {
            rings: [
                (inner - 0.5 * f, fill),
                (inner + 0.5 * w, faint),
                (inner + w + 0.5 * f, clear),
                (0.0, clear),
            ],
            len: 3,
        };
    }
    Rings {
        rings: [
            (inner - 0.5 * f, fill),
            (inner + 0.5 * f, stroke_color),
            (inner + w - 0.5 * f, stroke_color),
            (inner + w + 0.5 * f, clear),
        ],
        len: 4,
    }
}

/// For each corner of a convex polygon, into `out`: the vector that moves it so that both its
/// edges move one point outwards.
fn polygon_miters(corners: &[Pos2], out: &mut Vec<Vec2>) {
    out.clear();
    let n = corners.len();
    if n == 0 {
        return;
    }
    let center = corners.iter().fold(Vec2::ZERO, |s, p| s + p.to_vec2()) / n as f32;
    let outward = |a: Pos2, b: Pos2| {
        let d = b - a;
        let len = length(d);
        if len < 1e-6 {
            return Vec2::ZERO;
        }
        let normal = Vec2::new(-d.y, d.x) / len;
        let mid = (a.to_vec2() + b.to_vec2()) / 2.0;
        if normal.dot(mid - center) < 0.0 {
            -normal
        } else {
            normal
        }
    };
    out.extend((0..n).map(|k| {
        let (prev, here, next) = (corners[(k + n - 1) % n], corners[k], corners[(k + 1) % n]);
        let (n1, n2) = (outward(prev, here), outward(here, next));
        let sum = n1 + n2;
        let len = length(sum);
        if len < 1e-6 {
            return n1;
        }
        let bisector = sum / len;
        // A sharp corner moves farther; capped so that a near-degenerate one stays near.
        let cos = bisector.dot(n1).max(0.2);
        bisector / cos
    }));
}

fn paint_rect(
    painter: &Painter,
    rect: Rect,
    radius: f32,
    fill: Color32,
    stroke: (f32, Color32),
    dashed: bool,
) {
    painter.rect_filled(rect, radius, fill);
    if stroke.0 <= 0.0 {
        return;
    }
    let s = Stroke::new(stroke.0, stroke.1);
    if dashed {
        let r = rect;
        let outline = vec![
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
            r.left_top(),
        ];
        painter.extend(Shape::dashed_line(&outline, s, 3.0, 2.0));
    } else {
        painter.rect_stroke(rect, radius, s, egui::StrokeKind::Inside);
    }
}

/// Asks where to save an SVG of `scene` and writes it; the outcome goes to the status bar.
pub fn export_svg(state: &mut AppState, scene: &Scene, name: &str) {
    let Some(path) = rfd::FileDialog::new()
        .add_filter("SVG", &["svg"])
        .set_file_name(format!("{name}.svg"))
        .save_file()
    else {
        return;
    };
    report(
        state,
        &path,
        std::fs::write(&path, crate::viz::svg::to_svg(scene)),
    );
}

fn report(state: &mut AppState, path: &Path, result: std::io::Result<()>) {
    match result {
        Ok(()) => {
            let msg = format!("{}: {}", state.tr(Msg::VizExported), path.display());
            state.say(msg, false);
        }
        Err(e) => state.say(format!("{}: {e}", path.display()), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    fn mesh_of(item: &Item, pixels_per_point: f32) -> Mesh {
        let clip = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 400.0));
        let mut m = SceneMesh::new(pixels_per_point, clip, 1);
        assert!(m.add(item, Vec2::ZERO));
        m.mesh
    }

    fn circle(radius: f32, stroke: (f32, Color32)) -> Item {
        Item::Circle {
            center: pos2(100.0, 100.0),
            radius,
            fill: Color32::RED,
            stroke,
        }
    }

    #[test]
    fn a_circle_is_filled_outlined_and_fades_out_at_its_edge() {
        let m = mesh_of(&circle(10.0, (1.0, Color32::WHITE)), 1.0);
        // 12 corners at 10 px; a one-pixel outline is one ring, not two at the same place.
        let corners = 12;
        // No centre vertex: the fill is a fan of `corners - 2` triangles from a corner.
        assert_eq!(m.vertices.len(), 3 * corners);
        assert_eq!(m.indices.len(), 3 * (corners - 2 + 4 * corners));
        assert_eq!(m.vertices[0].color, Color32::RED);
        let outer = &m.vertices[2 * corners..];
        assert!(outer.iter().all(|v| v.color == Color32::TRANSPARENT));
        // The outline lies outside the radius and the fade ends a pixel beyond it.
        for v in outer {
            let d = v.pos.distance(pos2(100.0, 100.0));
            assert!((11.4..11.8).contains(&d), "{d}");
        }
        assert!(m.is_valid());
    }

    #[test]
    fn a_wider_outline_has_both_its_edges_feathered() {
        let m = mesh_of(&circle(10.0, (1.0, Color32::WHITE)), 2.0);
        let corners = (20.0f32.sqrt() * 4.0) as usize;
        assert_eq!(m.vertices.len(), 4 * corners);
        assert!(m.is_valid());
    }

    #[test]
    fn tiny_shapes_drop_their_outline_and_corners() {
        let m = mesh_of(&circle(2.0, (1.0, Color32::WHITE)), 1.0);
        assert_eq!(m.vertices.len(), 2 * 6);
        assert!(m.vertices.iter().all(|v| v.color != Color32::WHITE));
        let square = Item::Polygon {
            points: regular_polygon(pos2(50.0, 50.0), 2.5, 4, 0.0),
            fill: Color32::BLUE,
            stroke: (1.0, Color32::WHITE),
        };
        assert_eq!(mesh_of(&square, 1.0).vertices.len(), 2 * 4);
        let big = Item::Polygon {
            points: regular_polygon(pos2(50.0, 50.0), 20.0, 4, 0.0),
            fill: Color32::BLUE,
            stroke: (1.0, Color32::WHITE),
        };
        assert_eq!(mesh_of(&big, 1.0).vertices.len(), 3 * 4);
    }

    #[test]
    fn miters_move_every_edge_by_the_offset() {
        let tri = [pos2(0.0, 0.0), pos2(10.0, 0.0), pos2(0.0, 10.0)];
        let mut m = Vec::new();
        polygon_miters(&tri, &mut m);
        // The corner at the origin moves one point out of both of its edges.
        assert!((m[0] - vec2(-1.0, -1.0)).length() < 1e-5, "{:?}", m[0]);
        // The right-angle-free corners move along their bisectors, farther than one point.
        assert!(m[1].length() > 1.0 && m[1].x > 0.0 && m[1].y < 0.0);
    }

    #[test]
    fn circle_units_are_cached_unit_directions_with_their_miters() {
        let mut cache = Vec::new();
        let (u, m) = circle_units(&mut cache, 8, 0.0);
        let (u, m) = (u.to_vec(), m.to_vec());
        assert_eq!((u.len(), m.len()), (8, 8));
        for (k, d) in u.iter().enumerate() {
            let a = k as f32 * std::f32::consts::TAU / 8.0;
            assert!((*d - Vec2::angled(a)).length() < 1e-6);
        }
        // The miters of a regular polygon are those of its corners as a free polygon.
        let corners: Vec<Pos2> = u.iter().map(|d| pos2(50.0, 50.0) + *d * 10.0).collect();
        let mut free = Vec::new();
        polygon_miters(&corners, &mut free);
        for (a, b) in m.iter().zip(&free) {
            assert!((*a - *b).length() < 1e-4, "{a:?} vs {b:?}");
        }
        circle_units(&mut cache, 8, 0.0);
        circle_units(&mut cache, 12, 0.0);
        circle_units(&mut cache, 12, 1.0);
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn length_agrees_with_egui() {
        for v in [vec2(3.0, 4.0), vec2(-0.001, 2e3), vec2(0.0, 0.0)] {
            assert!((length(v) - v.length()).abs() < 1e-4);
        }
    }
}
