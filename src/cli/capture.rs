//! `marsad capture`: proposals from an article, printed or (with `--apply`) written.

use super::CliError;
use super::commands::{import_error, open_existing, out_err};
use crate::import::EncodingChoice;
use crate::import::capture::{Capture, CaptureOptions, Selection, capture_file, to_dataset};
use crate::model::PartialDate;
use crate::store::Store;
use std::io::Write;
use std::path::Path;

type Result<T> = std::result::Result<T, CliError>;

/// The command's arguments.
pub(super) struct Args<'a> {
    /// The article file.
    pub file: &'a Path,
    /// `--date`, unparsed.
    pub date: Option<&'a str>,
    /// `--apply`.
    pub apply: bool,
    /// `--json`.
    pub json: bool,
    /// `--encoding`, unparsed.
    pub encoding: &'a str,
}

/// Runs `marsad capture`.
pub(super) fn capture(db: &Path, args: &Args<'_>, out: &mut dyn Write) -> Result<()> {
    let published = args
        .date
        .map(|d| {
            d.parse::<PartialDate>()
                .map_err(|e| CliError::User(format!("--date: {e}")))
        })
        .transpose()?;
    let encoding: EncodingChoice = args
        .encoding
        .parse()
        .map_err(|e: String| CliError::User(format!("--encoding: {e}")))?;
    let known = if args.apply {
        Store::open(db)?.all_actors()?
    } else {
        open_existing(db)?.all_actors()?
    };
    let options = CaptureOptions {
        published,
        url: None,
    };
    let captured = capture_file(args.file, encoding, &known, &options)
        .map_err(|e| CliError::User(format!("{}: {e}", args.file.display())))?;
    if args.apply {
        return apply(db, args, &captured, out);
    }
    if args.json {
        let mut v = captured.to_json();
        v["file"] = serde_json::json!(args.file.display().to_string());
        return writeln!(out, "{v}").map_err(out_err);
    }
    print_summary(&captured, out).map_err(out_err)
}

fn apply(db: &Path, args: &Args<'_>, captured: &Capture, out: &mut dyn Write) -> Result<()> {
    let selection = Selection::defaults(captured);
    let data = to_dataset(captured, &selection);
    let mut store = Store::open(db)?;
    let summary = store
        .import(&data)
        .map_err(|e| import_error(args.file, e))?;
    if args.json {
        let v = serde_json::json!({
            "file": args.file.display().to_string(),
            "applied": true,
            "source": data.sources.first().map(|s| s.id.to_string()),
            "events": data.events.iter().map(|e| e.id.to_string()).collect::<Vec<_>>(),
            "new_actors": data.actors.iter().map(|a| a.id.to_string()).collect::<Vec<_>>(),
            "summary": serde_json::to_value(&summary).unwrap_or_default(),
        });
        return writeln!(out, "{v}").map_err(out_err);
    }
    writeln!(out, "captured {}:", args.file.display()).map_err(out_err)?;
    writeln!(out, "  source: {}", captured.source.title).map_err(out_err)?;
    for e in &data.events {
        writeln!(
            out,
            "  event [{}] {}: {}",
            e.kind.code(),
            e.start.map(|d| d.to_string()).unwrap_or_default(),
            e.display_title(true)
        )
        .map_err(out_err)?;
    }
    writeln!(
        out,
        "  {} event(s), {} excerpt(s), {} participation(s), {} new actor(s) written",
        data.events.len(),
        data.excerpts.len(),
        data.participations.len(),
        data.actors.len()
    )
    .map_err(out_err)
}

fn print_summary(c: &Capture, out: &mut dyn Write) -> std::io::Result<()> {
    let s = &c.source;
    writeln!(out, "title: {}", s.title)?;
    if let Some(o) = &s.outlet {
        writeln!(out, "outlet: {o}")?;
    }
    if let Some(d) = c.reference {
        writeln!(out, "reference date: {d}")?;
    }
    writeln!(out, "dates ({}):", c.dates.len())?;
    for d in &c.dates {
        let m = &d.mention;
        let end = m.range_end.map(|e| format!(" → {e}")).unwrap_or_default();
        writeln!(out, "  [{}] «{}» = {}{end}", d.id, m.phrase, m.value)?;
    }
    writeln!(out, "actors ({}):", c.actors.len())?;
    for a in &c.actors {
        let tag = if a.known_id.is_some() { "known" } else { "new" };
        writeln!(
            out,
            "  [{}] {} ({tag}, {}×)",
            a.id,
            a.name,
            a.mentions.len()
        )?;
    }
    writeln!(out, "events ({}):", c.events.len())?;
    for e in &c.events {
        let mark = if e.accepted_by_default { "+" } else { "?" };
        let date = e.start.map(|d| d.to_string()).unwrap_or_default();
        writeln!(
            out,
            "  {mark}[{}] {} {date}: {}",
            e.id,
            e.kind.code(),
            e.title
        )?;
    }
    Ok(())
}
