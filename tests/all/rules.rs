//! The guideline rule tables, case by case. Every `tests/cases/*.toml` case
//! runs through the reference pipeline and must match its expectations; and
//! every rule id of the brief's §1–§5 must be asserted by at least one case,
//! so a rule the brief names cannot go untested.

use crate::util::{host, root};
use std::collections::BTreeSet;
use wegwijs::harness::{Bundle, Case, CaseFile, Trial};

fn case_files() -> Vec<(String, Vec<Case>)> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let parsed = CaseFile::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), parsed.cases)
        })
        .collect()
}

#[test]
fn every_case_matches_its_expectations() {
    // The guideline's cases run exactly as `wegwijs test tests/cases` runs
    // them: on a bundle that replaces no stage.
    let national = Trial::new(host(), &Bundle::empty(wegwijs::NATIONAL_DEFAULT, "the national defaults")).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, cases) in case_files() {
        let report = national.run_cases(&cases);
        count += cases.len();
        for (name, result) in report.results {
            match result {
                Ok(mismatches) if mismatches.is_empty() => {}
                Ok(mismatches) => {
                    let lines: Vec<String> = mismatches.iter().map(|m| format!("      {m}")).collect();
                    failures.push(format!("  {file} › {name}\n{}", lines.join("\n")));
                }
                Err(e) => failures.push(format!("  {file} › {name}: {e}")),
            }
        }
    }
    assert!(count >= 40, "only {count} rule cases");
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// The rule ids of §1–§5 of the brief (the guardrails of §6 are the host's
/// and are tested in the host crate and `pipeline`).
fn brief_rule_ids() -> BTreeSet<String> {
    let brief = std::fs::read_to_string(root().join("docs/guideline-rules.md")).unwrap();
    let body = brief.split("## 6.").next().unwrap();
    body.lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .filter(|id| wegwijs::types::is_well_formed_rule_id(id))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_rule_in_the_brief_has_a_case() {
    let ids = brief_rule_ids();
    assert!(ids.len() >= 40, "parsed only {} ids from the brief: {ids:?}", ids.len());
    let asserted: BTreeSet<String> =
        case_files().iter().flat_map(|(_, cases)| cases.iter().flat_map(Case::asserted_rule_ids)).collect();
    let missing: Vec<&String> = ids.iter().filter(|id| !asserted.contains(*id)).collect();
    assert!(missing.is_empty(), "rule ids in the brief that no case asserts: {missing:?}");
}

/// The rule ids the harness measures coverage against come from the
/// components' own `RULE_IDS`; they must be exactly the brief's §1–§5.
#[test]
fn the_components_cite_exactly_the_rule_ids_of_the_brief() {
    let brief = brief_rule_ids();
    let cited: BTreeSet<String> = wegwijs::harness::guideline_rule_ids().into_iter().map(str::to_string).collect();
    let uncited: Vec<&String> = brief.difference(&cited).collect();
    let unknown: Vec<&String> = cited.difference(&brief).collect();
    assert!(uncited.is_empty(), "rule ids of the brief no component lists in RULE_IDS: {uncited:?}");
    assert!(unknown.is_empty(), "RULE_IDS the brief does not have: {unknown:?}");
}

#[test]
fn the_vendored_brief_is_the_shared_one() {
    // CI and developer machines have the steering repo's shared/ beside the
    // clone; when it is there, the copy here must not have drifted from it.
    let shared = root().join("../shared/domain/guideline-rules.md");
    if let Ok(upstream) = std::fs::read_to_string(&shared) {
        let ours = std::fs::read_to_string(root().join("docs/guideline-rules.md")).unwrap();
        assert!(
            ours == upstream,
            "docs/guideline-rules.md differs from shared/domain/guideline-rules.md: copy it and add cases for changed rules"
        );
    }
}
