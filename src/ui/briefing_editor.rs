//! The briefing composer's form: metadata, scope and sections. Edits are kept in a draft and
//! saved as one undoable command when a field is left or a choice is made; an invalid draft is
//! kept, with the reason shown, until it is fixed (the preview shows the last valid version).

use super::briefing_preview::Preview;
use super::draft::Draft;
use super::widgets::{button_ui, checkbox_ui, combo_ui, form_row_ui, option_combo_ui};
use crate::app::AppState;
use crate::app::briefing_words::Word;
use crate::briefing::{Format, labels};
use crate::i18n::{Msg, vocab};
use crate::model::{
    ActorMatch, Briefing, BriefingLanguage, EventKind, Paper, PartialDate, Reliability, SectionKind,
};
use crate::store::SearchKind;
use crate::text::{self, TextField, TextStyleSpec};
use egui::Ui;

/// The draft of the briefing open in the composer.
pub struct BriefingEditor {
    pub(super) d: Draft<Briefing>,
    date_text: String,
    from_text: String,
    to_text: String,
    tags_text: String,
    event_query: String,
    confirm_delete: bool,
    /// The live preview of the draft.
    pub preview: Preview,
}

impl BriefingEditor {
    /// Starts editing `b` as stored at `generation`.
    pub fn new(b: Briefing, generation: u64) -> Self {
        let show = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            date_text: show(b.date),
            from_text: show(b.scope.from),
            to_text: show(b.scope.to),
            tags_text: b.scope.tags.join("، "),
            d: Draft::new(b, generation),
            event_query: String::new(),
            confirm_delete: false,
            preview: Preview::default(),
        }
    }

    /// The id of the briefing being edited.
    pub fn id(&self) -> crate::model::Id {
        self.d.id()
    }

    /// Refreshes the preview for the draft.
    pub fn refresh_preview(&mut self, state: &mut AppState) {
        self.preview.refresh(state, &self.d.draft, &self.d.saved);
    }
}

/// The briefing language a UI language shows section names in.
fn ui_briefing_lang(state: &AppState) -> BriefingLanguage {
    state.briefing_language()
}

/// Draws the composer form.
pub fn briefing_editor_ui(ui: &mut Ui, state: &mut AppState, ed: &mut BriefingEditor) {
    let commit = std::cell::Cell::new(false);
    text::column_ui(ui, |ui| {
        text::heading(ui, &ed.d.draft.title);
        actions_ui(ui, state, ed);
        ui.separator();
        metadata_ui(ui, state, ed, &commit);
        super::widgets::error_line_ui(ui, ed.d.error.as_deref());
        ui.separator();
        text::strong(ui, state.word(Word::Scope));
        scope_ui(ui, state, ed, &commit);
        ui.separator();
        text::strong(ui, state.word(Word::Sections));
        sections_ui(ui, state, ed, &commit);
    });
    if commit.get() {
        ed.d.commit(state);
    }
}

/// Duplicate, delete (with confirmation), export in each format, print.
fn actions_ui(ui: &mut Ui, state: &mut AppState, ed: &mut BriefingEditor) {
    let id = ed.d.id();
    text::wrapped_row_ui(ui, |ui| {
        if button_ui(ui, state.tr(Msg::Duplicate)).clicked() {
            ed.d.commit(state);
            state.duplicate_briefing(id);
        }
        if button_ui(ui, state.tr(Msg::Delete)).clicked() {
            ed.confirm_delete = true;
        }
    });
    if ed.confirm_delete {
        text::wrapped_row_ui(ui, |ui| {
            text::rich(
                ui,
                state.word(Word::ConfirmDelete),
                TextStyleSpec {
                    color: Some(ui.visuals().warn_fg_color),
                    ..Default::default()
                },
            );
            if button_ui(ui, state.word(Word::DeleteBriefing)).clicked() {
                ed.confirm_delete = false;
                state.delete_briefing(id);
            }
            if button_ui(ui, state.tr(Msg::Cancel)).clicked() {
                ed.confirm_delete = false;
            }
        });
    }
    text::wrapped_row_ui(ui, |ui| {
        text::weak(ui, state.word(Word::Export));
        for (format, caption) in [
            (Format::Pdf, "PDF"),
            (Format::Html, "HTML"),
            (Format::Markdown, "Markdown"),
            (Format::Docx, "DOCX"),
        ] {
            if button_ui(ui, caption).clicked() {
                ed.d.commit(state);
                crate::app::briefing::export_dialog(state, id, format);
            }
        }
        if button_ui(ui, state.word(Word::Print)).clicked() {
            ed.d.commit(state);
            crate::app::briefing::print(state, id);
        }
    });
}

