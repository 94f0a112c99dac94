//! What every record editor shares: the stored record and the draft being typed, saved as
//! one undoable [`Command::Update`] when a field is left or a choice is made. An invalid draft
//! is kept, with the reason shown, until it is fixed; a draft that cannot be saved when the
//! editor closes is kept as JSON in the settings, so that nothing typed is lost.

use crate::app::{AppState, Command, Record};
use crate::model::{Actor, Briefing, Event, Id, Source};
use serde::Serialize;

/// A record kind the editors can edit.
pub trait Editable: Clone + PartialEq + Serialize {
    /// The record's id.
    fn id(&self) -> Id;
    /// Why the record cannot be saved, if it cannot.
    fn problem(&self) -> Option<String>;
    /// The record as the command layer takes it.
    fn into_record(self) -> Record;
    /// How the change is named in the undo history.
    fn edit_label(&self, state: &AppState) -> String;
}

/// The stored record, the draft, and the store generation they were loaded or saved at.
pub struct Draft<T> {
    /// The record as stored.
    pub saved: T,
    /// The record as edited.
    pub draft: T,
    /// The store generation of `saved`.
    pub generation: u64,
    /// Why the draft could not be saved, shown under the form.
    pub error: Option<String>,
}

impl<T: Editable> Draft<T> {
    /// Starts editing `record` as stored at `generation`.
    pub fn new(record: T, generation: u64) -> Self {
        Self {
            saved: record.clone(),
            draft: record,
            generation,
            error: None,
        }
    }

    /// The record's id.
    pub fn id(&self) -> Id {
        self.saved.id()
    }

    /// Whether the draft differs from the stored record.
    pub fn is_dirty(&self) -> bool {
        self.draft != self.saved
    }

    /// Whether the editor should reload the record `id` from the store: another record was
    /// selected, or the store changed (undo, another view) while nothing is being typed.
    pub fn is_stale(&self, id: Id, generation: u64) -> bool {
        self.id() != id || (self.generation != generation && !self.is_dirty())
    }

    /// Saves the draft if it changed and is valid; keeps it and says why otherwise.
    pub fn commit(&mut self, state: &mut AppState) {
        if !self.is_dirty() {
            self.error = None;
            return;
        }
        if let Some(problem) = self.draft.problem() {
            self.error = Some(problem);
            return;
        }
        let label = self.draft.edit_label(state);
        let cmd = Command::Update {
            before: self.saved.clone().into_record(),
            after: self.draft.clone().into_record(),
        };
        if state.run(cmd, label) {
            self.saved = self.draft.clone();
            self.generation = state.generation;
            self.error = None;
        } else {
            self.error = state.status.as_ref().map(|s| s.text.clone());
        }
    }

    /// Saves the draft now (the editor closes); if it cannot be saved, keeps it as JSON in
    /// the settings.
    pub fn flush(&mut self, state: &mut AppState) {
        self.commit(state);
        if self.is_dirty() {
            state.settings.unsaved = serde_json::to_string(&self.draft).ok();
        }
    }
}

impl Editable for Event {
    fn id(&self) -> Id {
        self.id
    }
    fn problem(&self) -> Option<String> {
        self.validate().err().map(|e| e.to_string())
    }
    fn into_record(self) -> Record {
        Record::Event(self)
    }
    fn edit_label(&self, state: &AppState) -> String {
        let rtl = state.lang().direction().is_rtl();
        format!(
            "{}: {}",
            state.tr(crate::i18n::Msg::Edit),
            self.display_title(rtl)
        )
    }
}

impl Editable for Actor {
    fn id(&self) -> Id {
        self.id
    }
    fn problem(&self) -> Option<String> {
        self.validate().err().map(|e| e.to_string())
    }
    fn into_record(self) -> Record {
        Record::Actor(self)
    }
    fn edit_label(&self, state: &AppState) -> String {
        let rtl = state.lang().direction().is_rtl();
        format!(
            "{}: {}",
            state.tr(crate::i18n::Msg::Edit),
            self.display_name(rtl)
        )
    }
}

impl Editable for Source {
    fn id(&self) -> Id {
        self.id
    }
    fn problem(&self) -> Option<String> {
        self.validate().err().map(|e| e.to_string())
    }
    fn into_record(self) -> Record {
        Record::Source(self)
    }
    fn edit_label(&self, state: &AppState) -> String {
        format!("{}: {}", state.tr(crate::i18n::Msg::Edit), self.title)
    }
}

impl Editable for Briefing {
    fn id(&self) -> Id {
        self.id
    }
    fn problem(&self) -> Option<String> {
        self.validate().err().map(|e| e.to_string())
    }
    fn into_record(self) -> Record {
        Record::Briefing(self)
    }
    fn edit_label(&self, state: &AppState) -> String {
        let edit = state.word(crate::app::briefing_words::Word::EditBriefing);
        format!("{edit}: {}", self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Opened, Settings};
    use crate::model::ActorKind;
    use crate::store::Store;

    fn app_with(actor: &Actor) -> AppState {
        let mut store = Store::in_memory().unwrap();
        store.write(|w| w.insert_actor(actor)).unwrap();
        AppState::new(store, Opened::Existing, Settings::default())
    }

    #[test]
    fn an_invalid_draft_is_kept_with_its_reason_and_survives_closing() {
        let mut a = Actor::new(ActorKind::State);
        a.name_ar = Some("المغرب".into());
        let mut state = app_with(&a);
        let mut d = Draft::new(a.clone(), state.generation);
        d.draft.name_ar = None;
        d.commit(&mut state);
        assert!(d.error.is_some(), "a nameless actor is refused");
        assert!(d.is_dirty());
        assert_eq!(
            state.store.actor(a.id).unwrap().unwrap(),
            a,
            "nothing saved"
        );
        d.flush(&mut state);
        let kept: Actor = serde_json::from_str(state.settings.unsaved.as_deref().unwrap()).unwrap();
        assert_eq!(kept, d.draft, "what was typed is kept");
    }

    #[test]
    fn a_valid_draft_is_saved_as_one_undoable_step() {
        let mut a = Actor::new(ActorKind::State);
        a.name_ar = Some("المغرب".into());
        let mut state = app_with(&a);
        let mut d = Draft::new(a.clone(), state.generation);
        assert!(!d.is_stale(a.id, state.generation));
        d.draft.acronym = Some("MA".into());
        d.commit(&mut state);
        assert!(d.error.is_none() && !d.is_dirty());
        assert_eq!(d.generation, state.generation);
        assert_eq!(state.store.actor(a.id).unwrap().unwrap(), d.draft);
        state.undo();
        assert_eq!(state.store.actor(a.id).unwrap().unwrap(), a);
        assert!(
            d.is_stale(a.id, state.generation),
            "undo makes the editor reload"
        );
        assert!(
            d.is_stale(Id::new(), d.generation),
            "another record is selected"
        );
    }
}
