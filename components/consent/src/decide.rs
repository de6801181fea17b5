//! The decision for one request: the purpose's row picks the rule, the rule
//! sets the outcome, legal basis, consenting and informed parties, and
//! CS-MINIMAL then names the data that may go.
//!
//! Every path that falls back does so towards CS-DEFAULT (needs consent): a
//! purpose sent to a recipient its rule does not cover, a GI purpose without
//! a GI, a purpose missing from the table. A refusal of consent is denied,
//! unless the child's safety is at stake: then the card asks for
//! professional judgement (CS-CONFLICT), which is "no decision", not "deny".

use crate::age::Consenters;
use crate::facts::{Facts, Recorded};
use crate::minimal;
use crate::tables::{self, BASIS_CONSENT, CONFLICT_CHECKLIST, PurposeRule, Treatment};
use crate::text;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_types::{ConsentCard, ConsentOutcome, DisclosureRequest, Party, Reason};

/// The card for one request.
pub(crate) fn card(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest) -> ConsentCard {
    let row = tables::rule_for(request.purpose);
    let mut d = Draft::new(request);
    let treatment = effective_treatment(facts, row, request, &mut d.reasons);
    match treatment {
        Treatment::Direct => direct(row, request, &mut d),
        Treatment::PresumedMedical => presumed_medical(facts, who, row, request, &mut d),
        Treatment::School => school(facts, who, request, &mut d),
        Treatment::AnonymousAdvice => anonymous_advice(row, request, &mut d),
        Treatment::Melding => melding(facts, who, row, request, &mut d),
        Treatment::Gi => gi(who, row, request, &mut d),
        Treatment::Default => default(facts, who, request, &mut d),
    }
    minimal::apply(row, treatment, request, &mut d.card, &mut d.reasons);
    d.card.reasons = d.reasons;
    d.card
}

/// A card being built, with its reasons kept apart until the end.
struct Draft {
    card: ConsentCard,
    reasons: Vec<Reason>,
}

impl Draft {
    fn new(request: &DisclosureRequest) -> Draft {
        Draft {
            card: ConsentCard {
                request: request.clone(),
                // The strict starting point; every rule sets its own outcome.
                outcome: ConsentOutcome::NeedsConsent,
                legal_basis: None,
                consent_of: Vec::new(),
                inform: Vec::new(),
                permitted_data: Vec::new(),
                checklist: Vec::new(),
                reasons: Vec::new(),
            },
            reasons: Vec::new(),
        }
    }

    /// Permitted without consent on `basis`.
    fn permit(&mut self, basis: &str) {
        self.card.outcome = ConsentOutcome::Permitted;
        self.card.legal_basis = Some(basis.to_string());
    }

    /// Names who is informed, citing CS-AGE when anybody is.
    fn inform(&mut self, who: &Consenters, parties: Vec<Party>) {
        if !parties.is_empty() {
            self.reasons.push(Reason::new("CS-AGE", who.text.clone()));
        }
        self.card.inform = parties;
    }
}

/// The treatment that applies: the row's, unless the recipient is outside
/// the rule or a GI purpose has no GI, which both fall to CS-DEFAULT.
fn effective_treatment(
    facts: &Facts<'_>,
    row: &PurposeRule,
    request: &DisclosureRequest,
    reasons: &mut Vec<Reason>,
) -> Treatment {
    let recipient = request.recipient;
    if let Some(covered) = row.recipients
        && !covered.contains(&recipient)
    {
        let names: Vec<&str> = covered.iter().map(|p| text::partner(*p)).collect();
        reasons.push(Reason::new(
            row.rule,
            format!(
                "{} as {} only covers {}, not {}, so this disclosure falls to CS-DEFAULT and needs consent.",
                text::capitalise(text::purpose(request.purpose)),
                row.rule,
                names.join(", "),
                text::partner(recipient)
            ),
        ));
        return Treatment::Default;
    }
    if row.treatment == Treatment::Gi && !facts.gi_involved {
        reasons.push(Reason::new(
            "CS-GI",
            format!(
                "No gecertificeerde instelling carries out an ondertoezichtstelling, so Jeugdwet 7.3.11 lid 4 does not apply and sharing with {} falls to CS-DEFAULT.",
                text::partner(recipient)
            ),
        ));
        return Treatment::Default;
    }
    row.treatment
}

