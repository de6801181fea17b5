//! The reference screening stage of wegwijs: the national JGZ guideline
//! defaults for screening one child, as a plain `no_std` Rust library.
//!
//! [`screen`] reads the de-identified [`ChildCase`] and the intake stage's
//! [`IntakeCard`] and returns a [`ScreeningCard`]: the risk card
//! parent–child relationship (§2.1 of the guideline brief, rules `RK-*`), the
//! psychosocial instruments scored against their age windows and norm tables
//! (§2.2, `PS-*`), the action ladder (`PS-LADDER`) and the meldcode safety
//! track (§5, `MC-*`). A result that cannot be used is never read as normal
//! (`PS-UNUSABLE`), and nothing on a safety card or beside an unusable result
//! reads as reassurance (`IN-SAFETY`). Every rule table is versioned data in a public
//! constant; the logic only reads the tables, so a guideline revision changes
//! a table, not the engine. Every result cites the rule ids it rests on, and
//! every result is a recommendation for a professional to confirm (G-HUMAN).
//!
//! Every text for people (reasons, warnings, summary, the names of the
//! tables used) is written in the language the reader asked for
//! ([`RegionConfig::language`], read once in [`screen`] and passed on):
//! Dutch for the JGZ professional, in the field's own terms, or English.
//! Only the words change with it; levels, actions, scores, codes and rule
//! ids are the same in both.
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

use alloc::{format, string::String, vec, vec::Vec};

use wegwijs_kit::{CaseFacts, Participants, action_label, level_term};
use wegwijs_types::{
    Action, ChildCase, IntakeCard, IntakeOutcome, Language, Level, MeldcodeConclusion, Reason, RegionConfig, RiskCard,
    ScreeningCard, say,
};

pub mod instruments;
pub mod ladder;
pub mod meldcode;
pub mod risk_card;
pub mod sdq;
mod text;

// The WebAssembly export, only built for wasm32 (see `wegwijs_guest::export_stage!`).
// This is the guideline itself, so it takes no reference card.
#[cfg(target_arch = "wasm32")]
wegwijs_guest::export_stage!(screening: crate::screen(child, intake, config));

#[cfg(test)]
mod tests;

pub use instruments::{CONCERN_DOMAINS, INSTRUMENT_WINDOWS, RECOMMENDED_INSTRUMENTS, UNUSABLE};
pub use ladder::LADDER;
pub use meldcode::MELDCODE;
pub use risk_card::{PROTECTIVE_FACTORS, RISK_FACTORS};
pub use sdq::SDQ_NORMS_UK;
pub use text::Wording;

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
    "PS-UNUSABLE",
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
    "IN-SAFETY",
    "IN-UNKNOWN",
    "G-SHARED",
    "G-HUMAN",
];

/// Every code this component reads from a code list of the case: the risk
/// card's risk and protective factors. The host lets only the codes its
/// reference components read reach any component
/// (`host/wegwijs/src/input/vocabulary.rs`), so a factor added to a table
/// here reaches the components with nothing else to change.
pub fn codes_read() -> impl Iterator<Item = &'static str> {
    RISK_FACTORS.factors.iter().map(|f| f.code).chain(PROTECTIVE_FACTORS.factors.iter().map(|f| f.code))
}

/// Why a card may contain nothing that reads as reassurance
/// (`wegwijs_kit::REASSURANCE_PHRASES`): it takes action S
/// (IN-SAFETY), or an instrument result on it could not be used
/// (PS-UNUSABLE). Sentences that would otherwise say "normalise" are worded
/// for the card they go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Neither: an empty risk card or a normal score may be called normal.
    Plain,
    /// The card takes action S: the safety concern takes the meldcode track.
    Safety,
    /// An instrument result could not be used, and the card does not take action S.
    Unusable,
}

/// Who takes part in decisions about this child (CS-AGE), read as every
/// stage after intake reads it (the region kit's [`CaseFacts`]).
pub(crate) fn participants(case: &ChildCase, intake: &IntakeCard) -> Participants {
    CaseFacts::read(case, intake).participants
}

