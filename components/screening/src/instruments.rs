//! Psychosocial instruments (guideline brief §2.2): checks each result
//! against the instrument's age window (PS-INSTRUMENT), maps it to a level
//! (PS-SDQ-*, PS-SPARK, PS-GIZ and the externally scored DMO-protocol,
//! BITSEA and KIVPA), says which results cannot be used and what to do
//! about them (PS-UNUSABLE), names the instrument the guideline recommends
//! when no usable result was supplied, and derives a level from the concern
//! domains when there is nothing else to go on. Every text is written in
//! the reader's language; the tables carry their words in both.

use alloc::{borrow::ToOwned, format, string::String, vec::Vec};

use wegwijs_types::{
    AgeBand, Band, ChildCase, Domain, GizConclusion, InstrumentInput, InstrumentKind, InstrumentResult, IntakeCard,
    Language, Level, Reason, RegionConfig, ScoredInstrument, SdqScores, SdqVersion, SparkRisk, UnusableReason, say,
};

use crate::sdq;
use crate::text::{self, Wording};
use wegwijs_kit::{TableSource, domain_term, level_term};

/// The age window in which one instrument (or SDQ version) is valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeWindow {
    /// Stable id, e.g. `sdq-parent-four-to-seventeen` or `spark`.
    pub id: &'static str,
    /// Name shown in reasons, e.g. `SDQ parent 4–17` / `SDQ ouderversie 4–17`.
    pub label: Wording,
    /// The instrument this window belongs to. Windows of the same kind are
    /// versions of one instrument (the SDQ's): a version used outside its own
    /// window while another version's window holds the age is the wrong
    /// version (PS-UNUSABLE), not an instrument used at the wrong age.
    pub kind: InstrumentKind,
    /// First valid age in whole months (inclusive).
    pub from_months: u32,
    /// First age in whole months that is no longer valid (exclusive).
    pub until_months: u32,
}

impl AgeWindow {
    /// Whether a child of this age (whole months) is inside the window.
    pub const fn contains(&self, months: u32) -> bool {
        months >= self.from_months && months < self.until_months
    }
}

/// A versioned table of instrument age windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowTable {
    /// Source guideline and version.
    pub guideline: TableSource,
    /// How a Dutch card cites [`Self::guideline`].
    pub guideline_nl: &'static str,
    /// The windows.
    pub windows: &'static [AgeWindow],
}

const fn window(
    id: &'static str,
    nl: &'static str,
    en: &'static str,
    kind: InstrumentKind,
    from_months: u32,
    until_months: u32,
) -> AgeWindow {
    AgeWindow { id, label: Wording { nl, en }, kind, from_months, until_months }
}

/// Age windows per instrument (PS-INSTRUMENT).
///
/// SPARK is the 18-month interview (SPARK18); its window runs from the
/// 12-month contact to 30 months, halfway to the separate 36-month version,
/// so a SPARK taken at a delayed 18-month contact still counts. "0–18
/// months" for the DMO-protocol includes the 18-month contact. GIZ is a
/// conversation method for 0–23 years.
pub const INSTRUMENT_WINDOWS: WindowTable = WindowTable {
    guideline: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen (instrument per age)",
        version: "2016, wegwijs table r1",
    },
    guideline_nl: INSTRUMENTS_PER_AGE_NL,
    windows: &[
        window("spark", "SPARK", "SPARK", InstrumentKind::Spark, 12, 30),
        window("dmo", "DMO-protocol", "DMO-protocol", InstrumentKind::Dmo, 0, 19),
        window("bitsea", "BITSEA", "BITSEA", InstrumentKind::Bitsea, 24, 36),
        window("sdq-parent-two-to-four", "SDQ ouderversie 2–4", "SDQ parent 2–4", InstrumentKind::Sdq, 24, 60),
        window("sdq-parent-four-to-seventeen", "SDQ ouderversie 4–17", "SDQ parent 4–17", InstrumentKind::Sdq, 48, 216),
        window(
            "sdq-teacher-four-to-seventeen",
            "SDQ leerkrachtversie 4–17",
            "SDQ teacher 4–17",
            InstrumentKind::Sdq,
            48,
            216,
        ),
        window(
            "sdq-self-eleven-to-seventeen",
            "SDQ zelfrapportage 11–17",
            "SDQ self-report 11–17",
            InstrumentKind::Sdq,
            132,
            216,
        ),
        window("kivpa", "KIVPA", "KIVPA", InstrumentKind::Kivpa, 156, 180),
        window("giz", "GIZ", "GIZ", InstrumentKind::Giz, 0, 276),
    ],
};

