//! Test helpers for the format round trips: the sample dataset and id-free views of records,
//! so "export then import gives the same records" can be asserted field by field.

use crate::model::{Actor, Dataset, Event, Id};
use std::collections::HashMap;

/// The bundled sample store (Arabic articles on Morocco–US security cooperation).
pub fn sample() -> Dataset {
    crate::sample::dataset().unwrap()
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// Sources as sorted lines of the fields the bibliographic formats carry; with `ids`, the id
/// too (for formats that write Marsad's ids).
pub fn source_view(d: &Dataset, ids: bool) -> Vec<String> {
    let mut v: Vec<String> = d
        .sources
        .iter()
        .map(|s| {
            format!(
                "{}|{}|{}|{}|{:?}|{}|{}|{}|{}|{}",
                if ids { s.id.to_string() } else { String::new() },
                s.kind,
                s.title,
                opt(&s.outlet),
                s.authors,
                opt(&s.language),
                opt(&s.published),
                opt(&s.url),
                opt(&s.accessed),
                opt(&s.notes),
            )
        })
        .collect();
    v.sort();
    v
}

/// Actors as sorted lines of every field but the id and parent.
pub fn actor_view(d: &Dataset) -> Vec<String> {
    let mut v: Vec<String> = d.actors.iter().map(actor_line).collect();
    v.sort();
    v
}

fn actor_line(a: &Actor) -> String {
    let mut aliases = a.aliases.clone();
    aliases.sort();
    format!(
        "{}|{}|{}|{}|{}|{:?}|{}|{}|{}|{}",
        a.kind,
        opt(&a.name_ar),
        opt(&a.name_en),
        opt(&a.name_fr),
        opt(&a.acronym),
        aliases,
        opt(&a.country),
        opt(&a.description),
        opt(&a.active_from),
        opt(&a.active_to),
    )
}

/// Events as sorted lines of the fields chosen by `line`.
pub fn event_view(d: &Dataset, line: fn(&Event) -> String) -> Vec<String> {
    let mut v: Vec<String> = d.events.iter().map(line).collect();
    v.sort();
    v
}

/// Every event field but the id.
pub fn event_all(e: &Event) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{:?}|{:?}|{:?}",
        e.kind,
        opt(&e.title_ar),
        opt(&e.title_en),
        opt(&e.description),
        opt(&e.start),
        opt(&e.end),
        opt(&e.date_as_written),
        opt(&e.place),
        opt(&e.country),
        e.latitude,
        e.longitude,
        e.tags,
    )
}

/// Participations as sorted `(event title, actor name, role)` lines, `name` choosing how an
/// actor is named (formats that carry one name per actor).
pub fn participation_view(d: &Dataset, name: fn(&Actor) -> String) -> Vec<String> {
    let events: HashMap<Id, &Event> = d.events.iter().map(|e| (e.id, e)).collect();
    let actors: HashMap<Id, &Actor> = d.actors.iter().map(|a| (a.id, a)).collect();
    let mut v: Vec<String> = d
        .participations
        .iter()
        .map(|p| {
            format!(
                "{}|{}|{}",
                events[&p.event_id].display_title(true),
                name(actors[&p.actor_id]),
                p.role
            )
        })
        .collect();
    v.sort();
    v
}

/// Relations as sorted `from|kind|to|start|end|note` lines, actors by Arabic-first name.
pub fn relation_view(d: &Dataset) -> Vec<String> {
    let actors: HashMap<Id, &Actor> = d.actors.iter().map(|a| (a.id, a)).collect();
    let mut v: Vec<String> = d
        .relations
        .iter()
        .map(|r| {
            format!(
                "{}|{}|{}|{}|{}|{}",
                actors[&r.from_id].display_name(true),
                r.kind,
                actors[&r.to_id].display_name(true),
                opt(&r.start),
                opt(&r.end),
                opt(&r.note)
            )
        })
        .collect();
    v.sort();
    v
}
