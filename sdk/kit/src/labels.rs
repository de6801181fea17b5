//! The words a sentence uses for a model value: a partner, a verwijzer, the
//! handling professional, a rung of the action ladder. The WIT names
//! (`Partner::name`, …) are for machines; these are for the professional
//! reading the card, and one wording serves the reference components, the
//! regions and the host alike.

use wegwijs_types::{Action, Handler, Partner, Verwijzer};

/// A partner as a professional names it in a sentence ("the sociaal
/// wijkteam", "jeugd-GGZ"): one wording for the reference components, the
/// regions and the host's own sentences.
pub const fn partner_label(p: Partner) -> &'static str {
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
        Partner::ParentGgz => "volwassenen-GGZ or verslavingszorg for the parent",
        Partner::VeiligThuisAdvice => "Veilig Thuis for advice",
        Partner::VeiligThuisMelding => "Veilig Thuis for a melding",
        Partner::Verwijsindex => "the Verwijsindex",
        Partner::GecertificeerdeInstelling => "the gecertificeerde instelling",
    }
}

/// The label of a verwijzer code in the iJw code list, e.g. "Jeugdarts",
/// as cited after the code ("verwijzer 03 Jeugdarts").
pub const fn verwijzer_label(v: Verwijzer) -> &'static str {
    match v {
        Verwijzer::Gemeente => "Gemeente",
        Verwijzer::Huisarts => "Huisarts",
        Verwijzer::Jeugdarts => "Jeugdarts",
        Verwijzer::GecertificeerdeInstelling => "Gecertificeerde instelling",
        Verwijzer::MedischSpecialist => "Medisch specialist",
        Verwijzer::Zelfverwijzer => "Zelfverwijzer/geen verwijzer",
        Verwijzer::Onbekend => "Onbekend",
        Verwijzer::Rechter => "Rechter, Raad voor de Kinderbescherming of Officier van Justitie",
    }
}

/// The handling professional as named in a sentence ("the JGZ {label}
/// handling the case").
pub const fn handler_label(h: Handler) -> &'static str {
    match h {
        Handler::Jeugdarts => "jeugdarts",
        Handler::Jeugdverpleegkundige => "jeugdverpleegkundige",
        Handler::VerpleegkundigSpecialist => "verpleegkundig specialist",
    }
}

/// A rung of the action ladder as professionals write it: "reassess", "A0"
/// … "A3", "S".
pub const fn action_label(action: Action) -> &'static str {
    match action {
        Action::Reassess => "reassess",
        Action::A0 => "A0",
        Action::A1 => "A1",
        Action::A2 => "A2",
        Action::A3 => "A3",
        Action::S => "S",
    }
}
