//! Keeping the routing card true to itself once others have changed it.
//!
//! A routing card's summary, its card-level RT-URGENCY sentence and its
//! per-route reasons are written by the component that made the routes.
//! Two things can change the routes afterwards: a region's component that
//! starts from the guideline's card and moves a route to another partner,
//! and the host's guardrails (G-SAFETY adds or raises a melding). Either
//! way a sentence written for the earlier routes can become untrue ("1
//! route: jgz-light-support" above two routes, "consult jeugd-GGZ" on a route
//! to the POH-jeugd). The host therefore restates what it can compute from
//! the final routes, and marks guideline reasons a region carried over to
//! a route they were not written for, so no card contradicts itself.

use wegwijs_kit as kit;
use wegwijs_types::{self as m, Language, say};

/// Restates the routing card from its final routes: the summary, the
/// overall urgency and its RT-URGENCY sentence, and, when a region's card
/// stands beside the guideline's (`reference`), the guideline reasons the
/// region carried over to a route to another partner. `region` names the
/// region in the sentences it writes.
pub(crate) fn restate(
    routing: &mut m::RoutingCard,
    reference: Option<&m::RoutingCard>,
    region: Option<&str>,
    lang: Language,
) {
    if let (Some(reference), Some(region)) = (reference, region) {
        mark_carried_over(routing, reference, region, lang);
    }
    routing.urgency = routing.routes.first().map_or(m::Urgency::NextContact, |r| r.urgency);
    if let Some(routes) = kit::routes_summary(&routing.routes, lang) {
        routing.summary = match region {
            Some(region) if reference.is_some() => {
                say!(lang, "{routes}; zoals regio `{region}` ze bepaalde", "{routes}; as region `{region}` set them")
            }
            _ => routes,
        };
    }
    // The card-level urgency sentence is restated where it stood, so the
    // reasons keep their order.
    let sentence = m::Reason::new("RT-URGENCY", kit::overall_urgency_sentence(&routing.routes, lang));
    match routing.reasons.iter().position(|r| r.rule == "RT-URGENCY") {
        Some(i) => {
            routing.reasons[i] = sentence;
            let mut seen = false;
            routing.reasons.retain(|r| {
                let keep = r.rule != "RT-URGENCY" || !seen;
                seen |= r.rule == "RT-URGENCY";
                keep
            });
        }
        None if !routing.routes.is_empty() => routing.reasons.push(sentence),
        None => {}
    }
}

/// Rewrites each reason on a region's route that is the guideline's reason
/// for its route to another partner and names that partner: the region moved
/// the route but kept a sentence that now points elsewhere. The rewritten
/// reason keeps its rule id, quotes the guideline and says what the region
/// did instead.
fn mark_carried_over(routing: &mut m::RoutingCard, reference: &m::RoutingCard, region: &str, lang: Language) {
    for route in &mut routing.routes {
        let partner = route.partner;
        for reason in &mut route.reasons {
            let written_for_this_partner =
                reference.routes.iter().any(|r| r.partner == partner && r.reasons.contains(reason));
            if written_for_this_partner {
                continue;
            }
            let Some(original) = reference.routes.iter().find(|r| r.partner != partner && r.reasons.contains(reason))
            else {
                continue;
            };
            if !names_partner(&reason.text, original.partner) {
                continue;
            }
            let (was, quoted, now) =
                (kit::partner_label(original.partner, lang), reason.text.trim_end(), kit::partner_label(partner, lang));
            reason.text = kit::clip(
                &say!(
                    lang,
                    "De reden van de richtlijn voor haar route naar {was}: «{quoted}» Regio `{region}` stelt in plaats daarvan {now} voor.",
                    "The guideline's reason for its route to {was}: «{quoted}» Region `{region}` proposes {now} instead."
                ),
                1_500,
            );
        }
    }
}

/// Whether `text` names `partner`, by its WIT name or its label in either
/// language (a region may write in one language only), ignoring case and a
/// leading article.
fn names_partner(text: &str, partner: m::Partner) -> bool {
    let text = text.to_lowercase();
    text.contains(partner.name())
        || Language::ALL.iter().any(|&lang| {
            let label = kit::partner_label(partner, lang).to_lowercase();
            let label = ["the ", "a ", "de ", "het ", "een "]
                .iter()
                .find_map(|article| label.strip_prefix(article))
                .unwrap_or(&label);
            // Labels with a parenthesis ("the primary school (leerkracht,
            // …)") are matched on the words before it, which is how
            // sentences name them.
            let label = label.split(" (").next().unwrap_or(label);
            text.contains(label)
        })
}

