//! The signal input format: JSON as an EPD, the CLI or the HTTP service sends
//! it, its validation, and its reduction to the coded [`ChildCase`] that
//! components see.
//!
//! Validation collects every problem it finds, each naming its field by JSON
//! path, so a sender can fix a signal in one round. Identifiers (name, BSN,
//! address, birth date, local id) and free text (`notes`) are accepted here
//! and go no further: [`Signal::to_case`] keeps only a pseudonym and codes
//! (IN-MINIMAL, G-MINIMAL).

use super::date::Date;
use super::vocabulary;
use crate::error::{Error, FieldProblem};
use schemars::JsonSchema;
use serde::Deserialize;
use wegwijs_kit::{is_code, is_gemeentecode, is_valid_bsn};
use wegwijs_types as m;

/// The JGZ age limit of the pipeline: Verwijsindex and jeugdhulp reach to 23 (IN-AGE).
const MAX_AGE_YEARS: u32 = 23;

/// A signal about one child, as received. See `docs/signal.md`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// The sender's reference for this signal; echoed in the decision. Must
    /// not contain identifying data.
    #[serde(default)]
    pub signal_id: Option<String>,
    /// Date of the signal, `YYYY-MM-DD`. Ages are computed at this date.
    pub date: String,
    /// CBS gemeentecode of the child's municipality, e.g. `GM0363`.
    #[serde(default)]
    pub gemeente: Option<String>,
    /// The child. May be left out only for a kindcheck without children.
    #[serde(default)]
    pub child: Option<Child>,
    /// Who raised the signal.
    pub source: Source,
    /// The JGZ professional handling the case.
    pub handler: m::Handler,
    /// Concern codes (see the vocabulary in `components/intake/VOCABULARY.md`).
    #[serde(default)]
    pub concerns: Vec<String>,
    /// Acute-unsafety indicator codes (MC-Q2).
    #[serde(default)]
    pub safety_indicators: Vec<String>,
    /// Risk factor codes of the risk card parent–child relationship.
    #[serde(default)]
    pub risk_factors: Vec<String>,
    /// Protective factor codes.
    #[serde(default)]
    pub protective_factors: Vec<String>,
    /// Instrument results.
    #[serde(default)]
    pub instruments: Vec<Instrument>,
    /// Parents have voiced a concern themselves.
    #[serde(default)]
    pub parents_concerned: bool,
    /// The youth has voiced a concern themselves.
    #[serde(default)]
    pub youth_concerned: bool,
    /// Impact of the problems on daily life (SDQ impact supplement).
    #[serde(default)]
    pub impact: Option<m::Impact>,
    /// Duration of the problems (SDQ impact supplement).
    #[serde(default)]
    pub duration: Option<m::Duration>,
    /// Parents (and youth where needed) agree to a referral.
    #[serde(default)]
    pub family_agrees_referral: bool,
    /// The family declines a warm handover.
    #[serde(default)]
    pub family_declines_warm_handover: bool,
    /// Number of helpers already involved with the family.
    #[serde(default)]
    pub helpers_involved: u8,
    /// A gecertificeerde instelling carries out an ondertoezichtstelling.
    #[serde(default)]
    pub gi_involved: bool,
    /// Kindcheck data when the source is adult care.
    #[serde(default)]
    pub kindcheck: Option<Kindcheck>,
    /// Meldcode progress when there is a safety concern.
    #[serde(default)]
    pub meldcode: Option<Meldcode>,
    /// Consents given or refused so far.
    #[serde(default)]
    pub consents: Vec<Consent>,
    /// A 16+ youth does not want the parents informed.
    #[serde(default)]
    pub youth_objects_to_informing_parents: bool,
    /// The parent whose psychiatric or addiction problems are signalled is
    /// already in treatment for them: routing aligns with that treater
    /// instead of proposing a new referral (RT-PARENT).
    #[serde(default)]
    pub parent_in_treatment: bool,
    /// Free text for the professional. It never leaves the host.
    #[serde(default)]
    pub notes: Option<String>,
}

