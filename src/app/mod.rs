//! Application state, commands with undo, background jobs, and the eframe app.

pub mod actions;
mod allocator;
pub mod briefing;
pub mod briefing_words;
pub mod capture;
mod command;
pub mod import_review;
mod jobs;
mod settings;
mod startup;
mod state;

pub use allocator::tune_allocator;
pub use command::{Command, History, Record, apply};
pub use jobs::{Job, JobOutcome, Progress};
pub use settings::{Settings, View};
pub use startup::{
    CHECK_BEFORE_WINDOW_UP_TO, DeferredCheck, Opened, RescueOffer, StartupError,
    open_or_offer_rescue, open_store, open_store_with,
};
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
    /// Benchmark mode: what to do before closing by itself (see [`Tour`]).
    pub tour: Tour,
}

/// Benchmark modes of the window (`--exit-after-first-frame`, `--visit-all-views`): start-up
/// time and peak memory are measured on the whole process, which then has to end by itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tour {
    /// Normal use.
    #[default]
    Off,
    /// Close as soon as the first frame is drawn.
    FirstFrame,
    /// Show every view for a few frames, with the search window open, then close.
    AllViews,
}

/// Frames each view is shown for in [`Tour::AllViews`] (the first loads its data).
const TOUR_FRAMES: u64 = 3;

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
            tour: Tour::Off,
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
        self.step_tour(&ctx);
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

impl MarsadApp {
    fn step_tour(&mut self, ctx: &egui::Context) {
        let frame = ctx.cumulative_frame_nr();
        let done = match self.tour {
            Tour::Off => return,
            Tour::FirstFrame => true,
            Tour::AllViews => {
                let i = (frame / TOUR_FRAMES) as usize;
                if let Some(view) = View::ALL.get(i) {
                    self.state.settings.view = *view;
                    self.state.search.open = true;
                    self.state.search.query = ["المغرب", "الإرهاب", "Morocco"][i % 3].to_owned();
                    ctx.request_repaint();
                }
                i >= View::ALL.len()
            }
        };
        if done {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Opens the window on the store at `db`.
pub fn run_gui(db: PathBuf) -> Result<(), AppError> {
    run_gui_with(db, Tour::Off)
}

/// [`run_gui`] in a benchmark mode.
pub fn run_gui_with(db: PathBuf, tour: Tour) -> Result<(), AppError> {
    tune_allocator();
    let (store, opened, check) = open_or_offer_rescue(&db, startup::CHECK_BEFORE_WINDOW_UP_TO)?;
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
        Box::new(move |cc| {
            let mut app = MarsadApp::new(cc, store, opened);
            app.state.startup_check = check;
            app.tour = tour;
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| AppError::Window(e.to_string()))
}
