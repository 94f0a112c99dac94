//! The words dates are written with, already in [`normalize`](crate::model::normalize)d form
//! (hamza seats, alef maqsura and ta marbuta folded), so one entry covers «أبريل» and «ابريل».

/// Gregorian month names of one word: Egyptian/Gulf, Maghrebi, Algerian/Tunisian, Levantine,
/// English and French spellings.
pub(super) const GREGORIAN_MONTHS: &[(&str, u8)] = &[
    // Egyptian / Gulf, with common hamza-less and variant spellings.
    ("يناير", 1),
    ("فبراير", 2),
    ("فيبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("اغسطوس", 8),
    ("سبتمبر", 9),
    ("سيبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("دیسمبر", 12),
    // Maghrebi (Morocco).
    ("ماي", 5),
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    // Algerian / Tunisian (from French).
    ("جانفي", 1),
    ("فيفري", 2),
    ("افريل", 4),
    ("جوان", 6),
    ("جويليه", 7),
    ("اوت", 8),
    // Levantine / Iraqi (one-word names; the two-word ones are below).
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    // English.
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // French (accents are folded by normalisation).
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
];

/// Levantine month names of two words.
pub(super) const GREGORIAN_TWO_WORD_MONTHS: &[(&str, &str, u8)] = &[
    ("كانون", "الثاني", 1),
    ("كانون", "ثاني", 1),
    ("تشرين", "الاول", 10),
    ("تشرين", "اول", 10),
    ("تشرين", "الثاني", 11),
    ("تشرين", "ثاني", 11),
    ("كانون", "الاول", 12),
    ("كانون", "اول", 12),
];

/// Hijri month names of one word.
pub(super) const HIJRI_MONTHS: &[(&str, u8)] = &[
    ("محرم", 1),
    ("المحرم", 1),
    ("صفر", 2),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
];

/// Hijri month names of two words, with the genitive «ذي» and the variants for the second
/// Rabi' and Jumada.
pub(super) const HIJRI_TWO_WORD_MONTHS: &[(&str, &str, u8)] = &[
    ("ربيع", "الاول", 3),
    ("ربيع", "اول", 3),
    ("ربيع", "الاخر", 4),
    ("ربيع", "الثاني", 4),
    ("ربيع", "ثاني", 4),
    ("جمادي", "الاولي", 5),
    ("جمادي", "الاول", 5),
    ("جمادي", "الاخره", 6),
    ("جمادي", "الاخر", 6),
    ("جمادي", "الثانيه", 6),
    ("جمادي", "الثاني", 6),
    ("ذو", "القعده", 11),
    ("ذي", "القعده", 11),
    ("ذا", "القعده", 11),
    ("ذو", "الحجه", 12),
    ("ذي", "الحجه", 12),
    ("ذا", "الحجه", 12),
];

/// Weekdays, Monday = 1 … Sunday = 7 (ISO numbering).
pub(super) const WEEKDAYS: &[(&str, u8)] = &[
    ("الاثنين", 1),
    ("الاتنين", 1),
    ("الثلاثاء", 2),
    ("الثلاثا", 2),
    ("الاربعاء", 3),
    ("الاربعا", 3),
    ("الخميس", 4),
    ("الجمعه", 5),
    ("السبت", 6),
    ("الاحد", 7),
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
    ("lundi", 1),
    ("mardi", 2),
    ("mercredi", 3),
    ("jeudi", 4),
    ("vendredi", 5),
    ("samedi", 6),
    ("dimanche", 7),
];

/// Written-out ordinal units, as used for days of the month («السابع من شتنبر»).
pub(super) const ORDINAL_UNITS: &[(&str, u8)] = &[
    ("الاول", 1),
    ("الحادي", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
];

/// Tens of a compound ordinal: «الحادي عشر», «الثاني والعشرين», «الحادي والثلاثين».
pub(super) const ORDINAL_TENS: &[(&str, u8)] = &[
    ("عشر", 10),
    ("والعشرين", 20),
    ("والعشرون", 20),
    ("والثلاثين", 30),
    ("والثلاثون", 30),
];

/// Tens standing alone as an ordinal day: «العشرين من مارس».
pub(super) const ORDINAL_ROUND: &[(&str, u8)] = &[
    ("العشرين", 20),
    ("العشرون", 20),
    ("الثلاثين", 30),
    ("الثلاثون", 30),
];

/// Words that introduce a bare year: «سنة 1777», «عام 2004», «l'an 2004».
pub(super) const YEAR_WORDS: &[&str] = &["سنه", "عام", "العام", "السنه", "year", "an", "annee"];

/// Words after a number that mark a Hijri year.
pub(super) const HIJRI_MARKERS: &[&str] = &["ه", "هـ", "هجري", "هجريه", "للهجره", "ah"];

/// Words after a number that mark a Gregorian year.
pub(super) const GREGORIAN_MARKERS: &[&str] = &["م", "ميلادي", "ميلاديه", "للميلاد"];

/// Words after a month or weekday that point to the last one before the reference date.
pub(super) const PAST_WORDS: &[&str] = &[
    "الماضي",
    "الماضيه",
    "المنصرم",
    "المنصرمه",
    "الفائت",
    "الفائته",
    "الفارط",
    "dernier",
    "derniere",
    "last",
];

/// Words after a month or weekday that point to the next one after the reference date.
pub(super) const NEXT_WORDS: &[&str] = &[
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
    "prochain",
    "prochaine",
    "next",
];

/// Words after «العام»/«الشهر» that point to the reference's own year or month.
pub(super) const CURRENT_WORDS: &[&str] = &["الجاري", "الحالي", "الجاريه", "الحاليه"];

/// Words joining the two ends of a range: «من 2020 إلى 2030».
pub(super) const RANGE_WORDS: &[&str] = &["الي", "حتي", "لغايه", "to", "until", "au", "a"];

/// Looks a one-word name up in a table.
pub(super) fn lookup(table: &[(&str, u8)], word: &str) -> Option<u8> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}
