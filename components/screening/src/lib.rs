//! The reference screening stage of wegwijs: the national JGZ guideline
//! defaults for screening one child, as a plain `no_std` Rust library.
//!
//! [`screen`] reads the de-identified [`ChildCase`] and the intake stage's
//! [`IntakeCard`] and returns a [`ScreeningCard`]: the risk card
//! parent–child relationship (§2.1 of the guideline brief, rules `RK-*`), the
//! psychosocial instruments scored against their age windows and norm tables
//! (§2.2, `PS-*`), the action ladder (`PS-LADDER`) and the meldcode safety
//! track (§5, `MC-*`). Every rule table is versioned data in a public
//! constant; the logic only reads the tables, so a guideline revision changes
//! a table, not the engine. Every result cites the rule ids it rests on, and
//! every result is a recommendation for a professional to confirm (G-HUMAN).
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

use alloc::{borrow::ToOwned, format, string::String, vec, vec::Vec};

use wegwijs_types::{
    Action, ChildCase, IntakeCard, IntakeOutcome, Level, MeldcodeConclusion, Reason, RegionConfig, RiskCard,
    ScreeningCard,
};

pub mod instruments;
pub mod ladder;
pub mod meldcode;
pub mod risk_card;
pub mod sdq;
mod text;

#[cfg(target_arch = "wasm32")]
mod component;

#[cfg(test)]
mod tests;

pub use instruments::{INSTRUMENT_WINDOWS, RECOMMENDED_INSTRUMENTS};
pub use ladder::LADDER;
pub use meldcode::MELDCODE;
pub use risk_card::{PROTECTIVE_FACTORS, RISK_FACTORS};
pub use sdq::SDQ_NORMS_UK;

/// The guideline (or other source document) a rule table comes from, with
/// its version, so that a card can say exactly which table produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guideline {
    /// Name of the guideline or source document.
    pub name: &'static str,
    /// Version (year of publication, plus the wegwijs table revision).
    pub version: &'static str,
}

impl Guideline {
    /// `name version`, as shown in reasons and on cards.
    pub fn label(&self) -> String {
        format!("{} {}", self.name, self.version)
    }
}

/// Every rule id this crate can cite in a reason or a warning.
pub const RULE_IDS: &[&str] = &[
    "RK-BALANCE",
    "RK-RED",
    "RK-ONE-DOMAIN",
    "RK-MULTI-DOMAIN",
    "RK-FEW",
    "RK-NONE",
    "RK-NO-DIAGNOSIS",
    "PS-INSTRUMENT",
    "PS-SDQ-SCORE",
    "PS-SDQ-BANDS",
    "PS-SPARK",
    "PS-GIZ",
    "PS-LADDER",
    "MC-STEPS",
    "MC-Q1",
    "MC-Q2",
    "MC-Q3",
    "MC-Q4",
    "MC-Q5",
    "IN-UNKNOWN",
    "G-SHARED",
    "G-HUMAN",
];

