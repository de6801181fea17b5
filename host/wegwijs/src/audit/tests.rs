//! The log's chain under writing, rotation, reopening, crashes and
//! tampering. Records here are recovery notes, which need no decision; the
//! decision records are tested where the host writes them.

use super::*;
use proptest::prelude::*;
use std::path::Path;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wegwijs-audit-{name}-{}-{}", std::process::id(), random_id()));
    fs::create_dir_all(&dir).expect("a temp dir");
    dir
}

fn note(i: u64) -> Entry {
    Entry::Recovery(RecoveryEntry { segment: format!("note {i}"), truncated_bytes: i })
}

fn write(dir: &Path, options: LogOptions, n: u64) -> DecisionLog {
    let (log, _) = DecisionLog::open(dir, options).expect("the log opens");
    for i in 0..n {
        log.append(note(i)).expect("appended");
    }
    log
}

fn small_segments() -> LogOptions {
    LogOptions { durability: Durability::EveryRecord, segment_bytes: 600 }
}

#[test]
fn records_chain_across_segments_and_reopening() {
    let dir = temp_dir("chain");
    drop(write(&dir, small_segments(), 7));
    let (log, opened) = DecisionLog::open(&dir, small_segments()).expect("reopens");
    assert_eq!(opened, Opened { records: 7, truncated: None });
    assert_eq!(log.append(note(7)).expect("appended"), 8);
    drop(log);
    let v = verify(&dir).expect("readable");
    assert!(v.intact(), "{v:?}");
    assert_eq!(v.records, 8);
    assert!(v.segments >= 3, "small segments rotate: {v:?}");
    assert_eq!(v.head.as_ref().map(|h| h.0), Some(8));
    let records = read(&dir).expect("readable");
    assert_eq!(records.iter().map(|r| r.1.seq).collect::<Vec<_>>(), (1..=8).collect::<Vec<_>>());
    assert_eq!(records[0].1.prev, GENESIS);
    for pair in records.windows(2) {
        assert_eq!(pair[1].1.prev, pair[0].2);
    }
}

#[test]
fn a_torn_last_record_is_reported_then_cut_off_and_recorded_on_opening() {
    let dir = temp_dir("torn");
    drop(write(&dir, LogOptions::default(), 3));
    let segment = dir.join(chain::segment_name(1));
    let whole = fs::read(&segment).expect("readable");
    let mut file = OpenOptions::new().append(true).open(&segment).expect("opens");
    file.write_all(b"{\"hash\":\"ab").expect("written");
    drop(file);
    let v = verify(&dir).expect("readable");
    assert!(v.intact());
    assert_eq!(v.torn, Some(Torn { position: Position { segment: chain::segment_name(1), line: 4 }, bytes: 11 }));
    let (log, opened) = DecisionLog::open(&dir, LogOptions::default()).expect("reopens");
    assert_eq!(opened.truncated.map(|t| t.bytes), Some(11));
    assert_eq!(opened.records, 4, "the recovery note is the fourth record");
    drop(log);
    let v = verify(&dir).expect("readable");
    assert!(v.intact() && v.torn.is_none(), "{v:?}");
    let after = fs::read(&segment).expect("readable");
    assert!(after.starts_with(&whole), "the three whole records are kept as they were");
    let last = read(&dir).expect("readable").pop().expect("a record").1;
    assert_eq!(last.entry, Entry::Recovery(RecoveryEntry { segment: chain::segment_name(1), truncated_bytes: 11 }));
}

#[test]
fn a_broken_log_is_not_written_to() {
    let dir = temp_dir("broken");
    drop(write(&dir, LogOptions::default(), 3));
    let segment = dir.join(chain::segment_name(1));
    let text = fs::read_to_string(&segment).expect("readable").replace("note 1", "note 9");
    fs::write(&segment, text).expect("written");
    match DecisionLog::open(&dir, LogOptions::default()) {
        Err(AuditError::Broken { position, reason, .. }) => {
            assert_eq!(position.line, 2);
            assert!(reason.contains("changed after it was written"), "{reason}");
        }
        other => panic!("a broken log must be refused, got {other:?}"),
    }
}

#[test]
fn one_process_at_a_time_writes_a_log() {
    let dir = temp_dir("lock");
    let first = write(&dir, LogOptions::default(), 1);
    assert!(matches!(DecisionLog::open(&dir, LogOptions::default()), Err(AuditError::Locked { .. })));
    drop(first);
    assert!(DecisionLog::open(&dir, LogOptions::default()).is_ok());
}

#[test]
fn feedback_says_whether_its_decision_is_in_this_log() {
    let dir = temp_dir("feedback");
    let log = write(&dir, LogOptions::default(), 0);
    let feedback = FeedbackEntry {
        decision: "not-a-decision".into(),
        outcome: FeedbackOutcome::Accepted,
        routes: vec![0],
        reason: None,
        comment: None,
        via: "api".into(),
        decision_in_log: true,
    };
    assert_eq!(log.append_feedback(feedback).expect("appended"), (1, false));
    let record = read(&dir).expect("readable").pop().expect("a record").1;
    assert!(matches!(record.entry, Entry::Feedback(FeedbackEntry { decision_in_log: false, .. })));
}

