//! Whole-table reads and narrow lookups that import duplicate detection and article capture
//! need: every actor, every source, events by date and type or by filter, and which of a set
//! of ids the store already holds.

use super::Store;
use super::error::Result;
use super::{EventFilter, actors, events, links, sources};
use crate::model::{Actor, Event, EventKind, Id, PartialDate, Participation, Source};
use rusqlite::{ToSql, params_from_iter};
use std::collections::HashSet;

impl Store {
    /// Every actor, in id order (type-ahead lists, capture's name matching).
    pub fn all_actors(&self) -> Result<Vec<Actor>> {
        actors::all(&self.conn)
    }

    /// Every source, in id order, with its full text.
    pub fn all_sources(&self) -> Result<Vec<Source>> {
        sources::all(&self.conn)
    }

    /// Events of this type whose start date is written exactly like `start` (same precision).
    pub fn events_starting(&self, start: PartialDate, kind: EventKind) -> Result<Vec<Event>> {
        events::starting(&self.conn, start, kind)
    }

    /// The participations of several events at once.
    pub fn participations_of_events(&self, ids: &[Id]) -> Result<Vec<Participation>> {
        let mut all = Vec::new();
        for id in ids {
            all.extend(links::participations_of_event(&self.conn, *id)?);
        }
        Ok(all)
    }

    /// The ids of every event the filter selects (an export of the filtered events).
    pub fn event_ids(&self, f: &EventFilter) -> Result<Vec<Id>> {
        let mut params: Vec<Box<dyn ToSql>> = Vec::new();
        let filter = events::where_clause(f, &mut params);
        let sql = format!("SELECT e.id FROM event e {filter} ORDER BY e.id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(params.iter()), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Which of `ids` name an actor, source, excerpt or event already in the store.
    pub fn existing_ids(&self, ids: impl IntoIterator<Item = Id>) -> Result<HashSet<Id>> {
        // A probe of each table's id index; the records themselves are not read.
        let mut stmt = self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM actor WHERE id = ?1) \
                 OR EXISTS (SELECT 1 FROM source WHERE id = ?1) \
                 OR EXISTS (SELECT 1 FROM event WHERE id = ?1) \
                 OR EXISTS (SELECT 1 FROM excerpt WHERE id = ?1)",
        )?;
        let mut found = HashSet::new();
        for id in ids {
            if stmt.query_row([id], |r| r.get::<_, bool>(0))? {
                found.insert(id);
            }
        }
        Ok(found)
    }

    /// Runs `f`, a series of reads, in one read transaction: every read sees the same state of
    /// the store, and the file lock is taken once rather than once per query.
    pub fn reading<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let value = f()?;
        tx.commit()?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    #[test]
    fn finds_events_by_date_and_type_only_at_the_same_precision() {
        let mut s = Store::in_memory().unwrap();
        let mut e = Event::new(EventKind::Arrest);
        e.title_en = Some("Arrest".into());
        e.start = Some("2020-03-05".parse().unwrap());
        let mut year = Event::new(EventKind::Arrest);
        year.title_en = Some("Arrest that year".into());
        year.start = Some("2020".parse().unwrap());
        let a = Actor::new(ActorKind::State);
        s.write(|w| {
            w.insert_event(&e)?;
            w.insert_event(&year)?;
            Ok(())
        })
        .unwrap();
        let day = s
            .events_starting("2020-03-05".parse().unwrap(), EventKind::Arrest)
            .unwrap();
        assert_eq!(day.iter().map(|x| x.id).collect::<Vec<_>>(), vec![e.id]);
        let other_kind = s
            .events_starting("2020-03-05".parse().unwrap(), EventKind::OfficialVisit)
            .unwrap();
        assert!(other_kind.is_empty());
        let only_days = EventFilter {
            from: Some("2020-03".parse().unwrap()),
            ..EventFilter::default()
        };
        let ids = s.event_ids(&only_days).unwrap();
        assert!(ids.contains(&e.id), "{ids:?}");
        assert_eq!(s.event_ids(&EventFilter::default()).unwrap().len(), 2);
        let known = s.existing_ids([e.id, a.id]).unwrap();
        assert!(known.contains(&e.id) && !known.contains(&a.id));
    }
}