/// CS-DIRECT: the same care, no consent, only what the task needs.
fn direct(row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    let basis = row.basis.unwrap_or(tables::BASIS_DIRECT);
    d.permit(basis);
    d.reasons.push(Reason::new(
        row.rule,
        format!(
            "{} is directly involved in delivering the same care, so no consent is needed but only what the task needs may go; legal basis: {basis}.",
            text::capitalise(text::partner(request.recipient))
        ),
    ));
}

/// CS-REFERRAL: presumed consent for a medical referral and its feedback,
/// with parents/youth informed; a recorded refusal ends the presumption.
fn presumed_medical(
    facts: &Facts<'_>,
    who: &Consenters,
    row: &PurposeRule,
    request: &DisclosureRequest,
    d: &mut Draft,
) {
    let recipient = request.recipient;
    if let Recorded::Refused(refused) = facts.recorded(&who.consent, recipient) {
        // Consent cannot be presumed from someone who said no.
        d.reasons.push(Reason::new(
            row.rule,
            format!(
                "Consent for a medical referral to {} can no longer be presumed because {} refused it.",
                text::partner(recipient),
                text::parties(&refused)
            ),
        ));
        d.reasons.push(Reason::new("CS-AGE", who.text.clone()));
        d.card.consent_of = who.consent.clone();
        d.card.inform = who.inform.clone();
        refusal(facts, "CS-REFERRAL", &refused, request, d);
        return;
    }
    let basis = row.basis.unwrap_or(tables::BASIS_REFERRAL);
    d.permit(basis);
    d.reasons.push(Reason::new(
        row.rule,
        format!(
            "A medical referral to {} and its feedback need no explicit consent, but {} must still be informed; legal basis: {basis}.",
            text::partner(recipient),
            text::parties(&who.inform)
        ),
    ));
    d.inform(who, who.inform.clone());
}

/// CS-SCHOOL: school or childcare only with consent (the parents', and the
/// youth's where CS-AGE gives the youth a say), the parents present where
/// possible, and the signalling party informs them.
fn school(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest, d: &mut Draft) {
    let informs_parents = who.inform.contains(&Party::Parents);
    d.reasons.push(Reason::new(
        "CS-SCHOOL",
        format!(
            "Consulting {} about the child needs the consent of {}{}.",
            text::partner(request.recipient),
            text::parties(&who.consent),
            if informs_parents {
                ", preferably with the parents present, and the party that signals informs the parents"
            } else {
                ", and the parents are neither asked nor informed because the youth (16 or older) decided so"
            }
        ),
    ));
    d.inform(who, who.inform.clone());
    by_consent(facts, &who.consent, "CS-SCHOOL", request, d);
}

/// CS-VT-ADVICE: anonymous advice, no consent, every identifier stripped.
fn anonymous_advice(row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    d.card.outcome = ConsentOutcome::AnonymousOnly;
    let basis = row.basis.unwrap_or(tables::BASIS_VT_ADVICE);
    d.card.legal_basis = Some(basis.to_string());
    d.reasons.push(Reason::new(
        row.rule,
        format!(
            "Advice from {} may be asked without consent only anonymously, with contact details and every other identifier stripped; legal basis: {basis}.",
            text::partner(request.recipient)
        ),
    ));
}

/// CS-VT-MELDING: the meldrecht, and a record of meldcode step 3.
fn melding(facts: &Facts<'_>, who: &Consenters, row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    let basis = row.basis.unwrap_or(tables::BASIS_VT_MELDING);
    d.permit(basis);
    let endangers = facts.meldcode.is_some_and(|m| m.telling_endangers);
    let told = facts.meldcode.and_then(|m| m.parents_told);
    let step3 = match (told, endangers) {
        (Some(true), _) => "the parents and the child were told beforehand (meldcode step 3)".to_string(),
        (_, true) => "the parents and the child were not told beforehand because telling them would endanger the child, someone else or the professional".to_string(),
        (Some(false), false) => "the parents and the child were not told beforehand and no danger is recorded, so record why not (meldcode step 3)".to_string(),
        (None, false) => "whether the parents and the child were told beforehand, or why not, is not recorded and meldcode step 3 must be recorded".to_string(),
    };
    let refusal = if facts.any_refusal(request.recipient) { " even though consent was refused" } else { "" };
    d.reasons.push(Reason::new(
        row.rule,
        format!(
            "A melding at {} is allowed without consent{refusal} on the {basis}, and {step3}.",
            text::partner(request.recipient)
        ),
    ));
    // Telling them is step 3; when telling endangers someone, nobody is
    // informed by this card (the professional records why).
    let inform = if endangers && told != Some(true) { Vec::new() } else { who.inform.clone() };
    d.inform(who, inform);
}

