//! One CSV row → one event, actor or source (see [`csv_import`](super::csv_import) for which
//! problems are fatal).

use super::countries;
use super::csv_mapping::{CsvField, CsvTable};
use super::csv_values::{
    actor_kind, actor_with_role, event_kind, language, source_kind, split_list,
};
use super::plan_builder::{PlanBuilder, name_key, url_key};
use super::stable_id::stable_id;
use super::{ImportError, parse_date};
use crate::model::{
    Actor, ActorKind, Event, EventKind, Id, PartialDate, Reliability, Role, Source, SourceKind,
    is_arabic,
};

/// The non-empty, mapped cells of one row: `(column, field, value, header)`.
pub(crate) struct Row<'a> {
    /// Line of the record in the file.
    pub line: usize,
    /// The cells.
    pub cells: Vec<(usize, CsvField, &'a str, &'a str)>,
}

struct Cell<'a> {
    column: usize,
    value: &'a str,
    header: &'a str,
}

impl<'a> Row<'a> {
    fn get(&self, field: CsvField) -> Option<Cell<'a>> {
        self.cells
            .iter()
            .find(|(_, f, _, _)| *f == field)
            .map(|(column, _, value, header)| Cell {
                column: *column,
                value,
                header,
            })
    }

    fn text(&self, field: CsvField) -> Option<String> {
        self.get(field).map(|c| c.value.to_owned())
    }

    fn fatal(&self, field: &str, column: Option<usize>, message: String) -> ImportError {
        ImportError::Field {
            line: self.line,
            column,
            field: field.to_owned(),
            message,
        }
    }

    fn id(&self, namespace: &str, key: &str) -> Result<Id, ImportError> {
        match self.get(CsvField::Id) {
            Some(c) => c.value.parse().map_err(|_| {
                self.fatal(
                    c.header,
                    Some(c.column),
                    format!("«{}» is not a record id (UUID)", c.value),
                )
            }),
            None => Ok(stable_id(namespace, key)),
        }
    }

    fn date(&self, field: CsvField, b: &mut PlanBuilder) -> Option<PartialDate> {
        let c = self.get(field)?;
        let d = parse_date(c.value);
        if d.is_none() {
            b.problem_at(
                self.line,
                c.column,
                c.header,
                format!("«{}» is not a date Marsad reads: left empty", c.value),
            );
        }
        d
    }

    fn country(&self, b: &mut PlanBuilder) -> Option<String> {
        let c = self.get(CsvField::Country)?;
        let found = countries::lookup(c.value).map(|k| k.alpha2.to_owned());
        let code = found.or_else(|| {
            let v = c.value.trim();
            (v.len() == 2 && v.bytes().all(|x| x.is_ascii_alphabetic()))
                .then(|| v.to_ascii_uppercase())
        });
        if code.is_none() {
            b.problem_at(
                self.line,
                c.column,
                c.header,
                format!("unknown country «{}»: left empty", c.value),
            );
        }
        code
    }

    fn kind<T: Copy>(&self, b: &mut PlanBuilder, parse: fn(&str) -> Option<T>, default: T) -> T {
        let Some(c) = self.get(CsvField::Kind) else {
            return default;
        };
        parse(c.value).unwrap_or_else(|| {
            b.problem_at(
                self.line,
                c.column,
                c.header,
                format!("unknown type «{}»: recorded as the default", c.value),
            );
            default
        })
    }
}

/// Converts one row and adds it to the plan.
pub(crate) fn read_row(
    table: CsvTable,
    row: &Row<'_>,
    b: &mut PlanBuilder,
) -> Result<(), ImportError> {
    match table {
        CsvTable::Events => event_row(row, b),
        CsvTable::Actors => actor_row(row, b),
        CsvTable::Sources => source_row(row, b),
    }
}

fn by_script(text: String, arabic: &mut Option<String>, other: &mut Option<String>) {
    if text.chars().any(is_arabic) {
        *arabic = Some(text);
    } else {
        *other = Some(text);
    }
}

fn event_row(row: &Row<'_>, b: &mut PlanBuilder) -> Result<(), ImportError> {
    let kind = row.kind(b, event_kind, EventKind::Other);
    let mut e = Event::new(kind);
    e.title_ar = row.text(CsvField::TitleAr);
    e.title_en = row.text(CsvField::TitleEn);
    if let Some(t) = row.text(CsvField::Title) {
        by_script(t, &mut e.title_ar, &mut e.title_en);
    }
    if e.title_ar.is_none() && e.title_en.is_none() {
        return Err(row.fatal("title", None, "the event has no title".into()));
    }
    e.description = row.text(CsvField::Description);
    e.start = row.date(CsvField::Start, b);
    e.end = row.date(CsvField::End, b);
    e.date_as_written = row.text(CsvField::DateAsWritten);
    if e.start.is_none() && e.date_as_written.is_none() {
        e.date_as_written = row.text(CsvField::Start);
    }
    if let (Some(s), Some(end)) = (e.start, e.end)
        && end.end_key() < s.start_key()
    {
        b.problem(
            row.line,
            Some("end"),
            format!("end {end} is before start {s}: end left empty"),
        );
        e.end = None;
    }
    e.place = row.text(CsvField::Place);
    e.country = row.country(b);
    coordinates(row, &mut e, b);
    for (_, f, v, _) in &row.cells {
        if *f == CsvField::Tags {
            e.tags.extend(split_list(v));
        }
    }
    let title = e.display_title(true).to_owned();
    let start = e.start.map(|d| d.to_string()).unwrap_or_default();
    e.id = row.id(
        "csv-event",
        &format!("{}/{start}/{}", name_key(&title), kind.code()),
    )?;
    let actors = event_actors(row, b);
    b.add_event(e, &actors, None, row.line);
    Ok(())
}

