//! The consent rules as versioned data: whose consent counts at which age
//! (CS-AGE), how each purpose is treated and on which legal basis (CS-DIRECT …
//! CS-DEFAULT), who is informed of a Verwijsindex signal (CS-VIR), who
//! consents to a parent's own care (CS-OWN-CARE), which data categories a
//! recipient needs for a purpose (CS-MINIMAL), and the conflict-of-duties
//! checklist (CS-CONFLICT).
//!
//! Every text a table puts on a card (a band's label, a legal basis, a
//! checklist question) is a [`Wording`] in Dutch and English; the engine
//! picks the reader's language. The sources ([`TableSource`]) document the
//! tables and never reach a card, so they stay as transcribed.
//!
//! The guidelines and the commentary behind these rows are "in revision":
//! when one changes, a row here changes and the engine does not. Every table
//! therefore carries the names and versions of the laws and guidelines it
//! transcribes (the region kit's [`TableSource`]). The need-to-know sets are
//! not given by any law or guideline as a table; they are defaults of this
//! project and the CS-MINIMAL reason names them, so a professional can see
//! what was held back.

use wegwijs_kit::TableSource;
use wegwijs_types::{DataCategory as C, Partner, Party, Purpose as P};

pub use wegwijs_types::Wording;

/// Jeugdwet: secrecy of the jeugdhulpverlener and its exceptions.
pub const JEUGDWET: TableSource = TableSource {
    name: "Jeugdwet 2015 art. 7.3.11 (lid 1 consent, lid 2 directly involved, lid 4 gecertificeerde instelling); art. 7.3.4 and 7.3.5 (who consents by age)",
    version: "in force since 2015-01-01, as retrieved for the research notes",
};

/// WGBO: who consents for a minor in the medical treatment relationship.
pub const WGBO: TableSource = TableSource {
    name: "WGBO (BW 7:446 e.v.; art. 7:447 16+ alone, 7:450 dual consent 12-15, 7:465 parents under 12)",
    version: "BW boek 7 titel 7 afdeling 5, as retrieved for the research notes (7:450 and 7:465 unverified there)",
};

/// KNMG guideline on professional secrecy: directly involved, presumed
/// consent for referral and feedback, conflict of duties.
pub const KNMG: TableSource = TableSource {
    name: "KNMG-richtlijn Omgaan met medische gegevens",
    version: "2021 (table of contents as retrieved)",
};

/// Wmo 2015: the meldrecht towards Veilig Thuis.
pub const WMO: TableSource =
    TableSource { name: "Wmo 2015 art. 5.2.6 (meldrecht Veilig Thuis)", version: "in force since 2015-01-01" };

/// Meldcode: step 2 (advice, may be anonymous) and step 3 (talk with parents
/// and child before a melding).
pub const MELDCODE: TableSource = TableSource {
    name: "Meldcode huiselijk geweld en kindermishandeling (KNMG-meldcode)",
    version: "Wet verplichte meldcode 2013, improved meldcode with afwegingskader from 2019-01-01",
};

/// Jeugdwet: the Verwijsindex risicojongeren. The research notes (§1.3)
/// give the afdeling and the risk factors of art. 7.1.4.1 but mark the
/// article numbers of the meldingsbevoegdheid and the duty to inform as to
/// be checked when citing; the name says so, so no card cites more than is
/// known.
pub const JEUGDWET_VIR: TableSource = TableSource {
    name: "Jeugdwet 2015 afdeling 7.1.4 (Verwijsindex risicojongeren: meldingsbevoegdheid, risk factors in art. 7.1.4.1, duty to inform the youth and the parents of a youth under 16; article numbers to be checked)",
    version: "in force since 2015-01-01, as retrieved for the research notes",
};

/// The Verwijsindex guidance for professionals: "melden mag, afwegen moet",
/// and being a client of one organisation is no reason to signal.
pub const VIR_GUIDANCE: TableSource = TableSource {
    name: "Handreiking melden Verwijsindex risicojongeren (handreikingmelden.nl)",
    version: "as retrieved for the research notes",
};

