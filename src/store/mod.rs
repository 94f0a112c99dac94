//! The Marsad store: one SQLite file per store, and the only module that speaks SQL.
//!
//! Every write runs in its own transaction; the schema is versioned with `PRAGMA user_version`;
//! a store from a newer Marsad, or a file that is not a store, is refused without being modified.

mod actors;
mod backup;
mod briefing_scope;
mod briefings;
mod bulk;
mod convert;
mod dataset;
mod error;
mod events;
#[cfg(test)]
mod fault_tests;
mod links;
mod lookup;
mod merge;
mod migrations;
mod open;
mod reference;
mod rescue;
pub mod rotation;
pub mod search;
mod sources;
mod stats;
mod trash;
mod viz;

pub use actors::{ActorQuery, ActorRow};
pub use backup::BackupInfo;
pub use briefings::BriefingSummary;
pub use dataset::{ImportCounts, ImportSummary};
pub use error::{Result, StoreError};
pub use events::{EventFilter, EventQuery, EventRow, EventSort};
pub use merge::Merged;
pub use migrations::CURRENT_VERSION;
pub use open::{APPLICATION_ID, lock_path};
pub use rescue::{Rescued, rescue};
pub use rotation::BackupEntry;
pub use search::{Hit, Kind as SearchKind, Query as SearchQuery};
pub use sources::SourceRow;
pub use stats::{IntegrityReport, Stats};
pub use trash::{Removed, TrashEntry, TrashKind};
pub use viz::{CoParticipation, DateWindow, TimelineRow, VizActor, VizRelation, VizSource};

use crate::model::{
    Actor, Briefing, BriefingScope, Dataset, Event, Evidence, Excerpt, Id, Participation, Relation,
    Reliability, Source,
};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    /// The file opened, to refuse writes once it has been moved or deleted.
    identity: Option<open::FileId>,
    _lock: Option<open::StoreLock>,
}

impl Store {
    /// Opens the store at `path` for reading and writing, creating an empty store when the file
    /// does not exist. Refuses other files, newer stores, and stores in use by another process.
    pub fn open(path: &Path) -> Result<Self> {
        let created = !path.exists();
        if created {
            open::create_store_file(path)?;
        } else {
            open::check_file_header(path)?;
            open::check_writable(path)?;
        }
        let lock = open::lock(path)?;
        let mut conn = open::connect(path, false)?;
        let version = migrations::version(&conn)?;
        if !created && version > 0 && version < CURRENT_VERSION {
            // A failed migration rolls back, but the user also keeps the store as it was.
            rotation::rotate(&conn, path, "before-migration", rotation::DEFAULT_KEEP)?;
        }
        migrations::migrate(&mut conn, path)?;
        if created {
            log::info!("created a new store at {}", path.display());
        }
        Ok(Self {
            conn,
            path: path.to_owned(),
            read_only: false,
            identity: open::file_id(path),
            _lock: Some(lock),
        })
    }

