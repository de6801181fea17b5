//! One module per subcommand, each a `<Verb>Command` with `execute`.

pub(crate) mod audit;
pub(crate) mod check;
pub(crate) mod compare;
pub(crate) mod corpus;
pub(crate) mod new;
pub(crate) mod run;
pub(crate) mod schema;
pub(crate) mod serve;
pub(crate) mod simulate;
pub(crate) mod test;
pub(crate) mod wit;

use wegwijs::types::say;

/// Input the user must fix (a missing or unreadable file); maps to exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct InputError(pub(crate) String);

/// Reads a stage name from the command line. The stages and their
/// descriptions come from the library's [`wegwijs::Stage`], so `--help`
/// lists exactly the stages the host runs.
pub(crate) fn stage_parser() -> impl clap::builder::TypedValueParser<Value = wegwijs::Stage> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(wegwijs::Stage::ALL.map(|s| PossibleValue::new(s.name()).help(s.description())))
        .try_map(|name| wegwijs::Stage::from_name(&name).ok_or("not a stage"))
}

/// The variable that says where the CLI keeps compiled components: a
/// directory, or `off` for none.
pub(crate) const COMPILE_CACHE_VAR: &str = "WEGWIJS_COMPILE_CACHE";

/// Where compiled components are kept when [`COMPILE_CACHE_VAR`] does not
/// say: `$XDG_CACHE_HOME/wegwijs/compiled`, else
/// `$HOME/.cache/wegwijs/compiled`; `None` when neither is set.
fn default_compile_cache() -> Option<std::path::PathBuf> {
    let absolute = |v: std::ffi::OsString| Some(std::path::PathBuf::from(v)).filter(|p| p.is_absolute());
    std::env::var_os("XDG_CACHE_HOME")
        .and_then(absolute)
        .or_else(|| std::env::var_os("HOME").and_then(absolute).map(|h| h.join(".cache")))
        .map(|base| base.join("wegwijs").join("compiled"))
}

/// The error for a region bundle that could not be activated, in the
/// reader's language, with the step to take when its component was simply
/// never built: a bundle whose component is built from source
/// (`component/build.sh`) cannot be used from a fresh clone until that
/// script has run.
pub(crate) fn bundle_error(dir: &std::path::Path, error: &wegwijs::Error) -> InputError {
    let script = dir.join("component/build.sh");
    // The component file itself is missing or unreadable: not a wrong hash
    // or a refusal, which building again would not mend.
    let unbuilt = matches!(error, wegwijs::Error::RegionRefused { problems, .. }
            if problems.iter().any(|p| matches!(p, wegwijs::BundleProblem::Unreadable { path, .. } if path.ends_with(".wasm"))))
        && script.is_file();
    let message = error.message(language());
    if !unbuilt {
        return InputError(message);
    }
    let script = script.display();
    let hint = match language() {
        wegwijs::Language::Nl => format!("bouw de component eerst: sh {script}"),
        wegwijs::Language::En => format!("build its component first: sh {script}"),
    };
    InputError(format!("{message}; {hint}"))
}

/// An error as `main` prints it, in `lang`: anyhow's chain of contexts,
/// joined by `: ` as `{:#}` joins them, except that a library error is
/// given in `lang` (with its own causes, so the chain stops there).
/// Contexts and [`InputError`]s are written in the chosen language where
/// they are made.
pub(crate) fn error_text(error: &anyhow::Error, lang: wegwijs::Language) -> String {
    let mut parts = Vec::new();
    for cause in error.chain() {
        if let Some(e) = cause.downcast_ref::<wegwijs::Error>() {
            parts.push(e.message(lang));
            break;
        }
        parts.push(cause.to_string());
    }
    parts.join(": ")
}

/// The operating system's reason for a failed read or write, for a
/// person: in Dutch the common kinds in words, anything else as the system
/// said it; in English always as the system said it.
pub(crate) fn os_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let dutch = match error.kind() {
        _ if language() == wegwijs::Language::En => None,
        K::NotFound => Some("bestaat niet"),
        K::PermissionDenied => Some("geen toegang (rechten)"),
        K::IsADirectory => Some("is een map"),
        K::NotADirectory => Some("een deel van het pad is geen map"),
        K::InvalidData => Some("de inhoud is geen geldige tekst (UTF-8)"),
        K::AlreadyExists => Some("bestaat al"),
        K::StorageFull => Some("de schijf is vol"),
        K::AddrInUse => Some("het adres is al in gebruik"),
        K::AddrNotAvailable => Some("dat adres is op deze machine niet beschikbaar"),
        _ => None,
    };
    dutch.map_or_else(|| error.to_string(), str::to_string)
}

/// The variable that names the reader's language (`nl` or `en`) when no
/// `--lang` does, and for the commands that have no `--lang` for it.
pub(crate) const LANG_VAR: &str = "WEGWIJS_LANG";

/// `--lang nl|en`: the language of everything a command writes for people
/// (cards, reasons, reports). JSON keys, codes, rule ids and exit codes are
/// the same in both.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ReaderLanguage {
    /// The language of the texts for people: `nl` (Nederlands, the default)
    /// or `en` (English). JSON keys, codes, rule ids and exit codes are the
    /// same in both. Also read from WEGWIJS_LANG.
    #[arg(long = "lang", value_enum, default_value_t = Lang::Nl, env = LANG_VAR)]
    lang: Lang,
}

