//! UI frame CPU time: the real app UI (`ui::app_ui`) driven with synthetic input on an
//! `egui::Context`, tessellation included, no GPU (what the UI thread spends per frame).

use crate::app::{AppState, Opened, Settings, View};
use crate::i18n::Lang;
use crate::store::Store;
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, RawInput, TouchPhase, pos2, vec2};
use std::time::{Duration, Instant};

/// The window size of the app's first start.
const SCREEN: egui::Vec2 = vec2(1360.0, 840.0);

/// The app on a store, with its UI state and an egui context.
pub struct Rig {
    ctx: egui::Context,
    state: AppState,
    ui_state: crate::ui::UiState,
    geometry: usize,
}

impl Rig {
    /// The app on `store`, showing `view` in Arabic.
    pub fn new(store: Store, view: View) -> Self {
        crate::app::tune_allocator();
        let ctx = egui::Context::default();
        crate::text::fonts::install(&ctx);
        let settings = Settings {
            lang: Lang::Ar,
            view,
            ..Default::default()
        };
        Self {
            ctx,
            state: AppState::new(store, Opened::Existing, settings),
            ui_state: crate::ui::UiState::default(),
            geometry: 0,
        }
    }

    /// Switches the view (as the navigation does).
    pub fn show(&mut self, view: View) {
        self.state.settings.view = view;
    }

    /// Runs one frame with `events`; returns its CPU time (UI and tessellation).
    pub fn frame(&mut self, events: Vec<Event>) -> Duration {
        let input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(pos2(0.0, 0.0), SCREEN)),
            events,
            ..Default::default()
        };
        let start = Instant::now();
        let mut out = self.ctx.run_ui(input, |ui| {
            crate::ui::app_ui(ui, &mut self.state, &mut self.ui_state)
        });
        let primitives = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        let elapsed = start.elapsed();
        self.geometry = geometry_bytes(&primitives);
        // No GPU takes the font atlas uploads; epaint insists they are handled.
        out.textures_delta.clear();
        elapsed
    }

    /// Bytes of vertices and indices the last frame handed to the renderer: what the GPU
    /// driver copies each frame (with a software rasteriser, into the process's own memory).
    pub fn geometry_bytes(&self) -> usize {
        self.geometry
    }
}

/// Vertex and index bytes of tessellated `primitives`, as egui's wgpu renderer uploads them.
fn geometry_bytes(primitives: &[egui::ClippedPrimitive]) -> usize {
    primitives
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => {
                m.vertices.len() * std::mem::size_of::<egui::epaint::Vertex>()
                    + m.indices.len() * std::mem::size_of::<u32>()
            }
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

/// Input of frame `i` of a gesture over `view`: wheel-scrolling the events table down and up,
/// or zooming in and out then dragging the timeline and network.
pub fn input(view: View, i: usize) -> Vec<Event> {
    let at = pos2(SCREEN.x * 0.45, SCREEN.y * 0.5);
    let wheel = |dy: f32| Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, dy),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::default(),
    };
    let button = |pressed| Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::default(),
    };
    match view {
        View::Events | View::Actors | View::Sources | View::Briefings => {
            let dy = if i % 100 < 50 { -120.0 } else { 120.0 };
            vec![Event::PointerMoved(at), wheel(dy)]
        }
        View::Timeline | View::Network => match i % 60 {
            0..20 => vec![Event::PointerMoved(at), Event::Zoom(1.06)],
            20..40 => vec![Event::PointerMoved(at), Event::Zoom(1.0 / 1.06)],
            40 => vec![Event::PointerMoved(at), button(true)],
            41..59 => vec![Event::PointerMoved(pos2(
                at.x + (i % 60 - 40) as f32 * 8.0,
                at.y,
            ))],
            _ => vec![button(false)],
        },
    }
}

/// `frames` timed frames of the gesture over `view`, after `warmup` untimed ones (the first frame
/// of a view loads its data).
pub fn run(rig: &mut Rig, view: View, warmup: usize, frames: usize) -> Vec<Duration> {
    rig.show(view);
    for _ in 0..warmup {
        rig.frame(Vec::new());
    }
    (0..frames).map(|i| rig.frame(input(view, i))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometry_counts_twenty_bytes_a_vertex_and_four_an_index() {
        let mut mesh = egui::Mesh::default();
        mesh.add_colored_rect(
            egui::Rect::from_min_size(pos2(0.0, 0.0), vec2(2.0, 2.0)),
            egui::Color32::RED,
        );
        let clip = egui::Rect::EVERYTHING;
        let primitives = vec![
            egui::ClippedPrimitive {
                clip_rect: clip,
                primitive: egui::epaint::Primitive::Mesh(mesh.clone()),
            };
            2
        ];
        // A rectangle is 4 vertices and 6 indices.
        assert_eq!(geometry_bytes(&primitives), 2 * (4 * 20 + 6 * 4));
    }
}
