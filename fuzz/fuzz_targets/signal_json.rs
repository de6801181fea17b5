//! Fuzz target `signal_json`: arbitrary bytes as a signal from an EPD.
//!
//! Every input must end in a signal or a structured error (see
//! [`wegwijs_fuzz::assert_signal_error`]). Beyond that: the unvalidated
//! deserialization and `Signal::from_json` must agree on what is valid,
//! `to_case` must not panic even on a signal that failed validation (its
//! documentation promises to leave invalid fields out), and for an accepted
//! signal the coded case must survive a serde_json round trip, as must the
//! signal's own JSON when re-serialized.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wegwijs::Signal;
use wegwijs::types::ChildCase;
use wegwijs_fuzz::{PSEUDONYM_KEY, assert_signal_error};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };

    // The types alone, without validation: whatever deserializes must be
    // judged by validate() and reducible by to_case() without a panic.
    let unchecked = serde_json::from_str::<Signal>(text).ok();
    if let Some(signal) = &unchecked {
        if let Err(e) = signal.validate() {
            assert_signal_error(&e);
        }
        let _ = signal.to_case(PSEUDONYM_KEY);
    }

    match Signal::from_json(text) {
        Ok(signal) => {
            assert!(unchecked.is_some(), "from_json accepted what the plain deserializer refused");
            assert!(signal.validate().is_ok(), "from_json accepted a signal that validate() refuses");
            let case = signal.to_case(PSEUDONYM_KEY);

            let json = serde_json::to_string(&case).expect("a ChildCase serializes");
            let back: ChildCase = serde_json::from_str(&json).expect("a serialized ChildCase deserializes");
            assert_eq!(back, case, "the ChildCase changed in a JSON round trip");

            let value: serde_json::Value = serde_json::from_str(text).expect("an accepted signal is JSON");
            let again = Signal::from_json(&value.to_string()).expect("a re-serialized accepted signal is accepted");
            assert_eq!(again.to_case(PSEUDONYM_KEY), case, "re-serializing the signal changed its case");
        }
        Err(e) => assert_signal_error(&e),
    }
});
