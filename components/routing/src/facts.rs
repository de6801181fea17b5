//! The facts routing decides on, read once from the three input cards.
//!
//! Upstream cards may come from a region's own (possibly buggy) components,
//! so this module reads defensively: the intake card is preferred where it
//! normalised something, the raw case fills gaps, and nothing here indexes
//! or unwraps. The age, the domains and who takes part are read by the
//! region kit's [`CaseFacts`], as every stage and region reads them. Every
//! later module reads [`Facts`] instead of the cards, so the "which field
//! wins" decisions live in one place. The reader's [`Language`], read once
//! from the region configuration, travels here too, so every module that
//! writes a sentence writes it in the language the professional asked for.

use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_kit::{CaseFacts, Participants};
use wegwijs_types::{
    Action, Band, ChildCase, Domain, Handler, InstrumentResult, IntakeCard, Language, Level, MeldcodeCard,
    MeldcodeConclusion, ScreeningCard, SourceKind,
};

/// What routing knows about one case.
pub(crate) struct Facts<'a> {
    /// The de-identified case.
    pub(crate) case: &'a ChildCase,
    /// The screening card.
    pub(crate) screening: &'a ScreeningCard,
    /// The card's action: the ladder's rung, or S on the safety track.
    pub(crate) action: Action,
    /// The action for the child's own route: the card's action, or on the
    /// safety track the ladder's action beside S (IN-SAFETY); `None` when
    /// screening chose S without giving the ladder's action.
    pub(crate) child_action: Option<Action>,
    /// Screening gave A0 for the child while an instrument result could not
    /// be used; routing then proposes assessing again (PS-UNUSABLE), because
    /// an unusable result is never read as normal.
    pub(crate) a0_beside_unusable: bool,
    /// The overall level of the screening card.
    pub(crate) level: Level,
    /// Who takes part in decisions about the child (CS-AGE, G-SHARED).
    pub(crate) participants: Participants,
    /// The case is on the safety track and telling the parents would
    /// endanger someone: meldcode step 3 is skipped for now, and no
    /// conversation on the card may alert them.
    pub(crate) telling_endangers: bool,
    /// Normalised source of the signal.
    pub(crate) source: SourceKind,
    /// The handling professional.
    pub(crate) handler: Handler,
    /// Age in whole months; `None` before birth or when unknown.
    pub(crate) age_months: Option<u32>,
    /// The child is not yet born.
    pub(crate) prenatal: bool,
    /// Concern domains, deduplicated, in canonical order.
    pub(crate) domains: Vec<Domain>,
    /// Concern codes from intake and from the raw case.
    pub(crate) concern_codes: Vec<&'a str>,
    /// Risk factor codes from the risk card and from the raw case.
    pub(crate) risk_codes: Vec<&'a str>,
    /// A valid instrument lies in the abnormal band (or maps to concern+).
    pub(crate) instrument_abnormal: bool,
    /// The risk card level.
    pub(crate) risk_level: Level,
    /// The safety track's card, if screening produced one.
    pub(crate) meldcode: Option<&'a MeldcodeCard>,
    /// Intake raised the acute-unsafety flag (IN-SAFETY).
    pub(crate) intake_safety_flag: bool,
    /// The language every text on the card is written in.
    pub(crate) lang: Language,
}

