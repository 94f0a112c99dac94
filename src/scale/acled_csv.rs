//! A synthetic ACLED export (the columns of ACLED's export tool) for the import benchmark.

use crate::generate::rng::Rng;

/// (event type, sub-event type) pairs as ACLED writes them.
const TYPES: [(&str, &str); 6] = [
    ("Strategic developments", "Arrests"),
    ("Strategic developments", "Agreement"),
    ("Protests", "Peaceful protest"),
    ("Violence against civilians", "Attack"),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    ("Battles", "Armed clash"),
];

/// (actor, inter) pairs.
const ACTORS: [(&str, &str); 8] = [
    ("Police Forces of Morocco (1999-)", "State forces"),
    ("Military Forces of Morocco (1999-)", "State forces"),
    ("Police Forces of Algeria (1999-)", "State forces"),
    ("Islamic State (Morocco)", "Political militia"),
    ("AQIM: Al Qaeda in the Islamic Maghreb", "Political militia"),
    ("Protesters (Morocco)", "Protesters"),
    ("Civilians (Morocco)", "Civilians"),
    ("Unidentified Armed Group (Mali)", "Political militia"),
];

/// (country, iso, admin1, location, latitude, longitude).
const PLACES: [(&str, &str, &str, &str, f64, f64); 6] = [
    ("Morocco", "504", "Oriental", "Berkane", 34.92, -2.32),
    (
        "Morocco",
        "504",
        "Casablanca-Settat",
        "Casablanca",
        33.5883,
        -7.6114,
    ),
    (
        "Morocco",
        "504",
        "Rabat-Sale-Kenitra",
        "Rabat",
        34.0209,
        -6.8416,
    ),
    (
        "Morocco",
        "504",
        "Tanger-Tetouan-Al Hoceima",
        "Tangier",
        35.7595,
        -5.834,
    ),
    ("Algeria", "12", "Alger", "Algiers", 36.7538, 3.0588),
    ("Mali", "466", "Gao", "Gao", 16.2666, -0.0447),
];

const SOURCES: [&str; 5] = [
    "Hespress",
    "Le360",
    "Hespress; Le360",
    "Morocco World News",
    "AFP",
];

/// `rows` ACLED rows (and the header) as CSV text; the same seed gives the same file.
pub fn write(rows: usize, seed: u64) -> Result<String, csv::Error> {
    let mut rng = Rng::new(seed);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(crate::export::acled::COLUMNS)?;
    for i in 0..rows {
        let year = 1997 + rng.below(29);
        let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
        let (etype, sub) = *rng.pick(&TYPES);
        let (a1, i1) = *rng.pick(&ACTORS);
        let (a2, i2) = *rng.pick(&ACTORS);
        let (a2, i2) = if a2 == a1 || rng.chance(0.3) {
            ("", "")
        } else {
            (a2, i2)
        };
        let (country, iso, admin1, location, lat, lon) = *rng.pick(&PLACES);
        let date = format!("{year}-{month:02}-{day:02}");
        let notes = format!(
            "On {day} {} {year}, {a1} {} in {location}.",
            crate::i18n::vocab::month(crate::i18n::Lang::En, month as u8),
            sub.to_ascii_lowercase()
        );
        let record = [
            format!("SYN{i}"),
            date,
            year.to_string(),
            (1 + rng.below(3)).to_string(),
            etype.to_owned(),
            etype.to_owned(),
            sub.to_owned(),
            a1.to_owned(),
            String::new(),
            i1.to_owned(),
            a2.to_owned(),
            String::new(),
            i2.to_owned(),
            "17".to_owned(),
            String::new(),
            iso.to_owned(),
            "Northern Africa".to_owned(),
            country.to_owned(),
            admin1.to_owned(),
            location.to_owned(),
            String::new(),
            location.to_owned(),
            format!("{:.4}", lat + rng.unit() * 0.1),
            format!("{:.4}", lon + rng.unit() * 0.1),
            "1".to_owned(),
            (*rng.pick(&SOURCES)).to_owned(),
            "National".to_owned(),
            notes,
            rng.below(3).to_string(),
            String::new(),
            (1_600_000_000 + i).to_string(),
        ];
        w.write_record(&record)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_as_acled() {
        let text = write(50, 1).unwrap();
        assert_eq!(text.lines().count(), 51);
        let plan = crate::import::read_bytes(
            text.as_bytes(),
            Some("acled"),
            crate::import::EncodingChoice::Auto,
        )
        .unwrap();
        assert_eq!(plan.data.events.len(), 50);
        let mut store = crate::store::Store::in_memory().unwrap();
        store.import(&plan.data).unwrap();
        assert_eq!(store.stats().unwrap().events, 50);
    }
}
