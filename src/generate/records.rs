//! Making each kind of synthetic record and writing it.

use super::rng::Rng;
use super::vocab::{Vocabulary, text};
use super::{Generated, Spec};
use crate::model::{
    Actor, ActorKind, Credibility, Event, EventKind, Evidence, EvidenceTarget, Excerpt, Id,
    PartialDate, Participation, Relation, RelationKind, Reliability, Role, Source, SourceKind,
};
use crate::store::{Result, Writer};

/// Countries of the generated events and actors (the region the sample is about).
const COUNTRIES: &[&str] = &["MA", "US", "DZ", "TN", "MR", "ES", "FR", "ML", "NE", "EG"];

/// Makes records from a vocabulary; ids are derived from the seed and a counter.
pub(super) struct Maker<'a> {
    vocab: &'a Vocabulary,
    sample_actors: Vec<Actor>,
    id_rng: Rng,
    counter: u64,
}

impl<'a> Maker<'a> {
    pub(super) fn new(vocab: &'a Vocabulary, seed: u64) -> Self {
        let sample_actors = crate::sample::dataset()
            .map(|d| d.actors)
            .unwrap_or_default();
        Self {
            vocab,
            sample_actors,
            id_rng: Rng::new(seed.rotate_left(17) ^ 0xA5A5),
            counter: 0,
        }
    }

    /// A UUIDv7 whose time part counts up from 2026-01-01, so ids sort in creation order.
    fn id(&mut self) -> Id {
        const BASE_MS: u64 = 1_767_225_600_000;
        self.counter += 1;
        let r = self.id_rng.next_u64().to_le_bytes();
        let r2 = self.id_rng.next_u64().to_le_bytes();
        let mut bytes = [0u8; 10];
        bytes[..8].copy_from_slice(&r);
        bytes[8..].copy_from_slice(&r2[..2]);
        Id::from_uuid(
            uuid::Builder::from_unix_timestamp_millis(BASE_MS + self.counter, &bytes).into_uuid(),
        )
    }

    pub(super) fn write_all(
        &mut self,
        w: &Writer<'_>,
        rng: &mut Rng,
        spec: &Spec,
    ) -> Result<Generated> {
        let mut g = Generated::default();
        let actors = self.actors(w, rng, spec.actors)?;
        g.actors = actors.len();
        g.relations = self.relations(w, rng, &actors)?;
        let sources = self.sources(w, rng, spec.sources)?;
        g.sources = sources.len();
        let excerpts = self.excerpts(w, rng, &sources, spec.excerpts)?;
        g.excerpts = excerpts.len();
        // Evidence is written after every event: an evidence link fires a trigger, and a
        // statement with a trigger makes the full-text index write out what it holds in
        // memory (see `store::bulk`); between events that was one tiny index segment per event.
        let mut evidence = Vec::new();
        for _ in 0..spec.events {
            g.participations += self.event(w, rng, &actors, &excerpts, &mut evidence)?;
            g.events += 1;
        }
        for v in &evidence {
            w.insert_evidence(v)?;
        }
        g.evidence = evidence.len();
        Ok(g)
    }

    fn actors(&mut self, w: &Writer<'_>, rng: &mut Rng, count: usize) -> Result<Vec<Id>> {
        let mut ids = Vec::with_capacity(count);
        for i in 0..count {
            let mut a = Actor::new(*rng.pick(ActorKind::ALL));
            a.id = self.id();
            if let Some(base) = self.sample_actors.get(i % self.sample_actors.len().max(1)) {
                // The first actors are the sample's own; later ones are local branches of them.
                let suffix_ar =
                    (i >= self.sample_actors.len()).then(|| rng.pick(&self.vocab.places).clone());
                let suffix_en = suffix_ar.as_ref().map(|_| format!("#{i}"));
                a.kind = base.kind;
                a.name_ar = join(&base.name_ar, suffix_ar.as_deref());
                a.name_en = join(&base.name_en, suffix_en.as_deref());
                a.acronym = base.acronym.clone();
                a.aliases = base.aliases.iter().take(rng.below(3)).cloned().collect();
                a.country = base.country.clone();
            } else {
                a.name_ar = Some(text(rng, &self.vocab.arabic_titles, 3, 3));
            }
            if a.country.is_none() && rng.chance(0.5) {
                a.country = Some((*rng.pick(COUNTRIES)).to_owned());
            }
            w.insert_actor(&a)?;
            ids.push(a.id);
        }
        Ok(ids)
    }

    fn relations(&mut self, w: &Writer<'_>, rng: &mut Rng, actors: &[Id]) -> Result<usize> {
        if actors.len() < 2 {
            return Ok(0);
        }
        let mut n = 0;
        for &from in actors {
            let to = actors[rng.skewed(actors.len(), 2.0)];
            if from == to {
                continue;
            }
            let mut r = Relation::new(from, *rng.pick(RelationKind::ALL), to);
            r.id = self.id();
            if rng.chance(0.3) {
                r.start = date(rng);
            }
            w.insert_relation(&r)?;
            n += 1;
        }
        Ok(n)
    }

