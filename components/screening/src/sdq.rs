//! The Strengths and Difficulties Questionnaire (rules PS-SDQ-SCORE and
//! PS-SDQ-BANDS): item scoring with reverse items and prorating in integer
//! arithmetic, and banding against a versioned norm table per SDQ version,
//! which a region may replace scale by scale through configuration. The
//! reasons are written in the reader's language, with the scale names of
//! the Dutch SDQ (totale moeilijkhedenscore, emotionele problemen, …).

use alloc::{
    borrow::ToOwned,
    format,
    string::{String, ToString},
    vec::Vec,
};

use wegwijs_kit::level_term;
use wegwijs_types::{Band, Language, Level, Reason, RegionConfig, ScaleScore, SdqScores, SdqVersion, say};

use crate::text;
use wegwijs_kit::TableSource;

/// Number of SDQ items.
pub const ITEM_COUNT: usize = 25;

/// Items (1-based) scored in reverse: 2 − answer.
pub const REVERSED_ITEMS: [usize; 5] = [7, 11, 14, 21, 25];

/// A scale is scored when at least this many of its five items are answered.
pub const MIN_ANSWERED: u32 = 3;

/// Highest answer value; anything above is treated as not answered.
pub const MAX_ANSWER: u8 = 2;

/// The five SDQ scales and the total difficulties score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scale {
    /// Total difficulties: emotional + conduct + hyperactivity + peer.
    Total,
    /// Emotional symptoms.
    Emotional,
    /// Conduct problems.
    Conduct,
    /// Hyperactivity / inattention.
    Hyperactivity,
    /// Peer relationship problems.
    Peer,
    /// Prosocial behaviour (a strength: a low score is the concern).
    Prosocial,
}

impl Scale {
    /// Every scale, total first.
    pub const ALL: [Scale; 6] =
        [Scale::Total, Scale::Emotional, Scale::Conduct, Scale::Hyperactivity, Scale::Peer, Scale::Prosocial];

    /// The scale's key in configuration and its name in reasons.
    pub const fn name(self) -> &'static str {
        match self {
            Scale::Total => "total",
            Scale::Emotional => "emotional",
            Scale::Conduct => "conduct",
            Scale::Hyperactivity => "hyperactivity",
            Scale::Peer => "peer",
            Scale::Prosocial => "prosocial",
        }
    }

    /// The scale as a professional names it in `lang`: `emotional` /
    /// `emotionele problemen`, `total` / `totale moeilijkhedenscore`. The
    /// English is the scale's [`Scale::name`].
    pub const fn term(self, lang: Language) -> &'static str {
        match lang {
            Language::En => self.name(),
            Language::Nl => match self {
                Scale::Total => "totale moeilijkhedenscore",
                Scale::Emotional => "emotionele problemen",
                Scale::Conduct => "gedragsproblemen",
                Scale::Hyperactivity => "hyperactiviteit/aandachtstekort",
                Scale::Peer => "problemen met leeftijdsgenoten",
                Scale::Prosocial => "prosociaal gedrag",
            },
        }
    }

    /// Highest possible score: 10 per scale, 40 for the total.
    pub const fn max(self) -> u8 {
        match self {
            Scale::Total => 40,
            _ => 10,
        }
    }
}

/// Items (1-based) of each of the five scales (PS-SDQ-SCORE).
pub const SCALE_ITEMS: [(Scale, [usize; 5]); 5] = [
    (Scale::Emotional, [3, 8, 13, 16, 24]),
    (Scale::Conduct, [5, 7, 12, 18, 22]),
    (Scale::Hyperactivity, [2, 10, 15, 21, 25]),
    (Scale::Peer, [6, 11, 14, 19, 23]),
    (Scale::Prosocial, [1, 4, 9, 17, 20]),
];

/// Cut-offs of one scale. For the difficulty scales and the total a score
/// at or above `borderline` is borderline and at or above `abnormal` is
/// abnormal; for the prosocial scale, where low is the concern, a score at or
/// below `borderline` is borderline and at or below `abnormal` is abnormal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoffs {
    /// Borderline from (difficulties) or at-or-below (prosocial).
    pub borderline: u8,
    /// Abnormal from (difficulties) or at-or-below (prosocial).
    pub abnormal: u8,
}

