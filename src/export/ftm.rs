//! FollowTheMoney writer: one entity per line, as Aleph's `ftm` tools and OpenSanctions read.
//! Ids are Marsad's, so the entities of a re-export replace the earlier ones in Aleph. The
//! mapping (docs/FORMATS.md): actors → Person/PublicBody/Organization/LegalEntity, sources →
//! Article/Document, events → Event (with `involved`/`organizer`), participations and relations
//! → UnknownLink with the Marsad role or relation as `role`, excerpts → Mention, evidence →
//! Documentation (role `evidence`, the quotation as `summary`).

use super::{ExportError, Exporter};
use crate::import::ftm::{
    COORDINATES_NOTE, DATE_AS_WRITTEN_NOTE, EVIDENCE_ROLE, KIND_KEYWORD, PARENT_ROLE,
    RELIABILITY_KEYWORD,
};
use crate::import::source_values::{plain_date, three_letter};
use crate::model::{
    Actor, ActorKind, Dataset, Event, EvidenceTarget, Id, Role, Source, SourceKind,
};
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// Writes FollowTheMoney JSON lines.
pub struct Ftm;

/// Builds one entity's properties, skipping empty values.
#[derive(Default)]
struct Props(Map<String, Value>);

impl Props {
    fn add(&mut self, key: &str, value: impl Into<String>) {
        let value = value.into();
        if value.trim().is_empty() {
            return;
        }
        let list = self
            .0
            .entry(key)
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(a) = list {
            a.push(Value::String(value));
        }
    }

    fn opt(&mut self, key: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.add(key, v.clone());
        }
    }

    fn line(self, out: &mut Vec<u8>, id: impl ToString, schema: &str) -> Result<(), ExportError> {
        let v =
            json!({"id": id.to_string(), "schema": schema, "properties": Value::Object(self.0)});
        serde_json::to_writer(&mut *out, &v).map_err(|e| ExportError::Encode(e.to_string()))?;
        out.push(b'\n');
        Ok(())
    }
}

/// The FtM schema and topic of an actor kind.
fn actor_schema(kind: ActorKind) -> (&'static str, Option<&'static str>) {
    match kind {
        ActorKind::State => ("PublicBody", Some("gov.national")),
        ActorKind::GovernmentBody => ("PublicBody", Some("gov")),
        ActorKind::SecurityService => ("PublicBody", Some("gov.security")),
        ActorKind::Military => ("PublicBody", Some("mil")),
        ActorKind::PoliceJudicial => ("PublicBody", Some("gov.judicial")),
        ActorKind::Person => ("Person", None),
        ActorKind::ArmedGroup => ("Organization", None),
        ActorKind::InternationalOrg => ("Organization", Some("gov.igo")),
        ActorKind::MediaOutlet => ("Organization", None),
        ActorKind::Other => ("LegalEntity", None),
    }
}

fn actor(out: &mut Vec<u8>, a: &Actor) -> Result<(), ExportError> {
    let (schema, topic) = actor_schema(a.kind);
    let mut p = Props::default();
    for n in [&a.name_ar, &a.name_en, &a.name_fr] {
        p.opt("name", n);
    }
    p.opt("weakAlias", &a.acronym);
    for alias in &a.aliases {
        p.add("alias", alias.clone());
    }
    if let Some(c) = &a.country {
        p.add("country", c.to_ascii_lowercase());
    }
    p.opt("description", &a.description);
    if schema != "Person" {
        p.opt("incorporationDate", &a.active_from.map(plain_date));
        p.opt("dissolutionDate", &a.active_to.map(plain_date));
    }
    if let Some(t) = topic {
        p.add("topics", t);
    }
    p.add("keywords", format!("{KIND_KEYWORD}{}", a.kind.code()));
    p.line(out, a.id, schema)
}

