//! Builds an [`ImportPlan`] record by record, merging the duplicates a file holds (same URL or
//! title for sources; same name, alias or acronym for actors; same date, type and actors, or
//! the same external id, for events) and reporting each merge as a problem.

use super::stable_id::stable_id;
use super::{ImportPlan, Problem};
use crate::model::{
    Actor, ActorKind, Event, Evidence, EvidenceTarget, Excerpt, Id, Participation, Relation, Role,
    Source, is_alphanumeric, is_arabic, normalize,
};
use std::collections::{HashMap, HashSet};

/// The matching key of a name: normalised, with runs of spaces and punctuation collapsed.
pub(crate) fn name_key(name: &str) -> String {
    let n = normalize(name);
    let mut out = String::with_capacity(n.len());
    for word in n
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The matching key of a URL: scheme, `www.` and a trailing slash do not make another page.
pub(crate) fn url_key(url: &str) -> String {
    let u = url.trim();
    let u = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(u);
    let u = u.strip_prefix("www.").unwrap_or(u);
    u.trim_end_matches('/').to_owned()
}

/// Whether a name is better kept as an acronym (FBI, DGST, BCIJ).
fn looks_like_acronym(name: &str) -> bool {
    let n = name.trim();
    (2..=8).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
}

/// Accumulates the records of one file.
#[derive(Default)]
pub(crate) struct PlanBuilder {
    plan: ImportPlan,
    actor_keys: HashMap<String, usize>,
    actor_lines: Vec<usize>,
    source_keys: HashMap<String, usize>,
    source_lines: Vec<usize>,
    event_keys: HashMap<String, usize>,
    event_lines: Vec<usize>,
    participations: HashSet<(Id, Id, Role)>,
    /// Ids of the excerpts and evidence added through [`Self::add_excerpt`] and [`Self::cite`]:
    /// looking them up in the plan's lists made a 100k-row ACLED file quadratic (half of its
    /// 44 s import).
    excerpt_ids: HashSet<Id>,
    evidence_ids: HashSet<Id>,
}

impl PlanBuilder {
    /// Records a problem that does not stop the import.
    pub fn problem(&mut self, line: usize, field: Option<&str>, message: impl Into<String>) {
        self.plan.problems.push(Problem::at(line, field, message));
    }

    /// Records a problem in a column.
    pub fn problem_at(&mut self, line: usize, column: usize, field: &str, message: String) {
        self.plan.problems.push(Problem {
            line: Some(line),
            column: Some(column),
            field: Some(field.to_owned()),
            message,
        });
    }

    /// The actor a file refers to by name only: found among the actors already read, or
    /// created (with a deterministic id) with the name in the right slot for its script.
    pub fn actor_named(&mut self, name: &str, kind: ActorKind, line: usize) -> Option<Id> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.actor_keys.get(&key) {
            return Some(self.plan.data.actors[i].id);
        }
        let mut actor = Actor::new(kind);
        actor.id = stable_id("actor", &key);
        let name = name.trim().to_owned();
        if name.chars().any(is_arabic) {
            actor.name_ar = Some(name);
        } else if looks_like_acronym(&name) {
            actor.acronym = Some(name);
        } else {
            actor.name_en = Some(name);
        }
        Some(self.push_actor(actor, line))
    }

    /// Adds a fully described actor, merging it into an earlier one that shares a name.
    pub fn add_actor(&mut self, actor: Actor, line: usize) -> Id {
        let keys: Vec<String> = actor.all_names().map(name_key).collect();
        let found = keys.iter().find_map(|k| self.actor_keys.get(k).copied());
        match found {
            Some(i) => {
                let first = self.actor_lines[i];
                let name = actor.display_name(true).to_owned();
                merge_actor(&mut self.plan.data.actors[i], actor);
                for k in keys {
                    self.actor_keys.entry(k).or_insert(i);
                }
                self.problem(
                    line,
                    None,
                    format!("duplicates the actor of line {first} («{name}»): merged"),
                );
                self.plan.data.actors[i].id
            }
            None => self.push_actor(actor, line),
        }
    }

    fn push_actor(&mut self, actor: Actor, line: usize) -> Id {
        let i = self.plan.data.actors.len();
        for k in actor.all_names().map(name_key) {
            self.actor_keys.entry(k).or_insert(i);
        }
        let id = actor.id;
        self.plan.data.actors.push(actor);
        self.actor_lines.push(line);
        id
    }

    /// Adds a source, merging it into an earlier one with the same URL or normalised title.
    pub fn add_source(&mut self, source: Source, line: usize) -> Id {
        let mut keys = vec![format!("t:{}", name_key(&source.title))];
        if let Some(u) = source.url.as_deref().filter(|u| !u.trim().is_empty()) {
            keys.insert(0, format!("u:{}", url_key(u)));
        }
        let found = keys.iter().find_map(|k| self.source_keys.get(k).copied());
        if let Some(i) = found {
            let first = self.source_lines[i];
            let why = if keys[0].starts_with("u:") && self.source_keys.get(&keys[0]) == Some(&i) {
                "same URL"
            } else {
                "same title"
            };
            merge_source(&mut self.plan.data.sources[i], source);
            self.problem(
                line,
                None,
                format!("duplicates the source of line {first} ({why}): merged"),
            );
            return self.plan.data.sources[i].id;
        }
        let i = self.plan.data.sources.len();
        for k in keys {
            self.source_keys.entry(k).or_insert(i);
        }
        let id = source.id;
        self.plan.data.sources.push(source);
        self.source_lines.push(line);
        id
    }

    /// Adds an event with its actors. `external` is the file's own id for the event (ACLED's
    /// event_id_cnty): two rows are the same event when it matches; without it, when date, type
    /// and actors all match.
    pub fn add_event(
        &mut self,
        event: Event,
        actors: &[(Id, Role)],
        external: Option<&str>,
        line: usize,
    ) -> Id {
        let key = match external {
            Some(x) => Some(format!("x:{x}")),
            None => content_key(&event, actors),
        };
        let found = key.as_ref().and_then(|k| self.event_keys.get(k).copied());
        let id = if let Some(i) = found {
            let first = self.event_lines[i];
            merge_event(&mut self.plan.data.events[i], event);
            let why = if external.is_some() {
                "same id"
            } else {
                "same date, type and actors"
            };
            self.problem(
                line,
                None,
                format!("duplicates the event of line {first} ({why}): merged"),
            );
            self.plan.data.events[i].id
        } else {
            let i = self.plan.data.events.len();
            if let Some(k) = key {
                self.event_keys.insert(k, i);
            }
            let id = event.id;
            self.plan.data.events.push(event);
            self.event_lines.push(line);
            id
        };
        for (actor, role) in actors {
            self.participate(id, *actor, *role);
        }
        id
    }

    /// Links an actor to an event once, with a deterministic id.
    pub fn participate(&mut self, event: Id, actor: Id, role: Role) {
        if self.participations.insert((event, actor, role)) {
            let mut p = Participation::new(event, actor, role);
            p.id = stable_id("participation", &format!("{event}/{actor}/{}", role.code()));
            self.plan.data.participations.push(p);
        }
    }

    /// Adds an excerpt (deterministic id from its source and text).
    pub fn add_excerpt(&mut self, mut excerpt: Excerpt) -> Id {
        excerpt.id = stable_id(
            "excerpt",
            &format!("{}/{}", excerpt.source_id, excerpt.text),
        );
        let id = excerpt.id;
        if self.excerpt_ids.insert(id) {
            self.plan.data.excerpts.push(excerpt);
        }
        id
    }

    /// Links an event to a source through an excerpt of `text` (evidence with a deterministic
    /// id, added once).
    pub fn cite(&mut self, event: Id, source: Id, text: &str) {
        let excerpt = self.add_excerpt(Excerpt::new(source, text));
        let id = stable_id("evidence", &format!("{excerpt}/{event}"));
        if self.evidence_ids.insert(id) {
            let mut evidence = Evidence::new(excerpt, EvidenceTarget::Event(event));
            evidence.id = id;
            self.plan.data.evidence.push(evidence);
        }
    }

    /// Adds a relation between two actors.
    pub fn add_relation(&mut self, relation: Relation) {
        self.plan.data.relations.push(relation);
    }

    /// Mutable access to the records read so far (for fix-ups after all rows are read).
    pub fn data_mut(&mut self) -> &mut crate::model::Dataset {
        &mut self.plan.data
    }

    /// The finished plan.
    pub fn finish(self) -> ImportPlan {
        self.plan
    }
}

