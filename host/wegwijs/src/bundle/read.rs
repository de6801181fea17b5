//! Reading a region bundle from disk through a directory capability, so
//! that nothing outside the bundle can be reached: its manifest, the
//! components it names (each checked against its sha256) and its case files.
//! Whether the components load and the cases pass is for the host to find
//! out when it activates the bundle.
//!
//! A bundle is untrusted, so reading it must neither block nor flood the
//! host: only regular files are opened, each checked against its size cap
//! before it is read, and the case folder is walked without following
//! symlinked folders and within a bound on its entries.

use crate::bundle::cases::CaseFile;
use crate::bundle::manifest::{LimitOverrides, Manifest, StageComponent};
use crate::bundle::{MAX_CASE_FILE_BYTES, MAX_CASES_ENTRIES, MAX_COMPONENT_BYTES, MAX_MANIFEST_BYTES, forbidden_char};
use crate::error::{BundleProblem, Error, io_said, said_by};
use crate::model::Stage;
use crate::sandbox::sha256_hex;
use cap_std::ambient_authority;
use cap_std::fs::{Dir, Metadata, OpenOptions};
use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;
use wegwijs_kit::display_safe;
use wegwijs_types::{Said, said};

/// A bundle read from disk and checked on its own: manifest valid, every
/// component present inside the bundle with the stated hash, case files
/// parsed. Whether its components load and its cases pass is decided by the
/// host when it activates the bundle.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The parsed manifest.
    pub manifest: Manifest,
    /// Where it was read from, for messages.
    pub source: String,
    /// The component bytes per replaced stage.
    pub components: BTreeMap<Stage, Vec<u8>>,
    /// The case files under `cases/`, by path inside the bundle, sorted.
    pub cases: Vec<(String, CaseFile)>,
}

impl Bundle {
    /// A bundle that replaces no stage: the reference components with an
    /// empty config, under `id`. The harness starts from it to test case
    /// files against the national defaults or against one component.
    pub fn empty(id: impl Into<String>, name: impl Into<String>) -> Bundle {
        Bundle {
            manifest: Manifest {
                id: id.into(),
                name: name.into(),
                gemeenten: Vec::new(),
                revision: 1,
                description: String::new(),
                language: None,
                stages: BTreeMap::new(),
                config: BTreeMap::new(),
                limits: LimitOverrides::default(),
            },
            source: "command line".into(),
            components: BTreeMap::new(),
            cases: Vec::new(),
        }
    }

    /// A bundle whose only own component is `bytes` for `stage`, read from
    /// `path` (for messages); its sha256 is computed here, as `read` checks it.
    pub fn single(stage: Stage, path: impl Into<String>, bytes: Vec<u8>) -> Bundle {
        let path = path.into();
        let mut bundle = Bundle::empty("component-under-test", path.clone());
        let sha256 = sha256_hex(&bytes);
        bundle.manifest.stages.insert(stage, StageComponent { path: path.clone(), sha256 });
        bundle.components.insert(stage, bytes);
        bundle.source = path;
        bundle
    }

