//! `region.toml`: parsing and validating the manifest of a region bundle,
//! table by table, reporting every problem at once with the field it names,
//! and flattening `[config]` to the dotted keys components read.
//!
//! Every string is checked for forbidden characters (control, line-breaking
//! and bidirectional formatting characters): the region's name, description
//! and configuration end up on cards and reports a professional reads. A
//! problem never repeats the untrusted text; field names built from keys
//! are shown with [`wegwijs_kit::display_safe`].

use crate::bundle::{forbidden_char, line_col};
use crate::error::BundleProblem;
use crate::limits::Limits;
use crate::model::{NATIONAL_DEFAULT, Stage};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Component as PathComponent, Path};
use std::time::Duration;
use wegwijs_kit::{clip, display_safe, is_code, is_gemeentecode};
use wegwijs_types::{Said, said, say};

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
    /// The one language the region's components write their texts in
    /// (`[region] language`, `nl` or `en`): a card for a reader who asked
    /// for the other language says which texts are in this one. `None`: not
    /// stated (the components follow the reader's language).
    pub language: Option<String>,
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

impl Manifest {
    /// Parses and validates the text of a `region.toml`. Every problem found
    /// in the fields is reported, not only the first.
    pub fn parse(text: &str) -> Result<Manifest, Vec<BundleProblem>> {
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            // The parser's message may quote a key from the file.
            vec![BundleProblem::Toml { line, column, detail: display_safe(e.message()) }]
        })?;
        let mut p = Problems::default();
        for key in table.keys() {
            if !["region", "stages", "config", "limits"].contains(&key.as_str()) {
                p.field(
                    key,
                    said!(
                        "onbekende tabel; verwacht [region], [stages.<stap>], [config] of [limits]",
                        "unknown table; expected [region], [stages.<stage>], [config] or [limits]"
                    ),
                );
            }
        }
        let region = region_table(&table, &mut p);
        let stages = stages_table(&table, &mut p);
        let config = match table.get("config") {
            None => BTreeMap::new(),
            Some(toml::Value::Table(t)) => flatten_config_in(t, ConfigOrigin::Manifest).unwrap_or_else(|problems| {
                p.0.extend(problems);
                BTreeMap::new()
            }),
            Some(_) => {
                p.field("config", must_be_a_table());
                BTreeMap::new()
            }
        };
        let limits = limits_table(&table, &mut p);
        if p.0.is_empty() {
            let RegionTable { id, name, gemeenten, revision, description, language } = region;
            Ok(Manifest { id, name, gemeenten, revision, description, language, stages, config, limits })
        } else {
            Err(p.0)
        }
    }
}

/// The `[region]` table's fields.
struct RegionTable {
    id: String,
    name: String,
    gemeenten: Vec<String>,
    revision: u32,
    description: String,
    language: Option<String>,
}

/// Reads `[region]`: id, name, gemeenten, revision, description and language.
fn region_table(table: &toml::Table, p: &mut Problems) -> RegionTable {
    let empty = toml::Table::new();
    let region = match table.get("region") {
        Some(toml::Value::Table(t)) => t,
        Some(_) => {
            p.field("region", must_be_a_table());
            &empty
        }
        None => {
            p.field(
                "region",
                said!(
                    "ontbreekt; een bundel heeft [region] nodig met `id`, `name`, `gemeenten` en `revision`",
                    "missing; a bundle needs [region] with id, name, gemeenten and revision"
                ),
            );
            &empty
        }
    };
    for key in region.keys() {
        if !["id", "name", "gemeenten", "revision", "description", "language"].contains(&key.as_str()) {
            p.field(
                &format!("region.{key}"),
                said!(
                    "onbekend veld; verwacht `id`, `name`, `gemeenten`, `revision`, `description` of `language`",
                    "unknown field; expected id, name, gemeenten, revision, description, language"
                ),
            );
        }
    }
    let id = p.string(region, "region", "id", true);
    // A region id has the shape of a code (the region kit's rule).
    if !id.is_empty() && (id == NATIONAL_DEFAULT || !is_code(&id)) {
        p.field(
            "region.id",
            said!(
                "gebruik 1–64 kleine letters, cijfers en '-' (en niet `national-default`)",
                "use 1–64 lower-case letters, digits and '-' (and not `national-default`)"
            ),
        );
    }
    let name = p.string(region, "region", "name", true);
    let description = p.string(region, "region", "description", false);
    let gemeenten = gemeenten(region, p);
    let revision = match region.get("revision") {
        Some(toml::Value::Integer(n)) if (1..=i64::from(u32::MAX)).contains(n) => *n as u32,
        Some(other) => {
            p.field("region.revision", not_a_positive_integer(other));
            0
        }
        None => {
            p.field(
                "region.revision",
                said!(
                    "ontbreekt; begin bij 1 en verhoog het nummer bij elke wijziging",
                    "missing; start at 1 and raise it with every change"
                ),
            );
            0
        }
    };
    let language = match region.get("language") {
        None => None,
        Some(toml::Value::String(tag)) => match wegwijs_types::Language::from_tag(tag) {
            Some(lang) => Some(lang.tag().to_string()),
            None => {
                p.field("region.language", not_a_language(&toml::Value::String(tag.clone())));
                None
            }
        },
        Some(other) => {
            p.field("region.language", not_a_language(other));
            None
        }
    };
    RegionTable { id, name, gemeenten, revision, description, language }
}