fn metadata_ui(
    ui: &mut Ui,
    state: &mut AppState,
    ed: &mut BriefingEditor,
    commit: &std::cell::Cell<bool>,
) {
    let on_leave = |r: egui::Response| commit.set(commit.get() | r.lost_focus());
    form_row_ui(ui, state.tr(Msg::Title), |ui| {
        on_leave(super::widgets::text_ui(
            ui,
            state.tr(Msg::Title),
            &mut ed.d.draft.title,
            false,
        ))
    });
    for (word, value) in [
        (Word::Subtitle, &mut ed.d.draft.subtitle),
        (Word::Author, &mut ed.d.draft.author),
        (Word::Handling, &mut ed.d.draft.handling),
    ] {
        let caption = state.word(word);
        form_row_ui(ui, caption, |ui| {
            on_leave(super::widgets::optional_text_ui(ui, caption, value, false))
        });
    }
    form_row_ui(ui, state.tr(Msg::Date), |ui| {
        on_leave(super::widgets::date_field_ui(
            ui,
            state,
            state.tr(Msg::Date),
            &mut ed.date_text,
            &mut ed.d.draft.date,
        ))
    });
    form_row_ui(ui, state.tr(Msg::Language), |ui| {
        let names = |l: BriefingLanguage| match l {
            BriefingLanguage::Ar => state.word(Word::Arabic),
            BriefingLanguage::En => state.word(Word::English),
        };
        let langs = [BriefingLanguage::Ar, BriefingLanguage::En];
        if combo_ui(
            ui,
            "briefing-language",
            &mut ed.d.draft.language,
            &langs,
            names,
        ) {
            commit.set(true);
        }
    });
    form_row_ui(ui, state.word(Word::Paper), |ui| {
        let papers = [Paper::A4, Paper::Letter];
        if combo_ui(
            ui,
            "briefing-paper",
            &mut ed.d.draft.paper,
            &papers,
            |p| match p {
                Paper::A4 => "A4",
                Paper::Letter => "Letter",
            },
        ) {
            commit.set(true);
        }
    });
}

fn scope_ui(
    ui: &mut Ui,
    state: &mut AppState,
    ed: &mut BriefingEditor,
    commit: &std::cell::Cell<bool>,
) {
    let on_leave = |r: egui::Response| commit.set(commit.get() | r.lost_focus());
    if ed.d.draft.scope.is_everything() {
        text::weak(ui, state.word(Word::WholeStore));
    }
    form_row_ui(ui, state.tr(Msg::From), |ui| {
        on_leave(super::widgets::date_field_ui(
            ui,
            state,
            state.tr(Msg::From),
            &mut ed.from_text,
            &mut ed.d.draft.scope.from,
        ))
    });
    form_row_ui(ui, state.tr(Msg::To), |ui| {
        on_leave(super::widgets::date_field_ui(
            ui,
            state,
            state.tr(Msg::To),
            &mut ed.to_text,
            &mut ed.d.draft.scope.to,
        ))
    });
    scope_actors_ui(ui, state, ed, commit);
    scope_kinds_ui(ui, state, ed, commit);
    form_row_ui(ui, state.word(Word::ScopeTags), |ui| {
        let r = TextField::singleline(&mut ed.tags_text)
            .label(state.word(Word::ScopeTags))
            .hint(state.tr(Msg::TagsHint))
            .desired_width(ui.available_width())
            .show(ui);
        if r.changed() {
            ed.d.draft.scope.tags = super::widgets::split_tags(&ed.tags_text);
        }
        on_leave(r);
    });
    form_row_ui(ui, state.word(Word::MinGrade), |ui| {
        if option_combo_ui(
            ui,
            "briefing-min-grade",
            &mut ed.d.draft.scope.min_grade,
            Reliability::ALL,
            state.tr(Msg::AnyGrade),
            |g| g.code(),
        ) {
            commit.set(true);
        }
    });
    picked_events_ui(ui, state, ed, commit);
}

