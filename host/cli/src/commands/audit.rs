//! `wegwijs audit`: checks a decision log's chain (`verify`) and prints its
//! records (`show`) for a decision or a time range, as text for a person or
//! as JSON Lines for a SIEM. The log is read only; what is in it is
//! already masked (`docs/audit.md`), and every field shown as text passes
//! through the terminal escaping, since a log file is just a file anyone
//! with access to the disk could have changed.

use super::InputError;
use crate::escape;
use clap::{Args, Subcommand};
use std::path::PathBuf;
use wegwijs::audit::{Entry, FeedbackOutcome, Record};
use wegwijs::types::say;

/// Check or read a decision log (`wegwijs serve --log-dir`, `wegwijs run --log-dir`).
#[derive(Debug, Args)]
pub(crate) struct AuditCommand {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Check every record's hash and every link of the chain, across
    /// segments; report the first broken record by segment and line (exit 4).
    Verify {
        /// The log's directory.
        dir: PathBuf,
        /// The head written down earlier (`SEQ:HASH`, as `verify` prints
        /// it): also fail when that record is no longer in the log, i.e.
        /// records were removed from the end.
        #[arg(long, value_name = "SEQ:HASH")]
        expect_head: Option<String>,
    },
    /// Print records, masked as they are stored: by decision id (the
    /// decision and its feedback) and/or a time range.
    Show {
        /// The log's directory.
        dir: PathBuf,
        /// Only this decision and the feedback on it.
        #[arg(long, value_name = "ID")]
        decision: Option<String>,
        /// Only records written at or after this UTC time (`2026-12-05` or
        /// `2026-12-05T14:30:00Z`).
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// Only records written before this UTC time.
        #[arg(long, value_name = "TIME")]
        until: Option<String>,
        /// JSON Lines, exactly as stored (for a SIEM).
        #[arg(long)]
        json: bool,
    },
}

impl AuditCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        match self.action {
            Action::Verify { dir, expect_head } => verify(&dir, expect_head.as_deref()),
            Action::Show { dir, decision, since, until, json } => {
                let since = since.map(|t| time_bound("--since", &t)).transpose()?;
                let until = until.map(|t| time_bound("--until", &t)).transpose()?;
                show(&dir, decision.as_deref(), since.as_deref(), until.as_deref(), json)
            }
        }
    }
}

fn readable(dir: &std::path::Path) -> anyhow::Result<()> {
    if !dir.is_dir() {
        let shown = dir.display();
        return Err(InputError(say!(
            super::language(),
            "{shown} is geen map (een beslislogboek is een map)",
            "{shown} is not a directory (a decision log is one)"
        ))
        .into());
    }
    Ok(())
}

fn verify(dir: &std::path::Path, expect_head: Option<&str>) -> anyhow::Result<u8> {
    readable(dir)?;
    let expected = match expect_head {
        None => None,
        Some(text) => {
            let parsed = text.split_once(':').and_then(|(seq, hash)| {
                let ok = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
                seq.parse::<u64>().ok().filter(|_| ok).map(|seq| (seq, hash.to_ascii_lowercase()))
            });
            let wrong = super::language().pick(
                "--expect-head verwacht SEQ:HASH, bijv. 1042:3f2a… (64 hexadecimale cijfers)",
                "--expect-head takes SEQ:HASH, e.g. 1042:3f2a… (64 hex digits)",
            );
            Some(parsed.ok_or_else(|| InputError(wrong.into()))?)
        }
    };
    let v = wegwijs::audit::verify(dir).map_err(|e| cannot_read(dir, &e))?;
    let name = escape::terminal(&dir.display().to_string());
    if let Some(broken) = &v.broken {
        println!("BROKEN {name}: {} — {}", broken.position, escape::terminal(&broken.reason));
        println!("{} record(s) before it are intact.", v.records);
        return Ok(crate::exit::FAILED);
    }
    if let Some((seq, hash)) = &expected {
        let records = wegwijs::audit::read(dir).unwrap_or_default();
        let found = records.iter().any(|(_, r, h)| r.seq == *seq && h == hash);
        if !found {
            println!(
                "BROKEN {name}: record {seq} with the expected hash is not in the log — records were removed from \
                 the end, or the log was replaced"
            );
            return Ok(crate::exit::FAILED);
        }
    }
    match &v.head {
        Some((seq, hash)) => {
            println!("OK {name}: {} record(s) in {} segment(s), every hash and link intact", v.records, v.segments);
            println!("head {seq}:{hash}");
        }
        None => println!("OK {name}: empty"),
    }
    if let Some(torn) = &v.torn {
        println!(
            "note: {} has an incomplete last record ({} bytes), left by a crash while writing; it was never \
             answered, and the next start of the service cuts it off and records that",
            torn.position, torn.bytes
        );
    }
    Ok(crate::exit::OK)
}

/// A time bound as the log writes times (`YYYY-MM-DDTHH:MM:SS.mmmZ`), so
/// that it compares as text: a date, or a date and time in UTC.
fn time_bound(flag: &str, text: &str) -> anyhow::Result<String> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    match b.len() {
        10 if date => Ok(text.to_string()),
        20 if date
            && b[10] == b'T'
            && digits(11..13)
            && b[13] == b':'
            && digits(14..16)
            && b[16] == b':'
            && digits(17..19)
            && b[19] == b'Z' =>
        {
            Ok(format!("{}.000Z", &text[..19]))
        }
        _ => {
            let text = escape::terminal(text);
            Err(InputError(say!(
                super::language(),
                "{flag} verwacht een UTC-datum (2026-12-05) of een datum en tijd (2026-12-05T14:30:00Z), niet `{text}`",
                "{flag} takes a UTC date (2026-12-05) or date and time (2026-12-05T14:30:00Z), not `{text}`"
            ))
            .into())
        }
    }
}

