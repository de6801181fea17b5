//! The parsers of untrusted input never panic: signals (JSON from an EPD),
//! case files (TOML from component developers) and region manifests and
//! bundles (TOML and files from municipalities). Every malformed input must
//! come back as a structured error that says what is wrong and where.
//!
//! These are the properties of the cargo-fuzz targets in `fuzz/`, run here
//! as proptest properties so that the normal test suite keeps them: a few
//! hundred arbitrary strings and structured mutations of the valid examples
//! per parser (`WEGWIJS_PARSER_CASES=20000` for a long run). The fuzzers
//! search far longer (see `docs/fuzzing.md`); what they find belongs in
//! [`fuzz_findings_stay_fixed`] as a regression.

use crate::util::{TempDir, example_signals, root};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::Value;
use std::path::{Component, Path};
use std::sync::OnceLock;
use wegwijs::harness::{Bundle, CaseFile, Manifest};
use wegwijs::{BundleProblem, Error, NATIONAL_DEFAULT, Signal};

const KEY: &[u8] = b"parsers-test-key";

/// 256 cases per property; `WEGWIJS_PARSER_CASES` asks for a longer run.
fn config() -> ProptestConfig {
    let cases = std::env::var("WEGWIJS_PARSER_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

// --- what a structured error is ------------------------------------------------

/// A signal error is one of the two input errors, and every problem in it
/// names a field and says something.
fn check_signal_error(e: &Error) -> Result<(), TestCaseError> {
    prop_assert!(!e.to_string().is_empty(), "empty message for {:?}", e);
    match e {
        Error::MalformedJson { problem, .. } => prop_assert!(!problem.is_empty(), "{:?}", e),
        Error::InvalidSignal(problems) => {
            prop_assert!(!problems.is_empty(), "InvalidSignal without problems");
            for p in problems {
                prop_assert!(!p.field.is_empty(), "a problem names no field: {:?}", p);
                prop_assert!(!p.problem.is_empty(), "a problem says nothing: {:?}", p);
                // Dutch is the default reader's language: no English
                // sentence of ours may reach them untranslated.
                prop_assert!(
                    wegwijs_kit::english_word_in(p.problem.nl()).is_none(),
                    "English in the Dutch problem: {:?}",
                    p
                );
            }
        }
        other => prop_assert!(false, "not an input error: {:?}", other),
    }
    Ok(())
}

/// A refused manifest or bundle lists at least one problem, each with a
/// message that names its place.
fn check_bundle_problems(problems: &[BundleProblem]) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty(), "refused without a reason");
    for p in problems {
        prop_assert!(!p.to_string().is_empty(), "empty message for {:?}", p);
        if !matches!(p, BundleProblem::Toml { .. } | BundleProblem::CaseFile { .. }) {
            // Only a parser's own words, quoted as they came, may be English.
            let dutch = p.message(wegwijs::Language::Nl);
            prop_assert!(wegwijs_kit::english_word_in(&dutch).is_none(), "English in the Dutch problem: {}", dutch);
        }
        if let BundleProblem::Field { field, detail } = p {
            prop_assert!(!field.is_empty() && !detail.is_empty(), "{:?}", p);
        }
        if let BundleProblem::Toml { line, column, .. } = p {
            prop_assert!(*line >= 1 && *column >= 1, "{:?}", p);
        }
    }
    Ok(())
}

/// What an accepted manifest promises the host.
fn check_manifest(m: &Manifest) -> Result<(), TestCaseError> {
    let id_ok = !m.id.is_empty()
        && m.id.len() <= 64
        && m.id != NATIONAL_DEFAULT
        && m.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    prop_assert!(id_ok, "accepted region id {:?}", m.id);
    prop_assert!(!m.gemeenten.is_empty(), "accepted a region serving no gemeente");
    for g in &m.gemeenten {
        let ok = g.len() == 6 && g.starts_with("GM") && g[2..].bytes().all(|b| b.is_ascii_digit());
        prop_assert!(ok, "accepted gemeentecode {:?}", g);
    }
    prop_assert!(m.revision >= 1);
    for c in m.stages.values() {
        let p = Path::new(&c.path);
        let inside = !c.path.is_empty()
            && !p.is_absolute()
            && !c.path.starts_with(['/', '\\'])
            && p.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        prop_assert!(inside, "accepted component path {:?}", c.path);
    }
    Ok(())
}

