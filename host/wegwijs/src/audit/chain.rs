//! The log's file format and its check. A log is a directory of segment
//! files (`segment-00000001.jsonl`, …), each a run of JSON lines; every
//! line is one [`Record`] written as
//!
//! ```text
//! {"hash":"<sha256 of the rest, hex>","seq":…,"prev":"<hash of the line before>",…}
//! ```
//!
//! where "the rest" is every byte after `"hash":"…",` up to the line's end.
//! The hash covers the record's own `seq` and `prev`, so editing a record
//! breaks its hash, and removing or inserting one breaks the next record's
//! `prev` or the run of `seq` — also across segments, whose chain simply
//! continues. [`verify`] walks every segment and names the first broken
//! record; [`read`] gives the records for `wegwijs audit show`.

use super::record::Record;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The `prev` of the very first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const PREFIX: &str = "{\"hash\":\"";
const HEX_LEN: usize = 64;

/// Hex sha256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(HEX_LEN);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A record as one line (with its newline) and its hash.
pub(crate) fn encode(record: &Record) -> Result<(Vec<u8>, String), serde_json::Error> {
    let body = serde_json::to_string(record)?;
    // `body` is `{…}`; the line is `{"hash":"H",…}`.
    let rest = &body[1..];
    let hash = sha256_hex(rest.as_bytes());
    let mut line = Vec::with_capacity(PREFIX.len() + HEX_LEN + 2 + rest.len() + 1);
    line.extend_from_slice(PREFIX.as_bytes());
    line.extend_from_slice(hash.as_bytes());
    line.extend_from_slice(b"\",");
    line.extend_from_slice(rest.as_bytes());
    line.push(b'\n');
    Ok((line, hash))
}

/// Decodes one line (without its newline): the record and its hash, after
/// checking that the hash matches the bytes.
pub(crate) fn decode(line: &[u8]) -> Result<(Record, String), String> {
    let text = std::str::from_utf8(line).map_err(|_| "not UTF-8 text".to_string())?;
    let after = text.strip_prefix(PREFIX).ok_or("does not begin with its hash")?;
    let (hash, rest) = after.split_at_checked(HEX_LEN).ok_or("does not begin with its hash")?;
    if !hash.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
        return Err("does not begin with its hash".into());
    }
    let rest = rest.strip_prefix("\",").ok_or("does not begin with its hash")?;
    if sha256_hex(rest.as_bytes()) != hash {
        return Err("its content does not match its hash: the record was changed after it was written".into());
    }
    let record: Record =
        serde_json::from_str(&format!("{{{rest}")).map_err(|e| format!("is not a record of this log: {e}"))?;
    Ok((record, hash.to_string()))
}

/// The file name of segment `n`.
pub(crate) fn segment_name(n: u64) -> String {
    format!("segment-{n:08}.jsonl")
}

/// The segments in `dir`, by number. Other files are ignored.
pub(crate) fn segments(dir: &Path) -> std::io::Result<Vec<(u64, PathBuf)>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(number) = name.strip_prefix("segment-").and_then(|n| n.strip_suffix(".jsonl")) else { continue };
        if number.len() == 8
            && let Ok(n) = number.parse::<u64>()
        {
            out.push((n, entry.path()));
        }
    }
    out.sort();
    Ok(out)
}

/// Where a record sits: its segment file and its line (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The segment's file name.
    pub segment: String,
    /// The line in it, from 1.
    pub line: u64,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}", self.segment, self.line)
    }
}

/// The first record that breaks the log, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// Where.
    pub position: Position,
    /// Why, for a person.
    pub reason: String,
}

/// An incomplete last record: bytes after the last newline. A crash while writing leaves one; the next start of
/// the log cuts it off and records that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Torn {
    /// Where it begins.
    pub position: Position,
    /// How many bytes it has.
    pub bytes: u64,
}

/// What [`verify`] found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verification {
    /// Segments read.
    pub segments: u64,
    /// Records whose hash and link are right (up to the first break).
    pub records: u64,
    /// The last good record's `seq` and hash: writing them down elsewhere
    /// (a SIEM, a ticket) lets a later check also notice records removed
    /// from the end.
    pub head: Option<(u64, String)>,
    /// The first broken record, if any.
    pub broken: Option<Broken>,
    /// An incomplete last record, if any (not a break: see [`Torn`]).
    pub torn: Option<Torn>,
}

impl Verification {
    /// Every record and link is intact (an incomplete last record aside).
    pub fn intact(&self) -> bool {
        self.broken.is_none()
    }
}

/// One segment split into complete lines and what follows the last newline.
pub(crate) struct Lines {
    pub(crate) lines: Vec<(u64, std::ops::Range<usize>)>,
    pub(crate) tail: std::ops::Range<usize>,
}