/// Screens one child: risk card, instruments, action ladder and meldcode
/// track, combined into one card whose reasons cite the rules applied.
///
/// Never panics: malformed input (wrong number of SDQ answers, unknown
/// codes, instruments outside their age range, bad configuration values)
/// becomes a warning and is left out of the result.
pub fn screen(case: &ChildCase, intake: &IntakeCard, config: &dyn RegionConfig) -> ScreeningCard {
    if intake.outcome == IntakeOutcome::Closed {
        return closed_card(intake);
    }

    let mut reasons: Vec<Reason> = Vec::new();
    let mut warnings: Vec<Reason> = Vec::new();

    let risk = risk_card::assess(case, config);
    reasons.extend(risk.reasons);
    warnings.extend(risk.warnings);

    let inst = instruments::assess(case, intake, config);
    reasons.extend(inst.reasons);
    warnings.extend(inst.warnings);

    // Which sources reached the overall level matters for the ladder's
    // explanation, so they are collected by name rather than just maxed.
    let mut overall = risk.card.level;
    let mut drivers: Vec<String> = Vec::new();
    if risk.card.level > Level::None {
        drivers.push("the risk card".to_owned());
    }
    for finding in &inst.findings {
        raise(finding.level, finding.label.clone(), &mut overall, &mut drivers);
    }
    if let Some(level) = inst.concern_level {
        raise(level, "the concern domains".to_owned(), &mut overall, &mut drivers);
    }

    let decision = ladder::decide(
        &ladder::LadderInput {
            level: overall,
            drivers: &drivers,
            parents_concerned: case.parents_concerned,
            youth_concerned: case.youth_concerned,
            impact: case.impact,
            duration: case.duration,
            family_agrees_referral: case.family_agrees_referral,
        },
        config,
    );
    reasons.extend(decision.reasons);
    warnings.extend(decision.warnings);

    let mut level = overall;
    let mut action = decision.action;
    let meld = meldcode::assess(case, intake);
    if let Some(track) = &meld {
        reasons.extend(track.reasons.iter().cloned());
        match track.card.conclusion {
            MeldcodeConclusion::Melding => {
                level = Level::Safety;
                action = Action::S;
            }
            MeldcodeConclusion::Assess | MeldcodeConclusion::Help => {
                level = level.max(Level::Concern);
                action = Action::S;
            }
            MeldcodeConclusion::Close => {}
        }
        if action == Action::S {
            reasons.push(Reason::new(
                "PS-LADDER",
                format!(
                    "Safety always takes action S (meldcode track), independent of the A-level: the ladder alone would give {} and the overall level is {}.",
                    text::action_label(decision.action),
                    level.name()
                ),
            ));
        }
    }

    reasons.push(Reason::new(
        "G-HUMAN",
        "This screening is a recommendation: instruments and tables never replace professional judgement, and the follow-up is decided together with parents and youth.",
    ));

    let mut findings: Vec<String> = inst.findings.iter().map(|f| f.summary.clone()).collect();
    if risk.card.level > Level::None || !risk.card.protective_factors.is_empty() {
        findings.push(text::risk_summary(&risk.card));
    }
    if let Some(level) = inst.concern_level {
        findings.push(format!("concerns without a valid instrument ({})", level.name()));
    }
    if let Some(track) = &meld {
        findings.push(text::meldcode_summary(&track.card));
    }
    let summary = if findings.is_empty() {
        format!(
            "Level {}, action {}: no risk factors, instrument results or concerns",
            level.name(),
            text::action_label(action)
        )
    } else {
        format!("Level {}, action {}: {}", level.name(), text::action_label(action), findings.join("; "))
    };

    ScreeningCard {
        level,
        action,
        child_action: decision.action,
        risk_card: risk.card,
        instruments: inst.results,
        meldcode: meld.map(|m| m.card),
        summary,
        warnings,
        reasons,
    }
}

/// Raises the overall level to `level` if higher, keeping the names of the
/// sources that reach the (new) maximum.
fn raise(level: Level, source: String, overall: &mut Level, drivers: &mut Vec<String>) {
    if level > *overall {
        *overall = level;
        drivers.clear();
    }
    if level == *overall && level > Level::None {
        drivers.push(source);
    }
}

/// The card for a signal intake closed: nothing was screened.
fn closed_card(intake: &IntakeCard) -> ScreeningCard {
    let mut cited: Vec<&str> = Vec::new();
    for r in &intake.reasons {
        if !cited.contains(&r.rule.as_str()) {
            cited.push(r.rule.as_str());
        }
    }
    let cited =
        if cited.is_empty() { String::new() } else { format!(" (intake cited {})", text::truncate(&cited.join(", "))) };
    ScreeningCard {
        level: Level::None,
        action: Action::A0,
        child_action: Action::A0,
        risk_card: RiskCard {
            risk_factors: Vec::new(),
            protective_factors: Vec::new(),
            level: Level::None,
            table: risk_card::table_label(false),
        },
        instruments: Vec::new(),
        meldcode: None,
        summary: "Level none, action A0: not screened, intake closed the signal".to_owned(),
        warnings: Vec::new(),
        reasons: vec![Reason::new(
            "PS-LADDER",
            format!(
                "Screening was not done because intake closed the signal{cited}: no risk card or instrument was assessed, so there is no level and the action is A0."
            ),
        )],
    }
}