fn check_signal(text: &str) -> Result<(), TestCaseError> {
    match Signal::from_json(text) {
        Ok(s) => {
            prop_assert!(s.validate().is_ok());
            let _ = s.to_case(KEY);
        }
        Err(e) => check_signal_error(&e)?,
    }
    Ok(())
}

fn check_case_file(text: &str) -> Result<(), TestCaseError> {
    match CaseFile::parse(text) {
        Ok(file) => {
            for case in &file.cases {
                match case.signal() {
                    Ok(s) => {
                        let _ = s.to_case(KEY);
                    }
                    Err(e) => check_signal_error(&e)?,
                }
            }
        }
        Err(Error::InvalidCaseFile { line, column, problem }) => {
            prop_assert!(line >= 1 && column >= 1, "case file position {}:{}", line, column);
            prop_assert!(!problem.is_empty(), "case file error without a problem");
        }
        Err(other) => prop_assert!(false, "not a case file error: {:?}", other),
    }
    Ok(())
}

fn check_region(text: &str) -> Result<(), TestCaseError> {
    match Manifest::parse(text) {
        Ok(m) => check_manifest(&m),
        Err(problems) => check_bundle_problems(&problems),
    }
}

// --- inputs ------------------------------------------------------------------

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The example signals, as parsed JSON.
fn signal_examples() -> &'static [Value] {
    static EXAMPLES: OnceLock<Vec<Value>> = OnceLock::new();
    EXAMPLES.get_or_init(|| example_signals().iter().map(|p| serde_json::from_str(&read(p)).unwrap()).collect())
}

/// The case files of the rule tables and of the example region bundles.
fn case_examples() -> &'static [String] {
    static EXAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let mut dirs = vec![root().join("tests/cases")];
        dirs.extend(region_dirs().into_iter().map(|d| d.join("cases")));
        let mut texts = Vec::new();
        for dir in dirs {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
            files.sort();
            texts.extend(files.iter().filter(|p| p.extension().is_some_and(|e| e == "toml")).map(|p| read(p)));
        }
        assert!(!texts.is_empty(), "no case files found");
        texts
    })
}

/// The `region.toml` of every example bundle, plus a minimal one.
fn region_examples() -> &'static [String] {
    static EXAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let mut texts = vec![
            "[region]\nid = \"regio-noord\"\nname = \"Regio Noord\"\ngemeenten = [\"GM0014\"]\nrevision = 2\n"
                .to_string(),
        ];
        for dir in region_dirs() {
            let manifest = dir.join("region.toml");
            if manifest.is_file() {
                texts.push(read(&manifest));
            }
        }
        texts
    })
}

fn region_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("examples/regions"))
        .map(|entries| entries.map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// Any JSON value, with a bias towards the values signals are made of:
/// dates, codes, gemeentecodes and numbers around the limits.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop::sample::select(vec![-1i64, 0, 1, 2, 3, 12, 23, 24, 25, 45, 46, 64, 65, 255, 256, 65_535, 65_536])
            .prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,24}".prop_map(Value::from),
        "[a-z0-9-]{0,70}".prop_map(Value::from),
        "(19|20|21|22|23)[0-9]{2}-[0-1][0-9]-[0-3][0-9]".prop_map(Value::from),
        "GM[0-9]{3,5}".prop_map(Value::from),
        "[0-9]{8,10}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One change to a JSON document, at the node the index picks among all nodes.
#[derive(Debug, Clone)]
enum JsonEdit {
    /// The node becomes another value.
    Replace(prop::sample::Index, Value),
    /// The node is taken out of its object or array.
    Remove(prop::sample::Index),
    /// The node gains a key (or, if not an object, becomes one).
    AddKey(prop::sample::Index, String, Value),
}

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    let key = prop_oneof![
        Just(String::new()),
        "[a-z_]{1,24}",
        words("child date source handler instruments kindcheck meldcode sdq"),
    ];
    prop_oneof![
        4 => (any::<prop::sample::Index>(), json_value()).prop_map(|(i, v)| JsonEdit::Replace(i, v)),
        1 => any::<prop::sample::Index>().prop_map(JsonEdit::Remove),
        2 => (any::<prop::sample::Index>(), key, json_value()).prop_map(|(i, k, v)| JsonEdit::AddKey(i, k, v)),
    ]
}