impl<'a> Facts<'a> {
    /// Reads the facts from the three cards; `lang` is the reader's language.
    pub(crate) fn new(
        case: &'a ChildCase,
        intake: &'a IntakeCard,
        screening: &'a ScreeningCard,
        lang: Language,
    ) -> Self {
        let CaseFacts { age_months, prenatal, domains, participants } = CaseFacts::read(case, intake);

        let mut concern_codes: Vec<&str> = Vec::new();
        for c in intake.concerns.iter().map(|c| c.code.as_str()).chain(case.concerns.iter().map(String::as_str)) {
            push_code(&mut concern_codes, c);
        }
        let mut risk_codes: Vec<&str> = Vec::new();
        for c in screening
            .risk_card
            .risk_factors
            .iter()
            .map(|f| f.code.as_str())
            .chain(case.risk_factors.iter().map(String::as_str))
        {
            push_code(&mut risk_codes, c);
        }

        let instrument_abnormal = screening.instruments.iter().any(is_abnormal);

        let any_unusable = screening.instruments.iter().any(is_unusable);
        let ladder = if screening.action == Action::S {
            (screening.child_action != Action::S).then_some(screening.child_action)
        } else {
            Some(screening.action)
        };
        let a0_beside_unusable = ladder == Some(Action::A0) && any_unusable;
        let child_action = if a0_beside_unusable { Some(Action::Reassess) } else { ladder };

        let safety_track = screening.action == Action::S
            || intake.safety_flag
            || screening.meldcode.as_ref().is_some_and(|m| m.conclusion != MeldcodeConclusion::Close);
        let telling_endangers = safety_track && case.meldcode.as_ref().is_some_and(|m| m.telling_endangers);

        Facts {
            case,
            screening,
            action: screening.action,
            child_action,
            a0_beside_unusable,
            level: screening.level,
            participants,
            telling_endangers,
            source: intake.source,
            handler: case.handler,
            age_months,
            prenatal,
            domains,
            concern_codes,
            risk_codes,
            instrument_abnormal,
            risk_level: screening.risk_card.level,
            meldcode: screening.meldcode.as_ref(),
            intake_safety_flag: intake.safety_flag,
            lang,
        }
    }

    /// Whether the domain was touched.
    pub(crate) fn has_domain(&self, d: Domain) -> bool {
        self.domains.contains(&d)
    }

    /// Number of concern domains other than safety (safety has its own track).
    pub(crate) fn concern_domain_count(&self) -> usize {
        self.domains.iter().filter(|d| **d != Domain::Safety).count()
    }

    /// Whether any concern code is in `table` (ASCII case-insensitive).
    pub(crate) fn has_concern_code(&self, table: &[&str]) -> Option<&'a str> {
        self.concern_codes.iter().copied().find(|c| table.iter().any(|t| t.eq_ignore_ascii_case(c)))
    }

    /// Whether any risk factor or concern code is in `table`.
    pub(crate) fn has_risk_or_concern_code(&self, table: &[&str]) -> Option<&'a str> {
        self.risk_codes
            .iter()
            .copied()
            .find(|c| table.iter().any(|t| t.eq_ignore_ascii_case(c)))
            .or_else(|| self.has_concern_code(table))
    }

    /// The instrument results that could not be used (PS-UNUSABLE).
    pub(crate) fn unusable(&self) -> impl Iterator<Item = &'a InstrumentResult> + use<'a> {
        self.screening.instruments.iter().filter(|i| is_unusable(i))
    }

    /// The valid instrument results in the abnormal band (or at level concern or higher).
    pub(crate) fn abnormal(&self) -> impl Iterator<Item = &'a InstrumentResult> + use<'a> {
        self.screening.instruments.iter().filter(|i| is_abnormal(i))
    }
}

/// Adds a code once; codes are compared ASCII case-insensitively because
/// regions do not all spell them alike.
fn push_code<'a>(codes: &mut Vec<&'a str>, code: &'a str) {
    let code = code.trim();
    if !code.is_empty() && !codes.iter().any(|c| c.eq_ignore_ascii_case(code)) {
        codes.push(code);
    }
}

/// A result that cannot be used: marked invalid, or carrying a reason why
/// (a region's screening may set one without the other).
fn is_unusable(i: &InstrumentResult) -> bool {
    !i.valid || i.unusable.is_some()
}

/// A usable result in the abnormal band, or mapped to level concern or higher.
fn is_abnormal(i: &InstrumentResult) -> bool {
    !is_unusable(i) && (i.band == Some(Band::Abnormal) || i.level.is_some_and(|l| l >= Level::Concern))
}
