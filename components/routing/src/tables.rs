//! The rule tables of the routing stage, as versioned data.
//!
//! The three JGZ guidelines behind these tables are "in revision"; when one
//! changes, a table here changes and the engine in the other modules does
//! not. Every table therefore carries the name and version of the guideline
//! (or code list) it transcribes, as the region kit's `TableSource`, and the
//! engine only reads rows. Where the guideline gives no table and a row is a
//! sensible default instead, the row's text says so, because the brief
//! requires the reason to say so.
//!
//! Every sentence a row gives the card is a [`Wording`], in Dutch and in
//! English, so a row reads in the language the professional asked for;
//! the provenance names the guideline documents and stays as it is.

use wegwijs_kit::TableSource;
use wegwijs_types::{
    Action, DataCategory, Domain, Handler, Level, MeldcodeConclusion, Partner, Purpose, RouteKind, SourceKind,
    UnusableReason, Urgency, Verwijzer,
};

pub use wegwijs_types::Wording;

// ---------------------------------------------------------------------------
// RT-A0 … RT-A3: the child's own route per rung of the action ladder.
// ---------------------------------------------------------------------------

/// When a row of [`CHILD_ROUTES`] applies, on top of its action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// Always, at this action.
    Always,
    /// The risk card yields level `high` (RK-MULTI-DOMAIN).
    RiskCardHigh,
    /// The risk card yields level `concern` (RK-ONE-DOMAIN).
    RiskCardConcern,
    /// A valid psychosocial instrument is in the abnormal band (or maps to
    /// level concern or higher).
    InstrumentAbnormal,
    /// Two or more concern domains other than safety.
    MultiDomain,
    /// The psychosocial domain together with an abnormal instrument:
    /// suspected psychiatric problems.
    SuspectedPsychiatric,
    /// A social or parenting domain (see [`SOCIAL_DOMAINS`]), or the
    /// psychosocial domain without an abnormal instrument.
    SocialProblems,
    /// No other row of this action produced a route.
    NothingElse,
}

/// One row of the child's route table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChildRouteRow {
    /// Rung of the action ladder.
    pub action: Action,
    /// Extra condition.
    pub trigger: Trigger,
    /// Where to.
    pub partner: Partner,
    /// What kind of step.
    pub kind: RouteKind,
    /// Rule id cited.
    pub rule: &'static str,
    /// Reason sentence; the engine appends case specifics.
    pub text: Wording,
}

/// A table of routes for the child per action (RT-A1 … RT-A3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChildRouteTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// Rows, in the order routes are proposed.
    pub rows: &'static [ChildRouteRow],
}

/// Domains that count as social or parenting problems for the A3 wijkteam
/// route (RT-A3). Family circumstances are left out on purpose: RT-PARENT
/// routes them (AMW for debts, housing, income and relationship problems,
/// volwassenen-GGZ for a parent's illness), and the A3 fallback still sends
/// an otherwise unrouted case to the wijkteam.
pub const SOCIAL_DOMAINS: &[Domain] = &[Domain::ParentChild, Domain::Development, Domain::School, Domain::SubstanceUse];

