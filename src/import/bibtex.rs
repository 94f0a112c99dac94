//! BibTeX and BibLaTeX reader, on the `biblatex` crate's parser (TeX escapes and accents,
//! `@string` abbreviations, month macros, `crossref`). Both dialects' field names are read:
//! `journaltitle`/`journal`, `date`/`year`+`month`, `urldate`, `language`/`langid`.
//!
//! Fatal: syntax errors (with line and column), braces nested deeper than
//! [`MAX_BRACE_DEPTH`], an entry without a title. Reported: dates and languages Marsad cannot
//! read, authors that do not parse.

use super::limits::{check_field, check_lines};
use super::plan_builder::PlanBuilder;
use super::source_values::{Notes, join_name, language, line_of, loose_date, source_id};
use super::{ImportError, ImportPlan, Importer};
use crate::model::{PartialDate, Source, SourceKind};
use biblatex::{Bibliography, ChunksExt, Entry, EntryType, RawBibliography};
use std::collections::HashMap;

/// Deepest brace nesting accepted: the parser recurses into nested TeX commands, and real
/// files nest three or four levels (`{\'{e}}`).
pub const MAX_BRACE_DEPTH: usize = 32;

/// Reads `.bib` files.
pub struct Bibtex;

/// Refuses braces nested beyond [`MAX_BRACE_DEPTH`] before the recursive parser sees them.
fn check_braces(text: &str) -> Result<(), ImportError> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let mut escaped = false;
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => {
                line += 1;
                column = 0;
            }
            '{' if !escaped => {
                depth += 1;
                if depth > MAX_BRACE_DEPTH {
                    return Err(ImportError::TooLong {
                        line,
                        what: format!("the brace nesting (column {column})"),
                        limit: format!("{MAX_BRACE_DEPTH} levels"),
                    });
                }
            }
            '}' if !escaped => depth = depth.saturating_sub(1),
            _ => {}
        }
        escaped = c == '\\' && !escaped;
    }
    Ok(())
}

fn parse_error(text: &str, e: &biblatex::ParseError) -> ImportError {
    let start = e.span.start.min(text.len());
    let line = line_of(text, start);
    let line_start = text.as_bytes()[..start]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = text
        .get(line_start..start)
        .map_or(1, |s| s.chars().count() + 1);
    ImportError::Syntax {
        line,
        column,
        message: format!("this is not valid BibTeX: {}", e.kind),
    }
}

