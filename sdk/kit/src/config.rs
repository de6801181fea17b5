//! A region's `[config]` table as components read it: nested tables
//! flattened to dotted keys, scalars as text, arrays of scalars joined with
//! `,`. The host flattens `region.toml` and a case's own `[case.config]`
//! with this, and a region's native tests read their bundle's config with
//! it too, so a test sees exactly the keys the host passes.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// Longest scalar value a region may configure, in bytes.
pub const MAX_VALUE_BYTES: usize = 4096;

/// One problem in a config table, naming its field (`config.<dotted key>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The field, e.g. `config.partners.wijkteam.name`.
    pub field: String,
    /// What is wrong with it.
    pub detail: String,
}

/// Flattens a `[config]`-style table; every problem found is reported.
pub fn flatten(table: &toml::Table) -> Result<BTreeMap<String, String>, Vec<ConfigProblem>> {
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    walk("", table, &mut out, &mut problems);
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

fn walk(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>, problems: &mut Vec<ConfigProblem>) {
    let problem = |problems: &mut Vec<ConfigProblem>, field: String, detail: &str| {
        problems.push(ConfigProblem { field, detail: detail.to_string() })
    };
    for (key, value) in table {
        let full = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        let field = format!("config.{full}");
        match value {
            toml::Value::Table(t) => walk(&full, t, out, problems),
            toml::Value::Array(items) => {
                let mut parts = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match scalar(item) {
                        Some(s) => parts.push(s),
                        None => problem(problems, format!("{field}[{i}]"), "must be a string, integer or boolean"),
                    }
                }
                out.insert(full, parts.join(","));
            }
            other => match scalar(other) {
                Some(s) => {
                    if s.len() > MAX_VALUE_BYTES {
                        problem(problems, field, "is longer than 4096 bytes");
                    }
                    out.insert(full, s);
                }
                None => problem(problems, field, "must be a string, integer, boolean, array or table"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_tables_become_dotted_keys() {
        let table: toml::Table = toml::from_str(
            "[partners.wijkteam]\nname = \"Team Noord\"\n[routing]\npoh-jeugd = true\nlist = [\"a\", 2]\n",
        )
        .unwrap();
        let config = flatten(&table).unwrap();
        assert_eq!(config["partners.wijkteam.name"], "Team Noord");
        assert_eq!(config["routing.poh-jeugd"], "true");
        assert_eq!(config["routing.list"], "a,2");
    }

    #[test]
    fn every_problem_names_its_field() {
        let table: toml::Table = toml::from_str("a = 1.5\nb = [[1]]\n").unwrap();
        let fields: Vec<String> = flatten(&table).unwrap_err().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["config.a", "config.b[0]"]);
    }
}
