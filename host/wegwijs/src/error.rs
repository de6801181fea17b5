//! The library's error type. Errors are for signals that cannot be decided at
//! all (bad input) and for a host that cannot be built; a component that
//! misbehaves is not an error but a [`Fault`](crate::Fault) recorded in a
//! decision, because the reference result still stands (G-NO-DROP).

use crate::model::{HOST_INTERFACE, Stage};
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// Everything that can go wrong at the library's edge.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The signal is not valid JSON.
    #[error("signal is not valid JSON (line {line}, column {column}): {problem}")]
    MalformedJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the parser found.
        problem: String,
    },
    /// The signal is JSON but breaks the signal format; every problem found
    /// is listed, each naming its field.
    #[error("signal is invalid: {}", FieldProblems(.0))]
    InvalidSignal(Vec<FieldProblem>),
    /// A component could not be loaded: not a component, wrong world, or an
    /// import outside its world.
    #[error("component `{name}` cannot be loaded as the {stage} stage: {reason}")]
    ComponentRejected {
        /// Name the component was loaded under.
        name: String,
        /// The stage it was meant for.
        stage: Stage,
        /// Why it was refused.
        reason: Rejection,
    },
    /// A region bundle was refused; every reason found is listed.
    #[error("region bundle `{bundle}` refused: {}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    RegionRefused {
        /// Where the bundle was read from.
        bundle: String,
        /// Why, each naming the file, field or case at fault.
        problems: Vec<BundleProblem>,
    },
    /// A decision was asked for in a region that is not loaded.
    #[error("no region `{id}` is loaded; use a loaded region's id or `national-default`")]
    UnknownRegion {
        /// The id asked for.
        id: String,
    },
    /// A case file is not valid TOML or breaks the case format.
    #[error("case file line {line}, column {column}: {problem}")]
    InvalidCaseFile {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser found.
        problem: String,
    },
    /// A region's component faulted while one of its bundle's cases ran: the
    /// guideline's result would stand in, but the component is not ready.
    #[error("the {stage} component faulted: {detail}")]
    CaseFault {
        /// The stage whose component faulted.
        stage: Stage,
        /// The fault, as recorded in the decision.
        detail: String,
    },
    /// One of the built-in reference components could not be loaded: the
    /// host binary was built wrongly, since they are embedded and checked at
    /// build time.
    #[error("the built-in reference component for the {stage} stage cannot be loaded: {source}")]
    ReferenceComponent {
        /// The stage.
        stage: Stage,
        /// Why.
        #[source]
        source: Arc<Error>,
    },
    /// The directory given for precompiled components cannot be used: it
    /// cannot be created, is not a directory, or (on Unix) belongs to
    /// another user or may be written by others, so code in it could not be
    /// trusted to run in the host.
    #[error("the compile cache `{dir}` cannot be used: it {problem}")]
    CompileCache {
        /// The directory.
        dir: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The WebAssembly engine could not be configured, or its deadline
    /// ticker could not be started.
    #[error("the WebAssembly engine could not be set up: {0}")]
    Engine(#[source] EngineError),
    /// The decision was made but could not be written to the decision log,
    /// so it must not be answered.
    #[error("the decision could not be logged: {0}")]
    DecisionLog(String),
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
    /// What is wrong with it, in words a sender can act on.
    pub problem: String,
}

impl FieldProblem {
    pub(crate) fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        FieldProblem { field: field.into(), problem: problem.into() }
    }
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

struct FieldProblems<'a>(&'a [FieldProblem]);

impl fmt::Display for FieldProblems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// Why a component was refused at load.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Rejection {
    /// The bytes are empty.
    #[error("the file is empty")]
    Empty,
    /// The bytes are a core WebAssembly module, not a component.
    #[error(
        "this is a core WebAssembly module, not a component; build it as a component (e.g. for wasm32-wasip2, or with `wasm-tools component new`)"
    )]
    CoreModule,
    /// The bytes are not WebAssembly at all, or are corrupt.
    #[error("not a valid WebAssembly component: {0}")]
    Malformed(String),
    /// The component imports something its world does not offer.
    #[error("imports outside its world: {}; a stage component may import only `{}`", .0.join(", "), HOST_INTERFACE)]
    ForbiddenImports(Vec<String>),
    /// The component does not export the stage's interface with the right types.
    #[error("does not implement the {0}")]
    WrongWorld(String),
    /// The component was built against another version of the WIT package
    /// than this host speaks; its cards would not match this host's.
    #[error(
        "built against `{found}`, but this host speaks `{expected}`: rebuild the component with the SDK and WIT of this host (`wegwijs new` shows how)"
    )]
    OtherWitVersion {
        /// The package and version the component uses, e.g. `wegwijs:jgz@0.1.0`.
        found: String,
        /// The package and version of this host.
        expected: String,
    },
}

