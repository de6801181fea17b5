//! The conversation to have before each route, and the card's shared-decision
//! line (G-SHARED, MC-STEPS step 3, CS-AGE).
//!
//! Who is spoken with comes from the region kit's [`Participants`], so the
//! wording at 12 and 16 is the same on every card, whoever wrote the stage,
//! and a 16+ youth who does not want the parents informed never finds them
//! named. On a safety card where telling the parents would endanger someone
//! (meldcode step 3's exception), no conversation may alert them: each one
//! waits until JGZ has agreed with Veilig Thuis when and how they are
//! involved, and the card's shared-decision line says so instead of
//! "discuss with the parents".
//!
//! [`Participants`]: wegwijs_kit::Participants

use alloc::format;
use alloc::string::String;
use wegwijs_types::{Action, Partner, RouteKind};

use crate::facts::Facts;
use crate::text::{consent_of, informed_of_signal, kept_uninformed, told_of_melding};
use wegwijs_kit::{Participants, clip, partner_label, sentence_case};

/// At most this many characters of one conversation.
const CONVERSATION_MAX_CHARS: usize = 600;

/// "the parents are", "the family is": whom step 3's exception keeps
/// uninformed, with its verb.
fn kept_are(p: Participants) -> String {
    let who = kept_uninformed(p);
    let verb = if matches!(p, Participants::YouthAlone) { "is" } else { "are" };
    format!("{who} {verb}")
}

/// The card-level G-SHARED sentence.
pub(crate) fn shared_line(f: &Facts<'_>) -> String {
    let p = f.participants;
    if f.telling_endangers {
        format!(
            "Telling {} now would endanger someone, so the exception of meldcode step 3 applies: the conversations on this card wait until JGZ has agreed with Veilig Thuis when and how {} involved, and the reason is recorded (MC-STEPS).",
            kept_uninformed(p),
            kept_are(p)
        )
    } else {
        format!(
            "Every route names the conversation to have first: the follow-up is decided together with {}.",
            p.together_with()
        )
    }
}

/// The conversation to have before the route to `partner` of `kind`.
/// `refers` says whether the card refers to jeugdhulp, which is why a
/// jeugdarts step may be on it.
pub(crate) fn conversation(f: &Facts<'_>, partner: Partner, kind: RouteKind, refers: bool) -> String {
    let p = f.participants;
    let open = sentence_case(p.opening());
    let label = partner_label(partner);
    let told = told_of_melding(p);
    let endangers = f.telling_endangers;
    let text = match (partner, kind) {
        (Partner::VeiligThuisMelding, _) => {
            if endangers {
                format!(
                    "Do not tell {told} about the melding beforehand: that would endanger someone; record why (meldcode step 3)."
                )
            } else if f.case.meldcode.as_ref().is_some_and(|m| m.parents_told == Some(true)) {
                format!(
                    "Tell {told} when the melding is made; they were told beforehand that it would be (meldcode step 3)."
                )
            } else {
                format!("Tell {told} about the melding beforehand, unless that endangers someone (meldcode step 3).")
            }
        }
        (Partner::VeiligThuisAdvice, _) if endangers => format!(
            "Consult a colleague or the aandachtsfunctionaris and ask Veilig Thuis for advice, anonymously if wished; do not talk with {told} yet, because that would endanger someone: agree with Veilig Thuis when and how (meldcode step 3), and record why."
        ),
        (Partner::VeiligThuisAdvice, _) => format!(
            "Consult a colleague or the aandachtsfunctionaris and ask Veilig Thuis for advice, anonymously if wished; then talk with {told} (meldcode step 3), unless that endangers someone."
        ),
        (Partner::Verwijsindex, _) if endangers => format!(
            "Do not inform {} about the Verwijsindex signal now: informing would endanger someone. Record why, and agree with Veilig Thuis when they can be informed; the signal itself needs no consent (Jeugdwet afdeling 7.1.4).",
            informed_of_signal(p)
        ),
        (Partner::Verwijsindex, _) => format!(
            "Inform {} that JGZ considers a signal in the Verwijsindex so that the agencies involved find each other: no consent is needed (Jeugdwet afdeling 7.1.4, JGZ may signal), and the index holds only that JGZ is involved, never what is going on. Do not inform them if that would endanger someone.",
            informed_of_signal(p)
        ),
        _ => {
            if endangers {
                let then = talk(f, p.opening(), partner, kind, refers, label);
                format!(
                    "Telling {} now would endanger someone (meldcode step 3), so first agree with Veilig Thuis when and how {} involved; only then {then}",
                    kept_uninformed(p),
                    kept_are(p)
                )
            } else {
                talk(f, &open, partner, kind, refers, label)
            }
        }
    };
    clip(&text, CONVERSATION_MAX_CHARS)
}

