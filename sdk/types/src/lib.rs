//! The data model of the `wegwijs:jgz` WIT contract as plain Rust.
//!
//! These types are the single Rust spelling of `wit/types.wit`. Reference
//! components run their guideline logic on them (inside WebAssembly and,
//! for benchmarks and unit tests, natively); the host passes them across the
//! component boundary directly (feature `wasmtime`) and serialises them into
//! decision cards (feature `serde`). The crate is `no_std` + `alloc` so that
//! guests import nothing they do not need.
#![no_std]

extern crate alloc;

use alloc::string::String;
use alloc::vec::Vec;

#[macro_use]
mod macros;

#[doc(hidden)]
pub use alloc::format as __format;

/// The version of the WIT package these types mirror, as a literal for
/// `concat!`: the one place in the Rust sources that names it, so a version
/// bump changes `wit/` and this line.
#[macro_export]
macro_rules! wit_version {
    () => {
        "0.2.1"
    };
}

/// Older versions of the WIT package a host of this version still runs:
/// every change since them only added to the contract (0.2.1 added the host
/// import `language`), so a component built against one of them imports a
/// subset of what the host offers and exports the same stage functions.
pub const WIT_COMPATIBLE_VERSIONS: &[&str] = &["0.2.0"];

/// The name of the WIT package these types mirror, as a literal for `concat!`.
#[macro_export]
macro_rules! wit_package {
    () => {
        "wegwijs:jgz"
    };
}

/// Version of the WIT package these types mirror.
pub const WIT_VERSION: &str = wit_version!();

/// Name of the WIT package these types mirror.
pub const WIT_PACKAGE: &str = wit_package!();

/// A fully qualified, versioned interface of the package, e.g.
/// `wit_interface!("routing")` is `"wegwijs:jgz/routing@0.2.0"`.
#[macro_export]
macro_rules! wit_interface {
    ($name:literal) => {
        concat!($crate::wit_package!(), "/", $name, "@", $crate::wit_version!())
    };
}

wit_record! {
    /// One reason behind a result: a rule id and a sentence a professional can read.
    pub struct Reason {
        /// Stable rule id, upper-case letters, digits and dashes, e.g. `PS-SDQ-BANDS`.
        rule: String,
        /// Plain-language explanation of how the rule applied to this case.
        text: String,
    }
}

impl Reason {
    /// Builds a reason from a rule id and a sentence.
    pub fn new(rule: impl Into<String>, text: impl Into<String>) -> Self {
        Reason { rule: rule.into(), text: text.into() }
    }
}

/// Whether `id` is a well-formed rule id: two or more dash-separated parts of
/// upper-case ASCII letters and digits, starting with a letter, at most 64 bytes.
pub fn is_well_formed_rule_id(id: &str) -> bool {
    id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_uppercase())
        && id.split('-').count() >= 2
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
}

wit_record! {
    /// Age since birth, computed by the host from the birth date at the signal date.
    pub struct AgeSinceBirth {
        /// Whole calendar months.
        months: u16,
        /// Whole years.
        years: u8,
    }
}

wit_variant! {
    /// The child's age at the signal date.
    pub enum ChildAge {
        /// Not yet born; the week of pregnancy when known.
        Prenatal(Option<u8>) = "prenatal",
        /// Born; exact age computed by the host.
        Born(AgeSinceBirth) = "born",
        /// Whole months as reported by the source when no birth date is known.
        ReportedMonths(u16) = "reported-months",
    }
}

impl ChildAge {
    /// Whole months since birth; `None` before birth.
    pub fn whole_months(&self) -> Option<u32> {
        match self {
            ChildAge::Prenatal(_) => None,
            ChildAge::Born(a) => Some(u32::from(a.months)),
            ChildAge::ReportedMonths(m) => Some(u32::from(*m)),
        }
    }

    /// Whole years since birth; `None` before birth.
    pub fn whole_years(&self) -> Option<u32> {
        self.whole_months().map(|m| m / 12)
    }
}

wit_record! {
    /// Who raised the signal, as coded by the sender.
    pub struct SourceCode {
        /// Source code from the documented vocabulary, e.g. `intern-begeleider`.
        code: String,
        /// BDS JGZ initiator code (list 40.411) when the sender supplied one.
        bds_code: Option<String> = "bds-code",
    }
}

wit_variant! {
    /// A structured instrument result as answered or concluded.
    pub enum InstrumentInput {
        /// Strengths and Difficulties Questionnaire.
        Sdq(SdqInput) = "sdq",
        /// SPARK overall risk estimate.
        Spark(SparkRisk) = "spark",
        /// GIZ conclusion on care needs.
        Giz(GizConclusion) = "giz",
        /// An instrument scored outside the pipeline; only the band is passed.
        Scored(ScoredInput) = "scored",
    }
}

wit_record! {
    /// SDQ answers, in item order 1 to 25.
    pub struct SdqInput {
        /// Which version of the questionnaire was used.
        version: SdqVersion,
        /// Exactly 25 entries: 0, 1 or 2, `None` when not answered.
        answers: Vec<Option<u8>>,
    }
}

