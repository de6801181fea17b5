//! What serde and serde_json say about a signal they cannot read, in both
//! languages. Their words are English; the well-known shapes of their
//! messages are translated here, sentence frame and type words, and
//! anything else is quoted as it came ([`Said::same`]).
//!
//! Whatever the language, a value the parser quotes is withheld: a name or a
//! BSN typed into the wrong field must not reach stderr or an EPD's log. The
//! field is named by the caller and what was expected stays, so the message
//! is still one a developer can act on.

use wegwijs_types::Said;

/// What stands in English for a value the parser quoted.
const WITHHELD: &str = "(value withheld)";

/// What stands in Dutch for a value the parser quoted.
const WITHHELD_NL: &str = "(waarde niet getoond)";

/// A serde_json syntax or end-of-input message, its position stripped (it
/// is reported in its own fields), in both languages.
pub(super) fn syntax(message: &str) -> Said {
    let english = strip_position(message);
    match syntax_nl(english) {
        Some(nl) => Said::new(nl, english),
        None => Said::same(english),
    }
}

/// A serde data error (a missing or unknown field, a wrong type or value),
/// its position stripped and the value it quotes withheld, in both
/// languages.
pub(super) fn data(message: &str) -> Said {
    let english = withhold_value(strip_position(message));
    match data_nl(&english) {
        Some(nl) => Said::new(nl, english),
        None => Said::same(english),
    }
}

/// serde_json appends " at line L column C" to its messages; the position is
/// reported in its own fields, so the sentence is kept clean.
fn strip_position(message: &str) -> &str {
    message.rfind(" at line ").map_or(message, |i| &message[..i])
}

/// A parser's message without the value it quotes (see the module
/// documentation).
fn withhold_value(problem: &str) -> String {
    // Field names are the signal's structure, named in the path anyway (a
    // duplicate is always one of the format's own names: an unknown one is
    // refused as unknown first).
    if ["missing field", "unknown field", "duplicate field"].iter().any(|frame| problem.starts_with(frame)) {
        return problem.to_string();
    }
    // `string "…"` is quoted with escapes, so the last `", expected` ends it.
    if let Some(i) = problem.find("string \"") {
        let rest = problem.rfind("\", expected").filter(|&e| e > i).map_or("", |e| &problem[e + 1..]);
        return format!("{}string {WITHHELD}{rest}", &problem[..i]);
    }
    // `unknown variant `…`, expected one of `a`, `b``, `integer `…``: the
    // expected list never holds "`, expected", so its last one ends the value.
    if let Some(i) = problem.find('`') {
        let rest = problem.rfind("`, expected").filter(|&e| e > i).map_or("", |e| &problem[e + 1..]);
        return format!("{}{WITHHELD}{rest}", &problem[..i]);
    }
    problem.to_string()
}

/// The Dutch of one of serde_json's fixed syntax messages.
fn syntax_nl(english: &str) -> Option<&'static str> {
    Some(match english {
        "EOF while parsing a list" => "de invoer houdt op midden in een lijst",
        "EOF while parsing an object" => "de invoer houdt op midden in een object",
        "EOF while parsing a string" => "de invoer houdt op midden in een tekst tussen aanhalingstekens",
        "EOF while parsing a value" => "de invoer houdt op waar een waarde moet staan",
        "expected `:`" => "`:` verwacht",
        "expected `,` or `]`" => "`,` of `]` verwacht",
        "expected `,` or `}`" => "`,` of `}` verwacht",
        "expected ident" => "onbekend woord: zonder aanhalingstekens zijn alleen `true`, `false` en `null` toegestaan",
        "expected value" => "waarde verwacht",
        "expected `\"`" => "`\"` verwacht",
        "invalid escape" => {
            "ongeldige escapereeks (`\\` met een teken dat JSON niet kent) in een tekst tussen aanhalingstekens"
        }
        "invalid number" => "ongeldig getal",
        "number out of range" => "getal buiten het bereik",
        "invalid unicode code point" => "ongeldig Unicode-codepunt",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "stuurteken (\\u0000-\\u001F) in een tekst tussen aanhalingstekens"
        }
        "key must be a string" => "een sleutel moet tekst tussen aanhalingstekens zijn",
        "invalid value: expected key to be a number in quotes" => {
            "ongeldige waarde: de sleutel moet een getal tussen aanhalingstekens zijn"
        }
        "float key must be finite (got NaN or +/-inf)" => {
            "een kommagetal als sleutel moet eindig zijn (gevonden: NaN of +/-inf)"
        }
        "lone leading surrogate in hex escape" => "losse eerste helft van een surrogaatpaar in een `\\u`-escapereeks",
        "trailing comma" => "overbodige komma voor het sluitende haakje",
        "trailing characters" => "nog tekens na het einde van de waarde",
        "unexpected end of hex escape" => "de `\\u`-escapereeks houdt te vroeg op",
        "recursion limit exceeded" => "te diep genest: de recursielimiet is bereikt",
        _ => return None,
    })
}

