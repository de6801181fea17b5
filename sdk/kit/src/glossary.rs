//! The glossary: the one table of words every text of wegwijs uses for a
//! code, in Dutch (the default) and English. The WIT names (`Partner::name`,
//! …) are for machines; these are for the professional reading the card and
//! the adviser reading a report. The reference components, the regions'
//! Rust components, the host's card, the CLI, the CDS Hooks cards and the
//! simulation report all take their words from here, so a partner is called
//! the same on every screen. The Dutch terms are those of the JGZ guidelines
//! and the meldcode; `docs/glossary.md` lists them and a test holds that
//! page to this table.
//!
//! Two forms exist for a partner: [`partner_label`] for use inside a
//! sentence ("het sociaal wijkteam", "the sociaal wijkteam") and
//! [`partner_term`], the bare term for a list or a table heading
//! ("sociaal wijkteam").

use wegwijs_types::{
    Action, Band, ConsentOutcome, DataCategory, Domain, Handler, Language, Level, Partner, Party, Purpose, RouteKind,
    SourceKind, Urgency, Verwijzer,
};

/// A partner as a professional names it inside a sentence, with its
/// article: "het sociaal wijkteam" / "the sociaal wijkteam".
pub const fn partner_label(p: Partner, lang: Language) -> &'static str {
    match p {
        Partner::JgzLightSupport => lang.pick("het eigen JGZ-team (lichte ondersteuning)", "JGZ light support"),
        Partner::Jeugdarts => lang.pick("de jeugdarts van het JGZ-team", "the jeugdarts of the JGZ team"),
        Partner::Wijkteam => lang.pick("het sociaal wijkteam", "the sociaal wijkteam"),
        Partner::Huisarts => lang.pick("de huisarts", "the huisarts"),
        Partner::PohJeugd => lang.pick("de POH-jeugd", "the POH-jeugd"),
        Partner::JeugdGgz => lang.pick("de jeugd-GGZ", "jeugd-GGZ"),
        Partner::ImhConsultation => lang.pick(
            "een specialist jonge kind / Infant Mental Health",
            "a young-child / Infant Mental Health specialist",
        ),
        Partner::Kinderarts => lang.pick("de kinderarts", "the kinderarts"),
        Partner::Kinderopvang => lang.pick("de kinderopvang of peuterspeelzaal", "the kinderopvang or peuterspeelzaal"),
        Partner::PrimarySchool => lang.pick(
            "de basisschool (leerkracht, intern begeleider)",
            "the primary school (leerkracht, intern begeleider)",
        ),
        Partner::SchoolMentor => lang.pick("de mentor op school", "the mentor at school"),
        Partner::SchoolZorgteam => lang.pick(
            "het zorg- en adviesteam van de school via de zorgcoördinator",
            "the school zorgteam via the zorgcoördinator",
        ),
        Partner::Amw => lang.pick("het algemeen maatschappelijk werk", "algemeen maatschappelijk werk"),
        Partner::ParentGgz => lang.pick(
            "de volwassenen-GGZ of verslavingszorg voor de ouder",
            "volwassenen-GGZ or verslavingszorg for the parent",
        ),
        Partner::VeiligThuisAdvice => lang.pick("Veilig Thuis voor advies", "Veilig Thuis for advice"),
        Partner::VeiligThuisMelding => lang.pick("Veilig Thuis voor een melding", "Veilig Thuis for a melding"),
        Partner::Verwijsindex => lang.pick("de Verwijsindex", "the Verwijsindex"),
        Partner::GecertificeerdeInstelling => {
            lang.pick("de gecertificeerde instelling", "the gecertificeerde instelling")
        }
    }
}

