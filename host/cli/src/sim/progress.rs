//! A progress line on standard error for long simulations: a bar, the count
//! and the current rate, redrawn a few times a second by its own thread so
//! the workers only bump a counter. It is drawn only when standard error is
//! a terminal, so redirected output and CI logs never contain it, and it
//! never touches standard output, where the report goes.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Width of the bar in characters.
const BAR: usize = 30;

/// How often the line is redrawn.
const TICK: Duration = Duration::from_millis(150);

#[derive(Debug)]
struct Shared {
    done: AtomicU64,
    finished: AtomicBool,
}

/// A running progress line; call [`Progress::finish`] to clear it.
#[derive(Debug)]
pub(crate) struct Progress {
    shared: Arc<Shared>,
    drawer: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts a line labelled `label` for `total` items; hidden unless
    /// standard error is a terminal.
    pub(crate) fn start(label: &str, total: u64) -> Progress {
        let shared = Arc::new(Shared { done: AtomicU64::new(0), finished: AtomicBool::new(false) });
        let drawer = std::io::stderr().is_terminal().then(|| {
            let shared = Arc::clone(&shared);
            let (label, lang) = (label.to_string(), crate::commands::language());
            std::thread::spawn(move || draw_until_finished(&shared, &label, total, lang))
        });
        Progress { shared, drawer }
    }

    /// Counts `n` more items done.
    pub(crate) fn add(&self, n: u64) {
        self.shared.done.fetch_add(n, Ordering::Relaxed);
    }

    /// Stops drawing and clears the line.
    pub(crate) fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.shared.finished.store(true, Ordering::Relaxed);
        if let Some(drawer) = self.drawer.take() {
            // The drawer only writes to stderr; if it panicked there is
            // nothing left to clean up.
            let _ = drawer.join();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        // An error path drops the progress without finish(): still clear it.
        self.stop();
    }
}

fn draw_until_finished(shared: &Shared, label: &str, total: u64, lang: wegwijs::Language) {
    let started = Instant::now();
    let mut err = std::io::stderr();
    while !shared.finished.load(Ordering::Relaxed) {
        let done = shared.done.load(Ordering::Relaxed).min(total);
        let _ = write!(err, "\r\x1b[2K{}", line(label, done, total, started.elapsed(), lang));
        let _ = err.flush();
        std::thread::sleep(TICK);
    }
    let _ = write!(err, "\r\x1b[2K");
    let _ = err.flush();
}

/// The progress line for `done` of `total` after `elapsed`, in `lang`.
pub(crate) fn line(label: &str, done: u64, total: u64, elapsed: Duration, lang: wegwijs::Language) -> String {
    let filled = if total == 0 { BAR } else { (done as f64 / total as f64 * BAR as f64) as usize }.min(BAR);
    let rate = if elapsed.as_secs_f64() > 0.0 { done as f64 / elapsed.as_secs_f64() } else { 0.0 };
    let unit = lang.pick("signalen/s", "signals/s");
    format!("{label} [{}{}] {done}/{total} · {rate:.0} {unit}", "#".repeat(filled), "-".repeat(BAR - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_bar_count_and_rate() {
        use wegwijs::Language::{En, Nl};
        let l = line("regio-d", 50, 200, Duration::from_secs(2), En);
        assert!(l.starts_with("regio-d [#######-----"), "{l}");
        assert!(l.ends_with("50/200 · 25 signals/s"), "{l}");
        let l = line("regio-d", 50, 200, Duration::from_secs(2), Nl);
        assert!(l.ends_with("50/200 · 25 signalen/s"), "{l}");
        assert!(line("x", 0, 0, Duration::ZERO, Nl).contains(&"#".repeat(BAR)));
    }
}