fn coordinates(row: &Row<'_>, e: &mut Event, b: &mut PlanBuilder) {
    let num = |f| row.get(f).map(|c| (c.value.trim().parse::<f64>().ok(), c));
    match (num(CsvField::Latitude), num(CsvField::Longitude)) {
        (None, None) => {}
        (Some((Some(lat), _)), Some((Some(lon), _)))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            e.latitude = Some(lat);
            e.longitude = Some(lon);
        }
        (lat, lon) => {
            let c = lat.or(lon).map(|(_, c)| c);
            let (col, header) = c.map(|c| (c.column, c.header)).unwrap_or((0, "latitude"));
            b.problem_at(
                row.line,
                col,
                header,
                "latitude and longitude must both be numbers in range: left empty".into(),
            );
        }
    }
}

fn event_actors(row: &Row<'_>, b: &mut PlanBuilder) -> Vec<(Id, Role)> {
    let mut out = Vec::new();
    for (column, field, value, header) in &row.cells {
        let fixed = match field {
            CsvField::Actors => None,
            CsvField::ActorsAs(r) => Some(*r),
            _ => continue,
        };
        for item in split_list(value) {
            let (name, role) = actor_with_role(&item);
            let role = match role {
                Ok(r) => r.or(fixed).unwrap_or(Role::Participant),
                Err(code) => {
                    b.problem_at(
                        row.line,
                        *column,
                        header,
                        format!("unknown role «{code}» for «{name}»: recorded as participant"),
                    );
                    Role::Participant
                }
            };
            if let Some(id) = b.actor_named(&name, ActorKind::Other, row.line) {
                out.push((id, role));
            }
        }
    }
    out
}

fn actor_row(row: &Row<'_>, b: &mut PlanBuilder) -> Result<(), ImportError> {
    let kind = row.kind(b, actor_kind, ActorKind::Other);
    let mut a = Actor::new(kind);
    a.name_ar = row.text(CsvField::NameAr);
    a.name_en = row.text(CsvField::NameEn);
    a.name_fr = row.text(CsvField::NameFr);
    a.acronym = row.text(CsvField::Acronym);
    if let Some(t) = row.text(CsvField::Title) {
        by_script(t, &mut a.name_ar, &mut a.name_en);
    }
    if a.all_names().next().is_none() {
        return Err(row.fatal("name", None, "the actor has no name".into()));
    }
    a.aliases = row
        .text(CsvField::Aliases)
        .map(|v| split_list(&v))
        .unwrap_or_default();
    a.country = row.country(b);
    a.description = row.text(CsvField::Description);
    a.active_from = row.date(CsvField::ActiveFrom, b);
    a.active_to = row.date(CsvField::ActiveTo, b);
    if let (Some(s), Some(e)) = (a.active_from, a.active_to)
        && e.end_key() < s.start_key()
    {
        b.problem(
            row.line,
            Some("active_to"),
            "active_to is before active_from: left empty",
        );
        a.active_to = None;
    }
    a.id = row.id("actor", &name_key(a.display_name(true)))?;
    b.add_actor(a, row.line);
    Ok(())
}

fn source_row(row: &Row<'_>, b: &mut PlanBuilder) -> Result<(), ImportError> {
    let Some(title) = row.text(CsvField::Title) else {
        return Err(row.fatal("title", None, "the source has no title".into()));
    };
    let kind = row.kind(b, source_kind, SourceKind::NewsArticle);
    let mut s = Source::new(kind, title);
    s.outlet = row.text(CsvField::Outlet);
    s.authors = row
        .text(CsvField::Authors)
        .map(|v| split_list(&v))
        .unwrap_or_default();
    if let Some(c) = row.get(CsvField::Language) {
        s.language = language(c.value);
        if s.language.is_none() {
            b.problem_at(
                row.line,
                c.column,
                c.header,
                format!("unknown language «{}»: left empty", c.value),
            );
        }
    }
    s.published = row.date(CsvField::Published, b);
    s.url = row.text(CsvField::Url);
    s.accessed = row.date(CsvField::Accessed, b);
    if let Some(c) = row.get(CsvField::Reliability) {
        match c.value.trim().to_ascii_uppercase().parse::<Reliability>() {
            Ok(r) => s.reliability = r,
            Err(_) => b.problem_at(
                row.line,
                c.column,
                c.header,
                format!("reliability «{}» is not A–F: recorded as F", c.value),
            ),
        }
    }
    s.notes = row.text(CsvField::Notes);
    s.full_text = row.text(CsvField::FullText);
    let key = match &s.url {
        Some(u) => format!("u:{}", url_key(u)),
        None => format!("t:{}", name_key(&s.title)),
    };
    s.id = row.id("source", &key)?;
    b.add_source(s, row.line);
    Ok(())
}
