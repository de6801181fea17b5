//! A region's `[config]` table as components read it: nested tables
//! flattened to dotted keys, scalars as text, arrays of scalars joined with
//! `,`. The host flattens `region.toml` and a case's own `[case.config]`
//! with this, and a region's native tests read their bundle's config with
//! it too, so a test sees exactly the keys the host passes.
//!
//! The table is bounded as a whole, not only value by value: a component
//! may read every key it is given, so a config of thousands of long values
//! would make it run out of memory on every call. The bounds below leave a
//! wide margin over what the example regions and the reference components
//! use, and each is named in the problem when a table goes beyond it.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_types::{Said, said};

/// Longest value a component reads for one key, in bytes: a scalar, or an
/// array's elements joined with `,`.
pub const MAX_VALUE_BYTES: usize = 4096;

/// Most entries one config may hold: each scalar counts once and each
/// element of an array once (an empty array once), because a component
/// splitting an array pays per element. The example regions use at most
/// 15; the reference components read at most some seventy keys.
pub const MAX_ENTRIES: usize = 512;

/// Most bytes one config may hold, every flattened key and value together
/// (64 KiB): what a component that reads its whole config may have to hold.
/// The largest example region uses about 1 KiB.
pub const MAX_TOTAL_BYTES: usize = 64 * 1024;

/// Most levels a flattened key may have (`screening.sdq-norms.<version>.<scale>`,
/// the deepest key a reference component reads, has four).
pub const MAX_DEPTH: usize = 8;

/// One problem in a config table, naming its field (`config.<dotted key>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The field, e.g. `config.partners.wijkteam.name`.
    pub field: String,
    /// What is wrong with it, in both languages.
    pub detail: Said,
}

/// Flattens a `[config]`-style table; every problem found is reported.
pub fn flatten(table: &toml::Table) -> Result<BTreeMap<String, String>, Vec<ConfigProblem>> {
    let mut walk = Walk::default();
    walk.table("", 0, table);
    // Bounds on the whole table, checked once it is known: the input is
    // already bounded by the size of the file it came from, so walking it
    // all first costs little and reports every problem at once.
    if walk.entries > MAX_ENTRIES {
        walk.problem("config".into(), {
            let n = walk.entries;
            said!(
                "heeft {n} waarden (elk element van een lijst telt mee); er mogen er hoogstens {MAX_ENTRIES} zijn",
                "has {n} entries (each element of an array counts); at most {MAX_ENTRIES} are allowed"
            )
        });
    }
    let bytes: usize = walk.out.iter().map(|(k, v)| k.len() + v.len()).sum();
    if bytes > MAX_TOTAL_BYTES {
        walk.problem(
            "config".into(),
            said!(
                "bevat {bytes} bytes aan sleutels en waarden; er mogen er hoogstens {MAX_TOTAL_BYTES} zijn",
                "holds {bytes} bytes of keys and values; at most {MAX_TOTAL_BYTES} are allowed"
            ),
        );
    }
    if walk.problems.is_empty() { Ok(walk.out) } else { Err(walk.problems) }
}

/// The state of one flattening: what has been read so far.
#[derive(Default)]
struct Walk {
    out: BTreeMap<String, String>,
    problems: Vec<ConfigProblem>,
    entries: usize,
}

impl Walk {
    fn problem(&mut self, field: String, detail: Said) {
        self.problems.push(ConfigProblem { field, detail });
    }

