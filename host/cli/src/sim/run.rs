//! Running a corpus through one configuration: the national defaults or one
//! region bundle, each in a host of its own (so two bundles with the same id
//! or the same gemeenten can be compared), forced with
//! `DecideOptions::in_region` whatever gemeente a signal names. The signals
//! are shared out over worker threads; each keeps its own tally, and the
//! tallies are summed, so the result does not depend on scheduling.

use super::progress::Progress;
use super::tally::Tally;
use crate::commands::InputError;
use anyhow::Context;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use wegwijs::{DecideOptions, Host, NATIONAL_DEFAULT, Signal};

/// The key used for pseudonyms: fixed, since a simulation reports counts only.
const PSEUDONYM_KEY: &str = "wegwijs-simulate";

/// Signals a worker takes at a time: large enough that the shared counter is
/// not contended, small enough that threads finish together.
const CHUNK: usize = 32;

/// One configuration to decide in.
#[derive(Debug, Clone)]
pub(crate) struct Configuration {
    /// The region id decisions are forced into, or `national-default`.
    pub(crate) id: String,
    /// A readable name.
    pub(crate) name: String,
    /// Where it came from: a bundle directory, or `national`.
    pub(crate) source: String,
    /// The bundle's revision, for a region.
    pub(crate) revision: Option<u32>,
    host: Host,
}

impl Configuration {
    /// The national defaults (`national`, `national-default`) or the region
    /// bundle in the directory `spec`. A bundle that is missing or refused
    /// is an [`InputError`] saying what to do.
    pub(crate) fn load(spec: &str) -> anyhow::Result<Configuration> {
        let national = spec == "national" || spec == NATIONAL_DEFAULT;
        let dir = Path::new(spec);
        if !national && !dir.is_dir() {
            return Err(InputError(format!(
                "no region bundle at {spec}: give a bundle directory (holding region.toml), or `national` for the national defaults"
            ))
            .into());
        }
        let host = crate::commands::build_host(Host::builder().pseudonym_key(PSEUDONYM_KEY))?;
        if national {
            return Ok(Configuration {
                id: NATIONAL_DEFAULT.to_string(),
                name: "national default".to_string(),
                source: "national".to_string(),
                revision: None,
                host,
            });
        }
        let info = host.activate_dir(dir).map_err(|e| {
            InputError(format!(
                "{e}\nrun `wegwijs test --region {spec}` to see each problem, fix the bundle and try again"
            ))
        })?;
        Ok(Configuration {
            id: info.id,
            name: info.name,
            source: spec.to_string(),
            revision: Some(info.revision),
            host,
        })
    }

    /// Decides every signal on `threads` threads; returns the tally and the
    /// wall time of deciding (host start-up and loading excluded).
    pub(crate) fn run(&self, signals: &[Signal], threads: usize) -> anyhow::Result<(Tally, Duration)> {
        let progress = Progress::start(&self.id, signals.len() as u64);
        let next = AtomicUsize::new(0);
        let options = DecideOptions::default().in_region(self.id.clone());
        let started = Instant::now();
        let results: Vec<anyhow::Result<Tally>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.max(1))
                .map(|_| {
                    let (next, options, progress) = (&next, &options, &progress);
                    let host = self.host.clone();
                    scope.spawn(move || {
                        let mut tally = Tally::default();
                        loop {
                            let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                            if start >= signals.len() {
                                return Ok(tally);
                            }
                            let end = (start + CHUNK).min(signals.len());
                            for (i, signal) in signals[start..end].iter().enumerate() {
                                let d = host
                                    .decide_with(signal, options)
                                    .with_context(|| format!("deciding signal {} of the corpus", start + i + 1))?;
                                tally.add(&d);
                            }
                            progress.add((end - start) as u64);
                        }
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|_| Err(anyhow::anyhow!("a simulation thread panicked"))))
                .collect()
        });
        let elapsed = started.elapsed();
        progress.finish();
        let mut total = Tally::default();
        for r in results {
            total.merge(r?);
        }
        Ok((total, elapsed))
    }
}
