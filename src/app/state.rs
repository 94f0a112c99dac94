//! The application state: the open store, history, caches of what the views show, dialogs.

use super::command::{Command, History};
use super::jobs::Job;
use super::settings::{Settings, View};
use super::startup::Opened;
use crate::i18n::{Lang, Msg, tr};
use crate::model::Id;
use crate::store::{
    ActorQuery, ActorRow, EventQuery, EventRow, EventSort, Hit, SourceRow, Stats, Store,
    StoreError, TrashKind,
};
use std::collections::HashMap;

/// Rows fetched from the store at a time.
pub const PAGE: usize = 100;

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

/// A deletion waiting for the user's confirmation.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingDelete {
    /// What to delete.
    pub kind: TrashKind,
    /// Which record.
    pub id: Id,
    /// Its title or name.
    pub label: String,
    /// How many links go with it.
    pub links: usize,
    /// What goes with it, by kind (participants, relations, evidence, excerpts, sub-actors
    /// that lose their parent), only the kinds that are not empty.
    pub parts: Vec<(Msg, usize)>,
}

/// Pages of a table, fetched on demand and dropped when the store or the query changes.
#[derive(Debug)]
pub struct PageCache<Q: PartialEq + Clone, R> {
    key: Option<(u64, Q)>,
    pages: HashMap<usize, Vec<R>>,
    total: Option<u64>,
    /// The row numbers of the whole query, in order (events table).
    numbers: Option<Vec<i64>>,
}

impl<Q: PartialEq + Clone, R> Default for PageCache<Q, R> {
    fn default() -> Self {
        Self {
            key: None,
            pages: HashMap::new(),
            total: None,
            numbers: None,
        }
    }
}

impl<Q: PartialEq + Clone, R> PageCache<Q, R> {
    fn sync(&mut self, generation: u64, query: &Q) {
        let fresh = self
            .key
            .as_ref()
            .is_some_and(|(g, q)| *g == generation && q == query);
        if !fresh {
            self.key = Some((generation, query.clone()));
            self.pages.clear();
            self.total = None;
            self.numbers = None;
        }
    }
}

/// Everything the UI draws from and changes through.
pub struct AppState {
    /// The open store.
    pub store: Store,
    /// How the store was opened (first start, read-only…).
    pub opened: Opened,
    /// Persisted settings.
    pub settings: Settings,
    /// Undo/redo.
    pub history: History,
    /// Bumped by every change to the store; caches compare against it.
    pub generation: u64,
    /// Status bar message.
    pub status: Option<Status>,
    /// Running background jobs.
    pub jobs: Vec<Job>,
    /// The start-up check of a large store, while it runs in the background.
    pub startup_check: Option<crate::app::startup::DeferredCheck>,
    /// Selected record per view.
    pub selected_event: Option<Id>,
    /// Selected actor.
    pub selected_actor: Option<Id>,
    /// Selected source.
    pub selected_source: Option<Id>,
    /// The briefing open in the composer.
    pub selected_briefing: Option<Id>,
    /// Events table order.
    pub event_sort: (EventSort, bool),
    /// Deletion awaiting confirmation.
    pub pending_delete: Option<PendingDelete>,
    /// Which dialogs are open.
    pub dialogs: Dialogs,
    /// Global search.
    pub search: SearchState,
    /// An article's capture proposals under review.
    pub capture: Option<super::capture::CaptureReview>,
    /// A file being reviewed for import, then its report.
    pub import: Option<super::import_review::ImportReview>,
    events: PageCache<EventQuery, EventRow>,
    actors: PageCache<ActorQuery, ActorRow>,
    sources: PageCache<(), SourceRow>,
    stats: Option<(u64, Stats)>,
    memo: Memo,
}

