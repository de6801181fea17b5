//! Case files: a signal plus the expected outcome, in TOML, checked against a
//! decision. Regions keep their own expectations this way, component
//! developers test with them, and the guideline rule tables are tested case
//! by case with them. Expectations are partial: only what a case names is
//! checked.
//!
//! ```toml
//! [[case]]
//! name = "borderline SDQ at school age gets light support"
//! [case.signal]
//! date = "2026-10-05"
//! handler = "jeugdverpleegkundige"
//! source = { code = "intern-begeleider" }
//! child = { birth_date = "2018-03-14" }
//! [case.expect]
//! action = "a1"
//! routes = ["jgz-light-support"]
//! reasons = ["PS-LADDER", "RT-A1"]
//! ```
//!
//! An unanswered SDQ item, `null` in the signal format, is written `"-"`.
//!
//! A case file in a bundle is untrusted like the rest of the bundle: its
//! case names are shown in reports, so they may not hold forbidden
//! characters, and a case's own `config` is checked as the region's is. A
//! case may only add configuration keys the region does not set: a case
//! that changed a served key would pass with a configuration no child is
//! decided with.

use crate::bundle::manifest::{ConfigOrigin, flatten_config_in};
use crate::bundle::{forbidden_char, line_col};
use crate::decision::Decision;
use crate::error::{BundleProblem, Error, FieldProblem, said_by};
use crate::input::Signal;
use serde::Deserialize;
use std::collections::BTreeMap;
use wegwijs_types as m;
use wegwijs_types::{Language, Said, said, say};

/// A file of cases.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    /// The cases, in file order.
    #[serde(rename = "case", default)]
    pub cases: Vec<Case>,
}

/// One case: a signal and what the decision must show.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// A name that says what the case shows.
    pub name: String,
    /// The signal, in the signal format, written as TOML.
    pub signal: toml::Table,
    /// Region configuration for this case only (dotted keys or nested
    /// tables, as in `region.toml`'s `[config]`), merged over the region's.
    /// In a bundle it may only add keys the region's `[config]` does not set
    /// (see [`CaseFile::problems`]).
    #[serde(default)]
    pub config: Option<toml::Table>,
    /// The expectations.
    #[serde(default)]
    pub expect: Expect,
}

/// Partial expectations on a decision; every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Expect {
    /// `decided`, `closed` or `incomplete`.
    pub status: Option<String>,
    /// Overall level.
    pub level: Option<m::Level>,
    /// Action on the ladder.
    pub action: Option<m::Action>,
    /// Overall urgency.
    pub urgency: Option<m::Urgency>,
    /// Intake outcome.
    pub intake_outcome: Option<m::IntakeOutcome>,
    /// Normalised source.
    pub source: Option<m::SourceKind>,
    /// BDS initiator code.
    pub bds_code: Option<String>,
    /// Age band.
    pub age_band: Option<m::AgeBand>,
    /// The domains, exactly.
    pub domains: Option<Vec<m::Domain>>,
    /// Safety flag.
    pub safety_flag: Option<bool>,
    /// Risk card level.
    pub risk_level: Option<m::Level>,
    /// SDQ total difficulties score of the first SDQ.
    pub sdq_total: Option<u8>,
    /// Band of that total.
    pub sdq_band: Option<m::Band>,
    /// Validity of each instrument, in input order.
    pub instruments_valid: Option<Vec<bool>>,
    /// Meldcode conclusion.
    pub meldcode: Option<m::MeldcodeConclusion>,
    /// One family, one plan.
    pub one_plan: Option<bool>,
    /// Partners that must each have a route.
    pub routes: Option<Vec<m::Partner>>,
    /// Partners that must not have a route.
    pub no_routes_to: Option<Vec<m::Partner>>,
    /// The number of routes.
    pub route_count: Option<usize>,
    /// Partial route expectations, each matched against the route to its partner.
    #[serde(default)]
    pub route: Vec<RouteExpect>,
    /// Partial consent expectations, each matched against the card for its recipient.
    #[serde(default)]
    pub consent: Vec<ConsentExpect>,
    /// Rule ids that must be cited somewhere in the decision.
    pub reasons: Option<Vec<String>>,
    /// Rule ids that must be cited among the warnings.
    pub warnings: Option<Vec<String>>,
    /// Rule ids that must be cited nowhere.
    pub absent_reasons: Option<Vec<String>>,
}

