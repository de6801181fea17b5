//! Region bundles: parsing `region.toml`, reading a bundle through a
//! directory capability so that nothing outside it can be reached, checking
//! every component's sha256, and the errors that say exactly why a bundle is
//! refused. Running a bundle's components and activating it belong to the
//! host; this module only turns a directory into a checked [`Bundle`].

use crate::cases::CaseFile;
use crate::limits::Limits;
use crate::stage::Stage;
use cap_std::ambient_authority;
use cap_std::fs::Dir;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Component as PathComponent, Path};
use std::time::Duration;

/// The id under which decisions name the national defaults.
pub const NATIONAL_DEFAULT: &str = "national-default";

/// A parsed, validated `region.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manifest {
    /// Stable identifier: lower-case letters, digits and `-`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// CBS gemeentecodes served, e.g. `GM0363`.
    pub gemeenten: Vec<String>,
    /// Bundle revision; a loaded bundle is only replaced by a higher one.
    pub revision: u32,
    /// One paragraph for readers of decisions.
    pub description: String,
    /// The stages the region replaces, with the component for each.
    pub stages: BTreeMap<Stage, StageComponent>,
    /// Configuration given to components through the `config` import,
    /// flattened to dotted keys.
    pub config: BTreeMap<String, String>,
    /// Limits the region asks for; the host caps them at its own.
    pub limits: LimitOverrides,
}

/// A region's own component for one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageComponent {
    /// Path inside the bundle.
    pub path: String,
    /// Expected sha256, lower-case hex.
    pub sha256: String,
}

/// The `[limits]` table: each limit the region sets, or `None` for the host's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LimitOverrides {
    /// `deadline-ms`.
    pub deadline_ms: Option<u64>,
    /// `memory-mib`.
    pub memory_mib: Option<u64>,
    /// `fuel` (only used by hosts built with fuel metering).
    pub fuel: Option<u64>,
    /// `max-items`.
    pub max_items: Option<usize>,
    /// `max-reasons`.
    pub max_reasons: Option<usize>,
    /// `max-string-bytes`.
    pub max_string_bytes: Option<usize>,
}

impl LimitOverrides {
    /// The limits for this region's components: the host's defaults, with
    /// each override applied but capped at the host's maxima.
    pub fn within(&self, defaults: &Limits, maxima: &Limits) -> Limits {
        let mut l = defaults.clone();
        if let Some(ms) = self.deadline_ms {
            l.deadline = maxima.deadline.min(Duration::from_millis(ms));
        }
        if let Some(mib) = self.memory_mib {
            let asked = usize::try_from(mib.saturating_mul(1 << 20)).unwrap_or(usize::MAX);
            l.memory_bytes = maxima.memory_bytes.min(asked);
        }
        if let Some(fuel) = self.fuel {
            l.fuel = Some(maxima.fuel.map_or(fuel, |f| f.min(fuel)));
        }
        if let Some(n) = self.max_items {
            l.max_items = maxima.max_items.min(n);
        }
        if let Some(n) = self.max_reasons {
            l.max_reasons = maxima.max_reasons.min(n);
        }
        if let Some(n) = self.max_string_bytes {
            l.max_string_bytes = maxima.max_string_bytes.min(n);
        }
        l
    }
}

