//! Small form widgets built on the text layer, shared by every view.

use crate::text::{self, TextField};
use egui::{Response, Ui};

/// A button whose caption goes through the bidi layout.
pub fn button_ui(ui: &mut Ui, caption: &str) -> Response {
    let r = ui.button(text::widget_text(ui, caption));
    name_widget(ui, &r, caption);
    r
}

/// A selectable label (tabs, list items) through the bidi layout.
pub fn selectable_ui(ui: &mut Ui, selected: bool, caption: &str) -> Response {
    let r = ui.selectable_label(selected, text::widget_text(ui, caption));
    name_widget(ui, &r, caption);
    r
}

/// A checkbox through the bidi layout.
pub fn checkbox_ui(ui: &mut Ui, value: &mut bool, caption: &str) -> Response {
    let r = ui.checkbox(value, text::widget_text(ui, caption));
    name_widget(ui, &r, caption);
    r
}

/// A drop-down choosing one of `options`; returns whether the value changed.
pub fn combo_ui<T: Copy + PartialEq, S: AsRef<str>>(
    ui: &mut Ui,
    id: &str,
    value: &mut T,
    options: &[T],
    name: impl Fn(T) -> S,
) -> bool {
    let before = *value;
    let current = name(*value);
    let r = egui::ComboBox::from_id_salt(id)
        .selected_text(text::widget_text(ui, current.as_ref()))
        .show_ui(ui, |ui| {
            for o in options {
                let r = selectable_ui(ui, *o == *value, name(*o).as_ref());
                if r.clicked() {
                    *value = *o;
                }
            }
        });
    name_widget(ui, &r.response, current.as_ref());
    before != *value
}

/// An optional drop-down (with a "none" entry); returns whether the value changed.
pub fn option_combo_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: &str,
    value: &mut Option<T>,
    options: &[T],
    none: &str,
    name: impl Fn(T) -> &'static str,
) -> bool {
    let before = *value;
    let current = value.map(&name).unwrap_or(none);
    let r = egui::ComboBox::from_id_salt(id)
        .selected_text(text::widget_text(ui, current))
        .show_ui(ui, |ui| {
            if selectable_ui(ui, value.is_none(), none).clicked() {
                *value = None;
            }
            for o in options {
                if selectable_ui(ui, Some(*o) == *value, name(*o)).clicked() {
                    *value = Some(*o);
                }
            }
        });
    name_widget(ui, &r.response, current);
    before != *value
}

/// Gives a widget its accessible name in logical order. egui names a widget after its
/// galley's text, which the bidi layer holds in visual order (Arabic words reversed), and
/// leaves combo boxes and captionless checkboxes unnamed; screen readers (and the GUI
/// tests) need the caption as written.
pub fn name_widget(ui: &Ui, response: &Response, shown: &str) {
    ui.ctx().accesskit_node_builder(response.id, |b| {
        b.set_label(shown.to_owned());
    });
}

/// A labelled row in a form: the caption at the start edge, the widget after it.
pub fn form_row_ui<R>(ui: &mut Ui, caption: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    text::row_ui(ui, |ui| {
        ui.add_sized([110.0, 20.0], |ui: &mut Ui| text::weak(ui, caption));
        add(ui)
    })
    .inner
}

/// Edits an optional text: empty means `None`. Returns the editor's response.
pub fn optional_text_ui(
    ui: &mut Ui,
    caption: &str,
    value: &mut Option<String>,
    multiline: bool,
) -> Response {
    let mut buffer = value.clone().unwrap_or_default();
    let field = if multiline {
        TextField::multiline(&mut buffer).desired_rows(4)
    } else {
        TextField::singleline(&mut buffer)
    };
    let r = field
        .label(caption)
        .desired_width(ui.available_width())
        .show(ui);
    if r.changed() {
        *value = if buffer.is_empty() {
            None
        } else {
            Some(buffer)
        };
    }
    r
}

/// Edits a required text.
pub fn text_ui(ui: &mut Ui, caption: &str, value: &mut String, multiline: bool) -> Response {
    let field = if multiline {
        TextField::multiline(value).desired_rows(4)
    } else {
        TextField::singleline(value)
    };
    field
        .label(caption)
        .desired_width(ui.available_width())
        .show(ui)
}

/// Colour for an Admiralty reliability grade (A green … F grey).
pub fn grade_color(ui: &Ui, grade: crate::model::Reliability) -> egui::Color32 {
    use crate::model::Reliability::*;
    let dark = ui.visuals().dark_mode;
    match (grade, dark) {
        (A | B, false) => egui::Color32::from_rgb(0x1b, 0x7a, 0x3a),
        (A | B, true) => egui::Color32::from_rgb(0x6f, 0xd0, 0x8c),
        (C, false) => egui::Color32::from_rgb(0x9a, 0x6b, 0x00),
        (C, true) => egui::Color32::from_rgb(0xe8, 0xc0, 0x5a),
        (D | E, false) => egui::Color32::from_rgb(0xb0, 0x2a, 0x2a),
        (D | E, true) => egui::Color32::from_rgb(0xf0, 0x80, 0x80),
        (F, _) => ui.visuals().weak_text_color(),
    }
}
