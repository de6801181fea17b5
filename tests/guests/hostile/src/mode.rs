//! Which misbehaviour a call plays: the four stages the component can stand
//! in for, the modes the sandbox tests choose from, and how a mode is read
//! from the host configuration.

use alloc::string::String;
use core::fmt;
use wegwijs_types::RegionConfig;

/// The configuration key naming a concern code that arms the component:
/// when set, only cases whose `concerns` include that code misbehave and all
/// others are echoed. This lets a hostile bundle pass activation on its own
/// cases, like a real component whose bug shows only on some children.
/// Unset, every case misbehaves.
pub const WHEN_CONCERN_KEY: &str = "hostile.when-concern";

/// A pipeline stage this component can be plugged into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The `intake` interface of the `wegwijs:jgz` contract.
    Intake,
    /// The `screening` interface of the `wegwijs:jgz` contract.
    Screening,
    /// The `routing` interface of the `wegwijs:jgz` contract.
    Routing,
    /// The `consent` interface of the `wegwijs:jgz` contract.
    Consent,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 4] = [Stage::Intake, Stage::Screening, Stage::Routing, Stage::Consent];

    /// The stage's short name, as used in configuration keys.
    pub const fn name(self) -> &'static str {
        match self {
            Stage::Intake => "intake",
            Stage::Screening => "screening",
            Stage::Routing => "routing",
            Stage::Consent => "consent",
        }
    }

    /// The configuration key holding this stage's [`Mode`], e.g. `hostile.routing`.
    pub const fn mode_key(self) -> &'static str {
        match self {
            Stage::Intake => "hostile.intake",
            Stage::Screening => "hostile.screening",
            Stage::Routing => "hostile.routing",
            Stage::Consent => "hostile.consent",
        }
    }

    /// The configuration key holding the JSON result of [`Mode::Json`],
    /// e.g. `adversarial.routing`.
    pub const fn json_key(self) -> &'static str {
        match self {
            Stage::Intake => "adversarial.intake",
            Stage::Screening => "adversarial.screening",
            Stage::Routing => "adversarial.routing",
            Stage::Consent => "adversarial.consent",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How one call misbehaves. The README describes what each mode is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Return the reference result unchanged, or a minimal valid one.
    Echo,
    /// Never return: only the host's deadline ends the call.
    Loop,
    /// Grow linear memory until the host refuses, then keep allocating.
    Grow,
    /// Recurse until the stack overflows.
    Recurse,
    /// Execute the `unreachable` instruction.
    Unreachable,
    /// Panic, which the guest SDK turns into a trap.
    Panic,
    /// Return a result with [`crate::HUGE_LIST_ITEMS`] items.
    HugeList,
    /// Return a result with a string of [`crate::HUGE_STRING_BYTES`] bytes.
    HugeString,
    /// Burn this many loop iterations, then echo.
    Spin(u64),
    /// Echo, with one reason citing a malformed rule id added.
    BadRuleId,
    /// Write [`crate::LOG_FLOOD_RECORDS`] log records, then echo.
    LogFlood,
    /// Return the result given as JSON under [`Stage::json_key`].
    Json,
    /// Echo, but the routing card's urgency carries an enum case the WIT
    /// does not have, as a component built against a newer WIT would send.
    BadEnum,
    /// Echo, but the routing card's summary is not valid UTF-8.
    BadUtf8,
    /// Write one log record of [`crate::HUGE_STRING_BYTES`], then echo.
    HugeLog,
    /// `chaos:<seed>`: an arbitrary but well-formed result derived from the
    /// seed and the case (see [`crate::chaos`]).
    Chaos(u64),
    /// `forge:<k>`: echo, with one reason whose text is
    /// [`crate::FORGED_TEXTS`]`[k]`, text that would take over a terminal
    /// or forge a card line if the host printed it raw.
    Forge(usize),
    /// `fat:<N>x<B>`: echo, with N more reasons of B bytes each
    /// ([`crate::FAT_RULE`]): a result every field of which may be within
    /// the host's limits while the whole is far over its output budget.
    Fat {
        /// Reasons added.
        reasons: usize,
        /// Bytes of each reason's text.
        bytes: usize,
    },
}

