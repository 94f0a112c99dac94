//! The words a briefing prints around the data, in Arabic and English: headings, column
//! names, vocabulary labels, dates and the grading scales.

use crate::model::{
    ActorKind, BriefingLanguage, Credibility, EventKind, PartialDate, Precision, RelationKind,
    Reliability, Role, SectionKind, SourceKind,
};
use serde::Serialize;

/// Fixed terms of one language, passed as they are to templates.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Terms {
    /// "Contents".
    pub contents: &'static str,
    /// "Page".
    pub page: &'static str,
    /// "of", as in page 3 of 9.
    pub of: &'static str,
    /// Chronology column: date.
    pub date: &'static str,
    /// Chronology column: event.
    pub event: &'static str,
    /// Chronology column: actors.
    pub actors: &'static str,
    /// Chronology column: sources.
    pub sources: &'static str,
    /// "Type".
    pub kind: &'static str,
    /// "Place".
    pub place: &'static str,
    /// "Roles".
    pub roles: &'static str,
    /// "Relations".
    pub relations: &'static str,
    /// "Events".
    pub events: &'static str,
    /// "Reliability".
    pub reliability: &'static str,
    /// "Credibility".
    pub credibility: &'static str,
    /// "Translation".
    pub translation: &'static str,
    /// "Undated".
    pub undated: &'static str,
    /// "No supporting source is recorded for this event."
    pub no_source: &'static str,
    /// "Prepared by".
    pub author: &'static str,
    /// "Accessed".
    pub accessed: &'static str,
    /// "Supports N events".
    pub supports: &'static str,
    /// Heading of the endnotes.
    pub notes: &'static str,
}

const AR: Terms = Terms {
    contents: "المحتويات",
    page: "صفحة",
    of: "من",
    date: "التاريخ",
    event: "الحدث",
    actors: "الفاعلون",
    sources: "المصادر",
    kind: "النوع",
    place: "المكان",
    roles: "الأدوار",
    relations: "العلاقات",
    events: "الأحداث",
    reliability: "موثوقية المصدر",
    credibility: "مصداقية المعلومة",
    translation: "ترجمة",
    undated: "غير مؤرخ",
    no_source: "لا يوجد مصدر مسجل يدعم هذا الحدث.",
    author: "إعداد",
    accessed: "تاريخ الاطلاع",
    supports: "عدد الأحداث التي يدعمها",
    notes: "الهوامش",
};

const EN: Terms = Terms {
    contents: "Contents",
    page: "Page",
    of: "of",
    date: "Date",
    event: "Event",
    actors: "Actors",
    sources: "Sources",
    kind: "Type",
    place: "Place",
    roles: "Roles",
    relations: "Relations",
    events: "Events",
    reliability: "Source reliability",
    credibility: "Information credibility",
    translation: "Translation",
    undated: "Undated",
    no_source: "No supporting source is recorded for this event.",
    author: "Prepared by",
    accessed: "Accessed",
    supports: "Events supported",
    notes: "Notes",
};

/// The fixed terms of a language.
pub fn terms(lang: BriefingLanguage) -> &'static Terms {
    match lang {
        BriefingLanguage::Ar => &AR,
        BriefingLanguage::En => &EN,
    }
}

fn pick(lang: BriefingLanguage, ar: &'static str, en: &'static str) -> &'static str {
    match lang {
        BriefingLanguage::Ar => ar,
        BriefingLanguage::En => en,
    }
}

/// The right-to-left mark in Arabic, nothing in English.
pub fn mark(lang: BriefingLanguage) -> &'static str {
    pick(lang, "\u{200F}", "")
}

/// The separator between list items. In Arabic a right-to-left mark precedes the comma:
/// without it two Latin items ("FBI، DGST") would join into one left-to-right run and read
/// in reverse order.
pub fn list_sep(lang: BriefingLanguage) -> &'static str {
    pick(lang, "\u{200F}، ", ", ")
}

/// A section's heading.
pub fn section(lang: BriefingLanguage, kind: SectionKind) -> &'static str {
    use SectionKind::*;
    match kind {
        ExecutiveSummary => pick(lang, "الملخص التنفيذي", "Executive summary"),
        KeyJudgements => pick(lang, "الأحكام الرئيسية", "Key judgements"),
        Chronology => pick(lang, "التسلسل الزمني", "Chronology"),
        Narratives => pick(lang, "وقائع الأحداث", "Event narratives"),
        KeyActors => pick(lang, "الفاعلون الرئيسيون", "Key actors"),
        Sources => pick(lang, "المصادر", "Sources"),
        Methodology => pick(lang, "ملاحظة منهجية", "Methodology note"),
        TimelineFigure => pick(lang, "الخط الزمني", "Timeline"),
        NetworkFigure => pick(lang, "شبكة الفاعلين", "Actor network"),
    }
}

