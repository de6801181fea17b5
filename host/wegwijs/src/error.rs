//! The library's error type. Errors are for signals that cannot be decided at
//! all (bad input) and for a host that cannot be built; a component that
//! misbehaves is not an error but a [`Fault`](crate::Fault) recorded in a
//! decision, because the reference result still stands (G-NO-DROP).

use crate::model::{HOST_INTERFACE, Stage};
use serde::Serialize;
use std::fmt;
use std::sync::Arc;
use wegwijs_types::{Language, Said, said, say};

/// Everything that can go wrong at the library's edge.
///
/// Every message exists in Dutch and English: [`Error::message`] gives it in
/// the reader's language, and `Display` gives the English, for logs and
/// Rust's `?` chains. Words quoted from a parser or the operating system
/// stay as they came.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The signal is not valid JSON.
    MalformedJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the parser found.
        problem: Said,
    },
    /// The signal is JSON but breaks the signal format; every problem found
    /// is listed, each naming its field.
    InvalidSignal(Vec<FieldProblem>),
    /// A component could not be loaded: not a component, wrong world, or an
    /// import outside its world.
    ComponentRejected {
        /// Name the component was loaded under.
        name: String,
        /// The stage it was meant for.
        stage: Stage,
        /// Why it was refused.
        reason: Rejection,
    },
    /// A region bundle was refused; every reason found is listed.
    RegionRefused {
        /// Where the bundle was read from.
        bundle: String,
        /// Why, each naming the file, field or case at fault.
        problems: Vec<BundleProblem>,
    },
    /// A decision was asked for in a region that is not loaded.
    UnknownRegion {
        /// The id asked for.
        id: String,
    },
    /// A case file is not valid TOML or breaks the case format.
    InvalidCaseFile {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser found.
        problem: Said,
    },
    /// A region's component faulted while one of its bundle's cases ran: the
    /// guideline's result would stand in, but the component is not ready.
    CaseFault {
        /// The stage whose component faulted.
        stage: Stage,
        /// The fault, as recorded in the decision.
        detail: String,
    },
    /// One of the built-in reference components could not be loaded: the
    /// host binary was built wrongly, since they are embedded and checked at
    /// build time.
    ReferenceComponent {
        /// The stage.
        stage: Stage,
        /// Why.
        source: Arc<Error>,
    },
    /// The directory given for precompiled components cannot be used: it
    /// cannot be created, is not a directory, or (on Unix) belongs to
    /// another user or may be written by others, so code in it could not be
    /// trusted to run in the host.
    CompileCache {
        /// The directory.
        dir: String,
        /// What is wrong with it: in English completing "the compile cache
        /// … cannot be used: it …", in Dutch a whole clause.
        problem: Said,
    },
    /// The WebAssembly engine could not be configured, or its deadline
    /// ticker could not be started.
    Engine(EngineError),
    /// The decision was made but could not be written to the decision log,
    /// so it must not be answered.
    DecisionLog(String),
}