/// The project's own normative brief, §3 (CS-*).
pub const BRIEF: TableSource = TableSource {
    name: "wegwijs guideline brief §3 Consent (docs/guideline-rules.md)",
    version: "0.1.0, revised: CS-SCHOOL follows CS-AGE; CS-VIR and CS-OWN-CARE added",
};

// ---------------------------------------------------------------------------
// CS-AGE: who consents and who is informed.
// ---------------------------------------------------------------------------

/// One age band of [`AGE_RULES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeRow {
    /// First whole year of the band.
    pub from_years: u32,
    /// First whole year after the band; `None` for the open-ended last band.
    pub until_years: Option<u32>,
    /// Whose consent counts for sharing with third parties.
    pub consent: &'static [Party],
    /// Who is informed when information travels.
    pub inform: &'static [Party],
    /// The youth decides whether the parents are informed (16 and older).
    pub youth_decides_informing: bool,
    /// Who consents in this band, as the reason text names it. It never
    /// names the parents where the youth decides alone, so the sentence can
    /// stand on a card of a youth who excluded them.
    pub label: Wording,
}

/// The CS-AGE table with its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeTable {
    /// Laws and commentary the rows transcribe.
    pub sources: &'static [TableSource],
    /// Bands by whole years, ascending and without gaps from 0.
    pub bands: &'static [AgeRow],
    /// Before birth: the expectant parents.
    pub prenatal: AgeRow,
    /// Age unknown: the strictest reading, both parties.
    pub unknown: AgeRow,
}

/// Parents alone.
const PARENTS: &[Party] = &[Party::Parents];
/// Both; the parents first because they are asked first in practice.
const BOTH: &[Party] = &[Party::Parents, Party::Youth];
/// The youth alone.
const YOUTH: &[Party] = &[Party::Youth];

/// Who consents to sharing, by age (CS-AGE; research notes §4.1).
pub const AGE_RULES: AgeTable = AgeTable {
    sources: &[JEUGDWET, WGBO, BRIEF],
    bands: &[
        AgeRow {
            from_years: 0,
            until_years: Some(12),
            consent: PARENTS,
            inform: PARENTS,
            youth_decides_informing: false,
            label: Wording {
                nl: "onder de 12 jaar geven de ouders met gezag toestemming",
                en: "under 12 the parents with parental authority (gezag) consent",
            },
        },
        AgeRow {
            from_years: 12,
            until_years: Some(16),
            consent: BOTH,
            inform: BOTH,
            youth_decides_informing: false,
            label: Wording {
                nl: "van 12 tot en met 15 jaar geven zowel de ouders als de jongere toestemming",
                en: "from 12 to 15 both the parents and the youth consent",
            },
        },
        AgeRow {
            from_years: 16,
            until_years: None,
            consent: YOUTH,
            inform: BOTH,
            youth_decides_informing: true,
            label: Wording {
                nl: "vanaf 16 jaar geeft de jongere zelfstandig toestemming",
                en: "from 16 the youth consents alone",
            },
        },
    ],
    prenatal: AgeRow {
        from_years: 0,
        until_years: Some(0),
        consent: PARENTS,
        inform: PARENTS,
        youth_decides_informing: false,
        label: Wording { nl: "de aanstaande ouders geven toestemming", en: "the expectant parents consent" },
    },
    unknown: AgeRow {
        from_years: 0,
        until_years: None,
        consent: BOTH,
        inform: BOTH,
        youth_decides_informing: false,
        label: Wording {
            nl: "de strengste lezing geldt, dus geven zowel de ouders als de jongere toestemming",
            en: "the strictest reading applies, so both the parents and the youth consent",
        },
    },
};

// ---------------------------------------------------------------------------
// Purposes: rule, treatment, legal basis, need-to-know.
// ---------------------------------------------------------------------------

