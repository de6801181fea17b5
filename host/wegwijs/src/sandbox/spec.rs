//! Each stage's contract, written once: what the pipeline hands the stage,
//! the WIT function's parameters and result, how the call is traced for
//! `--explain` and what the host checks of the result beyond the types.
//!
//! The load-time type check, the stage call and the pipeline are generic
//! over [`StageSpec`], so a new parameter of a stage function changes the
//! WIT, the descriptor here and the guest export macro, nothing else. The
//! interface name comes from [`Stage::interface`], which is built from the
//! one WIT version in `wegwijs-types`.

use crate::model::Stage;
use serde::Serialize;
use serde_json::json;
use wasmtime::component::{ComponentNamedList, Lift, Lower};
use wegwijs_types as m;

/// The contract of one stage.
pub(crate) trait StageSpec {
    /// Which stage.
    const STAGE: Stage;

    /// What the pipeline hands the stage besides the reference result.
    type Input<'a>: Copy;

    /// The function's parameters as the component sees them, borrowed from
    /// the input: nothing is copied to call a stage.
    type Params<'a>: ComponentNamedList + Lower + Send + Sync;

    /// What the stage returns.
    type Output: Lift + Serialize + Clone + Send + Sync + 'static;

    /// The parameters for one call: the input, and for a region's component
    /// the guideline's result for the same stage.
    fn params<'a>(input: Self::Input<'a>, reference: Option<&'a Self::Output>) -> Self::Params<'a>;

    /// The input borrowed for a shorter time, so it can be paired with a
    /// reference result that lives less long. Every input is a tuple of
    /// borrows, so this costs nothing; it is spelled out because a generic
    /// associated type is not known to be covariant.
    fn reborrow<'s, 'l: 's>(input: Self::Input<'l>) -> Self::Input<'s>;

    /// The input as `--explain` shows it.
    fn trace(input: Self::Input<'_>) -> serde_json::Value;

    /// What the host checks of a result beyond its types and the output
    /// limits, which every stage shares; a broken rule is invalid output.
    fn validate(_input: Self::Input<'_>, _output: &Self::Output) -> Result<(), String> {
        Ok(())
    }
}

/// `intake.assess(child, reference) -> intake-card`.
pub(crate) struct Intake;

impl StageSpec for Intake {
    const STAGE: Stage = Stage::Intake;
    type Input<'a> = &'a m::ChildCase;
    type Params<'a> = (&'a m::ChildCase, Option<&'a m::IntakeCard>);
    type Output = m::IntakeCard;

    fn params<'a>(case: Self::Input<'a>, reference: Option<&'a m::IntakeCard>) -> Self::Params<'a> {
        (case, reference)
    }

    fn reborrow<'s, 'l: 's>(input: Self::Input<'l>) -> Self::Input<'s> {
        input
    }

    fn trace(case: Self::Input<'_>) -> serde_json::Value {
        json!(case)
    }
}

/// `screening.screen(child, intake, reference) -> screening-card`.
pub(crate) struct Screening;

impl StageSpec for Screening {
    const STAGE: Stage = Stage::Screening;
    type Input<'a> = (&'a m::ChildCase, &'a m::IntakeCard);
    type Params<'a> = (&'a m::ChildCase, &'a m::IntakeCard, Option<&'a m::ScreeningCard>);
    type Output = m::ScreeningCard;

    fn params<'a>((case, intake): Self::Input<'a>, reference: Option<&'a m::ScreeningCard>) -> Self::Params<'a> {
        (case, intake, reference)
    }

    fn reborrow<'s, 'l: 's>(input: Self::Input<'l>) -> Self::Input<'s> {
        input
    }

    fn trace((case, intake): Self::Input<'_>) -> serde_json::Value {
        json!({ "case": case, "intake": intake })
    }
}

/// `routing.route(child, intake, screening, reference) -> routing-card`.
pub(crate) struct Routing;

impl StageSpec for Routing {
    const STAGE: Stage = Stage::Routing;
    type Input<'a> = (&'a m::ChildCase, &'a m::IntakeCard, &'a m::ScreeningCard);
    type Params<'a> = (&'a m::ChildCase, &'a m::IntakeCard, &'a m::ScreeningCard, Option<&'a m::RoutingCard>);
    type Output = m::RoutingCard;

    fn params<'a>(
        (case, intake, screening): Self::Input<'a>,
        reference: Option<&'a m::RoutingCard>,
    ) -> Self::Params<'a> {
        (case, intake, screening, reference)
    }

    fn reborrow<'s, 'l: 's>(input: Self::Input<'l>) -> Self::Input<'s> {
        input
    }

    fn trace((case, intake, screening): Self::Input<'_>) -> serde_json::Value {
        json!({ "case": case, "intake": intake, "screening": screening })
    }
}

/// `consent.check(child, requests, reference) -> list<consent-card>`.
pub(crate) struct Consent;

impl StageSpec for Consent {
    const STAGE: Stage = Stage::Consent;
    type Input<'a> = (&'a m::ChildCase, &'a [m::DisclosureRequest]);
    type Params<'a> = (&'a m::ChildCase, &'a [m::DisclosureRequest], Option<&'a [m::ConsentCard]>);
    type Output = Vec<m::ConsentCard>;

    fn params<'a>((case, requests): Self::Input<'a>, reference: Option<&'a Vec<m::ConsentCard>>) -> Self::Params<'a> {
        (case, requests, reference.map(Vec::as_slice))
    }

    fn reborrow<'s, 'l: 's>(input: Self::Input<'l>) -> Self::Input<'s> {
        input
    }

    fn trace((case, requests): Self::Input<'_>) -> serde_json::Value {
        json!({ "case": case, "requests": requests })
    }

    /// One card per request, in request order, each answering its request:
    /// a card the pipeline could not match to a route is no answer at all.
    fn validate((_, requests): Self::Input<'_>, cards: &Self::Output) -> Result<(), String> {
        if cards.len() != requests.len() {
            return Err(format!("{} consent cards for {} requests", cards.len(), requests.len()));
        }
        match cards.iter().zip(requests).position(|(card, request)| card.request != *request) {
            Some(i) => Err(format!("consent card {i} answers another request than was asked")),
            None => Ok(()),
        }
    }
}