/// Open/closed state of the dialogs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dialogs {
    /// Trash.
    pub trash: bool,
    /// About.
    pub about: bool,
    /// Keyboard shortcuts.
    pub shortcuts: bool,
    /// Text gallery.
    pub gallery: bool,
    /// Merge actors, with the duplicate to merge into the selected actor.
    pub merge: Option<Option<Id>>,
    /// The export dialog, with the chosen format.
    pub export: Option<&'static str>,
    /// Export only the events the events view's filter selects.
    pub export_filtered: bool,
    /// The backups list; with the backup awaiting confirmation of a restore.
    pub backups: Option<Option<crate::store::BackupEntry>>,
}

/// The global search box and its results.
#[derive(Clone, Debug, Default)]
pub struct SearchState {
    /// Whether the search window is open.
    pub open: bool,
    /// What the user typed.
    pub query: String,
    /// Results for `ran`.
    pub hits: Vec<Hit>,
    /// The query the results are for.
    pub ran: String,
    /// Keyboard-selected result.
    pub cursor: usize,
    /// Ask the UI to focus the search field.
    pub focus: bool,
    /// `hits` are the unranked first matches; the ranked ones are still to be fetched.
    pub rank_pending: bool,
}

impl AppState {
    /// State for a freshly opened store.
    pub fn new(store: Store, opened: Opened, settings: Settings) -> Self {
        let status = match &opened {
            Opened::CreatedWithSample { .. } => Some(Status {
                text: tr(settings.lang, Msg::FirstStartSample).to_owned(),
                error: false,
            }),
            Opened::ReadOnlyInUse => Some(Status {
                text: tr(settings.lang, Msg::OpenedReadOnly).to_owned(),
                error: true,
            }),
            Opened::ReadOnlyProtected => Some(Status {
                text: tr(settings.lang, Msg::OpenedWriteProtected).to_owned(),
                error: true,
            }),
            Opened::ReadOnlyBackup => Some(Status {
                text: tr(settings.lang, Msg::OpenedBackupReadOnly).to_owned(),
                error: true,
            }),
            // The rescue dialog explains; the status bar would only repeat it.
            Opened::Existing | Opened::Damaged(_) => None,
        };
        let mut settings = settings;
        // A backup looked at read-only is not a store the user works in.
        if store.path().to_str() != Some(":memory:") && opened != Opened::ReadOnlyBackup {
            settings.remember(store.path().to_owned());
        }
        Self {
            store,
            opened,
            settings,
            history: History::default(),
            generation: 0,
            status,
            jobs: Vec::new(),
            startup_check: None,
            selected_event: None,
            selected_actor: None,
            selected_source: None,
            selected_briefing: None,
            event_sort: (EventSort::Date, false),
            pending_delete: None,
            dialogs: Dialogs::default(),
            search: SearchState::default(),
            capture: None,
            import: None,
            events: PageCache::default(),
            actors: PageCache::default(),
            sources: PageCache::default(),
            stats: None,
            memo: Memo::default(),
        }
    }

