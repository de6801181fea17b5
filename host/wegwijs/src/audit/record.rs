//! What one line of the decision log says: a decision (which rules and
//! components, what came out, and the case reduced further than the
//! components saw it), a professional's feedback on a decision, or the
//! log's own note that it cut off a torn record after a crash.
//!
//! Everything here is built from codes the host validated or produced
//! itself. The only text a person wrote — a feedback comment — passes
//! through [`mask_comment`] first. What is never here: name, BSN, address,
//! birth date, the sender's signal id or notes, codes the host did not
//! know, the cards' sentences.

use crate::decision::Decision;
use serde::{Deserialize, Serialize};
use wegwijs_types as m;

/// One record: its place in the chain, when it was written, and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Position in the log, from 1, without gaps across segments.
    pub seq: u64,
    /// The hash of the record before it (64 zeros for the first).
    pub prev: String,
    /// When it was written: UTC, RFC 3339 with milliseconds.
    pub time: String,
    /// What it says.
    #[serde(flatten)]
    pub entry: Entry,
}

/// What a record says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Entry {
    /// A decision was made and answered.
    Decision(Box<DecisionEntry>),
    /// A professional said what they did with a decision.
    Feedback(FeedbackEntry),
    /// The log was opened after a crash and cut off an incomplete last
    /// record (written by the crash, never answered).
    Recovery(RecoveryEntry),
}

/// A decision, as the log keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionEntry {
    /// The decision's id, as the answer carried it.
    pub id: String,
    /// `national-default` or the region's id.
    pub region: String,
    /// The region's revision, when a region decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_revision: Option<u32>,
    /// The WIT contract the components implement.
    pub wit: String,
    /// The host's version.
    pub host: String,
    /// Every component the decision could run, with the sha256 of its bytes.
    pub components: Vec<LoggedComponent>,
    /// Every guardrail and whether it changed the decision.
    pub guardrails: Vec<LoggedGuardrail>,
    /// Components that failed, and how.
    pub faults: Vec<LoggedFault>,
    /// What was recommended.
    pub outcome: Outcome,
    /// Every rule id the decision cites.
    pub rule_ids: Vec<String>,
    /// The signal, masked.
    pub signal: MaskedSignal,
}

/// A component by name, version and the hash of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedComponent {
    /// Its stage.
    pub stage: String,
    /// `reference` or `region`.
    pub role: String,
    /// Its name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// Hex sha256 of its bytes.
    pub sha256: String,
}

/// A guardrail and whether it changed the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedGuardrail {
    /// Its rule id (`G-SAFETY`, …).
    pub rule: String,
    /// Whether it changed what the components returned.
    pub changed: bool,
}

/// A component's failure, without the developer detail (which may quote
/// the component's own text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedFault {
    /// The stage.
    pub stage: String,
    /// `reference` or `region`.
    pub role: String,
    /// The component's name.
    pub component: String,
    /// What went wrong (`trap`, `deadline`, `fuel`, …).
    pub fault: String,
}

/// What was recommended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// `decided`, `closed` or `incomplete`.
    pub status: String,
    /// The level, when screening ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The action, when screening ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The most urgent urgency.
    pub urgency: String,
    /// The routes, in the card's order.
    pub routes: Vec<LoggedRoute>,
    /// One per consent check.
    pub consent: Vec<LoggedConsent>,
}

/// A route by partner and kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedRoute {
    /// The partner code.
    pub partner: String,
    /// The route kind.
    pub kind: String,
    /// Its urgency.
    pub urgency: String,
}

/// A consent check's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedConsent {
    /// Who the data would go to.
    pub recipient: String,
    /// What for.
    pub purpose: String,
    /// The outcome.
    pub outcome: String,
}

