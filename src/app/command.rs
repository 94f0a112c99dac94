//! Every change to the store is a [`Command`]. Applying one returns its inverse, which is what
//! makes undo/redo work the same way for every edit in every view.

use crate::model::{
    Actor, Briefing, Event, Evidence, Excerpt, Id, Participation, Relation, Source,
};
use crate::store::{Merged, Result, Store, TrashKind};

/// A record that can be created or edited on its own.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    /// An event.
    Event(Event),
    /// An actor.
    Actor(Actor),
    /// A source.
    Source(Source),
    /// An excerpt.
    Excerpt(Excerpt),
    /// An actor's part in an event.
    Participation(Participation),
    /// A relation between actors.
    Relation(Relation),
    /// An evidence link.
    Evidence(Evidence),
    /// A saved briefing (not kept in the trash: deleting one is undone by re-creating it).
    Briefing(Briefing),
}

impl Record {
    /// The record's id.
    pub fn id(&self) -> Id {
        match self {
            Self::Event(r) => r.id,
            Self::Actor(r) => r.id,
            Self::Source(r) => r.id,
            Self::Excerpt(r) => r.id,
            Self::Participation(r) => r.id,
            Self::Relation(r) => r.id,
            Self::Evidence(r) => r.id,
            Self::Briefing(r) => r.id,
        }
    }
}

/// A change to the store.
// Commands live only in the undo history (a few hundred at most), so boxing the records to
// shrink the enum would add indirection everywhere for no measurable gain.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Create a record (or a link).
    Create(Record),
    /// Replace a record's fields.
    Update {
        /// As it was.
        before: Record,
        /// As it becomes.
        after: Record,
    },
    /// Move a record and its links to the trash.
    Delete {
        /// Which table.
        kind: TrashKind,
        /// Which record.
        id: Id,
    },
    /// Take a trash entry back.
    Restore {
        /// The entry.
        entry: i64,
        /// What it holds (to delete it again on undo).
        kind: TrashKind,
        /// The record it holds.
        id: Id,
    },
    /// Remove a link (participation, relation or evidence) for good; undo re-creates it.
    Unlink(Record),
    /// Remove a record created by a [`Command::Create`] (the inverse of creating).
    Uncreate(Record),
    /// Merge actor `remove` into `keep`.
    Merge {
        /// The actor kept.
        keep: Id,
        /// The duplicate.
        remove: Id,
    },
    /// Undo a merge.
    Unmerge(Box<Merged>),
}

/// Applies `cmd` in one transaction and returns the command that undoes it.
pub fn apply(store: &mut Store, cmd: &Command) -> Result<Command> {
    store.write(|w| {
        Ok(match cmd {
            Command::Create(r) => {
                match r {
                    Record::Event(e) => w.insert_event(e)?,
                    Record::Actor(a) => w.insert_actor(a)?,
                    Record::Source(s) => w.insert_source(s)?,
                    Record::Excerpt(x) => w.insert_excerpt(x)?,
                    Record::Participation(p) => w.insert_participation(p)?,
                    Record::Relation(r) => w.insert_relation(r)?,
                    Record::Evidence(e) => w.insert_evidence(e)?,
                    Record::Briefing(b) => w.insert_briefing(b)?,
                }
                Command::Uncreate(r.clone())
            }
            Command::Uncreate(r) | Command::Unlink(r) => {
                match r {
                    Record::Event(e) => w.purge(TrashKind::Event, e.id)?,
                    Record::Actor(a) => w.purge(TrashKind::Actor, a.id)?,
                    Record::Source(s) => w.purge(TrashKind::Source, s.id)?,
                    Record::Excerpt(x) => w.purge(TrashKind::Excerpt, x.id)?,
                    Record::Participation(p) => w.delete_participation(p.id)?,
                    Record::Relation(r) => w.delete_relation(r.id)?,
                    Record::Evidence(e) => w.delete_evidence(e.id)?,
                    Record::Briefing(b) => w.delete_briefing(b.id)?,
                }
                Command::Create(r.clone())
            }
            Command::Update { before, after } => {
                match after {
                    Record::Event(e) => w.update_event(e)?,
                    Record::Actor(a) => w.update_actor(a)?,
                    Record::Source(s) => w.update_source(s)?,
                    Record::Excerpt(x) => w.update_excerpt(x)?,
                    Record::Participation(p) => w.update_participation(p)?,
                    Record::Relation(r) => w.update_relation(r)?,
                    Record::Evidence(e) => {
                        w.delete_evidence(e.id)?;
                        w.insert_evidence(e)?;
                    }
                    Record::Briefing(b) => w.update_briefing(b)?,
                }
                Command::Update {
                    before: after.clone(),
                    after: before.clone(),
                }
            }
            Command::Delete { kind, id } => {
                let entry = w.delete(*kind, *id)?;
                Command::Restore {
                    entry,
                    kind: *kind,
                    id: *id,
                }
            }
            Command::Restore { entry, kind, id } => {
                w.restore(*entry)?;
                Command::Delete {
                    kind: *kind,
                    id: *id,
                }
            }
            Command::Merge { keep, remove } => {
                Command::Unmerge(Box::new(w.merge_actors(*keep, *remove)?))
            }
            Command::Unmerge(m) => {
                w.unmerge_actors(m)?;
                Command::Merge {
                    keep: m.keep_before.id,
                    remove: m
                        .removed
                        .records
                        .actors
                        .first()
                        .map(|a| a.id)
                        .unwrap_or(m.keep_before.id),
                }
            }
        })
    })
}

