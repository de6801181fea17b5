//! IN-SOURCE: who raised the signal, normalised to a [`SourceKind`](wegwijs_types::SourceKind), with
//! the BDS JGZ initiator code (list 40.411) kept or derived.
//!
//! Senders spell sources in many ways (Dutch, abbreviations, English); the
//! tables below map every accepted spelling to one kind. An unknown source
//! becomes `other` with a warning that keeps the code (IN-UNKNOWN), so the
//! professional still sees what was sent.

use crate::code::{Notes, is_bds_code};
use crate::{IN_SOURCE, IN_UNKNOWN};
use alloc::borrow::ToOwned;
use alloc::string::String;
use wegwijs_kit::{TableSource, is_code, source_term, unknown_code_note, withheld_position};
use wegwijs_types::{Language, SourceCode, SourceKind as S, say};

/// Provenance of the source vocabulary ([`SOURCE_KINDS`], [`SOURCE_ALIASES`]).
pub const SOURCE_TABLE: TableSource =
    TableSource { name: "wegwijs source vocabulary after the JGZ guideline brief §1 (IN-SOURCE)", version: "0.1.0" };

/// Provenance of the BDS initiator list ([`BDS_CODES`]).
pub const BDS_TABLE: TableSource = TableSource {
    name: "BDS JGZ 40.411 (initiator of the contact)",
    version: "BDS JGZ 4.x, codes observed in Nictiz qualification instances",
};

/// Provenance of the source → BDS mapping (the `bds` column of [`SOURCE_KINDS`]).
pub const BDS_MAPPING_TABLE: TableSource = TableSource {
    name: "wegwijs source-kind to BDS 40.411 mapping (INFERENCE from the list's labels)",
    version: "0.1.0",
};

/// One source kind: what it is and the BDS initiator code it implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceKindRow {
    /// The kind; its WIT name is always an accepted code.
    pub kind: S,
    /// One line on who this is.
    pub description: &'static str,
    /// The BDS 40.411 initiator code derived when the sender gave none.
    pub bds: Option<&'static str>,
}

const fn k(kind: S, bds: Option<&'static str>, description: &'static str) -> SourceKindRow {
    SourceKindRow { kind, description, bds }
}

/// Every source kind, in WIT order, with its description and derived BDS
/// initiator code.
///
/// The BDS column is an INFERENCE: list 40.411 only labels its codes
/// (01 (voor)school, 02 ouders, 05 zorgstructuren, 07 JGZ, 08 Veilig
/// Thuis/RvdK); no published mapping says which professions count as
/// "zorgstructuren". Here school and childcare are 01, parents 02, the care
/// structures around the family (huisarts, POH, geboortezorg, wijkteam,
/// jeugdhulp, adult care, medisch specialist, Verwijsindex) 05, JGZ
/// professionals 07, Veilig Thuis and the Raad 08; the youth and other
/// sources get no code rather than a guess. A code the sender gives always
/// wins over this column.
pub const SOURCE_KINDS: &[SourceKindRow] = &[
    k(S::Parent, Some("02"), "a parent or carer of the child"),
    k(S::Youth, None, "the child or youth themselves"),
    k(S::Jeugdarts, Some("07"), "JGZ youth health physician"),
    k(S::Jeugdverpleegkundige, Some("07"), "JGZ youth health nurse"),
    k(S::VerpleegkundigSpecialist, Some("07"), "JGZ nurse practitioner"),
    k(S::Kinderopvang, Some("01"), "childcare: day care, after-school care, childminder"),
    k(S::Peuterspeelzaal, Some("01"), "pre-school playgroup or early-education (voorschool)"),
    k(S::Leerkracht, Some("01"), "primary school teacher"),
    k(S::InternBegeleider, Some("01"), "primary school special-needs coordinator (IB)"),
    k(S::Mentor, Some("01"), "secondary school mentor"),
    k(S::Zorgcoordinator, Some("01"), "secondary school care coordinator"),
    k(S::Huisarts, Some("05"), "general practitioner"),
    k(S::PohJeugd, Some("05"), "youth mental-health practice nurse at the GP"),
    k(S::Verloskundige, Some("05"), "midwife (geboortezorg)"),
    k(S::Gynaecoloog, Some("05"), "gynaecologist (geboortezorg)"),
    k(S::Kraamzorg, Some("05"), "maternity care (geboortezorg)"),
    k(S::SociaalWijkteam, Some("05"), "municipal social neighbourhood team, CJG or ouder-kindteam"),
    k(S::Jeugdhulp, Some("05"), "a jeugdhulp provider, including jeugd-GGZ"),
    k(S::VolwassenenGgz, Some("05"), "adult mental-health care, via the kindcheck"),
    k(S::Verslavingszorg, Some("05"), "addiction care, via the kindcheck"),
    k(S::VeiligThuis, Some("08"), "Veilig Thuis (domestic violence and child abuse advice and reporting centre)"),
    k(S::RaadKinderbescherming, Some("08"), "Raad voor de Kinderbescherming (child protection board)"),
    k(S::Verwijsindex, Some("05"), "a match in the Verwijsindex risicojongeren"),
    k(S::MedischSpecialist, Some("05"), "medical specialist or paediatrician"),
    k(S::Other, None, "any other source"),
];

