//! Region A's routing rules as versioned data.
//!
//! Every rule of the region is a row here; the engine in `engine.rs` only
//! reads rows. A policy officer who wants to change what the region does
//! changes a row (or its sentence) and raises the table version, and the
//! region's case file says whether the change has the intended effect.
//! Each row cites the finding of the research report it rests on, so a
//! reader of a decision can trace a regional route back to the agreement
//! behind it.

use wegwijs_kit::TableSource;
use wegwijs_types::{Action, DataCategory, Domain, Handler, Partner, Purpose, RouteKind, SourceKind};

/// Conditions a rule needs besides the route it acts on. Every condition
/// that is left empty (or `None`, or `false`) holds for every case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// The screening's action must be one of these.
    pub actions: &'static [Action],
    /// The handling professional must be one of these.
    pub handlers: &'static [Handler],
    /// The normalised source of the signal must be one of these.
    pub sources: &'static [SourceKind],
    /// The case must touch at least one of these concern domains.
    pub domains: &'static [Domain],
    /// The child must be younger than this many months (an unborn child
    /// counts as younger; an unknown age does not).
    pub under_months: Option<u32>,
    /// Only when no gecertificeerde instelling carries out an
    /// ondertoezichtstelling: the GI then determines jeugdhulp, not the region.
    pub without_gi: bool,
    /// Only when the card has no route to this partner of this kind.
    pub without_route: Option<(Partner, RouteKind)>,
    /// Only routes whose reasons cite this rule id.
    pub route_cites: Option<&'static str>,
}

impl When {
    /// No condition at all; rows start here and set what they need.
    pub const ANY: When = When {
        actions: &[],
        handlers: &[],
        sources: &[],
        domains: &[],
        under_months: None,
        without_gi: false,
        without_route: None,
        route_cites: None,
    };
}

/// What a rule does to each route it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Sends the route to another partner; `kind: None` keeps its kind. A
    /// route to that partner of that kind already on the card absorbs it.
    Redirect {
        /// The new partner.
        to: Partner,
        /// The new kind, or `None` to keep it.
        kind: Option<RouteKind>,
    },
    /// Removes the route; the card says why.
    Drop,
    /// Brings the route to a named meeting: its local name becomes the
    /// value of the configuration key `key` (or `default` when unset).
    Venue {
        /// Region configuration key holding the meeting's name.
        key: &'static str,
        /// The name used when the key is unset.
        default: &'static str,
    },
}

/// One rule of the region: which routes it matches, when, what it does and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteRule {
    /// Region rule id, cited in the reason the change adds.
    pub rule: &'static str,
    /// The partner of the routes the rule acts on.
    pub partner: Partner,
    /// The kinds of those routes.
    pub kinds: &'static [RouteKind],
    /// Further conditions.
    pub when: When,
    /// The change.
    pub edit: Edit,
    /// Why the region does this, with the report's finding; completes the
    /// sentence "Region A changed this route …: ".
    pub why: &'static str,
    /// The conversation to have with the family first (G-SHARED), after
    /// "Discuss with the parents …"; empty for [`Edit::Drop`].
    pub conversation: &'static str,
}

/// The region's route rules, applied top to bottom: a later row sees the
/// routes earlier rows produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// The rules, in order.
    pub rows: &'static [RouteRule],
}

/// The report region A is modelled on.
pub const REPORT: TableSource = TableSource {
    name: "Nader Onderzoek Jeugdgezondheidszorg en Jeugdhulp (Partners in jeugdbeleid, S. Hospers and Q. van der Zijden, October 2018), §1.1 Gemeente A",
    version: "regio-a routing rules r1",
};

/// Who refers: the JGZ nurses of region A.
const NURSES: &[Handler] = &[Handler::Jeugdverpleegkundige, Handler::VerpleegkundigSpecialist];

