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

/// The error for a region bundle that could not be activated, with the
/// step to take when its component was simply never built: a bundle whose
/// component is built from source (`component/build.sh`) cannot be used from
/// a fresh clone until that script has run.
pub(crate) fn bundle_error(dir: &std::path::Path, error: &wegwijs::Error) -> InputError {
    let script = dir.join("component/build.sh");
    let unbuilt = matches!(error, wegwijs::Error::RegionRefused { .. })
        && error.to_string().contains(".wasm")
        && script.is_file();
    if !unbuilt {
        return InputError(error.to_string());
    }
    let script = script.display();
    let hint = match language() {
        wegwijs::Language::Nl => format!("bouw het component eerst: sh {script}"),
        wegwijs::Language::En => format!("build its component first: sh {script}"),
    };
    InputError(format!("{error}; {hint}"))
}

/// `--lang nl|en`: the language of everything a command writes for people
/// (cards, reasons, reports). JSON keys, codes, rule ids and exit codes are
/// the same in both.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ReaderLanguage {
    /// The language of the texts for people: `nl` (Nederlands, the default)
    /// or `en` (English). JSON keys, codes, rule ids and exit codes are the
    /// same in both. Also read from WEGWIJS_LANG.
    #[arg(long = "lang", value_enum, default_value_t = Lang::Nl, env = "WEGWIJS_LANG")]
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

impl ReaderLanguage {
    /// The language chosen.
    pub(crate) fn language(&self) -> wegwijs::Language {
        match self.lang {
            Lang::Nl => wegwijs::Language::Nl,
            Lang::En => wegwijs::Language::En,
        }
    }
}

/// The language `--lang` (or `WEGWIJS_LANG`) chose for this run.
static LANGUAGE: std::sync::OnceLock<wegwijs::Language> = std::sync::OnceLock::new();

/// Sets the language everything this run prints for people is written in;
/// called once, by `main`, before any command runs.
pub(crate) fn set_language(language: wegwijs::Language) {
    let _ = LANGUAGE.set(language);
}

/// The language chosen with `--lang` (Dutch when none was).
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
    let builder = builder.language(language());
    let chosen = std::env::var_os(COMPILE_CACHE_VAR);
    match chosen {
        Some(v) if v == "off" => builder.build().context("starting the wegwijs host"),
        Some(v) if !v.is_empty() => builder.compile_cache(v).build().with_context(|| {
            format!("starting the wegwijs host (set {COMPILE_CACHE_VAR}=off to compile without a cache)")
        }),
        _ => match default_compile_cache() {
            Some(dir) => match builder.clone().compile_cache(&dir).build() {
                Err(e @ wegwijs::Error::CompileCache { .. }) => {
                    eprintln!(
                        "warning: {e}; compiling without a cache ({COMPILE_CACHE_VAR} names another directory, or `off`)"
                    );
                    builder.build().context("starting the wegwijs host")
                }
                other => other.context("starting the wegwijs host"),
            },
            None => builder.build().context("starting the wegwijs host"),
        },
    }
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
        eprintln!(
            "note: decision log {}: an incomplete last record ({} bytes, {}) left by a crash was cut off; a recovery \
             record says so",
            crate::escape::terminal(&dir.display().to_string()),
            torn.bytes,
            torn.position
        );
    }
    Ok(log)
}
