//! Events: what happened, when, where.

use super::validation::{check_country, check_span, is_blank};
use super::{EventKind, Id, PartialDate, ValidationError};
use serde::{Deserialize, Serialize};

/// Something that happened: an arrest, a visit, an agreement, an exercise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Identifier.
    pub id: Id,
    /// Arabic title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ar: Option<String>,
    /// English title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// What happened, in the researcher's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it happened (or began).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// When it ended, for events that last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// The date as the source writes it, e.g. «26 مارس/آذار الماضي».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_as_written: Option<String>,
    /// Place name as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// ISO 3166-1 alpha-2 country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Latitude in degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// Longitude in degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// What sort of event.
    pub kind: EventKind,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Event {
    /// A new, untitled event of `kind`.
    pub fn new(kind: EventKind) -> Self {
        Self {
            id: Id::new(),
            title_ar: None,
            title_en: None,
            description: None,
            start: None,
            end: None,
            date_as_written: None,
            place: None,
            country: None,
            latitude: None,
            longitude: None,
            kind,
            tags: Vec::new(),
        }
    }

    /// Checks the record on its own.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if is_blank(&self.title_ar) && is_blank(&self.title_en) {
            return Err(ValidationError::Required(
                "an event title (Arabic or English)",
            ));
        }
        check_span(self.start, self.end)?;
        if let Some(c) = &self.country {
            check_country(c)?;
        }
        match (self.latitude, self.longitude) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) {
                    return Err(ValidationError::Latitude(lat));
                }
                if !(-180.0..=180.0).contains(&lon) {
                    return Err(ValidationError::Longitude(lon));
                }
                Ok(())
            }
            (None, None) => Ok(()),
            _ => Err(ValidationError::HalfCoordinate),
        }
    }

    /// The best title to show, Arabic first when `prefer_arabic`.
    pub fn display_title(&self, prefer_arabic: bool) -> &str {
        let order = if prefer_arabic {
            [&self.title_ar, &self.title_en]
        } else {
            [&self.title_en, &self.title_ar]
        };
        order
            .into_iter()
            .flatten()
            .find(|s| !s.trim().is_empty())
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled() -> Event {
        let mut e = Event::new(EventKind::Arrest);
        e.title_ar = Some("اعتقال موالٍ لداعش في بركان".into());
        e
    }

    #[test]
    fn needs_a_title() {
        assert!(Event::new(EventKind::Arrest).validate().is_err());
        assert!(titled().validate().is_ok());
    }

    #[test]
    fn end_before_start_is_refused_with_both_dates() {
        let mut e = titled();
        e.start = Some("2021-01-19".parse().unwrap());
        e.end = Some("2020-03".parse().unwrap());
        assert_eq!(
            e.validate().unwrap_err().to_string(),
            "end date 2020-03 is before start date 2021-01-19"
        );
    }

    #[test]
    fn coordinates_checked() {
        let mut e = titled();
        e.latitude = Some(34.0);
        assert_eq!(e.validate(), Err(ValidationError::HalfCoordinate));
        e.longitude = Some(-6.8);
        assert!(e.validate().is_ok());
        e.latitude = Some(95.0);
        assert_eq!(e.validate(), Err(ValidationError::Latitude(95.0)));
    }
}
