//! FollowTheMoney reader: the JSON-lines entity streams of Aleph and OpenSanctions (one
//! `{"id", "schema", "properties": {name: [values]}}` per line). See docs/FORMATS.md for the
//! schema mapping; in short, Person/Organization/PublicBody/LegalEntity/Company become actors,
//! Event events, Article/Document sources, Mention excerpts, and the links (`UnknownLink`,
//! `Membership`, `Directorship`, `Documentation`) participations, relations and evidence.
//!
//! Fatal: a line that is not a JSON object with `id` and `schema` (line and column), nesting or
//! length beyond the limits, an actor, event or source with no name or title. Reported:
//! schemas Marsad does not read, links to entities not in the file, unreadable dates.

use super::limits::{check_field, check_json_depth, check_lines};
use super::plan_builder::PlanBuilder;
use super::source_values::{external_id, language, loose_date};
use super::stable_id::stable_id;
use super::{ImportError, ImportPlan, Importer};
use crate::model::{
    Actor, ActorKind, Event, EventKind, Evidence, EvidenceTarget, Excerpt, Id, PartialDate,
    Relation, RelationKind, Reliability, Role, Source, SourceKind, is_arabic,
};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Reads FollowTheMoney JSON lines.
pub struct Ftm;

/// Prefix of the `keywords` Marsad writes to keep what FtM has no property for (the kind of
/// an actor, event or source, a source's reliability).
pub const KIND_KEYWORD: &str = "marsad:kind:";
/// Prefix of the keyword holding a source's reliability grade.
pub const RELIABILITY_KEYWORD: &str = "marsad:reliability:";
/// Label of the event note holding the date as the source writes it.
pub const DATE_AS_WRITTEN_NOTE: &str = "date as written: ";
/// Label of the event note holding the coordinates.
pub const COORDINATES_NOTE: &str = "coordinates: ";
/// The `UnknownLink` role Marsad writes for an actor's parent.
pub const PARENT_ROLE: &str = "parent";
/// The `Documentation` role Marsad writes for an excerpt offered as evidence.
pub const EVIDENCE_ROLE: &str = "evidence";

/// One entity of the stream.
struct Entity {
    line: usize,
    id: String,
    schema: String,
    props: serde_json::Map<String, Value>,
}

impl Entity {
    /// Every value of a property (FtM values are lists of strings; a lone string is accepted).
    fn all(&self, key: &str) -> Vec<String> {
        let one = |v: &Value| match v {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        match self.props.get(key) {
            Some(Value::Array(a)) => a.iter().filter_map(one).collect(),
            Some(v) => one(v).into_iter().collect(),
            None => Vec::new(),
        }
    }

    fn first(&self, key: &str) -> Option<String> {
        self.all(key).into_iter().next()
    }

    fn keyword(&self, prefix: &str) -> Option<String> {
        self.all("keywords")
            .into_iter()
            .find_map(|k| k.strip_prefix(prefix).map(str::to_owned))
    }

    fn date(&self, keys: &[&str], b: &mut PlanBuilder) -> Option<PartialDate> {
        let (key, value) = keys.iter().find_map(|k| self.first(k).map(|v| (*k, v)))?;
        let d = loose_date(&value);
        if d.is_none() {
            b.problem(
                self.line,
                Some(key),
                format!("«{value}» is not a date Marsad reads: left empty"),
            );
        }
        d
    }
}

fn parse_line(line: &str, line_no: usize) -> Result<Entity, ImportError> {
    check_json_depth(line, line_no)?;
    let v: Value = serde_json::from_str(line).map_err(|e| ImportError::Syntax {
        line: line_no,
        column: e.column().max(1),
        message: format!(
            "this line is not a JSON object: {}",
            super::csl_json::strip_position(&e.to_string())
        ),
    })?;
    let field = |field: &str, message: &str| ImportError::Field {
        line: line_no,
        column: None,
        field: field.into(),
        message: message.into(),
    };
    let Value::Object(mut obj) = v else {
        return Err(field(
            "schema",
            "each line must be an entity object ({\"id\", \"schema\", \"properties\"})",
        ));
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        _ => return Err(field("id", "the entity has no id")),
    };
    let schema = match obj.get("schema") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err(field("schema", "the entity has no schema")),
    };
    let props = match obj.remove("properties") {
        Some(Value::Object(p)) => p,
        None => serde_json::Map::new(),
        Some(_) => return Err(field("properties", "properties must be an object of lists")),
    };
    for (k, v) in &props {
        if let Value::Array(a) = v {
            for s in a.iter().filter_map(Value::as_str) {
                check_field(line_no, k, s)?;
            }
        }
    }
    Ok(Entity {
        line: line_no,
        id,
        schema,
        props,
    })
}

