//! What a routing component does with the region's configuration and with
//! a card it changed: the partner's local name read from `[config]` and cut
//! to the host's limits, the summary line, the card-level urgency sentence,
//! and finishing a region's routing card. The reference routing component
//! and the Rust regions call these; region C (Python) follows the same
//! contract, written down in `docs/regions.md`.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use wegwijs_types::{Language, Partner, Reason, RegionConfig, Route, RoutingCard, Urgency, say};

use crate::{clip, partner_term, route_kind_term, route_phrase, urgency_term, verwijzer_label};

/// The configuration key holding a partner's local name: the partner's WIT
/// name between `partners.` and `.name`.
pub const LOCAL_NAME_KEY_PREFIX: &str = "partners.";
/// See [`LOCAL_NAME_KEY_PREFIX`].
pub const LOCAL_NAME_KEY_SUFFIX: &str = ".name";
/// The configuration key holding how to reach a partner (a meeting, a phone
/// line, opening hours): the partner's WIT name between `partners.` and
/// `.contact`.
pub const LOCAL_CONTACT_KEY_SUFFIX: &str = ".contact";
/// Between the local name and the contact in a route's `local_name`.
pub const LOCAL_NAME_SEPARATOR: &str = " — ";
/// A local name or contact longer than this (in characters) is cut, so a
/// region's configuration cannot blow up the card past the host's string
/// limits; name and contact are cut separately, so a long name never hides
/// the contact entirely.
pub const LOCAL_NAME_MAX_CHARS: usize = 200;
/// A region's summary line longer than this (in characters) is cut: it
/// lists every route and every rule applied, and must stay well within the
/// host's string limit however many there are.
pub const SUMMARY_MAX_CHARS: usize = 600;

/// The guideline's statement that nothing is sent (G-HUMAN).
const G_HUMAN: &str = "G-HUMAN";
/// The guideline's urgency rule, whose card-level sentence a region restates.
const RT_URGENCY: &str = "RT-URGENCY";
/// The G-HUMAN sentence on every routing card.
pub const fn recommendation_only(lang: Language) -> &'static str {
    lang.pick(
        "Deze routes zijn een advies aan de professional; het systeem verstuurt en deelt niets.",
        "These routes are recommendations for the professional; nothing is sent or shared by the system.",
    )
}

/// The region's local name for `partner`: `partners.<partner>.name` and
/// `partners.<partner>.contact`, each trimmed and cut to
/// [`LOCAL_NAME_MAX_CHARS`], joined with [`LOCAL_NAME_SEPARATOR`] when both
/// are set; blank values count as unset.
pub fn local_name(config: &dyn RegionConfig, partner: Partner) -> Option<String> {
    let part = |suffix: &str| {
        let value = config.get(&format!("{LOCAL_NAME_KEY_PREFIX}{}{suffix}", partner.name()))?;
        let value = value.trim();
        (!value.is_empty()).then(|| clip(value, LOCAL_NAME_MAX_CHARS))
    };
    match (part(LOCAL_NAME_KEY_SUFFIX), part(LOCAL_CONTACT_KEY_SUFFIX)) {
        (Some(name), Some(contact)) => Some(format!("{name}{LOCAL_NAME_SEPARATOR}{contact}")),
        (Some(one), None) | (None, Some(one)) => Some(one),
        (None, None) => None,
    }
}