/// Cut-offs for one SDQ version; `None` where no verified cut-off exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SdqNorms {
    /// Version these norms are for.
    pub version: SdqVersion,
    /// Total difficulties.
    pub total: Option<Cutoffs>,
    /// Emotional symptoms.
    pub emotional: Option<Cutoffs>,
    /// Conduct problems.
    pub conduct: Option<Cutoffs>,
    /// Hyperactivity.
    pub hyperactivity: Option<Cutoffs>,
    /// Peer problems.
    pub peer: Option<Cutoffs>,
    /// Prosocial (reversed).
    pub prosocial: Option<Cutoffs>,
}

impl SdqNorms {
    /// The cut-offs of one scale.
    pub const fn get(&self, scale: Scale) -> Option<Cutoffs> {
        match scale {
            Scale::Total => self.total,
            Scale::Emotional => self.emotional,
            Scale::Conduct => self.conduct,
            Scale::Hyperactivity => self.hyperactivity,
            Scale::Peer => self.peer,
            Scale::Prosocial => self.prosocial,
        }
    }

    fn set(&mut self, scale: Scale, cut: Cutoffs) {
        let slot = match scale {
            Scale::Total => &mut self.total,
            Scale::Emotional => &mut self.emotional,
            Scale::Conduct => &mut self.conduct,
            Scale::Hyperactivity => &mut self.hyperactivity,
            Scale::Peer => &mut self.peer,
            Scale::Prosocial => &mut self.prosocial,
        };
        *slot = Some(cut);
    }
}

/// A versioned SDQ norm table: cut-offs for every version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SdqNormTable {
    /// Source and version.
    pub guideline: TableSource,
    /// How a Dutch card cites [`Self::guideline`].
    pub guideline_nl: &'static str,
    /// One row per SDQ version.
    pub versions: &'static [SdqNorms],
}

impl SdqNormTable {
    /// The norms for a version, or an empty row when the table has none.
    pub fn norms(&self, version: SdqVersion) -> SdqNorms {
        self.versions.iter().find(|n| n.version == version).copied().unwrap_or(SdqNorms {
            version,
            total: None,
            emotional: None,
            conduct: None,
            hyperactivity: None,
            peer: None,
            prosocial: None,
        })
    }
}

const fn cut(borderline: u8, abnormal: u8) -> Option<Cutoffs> {
    Some(Cutoffs { borderline, abnormal })
}

/// The UK 3-band norms from sdqinfo.org: the only verified table, shipped
/// as the default. Subscale cut-offs are given only for the parent 4–17
/// version, the only one with verified subscale bands in the brief; the
/// other versions get a total band only.
pub const SDQ_NORMS_UK: SdqNormTable = SdqNormTable {
    guideline: TableSource { name: "SDQ UK norms (sdqinfo.org, 3-band)", version: "2016" },
    guideline_nl: "Britse SDQ-normen (sdqinfo.org, 3 categorieën) 2016",
    versions: &[
        SdqNorms {
            version: SdqVersion::ParentFourToSeventeen,
            total: cut(14, 17),
            emotional: cut(4, 5),
            conduct: cut(3, 4),
            hyperactivity: cut(6, 7),
            peer: cut(3, 4),
            prosocial: cut(7, 6),
        },
        SdqNorms {
            version: SdqVersion::ParentTwoToFour,
            total: cut(13, 16),
            emotional: None,
            conduct: None,
            hyperactivity: None,
            peer: None,
            prosocial: None,
        },
        SdqNorms {
            version: SdqVersion::TeacherFourToSeventeen,
            total: cut(12, 16),
            emotional: None,
            conduct: None,
            hyperactivity: None,
            peer: None,
            prosocial: None,
        },
        SdqNorms {
            version: SdqVersion::SelfElevenToSeventeen,
            total: cut(16, 20),
            emotional: None,
            conduct: None,
            hyperactivity: None,
            peer: None,
            prosocial: None,
        },
    ],
};

/// Configuration key naming a region's norm table.
pub const NORMS_NAME_KEY: &str = "screening.sdq-norms.name";

/// Configuration key of one scale's cut-offs, `"B,A"`.
pub fn norms_key(version: SdqVersion, scale: Scale) -> String {
    format!("screening.sdq-norms.{}.{}", version.name(), scale.name())
}