fn source(out: &mut Vec<u8>, s: &Source) -> Result<(), ExportError> {
    let schema = match s.kind {
        SourceKind::NewsArticle | SourceKind::Analysis => "Article",
        _ => "Document",
    };
    let mut p = Props::default();
    p.add("title", s.title.clone());
    for a in &s.authors {
        p.add("author", a.clone());
    }
    p.opt("publisher", &s.outlet);
    p.opt("publishedAt", &s.published.map(plain_date));
    p.opt("retrievedAt", &s.accessed.map(plain_date));
    p.opt("sourceUrl", &s.url);
    if let Some(l) = &s.language {
        p.add("language", three_letter(l));
    }
    p.opt("notes", &s.notes);
    p.opt("bodyText", &s.full_text);
    p.add("keywords", format!("{KIND_KEYWORD}{}", s.kind.code()));
    p.add(
        "keywords",
        format!("{RELIABILITY_KEYWORD}{}", s.reliability.code()),
    );
    p.line(out, s.id, schema)
}

fn event(
    out: &mut Vec<u8>,
    e: &Event,
    d: &Dataset,
    sources: &[&Source],
) -> Result<(), ExportError> {
    let mut p = Props::default();
    p.opt("name", &e.title_ar);
    p.opt("name", &e.title_en);
    p.opt("description", &e.description);
    p.opt("startDate", &e.start.map(plain_date));
    p.opt("endDate", &e.end.map(plain_date));
    p.opt("location", &e.place);
    if let Some(c) = &e.country {
        p.add("country", c.to_ascii_lowercase());
    }
    for part in d.participations.iter().filter(|x| x.event_id == e.id) {
        let prop = if part.role == Role::Organiser {
            "organizer"
        } else {
            "involved"
        };
        p.add(prop, part.actor_id.to_string());
    }
    for s in sources {
        p.opt("sourceUrl", &s.url);
        p.opt("publisher", &s.outlet);
    }
    if let Some(w) = &e.date_as_written {
        p.add("notes", format!("{DATE_AS_WRITTEN_NOTE}{w}"));
    }
    if let (Some(lat), Some(lon)) = (e.latitude, e.longitude) {
        p.add("notes", format!("{COORDINATES_NOTE}{lat}, {lon}"));
    }
    p.add("keywords", format!("{KIND_KEYWORD}{}", e.kind.code()));
    for t in &e.tags {
        p.add("keywords", t.clone());
    }
    p.line(out, e.id, "Event")
}

fn unknown_link(
    out: &mut Vec<u8>,
    id: Id,
    subject: Id,
    object: Id,
    role: &str,
    extra: Props,
) -> Result<(), ExportError> {
    let mut p = extra;
    p.add("subject", subject.to_string());
    p.add("object", object.to_string());
    p.add("role", role);
    p.line(out, id, "UnknownLink")
}

/// Sources whose excerpts are evidence for each event, for the event's `sourceUrl`/`publisher`.
fn event_sources(d: &Dataset) -> HashMap<Id, Vec<&Source>> {
    let sources: HashMap<Id, &Source> = d.sources.iter().map(|s| (s.id, s)).collect();
    let excerpts: HashMap<Id, Id> = d.excerpts.iter().map(|x| (x.id, x.source_id)).collect();
    let mut out: HashMap<Id, Vec<&Source>> = HashMap::new();
    for ev in &d.evidence {
        let EvidenceTarget::Event(e) = ev.target else {
            continue;
        };
        if let Some(s) = excerpts.get(&ev.excerpt_id).and_then(|s| sources.get(s)) {
            let list = out.entry(e).or_default();
            if !list.iter().any(|x| x.id == s.id) {
                list.push(s);
            }
        }
    }
    out
}

