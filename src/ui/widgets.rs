//! Small form widgets built on the text layer, shared by every view.

use crate::app::AppState;
use crate::i18n::{Msg, vocab};
use crate::model::PartialDate;
use crate::text::{self, TextField, TextStyleSpec};
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

/// Examples of the dates a date field understands, in the UI's script.
pub fn date_hint(rtl: bool) -> &'static str {
    if rtl {
        "2022 · 2022-03 · 26 مارس 2022"
    } else {
        "2022 · 2022-03 · 26 March 2022"
    }
}

/// A date the user types (partial dates allowed), with how it was understood beside it;
/// text that is not a date leaves the value as it was and says so.
pub fn date_field_ui(
    ui: &mut Ui,
    state: &AppState,
    caption: &str,
    buffer: &mut String,
    value: &mut Option<PartialDate>,
) -> egui::Response {
    let r = TextField::singleline(buffer)
        .label(caption)
        .hint(date_hint(state.lang().direction().is_rtl()))
        .desired_width(160.0)
        .show(ui);
    let trimmed = buffer.trim();
    let parsed = if trimmed.is_empty() {
        None
    } else {
        crate::import::dates::parse_date(trimmed)
    };
    if r.changed() {
        if trimmed.is_empty() {
            *value = None;
        } else if let Some(d) = parsed {
            *value = Some(d);
        }
    }
    match (trimmed.is_empty(), parsed) {
        (true, _) => {}
        (false, Some(d)) => {
            text::weak(ui, &format!("= {}", vocab::date(state.lang(), &d)));
        }
        (false, None) => {
            text::rich(
                ui,
                state.tr(Msg::DateNotUnderstood),
                TextStyleSpec {
                    color: Some(ui.visuals().error_fg_color),
                    ..Default::default()
                },
            );
        }
    }
    r
}

/// Tags are separated by commas (Latin or Arabic) or semicolons; each is kept once.
pub fn split_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in text
        .split([',', '،', ';', '؛'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        if !tags.iter().any(|x| x == t) {
            tags.push(t.to_owned());
        }
    }
    tags
}

/// Why an editor's draft could not be saved, in the error colour under the form.
pub fn error_line_ui(ui: &mut Ui, error: Option<&str>) {
    if let Some(err) = error {
        text::rich(
            ui,
            &format!("⚠ {err}"),
            TextStyleSpec {
                color: Some(ui.visuals().error_fg_color),
                wrap: true,
                ..Default::default()
            },
        );
    }
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

/// A record view: the editor in a resizable side panel at the UI's end edge (left in
/// Arabic), scrolled, with a hint when nothing is selected; the table in the rest.
pub fn record_view_ui(
    ui: &mut Ui,
    state: &mut crate::app::AppState,
    salt: &str,
    size: (f32, f32),
    editor: impl FnOnce(&mut Ui, &mut crate::app::AppState) -> bool,
    table: impl FnOnce(&mut Ui, &mut crate::app::AppState),
) {
    let id = format!("{salt}-editor");
    let side = if state.lang().direction().is_rtl() {
        egui::Panel::left(id.clone())
    } else {
        egui::Panel::right(id.clone())
    };
    side.resizable(true)
        .default_size(size.0)
        .min_size(size.1)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(format!("{id}-scroll"))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if !editor(ui, state) {
                        text::weak(ui, state.tr(crate::i18n::Msg::SelectToEdit));
                    }
                });
        });
    egui::CentralPanel::default().show(ui, |ui| table(ui, state));
}

/// The order of a table's columns in the UI direction. In right-to-left the first column
/// stands at the right, followed (at the far right) by a gutter, `None`: egui always draws the
/// scroll bar at the right edge, where it would cover the first column.
pub fn column_order(rtl: bool, n: usize) -> Vec<Option<usize>> {
    if rtl {
        (0..n)
            .rev()
            .map(Some)
            .chain(std::iter::once(None))
            .collect()
    } else {
        (0..n).map(Some).collect()
    }
}

/// A striped, clickable table whose columns follow `order` (see [`column_order`]) and whose
/// cells hug the UI's start edge.
pub fn table_builder<'a>(
    ui: &'a mut Ui,
    id: &str,
    rtl: bool,
    widths: &[egui_extras::Column],
    order: &[Option<usize>],
) -> egui_extras::TableBuilder<'a> {
    let layout = if rtl {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    };
    let mut b = egui_extras::TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(layout);
    for i in order {
        b = b.column(match i {
            Some(i) => widths[*i].clip(true),
            None => egui_extras::Column::exact(ui_gutter()),
        });
    }
    b
}

/// Width kept free for the scroll bar beside the first column of a right-to-left table.
fn ui_gutter() -> f32 {
    14.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_on_latin_and_arabic_commas() {
        assert_eq!(
            split_tags("داعش، مكافحة الإرهاب, FBI;; داعش"),
            ["داعش", "مكافحة الإرهاب", "FBI"]
        );
    }

    #[test]
    fn rtl_tables_reverse_the_columns_and_keep_a_gutter_for_the_scroll_bar() {
        assert_eq!(column_order(false, 3), vec![Some(0), Some(1), Some(2)]);
        assert_eq!(column_order(true, 3), vec![Some(2), Some(1), Some(0), None]);
    }
}
