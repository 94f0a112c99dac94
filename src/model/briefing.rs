//! A briefing: the dated, sourced document a researcher hands to others — its metadata, the
//! slice of the store it covers (its scope) and its ordered, editable sections.

use super::validation::check_span;
use super::{EventKind, Id, PartialDate, Reliability, ValidationError};
use serde::{Deserialize, Serialize};

/// Longest title, subtitle, author or handling line accepted (characters): these are printed in
/// every page header, so a pasted paragraph there is a mistake worth stopping.
pub const MAX_LINE_CHARS: usize = 300;

/// The language a briefing is written in: it sets headings, numbering and direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BriefingLanguage {
    /// Arabic, right to left (the default).
    #[default]
    Ar,
    /// English, left to right.
    En,
}

impl BriefingLanguage {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ar => "ar",
            Self::En => "en",
        }
    }

    /// Whether the text runs right to left.
    pub fn is_rtl(self) -> bool {
        self == Self::Ar
    }
}

impl std::str::FromStr for BriefingLanguage {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ar" => Ok(Self::Ar),
            "en" => Ok(Self::En),
            other => Err(ValidationError::UnknownCode {
                what: "briefing language",
                code: other.to_owned(),
                allowed: "ar, en".into(),
            }),
        }
    }
}

/// The paper a briefing is printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Paper {
    /// ISO A4 (the default).
    #[default]
    A4,
    /// US Letter.
    Letter,
}

/// Whether events must involve any or all of the scope's actors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorMatch {
    /// At least one of them.
    #[default]
    Any,
    /// Every one of them.
    All,
}

/// Which events a briefing covers. Empty filters select everything; an explicit event list,
/// when given, replaces the filters (the user picked the events by hand).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BriefingScope {
    /// Events that end on or after this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// Events that start on or before this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// Events involving these actors (see `actor_match`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Id>,
    /// Any or all of `actors`.
    pub actor_match: ActorMatch,
    /// Only these event types.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub event_kinds: Vec<EventKind>,
    /// Only events carrying at least one of these tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Only events supported by a source graded this or better.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_grade: Option<Reliability>,
    /// Exactly these events, in any order (the filters above are then ignored).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Id>,
}

impl BriefingScope {
    /// Whether the scope selects the whole store.
    pub fn is_everything(&self) -> bool {
        *self == Self::default()
    }

    /// Checks the date range.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_span(self.from, self.to)
    }
}

/// The kinds of section a briefing can hold, each at most once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The user's summary of the whole briefing.
    ExecutiveSummary,
    /// The user's assessments.
    KeyJudgements,
    /// One row per event: date, event, actors, sources.
    Chronology,
    /// Each event's description with its quoted excerpts.
    Narratives,
    /// The actors in scope, their roles and relations.
    KeyActors,
    /// Every source cited, with grades and how many events each supports.
    Sources,
    /// Counts, export date and the grading scales.
    Methodology,
    /// A timeline picture drawn by the app.
    TimelineFigure,
    /// A network picture drawn by the app.
    NetworkFigure,
}

impl SectionKind {
    /// Every kind, in the default order.
    pub const ALL: [Self; 9] = [
        Self::ExecutiveSummary,
        Self::KeyJudgements,
        Self::Chronology,
        Self::Narratives,
        Self::KeyActors,
        Self::Sources,
        Self::Methodology,
        Self::TimelineFigure,
        Self::NetworkFigure,
    ];

    /// Whether the section's body is text the user writes (rather than data from the store).
    pub fn is_user_text(self) -> bool {
        matches!(self, Self::ExecutiveSummary | Self::KeyJudgements)
    }

    /// Whether the section is a picture the app draws.
    pub fn is_figure(self) -> bool {
        matches!(self, Self::TimelineFigure | Self::NetworkFigure)
    }
}

/// One section of a briefing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What the section shows.
    pub kind: SectionKind,
    /// Whether it is printed.
    pub enabled: bool,
    /// The user's text: the body of a summary or judgements, an introduction elsewhere.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A saved briefing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    /// Stable identifier.
    pub id: Id,
    /// Title, printed on the cover and in every page header.
    pub title: String,
    /// Optional subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The date it bears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Handling or classification line, free text, printed in header and footer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling: Option<String>,
    /// Language of headings, numbering and direction.
    #[serde(default)]
    pub language: BriefingLanguage,
    /// Paper size.
    #[serde(default)]
    pub paper: Paper,
    /// Which events it covers.
    #[serde(default)]
    pub scope: BriefingScope,
    /// The sections, in print order.
    pub sections: Vec<Section>,
}

