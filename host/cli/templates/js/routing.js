// @ts-check
// Region {{name}}'s routing component for wegwijs: where a case goes next in
// this region, how urgently, and with which verwijzer.
//
// componentize-qjs builds this module (see build.sh) into a WebAssembly
// component of the `routing-stage` world: it exports
// `wegwijs:jgz/routing@0.2.1` (the `routing` object below) and imports only
// `wegwijs:jgz/host@0.2.1` (`host.config` reads the region's `[config]`,
// `host.language` the reader's language, `host.log` writes a log record).
// The values are plain objects with camelCase keys; types.d.ts describes
// every one of them, so an editor completes and checks them.
//
// The host runs the national guideline's routing first and calls `route`
// with the guideline's card as `reference`; the card `route` returns is the
// one that stands for signals from the region's gemeenten. It starts out as
// the guideline itself: the reference card unchanged, plus one reason
// citing `RULE` that says the region agrees. The region's own rules go in
// `applyRegionRules`; the cases in ../cases/ say what they must do.
//
// Whatever this returns, the host holds the guideline's floors: acute
// unsafety always keeps an immediate Veilig Thuis melding (G-SAFETY), every
// referral to jeugdhulp carries a verwijzer that may refer (G-AUTHORITY),
// routes are sorted most urgent first, and an exception, a timeout or an
// output over the limits is a fault after which the guideline's card stands
// (G-NO-DROP). `boundary` (guest.js) writes an exception's type, message and
// innermost frames to the host's log before the component traps.
//
// Every text is for a JGZ professional, in the language the reader asked
// for: `host.language()` answers `nl` (the default) or `en`, and
// `say(nl, en)` picks the sentence in it; docs/glossary.md in the wegwijs
// repository gives every code its Dutch and English words. A component may
// instead write one language only and declare it in `region.toml`
// (`[region] language = "en"`); the card then tells the reader which texts
// are in which language.
//
// WASI is stubbed out (`--stub-wasi`): never read the clock, draw random
// numbers or use files here; the call would trap. `console.log` writes to
// the host's log (guest.js).

import * as host from "wegwijs:jgz/host@0.2.1";
import { boundary, say, term } from "./guest.js";

/** @typedef {import("./types").ChildCase} ChildCase */
/** @typedef {import("./types").IntakeCard} IntakeCard */
/** @typedef {import("./types").ScreeningCard} ScreeningCard */
/** @typedef {import("./types").RoutingCard} RoutingCard */

// The rule id of this region's routing rules. Rule ids are upper-case
// letters, digits and dashes; a region cites ids in its own namespace (add
// more as rules arrive, e.g. "{{PREFIX}}-HUB"), so every decision shows where
// and why the region departed from the guideline.
export const RULE = "{{PREFIX}}-ROUTING";

// Cited when the host has no guideline card to pass in, which happens only
// when the guideline's own routing failed for the case.
export const NO_REFERENCE = "{{PREFIX}}-NO-REFERENCE";

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
 * Routes one case for region {{name}}.
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
 * A rule reads the case, the earlier cards and the configuration (for
 * example `config("partners.wijkteam.name")`), changes `card` (adds, drops
 * or changes routes, sets `localName`, changes the urgency) and pushes a
 * reason `{ rule, text }` citing its rule id to every route it changed and
 * to the card, in a sentence a professional can read, in the reader's
 * language (`say("Dutch", "English")`). Keep the routes most urgent first,
 * give every route to jeugdhulp a verwijzer, and leave the Veilig Thuis
 * routes alone: the host restores them anyway.
 *
 * Until the region has rules of its own it agrees with the guideline, and
 * says so on the card.
 * @param {ChildCase} child
 * @param {IntakeCard} intake
 * @param {ScreeningCard} screening
 * @param {(key: string) => string | null} config
 * @param {RoutingCard} card
 */
function applyRegionRules(child, intake, screening, config, card) {
    // "route" and "routes" are the same word in Dutch and English.
    const routes = card.routes.length === 1 ? "1 route" : `${card.routes.length} routes`;
    const urgency = term(URGENCY, card.urgency);
    card.reasons.push({
        rule: RULE,
        text: say(
            `Regio {{name}} volgt voor deze casus de routering van de landelijke richtlijn: de kaart is die van ` +
                `de richtlijn, ongewijzigd (${routes}, urgentie: ${urgency}).`,
            `Region {{name}} agrees with the national guideline's routing for this case: the card is the ` +
                `guideline's, unchanged (${routes}, urgency: ${urgency}).`,
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
                    "De host gaf geen routeringskaart van de richtlijn mee; regio {{name}} past alleen die kaart aan " +
                        "en stelt daarom geen route voor. Bepaal zelf waar deze casus heen gaat.",
                    "The host passed no guideline routing card; region {{name}} only adjusts that card, so it " +
                        "proposes no route. Route this case by hand.",
                ),
            },
        ],
        reasons: [],
    };
}
