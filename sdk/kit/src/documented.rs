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
        let row =
            format!("| `{}` | {} | {} |", p.name(), partner_label(*p, Language::Nl), partner_label(*p, Language::En));
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

/// The glossary as `docs/glossary.md` lists it: one table per kind of code,
/// each row the code's WIT name and its words in Dutch and English.
fn glossary_tables() -> String {
    use crate::glossary as g;
    use wegwijs_types::{
        Action, Band, ConsentOutcome, DataCategory, Domain, Handler, Level, Party, Purpose, RouteKind, SourceKind,
        Urgency, Verwijzer,
    };
    fn table<T: Copy>(
        out: &mut String,
        title: &str,
        all: &[T],
        name: fn(T) -> &'static str,
        words: fn(T, Language) -> String,
    ) {
        out.push_str(&format!("\n### {title}\n\n| code | Nederlands | English |\n|---|---|---|\n"));
        for &x in all {
            out.push_str(&format!("| `{}` | {} | {} |\n", name(x), words(x, Language::Nl), words(x, Language::En)));
        }
    }
    let mut out = String::new();
    table(&mut out, "Partners (in a sentence)", Partner::ALL, Partner::name, |p, l| g::partner_label(p, l).into());
    table(&mut out, "Partners (as a term)", Partner::ALL, Partner::name, |p, l| g::partner_term(p, l).into());
    table(&mut out, "Verwijzers (iJw code list)", Verwijzer::ALL, Verwijzer::name, |v, _| {
        format!("{} — {}", v.code(), g::verwijzer_label(v))
    });
    table(&mut out, "Handling professionals", Handler::ALL, Handler::name, |h, _| g::handler_label(h).into());
    table(&mut out, "Who reported the signal", SourceKind::ALL, SourceKind::name, |s, l| g::source_term(s, l).into());
    table(&mut out, "Domains", Domain::ALL, Domain::name, |d, l| g::domain_term(d, l).into());
    table(&mut out, "Score bands", Band::ALL, Band::name, |b, l| g::band_term(b, l).into());
    table(&mut out, "Levels", Level::ALL, Level::name, |x, l| g::level_term(x, l).into());
    table(&mut out, "Actions", Action::ALL, Action::name, |a, l| g::action_label(a, l).into());
    table(&mut out, "Route kinds", RouteKind::ALL, RouteKind::name, |k, l| g::route_kind_term(k, l).into());
    table(&mut out, "Urgencies", Urgency::ALL, Urgency::name, |u, l| g::urgency_term(u, l).into());
    table(&mut out, "Purposes of sharing", Purpose::ALL, Purpose::name, |p, l| g::purpose_term(p, l).into());
    table(&mut out, "Data that may be shared", DataCategory::ALL, DataCategory::name, |d, l| g::data_term(d, l).into());
    table(&mut out, "Consent outcomes", ConsentOutcome::ALL, ConsentOutcome::name, |c, l| g::consent_term(c, l).into());
    table(&mut out, "Whose consent", Party::ALL, Party::name, |p, l| g::party_label(p, l).into());
    out
}

const GLOSSARY_BEGIN: &str = "<!-- glossary tables: generated from sdk/kit/src/glossary.rs -->\n";
const GLOSSARY_END: &str = "<!-- end of glossary tables -->";

/// `docs/glossary.md` carries the glossary's tables exactly; `BLESS=1`
/// rewrites them after a deliberate change of wording.
#[test]
fn docs_glossary_md_lists_the_glossary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/glossary.md");
    let doc = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (Some(begin), Some(end)) = (doc.find(GLOSSARY_BEGIN), doc.find(GLOSSARY_END)) else {
        panic!("docs/glossary.md lacks the markers {GLOSSARY_BEGIN:?} … {GLOSSARY_END:?}");
    };
    let current = &doc[begin + GLOSSARY_BEGIN.len()..end];
    let expected = glossary_tables();
    if std::env::var_os("BLESS").is_some() {
        let updated = format!("{}{GLOSSARY_BEGIN}{expected}{}", &doc[..begin], &doc[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        current, expected,
        "docs/glossary.md differs from the glossary; run with BLESS=1 after checking the words"
    );
}
