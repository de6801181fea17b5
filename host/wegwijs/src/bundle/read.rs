//! Reading a region bundle from disk through a directory capability, so
//! that nothing outside the bundle can be reached: its manifest, the
//! components it names (each checked against its sha256) and its case files.
//! Whether the components load and the cases pass is for the host to find
//! out when it activates the bundle.

use crate::bundle::cases::CaseFile;
use crate::bundle::manifest::{LimitOverrides, Manifest, StageComponent};
use crate::error::BundleProblem;
use crate::model::Stage;
use crate::sandbox::sha256_hex;
use cap_std::ambient_authority;
use cap_std::fs::Dir;
use std::collections::BTreeMap;
use std::path::Path;

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
    pub fn read(dir: impl AsRef<Path>) -> Result<Bundle, Vec<BundleProblem>> {
        let dir_path = dir.as_ref();
        let source = dir_path.display().to_string();
        let unreadable =
            |path: &str, e: std::io::Error| BundleProblem::Unreadable { path: path.to_string(), detail: e.to_string() };
        let root = Dir::open_ambient_dir(dir_path, ambient_authority()).map_err(|e| vec![unreadable(&source, e)])?;
        let text = root.read_to_string("region.toml").map_err(|e| vec![unreadable("region.toml", e)])?;
        let manifest = Manifest::parse(&text)?;

        let mut problems = Vec::new();
        let mut components = BTreeMap::new();
        for (stage, c) in &manifest.stages {
            match root.read(&c.path) {
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
                Err(e) if is_escape(&e) => problems.push(BundleProblem::PathEscapes {
                    field: format!("stages.{stage}.component"),
                    path: c.path.clone(),
                    why: "a symlink leads out".into(),
                }),
                Err(e) => problems.push(unreadable(&c.path, e)),
            }
        }

        let mut cases = Vec::new();
        match root.read_dir("cases") {
            Ok(entries) => {
                let mut names: Vec<String> = entries
                    .filter_map(Result::ok)
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".toml"))
                    .collect();
                names.sort();
                for name in names {
                    let path = format!("cases/{name}");
                    match root.read_to_string(&path) {
                        Ok(text) => match CaseFile::parse(&text) {
                            Ok(file) => cases.push((path, file)),
                            Err(e) => problems.push(BundleProblem::CaseFile { path, detail: e.to_string() }),
                        },
                        Err(e) if is_escape(&e) => problems.push(BundleProblem::PathEscapes {
                            field: "cases".into(),
                            path,
                            why: "a symlink leads out".into(),
                        }),
                        Err(e) => problems.push(unreadable(&path, e)),
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => problems.push(unreadable("cases", e)),
        }

        if problems.is_empty() { Ok(Bundle { manifest, source, components, cases }) } else { Err(problems) }
    }
}

/// cap-std reports an attempt to leave the directory as PermissionDenied
/// with its own message.
fn is_escape(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::PermissionDenied && e.to_string().contains("outside")
}
