//! The synthetic corpus: signals about children that look like what a JGZ
//! organisation receives, drawn from documented proportions. Each proportion
//! below names its source, or says it is our assumption; `docs/corpus.md`
//! explains every table. The generator is reproducible: signal `i` of seed
//! `s` depends on nothing but `s` and `i` (see [`super::rng`]), and the
//! gemeente codes given only fill in its `gemeente`.
//!
//! No generated signal carries a BSN, a name, an address or free text: the
//! corpus is for testing decisions, and identifiers would only be noise
//! (or, for a BSN, could collide with a real person's number).

use super::rng::Rng;
use super::sdq;
use serde::Serialize;
use wegwijs::types::{
    Band, Domain, Duration, GizConclusion, Handler, Impact, Partner, Party, ScoredInstrument, SdqVersion, SparkRisk,
};

/// Signal dates fall in this year: a fixed year keeps a corpus independent
/// of the day it is generated.
const CORPUS_YEAR: i64 = 2025;

/// The date `days` after 1970-01-01 as the signal format writes it,
/// `YYYY-MM-DD` (the region kit's calendar, which the host measures ages
/// with too).
fn iso_date(days: i64) -> String {
    let (year, month, day) = wegwijs_kit::civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// One synthetic signal, serialised in the field order of `docs/signal.md`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SyntheticSignal {
    signal_id: String,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    gemeente: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    child: Option<ChildOut>,
    source: SourceOut,
    handler: Handler,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    concerns: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    safety_indicators: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    risk_factors: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    protective_factors: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    instruments: Vec<InstrumentOut>,
    #[serde(skip_serializing_if = "is_false")]
    parents_concerned: bool,
    #[serde(skip_serializing_if = "is_false")]
    youth_concerned: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    impact: Option<Impact>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duration: Option<Duration>,
    #[serde(skip_serializing_if = "is_false")]
    family_agrees_referral: bool,
    #[serde(skip_serializing_if = "is_false")]
    family_declines_warm_handover: bool,
    #[serde(skip_serializing_if = "is_zero")]
    helpers_involved: u8,
    #[serde(skip_serializing_if = "is_false")]
    gi_involved: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    kindcheck: Option<KindcheckOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meldcode: Option<MeldcodeOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    consents: Vec<ConsentOut>,
    #[serde(skip_serializing_if = "is_false")]
    youth_objects_to_informing_parents: bool,
    #[serde(skip_serializing_if = "is_false")]
    parent_in_treatment: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Serialize)]
struct ChildOut {
    local_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    birth_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    age_months: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pregnancy_week: Option<u8>,
}

#[derive(Debug, Clone, Serialize)]
struct SourceOut {
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    bds_code: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
enum InstrumentOut {
    Sdq { version: SdqVersion, answers: Vec<Option<u8>> },
    Spark(SparkRisk),
    Giz(GizConclusion),
    Scored { instrument: ScoredInstrument, band: Band },
}

#[derive(Debug, Clone, Serialize)]
struct KindcheckOut {
    children_ages: Vec<u8>,
    #[serde(skip_serializing_if = "is_false")]
    cares_alone: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
struct MeldcodeOut {
    suspicion: bool,
    #[serde(skip_serializing_if = "is_false")]
    structural_unsafety: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_possible: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_accepted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_effective: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parents_told: Option<bool>,
    #[serde(skip_serializing_if = "is_false")]
    telling_endangers: bool,
}

#[derive(Debug, Clone, Serialize)]
struct ConsentOut {
    party: Party,
    recipient: Partner,
    given: bool,
}

// ---------------------------------------------------------------------------
// Who sends the signal.
// ---------------------------------------------------------------------------

/// The age distribution a source's signals follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ages {
    /// JGZ's own contact moments: most in the first four years.
    JgzOwn,
    /// A parent asking about their own child.
    Parent,
    /// A youth raising a concern about themselves.
    Youth,
    /// Day care (0–4) and after-school care (4–12).
    Kinderopvang,
    /// Pre-school playgroup: 2–4.
    Peuterspeelzaal,
    /// Primary school: 4–12.
    Primary,
    /// Secondary school: 12–18.
    Secondary,
    /// Midwife or gynaecologist: mostly before birth.
    Birth,
    /// Maternity care: the first weeks.
    Kraamzorg,
    /// POH-jeugd: mostly school-age and adolescent.
    PohJeugd,
    /// Verwijsindex: 4–23, mostly adolescents.
    Verwijsindex,
    /// Every other source: the whole JGZ range.
    General,
}

/// The concern domain a source's signals start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    /// As the child's age suggests.
    Age,
    /// A school: psychosocial and school concerns.
    School,
    /// Childcare: psychosocial and development.
    Childcare,
    /// The huisarts: medical and psychosocial.
    Huisarts,
    /// The POH-jeugd: psychosocial.
    PohJeugd,
    /// The wijkteam: family circumstances and parenting.
    Wijkteam,
    /// A jeugdhulp provider: psychosocial and parenting.
    Jeugdhulp,
    /// A gecertificeerde instelling: safety, family, psychosocial.
    Protection,
    /// A medical specialist: medical.
    Medical,
    /// Veilig Thuis or the Raad: safety.
    Safety,
    /// The Verwijsindex: risks of adolescents.
    Verwijsindex,
    /// Adult mental-health care's kindcheck: a parent's mental illness.
    KindcheckGgz,
    /// Addiction care's kindcheck: a parent's addiction.
    KindcheckAddiction,
}

/// A source of signals: its code, its BDS initiator code (list 40.411, as in
/// the intake vocabulary), the ages and concerns its signals have.
#[derive(Debug, Clone, Copy)]
struct Origin {
    code: &'static str,
    bds: Option<&'static str>,
    ages: Ages,
    focus: Focus,
    /// A gecertificeerde instelling: the signal carries `gi_involved`.
    gi: bool,
}