/// The child a signal is about. Everything here except the age stays in the host.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Child {
    /// The EPD's own id for the child; used, with the BSN, only to derive the pseudonym.
    #[serde(default)]
    pub local_id: Option<String>,
    /// Burgerservicenummer: 9 digits passing the elfproef.
    #[serde(default)]
    pub bsn: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Address lines.
    #[serde(default)]
    pub address: Option<Address>,
    /// Birth date, `YYYY-MM-DD`.
    #[serde(default)]
    pub birth_date: Option<String>,
    /// Age in whole months, when no birth date is known.
    #[serde(default)]
    pub age_months: Option<u16>,
    /// Week of pregnancy, for a signal before birth.
    #[serde(default)]
    pub pregnancy_week: Option<u8>,
}

/// A postal address. Never leaves the host.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and house number.
    #[serde(default)]
    pub street: Option<String>,
    /// Postcode.
    #[serde(default)]
    pub postcode: Option<String>,
    /// Place.
    #[serde(default)]
    pub city: Option<String>,
}

/// Who raised the signal.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Source code, e.g. `intern-begeleider`.
    pub code: String,
    /// BDS initiator code (list 40.411), e.g. `01`.
    #[serde(default)]
    pub bds_code: Option<String>,
}

/// One instrument result.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum Instrument {
    /// SDQ answers.
    Sdq(Sdq),
    /// SPARK overall risk.
    Spark(m::SparkRisk),
    /// GIZ conclusion.
    Giz(m::GizConclusion),
    /// An externally scored instrument's band.
    Scored(Scored),
}

/// SDQ answers.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sdq {
    /// Questionnaire version.
    pub version: m::SdqVersion,
    /// 25 answers in item order: 0, 1, 2 or null when not answered.
    pub answers: Vec<Option<i64>>,
}

/// An externally scored instrument's band.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scored {
    /// Instrument.
    pub instrument: m::ScoredInstrument,
    /// Band concluded by the professional.
    pub band: m::Band,
}

/// Kindcheck data from adult care.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kindcheck {
    /// Ages in whole years of the client's children; empty when none are present.
    #[serde(default)]
    pub children_ages: Vec<u8>,
    /// The client cares for the children alone.
    #[serde(default)]
    pub cares_alone: bool,
}

/// Meldcode progress.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meldcode {
    /// Suspicion of (threat of) domestic violence or child abuse.
    #[serde(default)]
    pub suspicion: bool,
    /// Structural unsafety established.
    #[serde(default)]
    pub structural_unsafety: bool,
    /// Effective help can be offered or organised.
    #[serde(default)]
    pub help_possible: Option<bool>,
    /// The family accepts the help.
    #[serde(default)]
    pub help_accepted: Option<bool>,
    /// The help led to safety in the agreed time.
    #[serde(default)]
    pub help_effective: Option<bool>,
    /// Parents and child were told of a melding beforehand.
    #[serde(default)]
    pub parents_told: Option<bool>,
    /// Telling them would endanger someone.
    #[serde(default)]
    pub telling_endangers: bool,
}

/// A recorded consent answer.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// Who answered.
    pub party: m::Party,
    /// About which recipient.
    pub recipient: m::Partner,
    /// Given (true) or refused (false).
    pub given: bool,
}

