//! The reference intake stage of wegwijs: the national JGZ guideline defaults
//! for normalising one signal, as a plain `no_std` Rust library.
//!
//! [`assess`] turns the coded [`ChildCase`] into an [`IntakeCard`]: the source
//! normalised with its BDS initiator code (IN-SOURCE), the age band
//! (IN-AGE), the concern domains (IN-DOMAIN), the acute-unsafety flag
//! (IN-SAFETY), kindcheck handling (IN-KINDCHECK), and every unknown code
//! kept as a warning (IN-UNKNOWN). The vocabularies are versioned tables in
//! [`tables`]. A value that is not shaped like a code is never echoed back,
//! since it may be a name or free text (IN-MINIMAL).
#![no_std]

extern crate alloc;

#[cfg(test)]
extern crate std;

pub mod tables;

#[cfg(target_arch = "wasm32")]
mod component;

#[cfg(test)]
mod tests;

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_types::{
    AcuteIndicator, AgeBand, ChildAge, ChildCase, Concern, Domain, IntakeCard, IntakeOutcome, Reason, SourceKind,
};

/// Every rule id this component can cite.
pub const RULE_IDS: &[&str] =
    &["IN-SOURCE", "IN-AGE", "IN-DOMAIN", "IN-SAFETY", "IN-KINDCHECK", "IN-UNKNOWN", "IN-MINIMAL", "MC-Q2"];

/// Whether `s` is shaped like a vocabulary code: 1–64 bytes of lower-case
/// ASCII letters, digits and dashes.
pub fn is_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The upper age limit of the pipeline, in years (IN-AGE).
pub const AGE_LIMIT_YEARS: u32 = 23;

/// Assesses one case.
pub fn assess(case: &ChildCase) -> IntakeCard {
    let mut out = Out::default();

    let source = source(case, &mut out);
    let (age_band, age_months) = age(case, &mut out);
    let (mut domains, concerns) = concerns(case, &mut out);
    let acute = safety(case, &mut out);
    if !acute.flagged.is_empty() || acute.unknown > 0 {
        domains.push(Domain::Safety);
    }
    let (outcome, kindcheck_children) = kindcheck(case, source.0, &mut domains, &mut out);
    domains.sort();
    domains.dedup();
    if !domains.is_empty() {
        let names: Vec<&str> = domains.iter().map(|d| d.name()).collect();
        out.reason("IN-DOMAIN", format!("Concern domains: {}.", names.join(", ")));
    } else if outcome == IntakeOutcome::Accepted {
        out.reason("IN-DOMAIN", "No recognised concern code: no concern domain is set.".to_string());
    }
    out.reason(
        "IN-MINIMAL",
        "This component received a pseudonym and coded data only; names, addresses, the BSN and free text stayed with the host."
            .to_string(),
    );

    let safety_flag = !acute.flagged.is_empty() || acute.unknown > 0;
    let summary = summary(source.0, age_band, case, &domains, safety_flag, outcome);
    IntakeCard {
        outcome,
        source: source.0,
        bds_code: source.1,
        age_band,
        age_months,
        domains,
        concerns,
        safety_flag,
        acute_indicators: acute.flagged,
        kindcheck_children,
        summary,
        warnings: out.warnings,
        reasons: out.reasons,
    }
}

#[derive(Default)]
struct Out {
    reasons: Vec<Reason>,
    warnings: Vec<Reason>,
}

impl Out {
    fn reason(&mut self, rule: &str, text: String) {
        self.reasons.push(Reason::new(rule, text));
    }

    fn warn(&mut self, rule: &str, text: String) {
        self.warnings.push(Reason::new(rule, text));
    }

    /// Warns about a value that is not a code without repeating it: it may be
    /// a name or free text.
    fn not_a_code(&mut self, field: &str) {
        self.warn(
            "IN-MINIMAL",
            format!("A value in `{field}` is not a code and was ignored; it is not repeated here because it may identify someone."),
        );
    }
}

