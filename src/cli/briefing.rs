//! `marsad briefing`: list saved briefings, or write one (saved, or built from scope options)
//! as PDF, HTML, Markdown or DOCX.

use super::{BriefingArgs, CliError};
use crate::briefing::{self, Format, RenderOptions};
use crate::export;
use crate::model::{Briefing, BriefingLanguage, EventKind, Id, PartialDate};
use crate::store::Store;
use std::io::Write;
use std::path::Path;

type Result<T> = std::result::Result<T, CliError>;

fn out_err(e: std::io::Error) -> CliError {
    CliError::Internal(format!("could not write output: {e}"))
}

/// Runs the command against an open store.
pub(crate) fn run(store: &Store, args: &BriefingArgs, out: &mut dyn Write) -> Result<()> {
    if args.list {
        return list(store, out);
    }
    let (Some(format), Some(file)) = (&args.format, &args.out) else {
        return Err(CliError::User(
            "briefing needs --format pdf|html|md|docx and --out FILE (or --list)".into(),
        ));
    };
    let format: Format = format.parse().map_err(CliError::User)?;
    let b = choose(store, args)?;
    let opts = RenderOptions {
        template: args.template.clone(),
        exported_on: today(),
        ..Default::default()
    };
    let bytes = briefing::render(store, &b, format, &opts, &mut |_| true).map_err(|e| match e {
        briefing::BriefingError::Store(s) => CliError::from(s),
        other => CliError::User(other.to_string()),
    })?;
    export::write_atomically(file, &bytes).map_err(|e| CliError::User(e.to_string()))?;
    writeln!(
        out,
        "wrote briefing «{}» ({}) to {}",
        b.title,
        format.extension(),
        file.display()
    )
    .map_err(out_err)
}

fn today() -> Option<PartialDate> {
    let d = jiff::Zoned::now().date();
    let (y, m, day) = (u16::try_from(d.year()).ok()?, d.month(), d.day());
    PartialDate::day(y, u8::try_from(m).ok()?, u8::try_from(day).ok()?).ok()
}

fn list(store: &Store, out: &mut dyn Write) -> Result<()> {
    let all = store.briefings()?;
    if all.is_empty() {
        return writeln!(out, "no saved briefings").map_err(out_err);
    }
    for b in all {
        writeln!(out, "{}  {}  {}", b.id, b.updated, b.title).map_err(out_err)?;
    }
    Ok(())
}

/// The saved briefing, or one over the scope the options describe (the whole store when none).
fn choose(store: &Store, args: &BriefingArgs) -> Result<Briefing> {
    let mut b = match &args.id {
        Some(id) => {
            let id: Id = id
                .parse()
                .map_err(|_| CliError::User(format!("«{id}» is not a briefing id")))?;
            store
                .briefing(id)?
                .ok_or_else(|| CliError::User(format!("no saved briefing has the id {id}")))?
        }
        None => adhoc(store, args)?,
    };
    if let Some(lang) = &args.lang {
        b.language = lang
            .parse::<BriefingLanguage>()
            .map_err(|e| CliError::User(e.to_string()))?;
    }
    Ok(b)
}

fn adhoc(store: &Store, args: &BriefingArgs) -> Result<Briefing> {
    let lang = match args.lang.as_deref() {
        Some(l) => l
            .parse::<BriefingLanguage>()
            .map_err(|e| CliError::User(e.to_string()))?,
        None => BriefingLanguage::Ar,
    };
    let title = args.title.clone().unwrap_or_else(|| {
        match lang {
            BriefingLanguage::Ar => "موجز مرصد",
            BriefingLanguage::En => "Marsad briefing",
        }
        .to_owned()
    });
    let mut b = Briefing::new(title);
    b.language = lang;
    b.date = today();
    let date = |s: &Option<String>, flag: &str| -> Result<Option<PartialDate>> {
        s.as_deref()
            .map(|v| {
                v.parse::<PartialDate>()
                    .map_err(|e| CliError::User(format!("--{flag}: {e}")))
            })
            .transpose()
    };
    b.scope.from = date(&args.from, "from")?;
    b.scope.to = date(&args.to, "to")?;
    for name in &args.actor {
        let found = store.find_actors_by_name(name)?;
        if found.is_empty() {
            return Err(CliError::User(format!(
                "--actor: no actor is called «{name}» (use a name, acronym or alias)"
            )));
        }
        b.scope.actors.extend(found.into_iter().map(|a| a.id));
    }
    for t in &args.kind {
        let kind: EventKind = t
            .parse()
            .map_err(|e: crate::model::ValidationError| CliError::User(format!("--type: {e}")))?;
        b.scope.event_kinds.push(kind);
    }
    b.validate().map_err(|e| CliError::User(e.to_string()))?;
    Ok(b)
}

/// Opens the store for reading a briefing: read-write so a missing file is created empty.
pub(crate) fn open(db: &Path) -> Result<Store> {
    match Store::open(db) {
        Err(crate::store::StoreError::Locked { .. }) => Ok(Store::open_read_only(db)?),
        other => Ok(other?),
    }
}