impl Exporter for Ftm {
    fn name(&self) -> &'static str {
        "ftm"
    }

    fn extension(&self) -> &'static str {
        "ftm.json"
    }

    fn write(&self, d: &Dataset) -> Result<Vec<u8>, ExportError> {
        let mut out = Vec::new();
        for a in &d.actors {
            actor(&mut out, a)?;
        }
        for s in &d.sources {
            source(&mut out, s)?;
        }
        let by_event = event_sources(d);
        for e in &d.events {
            let sources = by_event.get(&e.id).map(Vec::as_slice).unwrap_or(&[]);
            event(&mut out, e, d, sources)?;
        }
        for p in &d.participations {
            unknown_link(
                &mut out,
                p.id,
                p.actor_id,
                p.event_id,
                p.role.code(),
                Props::default(),
            )?;
        }
        for a in &d.actors {
            if let Some(parent) = a.parent_id {
                let id = crate::import::stable_id::stable_id("ftm-parent", &a.id.to_string());
                unknown_link(&mut out, id, a.id, parent, PARENT_ROLE, Props::default())?;
            }
        }
        for r in &d.relations {
            let mut p = Props::default();
            p.opt("startDate", &r.start.map(plain_date));
            p.opt("endDate", &r.end.map(plain_date));
            p.opt("description", &r.note);
            unknown_link(&mut out, r.id, r.from_id, r.to_id, r.kind.code(), p)?;
        }
        for x in &d.excerpts {
            let mut p = Props::default();
            p.add("document", x.source_id.to_string());
            p.add("name", x.text.clone());
            p.line(&mut out, x.id, "Mention")?;
        }
        let excerpts: HashMap<Id, (Id, &str)> = d
            .excerpts
            .iter()
            .map(|x| (x.id, (x.source_id, x.text.as_str())))
            .collect();
        for ev in &d.evidence {
            let Some((source, text)) = excerpts.get(&ev.excerpt_id) else {
                continue;
            };
            let entity = match ev.target {
                EvidenceTarget::Event(id)
                | EvidenceTarget::Participation(id)
                | EvidenceTarget::Relation(id) => id,
            };
            let mut p = Props::default();
            p.add("document", source.to_string());
            p.add("entity", entity.to_string());
            p.add("role", EVIDENCE_ROLE);
            p.add("summary", *text);
            p.line(&mut out, ev.id, "Documentation")?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Importer;
    use crate::import::ftm::Ftm as Reader;
    use crate::import::test_support::{
        actor_view, event_all, event_view, participation_view, relation_view, sample, source_view,
    };

    #[test]
    fn sample_round_trips() {
        let mut data = sample();
        // FtM has no circa dates; the one documented loss.
        for e in &mut data.events {
            e.start = e.start.map(|d| d.with_circa(false));
            e.end = e.end.map(|d| d.with_circa(false));
        }
        for r in &mut data.relations {
            r.start = r.start.map(|d| d.with_circa(false));
            r.end = r.end.map(|d| d.with_circa(false));
        }
        for a in &mut data.actors {
            a.active_from = a.active_from.map(|d| d.with_circa(false));
            a.active_to = a.active_to.map(|d| d.with_circa(false));
        }
        let bytes = Ftm.write(&data).unwrap();
        let back = Reader.read(std::str::from_utf8(&bytes).unwrap()).unwrap();
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        let b = &back.data;
        assert_eq!(actor_view(b), actor_view(&data));
        assert_eq!(event_view(b, event_all), event_view(&data, event_all));
        assert_eq!(source_view(b, true), source_view(&data, true));
        let name = |a: &Actor| a.display_name(true).to_owned();
        assert_eq!(participation_view(b, name), participation_view(&data, name));
        assert_eq!(relation_view(b), relation_view(&data));
        assert_eq!(b.excerpts.len(), data.excerpts.len());
        assert_eq!(b.evidence.len(), data.evidence.len());
        let parents = |d: &Dataset| d.actors.iter().filter(|a| a.parent_id.is_some()).count();
        assert_eq!(parents(b), parents(&data));
        assert!(b.validate(&Default::default()).is_empty());
    }
}
