//! Escaping for every format the CLI writes, as defence in depth: the host
//! refuses control and bidi characters in component output and bundles at
//! the boundary, but text also comes from case files, signals, file names
//! and error messages, and a renderer must never be the place where a
//! string from outside becomes a cursor movement, a new table row, a forged
//! card line or markup. Every untrusted string a renderer shows passes
//! through one of these functions.

use wegwijs_kit::display_safe;

/// Text for a terminal line: control, line-breaking and bidi characters are
/// shown as their codes (`<U+001B>`), so nothing can clear the screen, set a
/// window title, start a new line or reorder the line around it.
pub(crate) fn terminal(s: &str) -> String {
    display_safe(s)
}

/// Text for one Markdown table cell: [`terminal`], then the characters that
/// would end the cell or become HTML (Markdown renders inline HTML) escaped
/// as entities, and those that would start emphasis or a link
/// backslash-escaped.
pub(crate) fn markdown_cell(s: &str) -> String {
    escaped(s, |c| match c {
        '|' => Some("&#124;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '&' => Some("&amp;"),
        '`' => Some("&#96;"),
        '\\' => Some("&#92;"),
        '*' => Some("\\*"),
        '_' => Some("\\_"),
        '[' => Some("\\["),
        ']' => Some("\\]"),
        _ => None,
    })
}

/// Text for an XML or HTML attribute or element: [`terminal`] first, because
/// XML 1.0 cannot carry most control characters even as character
/// references (a parser rejects the whole document), then the five markup
/// characters as entities.
pub(crate) fn markup(s: &str) -> String {
    escaped(s, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    })
}

/// [`terminal`], then every character `table` names replaced by what it
/// names.
fn escaped(s: &str, table: impl Fn(char) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(s.len());
    for c in display_safe(s).chars() {
        match table(c) {
            Some(replacement) => out.push_str(replacement),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Characters no escaped output may carry for its format.
    fn breaks_a_line(c: char) -> bool {
        wegwijs_kit::is_forbidden_char(c)
    }

    #[test]
    fn a_forged_card_line_stays_on_its_line() {
        let forged = "Team\n[G-SAFETY]     ok all fine\u{1b}[2J\u{202e}";
        let shown = terminal(forged);
        assert!(!shown.contains('\n') && !shown.contains('\u{1b}') && !shown.contains('\u{202e}'));
        assert!(shown.contains("<U+000A>[G-SAFETY]"), "{shown}");
    }

    #[test]
    fn markdown_cells_cannot_carry_markup_or_split_the_row() {
        let cell = markdown_cell("<script>alert(1)</script> | <img src=x onerror=y>\nnext");
        assert!(!cell.contains('<') && !cell.contains('>') && !cell.contains('|') && !cell.contains('\n'), "{cell}");
    }

    #[test]
    fn markdown_cells_show_emphasis_and_link_characters_as_typed() {
        assert_eq!(markdown_cell("a*b_c[d]\\e`f&"), "a\\*b\\_c\\[d\\]&#92;e&#96;f&amp;");
    }

    #[test]
    fn markup_is_well_formed_xml_text() {
        let s = markup("a\u{1}b <c> & \"d\" 'e'");
        assert_eq!(s, "a&lt;U+0001&gt;b &lt;c&gt; &amp; &quot;d&quot; &#39;e&#39;");
    }

    proptest! {
        #[test]
        fn no_escaped_text_carries_a_forbidden_or_markup_character(s in any::<String>()) {
            prop_assert!(!terminal(&s).chars().any(breaks_a_line));
            let cell = markdown_cell(&s);
            prop_assert!(!cell.chars().any(|c| breaks_a_line(c) || matches!(c, '|' | '<' | '>')));
            let m = markup(&s);
            prop_assert!(!m.chars().any(|c| breaks_a_line(c) || matches!(c, '<' | '>' | '"' | '\'')));
        }
    }
}