/// Reads `region.gemeenten`: CBS gemeentecodes, each once, at least one.
fn gemeenten(region: &toml::Table, p: &mut Problems) -> Vec<String> {
    match region.get("gemeenten") {
        Some(toml::Value::Array(items)) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let field = format!("region.gemeenten[{i}]");
                if let Some(problem) = item.as_str().and_then(|g| forbidden_char(MANIFEST, &field, "value", g)) {
                    p.0.push(problem);
                    continue;
                }
                match item.as_str() {
                    Some(g) if is_gemeentecode(g) => {
                        if out.iter().any(|o: &String| o == g) {
                            p.field(&field, said!("`{g}` staat er twee keer in", "`{g}` is listed twice"));
                        }
                        out.push(g.to_string());
                    }
                    _ => {
                        let v = short(item);
                        p.field(
                            &field,
                            said!(
                                "{v} is geen CBS-gemeentecode zoals \"GM0363\"",
                                "{v} is not a CBS gemeentecode such as \"GM0363\""
                            ),
                        )
                    }
                }
            }
            if items.is_empty() {
                p.field(
                    "region.gemeenten",
                    said!(
                        "noemt geen gemeente; een regio bedient er minstens één",
                        "lists no gemeente; a region serves at least one"
                    ),
                );
            }
            out
        }
        Some(other) => {
            let v = short(other);
            p.field(
                "region.gemeenten",
                said!("moet een lijst met gemeentecodes zijn, niet {v}", "must be an array of gemeentecodes, not {v}"),
            );
            Vec::new()
        }
        None => {
            p.field(
                "region.gemeenten",
                said!(
                    "ontbreekt; noem de CBS-gemeentecodes die de regio bedient, bijvoorbeeld [\"GM0363\"]",
                    "missing; list the CBS gemeentecodes served, e.g. [\"GM0363\"]"
                ),
            );
            Vec::new()
        }
    }
}

/// Reads `[stages.<stage>]`: each replaced stage's component and sha256.
fn stages_table(table: &toml::Table, p: &mut Problems) -> BTreeMap<Stage, StageComponent> {
    let mut stages = BTreeMap::new();
    let t = match table.get("stages") {
        None => return stages,
        Some(toml::Value::Table(t)) => t,
        Some(_) => {
            p.field(
                "stages",
                said!(
                    "moet een tabel met een tabel per stap zijn, bijvoorbeeld [stages.routing]",
                    "must be a table of stage tables, e.g. [stages.routing]"
                ),
            );
            return stages;
        }
    };
    for (key, value) in t {
        let field = format!("stages.{key}");
        let Some(stage) = Stage::from_name(key) else {
            p.field(
                &field,
                said!(
                    "onbekende stap; verwacht `intake`, `screening`, `routing` of `consent`",
                    "unknown stage; expected intake, screening, routing or consent"
                ),
            );
            continue;
        };
        let Some(t) = value.as_table() else {
            p.field(
                &field,
                said!(
                    "moet een tabel zijn met `component` en `sha256`",
                    "must be a table with `component` and `sha256`"
                ),
            );
            continue;
        };
        for k in t.keys() {
            if k != "component" && k != "sha256" {
                p.field(
                    &format!("{field}.{k}"),
                    said!(
                        "onbekend veld; verwacht `component` en `sha256`",
                        "unknown field; expected component and sha256"
                    ),
                );
            }
        }
        let path = p.string(t, &field, "component", true);
        let sha256 = p.string(t, &field, "sha256", true);
        let hex = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !sha256.is_empty() && !hex {
            p.field(
                &format!("{field}.sha256"),
                said!("moet bestaan uit 64 hexadecimale cijfers in kleine letters", "must be 64 lower-case hex digits"),
            );
        }
        if let Err(why) = inside_bundle(&path) {
            p.0.push(BundleProblem::PathEscapes { field: format!("{field}.component"), path: path.clone(), why });
        }
        stages.insert(stage, StageComponent { path, sha256 });
    }
    stages
}

