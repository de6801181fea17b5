//! The decision log: an append-only, hash-chained, masked record of every
//! decision the host made and of what the professional did with it, so an
//! organisation can show afterwards what was recommended for a child, by
//! which rules and components (NEN 7513 in spirit), without the log
//! becoming a second patient file (`docs/audit.md`).
//!
//! A record counts as written only once it is durable under the log's
//! [`Durability`]: [`Host::decide_with`](crate::Host::decide_with) and
//! [`DecisionLog::append_feedback`] return after that (and
//! [`Pending::wait`] for [`Host::decide_pending`](crate::Host::decide_pending)),
//! so every answer a client received is in the log. Opening a log after a crash cuts off an
//! incomplete last record and writes a [`RecoveryEntry`] saying so; a log
//! whose chain is broken anywhere else is not written to at all.

mod chain;
mod record;

pub use chain::{Broken, GENESIS, Position, Torn, Verification, read, scan, verify};
pub use record::{
    DecisionEntry, Entry, FeedbackEntry, FeedbackOutcome, LoggedComponent, LoggedConsent, LoggedFault, LoggedGuardrail,
    LoggedRoute, MAX_COMMENT_BYTES, MAX_REASON_BYTES, MaskedSignal, Outcome, Record, RecoveryEntry, clean_text,
    mask_comment, reason_code,
};

use crate::decision::Decision;
use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher as _, RandomState};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime};
use wegwijs_types as m;

/// When a record counts as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// `fsync` after every record, one at a time: the simplest guarantee,
    /// and every append waits for the disk on its own.
    EveryRecord,
    /// Group commit: appends that arrive together share one `fsync`. While
    /// one `fsync` runs, the appends that arrive meanwhile gather, and the
    /// next `fsync` covers them all; the first of them may also wait up to
    /// `window` for more to join (less once `max_records` have). Every
    /// append returns only after its record is on disk, like
    /// [`Durability::EveryRecord`].
    Batch {
        /// The longest the first append of a batch waits for others before
        /// the `fsync`; zero: none (the batch is what gathered during the
        /// previous `fsync`), which measured best (`docs/audit.md`).
        window: Duration,
        /// A batch this large is synced at once.
        max_records: usize,
    },
}

impl Default for Durability {
    /// Batches of at most 64 records, without a window.
    fn default() -> Self {
        Durability::Batch { window: Duration::ZERO, max_records: 64 }
    }
}

/// How a log is opened.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct LogOptions {
    /// When a record counts as written (default: [`Durability::default`]).
    pub durability: Durability,
    /// A segment is closed and the next begun once it holds this many
    /// bytes (default 64 MiB).
    pub segment_bytes: u64,
}

impl Default for LogOptions {
    fn default() -> Self {
        LogOptions { durability: Durability::default(), segment_bytes: 64 << 20 }
    }
}

impl LogOptions {
    /// The defaults with this durability.
    pub fn with_durability(durability: Durability) -> Self {
        LogOptions { durability, ..LogOptions::default() }
    }
}

/// Why the log cannot be opened or written.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum AuditError {
    /// A file operation failed.
    #[error("decision log {path}: {detail}")]
    Io {
        /// The file or directory.
        path: String,
        /// What failed.
        detail: String,
    },
    /// The chain is broken before its end; nothing is appended to it.
    #[error(
        "decision log {dir}: {position}: {reason}; nothing is written to a broken log (check it with `wegwijs audit verify`)"
    )]
    Broken {
        /// The log's directory.
        dir: String,
        /// The first broken record.
        position: Position,
        /// Why.
        reason: String,
    },
    /// Another process holds the log.
    #[error("decision log {dir} is in use by another process")]
    Locked {
        /// The log's directory.
        dir: String,
    },
    /// An earlier write or sync failed; the log takes no more records
    /// until it is opened again.
    #[error("decision log {dir} stopped after a failed write: {detail}")]
    Stopped {
        /// The log's directory.
        dir: String,
        /// The failure.
        detail: String,
    },
}

