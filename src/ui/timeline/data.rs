//! What the timeline shows: the filtered rows with their spans, names for lanes and cards,
//! and the lanes themselves, rebuilt only when the store, the filter or the lane choice change.

use crate::i18n::{Lang, vocab};
use crate::model::{EventKind, Id};
use crate::store::{DateWindow, EventFilter, Store, StoreError, TimelineRow, VizActor, VizSource};
use crate::viz::lane_index::{LaneIndex, Span};
use crate::viz::span::{TimeSpan, event_span};
use std::collections::HashMap;

/// How events are spread over lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LaneBy {
    /// One lane per actor.
    #[default]
    Actor,
    /// One lane per event type.
    Kind,
    /// One lane per source.
    Source,
}

/// Rows of the timeline and what names them.
pub struct TimelineData {
    /// Dated events the filter selects, chronological.
    pub rows: Vec<TimelineRow>,
    /// Each row's span on the time axis.
    pub spans: Vec<TimeSpan>,
    /// Actors by id.
    pub actors: HashMap<Id, VizActor>,
    /// Sources by id.
    pub sources: HashMap<Id, VizSource>,
    /// First and last instant of all spans.
    pub range: Option<(f64, f64)>,
}

impl TimelineData {
    /// Loads everything the timeline needs for `filter` (a few streaming queries).
    pub fn load(store: &Store, filter: &EventFilter) -> Result<Self, StoreError> {
        let rows = store.timeline_rows(filter)?;
        let spans: Vec<TimeSpan> = rows
            .iter()
            .map(|r| event_span(&r.start, r.end.as_ref()))
            .collect();
        let range = spans.iter().fold(None, |acc: Option<(f64, f64)>, s| {
            Some(acc.map_or((s.start, s.end), |(a, b)| (a.min(s.start), b.max(s.end))))
        });
        let actors = store
            .viz_actors(DateWindow::default())?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let sources = store
            .viz_sources()?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        Ok(Self {
            rows,
            spans,
            actors,
            sources,
            range,
        })
    }

    /// An actor's name in the UI language (acronym or another name when it has none).
    pub fn actor_name(&self, id: Id, lang: Lang) -> String {
        self.actors
            .get(&id)
            .map(|a| actor_label(a, lang).to_owned())
            .unwrap_or_default()
    }
}

/// The name of `a` for `lang`: that language's name, else the acronym, else any name.
pub fn actor_label(a: &VizActor, lang: Lang) -> &str {
    let own = match lang {
        Lang::Ar => &a.name_ar,
        Lang::En => &a.name_en,
        Lang::Fr => &a.name_fr,
    };
    [own, &a.acronym, &a.name_en, &a.name_ar, &a.name_fr]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .map_or("", String::as_str)
}

/// An event on a lane, in time units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeItem {
    /// Row index.
    pub index: u32,
    /// Span start (days).
    pub start: f64,
    /// Span end (days).
    pub end: f64,
    /// Imprecise dates.
    pub imprecise: bool,
}

/// One lane: a caption and its events sorted by start.
pub struct Lane {
    /// Caption in the UI language.
    pub label: String,
    /// Events, sorted by start.
    pub items: Vec<TimeItem>,
    /// The items indexed for binning a view.
    pub index: LaneIndex,
}

/// Spreads the rows over lanes, the busiest lane first.
pub fn build_lanes(data: &TimelineData, by: LaneBy, lang: Lang, none: &str) -> Vec<Lane> {
    let mut groups: HashMap<Option<LaneKey>, Vec<u32>> = HashMap::new();
    for (i, row) in data.rows.iter().enumerate() {
        let keys: Vec<LaneKey> = match by {
            LaneBy::Actor => row.actors.iter().map(|a| LaneKey::Id(*a)).collect(),
            LaneBy::Source => row.sources.iter().map(|s| LaneKey::Id(*s)).collect(),
            LaneBy::Kind => vec![LaneKey::Kind(row.kind)],
        };
        if keys.is_empty() {
            groups.entry(None).or_default().push(i as u32);
        }
        for k in keys {
            groups.entry(Some(k)).or_default().push(i as u32);
        }
    }
    let mut lanes: Vec<Lane> = groups
        .into_iter()
        .map(|(key, indices)| {
            let label = match key {
                None => none.to_owned(),
                Some(LaneKey::Kind(k)) => vocab::event_kind(lang, k).to_owned(),
                Some(LaneKey::Id(id)) => match by {
                    LaneBy::Source => data
                        .sources
                        .get(&id)
                        .map(|s| s.title.clone())
                        .unwrap_or_default(),
                    _ => data.actor_name(id, lang),
                },
            };
            let mut items: Vec<TimeItem> = indices
                .into_iter()
                .map(|i| {
                    let s = data.spans[i as usize];
                    TimeItem {
                        index: i,
                        start: s.start,
                        end: s.end,
                        imprecise: s.imprecise,
                    }
                })
                .collect();
            items.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.index.cmp(&b.index)));
            let spans: Vec<Span> = items
                .iter()
                .map(|t| Span {
                    row: t.index,
                    start: t.start,
                    end: t.end,
                    imprecise: t.imprecise,
                })
                .collect();
            Lane {
                label,
                index: LaneIndex::new(&spans),
                items,
            }
        })
        .collect();
    lanes.sort_by(|a, b| {
        b.items
            .len()
            .cmp(&a.items.len())
            .then_with(|| a.label.cmp(&b.label))
    });
    lanes
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum LaneKey {
    Id(Id),
    Kind(EventKind),
}
