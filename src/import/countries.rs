//! Countries the research covers, with ISO 3166-1 alpha-2 and numeric codes and names in English
//! (as ACLED writes them), French and Arabic: enough to turn ACLED's `iso`/`country` and CSV
//! country cells into the alpha-2 codes the model stores. Not the whole ISO list: unknown
//! countries are reported as problems and left empty rather than guessed.

use super::plan_builder::name_key;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub alpha2: &'static str,
    /// ISO 3166-1 numeric (ACLED's `iso`).
    pub numeric: u16,
    /// English name, as ACLED spells it.
    pub en: &'static str,
    /// French name.
    pub fr: &'static str,
    /// Arabic name.
    pub ar: &'static str,
}

const fn c(
    alpha2: &'static str,
    numeric: u16,
    en: &'static str,
    fr: &'static str,
    ar: &'static str,
) -> Country {
    Country {
        alpha2,
        numeric,
        en,
        fr,
        ar,
    }
}

/// The table.
pub const COUNTRIES: &[Country] = &[
    c(
        "AE",
        784,
        "United Arab Emirates",
        "Émirats arabes unis",
        "الإمارات",
    ),
    c("AF", 4, "Afghanistan", "Afghanistan", "أفغانستان"),
    c("AT", 40, "Austria", "Autriche", "النمسا"),
    c("BE", 56, "Belgium", "Belgique", "بلجيكا"),
    c("BF", 854, "Burkina Faso", "Burkina Faso", "بوركينا فاسو"),
    c("BH", 48, "Bahrain", "Bahreïn", "البحرين"),
    c("BR", 76, "Brazil", "Brésil", "البرازيل"),
    c("CA", 124, "Canada", "Canada", "كندا"),
    c(
        "CD",
        180,
        "Democratic Republic of Congo",
        "République démocratique du Congo",
        "الكونغو الديمقراطية",
    ),
    c("CH", 756, "Switzerland", "Suisse", "سويسرا"),
    c("CI", 384, "Ivory Coast", "Côte d'Ivoire", "ساحل العاج"),
    c("CM", 120, "Cameroon", "Cameroun", "الكاميرون"),
    c("CN", 156, "China", "Chine", "الصين"),
    c("CY", 196, "Cyprus", "Chypre", "قبرص"),
    c("DE", 276, "Germany", "Allemagne", "ألمانيا"),
    c("DJ", 262, "Djibouti", "Djibouti", "جيبوتي"),
    c("DK", 208, "Denmark", "Danemark", "الدنمارك"),
    c("DZ", 12, "Algeria", "Algérie", "الجزائر"),
    c("EG", 818, "Egypt", "Égypte", "مصر"),
    c(
        "EH",
        732,
        "Western Sahara",
        "Sahara occidental",
        "الصحراء الغربية",
    ),
    c("ER", 232, "Eritrea", "Érythrée", "إريتريا"),
    c("ES", 724, "Spain", "Espagne", "إسبانيا"),
    c("ET", 231, "Ethiopia", "Éthiopie", "إثيوبيا"),
    c("FR", 250, "France", "France", "فرنسا"),
    c(
        "GB",
        826,
        "United Kingdom",
        "Royaume-Uni",
        "المملكة المتحدة",
    ),
    c("GH", 288, "Ghana", "Ghana", "غانا"),
    c("GN", 324, "Guinea", "Guinée", "غينيا"),
    c("GR", 300, "Greece", "Grèce", "اليونان"),
    c("ID", 360, "Indonesia", "Indonésie", "إندونيسيا"),
    c("IL", 376, "Israel", "Israël", "إسرائيل"),
    c("IN", 356, "India", "Inde", "الهند"),
    c("IQ", 368, "Iraq", "Irak", "العراق"),
    c("IR", 364, "Iran", "Iran", "إيران"),
    c("IT", 380, "Italy", "Italie", "إيطاليا"),
    c("JO", 400, "Jordan", "Jordanie", "الأردن"),
    c("JP", 392, "Japan", "Japon", "اليابان"),
    c("KE", 404, "Kenya", "Kenya", "كينيا"),
    c("KM", 174, "Comoros", "Comores", "جزر القمر"),
    c("KW", 414, "Kuwait", "Koweït", "الكويت"),
    c("LB", 422, "Lebanon", "Liban", "لبنان"),
    c("LY", 434, "Libya", "Libye", "ليبيا"),
    c("MA", 504, "Morocco", "Maroc", "المغرب"),
    c("ML", 466, "Mali", "Mali", "مالي"),
    c("MR", 478, "Mauritania", "Mauritanie", "موريتانيا"),
    c("NE", 562, "Niger", "Niger", "النيجر"),
    c("NG", 566, "Nigeria", "Nigeria", "نيجيريا"),
    c("NL", 528, "Netherlands", "Pays-Bas", "هولندا"),
    c("NO", 578, "Norway", "Norvège", "النرويج"),
    c("OM", 512, "Oman", "Oman", "عمان"),
    c("PK", 586, "Pakistan", "Pakistan", "باكستان"),
    c("PL", 616, "Poland", "Pologne", "بولندا"),
    c("PS", 275, "Palestine", "Palestine", "فلسطين"),
    c("PT", 620, "Portugal", "Portugal", "البرتغال"),
    c("QA", 634, "Qatar", "Qatar", "قطر"),
    c("RU", 643, "Russia", "Russie", "روسيا"),
    c("SA", 682, "Saudi Arabia", "Arabie saoudite", "السعودية"),
    c("SD", 729, "Sudan", "Soudan", "السودان"),
    c("SE", 752, "Sweden", "Suède", "السويد"),
    c("SN", 686, "Senegal", "Sénégal", "السنغال"),
    c("SO", 706, "Somalia", "Somalie", "الصومال"),
    c("SS", 728, "South Sudan", "Soudan du Sud", "جنوب السودان"),
    c("SY", 760, "Syria", "Syrie", "سوريا"),
    c("TD", 148, "Chad", "Tchad", "تشاد"),
    c("TN", 788, "Tunisia", "Tunisie", "تونس"),
    c("TR", 792, "Turkey", "Turquie", "تركيا"),
    c("UA", 804, "Ukraine", "Ukraine", "أوكرانيا"),
    c("US", 840, "United States", "États-Unis", "الولايات المتحدة"),
    c("YE", 887, "Yemen", "Yémen", "اليمن"),
];