    /// Reads the bundle in `dir`: its manifest, the components it names
    /// (checking each sha256) and its case files. All reads go through a
    /// capability on `dir`, so no path in the manifest can reach outside it.
    ///
    /// Every file read must be a regular file within its cap
    /// ([`MAX_MANIFEST_BYTES`], [`MAX_COMPONENT_BYTES`],
    /// [`MAX_CASE_FILE_BYTES`]), checked before it is opened, so a FIFO or a
    /// huge file cannot stall or flood the host. Case files are every file
    /// under `cases/`, at any depth, whose name ends in `.toml` in any case;
    /// other files are ignored, but a name that is not UTF-8, a symlink to a
    /// folder and a symlink leading out are refused, so no case file the
    /// region brought is silently left unrun.
    pub fn read(dir: impl AsRef<Path>) -> Result<Bundle, Vec<BundleProblem>> {
        let dir_path = dir.as_ref();
        let source = dir_path.display().to_string();
        let root = Dir::open_ambient_dir(dir_path, ambient_authority())
            .map_err(|e| vec![BundleProblem::Unreadable { path: source.clone(), detail: io_said(&e) }])?;
        // A file name, the same in every language.
        let manifest_what = Said::same(MANIFEST);
        let manifest_bytes =
            read_capped(&root, MANIFEST, MANIFEST, MAX_MANIFEST_BYTES, &manifest_what).map_err(|p| vec![p])?;
        let text = String::from_utf8(manifest_bytes)
            .map_err(|_| vec![BundleProblem::Unreadable { path: MANIFEST.into(), detail: not_utf8() }])?;
        let manifest = Manifest::parse(&text)?;

        let mut problems = Vec::new();
        let mut components = BTreeMap::new();
        for (stage, c) in &manifest.stages {
            let field = format!("stages.{stage}.component");
            let what = said!("een component", "a component");
            match read_capped(&root, &c.path, &field, MAX_COMPONENT_BYTES, &what) {
                Ok(bytes) => {
                    let actual = sha256_hex(&bytes);
                    if actual != c.sha256 {
                        problems.push(BundleProblem::HashMismatch {
                            path: c.path.clone(),
                            expected: c.sha256.clone(),
                            actual,
                        });
                    }
                    components.insert(*stage, bytes);
                }
                Err(problem) => problems.push(problem),
            }
        }

        let mut cases = Vec::new();
        let case_file = said!("een casusbestand", "a case file");
        for path in case_paths(&root, &mut problems) {
            let bytes = match read_capped(&root, &path, CASES, MAX_CASE_FILE_BYTES, &case_file) {
                Ok(bytes) => bytes,
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            let Ok(text) = String::from_utf8(bytes) else {
                problems.push(BundleProblem::CaseFile { path, detail: not_utf8() });
                continue;
            };
            match CaseFile::parse(&text) {
                Ok(file) => {
                    let found = file.problems(&path, &manifest.config);
                    if found.is_empty() {
                        cases.push((path, file));
                    }
                    problems.extend(found);
                }
                Err(e) => problems.push(BundleProblem::CaseFile { path, detail: parse_detail(&e) }),
            }
        }

        if problems.is_empty() { Ok(Bundle { manifest, source, components, cases }) } else { Err(problems) }
    }
}

/// A case file's parse error as the detail of its problem: the line, the
/// column and the parser's words (which stay as they came). The problem
/// already says it is about a case file, so the error's own frame is left out.
fn parse_detail(e: &Error) -> Said {
    match e {
        Error::InvalidCaseFile { line, column, problem } => {
            let (nl, en) = (problem.nl(), problem.en());
            said!("regel {line}, kolom {column}: {nl}", "line {line}, column {column}: {en}")
        }
        other => said_by(|lang| other.message(lang)),
    }
}

/// "is not UTF-8 text", for a file that must be text.
fn not_utf8() -> Said {
    said!("is geen UTF-8-tekst", "is not UTF-8 text")
}

/// "a symlink leads out", for a path that leaves the bundle through a link.
fn symlink_leads_out() -> Said {
    said!("een symbolische koppeling leidt naar buiten", "a symlink leads out")
}

/// The manifest's path inside a bundle.
const MANIFEST: &str = "region.toml";

/// The folder of case files inside a bundle.
const CASES: &str = "cases";

/// Reads the file at `path` inside `root`: refused, before it is opened,
/// unless it is a regular file (symlinks inside the bundle followed) of at
/// most `cap` bytes. `field` names where the path came from when it leads
/// out of the bundle; `what` names the kind of file when it is too large.
fn read_capped(root: &Dir, path: &str, field: &str, cap: u64, what: &Said) -> Result<Vec<u8>, BundleProblem> {
    let failed = |e: std::io::Error| {
        if is_escape(&e) {
            BundleProblem::PathEscapes {
                field: display_safe(field),
                path: display_safe(path),
                why: symlink_leads_out(),
            }
        } else {
            BundleProblem::Unreadable { path: display_safe(path), detail: io_said(&e) }
        }
    };
    let too_large = || BundleProblem::TooLarge { path: display_safe(path), what: what.clone(), limit: cap };
    let check = |meta: &Metadata| {
        if !meta.is_file() {
            Err(BundleProblem::NotAFile { path: display_safe(path), kind: kind(meta) })
        } else if meta.len() > cap {
            Err(too_large())
        } else {
            Ok(())
        }
    };
    // Opening a FIFO for reading blocks until a writer comes, so the type
    // is checked first, through the capability.
    check(&root.metadata(path).map_err(failed)?)?;
    // The file may be replaced between that check and the open: opened
    // without blocking, checked again on the handle, and read at most one
    // byte past the cap, so neither a FIFO swapped in nor a file growing
    // meanwhile can stall or flood the host.
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use cap_std::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = root.open_with(path, &options).map_err(failed)?;
    check(&file.metadata().map_err(failed)?)?;
    let mut bytes = Vec::new();
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes).map_err(failed)?;
    if bytes.len() as u64 > cap {
        return Err(too_large());
    }
    Ok(bytes)
}