/// What [`DecisionLog::open`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// Records in the log, including a recovery record written now.
    pub records: u64,
    /// An incomplete last record that was cut off (and recorded).
    pub truncated: Option<Torn>,
}

/// A record written to the log but perhaps not yet durable: answer only
/// after [`Pending::wait`] returned. Splitting the two lets a caller free
/// what it holds for the decision (a service's decision slot) before it
/// waits for the disk.
#[derive(Debug)]
#[must_use = "a record is not durable until `wait` returns"]
pub struct Pending {
    log: DecisionLog,
    seq: u64,
}

impl Pending {
    /// Waits until the record is durable under the log's [`Durability`];
    /// returns its seq.
    pub fn wait(self) -> Result<u64, AuditError> {
        self.log.wait_durable(self.seq)
    }

    /// The record's position in the log.
    pub fn seq(&self) -> u64 {
        self.seq
    }
}

/// An open decision log, shared by every thread that decides.
#[derive(Debug, Clone)]
pub struct DecisionLog {
    inner: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    dir: PathBuf,
    options: LogOptions,
    state: Mutex<State>,
    synced: Condvar,
    // Held for the log's life: the advisory lock that keeps a second
    // process from writing the same chain.
    _lock: File,
}

#[derive(Debug)]
struct State {
    file: Arc<File>,
    segment: u64,
    segment_len: u64,
    next_seq: u64,
    head: String,
    /// The last seq written to the file.
    written: u64,
    /// The last seq known to be on disk.
    synced: u64,
    syncing: bool,
    failed: Option<String>,
    /// The decisions in the log, by a keyed 64-bit hash of their id: a
    /// few dozen bytes per decision however long the service runs.
    decisions: HashSet<u64>,
    ids: RandomState,
}

impl DecisionLog {
    /// Opens (or creates) the log in `dir`. The last segment is read: an
    /// incomplete last record is cut off and a recovery record written; any
    /// other break refuses the log. Every segment is read for the ids of
    /// the decisions it holds, so feedback can be checked against them.
    pub fn open(dir: impl AsRef<Path>, options: LogOptions) -> Result<(DecisionLog, Opened), AuditError> {
        let dir = dir.as_ref().to_path_buf();
        let io =
            |path: &Path, e: std::io::Error| AuditError::Io { path: path.display().to_string(), detail: e.to_string() };
        fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
        let lock = lock(&dir)?;
        let check = verify(&dir).map_err(|e| io(&dir, e))?;
        if let Some(b) = check.broken {
            return Err(AuditError::Broken { dir: dir.display().to_string(), position: b.position, reason: b.reason });
        }
        let ids = RandomState::new();
        let mut decisions = HashSet::new();
        scan(&dir, |_, record, _, _| {
            if let Entry::Decision(d) = record.entry {
                decisions.insert(ids.hash_one(&d.id));
            }
            true
        })
        .map_err(|e| io(&dir, e))?;
        let existing = chain::segments(&dir).map_err(|e| io(&dir, e))?;
        let segment = existing.last().map_or(1, |(n, _)| *n);
        let path = dir.join(chain::segment_name(segment));
        if let Some(torn) = &check.torn {
            let len = fs::metadata(&path).map_err(|e| io(&path, e))?.len();
            let file = OpenOptions::new().write(true).open(&path).map_err(|e| io(&path, e))?;
            file.set_len(len - torn.bytes).map_err(|e| io(&path, e))?;
            file.sync_all().map_err(|e| io(&path, e))?;
        }
        let file = open_segment(&path).map_err(|e| io(&path, e))?;
        if existing.is_empty() {
            sync_dir(&dir).map_err(|e| io(&dir, e))?;
        }
        let segment_len = file.metadata().map_err(|e| io(&path, e))?.len();
        let (last_seq, head) = check.head.clone().unwrap_or((0, GENESIS.to_string()));
        let log = DecisionLog {
            inner: Arc::new(Shared {
                dir,
                options,
                state: Mutex::new(State {
                    file: Arc::new(file),
                    segment,
                    segment_len,
                    next_seq: last_seq + 1,
                    head,
                    written: last_seq,
                    synced: last_seq,
                    syncing: false,
                    failed: None,
                    decisions,
                    ids,
                }),
                synced: Condvar::new(),
                _lock: lock,
            }),
        };
        if let Some(torn) = &check.torn {
            log.append(Entry::Recovery(RecoveryEntry {
                segment: torn.position.segment.clone(),
                truncated_bytes: torn.bytes,
            }))?;
        }
        let records = log.state().written;
        Ok((log, Opened { records, truncated: check.torn }))
    }