/// How a Dutch card cites the instrument-per-age tables.
const INSTRUMENTS_PER_AGE_NL: &str =
    "JGZ-richtlijn Psychosociale problemen (instrument per leeftijd) 2016, wegwijs-tabel r1";

/// The instrument the guideline recommends for an age range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recommendation {
    /// First age in whole months (inclusive).
    pub from_months: u32,
    /// First age in whole months no longer covered (exclusive).
    pub until_months: u32,
    /// The recommended instrument(s), as a phrase.
    pub instruments: Wording,
}

/// A versioned table of recommended instruments per age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecommendationTable {
    /// Source guideline and version.
    pub guideline: TableSource,
    /// How a Dutch card cites [`Self::guideline`].
    pub guideline_nl: &'static str,
    /// Rows in age order.
    pub rows: &'static [Recommendation],
}

const fn rec(from_months: u32, until_months: u32, nl: &'static str, en: &'static str) -> Recommendation {
    Recommendation { from_months, until_months, instruments: Wording { nl, en } }
}

/// One instrument per age period, as the guideline recommends it
/// (PS-INSTRUMENT): 0–4 y one of SPARK, DMO-protocol, BITSEA or SDQ parent
/// 3–4; 4–12 y SDQ parent 4–17; 13–14 y SDQ self-report or KIVPA; 15+ SDQ
/// self-report.
pub const RECOMMENDED_INSTRUMENTS: RecommendationTable = RecommendationTable {
    guideline: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen (instrument per age)",
        version: "2016, wegwijs table r1",
    },
    guideline_nl: INSTRUMENTS_PER_AGE_NL,
    rows: &[
        rec(0, 12, "het DMO-protocol (0–18 maanden)", "the DMO-protocol (0–18 months)"),
        rec(
            12,
            19,
            "het DMO-protocol (0–18 maanden) of de SPARK (18 maanden)",
            "the DMO-protocol (0–18 months) or SPARK (18 months)",
        ),
        rec(19, 24, "de SPARK (18 maanden)", "SPARK (18 months)"),
        rec(24, 36, "de BITSEA (2 jaar) of de SDQ ouderversie 2–4", "BITSEA (2 years) or the SDQ parent 2–4"),
        rec(36, 48, "de SDQ ouderversie 2–4 (3–4 jaar)", "the SDQ parent 2–4 (3–4 years)"),
        rec(
            48,
            96,
            "de SDQ ouderversie 4–17 (op 4–7 jaar eventueel aangevuld met de leerkrachtversie)",
            "the SDQ parent 4–17 (the teacher version may be added at 4–7 years)",
        ),
        rec(96, 156, "de SDQ ouderversie 4–17", "the SDQ parent 4–17"),
        rec(156, 180, "de SDQ zelfrapportage of de KIVPA", "the SDQ self-report or KIVPA"),
        rec(180, 216, "de SDQ zelfrapportage", "the SDQ self-report"),
        rec(
            216,
            276,
            "geen psychosociaal instrument voor 18 jaar en ouder; de gespreksmethode GIZ (0–23 jaar) is wel te \
             gebruiken",
            "no psychosocial instrument for 18 years and older; the GIZ conversation method (0–23 years) can be used",
        ),
    ],
};

/// The window id of an instrument input.
pub const fn window_id(input: &InstrumentInput) -> &'static str {
    match input {
        InstrumentInput::Sdq(s) => match s.version {
            SdqVersion::ParentTwoToFour => "sdq-parent-two-to-four",
            SdqVersion::ParentFourToSeventeen => "sdq-parent-four-to-seventeen",
            SdqVersion::TeacherFourToSeventeen => "sdq-teacher-four-to-seventeen",
            SdqVersion::SelfElevenToSeventeen => "sdq-self-eleven-to-seventeen",
        },
        InstrumentInput::Spark(_) => "spark",
        InstrumentInput::Giz(_) => "giz",
        InstrumentInput::Scored(s) => match s.instrument {
            ScoredInstrument::Dmo => "dmo",
            ScoredInstrument::Bitsea => "bitsea",
            ScoredInstrument::Kivpa => "kivpa",
        },
    }
}

/// The age window of an instrument id.
pub fn find_window(id: &str) -> Option<&'static AgeWindow> {
    INSTRUMENT_WINDOWS.windows.iter().find(|w| w.id == id)
}

/// Whether an instrument is valid at an age; prenatal or unknown age is
/// never valid, because no window can be checked.
pub fn is_valid_at(id: &str, age_months: Option<u32>) -> bool {
    match (find_window(id), age_months) {
        (Some(w), Some(m)) => w.contains(m),
        _ => false,
    }
}