const fn origin(code: &'static str, bds: Option<&'static str>, ages: Ages, focus: Focus) -> Origin {
    Origin { code, bds, ages, focus, gi: false }
}

const JVK: Origin = origin("jeugdverpleegkundige", Some("07"), Ages::JgzOwn, Focus::Age);
const JA: Origin = origin("jeugdarts", Some("07"), Ages::JgzOwn, Focus::Age);
const VS: Origin = origin("verpleegkundig-specialist", Some("07"), Ages::JgzOwn, Focus::Age);
const PARENT: Origin = origin("parent", Some("02"), Ages::Parent, Focus::Age);
const YOUTH: Origin = origin("youth", None, Ages::Youth, Focus::Age);
const KINDEROPVANG: Origin = origin("kinderopvang", Some("01"), Ages::Kinderopvang, Focus::Childcare);
const PSZ: Origin = origin("peuterspeelzaal", Some("01"), Ages::Peuterspeelzaal, Focus::Childcare);
const LEERKRACHT: Origin = origin("leerkracht", Some("01"), Ages::Primary, Focus::School);
const IB: Origin = origin("intern-begeleider", Some("01"), Ages::Primary, Focus::School);
const MENTOR: Origin = origin("mentor", Some("01"), Ages::Secondary, Focus::School);
const ZORGCO: Origin = origin("zorgcoordinator", Some("01"), Ages::Secondary, Focus::School);
const WIJKTEAM: Origin = origin("sociaal-wijkteam", Some("05"), Ages::General, Focus::Wijkteam);
const HUISARTS: Origin = origin("huisarts", Some("05"), Ages::General, Focus::Huisarts);
const POH: Origin = origin("poh-jeugd", Some("05"), Ages::PohJeugd, Focus::PohJeugd);
/// The vocabulary has no source code for a gecertificeerde instelling: its
/// signals come as `jeugdhulp`, with `gi_involved` set (our mapping).
const GI: Origin = Origin { gi: true, ..origin("jeugdhulp", Some("05"), Ages::General, Focus::Protection) };
const MEDSPEC: Origin = origin("medisch-specialist", Some("05"), Ages::General, Focus::Medical);
/// A court or public prosecutor acts on the Raad's request (our mapping).
const RAAD: Origin = origin("raad-kinderbescherming", Some("08"), Ages::General, Focus::Safety);
const VERLOSKUNDIGE: Origin = origin("verloskundige", Some("05"), Ages::Birth, Focus::Age);
const GYNAECOLOOG: Origin = origin("gynaecoloog", Some("05"), Ages::Birth, Focus::Age);
const KRAAMZORG: Origin = origin("kraamzorg", Some("05"), Ages::Kraamzorg, Focus::Age);
const GGZ: Origin = origin("volwassenen-ggz", Some("05"), Ages::General, Focus::KindcheckGgz);
const VERSLAVING: Origin = origin("verslavingszorg", Some("05"), Ages::General, Focus::KindcheckAddiction);
const VEILIG_THUIS: Origin = origin("veilig-thuis", Some("08"), Ages::General, Focus::Safety);
const JEUGDHULP: Origin = origin("jeugdhulp", Some("05"), Ages::General, Focus::Jeugdhulp);
const VERWIJSINDEX: Origin = origin("verwijsindex", Some("05"), Ages::Verwijsindex, Focus::Verwijsindex);
const OTHER: Origin = origin("other", None, Ages::General, Focus::Age);

/// The five groups of sources and their share of signals, per mille (our
/// assumption; docs/corpus.md gives the reasoning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    /// JGZ's own contact moments: 30 %.
    JgzOwn,
    /// The family itself: 15 %.
    Family,
    /// School and childcare: 20 %.
    SchoolAndChildcare,
    /// The partners that refer to jeugdhulp: 25 %, split by the 2017 verwijzer mix.
    Verwijzers,
    /// Other partners in the chain: 10 %.
    Chain,
}

const BLOCKS: [(Block, u32); 5] = [
    (Block::JgzOwn, 300),
    (Block::Family, 150),
    (Block::SchoolAndChildcare, 200),
    (Block::Verwijzers, 250),
    (Block::Chain, 100),
];

const JGZ_OWN: [(Origin, u32); 3] = [(JVK, 200), (JA, 85), (VS, 15)];
const FAMILY: [(Origin, u32); 2] = [(PARENT, 120), (YOUTH, 30)];
const SCHOOL_AND_CHILDCARE: [(Origin, u32); 6] =
    [(KINDEROPVANG, 30), (PSZ, 15), (LEERKRACHT, 45), (IB, 50), (MENTOR, 25), (ZORGCO, 35)];

/// Jeugdhulptrajecten by verwijzer, 2017 (CBS Statline, May 2018, as quoted
/// in the Nader Onderzoek JGZ en Jeugdhulp, `shared/seeds/004_*.txt`), for
/// the verwijzers that are also sources of signals to JGZ. Left out: the
/// jeugdarts (11 415: JGZ itself, the receiver), no verwijzer (47 400) and
/// unknown (54 810), which name no partner. The huisarts count covers the
/// POH-jeugd too: see [`POH_SHARE_OF_HUISARTS`].
const VERWIJZERS_2017: [(Origin, u32); 5] =
    [(WIJKTEAM, 150_990), (HUISARTS, 198_570), (GI, 51_670), (MEDSPEC, 33_160), (RAAD, 1_540)];

/// Of the huisarts practice's signals, the share (per mille) the POH-jeugd
/// sends: our assumption.
const POH_SHARE_OF_HUISARTS: u32 = 250;

const CHAIN: [(Origin, u32); 9] = [
    (VERLOSKUNDIGE, 15),
    (GYNAECOLOOG, 3),
    (KRAAMZORG, 10),
    (GGZ, 15),
    (VERSLAVING, 5),
    (VEILIG_THUIS, 20),
    (JEUGDHULP, 15),
    (VERWIJSINDEX, 10),
    (OTHER, 7),
];

