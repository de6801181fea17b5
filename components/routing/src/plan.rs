//! The routing card under construction.
//!
//! Rules add routes one by one; two rules may point to the same partner for
//! the same kind of step (RK-MULTI-DOMAIN and a multi-domain concern both
//! send an A2 case to the wijkteam), and the professional should see one
//! route with both reasons, not two routes. [`Plan::add`] merges them.

use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Handover, Partner, Reason, Route, RouteKind, Urgency};

/// Routes, card reasons and warnings gathered so far.
#[derive(Default)]
pub(crate) struct Plan {
    /// Routes in the order rules proposed them.
    pub(crate) routes: Vec<Route>,
    /// Card-level reasons.
    pub(crate) reasons: Vec<Reason>,
    /// Card-level warnings.
    pub(crate) warnings: Vec<Reason>,
}

impl Plan {
    /// Adds a route, or merges into the existing route to the same partner
    /// of the same kind (keeping the more urgent urgency). Returns its index.
    pub(crate) fn add(&mut self, partner: Partner, kind: RouteKind, urgency: Urgency, reason: Reason) -> usize {
        if let Some(i) = self.index_of(partner, kind) {
            if let Some(route) = self.routes.get_mut(i) {
                route.urgency = route.urgency.min(urgency);
                if !route.reasons.contains(&reason) {
                    route.reasons.push(reason);
                }
            }
            return i;
        }
        self.routes.push(Route {
            partner,
            kind,
            urgency,
            verwijzer: None,
            handover: Handover::None,
            local_name: None,
            conversation: String::new(),
            disclosure: None,
            reasons: alloc::vec![reason],
        });
        self.routes.len() - 1
    }

    /// Index of the route to `partner` of `kind`.
    pub(crate) fn index_of(&self, partner: Partner, kind: RouteKind) -> Option<usize> {
        self.routes.iter().position(|r| r.partner == partner && r.kind == kind)
    }

    /// Whether any route goes to `partner`.
    pub(crate) fn has_partner(&self, partner: Partner) -> bool {
        self.routes.iter().any(|r| r.partner == partner)
    }

    /// Adds a reason to the route at `i`.
    pub(crate) fn route_reason(&mut self, i: usize, reason: Reason) {
        if let Some(route) = self.routes.get_mut(i) {
            route.reasons.push(reason);
        }
    }

    /// Adds a card-level reason.
    pub(crate) fn reason(&mut self, rule: &str, text: impl Into<String>) {
        self.reasons.push(Reason::new(rule, text));
    }

    /// Adds a card-level warning.
    pub(crate) fn warn(&mut self, rule: &str, text: impl Into<String>) {
        self.warnings.push(Reason::new(rule, text));
    }
}