impl Mode {
    /// Parses a mode as written in the configuration: `echo`, `loop`, `grow`,
    /// `recurse`, `unreachable`, `panic`, `huge-list`, `huge-string`,
    /// `spin:<N>`, `bad-rule-id`, `log-flood`, `json`, `bad-enum`, `bad-utf8`,
    /// `huge-log`, `chaos:<seed>`, `forge:<k>` or `fat:<N>x<B>`. The spelling is
    /// exact, so a typo in a test shows up as [`UnknownMode`] instead of
    /// silently echoing.
    pub fn parse(text: &str) -> Result<Mode, UnknownMode> {
        let mode = match text {
            "echo" => Mode::Echo,
            "loop" => Mode::Loop,
            "grow" => Mode::Grow,
            "recurse" => Mode::Recurse,
            "unreachable" => Mode::Unreachable,
            "panic" => Mode::Panic,
            "huge-list" => Mode::HugeList,
            "huge-string" => Mode::HugeString,
            "bad-rule-id" => Mode::BadRuleId,
            "log-flood" => Mode::LogFlood,
            "json" => Mode::Json,
            "bad-enum" => Mode::BadEnum,
            "bad-utf8" => Mode::BadUtf8,
            "huge-log" => Mode::HugeLog,
            _ => match (
                text.strip_prefix("spin:").and_then(|n| n.parse().ok()),
                text.strip_prefix("chaos:").and_then(|n| n.parse().ok()),
                text.strip_prefix("forge:").and_then(|n| n.parse().ok()).filter(|&k| k < crate::FORGED_TEXTS.len()),
                text.strip_prefix("fat:")
                    .and_then(|r| r.split_once('x'))
                    .and_then(|(n, b)| Some((n.parse().ok()?, b.parse().ok()?))),
            ) {
                (Some(iterations), _, _, _) => Mode::Spin(iterations),
                (_, Some(seed), _, _) => Mode::Chaos(seed),
                (_, _, Some(k), _) => Mode::Forge(k),
                (_, _, _, Some((reasons, bytes))) => Mode::Fat { reasons, bytes },
                _ => return Err(UnknownMode(text.into())),
            },
        };
        Ok(mode)
    }

    /// The mode for one case at `stage`: [`Mode::Echo`] when the stage's key
    /// is unset, or when [`WHEN_CONCERN_KEY`] is set and `concerns` (the
    /// case's concern codes) lack it; otherwise the configured mode.
    pub fn configured(
        stage: Stage,
        config: &(impl RegionConfig + ?Sized),
        concerns: &[String],
    ) -> Result<Mode, UnknownMode> {
        if let Some(trigger) = config.get(WHEN_CONCERN_KEY)
            && !concerns.contains(&trigger)
        {
            return Ok(Mode::Echo);
        }
        config.get(stage.mode_key()).map_or(Ok(Mode::Echo), |text| Mode::parse(&text))
    }
}

/// A configured mode this component does not know; the component panics with
/// it, so a misspelt test fails loudly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownMode(pub String);