/// Screens one child: risk card, instruments, action ladder and meldcode
/// track, combined into one card whose reasons cite the rules applied, in
/// the language of `config` ([`RegionConfig::language`]).
///
/// Never panics: malformed input (wrong number of SDQ answers, unknown
/// codes, instruments outside their age range, bad configuration values)
/// becomes a warning and is left out of the result.
pub fn screen(case: &ChildCase, intake: &IntakeCard, config: &dyn RegionConfig) -> ScreeningCard {
    let lang = config.language();
    if intake.outcome == IntakeOutcome::Closed {
        return closed_card(intake, lang);
    }
    let people = participants(case, intake);
    let telling_endangers = case.meldcode.as_ref().is_some_and(|m| m.telling_endangers);

    // The meldcode track and the instruments are read first: whether the
    // card takes action S or carries an unusable result decides how the risk
    // card and the ladder may word an empty or normal finding.
    let meld = meldcode::assess(case, intake, lang);
    let safety = meld.as_ref().is_some_and(|m| m.card.conclusion != MeldcodeConclusion::Close);
    let mut inst = instruments::assess(case, intake, config, lang);
    let guard = if safety {
        Guard::Safety
    } else if inst.unusable.is_empty() {
        Guard::Plain
    } else {
        Guard::Unusable
    };
    let risk = risk_card::assess_for(case, config, guard, lang);

    let mut reasons: Vec<Reason> = Vec::new();
    let mut warnings: Vec<Reason> = Vec::new();
    reasons.extend(risk.reasons);
    warnings.extend(risk.warnings);
    reasons.append(&mut inst.reasons);
    warnings.append(&mut inst.warnings);

    // Which sources reached the overall level matters for the ladder's
    // explanation, so they are collected with why rather than just maxed.
    let mut overall = risk.card.level;
    let mut drivers: Vec<String> = Vec::new();
    if let Some(driver) = risk.driver {
        drivers.push(driver);
    }
    for finding in &inst.findings {
        raise(finding.level, finding.summary.clone(), &mut overall, &mut drivers);
    }
    if let (Some(level), Some(driver)) = (inst.concern_level, &inst.concern_driver) {
        raise(level, driver.clone(), &mut overall, &mut drivers);
    }
    let measured: Vec<String> = inst.findings.iter().map(|f| f.summary.clone()).collect();

    let decision = ladder::decide(
        &ladder::LadderInput {
            level: overall,
            drivers: &drivers,
            measured: &measured,
            instruments_supplied: !case.instruments.is_empty(),
            unusable: &inst.unusable,
            child_signs: inst.child_signs,
            safety,
            telling_endangers,
            participants: people,
            parents_concerned: case.parents_concerned,
            youth_concerned: case.youth_concerned,
            impact: case.impact,
            duration: case.duration,
            family_agrees_referral: case.family_agrees_referral,
            lang,
        },
        config,
    );
    reasons.extend(decision.reasons);
    warnings.extend(decision.warnings);
    let child_action = decision.action;

    // Nothing usable to judge by: the level is unknown, never none.
    // With a usable result beside the unusable one the level is what that
    // result gives (none); only without any is it unknown.
    let mut level = if child_action == Action::Reassess && measured.is_empty() { Level::Unknown } else { overall };
    let mut action = child_action;
    if let Some(track) = &meld {
        reasons.extend(track.reasons.iter().cloned());
        match track.card.conclusion {
            MeldcodeConclusion::Melding => level = Level::Safety,
            MeldcodeConclusion::Assess | MeldcodeConclusion::Help => level = level.max(Level::Concern),
            MeldcodeConclusion::Close => {}
        }
        if safety {
            action = Action::S;
            let overall = level_term(level, lang);
            reasons.push(Reason::new(
                "PS-LADDER",
                say!(
                    lang,
                    "Bij onveiligheid is de actie altijd S (meldcodetraject), wat de actieladder ook geeft voor de \
                     eigen zorgen over het kind; het totale niveau is {overall}.",
                    "Safety always takes action S (meldcode track), whatever the ladder gives for the child's own \
                     concerns; the overall level is {overall}."
                ),
            ));
            reasons.push(Reason::new("IN-SAFETY", safety_sentence(child_action, lang)));
        }
    }

    // The shared decision follows the meldcode's exception (MC-STEPS step
    // 3): where talking with the family would endanger someone, the card
    // does not tell the professional to decide together with them now.
    let who = people.together_with(lang);
    let together = if telling_endangers {
        say!(
            lang,
            "samen met {who} zodra dat niemand meer in gevaar brengt (uitzondering bij stap 3 van de meldcode)",
            "together with {who} once that no longer endangers anyone (meldcode step 3 exception)"
        )
    } else {
        say!(lang, "samen met {who}", "together with {who}")
    };
    reasons.push(Reason::new(
        "G-HUMAN",
        say!(
            lang,
            "Deze screening is een aanbeveling: instrumenten en tabellen vervangen nooit het professionele oordeel, \
             en over het vervolg wordt {together} beslist.",
            "This screening is a recommendation: instruments and tables never replace professional judgement, and \
             the follow-up is decided {together}."
        ),
    ));

    let summary = summary(level, action, &inst, &risk.card, meld.as_ref().map(|m| &m.card), lang);
    ScreeningCard {
        level,
        action,
        child_action,
        risk_card: risk.card,
        instruments: core::mem::take(&mut inst.results),
        meldcode: meld.map(|m| m.card),
        summary,
        warnings,
        reasons,
    }
}