/// The other versions of the same instrument whose window holds the age:
/// non-empty exactly when `window` is the wrong version for this age.
pub fn versions_for_age(window: &AgeWindow, age_months: Option<u32>) -> Vec<&'static AgeWindow> {
    let Some(m) = age_months else { return Vec::new() };
    INSTRUMENT_WINDOWS.windows.iter().filter(|w| w.kind == window.kind && w.id != window.id && w.contains(m)).collect()
}

/// The recommendation row for an age, if any.
pub fn recommended(age_months: Option<u32>) -> Option<&'static Recommendation> {
    let m = age_months?;
    RECOMMENDED_INSTRUMENTS.rows.iter().find(|r| m >= r.from_months && m < r.until_months)
}

const fn kind_of(input: &InstrumentInput) -> InstrumentKind {
    match input {
        InstrumentInput::Sdq(_) => InstrumentKind::Sdq,
        InstrumentInput::Spark(_) => InstrumentKind::Spark,
        InstrumentInput::Giz(_) => InstrumentKind::Giz,
        InstrumentInput::Scored(s) => match s.instrument {
            ScoredInstrument::Dmo => InstrumentKind::Dmo,
            ScoredInstrument::Bitsea => InstrumentKind::Bitsea,
            ScoredInstrument::Kivpa => InstrumentKind::Kivpa,
        },
    }
}

/// SPARK overall risk → level (PS-SPARK).
pub const fn spark_level(risk: SparkRisk) -> Level {
    match risk {
        SparkRisk::Laag => Level::None,
        SparkRisk::Verhoogd => Level::Attention,
        SparkRisk::Hoog => Level::Concern,
    }
}

/// GIZ conclusion → level (PS-GIZ).
pub const fn giz_level(conclusion: GizConclusion) -> Level {
    match conclusion {
        GizConclusion::Bevestiging => Level::None,
        GizConclusion::Advies => Level::Attention,
        GizConclusion::ZorgNu => Level::Concern,
        GizConclusion::IntensieveZorg => Level::High,
    }
}

/// Band of an externally scored instrument → level.
pub const fn band_level(band: Band) -> Level {
    sdq::level_of(band)
}

/// What PS-UNUSABLE says about one reason a result cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnusableRow {
    /// The reason.
    pub reason: UnusableReason,
    /// A short phrase for the summary and warnings, e.g. `the wrong version for this age`.
    pub short: Wording,
    /// What the professional does about it, e.g. `use the version for this age`.
    pub advice: Wording,
}

/// A versioned table of the reasons a result cannot be used (PS-UNUSABLE).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnusableTable {
    /// Source guideline and version.
    pub guideline: TableSource,
    /// How a Dutch card cites [`Self::guideline`].
    pub guideline_nl: &'static str,
    /// One row per reason.
    pub rows: &'static [UnusableRow],
}

/// PS-UNUSABLE: a result outside its age range, in the wrong version for
/// the age, or without a scorable total is never read as normal; the card
/// says what to do instead.
pub const UNUSABLE: UnusableTable = UnusableTable {
    guideline: TableSource {
        name: "JGZ-richtlijn Psychosociale problemen (unusable instrument results)",
        version: "2016, wegwijs table r1",
    },
    guideline_nl: "JGZ-richtlijn Psychosociale problemen (onbruikbare uitkomsten van instrumenten) 2016, \
                   wegwijs-tabel r1",
    rows: &[
        UnusableRow {
            reason: UnusableReason::OutsideAgeRange,
            short: Wording { nl: "buiten het leeftijdsbereik gebruikt", en: "used outside its age range" },
            advice: Wording {
                nl: "gebruik het instrument dat de richtlijn voor deze leeftijd noemt",
                en: "use the instrument the guideline names for this age",
            },
        },
        UnusableRow {
            reason: UnusableReason::WrongVersion,
            short: Wording { nl: "de verkeerde versie voor deze leeftijd", en: "the wrong version for this age" },
            advice: Wording { nl: "gebruik de versie voor deze leeftijd", en: "use the version for this age" },
        },
        UnusableRow {
            reason: UnusableReason::Incomplete,
            short: Wording {
                nl: "onvolledig, dus de totaalscore is niet te berekenen",
                en: "incomplete, so its total cannot be scored",
            },
            advice: Wording {
                nl: "vul de ontbrekende items aan (minstens 3 van de 5 items van elke probleemschaal) en scoor opnieuw",
                en: "complete the missing items (at least 3 of the 5 items of every difficulty scale) and score it \
                     again",
            },
        },
    ],
};

