//! Fuzzes article capture: text or HTML (the first byte chooses), its dates, actors and events.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad::import::capture::{CaptureOptions, capture_bytes, html::html_to_text};

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let options = CaptureOptions {
        published: "2022-03-26".parse().ok(),
        url: None,
    };
    if first % 2 == 0 {
        let _ = capture_bytes(rest, marsad::import::EncodingChoice::Auto, &[], &options);
    } else if let Ok(text) = std::str::from_utf8(rest) {
        let _ = html_to_text(text);
    }
});
