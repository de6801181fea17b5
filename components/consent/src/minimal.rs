//! CS-MINIMAL: every permit names the data categories that may go, the
//! requested categories that the purpose needs (its need-to-know set in
//! [`PURPOSES`](crate::tables::PURPOSES)), never the whole file. Categories
//! requested but not needed are withheld and the reason names them.
//!
//! A card that still needs consent, or needs professional judgement, gets the
//! same sentence as a ceiling ("once consent is recorded", "at most") but no
//! `permitted_data`: nothing may go yet. A denied card names no data.
//!
//! The English sentence names the categories by their codes; the Dutch one
//! by the glossary's terms ("contactgegevens") and is built so that no verb
//! has to agree with a list of them.

use crate::tables::{PurposeRule, Treatment};
use crate::text;
use alloc::vec::Vec;
use wegwijs_kit::sentence_case;
use wegwijs_types::{ConsentCard, ConsentOutcome, DataCategory, DisclosureRequest, Language, Reason, say};

/// Names the data that may go on `card` and adds the CS-MINIMAL reason, in
/// `lang`.
pub(crate) fn apply(
    row: &PurposeRule,
    treatment: Treatment,
    request: &DisclosureRequest,
    card: &mut ConsentCard,
    reasons: &mut Vec<Reason>,
    lang: Language,
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
    let recipient = text::partner(request.recipient, lang);
    let purpose = text::purpose(request.purpose, lang);

    // Dutch puts the verb before the subject after an opening clause
    // ("Zodra …, mag er niets …"), so the clause comes with the verb's
    // place: `inverted` says whether a clause opens the sentence.
    let (when, inverted) = match card.outcome {
        ConsentOutcome::Permitted | ConsentOutcome::AnonymousOnly => ("", false),
        ConsentOutcome::NeedsConsent => {
            (lang.pick("Zodra de toestemming is vastgelegd, ", "Once consent is recorded, "), true)
        }
        ConsentOutcome::ProfessionalJudgement => {
            (lang.pick("Als de professional besluit te delen, ", "If the professional decides to share, "), true)
        }
        // Nothing may go, so there is nothing to limit.
        ConsentOutcome::Denied => return,
    };
    let allowed_list = text::categories(&allowed, lang);
    let withheld_list = text::categories(&withheld, lang);
    let verb = text::category_verb(&withheld);
    let text = if requested.is_empty() {
        let opening = if inverted { "hoeft er" } else { "er hoeft" };
        say!(
            lang,
            "{when}{opening} voor {purpose} niets naar {recipient} te gaan, dus er wordt geen gegevenscategorie genoemd.",
            "{when}nothing needs to travel to {recipient} for {purpose}, so no data category is named."
        )
    } else if allowed.is_empty() {
        let opening = if inverted { "mag er" } else { "er mag" };
        say!(
            lang,
            "{when}{opening} niets naar {recipient}, want voor {purpose} is hiervan niets nodig: {withheld_list}.",
            "{when}nothing may go to {recipient}: {withheld_list} {verb} not needed for {purpose}."
        )
    } else if withheld.is_empty() {
        let opening = if inverted { "mogen alleen deze gegevens" } else { "alleen deze gegevens mogen" };
        say!(
            lang,
            "{when}{opening} naar {recipient}: {allowed_list}; dat is wat nodig is voor {purpose}, nooit het hele dossier.",
            "{when}only {allowed_list} may go to {recipient}: what {purpose} needs, never the whole file."
        )
    } else {
        let opening = if inverted { "mogen alleen deze gegevens" } else { "alleen deze gegevens mogen" };
        let them = if withheld.len() == 1 { "it" } else { "them" };
        let anonymous_note = anonymous && withheld.contains(&DataCategory::ContactDetails);
        let never = match (anonymous_note, lang) {
            (false, _) => "",
            (true, Language::Nl) => "; contactgegevens gaan nooit mee met anoniem advies",
            (true, Language::En) => ", and contact details never go with anonymous advice",
        };
        say!(
            lang,
            "{when}{opening} naar {recipient}: {allowed_list}. Niet nodig voor {purpose} en daarom achtergehouden: {withheld_list}{never}.",
            "{when}only {allowed_list} may go to {recipient}; {withheld_list} {verb} withheld because {purpose} does not need {them}{never}."
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
