//! Actors: states, agencies, people, groups and organisations.

use super::validation::{check_country, check_span, is_blank};
use super::{ActorKind, Id, PartialDate, ValidationError};
use serde::{Deserialize, Serialize};

/// A state, agency, person, group or organisation that takes part in events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Identifier.
    pub id: Id,
    /// What sort of actor.
    pub kind: ActorKind,
    /// Arabic name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ar: Option<String>,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// French name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_fr: Option<String>,
    /// Acronym such as BCIJ or FBI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Other names and spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The actor this one is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Id>,
    /// Who the actor is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Active since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_from: Option<PartialDate>,
    /// Active until.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_to: Option<PartialDate>,
}

impl Actor {
    /// A new actor of `kind` with no names yet.
    pub fn new(kind: ActorKind) -> Self {
        Self {
            id: Id::new(),
            kind,
            name_ar: None,
            name_en: None,
            name_fr: None,
            acronym: None,
            aliases: Vec::new(),
            country: None,
            parent_id: None,
            description: None,
            active_from: None,
            active_to: None,
        }
    }

    /// Checks the record on its own (references are checked by the store).
    pub fn validate(&self) -> Result<(), ValidationError> {
        if is_blank(&self.name_ar)
            && is_blank(&self.name_en)
            && is_blank(&self.name_fr)
            && is_blank(&self.acronym)
        {
            return Err(ValidationError::Required(
                "an actor name (Arabic, English, French or acronym)",
            ));
        }
        if let Some(c) = &self.country {
            check_country(c)?;
        }
        if self.parent_id == Some(self.id) {
            return Err(ValidationError::SelfParent);
        }
        check_span(self.active_from, self.active_to)
    }

    /// The best name to show: Arabic first when `prefer_arabic`, otherwise English, then the rest.
    pub fn display_name(&self, prefer_arabic: bool) -> &str {
        let order = if prefer_arabic {
            [&self.name_ar, &self.name_en, &self.name_fr, &self.acronym]
        } else {
            [&self.name_en, &self.name_ar, &self.name_fr, &self.acronym]
        };
        order
            .into_iter()
            .flatten()
            .find(|s| !s.trim().is_empty())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Every name the actor is known by: names, acronym and aliases.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        [&self.name_ar, &self.name_en, &self.name_fr, &self.acronym]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .chain(self.aliases.iter().map(String::as_str))
            .filter(|s| !s.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_a_name() {
        let mut a = Actor::new(ActorKind::SecurityService);
        assert!(a.validate().is_err());
        a.acronym = Some("DGST".into());
        assert!(a.validate().is_ok());
        assert_eq!(a.display_name(true), "DGST");
        a.name_ar = Some("المديرية العامة لمراقبة التراب الوطني".into());
        assert_eq!(
            a.display_name(true),
            "المديرية العامة لمراقبة التراب الوطني"
        );
        assert_eq!(a.all_names().count(), 2);
    }

    #[test]
    fn cannot_be_its_own_parent() {
        let mut a = Actor::new(ActorKind::State);
        a.name_en = Some("Morocco".into());
        a.parent_id = Some(a.id);
        assert_eq!(a.validate(), Err(ValidationError::SelfParent));
    }
}