wit_enum! {
    /// SDQ questionnaire versions with their own norm tables.
    pub enum SdqVersion {
        /// Parent report for children of 2 to 4 years.
        ParentTwoToFour = "parent-two-to-four",
        /// Parent report for children of 4 to 17 years.
        ParentFourToSeventeen = "parent-four-to-seventeen",
        /// Teacher report for children of 4 to 17 years.
        TeacherFourToSeventeen = "teacher-four-to-seventeen",
        /// Self-report for youth of 11 to 17 years.
        SelfElevenToSeventeen = "self-eleven-to-seventeen",
    }
}

wit_enum! {
    /// SPARK overall risk estimate.
    pub enum SparkRisk {
        /// Low risk.
        Laag = "laag",
        /// Raised risk.
        Verhoogd = "verhoogd",
        /// High risk.
        Hoog = "hoog",
    }
}

wit_enum! {
    /// GIZ conclusion on care needs.
    pub enum GizConclusion {
        /// Positive confirmation.
        Bevestiging = "bevestiging",
        /// Advice.
        Advies = "advies",
        /// Care needed now.
        ZorgNu = "zorg-nu",
        /// Intensive care needed.
        IntensieveZorg = "intensieve-zorg",
    }
}

wit_enum! {
    /// Instruments whose scoring happens outside the pipeline.
    pub enum ScoredInstrument {
        /// DMO-protocol (0 to 18 months).
        Dmo = "dmo",
        /// BITSEA (valid for 2-year-olds).
        Bitsea = "bitsea",
        /// KIVPA (13 to 14 years).
        Kivpa = "kivpa",
    }
}

wit_record! {
    /// The band a professional concluded for an externally scored instrument.
    pub struct ScoredInput {
        /// Which instrument.
        instrument: ScoredInstrument,
        /// The concluded band.
        band: Band,
    }
}

wit_enum! {
    /// Three-band interpretation of an instrument score.
    pub enum Band {
        /// Within the normal range.
        Normal = "normal",
        /// Borderline.
        Borderline = "borderline",
        /// Abnormal (clinical range).
        Abnormal = "abnormal",
    }
}

wit_enum! {
    /// Impact of the problems on daily life (SDQ impact supplement, BDS 40.371).
    pub enum Impact {
        /// Not at all.
        None = "none",
        /// Only a little.
        ALittle = "a-little",
        /// Quite a lot.
        Quite = "quite",
        /// A great deal.
        ALot = "a-lot",
    }
}

wit_enum! {
    /// How long the problems have lasted (SDQ impact supplement, BDS 40.370).
    pub enum Duration {
        /// Less than a month.
        UnderOneMonth = "under-one-month",
        /// One to five months.
        OneToFiveMonths = "one-to-five-months",
        /// Six to twelve months.
        SixToTwelveMonths = "six-to-twelve-months",
        /// More than a year.
        OverOneYear = "over-one-year",
    }
}

wit_record! {
    /// Data from the adult-care kindcheck.
    pub struct KindcheckInput {
        /// Ages in whole years of the client's children; empty when none are present.
        children_ages: Vec<u8> = "children-ages",
        /// Whether the client cares for the children alone.
        cares_alone: bool = "cares-alone",
    }
}

wit_record! {
    /// What the professional has established so far along the meldcode.
    pub struct MeldcodeInput {
        /// Suspicion of (threat of) domestic violence or child abuse.
        suspicion: bool,
        /// Structural (not acute) unsafety established in step 4.
        structural_unsafety: bool = "structural-unsafety",
        /// Can effective help be offered or organised (MC-Q3)?
        help_possible: Option<bool> = "help-possible",
        /// Does the family accept and commit to the help (MC-Q4)?
        help_accepted: Option<bool> = "help-accepted",
        /// Did the help lead to safety in the agreed time (MC-Q5)?
        help_effective: Option<bool> = "help-effective",
        /// Were parents and child told of a melding beforehand?
        parents_told: Option<bool> = "parents-told",
        /// Telling them would endanger someone.
        telling_endangers: bool = "telling-endangers",
    }
}

wit_record! {
    /// A consent a party has given or refused.
    pub struct ConsentRecord {
        /// Who answered.
        party: Party,
        /// The recipient the answer is about.
        recipient: Partner,
        /// True when given, false when refused.
        given: bool,
    }
}

wit_enum! {
    /// Parties who can consent or must be informed.
    pub enum Party {
        /// The parents with parental authority (gezag).
        Parents = "parents",
        /// The youth.
        Youth = "youth",
        /// The parent whose own care a disclosure is for (CS-OWN-CARE), who
        /// consents for themself whatever the child's age.
        ReferredParent = "referred-parent",
    }
}

wit_enum! {
    /// The JGZ professional handling the case.
    pub enum Handler {
        /// Youth health physician.
        Jeugdarts = "jeugdarts",
        /// Youth health nurse.
        Jeugdverpleegkundige = "jeugdverpleegkundige",
        /// Nurse practitioner.
        VerpleegkundigSpecialist = "verpleegkundig-specialist",
    }
}