/// A step from a JSON node to one of its children.
#[derive(Clone)]
enum Step {
    Key(String),
    Item(usize),
}

fn paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                here.push(Step::Key(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Step::Item(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Item(i) => &mut v[*i],
    })
}

fn apply(doc: &mut Value, edit: &JsonEdit) {
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    match edit {
        JsonEdit::Replace(at, v) => *node(doc, &all[at.index(all.len())]) = v.clone(),
        JsonEdit::Remove(at) => {
            let path = &all[at.index(all.len())];
            if let Some((last, parent)) = path.split_last() {
                match (node(doc, parent), last) {
                    (Value::Object(m), Step::Key(k)) => {
                        m.remove(k);
                    }
                    (Value::Array(items), Step::Item(i)) => {
                        items.remove(*i);
                    }
                    _ => {}
                }
            }
        }
        JsonEdit::AddKey(at, k, v) => {
            let target = node(doc, &all[at.index(all.len())]);
            match target {
                Value::Object(m) => {
                    m.insert(k.clone(), v.clone());
                }
                _ => {
                    let mut m = serde_json::Map::new();
                    m.insert(k.clone(), v.clone());
                    *target = Value::Object(m);
                }
            }
        }
    }
}

/// A TOML value as written in a file: well-formed literals of every kind,
/// and now and then something that is not TOML at all.
fn toml_literal() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        "[^\"\\\\\\n]{0,20}".prop_map(|s| format!("\"{s}\"")),
        "[^'\\n]{0,20}".prop_map(|s| format!("'{s}'")),
        "[a-z0-9-]{0,20}".prop_map(|s| format!("\"{s}\"")),
        "GM[0-9]{2,5}".prop_map(|s| format!("\"{s}\"")),
        "\\.\\./[a-z]{1,8}\\.wasm|/[a-z]{1,8}\\.wasm|[a-z]{1,8}/\\.\\./\\.\\./x|C:[a-z]{1,8}"
            .prop_map(|s| format!("\"{s}\"")),
        "[0-9a-f]{64}".prop_map(|s| format!("\"{s}\"")),
        any::<i64>().prop_map(|n| n.to_string()),
        words("0 -1 1 4294967295 4294967296 9223372036854775807 0x7f 1_000"),
        any::<f64>().prop_map(|f| format!("{f:?}")),
        words("inf -inf nan true false 1979-05-27T07:32:00Z 07:32:00 2026-10-05"),
        "\"\"\"[a-z\\n]{0,10}\"\"\"",
        "[\\[\\]{}=\"',.#a-z0-9 ]{0,12}",
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(("[a-z-]{1,8}", inner), 0..4).prop_map(|v| {
                let fields: Vec<String> = v.into_iter().map(|(k, v)| format!("{k} = {v}")).collect();
                format!("{{ {} }}", fields.join(", "))
            }),
        ]
    })
}

/// One of the space-separated words, as a strategy.
fn words(list: &'static str) -> impl Strategy<Value = String> + Clone {
    prop::sample::select(list.split_whitespace().collect::<Vec<_>>()).prop_map(String::from)
}

/// A TOML key: one the parsers know, or any other.
fn toml_key() -> impl Strategy<Value = String> {
    prop_oneof![
        words(
            "id name gemeenten revision description component sha256 deadline-ms memory-mib fuel max-items \
             date handler source child concerns expect signal routes partner reasons instruments birth_date"
        ),
        "[a-z_-]{1,12}",
        Just("\"\"".to_string()),
        "\"[a-z. ]{0,8}\"",
        "[a-z]{1,6}\\.[a-z]{1,6}",
    ]
}

/// A TOML table header: one the parsers know, or any other.
fn toml_header() -> impl Strategy<Value = String> {
    prop_oneof![
        words(
            "[region] [stages.routing] [stages.intake] [stages.nope] [config] [config.partners.wijkteam] [limits] \
             [[case]] [case.signal] [case.expect] [[case.expect.route]] [case.signal.child]"
        ),
        "\\[[a-z.]{1,16}\\]",
        "\\[\\[[a-z.]{1,16}\\]\\]",
    ]
}

/// One change to the lines of a TOML file.
#[derive(Debug, Clone)]
enum TomlEdit {
    /// The value of the `key = value` line at or after the position.
    ReplaceValue(prop::sample::Index, String),
    /// A new `key = value` line.
    InsertPair(prop::sample::Index, String, String),
    /// A new table header.
    InsertHeader(prop::sample::Index, String),
    /// A line removed.
    DeleteLine(prop::sample::Index),
}

