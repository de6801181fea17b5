//! What a code, a gemeentecode and a BSN look like. The host checks a
//! signal's fields and a bundle's `region.toml` with these, and the intake
//! component checks again (a second line of defence), so a value the host
//! let through as a code is a code to every stage; a value that fails
//! [`is_code`] may be a name or free text and is never echoed.

/// Longest code accepted, in bytes.
pub const MAX_CODE_LEN: usize = 64;

/// Whether `s` is shaped like a vocabulary code: 1–64 bytes of lower-case
/// ASCII letters, digits and dashes (IN-MINIMAL, G-MINIMAL). A region id in
/// `region.toml` has the same shape.
pub fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_CODE_LEN
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `s` is a CBS gemeentecode: `GM` and four digits, e.g. `GM0363`.
pub fn is_gemeentecode(s: &str) -> bool {
    s.len() == 6 && s.starts_with("GM") && s.bytes().skip(2).all(|b| b.is_ascii_digit())
}

/// Whether `s` is a valid BSN: nine digits d1..d9 passing the elfproef,
/// 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11), and not all zeros.
pub fn is_valid_bsn(s: &str) -> bool {
    if s.len() != 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: i64 = s
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = i64::from(b - b'0');
            if i == 8 { -d } else { d * (9 - i as i64) }
        })
        .sum();
    sum % 11 == 0 && s != "000000000"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_kebab_case() {
        assert!(is_code("intern-begeleider") && is_code("01") && is_code(&"a".repeat(64)));
        assert!(!is_code("") && !is_code("Anxiety") && !is_code("a b") && !is_code(&"a".repeat(65)));
    }

    #[test]
    fn gemeentecodes_are_gm_and_four_digits() {
        assert!(is_gemeentecode("GM0363"));
        assert!(!is_gemeentecode("gm0363") && !is_gemeentecode("GM363") && !is_gemeentecode("GM03a3"));
        assert!(!is_gemeentecode("GMé63"), "a multi-byte character is not a digit");
    }

    #[test]
    fn a_bsn_passes_the_elfproef() {
        assert!(is_valid_bsn("111222333"));
        assert!(!is_valid_bsn("123456789") && !is_valid_bsn("000000000") && !is_valid_bsn("11122233"));
    }
}
