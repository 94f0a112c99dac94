//! The event editor: every field of an event, its participants with roles, its evidence.
//! Edits are kept in a draft and saved (one undoable command) when a field is left or a choice
//! is made; an invalid draft is kept, with the reason shown, until it is fixed.

use super::draft::Draft;
use super::widgets::{button_ui, combo_ui, form_row_ui, optional_text_ui};
use crate::app::{AppState, Command, Record};
use crate::i18n::{Msg, vocab};
use crate::model::{
    Actor, ActorKind, Event, EventKind, Evidence, EvidenceTarget, Excerpt, Id, Participation, Role,
    Source,
};
use crate::store::TrashKind;
use crate::text::{self, TextField, TextStyleSpec};
use egui::Ui;

/// The draft of the event being edited.
pub struct EventEditor {
    pub(super) d: Draft<Event>,
    start_text: String,
    end_text: String,
    tags_text: String,
    actor_query: String,
    new_role: Role,
    evidence_source: Option<Id>,
    new_excerpt: String,
}

impl EventEditor {
    /// Starts editing `event` as stored at `generation`.
    pub fn new(event: Event, generation: u64) -> Self {
        Self {
            start_text: event.start.map(|d| d.to_string()).unwrap_or_default(),
            end_text: event.end.map(|d| d.to_string()).unwrap_or_default(),
            tags_text: event.tags.join("، "),
            d: Draft::new(event, generation),
            actor_query: String::new(),
            new_role: Role::Participant,
            evidence_source: None,
            new_excerpt: String::new(),
        }
    }

    /// The id of the event being edited.
    pub fn id(&self) -> crate::model::Id {
        self.d.id()
    }
}

