//! API keys: bearer tokens, stored only as their sha256, each with the
//! rights it grants. The service never holds a token it could leak: the
//! keys file has hashes, and a presented token is hashed at once and
//! compared with every stored hash in constant time, so neither the
//! comparison's timing nor an early exit tells an attacker how much of a
//! hash matched or which key it was near.
//!
//! The keys file is TOML:
//!
//! ```toml
//! [[key]]
//! id = "epd-acme-production"     # a name for the operator; not secret
//! sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
//! rights = ["decide", "regions"]
//! ```
//!
//! Make a token and its hash with `openssl rand -hex 32` and
//! `wegwijs serve --hash-key` (reads the token from standard input), or
//! `printf %s "$TOKEN" | sha256sum`.

use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::Path;
use subtle::ConstantTimeEq;

/// What a key may do. Each route needs one right (or only a valid key);
/// `/healthz` and `/readyz` need none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Right {
    /// `POST /v1/decisions`.
    Decide,
    /// `GET /v1/regions`.
    Regions,
    /// `GET /metrics`.
    Metrics,
    /// The CDS Hooks routes under `/cds-services`.
    Cds,
    /// `POST /v1/regions/reload`: activating region bundles.
    Admin,
}

impl Right {
    /// Every right, in the order above.
    pub const ALL: [Right; 5] = [Right::Decide, Right::Regions, Right::Metrics, Right::Cds, Right::Admin];

    /// The right's name in the keys file.
    pub const fn name(self) -> &'static str {
        match self {
            Right::Decide => "decide",
            Right::Regions => "regions",
            Right::Metrics => "metrics",
            Right::Cds => "cds",
            Right::Admin => "admin",
        }
    }
}

/// One key: its id, the sha256 of its token and its rights.
#[derive(Debug, Clone)]
struct Key {
    id: String,
    hash: [u8; 32],
    rights: Vec<Right>,
}

/// The keys the service accepts. `Debug` shows ids and rights, never hashes.
#[derive(Clone, Default)]
pub struct ApiKeys {
    keys: Vec<Key>,
}

impl std::fmt::Debug for ApiKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.keys.iter().map(|k| (&k.id, &k.rights))).finish()
    }
}

