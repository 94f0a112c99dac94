//! The actors view: table, editor of every field, relations, the actor's events, merge.

use super::UiState;
use super::draft::Draft;
use super::widgets::{button_ui, combo_ui, form_row_ui, optional_text_ui};
use crate::app::{AppState, Command, Record, View};
use crate::i18n::{Msg, vocab};
use crate::model::{Actor, ActorKind, Id, Relation, RelationKind};
use crate::store::TrashKind;
use crate::text::{self, TextField};
use egui::Ui;
use egui_extras::Column;

/// Draft of the actor being edited.
pub struct ActorEditor {
    pub(super) d: Draft<Actor>,
    aliases_text: String,
    relation_kind: RelationKind,
    relation_query: String,
}

impl ActorEditor {
    fn new(actor: Actor, generation: u64) -> Self {
        Self {
            aliases_text: actor.aliases.join("، "),
            d: Draft::new(actor, generation),
            relation_kind: RelationKind::CooperatesWith,
            relation_query: String::new(),
        }
    }
}

/// Draws the actors view.
pub fn actors_view_ui(ui: &mut Ui, state: &mut AppState, ui_state: &mut UiState) {
    text::row_ui(ui, |ui| {
        if button_ui(ui, &format!("+ {}", state.tr(Msg::NewActor))).clicked() {
            new_actor(state);
        }
        if state.selected_actor.is_some() && button_ui(ui, state.tr(Msg::Merge)).clicked() {
            state.dialogs.merge = Some(None);
        }
    });
    ui.separator();
    let editor = |ui: &mut Ui, state: &mut AppState| {
        sync(state, ui_state);
        match &mut ui_state.actor_editor {
            Some(ed) => {
                editor_ui(ui, state, ed);
                true
            }
            None => false,
        }
    };
    super::widgets::record_view_ui(ui, state, "actor", (440.0, 360.0), editor, table_ui);
}

fn sync(state: &mut AppState, ui_state: &mut UiState) {
    let Some(id) = state.selected_actor else {
        ui_state.actor_editor = None;
        return;
    };
    let stale = ui_state
        .actor_editor
        .as_ref()
        .is_none_or(|e| e.d.is_stale(id, state.generation));
    if stale {
        ui_state.actor_editor = state
            .store
            .actor(id)
            .ok()
            .flatten()
            .map(|a| ActorEditor::new(a, state.generation));
    }
}

fn table_ui(ui: &mut Ui, state: &mut AppState) {
    let total = state.actor_total() as usize;
    let lang = state.lang();
    let rtl = lang.direction().is_rtl();
    let headers = [
        Msg::Name,
        Msg::Acronym,
        Msg::Kind,
        Msg::Country,
        Msg::Events,
    ];
    let widths = [
        Column::remainder().at_least(200.0),
        Column::initial(70.0),
        Column::initial(170.0),
        Column::initial(60.0),
        Column::initial(60.0),
    ];
    let order = super::widgets::column_order(rtl, 5);
    let b = super::widgets::table_builder(ui, "actors-table", rtl, &widths, &order);
    let selected = state.selected_actor;
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
            let Some(r) = state.actor_row(row.index()).cloned() else {
                return;
            };
            row.set_selected(Some(r.actor.id) == selected);
            for &i in &order {
                let Some(i) = i else {
                    row.col(|_| {});
                    continue;
                };
                row.col(|ui| {
                    match i {
                        0 => text::cell(ui, r.actor.display_name(rtl)),
                        1 => text::cell(ui, r.actor.acronym.as_deref().unwrap_or("")),
                        2 => text::cell(ui, vocab::actor_kind(lang, r.actor.kind)),
                        3 => text::cell(ui, r.actor.country.as_deref().unwrap_or("")),
                        _ => text::cell(ui, &r.event_count.to_string()),
                    };
                });
            }
            if row.response().clicked() {
                clicked = Some(r.actor.id);
            }
        });
    });
    if let Some(id) = clicked {
        state.selected_actor = Some(id);
    }
}