/// The ordinary conversation for every route that is not a Veilig Thuis
/// or Verwijsindex step; `open` is the opening, capitalised or not as the
/// sentence needs.
fn talk(f: &Facts<'_>, open: &str, partner: Partner, kind: RouteKind, refers: bool, label: &str) -> String {
    let p = f.participants;
    let who = p.together_with();
    match (partner, kind) {
        // JGZ as the region's hub (routing.hub): the question stays in the team.
        (Partner::JgzLightSupport, RouteKind::Consultation) => format!(
            "{open} that JGZ will discuss the question within its own team (gedragswetenschapper or pedagogisch adviseur), and which support JGZ offers meanwhile."
        ),
        (Partner::JgzLightSupport, _) if f.child_action == Some(Action::Reassess) => format!(
            "{open} why the instrument result could not be used, and plan the new assessment (complete the missing items, or fill in the version for this age) before anything is concluded."
        ),
        (Partner::JgzLightSupport, _) => {
            format!("{open} which advice or light support fits, and agree the next contact.")
        }
        (Partner::Jeugdarts, _) if refers => {
            format!("{open} that the jeugdarts of the team will look at the case before the referral.")
        }
        (Partner::Jeugdarts, _) => format!("{open} that the jeugdarts of the JGZ team will also look at the question."),
        (Partner::ParentGgz, _) => parent_talk(p, kind, open),
        (Partner::GecertificeerdeInstelling, _) => format!(
            "{} {who} which information JGZ shares with the jeugdbeschermer of the gecertificeerde instelling, and why (the ondertoezichtstelling).",
            if starts_upper(open) { "Tell" } else { "tell" }
        ),
        (_, RouteKind::Information) => format!(
            "{open} whether JGZ may consult {label}; this needs {}, and invite {who} to join that conversation.",
            consent_of(p)
        ),
        (_, RouteKind::Consultation) => {
            format!("{open} that JGZ will consult {label} about the concern without handing over the case.")
        }
        (_, RouteKind::Referral) => {
            let whom = if p.parents_take_part() { "the family" } else { "the youth" };
            format!("{open} the referral to {label}, what it means for {whom} and how the handover is done.")
        }
        (_, _) => format!("{open} this step with {label}."),
    }
}

/// The conversation about a parent's own care: with the parent concerned,
/// who decides and consents for themself (CS-OWN-CARE). A 16+ youth who
/// does not want the parents informed decides first whether JGZ raises it.
fn parent_talk(p: Participants, kind: RouteKind, open: &str) -> String {
    let step = if kind == RouteKind::Coordination {
        "that JGZ would like to align with their treater, so the child's route and their treatment fit together (one family, one plan)"
    } else {
        "help for their own problems through their own huisarts, and how that also helps the child"
    };
    let own = "it is the parent's own care, so the parent decides and consents for themself, and only what that care needs is shared";
    let discuss = if starts_upper(open) { "Discuss" } else { "discuss" };
    if matches!(p, Participants::YouthAlone) {
        let from = if starts_upper(open) { "From" } else { "from" };
        format!(
            "{from} 16 the youth decides what is shared about them: first ask the youth whether JGZ may raise this with the parent concerned. Then discuss with the parent concerned {step}; {own}."
        )
    } else {
        format!("{discuss} with the parent concerned {step}; {own}.")
    }
}

/// Whether a sentence part starts with a capital (it opens the sentence).
fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}