/// Date, type and sorted actors; events without a date or actors are never merged, because
/// two undated arrests are not evidently the same arrest.
fn content_key(event: &Event, actors: &[(Id, Role)]) -> Option<String> {
    let start = event.start?;
    if actors.is_empty() {
        return None;
    }
    let mut ids: Vec<Id> = actors.iter().map(|(a, _)| *a).collect();
    ids.sort();
    ids.dedup();
    let ids: Vec<String> = ids.iter().map(Id::to_string).collect();
    Some(format!("c:{start}/{}/{}", event.kind.code(), ids.join(",")))
}

fn fill<T>(slot: &mut Option<T>, other: Option<T>) {
    if slot.is_none() {
        *slot = other;
    }
}

fn union(list: &mut Vec<String>, other: Vec<String>) {
    for s in other {
        if !list.contains(&s) {
            list.push(s);
        }
    }
}

fn merge_actor(a: &mut Actor, b: Actor) {
    let names: Vec<String> = b.all_names().map(str::to_owned).collect();
    fill(&mut a.name_ar, b.name_ar);
    fill(&mut a.name_en, b.name_en);
    fill(&mut a.name_fr, b.name_fr);
    fill(&mut a.acronym, b.acronym);
    fill(&mut a.country, b.country);
    fill(&mut a.description, b.description);
    fill(&mut a.active_from, b.active_from);
    fill(&mut a.active_to, b.active_to);
    fill(&mut a.parent_id, b.parent_id);
    if a.kind == ActorKind::Other {
        a.kind = b.kind;
    }
    // Spellings the first record did not have are kept as aliases.
    let known: HashSet<String> = a.all_names().map(name_key).collect();
    let new: Vec<String> = names
        .into_iter()
        .filter(|n| !known.contains(&name_key(n)))
        .collect();
    union(&mut a.aliases, new);
}

