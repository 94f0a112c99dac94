//! Which events a briefing's scope selects, in date order, in one indexed query.

use super::error::Result;
use crate::model::{ActorMatch, BriefingScope, Id};
use rusqlite::{Connection, OptionalExtension, ToSql, params_from_iter};

/// The ids of the events in scope: chronological, undated events last.
pub(crate) fn event_ids(conn: &Connection, scope: &BriefingScope) -> Result<Vec<Id>> {
    if !scope.events.is_empty() {
        return explicit(conn, &scope.events);
    }
    let mut params: Vec<Box<dyn ToSql>> = Vec::new();
    let filter = where_clause(scope, &mut params);
    let sql = format!(
        "SELECT e.id FROM event e {filter} \
         ORDER BY e.start_key IS NULL, e.start_key, e.end_key, e.n"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(params.iter()), |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A hand-picked list: each id looked up by its unique index, unknown ids skipped (the event
/// may have been deleted since the briefing was saved), duplicates kept once.
fn explicit(conn: &Connection, ids: &[Id]) -> Result<Vec<Id>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.start_key IS NULL, coalesce(e.start_key, 0), coalesce(e.end_key, 0), e.n \
         FROM event e WHERE e.id = ?1",
    )?;
    let mut found: Vec<((bool, i64, i64, i64), Id)> = Vec::with_capacity(ids.len());
    for id in ids {
        let key = stmt
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        if let Some(key) = key {
            found.push((key, *id));
        }
    }
    found.sort();
    found.dedup_by_key(|(_, id)| *id);
    Ok(found.into_iter().map(|(_, id)| id).collect())
}

fn where_clause(scope: &BriefingScope, params: &mut Vec<Box<dyn ToSql>>) -> String {
    let mut bind = |v: Box<dyn ToSql>| {
        params.push(v);
        format!("?{}", params.len())
    };
    let mut clauses = Vec::new();
    if let Some(from) = scope.from {
        clauses.push(format!("e.end_key >= {}", bind(Box::new(from.start_key()))));
    }
    if let Some(to) = scope.to {
        clauses.push(format!("e.start_key <= {}", bind(Box::new(to.end_key()))));
    }
    if !scope.event_kinds.is_empty() {
        let marks: Vec<String> = scope
            .event_kinds
            .iter()
            .map(|k| bind(Box::new(*k)))
            .collect();
        clauses.push(format!("e.kind IN ({})", marks.join(", ")));
    }
    if !scope.actors.is_empty() {
        let marks: Vec<String> = scope.actors.iter().map(|a| bind(Box::new(*a))).collect();
        let marks = marks.join(", ");
        clauses.push(match scope.actor_match {
            ActorMatch::Any => {
                format!("e.id IN (SELECT event_id FROM participation WHERE actor_id IN ({marks}))")
            }
            ActorMatch::All => {
                let mut distinct = scope.actors.clone();
                distinct.sort();
                distinct.dedup();
                format!(
                    "(SELECT count(DISTINCT actor_id) FROM participation \
                     WHERE event_id = e.id AND actor_id IN ({marks})) = {}",
                    distinct.len()
                )
            }
        });
    }
    if !scope.tags.is_empty() {
        let marks: Vec<String> = scope
            .tags
            .iter()
            .map(|t| bind(Box::new(t.clone())))
            .collect();
        clauses.push(format!(
            "e.n IN (SELECT event_n FROM event_tag WHERE tag IN ({}))",
            marks.join(", ")
        ));
    }
    if let Some(grade) = scope.min_grade {
        // `best_grade` is the best of the event's sources (schema v004).
        clauses.push(format!("e.best_grade <= {}", bind(Box::new(grade))));
    }
    if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    }
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use crate::model::{
        Actor, ActorKind, ActorMatch, BriefingScope, Event, EventKind, Participation, Role,
    };

    fn event(s: &mut Store, title: &str, date: &str, kind: EventKind, actors: &[&Actor]) -> Event {
        let mut e = Event::new(kind);
        e.title_ar = Some(title.into());
        e.start = Some(date.parse().unwrap());
        e.tags = vec![format!("وسم {kind}")];
        s.write(|w| {
            w.insert_event(&e)?;
            for a in actors {
                w.insert_participation(&Participation::new(e.id, a.id, Role::Partner))?;
            }
            Ok(())
        })
        .unwrap();
        e
    }

    fn actor(s: &mut Store, name: &str) -> Actor {
        let mut a = Actor::new(ActorKind::SecurityService);
        a.name_ar = Some(name.into());
        s.write(|w| w.insert_actor(&a)).unwrap();
        a
    }

    #[test]
    fn filters_and_orders_by_date() {
        let mut s = Store::in_memory().unwrap();
        let dgst = actor(&mut s, "المديرية العامة لمراقبة التراب الوطني");
        let fbi = actor(&mut s, "مكتب التحقيقات الفدرالي");
        let late = event(
            &mut s,
            "زيارة",
            "2022-03-01",
            EventKind::OfficialVisit,
            &[&dgst, &fbi],
        );
        let early = event(&mut s, "اعتقال", "2019-07", EventKind::Arrest, &[&dgst]);
        let undated = {
            let mut e = Event::new(EventKind::Statement);
            e.title_ar = Some("بيان".into());
            e.tags = vec!["وسم statement".into()];
            s.write(|w| w.insert_event(&e)).unwrap();
            e
        };
        let all = s.briefing_event_ids(&BriefingScope::default()).unwrap();
        assert_eq!(all, vec![early.id, late.id, undated.id]);

        let mut scope = BriefingScope {
            actors: vec![dgst.id, fbi.id],
            ..Default::default()
        };
        assert_eq!(
            s.briefing_event_ids(&scope).unwrap(),
            vec![early.id, late.id]
        );
        scope.actor_match = ActorMatch::All;
        assert_eq!(s.briefing_event_ids(&scope).unwrap(), vec![late.id]);

        let scope = BriefingScope {
            from: Some("2020".parse().unwrap()),
            ..Default::default()
        };
        assert_eq!(s.briefing_event_ids(&scope).unwrap(), vec![late.id]);
        let scope = BriefingScope {
            event_kinds: vec![EventKind::Arrest],
            ..Default::default()
        };
        assert_eq!(s.briefing_event_ids(&scope).unwrap(), vec![early.id]);
        let scope = BriefingScope {
            tags: vec!["وسم statement".into()],
            ..Default::default()
        };
        assert_eq!(s.briefing_event_ids(&scope).unwrap(), vec![undated.id]);
    }

    #[test]
    fn explicit_events_override_filters_and_skip_missing() {
        let mut s = Store::in_memory().unwrap();
        let a = event(&mut s, "أ", "2021", EventKind::Arrest, &[]);
        let b = event(&mut s, "ب", "2020", EventKind::Arrest, &[]);
        let scope = BriefingScope {
            events: vec![a.id, crate::model::Id::new(), b.id, a.id],
            event_kinds: vec![EventKind::Training],
            ..Default::default()
        };
        assert_eq!(s.briefing_event_ids(&scope).unwrap(), vec![b.id, a.id]);
    }
}