impl fmt::Display for UnknownMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown hostile mode `{}`", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::collections::BTreeMap;
    use alloc::string::ToString;

    #[test]
    fn every_named_mode_parses() {
        let named = [
            ("echo", Mode::Echo),
            ("loop", Mode::Loop),
            ("grow", Mode::Grow),
            ("recurse", Mode::Recurse),
            ("unreachable", Mode::Unreachable),
            ("panic", Mode::Panic),
            ("huge-list", Mode::HugeList),
            ("huge-string", Mode::HugeString),
            ("bad-rule-id", Mode::BadRuleId),
            ("log-flood", Mode::LogFlood),
            ("json", Mode::Json),
            ("forge:0", Mode::Forge(0)),
            ("fat:256x8192", Mode::Fat { reasons: 256, bytes: 8192 }),
        ];
        for typo in ["fat:256", "fat:x8", "fat:1x", "fat:-1x8"] {
            assert!(Mode::parse(typo).is_err(), "{typo}");
        }
        assert!(Mode::parse("forge:999").is_err(), "an index past the forged texts is a typo");
        for (text, mode) in named {
            assert_eq!(Mode::parse(text), Ok(mode), "{text}");
        }
    }

    #[test]
    fn spin_takes_an_iteration_count() {
        assert_eq!(Mode::parse("spin:0"), Ok(Mode::Spin(0)));
        assert_eq!(Mode::parse("spin:18446744073709551615"), Ok(Mode::Spin(u64::MAX)));
        for bad in ["spin", "spin:", "spin:-1", "spin:1e6", "spin: 5", "spin:18446744073709551616"] {
            assert_eq!(Mode::parse(bad), Err(UnknownMode(bad.into())), "{bad}");
        }
    }

    #[test]
    fn unknown_modes_are_named_in_the_error() {
        for bad in ["", "Echo", " echo", "huge_list", "explode"] {
            let err = Mode::parse(bad).unwrap_err();
            assert_eq!(err.to_string(), alloc::format!("unknown hostile mode `{bad}`"));
        }
    }

    #[test]
    fn an_absent_key_means_echo_and_each_stage_reads_its_own_key() {
        let mut config = BTreeMap::new();
        for stage in Stage::ALL {
            assert_eq!(Mode::configured(stage, &config, &[]), Ok(Mode::Echo));
        }
        config.insert("hostile.routing".to_string(), "loop".to_string());
        config.insert("hostile.consent".to_string(), "spin:7".to_string());
        assert_eq!(Mode::configured(Stage::Intake, &config, &[]), Ok(Mode::Echo));
        assert_eq!(Mode::configured(Stage::Screening, &config, &[]), Ok(Mode::Echo));
        assert_eq!(Mode::configured(Stage::Routing, &config, &[]), Ok(Mode::Loop));
        assert_eq!(Mode::configured(Stage::Consent, &config, &[]), Ok(Mode::Spin(7)));
    }

    #[test]
    fn a_trigger_concern_arms_only_the_cases_that_carry_it() {
        let mut config = BTreeMap::new();
        config.insert("hostile.routing".to_string(), "loop".to_string());
        config.insert(WHEN_CONCERN_KEY.to_string(), "sleep-problems".to_string());
        let plain = ["behaviour-problems".to_string()];
        let triggering = ["behaviour-problems".to_string(), "sleep-problems".to_string()];
        assert_eq!(Mode::configured(Stage::Routing, &config, &[]), Ok(Mode::Echo));
        assert_eq!(Mode::configured(Stage::Routing, &config, &plain), Ok(Mode::Echo));
        assert_eq!(Mode::configured(Stage::Routing, &config, &triggering), Ok(Mode::Loop));
        assert_eq!(Mode::configured(Stage::Intake, &config, &triggering), Ok(Mode::Echo));

        // An unknown mode stays dormant on cases that do not trigger it.
        config.insert("hostile.routing".to_string(), "explode".to_string());
        assert_eq!(Mode::configured(Stage::Routing, &config, &plain), Ok(Mode::Echo));
        assert!(Mode::configured(Stage::Routing, &config, &triggering).is_err());
    }

    #[test]
    fn keys_follow_the_stage_name() {
        for stage in Stage::ALL {
            assert_eq!(stage.mode_key(), alloc::format!("hostile.{stage}"));
            assert_eq!(stage.json_key(), alloc::format!("adversarial.{stage}"));
        }
    }
}
