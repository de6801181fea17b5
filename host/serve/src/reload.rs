//! Hot reload of region bundles: the service watches its bundle
//! directories (the ones it was started with, and every subdirectory of
//! its regions directory) and offers a changed bundle to the host, which
//! activates it only when it passes every activation rule (hashes, loads,
//! its own cases, a higher revision, free gemeenten). A refused candidate
//! leaves the previous revision serving and is listed, with every reason,
//! in `GET /v1/regions`.
//!
//! A decision takes its region once, when it starts, so a decision in
//! flight finishes in the revision it began with; the next one gets the
//! new revision. A pass runs on the poll timer, on `POST
//! /v1/regions/reload` and on SIGHUP; passes never overlap.
//!
//! A bundle counts as changed when the sha256 over its files' names and
//! bytes changes: a copy that is still being written is refused, and
//! offered again as soon as it changes once more.

use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use wegwijs::harness::Bundle;
use wegwijs::{Host, RegionInfo};

/// The most reasons kept per refused candidate, and bytes per reason: a
/// bundle is untrusted and its problems quote its case names.
const MAX_REASONS: usize = 50;
const MAX_REASON_BYTES: usize = 500;
/// The most files, folder depth and bytes per file read to fingerprint one
/// bundle directory (a bundle's own caps are smaller; a larger file is
/// fingerprinted by its length and time, and the bundle is refused anyway).
const MAX_FILES: usize = 1000;
const MAX_DEPTH: usize = 4;
const MAX_FILE_BYTES: u64 = 64 << 20;

/// A bundle that was offered and refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Refused {
    /// The bundle's directory name (not its full path).
    pub bundle: String,
    /// The region id its manifest names, when the manifest could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The revision its manifest names, when the manifest could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
    /// Every reason, as the activation rules state them.
    pub reasons: Vec<String>,
    /// When it was refused (UTC).
    pub at: String,
}

/// What one reload pass did.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct ReloadReport {
    /// Bundles activated by this pass.
    pub activated: Vec<RegionInfo>,
    /// Bundles refused by this pass (the previous revision keeps serving).
    pub refused: Vec<Refused>,
    /// Bundle directories looked at that had not changed.
    pub unchanged: usize,
}

/// The watched directories and what was last seen in them.
#[derive(Debug, Default)]
pub(crate) struct Reloader {
    bundles: Vec<PathBuf>,
    regions_dir: Option<PathBuf>,
    /// Held by a pass from start to end.
    pass: Mutex<()>,
    /// What the passes saw; locked only for moments.
    state: Mutex<Seen>,
}

#[derive(Debug, Default)]
struct Seen {
    /// Per directory, the fingerprint last offered (or loaded at start).
    fingerprints: BTreeMap<PathBuf, String>,
    /// Per directory, its refusal while it stands.
    refused: BTreeMap<PathBuf, Refused>,
    /// Whether the first pass ran.
    started: bool,
}

impl Reloader {
    pub(crate) fn new(bundles: Vec<PathBuf>, regions_dir: Option<PathBuf>) -> Reloader {
        Reloader { bundles, regions_dir, pass: Mutex::default(), state: Mutex::default() }
    }

    /// Whether there is anything to watch.
    pub(crate) fn watches(&self) -> bool {
        !self.bundles.is_empty() || self.regions_dir.is_some()
    }

    /// The refusals that still stand, by directory.
    pub(crate) fn refused(&self) -> Vec<Refused> {
        self.seen().refused.values().cloned().collect()
    }

    /// One pass over every watched directory. Blocking: it may compile
    /// components and run cases. The first pass also counts a bundle the
    /// host already loaded at the same revision as unchanged.
    pub(crate) fn pass(&self, host: &Host) -> ReloadReport {
        // One pass at a time, so a timer tick and an admin's request do not
        // offer the same bundle twice. The pass lock is held throughout;
        // what `GET /v1/regions` reads is behind its own lock, taken only
        // for moments, so a long activation never blocks an async worker.
        let _pass = self.pass.lock().unwrap_or_else(PoisonError::into_inner);
        let first = !std::mem::replace(&mut self.seen().started, true);
        let mut report = ReloadReport::default();
        let candidates = self.candidates();
        {
            // A bundle directory that is gone no longer stands refused; its
            // region, if one was active, keeps serving (ADR 0011).
            let mut seen = self.seen();
            seen.refused.retain(|dir, _| candidates.contains(dir));
            seen.fingerprints.retain(|dir, _| candidates.contains(dir));
        }
        let mut offer_now = Vec::new();
        for dir in candidates {
            let fingerprint = fingerprint(&dir);
            if self.seen().fingerprints.get(&dir) == Some(&fingerprint) {
                report.unchanged += 1;
                continue;
            }
            self.seen().fingerprints.insert(dir.clone(), fingerprint);
            offer_now.push(dir);
        }
        // Bundles can depend on each other: a gemeente moving from one
        // region to another is refused to the first while the second still
        // serves it. So refusals are offered again as long as a round
        // activates something.
        let mut refused_now: Vec<(PathBuf, Refused)> = Vec::new();
        for round in 0..3 {
            let mut activated_any = false;
            let mut still_refused = Vec::new();
            for dir in offer_now {
                match offer(host, &dir, first && round == 0) {
                    Offered::Activated(info) => {
                        self.seen().refused.remove(&dir);
                        report.activated.push(info);
                        activated_any = true;
                    }
                    Offered::AlreadyLoaded => {
                        self.seen().refused.remove(&dir);
                        report.unchanged += 1;
                    }
                    Offered::Refused(refused) => still_refused.push((dir, refused)),
                }
            }
            if !activated_any || still_refused.is_empty() {
                refused_now = still_refused;
                break;
            }
            offer_now = still_refused.iter().map(|(dir, _)| dir.clone()).collect();
            refused_now = still_refused;
        }
        for (dir, refused) in refused_now {
            self.seen().refused.insert(dir, refused.clone());
            report.refused.push(refused);
        }
        report
    }

