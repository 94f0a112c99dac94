//! RIS reader: the tagged reference format Zotero, EndNote and Mendeley export. A record runs
//! from `TY  - ` to `ER  - `; every line is a two-character tag, two spaces, a hyphen and the
//! value; a line without a tag continues the value above it (Zotero writes multi-line notes so).
//!
//! Fatal: a file whose first line is not a `TY` tag, a line over the limit, a record without a
//! title. Reported and skipped: tags Marsad does not read, dates it cannot parse, unknown
//! languages, a record left open at the end of the file (kept), text outside records.

use super::limits::{check_field, check_lines};
use super::plan_builder::PlanBuilder;
use super::source_values::{Notes, join_name, language, loose_date, source_id};
use super::{ImportError, ImportPlan, Importer};
use crate::model::{Source, SourceKind};
use std::collections::HashSet;

/// Reads RIS files.
pub struct Ris;

/// `(tag, value)` when the line is a tag line (`TY  - NEWS`, also the loose `TY - NEWS`).
pub(crate) fn tag_line(line: &str) -> Option<(&str, &str)> {
    let b = line.as_bytes();
    if b.len() < 4
        || !b[0].is_ascii_uppercase()
        || !(b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
    {
        return None;
    }
    let rest = &line[2..];
    let rest = rest
        .strip_prefix("  -")
        .or_else(|| rest.strip_prefix(" -"))?;
    if rest.is_empty() {
        return Some((&line[..2], ""));
    }
    let value = rest.strip_prefix(' ')?;
    Some((&line[..2], value))
}

/// One record: its first line and its `(tag, value, line)` fields in file order.
struct Record {
    line: usize,
    fields: Vec<(String, String, usize)>,
}

impl Record {
    fn values<'a>(&'a self, tags: &'a [&str]) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        self.fields
            .iter()
            .filter(move |(t, _, _)| tags.contains(&t.as_str()))
            .map(|(_, v, l)| (v.trim(), *l))
            .filter(|(v, _)| !v.is_empty())
    }

    fn first(&self, tags: &[&str]) -> Option<(String, usize)> {
        self.values(tags).next().map(|(v, l)| (v.to_owned(), l))
    }
}

/// Splits the text into records, reporting text outside them.
fn records(text: &str, b: &mut PlanBuilder) -> Result<Vec<Record>, ImportError> {
    let mut out = Vec::new();
    let mut current: Option<Record> = None;
    let mut blanks = 0usize;
    for (i, raw) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        match tag_line(line) {
            Some(("TY", value)) => {
                if let Some(open) = current.take() {
                    b.problem(
                        open.line,
                        Some("ER"),
                        "the record has no end tag (ER) before the next TY: closed there",
                    );
                    out.push(open);
                }
                current = Some(Record {
                    line: line_no,
                    fields: vec![("TY".into(), value.to_owned(), line_no)],
                });
            }
            Some(("ER", _)) => match current.take() {
                Some(r) => out.push(r),
                None => b.problem(line_no, Some("ER"), "end tag without a record: ignored"),
            },
            Some((tag, value)) => match current.as_mut() {
                Some(r) => {
                    check_field(line_no, tag, value)?;
                    r.fields.push((tag.to_owned(), value.to_owned(), line_no));
                }
                None => b.problem(
                    line_no,
                    Some(tag),
                    "tag outside a record (no TY before it): ignored",
                ),
            },
            None if line.trim().is_empty() => blanks += 1,
            None => match current.as_mut().and_then(|r| r.fields.last_mut()) {
                Some((tag, value, _)) => {
                    value.push_str(&"\n".repeat(blanks + 1));
                    value.push_str(line);
                    check_field(line_no, tag, value)?;
                }
                None => b.problem(line_no, None, "text outside a record: ignored"),
            },
        }
        if !line.trim().is_empty() {
            blanks = 0;
        }
    }
    if let Some(open) = current {
        b.problem(
            open.line,
            Some("ER"),
            "the file ends inside this record (no ER): kept",
        );
        out.push(open);
    }
    Ok(out)
}

