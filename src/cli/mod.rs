//! The command-line interface: argument definitions and the commands that don't need a window.

mod briefing;
mod capture;
mod commands;
mod generate;

pub use commands::run;

use crate::import::EncodingChoice;
use crate::import::duplicates::Resolution;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Marsad (مرصد): Arabic-first research workbench. With no command, opens the app.
#[derive(Debug, Parser)]
#[command(name = "marsad", version, about, long_about = None)]
pub struct Cli {
    /// The store file (default: marsad.marsad in the user data directory, or $MARSAD_DB).
    /// A missing file is created as an empty store.
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Log more (repeat for more detail).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Benchmarks: close the window as soon as its first frame is drawn.
    #[arg(long)]
    pub exit_after_first_frame: bool,

    /// Benchmarks: show every view (and the search window) for a few frames, then close.
    #[arg(long)]
    pub visit_all_views: bool,

    /// What to do; none opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a file into the store (all of it, or nothing if anything is wrong).
    Import {
        /// The file to import.
        file: PathBuf,
        /// Its format (default: recognised from the content).
        #[arg(long)]
        format: Option<String>,
        /// Check the file and report what would change, without writing.
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Text encoding: auto, utf-8, utf-16le, utf-16be or windows-1256.
        #[arg(long, default_value = "auto")]
        encoding: EncodingChoice,
        /// A CSV column mapping saved as JSON (from the app's import dialog or written by hand).
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
        /// Records the store already holds under another id: merge (complete the stored record
        /// and link to it), skip (leave the stored one as it is), or keep (import both).
        #[arg(long, default_value = "merge", value_name = "merge|skip|keep")]
        duplicates: Resolution,
    },
    /// Capture an article (text, HTML, or .txt in UTF-8/UTF-16/Windows-1256): propose its
    /// dates, actors and events; with --apply, write the accepted-by-default ones.
    Capture {
        /// The article file.
        file: PathBuf,
        /// Publication date (YYYY-MM-DD) for relative phrases when the article has no date line.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Write the source and the proposals accepted by default (all or nothing).
        #[arg(long)]
        apply: bool,
        /// Print JSON (the proposals, or what --apply created).
        #[arg(long)]
        json: bool,
        /// The file's encoding (auto, utf-8, utf-16le, utf-16be, windows-1256).
        #[arg(long, default_value = "auto")]
        encoding: String,
    },
    /// Export the store to a file.
    Export {
        /// The format: json, csv (with --table), acled, ris, bibtex, csl-json, ftm, graphml, gexf.
        #[arg(long, default_value = "json")]
        format: String,
        /// Where to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// With `--format csv`: which table to write (default: events).
        #[arg(long, value_enum)]
        table: Option<TableArg>,
        /// Only events that overlap this date or later (YYYY, YYYY-MM or YYYY-MM-DD), with
        /// what they need (actors, sources, excerpts, links).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only events that overlap this date or earlier.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only events of this type (repeat for several), e.g. arrest, official_visit.
        #[arg(long = "type", value_name = "TYPE")]
        kinds: Vec<String>,
        /// Only events this actor takes part in (any name, acronym or alias).
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// Only events with this tag.
        #[arg(long)]
        tag: Option<String>,
    },
    /// Search the store (Arabic spelling variants and attached prefixes included).
    Search {
        /// What to look for; "quoted words" match as a phrase.
        query: String,
        /// Only this kind of record.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// How many results at most.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print results as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Count the records in the store.
    Stats {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check the store's integrity (SQLite integrity_check and foreign_key_check).
    Check,
    /// Load the bundled sample store (running it again changes nothing).
    Sample,
    /// Write a briefing as PDF, HTML, Markdown or DOCX, or list the saved briefings.
    Briefing(BriefingArgs),
    /// Write a verified backup copy of the store.
    Backup {
        /// Where to write (default: the store's backup folder, `<store>.backups/`, where the
        /// oldest automatic backups beyond ten are rotated out).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the store's content with a backup (a backup of the current content is written
    /// first).
    Restore {
        /// The backup to restore.
        file: PathBuf,
        /// Confirm: without it, nothing is done.
        #[arg(long)]
        yes: bool,
    },
    /// List the store's automatic backups, newest first.
    Backups {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fill an empty store with synthetic records (Arabic and English text from the sample's
    /// vocabulary) for benchmarks and load tests; the same seed gives the same store.
    Generate {
        /// Events.
        #[arg(long, default_value_t = 1_000)]
        events: usize,
        /// Actors.
        #[arg(long, default_value_t = 200)]
        actors: usize,
        /// Sources.
        #[arg(long, default_value_t = 100)]
        sources: usize,
        /// Excerpts, spread over the sources.
        #[arg(long, default_value_t = 2_000)]
        excerpts: usize,
        /// Seed of the random choices.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print what was written as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Options of `marsad briefing`.
#[derive(Debug, clap::Args)]
pub struct BriefingArgs {
    /// List the saved briefings instead.
    #[arg(long, conflicts_with_all = ["id", "format", "out"])]
    pub list: bool,
    /// A saved briefing's id (see --list).
    #[arg(long, conflicts_with_all = ["from", "to", "actor", "kind", "title"])]
    pub id: Option<String>,
    /// Events ending on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Events starting on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Events involving this actor (name, acronym or alias; repeat for any of several).
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// Events of this type (repeat for several), e.g. arrest, official_visit.
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Vec<String>,
    /// Title of a briefing built from these options.
    #[arg(long)]
    pub title: Option<String>,
    /// Output format: pdf, html, md or docx.
    #[arg(long)]
    pub format: Option<String>,
    /// Where to write.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Language of the briefing: ar or en.
    #[arg(long)]
    pub lang: Option<String>,
    /// A typst template to use instead of the bundled one (PDF only).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
}

/// Record kinds for `search --kind`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    /// Events.
    Event,
    /// Actors.
    Actor,
    /// Sources.
    Source,
    /// Excerpts.
    Excerpt,
}

/// Tables for `export --format csv --table`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TableArg {
    /// One row per event, with its actors and roles.
    Events,
    /// One row per actor.
    Actors,
    /// One row per source.
    Sources,
}

/// Exit codes: 0 success, 1 the user's input or file, 2 an internal error.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input, not a Marsad store, newer schema, file not found…
    #[error("{0}")]
    User(String),
    /// A defect or an unexpected system failure.
    #[error("internal error: {0}")]
    Internal(String),
}

impl CliError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::User(_) => 1,
            Self::Internal(_) => 2,
        }
    }
}

impl From<crate::store::StoreError> for CliError {
    fn from(e: crate::store::StoreError) -> Self {
        if e.is_user_error() {
            Self::User(e.to_string())
        } else {
            Self::Internal(e.to_string())
        }
    }
}
