//! The sources view: table, metadata editor with grades, and a reader of the full text where
//! existing excerpts are listed and a selection becomes a new excerpt with its character range.

use super::UiState;
use super::draft::Draft;
use super::widgets::{button_ui, combo_ui, form_row_ui, grade_color, optional_text_ui, text_ui};
use crate::app::{AppState, Command, Record, View};
use crate::i18n::{Msg, vocab};
use crate::model::{Credibility, Excerpt, Id, Reliability, Source, SourceKind};
use crate::store::TrashKind;
use crate::text::{self, TextField, TextStyleSpec};
use egui::Ui;
use egui_extras::Column;

/// Draft of the source being edited.
pub struct SourceEditor {
    pub(super) d: Draft<Source>,
    published_text: String,
    reader_text: String,
    credibility: Credibility,
}

impl SourceEditor {
    fn new(source: Source, generation: u64) -> Self {
        Self {
            published_text: source.published.map(|d| d.to_string()).unwrap_or_default(),
            reader_text: source.full_text.clone().unwrap_or_default(),
            d: Draft::new(source, generation),
            credibility: Credibility::new(3).unwrap_or(Credibility::UNKNOWN),
        }
    }
}

/// Draws the sources view.
pub fn sources_view_ui(ui: &mut Ui, state: &mut AppState, ui_state: &mut UiState) {
    text::row_ui(ui, |ui| {
        if button_ui(ui, &format!("+ {}", state.tr(Msg::NewSource))).clicked() {
            new_source(state);
        }
    });
    ui.separator();
    sync(state, ui_state);
    let editor = |ui: &mut Ui, state: &mut AppState| match &mut ui_state.source_editor {
        Some(ed) => {
            editor_ui(ui, state, ed);
            true
        }
        None => false,
    };
    super::widgets::record_view_ui(ui, state, "source", (620.0, 380.0), editor, table_ui);
}

fn sync(state: &mut AppState, ui_state: &mut UiState) {
    let Some(id) = state.selected_source else {
        ui_state.source_editor = None;
        return;
    };
    let stale = ui_state
        .source_editor
        .as_ref()
        .is_none_or(|e| e.d.is_stale(id, state.generation));
    if stale {
        ui_state.source_editor = state
            .store
            .source(id)
            .ok()
            .flatten()
            .map(|s| SourceEditor::new(s, state.generation));
    }
}

fn table_ui(ui: &mut Ui, state: &mut AppState) {
    let total = state.source_total() as usize;
    let lang = state.lang();
    let rtl = lang.direction().is_rtl();
    let headers = [
        Msg::Outlet,
        Msg::Title,
        Msg::Date,
        Msg::Language,
        Msg::Grade,
        Msg::Excerpts,
    ];
    let widths = [
        Column::initial(120.0),
        Column::remainder().at_least(200.0),
        Column::initial(110.0),
        Column::initial(50.0),
        Column::initial(50.0),
        Column::initial(60.0),
    ];
    let order = super::widgets::column_order(rtl, 6);
    let b = super::widgets::table_builder(ui, "sources-table", rtl, &widths, &order);
    let selected = state.selected_source;
    let mut clicked = None;
    b.header(24.0, |mut h| {
        for &i in &order {
            let Some(i) = i else {
                h.col(|_| {});
                continue;
            };
            h.col(|ui| {
                text::strong(ui, state.tr(headers[i]));
            });
        }
    })
    .body(|body| {
        body.rows(24.0, total, |mut row| {
            let Some(r) = state.source_row(row.index()).cloned() else {
                return;
            };
            row.set_selected(Some(r.source.id) == selected);
            for &i in &order {
                let Some(i) = i else {
                    row.col(|_| {});
                    continue;
                };
                row.col(|ui| {
                    match i {
                        0 => text::cell(ui, r.source.outlet.as_deref().unwrap_or("")),
                        1 => text::cell(ui, &r.source.title),
                        2 => text::cell(
                            ui,
                            &r.source
                                .published
                                .map(|d| vocab::date(lang, &d))
                                .unwrap_or_default(),
                        ),
                        3 => text::cell(ui, r.source.language.as_deref().unwrap_or("")),
                        4 => text::rich(
                            ui,
                            r.source.reliability.code(),
                            TextStyleSpec {
                                color: Some(grade_color(ui, r.source.reliability)),
                                bold: true,
                                ..Default::default()
                            },
                        ),
                        _ => text::cell(ui, &r.excerpt_count.to_string()),
                    };
                });
            }
            if row.response().clicked() {
                clicked = Some(r.source.id);
            }
        });
    });
    if let Some(id) = clicked {
        state.selected_source = Some(id);
    }
}

