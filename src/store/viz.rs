//! Compact rows for the timeline and network views: a handful of streaming queries for the
//! whole scope, never one query per row, so that 100k events and 20k actors load in one go.

use super::Store;
use super::error::Result;
use super::events::where_clause;
use crate::model::{ActorKind, EventKind, Id, PartialDate, RelationKind, Reliability};
use rusqlite::{ToSql, params_from_iter};
use std::collections::HashMap;

/// One event as the timeline draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    /// The event.
    pub id: Id,
    /// When it started (undated events are not on the timeline).
    pub start: PartialDate,
    /// When it ended, if it lasted.
    pub end: Option<PartialDate>,
    /// The date as the source wrote it.
    pub date_as_written: Option<String>,
    /// What happened.
    pub kind: EventKind,
    /// Arabic title.
    pub title_ar: Option<String>,
    /// English title.
    pub title_en: Option<String>,
    /// Its actors, without repeats.
    pub actors: Vec<Id>,
    /// The sources supporting it directly or through a participation, without repeats.
    pub sources: Vec<Id>,
    /// Best reliability among those sources.
    pub best_grade: Option<Reliability>,
}

impl TimelineRow {
    /// The title in the preferred language, falling back to the other one.
    pub fn title(&self, prefer_arabic: bool) -> &str {
        let order = if prefer_arabic {
            [&self.title_ar, &self.title_en]
        } else {
            [&self.title_en, &self.title_ar]
        };
        order
            .into_iter()
            .flatten()
            .next()
            .map_or("", String::as_str)
    }
}

/// One actor as the network (and the timeline's lanes) show it.
#[derive(Clone, Debug, PartialEq)]
pub struct VizActor {
    /// The actor.
    pub id: Id,
    /// What sort of actor.
    pub kind: ActorKind,
    /// ISO country code.
    pub country: Option<String>,
    /// Arabic name.
    pub name_ar: Option<String>,
    /// English name.
    pub name_en: Option<String>,
    /// French name.
    pub name_fr: Option<String>,
    /// Acronym.
    pub acronym: Option<String>,
    /// Number of events it takes part in within the queried window.
    pub events: u32,
}

/// One source as the timeline's lanes and hover cards name it.
#[derive(Clone, Debug, PartialEq)]
pub struct VizSource {
    /// The source.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// Its reliability grade.
    pub reliability: Reliability,
}

/// A typed relation between two actors.
#[derive(Clone, Debug, PartialEq)]
pub struct VizRelation {
    /// Subject.
    pub from: Id,
    /// Object.
    pub to: Id,
    /// The verb.
    pub kind: RelationKind,
    /// Since when.
    pub start: Option<PartialDate>,
    /// Until when.
    pub end: Option<PartialDate>,
}

/// Two actors and the number of events they both take part in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoParticipation {
    /// The actor with the smaller id.
    pub a: Id,
    /// The actor with the larger id.
    pub b: Id,
    /// Number of shared events.
    pub weight: u32,
}

/// A date window, as inclusive `YYYYMMDD` keys (see [`PartialDate::start_key`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateWindow {
    /// First day, or unbounded.
    pub from: Option<i64>,
    /// Last day, or unbounded.
    pub to: Option<i64>,
}

impl DateWindow {
    /// SQL condition on the event alias `e` and its parameters.
    fn clause(&self) -> (String, Vec<i64>) {
        let mut parts = vec!["e.start_key IS NOT NULL".to_owned()];
        let mut values = Vec::new();
        if let Some(from) = self.from {
            values.push(from);
            parts.push(format!("e.end_key >= ?{}", values.len()));
        }
        if let Some(to) = self.to {
            values.push(to);
            parts.push(format!("e.start_key <= ?{}", values.len()));
        }
        (parts.join(" AND "), values)
    }
}

