//! Text style choices for [`super::rich`] and how they become layout parameters.

use egui::{Color32, FontId, TextStyle, Ui};

use super::{TextParams, direction, fonts};

/// Style of a piece of rich text. `None` fields take the UI's defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextStyleSpec {
    /// Font size in points (default: the body size).
    pub size: Option<f32>,
    /// Colour (default: the normal text colour).
    pub color: Option<Color32>,
    /// Bold face.
    pub bold: bool,
    /// Synthetic italics.
    pub italic: bool,
    /// Underlined (e.g. links).
    pub underline: bool,
    /// Use the reading face (Naskh) instead of the UI face.
    pub reading: bool,
    /// Wrap at the available width instead of staying on one line.
    pub wrap: bool,
}

impl TextStyleSpec {
    /// The layout parameters for this style in `ui`.
    pub fn params(&self, ui: &Ui) -> TextParams {
        let base = TextStyle::Body.resolve(ui.style()).size;
        let size = self.size.unwrap_or(base);
        let family = if self.reading {
            fonts::text_family(self.bold)
        } else {
            fonts::ui_family(self.bold)
        };
        let color = self.color.unwrap_or_else(|| ui.visuals().text_color());
        let mut p = TextParams::new(FontId::new(size, family), color, direction(ui.ctx()));
        p.italics = self.italic;
        p.underline = self.underline;
        if self.wrap {
            p.wrap_width = ui.available_width().max(10.0);
        }
        p
    }
}
