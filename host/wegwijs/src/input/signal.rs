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
use super::{parser, vocabulary};
use crate::error::{Error, FieldProblem};
use schemars::JsonSchema;
use serde::Deserialize;
use wegwijs_kit::{is_code, is_gemeentecode, is_valid_bsn};
use wegwijs_types::{self as m, Said, said};

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
                        problem: parser::syntax(&inner.to_string()),
                    });
                }
                let problem = parser::data(&inner.to_string());
                let field = match path.as_str() {
                    // The signal itself: a missing required field is named by
                    // its own name, anything else concerns the whole signal.
                    "." => problem
                        .en()
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
                problem: said!(
                    "tekst na het signaal; stuur één signaal per bericht",
                    "text after the signal; send one signal per message"
                ),
            });
        }
        signal.validate()?;
        Ok(signal)
    }

    /// Checks everything the types alone cannot; lists every problem.
    pub fn validate(&self) -> Result<(), Error> {
        let mut problems = Vec::new();
        let mut bad = |field: String, problem: Said| problems.push(FieldProblem::new(field, problem));

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
                said!(
                    "moet bestaan uit 1–64 letters, cijfers of `-_.:`; een signaal-id mag geen namen of vrije tekst bevatten",
                    "must be 1–64 letters, digits or `-_.:`; a signal id may not carry names or free text"
                ),
            );
        }
        if let Some(g) = &self.gemeente
            && !is_gemeentecode(g)
        {
            bad(
                "gemeente".into(),
                said!(
                    "geen CBS-gemeentecode (`GM` en vier cijfers, zoals GM0363)",
                    "not a CBS gemeentecode (`GM` and four digits, such as GM0363)"
                ),
            );
        }
        for (field, codes) in [
            ("concerns", &self.concerns),
            ("safety_indicators", &self.safety_indicators),
            ("risk_factors", &self.risk_factors),
            ("protective_factors", &self.protective_factors),
        ] {
            if codes.len() > 64 {
                let n = codes.len();
                bad(
                    field.into(),
                    said!("{n} codes; er mogen er hoogstens 64 zijn", "{n} entries; at most 64 are accepted"),
                );
            }
            for (i, code) in codes.iter().enumerate() {
                if !is_code(code) {
                    bad(format!("{field}[{i}]"), not_a_code());
                } else if vocabulary::holds_possible_bsn(code) {
                    bad(format!("{field}[{i}]"), possible_bsn());
                }
            }
        }
        if !is_code(&self.source.code) {
            bad("source.code".into(), not_a_code());
        } else if vocabulary::holds_possible_bsn(&self.source.code) {
            bad("source.code".into(), possible_bsn());
        }
        if let Some(bds) = &self.source.bds_code
            && !(bds.len() == 2 && bds.bytes().all(|b| b.is_ascii_digit()))
        {
            bad(
                "source.bds_code".into(),
                said!(
                    "een BDS-initiatorcode bestaat uit twee cijfers, bijvoorbeeld `01`",
                    "a BDS initiator code is two digits, e.g. `01`"
                ),
            );
        }
        for (i, instrument) in self.instruments.iter().enumerate() {
            if let Instrument::Sdq(sdq) = instrument {
                let field = format!("instruments[{i}].sdq.answers");
                if sdq.answers.len() != 25 {
                    let n = sdq.answers.len();
                    bad(
                        field.clone(),
                        if n == 1 {
                            said!("1 antwoord gegeven; de SDQ heeft 25 vragen", "1 answer given; the SDQ has 25 items")
                        } else {
                            said!(
                                "{n} antwoorden gegeven; de SDQ heeft 25 vragen",
                                "{n} answers given; the SDQ has 25 items"
                            )
                        },
                    );
                }
                for (j, a) in sdq.answers.iter().enumerate() {
                    if let Some(v) = a
                        && !(0..=2).contains(v)
                    {
                        let item = j + 1;
                        bad(
                            format!("{field}[{j}]"),
                            said!(
                                "antwoord {v} op vraag {item} is niet 0, 1 of 2 (of `null` als de vraag niet is beantwoord)",
                                "answer {v} to item {item} is not 0, 1 or 2 (or null when unanswered)"
                            ),
                        );
                    }
                }
            }
        }
        if self.instruments.len() > 16 {
            bad(
                "instruments".into(),
                said!("hoogstens 16 instrumentuitslagen toegestaan", "at most 16 instrument results are accepted"),
            );
        }
        if self.consents.len() > 64 {
            bad(
                "consents".into(),
                said!("hoogstens 64 vastgelegde toestemmingen toegestaan", "at most 64 consent records are accepted"),
            );
        }
        if let Some(k) = &self.kindcheck {
            if k.children_ages.len() > 20 {
                bad(
                    "kindcheck.children_ages".into(),
                    said!("hoogstens 20 kinderen toegestaan", "at most 20 children are accepted"),
                );
            }
            for (i, a) in k.children_ages.iter().enumerate() {
                if u32::from(*a) >= MAX_AGE_YEARS {
                    bad(
                        format!("kindcheck.children_ages[{i}]"),
                        said!(
                            "leeftijd {a} valt buiten de jeugdzorg (die loopt tot {MAX_AGE_YEARS} jaar)",
                            "age {a} is outside youth care (under {MAX_AGE_YEARS})"
                        ),
                    );
                }
            }
        }
        if let Some(n) = &self.notes
            && n.len() > 100_000
        {
            bad("notes".into(), said!("langer dan 100 000 bytes", "longer than 100 000 bytes"));
        }

        let closed_kindcheck = self.kindcheck.as_ref().is_some_and(|k| k.children_ages.is_empty());
        match &self.child {
            None if closed_kindcheck => {}
            None => bad(
                "child".into(),
                said!(
                    "ontbreekt: een signaal gaat over één kind (alleen een kindcheck zonder kinderen mag het weglaten)",
                    "missing: a signal must be about one child (only a kindcheck without children may leave it out)"
                ),
            ),
            Some(child) => {
                if let Some(bsn) = &child.bsn
                    && !is_valid_bsn(bsn)
                {
                    bad(
                        "child.bsn".into(),
                        said!(
                            "geen geldig BSN (9 cijfers die de elfproef doorstaan)",
                            "not a valid BSN (9 digits passing the elfproef)"
                        ),
                    );
                }
                let given = [child.birth_date.is_some(), child.age_months.is_some(), child.pregnancy_week.is_some()]
                    .iter()
                    .filter(|x| **x)
                    .count();
                if given == 0 {
                    bad(
                        "child".into(),
                        said!(
                            "geen leeftijd: geef `birth_date`, `age_months` of `pregnancy_week`",
                            "no age: give `birth_date`, `age_months` or `pregnancy_week`"
                        ),
                    );
                } else if given > 1 {
                    bad(
                        "child".into(),
                        said!(
                            "geef slechts één van `birth_date`, `age_months` en `pregnancy_week`",
                            "give only one of `birth_date`, `age_months` and `pregnancy_week`"
                        ),
                    );
                }
                if let (Some(b), Ok(signal_date)) = (&child.birth_date, &date) {
                    match Date::parse(b) {
                        Err(p) => bad("child.birth_date".into(), p),
                        Ok(birth) if birth > *signal_date => bad(
                            "child.birth_date".into(),
                            said!(
                                "onmogelijke leeftijd: de geboortedatum ligt na de signaaldatum",
                                "impossible age: the birth date is after the signal date"
                            ),
                        ),
                        Ok(birth) if birth.whole_months_until(*signal_date) / 12 >= MAX_AGE_YEARS => {
                            let years = birth.whole_months_until(*signal_date) / 12;
                            bad(
                                "child.birth_date".into(),
                                said!(
                                    "onmogelijke leeftijd: {years} jaar op de signaaldatum; de jeugdzorg loopt tot {MAX_AGE_YEARS} jaar",
                                    "impossible age: {years} years at the signal date; youth care ends at {MAX_AGE_YEARS}"
                                ),
                            );
                        }
                        Ok(_) => {}
                    }
                }
                if let Some(months) = child.age_months
                    && u32::from(months) / 12 >= MAX_AGE_YEARS
                {
                    bad(
                        "child.age_months".into(),
                        said!(
                            "onmogelijke leeftijd: {months} maanden is {MAX_AGE_YEARS} jaar of meer",
                            "impossible age: {months} months is {MAX_AGE_YEARS} years or more"
                        ),
                    );
                }
                if let Some(w) = child.pregnancy_week
                    && !(1..=45).contains(&w)
                {
                    bad("child.pregnancy_week".into(), said!("week {w} ligt buiten 1–45", "week {w} is outside 1–45"));
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
fn possible_bsn() -> Said {
    said!(
        "bevat een getal van 9 cijfers dat de elfproef doorstaat: mogelijk een BSN, en dat hoort in `child.bsn` \
         (gaat nooit naar componenten), niet in een code",
        "holds a 9-digit number that passes the elfproef: a possible BSN, which belongs in `child.bsn` \
         (never passed to components), not in a code"
    )
}

/// A code field holding something else than a code.
fn not_a_code() -> Said {
    said!(
        "geen code: codes zijn 1–64 kleine letters, cijfers en streepjes (vrije tekst hoort in `notes`, dat de host nooit verlaat)",
        "not a code: codes are 1–64 lower-case letters, digits and dashes (free text belongs in `notes`, which never leaves the host)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs_kit::english_word_in;
    use wegwijs_types::Language;

    /// The problems `json` is refused with.
    fn problems(json: &serde_json::Value) -> Vec<FieldProblem> {
        match Signal::from_json(&json.to_string()) {
            Err(Error::InvalidSignal(problems)) => problems,
            other => panic!("expected InvalidSignal, got {other:?}"),
        }
    }

    /// Every Dutch text holds no English word outside backticks, and each
    /// differs from its English.
    fn assert_dutch(problems: &[FieldProblem]) {
        for p in problems {
            let (nl, en) = (p.problem.nl(), p.problem.en());
            assert_eq!(english_word_in(nl), None, "{}: {nl}", p.field);
            assert_ne!(nl, en, "{}: no Dutch text", p.field);
        }
    }

    #[test]
    fn every_validation_problem_has_a_dutch_text() {
        let mut answers = vec![serde_json::json!(1); 24];
        answers[3] = 7.into();
        let many_codes: Vec<String> = (0..65).map(|i| format!("code-{i}")).collect();
        let signal = serde_json::json!({
            "signal_id": "Jan Jansen",
            "date": "2026-10-05",
            "gemeente": "Amsterdam",
            "child": { "bsn": "123456789", "birth_date": "2030-01-01", "age_months": 400, "pregnancy_week": 50 },
            "source": { "code": "Buurtcoach Jan", "bds_code": "1" },
            "handler": "jeugdarts",
            "concerns": many_codes,
            "safety_indicators": ["Jan slaat zijn zus", "bsn-111222333"],
            "instruments": [{ "sdq": { "version": "parent-four-to-seventeen", "answers": answers } }],
            "consents": vec![serde_json::json!({ "party": "parents", "recipient": "wijkteam", "given": true }); 65],
            "kindcheck": { "children_ages": [3, 30] },
            "notes": "x".repeat(100_001),
        });
        let found = problems(&signal);
        assert!(found.len() >= 12, "{found:#?}");
        assert_dutch(&found);
        let fields: Vec<&str> = found.iter().map(|p| p.field.as_str()).collect();
        for field in [
            "signal_id",
            "gemeente",
            "concerns",
            "safety_indicators[0]",
            "safety_indicators[1]",
            "source.code",
            "source.bds_code",
            "instruments[0].sdq.answers",
            "instruments[0].sdq.answers[3]",
            "consents",
            "kindcheck.children_ages[1]",
            "notes",
            "child.bsn",
            "child",
            "child.birth_date",
            "child.age_months",
            "child.pregnancy_week",
        ] {
            assert!(fields.contains(&field), "no problem at {field}: {fields:?}");
        }
        // English stays as it was.
        let item = found.iter().find(|p| p.field == "instruments[0].sdq.answers[3]").expect("item");
        assert_eq!(item.problem.en(), "answer 7 to item 4 is not 0, 1 or 2 (or null when unanswered)");
        assert_eq!(
            item.problem.nl(),
            "antwoord 7 op vraag 4 is niet 0, 1 of 2 (of `null` als de vraag niet is beantwoord)"
        );
    }

    #[test]
    fn the_other_problems_of_a_child_and_its_dates_are_dutch_too() {
        let base = |child: serde_json::Value, date: &str| {
            serde_json::json!({
                "date": date, "child": child, "source": { "code": "intern-begeleider" }, "handler": "jeugdarts",
                "instruments": vec![serde_json::json!({ "spark": "laag" }); 17],
                "kindcheck": { "children_ages": vec![1; 21] },
            })
        };
        let mut found = problems(&base(serde_json::json!({}), "2026-13-01"));
        found.extend(problems(&base(serde_json::json!({ "birth_date": "2000-02-30" }), "2026-10-05")));
        found.extend(problems(&base(serde_json::json!({ "birth_date": "1990-01-01" }), "2026-10-05")));
        found.extend(problems(&base(serde_json::json!({ "birth_date": "18-03-14" }), "2026-10-05")));
        found.extend(problems(&base(serde_json::json!({ "age_months": 4 }), "1800-01-01")));
        let without_child = serde_json::json!({
            "date": "2026-10-05", "source": { "code": "intern-begeleider" }, "handler": "jeugdarts",
        });
        found.extend(problems(&without_child));
        assert_dutch(&found);
        for words in [
            "geen leeftijd",
            "instrumentuitslagen",
            "20 kinderen",
            "maand bestaat niet",
            "dag bestaat niet",
            "36 jaar",
            "JJJJ-MM-DD",
            "het jaar",
            "ontbreekt: een signaal gaat over één kind",
        ] {
            assert!(found.iter().any(|p| p.problem.nl().contains(words)), "no `{words}` in {found:#?}");
        }
    }

    #[test]
    fn parser_problems_are_dutch_and_withhold_the_value() {
        let signal = serde_json::json!({
            "date": "2026-10-05", "child": { "age_months": 40 }, "source": { "code": "intern-begeleider" },
            "handler": "jeugdarts",
        });
        let with = |field: &str, value: serde_json::Value| {
            let mut s = signal.clone();
            s[field] = value;
            s
        };
        let cases = [
            (
                with("handler", "Jan Jansen".into()),
                "handler",
                "onbekende keuze (waarde niet getoond), verwacht een van",
            ),
            (
                with("concers", serde_json::json!([])),
                "concers",
                "onbekend veld `concers`, verwacht een van `signal_id`",
            ),
            (
                with("helpers_involved", (-1).into()),
                "helpers_involved",
                "ongeldige waarde: geheel getal (waarde niet getoond)",
            ),
            (
                with("concerns", "Jan Jansen".into()),
                "concerns",
                "ongeldig type: tekst (waarde niet getoond), verwacht een lijst",
            ),
            (
                with("child", serde_json::json!({ "age_months": "veertig" })),
                "child.age_months",
                "verwacht een geheel getal van 0 tot en met 65535 (`u16`)",
            ),
        ];
        for (json, field, words) in cases {
            let found = problems(&json);
            assert_dutch(&found);
            let p = &found[0];
            assert_eq!(p.field, field, "{p:?}");
            assert!(p.problem.nl().contains(words), "{p:?}");
            assert!(!p.message(Language::Nl).contains("Jan") && !p.message(Language::Nl).contains("veertig"), "{p:?}");
        }
        let mut missing = signal.clone();
        missing.as_object_mut().expect("object").remove("handler");
        let found = problems(&missing);
        assert_eq!((found[0].field.as_str(), found[0].problem.nl()), ("handler", "verplicht veld `handler` ontbreekt"));

        let text = signal.to_string().replacen('{', "{\"date\": \"2026-10-05\", ", 1);
        match Signal::from_json(&text) {
            Err(Error::InvalidSignal(found)) => {
                assert_eq!(found[0].problem.nl(), "veld `date` komt meer dan één keer voor");
                assert_eq!(found[0].problem.en(), "duplicate field `date`");
            }
            other => panic!("expected InvalidSignal, got {other:?}"),
        }

        match Signal::from_json("{\"date\": \"2026-10-05\",\n  oops\n}") {
            Err(Error::MalformedJson { line: 2, problem, .. }) => {
                assert_eq!(problem.nl(), "een sleutel moet tekst tussen aanhalingstekens zijn");
                assert_eq!(problem.en(), "key must be a string");
            }
            other => panic!("expected MalformedJson, got {other:?}"),
        }
        match Signal::from_json(&format!("{signal} {signal}")) {
            Err(Error::MalformedJson { problem, .. }) => {
                assert_eq!(problem.nl(), "tekst na het signaal; stuur één signaal per bericht");
            }
            other => panic!("expected MalformedJson, got {other:?}"),
        }
    }
}