wit_record! {
    /// The de-identified case every stage receives: no name, address, BSN,
    /// birth date or free text.
    pub struct ChildCase {
        /// Host-generated pseudonym.
        pseudonym: String,
        /// CBS gemeentecode of the child's municipality.
        gemeente: Option<String>,
        /// Age of the child; `None` only for a kindcheck without children.
        age: Option<ChildAge>,
        /// Who raised the signal.
        source: SourceCode,
        /// The professional handling the case.
        handler: Handler,
        /// Concern codes.
        concerns: Vec<String>,
        /// Acute-unsafety indicator codes (MC-Q2).
        safety_indicators: Vec<String> = "safety-indicators",
        /// Risk factor codes of the risk card.
        risk_factors: Vec<String> = "risk-factors",
        /// Protective factor codes.
        protective_factors: Vec<String> = "protective-factors",
        /// Instrument results.
        instruments: Vec<InstrumentInput>,
        /// Parents have voiced a concern themselves.
        parents_concerned: bool = "parents-concerned",
        /// The youth has voiced a concern themselves.
        youth_concerned: bool = "youth-concerned",
        /// Impact of the problems on daily life.
        impact: Option<Impact>,
        /// Duration of the problems.
        duration: Option<Duration>,
        /// The family agrees to a referral.
        family_agrees_referral: bool = "family-agrees-referral",
        /// The family declines a warm handover.
        family_declines_warm_handover: bool = "family-declines-warm-handover",
        /// Number of helpers already involved with the family.
        helpers_involved: u8 = "helpers-involved",
        /// A gecertificeerde instelling carries out an ondertoezichtstelling.
        gi_involved: bool = "gi-involved",
        /// Kindcheck data when the source is adult care.
        kindcheck: Option<KindcheckInput>,
        /// Meldcode progress when there is a safety concern.
        meldcode: Option<MeldcodeInput>,
        /// Consents given or refused so far.
        consents: Vec<ConsentRecord>,
        /// A 16+ youth does not want the parents informed.
        youth_objects_to_informing_parents: bool = "youth-objects-to-informing-parents",
        /// The parent whose psychiatric or addiction problems are signalled
        /// is already in treatment for them (RT-PARENT).
        parent_in_treatment: bool = "parent-in-treatment",
    }
}

impl ChildCase {
    /// A case with only its required fields set: no concerns, factors,
    /// instruments, flags, kindcheck, meldcode or consents. Tests and
    /// scaffolds start here and set only what they are about.
    pub fn new(pseudonym: impl Into<String>, age: Option<ChildAge>, source: SourceCode, handler: Handler) -> Self {
        ChildCase {
            pseudonym: pseudonym.into(),
            gemeente: None,
            age,
            source,
            handler,
            concerns: Vec::new(),
            safety_indicators: Vec::new(),
            risk_factors: Vec::new(),
            protective_factors: Vec::new(),
            instruments: Vec::new(),
            parents_concerned: false,
            youth_concerned: false,
            impact: None,
            duration: None,
            family_agrees_referral: false,
            family_declines_warm_handover: false,
            helpers_involved: 0,
            gi_involved: false,
            kindcheck: None,
            meldcode: None,
            consents: Vec::new(),
            youth_objects_to_informing_parents: false,
            parent_in_treatment: false,
        }
    }
}

wit_enum! {
    /// Who raised the signal, normalised (IN-SOURCE).
    pub enum SourceKind {
        /// A parent.
        Parent = "parent",
        /// The youth.
        Youth = "youth",
        /// Jeugdarts.
        Jeugdarts = "jeugdarts",
        /// Jeugdverpleegkundige.
        Jeugdverpleegkundige = "jeugdverpleegkundige",
        /// Verpleegkundig specialist.
        VerpleegkundigSpecialist = "verpleegkundig-specialist",
        /// Kinderopvang.
        Kinderopvang = "kinderopvang",
        /// Peuterspeelzaal.
        Peuterspeelzaal = "peuterspeelzaal",
        /// Primary school teacher.
        Leerkracht = "leerkracht",
        /// Primary school intern begeleider.
        InternBegeleider = "intern-begeleider",
        /// Secondary school mentor.
        Mentor = "mentor",
        /// Secondary school zorgcoördinator.
        Zorgcoordinator = "zorgcoordinator",
        /// Huisarts.
        Huisarts = "huisarts",
        /// POH-jeugd.
        PohJeugd = "poh-jeugd",
        /// Verloskundige.
        Verloskundige = "verloskundige",
        /// Gynaecoloog.
        Gynaecoloog = "gynaecoloog",
        /// Kraamzorg.
        Kraamzorg = "kraamzorg",
        /// Sociaal wijkteam.
        SociaalWijkteam = "sociaal-wijkteam",
        /// Jeugdhulp provider.
        Jeugdhulp = "jeugdhulp",
        /// Adult mental-health care via the kindcheck.
        VolwassenenGgz = "volwassenen-ggz",
        /// Addiction care via the kindcheck.
        Verslavingszorg = "verslavingszorg",
        /// Veilig Thuis.
        VeiligThuis = "veilig-thuis",
        /// Raad voor de Kinderbescherming.
        RaadKinderbescherming = "raad-kinderbescherming",
        /// A match in the Verwijsindex.
        Verwijsindex = "verwijsindex",
        /// Medisch specialist or kinderarts.
        MedischSpecialist = "medisch-specialist",
        /// Any other source.
        Other = "other",
    }
}

