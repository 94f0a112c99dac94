//! Writer of the native Marsad JSON format: canonical, so equal stores give equal files.

use super::{ExportError, Exporter};
use crate::import::marsad_json::FORMAT_VERSION;
use crate::model::Dataset;
use serde::Serialize;

/// Writes `{"format":"marsad","version":1,...}`.
pub struct MarsadJson;

#[derive(Serialize)]
struct File<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    data: &'a Dataset,
}

impl Exporter for MarsadJson {
    fn name(&self) -> &'static str {
        "json"
    }

    fn extension(&self) -> &'static str {
        "json"
    }

    fn write(&self, data: &Dataset) -> Result<Vec<u8>, ExportError> {
        let mut sorted = data.clone();
        sorted.sort();
        let mut out = serde_json::to_vec_pretty(&File {
            format: "marsad",
            version: FORMAT_VERSION,
            data: &sorted,
        })
        .map_err(|e| ExportError::Encode(e.to_string()))?;
        out.push(b'\n');
        Ok(out)
    }
}
