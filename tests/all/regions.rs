//! Region bundles (docs/regions.md): activation is all or nothing, every
//! refusal says exactly why, a refused replacement leaves the older revision
//! serving, many regions share one host, and each example region in
//! `examples/regions/` builds and passes its own cases.

use crate::util::{TempDir, example_bundle, root, rust_example, sha256};
use std::path::{Path, PathBuf};
use wegwijs::harness::Trial;
use wegwijs::types as m;
use wegwijs::{DecideOptions, Host, Signal};
use wegwijs_test_artifacts as artifacts;

use crate::util::PLAIN_CASE as CASE;

fn manifest(id: &str, revision: u32, gemeenten: &str, extra: &str) -> String {
    format!(
        "[region]\nid = \"{id}\"\nname = \"Test {id}\"\ngemeenten = [{gemeenten}]\nrevision = {revision}\n{extra}\n[config.partners.wijkteam]\nname = \"Team {id} r{revision}\"\n"
    )
}

fn bundle(id: &str, revision: u32, gemeenten: &str, extra: &str) -> TempDir {
    let dir = TempDir::new(id);
    dir.write("region.toml", manifest(id, revision, gemeenten, extra));
    dir.write("cases/plain.toml", CASE);
    dir
}

fn refused(host: &Host, dir: &Path) -> String {
    match host.activate_dir(dir) {
        Err(e @ wegwijs::Error::RegionRefused { .. }) => e.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn school_signal(gemeente: &str) -> Signal {
    crate::util::school_signal(gemeente, "parenting-stress")
}

fn host() -> Host {
    Host::builder().pseudonym_key("regions").language(wegwijs::Language::En).build().unwrap()
}

#[test]
fn a_wrong_hash_is_refused_naming_both_hashes() {
    let wasm = artifacts::HOSTILE;
    let dir = bundle("wrong-hash", 1, "\"GM0014\"", "");
    let wrong = sha256(b"other bytes");
    dir.write(
        "region.toml",
        manifest(
            "wrong-hash",
            1,
            "\"GM0014\"",
            &format!("[stages.routing]\ncomponent = \"r.wasm\"\nsha256 = \"{wrong}\""),
        ),
    );
    dir.write("r.wasm", wasm);
    let err = refused(&host(), &dir.0);
    assert!(err.contains("r.wasm") && err.contains(&wrong) && err.contains(&sha256(wasm)), "{err}");
}

#[test]
fn paths_leading_out_of_the_bundle_are_refused() {
    let outside = TempDir::new("outside");
    let wasm = artifacts::HOSTILE;
    outside.write("evil.wasm", wasm);
    let sha = sha256(wasm);
    let host = host();
    let escape = |path: &str| {
        let dir =
            bundle("escape", 1, "\"GM0014\"", &format!("[stages.routing]\ncomponent = \"{path}\"\nsha256 = \"{sha}\""));
        refused(&host, &dir.0)
    };
    let relative = format!("../{}/evil.wasm", outside.0.file_name().unwrap().to_string_lossy());
    let err = escape(&relative);
    assert!(err.contains("leads outside the bundle") && err.contains("`..` is refused"), "{err}");
    let absolute = outside.0.join("evil.wasm").display().to_string();
    let err = escape(&absolute);
    assert!(err.contains("leads outside the bundle") && err.contains("absolute"), "{err}");

    #[cfg(unix)]
    {
        let dir = bundle(
            "symlink",
            1,
            "\"GM0014\"",
            &format!("[stages.routing]\ncomponent = \"link.wasm\"\nsha256 = \"{sha}\""),
        );
        std::os::unix::fs::symlink(outside.0.join("evil.wasm"), dir.0.join("link.wasm")).unwrap();
        let err = refused(&host, &dir.0);
        assert!(err.contains("link.wasm") && err.contains("outside the bundle"), "{err}");
    }
    assert!(host.regions().is_empty());
}

#[test]
fn a_failing_case_is_refused_naming_the_case_and_field() {
    let dir = bundle("failing", 1, "\"GM0014\"", "");
    dir.write(
        "cases/wrong.toml",
        CASE.replace("status = \"decided\"", "status = \"closed\"").replace("a plain school", "a wrong"),
    );
    let err = refused(&host(), &dir.0);
    assert!(
        err.contains("cases/wrong.toml") && err.contains("a wrong signal is decided") && err.contains("status"),
        "{err}"
    );
    assert!(!err.contains("cases/plain.toml"), "a passing case is not reported: {err}");
}

#[test]
fn a_bundle_without_cases_is_refused() {
    let dir = TempDir::new("nocases");
    dir.write("region.toml", manifest("nocases", 1, "\"GM0014\"", ""));
    let err = refused(&host(), &dir.0);
    assert!(err.contains("no cases"), "{err}");
}

#[test]
fn bad_manifests_name_every_field() {
    let dir = TempDir::new("badfields");
    dir.write(
        "region.toml",
        "[region]\nid = \"Regio Noord\"\ngemeenten = [\"0014\"]\nrevision = \"one\"\n[limits]\nfuel = -5\n",
    );
    dir.write("cases/plain.toml", CASE);
    let err = refused(&host(), &dir.0);
    for field in ["region.id", "region.name", "region.gemeenten[0]", "region.revision", "limits.fuel"] {
        assert!(err.contains(field), "{field} not named: {err}");
    }
    let dir = TempDir::new("badtoml");
    dir.write("region.toml", "[region]\nid = \"x\"\nname = \"y\n");
    let err = refused(&host(), &dir.0);
    assert!(err.contains("region.toml line 3"), "{err}");
}

#[test]
fn a_refused_replacement_leaves_the_older_revision_serving() {
    let host = host();
    let first = bundle("noord", 1, "\"GM0014\"", "");
    host.activate_dir(&first.0).unwrap();
    let local = |host: &Host| {
        let d = host.decide(&school_signal("GM0014")).unwrap();
        assert_eq!(d.provenance.region, "noord");
        d.routes().iter().find_map(|r| r.local_name.clone()).unwrap_or_default()
    };
    assert_eq!(local(&host), "Team noord r1");

    // Revision 2 with a failing case: refused, revision 1 keeps serving.
    let broken = bundle("noord", 2, "\"GM0014\"", "");
    broken.write("cases/plain.toml", CASE.replace("status = \"decided\"", "status = \"closed\""));
    refused(&host, &broken.0);
    assert_eq!(local(&host), "Team noord r1");

    // The same revision again: refused as not newer.
    let same = bundle("noord", 1, "\"GM0014\"", "");
    assert!(refused(&host, &same.0).contains("not newer than the loaded revision 1"));

    // Revision 2 that passes: replaces revision 1 for every clone of the host.
    let clone = host.clone();
    let second = bundle("noord", 2, "\"GM0014\"", "");
    host.activate_dir(&second.0).unwrap();
    assert_eq!(local(&clone), "Team noord r2");
}

#[test]
fn one_gemeente_cannot_be_served_by_two_regions() {
    let host = host();
    host.activate_dir(&bundle("eerste", 1, "\"GM0014\", \"GM0037\"", "").0).unwrap();
    let err = refused(&host, &bundle("tweede", 1, "\"GM0037\"", "").0);
    assert!(err.contains("GM0037 is already served by region `eerste`"), "{err}");
}

#[test]
fn many_regions_in_one_host_each_gemeente_gets_its_own_and_the_rest_national() {
    let host = host();
    host.activate_dir(&bundle("noord", 1, "\"GM0014\"", "").0).unwrap();
    host.activate_dir(&bundle("zuid", 1, "\"GM0796\"", "").0).unwrap();
    for (gemeente, region) in [("GM0014", "noord"), ("GM0796", "zuid"), ("GM0363", "national-default")] {
        let d = host.decide(&school_signal(gemeente)).unwrap();
        assert_eq!(d.provenance.region, region, "{gemeente}");
    }
    let forced = host.decide_with(&school_signal("GM0363"), &DecideOptions::default().in_region("zuid")).unwrap();
    assert_eq!(forced.provenance.region, "zuid");
    let err = host.decide_with(&school_signal("GM0363"), &DecideOptions::default().in_region("west")).unwrap_err();
    assert!(err.to_string().contains("no region `west` is loaded"));
}

/// An example region's directory.
fn example(name: &str) -> PathBuf {
    root().join("examples/regions").join(name)
}

/// Builds region C's Python component in a copy of the whole bundle, with
/// the copy's own build script, as a region that moved elsewhere would:
/// componentize-py builds are not byte-reproducible, so the script pins
/// each build's hash, and the copy keeps the source tree clean.
fn python_bundle() -> TempDir {
    let source = example("c-pedagogisch-adviseur");
    let copy = example_bundle("c-pedagogisch-adviseur");
    copy_tree(&source.join("component"), &copy.0.join("component"));
    let out = std::process::Command::new("sh")
        .arg(copy.0.join("component/build.sh"))
        .current_dir(std::env::temp_dir())
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "building region C's Python component failed (is componentize-py installed? see its README):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    copy
}

/// Copies the directory `from` to `to`, files and folders only, leaving out
/// what CPython writes next to its modules.
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("the copy's directory");
    for entry in std::fs::read_dir(from).expect("a directory to copy") {
        let entry = entry.expect("a directory entry");
        let (path, kind) = (entry.path(), entry.file_type().expect("a file type"));
        if kind.is_dir() && entry.file_name() != "__pycache__" {
            copy_tree(&path, &to.join(entry.file_name()));
        } else if kind.is_file() {
            std::fs::copy(&path, to.join(entry.file_name())).expect("a copied file");
        }
    }
}

/// Region C carries its own copy of the WIT contract so that it builds
/// wherever it is copied; the copy must be the host's contract.
#[test]
fn region_c_carries_the_hosts_wit_contract() {
    // Region C is built against WIT 0.2.0 on purpose: it shows that a
    // component from before `language` (0.2.1) keeps working. Its copy is
    // the host's contract with what 0.2.1 added taken out.
    for entry in std::fs::read_dir(root().join("wit")).expect("wit/") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
        let host = std::fs::read_to_string(&path).expect("a WIT file");
        crate::util::golden::check(
            &format!("examples/regions/c-pedagogisch-adviseur/component/wit/{name}"),
            &as_of_0_2_0(&host),
        );
    }
}

