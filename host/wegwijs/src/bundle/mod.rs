//! Region bundles as files: the manifest (`region.toml`), reading a bundle
//! directory safely, and the case files a bundle brings (the same format the
//! guideline's own rule cases and the harness use). Turning a bundle into a
//! region that decides belongs to the host.
//!
//! A bundle is untrusted: every file is checked to be a regular file of
//! bounded size before it is read, every string it brings is checked for
//! characters that could forge or hide what a reader sees, and its
//! configuration is bounded as a whole (`docs/security.md`, "Bundles").

pub(crate) mod cases;
pub(crate) mod manifest;
pub(crate) mod read;

use crate::error::BundleProblem;
use wegwijs_kit::{char_code, display_safe, first_forbidden_char};

/// Largest component file the host reads, in bytes (64 MiB). The largest
/// component in the repository, region C's Python component, is about
/// 18 MB (a whole CPython runtime); a Rust component is well under 1 MB.
/// Checked before the file is opened, and the read stops one byte past it.
pub const MAX_COMPONENT_BYTES: u64 = 64 << 20;

/// Largest `region.toml` the host reads, in bytes (1 MiB). The example
/// manifests are under 4 KiB, and the configuration inside is bounded
/// more tightly still (see `wegwijs_kit::config::MAX_TOTAL_BYTES`).
pub const MAX_MANIFEST_BYTES: u64 = 1 << 20;

/// Largest case file the host reads, in bytes (1 MiB): some thousands of
/// cases. The guideline's own largest case file is about 26 KiB.
pub const MAX_CASE_FILE_BYTES: u64 = 1 << 20;

/// Most files and folders the host walks under `cases/`, at every depth
/// together. Bounds the walk of a bundle with a huge tree; a region keeps a
/// handful of case files.
pub const MAX_CASES_ENTRIES: usize = 1024;

/// The problem for `text` in `field` of `file` when it holds a forbidden
/// character ([`wegwijs_kit::is_forbidden_char`]), naming the character by
/// code and position and never repeating the text. `part` says which part
/// of the field was checked: `value`, `key` or `name`.
pub(crate) fn forbidden_char(file: &str, field: &str, part: &str, text: &str) -> Option<BundleProblem> {
    first_forbidden_char(text).map(|(position, c)| BundleProblem::ForbiddenChar {
        // The file and field can themselves come from the bundle (a case
        // file's name, a config key): shown safely too.
        file: display_safe(file),
        field: display_safe(field),
        part: part.to_string(),
        code: char_code(c),
        position,
    })
}

/// The 1-based line and column (in characters) of a byte offset, for the
/// positions TOML errors report in `region.toml` and in case files alike.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    // Bytes, not `&str`: a position inside a multi-byte character must not panic.
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let last = before.rsplit(|b| *b == b'\n').next().unwrap_or(&[]);
    let column = last.iter().filter(|b| (**b & 0xC0) != 0x80).count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn docs_regions_md_states_the_file_caps() {
        use super::{MAX_CASE_FILE_BYTES, MAX_CASES_ENTRIES, MAX_COMPONENT_BYTES, MAX_MANIFEST_BYTES};
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/regions.md");
        let doc = std::fs::read_to_string(path).unwrap();
        for row in [
            format!("(`MAX_MANIFEST_BYTES`) | {} MiB |", MAX_MANIFEST_BYTES >> 20),
            format!("(`MAX_COMPONENT_BYTES`) | {} MiB |", MAX_COMPONENT_BYTES >> 20),
            format!("(`MAX_CASE_FILE_BYTES`) | {} MiB |", MAX_CASE_FILE_BYTES >> 20),
            format!("(`MAX_CASES_ENTRIES`) | {MAX_CASES_ENTRIES} |"),
        ] {
            assert!(doc.contains(&row), "docs/regions.md lacks the file cap {row}");
        }
    }

    #[test]
    fn columns_count_characters_and_never_split_one() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("éé\nx", 2), (1, 2));
        assert_eq!(line_col("é", 1), (1, 2));
        assert_eq!(line_col("x", 99), (1, 2));
    }
}