/// An event type's label.
pub fn event_kind(lang: BriefingLanguage, kind: EventKind) -> &'static str {
    use EventKind::*;
    match kind {
        Arrest => pick(lang, "اعتقال", "Arrest"),
        CellDismantled => pick(lang, "تفكيك خلية", "Cell dismantled"),
        Attack => pick(lang, "هجوم", "Attack"),
        AttackFoiled => pick(lang, "إحباط هجوم", "Attack foiled"),
        OfficialVisit => pick(lang, "زيارة رسمية", "Official visit"),
        AgreementSigned => pick(lang, "توقيع اتفاق", "Agreement signed"),
        JointExercise => pick(lang, "تمرين مشترك", "Joint exercise"),
        Training => pick(lang, "تدريب", "Training"),
        IntelligenceSharing => pick(lang, "تبادل معلومات استخباراتية", "Intelligence sharing"),
        Statement => pick(lang, "تصريح", "Statement"),
        DiplomaticRecognition => pick(lang, "اعتراف دبلوماسي", "Diplomatic recognition"),
        Conference => pick(lang, "مؤتمر", "Conference"),
        EquipmentTransfer => pick(lang, "نقل معدات", "Equipment transfer"),
        Extradition => pick(lang, "تسليم مطلوبين", "Extradition"),
        Other => pick(lang, "أخرى", "Other"),
    }
}

/// A role's label.
pub fn role(lang: BriefingLanguage, role: Role) -> &'static str {
    use Role::*;
    match role {
        Organiser => pick(lang, "منظِّم", "organiser"),
        Host => pick(lang, "مضيف", "host"),
        Visitor => pick(lang, "زائر", "visitor"),
        Partner => pick(lang, "شريك", "partner"),
        ArrestingBody => pick(lang, "جهة الاعتقال", "arresting body"),
        Suspect => pick(lang, "مشتبه به", "suspect"),
        Target => pick(lang, "مستهدَف", "target"),
        Signatory => pick(lang, "موقِّع", "signatory"),
        Beneficiary => pick(lang, "مستفيد", "beneficiary"),
        InformationProvider => pick(lang, "مصدر المعلومات", "information provider"),
        Participant => pick(lang, "مشارك", "participant"),
        Mentioned => pick(lang, "مذكور", "mentioned"),
    }
}

/// An actor kind's label.
pub fn actor_kind(lang: BriefingLanguage, kind: ActorKind) -> &'static str {
    use ActorKind::*;
    match kind {
        State => pick(lang, "دولة", "State"),
        GovernmentBody => pick(lang, "هيئة حكومية", "Government body"),
        SecurityService => pick(lang, "جهاز أمني أو استخباراتي", "Security service"),
        Military => pick(lang, "قوات مسلحة", "Military"),
        PoliceJudicial => pick(lang, "شرطة أو قضاء", "Police or judiciary"),
        Person => pick(lang, "شخص", "Person"),
        ArmedGroup => pick(lang, "جماعة مسلحة", "Armed group"),
        InternationalOrg => pick(lang, "منظمة دولية", "International organisation"),
        MediaOutlet => pick(lang, "وسيلة إعلام", "Media outlet"),
        Other => pick(lang, "أخرى", "Other"),
    }
}

/// A relation kind as the verb between two names ("A cooperates with B").
pub fn relation_kind(lang: BriefingLanguage, kind: RelationKind) -> &'static str {
    use RelationKind::*;
    match kind {
        PartOf => pick(lang, "جزء من", "is part of"),
        Heads => pick(lang, "يرأس", "heads"),
        MemberOf => pick(lang, "عضو في", "is a member of"),
        AlliedWith => pick(lang, "متحالف مع", "is allied with"),
        CooperatesWith => pick(lang, "يتعاون مع", "cooperates with"),
        Trains => pick(lang, "يدرّب", "trains"),
        Opposes => pick(lang, "يعارض", "opposes"),
        AffiliatedWith => pick(lang, "مرتبط بـ", "is affiliated with"),
    }
}

