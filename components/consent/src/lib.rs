//! The reference consent stage of wegwijs: the national defaults for deciding,
//! per proposed disclosure, whether information may go to a recipient for a
//! purpose and who must agree first, as a plain `no_std` Rust library.
//!
//! [`check`] answers each [`DisclosureRequest`] with a [`ConsentCard`]. The
//! purpose decides the rule ([`tables::PURPOSES`]); the child's age decides
//! whose consent counts (CS-AGE); recorded consents decide whether a
//! disclosure that needs consent may go; a refusal while safety is at stake
//! is never decided automatically (CS-CONFLICT); and every permit names only
//! the data the recipient needs (CS-MINIMAL).
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

pub mod tables;

#[cfg(target_arch = "wasm32")]
mod component;

#[cfg(test)]
mod tests;

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use alloc::{format, vec};
use tables::Treatment;
use wegwijs_types::{ChildAge, ChildCase, ConsentCard, ConsentOutcome, DataCategory, DisclosureRequest, Party, Reason};

/// Every rule id this component can cite.
pub const RULE_IDS: &[&str] = &[
    "CS-AGE",
    "CS-DIRECT",
    "CS-REFERRAL",
    "CS-SCHOOL",
    "CS-VT-ADVICE",
    "CS-VT-MELDING",
    "CS-GI",
    "CS-CONFLICT",
    "CS-DEFAULT",
    "CS-MINIMAL",
];

/// Checks every request; one card per request, in the same order.
pub fn check(case: &ChildCase, requests: &[DisclosureRequest]) -> Vec<ConsentCard> {
    let who = Consenters::for_case(case);
    requests.iter().map(|r| check_one(case, &who, r)).collect()
}

/// Whose consent counts and who is informed, by age (CS-AGE).
struct Consenters {
    consent: Vec<Party>,
    inform: Vec<Party>,
    text: String,
}

impl Consenters {
    fn for_case(case: &ChildCase) -> Consenters {
        let years = match &case.age {
            Some(ChildAge::Prenatal(_)) => {
                return Consenters {
                    consent: vec![Party::Parents],
                    inform: vec![Party::Parents],
                    text: "Before birth the (expecting) parents consent.".to_string(),
                };
            }
            Some(a) => a.whole_years(),
            None => None,
        };
        match years {
            None => Consenters {
                consent: vec![Party::Parents, Party::Youth],
                inform: vec![Party::Parents, Party::Youth],
                text: "The child's age is unknown: the strictest reading applies and both parents and youth consent."
                    .to_string(),
            },
            Some(y) if y < 12 => Consenters {
                consent: vec![Party::Parents],
                inform: vec![Party::Parents],
                text: format!("At {y} years the parents with parental authority consent (under 12)."),
            },
            Some(y) if y < 16 => Consenters {
                consent: vec![Party::Parents, Party::Youth],
                inform: vec![Party::Parents, Party::Youth],
                text: format!("At {y} years both the youth and the parents consent (12 to 15)."),
            },
            Some(y) => {
                let objects = case.youth_objects_to_informing_parents;
                Consenters {
                    consent: vec![Party::Youth],
                    inform: if objects { vec![Party::Youth] } else { vec![Party::Youth, Party::Parents] },
                    text: if objects {
                        format!(
                            "At {y} years the youth consents alone and has decided that the parents are not informed (16 and older)."
                        )
                    } else {
                        format!(
                            "At {y} years the youth consents alone and decides whether the parents are informed (16 and older)."
                        )
                    },
                }
            }
        }
    }
}

fn safety_at_stake(case: &ChildCase) -> bool {
    !case.safety_indicators.is_empty() || case.meldcode.as_ref().is_some_and(|m| m.suspicion || m.structural_unsafety)
}

/// What recorded consents say about a recipient for the needed parties.
enum Recorded {
    AllGiven,
    Refused(Vec<Party>),
    Missing(Vec<Party>),
}