/// The route rules of region A.
pub const RULES: RouteTable = RouteTable {
    provenance: REPORT,
    rows: &[
        RouteRule {
            rule: "REGIO-A-OT-HUB",
            partner: Partner::JeugdGgz,
            kinds: &[RouteKind::Consultation],
            when: When { actions: &[Action::A2], without_gi: true, ..When::ANY },
            edit: Edit::Redirect { to: Partner::Wijkteam, kind: None },
            why: "psychosocial questions go to the Ondersteuningsteam (OT), the hub of the youth domain, whose jeugdprofessionals include GGZ expertise; it discusses the question in its aanmeldoverleg without taking over the case (report §1.1: psychosocial questions from school go through the OT)",
            conversation: "that JGZ will discuss the question in the Ondersteuningsteam's aanmeldoverleg without handing over the case",
        },
        RouteRule {
            rule: "REGIO-A-OT-HUB",
            partner: Partner::JeugdGgz,
            kinds: &[RouteKind::Referral],
            when: When { actions: &[Action::A3], without_gi: true, ..When::ANY },
            edit: Edit::Redirect { to: Partner::Wijkteam, kind: None },
            why: "psychosocial problems are referred to the Ondersteuningsteam, which offers short ambulant help and casusregie up to 23 and whose consulenten issue a beschikking (verwijzer 01 Gemeente) when specialised jeugdhulp is needed, so the route carries no verwijzer of JGZ; the warm handover is kept, and the jeugdarts still refers directly (03) when the OT's aanmeldoverleg asks for it (report §1.1: the jeugdarts refers much to the OT and rarely straight to jeugdhulp)",
            conversation: "the referral to the Ondersteuningsteam, what its short help and casusregie mean for the family, and how the warm handover is done",
        },
        RouteRule {
            rule: "REGIO-A-ADVIESVERWIJZING",
            partner: Partner::Jeugdarts,
            kinds: &[RouteKind::Consultation],
            when: When {
                handlers: NURSES,
                without_route: Some((Partner::JeugdGgz, RouteKind::Referral)),
                route_cites: Some("RT-AUTHORITY"),
                ..When::ANY
            },
            edit: Edit::Drop,
            why: "the jeugdverpleegkundige refers to the Ondersteuningsteam herself (an 'adviesverwijzing' in region A), which needs no verwijzer, so the step through the jeugdarts that only prepared a jeugd-GGZ referral is not needed (report §1.1)",
            conversation: "",
        },
        RouteRule {
            rule: "REGIO-A-MEDISCH-JEUGDARTS",
            partner: Partner::Huisarts,
            kinds: &[RouteKind::Referral],
            when: When { handlers: &[Handler::Jeugdarts], domains: &[Domain::Medical], ..When::ANY },
            edit: Edit::Redirect { to: Partner::Jeugdarts, kind: Some(RouteKind::Support) },
            why: "medical questions go straight to the JGZ jeugdarts: the jeugdarts handling the case assesses the question herself at an extra consult and involves the huisarts or kinderarts only when needed (report §1.1: questions about weight, feeding, sleep or abdominal pain need not become a referral)",
            conversation: "an extra consult with the jeugdarts about the medical question, and when the huisarts or kinderarts would be involved",
        },
        RouteRule {
            rule: "REGIO-A-MEDISCH-JEUGDARTS",
            partner: Partner::Huisarts,
            kinds: &[RouteKind::Referral],
            when: When { handlers: NURSES, domains: &[Domain::Medical], ..When::ANY },
            edit: Edit::Redirect { to: Partner::Jeugdarts, kind: Some(RouteKind::Consultation) },
            why: "medical questions go straight to the JGZ jeugdarts, who assesses them at a consult on indication and involves the huisarts or kinderarts only when needed (report §1.1: medical questions from school go directly to the jeugdverpleegkundige or jeugdarts)",
            conversation: "that the team's jeugdarts will look at the medical question first",
        },
        RouteRule {
            rule: "REGIO-A-POH-JEUGD",
            partner: Partner::Wijkteam,
            kinds: &[RouteKind::Consultation, RouteKind::Referral],
            when: When { sources: &[SourceKind::Huisarts, SourceKind::PohJeugd], ..When::ANY },
            edit: Edit::Redirect { to: Partner::PohJeugd, kind: None },
            why: "the signal came from the huisarts practice, where a member of the Ondersteuningsteam works as POH-jeugd one day-part a week, so the OT's route runs through that POH-jeugd and the family is helped at the practice it knows (report §1.1: a pilot that is being extended)",
            conversation: "that the question is taken up by the Ondersteuningsteam's POH-jeugd at their own huisarts practice",
        },
        RouteRule {
            rule: "REGIO-A-AANMELDOVERLEG",
            partner: Partner::Wijkteam,
            kinds: &[RouteKind::Consultation, RouteKind::Referral],
            when: When { under_months: Some(48), ..When::ANY },
            edit: Edit::Venue {
                key: "ondersteuningsteam.aanmeldoverleg",
                default: "the Ondersteuningsteam's aanmeldoverleg",
            },
            why: "for a child under 4 the jeugdverpleegkundige of the JGZ 0–4 team takes part in the OT's aanmeldoverleg; with the parents' consent she looks into the file with the OT and together they agree who picks up the question best (report §1.1: set up after JGZ and OT had worked past each other, for example with older siblings)",
            conversation: "whether the jeugdverpleegkundige 0–4 may bring the question to the Ondersteuningsteam's aanmeldoverleg and look into the file there together with the OT",
        },
    ],
};