/// A language a person can read wegwijs' output in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Lang {
    /// Nederlands.
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The library's language.
    fn language(self) -> wegwijs::Language {
        match self {
            Lang::Nl => wegwijs::Language::Nl,
            Lang::En => wegwijs::Language::En,
        }
    }
}

impl ReaderLanguage {
    /// The language chosen.
    pub(crate) fn language(&self) -> wegwijs::Language {
        self.lang.language()
    }
}

/// The language of a command without `--lang nl|en` (`schema`, `corpus`,
/// `new`, `audit`, `wit`): [`LANG_VAR`], read as `--lang` reads it (`nl`
/// or `en`); Dutch when it is unset or names neither.
pub(crate) fn env_language() -> wegwijs::Language {
    use clap::ValueEnum as _;
    std::env::var(LANG_VAR).ok().and_then(|v| Lang::from_str(&v, false).ok()).unwrap_or(Lang::Nl).language()
}

/// The language `--lang` (or `WEGWIJS_LANG`) chose for this run.
static LANGUAGE: std::sync::OnceLock<wegwijs::Language> = std::sync::OnceLock::new();

/// Sets the language everything this run prints for people is written in;
/// called once, by `main`, before any command runs.
pub(crate) fn set_language(language: wegwijs::Language) {
    let _ = LANGUAGE.set(language);
}

/// The language chosen with `--lang`, or for a command without it with
/// [`LANG_VAR`] (Dutch when neither chose).
pub(crate) fn language() -> wegwijs::Language {
    LANGUAGE.get().copied().unwrap_or_default()
}

/// Builds the host, in the chosen language, with the compile cache: every
/// command then starts in milliseconds once the reference components have
/// been compiled once. A directory named in [`COMPILE_CACHE_VAR`] that
/// cannot be used is an error; the default one is passed by with a
/// warning, since the user never asked for it.
pub(crate) fn build_host(builder: wegwijs::HostBuilder) -> anyhow::Result<wegwijs::Host> {
    use anyhow::Context as _;
    let lang = language();
    let builder = builder.language(lang);
    let starting = lang.pick("kan de wegwijs-host niet starten", "starting the wegwijs host");
    let chosen = std::env::var_os(COMPILE_CACHE_VAR);
    match chosen {
        Some(v) if v == "off" => builder.build().context(starting),
        Some(v) if !v.is_empty() => builder.compile_cache(v).build().with_context(|| {
            say!(
                lang,
                "kan de wegwijs-host niet starten (zet {COMPILE_CACHE_VAR}=off om zonder cache te compileren)",
                "starting the wegwijs host (set {COMPILE_CACHE_VAR}=off to compile without a cache)"
            )
        }),
        _ => match default_compile_cache() {
            Some(dir) => match builder.clone().compile_cache(&dir).build() {
                Err(e @ wegwijs::Error::CompileCache { .. }) => {
                    let e = e.message(lang);
                    eprintln!(
                        "{}",
                        say!(
                            lang,
                            "waarschuwing: {e}; wegwijs compileert zonder cache (noem een andere map in {COMPILE_CACHE_VAR}, of `off`)",
                            "warning: {e}; compiling without a cache ({COMPILE_CACHE_VAR} names another directory, or `off`)"
                        )
                    );
                    builder.build().context(starting)
                }
                other => other.context(starting),
            },
            None => builder.build().context(starting),
        },
    }
}

/// A record's place in a decision log for a person: its segment file and
/// line, as `Position` shows it in English.
pub(crate) fn log_position(position: &wegwijs::audit::Position, lang: wegwijs::Language) -> String {
    let (segment, line) = (crate::escape::terminal(&position.segment), position.line);
    say!(lang, "{segment} regel {line}", "{segment} line {line}")
}

/// Opens the decision log in `dir` for a command that decides. A torn last
/// record left by a crash is cut off, recorded in the log and reported
/// here; a broken or locked log is an input error (exit 2) that names the
/// first broken record.
pub(crate) fn open_decision_log(
    dir: &std::path::Path,
    durability: wegwijs::audit::Durability,
) -> anyhow::Result<wegwijs::audit::DecisionLog> {
    let options = wegwijs::audit::LogOptions::with_durability(durability);
    let (log, opened) = wegwijs::audit::DecisionLog::open(dir, options).map_err(|e| InputError(e.to_string()))?;
    if let Some(torn) = opened.truncated {
        let lang = language();
        let (shown, bytes, position) =
            (crate::escape::terminal(&dir.display().to_string()), torn.bytes, log_position(&torn.position, lang));
        eprintln!(
            "{}",
            say!(
                lang,
                "let op: beslislogboek {shown}: een onvolledig laatste record ({bytes} bytes, {position}), achtergelaten door een crash, is afgeknipt; een herstelrecord vermeldt dat",
                "note: decision log {shown}: an incomplete last record ({bytes} bytes, {position}) left by a crash was cut off; a recovery record says so"
            )
        );
    }
    Ok(log)
}