impl Error {
    /// The message in `lang`, with every problem it lists.
    pub fn message(&self, lang: Language) -> String {
        match self {
            Error::MalformedJson { line, column, problem } => {
                let problem = problem.get(lang);
                say!(
                    lang,
                    "het signaal is geen geldige JSON (regel {line}, kolom {column}): {problem}",
                    "signal is not valid JSON (line {line}, column {column}): {problem}"
                )
            }
            Error::InvalidSignal(problems) => {
                let problems = join(problems.iter().map(|p| p.message(lang)));
                say!(lang, "het signaal is ongeldig: {problems}", "signal is invalid: {problems}")
            }
            Error::ComponentRejected { name, stage, reason } => {
                let reason = reason.message(lang);
                say!(
                    lang,
                    "component `{name}` kan niet worden geladen voor de stap {stage}: {reason}",
                    "component `{name}` cannot be loaded as the {stage} stage: {reason}"
                )
            }
            Error::RegionRefused { bundle, problems } => {
                let problems = join(problems.iter().map(|p| p.message(lang)));
                say!(
                    lang,
                    "regiobundel `{bundle}` geweigerd: {problems}",
                    "region bundle `{bundle}` refused: {problems}"
                )
            }
            Error::UnknownRegion { id } => say!(
                lang,
                "er is geen regio `{id}` geladen; gebruik de id van een geladen regio of `national-default`",
                "no region `{id}` is loaded; use a loaded region's id or `national-default`"
            ),
            Error::InvalidCaseFile { line, column, problem } => {
                let problem = problem.get(lang);
                say!(
                    lang,
                    "casusbestand regel {line}, kolom {column}: {problem}",
                    "case file line {line}, column {column}: {problem}"
                )
            }
            Error::CaseFault { stage, detail } => say!(
                lang,
                "de component voor de stap {stage} faalde: {detail}",
                "the {stage} component faulted: {detail}"
            ),
            Error::ReferenceComponent { stage, source } => {
                let source = source.message(lang);
                say!(
                    lang,
                    "de ingebouwde referentiecomponent voor de stap {stage} kan niet worden geladen: {source}",
                    "the built-in reference component for the {stage} stage cannot be loaded: {source}"
                )
            }
            Error::CompileCache { dir, problem } => {
                let problem = problem.get(lang);
                say!(
                    lang,
                    "de compileercache `{dir}` is niet bruikbaar: {problem}",
                    "the compile cache `{dir}` cannot be used: it {problem}"
                )
            }
            Error::Engine(e) => say!(
                lang,
                "de WebAssembly-engine kon niet worden ingericht: {e}",
                "the WebAssembly engine could not be set up: {e}"
            ),
            Error::DecisionLog(why) => say!(
                lang,
                "de beslissing kon niet in het beslislogboek worden vastgelegd: {why}",
                "the decision could not be logged: {why}"
            ),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::ReferenceComponent { source, .. } => Some(source.as_ref()),
            Error::Engine(e) => Some(e),
            _ => None,
        }
    }
}

/// Problems joined as one line, as every message lists them.
fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

/// A failure of the WebAssembly engine itself, with wasmtime's error as its
/// source. Shared, because one engine serves every host in the process and
/// each host built after a failure reports the same one.
#[derive(Debug, Clone)]
pub struct EngineError(Arc<wasmtime::Error>);

impl EngineError {
    pub(crate) fn new(e: wasmtime::Error) -> Self {
        EngineError(Arc::new(e))
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The outermost message only; its causes follow as `source()`.
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for EngineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// One problem in a signal, naming the field by its JSON path.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldProblem {
    /// JSON path of the field, e.g. `instruments[0].sdq.answers[6]`.
    pub field: String,
    /// What is wrong with it, in words a sender can act on, in both
    /// languages (serialised in English; see [`FieldProblem::message`]).
    pub problem: Said,
}

impl FieldProblem {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, problem: Said) -> Self {
        FieldProblem { field: field.into(), problem }
    }

    /// "`field`: problem" in `lang`. The field is quoted as a code: its
    /// path reads the same in every language.
    pub fn message(&self, lang: Language) -> String {
        format!("`{}`: {}", self.field, self.problem.get(lang))
    }
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

/// Why a component was refused at load.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejection {
    /// The bytes are empty.
    Empty,
    /// The bytes are a core WebAssembly module, not a component.
    CoreModule,
    /// The bytes are not WebAssembly at all, or are corrupt.
    Malformed(String),
    /// The component imports something its world does not offer.
    ForbiddenImports(Vec<String>),
    /// The component does not export the stage's interface with the right
    /// types: what it should implement, and what the engine found.
    WrongWorld(Said),
    /// The component was built against another version of the WIT package
    /// than this host speaks; its cards would not match this host's.
    OtherWitVersion {
        /// The package and version the component uses, e.g. `wegwijs:jgz@0.1.0`.
        found: String,
        /// The package and version of this host.
        expected: String,
    },
}