/// The child's routes per action: assess again when the only evidence
/// could not be used (PS-UNUSABLE), RT-A1 light support, RT-A2 consultation
/// without handing over, RT-A3 referral.
pub const CHILD_ROUTES: ChildRouteTable = ChildRouteTable {
    provenance: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen (action ladder PS-LADDER, instruments PS-INSTRUMENT) with JGZ-richtlijn Ouder-kindrelatie (risk card)",
        version: "2016 / 2021",
    },
    rows: &[
        ChildRouteRow {
            action: Action::Reassess,
            trigger: Trigger::Always,
            partner: Partner::JgzLightSupport,
            kind: RouteKind::Support,
            rule: "PS-UNUSABLE",
            text: Wording {
                nl: "Onvoldoende informatie: een uitkomst van een instrument is niet bruikbaar en niets anders onderbouwt het niveau, dus de JGZ beoordeelt opnieuw voordat er iets wordt geconcludeerd",
                en: "Insufficient information: an instrument result could not be used and nothing else carries the level, so JGZ assesses again before drawing any conclusion",
            },
        },
        ChildRouteRow {
            action: Action::A1,
            trigger: Trigger::Always,
            partner: Partner::JgzLightSupport,
            kind: RouteKind::Support,
            rule: "RT-A1",
            text: Wording {
                nl: "Actie A1: de JGZ houdt de casus zelf en biedt advies of lichte ondersteuning (extra contact, opvoedondersteuning, video-interactiebegeleiding)",
                en: "Action A1: JGZ keeps the case and offers advice or light support (extra contact, opvoedondersteuning, video-feedback)",
            },
        },
        ChildRouteRow {
            action: Action::A2,
            trigger: Trigger::RiskCardHigh,
            partner: Partner::ImhConsultation,
            kind: RouteKind::Consultation,
            rule: "RT-A2",
            text: Wording {
                nl: "Actie A2 met de risicokaart op niveau hoog (RK-MULTI-DOMAIN): consulteer een specialist jonge kind / Infant Mental Health zonder de casus over te dragen",
                en: "Action A2 with risk card level high (RK-MULTI-DOMAIN): consult a young-child / Infant Mental Health specialist without handing over the case",
            },
        },
        ChildRouteRow {
            action: Action::A2,
            trigger: Trigger::RiskCardHigh,
            partner: Partner::Wijkteam,
            kind: RouteKind::Consultation,
            rule: "RT-A2",
            text: Wording {
                nl: "Actie A2 met de risicokaart op niveau hoog (RK-MULTI-DOMAIN): consulteer ook het sociaal wijkteam en overweeg één integraal plan",
                en: "Action A2 with risk card level high (RK-MULTI-DOMAIN): also consult the wijkteam and consider one integrated plan",
            },
        },
        ChildRouteRow {
            action: Action::A2,
            trigger: Trigger::InstrumentAbnormal,
            partner: Partner::JeugdGgz,
            kind: RouteKind::Consultation,
            rule: "RT-A2",
            text: Wording {
                nl: "Actie A2 met een psychosociaal instrument in het afwijkende gebied: consulteer de jeugd-GGZ zonder de casus over te dragen",
                en: "Action A2 with a psychosocial instrument in the abnormal band: consult jeugd-GGZ without handing over the case",
            },
        },
        ChildRouteRow {
            action: Action::A2,
            trigger: Trigger::RiskCardConcern,
            partner: Partner::Wijkteam,
            kind: RouteKind::Consultation,
            rule: "RT-A2",
            text: Wording {
                nl: "Actie A2 met de risicokaart op niveau zorg (RK-ONE-DOMAIN): ga na welke hulpverleners al betrokken zijn en bespreek de casus daarna in het aanmeldoverleg van het sociaal wijkteam",
                en: "Action A2 with risk card level concern (RK-ONE-DOMAIN): discuss the case in the wijkteam's aanmeldoverleg after checking which helpers are already involved",
            },
        },
        ChildRouteRow {
            action: Action::A2,
            trigger: Trigger::MultiDomain,
            partner: Partner::Wijkteam,
            kind: RouteKind::Consultation,
            rule: "RT-A2",
            text: Wording {
                nl: "Actie A2 met zorgen op twee of meer domeinen: bespreek de casus in het aanmeldoverleg van het sociaal wijkteam",
                en: "Action A2 with concerns in two or more domains: discuss the case in the wijkteam's aanmeldoverleg",
            },
        },
        ChildRouteRow {
            action: Action::A2,
            trigger: Trigger::NothingElse,
            partner: Partner::Wijkteam,
            kind: RouteKind::Consultation,
            rule: "RT-A2",
            text: Wording {
                nl: "Actie A2 zonder specifieke aanleiding voor consultatie: het aanmeldoverleg van het sociaal wijkteam is de standaardplek om te consulteren (een standaardkeuze; de richtlijn noemt er geen)",
                en: "Action A2 without a specific consultation trigger: the wijkteam's aanmeldoverleg is the default place to consult (a default; the guideline names none)",
            },
        },
        ChildRouteRow {
            action: Action::A3,
            trigger: Trigger::SuspectedPsychiatric,
            partner: Partner::JeugdGgz,
            kind: RouteKind::Referral,
            rule: "RT-A3",
            text: Wording {
                nl: "Actie A3 met psychosociale zorgen en een afwijkende uitkomst op een instrument: vermoeden van psychiatrische problematiek, verwijs naar de jeugd-GGZ",
                en: "Action A3 with psychosocial concerns and an abnormal instrument result: suspected psychiatric problems, refer to jeugd-GGZ",
            },
        },
        ChildRouteRow {
            action: Action::A3,
            trigger: Trigger::SocialProblems,
            partner: Partner::Wijkteam,
            kind: RouteKind::Referral,
            rule: "RT-A3",
            text: Wording {
                nl: "Actie A3 met sociale of opvoedproblemen: verwijs naar het sociaal wijkteam (gemeentelijke toegang)",
                en: "Action A3 with social or parenting problems: refer to the sociaal wijkteam (gemeentelijke toegang)",
            },
        },
        ChildRouteRow {
            action: Action::A3,
            trigger: Trigger::NothingElse,
            partner: Partner::Wijkteam,
            kind: RouteKind::Referral,
            rule: "RT-A3",
            text: Wording {
                nl: "Actie A3 zonder gecodeerd domein dat naar een andere partner wijst: verwijs naar het sociaal wijkteam, de gemeentelijke toegang (een standaardkeuze; de richtlijn noemt er geen)",
                en: "Action A3 without a coded domain that points elsewhere: refer to the sociaal wijkteam, the gemeentelijke toegang (a default; the guideline names none)",
            },
        },
    ],
};

/// What to do about an instrument result that could not be used (PS-UNUSABLE).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnusableRow {
    /// Why the result could not be used; `None`: marked invalid without a reason.
    pub reason: Option<UnusableReason>,
    /// Why, for "{instrument} {why}".
    pub why: Wording,
    /// What the professional does, for "…: {todo}".
    pub todo: Wording,
}

/// The PS-UNUSABLE table: an unusable result is never read as normal; the
/// card says which instrument could not be used, why, and what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnusableTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// Per reason; the row with `reason: None` is the fallback.
    pub rows: &'static [UnusableRow],
}

/// PS-UNUSABLE with PS-INSTRUMENT (instrument per age) and PS-SDQ-SCORE
/// (a scale needs three of its five answers).
pub const UNUSABLE: UnusableTable = UnusableTable {
    provenance: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen (instrument per age; SDQ scoring: a scale needs at least three answers)",
        version: "2016",
    },
    rows: &[
        UnusableRow {
            reason: Some(UnusableReason::OutsideAgeRange),
            why: Wording { nl: "is buiten het leeftijdsbereik afgenomen", en: "was used outside its age range" },
            todo: Wording {
                nl: "gebruik het instrument dat de richtlijn voor deze leeftijd noemt",
                en: "use the instrument the guideline names for this age",
            },
        },
        UnusableRow {
            reason: Some(UnusableReason::WrongVersion),
            why: Wording { nl: "is niet de versie voor deze leeftijd", en: "is not the version for this age" },
            todo: Wording { nl: "gebruik de versie voor deze leeftijd", en: "use the version for this age" },
        },
        UnusableRow {
            reason: Some(UnusableReason::Incomplete),
            why: Wording {
                nl: "heeft een schaal met minder dan drie antwoorden, dus de totaalscore is niet te berekenen",
                en: "has a scale with fewer than three answers, so its total cannot be scored",
            },
            todo: Wording { nl: "vul de ontbrekende items aan", en: "complete the missing items" },
        },
        UnusableRow {
            reason: None,
            why: Wording { nl: "is gemarkeerd als niet geldig", en: "is marked as not valid" },
            todo: Wording { nl: "neem het instrument opnieuw af", en: "administer it again" },
        },
    ],
};

