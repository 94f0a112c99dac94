//! BibLaTeX writer (what Zotero's Better BibTeX writes in BibLaTeX mode). Text is escaped so
//! that TeX and BibTeX read back exactly what Marsad holds: `\ { } % & # _ $ ~ ^` and runs of
//! hyphens (which TeX turns into dashes). The entry key is the source's id, so re-importing the
//! file updates the same sources. BibTeX folds whitespace, so line breaks in notes become spaces.

use super::{ExportError, Exporter};
use crate::import::source_values::{PersonName, babel_name, person_name, plain_date};
use crate::model::{Dataset, Source, SourceKind};

/// Writes `.bib` files.
pub struct Bibtex;

/// Escapes text for a braced field so TeX reads it back verbatim.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = '\0';
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            // "--" is an en dash to TeX; an empty group keeps the hyphens apart.
            '-' if prev == '-' => out.push_str("{}-"),
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
        prev = c;
    }
    out
}

/// Escapes a URL: BibLaTeX reads `url` verbatim, so only braces and backslashes need it.
fn escape_verbatim(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '{' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Entry type, `entrysubtype` and `type` for a source kind.
fn entry_type(kind: SourceKind) -> (&'static str, Option<&'static str>, Option<&'static str>) {
    match kind {
        SourceKind::NewsArticle => ("article", Some("newspaper"), None),
        SourceKind::Analysis => ("article", None, None),
        SourceKind::OfficialStatement => ("misc", None, Some("official statement")),
        SourceKind::Report => ("report", None, None),
        SourceKind::Book => ("book", None, None),
        SourceKind::WebPage => ("online", None, None),
        SourceKind::Interview => ("misc", None, Some("interview")),
    }
}

/// One author for the `author` list: `Family, Given`, or braced whole (Arabic names,
/// institutions), so BibTeX does not split it or read an «and» in it as a separator.
fn author(name: &str) -> String {
    match person_name(name) {
        PersonName::Parts { family, given } if !name.contains(" and ") => {
            format!("{}, {}", escape(&family), escape(&given))
        }
        PersonName::Parts { .. } | PersonName::Literal(_) => format!("{{{}}}", escape(name.trim())),
    }
}

fn field(out: &mut String, name: &str, value: &str) {
    out.push_str(&format!("  {name} = {{{value}}},\n"));
}

fn entry(out: &mut String, s: &Source) {
    let (ty, subtype, kind_note) = entry_type(s.kind);
    out.push_str(&format!("@{ty}{{{},\n", s.id));
    field(out, "title", &escape(&s.title));
    if !s.authors.is_empty() {
        let list: Vec<String> = s.authors.iter().map(|a| author(a)).collect();
        field(out, "author", &list.join(" and "));
    }
    if let Some(o) = &s.outlet {
        let name = match s.kind {
            SourceKind::NewsArticle | SourceKind::Analysis => "journaltitle",
            SourceKind::Report => "institution",
            _ => "publisher",
        };
        field(out, name, &escape(o));
    }
    if let Some(d) = s.published {
        field(out, "date", &plain_date(d));
    }
    if let Some(u) = &s.url {
        field(out, "url", &escape_verbatim(u));
    }
    if let Some(d) = s.accessed {
        field(out, "urldate", &plain_date(d));
    }
    if let Some(l) = &s.language {
        field(out, "langid", babel_name(l));
    }
    if let Some(t) = subtype {
        field(out, "entrysubtype", t);
    }
    if let Some(t) = kind_note {
        field(out, "type", t);
    }
    if let Some(n) = &s.notes {
        field(out, "note", &escape(n));
    }
    out.push_str("}\n\n");
}

impl Exporter for Bibtex {
    fn name(&self) -> &'static str {
        "bibtex"
    }

    fn extension(&self) -> &'static str {
        "bib"
    }

    fn write(&self, data: &Dataset) -> Result<Vec<u8>, ExportError> {
        let mut out = String::new();
        for s in &data.sources {
            entry(&mut out, s);
        }
        Ok(out.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Importer;
    use crate::import::bibtex::Bibtex as Reader;
    use crate::import::test_support::{sample, source_view};

    #[test]
    fn sample_sources_round_trip() {
        let mut data = sample();
        // BibTeX folds whitespace; the notes' line breaks are the one documented loss.
        for s in &mut data.sources {
            s.notes = s
                .notes
                .as_ref()
                .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        let text = String::from_utf8(Bibtex.write(&data).unwrap()).unwrap();
        let back = Reader.read(&text).unwrap();
        assert_eq!(source_view(&back.data, true), source_view(&data, true));
        assert!(back.problems.is_empty(), "{:?}", back.problems);
    }

    #[test]
    fn special_characters_survive() {
        let mut s = Source::new(
            SourceKind::NewsArticle,
            r"50% & #1 a_b $5 {x} \n ~^ a--b---c",
        );
        s.authors = vec![
            "John Smith".into(),
            "محمد بن علي".into(),
            "Smith and Sons".into(),
        ];
        s.url = Some("https://example.org/a_b%20c#x".into());
        s.outlet = Some("الأحداث المغربية".into());
        let data = Dataset {
            sources: vec![s.clone()],
            ..Dataset::default()
        };
        let text = String::from_utf8(Bibtex.write(&data).unwrap()).unwrap();
        assert!(text.contains(r"50\% \& \#1 a\_b \$5 \{x\}"), "{text}");
        let back = Reader.read(&text).unwrap().data.sources;
        assert_eq!(back[0].title, s.title);
        assert_eq!(back[0].authors, s.authors);
        assert_eq!(back[0].url, s.url);
        assert_eq!(back[0].outlet, s.outlet);
        assert_eq!(back[0].id, s.id);
    }
}
