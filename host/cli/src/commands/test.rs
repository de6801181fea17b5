//! `wegwijs test --region DIR`: reads a region bundle, loads its components
//! exactly as activation would, runs the bundle's own cases against it and
//! prints, per failing case, each field expected versus found.

use super::InputError;
use clap::Args;
use std::fmt::Write as _;
use std::path::PathBuf;
use wegwijs::Host;

/// Run a region bundle's own cases against it.
#[derive(Debug, Args)]
pub(crate) struct TestCommand {
    /// The region bundle directory (holding region.toml and cases/).
    #[arg(long, value_name = "DIR")]
    region: PathBuf,
}

impl TestCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        let host = Host::builder().build()?;
        let report = host.test_bundle(&self.region).map_err(|e| InputError(e.to_string()))?;
        let mut out = String::new();
        let r = &report.region;
        let _ = writeln!(out, "region {} ({}, revision {}) · {}", r.id, r.name, r.revision, r.gemeenten.join(", "));
        for c in &r.components {
            let _ = writeln!(out, "  own {} component {} sha256 {}", c.stage, c.name, &c.sha256[..12]);
        }
        let (mut passed, mut failed) = (0, 0);
        for (path, file) in &report.files {
            let _ = writeln!(out, "\n{path}");
            for (name, result) in &file.results {
                match result {
                    Ok(m) if m.is_empty() => {
                        passed += 1;
                        let _ = writeln!(out, "  ok    {name}");
                    }
                    Ok(mismatches) => {
                        failed += 1;
                        let _ = writeln!(out, "  FAIL  {name}");
                        for m in mismatches {
                            let _ = writeln!(out, "        {}: expected {}, found {}", m.field, m.expected, m.actual);
                        }
                    }
                    Err(e) => {
                        failed += 1;
                        let _ = writeln!(out, "  FAIL  {name}\n        {e}");
                    }
                }
            }
        }
        if passed + failed == 0 {
            let _ = writeln!(out, "\nno cases: add case files under cases/ (the host refuses a bundle without them)");
        }
        let _ = writeln!(out, "\n{passed} passed, {failed} failed");
        print!("{out}");
        Ok(if failed > 0 || passed == 0 { crate::exit::FAILED } else { crate::exit::OK })
    }
}