/// The medical-first rule of RT-A3: somatic questions go first to the
/// huisarts, or to the kinderarts when a medisch specialist raised the
/// signal, to rule out medical causes. Applied at A1, A2 and A3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MedicalFirstTable {
    /// Where the rule comes from.
    pub provenance: TableSource,
    /// The domain that triggers it.
    pub domain: Domain,
    /// Actions at which it applies.
    pub actions: &'static [Action],
    /// The default partner.
    pub partner: Partner,
    /// Sources after which the specialist partner is used instead.
    pub specialist_sources: &'static [SourceKind],
    /// The partner when the source is a specialist.
    pub specialist_partner: Partner,
}

/// Medical first (RT-A3, also applied at A1 and A2).
pub const MEDICAL_FIRST: MedicalFirstTable = MedicalFirstTable {
    provenance: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen (exclude medical causes before referral)",
        version: "2016",
    },
    domain: Domain::Medical,
    actions: &[Action::A1, Action::A2, Action::A3],
    partner: Partner::Huisarts,
    specialist_sources: &[SourceKind::MedischSpecialist],
    specialist_partner: Partner::Kinderarts,
};

// ---------------------------------------------------------------------------
// RT-SCHOOL-AGE: the school or childcare information source by age.
// ---------------------------------------------------------------------------

/// One age band of the school / childcare information table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchoolRow {
    /// From this age in whole months (inclusive).
    pub from_months: u32,
    /// Up to this age in whole months (exclusive).
    pub to_months: u32,
    /// The information source for single problems.
    pub partner: Partner,
    /// The information source for complex problems, when it differs.
    pub complex_partner: Option<Partner>,
    /// Who that is, for the reason text.
    pub text: Wording,
}

/// The school / childcare information table (RT-SCHOOL-AGE) with the
/// definition of "complex" for secondary school.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchoolTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// Actions at which school or childcare is consulted.
    pub actions: &'static [Action],
    /// Age bands.
    pub rows: &'static [SchoolRow],
    /// The child's concern domains school or childcare can inform on; a
    /// case whose own concerns lie only outside them (family circumstances,
    /// medical, safety) gets no information route.
    pub domains: &'static [Domain],
    /// A valid psychosocial instrument at this level or higher is itself a
    /// psychosocial concern of the child that school or childcare can inform on.
    pub instrument_from: Level,
    /// A risk card at this level or higher is a concern about the
    /// parent–child relationship that school or childcare can inform on.
    pub risk_card_from: Level,
    /// Concern codes that make a problem complex (school absence).
    pub complex_concerns: &'static [&'static str],
    /// Domains that make a problem complex (substance use).
    pub complex_domains: &'static [Domain],
    /// This many concern domains (safety excluded) make a problem complex.
    pub complex_domain_count: usize,
}

/// RT-SCHOOL-AGE. Only for A1 and up, for children under 18, and only when
/// the child's own concerns are ones school or childcare can inform on: the
/// guideline names school and childcare as the first place to ask when a
/// suspected psychosocial problem of the child needs further inquiry, and
/// the Ouder-kindrelatie guideline adds that they see problems in the
/// parent–child relationship. For debts, housing or a parent's illness with
/// no concern about the child there is nothing to ask them (RT-PARENT
/// routes those to the family's own helpers).
pub const SCHOOL_AGE: SchoolTable = SchoolTable {
    provenance: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen (samenwerking kinderopvang en onderwijs: the first place to ask about a suspected psychosocial problem) with JGZ-richtlijn Ouder-kindrelatie (onderwijs en kinderopvang signal problems in the parent–child relationship)",
        version: "2016 / 2021",
    },
    actions: &[Action::A1, Action::A2, Action::A3],
    rows: &[
        SchoolRow {
            from_months: 0,
            to_months: 48,
            partner: Partner::Kinderopvang,
            complex_partner: None,
            text: Wording {
                nl: "onder de 4 jaar is de kinderopvang of peuterspeelzaal de eerste informatiebron",
                en: "under 4 the kinderopvang or peuterspeelzaal is the first source of information",
            },
        },
        SchoolRow {
            from_months: 48,
            to_months: 144,
            partner: Partner::PrimarySchool,
            complex_partner: None,
            text: Wording {
                nl: "van 4 tot 12 jaar is de basisschool (leerkracht, intern begeleider) met haar zorgstructuur de eerste informatiebron",
                en: "from 4 to 12 the primary school (leerkracht, intern begeleider) and its care structure",
            },
        },
        SchoolRow {
            from_months: 144,
            to_months: 216,
            partner: Partner::SchoolMentor,
            complex_partner: Some(Partner::SchoolZorgteam),
            text: Wording {
                nl: "in het voortgezet onderwijs is de mentor de eerste informatiebron bij een enkelvoudig probleem, en het zorg- en adviesteam via de zorgcoördinator bij complexe problemen",
                en: "in secondary school the mentor for a single problem, the zorgteam via the zorgcoördinator for complex problems",
            },
        },
    ],
    domains: &[Domain::Psychosocial, Domain::ParentChild, Domain::Development, Domain::School, Domain::SubstanceUse],
    instrument_from: Level::Attention,
    risk_card_from: Level::Concern,
    complex_concerns: &["school-absence", "absenteeism", "truancy", "school-refusal", "verzuim"],
    complex_domains: &[Domain::SubstanceUse],
    complex_domain_count: 2,
};