fn draw_origin(rng: &mut Rng) -> Origin {
    match rng.weighted(&BLOCKS) {
        Block::JgzOwn => rng.weighted(&JGZ_OWN),
        Block::Family => rng.weighted(&FAMILY),
        Block::SchoolAndChildcare => rng.weighted(&SCHOOL_AND_CHILDCARE),
        Block::Verwijzers => {
            let o = rng.weighted(&VERWIJZERS_2017);
            if o.code == HUISARTS.code && rng.chance(POH_SHARE_OF_HUISARTS) { POH } else { o }
        }
        Block::Chain => rng.weighted(&CHAIN),
    }
}

// ---------------------------------------------------------------------------
// The child's age.
// ---------------------------------------------------------------------------

/// The child's age: before birth (week of pregnancy) or in months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Age {
    Prenatal(u8),
    Months(u32),
}

/// Age bands in months, from (inclusive) to (inclusive), with a weight per
/// mille; `None` is before birth. All our assumption, shaped by who sees
/// which children (docs/corpus.md).
type AgeTable = &'static [(Option<(u32, u32)>, u32)];

fn age_table(ages: Ages) -> AgeTable {
    match ages {
        Ages::JgzOwn => {
            &[(None, 10), (Some((0, 11)), 250), (Some((12, 47)), 240), (Some((48, 143)), 300), (Some((144, 215)), 200)]
        }
        Ages::Parent => &[(Some((0, 11)), 150), (Some((12, 47)), 250), (Some((48, 143)), 400), (Some((144, 215)), 200)],
        Ages::Youth => &[(Some((144, 191)), 500), (Some((192, 215)), 350), (Some((216, 274)), 150)],
        Ages::Kinderopvang => &[(Some((3, 47)), 700), (Some((48, 143)), 300)],
        Ages::Peuterspeelzaal => &[(Some((24, 47)), 1000)],
        Ages::Primary => &[(Some((48, 149)), 1000)],
        Ages::Secondary => &[(Some((144, 215)), 1000)],
        Ages::Birth => &[(None, 700), (Some((0, 2)), 300)],
        Ages::Kraamzorg => &[(Some((0, 1)), 1000)],
        Ages::PohJeugd => &[(Some((48, 143)), 300), (Some((144, 215)), 700)],
        Ages::Verwijsindex => &[(Some((48, 143)), 300), (Some((144, 215)), 500), (Some((216, 274)), 200)],
        Ages::General => {
            &[(Some((0, 11)), 100), (Some((12, 47)), 200), (Some((48, 143)), 400), (Some((144, 215)), 300)]
        }
    }
}

fn draw_age(rng: &mut Rng, ages: Ages) -> Age {
    match rng.weighted(age_table(ages)) {
        None => Age::Prenatal(rng.range(8, 41) as u8),
        Some((lo, hi)) => Age::Months(rng.range(lo, hi)),
    }
}

/// Age groups the concern tables are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Prenatal,
    Baby,
    Toddler,
    Child,
    Teen,
}

impl Group {
    fn of(age: Age) -> Group {
        match age {
            Age::Prenatal(_) => Group::Prenatal,
            Age::Months(m) if m < 12 => Group::Baby,
            Age::Months(m) if m < 48 => Group::Toddler,
            Age::Months(m) if m < 144 => Group::Child,
            Age::Months(_) => Group::Teen,
        }
    }

    fn column(self) -> usize {
        self as usize
    }
}

// ---------------------------------------------------------------------------
// Concerns (IN-DOMAIN vocabulary), by domain and age group.
// ---------------------------------------------------------------------------

/// A concern code with its weight per age group: prenatal, baby (< 1),
/// toddler (1–4), child (4–12), teen (12+). Our assumption: what is
/// plausible at which age.
type Concerns = &'static [(&'static str, [u32; 5])];

fn concerns_of(domain: Domain) -> Concerns {
    match domain {
        Domain::Psychosocial => &[
            ("emotional-problems", [0, 4, 10, 12, 10]),
            ("anxiety", [0, 0, 4, 10, 12]),
            ("low-mood", [0, 0, 0, 4, 14]),
            ("behaviour-problems", [0, 2, 20, 16, 6]),
            ("aggression", [0, 0, 8, 8, 4]),
            ("hyperactivity", [0, 0, 6, 8, 3]),
            ("attention-problems", [0, 0, 0, 12, 8]),
            ("peer-problems", [0, 0, 2, 10, 7]),
            ("bullying", [0, 0, 0, 8, 6]),
            ("self-harm", [0, 0, 0, 1, 5]),
            ("sleep-problems", [0, 14, 14, 4, 4]),
            ("eating-problems", [0, 2, 6, 3, 5]),
        ],
        Domain::ParentChild => &[
            ("parenting-stress", [20, 20, 12, 8, 4]),
            ("parent-child-interaction", [0, 10, 10, 10, 10]),
            ("attachment-concern", [6, 8, 2, 1, 0]),
            ("excessive-crying", [0, 20, 0, 0, 0]),
            ("parenting-questions", [14, 14, 14, 8, 4]),
        ],
        Domain::Development => &[
            ("language-delay", [0, 2, 20, 6, 0]),
            ("motor-delay", [0, 10, 8, 3, 0]),
            ("developmental-delay", [0, 8, 8, 4, 1]),
            ("toilet-training", [0, 0, 10, 2, 0]),
        ],
        Domain::School => &[
            ("school-absence", [0, 0, 0, 8, 20]),
            ("learning-problems", [0, 0, 0, 14, 8]),
            ("early-school-leaving", [0, 0, 0, 0, 8]),
        ],
        Domain::SubstanceUse => {
            &[("alcohol-use", [0, 0, 0, 0, 10]), ("drug-use", [0, 0, 0, 0, 7]), ("tobacco-use", [0, 0, 0, 1, 8])]
        }
        Domain::FamilyCircumstances => &[
            ("debts", [8, 8, 8, 8, 8]),
            ("housing-problems", [6, 6, 6, 6, 6]),
            ("income-problems", [6, 6, 6, 6, 6]),
            ("divorce", [2, 6, 10, 10, 10]),
            ("parental-conflict", [6, 8, 8, 8, 8]),
            ("parental-illness", [4, 4, 4, 4, 4]),
            ("parental-mental-illness", [7, 7, 7, 7, 7]),
            ("parental-addiction", [4, 4, 4, 4, 4]),
            ("young-carer", [0, 0, 0, 2, 3]),
        ],
        Domain::Safety => &[
            ("domestic-violence", [8, 8, 8, 8, 8]),
            ("child-abuse", [0, 5, 5, 5, 5]),
            ("neglect", [2, 6, 6, 6, 4]),
            ("sexual-abuse", [0, 1, 2, 2, 3]),
            ("witnessed-violence", [0, 4, 6, 6, 6]),
            ("honour-related-violence", [0, 0, 0, 1, 2]),
        ],
        Domain::Medical => &[
            ("somatic-complaint", [0, 2, 6, 8, 8]),
            ("chronic-illness", [0, 3, 3, 3, 3]),
            ("growth-concern", [0, 12, 6, 3, 2]),
            ("feeding-problems", [0, 16, 6, 0, 0]),
            ("medical-question", [0, 10, 8, 6, 4]),
        ],
    }
}

