// @ts-check
// Region {{name}}'s consent component for wegwijs: for every disclosure the
// routes need, whether it may go in this region and who must agree.
//
// componentize-qjs builds this module (see build.sh) into a WebAssembly
// component of the `consent-stage` world: it exports
// `wegwijs:jgz/consent@0.2.1` (the `consent` object below) and imports only
// `wegwijs:jgz/host@0.2.1` (`host.config` reads the region's `[config]`,
// `host.language` the reader's language, `host.log` writes a log record).
// The values are plain objects with camelCase keys; types.d.ts describes
// every one of them, so an editor completes and checks them.
//
// The host runs the national guideline's consent checks first and calls
// `check` with the guideline's cards as `reference`; the cards `check`
// returns are the ones that stand for signals from the region's gemeenten.
// They start out as the guideline's: the reference cards unchanged, plus one
// reason each citing `RULE` that says the region agrees. The region's own
// rules go in `applyRegionRules`; the cases in ../cases/ say what they must
// do.
//
// Whatever this returns, the host holds the guideline's floors (G-CONSENT):
// a region may make a check stricter, never more permissive, and an
// exception, a timeout or an output over the limits is a fault after which
// the guideline's cards stand (G-NO-DROP). `boundary` (guest.js) writes an
// exception's type, message and innermost frames to the host's log before
// the component traps.
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
/** @typedef {import("./types").DisclosureRequest} DisclosureRequest */
/** @typedef {import("./types").ConsentCard} ConsentCard */

// The rule id of this region's consent rules. Rule ids are upper-case
// letters, digits and dashes; a region cites ids in its own namespace (add
// more as rules arrive, e.g. "{{PREFIX}}-SCHOOL"), so every decision shows
// where and why the region departed from the guideline.
export const RULE = "{{PREFIX}}-CONSENT";

// Cited when the host has no guideline cards to pass in, which happens only
// when the guideline's own consent checks failed for the case.
export const NO_REFERENCE = "{{PREFIX}}-NO-REFERENCE";

// The outcomes of a consent check, in Dutch and English, by WIT name
// (docs/glossary.md in the wegwijs repository lists the words for every
// code, the partners too).
/** @type {Record<import("./types").ConsentOutcome, [string, string]>} */
const OUTCOME = {
    permitted: ["mag gedeeld worden", "permitted"],
    "needs-consent": ["toestemming nodig", "needs consent"],
    "anonymous-only": ["alleen anoniem", "anonymous only"],
    "professional-judgement": ["professionele afweging", "professional judgement"],
    denied: ["niet delen", "denied"],
};

/**
 * Checks every disclosure request of one case for region {{name}}: one card
 * per request, in the same order.
 *
 * `child` is the de-identified case (a pseudonym, an age and codes; never a
 * name, BSN, address or birth date), `requests` the disclosures the routes
 * need, and `reference` the national guideline's cards for them. The host
 * passes fresh copies for every call, so they may be changed in place.
 * @param {ChildCase} child
 * @param {DisclosureRequest[]} requests
 * @param {ConsentCard[] | null} reference
 * @returns {ConsentCard[]}
 */
function check(child, requests, reference) {
    if (reference === null) {
        return requests.map(withoutReference);
    }
    applyRegionRules(child, host.config, reference);
    return reference;
}

/** The exported `consent` interface. */
export const consent = { check: boundary(check) };

/**
 * The region's own consent rules, applied to the guideline's cards.
 *
 * A rule reads the case, each card's request and the configuration (for
 * example `config("consent.school-needs-youth")`), makes a card stricter (a
 * stricter outcome, more parties whose consent is needed, fewer permitted
 * data categories, a checklist item) and pushes a reason `{ rule, text }`
 * citing its rule id to that card, in a sentence a professional can read,
 * in the reader's language (`say("Dutch", "English")`). Keep one card per
 * request, in order.
 *
 * Until the region has rules of its own it agrees with the guideline, and
 * says so on every card.
 * @param {ChildCase} child
 * @param {(key: string) => string | null} config
 * @param {ConsentCard[]} cards
 */
function applyRegionRules(child, config, cards) {
    for (const card of cards) {
        const recipient = `\`${card.request.recipient}\``;
        const outcome = term(OUTCOME, card.outcome);
        card.reasons.push({
            rule: RULE,
            text: say(
                `Regio {{name}} volgt de landelijke richtlijn voor het delen van gegevens met ${recipient}: de ` +
                    `kaart is die van de richtlijn, ongewijzigd (${outcome}).`,
                `Region {{name}} agrees with the national guideline on this disclosure to ${recipient}: the card ` +
                    `is the guideline's, unchanged (${outcome}).`,
            ),
        });
    }
}

/**
 * The card for one request when the host passes no guideline cards: this
 * component only adjusts the guideline's outcomes, so without them nothing
 * may go until a professional has weighed it.
 * @param {DisclosureRequest} request
 * @returns {ConsentCard}
 */
function withoutReference(request) {
    return {
        request,
        outcome: "professional-judgement",
        legalBasis: null,
        consentOf: [],
        inform: [],
        permittedData: [],
        checklist: [
            say(
                "De toestemmingsuitkomst van de richtlijn ontbreekt: weeg zelf af of deze gegevens gedeeld mogen " +
                    "worden, voordat je iets deelt.",
                "The guideline's consent result is missing: weigh this disclosure by hand before anything is shared.",
            ),
        ],
        reasons: [
            {
                rule: NO_REFERENCE,
                text: say(
                    "De host gaf geen toestemmingskaart van de richtlijn mee; regio {{name}} past alleen die kaart " +
                        "aan, dus dit delen van gegevens vraagt een professionele afweging.",
                    "The host passed no guideline consent card; region {{name}} only adjusts that card, so this " +
                        "disclosure is left to professional judgement.",
                ),
            },
        ],
    };
}