fn merge_source(a: &mut Source, b: Source) {
    fill(&mut a.outlet, b.outlet);
    fill(&mut a.language, b.language);
    fill(&mut a.published, b.published);
    fill(&mut a.url, b.url);
    fill(&mut a.accessed, b.accessed);
    fill(&mut a.notes, b.notes);
    fill(&mut a.full_text, b.full_text);
    if a.authors.is_empty() {
        a.authors = b.authors;
    }
}

fn merge_event(a: &mut Event, b: Event) {
    fill(&mut a.title_ar, b.title_ar);
    fill(&mut a.title_en, b.title_en);
    fill(&mut a.description, b.description);
    fill(&mut a.start, b.start);
    fill(&mut a.end, b.end);
    fill(&mut a.date_as_written, b.date_as_written);
    fill(&mut a.place, b.place);
    fill(&mut a.country, b.country);
    if a.latitude.is_none() && a.longitude.is_none() {
        a.latitude = b.latitude;
        a.longitude = b.longitude;
    }
    union(&mut a.tags, b.tags);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventKind, SourceKind};

    #[test]
    fn actors_by_name_are_shared_and_spellings_merge() {
        let mut b = PlanBuilder::default();
        let a = b.actor_named("المغرب", ActorKind::State, 2).unwrap();
        assert_eq!(b.actor_named("  المَغرب ", ActorKind::State, 3), Some(a));
        let fbi = b.actor_named("FBI", ActorKind::Other, 4).unwrap();
        let mut full = Actor::new(ActorKind::SecurityService);
        full.name_en = Some("Federal Bureau of Investigation".into());
        full.acronym = Some("F.B.I".into());
        full.aliases = vec!["fbi".into()];
        assert_eq!(b.add_actor(full, 9), fbi);
        let plan = b.finish();
        assert_eq!(plan.data.actors.len(), 2);
        assert_eq!(plan.data.actors[1].kind, ActorKind::SecurityService);
        assert_eq!(plan.problems.len(), 1);
        assert!(plan.problems[0].message.contains("line 4"));
    }

    #[test]
    fn sources_merge_on_url_or_title() {
        let mut b = PlanBuilder::default();
        let mut s = Source::new(SourceKind::NewsArticle, "تفكيك خلية");
        s.url = Some("https://www.hespress.com/a/".into());
        let id = b.add_source(s, 2);
        let mut t = Source::new(SourceKind::NewsArticle, "Other title");
        t.url = Some("http://hespress.com/a".into());
        t.outlet = Some("Hespress".into());
        assert_eq!(b.add_source(t, 5), id);
        let u = Source::new(SourceKind::NewsArticle, "تفكيكُ خلية");
        assert_eq!(b.add_source(u, 6), id);
        let plan = b.finish();
        assert_eq!(plan.data.sources.len(), 1);
        assert_eq!(plan.data.sources[0].outlet.as_deref(), Some("Hespress"));
        assert!(plan.problems[0].message.contains("same URL"));
        assert!(plan.problems[1].message.contains("same title"));
    }

    #[test]
    fn events_merge_on_date_type_and_actors() {
        let mut b = PlanBuilder::default();
        let a = b.actor_named("DGST", ActorKind::Other, 2).unwrap();
        let mut e = Event::new(EventKind::Arrest);
        e.title_ar = Some("اعتقال".into());
        e.start = "2022-03-26".parse().ok();
        let mut f = e.clone();
        f.id = Id::new();
        f.place = Some("Berkane".into());
        let id = b.add_event(e, &[(a, Role::ArrestingBody)], None, 2);
        assert_eq!(b.add_event(f, &[(a, Role::ArrestingBody)], None, 3), id);
        let plan = b.finish();
        assert_eq!(plan.data.events.len(), 1);
        assert_eq!(plan.data.participations.len(), 1);
        assert_eq!(plan.data.events[0].place.as_deref(), Some("Berkane"));
    }
}