impl Signal {
    /// Parses and validates a signal from JSON text.
    pub fn from_json(text: &str) -> Result<Signal, Error> {
        let mut de = serde_json::Deserializer::from_str(text);
        let signal: Signal = match serde_path_to_error::deserialize(&mut de) {
            Ok(s) => s,
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                if inner.is_syntax() || inner.is_eof() {
                    return Err(Error::MalformedJson {
                        line: inner.line(),
                        column: inner.column(),
                        problem: strip_position(&inner.to_string()),
                    });
                }
                let problem = withhold_value(&strip_position(&inner.to_string()));
                let field = match path.as_str() {
                    // The signal itself: a missing required field is named by
                    // its own name, anything else concerns the whole signal.
                    "." => problem
                        .strip_prefix("missing field `")
                        .and_then(|rest| rest.split('`').next())
                        .map_or_else(|| "(the signal)".to_string(), str::to_string),
                    // An empty key (`"": …`) has an empty path; name it.
                    "" => "\"\" (an empty key)".to_string(),
                    _ => path,
                };
                return Err(Error::InvalidSignal(vec![FieldProblem::new(field, problem)]));
            }
        };
        // One signal per text: anything after it would be silently dropped.
        if let Err(e) = de.end() {
            return Err(Error::MalformedJson {
                line: e.line(),
                column: e.column(),
                problem: "text after the signal; send one signal per message".into(),
            });
        }
        signal.validate()?;
        Ok(signal)
    }

    /// Checks everything the types alone cannot; lists every problem.
    pub fn validate(&self) -> Result<(), Error> {
        let mut problems = Vec::new();
        let mut bad = |field: String, problem: String| problems.push(FieldProblem::new(field, problem));

        let date = Date::parse(&self.date).map_err(|p| ("date".to_string(), p));
        if let Err((f, p)) = &date {
            bad(f.clone(), p.clone());
        }
        if let Some(id) = &self.signal_id
            && (id.is_empty()
                || id.len() > 64
                || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b)))
        {
            bad(
                "signal_id".into(),
                "must be 1–64 letters, digits or `-_.:`; a signal id may not carry names or free text".into(),
            );
        }
        if let Some(g) = &self.gemeente
            && !is_gemeentecode(g)
        {
            bad("gemeente".into(), "not a CBS gemeentecode (`GM` and four digits, such as GM0363)".into());
        }
        for (field, codes) in [
            ("concerns", &self.concerns),
            ("safety_indicators", &self.safety_indicators),
            ("risk_factors", &self.risk_factors),
            ("protective_factors", &self.protective_factors),
        ] {
            if codes.len() > 64 {
                bad(field.into(), format!("{} entries; at most 64 are accepted", codes.len()));
            }
            for (i, code) in codes.iter().enumerate() {
                if !is_code(code) {
                    bad(format!("{field}[{i}]"), NOT_A_CODE.into());
                } else if vocabulary::holds_possible_bsn(code) {
                    bad(format!("{field}[{i}]"), POSSIBLE_BSN.into());
                }
            }
        }
        if !is_code(&self.source.code) {
            bad("source.code".into(), NOT_A_CODE.into());
        } else if vocabulary::holds_possible_bsn(&self.source.code) {
            bad("source.code".into(), POSSIBLE_BSN.into());
        }
        if let Some(bds) = &self.source.bds_code
            && !(bds.len() == 2 && bds.bytes().all(|b| b.is_ascii_digit()))
        {
            bad("source.bds_code".into(), "a BDS initiator code is two digits, e.g. `01`".into());
        }
        for (i, instrument) in self.instruments.iter().enumerate() {
            if let Instrument::Sdq(sdq) = instrument {
                let field = format!("instruments[{i}].sdq.answers");
                if sdq.answers.len() != 25 {
                    bad(field.clone(), format!("{} answers given; the SDQ has 25 items", sdq.answers.len()));
                }
                for (j, a) in sdq.answers.iter().enumerate() {
                    if let Some(v) = a
                        && !(0..=2).contains(v)
                    {
                        bad(
                            format!("{field}[{j}]"),
                            format!("answer {v} to item {} is not 0, 1 or 2 (or null when unanswered)", j + 1),
                        );
                    }
                }
            }
        }
        if self.instruments.len() > 16 {
            bad("instruments".into(), "at most 16 instrument results are accepted".into());
        }
        if self.consents.len() > 64 {
            bad("consents".into(), "at most 64 consent records are accepted".into());
        }
        if let Some(k) = &self.kindcheck {
            if k.children_ages.len() > 20 {
                bad("kindcheck.children_ages".into(), "at most 20 children are accepted".into());
            }
            for (i, a) in k.children_ages.iter().enumerate() {
                if u32::from(*a) >= MAX_AGE_YEARS {
                    bad(
                        format!("kindcheck.children_ages[{i}]"),
                        format!("age {a} is outside youth care (under {MAX_AGE_YEARS})"),
                    );
                }
            }
        }
        if let Some(n) = &self.notes
            && n.len() > 100_000
        {
            bad("notes".into(), "longer than 100 000 bytes".into());
        }

        let closed_kindcheck = self.kindcheck.as_ref().is_some_and(|k| k.children_ages.is_empty());
        match &self.child {
            None if closed_kindcheck => {}
            None => bad(
                "child".into(),
                "missing: a signal must be about one child (only a kindcheck without children may leave it out)".into(),
            ),
            Some(child) => {
                if let Some(bsn) = &child.bsn
                    && !is_valid_bsn(bsn)
                {
                    bad("child.bsn".into(), "not a valid BSN (9 digits passing the elfproef)".into());
                }
                let given = [child.birth_date.is_some(), child.age_months.is_some(), child.pregnancy_week.is_some()]
                    .iter()
                    .filter(|x| **x)
                    .count();
                if given == 0 {
                    bad("child".into(), "no age: give `birth_date`, `age_months` or `pregnancy_week`".into());
                } else if given > 1 {
                    bad("child".into(), "give only one of `birth_date`, `age_months` and `pregnancy_week`".into());
                }
                if let (Some(b), Ok(signal_date)) = (&child.birth_date, &date) {
                    match Date::parse(b) {
                        Err(p) => bad("child.birth_date".into(), p),
                        Ok(birth) if birth > *signal_date => bad(
                            "child.birth_date".into(),
                            "impossible age: the birth date is after the signal date".into(),
                        ),
                        Ok(birth) if birth.whole_months_until(*signal_date) / 12 >= MAX_AGE_YEARS => bad(
                            "child.birth_date".into(),
                            format!(
                                "impossible age: {} years at the signal date; youth care ends at {MAX_AGE_YEARS}",
                                birth.whole_months_until(*signal_date) / 12
                            ),
                        ),
                        Ok(_) => {}
                    }
                }
                if let Some(months) = child.age_months
                    && u32::from(months) / 12 >= MAX_AGE_YEARS
                {
                    bad(
                        "child.age_months".into(),
                        format!("impossible age: {months} months is {MAX_AGE_YEARS} years or more"),
                    );
                }
                if let Some(w) = child.pregnancy_week
                    && !(1..=45).contains(&w)
                {
                    bad("child.pregnancy_week".into(), format!("week {w} is outside 1–45"));
                }
            }
        }

        if problems.is_empty() { Ok(()) } else { Err(Error::InvalidSignal(problems)) }
    }

    /// Reduces a validated signal to the coded case components see: a
    /// pseudonym instead of identifiers, an age instead of a birth date, and
    /// no free text. Call [`Signal::validate`] first; an invalid field is
    /// left out here rather than reported.
    pub fn to_case(&self, pseudonym_key: &[u8]) -> m::ChildCase {
        let signal_date = Date::parse(&self.date).ok();
        let age = self.child.as_ref().and_then(|c| {
            if let Some(w) = c.pregnancy_week {
                return Some(m::ChildAge::Prenatal(Some(w)));
            }
            if let (Some(b), Some(at)) = (c.birth_date.as_deref().and_then(|b| Date::parse(b).ok()), signal_date) {
                let months = b.whole_months_until(at);
                return Some(m::ChildAge::Born(m::AgeSinceBirth {
                    months: u16::try_from(months).unwrap_or(u16::MAX),
                    years: u8::try_from(months / 12).unwrap_or(u8::MAX),
                }));
            }
            c.age_months.map(m::ChildAge::ReportedMonths)
        });
        m::ChildCase {
            pseudonym: super::pseudonym::pseudonym(self, pseudonym_key),
            gemeente: self.gemeente.clone(),
            age,
            source: m::SourceCode {
                code: vocabulary::source_code(&self.source.code),
                bds_code: self.source.bds_code.clone(),
            },
            handler: self.handler,
            concerns: vocabulary::withhold(&self.concerns),
            safety_indicators: vocabulary::withhold(&self.safety_indicators),
            risk_factors: vocabulary::withhold(&self.risk_factors),
            protective_factors: vocabulary::withhold(&self.protective_factors),
            instruments: self.instruments.iter().map(Instrument::to_input).collect(),
            parents_concerned: self.parents_concerned,
            youth_concerned: self.youth_concerned,
            impact: self.impact,
            duration: self.duration,
            family_agrees_referral: self.family_agrees_referral,
            family_declines_warm_handover: self.family_declines_warm_handover,
            helpers_involved: self.helpers_involved,
            gi_involved: self.gi_involved,
            kindcheck: self
                .kindcheck
                .as_ref()
                .map(|k| m::KindcheckInput { children_ages: k.children_ages.clone(), cares_alone: k.cares_alone }),
            meldcode: self.meldcode.as_ref().map(|mc| m::MeldcodeInput {
                suspicion: mc.suspicion,
                structural_unsafety: mc.structural_unsafety,
                help_possible: mc.help_possible,
                help_accepted: mc.help_accepted,
                help_effective: mc.help_effective,
                parents_told: mc.parents_told,
                telling_endangers: mc.telling_endangers,
            }),
            consents: self
                .consents
                .iter()
                .map(|c| m::ConsentRecord { party: c.party, recipient: c.recipient, given: c.given })
                .collect(),
            youth_objects_to_informing_parents: self.youth_objects_to_informing_parents,
            parent_in_treatment: self.parent_in_treatment,
        }
    }
}

