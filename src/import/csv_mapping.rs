//! Which CSV column holds which field: a serialisable [`CsvMapping`] the user can save and reuse,
//! and [`guess_mapping`], which reads Arabic, English and French headers.

use super::plan_builder::name_key;
use crate::model::Role;
use serde::{Deserialize, Serialize};

/// Which records a CSV file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvTable {
    /// One event per row.
    Events,
    /// One actor per row.
    Actors,
    /// One source per row.
    Sources,
}

impl CsvTable {
    /// The `--format` name of this table's importer and exporter.
    pub fn format_name(self) -> &'static str {
        match self {
            Self::Events => "csv-events",
            Self::Actors => "csv-actors",
            Self::Sources => "csv-sources",
        }
    }
}

/// A field a column can fill. Which fields apply depends on the [`CsvTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvField {
    /// A record id (UUID); rows with an id update that record on re-import.
    Id,
    /// Record type: event type, actor kind or source kind (code or common label).
    Kind,
    /// Event title or actor name in whichever script the cell is written (Arabic goes to the
    /// Arabic slot).
    Title,
    /// Arabic title (events).
    TitleAr,
    /// English title (events).
    TitleEn,
    /// Arabic name (actors).
    NameAr,
    /// English name (actors).
    NameEn,
    /// French name (actors).
    NameFr,
    /// Acronym (actors).
    Acronym,
    /// Other names, separated by `;` (actors).
    Aliases,
    /// Description or notes (events, actors).
    Description,
    /// Start date, any form [`parse_date`](super::parse_date) knows (events).
    Start,
    /// End date (events).
    End,
    /// The date as the source writes it (events).
    DateAsWritten,
    /// Place name (events).
    Place,
    /// Country: alpha-2 code or name (events, actors).
    Country,
    /// Latitude (events).
    Latitude,
    /// Longitude (events).
    Longitude,
    /// Tags separated by `;` (events).
    Tags,
    /// Actors separated by `;`, each optionally followed by its role in brackets:
    /// `المغرب [host]; FBI [visitor]` (events).
    Actors,
    /// Actors separated by `;`, all with this role (events).
    ActorsAs(Role),
    /// Active since (actors).
    ActiveFrom,
    /// Active until (actors).
    ActiveTo,
    /// Outlet or publisher (sources).
    Outlet,
    /// Authors separated by `;` (sources).
    Authors,
    /// Language: ISO 639-1 code or name (sources).
    Language,
    /// Publication date (sources).
    Published,
    /// URL (sources).
    Url,
    /// Access date (sources).
    Accessed,
    /// Reliability A–F (sources).
    Reliability,
    /// Notes (sources).
    Notes,
    /// Full text (sources).
    FullText,
}

/// One column of the file and the field it fills (`None`: ignored).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvColumn {
    /// The header as written in the file.
    pub header: String,
    /// The field it fills.
    pub field: Option<CsvField>,
}

/// How to read a CSV file: the table and what each column holds, matched by header name so a
/// saved mapping still applies when columns are reordered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvMapping {
    /// Which records the rows are.
    pub table: CsvTable,
    /// The columns, in file order.
    pub columns: Vec<CsvColumn>,
}

impl CsvMapping {
    /// The field of the column headed `header` (compared loosely: case, accents, spacing).
    pub fn field_of(&self, header: &str) -> Option<CsvField> {
        let key = header_key(header);
        self.columns
            .iter()
            .find(|c| header_key(&c.header) == key)
            .and_then(|c| c.field)
    }

    /// Fields mapped more than once, which would make a row ambiguous.
    pub fn duplicated_fields(&self) -> Vec<CsvField> {
        let mut seen = Vec::new();
        let mut dup = Vec::new();
        for f in self.columns.iter().filter_map(|c| c.field) {
            let repeatable = matches!(f, CsvField::Actors | CsvField::ActorsAs(_) | CsvField::Tags);
            if seen.contains(&f) && !repeatable && !dup.contains(&f) {
                dup.push(f);
            }
            seen.push(f);
        }
        dup
    }
}

