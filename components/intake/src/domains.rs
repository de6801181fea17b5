//! IN-DOMAIN: concern codes classified into the eight concern domains.
//!
//! The concern vocabulary is data: each code has one domain and a one-line
//! description (also published in `VOCABULARY.md`). Domains are returned in
//! canonical [`Domain::ALL`](wegwijs_types::Domain::ALL) order without duplicates, whatever order the
//! codes came in, so later stages can compare cards directly. Unknown codes
//! are kept in a warning (IN-UNKNOWN), never silently dropped.

use crate::code::Notes;
use crate::{IN_DOMAIN, IN_UNKNOWN};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_kit::{TableSource, domain_term, is_code, unknown_code_note};
use wegwijs_types::{Concern, Domain as D, Language, say};

/// Provenance of [`CONCERNS`].
pub const CONCERN_TABLE: TableSource = TableSource {
    name: "wegwijs concern vocabulary after JGZ-richtlijn Psychosociale problemen 2016 and the brief's domains (IN-DOMAIN)",
    version: "0.1.0",
};

/// One concern code: its domain and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConcernCode {
    /// The code, kebab-case English.
    pub code: &'static str,
    /// The domain it belongs to.
    pub domain: D,
    /// One line on what it means.
    pub description: &'static str,
}

const fn c(code: &'static str, domain: D, description: &'static str) -> ConcernCode {
    ConcernCode { code, domain, description }
}

/// The concern vocabulary, grouped by domain in canonical order.
pub const CONCERNS: &[ConcernCode] = &[
    c("emotional-problems", D::Psychosocial, "emotional problems in general"),
    c("anxiety", D::Psychosocial, "fears, worrying, anxiety"),
    c("low-mood", D::Psychosocial, "sadness, low mood, signs of depression"),
    c("behaviour-problems", D::Psychosocial, "disobedience, tantrums, oppositional behaviour"),
    c("aggression", D::Psychosocial, "aggressive behaviour towards others"),
    c("hyperactivity", D::Psychosocial, "restlessness, overactivity"),
    c("attention-problems", D::Psychosocial, "concentration and attention problems"),
    c("peer-problems", D::Psychosocial, "difficulty with peers, few friends"),
    c("bullying", D::Psychosocial, "bullied, or bullying others"),
    c("self-harm", D::Psychosocial, "self-harm or suicidal thoughts of the child"),
    c("sleep-problems", D::Psychosocial, "sleeping problems"),
    c("eating-problems", D::Psychosocial, "eating problems with a psychological component"),
    c("parenting-stress", D::ParentChild, "parents overburdened by parenting"),
    c("parent-child-interaction", D::ParentChild, "strained interaction between parent and child"),
    c("attachment-concern", D::ParentChild, "worry about the bond between parent and child"),
    c("excessive-crying", D::ParentChild, "excessive crying of a baby"),
    c("parenting-questions", D::ParentChild, "questions about raising the child"),
    c("language-delay", D::Development, "delayed speech or language development"),
    c("motor-delay", D::Development, "delayed motor development"),
    c("developmental-delay", D::Development, "delayed development in general"),
    c("toilet-training", D::Development, "problems with toilet training"),
    c("school-absence", D::School, "absence from school, truancy"),
    c("learning-problems", D::School, "learning difficulties"),
    c("early-school-leaving", D::School, "risk of leaving school without a qualification"),
    c("alcohol-use", D::SubstanceUse, "alcohol use by the child"),
    c("drug-use", D::SubstanceUse, "drug use by the child"),
    c("tobacco-use", D::SubstanceUse, "smoking or vaping by the child"),
    c("debts", D::FamilyCircumstances, "problematic debts in the family"),
    c("housing-problems", D::FamilyCircumstances, "poor, unstable or no housing"),
    c("income-problems", D::FamilyCircumstances, "insufficient income"),
    c("divorce", D::FamilyCircumstances, "(complex) divorce of the parents"),
    c("parental-conflict", D::FamilyCircumstances, "conflict between the parents"),
    c("parental-illness", D::FamilyCircumstances, "serious physical illness of a parent"),
    c("parental-mental-illness", D::FamilyCircumstances, "mental illness of a parent"),
    c("parental-addiction", D::FamilyCircumstances, "alcohol or drug addiction of a parent"),
    c("young-carer", D::FamilyCircumstances, "the child cares for an ill or disabled family member"),
    c("domestic-violence", D::Safety, "violence between adults in the family"),
    c("child-abuse", D::Safety, "physical or emotional abuse of the child"),
    c("neglect", D::Safety, "neglect of the child"),
    c("sexual-abuse", D::Safety, "sexual abuse of the child"),
    c("witnessed-violence", D::Safety, "the child witnessed violence"),
    c("honour-related-violence", D::Safety, "honour-related violence"),
    c("somatic-complaint", D::Medical, "physical complaints"),
    c("chronic-illness", D::Medical, "chronic illness of the child"),
    c("growth-concern", D::Medical, "growth or weight outside the expected curve"),
    c("feeding-problems", D::Medical, "feeding problems of a baby or toddler"),
    c("medical-question", D::Medical, "a medical question"),
];