/// The PS-UNUSABLE row of a reason.
pub fn unusable_row(reason: UnusableReason) -> UnusableRow {
    // Every reason has a row; the fallback keeps a table edit from panicking.
    UNUSABLE.rows.iter().find(|r| r.reason == reason).copied().unwrap_or(UnusableRow {
        reason,
        short: Wording { nl: "niet bruikbaar", en: "not usable" },
        advice: Wording { nl: "controleer de uitkomst en beoordeel opnieuw", en: "check the result and assess again" },
    })
}

/// How a concern domain from intake counts when no usable instrument gave
/// a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConcernDomainRow {
    /// The domain (IN-DOMAIN). Safety has no row: it takes the meldcode track.
    pub domain: Domain,
    /// Whether the domain is about the child's own functioning, which the
    /// instrument for the age scores; otherwise it is about the family's
    /// circumstances or a medical question, which no psychosocial
    /// instrument scores.
    pub scored_by_instrument: bool,
    /// What a domain no instrument scores is about, for the reason.
    pub about: Wording,
}

/// A versioned table of the concern-domain fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConcernDomainTable {
    /// Source and version.
    pub guideline: TableSource,
    /// How a Dutch card cites [`Self::guideline`].
    pub guideline_nl: &'static str,
    /// Each domain gives level attention; this many or more give concern.
    pub concern_from: usize,
    /// The domains that count.
    pub rows: &'static [ConcernDomainRow],
}

const fn domain_row(
    domain: Domain,
    scored_by_instrument: bool,
    nl: &'static str,
    en: &'static str,
) -> ConcernDomainRow {
    ConcernDomainRow { domain, scored_by_instrument, about: Wording { nl, en } }
}

/// The concern domains of IN-DOMAIN as a level when nothing measured the
/// concern (default, configurable in a region's own component): each
/// domain attention, two or more concern.
pub const CONCERN_DOMAINS: ConcernDomainTable = ConcernDomainTable {
    guideline: TableSource { name: "wegwijs concern-domain fallback", version: "table r1" },
    guideline_nl: "wegwijs-terugvaltabel zorgdomeinen r1",
    concern_from: 2,
    rows: &[
        domain_row(
            Domain::Psychosocial,
            true,
            "emotionele problemen, gedragsproblemen of problemen met leeftijdsgenoten van het kind",
            "emotional, behaviour or peer problems of the child",
        ),
        domain_row(
            Domain::ParentChild,
            true,
            "de relatie tussen ouder en kind",
            "the relationship between parent and child",
        ),
        domain_row(Domain::Development, true, "de ontwikkeling van het kind", "the child's development"),
        domain_row(Domain::School, true, "schoolverzuim of leren", "school absence or learning"),
        domain_row(Domain::SubstanceUse, true, "het middelengebruik van de jongere", "the youth's substance use"),
        domain_row(
            Domain::FamilyCircumstances,
            false,
            "de omstandigheden van het gezin (schulden, huisvesting, scheiding, ziekte van een ouder), geen symptoom \
             van het kind",
            "the family's circumstances (debts, housing, divorce, parental illness), not a symptom of the child",
        ),
        domain_row(Domain::Medical, false, "een medische of somatische vraag", "a medical or somatic question"),
    ],
};

/// A valid instrument result that gave a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Level it maps to.
    pub level: Level,
    /// Instrument name in the reader's language, e.g. `SDQ parent 4–17`.
    pub label: String,
    /// Phrase for the summary line and the ladder, in the reader's
    /// language, e.g. `SDQ total 18 (abnormal, parent 4–17)`.
    pub summary: String,
}

/// An instrument result that could not be used (PS-UNUSABLE), worded in
/// the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    /// Instrument name, e.g. `SDQ parent 4–17`.
    pub label: String,
    /// Why.
    pub reason: UnusableReason,
    /// The facts behind the reason, as a clause, e.g. `it was used at age 3
    /// years 11 months (47 months), outside its window of 48–215 months`.
    pub detail: String,
    /// What to do, as a clause, e.g. `use the version for this age: SDQ parent 2–4`.
    pub advice: String,
}

impl Unusable {
    /// `SDQ parent 4–17 (the wrong version for this age)`, in `lang`.
    pub fn short(&self, lang: Language) -> String {
        format!("{} ({})", self.label, unusable_row(self.reason).short.get(lang))
    }
}

/// Every instrument result with the reasons behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentAssessment {
    /// One result per instrument input, in input order.
    pub results: Vec<InstrumentResult>,
    /// Valid results that gave a level.
    pub findings: Vec<Finding>,
    /// Results that could not be used, in input order.
    pub unusable: Vec<Unusable>,
    /// Level from the concern domains when no valid instrument gave one.
    pub concern_level: Option<Level>,
    /// What the concern-domain level rests on, e.g. `the concern domain
    /// family-circumstances`; set with `concern_level`.
    pub concern_driver: Option<String>,
    /// Whether anything points at the child's own functioning: a valid
    /// result above level none, or a concern domain an instrument scores.
    pub child_signs: bool,
    /// Reasons with rule ids.
    pub reasons: Vec<Reason>,
    /// Warnings.
    pub warnings: Vec<Reason>,
}

