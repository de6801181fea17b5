//! What the consent rules read from the case besides the age: recorded
//! consents per recipient, whether the child's safety is at stake (which
//! turns a refusal into a conflict of duties, CS-CONFLICT), GI involvement,
//! the meldcode's step 3 (telling parents and child before a melding, and
//! whether telling would endanger someone, which CS-VIR reads too), and
//! whether the family agreed to a referral (which is not yet consent); and
//! the language the reader asked for, which every sentence of the case's
//! cards is written in.

use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{ChildCase, ConsentRecord, Language, MeldcodeInput, Partner, Party, say};

/// The facts of one case that every request reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Facts<'a> {
    /// Consents given or refused, oldest first.
    consents: &'a [ConsentRecord],
    /// A GI carries out an ondertoezichtstelling.
    pub(crate) gi_involved: bool,
    /// Meldcode progress, when there is a safety concern.
    pub(crate) meldcode: Option<&'a MeldcodeInput>,
    /// Number of acute-unsafety indicators.
    indicators: usize,
    /// The family agrees to a referral: not consent for any disclosure, but
    /// the card says what is still to be recorded.
    pub(crate) family_agrees_referral: bool,
    /// The language of every text on the cards, read once from the
    /// configuration.
    pub(crate) lang: Language,
}

/// What the recorded consents say for the needed parties and one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Recorded {
    /// Every needed party gave consent.
    AllGiven,
    /// These needed parties refused (whatever the others said).
    Refused(Vec<Party>),
    /// Nobody refused, but these needed parties have not answered.
    Missing(Vec<Party>),
}

impl<'a> Facts<'a> {
    /// Reads the facts of a case, to be written up in `lang`.
    pub(crate) fn of(case: &'a ChildCase, lang: Language) -> Facts<'a> {
        Facts {
            consents: &case.consents,
            gi_involved: case.gi_involved,
            meldcode: case.meldcode.as_ref(),
            indicators: case.safety_indicators.len(),
            family_agrees_referral: case.family_agrees_referral,
            lang,
        }
    }

    /// The answer of `party` about `recipient`: the latest record counts, so
    /// a consent withdrawn later (or given after a refusal) wins.
    pub(crate) fn answer(&self, party: Party, recipient: Partner) -> Option<bool> {
        self.consents.iter().rev().find(|c| c.party == party && c.recipient == recipient).map(|c| c.given)
    }

    /// What the records say for `needed` about `recipient`.
    pub(crate) fn recorded(&self, needed: &[Party], recipient: Partner) -> Recorded {
        let refused: Vec<Party> =
            needed.iter().copied().filter(|p| self.answer(*p, recipient) == Some(false)).collect();
        if !refused.is_empty() {
            return Recorded::Refused(refused);
        }
        let missing: Vec<Party> = needed.iter().copied().filter(|p| self.answer(*p, recipient).is_none()).collect();
        if missing.is_empty() { Recorded::AllGiven } else { Recorded::Missing(missing) }
    }

    /// Whether any party refused consent for `recipient`.
    pub(crate) fn any_refusal(&self, recipient: Partner) -> bool {
        Party::ALL.iter().any(|p| self.answer(*p, recipient) == Some(false))
    }

    /// The parties outside `needed` that have an answer recorded about
    /// `recipient`: answers that do not count for this disclosure.
    pub(crate) fn answers_that_do_not_count(&self, needed: &[Party], recipient: Partner) -> Vec<Party> {
        Party::ALL.iter().copied().filter(|p| !needed.contains(p) && self.answer(*p, recipient).is_some()).collect()
    }

    /// Whether informing parents or youth would endanger someone (meldcode
    /// input `telling_endangers`).
    pub(crate) fn telling_endangers(&self) -> bool {
        self.meldcode.is_some_and(|m| m.telling_endangers)
    }

    /// Why the child's safety is at stake, or `None`: any acute-unsafety
    /// indicator, or a meldcode suspicion (structural unsafety implies one).
    /// A clause after "while" ("terwijl", so the Dutch verb comes last).
    pub(crate) fn safety_concern(&self) -> Option<String> {
        let suspicion = self.meldcode.is_some_and(|m| m.suspicion || m.structural_unsafety);
        let lang = self.lang;
        Some(match (self.indicators, suspicion) {
            (0, false) => return None,
            (0, true) => say!(
                lang,
                "er volgens de meldcode een vermoeden van huiselijk geweld of kindermishandeling is",
                "there is a meldcode suspicion of domestic violence or child abuse"
            ),
            (1, false) => say!(
                lang,
                "er een aanwijzing voor acute onveiligheid is vastgelegd",
                "an acute-unsafety indicator is recorded"
            ),
            (n, false) => say!(
                lang,
                "er {n} aanwijzingen voor acute onveiligheid zijn vastgelegd",
                "{n} acute-unsafety indicators are recorded"
            ),
            (1, true) => say!(
                lang,
                "er volgens de meldcode een vermoeden is en er 1 aanwijzing voor acute onveiligheid is vastgelegd",
                "there is a meldcode suspicion and 1 acute-unsafety indicator is recorded"
            ),
            (n, true) => say!(
                lang,
                "er volgens de meldcode een vermoeden is en er {n} aanwijzingen voor acute onveiligheid zijn vastgelegd",
                "there is a meldcode suspicion and {n} acute-unsafety indicators are recorded"
            ),
        })
    }
}
