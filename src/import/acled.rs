//! ACLED CSV reader (Armed Conflict Location & Event Data): the columns of the ACLED export
//! tool and API, old files' `data_id`/`event_id_no_cnty`/`iso3` too. One row is one event;
//! `actor1`/`actor2` and the `;`-separated `assoc_actor_*` become actors (kind from `inter1`/
//! `inter2`, numeric or text), `source` becomes sources, `notes` the description,
//! `time_precision` the date's precision. ACLED columns Marsad has no field for (region,
//! admin1–3, fatalities…) are kept as `column=value` tags, as ACLED writes its own tags.
//!
//! Files Marsad writes carry extra `marsad_*` columns (id, type, titles, actors with roles,
//! exact dates) that ACLED tools ignore and that make the round trip lossless.
//!
//! Fatal: a malformed CSV record, a record or field over the limits, a file without
//! `event_date` or `event_type`, a row with neither an event type nor a title. Reported:
//! dates, countries, coordinates and roles that do not parse (left empty), duplicates.

use super::csv_import::detect_delimiter;
use super::csv_values::{actor_with_role, event_kind, split_list};
use super::limits::{check_field, check_record};
use super::plan_builder::PlanBuilder;
use super::source_values::external_id;
use super::stable_id::stable_id;
use super::{ImportError, ImportPlan, Importer, countries, parse_date};
use crate::model::{ActorKind, Event, EventKind, Id, PartialDate, Role, Source, SourceKind};
use std::collections::HashMap;

/// Reads ACLED CSV files.
pub struct Acled;

/// ACLED columns with no field of their own, kept as `column=value` tags.
pub const TAG_COLUMNS: &[&str] = &[
    "region",
    "admin1",
    "admin2",
    "admin3",
    "geo_precision",
    "source_scale",
    "fatalities",
    "civilian_targeting",
];

/// The Marsad columns appended on export.
pub const MARSAD_COLUMNS: &[&str] = &[
    "marsad_id",
    "marsad_event_type",
    "marsad_title_ar",
    "marsad_title_en",
    "marsad_start",
    "marsad_end",
    "marsad_date_as_written",
    "marsad_actors",
];

/// Our event type for an ACLED event type and sub-event type.
pub fn kind_of(event_type: &str, sub_event_type: &str) -> EventKind {
    match (
        event_type.trim().to_ascii_lowercase().as_str(),
        sub_event_type.trim().to_ascii_lowercase().as_str(),
    ) {
        (_, "arrests") => EventKind::Arrest,
        (_, "agreement") => EventKind::AgreementSigned,
        (_, "disrupted weapons use") => EventKind::AttackFoiled,
        ("battles", _) | ("explosions/remote violence", _) | ("violence against civilians", _) => {
            EventKind::Attack
        }
        _ => EventKind::Other,
    }
}

/// An actor kind from an ACLED interaction code (`1`…`8`, or the newer text labels) and the
/// actor's name.
pub fn actor_kind(inter: &str, name: &str) -> ActorKind {
    let n = name.to_ascii_lowercase();
    let code = match inter.trim().to_ascii_lowercase().as_str() {
        "1" | "state forces" => 1,
        "2" | "rebel group" | "rebel groups" => 2,
        "3" | "political militia" | "political militias" => 3,
        "4" | "identity militia" | "identity militias" => 4,
        "5" | "rioters" => 5,
        "6" | "protesters" => 6,
        "7" | "civilians" => 7,
        "8" | "external/other forces" => 8,
        _ => 0,
    };
    match code {
        1 if n.contains("police") || n.contains("gendarmerie") => ActorKind::PoliceJudicial,
        1 if n.contains("military") || n.contains("army") || n.contains("navy") => {
            ActorKind::Military
        }
        1 => ActorKind::GovernmentBody,
        2..=4 => ActorKind::ArmedGroup,
        8 if n.contains("united nations") || n.contains("nato") || n.contains("african union") => {
            ActorKind::InternationalOrg
        }
        _ => ActorKind::Other,
    }
}