impl InstrumentAssessment {
    /// Records an instrument whose result maps straight to a level (SPARK,
    /// GIZ): no band and no scores to carry. `text` is the reason, `summary`
    /// the phrase for the summary line and the ladder.
    fn record_mapped(
        &mut self,
        kind: InstrumentKind,
        rule: &str,
        label: &str,
        level: Level,
        text: String,
        summary: String,
    ) {
        self.reasons.push(Reason::new(rule, text));
        self.findings.push(Finding { level, label: label.to_owned(), summary });
        self.results.push(InstrumentResult {
            instrument: kind,
            valid: true,
            level: Some(level),
            band: None,
            sdq: None,
            unusable: None,
        });
    }

    /// Records a result that cannot be used: the result without a level or
    /// band, and the PS-UNUSABLE warning naming it, why, and what to do.
    fn record_unusable(&mut self, kind: InstrumentKind, note: Unusable, sdq: Option<SdqScores>, lang: Language) {
        let (label, short, detail, advice) =
            (&note.label, unusable_row(note.reason).short.get(lang), &note.detail, &note.advice);
        let table = text::cite(&UNUSABLE.guideline, UNUSABLE.guideline_nl, lang);
        self.warnings.push(Reason::new(
            "PS-UNUSABLE",
            say!(
                lang,
                "{label} was niet bruikbaar ({short}): {detail}. De uitkomst telt niet mee: die verlaagt het niveau \
                 niet en verhoogt het ook niet; {advice} ({table}).",
                "{label} could not be used ({short}): {detail}. It counts as no result, so it neither lowers nor \
                 raises the level; {advice} ({table})."
            ),
        ));
        self.results.push(InstrumentResult {
            instrument: kind,
            valid: false,
            level: None,
            band: None,
            sdq,
            unusable: Some(note.reason),
        });
        self.unusable.push(note);
    }
}

/// `a–b months` of a window, with the last valid month.
fn window_range(w: &AgeWindow, lang: Language) -> String {
    let (from, to) = (w.from_months, w.until_months.saturating_sub(1));
    say!(lang, "{from}–{to} maanden", "{from}–{to} months")
}

/// What to use instead of an instrument outside its age range.
fn advice_for_age(age: Option<u32>, prenatal: bool, lang: Language) -> String {
    let row = unusable_row(UnusableReason::OutsideAgeRange);
    match (recommended(age), age) {
        (Some(r), _) => format!("{}: {}", row.advice.get(lang), r.instruments.get(lang)),
        (None, None) if prenatal => lang
            .pick(
                "voor de geboorte noemt de richtlijn geen psychosociaal instrument; de risicokaart \
                 ouder-kindrelatie is van toepassing",
                "before birth the guideline names no psychosocial instrument; the risk card parent–child \
                 relationship applies",
            )
            .to_owned(),
        (None, None) => lang
            .pick(
                "leg eerst de leeftijd vast en gebruik dan het instrument dat de richtlijn voor die leeftijd noemt",
                "record the age first, then use the instrument the guideline names for that age",
            )
            .to_owned(),
        (None, Some(m)) => no_instrument_at(m, lang),
    }
}

/// "For age … the guideline names no psychosocial instrument".
fn no_instrument_at(months: u32, lang: Language) -> String {
    let age = text::age_label(months, lang);
    say!(
        lang,
        "voor de leeftijd van {age} noemt de richtlijn geen psychosociaal instrument",
        "for age {age} the guideline names no psychosocial instrument"
    )
}

