//! Importers: one file per format behind the small [`Importer`] trait. An importer only parses;
//! the store writes the resulting dataset in one transaction, so a failed import writes nothing.

pub mod marsad_json;

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
    /// The file is not text in a known encoding.
    #[error("the file is not UTF-8 text: {0}")]
    Encoding(String),
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
    /// Field or column name, when it applies.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
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

/// Every importer, in the order they are tried when sniffing.
pub fn importers() -> Vec<Box<dyn Importer>> {
    vec![Box::new(marsad_json::MarsadJson)]
}

/// The importer called `name`.
pub fn by_name(name: &str) -> Option<Box<dyn Importer>> {
    importers().into_iter().find(|i| i.name() == name)
}

/// Reads a file and parses it with the named importer, or the first one that recognises it.
pub fn read_file(path: &Path, format: Option<&str>) -> Result<ImportPlan, ImportError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(size));
    }
    let bytes = std::fs::read(path)?;
    let text =
        String::from_utf8(bytes).map_err(|e| ImportError::Encoding(e.utf8_error().to_string()))?;
    let importer = match format {
        Some(name) => by_name(name)
            .ok_or_else(|| ImportError::WrongFormat(format!("unknown format «{name}»")))?,
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