wit_enum! {
    /// Age bands used downstream (IN-AGE).
    pub enum AgeBand {
        /// Before birth.
        Prenatal = "prenatal",
        /// 0 to under 2 years.
        ZeroToTwo = "zero-to-two",
        /// 2 to under 4 years.
        TwoToFour = "two-to-four",
        /// 4 to under 12 years.
        FourToTwelve = "four-to-twelve",
        /// 12 to under 16 years.
        TwelveToSixteen = "twelve-to-sixteen",
        /// 16 to under 18 years.
        SixteenToEighteen = "sixteen-to-eighteen",
        /// 18 to under 23 years.
        EighteenToTwentyThree = "eighteen-to-twenty-three",
    }
}

wit_enum! {
    /// Concern domains (IN-DOMAIN).
    pub enum Domain {
        /// Emotional, behaviour and peer problems.
        Psychosocial = "psychosocial",
        /// The parent–child relationship.
        ParentChild = "parent-child",
        /// Development.
        Development = "development",
        /// School absence and learning.
        School = "school",
        /// Substance use.
        SubstanceUse = "substance-use",
        /// Debts, housing, divorce, parental illness.
        FamilyCircumstances = "family-circumstances",
        /// Violence, abuse, neglect.
        Safety = "safety",
        /// Medical or somatic questions.
        Medical = "medical",
    }
}

wit_enum! {
    /// Acute-unsafety indicators of MC-Q2.
    pub enum AcuteIndicator {
        /// Direct (life) danger.
        LifeDanger = "life-danger",
        /// Serious (suspected inflicted) injury.
        SeriousInjury = "serious-injury",
        /// Attempted strangulation.
        Strangulation = "strangulation",
        /// Use of a weapon.
        WeaponUse = "weapon-use",
        /// Sexual abuse with a real chance of repetition.
        SexualAbuseRepetition = "sexual-abuse-repetition",
        /// Acute psychiatric crisis of the caring parent.
        ParentPsychiatricCrisis = "parent-psychiatric-crisis",
        /// Intoxication of the caring parent.
        ParentIntoxication = "parent-intoxication",
        /// (Threatened) suicide of the caring parent.
        ParentSuicideThreat = "parent-suicide-threat",
        /// Acute threat to kill, injure or confine.
        ThreatToKill = "threat-to-kill",
        /// Honour-related revenge.
        HonourRevenge = "honour-revenge",
        /// Forced marriage.
        ForcedMarriage = "forced-marriage",
        /// Female genital mutilation.
        Fgm = "fgm",
        /// Human trafficking.
        HumanTrafficking = "human-trafficking",
    }
}

wit_record! {
    /// One coded concern after normalisation.
    pub struct Concern {
        /// The code as received.
        code: String,
        /// The domain it belongs to.
        domain: Domain,
    }
}

wit_enum! {
    /// Whether intake accepted the signal for screening.
    pub enum IntakeOutcome {
        /// Accepted: screening and routing follow.
        Accepted = "accepted",
        /// Closed with reason; nothing is routed.
        Closed = "closed",
    }
}

wit_record! {
    /// Result of the intake stage.
    pub struct IntakeCard {
        /// Accepted or closed.
        outcome: IntakeOutcome,
        /// Normalised source.
        source: SourceKind,
        /// BDS initiator code (list 40.411), given or derived.
        bds_code: Option<String> = "bds-code",
        /// Age band; `None` when the age is unknown.
        age_band: Option<AgeBand> = "age-band",
        /// Age in whole months; `None` before birth or when unknown.
        age_months: Option<u32> = "age-months",
        /// Domains touched, in canonical order, without duplicates.
        domains: Vec<Domain>,
        /// Concerns recognised.
        concerns: Vec<Concern>,
        /// Acute-unsafety flag (IN-SAFETY).
        safety_flag: bool = "safety-flag",
        /// Acute indicators recognised.
        acute_indicators: Vec<AcuteIndicator> = "acute-indicators",
        /// Number of children recorded by a kindcheck.
        kindcheck_children: Option<u8> = "kindcheck-children",
        /// One-line summary.
        summary: String,
        /// Warnings, e.g. unknown codes (IN-UNKNOWN).
        warnings: Vec<Reason>,
        /// Reasons with rule ids.
        reasons: Vec<Reason>,
    }
}

wit_enum! {
    /// Overall concern level, from least to most serious.
    pub enum Level {
        /// Not enough usable information to judge (PS-UNUSABLE); below
        /// `None` so that any real evidence outranks it.
        Unknown = "unknown",
        /// No concern.
        None = "none",
        /// Attention.
        Attention = "attention",
        /// Concern.
        Concern = "concern",
        /// High concern.
        High = "high",
        /// Safety: the meldcode track applies.
        Safety = "safety",
    }
}

wit_enum! {
    /// Action ladder (PS-LADDER).
    pub enum Action {
        /// Insufficient information: complete or repeat the instrument and
        /// assess again (PS-UNUSABLE); never read as A0.
        Reassess = "reassess",
        /// A0: normalise, inform at the next contact.
        A0 = "a0",
        /// A1: advice or light support by JGZ.
        A1 = "a1",
        /// A2: consultation without handing over the case.
        A2 = "a2",
        /// A3: referral.
        A3 = "a3",
        /// S: meldcode track.
        S = "s",
    }
}

wit_enum! {
    /// Domains of the risk card parent–child relationship.
    pub enum RiskDomain {
        /// The child.
        Child = "child",
        /// Parent and family.
        ParentFamily = "parent-family",
        /// Environment.
        Environment = "environment",
    }
}