fn recorded(case: &ChildCase, request: &DisclosureRequest, needed: &[Party]) -> Recorded {
    let answer = |p: Party| {
        // The latest record for this party and recipient counts.
        case.consents.iter().rev().find(|c| c.party == p && c.recipient == request.recipient).map(|c| c.given)
    };
    let refused: Vec<Party> = needed.iter().copied().filter(|p| answer(*p) == Some(false)).collect();
    if !refused.is_empty() {
        return Recorded::Refused(refused);
    }
    let missing: Vec<Party> = needed.iter().copied().filter(|p| answer(*p).is_none()).collect();
    if missing.is_empty() { Recorded::AllGiven } else { Recorded::Missing(missing) }
}

fn parties(ps: &[Party]) -> String {
    match ps {
        [] => "nobody".to_string(),
        [one] => one.name().to_string(),
        _ => ps.iter().map(|p| p.name()).collect::<Vec<_>>().join(" and "),
    }
}

fn check_one(case: &ChildCase, who: &Consenters, request: &DisclosureRequest) -> ConsentCard {
    let row = tables::rule_for(request.purpose);
    let recipient = request.recipient;
    let mut reasons = Vec::new();
    let mut card = ConsentCard {
        request: request.clone(),
        outcome: ConsentOutcome::NeedsConsent,
        legal_basis: None,
        consent_of: Vec::new(),
        inform: Vec::new(),
        permitted_data: Vec::new(),
        checklist: Vec::new(),
        reasons: Vec::new(),
    };

    // The treatment, with CS-GI falling back to the default when no GI is involved.
    let treatment = match row.treatment {
        Treatment::Gi if !case.gi_involved => {
            reasons.push(Reason::new(
                "CS-GI",
                format!("No gecertificeerde instelling carries out an ondertoezichtstelling, so sharing with {recipient} needs consent like any other disclosure."),
            ));
            Treatment::Default
        }
        t => t,
    };
    let rule = if treatment == Treatment::Default { "CS-DEFAULT" } else { row.rule };

    match treatment {
        Treatment::Direct => {
            card.outcome = ConsentOutcome::Permitted;
            card.legal_basis = row.basis.map(str::to_string);
            reasons.push(Reason::new(
                rule,
                format!("{recipient} is directly involved in the same care: no consent needed, but only what the task needs."),
            ));
        }
        Treatment::PresumedMedical => {
            card.outcome = ConsentOutcome::Permitted;
            card.legal_basis = row.basis.map(str::to_string);
            card.inform = who.inform.clone();
            reasons.push(Reason::new(
                rule,
                format!("A medical referral to {recipient} and its feedback rest on presumed consent; {} are still informed.", parties(&who.inform)),
            ));
            reasons.push(Reason::new("CS-AGE", who.text.clone()));
        }
        Treatment::School => {
            let needed = [Party::Parents];
            card.inform = vec![Party::Parents];
            reasons.push(Reason::new(
                rule,
                format!("Consulting {recipient} about the child needs the parents' consent, preferably with them present; the party that signals informs the parents."),
            ));
            decide_by_consent(case, request, &needed, rule, &mut card, &mut reasons);
        }
        Treatment::AnonymousAdvice => {
            card.outcome = ConsentOutcome::AnonymousOnly;
            card.legal_basis = row.basis.map(str::to_string);
            reasons.push(Reason::new(
                rule,
                "Advice from Veilig Thuis may be asked without consent, anonymously: every identifier is stripped."
                    .to_string(),
            ));
        }
        Treatment::Melding => {
            card.outcome = ConsentOutcome::Permitted;
            card.legal_basis = row.basis.map(str::to_string);
            let told = match case.meldcode.as_ref() {
                Some(m) if m.parents_told == Some(true) => "Parents and child were told beforehand.".to_string(),
                Some(m) if m.telling_endangers => {
                    "Parents and child were not told beforehand because that would endanger someone; record this."
                        .to_string()
                }
                Some(m) if m.parents_told == Some(false) => {
                    "Parents and child were not told beforehand: record why not (their or the professional's safety)."
                        .to_string()
                }
                _ => "Record whether parents and child were told beforehand, or why not (meldcode step 3).".to_string(),
            };
            reasons.push(Reason::new(
                rule,
                format!(
                    "A melding at Veilig Thuis is allowed without consent (meldrecht, Wmo 2015 art. 5.2.6). {told}"
                ),
            ));
        }
        Treatment::Gi => {
            card.outcome = ConsentOutcome::Permitted;
            card.legal_basis = row.basis.map(str::to_string);
            card.inform = who.inform.clone();
            reasons.push(Reason::new(
                rule,
                "A gecertificeerde instelling carries out an ondertoezichtstelling: what it needs for that may be given without consent."
                    .to_string(),
            ));
        }
        Treatment::Default => {
            card.inform = who.inform.clone();
            reasons.push(Reason::new("CS-AGE", who.text.clone()));
            decide_by_consent(case, request, &who.consent, rule, &mut card, &mut reasons);
        }
    }

    // CS-MINIMAL: only what the recipient needs, for anything that may go.
    if matches!(card.outcome, ConsentOutcome::Permitted | ConsentOutcome::AnonymousOnly | ConsentOutcome::NeedsConsent)
    {
        let mut allowed: Vec<DataCategory> =
            request.data.iter().copied().filter(|c| row.need_to_know.contains(c)).collect();
        if card.outcome == ConsentOutcome::AnonymousOnly {
            allowed.retain(|c| *c != DataCategory::ContactDetails);
        }
        allowed.sort();
        allowed.dedup();
        let withheld: Vec<&str> =
            request.data.iter().filter(|c| !allowed.contains(c)).map(|c| c.name()).collect::<Vec<_>>();
        let text = if request.data.is_empty() {
            "Nothing needs to travel for this step.".to_string()
        } else if withheld.is_empty() {
            format!(
                "Only these categories may go{}: {}.",
                if card.outcome == ConsentOutcome::NeedsConsent { " once consent is recorded" } else { "" },
                allowed.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ")
            )
        } else {
            format!(
                "Only what {recipient} needs may go ({}); withheld: {}.",
                allowed.iter().map(|c| c.name()).collect::<Vec<_>>().join(", "),
                withheld.join(", ")
            )
        };
        reasons.push(Reason::new("CS-MINIMAL", text));
        if card.outcome != ConsentOutcome::NeedsConsent {
            card.permitted_data = allowed;
        }
    }
    card.reasons = reasons;
    card
}