/// Other spellings met in files.
const ALIASES: &[(&str, &str)] = &[
    ("turkiye", "TR"),
    ("usa", "US"),
    ("united states of america", "US"),
    ("uk", "GB"),
    ("cote d ivoire", "CI"),
    ("palestinian territory", "PS"),
    ("امريكا", "US"),
    ("سورية", "SY"),
    ("المملكه المغربيه", "MA"),
];

/// The country with this alpha-2 code (any case).
pub fn by_alpha2(code: &str) -> Option<&'static Country> {
    COUNTRIES
        .iter()
        .find(|c| c.alpha2.eq_ignore_ascii_case(code.trim()))
}

/// The country with this ISO numeric code.
pub fn by_numeric(code: u16) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.numeric == code)
}

/// The country named (in English, French or Arabic, any case and accents) or coded (alpha-2).
pub fn lookup(text: &str) -> Option<&'static Country> {
    let t = text.trim();
    if t.len() == 2 {
        return by_alpha2(t);
    }
    by_name_key().get(&name_key(t)).copied()
}

/// Every name and alias by its matching key, built once: an ACLED import looks up a country per
/// row, and keying every name of the table for each lookup was most of that.
fn by_name_key() -> &'static HashMap<String, &'static Country> {
    static INDEX: LazyLock<HashMap<String, &'static Country>> = LazyLock::new(|| {
        let mut index = HashMap::new();
        // The first country to claim a name keeps it; aliases never override a country's name.
        for c in COUNTRIES {
            for n in [c.en, c.fr, c.ar] {
                index.entry(name_key(n)).or_insert(c);
            }
        }
        for (n, a) in ALIASES {
            if let Some(c) = by_alpha2(a) {
                index.entry(name_key(n)).or_insert(c);
            }
        }
        index
    });
    &INDEX
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_any_name() {
        assert_eq!(lookup("Morocco").map(|c| c.alpha2), Some("MA"));
        assert_eq!(lookup("المغرب").map(|c| c.alpha2), Some("MA"));
        assert_eq!(lookup("Algerie").map(|c| c.alpha2), Some("DZ"));
        assert_eq!(lookup("ma").map(|c| c.alpha2), Some("MA"));
        assert_eq!(lookup("Türkiye").map(|c| c.alpha2), Some("TR"));
        assert_eq!(by_numeric(504).map(|c| c.en), Some("Morocco"));
        assert!(lookup("Atlantis").is_none());
    }

    #[test]
    fn the_index_answers_as_a_search_of_the_table_would() {
        let linear = |t: &str| {
            let t = t.trim();
            if t.len() == 2 {
                return by_alpha2(t);
            }
            let key = name_key(t);
            COUNTRIES
                .iter()
                .find(|c| [c.en, c.fr, c.ar].iter().any(|n| name_key(n) == key))
                .or_else(|| {
                    ALIASES
                        .iter()
                        .find(|(n, _)| name_key(n) == key)
                        .and_then(|(_, a)| by_alpha2(a))
                })
        };
        let names = COUNTRIES.iter().flat_map(|c| [c.en, c.fr, c.ar]);
        let aliases = ALIASES.iter().map(|(n, _)| *n);
        for n in names
            .chain(aliases)
            .chain(["  MOROCCO ", "Atlantis", "الجزائر"])
        {
            assert_eq!(lookup(n), linear(n), "{n}");
        }
    }

    #[test]
    fn codes_are_unique() {
        for (i, a) in COUNTRIES.iter().enumerate() {
            for b in &COUNTRIES[i + 1..] {
                assert_ne!(a.alpha2, b.alpha2);
                assert_ne!(a.numeric, b.numeric);
            }
        }
    }
}