/// Domain weights by age group (columns as in [`Concerns`]): our assumption.
const DOMAINS_BY_AGE: [(Domain, [u32; 5]); 8] = [
    (Domain::Psychosocial, [0, 8, 22, 45, 40]),
    (Domain::ParentChild, [35, 38, 24, 10, 4]),
    (Domain::Development, [0, 12, 22, 4, 0]),
    (Domain::School, [0, 0, 0, 15, 20]),
    (Domain::SubstanceUse, [0, 0, 0, 0, 10]),
    (Domain::FamilyCircumstances, [55, 14, 12, 12, 12]),
    (Domain::Safety, [10, 5, 5, 5, 5]),
    (Domain::Medical, [0, 21, 13, 7, 7]),
];

/// The domain of the first concern for sources that see a particular kind
/// of problem (our assumption); `None`: as the age suggests.
fn focus_domains(focus: Focus) -> Option<&'static [(Domain, u32)]> {
    use Domain::*;
    Some(match focus {
        Focus::Age | Focus::KindcheckGgz | Focus::KindcheckAddiction => return None,
        Focus::School => &[(Psychosocial, 55), (School, 35), (FamilyCircumstances, 5), (Safety, 5)],
        Focus::Childcare => &[(Psychosocial, 45), (Development, 35), (ParentChild, 10), (Safety, 5), (Medical, 5)],
        Focus::Huisarts => {
            &[(Medical, 35), (Psychosocial, 40), (FamilyCircumstances, 10), (ParentChild, 10), (Safety, 5)]
        }
        Focus::PohJeugd => &[(Psychosocial, 70), (ParentChild, 15), (FamilyCircumstances, 15)],
        Focus::Wijkteam => &[(FamilyCircumstances, 40), (ParentChild, 30), (Psychosocial, 20), (Safety, 10)],
        Focus::Jeugdhulp => &[(Psychosocial, 60), (ParentChild, 20), (FamilyCircumstances, 20)],
        Focus::Protection => &[(Safety, 40), (FamilyCircumstances, 30), (Psychosocial, 30)],
        Focus::Medical => &[(Medical, 80), (Development, 15), (Safety, 5)],
        Focus::Safety => &[(Safety, 100)],
        Focus::Verwijsindex => {
            &[(Psychosocial, 30), (School, 25), (SubstanceUse, 15), (FamilyCircumstances, 15), (Safety, 15)]
        }
    })
}

fn domain_of(code: &str) -> Option<Domain> {
    DOMAINS_BY_AGE.iter().map(|(d, _)| *d).find(|d| concerns_of(*d).iter().any(|(c, _)| *c == code))
}

/// One concern of `domain` plausible at the age group, if the domain has one.
fn draw_concern(rng: &mut Rng, domain: Domain, group: Group) -> Option<&'static str> {
    let table: Vec<(&'static str, u32)> =
        concerns_of(domain).iter().map(|(c, w)| (*c, w[group.column()])).filter(|(_, w)| *w > 0).collect();
    if table.is_empty() { None } else { Some(rng.weighted(&table)) }
}

fn draw_domain_by_age(rng: &mut Rng, group: Group) -> Domain {
    let table: Vec<(Domain, u32)> = DOMAINS_BY_AGE.iter().map(|(d, w)| (*d, w[group.column()])).collect();
    rng.weighted(&table)
}