// ---------------------------------------------------------------------------
// RT-PARENT: problems of a parent and of family circumstances.
// ---------------------------------------------------------------------------

/// The route for a parent's own problems in one situation (RT-PARENT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParentRoute {
    /// What kind of step it is.
    pub kind: RouteKind,
    /// Reason sentence; the engine prefixes why the route applies.
    pub text: Wording,
}

/// Which codes lead to a route for a parent (RT-PARENT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParentTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// Risk factor or concern codes for a parent's psychiatric or addiction
    /// problems → volwassenen-GGZ / verslavingszorg via the parent's huisarts.
    pub parent_ggz_codes: &'static [&'static str],
    /// Kindcheck sources: the signal comes from the parent's own treater in
    /// adult care, so the parent is already in treatment.
    pub parent_ggz_sources: &'static [SourceKind],
    /// The parent is not in treatment: a referral through the parent's huisarts.
    pub referral: ParentRoute,
    /// The parent is already in treatment (`parent_in_treatment`, or a
    /// kindcheck signal from adult care): no new referral, align with the
    /// treater instead.
    pub in_treatment: ParentRoute,
    /// Concern codes for debts, housing, income, relationship, divorce or
    /// parental conflict → algemeen maatschappelijk werk.
    pub amw_codes: &'static [&'static str],
}

/// RT-PARENT, independent of the A-level.
pub const PARENT: ParentTable = ParentTable {
    provenance: TableSource {
        name: "JGZ-richtlijn Ouder-kindrelatie (risk factors of parents; samenwerking met volwassenen-GGZ) with the Meldcode kindcheck and the oudercheck (one family, one plan)",
        version: "2021 / 2018",
    },
    referral: ParentRoute {
        kind: RouteKind::Referral,
        text: Wording {
            nl: "volwassenen-GGZ of verslavingszorg via de eigen huisarts van de ouder, naast de route voor het kind; het is de eigen zorg van de ouder, dus de ouder beslist zelf en geeft zelf toestemming",
            en: "volwassenen-GGZ or verslavingszorg through the parent's own huisarts, in addition to the child's route; it is the parent's own care, so the parent decides and consents for themself",
        },
    },
    in_treatment: ParentRoute {
        kind: RouteKind::Coordination,
        text: Wording {
            nl: "geen nieuwe verwijzing; stem af met de behandelaar van de ouder in de volwassenen-GGZ of verslavingszorg (kindcheck / oudercheck), zodat het gezin één plan heeft waarin de route van het kind en de behandeling van de ouder op elkaar aansluiten",
            en: "no new referral; align with the parent's treater in volwassenen-GGZ or verslavingszorg (kindcheck / oudercheck), so the family has one plan in which the child's route and the parent's treatment fit together",
        },
    },
    parent_ggz_codes: &[
        "parent-psychiatric-problems",
        "parent-psychiatric-crisis",
        "parent-addiction",
        "parental-mental-illness",
        "parental-addiction",
    ],
    parent_ggz_sources: &[SourceKind::VolwassenenGgz, SourceKind::Verslavingszorg],
    amw_codes: &[
        "debts",
        "debt",
        "financial-problems",
        "income-problems",
        "low-income",
        "housing-problems",
        "housing",
        "homelessness",
        "eviction",
        "relationship-problems",
        "divorce",
        "complex-divorce",
        "parental-conflict",
        "conflict-between-parents",
    ],
};

// ---------------------------------------------------------------------------
// RT-MULTI: one family, one plan.
// ---------------------------------------------------------------------------

/// Thresholds of one family, one plan and the Verwijsindex (RT-MULTI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MultiTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// This many helpers already involved → one plan.
    pub helpers: u8,
    /// This many concern domains (safety excluded) …
    pub domains: usize,
    /// … together with this many external partners → one plan.
    pub partners: usize,
    /// A Verwijsindex signal needs a *redelijk vermoeden* that the youth's
    /// development or safety is threatened: the screening level at least
    /// this …
    pub vir_level: Level,
    /// … or one of these actions (for the child, or S for the card).
    pub vir_actions: &'static [Action],
    /// … and multidisciplinary alignment: at least this many organisations
    /// outside JGZ, counted as the larger of the helpers already involved
    /// and the partners proposed to take part in the care (a helper already
    /// involved may be the partner proposed, so the two are not added). One
    /// organisation is never enough: being a client of one organisation is
    /// no reason to signal.
    pub vir_organisations: usize,
    /// The route kinds by which a proposed partner takes part in the care
    /// (the youth becomes its client): a referral, a melding, coordinating
    /// with a GI or the parent's treater. A consultation or an information
    /// request leaves the case with JGZ and does not count.
    pub vir_kinds: &'static [RouteKind],
    /// The Verwijsindex covers youth up to this age in whole months (exclusive).
    pub vir_until_months: u32,
    /// Urgency of the Verwijsindex coordination route (a default; the guideline names none).
    pub coordination_urgency: Urgency,
}

/// RT-MULTI.
pub const MULTI: MultiTable = MultiTable {
    provenance: TableSource {
        name: "1 gezin, 1 plan, 1 regisseur (Jeugdwet) with the Verwijsindex risicojongeren (Jeugdwet afdeling 7.1.4: redelijk vermoeden and multidisciplinary alignment; Handreiking melden: being a client of one organisation is no reason to signal)",
        version: "Jeugdwet 2015",
    },
    helpers: 2,
    domains: 2,
    partners: 2,
    vir_level: Level::Concern,
    vir_actions: &[Action::A2, Action::A3, Action::S],
    vir_organisations: 2,
    vir_kinds: &[RouteKind::Referral, RouteKind::Melding, RouteKind::Coordination],
    vir_until_months: 23 * 12,
    coordination_urgency: Urgency::Soon,
};