/// Why a bundle was refused. Each variant names the file or field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(rename_all = "kebab-case", tag = "problem")]
#[non_exhaustive]
pub enum BundleProblem {
    /// The bundle directory or a file in it could not be read.
    #[error("cannot read `{path}`: {detail}")]
    Unreadable {
        /// Path inside the bundle.
        path: String,
        /// The operating system's reason.
        detail: String,
    },
    /// `region.toml` is not valid TOML.
    #[error("region.toml line {line}, column {column}: {detail}")]
    Toml {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        detail: String,
    },
    /// A field of `region.toml` is missing or wrong.
    #[error("region.toml `{field}`: {detail}")]
    Field {
        /// Dotted path of the field.
        field: String,
        /// What is wrong.
        detail: String,
    },
    /// A path in `region.toml` points outside the bundle directory.
    #[error(
        "`{field}` = \"{path}\" leads outside the bundle directory ({why}); every file a bundle uses must lie inside it"
    )]
    PathEscapes {
        /// The field holding the path.
        field: String,
        /// The path as written.
        path: String,
        /// Absolute, `..`, or a symlink out.
        why: String,
    },
    /// A component's bytes do not have the sha256 the manifest states.
    #[error("`{path}` has sha256 {actual}, but region.toml states {expected}; rebuild or update the hash")]
    HashMismatch {
        /// Path inside the bundle.
        path: String,
        /// From `region.toml`.
        expected: String,
        /// Of the file's bytes.
        actual: String,
    },
    /// A component was refused at load.
    #[error("the {stage} component: {reason}")]
    ComponentRejected {
        /// The stage.
        stage: Stage,
        /// Why (see [`Rejection`]).
        reason: String,
    },
    /// One of the bundle's own cases failed against the bundle.
    #[error("case `{case}` in `{path}` fails: {detail}")]
    CaseFailed {
        /// The case file.
        path: String,
        /// The case's name.
        case: String,
        /// Expected versus actual, per field.
        detail: String,
    },
    /// The bundle brings no cases.
    #[error(
        "the bundle has no cases; add at least one case file under cases/ so the host can check the bundle before it serves children"
    )]
    NoCases,
    /// A bundle with the same id and an equal or higher revision is loaded.
    #[error("revision {offered} is not newer than the loaded revision {loaded}; raise `region.revision`")]
    NotNewer {
        /// The loaded revision.
        loaded: u32,
        /// The offered revision.
        offered: u32,
    },
    /// Another loaded region already serves a gemeente.
    #[error("gemeente {gemeente} is already served by region `{region}`")]
    GemeenteTaken {
        /// The gemeentecode.
        gemeente: String,
        /// The region serving it.
        region: String,
    },
    /// A case file under `cases/` cannot be read or parsed.
    #[error("case file `{path}`: {detail}")]
    CaseFile {
        /// Path inside the bundle.
        path: String,
        /// The parser's message, with line and column.
        detail: String,
    },
    /// Text from the bundle holds a character that could forge or hide what
    /// a reader sees (a control, line-breaking or bidirectional formatting
    /// character, see [`wegwijs_kit::is_forbidden_char`]). The text itself
    /// is not repeated; the character is named by its code and position.
    #[error(
        "{file} `{field}`: the {part} contains {code} at character {position}; control, line-breaking and bidirectional formatting characters are refused"
    )]
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
    #[error("case file `{path}` `{field}`: {detail}")]
    CaseField {
        /// The case file's path inside the bundle.
        path: String,
        /// The field, e.g. `case[3].config.routing.hub`.
        field: String,
        /// What is wrong.
        detail: String,
    },
    /// A case's own `config` sets a key that `region.toml`'s `[config]` sets
    /// too: the case would pass with a configuration the region is not
    /// served with.
    #[error(
        "case `{case}` (case[{index}]) in `{path}` sets config key `{key}`, which region.toml's [config] sets too; a case may only add keys the region does not set, so it runs as the region is served"
    )]
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
    #[error(
        "`{path}` is {kind}, not a regular file; a bundle's region.toml, components and case files must be regular files"
    )]
    NotAFile {
        /// Path inside the bundle.
        path: String,
        /// What it is instead, e.g. `a FIFO (named pipe)`.
        kind: String,
    },
    /// A file is larger than the host reads for its kind (the caps are
    /// `wegwijs::harness::MAX_MANIFEST_BYTES` and the constants next to it).
    #[error("`{path}` is larger than {limit} bytes, the most the host reads for {what}")]
    TooLarge {
        /// Path inside the bundle.
        path: String,
        /// What kind of file: `region.toml`, `a component`, `a case file`.
        what: String,
        /// The cap, in bytes.
        limit: u64,
    },
    /// A name under `cases/` is not UTF-8, so the file could be neither
    /// read as a case file by name nor reported truthfully.
    #[error("`{path}`: the name is not UTF-8 (shown here with replacement characters); rename it")]
    NameNotUtf8 {
        /// The path, with each byte that is not UTF-8 replaced.
        path: String,
    },
    /// A symlink under `cases/` (or `cases/` itself) leads to a folder.
    /// Folders are only walked when they are real folders, so no case file
    /// is read twice and no walk loops.
    #[error("`{path}` is a symlink to a folder; case files must lie in real folders under cases/")]
    SymlinkedFolder {
        /// Path inside the bundle.
        path: String,
    },
    /// `cases/` holds more files and folders, at every depth, than the host
    /// walks (`wegwijs::harness::MAX_CASES_ENTRIES`).
    #[error("`{path}` holds more than {limit} files and folders; the host reads at most that many")]
    TooManyEntries {
        /// The folder, `cases`.
        path: String,
        /// The cap.
        limit: usize,
    },
}