#[test]
fn a_batch_commits_many_writers_without_losing_or_repeating_a_record() {
    let dir = temp_dir("batch");
    let options = LogOptions {
        durability: Durability::Batch { window: Duration::from_millis(1), max_records: 8 },
        segment_bytes: 4096,
    };
    let log = write(&dir, options, 0);
    let seqs: Vec<u64> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..6)
            .map(|t| {
                let log = log.clone();
                s.spawn(move || (0..40).map(|i| log.append(note(t * 100 + i)).expect("appended")).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("no panic")).collect()
    });
    let mut sorted = seqs.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (1..=240).collect::<Vec<_>>());
    let state = log.state();
    assert_eq!(state.synced, 240, "every append returned after its record was synced");
    drop(state);
    let v = verify(&dir).expect("readable");
    assert!(v.intact() && v.records == 240, "{v:?}");
}

/// How a record is tampered with.
#[derive(Debug, Clone)]
enum Tamper {
    /// One byte of its content changed.
    Edit { record: usize, offset: usize },
    /// It is removed (never the last: removing from the end is what the
    /// head, written down elsewhere, is for).
    Delete { record: usize },
    /// A copy of another record is put before it.
    Insert { record: usize, copy_of: usize },
    /// It swaps places with the record after it.
    Swap { record: usize },
}

/// The log's lines, each with its segment.
fn lines(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    chain::segments(dir)
        .expect("readable")
        .into_iter()
        .flat_map(|(_, path)| {
            let bytes = fs::read(&path).expect("readable");
            bytes.split_inclusive(|b| *b == b'\n').map(|l| (path.clone(), l.to_vec())).collect::<Vec<_>>()
        })
        .collect()
}

fn rewrite(dir: &Path, lines: &[(PathBuf, Vec<u8>)]) {
    for (_, path) in chain::segments(dir).expect("readable") {
        let bytes: Vec<u8> = lines.iter().filter(|(p, _)| *p == path).flat_map(|(_, l)| l.clone()).collect();
        fs::write(&path, bytes).expect("written");
    }
}

fn tamper_strategy() -> impl Strategy<Value = (usize, Tamper)> {
    (4usize..14).prop_flat_map(|n| {
        (
            Just(n),
            prop_oneof![
                (0..n, 80usize..200).prop_map(|(record, offset)| Tamper::Edit { record, offset }),
                (0..n - 1).prop_map(|record| Tamper::Delete { record }),
                (0..n, 0..n).prop_map(|(record, copy_of)| Tamper::Insert { record, copy_of }),
                (0..n - 1).prop_map(|record| Tamper::Swap { record }),
            ],
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Editing, removing, inserting or reordering any record, in any
    /// segment, breaks the chain, and `verify` names the first record
    /// that no longer fits.
    #[test]
    fn any_tampering_is_found_at_the_first_record_it_breaks((n, tamper) in tamper_strategy()) {
        let dir = temp_dir("tamper");
        drop(write(&dir, small_segments(), n as u64));
        let mut all = lines(&dir);
        prop_assert_eq!(all.len(), n);
        // The index (in the flat list after tampering) of the first line
        // that no longer fits.
        let first_bad = match tamper {
            Tamper::Edit { record, offset } => {
                let line = &mut all[record].1;
                let at = offset.min(line.len() - 2);
                line[at] = if line[at] == b'7' { b'8' } else { b'7' };
                record
            }
            Tamper::Delete { record } => {
                all.remove(record);
                record
            }
            Tamper::Insert { record, copy_of } => {
                let copy = all[copy_of].1.clone();
                let path = all[record].0.clone();
                all.insert(record, (path, copy));
                // A copy of a record put right before it fits there; the
                // original after it is then the one out of place.
                if copy_of == record { record + 1 } else { record }
            }
            Tamper::Swap { record } => {
                let (a, b) = (all[record].1.clone(), all[record + 1].1.clone());
                all[record].1 = b;
                all[record + 1].1 = a;
                record
            }
        };
        rewrite(&dir, &all);
        let v = verify(&dir).expect("readable");
        let broken = v.broken.clone();
        prop_assert!(broken.is_some(), "{:?} went unnoticed: {:?}", tamper, v);
        let broken = broken.expect("checked");
        let expected_segment = all[first_bad].0.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let expected_line = all[..first_bad].iter().filter(|(p, _)| *p == all[first_bad].0).count() as u64 + 1;
        prop_assert_eq!(broken.position, Position { segment: expected_segment, line: expected_line });
        prop_assert_eq!(v.records, first_bad as u64);
        let _ = fs::remove_dir_all(&dir);
    }
}