/// Raw scale scores before banding; `None` where a scale is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RawScores {
    /// Emotional symptoms, 0–10.
    pub emotional: Option<u8>,
    /// Conduct problems, 0–10.
    pub conduct: Option<u8>,
    /// Hyperactivity, 0–10.
    pub hyperactivity: Option<u8>,
    /// Peer problems, 0–10.
    pub peer: Option<u8>,
    /// Prosocial, 0–10.
    pub prosocial: Option<u8>,
    /// Total difficulties, 0–40; `None` when any difficulty scale is missing.
    pub total: Option<u8>,
}

impl RawScores {
    /// The score of one scale.
    pub const fn get(&self, scale: Scale) -> Option<u8> {
        match scale {
            Scale::Total => self.total,
            Scale::Emotional => self.emotional,
            Scale::Conduct => self.conduct,
            Scale::Hyperactivity => self.hyperactivity,
            Scale::Peer => self.peer,
            Scale::Prosocial => self.prosocial,
        }
    }
}

/// Scored answers, with the facts the reasons need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scoring {
    /// Scale scores.
    pub scores: RawScores,
    /// Items (1-based) whose value was above 2 and so treated as missing.
    pub out_of_range: Vec<usize>,
    /// Scales scored from 3 or 4 answers, with the number answered.
    pub prorated: Vec<(Scale, u32)>,
    /// Scales with fewer than 3 answers.
    pub missing: Vec<Scale>,
}

/// Why answers could not be scored at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongLength {
    /// Number of answers received.
    pub received: usize,
}

/// `round(sum × 5 / answered)` with halves rounded up, in integers:
/// `floor((10 × sum + answered) / (2 × answered))`.
pub const fn prorate(sum: u32, answered: u32) -> u32 {
    if answered == 0 {
        return 0;
    }
    (sum.saturating_mul(10).saturating_add(answered)) / answered.saturating_mul(2)
}

/// Scores 25 answers (item order 1 to 25) per PS-SDQ-SCORE.
pub fn score_answers(answers: &[Option<u8>]) -> Result<Scoring, WrongLength> {
    if answers.len() != ITEM_COUNT {
        return Err(WrongLength { received: answers.len() });
    }
    let mut out_of_range = Vec::new();
    let mut prorated = Vec::new();
    let mut missing = Vec::new();
    let mut scores = RawScores::default();
    for (scale, items) in SCALE_ITEMS {
        let mut sum: u32 = 0;
        let mut answered: u32 = 0;
        for item in items {
            let value = match answers.get(item.wrapping_sub(1)).copied().flatten() {
                Some(v) if v > MAX_ANSWER => {
                    if !out_of_range.contains(&item) {
                        out_of_range.push(item);
                    }
                    None
                }
                other => other,
            };
            if let Some(v) = value {
                let v = if REVERSED_ITEMS.contains(&item) { MAX_ANSWER.saturating_sub(v) } else { v };
                sum = sum.saturating_add(u32::from(v));
                answered = answered.saturating_add(1);
            }
        }
        let score = if answered >= MIN_ANSWERED {
            if answered < 5 {
                prorated.push((scale, answered));
            }
            // A prorated scale cannot exceed its maximum, but the clamp
            // keeps that a property of this line rather than of the maths.
            Some(u8::try_from(prorate(sum, answered)).unwrap_or(u8::MAX).min(scale.max()))
        } else {
            missing.push(scale);
            None
        };
        match scale {
            Scale::Emotional => scores.emotional = score,
            Scale::Conduct => scores.conduct = score,
            Scale::Hyperactivity => scores.hyperactivity = score,
            Scale::Peer => scores.peer = score,
            Scale::Prosocial => scores.prosocial = score,
            Scale::Total => {}
        }
    }
    out_of_range.sort_unstable();
    scores.total = match (scores.emotional, scores.conduct, scores.hyperactivity, scores.peer) {
        (Some(e), Some(c), Some(h), Some(p)) => Some(e.saturating_add(c).saturating_add(h).saturating_add(p)),
        _ => None,
    };
    Ok(Scoring { scores, out_of_range, prorated, missing })
}

/// The band of a score under one scale's cut-offs.
pub const fn band(scale: Scale, score: u8, cut: Cutoffs) -> Band {
    match scale {
        Scale::Prosocial => {
            if score <= cut.abnormal {
                Band::Abnormal
            } else if score <= cut.borderline {
                Band::Borderline
            } else {
                Band::Normal
            }
        }
        _ => {
            if score >= cut.abnormal {
                Band::Abnormal
            } else if score >= cut.borderline {
                Band::Borderline
            } else {
                Band::Normal
            }
        }
    }
}