/// How a purpose is treated by the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// Permitted without consent: the same care (CS-DIRECT).
    Direct,
    /// Permitted on presumed consent; parents/youth are informed (CS-REFERRAL).
    PresumedMedical,
    /// Needs consent, asked by the signalling party with the parents
    /// present where possible (CS-SCHOOL).
    School,
    /// Anonymous only, no consent needed (CS-VT-ADVICE).
    AnonymousAdvice,
    /// Permitted without consent on the meldrecht (CS-VT-MELDING).
    Melding,
    /// Permitted without consent when a GI carries out an OTS (CS-GI).
    Gi,
    /// Permitted without consent: the professional is meldingsbevoegd;
    /// those in [`VIR_INFORM`] are informed (CS-VIR).
    Verwijsindex,
    /// The parent's own care: the parties in [`OWN_CARE_CONSENT`] consent,
    /// whatever the child's age (CS-OWN-CARE).
    OwnCare,
    /// Not until the consent CS-AGE names is recorded (CS-DEFAULT).
    Default,
}

/// One row of [`PURPOSES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurposeRule {
    /// The purpose.
    pub purpose: P,
    /// The rule id of the brief that governs it.
    pub rule: &'static str,
    /// How it is treated.
    pub treatment: Treatment,
    /// The recipients the rule covers; `None` for any recipient. A request
    /// for this purpose to another recipient falls to CS-DEFAULT, so a
    /// mislabelled purpose can never open a consent-free path.
    pub recipients: Option<&'static [Partner]>,
    /// The legal basis when it may go without consent.
    pub basis: Option<Wording>,
    /// What the recipient needs for this purpose: never the whole file.
    pub need_to_know: &'static [C],
}

/// The purpose table with its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurposeTable {
    /// Laws and guidelines the rows transcribe.
    pub sources: &'static [TableSource],
    /// One row per purpose.
    pub rows: &'static [PurposeRule],
}

/// The legal basis of CS-DIRECT.
pub const BASIS_DIRECT: Wording = Wording {
    nl: "Jeugdwet 2015 art. 7.3.11 lid 2 en KNMG-richtlijn Omgaan met medische gegevens 2021, rechtstreeks betrokken bij dezelfde zorg",
    en: "Jeugdwet 2015 art. 7.3.11 lid 2 and KNMG-richtlijn Omgaan met medische gegevens 2021, directly involved in the same care",
};
/// The legal basis of CS-REFERRAL.
pub const BASIS_REFERRAL: Wording = Wording {
    nl: "veronderstelde toestemming voor verwijzing en terugrapportage, KNMG-richtlijn Omgaan met medische gegevens 2021 en WGBO",
    en: "presumed consent for referral and feedback, KNMG-richtlijn Omgaan met medische gegevens 2021 and WGBO",
};
/// The legal basis of CS-VT-ADVICE.
pub const BASIS_VT_ADVICE: Wording = Wording {
    nl: "anoniem advies vragen bij Veilig Thuis zonder persoonsgegevens, meldcode stap 2",
    en: "anonymous advice request to Veilig Thuis without personal data, Meldcode step 2",
};
/// The legal basis of CS-VT-MELDING.
pub const BASIS_VT_MELDING: Wording =
    Wording { nl: "meldrecht, Wmo 2015 art. 5.2.6", en: "meldrecht, Wmo 2015 art. 5.2.6" };
/// The legal basis of CS-GI.
pub const BASIS_GI: Wording = Wording {
    nl: "Jeugdwet 2015 art. 7.3.11 lid 4, informatie voor een ondertoezichtstelling",
    en: "Jeugdwet 2015 art. 7.3.11 lid 4, information for an ondertoezichtstelling",
};
/// The legal basis of CS-VIR. The research notes ask for the article
/// numbers within afdeling 7.1.4 to be checked, so the basis says so.
pub const BASIS_VIR: Wording = Wording {
    nl: "Jeugdwet 2015 afdeling 7.1.4, de professional is meldingsbevoegd voor de Verwijsindex risicojongeren (artikelnummers nog te controleren)",
    en: "Jeugdwet 2015 afdeling 7.1.4, the professional is meldingsbevoegd for the Verwijsindex risicojongeren (article numbers to be checked)",
};
/// The legal basis of a disclosure made on recorded consent (CS-DEFAULT,
/// CS-SCHOOL); the engine adds whose consent.
pub const BASIS_CONSENT: Wording = Wording {
    nl: "vastgelegde toestemming, Jeugdwet 2015 art. 7.3.11 lid 1 en WGBO",
    en: "recorded consent, Jeugdwet 2015 art. 7.3.11 lid 1 and WGBO",
};
/// The legal basis of a parent's own care on the parent's recorded consent
/// (CS-OWN-CARE): the parent's own treatment relationship, not the child's.
pub const BASIS_OWN_CARE: Wording = Wording {
    nl: "vastgelegde toestemming van de ouder voor de eigen zorg van de ouder, WGBO (de eigen behandelrelatie van de ouder)",
    en: "recorded consent of the parent for the parent's own care, WGBO (the parent's own treatment relationship)",
};