fn source(case: &ChildCase, out: &mut Out) -> (SourceKind, Option<String>) {
    let code = case.source.code.as_str();
    let kind = if !is_code(code) {
        out.not_a_code("source.code");
        SourceKind::Other
    } else {
        match tables::source_kind(code) {
            Some(k) => k,
            None => {
                out.warn("IN-UNKNOWN", format!("Unknown source code `{code}`: kept, treated as `other`."));
                SourceKind::Other
            }
        }
    };
    let derived = tables::bds_for(kind);
    let given = case.source.bds_code.as_deref();
    let bds = match given {
        Some(g) if !tables::BDS_CODES.iter().any(|(c, _)| *c == g) => {
            if g.bytes().all(|b| b.is_ascii_digit()) && g.len() <= 4 {
                out.warn(
                    "IN-UNKNOWN",
                    format!("BDS initiator code `{g}` is not in list 40.411 as known here: kept as given."),
                );
            } else {
                out.not_a_code("source.bds-code");
                return finish_source(kind, derived.map(str::to_string), out, code);
            }
            Some(g.to_string())
        }
        Some(g) => {
            if let Some(d) = derived
                && d != g
            {
                out.warn(
                    "IN-SOURCE",
                    format!("BDS initiator code {g} was given, but a `{kind}` source usually has {d}: the given code is kept."),
                );
            }
            Some(g.to_string())
        }
        None => derived.map(str::to_string),
    };
    finish_source(kind, bds, out, code)
}

fn finish_source(kind: SourceKind, bds: Option<String>, out: &mut Out, code: &str) -> (SourceKind, Option<String>) {
    let bds_text = match bds.as_deref() {
        Some(b) => {
            let meaning = tables::BDS_CODES.iter().find(|(c, _)| *c == b).map(|(_, m)| *m).unwrap_or("unknown");
            format!("BDS initiator {b} ({meaning})")
        }
        None => "no BDS initiator code".to_string(),
    };
    let code_text = if is_code(code) && code != kind.name() { format!(" (sent as `{code}`)") } else { String::new() };
    out.reason("IN-SOURCE", format!("Signal raised by {kind}{code_text}; {bds_text}."));
    (kind, bds)
}

fn age(case: &ChildCase, out: &mut Out) -> (Option<AgeBand>, Option<u32>) {
    let Some(age) = &case.age else {
        return (None, None);
    };
    let (months, years, how) = match age {
        ChildAge::Prenatal(week) => {
            let when = week.map(|w| format!(" (week {w} of pregnancy)")).unwrap_or_default();
            out.reason("IN-AGE", format!("The child is not yet born{when}: age band prenatal."));
            return (Some(AgeBand::Prenatal), None);
        }
        ChildAge::Born(a) => (u32::from(a.months), u32::from(a.years), "computed from the birth date"),
        ChildAge::ReportedMonths(m) => (u32::from(*m), u32::from(*m) / 12, "as reported"),
    };
    let band = match years {
        0..=1 => Some(AgeBand::ZeroToTwo),
        2..=3 => Some(AgeBand::TwoToFour),
        4..=11 => Some(AgeBand::FourToTwelve),
        12..=15 => Some(AgeBand::TwelveToSixteen),
        16..=17 => Some(AgeBand::SixteenToEighteen),
        18..=22 => Some(AgeBand::EighteenToTwentyThree),
        _ => None,
    };
    let rest = months.saturating_sub(years * 12);
    match band {
        Some(b) => out.reason("IN-AGE", format!("Age {years} years {rest} months ({how}): age band {b}.")),
        None => out
            .warn("IN-AGE", format!("Age {years} years is outside youth care (under {AGE_LIMIT_YEARS}): no age band.")),
    }
    (band, Some(months))
}

fn concerns(case: &ChildCase, out: &mut Out) -> (Vec<Domain>, Vec<Concern>) {
    let mut domains = Vec::new();
    let mut concerns: Vec<Concern> = Vec::new();
    for code in &case.concerns {
        if !is_code(code) {
            out.not_a_code("concerns");
            continue;
        }
        match tables::concern(code) {
            Some(entry) => {
                if !concerns.iter().any(|c| c.code == *code) {
                    concerns.push(Concern { code: code.clone(), domain: entry.domain });
                    domains.push(entry.domain);
                }
            }
            None => out.warn(
                "IN-UNKNOWN",
                format!(
                    "Unknown concern code `{code}`: kept in this warning for the professional, not assigned a domain."
                ),
            ),
        }
    }
    (domains, concerns)
}