/// Finishes a routing card a region's rules started from the guideline's.
/// With no rule applied, it says so (citing `no_change_rule`) and leaves the
/// card as it is. Otherwise it puts the routes in urgency order (stable, so
/// the guideline's order breaks ties), sets the overall urgency to the most
/// urgent route's, writes a summary naming the rules applied, and restates
/// the guideline's RT-URGENCY sentence, which named a route the rules may
/// have changed. Either way the card carries the G-HUMAN sentence once.
/// `region` names the region in the sentences, e.g. "regio A"; `lang` is
/// the language the sentences are written in.
pub fn finish_region_routing(
    mut card: RoutingCard,
    region: &str,
    applied: &[&str],
    no_change_rule: &str,
    lang: Language,
) -> RoutingCard {
    if applied.is_empty() {
        card.reasons.push(Reason::new(
            no_change_rule,
            say!(
                lang,
                "Geen regel van {region} is op deze casus van toepassing: de routes van de landelijke richtlijn blijven ongewijzigd.",
                "No rule of {region} applies to this case: the national guideline's routes stand unchanged."
            ),
        ));
    } else {
        card.routes.sort_by_key(|r| r.urgency);
        card.urgency = card.routes.first().map_or(Urgency::NextContact, |r| r.urgency);
        card.summary = region_summary(&card, region, applied, lang);
        card.reasons.retain(|r| r.rule != RT_URGENCY);
        let text = match card.routes.first() {
            Some(first) => {
                let (when, route) = (urgency_term(card.urgency, lang), route_phrase(first.kind, first.partner, lang));
                say!(
                    lang,
                    "Urgentie van de kaart: {when}. Na de regels van {region} is de meest urgente route: {route}.",
                    "Overall urgency: {when}. After {region}'s rules the most urgent route is {route}."
                )
            }
            None => say!(
                lang,
                "Na de regels van {region} blijft geen route over: urgentie bij het volgende contact.",
                "No route after {region}'s rules: urgency at the next contact."
            ),
        };
        card.reasons.push(Reason::new(RT_URGENCY, text));
    }
    if !card.reasons.iter().any(|r| r.rule == G_HUMAN) {
        card.reasons.push(Reason::new(G_HUMAN, recommendation_only(lang)));
    }
    card
}

/// The card a region returns when the host gave it no guideline result to
/// start from: no routes, and a warning citing `no_reference_rule` that the
/// case must be routed by hand.
pub fn region_routing_without_reference(region: &str, no_reference_rule: &str, lang: Language) -> RoutingCard {
    RoutingCard {
        routes: Vec::new(),
        one_plan: false,
        care_coordinator: None,
        urgency: Urgency::NextContact,
        summary: say!(
            lang,
            "Geen routes: de routering van de richtlijn ontbreekt, dus {region} stelt niets voor.",
            "No routes: the guideline's routing result is missing, so {region} proposes nothing."
        ),
        warnings: alloc::vec![Reason::new(
            no_reference_rule,
            say!(
                lang,
                "De host gaf geen routering van de richtlijn mee; {region} past die alleen aan en stelt dus geen route voor: bepaal de route zelf.",
                "The host supplied no guideline routing result; {region} only adjusts that result, so it proposes no route: route this case by hand."
            ),
        )],
        reasons: alloc::vec![Reason::new(G_HUMAN, recommendation_only(lang))],
    }
}

/// "2 routes, de meest urgente binnenkort: …; regio A paste REGIO-A-OT-HUB toe".
fn region_summary(card: &RoutingCard, region: &str, applied: &[&str], lang: Language) -> String {
    let rules = applied.join(", ");
    match routes_summary(&card.routes, lang) {
        Some(routes) => clip(
            &say!(lang, "{routes}; {region} paste {rules} toe.", "{routes}; {region} applied {rules}."),
            SUMMARY_MAX_CHARS,
        ),
        None => say!(
            lang,
            "Geen routes, urgentie bij het volgende contact; {region} paste {rules} toe.",
            "No routes, urgency at the next contact; {region} applied {rules}."
        ),
    }
}

/// "2 routes, de meest urgente binnenkort: verwijzing jeugd-GGZ (verwijzer
/// 03 Jeugdarts), informatie opvragen basisschool", for routes in urgency order;
/// `None` without routes. The reference routing component and regions
/// summarise their cards with it alike.
pub fn routes_summary(routes: &[Route], lang: Language) -> Option<String> {
    let first = routes.first()?;
    let items: Vec<String> = routes
        .iter()
        .map(|r| {
            let (kind, partner) = (route_kind_term(r.kind, lang), partner_term(r.partner, lang));
            match r.verwijzer {
                Some(v) => format!("{kind} {partner} (verwijzer {} {})", v.code(), verwijzer_label(v)),
                None => format!("{kind} {partner}"),
            }
        })
        .collect();
    let n = routes.len();
    let when = urgency_term(first.urgency, lang);
    let items = items.join(", ");
    Some(match (lang, n) {
        (Language::Nl, 1) => format!("1 route, {when}: {items}"),
        (Language::Nl, _) => format!("{n} routes, de meest urgente {when}: {items}"),
        (Language::En, 1) => format!("1 route, {when}: {items}"),
        (Language::En, _) => format!("{n} routes, the most urgent {when}: {items}"),
    })
}