/// The purpose table (guideline brief §3; research notes §4.2–4.5).
pub const PURPOSES: PurposeTable = PurposeTable {
    sources: &[JEUGDWET, JEUGDWET_VIR, WGBO, KNMG, WMO, MELDCODE, BRIEF],
    rows: &[
        PurposeRule {
            purpose: P::DirectCare,
            rule: "CS-DIRECT",
            treatment: Treatment::Direct,
            // The JGZ team itself: the same care. Anyone else is not "directly
            // involved in delivering that jeugdhulp" (7.3.11 lid 2a).
            recipients: Some(&[Partner::Jeugdarts, Partner::JgzLightSupport]),
            basis: Some(BASIS_DIRECT),
            // The colleague already holds the JGZ file's contact details.
            need_to_know: &[
                C::ConcernSummary,
                C::ScreeningResult,
                C::InstrumentScores,
                C::RiskFactors,
                C::SafetySignals,
            ],
        },
        PurposeRule {
            purpose: P::MedicalReferral,
            rule: "CS-REFERRAL",
            treatment: Treatment::PresumedMedical,
            // POH-jeugd works in the huisarts practice under the huisarts.
            recipients: Some(&[Partner::Huisarts, Partner::PohJeugd, Partner::Kinderarts, Partner::Jeugdarts]),
            basis: Some(BASIS_REFERRAL),
            need_to_know: &[C::ContactDetails, C::ConcernSummary, C::ScreeningResult, C::MedicalData],
        },
        PurposeRule {
            purpose: P::SchoolConsultation,
            rule: "CS-SCHOOL",
            treatment: Treatment::School,
            recipients: Some(&[
                Partner::Kinderopvang,
                Partner::PrimarySchool,
                Partner::SchoolMentor,
                Partner::SchoolZorgteam,
            ]),
            basis: None,
            // The school needs to know what worries JGZ, not scores or history.
            need_to_know: &[C::ConcernSummary],
        },
        PurposeRule {
            purpose: P::VeiligThuisAdvice,
            rule: "CS-VT-ADVICE",
            treatment: Treatment::AnonymousAdvice,
            recipients: Some(&[Partner::VeiligThuisAdvice, Partner::VeiligThuisMelding]),
            basis: Some(BASIS_VT_ADVICE),
            // Never contact details: the advice is anonymous (checked again
            // in the engine, so a table edit cannot undo it).
            need_to_know: &[C::ConcernSummary, C::SafetySignals, C::ScreeningResult, C::RiskFactors],
        },
        PurposeRule {
            purpose: P::VeiligThuisMelding,
            rule: "CS-VT-MELDING",
            treatment: Treatment::Melding,
            recipients: Some(&[Partner::VeiligThuisMelding, Partner::VeiligThuisAdvice]),
            basis: Some(BASIS_VT_MELDING),
            need_to_know: &[
                C::ContactDetails,
                C::ConcernSummary,
                C::SafetySignals,
                C::ScreeningResult,
                C::RiskFactors,
                C::FamilyCircumstances,
            ],
        },
        PurposeRule {
            purpose: P::GiSupervision,
            rule: "CS-GI",
            treatment: Treatment::Gi,
            recipients: Some(&[Partner::GecertificeerdeInstelling]),
            basis: Some(BASIS_GI),
            need_to_know: &[
                C::ContactDetails,
                C::ConcernSummary,
                C::ScreeningResult,
                C::SafetySignals,
                C::RiskFactors,
                C::FamilyCircumstances,
            ],
        },
        PurposeRule {
            purpose: P::VerwijsindexSignal,
            rule: "CS-VIR",
            treatment: Treatment::Verwijsindex,
            // The meldingsbevoegdheid covers the index itself, nobody else.
            recipients: Some(&[Partner::Verwijsindex]),
            basis: Some(BASIS_VIR),
            // The index holds only that JGZ is involved with this child,
            // never what is going on.
            need_to_know: &[C::ContactDetails],
        },
        PurposeRule {
            purpose: P::ParentOwnCare,
            rule: "CS-OWN-CARE",
            treatment: Treatment::OwnCare,
            // Volwassenen-GGZ or verslavingszorg for the parent (through the
            // parent's huisarts), or the parent's treater to align with.
            recipients: Some(&[Partner::ParentGgz]),
            basis: None,
            // What the parent's care needs to know about the child: the
            // concern, not the child's scores, history or contact details.
            need_to_know: &[C::ConcernSummary],
        },
        PurposeRule {
            purpose: P::Referral,
            rule: "CS-DEFAULT",
            treatment: Treatment::Default,
            recipients: None,
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
            recipients: None,
            basis: None,
            // The case stays with JGZ: no contact details.
            need_to_know: &[C::ConcernSummary, C::ScreeningResult, C::RiskFactors],
        },
        PurposeRule {
            purpose: P::Coordination,
            rule: "CS-DEFAULT",
            treatment: Treatment::Default,
            recipients: None,
            basis: None,
            // Aligning who is involved (one family, one plan) needs who the
            // child is, not what is going on. A Verwijsindex signal has its
            // own row (CS-VIR).
            need_to_know: &[C::ContactDetails],
        },
    ],
};

