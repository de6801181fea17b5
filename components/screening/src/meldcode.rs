//! The meldcode safety track (guideline brief §5, rules `MC-*`): walks the
//! afwegingskader questions on what intake and the professional have
//! established so far, and says whether to close, keep assessing, help and
//! monitor, or make a melding at Veilig Thuis. It runs beside screening,
//! never behind it: an acute signal is a melding whatever the scores say.

use alloc::{
    borrow::ToOwned,
    format,
    string::{String, ToString},
    vec::Vec,
};

use wegwijs_kit::Participants;
use wegwijs_types::{
    AcuteIndicator, ChildCase, Domain, IntakeCard, MeldcodeCard, MeldcodeConclusion, MeldcodeInput, Reason,
};

use crate::text;
use wegwijs_kit::{TableSource, sentence_case};

/// The meldcode as data: its five steps and the indicators that call for
/// Veilig Thuis at step 2 at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeldcodeTable {
    /// Source and version.
    pub guideline: TableSource,
    /// The five steps, in order. `{who}` stands for the people talked with
    /// (the parents and the child, the youth, …), filled in per case so the
    /// step names nobody a 16+ youth has excluded.
    pub steps: [&'static str; 5],
    /// Indicators for which Veilig Thuis is contacted at step 2 at once.
    pub step_two_indicators: &'static [AcuteIndicator],
    /// Concern codes for which Veilig Thuis is contacted at step 2 at once:
    /// MC-STEPS names the kind of violence, whether or not it is acute.
    pub step_two_concerns: &'static [&'static str],
}

/// Meldcode huiselijk geweld en kindermishandeling with the afwegingskader
/// (mandatory since 1 January 2019; the afwegingskaders date from 2018).
pub const MELDCODE: MeldcodeTable = MeldcodeTable {
    guideline: TableSource {
        name: "Meldcode huiselijk geweld en kindermishandeling (afwegingskader)",
        version: "2019 (afwegingskaders 2018), wegwijs table r1",
    },
    steps: [
        "1 map the signals (kindcheck included)",
        "2 consult a colleague or the aandachtsfunctionaris and, if needed, Veilig Thuis (advice, may be anonymous)",
        "3 talk with {who} (skip only if that endangers someone)",
        "4 weigh, with the afwegingskader",
        "5 decide: melden and/or help",
    ],
    step_two_indicators: &[AcuteIndicator::HonourRevenge, AcuteIndicator::ForcedMarriage, AcuteIndicator::Fgm],
    step_two_concerns: &["honour-related-violence", "forced-marriage", "fgm"],
};

/// The meldcode card with the reasons behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeldcodeTrack {
    /// The card.
    pub card: MeldcodeCard,
    /// Reasons with rule ids.
    pub reasons: Vec<Reason>,
}

fn steps_text(p: Participants) -> String {
    let (who, _) = text::told(p);
    MELDCODE.steps.iter().map(|s| s.replace("{who}", who)).collect::<Vec<_>>().join("; ")
}

/// What CS-VT-MELDING records about telling the family beforehand, worded
/// for who takes part (CS-AGE).
fn telling(m: Option<&MeldcodeInput>, p: Participants) -> String {
    let (who, plural) = text::told(p);
    let were = if plural { "were" } else { "was" };
    match m {
        Some(m) if m.telling_endangers => {
            format!("telling {who} beforehand would endanger someone, so record why this was not done")
        }
        Some(MeldcodeInput { parents_told: Some(true), .. }) => {
            format!("{} {were} told beforehand", sentence_case(who))
        }
        Some(MeldcodeInput { parents_told: Some(false), .. }) => {
            format!("{} {were} not told beforehand: record why", sentence_case(who))
        }
        _ => format!("record whether {who} {were} told beforehand, or why not"),
    }
}

