//! One stage call, whatever the stage: read the mode the host configured
//! for it and play that misbehaviour. The few effects only WebAssembly can
//! produce (the host's log, raw memory growth, the `unreachable`
//! instruction) come in through [`Sandbox`], so the dispatch itself also
//! runs, and is tested, natively.

use alloc::string::String;
use alloc::vec::Vec;
use core::hint::black_box;
use wegwijs_types::{Reason, RegionConfig};

use crate::burn;
use crate::cards::{BAD_RULE_ID, FORGE_RULE, FORGED_TEXTS, StageResult};
use crate::mode::Mode;

/// Items in the result of [`Mode::HugeList`].
pub const HUGE_LIST_ITEMS: usize = 100_000;
/// Bytes of the string in the result of [`Mode::HugeString`]: 4 MiB.
pub const HUGE_STRING_BYTES: usize = 4 << 20;
/// Log records written by [`Mode::LogFlood`].
pub const LOG_FLOOD_RECORDS: usize = 10_000;
/// Bytes of each log record of [`Mode::LogFlood`].
pub const LOG_FLOOD_BYTES: usize = 1024;
/// Rule id cited by the reasons [`Mode::Fat`] adds.
pub const FAT_RULE: &str = "HOSTILE-FAT";

/// What the component can do to its host beyond returning a value.
pub trait Sandbox: RegionConfig {
    /// Writes one record to the host's log.
    fn log(&self, message: &str);

    /// Takes linear memory until the host refuses more, and keeps trying.
    fn exhaust_memory(&self) -> !;

    /// Executes the `unreachable` instruction.
    fn unreachable(&self) -> !;
}

/// Answers one call of the stage `T` belongs to, as the mode configured for
/// that stage says. `concerns` are the case's concern codes (for
/// [`crate::mode::WHEN_CONCERN_KEY`]); `input` is what a minimal result
/// needs (see [`StageResult::Input`]); `reference` is the stage's
/// `reference` argument.
///
/// # Panics
///
/// On purpose in [`Mode::Panic`], for an unknown mode, and when
/// [`Mode::Json`] finds no JSON or JSON of the wrong shape: inside the
/// component every panic is a trap, which is what those tests expect.
pub fn respond<T: StageResult>(
    sandbox: &impl Sandbox,
    concerns: &[String],
    input: &T::Input,
    reference: Option<T>,
) -> T {
    let stage = T::STAGE;
    let mode = Mode::configured(stage, sandbox, concerns).unwrap_or_else(|unknown| panic!("{stage} stage: {unknown}"));
    let echo = |reference: Option<T>| reference.unwrap_or_else(|| T::minimal(input));
    match mode {
        // The corruption of these two happens in the bindings, where the
        // model types cannot follow (see the component's routing export).
        Mode::Echo | Mode::BadEnum | Mode::BadUtf8 => echo(reference),
        Mode::HugeLog => {
            sandbox.log(&huge_string());
            echo(reference)
        }
        Mode::Loop => burn::forever(),
        Mode::Grow => sandbox.exhaust_memory(),
        Mode::Recurse => {
            black_box(burn::recurse(0));
            panic!("{stage} stage: the unbounded recursion returned")
        }
        Mode::Unreachable => sandbox.unreachable(),
        Mode::Panic => panic!("{stage} stage: the hostile component panics on purpose"),
        Mode::HugeList => {
            let mut result = echo(reference);
            result.pad_list(HUGE_LIST_ITEMS);
            result
        }
        Mode::HugeString => {
            let mut result = echo(reference);
            result.put_long_text(huge_string());
            result
        }
        Mode::Spin(iterations) => {
            black_box(burn::spin(iterations));
            echo(reference)
        }
        Mode::Forge(k) => {
            let mut result = echo(reference);
            result.add_reason(Reason::new(FORGE_RULE, FORGED_TEXTS[k]));
            result
        }
        Mode::Fat { reasons, bytes } => {
            let mut result = echo(reference);
            let reason = Reason::new(FAT_RULE, fat_text(bytes));
            for _ in 0..reasons {
                result.add_reason(reason.clone());
            }
            result
        }
        Mode::BadRuleId => {
            let mut result = echo(reference);
            result.add_reason(Reason::new(BAD_RULE_ID, "This reason cites a malformed rule id on purpose."));
            result
        }
        Mode::LogFlood => {
            let message = log_flood_message();
            for _ in 0..LOG_FLOOD_RECORDS {
                sandbox.log(&message);
            }
            echo(reference)
        }
        Mode::Chaos(seed) => {
            let mut material = Vec::new();
            for c in concerns {
                material.extend_from_slice(c.as_bytes());
            }
            if let Some(r) = &reference {
                material.extend_from_slice(T::fingerprint(r).as_bytes());
            }
            T::chaos(&mut crate::chaos::Rng::new(seed, &material), input, reference)
        }
        Mode::Json => {
            let key = stage.json_key();
            let json = sandbox.get(key).unwrap_or_else(|| panic!("{stage} stage: mode json, but `{key}` is not set"));
            T::from_json(&json)
                .unwrap_or_else(|err| panic!("{stage} stage: `{key}` is not valid JSON for the {stage} result: {err}"))
        }
    }
}

