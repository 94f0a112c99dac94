//! Fuzzes the RIS reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Bytes go through the same decoding as a file the user opens; a panic or a hang is a bug,
    // an error is the expected answer to most inputs.
    let _ = marsad::import::read_bytes(data, Some("ris"), marsad::import::EncodingChoice::Auto);
});
