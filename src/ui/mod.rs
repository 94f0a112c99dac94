//! Drawing. Functions here read and change [`AppState`]; they never touch SQL.

mod actor_picker;
mod actors;
mod briefing_editor;
mod briefing_preview;
mod briefings;
mod capture;
mod dialogs;
mod draft;
mod event_editor;
mod events;
mod import_review;
mod menu;
pub mod network;
pub mod png_export;
pub mod scene;
mod search;
mod sources;
mod status;
pub mod timeline;
mod widgets;

use crate::app::{AppState, View};
use crate::i18n::Msg;
use crate::text;
use egui::Ui;

pub use event_editor::EventEditor;

/// UI-only state that is not persisted: editors' drafts and text buffers.
#[derive(Default)]
pub struct UiState {
    /// The event being edited.
    pub event_editor: Option<EventEditor>,
    /// The actor being edited.
    pub actor_editor: Option<actors::ActorEditor>,
    /// The source being edited.
    pub source_editor: Option<sources::SourceEditor>,
    /// Text gallery state.
    pub gallery: crate::text::GalleryState,
    /// The paste-an-article box, when open, with what was pasted so far.
    pub paste: Option<String>,
    /// Timeline view state.
    pub timeline: timeline::TimelineState,
    /// Network view state.
    pub network: network::NetworkState,
    /// The briefing open in the composer.
    pub briefing_editor: Option<briefing_editor::BriefingEditor>,
}

/// The whole window.
pub fn app_ui(ui: &mut Ui, state: &mut AppState, ui_state: &mut UiState) {
    let ctx = ui.ctx().clone();
    text::set_direction(&ctx, state.lang().direction());
    state.poll_jobs();
    shortcuts(&ctx, state, ui_state);
    egui::Panel::top("menu").show(ui, |ui| menu::menu_bar_ui(ui, state, ui_state));
    egui::Panel::bottom("status").show(ui, |ui| status::status_bar_ui(ui, state));
    let nav = if state.lang().direction().is_rtl() {
        egui::Panel::right("nav")
    } else {
        egui::Panel::left("nav")
    };
    nav.resizable(false)
        .exact_size(150.0)
        .show(ui, |ui| navigation_ui(ui, state));
    egui::CentralPanel::default().show(ui, |ui| match state.settings.view {
        View::Events => events::events_view_ui(ui, state, ui_state),
        View::Actors => actors::actors_view_ui(ui, state, ui_state),
        View::Sources => sources::sources_view_ui(ui, state, ui_state),
        View::Timeline => timeline::timeline_view_ui(ui, state, &mut ui_state.timeline),
        View::Network => network::network_view_ui(ui, state, &mut ui_state.network),
        View::Briefings => briefings::briefings_view_ui(ui, state, ui_state),
    });
    dialogs::dialogs_ui(&ctx, state, ui_state);
    search::search_window_ui(&ctx, state);
    capture::capture_windows_ui(&ctx, state, &mut ui_state.paste);
    crate::app::import_review::poll_import(state);
    import_review::import_window_ui(&ctx, state);
    if !state.jobs.is_empty() {
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }
}

/// The views of the navigation panel.
fn navigation_ui(ui: &mut Ui, state: &mut AppState) {
    text::column_ui(ui, |ui| {
        ui.add_space(8.0);
        for view in View::ALL {
            let caption = state.tr(view_msg(view));
            let r = widgets::selectable_ui(ui, state.settings.view == view, caption);
            if r.clicked() {
                state.settings.view = view;
            }
        }
        ui.add_space(16.0);
        ui.separator();
        let s = state.stats();
        for (msg, n) in [
            (Msg::Events, s.events),
            (Msg::Actors, s.actors),
            (Msg::Sources, s.sources),
            (Msg::Excerpts, s.excerpts),
        ] {
            text::weak(ui, &format!("{}: {n}", state.tr(msg)));
        }
    });
}

/// The message naming a view.
pub(crate) fn view_msg(view: View) -> Msg {
    match view {
        View::Events => Msg::Events,
        View::Actors => Msg::Actors,
        View::Sources => Msg::Sources,
        View::Timeline => Msg::Timeline,
        View::Network => Msg::Network,
        View::Briefings => Msg::Briefings,
    }
}

/// Keyboard shortcuts that work everywhere (text fields consume their own Ctrl+Z first).
fn shortcuts(ctx: &egui::Context, state: &mut AppState, ui_state: &mut UiState) {
    use egui::{Key, KeyboardShortcut, Modifiers};
    let redo_shift = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
    let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
    let new = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
    let editing_text = ctx.memory(|m| m.focused().is_some());
    let (do_redo, do_undo, do_find, do_new, esc, delete) = ctx.input_mut(|i| {
        let r = i.consume_shortcut(&redo_shift) || i.consume_shortcut(&redo_y);
        let u = !editing_text && i.consume_shortcut(&undo);
        let f = i.consume_shortcut(&find);
        let n = i.consume_shortcut(&new);
        let esc = i.key_pressed(Key::Escape);
        let del = !editing_text && i.key_pressed(Key::Delete);
        (r && !editing_text, u, f, n, esc, del)
    });
    if do_undo {
        ui_state.event_editor = None;
        state.undo();
    }
    if do_redo {
        ui_state.event_editor = None;
        state.redo();
    }
    if do_find {
        state.search.open = true;
        state.search.focus = true;
    }
    if do_new {
        match state.settings.view {
            View::Events => events::new_event(state),
            View::Actors => actors::new_actor(state),
            View::Sources => sources::new_source(state),
            View::Briefings => {
                state.new_briefing();
            }
            _ => {}
        }
    }
    if esc {
        state.search.open = false;
        state.pending_delete = None;
        state.dialogs = Default::default();
    }
    if delete {
        match state.settings.view {
            View::Events => events::ask_delete_selected(state),
            View::Actors => actors::ask_delete_selected(state),
            View::Sources => sources::ask_delete_selected(state),
            _ => {}
        }
    }
}

/// Saves every editor's pending draft (on exit, or before leaving a store). A draft that is not
/// valid yet is kept in the settings, so that nothing typed is lost.
pub fn flush_edits(state: &mut AppState, ui_state: &mut UiState) {
    if let Some(ed) = &mut ui_state.event_editor {
        ed.d.flush(state);
    }
    if let Some(ed) = &mut ui_state.actor_editor {
        ed.d.flush(state);
    }
    if let Some(ed) = &mut ui_state.source_editor {
        ed.d.flush(state);
    }
    if let Some(ed) = &mut ui_state.briefing_editor {
        ed.d.flush(state);
    }
}