/// What a file that is not a regular file is, for messages: completes
/// "`path` is …, not a regular file".
fn kind(meta: &Metadata) -> Said {
    let t = meta.file_type();
    if t.is_dir() {
        return said!("een map", "a folder");
    }
    #[cfg(unix)]
    {
        use cap_std::fs::FileTypeExt as _;
        if t.is_fifo() {
            return said!("een FIFO (named pipe)", "a FIFO (named pipe)");
        }
        if t.is_socket() {
            return said!("een socket", "a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return said!("een apparaatbestand", "a device");
        }
    }
    said!("iets anders", "not a regular file")
}

/// Whether a file under `cases/` is a case file: its name ends in `.toml`,
/// in any case (`routes.TOML` too, so no case file is skipped for its
/// spelling).
fn is_case_file_name(name: &str) -> bool {
    let suffix = b".toml";
    name.len() >= suffix.len() && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The paths of the case files under `cases/`, at every depth, sorted;
/// every entry that cannot be judged safely is a problem instead. Real
/// folders are walked, symlinked ones refused (a link to an ancestor would
/// loop), and at most [`MAX_CASES_ENTRIES`] entries are looked at.
fn case_paths(root: &Dir, problems: &mut Vec<BundleProblem>) -> Vec<String> {
    let unreadable =
        |path: &str, e: std::io::Error| BundleProblem::Unreadable { path: display_safe(path), detail: io_said(&e) };
    let not_a_folder =
        || BundleProblem::Unreadable { path: CASES.into(), detail: said!("is geen map", "is not a folder") };
    match root.symlink_metadata(CASES) {
        Ok(meta) if meta.is_dir() => {}
        Ok(meta) if meta.file_type().is_symlink() => {
            match root.metadata(CASES) {
                Ok(target) if target.is_dir() => problems.push(BundleProblem::SymlinkedFolder { path: CASES.into() }),
                Ok(_) => problems.push(not_a_folder()),
                Err(e) if is_escape(&e) => problems.push(escapes(CASES)),
                Err(e) => problems.push(unreadable(CASES, e)),
            }
            return Vec::new();
        }
        Ok(_) => {
            problems.push(not_a_folder());
            return Vec::new();
        }
        // No cases at all: activation refuses that with its own reason.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            problems.push(unreadable(CASES, e));
            return Vec::new();
        }
    }
    let mut found = Vec::new();
    // A stack, not recursion: the depth of the tree is the bundle's choice.
    let mut folders = vec![CASES.to_string()];
    let mut seen = 0usize;
    while let Some(folder) = folders.pop() {
        let entries = match root.read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(unreadable(&folder, e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    problems.push(unreadable(&folder, e));
                    continue;
                }
            };
            seen += 1;
            if seen > MAX_CASES_ENTRIES {
                problems.push(BundleProblem::TooManyEntries { path: CASES.into(), limit: MAX_CASES_ENTRIES });
                return Vec::new();
            }
            let name = match entry.file_name().into_string() {
                Ok(name) => name,
                Err(raw) => {
                    let path = format!("{folder}/{}", raw.to_string_lossy());
                    problems.push(BundleProblem::NameNotUtf8 { path: display_safe(&path) });
                    continue;
                }
            };
            let path = format!("{folder}/{name}");
            let file_type = match entry.file_type() {
                Ok(t) => t,
                Err(e) => {
                    problems.push(unreadable(&path, e));
                    continue;
                }
            };
            if file_type.is_dir() {
                folders.push(path);
                continue;
            }
            if file_type.is_symlink() {
                // Followed only to see where it leads: a folder is refused
                // (a link to an ancestor would loop, one to a sibling would
                // run its cases twice), and so is any link out, since what
                // it leads to cannot be told.
                match root.metadata(&path) {
                    Ok(target) if target.is_dir() => {
                        problems.push(BundleProblem::SymlinkedFolder { path: display_safe(&path) });
                        continue;
                    }
                    Ok(_) => {}
                    Err(e) if is_escape(&e) => {
                        problems.push(escapes(&path));
                        continue;
                    }
                    // A dangling link: an error only when it would be a case file.
                    Err(_) => {}
                }
            }
            if is_case_file_name(&name) {
                if let Some(problem) = forbidden_char(&path, "file name", "name", &name) {
                    problems.push(problem);
                    continue;
                }
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The problem for a symlink under `cases/` that leads out of the bundle.
fn escapes(path: &str) -> BundleProblem {
    BundleProblem::PathEscapes { field: CASES.into(), path: display_safe(path), why: symlink_leads_out() }
}

/// cap-std reports an attempt to leave the directory as PermissionDenied
/// with its own message.
fn is_escape(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::PermissionDenied && e.to_string().contains("outside")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use wegwijs_types::Language;

    /// A fresh folder for one test's bundle, removed when dropped.
    struct TempBundle(PathBuf);

    impl TempBundle {
        fn new(name: &str) -> TempBundle {
            let dir = std::env::temp_dir().join(format!("wegwijs-read-test-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempBundle(dir)
        }

        fn write(&self, path: &str, bytes: impl AsRef<[u8]>) {
            let path = self.0.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }

        fn problems(&self) -> Vec<BundleProblem> {
            Bundle::read(&self.0).unwrap_err()
        }
    }

    impl Drop for TempBundle {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    const MANIFEST_TEXT: &str = "[region]\nid = \"regio\"\nname = \"Regio\"\ngemeenten = [\"GM0014\"]\nrevision = 1\n";

    /// Asserts each problem reads as Dutch, with no English word outside
    /// backticks, and differs from its English.
    fn assert_dutch(problems: &[BundleProblem]) {
        assert!(!problems.is_empty());
        for p in problems {
            let nl = p.message(Language::Nl);
            assert_eq!(wegwijs_kit::english_word_in(&nl), None, "English in the Dutch {nl:?}");
            assert_ne!(nl, p.message(Language::En));
        }
    }

    #[test]
    fn a_missing_manifest_is_named_in_both_languages() {
        let dir = TempBundle::new("missing");
        let found = dir.problems();
        assert_eq!(
            found,
            [BundleProblem::Unreadable { path: "region.toml".into(), detail: said!("bestaat niet", "does not exist") }]
        );
        assert_eq!(found[0].message(Language::Nl), "`region.toml` is niet leesbaar: bestaat niet");
        assert_eq!(found[0].to_string(), "cannot read `region.toml`: does not exist");
    }

    #[test]
    fn a_folder_where_a_file_belongs_is_named_in_both_languages() {
        let dir = TempBundle::new("folder");
        std::fs::create_dir_all(dir.0.join("region.toml")).unwrap();
        let found = dir.problems();
        assert!(
            matches!(&found[..], [BundleProblem::NotAFile { path, kind }] if path == "region.toml" && kind.en() == "a folder"),
            "{found:?}"
        );
        assert!(found[0].message(Language::Nl).starts_with("`region.toml` is een map, geen gewoon bestand"));
        assert_dutch(&found);
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_in_both_languages() {
        let dir = TempBundle::new("utf8");
        dir.write("region.toml", b"[region]\nname = \"\xff\"\n");
        let found = dir.problems();
        assert_eq!(found[0].to_string(), "cannot read `region.toml`: is not UTF-8 text");
        assert_dutch(&found);

        dir.write("region.toml", MANIFEST_TEXT);
        dir.write("cases/bad.toml", b"\xff");
        let found = dir.problems();
        assert_eq!(found[0].to_string(), "case file `cases/bad.toml`: is not UTF-8 text");
        assert_dutch(&found);
    }

    #[test]
    fn files_beyond_their_cap_and_cases_that_are_not_a_folder_are_named_in_both_languages() {
        let dir = TempBundle::new("large");
        dir.write("region.toml", MANIFEST_TEXT);
        dir.write("cases/big.toml", vec![b'#'; MAX_CASE_FILE_BYTES as usize + 1]);
        let found = dir.problems();
        assert_eq!(
            found[0].to_string(),
            format!(
                "`cases/big.toml` is larger than {MAX_CASE_FILE_BYTES} bytes, the most the host reads for a case file"
            )
        );
        assert_eq!(
            found[0].message(Language::Nl),
            format!(
                "`cases/big.toml` is groter dan {MAX_CASE_FILE_BYTES} bytes, het maximum dat de host voor een casusbestand inleest"
            )
        );
        assert_dutch(&found);

        let dir = TempBundle::new("cases-file");
        dir.write("region.toml", MANIFEST_TEXT);
        dir.write("cases", "");
        let found = dir.problems();
        assert_eq!(found[0].to_string(), "cannot read `cases`: is not a folder");
        assert_dutch(&found);
    }

    #[test]
    fn a_case_file_that_does_not_parse_is_framed_in_dutch() {
        let dir = TempBundle::new("parse");
        dir.write("region.toml", MANIFEST_TEXT);
        dir.write("cases/bad.toml", "[[case]]\nname = \n");
        let found = dir.problems();
        let [BundleProblem::CaseFile { path, detail }] = &found[..] else { panic!("{found:?}") };
        assert_eq!(path, "cases/bad.toml");
        // The parser's words stay as they came; the frame is ours.
        assert!(detail.nl().starts_with("regel 2, kolom 8: "), "{detail:?}");
        assert!(detail.en().starts_with("line 2, column 8: "), "{detail:?}");
        assert_eq!(&detail.nl()["regel 2, kolom 8: ".len()..], &detail.en()["line 2, column 8: ".len()..]);
    }

    #[test]
    fn a_component_that_leads_out_is_named_in_both_languages() {
        let dir = TempBundle::new("escape");
        let sha = "0".repeat(64);
        dir.write(
            "region.toml",
            format!("{MANIFEST_TEXT}[stages.routing]\ncomponent = \"r.wasm\"\nsha256 = \"{sha}\"\n"),
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/hostname", dir.0.join("r.wasm")).unwrap();
            let found = dir.problems();
            assert!(
                matches!(&found[..], [BundleProblem::PathEscapes { why, .. }] if why.en() == "a symlink leads out"),
                "{found:?}"
            );
            assert_dutch(&found);
        }
    }
}
