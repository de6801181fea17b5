//! Region bundles as files: the manifest (`region.toml`), reading a bundle
//! directory safely, and the case files a bundle brings (the same format the
//! guideline's own rule cases and the harness use). Turning a bundle into a
//! region that decides belongs to the host.

pub(crate) mod cases;
pub(crate) mod manifest;
pub(crate) mod read;

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
    fn columns_count_characters_and_never_split_one() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("éé\nx", 2), (1, 2));
        assert_eq!(line_col("é", 1), (1, 2));
        assert_eq!(line_col("x", 99), (1, 2));
    }
}
