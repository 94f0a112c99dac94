//! Label-like helpers: every string shown by the app goes through the bidi layout.

use egui::{
    Color32, Context, FontId, Response, Sense, TextStyle, TextWrapMode, Ui, WidgetInfo, WidgetText,
    accesskit::Role,
};

use super::{LaidOut, TextParams, TextStyleSpec, direction, fonts, layout};

/// Lays out and paints `text`, allocating its size with `sense`.
pub(crate) fn show(
    ui: &mut Ui,
    text: &str,
    params: &TextParams,
    sense: Sense,
) -> (Response, LaidOut) {
    let laid = layout(ui.ctx(), text, params);
    let (rect, response) = ui.allocate_exact_size(laid.size(), sense);
    if ui.is_rect_visible(rect) {
        ui.painter()
            .galley(rect.min, laid.galley.clone(), ui.visuals().text_color());
    }
    let enabled = ui.is_enabled();
    response.widget_info(|| WidgetInfo::labeled(Role::Label, enabled, text));
    (response, laid)
}

fn body_params(ui: &Ui, color: Color32, bold: bool) -> TextParams {
    let size = TextStyle::Body.resolve(ui.style()).size;
    TextParams::new(fonts::ui_font(size, bold), color, direction(ui.ctx()))
}

/// Applies the ui's wrap mode (like `egui::Label`): wrap or cut at the available width.
fn with_wrap_mode(ui: &Ui, mut p: TextParams) -> TextParams {
    let width = ui.available_width().max(10.0);
    match ui.wrap_mode() {
        TextWrapMode::Wrap => p.wrap_width = width,
        TextWrapMode::Truncate => p.truncate_width = Some(width),
        TextWrapMode::Extend => {}
    }
    p
}

/// A UI label (UI face, body size), wrapped or truncated like `ui.label`.
pub fn label(ui: &mut Ui, text: &str) -> Response {
    let p = with_wrap_mode(ui, body_params(ui, ui.visuals().text_color(), false));
    show(ui, text, &p, Sense::hover()).0
}

/// A heading (bold UI face, heading size).
pub fn heading(ui: &mut Ui, text: &str) -> Response {
    let size = TextStyle::Heading.resolve(ui.style()).size;
    let p = TextParams::new(
        fonts::ui_font(size, true),
        ui.visuals().strong_text_color(),
        direction(ui.ctx()),
    );
    let p = with_wrap_mode(ui, p);
    show(ui, text, &p, Sense::hover()).0
}

/// Parameters of reading text (Naskh face, a bit larger than the body), wrapped at `width`.
pub fn paragraph_params(ui: &Ui, width: f32) -> TextParams {
    let size = TextStyle::Body.resolve(ui.style()).size + 2.0;
    TextParams::new(
        FontId::new(size, fonts::text_family(false)),
        ui.visuals().text_color(),
        direction(ui.ctx()),
    )
    .wrap(width)
    .filled()
}

/// Reading text wrapped at the available width; RTL paragraphs hug the right edge.
pub fn paragraph(ui: &mut Ui, text: &str) -> Response {
    let p = paragraph_params(ui, ui.available_width().max(10.0));
    show(ui, text, &p, Sense::hover()).0
}

/// A table cell: one line, cut with "…" at the available width; full text on hover.
pub fn cell(ui: &mut Ui, text: &str) -> Response {
    let p =
        body_params(ui, ui.visuals().text_color(), false).truncate(ui.available_width().max(10.0));
    let (response, laid) = show(ui, text, &p, Sense::hover());
    if laid.map.truncated {
        response.on_hover_ui(|ui| {
            ui.set_max_width(400.0);
            paragraph(ui, text);
        })
    } else {
        response
    }
}

/// A label in the weak (secondary) colour.
pub fn weak(ui: &mut Ui, text: &str) -> Response {
    let p = with_wrap_mode(ui, body_params(ui, ui.visuals().weak_text_color(), false));
    show(ui, text, &p, Sense::hover()).0
}

/// A bold label in the strong colour.
pub fn strong(ui: &mut Ui, text: &str) -> Response {
    let p = with_wrap_mode(ui, body_params(ui, ui.visuals().strong_text_color(), true));
    show(ui, text, &p, Sense::hover()).0
}

/// A label with explicit style choices.
pub fn rich(ui: &mut Ui, text: &str, style: TextStyleSpec) -> Response {
    let p = style.params(ui);
    show(ui, text, &p, Sense::hover()).0
}

/// Anything that can give the [`Context`]: `&Ui` or `&Context`.
pub trait AsContext {
    /// The context.
    fn context(&self) -> &Context;
}

impl AsContext for Ui {
    fn context(&self) -> &Context {
        self.ctx()
    }
}

impl AsContext for Context {
    fn context(&self) -> &Context {
        self
    }
}

/// A bidi-correct [`WidgetText`] (a pre-laid-out galley, button font, no wrapping)
/// for egui's own widgets: buttons, menus, selectable labels, checkboxes, combo
/// boxes, tabs. The colour is left to the widget (hover/active states still work).
pub fn widget_text(ui_or_ctx: &impl AsContext, text: &str) -> WidgetText {
    let ctx = ui_or_ctx.context();
    let size = TextStyle::Button.resolve(&ctx.global_style()).size;
    let p = TextParams::new(
        fonts::ui_font(size, false),
        Color32::PLACEHOLDER,
        direction(ctx),
    );
    WidgetText::Galley(layout(ctx, text, &p).galley)
}
