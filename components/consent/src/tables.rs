//! The consent rules as versioned data: per purpose, which rule of the brief
//! governs it, on which legal basis it may go, and which data categories the
//! recipient needs for that purpose (CS-MINIMAL).

use wegwijs_types::{DataCategory as C, Purpose as P};

/// A table's provenance: which law or guideline, which version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSource {
    /// Name.
    pub name: &'static str,
    /// Version.
    pub version: &'static str,
}

/// Provenance of the purpose table.
pub const PURPOSE_TABLE: TableSource = TableSource {
    name: "Jeugdwet 2015 art. 7.3.11; WGBO (BW 7:457); Wmo 2015 art. 5.2.6; KNMG-richtlijn omgaan met medische gegevens",
    version: "wegwijs consent table 0.1.0",
};

/// How a purpose is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// Permitted without consent: the same care (CS-DIRECT).
    Direct,
    /// Permitted on presumed consent; parents/youth are informed (CS-REFERRAL).
    PresumedMedical,
    /// Needs the parents' consent (CS-SCHOOL).
    School,
    /// Anonymous only, no consent needed (CS-VT-ADVICE).
    AnonymousAdvice,
    /// Permitted without consent, meldrecht (CS-VT-MELDING).
    Melding,
    /// Permitted without consent when a GI carries out an OTS (CS-GI).
    Gi,
    /// Not until the consent CS-AGE names is recorded (CS-DEFAULT).
    Default,
}

/// One row of the purpose table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurposeRule {
    /// The purpose.
    pub purpose: P,
    /// The rule of the brief.
    pub rule: &'static str,
    /// How it is treated.
    pub treatment: Treatment,
    /// The legal basis when it may go without consent.
    pub basis: Option<&'static str>,
    /// What the recipient needs for this purpose: never the whole file.
    pub need_to_know: &'static [C],
}

/// The purpose table.
pub const PURPOSES: &[PurposeRule] = &[
    PurposeRule {
        purpose: P::DirectCare,
        rule: "CS-DIRECT",
        treatment: Treatment::Direct,
        basis: Some("directly involved in the same care (Jeugdwet 7.3.11 lid 2; KNMG)"),
        need_to_know: &[C::ConcernSummary, C::ScreeningResult, C::InstrumentScores, C::RiskFactors, C::MedicalData],
    },
    PurposeRule {
        purpose: P::MedicalReferral,
        rule: "CS-REFERRAL",
        treatment: Treatment::PresumedMedical,
        basis: Some("presumed consent for a medical referral and its feedback (WGBO; KNMG)"),
        need_to_know: &[C::ContactDetails, C::ConcernSummary, C::ScreeningResult, C::MedicalData],
    },
    PurposeRule {
        purpose: P::SchoolConsultation,
        rule: "CS-SCHOOL",
        treatment: Treatment::School,
        basis: None,
        need_to_know: &[C::ConcernSummary],
    },
    PurposeRule {
        purpose: P::VeiligThuisAdvice,
        rule: "CS-VT-ADVICE",
        treatment: Treatment::AnonymousAdvice,
        basis: Some("anonymous advice from Veilig Thuis needs no consent"),
        need_to_know: &[C::ConcernSummary, C::SafetySignals, C::ScreeningResult],
    },
    PurposeRule {
        purpose: P::VeiligThuisMelding,
        rule: "CS-VT-MELDING",
        treatment: Treatment::Melding,
        basis: Some("meldrecht (Wmo 2015 art. 5.2.6)"),
        need_to_know: &[C::ContactDetails, C::ConcernSummary, C::SafetySignals, C::ScreeningResult, C::RiskFactors],
    },
    PurposeRule {
        purpose: P::GiSupervision,
        rule: "CS-GI",
        treatment: Treatment::Gi,
        basis: Some(
            "information a gecertificeerde instelling needs for an ondertoezichtstelling (Jeugdwet 7.3.11 lid 4)",
        ),
        need_to_know: &[C::ContactDetails, C::ConcernSummary, C::ScreeningResult, C::SafetySignals],
    },
    PurposeRule {
        purpose: P::Referral,
        rule: "CS-DEFAULT",
        treatment: Treatment::Default,
        basis: None,
        need_to_know: &[
            C::ContactDetails,
            C::ConcernSummary,
            C::ScreeningResult,
            C::RiskFactors,
            C::FamilyCircumstances,
        ],
    },
    PurposeRule {
        purpose: P::Consultation,
        rule: "CS-DEFAULT",
        treatment: Treatment::Default,
        basis: None,
        need_to_know: &[C::ConcernSummary, C::ScreeningResult, C::RiskFactors],
    },
    PurposeRule {
        purpose: P::Coordination,
        rule: "CS-DEFAULT",
        treatment: Treatment::Default,
        basis: None,
        need_to_know: &[C::ContactDetails],
    },
];

/// The row applied to a purpose missing from the table: the strict default.
/// Every purpose has a row (a test checks this); the fallback keeps a newer
/// WIT purpose safe rather than permitted.
const FALLBACK: PurposeRule = PurposeRule {
    purpose: P::Referral,
    rule: "CS-DEFAULT",
    treatment: Treatment::Default,
    basis: None,
    need_to_know: &[C::ConcernSummary],
};

/// The row for a purpose.
pub fn rule_for(purpose: P) -> &'static PurposeRule {
    PURPOSES.iter().find(|r| r.purpose == purpose).unwrap_or(&FALLBACK)
}

/// The checklist for a conflict of duties (CS-CONFLICT).
pub const CONFLICT_CHECKLIST: &[&str] = &[
    "Was consent asked, and was it refused?",
    "Is there no other way to prevent the harm than sharing without consent?",
    "Will sharing almost certainly prevent serious harm to the child or another?",
    "Is the breach of confidentiality as small as possible (only what is needed, only to whom it is needed)?",
];
