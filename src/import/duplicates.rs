//! Records of an import that the store already holds under another id: the same actor by any
//! name, acronym or alias; the same source by URL or normalised title; the same event by date,
//! type and actors. Each is offered to the user as merge, skip or keep both, and
//! [`resolve`] rewrites the plan accordingly before it is written in one transaction.

use super::ImportPlan;
use crate::model::{Actor, Event, EvidenceTarget, Id, Source, normalize};
use crate::store::{Store, StoreError};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Which kind of record a duplicate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKind {
    /// An actor.
    Actor,
    /// A source.
    Source,
    /// An event.
    Event,
}

/// Why two records are taken for the same.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "value")]
pub enum MatchReason {
    /// One of the imported actor's names, acronym or aliases is one of the stored actor's.
    Name(String),
    /// Same URL.
    Url(String),
    /// Same title once normalised (hamza, taa marbuta, diacritics, case).
    Title,
    /// Same start date (at the same precision), same type and the same actors.
    DateTypeActors,
}

/// An imported record that matches a stored one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Duplicate {
    /// Record kind.
    pub kind: DuplicateKind,
    /// The record's id in the import.
    pub incoming: Id,
    /// The stored record's id.
    pub existing: Id,
    /// How the imported record is called.
    pub incoming_label: String,
    /// How the stored record is called.
    pub existing_label: String,
    /// Why they match.
    pub reason: MatchReason,
}

/// What to do with a duplicate.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Resolution {
    /// Use the stored record, completed with what the import knows that it does not (missing
    /// fields, other names as aliases); the import's links point at it.
    #[default]
    Merge,
    /// Leave the stored record as it is. An imported actor is still linked to the stored one
    /// (its events keep their participants); an imported source or event is left out with
    /// everything that hangs on it (excerpts, participations, evidence).
    Skip,
    /// Import the record as a separate one.
    KeepBoth,
}

impl Resolution {
    /// Every choice, in menu order.
    pub const ALL: [Self; 3] = [Self::Merge, Self::Skip, Self::KeepBoth];
}

impl std::str::FromStr for Resolution {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "merge" => Ok(Self::Merge),
            "skip" => Ok(Self::Skip),
            "keep" | "keep-both" => Ok(Self::KeepBoth),
            other => Err(format!(
                "unknown choice «{other}» for duplicates (merge, skip or keep)"
            )),
        }
    }
}

/// How the duplicates were resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Resolved {
    /// Merged into the stored record.
    pub merged: usize,
    /// Left out (or, for actors, linked to the stored record without changing it).
    pub skipped: usize,
    /// Imported as separate records.
    pub kept_both: usize,
}

/// Finds the plan's records that the store holds under another id. Records whose id the store
/// already has are updates, not duplicates.
pub fn find_duplicates(store: &Store, plan: &ImportPlan) -> Result<Vec<Duplicate>, StoreError> {
    store.reading(|| duplicates_in(store, plan))
}

fn duplicates_in(store: &Store, plan: &ImportPlan) -> Result<Vec<Duplicate>, StoreError> {
    let d = &plan.data;
    let ids = d
        .actors
        .iter()
        .map(|a| a.id)
        .chain(d.sources.iter().map(|s| s.id))
        .chain(d.events.iter().map(|e| e.id));
    let known = store.existing_ids(ids)?;
    let mut found = actor_duplicates(store, &d.actors, &known)?;
    found.extend(source_duplicates(store, &d.sources, &known)?);
    let actor_map: HashMap<Id, Id> = found.iter().map(|x| (x.incoming, x.existing)).collect();
    found.extend(event_duplicates(store, plan, &known, &actor_map)?);
    Ok(found)
}