fn show(
    dir: &std::path::Path,
    decision: Option<&str>,
    since: Option<&str>,
    until: Option<&str>,
    json: bool,
) -> anyhow::Result<u8> {
    readable(dir)?;
    let lang = super::language();
    let cannot = |e: std::io::Error| cannot_read(dir, &e);
    // Records are shown up to the first broken one; the reader is told.
    let check = wegwijs::audit::verify(dir).map_err(cannot)?;
    if let Some(broken) = &check.broken {
        let (position, reason) = (super::log_position(&broken.position, lang), escape::terminal(&broken.reason));
        eprintln!(
            "{}",
            say!(
                lang,
                "waarschuwing: de keten van het logboek is verbroken bij {position} ({reason}); records vanaf daar worden niet getoond (wegwijs audit verify)",
                "warning: the log is broken at {position} ({reason}); records from there on are not shown (wegwijs audit verify)"
            )
        );
    }
    let mut shown = 0;
    let mut count = 0;
    wegwijs::audit::scan(dir, |_, record, _, line| {
        count += 1;
        if count > check.records {
            return false;
        }
        let about = match &record.entry {
            Entry::Decision(d) => Some(d.id.as_str()),
            Entry::Feedback(f) => Some(f.decision.as_str()),
            _ => None,
        };
        if decision.is_some_and(|id| about != Some(id))
            || since.is_some_and(|s| record.time.as_str() < s)
            || until.is_some_and(|u| record.time.as_str() >= u)
        {
            return true;
        }
        shown += 1;
        if json {
            // The line exactly as stored, hash first: a SIEM can check it
            // on its own. It is valid JSON (its hash matched), but printed
            // through the escaping all the same.
            println!("{}", escape::terminal(line));
        } else {
            println!("{}", text_line(&record));
        }
        true
    })
    .map_err(cannot)?;
    if shown == 0 && !json {
        eprintln!("{}", lang.pick("geen records gevonden", "no records match"));
    }
    Ok(crate::exit::OK)
}

/// The input error for a decision log that cannot be read.
fn cannot_read(dir: &std::path::Path, e: &std::io::Error) -> InputError {
    let (shown, e) = (dir.display(), super::os_reason(e));
    InputError(say!(
        super::language(),
        "kan het beslislogboek {shown} niet lezen: {e}",
        "cannot read the decision log {shown}: {e}"
    ))
}

/// One record for a person, every field escaped.
fn text_line(record: &Record) -> String {
    let t = |s: &str| escape::terminal(s);
    let head = format!("#{} {}", record.seq, t(&record.time));
    match &record.entry {
        Entry::Decision(d) => {
            let region = match d.region_revision {
                Some(r) => format!("{} r{r}", t(&d.region)),
                None => t(&d.region),
            };
            let o = &d.outcome;
            let routes = o.routes.iter().map(|r| format!("{}/{}", t(&r.partner), t(&r.kind))).collect::<Vec<_>>();
            let changed = d.guardrails.iter().filter(|g| g.changed).map(|g| t(&g.rule)).collect::<Vec<_>>();
            let faults = d.faults.iter().map(|f| format!("{}:{}", t(&f.stage), t(&f.fault))).collect::<Vec<_>>();
            format!(
                "{head} decision {} | {region} | {} level={} action={} urgency={} | routes: {} | guardrails changed: {} \
                 | faults: {} | rules: {} | child {} gemeente {}",
                t(&d.id),
                t(&o.status),
                o.level.as_deref().map_or("-".into(), t),
                o.action.as_deref().map_or("-".into(), t),
                t(&o.urgency),
                if routes.is_empty() { "-".into() } else { routes.join(", ") },
                if changed.is_empty() { "-".into() } else { changed.join(", ") },
                if faults.is_empty() { "-".into() } else { faults.join(", ") },
                d.rule_ids.iter().map(|r| t(r)).collect::<Vec<_>>().join(" "),
                t(&d.signal.pseudonym),
                d.signal.gemeente.as_deref().map_or("-".into(), t),
            )
        }
        Entry::Feedback(f) => {
            let outcome = match f.outcome {
                FeedbackOutcome::Accepted => "accepted",
                FeedbackOutcome::Overridden => "overridden",
            };
            let routes = f.routes.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
            format!(
                "{head} feedback on {} | {outcome}{}{}{} | via {}{}",
                t(&f.decision),
                if routes.is_empty() { String::new() } else { format!(" routes {routes}") },
                f.reason.as_deref().map_or(String::new(), |r| format!(" reason {}", t(r))),
                f.comment.as_deref().map_or(String::new(), |c| format!(" comment \"{}\"", t(c))),
                t(&f.via),
                if f.decision_in_log { "" } else { " (decision not in this log)" },
            )
        }
        Entry::Recovery(r) => format!(
            "{head} recovery | an incomplete record of {} bytes was cut off the end of {} after a crash",
            r.truncated_bytes,
            t(&r.segment)
        ),
        _ => format!("{head} (a kind of record this version does not know)"),
    }
}