impl Instrument {
    fn to_input(&self) -> m::InstrumentInput {
        match self {
            Instrument::Sdq(s) => m::InstrumentInput::Sdq(m::SdqInput {
                version: s.version,
                // Validation guarantees 0..=2; anything else becomes "unanswered".
                answers: s.answers.iter().map(|a| a.and_then(|v| u8::try_from(v).ok()).filter(|v| *v <= 2)).collect(),
            }),
            Instrument::Spark(r) => m::InstrumentInput::Spark(*r),
            Instrument::Giz(c) => m::InstrumentInput::Giz(*c),
            Instrument::Scored(s) => {
                m::InstrumentInput::Scored(m::ScoredInput { instrument: s.instrument, band: s.band })
            }
        }
    }
}

/// A code field holding nine digits that pass the elfproef: refused, not
/// withheld, because a BSN must not be accepted into the pipeline at all
/// (it belongs in `child.bsn`, which never leaves the host).
const POSSIBLE_BSN: &str = "holds a 9-digit number that passes the elfproef: a possible BSN, which belongs in `child.bsn` \
     (never passed to components), not in a code";

const NOT_A_CODE: &str = "not a code: codes are 1–64 lower-case letters, digits and dashes (free text belongs in `notes`, which never leaves the host)";

/// serde_json appends " at line L column C" to its messages; the position is
/// reported in its own fields, so the sentence is kept clean.
/// A parser's message without the value it quotes: a name or a BSN typed
/// into the wrong field must not reach stderr or an EPD's log. The field is
/// named by the caller and what was expected stays, so the message is still
/// one a developer can act on.
fn withhold_value(problem: &str) -> String {
    const WITHHELD: &str = "(value withheld)";
    // Field names are the signal's structure, named in the path anyway.
    if problem.starts_with("missing field") || problem.starts_with("unknown field") {
        return problem.to_string();
    }
    // `string "…"` is quoted with escapes, so the last `", expected` ends it.
    if let Some(i) = problem.find("string \"") {
        let rest = problem.rfind("\", expected").filter(|&e| e > i).map_or("", |e| &problem[e + 1..]);
        return format!("{}string {WITHHELD}{rest}", &problem[..i]);
    }
    // `unknown variant `…`, expected one of `a`, `b``, `integer `…``: the
    // expected list never holds "`, expected", so its last one ends the value.
    if let Some(i) = problem.find('`') {
        let rest = problem.rfind("`, expected").filter(|&e| e > i).map_or("", |e| &problem[e + 1..]);
        return format!("{}{WITHHELD}{rest}", &problem[..i]);
    }
    problem.to_string()
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
