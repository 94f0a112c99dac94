//! What a layout depends on besides the text: font, colour, width, direction.

use std::hash::{Hash, Hasher};

use egui::{Color32, FontId};

use super::Direction;

/// Everything except the text that decides how a text is laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct TextParams {
    /// Font (size and family) for the whole text.
    pub font_id: FontId,
    /// Colour; [`Color32::PLACEHOLDER`] lets the painter pick (as egui widgets do).
    pub color: Color32,
    /// Synthetic italics.
    pub italics: bool,
    /// Underline the text (links).
    pub underline: bool,
    /// Wrap lines at this width; `f32::INFINITY` for no wrapping.
    pub wrap_width: f32,
    /// Force the direction of every paragraph instead of using its first strong character.
    pub direction: Option<Direction>,
    /// Direction of paragraphs that have no strong character (usually the UI direction).
    pub default_direction: Direction,
    /// Row height override (editors use the same height for every row).
    pub line_height: Option<f32>,
    /// Show everything on one line and cut it with "…" at this width.
    pub truncate_width: Option<f32>,
    /// Take the whole wrap width even when the text is shorter (paragraphs, editors),
    /// so RTL rows hug the right edge of the column; labels take only what they need.
    pub fill_width: bool,
}

impl TextParams {
    /// The same parameters with the font's Latin-first twin, for a left-to-right paragraph
    /// (see [`super::fonts::latin_first`]).
    pub fn latin_first(&self) -> Self {
        let mut p = self.clone();
        p.font_id.family = super::fonts::latin_first(&self.font_id.family);
        p
    }

    /// Parameters for `font_id` in `color`, no wrapping, automatic direction.
    pub fn new(font_id: FontId, color: Color32, default_direction: Direction) -> Self {
        Self {
            font_id,
            color,
            italics: false,
            underline: false,
            wrap_width: f32::INFINITY,
            direction: None,
            default_direction,
            line_height: None,
            truncate_width: None,
            fill_width: false,
        }
    }

    /// Wrap at `width` (`f32::INFINITY` for none).
    #[must_use]
    pub fn wrap(mut self, width: f32) -> Self {
        self.wrap_width = width;
        self
    }

    /// Take the whole wrap width (see [`Self::fill_width`]).
    #[must_use]
    pub fn filled(mut self) -> Self {
        self.fill_width = true;
        self
    }

    /// Truncate with an ellipsis at `width`.
    #[must_use]
    pub fn truncate(mut self, width: f32) -> Self {
        self.truncate_width = Some(width);
        self
    }
}

impl Hash for TextParams {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.font_id.hash(state);
        self.color.hash(state);
        self.italics.hash(state);
        self.underline.hash(state);
        self.wrap_width.to_bits().hash(state);
        self.direction.hash(state);
        self.default_direction.hash(state);
        self.line_height.map(f32::to_bits).hash(state);
        self.truncate_width.map(f32::to_bits).hash(state);
        self.fill_width.hash(state);
    }
}
