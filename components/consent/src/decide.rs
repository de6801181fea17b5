//! The decision for one request: the purpose's row picks the rule, the rule
//! sets the outcome, legal basis, consenting and informed parties, and
//! CS-MINIMAL then names the data that may go.
//!
//! Every path that falls back does so towards CS-DEFAULT (needs consent): a
//! purpose sent to a recipient its rule does not cover, a GI purpose without
//! a GI, a purpose missing from the table. A refusal of consent is denied,
//! unless the child's safety is at stake: then the card asks for
//! professional judgement (CS-CONFLICT), which is "no decision", not "deny".
//!
//! A card that still needs consent says what the professional does about
//! it: whose consent, and how to record it. A family's agreement to a
//! referral is not that consent, and the card says so rather than reading
//! the agreement as consent. When a youth of 16 or older excluded the
//! parents, no sentence built here names them, except on a parent's own
//! care (CS-OWN-CARE), which is about the parent.

use crate::age::{Age, Consenters};
use crate::facts::{Facts, Recorded};
use crate::minimal;
use crate::tables::{
    self, BASIS_CONSENT, BASIS_OWN_CARE, CONFLICT_CHECKLIST, OWN_CARE_CONSENT, PurposeRule, Treatment, VIR_INFORM,
};
use crate::text;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_kit::sentence_case;
use wegwijs_types::{ConsentCard, ConsentOutcome, DisclosureRequest, Party, Purpose, Reason};

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
        Treatment::Verwijsindex => verwijsindex(facts, who, row, request, &mut d),
        Treatment::OwnCare => own_care(facts, who, request, &mut d),
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
        reasons.push(Reason::new(
            row.rule,
            format!(
                "{} is covered by {} only when it goes to {}, not to {}, so this disclosure falls to CS-DEFAULT and needs consent.",
                sentence_case(text::purpose(request.purpose)),
                row.rule,
                text::partners_or(covered),
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
            sentence_case(text::partner(request.recipient))
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

/// CS-SCHOOL: school or childcare only with the consent CS-AGE names (the
/// parents' under 12, the parents' and the youth's from 12 to 15, the
/// youth's alone from 16), preferably with them present, and the party that
/// signals informs them.
fn school(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest, d: &mut Draft) {
    let them = text::parties(&who.consent);
    d.reasons.push(Reason::new(
        "CS-SCHOOL",
        format!(
            "Consulting {} about the child needs the consent of {them} (CS-AGE), preferably with {them} present, and the party that signals (here JGZ) informs {them} about it.",
            text::partner(request.recipient),
        ),
    ));
    d.inform(who, who.inform.clone());
    by_consent(facts, who, &who.consent, "CS-SCHOOL", None, request, d);
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
    let endangers = facts.telling_endangers();
    let told = facts.meldcode.and_then(|m| m.parents_told);
    // Step 3 is a conversation with those the card informs: a youth of 16
    // or older who excluded the parents is told, and the parents are not
    // named.
    let (whom, were) = if who.parents_excluded { ("the youth", "was") } else { ("the parents and the child", "were") };
    let step3 = match (told, endangers) {
        (Some(true), _) => format!("{whom} {were} told beforehand (meldcode step 3)"),
        (_, true) => format!(
            "{whom} {were} not told beforehand because telling would endanger the child, someone else or the professional"
        ),
        (Some(false), false) => {
            format!("{whom} {were} not told beforehand and no danger is recorded, so record why not (meldcode step 3)")
        }
        (None, false) => format!(
            "whether {whom} {were} told beforehand, or why not, is not recorded, and meldcode step 3 must be recorded"
        ),
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
            sentence_case(text::partner(request.recipient)),
            text::is_are(&who.inform)
        ),
    ));
    d.inform(who, who.inform.clone());
}

/// CS-VIR: a Verwijsindex signal needs no consent (the professional is
/// meldingsbevoegd); the youth from 12 and the parents of a youth under 16
/// are informed, nobody when informing would endanger someone.
fn verwijsindex(facts: &Facts<'_>, who: &Consenters, row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    let basis = row.basis.unwrap_or(tables::BASIS_VIR);
    d.permit(basis);
    d.reasons.push(Reason::new(
        row.rule,
        format!(
            "A signal in {} needs no consent because the professional is meldingsbevoegd, and the index holds only that JGZ is involved with the child, never what is going on; legal basis: {basis}.",
            text::partner(request.recipient)
        ),
    ));
    if facts.any_refusal(request.recipient) {
        // The law needs no consent, but the guidance asks to weigh every
        // signal; an objection is part of that weighing.
        d.reasons.push(Reason::new(
            row.rule,
            "A refusal is recorded for the Verwijsindex: the signal still needs no consent, but weigh that objection before signalling (melden mag, afwegen moet).",
        ));
    }
    if facts.telling_endangers() {
        d.reasons.push(Reason::new(
            row.rule,
            format!(
                "Nobody is informed about the signal because {}; record that reason in the file.",
                VIR_INFORM.endangered
            ),
        ));
        d.card.inform = Vec::new();
        return;
    }
    let band = who.vir_inform();
    d.reasons.push(Reason::new(
        row.rule,
        format!(
            "{}: the professional informs {} about the signal ({}).",
            who.age.phrase(),
            text::parties(band.inform),
            band.label
        ),
    ));
    d.card.inform = band.inform.to_vec();
}

/// CS-OWN-CARE: a parent's own care, on the consent of that parent for
/// themself, whatever the child's age; only what the parent's care needs of
/// the child's information goes with it (CS-MINIMAL).
fn own_care(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest, d: &mut Draft) {
    let recipient = request.recipient;
    // From 16 the youth's own information is the youth's to share (CS-AGE),
    // so the parent's consent cannot carry it.
    let youth = match who.age {
        Age::Years(y) if y >= 16 => {
            "; from 16 the youth decides about the youth's own information, so nothing the youth shared in confidence goes with it"
        }
        _ => "",
    };
    d.reasons.push(Reason::new(
        "CS-OWN-CARE",
        format!(
            "Sharing with {} (a referral, or aligning with the parent's own treater) is the parent's own care, not a disclosure about the child: the parent concerned consents for themself, whatever the child's age, and only what the parent's care needs of the child's information goes with it{youth}.",
            text::partner(recipient)
        ),
    ));
    let others = facts.answers_that_do_not_count(OWN_CARE_CONSENT, recipient);
    if !others.is_empty() {
        d.reasons.push(Reason::new(
            "CS-OWN-CARE",
            format!(
                "The answer recorded for {} about {} does not count here: only the parent concerned decides about the parent's own care (party `referred-parent`).",
                text::parties(&others),
                text::partner(recipient)
            ),
        ));
    }
    by_consent(facts, who, OWN_CARE_CONSENT, "CS-OWN-CARE", Some(BASIS_OWN_CARE), request, d);
}

/// CS-DEFAULT: not until the consent CS-AGE names is recorded.
fn default(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest, d: &mut Draft) {
    d.reasons.push(Reason::new("CS-AGE", who.text.clone()));
    d.card.inform = who.inform.clone();
    by_consent(facts, who, &who.consent, "CS-DEFAULT", None, request, d);
}

/// A disclosure that needs the consent of `needed`: permitted once all gave
/// it, needs-consent while any is missing, and on a refusal either
/// professional judgement (safety at stake) or denied. `basis` is the legal
/// basis once permitted; `None` for recorded consent under the Jeugdwet,
/// which names whose consent.
fn by_consent(
    facts: &Facts<'_>,
    who: &Consenters,
    needed: &[Party],
    rule: &str,
    basis: Option<&str>,
    request: &DisclosureRequest,
    d: &mut Draft,
) {
    let recipient = request.recipient;
    match facts.recorded(needed, recipient) {
        Recorded::AllGiven => {
            d.card.outcome = ConsentOutcome::Permitted;
            d.card.consent_of = needed.to_vec();
            d.card.legal_basis = Some(match basis {
                Some(b) => b.to_string(),
                None => format!("{BASIS_CONSENT}: {} for {}", text::parties(needed), text::partner(recipient)),
            });
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
            if let Some(next) = what_to_do(facts, who, &missing, rule, request) {
                d.reasons.push(Reason::new(rule, next));
            }
            d.card.consent_of = missing;
        }
        Recorded::Refused(refused) => {
            d.card.consent_of = needed.to_vec();
            refusal(facts, rule, &refused, request, d);
        }
    }
}

/// What the professional does about missing consent, when the card must say
/// more than whose it is: for a parent's own care (a party the professional
/// may not have recorded before), and on a referral the family agreed to
/// (an agreement to be referred is not consent to share). Other disclosures
/// (a consultation, the school) were never part of that agreement, so the
/// card does not bring it up there.
fn what_to_do(
    facts: &Facts<'_>,
    who: &Consenters,
    missing: &[Party],
    rule: &str,
    request: &DisclosureRequest,
) -> Option<String> {
    let recipient = request.recipient;
    let how = format!(
        "before anything goes to {}, ask {} for that consent and record it in the EPD, and in the signal as {}",
        text::partner(recipient),
        text::parties(missing),
        text::consent_entries(missing, recipient)
    );
    if rule == "CS-OWN-CARE" {
        // The family's agreement is to the child's referral; the parent's
        // own care was never part of it, so only the how is said.
        Some(format!("{}.", sentence_case(&how)))
    } else if facts.family_agrees_referral && request.purpose == Purpose::Referral {
        // A youth who excluded the parents agreed alone; "the family" would
        // bring the parents back into the sentence.
        let who_agreed = if who.parents_excluded { "The youth" } else { "The family" };
        Some(format!(
            "{who_agreed} agreed to the referral, but agreeing to be referred is not consent to share information: {how}."
        ))
    } else {
        None
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
                    "{} refused consent to share with {} while {why}, so this conflict of duties is not decided automatically and the professional weighs it with the {}-question checklist.",
                    sentence_case(&text::parties(refused)),
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
                    "{} refused consent to share with {} and no safety concern is recorded, so nothing may go.",
                    sentence_case(&text::parties(refused)),
                    text::partner(recipient)
                ),
            ));
        }
    }
}