/// Why an instrument used outside its window cannot be used, and what to
/// use instead: the wrong version when another version of it fits the age.
fn outside_window(win: &AgeWindow, age: Option<u32>, prenatal: bool, lang: Language) -> Unusable {
    let alternatives = versions_for_age(win, age);
    let range = window_range(win, lang);
    if alternatives.is_empty() {
        let detail = match age {
            Some(_) => {
                let at = text::at_age(age, prenatal, lang);
                say!(
                    lang,
                    "het instrument is gebruikt {at}, buiten het leeftijdsbereik van {range}",
                    "it was used {at}, outside its age window of {range}"
                )
            }
            None if prenatal => lang
                .pick(
                    "het instrument is voor de geboorte gebruikt, toen er nog geen leeftijdsbereik gold",
                    "it was used before birth, when no age window applies",
                )
                .to_owned(),
            None => say!(
                lang,
                "de leeftijd is onbekend, dus het leeftijdsbereik van {range} is niet te controleren",
                "the age is unknown, so its age window of {range} cannot be checked"
            ),
        };
        Unusable {
            label: win.label.get(lang).to_owned(),
            reason: UnusableReason::OutsideAgeRange,
            detail,
            advice: advice_for_age(age, prenatal, lang),
        }
    } else {
        let names: Vec<String> = alternatives.iter().map(|w| w.label.get(lang).to_owned()).collect();
        let windows: Vec<String> =
            alternatives.iter().map(|w| format!("{} ({})", w.label.get(lang), window_range(w, lang))).collect();
        let at = text::at_age(age, prenatal, lang);
        let windows = text::and_list(&windows, lang);
        let n = alternatives.len();
        let detail = match lang {
            Language::Nl => {
                let is = text::noun(n, "is", "zijn");
                format!(
                    "het instrument is gebruikt {at}, buiten het bereik van {range}, terwijl {windows} de versie voor \
                     deze leeftijd {is}"
                )
            }
            Language::En => {
                let is = text::noun(n, "is", "are");
                format!(
                    "it was used {at}, outside its window of {range}, while {windows} {is} the version for this age"
                )
            }
        };
        Unusable {
            label: win.label.get(lang).to_owned(),
            reason: UnusableReason::WrongVersion,
            detail,
            advice: format!(
                "{}: {}",
                unusable_row(UnusableReason::WrongVersion).advice.get(lang),
                text::or_list(&names, lang)
            ),
        }
    }
}

