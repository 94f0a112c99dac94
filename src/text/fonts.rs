//! Embedded fonts and their installation order.
//!
//! The fonts live in `fonts/` (see `fonts/README.md` for versions and licence) and are
//! compiled into the binary, so text looks the same on every machine: eframe's
//! `system_fonts` feature is off and nothing here looks at the system.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontId};

const NASKH_REGULAR: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
const NASKH_BOLD: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf");
const SANS_ARABIC_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansArabic-Regular.ttf");
const SANS_ARABIC_BOLD: &[u8] = include_bytes!("../../fonts/NotoSansArabic-Bold.ttf");
const SANS_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");

/// Every bundled face with its file name (without extension), for renderers other than egui
/// (the briefing PDF and HTML embed the same files).
pub const FACES: [(&str, &[u8]); 6] = [
    ("NotoNaskhArabic-Regular", NASKH_REGULAR),
    ("NotoNaskhArabic-Bold", NASKH_BOLD),
    ("NotoSansArabic-Regular", SANS_ARABIC_REGULAR),
    ("NotoSansArabic-Bold", SANS_ARABIC_BOLD),
    ("NotoSans-Regular", SANS_REGULAR),
    ("NotoSans-Bold", SANS_BOLD),
];

/// Name of the family used for reading text (paragraphs, multi-line editors): Noto Naskh Arabic.
pub const TEXT_FAMILY: &str = "marsad-text";
/// Bold variant of [`TEXT_FAMILY`].
pub const TEXT_BOLD_FAMILY: &str = "marsad-text-bold";
/// Bold variant of the UI face ([`FontFamily::Proportional`], Noto Sans Arabic).
pub const UI_BOLD_FAMILY: &str = "marsad-ui-bold";

/// The Latin-first twins of the four families, for left-to-right paragraphs: the Arabic
/// faces' digits, spaces and full stops sit higher and look smaller next to Noto Sans
/// letters (egui aligns each face on its own metrics), so a Latin paragraph takes them from
/// Noto Sans and only its Arabic letters from the Arabic face.
const LATIN_FIRST: [(&str, &str); 4] = [
    (TEXT_FAMILY, "marsad-text-latin"),
    (TEXT_BOLD_FAMILY, "marsad-text-bold-latin"),
    ("", "marsad-ui-latin"),
    (UI_BOLD_FAMILY, "marsad-ui-bold-latin"),
];

/// The family a left-to-right paragraph uses instead of `family` (itself when it has no
/// Latin-first twin, e.g. monospace).
pub fn latin_first(family: &FontFamily) -> FontFamily {
    let name = match family {
        FontFamily::Proportional => "",
        FontFamily::Name(n) => n,
        FontFamily::Monospace => return family.clone(),
    };
    LATIN_FIRST
        .iter()
        .find(|(from, _)| *from == name)
        .map_or_else(|| family.clone(), |(_, to)| FontFamily::Name((*to).into()))
}

/// The font family for reading text (Noto Naskh Arabic, then Noto Sans).
pub fn text_family(bold: bool) -> FontFamily {
    FontFamily::Name(if bold { TEXT_BOLD_FAMILY } else { TEXT_FAMILY }.into())
}

/// The font family for UI text (Noto Sans Arabic, then Noto Sans).
pub fn ui_family(bold: bool) -> FontFamily {
    if bold {
        FontFamily::Name(UI_BOLD_FAMILY.into())
    } else {
        FontFamily::Proportional
    }
}

/// A UI-face [`FontId`] of the given size.
pub fn ui_font(size: f32, bold: bool) -> FontId {
    FontId::new(size, ui_family(bold))
}

