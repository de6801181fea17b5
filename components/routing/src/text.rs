//! Wording shared by the rule modules, in the reader's [`Language`]:
//! instrument labels, counted nouns, who takes part in a conversation
//! (CS-AGE through the region kit's [`Participants`]) and safe echoing of
//! upstream strings. Partner, handler, verwijzer, action, level, urgency and
//! domain words, sentence case and clipping are the region kit's, so the
//! regions and the host word them alike.
//!
//! Codes echoed into reason text come from upstream cards that a region's
//! component may have filled with anything; the host rejects strings over
//! its byte limit, so every echoed code is clipped here first. A Dutch text
//! quotes such codes in backticks ([`code_list`], [`quote`]): they are codes,
//! not words, and read the same in every language.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_kit::{Participants, clip};
use wegwijs_types::{InstrumentKind, Language};

/// At most this many characters of one upstream code are echoed.
const CODE_MAX_CHARS: usize = 48;
/// At most this many upstream codes are echoed in one sentence.
const CODES_MAX: usize = 5;

/// Upstream codes joined with ", ", clipped and capped.
pub(crate) fn codes<'a>(list: impl IntoIterator<Item = &'a str>) -> String {
    join_codes(list, false)
}

/// Upstream codes as a reader of `lang` sees them: as they are in English,
/// each quoted in backticks in Dutch (see [`quote`]).
pub(crate) fn code_list<'a>(list: impl IntoIterator<Item = &'a str>, lang: Language) -> String {
    join_codes(list, lang == Language::Nl)
}

/// Codes joined with ", ", each clipped (and quoted when `quoted`), at most
/// [`CODES_MAX`] of them.
fn join_codes<'a>(list: impl IntoIterator<Item = &'a str>, quoted: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut more = false;
    for (n, c) in list.into_iter().enumerate() {
        if n >= CODES_MAX {
            more = true;
            break;
        }
        out.push(if quoted { quote(c) } else { clip(c, CODE_MAX_CHARS) });
    }
    let mut s = out.join(", ");
    if more {
        s.push_str(", …");
    }
    s
}

/// One upstream code clipped and quoted in backticks; a backtick inside it
/// becomes an apostrophe, so the quote cannot end early.
pub(crate) fn quote(code: &str) -> String {
    format!("`{}`", clip(code, CODE_MAX_CHARS).replace('`', "'"))
}

/// "1 route", "2 routes": a count with its noun in agreement.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// An instrument as a professional writes it.
pub(crate) const fn instrument_label(i: InstrumentKind) -> &'static str {
    match i {
        InstrumentKind::Sdq => "SDQ",
        InstrumentKind::Spark => "SPARK",
        InstrumentKind::Giz => "GIZ",
        InstrumentKind::Dmo => "DMO-protocol",
        InstrumentKind::Bitsea => "BITSEA",
        InstrumentKind::Kivpa => "KIVPA",
    }
}

/// An instrument with its article, to open a clause: "the SDQ", "de SDQ",
/// "het DMO-protocol".
pub(crate) fn instrument_with_article(i: InstrumentKind, lang: Language) -> String {
    let article = match (lang, i) {
        (Language::En, _) => "the",
        (Language::Nl, InstrumentKind::Dmo) => "het",
        (Language::Nl, _) => "de",
    };
    format!("{article} {}", instrument_label(i))
}

/// Whose consent CS-AGE names, for "this needs {consent}" / "daarvoor is
/// {consent} nodig" (CS-SCHOOL).
pub(crate) const fn consent_of(p: Participants, lang: Language) -> &'static str {
    match p {
        Participants::ExpectantParents => {
            lang.pick("toestemming van de aanstaande ouders", "the expectant parents' consent")
        }
        Participants::Unknown => lang.pick(
            "toestemming van de ouders (vanaf 12 jaar ook van de jongere; vanaf 16 jaar alleen van de jongere)",
            "the parents' consent (from 12 also the youth's; from 16 the youth's alone)",
        ),
        Participants::Parents => lang.pick("toestemming van de ouders", "the parents' consent"),
        Participants::ParentsAndYouth => {
            lang.pick("toestemming van zowel de jongere als de ouders", "the consent of both the youth and the parents")
        }
        Participants::Youth | Participants::YouthAlone => {
            lang.pick("alleen toestemming van de jongere (vanaf 16 jaar)", "the youth's consent alone (from 16)")
        }
    }
}

/// Whom meldcode step 3's exception keeps uninformed for now: the parents,
/// or "the family" where the youth has excluded the parents and no text may
/// name them.
pub(crate) const fn kept_uninformed(p: Participants, lang: Language) -> &'static str {
    match p {
        Participants::ExpectantParents => lang.pick("de aanstaande ouders", "the expectant parents"),
        Participants::YouthAlone => lang.pick("het gezin", "the family"),
        _ => lang.pick("de ouders", "the parents"),
    }
}

/// Whom JGZ informs about a Verwijsindex signal (CS-VIR): the youth from 12,
/// and the parents of a youth under 16.
pub(crate) const fn informed_of_signal(p: Participants, lang: Language) -> &'static str {
    match p {
        Participants::ExpectantParents => lang.pick("de aanstaande ouders", "the expectant parents"),
        Participants::Unknown => lang.pick(
            "de jongere vanaf 12 jaar en de ouders van een jongere onder de 16",
            "the youth from 12 and the parents of a youth under 16",
        ),
        Participants::Parents => lang.pick("de ouders", "the parents"),
        Participants::ParentsAndYouth => lang.pick("de jongere en de ouders", "the youth and the parents"),
        Participants::Youth | Participants::YouthAlone => lang.pick("de jongere", "the youth"),
    }
}

/// The family, or the youth alone where the youth has excluded the parents:
/// who meets a new helper or is affected by a referral.
pub(crate) const fn family_or_youth(p: Participants, lang: Language) -> &'static str {
    if p.parents_take_part() { lang.pick("het gezin", "the family") } else { lang.pick("de jongere", "the youth") }
}

/// The card's sentences say "Urgency {urgency}" in English with the WIT
/// name, and "Urgentie {term}" in Dutch with the glossary's word.
pub(crate) fn urgency_word(u: wegwijs_types::Urgency, lang: Language) -> String {
    match lang {
        Language::En => format!("Urgency {u}"),
        Language::Nl => format!("Urgentie {}", wegwijs_kit::urgency_term(u, Language::Nl)),
    }
}