/// Checks and scores every instrument of the case, then falls back on the
/// concern domains when no valid instrument gave a level; every text is in
/// `lang`.
pub fn assess(
    case: &ChildCase,
    intake: &IntakeCard,
    config: &dyn RegionConfig,
    lang: Language,
) -> InstrumentAssessment {
    let age = intake.age_months;
    let prenatal = intake.age_band == Some(AgeBand::Prenatal);
    let mut out = InstrumentAssessment {
        results: Vec::new(),
        findings: Vec::new(),
        unusable: Vec::new(),
        concern_level: None,
        concern_driver: None,
        child_signs: false,
        reasons: Vec::new(),
        warnings: Vec::new(),
    };
    let windows_table = text::cite(&INSTRUMENT_WINDOWS.guideline, INSTRUMENT_WINDOWS.guideline_nl, lang);

    for input in &case.instruments {
        let kind = kind_of(input);
        let id = window_id(input);
        let Some(win) = find_window(id) else {
            // Every input has a window in the table; a table edit that drops
            // one must not make a result count.
            let note = Unusable {
                label: id.to_owned(),
                reason: UnusableReason::OutsideAgeRange,
                detail: say!(
                    lang,
                    "de tabel met leeftijdsbereiken ({windows_table}) heeft er geen rij voor",
                    "the age window table ({windows_table}) has no row for it"
                ),
                advice: advice_for_age(age, prenatal, lang),
            };
            out.record_unusable(kind, note, None, lang);
            continue;
        };
        let label = win.label.get(lang);
        let age_text = text::at_age(age, prenatal, lang);
        let range = window_range(win, lang);
        if !is_valid_at(id, age) {
            out.warnings.push(Reason::new(
                "PS-INSTRUMENT",
                say!(
                    lang,
                    "{label} is gebruikt {age_text}, buiten het leeftijdsbereik van {range} ({windows_table}); de \
                     uitkomst wordt vermeld, maar niet als geldig gescoord en verder niet gebruikt.",
                    "{label} was used {age_text}, outside its age window of {range} ({windows_table}); it is reported \
                     but not scored as valid and not used further."
                ),
            ));
            out.record_unusable(kind, outside_window(win, age, prenatal, lang), None, lang);
            continue;
        }
        match input {
            InstrumentInput::Sdq(s) => {
                let outcome = sdq::evaluate(s.version, &s.answers, config, lang);
                out.reasons.extend(outcome.reasons);
                out.warnings.extend(outcome.warnings);
                let version = text::sdq_version_label(s.version, lang);
                let label = format!("SDQ {version}");
                let total = outcome.scores.as_ref().and_then(|sc| sc.total.as_ref()).map(|t| t.score);
                let row = unusable_row(UnusableReason::Incomplete);
                let items = sdq::ITEM_COUNT;
                match (outcome.wrong_length, total) {
                    (Some(received), _) => {
                        let note = Unusable {
                            label,
                            reason: UnusableReason::Incomplete,
                            detail: say!(
                                lang,
                                "er zijn {received} antwoorden in plaats van {items}, dus die zijn niet aan de items \
                                 te koppelen",
                                "it has {received} answers instead of {items}, so they cannot be matched to its items"
                            ),
                            advice: say!(
                                lang,
                                "voer alle {items} antwoorden in de volgorde van de items in en scoor opnieuw",
                                "enter all {items} answers in item order and score it again"
                            ),
                        };
                        out.record_unusable(kind, note, None, lang);
                    }
                    (None, None) => {
                        let scales: Vec<String> = outcome.missing.iter().map(|m| m.term(lang).to_owned()).collect();
                        let n = scales.len();
                        let scales = text::and_list(&scales, lang);
                        let least = sdq::MIN_ANSWERED;
                        let detail = match lang {
                            Language::Nl => {
                                let scale = text::noun(n, "de subschaal", "de subschalen");
                                format!(
                                    "bij {scale} {scales} zijn minder dan {least} van de 5 items beantwoord, dus de \
                                     totale moeilijkhedenscore is niet te berekenen"
                                )
                            }
                            Language::En => format!(
                                "the {scales} {} {} fewer than {least} of {} 5 items answered, so the total \
                                 difficulties score cannot be scored",
                                text::noun(n, "scale", "scales"),
                                text::noun(n, "has", "have"),
                                text::noun(n, "its", "their")
                            ),
                        };
                        let note = Unusable {
                            label,
                            reason: UnusableReason::Incomplete,
                            detail,
                            advice: row.advice.get(lang).to_owned(),
                        };
                        out.record_unusable(kind, note, outcome.scores, lang);
                    }
                    (None, Some(score)) => {
                        if let Some(level) = outcome.level {
                            let band = outcome
                                .band
                                .map_or(lang.pick("geen categorie", "no band"), |b| wegwijs_kit::band_term(b, lang));
                            out.findings.push(Finding {
                                level,
                                label: label.clone(),
                                summary: say!(
                                    lang,
                                    "SDQ-totaalscore {score} ({band}, {version})",
                                    "SDQ total {score} ({band}, {version})"
                                ),
                            });
                        }
                        out.results.push(InstrumentResult {
                            instrument: kind,
                            valid: true,
                            level: outcome.level,
                            band: outcome.band,
                            sdq: outcome.scores,
                            unusable: None,
                        });
                    }
                }
            }
            InstrumentInput::Spark(risk) => {
                let level = spark_level(*risk);
                let (name, term) = (risk.name(), level_term(level, lang));
                let text = say!(
                    lang,
                    "Totaalrisico SPARK {name} {age_text}: dat geeft niveau {term}.",
                    "SPARK overall risk {name} {age_text} maps to level {term}."
                );
                out.record_mapped(kind, "PS-SPARK", "SPARK", level, text, format!("SPARK {name} ({term})"));
            }
            InstrumentInput::Giz(conclusion) => {
                let level = giz_level(*conclusion);
                let (name, term) = (conclusion.name(), level_term(level, lang));
                let text = say!(
                    lang,
                    "GIZ-conclusie {name}: dat geeft niveau {term}.",
                    "GIZ conclusion {name} maps to level {term}."
                );
                out.record_mapped(kind, "PS-GIZ", "GIZ", level, text, format!("GIZ {name} ({term})"));
            }
            InstrumentInput::Scored(s) => {
                let level = band_level(s.band);
                let (band, term) = (wegwijs_kit::band_term(s.band, lang), level_term(level, lang));
                out.reasons.push(Reason::new(
                    "PS-INSTRUMENT",
                    say!(
                        lang,
                        "{label} (geldig {range}) is gebruikt {age_text}; de professional beoordeelde de uitkomst \
                         als {band}, dat geeft niveau {term}.",
                        "{label} (valid {range}) was used {age_text} and concluded {band} by the professional, which \
                         maps to level {term}."
                    ),
                ));
                out.findings.push(Finding {
                    level,
                    label: label.to_owned(),
                    summary: format!("{label} {band} ({term})"),
                });
                out.results.push(InstrumentResult {
                    instrument: kind,
                    valid: true,
                    level: Some(level),
                    band: Some(s.band),
                    sdq: None,
                    unusable: None,
                });
            }
        }
    }
    out.child_signs = out.findings.iter().any(|f| f.level > Level::None);

    if out.findings.is_empty() {
        let advice = match (recommended(age), age) {
            (Some(r), Some(m)) => {
                let (age, instruments) = (text::age_label(m, lang), r.instruments.get(lang));
                say!(
                    lang,
                    "voor de leeftijd van {age} noemt de richtlijn {instruments}",
                    "for age {age} the guideline recommends {instruments}"
                )
            }
            _ if prenatal => lang
                .pick(
                    "voor de geboorte noemt de richtlijn geen psychosociaal instrument; de risicokaart \
                     ouder-kindrelatie is van toepassing",
                    "before birth the guideline names no psychosocial instrument; the risk card parent–child \
                     relationship applies",
                )
                .to_owned(),
            (_, None) => lang
                .pick(
                    "de leeftijd is onbekend, dus er is geen instrument te kiezen; leg eerst de leeftijd vast",
                    "the age is unknown, so no instrument can be chosen; record the age first",
                )
                .to_owned(),
            (None, Some(m)) => no_instrument_at(m, lang),
        };
        let supplied = if case.instruments.is_empty() {
            lang.pick("Er is geen uitkomst van een instrument aangeleverd", "No instrument result was supplied")
                .to_owned()
        } else if out.unusable.is_empty() {
            lang.pick(
                "Geen geldige uitkomst van een instrument gaf een niveau",
                "No valid instrument result gave a level",
            )
            .to_owned()
        } else {
            let names: Vec<String> = out.unusable.iter().map(|u| u.label.clone()).collect();
            let was = text::noun(names.len(), "was", "waren");
            let names = text::and_list(&names, lang);
            say!(
                lang,
                "Er is geen bruikbare uitkomst van een instrument aangeleverd ({names} {was} niet bruikbaar)",
                "No usable instrument result was supplied ({names} could not be used)"
            )
        };
        let table = text::cite(&RECOMMENDED_INSTRUMENTS.guideline, RECOMMENDED_INSTRUMENTS.guideline_nl, lang);
        out.reasons.push(Reason::new("PS-INSTRUMENT", format!("{supplied}; {advice} ({table}).")));
        concern_fallback(intake, &mut out, lang);
    }
    out
}

