//! Region B's routing rules as versioned data.
//!
//! Region B has three kinds of rule, each a table here: the care paths for
//! ADHD and depression it shares with the huisartsen, who signs a referral
//! to jeugdhulp now that the gemeentelijke toegang sits inside the JGZ
//! organisation, and the colleague consulted at meldcode step 2. The engine
//! in `engine.rs` only reads these rows; each row cites the finding of the
//! research report it rests on.

use wegwijs_kit::TableSource;
use wegwijs_types::{Action, DataCategory, Domain, Handler, Partner, Purpose, RouteKind, Urgency, Verwijzer};

/// The report region B is modelled on.
pub const REPORT: TableSource = TableSource {
    name: "Nader Onderzoek Jeugdgezondheidszorg en Jeugdhulp (Partners in jeugdbeleid, S. Hospers and Q. van der Zijden, October 2018), §1.2 Gemeente B",
    version: "regio-b routing rules r1",
};

// ---------------------------------------------------------------------------
// Care paths (zorgpaden) shared with the huisartsen.
// ---------------------------------------------------------------------------

/// One care path: which concerns put a child on it, and for which ages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarePath {
    /// Region rule id, cited on every route the path touches.
    pub rule: &'static str,
    /// The path's name as professionals use it.
    pub name: &'static str,
    /// Concern codes (intake vocabulary) that put the child on the path.
    pub concerns: &'static [&'static str],
    /// From this age in whole months (inclusive).
    pub from_months: u32,
    /// Up to this age in whole months (exclusive).
    pub until_months: u32,
}

/// The care paths and what following one means for the routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarePathTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// The paths.
    pub paths: &'static [CarePath],
    /// At these actions the path's referral step applies.
    pub referral_actions: &'static [Action],
    /// The path's referral: diagnostics and treatment at jeugd-GGZ.
    pub referral: (Partner, RouteKind),
    /// The guideline's route the path's referral takes over …
    pub replaces: (Partner, RouteKind),
    /// … when the case touches no concern domain outside these (safety
    /// excluded): then the care-path question is the whole question.
    /// Otherwise the path's referral is added beside it.
    pub covers: &'static [Domain],
    /// Why, when the guideline already refers to jeugd-GGZ.
    pub follow_why: &'static str,
    /// Why, when the path's referral takes over the guideline's route.
    pub replace_why: &'static str,
    /// Why, when the path's referral is added.
    pub add_why: &'static str,
    /// The conversation before the path's referral, after "Discuss with the parents".
    pub referral_conversation: &'static str,
    /// At these actions JGZ aligns with the huisarts on the path.
    pub align_actions: &'static [Action],
    /// The alignment route.
    pub align: (Partner, RouteKind),
    /// Its urgency.
    pub align_urgency: Urgency,
    /// Why JGZ aligns with the huisarts.
    pub align_why: &'static str,
    /// The conversation before aligning.
    pub align_conversation: &'static str,
}

/// The care paths of region B. The age range is the region's choice: both
/// paths start from the parent SDQ 4–17 that JGZ and the huisarts use.
pub const CARE_PATHS: CarePathTable = CarePathTable {
    provenance: REPORT,
    paths: &[
        CarePath {
            rule: "REGIO-B-ZORGPAD-ADHD",
            name: "ADHD",
            concerns: &["hyperactivity", "attention-problems"],
            from_months: 48,
            until_months: 216,
        },
        CarePath {
            rule: "REGIO-B-ZORGPAD-DEPRESSIE",
            name: "depressie",
            concerns: &["low-mood", "self-harm"],
            from_months: 48,
            until_months: 216,
        },
    ],
    referral_actions: &[Action::A3],
    referral: (Partner::JeugdGgz, RouteKind::Referral),
    replaces: (Partner::Wijkteam, RouteKind::Referral),
    // A medical question has its own route to the huisarts (the guideline's
    // medical-first rule), so it does not keep the toegang's route alive.
    covers: &[Domain::Psychosocial, Domain::School, Domain::Medical],
    follow_why: "the referral follows the care path that JGZ and the huisartsen developed together, so the family gets the same route whoever it sees first (report §1.2: zorgpaden for ADHD and depression)",
    replace_why: "on the shared care path a referral-level question goes to jeugd-GGZ for assessment and treatment, whoever the family sees first, instead of the toegang's general route (report §1.2: zorgpaden for ADHD and depression, so that it does not matter to whom a family goes for a referral)",
    add_why: "on the shared care path a referral-level question goes to jeugd-GGZ for assessment and treatment, whoever the family sees first; the toegang's route stays for the family's other problems (report §1.2: zorgpaden for ADHD and depression)",
    referral_conversation: "the referral to jeugd-GGZ along the care path the huisarts follows too, what it means for the family and how the warm handover is done",
    align_actions: &[Action::A2, Action::A3],
    align: (Partner::Huisarts, RouteKind::Coordination),
    align_urgency: Urgency::Soon,
    align_why: "JGZ tells the huisarts which step of the shared care path it takes, so the huisarts does not start a second route and the family gets one route whoever it sees first (report §1.2: the gemeente found JGZ and huisarts still too much two routes)",
    align_conversation: "that JGZ and their huisarts follow the same care path, and that JGZ tells the huisarts which step it takes",
};