/// The IN-SAFETY sentence: the safety track runs beside screening, and the
/// child's own action stands beside it.
fn safety_sentence(child_action: Action, lang: Language) -> String {
    let own = match child_action {
        Action::A0 => String::from(lang.pick(
            "de actieladder geeft A0, dus er is nu geen aparte stap voor het kind; kijk opnieuw naar wat het kind \
             nodig heeft zodra de veiligheidsstappen zijn gezet",
            "the ladder gives A0, so there is no separate step for the child now; look at the child's needs again \
             once the safety steps are taken",
        )),
        Action::Reassess => String::from(lang.pick(
            "een uitkomst van een instrument was niet bruikbaar, dus de eigen actie voor het kind is opnieuw \
             beoordelen: vul het instrument aan of neem het opnieuw af, naast de veiligheidsstappen",
            "an instrument result could not be used, so the child's own action is reassess: complete or redo it \
             beside the safety steps",
        )),
        other => {
            let own = action_label(other, lang);
            say!(
                lang,
                "de eigen actie voor het kind, {own}, wordt naast de veiligheidsroute voorgesteld: in urgentie na \
                 de veiligheidsroute, maar nooit weggelaten",
                "the child's own action {own} is proposed beside the safety route, after it in urgency, never dropped"
            )
        }
    };
    say!(
        lang,
        "Het meldcodetraject loopt gelijk op met de screening, niet in plaats daarvan: {own}.",
        "The meldcode track runs in parallel with screening, not instead of it: {own}."
    )
}

/// The one-line summary: level and action, then what the card found.
fn summary(
    level: Level,
    action: Action,
    inst: &instruments::InstrumentAssessment,
    risk: &RiskCard,
    meld: Option<&wegwijs_types::MeldcodeCard>,
    lang: Language,
) -> String {
    let mut findings: Vec<String> = inst.findings.iter().map(|f| f.summary.clone()).collect();
    for u in &inst.unusable {
        let (label, short) = (&u.label, instruments::unusable_row(u.reason).short.get(lang));
        findings.push(say!(lang, "{label} was niet bruikbaar ({short})", "{label} could not be used ({short})"));
    }
    if risk.level > Level::None || !risk.protective_factors.is_empty() {
        findings.push(text::risk_summary(risk, lang));
    }
    if let (Some(level), Some(driver)) = (inst.concern_level, &inst.concern_driver) {
        let level = level_term(level, lang);
        findings.push(say!(
            lang,
            "{driver} zonder bruikbaar instrument ({level})",
            "{driver} without a usable instrument ({level})"
        ));
    }
    if let Some(card) = meld {
        findings.push(text::meldcode_summary(card, lang));
    }
    let (level, action) = (level_term(level, lang), action_label(action, lang));
    let head = say!(lang, "Niveau {level}, actie {action}", "Level {level}, action {action}");
    if findings.is_empty() {
        say!(
            lang,
            "{head}: geen risicofactoren, uitkomsten van instrumenten of zorgen vastgelegd",
            "{head}: no risk factors, instrument results or concerns recorded"
        )
    } else {
        format!("{head}: {}", findings.join("; "))
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
fn closed_card(intake: &IntakeCard, lang: Language) -> ScreeningCard {
    let mut cited: Vec<&str> = Vec::new();
    for r in &intake.reasons {
        if !cited.contains(&r.rule.as_str()) {
            cited.push(r.rule.as_str());
        }
    }
    let cited = if cited.is_empty() {
        String::new()
    } else {
        let rules = text::truncate(&cited.join(", "));
        say!(lang, " (de intake noemde {rules})", " (intake cited {rules})")
    };
    ScreeningCard {
        level: Level::None,
        action: Action::A0,
        child_action: Action::A0,
        risk_card: RiskCard {
            risk_factors: Vec::new(),
            protective_factors: Vec::new(),
            level: Level::None,
            table: risk_card::table_label(false, lang),
        },
        instruments: Vec::new(),
        meldcode: None,
        summary: String::from(lang.pick(
            "Niveau geen zorg, actie A0: niet gescreend, de intake heeft het signaal afgesloten",
            "Level none, action A0: not screened, intake closed the signal",
        )),
        warnings: Vec::new(),
        reasons: vec![Reason::new(
            "PS-LADDER",
            say!(
                lang,
                "Er is niet gescreend, omdat de intake het signaal heeft afgesloten{cited}: er is geen risicokaart \
                 of instrument beoordeeld, dus er is geen niveau en de actie is A0.",
                "Screening was not done because intake closed the signal{cited}: no risk card or instrument was \
                 assessed, so there is no level and the action is A0."
            ),
        )],
    }
}