/// Who coordinates care when the guideline asks for one family, one plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoordinatorRule {
    /// Region rule id.
    pub rule: &'static str,
    /// Region configuration key naming the coordinator.
    pub key: &'static str,
    /// The coordinator when the key is unset.
    pub default: &'static str,
    /// Why, with the report's finding.
    pub why: &'static str,
}

/// The Ondersteuningsteam provides casusregie (RT-MULTI's care coordinator),
/// unless a gecertificeerde instelling carries out an ondertoezichtstelling.
pub const CASUSREGIE: CoordinatorRule = CoordinatorRule {
    rule: "REGIO-A-CASUSREGIE",
    key: "ondersteuningsteam.casusregie",
    default: "the casusregisseur of the Ondersteuningsteam",
    why: "the Ondersteuningsteam provides casusregie for youth up to 23 in region A and is the municipality's spider in the web (report §1.1)",
};

/// What a route the region creates needs to travel (checked by the consent stage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisclosureRow {
    /// The recipient.
    pub partner: Partner,
    /// The kind of route.
    pub kind: RouteKind,
    /// Why information travels; `None`: nothing travels.
    pub purpose: Option<Purpose>,
    /// Need-to-know data categories (CS-MINIMAL).
    pub data: &'static [DataCategory],
}

use DataCategory as D;

/// Disclosures of the routes region A's rules create. The Ondersteuningsteam
/// and its POH-jeugd are municipal youth professionals, not medical
/// practitioners, so a referral to them is a non-medical referral and a
/// consultation keeps the family's contact details at JGZ.
pub const DISCLOSURES: &[DisclosureRow] = &[
    DisclosureRow {
        partner: Partner::Wijkteam,
        kind: RouteKind::Consultation,
        purpose: Some(Purpose::Consultation),
        data: &[D::ConcernSummary, D::ScreeningResult],
    },
    DisclosureRow {
        partner: Partner::Wijkteam,
        kind: RouteKind::Referral,
        purpose: Some(Purpose::Referral),
        data: &[D::ContactDetails, D::ConcernSummary, D::ScreeningResult],
    },
    DisclosureRow {
        partner: Partner::PohJeugd,
        kind: RouteKind::Consultation,
        purpose: Some(Purpose::Consultation),
        data: &[D::ConcernSummary, D::ScreeningResult],
    },
    DisclosureRow {
        partner: Partner::PohJeugd,
        kind: RouteKind::Referral,
        purpose: Some(Purpose::Referral),
        data: &[D::ContactDetails, D::ConcernSummary, D::ScreeningResult],
    },
    DisclosureRow {
        partner: Partner::Jeugdarts,
        kind: RouteKind::Consultation,
        purpose: Some(Purpose::DirectCare),
        data: &[D::ConcernSummary, D::ScreeningResult],
    },
    // The jeugdarts handling the case sees the child herself: nothing travels.
    DisclosureRow { partner: Partner::Jeugdarts, kind: RouteKind::Support, purpose: None, data: &[] },
];

/// Partners no region rule may touch: the safety track belongs to the
/// guideline and the host's G-SAFETY guardrail.
pub const PROTECTED: &[Partner] = &[Partner::VeiligThuisAdvice, Partner::VeiligThuisMelding];

/// Reasons of a redirected route that speak about its old partner (its
/// verwijzer, its handover) and are replaced by the region's own reason.
pub const STALE_ON_REDIRECT: &[&str] = &["RT-AUTHORITY", "RT-WARM"];

/// Warning when the host supplies no guideline result.
pub const NO_REFERENCE: &str = "REGIO-A-NO-REFERENCE";

/// Reason when no rule of the region applies.
pub const NO_CHANGE: &str = "REGIO-A-NO-CHANGE";
