//! What each command does. Output goes to the writer given, so tests can read it.

use super::{CliError, Command, KindArg, TableArg};
use crate::export;
use crate::import;
use crate::import::duplicates::Resolution;
use crate::model::{EventKind, PartialDate};
use crate::sample;
use crate::store::{EventFilter, SearchKind, Store, StoreError};
use std::io::Write;
use std::path::Path;

type Result<T> = std::result::Result<T, CliError>;

pub(super) fn out_err(e: std::io::Error) -> CliError {
    CliError::Internal(format!("could not write output: {e}"))
}

/// Runs a command against the store at `db`, writing its output to `out`.
pub fn run(command: &Command, db: &Path, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Import {
            file,
            format,
            dry_run,
            json,
            encoding,
            mapping,
            duplicates,
        } => {
            let mapping = mapping.as_deref().map(read_mapping).transpose()?;
            let args = ImportArgs {
                file,
                opts: import::run::ReadOptions {
                    format: format.clone(),
                    encoding: *encoding,
                    mapping,
                },
                duplicates: *duplicates,
                dry_run: *dry_run,
                json: *json,
            };
            import_file(db, &args, out)
        }
        Command::Capture {
            file,
            date,
            apply,
            json,
            encoding,
        } => super::capture::capture(
            db,
            &super::capture::Args {
                file,
                date: date.as_deref(),
                apply: *apply,
                json: *json,
                encoding,
            },
            out,
        ),
        Command::Export {
            format,
            out: file,
            table,
            from,
            to,
            kinds,
            actor,
            tag,
        } => {
            let filter = ExportFilter {
                from: from.as_deref(),
                to: to.as_deref(),
                kinds,
                actor: actor.as_deref(),
                tag: tag.as_deref(),
            };
            export_file(db, &export_format(format, *table)?, &filter, file, out)
        }
        Command::Search {
            query,
            kind,
            limit,
            json,
        } => search(db, query, *kind, *limit, *json, out),
        Command::Stats { json } => stats(db, *json, out),
        Command::Check => check(db, out),
        Command::Sample => load_sample(db, out),
        Command::Backup { out: file } => backup(db, file.as_deref(), out),
        Command::Briefing(args) => super::briefing::run(&super::briefing::open(db)?, args, out),
        Command::Restore { file, yes } => restore(db, file, *yes, out),
        Command::Backups { json } => list_backups(db, *json, out),
        Command::Generate {
            events,
            actors,
            sources,
            excerpts,
            seed,
            json,
        } => super::generate::generate(
            db,
            &crate::generate::Spec {
                events: *events,
                actors: *actors,
                sources: *sources,
                excerpts: *excerpts,
                seed: *seed,
            },
            *json,
            out,
        ),
    }
}

/// `marsad import`: what the user chose on the command line.
struct ImportArgs<'a> {
    file: &'a Path,
    opts: import::run::ReadOptions,
    duplicates: Resolution,
    dry_run: bool,
    json: bool,
}

fn read_mapping(path: &Path) -> Result<import::CsvMapping> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::User(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        CliError::User(format!(
            "{}: line {}, column {}: not a CSV mapping: {e}",
            path.display(),
            e.line(),
            e.column()
        ))
    })
}

fn import_file(db: &Path, args: &ImportArgs<'_>, out: &mut dyn Write) -> Result<()> {
    let file = args.file;
    let mut store = Store::open(db)?;
    let prepared = import::run::prepare(&store, file, &args.opts).map_err(|e| match e {
        import::run::PrepareError::Read(e) => CliError::User(format!("{}: {e}", file.display())),
        import::run::PrepareError::Store(e) => import_error(file, e),
    })?;
    let choices = vec![args.duplicates; prepared.duplicates.len()];
    let found = prepared.duplicates.clone();
    let report = import::run::write(&mut store, prepared, &choices, args.dry_run, &|_, _| true)
        .map_err(|e| import_error(file, e))?;
    if args.json {
        let value = serde_json::json!({
            "file": file.display().to_string(),
            "dry_run": args.dry_run,
            "summary": report.summary,
            "duplicates": report.duplicates,
            "duplicate_records": found,
            "problems": report.problems,
        });
        writeln!(out, "{value}").map_err(out_err)?;
        return Ok(());
    }
    let verb = if args.dry_run {
        "would import"
    } else {
        "imported"
    };
    writeln!(out, "{verb} {}:", file.display()).map_err(out_err)?;
    let summary = serde_json::to_value(&report.summary).unwrap_or_default();
    if let Some(map) = summary.as_object() {
        for (kind, c) in map {
            writeln!(
                out,
                "  {kind}: {} created, {} updated, {} unchanged",
                c["created"], c["updated"], c["unchanged"]
            )
            .map_err(out_err)?;
        }
    }
    let d = &report.duplicates;
    if !found.is_empty() {
        writeln!(
            out,
            "  duplicates of stored records: {} merged, {} skipped, {} kept as separate records",
            d.merged, d.skipped, d.kept_both
        )
        .map_err(out_err)?;
    }
    for p in &report.problems {
        writeln!(out, "  problem: {p}").map_err(out_err)?;
    }
    Ok(())
}