// ---------------------------------------------------------------------------
// RT-AUTHORITY: verwijzer codes.
// ---------------------------------------------------------------------------

/// One row of the verwijzer table: the JGZ handler and how a referral to
/// jeugdhulp is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerwijzerRow {
    /// The handling professional.
    pub handler: Handler,
    /// The verwijzer code the referral carries.
    pub verwijzer: Verwijzer,
    /// The referral goes through the team's jeugdarts, who may refer.
    pub via_jeugdarts: bool,
}

/// The verwijzer table (RT-AUTHORITY).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerwijzerTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// Per handler.
    pub rows: &'static [VerwijzerRow],
    /// The code when a gecertificeerde instelling carries out an
    /// ondertoezichtstelling.
    pub gi: Verwijzer,
    /// The code the gemeente puts on its beschikking after a wijkteam route.
    pub gemeente: Verwijzer,
}

/// RT-AUTHORITY: iJw/CBS verwijzer codes 01–08.
pub const VERWIJZER: VerwijzerTable = VerwijzerTable {
    provenance: TableSource {
        name: "Handreiking verwijzen jeugdhulp / iJw verwijzercodes (codelijst COD327, CBS Beleidsinformatie Jeugd)",
        version: "iJw 2016 (codes 01–08)",
    },
    rows: &[
        VerwijzerRow { handler: Handler::Jeugdarts, verwijzer: Verwijzer::Jeugdarts, via_jeugdarts: false },
        VerwijzerRow { handler: Handler::Jeugdverpleegkundige, verwijzer: Verwijzer::Jeugdarts, via_jeugdarts: true },
        VerwijzerRow {
            handler: Handler::VerpleegkundigSpecialist,
            verwijzer: Verwijzer::Jeugdarts,
            via_jeugdarts: true,
        },
    ],
    gi: Verwijzer::GecertificeerdeInstelling,
    gemeente: Verwijzer::Gemeente,
};

// ---------------------------------------------------------------------------
// RT-WARM: warm handover.
// ---------------------------------------------------------------------------

/// Partners to whom a referral changes hands (RT-WARM).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HandoverTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// A referral to one of these gets a warm (or written) handover.
    pub changes_hands: &'static [Partner],
}

/// RT-WARM.
pub const HANDOVER: HandoverTable = HandoverTable {
    provenance: TableSource { name: "JGZ-richtlijn Psychosociale problemen (warme overdracht)", version: "2016" },
    changes_hands: &[Partner::Wijkteam, Partner::JeugdGgz, Partner::Amw, Partner::Huisarts, Partner::Kinderarts],
};

// ---------------------------------------------------------------------------
// RT-URGENCY.
// ---------------------------------------------------------------------------

/// The urgency of the child's route at one rung of the action ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionUrgency {
    /// The rung.
    pub action: Action,
    /// Its urgency.
    pub urgency: Urgency,
    /// Why, for the RT-URGENCY reason after "Urgency {urgency}: " (Dutch:
    /// "Urgentie {urgency}: ").
    pub text: Wording,
}

/// Default urgency per rung of the action ladder (RT-URGENCY).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrgencyTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// Per action of the child's route.
    pub by_action: &'static [ActionUrgency],
    /// A melding with acute unsafety, or Veilig Thuis at step 2 at once.
    pub acute: Urgency,
    /// Veilig Thuis advice or a non-acute melding (safety assessment).
    pub veilig_thuis: Urgency,
    /// A referral for a parent (RT-PARENT).
    pub parent: Urgency,
}

/// RT-URGENCY. The A2 row (soon) is a default: the guideline names no
/// urgency for consultation.
pub const URGENCY: UrgencyTable = UrgencyTable {
    provenance: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen with the Meldcode (Veilig Thuis: 5 working days for a safety assessment)",
        version: "2016 / 2018",
    },
    by_action: &[
        ActionUrgency {
            action: Action::Reassess,
            urgency: Urgency::Soon,
            text: Wording {
                nl: "een standaardkeuze, want de richtlijn noemt geen urgentie voor een beoordeling die niet kon worden afgerond; een onbruikbare uitkomst hoort niet te wachten tot het volgende reguliere contact",
                en: "a default, because the guideline names no urgency for an assessment that could not be completed; an unusable result should not wait for the next regular contact",
            },
        },
        ActionUrgency {
            action: Action::A0,
            urgency: Urgency::NextContact,
            text: Wording {
                nl: "actie A0 komt aan bod bij het volgende reguliere contact",
                en: "action A0 is handled at the next regular contact",
            },
        },
        ActionUrgency {
            action: Action::A1,
            urgency: Urgency::NextContact,
            text: Wording {
                nl: "actie A1 komt aan bod bij het volgende reguliere contact",
                en: "action A1 is handled at the next regular contact",
            },
        },
        ActionUrgency {
            action: Action::A2,
            urgency: Urgency::Soon,
            text: Wording {
                nl: "de standaard voor een stap bij A2 (een standaardkeuze: de richtlijn noemt geen urgentie voor consultatie)",
                en: "the default for a step at A2 (a default: the guideline names no urgency for consultation)",
            },
        },
        ActionUrgency {
            action: Action::A3,
            urgency: Urgency::Soon,
            text: Wording { nl: "een verwijzing bij A3", en: "an A3 referral" },
        },
    ],
    acute: Urgency::Immediate,
    veilig_thuis: Urgency::WithinFiveWorkingDays,
    parent: Urgency::Soon,
};

// ---------------------------------------------------------------------------
// Meldcode: the safety track.
// ---------------------------------------------------------------------------