/// Why a bundle was refused. Each variant names the file or field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(rename_all = "kebab-case", tag = "problem")]
#[non_exhaustive]
pub enum BundleProblem {
    /// The bundle directory or a file in it could not be read.
    #[error("cannot read `{path}`: {detail}")]
    Unreadable {
        /// Path inside the bundle.
        path: String,
        /// The operating system's reason.
        detail: String,
    },
    /// `region.toml` is not valid TOML.
    #[error("region.toml line {line}, column {column}: {detail}")]
    Toml {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        detail: String,
    },
    /// A field of `region.toml` is missing or wrong.
    #[error("region.toml `{field}`: {detail}")]
    Field {
        /// Dotted path of the field.
        field: String,
        /// What is wrong.
        detail: String,
    },
    /// A path in `region.toml` points outside the bundle directory.
    #[error("`{field}` = \"{path}\" leads outside the bundle directory ({why}); components must lie inside the bundle")]
    PathEscapes {
        /// The field holding the path.
        field: String,
        /// The path as written.
        path: String,
        /// Absolute, `..`, or a symlink out.
        why: String,
    },
    /// A component's bytes do not have the sha256 the manifest states.
    #[error("`{path}` has sha256 {actual}, but region.toml states {expected}; rebuild or update the hash")]
    HashMismatch {
        /// Path inside the bundle.
        path: String,
        /// From `region.toml`.
        expected: String,
        /// Of the file's bytes.
        actual: String,
    },
    /// A component was refused at load.
    #[error("the {stage} component: {reason}")]
    ComponentRejected {
        /// The stage.
        stage: Stage,
        /// Why (see [`Rejection`](crate::Rejection)).
        reason: String,
    },
    /// One of the bundle's own cases failed against the bundle.
    #[error("case `{case}` in `{path}` fails: {detail}")]
    CaseFailed {
        /// The case file.
        path: String,
        /// The case's name.
        case: String,
        /// Expected versus actual, per field.
        detail: String,
    },
    /// The bundle brings no cases.
    #[error(
        "the bundle has no cases; add at least one case file under cases/ so the host can check the bundle before it serves children"
    )]
    NoCases,
    /// A bundle with the same id and an equal or higher revision is loaded.
    #[error("revision {offered} is not newer than the loaded revision {loaded}; raise `region.revision`")]
    NotNewer {
        /// The loaded revision.
        loaded: u32,
        /// The offered revision.
        offered: u32,
    },
    /// Another loaded region already serves a gemeente.
    #[error("gemeente {gemeente} is already served by region `{region}`")]
    GemeenteTaken {
        /// The gemeentecode.
        gemeente: String,
        /// The region serving it.
        region: String,
    },
    /// A case file under `cases/` cannot be read or parsed.
    #[error("case file `{path}`: {detail}")]
    CaseFile {
        /// Path inside the bundle.
        path: String,
        /// The parser's message, with line and column.
        detail: String,
    },
}

/// A bundle read from disk and checked on its own: manifest valid, every
/// component present inside the bundle with the stated hash, case files
/// parsed. Whether its components load and its cases pass is decided by the
/// host when it activates the bundle.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The parsed manifest.
    pub manifest: Manifest,
    /// Where it was read from, for messages.
    pub source: String,
    /// The component bytes per replaced stage.
    pub components: BTreeMap<Stage, Vec<u8>>,
    /// The case files under `cases/`, by path inside the bundle, sorted.
    pub cases: Vec<(String, CaseFile)>,
}