/// Extra spellings senders use, beside every kind's own WIT name: Dutch
/// words, abbreviations and common English.
pub const SOURCE_ALIASES: &[(&str, S)] = &[
    ("ouder", S::Parent),
    ("ouders", S::Parent),
    ("moeder", S::Parent),
    ("vader", S::Parent),
    ("verzorger", S::Parent),
    ("jongere", S::Youth),
    ("jeugdige", S::Youth),
    ("kind", S::Youth),
    ("jvk", S::Jeugdverpleegkundige),
    ("kdv", S::Kinderopvang),
    ("kinderdagverblijf", S::Kinderopvang),
    ("bso", S::Kinderopvang),
    ("gastouder", S::Kinderopvang),
    ("childcare", S::Kinderopvang),
    ("psz", S::Peuterspeelzaal),
    ("peuteropvang", S::Peuterspeelzaal),
    ("voorschool", S::Peuterspeelzaal),
    ("leraar", S::Leerkracht),
    ("groepsleerkracht", S::Leerkracht),
    ("teacher", S::Leerkracht),
    ("ib", S::InternBegeleider),
    ("ib-er", S::InternBegeleider),
    ("iber", S::InternBegeleider),
    ("mentor-vo", S::Mentor),
    ("zorgco", S::Zorgcoordinator),
    ("zoco", S::Zorgcoordinator),
    ("zorg-coordinator", S::Zorgcoordinator),
    ("ha", S::Huisarts),
    ("gp", S::Huisarts),
    ("poh", S::PohJeugd),
    ("poh-ggz-jeugd", S::PohJeugd),
    ("verloskunde", S::Verloskundige),
    ("midwife", S::Verloskundige),
    ("gynaecologie", S::Gynaecoloog),
    ("kraamverzorgende", S::Kraamzorg),
    ("wijkteam", S::SociaalWijkteam),
    ("cjg", S::SociaalWijkteam),
    ("buurtteam", S::SociaalWijkteam),
    ("ouder-kindteam", S::SociaalWijkteam),
    ("jeugdhulpaanbieder", S::Jeugdhulp),
    ("jeugd-ggz", S::Jeugdhulp),
    ("ggz", S::VolwassenenGgz),
    ("ggz-volwassenen", S::VolwassenenGgz),
    ("verslavingszorg-volwassenen", S::Verslavingszorg),
    ("vt", S::VeiligThuis),
    ("rvdk", S::RaadKinderbescherming),
    ("raad", S::RaadKinderbescherming),
    ("raad-voor-de-kinderbescherming", S::RaadKinderbescherming),
    ("vi", S::Verwijsindex),
    ("vir", S::Verwijsindex),
    ("kinderarts", S::MedischSpecialist),
    ("specialist", S::MedischSpecialist),
    ("ziekenhuis", S::MedischSpecialist),
    ("anders", S::Other),
    ("overig", S::Other),
];

/// One code of BDS list 40.411 with its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BdsCode {
    /// The code, two digits.
    pub code: &'static str,
    /// The list's label.
    pub meaning: &'static str,
}

/// The codes of BDS list 40.411 known here. Only codes observed in the
/// Nictiz instances are listed; 03, 04 and 06 exist but their labels were
/// not retrieved, so a sender's 03 is kept with an IN-UNKNOWN warning.
pub const BDS_CODES: &[BdsCode] = &[
    BdsCode { code: "01", meaning: "(voor)school" },
    BdsCode { code: "02", meaning: "ouder(s)/verzorger(s)" },
    BdsCode { code: "05", meaning: "zorgstructuren" },
    BdsCode { code: "07", meaning: "JGZ" },
    BdsCode { code: "08", meaning: "Veilig Thuis / Raad voor de Kinderbescherming" },
];

/// The source kind for a code: its WIT name or an alias.
pub fn source_kind(code: &str) -> Option<S> {
    S::from_name(code).or_else(|| SOURCE_ALIASES.iter().find(|(alias, _)| *alias == code).map(|(_, kind)| *kind))
}

