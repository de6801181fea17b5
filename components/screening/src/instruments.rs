//! Psychosocial instruments (guideline brief §2.2): checks each result
//! against the instrument's age window (PS-INSTRUMENT), maps it to a level
//! (PS-SDQ-*, PS-SPARK, PS-GIZ and the externally scored DMO-protocol,
//! BITSEA and KIVPA), names the instrument the guideline recommends when no
//! valid result was supplied, and derives a level from the concern domains
//! when there is nothing else to go on.

use alloc::{
    borrow::ToOwned,
    format,
    string::{String, ToString},
    vec::Vec,
};

use wegwijs_types::{
    AgeBand, Band, ChildCase, Domain, GizConclusion, InstrumentInput, InstrumentKind, InstrumentResult, IntakeCard,
    Level, Reason, RegionConfig, ScoredInstrument, SdqVersion, SparkRisk,
};

use crate::{Guideline, sdq, text};

/// The age window in which one instrument (or SDQ version) is valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeWindow {
    /// Stable id, e.g. `sdq-parent-four-to-seventeen` or `spark`.
    pub id: &'static str,
    /// Name shown in reasons.
    pub label: &'static str,
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
    pub guideline: Guideline,
    /// The windows.
    pub windows: &'static [AgeWindow],
}

const fn window(id: &'static str, label: &'static str, from_months: u32, until_months: u32) -> AgeWindow {
    AgeWindow { id, label, from_months, until_months }
}