const ACTOR_SCHEMAS: &[&str] = &[
    "Person",
    "Organization",
    "PublicBody",
    "LegalEntity",
    "Company",
];
const SOURCE_SCHEMAS: &[&str] = &[
    "Article",
    "Document",
    "Page",
    "Pages",
    "HyperText",
    "PlainText",
    "Email",
];
const LINK_SCHEMAS: &[&str] = &[
    "UnknownLink",
    "Membership",
    "Directorship",
    "Documentation",
    "Mention",
];

/// What an FtM topic says about an actor's kind.
fn kind_from_topics(topics: &[String]) -> Option<ActorKind> {
    topics.iter().find_map(|t| match t.as_str() {
        "gov.national" => Some(ActorKind::State),
        "gov.security" => Some(ActorKind::SecurityService),
        "mil" => Some(ActorKind::Military),
        "gov.judicial" | "role.judge" => Some(ActorKind::PoliceJudicial),
        "gov.igo" => Some(ActorKind::InternationalOrg),
        "crime.terror" | "crime.war" => Some(ActorKind::ArmedGroup),
        "media" => Some(ActorKind::MediaOutlet),
        t if t == "gov" || t.starts_with("gov.") => Some(ActorKind::GovernmentBody),
        _ => None,
    })
}

fn actor_kind(e: &Entity) -> ActorKind {
    if let Some(k) = e.keyword(KIND_KEYWORD).and_then(|k| k.parse().ok()) {
        return k;
    }
    if let Some(k) = kind_from_topics(&e.all("topics")) {
        return k;
    }
    match e.schema.as_str() {
        "Person" => ActorKind::Person,
        "PublicBody" => ActorKind::GovernmentBody,
        _ => ActorKind::Other,
    }
}

fn country(e: &Entity, b: &mut PlanBuilder) -> Option<String> {
    let c = e.first("country").or_else(|| e.first("jurisdiction"))?;
    let code = super::countries::lookup(&c)
        .map(|k| k.alpha2.to_owned())
        .or_else(|| {
            (c.len() == 2 && c.bytes().all(|x| x.is_ascii_alphabetic()))
                .then(|| c.to_ascii_uppercase())
        });
    if code.is_none() {
        b.problem(
            e.line,
            Some("country"),
            format!("unknown country «{c}»: left empty"),
        );
    }
    code
}

fn actor(e: &Entity, b: &mut PlanBuilder) -> Result<Actor, ImportError> {
    let mut a = Actor::new(actor_kind(e));
    let mut latin = Vec::new();
    for n in e.all("name") {
        if n.chars().any(is_arabic) && a.name_ar.is_none() {
            a.name_ar = Some(n);
        } else if n.chars().any(is_arabic) {
            a.aliases.push(n);
        } else {
            latin.push(n);
        }
    }
    let mut latin = latin.into_iter();
    a.name_en = latin.next();
    a.name_fr = latin.next();
    a.aliases.extend(latin);
    let mut weak = e.all("weakAlias").into_iter();
    a.acronym = weak.next();
    a.aliases.extend(weak);
    a.aliases.extend(e.all("alias"));
    a.aliases.extend(e.all("previousName"));
    if a.all_names().next().is_none() {
        return Err(ImportError::Field {
            line: e.line,
            column: None,
            field: "name".into(),
            message: format!("the {} «{}» has no name", e.schema, e.id),
        });
    }
    a.country = country(e, b);
    a.description = e.first("description").or_else(|| e.first("summary"));
    a.active_from = e.date(&["incorporationDate", "startDate"], b);
    a.active_to = e.date(&["dissolutionDate", "endDate"], b);
    if let (Some(s), Some(t)) = (a.active_from, a.active_to)
        && t.end_key() < s.start_key()
    {
        b.problem(
            e.line,
            Some("dissolutionDate"),
            "before the start date: left empty",
        );
        a.active_to = None;
    }
    a.id = external_id("ftm", &e.id);
    Ok(a)
}

