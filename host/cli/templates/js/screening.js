// @ts-check
// Region {{name}}'s screening component for wegwijs: how serious a case is in
// this region (risk card, instruments, overall level) and which rung of the
// action ladder it takes.
//
// componentize-qjs builds this module (see build.sh) into a WebAssembly
// component of the `screening-stage` world: it exports
// `wegwijs:jgz/screening@0.2.1` (the `screening` object below) and imports
// only `wegwijs:jgz/host@0.2.1` (`host.config` reads the region's
// `[config]`, `host.language` the reader's language, `host.log` writes a log
// record). The values are plain objects with camelCase keys; types.d.ts
// describes every one of them, so an editor completes and checks them.
//
// The host runs the national guideline's screening first and calls `screen`
// with the guideline's card as `reference`; the card `screen` returns is the
// one that stands for signals from the region's gemeenten. It starts out as
// the guideline itself: the reference card unchanged, plus one reason
// citing `RULE` that says the region agrees. The region's own rules go in
// `applyRegionRules`; the cases in ../cases/ say what they must do.
//
// Whatever this returns, the host holds the guideline's floors downstream:
// acute unsafety always leads to an immediate Veilig Thuis melding
// (G-SAFETY), every referral to jeugdhulp carries a verwijzer that may refer
// (G-AUTHORITY), and an exception, a timeout or an output over the limits is
// a fault after which the guideline's card stands (G-NO-DROP). The routing
// that follows reads this card's level and action. `boundary` (guest.js)
// writes an exception's type, message and innermost frames to the host's log
// before the component traps.
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

// The rule id of this region's screening rules. Rule ids are upper-case
// letters, digits and dashes; a region cites ids in its own namespace (add
// more as rules arrive, e.g. "{{PREFIX}}-SPARK"), so every decision shows
// where and why the region departed from the guideline.
export const RULE = "{{PREFIX}}-SCREENING";

// Cited when the host has no guideline card to pass in, which happens only
// when the guideline's own screening failed for the case.
export const NO_REFERENCE = "{{PREFIX}}-NO-REFERENCE";

// Levels of concern and the rungs of the action ladder, in Dutch and
// English, by WIT name (docs/glossary.md in the wegwijs repository lists the
// words for every code).
/** @type {Record<import("./types").Level, [string, string]>} */
const LEVEL = {
    unknown: ["onbekend", "unknown"],
    none: ["geen zorg", "none"],
    attention: ["aandacht", "attention"],
    concern: ["zorg", "concern"],
    high: ["hoog", "high"],
    safety: ["onveiligheid", "safety"],
};
/** @type {Record<import("./types").Action, [string, string]>} */
const ACTION = {
    reassess: ["opnieuw beoordelen", "reassess"],
    a0: ["A0", "A0"],
    a1: ["A1", "A1"],
    a2: ["A2", "A2"],
    a3: ["A3", "A3"],
    s: ["S", "S"],
};

/**
 * Screens one case for region {{name}}.
 *
 * `child` is the de-identified case (a pseudonym, an age and codes; never a
 * name, BSN, address or birth date), `intake` the intake card, and
 * `reference` the national guideline's screening card for this case. The
 * host passes a fresh copy for every call, so it may be changed in place.
 * @param {ChildCase} child
 * @param {IntakeCard} intake
 * @param {ScreeningCard | null} reference
 * @returns {ScreeningCard}
 */
function screen(child, intake, reference) {
    if (reference === null) {
        return withoutReference(intake);
    }
    applyRegionRules(child, intake, host.config, reference);
    return reference;
}

/** The exported `screening` interface. */
export const screening = { screen: boundary(screen) };

/**
 * The region's own screening rules, applied to the guideline's card.
 *
 * A rule reads the case, the intake card and the configuration (for example
 * `config("screening.spark-verhoogd-is-concern")`), changes `card` (raises
 * the level, moves the action up the ladder, adds a warning) and pushes a
 * reason `{ rule, text }` citing its rule id, in a sentence a professional
 * can read, in the reader's language (`say("Dutch", "English")`). Keep
 * `summary` in step with the level and action.
 *
 * Until the region has rules of its own it agrees with the guideline, and
 * says so on the card.
 * @param {ChildCase} child
 * @param {IntakeCard} intake
 * @param {(key: string) => string | null} config
 * @param {ScreeningCard} card
 */
function applyRegionRules(child, intake, config, card) {
    const level = term(LEVEL, card.level);
    const action = term(ACTION, card.action);
    card.reasons.push({
        rule: RULE,
        text: say(
            `Regio {{name}} volgt voor deze casus de screening van de landelijke richtlijn: de kaart is die van ` +
                `de richtlijn, ongewijzigd (niveau ${level}, actie ${action}).`,
            `Region {{name}} agrees with the national guideline's screening for this case: the card is the ` +
                `guideline's, unchanged (level ${level}, action ${action}).`,
        ),
    });
}

/**
 * The card when the host passes no guideline card: this component only
 * adjusts the guideline's screening, so without it the case stays with the
 * JGZ (level attention, action A1) unless intake flagged acute unsafety
 * (level safety, the meldcode track), with a warning to screen it by hand.
 * @param {IntakeCard} intake
 * @returns {ScreeningCard}
 */
function withoutReference(intake) {
    return {
        level: intake.safetyFlag ? "safety" : "attention",
        action: intake.safetyFlag ? "s" : "a1",
        // Without the guideline's ladder the child stays with the JGZ (A1).
        childAction: "a1",
        riskCard: {
            riskFactors: [],
            protectiveFactors: [],
            level: "none",
            table: say("geen: de screening van de richtlijn ontbreekt", "none: the guideline's screening result is missing"),
        },
        instruments: [],
        meldcode: null,
        summary: say(
            "Niet gescreend: de screening van de richtlijn ontbreekt; beoordeel zelf hoe ernstig deze casus is.",
            "Not screened: the guideline's screening result is missing; screen this case by hand.",
        ),
        warnings: [
            {
                rule: NO_REFERENCE,
                text: say(
                    "De host gaf geen screeningskaart van de richtlijn mee; regio {{name}} past alleen die kaart " +
                        "aan, dus de casus blijft bij de JGZ. Beoordeel zelf hoe ernstig deze casus is.",
                    "The host passed no guideline screening card; region {{name}} only adjusts that card, so the " +
                        "case stays with the JGZ. Screen it by hand.",
                ),
            },
        ],
        reasons: [],
    };
}