/// CS-GI: what a GI needs for an ondertoezichtstelling, without consent.
fn gi(who: &Consenters, row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    let basis = row.basis.unwrap_or(tables::BASIS_GI);
    d.permit(basis);
    d.reasons.push(Reason::new(
        row.rule,
        format!(
            "{} carries out an ondertoezichtstelling, so what it needs for that may be given without consent and {} informed; legal basis: {basis}.",
            text::capitalise(text::partner(request.recipient)),
            text::is_are(&who.inform)
        ),
    ));
    d.inform(who, who.inform.clone());
}

/// CS-DEFAULT: not until the consent CS-AGE names is recorded.
fn default(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest, d: &mut Draft) {
    d.reasons.push(Reason::new("CS-AGE", who.text.clone()));
    d.card.inform = who.inform.clone();
    by_consent(facts, &who.consent, "CS-DEFAULT", request, d);
}

/// A disclosure that needs the consent of `needed`: permitted once all gave
/// it, needs-consent while any is missing, and on a refusal either
/// professional judgement (safety at stake) or denied.
fn by_consent(facts: &Facts<'_>, needed: &[Party], rule: &str, request: &DisclosureRequest, d: &mut Draft) {
    let recipient = request.recipient;
    match facts.recorded(needed, recipient) {
        Recorded::AllGiven => {
            d.card.outcome = ConsentOutcome::Permitted;
            d.card.consent_of = needed.to_vec();
            d.card.legal_basis =
                Some(format!("{BASIS_CONSENT}: {} for {}", text::parties(needed), text::partner(recipient)));
            d.reasons.push(Reason::new(
                rule,
                format!(
                    "The consent of {} for {} is recorded, so the disclosure may go on that consent.",
                    text::parties(needed),
                    text::partner(recipient)
                ),
            ));
        }
        Recorded::Missing(missing) => {
            d.card.outcome = ConsentOutcome::NeedsConsent;
            d.reasons.push(Reason::new(
                rule,
                format!(
                    "Nothing may go to {} until the consent of {} is recorded; it is still missing.",
                    text::partner(recipient),
                    text::parties(&missing)
                ),
            ));
            d.card.consent_of = missing;
        }
        Recorded::Refused(refused) => {
            d.card.consent_of = needed.to_vec();
            refusal(facts, rule, &refused, request, d);
        }
    }
}

/// A refusal: denied, unless the child's safety is at stake, in which case a
/// conflict of duties is for the professional to weigh (CS-CONFLICT).
fn refusal(facts: &Facts<'_>, rule: &str, refused: &[Party], request: &DisclosureRequest, d: &mut Draft) {
    let recipient = request.recipient;
    d.card.legal_basis = None;
    match facts.safety_concern() {
        Some(why) => {
            d.card.outcome = ConsentOutcome::ProfessionalJudgement;
            d.card.checklist = CONFLICT_CHECKLIST.questions.iter().map(|q| String::from(*q)).collect();
            d.reasons.push(Reason::new(
                "CS-CONFLICT",
                format!(
                    "{} refused consent for {} while {why}, so this conflict of duties is not decided automatically and the professional weighs it with the {}-question checklist.",
                    text::capitalise(&text::parties(refused)),
                    text::partner(recipient),
                    CONFLICT_CHECKLIST.questions.len()
                ),
            ));
        }
        None => {
            d.card.outcome = ConsentOutcome::Denied;
            d.reasons.push(Reason::new(
                rule,
                format!(
                    "{} refused consent for {} and no safety concern is recorded, so nothing may go.",
                    text::capitalise(&text::parties(refused)),
                    text::partner(recipient)
                ),
            ));
        }
    }
}