    /// The UI language.
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// A UI string in the current language.
    pub fn tr(&self, msg: Msg) -> &'static str {
        tr(self.settings.lang, msg)
    }

    /// Shows a message in the status bar.
    pub fn say(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// Reports a store error once, in the status bar and the log.
    pub fn report(&mut self, e: &StoreError) {
        log::warn!("{e}");
        self.say(e.to_string(), true);
    }

    /// The answer to a store query, asked once per store generation: the editors' panes draw
    /// every frame, and this keeps SQL out of the frame loop. `what` names the query and `key`
    /// its arguments; a failure is reported once and an empty answer kept.
    pub fn query<K: std::hash::Hash, T: Default + 'static>(
        &mut self,
        what: &'static str,
        key: K,
        ask: impl FnOnce(&Store) -> crate::store::Result<T>,
    ) -> std::rc::Rc<T> {
        let slot = self.memo.slot(self.generation, what, &key);
        if let Some(v) = self.memo.get::<T>(slot) {
            return v;
        }
        let value = match ask(&self.store) {
            Ok(v) => v,
            Err(e) => {
                self.report(&e);
                T::default()
            }
        };
        self.memo.put(slot, value)
    }

    /// Replaces the store's content with a backup (after backing up the current content).
    /// The undo history is dropped: it describes changes to the content that was replaced.
    pub fn restore_backup(&mut self, path: &std::path::Path) {
        match self.store.restore_from(path) {
            Ok(safety) => {
                self.history = History::default();
                self.selected_event = None;
                self.selected_actor = None;
                self.selected_source = None;
                self.selected_briefing = None;
                self.touch();
                let msg = format!("{} {}", self.tr(Msg::Restored), safety.path.display());
                self.say(msg, false);
            }
            Err(e) => self.report(&e),
        }
    }

    /// Marks the store as changed: every cache refreshes.
    pub fn touch(&mut self) {
        self.generation += 1;
    }

    /// Applies a change with undo. Returns whether it succeeded; failures are reported.
    pub fn run(&mut self, cmd: Command, label: impl Into<String>) -> bool {
        let label = label.into();
        match self.history.run(&mut self.store, cmd, label.clone()) {
            Ok(()) => {
                self.touch();
                self.say(label, false);
                true
            }
            Err(e) => {
                self.report(&e);
                false
            }
        }
    }

    /// Undoes the last change.
    pub fn undo(&mut self) {
        match self.history.undo(&mut self.store) {
            Ok(Some(label)) => {
                self.touch();
                self.say(format!("{}: {label}", self.tr(Msg::Undo)), false);
            }
            Ok(None) => {}
            Err(e) => self.report(&e),
        }
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) {
        match self.history.redo(&mut self.store) {
            Ok(Some(label)) => {
                self.touch();
                self.say(format!("{}: {label}", self.tr(Msg::Redo)), false);
            }
            Ok(None) => {}
            Err(e) => self.report(&e),
        }
    }

    /// The events query the table shows.
    pub fn event_query(&self) -> EventQuery {
        EventQuery {
            filter: self.settings.event_filter.clone(),
            sort: self.event_sort.0,
            descending: self.event_sort.1,
            english: self.lang() != Lang::Ar,
            offset: 0,
            limit: PAGE,
        }
    }

    /// Number of events the table shows.
    pub fn event_total(&mut self) -> u64 {
        self.event_numbers().len() as u64
    }

    /// The row numbers of the events the table shows, in its order: read once per query and
    /// store generation (the one index walk a count would need anyway), so that a page deep in
    /// a filtered table is a slice instead of a walk past its offset.
    fn event_numbers(&mut self) -> &[i64] {
        let q = self.event_query();
        self.events.sync(self.generation, &q);
        if self.events.numbers.is_none() {
            let numbers = self.store.event_numbers(&q).unwrap_or_else(|e| {
                self.report(&e);
                Vec::new()
            });
            self.events.numbers = Some(numbers);
        }
        self.events.numbers.as_deref().unwrap_or_default()
    }

    /// Row `index` of the events table (fetched a page at a time).
    pub fn event_row(&mut self, index: usize) -> Option<&EventRow> {
        let english = self.lang() != Lang::Ar;
        let page = index / PAGE;
        let total = self.event_numbers().len();
        if !self.events.pages.contains_key(&page) {
            let from = (page * PAGE).min(total);
            let to = (from + PAGE).min(total);
            let slice = self.events.numbers.as_deref().unwrap_or_default()[from..to].to_vec();
            let rows = match self.store.events_by_numbers(&slice, english) {
                Ok(r) => r,
                Err(e) => {
                    self.report(&e);
                    Vec::new()
                }
            };
            self.events.pages.insert(page, rows);
        }
        self.events
            .pages
            .get(&page)
            .and_then(|p| p.get(index % PAGE))
    }

    /// The actors query the table shows.
    pub fn actor_query(&self) -> ActorQuery {
        ActorQuery {
            english_order: self.lang() != Lang::Ar,
            limit: PAGE,
            ..Default::default()
        }
    }

    /// Number of actors.
    pub fn actor_total(&mut self) -> u64 {
        let _ = self.actor_row(0);
        self.actors.total.unwrap_or(0)
    }

    /// Row `index` of the actors table.
    pub fn actor_row(&mut self, index: usize) -> Option<&ActorRow> {
        let mut q = self.actor_query();
        self.actors.sync(self.generation, &q);
        let page = index / PAGE;
        if !self.actors.pages.contains_key(&page) {
            q.offset = page * PAGE;
            let rows = match self.store.actors_page(&q) {
                Ok((r, total)) => {
                    self.actors.total = Some(total);
                    r
                }
                Err(e) => {
                    self.report(&e);
                    self.actors.total = Some(0);
                    Vec::new()
                }
            };
            self.actors.pages.insert(page, rows);
        }
        self.actors
            .pages
            .get(&page)
            .and_then(|p| p.get(index % PAGE))
    }

    /// Number of sources.
    pub fn source_total(&mut self) -> u64 {
        let _ = self.source_row(0);
        self.sources.total.unwrap_or(0)
    }

    /// Row `index` of the sources table.
    pub fn source_row(&mut self, index: usize) -> Option<&SourceRow> {
        self.sources.sync(self.generation, &());
        let page = index / PAGE;
        if !self.sources.pages.contains_key(&page) {
            let rows = match self.store.sources_page(None, page * PAGE, PAGE) {
                Ok((r, total)) => {
                    self.sources.total = Some(total);
                    r
                }
                Err(e) => {
                    self.report(&e);
                    self.sources.total = Some(0);
                    Vec::new()
                }
            };
            self.sources.pages.insert(page, rows);
        }
        self.sources
            .pages
            .get(&page)
            .and_then(|p| p.get(index % PAGE))
    }

    /// Counts per table, refreshed when the store changes.
    pub fn stats(&mut self) -> Stats {
        if self
            .stats
            .as_ref()
            .is_none_or(|(g, _)| *g != self.generation)
        {
            let s = self.store.stats().unwrap_or_default();
            self.stats = Some((self.generation, s));
        }
        self.stats
            .as_ref()
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    }

    /// Runs the global search for the current query. While the user types, each change shows
    /// the newest matches at once (unranked, a few ms even over a million excerpts); on the
    /// first frame without a change, the ranked results replace them. Returns whether ranked
    /// results are still to come (the UI asks for another frame).
    pub fn refresh_search(&mut self) -> bool {
        if self.search.query != self.search.ran {
            self.search.ran = self.search.query.clone();
            self.search.cursor = 0;
            let result = self.store.search_first(&self.search.query, None, 60);
            self.search.rank_pending = result.is_ok();
            self.set_hits(result);
        } else if self.search.rank_pending {
            self.search.rank_pending = false;
            let result = self.store.search(&self.search.query, None, 60);
            self.set_hits(result);
        }
        self.search.rank_pending
    }

    fn set_hits(&mut self, result: crate::store::Result<Vec<Hit>>) {
        match result {
            Ok(mut hits) => {
                // Shown grouped by kind; the keyboard cursor walks them in that order.
                hits.sort_by_key(|h| h.kind);
                self.search.hits = hits;
            }
            Err(e) => {
                self.search.hits.clear();
                self.report(&e);
            }
        }
    }

    /// Asks to delete a record: computes what goes with it for the confirmation dialog.
    pub fn ask_delete(&mut self, kind: TrashKind, id: Id, label: String) {
        match self.store.deletion_preview(kind, id) {
            Ok(r) => {
                let d = &r.records;
                let parts = [
                    (Msg::Participants, d.participations.len()),
                    (Msg::Relations, d.relations.len()),
                    (Msg::Evidence, d.evidence.len()),
                    (Msg::Excerpts, d.excerpts.len()),
                    (Msg::ChildActors, r.children.len()),
                ]
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .collect();
                self.pending_delete = Some(PendingDelete {
                    kind,
                    id,
                    label,
                    links: r.link_count(),
                    parts,
                })
            }
            Err(e) => self.report(&e),
        }
    }

    /// Deletes the record awaiting confirmation.
    pub fn confirm_delete(&mut self) {
        if let Some(p) = self.pending_delete.take() {
            let label = format!("{}: {}", self.tr(Msg::Delete), p.label);
            if self.run(
                Command::Delete {
                    kind: p.kind,
                    id: p.id,
                },
                label,
            ) {
                match p.kind {
                    TrashKind::Event => self.selected_event = None,
                    TrashKind::Actor => self.selected_actor = None,
                    TrashKind::Source => self.selected_source = None,
                    TrashKind::Excerpt => {}
                }
            }
        }
    }

    /// Opens the record a search hit points to.
    pub fn open_hit(&mut self, hit: &Hit) {
        use crate::store::SearchKind;
        match hit.kind {
            SearchKind::Event => {
                self.settings.view = View::Events;
                self.selected_event = Some(hit.id);
            }
            SearchKind::Actor => {
                self.settings.view = View::Actors;
                self.selected_actor = Some(hit.id);
            }
            SearchKind::Source => {
                self.settings.view = View::Sources;
                self.selected_source = Some(hit.id);
            }
            SearchKind::Excerpt => {
                if let Ok(Some(x)) = self.store.excerpt(hit.id) {
                    self.settings.view = View::Sources;
                    self.selected_source = Some(x.source_id);
                }
            }
        }
        self.search.open = false;
    }

    /// Collects finished jobs and reports them; a store found damaged by the start-up check is
    /// set aside for the rescue, exactly as if it had failed before the window opened.
    pub fn poll_jobs(&mut self) {
        if let Some(damage) = self.startup_check.as_mut().and_then(|c| c.try_finish()) {
            self.startup_check = None;
            if let Some(offer) = damage {
                match Store::in_memory() {
                    Ok(empty) => {
                        self.store = empty;
                        self.opened = Opened::Damaged(Box::new(offer));
                        self.history = History::default();
                        self.touch();
                    }
                    Err(e) => self.report(&e),
                }
            }
        }
        let mut finished = Vec::new();
        self.jobs.retain_mut(|j| match j.try_finish() {
            Some(outcome) => {
                finished.push(outcome);
                false
            }
            None => true,
        });
        for o in finished {
            if o.changed_store {
                self.touch();
            }
            self.say(o.message, o.failed);
        }
    }
}