fn editor_ui(ui: &mut Ui, state: &mut AppState, ed: &mut SourceEditor) {
    let lang = state.lang();
    let commit = std::cell::Cell::new(false);
    text::column_ui(ui, |ui| {
        text::heading(ui, &ed.d.draft.title);
        if button_ui(ui, state.tr(Msg::Delete)).clicked() {
            state.ask_delete(TrashKind::Source, ed.d.saved.id, ed.d.saved.title.clone());
        }
        let leave = |r: egui::Response| commit.set(commit.get() | r.lost_focus());
        form_row_ui(ui, state.tr(Msg::Title), |ui| {
            leave(text_ui(
                ui,
                state.tr(Msg::Title),
                &mut ed.d.draft.title,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Outlet), |ui| {
            leave(optional_text_ui(
                ui,
                state.tr(Msg::Outlet),
                &mut ed.d.draft.outlet,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Kind), |ui| {
            commit.set(
                commit.get()
                    | combo_ui(
                        ui,
                        "source-kind",
                        &mut ed.d.draft.kind,
                        SourceKind::ALL,
                        |k| vocab::source_kind(lang, k),
                    ),
            )
        });
        form_row_ui(ui, state.tr(Msg::Published), |ui| {
            let r = TextField::singleline(&mut ed.published_text)
                .label(state.tr(Msg::Published))
                .desired_width(140.0)
                .show(ui);
            if r.changed() {
                let t = ed.published_text.trim();
                ed.d.draft.published = if t.is_empty() {
                    None
                } else {
                    crate::import::dates::parse_date(t).or(ed.d.draft.published)
                };
            }
            if let Some(d) = ed.d.draft.published {
                text::weak(ui, &format!("= {}", vocab::date(lang, &d)));
            }
            leave(r);
        });
        form_row_ui(ui, state.tr(Msg::Url), |ui| {
            leave(optional_text_ui(
                ui,
                state.tr(Msg::Url),
                &mut ed.d.draft.url,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Language), |ui| {
            leave(optional_text_ui(
                ui,
                state.tr(Msg::Language),
                &mut ed.d.draft.language,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Reliability), |ui| {
            commit.set(
                commit.get()
                    | combo_ui(
                        ui,
                        "source-grade",
                        &mut ed.d.draft.reliability,
                        Reliability::ALL,
                        |g| grade_name(lang, g),
                    ),
            );
        });
        text::weak(ui, state.tr(Msg::Notes));
        commit.set(
            commit.get()
                | optional_text_ui(ui, state.tr(Msg::Notes), &mut ed.d.draft.notes, true)
                    .lost_focus(),
        );
        super::widgets::error_line_ui(ui, ed.d.error.as_deref());
        ui.separator();
        excerpts_ui(ui, state, ed.d.saved.id);
        ui.separator();
        reader_ui(ui, state, ed);
    });
    if commit.get() {
        ed.d.commit(state);
    }
}

fn grade_name(lang: crate::i18n::Lang, g: Reliability) -> String {
    format!("{} — {}", g.code(), vocab::reliability(lang, g))
}

/// The source's excerpts and what each supports.
fn excerpts_ui(ui: &mut Ui, state: &mut AppState, source: Id) {
    let lang = state.lang();
    text::strong(ui, state.tr(Msg::Excerpts));
    let excerpts = state.query("excerpts_of", source, |s| s.excerpts_of(source));
    for x in excerpts.iter() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            text::column_ui(ui, |ui| {
                text::rich(
                    ui,
                    &format!("«{}»", x.text),
                    TextStyleSpec {
                        reading: true,
                        wrap: true,
                        ..Default::default()
                    },
                );
                text::weak(
                    ui,
                    &format!(
                        "{} {} — {}",
                        state.tr(Msg::Credibility),
                        x.credibility,
                        vocab::credibility(lang, x.credibility.value())
                    ),
                );
                let xid = x.id;
                let evidence =
                    state.query("evidence_of_excerpt", xid, |s| s.evidence_of_excerpt(xid));
                for ev in evidence.iter() {
                    if let crate::model::EvidenceTarget::Event(id) = ev.target
                        && let Some(e) = Option::clone(&state.query("event", id, |s| s.event(id)))
                        && ui
                            .add(
                                egui::Button::new(text::widget_text(
                                    ui,
                                    &format!(
                                        "{} {}",
                                        if lang.direction().is_rtl() {
                                            "←"
                                        } else {
                                            "→"
                                        },
                                        e.display_title(lang.direction().is_rtl())
                                    ),
                                ))
                                .frame(false),
                            )
                            .clicked()
                    {
                        state.selected_event = Some(id);
                        state.settings.view = View::Events;
                    }
                }
            });
        });
    }
}

/// The full text, bidi-correct and wrapped; select a passage and make it an excerpt.
fn reader_ui(ui: &mut Ui, state: &mut AppState, ed: &mut SourceEditor) {
    text::strong(ui, state.tr(Msg::FullText));
    if ed.d.saved.full_text.is_none() {
        text::weak(ui, state.tr(Msg::NoFullText));
        return;
    }
    let r = TextField::multiline(&mut ed.reader_text)
        .label(state.tr(Msg::FullText))
        .read_only(true)
        .desired_rows(18)
        .desired_width(ui.available_width())
        .id_salt(("reader", ed.d.saved.id))
        .show(ui);
    let selection = crate::text::field_selection(ui.ctx(), r.id).filter(|s| !s.is_empty());
    text::row_ui(ui, |ui| {
        combo_ui(
            ui,
            "new-excerpt-cred",
            &mut ed.credibility,
            &Credibility::all().collect::<Vec<_>>(),
            |c| vocab::credibility(state.lang(), c.value()),
        );
        let enabled = selection.is_some();
        let b = ui.add_enabled(
            enabled,
            egui::Button::new(text::widget_text(
                ui,
                state.tr(Msg::NewExcerptFromSelection),
            )),
        );
        if b.clicked()
            && let Some(range) = selection
        {
            let quote: String = ed
                .reader_text
                .chars()
                .skip(range.start)
                .take(range.end - range.start)
                .collect();
            let mut x = Excerpt::new(ed.d.saved.id, quote);
            x.start = Some(range.start as u64);
            x.end = Some(range.end as u64);
            x.credibility = ed.credibility;
            state.run(
                Command::Create(Record::Excerpt(x)),
                state.tr(Msg::NewExcerpt).to_owned(),
            );
        }
    });
}

/// Creates a new source and selects it.
pub fn new_source(state: &mut AppState) {
    let s = Source::new(SourceKind::NewsArticle, state.tr(Msg::UntitledSource));
    let id = s.id;
    if state.run(
        Command::Create(Record::Source(s)),
        state.tr(Msg::NewSource).to_owned(),
    ) {
        state.selected_source = Some(id);
    }
}

/// Asks to delete the selected source.
pub fn ask_delete_selected(state: &mut AppState) {
    if let Some(id) = state.selected_source {
        let label = state
            .store
            .source(id)
            .ok()
            .flatten()
            .map(|s| s.title)
            .unwrap_or_default();
        state.ask_delete(TrashKind::Source, id, label);
    }
}