/// Default roles of actor1 and actor2 for an event type.
fn roles(kind: EventKind) -> (Role, Role) {
    match kind {
        EventKind::Arrest | EventKind::CellDismantled => (Role::ArrestingBody, Role::Suspect),
        EventKind::Attack => (Role::Participant, Role::Target),
        EventKind::AttackFoiled => (Role::Participant, Role::Suspect),
        EventKind::AgreementSigned => (Role::Signatory, Role::Signatory),
        _ => (Role::Participant, Role::Participant),
    }
}

struct Row<'a> {
    line: usize,
    cells: HashMap<&'a str, &'a str>,
}

impl Row<'_> {
    fn get(&self, column: &str) -> Option<&str> {
        self.cells
            .get(column)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    fn owned(&self, column: &str) -> Option<String> {
        self.get(column).map(str::to_owned)
    }
}

fn date(row: &Row<'_>, b: &mut PlanBuilder) -> Option<PartialDate> {
    if let Some(d) = row.get("marsad_start").and_then(|s| s.parse().ok()) {
        return Some(d);
    }
    let text = row.get("event_date")?;
    let Some(day) = parse_date(text) else {
        b.problem(
            row.line,
            Some("event_date"),
            format!("«{text}» is not a date Marsad reads: left empty"),
        );
        return None;
    };
    let (y, m, _) = day.first_day();
    match row.get("time_precision") {
        Some("2") if day.month_value().is_some() => PartialDate::month(y, m).ok(),
        Some("3") => PartialDate::year(y).ok(),
        _ => Some(day),
    }
}

fn country(row: &Row<'_>, b: &mut PlanBuilder) -> Option<String> {
    let by_name = row.get("country").and_then(countries::lookup);
    let by_iso = row
        .get("iso")
        .and_then(|i| i.parse().ok())
        .and_then(countries::by_numeric);
    if let Some(c) = by_name.or(by_iso) {
        return Some(c.alpha2.to_owned());
    }
    let name = row.get("country")?;
    if name.len() == 2 && name.bytes().all(|c| c.is_ascii_uppercase()) {
        return Some(name.to_owned());
    }
    b.problem(
        row.line,
        Some("country"),
        format!("unknown country «{name}»: left empty"),
    );
    None
}

fn coordinates(row: &Row<'_>, e: &mut Event, b: &mut PlanBuilder) {
    let (lat, lon) = (row.get("latitude"), row.get("longitude"));
    if lat.is_none() && lon.is_none() {
        return;
    }
    let num = |v: Option<&str>| v.and_then(|v| v.parse::<f64>().ok());
    match (num(lat), num(lon)) {
        (Some(a), Some(o)) if (-90.0..=90.0).contains(&a) && (-180.0..=180.0).contains(&o) => {
            e.latitude = Some(a);
            e.longitude = Some(o);
        }
        _ => b.problem(
            row.line,
            Some("latitude"),
            "latitude and longitude must both be numbers in range: left empty",
        ),
    }
}

fn actors(row: &Row<'_>, kind: EventKind, b: &mut PlanBuilder) -> Vec<(Id, Role)> {
    let mut out = Vec::new();
    if let Some(list) = row.get("marsad_actors") {
        for item in split_list(list) {
            let (name, role) = actor_with_role(&item);
            let role = role.ok().flatten().unwrap_or_else(|| {
                b.problem(
                    row.line,
                    Some("marsad_actors"),
                    format!("no known role for «{name}»: recorded as participant"),
                );
                Role::Participant
            });
            if let Some(id) = b.actor_named(&name, ActorKind::Other, row.line) {
                out.push((id, role));
            }
        }
        return out;
    }
    let (r1, r2) = roles(kind);
    for (main, assoc, inter, role) in [
        ("actor1", "assoc_actor_1", "inter1", r1),
        ("actor2", "assoc_actor_2", "inter2", r2),
    ] {
        if let Some(name) = row.get(main) {
            let k = actor_kind(row.get(inter).unwrap_or(""), name);
            if let Some(id) = b.actor_named(name, k, row.line) {
                out.push((id, role));
            }
        }
        for name in row.get(assoc).map(split_list).unwrap_or_default() {
            let k = actor_kind("", &name);
            if let Some(id) = b.actor_named(&name, k, row.line) {
                out.push((id, role));
            }
        }
    }
    out
}

