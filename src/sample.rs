//! The sample store built from five Arabic articles on Morocco–United States security
//! cooperation; it ships inside the binary and is what a new user sees first.

use crate::import::{Importer, marsad_json::MarsadJson};
use crate::model::Dataset;
use crate::store::{ImportSummary, Store, StoreError};

/// The sample store in the native JSON format.
pub const SAMPLE_JSON: &str = include_str!("../assets/sample/sample.marsad.json");

/// The sample dataset.
pub fn dataset() -> Result<Dataset, crate::import::ImportError> {
    MarsadJson.read(SAMPLE_JSON).map(|p| p.data)
}

/// Why loading the sample failed.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    /// The bundled file does not parse (a build defect).
    #[error("the bundled sample store is damaged: {0}")]
    Parse(#[from] crate::import::ImportError),
    /// The store refused it.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Loads the sample into `store`. Loading it again changes nothing (records are matched by id).
pub fn load(store: &mut Store) -> Result<ImportSummary, SampleError> {
    let data = dataset()?;
    Ok(store.import(&data)?)
}
