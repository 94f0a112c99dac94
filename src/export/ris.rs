//! RIS writer: every source as a record Zotero, EndNote and Mendeley import (CRLF line ends,
//! as the RIS specification asks). The record id (`ID`) is Marsad's, so re-importing the file
//! updates the same sources.

use super::{ExportError, Exporter};
use crate::import::ris::tag_line;
use crate::import::source_values::{PersonName, person_name};
use crate::model::{Dataset, PartialDate, Source, SourceKind};

/// Writes RIS.
pub struct Ris;

/// The RIS type of a source kind, and the "type of work" (`M3`) that tells an interview apart.
fn ris_type(kind: SourceKind) -> (&'static str, Option<&'static str>) {
    match kind {
        SourceKind::NewsArticle => ("NEWS", None),
        SourceKind::Analysis => ("MGZN", None),
        SourceKind::OfficialStatement => ("GOVDOC", None),
        SourceKind::Report => ("RPRT", None),
        SourceKind::Book => ("BOOK", None),
        SourceKind::WebPage => ("ELEC", None),
        SourceKind::Interview => ("GEN", Some("interview")),
    }
}

/// `YYYY/MM/DD/` with the unknown parts left empty, as RIS writes partial dates.
fn ris_date(d: PartialDate) -> String {
    let two = |v: Option<u8>| v.map(|v| format!("{v:02}")).unwrap_or_default();
    format!(
        "{:04}/{}/{}/",
        d.year_value(),
        two(d.month_value()),
        two(d.day_value())
    )
}

fn push(out: &mut String, tag: &str, value: &str) {
    let mut lines = value.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    out.push_str(tag);
    out.push_str("  - ");
    out.push_str(lines.next().unwrap_or(""));
    out.push_str("\r\n");
    for l in lines {
        // A continuation line that looks like a tag would start a field of its own.
        if tag_line(l).is_some() {
            out.push(' ');
        }
        out.push_str(l);
        out.push_str("\r\n");
    }
}

fn record(out: &mut String, s: &Source) {
    let (ty, m3) = ris_type(s.kind);
    push(out, "TY", ty);
    push(out, "ID", &s.id.to_string());
    push(out, "TI", &s.title);
    for a in &s.authors {
        match person_name(a) {
            PersonName::Parts { family, given } => push(out, "AU", &format!("{family}, {given}")),
            PersonName::Literal(name) => push(out, "AU", &name),
        }
    }
    if let Some(d) = s.published {
        push(out, "PY", &format!("{:04}", d.year_value()));
        push(out, "DA", &ris_date(d));
    }
    if let Some(o) = &s.outlet {
        push(out, "T2", o);
    }
    if let Some(u) = &s.url {
        push(out, "UR", u);
    }
    if let Some(l) = &s.language {
        push(out, "LA", l);
    }
    if let Some(d) = s.accessed {
        push(out, "Y2", &ris_date(d));
    }
    if let Some(m3) = m3 {
        push(out, "M3", m3);
    }
    if let Some(n) = &s.notes {
        push(out, "N1", n);
    }
    push(out, "ER", "");
    out.push_str("\r\n");
}

impl Exporter for Ris {
    fn name(&self) -> &'static str {
        "ris"
    }

    fn extension(&self) -> &'static str {
        "ris"
    }

    fn write(&self, data: &Dataset) -> Result<Vec<u8>, ExportError> {
        let mut out = String::new();
        for s in &data.sources {
            record(&mut out, s);
        }
        Ok(out.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Importer;
    use crate::import::test_support::{sample, source_view};

    #[test]
    fn sample_sources_round_trip() {
        let data = sample();
        let bytes = Ris.write(&data).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let back = crate::import::ris::Ris.read(&text).unwrap();
        assert_eq!(source_view(&back.data, false), source_view(&data, false));
        assert!(back.problems.is_empty(), "{:?}", back.problems);
    }

    #[test]
    fn arabic_fields_and_dates() {
        let mut s = Source::new(SourceKind::Interview, "حوار مع مدير الأمن");
        s.authors = vec!["John Smith".into(), "محمد العلوي".into()];
        s.published = "2022-03".parse().ok();
        s.notes = Some("سطر\nTI  - not a tag".into());
        let data = Dataset {
            sources: vec![s.clone()],
            ..Dataset::default()
        };
        let text = String::from_utf8(Ris.write(&data).unwrap()).unwrap();
        assert!(
            text.contains("AU  - Smith, John\r\nAU  - محمد العلوي\r\n"),
            "{text}"
        );
        assert!(text.contains("DA  - 2022/03//\r\n"), "{text}");
        let back = crate::import::ris::Ris.read(&text).unwrap().data.sources;
        assert_eq!(back[0].id, s.id);
        assert_eq!(back[0].kind, SourceKind::Interview);
        assert_eq!(back[0].authors, s.authors);
        assert_eq!(back[0].published, s.published);
        assert_eq!(back[0].notes.as_deref(), Some("سطر\n TI  - not a tag"));
    }
}