/// The Dutch of a serde data error whose value is already withheld, when
/// its sentence frame is one of serde's own.
fn data_nl(english: &str) -> Option<String> {
    if let Some(field) = english.strip_prefix("missing field ") {
        return Some(format!("verplicht veld {field} ontbreekt"));
    }
    if let Some(field) = english.strip_prefix("duplicate field ") {
        return Some(format!("veld {field} komt meer dan één keer voor"));
    }
    if let Some(rest) = english.strip_prefix("unknown field ") {
        if let Some(field) = rest.strip_suffix(", there are no fields") {
            return Some(format!("onbekend veld {field}; hier horen geen velden"));
        }
        // The list of names holds no ", expected ", so the last one ends the
        // field's own name, whatever that holds.
        let (field, expected) = rest.rsplit_once(", expected ")?;
        return Some(format!("onbekend veld {field}, verwacht {}", alternatives(expected)?));
    }
    if let Some(rest) = english.strip_prefix("unknown variant ") {
        let (value, tail) = match rest.rsplit_once(", expected ") {
            Some((value, expected)) => (value, format!(", verwacht {}", alternatives(expected)?)),
            None => match rest.strip_suffix(", there are no variants") {
                Some(value) => (value, "; hier zijn geen keuzes".to_string()),
                None => (rest, String::new()),
            },
        };
        return Some(format!("onbekende keuze {}{tail}", withheld_nl(value)));
    }
    for (frame, frame_nl) in [("invalid type: ", "ongeldig type: "), ("invalid value: ", "ongeldige waarde: ")] {
        if let Some(rest) = english.strip_prefix(frame) {
            // The value is withheld, so the first ", expected " ends what was found.
            let (found, expected) = rest.split_once(", expected ")?;
            return Some(format!("{frame_nl}{}, verwacht {}", unexpected_nl(found), expected_nl(expected)));
        }
    }
    if let Some(rest) = english.strip_prefix("invalid length ") {
        let (length, expected) = rest.split_once(", expected ")?;
        return Some(format!("ongeldige lengte {length}, verwacht {}", expected_nl(expected)));
    }
    None
}

/// The withheld marker in Dutch; anything else (a value quoted in
/// backticks) as it is.
fn withheld_nl(value: &str) -> &str {
    if value == WITHHELD { WITHHELD_NL } else { value }
}

/// What serde found, as `Unexpected` writes it with its value withheld
/// (`string (value withheld)`, `null`, `map`), in Dutch. A kind without a
/// Dutch word stays as serde wrote it.
fn unexpected_nl(found: &str) -> String {
    let (kind, withheld) = match found.strip_suffix(WITHHELD) {
        Some(kind) => (kind.trim_end(), true),
        None => (found, false),
    };
    let kind_nl = match kind {
        "string" => "tekst",
        "integer" => "geheel getal",
        "floating point" => "kommagetal",
        "boolean" => "booleaanse waarde",
        "character" => "teken",
        "null" => "`null`",
        "unit value" => "lege waarde",
        "Option value" => "optionele waarde",
        "byte array" => "reeks bytes",
        "sequence" => "lijst",
        "map" => "object",
        "enum" => "keuzewaarde",
        other => other,
    };
    if withheld { format!("{kind_nl} {WITHHELD_NL}") } else { kind_nl.to_string() }
}

/// What serde expected, as a visitor's `expecting` writes it (`a string`,
/// `u8`, `struct Signal`, `one of `a`, `b``), in Dutch. Anything else stays
/// as serde wrote it.
fn expected_nl(expected: &str) -> String {
    if let Some(names) = alternatives(expected) {
        return names;
    }
    let fixed = match expected {
        "a string" => Some("tekst"),
        "a boolean" => Some("`true` of `false`"),
        "a character" => Some("één teken"),
        "a sequence" => Some("een lijst"),
        "a map" => Some("een object"),
        "an empty array" => Some("een lege lijst"),
        "option" => Some("een waarde of `null`"),
        "unit" => Some("`null`"),
        "variant identifier" => Some("de naam van een keuze"),
        "field identifier" => Some("een veldnaam"),
        _ => None,
    };
    if let Some(nl) = fixed {
        return nl.to_string();
    }
    if let Some(nl) = integer_nl(expected) {
        return nl;
    }
    if let Some(float) = ["f32", "f64"].into_iter().find(|f| *f == expected) {
        return format!("een getal (`{float}`)");
    }
    // `struct Source with 2 elements`, as a struct given as a list is told.
    if let Some((what, count)) = expected.rsplit_once(" with ")
        && let Some(count) = elements_nl(count)
    {
        return format!("{} met {count}", expected_nl(what));
    }
    if let Some(name) = expected.strip_prefix("struct variant ").or_else(|| expected.strip_prefix("struct ")) {
        return format!("een object (`{name}`)");
    }
    if let Some(name) = expected.strip_prefix("enum ") {
        return format!("een keuzewaarde (`{name}`)");
    }
    if let Some(count) = expected.strip_suffix(" in sequence").and_then(elements_nl) {
        return format!("{count} in de lijst");
    }
    if let Some(count) = expected.strip_suffix(" in map").and_then(elements_nl) {
        return format!("{count} in het object");
    }
    if let Some(length) = expected.strip_prefix("an array of length ") {
        return format!("een lijst van {length} elementen");
    }
    expected.to_string()
}