/// Header synonyms per table, as [`header_key`]s. First match wins, so the specific forms come
/// before the generic ones.
const COMMON: &[(&str, CsvField)] = &[
    ("id", CsvField::Id),
    ("uuid", CsvField::Id),
    ("identifier", CsvField::Id),
    ("identifiant", CsvField::Id),
    ("المعرف", CsvField::Id),
    ("kind", CsvField::Kind),
    ("type", CsvField::Kind),
    ("category", CsvField::Kind),
    ("categorie", CsvField::Kind),
    ("النوع", CsvField::Kind),
    ("نوع", CsvField::Kind),
    ("country", CsvField::Country),
    ("pays", CsvField::Country),
    ("البلد", CsvField::Country),
    ("الدوله", CsvField::Country),
    ("description", CsvField::Description),
    ("الوصف", CsvField::Description),
    ("وصف", CsvField::Description),
];

const EVENTS: &[(&str, CsvField)] = &[
    ("title ar", CsvField::TitleAr),
    ("arabic title", CsvField::TitleAr),
    ("titre arabe", CsvField::TitleAr),
    ("العنوان بالعربيه", CsvField::TitleAr),
    ("title en", CsvField::TitleEn),
    ("english title", CsvField::TitleEn),
    ("titre anglais", CsvField::TitleEn),
    ("العنوان بالانجليزيه", CsvField::TitleEn),
    ("title", CsvField::Title),
    ("titre", CsvField::Title),
    ("event", CsvField::Title),
    ("evenement", CsvField::Title),
    ("العنوان", CsvField::Title),
    ("عنوان", CsvField::Title),
    ("الحدث", CsvField::Title),
    ("event type", CsvField::Kind),
    ("type d evenement", CsvField::Kind),
    ("نوع الحدث", CsvField::Kind),
    ("start", CsvField::Start),
    ("start date", CsvField::Start),
    ("date", CsvField::Start),
    ("event date", CsvField::Start),
    ("debut", CsvField::Start),
    ("date de debut", CsvField::Start),
    ("التاريخ", CsvField::Start),
    ("تاريخ", CsvField::Start),
    ("تاريخ البدايه", CsvField::Start),
    ("end", CsvField::End),
    ("end date", CsvField::End),
    ("fin", CsvField::End),
    ("date de fin", CsvField::End),
    ("تاريخ النهايه", CsvField::End),
    ("date as written", CsvField::DateAsWritten),
    ("date telle qu ecrite", CsvField::DateAsWritten),
    ("التاريخ كما ورد", CsvField::DateAsWritten),
    ("place", CsvField::Place),
    ("location", CsvField::Place),
    ("city", CsvField::Place),
    ("lieu", CsvField::Place),
    ("ville", CsvField::Place),
    ("المكان", CsvField::Place),
    ("مكان", CsvField::Place),
    ("المدينه", CsvField::Place),
    ("latitude", CsvField::Latitude),
    ("lat", CsvField::Latitude),
    ("خط العرض", CsvField::Latitude),
    ("longitude", CsvField::Longitude),
    ("lon", CsvField::Longitude),
    ("lng", CsvField::Longitude),
    ("long", CsvField::Longitude),
    ("خط الطول", CsvField::Longitude),
    ("tags", CsvField::Tags),
    ("keywords", CsvField::Tags),
    ("mots cles", CsvField::Tags),
    ("etiquettes", CsvField::Tags),
    ("الوسوم", CsvField::Tags),
    ("كلمات مفتاحيه", CsvField::Tags),
    ("summary", CsvField::Description),
    ("notes", CsvField::Description),
    ("resume", CsvField::Description),
    ("ملخص", CsvField::Description),
    ("actors", CsvField::Actors),
    ("participants", CsvField::Actors),
    ("acteurs", CsvField::Actors),
    ("الفاعلون", CsvField::Actors),
    ("الجهات", CsvField::Actors),
    ("الاطراف", CsvField::Actors),
    ("suspects", CsvField::ActorsAs(Role::Suspect)),
    ("suspect", CsvField::ActorsAs(Role::Suspect)),
    ("المشتبه بهم", CsvField::ActorsAs(Role::Suspect)),
    ("arrested by", CsvField::ActorsAs(Role::ArrestingBody)),
    ("host", CsvField::ActorsAs(Role::Host)),
    ("hote", CsvField::ActorsAs(Role::Host)),
    ("المضيف", CsvField::ActorsAs(Role::Host)),
    ("visitor", CsvField::ActorsAs(Role::Visitor)),
    ("visiteur", CsvField::ActorsAs(Role::Visitor)),
    ("الزائر", CsvField::ActorsAs(Role::Visitor)),
    ("signatories", CsvField::ActorsAs(Role::Signatory)),
    ("signataires", CsvField::ActorsAs(Role::Signatory)),
    ("الموقعون", CsvField::ActorsAs(Role::Signatory)),
];

