//! `VOCABULARY.md` must equal what the tables generate.

use crate::vocabulary::vocabulary_markdown;

#[test]
fn vocabulary_doc_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("VOCABULARY.md");
    let generated = vocabulary_markdown();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write VOCABULARY.md");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "VOCABULARY.md is out of date; refresh with `BLESS=1 cargo test -p wegwijs-intake`"
    );
}

#[test]
fn vocabulary_lists_every_code() {
    let doc = vocabulary_markdown();
    let spelled = |code: &str| doc.contains(&alloc::format!("`{code}`"));
    for kind in wegwijs_types::SourceKind::ALL {
        assert!(spelled(kind.name()), "{kind}");
    }
    for (alias, _) in crate::source::SOURCE_ALIASES {
        assert!(spelled(alias), "{alias}");
    }
    for b in crate::source::BDS_CODES {
        assert!(spelled(b.code), "{}", b.code);
    }
    for c in crate::domains::CONCERNS {
        assert!(spelled(c.code), "{}", c.code);
    }
    for a in wegwijs_types::AcuteIndicator::ALL {
        assert!(spelled(a.name()), "{a}");
    }
    for (alias, _) in crate::safety::ACUTE_ALIASES {
        assert!(spelled(alias), "{alias}");
    }
}
