//! The action ladder (rule PS-LADDER): turns the overall level, the
//! concerns of parents and youth, and the impact, duration and agreement
//! needed for a referral into an action A0–A3. The ladder is a default the
//! guideline does not fix in numbers, so its referral thresholds are data a
//! region may configure. Safety (action S) is decided by the meldcode track.

use alloc::{format, string::String, vec::Vec};

use wegwijs_types::{Action, Duration, Impact, Level, Reason, RegionConfig};

use crate::{Guideline, text};

/// The versioned ladder: what counts as enough impact and duration to refer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LadderTable {
    /// Source guideline and version.
    pub guideline: Guideline,
    /// Impacts on daily life that support a referral (A3).
    pub referral_impact: &'static [Impact],
    /// Durations that support a referral (A3).
    pub referral_duration: &'static [Duration],
}

/// The default action ladder (default, configurable).
pub const LADDER: LadderTable = LadderTable {
    guideline: Guideline {
        name: "JGZ-richtlijn Psychosociale problemen (wegwijs default action ladder)",
        version: "2016, wegwijs table r1",
    },
    referral_impact: &[Impact::Quite, Impact::ALot],
    referral_duration: &[Duration::SixToTwelveMonths, Duration::OverOneYear],
};

/// Configuration key: comma-separated impacts that support a referral.
pub const REFERRAL_IMPACT_KEY: &str = "screening.ladder.referral-impact";

/// Configuration key: comma-separated durations that support a referral.
pub const REFERRAL_DURATION_KEY: &str = "screening.ladder.referral-duration";

/// What the ladder decides on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LadderInput<'a> {
    /// Overall level of risk card, instruments and concern domains.
    pub level: Level,
    /// What reached that level, e.g. `SDQ parent 4–17`, `the risk card`.
    pub drivers: &'a [String],
    /// Parents voiced a concern.
    pub parents_concerned: bool,
    /// The youth voiced a concern.
    pub youth_concerned: bool,
    /// Impact on daily life.
    pub impact: Option<Impact>,
    /// Duration of the problems.
    pub duration: Option<Duration>,
    /// The family agrees to a referral.
    pub family_agrees_referral: bool,
}

/// The ladder's action with its reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LadderDecision {
    /// A0 to A3.
    pub action: Action,
    /// Reasons with rule ids.
    pub reasons: Vec<Reason>,
    /// Warnings about the configuration.
    pub warnings: Vec<Reason>,
}

/// Reads a comma-separated list of enum names, falling back on the default
/// when the key is unset or names nothing known.
fn configured<T: Copy + PartialEq>(
    config: &dyn RegionConfig,
    key: &str,
    default: &[T],
    from_name: fn(&str) -> Option<T>,
    warnings: &mut Vec<Reason>,
) -> (Vec<T>, bool) {
    let Some(value) = config.get(key) else { return (default.to_vec(), false) };
    let mut out = Vec::new();
    for raw in value.split(',') {
        let name = raw.trim();
        if name.is_empty() {
            continue;
        }
        match from_name(name) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => warnings.push(Reason::new(
                "PS-LADDER",
                format!("Configuration {key} names unknown value `{}`; it is ignored.", text::truncate(name)),
            )),
        }
    }
    if out.is_empty() {
        warnings.push(Reason::new(
            "PS-LADDER",
            format!("Configuration {key} names no known value, so the default ladder threshold is used."),
        ));
        (default.to_vec(), false)
    } else {
        (out, true)
    }
}

/// Chooses A0–A3 per PS-LADDER.
pub fn decide(input: &LadderInput<'_>, config: &dyn RegionConfig) -> LadderDecision {
    let mut warnings = Vec::new();
    let (impacts, impact_region) =
        configured(config, REFERRAL_IMPACT_KEY, LADDER.referral_impact, Impact::from_name, &mut warnings);
    let (durations, duration_region) =
        configured(config, REFERRAL_DURATION_KEY, LADDER.referral_duration, Duration::from_name, &mut warnings);
    let ladder = if impact_region || duration_region {
        format!(
            "the action ladder is a default; this region configured its referral threshold ({})",
            LADDER.guideline.label()
        )
    } else {
        format!("the action ladder is a default a region may configure ({})", LADDER.guideline.label())
    };

    let from = if input.drivers.is_empty() { String::new() } else { format!(" from {}", input.drivers.join(", ")) };
    let concerned = match (input.parents_concerned, input.youth_concerned) {
        (true, true) => Some("parents and youth"),
        (true, false) => Some("parents"),
        (false, true) => Some("the youth"),
        (false, false) => None,
    };
    let impact_ok = input.impact.is_some_and(|i| impacts.contains(&i));
    let duration_ok = input.duration.is_some_and(|d| durations.contains(&d));
    let impact_text = input.impact.map_or("not recorded", |i| i.name());
    let duration_text = input.duration.map_or("not recorded", |d| d.name());

    let mut reasons = Vec::new();
    let action = if input.level >= Level::Concern {
        if impact_ok && duration_ok && input.family_agrees_referral {
            reasons.push(Reason::new(
                "PS-LADDER",
                format!(
                    "Level {}{} with impact {impact_text} and duration {duration_text}, and the family agrees: action A3, refer; {ladder}.",
                    input.level.name(),
                    from
                ),
            ));
            reasons.push(Reason::new(
                "G-SHARED",
                "The referral was agreed with the parents; choose the partner together with them and the youth.",
            ));
            Action::A3
        } else if impact_ok && duration_ok {
            reasons.push(Reason::new(
                "PS-LADDER",
                format!(
                    "Level {}{} with impact {impact_text} and duration {duration_text} would support a referral, but the family has not agreed: action A2, consultation; {ladder}.",
                    input.level.name(),
                    from
                ),
            ));
            reasons.push(Reason::new(
                "G-SHARED",
                "Discuss referral with parents (G-SHARED): follow-up is decided together with parents and youth, so the referral waits for their agreement.",
            ));
            Action::A2
        } else {
            reasons.push(Reason::new(
                "PS-LADDER",
                format!(
                    "Level {}{} with an unclear picture (impact {impact_text}, duration {duration_text}): action A2, consultation without handing over the case (gedragswetenschapper, jeugd-GGZ consult, IMH or the wijkteam); {ladder}.",
                    input.level.name(),
                    from
                ),
            ));
            Action::A2
        }
    } else if input.level == Level::Attention {
        reasons.push(Reason::new(
            "PS-LADDER",
            format!("Level attention{from} (borderline): action A1, advice or light support by JGZ; {ladder}."),
        ));
        Action::A1
    } else if let Some(who) = concerned {
        reasons.push(Reason::new(
            "PS-LADDER",
            format!(
                "No score above the normal range, but {who} voiced a concern: action A1, advice or light support by JGZ; {ladder}."
            ),
        ));
        Action::A1
    } else {
        reasons.push(Reason::new(
            "PS-LADDER",
            format!("Everything in the normal range and no concern of parents or youth: action A0, normalise and inform at the next contact; {ladder}."),
        ));
        Action::A0
    };
    LadderDecision { action, reasons, warnings }
}
