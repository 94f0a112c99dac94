//! Exporters: one file per format behind the small [`Exporter`] trait; files are written
//! atomically (temporary file, then rename) so a failed export never leaves half a file.

pub mod csv_safe;
pub mod marsad_json;

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
    vec![Box::new(marsad_json::MarsadJson)]
}

/// The exporter called `name`.
pub fn by_name(name: &str) -> Option<Box<dyn Exporter>> {
    exporters().into_iter().find(|e| e.name() == name)
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
