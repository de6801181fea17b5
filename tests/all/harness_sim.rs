//! The harness for component developers: `wegwijs corpus` writes a valid,
//! reproducible corpus; `wegwijs simulate` runs it through the national
//! defaults and the example regions and reports shares that add up, the
//! same numbers as table, JSON and a self-contained HTML page; mistakes a
//! user can make end with exit code 2 and a message saying what to do.

use crate::util::{TempDir, host, rust_example, wegwijs};
use std::process::Output;
use std::sync::OnceLock;
use wegwijs::{DecideOptions, Signal};
use wegwijs_test_artifacts as artifacts;

const REGION_D: &str = "examples/regions/d-config-only";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: &Output) -> &Output {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    o
}

/// A corpus of `n` signals of `seed`, as the binary writes it.
fn corpus(n: u32, seed: u32) -> String {
    stdout(ok(&wegwijs(&["corpus", "--n", &n.to_string(), "--seed", &seed.to_string()])))
}

/// Writes the 300-signal corpus the simulations below use into `dir` and
/// returns its path. Every call writes the same bytes, so reports made from
/// different copies can be compared number for number.
fn corpus_in(dir: &TempDir) -> String {
    let path = dir.0.join("corpus.jsonl").to_str().unwrap().to_string();
    ok(&wegwijs(&["corpus", "--n", "300", "--seed", "1", "--out", &path]));
    path
}

/// `wegwijs simulate --format json` on the 300-signal corpus, with `args`.
fn simulate_json(args: &[&str]) -> serde_json::Value {
    let dir = TempDir::new("sim-json");
    let corpus = corpus_in(&dir);
    let mut all = vec!["simulate", "--corpus", corpus.as_str(), "--format", "json"];
    all.extend_from_slice(args);
    let o = wegwijs(&all);
    serde_json::from_slice(&ok(&o).stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)))
}

/// National defaults against region D, computed once for the tests that read it.
fn national_vs_d() -> &'static serde_json::Value {
    static REPORT: OnceLock<serde_json::Value> = OnceLock::new();
    REPORT.get_or_init(|| simulate_json(&["--region", REGION_D, "--against", "national"]))
}

fn row<'a>(report: &'a serde_json::Value, group: &str, key: &str) -> Option<&'a serde_json::Value> {
    report["rows"].as_array().unwrap().iter().find(|r| r["group"] == group && r["key"] == key)
}

fn percents(row: &serde_json::Value) -> Vec<f64> {
    row["percent"].as_array().unwrap().iter().map(|p| p.as_f64().unwrap()).collect()
}

#[test]
fn a_corpus_is_reproducible_and_a_prefix_of_a_larger_one() {
    let a = corpus(200, 7);
    assert_eq!(a, corpus(200, 7), "same N and seed, same bytes");
    assert_ne!(a, corpus(200, 8), "another seed, another corpus");
    assert_eq!(a.lines().count(), 200);
    let larger = corpus(250, 7);
    assert!(larger.starts_with(&a), "signal i depends on the seed and i only");

    let dir = TempDir::new("sim-out");
    let file = dir.0.join("c.jsonl");
    ok(&wegwijs(&["corpus", "--n", "200", "--seed", "7", "--out", file.to_str().unwrap()]));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), a, "--out writes what stdout shows");
}

#[test]
fn every_corpus_signal_is_valid_over_many_seeds() {
    for seed in [1, 2, 3, 42, 2026] {
        for (i, line) in corpus(300, seed).lines().enumerate() {
            if let Err(e) = Signal::from_json(line) {
                panic!("seed {seed} line {}: {e}\n{line}", i + 1);
            }
        }
    }
}

#[test]
fn corpus_signals_use_known_codes_and_instruments_within_their_age() {
    // Unknown codes (IN-UNKNOWN) or an instrument outside its age window
    // (PS-INSTRUMENT) would mean the generator drifted from the vocabulary.
    for line in corpus(300, 11).lines() {
        let signal = Signal::from_json(line).unwrap();
        let d = host().decide_with(&signal, &DecideOptions::default().in_region("national-default")).unwrap();
        for w in &d.warnings {
            assert!(!["IN-UNKNOWN", "PS-INSTRUMENT"].contains(&w.rule.as_str()), "{}: {}\n{line}", w.rule, w.text);
        }
        assert!(d.faults.is_empty(), "{:?}", d.faults);
    }
}

#[test]
fn gemeenten_spread_the_corpus_over_regions() {
    let out = stdout(ok(&wegwijs(&["corpus", "--n", "60", "--seed", "3", "--gemeente", "GM0060,GM0200"])));
    let mut seen = std::collections::BTreeSet::new();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        seen.insert(v["gemeente"].as_str().unwrap().to_string());
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), ["GM0060", "GM0200"]);
}