fn actor_duplicates(
    store: &Store,
    actors: &[Actor],
    known: &HashSet<Id>,
) -> Result<Vec<Duplicate>, StoreError> {
    let mut found = Vec::new();
    for a in actors.iter().filter(|a| !known.contains(&a.id)) {
        let names = a.all_names().chain(a.aliases.iter().map(String::as_str));
        for name in names {
            let hit = store
                .find_actors_by_name(name)?
                .into_iter()
                .find(|s| s.id != a.id);
            if let Some(stored) = hit {
                found.push(Duplicate {
                    kind: DuplicateKind::Actor,
                    incoming: a.id,
                    existing: stored.id,
                    incoming_label: a.display_name(true).to_owned(),
                    existing_label: stored.display_name(true).to_owned(),
                    reason: MatchReason::Name(name.to_owned()),
                });
                break;
            }
        }
    }
    Ok(found)
}

fn source_duplicates(
    store: &Store,
    sources: &[Source],
    known: &HashSet<Id>,
) -> Result<Vec<Duplicate>, StoreError> {
    let new: Vec<&Source> = sources.iter().filter(|s| !known.contains(&s.id)).collect();
    if new.is_empty() {
        return Ok(Vec::new());
    }
    let by_title: HashMap<String, (Id, String)> = store
        .all_sources()?
        .into_iter()
        .map(|s| (normalize(&s.title), (s.id, s.title)))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let mut found = Vec::new();
    for s in new {
        let by_url = match s.url.as_deref().filter(|u| !u.trim().is_empty()) {
            Some(url) => store
                .find_sources_by_url(url)?
                .into_iter()
                .find(|x| x.id != s.id)
                .map(|x| (x.id, x.title, MatchReason::Url(url.to_owned()))),
            None => None,
        };
        let hit = by_url.or_else(|| {
            by_title
                .get(&normalize(&s.title))
                .filter(|(id, _)| *id != s.id)
                .map(|(id, t)| (*id, t.clone(), MatchReason::Title))
        });
        if let Some((existing, existing_label, reason)) = hit {
            found.push(Duplicate {
                kind: DuplicateKind::Source,
                incoming: s.id,
                existing,
                incoming_label: s.title.clone(),
                existing_label,
                reason,
            });
        }
    }
    Ok(found)
}

fn event_duplicates(
    store: &Store,
    plan: &ImportPlan,
    known: &HashSet<Id>,
    actor_map: &HashMap<Id, Id>,
) -> Result<Vec<Duplicate>, StoreError> {
    let mut actors_of: HashMap<Id, BTreeSet<Id>> = HashMap::new();
    for p in &plan.data.participations {
        let actor = actor_map.get(&p.actor_id).copied().unwrap_or(p.actor_id);
        actors_of.entry(p.event_id).or_default().insert(actor);
    }
    let mut found = Vec::new();
    for e in plan.data.events.iter().filter(|e| !known.contains(&e.id)) {
        let Some(start) = e.start else { continue };
        let candidates = store.events_starting(start, e.kind)?;
        if candidates.is_empty() {
            continue;
        }
        let mine = actors_of.remove(&e.id).unwrap_or_default();
        for c in candidates.into_iter().filter(|c| c.id != e.id) {
            let theirs: BTreeSet<Id> = store
                .participations_of_event(c.id)?
                .into_iter()
                .map(|p| p.actor_id)
                .collect();
            if same_event(e, &mine, &c, &theirs) {
                found.push(Duplicate {
                    kind: DuplicateKind::Event,
                    incoming: e.id,
                    existing: c.id,
                    incoming_label: e.display_title(true).to_owned(),
                    existing_label: c.display_title(true).to_owned(),
                    reason: MatchReason::DateTypeActors,
                });
                break;
            }
        }
    }
    Ok(found)
}

/// Same actors (date and type are already equal) and, when both say where, the same place:
/// the same police force arresting on the same day in two cities did two things. Two events
/// without actors must also share their title, or every actor-less arrest of a day would be one.
fn same_event(e: &Event, mine: &BTreeSet<Id>, c: &Event, theirs: &BTreeSet<Id>) -> bool {
    if let (Some(a), Some(b)) = (&e.place, &c.place)
        && normalize(a) != normalize(b)
    {
        return false;
    }
    if mine.is_empty() && theirs.is_empty() {
        let t = |x: &Event| normalize(x.display_title(true));
        return !t(e).is_empty() && t(e) == t(c);
    }
    mine == theirs
}