const ACTORS: &[(&str, CsvField)] = &[
    ("name ar", CsvField::NameAr),
    ("arabic name", CsvField::NameAr),
    ("nom arabe", CsvField::NameAr),
    ("الاسم بالعربيه", CsvField::NameAr),
    ("name en", CsvField::NameEn),
    ("english name", CsvField::NameEn),
    ("nom anglais", CsvField::NameEn),
    ("الاسم بالانجليزيه", CsvField::NameEn),
    ("name fr", CsvField::NameFr),
    ("french name", CsvField::NameFr),
    ("nom francais", CsvField::NameFr),
    ("الاسم بالفرنسيه", CsvField::NameFr),
    ("name", CsvField::Title),
    ("nom", CsvField::Title),
    ("actor", CsvField::Title),
    ("acteur", CsvField::Title),
    ("الاسم", CsvField::Title),
    ("اسم", CsvField::Title),
    ("الفاعل", CsvField::Title),
    ("acronym", CsvField::Acronym),
    ("abbreviation", CsvField::Acronym),
    ("sigle", CsvField::Acronym),
    ("acronyme", CsvField::Acronym),
    ("الاختصار", CsvField::Acronym),
    ("aliases", CsvField::Aliases),
    ("alias", CsvField::Aliases),
    ("also known as", CsvField::Aliases),
    ("autres noms", CsvField::Aliases),
    ("اسماء اخري", CsvField::Aliases),
    ("active from", CsvField::ActiveFrom),
    ("actif depuis", CsvField::ActiveFrom),
    ("نشط منذ", CsvField::ActiveFrom),
    ("active to", CsvField::ActiveTo),
    ("actif jusqu a", CsvField::ActiveTo),
    ("نشط حتي", CsvField::ActiveTo),
    ("actor type", CsvField::Kind),
    ("نوع الفاعل", CsvField::Kind),
    ("notes", CsvField::Description),
];

const SOURCES: &[(&str, CsvField)] = &[
    ("title", CsvField::Title),
    ("titre", CsvField::Title),
    ("العنوان", CsvField::Title),
    ("عنوان", CsvField::Title),
    ("outlet", CsvField::Outlet),
    ("publisher", CsvField::Outlet),
    ("publication", CsvField::Outlet),
    ("journal", CsvField::Outlet),
    ("newspaper", CsvField::Outlet),
    ("media", CsvField::Outlet),
    ("editeur", CsvField::Outlet),
    ("الناشر", CsvField::Outlet),
    ("الجريده", CsvField::Outlet),
    ("المنبر", CsvField::Outlet),
    ("author", CsvField::Authors),
    ("authors", CsvField::Authors),
    ("auteur", CsvField::Authors),
    ("auteurs", CsvField::Authors),
    ("الكاتب", CsvField::Authors),
    ("المولف", CsvField::Authors),
    ("language", CsvField::Language),
    ("langue", CsvField::Language),
    ("اللغه", CsvField::Language),
    ("published", CsvField::Published),
    ("date", CsvField::Published),
    ("publication date", CsvField::Published),
    ("date de publication", CsvField::Published),
    ("تاريخ النشر", CsvField::Published),
    ("التاريخ", CsvField::Published),
    ("url", CsvField::Url),
    ("link", CsvField::Url),
    ("lien", CsvField::Url),
    ("الرابط", CsvField::Url),
    ("accessed", CsvField::Accessed),
    ("access date", CsvField::Accessed),
    ("consulte le", CsvField::Accessed),
    ("تاريخ الاطلاع", CsvField::Accessed),
    ("reliability", CsvField::Reliability),
    ("fiabilite", CsvField::Reliability),
    ("الموثوقيه", CsvField::Reliability),
    ("notes", CsvField::Notes),
    ("remarques", CsvField::Notes),
    ("ملاحظات", CsvField::Notes),
    ("full text", CsvField::FullText),
    ("text", CsvField::FullText),
    ("texte", CsvField::FullText),
    ("النص", CsvField::FullText),
    ("source type", CsvField::Kind),
];

/// The fields a column of `table` can fill, in the order a mapping dialog lists them.
pub fn fields_for(table: CsvTable) -> Vec<CsvField> {
    let mut out: Vec<CsvField> = Vec::new();
    for (_, f) in table_synonyms(table).iter().chain(COMMON) {
        if !out.contains(f) {
            out.push(*f);
        }
    }
    out
}

