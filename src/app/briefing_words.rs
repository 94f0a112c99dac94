//! The briefing composer's own words in the three UI languages. Words the whole app shares
//! (Delete, From, Tags…) stay in [`crate::i18n`]; these are kept beside the composer so the
//! shared catalogue is not widened for one view. Every word has a text in every language
//! (`match` without a wildcard).

use crate::i18n::Lang;

/// A word or phrase of the briefing composer. The English text is in each doc comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Word {
    /// "+ New briefing"
    NewBriefing,
    /// The timeline's "briefing on the selected period"
    BriefPeriod,
    /// "Untitled briefing"
    Untitled,
    /// "No briefing yet: create one with “+ New briefing”."
    NoBriefings,
    /// "Saved"
    Updated,
    /// "Subtitle"
    Subtitle,
    /// "Author"
    Author,
    /// "Handling line"
    Handling,
    /// "Paper"
    Paper,
    /// "Scope"
    Scope,
    /// "Whole store"
    WholeStore,
    /// "Scope actors"
    ScopeActors,
    /// "Add an actor to the scope…"
    AddActor,
    /// "Events with any of them"
    AnyActor,
    /// "Events with all of them"
    AllActors,
    /// "Event types"
    EventTypes,
    /// "Add a type…"
    AddType,
    /// "Scope tags"
    ScopeTags,
    /// "Minimum source grade"
    MinGrade,
    /// "Hand-picked events (they replace the filters above)"
    PickedEvents,
    /// "Find an event to add…"
    FindEvent,
    /// "+ The event selected in Events"
    AddSelectedEvent,
    /// "Sections"
    Sections,
    /// "Move up"
    MoveUp,
    /// "Move down"
    MoveDown,
    /// "Text"
    SectionText,
    /// "Introduction"
    Introduction,
    /// "Printed only when the app has drawn the figure"
    FigureNote,
    /// "Preview"
    Preview,
    /// "In scope"
    InScope,
    /// "undated"
    Undated,
    /// "without a source"
    Unsupported,
    /// "Notes"
    Notes,
    /// "Export"
    Export,
    /// "Print…"
    Print,
    /// "Delete this briefing? (Undo brings it back.)"
    ConfirmDelete,
    /// "Briefing"
    Briefing,
    /// "Opened for printing:"
    OpenedToPrint,
    /// "No viewer could be opened; the PDF to print is at"
    PrintFileAt,
    /// "New briefing from this range"
    NewFromRange,
    /// "Edit briefing"
    EditBriefing,
    /// "Delete briefing"
    DeleteBriefing,
    /// "Move section"
    MoveSection,
    /// "The preview shows the last valid version:"
    PreviewStale,
    /// "Arabic"
    Arabic,
    /// "English"
    English,
}

/// The word in `lang`.
pub fn word(lang: Lang, w: Word) -> &'static str {
    let (ar, en, fr) = texts(w);
    match lang {
        Lang::Ar => ar,
        Lang::En => en,
        Lang::Fr => fr,
    }
}