    /// The bundle directories to look at: the named ones, then every
    /// subdirectory of the regions directory, by name.
    fn candidates(&self) -> Vec<PathBuf> {
        let mut out = self.bundles.clone();
        if let Some(root) = &self.regions_dir
            && let Ok(entries) = std::fs::read_dir(root)
        {
            let mut subdirs: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| e.path())
                .collect();
            subdirs.sort();
            out.extend(subdirs.into_iter().filter(|d| !self.bundles.contains(d)));
        }
        out
    }

    fn seen(&self) -> std::sync::MutexGuard<'_, Seen> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

enum Offered {
    Activated(RegionInfo),
    AlreadyLoaded,
    Refused(Refused),
}

fn offer(host: &Host, dir: &Path, first: bool) -> Offered {
    let bundle_name = bounded(&dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    let refused = |region, revision, reasons: Vec<String>| Refused {
        bundle: bundle_name.clone(),
        region,
        revision,
        reasons: reasons.into_iter().take(MAX_REASONS).map(|r| bounded(&r)).collect(),
        at: wegwijs::audit::now_utc(),
    };
    let bundle = match Bundle::read(dir) {
        Ok(b) => b,
        Err(problems) => {
            return Offered::Refused(refused(None, None, problems.iter().map(ToString::to_string).collect()));
        }
    };
    let (id, revision) = (bundle.manifest.id.clone(), bundle.manifest.revision);
    if first && host.regions().iter().any(|r| r.id == id && r.revision == revision) {
        return Offered::AlreadyLoaded;
    }
    match host.activate(bundle) {
        Ok(info) => Offered::Activated(info),
        Err(wegwijs::Error::RegionRefused { problems, .. }) => Offered::Refused(refused(
            Some(bounded(&id)),
            Some(revision),
            problems.iter().map(ToString::to_string).collect(),
        )),
        Err(other) => Offered::Refused(refused(Some(bounded(&id)), Some(revision), vec![other.to_string()])),
    }
}

/// Control and bidi characters dropped, at most [`MAX_REASON_BYTES`].
fn bounded(text: &str) -> String {
    wegwijs::audit::clean_text(text, MAX_REASON_BYTES)
}

/// The sha256 over the names and bytes of the regular files under `dir`
/// (symbolic links are not followed); unreadable parts count as their
/// error, so a directory that cannot be read still has a fingerprint.
fn fingerprint(dir: &Path) -> String {
    let mut files = Vec::new();
    collect(dir, Path::new(""), 0, &mut files);
    files.sort();
    let mut hash = Sha256::new();
    for rel in files.iter().take(MAX_FILES) {
        hash.update(rel.to_string_lossy().as_bytes());
        hash.update([0]);
        let path = dir.join(rel);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.len() > MAX_FILE_BYTES => {
                hash.update(meta.len().to_le_bytes());
                let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
                hash.update(modified.unwrap_or_default().as_nanos().to_le_bytes());
            }
            _ => match std::fs::read(&path) {
                Ok(bytes) => {
                    hash.update((bytes.len() as u64).to_le_bytes());
                    hash.update(&bytes);
                }
                Err(e) => hash.update(e.to_string().as_bytes()),
            },
        }
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn collect(root: &Path, rel: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > MAX_DEPTH || out.len() >= MAX_FILES {
        return;
    }
    let Ok(entries) = std::fs::read_dir(root.join(rel)) else { return };
    for entry in entries.filter_map(Result::ok) {
        let Ok(kind) = entry.file_type() else { continue };
        let path = rel.join(entry.file_name());
        if kind.is_dir() {
            collect(root, &path, depth + 1, out);
        } else if kind.is_file() {
            out.push(path);
        }
    }
}