/// Expectations on the route to one partner.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteExpect {
    /// The partner.
    pub partner: m::Partner,
    /// Kind.
    pub kind: Option<m::RouteKind>,
    /// Urgency.
    pub urgency: Option<m::Urgency>,
    /// Verwijzer; `"none"` for no verwijzer.
    pub verwijzer: Option<String>,
    /// Handover.
    pub handover: Option<m::Handover>,
    /// Local name.
    pub local_name: Option<String>,
    /// Rule ids the route's reasons must cite.
    pub reasons: Option<Vec<String>>,
}

/// Expectations on the consent card for one recipient.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentExpect {
    /// The recipient.
    pub recipient: m::Partner,
    /// Outcome.
    pub outcome: Option<m::ConsentOutcome>,
    /// Whose consent, exactly.
    pub consent_of: Option<Vec<m::Party>>,
    /// Who is informed, exactly.
    pub inform: Option<Vec<m::Party>>,
    /// Data that may go, exactly.
    pub permitted_data: Option<Vec<m::DataCategory>>,
    /// Rule ids the card must cite.
    pub reasons: Option<Vec<String>>,
}

/// One way a decision differs from a case's expectations.
///
/// `expected` and `actual` are mostly codes and lists of codes, the same in
/// every language; where they are words ("a route to …", "nothing") both
/// languages are there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// What was checked, e.g. `route[jeugd-ggz].verwijzer`.
    pub field: String,
    /// What the case expected.
    pub expected: Said,
    /// What the decision has.
    pub actual: Said,
}

impl Mismatch {
    /// "field: expected …, got …" in `lang`.
    pub fn message(&self, lang: Language) -> String {
        let (field, expected, actual) = (&self.field, self.expected.get(lang), self.actual.get(lang));
        say!(lang, "{field}: verwacht {expected}, kreeg {actual}", "{field}: expected {expected}, got {actual}")
    }
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl CaseFile {
    /// Parses a case file; errors name the line and column.
    pub fn parse(text: &str) -> Result<CaseFile, Error> {
        toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            // The parser's message may quote a key from the file.
            // It stays as the parser wrote it, in English.
            let problem = Said::same(wegwijs_kit::display_safe(e.message().trim()));
            Error::InvalidCaseFile { line, column, problem }
        })
    }

    /// Every reason this file, at `path` inside a bundle whose region is
    /// served with the flattened configuration `served`, cannot be one of
    /// the bundle's case files: a case name holding a forbidden character,
    /// a case's own `config` that is malformed, beyond the bounds of a
    /// config, holds a forbidden character, or sets a key `served` sets too.
    /// Empty when the file is fine.
    pub fn problems(&self, path: &str, served: &BTreeMap<String, String>) -> Vec<BundleProblem> {
        let mut out = Vec::new();
        for (index, case) in self.cases.iter().enumerate() {
            out.extend(forbidden_char(path, &format!("case[{index}].name"), "value", &case.name));
            let Some(table) = &case.config else { continue };
            match flatten_config_in(table, ConfigOrigin::Case { path, index }) {
                Ok(config) => out.extend(config.keys().filter(|key| served.contains_key(*key)).map(|key| {
                    BundleProblem::CaseConfigOverrides {
                        path: wegwijs_kit::display_safe(path),
                        index,
                        case: wegwijs_kit::display_safe(&case.name),
                        key: wegwijs_kit::display_safe(key),
                    }
                })),
                Err(problems) => out.extend(problems),
            }
        }
        out
    }
}

/// `"-"` in any `answers` list becomes `null` (see [`Case::signal`]).
fn unanswered_items_to_null(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                if let (true, serde_json::Value::Array(items)) = (key == "answers", &mut *field) {
                    for item in items.iter_mut().filter(|i| i.as_str() == Some(UNANSWERED)) {
                        *item = serde_json::Value::Null;
                    }
                } else {
                    unanswered_items_to_null(field);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(unanswered_items_to_null),
        _ => {}
    }
}

/// How a case file writes an unanswered SDQ item.
const UNANSWERED: &str = "-";

impl Case {
    /// The case's signal, validated. TOML has no null, so an SDQ item left
    /// unanswered is written `"-"` in `answers`; it becomes the signal
    /// format's `null`.
    pub fn signal(&self) -> Result<Signal, Error> {
        let mut value = serde_json::to_value(&self.signal)
            .map_err(|e| Error::InvalidSignal(vec![FieldProblem::new("signal", Said::same(e.to_string()))]))?;
        unanswered_items_to_null(&mut value);
        Signal::from_json(&value.to_string())
    }