fn scope_actors_ui(
    ui: &mut Ui,
    state: &mut AppState,
    ed: &mut BriefingEditor,
    commit: &std::cell::Cell<bool>,
) {
    let rtl = state.lang().direction().is_rtl();
    let mut remove = None;
    form_row_ui(ui, state.word(Word::ScopeActors), |ui| {
        text::wrapped_row_ui(ui, |ui| {
            for (i, id) in ed.d.draft.scope.actors.iter().enumerate() {
                let id = *id;
                let name = state
                    .query("actor", id, |s| s.actor(id))
                    .as_ref()
                    .as_ref()
                    .map(|a| super::actor_picker::offer_caption(a, rtl))
                    .unwrap_or_else(|| id.to_string());
                if button_ui(ui, &format!("{name} ✖")).clicked() {
                    remove = Some(i);
                }
            }
        });
    });
    if let Some(i) = remove {
        ed.d.draft.scope.actors.remove(i);
        commit.set(true);
    }
    text::wrapped_row_ui(ui, |ui| {
        let caption = state.word(Word::AddActor);
        if let Some(id) =
            super::actor_picker::actor_picker_ui(ui, state, "briefing-scope-actor", caption)
            && !ed.d.draft.scope.actors.contains(&id)
        {
            ed.d.draft.scope.actors.push(id);
            commit.set(true);
        }
    });
    if ed.d.draft.scope.actors.len() > 1 {
        let names = |m: ActorMatch| match m {
            ActorMatch::Any => state.word(Word::AnyActor),
            ActorMatch::All => state.word(Word::AllActors),
        };
        let options = [ActorMatch::Any, ActorMatch::All];
        if combo_ui(
            ui,
            "briefing-actor-match",
            &mut ed.d.draft.scope.actor_match,
            &options,
            names,
        ) {
            commit.set(true);
        }
    }
}

fn scope_kinds_ui(
    ui: &mut Ui,
    state: &mut AppState,
    ed: &mut BriefingEditor,
    commit: &std::cell::Cell<bool>,
) {
    let lang = state.lang();
    let mut remove = None;
    let mut add = None;
    form_row_ui(ui, state.word(Word::EventTypes), |ui| {
        text::wrapped_row_ui(ui, |ui| {
            for (i, k) in ed.d.draft.scope.event_kinds.iter().enumerate() {
                if button_ui(ui, &format!("{} ✖", vocab::event_kind(lang, *k))).clicked() {
                    remove = Some(i);
                }
            }
            let offered: Vec<EventKind> = EventKind::ALL
                .iter()
                .copied()
                .filter(|k| !ed.d.draft.scope.event_kinds.contains(k))
                .collect();
            let mut choice: Option<EventKind> = None;
            if option_combo_ui(
                ui,
                "briefing-add-kind",
                &mut choice,
                &offered,
                state.word(Word::AddType),
                |k| vocab::event_kind(lang, k),
            ) {
                add = choice;
            }
        });
    });
    if let Some(i) = remove {
        ed.d.draft.scope.event_kinds.remove(i);
        commit.set(true);
    }
    if let Some(k) = add {
        ed.d.draft.scope.event_kinds.push(k);
        commit.set(true);
    }
}