/// Rewrites `plan` so that each duplicate is handled as chosen. The stored records that a merge
/// completes are added to the plan as updates.
pub fn resolve(
    store: &Store,
    plan: &mut ImportPlan,
    choices: &[(Duplicate, Resolution)],
) -> Result<Resolved, StoreError> {
    let mut done = Resolved::default();
    for (_, r) in choices {
        match r {
            Resolution::Merge => done.merged += 1,
            Resolution::Skip => done.skipped += 1,
            Resolution::KeepBoth => done.kept_both += 1,
        }
    }
    let pick = |kind: DuplicateKind| {
        choices
            .iter()
            .filter(move |(d, r)| d.kind == kind && *r != Resolution::KeepBoth)
            .map(|(d, r)| (d, *r))
    };
    let actors: Vec<_> = pick(DuplicateKind::Actor).collect();
    resolve_actors(store, plan, &actors)?;
    let sources: Vec<_> = pick(DuplicateKind::Source).collect();
    resolve_sources(store, plan, &sources)?;
    let events: Vec<_> = pick(DuplicateKind::Event).collect();
    resolve_events(store, plan, &events)?;
    if !choices.is_empty() {
        keep_stored_participants(store, plan)?;
    }
    Ok(done)
}

/// An actor takes part in an event once. Once merges point the file's links at stored events
/// and actors, a participant the stored event already has keeps its stored role: the file's
/// participation becomes a reference to the stored one, so its evidence is kept.
fn keep_stored_participants(store: &Store, plan: &mut ImportPlan) -> Result<(), StoreError> {
    let data = &mut plan.data;
    let events: Vec<Id> = data
        .participations
        .iter()
        .map(|p| p.event_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let stored: HashMap<(Id, Id), Id> = store
        .participations_of_events(&events)?
        .into_iter()
        .map(|p| ((p.event_id, p.actor_id), p.id))
        .collect();
    let same: HashMap<Id, Id> = data
        .participations
        .iter()
        .filter_map(|p| {
            let s = stored.get(&(p.event_id, p.actor_id))?;
            (*s != p.id).then_some((p.id, *s))
        })
        .collect();
    data.participations.retain(|p| !same.contains_key(&p.id));
    for e in &mut data.evidence {
        if let EvidenceTarget::Participation(id) = &mut e.target
            && let Some(new) = same.get(id)
        {
            *id = *new;
        }
    }
    Ok(())
}

fn fill<T: Clone>(dst: &mut Option<T>, src: &Option<T>) {
    if dst.is_none() {
        dst.clone_from(src);
    }
}

fn resolve_actors(
    store: &Store,
    plan: &mut ImportPlan,
    chosen: &[(&Duplicate, Resolution)],
) -> Result<(), StoreError> {
    if chosen.is_empty() {
        return Ok(());
    }
    let map: HashMap<Id, Id> = chosen
        .iter()
        .map(|(d, _)| (d.incoming, d.existing))
        .collect();
    // Skipped actors are linked to the stored one like merged ones, without completing it.
    let merging: Vec<(&Duplicate, Resolution)> = chosen
        .iter()
        .filter(|(_, r)| *r == Resolution::Merge)
        .copied()
        .collect();
    apply_choices(
        &mut plan.data.actors,
        &merging,
        |a| a.id,
        |id| store.actor(id),
        complete_actor,
    )?;
    let data = &mut plan.data;
    data.actors.retain(|a| !map.contains_key(&a.id));
    let remap = |id: &mut Id| {
        if let Some(new) = map.get(id) {
            *id = *new;
        }
    };
    for a in &mut data.actors {
        if let Some(p) = a.parent_id.as_mut() {
            remap(p);
        }
    }
    for p in &mut data.participations {
        remap(&mut p.actor_id);
    }
    let mut seen = HashSet::new();
    data.participations
        .retain(|p| seen.insert((p.event_id, p.actor_id, p.role)));
    for r in &mut data.relations {
        remap(&mut r.from_id);
        remap(&mut r.to_id);
    }
    data.relations.retain(|r| r.from_id != r.to_id);
    drop_relations_already_stored(store, plan)
}

/// A relation the store already has between the same two actors with the same kind.
fn drop_relations_already_stored(store: &Store, plan: &mut ImportPlan) -> Result<(), StoreError> {
    let mut stored = HashSet::new();
    let froms: HashSet<Id> = plan.data.relations.iter().map(|r| r.from_id).collect();
    for from in froms {
        for r in store.relations_of(from)? {
            stored.insert((r.from_id, r.to_id, r.kind, r.id));
        }
    }
    let known: HashSet<Id> = stored.iter().map(|s| s.3).collect();
    let dropped: HashSet<Id> = plan
        .data
        .relations
        .iter()
        .filter(|r| !known.contains(&r.id))
        .filter(|r| {
            stored
                .iter()
                .any(|s| s.0 == r.from_id && s.1 == r.to_id && s.2 == r.kind)
        })
        .map(|r| r.id)
        .collect();
    plan.data.relations.retain(|r| !dropped.contains(&r.id));
    plan.data
        .evidence
        .retain(|e| !matches!(e.target, EvidenceTarget::Relation(r) if dropped.contains(&r)));
    Ok(())
}

/// The stored actor keeps its names; the import's other names become aliases and its missing
/// fields are filled.
fn complete_actor(stored: &mut Actor, incoming: &Actor) {
    let have: HashSet<String> = stored
        .all_names()
        .chain(stored.aliases.iter().map(String::as_str))
        .map(normalize)
        .collect();
    let mut fresh: Vec<String> = Vec::new();
    let names = incoming
        .all_names()
        .chain(incoming.aliases.iter().map(String::as_str));
    for name in names {
        let key = normalize(name);
        if !key.is_empty() && !have.contains(&key) && !fresh.iter().any(|f| normalize(f) == key) {
            fresh.push(name.to_owned());
        }
    }
    fill(&mut stored.name_ar, &incoming.name_ar);
    fill(&mut stored.name_en, &incoming.name_en);
    fill(&mut stored.name_fr, &incoming.name_fr);
    fill(&mut stored.acronym, &incoming.acronym);
    let now_named: HashSet<String> = stored.all_names().map(normalize).collect();
    stored.aliases.extend(
        fresh
            .into_iter()
            .filter(|f| !now_named.contains(&normalize(f))),
    );
    fill(&mut stored.country, &incoming.country);
    fill(&mut stored.description, &incoming.description);
    fill(&mut stored.active_from, &incoming.active_from);
    fill(&mut stored.active_to, &incoming.active_to);
}

/// The choices for one kind of record, applied to its list: merged records are replaced by
/// the completed stored ones, skipped ones removed.
struct Applied {
    /// Incoming id → stored id, for records merged.
    merged: HashMap<Id, Id>,
    /// Incoming ids left out.
    skipped: HashSet<Id>,
}

/// Applies merge/skip choices to `list`: `fetch` reads the stored record, `complete` fills it
/// from the incoming one, `id` names a record.
fn apply_choices<T>(
    list: &mut Vec<T>,
    chosen: &[(&Duplicate, Resolution)],
    id: impl Fn(&T) -> Id,
    fetch: impl Fn(Id) -> Result<Option<T>, StoreError>,
    complete: impl Fn(&mut T, &T),
) -> Result<Applied, StoreError> {
    let mut applied = Applied {
        merged: HashMap::new(),
        skipped: HashSet::new(),
    };
    // Several imported records may match one stored record: it is completed from each, once.
    let mut updates: HashMap<Id, T> = HashMap::new();
    let position: HashMap<Id, usize> = list.iter().enumerate().map(|(i, x)| (id(x), i)).collect();
    for (d, r) in chosen {
        if *r == Resolution::Skip {
            applied.skipped.insert(d.incoming);
            continue;
        }
        applied.merged.insert(d.incoming, d.existing);
        let Some(incoming) = position.get(&d.incoming).map(|i| &list[*i]) else {
            continue;
        };
        if let Some(stored) = updates.get_mut(&d.existing) {
            complete(stored, incoming);
        } else if let Some(mut stored) = fetch(d.existing)? {
            complete(&mut stored, incoming);
            updates.insert(d.existing, stored);
        }
    }
    list.retain(|x| {
        let i = id(x);
        !applied.merged.contains_key(&i)
            && !applied.skipped.contains(&i)
            && !updates.contains_key(&i)
    });
    let mut updates: Vec<T> = updates.into_values().collect();
    updates.sort_by_key(|u| id(u));
    list.extend(updates);
    Ok(applied)
}

fn resolve_sources(
    store: &Store,
    plan: &mut ImportPlan,
    chosen: &[(&Duplicate, Resolution)],
) -> Result<(), StoreError> {
    let data = &mut plan.data;
    let Applied { merged, skipped } = apply_choices(
        &mut data.sources,
        chosen,
        |s| s.id,
        |id| store.source(id),
        complete_source,
    )?;
    let dropped: HashSet<Id> = data
        .excerpts
        .iter()
        .filter(|x| skipped.contains(&x.source_id))
        .map(|x| x.id)
        .collect();
    data.excerpts.retain(|x| !dropped.contains(&x.id));
    data.evidence.retain(|e| !dropped.contains(&e.excerpt_id));
    for x in &mut data.excerpts {
        if let Some(new) = merged.get(&x.source_id) {
            x.source_id = *new;
        }
    }
    Ok(())
}

fn complete_source(stored: &mut Source, incoming: &Source) {
    fill(&mut stored.outlet, &incoming.outlet);
    if stored.authors.is_empty() {
        stored.authors.clone_from(&incoming.authors);
    }
    fill(&mut stored.language, &incoming.language);
    fill(&mut stored.published, &incoming.published);
    fill(&mut stored.url, &incoming.url);
    fill(&mut stored.accessed, &incoming.accessed);
    fill(&mut stored.notes, &incoming.notes);
    fill(&mut stored.full_text, &incoming.full_text);
}

fn resolve_events(
    store: &Store,
    plan: &mut ImportPlan,
    chosen: &[(&Duplicate, Resolution)],
) -> Result<(), StoreError> {
    let data = &mut plan.data;
    let Applied { merged, skipped } = apply_choices(
        &mut data.events,
        chosen,
        |e| e.id,
        |id| store.event(id),
        complete_event,
    )?;
    let dropped_parts: HashSet<Id> = data
        .participations
        .iter()
        .filter(|p| skipped.contains(&p.event_id))
        .map(|p| p.id)
        .collect();
    data.participations
        .retain(|p| !dropped_parts.contains(&p.id));
    data.evidence.retain(|e| match e.target {
        EvidenceTarget::Event(id) => !skipped.contains(&id),
        EvidenceTarget::Participation(id) => !dropped_parts.contains(&id),
        EvidenceTarget::Relation(_) => true,
    });

    for p in &mut data.participations {
        if let Some(new) = merged.get(&p.event_id) {
            p.event_id = *new;
        }
    }
    for e in &mut data.evidence {
        if let EvidenceTarget::Event(id) = &mut e.target
            && let Some(new) = merged.get(id)
        {
            *id = *new;
        }
    }
    Ok(())
}

fn complete_event(stored: &mut Event, incoming: &Event) {
    fill(&mut stored.title_ar, &incoming.title_ar);
    fill(&mut stored.title_en, &incoming.title_en);
    fill(&mut stored.description, &incoming.description);
    fill(&mut stored.end, &incoming.end);
    fill(&mut stored.date_as_written, &incoming.date_as_written);
    fill(&mut stored.place, &incoming.place);
    fill(&mut stored.country, &incoming.country);
    fill(&mut stored.latitude, &incoming.latitude);
    fill(&mut stored.longitude, &incoming.longitude);
    for t in &incoming.tags {
        if !stored.tags.contains(t) {
            stored.tags.push(t.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, EventKind, Excerpt, Participation, Role, SourceKind};

    fn stored() -> (Store, Actor, Source, Event) {
        let mut s = Store::in_memory().unwrap();
        let mut ma = Actor::new(ActorKind::State);
        ma.name_ar = Some("المغرب".into());
        ma.name_en = Some("Morocco".into());
        let mut src = Source::new(SourceKind::NewsArticle, "تفكيك خلية إرهابية في وجدة");
        src.url = Some("https://example.ma/a".into());
        let mut ev = Event::new(EventKind::Arrest);
        ev.title_ar = Some("اعتقال في وجدة".into());
        ev.start = Some("2022-01-05".parse().unwrap());
        let part = Participation::new(ev.id, ma.id, Role::ArrestingBody);
        s.write(|w| {
            w.insert_actor(&ma)?;
            w.insert_source(&src)?;
            w.insert_event(&ev)?;
            w.insert_participation(&part)?;
            Ok(())
        })
        .unwrap();
        (s, ma, src, ev)
    }

    /// An import that repeats the stored records under fresh ids, with more detail.
    fn repeat(ma: &Actor, src: &Source, ev: &Event) -> ImportPlan {
        let mut plan = ImportPlan::default();
        let mut a = Actor::new(ActorKind::State);
        a.name_en = Some("MOROCCO".into());
        a.name_fr = Some("Maroc".into());
        let mut s = Source::new(SourceKind::NewsArticle, "تفكيك خلية ارهابية في وجدة");
        s.outlet = Some("هسبريس".into());
        let x = Excerpt::new(s.id, "نص مقتطف");
        let mut e = Event::new(ev.kind);
        e.title_en = Some("Arrest in Oujda".into());
        e.start = ev.start;
        let p = Participation::new(e.id, a.id, Role::ArrestingBody);
        let evd = crate::model::Evidence::new(x.id, EvidenceTarget::Event(e.id));
        plan.data.actors.push(a);
        plan.data.sources.push(s);
        plan.data.excerpts.push(x);
        plan.data.events.push(e);
        plan.data.participations.push(p);
        plan.data.evidence.push(evd);
        let _ = (ma, src);
        plan
    }

    #[test]
    fn finds_actor_source_and_event_duplicates() {
        let (s, ma, src, ev) = stored();
        let plan = repeat(&ma, &src, &ev);
        let dups = find_duplicates(&s, &plan).unwrap();
        let kinds: Vec<_> = dups.iter().map(|d| (d.kind, d.existing)).collect();
        assert_eq!(
            kinds,
            vec![
                (DuplicateKind::Actor, ma.id),
                (DuplicateKind::Source, src.id),
                (DuplicateKind::Event, ev.id)
            ]
        );
        assert_eq!(dups[1].reason, MatchReason::Title);
    }

    #[test]
    fn merge_completes_the_stored_records_and_relinks() {
        let (mut s, ma, src, ev) = stored();
        let mut plan = repeat(&ma, &src, &ev);
        let dups = find_duplicates(&s, &plan).unwrap();
        let choices: Vec<_> = dups.into_iter().map(|d| (d, Resolution::Merge)).collect();
        let done = resolve(&s, &mut plan, &choices).unwrap();
        assert_eq!(done.merged, 3);
        s.import(&plan.data).unwrap();
        let actor = s.actor(ma.id).unwrap().unwrap();
        assert_eq!(actor.name_fr.as_deref(), Some("Maroc"));
        assert_eq!(actor.name_en.as_deref(), Some("Morocco"));
        let source = s.source(src.id).unwrap().unwrap();
        assert_eq!(source.outlet.as_deref(), Some("هسبريس"));
        assert_eq!(s.excerpts_of(src.id).unwrap().len(), 1);
        let event = s.event(ev.id).unwrap().unwrap();
        assert_eq!(event.title_en.as_deref(), Some("Arrest in Oujda"));
        assert_eq!(s.participations_of_event(ev.id).unwrap().len(), 1);
        assert_eq!(s.evidence_of_event(ev.id).unwrap().len(), 1);
        assert_eq!(s.stats().unwrap().events, 1);
    }

    #[test]
    fn skip_leaves_out_sources_and_events_but_links_actors() {
        let (mut s, ma, src, ev) = stored();
        let mut plan = repeat(&ma, &src, &ev);
        let dups = find_duplicates(&s, &plan).unwrap();
        let choices: Vec<_> = dups.into_iter().map(|d| (d, Resolution::Skip)).collect();
        resolve(&s, &mut plan, &choices).unwrap();
        assert!(plan.data.actors.is_empty());
        assert!(plan.data.sources.is_empty() && plan.data.excerpts.is_empty());
        assert!(plan.data.events.is_empty() && plan.data.evidence.is_empty());
        let before = s.export().unwrap();
        s.import(&plan.data).unwrap();
        assert_eq!(s.export().unwrap(), before);
    }

    #[test]
    fn two_imported_records_matching_one_stored_record_complete_it_once() {
        let (mut s, ma, src, ev) = stored();
        let mut plan = repeat(&ma, &src, &ev);
        let mut again = repeat(&ma, &src, &ev);
        again.data.events[0].description = Some("وصف".into());
        again.data.actors[0].acronym = Some("MA".into());
        plan.data.actors.append(&mut again.data.actors);
        plan.data.events.append(&mut again.data.events);
        plan.data
            .participations
            .append(&mut again.data.participations);
        let dups = find_duplicates(&s, &plan).unwrap();
        assert_eq!(
            dups.iter()
                .filter(|d| d.kind == DuplicateKind::Event)
                .count(),
            2
        );
        let choices: Vec<_> = dups.into_iter().map(|d| (d, Resolution::Merge)).collect();
        resolve(&s, &mut plan, &choices).unwrap();
        s.import(&plan.data).unwrap();
        let event = s.event(ev.id).unwrap().unwrap();
        assert_eq!(event.description.as_deref(), Some("وصف"));
        assert_eq!(
            s.actor(ma.id).unwrap().unwrap().acronym.as_deref(),
            Some("MA")
        );
        assert_eq!(s.stats().unwrap().events, 1);
        assert_eq!(s.stats().unwrap().actors, 1);
    }

    #[test]
    fn keep_both_imports_everything() {
        let (mut s, ma, src, ev) = stored();
        let mut plan = repeat(&ma, &src, &ev);
        let dups = find_duplicates(&s, &plan).unwrap();
        let choices: Vec<_> = dups
            .into_iter()
            .map(|d| (d, Resolution::KeepBoth))
            .collect();
        let untouched = plan.clone();
        resolve(&s, &mut plan, &choices).unwrap();
        assert_eq!(plan, untouched);
        s.import(&plan.data).unwrap();
        assert_eq!(s.stats().unwrap().events, 2);
    }

    #[test]
    fn events_with_other_actors_or_precision_are_not_duplicates() {
        let (s, ma, src, ev) = stored();
        let mut plan = repeat(&ma, &src, &ev);
        plan.data.participations.clear();
        plan.data.events[0].start = Some("2022-01".parse().unwrap());
        let dups = find_duplicates(&s, &plan).unwrap();
        assert!(dups.iter().all(|d| d.kind != DuplicateKind::Event));
    }

    #[test]
    fn events_in_other_places_are_not_duplicates() {
        let (mut s, ma, src, mut ev) = stored();
        ev.place = Some("وجدة".into());
        s.write(|w| w.update_event(&ev)).unwrap();
        let mut plan = repeat(&ma, &src, &ev);
        plan.data.events[0].place = Some("بركان".into());
        let dups = find_duplicates(&s, &plan).unwrap();
        assert!(dups.iter().all(|d| d.kind != DuplicateKind::Event));
        plan.data.events[0].place = Some("وجده".into());
        let dups = find_duplicates(&s, &plan).unwrap();
        assert!(dups.iter().any(|d| d.kind == DuplicateKind::Event));
    }

    #[test]
    fn a_record_with_a_stored_id_is_an_update_not_a_duplicate() {
        let (s, ma, _, _) = stored();
        let mut plan = ImportPlan::default();
        plan.data.actors.push(ma);
        assert!(find_duplicates(&s, &plan).unwrap().is_empty());
    }
}