/// The level an SDQ total band maps to.
pub const fn level_of(band: Band) -> Level {
    match band {
        Band::Normal => Level::None,
        Band::Borderline => Level::Attention,
        Band::Abnormal => Level::Concern,
    }
}

/// The norms in force for one version: the default table with any region
/// overrides applied, and the name to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EffectiveNorms {
    /// The cut-offs.
    pub norms: SdqNorms,
    /// Name of the table, as recorded in `SdqScores::norms`.
    pub name: String,
    /// Whether any scale came from the region's configuration.
    pub region: bool,
}

fn parse_cutoffs(scale: Scale, value: &str) -> Option<Cutoffs> {
    let (b, a) = value.split_once(',')?;
    let borderline: u8 = b.trim().parse().ok()?;
    let abnormal: u8 = a.trim().parse().ok()?;
    let ordered = match scale {
        Scale::Prosocial => abnormal <= borderline,
        _ => borderline <= abnormal,
    };
    (ordered && borderline <= scale.max() && abnormal <= scale.max()).then_some(Cutoffs { borderline, abnormal })
}

/// Resolves the norms for a version from the default table and the region's
/// `screening.sdq-norms.*` keys. A malformed value is reported (in `lang`)
/// and ignored, so the default cut-off of that scale stays in force.
pub fn effective_norms(
    version: SdqVersion,
    config: &dyn RegionConfig,
    lang: Language,
    warnings: &mut Vec<Reason>,
) -> EffectiveNorms {
    let mut norms = SDQ_NORMS_UK.norms(version);
    let mut region = false;
    let default = text::cite(&SDQ_NORMS_UK.guideline, SDQ_NORMS_UK.guideline_nl, lang);
    for scale in Scale::ALL {
        let key = norms_key(version, scale);
        let Some(value) = config.get(&key) else { continue };
        match parse_cutoffs(scale, &value) {
            Some(c) => {
                norms.set(scale, c);
                region = true;
            }
            None => {
                let value = text::truncate(&value);
                let max = scale.max();
                let warning = match lang {
                    Language::Nl => {
                        let which = match scale {
                            Scale::Total => String::from("de totale moeilijkhedenscore"),
                            _ => format!("de subschaal {}", scale.term(lang)),
                        };
                        let order = if scale == Scale::Prosocial {
                            "het afkappunt afwijkend gelijk aan of onder grensgebied"
                        } else {
                            "het afkappunt grensgebied gelijk aan of onder afwijkend"
                        };
                        format!(
                            "Configuratie `{key}` = `{value}` is geen geldig paar \"grensgebied,afwijkend\" voor \
                             {which} (0–{max}, {order}); de standaardafkappunten van {default} blijven gelden."
                        )
                    }
                    Language::En => {
                        let name = scale.name();
                        let order = if scale == Scale::Prosocial {
                            "abnormal at or below borderline"
                        } else {
                            "borderline at or below abnormal"
                        };
                        format!(
                            "Configuration {key} = `{value}` is not a valid \"borderline,abnormal\" pair for the \
                             {name} scale (0–{max}, {order}); the default cut-offs of {default} stay in force."
                        )
                    }
                };
                warnings.push(Reason::new("PS-SDQ-BANDS", warning));
            }
        }
    }
    let name = if region {
        let base = config.get(NORMS_NAME_KEY).map_or_else(
            || String::from(lang.pick("SDQ-normen van de regio", "region SDQ norms")),
            |n| text::truncate(n.trim()),
        );
        say!(
            lang,
            "{base} (tabel van de regio uit `screening.sdq-norms`; {default} voor de schalen die deze tabel niet \
             instelt)",
            "{base} (region table from screening.sdq-norms; {default} for scales it does not set)"
        )
    } else {
        default
    };
    EffectiveNorms { norms, name, region }
}

/// A scored and banded SDQ with its reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdqOutcome {
    /// Scores and bands; `None` when the answers could not be scored.
    pub scores: Option<SdqScores>,
    /// Band of the total difficulties score.
    pub band: Option<Band>,
    /// Level from the total band; `None` when the total is missing.
    pub level: Option<Level>,
    /// Difficulty scales with fewer than [`MIN_ANSWERED`] answers, which
    /// leave the total difficulties score missing (PS-UNUSABLE: incomplete).
    pub missing: Vec<Scale>,
    /// The number of answers, when it was not [`ITEM_COUNT`] and nothing
    /// could be scored.
    pub wrong_length: Option<usize>,
    /// Reasons with rule ids.
    pub reasons: Vec<Reason>,
    /// Warnings.
    pub warnings: Vec<Reason>,
}

