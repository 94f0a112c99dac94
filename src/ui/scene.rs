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
    // Lines go into one mesh per run of them: a network of 20,000 edges drawn as one shape
    // each spent ~25 ms a frame in egui's tessellator.
    let mut lines = LineMesh::new(painter.pixels_per_point());
    for item in &scene.items {
        if let Item::Line { a, b, width, color } = item
            && lines.add(*a + o, *b + o, *width, *color)
        {
            continue;
        }
        lines.flush(painter);
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
            Item::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                painter.circle(*center + o, *radius, *fill, Stroke::new(stroke.0, stroke.1));
            }
            Item::Polygon {
                points,
                fill,
                stroke,
            } => {
                let pts = points.iter().map(|p| *p + o).collect();
                painter.add(Shape::convex_polygon(
                    pts,
                    *fill,
                    Stroke::new(stroke.0, stroke.1),
                ));
            }
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
        }
    }
    lines.flush(painter);
}

/// Diagonal lines gathered into one mesh, each a band with a feathered edge on both sides:
/// the anti-aliasing egui's tessellator gives a line, without its end caps (which the
/// network's edges hide under their nodes anyway).
struct LineMesh {
    mesh: Mesh,
    /// One physical pixel, in points: the width of the feathered edge.
    pixel: f32,
}

impl LineMesh {
    fn new(pixels_per_point: f32) -> Self {
        Self {
            mesh: Mesh::default(),
            pixel: 1.0 / pixels_per_point.max(0.1),
        }
    }

    /// Adds a diagonal line; `false` (nothing added) for a horizontal or vertical one, which
    /// egui's painter snaps to the pixel grid to keep it crisp.
    fn add(&mut self, a: Pos2, b: Pos2, width: f32, color: Color32) -> bool {
        let d = b - a;
        if d.x == 0.0 || d.y == 0.0 {
            return false;
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

    fn flush(&mut self, painter: &Painter) {
        if !self.mesh.is_empty() {
            painter.add(Shape::mesh(std::mem::take(&mut self.mesh)));
        }
    }
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