fn source(e: &Entity, b: &mut PlanBuilder) -> Result<Source, ImportError> {
    let Some(title) = e
        .first("title")
        .or_else(|| e.first("name"))
        .or_else(|| e.first("fileName"))
    else {
        return Err(ImportError::Field {
            line: e.line,
            column: None,
            field: "title".into(),
            message: format!("the {} «{}» has no title", e.schema, e.id),
        });
    };
    let default = if e.schema == "Article" {
        SourceKind::NewsArticle
    } else {
        SourceKind::Report
    };
    let kind = e
        .keyword(KIND_KEYWORD)
        .and_then(|k| k.parse().ok())
        .unwrap_or(default);
    let mut s = Source::new(kind, title);
    s.authors = e.all("author");
    s.outlet = e.first("publisher");
    s.published = e.date(&["publishedAt", "date", "authoredAt"], b);
    s.accessed = e.date(&["retrievedAt"], b);
    s.url = e.first("sourceUrl");
    if let Some(l) = e.first("language") {
        s.language = language(&l);
        if s.language.is_none() {
            b.problem(
                e.line,
                Some("language"),
                format!("unknown language «{l}»: left empty"),
            );
        }
    }
    if let Some(r) = e.keyword(RELIABILITY_KEYWORD) {
        s.reliability = r.parse().unwrap_or(Reliability::F);
    }
    let notes = e.all("notes");
    s.notes = (!notes.is_empty()).then(|| notes.join("\n\n"));
    s.full_text = e.first("bodyText");
    s.id = external_id("ftm", &e.id);
    Ok(s)
}

fn event(e: &Entity, b: &mut PlanBuilder) -> Result<Event, ImportError> {
    let kind = e
        .keyword(KIND_KEYWORD)
        .and_then(|k| k.parse().ok())
        .unwrap_or(EventKind::Other);
    let mut ev = Event::new(kind);
    for n in e.all("name") {
        let slot = if n.chars().any(is_arabic) {
            &mut ev.title_ar
        } else {
            &mut ev.title_en
        };
        if slot.is_none() {
            *slot = Some(n);
        }
    }
    if ev.title_ar.is_none() && ev.title_en.is_none() {
        return Err(ImportError::Field {
            line: e.line,
            column: None,
            field: "name".into(),
            message: format!("the Event «{}» has no name", e.id),
        });
    }
    ev.description = e.first("description").or_else(|| e.first("summary"));
    ev.start = e.date(&["startDate", "date"], b);
    ev.end = e.date(&["endDate"], b);
    if let (Some(s), Some(t)) = (ev.start, ev.end)
        && t.end_key() < s.start_key()
    {
        b.problem(e.line, Some("endDate"), "before the start date: left empty");
        ev.end = None;
    }
    ev.place = e.first("location");
    ev.country = country(e, b);
    for note in e.all("notes") {
        if let Some(d) = note.strip_prefix(DATE_AS_WRITTEN_NOTE) {
            ev.date_as_written = Some(d.to_owned());
        } else if let Some(c) = note.strip_prefix(COORDINATES_NOTE) {
            let nums: Vec<f64> = c.split(',').filter_map(|x| x.trim().parse().ok()).collect();
            if let [lat, lon] = nums[..]
                && (-90.0..=90.0).contains(&lat)
                && (-180.0..=180.0).contains(&lon)
            {
                ev.latitude = Some(lat);
                ev.longitude = Some(lon);
            }
        } else if ev.description.is_none() {
            ev.description = Some(note);
        }
    }
    ev.tags = e
        .all("keywords")
        .into_iter()
        .filter(|k| !k.starts_with("marsad:"))
        .collect();
    ev.id = external_id("ftm", &e.id);
    Ok(ev)
}