pub(crate) fn split_lines(bytes: &[u8]) -> Lines {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut n = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            n += 1;
            lines.push((n, start..i));
            start = i + 1;
        }
    }
    Lines { lines, tail: start..bytes.len() }
}

/// Checks every record and every link of the log in `dir`: each hash
/// against its record, each `seq` against the one before, each `prev`
/// against the hash before it, across segments, and that no segment is
/// missing. Stops at the first break.
pub fn verify(dir: &Path) -> std::io::Result<Verification> {
    let mut v = Verification::default();
    let mut expected_seq = 1u64;
    let mut prev = GENESIS.to_string();
    let segments = segments(dir)?;
    let last_segment = segments.last().map(|(n, _)| *n);
    for (index, (number, path)) in segments.iter().enumerate() {
        let name = segment_name(*number);
        if *number != index as u64 + 1 {
            v.broken = Some(Broken {
                position: Position { segment: name, line: 1 },
                reason: format!("segment {} is missing: segments must run from 1 without gaps", index + 1),
            });
            return Ok(v);
        }
        v.segments += 1;
        let bytes = fs::read(path)?;
        let split = split_lines(&bytes);
        let is_last = Some(*number) == last_segment;
        let line_count = split.lines.len();
        for (line_no, range) in &split.lines {
            let position = Position { segment: name.clone(), line: *line_no };
            // A record is written with its newline in one write, so a line
            // that ends in a newline was written whole: if it does not
            // decode, it was changed.
            let (record, hash) = match decode(&bytes[range.clone()]) {
                Ok(ok) => ok,
                Err(reason) => {
                    v.broken = Some(Broken { position, reason: format!("the record {reason}") });
                    return Ok(v);
                }
            };
            if let Some(reason) = link_problem(&record, expected_seq, &prev) {
                v.broken = Some(Broken { position, reason });
                return Ok(v);
            }
            v.records += 1;
            expected_seq = record.seq + 1;
            prev = hash.clone();
            v.head = Some((record.seq, hash));
        }
        if !split.tail.is_empty() {
            let position = Position { segment: name, line: line_count as u64 + 1 };
            if is_last {
                v.torn = Some(Torn { position, bytes: split.tail.len() as u64 });
            } else {
                v.broken = Some(Broken {
                    position,
                    reason: "an incomplete record in a segment that is not the last: the segment was cut".into(),
                });
            }
            return Ok(v);
        }
    }
    Ok(v)
}

/// Why `record` does not follow the record before it, if it does not.
pub(crate) fn link_problem(record: &Record, expected_seq: u64, prev: &str) -> Option<String> {
    if record.seq != expected_seq {
        return Some(if record.seq > expected_seq {
            format!(
                "record {} follows record {}: {} record(s) before it were removed",
                record.seq,
                expected_seq - 1,
                record.seq - expected_seq
            )
        } else {
            format!("record {} appears where record {expected_seq} belongs: a record was inserted", record.seq)
        });
    }
    if record.prev != prev {
        return Some(format!(
            "record {} does not link to the record before it (its `prev` is not that record's hash): a record \
             before it was removed, replaced or inserted",
            record.seq
        ));
    }
    None
}

/// Every complete record of the log in `dir`, in order, with its position
/// and hash; stops at a record that does not decode. (Links are not
/// checked: that is [`verify`].) Holds the whole log in memory; [`scan`]
/// reads one segment at a time.
pub fn read(dir: &Path) -> std::io::Result<Vec<(Position, Record, String)>> {
    let mut out = Vec::new();
    scan(dir, |position, record, hash, _| {
        out.push((position.clone(), record, hash.to_string()));
        true
    })?;
    Ok(out)
}

/// Calls `each` with every complete record of the log in `dir`, in order:
/// its position, the record, its hash and its line as stored (without the
/// newline). Stops at a record that does not decode, or when `each`
/// returns false; returns whether it read to the end. One segment is in
/// memory at a time.
pub fn scan(dir: &Path, mut each: impl FnMut(&Position, Record, &str, &str) -> bool) -> std::io::Result<bool> {
    for (number, path) in segments(dir)? {
        let bytes = fs::read(&path)?;
        let split = split_lines(&bytes);
        for (line, range) in split.lines {
            let raw = &bytes[range];
            let Ok((record, hash)) = decode(raw) else { return Ok(false) };
            let position = Position { segment: segment_name(number), line };
            if !each(&position, record, &hash, &String::from_utf8_lossy(raw)) {
                return Ok(false);
            }
        }
    }
    Ok(true)
}
