//! `marsad generate`: fills an empty store with synthetic records.

use super::CliError;
use super::commands::out_err;
use crate::generate::{self, GenerateError, Spec};
use crate::store::Store;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// Generates into the store at `db`, which must be empty (nothing a user entered is mixed with
/// synthetic records).
pub(super) fn generate(
    db: &Path,
    spec: &Spec,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    spec.check().map_err(|e| CliError::User(e.to_string()))?;
    let mut store = Store::open(db)?;
    let stats = store.stats()?;
    if stats.events + stats.actors + stats.sources + stats.excerpts > 0 {
        return Err(CliError::User(format!(
            "{} is not empty: generate into a new store file",
            db.display()
        )));
    }
    let started = Instant::now();
    let made = generate::generate(&mut store, spec).map_err(|e| match e {
        GenerateError::Spec(m) => CliError::User(m),
        other => CliError::Internal(other.to_string()),
    })?;
    let secs = started.elapsed().as_secs_f64();
    if json {
        let text =
            serde_json::to_string_pretty(&made).map_err(|e| CliError::Internal(e.to_string()))?;
        writeln!(out, "{text}").map_err(out_err)?;
    } else {
        writeln!(
            out,
            "generated {} events, {} actors, {} sources, {} excerpts, {} participations, \
             {} relations, {} evidence links in {secs:.1} s",
            made.events,
            made.actors,
            made.sources,
            made.excerpts,
            made.participations,
            made.relations,
            made.evidence
        )
        .map_err(out_err)?;
    }
    Ok(())
}