/// Scores and bands one SDQ (PS-SDQ-SCORE, PS-SDQ-BANDS), with its reasons
/// in `lang`.
pub fn evaluate(version: SdqVersion, answers: &[Option<u8>], config: &dyn RegionConfig, lang: Language) -> SdqOutcome {
    let mut reasons = Vec::new();
    let mut warnings = Vec::new();
    let label = text::sdq_version_label(version, lang);
    let scoring = match score_answers(answers) {
        Ok(s) => s,
        Err(WrongLength { received }) => {
            warnings.push(Reason::new(
                "PS-SDQ-SCORE",
                say!(
                    lang,
                    "SDQ {label} heeft {received} antwoorden in plaats van {ITEM_COUNT}, dus de antwoorden zijn niet \
                     aan de items te koppelen en de SDQ wordt niet gescoord.",
                    "SDQ {label} has {received} answers instead of {ITEM_COUNT}, so it cannot be matched to its items \
                     and is not scored."
                ),
            ));
            return SdqOutcome {
                scores: None,
                band: None,
                level: None,
                missing: Vec::new(),
                wrong_length: Some(received),
                reasons,
                warnings,
            };
        }
    };
    if !scoring.out_of_range.is_empty() {
        let items: Vec<String> = scoring.out_of_range.iter().map(|i| i.to_string()).collect();
        let n = items.len();
        let items = items.join(", ");
        let warning = match lang {
            Language::Nl => {
                let item = text::noun(n, "item", "items");
                let has = text::noun(n, "heeft", "hebben");
                let counts = text::noun(n, "dit item telt", "deze items tellen");
                format!(
                    "SDQ {label}: {item} {items} {has} een waarde boven 2 (antwoorden zijn 0, 1 of 2); {counts} als \
                     niet beantwoord."
                )
            }
            Language::En => {
                let item = text::noun(n, "item", "items");
                let has = text::noun(n, "has", "have");
                let treated = text::noun(n, "it is", "they are");
                format!(
                    "SDQ {label} {item} {items} {has} a value above 2 (answers are 0, 1 or 2); {treated} treated as not \
                     answered."
                )
            }
        };
        warnings.push(Reason::new("PS-SDQ-SCORE", warning));
    }

    let norms = effective_norms(version, config, lang, &mut warnings);
    let scale_score = |scale: Scale| {
        scoring
            .scores
            .get(scale)
            .map(|score| ScaleScore { score, band: norms.norms.get(scale).map(|c| band(scale, score, c)) })
    };
    let scores = SdqScores {
        version,
        emotional: scale_score(Scale::Emotional),
        conduct: scale_score(Scale::Conduct),
        hyperactivity: scale_score(Scale::Hyperactivity),
        peer: scale_score(Scale::Peer),
        prosocial: scale_score(Scale::Prosocial),
        total: scale_score(Scale::Total),
        norms: norms.name.clone(),
    };

    let shown = |scale: Scale| {
        let name = scale.term(lang);
        match scoring.scores.get(scale) {
            Some(s) => format!("{name} {s}"),
            None => say!(lang, "{name} ontbreekt", "{name} missing"),
        }
    };
    let mut detail = Vec::new();
    for (scale, answered) in &scoring.prorated {
        let name = scale.term(lang);
        detail.push(say!(
            lang,
            "{name} naar rato berekend uit {answered} van de 5 items",
            "{name} prorated from {answered} of 5 items"
        ));
    }
    for scale in &scoring.missing {
        let name = scale.term(lang);
        detail.push(say!(
            lang,
            "{name} ontbreekt (minder dan {MIN_ANSWERED} van de 5 items beantwoord)",
            "{name} missing (fewer than {MIN_ANSWERED} of 5 items answered)"
        ));
    }
    let detail = if detail.is_empty() { String::new() } else { format!("; {}", detail.join(", ")) };
    let total = match scoring.scores.total {
        Some(t) => say!(lang, "totale moeilijkhedenscore {t}", "total difficulties {t}"),
        None => lang
            .pick(
                "totale moeilijkhedenscore ontbreekt omdat een probleemschaal ontbreekt",
                "total difficulties missing because a difficulty scale is missing",
            )
            .to_owned(),
    };
    let (emotional, conduct, hyperactivity, peer, prosocial) = (
        shown(Scale::Emotional),
        shown(Scale::Conduct),
        shown(Scale::Hyperactivity),
        shown(Scale::Peer),
        shown(Scale::Prosocial),
    );
    reasons.push(Reason::new(
        "PS-SDQ-SCORE",
        say!(
            lang,
            "SDQ {label} gescoord met de items 7, 11, 14, 21 en 25 omgekeerd: {emotional}, {conduct}, \
             {hyperactivity}, {peer}, {prosocial}; {total}{detail}.",
            "SDQ {label} scored with items 7, 11, 14, 21 and 25 reversed: {emotional}, {conduct}, {hyperactivity}, \
             {peer}, {prosocial}; {total}{detail}."
        ),
    ));

    let total_band = scores.total.as_ref().and_then(|t| t.band);
    let level = total_band.map(level_of);
    let flagged: Vec<String> = [Scale::Emotional, Scale::Conduct, Scale::Hyperactivity, Scale::Peer, Scale::Prosocial]
        .iter()
        .filter_map(|s| match scale_score(*s) {
            Some(ScaleScore { score, band: Some(Band::Abnormal) }) => {
                let low = if *s == Scale::Prosocial {
                    lang.pick(
                        " (weinig prosociaal gedrag is hier de zorg)",
                        " (low prosocial behaviour is the concern)",
                    )
                } else {
                    ""
                };
                Some(format!("{} {}{}", s.term(lang), score, low))
            }
            _ => None,
        })
        .collect();
    let subscales = if [Scale::Emotional, Scale::Conduct, Scale::Hyperactivity, Scale::Peer, Scale::Prosocial]
        .iter()
        .all(|s| norms.norms.get(*s).is_none())
    {
        say!(
            lang,
            " De subschalen krijgen geen categorie: de normtabel heeft geen geverifieerde afkappunten voor de \
             subschalen van de SDQ {label}.",
            " Subscales are not banded: the norm table has no verified subscale cut-offs for SDQ {label}."
        )
    } else if flagged.is_empty() {
        lang.pick(" Geen enkele subschaal valt in de categorie afwijkend.", " No subscale is in the abnormal band.")
            .to_owned()
    } else {
        let n = flagged.len();
        let flagged = flagged.join(", ");
        match lang {
            Language::Nl => {
                let which = text::noun(n, "subschaal", "subschalen");
                format!(" Verhoogde {which}: {flagged}.")
            }
            Language::En => {
                let which = text::noun(n, "subscale", "subscales");
                format!(" Abnormal {which}: {flagged}.")
            }
        }
    };
    let norms_name = &norms.name;
    let band_text = match (scoring.scores.total, total_band, norms.norms.total) {
        (Some(t), Some(b), Some(c)) => {
            let (band, from, to, level) =
                (wegwijs_kit::band_term(b, lang), c.borderline, c.abnormal, level_term(level_of(b), lang));
            say!(
                lang,
                "De totale moeilijkhedenscore van de SDQ {label} is {t}: {band} (grensgebied vanaf {from}, afwijkend \
                 vanaf {to}; normen: {norms_name}), niveau {level}.",
                "SDQ {label} total {t} is {band} (borderline from {from}, abnormal from {to}; norms: {norms_name}), \
                 level {level}."
            )
        }
        (Some(t), _, _) => say!(
            lang,
            "De totale moeilijkhedenscore {t} van de SDQ {label} heeft geen afkappunten in de normtabel {norms_name}, \
             dus geeft die geen niveau.",
            "SDQ {label} total {t} has no cut-offs in the norm table {norms_name}, so it gives no level."
        ),
        (None, _, _) => say!(
            lang,
            "De SDQ {label} heeft geen totale moeilijkhedenscore, dus geeft die geen categorie en geen niveau \
             (normen: {norms_name}).",
            "SDQ {label} has no total difficulties score, so it gives no band or level (norms: {norms_name})."
        ),
    };
    reasons.push(Reason::new("PS-SDQ-BANDS", format!("{band_text}{subscales}")));

    let missing = scoring.missing.iter().copied().filter(|s| *s != Scale::Prosocial).collect();
    SdqOutcome { scores: Some(scores), band: total_band, level, missing, wrong_length: None, reasons, warnings }
}
