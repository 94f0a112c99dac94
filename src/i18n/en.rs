//! English catalogue.

use super::Msg;

/// The English text of `msg`.
pub(super) fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppTitle => "Marsad",
        Msg::MenuFile => "File",
        Msg::MenuEdit => "Edit",
        Msg::MenuView => "View",
        Msg::MenuHelp => "Help",
        Msg::NewStore => "New store…",
        Msg::OpenStore => "Open store…",
        Msg::RecentStores => "Recent stores",
        Msg::Import => "Import…",
        Msg::Export => "Export…",
        Msg::Backup => "Backup…",
        Msg::Quit => "Quit",
        Msg::Undo => "Undo",
        Msg::Redo => "Redo",
        Msg::Delete => "Delete",
        Msg::Find => "Find…",
        Msg::Events => "Events",
        Msg::Actors => "Actors",
        Msg::Sources => "Sources",
        Msg::Timeline => "Timeline",
        Msg::Network => "Network",
        Msg::Briefings => "Briefings",
        Msg::Language => "Language",
        Msg::ThemeLight => "Light theme",
        Msg::ThemeDark => "Dark theme",
        Msg::About => "About Marsad",
        Msg::KeyboardShortcuts => "Keyboard shortcuts",
        Msg::TextGallery => "Text gallery",
        Msg::Search => "Search",
        Msg::New => "New",
        Msg::Save => "Save",
        Msg::Cancel => "Cancel",
        Msg::Close => "Close",
        Msg::Ok => "OK",
        Msg::Restore => "Restore",
        Msg::Trash => "Trash",
        Msg::Filter => "Filter",
        Msg::Clear => "Clear",
        Msg::Date => "Date",
        Msg::Title => "Title",
        Msg::Type => "Type",
        Msg::Place => "Place",
        Msg::ActorsField => "Actors",
        Msg::SourcesField => "Sources",
        Msg::Grade => "Grade",
        Msg::Kind => "Kind",
        Msg::Name => "Name",
        Msg::Country => "Country",
        Msg::Description => "Description",
        Msg::AboutText => {
            "Marsad is an Arabic-first research workbench for security and intelligence cooperation between states: events, actors, sources and graded excerpts in one file on your computer, offline."
        }
        Msg::Acronym => "Acronym",
        Msg::AddActor => "Add actor…",
        Msg::Aliases => "Aliases",
        Msg::AllTypes => "All types",
        Msg::AnyGrade => "Any grade",
        Msg::BackupWritten => "Backup written and verified:",
        Msg::Cancelled => "cancelled; nothing changed",
        Msg::ChangeRole => "Change role",
        Msg::Circa => "Approximate date",
        Msg::Contains => "Contains",
        Msg::CreateActor => "Create actor",
        Msg::Credibility => "Credibility",
        Msg::DataFolder => "Data folder",
        Msg::DateAsWritten => "Date as written",
        Msg::DateNotUnderstood => "Date not understood: write 2022, 2022-03 or 26 March 2022",
        Msg::DeleteGoesToTrash => "Deleted records go to the trash and can be restored from there.",
        Msg::Duplicate => "Duplicate",
        Msg::Edit => "Edit",
        Msg::EmptyTrash => "Empty trash",
        Msg::EndDate => "End date",
        Msg::Evidence => "Evidence",
        Msg::Excerpts => "Excerpts",
        Msg::Exported => "Exported to",
        Msg::FileExists => "the file exists; choose another name",
        Msg::FirstStartSample => {
            "A new store was created and loaded with the sample: five articles on Morocco–US security cooperation."
        }
        Msg::From => "From",
        Msg::FullText => "Full text",
        Msg::Imported => "Imported",
        Msg::LinksWillGo => "Links that go with it",
        Msg::Merge => "Merge duplicate…",
        Msg::MergeInto => "Choose the duplicate to merge into",
        Msg::NameAr => "Arabic name",
        Msg::NameEn => "English name",
        Msg::NameFr => "French name",
        Msg::NewActor => "New actor",
        Msg::NewEvent => "New event",
        Msg::NewExcerpt => "New excerpt",
        Msg::NewExcerptFromSelection => "New excerpt from selection",
        Msg::NewExcerptHint => "Paste the sentence exactly as the source has it",
        Msg::NewSource => "New source",
        Msg::NoEvidence => "No evidence",
        Msg::NoEvidenceYet => "No evidence yet: add an excerpt from a source",
        Msg::NoFullText => "This source does not keep its full text.",
        Msg::NoResults => "No results",
        Msg::NotBuiltYet => "This view is not built yet in this version.",
        Msg::Notes => "Notes",
        Msg::OpenedReadOnly => {
            "The store is open in another Marsad window or process; it was opened read-only."
        }
        Msg::OpenedWriteProtected => {
            "The store's file or folder is write-protected; it was opened read-only."
        }
        Msg::OtherActor => "Other actor",
        Msg::Outlet => "Outlet",
        Msg::Participants => "Participants",
        Msg::PickSource => "Pick a source…",
        Msg::Published => "Published",
        Msg::ReadOnly => "read-only",
        Msg::Relations => "Relations",
        Msg::Reliability => "Source reliability",
        Msg::Remove => "Remove",
        Msg::SearchHint => "Search events, actors, sources and excerpts",
        Msg::SelectToEdit => "Select a row to view and edit it.",
        Msg::StartDate => "Start date",
        Msg::StoreFile => "Store file",
        Msg::Tag => "Tag",
        Msg::Backups => "Backups…",
        Msg::Restored => "Restored; the replaced content was kept in",
        Msg::RestoreBackupQ => "Restore the backup of",
        Msg::RestoreLoses => {
            "Everything changed after that backup will be replaced. The current content is backed up first, and undo history is cleared."
        }
        Msg::NoBackups => "No backups yet.",
        Msg::StoreDamaged => "The store is damaged",
        Msg::DamagedKept => {
            "Marsad found damage in this file and left it exactly as it is: nothing was changed or restored."
        }
        Msg::NewestGoodBackup => "The newest good backup is from",
        Msg::BackupHolds => "The backup holds",
        Msg::DamagedClaims => "The damaged file claims",
        Msg::DamagedUncountable => "The damaged file cannot be counted.",
        Msg::RescueLoses => {
            "Anything changed after that backup would be lost from the store; the damaged file is kept beside it, renamed, so nothing is deleted."
        }
        Msg::NoGoodBackup => {
            "No good backup was found beside the store. Keep the file, and try `marsad check` or an SQLite recovery tool on a copy."
        }
        Msg::RestoreThisBackup => "Restore this backup",
        Msg::OpenReadOnly => "Open read-only",
        Msg::OpenedBackupReadOnly => {
            "A backup is open read-only; open your store again from the File menu to work."
        }
        Msg::RescuedDamagedKept => "Backup restored; the damaged file was kept as",
        Msg::CaptureArticle => "Capture article…",
        Msg::PasteArticle => "Paste article…",
        Msg::CaptureReview => "Review the capture",
        Msg::ProposedActors => "Actors found",
        Msg::ProposedEvents => "Proposed events",
        Msg::KnownActor => "known",
        Msg::NewActorProposal => "new",
        Msg::Apply => "Write accepted",
        Msg::PasteHere => "Paste the article's text here",
        Msg::CaptureThis => "Capture",
        Msg::ChildActors => "sub-actors that lose their parent",
        Msg::FilterActor => "Actor…",
        Msg::TagSuggestions => "Suggested tags",
        Msg::Tags => "Tags",
        Msg::TagsHint => "Separate with commas",
        Msg::TitleAr => "Arabic title",
        Msg::TitleEn => "English title",
        Msg::To => "To",
        Msg::TrashEmpty => "The trash is empty.",
        Msg::UntitledActor => "Unnamed actor",
        Msg::UntitledEvent => "Untitled event",
        Msg::UntitledSource => "Untitled source",
        Msg::Url => "URL",
        Msg::WaitForJobs => "Wait for the running jobs to finish",
        Msg::VizLanes => "Lanes",
        Msg::VizByActor => "By actor",
        Msg::VizByType => "By event type",
        Msg::VizBySource => "By source",
        Msg::VizFitAll => "Fit all",
        Msg::VizZoomSelection => "Zoom to selection",
        Msg::VizUseAsFilter => "Use period as filter",
        Msg::VizFlipTime => "Reverse time direction",
        Msg::VizExportSvg => "Export SVG…",
        Msg::VizExportPng => "Export PNG…",
        Msg::VizNoActor => "No actor",
        Msg::VizNoSource => "No source",
        Msg::VizImprecise => "Imprecise date",
        Msg::VizNoDatedEvents => "No dated event matches the filter.",
        Msg::VizTimelineHelp => {
            "Wheel: zoom · drag: pan · Shift+drag: select a period · click: open the event"
        }
        Msg::VizNetworkHelp => {
            "Wheel: zoom · drag: pan, or move and pin a node · click: neighbours · double-click: open the actor"
        }
        Msg::VizPeriod => "Period",
        Msg::VizAllKinds => "All kinds",
        Msg::VizAllCountries => "All countries",
        Msg::VizMinWeight => "Min. shared events",
        Msg::VizSharedEvents => "shared events",
        Msg::VizLinks => "links",
        Msg::VizLayingOut => "Laying out…",
        Msg::VizUnpinAll => "Unpin all",
        Msg::VizExported => "Exported",
        Msg::VizNoNodes => "No actor in this period with these filters.",
    }
}
