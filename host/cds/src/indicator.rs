//! The card's `indicator` (`info`, `warning`, `critical`: CDS Hooks 2.0
//! §Card Attributes) from a decision. Each input raises the indicator to at
//! least its row in the table; the card shows the highest:
//!
//! | input | info | warning | critical |
//! |---|---|---|---|
//! | level | none, attention | unknown, concern, high | safety |
//! | action | A0, A1 | reassess, A2, A3 | S |
//! | urgency | next-contact | soon, within-five-working-days | immediate |
//! | a route to Veilig Thuis (advice or melding), or of kind advice or melding | | | any |
//! | status | decided, closed | incomplete (a stage faulted: assess by hand) | |
//!
//! So a safety decision, an acute one and any Veilig Thuis route are
//! `critical` whatever else the decision says; a decision the pipeline could
//! not complete is never `info`; and "insufficient information" (reassess,
//! level unknown) is never read as nothing to do (PS-UNUSABLE).

use serde::{Deserialize, Serialize};
use wegwijs::types::{Action, Level, Partner, Route, RouteKind, Urgency};
use wegwijs::{Decision, Status};

/// Urgency/importance of a card, in order of increasing urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Indicator {
    /// For reading.
    Info,
    /// Needs attention.
    Warning,
    /// Needs action now, or is about safety.
    Critical,
}

/// The level's row of the table; no level (screening did not run) is info,
/// and the status row decides.
pub const fn for_level(level: Option<Level>) -> Indicator {
    match level {
        None | Some(Level::None | Level::Attention) => Indicator::Info,
        Some(Level::Unknown | Level::Concern | Level::High) => Indicator::Warning,
        Some(Level::Safety) => Indicator::Critical,
    }
}

/// The action's row of the table.
pub const fn for_action(action: Option<Action>) -> Indicator {
    match action {
        None | Some(Action::A0 | Action::A1) => Indicator::Info,
        Some(Action::Reassess | Action::A2 | Action::A3) => Indicator::Warning,
        Some(Action::S) => Indicator::Critical,
    }
}

/// The urgency's row of the table.
pub const fn for_urgency(urgency: Urgency) -> Indicator {
    match urgency {
        Urgency::NextContact => Indicator::Info,
        Urgency::Soon | Urgency::WithinFiveWorkingDays => Indicator::Warning,
        Urgency::Immediate => Indicator::Critical,
    }
}

/// The status's row of the table.
pub const fn for_status(status: Status) -> Indicator {
    match status {
        Status::Decided | Status::Closed => Indicator::Info,
        Status::Incomplete => Indicator::Warning,
    }
}

/// Whether a route is a safety route: to Veilig Thuis, or an advice or
/// melding step (MC-STEPS, MC-Q2).
pub const fn is_safety_route(route: &Route) -> bool {
    matches!(route.partner, Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding)
        || matches!(route.kind, RouteKind::Advice | RouteKind::Melding)
}

/// The main card's indicator: the highest row any part of the decision
/// reaches. Every route counts, not only the decision's overall urgency.
pub fn indicator(decision: &Decision) -> Indicator {
    let routes = decision.routes();
    let route_rows =
        routes.iter().map(|r| if is_safety_route(r) { Indicator::Critical } else { for_urgency(r.urgency) });
    [for_level(decision.level), for_action(decision.action), for_urgency(decision.urgency), for_status(decision.status)]
        .into_iter()
        .chain(route_rows)
        .max()
        .unwrap_or(Indicator::Info)
}
