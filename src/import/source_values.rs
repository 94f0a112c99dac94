//! Values shared by the bibliographic formats (RIS, BibTeX, CSL-JSON, FtM): personal names
//! split into family and given parts, loose dates, record ids, and notes assembled from the
//! several note-like fields those formats have.

use super::csv_values;
use super::parse_date;
use super::plan_builder::{name_key, url_key};
use super::stable_id::stable_id;
use crate::model::{Id, PartialDate, Source, is_arabic};

/// A personal name as the bibliographic formats want it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PersonName {
    /// Family and given name (`Smith`, `John`).
    Parts {
        /// Family name.
        family: String,
        /// Given names.
        given: String,
    },
    /// A name kept whole: Arabic names (whose family part cannot be guessed from word order),
    /// institutions and single words.
    Literal(String),
}

/// Splits a name as Marsad keeps it ("John Smith", or already "Smith, John") into parts.
/// Arabic names stay whole: «محمد بن علي» has no reliable "last word is the family name".
pub(crate) fn person_name(name: &str) -> PersonName {
    let name = name.trim();
    if let Some((family, given)) = name.split_once(',') {
        let (family, given) = (family.trim(), given.trim());
        if !family.is_empty() && !given.is_empty() {
            return PersonName::Parts {
                family: family.to_owned(),
                given: given.to_owned(),
            };
        }
    }
    if name.chars().any(is_arabic) {
        return PersonName::Literal(name.to_owned());
    }
    match name.rsplit_once(' ') {
        Some((given, family)) if !given.trim().is_empty() => PersonName::Parts {
            family: family.to_owned(),
            given: given.trim().to_owned(),
        },
        _ => PersonName::Literal(name.to_owned()),
    }
}

/// The name as Marsad keeps it: given names first, as names are written in running text.
pub(crate) fn join_name(family: &str, given: &str) -> String {
    match (family.trim(), given.trim()) {
        ("", g) => g.to_owned(),
        (f, "") => f.to_owned(),
        (f, g) => format!("{g} {f}"),
    }
}

/// A date from `YYYY/MM/DD/other` (RIS), ISO `YYYY-MM-DD` or a prefix of it, or anything the
/// cell date parser knows («26 مارس 2022»).
pub(crate) fn loose_date(text: &str) -> Option<PartialDate> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let parts: Vec<&str> = t.split(['/', '-']).map(str::trim).collect();
    let first = parts.first().copied().unwrap_or("");
    if first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit()) {
        let year: u16 = first.parse().ok()?;
        let num = |i: usize| -> Option<u8> {
            parts
                .get(i)
                .filter(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse().ok())
        };
        return match (num(1), num(2)) {
            (Some(m), Some(d)) => PartialDate::day(year, m, d).ok(),
            (Some(m), None) => PartialDate::month(year, m).ok(),
            (None, _) if parts.len() == 1 || parts[1..].iter().all(|p| p.is_empty()) => {
                PartialDate::year(year).ok()
            }
            _ => parse_date(t),
        };
    }
    parse_date(t)
}

/// The year, month and day of a date as numbers, the shape of CSL's `date-parts`.
pub(crate) fn date_parts(d: PartialDate) -> Vec<u16> {
    let mut v = vec![d.year_value()];
    v.extend(d.month_value().map(u16::from));
    v.extend(d.day_value().map(u16::from));
    v
}

/// A date written without the circa mark, for formats that have none.
pub(crate) fn plain_date(d: PartialDate) -> String {
    d.with_circa(false).to_string()
}

/// An ISO 639-1 code from whatever a format writes (`ar`, `ara`, `Arabic`, `arabic`, `ar-MA`).
pub(crate) fn language(text: &str) -> Option<String> {
    csv_values::language(text)
}

/// The babel/polyglossia name of a language, as BibLaTeX's `langid` wants it.
pub(crate) fn babel_name(code: &str) -> &str {
    match code {
        "ar" => "arabic",
        "en" => "english",
        "fr" => "french",
        "es" => "spanish",
        "de" => "german",
        "it" => "italian",
        other => other,
    }
}

