//! The precompiled component cache: machine code compiled once, kept in a
//! directory and loaded on the next start instead of compiling again.
//!
//! Compiling the four reference components takes a few hundred
//! milliseconds in a release build and seconds in a debug one; loading their
//! machine code takes a few. A service pays that at every start, the CLI at
//! every command. The cache is keyed by what decides whether compiled code
//! fits: the sha256 of the component's bytes and a hash of the engine's
//! compilation settings (wasmtime's version, target and every option that
//! changes code). A host with fuel metering has other settings than one
//! without, so each finds only its own entries.
//!
//! Loading compiled code means running it: whoever can write the cache
//! directory can run code in the host. So the cache is trusted exactly like
//! the host's own binary, and checked like one: on Unix the directory and
//! every entry must belong to the user the host runs as and be writable by
//! nobody else, or the host refuses the directory. Each entry carries the
//! sha256 of its machine code, checked before the code is handed to the
//! engine, so a truncated or damaged entry (a full disk, two hosts writing
//! at once, a bad copy) is compiled again rather than loaded. Entries are
//! written to a temporary name and renamed into place, so a reader never
//! sees half an entry.

use crate::error::{Error, io_said};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use wasmtime::Engine;
use wasmtime::component::Component;
use wegwijs_types::{Said, said};

/// What every entry starts with: the format, so a later format is
/// recognised as such rather than misread.
const MAGIC: &[u8; 16] = b"wegwijs-cwasm-1\n";

/// A directory of precompiled components (see the module documentation).
#[derive(Debug)]
pub(crate) struct CompileCache {
    dir: PathBuf,
}

/// Where a component's machine code came from, for the benchmarks and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Loaded from the cache.
    Cached,
    /// Compiled now (and written to the cache when that worked).
    Compiled,
}

impl CompileCache {
    /// Opens `dir` as a cache, creating it (readable by its owner only)
    /// when missing. Refused when it is not a directory or, on Unix, when
    /// another user owns it or others may write it.
    pub(crate) fn open(dir: &Path) -> Result<CompileCache, Error> {
        let refuse = |problem: Said| Error::CompileCache { dir: dir.display().to_string(), problem };
        // The operating system's reason, after what could not be done.
        let failed = |e: std::io::Error, nl: &str, en: &str| {
            refuse(io_said(&e).map(|lang, why| format!("{}: {why}", lang.pick(nl, en))))
        };
        if !dir.exists() {
            create_private_dir(dir).map_err(|e| failed(e, "de map kan niet worden aangemaakt", "cannot be created"))?;
        }
        let meta =
            fs::symlink_metadata(dir).map_err(|e| failed(e, "de map kan niet worden gelezen", "cannot be read"))?;
        if !meta.is_dir() {
            return Err(refuse(said!(
                "het is geen map (een symbolische koppeling wordt niet gevolgd)",
                "is not a directory (a symbolic link is not followed)"
            )));
        }
        trusted(&meta).map_err(refuse)?;
        Ok(CompileCache { dir: dir.to_path_buf() })
    }

    /// The component for `bytes`, from the cache when it holds a sound
    /// entry for this engine, else compiled and written to the cache. A
    /// cache that cannot be read or written is passed by: the component is
    /// compiled as without one. `Err` only when `bytes` do not compile.
    /// `sha256` is the hex sha256 of `bytes`, which every caller has already
    /// computed for the component's provenance: an 18 MB Python component
    /// is not hashed twice.
    pub(crate) fn component(
        &self,
        engine: &Engine,
        bytes: &[u8],
        sha256: &str,
    ) -> wasmtime::Result<(Component, Source)> {
        let path = self.entry_path(engine, sha256);
        if let Some(code) = self.read_entry(&path) {
            // SAFETY: `read_entry` returned the machine code only when the
            // entry is the host user's own, writable by nobody else, and its
            // checksum matches: it is what `Component::serialize` wrote for
            // these bytes on an engine with these settings. wasmtime checks
            // its own header (version, target, settings) again and refuses
            // on a mismatch, which falls through to compiling below.
            if let Ok(component) = unsafe { Component::deserialize(engine, &code) } {
                return Ok((component, Source::Cached));
            }
        }
        let component = Component::new(engine, bytes)?;
        if let Ok(code) = component.serialize() {
            // A cache that cannot be written costs the next start a
            // compilation, nothing else.
            let _ = self.write_entry(&path, &code);
        }
        Ok((component, Source::Compiled))
    }