    /// Every rule id this case asserts the decision cites.
    pub fn asserted_rule_ids(&self) -> Vec<String> {
        let e = &self.expect;
        let mut ids: Vec<String> = e.reasons.clone().unwrap_or_default();
        ids.extend(e.warnings.clone().unwrap_or_default());
        for r in &e.route {
            ids.extend(r.reasons.clone().unwrap_or_default());
        }
        for c in &e.consent {
            ids.extend(c.reasons.clone().unwrap_or_default());
        }
        ids
    }

    /// Compares a decision with the expectations; empty when it matches.
    pub fn check(&self, d: &Decision) -> Vec<Mismatch> {
        let e = &self.expect;
        let mut out = Vec::new();
        let mut cmp = |field: &str, expected: Option<String>, actual: Option<String>| {
            differs(&mut out, field.to_string(), expected, actual)
        };
        cmp("status", e.status.clone(), Some(d.status.name().into()));
        cmp("level", e.level.map(name), d.level.map(name));
        cmp("action", e.action.map(name), d.action.map(name));
        cmp("urgency", e.urgency.map(name), Some(d.urgency.to_string()));
        let intake = d.intake.as_ref();
        cmp("intake_outcome", e.intake_outcome.map(name), intake.map(|i| i.outcome.to_string()));
        cmp("source", e.source.map(name), intake.map(|i| i.source.to_string()));
        cmp("bds_code", e.bds_code.clone(), intake.and_then(|i| i.bds_code.clone()));
        cmp("age_band", e.age_band.map(name), intake.and_then(|i| i.age_band.map(name)));
        cmp("domains", e.domains.as_ref().map(|v| list(v)), intake.map(|i| list(&i.domains)));
        cmp("safety_flag", e.safety_flag.map(|b| b.to_string()), intake.map(|i| i.safety_flag.to_string()));
        let screening = d.screening.as_ref();
        cmp("risk_level", e.risk_level.map(name), screening.map(|s| s.risk_card.level.to_string()));
        let sdq = screening.and_then(|s| s.instruments.iter().find_map(|i| i.sdq.as_ref()));
        let total = sdq.and_then(|s| s.total.as_ref());
        cmp("sdq_total", e.sdq_total.map(|t| t.to_string()), total.map(|t| t.score.to_string()));
        cmp("sdq_band", e.sdq_band.map(name), total.and_then(|t| t.band.map(name)));
        cmp(
            "instruments_valid",
            e.instruments_valid.as_ref().map(|v| format!("{v:?}")),
            screening.map(|s| format!("{:?}", s.instruments.iter().map(|i| i.valid).collect::<Vec<_>>())),
        );
        cmp(
            "meldcode",
            e.meldcode.map(name),
            screening.and_then(|s| s.meldcode.as_ref().map(|mc| mc.conclusion.to_string())),
        );
        cmp("one_plan", e.one_plan.map(|b| b.to_string()), d.routing.as_ref().map(|r| r.one_plan.to_string()));
        let routes = d.routes();
        cmp("route_count", e.route_count.map(|n| n.to_string()), Some(routes.len().to_string()));
        let partners: Vec<m::Partner> = routes.iter().map(|r| r.partner).collect();
        for p in e.routes.iter().flatten() {
            if !partners.contains(p) {
                out.push(Mismatch {
                    field: "routes".into(),
                    expected: said!("een route naar {p}", "a route to {p}"),
                    actual: Said::same(list(&partners)),
                });
            }
        }
        for p in e.no_routes_to.iter().flatten() {
            if partners.contains(p) {
                out.push(Mismatch {
                    field: "no_routes_to".into(),
                    expected: said!("geen route naar {p}", "no route to {p}"),
                    actual: Said::same(list(&partners)),
                });
            }
        }
        for re in &e.route {
            let field = |f: &str| format!("route[{}].{f}", re.partner);
            let Some(r) = routes.iter().find(|r| r.partner == re.partner) else {
                out.push(Mismatch {
                    field: field("partner"),
                    expected: said!("een route", "a route"),
                    actual: Said::same(list(&partners)),
                });
                continue;
            };
            let mut sub = Vec::new();
            let mut c = |f: &str, exp: Option<String>, act: Option<String>| differs(&mut sub, field(f), exp, act);
            c("kind", re.kind.map(name), Some(r.kind.to_string()));
            c("urgency", re.urgency.map(name), Some(r.urgency.to_string()));
            c("verwijzer", re.verwijzer.clone(), Some(r.verwijzer.map(name).unwrap_or_else(|| NO_VERWIJZER.into())));
            c("handover", re.handover.map(name), Some(r.handover.to_string()));
            c("local_name", re.local_name.clone(), r.local_name.clone());
            out.extend(sub);
            missing_ids(&mut out, &field("reasons"), re.reasons.as_deref(), &r.reasons);
        }
        for ce in &e.consent {
            let field = |f: &str| format!("consent[{}].{f}", ce.recipient);
            let Some(card) = d.consent.iter().find(|c| c.request.recipient == ce.recipient) else {
                out.push(Mismatch {
                    field: field("recipient"),
                    expected: said!("een toestemmingskaart", "a consent card"),
                    actual: Said::same(list(&d.consent.iter().map(|c| c.request.recipient).collect::<Vec<_>>())),
                });
                continue;
            };
            let mut sub = Vec::new();
            let mut c = |f: &str, exp: Option<String>, act: Option<String>| differs(&mut sub, field(f), exp, act);
            c("outcome", ce.outcome.map(name), Some(card.outcome.to_string()));
            c("consent_of", ce.consent_of.as_ref().map(|v| list(v)), Some(list(&card.consent_of)));
            c("inform", ce.inform.as_ref().map(|v| list(v)), Some(list(&card.inform)));
            c("permitted_data", ce.permitted_data.as_ref().map(|v| list(v)), Some(list(&card.permitted_data)));
            out.extend(sub);
            missing_ids(&mut out, &field("reasons"), ce.reasons.as_deref(), &card.reasons);
        }
        let cited = d.rule_ids();
        for id in e.reasons.iter().flatten() {
            if !cited.contains(id) {
                out.push(Mismatch {
                    field: "reasons".into(),
                    expected: said!("{id} geciteerd", "{id} cited"),
                    actual: Said::same(cited_list(&cited)),
                });
            }
        }
        for id in e.absent_reasons.iter().flatten() {
            if cited.contains(id) {
                out.push(Mismatch {
                    field: "absent_reasons".into(),
                    expected: said!("{id} niet geciteerd", "{id} not cited"),
                    actual: said!("geciteerd", "cited"),
                });
            }
        }
        let warned: Vec<m::Reason> = d.warnings.clone();
        missing_ids(&mut out, "warnings", e.warnings.as_deref(), &warned);
        out
    }
}

