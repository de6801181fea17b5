// @ts-check
// Example region E's routing component for wegwijs, in JavaScript: the
// POH-jeugd at the huisarts practice takes the jeugd-GGZ consultations
// (rule REGIO-E-POH). README.md says what the region does and why.
//
// componentize-qjs builds this module (see build.sh) into a WebAssembly
// component of the `routing-stage` world: it exports
// `wegwijs:jgz/routing@0.2.1` (the `routing` object below) and imports only
// `wegwijs:jgz/host@0.2.1`. The values are plain objects with camelCase
// keys; types.d.ts describes every one of them.
//
// The host runs the national guideline's routing first and calls `route`
// with the guideline's card as `reference`; this component changes that
// card. Whatever it returns, the host holds the guideline's floors
// (G-SAFETY, G-AUTHORITY, G-CONSENT), and an exception is a fault after
// which the guideline's card stands (G-NO-DROP); `boundary` (guest.js) logs
// the exception's type, message and innermost frames first.
//
// Every text is in the language the reader asked for (`say(nl, en)`), so
// region.toml declares no language.

import * as host from "wegwijs:jgz/host@0.2.1";
import { boundary, say, term } from "./guest.js";

/** @typedef {import("./types").ChildCase} ChildCase */
/** @typedef {import("./types").IntakeCard} IntakeCard */
/** @typedef {import("./types").ScreeningCard} ScreeningCard */
/** @typedef {import("./types").RoutingCard} RoutingCard */

// The rule id of this region's routing rules. Rule ids are upper-case
// letters, digits and dashes; a region cites ids in its own namespace (add
// more as rules arrive, e.g. "REGIO-E-HUB"), so every decision shows where
// and why the region departed from the guideline.
export const RULE = "REGIO-E-ROUTING";

// The POH-jeugd at the huisarts practice takes the guideline's jeugd-GGZ
// consultations (A2) first, and consults jeugd-GGZ when needed.
export const POH = "REGIO-E-POH";

// Cited when the host has no guideline card to pass in, which happens only
// when the guideline's own routing failed for the case.
export const NO_REFERENCE = "REGIO-E-NO-REFERENCE";

// How soon, in Dutch and English, by WIT name (docs/glossary.md in the
// wegwijs repository lists the words for every code).
/** @type {Record<import("./types").Urgency, [string, string]>} */
const URGENCY = {
    immediate: ["direct", "immediately"],
    "within-five-working-days": ["binnen vijf werkdagen", "within five working days"],
    soon: ["binnenkort", "soon"],
    "next-contact": ["bij het volgende contact", "at the next contact"],
};

/**
 * Routes one case for region E.
 *
 * `child` is the de-identified case (a pseudonym, an age and codes; never a
 * name, BSN, address or birth date), `intake` and `screening` the cards of
 * the earlier stages, and `reference` the national guideline's routing card
 * for this case. The host passes a fresh copy for every call, so it may be
 * changed in place.
 * @param {ChildCase} child
 * @param {IntakeCard} intake
 * @param {ScreeningCard} screening
 * @param {RoutingCard | null} reference
 * @returns {RoutingCard}
 */
function route(child, intake, screening, reference) {
    if (reference === null) {
        return withoutReference();
    }
    applyRegionRules(child, intake, screening, host.config, reference);
    return reference;
}

/** The exported `routing` interface. */
export const routing = { route: boundary(route) };

/**
 * The region's own routing rules, applied to the guideline's card.
 *
 * `POH`: a consultation of jeugd-GGZ becomes a consultation of the
 * POH-jeugd, named from `partners.poh-jeugd.name`; its disclosure follows
 * the new recipient, so the consent stage checks the right party. Referrals
 * to jeugd-GGZ are left alone. A card the rule does not change says the
 * region agrees with the guideline (`RULE`).
 * @param {ChildCase} child
 * @param {IntakeCard} intake
 * @param {ScreeningCard} screening
 * @param {(key: string) => string | null} config
 * @param {RoutingCard} card
 */
function applyRegionRules(child, intake, screening, config, card) {
    let changed = false;
    for (const route of card.routes) {
        if (route.partner !== "jeugd-ggz" || route.kind !== "consultation") {
            continue;
        }
        route.partner = "poh-jeugd";
        route.localName = config("partners.poh-jeugd.name");
        route.conversation = say(
            "Bespreek met de ouders dat de JGZ de POH-jeugd van hun huisartsenpraktijk consulteert, zonder de " +
                "casus over te dragen.",
            "Discuss with the parents that JGZ will consult the POH-jeugd at their huisarts practice, without " +
                "handing over the case.",
        );
        if (route.disclosure !== null) {
            route.disclosure.recipient = "poh-jeugd";
        }
        route.reasons.push({
            rule: POH,
            text: say(
                "In regio E neemt de POH-jeugd van de huisartsenpraktijk de consultaties van de jeugd-GGZ als " +
                    "eerste op zich; zij consulteert de jeugd-GGZ zo nodig zelf.",
                "In region E the POH-jeugd at the huisarts practice takes jeugd-GGZ consultations first, and " +
                    "consults jeugd-GGZ when needed.",
            ),
        });
        changed = true;
    }
    if (changed) {
        card.reasons.push({
            rule: POH,
            text: say(
                "De consultatie van de jeugd-GGZ gaat eerst naar de POH-jeugd (regio E).",
                "The jeugd-GGZ consultation goes to the POH-jeugd first (region E).",
            ),
        });
        return;
    }
    // "route" and "routes" are the same word in Dutch and English.
    const routes = card.routes.length === 1 ? "1 route" : `${card.routes.length} routes`;
    const urgency = term(URGENCY, card.urgency);
    card.reasons.push({
        rule: RULE,
        text: say(
            `Regio E volgt voor deze casus de routering van de landelijke richtlijn: de kaart is die van de ` +
                `richtlijn, ongewijzigd (${routes}, urgentie: ${urgency}).`,
            `Region E agrees with the national guideline's routing for this case: the card is the guideline's, ` +
                `unchanged (${routes}, urgency: ${urgency}).`,
        ),
    });
}

/**
 * The card when the host passes no guideline card: this component only
 * adjusts the guideline's routes, so without them it proposes none and asks
 * for the case to be routed by hand.
 * @returns {RoutingCard}
 */
function withoutReference() {
    return {
        routes: [],
        onePlan: false,
        careCoordinator: null,
        urgency: "next-contact",
        summary: say(
            "Geen routes: de routering van de richtlijn ontbreekt; bepaal zelf waar deze casus heen gaat.",
            "No routes: the guideline's routing result is missing; route this case by hand.",
        ),
        warnings: [
            {
                rule: NO_REFERENCE,
                text: say(
                    "De host gaf geen routeringskaart van de richtlijn mee; regio E past alleen die kaart aan " +
                        "en stelt daarom geen route voor. Bepaal zelf waar deze casus heen gaat.",
                    "The host passed no guideline routing card; region E only adjusts that card, so it " +
                        "proposes no route. Route this case by hand.",
                ),
            },
        ],
        reasons: [],
    };
}
