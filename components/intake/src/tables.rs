//! The intake vocabularies as versioned data: source codes and their aliases,
//! the BDS initiator list, the concern vocabulary with its domains, and the
//! acute-unsafety indicators with their aliases. Intake's logic only looks
//! codes up here, so extending a vocabulary is a table change.

use wegwijs_types::{AcuteIndicator as A, Domain as D, SourceKind as S};

/// A table's provenance: which vocabulary or guideline, which version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSource {
    /// Name of the vocabulary or guideline.
    pub name: &'static str,
    /// Version.
    pub version: &'static str,
}

/// Provenance of the source vocabulary.
pub const SOURCE_TABLE: TableSource =
    TableSource { name: "wegwijs source vocabulary after the JGZ guideline brief §1 (IN-SOURCE)", version: "0.1.0" };

/// Source codes and aliases → source kind. Every kind's own WIT name is
/// accepted as well; these are the extra spellings senders use.
pub const SOURCE_ALIASES: &[(&str, S)] = &[
    ("ouder", S::Parent),
    ("ouders", S::Parent),
    ("moeder", S::Parent),
    ("vader", S::Parent),
    ("jongere", S::Youth),
    ("kind", S::Youth),
    ("jgz", S::Jeugdverpleegkundige),
    ("jvk", S::Jeugdverpleegkundige),
    ("vs", S::VerpleegkundigSpecialist),
    ("bso", S::Kinderopvang),
    ("kdv", S::Kinderopvang),
    ("gastouder", S::Kinderopvang),
    ("psz", S::Peuterspeelzaal),
    ("voorschool", S::Peuterspeelzaal),
    ("school", S::Leerkracht),
    ("basisschool", S::Leerkracht),
    ("ib", S::InternBegeleider),
    ("ib-er", S::InternBegeleider),
    ("zorgco", S::Zorgcoordinator),
    ("zoco", S::Zorgcoordinator),
    ("ha", S::Huisarts),
    ("poh", S::PohJeugd),
    ("poh-ggz-jeugd", S::PohJeugd),
    ("verloskunde", S::Verloskundige),
    ("kraamverzorgende", S::Kraamzorg),
    ("wijkteam", S::SociaalWijkteam),
    ("cjg", S::SociaalWijkteam),
    ("ouder-kindteam", S::SociaalWijkteam),
    ("gemeente", S::SociaalWijkteam),
    ("ggz", S::VolwassenenGgz),
    ("ggz-volwassenen", S::VolwassenenGgz),
    ("verslavingszorg-volwassenen", S::Verslavingszorg),
    ("vt", S::VeiligThuis),
    ("rvdk", S::RaadKinderbescherming),
    ("raad", S::RaadKinderbescherming),
    ("vi", S::Verwijsindex),
    ("kinderarts", S::MedischSpecialist),
    ("specialist", S::MedischSpecialist),
    ("ziekenhuis", S::MedischSpecialist),
];

/// Provenance of the BDS initiator list.
pub const BDS_TABLE: TableSource =
    TableSource { name: "BDS JGZ list 40.411 (initiator of the contact)", version: "BDS 3.2" };

/// The BDS 40.411 codes known here, with their meaning.
pub const BDS_CODES: &[(&str, &str)] =
    &[("01", "(voor)school"), ("02", "ouders"), ("05", "zorgstructuren"), ("07", "JGZ"), ("08", "Veilig Thuis / RvdK")];

/// The BDS code a source kind implies when the sender gave none. Which
/// sources count as "zorgstructuren" (05) is an inference from the list's
/// labels, not a published mapping; youth and other sources have no code.
pub const fn bds_for(kind: S) -> Option<&'static str> {
    match kind {
        S::Kinderopvang | S::Peuterspeelzaal | S::Leerkracht | S::InternBegeleider | S::Mentor | S::Zorgcoordinator => {
            Some("01")
        }
        S::Parent => Some("02"),
        S::Huisarts
        | S::PohJeugd
        | S::Verloskundige
        | S::Gynaecoloog
        | S::Kraamzorg
        | S::SociaalWijkteam
        | S::Jeugdhulp
        | S::VolwassenenGgz
        | S::Verslavingszorg
        | S::Verwijsindex
        | S::MedischSpecialist => Some("05"),
        S::Jeugdarts | S::Jeugdverpleegkundige | S::VerpleegkundigSpecialist => Some("07"),
        S::VeiligThuis | S::RaadKinderbescherming => Some("08"),
        S::Youth | S::Other => None,
    }
}

/// Provenance of the concern vocabulary.
pub const CONCERN_TABLE: TableSource = TableSource {
    name: "wegwijs concern vocabulary after JGZ-richtlijn Psychosociale problemen 2016 and the brief's domains (IN-DOMAIN)",
    version: "0.1.0",
};

/// One concern code: its domain and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConcernCode {
    /// The code.
    pub code: &'static str,
    /// Its domain.
    pub domain: D,
    /// One line on what it means.
    pub description: &'static str,
}

const fn c(code: &'static str, domain: D, description: &'static str) -> ConcernCode {
    ConcernCode { code, domain, description }
}

/// The concern vocabulary.
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
    c("parental-mental-illness", D::FamilyCircumstances, "mental illness or addiction of a parent"),
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

/// Provenance of the acute-indicator list.
pub const ACUTE_TABLE: TableSource = TableSource {
    name: "Meldcode huiselijk geweld en kindermishandeling, afwegingskader: acute onveiligheid (MC-Q2)",
    version: "2018",
};

/// Aliases for acute indicators, beside each indicator's own WIT name.
pub const ACUTE_ALIASES: &[(&str, A)] = &[
    ("life-threatening", A::LifeDanger),
    ("levensgevaar", A::LifeDanger),
    ("injury", A::SeriousInjury),
    ("letsel", A::SeriousInjury),
    ("strangling", A::Strangulation),
    ("verwurging", A::Strangulation),
    ("weapon", A::WeaponUse),
    ("wapen", A::WeaponUse),
    ("sexual-abuse-ongoing", A::SexualAbuseRepetition),
    ("psychiatric-crisis-parent", A::ParentPsychiatricCrisis),
    ("intoxicated-parent", A::ParentIntoxication),
    ("suicide-threat-parent", A::ParentSuicideThreat),
    ("death-threat", A::ThreatToKill),
    ("eergerelateerd-geweld", A::HonourRevenge),
    ("huwelijksdwang", A::ForcedMarriage),
    ("meisjesbesnijdenis", A::Fgm),
    ("vrouwelijke-genitale-verminking", A::Fgm),
    ("mensenhandel", A::HumanTrafficking),
];

/// The source kind for a code, by WIT name or alias.
pub fn source_kind(code: &str) -> Option<S> {
    S::from_name(code).or_else(|| SOURCE_ALIASES.iter().find(|(a, _)| *a == code).map(|(_, k)| *k))
}

/// The concern entry for a code.
pub fn concern(code: &str) -> Option<&'static ConcernCode> {
    CONCERNS.iter().find(|c| c.code == code)
}

/// The acute indicator for a code, by WIT name or alias.
pub fn acute_indicator(code: &str) -> Option<A> {
    A::from_name(code).or_else(|| ACUTE_ALIASES.iter().find(|(a, _)| *a == code).map(|(_, k)| *k))
}
