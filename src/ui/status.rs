//! The status bar: store path, counts, last message, running jobs with progress and cancel.

use super::widgets::button_ui;
use crate::app::AppState;
use crate::i18n::Msg;
use crate::text::{self, TextStyleSpec};
use egui::Ui;

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut Ui, state: &mut AppState) {
    text::row_ui(ui, |ui| {
        let path = state.store.path().display().to_string();
        let ro = if state.store.is_read_only() {
            format!(" ({})", state.tr(Msg::ReadOnly))
        } else {
            String::new()
        };
        text::cell(ui, &format!("{path}{ro}"));
        ui.separator();
        let mut cancel = None;
        for (i, job) in state.jobs.iter().enumerate() {
            text::label(ui, &job.label);
            ui.add(
                egui::ProgressBar::new(job.progress.fraction())
                    .desired_width(120.0)
                    .show_percentage(),
            );
            if button_ui(ui, state.tr(Msg::Cancel)).clicked() {
                cancel = Some(i);
            }
            ui.separator();
        }
        if let Some(i) = cancel {
            state.jobs[i].progress.cancel();
        }
        if let Some(status) = &state.status {
            let color = if status.error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            text::rich(
                ui,
                &status.text,
                TextStyleSpec {
                    color: Some(color),
                    ..Default::default()
                },
            );
        }
    });
}