/// The concern entry for a code.
pub fn concern(code: &str) -> Option<&'static ConcernCode> {
    CONCERNS.iter().find(|c| c.code == code)
}

/// What IN-DOMAIN recognised in the concern codes.
pub(crate) struct ConcernResult {
    /// Recognised concerns, first occurrence of each code, in input order.
    pub(crate) concerns: Vec<Concern>,
    pub(crate) notes: Notes,
}

/// Recognises concern codes, warning in `lang`; the domains follow in
/// [`collect`], once the safety and kindcheck rules have had their say.
pub(crate) fn recognise(codes: &[String], lang: Language) -> ConcernResult {
    let mut notes = Notes::default();
    let mut concerns: Vec<Concern> = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    let mut not_codes = 0;
    for code in codes {
        if !is_code(code) {
            not_codes += 1;
        } else if let Some(entry) = concern(code) {
            if !concerns.iter().any(|c| c.code == *code) {
                concerns.push(Concern { code: code.clone(), domain: entry.domain });
            }
        } else if !unknown.contains(&code.as_str()) {
            unknown.push(code);
        }
    }
    let what = lang.pick("zorgcode", "concern code");
    for code in unknown {
        let note = unknown_code_note(what, code, lang);
        notes.warn(
            IN_UNKNOWN,
            say!(lang, "{note}; de code krijgt geen domein.", "{note}; it is not assigned a domain."),
        );
    }
    notes.not_codes("concerns", not_codes, lang.pick("genegeerd", "ignored"), lang);
    ConcernResult { concerns, notes }
}

/// Why a domain is on the card besides the concern codes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ExtraDomains {
    /// The safety flag is set (IN-SAFETY).
    pub(crate) safety: bool,
    /// A kindcheck recorded children of the client (IN-KINDCHECK).
    pub(crate) kindcheck: bool,
}

/// The card's domains in canonical order, without duplicates, and the
/// IN-DOMAIN reason in `lang` naming where each came from.
pub(crate) fn collect(concerns: &[Concern], extra: ExtraDomains, lang: Language) -> (Vec<D>, Notes) {
    let mut notes = Notes::default();
    let mut domains = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    // Walking `Domain::ALL` gives the canonical order and uniqueness at once.
    for &domain in D::ALL {
        // A Dutch sentence quotes the codes, which are English words.
        let mut why: Vec<String> = concerns
            .iter()
            .filter(|c| c.domain == domain)
            .map(|c| match lang {
                Language::Nl => format!("`{}`", c.code),
                Language::En => c.code.clone(),
            })
            .collect();
        if domain == D::Safety && extra.safety {
            why.push(String::from(lang.pick("indicator van acute onveiligheid", "acute-unsafety indicator")));
        }
        if domain == D::FamilyCircumstances && extra.kindcheck {
            why.push(String::from(lang.pick("kindcheck met kinderen", "kindcheck with children")));
        }
        if !why.is_empty() {
            domains.push(domain);
            let why = why.join(", ");
            let term = domain_term(domain, lang);
            parts.push(say!(lang, "{term} ({why})", "{domain} ({why})"));
        }
    }
    let text = if parts.is_empty() {
        String::from(lang.pick(
            "Geen herkende zorgcode: er is geen zorgdomein vastgesteld.",
            "No recognised concern code: no concern domain is set.",
        ))
    } else {
        let parts = parts.join("; ");
        say!(lang, "Zorgdomeinen: {parts}.", "Concern domains: {parts}.")
    };
    notes.reason(IN_DOMAIN, text);
    (domains, notes)
}