/// Why a keys file was refused; the message names the key and field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("keys file {file}: {problem}")]
pub struct KeysError {
    /// The file (or `keys` for text given directly).
    pub file: String,
    /// What is wrong, naming the key (`key[2].sha256`) where it can.
    pub problem: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeysFile {
    #[serde(default)]
    key: Vec<KeyEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyEntry {
    id: String,
    sha256: String,
    rights: Vec<String>,
}

/// Whether a request may go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// A known key with the right asked for; its id.
    Allowed(String),
    /// No bearer token at all, or not a bearer token.
    Missing,
    /// A token no key matches.
    Unknown,
    /// A known key without the right asked for; its id.
    Forbidden(String),
}

impl ApiKeys {
    /// Reads a keys file (TOML, see the module docs).
    pub fn from_file(path: &Path) -> Result<ApiKeys, KeysError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| KeysError { file: file.clone(), problem: format!("cannot be read: {e}") })?;
        ApiKeys::parse(&text).map_err(|e| KeysError { file, problem: e.problem })
    }

    /// Parses the text of a keys file.
    ///
    /// Errors never quote the file: a value in the wrong place may be a
    /// token pasted by mistake.
    pub fn parse(text: &str) -> Result<ApiKeys, KeysError> {
        let refuse = |problem: String| KeysError { file: "keys".into(), problem };
        let parsed: KeysFile = toml::from_str(text).map_err(|e| {
            // The parser's message quotes the offending line, which may hold
            // a token pasted by mistake: give the position and kind only.
            let at = e.span().map(|s| format!(" at byte {}", s.start)).unwrap_or_default();
            refuse(format!("not a valid keys file{at}: {}", without_quoted_values(e.message())))
        })?;
        let mut keys: Vec<Key> = Vec::new();
        for (i, entry) in parsed.key.into_iter().enumerate() {
            let hash = parse_hash(&entry.sha256).ok_or_else(|| {
                refuse(format!(
                    "key[{i}].sha256: not 64 hexadecimal digits (the sha256 of the token, as `wegwijs serve --hash-key` prints it)"
                ))
            })?;
            if keys.iter().any(|k| k.hash == hash) {
                return Err(refuse(format!("key[{i}].sha256: the same hash as another key")));
            }
            if entry.id.trim().is_empty() || entry.id.chars().any(char::is_control) {
                return Err(refuse(format!("key[{i}].id: empty or holds a control character")));
            }
            let mut rights = Vec::new();
            for (j, name) in entry.rights.iter().enumerate() {
                let right = Right::ALL.into_iter().find(|r| r.name() == name).ok_or_else(|| {
                    let known: Vec<&str> = Right::ALL.iter().map(|r| r.name()).collect();
                    refuse(format!("key[{i}].rights[{j}]: not a right; the rights are {}", known.join(", ")))
                })?;
                rights.push(right);
            }
            keys.push(Key { id: entry.id, hash, rights });
        }
        Ok(ApiKeys { keys })
    }

    /// A key set with one key, from its token: for tests and embedding.
    pub fn single(id: &str, token: &str, rights: &[Right]) -> ApiKeys {
        ApiKeys { keys: vec![Key { id: id.to_string(), hash: digest(token.as_bytes()), rights: rights.to_vec() }] }
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there are no keys (every authenticated route then answers 401).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Checks the value of an `Authorization` header for `right` (`None`:
    /// any valid key).
    pub(crate) fn check(&self, authorization: Option<&[u8]>, right: Option<Right>) -> Verdict {
        let Some(token) = authorization.and_then(bearer_token) else { return Verdict::Missing };
        let Some(key) = self.find(token) else { return Verdict::Unknown };
        match right {
            Some(r) if !key.rights.contains(&r) => Verdict::Forbidden(key.id.clone()),
            _ => Verdict::Allowed(key.id.clone()),
        }
    }

    /// The key whose hash is the token's sha256. Every stored hash is
    /// compared, in constant time, whether or not one matched before.
    fn find(&self, token: &[u8]) -> Option<&Key> {
        let presented = digest(token);
        let mut found = None;
        for key in &self.keys {
            if hashes_equal(&presented, &key.hash) {
                found = Some(key);
            }
        }
        found
    }
}

/// The token of `Bearer <token>` (the scheme in any case, RFC 7235).
fn bearer_token(value: &[u8]) -> Option<&[u8]> {
    let (scheme, rest) = value.split_at(value.iter().position(|b| *b == b' ')?);
    if !scheme.eq_ignore_ascii_case(b"bearer") {
        return None;
    }
    let token = rest.trim_ascii();
    (!token.is_empty()).then_some(token)
}

/// Compares two hashes in constant time (`subtle`): the time taken does
/// not depend on where they first differ. The only comparison of key
/// material in the service.
pub(crate) fn hashes_equal(a: &[u8; 32], b: &[u8; 32]) -> bool {
    #[cfg(test)]
    tests::COMPARISONS.with(|c| c.set(c.get() + 1));
    a.ct_eq(b).into()
}

/// The parser's message with every quoted value (`"…"`, `'…'`) replaced
/// by `(value withheld)`: a type error quotes the value it found, which may
/// be a token.
fn without_quoted_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quote: Option<char> = None;
    for c in message.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                out.push_str("(value withheld)");
            }
            None => out.push(c),
        }
    }
    out
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The hex sha256 of a token, as the keys file stores it.
pub fn hash_token(token: &str) -> String {
    digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_hash(hex: &str) -> Option<[u8; 32]> {
    let hex = hex.trim().as_bytes();
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in hex.chunks_exact(2).enumerate() {
        let text = std::str::from_utf8(pair).ok()?;
        out[i] = u8::from_str_radix(text, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// How many hash comparisons this thread made: shows that requests
        /// go through [`hashes_equal`].
        pub(crate) static COMPARISONS: Cell<usize> = const { Cell::new(0) };
    }

    const FILE: &str = r#"
[[key]]
id = "epd"
sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
rights = ["decide"]

[[key]]
id = "ops"
sha256 = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
rights = ["metrics", "regions"]
"#;

    #[test]
    fn the_constant_time_comparison_tells_equal_from_different_hashes() {
        let a = digest(b"one");
        let mut b = a;
        assert!(hashes_equal(&a, &b));
        b[31] ^= 1;
        assert!(!hashes_equal(&a, &b));
        b = a;
        b[0] ^= 0x80;
        assert!(!hashes_equal(&a, &b));
    }

    #[test]
    fn a_token_is_checked_against_every_key_in_constant_time() {
        let keys = ApiKeys::parse(FILE).expect("a valid keys file");
        let before = COMPARISONS.with(Cell::get);
        // "test" is the first key's token: the second key is compared too.
        assert_eq!(keys.check(Some(b"Bearer test"), Some(Right::Decide)), Verdict::Allowed("epd".into()));
        assert_eq!(COMPARISONS.with(Cell::get) - before, 2);
    }

    #[test]
    fn rights_missing_and_unknown_tokens_are_told_apart() {
        let keys = ApiKeys::parse(FILE).expect("a valid keys file");
        assert_eq!(keys.check(Some(b"bearer test"), Some(Right::Metrics)), Verdict::Forbidden("epd".into()));
        assert_eq!(keys.check(Some(b"Bearer test2"), Some(Right::Metrics)), Verdict::Allowed("ops".into()));
        assert_eq!(keys.check(Some(b"Bearer nope"), None), Verdict::Unknown);
        assert_eq!(keys.check(Some(b"Basic dGVzdA=="), None), Verdict::Missing);
        assert_eq!(keys.check(Some(b"Bearer   "), None), Verdict::Missing);
        assert_eq!(keys.check(None, None), Verdict::Missing);
    }

    #[test]
    fn a_bad_keys_file_names_the_key_and_field() {
        let bad_hash = "[[key]]\nid = \"a\"\nsha256 = \"abc\"\nrights = []\n";
        assert!(ApiKeys::parse(bad_hash).expect_err("refused").problem.contains("key[0].sha256"));
        let bad_right = FILE.replace("\"metrics\"", "\"everything\"");
        let problem = ApiKeys::parse(&bad_right).expect_err("refused").problem;
        assert!(problem.contains("key[1].rights[0]"), "{problem}");
        let twice = format!(
            "{FILE}\n[[key]]\nid = \"again\"\nsha256 = \"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\"\nrights = []\n"
        );
        assert!(ApiKeys::parse(&twice).expect_err("refused").problem.contains("same hash"));
    }

    #[test]
    fn a_toml_error_does_not_quote_the_file() {
        let pasted = "[[key]]\nid = \"a\"\nsha256 = secret-token-pasted-here\n";
        let problem = ApiKeys::parse(pasted).expect_err("refused").problem;
        assert!(!problem.contains("secret-token"), "{problem}");
        // A type error: the parser's own message quotes the value it found.
        let typed = "[[key]]\nid = \"a\"\nsha256 = \"00\"\nrights = \"secret-token-in-rights\"\n";
        let problem = ApiKeys::parse(typed).expect_err("refused").problem;
        assert!(!problem.contains("secret-token"), "{problem}");
        assert!(problem.contains("(value withheld)"), "{problem}");
    }

    #[test]
    fn hash_token_is_the_hex_sha256() {
        assert_eq!(hash_token("test"), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }
}