    /// `<sha256 of the bytes>-<engine settings hash>.cwasm`.
    fn entry_path(&self, engine: &Engine, sha256: &str) -> PathBuf {
        let mut settings = DigestHasher(Sha256::new());
        std::hash::Hash::hash(&engine.precompile_compatibility_hash(), &mut settings);
        let settings = hex(&settings.0.finalize()[..12]);
        self.dir.join(format!("{sha256}-{settings}.cwasm"))
    }

    /// The machine code of a sound entry at `path`, or `None`.
    fn read_entry(&self, path: &Path) -> Option<Vec<u8>> {
        let meta = fs::symlink_metadata(path).ok()?;
        if !meta.is_file() || trusted(&meta).is_err() {
            return None;
        }
        let data = fs::read(path).ok()?;
        let rest = data.strip_prefix(MAGIC.as_slice())?;
        let (sum, code) = rest.split_at_checked(32)?;
        (Sha256::digest(code).as_slice() == sum).then(|| code.to_vec())
    }

    /// Writes an entry: to a temporary file first, then renamed into place.
    fn write_entry(&self, path: &Path, code: &[u8]) -> std::io::Result<()> {
        let nonce =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let tmp = self.dir.join(format!(".tmp-{}-{nonce}", std::process::id()));
        let result = (|| {
            let mut file = create_private_file(&tmp)?;
            file.write_all(MAGIC)?;
            file.write_all(&Sha256::digest(code))?;
            file.write_all(code)?;
            file.sync_all()?;
            fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }
}

/// Feeds what `Hash` writes into a sha256, so the key does not depend on
/// the standard library's hasher (which may change between Rust releases).
struct DigestHasher(Sha256);

impl std::hash::Hasher for DigestHasher {
    fn finish(&self) -> u64 {
        // Only the digest is used; `Hasher` asks for this.
        0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt as _;
    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(unix)]
fn create_private_file(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)
}

#[cfg(not(unix))]
fn create_private_file(path: &Path) -> std::io::Result<fs::File> {
    fs::OpenOptions::new().write(true).create_new(true).open(path)
}

/// Whether what `meta` describes may be trusted like the host's binary:
/// owned by the user the host runs as, writable by nobody else.
#[cfg(unix)]
fn trusted(meta: &fs::Metadata) -> Result<(), Said> {
    use std::os::unix::fs::MetadataExt as _;
    // SAFETY: `geteuid` has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    let owner = meta.uid();
    if owner != me {
        return Err(said!(
            "het is van gebruiker {owner}, maar de host draait als gebruiker {me}; gecompileerde code erin zou in de host draaien",
            "belongs to user {owner} but the host runs as user {me}; compiled code in it would run in the host"
        ));
    }
    if meta.mode() & 0o022 != 0 {
        let mode = format!("{:o}", meta.mode() & 0o777);
        return Err(said!(
            "anderen mogen erin schrijven (rechten {mode}); gecompileerde code erin zou in de host draaien, dus alleen de eigenaar zou erin mogen schrijven",
            "may be written by others (mode {mode}); compiled code in it would run in the host, so only its owner may write it"
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn trusted(_meta: &fs::Metadata) -> Result<(), Said> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;
    use crate::sandbox::engine::{self, EngineKind};
    use crate::sandbox::{reference_bytes, sha256_hex};

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("wegwijs-cache-test-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    /// A new cache in a directory of its own, holding `stage`'s reference
    /// component after a first, compiling load.
    fn filled(name: &str, stage: Stage) -> (&'static Engine, PathBuf, CompileCache, &'static [u8]) {
        let engine = engine::engine(EngineKind::Plain).expect("engine");
        let dir = temp_dir(name);
        let cache = CompileCache::open(&dir).expect("opens");
        let bytes = reference_bytes(stage);
        assert_eq!(cache.component(engine, bytes, &sha256_hex(bytes)).expect("compiles").1, Source::Compiled);
        (engine, dir, cache, bytes)
    }

    #[test]
    fn the_second_load_comes_from_the_cache_and_a_damaged_entry_is_compiled_again() {
        let (engine, dir, cache, bytes) = filled("roundtrip", Stage::Intake);
        assert_eq!(cache.component(engine, bytes, &sha256_hex(bytes)).expect("loads").1, Source::Cached);

        // One flipped byte of machine code: the checksum no longer matches.
        let entry = fs::read_dir(&dir)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .find(|p| p.extension().is_some_and(|e| e == "cwasm"))
            .expect("an entry");
        let mut data = fs::read(&entry).expect("read");
        let last = data.len() - 1;
        data[last] ^= 0xff;
        fs::write(&entry, &data).expect("write");
        assert_eq!(cache.component(engine, bytes, &sha256_hex(bytes)).expect("compiles").1, Source::Compiled);
        assert_eq!(cache.component(engine, bytes, &sha256_hex(bytes)).expect("loads").1, Source::Cached);

        // Another engine's settings (fuel metering) have their own entry.
        let fuel = engine::engine(EngineKind::Fuel).expect("engine");
        assert_eq!(cache.component(fuel, bytes, &sha256_hex(bytes)).expect("compiles").1, Source::Compiled);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn bytes_that_do_not_compile_are_an_error_and_leave_no_entry() {
        let engine = engine::engine(EngineKind::Plain).expect("engine");
        let dir = temp_dir("bad");
        let cache = CompileCache::open(&dir).expect("opens");
        assert!(cache.component(engine, b"\0asm\x0d\0\x01\0garbage", "00").is_err());
        assert_eq!(fs::read_dir(&dir).expect("dir").count(), 0);
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_others_may_write_is_refused_and_so_is_a_file() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = temp_dir("open");
        fs::create_dir_all(&dir).expect("mkdir");
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).expect("chmod");
        let refused = CompileCache::open(&dir).expect_err("refused");
        let err = refused.to_string();
        assert!(err.contains("written by others") && err.contains("777"), "{err}");
        let nl = refused.message(wegwijs_types::Language::Nl);
        assert!(nl.contains("anderen mogen erin schrijven (rechten 777)"), "{nl}");
        assert_eq!(wegwijs_kit::english_word_in(&nl), None, "{nl}");
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).expect("chmod");
        assert!(CompileCache::open(&dir).is_ok());

        let file = dir.join("file");
        fs::write(&file, b"x").expect("write");
        let refused = CompileCache::open(&file).expect_err("refused");
        let err = refused.to_string();
        assert!(err.contains("not a directory"), "{err}");
        let nl = refused.message(wegwijs_types::Language::Nl);
        assert!(nl.contains("het is geen map"), "{nl}");
        assert_eq!(wegwijs_kit::english_word_in(&nl), None, "{nl}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn an_entry_others_may_write_is_not_loaded() {
        use std::os::unix::fs::PermissionsExt as _;
        let (engine, dir, cache, bytes) = filled("entry-mode", Stage::Consent);
        let entry = cache.entry_path(engine, &sha256_hex(bytes));
        fs::set_permissions(&entry, fs::Permissions::from_mode(0o666)).expect("chmod");
        assert_eq!(cache.component(engine, bytes, &sha256_hex(bytes)).expect("compiles").1, Source::Compiled);
        // Written again by the host, privately: loaded from then on.
        assert_eq!(cache.component(engine, bytes, &sha256_hex(bytes)).expect("loads").1, Source::Cached);
        let _ = fs::remove_dir_all(&dir);
    }
}
