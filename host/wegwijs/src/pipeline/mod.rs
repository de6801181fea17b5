//! The pipeline, the product's main idea in one script: a signal becomes a
//! coded case, the case goes through intake, screening and routing, the
//! route guardrails hold their floors, consent is checked for every
//! disclosure the final routes need, and the card is assembled.
//!
//! Consent runs after the route guardrails on purpose: it must see the
//! melding G-SAFETY adds. Each stage runs the reference first and a
//! region's own component after it ([`run`]); a failure leaves the
//! reference result standing and is recorded (G-NO-DROP).

mod budget;
mod divergence;
mod output;
pub(crate) mod run;

use crate::card::{self, Cards, Origin, Record, coherence};
use crate::decision::Decision;
use crate::error::Error;
use crate::guardrails;
use crate::input::{self, Signal};
use crate::region::Region;
use crate::sandbox::{Sandbox, spec};
use run::{Run, StageResult};
use wegwijs_types::{self as m, Language};

/// How much of each stage call a decision records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trace {
    /// Nothing.
    Off,
    /// Time and memory only: cheap enough for metrics on every decision.
    Timings,
    /// Also what the stage saw and returned, and its logs (`--explain`).
    Full,
}

/// Decides one signal, in `region` or with the national defaults.
pub(crate) fn decide(
    sandbox: &Sandbox,
    pseudonym_key: &[u8],
    signal: &Signal,
    region: Option<&Region>,
    trace: Trace,
    language: Language,
) -> Result<Decision, Error> {
    decide_case(sandbox, pseudonym_key, signal, region, trace, language).map(|(decision, _)| decision)
}

/// Decides one signal and also returns the case the components saw (the
/// decision log keeps a masked form of it).
pub(crate) fn decide_case(
    sandbox: &Sandbox,
    pseudonym_key: &[u8],
    signal: &Signal,
    region: Option<&Region>,
    trace: Trace,
    language: Language,
) -> Result<(Decision, m::ChildCase), Error> {
    let case = input::case(signal, pseudonym_key)?;
    let mut run = Run::new(sandbox, region, trace != Trace::Off, language);
    if trace == Trace::Timings {
        run = run.timings_only();
    }
    let (intake, closed_by_region) = intake(&mut run, &case);
    let acute = guardrails::acute(&case, intake.stands.as_ref(), intake.reference.as_ref());
    let closed = !acute && intake.stands.as_ref().is_some_and(|i| i.outcome == m::IntakeOutcome::Closed);
    let screening = screening(&mut run, &case, intake.stands.as_ref());
    let routing = routing(&mut run, &case, intake.stands.as_ref(), screening.stands.as_ref());
    let (routing, mut notes) = route_guardrails(routing, acute, closed, region, language);
    let (consent, consent_note) = consent(&mut run, &case, routing.as_ref(), language);
    notes.push(consent_note);
    notes.push(guardrails::no_drop(&run.faults, closed_by_region, language));
    notes.extend([guardrails::human(&case, language), guardrails::minimal(&case, language)]);

    let cards = Cards { intake: intake.stands, screening: screening.stands, routing, consent };
    let origin = Origin {
        signal_id: signal.signal_id.clone(),
        pseudonym: case.pseudonym.clone(),
        references: sandbox.references.infos(),
        region,
        language,
    };
    let record = Record { guardrails: notes, faults: run.faults, divergences: run.divergences, trace: run.trace };
    Ok((card::assemble(origin, cards, acute, closed, record), case))
}

/// Intake, with the G-NO-DROP floor: a region's intake may not close a
/// signal the guideline's accepts. Returns the region that tried, if one did.
fn intake<'r>(run: &mut Run<'r>, case: &m::ChildCase) -> (StageResult<m::IntakeCard>, Option<&'r str>) {
    let mut intake = run.stage::<spec::Intake>(case);
    if guardrails::intake_closes_what_the_guideline_accepts(intake.stands.as_ref(), intake.reference.as_ref()) {
        intake.stands = intake.reference.take();
        return (intake, run.region_id());
    }
    (intake, None)
}

/// Screening, when intake accepted the signal.
fn screening(run: &mut Run<'_>, case: &m::ChildCase, intake: Option<&m::IntakeCard>) -> StageResult<m::ScreeningCard> {
    match intake {
        Some(i) if i.outcome == m::IntakeOutcome::Accepted => run.stage::<spec::Screening>((case, i)),
        _ => Run::skipped(),
    }
}

/// Routing, when intake and screening gave a result.
fn routing(
    run: &mut Run<'_>,
    case: &m::ChildCase,
    intake: Option<&m::IntakeCard>,
    screening: Option<&m::ScreeningCard>,
) -> StageResult<m::RoutingCard> {
    match (intake, screening) {
        (Some(i), Some(s)) => run.stage::<spec::Routing>((case, i, s)),
        _ => Run::skipped(),
    }
}

/// G-SAFETY and G-AUTHORITY on the routes that stand, then the routes in
/// urgency order and the card restated from them. A missing routing result
/// on a signal that was not closed starts from an empty card, so the floors
/// still hold.
fn route_guardrails(
    routing: StageResult<m::RoutingCard>,
    acute: bool,
    closed: bool,
    region: Option<&Region>,
    lang: Language,
) -> (Option<m::RoutingCard>, Vec<crate::decision::GuardrailNote>) {
    let reference = routing.reference;
    let mut card = match routing.stands {
        Some(card) => card,
        None if closed => return (None, Vec::new()),
        None => coherence::empty_routing(lang),
    };
    let notes =
        vec![guardrails::safety(acute, &mut card, reference.as_ref(), lang), guardrails::authority(&mut card, lang)];
    guardrails::sort_routes(&mut card);
    coherence::restate(&mut card, reference.as_ref(), region.map(|r| r.id.as_str()), lang);
    (Some(card), notes)
}

/// Consent for every disclosure the final routes need, under G-CONSENT.
fn consent(
    run: &mut Run<'_>,
    case: &m::ChildCase,
    routing: Option<&m::RoutingCard>,
    lang: Language,
) -> (Vec<m::ConsentCard>, crate::decision::GuardrailNote) {
    let requests = disclosure_requests(routing);
    let result = if requests.is_empty() { Run::skipped() } else { run.stage::<spec::Consent>((case, &requests)) };
    guardrails::consent_stage(
        &requests,
        result.stands,
        result.reference.as_deref(),
        result.by,
        result.region_faulted,
        lang,
    )
}

/// Every disclosure the routes need, once each, in route order.
fn disclosure_requests(routing: Option<&m::RoutingCard>) -> Vec<m::DisclosureRequest> {
    let mut out: Vec<m::DisclosureRequest> = Vec::new();
    for d in routing.into_iter().flat_map(|r| &r.routes).filter_map(|r| r.disclosure.as_ref()) {
        if !out.contains(d) {
            out.push(d.clone());
        }
    }
    out
}
