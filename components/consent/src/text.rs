//! Small helpers that spell parties, partners and data categories in the
//! plain-English reason sentences, so every rule words them the same way and
//! every verb agrees with its subject ("the parents are", "the youth is").
//! A sentence that opens with one of them is cased by the region kit's
//! `sentence_case`.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_types::{DataCategory, Partner, Party, Purpose};

/// "the parents", "the youth", "the parent concerned".
pub(crate) fn party(p: Party) -> &'static str {
    match p {
        Party::Parents => "the parents",
        Party::Youth => "the youth",
        Party::ReferredParent => "the parent concerned",
    }
}

/// Whether a party takes a plural verb: "the parents are", but "the youth
/// is" and "the parent concerned is".
const fn plural(p: Party) -> bool {
    matches!(p, Party::Parents)
}

/// "a", "a and b", "a, b and c"; `empty` for an empty list.
fn list(items: &[&str], empty: &str) -> String {
    match items {
        [] => empty.to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "the parents and the youth"; "nobody" for an empty list.
pub(crate) fn parties(ps: &[Party]) -> String {
    list(&ps.iter().map(|p| party(*p)).collect::<Vec<_>>(), "nobody")
}

/// The verb "to be" agreeing with a party list: "are" for the parents or
/// several parties, "is" for the youth, the parent concerned or nobody.
pub(crate) fn be(ps: &[Party]) -> &'static str {
    match ps {
        [one] if !plural(*one) => "is",
        [] => "is",
        _ => "are",
    }
}

/// "the parents are", "the youth is", "the parents and the youth are",
/// "nobody is".
pub(crate) fn is_are(ps: &[Party]) -> String {
    format!("{} {}", parties(ps), be(ps))
}

/// "concern-summary and screening-result"; "none" for an empty list.
pub(crate) fn categories(cs: &[DataCategory]) -> String {
    list(&cs.iter().map(|c| c.name()).collect::<Vec<_>>(), "none")
}

/// "is" for one data category, "are" for several.
pub(crate) fn category_verb(cs: &[DataCategory]) -> &'static str {
    if cs.len() == 1 { "is" } else { "are" }
}

/// The recipient as a reason sentence names it ("the huisarts").
pub(crate) fn partner(p: Partner) -> &'static str {
    match p {
        Partner::JgzLightSupport => "JGZ light support",
        Partner::Jeugdarts => "the jeugdarts",
        Partner::Wijkteam => "the wijkteam",
        Partner::Huisarts => "the huisarts",
        Partner::PohJeugd => "the POH-jeugd",
        Partner::JeugdGgz => "jeugd-GGZ",
        Partner::ImhConsultation => "the Infant Mental Health consultation",
        Partner::Kinderarts => "the kinderarts",
        Partner::Kinderopvang => "the kinderopvang",
        Partner::PrimarySchool => "the primary school",
        Partner::SchoolMentor => "the school mentor",
        Partner::SchoolZorgteam => "the school zorgteam",
        Partner::Amw => "algemeen maatschappelijk werk",
        Partner::ParentGgz => "volwassenen-GGZ or verslavingszorg for the parent",
        Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding => "Veilig Thuis",
        Partner::Verwijsindex => "the Verwijsindex",
        Partner::GecertificeerdeInstelling => "the gecertificeerde instelling",
    }
}

/// "the kinderopvang, the primary school or the school mentor".
pub(crate) fn partners_or(ps: &[Partner]) -> String {
    match ps {
        [] => "nobody".to_string(),
        [one] => partner(*one).to_string(),
        [init @ .., last] => {
            format!("{} or {}", init.iter().map(|p| partner(*p)).collect::<Vec<_>>().join(", "), partner(*last))
        }
    }
}

/// The purpose as a reason sentence names it ("a referral").
pub(crate) fn purpose(p: Purpose) -> &'static str {
    match p {
        Purpose::DirectCare => "direct care",
        Purpose::MedicalReferral => "a medical referral",
        Purpose::Referral => "a referral",
        Purpose::Consultation => "a consultation",
        Purpose::SchoolConsultation => "a school consultation",
        Purpose::VeiligThuisAdvice => "anonymous advice",
        Purpose::VeiligThuisMelding => "a melding",
        Purpose::GiSupervision => "an ondertoezichtstelling",
        Purpose::Coordination => "coordination",
        Purpose::VerwijsindexSignal => "a Verwijsindex signal",
        Purpose::ParentOwnCare => "the parent's own care",
    }
}

/// How a professional records consent so the next run sees it: one
/// `consents` entry of the signal format per party, e.g.
/// `{ "party": "parents", "recipient": "jeugd-ggz", "given": true }`.
pub(crate) fn consent_entries(ps: &[Party], recipient: Partner) -> String {
    let entries: Vec<String> = ps
        .iter()
        .map(|p| format!("{{ \"party\": \"{}\", \"recipient\": \"{}\", \"given\": true }}", p.name(), recipient.name()))
        .collect();
    let entries: Vec<&str> = entries.iter().map(String::as_str).collect();
    format!("{} {}", if ps.len() == 1 { "a `consents` entry" } else { "`consents` entries" }, list(&entries, "none"))
}