/// A field as plain text (TeX escapes and accents resolved), `None` when absent or blank.
fn text(entry: &Entry, field: &str) -> Option<String> {
    let v = entry.get(field)?.format_verbatim();
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

fn month_number(text: &str) -> Option<u8> {
    let t = text.trim().to_ascii_lowercase();
    if let Ok(n) = t.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = t.get(..3)?;
    NAMES
        .iter()
        .position(|m| *m == prefix)
        .and_then(|i| u8::try_from(i + 1).ok())
}

fn date(entry: &Entry, line: usize, b: &mut PlanBuilder) -> Option<PartialDate> {
    if let Some(d) = text(entry, "date") {
        let parsed = loose_date(&d);
        if parsed.is_none() {
            b.problem(
                line,
                Some("date"),
                format!("«{d}» is not a date Marsad reads: left empty"),
            );
        }
        return parsed;
    }
    let year = text(entry, "year")?;
    let Some(y) = year
        .parse::<u16>()
        .ok()
        .and_then(|y| PartialDate::year(y).ok())
    else {
        b.problem(
            line,
            Some("year"),
            format!("«{year}» is not a year: left empty"),
        );
        return None;
    };
    let month = text(entry, "month");
    match month.as_deref().map(|m| (m, month_number(m))) {
        None => Some(y),
        Some((_, Some(m))) => PartialDate::month(y.year_value(), m).ok(),
        Some((m, None)) => {
            b.problem(
                line,
                Some("month"),
                format!("«{m}» is not a month: the year alone is kept"),
            );
            Some(y)
        }
    }
}

fn kind(entry: &Entry) -> SourceKind {
    let subtype = text(entry, "entrysubtype")
        .unwrap_or_default()
        .to_lowercase();
    let ty = text(entry, "type").unwrap_or_default().to_lowercase();
    match &entry.entry_type {
        EntryType::Article if subtype == "newspaper" => SourceKind::NewsArticle,
        EntryType::Article | EntryType::Periodical => SourceKind::Analysis,
        EntryType::Report | EntryType::TechReport | EntryType::Thesis => SourceKind::Report,
        EntryType::Book
        | EntryType::MvBook
        | EntryType::InBook
        | EntryType::BookInBook
        | EntryType::InCollection
        | EntryType::Collection => SourceKind::Book,
        EntryType::Online => SourceKind::WebPage,
        _ if ty.contains("interview") => SourceKind::Interview,
        _ if ty.contains("statement") || ty.contains("communiqu") => SourceKind::OfficialStatement,
        EntryType::Misc if text(entry, "url").is_some() => SourceKind::WebPage,
        EntryType::Unknown(name) if name.eq_ignore_ascii_case("newspaper") => {
            SourceKind::NewsArticle
        }
        _ => SourceKind::NewsArticle,
    }
}

fn source(entry: &Entry, line: usize, b: &mut PlanBuilder) -> Result<Source, ImportError> {
    for (name, chunks) in &entry.fields {
        check_field(line, name, &chunks.format_verbatim())?;
    }
    let Some(title) = text(entry, "title") else {
        return Err(ImportError::Field {
            line,
            column: None,
            field: "title".into(),
            message: format!("the entry «{}» has no title", entry.key),
        });
    };
    let mut s = Source::new(kind(entry), title);
    match entry.author() {
        Ok(people) => {
            s.authors = people
                .iter()
                .map(|p| {
                    let family = [p.prefix.as_str(), p.name.as_str(), p.suffix.as_str()]
                        .iter()
                        .filter(|x| !x.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ");
                    join_name(&family, &p.given_name)
                })
                .filter(|n| !n.is_empty())
                .collect();
        }
        Err(biblatex::RetrievalError::Missing(_)) => {}
        Err(e) => b.problem(
            line,
            Some("author"),
            format!("the authors do not parse ({e}): left empty"),
        ),
    }
    s.outlet = [
        "journaltitle",
        "journal",
        "booktitle",
        "publisher",
        "institution",
        "organization",
    ]
    .iter()
    .find_map(|f| text(entry, f));
    s.published = date(entry, line, b);
    s.url = text(entry, "url");
    if let Some(d) = text(entry, "urldate") {
        s.accessed = loose_date(&d);
        if s.accessed.is_none() {
            b.problem(
                line,
                Some("urldate"),
                format!("«{d}» is not a date Marsad reads: left empty"),
            );
        }
    }
    if let Some(l) = text(entry, "langid").or_else(|| text(entry, "language")) {
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
    for f in ["note", "annotation", "annote"] {
        if let Some(n) = text(entry, f) {
            notes.note(&n);
        }
    }
    if let Some(a) = text(entry, "abstract") {
        notes.labelled("Abstract", &a);
    }
    if let Some(k) = text(entry, "keywords") {
        notes.labelled("Keywords", &k);
    }
    if let (Some(p), Some(o)) = (text(entry, "publisher"), s.outlet.as_deref())
        && p != o
    {
        notes.labelled("Publisher", &p);
    }
    s.notes = notes.finish();
    s.id = source_id(Some(&entry.key), &s);
    Ok(s)
}

impl Importer for Bibtex {
    fn name(&self) -> &'static str {
        "bibtex"
    }

    fn sniff(&self, head: &str) -> bool {
        let head = head.trim_start_matches('\u{feff}');
        // Comment lines (`%`) and free text may precede the first entry.
        head.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with('@')
                && l[1..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && l.contains(['{', '('])
        })
    }

    fn read(&self, text: &str) -> Result<ImportPlan, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        check_lines(text)?;
        check_braces(text)?;
        // The biblatex parser recurses deeper than brace nesting alone explains (a property
        // test overflowed a 2 MiB test-thread stack), and imports run on job threads with
        // small stacks: parse on a thread of its own with room to spare.
        let owned = text.to_owned();
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("marsad-bibtex".into())
                .stack_size(PARSER_STACK)
                .spawn_scoped(scope, move || parse_bibliography(&owned))
                .map_err(ImportError::Io)?
                .join()
                .unwrap_or_else(|_| {
                    Err(ImportError::WrongFormat(
                        "the BibTeX parser failed on this file".into(),
                    ))
                })
        })
    }
}

