//! `wegwijs wit`: writes the host's WIT contract into a directory, so a
//! component project can generate its bindings from the contract of the
//! host that will run it, wherever the project lives.
//!
//! The files of `wit/` are embedded in the binary at compile time, so an
//! installed `wegwijs` needs no source checkout. Files that are already
//! there with the same contents are left alone; a file that differs is
//! overwritten only with `--force`, and then nothing is written unless every
//! file can be.

use super::InputError;
use clap::Args;
use std::path::{Path, PathBuf};
use wegwijs::types::say;

/// The files of the host's WIT contract (`wit/`), as this binary was built
/// with them.
pub(crate) const WIT: [(&str, &str); 4] = [
    ("host.wit", include_str!("../../../../wit/host.wit")),
    ("stages.wit", include_str!("../../../../wit/stages.wit")),
    ("types.wit", include_str!("../../../../wit/types.wit")),
    ("worlds.wit", include_str!("../../../../wit/worlds.wit")),
];

/// Write the host's WIT contract into a directory.
#[derive(Debug, Args)]
#[command(
    about = concat!(
        "Write the host's WIT contract (",
        wegwijs::types::wit_package!(),
        "@",
        wegwijs::types::wit_version!(),
        ") into a directory, to build a component against"
    ),
    long_about = concat!(
        "Write the host's WIT contract (",
        wegwijs::types::wit_package!(),
        "@",
        wegwijs::types::wit_version!(),
        ") into a directory, to build a component against.\n\n",
        "The contract is built into this binary: it is exactly the one this host runs components with, ",
        "and no wegwijs source checkout is needed. A component's build script generates its bindings from ",
        "it, e.g. `componentize-py -d DIR -w routing-stage ...` after `wegwijs wit --out DIR`. Files already ",
        "there with the same contents are left as they are; a file that differs is overwritten only with ",
        "--force. A component built on purpose against an older version of the contract that this host still ",
        "runs keeps its own copy of that version instead."
    )
)]
pub(crate) struct WitCommand {
    /// The directory to write host.wit, stages.wit, types.wit and
    /// worlds.wit into; created, with its parents, when missing.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Overwrite WIT files in DIR that differ from this host's contract
    /// (without it, such a file is an error and nothing is written).
    #[arg(long)]
    force: bool,
}

/// What happens to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// Not there: written.
    Write,
    /// There, with other contents: overwritten (only with `--force`).
    Overwrite,
    /// There, with these contents: left alone.
    Keep,
}

impl WitCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        let lang = super::language();
        let dir = &self.out;
        let shown = crate::escape::terminal(&dir.display().to_string());
        let (package, version) = (wegwijs::types::WIT_PACKAGE, wegwijs::types::WIT_VERSION);
        if dir.symlink_metadata().is_ok() && !dir.is_dir() {
            return Err(InputError(say!(
                lang,
                "--out {shown}: dat is geen map; kies een map (die mag nog niet bestaan)",
                "--out {shown}: not a directory; name a directory (it may not exist yet)"
            ))
            .into());
        }
        // Every file is looked at before any is written: a refusal leaves
        // the directory as it was.
        let mut plans = Vec::with_capacity(WIT.len());
        let mut differing = Vec::new();
        for (name, text) in WIT {
            let path = dir.join(name);
            let plan = plan(&path, text).map_err(InputError)?;
            if plan == Plan::Overwrite {
                differing.push(name);
            }
            plans.push((name, text, path, plan));
        }
        if !differing.is_empty() && !self.force {
            let differing = differing.join(", ");
            return Err(InputError(say!(
                lang,
                "anders dan het WIT-contract van deze host ({package}@{version}) in {shown}: {differing}; er is niets geschreven. Overschrijf met --force, of kies een andere map",
                "different from this host's WIT contract ({package}@{version}) in {shown}: {differing}; nothing was written. Overwrite with --force, or choose another directory"
            ))
            .into());
        }
        std::fs::create_dir_all(dir).map_err(|e| {
            InputError(say!(lang, "kan de map {shown} niet maken: {e}", "cannot create the directory {shown}: {e}"))
        })?;
        for (name, text, path, plan) in &plans {
            let label = match plan {
                Plan::Keep => lang.pick("ongewijzigd", "unchanged"),
                Plan::Write => lang.pick("geschreven", "wrote"),
                Plan::Overwrite => lang.pick("overschreven", "overwrote"),
            };
            let file = crate::escape::terminal(&dir.join(name).display().to_string());
            if *plan != Plan::Keep {
                write(path, text).map_err(|e| {
                    InputError(say!(lang, "kan {file} niet schrijven: {e}", "cannot write {file}: {e}"))
                })?;
            }
            println!("{label:<12} {file}");
        }
        println!(
            "{}",
            say!(
                lang,
                "het WIT-contract {package}@{version} staat in {shown}",
                "the WIT contract {package}@{version} is in {shown}"
            )
        );
        Ok(crate::exit::OK)
    }
}

/// What to do with the file at `path`, which should hold `text`. Anything
/// there but a regular file (a directory, a symbolic link) is refused, even
/// with `--force`: the command writes only its own files.
fn plan(path: &Path, text: &str) -> Result<Plan, String> {
    let lang = super::language();
    let shown = crate::escape::terminal(&path.display().to_string());
    match path.symlink_metadata() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Plan::Write),
        Err(e) => Err(say!(lang, "kan {shown} niet lezen: {e}", "cannot read {shown}: {e}")),
        Ok(meta) if !meta.file_type().is_file() => Err(say!(
            lang,
            "{shown} bestaat en is geen gewoon bestand; haal het weg of kies een andere map",
            "{shown} exists and is not a regular file; remove it or choose another directory"
        )),
        Ok(_) => match std::fs::read(path) {
            Ok(bytes) if bytes == text.as_bytes() => Ok(Plan::Keep),
            Ok(_) => Ok(Plan::Overwrite),
            Err(e) => Err(say!(lang, "kan {shown} niet lezen: {e}", "cannot read {shown}: {e}")),
        },
    }
}

/// Writes `text` to `path` through a temporary file in the same directory,
/// so a reader never sees half a file.
fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temp, text)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_contract_names_the_version_of_the_sdk_types() {
        let worlds = WIT.iter().find(|(n, _)| *n == "worlds.wit").map(|(_, t)| *t).unwrap_or_default();
        let package = format!("package {}@{};", wegwijs::types::WIT_PACKAGE, wegwijs::types::WIT_VERSION);
        assert!(worlds.contains(&package), "worlds.wit declares {package}");
    }
}