/// Reads `[limits]`: the limits a region asks for, each a positive integer.
fn limits_table(table: &toml::Table, p: &mut Problems) -> LimitOverrides {
    let mut limits = LimitOverrides::default();
    let t = match table.get("limits") {
        None => return limits,
        Some(toml::Value::Table(t)) => t,
        Some(_) => {
            p.field("limits", must_be_a_table());
            return limits;
        }
    };
    for (key, value) in t {
        let field = format!("limits.{key}");
        let n = match value.as_integer() {
            Some(n) if n > 0 => n as u64,
            _ => {
                p.field(&field, not_a_positive_integer(value));
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
                said!(
                    "onbekende limiet; verwacht `deadline-ms`, `memory-mib`, `fuel`, `max-items`, `max-reasons` of `max-string-bytes`",
                    "unknown limit; expected deadline-ms, memory-mib, fuel, max-items, max-reasons or max-string-bytes"
                ),
            ),
        }
    }
    limits
}

/// The manifest's file name, as problems name it.
const MANIFEST: &str = "region.toml";

/// Flattens a `[config]`-style table to the dotted keys components read:
/// what `region.toml` and a case's own `config` table both go through.
/// Refused, each problem naming its field: a key or value holding a
/// forbidden character, and a table beyond the bounds of
/// [`wegwijs_kit::config`] (one value's bytes, entries, total bytes, depth).
pub fn flatten_config(table: &toml::Table) -> Result<BTreeMap<String, String>, Vec<BundleProblem>> {
    flatten_config_in(table, ConfigOrigin::Manifest)
}

/// Where a `[config]`-style table comes from, so that its problems name
/// the right file and field.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ConfigOrigin<'a> {
    /// `region.toml`'s `[config]`.
    Manifest,
    /// The `config` table of case `index` in the case file at `path`.
    Case {
        /// The case file's path inside the bundle.
        path: &'a str,
        /// The case's position in the file, from 0.
        index: usize,
    },
}

impl ConfigOrigin<'_> {
    fn field(self, field: &str, detail: Said) -> BundleProblem {
        match self {
            ConfigOrigin::Manifest => field_problem(field, detail),
            ConfigOrigin::Case { path, index } => BundleProblem::CaseField {
                path: display_safe(path),
                field: display_safe(&format!("case[{index}].{field}")),
                detail,
            },
        }
    }

    fn forbidden(self, field: &str, part: &str, text: &str) -> Option<BundleProblem> {
        match self {
            ConfigOrigin::Manifest => forbidden_char(MANIFEST, field, part, text),
            ConfigOrigin::Case { path, index } => forbidden_char(path, &format!("case[{index}].{field}"), part, text),
        }
    }
}

/// [`flatten_config`] for a table from `origin`.
pub(crate) fn flatten_config_in(
    table: &toml::Table,
    origin: ConfigOrigin<'_>,
) -> Result<BTreeMap<String, String>, Vec<BundleProblem>> {
    let config = wegwijs_kit::config::flatten(table)
        .map_err(|problems| problems.iter().map(|p| origin.field(&p.field, p.detail.clone())).collect::<Vec<_>>())?;
    // Checked after flattening, on exactly the keys and values a component
    // reads (an array's elements joined).
    let problems: Vec<BundleProblem> = config
        .iter()
        .flat_map(|(key, value)| {
            let field = format!("config.{key}");
            [origin.forbidden(&field, "key", key), origin.forbidden(&field, "value", value)]
        })
        .flatten()
        .collect();
    if problems.is_empty() { Ok(config) } else { Err(problems) }
}

