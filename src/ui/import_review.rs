//! The import window: how the file is read (format, encoding, CSV columns, saved mappings),
//! what it would change, its problems with their lines, the records the store already holds
//! (merge, skip or keep both each), then the report of the finished import.

use super::widgets::{button_ui, combo_ui, form_row_ui};
use crate::app::AppState;
use crate::app::import_review::{
    ImportReview, choose_all, choose_format, format_choices, reread, save_mapping, start_write,
    use_saved_mapping,
};
use crate::i18n::{Lang, Msg, vocab};
use crate::import::csv_mapping::fields_for;
use crate::import::duplicates::{DuplicateKind, MatchReason, Resolution};
use crate::import::{CsvField, CsvTable, EncodingChoice, Problem};
use crate::store::{ImportCounts, ImportSummary};
use crate::text::{self, TextField};
use egui::{Context, Ui};

/// The import window, while a file is under review or its report is shown.
pub fn import_window_ui(ctx: &Context, state: &mut AppState) {
    let Some(review) = state.import.as_ref() else {
        return;
    };
    let file = review
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = format!("{} {file}", state.tr(Msg::ImportNow));
    let mut open = true;
    egui::Window::new(text::widget_text(ctx, &title))
        .id(egui::Id::unique("import-review"))
        .open(&mut open)
        .default_size([820.0, 720.0])
        .show(ctx, |ui| {
            // A right-to-left window that sizes itself to its content ends up with no width
            // (NaN) when the content is made of right-aligned rows; give it one.
            ui.set_width(ui.available_width().clamp(600.0, 1100.0));
            text::column_ui(ui, |ui| {
                if state.import.as_ref().is_some_and(|r| r.report.is_some()) {
                    report_ui(ui, state);
                } else {
                    review_ui(ui, state);
                }
            });
        });
    let busy = state.import.as_ref().is_some_and(ImportReview::busy);
    if !open && !busy {
        state.import = None;
    }
}

fn review_ui(ui: &mut Ui, state: &mut AppState) {
    reading_options_ui(ui, state);
    let Some(review) = state.import.as_ref() else {
        return;
    };
    if review.headers.is_some() {
        ui.separator();
        mapping_ui(ui, state);
    }
    ui.separator();
    let Some(review) = state.import.as_ref() else {
        return;
    };
    if review.busy() {
        text::row_ui(ui, |ui| {
            ui.spinner();
            text::weak(ui, state.tr(Msg::ReadingFile));
        });
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
        return;
    }
    if let Some(e) = &review.error {
        let e = e.clone();
        text::rich(ui, &e, error_style());
        return;
    }
    let lang = state.lang();
    let height = (ui.available_height() - 48.0).max(120.0);
    egui::ScrollArea::vertical()
        .max_height(height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if let Some(review) = state.import.as_ref() {
                if let Some(preview) = &review.preview {
                    summary_ui(ui, lang, preview);
                }
                if let Some(p) = &review.prepared {
                    problems_ui(ui, lang, &p.plan.problems);
                }
            }
            duplicates_ui(ui, state);
        });
    ui.separator();
    text::row_ui(ui, |ui| {
        let ready = state.import.as_ref().is_some_and(|r| r.prepared.is_some());
        let import = ui.add_enabled_ui(ready, |ui| button_ui(ui, state.tr(Msg::ImportNow)));
        if import.inner.clicked() {
            start_write(state);
        }
        if button_ui(ui, state.tr(Msg::Cancel)).clicked() {
            state.import = None;
        }
    });
}

fn error_style() -> text::TextStyleSpec {
    text::TextStyleSpec {
        color: Some(egui::Color32::from_rgb(190, 40, 40)),
        wrap: true,
        ..Default::default()
    }
}

/// Format and encoding; changing either reads the file again.
fn reading_options_ui(ui: &mut Ui, state: &mut AppState) {
    let Some(review) = state.import.as_ref() else {
        return;
    };
    let current: Option<&'static str> = match review.csv_table() {
        Some(t) => Some(t.format_name()),
        None => format_choices()
            .into_iter()
            .flatten()
            .find(|f| review.opts.format.as_deref() == Some(*f)),
    };
    let mut format = current;
    let mut encoding = review.opts.encoding;
    let auto = state.tr(Msg::Recognise);
    let changed_format = form_row_ui(ui, state.tr(Msg::FileFormat), |ui| {
        combo_ui(ui, "import-format", &mut format, &format_choices(), |f| {
            f.unwrap_or(auto)
        })
    });
    let changed_encoding = form_row_ui(ui, state.tr(Msg::TextEncoding), |ui| {
        combo_ui(
            ui,
            "import-encoding",
            &mut encoding,
            EncodingChoice::ALL,
            |e| {
                if e == EncodingChoice::Auto {
                    auto
                } else {
                    e.code()
                }
            },
        )
    });
    if changed_encoding && let Some(r) = state.import.as_mut() {
        r.opts.encoding = encoding;
        if r.headers.is_some() {
            // Headers in another encoding are other headers.
            let table = r.csv_table();
            return choose_format(state, table.map(CsvTable::format_name));
        }
        return reread(state);
    }
    if changed_format {
        choose_format(state, format);
    }
}

