//! IN-SOURCE: source kinds, aliases and the BDS 40.411 initiator code.

use super::{assess, case, cites, reason, warns};
use crate::source::{BDS_CODES, SOURCE_ALIASES, derived_bds, source_kind};
use crate::{IN_SOURCE, IN_UNKNOWN};
use alloc::string::String;
use wegwijs_types::SourceKind;

fn with_source(code: &str, bds: Option<&str>) -> wegwijs_types::IntakeCard {
    let mut c = case();
    c.source.code = code.into();
    c.source.bds_code = bds.map(String::from);
    assess(&c)
}

#[test]
fn every_kind_is_accepted_by_its_own_name_without_warning() {
    for kind in SourceKind::ALL {
        let card = with_source(kind.name(), None);
        assert_eq!(card.source, *kind);
        assert!(cites(&card, IN_SOURCE));
        assert!(reason(&card, IN_SOURCE).contains(&alloc::format!("Signal raised by {kind}")));
        // Adult care without kindcheck data is warned about by IN-KINDCHECK, not here.
        assert!(card.warnings.iter().all(|w| w.rule == crate::IN_KINDCHECK), "{kind}: {:?}", card.warnings);
    }
}

#[test]
fn documented_aliases_normalise() {
    for (code, kind) in [
        ("ouder", SourceKind::Parent),
        ("jongere", SourceKind::Youth),
        ("ib", SourceKind::InternBegeleider),
        ("leerkracht", SourceKind::Leerkracht),
        ("zorgco", SourceKind::Zorgcoordinator),
        ("poh-jeugd", SourceKind::PohJeugd),
        ("kinderarts", SourceKind::MedischSpecialist),
        ("cjg", SourceKind::SociaalWijkteam),
        ("wijkteam", SourceKind::SociaalWijkteam),
        ("ggz", SourceKind::VolwassenenGgz),
        ("rvdk", SourceKind::RaadKinderbescherming),
        ("vt", SourceKind::VeiligThuis),
        ("peuterspeelzaal", SourceKind::Peuterspeelzaal),
        ("kraamzorg", SourceKind::Kraamzorg),
    ] {
        let card = with_source(code, None);
        assert_eq!(card.source, kind, "{code}");
        assert!(cites(&card, IN_SOURCE), "{code}");
    }
}

#[test]
fn every_alias_in_the_table_resolves_and_is_named_in_the_reason() {
    for (alias, kind) in SOURCE_ALIASES {
        assert_eq!(source_kind(alias), Some(*kind), "{alias}");
        let card = with_source(alias, None);
        assert_eq!(card.source, *kind);
        assert!(reason(&card, IN_SOURCE).contains(&alloc::format!("(sent as `{alias}`)")), "{alias}");
    }
}

#[test]
fn bds_code_derived_for_every_group() {
    for (code, bds) in [
        ("kinderopvang", Some("01")),
        ("peuterspeelzaal", Some("01")),
        ("leerkracht", Some("01")),
        ("intern-begeleider", Some("01")),
        ("mentor", Some("01")),
        ("zorgcoordinator", Some("01")),
        ("parent", Some("02")),
        ("huisarts", Some("05")),
        ("poh-jeugd", Some("05")),
        ("verloskundige", Some("05")),
        ("gynaecoloog", Some("05")),
        ("kraamzorg", Some("05")),
        ("sociaal-wijkteam", Some("05")),
        ("jeugdhulp", Some("05")),
        ("volwassenen-ggz", Some("05")),
        ("verslavingszorg", Some("05")),
        ("verwijsindex", Some("05")),
        ("medisch-specialist", Some("05")),
        ("jeugdarts", Some("07")),
        ("jeugdverpleegkundige", Some("07")),
        ("verpleegkundig-specialist", Some("07")),
        ("veilig-thuis", Some("08")),
        ("raad-kinderbescherming", Some("08")),
        ("youth", None),
        ("other", None),
    ] {
        let card = with_source(code, None);
        assert_eq!(card.bds_code.as_deref(), bds, "{code}");
        let text = reason(&card, IN_SOURCE);
        match bds {
            Some(b) => assert!(text.contains(b) && text.contains("derived"), "{text}"),
            None => assert!(text.contains("no BDS 40.411 initiator code"), "{text}"),
        }
    }
}

#[test]
fn every_bds_code_given_is_kept_with_its_meaning() {
    for b in BDS_CODES {
        // `other` derives no code, so nothing can disagree.
        let card = with_source("other", Some(b.code));
        assert_eq!(card.bds_code.as_deref(), Some(b.code));
        let text = reason(&card, IN_SOURCE);
        assert!(text.contains(b.code) && text.contains(b.meaning) && text.contains("as given"), "{text}");
        assert!(card.warnings.is_empty(), "{:?}", card.warnings);
    }
}

#[test]
fn every_bds_code_agrees_with_a_source_that_derives_it() {
    for (code, bds) in [("leraar", "01"), ("ouders", "02"), ("huisarts", "05"), ("jvk", "07"), ("vt", "08")] {
        let card = with_source(code, Some(bds));
        assert_eq!(card.bds_code.as_deref(), Some(bds));
        assert!(card.warnings.is_empty(), "{code}: {:?}", card.warnings);
        assert!(cites(&card, IN_SOURCE));
    }
}

#[test]
fn a_disagreeing_bds_code_is_kept_with_a_warning() {
    let card = with_source("leerkracht", Some("02"));
    assert_eq!(card.bds_code.as_deref(), Some("02"));
    assert!(warns(&card, IN_SOURCE, "maps to 01"));
    assert!(cites(&card, IN_SOURCE));
}

#[test]
fn a_bds_code_outside_the_list_is_kept_with_an_unknown_warning() {
    let card = with_source("leerkracht", Some("03"));
    assert_eq!(card.bds_code.as_deref(), Some("03"));
    assert!(warns(&card, IN_UNKNOWN, "`03`"));
    assert!(reason(&card, IN_SOURCE).contains("not in the list as known here"));
}

#[test]
fn derived_bds_covers_every_kind_from_the_table() {
    for kind in SourceKind::ALL {
        let expected = match kind {
            SourceKind::Youth | SourceKind::Other => None,
            _ => Some(()),
        };
        assert_eq!(derived_bds(*kind).map(|_| ()), expected, "{kind}");
    }
}