/// The routing card the guardrails start from when the routing stage gave
/// no result on a signal that was not closed: no routes, so G-SAFETY can
/// still add the melding acute unsafety needs.
pub(crate) fn empty_routing(lang: Language) -> m::RoutingCard {
    m::RoutingCard {
        routes: vec![],
        one_plan: false,
        care_coordinator: None,
        urgency: m::Urgency::NextContact,
        summary: lang.pick("Geen uitkomst van de routering.", "No routing result.").into(),
        warnings: vec![],
        reasons: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(partner: m::Partner, reasons: &[(&str, &str)]) -> m::Route {
        m::Route {
            partner,
            kind: m::RouteKind::Consultation,
            urgency: m::Urgency::NextContact,
            verwijzer: None,
            handover: m::Handover::None,
            local_name: None,
            conversation: String::new(),
            disclosure: None,
            reasons: reasons.iter().map(|(r, t)| m::Reason::new(*r, *t)).collect(),
        }
    }

    fn card(routes: Vec<m::Route>, summary: &str) -> m::RoutingCard {
        m::RoutingCard {
            urgency: routes.first().map_or(m::Urgency::NextContact, |r| r.urgency),
            routes,
            one_plan: false,
            care_coordinator: None,
            summary: summary.into(),
            warnings: vec![],
            reasons: vec![
                m::Reason::new(
                    "RT-URGENCY",
                    "Overall urgency next-contact: the most urgent route is jeugd-GGZ (consultation).",
                ),
                m::Reason::new("G-HUMAN", "Recommendations only."),
            ],
        }
    }

    const A2: (&str, &str) =
        ("RT-A2", "Action A2 with an abnormal instrument: consult jeugd-GGZ without handing over the case.");
    const URGENCY: (&str, &str) = ("RT-URGENCY", "Urgency next-contact: the default for a step at A2.");

    #[test]
    fn a_region_that_moves_a_route_gets_its_summary_urgency_and_carried_reasons_restated() {
        let reference = card(
            vec![route(m::Partner::JeugdGgz, &[A2, URGENCY])],
            "1 route, most urgent next-contact: jeugd-ggz consultation",
        );
        let mut region = card(
            vec![route(
                m::Partner::PohJeugd,
                &[A2, URGENCY, ("REGIO-X-POH", "In this region the POH-jeugd takes this.")],
            )],
            "1 route, most urgent next-contact: jeugd-ggz consultation",
        );
        let mut dutch = region.clone();
        restate(&mut region, Some(&reference), Some("regio-x"), Language::En);
        assert_eq!(
            region.summary,
            "1 route, at the next contact: consultation POH-jeugd; as region `regio-x` set them"
        );
        assert_eq!(
            region.reasons[0].text,
            "Overall urgency: at the next contact; the most urgent route is consultation with the POH-jeugd."
        );
        restate(&mut dutch, Some(&reference), Some("regio-x"), Language::Nl);
        assert_eq!(
            dutch.summary,
            "1 route, bij het volgende contact: consultatie POH-jeugd; zoals regio `regio-x` ze bepaalde"
        );
        assert!(
            dutch.routes[0].reasons[0].text.ends_with("Regio `regio-x` stelt in plaats daarvan de POH-jeugd voor.")
        );
        assert_eq!(region.reasons.iter().filter(|r| r.rule == "RT-URGENCY").count(), 1);
        let reasons = &region.routes[0].reasons;
        assert!(
            reasons[0].text.starts_with("The guideline's reason for its route to jeugd-GGZ: «Action A2"),
            "{}",
            reasons[0].text
        );
        assert!(reasons[0].text.ends_with("Region `regio-x` proposes the POH-jeugd instead."));
        // Partner-free sentences and the region's own reasons stay as written.
        assert_eq!(reasons[1].text, URGENCY.1);
        assert_eq!(reasons[2].rule, "REGIO-X-POH");
    }

    #[test]
    fn the_guidelines_own_card_is_restated_unchanged() {
        let mut national = card(
            vec![route(m::Partner::JeugdGgz, &[A2, URGENCY])],
            "1 route, most urgent next-contact: jeugd-ggz consultation",
        );
        restate(&mut national, None, None, Language::En);
        let before = national.clone();
        restate(&mut national, None, None, Language::En);
        assert_eq!(national, before, "restating a card that is true to its routes changes nothing");
        assert_eq!(national.routes, card(vec![route(m::Partner::JeugdGgz, &[A2, URGENCY])], "").routes);
    }

    #[test]
    fn a_card_without_routes_keeps_its_own_summary() {
        let mut empty = card(vec![], "No routes, urgency next-contact: action A0.");
        empty.reasons[0] = m::Reason::new("RT-URGENCY", "No route: urgency at the next contact.");
        let before = empty.clone();
        restate(&mut empty, None, None, Language::En);
        assert_eq!(empty, before);
    }
}