impl Store {
    /// Every dated event the filter selects, in chronological order, with its actors, sources
    /// and best grade. Three streaming queries whatever the number of events.
    pub fn timeline_rows(&self, filter: &super::EventFilter) -> Result<Vec<TimelineRow>> {
        let mut params: Vec<Box<dyn ToSql>> = Vec::new();
        let mut clause = where_clause(filter, &mut params);
        clause = if clause.is_empty() {
            "WHERE e.start_date IS NOT NULL".to_owned()
        } else {
            format!("{clause} AND e.start_date IS NOT NULL")
        };
        let sql = format!(
            "SELECT e.id, e.start_date, e.end_date, e.date_as_written, e.kind, e.title_ar, e.title_en \
             FROM event e {clause} ORDER BY e.start_key, e.n"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows: Vec<TimelineRow> = stmt
            .query_map(params_from_iter(params.iter()), |r| {
                Ok(TimelineRow {
                    id: r.get(0)?,
                    start: r.get(1)?,
                    end: r.get(2)?,
                    date_as_written: r.get(3)?,
                    kind: r.get(4)?,
                    title_ar: r.get(5)?,
                    title_en: r.get(6)?,
                    actors: Vec::new(),
                    sources: Vec::new(),
                    best_grade: None,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let index: HashMap<Id, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let mut stmt = self
            .conn
            .prepare("SELECT event_id, actor_id FROM participation ORDER BY n")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            if let Some(&i) = index.get(&r.get::<_, Id>(0)?) {
                let actor: Id = r.get(1)?;
                if !rows[i].actors.contains(&actor) {
                    rows[i].actors.push(actor);
                }
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT v.event_id, x.source_id, s.reliability FROM evidence v \
               JOIN excerpt x ON x.id = v.excerpt_id JOIN source s ON s.id = x.source_id \
               WHERE v.event_id IS NOT NULL \
             UNION ALL \
             SELECT p.event_id, x.source_id, s.reliability FROM evidence v \
               JOIN participation p ON p.id = v.participation_id \
               JOIN excerpt x ON x.id = v.excerpt_id JOIN source s ON s.id = x.source_id",
        )?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            if let Some(&i) = index.get(&r.get::<_, Id>(0)?) {
                let source: Id = r.get(1)?;
                let grade: Reliability = r.get(2)?;
                let row = &mut rows[i];
                if !row.sources.contains(&source) {
                    row.sources.push(source);
                }
                row.best_grade = Some(row.best_grade.map_or(grade, |g| g.min(grade)));
            }
        }
        Ok(rows)
    }

    /// Every actor with the number of events it takes part in within `window`.
    pub fn viz_actors(&self, window: DateWindow) -> Result<Vec<VizActor>> {
        let (cond, values) = window.clause();
        let sql = format!(
            "SELECT a.id, a.kind, a.country, a.name_ar, a.name_en, a.name_fr, a.acronym, \
               coalesce(c.n, 0) FROM actor a LEFT JOIN ( \
                 SELECT p.actor_id AS actor_id, count(DISTINCT p.event_id) AS n \
                 FROM participation p JOIN event e ON e.id = p.event_id WHERE {cond} \
                 GROUP BY p.actor_id) c ON c.actor_id = a.id ORDER BY a.n"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            Ok(VizActor {
                id: r.get(0)?,
                kind: r.get(1)?,
                country: r.get(2)?,
                name_ar: r.get(3)?,
                name_en: r.get(4)?,
                name_fr: r.get(5)?,
                acronym: r.get(6)?,
                events: u32::try_from(r.get::<_, i64>(7)?).unwrap_or(u32::MAX),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every source's title and grade (for lanes and hover cards).
    pub fn viz_sources(&self) -> Result<Vec<VizSource>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, title, reliability FROM source ORDER BY n")?;
        let rows = stmt.query_map([], |r| {
            Ok(VizSource {
                id: r.get(0)?,
                title: r.get(1)?,
                reliability: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every relation between actors.
    pub fn viz_relations(&self) -> Result<Vec<VizRelation>> {
        let mut stmt = self.conn.prepare(
            "SELECT from_id, to_id, kind, start_date, end_date FROM relation ORDER BY n",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(VizRelation {
                from: r.get(0)?,
                to: r.get(1)?,
                kind: r.get(2)?,
                start: r.get(3)?,
                end: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// First and last year any dated event covers, if there is one.
    pub fn event_years(&self) -> Result<Option<(u16, u16)>> {
        let (lo, hi): (Option<i64>, Option<i64>) = self.conn.query_row(
            "SELECT min(start_key), max(end_key) FROM event WHERE start_key IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let year = |k: i64| u16::try_from(k / 10_000).unwrap_or(9999);
        Ok(lo.zip(hi).map(|(a, b)| (year(a), year(b))))
    }

    /// Pairs of actors taking part in the same events within `window`, with how many.
    pub fn co_participation(&self, window: DateWindow) -> Result<Vec<CoParticipation>> {
        let (cond, values) = window.clause();
        // The self-join walks the (event_id, actor_id, role) unique index of participation.
        let sql = format!(
            "SELECT p1.actor_id, p2.actor_id, count(DISTINCT p1.event_id) \
             FROM event e JOIN participation p1 ON p1.event_id = e.id \
             JOIN participation p2 ON p2.event_id = e.id AND p1.actor_id < p2.actor_id \
             WHERE {cond} GROUP BY p1.actor_id, p2.actor_id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            Ok(CoParticipation {
                a: r.get(0)?,
                b: r.get(1)?,
                weight: u32::try_from(r.get::<_, i64>(2)?).unwrap_or(u32::MAX),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Event, Participation, Role};

    fn date(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn setup() -> (Store, Vec<Id>, Vec<Id>) {
        let mut store = Store::in_memory().unwrap();
        let mut actors = Vec::new();
        for name in ["المغرب", "الولايات المتحدة", "إسبانيا"] {
            let mut a = Actor::new(ActorKind::State);
            a.name_ar = Some(name.into());
            store.write(|w| w.insert_actor(&a)).unwrap();
            actors.push(a.id);
        }
        let mut events = Vec::new();
        for (start, who) in [
            ("2020-10", vec![0, 1]),
            ("2021", vec![0, 1, 2]),
            ("2022-03-26", vec![0, 2]),
        ] {
            let mut e = Event::new(EventKind::OfficialVisit);
            e.title_ar = Some(format!("زيارة {start}"));
            e.start = Some(date(start));
            store.write(|w| w.insert_event(&e)).unwrap();
            for i in who {
                store
                    .write(|w| {
                        w.insert_participation(&Participation::new(e.id, actors[i], Role::Partner))
                    })
                    .unwrap();
            }
            events.push(e.id);
        }
        let mut undated = Event::new(EventKind::Other);
        undated.title_ar = Some("حدث بلا تاريخ".into());
        store.write(|w| w.insert_event(&undated)).unwrap();
        (store, actors, events)
    }

    #[test]
    fn timeline_rows_are_dated_ordered_and_filtered() {
        let (store, actors, events) = setup();
        let rows = store.timeline_rows(&Default::default()).unwrap();
        assert_eq!(
            rows.iter().map(|r| r.id).collect::<Vec<_>>(),
            events,
            "undated events are left out"
        );
        assert_eq!(rows[1].actors, actors);
        let filter = crate::store::EventFilter {
            from: Some(date("2022")),
            ..Default::default()
        };
        let rows = store.timeline_rows(&filter).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].title(true), "زيارة 2022-03-26");
    }

    #[test]
    fn co_participation_counts_shared_events_in_the_window() {
        let (store, actors, _) = setup();
        let pairs = store.co_participation(DateWindow::default()).unwrap();
        let weight = |x: Id, y: Id| {
            let (a, b) = if x < y { (x, y) } else { (y, x) };
            pairs
                .iter()
                .find(|p| p.a == a && p.b == b)
                .map_or(0, |p| p.weight)
        };
        assert_eq!(weight(actors[0], actors[1]), 2);
        assert_eq!(weight(actors[0], actors[2]), 2);
        assert_eq!(weight(actors[1], actors[2]), 1);
        let window = DateWindow {
            from: Some(20220101),
            to: None,
        };
        let pairs = store.co_participation(window).unwrap();
        assert_eq!(pairs.len(), 1);
        assert_eq!(store.event_years().unwrap(), Some((2020, 2022)));
        let counts = store.viz_actors(window).unwrap();
        assert_eq!(
            counts.iter().map(|a| a.events).collect::<Vec<_>>(),
            vec![1, 0, 1]
        );
    }
}
