//! The domain model: records, vocabularies, grades, partial dates and validation. No IO here.

mod actor;
mod briefing;
mod code_enum;
mod dataset;
mod event;
mod grade;
mod id;
mod kinds;
mod links;
mod normalize;
mod partial_date;
mod source;
mod subset;
mod validation;

pub use actor::Actor;
pub use briefing::{
    ActorMatch, Briefing, BriefingLanguage, BriefingScope, MAX_LINE_CHARS, Paper, Section,
    SectionKind,
};
pub use dataset::{Dataset, DatasetProblem};
pub use event::Event;
pub use grade::{Credibility, Reliability};
pub use id::Id;
pub use kinds::{ActorKind, EventKind, RelationKind, Role, SourceKind};
pub use links::{Evidence, EvidenceTarget, Participation, Relation};
pub use normalize::{is_alphanumeric, is_arabic, is_word_char, light_stems, normalize, words};
pub use partial_date::{DateError, PartialDate, Precision, days_in_month, is_leap_year};
pub use source::{Excerpt, Source};
pub use validation::{ValidationError, check_country, check_language};