/// A partner as a bare term, for lists and headings: "sociaal wijkteam".
pub const fn partner_term(p: Partner, lang: Language) -> &'static str {
    match p {
        Partner::JgzLightSupport => lang.pick("eigen JGZ-team", "own JGZ team"),
        Partner::Jeugdarts => "jeugdarts",
        Partner::Wijkteam => "sociaal wijkteam",
        Partner::Huisarts => "huisarts",
        Partner::PohJeugd => "POH-jeugd",
        Partner::JeugdGgz => "jeugd-GGZ",
        Partner::ImhConsultation => lang.pick("specialist jonge kind (IMH)", "young-child specialist (IMH)"),
        Partner::Kinderarts => "kinderarts",
        Partner::Kinderopvang => lang.pick("kinderopvang / peuterspeelzaal", "kinderopvang / peuterspeelzaal"),
        Partner::PrimarySchool => lang.pick("basisschool", "primary school"),
        Partner::SchoolMentor => lang.pick("mentor", "school mentor"),
        Partner::SchoolZorgteam => lang.pick("zorg- en adviesteam school", "school zorgteam"),
        Partner::Amw => lang.pick("algemeen maatschappelijk werk", "algemeen maatschappelijk werk"),
        Partner::ParentGgz => lang.pick("volwassenen-GGZ / verslavingszorg", "volwassenen-GGZ / verslavingszorg"),
        // The route's or purpose's kind says advice or melding beside it.
        Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding => "Veilig Thuis",
        Partner::Verwijsindex => "Verwijsindex",
        Partner::GecertificeerdeInstelling => lang.pick("gecertificeerde instelling", "gecertificeerde instelling"),
    }
}

/// The label of a verwijzer code in the iJw code list, e.g. "Jeugdarts",
/// as cited after the code ("verwijzer 03 Jeugdarts"). The code list is
/// Dutch and its names are cited as they stand in either language.
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

/// The handling professional as named in a sentence ("de jeugdarts", "the
/// JGZ jeugdarts"): the Dutch job titles, in both languages.
pub const fn handler_label(h: Handler) -> &'static str {
    match h {
        Handler::Jeugdarts => "jeugdarts",
        Handler::Jeugdverpleegkundige => "jeugdverpleegkundige",
        Handler::VerpleegkundigSpecialist => "verpleegkundig specialist",
    }
}

/// Who reported the signal, as a term: "ouder", "intern begeleider".
pub const fn source_term(s: SourceKind, lang: Language) -> &'static str {
    match s {
        SourceKind::Parent => lang.pick("ouder", "parent"),
        SourceKind::Youth => lang.pick("jongere", "youth"),
        SourceKind::Jeugdarts => "jeugdarts",
        SourceKind::Jeugdverpleegkundige => "jeugdverpleegkundige",
        SourceKind::VerpleegkundigSpecialist => "verpleegkundig specialist",
        SourceKind::Kinderopvang => lang.pick("pedagogisch medewerker kinderopvang", "kinderopvang"),
        SourceKind::Peuterspeelzaal => "peuterspeelzaal",
        SourceKind::Leerkracht => "leerkracht",
        SourceKind::InternBegeleider => "intern begeleider",
        SourceKind::Mentor => "mentor",
        SourceKind::Zorgcoordinator => "zorgcoördinator",
        SourceKind::Huisarts => "huisarts",
        SourceKind::PohJeugd => "POH-jeugd",
        SourceKind::Verloskundige => "verloskundige",
        SourceKind::Gynaecoloog => "gynaecoloog",
        SourceKind::Kraamzorg => "kraamzorg",
        SourceKind::SociaalWijkteam => "sociaal wijkteam",
        SourceKind::Jeugdhulp => "jeugdhulp",
        SourceKind::VolwassenenGgz => "volwassenen-GGZ",
        SourceKind::Verslavingszorg => "verslavingszorg",
        SourceKind::VeiligThuis => "Veilig Thuis",
        SourceKind::RaadKinderbescherming => "Raad voor de Kinderbescherming",
        SourceKind::Verwijsindex => "Verwijsindex",
        SourceKind::MedischSpecialist => "medisch specialist",
        SourceKind::Other => lang.pick("andere melder", "other"),
    }
}

/// A rung of the action ladder as professionals write it: "opnieuw
/// beoordelen" / "reassess", "A0" … "A3", "S".
pub const fn action_label(action: Action, lang: Language) -> &'static str {
    match action {
        Action::Reassess => lang.pick("opnieuw beoordelen", "reassess"),
        Action::A0 => "A0",
        Action::A1 => "A1",
        Action::A2 => "A2",
        Action::A3 => "A3",
        Action::S => "S",
    }
}