/// The BDS initiator code a source kind implies ([`SOURCE_KINDS`]).
pub fn derived_bds(kind: S) -> Option<&'static str> {
    SOURCE_KINDS.iter().find(|row| row.kind == kind).and_then(|row| row.bds)
}

/// The label of a BDS 40.411 code, when the code is known here.
pub fn bds_meaning(code: &str) -> Option<&'static str> {
    BDS_CODES.iter().find(|b| b.code == code).map(|b| b.meaning)
}

/// What IN-SOURCE concluded.
pub(crate) struct SourceResult {
    pub(crate) kind: S,
    pub(crate) bds: Option<String>,
    pub(crate) notes: Notes,
}

/// Applies IN-SOURCE (and IN-UNKNOWN for source and BDS codes), writing in
/// `lang`.
pub(crate) fn normalise(source: &SourceCode, lang: Language) -> SourceResult {
    let mut notes = Notes::default();
    let code = source.code.as_str();

    // `sent_as` is only ever a value that passed `is_code`, so it may be echoed.
    let (kind, sent_as) = if !is_code(code) {
        notes.not_codes(
            "source.code",
            1,
            lang.pick("de melder wordt behandeld als `other`", "the source is treated as `other`"),
            lang,
        );
        (S::Other, None)
    } else {
        match source_kind(code) {
            Some(kind) => (kind, (code != kind.name()).then_some(code)),
            None => {
                let note = unknown_code_note(lang.pick("meldercode", "source code"), code, lang);
                notes.warn(
                    IN_UNKNOWN,
                    say!(lang, "{note}; de melder wordt behandeld als `other`.", "{note}; treated as `other`."),
                );
                // A withheld code is only a position: nothing to repeat.
                (S::Other, withheld_position(code).is_none().then_some(code))
            }
        }
    };

    let derived = derived_bds(kind);
    let from_kind = lang.pick("afgeleid uit het type melder", "derived from the source kind");
    let (bds, how) = match source.bds_code.as_deref() {
        None => (derived.map(ToOwned::to_owned), from_kind),
        Some(given) if !is_bds_code(given) => {
            notes.not_codes(
                "source.bds-code",
                1,
                lang.pick(
                    "de BDS-code wordt in plaats daarvan afgeleid uit het type melder",
                    "the BDS code is derived from the source kind instead",
                ),
                lang,
            );
            (derived.map(ToOwned::to_owned), from_kind)
        }
        Some(given) => {
            match (bds_meaning(given), derived) {
                (None, _) => notes.warn(
                    IN_UNKNOWN,
                    say!(
                        lang,
                        "BDS-code initiatiefnemer `{given}` staat niet in lijst 40.411 zoals hier bekend (01, 02, 05, \
                         07, 08): bewaard zoals opgegeven.",
                        "BDS initiator code `{given}` is not in list 40.411 as known here (01, 02, 05, 07, 08): \
                         kept as given."
                    ),
                ),
                (Some(_), Some(d)) if d != given => notes.warn(
                    IN_SOURCE,
                    say!(
                        lang,
                        "BDS-code initiatiefnemer {given} is opgegeven, maar het type melder `{kind}` hoort in de \
                         indeling van deze component bij {d} (een afleiding): de opgegeven code blijft staan; \
                         controleer welke juist is.",
                        "BDS initiator code {given} was given, but the source kind `{kind}` maps to {d} in this \
                         component's mapping (an inference): the given code is kept; check which one is right."
                    ),
                ),
                _ => {}
            }
            (Some(given.to_owned()), lang.pick("zoals opgegeven door de afzender", "as given by the sender"))
        }
    };

    let sent = sent_as.map(|c| say!(lang, " (doorgegeven als `{c}`)", " (sent as `{c}`)")).unwrap_or_default();
    let bds_text = match bds.as_deref() {
        Some(b) => {
            let meaning = bds_meaning(b)
                .unwrap_or(lang.pick("niet in de lijst zoals hier bekend", "not in the list as known here"));
            say!(
                lang,
                "BDS 40.411-code initiatiefnemer {b} ({meaning}), {how}",
                "BDS 40.411 initiator code {b} ({meaning}), {how}"
            )
        }
        None => say!(
            lang,
            "geen BDS 40.411-code initiatiefnemer (de lijst heeft geen code voor de melder `{kind}`)",
            "no BDS 40.411 initiator code (the list has no code for the source `{kind}`)"
        ),
    };
    let term = source_term(kind, lang);
    notes.reason(
        IN_SOURCE,
        say!(lang, "Melder: {term}, code `{kind}`{sent}; {bds_text}.", "Signal raised by {kind}{sent}; {bds_text}."),
    );
    SourceResult { kind, bds, notes }
}