pub(super) fn import_error(file: &Path, e: StoreError) -> CliError {
    match e {
        StoreError::InvalidDataset(problems) => {
            let mut msg = format!(
                "{}: {} problem(s); nothing was imported",
                file.display(),
                problems.len()
            );
            for p in problems.iter().take(20) {
                msg.push_str(&format!("\n  {p}"));
            }
            CliError::User(msg)
        }
        other if other.is_user_error() => {
            CliError::User(format!("{}: {other}; nothing was imported", file.display()))
        }
        other => CliError::Internal(other.to_string()),
    }
}

/// The exporter name for `--format` and `--table`: `csv --table actors` is `csv-actors`.
fn export_format(format: &str, table: Option<TableArg>) -> Result<String> {
    let Some(table) = table else {
        return Ok(format.to_owned());
    };
    if format != "csv" {
        return Err(CliError::User(format!(
            "--table applies to --format csv only, not «{format}»"
        )));
    }
    let table = match table {
        TableArg::Events => "events",
        TableArg::Actors => "actors",
        TableArg::Sources => "sources",
    };
    Ok(format!("csv-{table}"))
}

/// `marsad export`'s filter options, as typed.
struct ExportFilter<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
    kinds: &'a [String],
    actor: Option<&'a str>,
    tag: Option<&'a str>,
}

impl ExportFilter<'_> {
    fn is_empty(&self) -> bool {
        self.from.is_none()
            && self.to.is_none()
            && self.kinds.is_empty()
            && self.actor.is_none()
            && self.tag.is_none()
    }

    /// The store's event filter; names and values that mean nothing are user errors.
    fn resolve(&self, store: &Store) -> Result<EventFilter> {
        let date = |flag: &str, v: Option<&str>| -> Result<Option<PartialDate>> {
            v.map(|d| {
                d.parse()
                    .map_err(|e| CliError::User(format!("--{flag} {d}: {e}")))
            })
            .transpose()
        };
        let kinds = self
            .kinds
            .iter()
            .map(|k| {
                k.parse::<EventKind>()
                    .map_err(|e| CliError::User(format!("--type {k}: {e}")))
            })
            .collect::<Result<Vec<_>>>()?;
        let actor = match self.actor {
            Some(name) => Some(
                store
                    .find_actors_by_name(name)?
                    .first()
                    .map(|a| a.id)
                    .ok_or_else(|| CliError::User(format!("--actor {name}: no such actor")))?,
            ),
            None => None,
        };
        Ok(EventFilter {
            from: date("from", self.from)?,
            to: date("to", self.to)?,
            kinds,
            actor,
            tag: self.tag.map(str::to_owned),
            ..EventFilter::default()
        })
    }
}

fn export_file(
    db: &Path,
    format: &str,
    filter: &ExportFilter<'_>,
    file: &Path,
    out: &mut dyn Write,
) -> Result<()> {
    let exporter = export::by_name(format).ok_or_else(|| {
        CliError::User(format!(
            "unknown export format «{format}» (available: csv, {})",
            export::names().join(", ")
        ))
    })?;
    let store = open_existing(db)?;
    let mut data = store.export()?;
    if !filter.is_empty() {
        let ids = store.event_ids(&filter.resolve(&store)?)?;
        data = data.for_events(&ids.into_iter().collect());
    }
    let bytes = exporter
        .write(&data)
        .map_err(|e| CliError::Internal(e.to_string()))?;
    export::write_atomically(file, &bytes).map_err(|e| CliError::User(e.to_string()))?;
    writeln!(out, "exported {} records to {}", data.len(), file.display()).map_err(out_err)
}