impl Manifest {
    /// Parses and validates the text of a `region.toml`. Every problem found
    /// in the fields is reported, not only the first.
    pub fn parse(text: &str) -> Result<Manifest, Vec<BundleProblem>> {
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            vec![BundleProblem::Toml { line, column, detail: e.message().to_string() }]
        })?;
        let mut p = Problems::default();
        for key in table.keys() {
            if !["region", "stages", "config", "limits"].contains(&key.as_str()) {
                p.field(key, "unknown table; expected [region], [stages.<stage>], [config] or [limits]");
            }
        }
        let empty = toml::Table::new();
        let region = match table.get("region") {
            Some(toml::Value::Table(t)) => t,
            Some(_) => {
                p.field("region", "must be a table");
                &empty
            }
            None => {
                p.field("region", "missing; a bundle needs [region] with id, name, gemeenten and revision");
                &empty
            }
        };
        for key in region.keys() {
            if !["id", "name", "gemeenten", "revision", "description"].contains(&key.as_str()) {
                p.field(&format!("region.{key}"), "unknown field; expected id, name, gemeenten, revision, description");
            }
        }
        let id = p.string(region, "region", "id", true);
        if !id.is_empty()
            && (id.len() > 64
                || id == NATIONAL_DEFAULT
                || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
        {
            p.field("region.id", "use 1–64 lower-case letters, digits and '-' (and not `national-default`)");
        }
        let name = p.string(region, "region", "name", true);
        let description = p.string(region, "region", "description", false);
        let gemeenten = match region.get("gemeenten") {
            Some(toml::Value::Array(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(g) if is_gemeentecode(g) => {
                            if out.iter().any(|o: &String| o == g) {
                                p.field(&format!("region.gemeenten[{i}]"), &format!("`{g}` is listed twice"));
                            }
                            out.push(g.to_string());
                        }
                        _ => p.field(
                            &format!("region.gemeenten[{i}]"),
                            &format!("{} is not a CBS gemeentecode such as \"GM0363\"", short(item)),
                        ),
                    }
                }
                if items.is_empty() {
                    p.field("region.gemeenten", "lists no gemeente; a region serves at least one");
                }
                out
            }
            Some(other) => {
                p.field("region.gemeenten", &format!("must be an array of gemeentecodes, not {}", short(other)));
                Vec::new()
            }
            None => {
                p.field("region.gemeenten", "missing; list the CBS gemeentecodes served, e.g. [\"GM0363\"]");
                Vec::new()
            }
        };
        let revision = match region.get("revision") {
            Some(toml::Value::Integer(n)) if (1..=i64::from(u32::MAX)).contains(n) => *n as u32,
            Some(other) => {
                p.field("region.revision", &format!("must be a positive integer, not {}", short(other)));
                0
            }
            None => {
                p.field("region.revision", "missing; start at 1 and raise it with every change");
                0
            }
        };

        let mut stages = BTreeMap::new();
        match table.get("stages") {
            None => {}
            Some(toml::Value::Table(t)) => {
                for (key, value) in t {
                    let field = format!("stages.{key}");
                    let Some(stage) = Stage::ALL.into_iter().find(|s| s.name() == key) else {
                        p.field(&field, "unknown stage; expected intake, screening, routing or consent");
                        continue;
                    };
                    let Some(t) = value.as_table() else {
                        p.field(&field, "must be a table with `component` and `sha256`");
                        continue;
                    };
                    for k in t.keys() {
                        if k != "component" && k != "sha256" {
                            p.field(&format!("{field}.{k}"), "unknown field; expected component and sha256");
                        }
                    }
                    let path = p.string(t, &field, "component", true);
                    let sha256 = p.string(t, &field, "sha256", true);
                    let hex =
                        sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
                    if !sha256.is_empty() && !hex {
                        p.field(&format!("{field}.sha256"), "must be 64 lower-case hex digits");
                    }
                    if let Err(why) = inside_bundle(&path) {
                        p.0.push(BundleProblem::PathEscapes {
                            field: format!("{field}.component"),
                            path: path.clone(),
                            why,
                        });
                    }
                    stages.insert(stage, StageComponent { path, sha256 });
                }
            }
            Some(_) => p.field("stages", "must be a table of stage tables, e.g. [stages.routing]"),
        }

        let mut config = BTreeMap::new();
        match table.get("config") {
            None => {}
            Some(toml::Value::Table(t)) => flatten("", t, &mut config, &mut p),
            Some(_) => p.field("config", "must be a table"),
        }

        let mut limits = LimitOverrides::default();
        match table.get("limits") {
            None => {}
            Some(toml::Value::Table(t)) => {
                for (key, value) in t {
                    let field = format!("limits.{key}");
                    let n = match value.as_integer() {
                        Some(n) if n > 0 => n as u64,
                        _ => {
                            p.field(&field, &format!("must be a positive integer, not {}", short(value)));
                            continue;
                        }
                    };
                    let small = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
                    match key.as_str() {
                        "deadline-ms" => limits.deadline_ms = Some(n),
                        "memory-mib" => limits.memory_mib = Some(n),
                        "fuel" => limits.fuel = Some(n),
                        "max-items" => limits.max_items = Some(small(n)),
                        "max-reasons" => limits.max_reasons = Some(small(n)),
                        "max-string-bytes" => limits.max_string_bytes = Some(small(n)),
                        _ => p.field(
                            &field,
                            "unknown limit; expected deadline-ms, memory-mib, fuel, max-items, max-reasons or max-string-bytes",
                        ),
                    }
                }
            }
            Some(_) => p.field("limits", "must be a table"),
        }

        if p.0.is_empty() {
            Ok(Manifest { id, name, gemeenten, revision, description, stages, config, limits })
        } else {
            Err(p.0)
        }
    }
}