    /// Opens an existing store without ever writing to it (a backup, or a store in use elsewhere).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        open::check_file_header(path)?;
        let conn = open::connect(path, true)?;
        if migrations::version(&conn)? < CURRENT_VERSION {
            return Err(StoreError::NotAStore {
                path: path.to_owned(),
                reason: "it uses an older schema; open it read-write once to upgrade it".into(),
            });
        }
        Ok(Self {
            conn,
            path: path.to_owned(),
            read_only: true,
            identity: None,
            _lock: None,
        })
    }

    /// A second connection to the same store for a background job of this process (the
    /// process already holds the store's lock). Readers keep working while the job writes.
    pub fn reopen(&self) -> Result<Self> {
        if self.path == Path::new(":memory:") {
            return Err(StoreError::Conflict(
                "an in-memory store cannot be shared with a background job".into(),
            ));
        }
        let conn = open::connect(&self.path, self.read_only)?;
        Ok(Self {
            conn,
            path: self.path.clone(),
            read_only: self.read_only,
            identity: self.identity,
            _lock: None,
        })
    }

    /// [`Store::reopen`] for one pass over the whole file (the start-up integrity check), with
    /// SQLite's default 2 MiB page cache instead of the store's 32 MiB: a scan reads each page
    /// once, so a big cache only holds memory. On the 100k-event store, `quick_check` took
    /// 0.42 s with 2 MiB and 0.50 s with 32 MiB, and the larger cache stayed resident.
    pub fn reopen_for_scan(&self) -> Result<Self> {
        let store = self.reopen()?;
        store
            .conn
            .pragma_update(None, "cache_size", open::SCAN_CACHE_SIZE)?;
        Ok(store)
    }

    /// Imports a dataset in one transaction, reporting progress as `(done, total)` records;
    /// `progress` returning `false` cancels, and nothing is written.
    pub fn import_with_progress(
        &mut self,
        d: &Dataset,
        progress: &dyn Fn(u64, u64) -> bool,
    ) -> Result<ImportSummary> {
        self.write_bulk(|w| dataset::import_with_progress(w.tx, d, progress))
    }

    /// A private in-memory store (tests, previews).
    pub fn in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        open::stable_plans(&conn)?;
        migrations::migrate(&mut conn, Path::new(":memory:"))?;
        Ok(Self {
            conn,
            path: PathBuf::from(":memory:"),
            read_only: false,
            identity: None,
            _lock: None,
        })
    }

    /// The store's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the store was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Runs `f` in one write transaction: all of it is stored, or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&Writer<'_>) -> Result<T>) -> Result<T> {
        self.check_writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&Writer { tx: &tx })?;
        tx.commit()?;
        Ok(value)
    }

    /// [`Store::write`] for a big write (a file import, `generate`): one transaction as well,
    /// with the events' source summaries computed once at the end instead of per evidence link,
    /// and a larger page cache while it runs.
    pub fn write_bulk<T>(&mut self, f: impl FnOnce(&Writer<'_>) -> Result<T>) -> Result<T> {
        self.check_writable()?;
        let outcome = self.bulk_transaction(f);
        // Also after a failure: the connection goes on serving the app.
        let restored = bulk::restore_cache(&self.conn);
        let value = outcome?;
        restored?;
        Ok(value)
    }

    fn bulk_transaction<T>(&mut self, f: impl FnOnce(&Writer<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let set_aside = bulk::begin(&tx)?;
        let value = f(&Writer { tx: &tx })?;
        bulk::finish(&tx, set_aside)?;
        tx.commit()?;
        Ok(value)
    }

    /// Refuses a write to a read-only store, or to a store whose file was moved or deleted
    /// while open (SQLite would go on writing to the unlinked file, and the work would vanish
    /// when Marsad closes).
    fn check_writable(&self) -> Result<()> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        if let Some(id) = self.identity
            && open::file_id(&self.path) != Some(id)
        {
            return Err(StoreError::Vanished {
                path: self.path.clone(),
            });
        }
        Ok(())
    }

    // ---- reading ----

    /// One actor.
    pub fn actor(&self, id: Id) -> Result<Option<Actor>> {
        actors::get(&self.conn, id)
    }

    /// One event.
    pub fn event(&self, id: Id) -> Result<Option<Event>> {
        events::get(&self.conn, id)
    }

    /// One source.
    pub fn source(&self, id: Id) -> Result<Option<Source>> {
        sources::get(&self.conn, id)
    }

    /// One excerpt.
    pub fn excerpt(&self, id: Id) -> Result<Option<Excerpt>> {
        sources::get_excerpt(&self.conn, id)
    }

    /// One relation.
    pub fn relation(&self, id: Id) -> Result<Option<Relation>> {
        links::get_relation(&self.conn, id)
    }

    /// One participation.
    pub fn participation(&self, id: Id) -> Result<Option<Participation>> {
        links::get_participation(&self.conn, id)
    }

    /// One evidence link.
    pub fn evidence(&self, id: Id) -> Result<Option<Evidence>> {
        links::get_evidence(&self.conn, id)
    }

    /// A page of the events table.
    pub fn events_page(&self, q: &EventQuery) -> Result<Vec<EventRow>> {
        events::list(&self.conn, q)
    }

    /// The row numbers of every event `q`'s filter selects, in its order (offset and limit
    /// ignored). A table keeps them and fetches any page with [`Store::events_by_numbers`].
    pub fn event_numbers(&self, q: &EventQuery) -> Result<Vec<i64>> {
        events::numbers(&self.conn, q)
    }

    /// The events with these row numbers (from [`Store::event_numbers`]), in that order, with
    /// their actors' names in English or Arabic; numbers of events since deleted are skipped.
    pub fn events_by_numbers(&self, numbers: &[i64], english: bool) -> Result<Vec<EventRow>> {
        events::by_numbers(&self.conn, numbers, english)
    }

    /// How many events a filter selects.
    pub fn count_events(&self, f: &EventFilter) -> Result<u64> {
        events::count(&self.conn, f)
    }

    /// A page of the actors table and the total.
    pub fn actors_page(&self, q: &ActorQuery) -> Result<(Vec<ActorRow>, u64)> {
        actors::list(&self.conn, q)
    }

    /// A page of the sources table (newest first) and the total.
    pub fn sources_page(
        &self,
        min_grade: Option<Reliability>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<SourceRow>, u64)> {
        sources::list(&self.conn, min_grade, offset, limit)
    }

    /// A source's excerpts in reading order.
    pub fn excerpts_of(&self, source: Id) -> Result<Vec<Excerpt>> {
        sources::excerpts_of(&self.conn, source)
    }

    /// The actors of an event.
    pub fn participations_of_event(&self, event: Id) -> Result<Vec<Participation>> {
        links::participations_of_event(&self.conn, event)
    }

    /// The events of an actor, newest first.
    pub fn participations_of_actor(&self, actor: Id) -> Result<Vec<Participation>> {
        links::participations_of_actor(&self.conn, actor)
    }

    /// The relations of an actor, either side.
    pub fn relations_of(&self, actor: Id) -> Result<Vec<Relation>> {
        links::relations_of(&self.conn, actor)
    }

    /// The evidence of an event (its own and its participations').
    pub fn evidence_of_event(&self, event: Id) -> Result<Vec<Evidence>> {
        links::evidence_of_event(&self.conn, event)
    }

    /// The evidence of a relation.
    pub fn relation_evidence(&self, relation: Id) -> Result<Vec<Evidence>> {
        links::evidence_of_relation(&self.conn, relation)
    }

    /// What an excerpt supports.
    pub fn evidence_of_excerpt(&self, excerpt: Id) -> Result<Vec<Evidence>> {
        links::evidence_of_excerpt(&self.conn, excerpt)
    }

    /// Actors known by exactly this name, acronym or alias (normalised).
    pub fn find_actors_by_name(&self, name: &str) -> Result<Vec<Actor>> {
        actors::find_by_name(&self.conn, name)
    }

    /// Type-ahead over every actor name, acronym and alias.
    pub fn complete_actors(&self, prefix: &str, limit: usize) -> Result<Vec<Actor>> {
        actors::complete(&self.conn, prefix, limit)
    }

    /// Sources with this URL.
    pub fn find_sources_by_url(&self, url: &str) -> Result<Vec<Source>> {
        sources::find_by_url(&self.conn, url)
    }

    /// Tags starting with `prefix`, most used first.
    pub fn complete_tags(&self, prefix: &str, limit: usize) -> Result<Vec<(String, u64)>> {
        events::tags(&self.conn, prefix, limit)
    }

    /// Ranked full-text search, Arabic spelling variants and attached prefixes included (bm25
    /// over the newest [`search::RANK_CANDIDATES`] matches).
    pub fn search(&self, query: &str, kind: Option<SearchKind>, limit: usize) -> Result<Vec<Hit>> {
        search::search(&self.conn, &SearchQuery::parse(query), kind, limit)
    }

    /// Unranked full-text search for search-as-you-type: the newest matches, at once.
    pub fn search_first(
        &self,
        query: &str,
        kind: Option<SearchKind>,
        limit: usize,
    ) -> Result<Vec<Hit>> {
        search::search_first(&self.conn, &SearchQuery::parse(query), kind, limit)
    }

    /// FTS5's own ranking of every match (`ORDER BY rank LIMIT n`): the benchmarks' reference.
    pub fn search_raw_fts(&self, query: &str, limit: usize) -> Result<Vec<i64>> {
        reference::raw_fts_ranked(&self.conn, &SearchQuery::parse(query), limit)
    }

    /// A page of bare event rows in date order straight from SQLite's date index, no joins:
    /// the paging benchmark's reference. Returns the number of rows read.
    pub fn reference_events_page(&self, offset: usize, limit: usize) -> Result<usize> {
        reference::events_page(&self.conn, offset, limit)
    }

    /// One saved briefing.
    pub fn briefing(&self, id: Id) -> Result<Option<Briefing>> {
        briefings::get(&self.conn, id)
    }

    /// The saved briefings, most recently saved first.
    pub fn briefings(&self) -> Result<Vec<BriefingSummary>> {
        briefings::list(&self.conn)
    }

    /// Every saved briefing, in id order.
    pub fn all_briefings(&self) -> Result<Vec<Briefing>> {
        briefings::all(&self.conn)
    }

    /// The events a briefing scope selects, in date order (undated last).
    pub fn briefing_event_ids(&self, scope: &BriefingScope) -> Result<Vec<Id>> {
        briefing_scope::event_ids(&self.conn, scope)
    }

    /// The whole store as a dataset, every list in id order.
    pub fn export(&self) -> Result<Dataset> {
        dataset::export(&self.conn)
    }

    /// Counts per table.
    pub fn stats(&self) -> Result<Stats> {
        stats::stats(&self.conn)
    }

    /// SQLite's integrity and foreign-key checks.
    pub fn check(&self) -> Result<IntegrityReport> {
        stats::check(&self.conn, false)
    }

    /// SQLite's quick check (fast enough for every start).
    pub fn quick_check(&self) -> Result<IntegrityReport> {
        stats::check(&self.conn, true)
    }

    /// What deleting a record would take with it (to warn the user first).
    pub fn deletion_preview(&self, kind: TrashKind, id: Id) -> Result<Removed> {
        trash::collect(&self.conn, kind, id).map(|(r, _)| r)
    }

    /// The trash, newest first.
    pub fn trash(&self) -> Result<Vec<TrashEntry>> {
        trash::list(&self.conn)
    }

    /// Writes a consistent copy of the store to `dest` (SQLite online backup), then reopens the
    /// copy and checks its integrity.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo> {
        backup::backup_to(&self.conn, dest)
    }

    /// Writes a verified backup into the store's backup folder (see [`rotation`]) and rotates
    /// out the oldest beyond [`rotation::DEFAULT_KEEP`]. `reason` names it (`before-merge`…).
    pub fn auto_backup(&self, reason: &str) -> Result<BackupInfo> {
        rotation::rotate(&self.conn, &self.path, reason, rotation::DEFAULT_KEEP)
    }

    /// The store's automatic backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupEntry>> {
        rotation::list(&self.path)
    }

    /// Replaces the store's content with the backup at `backup`, after checking that it is a
    /// sound Marsad store and writing a `before-restore` backup of the current content. The
    /// copy runs in one SQLite transaction: it happens whole or not at all.
    pub fn restore_from(&mut self, backup: &Path) -> Result<BackupInfo> {
        self.check_writable()?;
        open::check_file_header(backup)?;
        let src = open::connect(backup, true)?;
        let report = stats::check(&src, false)?;
        if !report.is_ok() {
            return Err(StoreError::Corrupt(format!(
                "{} failed its integrity check: {report:?}",
                backup.display()
            )));
        }
        let safety = self.auto_backup("before-restore")?;
        {
            let copy = rusqlite::backup::Backup::new(&src, &mut self.conn)?;
            copy.step(-1)?;
        }
        migrations::migrate(&mut self.conn, &self.path)?;
        Ok(safety)
    }

    /// Imports a dataset atomically: everything or, on any problem, nothing.
    pub fn import(&mut self, d: &Dataset) -> Result<ImportSummary> {
        self.write_bulk(|w| w.import(d))
    }

    /// Runs an import and rolls it back: the exact report of what [`Store::import`] would do.
    pub fn import_dry_run(&mut self, d: &Dataset) -> Result<ImportSummary> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        let summary = dataset::import(&tx, d)?;
        tx.rollback()?;
        Ok(summary)
    }

    /// Rebuilds the search index from the tables.
    pub fn rebuild_search(&mut self) -> Result<()> {
        self.write(|w| w.rebuild_search())
    }
}