/// The signal as the log keeps it: fewer details than the components saw.
/// No identifier but the pseudonym, no date (the age in whole months
/// only), no text, no code the host did not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaskedSignal {
    /// The pseudonym (keyed hash of the BSN or the sender's child id).
    pub pseudonym: String,
    /// The CBS gemeentecode, which chose the region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gemeente: Option<String>,
    /// Whole months since birth; `None` before birth or for a kindcheck
    /// without children.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_months: Option<u32>,
    /// The signal is about an unborn child.
    #[serde(default, skip_serializing_if = "is_false")]
    pub prenatal: bool,
    /// Who raised it (a code from the vocabulary).
    pub source: String,
    /// Which professional handles it.
    pub handler: String,
    /// Known concern codes.
    pub concerns: Vec<String>,
    /// Known acute-unsafety indicator codes.
    pub safety_indicators: Vec<String>,
    /// Known risk factor codes.
    pub risk_factors: Vec<String>,
    /// Known protective factor codes.
    pub protective_factors: Vec<String>,
    /// Which instruments were supplied (not their answers).
    pub instruments: Vec<String>,
    /// How many codes the host did not know and withheld from the
    /// components; the codes themselves are not kept.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub withheld_codes: usize,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// What a professional did with a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackEntry {
    /// The decision's id.
    pub decision: String,
    /// `accepted` or `overridden`.
    pub outcome: FeedbackOutcome,
    /// For `accepted`: which routes (by their index on the card) were taken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<u16>,
    /// A coded reason, bounded and stripped of control characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The professional's comment, masked ([`mask_comment`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Which way it came in: `api` or `cds-hooks`.
    pub via: String,
    /// Whether the decision is in this log. Behind a load balancer the
    /// feedback may reach another replica than the decision did; the
    /// replicas' logs together hold both.
    pub decision_in_log: bool,
}

/// What a professional did with a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FeedbackOutcome {
    /// They followed it (some or all routes).
    Accepted,
    /// They decided otherwise.
    Overridden,
}

/// The log's note that it cut off an incomplete last record on opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryEntry {
    /// The segment file the bytes were cut from.
    pub segment: String,
    /// How many bytes were cut off.
    pub truncated_bytes: u64,
}

/// The most bytes of a feedback reason code kept.
pub const MAX_REASON_BYTES: usize = 64;
/// The most bytes of a feedback comment kept (after masking).
pub const MAX_COMMENT_BYTES: usize = 500;

impl DecisionEntry {
    /// The log's view of `decision`, made from `case` (what the components
    /// saw), under `id`.
    pub(crate) fn new(id: &str, decision: &Decision, case: &m::ChildCase) -> DecisionEntry {
        let p = &decision.provenance;
        DecisionEntry {
            id: id.to_string(),
            region: p.region.clone(),
            region_revision: p.region_revision,
            wit: p.wit.clone(),
            host: p.host.clone(),
            components: p
                .components
                .iter()
                .map(|c| LoggedComponent {
                    stage: c.stage.name().to_string(),
                    role: c.role.name().to_string(),
                    name: c.name.clone(),
                    version: c.version.clone(),
                    sha256: c.sha256.clone(),
                })
                .collect(),
            guardrails: decision
                .guardrails
                .iter()
                .map(|g| LoggedGuardrail { rule: g.rule.to_string(), changed: g.changed })
                .collect(),
            faults: decision
                .faults
                .iter()
                .map(|f| LoggedFault {
                    stage: f.stage.name().to_string(),
                    role: f.role.name().to_string(),
                    component: f.component.clone(),
                    fault: f.kind.name().to_string(),
                })
                .collect(),
            outcome: Outcome {
                status: decision.status.name().to_string(),
                level: decision.level.map(|l| l.name().to_string()),
                action: decision.action.map(|a| a.name().to_string()),
                urgency: decision.urgency.name().to_string(),
                routes: decision
                    .routes()
                    .iter()
                    .map(|r| LoggedRoute {
                        partner: r.partner.name().to_string(),
                        kind: r.kind.name().to_string(),
                        urgency: r.urgency.name().to_string(),
                    })
                    .collect(),
                consent: decision
                    .consent
                    .iter()
                    .map(|c| LoggedConsent {
                        recipient: c.request.recipient.name().to_string(),
                        purpose: c.request.purpose.name().to_string(),
                        outcome: c.outcome.name().to_string(),
                    })
                    .collect(),
            },
            rule_ids: decision.rule_ids().into_iter().collect(),
            signal: MaskedSignal::new(case),
        }
    }
}

