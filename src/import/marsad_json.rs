//! Reader of the native Marsad JSON format (docs/FORMAT.md).

use super::{ImportError, ImportPlan, Importer};
use crate::model::Dataset;
use serde::Deserialize;

/// The newest format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// Reads `{"format":"marsad","version":1,...}` files.
pub struct MarsadJson;

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

/// The whole file. Lists are spelled out (not flattened from [`Dataset`]) because serde cannot
/// deny unknown keys through `flatten`, and a misspelt key must not silently drop records.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "format")]
    _format: String,
    #[serde(rename = "version")]
    _version: u32,
    #[serde(default)]
    actors: Vec<crate::model::Actor>,
    #[serde(default)]
    sources: Vec<crate::model::Source>,
    #[serde(default)]
    excerpts: Vec<crate::model::Excerpt>,
    #[serde(default)]
    events: Vec<crate::model::Event>,
    #[serde(default)]
    participations: Vec<crate::model::Participation>,
    #[serde(default)]
    relations: Vec<crate::model::Relation>,
    #[serde(default)]
    evidence: Vec<crate::model::Evidence>,
}

impl File {
    fn into_dataset(self) -> Dataset {
        Dataset {
            actors: self.actors,
            sources: self.sources,
            excerpts: self.excerpts,
            events: self.events,
            participations: self.participations,
            relations: self.relations,
            evidence: self.evidence,
        }
    }
}

impl Importer for MarsadJson {
    fn name(&self) -> &'static str {
        "marsad-json"
    }

    fn sniff(&self, head: &str) -> bool {
        let head = head.trim_start_matches('\u{feff}').trim_start();
        head.starts_with('{') && head.contains("\"format\"") && head.contains("\"marsad\"")
    }

    fn read(&self, text: &str) -> Result<ImportPlan, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // serde_json stops at 128 levels with a bare "recursion limit"; say what the limit is.
        super::limits::check_json_depth(text, 1)?;
        let header: Header = serde_json::from_str(text).map_err(json_error)?;
        if header.format.as_deref() != Some("marsad") {
            return Err(ImportError::WrongFormat(
                "this JSON file is not a Marsad file (no \"format\": \"marsad\")".into(),
            ));
        }
        match header.version {
            Some(v) if v <= FORMAT_VERSION && v > 0 => {}
            Some(v) => {
                return Err(ImportError::WrongFormat(format!(
                    "this file is Marsad format version {v}; this Marsad reads up to version {FORMAT_VERSION}"
                )));
            }
            None => {
                return Err(ImportError::WrongFormat(
                    "the file has no \"version\"".into(),
                ));
            }
        }
        let file: File = serde_json::from_str(text).map_err(json_error)?;
        Ok(ImportPlan {
            data: file.into_dataset(),
            problems: Vec::new(),
        })
    }
}

fn json_error(e: serde_json::Error) -> ImportError {
    ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    }
}

/// serde_json appends " at line L column C"; the position is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_with_its_line() {
        let deep = format!(
            "{{\"format\":\"marsad\",\"version\":1,\n\"events\":{}",
            "[".repeat(10_000)
        );
        let err = MarsadJson.read(&deep).unwrap_err().to_string();
        assert!(err.starts_with("line 2:"), "{err}");
        assert!(err.contains("32 levels"), "{err}");
    }

    #[test]
    fn refuses_other_json_and_newer_versions() {
        assert!(matches!(
            MarsadJson.read("{\"a\":1}"),
            Err(ImportError::WrongFormat(_))
        ));
        let newer = "{\"format\":\"marsad\",\"version\":9}";
        let err = MarsadJson.read(newer).unwrap_err().to_string();
        assert!(err.contains("version 9"), "{err}");
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let bad = "{\"format\":\"marsad\",\n\"version\":1,\n\"actors\": [ {\"id\": } ]}";
        match MarsadJson.read(bad) {
            Err(ImportError::Syntax { line, column, .. }) => assert_eq!((line, column), (3, 20)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_fields_are_errors() {
        let text = "{\"format\":\"marsad\",\"version\":1,\"actor\":[]}";
        let err = MarsadJson.read(text).unwrap_err().to_string();
        assert!(err.contains("actor"), "{err}");
    }

    #[test]
    fn bom_is_accepted() {
        let plan = MarsadJson
            .read("\u{feff}{\"format\":\"marsad\",\"version\":1}")
            .unwrap();
        assert!(plan.data.is_empty());
    }
}