impl Rejection {
    /// The reason in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            Rejection::Empty => say!(lang, "het bestand is leeg", "the file is empty"),
            Rejection::CoreModule => say!(
                lang,
                "dit is een kale WebAssembly-module, geen component; bouw hem als component (bijvoorbeeld voor wasm32-wasip2, of met `wasm-tools component new`)",
                "this is a core WebAssembly module, not a component; build it as a component (e.g. for wasm32-wasip2, or with `wasm-tools component new`)"
            ),
            Rejection::Malformed(detail) => {
                say!(
                    lang,
                    "geen geldige WebAssembly-component: {detail}",
                    "not a valid WebAssembly component: {detail}"
                )
            }
            Rejection::ForbiddenImports(imports) => {
                let imports = imports.join(", ");
                say!(
                    lang,
                    "importeert buiten zijn wereld: {imports}; een stapcomponent mag alleen `{HOST_INTERFACE}` importeren",
                    "imports outside its world: {imports}; a stage component may import only `{HOST_INTERFACE}`"
                )
            }
            Rejection::WrongWorld(what) => {
                let what = what.get(lang);
                say!(lang, "is geen implementatie van de {what}", "does not implement the {what}")
            }
            Rejection::OtherWitVersion { found, expected } => say!(
                lang,
                "gebouwd met `{found}`, maar deze host gebruikt `{expected}`: bouw de component opnieuw met de SDK en WIT van deze host (`wegwijs new` laat zien hoe)",
                "built against `{found}`, but this host speaks `{expected}`: rebuild the component with the SDK and WIT of this host (`wegwijs new` shows how)"
            ),
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl std::error::Error for Rejection {}

/// Why a bundle was refused. Each variant names the file or field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "problem")]
#[non_exhaustive]
pub enum BundleProblem {
    /// The bundle directory or a file in it could not be read.
    Unreadable {
        /// Path inside the bundle.
        path: String,
        /// The operating system's reason.
        detail: Said,
    },
    /// `region.toml` is not valid TOML.
    Toml {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        detail: String,
    },
    /// A field of `region.toml` is missing or wrong.
    Field {
        /// Dotted path of the field.
        field: String,
        /// What is wrong.
        detail: Said,
    },
    /// A path in `region.toml` points outside the bundle directory.
    PathEscapes {
        /// The field holding the path.
        field: String,
        /// The path as written.
        path: String,
        /// Absolute, `..`, or a symlink out.
        why: Said,
    },
    /// A component's bytes do not have the sha256 the manifest states.
    HashMismatch {
        /// Path inside the bundle.
        path: String,
        /// From `region.toml`.
        expected: String,
        /// Of the file's bytes.
        actual: String,
    },
    /// A component was refused at load.
    ComponentRejected {
        /// The stage.
        stage: Stage,
        /// Why (see [`Rejection`]).
        reason: Said,
    },
    /// One of the bundle's own cases failed against the bundle.
    CaseFailed {
        /// The case file.
        path: String,
        /// The case's name.
        case: String,
        /// Expected versus actual, per field.
        detail: Said,
    },
    /// The bundle brings no cases.
    NoCases,
    /// A bundle with the same id and an equal or higher revision is loaded.
    NotNewer {
        /// The loaded revision.
        loaded: u32,
        /// The offered revision.
        offered: u32,
    },
    /// Another loaded region already serves a gemeente.
    GemeenteTaken {
        /// The gemeentecode.
        gemeente: String,
        /// The region serving it.
        region: String,
    },
    /// A case file under `cases/` cannot be read or parsed.
    CaseFile {
        /// Path inside the bundle.
        path: String,
        /// The parser's message, with line and column.
        detail: Said,
    },
    /// Text from the bundle holds a character that could forge or hide what
    /// a reader sees (a control, line-breaking or bidirectional formatting
    /// character, see [`wegwijs_kit::is_forbidden_char`]). The text itself
    /// is not repeated; the character is named by its code and position.
    ForbiddenChar {
        /// The file: `region.toml`, or a case file's path inside the bundle.
        file: String,
        /// The field, e.g. `region.name`, `config.partners.wijkteam.name`,
        /// `case[3].name`, or `file name` for a file's own name.
        field: String,
        /// Which part of the field holds the character: `value`, `key` or `name`.
        part: String,
        /// The character's code, e.g. `U+001B`.
        code: String,
        /// Its position in that part, counted in characters from 0.
        position: usize,
    },
    /// A field of a case file is wrong beyond what parsing finds, e.g. its
    /// own `config` table.
    CaseField {
        /// The case file's path inside the bundle.
        path: String,
        /// The field, e.g. `case[3].config.routing.hub`.
        field: String,
        /// What is wrong.
        detail: Said,
    },
    /// A case's own `config` sets a key that `region.toml`'s `[config]` sets
    /// too: the case would pass with a configuration the region is not
    /// served with.
    CaseConfigOverrides {
        /// The case file's path inside the bundle.
        path: String,
        /// The case's position in the file, from 0.
        index: usize,
        /// The case's name.
        case: String,
        /// The flattened key both set.
        key: String,
    },
    /// A file the bundle uses (`region.toml`, a component, a case file) is
    /// not a regular file: a folder, a FIFO, a socket or a device, which
    /// could block or flood the host reading it.
    NotAFile {
        /// Path inside the bundle.
        path: String,
        /// What it is instead, e.g. `a FIFO (named pipe)`.
        kind: Said,
    },
    /// A file is larger than the host reads for its kind (the caps are
    /// `wegwijs::harness::MAX_MANIFEST_BYTES` and the constants next to it).
    TooLarge {
        /// Path inside the bundle.
        path: String,
        /// What kind of file: `region.toml`, `a component`, `a case file`.
        what: Said,
        /// The cap, in bytes.
        limit: u64,
    },
    /// A name under `cases/` is not UTF-8, so the file could be neither
    /// read as a case file by name nor reported truthfully.
    NameNotUtf8 {
        /// The path, with each byte that is not UTF-8 replaced.
        path: String,
    },
    /// A symlink under `cases/` (or `cases/` itself) leads to a folder.
    /// Folders are only walked when they are real folders, so no case file
    /// is read twice and no walk loops.
    SymlinkedFolder {
        /// Path inside the bundle.
        path: String,
    },
    /// `cases/` holds more files and folders, at every depth, than the host
    /// walks (`wegwijs::harness::MAX_CASES_ENTRIES`).
    TooManyEntries {
        /// The folder, `cases`.
        path: String,
        /// The cap.
        limit: usize,
    },
}

impl BundleProblem {
    /// The problem in `lang`, naming its file, field or case.
    pub fn message(&self, lang: Language) -> String {
        match self {
            BundleProblem::Unreadable { path, detail } => {
                let detail = detail.get(lang);
                say!(lang, "`{path}` is niet leesbaar: {detail}", "cannot read `{path}`: {detail}")
            }
            BundleProblem::Toml { line, column, detail } => {
                say!(
                    lang,
                    "region.toml regel {line}, kolom {column}: {detail}",
                    "region.toml line {line}, column {column}: {detail}"
                )
            }
            BundleProblem::Field { field, detail } => {
                let detail = detail.get(lang);
                say!(lang, "region.toml `{field}`: {detail}", "region.toml `{field}`: {detail}")
            }
            BundleProblem::PathEscapes { field, path, why } => {
                let why = why.get(lang);
                say!(
                    lang,
                    "`{field}` = \"{path}\" wijst buiten de bundelmap ({why}); elk bestand dat een bundel gebruikt moet erin liggen",
                    "`{field}` = \"{path}\" leads outside the bundle directory ({why}); every file a bundle uses must lie inside it"
                )
            }
            BundleProblem::HashMismatch { path, expected, actual } => say!(
                lang,
                "`{path}` heeft sha256 {actual}, maar region.toml noemt {expected}; bouw opnieuw of werk de hash bij",
                "`{path}` has sha256 {actual}, but region.toml states {expected}; rebuild or update the hash"
            ),
            BundleProblem::ComponentRejected { stage, reason } => {
                let reason = reason.get(lang);
                say!(lang, "de component voor de stap {stage}: {reason}", "the {stage} component: {reason}")
            }
            BundleProblem::CaseFailed { path, case, detail } => {
                let detail = detail.get(lang);
                say!(lang, "casus `{case}` in `{path}` faalt: {detail}", "case `{case}` in `{path}` fails: {detail}")
            }
            BundleProblem::NoCases => say!(
                lang,
                "de bundel heeft geen casussen; zet minstens één casusbestand onder cases/, zodat de host de bundel kan controleren voordat die voor kinderen wordt gebruikt",
                "the bundle has no cases; add at least one case file under cases/ so the host can check the bundle before it serves children"
            ),
            BundleProblem::NotNewer { loaded, offered } => say!(
                lang,
                "revisie {offered} is niet nieuwer dan de geladen revisie {loaded}; verhoog `region.revision`",
                "revision {offered} is not newer than the loaded revision {loaded}; raise `region.revision`"
            ),
            BundleProblem::GemeenteTaken { gemeente, region } => say!(
                lang,
                "gemeente {gemeente} valt al onder regio `{region}`",
                "gemeente {gemeente} is already served by region `{region}`"
            ),
            BundleProblem::CaseFile { path, detail } => {
                let detail = detail.get(lang);
                say!(lang, "casusbestand `{path}`: {detail}", "case file `{path}`: {detail}")
            }
            BundleProblem::ForbiddenChar { file, field, part, code, position } => {
                let part_nl = match part.as_str() {
                    "value" => "waarde",
                    "key" => "sleutel",
                    "name" => "naam",
                    other => other,
                };
                say!(
                    lang,
                    "{file} `{field}`: de {part_nl} bevat {code} op positie {position}; stuur-, regeleinde- en bidirectionele opmaaktekens worden geweigerd",
                    "{file} `{field}`: the {part} contains {code} at character {position}; control, line-breaking and bidirectional formatting characters are refused"
                )
            }
            BundleProblem::CaseField { path, field, detail } => {
                let detail = detail.get(lang);
                say!(lang, "casusbestand `{path}` `{field}`: {detail}", "case file `{path}` `{field}`: {detail}")
            }
            BundleProblem::CaseConfigOverrides { path, index, case, key } => say!(
                lang,
                "casus `{case}` (case[{index}]) in `{path}` stelt configuratiesleutel `{key}` in, die ook in [config] van region.toml staat; een casus mag alleen sleutels toevoegen die de regio niet instelt, zodat de casus draait met de configuratie waarmee de regio in gebruik is",
                "case `{case}` (case[{index}]) in `{path}` sets config key `{key}`, which region.toml's [config] sets too; a case may only add keys the region does not set, so it runs as the region is served"
            ),
            BundleProblem::NotAFile { path, kind } => {
                let kind = kind.get(lang);
                say!(
                    lang,
                    "`{path}` is {kind}, geen gewoon bestand; region.toml, de componenten en de casusbestanden van een bundel moeten gewone bestanden zijn",
                    "`{path}` is {kind}, not a regular file; a bundle's region.toml, components and case files must be regular files"
                )
            }
            BundleProblem::TooLarge { path, what, limit } => {
                let what = what.get(lang);
                say!(
                    lang,
                    "`{path}` is groter dan {limit} bytes, het maximum dat de host voor {what} inleest",
                    "`{path}` is larger than {limit} bytes, the most the host reads for {what}"
                )
            }
            BundleProblem::NameNotUtf8 { path } => say!(
                lang,
                "`{path}`: de naam is geen UTF-8 (hier getoond met vervangingstekens); geef het bestand een andere naam",
                "`{path}`: the name is not UTF-8 (shown here with replacement characters); rename it"
            ),
            BundleProblem::SymlinkedFolder { path } => say!(
                lang,
                "`{path}` is een symbolische koppeling naar een map; casusbestanden moeten in echte mappen onder cases/ liggen",
                "`{path}` is a symlink to a folder; case files must lie in real folders under cases/"
            ),
            BundleProblem::TooManyEntries { path, limit } => say!(
                lang,
                "`{path}` bevat meer dan {limit} bestanden en mappen; de host leest er hoogstens zoveel",
                "`{path}` holds more than {limit} files and folders; the host reads at most that many"
            ),
        }
    }
}

impl fmt::Display for BundleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl std::error::Error for BundleProblem {}

/// A message in both languages from what writes it in one: for turning a
/// problem that renders itself per language (an [`Error`], a
/// [`Rejection`]) into the [`Said`] a wider problem carries.
pub(crate) fn said_by(write: impl Fn(Language) -> String) -> Said {
    Said::new(write(Language::Nl), write(Language::En))
}

/// The operating system's reason for a failed read or write, in both
/// languages: the common kinds in words, anything else as the system said it.
pub(crate) fn io_said(e: &std::io::Error) -> Said {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => said!("bestaat niet", "does not exist"),
        K::PermissionDenied => said!("geen toegang (rechten)", "permission denied"),
        K::IsADirectory => said!("is een map", "is a directory"),
        K::NotADirectory => said!("een deel van het pad is geen map", "a part of the path is not a directory"),
        K::InvalidData => said!("de inhoud is geen geldige tekst (UTF-8)", "the content is not valid text (UTF-8)"),
        K::AlreadyExists => said!("bestaat al", "already exists"),
        _ => Said::same(e.to_string()),
    }
}