impl MaskedSignal {
    /// The case reduced to what the log keeps.
    pub(crate) fn new(case: &m::ChildCase) -> MaskedSignal {
        let mut withheld = 0;
        let mut known = |codes: &[String]| -> Vec<String> {
            let (out, unknown): (Vec<_>, Vec<_>) =
                codes.iter().cloned().partition(|c| wegwijs_kit::withheld_position(c).is_none());
            withheld += unknown.len();
            out
        };
        let concerns = known(&case.concerns);
        let safety_indicators = known(&case.safety_indicators);
        let risk_factors = known(&case.risk_factors);
        let protective_factors = known(&case.protective_factors);
        let source = if wegwijs_kit::withheld_position(&case.source.code).is_some() {
            withheld += 1;
            "withheld".to_string()
        } else {
            case.source.code.clone()
        };
        MaskedSignal {
            pseudonym: case.pseudonym.clone(),
            gemeente: case.gemeente.clone(),
            age_months: case.age.as_ref().and_then(m::ChildAge::whole_months),
            prenatal: matches!(case.age, Some(m::ChildAge::Prenatal(_))),
            source,
            handler: case.handler.name().to_string(),
            concerns,
            safety_indicators,
            risk_factors,
            protective_factors,
            instruments: case.instruments.iter().map(|i| instrument_name(i).to_string()).collect(),
            withheld_codes: withheld,
        }
    }
}

fn instrument_name(input: &m::InstrumentInput) -> &'static str {
    match input {
        m::InstrumentInput::Sdq(_) => "sdq",
        m::InstrumentInput::Spark(_) => "spark",
        m::InstrumentInput::Giz(_) => "giz",
        m::InstrumentInput::Scored(_) => "scored",
    }
}

/// A reason code as the log keeps it, or why it is not one. A code is
/// 1 to [`MAX_REASON_BYTES`] of ASCII letters, digits and `.`, `_`, `:`,
/// `/`, `-`, with no run of five digits or more: a code from the
/// organisation's own list, never a sentence, a name or a number such as a
/// BSN or a phone number.
pub fn reason_code(code: &str) -> Result<String, &'static str> {
    let code = code.trim();
    if code.is_empty() || code.len() > MAX_REASON_BYTES {
        return Err("a reason code has 1 to 64 characters");
    }
    if !code.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '/' | '-')) {
        return Err("a reason code has only letters, digits and . _ : / - (no spaces): a code, not a sentence");
    }
    let longest_digits = code.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0);
    if longest_digits >= 5 {
        return Err("a reason code has no run of five digits or more (it could be a BSN or a phone number)");
    }
    Ok(code.to_string())
}

/// Untrusted text made safe to keep and show: control, line-breaking and
/// bidi characters dropped, cut on a character boundary at `max_bytes`.
pub fn clean_text(text: &str, max_bytes: usize) -> String {
    let mut out = String::new();
    for c in text.chars().filter(|c| !c.is_control() && !wegwijs_kit::is_forbidden_char(*c)) {
        if out.len() + c.len_utf8() > max_bytes {
            break;
        }
        out.push(c);
    }
    out
}

/// Capitalised words a comment may keep: words that begin Dutch sentences
/// about a child's care. Every other capitalised word may be a name.
const COMMON_CAPITALISED: &[&str] = &[
    "de",
    "het",
    "een",
    "en",
    "of",
    "maar",
    "want",
    "dus",
    "ook",
    "nog",
    "wel",
    "niet",
    "geen",
    "er",
    "hier",
    "daar",
    "dit",
    "dat",
    "deze",
    "die",
    "ik",
    "je",
    "jij",
    "u",
    "we",
    "wij",
    "ze",
    "zij",
    "hij",
    "zelf",
    "moeder",
    "vader",
    "ouders",
    "ouder",
    "kind",
    "kinderen",
    "gezin",
    "jeugdige",
    "school",
    "leerkracht",
    "huisarts",
    "wijkteam",
    "jgz",
    "afspraak",
    "advies",
    "overleg",
    "gesprek",
    "volgens",
    "na",
    "bij",
    "in",
    "op",
    "met",
    "voor",
    "tijdens",
    "zonder",
    "omdat",
    "als",
    "toen",
    "nu",
    "vandaag",
    "gisteren",
    "morgen",
    "eerst",
    "daarna",
    "verder",
    "graag",
    "zie",
    "is",
    "zijn",
    "was",
    "wordt",
    "heeft",
    "hebben",
    "kan",
    "wil",
    "gaat",
    "komt",
    "andere",
    "anders",
    "al",
    "reeds",
    "liever",
    "besloten",
    "akkoord",
];

