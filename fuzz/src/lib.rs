//! What the fuzz targets hold the parsers to, shared by all three targets:
//! the shape a structured error must have and the invariants an accepted
//! region manifest must keep. A broken property panics, which libFuzzer
//! records as a crash with the input that caused it.

use std::path::{Component, Path};
use wegwijs::Error;
use wegwijs::harness::Manifest;
use wegwijs::{BundleProblem, NATIONAL_DEFAULT};

/// The pseudonym key every target reduces signals with; any fixed key will
/// do, since only the absence of panics and the round trip are checked.
pub const PSEUDONYM_KEY: &[u8] = b"wegwijs-fuzz-pseudonym-key";

/// Checks that a signal error is one of the two input errors and names
/// every problem: a sender must be able to act on it.
pub fn assert_signal_error(error: &Error) {
    assert!(!error.to_string().is_empty(), "empty message for {error:?}");
    match error {
        Error::MalformedJson { problem, .. } => {
            assert!(!problem.en().is_empty() && !problem.nl().is_empty(), "MalformedJson without a problem: {error:?}");
        }
        Error::InvalidSignal(problems) => {
            assert!(!problems.is_empty(), "InvalidSignal with no problems");
            for p in problems {
                assert!(!p.field.is_empty(), "a field problem names no field: {p:?}");
                assert!(!p.problem.en().is_empty() && !p.problem.nl().is_empty(), "a field problem says nothing: {p:?}");
            }
        }
        other => panic!("parsing a signal gave an error that is not about the input: {other:?}"),
    }
}

/// Checks that a refused case file names the line and column of the first
/// problem, as an editor would need to jump to it.
pub fn assert_case_file_error(error: &Error) {
    match error {
        Error::InvalidCaseFile { line, column, problem } => {
            assert!(*line >= 1 && *column >= 1, "case file position {line}:{column} is not 1-based");
            assert!(!problem.is_empty(), "case file error without a problem");
            assert!(!error.to_string().is_empty(), "empty message for {error:?}");
        }
        other => panic!("parsing a case file gave an error that is not about the file: {other:?}"),
    }
}

/// Checks that a refused manifest lists at least one problem, each saying
/// what is wrong and where, and that the list serializes for the CLI's
/// JSON output.
pub fn assert_manifest_problems(problems: &[BundleProblem]) {
    assert!(!problems.is_empty(), "Manifest::parse refused a manifest without saying why");
    for p in problems {
        assert!(!p.to_string().is_empty(), "empty message for {p:?}");
        match p {
            BundleProblem::Toml { line, column, detail } => {
                assert!(*line >= 1 && *column >= 1, "TOML position {line}:{column} is not 1-based");
                assert!(!detail.is_empty(), "TOML problem without detail");
            }
            BundleProblem::Field { field, detail } => {
                assert!(!field.is_empty() && !detail.is_empty(), "field problem without field or detail: {p:?}");
            }
            BundleProblem::PathEscapes { field, why, .. } => {
                assert!(!field.is_empty() && !why.is_empty(), "path problem without field or reason: {p:?}");
            }
            BundleProblem::ForbiddenChar { file, field, code, .. } => {
                assert!(
                    !file.is_empty() && !field.is_empty() && code.starts_with("U+"),
                    "bad character problem: {p:?}"
                );
            }
            other => panic!("Manifest::parse reported a problem that needs a bundle on disk: {other:?}"),
        }
    }
    assert!(serde_json::to_string(problems).is_ok(), "bundle problems do not serialize");
}

/// Checks what an accepted manifest promises the host: a well-formed id,
/// at least one valid and distinct gemeentecode, a positive revision, and
/// component paths that stay inside the bundle.
pub fn assert_manifest_invariants(m: &Manifest) {
    assert!(
        !m.id.is_empty()
            && m.id.len() <= 64
            && m.id != NATIONAL_DEFAULT
            && m.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "accepted a malformed region id {:?}",
        m.id
    );
    assert!(!m.name.trim().is_empty(), "accepted a region without a name");
    assert!(!m.gemeenten.is_empty(), "accepted a region serving no gemeente");
    for (i, g) in m.gemeenten.iter().enumerate() {
        assert!(
            g.len() == 6 && g.starts_with("GM") && g[2..].bytes().all(|b| b.is_ascii_digit()),
            "accepted gemeentecode {g:?}"
        );
        assert!(!m.gemeenten[..i].contains(g), "accepted gemeente {g} twice");
    }
    assert!(m.revision >= 1, "accepted revision 0");
    for (stage, c) in &m.stages {
        assert!(stays_inside(&c.path), "accepted component path {:?} for {stage}", c.path);
        assert!(
            c.sha256.len() == 64 && c.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
            "accepted sha256 {:?} for {stage}",
            c.sha256
        );
    }
    assert!(serde_json::to_string(m).is_ok(), "an accepted manifest does not serialize");
}

/// Whether a component path, as written, names a file inside the bundle:
/// relative, not empty, and without a `..` step. Judged independently of
/// the parser's own check so that the two can disagree.
fn stays_inside(path: &str) -> bool {
    let p = Path::new(path);
    let drive = path.as_bytes().get(1) == Some(&b':');
    !path.is_empty()
        && !p.is_absolute()
        && !path.starts_with(['/', '\\'])
        && !drive
        && p.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}