/// A source kind's label.
pub fn source_kind(lang: BriefingLanguage, kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::NewsArticle => pick(lang, "مقال إخباري", "News article"),
        SourceKind::Analysis => pick(lang, "تحليل", "Analysis"),
        SourceKind::OfficialStatement => pick(lang, "بيان رسمي", "Official statement"),
        SourceKind::Report => pick(lang, "تقرير", "Report"),
        SourceKind::Book => pick(lang, "كتاب", "Book"),
        SourceKind::WebPage => pick(lang, "صفحة ويب", "Web page"),
        SourceKind::Interview => pick(lang, "مقابلة", "Interview"),
    }
}

/// What a reliability grade means (Admiralty scale). The Arabic is written without tashkeel:
/// these words end every note, and typst 0.15 puts a letter with a positioned mark into the
/// PDF's extractable text twice («حدّدّ»).
pub fn reliability(lang: BriefingLanguage, grade: Reliability) -> &'static str {
    use Reliability::*;
    match grade {
        A => pick(lang, "موثوق تماما", "completely reliable"),
        B => pick(lang, "موثوق عادة", "usually reliable"),
        C => pick(lang, "موثوق إلى حد ما", "fairly reliable"),
        D => pick(lang, "غير موثوق عادة", "not usually reliable"),
        E => pick(lang, "غير موثوق", "unreliable"),
        F => pick(
            lang,
            "لا يمكن الحكم على موثوقيته",
            "reliability cannot be judged",
        ),
    }
}

/// What a credibility grade means (Admiralty scale).
pub fn credibility(lang: BriefingLanguage, grade: Credibility) -> &'static str {
    match grade.value() {
        1 => pick(lang, "مؤكدة من مصادر أخرى", "confirmed by other sources"),
        2 => pick(lang, "صحيحة على الأرجح", "probably true"),
        3 => pick(lang, "صحيحة ربما", "possibly true"),
        4 => pick(lang, "مشكوك فيها", "doubtful"),
        5 => pick(lang, "مستبعدة", "improbable"),
        _ => pick(lang, "لا يمكن الحكم على صحتها", "truth cannot be judged"),
    }
}

/// A partial date written out: "19 يناير 2021", "January 2021", "c. 1777".
pub fn date(lang: BriefingLanguage, d: PartialDate) -> String {
    let ui_lang = match lang {
        BriefingLanguage::Ar => crate::i18n::Lang::Ar,
        BriefingLanguage::En => crate::i18n::Lang::En,
    };
    let month = |m: Option<u8>| m.map_or("", |m| crate::i18n::vocab::month(ui_lang, m));
    let body = match d.precision() {
        Precision::Year => d.year_value().to_string(),
        Precision::Month => format!("{} {}", month(d.month_value()), d.year_value()),
        Precision::Day => format!(
            "{} {} {}",
            d.day_value().unwrap_or(1),
            month(d.month_value()),
            d.year_value()
        ),
    };
    if d.is_circa() {
        format!("{} {body}", pick(lang, "حوالي", "c."))
    } else {
        body
    }
}

/// An event's date or span, or the "undated" term.
pub fn span(
    lang: BriefingLanguage,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
) -> String {
    match (start, end) {
        (Some(s), Some(e)) if e != s => format!("{} – {}", date(lang, s), date(lang, e)),
        (Some(s), _) => date(lang, s),
        (None, _) => terms(lang).undated.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::is_arabic;

    #[test]
    fn dates_in_both_languages() {
        let d: PartialDate = "2021-01-19".parse().unwrap();
        assert_eq!(date(BriefingLanguage::Ar, d), "19 يناير 2021");
        assert_eq!(date(BriefingLanguage::En, d), "19 January 2021");
        let m: PartialDate = "2019-08".parse().unwrap();
        assert_eq!(date(BriefingLanguage::En, m), "August 2019");
        let y: PartialDate = "1777".parse().unwrap();
        assert_eq!(date(BriefingLanguage::Ar, y.with_circa(true)), "حوالي 1777");
        assert_eq!(span(BriefingLanguage::Ar, None, None), "غير مؤرخ");
        assert_eq!(
            span(BriefingLanguage::En, Some(m), Some(d)),
            "August 2019 – 19 January 2021"
        );
    }

    #[test]
    fn every_section_has_a_heading_in_both_languages() {
        for k in SectionKind::ALL {
            assert!(!section(BriefingLanguage::Ar, k).is_empty());
            assert!(section(BriefingLanguage::Ar, k).chars().any(is_arabic));
            assert!(!section(BriefingLanguage::En, k).chars().any(is_arabic));
        }
    }
}
