//! The Briefings view: the saved briefings at the start edge (title, date, when saved) with
//! New; the composer of the selected one in the middle; its live preview at the end edge.

use super::UiState;
use super::briefing_editor::{BriefingEditor, briefing_editor_ui};
use super::briefing_preview::preview_ui;
use super::widgets::button_ui;
use crate::app::AppState;
use crate::app::briefing_words::Word;
use crate::i18n::{Msg, vocab};
use crate::text;
use egui::Ui;
use egui_extras::Column;

/// Draws the Briefings view.
pub fn briefings_view_ui(ui: &mut Ui, state: &mut AppState, ui_state: &mut UiState) {
    sync_editor(state, ui_state);
    let rtl = state.lang().direction().is_rtl();
    let start = |id: &str| {
        if rtl {
            egui::Panel::right(id.to_owned())
        } else {
            egui::Panel::left(id.to_owned())
        }
    };
    let end = |id: &str| {
        if rtl {
            egui::Panel::left(id.to_owned())
        } else {
            egui::Panel::right(id.to_owned())
        }
    };
    // Upper bounds keep the composer usable: a side panel otherwise grows to whatever its
    // content asks for, and the preview's wrapped paragraphs ask for all they can get.
    let width = ui.available_width();
    start("briefing-list")
        .resizable(true)
        .default_size(300.0)
        .size_range(200.0..=(width * 0.3).max(200.0))
        .show(ui, |ui| list_ui(ui, state));
    let Some(editor) = &mut ui_state.briefing_editor else {
        egui::CentralPanel::default().show(ui, |ui| {
            text::column_ui(ui, |ui| {
                text::weak(ui, state.tr(Msg::SelectToEdit));
            });
        });
        return;
    };
    editor.refresh_preview(state);
    end("briefing-preview")
        .resizable(true)
        .default_size(440.0)
        .size_range(260.0..=(width * 0.45).max(260.0))
        .show(ui, |ui| preview_ui(ui, state, &editor.preview));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("briefing-editor-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| briefing_editor_ui(ui, state, editor));
    });
}

/// Keeps the composer on the selected briefing, reloading it after undo/redo.
fn sync_editor(state: &mut AppState, ui_state: &mut UiState) {
    let Some(id) = state.selected_briefing else {
        if let Some(ed) = &mut ui_state.briefing_editor {
            ed.d.flush(state);
        }
        ui_state.briefing_editor = None;
        return;
    };
    let stale = ui_state
        .briefing_editor
        .as_ref()
        .is_none_or(|e| e.d.is_stale(id, state.generation));
    if !stale {
        return;
    }
    if let Some(ed) = &mut ui_state.briefing_editor
        && ed.d.id() != id
    {
        ed.d.flush(state);
    }
    ui_state.briefing_editor = match state.store.briefing(id) {
        Ok(Some(b)) => Some(BriefingEditor::new(b, state.generation)),
        Ok(None) => {
            state.selected_briefing = None;
            None
        }
        Err(e) => {
            state.report(&e);
            None
        }
    };
}

/// "2026-11-23T03:12:45.5Z" as "2026-11-23 03:12" (UTC).
fn short_time(rfc3339: &str) -> String {
    rfc3339
        .chars()
        .take(16)
        .collect::<String>()
        .replace('T', " ")
}

/// The saved briefings, most recently saved first, with New.
fn list_ui(ui: &mut Ui, state: &mut AppState) {
    text::column_ui(ui, |ui| {
        text::heading(ui, state.tr(Msg::Briefings));
        if button_ui(ui, state.word(Word::NewBriefing)).clicked() {
            state.new_briefing();
        }
    });
    ui.separator();
    let list = state.query("briefings", (), |s| s.briefings());
    if list.is_empty() {
        text::column_ui(ui, |ui| {
            text::paragraph(ui, state.word(Word::NoBriefings));
        });
        return;
    }
    let lang = state.lang();
    let rtl = lang.direction().is_rtl();
    let widths = [
        Column::remainder().at_least(80.0),
        Column::initial(80.0).at_least(40.0),
        Column::initial(110.0).at_least(40.0),
    ];
    let order = super::widgets::column_order(rtl, 3);
    let selected = state.selected_briefing;
    let mut clicked = None;
    super::widgets::table_builder(ui, "briefings-table", rtl, &widths, &order)
        .header(24.0, |mut header| {
            for &i in &order {
                header.col(|ui| {
                    let caption = match i {
                        Some(0) => state.tr(Msg::Title),
                        Some(1) => state.tr(Msg::Date),
                        Some(_) => state.word(Word::Updated),
                        None => return,
                    };
                    text::strong(ui, caption);
                });
            }
        })
        .body(|mut body| {
            for row in list.iter() {
                let id = row.id;
                let date = state
                    .query("briefing", id, |s| s.briefing(id))
                    .as_ref()
                    .as_ref()
                    .and_then(|b| b.date)
                    .map(|d| vocab::date(lang, &d))
                    .unwrap_or_default();
                body.row(24.0, |mut r| {
                    r.set_selected(selected == Some(id));
                    for &i in &order {
                        r.col(|ui| {
                            match i {
                                Some(0) => text::cell(ui, &row.title),
                                Some(1) => text::cell(ui, &date),
                                Some(_) => text::cell(ui, &short_time(&row.updated)),
                                None => return,
                            };
                        });
                    }
                    if r.response().clicked() {
                        clicked = Some(id);
                    }
                });
            }
        });
    if let Some(id) = clicked {
        state.selected_briefing = Some(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_time_is_shown_to_the_minute() {
        assert_eq!(short_time("2026-11-23T03:12:45.5Z"), "2026-11-23 03:12");
    }
}
