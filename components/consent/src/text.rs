//! Small helpers that spell parties, partners and data categories in the
//! plain-English reason sentences, so every rule words them the same way.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_types::{DataCategory, Partner, Party, Purpose};

/// "the parents", "the youth".
pub(crate) fn party(p: Party) -> &'static str {
    match p {
        Party::Parents => "the parents",
        Party::Youth => "the youth",
        Party::ReferredParent => "the parent concerned",
    }
}

/// "the parents and the youth"; "nobody" for an empty list.
pub(crate) fn parties(ps: &[Party]) -> String {
    if ps.is_empty() {
        return "nobody".to_string();
    }
    ps.iter().map(|p| party(*p)).collect::<Vec<_>>().join(" and ")
}

/// "concern-summary, screening-result"; "none" for an empty list.
pub(crate) fn categories(cs: &[DataCategory]) -> String {
    if cs.is_empty() {
        return "none".to_string();
    }
    cs.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ")
}

/// The same text with its first letter in upper case, for sentences that
/// start with a party list or an optional prefix.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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
        Partner::ParentGgz => "the parent's GGZ or verslavingszorg",
        Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding => "Veilig Thuis",
        Partner::Verwijsindex => "the Verwijsindex",
        Partner::GecertificeerdeInstelling => "the gecertificeerde instelling",
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

/// "the youth is", "the parents and the youth are".
pub(crate) fn is_are(ps: &[Party]) -> String {
    alloc::format!("{} {}", parties(ps), if ps.len() == 1 { "is" } else { "are" })
}