/// `1 element` or `N elements` in Dutch.
fn elements_nl(count: &str) -> Option<String> {
    match count {
        "1 element" => Some("1 element".to_string()),
        _ => {
            let n = count.strip_suffix(" elements")?;
            n.bytes().all(|b| b.is_ascii_digit()).then(|| format!("{n} elementen"))
        }
    }
}

/// An integer type as serde names it (`u8`, `i64`), in Dutch with its range
/// where it is small enough to read.
fn integer_nl(ty: &str) -> Option<String> {
    let max = match ty {
        "u8" => u64::from(u8::MAX),
        "u16" => u64::from(u16::MAX),
        "u32" => u64::from(u32::MAX),
        "u64" | "u128" | "usize" => return Some(format!("een geheel getal van 0 of meer (`{ty}`)")),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => return Some(format!("een geheel getal (`{ty}`)")),
        _ => return None,
    };
    Some(format!("een geheel getal van 0 tot en met {max} (`{ty}`)"))
}

/// serde's list of allowed names (`one of `a`, `b``, `` `a` or `b` ``,
/// `` `a` ``) in Dutch; `None` when `expected` is not such a list.
fn alternatives(expected: &str) -> Option<String> {
    if let Some(names) = expected.strip_prefix("one of ")
        && names.starts_with('`')
    {
        return Some(format!("een van {names}"));
    }
    if expected.len() >= 2 && expected.starts_with('`') && expected.ends_with('`') {
        return Some(expected.replacen("` or `", "` of `", 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs_kit::english_word_in;

    /// `message` (as serde or serde_json wrote it) in Dutch through
    /// [`data`], checked to hold no English word.
    fn nl(message: &str) -> String {
        let said = data(message);
        assert_eq!(english_word_in(said.nl()), None, "{said:?}");
        said.nl().to_string()
    }

    #[test]
    fn serde_data_errors_are_translated_with_the_value_withheld() {
        let cases = [
            ("missing field `date` at line 1 column 2", "missing field `date`", "verplicht veld `date` ontbreekt"),
            ("duplicate field `date`", "duplicate field `date`", "veld `date` komt meer dan één keer voor"),
            (
                "unknown field `concers`, expected one of `signal_id`, `date`",
                "unknown field `concers`, expected one of `signal_id`, `date`",
                "onbekend veld `concers`, verwacht een van `signal_id`, `date`",
            ),
            (
                "unknown field `x`, expected `code` or `bds_code`",
                "unknown field `x`, expected `code` or `bds_code`",
                "onbekend veld `x`, verwacht `code` of `bds_code`",
            ),
            (
                "unknown field `x`, expected `code`",
                "unknown field `x`, expected `code`",
                "onbekend veld `x`, verwacht `code`",
            ),
            (
                "unknown field `x`, there are no fields",
                "unknown field `x`, there are no fields",
                "onbekend veld `x`; hier horen geen velden",
            ),
            (
                "unknown variant `tandarts Jan`, expected one of `jeugdarts`, `jeugdverpleegkundige`",
                "unknown variant (value withheld), expected one of `jeugdarts`, `jeugdverpleegkundige`",
                "onbekende keuze (waarde niet getoond), verwacht een van `jeugdarts`, `jeugdverpleegkundige`",
            ),
            (
                "invalid type: string \"Jan, expected \\\"x\\\"\", expected u8 at line 3 column 9",
                "invalid type: string (value withheld), expected u8",
                "ongeldig type: tekst (waarde niet getoond), verwacht een geheel getal van 0 tot en met 255 (`u8`)",
            ),
            (
                "invalid value: integer `-1`, expected u8",
                "invalid value: integer (value withheld), expected u8",
                "ongeldige waarde: geheel getal (waarde niet getoond), verwacht een geheel getal van 0 tot en met 255 (`u8`)",
            ),
            (
                "invalid type: null, expected a string",
                "invalid type: null, expected a string",
                "ongeldig type: `null`, verwacht tekst",
            ),
            (
                "invalid type: map, expected a sequence",
                "invalid type: map, expected a sequence",
                "ongeldig type: object, verwacht een lijst",
            ),
            (
                "invalid type: boolean `true`, expected struct Child",
                "invalid type: boolean (value withheld), expected struct Child",
                "ongeldig type: booleaanse waarde (waarde niet getoond), verwacht een object (`Child`)",
            ),
            (
                "invalid type: floating point `1.5`, expected i64",
                "invalid type: floating point (value withheld), expected i64",
                "ongeldig type: kommagetal (waarde niet getoond), verwacht een geheel getal (`i64`)",
            ),
            (
                "invalid type: sequence, expected a boolean",
                "invalid type: sequence, expected a boolean",
                "ongeldig type: lijst, verwacht `true` of `false`",
            ),
            (
                "invalid length 1, expected struct Source with 2 elements",
                "invalid length 1, expected struct Source with 2 elements",
                "ongeldige lengte 1, verwacht een object (`Source`) met 2 elementen",
            ),
            (
                "invalid type: integer `5`, expected enum Instrument",
                "invalid type: integer (value withheld), expected enum Instrument",
                "ongeldig type: geheel getal (waarde niet getoond), verwacht een keuzewaarde (`Instrument`)",
            ),
        ];
        for (serde, english, dutch) in cases {
            let said = data(serde);
            assert_eq!(said.en(), english, "{serde}");
            assert_eq!(nl(serde), dutch, "{serde}");
        }
    }

    #[test]
    fn serde_json_syntax_errors_are_translated() {
        let cases = [
            ("EOF while parsing a value at line 1 column 0", "de invoer houdt op waar een waarde moet staan"),
            ("EOF while parsing an object at line 4 column 1", "de invoer houdt op midden in een object"),
            ("expected `,` or `}` at line 2 column 3", "`,` of `}` verwacht"),
            (
                "expected ident at line 1 column 3",
                "onbekend woord: zonder aanhalingstekens zijn alleen `true`, `false` en `null` toegestaan",
            ),
            ("key must be a string at line 3 column 3", "een sleutel moet tekst tussen aanhalingstekens zijn"),
            ("trailing comma at line 1 column 9", "overbodige komma voor het sluitende haakje"),
            (
                "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 5",
                "stuurteken (\\u0000-\\u001F) in een tekst tussen aanhalingstekens",
            ),
            ("recursion limit exceeded at line 1 column 129", "te diep genest: de recursielimiet is bereikt"),
        ];
        for (serde, dutch) in cases {
            let said = syntax(serde);
            assert_eq!(said.nl(), dutch, "{serde}");
            assert_eq!(english_word_in(said.nl()), None, "{dutch}");
            assert!(!said.en().contains(" at line "), "{said:?}");
        }
    }

    #[test]
    fn what_is_not_recognised_is_quoted_as_it_came_and_still_withheld() {
        let said = data("something new `Jan Jansen` happened at line 1 column 1");
        assert_eq!(said, Said::same("something new (value withheld)"));
        let said = syntax("an I/O error: disk on fire");
        assert_eq!(said, Said::same("an I/O error: disk on fire"));
        // A type word serde has no Dutch for here stays as serde wrote it;
        // the frame is still Dutch.
        assert_eq!(
            data("invalid type: newtype struct, expected a borrowed string").nl(),
            "ongeldig type: newtype struct, verwacht a borrowed string"
        );
    }

    /// Every syntax message serde_json has (its `ErrorCode`s, as of 1.0)
    /// has a Dutch text.
    #[test]
    fn every_syntax_message_of_serde_json_is_known() {
        for bad in [
            "[1",
            "{\"a\": 1",
            "\"abc",
            "",
            "{\"a\" 1}",
            "[1 2]",
            "{\"a\": 1 \"b\"}",
            "tru",
            "[,]",
            "{1: 2}",
            "[1,]",
            "\"\\q\"",
            "-",
            "1e999",
            "\"\\ud800\"",
            "\"\\u12\"",
            "\"a\u{1}\"",
            "[1] x",
            "\"\\uDFFF\"",
        ] {
            let e = serde_json::from_str::<serde_json::Value>(bad).expect_err(bad);
            let said = syntax(&e.to_string());
            assert_ne!(said.nl(), said.en(), "{bad:?}: {said:?}");
        }
        let deep = "[".repeat(200);
        let e = serde_json::from_str::<serde_json::Value>(&deep).expect_err("too deep");
        assert_ne!(syntax(&e.to_string()).nl(), e.to_string());
    }
}