struct Acute {
    flagged: Vec<AcuteIndicator>,
    unknown: usize,
}

fn safety(case: &ChildCase, out: &mut Out) -> Acute {
    let mut flagged = Vec::new();
    let mut unknown = 0;
    for code in &case.safety_indicators {
        if !is_code(code) {
            // Fail safe: the sender marked something as acute, even if it
            // cannot be read as a code.
            out.not_a_code("safety-indicators");
            unknown += 1;
            continue;
        }
        match tables::acute_indicator(code) {
            Some(i) => {
                if !flagged.contains(&i) {
                    flagged.push(i);
                }
            }
            None => {
                out.warn(
                    "IN-UNKNOWN",
                    format!("Unknown acute-unsafety indicator `{code}`: the safety flag is set anyway, because the sender marked it as acute."),
                );
                unknown += 1;
            }
        }
    }
    flagged.sort();
    if !flagged.is_empty() || unknown > 0 {
        let names: Vec<&str> = flagged.iter().map(|i| i.name()).collect();
        let listed = if names.is_empty() { "an unrecognised indicator".to_string() } else { names.join(", ") };
        out.reason(
            "IN-SAFETY",
            format!("Acute unsafety indicated ({listed}): the safety flag is set and the meldcode track runs in parallel with screening, not behind it."),
        );
        out.reason("MC-Q2", "Acute unsafety is a reason for a melding at Veilig Thuis (MC-Q2).".to_string());
    }
    Acute { flagged, unknown }
}

fn kindcheck(
    case: &ChildCase,
    source: SourceKind,
    domains: &mut Vec<Domain>,
    out: &mut Out,
) -> (IntakeOutcome, Option<u8>) {
    let adult_care = matches!(source, SourceKind::VolwassenenGgz | SourceKind::Verslavingszorg);
    let Some(k) = &case.kindcheck else {
        if adult_care {
            out.warn(
                "IN-KINDCHECK",
                format!("The signal comes from {source} but has no kindcheck data: record the number and ages of the children and who cares for them."),
            );
        }
        return (IntakeOutcome::Accepted, None);
    };
    let count = u8::try_from(k.children_ages.len()).unwrap_or(u8::MAX);
    if k.children_ages.is_empty() {
        out.reason(
            "IN-KINDCHECK",
            "Kindcheck from adult care without children present: closed with reason, not routed.".to_string(),
        );
        return (IntakeOutcome::Closed, Some(0));
    }
    domains.push(Domain::FamilyCircumstances);
    let ages: Vec<String> = k.children_ages.iter().map(|a| a.to_string()).collect();
    let care = if k.cares_alone { "cares for them alone" } else { "cares for them together with others" };
    out.reason(
        "IN-KINDCHECK",
        format!("Kindcheck: the client has {count} child(ren), aged {} years, and {care}.", ages.join(", ")),
    );
    (IntakeOutcome::Accepted, Some(count))
}

fn summary(
    source: SourceKind,
    band: Option<AgeBand>,
    case: &ChildCase,
    domains: &[Domain],
    safety: bool,
    outcome: IntakeOutcome,
) -> String {
    let who = match (&case.age, band) {
        (Some(ChildAge::Prenatal(_)), _) => "an unborn child".to_string(),
        (Some(a), Some(b)) => match a.whole_years() {
            Some(y) => format!("a child of {y} years ({b})"),
            None => format!("a child ({b})"),
        },
        _ => "a child of unknown age".to_string(),
    };
    let what = if domains.is_empty() {
        "no recognised concern".to_string()
    } else {
        domains.iter().map(|d| d.name()).collect::<Vec<_>>().join(", ")
    };
    let mut s = format!("Signal from {source} about {who}: {what}");
    if safety {
        s.push_str("; ACUTE UNSAFETY");
    }
    if outcome == IntakeOutcome::Closed {
        s.push_str("; closed");
    }
    s
}
