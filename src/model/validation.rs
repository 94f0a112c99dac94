//! Validation errors with messages specific enough to fix the input from.

use super::PartialDate;

/// Why a record cannot be stored as it is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ValidationError {
    /// A code that is not in the vocabulary.
    #[error("unknown {what} «{code}» (expected one of: {allowed})")]
    UnknownCode {
        /// Which vocabulary.
        what: &'static str,
        /// The code given.
        code: String,
        /// The codes accepted.
        allowed: String,
    },
    /// A required text field is empty.
    #[error("{0} is required")]
    Required(&'static str),
    /// An end date before the start date.
    #[error("end date {end} is before start date {start}")]
    EndBeforeStart {
        /// The start date.
        start: PartialDate,
        /// The end date.
        end: PartialDate,
    },
    /// A credibility grade outside 1–6.
    #[error("credibility grade {0} is out of range (1–6)")]
    Credibility(i64),
    /// A country code that is not two upper-case letters.
    #[error("country «{0}» is not an ISO 3166-1 alpha-2 code such as MA or US")]
    Country(String),
    /// A language code that is not two lower-case letters.
    #[error("language «{0}» is not an ISO 639-1 code such as ar, en or fr")]
    Language(String),
    /// Latitude outside −90…90.
    #[error("latitude {0} is out of range (−90 to 90)")]
    Latitude(f64),
    /// Longitude outside −180…180.
    #[error("longitude {0} is out of range (−180 to 180)")]
    Longitude(f64),
    /// Only one of latitude and longitude given.
    #[error("latitude and longitude must be given together")]
    HalfCoordinate,
    /// An excerpt range that is reversed or runs past the text.
    #[error("excerpt range {start}..{end} is invalid for a text of {len} characters")]
    Range {
        /// Start of the range.
        start: u64,
        /// End of the range.
        end: u64,
        /// Length of the source's full text in characters.
        len: u64,
    },
    /// An excerpt whose range does not hold its text.
    #[error("excerpt text does not match the source's full text at {start}..{end}")]
    RangeMismatch {
        /// Start of the range.
        start: u64,
        /// End of the range.
        end: u64,
    },
    /// A record linked to itself.
    #[error("an actor cannot be related to itself")]
    SelfRelation,
    /// An actor that would be its own ancestor.
    #[error("an actor cannot be its own parent")]
    SelfParent,
    /// A briefing section kind listed twice.
    #[error("the briefing has the section {0} twice")]
    DuplicateSection(String),
    /// A one-line field holding a line break.
    #[error("the {0} must be a single line")]
    MultiLine(&'static str),
    /// A field longer than allowed.
    #[error("the {field} is {len} characters long; at most {max} are allowed")]
    TooLong {
        /// Which field.
        field: &'static str,
        /// Its length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
}

/// Checks a country code's form.
pub fn check_country(code: &str) -> Result<(), ValidationError> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(ValidationError::Country(code.to_owned()))
    }
}

/// Checks a language code's form.
pub fn check_language(code: &str) -> Result<(), ValidationError> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(ValidationError::Language(code.to_owned()))
    }
}

/// Checks that `end` does not come before `start` (comparing the spans they may stand for).
pub fn check_span(
    start: Option<PartialDate>,
    end: Option<PartialDate>,
) -> Result<(), ValidationError> {
    match (start, end) {
        (Some(start), Some(end)) if end.end_key() < start.start_key() => {
            Err(ValidationError::EndBeforeStart { start, end })
        }
        _ => Ok(()),
    }
}

/// True when the optional text is absent or blank.
pub fn is_blank(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|t| t.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_message_names_both_dates() {
        let start: PartialDate = "2021-01-19".parse().unwrap();
        let end: PartialDate = "2020-03".parse().unwrap();
        let err = check_span(Some(start), Some(end)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "end date 2020-03 is before start date 2021-01-19"
        );
    }

    #[test]
    fn overlapping_partial_dates_are_accepted() {
        // "2021" may end on 2021-12-31, so it is not before "2021-06-01".
        let start: PartialDate = "2021-06-01".parse().unwrap();
        let end: PartialDate = "2021".parse().unwrap();
        assert!(check_span(Some(start), Some(end)).is_ok());
    }

    #[test]
    fn country_and_language_forms() {
        assert!(check_country("MA").is_ok());
        assert!(check_country("ma").is_err());
        assert!(check_country("MAR").is_err());
        assert!(check_language("ar").is_ok());
        assert!(check_language("AR").is_err());
    }
}