fn search(
    db: &Path,
    query: &str,
    kind: Option<KindArg>,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let store = open_existing(db)?;
    let kind = kind.map(|k| match k {
        KindArg::Event => SearchKind::Event,
        KindArg::Actor => SearchKind::Actor,
        KindArg::Source => SearchKind::Source,
        KindArg::Excerpt => SearchKind::Excerpt,
    });
    let hits = store.search(query, kind, limit)?;
    if json {
        let v = serde_json::json!({ "query": query, "count": hits.len(), "hits": hits });
        return writeln!(out, "{v}").map_err(out_err);
    }
    if hits.is_empty() {
        return writeln!(out, "no results for «{query}»").map_err(out_err);
    }
    for h in hits {
        let kind = serde_json::to_value(h.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        writeln!(
            out,
            "[{kind}] {} — {}\n    {}",
            h.title,
            h.id,
            mark(&h.snippet, &h.highlights)
        )
        .map_err(out_err)?;
    }
    Ok(())
}

/// Wraps highlighted ranges in ⟦ ⟧ for the terminal.
fn mark(snippet: &str, highlights: &[(usize, usize)]) -> String {
    let mut out = String::new();
    for (i, c) in snippet.chars().enumerate() {
        if highlights.iter().any(|(s, _)| *s == i) {
            out.push('⟦');
        }
        out.push(c);
        if highlights.iter().any(|(_, e)| *e == i + 1) {
            out.push('⟧');
        }
    }
    out
}

fn stats(db: &Path, json: bool, out: &mut dyn Write) -> Result<()> {
    let s = open_existing(db)?.stats()?;
    if json {
        let v = serde_json::to_value(&s).map_err(|e| CliError::Internal(e.to_string()))?;
        return writeln!(out, "{v}").map_err(out_err);
    }
    let rows = [
        ("events", s.events),
        ("actors", s.actors),
        ("sources", s.sources),
        ("excerpts", s.excerpts),
        ("participations", s.participations),
        ("relations", s.relations),
        ("evidence", s.evidence),
        ("trash", s.trash),
    ];
    for (name, n) in rows {
        writeln!(out, "{name:<15}{n:>10}").map_err(out_err)?;
    }
    Ok(())
}

fn check(db: &Path, out: &mut dyn Write) -> Result<()> {
    let report = open_existing(db)?.check()?;
    if report.is_ok() {
        return writeln!(out, "ok: integrity_check and foreign_key_check passed").map_err(out_err);
    }
    for l in report.integrity.iter().chain(&report.foreign_keys) {
        writeln!(out, "{l}").map_err(out_err)?;
    }
    Err(CliError::User(format!(
        "{}: the store failed its integrity check ({} problem(s)); it was not modified",
        db.display(),
        report.integrity.len() + report.foreign_keys.len()
    )))
}

fn load_sample(db: &Path, out: &mut dyn Write) -> Result<()> {
    let mut store = Store::open(db)?;
    let s = sample::load(&mut store).map_err(|e| match e {
        sample::SampleError::Store(e) => CliError::from(e),
        other => CliError::Internal(other.to_string()),
    })?;
    writeln!(
        out,
        "sample store loaded into {}: {} records written",
        db.display(),
        s.written()
    )
    .map_err(out_err)
}

fn backup(db: &Path, file: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    let store = open_existing(db)?;
    let dest = file.map(Path::to_owned).unwrap_or_default();
    let info = match file {
        Some(_) => store.backup_to(&dest)?,
        None => store.auto_backup("manual")?,
    };
    writeln!(
        out,
        "backup written and verified: {} ({} bytes)",
        info.path.display(),
        info.bytes
    )
    .map_err(out_err)
}

/// Opens a store for a command that reads; a missing file is created empty, as documented.
pub(super) fn open_existing(db: &Path) -> Result<Store> {
    match Store::open(db) {
        Err(StoreError::Locked { .. } | StoreError::NotWritable { .. }) => {
            Ok(Store::open_read_only(db)?)
        }
        other => Ok(other?),
    }
}

/// Replaces the store's content with a backup, after a `before-restore` backup of it.
fn restore(db: &Path, file: &Path, yes: bool, out: &mut dyn Write) -> Result<()> {
    if !yes {
        return Err(CliError::User(format!(
            "restoring replaces everything in {} with {}; a backup of the current content is \
             written first. Run again with --yes to go ahead",
            db.display(),
            file.display()
        )));
    }
    let mut store = Store::open(db)?;
    let before = store.stats()?;
    let safety = store.restore_from(file)?;
    let after = store.stats()?;
    writeln!(
        out,
        "restored {} into {}: {} events, {} actors, {} sources, {} excerpts (before: {} events, {} \
         actors, {} sources, {} excerpts, kept in {})",
        file.display(),
        db.display(),
        after.events,
        after.actors,
        after.sources,
        after.excerpts,
        before.events,
        before.actors,
        before.sources,
        before.excerpts,
        safety.path.display()
    )
    .map_err(out_err)
}

/// Lists the store's automatic backups, newest first.
fn list_backups(db: &Path, json: bool, out: &mut dyn Write) -> Result<()> {
    let store = open_existing(db)?;
    let list = store.backups()?;
    if json {
        let v = serde_json::json!({ "backups": list });
        return writeln!(out, "{v}").map_err(out_err);
    }
    if list.is_empty() {
        return writeln!(
            out,
            "no backups yet in {}",
            crate::store::rotation::backup_dir(db).display()
        )
        .map_err(out_err);
    }
    for b in &list {
        writeln!(
            out,
            "{}  {:<18} {:>10} bytes  {}",
            b.stamp,
            b.reason,
            b.bytes,
            b.path.display()
        )
        .map_err(out_err)?;
    }
    Ok(())
}