wit_record! {
    /// A risk factor recognised on the risk card.
    pub struct RiskFactor {
        /// Factor code.
        code: String,
        /// Its domain.
        domain: RiskDomain,
        /// Serious on its own (RK-RED).
        red: bool,
    }
}

wit_record! {
    /// The risk card parent–child relationship, both lists side by side (RK-BALANCE).
    pub struct RiskCard {
        /// Risk factors seen.
        risk_factors: Vec<RiskFactor> = "risk-factors",
        /// Protective factors seen.
        protective_factors: Vec<String> = "protective-factors",
        /// The level the card yields.
        level: Level,
        /// Name and version of the red-factor table used.
        table: String,
    }
}

wit_record! {
    /// One scale score with its band.
    pub struct ScaleScore {
        /// The score (prorated where items were missing).
        score: u8,
        /// The band from the norm table; `None` when the table has no verified
        /// cut-offs for this scale and version.
        band: Option<Band>,
    }
}

wit_record! {
    /// Scored SDQ.
    pub struct SdqScores {
        /// Version answered.
        version: SdqVersion,
        /// Emotional symptoms scale.
        emotional: Option<ScaleScore>,
        /// Conduct problems scale.
        conduct: Option<ScaleScore>,
        /// Hyperactivity scale.
        hyperactivity: Option<ScaleScore>,
        /// Peer problems scale.
        peer: Option<ScaleScore>,
        /// Prosocial scale.
        prosocial: Option<ScaleScore>,
        /// Total difficulties; `None` when any difficulty scale is missing.
        total: Option<ScaleScore>,
        /// Name of the norm table used.
        norms: String,
    }
}

wit_enum! {
    /// The instrument a screening result came from.
    pub enum InstrumentKind {
        /// SDQ.
        Sdq = "sdq",
        /// SPARK.
        Spark = "spark",
        /// GIZ.
        Giz = "giz",
        /// DMO-protocol.
        Dmo = "dmo",
        /// BITSEA.
        Bitsea = "bitsea",
        /// KIVPA.
        Kivpa = "kivpa",
    }
}

wit_enum! {
    /// Why an instrument result could not be used (PS-UNUSABLE).
    pub enum UnusableReason {
        /// Used outside the instrument's age range (PS-INSTRUMENT).
        OutsideAgeRange = "outside-age-range",
        /// Another version of the instrument is the one for this age.
        WrongVersion = "wrong-version",
        /// The total cannot be scored: a scale has fewer than three answers.
        Incomplete = "incomplete",
    }
}

wit_record! {
    /// The screening result of one instrument.
    pub struct InstrumentResult {
        /// Instrument.
        instrument: InstrumentKind,
        /// False when the result cannot be used (see `unusable`); it then
        /// gives no level and neither lowers nor raises the overall level.
        valid: bool,
        /// Level it maps to; `None` when not valid.
        level: Option<Level>,
        /// Band, when the instrument has bands.
        band: Option<Band>,
        /// SDQ scores, for the SDQ (the scales that could be scored, also
        /// when the total could not).
        sdq: Option<SdqScores>,
        /// Why the result could not be used; `None` when it is valid.
        unusable: Option<UnusableReason>,
    }
}

wit_enum! {
    /// Answers along the meldcode (§5).
    pub enum MeldcodeConclusion {
        /// MC-Q1: no suspicion; close and record.
        Close = "close",
        /// Suspicion under assessment: walk steps 1 to 4 first.
        Assess = "assess",
        /// Help is offered and accepted; monitor.
        Help = "help",
        /// A melding at Veilig Thuis.
        Melding = "melding",
    }
}

wit_record! {
    /// The safety track's result.
    pub struct MeldcodeCard {
        /// Conclusion.
        conclusion: MeldcodeConclusion,
        /// Contact Veilig Thuis at step 2 at once.
        veilig_thuis_at_step_two: bool = "veilig-thuis-at-step-two",
        /// Acute unsafety (MC-Q2).
        acute: bool,
        /// The next meldcode step to take (1 to 5).
        next_step: u8 = "next-step",
    }
}

wit_record! {
    /// Result of the screening stage.
    pub struct ScreeningCard {
        /// Overall level.
        level: Level,
        /// Action on the ladder, or S when the meldcode track applies.
        action: Action,
        /// The ladder's action for the child's own concerns (A0 to A3, or
        /// reassess), whatever the safety track says: equal to `action`
        /// unless that is S (IN-SAFETY: the child's own route stands beside
        /// the safety route).
        child_action: Action = "child-action",
        /// The risk card.
        risk_card: RiskCard = "risk-card",
        /// Instrument results.
        instruments: Vec<InstrumentResult>,
        /// Safety track, when there is any safety signal.
        meldcode: Option<MeldcodeCard>,
        /// One-line summary.
        summary: String,
        /// Warnings.
        warnings: Vec<Reason>,
        /// Reasons with rule ids.
        reasons: Vec<Reason>,
    }
}