    /// The log's directory.
    pub fn dir(&self) -> &Path {
        &self.inner.dir
    }

    /// Its options.
    pub fn options(&self) -> &LogOptions {
        &self.inner.options
    }

    /// Whether a decision with this id is in the log.
    pub fn has_decision(&self, id: &str) -> bool {
        let state = self.state();
        state.decisions.contains(&state.ids.hash_one(id))
    }

    /// Writes `decision` (made from `case`) under `id`; durable once the
    /// returned [`Pending`] says so.
    pub(crate) fn write_decision(
        &self,
        id: &str,
        decision: &Decision,
        case: &m::ChildCase,
    ) -> Result<Pending, AuditError> {
        self.write(Entry::Decision(Box::new(DecisionEntry::new(id, decision, case))))
    }

    /// Appends what a professional did with a decision; returns once it is
    /// durable, with whether the decision is in this log (the entry's
    /// `decision_in_log` is set here, whatever the caller put in it).
    pub fn append_feedback(&self, mut feedback: FeedbackEntry) -> Result<(u64, bool), AuditError> {
        feedback.decision_in_log = self.has_decision(&feedback.decision);
        let known = feedback.decision_in_log;
        self.append(Entry::Feedback(feedback)).map(|seq| (seq, known))
    }

    /// Appends one record and waits until it is durable; returns its seq.
    fn append(&self, entry: Entry) -> Result<u64, AuditError> {
        self.write(entry)?.wait()
    }

    /// Writes one record to the file; it is durable once the returned
    /// [`Pending`] says so (at once with [`Durability::EveryRecord`]).
    fn write(&self, entry: Entry) -> Result<Pending, AuditError> {
        let mut state = self.state();
        if let Some(detail) = &state.failed {
            return Err(self.stopped(detail));
        }
        let decision_id = match &entry {
            Entry::Decision(d) => Some(d.id.clone()),
            _ => None,
        };
        let record = Record { seq: state.next_seq, prev: state.head.clone(), time: now_utc(), entry };
        let (line, hash) = chain::encode(&record)
            .map_err(|e| AuditError::Io { path: self.inner.dir.display().to_string(), detail: e.to_string() })?;
        if state.segment_len > 0 && state.segment_len + line.len() as u64 > self.inner.options.segment_bytes {
            self.rotate(&mut state)?;
        }
        if let Err(e) = (&*state.file).write_all(&line) {
            // Cut back what part of the line reached the file, so the next
            // record does not follow garbage; if even that fails, stop.
            let detail = e.to_string();
            if state.file.set_len(state.segment_len).is_err() {
                state.failed = Some(detail.clone());
            }
            return Err(self.stopped(&detail));
        }
        let seq = record.seq;
        state.segment_len += line.len() as u64;
        state.next_seq += 1;
        state.head = hash;
        state.written = seq;
        if let Some(id) = decision_id {
            let key = state.ids.hash_one(&id);
            state.decisions.insert(key);
        }
        if self.inner.options.durability == Durability::EveryRecord {
            if let Err(e) = state.file.sync_data() {
                state.failed = Some(e.to_string());
                return Err(self.stopped(&e.to_string()));
            }
            state.synced = seq;
        }
        Ok(Pending { log: self.clone(), seq })
    }