/// The loose form of a header: normalised, underscores and punctuation as spaces.
pub fn header_key(header: &str) -> String {
    name_key(header.trim_start_matches('\u{feff}'))
}

fn table_synonyms(table: CsvTable) -> &'static [(&'static str, CsvField)] {
    match table {
        CsvTable::Events => EVENTS,
        CsvTable::Actors => ACTORS,
        CsvTable::Sources => SOURCES,
    }
}

/// The field a header names in `table`, if any.
pub fn guess_field(table: CsvTable, header: &str) -> Option<CsvField> {
    let key = header_key(header);
    table_synonyms(table)
        .iter()
        .chain(COMMON)
        .find(|(k, _)| *k == key)
        .map(|(_, f)| *f)
}

/// Guesses the columns for `table`; a field is given to its first column only.
pub fn guess_mapping_for(table: CsvTable, headers: &[&str]) -> CsvMapping {
    let mut used = Vec::new();
    let columns = headers
        .iter()
        .map(|h| {
            let field = guess_field(table, h).filter(|f| {
                let repeatable = matches!(f, CsvField::Actors | CsvField::ActorsAs(_));
                repeatable || !used.contains(f)
            });
            if let Some(f) = field {
                used.push(f);
            }
            CsvColumn {
                header: (*h).to_owned(),
                field,
            }
        })
        .collect();
    CsvMapping { table, columns }
}

/// How strongly the headers suggest each table: the number of table-specific columns recognised.
fn score(table: CsvTable, headers: &[&str]) -> usize {
    headers
        .iter()
        .filter(|h| {
            let key = header_key(h);
            table_synonyms(table).iter().any(|(k, _)| *k == key)
        })
        .count()
}

/// Guesses the table and the columns from the headers (Arabic, English or French).
pub fn guess_mapping(headers: &[&str]) -> CsvMapping {
    let tables = [CsvTable::Events, CsvTable::Actors, CsvTable::Sources];
    let best = tables
        .into_iter()
        .max_by_key(|t| {
            // Ties go to events, the commonest table; max_by_key keeps the last maximum.
            let bias = usize::from(*t == CsvTable::Events);
            (score(*t, headers), bias)
        })
        .unwrap_or(CsvTable::Events);
    guess_mapping_for(best, headers)
}

/// Whether the headers look like the given table more than the others (for sniffing).
pub fn headers_suggest(table: CsvTable, headers: &[&str]) -> bool {
    let mapping = guess_mapping(headers);
    mapping.table == table && score(table, headers) >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(m: &CsvMapping) -> Vec<Option<CsvField>> {
        m.columns.iter().map(|c| c.field).collect()
    }

    #[test]
    fn guesses_events_in_three_languages() {
        let m = guess_mapping(&["العنوان", "التاريخ", "المكان", "الجهات", "ملاحظة"]);
        assert_eq!(m.table, CsvTable::Events);
        assert_eq!(
            fields(&m),
            [
                Some(CsvField::Title),
                Some(CsvField::Start),
                Some(CsvField::Place),
                Some(CsvField::Actors),
                None
            ]
        );
        let m = guess_mapping(&["Titre", "Date de début", "Lieu", "Pays", "Type"]);
        assert_eq!(m.table, CsvTable::Events);
        assert_eq!(m.field_of("pays"), Some(CsvField::Country));
        let m = guess_mapping(&["title_en", "Start Date", "Event type", "suspects"]);
        assert_eq!(
            fields(&m),
            [
                Some(CsvField::TitleEn),
                Some(CsvField::Start),
                Some(CsvField::Kind),
                Some(CsvField::ActorsAs(Role::Suspect))
            ]
        );
    }

    #[test]
    fn guesses_actors_and_sources() {
        let m = guess_mapping(&["الاسم", "الاختصار", "النوع", "البلد"]);
        assert_eq!(m.table, CsvTable::Actors);
        let m = guess_mapping(&["Title", "Author", "Publisher", "URL", "Date"]);
        assert_eq!(m.table, CsvTable::Sources);
        assert_eq!(m.field_of("date"), Some(CsvField::Published));
        let m = guess_mapping(&["titre", "auteur", "lien"]);
        assert_eq!(m.table, CsvTable::Sources);
    }

    #[test]
    fn mapping_serialises_for_reuse() {
        let m = guess_mapping(&["title", "host", "date"]);
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains("\"actors_as\":\"host\""), "{json}");
        assert_eq!(serde_json::from_str::<CsvMapping>(&json).unwrap(), m);
    }
}