/// Ids given to the entities read so far.
#[derive(Default)]
struct Ids {
    actors: HashMap<String, Id>,
    events: HashMap<String, Id>,
    sources: HashMap<String, Id>,
    /// FtM link id → what evidence pointing at it supports.
    targets: HashMap<String, EvidenceTarget>,
    excerpts: HashMap<(Id, String), Id>,
}

/// Reads an `UnknownLink`, `Membership` or `Directorship`: a participation when the object
/// is an event, a relation (or a parent) between two actors otherwise.
fn link(e: &Entity, ids: &mut Ids, b: &mut PlanBuilder) {
    let (subject, object, default) = match e.schema.as_str() {
        "Membership" => ("member", "organization", Some(RelationKind::MemberOf)),
        "Directorship" => ("director", "organization", Some(RelationKind::Heads)),
        _ => ("subject", "object", None),
    };
    let (Some(mut s), Some(mut o)) = (e.first(subject), e.first(object)) else {
        b.problem(
            e.line,
            Some(subject),
            format!("the {} does not name both ends: skipped", e.schema),
        );
        return;
    };
    if ids.events.contains_key(&s) && ids.actors.contains_key(&o) {
        std::mem::swap(&mut s, &mut o);
    }
    let role = e.first("role").unwrap_or_default();
    let Some(&actor) = ids.actors.get(&s) else {
        b.problem(
            e.line,
            Some(subject),
            format!("«{s}» is not an actor in this file: link skipped"),
        );
        return;
    };
    if let Some(&event) = ids.events.get(&o) {
        let r = role.parse::<Role>().unwrap_or_else(|_| {
            if !role.is_empty() {
                b.problem(
                    e.line,
                    Some("role"),
                    format!("unknown role «{role}»: recorded as participant"),
                );
            }
            Role::Participant
        });
        b.participate(event, actor, r);
        // A link Marsad wrote carries the participation's id: keeping it lets a re-import
        // update the store's participation instead of colliding with it.
        let pid = match e.id.parse::<Id>() {
            Ok(id) => {
                let found = b
                    .data_mut()
                    .participations
                    .iter_mut()
                    .find(|p| p.event_id == event && p.actor_id == actor && p.role == r);
                if let Some(p) = found {
                    p.id = id;
                }
                id
            }
            Err(_) => stable_id("participation", &format!("{event}/{actor}/{}", r.code())),
        };
        ids.targets
            .insert(e.id.clone(), EvidenceTarget::Participation(pid));
        return;
    }
    let Some(&to) = ids.actors.get(&o) else {
        b.problem(
            e.line,
            Some(object),
            format!("«{o}» is not an actor or event in this file: link skipped"),
        );
        return;
    };
    if role == PARENT_ROLE {
        if let Some(a) = b.data_mut().actors.iter_mut().find(|a| a.id == actor) {
            a.parent_id = Some(to);
        }
        return;
    }
    if actor == to {
        b.problem(
            e.line,
            Some(object),
            "a link from an actor to itself: skipped",
        );
        return;
    }
    let (kind, note) = match (role.parse::<RelationKind>(), default) {
        (Ok(k), _) => (k, None),
        (Err(_), Some(k)) => (k, (!role.is_empty()).then(|| role.clone())),
        (Err(_), None) => (
            RelationKind::AffiliatedWith,
            (!role.is_empty()).then(|| role.clone()),
        ),
    };
    let mut r = Relation::new(actor, kind, to);
    r.id = external_id("ftm", &e.id);
    r.start = e.date(&["startDate", "date"], b);
    r.end = e.date(&["endDate"], b);
    if let (Some(s), Some(t)) = (r.start, r.end)
        && t.end_key() < s.start_key()
    {
        r.end = None;
    }
    r.note = e.first("description").or(note);
    ids.targets
        .insert(e.id.clone(), EvidenceTarget::Relation(r.id));
    b.add_relation(r);
}