/// An instrument's score band: "normaal", "grensgebied", "afwijkend" (the
/// SDQ's Dutch norm bands; SPARK's "verhoogd" is another scale). The
/// English is the band's code.
pub const fn band_term(band: Band, lang: Language) -> &'static str {
    match lang {
        Language::En => band.name(),
        Language::Nl => match band {
            Band::Normal => "normaal",
            Band::Borderline => "grensgebied",
            Band::Abnormal => "afwijkend",
        },
    }
}

/// A level of concern: "aandacht", "zorg", "onveiligheid".
pub const fn level_term(level: Level, lang: Language) -> &'static str {
    match level {
        Level::Unknown => lang.pick("onbekend", "unknown"),
        Level::None => lang.pick("geen zorg", "none"),
        Level::Attention => lang.pick("aandacht", "attention"),
        Level::Concern => lang.pick("zorg", "concern"),
        Level::High => lang.pick("hoog", "high"),
        Level::Safety => lang.pick("onveiligheid", "safety"),
    }
}

/// How soon, as it follows a verb: "direct", "binnen vijf werkdagen".
pub const fn urgency_term(u: Urgency, lang: Language) -> &'static str {
    match u {
        Urgency::Immediate => lang.pick("direct", "immediately"),
        Urgency::WithinFiveWorkingDays => lang.pick("binnen vijf werkdagen", "within five working days"),
        Urgency::Soon => lang.pick("binnenkort", "soon"),
        Urgency::NextContact => lang.pick("bij het volgende contact", "at the next contact"),
    }
}

/// What kind of route: "verwijzing", "consultatie", "melding".
pub const fn route_kind_term(k: RouteKind, lang: Language) -> &'static str {
    match k {
        RouteKind::Support => lang.pick("ondersteuning", "support"),
        // The route asks the partner for information about the child.
        RouteKind::Information => lang.pick("informatie opvragen", "information"),
        RouteKind::Consultation => lang.pick("consultatie", "consultation"),
        RouteKind::Referral => lang.pick("verwijzing", "referral"),
        RouteKind::Advice => lang.pick("advies", "advice"),
        RouteKind::Melding => "melding",
        RouteKind::Coordination => lang.pick("zorgcoördinatie", "coordination"),
    }
}

/// Why information would be shared: "verwijzing", "Veilig Thuis-melding".
pub const fn purpose_term(p: Purpose, lang: Language) -> &'static str {
    match p {
        Purpose::DirectCare => lang.pick("directe zorg", "direct care"),
        Purpose::MedicalReferral => lang.pick("medische verwijzing", "medical referral"),
        Purpose::Referral => lang.pick("verwijzing", "referral"),
        Purpose::Consultation => lang.pick("consultatie", "consultation"),
        Purpose::SchoolConsultation => lang.pick("overleg met school", "consultation with school"),
        Purpose::VeiligThuisAdvice => lang.pick("advies van Veilig Thuis", "Veilig Thuis advice"),
        Purpose::VeiligThuisMelding => lang.pick("Veilig Thuis-melding", "Veilig Thuis melding"),
        Purpose::GiSupervision => lang.pick("toezicht door de gecertificeerde instelling", "supervision by the GI"),
        Purpose::Coordination => {
            lang.pick("zorgcoördinatie (één gezin, één plan)", "coordination (one family, one plan)")
        }
        Purpose::VerwijsindexSignal => lang.pick("signaal in de Verwijsindex", "Verwijsindex signal"),
        Purpose::ParentOwnCare => lang.pick("zorg voor de ouder zelf", "the parent's own care"),
    }
}

/// A kind of information that may be shared: "contactgegevens".
pub const fn data_term(d: DataCategory, lang: Language) -> &'static str {
    match d {
        DataCategory::ContactDetails => lang.pick("contactgegevens", "contact details"),
        DataCategory::ConcernSummary => lang.pick("samenvatting van de zorg", "summary of the concern"),
        DataCategory::ScreeningResult => lang.pick("uitkomst van de screening", "screening result"),
        DataCategory::InstrumentScores => lang.pick("scores op de instrumenten", "instrument scores"),
        DataCategory::RiskFactors => lang.pick("risicofactoren", "risk factors"),
        DataCategory::SafetySignals => lang.pick("signalen van onveiligheid", "signs of unsafety"),
        DataCategory::MedicalData => lang.pick("medische gegevens", "medical data"),
        DataCategory::FamilyCircumstances => lang.pick("gezinsomstandigheden", "family circumstances"),
    }
}