/// One row of the meldcode table: what a conclusion means for routing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeldcodeRow {
    /// The screening's meldcode conclusion.
    pub conclusion: MeldcodeConclusion,
    /// The Veilig Thuis route, if any.
    pub route: Option<(Partner, RouteKind)>,
    /// Rule id cited.
    pub rule: &'static str,
    /// Reason sentence.
    pub text: Wording,
}

/// The meldcode table (MC-STEPS, MC-Q1 … MC-Q5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeldcodeTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// Per conclusion.
    pub rows: &'static [MeldcodeRow],
}

/// Meldcode huiselijk geweld en kindermishandeling with its afwegingskader.
pub const MELDCODE: MeldcodeTable = MeldcodeTable {
    provenance: TableSource {
        name: "Meldcode huiselijk geweld en kindermishandeling (afwegingskader, in force 1 January 2019)",
        version: "2018",
    },
    rows: &[
        MeldcodeRow {
            conclusion: MeldcodeConclusion::Close,
            route: None,
            rule: "MC-Q1",
            text: Wording {
                nl: "Geen vermoeden van (dreigend) huiselijk geweld of kindermishandeling: sluit het meldcodetraject af en leg dat vast; geen route naar Veilig Thuis",
                en: "No suspicion of (threat of) domestic violence or child abuse: close the meldcode track and record it; no Veilig Thuis route",
            },
        },
        MeldcodeRow {
            conclusion: MeldcodeConclusion::Assess,
            route: Some((Partner::VeiligThuisAdvice, RouteKind::Advice)),
            rule: "MC-STEPS",
            text: Wording {
                nl: "Er is een vermoeden dat nog wordt onderzocht: overleg bij stap 2 met een collega of de aandachtsfunctionaris en vraag advies bij Veilig Thuis, desgewenst anoniem",
                en: "A suspicion is under assessment: at step 2 consult a colleague or the aandachtsfunctionaris and ask Veilig Thuis for advice, anonymously if wished",
            },
        },
        MeldcodeRow {
            conclusion: MeldcodeConclusion::Help,
            route: None,
            rule: "MC-Q5",
            text: Wording {
                nl: "Hulp is aangeboden en aanvaard: volg de veiligheid met afgesproken termijnen; leidt de hulp niet binnen de afgesproken tijd tot veiligheid, doe dan alsnog een melding",
                en: "Help is offered and accepted: monitor with agreed terms; if the help does not lead to safety in the agreed time, make a melding after all",
            },
        },
        MeldcodeRow {
            conclusion: MeldcodeConclusion::Melding,
            route: Some((Partner::VeiligThuisMelding, RouteKind::Melding)),
            rule: "MC-STEPS",
            text: Wording {
                nl: "Stap 5 van de meldcode: doe een melding bij Veilig Thuis",
                en: "Step 5 of the meldcode: make a melding at Veilig Thuis",
            },
        },
    ],
};

// ---------------------------------------------------------------------------
// Disclosures (consent will check these, §3).
// ---------------------------------------------------------------------------

/// One row of the disclosure table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisclosureRow {
    /// The recipient.
    pub partner: Partner,
    /// The route kind the row is for; `None` matches any kind.
    pub kind: Option<RouteKind>,
    /// Why information travels; `None`: nothing travels.
    pub purpose: Option<Purpose>,
    /// Need-to-know data categories (CS-MINIMAL).
    pub data: &'static [DataCategory],
}

/// The disclosure table: what each route needs to travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisclosureTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// Rows; the first match (partner and kind) wins.
    pub rows: &'static [DisclosureRow],
}

use DataCategory as D;

