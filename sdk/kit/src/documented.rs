//! `docs/regions.md` states the kit's contract as data for region authors
//! in other languages, who cannot link the kit. This test holds the tables
//! there to the code, so a changed label or limit cannot leave the
//! documented contract, and the components written from it, behind.

use alloc::format;
use std::string::String;

use wegwijs_types::{Language, Partner};

use crate::{LOCAL_NAME_MAX_CHARS, LOCAL_NAME_SEPARATOR, Participants, SUMMARY_MAX_CHARS, partner_label};

fn regions_md() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/regions.md");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn docs_regions_md_states_the_kits_contract() {
    let doc = regions_md();
    for p in Partner::ALL {
        let row = format!("| `{}` | {} | {} |", p.name(), partner_label(*p, Language::Nl), partner_label(*p, Language::En));
        assert!(doc.contains(&row), "docs/regions.md lacks the partner row {row}");
    }
    let everyone = [
        Participants::of(None, true, false),
        Participants::of(None, false, false),
        Participants::of(Some(0), false, false),
        Participants::of(Some(144), false, false),
        Participants::of(Some(192), false, false),
        Participants::of(Some(192), false, true),
    ];
    for p in everyone {
        for lang in Language::ALL {
            let row = format!("| {} | {} |", p.opening(*lang), p.together_with(*lang));
            assert!(doc.contains(&row), "docs/regions.md lacks the participants row {row}");
        }
    }
    for (name, max) in [("LOCAL_NAME_MAX_CHARS", LOCAL_NAME_MAX_CHARS), ("SUMMARY_MAX_CHARS", SUMMARY_MAX_CHARS)] {
        let row = format!("(`{name}`) | {max} characters |");
        assert!(doc.contains(&row), "docs/regions.md lacks the limit {row}");
    }
    let joined = format!("`<name>{LOCAL_NAME_SEPARATOR}<contact>`");
    assert!(doc.contains(&joined), "docs/regions.md lacks the local-name format {joined}");
}

#[cfg(feature = "toml")]
#[test]
fn docs_regions_md_states_the_config_bounds() {
    use crate::config::{MAX_DEPTH, MAX_ENTRIES, MAX_TOTAL_BYTES, MAX_VALUE_BYTES};
    let doc = regions_md();
    for row in [
        format!("(`MAX_VALUE_BYTES`) | {MAX_VALUE_BYTES} bytes |"),
        format!("(`MAX_ENTRIES`) | {MAX_ENTRIES} entries |"),
        format!("(`MAX_TOTAL_BYTES`) | {MAX_TOTAL_BYTES} bytes |"),
        format!("(`MAX_DEPTH`) | {MAX_DEPTH} levels |"),
    ] {
        assert!(doc.contains(&row), "docs/regions.md lacks the config bound {row}");
    }
}
