//! The action ladder (rule PS-LADDER): turns the overall level, the
//! concerns of parents and youth, and the impact, duration and agreement
//! needed for a referral into an action A0–A3, or reassess when the only
//! evidence could not be used (PS-UNUSABLE). The ladder is a default the
//! guideline does not fix in numbers, so its referral thresholds are data a
//! region may configure. Safety (action S) is decided by the meldcode track;
//! on a safety card the ladder's action is the child's own, beside it.

use alloc::{format, string::String, vec::Vec};

use alloc::borrow::ToOwned;

use wegwijs_kit::Participants;
use wegwijs_types::{Action, Duration, Impact, Level, Reason, RegionConfig};

use crate::instruments::Unusable;
use crate::text;
use wegwijs_kit::{TableSource, sentence_case};

/// The versioned ladder: what counts as enough impact and duration to refer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LadderTable {
    /// Source guideline and version.
    pub guideline: TableSource,
    /// Impacts on daily life that support a referral (A3).
    pub referral_impact: &'static [Impact],
    /// Durations that support a referral (A3).
    pub referral_duration: &'static [Duration],
}

/// The default action ladder (default, configurable).
pub const LADDER: LadderTable = LadderTable {
    guideline: TableSource {
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
    /// Overall level of risk card, valid instruments and concern domains.
    pub level: Level,
    /// What reached that level, each saying why, e.g. `SDQ total 15
    /// (borderline, parent 4–17)` or `the risk card (2 non-red risk factors:
    /// poverty, poor-housing; RK-FEW)`.
    pub drivers: &'a [String],
    /// The valid instrument results, e.g. `SDQ total 10 (normal, parent 4–17)`.
    pub measured: &'a [String],
    /// Whether any instrument result was supplied at all, usable or not.
    pub instruments_supplied: bool,
    /// The instrument results that could not be used (PS-UNUSABLE).
    pub unusable: &'a [Unusable],
    /// Whether anything points at the child's own functioning (a valid
    /// result above level none, a concern domain an instrument scores).
    pub child_signs: bool,
    /// The card takes action S: the ladder decides the child's own action
    /// beside the safety track, and nothing it says may read as reassurance.
    pub safety: bool,
    /// Talking with the family now would endanger someone (meldcode step 3
    /// exception), so no conversation about a referral is proposed yet.
    pub telling_endangers: bool,
    /// Who takes part in decisions (CS-AGE).
    pub participants: Participants,
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

/// What to do about the unusable results: the one advice, or each with
/// the instrument it is for.
fn advice(unusable: &[Unusable]) -> String {
    match unusable {
        [one] => one.advice.clone(),
        many => many.iter().map(|u| format!("for {}: {}", u.label, u.advice)).collect::<Vec<_>>().join("; "),
    }
}

/// The unusable results by name and reason, e.g. `SDQ parent 4–17 (the
/// wrong version for this age)`.
fn unusable_list(unusable: &[Unusable]) -> String {
    let shorts: Vec<String> = unusable.iter().map(Unusable::short).collect();
    text::and_list(&shorts)
}

/// Chooses the child's own action per PS-LADDER: A0–A3, or reassess when
/// the only evidence is an instrument result that could not be used
/// (PS-UNUSABLE). Whether the card takes action S is the meldcode track's
/// decision; on a safety card this is the action beside it (IN-SAFETY).
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

    let p = input.participants;
    let with = p.together_with();
    let from =
        if input.drivers.is_empty() { String::new() } else { format!(" from {}", text::and_list(input.drivers)) };
    let voiced = text::voiced(p, input.parents_concerned, input.youth_concerned);
    let impact_ok = input.impact.is_some_and(|i| impacts.contains(&i));
    let duration_ok = input.duration.is_some_and(|d| durations.contains(&d));
    let impact_text = input.impact.map_or("not recorded", |i| i.name());
    let duration_text = input.duration.map_or("not recorded", |d| d.name());
    // Beside a result that could not be used, every rung says so: the
    // action rests on the other evidence only.
    let unusable_note = if input.unusable.is_empty() {
        String::new()
    } else {
        format!(
            " {} could not be used and counts neither way (PS-UNUSABLE): {}.",
            unusable_list(input.unusable),
            advice(input.unusable)
        )
    };
    let carried = input.level > Level::None || !input.measured.is_empty() || voiced.is_some();

    let mut reasons = Vec::new();
    let action = if !carried && !input.unusable.is_empty() {
        let nothing_else = format!(
            "nothing else carries a level: the risk card lists no risk factor, intake recorded none of the concern domains that give a level, {} and no other instrument result is usable",
            text::nobody_voiced(p)
        );
        let text = if input.safety {
            format!(
                "For the child's own concerns beside the safety track the only instrument result could not be used: {}; {nothing_else}. The child's own action is reassess, not A0: {}, then assess again; the overall level follows the safety track.",
                unusable_list(input.unusable),
                advice(input.unusable)
            )
        } else {
            format!(
                "The only instrument evidence could not be used: {}; {nothing_else}. Level unknown, action reassess: insufficient information to judge, which is not A0. {}, then assess again.",
                unusable_list(input.unusable),
                sentence_case(&advice(input.unusable))
            )
        };
        reasons.push(Reason::new("PS-UNUSABLE", text));
        Action::Reassess
    } else if input.level >= Level::Concern {
        if impact_ok && duration_ok && input.family_agrees_referral {
            reasons.push(Reason::new(
                "PS-LADDER",
                format!(
                    "Level {}{from} with impact {impact_text} and duration {duration_text}, and the family agrees: action A3, refer; {ladder}.{unusable_note}",
                    input.level.name()
                ),
            ));
            reasons.push(Reason::new(
                "G-SHARED",
                format!("The referral was agreed with {with}; choose the partner together with them."),
            ));
            Action::A3
        } else if impact_ok && duration_ok {
            reasons.push(Reason::new(
                "PS-LADDER",
                format!(
                    "Level {}{from} with impact {impact_text} and duration {duration_text} would support a referral, but the family has not agreed: action A2, consultation; {ladder}.{unusable_note}",
                    input.level.name()
                ),
            ));
            let text = if input.telling_endangers {
                format!(
                    "A referral waits for the agreement of {with}, but talking with them now would endanger someone (meldcode step 3 exception): raise it once the safety steps allow."
                )
            } else {
                format!(
                    "Discuss the referral with {with}: follow-up is decided together with them, so the referral waits for their agreement."
                )
            };
            reasons.push(Reason::new("G-SHARED", text));
            Action::A2
        } else {
            reasons.push(Reason::new(
                "PS-LADDER",
                format!(
                    "Level {}{from} with an unclear picture (impact {impact_text}, duration {duration_text}): action A2, consultation without handing over the case (gedragswetenschapper, jeugd-GGZ consult, IMH or the wijkteam); {ladder}.{unusable_note}",
                    input.level.name()
                ),
            ));
            Action::A2
        }
    } else if input.level == Level::Attention {
        let circumstances = if input.child_signs {
            ""
        } else {
            " No sign in the child's own functioning was recorded (no instrument result above level none and none of the concern domains about the child), so this A1 rests on the risk factors and family circumstances recorded, not on how the child is doing: JGZ advice or an extra contact for the family, and look at the child's functioning again at the next contact."
        };
        reasons.push(Reason::new(
            "PS-LADDER",
            format!(
                "Level attention{from}: action A1, advice or light support by JGZ (an extra contact), and reassess at the next contact; {ladder}.{circumstances}{unusable_note}"
            ),
        ));
        Action::A1
    } else if let Some(who) = voiced {
        let basis = if !input.measured.is_empty() {
            format!(
                " ({} {} level none)",
                text::and_list(input.measured),
                text::noun(input.measured.len(), "gives", "give")
            )
        } else if input.unusable.is_empty() {
            " (no instrument result was supplied)".to_owned()
        } else {
            String::new()
        };
        reasons.push(Reason::new(
            "PS-LADDER",
            format!(
                "{}, and nothing on the card raises the level above none{basis}: action A1, advice or light support by JGZ; {ladder}.{unusable_note}",
                sentence_case(who)
            ),
        ));
        Action::A1
    } else if !input.unusable.is_empty() {
        // The usable evidence alone would give A0, but a result that could
        // not be used is no reason to normalise: assess again (PS-UNUSABLE).
        reasons.push(Reason::new("PS-UNUSABLE", reassess_beside_usable_text(input, &ladder)));
        Action::Reassess
    } else {
        reasons.push(Reason::new("PS-LADDER", a0_text(input, &ladder)));
        Action::A0
    };
    LadderDecision { action, reasons, warnings }
}

/// The A0 sentence: what it rests on, worded so that it never reads as
/// reassurance on a safety card and never claims a normal score when
/// nothing was measured.
fn a0_text(input: &LadderInput<'_>, ladder: &str) -> String {
    let p = input.participants;
    let measured = !input.measured.is_empty();
    let rests = a0_grounds(input);
    if input.safety {
        format!(
            "For the child's own concerns beside the safety track: {rests}. The ladder gives A0, so there is no separate step for the child now; that says nothing about the safety concern, which takes the meldcode track, and the child's needs are looked at again once the safety steps are taken."
        )
    } else if measured {
        format!(
            "Nothing raises the level: {rests}. Action A0: normalise and inform {} at the next contact; {ladder}.",
            p.together_with()
        )
    } else {
        format!(
            "Nothing was measured, so this A0 rests on the absence of recorded signals, not on a score: {rests}. Action A0: inform {} at the next regular contact and use the instrument the guideline names for this age there; {ladder}.",
            p.together_with()
        )
    }
}

/// What an A0 rests on: the usable results, the empty risk card, no
/// concern domain that gives a level, nobody who voiced a concern.
fn a0_grounds(input: &LadderInput<'_>) -> String {
    let measured = !input.measured.is_empty();
    let mut parts: Vec<String> = Vec::new();
    if measured {
        parts.push(format!(
            "{} {} level none",
            text::and_list(input.measured),
            text::noun(input.measured.len(), "gives", "give")
        ));
    } else if !input.instruments_supplied {
        parts.push("no instrument result was supplied".to_owned());
    }
    parts.push("the risk card lists no risk factor".to_owned());
    if !measured {
        parts.push("intake recorded none of the concern domains that give a level".to_owned());
    }
    parts.push(text::nobody_voiced(input.participants).to_owned());
    text::and_list(&parts)
}

/// Usable results at level none beside one that could not be used: the
/// ladder would give A0 on the usable evidence, but the card asks to assess
/// again rather than normalise (PS-UNUSABLE).
fn reassess_beside_usable_text(input: &LadderInput<'_>, ladder: &str) -> String {
    let rests = a0_grounds(input);
    let scope = if input.safety { "For the child's own concerns beside the safety track the" } else { "The" };
    format!(
        "{scope} usable evidence does not raise the level ({rests}), but {} could not be used, so this is no conclusion about the child yet: action reassess rather than A0. {}, then assess again; {ladder}.",
        unusable_list(input.unusable),
        sentence_case(&advice(input.unusable))
    )
}
