//! Renders every vocabulary table as Markdown: the `VOCABULARY.md` that the
//! host and the signal documentation link to.
//!
//! The document is generated from the same tables [`crate::assess`] reads,
//! and a test fails when the committed file differs, so the published
//! vocabulary cannot drift from the code (refresh with
//! `BLESS=1 cargo test -p wegwijs-intake`).

use crate::age::{AGE_BANDS, AGE_LIMIT_YEARS, AGE_TABLE, PRENATAL_LABEL};
use crate::domains::{CONCERN_TABLE, CONCERNS};
use crate::kindcheck::{ADULT_CARE_SOURCES, KINDCHECK_TABLE};
use crate::safety::{ACUTE_ALIASES, ACUTE_INDICATORS, ACUTE_TABLE};
use crate::source::{BDS_CODES, BDS_MAPPING_TABLE, BDS_TABLE, SOURCE_ALIASES, SOURCE_KINDS, SOURCE_TABLE};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use wegwijs_kit::{MAX_CODE_LEN, TableSource};
use wegwijs_types::Domain;

/// The full intake vocabulary as Markdown, exactly as in `VOCABULARY.md`.
pub fn vocabulary_markdown() -> String {
    let mut s = String::new();
    // Writing to a `String` cannot fail; the results are ignored for that reason.
    let _ = writeln!(s, "# Intake vocabulary\n");
    let _ =
        writeln!(s, "Generated from the tables in `components/intake/src` by the test `vocabulary_doc_is_current`;");
    let _ = writeln!(s, "refresh with `BLESS=1 cargo test -p wegwijs-intake`. Do not edit by hand.\n");
    let _ = writeln!(
        s,
        "A code is 1–{MAX_CODE_LEN} bytes of lower-case letters, digits and dashes (IN-MINIMAL); BDS codes are digits. \
         A value that is not shaped like a code is ignored and never repeated in any output, because it may be a name \
         or free text. Unknown codes are reported as warnings (IN-UNKNOWN), never silently dropped; the host passes \
         a code outside this vocabulary to components only as its position (`withheld-N`), because it may be a name, \
         a number or free text.\n"
    );

    let _ = writeln!(s, "## Sources (IN-SOURCE)\n");
    cite(&mut s, &SOURCE_TABLE);
    cite(&mut s, &BDS_MAPPING_TABLE);
    let _ = writeln!(
        s,
        "\nThe BDS column is the initiator code derived when the sender gives none. It is an inference from the \
         labels of list 40.411; a code the sender gives is always kept. An unknown source code becomes `other` \
         with a warning.\n"
    );
    let _ = writeln!(s, "| code | also accepted | BDS 40.411 | who |\n|---|---|---|---|");
    for row in SOURCE_KINDS {
        let aliases: Vec<String> =
            SOURCE_ALIASES.iter().filter(|(_, kind)| *kind == row.kind).map(|(a, _)| format!("`{a}`")).collect();
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} |",
            row.kind.name(),
            aliases.join(", "),
            row.bds.unwrap_or("—"),
            row.description
        );
    }

    let _ = writeln!(s, "\n## BDS initiator codes (list 40.411)\n");
    cite(&mut s, &BDS_TABLE);
    let _ = writeln!(
        s,
        "\nOnly the codes below are known here; another code (such as 03, 04 or 06, whose labels were not \
         retrieved) is kept as given with a warning.\n"
    );
    let _ = writeln!(s, "| code | meaning |\n|---|---|");
    for b in BDS_CODES {
        let _ = writeln!(s, "| `{}` | {} |", b.code, b.meaning);
    }

    let _ = writeln!(s, "\n## Age bands (IN-AGE)\n");
    cite(&mut s, &AGE_TABLE);
    let _ = writeln!(
        s,
        "\nBands go by whole years at the signal date; reported months count as months / 12 years. From \
         {AGE_LIMIT_YEARS} years on there is no band and a warning.\n"
    );
    let _ = writeln!(s, "| band | label | whole years |\n|---|---|---|");
    let _ = writeln!(s, "| `prenatal` | {PRENATAL_LABEL} | before birth |");
    for b in AGE_BANDS {
        let _ = writeln!(s, "| `{}` | {} | {} to under {} |", b.band.name(), b.label, b.from_years, b.below_years);
    }

    let _ = writeln!(s, "\n## Concerns (IN-DOMAIN)\n");
    cite(&mut s, &CONCERN_TABLE);
    let _ = writeln!(
        s,
        "\nAn acute-unsafety indicator adds the `safety` domain; a kindcheck with children adds \
         `family-circumstances`.\n"
    );
    let _ = writeln!(s, "| code | domain | meaning |\n|---|---|---|");
    for domain in Domain::ALL {
        for c in CONCERNS.iter().filter(|c| c.domain == *domain) {
            let _ = writeln!(s, "| `{}` | {} | {} |", c.code, c.domain, c.description);
        }
    }

    let _ = writeln!(s, "\n## Acute-unsafety indicators (IN-SAFETY, MC-Q2)\n");
    cite(&mut s, &ACUTE_TABLE);
    let _ = writeln!(
        s,
        "\nAny entry in `safety_indicators` sets the safety flag, recognised or not (fail safe): the sender \
         marked it as acute, and a missed melding costs more than an extra check. The meldcode track then runs \
         in parallel with screening.\n"
    );
    let _ = writeln!(s, "| code | also accepted | meaning |\n|---|---|---|");
    for row in ACUTE_INDICATORS {
        let aliases: Vec<String> =
            ACUTE_ALIASES.iter().filter(|(_, i)| *i == row.indicator).map(|(a, _)| format!("`{a}`")).collect();
        let _ = writeln!(s, "| `{}` | {} | {} |", row.indicator.name(), aliases.join(", "), row.description);
    }

    let _ = writeln!(s, "\n## Kindcheck (IN-KINDCHECK)\n");
    cite(&mut s, &KINDCHECK_TABLE);
    let names: Vec<String> = ADULT_CARE_SOURCES.iter().map(|k| format!("`{}`", k.name())).collect();
    let _ = writeln!(
        s,
        "\nSignals from {} are expected to carry kindcheck data (children's ages and whether the client cares \
         for them alone); without it they get a warning. A kindcheck without children, for a case that names no \
         child and no acute unsafety, is closed with reason and not routed.",
        names.join(" and ")
    );
    s
}

fn cite(s: &mut String, table: &TableSource) {
    let _ = writeln!(s, "- Table: {} — version {}", table.name, table.version);
}
