// The host interface `wegwijs:jgz/host@0.2.1` (component/wit/host.wit), the
// only import a wegwijs component has, as app.js and guest.js import it:
// `import * as host from "wegwijs:jgz/host@0.2.1"`, and the `console` that
// guest.js writes to it. For the editor only; the build binds the real
// import from the WIT.

declare module "wegwijs:jgz/host@0.2.1" {
    /** Severity of a log record. */
    export type LogLevel = "debug" | "info" | "warn";
    /**
     * Writes one structured log record. The host masks it (every digit
     * becomes `#`, line breaks are dropped) and bounds its length; it never
     * fails and never blocks.
     */
    export function log(level: LogLevel, message: string): void;
    /**
     * Reads one value from the region's `[config]` table, as a string (TOML
     * values are rendered; tables are not readable as a whole). Keys are
     * dotted paths, e.g. `partners.wijkteam.name`; `null` when absent.
     */
    export function config(key: string): string | null;
    /** The language the reader asked for: `nl` (the default) or `en`. */
    export function language(): string;
}

/**
 * The console, as guest.js installs it: every method writes one record to
 * `host.log` (`log` and `info` at level info, `debug` at debug, `warn` and
 * `error` at warn). There is no other: WASI's standard output traps.
 */
declare var console: {
    log(...data: unknown[]): void;
    info(...data: unknown[]): void;
    debug(...data: unknown[]): void;
    warn(...data: unknown[]): void;
    error(...data: unknown[]): void;
};