    fn sources(&mut self, w: &Writer<'_>, rng: &mut Rng, count: usize) -> Result<Vec<Id>> {
        let mut ids = Vec::with_capacity(count);
        for _ in 0..count {
            let arabic = rng.chance(0.75);
            let title = if arabic {
                text(rng, &self.vocab.arabic_titles, 4, 10)
            } else {
                text(rng, &self.vocab.english, 4, 10)
            };
            let mut s = Source::new(*rng.pick(SourceKind::ALL), title);
            s.id = self.id();
            s.language = Some(if arabic { "ar" } else { "en" }.to_owned());
            s.published = date(rng);
            s.reliability = grade(rng);
            if !self.vocab.outlets.is_empty() && rng.chance(0.6) {
                s.outlet = Some(rng.pick(&self.vocab.outlets).clone());
            }
            w.insert_source(&s)?;
            ids.push(s.id);
        }
        Ok(ids)
    }

    fn excerpts(
        &mut self,
        w: &Writer<'_>,
        rng: &mut Rng,
        sources: &[Id],
        count: usize,
    ) -> Result<Vec<Id>> {
        let mut ids = Vec::with_capacity(count);
        for _ in 0..count {
            let source = sources[rng.skewed(sources.len(), 1.5)];
            let body = if rng.chance(0.8) {
                text(rng, &self.vocab.arabic, 12, 45)
            } else {
                text(rng, &self.vocab.english, 10, 30)
            };
            let mut x = Excerpt::new(source, body);
            x.id = self.id();
            x.credibility = Credibility::new(rng.range(1, 6) as u8).unwrap_or(Credibility::UNKNOWN);
            w.insert_excerpt(&x)?;
            ids.push(x.id);
        }
        Ok(ids)
    }

    /// One event with 1–4 actors, and 0–3 excerpts as evidence added to `evidence` for the
    /// caller to write; returns the number of participations.
    fn event(
        &mut self,
        w: &Writer<'_>,
        rng: &mut Rng,
        actors: &[Id],
        excerpts: &[Id],
        evidence: &mut Vec<Evidence>,
    ) -> Result<usize> {
        let mut e = Event::new(*rng.pick(EventKind::ALL));
        e.id = self.id();
        e.title_ar = Some(text(rng, &self.vocab.arabic_titles, 4, 9));
        if rng.chance(0.6) {
            e.title_en = Some(text(rng, &self.vocab.english, 3, 7));
        }
        if rng.chance(0.4) {
            e.description = Some(text(rng, &self.vocab.arabic, 15, 40));
        }
        if let Some(start) = date(rng).filter(|_| rng.chance(0.95)) {
            if rng.chance(0.1) {
                e.end = PartialDate::year(start.year_value()).ok();
            }
            e.start = Some(start);
        }
        if rng.chance(0.5) {
            e.place = Some(rng.pick(&self.vocab.places).clone());
        }
        if rng.chance(0.7) {
            e.country = Some((*rng.pick(COUNTRIES)).to_owned());
        }
        if rng.chance(0.3) {
            e.latitude = Some(27.0 + rng.unit() * 9.0);
            e.longitude = Some(-13.0 + rng.unit() * 12.0);
        }
        for _ in 0..rng.below(3) {
            let tag = rng.pick(&self.vocab.tags).clone();
            if !e.tags.contains(&tag) {
                e.tags.push(tag);
            }
        }
        w.insert_event(&e)?;
        let mut taken: Vec<Id> = Vec::new();
        let mut parts = Vec::new();
        for _ in 0..rng.range(1, 4) {
            let actor = actors[rng.skewed(actors.len(), 3.0)];
            if taken.contains(&actor) {
                continue;
            }
            taken.push(actor);
            let mut p = Participation::new(e.id, actor, *rng.pick(Role::ALL));
            p.id = self.id();
            w.insert_participation(&p)?;
            parts.push(p.id);
        }
        if !excerpts.is_empty() {
            for _ in 0..rng.below(4) {
                let target = if rng.chance(0.8) {
                    EvidenceTarget::Event(e.id)
                } else {
                    EvidenceTarget::Participation(*rng.pick(&parts))
                };
                let mut v = Evidence::new(*rng.pick(excerpts), target);
                v.id = self.id();
                evidence.push(v);
            }
        }
        Ok(parts.len())
    }
}

fn join(base: &Option<String>, suffix: Option<&str>) -> Option<String> {
    match (base, suffix) {
        (Some(b), Some(s)) => Some(format!("{b} {s}")),
        (b, _) => b.clone(),
    }
}

/// A partial date over 1990–2026, denser in recent years; day, month or year precision.
fn date(rng: &mut Rng) -> Option<PartialDate> {
    let year = 1990 + (37.0 * rng.unit().sqrt()).min(36.0) as u16;
    let p = rng.unit();
    let month = rng.range(1, 12) as u8;
    let d = if p < 0.6 {
        PartialDate::day(year, month, rng.range(1, 28) as u8)
    } else if p < 0.85 {
        PartialDate::month(year, month)
    } else {
        PartialDate::year(year)
    };
    let circa = rng.chance(0.05);
    d.ok().map(|d| d.with_circa(circa))
}

/// Source grades, most sources in the middle of the scale.
fn grade(rng: &mut Rng) -> Reliability {
    const WEIGHTED: &[Reliability] = &[
        Reliability::A,
        Reliability::B,
        Reliability::B,
        Reliability::C,
        Reliability::C,
        Reliability::C,
        Reliability::D,
        Reliability::E,
        Reliability::F,
        Reliability::F,
    ];
    *rng.pick(WEIGHTED)
}
