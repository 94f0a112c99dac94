//! The events view: filter bar, virtualised table (pages fetched on demand), editor pane.

use super::UiState;
use super::event_editor::{EventEditor, event_editor_ui};
use super::widgets::{button_ui, checkbox_ui, option_combo_ui};
use crate::app::{AppState, Command, Record};
use crate::i18n::{Msg, vocab};
use crate::model::{Event, EventKind, Reliability};
use crate::store::{EventSort, TrashKind};
use crate::text::{self, TextField};
use egui::Ui;
use egui_extras::Column;

/// Draws the events view.
pub fn events_view_ui(ui: &mut Ui, state: &mut AppState, ui_state: &mut UiState) {
    filter_bar_ui(ui, state);
    ui.separator();
    let editor = |ui: &mut Ui, state: &mut AppState| {
        sync_editor(state, ui_state);
        match &mut ui_state.event_editor {
            Some(editor) => {
                event_editor_ui(ui, state, editor);
                true
            }
            None => false,
        }
    };
    super::widgets::record_view_ui(ui, state, "event", (420.0, 320.0), editor, table_ui);
}

/// Keeps the editor on the selected event, reloading it after undo/redo or edits elsewhere.
fn sync_editor(state: &mut AppState, ui_state: &mut UiState) {
    let Some(id) = state.selected_event else {
        ui_state.event_editor = None;
        return;
    };
    let stale = ui_state
        .event_editor
        .as_ref()
        .is_none_or(|e| e.d.is_stale(id, state.generation));
    if stale {
        ui_state.event_editor = match state.store.event(id) {
            Ok(Some(event)) => Some(EventEditor::new(event, state.generation)),
            Ok(None) => {
                state.selected_event = None;
                None
            }
            Err(e) => {
                state.report(&e);
                None
            }
        };
    }
}

fn filter_bar_ui(ui: &mut Ui, state: &mut AppState) {
    let lang = state.lang();
    let mut f = state.settings.event_filter.clone();
    text::row_ui(ui, |ui| {
        text::strong(ui, state.tr(Msg::Filter));
        let mut kind = f.kinds.first().copied();
        if option_combo_ui(
            ui,
            "filter-kind",
            &mut kind,
            EventKind::ALL,
            state.tr(Msg::AllTypes),
            |k| vocab::event_kind(lang, k),
        ) {
            f.kinds = kind.into_iter().collect();
        }
        let mut grade = f.min_grade;
        if option_combo_ui(
            ui,
            "filter-grade",
            &mut grade,
            Reliability::ALL,
            state.tr(Msg::AnyGrade),
            |g| g.code(),
        ) {
            f.min_grade = grade;
        }
        date_filter_ui(ui, state.tr(Msg::From), "filter-from", &mut f.from);
        date_filter_ui(ui, state.tr(Msg::To), "filter-to", &mut f.to);
        let mut tag = f.tag.clone().unwrap_or_default();
        if TextField::singleline(&mut tag)
            .label(state.tr(Msg::Tag))
            .hint(state.tr(Msg::Tag))
            .desired_width(90.0)
            .id_salt("filter-tag")
            .show(ui)
            .changed()
        {
            f.tag = (!tag.trim().is_empty()).then(|| tag.trim().to_owned());
        }
        actor_filter_ui(ui, state, &mut f.actor);
        let mut text_filter = f.text.clone().unwrap_or_default();
        if TextField::singleline(&mut text_filter)
            .label(state.tr(Msg::Contains))
            .hint(state.tr(Msg::Contains))
            .desired_width(120.0)
            .id_salt("filter-text")
            .show(ui)
            .changed()
        {
            f.text = (!text_filter.trim().is_empty()).then_some(text_filter);
        }
        checkbox_ui(ui, &mut f.no_evidence, state.tr(Msg::NoEvidence));
        if !f.is_empty() && button_ui(ui, state.tr(Msg::Clear)).clicked() {
            f = Default::default();
        }
        if button_ui(ui, &format!("+ {}", state.tr(Msg::NewEvent))).clicked() {
            new_event(state);
        }
    });
    if f != state.settings.event_filter {
        state.settings.event_filter = f;
    }
}

/// The actor filter: a chip naming the chosen actor (click to clear), or a type-ahead field.
fn actor_filter_ui(ui: &mut Ui, state: &mut AppState, actor: &mut Option<crate::model::Id>) {
    match *actor {
        Some(id) => {
            let rtl = state.lang().direction().is_rtl();
            let name = state
                .query("actor", id, |s| s.actor(id))
                .as_ref()
                .as_ref()
                .map(|a| super::actor_picker::offer_caption(a, rtl))
                .unwrap_or_default();
            if button_ui(ui, &format!("{name} ✖")).clicked() {
                *actor = None;
            }
        }
        None => {
            let caption = state.tr(Msg::FilterActor);
            if let Some(id) =
                super::actor_picker::actor_picker_ui(ui, state, "filter-actor", caption)
            {
                *actor = Some(id);
            }
        }
    }
}

