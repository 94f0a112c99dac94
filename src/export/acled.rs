//! ACLED CSV writer: one row per event in ACLED's column order, with our event types mapped to
//! ACLED's event and sub-event types (table in docs/FORMATS.md), and `marsad_*` columns at the
//! end so that Marsad reads its own export back without loss. Cells go through
//! [`csv_safe`](super::csv_safe), so a title beginning with `=` cannot run in a spreadsheet.

use super::csv_safe::write_rows;
use super::{ExportError, Exporter};
use crate::import::acled::{MARSAD_COLUMNS, TAG_COLUMNS};
use crate::import::countries;
use crate::model::{Actor, ActorKind, Dataset, Event, EventKind, EvidenceTarget, Id, Role};
use std::collections::HashMap;

/// Writes ACLED CSV.
pub struct Acled;

/// ACLED's columns, in the order of its export tool.
pub const COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// ACLED's disorder type, event type and sub-event type for one of our event types.
pub fn acled_type(kind: EventKind) -> (&'static str, &'static str, &'static str) {
    const SD: &str = "Strategic developments";
    match kind {
        EventKind::Arrest | EventKind::CellDismantled => (SD, SD, "Arrests"),
        EventKind::AttackFoiled => (SD, SD, "Disrupted weapons use"),
        EventKind::AgreementSigned => (SD, SD, "Agreement"),
        EventKind::Attack => ("Political violence", "Violence against civilians", "Attack"),
        _ => (SD, SD, "Other"),
    }
}

/// ACLED's interaction code for an actor kind.
pub fn inter_code(kind: ActorKind) -> u8 {
    match kind {
        ActorKind::State
        | ActorKind::GovernmentBody
        | ActorKind::SecurityService
        | ActorKind::Military
        | ActorKind::PoliceJudicial => 1,
        ActorKind::ArmedGroup => 2,
        ActorKind::Person | ActorKind::MediaOutlet => 7,
        ActorKind::InternationalOrg | ActorKind::Other => 8,
    }
}

/// Whether a role puts the actor on ACLED's second side (the one acted upon).
fn second_side(role: Role) -> bool {
    matches!(
        role,
        Role::Suspect | Role::Target | Role::Visitor | Role::Beneficiary | Role::Mentioned
    )
}

/// ACLED names actors in English; Arabic only when there is no other name.
fn acled_name(a: &Actor) -> &str {
    a.display_name(false)
}

struct Context<'a> {
    parts: HashMap<Id, Vec<(&'a Actor, Role)>>,
    sources: HashMap<Id, Vec<String>>,
}

fn context(d: &Dataset) -> Context<'_> {
    let actors: HashMap<Id, &Actor> = d.actors.iter().map(|a| (a.id, a)).collect();
    let mut parts: HashMap<Id, Vec<(&Actor, Role)>> = HashMap::new();
    for p in &d.participations {
        if let Some(a) = actors.get(&p.actor_id) {
            parts.entry(p.event_id).or_default().push((a, p.role));
        }
    }
    let source_names: HashMap<Id, String> = d
        .sources
        .iter()
        .map(|s| (s.id, s.outlet.clone().unwrap_or_else(|| s.title.clone())))
        .collect();
    let excerpt_source: HashMap<Id, Id> = d.excerpts.iter().map(|x| (x.id, x.source_id)).collect();
    let mut sources: HashMap<Id, Vec<String>> = HashMap::new();
    for ev in &d.evidence {
        let EvidenceTarget::Event(e) = ev.target else {
            continue;
        };
        if let Some(name) = excerpt_source
            .get(&ev.excerpt_id)
            .and_then(|s| source_names.get(s))
        {
            let list = sources.entry(e).or_default();
            if !list.contains(name) {
                list.push(name.clone());
            }
        }
    }
    Context { parts, sources }
}