/// The outcome of a consent check: "toestemming nodig".
pub const fn consent_term(c: ConsentOutcome, lang: Language) -> &'static str {
    match c {
        ConsentOutcome::Permitted => lang.pick("mag gedeeld worden", "permitted"),
        ConsentOutcome::NeedsConsent => lang.pick("toestemming nodig", "needs consent"),
        ConsentOutcome::AnonymousOnly => lang.pick("alleen anoniem", "anonymous only"),
        ConsentOutcome::ProfessionalJudgement => lang.pick("professionele afweging", "professional judgement"),
        ConsentOutcome::Denied => lang.pick("niet delen", "denied"),
    }
}

/// A domain of concern: "psychosociaal", "ouder-kindrelatie".
pub const fn domain_term(d: Domain, lang: Language) -> &'static str {
    match d {
        Domain::Psychosocial => lang.pick("psychosociaal", "psychosocial"),
        Domain::ParentChild => lang.pick("ouder-kindrelatie", "parent-child"),
        Domain::Development => lang.pick("ontwikkeling", "development"),
        Domain::School => "school",
        Domain::SubstanceUse => lang.pick("middelengebruik", "substance use"),
        Domain::FamilyCircumstances => lang.pick("gezinsomstandigheden", "family circumstances"),
        Domain::Safety => lang.pick("veiligheid", "safety"),
        Domain::Medical => lang.pick("medisch", "medical"),
    }
}

/// Whose consent is needed, inside a sentence: "de ouders", "de jongere".
pub const fn party_label(p: Party, lang: Language) -> &'static str {
    match p {
        Party::Parents => lang.pick("de ouders (met gezag)", "the parents (with parental authority)"),
        Party::Youth => lang.pick("de jongere", "the youth"),
        Party::ReferredParent => lang.pick("de ouder zelf", "the parent themself"),
    }
}

/// A route as a phrase, its kind with the preposition the partner takes:
/// "verwijzing naar de jeugd-GGZ", "advies vragen bij Veilig Thuis",
/// "referral to jeugd-GGZ". Where the partner's label already says the
/// kind (JGZ light support, Veilig Thuis for a melding) it is not said twice.
pub fn route_phrase(kind: RouteKind, partner: Partner, lang: Language) -> alloc::string::String {
    let p = match partner {
        Partner::JgzLightSupport if kind == RouteKind::Support => {
            return lang.pick("lichte ondersteuning door de JGZ", "JGZ light support").into();
        }
        // The kind says advice or melding; the name is the organisation's.
        Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding => "Veilig Thuis",
        _ => partner_label(partner, lang),
    };
    match (kind, lang) {
        (RouteKind::Coordination, Language::Nl) if partner == Partner::Verwijsindex => {
            alloc::format!("signaal in {p}")
        }
        (RouteKind::Support, Language::Nl) => alloc::format!("ondersteuning door {p}"),
        (RouteKind::Information, Language::Nl) => alloc::format!("informatie opvragen bij {p}"),
        (RouteKind::Consultation, Language::Nl) => alloc::format!("consultatie bij {p}"),
        (RouteKind::Referral, Language::Nl) => alloc::format!("verwijzing naar {p}"),
        (RouteKind::Advice, Language::Nl) => alloc::format!("advies vragen bij {p}"),
        (RouteKind::Melding, Language::Nl) => alloc::format!("melding bij {p}"),
        (RouteKind::Coordination, Language::Nl) => alloc::format!("afstemming met {p}"),
        (RouteKind::Support, Language::En) => alloc::format!("support by {p}"),
        (RouteKind::Information, Language::En) => alloc::format!("information from {p}"),
        (RouteKind::Consultation, Language::En) => alloc::format!("consultation with {p}"),
        (RouteKind::Referral, Language::En) => alloc::format!("referral to {p}"),
        (RouteKind::Advice, Language::En) => alloc::format!("advice from {p}"),
        (RouteKind::Melding, Language::En) => alloc::format!("melding at {p}"),
        (RouteKind::Coordination, Language::En) => alloc::format!("coordination with {p}"),
    }
}