/// Which field each column fills, with saved mappings to reuse and a name to save under.
fn mapping_ui(ui: &mut Ui, state: &mut AppState) {
    let lang = state.lang();
    text::strong(ui, state.tr(Msg::CsvColumns));
    let Some(review) = state.import.as_mut() else {
        return;
    };
    let Some(mapping) = review.opts.mapping.as_mut() else {
        return;
    };
    let mut options: Vec<Option<CsvField>> = vec![None];
    options.extend(fields_for(mapping.table).into_iter().map(Some));
    let ignored = crate::i18n::tr(lang, Msg::ColumnIgnored);
    let mut changed = false;
    egui::ScrollArea::vertical()
        .id_salt("import-columns")
        .max_height(180.0)
        .show(ui, |ui| {
            for (i, column) in mapping.columns.iter_mut().enumerate() {
                text::row_ui(ui, |ui| {
                    ui.allocate_ui(egui::vec2(220.0, 20.0), |ui| {
                        ui.set_width(220.0);
                        text::cell(ui, &column.header)
                    });
                    let id = format!("import-column-{i}");
                    changed |= combo_ui(ui, &id, &mut column.field, &options, |f| match f {
                        Some(f) => field_label(lang, f),
                        None => ignored.to_owned(),
                    });
                });
            }
        });
    if changed {
        return reread(state);
    }
    saved_mappings_ui(ui, state);
}

fn saved_mappings_ui(ui: &mut Ui, state: &mut AppState) {
    let names: Vec<String> = state.settings.csv_mappings.keys().cloned().collect();
    let mut chosen: Option<String> = None;
    text::row_ui(ui, |ui| {
        if !names.is_empty() {
            let caption = state.tr(Msg::SavedMappings);
            let r = egui::ComboBox::from_id_salt("import-saved-mappings")
                .selected_text(text::widget_text(ui, caption))
                .show_ui(ui, |ui| {
                    for n in &names {
                        if super::widgets::selectable_ui(ui, false, n).clicked() {
                            chosen = Some(n.clone());
                        }
                    }
                });
            super::widgets::name_widget(ui, &r.response, caption);
        }
        let name_caption = state.tr(Msg::MappingName);
        let save = state.tr(Msg::SaveMapping);
        if let Some(review) = state.import.as_mut() {
            TextField::singleline(&mut review.mapping_name)
                .label(name_caption)
                .hint(name_caption)
                .desired_width(200.0)
                .show(ui);
        }
        if button_ui(ui, save).clicked() {
            save_mapping(state);
        }
    });
    if let Some(name) = chosen {
        use_saved_mapping(state, &name);
    }
}

/// Created, updated and unchanged records per kind.
fn summary_ui(ui: &mut Ui, lang: Lang, s: &ImportSummary) {
    let tr = |m| crate::i18n::tr(lang, m);
    let rows: [(Msg, &ImportCounts); 7] = [
        (Msg::Events, &s.events),
        (Msg::Actors, &s.actors),
        (Msg::Sources, &s.sources),
        (Msg::Excerpts, &s.excerpts),
        (Msg::Participants, &s.participations),
        (Msg::Relations, &s.relations),
        (Msg::Evidence, &s.evidence),
    ];
    // Rows of fixed-width cells rather than an egui::Grid, which loses its width (NaN) in a
    // right-to-left window; row_ui puts the first cell at the start edge in either direction.
    let header = ["", tr(Msg::Created), tr(Msg::Updated), tr(Msg::Unchanged)];
    counts_row_ui(ui, header.map(str::to_owned), true);
    for (msg, c) in rows {
        if c.created + c.updated + c.unchanged == 0 {
            continue;
        }
        let cells = [
            tr(msg).to_owned(),
            c.created.to_string(),
            c.updated.to_string(),
            c.unchanged.to_string(),
        ];
        counts_row_ui(ui, cells, false);
    }
}

fn counts_row_ui(ui: &mut Ui, cells: [String; 4], header: bool) {
    text::row_ui(ui, |ui| {
        for (i, cell) in cells.iter().enumerate() {
            let width = if i == 0 { 130.0 } else { 90.0 };
            ui.allocate_ui(egui::vec2(width, 20.0), |ui| {
                ui.set_width(width);
                if header {
                    text::strong(ui, cell)
                } else {
                    text::label(ui, cell)
                }
            });
        }
    });
}

