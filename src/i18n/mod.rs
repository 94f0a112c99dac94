//! UI strings in Arabic, English and French, checked at compile time: every
//! [`Msg`] must have a text in every catalogue (`match` without a wildcard).
//!
//! To add a string: add a variant to [`Msg`] (with an English doc comment), then an
//! arm in `ar.rs`, `en.rs` and `fr.rs` — the compiler lists what is missing.

mod ar;
mod en;
mod fr;
pub mod vocab;

use crate::text::Direction;

/// A UI language.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    /// Arabic (the default).
    #[default]
    Ar,
    /// English.
    En,
    /// French.
    Fr,
}

impl Lang {
    /// All languages, in menu order.
    pub const ALL: [Self; 3] = [Self::Ar, Self::En, Self::Fr];

    /// The UI direction for this language.
    pub fn direction(self) -> Direction {
        match self {
            Self::Ar => Direction::Rtl,
            Self::En | Self::Fr => Direction::Ltr,
        }
    }

    /// The language's own name, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Ar => "العربية",
            Self::En => "English",
            Self::Fr => "Français",
        }
    }

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ar => "ar",
            Self::En => "en",
            Self::Fr => "fr",
        }
    }
}

/// A UI message. The English text is in each variant's doc comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    /// "Marsad"
    AppTitle,
    /// "File"
    MenuFile,
    /// "Edit"
    MenuEdit,
    /// "View"
    MenuView,
    /// "Help"
    MenuHelp,
    /// "New store…"
    NewStore,
    /// "Open store…"
    OpenStore,
    /// "Recent stores"
    RecentStores,
    /// "Import…"
    Import,
    /// "Export…"
    Export,
    /// "Backup…"
    Backup,
    /// "Quit"
    Quit,
    /// "Undo"
    Undo,
    /// "Redo"
    Redo,
    /// "Delete"
    Delete,
    /// "Find…"
    Find,
    /// "Events"
    Events,
    /// "Actors"
    Actors,
    /// "Sources"
    Sources,
    /// "Timeline"
    Timeline,
    /// "Network"
    Network,
    /// "Briefings"
    Briefings,
    /// "Language"
    Language,
    /// "Light theme"
    ThemeLight,
    /// "Dark theme"
    ThemeDark,
    /// "About Marsad"
    About,
    /// "Keyboard shortcuts"
    KeyboardShortcuts,
    /// "Text gallery"
    TextGallery,
    /// "Search"
    Search,
    /// "New"
    New,
    /// "Save"
    Save,
    /// "Cancel"
    Cancel,
    /// "Close"
    Close,
    /// "OK"
    Ok,
    /// "Restore"
    Restore,
    /// "Trash"
    Trash,
    /// "Filter"
    Filter,
    /// "Clear"
    Clear,
    /// "Date"
    Date,
    /// "Title"
    Title,
    /// "Type"
    Type,
    /// "Place"
    Place,
    /// "Actors"
    ActorsField,
    /// "Sources"
    SourcesField,
    /// "Grade"
    Grade,
    /// "Kind"
    Kind,
    /// "Name"
    Name,
    /// "Country"
    Country,
    /// "Description"
    Description,
    /// "Marsad is an Arabic-first research workbench for security and intelligence cooperation between states: events, actors, sources and graded excerpts in one file on your computer, offline."
    AboutText,
    /// "Acronym"
    Acronym,
    /// "Add actor…"
    AddActor,
    /// "Aliases"
    Aliases,
    /// "All types"
    AllTypes,
    /// "Any grade"
    AnyGrade,
    /// "Backup written and verified:"
    BackupWritten,
    /// "cancelled; nothing changed"
    Cancelled,
    /// "Change role"
    ChangeRole,
    /// "Approximate date"
    Circa,
    /// "Contains"
    Contains,
    /// "Create actor"
    CreateActor,
    /// "Credibility"
    Credibility,
    /// "Data folder"
    DataFolder,
    /// "Date as written"
    DateAsWritten,
    /// "Date not understood: write 2022, 2022-03 or 26 March 2022"
    DateNotUnderstood,
    /// "Deleted records go to the trash and can be restored from there."
    DeleteGoesToTrash,
    /// "Duplicate"
    Duplicate,
    /// "Edit"
    Edit,
    /// "Empty trash"
    EmptyTrash,
    /// "End date"
    EndDate,
    /// "Evidence"
    Evidence,
    /// "Excerpts"
    Excerpts,
    /// "Exported to"
    Exported,
    /// "the file exists; choose another name"
    FileExists,
    /// "A new store was created and loaded with the sample: five articles on Morocco–US security cooperation."
    FirstStartSample,
    /// "From"
    From,
    /// "Full text"
    FullText,
    /// "Imported"
    Imported,
    /// Export only the events the events view's filter selects
    OnlyFilteredEvents,
    /// Start an import
    ImportNow,
    /// Merge an imported record into the stored one
    MergeRecords,
    /// Format of the file
    FileFormat,
    /// Text encoding
    TextEncoding,
    /// Recognise the format from the content
    Recognise,
    /// The CSV columns and the fields they fill
    CsvColumns,
    /// A column that is not imported
    ColumnIgnored,
    /// Saved column mappings
    SavedMappings,
    /// Save the column mapping
    SaveMapping,
    /// Name of a column mapping
    MappingName,
    /// A column mapping was saved
    MappingSaved,
    /// Saving a mapping without a name
    MappingNeedsName,
    /// The file is being read
    ReadingFile,
    /// Records created
    Created,
    /// Records updated
    Updated,
    /// Records unchanged
    Unchanged,
    /// Problems that did not stop the import
    ImportProblems,
    /// Records the store already holds
    AlreadyStored,
    /// Skip a duplicate
    SkipRecord,
    /// Keep both records
    KeepBoth,
    /// Apply to every duplicate
    ForAll,
    /// The import finished
    ImportFinished,
    /// Background work stopped unexpectedly
    JobFailed,
    /// A line of a file
    LineNo,
    /// A column of a file
    ColumnNo,
    /// Matched by name
    SameName,
    /// Matched by URL
    SameUrl,
    /// Matched by title
    SameTitle,
    /// Matched by date, type and actors
    SameDateTypeActors,
    /// Duplicates
    Duplicates,
    /// What the rows of a CSV file are
    CsvTableKind,
    /// "Links that go with it"
    LinksWillGo,
    /// "Merge duplicate…"
    Merge,
    /// "Choose the duplicate to merge into"
    MergeInto,
    /// "Arabic name"
    NameAr,
    /// "English name"
    NameEn,
    /// "French name"
    NameFr,
    /// "New actor"
    NewActor,
    /// "New event"
    NewEvent,
    /// "New excerpt"
    NewExcerpt,
    /// "New excerpt from selection"
    NewExcerptFromSelection,
    /// "Paste the sentence exactly as the source has it"
    NewExcerptHint,
    /// "New source"
    NewSource,
    /// "No evidence"
    NoEvidence,
    /// "No evidence yet: add an excerpt from a source"
    NoEvidenceYet,
    /// "This source does not keep its full text."
    NoFullText,
    /// "No results"
    NoResults,
    /// "This view is not built yet in this version."
    NotBuiltYet,
    /// "Notes"
    Notes,
    /// "The store is open in another Marsad window or process; it was opened read-only."
    OpenedReadOnly,
    /// "The store's file or folder is write-protected; it was opened read-only."
    OpenedWriteProtected,
    /// "Other actor"
    OtherActor,
    /// "Outlet"
    Outlet,
    /// "Participants"
    Participants,
    /// "Pick a source…"
    PickSource,
    /// "Published"
    Published,
    /// "read-only"
    ReadOnly,
    /// "Relations"
    Relations,
    /// "Source reliability"
    Reliability,
    /// "Remove"
    Remove,
    /// "Search events, actors, sources and excerpts"
    SearchHint,
    /// "Select a row to view and edit it."
    SelectToEdit,
    /// "Start date"
    StartDate,
    /// "Store file"
    StoreFile,
    /// "Tag"
    Tag,
    /// "Backups…"
    Backups,
    /// "Restored; the replaced content was kept in"
    Restored,
    /// "Restore the backup of"
    RestoreBackupQ,
    /// what a restore replaces
    RestoreLoses,
    /// "No backups yet."
    NoBackups,
    /// "The store is damaged"
    StoreDamaged,
    /// "Marsad found damage in this file and left it exactly as it is: nothing was changed or restored."
    DamagedKept,
    /// "The newest good backup is from"
    NewestGoodBackup,
    /// "The backup holds"
    BackupHolds,
    /// "The damaged file claims"
    DamagedClaims,
    /// "The damaged file cannot be counted."
    DamagedUncountable,
    /// "Anything changed after that backup would be lost from the store; the damaged file is kept beside it, renamed, so nothing is deleted."
    RescueLoses,
    /// "No good backup was found beside the store. Keep the file, and try `marsad check` or an SQLite recovery tool on a copy."
    NoGoodBackup,
    /// "Restore this backup"
    RestoreThisBackup,
    /// "Open read-only"
    OpenReadOnly,
    /// "A backup is open read-only; open your store again from the File menu to work."
    OpenedBackupReadOnly,
    /// "Backup restored; the damaged file was kept as"
    RescuedDamagedKept,
    /// "Capture article…"
    CaptureArticle,
    /// "Paste article…"
    PasteArticle,
    /// "Review the capture"
    CaptureReview,
    /// "Actors found"
    ProposedActors,
    /// "Proposed events"
    ProposedEvents,
    /// "known" (an actor already in the store)
    KnownActor,
    /// "new" (an actor to create)
    NewActorProposal,
    /// "Write accepted"
    Apply,
    /// "Paste the article's text here"
    PasteHere,
    /// "Capture"
    CaptureThis,
    /// "Sub-actors that lose their parent" (delete confirmation)
    ChildActors,
    /// "Actor…" (events filter)
    FilterActor,
    /// "Suggested tags"
    TagSuggestions,
    /// "Tags"
    Tags,
    /// "Separate with commas"
    TagsHint,
    /// "Arabic title"
    TitleAr,
    /// "English title"
    TitleEn,
    /// "To"
    To,
    /// "The trash is empty."
    TrashEmpty,
    /// "Unnamed actor"
    UntitledActor,
    /// "Untitled event"
    UntitledEvent,
    /// "Untitled source"
    UntitledSource,
    /// "URL"
    Url,
    /// "Wait for the running jobs to finish"
    WaitForJobs,
    /// "Lanes"
    VizLanes,
    /// "By actor"
    VizByActor,
    /// "By event type"
    VizByType,
    /// "By source"
    VizBySource,
    /// "Fit all"
    VizFitAll,
    /// "Zoom to selection"
    VizZoomSelection,
    /// "Use period as filter"
    VizUseAsFilter,
    /// "Reverse time direction"
    VizFlipTime,
    /// "Export SVG…"
    VizExportSvg,
    /// "Export PNG…"
    VizExportPng,
    /// "No actor"
    VizNoActor,
    /// "No source"
    VizNoSource,
    /// "Imprecise date"
    VizImprecise,
    /// "No dated event matches the filter."
    VizNoDatedEvents,
    /// "Wheel: zoom · drag: pan · Shift+drag: select a period · click: open the event"
    VizTimelineHelp,
    /// "Wheel: zoom · drag: pan, or move and pin a node · click: neighbours · double-click: open the actor"
    VizNetworkHelp,
    /// "Period"
    VizPeriod,
    /// "All kinds"
    VizAllKinds,
    /// "All countries"
    VizAllCountries,
    /// "Min. shared events"
    VizMinWeight,
    /// "shared events"
    VizSharedEvents,
    /// Shown when the network draws only its strongest links; the weight follows.
    VizDrawnFromWeight,
    /// "links"
    VizLinks,
    /// "Laying out…"
    VizLayingOut,
    /// "Unpin all"
    VizUnpinAll,
    /// "Exported"
    VizExported,
    /// "No actor in this period with these filters."
    VizNoNodes,
}

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::Ar => ar::text(msg),
        Lang::En => en::text(msg),
        Lang::Fr => fr::text(msg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_are_complete_and_directions_right() {
        assert_eq!(tr(Lang::Ar, Msg::AppTitle), "مرصد");
        assert_eq!(tr(Lang::En, Msg::AppTitle), "Marsad");
        assert_eq!(Lang::default(), Lang::Ar);
        assert!(Lang::Ar.direction().is_rtl());
        assert!(!Lang::En.direction().is_rtl());
        for lang in Lang::ALL {
            assert!(!tr(lang, Msg::Description).is_empty());
            assert_eq!(
                crate::text::base_direction(tr(lang, Msg::Search)),
                Some(lang.direction())
            );
        }
    }

    #[test]
    fn lang_serde_roundtrip() {
        let json = serde_json::to_string(&Lang::Fr).unwrap_or_default();
        assert_eq!(json, "\"Fr\"");
        assert_eq!(serde_json::from_str::<Lang>(&json).ok(), Some(Lang::Fr));
    }
}