/// A concern domain as a text names it: `family-circumstances` /
/// `gezinsomstandigheden`.
fn domain_name(d: Domain, lang: Language) -> &'static str {
    match lang {
        Language::En => d.name(),
        Language::Nl => domain_term(d, lang),
    }
}

/// The concern-domain level when no usable instrument gave one
/// ([`CONCERN_DOMAINS`]); safety concerns go to the meldcode track instead.
fn concern_fallback(intake: &IntakeCard, out: &mut InstrumentAssessment, lang: Language) {
    let mut rows: Vec<&ConcernDomainRow> = Vec::new();
    for d in &intake.domains {
        if let Some(row) = CONCERN_DOMAINS.rows.iter().find(|r| r.domain == *d)
            && !rows.iter().any(|r| r.domain == *d)
        {
            rows.push(row);
        }
    }
    if rows.is_empty() {
        return;
    }
    let level = if rows.len() >= CONCERN_DOMAINS.concern_from { Level::Concern } else { Level::Attention };
    let names: Vec<String> = rows.iter().map(|r| domain_name(r.domain, lang).to_owned()).collect();
    let n = names.len();
    let names = text::and_list(&names, lang);
    let (term, from) = (level_term(level, lang), CONCERN_DOMAINS.concern_from);
    let table = text::cite(&CONCERN_DOMAINS.guideline, CONCERN_DOMAINS.guideline_nl, lang);
    let (mut text, driver) = match lang {
        Language::Nl => {
            let (domain, gives) = if n == 1 { ("het zorgdomein", "geeft") } else { ("de zorgdomeinen", "geven") };
            (
                format!(
                    "Zonder bruikbaar instrument {gives} {domain} {names} niveau {term} (elk zorgdomein geeft \
                     aandacht, {from} of meer geven zorg; een standaard, {table})."
                ),
                format!("{domain} {names}"),
            )
        }
        Language::En => {
            let (domain, gives) = (text::noun(n, "domain", "domains"), text::noun(n, "gives", "give"));
            (
                format!(
                    "Without a usable instrument the concern {domain} {names} {gives} level {term} (each concern \
                     domain gives attention, {from} or more give concern; a default, {table})."
                ),
                format!("the concern {domain} {names}"),
            )
        }
    };
    for row in rows.iter().filter(|r| !r.scored_by_instrument) {
        let (name, about) = (domain_name(row.domain, lang), row.about.get(lang));
        text.push_str(&say!(
            lang,
            " Het domein {name} gaat over {about}, dus geen psychosociaal instrument scoort dat.",
            " The domain {name} is about {about}, so no psychosocial instrument scores it."
        ));
    }
    if rows.iter().any(|r| r.scored_by_instrument) {
        out.child_signs = true;
        text.push_str(lang.pick(
            " Neem het instrument af dat bij de leeftijd past om de zorg over het kind te scoren.",
            " Administer the age-appropriate instrument to score the child's concern.",
        ));
    }
    out.concern_level = Some(level);
    out.concern_driver = Some(driver);
    out.reasons.push(Reason::new("PS-INSTRUMENT", text));
}