fn toml_edit() -> impl Strategy<Value = TomlEdit> {
    let at = any::<prop::sample::Index>;
    prop_oneof![
        4 => (at(), toml_literal()).prop_map(|(i, v)| TomlEdit::ReplaceValue(i, v)),
        3 => (at(), toml_key(), toml_literal()).prop_map(|(i, k, v)| TomlEdit::InsertPair(i, k, v)),
        1 => (at(), toml_header()).prop_map(|(i, h)| TomlEdit::InsertHeader(i, h)),
        1 => at().prop_map(TomlEdit::DeleteLine),
    ]
}

fn apply_toml(text: &str, edit: &TomlEdit) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    let n = lines.len();
    match edit {
        TomlEdit::ReplaceValue(at, value) => {
            let start = at.index(n);
            let pair = (0..n).map(|k| (start + k) % n).find(|&i| {
                let line = lines[i].trim_start();
                !line.starts_with('#') && !line.starts_with('[') && line.contains('=')
            });
            if let Some(i) = pair {
                let eq = lines[i].find('=').unwrap_or(0);
                lines[i] = format!("{} {value}", &lines[i][..=eq]);
            }
        }
        TomlEdit::InsertPair(at, key, value) => lines.insert(at.index(n + 1), format!("{key} = {value}")),
        TomlEdit::InsertHeader(at, header) => lines.insert(at.index(n + 1), header.clone()),
        TomlEdit::DeleteLine(at) => {
            lines.remove(at.index(n));
        }
    }
    lines.join("\n")
}

// --- properties --------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_is_a_signal_or_a_structured_error(text in ".{0,300}") {
        check_signal(&text)?;
    }

    #[test]
    fn any_json_is_a_signal_or_a_structured_error(doc in json_value()) {
        check_signal(&doc.to_string())?;
    }

    #[test]
    fn edited_example_signals_give_a_signal_or_named_field_problems(
        base in prop::sample::select(signal_examples()),
        edits in prop::collection::vec(json_edit(), 1..4),
    ) {
        let mut doc = base;
        for edit in &edits {
            apply(&mut doc, edit);
        }
        check_signal(&doc.to_string())?;
        check_signal(&serde_json::to_string_pretty(&doc).unwrap())?;
    }

    /// Every strict prefix of a valid signal is malformed JSON, reported with
    /// its position rather than as a field problem.
    #[test]
    fn truncated_signals_are_malformed_json(base in prop::sample::select(signal_examples()), cut in any::<prop::sample::Index>()) {
        let text = base.to_string();
        let mut end = cut.index(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        match Signal::from_json(&text[..end]) {
            Err(Error::MalformedJson { line, problem, .. }) => prop_assert!(line >= 1 && !problem.is_empty()),
            other => prop_assert!(false, "prefix of {} bytes gave {:?}", end, other),
        }
    }

    /// Whatever follows a signal, a second one included, is refused rather
    /// than dropped unread.
    #[test]
    fn content_after_a_signal_is_refused(
        base in prop::sample::select(signal_examples()),
        gap in "[ \t\r\n]{0,3}",
        tail in "\\S.{0,20}",
    ) {
        let text = format!("{base}{gap}{tail}");
        match Signal::from_json(&text) {
            Err(Error::MalformedJson { line, problem, .. }) => prop_assert!(line >= 1 && !problem.is_empty()),
            other => prop_assert!(false, "{:?} after a signal gave {:?}", tail, other),
        }
    }

    #[test]
    fn any_text_is_a_case_file_or_a_structured_error(text in "[\\[\\]{}=\"',.#\\na-z0-9_ -]{0,300}|.{0,300}") {
        check_case_file(&text)?;
    }

    #[test]
    fn edited_case_files_give_cases_or_structured_errors(
        base in prop::sample::select(case_examples()),
        edits in prop::collection::vec(toml_edit(), 1..5),
    ) {
        let text = edits.iter().fold(base, |t, e| apply_toml(&t, e));
        check_case_file(&text)?;
    }

    #[test]
    fn any_text_is_a_manifest_or_named_problems(text in "[\\[\\]{}=\"',.#\\na-z0-9_ -]{0,300}|.{0,300}") {
        check_region(&text)?;
    }

    #[test]
    fn edited_manifests_keep_their_invariants_or_name_problems(
        base in prop::sample::select(region_examples()),
        edits in prop::collection::vec(toml_edit(), 1..5),
    ) {
        let text = edits.iter().fold(base, |t, e| apply_toml(&t, e));
        check_region(&text)?;
    }
}