#[derive(Default)]
struct Problems(Vec<BundleProblem>);

/// A problem with a field of `region.toml`.
fn field_problem(field: &str, detail: Said) -> BundleProblem {
    // An empty key (`"" = 1`) is valid TOML; name it so it can be found.
    // Any other field may hold a key from the file: shown safely.
    if field.is_empty() {
        let detail = detail.map(|lang, text| {
            let empty = say!(lang, "een lege sleutel", "an empty key");
            format!("({empty}) {text}")
        });
        return BundleProblem::Field { field: "\"\"".into(), detail };
    }
    BundleProblem::Field { field: display_safe(field), detail }
}

/// "must be a table", for a key that holds something else.
fn must_be_a_table() -> Said {
    said!("moet een tabel zijn", "must be a table")
}

/// "must be a positive integer, not …", naming what was found.
fn not_a_positive_integer(found: &toml::Value) -> Said {
    let v = short(found);
    said!("moet een positief geheel getal zijn, niet {v}", "must be a positive integer, not {v}")
}

/// "must be "nl" or "en", not …", naming what was found.
fn not_a_language(found: &toml::Value) -> Said {
    let v = short(found);
    said!("moet \"nl\" of \"en\" zijn, niet {v}", "must be \"nl\" or \"en\", not {v}")
}

impl Problems {
    fn field(&mut self, field: &str, detail: Said) {
        self.0.push(field_problem(field, detail));
    }