fn excerpt(source: Id, text: &str, ids: &mut Ids, b: &mut PlanBuilder) -> Id {
    if let Some(id) = ids.excerpts.get(&(source, text.to_owned())) {
        return *id;
    }
    let id = b.add_excerpt(Excerpt::new(source, text));
    ids.excerpts.insert((source, text.to_owned()), id);
    id
}

fn mention(e: &Entity, ids: &mut Ids, b: &mut PlanBuilder) {
    let (Some(doc), Some(text)) = (e.first("document"), e.first("name")) else {
        b.problem(
            e.line,
            Some("document"),
            "the Mention needs a document and a name: skipped",
        );
        return;
    };
    match ids.sources.get(&doc) {
        Some(&source) => {
            excerpt(source, &text, ids, b);
        }
        None => b.problem(
            e.line,
            Some("document"),
            format!("«{doc}» is not a document in this file: skipped"),
        ),
    }
}

fn documentation(e: &Entity, ids: &mut Ids, b: &mut PlanBuilder) {
    let (Some(doc), Some(entity)) = (e.first("document"), e.first("entity")) else {
        b.problem(
            e.line,
            Some("document"),
            "the Documentation needs a document and an entity: skipped",
        );
        return;
    };
    let Some(&source) = ids.sources.get(&doc) else {
        b.problem(
            e.line,
            Some("document"),
            format!("«{doc}» is not a document in this file: skipped"),
        );
        return;
    };
    let target = ids
        .events
        .get(&entity)
        .map(|id| EvidenceTarget::Event(*id))
        .or_else(|| ids.targets.get(&entity).copied());
    let (Some(target), Some(text)) = (target, e.first("summary")) else {
        // A document that merely documents an entity has no quotation to keep as evidence.
        return;
    };
    let x = excerpt(source, &text, ids, b);
    let mut ev = Evidence::new(x, target);
    ev.id = external_id("ftm", &e.id);
    b.data_mut().evidence.push(ev);
}

fn event_actors(
    e: &Entity,
    ids: &Ids,
    linked: &HashSet<(String, String)>,
    b: &mut PlanBuilder,
) -> Vec<(Id, Role)> {
    let mut out = Vec::new();
    for (prop, role) in [
        ("organizer", Role::Organiser),
        ("involved", Role::Participant),
    ] {
        for a in e.all(prop) {
            if linked.contains(&(a.clone(), e.id.clone())) {
                continue;
            }
            match ids.actors.get(&a) {
                Some(id) => out.push((*id, role)),
                None => b.problem(
                    e.line,
                    Some(prop),
                    format!("«{a}» is not an actor in this file: skipped"),
                ),
            }
        }
    }
    out
}