/// A WIT file of this host as it read in 0.2.0: the package version, and
/// without the items marked `@since(version = 0.2.1)` (each one line, with
/// its doc comment and the blank line before it).
fn as_of_0_2_0(wit: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut lines = wit.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "@since(version = 0.2.1)" {
            while out.last().is_some_and(|l| l.trim_start().starts_with("///")) {
                out.pop();
            }
            if out.last().is_some_and(|l| l.trim().is_empty()) {
                out.pop();
            }
            let item = lines.next().expect("an item after @since");
            assert!(item.trim_end().ends_with(';'), "a 0.2.1 item on one line: {item}");
            continue;
        }
        out.push(line);
    }
    let text = out.join("\n") + "\n";
    text.replace("package wegwijs:jgz@0.2.1;", "package wegwijs:jgz@0.2.0;")
}

/// Region C's bundle with its Python component built, as the examples load it.
pub(crate) fn python_region_dir() -> PathBuf {
    examples().dirs[2].clone()
}

struct Examples {
    host: Host,
    /// Bundle directories in the order A, B, C, D: copies of A, B and C
    /// with their components built, D (configuration only) as it is.
    dirs: Vec<PathBuf>,
    _copies: Vec<TempDir>,
}

/// Every example region, built and loaded into one host.
fn examples() -> &'static Examples {
    static EXAMPLES: std::sync::OnceLock<Examples> = std::sync::OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let copies = vec![
            rust_example("a-ondersteuningsteam", artifacts::REGION_A_ROUTING),
            rust_example("b-integrale-toegang", artifacts::REGION_B_ROUTING),
            python_bundle(),
        ];
        let mut dirs: Vec<PathBuf> = copies.iter().map(|c| c.0.clone()).collect();
        dirs.push(example("d-config-only"));
        let mut builder = Host::builder().pseudonym_key("examples").language(wegwijs::Language::En);
        for dir in &dirs {
            builder = builder.region(dir);
        }
        let host = builder.build().unwrap_or_else(|e| panic!("{e}"));
        Examples { host, dirs, _copies: copies }
    })
}