/// Whether `word` may be a name: capitalised and not a common sentence word.
fn may_be_name(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| c.is_alphabetic() || *c == '\'').collect();
    letters.chars().next().is_some_and(char::is_uppercase)
        && !COMMON_CAPITALISED.contains(&letters.to_lowercase().as_str())
}

/// A professional's comment as the log keeps it. A comment may name the
/// child, a parent or a teacher, or give a date or a number; the log must
/// not become a second patient file, so before it is kept:
///
/// - every digit (of any script) becomes `#` (BSN, dates, phone numbers,
///   postcodes);
/// - a word with `@` becomes `[e-mail]`;
/// - a capitalised word becomes `[…]` (names, streets, schools), also at the
///   start of a sentence, unless it is a common sentence word (`Moeder`,
///   `School`, `De`, …), as does a name prefix (`van`, `de`, `der`, `den`,
///   `ter`, `ten`, `van't`) that stands before one;
/// - control and bidi characters are dropped, and the result is bounded to
///   [`MAX_COMMENT_BYTES`].
///
/// A name written in lower case survives; the documentation
/// (`docs/audit.md`) tells organisations to prefer reason codes. `None`
/// when nothing is left.
pub fn mask_comment(text: &str) -> Option<String> {
    const PREFIXES: [&str; 7] = ["van", "de", "der", "den", "ter", "ten", "van't"];
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let next_is_name = words.get(i + 1).is_some_and(|w| may_be_name(w));
        let masked = if word.contains('@') {
            "[e-mail]".to_string()
        } else if may_be_name(word) || (PREFIXES.contains(&word.to_lowercase().as_str()) && next_is_name) {
            "[…]".to_string()
        } else {
            word.chars().map(|c| if c.is_numeric() { '#' } else { c }).collect()
        };
        if masked == "[…]" && out.last().is_some_and(|w| w == "[…]") {
            // "Jan de Vries" is one name, not three.
        } else {
            out.push(masked);
        }
    }
    let joined = out.join(" ");
    let mut kept = String::new();
    for c in joined.chars().filter(|c| !c.is_control() && !wegwijs_kit::is_forbidden_char(*c)) {
        if kept.len() + c.len_utf8() > MAX_COMMENT_BYTES {
            kept.push('…');
            break;
        }
        kept.push(c);
    }
    (!kept.trim().is_empty()).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_comment_loses_names_numbers_and_addresses() {
        let masked = mask_comment("Moeder wil eerst met Jan de Vries praten, bel 0612345678 of m.devries@example.nl.")
            .expect("text is left");
        assert_eq!(masked, "Moeder wil eerst met […] praten, bel ########## of [e-mail]");
        let masked = mask_comment("Gezin verhuist naar Utrecht. School weet ervan.").expect("text is left");
        assert_eq!(masked, "Gezin verhuist naar […] School weet ervan.");
    }

    #[test]
    fn a_name_at_the_start_of_a_sentence_is_masked_too() {
        assert_eq!(mask_comment("Jan weigert hulp.").as_deref(), Some("[…] weigert hulp."));
        assert_eq!(mask_comment("Moeder: Jan slaat.").as_deref(), Some("Moeder: […] slaat."));
        assert_eq!(mask_comment("bel ０６１２３").as_deref(), Some("bel #####"));
    }

    #[test]
    fn a_reason_is_a_code_never_a_sentence_or_a_number() {
        assert_eq!(reason_code("  family-declines  "), Ok("family-declines".to_string()));
        assert_eq!(reason_code("R01"), Ok("R01".to_string()));
        for bad in ["", "Jan de Vries", "bsn123456782", "0612345678", "family\u{202e}declines", &"x".repeat(65)] {
            assert!(reason_code(bad).is_err(), "{bad:?}");
        }
    }

    proptest! {
        /// Whatever a professional types, the kept comment holds no digit,
        /// no `@`, no control character and stays within its bound.
        #[test]
        fn a_masked_comment_never_keeps_digits_mail_or_control_characters(text in "\\PC{0,800}") {
            if let Some(kept) = mask_comment(&text) {
                prop_assert!(kept.len() <= MAX_COMMENT_BYTES + '…'.len_utf8());
                prop_assert!(!kept.chars().any(|c| c.is_numeric() || c == '@' || c.is_control()));
            }
        }
    }
}
