//! The "Text gallery" screen: every tricky string of the test suite, as labels,
//! wrapped paragraphs, table cells and editors, to check the text layer by eye.

use egui::{ScrollArea, Ui};

use super::{
    TextField, cell, column_ui, heading, label, paragraph, selectable, strong, weak, widget_text,
};

/// The gallery's strings: (what it shows, the text).
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "acronyms",
        "المكتب المركزي للأبحاث القضائية (BCIJ) الذي يُوصف بـ FBI المغرب",
    ),
    ("date", "في 26 مارس/آذار 2022"),
    ("acronym first", "BCIJ هو المكتب المركزي"),
    ("acronym last", "زار وفد من FBI"),
    ("Latin + Arabic name", "The report by محمد الأمين was sent"),
    ("digits", "العدد 12345 فقط"),
    ("slashed date", "بتاريخ 26/03/2022 في الرباط"),
    ("percent", "بنسبة 45%"),
    ("phone", "اتصل على +212 5 37 00 00 00"),
    (
        "phone, isolated",
        "اتصل على \u{2066}+212 5 37 00 00 00\u{2069}",
    ),
    ("brackets, quotes", "قال «نعم» (تقريبا)"),
    ("harakat", "مُحَمَّدٌ رَسُولُ"),
    ("lam-alef", "لا إله إلا الله"),
    ("Arabic-Indic digits", "عام ٢٠٢٣ م"),
    ("URL", "راجع https://example.com/reports للمزيد"),
    ("RLM", "\u{200F}BCIJ \u{200F}2022"),
    ("LRM", "\u{200E}مرصد 2022"),
    ("override", "\u{202E}abc\u{202C} xyz"),
    ("Latin, number, Arabic", "FBI 2022 تقرير"),
    (
        "DGST",
        "المديرية العامة لمراقبة التراب الوطني (DGST) والمكتب المركزي (BCIJ)",
    ),
];

/// A long Arabic paragraph (≈ 420 chars) for wrapping.
pub fn long_paragraph() -> String {
    "أعلن المكتب المركزي للأبحاث القضائية (BCIJ) يوم 26 مارس 2022 عن تفكيك خلية إرهابية تتكون من أربعة عناصر ينشطون في مدن الرباط وطنجة وفاس، وذلك بتنسيق مع المديرية العامة لمراقبة التراب الوطني (DGST). "
        .repeat(2)
}

/// Editable text of the gallery's two editors.
#[derive(Clone, Debug)]
pub struct GalleryState {
    /// The single-line editor's text.
    pub single: String,
    /// The multi-line editor's text.
    pub multi: String,
}

impl Default for GalleryState {
    fn default() -> Self {
        Self {
            single: "المكتب BCIJ في 26 مارس 2022".to_owned(),
            multi: "سطر أول مع FBI و 2022\nSecond line with عربي inside".to_owned(),
        }
    }
}

/// Shows the gallery (scrollable).
pub fn gallery_ui(ui: &mut Ui, state: &mut GalleryState) {
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| contents(ui, state));
}

/// The gallery without a scroll area (for snapshots).
pub fn gallery_contents(ui: &mut Ui, state: &mut GalleryState) {
    contents(ui, state);
}

fn contents(ui: &mut Ui, state: &mut GalleryState) {
    column_ui(ui, |ui| {
        heading(ui, "معرض النصوص — Text gallery");
        for (name, text) in SAMPLES {
            weak(ui, name);
            label(ui, text);
        }
        ui.separator();
        strong(ui, "فقرة ملفوفة — wrapped paragraph");
        ui.scope(|ui| {
            ui.set_max_width(ui.available_width().min(560.0));
            paragraph(ui, &long_paragraph());
        });
        ui.separator();
        strong(ui, "خلايا جدول — table cells");
        for (_, text) in SAMPLES.iter().take(4) {
            for width in [90.0, 160.0, 260.0] {
                let size = egui::vec2(width, ui.spacing().interact_size.y);
                ui.allocate_ui_with_layout(size, *ui.layout(), |ui| {
                    ui.set_max_width(width);
                    cell(ui, text);
                });
            }
        }
        ui.separator();
        selectable(ui, SAMPLES[0].1);
        ui.horizontal(|ui| {
            let _ = ui.button(widget_text(ui, "حفظ (Ctrl+S)"));
            let mut on = true;
            ui.checkbox(&mut on, widget_text(ui, "تفعيل FBI"));
        });
        TextField::singleline(&mut state.single)
            .label("Gallery single line")
            .hint("اكتب هنا…")
            .desired_width(420.0)
            .show(ui);
        TextField::multiline(&mut state.multi)
            .label("Gallery multi line")
            .desired_width(420.0)
            .desired_rows(3)
            .show(ui);
    });
}
