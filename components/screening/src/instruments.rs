//! Psychosocial instruments (guideline brief §2.2): checks each result
//! against the instrument's age window (PS-INSTRUMENT), maps it to a level
//! (PS-SDQ-*, PS-SPARK, PS-GIZ and the externally scored DMO-protocol,
//! BITSEA and KIVPA), says which results cannot be used and what to do
//! about them (PS-UNUSABLE), names the instrument the guideline recommends
//! when no usable result was supplied, and derives a level from the concern
//! domains when there is nothing else to go on.

use alloc::{borrow::ToOwned, format, string::String, vec::Vec};

use wegwijs_types::{
    AgeBand, Band, ChildCase, Domain, GizConclusion, InstrumentInput, InstrumentKind, InstrumentResult, IntakeCard,
    Level, Reason, RegionConfig, ScoredInstrument, SdqScores, SdqVersion, SparkRisk, UnusableReason,
};

use crate::{sdq, text};
use wegwijs_kit::TableSource;

/// The age window in which one instrument (or SDQ version) is valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeWindow {
    /// Stable id, e.g. `sdq-parent-four-to-seventeen` or `spark`.
    pub id: &'static str,
    /// Name shown in reasons.
    pub label: &'static str,
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
    /// The windows.
    pub windows: &'static [AgeWindow],
}

const fn window(
    id: &'static str,
    label: &'static str,
    kind: InstrumentKind,
    from_months: u32,
    until_months: u32,
) -> AgeWindow {
    AgeWindow { id, label, kind, from_months, until_months }
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
    windows: &[
        window("spark", "SPARK", InstrumentKind::Spark, 12, 30),
        window("dmo", "DMO-protocol", InstrumentKind::Dmo, 0, 19),
        window("bitsea", "BITSEA", InstrumentKind::Bitsea, 24, 36),
        window("sdq-parent-two-to-four", "SDQ parent 2–4", InstrumentKind::Sdq, 24, 60),
        window("sdq-parent-four-to-seventeen", "SDQ parent 4–17", InstrumentKind::Sdq, 48, 216),
        window("sdq-teacher-four-to-seventeen", "SDQ teacher 4–17", InstrumentKind::Sdq, 48, 216),
        window("sdq-self-eleven-to-seventeen", "SDQ self-report 11–17", InstrumentKind::Sdq, 132, 216),
        window("kivpa", "KIVPA", InstrumentKind::Kivpa, 156, 180),
        window("giz", "GIZ", InstrumentKind::Giz, 0, 276),
    ],
};

/// The instrument the guideline recommends for an age range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recommendation {
    /// First age in whole months (inclusive).
    pub from_months: u32,
    /// First age in whole months no longer covered (exclusive).
    pub until_months: u32,
    /// The recommended instrument(s), as a phrase.
    pub instruments: &'static str,
}

/// A versioned table of recommended instruments per age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecommendationTable {
    /// Source guideline and version.
    pub guideline: TableSource,
    /// Rows in age order.
    pub rows: &'static [Recommendation],
}

