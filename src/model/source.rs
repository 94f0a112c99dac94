//! Sources and the verbatim excerpts quoted from them.

use super::validation::{check_language, is_blank};
use super::{Credibility, Id, PartialDate, Reliability, SourceKind, ValidationError};
use serde::{Deserialize, Serialize};

/// A document the research rests on: an article, a statement, a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier.
    pub id: Id,
    /// What sort of document.
    pub kind: SourceKind,
    /// Title (required).
    pub title: String,
    /// Outlet or publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Authors, in order.
    #[serde(default)]
    pub authors: Vec<String>,
    /// ISO 639-1 language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// Where it can be found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was accessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<PartialDate>,
    /// Admiralty reliability grade.
    pub reliability: Reliability,
    /// Why this grade; anything else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The whole document, when kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_text: Option<String>,
}

impl Source {
    /// A new source with a title, graded F (cannot be judged) until the researcher grades it.
    pub fn new(kind: SourceKind, title: impl Into<String>) -> Self {
        Self {
            id: Id::new(),
            kind,
            title: title.into(),
            outlet: None,
            authors: Vec::new(),
            language: None,
            published: None,
            url: None,
            accessed: None,
            reliability: Reliability::F,
            notes: None,
            full_text: None,
        }
    }

    /// Checks the record on its own.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.title.trim().is_empty() {
            return Err(ValidationError::Required("a source title"));
        }
        if let Some(l) = &self.language {
            check_language(l)?;
        }
        Ok(())
    }
}

/// A verbatim quotation from a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excerpt {
    /// Identifier.
    pub id: Id,
    /// The source quoted.
    pub source_id: Id,
    /// The quotation, verbatim.
    pub text: String,
    /// Start in the source's full text, in Unicode scalar values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    /// Exclusive end in the source's full text, in Unicode scalar values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u64>,
    /// Admiralty credibility grade.
    pub credibility: Credibility,
    /// A translation of the quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
}

impl Excerpt {
    /// A new excerpt of `text` from `source_id`, credibility not yet judged.
    pub fn new(source_id: Id, text: impl Into<String>) -> Self {
        Self {
            id: Id::new(),
            source_id,
            text: text.into(),
            start: None,
            end: None,
            credibility: Credibility::UNKNOWN,
            translation: None,
        }
    }

    /// Checks the record on its own and, when the source's full text is known, that the range
    /// holds exactly the quoted text.
    pub fn validate(&self, full_text: Option<&str>) -> Result<(), ValidationError> {
        if self.text.is_empty() {
            return Err(ValidationError::Required("the excerpt text"));
        }
        match (self.start, self.end) {
            (None, None) => Ok(()),
            (Some(start), Some(end)) => check_range(&self.text, start, end, full_text),
            _ => Err(ValidationError::Required(
                "both ends of the excerpt's range",
            )),
        }
    }

    /// Whether the translation is blank.
    pub fn has_translation(&self) -> bool {
        !is_blank(&self.translation)
    }
}

fn check_range(
    text: &str,
    start: u64,
    end: u64,
    full_text: Option<&str>,
) -> Result<(), ValidationError> {
    let Some(full) = full_text else {
        return if start <= end {
            Ok(())
        } else {
            Err(ValidationError::Range { start, end, len: 0 })
        };
    };
    let len = full.chars().count() as u64;
    if start > end || end > len {
        return Err(ValidationError::Range { start, end, len });
    }
    let slice: String = full
        .chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect();
    if slice == text {
        Ok(())
    } else {
        Err(ValidationError::RangeMismatch { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_range_must_hold_the_text() {
        let full = "قال البيان إن «التعاون ممتاز» اليوم";
        let src = Source::new(SourceKind::NewsArticle, "بيان");
        let mut x = Excerpt::new(src.id, "«التعاون ممتاز»");
        let start = full.chars().position(|c| c == '«').unwrap() as u64;
        x.start = Some(start);
        x.end = Some(start + x.text.chars().count() as u64);
        assert!(x.validate(Some(full)).is_ok());
        x.end = Some(x.end.unwrap() - 1);
        assert!(matches!(
            x.validate(Some(full)),
            Err(ValidationError::RangeMismatch { .. })
        ));
        x.end = Some(1000);
        assert!(matches!(
            x.validate(Some(full)),
            Err(ValidationError::Range { len: 35, .. })
        ));
    }

    #[test]
    fn source_needs_title_and_valid_language() {
        let mut s = Source::new(SourceKind::Report, " ");
        assert!(s.validate().is_err());
        s.title = "تقرير".into();
        s.language = Some("arabic".into());
        assert!(matches!(s.validate(), Err(ValidationError::Language(_))));
        s.language = Some("ar".into());
        assert!(s.validate().is_ok());
    }
}