/// Disclosures per route, need-to-know (CS-MINIMAL). Consultations come
/// before referrals so a consultation never carries referral data.
pub const DISCLOSURES: DisclosureTable = DisclosureTable {
    provenance: TableSource {
        name: "Jeugdwet 7.3.11 and afdeling 7.1.4 (Verwijsindex), KNMG-richtlijn Omgaan met medische gegevens, Wmo 2015 art. 5.2.6 (guideline brief §3)",
        version: "2015 / 2021",
    },
    rows: &[
        DisclosureRow { partner: Partner::JgzLightSupport, kind: None, purpose: None, data: &[] },
        DisclosureRow {
            partner: Partner::Jeugdarts,
            kind: None,
            purpose: Some(Purpose::DirectCare),
            data: &[D::ConcernSummary, D::ScreeningResult],
        },
        DisclosureRow {
            partner: Partner::VeiligThuisMelding,
            kind: None,
            purpose: Some(Purpose::VeiligThuisMelding),
            data: &[D::ContactDetails, D::ConcernSummary, D::SafetySignals, D::ScreeningResult],
        },
        DisclosureRow {
            partner: Partner::VeiligThuisAdvice,
            kind: None,
            purpose: Some(Purpose::VeiligThuisAdvice),
            data: &[D::ConcernSummary, D::SafetySignals],
        },
        // The index holds only that JGZ is involved, never what is going on (CS-VIR).
        DisclosureRow {
            partner: Partner::Verwijsindex,
            kind: None,
            purpose: Some(Purpose::VerwijsindexSignal),
            data: &[D::ContactDetails],
        },
        DisclosureRow {
            partner: Partner::GecertificeerdeInstelling,
            kind: None,
            purpose: Some(Purpose::GiSupervision),
            data: &[D::ConcernSummary, D::ScreeningResult],
        },
        DisclosureRow {
            partner: Partner::Kinderopvang,
            kind: None,
            purpose: Some(Purpose::SchoolConsultation),
            data: &[D::ConcernSummary],
        },
        DisclosureRow {
            partner: Partner::PrimarySchool,
            kind: None,
            purpose: Some(Purpose::SchoolConsultation),
            data: &[D::ConcernSummary],
        },
        DisclosureRow {
            partner: Partner::SchoolMentor,
            kind: None,
            purpose: Some(Purpose::SchoolConsultation),
            data: &[D::ConcernSummary],
        },
        DisclosureRow {
            partner: Partner::SchoolZorgteam,
            kind: None,
            purpose: Some(Purpose::SchoolConsultation),
            data: &[D::ConcernSummary],
        },
        // The parent's own care, a referral or aligning with the treater:
        // only what that care needs (CS-OWN-CARE, CS-MINIMAL).
        DisclosureRow {
            partner: Partner::ParentGgz,
            kind: None,
            purpose: Some(Purpose::ParentOwnCare),
            data: &[D::ConcernSummary],
        },
        // Any consultation: the case stays with JGZ, so no contact details.
        DisclosureRow {
            partner: Partner::ImhConsultation,
            kind: Some(RouteKind::Consultation),
            purpose: Some(Purpose::Consultation),
            data: &[D::ConcernSummary, D::ScreeningResult],
        },
        DisclosureRow {
            partner: Partner::JeugdGgz,
            kind: Some(RouteKind::Consultation),
            purpose: Some(Purpose::Consultation),
            data: &[D::ConcernSummary, D::ScreeningResult],
        },
        DisclosureRow {
            partner: Partner::Wijkteam,
            kind: Some(RouteKind::Consultation),
            purpose: Some(Purpose::Consultation),
            data: &[D::ConcernSummary, D::ScreeningResult],
        },
        DisclosureRow {
            partner: Partner::JeugdGgz,
            kind: Some(RouteKind::Referral),
            purpose: Some(Purpose::Referral),
            data: &[D::ContactDetails, D::ConcernSummary, D::ScreeningResult],
        },
        DisclosureRow {
            partner: Partner::Wijkteam,
            kind: Some(RouteKind::Referral),
            purpose: Some(Purpose::Referral),
            data: &[D::ContactDetails, D::ConcernSummary, D::RiskFactors],
        },
        DisclosureRow {
            partner: Partner::Amw,
            kind: Some(RouteKind::Referral),
            purpose: Some(Purpose::Referral),
            data: &[D::ContactDetails, D::ConcernSummary, D::FamilyCircumstances],
        },
        DisclosureRow {
            partner: Partner::Huisarts,
            kind: None,
            purpose: Some(Purpose::MedicalReferral),
            data: &[D::ContactDetails, D::ConcernSummary, D::MedicalData],
        },
        DisclosureRow {
            partner: Partner::Kinderarts,
            kind: None,
            purpose: Some(Purpose::MedicalReferral),
            data: &[D::ContactDetails, D::ConcernSummary, D::MedicalData],
        },
        // A consultation keeps the case with JGZ: no contact details, no
        // medical data (the POH-jeugd as the region's hub, RT-A2).
        DisclosureRow {
            partner: Partner::PohJeugd,
            kind: Some(RouteKind::Consultation),
            purpose: Some(Purpose::Consultation),
            data: &[D::ConcernSummary, D::ScreeningResult],
        },
        DisclosureRow {
            partner: Partner::PohJeugd,
            kind: None,
            purpose: Some(Purpose::MedicalReferral),
            data: &[D::ContactDetails, D::ConcernSummary],
        },
    ],
};

// ---------------------------------------------------------------------------
// Region configuration: what a region may change without code.
// ---------------------------------------------------------------------------

// How a partner's local name is read is shared with regions' own
// components (the region kit), so a local name reads the same whoever
// wrote the routing stage.
pub use wegwijs_kit::{
    LOCAL_CONTACT_KEY_SUFFIX, LOCAL_NAME_KEY_PREFIX, LOCAL_NAME_KEY_SUFFIX, LOCAL_NAME_MAX_CHARS, LOCAL_NAME_SEPARATOR,
};
/// At most this many characters of a rejected configuration value are
/// echoed in the warning.
pub const CONFIG_VALUE_ECHO_CHARS: usize = 48;

/// One value the region key `routing.hub` may take besides the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HubRow {
    /// The configuration value, the partner's WIT name.
    pub value: &'static str,
    /// Where the hub's route goes.
    pub partner: Partner,
    /// What kind of step it is.
    pub kind: RouteKind,
    /// Reason sentence for the route (rule [`HubTable::rule`]).
    pub text: Wording,
}

/// Which partner is the region's hub for single-issue psychosocial
/// questions: it takes over the A2 rows of [`CHILD_ROUTES`] that send such
/// a question to the wijkteam.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HubTable {
    /// Where the rows come from.
    pub provenance: TableSource,
    /// The region configuration key.
    pub key: &'static str,
    /// The rule whose default the hub replaces; cited on the hub's route.
    pub rule: &'static str,
    /// The action of the [`CHILD_ROUTES`] rows the hub takes over …
    pub action: Action,
    /// … and their triggers.
    pub triggers: &'static [Trigger],
    /// The concern domains (safety excluded) a case may have for the hub to
    /// take it; a case with another domain keeps the default row. A case with
    /// no coded domain qualifies.
    pub domains: &'static [Domain],
    /// The value that keeps the rows of [`CHILD_ROUTES`] as they are: the
    /// partner they name.
    pub default: &'static str,
    /// The other allowed values.
    pub rows: &'static [HubRow],
}