// ---------------------------------------------------------------------------
// CS-VIR: who is informed of a Verwijsindex signal.
// ---------------------------------------------------------------------------

/// One age band of [`VIR_INFORM`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InformRow {
    /// First whole year of the band.
    pub from_years: u32,
    /// First whole year after the band; `None` for the open-ended last band.
    pub until_years: Option<u32>,
    /// Who the professional informs about the signal.
    pub inform: &'static [Party],
    /// Who is informed, as the reason text names it ("the youth and the
    /// parents are informed"). The 16+ row names only the youth.
    pub label: Wording,
}

/// Who is informed of a Verwijsindex signal, by age, with its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InformTable {
    /// Laws and guidance the rows transcribe.
    pub sources: &'static [TableSource],
    /// Bands by whole years, ascending and without gaps from 0.
    pub bands: &'static [InformRow],
    /// Before birth (an unborn child is not registered; the row keeps the
    /// engine total).
    pub prenatal: InformRow,
    /// Age unknown: the strictest reading, both.
    pub unknown: InformRow,
    /// Why nobody is informed when informing would endanger someone
    /// (meldcode input `telling_endangers`), as a clause after "because".
    pub endangered: Wording,
}

/// CS-VIR: the professional informs the youth (from 12) and the parents of a
/// youth under 16 about a Verwijsindex signal, unless informing would
/// endanger someone (research notes §1.3, INFERENCE there: the age limits of
/// afdeling 7.1.4 are to be checked when citing). Under 12 the parents
/// exercise the child's rights, so they are informed and the child is not.
pub const VIR_INFORM: InformTable = InformTable {
    sources: &[JEUGDWET_VIR, VIR_GUIDANCE, BRIEF],
    bands: &[
        InformRow {
            from_years: 0,
            until_years: Some(12),
            inform: PARENTS,
            label: Wording {
                nl: "onder de 12 jaar worden de ouders geïnformeerd",
                en: "under 12 the parents are informed",
            },
        },
        InformRow {
            from_years: 12,
            until_years: Some(16),
            inform: BOTH,
            label: Wording {
                nl: "van 12 tot en met 15 jaar worden de ouders en de jongere geïnformeerd",
                en: "from 12 to 15 the parents and the youth are informed",
            },
        },
        InformRow {
            from_years: 16,
            until_years: None,
            inform: YOUTH,
            label: Wording {
                nl: "vanaf 16 jaar wordt alleen de jongere geïnformeerd",
                en: "from 16 the youth alone is informed",
            },
        },
    ],
    prenatal: InformRow {
        from_years: 0,
        until_years: Some(0),
        inform: PARENTS,
        label: Wording { nl: "de aanstaande ouders worden geïnformeerd", en: "the expectant parents are informed" },
    },
    unknown: InformRow {
        from_years: 0,
        until_years: None,
        inform: BOTH,
        label: Wording {
            nl: "de strengste lezing geldt, dus worden de ouders en de jongere geïnformeerd",
            en: "the strictest reading applies, so the parents and the youth are informed",
        },
    },
    endangered: Wording {
        nl: "informeren het kind, een ander of de professional in gevaar zou brengen (in de meldcode vastgelegd als `telling-endangers`), wat de uitzondering op de informatieplicht is",
        en: "informing would endanger the child, someone else or the professional (recorded in the meldcode as telling-endangers), which is the exception to the duty to inform",
    },
};