// ---------------------------------------------------------------------------
// Who signs a referral to jeugdhulp.
// ---------------------------------------------------------------------------

/// One row of the verwijzer table: the JGZ handler and how a referral is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerwijzerRow {
    /// The handling professional.
    pub handler: Handler,
    /// The verwijzer code on the referral.
    pub verwijzer: Verwijzer,
    /// The referral goes through the team's jeugdarts, who signs it.
    pub via_jeugdarts: bool,
}

/// Who opens access to jeugdhulp in region B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BeschikkingTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// Region rule id for the jeugdarts rows.
    pub rule: &'static str,
    /// Referrals to these partners get the table's verwijzer.
    pub partners: &'static [Partner],
    /// Per handler.
    pub rows: &'static [VerwijzerRow],
    /// Why the jeugdarts signs.
    pub why: &'static str,
    /// Why a nurse's referral goes through the jeugdarts.
    pub step_why: &'static str,
    /// The conversation before the jeugdarts step.
    pub step_conversation: &'static str,
    /// Region rule id when a gecertificeerde instelling carries out an ondertoezichtstelling.
    pub gi_rule: &'static str,
    /// The verwijzer then.
    pub gi: Verwijzer,
    /// Why.
    pub gi_why: &'static str,
}

/// In region B the gemeentelijke toegang for youth (the medewerkers
/// jeugdhulp) is part of the JGZ organisation. A jeugdarts's ordinary
/// referral (03) opens access to jeugdhulp, so the medewerker jeugdhulp does
/// not have to write a full ondersteuningsplan for a beschikking first.
pub const BESCHIKKING: BeschikkingTable = BeschikkingTable {
    provenance: REPORT,
    rule: "REGIO-B-JEUGDARTS-VERWIJST",
    partners: &[Partner::Wijkteam, Partner::JeugdGgz],
    rows: &[
        VerwijzerRow { handler: Handler::Jeugdarts, verwijzer: Verwijzer::Jeugdarts, via_jeugdarts: false },
        VerwijzerRow { handler: Handler::Jeugdverpleegkundige, verwijzer: Verwijzer::Jeugdarts, via_jeugdarts: true },
        VerwijzerRow {
            handler: Handler::VerpleegkundigSpecialist,
            verwijzer: Verwijzer::Jeugdarts,
            via_jeugdarts: true,
        },
    ],
    why: "the toegang to jeugdhulp sits inside the JGZ organisation, and the jeugdarts's ordinary referral opens it, so the medewerker jeugdhulp need not write a full ondersteuningsplan for a beschikking first (report §1.2: routing the indication through the medewerker jeugdhulp costs needless time)",
    step_why: "the jeugdverpleegkundige brings the referral to the team's jeugdarts, who signs it as 03 Jeugdarts; in the same organisation this is quicker than a beschikking through the medewerker jeugdhulp (report §1.2)",
    step_conversation: "that the jeugdarts of the team will look at the case and sign the referral",
    gi_rule: "REGIO-B-GI-VERWIJST",
    gi: Verwijzer::GecertificeerdeInstelling,
    gi_why: "a gecertificeerde instelling carries out an ondertoezichtstelling and determines jeugdhulp in consultation with the gemeente, so neither the jeugdarts nor the toegang signs this referral",
};