/// `routing.hub`. Two A2 rows send a single-issue question to the wijkteam:
/// the risk card at level concern within one domain (RK-ONE-DOMAIN, where
/// the guideline names "the (sociaal) wijkteam, CJG or OKT", i.e. whichever
/// local team takes these questions) and A2 without a specific trigger (a
/// default of this crate; the guideline names no partner). A region's hub
/// stands in for the wijkteam there, and only for a single-issue question:
/// the engine keeps the wijkteam when the case has a concern domain outside
/// [`HubTable::domains`], a red risk factor, a safety signal, or an abnormal
/// instrument beside the risk card. Risk-card-high, multi-domain and
/// instrument rows are never taken over.
pub const HUB: HubTable = HubTable {
    provenance: TableSource {
        name: "JGZ-richtlijn Ouder-kindrelatie (risk card: discuss in the wijkteam, CJG or OKT) and JGZ-richtlijn Psychosociale problemen (A2: consultation without handing over), with the regional agreements between gemeente, JGZ and huisartsen (Jeugdwet art. 2.6)",
        version: "2021 / 2016 / Jeugdwet 2015",
    },
    key: "routing.hub",
    rule: "RT-A2",
    action: Action::A2,
    triggers: &[Trigger::RiskCardConcern, Trigger::NothingElse],
    domains: &[Domain::Psychosocial, Domain::ParentChild],
    default: "wijkteam",
    rows: &[
        HubRow {
            value: "jgz-light-support",
            partner: Partner::JgzLightSupport,
            kind: RouteKind::Consultation,
            text: Wording {
                nl: "Actie A2 met een enkelvoudige psychosociale of opvoedvraag: de JGZ is in deze regio het aanspreekpunt voor zulke vragen, dus ga na welke hulpverleners al betrokken zijn en consulteer daarna de eigen gedragswetenschapper of pedagogisch adviseur van het team; de JGZ houdt de casus en de lichte ondersteuning",
                en: "Action A2 with a single-issue psychosocial or parenting question: JGZ is this region's hub for these questions, so after checking which helpers are already involved, consult the team's own gedragswetenschapper or pedagogisch adviseur; JGZ keeps the case and its light support",
            },
        },
        HubRow {
            value: "poh-jeugd",
            partner: Partner::PohJeugd,
            kind: RouteKind::Consultation,
            text: Wording {
                nl: "Actie A2 met een enkelvoudige psychosociale of opvoedvraag: ga na welke hulpverleners al betrokken zijn en consulteer daarna de POH-jeugd in de huisartsenpraktijk, in deze regio het aanspreekpunt voor zulke vragen, zonder de casus over te dragen",
                en: "Action A2 with a single-issue psychosocial or parenting question: after checking which helpers are already involved, consult the POH-jeugd at the huisarts practice, this region's hub for these questions, without handing over the case",
            },
        },
        HubRow {
            value: "jeugdarts",
            partner: Partner::Jeugdarts,
            kind: RouteKind::Consultation,
            text: Wording {
                nl: "Actie A2 met een enkelvoudige psychosociale of opvoedvraag: ga na welke hulpverleners al betrokken zijn en bespreek de casus daarna met de jeugdarts van het JGZ-team, in deze regio het aanspreekpunt voor zulke vragen en de schakel met de huisartsen",
                en: "Action A2 with a single-issue psychosocial or parenting question: after checking which helpers are already involved, discuss the case with the jeugdarts of the JGZ team, this region's hub for these questions and its link with the huisartsen",
            },
        },
    ],
};

/// Whether a POH-jeugd works at the huisarts practice, and which cases are
/// then consulted with the POH-jeugd before jeugd-GGZ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PohJeugdTable {
    /// Where the rule comes from.
    pub provenance: TableSource,
    /// The region configuration key (`true` or `false`).
    pub key: &'static str,
    /// The rule whose default it modifies; cited on the route.
    pub rule: &'static str,
    /// The action of the [`CHILD_ROUTES`] row it takes over …
    pub action: Action,
    /// … and its trigger.
    pub trigger: Trigger,
    /// The only concern domain(s) (safety excluded) the case may have; a
    /// case with no coded domain qualifies, because the abnormal instrument
    /// is itself the psychosocial question.
    pub domains: &'static [Domain],
    /// A risk card above this level is high-risk and stays with jeugd-GGZ.
    pub max_risk_level: Level,
    /// Where the route goes instead.
    pub partner: Partner,
    /// What kind of step it is.
    pub kind: RouteKind,
    /// Reason sentence for the route.
    pub text: Wording,
}

/// `routing.poh-jeugd`. A POH-jeugd is a youth worker in the huisarts
/// practice, working under the huisarts: it assesses single psychosocial
/// questions, offers short help and involves jeugd-GGZ only when that is
/// needed. Gemeenten fund POH-jeugd posts because otherwise huisarts
/// referrals go straight to GGZ while JGZ's go to the social domain; the
/// POH-jeugd is the link between the two. Multi-domain or high-risk cases
/// keep the jeugd-GGZ consultation.
pub const POH_JEUGD: PohJeugdTable = PohJeugdTable {
    provenance: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen (A2 consultation) with the regional POH-jeugd arrangement (huisarts route, Jeugdwet art. 2.6 lid 1 sub g)",
        version: "2016 / Jeugdwet 2015",
    },
    key: "routing.poh-jeugd",
    rule: "RT-A2",
    action: Action::A2,
    trigger: Trigger::InstrumentAbnormal,
    domains: &[Domain::Psychosocial],
    max_risk_level: Level::Attention,
    partner: Partner::PohJeugd,
    kind: RouteKind::Consultation,
    text: Wording {
        nl: "Actie A2 met een psychosociaal instrument in het afwijkende gebied en een enkelvoudige psychosociale vraag: consulteer eerst de POH-jeugd in de huisartsenpraktijk, zonder de casus over te dragen; de POH-jeugd kan via de huisarts alsnog de jeugd-GGZ inschakelen",
        en: "Action A2 with a psychosocial instrument in the abnormal band and a single psychosocial question: consult the POH-jeugd at the huisarts practice first, without handing over the case; the POH-jeugd can still involve jeugd-GGZ through the huisarts",
    },
};
