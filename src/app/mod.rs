//! Application state and the window.

mod startup;

pub use startup::{Opened, StartupError, open_store};

use std::path::PathBuf;

/// Why the app could not run.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The store could not be opened.
    #[error(transparent)]
    Startup(#[from] StartupError),
    /// The window could not be created.
    #[error("could not open the window: {0}")]
    Window(String),
}

/// Opens the window on the store at `db`.
pub fn run_gui(db: PathBuf) -> Result<(), AppError> {
    let (store, opened) = open_store(&db)?;
    log::info!("{}: {:?}", db.display(), opened);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("مرصد — Marsad")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Marsad",
        options,
        Box::new(move |cc| {
            crate::text::fonts::install(&cc.egui_ctx);
            Ok(Box::new(Shell { store, opened }))
        }),
    )
    .map_err(|e| AppError::Window(e.to_string()))
}

/// The window until the workbench lands: shows which store is open and what it holds.
struct Shell {
    store: crate::store::Store,
    opened: Opened,
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        egui::CentralPanel::default().show(ui, |ui| {
            let stats = self
                .store
                .stats()
                .map(|s| format!("{s:?}"))
                .unwrap_or_else(|e| e.to_string());
            let text = format!(
                "مرصد — {}\n{:?}\n{stats}",
                self.store.path().display(),
                self.opened
            );
            let params = crate::text::TextParams::new(
                crate::text::fonts::ui_font(16.0, false),
                ui.visuals().text_color(),
                crate::text::Direction::Rtl,
            )
            .wrap(ui.available_width());
            let laid = crate::text::layout(&ctx, &text, &params);
            let (rect, _) = ui.allocate_exact_size(laid.size(), egui::Sense::hover());
            ui.painter()
                .galley(rect.min, laid.galley, ui.visuals().text_color());
        });
    }
}