// ---------------------------------------------------------------------------
// CS-OWN-CARE: who consents to a parent's own care.
// ---------------------------------------------------------------------------

/// Who consents to a parent's own care (CS-OWN-CARE): the parent whose care
/// it is, for themself, whatever the child's age. The child's CS-AGE
/// parties do not decide about an adult's treatment.
pub const OWN_CARE_CONSENT: &[Party] = &[Party::ReferredParent];

/// The sources of [`OWN_CARE_CONSENT`] and [`BASIS_OWN_CARE`].
pub const OWN_CARE_SOURCES: &[TableSource] = &[WGBO, BRIEF];

/// The row applied to a purpose missing from the table: the strict default
/// with the smallest need-to-know set. Every purpose has a row (a test checks
/// this); the fallback keeps a purpose added to the WIT later safe rather
/// than permitted.
pub const FALLBACK: PurposeRule = PurposeRule {
    purpose: P::Referral,
    rule: "CS-DEFAULT",
    treatment: Treatment::Default,
    recipients: None,
    basis: None,
    need_to_know: &[C::ConcernSummary],
};

/// The row for a purpose, or [`FALLBACK`].
pub fn rule_for(purpose: P) -> &'static PurposeRule {
    PURPOSES.rows.iter().find(|r| r.purpose == purpose).unwrap_or(&FALLBACK)
}

// ---------------------------------------------------------------------------
// CS-CONFLICT: the checklist for a conflict of duties.
// ---------------------------------------------------------------------------

/// The checklist with its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checklist {
    /// Guidelines the questions come from.
    pub sources: &'static [TableSource],
    /// The questions, in the order the professional answers them.
    pub questions: &'static [Wording],
}

/// The conflict-of-duties checklist (CS-CONFLICT). The brief's four
/// questions; the KNMG test as noted in the research notes (unverified
/// wording) has a fifth about a conflict of conscience, folded into the last.
pub const CONFLICT_CHECKLIST: Checklist = Checklist {
    sources: &[KNMG, BRIEF],
    questions: &[
        Wording {
            nl: "Toestemming gevraagd: is alles gedaan om toestemming te krijgen, en is die geweigerd?",
            en: "Consent tried: was everything done to obtain consent, and was it refused?",
        },
        Wording {
            nl: "Geen andere weg: is er geen andere manier om de schade te voorkomen dan gegevens delen zonder toestemming?",
            en: "No other way: is there no other way to prevent the harm than sharing without consent?",
        },
        Wording {
            nl: "Ernstige schade voorkomen: voorkomt of beperkt het delen vrijwel zeker ernstige schade voor het kind of een ander?",
            en: "Serious harm prevented: will sharing almost certainly prevent or limit serious harm to the child or someone else?",
        },
        Wording {
            nl: "Zo min mogelijk doorbreken: wordt het beroepsgeheim zo min mogelijk doorbroken (alleen wat nodig is, alleen aan wie het nodig heeft)?",
            en: "Minimal breach: is confidentiality breached as little as possible (only what is needed, only to whom it is needed)?",
        },
    ],
};