/// The hand-picked events: the list with a remove button each, a search to add one, and a
/// button adding the event selected in the Events view.
fn picked_events_ui(
    ui: &mut Ui,
    state: &mut AppState,
    ed: &mut BriefingEditor,
    commit: &std::cell::Cell<bool>,
) {
    let rtl = state.lang().direction().is_rtl();
    text::weak(ui, state.word(Word::PickedEvents));
    let mut remove = None;
    for (i, id) in ed.d.draft.scope.events.iter().enumerate() {
        let id = *id;
        let title = state
            .query("event", id, |s| s.event(id))
            .as_ref()
            .as_ref()
            .map(|e| e.display_title(rtl).to_owned())
            .unwrap_or_else(|| id.to_string());
        if button_ui(ui, &format!("{title} ✖")).clicked() {
            remove = Some(i);
        }
    }
    if let Some(i) = remove {
        ed.d.draft.scope.events.remove(i);
        commit.set(true);
    }
    let mut add = None;
    text::row_ui(ui, |ui| {
        TextField::singleline(&mut ed.event_query)
            .label(state.word(Word::FindEvent))
            .hint(state.word(Word::FindEvent))
            .desired_width(200.0)
            .id_salt("briefing-find-event")
            .show(ui);
        if let Some(sel) = state.selected_event
            && !ed.d.draft.scope.events.contains(&sel)
            && button_ui(ui, state.word(Word::AddSelectedEvent)).clicked()
        {
            add = Some(sel);
        }
    });
    let query = ed.event_query.trim().to_owned();
    if !query.is_empty() {
        let hits = state.query("briefing-event-search", &query, |s| {
            s.search(&query, Some(SearchKind::Event), 8)
        });
        for h in hits.iter() {
            if !ed.d.draft.scope.events.contains(&h.id)
                && button_ui(ui, &format!("+ {}", h.title)).clicked()
            {
                add = Some(h.id);
            }
        }
    }
    if let Some(id) = add {
        ed.d.draft.scope.events.push(id);
        ed.event_query.clear();
        commit.set(true);
    }
}

/// One row per section: on/off, up/down, and its text when it has one.
fn sections_ui(
    ui: &mut Ui,
    state: &mut AppState,
    ed: &mut BriefingEditor,
    commit: &std::cell::Cell<bool>,
) {
    let lang = ui_briefing_lang(state);
    let count = ed.d.draft.sections.len();
    let mut swap = None;
    for i in 0..count {
        let kind = ed.d.draft.sections[i].kind;
        let heading = labels::section(lang, kind);
        text::row_ui(ui, |ui| {
            let s = &mut ed.d.draft.sections[i];
            if checkbox_ui(ui, &mut s.enabled, heading).changed() {
                commit.set(true);
            }
            if i > 0 && move_button_ui(ui, "▲", &format!("{}: {heading}", state.word(Word::MoveUp)))
            {
                swap = Some((i - 1, i));
            }
            if i + 1 < count
                && move_button_ui(
                    ui,
                    "▼",
                    &format!("{}: {heading}", state.word(Word::MoveDown)),
                )
            {
                swap = Some((i, i + 1));
            }
        });
        let s = &mut ed.d.draft.sections[i];
        if kind.is_figure() {
            if s.enabled {
                text::weak(ui, state.word(Word::FigureNote));
            }
            continue;
        }
        if !s.enabled {
            continue;
        }
        let word = if kind.is_user_text() || kind == SectionKind::Methodology {
            Word::SectionText
        } else {
            Word::Introduction
        };
        let caption = format!("{}: {heading}", state.word(word));
        let rows = if kind.is_user_text() { 4 } else { 2 };
        let r = TextField::multiline(&mut s.text)
            .label(&caption)
            .hint(&caption)
            .desired_rows(rows)
            .desired_width(ui.available_width())
            .id_salt(("briefing-section-text", i))
            .show(ui);
        commit.set(commit.get() | r.lost_focus());
    }
    if let Some((a, b)) = swap {
        ed.d.draft.sections.swap(a, b);
        commit.set(true);
    }
}

/// A small arrow button with a spoken name ("Move up: Chronology").
fn move_button_ui(ui: &mut Ui, arrow: &str, name: &str) -> bool {
    let r = ui.small_button(text::widget_text(ui, arrow));
    super::widgets::name_widget(ui, &r, name);
    r.on_hover_text(text::widget_text(ui, name)).clicked()
}