/// Draws the editor.
pub fn event_editor_ui(ui: &mut Ui, state: &mut AppState, ed: &mut EventEditor) {
    let lang = state.lang();
    let commit = std::cell::Cell::new(false);
    text::column_ui(ui, |ui| {
        text::heading(ui, ed.d.draft.display_title(lang.direction().is_rtl()));
        text::row_ui(ui, |ui| {
            if button_ui(ui, state.tr(Msg::Duplicate)).clicked() {
                let mut copy = ed.d.draft.clone();
                copy.id = Id::new();
                let id = copy.id;
                if state.run(
                    Command::Create(Record::Event(copy)),
                    state.tr(Msg::Duplicate).to_owned(),
                ) {
                    state.selected_event = Some(id);
                }
            }
            if button_ui(ui, state.tr(Msg::Delete)).clicked() {
                state.ask_delete(
                    TrashKind::Event,
                    ed.d.id(),
                    ed.d.draft.display_title(true).to_owned(),
                );
            }
        });
        ui.separator();
        let saved_on_leave = |r: egui::Response| commit.set(commit.get() | r.lost_focus());
        form_row_ui(ui, state.tr(Msg::TitleAr), |ui| {
            saved_on_leave(optional_text_ui(
                ui,
                state.tr(Msg::TitleAr),
                &mut ed.d.draft.title_ar,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::TitleEn), |ui| {
            saved_on_leave(optional_text_ui(
                ui,
                state.tr(Msg::TitleEn),
                &mut ed.d.draft.title_en,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Type), |ui| {
            commit.set(
                commit.get()
                    | combo_ui(
                        ui,
                        "event-kind",
                        &mut ed.d.draft.kind,
                        EventKind::ALL,
                        |k| vocab::event_kind(lang, k),
                    ),
            )
        });
        form_row_ui(ui, state.tr(Msg::StartDate), |ui| {
            saved_on_leave(super::widgets::date_field_ui(
                ui,
                state,
                state.tr(Msg::StartDate),
                &mut ed.start_text,
                &mut ed.d.draft.start,
            ))
        });
        form_row_ui(ui, state.tr(Msg::EndDate), |ui| {
            saved_on_leave(super::widgets::date_field_ui(
                ui,
                state,
                state.tr(Msg::EndDate),
                &mut ed.end_text,
                &mut ed.d.draft.end,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Circa), |ui| {
            let mut circa = ed.d.draft.start.is_some_and(|d| d.is_circa());
            let r = ui.checkbox(&mut circa, "");
            super::widgets::name_widget(ui, &r, state.tr(Msg::Circa));
            if r.changed() {
                ed.d.draft.start = ed.d.draft.start.map(|d| d.with_circa(circa));
                commit.set(true);
            }
        });
        form_row_ui(ui, state.tr(Msg::DateAsWritten), |ui| {
            saved_on_leave(optional_text_ui(
                ui,
                state.tr(Msg::DateAsWritten),
                &mut ed.d.draft.date_as_written,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Place), |ui| {
            saved_on_leave(optional_text_ui(
                ui,
                state.tr(Msg::Place),
                &mut ed.d.draft.place,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Country), |ui| {
            saved_on_leave(optional_text_ui(
                ui,
                state.tr(Msg::Country),
                &mut ed.d.draft.country,
                false,
            ))
        });
        form_row_ui(ui, state.tr(Msg::Tags), |ui| {
            let r = TextField::singleline(&mut ed.tags_text)
                .label(state.tr(Msg::Tags))
                .hint(state.tr(Msg::TagsHint))
                .desired_width(ui.available_width())
                .show(ui);
            if r.changed() {
                ed.d.draft.tags = super::widgets::split_tags(&ed.tags_text);
            }
            saved_on_leave(r);
        });
        if let Some(tag) = tag_suggestions_ui(ui, state, &ed.tags_text) {
            ed.tags_text = complete_last_tag(&ed.tags_text, &tag);
            ed.d.draft.tags = super::widgets::split_tags(&ed.tags_text);
            commit.set(true);
        }
        text::weak(ui, state.tr(Msg::Description));
        let r = optional_text_ui(
            ui,
            state.tr(Msg::Description),
            &mut ed.d.draft.description,
            true,
        );
        commit.set(commit.get() | r.lost_focus());
        super::widgets::error_line_ui(ui, ed.d.error.as_deref());
        ui.separator();
        participants_ui(ui, state, ed);
        ui.separator();
        evidence_ui(ui, state, ed);
    });
    if commit.get() {
        ed.d.commit(state);
    }
}

/// The tag being typed: what follows the last separator.
fn last_tag(text: &str) -> &str {
    text.rsplit([',', '،', ';', '؛'])
        .next()
        .unwrap_or("")
        .trim()
}

/// Replaces the tag being typed with `tag`, ready for the next one.
fn complete_last_tag(text: &str, tag: &str) -> String {
    let cut = text
        .rfind([',', '،', ';', '؛'])
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let head = text[..cut].trim_end();
    if head.is_empty() {
        format!("{tag}، ")
    } else {
        format!("{head} {tag}، ")
    }
}

/// Offers the store's tags that start with the one being typed (most used first); the
/// store is asked only when that prefix changes.
fn tag_suggestions_ui(ui: &mut Ui, state: &mut AppState, text: &str) -> Option<String> {
    let prefix = last_tag(text).to_owned();
    let id = egui::Id::unique("tag-suggestions");
    let mut mem: (String, Vec<String>) = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    if mem.0 != prefix {
        mem.1 = if prefix.is_empty() {
            Vec::new()
        } else {
            state
                .store
                .complete_tags(&prefix, 6)
                .unwrap_or_default()
                .into_iter()
                .map(|(t, _)| t)
                .filter(|t| *t != prefix)
                .collect()
        };
        mem.0 = prefix;
    }
    let mut picked = None;
    if !mem.1.is_empty() {
        text::row_ui(ui, |ui| {
            text::weak(ui, state.tr(Msg::TagSuggestions));
            for t in &mem.1 {
                if button_ui(ui, t).clicked() {
                    picked = Some(t.clone());
                }
            }
        });
    }
    ui.data_mut(|d| d.insert_temp(id, mem));
    picked
}

fn participants_ui(ui: &mut Ui, state: &mut AppState, ed: &mut EventEditor) {
    let lang = state.lang();
    text::strong(ui, state.tr(Msg::Participants));
    let event = ed.d.id();
    let parts = state.query("participations_of_event", event, |s| {
        s.participations_of_event(event)
    });
    for p in parts.iter() {
        let actor = p.actor_id;
        let name = state
            .query("actor", actor, |s| s.actor(actor))
            .as_ref()
            .as_ref()
            .map(|a| a.display_name(lang.direction().is_rtl()).to_owned())
            .unwrap_or_default();
        text::row_ui(ui, |ui| {
            text::label(ui, &name);
            let mut role = p.role;
            if combo_ui(ui, &format!("role-{}", p.id), &mut role, Role::ALL, |r| {
                vocab::role(lang, r)
            }) {
                let after = Participation { role, ..p.clone() };
                state.run(
                    Command::Update {
                        before: Record::Participation(p.clone()),
                        after: Record::Participation(after),
                    },
                    state.tr(Msg::ChangeRole).to_owned(),
                );
            }
            if button_ui(ui, "✖")
                .on_hover_text(text::widget_text(ui, state.tr(Msg::Remove)))
                .clicked()
            {
                state.run(
                    Command::Unlink(Record::Participation(p.clone())),
                    format!("{}: {name}", state.tr(Msg::Remove)),
                );
            }
        });
    }
    actor_picker_ui(ui, state, ed);
}

/// Type-ahead over every name, acronym and alias; or create the actor from what was typed.
fn actor_picker_ui(ui: &mut Ui, state: &mut AppState, ed: &mut EventEditor) {
    let lang = state.lang();
    text::row_ui(ui, |ui| {
        TextField::singleline(&mut ed.actor_query)
            .label(state.tr(Msg::AddActor))
            .hint(state.tr(Msg::AddActor))
            .desired_width(180.0)
            .id_salt("actor-picker")
            .show(ui);
        combo_ui(ui, "new-role", &mut ed.new_role, Role::ALL, |r| {
            vocab::role(lang, r)
        });
    });
    let query = ed.actor_query.trim().to_owned();
    if query.is_empty() {
        return;
    }
    let found = state.query("complete_actors", &query, |s| s.complete_actors(&query, 8));
    let mut chosen: Option<Actor> = None;
    for a in found.iter() {
        let caption = match &a.acronym {
            Some(ac) => format!("{} ({ac})", a.display_name(lang.direction().is_rtl())),
            None => a.display_name(lang.direction().is_rtl()).to_owned(),
        };
        if button_ui(ui, &caption).clicked() {
            chosen = Some(a.clone());
        }
    }
    if button_ui(ui, &format!("+ {} «{query}»", state.tr(Msg::CreateActor))).clicked() {
        let mut a = Actor::new(ActorKind::Other);
        if crate::text::base_direction(&query).is_some_and(|d| d.is_rtl()) {
            a.name_ar = Some(query.clone());
        } else {
            a.name_en = Some(query.clone());
        }
        if state.run(
            Command::Create(Record::Actor(a.clone())),
            format!("{}: {query}", state.tr(Msg::CreateActor)),
        ) {
            chosen = Some(a);
        }
    }
    if let Some(a) = chosen {
        let p = Participation::new(ed.d.id(), a.id, ed.new_role);
        if state.run(
            Command::Create(Record::Participation(p)),
            format!("{}: {}", state.tr(Msg::AddActor), a.display_name(true)),
        ) {
            ed.actor_query.clear();
        }
    }
}

fn evidence_ui(ui: &mut Ui, state: &mut AppState, ed: &mut EventEditor) {
    text::strong(ui, state.tr(Msg::Evidence));
    let event = ed.d.id();
    let evidence = state.query("evidence_of_event", event, |s| s.evidence_of_event(event));
    if evidence.is_empty() {
        text::rich(
            ui,
            state.tr(Msg::NoEvidenceYet),
            TextStyleSpec {
                color: Some(ui.visuals().warn_fg_color),
                ..Default::default()
            },
        );
    }
    for ev in evidence.iter() {
        let xid = ev.excerpt_id;
        let Some(x) = Option::clone(&state.query("excerpt", xid, |s| s.excerpt(xid))) else {
            continue;
        };
        let sid = x.source_id;
        let source = Option::clone(&state.query("source", sid, |s| s.source(sid)));
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
                let outlet = source
                    .as_ref()
                    .map(|s| format!("{} — {}", s.outlet.as_deref().unwrap_or(""), s.title))
                    .unwrap_or_default();
                text::weak(
                    ui,
                    &format!(
                        "{outlet} · {} {}",
                        state.tr(Msg::Credibility),
                        x.credibility
                    ),
                );
                if button_ui(ui, state.tr(Msg::Remove)).clicked() {
                    state.run(
                        Command::Unlink(Record::Evidence(ev.clone())),
                        state.tr(Msg::Remove).to_owned(),
                    );
                }
            });
        });
    }
    add_evidence_ui(ui, state, ed);
}

/// Pick a source, then pick one of its excerpts or quote a new one.
fn add_evidence_ui(ui: &mut Ui, state: &mut AppState, ed: &mut EventEditor) {
    let sources = state.query("evidence_sources", (), |s| {
        s.sources_page(None, 0, 200).map(|(rows, _)| rows)
    });
    let current = ed
        .evidence_source
        .and_then(|id| sources.iter().find(|s| s.source.id == id))
        .map(|s| s.source.title.clone());
    let caption = current.unwrap_or_else(|| state.tr(Msg::PickSource).to_owned());
    let combo = egui::ComboBox::from_id_salt("evidence-source")
        .selected_text(text::widget_text(ui, &caption))
        .width(ui.available_width().min(360.0))
        .show_ui(ui, |ui| {
            for s in sources.iter() {
                let chosen = ed.evidence_source == Some(s.source.id);
                if super::widgets::selectable_ui(ui, chosen, &s.source.title).clicked() {
                    ed.evidence_source = Some(s.source.id);
                }
            }
        });
    super::widgets::name_widget(ui, &combo.response, &caption);
    let Some(source_id) = ed.evidence_source else {
        return;
    };
    let excerpts = state.query("excerpts_of", source_id, |s| s.excerpts_of(source_id));
    egui::ScrollArea::vertical()
        .id_salt("excerpt-choices")
        .max_height(160.0)
        .show(ui, |ui| {
            for x in excerpts.iter() {
                let short: String = x.text.chars().take(90).collect();
                if button_ui(ui, &format!("+ «{short}…»")).clicked() {
                    link_excerpt(state, ed.d.id(), x.id);
                }
            }
        });
    TextField::multiline(&mut ed.new_excerpt)
        .label(state.tr(Msg::NewExcerpt))
        .hint(state.tr(Msg::NewExcerptHint))
        .desired_rows(2)
        .desired_width(ui.available_width())
        .show(ui);
    if !ed.new_excerpt.trim().is_empty() && button_ui(ui, state.tr(Msg::NewExcerpt)).clicked() {
        let source: Option<Source> = state.store.source(source_id).ok().flatten();
        let mut x = Excerpt::new(source_id, ed.new_excerpt.trim());
        if let Some(full) = source.and_then(|s| s.full_text)
            && let Some(byte) = full.find(x.text.as_str())
        {
            let start = full[..byte].chars().count() as u64;
            x.start = Some(start);
            x.end = Some(start + x.text.chars().count() as u64);
        }
        let id = x.id;
        if state.run(
            Command::Create(Record::Excerpt(x)),
            state.tr(Msg::NewExcerpt).to_owned(),
        ) {
            link_excerpt(state, ed.d.id(), id);
            ed.new_excerpt.clear();
        }
    }
}

fn link_excerpt(state: &mut AppState, event: Id, excerpt: Id) {
    let ev = Evidence::new(excerpt, EvidenceTarget::Event(event));
    state.run(
        Command::Create(Record::Evidence(ev)),
        state.tr(Msg::Evidence).to_owned(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completing_a_tag_replaces_only_the_one_being_typed() {
        assert_eq!(last_tag("الإرهاب، سيا"), "سيا");
        assert_eq!(last_tag("سيا"), "سيا");
        assert_eq!(complete_last_tag("الإرهاب، سيا", "سياق"), "الإرهاب، سياق، ");
        assert_eq!(complete_last_tag("سيا", "سياق"), "سياق، ");
        assert_eq!(complete_last_tag("a, b; c", "cyber"), "a, b; cyber، ");
    }
}