    /// Waits until record `seq` is durable.
    fn wait_durable(&self, seq: u64) -> Result<u64, AuditError> {
        let state = self.state();
        match self.inner.options.durability {
            Durability::EveryRecord if state.synced >= seq => Ok(seq),
            Durability::EveryRecord => {
                Err(self.stopped(state.failed.as_deref().unwrap_or("the record was not synced")))
            }
            Durability::Batch { window, max_records } => self.wait_synced(state, seq, window, max_records.max(1)),
        }
    }

    /// Group commit: the first waiter becomes the leader, gathers others
    /// for up to `window`, syncs once for all of them and wakes them.
    fn wait_synced<'s>(
        &'s self,
        mut state: MutexGuard<'s, State>,
        seq: u64,
        window: Duration,
        max_records: usize,
    ) -> Result<u64, AuditError> {
        self.inner.synced.notify_all();
        loop {
            if state.synced >= seq {
                return Ok(seq);
            }
            if let Some(detail) = &state.failed {
                return Err(self.stopped(detail));
            }
            if state.syncing {
                state = self.inner.synced.wait(state).unwrap_or_else(PoisonError::into_inner);
                continue;
            }
            state.syncing = true;
            let deadline = Instant::now() + window;
            while state.written - state.synced < max_records as u64 {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                state = self.inner.synced.wait_timeout(state, left).unwrap_or_else(PoisonError::into_inner).0;
            }
            let target = state.written;
            let file = Arc::clone(&state.file);
            drop(state);
            let synced = file.sync_data();
            state = self.state();
            state.syncing = false;
            match synced {
                Ok(()) => state.synced = state.synced.max(target),
                Err(e) => state.failed = Some(e.to_string()),
            }
            self.inner.synced.notify_all();
        }
    }

    /// Closes the current segment (synced) and begins the next.
    fn rotate(&self, state: &mut State) -> Result<(), AuditError> {
        let fail = |state: &mut State, e: std::io::Error| {
            state.failed = Some(e.to_string());
            self.stopped(&e.to_string())
        };
        if let Err(e) = state.file.sync_data() {
            return Err(fail(state, e));
        }
        state.synced = state.written;
        let path = self.inner.dir.join(chain::segment_name(state.segment + 1));
        let file = match open_segment(&path).and_then(|f| sync_dir(&self.inner.dir).map(|()| f)) {
            Ok(f) => f,
            Err(e) => return Err(fail(state, e)),
        };
        state.file = Arc::new(file);
        state.segment += 1;
        state.segment_len = 0;
        self.inner.synced.notify_all();
        Ok(())
    }

    fn stopped(&self, detail: &str) -> AuditError {
        AuditError::Stopped { dir: self.inner.dir.display().to_string(), detail: detail.to_string() }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave a half-written
        // record unnoticed: the file length is only counted after a
        // complete write, and a failed write stops the log.
        self.inner.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn open_segment(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)
}

/// Makes a new file's directory entry durable.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Takes the log's advisory lock (`DIR/.lock`), so two processes never
/// extend one chain; the kernel drops it when the process dies.
fn lock(dir: &Path) -> Result<File, AuditError> {
    let path = dir.join(".lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| AuditError::Io { path: path.display().to_string(), detail: e.to_string() })?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd as _;
        // SAFETY: flock on a descriptor this function owns; no memory is shared.
        let taken = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if taken != 0 {
            return Err(AuditError::Locked { dir: dir.display().to_string() });
        }
    }
    Ok(file)
}

/// The time now, UTC, RFC 3339 with milliseconds, as the log writes it.
pub fn now_utc() -> String {
    let since = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs() as i64;
    let (year, month, day) = wegwijs_kit::civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        since.subsec_millis()
    )
}

/// A fresh decision id: 122 random bits as an RFC 9562 version-4 uuid.
pub fn random_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut bytes = [0u8; 16];
    for (i, half) in bytes.chunks_mut(8).enumerate() {
        // RandomState is seeded from the operating system per instance.
        let mut h = std::hash::RandomState::new().build_hasher();
        h.write_u64(n);
        h.write_usize(i);
        half.copy_from_slice(&h.finish().to_be_bytes());
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let h: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

#[cfg(test)]
mod tests;