/// Answers to store queries for one store generation (see [`AppState::query`]).
#[derive(Default)]
struct Memo {
    generation: u64,
    answers: HashMap<(&'static str, u64), std::rc::Rc<dyn std::any::Any>>,
}

impl Memo {
    /// Most answers kept; a frame asks a few dozen at most.
    const LIMIT: usize = 512;

    /// The slot of a query, forgetting every answer of an older generation.
    fn slot<K: std::hash::Hash>(
        &mut self,
        generation: u64,
        what: &'static str,
        key: &K,
    ) -> (&'static str, u64) {
        use std::hash::Hasher;
        if self.generation != generation || self.answers.len() > Self::LIMIT {
            self.answers.clear();
            self.generation = generation;
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key.hash(&mut h);
        (what, h.finish())
    }

    fn get<T: 'static>(&self, slot: (&'static str, u64)) -> Option<std::rc::Rc<T>> {
        self.answers
            .get(&slot)
            .and_then(|v| std::rc::Rc::clone(v).downcast::<T>().ok())
    }

    fn put<T: 'static>(&mut self, slot: (&'static str, u64), value: T) -> std::rc::Rc<T> {
        let v = std::rc::Rc::new(value);
        self.answers.insert(slot, v.clone());
        v
    }
}

#[cfg(test)]
mod memo_tests {
    use super::*;

    #[test]
    fn answers_are_kept_per_generation_and_per_key() {
        let mut m = Memo::default();
        let a = m.slot(1, "q", &1u32);
        m.put(a, 10u32);
        assert_eq!(m.get::<u32>(a).as_deref(), Some(&10));
        let b = m.slot(1, "q", &2u32);
        assert_eq!(m.get::<u32>(b), None, "another key is another answer");
        assert_eq!(
            m.get::<String>(a),
            None,
            "another type is not confused with it"
        );
        let a2 = m.slot(2, "q", &1u32);
        assert_eq!(
            m.get::<u32>(a2),
            None,
            "a change to the store forgets every answer"
        );
    }
}
