//! How text reaches a card. Text that came from a component or a region
//! bundle is untrusted: it may hold control or bidirectional formatting
//! characters, newlines that forge a new line, or Markdown that turns into a
//! link or an image in the EPD. Every such text passes [`plain`] (one line,
//! bounded, forbidden characters shown as their code) and, inside `detail`,
//! [`markdown`] (every character that can open inline Markdown
//! backslash-escaped, which CommonMark and GitHub Flavored Markdown both
//! read as the literal character).

use wegwijs_kit::{display_safe, is_forbidden_char};

/// `text` as one bounded line of plain text: forbidden characters (controls,
/// line breaks, bidirectional formatting, see
/// [`wegwijs_kit::is_forbidden_char`]) become their visible code
/// (`<U+001B>`), runs of whitespace one space, and the result is cut to
/// `max` characters at a word boundary with an ellipsis. Line breaks, tabs
/// and the Unicode line and paragraph separators count as whitespace.
pub(crate) fn plain(text: &str, max: usize) -> String {
    // Line breaks and tabs are whitespace to a reader: a space, not a code.
    let spaced: String = text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let safe = display_safe(&spaced);
    let one_line = safe.split_whitespace().collect::<Vec<_>>().join(" ");
    fit(&one_line, max)
}

/// `text` cut to at most `max` characters (counted as `char`s): whole when it
/// fits, else at the last space that leaves room for the ellipsis, else at a
/// character boundary. The last resort for our own sentences, which are
/// written to fit.
pub(crate) fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(1);
    let cut: String = text.chars().take(room).collect();
    let at_word = match cut.rfind(' ') {
        // Only when the word boundary keeps most of the text.
        Some(i) if cut[..i].chars().count() * 2 >= room => &cut[..i],
        _ => cut.as_str(),
    };
    let mut out = at_word.trim_end().to_string();
    if max > 0 {
        out.push('…');
    }
    out
}

/// Untrusted `text` for a Markdown `detail`: [`plain`], then every character
/// that could start Markdown inside a line backslash-escaped, so it renders
/// as itself: no emphasis, link, image, HTML, entity, table cell, code span
/// or autolink can start inside it. The text never starts a line (it always
/// follows a list marker or a label), so block markers (`#`, `-`, `1.`) need
/// no escape, and the rest of the punctuation is left readable.
pub(crate) fn markdown(text: &str, max: usize) -> String {
    let line = plain(text, max);
    let mut out = String::with_capacity(line.len() + line.len() / 4);
    for c in line.chars() {
        // `www.` starts an autolink in GitHub Flavored Markdown; escaping
        // its dot breaks it, as escaping `:` breaks `https://` and `@` an
        // e-mail address.
        let www = c == '.' && out.len() >= 3 && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www");
        if MARKDOWN_SPECIAL.contains(c) || www {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The characters that can open inline Markdown (CommonMark and GitHub
/// Flavored Markdown) or end a line with a hard break.
const MARKDOWN_SPECIAL: &str = "\\`*_[]()<>!|~&#:@{}";

/// A rule id for a Markdown code span: as is when it is well formed (only
/// capitals, digits and dashes, so nothing can end the span), else escaped
/// like any other untrusted text.
pub(crate) fn rule(id: &str) -> String {
    if wegwijs::types::is_well_formed_rule_id(id) { format!("`{id}`") } else { markdown(id, 64) }
}

/// Whether `text` is fit for a one-line card field: no forbidden character.
pub(crate) fn is_clean(text: &str) -> bool {
    !text.chars().any(is_forbidden_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_is_one_clean_bounded_line() {
        assert_eq!(plain("a\nb\u{1b}[2J\u{202e}c", 100), "a b<U+001B>[2J<U+202E>c");
        assert_eq!(plain("  spaced   out\t", 100), "spaced out");
        assert!(plain(&"word ".repeat(100), 50).chars().count() <= 50);
        assert!(is_clean(&plain("x\u{2028}y\u{9b}", 10)));
    }

    #[test]
    fn fit_cuts_at_a_word_boundary_with_an_ellipsis() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("one two three four", 12), "one two…");
        assert_eq!(fit("abcdefghijklmnop", 6), "abcde…");
        assert_eq!(fit("één twee", 4), "één…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn markdown_escapes_what_could_open_markdown() {
        assert_eq!(markdown("[x](https://e.vil) *b* <img> `c`", 100), r"\[x\]\(https\://e.vil\) \*b\* \<img\> \`c\`");
        assert_eq!(markdown("# kop\n- item, a; b.", 100), r"\# kop - item, a; b.");
        assert_eq!(markdown("see WWW.evil.example or a@b.c & |x|", 100), r"see WWW\.evil.example or a\@b.c \& \|x\|");
        assert_eq!(rule("RT-A2"), "`RT-A2`");
        assert_eq!(rule("x`y"), r"x\`y");
    }
}