impl Importer for Ftm {
    fn name(&self) -> &'static str {
        "ftm"
    }

    fn sniff(&self, head: &str) -> bool {
        let head = head.trim_start_matches('\u{feff}');
        head.lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| {
                let l = l.trim_start();
                l.starts_with('{') && l.contains("\"schema\"") && l.contains("\"id\"")
            })
    }

    fn read(&self, text: &str) -> Result<ImportPlan, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        check_lines(text)?;
        let mut entities = Vec::new();
        for (i, line) in text.split('\n').enumerate() {
            let line = line.trim();
            if !line.is_empty() {
                entities.push(parse_line(line, i + 1)?);
            }
        }
        let mut b = PlanBuilder::default();
        let mut ids = Ids::default();
        let mut unknown = HashSet::new();
        for e in &entities {
            let s = e.schema.as_str();
            if ACTOR_SCHEMAS.contains(&s) {
                let a = actor(e, &mut b)?;
                let id = b.add_actor(a, e.line);
                ids.actors.insert(e.id.clone(), id);
            } else if SOURCE_SCHEMAS.contains(&s) {
                let src = source(e, &mut b)?;
                let id = b.add_source(src, e.line);
                ids.sources.insert(e.id.clone(), id);
            } else if s != "Event" && !LINK_SCHEMAS.contains(&s) && unknown.insert(s.to_owned()) {
                b.problem(
                    e.line,
                    Some("schema"),
                    format!("Marsad does not read «{s}» entities: skipped"),
                );
            }
        }
        // Actor–event pairs an UnknownLink gives a role; the event's own lists only add the rest.
        let linked: HashSet<(String, String)> = entities
            .iter()
            .filter(|e| e.schema == "UnknownLink")
            .filter_map(|e| Some((e.first("subject")?, e.first("object")?)))
            .collect();
        for e in entities.iter().filter(|e| e.schema == "Event") {
            let ev = event(e, &mut b)?;
            let actors = event_actors(e, &ids, &linked, &mut b);
            let id = b.add_event(ev, &actors, Some(&e.id), e.line);
            ids.events.insert(e.id.clone(), id);
        }
        for e in &entities {
            match e.schema.as_str() {
                "UnknownLink" | "Membership" | "Directorship" => link(e, &mut ids, &mut b),
                "Mention" => mention(e, &mut ids, &mut b),
                _ => {}
            }
        }
        for e in entities.iter().filter(|e| e.schema == "Documentation") {
            documentation(e, &mut ids, &mut b);
        }
        Ok(b.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALEPH: &str = r#"{"id": "p1", "schema": "Person", "properties": {"name": ["عبد اللطيف الحموشي", "Abdellatif Hammouchi"], "nationality": ["ma"], "country": ["ma"]}}
{"id": "o1", "schema": "PublicBody", "properties": {"name": ["المديرية العامة لمراقبة التراب الوطني", "General Directorate for Territorial Surveillance"], "weakAlias": ["DGST"], "country": ["ma"], "topics": ["gov.security"]}}
{"id": "d1", "schema": "Directorship", "properties": {"director": ["p1"], "organization": ["o1"], "startDate": ["2005"]}}
{"id": "e1", "schema": "Event", "properties": {"name": ["تفكيك خلية إرهابية في بركان"], "startDate": ["2022-03-26"], "location": ["Berkane"], "country": ["ma"], "involved": ["o1"]}}
{"id": "x1", "schema": "Sanction", "properties": {"entity": ["p1"]}}
"#;

    #[test]
    fn reads_aleph_entities() {
        let plan = Ftm.read(ALEPH).unwrap();
        let d = &plan.data;
        assert_eq!(d.actors.len(), 2);
        assert_eq!(d.actors[0].kind, ActorKind::Person);
        assert_eq!(d.actors[1].kind, ActorKind::SecurityService);
        assert_eq!(d.actors[1].acronym.as_deref(), Some("DGST"));
        assert_eq!(d.actors[1].country.as_deref(), Some("MA"));
        assert_eq!(d.relations.len(), 1);
        assert_eq!(d.relations[0].kind, RelationKind::Heads);
        assert_eq!(d.events[0].place.as_deref(), Some("Berkane"));
        assert_eq!(d.participations.len(), 1);
        assert_eq!(d.participations[0].role, Role::Participant);
        assert_eq!(plan.problems.len(), 1);
        assert_eq!(plan.problems[0].line, Some(5));
    }

    #[test]
    fn bad_lines_name_the_line() {
        let err = Ftm
            .read("{\"id\":\"a\",\"schema\":\"Person\"}\n{\"id\": }\n")
            .unwrap_err();
        assert!(matches!(err, ImportError::Syntax { line: 2, .. }), "{err}");
        let err = Ftm
            .read("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{}}")
            .unwrap_err();
        assert!(err.to_string().starts_with("line 1, field «name»"), "{err}");
        let err = Ftm.read("[1]").unwrap_err();
        assert!(matches!(err, ImportError::Field { line: 1, .. }), "{err}");
    }
}