/// Records a mismatch when an expectation is set and differs from the
/// actual value (`None`: the decision has nothing there).
fn differs(out: &mut Vec<Mismatch>, field: String, expected: Option<String>, actual: Option<String>) {
    let Some(expected) = expected else { return };
    // An expectation of `nothing` matches an absent value, as it always has.
    if expected == actual.as_deref().unwrap_or(NOTHING) {
        return;
    }
    let actual = match actual {
        Some(value) => Said::same(value),
        None => said!("niets", "nothing"),
    };
    out.push(Mismatch { field, expected: Said::same(expected), actual });
}

/// What a case file may write for a field the decision leaves empty.
const NOTHING: &str = "nothing";

/// What a case file writes for a route without a verwijzer.
const NO_VERWIJZER: &str = "none";

fn missing_ids(out: &mut Vec<Mismatch>, field: &str, expected: Option<&[String]>, reasons: &[m::Reason]) {
    for id in expected.into_iter().flatten() {
        if !reasons.iter().any(|r| &r.rule == id) {
            let mut got: Vec<&str> = reasons.iter().map(|r| r.rule.as_str()).collect();
            got.dedup();
            out.push(Mismatch {
                field: field.to_string(),
                expected: said!("{id} geciteerd", "{id} cited"),
                actual: Said::same(format!("[{}]", got.join(", "))),
            });
        }
    }
}

fn cited_list(ids: &std::collections::BTreeSet<String>) -> String {
    format!("[{}]", ids.iter().cloned().collect::<Vec<_>>().join(", "))
}

fn name<T: std::fmt::Display>(v: T) -> String {
    v.to_string()
}

fn list<T: std::fmt::Display>(v: &[T]) -> String {
    format!("[{}]", v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
}

/// Results of running a set of cases.
#[derive(Debug, Default)]
pub struct CaseReport {
    /// Per case: its name and its mismatches (empty when it passed), or the
    /// error that kept it from running (a component's fault is
    /// [`Error::CaseFault`], naming the stage).
    pub results: Vec<(String, Result<Vec<Mismatch>, Error>)>,
    /// How often each rule id was cited by a decision, over all cases.
    pub coverage: BTreeMap<String, usize>,
}

impl CaseReport {
    /// Number of passing cases.
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|(_, r)| matches!(r, Ok(m) if m.is_empty())).count()
    }

    /// Number of failing cases.
    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }
}