/// The two sides: main actor, associated actors, interaction code.
fn sides<'a>(parts: &[(&'a Actor, Role)]) -> [(String, String, String); 2] {
    let mut out: [Vec<&'a Actor>; 2] = [Vec::new(), Vec::new()];
    for (a, role) in parts {
        let side = &mut out[usize::from(second_side(*role))];
        if !side.iter().any(|x| x.id == a.id) {
            side.push(a);
        }
    }
    out.map(|list| {
        let main = list
            .first()
            .map(|a| acled_name(a).to_owned())
            .unwrap_or_default();
        let inter = list
            .first()
            .map(|a| inter_code(a.kind).to_string())
            .unwrap_or_default();
        let assoc: Vec<&str> = list.iter().skip(1).map(|a| acled_name(a)).collect();
        (main, assoc.join("; "), inter)
    })
}

fn row(e: &Event, c: &Context<'_>) -> Vec<String> {
    let parts = c.parts.get(&e.id).map(Vec::as_slice).unwrap_or(&[]);
    let [one, two] = sides(parts);
    let (disorder, ty, sub) = acled_type(e.kind);
    let interaction = match (one.2.parse::<u8>(), two.2.parse::<u8>()) {
        (Ok(a), Ok(b)) => format!("{}{}", a.min(b), a.max(b)),
        (Ok(a), Err(_)) | (Err(_), Ok(a)) => format!("{a}0"),
        _ => String::new(),
    };
    let country = e.country.as_deref().and_then(countries::by_alpha2);
    let mut tagged: HashMap<&str, String> = HashMap::new();
    let mut tags = Vec::new();
    for t in &e.tags {
        match t.split_once('=').filter(|(k, _)| TAG_COLUMNS.contains(k)) {
            Some((k, v)) if !tagged.contains_key(k) => {
                tagged.insert(k, v.to_owned());
            }
            _ => tags.push(t.as_str()),
        }
    }
    let (date, precision) = match e.start {
        Some(d) => {
            let (y, m, day) = d.first_day();
            let p = match d.precision() {
                crate::model::Precision::Day => "1",
                crate::model::Precision::Month => "2",
                crate::model::Precision::Year => "3",
            };
            (format!("{y:04}-{m:02}-{day:02}"), p)
        }
        None => (String::new(), ""),
    };
    let mut cells: HashMap<&str, String> = HashMap::from([
        ("event_id_cnty", e.id.to_string()),
        ("event_date", date),
        (
            "year",
            e.start
                .map(|d| d.year_value().to_string())
                .unwrap_or_default(),
        ),
        ("time_precision", precision.to_owned()),
        ("disorder_type", disorder.to_owned()),
        ("event_type", ty.to_owned()),
        ("sub_event_type", sub.to_owned()),
        ("actor1", one.0),
        ("assoc_actor_1", one.1),
        ("inter1", one.2),
        ("actor2", two.0),
        ("assoc_actor_2", two.1),
        ("inter2", two.2),
        ("interaction", interaction),
        (
            "iso",
            country.map(|c| c.numeric.to_string()).unwrap_or_default(),
        ),
        (
            "country",
            country
                .map(|c| c.en.to_owned())
                .or_else(|| e.country.clone())
                .unwrap_or_default(),
        ),
        ("location", e.place.clone().unwrap_or_default()),
        (
            "latitude",
            e.latitude.map(|v| v.to_string()).unwrap_or_default(),
        ),
        (
            "longitude",
            e.longitude.map(|v| v.to_string()).unwrap_or_default(),
        ),
        (
            "source",
            c.sources
                .get(&e.id)
                .map(|s| s.join("; "))
                .unwrap_or_default(),
        ),
        ("notes", e.description.clone().unwrap_or_default()),
        ("tags", tags.join("; ")),
        ("marsad_id", e.id.to_string()),
        ("marsad_event_type", e.kind.code().to_owned()),
        ("marsad_title_ar", e.title_ar.clone().unwrap_or_default()),
        ("marsad_title_en", e.title_en.clone().unwrap_or_default()),
        (
            "marsad_start",
            e.start.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "marsad_end",
            e.end.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "marsad_date_as_written",
            e.date_as_written.clone().unwrap_or_default(),
        ),
        ("marsad_actors", marsad_actors(parts)),
    ]);
    cells.extend(tagged);
    COLUMNS
        .iter()
        .chain(MARSAD_COLUMNS)
        .map(|col| cells.remove(col).unwrap_or_default())
        .collect()
}

/// `name [role]; …`, the actor list syntax the CSV importer reads.
fn marsad_actors(parts: &[(&Actor, Role)]) -> String {
    let items: Vec<String> = parts
        .iter()
        .map(|(a, r)| format!("{} [{}]", a.display_name(true), r.code()))
        .collect();
    items.join("; ")
}

impl Exporter for Acled {
    fn name(&self) -> &'static str {
        "acled"
    }

    fn extension(&self) -> &'static str {
        "csv"
    }

    fn write(&self, data: &Dataset) -> Result<Vec<u8>, ExportError> {
        let c = context(data);
        let header: Vec<&str> = COLUMNS.iter().chain(MARSAD_COLUMNS).copied().collect();
        let rows: Vec<Vec<String>> = data.events.iter().map(|e| row(e, &c)).collect();
        write_rows(&header, &rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Importer;
    use crate::import::acled::Acled as Reader;
    use crate::import::test_support::{event_all, event_view, participation_view, sample};
    use crate::model::Participation;

    #[test]
    fn sample_events_round_trip() {
        let data = sample();
        let bytes = Acled.write(&data).unwrap();
        let back = Reader.read(std::str::from_utf8(&bytes).unwrap()).unwrap();
        let b = &back.data;
        assert_eq!(event_view(b, event_all), event_view(&data, event_all));
        let name = |a: &Actor| a.display_name(true).to_owned();
        assert_eq!(participation_view(b, name), participation_view(&data, name));
        let ids: Vec<Id> = b.events.iter().map(|e| e.id).collect();
        assert!(data.events.iter().all(|e| ids.contains(&e.id)));
    }

    #[test]
    fn types_sides_and_formulas() {
        let mut d = Dataset::default();
        let mut police = Actor::new(ActorKind::PoliceJudicial);
        police.name_ar = Some("المديرية العامة للأمن الوطني".into());
        police.name_en = Some("DGSN".into());
        let mut suspect = Actor::new(ActorKind::Person);
        suspect.name_ar = Some("مشتبه به".into());
        let mut e = Event::new(EventKind::Arrest);
        e.title_ar = Some("=HYPERLINK(\"http://x\")".into());
        e.start = "2022-03".parse().ok();
        e.tags = vec!["admin1=Oriental".into(), "داعش".into()];
        d.participations
            .push(Participation::new(e.id, police.id, Role::ArrestingBody));
        d.participations
            .push(Participation::new(e.id, suspect.id, Role::Suspect));
        d.actors = vec![police, suspect];
        d.events.push(e);
        for title in ["+1+1", "-1+2", "@SUM(A1)"] {
            let mut e = Event::new(EventKind::Other);
            e.title_en = Some(title.into());
            d.events.push(e);
        }
        let text = String::from_utf8(Acled.write(&d).unwrap()).unwrap();
        let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = r.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let get = |row: usize, col: &str| {
            let i = headers.iter().position(|h| h == col).unwrap();
            rows[row][i].to_owned()
        };
        assert_eq!(get(0, "event_type"), "Strategic developments");
        assert_eq!(get(0, "sub_event_type"), "Arrests");
        assert_eq!(get(0, "actor1"), "DGSN");
        assert_eq!(get(0, "actor2"), "مشتبه به");
        assert_eq!(get(0, "interaction"), "17");
        assert_eq!(get(0, "event_date"), "2022-03-01");
        assert_eq!(get(0, "time_precision"), "2");
        assert_eq!(get(0, "admin1"), "Oriental");
        assert_eq!(get(0, "tags"), "داعش");
        assert_eq!(get(0, "marsad_title_ar"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(get(1, "marsad_title_en"), "'+1+1");
        assert_eq!(get(2, "marsad_title_en"), "'-1+2");
        assert_eq!(get(3, "marsad_title_en"), "'@SUM(A1)");
    }
}