wit_enum! {
    /// Partners a case can be routed to (§4).
    pub enum Partner {
        /// JGZ light support.
        JgzLightSupport = "jgz-light-support",
        /// The jeugdarts of the JGZ team.
        Jeugdarts = "jeugdarts",
        /// Sociaal wijkteam / CJG / ouder-kindteam.
        Wijkteam = "wijkteam",
        /// Huisarts.
        Huisarts = "huisarts",
        /// POH-jeugd at the huisarts practice.
        PohJeugd = "poh-jeugd",
        /// Jeugd-GGZ.
        JeugdGgz = "jeugd-ggz",
        /// Infant Mental Health / young-child consultation.
        ImhConsultation = "imh-consultation",
        /// Kinderarts or medisch specialist.
        Kinderarts = "kinderarts",
        /// Kinderopvang or peuterspeelzaal.
        Kinderopvang = "kinderopvang",
        /// Primary school care structure.
        PrimarySchool = "primary-school",
        /// Secondary school mentor.
        SchoolMentor = "school-mentor",
        /// Secondary school zorgteam via the zorgcoördinator.
        SchoolZorgteam = "school-zorgteam",
        /// Algemeen maatschappelijk werk.
        Amw = "amw",
        /// Volwassenen-GGZ or verslavingszorg for a parent.
        ParentGgz = "parent-ggz",
        /// Veilig Thuis, for advice.
        VeiligThuisAdvice = "veilig-thuis-advice",
        /// Veilig Thuis, for a melding.
        VeiligThuisMelding = "veilig-thuis-melding",
        /// Verwijsindex.
        Verwijsindex = "verwijsindex",
        /// Gecertificeerde instelling.
        GecertificeerdeInstelling = "gecertificeerde-instelling",
    }
}

impl Partner {
    /// Whether a route to this partner is a route to jeugdhulp, which needs
    /// a verwijzer (RT-AUTHORITY, G-AUTHORITY).
    pub const fn is_jeugdhulp(self) -> bool {
        matches!(self, Partner::JeugdGgz)
    }
}

wit_enum! {
    /// What kind of step a route is.
    pub enum RouteKind {
        /// JGZ keeps the case and acts itself.
        Support = "support",
        /// Ask for information.
        Information = "information",
        /// Consult without handing over the case.
        Consultation = "consultation",
        /// Hand the case over.
        Referral = "referral",
        /// Advice from Veilig Thuis.
        Advice = "advice",
        /// A melding at Veilig Thuis.
        Melding = "melding",
        /// Coordination.
        Coordination = "coordination",
    }
}

wit_enum! {
    /// Urgency (RT-URGENCY), from most to least urgent.
    pub enum Urgency {
        /// At once: acute unsafety.
        Immediate = "immediate",
        /// Within five working days.
        WithinFiveWorkingDays = "within-five-working-days",
        /// Soon: referral.
        Soon = "soon",
        /// At the next regular contact.
        NextContact = "next-contact",
    }
}

wit_enum! {
    /// iJw/CBS verwijzer code (RT-AUTHORITY).
    pub enum Verwijzer {
        /// 01 Gemeente.
        Gemeente = "gemeente",
        /// 02 Huisarts.
        Huisarts = "huisarts",
        /// 03 Jeugdarts.
        Jeugdarts = "jeugdarts",
        /// 04 Gecertificeerde instelling.
        GecertificeerdeInstelling = "gecertificeerde-instelling",
        /// 05 Medisch specialist.
        MedischSpecialist = "medisch-specialist",
        /// 06 Zelfverwijzer / geen verwijzer.
        Zelfverwijzer = "zelfverwijzer",
        /// 07 Onbekend.
        Onbekend = "onbekend",
        /// 08 Rechter, RvdK or OvJ.
        Rechter = "rechter",
    }
}

impl Verwijzer {
    /// The two-digit iJw/CBS code.
    pub const fn code(self) -> &'static str {
        match self {
            Verwijzer::Gemeente => "01",
            Verwijzer::Huisarts => "02",
            Verwijzer::Jeugdarts => "03",
            Verwijzer::GecertificeerdeInstelling => "04",
            Verwijzer::MedischSpecialist => "05",
            Verwijzer::Zelfverwijzer => "06",
            Verwijzer::Onbekend => "07",
            Verwijzer::Rechter => "08",
        }
    }

    /// Whether this verwijzer may refer directly to jeugdhulp (RT-AUTHORITY):
    /// 06 (no verwijzer) and 07 (unknown) do not name an authority.
    pub const fn is_authority(self) -> bool {
        !matches!(self, Verwijzer::Zelfverwijzer | Verwijzer::Onbekend)
    }
}

wit_enum! {
    /// How a case changes hands (RT-WARM).
    pub enum Handover {
        /// The case does not change hands.
        None = "none",
        /// Warm handover: a joint contact with the family.
        Warm = "warm",
        /// Written handover because the family declined a warm one.
        Written = "written",
    }
}

