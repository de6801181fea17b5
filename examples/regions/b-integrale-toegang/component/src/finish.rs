//! Turning the edited card into the region's card: order, overall urgency,
//! summary and the card-level reasons that say which rules applied.
//!
//! The host sorts routes again after its guardrails, but a card that is
//! already in order reads the same in a trace as in the decision.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Reason, RoutingCard, Urgency};

use crate::rules::{NO_CHANGE, NO_REFERENCE};
use crate::text::clip;

/// The guideline's own statement that nothing is sent (G-HUMAN).
const G_HUMAN: &str = "G-HUMAN";
/// The guideline's urgency rule, whose card-level sentence is restated.
const RT_URGENCY: &str = "RT-URGENCY";

/// Finishes the card after the rules in `applied` changed it.
pub(crate) fn card(mut card: RoutingCard, applied: &[&'static str]) -> RoutingCard {
    if applied.is_empty() {
        card.reasons.push(Reason::new(
            NO_CHANGE,
            "No rule of region B applies to this case: the national guideline's routes stand unchanged.",
        ));
    } else {
        // Stable: at equal urgency the guideline's order (medical first, the
        // child before the family) is kept.
        card.routes.sort_by_key(|r| r.urgency);
        card.urgency = card.routes.first().map_or(Urgency::NextContact, |r| r.urgency);
        card.summary = summary(&card, applied);
        // The guideline's sentence on the overall urgency names its own most
        // urgent route, which the rules may have changed.
        card.reasons.retain(|r| r.rule != RT_URGENCY);
        let text = match card.routes.first() {
            Some(first) => format!(
                "Overall urgency {}: after region B's rules the most urgent route is {} {}.",
                card.urgency, first.partner, first.kind
            ),
            None => String::from("No route after region B's rules: urgency next-contact."),
        };
        card.reasons.push(Reason::new(RT_URGENCY, text));
    }
    if !card.reasons.iter().any(|r| r.rule == G_HUMAN) {
        card.reasons.push(Reason::new(
            G_HUMAN,
            "These routes are recommendations for the professional; nothing is sent or shared by the system.",
        ));
    }
    card
}

/// The card when the host gives no guideline result to start from.
pub(crate) fn without_reference() -> RoutingCard {
    RoutingCard {
        routes: Vec::new(),
        one_plan: false,
        care_coordinator: None,
        urgency: Urgency::NextContact,
        summary: String::from("No routes: the guideline's routing result is missing, so region B proposes nothing."),
        warnings: alloc::vec![Reason::new(
            NO_REFERENCE,
            "The host supplied no guideline routing result; region B only adjusts that result, so it proposes no route: route this case by hand.",
        )],
        reasons: alloc::vec![Reason::new(
            G_HUMAN,
            "These routes are recommendations for the professional; nothing is sent or shared by the system.",
        )],
    }
}

/// "2 routes, most urgent soon: jeugd-ggz referral (verwijzer 03), …; region B applied REGIO-B-ZORGPAD-ADHD".
fn summary(card: &RoutingCard, applied: &[&'static str]) -> String {
    let rules = applied.join(", ");
    let Some(first) = card.routes.first() else {
        return format!("No routes, urgency next-contact; region B applied {rules}.");
    };
    let items: Vec<String> = card
        .routes
        .iter()
        .map(|r| match r.verwijzer {
            Some(v) => format!("{} {} (verwijzer {})", r.partner, r.kind, v.code()),
            None => format!("{} {}", r.partner, r.kind),
        })
        .collect();
    let n = card.routes.len();
    let plural = if n == 1 { "route" } else { "routes" };
    clip(&format!("{n} {plural}, most urgent {}: {}; region B applied {rules}.", first.urgency, items.join(", ")), 600)
}