const fn rec(from_months: u32, until_months: u32, instruments: &'static str) -> Recommendation {
    Recommendation { from_months, until_months, instruments }
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
    rows: &[
        rec(0, 12, "the DMO-protocol (0–18 months)"),
        rec(12, 19, "the DMO-protocol (0–18 months) or SPARK (18 months)"),
        rec(19, 24, "SPARK (18 months)"),
        rec(24, 36, "BITSEA (2 years) or the SDQ parent 2–4"),
        rec(36, 48, "the SDQ parent 2–4 (3–4 years)"),
        rec(48, 96, "the SDQ parent 4–17 (the teacher version may be added at 4–7 years)"),
        rec(96, 156, "the SDQ parent 4–17"),
        rec(156, 180, "the SDQ self-report or KIVPA"),
        rec(180, 216, "the SDQ self-report"),
        rec(
            216,
            276,
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
    pub short: &'static str,
    /// What the professional does about it, e.g. `use the version for this age`.
    pub advice: &'static str,
}

/// A versioned table of the reasons a result cannot be used (PS-UNUSABLE).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnusableTable {
    /// Source guideline and version.
    pub guideline: TableSource,
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
    rows: &[
        UnusableRow {
            reason: UnusableReason::OutsideAgeRange,
            short: "used outside its age range",
            advice: "use the instrument the guideline names for this age",
        },
        UnusableRow {
            reason: UnusableReason::WrongVersion,
            short: "the wrong version for this age",
            advice: "use the version for this age",
        },
        UnusableRow {
            reason: UnusableReason::Incomplete,
            short: "incomplete, so its total cannot be scored",
            advice: "complete the missing items (at least 3 of the 5 items of every difficulty scale) and score it again",
        },
    ],
};

/// The PS-UNUSABLE row of a reason.
pub fn unusable_row(reason: UnusableReason) -> UnusableRow {
    // Every reason has a row; the fallback keeps a table edit from panicking.
    UNUSABLE.rows.iter().find(|r| r.reason == reason).copied().unwrap_or(UnusableRow {
        reason,
        short: "not usable",
        advice: "check the result and assess again",
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
    pub about: &'static str,
}

/// A versioned table of the concern-domain fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConcernDomainTable {
    /// Source and version.
    pub guideline: TableSource,
    /// Each domain gives level attention; this many or more give concern.
    pub concern_from: usize,
    /// The domains that count.
    pub rows: &'static [ConcernDomainRow],
}

const fn domain_row(domain: Domain, scored_by_instrument: bool, about: &'static str) -> ConcernDomainRow {
    ConcernDomainRow { domain, scored_by_instrument, about }
}

/// The concern domains of IN-DOMAIN as a level when nothing measured the
/// concern (default, configurable in a region's own component): each
/// domain attention, two or more concern.
pub const CONCERN_DOMAINS: ConcernDomainTable = ConcernDomainTable {
    guideline: TableSource { name: "wegwijs concern-domain fallback", version: "table r1" },
    concern_from: 2,
    rows: &[
        domain_row(Domain::Psychosocial, true, "emotional, behaviour or peer problems of the child"),
        domain_row(Domain::ParentChild, true, "the relationship between parent and child"),
        domain_row(Domain::Development, true, "the child's development"),
        domain_row(Domain::School, true, "school absence or learning"),
        domain_row(Domain::SubstanceUse, true, "the youth's substance use"),
        domain_row(
            Domain::FamilyCircumstances,
            false,
            "the family's circumstances (debts, housing, divorce, parental illness), not a symptom of the child",
        ),
        domain_row(Domain::Medical, false, "a medical or somatic question"),
    ],
};

/// A valid instrument result that gave a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Level it maps to.
    pub level: Level,
    /// Instrument name, e.g. `SDQ parent 4–17`.
    pub label: String,
    /// Phrase for the summary line and the ladder, e.g. `SDQ total 18 (abnormal, parent 4–17)`.
    pub summary: String,
}

/// An instrument result that could not be used (PS-UNUSABLE).
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
    /// `SDQ parent 4–17 (the wrong version for this age)`.
    pub fn short(&self) -> String {
        format!("{} ({})", self.label, unusable_row(self.reason).short)
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
    /// GIZ): no band and no scores to carry.
    fn record_mapped(
        &mut self,
        kind: InstrumentKind,
        rule: &str,
        label: &str,
        value: &str,
        level: Level,
        text: String,
    ) {
        self.reasons.push(Reason::new(rule, text));
        self.findings.push(Finding {
            level,
            label: label.to_owned(),
            summary: format!("{label} {value} ({})", level.name()),
        });
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
    fn record_unusable(&mut self, kind: InstrumentKind, note: Unusable, sdq: Option<SdqScores>) {
        self.warnings.push(Reason::new(
            "PS-UNUSABLE",
            format!(
                "{} could not be used ({}): {}. It counts as no result, so it neither lowers nor raises the level; {} ({}).",
                note.label,
                unusable_row(note.reason).short,
                note.detail,
                note.advice,
                UNUSABLE.guideline.label()
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
fn window_range(w: &AgeWindow) -> String {
    format!("{}–{} months", w.from_months, w.until_months.saturating_sub(1))
}

/// What to use instead of an instrument outside its age range.
fn advice_for_age(age: Option<u32>, prenatal: bool) -> String {
    let row = unusable_row(UnusableReason::OutsideAgeRange);
    match (recommended(age), age) {
        (Some(r), _) => format!("{}: {}", row.advice, r.instruments),
        (None, None) if prenatal => {
            "before birth the guideline names no psychosocial instrument; the risk card parent–child relationship applies".to_owned()
        }
        (None, None) => "record the age first, then use the instrument the guideline names for that age".to_owned(),
        (None, Some(m)) => format!("for age {} the guideline names no psychosocial instrument", text::age_label(m)),
    }
}

/// Why an instrument used outside its window cannot be used, and what to
/// use instead: the wrong version when another version of it fits the age.
fn outside_window(win: &AgeWindow, age: Option<u32>, prenatal: bool) -> Unusable {
    let alternatives = versions_for_age(win, age);
    if alternatives.is_empty() {
        let detail = match age {
            Some(_) => {
                format!("it was used {}, outside its age window of {}", text::at_age(age, prenatal), window_range(win))
            }
            None if prenatal => "it was used before birth, when no age window applies".to_owned(),
            None => format!("the age is unknown, so its age window of {} cannot be checked", window_range(win)),
        };
        Unusable {
            label: win.label.to_owned(),
            reason: UnusableReason::OutsideAgeRange,
            detail,
            advice: advice_for_age(age, prenatal),
        }
    } else {
        let names: Vec<String> = alternatives.iter().map(|w| w.label.to_owned()).collect();
        let windows: Vec<String> = alternatives.iter().map(|w| format!("{} ({})", w.label, window_range(w))).collect();
        Unusable {
            label: win.label.to_owned(),
            reason: UnusableReason::WrongVersion,
            detail: format!(
                "it was used {}, outside its window of {}, while {} {} the version for this age",
                text::at_age(age, prenatal),
                window_range(win),
                text::and_list(&windows),
                text::noun(alternatives.len(), "is", "are")
            ),
            advice: format!("{}: {}", unusable_row(UnusableReason::WrongVersion).advice, names.join(" or ")),
        }
    }
}

/// Checks and scores every instrument of the case, then falls back on the
/// concern domains when no valid instrument gave a level.
pub fn assess(case: &ChildCase, intake: &IntakeCard, config: &dyn RegionConfig) -> InstrumentAssessment {
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

    for input in &case.instruments {
        let kind = kind_of(input);
        let id = window_id(input);
        let Some(win) = find_window(id) else {
            // Every input has a window in the table; a table edit that drops
            // one must not make a result count.
            let note = Unusable {
                label: id.to_owned(),
                reason: UnusableReason::OutsideAgeRange,
                detail: format!("the age window table ({}) has no row for it", INSTRUMENT_WINDOWS.guideline.label()),
                advice: advice_for_age(age, prenatal),
            };
            out.record_unusable(kind, note, None);
            continue;
        };
        if !is_valid_at(id, age) {
            out.warnings.push(Reason::new(
                "PS-INSTRUMENT",
                format!(
                    "{} was used {}, outside its age window of {} ({}); it is reported but not scored as valid and not used further.",
                    win.label,
                    text::at_age(age, prenatal),
                    window_range(win),
                    INSTRUMENT_WINDOWS.guideline.label()
                ),
            ));
            out.record_unusable(kind, outside_window(win, age, prenatal), None);
            continue;
        }
        let age_text = text::at_age(age, prenatal);
        match input {
            InstrumentInput::Sdq(s) => {
                let outcome = sdq::evaluate(s.version, &s.answers, config);
                out.reasons.extend(outcome.reasons);
                out.warnings.extend(outcome.warnings);
                let label = format!("SDQ {}", text::sdq_version_label(s.version));
                let total = outcome.scores.as_ref().and_then(|sc| sc.total.as_ref()).map(|t| t.score);
                let row = unusable_row(UnusableReason::Incomplete);
                match (outcome.wrong_length, total) {
                    (Some(received), _) => {
                        let note = Unusable {
                            label,
                            reason: UnusableReason::Incomplete,
                            detail: format!(
                                "it has {received} answers instead of {}, so they cannot be matched to its items",
                                sdq::ITEM_COUNT
                            ),
                            advice: format!("enter all {} answers in item order and score it again", sdq::ITEM_COUNT),
                        };
                        out.record_unusable(kind, note, None);
                    }
                    (None, None) => {
                        let scales: Vec<String> = outcome.missing.iter().map(|m| m.name().to_owned()).collect();
                        let n = scales.len();
                        let note = Unusable {
                            label,
                            reason: UnusableReason::Incomplete,
                            detail: format!(
                                "the {} {} {} fewer than {} of {} 5 items answered, so the total difficulties score cannot be scored",
                                text::and_list(&scales),
                                text::noun(n, "scale", "scales"),
                                text::noun(n, "has", "have"),
                                sdq::MIN_ANSWERED,
                                text::noun(n, "its", "their")
                            ),
                            advice: row.advice.to_owned(),
                        };
                        out.record_unusable(kind, note, outcome.scores);
                    }
                    (None, Some(score)) => {
                        if let Some(level) = outcome.level {
                            let band = outcome.band.map_or("no band", |b| b.name());
                            out.findings.push(Finding {
                                level,
                                label: label.clone(),
                                summary: format!("SDQ total {score} ({band}, {})", text::sdq_version_label(s.version)),
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
                let text = format!("SPARK overall risk {} {age_text} maps to level {}.", risk.name(), level.name());
                out.record_mapped(kind, "PS-SPARK", "SPARK", risk.name(), level, text);
            }
            InstrumentInput::Giz(conclusion) => {
                let level = giz_level(*conclusion);
                let text = format!("GIZ conclusion {} maps to level {}.", conclusion.name(), level.name());
                out.record_mapped(kind, "PS-GIZ", "GIZ", conclusion.name(), level, text);
            }
            InstrumentInput::Scored(s) => {
                let level = band_level(s.band);
                out.reasons.push(Reason::new(
                    "PS-INSTRUMENT",
                    format!(
                        "{} (valid {}) was used {age_text} and concluded {} by the professional, which maps to level {}.",
                        win.label,
                        window_range(win),
                        s.band.name(),
                        level.name()
                    ),
                ));
                out.findings.push(Finding {
                    level,
                    label: win.label.to_owned(),
                    summary: format!("{} {} ({})", win.label, s.band.name(), level.name()),
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
            (Some(r), Some(m)) => format!("for age {} the guideline recommends {}", text::age_label(m), r.instruments),
            _ if prenatal => {
                "before birth the guideline names no psychosocial instrument; the risk card parent–child relationship applies".to_owned()
            }
            (_, None) => "the age is unknown, so no instrument can be chosen; record the age first".to_owned(),
            (None, Some(m)) => format!("for age {} the guideline names no psychosocial instrument", text::age_label(m)),
        };
        let supplied = if case.instruments.is_empty() {
            "No instrument result was supplied".to_owned()
        } else if out.unusable.is_empty() {
            "No valid instrument result gave a level".to_owned()
        } else {
            let names: Vec<String> = out.unusable.iter().map(|u| u.label.clone()).collect();
            format!("No usable instrument result was supplied ({} could not be used)", text::and_list(&names))
        };
        out.reasons.push(Reason::new(
            "PS-INSTRUMENT",
            format!("{supplied}; {advice} ({}).", RECOMMENDED_INSTRUMENTS.guideline.label()),
        ));
        concern_fallback(intake, &mut out);
    }
    out
}

/// The concern-domain level when no usable instrument gave one
/// ([`CONCERN_DOMAINS`]); safety concerns go to the meldcode track instead.
fn concern_fallback(intake: &IntakeCard, out: &mut InstrumentAssessment) {
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
    let names: Vec<String> = rows.iter().map(|r| r.domain.name().to_owned()).collect();
    let n = names.len();
    let mut text = format!(
        "Without a usable instrument the concern {} {} {} level {} (each concern domain gives attention, {} or more give concern; a default, {}).",
        text::noun(n, "domain", "domains"),
        text::and_list(&names),
        text::noun(n, "gives", "give"),
        level.name(),
        CONCERN_DOMAINS.concern_from,
        CONCERN_DOMAINS.guideline.label()
    );
    for row in rows.iter().filter(|r| !r.scored_by_instrument) {
        text.push_str(&format!(
            " The domain {} is about {}, so no psychosocial instrument scores it.",
            row.domain.name(),
            row.about
        ));
    }
    if rows.iter().any(|r| r.scored_by_instrument) {
        out.child_signs = true;
        text.push_str(" Administer the age-appropriate instrument to score the child's concern.");
    }
    out.concern_level = Some(level);
    out.concern_driver = Some(format!("the concern {} {}", text::noun(n, "domain", "domains"), text::and_list(&names)));
    out.reasons.push(Reason::new("PS-INSTRUMENT", text));
}
