//! CSL-JSON writer: an array of items Zotero imports (File → Import… or paste) and citeproc
//! formats. The item `id` is the source's id, so re-importing updates the same sources.

use super::{ExportError, Exporter};
use crate::import::source_values::{PersonName, date_parts, person_name};
use crate::model::{Dataset, PartialDate, Source, SourceKind};
use serde_json::{Map, Value, json};

/// Writes CSL-JSON.
pub struct CslJson;

/// The CSL type of a source kind (and a `genre` where CSL has no type of its own).
fn csl_type(kind: SourceKind) -> (&'static str, Option<&'static str>) {
    match kind {
        SourceKind::NewsArticle => ("article-newspaper", None),
        SourceKind::Analysis => ("article-magazine", None),
        SourceKind::OfficialStatement => ("document", Some("official statement")),
        SourceKind::Report => ("report", None),
        SourceKind::Book => ("book", None),
        SourceKind::WebPage => ("webpage", None),
        SourceKind::Interview => ("interview", None),
    }
}

fn date(d: PartialDate) -> Value {
    let mut v = json!({ "date-parts": [date_parts(d)] });
    if d.is_circa() {
        v["circa"] = Value::Bool(true);
    }
    v
}

fn item(s: &Source) -> Value {
    let (ty, genre) = csl_type(s.kind);
    let mut m = Map::new();
    m.insert("id".into(), s.id.to_string().into());
    m.insert("type".into(), ty.into());
    if let Some(g) = genre {
        m.insert("genre".into(), g.into());
    }
    m.insert("title".into(), s.title.clone().into());
    if !s.authors.is_empty() {
        let list: Vec<Value> = s
            .authors
            .iter()
            .map(|a| match person_name(a) {
                PersonName::Parts { family, given } => json!({"family": family, "given": given}),
                PersonName::Literal(l) => json!({ "literal": l }),
            })
            .collect();
        m.insert("author".into(), list.into());
    }
    if let Some(o) = &s.outlet {
        let key = match s.kind {
            SourceKind::Book | SourceKind::Report | SourceKind::OfficialStatement => "publisher",
            _ => "container-title",
        };
        m.insert(key.into(), o.clone().into());
    }
    if let Some(d) = s.published {
        m.insert("issued".into(), date(d));
    }
    if let Some(d) = s.accessed {
        m.insert("accessed".into(), date(d));
    }
    if let Some(u) = &s.url {
        m.insert("URL".into(), u.clone().into());
    }
    if let Some(l) = &s.language {
        m.insert("language".into(), l.clone().into());
    }
    if let Some(n) = &s.notes {
        m.insert("note".into(), n.clone().into());
    }
    Value::Object(m)
}

impl Exporter for CslJson {
    fn name(&self) -> &'static str {
        "csl-json"
    }

    fn extension(&self) -> &'static str {
        "json"
    }

    fn write(&self, data: &Dataset) -> Result<Vec<u8>, ExportError> {
        let items: Vec<Value> = data.sources.iter().map(item).collect();
        let mut out =
            serde_json::to_vec_pretty(&items).map_err(|e| ExportError::Encode(e.to_string()))?;
        out.push(b'\n');
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Importer;
    use crate::import::csl_json::CslJson as Reader;
    use crate::import::test_support::{sample, source_view};

    #[test]
    fn sample_sources_round_trip() {
        let data = sample();
        let text = String::from_utf8(CslJson.write(&data).unwrap()).unwrap();
        let back = Reader.read(&text).unwrap();
        assert_eq!(source_view(&back.data, true), source_view(&data, true));
        assert!(back.problems.is_empty(), "{:?}", back.problems);
    }

    #[test]
    fn every_kind_and_circa_round_trip() {
        let mut data = Dataset::default();
        for k in SourceKind::ALL {
            let mut s = Source::new(*k, format!("مصدر {}", k.code()));
            s.published = "~2004-02".parse().ok();
            s.authors = vec!["Jean de Lattre".into(), "عبد اللطيف الحموشي".into()];
            s.outlet = Some("المنبر".into());
            data.sources.push(s);
        }
        let text = String::from_utf8(CslJson.write(&data).unwrap()).unwrap();
        let back = Reader.read(&text).unwrap();
        assert_eq!(source_view(&back.data, true), source_view(&data, true));
    }
}
