//! What the app remembers between runs (eframe persistence).

use crate::i18n::Lang;
use crate::store::EventFilter;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The main views.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum View {
    /// Events table and editor.
    #[default]
    Events,
    /// Actors table and editor.
    Actors,
    /// Sources table, reader and editor.
    Sources,
    /// Timeline.
    Timeline,
    /// Network.
    Network,
    /// Briefings.
    Briefings,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [Self; 6] = [
        Self::Events,
        Self::Actors,
        Self::Sources,
        Self::Timeline,
        Self::Network,
        Self::Briefings,
    ];
}

/// Persisted settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// UI language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// Last view.
    pub view: View,
    /// Recently opened stores, newest first.
    pub recent: Vec<PathBuf>,
    /// The events view's filter.
    pub event_filter: EventFilter,
    /// An edit that could not be saved yet (invalid), kept so that nothing typed is lost.
    pub unsaved: Option<String>,
    /// Reverse the timeline's default direction (right→left in Arabic, left→right otherwise).
    pub timeline_flip: bool,
    /// CSV column mappings the user saved, by name.
    pub csv_mappings: std::collections::BTreeMap<String, crate::import::CsvMapping>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: Lang::Ar,
            dark: false,
            view: View::Events,
            recent: Vec::new(),
            event_filter: EventFilter::default(),
            unsaved: None,
            timeline_flip: false,
            csv_mappings: std::collections::BTreeMap::new(),
        }
    }
}

impl Settings {
    /// Key under which eframe stores the settings.
    pub const KEY: &'static str = "marsad.settings";

    /// Puts `path` first in the recent list (at most 10).
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(10);
    }
}