    fn string(&mut self, table: &toml::Table, prefix: &str, key: &str, required: bool) -> String {
        let field = format!("{prefix}.{key}");
        if let Some(problem) =
            table.get(key).and_then(toml::Value::as_str).and_then(|s| forbidden_char(MANIFEST, &field, "value", s))
        {
            self.0.push(problem);
            return String::new();
        }
        match table.get(key) {
            Some(toml::Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(toml::Value::String(_)) if required => {
                self.field(&field, said!("is leeg", "is empty"));
                String::new()
            }
            Some(toml::Value::String(_)) => String::new(),
            Some(other) => {
                let v = short(other);
                self.field(&field, said!("moet een tekst zijn, niet {v}", "must be a string, not {v}"));
                String::new()
            }
            None if required => {
                self.field(&field, said!("ontbreekt", "missing"));
                String::new()
            }
            None => String::new(),
        }
    }
}

/// A short rendering of a TOML value for messages, safe to show: TOML
/// escapes control characters in strings, but not bidirectional ones.
fn short(v: &toml::Value) -> String {
    let text = display_safe(&clip(&v.to_string(), 40));
    match v {
        toml::Value::Integer(_) | toml::Value::Float(_) | toml::Value::Boolean(_) => text,
        // The file's own text, quoted as code: its words are the author's,
        // in whatever language, not a sentence of ours.
        _ => format!("`{}`", text.replace('`', "'")),
    }
}

/// Checks the path as written. cap-std refuses escapes too (including
/// symlinks out), but this names the reason before any file is touched.
pub(crate) fn inside_bundle(path: &str) -> Result<(), Said> {
    let absolute = || said!("absolute paden worden geweigerd", "absolute paths are refused");
    let p = Path::new(path);
    if p.is_absolute() || path.starts_with('/') || path.starts_with('\\') || path.get(1..2) == Some(":") {
        return Err(absolute());
    }
    for c in p.components() {
        match c {
            PathComponent::ParentDir => return Err(said!("`..` wordt geweigerd", "`..` is refused")),
            PathComponent::Prefix(_) | PathComponent::RootDir => return Err(absolute()),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs_types::Language;

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

    /// The ForbiddenChar problems of `text`, as (field, part, code, position).
    fn forbidden(text: &str) -> Vec<(String, String, String, usize)> {
        Manifest::parse(text)
            .unwrap_err()
            .into_iter()
            .filter_map(|p| match p {
                BundleProblem::ForbiddenChar { file, field, part, code, position } => {
                    assert_eq!(file, "region.toml");
                    Some((field, part, code, position))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn forbidden_characters_in_region_strings_are_refused_by_field_code_and_position() {
        let sha = "0".repeat(64);
        let text = format!(
            "[region]\nid = \"regio\\u001b\"\nname = \"Team\\u001b[2J\"\ndescription = \"one\\ntwo\"\n\
             gemeenten = [\"GM\\u202e0014\"]\nrevision = 1\n\
             [stages.routing]\ncomponent = \"r\\u2028.wasm\"\nsha256 = \"{sha}\"\n\
             [config.partners.wijkteam]\nname = \"Team\\u009bNoord\"\n\"con\\u2066tact\" = \"x\"\n"
        );
        let found = forbidden(&text);
        let expected = [
            ("region.id", "value", "U+001B", 5),
            ("region.name", "value", "U+001B", 4),
            ("region.description", "value", "U+000A", 3),
            ("region.gemeenten[0]", "value", "U+202E", 2),
            ("stages.routing.component", "value", "U+2028", 1),
            ("config.partners.wijkteam.con<U+2066>tact", "key", "U+2066", 21),
            ("config.partners.wijkteam.name", "value", "U+009B", 4),
        ];
        for (field, part, code, at) in expected {
            assert!(
                found.iter().any(|f| (f.0.as_str(), f.1.as_str(), f.2.as_str(), f.3) == (field, part, code, at)),
                "{field} {part} {code} at {at} not in {found:?}"
            );
        }
        // Nothing else is said about those fields (no second problem that
        // could quote them), and no message carries a forbidden character.
        for p in Manifest::parse(&text).unwrap_err() {
            let message = p.to_string();
            assert!(wegwijs_kit::first_forbidden_char(&message).is_none(), "{message:?}");
        }
    }

    #[test]
    fn messages_never_carry_a_forbidden_character_from_the_file() {
        // Keys and values the parser or a check would quote.
        for text in [
            "[\"reg\\u001bion\"]\n",
            "[region]\nid = \"x\"\n\"na\\u202eme\" = 1\n",
            "[region]\ngemeenten = [3, \"\\u202e\"]\n",
            "[limits]\n\"dead\\u001bline\" = 1\n",
            "[stages.\"rout\\u0007ing\"]\n",
            "[region]\nid = \"a\"\nid = \"\\u202e\"\n",
        ] {
            for p in Manifest::parse(text).unwrap_err() {
                let message = p.to_string();
                assert!(wegwijs_kit::first_forbidden_char(&message).is_none(), "{text}: {message:?}");
            }
        }
    }

    #[test]
    fn the_config_is_bounded_as_a_whole_at_parse_time() {
        // The reported attack: 10 000 strings of 4 000 bytes in one array.
        let element = format!("\"{}\"", "x".repeat(4000));
        let text = format!("{MINIMAL}\n[config.routing]\nhub = [{}]\n", vec![element.as_str(); 10_000].join(","));
        let all = problems(&text);
        for bound in ["config.routing.hub", "at most 4096", "at most 512 are allowed", "at most 65536 are allowed"] {
            assert!(all.iter().any(|p| p.contains(bound)), "{bound} not named in {all:?}");
        }
        let deep = format!("{MINIMAL}\n[config]\na.b.c.d.e.f.g.h.i = 1\n");
        assert!(problems(&deep).iter().any(|p| p.contains("config.a.b.c.d.e.f.g.h.i") && p.contains("at most 8")));
    }

    #[test]
    fn the_example_regions_fit_the_config_bounds_with_margin() {
        use wegwijs_kit::config::{MAX_DEPTH, MAX_ENTRIES, MAX_TOTAL_BYTES};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/regions");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path().join("region.toml");
            let text = std::fs::read_to_string(&path).unwrap();
            let m = Manifest::parse(&text).unwrap_or_else(|p| panic!("{}: {p:?}", path.display()));
            let bytes: usize = m.config.iter().map(|(k, v)| k.len() + v.len()).sum();
            let depth = m.config.keys().map(|k| k.split('.').count()).max().unwrap_or(0);
            assert!(m.config.len() * 10 <= MAX_ENTRIES, "{}: {} entries", path.display(), m.config.len());
            assert!(bytes * 10 <= MAX_TOTAL_BYTES, "{}: {bytes} bytes", path.display());
            assert!(depth * 2 <= MAX_DEPTH, "{}: depth {depth}", path.display());
            assert!(text.len() as u64 * 100 <= crate::bundle::MAX_MANIFEST_BYTES, "{}", path.display());
            seen += 1;
        }
        assert!(seen >= 4, "the example regions were not found");
    }

    /// Manifests that are wrong in every way a field can be, together
    /// raising each problem this file writes.
    const BAD_MANIFESTS: &[&str] = &[
        "[region]\nid = \"Bad Id\"\nname = 3\ndescription = \"\"\ngemeenten = [\"0014\", \"GM0014\", \"GM0014\"]\n\
         revision = 0\nlanguage = \"fr\"\nextra = 1\n\
         [stages.routin]\n[stages.consent]\nx = 1\n\
         [stages.routing]\ncomponent = \"../x.wasm\"\nsha256 = \"abc\"\nother = 1\n\
         [stages.screening]\ncomponent = \"/abs.wasm\"\n\
         [limits]\ndeadline-ms = -1\nspeed = 3\n[unknown]\n",
        "stages = 3\nconfig = 3\nlimits = 3\n",
        "region = 3\n",
        "[region]\nid = \"regio\"\nname = \"  \"\ngemeenten = []\nlanguage = 3\n",
        "[region]\nid = \"national-default\"\ngemeenten = \"GM0014\"\nrevision = \"1\"\n",
        "''=true\n",
        "[stages]\nrouting = 3\n",
    ];

    #[test]
    fn every_field_problem_is_written_in_dutch_too() {
        let mut seen = 0;
        for text in BAD_MANIFESTS {
            for p in Manifest::parse(text).unwrap_err() {
                let (nl, en) = (p.message(Language::Nl), p.message(Language::En));
                assert_eq!(wegwijs_kit::english_word_in(&nl), None, "English in the Dutch {nl:?}");
                assert_ne!(nl, en, "not translated: {en}");
                assert_eq!(en, p.to_string());
                seen += 1;
            }
        }
        assert!(seen >= 30, "only {seen} problems");
    }

    #[test]
    fn the_messages_read_the_same_in_english_and_naturally_in_dutch() {
        let all = Manifest::parse(BAD_MANIFESTS[0]).unwrap_err();
        let both = |field: &str| {
            let p = all
                .iter()
                .find(|p| matches!(p, BundleProblem::Field { field: f, .. } | BundleProblem::PathEscapes { field: f, .. } if f == field))
                .unwrap_or_else(|| panic!("{field} not in {all:?}"));
            (p.message(Language::Nl), p.message(Language::En))
        };
        assert_eq!(
            both("region.revision"),
            (
                "region.toml `region.revision`: moet een positief geheel getal zijn, niet 0".to_string(),
                "region.toml `region.revision`: must be a positive integer, not 0".to_string()
            )
        );
        assert_eq!(
            both("region.gemeenten[2]"),
            (
                "region.toml `region.gemeenten[2]`: `GM0014` staat er twee keer in".to_string(),
                "region.toml `region.gemeenten[2]`: `GM0014` is listed twice".to_string()
            )
        );
        let (nl, en) = both("stages.routing.component");
        assert!(nl.contains("wijst buiten de bundelmap (`..` wordt geweigerd)"), "{nl}");
        assert!(en.contains("leads outside the bundle directory (`..` is refused)"), "{en}");
        let (nl, en) = both("stages.screening.sha256");
        assert_eq!(nl, "region.toml `stages.screening.sha256`: ontbreekt");
        assert_eq!(en, "region.toml `stages.screening.sha256`: missing");
    }

    #[test]
    fn an_empty_key_is_named_in_both_languages() {
        let p = &Manifest::parse("''=true\n").unwrap_err()[0];
        assert!(p.message(Language::Nl).starts_with("region.toml `\"\"`: (een lege sleutel) onbekende tabel"), "{p:?}");
        assert!(p.message(Language::En).starts_with("region.toml `\"\"`: (an empty key) unknown table"), "{p:?}");
    }

    #[test]
    fn config_problems_keep_the_kits_dutch() {
        let text = format!("{MINIMAL}\n[config]\na.b.c.d.e.f.g.h.i = 1\n\"x.y\" = 2\n");
        for p in Manifest::parse(&text).unwrap_err() {
            let nl = p.message(Language::Nl);
            assert_eq!(wegwijs_kit::english_word_in(&nl), None, "English in the Dutch {nl:?}");
            assert_ne!(nl, p.message(Language::En));
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
