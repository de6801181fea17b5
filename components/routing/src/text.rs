//! Wording shared by the rule modules: instrument labels, counted nouns,
//! who takes part in a conversation (CS-AGE through the region kit's
//! [`Participants`]) and safe echoing of upstream strings. Partner,
//! handler, verwijzer and action labels, sentence case and clipping are the
//! region kit's, so the regions and the host word them alike.
//!
//! Codes echoed into reason text come from upstream cards that a region's
//! component may have filled with anything; the host rejects strings over
//! its byte limit, so every echoed code is clipped here first.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_kit::{Participants, clip};
use wegwijs_types::InstrumentKind;

/// At most this many characters of one upstream code are echoed.
const CODE_MAX_CHARS: usize = 48;
/// At most this many upstream codes are echoed in one sentence.
const CODES_MAX: usize = 5;

/// Upstream codes joined with ", ", clipped and capped.
pub(crate) fn codes<'a>(list: impl IntoIterator<Item = &'a str>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut more = false;
    for (n, c) in list.into_iter().enumerate() {
        if n >= CODES_MAX {
            more = true;
            break;
        }
        out.push(clip(c, CODE_MAX_CHARS));
    }
    let mut s = out.join(", ");
    if more {
        s.push_str(", …");
    }
    s
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

/// Whose consent CS-AGE names, for "this needs {consent}" (CS-SCHOOL).
pub(crate) const fn consent_of(p: Participants) -> &'static str {
    match p {
        Participants::ExpectantParents => "the expectant parents' consent",
        Participants::Unknown => "the parents' consent (from 12 also the youth's; from 16 the youth's alone)",
        Participants::Parents => "the parents' consent",
        Participants::ParentsAndYouth => "the consent of both the youth and the parents",
        Participants::Youth | Participants::YouthAlone => "the youth's consent alone (from 16)",
    }
}

/// Who is told about a melding beforehand (meldcode step 3: talk with
/// parents and child), as far as CS-AGE lets them take part.
pub(crate) const fn told_of_melding(p: Participants) -> &'static str {
    match p {
        Participants::ExpectantParents => "the expectant parents",
        Participants::Unknown | Participants::Parents => "the parents and the child",
        Participants::ParentsAndYouth | Participants::Youth => "the parents and the youth",
        Participants::YouthAlone => "the youth",
    }
}

/// Whom meldcode step 3's exception keeps uninformed for now: the parents,
/// or "the family" where the youth has excluded the parents and no text may
/// name them.
pub(crate) const fn kept_uninformed(p: Participants) -> &'static str {
    match p {
        Participants::ExpectantParents => "the expectant parents",
        Participants::YouthAlone => "the family",
        _ => "the parents",
    }
}

/// Whom JGZ informs about a Verwijsindex signal (CS-VIR): the youth from 12,
/// and the parents of a youth under 16.
pub(crate) const fn informed_of_signal(p: Participants) -> &'static str {
    match p {
        Participants::ExpectantParents => "the expectant parents",
        Participants::Unknown => "the youth from 12 and the parents of a youth under 16",
        Participants::Parents => "the parents",
        Participants::ParentsAndYouth => "the youth and the parents",
        Participants::Youth | Participants::YouthAlone => "the youth",
    }
}
