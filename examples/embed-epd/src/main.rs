//! A stand-in for an EPD (the JGZ patient record) that embeds the wegwijs
//! host, as a vendor would: the EPD keeps its own patient data, sends the
//! host a signal, shows the decision card to the professional and records
//! what the professional chose. The host never keeps or sends anything; the
//! record of the choice is the EPD's.
//!
//! `cargo run -p wegwijs-embed-epd -- [--override REASON]`: decides the
//! signal of the nurse's intake below and records "accepted", or
//! "overridden" with the reason given.
//!
//! The lines between `README:begin` and `README:end` are the README's
//! Embedding section; a test holds the two together.

use std::collections::BTreeMap;
use std::process::ExitCode;

/// A child as the EPD records it. Name, BSN and address stay in the EPD:
/// the signal it sends carries only what the guideline needs.
#[derive(Debug, Clone)]
struct PatientRecord {
    /// The EPD's own key.
    local_id: String,
    name: String,
    bsn: String,
    birth_date: String,
    /// CBS gemeentecode of where the child lives.
    gemeente: String,
}

/// What the professional did with a recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Choice {
    Accepted,
    Overridden { reason: String },
}

/// One line of the EPD's own journal: which decision, what was chosen.
#[derive(Debug, Clone)]
struct JournalEntry {
    local_id: String,
    signal_id: String,
    /// Which rules and components produced the card, for the audit trail.
    provenance: String,
    action: String,
    choice: Choice,
}

/// The EPD: patient records and a journal, in memory for the example.
#[derive(Default)]
struct Epd {
    patients: BTreeMap<String, PatientRecord>,
    journal: Vec<JournalEntry>,
}

impl Epd {
    /// The signal for a patient and the nurse's intake, in the signal format
    /// (`docs/signal.md`). The EPD sends its own key as `local_id` (the
    /// host derives the pseudonym components see from it) and leaves name,
    /// BSN and address out: the host would withhold them anyway.
    fn signal(&self, patient: &PatientRecord, signal_id: &str) -> serde_json::Value {
        serde_json::json!({
            "signal_id": signal_id,
            "date": "2026-10-05",
            "gemeente": patient.gemeente,
            "child": { "local_id": patient.local_id, "birth_date": patient.birth_date },
            "source": { "code": "intern-begeleider" },
            "handler": "jeugdverpleegkundige",
            "concerns": ["behaviour-problems", "attention-problems"],
            "parents_concerned": true,
            "family_agrees_referral": true
        })
    }
}

/// The card as the EPD shows it to the professional: the headline first,
/// then what to do, where, and what may be shared.
fn show(patient: &PatientRecord, decision: &wegwijs::Decision) -> String {
    let mut out = format!("{} ({})\n{}\n", patient.name, patient.local_id, decision.headline);
    for warning in &decision.warnings {
        out += &format!("  ! {} [{}]\n", warning.text, warning.rule);
    }
    for route in decision.routing.iter().flat_map(|r| &r.routes) {
        let name = route.local_name.as_deref().unwrap_or(route.partner.name());
        out += &format!("  → {name}: {} ({})\n", route.kind.name(), route.urgency.name());
    }
    for consent in &decision.consent {
        out += &format!("  consent for {}: {}\n", consent.request.recipient.name(), consent.outcome.name());
    }
    if !decision.faults.is_empty() {
        out += "  incomplete: a stage failed, assess this signal by hand\n";
    }
    out
}

fn run(choice: Choice) -> Result<String, wegwijs::Error> {
    let mut epd = Epd::default();
    let sanne = PatientRecord {
        local_id: "epd-52445".into(),
        name: "Sanne de Vries".into(),
        bsn: "260181596".into(),
        birth_date: "2018-03-14".into(),
        gemeente: "GM0363".into(),
    };
    epd.patients.insert(sanne.local_id.clone(), sanne.clone());

    // README:begin
    // Once per process: the host is thread-safe and cheap to clone.
    let host = wegwijs::Host::builder().build()?;

    // Per signal: only codes, dates and the EPD's own key go in.
    let signal = epd.signal(&sanne, "intake-2026-0042");
    let decision = host.decide_json(&signal.to_string())?;

    // The card is a recommendation; the professional decides.
    let card = show(&sanne, &decision);
    epd.journal.push(JournalEntry {
        local_id: sanne.local_id.clone(),
        signal_id: decision.signal_id.clone().unwrap_or_default(),
        provenance: format!("{} ({})", decision.provenance.region, decision.provenance.wit),
        action: decision.action.map(|a| a.name().to_ascii_uppercase()).unwrap_or_default(),
        choice,
    });
    // README:end

    let entry = &epd.journal[0];
    let recorded = match &entry.choice {
        Choice::Accepted => "accepted".to_string(),
        Choice::Overridden { reason } => format!("overridden: {reason}"),
    };
    debug_assert!(!card.contains(&sanne.bsn), "the card never needs the BSN");
    Ok(format!(
        "{card}\njournal: {} · {} · action {} · {} · {recorded}\n",
        entry.local_id, entry.signal_id, entry.action, entry.provenance
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let choice = match args.as_slice() {
        [] => Choice::Accepted,
        [flag, reason] if flag == "--override" && !reason.trim().is_empty() => {
            Choice::Overridden { reason: reason.clone() }
        }
        _ => {
            eprintln!("usage: embed-epd [--override REASON]");
            return ExitCode::from(2);
        }
    };
    match run(choice) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signal_carries_no_name_bsn_or_address() {
        let epd = Epd::default();
        let patient = PatientRecord {
            local_id: "epd-1".into(),
            name: "Noor Jansen".into(),
            bsn: "260181596".into(),
            birth_date: "2019-01-02".into(),
            gemeente: "GM0344".into(),
        };
        let text = epd.signal(&patient, "s-1").to_string();
        assert!(!text.contains(&patient.name) && !text.contains(&patient.bsn), "{text}");
        assert!(!text.contains("address"), "{text}");
    }

    #[test]
    fn a_decision_is_shown_and_the_choice_recorded_with_its_provenance() {
        let text = run(Choice::Overridden { reason: "already in care at the wijkteam".into() }).expect("decided");
        assert!(text.starts_with("Sanne de Vries (epd-52445)\n"), "{text}");
        assert!(text.contains("  → "), "the routes are shown:\n{text}");
        assert!(text.contains("journal: epd-52445 · intake-2026-0042 · action A"), "{text}");
        assert!(text.contains("national-default (wegwijs:jgz@"), "{text}");
        assert!(text.ends_with("overridden: already in care at the wijkteam\n"), "{text}");
        assert!(!text.contains("260181596"), "{text}");
    }
}