// ---------------------------------------------------------------------------
// The colleague at meldcode step 2.
// ---------------------------------------------------------------------------

/// A consultation added beside a Veilig Thuis route; the Veilig Thuis route
/// itself is never changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SafetyConsultRule {
    /// Region rule id.
    pub rule: &'static str,
    /// The guideline's route the consultation accompanies.
    pub beside: (Partner, RouteKind),
    /// The consultation.
    pub route: (Partner, RouteKind),
    /// Why.
    pub why: &'static str,
    /// The conversation before it.
    pub conversation: &'static str,
}

/// At meldcode step 2 JGZ consults a medewerker jeugdhulp of its own
/// organisation beside asking Veilig Thuis for advice.
pub const SAFETY_CONSULT: SafetyConsultRule = SafetyConsultRule {
    rule: "REGIO-B-VEILIGHEID",
    beside: (Partner::VeiligThuisAdvice, RouteKind::Advice),
    route: (Partner::Wijkteam, RouteKind::Consultation),
    why: "at meldcode step 2 JGZ also consults a medewerker jeugdhulp of its own organisation as the expert colleague, because they have much experience with safety (report §1.2: less handelingsverlegenheid on safety, and a zorgmelding is now discussed with them sooner); the Veilig Thuis advice stays as it is",
    conversation: "that JGZ discusses the worry with an experienced medewerker jeugdhulp of its own organisation and asks Veilig Thuis for advice, unless that conversation endangers someone (meldcode step 3)",
};

// ---------------------------------------------------------------------------
// Disclosures and limits.
// ---------------------------------------------------------------------------

/// What a route the region creates needs to travel (checked by the consent stage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisclosureRow {
    /// The recipient.
    pub partner: Partner,
    /// The kind of route.
    pub kind: RouteKind,
    /// Why information travels.
    pub purpose: Purpose,
    /// Need-to-know data categories (CS-MINIMAL).
    pub data: &'static [DataCategory],
}

use DataCategory as D;

/// Disclosures of the routes region B's rules create. Aligning with the
/// huisarts is feedback on a medical referral path and carries only the
/// concern; the safety consultation carries the safety signals the
/// colleague must weigh, never contact details.
pub const DISCLOSURES: &[DisclosureRow] = &[
    DisclosureRow {
        partner: Partner::JeugdGgz,
        kind: RouteKind::Referral,
        purpose: Purpose::Referral,
        data: &[D::ContactDetails, D::ConcernSummary, D::ScreeningResult],
    },
    DisclosureRow {
        partner: Partner::Huisarts,
        kind: RouteKind::Coordination,
        purpose: Purpose::MedicalReferral,
        data: &[D::ConcernSummary],
    },
    DisclosureRow {
        partner: Partner::Jeugdarts,
        kind: RouteKind::Consultation,
        purpose: Purpose::DirectCare,
        data: &[D::ConcernSummary, D::ScreeningResult],
    },
    DisclosureRow {
        partner: Partner::Wijkteam,
        kind: RouteKind::Consultation,
        purpose: Purpose::Consultation,
        data: &[D::ConcernSummary, D::SafetySignals],
    },
];

/// Partners no region rule may change: the safety track belongs to the
/// guideline and the host's G-SAFETY guardrail.
pub const PROTECTED: &[Partner] = &[Partner::VeiligThuisAdvice, Partner::VeiligThuisMelding];

/// Reasons of a redirected route that speak about its old partner (its
/// verwijzer, its handover) and are replaced by the region's own reason.
pub const STALE_ON_REDIRECT: &[&str] = &["RT-AUTHORITY", "RT-WARM"];

/// Reasons of a referral that explain its verwijzer; when the region sets
/// another verwijzer they no longer hold and the region's reason replaces them.
pub const STALE_ON_VERWIJZER: &[&str] = &["RT-AUTHORITY"];

/// Warning when the host supplies no guideline result.
pub const NO_REFERENCE: &str = "REGIO-B-NO-REFERENCE";

/// Reason when no rule of the region applies.
pub const NO_CHANGE: &str = "REGIO-B-NO-CHANGE";
