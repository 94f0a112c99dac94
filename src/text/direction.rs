//! Writing direction: of a paragraph (from its text) and of the UI (stored in the context).

use egui::{Context, Id, InnerResponse, Layout, Ui};
use unicode_bidi::{BidiClass, bidi_class};

/// A writing direction.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Direction {
    /// Left to right (Latin scripts).
    Ltr,
    /// Right to left (Arabic, Hebrew). The default: Marsad is Arabic-first.
    #[default]
    Rtl,
}

impl Direction {
    /// `true` for [`Direction::Rtl`].
    pub fn is_rtl(self) -> bool {
        self == Self::Rtl
    }

    /// The UAX #9 paragraph embedding level of this direction.
    pub(crate) fn level(self) -> unicode_bidi::Level {
        if self.is_rtl() {
            unicode_bidi::Level::rtl()
        } else {
            unicode_bidi::Level::ltr()
        }
    }
}

fn direction_id() -> Id {
    Id::unique("marsad::text::ui_direction")
}

/// Sets the UI direction (call when the UI language changes). Every helper of the text
/// layer uses it: as the direction of paragraphs without a strong character, for hints,
/// and in [`row_ui`].
pub fn set_direction(ctx: &Context, direction: Direction) {
    ctx.data_mut(|d| d.insert_temp(direction_id(), direction));
}

/// The UI direction set with [`set_direction`]; [`Direction::Rtl`] if never set.
pub fn direction(ctx: &Context) -> Direction {
    ctx.data(|d| d.get_temp(direction_id())).unwrap_or_default()
}

/// The direction of the first strong character (UAX #9 rule P2), skipping text inside
/// isolates; `None` when `text` has no strong character (digits, punctuation, empty).
pub fn base_direction(text: &str) -> Option<Direction> {
    let mut isolate_depth = 0usize;
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => isolate_depth += 1,
            BidiClass::PDI => isolate_depth = isolate_depth.saturating_sub(1),
            BidiClass::L if isolate_depth == 0 => return Some(Direction::Ltr),
            BidiClass::R | BidiClass::AL if isolate_depth == 0 => return Some(Direction::Rtl),
            _ => {}
        }
    }
    None
}

/// Lays out a horizontal row that starts at the UI's start edge: right-to-left
/// when the UI is RTL, left-to-right otherwise.
pub fn row_ui<R>(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    let layout = if direction(ui.ctx()).is_rtl() {
        Layout::right_to_left(egui::Align::Center)
    } else {
        Layout::left_to_right(egui::Align::Center)
    };
    // Like `ui.horizontal`: start one row high and grow, instead of taking the whole height
    // (a plain `with_layout` would centre the row vertically in all the space left).
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, layout, add_contents)
}

/// Like [`row_ui`], but items that do not fit move to a new row instead of running off the
/// edge (button bars, offers next to a field).
pub fn wrapped_row_ui<R>(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    let layout = if direction(ui.ctx()).is_rtl() {
        Layout::right_to_left(egui::Align::Center)
    } else {
        Layout::left_to_right(egui::Align::Center)
    };
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, layout.with_main_wrap(true), add_contents)
}

/// Lays out a vertical column whose items hug the UI's start edge (right in RTL).
pub fn column_ui<R>(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    let align = if direction(ui.ctx()).is_rtl() {
        egui::Align::Max
    } else {
        egui::Align::Min
    };
    ui.with_layout(Layout::top_down(align), add_contents)
}

/// Wraps user text in a first-strong isolate (U+2068 … U+2069) for composing it into a UI
/// string: «{name} (known, 2×)» then keeps the UI's direction and the name's own order,
/// whatever script the name is in.
pub fn isolate(user_text: &str) -> String {
    format!("\u{2068}{user_text}\u{2069}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_direction_uses_first_strong_char() {
        assert_eq!(base_direction("في 26 مارس"), Some(Direction::Rtl));
        assert_eq!(base_direction("2022 BCIJ مرصد"), Some(Direction::Ltr));
        assert_eq!(base_direction("(BCIJ) المكتب"), Some(Direction::Ltr));
        assert_eq!(base_direction("2022/03/26"), None);
        assert_eq!(base_direction(""), None);
        assert_eq!(base_direction("٢٠٢٢"), None);
        // Text inside an isolate does not count:
        assert_eq!(
            base_direction("\u{2066}abc\u{2069} مرصد"),
            Some(Direction::Rtl)
        );
        assert_eq!(base_direction("\u{200F}abc"), Some(Direction::Rtl));
        // A UI string composed around an isolated Arabic name keeps the UI's direction.
        let composed = format!("{} (known, 2×)", isolate("المكتب المركزي"));
        assert_eq!(base_direction(&composed), Some(Direction::Ltr));
    }

    #[test]
    fn ui_direction_defaults_to_rtl_and_can_be_set() {
        let ctx = Context::default();
        assert_eq!(direction(&ctx), Direction::Rtl);
        set_direction(&ctx, Direction::Ltr);
        assert_eq!(direction(&ctx), Direction::Ltr);
    }
}