/// Problems that did not stop the import, each with its line, column and field.
fn problems_ui(ui: &mut Ui, lang: Lang, problems: &[Problem]) {
    if problems.is_empty() {
        return;
    }
    let tr = |m| crate::i18n::tr(lang, m);
    ui.add_space(6.0);
    text::strong(
        ui,
        &format!("{} ({})", tr(Msg::ImportProblems), problems.len()),
    );
    for p in problems.iter().take(500) {
        text::label(ui, &problem_line(lang, p));
    }
    if problems.len() > 500 {
        text::weak(ui, &format!("… +{}", problems.len() - 500));
    }
}

/// "line 3، column 2، «date»: …" in the UI language; the message itself is the importer's.
pub fn problem_line(lang: Lang, p: &Problem) -> String {
    let tr = |m| crate::i18n::tr(lang, m);
    let sep = if lang == Lang::Ar { "، " } else { ", " };
    let mut parts = Vec::new();
    if let Some(l) = p.line {
        parts.push(format!("{} {l}", tr(Msg::LineNo)));
    }
    if let Some(c) = p.column {
        parts.push(format!("{} {c}", tr(Msg::ColumnNo)));
    }
    if let Some(f) = &p.field {
        parts.push(format!("«{}»", text::isolate(f)));
    }
    let place = parts.join(sep);
    if place.is_empty() {
        text::isolate(&p.message)
    } else {
        format!("{place}: {}", text::isolate(&p.message))
    }
}

/// The records the store already holds, each with its choice, and one choice for all.
fn duplicates_ui(ui: &mut Ui, state: &mut AppState) {
    let lang = state.lang();
    let tr = |m| crate::i18n::tr(lang, m);
    let Some(review) = state.import.as_ref() else {
        return;
    };
    let Some(prepared) = &review.prepared else {
        return;
    };
    if prepared.duplicates.is_empty() {
        return;
    }
    ui.add_space(6.0);
    text::strong(
        ui,
        &format!("{} ({})", tr(Msg::AlreadyStored), prepared.duplicates.len()),
    );
    let mut all: Option<Resolution> = None;
    text::row_ui(ui, |ui| {
        text::weak(ui, tr(Msg::ForAll));
        for r in Resolution::ALL {
            if button_ui(ui, &resolution_label(lang, r)).clicked() {
                all = Some(r);
            }
        }
    });
    if let Some(r) = all {
        return choose_all(state, r);
    }
    let Some(review) = state.import.as_mut() else {
        return;
    };
    let Some(prepared) = &review.prepared else {
        return;
    };
    for (i, (d, choice)) in prepared
        .duplicates
        .iter()
        .zip(review.choices.iter_mut())
        .enumerate()
    {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            text::column_ui(ui, |ui| {
                let kind = match d.kind {
                    DuplicateKind::Actor => tr(Msg::Actors),
                    DuplicateKind::Source => tr(Msg::Sources),
                    DuplicateKind::Event => tr(Msg::Events),
                };
                text::strong(
                    ui,
                    &format!(
                        "{kind}: {} ⟷ {}",
                        text::isolate(&d.incoming_label),
                        text::isolate(&d.existing_label)
                    ),
                );
                text::row_ui(ui, |ui| {
                    text::weak(ui, &reason_label(lang, &d.reason));
                    let id = format!("import-duplicate-{i}");
                    combo_ui(ui, &id, choice, &Resolution::ALL, |r| {
                        resolution_label(lang, r)
                    });
                });
            });
        });
    }
}

fn reason_label(lang: Lang, r: &MatchReason) -> String {
    let tr = |m| crate::i18n::tr(lang, m);
    match r {
        MatchReason::Name(n) => format!("{} «{}»", tr(Msg::SameName), text::isolate(n)),
        MatchReason::Url(u) => format!("{} {}", tr(Msg::SameUrl), text::isolate(u)),
        MatchReason::Title => tr(Msg::SameTitle).to_owned(),
        MatchReason::DateTypeActors => tr(Msg::SameDateTypeActors).to_owned(),
    }
}

fn resolution_label(lang: Lang, r: Resolution) -> String {
    let m = match r {
        Resolution::Merge => Msg::MergeRecords,
        Resolution::Skip => Msg::SkipRecord,
        Resolution::KeepBoth => Msg::KeepBoth,
    };
    crate::i18n::tr(lang, m).to_owned()
}