/// Write access inside one transaction; see [`Store::write`].
pub struct Writer<'a> {
    tx: &'a Transaction<'a>,
}

impl Writer<'_> {
    /// Adds an actor.
    pub fn insert_actor(&self, a: &Actor) -> Result<()> {
        actors::insert(self.tx, a)
    }

    /// Replaces an actor.
    pub fn update_actor(&self, a: &Actor) -> Result<()> {
        actors::update(self.tx, a)
    }

    /// Adds an event.
    pub fn insert_event(&self, e: &Event) -> Result<()> {
        events::insert(self.tx, e)
    }

    /// Replaces an event.
    pub fn update_event(&self, e: &Event) -> Result<()> {
        events::update(self.tx, e)
    }

    /// Adds a source.
    pub fn insert_source(&self, s: &Source) -> Result<()> {
        sources::insert(self.tx, s)
    }

    /// Replaces a source.
    pub fn update_source(&self, s: &Source) -> Result<()> {
        sources::update(self.tx, s)
    }

    /// Adds an excerpt (its range is checked against the source).
    pub fn insert_excerpt(&self, x: &Excerpt) -> Result<()> {
        sources::insert_excerpt(self.tx, x)
    }

    /// Replaces an excerpt.
    pub fn update_excerpt(&self, x: &Excerpt) -> Result<()> {
        sources::update_excerpt(self.tx, x)
    }

    /// Links an actor to an event.
    pub fn insert_participation(&self, p: &Participation) -> Result<()> {
        links::insert_participation(self.tx, p)
    }

    /// Changes a participation.
    pub fn update_participation(&self, p: &Participation) -> Result<()> {
        links::update_participation(self.tx, p)
    }

    /// Removes a participation (and the evidence on it).
    pub fn delete_participation(&self, id: Id) -> Result<()> {
        links::delete_link(self.tx, "participation", id)
    }

    /// Adds a relation.
    pub fn insert_relation(&self, r: &Relation) -> Result<()> {
        links::insert_relation(self.tx, r)
    }

    /// Changes a relation.
    pub fn update_relation(&self, r: &Relation) -> Result<()> {
        links::update_relation(self.tx, r)
    }

    /// Removes a relation (and the evidence on it).
    pub fn delete_relation(&self, id: Id) -> Result<()> {
        links::delete_link(self.tx, "relation", id)
    }

    /// Adds an evidence link.
    pub fn insert_evidence(&self, e: &Evidence) -> Result<()> {
        links::insert_evidence(self.tx, e)
    }

    /// Removes an evidence link.
    pub fn delete_evidence(&self, id: Id) -> Result<()> {
        links::delete_link(self.tx, "evidence", id)
    }

    /// Saves a new briefing.
    pub fn insert_briefing(&self, b: &Briefing) -> Result<()> {
        briefings::insert(self.tx, b)
    }

    /// Replaces a saved briefing.
    pub fn update_briefing(&self, b: &Briefing) -> Result<()> {
        briefings::update(self.tx, b)
    }

    /// Deletes a saved briefing (the records it covers stay).
    pub fn delete_briefing(&self, id: Id) -> Result<()> {
        briefings::delete(self.tx, id)
    }

    /// Moves a record and its links to the trash; returns the trash entry.
    pub fn delete(&self, kind: TrashKind, id: Id) -> Result<i64> {
        let now = jiff::Timestamp::now().to_string();
        trash::delete(self.tx, kind, id, &now)
    }

    /// Merges actor `remove` into `keep` (see [`Merged`]).
    pub fn merge_actors(&self, keep: Id, remove: Id) -> Result<Merged> {
        let now = jiff::Timestamp::now().to_string();
        merge::merge(self.tx, keep, remove, &now)
    }

    /// Undoes a merge.
    pub fn unmerge_actors(&self, merged: &Merged) -> Result<()> {
        merge::unmerge(self.tx, merged)
    }

    /// Deletes a record for good, without the trash (undo of a creation). Links cascade.
    pub fn purge(&self, kind: TrashKind, id: Id) -> Result<()> {
        trash::purge(self.tx, kind, id)
    }

    /// Restores a trash entry; returns how many links could not be restored.
    pub fn restore(&self, entry: i64) -> Result<usize> {
        trash::restore(self.tx, entry)
    }

    /// Puts removed records back (undo of a delete or merge).
    pub fn put_back(&self, removed: &Removed) -> Result<usize> {
        trash::put_back(self.tx, removed)
    }

    /// Empties the trash.
    pub fn empty_trash(&self) -> Result<usize> {
        trash::empty(self.tx)
    }

    /// Imports a dataset (see [`Store::import`]).
    pub fn import(&self, d: &Dataset) -> Result<ImportSummary> {
        dataset::import(self.tx, d)
    }

    /// Re-indexes every record for search.
    pub fn rebuild_search(&self) -> Result<()> {
        search::clear(self.tx)?;
        let conn: &Connection = self.tx;
        let mut ns = conn.prepare("SELECT n, id FROM actor")?;
        let rows: Vec<(i64, Id)> = ns
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        conn.execute("DELETE FROM actor_name", [])?;
        conn.execute("DELETE FROM event_tag", [])?;
        for (n, id) in rows {
            if let Some(a) = actors::get(conn, id)? {
                actors::index(conn, n, &a)?;
            }
        }
        let mut ns = conn.prepare("SELECT n, id FROM event")?;
        let rows: Vec<(i64, Id)> = ns
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (n, id) in rows {
            if let Some(e) = events::get(conn, id)? {
                events::index(conn, n, &e)?;
            }
        }
        let mut ns = conn.prepare("SELECT n, id FROM source")?;
        let rows: Vec<(i64, Id)> = ns
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (n, id) in rows {
            if let Some(s) = sources::get(conn, id)? {
                sources::index_source(conn, n, &s)?;
            }
        }
        let mut ns = conn.prepare("SELECT n, id FROM excerpt")?;
        let rows: Vec<(i64, Id)> = ns
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (n, id) in rows {
            if let Some(x) = sources::get_excerpt(conn, id)? {
                sources::index_excerpt(conn, n, &x)?;
            }
        }
        Ok(())
    }
}