wit_enum! {
    /// Why information would travel to a recipient.
    pub enum Purpose {
        /// Delivering the same care (CS-DIRECT).
        DirectCare = "direct-care",
        /// Medical referral or its feedback (CS-REFERRAL).
        MedicalReferral = "medical-referral",
        /// Referral to a non-medical partner.
        Referral = "referral",
        /// Consultation without handing over.
        Consultation = "consultation",
        /// Consulting school or childcare about the child (CS-SCHOOL).
        SchoolConsultation = "school-consultation",
        /// Anonymous advice from Veilig Thuis (CS-VT-ADVICE).
        VeiligThuisAdvice = "veilig-thuis-advice",
        /// Melding at Veilig Thuis (CS-VT-MELDING).
        VeiligThuisMelding = "veilig-thuis-melding",
        /// Information for a GI's ondertoezichtstelling (CS-GI).
        GiSupervision = "gi-supervision",
        /// Coordination (one family, one plan).
        Coordination = "coordination",
        /// A signal in the Verwijsindex risicojongeren (CS-VIR).
        VerwijsindexSignal = "verwijsindex-signal",
        /// A parent's own care: referring the parent, or aligning with the
        /// parent's treater (CS-OWN-CARE).
        ParentOwnCare = "parent-own-care",
    }
}

wit_enum! {
    /// Categories of data that may travel (CS-MINIMAL).
    pub enum DataCategory {
        /// Contact details of child and parents.
        ContactDetails = "contact-details",
        /// A short summary of the concern.
        ConcernSummary = "concern-summary",
        /// Screening level, action and instrument bands.
        ScreeningResult = "screening-result",
        /// Item-level instrument scores.
        InstrumentScores = "instrument-scores",
        /// Risk and protective factors.
        RiskFactors = "risk-factors",
        /// Safety signals and meldcode steps taken.
        SafetySignals = "safety-signals",
        /// Medical data.
        MedicalData = "medical-data",
        /// Family circumstances.
        FamilyCircumstances = "family-circumstances",
    }
}

wit_record! {
    /// One disclosure a route needs: who, why, what.
    pub struct DisclosureRequest {
        /// Recipient.
        recipient: Partner,
        /// Purpose.
        purpose: Purpose,
        /// Data categories the route needs.
        data: Vec<DataCategory>,
    }
}

wit_record! {
    /// One recommended next step.
    pub struct Route {
        /// Where to.
        partner: Partner,
        /// What kind of step.
        kind: RouteKind,
        /// How urgent.
        urgency: Urgency,
        /// Verwijzer code, required on every route to jeugdhulp.
        verwijzer: Option<Verwijzer>,
        /// Handover style.
        handover: Handover,
        /// Local name or contact route from the region's configuration.
        local_name: Option<String> = "local-name",
        /// The conversation to have with parents and youth first (G-SHARED).
        conversation: String,
        /// Disclosure this route needs.
        disclosure: Option<DisclosureRequest>,
        /// Reasons with rule ids.
        reasons: Vec<Reason>,
    }
}

wit_record! {
    /// Result of the routing stage.
    pub struct RoutingCard {
        /// Recommended steps, most urgent first.
        routes: Vec<Route>,
        /// One family, one plan (RT-MULTI).
        one_plan: bool = "one-plan",
        /// Who coordinates care when `one_plan` is set.
        care_coordinator: Option<String> = "care-coordinator",
        /// Overall urgency.
        urgency: Urgency,
        /// One-line summary.
        summary: String,
        /// Warnings.
        warnings: Vec<Reason>,
        /// Reasons with rule ids.
        reasons: Vec<Reason>,
    }
}

wit_enum! {
    /// Outcome of one consent check, from least to most strict (G-CONSENT).
    pub enum ConsentOutcome {
        /// May go, on the recorded legal basis.
        Permitted = "permitted",
        /// May go once the named consent is recorded.
        NeedsConsent = "needs-consent",
        /// May go only without identifiers.
        AnonymousOnly = "anonymous-only",
        /// Not decided automatically: professional judgement required.
        ProfessionalJudgement = "professional-judgement",
        /// May not go.
        Denied = "denied",
    }
}

wit_record! {
    /// Result of one consent check.
    pub struct ConsentCard {
        /// The request it answers.
        request: DisclosureRequest,
        /// Outcome.
        outcome: ConsentOutcome,
        /// Legal basis when permitted.
        legal_basis: Option<String> = "legal-basis",
        /// Whose consent is needed or was used.
        consent_of: Vec<Party> = "consent-of",
        /// Who must be informed.
        inform: Vec<Party>,
        /// Data categories that may go.
        permitted_data: Vec<DataCategory> = "permitted-data",
        /// Checklist for professional judgement.
        checklist: Vec<String>,
        /// Reasons with rule ids.
        reasons: Vec<Reason>,
    }
}

/// Read-only access to a region's `[config]` table, as the host import
/// `config` offers it. Guideline logic reads configuration only through this
/// trait, so the same code runs inside a component (backed by the host
/// import) and natively (backed by a map or nothing).
pub trait RegionConfig {
    /// The value at a dotted key such as `partners.wijkteam.name`, rendered
    /// as a string, or `None` when the region did not set it.
    fn get(&self, key: &str) -> Option<String>;

    /// The language the reader asked for (the host import `language`, WIT
    /// 0.2.1). A configuration that cannot say, such as a map in a native
    /// unit test, reads English: the language the components' own tests
    /// assert their sentences in, so a test opts into Dutch explicitly.
    fn language(&self) -> Language {
        Language::En
    }
}

/// The language a person reads a decision in. Dutch is the default: the
/// people who read the cards and reports are Dutch JGZ professionals and
/// municipal advisers. Only text for people changes with it; codes, rule
/// ids, enum values and JSON keys never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Language {
    /// Dutch (`nl`).
    #[default]
    Nl,
    /// English (`en`).
    En,
}