/// The three-letter code FollowTheMoney uses for a language.
pub(crate) fn three_letter(code: &str) -> &str {
    match code {
        "ar" => "ara",
        "en" => "eng",
        "fr" => "fra",
        "es" => "spa",
        "de" => "deu",
        "it" => "ita",
        other => other,
    }
}

/// The record id of an imported source: the file's own id when it is a UUID (a file Marsad
/// wrote), otherwise derived from the URL or title as the CSV importer does, so importing the
/// same reference from two formats updates one record.
pub(crate) fn source_id(external: Option<&str>, source: &Source) -> Id {
    if let Some(id) = external.and_then(|x| x.trim().parse::<Id>().ok()) {
        return id;
    }
    let key = match source.url.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(u) => format!("u:{}", url_key(u)),
        None => format!("t:{}", name_key(&source.title)),
    };
    stable_id("source", &key)
}

/// The id a file gives a record when it is a UUID, else a stable id from `namespace` and it.
pub(crate) fn external_id(namespace: &str, external: &str) -> Id {
    external
        .trim()
        .parse::<Id>()
        .unwrap_or_else(|_| stable_id(namespace, external.trim()))
}

/// Collects the note-like fields of a reference (note, abstract, keywords) into one text,
/// each labelled so the researcher sees where it came from. The plain note comes first and
/// unlabelled, so a note written by Marsad comes back unchanged.
#[derive(Default)]
pub(crate) struct Notes {
    note: Vec<String>,
    labelled: Vec<String>,
}

impl Notes {
    /// A note as written.
    pub fn note(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.note.push(text.to_owned());
        }
    }

    /// A field that has no place of its own in a source (abstract, keywords).
    pub fn labelled(&mut self, label: &str, text: &str) {
        if !text.trim().is_empty() {
            self.labelled.push(format!("{label}: {}", text.trim()));
        }
    }

    /// The text, or `None` when there was nothing.
    pub fn finish(self) -> Option<String> {
        let all: Vec<String> = self.note.into_iter().chain(self.labelled).collect();
        (!all.is_empty()).then(|| all.join("\n\n"))
    }
}

/// The 1-based line of a byte offset in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_latin_and_keep_arabic_whole() {
        assert_eq!(
            person_name("John Smith"),
            PersonName::Parts {
                family: "Smith".into(),
                given: "John".into()
            }
        );
        assert_eq!(
            person_name("Smith, John Paul"),
            PersonName::Parts {
                family: "Smith".into(),
                given: "John Paul".into()
            }
        );
        assert_eq!(
            person_name("محمد بن علي"),
            PersonName::Literal("محمد بن علي".into())
        );
        assert_eq!(
            person_name("Reuters"),
            PersonName::Literal("Reuters".into())
        );
        assert_eq!(join_name("Smith", "John"), "John Smith");
        assert_eq!(join_name("محمد بن علي", ""), "محمد بن علي");
    }

    #[test]
    fn loose_dates() {
        let d = |s: &str| loose_date(s).map(|d| d.to_string());
        assert_eq!(d("2022/03/26/").as_deref(), Some("2022-03-26"));
        assert_eq!(d("2022///").as_deref(), Some("2022"));
        assert_eq!(d("2022/03//").as_deref(), Some("2022-03"));
        assert_eq!(d("2022-03").as_deref(), Some("2022-03"));
        assert_eq!(d("26 مارس 2022").as_deref(), Some("2022-03-26"));
        assert_eq!(d("2022/02/30"), None);
        assert_eq!(d(""), None);
    }

    #[test]
    fn notes_keep_the_plain_note_first() {
        let mut n = Notes::default();
        n.note("ملاحظة");
        n.labelled("Abstract", " ملخص ");
        assert_eq!(n.finish().as_deref(), Some("ملاحظة\n\nAbstract: ملخص"));
        assert_eq!(Notes::default().finish(), None);
    }

    #[test]
    fn lines_of_offsets() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 999), 3);
    }
}
