//! PNG export of a view as it is on screen: the window is captured by the renderer
//! (`ViewportCommand::Screenshot`), the view's rectangle cut out, encoded and written
//! atomically. It takes two frames: one to ask for the capture, one to receive it.

use crate::app::AppState;
use crate::i18n::Msg;
use crate::viz::png::{crop, encode};
use egui::{ColorImage, Rect, Ui};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Where the renderer leaves the captured window.
type Slot = Arc<Mutex<Option<Arc<ColorImage>>>>;

/// A PNG export in progress.
enum Step {
    /// The file is chosen; the capture is asked for on the next drawn frame.
    Asked(PathBuf),
    /// Waiting for the renderer to capture the window.
    Capturing(PathBuf, Slot),
}

/// The PNG export of one view.
#[derive(Default)]
pub struct PngExport {
    step: Option<Step>,
}

impl PngExport {
    /// Asks where to save (a save dialog), then exports on the next frames.
    pub fn ask_file(&mut self, name: &str) {
        if let Some(path) = rfd::FileDialog::new()
            .add_filter("PNG", &["png"])
            .set_file_name(format!("{name}.png"))
            .save_file()
        {
            self.export_to(path);
        }
    }

    /// Exports the view to `path` on the next frames, without a dialog.
    pub fn export_to(&mut self, path: PathBuf) {
        self.step = Some(Step::Asked(path));
    }

    /// Whether an export is under way.
    pub fn is_busy(&self) -> bool {
        self.step.is_some()
    }

    /// Runs after the view painted itself into `rect` this frame.
    pub fn frame(&mut self, ui: &Ui, state: &mut AppState, rect: Rect) {
        match self.step.take() {
            None => {}
            Some(Step::Asked(path)) => {
                let slot: Slot = Arc::default();
                let filled = slot.clone();
                let ctx = ui.ctx().clone();
                ui.ctx().request_screenshot(move |image| {
                    if let Ok(mut s) = filled.lock() {
                        *s = Some(image);
                    }
                    ctx.request_repaint();
                });
                self.step = Some(Step::Capturing(path, slot));
            }
            Some(Step::Capturing(path, slot)) => {
                let image = slot.lock().ok().and_then(|mut s| s.take());
                match image {
                    Some(image) => {
                        let ppp = ui.ctx().pixels_per_point();
                        write(state, &path, &image, rect, ppp);
                    }
                    None => {
                        self.step = Some(Step::Capturing(path, slot));
                        ui.ctx().request_repaint();
                    }
                }
            }
        }
    }
}

fn write(state: &mut AppState, path: &Path, image: &ColorImage, rect: Rect, ppp: f32) {
    let bytes = crop(image, rect, ppp).and_then(|img| encode(&img));
    let result = match bytes {
        Ok(b) => crate::export::write_atomically(path, &b).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    match result {
        Ok(()) => {
            let msg = format!("{}: {}", state.tr(Msg::VizExported), path.display());
            state.say(msg, false);
        }
        Err(e) => state.say(format!("{}: {e}", path.display()), true),
    }
}