impl Language {
    /// Every language, Dutch first.
    pub const ALL: &'static [Language] = &[Language::Nl, Language::En];

    /// The BCP 47 primary tag: `nl` or `en`.
    pub const fn tag(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    /// The language of a tag such as `nl`, `NL`, `nl-NL` or `en-GB` (the
    /// primary subtag decides); `None` for any other language.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("nl") {
            Some(Language::Nl)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Language::En)
        } else {
            None
        }
    }

    /// `nl` in Dutch, `en` in English: for fixed words and sentences.
    pub const fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Language::Nl => nl,
            Language::En => en,
        }
    }

    /// The language's name in that same language ("Nederlands", "English").
    pub const fn own_name(self) -> &'static str {
        self.pick("Nederlands", "English")
    }
}

/// A fixed text of a rule table in both languages: the Dutch for the JGZ
/// professional and the English. Codes, rule ids and the guideline's own
/// Dutch terms read the same in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Wording {
    /// The Dutch text.
    pub nl: &'static str,
    /// The English text.
    pub en: &'static str,
}

impl Wording {
    /// The text in `lang`.
    pub const fn get(self, lang: Language) -> &'static str {
        lang.pick(self.nl, self.en)
    }
}

/// A sentence in the reader's language: `say!(lang, "Dutch {x}", "English
/// {x}")` formats the Dutch text for [`Language::Nl`] and the English one
/// for [`Language::En`]. Both are required, so no sentence exists in one
/// language only; arguments are captured from scope as in `format!`.
#[macro_export]
macro_rules! say {
    ($lang:expr, $nl:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::Language::Nl => $crate::__format!($nl),
            $crate::Language::En => $crate::__format!($en),
        }
    };
}

/// A message written in both languages at once, for text made before anyone
/// knows who will read it: a problem found while reading a signal, a bundle
/// or a case file. The reader's side picks the language with
/// [`Said::get`]. `Display` shows the English, the language of logs and of
/// Rust's `?` chains; with the `serde` feature it serialises as that
/// English too, so a field that was a string stays one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Said {
    nl: String,
    en: String,
}

impl Said {
    /// A message from its Dutch and its English text.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Said {
        Said { nl: nl.into(), en: en.into() }
    }

    /// A text that reads the same in every language: a code, a path, a
    /// number, or the words of a parser or the operating system that are
    /// quoted as they came.
    pub fn same(text: impl Into<String>) -> Said {
        let text = text.into();
        Said { nl: text.clone(), en: text }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Language) -> &str {
        lang.pick(&self.nl, &self.en)
    }

    /// The Dutch text.
    pub fn nl(&self) -> &str {
        &self.nl
    }

    /// The English text.
    pub fn en(&self) -> &str {
        &self.en
    }

    /// Whether the text is empty in either language: the message would
    /// say nothing to one of its readers.
    pub fn is_empty(&self) -> bool {
        self.nl.is_empty() || self.en.is_empty()
    }

    /// Both texts with `f` applied to each, in the language it is told.
    pub fn map(&self, mut f: impl FnMut(Language, &str) -> String) -> Said {
        Said { nl: f(Language::Nl, &self.nl), en: f(Language::En, &self.en) }
    }
}

impl From<Wording> for Said {
    fn from(w: Wording) -> Said {
        Said::new(w.nl, w.en)
    }
}

impl core::fmt::Display for Said {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.en)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Said {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.en)
    }
}

/// A [`Said`] in both languages: `said!("Dutch {x}", "English {x}")`
/// formats both texts, capturing arguments from scope as in `format!`. The
/// counterpart of [`say!`] for text whose reader is not known yet.
#[macro_export]
macro_rules! said {
    ($nl:literal, $en:literal $(,)?) => {
        $crate::Said::new($crate::__format!($nl), $crate::__format!($en))
    };
}

/// The configuration of a host without a region: every key is unset, so the
/// national guideline defaults apply.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoConfig;

impl RegionConfig for NoConfig {
    fn get(&self, _key: &str) -> Option<String> {
        None
    }
}

impl RegionConfig for alloc::collections::BTreeMap<String, String> {
    fn get(&self, key: &str) -> Option<String> {
        alloc::collections::BTreeMap::get(self, key).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_names_round_trip() {
        for p in Partner::ALL {
            assert_eq!(Partner::from_name(p.name()), Some(*p));
        }
        assert_eq!(Partner::from_name("nonsense"), None);
    }

    #[test]
    fn strictness_order_is_declaration_order() {
        assert!(ConsentOutcome::Permitted < ConsentOutcome::NeedsConsent);
        assert!(ConsentOutcome::ProfessionalJudgement < ConsentOutcome::Denied);
        assert!(Level::High < Level::Safety);
        assert!(Urgency::Immediate < Urgency::NextContact);
    }

    #[test]
    fn rule_ids() {
        assert!(is_well_formed_rule_id("PS-SDQ-BANDS"));
        assert!(is_well_formed_rule_id("GM0363-ROUTE-1"));
        assert!(!is_well_formed_rule_id("ps-sdq"));
        assert!(!is_well_formed_rule_id("RK"));
        assert!(!is_well_formed_rule_id("RK--RED"));
        assert!(!is_well_formed_rule_id("0RK-RED"));
    }
}
