//! What a vendor writes to embed the packaged host: build it, decide a
//! signal, read the card. Exits non-zero, saying why, when the packaged
//! crate does not decide as the host in the workspace does.

use std::process::ExitCode;

/// A school signal: an intern begeleider worried about a seven-year-old's
/// behaviour and attention, the parents too.
const SIGNAL: &str = r#"{
    "signal_id": "consumer-1",
    "date": "2026-10-05",
    "gemeente": "GM0363",
    "child": { "birth_date": "2018-03-14", "name": "stays in the EPD" },
    "source": { "code": "intern-begeleider" },
    "handler": "jeugdverpleegkundige",
    "concerns": ["behaviour-problems", "attention-problems"],
    "parents_concerned": true
}"#;

fn main() -> ExitCode {
    let host = match wegwijs::Host::builder().build() {
        Ok(host) => host,
        Err(e) => return fail(&format!("the packaged host does not start: {e}")),
    };
    let decision = match host.decide_json(SIGNAL) {
        Ok(decision) => decision,
        Err(e) => return fail(&format!("the packaged host refused a valid signal: {e}")),
    };
    if decision.status != wegwijs::Status::Decided || !decision.faults.is_empty() {
        return fail(&format!("status {:?}, faults {:?}", decision.status, decision.faults));
    }
    let routes = decision.routing.as_ref().map_or(0, |r| r.routes.len());
    if routes == 0 || decision.rule_ids().is_empty() {
        return fail("a decision without routes or rule ids");
    }
    let shipped = decision.provenance.components.iter().all(|c| c.name == "wegwijs-reference");
    if !shipped {
        return fail("the decision was not made by the shipped reference components");
    }
    println!("{} ({routes} routes, {} rule ids)", decision.headline, decision.rule_ids().len());
    ExitCode::SUCCESS
}

fn fail(why: &str) -> ExitCode {
    eprintln!("wegwijs consumer check: {why}");
    ExitCode::FAILURE
}
