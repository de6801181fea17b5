//! Wording shared by the rule modules: partner labels and safe echoing of
//! upstream strings.
//!
//! Codes echoed into reason text come from upstream cards that a region's
//! component may have filled with anything; the host rejects strings over
//! its byte limit, so every echoed code is clipped here first.

use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Handler, Partner};

/// At most this many characters of one upstream code are echoed.
const CODE_MAX_CHARS: usize = 48;
/// At most this many upstream codes are echoed in one sentence.
const CODES_MAX: usize = 5;

/// `s` cut to at most `max` characters, with an ellipsis (the region kit's rule).
pub(crate) use wegwijs_types::kit::clip;

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

/// A partner as a professional would name it in a sentence.
pub(crate) const fn partner_label(p: Partner) -> &'static str {
    match p {
        Partner::JgzLightSupport => "JGZ light support",
        Partner::Jeugdarts => "the jeugdarts of the JGZ team",
        Partner::Wijkteam => "the sociaal wijkteam",
        Partner::Huisarts => "the huisarts",
        Partner::PohJeugd => "the POH-jeugd",
        Partner::JeugdGgz => "jeugd-GGZ",
        Partner::ImhConsultation => "a young-child / Infant Mental Health specialist",
        Partner::Kinderarts => "the kinderarts",
        Partner::Kinderopvang => "the kinderopvang or peuterspeelzaal",
        Partner::PrimarySchool => "the primary school (leerkracht, intern begeleider)",
        Partner::SchoolMentor => "the mentor at school",
        Partner::SchoolZorgteam => "the school zorgteam via the zorgcoördinator",
        Partner::Amw => "algemeen maatschappelijk werk",
        Partner::ParentGgz => "volwassenen-GGZ or verslavingszorg via the parent's huisarts",
        Partner::VeiligThuisAdvice => "Veilig Thuis for advice",
        Partner::VeiligThuisMelding => "Veilig Thuis for a melding",
        Partner::Verwijsindex => "the Verwijsindex",
        Partner::GecertificeerdeInstelling => "the gecertificeerde instelling",
    }
}

/// The handling professional as named in a sentence.
pub(crate) const fn handler_label(h: Handler) -> &'static str {
    match h {
        Handler::Jeugdarts => "jeugdarts",
        Handler::Jeugdverpleegkundige => "jeugdverpleegkundige",
        Handler::VerpleegkundigSpecialist => "verpleegkundig specialist",
    }
}