/// Stack of the BibTeX parsing thread.
const PARSER_STACK: usize = 64 * 1024 * 1024;

/// Parses a checked BibTeX text into sources.
fn parse_bibliography(text: &str) -> Result<ImportPlan, ImportError> {
    let raw = RawBibliography::parse(text).map_err(|e| parse_error(text, &e))?;
    super::bibtex_links::check_cycles(text, &raw)?;
    let lines: HashMap<String, usize> = raw
        .entries
        .iter()
        .map(|e| (e.v.key.v.to_owned(), line_of(text, e.span.start)))
        .collect();
    if raw.entries.is_empty() {
        return Err(ImportError::WrongFormat(
            "this file holds no BibTeX entry (@article{…}, @book{…}…)".into(),
        ));
    }
    let bib = Bibliography::from_raw(raw).map_err(|e| parse_error(text, &e))?;
    let mut b = PlanBuilder::default();
    for entry in bib.iter() {
        let line = lines.get(&entry.key).copied().unwrap_or(1);
        let s = source(entry, line, &mut b)?;
        b.add_source(s, line);
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZOTERO: &str = r#"
% Exported by Zotero
@article{hespress2022,
	title = {تفكيك خلية إرهابية موالية لـ «داعش» \& حجز أسلحة},
	author = {{محمد العلوي} and Smith, John and de la Fontaine, Jean},
	journaltitle = {هسبريس},
	date = {2022-03-26},
	url = {https://www.hespress.com/a_b%20c},
	urldate = {2022-04-01},
	langid = {arabic},
	entrysubtype = {newspaper},
	abstract = {ملخص},
}

@techreport{state2021,
  title = {Country Reports on Terrorism 2020: {Morocco}},
  institution = {U.S. Department of State},
  year = 2021,
  month = dec,
}
"#;

    #[test]
    fn reads_zotero_biblatex_and_bibtex() {
        let plan = Bibtex.read(ZOTERO).unwrap();
        let s = &plan.data.sources;
        assert_eq!(s.len(), 2, "{:?}", plan.problems);
        assert_eq!(
            s[0].title,
            "تفكيك خلية إرهابية موالية لـ «داعش» & حجز أسلحة"
        );
        assert_eq!(
            s[0].authors,
            ["محمد العلوي", "John Smith", "Jean de la Fontaine"]
        );
        assert_eq!(s[0].kind, SourceKind::NewsArticle);
        assert_eq!(s[0].outlet.as_deref(), Some("هسبريس"));
        assert_eq!(
            s[0].url.as_deref(),
            Some("https://www.hespress.com/a_b%20c")
        );
        assert_eq!(
            s[0].accessed.map(|d| d.to_string()).as_deref(),
            Some("2022-04-01")
        );
        assert_eq!(s[0].language.as_deref(), Some("ar"));
        assert_eq!(s[0].notes.as_deref(), Some("Abstract: ملخص"));
        assert_eq!(s[1].kind, SourceKind::Report);
        assert_eq!(s[1].title, "Country Reports on Terrorism 2020: Morocco");
        assert_eq!(
            s[1].published.map(|d| d.to_string()).as_deref(),
            Some("2021-12")
        );
        assert_eq!(s[1].outlet.as_deref(), Some("U.S. Department of State"));
    }

    #[test]
    fn errors_have_lines() {
        let err = Bibtex.read("\n\n@article{a,\n  title = {x\n").unwrap_err();
        assert!(matches!(err, ImportError::Syntax { .. }), "{err}");
        let err = Bibtex
            .read("@misc{a,\n  author = {X},\n}\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 1, field «title»"), "{err}");
        let deep = format!("@misc{{a, title = {}x{}}}", "{".repeat(40), "}".repeat(40));
        assert!(matches!(
            Bibtex.read(&deep),
            Err(ImportError::TooLong { .. })
        ));
    }

    #[test]
    fn sniffs_entries() {
        assert!(Bibtex.sniff("% comment\n@Article{x,\n"));
        assert!(!Bibtex.sniff("name,email\n@someone,x\n"));
        assert!(!Bibtex.sniff("TY  - NEWS\n"));
    }
}