/// Runs every case through `decide`.
pub(crate) fn run_cases_with(
    cases: &[Case],
    decide: impl Fn(&Case, &Signal) -> Result<Decision, crate::Error>,
) -> CaseReport {
    let mut report = CaseReport::default();
    for case in cases {
        let result = case.signal().and_then(|s| decide(case, &s)).map(|d| {
            for id in d.rule_ids() {
                *report.coverage.entry(id).or_default() += 1;
            }
            case.check(&d)
        });
        report.results.push((case.name.clone(), result));
    }
    report
}

/// The result of running a bundle's own cases without activating it.
#[derive(Debug)]
pub struct BundleReport {
    /// The region as it would be loaded.
    pub region: crate::model::RegionInfo,
    /// Per case file (path inside the bundle), the report.
    pub files: Vec<(String, CaseReport)>,
}

impl BundleReport {
    /// Whether every case passed.
    pub fn passed(&self) -> bool {
        self.files.iter().all(|(_, r)| r.failed() == 0)
    }

    /// The failing cases as problems naming file, case and mismatches.
    pub fn problems(&self) -> Vec<BundleProblem> {
        let mut out = Vec::new();
        for (path, report) in &self.files {
            for (name, result) in &report.results {
                let detail = match result {
                    Ok(m) if m.is_empty() => continue,
                    Ok(m) => said_by(|lang| m.iter().map(|m| m.message(lang)).collect::<Vec<_>>().join("; ")),
                    Err(e) => said_by(|lang| e.message(lang)),
                };
                out.push(BundleProblem::CaseFailed { path: path.clone(), case: name.clone(), detail });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIGNAL: &str = "[case.signal]\ndate = \"2026-10-05\"\n";

    fn problems(text: &str, served: &[(&str, &str)]) -> Vec<BundleProblem> {
        let served: BTreeMap<String, String> = served.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        CaseFile::parse(text).unwrap().problems("cases/x.toml", &served)
    }

    #[test]
    fn a_case_name_with_a_forbidden_character_is_named_by_case_code_and_position() {
        let text = format!("[[case]]\nname = \"fine\"\n{SIGNAL}[[case]]\nname = \"ok\\u001b[2J\"\n{SIGNAL}");
        let found = problems(&text, &[]);
        assert_eq!(
            found,
            [BundleProblem::ForbiddenChar {
                file: "cases/x.toml".into(),
                field: "case[1].name".into(),
                part: "value".into(),
                code: "U+001B".into(),
                position: 2,
            }]
        );
        assert!(
            found[0].to_string().starts_with("cases/x.toml `case[1].name`: the value contains U+001B at character 2")
        );
    }

    #[test]
    fn a_case_config_may_add_keys_but_not_override_the_served_ones() {
        let text = format!(
            "[[case]]\nname = \"adds\"\n{SIGNAL}[case.config]\nrouting.poh-jeugd = true\n\
             [[case]]\nname = \"overrides\"\n{SIGNAL}[case.config.routing]\nhub = \"jeugdarts\"\npoh-jeugd = true\n"
        );
        assert!(problems(&text, &[("partners.wijkteam.name", "Team")]).is_empty());
        let found = problems(&text, &[("routing.hub", "wijkteam")]);
        assert_eq!(
            found,
            [BundleProblem::CaseConfigOverrides {
                path: "cases/x.toml".into(),
                index: 1,
                case: "overrides".into(),
                key: "routing.hub".into(),
            }]
        );
        let message = found[0].to_string();
        assert!(message.contains("cases/x.toml") && message.contains("overrides") && message.contains("routing.hub"));
    }

    #[test]
    fn a_case_config_is_checked_like_the_regions() {
        let text = format!(
            "[[case]]\nname = \"bad config\"\n{SIGNAL}[case.config]\nrouting.hub = \"x\\u202ey\"\nlist = [{}]\n",
            vec!["\"x\""; 600].join(",")
        );
        let found: Vec<String> = problems(&text, &[]).iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("cases/x.toml") && found[0].contains("case[0].config") && found[0].contains("512"));
        let text = format!("[[case]]\nname = \"bad config\"\n{SIGNAL}[case.config]\nrouting.hub = \"x\\u202ey\"\n");
        let found = problems(&text, &[]);
        assert!(
            matches!(&found[..], [BundleProblem::ForbiddenChar { file, field, code, position: 1, .. }]
                if file == "cases/x.toml" && field == "case[0].config.routing.hub" && code == "U+202E"),
            "{found:?}"
        );
    }

    /// A report of one file whose cases failed as `results` say.
    fn report(results: Vec<(String, Result<Vec<Mismatch>, Error>)>) -> BundleReport {
        let region = crate::model::RegionInfo {
            id: "regio".into(),
            name: "Regio".into(),
            revision: 1,
            gemeenten: vec!["GM0014".into()],
            components: Vec::new(),
            cases: results.len(),
        };
        let files = vec![("cases/x.toml".to_string(), CaseReport { results, coverage: BTreeMap::new() })];
        BundleReport { region, files }
    }

    #[test]
    fn a_failing_case_says_expected_and_actual_per_field_in_both_languages() {
        let mut mismatches = Vec::new();
        differs(&mut mismatches, "action".into(), Some("a1".into()), Some("a2".into()));
        differs(&mut mismatches, "bds_code".into(), Some("12".into()), None);
        differs(&mut mismatches, "level".into(), Some("none".into()), Some("none".into()));
        differs(&mut mismatches, "bds_code".into(), Some("nothing".into()), None);
        differs(&mut mismatches, "status".into(), None, Some("decided".into()));
        mismatches.push(Mismatch {
            field: "routes".into(),
            expected: said!("een route naar jeugd-ggz", "a route to jeugd-ggz"),
            actual: Said::same("[wijkteam]"),
        });
        mismatches.push(Mismatch {
            field: "absent_reasons".into(),
            expected: said!("RT-A0 niet geciteerd", "RT-A0 not cited"),
            actual: said!("geciteerd", "cited"),
        });
        assert_eq!(mismatches.len(), 4, "{mismatches:?}");
        let error = Error::UnknownRegion { id: "west".into() };
        let found = report(vec![
            ("passes".into(), Ok(Vec::new())),
            ("fails".into(), Ok(mismatches)),
            ("cannot run".into(), Err(error)),
        ])
        .problems();
        assert_eq!(found.len(), 2, "a passing case is not a problem: {found:?}");
        assert_eq!(
            found[0].message(Language::En),
            "case `fails` in `cases/x.toml` fails: action: expected a1, got a2; bds_code: expected 12, got nothing; \
             routes: expected a route to jeugd-ggz, got [wijkteam]; absent_reasons: expected RT-A0 not cited, got cited"
        );
        assert_eq!(
            found[0].message(Language::Nl),
            "casus `fails` in `cases/x.toml` faalt: action: verwacht a1, kreeg a2; bds_code: verwacht 12, kreeg niets; \
             routes: verwacht een route naar jeugd-ggz, kreeg [wijkteam]; absent_reasons: verwacht RT-A0 niet geciteerd, kreeg geciteerd"
        );
        assert!(found[1].message(Language::Nl).contains("er is geen regio `west` geladen"), "{:?}", found[1]);
        assert!(found[1].to_string().contains("no region `west` is loaded"), "{:?}", found[1]);
        for p in &found {
            let nl = p.message(Language::Nl);
            assert_eq!(wegwijs_kit::english_word_in(&nl), None, "English in the Dutch {nl:?}");
        }
    }

    #[test]
    fn problems_with_a_case_files_config_are_written_in_dutch_too() {
        let text = format!(
            "[[case]]\nname = \"bad config\"\n{SIGNAL}[case.config]\n\"a.b\" = 1\nlist = [{}]\n\
             [[case]]\nname = \"overrides\"\n{SIGNAL}[case.config.routing]\nhub = \"jeugdarts\"\n",
            vec!["\"x\""; 600].join(",")
        );
        let found = problems(&text, &[("routing.hub", "wijkteam")]);
        assert_eq!(found.len(), 3, "{found:?}");
        for p in &found {
            let (nl, en) = (p.message(Language::Nl), p.message(Language::En));
            assert_eq!(wegwijs_kit::english_word_in(&nl), None, "English in the Dutch {nl:?}");
            assert_ne!(nl, en);
        }
    }

    #[test]
    fn parse_errors_never_carry_a_forbidden_character() {
        let e = CaseFile::parse("[[case]]\nname = \"x\"\n\"sig\\u001bnal\" = 1\n").unwrap_err().to_string();
        assert!(wegwijs_kit::first_forbidden_char(&e).is_none() && e.contains("<U+001B>"), "{e:?}");
    }
}