/// The text of [`Mode::HugeString`]: [`HUGE_STRING_BYTES`] of ASCII.
pub fn huge_string() -> String {
    const UNIT: &str = "hostile ";
    UNIT.repeat(HUGE_STRING_BYTES / UNIT.len())
}

/// The text of each reason of [`Mode::Fat`]: `bytes` of plain ASCII, one
/// line a reader could be shown.
pub fn fat_text(bytes: usize) -> String {
    let mut text = String::from("fat ");
    text.truncate(bytes);
    while text.len() < bytes {
        text.push('f');
    }
    text
}

/// One record of [`Mode::LogFlood`]: [`LOG_FLOOD_BYTES`] of ASCII.
pub fn log_flood_message() -> String {
    let mut message = String::from("hostile log flood ");
    while message.len() < LOG_FLOOD_BYTES {
        message.push('#');
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::{ECHO_RULE, HUGE_LIST_RULE, HUGE_STRING_RULE};
    use alloc::collections::BTreeMap;
    use alloc::string::ToString;
    use alloc::vec;
    use alloc::vec::Vec;
    use core::cell::{Cell, RefCell};
    use wegwijs_types::{
        ConsentCard, DataCategory, DisclosureRequest, IntakeCard, Partner, Purpose, RoutingCard, ScreeningCard,
        is_well_formed_rule_id,
    };

    /// A native sandbox: a configuration map, a log that only counts, and
    /// panics where the component would trap.
    #[derive(Default)]
    struct Fake {
        config: BTreeMap<String, String>,
        logs: Cell<usize>,
        log_bytes: RefCell<Vec<usize>>,
    }

    impl Fake {
        fn with(pairs: &[(&str, &str)]) -> Fake {
            Fake { config: pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), ..Fake::default() }
        }
    }

    impl RegionConfig for Fake {
        fn get(&self, key: &str) -> Option<String> {
            self.config.get(key).cloned()
        }
    }

    impl Sandbox for Fake {
        fn log(&self, message: &str) {
            self.logs.set(self.logs.get() + 1);
            self.log_bytes.borrow_mut().push(message.len());
        }

        fn exhaust_memory(&self) -> ! {
            panic!("exhaust_memory called")
        }

        fn unreachable(&self) -> ! {
            panic!("unreachable called")
        }
    }

    fn requests() -> Vec<DisclosureRequest> {
        vec![DisclosureRequest {
            recipient: Partner::Amw,
            purpose: Purpose::Referral,
            data: vec![DataCategory::ContactDetails],
        }]
    }

    fn reference_routing() -> RoutingCard {
        let mut card = RoutingCard::minimal(&());
        card.summary = "the reference".into();
        card.reasons[0] = Reason::new("RT-URGENCY", "x");
        card
    }

    #[test]
    fn echo_returns_the_reference_unchanged_or_a_minimal_result() {
        let fake = Fake::default();
        let reference = reference_routing();
        assert_eq!(respond(&fake, &[], &(), Some(reference.clone())), reference);
        assert_eq!(respond::<RoutingCard>(&fake, &[], &(), None), RoutingCard::minimal(&()));
        assert_eq!(respond::<IntakeCard>(&fake, &[], &(), None), IntakeCard::minimal(&()));
        assert_eq!(respond::<ScreeningCard>(&fake, &[], &(), None), ScreeningCard::minimal(&()));
        let cards = respond::<Vec<ConsentCard>>(&fake, &[], &requests(), None);
        assert_eq!(cards, Vec::<ConsentCard>::minimal(&requests()));
        assert_eq!(cards[0].reasons[0].rule, ECHO_RULE);
    }

    #[test]
    fn a_mode_applies_only_to_its_own_stage() {
        let fake = Fake::with(&[("hostile.intake", "panic"), ("hostile.consent", "explode")]);
        let reference = reference_routing();
        assert_eq!(respond(&fake, &[], &(), Some(reference.clone())), reference);
    }

    #[test]
    fn with_a_trigger_only_cases_carrying_it_misbehave() {
        let fake = Fake::with(&[("hostile.routing", "bad-rule-id"), ("hostile.when-concern", "sleep-problems")]);
        let reference = reference_routing();
        assert_eq!(respond(&fake, &["behaviour-problems".to_string()], &(), Some(reference.clone())), reference);
        let armed = respond(&fake, &["sleep-problems".to_string()], &(), Some(reference.clone()));
        assert_eq!(armed.reasons.last().unwrap().rule, BAD_RULE_ID);
    }

    #[test]
    fn spin_then_echoes() {
        let fake = Fake::with(&[("hostile.routing", "spin:10000")]);
        let reference = reference_routing();
        assert_eq!(respond(&fake, &[], &(), Some(reference.clone())), reference);
    }

    #[test]
    fn bad_rule_id_adds_one_malformed_reason() {
        let fake = Fake::with(&[("hostile.routing", "bad-rule-id")]);
        let card = respond(&fake, &[], &(), Some(reference_routing()));
        assert_eq!(card.reasons.len(), 2);
        assert_eq!(card.reasons[1].rule, BAD_RULE_ID);
        assert!(!is_well_formed_rule_id(&card.reasons[1].rule));
    }

    #[test]
    fn huge_list_and_huge_string_reach_their_sizes() {
        let fake = Fake::with(&[
            ("hostile.intake", "huge-list"),
            ("hostile.routing", "huge-list"),
            ("hostile.consent", "huge-list"),
            ("hostile.screening", "huge-string"),
        ]);
        let intake = respond::<IntakeCard>(&fake, &[], &(), None);
        assert_eq!(intake.reasons.len(), HUGE_LIST_ITEMS);
        assert_eq!(intake.reasons[HUGE_LIST_ITEMS - 1].rule, HUGE_LIST_RULE);
        assert_eq!(respond::<RoutingCard>(&fake, &[], &(), None).routes.len(), HUGE_LIST_ITEMS);
        assert_eq!(respond::<Vec<ConsentCard>>(&fake, &[], &requests(), None).len(), HUGE_LIST_ITEMS);
        assert_eq!(respond::<ScreeningCard>(&fake, &[], &(), None).summary.len(), HUGE_STRING_BYTES);

        let fake = Fake::with(&[("hostile.consent", "huge-string")]);
        let cards = respond::<Vec<ConsentCard>>(&fake, &[], &requests(), None);
        let last = cards[0].reasons.last().unwrap();
        assert_eq!((last.rule.as_str(), last.text.len()), (HUGE_STRING_RULE, HUGE_STRING_BYTES));
    }

    #[test]
    fn fat_adds_reasons_of_the_asked_size_to_the_echo() {
        let fake = Fake::with(&[("hostile.routing", "fat:3x10")]);
        let card = respond::<RoutingCard>(&fake, &[], &(), Some(reference_routing()));
        let fat: Vec<_> = card.reasons.iter().filter(|r| r.rule == FAT_RULE).collect();
        assert_eq!(fat.len(), 3);
        assert!(fat.iter().all(|r| r.text == "fat ffffff"));
        assert_eq!(card.routes, reference_routing().routes);
        assert_eq!(fat_text(2), "fa");
    }

    #[test]
    fn log_flood_writes_ten_thousand_kibibyte_records_then_echoes() {
        let fake = Fake::with(&[("hostile.screening", "log-flood")]);
        let card = respond::<ScreeningCard>(&fake, &[], &(), None);
        assert_eq!(card, ScreeningCard::minimal(&()));
        assert_eq!(fake.logs.get(), LOG_FLOOD_RECORDS);
        assert!(fake.log_bytes.borrow().iter().all(|&n| n == LOG_FLOOD_BYTES));
    }

    #[test]
    fn json_returns_the_configured_result() {
        let mut wanted = reference_routing();
        wanted.summary = "from json".into();
        let json = serde_json::to_string(&wanted).unwrap();
        let fake = Fake::with(&[("hostile.routing", "json"), ("adversarial.routing", &json)]);
        assert_eq!(respond(&fake, &[], &(), Some(reference_routing())), wanted);

        let cards = Vec::<ConsentCard>::minimal(&requests());
        let json = serde_json::to_string(&cards).unwrap();
        let fake = Fake::with(&[("hostile.consent", "json"), ("adversarial.consent", &json)]);
        assert_eq!(respond::<Vec<ConsentCard>>(&fake, &[], &[], None), cards);
    }

    #[test]
    #[should_panic(expected = "`adversarial.intake` is not valid JSON for the intake result")]
    fn json_of_the_wrong_shape_panics_naming_the_error() {
        let fake = Fake::with(&[("hostile.intake", "json"), ("adversarial.intake", "[1, 2]")]);
        respond::<IntakeCard>(&fake, &[], &(), None);
    }

    #[test]
    #[should_panic(expected = "`adversarial.screening` is not set")]
    fn json_without_json_panics() {
        let fake = Fake::with(&[("hostile.screening", "json")]);
        respond::<ScreeningCard>(&fake, &[], &(), None);
    }

    #[test]
    #[should_panic(expected = "routing stage: unknown hostile mode `explode`")]
    fn an_unknown_mode_panics_naming_it() {
        let fake = Fake::with(&[("hostile.routing", "explode")]);
        respond::<RoutingCard>(&fake, &[], &(), None);
    }

    #[test]
    #[should_panic(expected = "panics on purpose")]
    fn panic_mode_panics() {
        let fake = Fake::with(&[("hostile.routing", "panic")]);
        respond::<RoutingCard>(&fake, &[], &(), None);
    }

    #[test]
    #[should_panic(expected = "exhaust_memory called")]
    fn grow_mode_goes_to_the_sandbox() {
        let fake = Fake::with(&[("hostile.routing", "grow")]);
        respond::<RoutingCard>(&fake, &[], &(), None);
    }

    #[test]
    #[should_panic(expected = "unreachable called")]
    fn unreachable_mode_goes_to_the_sandbox() {
        let fake = Fake::with(&[("hostile.consent", "unreachable")]);
        respond::<Vec<ConsentCard>>(&fake, &[], &requests(), None);
    }

    #[test]
    fn the_generated_texts_have_their_sizes() {
        assert_eq!(huge_string().len(), HUGE_STRING_BYTES);
        assert_eq!(log_flood_message().len(), LOG_FLOOD_BYTES);
    }
}