    /// Reads `table`, whose keys lie `depth` levels below `[config]` under
    /// the dotted `prefix`.
    fn table(&mut self, prefix: &str, depth: usize, table: &toml::Table) {
        for (key, value) in table {
            let full = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
            let field = format!("config.{full}");
            // A dot inside one key (`"a.b" = 1`) flattens to the same dotted
            // key as the table `a` with the key `b`: one would silently
            // replace the other.
            if key.contains('.') {
                self.problem(
                    field,
                    said!(
                        "een sleutel mag geen `.` bevatten: punten scheiden de niveaus van een samengestelde sleutel; gebruik een tabel",
                        "a key may not contain `.`: dots separate the levels of a flattened key; use a table"
                    ),
                );
                continue;
            }
            if depth + 1 > MAX_DEPTH {
                // Not descended into: the key is refused whatever it holds.
                let depth = depth + 1;
                self.problem(
                    field,
                    said!(
                        "ligt {depth} niveaus diep; er mogen er hoogstens {MAX_DEPTH} zijn",
                        "lies {depth} levels deep; at most {MAX_DEPTH} are allowed"
                    ),
                );
                continue;
            }
            match value {
                toml::Value::Table(t) => self.table(&full, depth + 1, t),
                toml::Value::Array(items) => {
                    self.entries += items.len().max(1);
                    let mut parts = Vec::new();
                    for (i, item) in items.iter().enumerate() {
                        match scalar(item) {
                            Some(s) => parts.push(s),
                            None => self.problem(
                                format!("{field}[{i}]"),
                                said!(
                                    "moet een tekst, geheel getal of booleaanse waarde zijn",
                                    "must be a string, integer or boolean"
                                ),
                            ),
                        }
                    }
                    let joined = parts.join(",");
                    self.value(field, full, joined);
                }
                other => {
                    self.entries += 1;
                    match scalar(other) {
                        Some(s) => self.value(field, full, s),
                        None => self.problem(
                            field,
                            said!(
                                "moet een tekst, geheel getal, booleaanse waarde, lijst of tabel zijn",
                                "must be a string, integer, boolean, array or table"
                            ),
                        ),
                    }
                }
            }
        }
    }

    /// Keeps one flattened value, refusing it when too long.
    fn value(&mut self, field: String, key: String, value: String) {
        if value.len() > MAX_VALUE_BYTES {
            let n = value.len();
            self.problem(
                field,
                said!(
                    "is {n} bytes lang; er mogen er hoogstens {MAX_VALUE_BYTES} zijn",
                    "is {n} bytes long; at most {MAX_VALUE_BYTES} are allowed"
                ),
            );
        }
        self.out.insert(key, value);
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
    use alloc::vec;

    fn fields(text: &str) -> Vec<String> {
        let table: toml::Table = toml::from_str(text).unwrap();
        flatten(&table).unwrap_err().into_iter().map(|p| p.field + ": " + p.detail.en()).collect()
    }

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

    #[test]
    fn a_long_array_is_bounded_like_a_long_scalar() {
        // Each element is short; joined they are what the component reads.
        let element = "x".repeat(100);
        let text = format!("list = [{}]\n", vec![format!("\"{element}\""); 50].join(", "));
        let all = fields(&text);
        assert!(all.iter().any(|p| p.starts_with("config.list: is 5049 bytes long; at most 4096")), "{all:?}");
    }

    #[test]
    fn the_config_is_bounded_as_a_whole() {
        // 10 000 elements of 4 000 bytes passed before: the array is now too
        // long, too many entries and too many bytes, each bound named.
        let element = format!("\"{}\"", "x".repeat(4000));
        let text = format!("list = [{}]\n", vec![element.as_str(); 10_000].join(","));
        let all = fields(&text);
        for bound in ["at most 4096", "10000 entries", "at most 512", "at most 65536"] {
            assert!(all.iter().any(|p| p.contains(bound)), "{bound} not named in {all:?}");
        }
        // Many short keys: entries, not bytes.
        let keys: String = (0..=MAX_ENTRIES).map(|i| format!("k{i} = 1\n")).collect();
        assert_eq!(
            fields(&keys),
            ["config: has 513 entries (each element of an array counts); at most 512 are allowed"]
        );
        // Few long values: bytes, not entries.
        let long: String = (0..20).map(|i| format!("k{i} = \"{}\"\n", "x".repeat(4000))).collect();
        assert!(fields(&long)[0].starts_with("config: holds 80"), "{:?}", fields(&long));
    }

    #[test]
    fn keys_are_bounded_in_depth_and_may_not_hold_dots() {
        let all = fields("a.b.c.d.e.f.g.h.i = 1\n\"x.y\" = 2\n");
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all[0].starts_with("config.a.b.c.d.e.f.g.h.i: lies 9 levels deep; at most 8"), "{all:?}");
        assert!(all[1].starts_with("config.x.y: a key may not contain `.`"), "{all:?}");
        let table: toml::Table = toml::from_str("a.b.c.d.e.f.g.h = 1\n").unwrap();
        assert_eq!(flatten(&table).unwrap()["a.b.c.d.e.f.g.h"], "1");
    }
}
