// @ts-check
// Region {{name}}'s intake component for wegwijs: how this region reads an
// incoming signal (source, age band, concern domains, the safety flag).
//
// componentize-qjs builds this module (see build.sh) into a WebAssembly
// component of the `intake-stage` world: it exports
// `wegwijs:jgz/intake@0.2.1` (the `intake` object below) and imports only
// `wegwijs:jgz/host@0.2.1` (`host.config` reads the region's `[config]`,
// `host.language` the reader's language, `host.log` writes a log record).
// The values are plain objects with camelCase keys; types.d.ts describes
// every one of them, so an editor completes and checks them.
//
// The host runs the national guideline's intake first and calls `assess`
// with the guideline's card as `reference`; the card `assess` returns is the
// one that stands for signals from the region's gemeenten. It starts out as
// the guideline itself: the reference card unchanged, plus one reason
// citing `RULE` that says the region agrees. The region's own rules go in
// `applyRegionRules`; the cases in ../cases/ say what they must do.
//
// Whatever this returns, the host holds the guideline's floors downstream:
// acute unsafety always leads to an immediate Veilig Thuis melding
// (G-SAFETY), every referral to jeugdhulp carries a verwijzer that may refer
// (G-AUTHORITY), and an exception, a timeout or an output over the limits is
// a fault after which the guideline's card stands (G-NO-DROP). `boundary`
// (guest.js) writes an exception's type, message and innermost frames to the
// host's log before the component traps.
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
import { boundary, say } from "./guest.js";

/** @typedef {import("./types").ChildCase} ChildCase */
/** @typedef {import("./types").IntakeCard} IntakeCard */

// The rule id of this region's intake rules. Rule ids are upper-case letters,
// digits and dashes; a region cites ids in its own namespace (add more as
// rules arrive, e.g. "{{PREFIX}}-LOCAL-CODES"), so every decision shows where
// and why the region departed from the guideline.
export const RULE = "{{PREFIX}}-INTAKE";

// Cited when the host has no guideline card to pass in, which happens only
// when the guideline's own intake failed for the case.
export const NO_REFERENCE = "{{PREFIX}}-NO-REFERENCE";

/**
 * Assesses one signal for region {{name}}.
 *
 * `child` is the de-identified case (a pseudonym, an age and codes; never a
 * name, BSN, address or birth date) and `reference` the national
 * guideline's intake card for this case. The host passes a fresh copy for
 * every call, so it may be changed in place.
 * @param {ChildCase} child
 * @param {IntakeCard | null} reference
 * @returns {IntakeCard}
 */
function assess(child, reference) {
    if (reference === null) {
        return withoutReference(child);
    }
    applyRegionRules(child, host.config, reference);
    return reference;
}

/** The exported `intake` interface. */
export const intake = { assess: boundary(assess) };

/**
 * The region's own intake rules, applied to the guideline's card.
 *
 * A rule reads the case and the configuration (for example
 * `config("intake.extra-domains")`), changes `card` (recognises a local
 * concern code, adds a domain, adds a warning) and pushes a reason
 * `{ rule, text }` citing its rule id, in a sentence a professional can
 * read, in the reader's language (`say("Dutch", "English")`). Keep
 * `domains` in canonical order without duplicates.
 *
 * Until the region has rules of its own it agrees with the guideline, and
 * says so on the card.
 * @param {ChildCase} child
 * @param {(key: string) => string | null} config
 * @param {IntakeCard} card
 */
function applyRegionRules(child, config, card) {
    const n = card.domains.length;
    const domains = n === 1 ? say("1 domein", "1 domain") : say(`${n} domeinen`, `${n} domains`);
    const outcome =
        card.outcome === "accepted"
            ? say("signaal aangenomen", "signal accepted")
            : say("signaal afgesloten", "signal closed");
    card.reasons.push({
        rule: RULE,
        text: say(
            `Regio {{name}} volgt voor deze casus de intake van de landelijke richtlijn: de kaart is die van de ` +
                `richtlijn, ongewijzigd (${outcome}, ${domains}).`,
            `Region {{name}} agrees with the national guideline's intake for this case: the card is the ` +
                `guideline's, unchanged (${outcome}, ${domains}).`,
        ),
    });
}

/**
 * The card when the host passes no guideline card: this component only
 * adjusts the guideline's intake, so without it the signal is accepted as it
 * came (never closed), with the safety flag set whenever the signal names an
 * acute indicator, and a warning to assess it by hand.
 * @param {ChildCase} child
 * @returns {IntakeCard}
 */
function withoutReference(child) {
    return {
        outcome: "accepted",
        source: "other",
        bdsCode: null,
        ageBand: null,
        ageMonths: null,
        domains: [],
        concerns: [],
        safetyFlag: child.safetyIndicators.length > 0,
        acuteIndicators: [],
        kindcheckChildren: null,
        summary: say(
            "Aangenomen zonder de intake van de richtlijn; beoordeel dit signaal zelf.",
            "Accepted without the guideline's intake result; assess this signal by hand.",
        ),
        warnings: [
            {
                rule: NO_REFERENCE,
                text: say(
                    "De host gaf geen intakekaart van de richtlijn mee; regio {{name}} past alleen die kaart aan en " +
                        "neemt het signaal daarom aan zoals het binnenkwam. Beoordeel het zelf.",
                    "The host passed no guideline intake card; region {{name}} only adjusts that card, so it " +
                        "accepts the signal as it came. Assess it by hand.",
                ),
            },
        ],
        reasons: [],
    };
}