/// Age windows per instrument (PS-INSTRUMENT).
///
/// SPARK is the 18-month interview (SPARK18); its window runs from the
/// 12-month contact to 30 months, halfway to the separate 36-month version,
/// so a SPARK taken at a delayed 18-month contact still counts. "0–18
/// months" for the DMO-protocol includes the 18-month contact. GIZ is a
/// conversation method for 0–23 years.
pub const INSTRUMENT_WINDOWS: WindowTable = WindowTable {
    guideline: Guideline {
        name: "JGZ-richtlijn Psychosociale problemen (instrument per age)",
        version: "2016, wegwijs table r1",
    },
    windows: &[
        window("spark", "SPARK", 12, 30),
        window("dmo", "DMO-protocol", 0, 19),
        window("bitsea", "BITSEA", 24, 36),
        window("sdq-parent-two-to-four", "SDQ parent 2–4", 24, 60),
        window("sdq-parent-four-to-seventeen", "SDQ parent 4–17", 48, 216),
        window("sdq-teacher-four-to-seventeen", "SDQ teacher 4–17", 48, 216),
        window("sdq-self-eleven-to-seventeen", "SDQ self-report 11–17", 132, 216),
        window("kivpa", "KIVPA", 156, 180),
        window("giz", "GIZ", 0, 276),
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
    pub guideline: Guideline,
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
    guideline: Guideline {
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

/// A valid instrument result that gave a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Level it maps to.
    pub level: Level,
    /// Instrument name, e.g. `SDQ parent 4–17`.
    pub label: String,
    /// Phrase for the summary line, e.g. `SDQ total 18 (abnormal, parent 4–17)`.
    pub summary: String,
}

/// Every instrument result with the reasons behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentAssessment {
    /// One result per instrument input, in input order.
    pub results: Vec<InstrumentResult>,
    /// Valid results that gave a level.
    pub findings: Vec<Finding>,
    /// Level from the concern domains when no valid instrument gave one.
    pub concern_level: Option<Level>,
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
}

fn invalid(kind: InstrumentKind) -> InstrumentResult {
    InstrumentResult { instrument: kind, valid: false, level: None, band: None, sdq: None, unusable: None }
}

/// Checks and scores every instrument of the case, then falls back on the
/// concern domains when no valid instrument gave a level.
pub fn assess(case: &ChildCase, intake: &IntakeCard, config: &dyn RegionConfig) -> InstrumentAssessment {
    let age = intake.age_months;
    let age_text = text::age_label(age);
    let mut out = InstrumentAssessment {
        results: Vec::new(),
        findings: Vec::new(),
        concern_level: None,
        reasons: Vec::new(),
        warnings: Vec::new(),
    };

    for input in &case.instruments {
        let kind = kind_of(input);
        let id = window_id(input);
        let Some(win) = find_window(id) else {
            out.results.push(invalid(kind));
            continue;
        };
        if !is_valid_at(id, age) {
            out.warnings.push(Reason::new(
                "PS-INSTRUMENT",
                format!(
                    "{} was used at age {age_text}, outside its age window of {}–{} months ({}); it is reported but not scored as valid and not used further.",
                    win.label,
                    win.from_months,
                    win.until_months.saturating_sub(1),
                    INSTRUMENT_WINDOWS.guideline.label()
                ),
            ));
            out.results.push(invalid(kind));
            continue;
        }
        match input {
            InstrumentInput::Sdq(s) => {
                let outcome = sdq::evaluate(s.version, &s.answers, config);
                out.reasons.extend(outcome.reasons);
                out.warnings.extend(outcome.warnings);
                let label = text::sdq_version_label(s.version);
                if let (Some(level), Some(total)) =
                    (outcome.level, outcome.scores.as_ref().and_then(|sc| sc.total.as_ref()))
                {
                    let band = outcome.band.map_or("no band", |b| b.name());
                    out.findings.push(Finding {
                        level,
                        label: format!("SDQ {label}"),
                        summary: format!("SDQ total {} ({band}, {label})", total.score),
                    });
                }
                out.results.push(InstrumentResult {
                    instrument: kind,
                    valid: outcome.scores.is_some(),
                    level: outcome.level,
                    band: outcome.band,
                    sdq: outcome.scores,
                    unusable: None,
                });
            }
            InstrumentInput::Spark(risk) => {
                let level = spark_level(*risk);
                let text =
                    format!("SPARK overall risk {} at age {age_text} maps to level {}.", risk.name(), level.name());
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
                        "{} at age {age_text} (valid {}–{} months) was concluded {} by the professional, which maps to level {}.",
                        win.label,
                        win.from_months,
                        win.until_months.saturating_sub(1),
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

    if out.findings.is_empty() {
        let advice = match recommended(age) {
            Some(r) => format!("for age {age_text} the guideline recommends {}", r.instruments),
            None if intake.age_band == Some(AgeBand::Prenatal) => {
                "before birth the guideline names no psychosocial instrument; the risk card parent–child relationship applies".to_owned()
            }
            None if age.is_none() => "the age is unknown, so no instrument can be chosen; record the age first".to_owned(),
            None => format!("for age {age_text} the guideline names no psychosocial instrument"),
        };
        let supplied = if case.instruments.is_empty() {
            "No instrument result was supplied"
        } else {
            "No valid instrument result was supplied"
        };
        out.reasons.push(Reason::new(
            "PS-INSTRUMENT",
            format!("{supplied}; {advice} ({}).", RECOMMENDED_INSTRUMENTS.guideline.label()),
        ));

        let mut domains: Vec<String> = Vec::new();
        for d in &intake.domains {
            // Safety concerns go to the meldcode track, not to the ladder.
            if *d != Domain::Safety && !domains.iter().any(|x| x == d.name()) {
                domains.push(d.name().to_string());
            }
        }
        if !domains.is_empty() {
            let level = if domains.len() >= 2 { Level::Concern } else { Level::Attention };
            out.concern_level = Some(level);
            out.reasons.push(Reason::new(
                "PS-INSTRUMENT",
                format!(
                    "Without a valid instrument the concern domain(s) {} give level {} (each domain attention, two or more concern); administer the age-appropriate instrument to score the concern.",
                    domains.join(", "),
                    level.name()
                ),
            ));
        }
    }
    out
}