fn draw_concerns(rng: &mut Rng, focus: Focus, group: Group) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let first_domain = match focus {
        Focus::KindcheckGgz => {
            out.push("parental-mental-illness");
            Domain::FamilyCircumstances
        }
        Focus::KindcheckAddiction => {
            out.push("parental-addiction");
            Domain::FamilyCircumstances
        }
        _ => match focus_domains(focus) {
            Some(table) => rng.weighted(table),
            None => draw_domain_by_age(rng, group),
        },
    };
    if out.is_empty() {
        let concern = draw_concern(rng, first_domain, group)
            .or_else(|| {
                let domain = draw_domain_by_age(rng, group);
                draw_concern(rng, domain, group)
            })
            .unwrap_or("parenting-questions");
        out.push(concern);
    }
    // Half the signals name one concern, a third two, the rest three (our
    // assumption); a further concern comes from the same domain half the time.
    let count = rng.weighted(&[(1usize, 50), (2, 32), (3, 18)]);
    let mut attempts = 0;
    while out.len() < count && attempts < 8 {
        attempts += 1;
        let domain = if rng.chance(500) { first_domain } else { draw_domain_by_age(rng, group) };
        if let Some(c) = draw_concern(rng, domain, group)
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Risk and protective factors (risk card parent–child relationship).
// ---------------------------------------------------------------------------

/// Risk factor codes of the reference risk card with a weight per age
/// group (columns as in [`Concerns`]); the four red factors are rarer. Our
/// assumption.
const RISK_FACTORS: &[(&str, [u32; 5])] = &[
    ("prematurity", [0, 8, 4, 1, 0]),
    ("complicated-pregnancy-or-birth", [6, 6, 2, 0, 0]),
    ("prenatal-substance-exposure", [4, 2, 1, 0, 0]),
    ("prenatal-maternal-stress", [8, 3, 0, 0, 0]),
    ("difficult-temperament", [0, 6, 8, 3, 1]),
    ("excessive-crying", [0, 6, 0, 0, 0]),
    ("child-illness-or-disability", [0, 3, 4, 4, 4]),
    ("parent-psychiatric-problems", [5, 6, 6, 6, 6]),
    ("parent-psychiatric-crisis", [1, 1, 1, 1, 1]),
    ("parent-addiction", [1, 1, 1, 1, 1]),
    ("domestic-violence", [1, 1, 1, 1, 1]),
    ("parent-aces-with-symptoms", [1, 1, 1, 1, 1]),
    ("parent-aces", [3, 3, 3, 2, 2]),
    ("parent-intellectual-disability", [2, 2, 2, 2, 2]),
    ("parent-chronic-illness-or-disability", [2, 2, 2, 2, 2]),
    ("parent-criminality", [1, 1, 1, 1, 1]),
    ("parental-stress", [8, 10, 10, 8, 6]),
    ("unwanted-pregnancy", [6, 3, 1, 0, 0]),
    ("low-parenting-confidence", [5, 8, 6, 4, 2]),
    ("parental-conflict", [4, 5, 6, 6, 6]),
    ("teenage-parent", [4, 3, 2, 0, 0]),
    ("single-parent-without-support", [4, 5, 5, 4, 3]),
    ("poverty", [6, 6, 6, 6, 6]),
    ("debts", [5, 5, 5, 5, 5]),
    ("long-term-unemployment", [3, 3, 3, 3, 3]),
    ("poor-housing", [4, 4, 4, 4, 4]),
    ("unsafe-neighbourhood", [2, 2, 2, 2, 2]),
    ("no-social-network", [5, 5, 4, 3, 2]),
    ("discrimination", [1, 1, 1, 1, 1]),
    ("language-barrier", [3, 3, 3, 2, 2]),
    ("migration-stress", [3, 3, 3, 2, 2]),
];

/// A family-circumstances or safety concern implies the matching risk
/// factor on the card (our mapping, by the codes' meanings).
const IMPLIED_FACTORS: &[(&str, &str)] = &[
    ("debts", "debts"),
    ("housing-problems", "poor-housing"),
    ("income-problems", "poverty"),
    ("parental-conflict", "parental-conflict"),
    ("parental-mental-illness", "parent-psychiatric-problems"),
    ("parental-addiction", "parent-addiction"),
    ("domestic-violence", "domestic-violence"),
    ("parenting-stress", "parental-stress"),
    ("excessive-crying", "excessive-crying"),
];

const PROTECTIVE_FACTORS: &[&str] = &[
    "parent-good-health",
    "parent-good-mental-health",
    "wanted-pregnancy",
    "uncomplicated-pregnancy-and-birth",
    "parenting-confidence",
    "finished-education",
    "positive-own-history",
    "secure-working-model",
    "warm-authoritative-parenting",
    "accepts-support",
    "social-network",
    "partner-support",
    "stable-income",
];

fn draw_risk_factors(rng: &mut Rng, group: Group, concerns: &[&str]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = IMPLIED_FACTORS
        .iter()
        .filter(|(concern, _)| concerns.contains(concern))
        .map(|(_, factor)| *factor)
        .filter(|f| group != Group::Prenatal || *f != "excessive-crying")
        .collect();
    let family_or_parenting =
        concerns.iter().any(|c| matches!(domain_of(c), Some(Domain::FamilyCircumstances | Domain::ParentChild)));
    // The risk card is a tool for the youngest children above all.
    let per_mille = match group {
        _ if family_or_parenting => 750,
        Group::Prenatal => 700,
        Group::Baby => 550,
        Group::Toddler => 450,
        Group::Child => 250,
        Group::Teen => 200,
    };
    if rng.chance(per_mille) {
        let count = rng.weighted(&[(1usize, 30), (2, 25), (3, 18), (4, 12), (5, 9), (6, 6)]);
        let table: Vec<(&'static str, u32)> =
            RISK_FACTORS.iter().map(|(f, w)| (*f, w[group.column()])).filter(|(_, w)| *w > 0).collect();
        let mut attempts = 0;
        while out.len() < count && attempts < 16 {
            attempts += 1;
            let f = rng.weighted(&table);
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

fn draw_protective_factors(rng: &mut Rng, has_risks: bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if rng.chance(if has_risks { 400 } else { 100 }) {
        for _ in 0..rng.range(1, 3) {
            let f = *rng.pick(PROTECTIVE_FACTORS);
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Safety: acute indicators (MC-Q2) and meldcode progress.
// ---------------------------------------------------------------------------

/// Acute-unsafety indicators, weighted by how often we expect each (our
/// assumption: the rarer forms of violence are rarer).
const INDICATORS: [(&str, u32); 13] = [
    ("weapon-use", 10),
    ("serious-injury", 12),
    ("strangulation", 6),
    ("threat-to-kill", 8),
    ("life-danger", 5),
    ("parent-intoxication", 14),
    ("parent-psychiatric-crisis", 12),
    ("parent-suicide-threat", 8),
    ("sexual-abuse-repetition", 6),
    ("honour-revenge", 2),
    ("forced-marriage", 2),
    ("fgm", 1),
    ("human-trafficking", 1),
];

fn draw_meldcode(rng: &mut Rng) -> MeldcodeOut {
    let mut m = MeldcodeOut { suspicion: true, ..MeldcodeOut::default() };
    // Where along the meldcode the professional is (our assumption).
    match rng.weighted(&[(0u8, 50), (1, 25), (2, 15), (3, 10)]) {
        0 => {}
        1 => {
            m.help_possible = Some(true);
            m.help_accepted = Some(true);
            if rng.chance(300) {
                m.help_effective = Some(rng.chance(600));
            }
        }
        2 => {
            m.help_possible = Some(true);
            m.help_accepted = Some(false);
        }
        _ => m.structural_unsafety = true,
    }
    if rng.chance(300) {
        m.parents_told = Some(rng.chance(700));
    }
    m.telling_endangers = rng.chance(50);
    m
}

// ---------------------------------------------------------------------------
// Instruments.
// ---------------------------------------------------------------------------

fn sdq_band(rng: &mut Rng, psychosocial: bool) -> Band {
    // Without a psychosocial concern: near the population split the UK
    // bands were set on (about 80/10/10); with one, shifted up. Our assumption.
    let table: &[(Band, u32)] = if psychosocial {
        &[(Band::Normal, 35), (Band::Borderline, 25), (Band::Abnormal, 40)]
    } else {
        &[(Band::Normal, 75), (Band::Borderline, 15), (Band::Abnormal, 10)]
    };
    rng.weighted(table)
}

/// The SDQ version a professional would use at this age (PS-INSTRUMENT),
/// with a month's margin inside each window, so that an age computed from
/// the birth date cannot fall just outside it.
fn sdq_version(rng: &mut Rng, months: u32, school_source: bool) -> Option<SdqVersion> {
    Some(match months {
        37..=47 => SdqVersion::ParentTwoToFour,
        49..=130 => {
            let teacher = if school_source { 500 } else { 150 };
            if rng.chance(teacher) { SdqVersion::TeacherFourToSeventeen } else { SdqVersion::ParentFourToSeventeen }
        }
        131..=155 => rng.weighted(&[
            (SdqVersion::ParentFourToSeventeen, 50),
            (SdqVersion::SelfElevenToSeventeen, 40),
            (SdqVersion::TeacherFourToSeventeen, 10),
        ]),
        156..=214 => rng.weighted(&[(SdqVersion::SelfElevenToSeventeen, 70), (SdqVersion::ParentFourToSeventeen, 30)]),
        _ => return None,
    })
}

fn draw_instruments(
    rng: &mut Rng,
    age: Age,
    origin: &Origin,
    concerns: &[&'static str],
) -> (Vec<InstrumentOut>, Option<Band>) {
    let mut out = Vec::new();
    let mut worst: Option<Band> = None;
    let Age::Months(months) = age else { return (out, worst) };
    let psychosocial = concerns.iter().any(|c| domain_of(c) == Some(Domain::Psychosocial));
    let jgz = matches!(origin.ages, Ages::JgzOwn);
    let school = matches!(origin.focus, Focus::School);
    // How often a signal carries an SDQ: our assumption.
    let sdq_per_mille = match (psychosocial, jgz || school) {
        (true, true) => 650,
        (true, false) => 450,
        (false, true) => 250,
        (false, false) => 120,
    };
    if rng.chance(sdq_per_mille)
        && let Some(version) = sdq_version(rng, months, school)
    {
        let band = sdq_band(rng, psychosocial);
        if let Some(answers) = sdq::answers(rng, version, band, concerns) {
            worst = Some(band);
            out.push(InstrumentOut::Sdq { version, answers });
        }
        // Now and then a second informant: the teacher next to the parent.
        if version == SdqVersion::ParentFourToSeventeen && months <= 130 && rng.chance(100) {
            let second = sdq_band(rng, psychosocial);
            let version = SdqVersion::TeacherFourToSeventeen;
            if let Some(answers) = sdq::answers(rng, version, second, concerns) {
                worst = worst.max(Some(second));
                out.push(InstrumentOut::Sdq { version, answers });
            }
        }
    }
    // SPARK at 18 months (window 12–30): Zeeland's split of the overall
    // risk, 80.6 % laag, 16.5 % verhoogd, 2.9 % hoog (research notes §3.3).
    if (13..=28).contains(&months) && rng.chance(if jgz { 350 } else { 100 }) {
        let risk = rng.weighted(&[(SparkRisk::Laag, 806), (SparkRisk::Verhoogd, 165), (SparkRisk::Hoog, 29)]);
        out.push(InstrumentOut::Spark(risk));
    }
    // DMO-protocol (0–18 months), BITSEA (2 years), KIVPA (13–14): bands our assumption.
    let scored = |instrument, rng: &mut Rng| InstrumentOut::Scored {
        instrument,
        band: rng.weighted(&[(Band::Normal, 72), (Band::Borderline, 17), (Band::Abnormal, 11)]),
    };
    if months <= 17 && rng.chance(100) {
        out.push(scored(ScoredInstrument::Dmo, rng));
    }
    if (25..=34).contains(&months) && rng.chance(100) {
        out.push(scored(ScoredInstrument::Bitsea, rng));
    }
    if (157..=178).contains(&months) && rng.chance(50) {
        out.push(scored(ScoredInstrument::Kivpa, rng));
    }
    // GIZ at any age up to 23: conclusion mix our assumption.
    if months <= 274 && rng.chance(50) {
        let c = rng.weighted(&[
            (GizConclusion::Bevestiging, 40),
            (GizConclusion::Advies, 35),
            (GizConclusion::ZorgNu, 20),
            (GizConclusion::IntensieveZorg, 5),
        ]);
        out.push(InstrumentOut::Giz(c));
    }
    (out, worst)
}

// ---------------------------------------------------------------------------
// The whole signal.
// ---------------------------------------------------------------------------

/// The `index`-th signal of the corpus of `seed`, its gemeente drawn from
/// `gemeenten` when any are given.
/// Risk factor and concern codes of a parent's own psychiatric or addiction
/// problem (RT-PARENT), for which `parent_in_treatment` is drawn.
const PARENT_PROBLEMS: &[&str] = &[
    "parent-psychiatric-problems",
    "parent-psychiatric-crisis",
    "parent-addiction",
    "parental-addiction",
    "parental-mental-illness",
];

pub(crate) fn signal(seed: u64, index: u64, gemeenten: &[String]) -> SyntheticSignal {
    let rng = &mut Rng::for_signal(seed, index);
    let origin = draw_origin(rng);
    let date_days = wegwijs_kit::days_from_civil(CORPUS_YEAR, 1, 1) + rng.below(365) as i64;

    let kindcheck_source = matches!(origin.focus, Focus::KindcheckGgz | Focus::KindcheckAddiction);
    // A kindcheck finds no children now and then: intake closes it (IN-KINDCHECK).
    let childless_kindcheck = kindcheck_source && rng.chance(100);
    let mut kindcheck = None;
    let age = if kindcheck_source {
        let mut ages: Vec<u8> = Vec::new();
        if !childless_kindcheck {
            for _ in 0..rng.weighted(&[(1u8, 45), (2, 35), (3, 20)]) {
                ages.push(rng.range(0, 17) as u8);
            }
        }
        let age = ages.first().map(|y| Age::Months(u32::from(*y) * 12 + rng.range(0, 11)));
        kindcheck = Some(KindcheckOut { children_ages: ages, cares_alone: rng.chance(350) });
        age
    } else {
        Some(draw_age(rng, origin.ages))
    };
    let group = age.map(Group::of).unwrap_or(Group::Child);

    let concerns = draw_concerns(rng, origin.focus, group);
    let safety_concern = concerns.iter().any(|c| domain_of(c) == Some(Domain::Safety));
    let mut safety_indicators = Vec::new();
    let acute = match origin.focus {
        Focus::Safety => 300,
        _ if safety_concern => 150,
        _ => 0,
    };
    if rng.chance(acute) {
        safety_indicators.push(rng.weighted(&INDICATORS));
    }
    let meldcode = (safety_concern && rng.chance(750)).then(|| draw_meldcode(rng));
    let risk_factors = draw_risk_factors(rng, group, &concerns);
    let protective_factors = draw_protective_factors(rng, !risk_factors.is_empty());
    let (instruments, worst_band) = match age {
        Some(a) => draw_instruments(rng, a, &origin, &concerns),
        None => (Vec::new(), None),
    };

    let months = match age {
        Some(Age::Months(m)) => Some(m),
        _ => None,
    };
    let teen = months.is_some_and(|m| m >= 144);
    let sixteen = months.is_some_and(|m| m >= 192);
    let psychosocial = concerns.iter().any(|c| domain_of(c) == Some(Domain::Psychosocial));
    let (impact, duration) = if (psychosocial || worst_band.is_some()) && rng.chance(600) {
        let heavy = worst_band == Some(Band::Abnormal);
        let impact = if heavy {
            rng.weighted(&[(Impact::None, 5), (Impact::ALittle, 25), (Impact::Quite, 40), (Impact::ALot, 30)])
        } else {
            rng.weighted(&[(Impact::None, 20), (Impact::ALittle, 35), (Impact::Quite, 30), (Impact::ALot, 15)])
        };
        let duration = rng.weighted(&[
            (Duration::UnderOneMonth, 10),
            (Duration::OneToFiveMonths, 35),
            (Duration::SixToTwelveMonths, 30),
            (Duration::OverOneYear, 25),
        ]);
        (Some(impact), Some(duration))
    } else {
        (None, None)
    };

    let child = age.map(|a| {
        let local_id = format!("syn-{seed:x}-{index}");
        match a {
            Age::Prenatal(week) => {
                ChildOut { local_id, birth_date: None, age_months: None, pregnancy_week: Some(week) }
            }
            // A partner without access to the birth date reports months (our assumption: 1 in 12).
            Age::Months(m) if rng.chance(83) => {
                ChildOut { local_id, birth_date: None, age_months: Some(m as u16), pregnancy_week: None }
            }
            Age::Months(m) => {
                // Whole months of about 30.44 days, plus a few days into the month.
                let days = i64::from(m) * 30 + i64::from(m) * 7 / 16 + i64::from(rng.range(0, 27));
                let birth = iso_date(date_days - days);
                ChildOut { local_id, birth_date: Some(birth), age_months: None, pregnancy_week: None }
            }
        }
    });

    let handler = match origin.code {
        "jeugdarts" => Handler::Jeugdarts,
        "jeugdverpleegkundige" => Handler::Jeugdverpleegkundige,
        "verpleegkundig-specialist" => Handler::VerpleegkundigSpecialist,
        // Medical questions go to the jeugdarts more often (our assumption).
        _ if concerns.first().and_then(|c| domain_of(c)) == Some(Domain::Medical) => rng.weighted(&[
            (Handler::Jeugdarts, 60),
            (Handler::Jeugdverpleegkundige, 37),
            (Handler::VerpleegkundigSpecialist, 3),
        ]),
        _ => rng.weighted(&[
            (Handler::Jeugdverpleegkundige, 60),
            (Handler::Jeugdarts, 35),
            (Handler::VerpleegkundigSpecialist, 5),
        ]),
    };

    let consents = if age.is_some() && rng.chance(80) {
        let party = if sixteen && rng.chance(500) { Party::Youth } else { Party::Parents };
        let recipient = *rng.pick(&[
            if teen { Partner::SchoolMentor } else { Partner::PrimarySchool },
            Partner::Wijkteam,
            Partner::Huisarts,
            Partner::JeugdGgz,
        ]);
        vec![ConsentOut { party, recipient, given: rng.chance(850) }]
    } else {
        Vec::new()
    };

    let mut signal = SyntheticSignal {
        signal_id: format!("syn-{seed}-{index:06}"),
        date: iso_date(date_days),
        gemeente: None,
        child,
        source: SourceOut { code: origin.code, bds_code: origin.bds.filter(|_| rng.chance(500)) },
        handler,
        parents_concerned: origin.code == "parent" || (months.is_some_and(|m| m < 216) && rng.chance(450)),
        youth_concerned: origin.code == "youth" || (teen && rng.chance(250)),
        family_agrees_referral: rng.chance(if origin.code == "parent" { 450 } else { 300 }),
        family_declines_warm_handover: rng.chance(50),
        helpers_involved: rng.weighted(&[(0u8, 60), (1, 22), (2, 10), (3, 5), (4, 3)]),
        gi_involved: origin.gi || rng.chance(10),
        youth_objects_to_informing_parents: sixteen && rng.chance(if origin.code == "youth" { 200 } else { 30 }),
        parent_in_treatment: false,
        concerns,
        safety_indicators,
        risk_factors,
        protective_factors,
        instruments,
        impact,
        duration,
        kindcheck,
        meldcode,
        consents,
    };
    // A parent whose psychiatric or addiction problem is signalled is in
    // treatment already in 4 of 10 signals (our assumption, docs/corpus.md);
    // drawn after every other field so the rest of the corpus is unchanged.
    let parent_problem = signal.risk_factors.iter().chain(&signal.concerns).any(|c| PARENT_PROBLEMS.contains(c));
    signal.parent_in_treatment = parent_problem && rng.chance(400);
    // Drawn last, so that --gemeente adds the field and changes nothing else.
    if !gemeenten.is_empty() {
        signal.gemeente = Some(rng.pick(gemeenten).clone());
    }
    signal
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn corpus(seed: u64, n: u64) -> Vec<String> {
        (0..n).map(|i| serde_json::to_string(&signal(seed, i, &[])).unwrap()).collect()
    }

    #[test]
    fn every_signal_is_valid() {
        for seed in 0..20 {
            for line in corpus(seed, 500) {
                if let Err(e) = wegwijs::Signal::from_json(&line) {
                    panic!("{e}\n{line}");
                }
            }
        }
    }

    #[test]
    fn the_corpus_is_pinned() {
        // A seed names a corpus: if a change to the tables moves these lines,
        // it changes every corpus made before, so say so in docs/corpus.md.
        assert_eq!(
            corpus(1, 2),
            [
                r#"{"signal_id":"syn-1-000000","date":"2025-02-16","child":{"local_id":"syn-1-0","birth_date":"2022-12-24"},"source":{"code":"jeugdverpleegkundige"},"handler":"jeugdverpleegkundige","concerns":["somatic-complaint"],"family_agrees_referral":true,"helpers_involved":1}"#,
                r#"{"signal_id":"syn-1-000001","date":"2025-06-20","child":{"local_id":"syn-1-1","birth_date":"2011-04-05"},"source":{"code":"sociaal-wijkteam","bds_code":"05"},"handler":"jeugdarts","concerns":["divorce"],"risk_factors":["parent-psychiatric-problems"]}"#,
            ]
        );
    }

    #[test]
    fn a_small_corpus_is_a_prefix_of_a_large_one() {
        assert_eq!(corpus(7, 50), corpus(7, 200)[..50].to_vec());
        assert_ne!(corpus(7, 50), corpus(8, 50));
    }

    #[test]
    fn sources_follow_the_documented_mix() {
        let n = 40_000;
        let mut by_code: BTreeMap<&str, u32> = BTreeMap::new();
        for i in 0..n {
            *by_code.entry(signal(3, i, &[]).source.code).or_default() += 1;
        }
        let share = |code: &str| f64::from(by_code.get(code).copied().unwrap_or(0)) / n as f64 * 1000.0;
        // Verwijzer block: 250 ‰ split 150 990 : 198 570 : 51 670 : 33 160 : 1 540.
        let total: u32 = VERWIJZERS_2017.iter().map(|(_, w)| w).sum();
        let expect = |w: u32| f64::from(w) / f64::from(total) * 250.0;
        assert!((share("sociaal-wijkteam") - expect(150_990)).abs() < 6.0, "{by_code:?}");
        let huisarts_practice = share("huisarts") + share("poh-jeugd");
        assert!((huisarts_practice - expect(198_570)).abs() < 7.0, "{by_code:?}");
        assert!((share("medisch-specialist") - expect(33_160)).abs() < 3.0, "{by_code:?}");
        assert!((share("jeugdverpleegkundige") - 200.0).abs() < 8.0, "{by_code:?}");
        assert!((share("parent") - 120.0).abs() < 7.0, "{by_code:?}");
    }

    #[test]
    fn sources_see_children_of_their_age() {
        for i in 0..3_000 {
            let s = signal(11, i, &[]);
            let Some(child) = &s.child else {
                assert!(s.kindcheck.as_ref().is_some_and(|k| k.children_ages.is_empty()));
                continue;
            };
            if matches!(s.source.code, "leerkracht" | "intern-begeleider") {
                assert!(child.pregnancy_week.is_none());
            }
            if s.source.code == "veilig-thuis" {
                assert!(s.concerns.iter().any(|c| domain_of(c) == Some(Domain::Safety)), "{:?}", s.concerns);
            }
        }
    }

    #[test]
    fn gemeenten_are_spread_over_the_codes_given() {
        let g = vec!["GM0060".to_string(), "GM0014".to_string()];
        let mut seen = BTreeMap::new();
        for i in 0..200 {
            *seen.entry(signal(1, i, &g).gemeente.unwrap()).or_insert(0) += 1;
        }
        assert_eq!(seen.len(), 2);
        assert!(seen.values().all(|n| *n > 60));
        for i in 0..50 {
            let mut with = signal(1, i, &g);
            with.gemeente = None;
            let without = signal(1, i, &[]);
            assert_eq!(serde_json::to_string(&with).unwrap(), serde_json::to_string(&without).unwrap());
        }
    }
}