/// The source kind of a RIS type (`M3`, the "type of work", tells an interview apart).
fn kind(ty: &str, type_of_work: Option<&str>) -> SourceKind {
    if type_of_work.is_some_and(|t| t.to_ascii_lowercase().contains("interview")) {
        return SourceKind::Interview;
    }
    match ty.trim() {
        "NEWS" => SourceKind::NewsArticle,
        "JOUR" | "MGZN" | "EJOUR" | "JFULL" | "ABST" => SourceKind::Analysis,
        "RPRT" | "THES" | "STAND" => SourceKind::Report,
        "BOOK" | "EBOOK" | "CHAP" | "ECHAP" | "EDBOOK" => SourceKind::Book,
        "ELEC" | "WEB" | "BLOG" | "DBASE" => SourceKind::WebPage,
        "GOVDOC" | "PAMP" | "LEGAL" | "STAT" | "BILL" | "HEAR" => SourceKind::OfficialStatement,
        "INTV" | "PCOMM" => SourceKind::Interview,
        _ => SourceKind::NewsArticle,
    }
}

/// Tags read into a source; others are reported once.
const KNOWN: &[&str] = &[
    "TY", "TI", "T1", "AU", "A1", "PY", "Y1", "DA", "JO", "JF", "T2", "JA", "J2", "PB", "UR", "LA",
    "AB", "N2", "N1", "KW", "Y2", "M3", "ID", "ER",
];

fn date_of(r: &Record, tags: &[&str], b: &mut PlanBuilder) -> Option<crate::model::PartialDate> {
    let mut best: Option<crate::model::PartialDate> = None;
    for (value, line) in r.values(tags) {
        match loose_date(value) {
            Some(d) if best.is_none_or(|old| d.precision() > old.precision()) => best = Some(d),
            Some(_) => {}
            None => b.problem(
                line,
                Some(tags[0]),
                format!("«{value}» is not a date Marsad reads: left empty"),
            ),
        }
    }
    best
}

fn source(
    r: &Record,
    b: &mut PlanBuilder,
    unknown: &mut HashSet<String>,
) -> Result<Source, ImportError> {
    let Some((title, _)) = r.first(&["TI", "T1"]) else {
        return Err(ImportError::Field {
            line: r.line,
            column: None,
            field: "TI".into(),
            message: "the record has no title (TI or T1)".into(),
        });
    };
    let ty = r.first(&["TY"]).map(|(t, _)| t).unwrap_or_default();
    let m3 = r.first(&["M3"]).map(|(t, _)| t);
    let mut s = Source::new(kind(&ty, m3.as_deref()), title);
    s.authors = r
        .values(&["AU", "A1"])
        .map(|(a, _)| match a.split_once(',') {
            Some((family, given)) => join_name(family, given),
            None => a.to_owned(),
        })
        .collect();
    s.published = date_of(r, &["DA", "PY", "Y1"], b);
    s.accessed = date_of(r, &["Y2"], b);
    s.outlet = r
        .first(&["T2", "JO", "JF", "JA", "J2"])
        .or_else(|| r.first(&["PB"]))
        .map(|(v, _)| v);
    s.url = r.first(&["UR"]).map(|(v, _)| v);
    if let Some((la, line)) = r.first(&["LA"]) {
        s.language = language(&la);
        if s.language.is_none() {
            b.problem(
                line,
                Some("LA"),
                format!("unknown language «{la}»: left empty"),
            );
        }
    }
    let mut notes = Notes::default();
    for (n, _) in r.values(&["N1"]) {
        notes.note(n);
    }
    for (a, _) in r.values(&["AB", "N2"]) {
        notes.labelled("Abstract", a);
    }
    let keywords: Vec<&str> = r.values(&["KW"]).map(|(k, _)| k).collect();
    notes.labelled("Keywords", &keywords.join("; "));
    if let (Some((pb, _)), Some(outlet)) = (r.first(&["PB"]), s.outlet.as_deref())
        && pb != outlet
    {
        notes.labelled("Publisher", &pb);
    }
    s.notes = notes.finish();
    for (tag, _, line) in &r.fields {
        if !KNOWN.contains(&tag.as_str()) && unknown.insert(tag.clone()) {
            b.problem(*line, Some(tag), "Marsad does not read this tag: ignored");
        }
    }
    s.id = source_id(r.first(&["ID"]).map(|(v, _)| v).as_deref(), &s);
    Ok(s)
}