#[test]
fn shares_add_up_and_stay_in_range() {
    let report = national_vs_d();
    let n = report["corpus"]["signals"].as_u64().unwrap();
    assert_eq!(n, 300);
    let configs = report["configurations"].as_array().unwrap();
    assert_eq!(configs.len(), 2);
    assert_eq!(configs[0]["id"], "national-default");
    assert_eq!(configs[0]["role"], "baseline");
    assert_eq!(configs[1]["id"], "regio-d");
    for c in configs {
        assert_eq!(c["signals"].as_u64(), Some(n));
        assert!(c["signals_per_second"].as_f64().unwrap() > 0.0, "throughput reported");
    }
    let rows = report["rows"].as_array().unwrap();
    for r in rows {
        for (count, p) in r["counts"].as_array().unwrap().iter().zip(percents(r)) {
            assert!(count.as_u64().unwrap() <= n, "{r}");
            assert!((0.0..=100.0).contains(&p), "{r}");
        }
    }
    // One urgency, one action and one status per signal: each group sums to 100 %.
    for group in ["urgency", "action", "status"] {
        for column in 0..2 {
            let sum: f64 = rows.iter().filter(|r| r["group"] == group).map(|r| percents(r)[column]).sum();
            assert!((sum - 100.0).abs() < 1e-6, "{group} column {column} sums to {sum}");
        }
    }
    // Sorted by the size of the shift.
    let shifts: Vec<f64> = rows.iter().map(|r| r["shift_pp"].as_f64().unwrap().abs()).collect();
    assert!(shifts.windows(2).all(|w| w[0] >= w[1] - 1e-9), "{shifts:?}");
}

#[test]
fn region_d_shifts_single_issue_questions_to_the_poh_jeugd() {
    let report = national_vs_d();
    let poh = row(report, "route", "poh-jeugd").expect("a poh-jeugd row");
    let p = percents(poh);
    assert_eq!(p[0], 0.0, "nationally no route goes to the POH-jeugd");
    assert!(p[1] > 1.0, "region D consults the POH-jeugd: {poh}");
    assert!(poh["shift_pp"].as_f64().unwrap() > 1.0);
    // What moved to the POH-jeugd came from jeugd-GGZ consultations.
    let ggz = row(report, "route", "jeugd-ggz").unwrap();
    assert!(ggz["shift_pp"].as_f64().unwrap() < 0.0, "{ggz}");
    // Region D changes routes only, never safety: Veilig Thuis is unchanged.
    if let Some(vt) = row(report, "route", "veilig-thuis-melding") {
        assert_eq!(vt["shift_pp"].as_f64(), Some(0.0));
    }
}

#[test]
fn the_table_shows_the_json_numbers() {
    let json = national_vs_d();
    let dir = TempDir::new("sim-table");
    let corpus = corpus_in(&dir);
    // In English, the language of the JSON's labels; the Dutch table is
    // checked below.
    let o = wegwijs(&["simulate", "--corpus", &corpus, "--region", REGION_D, "--against", "--lang", "en"]);
    let table = stdout(ok(&o));
    assert!(table.contains("300 signals"), "{table}");
    assert!(table.contains("signals/s"), "{table}");
    assert!(!table.contains('\r'), "no progress bar on stdout");
    for r in json["rows"].as_array().unwrap() {
        let label = r["label"].as_str().unwrap();
        let line = table
            .lines()
            .find(|l| l.strip_prefix(label).is_some_and(|rest| rest.starts_with("  ")))
            .unwrap_or_else(|| panic!("no table line for {label}:\n{table}"));
        let cells: Vec<&str> = line[label.len()..].split_whitespace().filter(|c| *c != "%").collect();
        let mut expected: Vec<String> = percents(r).iter().map(|p| format!("{p:.1}")).collect();
        let pp = r["shift_pp"].as_f64().unwrap();
        expected.push(if pp == 0.0 { "0.0".into() } else { format!("{pp:+.1}") });
        assert_eq!(cells, expected, "{line}");
    }
    // The same table for a Dutch reader: Dutch words and numbers.
    let o = wegwijs(&["simulate", "--corpus", &corpus, "--region", REGION_D, "--against"]);
    let dutch = stdout(ok(&o));
    assert!(dutch.contains("300 signalen") && dutch.contains("signalen/s"), "{dutch}");
    assert!(dutch.contains("route naar POH-jeugd") && dutch.contains("verschil (pp)"), "{dutch}");
    assert_eq!(dutch.lines().count(), table.lines().count(), "one line per measure in both languages");
    for line in dutch.lines().skip(3) {
        assert_eq!(wegwijs_kit::english_word_in(line), None, "English in the Dutch table: {line}");
    }
}

#[test]
fn the_counts_do_not_depend_on_the_number_of_threads() {
    let one = simulate_json(&["--region", REGION_D, "--threads", "1"]);
    let three = simulate_json(&["--region", REGION_D, "--threads", "3"]);
    assert_eq!(one["threads"], 1);
    assert_eq!(three["threads"], 3);
    assert_eq!(one["rows"], three["rows"], "the same counts, in the same order");
    assert!(one["rows"].as_array().is_some_and(|r| !r.is_empty()));
}