/// Flattens a `[config]`-style table to the dotted keys components read:
/// what `region.toml` and a case's own `config` table both go through.
pub fn flatten_config(table: &toml::Table) -> Result<BTreeMap<String, String>, Vec<BundleProblem>> {
    let mut out = BTreeMap::new();
    let mut p = Problems::default();
    flatten("", table, &mut out, &mut p);
    if p.0.is_empty() { Ok(out) } else { Err(p.0) }
}

#[derive(Default)]
struct Problems(Vec<BundleProblem>);

impl Problems {
    fn field(&mut self, field: &str, detail: &str) {
        // An empty key (`"" = 1`) is valid TOML; name it so it can be found.
        let field = if field.is_empty() { "\"\" (an empty key)".to_string() } else { field.to_string() };
        self.0.push(BundleProblem::Field { field, detail: detail.to_string() });
    }

    fn string(&mut self, table: &toml::Table, prefix: &str, key: &str, required: bool) -> String {
        let field = format!("{prefix}.{key}");
        match table.get(key) {
            Some(toml::Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(toml::Value::String(_)) if required => {
                self.field(&field, "is empty");
                String::new()
            }
            Some(toml::Value::String(_)) => String::new(),
            Some(other) => {
                self.field(&field, &format!("must be a string, not {}", short(other)));
                String::new()
            }
            None if required => {
                self.field(&field, "missing");
                String::new()
            }
            None => String::new(),
        }
    }
}

/// Flattens nested config tables to dotted keys; scalars become text, arrays
/// of scalars are joined with ",".
fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>, p: &mut Problems) {
    for (key, value) in table {
        let full = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        let field = format!("config.{full}");
        match value {
            toml::Value::Table(t) => flatten(&full, t, out, p),
            toml::Value::Array(items) => {
                let mut parts = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match scalar(item) {
                        Some(s) => parts.push(s),
                        None => p.field(&format!("{field}[{i}]"), "must be a string, integer or boolean"),
                    }
                }
                out.insert(full, parts.join(","));
            }
            other => match scalar(other) {
                Some(s) => {
                    if s.len() > 4096 {
                        p.field(&field, "is longer than 4096 bytes");
                    }
                    out.insert(full, s);
                }
                None => p.field(&field, "must be a string, integer, boolean, array or table"),
            },
        }
    }
}