#[test]
fn every_example_region_builds_and_passes_its_own_cases() {
    let ex = examples();
    for dir in &ex.dirs {
        let (trial, bundle) = Trial::read(&ex.host, dir).unwrap();
        let report = trial.run_bundle(&bundle);
        assert!(report.passed(), "{}: {:#?}", dir.display(), report.problems());
        assert!(report.region.cases >= 5, "{} has only {} cases", dir.display(), report.region.cases);
    }
    let ids: Vec<String> = ex.host.regions().into_iter().map(|r| r.id).collect();
    assert_eq!(ids, ["regio-a", "regio-b", "regio-c", "regio-d"]);
}

/// The README's comparison table is the tool's own output for example
/// signal 13 through the national defaults and regions A–D (a golden part
/// of the README: `BLESS=1` rewrites it).
#[test]
fn the_readme_comparison_table_is_what_the_tool_prints() {
    let ex = examples();
    let mut args = vec!["compare", "examples/signals/13-low-mood-abnormal-sdq.json"];
    let dirs: Vec<String> = ex.dirs.iter().map(|d| d.display().to_string()).collect();
    for d in &dirs {
        args.extend(["--region", d.as_str()]);
    }
    let out = crate::util::wegwijs(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    // Every row differs from every other: the regions visibly change routes.
    let rows: Vec<&str> = table.lines().skip(2).map(|l| l.split('|').nth(3).unwrap_or("")).collect();
    for (i, a) in rows.iter().enumerate() {
        for b in &rows[i + 1..] {
            assert_ne!(a, b, "two rows route the same:\n{table}");
        }
    }
    crate::util::golden::check_between("README.md", "<!-- compare:begin -->\n", "<!-- compare:end -->", &table);
}

/// A region that moves the guideline's route to another partner gets a card
/// that stays true (coherence, issue of the POH-jeugd rule in
/// `docs/component-guide.md`): region A sends signal 13's jeugd-GGZ
/// consultation to its Ondersteuningsteam, and the guideline's RT-A2 reason
/// that still names jeugd-GGZ is marked as the guideline's, while the
/// summary, the urgency sentence and the headline name the final routes.
#[test]
fn a_moved_route_keeps_no_reason_that_names_its_old_partner() {
    let ex = examples();
    let text = std::fs::read_to_string(root().join("examples/signals/13-low-mood-abnormal-sdq.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["gemeente"] = "GM0085".into();
    let d = ex.host.decide_json(&v.to_string()).unwrap();
    assert_eq!(d.provenance.region, "regio-a");
    let routing = d.routing.as_ref().unwrap();
    let ot = routing.routes.iter().find(|r| r.partner == m::Partner::Wijkteam).expect("the OT route");
    let a2 = ot.reasons.iter().find(|r| r.rule == "RT-A2").expect("the guideline's RT-A2 reason");
    assert!(a2.text.starts_with("The guideline's reason for its route to jeugd-GGZ: «"), "{}", a2.text);
    assert!(a2.text.ends_with("Region `regio-a` proposes the sociaal wijkteam instead."), "{}", a2.text);
    assert!(
        routing.summary.starts_with("2 routes, the most urgent soon: consultation sociaal wijkteam"),
        "{}",
        routing.summary
    );
    let urgency: Vec<&str> =
        routing.reasons.iter().filter(|r| r.rule == "RT-URGENCY").map(|r| r.text.as_str()).collect();
    assert_eq!(urgency, ["Overall urgency: soon; the most urgent route is consultation with the sociaal wijkteam."]);
    assert!(d.headline.contains("first: consultation sociaal wijkteam"), "{}", d.headline);
}
