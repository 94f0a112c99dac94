//! The Arabic text layer: fonts, bidi-correct layout (UAX #9 + UAX #14) on top of
//! egui 0.37 (which shapes Arabic but has no bidi), label helpers, the text editor.
//!
//! Everything that works around egui's missing bidi lives here, so it can shrink
//! when upstream egui gains bidi support (emilk/egui#5069).

mod cache;
pub(crate) mod chars;
pub mod dates;
mod direction;
mod editor;
pub mod events;
pub mod fonts;
pub mod gallery;
mod layout;
mod linebreak;
mod map;
pub mod mentions;
mod params;
mod selectable;
mod style;
mod widgets;
pub(crate) mod words;

pub use cache::{cached_layouts, layout, layout_size};
pub use direction::{
    Direction, base_direction, column_ui, direction, isolate, row_ui, set_direction, wrapped_row_ui,
};
pub use editor::{TextField, field_selection};
pub use gallery::{GalleryState, gallery_ui};
pub use layout::{Cell, LaidOut, TextLayout, VisualRow, layout_text, paragraph_direction};
pub use map::{Caret, Side};
pub use params::TextParams;
pub use selectable::selectable;
pub use style::TextStyleSpec;
pub use widgets::{
    AsContext, cell, heading, label, paragraph, paragraph_params, rich, strong, weak, widget_text,
};