fn titles(row: &Row<'_>, e: &mut Event) -> Result<(), ImportError> {
    e.title_ar = row.owned("marsad_title_ar");
    e.title_en = row.owned("marsad_title_en");
    if e.title_ar.is_some() || e.title_en.is_some() {
        return Ok(());
    }
    let what = row.get("sub_event_type").or_else(|| row.get("event_type"));
    e.title_en = match (what, row.get("location")) {
        (Some(w), Some(l)) => Some(format!("{w} in {l}")),
        (Some(w), None) => Some(w.to_owned()),
        (None, _) => {
            return Err(ImportError::Field {
                line: row.line,
                column: None,
                field: "event_type".into(),
                message: "the row has no event type to name the event by".into(),
            });
        }
    };
    Ok(())
}

fn event_row(row: &Row<'_>, b: &mut PlanBuilder) -> Result<(), ImportError> {
    let kind = row
        .get("marsad_event_type")
        .and_then(event_kind)
        .unwrap_or_else(|| {
            kind_of(
                row.get("event_type").unwrap_or(""),
                row.get("sub_event_type").unwrap_or(""),
            )
        });
    let mut e = Event::new(kind);
    titles(row, &mut e)?;
    e.description = row.owned("notes");
    e.start = date(row, b);
    e.end = row.get("marsad_end").and_then(|s| s.parse().ok());
    if let (Some(s), Some(t)) = (e.start, e.end)
        && t.end_key() < s.start_key()
    {
        e.end = None;
    }
    e.date_as_written = row.owned("marsad_date_as_written");
    e.place = row.owned("location");
    e.country = country(row, b);
    coordinates(row, &mut e, b);
    e.tags = row.get("tags").map(split_list).unwrap_or_default();
    for col in TAG_COLUMNS {
        if let Some(v) = row.get(col) {
            e.tags.push(format!("{col}={v}"));
        }
    }
    let external = row
        .owned("event_id_cnty")
        .or_else(|| row.owned("data_id"))
        .or_else(|| row.owned("event_id_no_cnty"));
    e.id = match (row.get("marsad_id"), &external) {
        (Some(m), _) => external_id("acled-event", m),
        (None, Some(x)) => stable_id("acled-event", x),
        (None, None) => e.id,
    };
    let actors = actors(row, kind, b);
    let notes = row.owned("notes");
    let event = b.add_event(e, &actors, external.as_deref(), row.line);
    for name in row.get("source").map(split_list).unwrap_or_default() {
        let mut s = Source::new(SourceKind::NewsArticle, name.clone());
        s.outlet = Some(name.clone());
        s.id = stable_id(
            "source",
            &format!("t:{}", super::plan_builder::name_key(&name)),
        );
        let source = b.add_source(s, row.line);
        // ACLED's notes summarise what its cited sources report: they become an excerpt of
        // each cited source (credibility not judged) so that the event is linked to them.
        if let Some(notes) = &notes {
            b.cite(event, source, notes);
        }
    }
    Ok(())
}

fn csv_error(e: &csv::Error) -> ImportError {
    let line = e
        .position()
        .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
    ImportError::Syntax {
        line,
        column: 1,
        message: format!("this is not valid CSV: {e}"),
    }
}

/// Whether a header row is ACLED's.
fn is_acled_header(headers: &[String]) -> bool {
    let has = |c: &str| headers.iter().any(|h| h == c);
    has("event_date")
        && has("event_type")
        && (has("event_id_cnty") || has("data_id") || has("actor1"))
}

