//! Running a corpus through one configuration: the national defaults or one
//! region bundle, each in a host of its own (so two bundles with the same id
//! or the same gemeenten can be compared), forced with
//! `DecideOptions::in_region` whatever gemeente a signal names. The signals
//! are shared out over worker threads; each keeps its own tally, and the
//! tallies are summed, so the result does not depend on scheduling. With a
//! baseline's results the run also collects the shifts against it
//! (`sim::shift`), merged the same way.

use super::progress::Progress;
use super::shift::{Partners, Shifts, partners_of};
use super::tally::Tally;
use crate::commands::InputError;
use anyhow::Context;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use wegwijs::types::say;
use wegwijs::{DecideOptions, Decision, Host, NATIONAL_DEFAULT, Signal};

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
        let lang = crate::commands::language();
        let national = spec == "national" || spec == NATIONAL_DEFAULT;
        let dir = Path::new(spec);
        if !national && !dir.is_dir() {
            return Err(InputError(say!(
                lang,
                "geen regiobundel in {spec}: geef een bundelmap (met region.toml), of `national` voor de landelijke standaard",
                "no region bundle at {spec}: give a bundle directory (holding region.toml), or `national` for the national defaults"
            ))
            .into());
        }
        let host = crate::commands::build_host(Host::builder().pseudonym_key(PSEUDONYM_KEY))?;
        if national {
            return Ok(Configuration {
                id: NATIONAL_DEFAULT.to_string(),
                name: lang.pick("landelijke standaard", "national default").to_string(),
                source: "national".to_string(),
                revision: None,
                host,
            });
        }
        let info = host.activate_dir(dir).map_err(|e| {
            let e = e.message(lang);
            InputError(say!(
                lang,
                "{e}\nvoer `wegwijs test --region {spec}` uit om elk probleem te zien, herstel de bundel en probeer het opnieuw",
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

    /// Decides one signal, as [`Configuration::run`] decides each: for the
    /// example a report shows.
    pub(crate) fn decide(&self, signal: &Signal) -> anyhow::Result<Decision> {
        Ok(self.host.decide_with(signal, &DecideOptions::default().in_region(self.id.clone()))?)
    }

    /// Decides every signal on `threads` threads. Returns the tally, the
    /// wall time of deciding (host start-up and loading excluded), the
    /// partners of each signal's routes (in corpus order), and, when
    /// `baseline` gives another run's partners, the shifts against it.
    pub(crate) fn run(&self, signals: &[Signal], threads: usize, baseline: Option<&[Partners]>) -> anyhow::Result<Run> {
        let progress = Progress::start(&self.id, signals.len() as u64);
        let next = AtomicUsize::new(0);
        let options = DecideOptions::default().in_region(self.id.clone());
        let started = Instant::now();
        let results: Vec<anyhow::Result<Run>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.max(1))
                .map(|_| {
                    let (next, options, progress) = (&next, &options, &progress);
                    let host = self.host.clone();
                    scope.spawn(move || {
                        let mut part = Run::default();
                        loop {
                            let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                            if start >= signals.len() {
                                return Ok(part);
                            }
                            let end = (start + CHUNK).min(signals.len());
                            for (i, signal) in signals[start..end].iter().enumerate() {
                                let index = start + i;
                                let d = host.decide_with(signal, options).with_context(|| deciding(index))?;
                                part.tally.add(&d);
                                part.partners.push(partners_of(&d));
                                part.order.push(index);
                                if let Some(before) = baseline.and_then(|b| b.get(index)) {
                                    part.shifts.add(index, *before, &d);
                                }
                            }
                            progress.add((end - start) as u64);
                        }
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or_else(|_| Err(panicked()))).collect()
        });
        let elapsed = started.elapsed();
        progress.finish();
        let mut total = Run { partners: vec![0; signals.len()], ..Run::default() };
        for r in results {
            let r = r?;
            total.tally.merge(r.tally);
            total.shifts.merge(r.shifts);
            for (index, p) in r.order.into_iter().zip(r.partners) {
                total.partners[index] = p;
            }
        }
        total.elapsed = elapsed;
        Ok(total)
    }
}

/// The context of an error deciding the signal at `index` of the corpus.
fn deciding(index: usize) -> String {
    let n = index + 1;
    say!(crate::commands::language(), "beslissen over signaal {n} van het corpus", "deciding signal {n} of the corpus")
}

/// The error of a worker thread that panicked.
fn panicked() -> anyhow::Error {
    let lang = crate::commands::language();
    anyhow::anyhow!(lang.pick("een werkproces van de simulatie is onverwacht gestopt", "a simulation thread panicked"))
}

/// What one configuration's run found.
#[derive(Debug, Default)]
pub(crate) struct Run {
    /// Its counts.
    pub(crate) tally: Tally,
    /// Its deciding time.
    pub(crate) elapsed: Duration,
    /// Per signal, in corpus order, the partners of its routes.
    pub(crate) partners: Vec<Partners>,
    /// The shifts against the baseline, when one was given.
    pub(crate) shifts: Shifts,
    /// Within one thread: the signal index of each entry of `partners`.
    order: Vec<usize>,
}
