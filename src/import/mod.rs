//! Importers: one file per format behind the small [`Importer`] trait. An importer only parses;
//! the store writes the resulting dataset in one transaction, so a failed import writes nothing.

pub mod acled;
pub mod bibtex;
mod bibtex_links;
pub mod capture;
pub mod countries;
pub mod csl_json;
pub mod csv_import;
pub mod csv_mapping;
mod csv_rows;
mod csv_values;
pub mod dates;
pub mod duplicates;
pub mod encoding;
pub mod ftm;
pub mod limits;
pub mod marsad_json;
mod plan_builder;
pub mod ris;
pub mod run;
pub(crate) mod source_values;
pub mod stable_id;
#[cfg(test)]
pub(crate) mod test_support;

pub use csv_mapping::{CsvField, CsvMapping, CsvTable, guess_mapping};
pub use dates::parse_date;
pub use encoding::{EncodingChoice, decode};

use crate::model::Dataset;
use std::path::Path;

/// Largest file an importer accepts; beyond it the user gets a clear message, not a stalled app.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is not in the expected format.
    #[error("{0}")]
    WrongFormat(String),
    /// A syntax error at a position.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A value that makes its record unusable (a row with no title, an id that is not a UUID).
    #[error("line {line}{}, field «{field}»: {message}", column.map(|c| format!(", column {c}")).unwrap_or_default())]
    Field {
        /// 1-based line.
        line: usize,
        /// 1-based column, when the format has columns.
        column: Option<usize>,
        /// The field or column name.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A line, record, field or nesting beyond the limits in [`limits`].
    #[error("line {line}: {what} is longer than the limit of {limit}")]
    TooLong {
        /// 1-based line where it starts.
        line: usize,
        /// What is too long ("the record", "the field «notes»", "the JSON nesting").
        what: String,
        /// The limit, with its unit.
        limit: String,
    },
    /// The file is not text in a known encoding.
    #[error("the file could not be decoded as text: {0}")]
    Encoding(String),
    /// The file holds binary data, not text.
    #[error(
        "the file holds binary data, not text (a spreadsheet or an archive? save it as CSV first)"
    )]
    Binary,
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("the file is {0} bytes; the largest file Marsad imports is {MAX_FILE_BYTES} bytes")]
    TooLarge(u64),
    /// No importer recognises the file.
    #[error("Marsad does not recognise this file's format")]
    Unknown,
    /// Reading the file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// A problem found while reading that did not stop the import (a skipped row, say).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// 1-based line in the file, when it applies.
    pub line: Option<usize>,
    /// 1-based column, when the format has columns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// Field or column name, when it applies.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// A problem at `line` in `field`.
    pub fn at(line: usize, field: Option<&str>, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            column: None,
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(l) = self.line {
            write!(f, "line {l}")?;
            if let Some(c) = self.column {
                write!(f, ", column {c}")?;
            }
            f.write_str(": ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "«{field}»: ")?;
        }
        f.write_str(&self.message)
    }
}

/// What an importer makes of a file: the records to write and the problems met.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    /// Records to write.
    pub data: Dataset,
    /// Problems that did not stop the import.
    pub problems: Vec<Problem>,
}

/// A file format Marsad can read.
pub trait Importer {
    /// Short name, as given to `--format`.
    fn name(&self) -> &'static str;
    /// Whether the first bytes of a file (as text) look like this format.
    fn sniff(&self, head: &str) -> bool;
    /// Parses the whole file.
    fn read(&self, text: &str) -> Result<ImportPlan, ImportError>;
}

/// Every importer, in the order they are tried when sniffing (most specific first).
pub fn importers() -> Vec<Box<dyn Importer>> {
    vec![
        Box::new(marsad_json::MarsadJson),
        Box::new(ftm::Ftm),
        Box::new(csl_json::CslJson),
        Box::new(ris::Ris),
        Box::new(bibtex::Bibtex),
        Box::new(acled::Acled),
        Box::new(csv_import::CsvImporter::auto(CsvTable::Sources)),
        Box::new(csv_import::CsvImporter::auto(CsvTable::Actors)),
        Box::new(csv_import::CsvImporter::auto(CsvTable::Events)),
    ]
}

/// The importer called `name` (`json` is accepted for the native format, as on export).
pub fn by_name(name: &str) -> Option<Box<dyn Importer>> {
    let name = if name == "json" { "marsad-json" } else { name };
    importers().into_iter().find(|i| i.name() == name)
}

/// Names accepted by [`by_name`], for help texts and error messages.
pub fn names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = importers().iter().map(|i| i.name()).collect();
    v.insert(0, "json");
    v
}

/// Reads a file and parses it with the named importer, or the first one that recognises it;
/// the encoding is detected (see [`decode`]).
pub fn read_file(path: &Path, format: Option<&str>) -> Result<ImportPlan, ImportError> {
    read_file_with(path, format, EncodingChoice::Auto)
}

/// [`read_file`] with the encoding chosen by the user (`--encoding`).
pub fn read_file_with(
    path: &Path,
    format: Option<&str>,
    encoding: EncodingChoice,
) -> Result<ImportPlan, ImportError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(size));
    }
    let bytes = std::fs::read(path)?;
    read_bytes(&bytes, format, encoding)
}

/// Decodes `bytes` and parses them with the named importer, or the first that recognises them.
pub fn read_bytes(
    bytes: &[u8],
    format: Option<&str>,
    encoding: EncodingChoice,
) -> Result<ImportPlan, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len() as u64));
    }
    let text = decode(bytes, encoding.encoding())?;
    let importer = match format {
        Some(name) => by_name(name).ok_or_else(|| {
            ImportError::WrongFormat(format!(
                "unknown format «{name}» (available: {})",
                names().join(", ")
            ))
        })?,
        None => {
            let head: String = text.chars().take(4096).collect();
            importers()
                .into_iter()
                .find(|i| i.sniff(&head))
                .ok_or(ImportError::Unknown)?
        }
    };
    importer.read(&text)
}
