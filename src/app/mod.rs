//! Application state, commands with undo, background jobs, and the eframe app.

pub mod actions;
pub mod capture;
mod command;
pub mod import_review;
mod jobs;
mod settings;
mod startup;
mod state;

pub use command::{Command, History, Record, apply};
pub use jobs::{Job, JobOutcome, Progress};
pub use settings::{Settings, View};
pub use startup::{Opened, RescueOffer, StartupError, open_or_offer_rescue, open_store};
pub use state::{AppState, PAGE, PendingDelete, SearchState, Status};

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

/// The eframe application: state plus the UI's own state.
pub struct MarsadApp {
    /// Application state.
    pub state: AppState,
    /// Drafts and buffers of the UI.
    pub ui_state: crate::ui::UiState,
}

impl MarsadApp {
    /// Builds the app on an open store, restoring settings from eframe's storage if any.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        store: crate::store::Store,
        opened: Opened,
    ) -> Self {
        crate::text::fonts::install(&cc.egui_ctx);
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, Settings::KEY))
            .unwrap_or_default();
        Self::with_settings(&cc.egui_ctx, store, opened, settings)
    }

    /// Builds the app with explicit settings (tests).
    pub fn with_settings(
        ctx: &egui::Context,
        store: crate::store::Store,
        opened: Opened,
        settings: Settings,
    ) -> Self {
        crate::text::fonts::install(ctx);
        Self {
            state: AppState::new(store, opened, settings),
            ui_state: Default::default(),
        }
    }
}

impl eframe::App for MarsadApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let theme = if self.state.settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        for path in dropped {
            import_review::review_import(&mut self.state, path);
        }
        crate::ui::app_ui(ui, &mut self.state, &mut self.ui_state);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        crate::ui::flush_edits(&mut self.state, &mut self.ui_state);
        eframe::set_value(storage, Settings::KEY, &self.state.settings);
    }

    fn on_exit(&mut self) {
        crate::ui::flush_edits(&mut self.state, &mut self.ui_state);
        for job in self.state.jobs.drain(..) {
            let outcome = job.wait();
            log::info!("{}", outcome.message);
        }
    }
}

/// Opens the window on the store at `db`.
pub fn run_gui(db: PathBuf) -> Result<(), AppError> {
    let (store, opened) = open_or_offer_rescue(&db)?;
    log::info!("{}: {:?}", db.display(), opened);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("مرصد — Marsad")
            .with_inner_size([1360.0, 840.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Marsad",
        options,
        Box::new(move |cc| Ok(Box::new(MarsadApp::new(cc, store, opened)))),
    )
    .map_err(|e| AppError::Window(e.to_string()))
}