/// The card-level RT-URGENCY sentence for routes in urgency order: the
/// overall urgency and the route that sets it. Whoever last changed the
/// routes (a region's rules, a guardrail) states it again from the final
/// list, so it never names a route the card no longer has.
pub fn overall_urgency_sentence(routes: &[Route], lang: Language) -> String {
    match routes.first() {
        Some(first) => {
            let (when, route) = (urgency_term(first.urgency, lang), route_phrase(first.kind, first.partner, lang));
            say!(
                lang,
                "Urgentie van de kaart: {when}; de meest urgente route is: {route}.",
                "Overall urgency: {when}; the most urgent route is {route}."
            )
        }
        None => String::from(
            lang.pick("Geen route: urgentie bij het volgende contact.", "No route: urgency at the next contact."),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::collections::BTreeMap;

    struct Map(BTreeMap<&'static str, &'static str>);

    impl RegionConfig for Map {
        fn get(&self, key: &str) -> Option<String> {
            self.0.get(key).map(|v| String::from(*v))
        }
    }

    #[test]
    fn local_names_join_name_and_contact() {
        let c = Map(BTreeMap::from([
            ("partners.wijkteam.name", " Team Noord "),
            ("partners.wijkteam.contact", "Tuesdays"),
            ("partners.huisarts.contact", "call"),
            ("partners.amw.name", "  "),
        ]));
        assert_eq!(local_name(&c, Partner::Wijkteam).as_deref(), Some("Team Noord — Tuesdays"));
        assert_eq!(local_name(&c, Partner::Huisarts).as_deref(), Some("call"));
        assert_eq!(local_name(&c, Partner::Amw), None);
    }

    #[test]
    fn an_unchanged_card_says_so_and_keeps_its_routes() {
        for &lang in Language::ALL {
            let card = region_routing_without_reference("regio X", "REGIO-X-NO-REFERENCE", lang);
            assert!(card.warnings.iter().any(|w| w.rule == "REGIO-X-NO-REFERENCE"));
            let finished = finish_region_routing(card, "regio X", &[], "REGIO-X-NO-CHANGE", lang);
            assert!(finished.reasons.iter().any(|r| r.rule == "REGIO-X-NO-CHANGE" && r.text.contains("regio X")));
            let human: Vec<&Reason> = finished.reasons.iter().filter(|r| r.rule == G_HUMAN).collect();
            assert_eq!(human.len(), 1);
            assert_eq!(human[0].text, recommendation_only(lang));
        }
    }

    #[test]
    fn summaries_use_the_glossary_in_the_readers_language() {
        use wegwijs_types::{RouteKind, Verwijzer};
        let route = |partner, kind, urgency, verwijzer| Route {
            partner,
            kind,
            urgency,
            verwijzer,
            handover: wegwijs_types::Handover::None,
            local_name: None,
            conversation: String::new(),
            disclosure: None,
            reasons: Vec::new(),
        };
        let routes = [
            route(Partner::JeugdGgz, RouteKind::Referral, Urgency::Soon, Some(Verwijzer::Jeugdarts)),
            route(Partner::PrimarySchool, RouteKind::Information, Urgency::NextContact, None),
        ];
        assert_eq!(
            routes_summary(&routes, Language::Nl).as_deref(),
            Some(
                "2 routes, de meest urgente binnenkort: verwijzing jeugd-GGZ (verwijzer 03 Jeugdarts), informatie opvragen basisschool"
            )
        );
        assert_eq!(
            routes_summary(&routes, Language::En).as_deref(),
            Some(
                "2 routes, the most urgent soon: referral jeugd-GGZ (verwijzer 03 Jeugdarts), information primary school"
            )
        );
        assert_eq!(
            overall_urgency_sentence(&routes, Language::Nl),
            "Urgentie van de kaart: binnenkort; de meest urgente route is: verwijzing naar de jeugd-GGZ."
        );
        assert_eq!(routes_summary(&[], Language::Nl), None);
    }
}
