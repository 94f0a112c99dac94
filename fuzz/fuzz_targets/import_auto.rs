//! Fuzzes format sniffing and whichever reader it picks, as for a file dropped on the window.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = marsad::import::read_bytes(data, None, marsad::import::EncodingChoice::Auto);
});
