//! Paints a [`Scene`] with egui's painter (text through the text layer) and exports it as SVG
//! from the same draw list.

use crate::app::AppState;
use crate::i18n::Msg;
use crate::text::{self, TextParams};
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
    let mut mesh = SceneMesh::new(painter.pixels_per_point(), painter.clip_rect());
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
            Item::Circle { .. } | Item::Polygon { .. } => {}
        }
    }
    mesh.flush(painter);
}

/// Scene items gathered into one mesh, anti-aliased as egui's tessellator does it: a band one
/// physical pixel wide that fades to transparent around every edge.
struct SceneMesh {
    mesh: Mesh,
    /// One physical pixel, in points: the width of the feathered edge.
    pixel: f32,
    /// Shapes entirely outside this are left out.
    clip: Rect,
    /// Scratch: the corners of the shape being added.
    corners: Vec<Pos2>,
}

/// Where a shape's outline lies: egui draws a circle's outside its edge, a polygon's on it.
#[derive(Clone, Copy)]
enum Outline {
    Outside,
    Middle,
}

impl SceneMesh {
    fn new(pixels_per_point: f32, clip: Rect) -> Self {
        Self {
            mesh: Mesh::default(),
            pixel: 1.0 / pixels_per_point.max(0.1),
            clip,
            corners: Vec::new(),
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
                let c = *center + o;
                let reach = radius + stroke.0 + self.pixel;
                if *radius <= 0.0 || !self.clip.expand(reach).contains(c) {
                    return true;
                }
                // About as many corners as egui's own circles: more for bigger ones.
                let px = radius / self.pixel;
                let corners = (px.sqrt() * 4.0).clamp(8.0, 64.0) as usize;
                self.corners.clear();
                self.corners.extend((0..corners).map(|k| {
                    c + Vec2::angled(k as f32 * std::f32::consts::TAU / corners as f32) * *radius
                }));
                self.polygon(*fill, *stroke, Outline::Outside);
                true
            }
            Item::Polygon {
                points,
                fill,
                stroke,
            } => {
                self.corners.clear();
                self.corners.extend(points.iter().map(|p| *p + o));
                let bounds = Rect::from_points(&self.corners).expand(stroke.0 + self.pixel);
                if self.clip.intersects(bounds) {
                    self.polygon(*fill, *stroke, Outline::Middle);
                }
                true
            }
            Item::Rect { .. } | Item::Text { .. } => false,
        }
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
        let n = Vec2::new(-d.y, d.x) / d.length();
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

    /// The convex polygon in `self.corners`: filled, outlined with `stroke` where `outline`
    /// says, and feathered outside.
    fn polygon(&mut self, fill: Color32, stroke: (f32, Color32), outline: Outline) {
        let n = self.corners.len();
        if n < 3 {
            return;
        }
        let miters = miters(&self.corners);
        let f = self.pixel;
        let (w, stroke_color) = stroke;
        // Rings from the inside out: (offset along the edge normals, colour).
        let rings: &[(f32, Color32)] = if w > 0.0 && stroke_color != Color32::TRANSPARENT {
            let inner = match outline {
                Outline::Outside => 0.0,
                Outline::Middle => -0.5 * w,
            };
            &[
                (inner - 0.5 * f, fill),
                (inner + 0.5 * f, stroke_color),
                (inner + w - 0.5 * f, stroke_color),
                (inner + w + 0.5 * f, Color32::TRANSPARENT),
            ]
        } else {
            &[(-0.5 * f, fill), (0.5 * f, Color32::TRANSPARENT)]
        };
        let center = self.corners.iter().fold(Vec2::ZERO, |s, p| s + p.to_vec2()) / n as f32;
        let c = self.mesh.vertices.len() as u32;
        self.mesh.colored_vertex(center.to_pos2(), fill);
        for &(offset, color) in rings {
            for (p, m) in self.corners.iter().zip(&miters) {
                self.mesh.colored_vertex(*p + *m * offset, color);
            }
        }
        let n32 = n as u32;
        let ring = |r: u32, k: u32| c + 1 + r * n32 + k % n32;
        for k in 0..n32 {
            self.mesh.add_triangle(c, ring(0, k), ring(0, k + 1));
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
            painter.add(Shape::mesh(std::mem::take(&mut self.mesh)));
        }
    }
}

/// For each corner of a convex polygon, the vector that moves it so that both its edges move
/// one point outwards.
fn miters(corners: &[Pos2]) -> Vec<Vec2> {
    let n = corners.len();
    let center = corners.iter().fold(Vec2::ZERO, |s, p| s + p.to_vec2()) / n as f32;
    let outward = |a: Pos2, b: Pos2| {
        let d = b - a;
        let len = d.length();
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
    (0..n)
        .map(|k| {
            let (prev, here, next) = (corners[(k + n - 1) % n], corners[k], corners[(k + 1) % n]);
            let (n1, n2) = (outward(prev, here), outward(here, next));
            let sum = n1 + n2;
            if sum.length() < 1e-6 {
                return n1;
            }
            let bisector = sum.normalized();
            // A sharp corner moves farther; capped so that a near-degenerate one stays near.
            let cos = bisector.dot(n1).max(0.2);
            bisector / cos
        })
        .collect()
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

/// Corners of a regular polygon around `center` (node shapes), starting at angle `turn`.
pub fn regular_polygon(center: Pos2, radius: f32, corners: usize, turn: f32) -> Vec<Pos2> {
    (0..corners)
        .map(|k| {
            let a = turn + k as f32 * std::f32::consts::TAU / corners as f32;
            center + Vec2::angled(a) * radius
        })
        .collect()
}
