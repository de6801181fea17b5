// @ts-check
// What every wegwijs component in JavaScript needs besides its rules: the
// reader's language (`say`, `term`), `console` written to the host's log,
// and `boundary`, which turns an exception into a readable log before the
// component traps. app.js imports it; leave it as it is.
//
// The component is built with `--stub-wasi`: every WASI import traps, so
// QuickJS's own console (which writes to WASI's stdout) would trap too.
// Here `console.log`, `.info`, `.debug`, `.warn` and `.error` write to
// `host.log` instead, at the matching level.

import * as host from "wegwijs:jgz/host@0.2.1";

/** At most this many stack frames are logged with an exception. */
const MAX_FRAMES = 8;

/**
 * The text in the language the reader asked for: `nl` in Dutch (the
 * default), `en` in English. Write every sentence in both.
 * @param {string} nl
 * @param {string} en
 * @returns {string}
 */
export function say(nl, en) {
    return host.language() === "en" ? en : nl;
}

/**
 * The Dutch or English word for an enum case from `words` (WIT name to
 * `[nl, en]`), in the reader's language; the code itself if it is missing.
 * @param {Record<string, [string, string]>} words
 * @param {string} code
 * @returns {string}
 */
export function term(words, code) {
    const [nl, en] = words[code] ?? [`\`${code}\``, `\`${code}\``];
    return say(nl, en);
}

/**
 * One value as a log line would show it.
 * @param {unknown} value
 * @returns {string}
 */
function show(value) {
    if (typeof value === "string") return value;
    try {
        return JSON.stringify(value) ?? String(value);
    } catch {
        return String(value);
    }
}

/**
 * @param {import("wegwijs:jgz/host@0.2.1").LogLevel} level
 * @returns {(...args: unknown[]) => void}
 */
function toLog(level) {
    return (...args) => host.log(level, args.map(show).join(" "));
}

globalThis.console = {
    log: toLog("info"),
    info: toLog("info"),
    debug: toLog("debug"),
    warn: toLog("warn"),
    error: toLog("warn"),
};

/**
 * An exception as log lines: its type and message, then the innermost
 * frames as `at function (file, line N)`. The host masks every digit in a
 * log message, so a line number shows as `line #`; the type, the message
 * and the function names survive.
 * @param {unknown} error
 * @returns {string[]}
 */
export function describe(error) {
    if (!(error instanceof Error)) {
        return [`uncaught ${typeof error}: ${show(error)}`];
    }
    const lines = [`${error.name}: ${error.message}`];
    for (const frame of (error.stack ?? "").split("\n").slice(0, MAX_FRAMES)) {
        // QuickJS writes `    at name (/app.js:12:5)` or `    at /app.js:12:5`.
        const match = /^\s*at (?:(.*?) \()?(?:.*\/)?([^/()]+?):(\d+)(?::\d+)?\)?$/.exec(frame);
        if (match && match[2] === "guest.js") {
            // The boundary itself: not where the error is.
            continue;
        } else if (match) {
            lines.push(`  at ${match[1] || "<top>"} (${match[2]}, line ${match[3]})`);
        } else if (frame.trim()) {
            lines.push(`  ${frame.trim()}`);
        }
    }
    return lines;
}

/**
 * Wraps an exported function: an exception it throws is written to
 * `host.log` at level `warn`, one record per line (see `describe`), and
 * thrown on, so the component traps and the host records a fault (the
 * guideline's result stands, G-NO-DROP) whose detail ends with these lines.
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @returns {F}
 */
export function boundary(fn) {
    return /** @type {F} */ (
        (...args) => {
            try {
                return fn(...args);
            } catch (error) {
                for (const line of describe(error)) {
                    host.log("warn", line);
                }
                throw error;
            }
        }
    );
}