fn texts(w: Word) -> (&'static str, &'static str, &'static str) {
    use Word::*;
    match w {
        NewBriefing => ("+ إحاطة جديدة", "+ New briefing", "+ Nouvelle note"),
        BriefPeriod => (
            "إحاطة عن هذه الفترة",
            "Briefing on this period",
            "Note sur cette période",
        ),
        Untitled => ("إحاطة بلا عنوان", "Untitled briefing", "Note sans titre"),
        NoBriefings => (
            "لا توجد إحاطات بعد: أنشئ واحدة بزر «+ إحاطة جديدة».",
            "No briefing yet: create one with “+ New briefing”.",
            "Aucune note pour l'instant : créez-en une avec « + Nouvelle note ».",
        ),
        Updated => ("آخر حفظ", "Saved", "Enregistrée"),
        Subtitle => ("العنوان الفرعي", "Subtitle", "Sous-titre"),
        Author => ("المُعِدّ", "Author", "Auteur"),
        Handling => ("سطر التداول", "Handling line", "Mention de diffusion"),
        Paper => ("حجم الورق", "Paper", "Papier"),
        Scope => ("النطاق", "Scope", "Périmètre"),
        WholeStore => ("كل ما في المخزن", "Whole store", "Toute la base"),
        ScopeActors => ("فاعلو النطاق", "Scope actors", "Acteurs du périmètre"),
        AddActor => (
            "أضف فاعلًا إلى النطاق…",
            "Add an actor to the scope…",
            "Ajouter un acteur…",
        ),
        AnyActor => (
            "الأحداث التي فيها أيٌّ منهم",
            "Events with any of them",
            "Événements avec l'un d'eux",
        ),
        AllActors => (
            "الأحداث التي فيها جميعهم",
            "Events with all of them",
            "Événements avec tous",
        ),
        EventTypes => ("أنواع الأحداث", "Event types", "Types d'événements"),
        AddType => ("أضف نوعًا…", "Add a type…", "Ajouter un type…"),
        ScopeTags => ("وسوم النطاق", "Scope tags", "Étiquettes du périmètre"),
        MinGrade => (
            "أدنى درجة للمصدر",
            "Minimum source grade",
            "Cote minimale de la source",
        ),
        PickedEvents => (
            "أحداث مختارة يدويًا (تحل محل المرشحات أعلاه)",
            "Hand-picked events (they replace the filters above)",
            "Événements choisis (ils remplacent les filtres)",
        ),
        FindEvent => (
            "ابحث عن حدث لإضافته…",
            "Find an event to add…",
            "Chercher un événement…",
        ),
        AddSelectedEvent => (
            "+ الحدث المحدد في «الأحداث»",
            "+ The event selected in Events",
            "+ L'événement sélectionné",
        ),
        Sections => ("الأقسام", "Sections", "Sections"),
        MoveUp => ("انقل للأعلى", "Move up", "Monter"),
        MoveDown => ("انقل للأسفل", "Move down", "Descendre"),
        SectionText => ("نص", "Text", "Texte"),
        Introduction => ("تمهيد", "Introduction", "Introduction"),
        FigureNote => (
            "يُطبع فقط إذا رسم التطبيق الشكل",
            "Printed only when the app has drawn the figure",
            "Imprimée seulement si l'application a dessiné la figure",
        ),
        Preview => ("معاينة", "Preview", "Aperçu"),
        InScope => ("ضمن النطاق", "In scope", "Dans le périmètre"),
        Undated => ("بلا تاريخ", "undated", "sans date"),
        Unsupported => ("بلا مصدر", "without a source", "sans source"),
        Notes => ("الحواشي", "Notes", "Notes"),
        Export => ("تصدير", "Export", "Exporter"),
        Print => ("طباعة…", "Print…", "Imprimer…"),
        ConfirmDelete => (
            "حذف هذه الإحاطة؟ (يمكن التراجع عن ذلك)",
            "Delete this briefing? (Undo brings it back.)",
            "Supprimer cette note ? (Annuler la rétablit.)",
        ),
        Briefing => ("إحاطة", "Briefing", "Note"),
        OpenedToPrint => (
            "فُتح للطباعة:",
            "Opened for printing:",
            "Ouvert pour impression :",
        ),
        PrintFileAt => (
            "تعذّر فتح عارض؛ ملف PDF للطباعة في",
            "No viewer could be opened; the PDF to print is at",
            "Aucun lecteur n'a pu s'ouvrir ; le PDF à imprimer est ici :",
        ),
        NewFromRange => (
            "إحاطة جديدة من هذه الفترة",
            "New briefing from this range",
            "Nouvelle note sur cette période",
        ),
        EditBriefing => ("تعديل الإحاطة", "Edit briefing", "Modifier la note"),
        DeleteBriefing => ("حذف الإحاطة", "Delete briefing", "Supprimer la note"),
        MoveSection => ("نقل قسم", "Move section", "Déplacer une section"),
        PreviewStale => (
            "تعرض المعاينة آخر نسخة صالحة:",
            "The preview shows the last valid version:",
            "L'aperçu montre la dernière version valide :",
        ),
        Arabic => ("العربية", "Arabic", "Arabe"),
        English => ("الإنجليزية", "English", "Anglais"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_differs_between_arabic_and_english() {
        for w in [
            Word::NewBriefing,
            Word::BriefPeriod,
            Word::Scope,
            Word::Print,
            Word::ConfirmDelete,
        ] {
            assert_ne!(word(Lang::Ar, w), word(Lang::En, w));
            assert!(word(Lang::Ar, w).chars().any(crate::model::is_arabic));
        }
    }
}