/// Decides a disclosure that needs the consent of `needed`: permitted once all
/// gave it, needs-consent while any is missing, and on a refusal either
/// professional judgement (safety at stake, CS-CONFLICT) or denied.
fn decide_by_consent(
    case: &ChildCase,
    request: &DisclosureRequest,
    needed: &[Party],
    rule: &str,
    card: &mut ConsentCard,
    reasons: &mut Vec<Reason>,
) {
    let recipient = request.recipient;
    card.consent_of = needed.to_vec();
    match recorded(case, request, needed) {
        Recorded::AllGiven => {
            card.outcome = ConsentOutcome::Permitted;
            card.legal_basis = Some(format!("consent recorded from {}", parties(needed)));
            reasons.push(Reason::new(
                rule,
                format!("Consent of {} for {recipient} is recorded: the disclosure may go.", parties(needed)),
            ));
        }
        Recorded::Missing(missing) => {
            card.outcome = ConsentOutcome::NeedsConsent;
            reasons.push(Reason::new(
                rule,
                format!("Not allowed until the consent of {} for {recipient} is recorded.", parties(&missing)),
            ));
        }
        Recorded::Refused(refused) if safety_at_stake(case) => {
            card.outcome = ConsentOutcome::ProfessionalJudgement;
            card.checklist = tables::CONFLICT_CHECKLIST.iter().map(|s| s.to_string()).collect();
            reasons.push(Reason::new(
                "CS-CONFLICT",
                format!("{} refused consent for {recipient} while the child's safety is at stake: a conflict of duties is never decided automatically; the professional weighs it with the checklist.", parties(&refused)),
            ));
        }
        Recorded::Refused(refused) => {
            card.outcome = ConsentOutcome::Denied;
            reasons.push(Reason::new(
                rule,
                format!("{} refused consent for {recipient}, and no safety concern overrides that: the disclosure may not go.", parties(&refused)),
            ));
        }
    }
}
