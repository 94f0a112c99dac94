//! Fuzzes the generic CSV reader for its three tables (the first byte picks the table).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let format = match first % 3 {
        0 => "csv-events",
        1 => "csv-actors",
        _ => "csv-sources",
    };
    let _ = marsad::import::read_bytes(rest, Some(format), marsad::import::EncodingChoice::Auto);
});
