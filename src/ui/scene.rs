//! Paints a [`Scene`] with egui's painter (text through the text layer) and exports it: SVG
//! from the same draw list, PNG from a screenshot of the window cropped to the view.

use crate::app::AppState;
use crate::i18n::Msg;
use crate::text::{self, TextParams};
use crate::viz::scene::{Item, Scene};
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, Ui, Vec2};
use std::path::{Path, PathBuf};

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

/// A PNG export waiting for the window's screenshot.
#[derive(Clone, Debug)]
struct PendingPng {
    path: PathBuf,
    rect: Rect,
}

fn pending_id(name: &str) -> egui::Id {
    egui::Id::new(("marsad-png-export", name))
}

/// Asks where to save a PNG of the view at `rect`, then requests a screenshot of the window;
/// [`finish_png_export`] writes the file when the screenshot arrives a frame later.
pub fn start_png_export(ui: &Ui, name: &str, rect: Rect) {
    let Some(path) = rfd::FileDialog::new()
        .add_filter("PNG", &["png"])
        .set_file_name(format!("{name}.png"))
        .save_file()
    else {
        return;
    };
    ui.data_mut(|d| d.insert_temp(pending_id(name), PendingPng { path, rect }));
    ui.ctx()
        .send_viewport_cmd(egui::ViewportCommand::Screenshot(Default::default()));
}

/// Writes a requested PNG once the screenshot is in this frame's events.
pub fn finish_png_export(ui: &Ui, state: &mut AppState, name: &str) {
    let id = pending_id(name);
    let Some(pending) = ui.data(|d| d.get_temp::<PendingPng>(id)) else {
        return;
    };
    let image = ui.input(|i| {
        i.raw.events.iter().find_map(|e| match e {
            egui::Event::Screenshot { image, .. } => Some(image.clone()),
            _ => None,
        })
    });
    let Some(image) = image else {
        return;
    };
    ui.data_mut(|d| d.remove::<PendingPng>(id));
    let ppp = ui.ctx().pixels_per_point();
    let cropped = image.region(&pending.rect, Some(ppp));
    let result = write_png(&pending.path, &cropped);
    report(state, &pending.path, result);
}

/// Encodes an RGBA image as PNG.
pub fn write_png(path: &Path, image: &egui::ColorImage) -> std::io::Result<()> {
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let [w, h] = image.size;
    let mut enc = png::Encoder::new(file, w as u32, h as u32);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().map_err(std::io::Error::other)?;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    writer
        .write_image_data(&bytes)
        .map_err(std::io::Error::other)?;
    writer.finish().map_err(std::io::Error::other)
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