/// A year/month/day filter field: kept as typed, applied when it parses.
fn date_filter_ui(
    ui: &mut Ui,
    caption: &str,
    id: &str,
    value: &mut Option<crate::model::PartialDate>,
) {
    let buffer_id = egui::Id::unique(("date-filter-buffer", id));
    let mut buffer = ui
        .data(|d| d.get_temp::<String>(buffer_id))
        .unwrap_or_else(|| value.map(|v| v.to_string()).unwrap_or_default());
    let r = TextField::singleline(&mut buffer)
        .label(caption)
        .hint(caption)
        .desired_width(80.0)
        .id_salt(id)
        .show(ui);
    if r.changed() {
        let trimmed = buffer.trim();
        if trimmed.is_empty() {
            *value = None;
        } else if let Some(d) = crate::import::dates::parse_date(trimmed) {
            *value = Some(d);
        }
    }
    if value.is_none()
        && !r.has_focus()
        && !buffer.trim().is_empty()
        && crate::import::dates::parse_date(buffer.trim()).is_none()
    {
        ui.colored_label(ui.visuals().error_fg_color, "⚠");
    }
    ui.data_mut(|d| d.insert_temp(buffer_id, buffer));
}

fn sort_header_ui(ui: &mut Ui, state: &mut AppState, caption: &str, sort: EventSort) {
    let (current, desc) = state.event_sort;
    let arrow = if current == sort {
        if desc { " ▼" } else { " ▲" }
    } else {
        ""
    };
    let r =
        ui.add(egui::Button::new(text::widget_text(ui, &format!("{caption}{arrow}"))).frame(false));
    if r.clicked() {
        state.event_sort = if current == sort {
            (sort, !desc)
        } else {
            (sort, false)
        };
    }
}

/// The virtualised events table: only the visible rows are fetched and laid out.
fn table_ui(ui: &mut Ui, state: &mut AppState) {
    let total = state.event_total() as usize;
    let lang = state.lang();
    let rtl = lang.direction().is_rtl();
    let row_height = 24.0;
    let headers: [(Msg, Option<EventSort>); 7] = [
        (Msg::Date, Some(EventSort::Date)),
        (Msg::Title, Some(EventSort::Title)),
        (Msg::Type, Some(EventSort::Kind)),
        (Msg::Place, Some(EventSort::Place)),
        (Msg::ActorsField, None),
        (Msg::SourcesField, Some(EventSort::Sources)),
        (Msg::Grade, Some(EventSort::Grade)),
    ];
    // Sized so that all seven columns fit beside the editor at the window's default size;
    // the title takes what is left and every column can be resized.
    let widths = [
        Column::initial(118.0).at_least(60.0),
        Column::remainder().at_least(100.0),
        Column::initial(105.0).at_least(40.0),
        Column::initial(75.0).at_least(40.0),
        Column::initial(140.0).at_least(40.0),
        Column::initial(52.0).at_least(30.0),
        Column::initial(48.0).at_least(30.0),
    ];
    // In Arabic the first column stands at the right: the columns are laid out reversed.
    let order = super::widgets::column_order(rtl, 7);
    let builder = super::widgets::table_builder(ui, "events-table", rtl, &widths, &order);
    let selected = state.selected_event;
    let mut clicked = None;
    builder
        .header(row_height, |mut header| {
            for &i in &order {
                let Some(i) = i else {
                    header.col(|_| {});
                    continue;
                };
                header.col(|ui| {
                    let (msg, sort) = headers[i];
                    match sort {
                        Some(s) => sort_header_ui(ui, state, state.tr(msg), s),
                        None => {
                            text::strong(ui, state.tr(msg));
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, total, |mut row| {
                let index = row.index();
                let Some(r) = state.event_row(index).cloned() else {
                    return;
                };
                row.set_selected(Some(r.event.id) == selected);
                for &i in &order {
                    let Some(i) = i else {
                        row.col(|_| {});
                        continue;
                    };
                    row.col(|ui| {
                        match i {
                            0 => text::cell(
                                ui,
                                &r.event
                                    .start
                                    .map(|d| vocab::date(lang, &d))
                                    .unwrap_or_default(),
                            ),
                            1 => text::cell(ui, r.event.display_title(rtl)),
                            2 => text::cell(ui, vocab::event_kind(lang, r.event.kind)),
                            3 => text::cell(ui, r.event.place.as_deref().unwrap_or("")),
                            4 => text::cell(ui, &r.actors.join("، ")),
                            5 => text::cell(ui, &r.source_count.to_string()),
                            _ => {
                                let g = r.best_grade.map(|g| g.code()).unwrap_or("—");
                                text::cell(ui, g)
                            }
                        };
                    });
                }
                if row.response().clicked() {
                    clicked = Some(r.event.id);
                }
            });
        });
    if let Some(id) = clicked {
        state.selected_event = Some(id);
    }
}

/// Creates a new event (Ctrl+N) and selects it.
pub fn new_event(state: &mut AppState) {
    let mut e = Event::new(EventKind::Other);
    e.title_ar = Some(state.tr(Msg::UntitledEvent).to_owned());
    let id = e.id;
    if state.run(
        Command::Create(Record::Event(e)),
        state.tr(Msg::NewEvent).to_owned(),
    ) {
        state.selected_event = Some(id);
    }
}

/// Asks to delete the selected event.
pub fn ask_delete_selected(state: &mut AppState) {
    if let Some(id) = state.selected_event {
        let label = state
            .store
            .event(id)
            .ok()
            .flatten()
            .map(|e| e.display_title(true).to_owned())
            .unwrap_or_default();
        state.ask_delete(TrashKind::Event, id, label);
    }
}