fn editor_ui(ui: &mut Ui, state: &mut AppState, ed: &mut ActorEditor) {
    let lang = state.lang();
    let commit = std::cell::Cell::new(false);
    text::column_ui(ui, |ui| {
        text::heading(ui, ed.d.draft.display_name(lang.direction().is_rtl()));
        if button_ui(ui, state.tr(Msg::Delete)).clicked() {
            state.ask_delete(
                TrashKind::Actor,
                ed.d.saved.id,
                ed.d.saved.display_name(true).to_owned(),
            );
        }
        let leave = |r: egui::Response| commit.set(commit.get() | r.lost_focus());
        form_row_ui(ui, state.tr(Msg::NameAr), |ui| {
            leave(optional_text_ui(
                ui,
                state.tr(Msg::NameAr),
                &mut ed.d.draft.name_ar,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::NameEn), |ui| {
            leave(optional_text_ui(
                ui,
                state.tr(Msg::NameEn),
                &mut ed.d.draft.name_en,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::NameFr), |ui| {
            leave(optional_text_ui(
                ui,
                state.tr(Msg::NameFr),
                &mut ed.d.draft.name_fr,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Acronym), |ui| {
            leave(optional_text_ui(
                ui,
                state.tr(Msg::Acronym),
                &mut ed.d.draft.acronym,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Aliases), |ui| {
            let r = TextField::singleline(&mut ed.aliases_text)
                .label(state.tr(Msg::Aliases))
                .hint(state.tr(Msg::TagsHint))
                .desired_width(ui.available_width())
                .show(ui);
            if r.changed() {
                ed.d.draft.aliases = ed
                    .aliases_text
                    .split([',', '،', ';', '؛'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            leave(r);
        });
        form_row_ui(ui, state.tr(Msg::Kind), |ui| {
            commit.set(
                commit.get()
                    | combo_ui(
                        ui,
                        "actor-kind",
                        &mut ed.d.draft.kind,
                        ActorKind::ALL,
                        |k| vocab::actor_kind(lang, k),
                    ),
            )
        });
        form_row_ui(ui, state.tr(Msg::Country), |ui| {
            leave(optional_text_ui(
                ui,
                state.tr(Msg::Country),
                &mut ed.d.draft.country,
                false,
            ))
        });
        text::weak(ui, state.tr(Msg::Description));
        commit.set(
            commit.get()
                | optional_text_ui(
                    ui,
                    state.tr(Msg::Description),
                    &mut ed.d.draft.description,
                    true,
                )
                .lost_focus(),
        );
        super::widgets::error_line_ui(ui, ed.d.error.as_deref());
        ui.separator();
        relations_ui(ui, state, ed);
        ui.separator();
        actor_events_ui(ui, state, ed.d.saved.id);
    });
    if commit.get() {
        ed.d.commit(state);
    }
}

fn relations_ui(ui: &mut Ui, state: &mut AppState, ed: &mut ActorEditor) {
    let lang = state.lang();
    let rtl = lang.direction().is_rtl();
    text::strong(ui, state.tr(Msg::Relations));
    let actor = ed.d.saved.id;
    let relations = state.query("relations_of", actor, |s| s.relations_of(actor));
    for r in relations.iter().cloned() {
        let name = |id: Id| {
            state
                .store
                .actor(id)
                .ok()
                .flatten()
                .map(|a| a.display_name(rtl).to_owned())
                .unwrap_or_default()
        };
        let sentence = format!(
            "{} {} {}",
            name(r.from_id),
            vocab::relation_kind(lang, r.kind),
            name(r.to_id)
        );
        text::row_ui(ui, |ui| {
            text::label(ui, &sentence);
            if button_ui(ui, "✖").clicked() {
                state.run(
                    Command::Unlink(Record::Relation(r.clone())),
                    format!("{}: {sentence}", state.tr(Msg::Remove)),
                );
            }
        });
    }
    text::row_ui(ui, |ui| {
        combo_ui(
            ui,
            "relation-kind-pick",
            &mut ed.relation_kind,
            RelationKind::ALL,
            |k| vocab::relation_kind(lang, k),
        );
        TextField::singleline(&mut ed.relation_query)
            .label(state.tr(Msg::OtherActor))
            .hint(state.tr(Msg::OtherActor))
            .desired_width(160.0)
            .id_salt("relation-other")
            .show(ui);
    });
    if ed.relation_query.trim().is_empty() {
        return;
    }
    for other in state
        .store
        .complete_actors(ed.relation_query.trim(), 6)
        .unwrap_or_default()
    {
        if other.id == ed.d.saved.id {
            continue;
        }
        if button_ui(
            ui,
            &format!(
                "+ {} {}",
                vocab::relation_kind(lang, ed.relation_kind),
                other.display_name(rtl)
            ),
        )
        .clicked()
        {
            let rel = Relation::new(ed.d.saved.id, ed.relation_kind, other.id);
            if state.run(
                Command::Create(Record::Relation(rel)),
                state.tr(Msg::Relations).to_owned(),
            ) {
                ed.relation_query.clear();
            }
        }
    }
}

fn actor_events_ui(ui: &mut Ui, state: &mut AppState, actor: Id) {
    let lang = state.lang();
    text::strong(ui, state.tr(Msg::Events));
    let parts = state.query("participations_of_actor", actor, |s| {
        s.participations_of_actor(actor)
    });
    for p in parts.iter().take(200) {
        let event = p.event_id;
        let Some(e) = Option::clone(&state.query("event", event, |s| s.event(event))) else {
            continue;
        };
        let date = e.start.map(|d| vocab::date(lang, &d)).unwrap_or_default();
        let caption = format!(
            "{date} · {} ({})",
            e.display_title(lang.direction().is_rtl()),
            vocab::role(lang, p.role)
        );
        if ui
            .add(egui::Button::new(text::widget_text(ui, &caption)).frame(false))
            .clicked()
        {
            state.selected_event = Some(e.id);
            state.settings.view = View::Events;
        }
    }
}

/// Creates a new actor and selects it.
pub fn new_actor(state: &mut AppState) {
    let mut a = Actor::new(ActorKind::Other);
    a.name_ar = Some(state.tr(Msg::UntitledActor).to_owned());
    let id = a.id;
    if state.run(
        Command::Create(Record::Actor(a)),
        state.tr(Msg::NewActor).to_owned(),
    ) {
        state.selected_actor = Some(id);
    }
}

/// Asks to delete the selected actor.
pub fn ask_delete_selected(state: &mut AppState) {
    if let Some(id) = state.selected_actor {
        let label = state
            .store
            .actor(id)
            .ok()
            .flatten()
            .map(|a| a.display_name(true).to_owned())
            .unwrap_or_default();
        state.ask_delete(TrashKind::Actor, id, label);
    }
}