impl Importer for Ris {
    fn name(&self) -> &'static str {
        "ris"
    }

    fn sniff(&self, head: &str) -> bool {
        let head = head.trim_start_matches('\u{feff}');
        head.lines()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| tag_line(l.trim_end_matches('\r')))
            .is_some_and(|(tag, _)| tag == "TY")
    }

    fn read(&self, text: &str) -> Result<ImportPlan, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        check_lines(text)?;
        if let Some((i, first)) = text
            .split('\n')
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty())
            && tag_line(first.trim_end_matches('\r')).is_none_or(|(t, _)| t != "TY")
        {
            return Err(ImportError::WrongFormat(format!(
                "line {}: this is not a RIS file (a RIS file starts with «TY  - »)",
                i + 1
            )));
        }
        let mut b = PlanBuilder::default();
        let mut unknown = HashSet::new();
        for r in records(text, &mut b)? {
            let s = source(&r, &mut b, &mut unknown)?;
            b.add_source(s, r.line);
        }
        Ok(b.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZOTERO: &str = "\u{feff}TY  - NEWS\r\nTI  - تفكيك خلية إرهابية موالية لداعش\r\nAU  - العلوي, محمد\r\nAU  - Smith, John\r\nT2  - هسبريس\r\nDA  - 2022/03/26/\r\nPY  - 2022\r\nUR  - https://www.hespress.com/a\r\nLA  - ar\r\nN1  - سطر أول\r\nسطر ثان\r\nKW  - إرهاب\r\nKW  - المغرب\r\nXY  - something\r\nER  - \r\n\r\nTY  - RPRT\r\nTI  - Country Reports on Terrorism 2020\r\nPB  - U.S. Department of State\r\nPY  - 2021///\r\nER  - \r\n";

    #[test]
    fn reads_zotero_records_with_crlf_and_bom() {
        let plan = Ris.read(ZOTERO).unwrap();
        let s = &plan.data.sources;
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title, "تفكيك خلية إرهابية موالية لداعش");
        assert_eq!(s[0].authors, ["محمد العلوي", "John Smith"]);
        assert_eq!(s[0].outlet.as_deref(), Some("هسبريس"));
        assert_eq!(
            s[0].published.map(|d| d.to_string()).as_deref(),
            Some("2022-03-26")
        );
        assert_eq!(s[0].language.as_deref(), Some("ar"));
        assert_eq!(
            s[0].notes.as_deref(),
            Some("سطر أول\nسطر ثان\n\nKeywords: إرهاب; المغرب")
        );
        assert_eq!(s[1].kind, SourceKind::Report);
        assert_eq!(s[1].outlet.as_deref(), Some("U.S. Department of State"));
        assert_eq!(
            s[1].published.map(|d| d.to_string()).as_deref(),
            Some("2021")
        );
        let p = &plan.problems[0];
        assert_eq!((p.line, p.field.as_deref()), (Some(14), Some("XY")));
    }

    #[test]
    fn errors_name_the_line() {
        let err = Ris
            .read("TY  - NEWS\nAU  - X\nER  - \n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 1, field «TI»"), "{err}");
        let err = Ris.read("\n\nhello\n").unwrap_err().to_string();
        assert!(err.contains("line 3"), "{err}");
        let plan = Ris.read("TY  - NEWS\nTI  - a\n").unwrap();
        assert_eq!(plan.data.sources.len(), 1);
        assert!(plan.problems[0].message.contains("no ER"));
    }

    #[test]
    fn sniffs_only_ris() {
        assert!(Ris.sniff("\u{feff}\r\nTY  - JOUR\r\n"));
        assert!(!Ris.sniff("title,date\n"));
        assert!(!Ris.sniff("@article{x,"));
    }
}