impl Importer for Acled {
    fn name(&self) -> &'static str {
        "acled"
    }

    fn sniff(&self, head: &str) -> bool {
        let head = head.trim_start_matches('\u{feff}');
        let first = head.lines().next().unwrap_or("");
        let headers: Vec<String> = first
            .split(char::from(detect_delimiter(first)))
            .map(|h| h.trim().trim_matches('"').to_ascii_lowercase())
            .collect();
        is_acled_header(&headers)
    }

    fn read(&self, text: &str) -> Result<ImportPlan, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        check_record(1, text.find('\n').unwrap_or(text.len()))?;
        let mut r = csv::ReaderBuilder::new()
            .delimiter(detect_delimiter(text))
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = r
            .headers()
            .map_err(|e| csv_error(&e))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        if !is_acled_header(&headers) {
            return Err(ImportError::WrongFormat(format!(
                "this CSV file is not an ACLED export (it needs event_date, event_type and event_id_cnty or actor1); its columns are: {}",
                headers.join(", ")
            )));
        }
        let mut b = PlanBuilder::default();
        let mut record = csv::StringRecord::new();
        loop {
            match r.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(csv_error(&e)),
            }
            let line = record
                .position()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
            check_record(line, record.as_slice().len())?;
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let mut cells = HashMap::new();
            for (h, v) in headers.iter().zip(record.iter()) {
                check_field(line, h, v)?;
                cells.insert(h.as_str(), v);
            }
            event_row(&Row { line, cells }, &mut b)?;
        }
        Ok(b.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3\n\
8734021,504,MOR3421,3421,26 March 2022,2022,1,Strategic developments,Arrests,Police Forces of Morocco (2021-),DGST: General Directorate for Territorial Surveillance,1,Civilians (Morocco),,7,17,Northern Africa,Morocco,Oriental,Berkane,,Berkane,34.9200,-2.3200,1,Hespress; Le360,National,\"On 26 March 2022, police arrested a suspect.\",0,1649117200,MAR\n";

    #[test]
    fn reads_old_style_rows() {
        let plan = Acled.read(OLD).unwrap();
        let d = &plan.data;
        assert_eq!(d.events.len(), 1, "{:?}", plan.problems);
        let e = &d.events[0];
        assert_eq!(e.kind, EventKind::Arrest);
        assert_eq!(e.title_en.as_deref(), Some("Arrests in Berkane"));
        assert_eq!(
            e.start.map(|d| d.to_string()).as_deref(),
            Some("2022-03-26")
        );
        assert_eq!(e.country.as_deref(), Some("MA"));
        assert_eq!(e.latitude, Some(34.92));
        assert!(
            e.tags.contains(&"admin1=Oriental".to_owned()),
            "{:?}",
            e.tags
        );
        assert_eq!(d.actors.len(), 3);
        assert_eq!(d.actors[0].kind, ActorKind::PoliceJudicial);
        assert_eq!(d.sources.len(), 2);
        // Both cited sources support the event through ACLED's notes.
        assert_eq!(d.excerpts.len(), 2);
        assert_eq!(d.evidence.len(), 2);
        for x in &d.excerpts {
            assert_eq!(Some(x.text.as_str()), e.description.as_deref());
        }
        assert!(
            d.evidence
                .iter()
                .all(|v| v.target == crate::model::EvidenceTarget::Event(e.id))
        );
        let roles: Vec<Role> = d.participations.iter().map(|p| p.role).collect();
        assert_eq!(
            roles,
            [Role::ArrestingBody, Role::ArrestingBody, Role::Suspect]
        );
        assert_eq!(e.id, stable_id("acled-event", "MOR3421"));
    }

    #[test]
    fn precision_and_errors() {
        let head = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,location\n";
        let plan = Acled.read(&format!("{head}X1,2022-03-15,2,Protests,Peaceful protest,Rabat\nX2,2022-03-15,3,Riots,Mob violence,\n")).unwrap();
        let dates: Vec<String> = plan
            .data
            .events
            .iter()
            .map(|e| e.start.unwrap().to_string())
            .collect();
        assert_eq!(dates, ["2022-03", "2022"]);
        let err = Acled
            .read(&format!("{head}X1,2022-03-15,1,,,\n"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 2, field «event_type»"), "{err}");
        assert!(matches!(
            Acled.read("a,b\n1,2\n"),
            Err(ImportError::WrongFormat(_))
        ));
    }
}
