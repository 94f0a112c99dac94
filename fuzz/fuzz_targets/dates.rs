//! Fuzzes the date parser and the date finder of article capture.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(d) = marsad::import::parse_date(text) {
        // What was read prints and reads back the same.
        assert_eq!(
            Some(d),
            d.to_string().parse::<marsad::model::PartialDate>().ok()
        );
    }
    let _ = marsad::text::dates::find_dates(text, "2022-03-26".parse().ok());
});