/// The safety track, when there is any safety signal: the intake's safety
/// flag or acute indicators, a concern in the safety domain, or meldcode
/// progress recorded on the case. `None` otherwise.
pub fn assess(case: &ChildCase, intake: &IntakeCard) -> Option<MeldcodeTrack> {
    let p = crate::participants(case, intake);
    let safety_concern =
        intake.domains.contains(&Domain::Safety) || intake.concerns.iter().any(|c| c.domain == Domain::Safety);
    // Acute indicators without the flag would be an intake inconsistency;
    // erring towards acute keeps a listed indicator from being lost.
    let acute = intake.safety_flag || !intake.acute_indicators.is_empty();
    let m = case.meldcode.as_ref();
    if !acute && !safety_concern && m.is_none() {
        return None;
    }

    let mut step_two: Vec<&'static str> = Vec::new();
    for ind in MELDCODE.step_two_indicators {
        let named = intake.acute_indicators.contains(ind)
            || case.safety_indicators.iter().any(|s| s.trim().eq_ignore_ascii_case(ind.name()));
        if named {
            step_two.push(ind.name());
        }
    }
    for code in MELDCODE.step_two_concerns {
        if intake.concerns.iter().any(|c| c.code == *code) && !step_two.contains(code) {
            step_two.push(code);
        }
    }
    let vt_step_two = !step_two.is_empty();

    let mut reasons = Vec::new();
    if vt_step_two {
        reasons.push(Reason::new(
            "MC-STEPS",
            format!(
                "{} {} {} for contacting Veilig Thuis at step 2 at once (honour-related violence, forced marriage or FGM).",
                text::noun(step_two.len(), "Indicator", "Indicators"),
                step_two.join(", "),
                text::noun(step_two.len(), "calls", "call")
            ),
        ));
    }

    let card =
        |conclusion, next_step| MeldcodeCard { conclusion, veilig_thuis_at_step_two: vt_step_two, acute, next_step };

    if acute {
        let indicators: Vec<String> = intake.acute_indicators.iter().map(|i| i.name().to_string()).collect();
        reasons.push(Reason::new(
            "MC-Q2",
            format!(
                "Acute unsafety ({}): melding at Veilig Thuis, immediate; questions 3–5 are answered together with Veilig Thuis; {}.",
                match indicators.len() {
                    0 => "the safety flag, no indicator named".to_owned(),
                    n => format!("{}: {}", text::noun(n, "indicator", "indicators"), indicators.join(", ")),
                },
                telling(m, p)
            ),
        ));
        return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
    }

    let suspicion = m.is_some_and(|m| m.suspicion) || safety_concern;
    if !suspicion {
        reasons.push(Reason::new(
            "MC-Q1",
            "No suspicion of (threat of) domestic violence or child abuse and no safety concern: close the meldcode track and record the decision in the file.",
        ));
        return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Close, 5), reasons });
    }

    let melding = |rule: &str, why: &str, reasons: &mut Vec<Reason>| {
        reasons.push(Reason::new(rule, format!("{why}: melding at Veilig Thuis (step 5); {}.", telling(m, p))));
    };
    if let Some(mi) = m {
        if mi.structural_unsafety {
            melding("MC-Q2", "Structural unsafety established (not acute)", &mut reasons);
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
        }
        if mi.help_possible == Some(false) {
            melding("MC-Q3", "Effective help cannot be offered or organised", &mut reasons);
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
        }
        if mi.help_accepted == Some(false) {
            melding("MC-Q4", "The family does not accept or commit to help", &mut reasons);
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
        }
        if mi.help_effective == Some(false) {
            melding(
                "MC-Q5",
                "The help did not lead to safety in the agreed time, so a melding is made (again)",
                &mut reasons,
            );
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Melding, 5), reasons });
        }
        if mi.help_effective == Some(true) {
            reasons.push(Reason::new(
                "MC-Q5",
                "The help led to safety in the agreed time: close the help with agreements on monitoring future (un)safety with the family and partners.",
            ));
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Close, 5), reasons });
        }
        if mi.help_accepted == Some(true) {
            reasons.push(Reason::new(
                "MC-Q4",
                "Help can be organised and the family accepts and commits to it: offer or organise the help and monitor whether it leads to safety in the agreed time (question 5).",
            ));
            return Some(MeldcodeTrack { card: card(MeldcodeConclusion::Help, 5), reasons });
        }
    }

    // No afwegingskader answer decides yet. The model records answers, not
    // steps, so the next step is read off how far the answers reach: without
    // a recorded suspicion the signals still need mapping (1); a suspicion
    // alone means consulting comes next (2); once help is known to be
    // possible, acceptance needs the conversation with the family (3),
    // unless that endangers someone, in which case weighing follows (4).
    let next_step = match m {
        None => 1,
        Some(mi) if !mi.suspicion => 1,
        Some(mi) if mi.help_possible.is_none() => 2,
        Some(mi) if mi.telling_endangers => 4,
        Some(_) => 3,
    };
    let source = if m.is_some_and(|mi| mi.suspicion) {
        "A suspicion of domestic violence or child abuse is recorded"
    } else {
        "The signal contains a safety concern"
    };
    reasons.push(Reason::new(
        "MC-STEPS",
        format!(
            "{source} but no afwegingskader question decides yet, so assess along the five steps, next is step {next_step}: {}.",
            steps_text(p)
        ),
    ));
    Some(MeldcodeTrack { card: card(MeldcodeConclusion::Assess, next_step), reasons })
}