/// Builds the font definitions: ours first, in a fixed order, then egui's defaults as fallbacks.
///
/// The Arabic face comes first in every family so that spaces and digits inside Arabic
/// text come from the Arabic design; Noto Sans supplies Latin letters, brackets and the
/// remaining punctuation; egui's own fonts (Ubuntu, emoji, icons) stay as last resort.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    for (name, bytes) in FACES {
        defs.font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let fallbacks = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    // Hack (egui's monospace face) draws the arrows and triangles the UI uses (▲ ← →) that
    // the Noto text faces lack; the emoji faces cover ⚠ ✖ and emoji in user text.
    let chain = |first: &[&str]| -> Vec<String> {
        first
            .iter()
            .map(|s| (*s).to_owned())
            .chain(fallbacks.iter().cloned())
            .chain(std::iter::once("Hack".to_owned()))
            .collect()
    };
    let ui_regular = chain(&["NotoSansArabic-Regular", "NotoSans-Regular"]);
    defs.families.insert(FontFamily::Proportional, ui_regular);
    defs.families.insert(
        FontFamily::Name(UI_BOLD_FAMILY.into()),
        chain(&["NotoSansArabic-Bold", "NotoSans-Bold"]),
    );
    defs.families.insert(
        FontFamily::Name(TEXT_FAMILY.into()),
        chain(&["NotoNaskhArabic-Regular", "NotoSans-Regular"]),
    );
    defs.families.insert(
        FontFamily::Name(TEXT_BOLD_FAMILY.into()),
        chain(&["NotoNaskhArabic-Bold", "NotoSans-Bold"]),
    );
    let latin = [
        ["NotoNaskhArabic-Regular", "NotoSans-Regular"],
        ["NotoNaskhArabic-Bold", "NotoSans-Bold"],
        ["NotoSansArabic-Regular", "NotoSans-Regular"],
        ["NotoSansArabic-Bold", "NotoSans-Bold"],
    ];
    for ((_, name), [arabic, sans]) in LATIN_FIRST.iter().zip(latin) {
        defs.families
            .insert(FontFamily::Name((*name).into()), chain(&[sans, arabic]));
    }
    // Monospace keeps Hack first; Arabic in code-like fields falls back to our faces.
    if let Some(mono) = defs.families.get_mut(&FontFamily::Monospace) {
        mono.insert(1, "NotoSansArabic-Regular".to_owned());
        mono.insert(2, "NotoSans-Regular".to_owned());
    }
    defs
}

/// Installs Marsad's fonts into `ctx`. Call once at start-up (and in tests).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_starts_with_our_faces() {
        let defs = definitions();
        let first = |f: FontFamily| defs.families.get(&f).and_then(|v| v.first().cloned());
        assert_eq!(
            first(FontFamily::Proportional).as_deref(),
            Some("NotoSansArabic-Regular")
        );
        assert_eq!(
            first(text_family(false)).as_deref(),
            Some("NotoNaskhArabic-Regular")
        );
        assert_eq!(
            first(text_family(true)).as_deref(),
            Some("NotoNaskhArabic-Bold")
        );
        assert_eq!(
            first(ui_family(true)).as_deref(),
            Some("NotoSansArabic-Bold")
        );
        for f in [
            text_family(false),
            text_family(true),
            ui_family(false),
            ui_family(true),
        ] {
            let twin = latin_first(&f);
            assert_ne!(twin, f);
            let first = defs.families.get(&twin).and_then(|v| v.first().cloned());
            assert!(
                first.is_some_and(|n| n.starts_with("NotoSans-")),
                "{twin:?}"
            );
        }
        assert_eq!(latin_first(&FontFamily::Monospace), FontFamily::Monospace);
        for names in defs.families.values() {
            for name in names {
                assert!(defs.font_data.contains_key(name), "{name}");
            }
        }
    }

    /// Symbols the UI draws (sort arrows, warnings, remove buttons) and emoji in user text
    /// must have a face, or they would show as boxes.
    #[test]
    fn ui_symbols_and_emoji_have_a_face() {
        let ctx = egui::Context::default();
        install(&ctx);
        ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Panic);
        let mut out = ctx.run_ui(Default::default(), |ui| {
            for family in [
                FontFamily::Proportional,
                text_family(false),
                ui_family(true),
            ] {
                let job = egui::text::LayoutJob::simple_singleline(
                    "▲▼←→⚠✖×·… 😀 المغرب (BCIJ) ٢٠٢٢".to_owned(),
                    FontId::new(14.0, family),
                    egui::Color32::BLACK,
                );
                let galley = ui.fonts_mut(|f| f.layout_job(job));
                assert!(galley.size().x > 0.0);
            }
        });
        out.textures_delta.clear();
    }
}