/// Undo and redo stacks of inverse commands.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<(Command, String)>,
    redo: Vec<(Command, String)>,
}

/// How many steps of history are kept.
const MAX_HISTORY: usize = 500;

impl History {
    /// Applies `cmd` and records its inverse; clears the redo stack.
    pub fn run(&mut self, store: &mut Store, cmd: Command, label: impl Into<String>) -> Result<()> {
        let inverse = apply(store, &cmd)?;
        self.undo.push((inverse, label.into()));
        if self.undo.len() > MAX_HISTORY {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last change; returns its label.
    pub fn undo(&mut self, store: &mut Store) -> Result<Option<String>> {
        Self::step(store, &mut self.undo, &mut self.redo)
    }

    /// Redoes the last undone change; returns its label.
    pub fn redo(&mut self, store: &mut Store) -> Result<Option<String>> {
        Self::step(store, &mut self.redo, &mut self.undo)
    }

    fn step(
        store: &mut Store,
        from: &mut Vec<(Command, String)>,
        to: &mut Vec<(Command, String)>,
    ) -> Result<Option<String>> {
        let Some((cmd, label)) = from.pop() else {
            return Ok(None);
        };
        match apply(store, &cmd) {
            Ok(inverse) => {
                to.push((inverse, label.clone()));
                Ok(Some(label))
            }
            Err(e) => {
                from.push((cmd, label));
                Err(e)
            }
        }
    }

    /// Label of the change Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|(_, l)| l.as_str())
    }

    /// Label of the change Redo would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|(_, l)| l.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, EventKind, Role, SourceKind};

    fn named(kind: ActorKind, name: &str) -> Actor {
        let mut a = Actor::new(kind);
        a.name_ar = Some(name.into());
        a
    }

    #[test]
    fn undo_redo_every_kind_of_change() {
        let mut store = Store::in_memory().unwrap();
        let mut h = History::default();
        let snapshot = |s: &Store| s.export().unwrap();
        let empty = snapshot(&store);
        let mut e = Event::new(EventKind::Arrest);
        e.title_ar = Some("اعتقال".into());
        let a = named(ActorKind::SecurityService, "المديرية");
        let b = named(ActorKind::SecurityService, "مديرية");
        h.run(
            &mut store,
            Command::Create(Record::Event(e.clone())),
            "create",
        )
        .unwrap();
        h.run(
            &mut store,
            Command::Create(Record::Actor(a.clone())),
            "actor",
        )
        .unwrap();
        h.run(
            &mut store,
            Command::Create(Record::Actor(b.clone())),
            "actor",
        )
        .unwrap();
        let p = Participation::new(e.id, b.id, Role::ArrestingBody);
        h.run(
            &mut store,
            Command::Create(Record::Participation(p.clone())),
            "link",
        )
        .unwrap();
        let src = Source::new(SourceKind::NewsArticle, "خبر");
        h.run(
            &mut store,
            Command::Create(Record::Source(src.clone())),
            "source",
        )
        .unwrap();
        let x = Excerpt::new(src.id, "نص");
        h.run(
            &mut store,
            Command::Create(Record::Excerpt(x.clone())),
            "excerpt",
        )
        .unwrap();
        let ev = Evidence::new(x.id, crate::model::EvidenceTarget::Participation(p.id));
        h.run(
            &mut store,
            Command::Create(Record::Evidence(ev)),
            "evidence",
        )
        .unwrap();
        let mut e2 = e.clone();
        e2.title_ar = Some("اعتقال في بركان".into());
        h.run(
            &mut store,
            Command::Update {
                before: Record::Event(e.clone()),
                after: Record::Event(e2),
            },
            "edit",
        )
        .unwrap();
        let full = snapshot(&store);
        h.run(
            &mut store,
            Command::Merge {
                keep: a.id,
                remove: b.id,
            },
            "merge",
        )
        .unwrap();
        assert!(store.actor(b.id).unwrap().is_none());
        assert_eq!(store.participations_of_actor(a.id).unwrap().len(), 1);
        assert_eq!(store.actor(a.id).unwrap().unwrap().aliases, ["مديرية"]);
        h.run(
            &mut store,
            Command::Delete {
                kind: TrashKind::Event,
                id: e.id,
            },
            "delete",
        )
        .unwrap();
        assert_eq!(store.stats().unwrap().events, 0);
        h.undo(&mut store).unwrap();
        h.undo(&mut store).unwrap();
        assert_eq!(
            snapshot(&store),
            full,
            "undo of delete and merge restores everything"
        );
        h.redo(&mut store).unwrap();
        h.redo(&mut store).unwrap();
        assert_eq!(store.stats().unwrap().events, 0);
        while h.undo(&mut store).unwrap().is_some() {}
        assert_eq!(snapshot(&store), empty);
        assert!(store.trash().unwrap().is_empty() || store.stats().unwrap().trash > 0);
    }

    #[test]
    fn failed_command_changes_nothing_and_keeps_history() {
        let mut store = Store::in_memory().unwrap();
        let mut h = History::default();
        let bad = Event::new(EventKind::Arrest); // no title
        assert!(
            h.run(&mut store, Command::Create(Record::Event(bad)), "bad")
                .is_err()
        );
        assert!(h.undo_label().is_none());
        assert_eq!(store.stats().unwrap().events, 0);
    }
}
