//! One import from start to end, shared by the CLI and the app: read the file with the user's
//! choices (format, encoding, CSV mapping), find what the store already holds, then write
//! everything in one transaction and report what happened.

use super::csv_import::{CsvImporter, read_headers};
use super::duplicates::{Duplicate, Resolution, Resolved, find_duplicates, resolve};
use super::{CsvMapping, EncodingChoice, ImportError, ImportPlan, Importer, Problem, decode};
use crate::store::{ImportSummary, Store, StoreError};
use std::path::Path;

/// Everything the user may choose about reading a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadOptions {
    /// Importer name (`--format`); `None` recognises the format from the content.
    pub format: Option<String>,
    /// Text encoding.
    pub encoding: EncodingChoice,
    /// Which CSV column holds which field; when set, the file is read as CSV with it.
    pub mapping: Option<CsvMapping>,
}

/// Reads and parses a file as `opts` say.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<ImportPlan, ImportError> {
    let Some(mapping) = &opts.mapping else {
        return super::read_file_with(path, opts.format.as_deref(), opts.encoding);
    };
    let text = read_text(path, opts.encoding)?;
    CsvImporter::with_mapping(mapping.clone()).read(&text)
}

/// The header row of a CSV file, for the column-mapping dialog.
pub fn csv_headers(path: &Path, encoding: EncodingChoice) -> Result<Vec<String>, ImportError> {
    read_headers(&read_text(path, encoding)?)
}

fn read_text(path: &Path, encoding: EncodingChoice) -> Result<String, ImportError> {
    let size = std::fs::metadata(path)?.len();
    if size > super::MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(size));
    }
    decode(&std::fs::read(path)?, encoding.encoding())
}

/// A file read and compared with the store, waiting for the user's choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prepared {
    /// What the file holds.
    pub plan: ImportPlan,
    /// Its records that the store already holds under other ids.
    pub duplicates: Vec<Duplicate>,
}

/// Reads `path` and finds its duplicates in `store`.
pub fn prepare(store: &Store, path: &Path, opts: &ReadOptions) -> Result<Prepared, PrepareError> {
    let plan = read_path(path, opts)?;
    let duplicates = find_duplicates(store, &plan)?;
    Ok(Prepared { plan, duplicates })
}

/// Why a file could not be prepared for import.
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    /// The file could not be read or parsed.
    #[error(transparent)]
    Read(#[from] ImportError),
    /// The store could not be searched for duplicates.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an import did (or, for a dry run, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// Created, updated and unchanged records per kind.
    pub summary: ImportSummary,
    /// How the duplicates were handled.
    pub duplicates: Resolved,
    /// Problems met while reading that did not stop the import.
    pub problems: Vec<Problem>,
    /// Nothing was written.
    pub dry_run: bool,
}

/// Applies the choices (one per duplicate, in order; missing ones merge) and writes the plan
/// in one transaction, after a backup. `progress` returning `false` cancels and nothing is
/// written. With `dry_run`, the transaction is rolled back and no backup is made.
pub fn write(
    store: &mut Store,
    prepared: Prepared,
    choices: &[Resolution],
    dry_run: bool,
    progress: &dyn Fn(u64, u64) -> bool,
) -> Result<ImportReport, StoreError> {
    let Prepared {
        mut plan,
        duplicates,
    } = prepared;
    let paired: Vec<(Duplicate, Resolution)> = duplicates
        .into_iter()
        .enumerate()
        .map(|(i, d)| (d, choices.get(i).copied().unwrap_or_default()))
        .collect();
    let resolved = resolve(store, &mut plan, &paired)?;
    let summary = if dry_run {
        store.import_dry_run(&plan.data)?
    } else {
        if !plan.data.is_empty() {
            store.auto_backup("before-import")?;
        }
        store.import_with_progress(&plan.data, progress)?
    };
    Ok(ImportReport {
        summary,
        duplicates: resolved,
        problems: plan.problems,
        dry_run,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::csv_mapping::guess_mapping_for;
    use crate::import::{CsvField, CsvTable};

    fn csv_file(dir: &tempfile::TempDir, text: &str) -> std::path::PathBuf {
        let p = dir.path().join("events.csv");
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn a_chosen_mapping_reads_columns_the_guess_cannot() {
        let dir = tempfile::tempdir().unwrap();
        let path = csv_file(
            &dir,
            "الحدث,متى,النوع\nتفكيك خلية في وجدة,2022-01-05,arrest\n",
        );
        let headers = csv_headers(&path, EncodingChoice::Auto).unwrap();
        assert_eq!(headers, ["الحدث", "متى", "النوع"]);
        let mut mapping = guess_mapping_for(CsvTable::Events, &["الحدث", "متى", "النوع"]);
        mapping.columns[0].field = Some(CsvField::Title);
        mapping.columns[1].field = Some(CsvField::Start);
        mapping.columns[2].field = Some(CsvField::Kind);
        let opts = ReadOptions {
            mapping: Some(mapping),
            ..ReadOptions::default()
        };
        let plan = read_path(&path, &opts).unwrap();
        assert_eq!(plan.data.events.len(), 1);
        let e = &plan.data.events[0];
        assert_eq!(e.title_ar.as_deref(), Some("تفكيك خلية في وجدة"));
        assert_eq!(e.start, Some("2022-01-05".parse().unwrap()));
    }

    #[test]
    fn a_dry_run_writes_nothing_and_a_cancel_leaves_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = csv_file(&dir, "title,date,type\nArrest in Oujda,2022-01-05,arrest\n");
        let mut store = Store::open(&dir.path().join("s.marsad")).unwrap();
        let prepared = prepare(&store, &path, &ReadOptions::default()).unwrap();
        let report = write(&mut store, prepared.clone(), &[], true, &|_, _| true).unwrap();
        assert_eq!(report.summary.events.created, 1);
        assert_eq!(store.stats().unwrap().events, 0);
        let cancelled = write(&mut store, prepared.clone(), &[], false, &|_, _| false);
        assert!(matches!(cancelled, Err(StoreError::Cancelled)));
        assert_eq!(store.stats().unwrap().events, 0);
        let report = write(&mut store, prepared, &[], false, &|_, _| true).unwrap();
        assert_eq!(report.summary.events.created, 1);
        assert_eq!(store.stats().unwrap().events, 1);
    }
}
