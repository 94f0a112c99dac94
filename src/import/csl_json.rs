//! CSL-JSON reader: the array of items Zotero, Mendeley and citeproc tools exchange. Dates are
//! read from `date-parts` (numbers or numeric strings), `raw` or `literal`; names from
//! `family`/`given` or `literal`.
//!
//! Fatal: invalid JSON (line and column), nesting beyond the limit, a top level that is not an
//! array of objects, an item without a title. Reported: unreadable dates and languages, names
//! without any part.

use super::limits::{check_field, check_json_depth};
use super::plan_builder::PlanBuilder;
use super::source_values::{Notes, join_name, language, loose_date, source_id};
use super::{ImportError, ImportPlan, Importer};
use crate::model::{PartialDate, Source, SourceKind};
use serde_json::{Map, Value};

/// Reads CSL-JSON.
pub struct CslJson;

/// The line each top-level array element starts on, scanning outside strings.
pub(crate) fn element_lines(json: &str) -> Vec<usize> {
    let (mut depth, mut line) = (0usize, 1usize);
    let (mut in_string, mut escaped, mut expecting) = (false, false, false);
    let mut out = Vec::new();
    for c in json.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if depth == 1 && expecting && !c.is_whitespace() && c != ']' {
            out.push(line);
            expecting = false;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                expecting = depth == 1;
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    out
}

/// serde_json appends " at line L column C"; the position is reported separately.
pub(crate) fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// A JSON syntax error with its line and column.
pub(crate) fn json_error(e: &serde_json::Error) -> ImportError {
    ImportError::Syntax {
        line: e.line().max(1),
        column: e.column().max(1),
        message: format!("this is not valid JSON: {}", strip_position(&e.to_string())),
    }
}

fn string(item: &Map<String, Value>, key: &str) -> Option<String> {
    let v = match item.get(key)? {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!v.is_empty()).then_some(v)
}

fn number(v: &Value) -> Option<u16> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A CSL date: the first `date-parts` entry (a range's start), else `raw` or `literal`.
fn csl_date(v: &Value) -> Option<PartialDate> {
    if let Some(first) = v
        .get("date-parts")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .and_then(Value::as_array)
    {
        let parts: Vec<u16> = first.iter().map_while(number).collect();
        let date = match parts.as_slice() {
            [y, m, d, ..] => PartialDate::day(*y, u8::try_from(*m).ok()?, u8::try_from(*d).ok()?),
            [y, m] => PartialDate::month(*y, u8::try_from(*m).ok()?),
            [y] => PartialDate::year(*y),
            [] => return None,
        };
        let circa = v
            .get("circa")
            .is_some_and(|c| c.as_bool() == Some(true) || c.as_u64() == Some(1));
        return date.ok().map(|d| d.with_circa(circa));
    }
    ["raw", "literal"]
        .iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .and_then(loose_date)
}

fn kind(ty: &str, genre: Option<&str>) -> SourceKind {
    if genre.is_some_and(|g| g.to_lowercase().contains("statement")) {
        return SourceKind::OfficialStatement;
    }
    match ty {
        "article-newspaper" => SourceKind::NewsArticle,
        "article-magazine" | "article-journal" | "article" | "review" | "post-weblog" => {
            SourceKind::Analysis
        }
        "report" | "thesis" | "dataset" | "standard" => SourceKind::Report,
        "book" | "chapter" | "collection" => SourceKind::Book,
        "webpage" | "post" => SourceKind::WebPage,
        "interview" | "broadcast" => SourceKind::Interview,
        "document" | "legislation" | "regulation" | "treaty" | "speech" | "pamphlet" | "bill"
        | "hearing" => SourceKind::OfficialStatement,
        _ => SourceKind::NewsArticle,
    }
}

fn authors(item: &Map<String, Value>, line: usize, b: &mut PlanBuilder) -> Vec<String> {
    let Some(list) = item.get("author").and_then(Value::as_array) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in list {
        let get = |k: &str| {
            a.get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_owned()
        };
        let name = match get("literal") {
            l if !l.is_empty() => l,
            _ => {
                let family = [get("non-dropping-particle"), get("family"), get("suffix")]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                join_name(&family, &get("given"))
            }
        };
        if name.is_empty() {
            b.problem(line, Some("author"), "an author with no name: skipped");
        } else {
            out.push(name);
        }
    }
    out
}

fn source(
    item: &Map<String, Value>,
    line: usize,
    b: &mut PlanBuilder,
) -> Result<Source, ImportError> {
    for (k, v) in item {
        if let Value::String(s) = v {
            check_field(line, k, s)?;
        }
    }
    let Some(title) = string(item, "title") else {
        return Err(ImportError::Field {
            line,
            column: None,
            field: "title".into(),
            message: "the item has no title".into(),
        });
    };
    let ty = string(item, "type").unwrap_or_default();
    let genre = string(item, "genre");
    let mut s = Source::new(kind(&ty, genre.as_deref()), title);
    s.authors = authors(item, line, b);
    s.outlet = string(item, "container-title").or_else(|| string(item, "publisher"));
    for (key, slot) in [("issued", &mut s.published), ("accessed", &mut s.accessed)] {
        if let Some(v) = item.get(key) {
            *slot = csl_date(v);
            if slot.is_none() {
                b.problem(
                    line,
                    Some(key),
                    format!("{v} is not a date Marsad reads: left empty"),
                );
            }
        }
    }
    s.url = string(item, "URL");
    if let Some(l) = string(item, "language") {
        s.language = language(&l);
        if s.language.is_none() {
            b.problem(
                line,
                Some("language"),
                format!("unknown language «{l}»: left empty"),
            );
        }
    }
    let mut notes = Notes::default();
    if let Some(n) = item.get("note").and_then(Value::as_str) {
        notes.note(n);
    }
    if let Some(a) = string(item, "abstract") {
        notes.labelled("Abstract", &a);
    }
    if let (Some(p), Some(c)) = (string(item, "publisher"), string(item, "container-title"))
        && p != c
    {
        notes.labelled("Publisher", &p);
    }
    s.notes = notes.finish();
    s.id = source_id(string(item, "id").as_deref(), &s);
    Ok(s)
}

impl Importer for CslJson {
    fn name(&self) -> &'static str {
        "csl-json"
    }

    fn sniff(&self, head: &str) -> bool {
        let head = head.trim_start_matches('\u{feff}').trim_start();
        head.starts_with('[')
            && head.contains("\"type\"")
            && [
                "\"title\"",
                "\"issued\"",
                "\"container-title\"",
                "\"author\"",
            ]
            .iter()
            .any(|k| head.contains(k))
    }

    fn read(&self, text: &str) -> Result<ImportPlan, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        check_json_depth(text, 1)?;
        let value: Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        let Value::Array(items) = value else {
            return Err(ImportError::WrongFormat(
                "this JSON is not CSL-JSON: CSL-JSON is an array of items ([{…}, …])".into(),
            ));
        };
        let lines = element_lines(text);
        let mut b = PlanBuilder::default();
        for (i, item) in items.iter().enumerate() {
            let line = lines.get(i).copied().unwrap_or(1);
            let Value::Object(item) = item else {
                return Err(ImportError::Field {
                    line,
                    column: None,
                    field: format!("item {}", i + 1),
                    message: "a CSL-JSON item must be an object ({…})".into(),
                });
            };
            let s = source(item, line, &mut b)?;
            b.add_source(s, line);
        }
        Ok(b.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZOTERO: &str = r#"[
  {
    "id": "http://zotero.org/users/1/items/ABCD",
    "type": "article-newspaper",
    "title": "تفكيك خلية إرهابية موالية لداعش",
    "container-title": "هسبريس",
    "author": [{"family": "العلوي", "given": "محمد"}, {"literal": "وكالة المغرب العربي للأنباء"}],
    "issued": {"date-parts": [["2022", "3", 26]]},
    "accessed": {"date-parts": [[2022, 4, 1]]},
    "URL": "https://www.hespress.com/a",
    "language": "ar",
    "abstract": "ملخص",
    "note": "ملاحظة"
  },
  {"type": "report", "title": "Country Reports on Terrorism", "publisher": "U.S. Department of State", "issued": {"raw": "2021"}}
]"#;

    #[test]
    fn reads_zotero_items() {
        let plan = CslJson.read(ZOTERO).unwrap();
        let s = &plan.data.sources;
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].kind, SourceKind::NewsArticle);
        assert_eq!(s[0].authors, ["محمد العلوي", "وكالة المغرب العربي للأنباء"]);
        assert_eq!(s[0].outlet.as_deref(), Some("هسبريس"));
        assert_eq!(
            s[0].published.map(|d| d.to_string()).as_deref(),
            Some("2022-03-26")
        );
        assert_eq!(s[0].notes.as_deref(), Some("ملاحظة\n\nAbstract: ملخص"));
        assert_eq!(s[1].outlet.as_deref(), Some("U.S. Department of State"));
        assert_eq!(
            s[1].published.map(|d| d.to_string()).as_deref(),
            Some("2021")
        );
    }

    #[test]
    fn errors_name_the_item_line() {
        let err = CslJson
            .read("[\n{\"title\": \"a\"},\n{\"type\": \"book\"}\n]")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 3, field «title»"), "{err}");
        let err = CslJson.read("[\n{\"title\": }]").unwrap_err();
        assert!(matches!(err, ImportError::Syntax { line: 2, .. }), "{err}");
        assert!(matches!(
            CslJson.read("{}"),
            Err(ImportError::WrongFormat(_))
        ));
    }

    #[test]
    fn element_lines_skip_strings() {
        assert_eq!(element_lines("[\n{\"a\": \"[{\"},\n\n{}\n]"), [2, 4]);
    }
}
