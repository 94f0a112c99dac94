//! The menu bar: File, Edit, View, Help.

use super::{UiState, view_msg, widgets::button_ui};
use crate::app::{AppState, View, actions};
use crate::i18n::{Lang, Msg};
use crate::text;
use egui::Ui;

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut Ui, state: &mut AppState, ui_state: &mut UiState) {
    egui::MenuBar::new().ui(ui, |ui| {
        text::row_ui(ui, |ui| {
            ui.menu_button(text::widget_text(ui, state.tr(Msg::MenuFile)), |ui| {
                file_menu_ui(ui, state, ui_state)
            });
            ui.menu_button(text::widget_text(ui, state.tr(Msg::MenuEdit)), |ui| {
                edit_menu_ui(ui, state, ui_state)
            });
            ui.menu_button(text::widget_text(ui, state.tr(Msg::MenuView)), |ui| {
                view_menu_ui(ui, state)
            });
            ui.menu_button(text::widget_text(ui, state.tr(Msg::MenuHelp)), |ui| {
                help_menu_ui(ui, state)
            });
        });
    });
}

fn file_menu_ui(ui: &mut Ui, state: &mut AppState, ui_state: &mut UiState) {
    if button_ui(ui, state.tr(Msg::NewStore)).clicked() {
        actions::new_store_dialog(state);
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::OpenStore)).clicked() {
        actions::open_store_dialog(state);
        ui.close();
    }
    let current = state.store.path().to_owned();
    let recent: Vec<_> = state
        .settings
        .recent
        .iter()
        .filter(|p| **p != current)
        .cloned()
        .collect();
    ui.menu_button(text::widget_text(ui, state.tr(Msg::RecentStores)), |ui| {
        for path in &recent {
            if button_ui(ui, &path.display().to_string()).clicked() {
                actions::switch_store(state, path);
                ui.close();
            }
        }
    });
    ui.separator();
    if button_ui(ui, state.tr(Msg::Import)).clicked() {
        actions::import_dialog(state);
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::CaptureArticle)).clicked() {
        crate::app::capture::capture_dialog(state);
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::PasteArticle)).clicked() {
        ui_state.paste = Some(String::new());
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::Export)).clicked() {
        state.dialogs.export = Some("marsad-json");
        ui.close();
    }
    if button_ui(
        ui,
        state.word(crate::app::briefing_words::Word::NewBriefing),
    )
    .clicked()
    {
        state.new_briefing();
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::Backup)).clicked() {
        actions::backup_now(state);
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::Trash)).clicked() {
        state.dialogs.trash = true;
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::Backups)).clicked() {
        state.dialogs.backups = Some(None);
        ui.close();
    }
    ui.separator();
    if button_ui(ui, state.tr(Msg::Quit)).clicked() {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

fn edit_menu_ui(ui: &mut Ui, state: &mut AppState, ui_state: &mut UiState) {
    let undo = match state.history.undo_label() {
        Some(l) => format!("{} — {l}", state.tr(Msg::Undo)),
        None => state.tr(Msg::Undo).to_owned(),
    };
    if ui
        .add_enabled(
            state.history.undo_label().is_some(),
            egui::Button::new(text::widget_text(ui, &undo)),
        )
        .clicked()
    {
        ui_state.event_editor = None;
        state.undo();
        ui.close();
    }
    let redo = match state.history.redo_label() {
        Some(l) => format!("{} — {l}", state.tr(Msg::Redo)),
        None => state.tr(Msg::Redo).to_owned(),
    };
    if ui
        .add_enabled(
            state.history.redo_label().is_some(),
            egui::Button::new(text::widget_text(ui, &redo)),
        )
        .clicked()
    {
        ui_state.event_editor = None;
        state.redo();
        ui.close();
    }
    ui.separator();
    if button_ui(ui, state.tr(Msg::Delete)).clicked() {
        match state.settings.view {
            View::Events => super::events::ask_delete_selected(state),
            View::Actors => super::actors::ask_delete_selected(state),
            View::Sources => super::sources::ask_delete_selected(state),
            _ => {}
        }
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::Find)).clicked() {
        state.search.open = true;
        state.search.focus = true;
        ui.close();
    }
}

fn view_menu_ui(ui: &mut Ui, state: &mut AppState) {
    for view in View::ALL {
        if super::widgets::selectable_ui(ui, state.settings.view == view, state.tr(view_msg(view)))
            .clicked()
        {
            state.settings.view = view;
            ui.close();
        }
    }
    ui.separator();
    ui.menu_button(text::widget_text(ui, state.tr(Msg::Language)), |ui| {
        for lang in Lang::ALL {
            if super::widgets::selectable_ui(ui, state.settings.lang == lang, lang.native_name())
                .clicked()
            {
                state.settings.lang = lang;
                state.touch();
                ui.close();
            }
        }
    });
    let theme = if state.settings.dark {
        Msg::ThemeLight
    } else {
        Msg::ThemeDark
    };
    if button_ui(ui, state.tr(theme)).clicked() {
        state.settings.dark = !state.settings.dark;
        ui.close();
    }
}

fn help_menu_ui(ui: &mut Ui, state: &mut AppState) {
    if button_ui(ui, state.tr(Msg::About)).clicked() {
        state.dialogs.about = true;
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::KeyboardShortcuts)).clicked() {
        state.dialogs.shortcuts = true;
        ui.close();
    }
    if button_ui(ui, state.tr(Msg::TextGallery)).clicked() {
        state.dialogs.gallery = true;
        ui.close();
    }
}
