//! CS-MINIMAL: every permit names the data categories that may go, the
//! requested categories that the purpose needs (its need-to-know set in
//! [`PURPOSES`](crate::tables::PURPOSES)), never the whole file. Categories
//! requested but not needed are withheld and the reason names them.
//!
//! A card that still needs consent, or needs professional judgement, gets the
//! same sentence as a ceiling ("once consent is recorded", "at most") but no
//! `permitted_data`: nothing may go yet. A denied card names no data.

use crate::tables::{PurposeRule, Treatment};
use crate::text;
use alloc::format;
use alloc::vec::Vec;
use wegwijs_kit::sentence_case;
use wegwijs_types::{ConsentCard, ConsentOutcome, DataCategory, DisclosureRequest, Reason};

/// Names the data that may go on `card` and adds the CS-MINIMAL reason.
pub(crate) fn apply(
    row: &PurposeRule,
    treatment: Treatment,
    request: &DisclosureRequest,
    card: &mut ConsentCard,
    reasons: &mut Vec<Reason>,
) {
    let anonymous = treatment == Treatment::AnonymousAdvice || card.outcome == ConsentOutcome::AnonymousOnly;
    let requested = dedup(&request.data);
    let allowed: Vec<DataCategory> = requested
        .iter()
        .copied()
        .filter(|c| row.need_to_know.contains(c))
        // Anonymous means anonymous, whatever the table says.
        .filter(|c| !(anonymous && *c == DataCategory::ContactDetails))
        .collect();
    let withheld: Vec<DataCategory> = requested.iter().copied().filter(|c| !allowed.contains(c)).collect();
    let recipient = text::partner(request.recipient);
    let purpose = text::purpose(request.purpose);

    let when = match card.outcome {
        ConsentOutcome::Permitted | ConsentOutcome::AnonymousOnly => "",
        ConsentOutcome::NeedsConsent => "Once consent is recorded, ",
        ConsentOutcome::ProfessionalJudgement => "If the professional decides to share, ",
        // Nothing may go, so there is nothing to limit.
        ConsentOutcome::Denied => return,
    };
    let text = if requested.is_empty() {
        format!("{when}nothing needs to travel to {recipient} for {purpose}, so no data category is named.")
    } else if allowed.is_empty() {
        format!(
            "{when}nothing may go to {recipient}: {} {} not needed for {purpose}.",
            text::categories(&withheld),
            text::category_verb(&withheld)
        )
    } else if withheld.is_empty() {
        format!(
            "{when}only {} may go to {recipient}: what {purpose} needs, never the whole file.",
            text::categories(&allowed)
        )
    } else {
        format!(
            "{when}only {} may go to {recipient}; {} {} withheld because {purpose} does not need {}{}.",
            text::categories(&allowed),
            text::categories(&withheld),
            text::category_verb(&withheld),
            if withheld.len() == 1 { "it" } else { "them" },
            if anonymous && withheld.contains(&DataCategory::ContactDetails) {
                ", and contact details never go with anonymous advice"
            } else {
                ""
            },
        )
    };
    reasons.push(Reason::new("CS-MINIMAL", sentence_case(&text)));
    if matches!(card.outcome, ConsentOutcome::Permitted | ConsentOutcome::AnonymousOnly) {
        card.permitted_data = allowed;
    }
}

/// The requested categories once each, in the order requested.
fn dedup(data: &[DataCategory]) -> Vec<DataCategory> {
    let mut out: Vec<DataCategory> = Vec::with_capacity(data.len());
    for c in data {
        if !out.contains(c) {
            out.push(*c);
        }
    }
    out
}
