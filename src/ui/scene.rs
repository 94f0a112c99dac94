//! Paints a [`Scene`] with egui's painter (text through the text layer) and exports it as SVG
//! from the same draw list.

use crate::app::AppState;
use crate::i18n::Msg;
use crate::text::{self, TextParams};
use crate::viz::scene::{Item, Scene};
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, Ui, Vec2};
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
    for item in &scene.items {
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