#[test]
fn regions_with_their_own_component_show_where_they_differ() {
    let a = rust_example("a-ondersteuningsteam", artifacts::REGION_A_ROUTING);
    let b = rust_example("b-integrale-toegang", artifacts::REGION_B_ROUTING);
    let (a, b) = (a.0.to_str().unwrap(), b.0.to_str().unwrap());
    let report = simulate_json(&["--region", a, "--against", b]);
    let ids: Vec<&str> =
        report["configurations"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["regio-b", "regio-a"]);
    let differs = row(&report, "divergence", "routing").expect("both regions run their own routing component");
    assert!(percents(differs).iter().all(|p| *p > 0.0), "{differs}");
    assert!(report["rows"].as_array().unwrap().iter().all(|r| r["group"] != "fault"), "no component faulted");
    let single = simulate_json(&[]);
    assert_eq!(single["configurations"].as_array().unwrap().len(), 1);
    assert_eq!(single["configurations"][0]["id"], "national-default");
    assert!(single["rows"][0].get("shift_pp").is_none(), "one configuration, no shift");
}

#[test]
fn the_html_page_is_self_contained() {
    let dir = TempDir::new("sim-html");
    let corpus = corpus_in(&dir);
    let html = dir.0.join("report.html");
    let svg = dir.0.join("chart.svg");
    let o = wegwijs(&[
        "simulate",
        "--corpus",
        &corpus,
        "--region",
        REGION_D,
        "--against",
        "national",
        "--html",
        html.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ]);
    ok(&o);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("<svg"), "an inline chart");
    for outside in ["http", "src=", "<script", "@import", "url("] {
        assert!(!page.contains(outside), "the page refers to something outside it: {outside}");
    }
    // In Dutch, the default (`simulate_report` has the rest of the page).
    assert!(page.contains("<table") && page.contains("route naar POH-jeugd"));
    assert!(page.contains("300 signalen") && page.contains("Signalen per seconde"));
    assert!(page.contains("regio-d") && page.contains("national-default"));
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(chart.starts_with("<svg xmlns="), "a standalone SVG declares its namespace");
    assert!(chart.trim_end().ends_with("</svg>"));
}

#[test]
fn a_missing_corpus_exits_2_and_says_how_to_make_one() {
    let o = wegwijs(&["simulate", "--corpus", "does-not-exist.jsonl"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("kan het corpusbestand does-not-exist.jsonl niet lezen"), "{}", stderr(&o));
    assert!(stderr(&o).contains("wegwijs corpus --n"), "{}", stderr(&o));
}

#[test]
fn a_bad_corpus_line_is_named_with_its_field() {
    let good = corpus(2, 5);
    let dir = TempDir::new("sim-bad");
    dir.write(
        "invalid.jsonl",
        format!("{good}\n{}\n", good.lines().next().unwrap().replace("\"handler\":", "\"handler\":\"nurse\",\"x\":")),
    );
    let o = wegwijs(&["simulate", "--corpus", dir.0.join("invalid.jsonl").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("regel 4"), "blank lines count, and are skipped: {}", stderr(&o));
    assert!(stderr(&o).contains("handler"), "{}", stderr(&o));
    assert!(stderr(&o).contains("verbeter of verwijder die regel"), "{}", stderr(&o));

    let age = good.lines().next().unwrap();
    let v: serde_json::Value = serde_json::from_str(age).unwrap();
    let mut v = v;
    v["child"] = serde_json::json!({ "age_months": 400 });
    dir.write("age.jsonl", format!("{age}\n{v}\n"));
    let o = wegwijs(&["simulate", "--corpus", dir.0.join("age.jsonl").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("regel 2: `child.age_months`"), "{}", stderr(&o));

    dir.write("json.jsonl", format!("{age}\n{{ not json\n"));
    let o = wegwijs(&["simulate", "--corpus", dir.0.join("json.jsonl").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("regel 2: geen geldige JSON"), "{}", stderr(&o));

    dir.write("empty.jsonl", "\n\n");
    let o = wegwijs(&["simulate", "--corpus", dir.0.join("empty.jsonl").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bevat geen signalen"), "{}", stderr(&o));
}

#[test]
fn a_refused_or_missing_region_exits_2_and_says_what_to_do() {
    let dir = TempDir::new("sim-refused");
    let corpus = corpus_in(&dir);
    dir.write(
        "bundle/region.toml",
        "[region]\nid = \"regio-x\"\nname = \"X\"\ngemeenten = [\"GM0001\"]\nrevision = 1\ndescription = \"no cases\"\n",
    );
    let o = wegwijs(&["simulate", "--corpus", &corpus, "--region", dir.0.join("bundle").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("geweigerd"), "{}", stderr(&o));
    assert!(stderr(&o).contains("wegwijs test --region"), "{}", stderr(&o));

    let o = wegwijs(&["simulate", "--corpus", &corpus, "--against", "examples/regions/no-such-region"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("geen regiobundel in examples/regions/no-such-region"), "{}", stderr(&o));
    assert!(stderr(&o).contains("`national`"), "{}", stderr(&o));

    let o = wegwijs(&["corpus", "--n", "3", "--gemeente", "Amsterdam"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("geen CBS-gemeentecode"), "{}", stderr(&o));
}
