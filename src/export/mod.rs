//! Exporters: one file per format behind the small [`Exporter`] trait; files are written
//! atomically (temporary file, then rename) so a failed export never leaves half a file.

pub mod acled;
pub mod bibtex;
pub mod csl_json;
pub mod csv;
pub mod csv_safe;
pub mod ftm;
pub mod gexf;
#[cfg(test)]
mod graph_test;
pub mod graphml;
pub mod marsad_json;
pub mod network;
pub mod ris;
pub mod xml;

use crate::import::CsvTable;
use crate::model::Dataset;
use std::io::Write;
use std::path::Path;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The data could not be encoded.
    #[error("could not encode the export: {0}")]
    Encode(String),
    /// Writing the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

/// A file format Marsad can write.
pub trait Exporter {
    /// Short name, as given to `--format`.
    fn name(&self) -> &'static str;
    /// Usual file extension.
    fn extension(&self) -> &'static str;
    /// Encodes the dataset.
    fn write(&self, data: &Dataset) -> Result<Vec<u8>, ExportError>;
}

/// Every exporter.
pub fn exporters() -> Vec<Box<dyn Exporter>> {
    vec![
        Box::new(marsad_json::MarsadJson),
        Box::new(csv::Csv(CsvTable::Events)),
        Box::new(csv::Csv(CsvTable::Actors)),
        Box::new(csv::Csv(CsvTable::Sources)),
        Box::new(acled::Acled),
        Box::new(ris::Ris),
        Box::new(bibtex::Bibtex),
        Box::new(csl_json::CslJson),
        Box::new(ftm::Ftm),
        Box::new(graphml::Graphml),
        Box::new(gexf::Gexf),
    ]
}

/// The exporter called `name`; `csv` alone means the events table.
pub fn by_name(name: &str) -> Option<Box<dyn Exporter>> {
    let name = if name == "csv" { "csv-events" } else { name };
    exporters().into_iter().find(|e| e.name() == name)
}

/// Names accepted by [`by_name`], for help texts and error messages.
pub fn names() -> Vec<&'static str> {
    exporters().iter().map(|e| e.name()).collect()
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, synced, then renamed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".tmp-{}", std::process::id()));
    let tmp = dir.join(name);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}