impl Briefing {
    /// A new briefing over the whole store with every section in the default order; the
    /// figures start disabled because the views that draw them may not exist.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            id: Id::new(),
            title: title.into(),
            subtitle: None,
            author: None,
            date: None,
            handling: None,
            language: BriefingLanguage::Ar,
            paper: Paper::A4,
            scope: BriefingScope::default(),
            sections: SectionKind::ALL
                .into_iter()
                .map(|kind| Section {
                    kind,
                    enabled: !kind.is_figure(),
                    text: String::new(),
                })
                .collect(),
        }
    }

    /// The enabled sections, in order.
    pub fn enabled_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| s.enabled)
    }

    /// Checks the title, line lengths, the scope and that no section kind appears twice.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.title.trim().is_empty() {
            return Err(ValidationError::Required("a briefing title"));
        }
        let lines = [
            ("title", Some(&self.title)),
            ("subtitle", self.subtitle.as_ref()),
            ("author", self.author.as_ref()),
            ("handling line", self.handling.as_ref()),
        ];
        for (field, value) in lines {
            if let Some(v) = value {
                check_line(field, v)?;
            }
        }
        self.scope.validate()?;
        for (i, s) in self.sections.iter().enumerate() {
            if self.sections[..i].iter().any(|t| t.kind == s.kind) {
                return Err(ValidationError::DuplicateSection(format!("{:?}", s.kind)));
            }
        }
        Ok(())
    }
}

fn check_line(field: &'static str, value: &str) -> Result<(), ValidationError> {
    if value.contains('\n') {
        return Err(ValidationError::MultiLine(field));
    }
    let len = value.chars().count();
    if len > MAX_LINE_CHARS {
        return Err(ValidationError::TooLong {
            field,
            len,
            max: MAX_LINE_CHARS,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_briefing_is_valid_and_has_every_section_once() {
        let b = Briefing::new("التعاون الأمني المغربي–الأمريكي");
        assert!(b.validate().is_ok());
        assert_eq!(b.sections.len(), SectionKind::ALL.len());
        assert!(b.enabled_sections().all(|s| !s.kind.is_figure()));
        assert!(b.scope.is_everything());
    }

    #[test]
    fn needs_a_title() {
        let b = Briefing::new("  ");
        assert_eq!(
            b.validate(),
            Err(ValidationError::Required("a briefing title"))
        );
    }

    #[test]
    fn duplicate_section_is_refused() {
        let mut b = Briefing::new("موجز");
        b.sections.push(Section {
            kind: SectionKind::Chronology,
            enabled: false,
            text: String::new(),
        });
        assert!(matches!(
            b.validate(),
            Err(ValidationError::DuplicateSection(k)) if k == "Chronology"
        ));
    }

    #[test]
    fn header_lines_are_single_and_bounded() {
        let mut b = Briefing::new("موجز");
        b.handling = Some("سري\nللغاية".into());
        assert_eq!(
            b.validate(),
            Err(ValidationError::MultiLine("handling line"))
        );
        b.handling = Some("س".repeat(MAX_LINE_CHARS + 1));
        assert!(matches!(
            b.validate(),
            Err(ValidationError::TooLong { field: "handling line", len, .. }) if len == MAX_LINE_CHARS + 1
        ));
    }

    #[test]
    fn reversed_scope_dates_are_refused() {
        let mut b = Briefing::new("موجز");
        b.scope.from = Some("2021-05".parse().unwrap());
        b.scope.to = Some("2020".parse().unwrap());
        assert!(matches!(
            b.validate(),
            Err(ValidationError::EndBeforeStart { .. })
        ));
    }

    #[test]
    fn json_round_trip_and_unknown_keys_refused() {
        let mut b = Briefing::new("موجز");
        b.language = BriefingLanguage::En;
        b.scope.actors.push(Id::new());
        b.scope.actor_match = ActorMatch::All;
        b.scope.min_grade = Some(Reliability::B);
        let json = serde_json::to_string(&b).unwrap();
        assert!(json.contains(r#""language":"en""#));
        assert_eq!(serde_json::from_str::<Briefing>(&json).unwrap(), b);
        let bad = json.replacen(r#""title""#, r#""titel""#, 1);
        assert!(serde_json::from_str::<Briefing>(&bad).is_err());
    }

    #[test]
    fn language_codes() {
        assert_eq!("ar".parse::<BriefingLanguage>(), Ok(BriefingLanguage::Ar));
        assert!("fr".parse::<BriefingLanguage>().is_err());
        assert!(BriefingLanguage::Ar.is_rtl() && !BriefingLanguage::En.is_rtl());
    }
}
