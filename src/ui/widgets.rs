//! Small form widgets built on the text layer, shared by every view.

use crate::text::{self, TextField};
use egui::{Response, Ui};

/// A button whose caption goes through the bidi layout.
pub fn button_ui(ui: &mut Ui, caption: &str) -> Response {
    ui.button(text::widget_text(ui, caption))
}

/// A selectable label (tabs, list items) through the bidi layout.
pub fn selectable_ui(ui: &mut Ui, selected: bool, caption: &str) -> Response {
    ui.selectable_label(selected, text::widget_text(ui, caption))
}

/// A checkbox through the bidi layout.
pub fn checkbox_ui(ui: &mut Ui, value: &mut bool, caption: &str) -> Response {
    ui.checkbox(value, text::widget_text(ui, caption))
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
    egui::ComboBox::from_id_salt(id)
        .selected_text(text::widget_text(ui, name(*value).as_ref()))
        .show_ui(ui, |ui| {
            for o in options {
                let r = ui.selectable_label(*o == *value, text::widget_text(ui, name(*o).as_ref()));
                if r.clicked() {
                    *value = *o;
                }
            }
        });
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
    egui::ComboBox::from_id_salt(id)
        .selected_text(text::widget_text(ui, current))
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(value.is_none(), text::widget_text(ui, none))
                .clicked()
            {
                *value = None;
            }
            for o in options {
                if ui
                    .selectable_label(Some(*o) == *value, text::widget_text(ui, name(*o)))
                    .clicked()
                {
                    *value = Some(*o);
                }
            }
        });
    before != *value
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