proptest! {
    // Each case writes a bundle to disk: fewer of them.
    #![proptest_config(ProptestConfig { cases: config().cases / 4, ..config() })]

    /// A bundle directory with an edited manifest and an edited case file is
    /// read into a bundle or refused with named problems.
    #[test]
    fn edited_bundles_are_read_or_refused_with_problems(
        manifest in prop::sample::select(region_examples()),
        manifest_edits in prop::collection::vec(toml_edit(), 0..3),
        cases in prop::sample::select(case_examples()),
        case_edits in prop::collection::vec(toml_edit(), 0..3),
        component in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let dir = TempDir::new("parsers-bundle");
        dir.write("region.toml", manifest_edits.iter().fold(manifest, |t, e| apply_toml(&t, e)));
        dir.write("cases/routes.toml", case_edits.iter().fold(cases, |t, e| apply_toml(&t, e)));
        dir.write("routing.wasm", &component);
        match Bundle::read(&dir.0) {
            Ok(bundle) => {
                check_manifest(&bundle.manifest)?;
                prop_assert_eq!(bundle.components.len(), bundle.manifest.stages.len());
            }
            Err(problems) => check_bundle_problems(&problems)?,
        }
    }
}

/// The mutations above do reach both outcomes: some edited examples are
/// still accepted and some are refused, so the properties are not
/// vacuously about one of them.
#[test]
fn the_mutations_reach_both_outcomes() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut outcomes = [[0usize; 2]; 3];
    for _ in 0..200 {
        let doc = (prop::sample::select(signal_examples()), json_edit());
        let (mut doc, edit) = doc.new_tree(&mut runner).unwrap().current();
        apply(&mut doc, &edit);
        outcomes[0][usize::from(Signal::from_json(&doc.to_string()).is_ok())] += 1;

        let cases = (prop::sample::select(case_examples()), toml_edit());
        let (text, edit) = cases.new_tree(&mut runner).unwrap().current();
        let parsed = CaseFile::parse(&apply_toml(&text, &edit));
        outcomes[1][usize::from(parsed.is_ok_and(|f| f.cases.iter().all(|c| c.signal().is_ok())))] += 1;

        let region = (prop::sample::select(region_examples()), toml_edit());
        let (text, edit) = region.new_tree(&mut runner).unwrap().current();
        outcomes[2][usize::from(Manifest::parse(&apply_toml(&text, &edit)).is_ok())] += 1;
    }
    for (parser, [refused, accepted]) in ["signal", "case file", "region.toml"].iter().zip(outcomes) {
        assert!(refused >= 5 && accepted >= 5, "{parser}: {accepted} accepted, {refused} refused of 200");
    }
}

/// Inputs found by the fuzzers and their review. Each broke a property
/// above and stays here as a regression.
#[test]
fn fuzz_findings_stay_fixed() {
    // An empty key at the top level was reported with an empty field name,
    // which tells a sender nothing.
    // signal_json: minimised from a crash (3 bytes), and its complete form.
    for text in ["{\"\"", "{\"\":0}"] {
        let e = Signal::from_json(text).expect_err(text);
        check_signal_error(&e).unwrap();
    }
    // The same through a case file's signal, and a manifest's unknown table.
    check_case_file("[[case]]\nname = \"x\"\n[case.signal]\n\"\" = 1\n").unwrap();
    let problems = Manifest::parse("\"\" = 1\n").expect_err("an unknown table is refused");
    check_bundle_problems(&problems).unwrap();

    // signal_json: anything after a valid signal was ignored, so of two
    // signals sent as one text the second was silently dropped.
    let one = r#"{"date":"2026-10-05","child":{"age_months":30},"source":{"code":"huisarts"},"handler":"jeugdarts"}"#;
    assert!(Signal::from_json(one).is_ok());
    for tail in [" x", "\0", one] {
        let text = format!("{one}{tail}");
        assert!(matches!(Signal::from_json(&text), Err(Error::MalformedJson { .. })), "{text:?} was accepted");
    }
}