fn scalar(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(n) => Some(n.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A short rendering of a TOML value for messages.
fn short(v: &toml::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 { format!("{}…", s.chars().take(40).collect::<String>()) } else { s }
}

fn is_gemeentecode(s: &str) -> bool {
    s.len() == 6 && s.starts_with("GM") && s[2..].bytes().all(|b| b.is_ascii_digit())
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    (line, column)
}

/// Checks the path as written. cap-std refuses escapes too (including
/// symlinks out), but this names the reason before any file is touched.
fn inside_bundle(path: &str) -> Result<(), String> {
    let p = Path::new(path);
    if p.is_absolute() || path.starts_with('/') || path.starts_with('\\') || path.get(1..2) == Some(":") {
        return Err("absolute paths are refused".into());
    }
    for c in p.components() {
        match c {
            PathComponent::ParentDir => return Err("`..` is refused".into()),
            PathComponent::Prefix(_) | PathComponent::RootDir => return Err("absolute paths are refused".into()),
            _ => {}
        }
    }
    Ok(())
}

impl Bundle {
    /// A bundle that replaces no stage: the reference components with an
    /// empty config, under `id`. The harness starts from it to test case
    /// files against the national defaults or against one component.
    pub fn empty(id: impl Into<String>, name: impl Into<String>) -> Bundle {
        Bundle {
            manifest: Manifest {
                id: id.into(),
                name: name.into(),
                gemeenten: Vec::new(),
                revision: 1,
                description: String::new(),
                stages: BTreeMap::new(),
                config: BTreeMap::new(),
                limits: LimitOverrides::default(),
            },
            source: "command line".into(),
            components: BTreeMap::new(),
            cases: Vec::new(),
        }
    }

    /// A bundle whose only own component is `bytes` for `stage`, read from
    /// `path` (for messages); its sha256 is computed here, as `read` checks it.
    pub fn single(stage: Stage, path: impl Into<String>, bytes: Vec<u8>) -> Bundle {
        let path = path.into();
        let mut bundle = Bundle::empty("component-under-test", path.clone());
        let sha256 = crate::component::sha256_hex(&bytes);
        bundle.manifest.stages.insert(stage, StageComponent { path: path.clone(), sha256 });
        bundle.components.insert(stage, bytes);
        bundle.source = path;
        bundle
    }

    /// Reads the bundle in `dir`: its manifest, the components it names
    /// (checking each sha256) and its case files. All reads go through a
    /// capability on `dir`, so no path in the manifest can reach outside it.
    pub fn read(dir: impl AsRef<Path>) -> Result<Bundle, Vec<BundleProblem>> {
        let dir_path = dir.as_ref();
        let source = dir_path.display().to_string();
        let unreadable =
            |path: &str, e: std::io::Error| BundleProblem::Unreadable { path: path.to_string(), detail: e.to_string() };
        let root = Dir::open_ambient_dir(dir_path, ambient_authority()).map_err(|e| vec![unreadable(&source, e)])?;
        let text = root.read_to_string("region.toml").map_err(|e| vec![unreadable("region.toml", e)])?;
        let manifest = Manifest::parse(&text)?;

        let mut problems = Vec::new();
        let mut components = BTreeMap::new();
        for (stage, c) in &manifest.stages {
            match root.read(&c.path) {
                Ok(bytes) => {
                    let actual = crate::component::sha256_hex(&bytes);
                    if actual != c.sha256 {
                        problems.push(BundleProblem::HashMismatch {
                            path: c.path.clone(),
                            expected: c.sha256.clone(),
                            actual,
                        });
                    }
                    components.insert(*stage, bytes);
                }
                Err(e) if is_escape(&e) => problems.push(BundleProblem::PathEscapes {
                    field: format!("stages.{stage}.component"),
                    path: c.path.clone(),
                    why: "a symlink leads out".into(),
                }),
                Err(e) => problems.push(unreadable(&c.path, e)),
            }
        }

        let mut cases = Vec::new();
        match root.read_dir("cases") {
            Ok(entries) => {
                let mut names: Vec<String> = entries
                    .filter_map(Result::ok)
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".toml"))
                    .collect();
                names.sort();
                for name in names {
                    let path = format!("cases/{name}");
                    match root.read_to_string(&path) {
                        Ok(text) => match CaseFile::parse(&text) {
                            Ok(file) => cases.push((path, file)),
                            Err(e) => problems.push(BundleProblem::CaseFile { path, detail: e.to_string() }),
                        },
                        Err(e) if is_escape(&e) => problems.push(BundleProblem::PathEscapes {
                            field: "cases".into(),
                            path,
                            why: "a symlink leads out".into(),
                        }),
                        Err(e) => problems.push(unreadable(&path, e)),
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => problems.push(unreadable("cases", e)),
        }

        if problems.is_empty() { Ok(Bundle { manifest, source, components, cases }) } else { Err(problems) }
    }
}

/// cap-std reports an attempt to leave the directory as PermissionDenied
/// with its own message.
fn is_escape(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::PermissionDenied && e.to_string().contains("outside")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
        [region]
        id = "regio-noord"
        name = "Regio Noord"
        gemeenten = ["GM0014"]
        revision = 2
    "#;

    fn problems(text: &str) -> Vec<String> {
        Manifest::parse(text).unwrap_err().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_minimal_manifest_parses() {
        let m = Manifest::parse(MINIMAL).unwrap();
        assert_eq!(m.id, "regio-noord");
        assert_eq!(m.gemeenten, ["GM0014"]);
        assert_eq!(m.revision, 2);
        assert!(m.stages.is_empty() && m.config.is_empty());
    }

    #[test]
    fn config_is_flattened_to_dotted_text() {
        let text = format!(
            "{MINIMAL}\n[config.partners.wijkteam]\nname = \"Team Noord\"\n[config.routing]\npoh-jeugd = true\nlist = [\"a\", 2]\n"
        );
        let m = Manifest::parse(&text).unwrap();
        assert_eq!(m.config["partners.wijkteam.name"], "Team Noord");
        assert_eq!(m.config["routing.poh-jeugd"], "true");
        assert_eq!(m.config["routing.list"], "a,2");
    }

    #[test]
    fn every_field_problem_is_named() {
        let all = problems(
            "[region]\nid = \"Bad Id\"\nname = 3\ngemeenten = [\"0014\"]\nrevision = 0\n[stages.routin]\n[limits]\ndeadline-ms = -1\n",
        );
        for expected in [
            "region.id",
            "region.name",
            "region.gemeenten[0]",
            "region.revision",
            "stages.routin",
            "limits.deadline-ms",
        ] {
            assert!(all.iter().any(|p| p.contains(expected)), "{expected} not named in {all:?}");
        }
    }

    #[test]
    fn escaping_paths_are_refused_by_name() {
        for (path, why) in [("../x.wasm", "`..`"), ("/etc/x.wasm", "absolute"), ("a/../../x.wasm", "`..`")] {
            let text =
                format!("{MINIMAL}\n[stages.routing]\ncomponent = \"{path}\"\nsha256 = \"{}\"\n", "0".repeat(64));
            let all = problems(&text);
            assert!(all.iter().any(|p| p.contains(path) && p.contains(why)), "{path}: {all:?}");
        }
    }

    #[test]
    fn an_empty_key_is_named() {
        let all = problems("''=true\n");
        assert!(all.iter().any(|p| p.contains("an empty key")), "{all:?}");
    }

    #[test]
    fn bad_toml_gives_line_and_column() {
        match Manifest::parse("[region]\nid = \"x\"\nname = \n").unwrap_err().as_slice() {
            [BundleProblem::Toml { line, .. }] => assert_eq!(*line, 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn region_limits_never_exceed_the_host() {
        let (defaults, maxima) = (Limits::default(), Limits::maxima());
        let asked = LimitOverrides { deadline_ms: Some(100_000), memory_mib: Some(8), ..Default::default() };
        let l = asked.within(&defaults, &maxima);
        assert_eq!(l.deadline, maxima.deadline);
        assert_eq!(l.memory_bytes, 8 << 20);
        assert_eq!(l.max_items, defaults.max_items);
        let huge = LimitOverrides { memory_mib: Some(u64::MAX), max_items: Some(usize::MAX), ..Default::default() };
        let l = huge.within(&defaults, &maxima);
        assert_eq!((l.memory_bytes, l.max_items), (maxima.memory_bytes, maxima.max_items));
    }
}
