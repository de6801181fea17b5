//! Fuzz target `case_file`: arbitrary bytes as a TOML case file written by a
//! component developer or shipped in a region bundle.
//!
//! Parsing must give a case file or an error that names the line and
//! column of the problem; each parsed case's signal must give a signal or a structured
//! signal error, and a valid one must reduce to a coded case.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wegwijs::harness::CaseFile;
use wegwijs_fuzz::{PSEUDONYM_KEY, assert_case_file_error, assert_signal_error};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match CaseFile::parse(text) {
        Ok(file) => {
            for case in &file.cases {
                match case.signal() {
                    Ok(signal) => {
                        let _ = signal.to_case(PSEUDONYM_KEY);
                    }
                    Err(e) => assert_signal_error(&e),
                }
                let _ = case.asserted_rule_ids();
            }
        }
        Err(e) => assert_case_file_error(&e),
    }
});