/// What the finished import did.
fn report_ui(ui: &mut Ui, state: &mut AppState) {
    let lang = state.lang();
    let tr = |m| crate::i18n::tr(lang, m);
    let Some(report) = state.import.as_ref().and_then(|r| r.report.clone()) else {
        return;
    };
    text::heading(ui, tr(Msg::ImportFinished));
    let height = (ui.available_height() - 48.0).max(120.0);
    egui::ScrollArea::vertical()
        .max_height(height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            summary_ui(ui, lang, &report.summary);
            let d = &report.duplicates;
            if d.merged + d.skipped + d.kept_both > 0 {
                ui.add_space(6.0);
                text::label(
                    ui,
                    &format!(
                        "{}: {} {} · {} {} · {} {}",
                        tr(Msg::Duplicates),
                        tr(Msg::MergeRecords),
                        d.merged,
                        tr(Msg::SkipRecord),
                        d.skipped,
                        tr(Msg::KeepBoth),
                        d.kept_both
                    ),
                );
            }
            problems_ui(ui, lang, &report.problems);
        });
    ui.separator();
    if button_ui(ui, tr(Msg::Close)).clicked() {
        state.import = None;
    }
}

/// A field's name in the UI language, for the column-mapping drop-downs.
pub fn field_label(lang: Lang, f: CsvField) -> String {
    use CsvField::*;
    let [ar, en, fr] = match f {
        Id => ["المعرّف (UUID)", "Id (UUID)", "Identifiant (UUID)"],
        Kind => ["النوع", "Type", "Type"],
        Title => ["العنوان أو الاسم", "Title or name", "Titre ou nom"],
        TitleAr => ["العنوان بالعربية", "Arabic title", "Titre arabe"],
        TitleEn => ["العنوان بالإنجليزية", "English title", "Titre anglais"],
        NameAr => ["الاسم بالعربية", "Arabic name", "Nom arabe"],
        NameEn => ["الاسم بالإنجليزية", "English name", "Nom anglais"],
        NameFr => ["الاسم بالفرنسية", "French name", "Nom français"],
        Acronym => ["الاختصار", "Acronym", "Sigle"],
        Aliases => ["أسماء أخرى (;)", "Other names (;)", "Autres noms (;)"],
        Description => ["الوصف", "Description", "Description"],
        Start => ["تاريخ البداية", "Start date", "Date de début"],
        End => ["تاريخ النهاية", "End date", "Date de fin"],
        DateAsWritten => ["التاريخ كما ورد", "Date as written", "Date telle qu’écrite"],
        Place => ["المكان", "Place", "Lieu"],
        Country => ["البلد", "Country", "Pays"],
        Latitude => ["خط العرض", "Latitude", "Latitude"],
        Longitude => ["خط الطول", "Longitude", "Longitude"],
        Tags => ["الوسوم (;)", "Tags (;)", "Étiquettes (;)"],
        Actors => ["الفاعلون (;)", "Actors (;)", "Acteurs (;)"],
        ActorsAs(role) => {
            let caption = ["الفاعلون بصفة", "Actors as", "Acteurs comme"];
            let i = lang_index(lang);
            return format!("{} {}", caption[i], vocab::role(lang, role));
        }
        ActiveFrom => ["نشط منذ", "Active from", "Actif depuis"],
        ActiveTo => ["نشط حتى", "Active until", "Actif jusqu’à"],
        Outlet => [
            "المنبر أو الناشر",
            "Outlet or publisher",
            "Média ou éditeur",
        ],
        Authors => ["الكتّاب (;)", "Authors (;)", "Auteurs (;)"],
        Language => ["اللغة", "Language", "Langue"],
        Published => ["تاريخ النشر", "Published", "Date de publication"],
        Url => ["الرابط", "URL", "URL"],
        Accessed => ["تاريخ الاطلاع", "Accessed", "Consulté le"],
        Reliability => ["الموثوقية (A–F)", "Reliability (A–F)", "Fiabilité (A–F)"],
        Notes => ["ملاحظات", "Notes", "Notes"],
        FullText => ["النص الكامل", "Full text", "Texte intégral"],
    };
    [ar, en, fr][lang_index(lang)].to_owned()
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Ar => 0,
        Lang::En => 1,
        Lang::Fr => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_lines_name_line_column_and_field_in_the_ui_language() {
        let p = Problem {
            line: Some(3),
            column: Some(2),
            field: Some("date".into()),
            message: "not a date".into(),
        };
        assert_eq!(
            problem_line(Lang::En, &p),
            "line 3, column 2, «\u{2068}date\u{2069}»: \u{2068}not a date\u{2069}"
        );
        assert!(problem_line(Lang::Ar, &p).starts_with("السطر 3، العمود 2"));
    }

    #[test]
    fn every_field_of_every_table_has_a_label_in_every_language() {
        for table in [CsvTable::Events, CsvTable::Actors, CsvTable::Sources] {
            for f in fields_for(table) {
                for lang in Lang::ALL {
                    assert!(!field_label(lang, f).is_empty());
                }
            }
        }
        assert_eq!(field_label(Lang::Ar, CsvField::TitleAr), "العنوان بالعربية");
    }
}
