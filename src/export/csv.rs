//! CSV writer of one table (events, actors or sources), with the headers the CSV importer
//! guesses back, so an exported table imports into the same records (ids included). Cells go
//! through [`csv_safe`](super::csv_safe): formulas are made inert, and a UTF-8 BOM makes
//! spreadsheet programs read Arabic correctly.

use super::csv_safe::write_rows;
use super::{ExportError, Exporter};
use crate::import::CsvTable;
use crate::model::{Actor, Dataset, Event, Id, PartialDate, Source};
use std::collections::HashMap;

/// Writes one table as CSV.
pub struct Csv(pub CsvTable);

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn date(v: Option<PartialDate>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

const EVENT_COLUMNS: &[&str] = &[
    "id",
    "type",
    "title_ar",
    "title_en",
    "description",
    "start",
    "end",
    "date_as_written",
    "place",
    "country",
    "latitude",
    "longitude",
    "tags",
    "actors",
];

fn events(d: &Dataset) -> Vec<Vec<String>> {
    let actors: HashMap<Id, &Actor> = d.actors.iter().map(|a| (a.id, a)).collect();
    let mut parts: HashMap<Id, Vec<String>> = HashMap::new();
    for p in &d.participations {
        if let Some(a) = actors.get(&p.actor_id) {
            parts.entry(p.event_id).or_default().push(format!(
                "{} [{}]",
                a.display_name(true),
                p.role.code()
            ));
        }
    }
    d.events
        .iter()
        .map(|e: &Event| {
            vec![
                e.id.to_string(),
                e.kind.code().to_owned(),
                opt(&e.title_ar),
                opt(&e.title_en),
                opt(&e.description),
                date(e.start),
                date(e.end),
                opt(&e.date_as_written),
                opt(&e.place),
                opt(&e.country),
                e.latitude.map(|v| v.to_string()).unwrap_or_default(),
                e.longitude.map(|v| v.to_string()).unwrap_or_default(),
                e.tags.join("; "),
                parts.get(&e.id).map(|p| p.join("; ")).unwrap_or_default(),
            ]
        })
        .collect()
}

const ACTOR_COLUMNS: &[&str] = &[
    "id",
    "type",
    "name_ar",
    "name_en",
    "name_fr",
    "acronym",
    "aliases",
    "country",
    "description",
    "active_from",
    "active_to",
];

fn actors(d: &Dataset) -> Vec<Vec<String>> {
    d.actors
        .iter()
        .map(|a: &Actor| {
            vec![
                a.id.to_string(),
                a.kind.code().to_owned(),
                opt(&a.name_ar),
                opt(&a.name_en),
                opt(&a.name_fr),
                opt(&a.acronym),
                a.aliases.join("; "),
                opt(&a.country),
                opt(&a.description),
                date(a.active_from),
                date(a.active_to),
            ]
        })
        .collect()
}

const SOURCE_COLUMNS: &[&str] = &[
    "id",
    "type",
    "title",
    "outlet",
    "authors",
    "language",
    "published",
    "url",
    "accessed",
    "reliability",
    "notes",
    "full_text",
];

fn sources(d: &Dataset) -> Vec<Vec<String>> {
    d.sources
        .iter()
        .map(|s: &Source| {
            vec![
                s.id.to_string(),
                s.kind.code().to_owned(),
                s.title.clone(),
                opt(&s.outlet),
                s.authors.join("; "),
                opt(&s.language),
                date(s.published),
                opt(&s.url),
                date(s.accessed),
                s.reliability.code().to_owned(),
                opt(&s.notes),
                opt(&s.full_text),
            ]
        })
        .collect()
}

impl Exporter for Csv {
    fn name(&self) -> &'static str {
        self.0.format_name()
    }

    fn extension(&self) -> &'static str {
        "csv"
    }

    fn write(&self, data: &Dataset) -> Result<Vec<u8>, ExportError> {
        match self.0 {
            CsvTable::Events => write_rows(EVENT_COLUMNS, &events(data)),
            CsvTable::Actors => write_rows(ACTOR_COLUMNS, &actors(data)),
            CsvTable::Sources => write_rows(SOURCE_COLUMNS, &sources(data)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_support::{
        actor_view, event_all, event_view, participation_view, sample, source_view,
    };
    use crate::import::{EncodingChoice, read_bytes};
    use crate::model::EventKind;

    fn round_trip(table: CsvTable, data: &Dataset) -> Dataset {
        let bytes = Csv(table).write(data).unwrap();
        // Sniffing, not a named format: the headers alone must say which table this is.
        read_bytes(&bytes, None, EncodingChoice::Auto).unwrap().data
    }

    #[test]
    fn every_table_round_trips_with_ids() {
        let data = sample();
        let back = round_trip(CsvTable::Actors, &data);
        assert_eq!(actor_view(&back), actor_view(&data));
        let ids = |d: &Dataset| {
            let mut v: Vec<Id> = d.actors.iter().map(|a| a.id).collect();
            v.sort();
            v
        };
        assert_eq!(ids(&back), ids(&data));
        let back = round_trip(CsvTable::Sources, &data);
        assert_eq!(source_view(&back, true), source_view(&data, true));
        let full = |d: &Dataset| {
            d.sources
                .iter()
                .map(|s| (s.id, s.full_text.clone(), s.reliability))
                .collect::<std::collections::BTreeSet<_>>()
        };
        assert_eq!(full(&back), full(&data));
        let back = round_trip(CsvTable::Events, &data);
        assert_eq!(event_view(&back, event_all), event_view(&data, event_all));
        let name = |a: &Actor| a.display_name(true).to_owned();
        assert_eq!(
            participation_view(&back, name),
            participation_view(&data, name)
        );
    }

    #[test]
    fn formulas_are_neutralised() {
        let mut d = Dataset::default();
        for t in ["=1+1", "+1+1", "-1+1", "@SUM(A1)"] {
            let mut e = Event::new(EventKind::Other);
            e.title_en = Some(t.into());
            d.events.push(e);
            d.sources
                .push(Source::new(crate::model::SourceKind::Report, t));
        }
        for table in [CsvTable::Events, CsvTable::Sources] {
            let text = String::from_utf8(Csv(table).write(&d).unwrap()).unwrap();
            for t in ["=1+1", "+1+1", "-1+1", "@SUM(A1)"] {
                assert!(text.contains(&format!(",'{t},")), "{table:?} {t}: {text}");
            }
        }
    }
}
