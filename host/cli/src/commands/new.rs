//! `wegwijs new`: scaffolds a region bundle with the region's own component
//! for one stage, in Rust, Python or JavaScript, that builds and passes its own example
//! cases as generated. The bundle gets `region.toml`, example cases, an
//! example signal, a README with the workflow, and the component project
//! with a copy of the WIT contract.
//!
//! The files are templates embedded in the binary (`host/cli/templates/`)
//! and filled in by plain token replacement, so `wegwijs new` works wherever
//! the binary is. A Rust project depends on the SDK crates (`wegwijs-types`,
//! `wegwijs-kit`, `wegwijs-guest`) and, for its tests, the reference
//! components by the version of this binary, as a crate from a registry
//! would; `--sdk DIR` adds a path to a wegwijs source checkout, for building
//! before the crates are published or against a changed SDK.

use super::InputError;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use wegwijs::Stage;
use wegwijs::types::say;

/// Scaffold a region bundle with its own component for one stage.
#[derive(Debug, Args)]
pub(crate) struct NewCommand {
    /// The stage the region's component implements.
    #[arg(value_parser = super::stage_parser())]
    stage: Stage,
    /// The region id, also the bundle's directory name and the prefix of the
    /// region's rule ids: lower-case letters, digits and single '-', starting
    /// with a letter, at most 48 characters (e.g. regio-noord).
    name: String,
    /// The language of the component project.
    #[arg(long, value_enum, default_value_t = Lang::Rust)]
    lang: Lang,
    /// Create the bundle in PARENT/NAME instead of ./NAME. PARENT must exist.
    #[arg(long, value_name = "PARENT")]
    dir: Option<PathBuf>,
    /// A wegwijs source checkout whose SDK crates a Rust project depends on
    /// by path as well as by version (default: by version only, from the
    /// crate registry).
    #[arg(long, value_name = "DIR")]
    sdk: Option<PathBuf>,
}

/// The component's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    /// A no_std Rust crate built for wasm32-wasip2 with cargo.
    Rust,
    /// A Python module built with componentize-py 0.25.1 (WASI stubbed).
    Python,
    /// A JavaScript module built with componentize-qjs 0.4.5 (QuickJS, WASI stubbed).
    #[value(alias = "javascript")]
    Js,
}

impl Lang {
    /// The language's name in sentences.
    fn name(self) -> &'static str {
        match self {
            Lang::Rust => "Rust",
            Lang::Python => "Python",
            Lang::Js => "JavaScript",
        }
    }
}

// The WIT contract, copied into every component project (the same files
// `wegwijs wit` writes). A Python or JavaScript project generates its
// bindings from the copy; a Rust project takes them from the SDK's
// `wegwijs-guest`, and the copy is there to read.
use super::wit::WIT;

/// The dependency versions the SDK is built and tested with. A Rust project
/// starts from this lock file; cargo drops the entries it does not need on
/// the first build, and the versions it keeps make the build reproducible.
const CARGO_LOCK: &str = include_str!("../../../../Cargo.lock");

/// Bundle files shared by every stage and language.
mod bundle {
    pub(super) const REGION: &str = include_str!("../../templates/bundle/region.toml");
    pub(super) const README: &str = include_str!("../../templates/bundle/README.md");
    pub(super) const GITIGNORE: &str = include_str!("../../templates/bundle/gitignore");
    pub(super) const SIGNAL: &str = include_str!("../../templates/bundle/signal.json");
}

/// The templates that differ per stage: the example cases, the README's
/// section on the stage's world and guardrails, and the component sources.
struct StageTemplates {
    cases: &'static str,
    readme: &'static str,
    /// The crate root: the region's rules and the one-line export through
    /// `wegwijs_guest::export_stage!`.
    rust_lib: &'static str,
    rust_tests: &'static str,
    python_app: &'static str,
    js_app: &'static str,
    /// The reference components the Rust tests run to produce the cards the
    /// host would pass in, in pipeline order.
    references: &'static [&'static str],
}

/// The templates for `stage`.
fn stage_templates(stage: Stage) -> StageTemplates {
    match stage {
        Stage::Intake => StageTemplates {
            cases: include_str!("../../templates/cases/intake.toml"),
            readme: include_str!("../../templates/readme/intake.md"),
            rust_lib: include_str!("../../templates/rust/intake/lib.rs"),
            rust_tests: include_str!("../../templates/rust/intake/tests.rs"),
            python_app: include_str!("../../templates/python/intake.py"),
            js_app: include_str!("../../templates/js/intake.js"),
            references: &["intake"],
        },
        Stage::Screening => StageTemplates {
            cases: include_str!("../../templates/cases/screening.toml"),
            readme: include_str!("../../templates/readme/screening.md"),
            rust_lib: include_str!("../../templates/rust/screening/lib.rs"),
            rust_tests: include_str!("../../templates/rust/screening/tests.rs"),
            python_app: include_str!("../../templates/python/screening.py"),
            js_app: include_str!("../../templates/js/screening.js"),
            references: &["intake", "screening"],
        },
        Stage::Routing => StageTemplates {
            cases: include_str!("../../templates/cases/routing.toml"),
            readme: include_str!("../../templates/readme/routing.md"),
            rust_lib: include_str!("../../templates/rust/routing/lib.rs"),
            rust_tests: include_str!("../../templates/rust/routing/tests.rs"),
            python_app: include_str!("../../templates/python/routing.py"),
            js_app: include_str!("../../templates/js/routing.js"),
            references: &["intake", "screening", "routing"],
        },
        Stage::Consent => StageTemplates {
            cases: include_str!("../../templates/cases/consent.toml"),
            readme: include_str!("../../templates/readme/consent.md"),
            rust_lib: include_str!("../../templates/rust/consent/lib.rs"),
            rust_tests: include_str!("../../templates/rust/consent/tests.rs"),
            python_app: include_str!("../../templates/python/consent.py"),
            js_app: include_str!("../../templates/js/consent.js"),
            references: &["intake", "screening", "routing", "consent"],
        },
    }
}

/// Rust project files shared by every stage.
mod rust {
    pub(super) const CARGO_TOML: &str = include_str!("../../templates/rust/Cargo.toml");
    pub(super) const BUILD: &str = include_str!("../../templates/rust/build.sh");
    pub(super) const RUSTFMT: &str = include_str!("../../templates/rust/rustfmt.toml");
    pub(super) const README: &str = include_str!("../../templates/readme/rust.md");
}

/// Python project files shared by every stage.
mod python {
    pub(super) const BUILD: &str = include_str!("../../templates/python/build.sh");
    pub(super) const REQUIREMENTS: &str = include_str!("../../templates/python/requirements.txt");
    /// `print` to the host's log and the readable-error boundary.
    pub(super) const GUEST: &str = include_str!("../../templates/python/guest.py");
    pub(super) const README: &str = include_str!("../../templates/readme/python.md");
}

/// JavaScript project files shared by every stage.
mod js {
    pub(super) const BUILD: &str = include_str!("../../templates/js/build.sh");
    pub(super) const PACKAGE: &str = include_str!("../../templates/js/package.json");
    pub(super) const JSCONFIG: &str = include_str!("../../templates/js/jsconfig.json");
    pub(super) const GUEST: &str = include_str!("../../templates/js/guest.js");
    /// The WIT types as TypeScript declarations, for the editor.
    pub(super) const TYPES: &str = include_str!("../../templates/js/types.d.ts");
    pub(super) const HOST: &str = include_str!("../../templates/js/host.d.ts");
    pub(super) const README: &str = include_str!("../../templates/readme/js.md");
}

/// One file to write: its path inside the bundle, its contents, and whether
/// it is a script to mark executable.
struct File {
    path: String,
    contents: String,
    executable: bool,
}

impl NewCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        check_name(&self.name)?;
        let lang = super::language();
        let stage = self.stage;
        let sdk = match self.lang {
            Lang::Rust => match self.sdk.as_deref() {
                Some(dir) => Some(sdk_root(dir, stage_templates(stage).references)?),
                None => None,
            },
            Lang::Python | Lang::Js if self.sdk.is_some() => {
                let name = self.lang.name();
                return Err(InputError(say!(
                    lang,
                    "--sdk geldt alleen voor een Rust-project (--lang rust); een {name}-project heeft alleen zijn kopie van de WIT nodig",
                    "--sdk only applies to a Rust project (--lang rust); a {name} project needs only its copy of the WIT"
                ))
                .into());
            }
            Lang::Python | Lang::Js => None,
        };
        let parent = self.dir.clone().unwrap_or_else(|| PathBuf::from("."));
        if !parent.is_dir() {
            let shown = parent.display();
            return Err(InputError(say!(
                lang,
                "--dir {shown}: die map bestaat niet; maak hem eerst aan of kies een andere bovenliggende map",
                "--dir {shown}: no such directory; create it first or choose another parent"
            ))
            .into());
        }
        let target = parent.join(&self.name);
        let shown = target.display();
        if target.symlink_metadata().is_ok() {
            return Err(InputError(say!(
                lang,
                "{shown} bestaat al; `wegwijs new` schrijft nooit in een bestaande map: kies een andere naam of --dir",
                "{shown} already exists; `wegwijs new` never writes into an existing directory: choose another name or --dir"
            ))
            .into());
        }
        let files = self.files(stage, sdk.as_deref());
        std::fs::create_dir(&target).map_err(|e| {
            let e = super::os_reason(&e);
            InputError(say!(
                lang,
                "kan de bundelmap {shown} niet aanmaken: {e}",
                "cannot create the bundle directory {shown}: {e}"
            ))
        })?;
        if let Err(e) = write_all(&target, &files) {
            // Only this command created the directory, a moment ago: leave
            // nothing half-written behind.
            let _ = std::fs::remove_dir_all(&target);
            let e = super::os_reason(&e);
            return Err(InputError(say!(
                lang,
                "kan de bundel in {shown} niet schrijven: {e}",
                "cannot write the bundle in {shown}: {e}"
            ))
            .into());
        }
        print!("{}", summary(&target, stage, self.lang, &files));
        Ok(crate::exit::OK)
    }

    /// Every file of the bundle, filled in.
    fn files(&self, stage: Stage, sdk: Option<&Path>) -> Vec<File> {
        let t = stage_templates(stage);
        let name = self.name.as_str();
        let prefix = name.to_ascii_uppercase();
        let package = format!("{name}-{}", stage.name());
        let lang_flag = match self.lang {
            Lang::Rust => "",
            Lang::Python => " --lang python",
            Lang::Js => " --lang js",
        };
        let lang_name = self.lang.name();
        let lang_readme = match self.lang {
            Lang::Rust => rust::README,
            Lang::Python => python::README,
            Lang::Js => js::README,
        };
        // A version always; a path too only when --sdk named a checkout.
        let sdk_dep = |crate_dir: &str| {
            let path = sdk.map(|s| format!(", path = {}", toml_string(&s.join(crate_path(crate_dir)))));
            format!("{{ version = \"{}\"{} }}", env!("CARGO_PKG_VERSION"), path.unwrap_or_default())
        };
        let dev_dependencies: String = t.references.iter().map(|r| format!("wegwijs-{r} = {}\n", sdk_dep(r))).collect();
        // Fragments first: they contain tokens of their own.
        let fill = |template: &str| -> String {
            let text = template
                .replace("{{stage_section}}", t.readme.trim_end())
                .replace("{{lang_section}}", lang_readme.trim_end());
            [
                ("{{name}}", name),
                ("{{PREFIX}}", prefix.as_str()),
                ("{{stage}}", stage.name()),
                ("{{world}}", &format!("{}-stage", stage.name())),
                ("{{interface}}", stage.interface()),
                ("{{package}}", package.as_str()),
                ("{{crate}}", &package.replace('-', "_")),
                ("{{lang}}", lang_name),
                ("{{lang_flag}}", lang_flag),
                ("{{sdk_types}}", &sdk_dep("types")),
                ("{{sdk_kit}}", &sdk_dep("kit")),
                ("{{sdk_guest}}", &sdk_dep("guest")),
                ("{{dev_dependencies}}", dev_dependencies.as_str()),
                ("{{version}}", env!("CARGO_PKG_VERSION")),
            ]
            .iter()
            .fold(text, |text, (token, value)| text.replace(token, value))
        };
        let file = |path: &str, template: &str| File { path: path.into(), contents: fill(template), executable: false };
        let script =
            |path: &str, template: &str| File { path: path.into(), contents: fill(template), executable: true };

        let mut files = vec![
            file("region.toml", bundle::REGION),
            file("README.md", bundle::README),
            file(".gitignore", bundle::GITIGNORE),
            file("cases/example.toml", t.cases),
            file("signals/example.json", bundle::SIGNAL),
        ];
        files.extend(WIT.iter().map(|(wit, text)| File {
            path: format!("component/wit/{wit}"),
            contents: (*text).to_string(),
            executable: false,
        }));
        match self.lang {
            Lang::Rust => files.extend([
                file("component/Cargo.toml", rust::CARGO_TOML),
                File { path: "component/Cargo.lock".into(), contents: CARGO_LOCK.into(), executable: false },
                file("component/rustfmt.toml", rust::RUSTFMT),
                script("component/build.sh", rust::BUILD),
                file("component/src/lib.rs", t.rust_lib),
                file("component/src/tests.rs", t.rust_tests),
            ]),
            Lang::Python => files.extend([
                script("component/build.sh", python::BUILD),
                file("component/requirements.txt", python::REQUIREMENTS),
                file("component/app.py", t.python_app),
                file("component/guest.py", python::GUEST),
            ]),
            Lang::Js => files.extend([
                file("component/package.json", js::PACKAGE),
                script("component/build.sh", js::BUILD),
                file("component/app.js", t.js_app),
                file("component/guest.js", js::GUEST),
                file("component/types.d.ts", js::TYPES),
                file("component/host.d.ts", js::HOST),
                file("component/jsconfig.json", js::JSCONFIG),
            ]),
        }
        files
    }
}

/// Refuses a name that cannot be a region id, a directory name and the
/// prefix of well-formed rule ids (`REGIO-NOORD-ROUTING`) all at once.
fn check_name(name: &str) -> Result<(), InputError> {
    let well_formed = (1..=48).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    let lang = super::language();
    if !well_formed {
        return Err(InputError(say!(
            lang,
            "`{name}` is geen geldige regio-id: gebruik kleine letters en cijfers, met losse '-' daartussen (nooit twee achter elkaar), begin met een letter, hoogstens 48 tekens (bijv. regio-noord); de naam is de id van de regio, de naam van haar map en het voorvoegsel van haar regel-id's",
            "`{name}` is not a valid region id: use lower-case letters, digits and single '-' between them, starting with a letter, at most 48 characters (e.g. regio-noord); the name is the region's id, its directory and the prefix of its rule ids"
        )));
    }
    if name == wegwijs::NATIONAL_DEFAULT {
        return Err(InputError(say!(
            lang,
            "`{name}` is gereserveerd voor de landelijke standaard; kies een eigen naam voor de regio",
            "`{name}` is reserved for the national defaults; choose the region's own name"
        )));
    }
    Ok(())
}

/// The wegwijs source tree (`--sdk`) with the SDK crates and the reference
/// components a Rust project's tests need, made absolute so the project can
/// move.
fn sdk_root(given: &Path, references: &[&str]) -> Result<PathBuf, InputError> {
    let lang = super::language();
    let hint = lang
        .pick("geef de hoofdmap van een kopie van de wegwijs-broncode", "give the root of a wegwijs source checkout");
    let (root, origin) = (given.to_path_buf(), "--sdk");
    let root = root.canonicalize().map_err(|e| {
        let (shown, e) = (root.display(), super::os_reason(&e));
        InputError(say!(
            lang,
            "de wegwijs-SDK staat niet in {shown} ({origin}): {e}; {hint}",
            "the wegwijs SDK is not at {shown} ({origin}): {e}; {hint}"
        ))
    })?;
    let needed = ["types", "kit", "guest"].iter().chain(references);
    if let Some(missing) = needed.map(|c| root.join(crate_path(c))).find(|c| !c.join("Cargo.toml").is_file()) {
        let (shown, missing) = (root.display(), missing.display());
        return Err(InputError(say!(
            lang,
            "de wegwijs-SDK in {shown} ({origin}) is niet compleet: {missing} heeft geen Cargo.toml; {hint}",
            "the wegwijs SDK is not complete at {shown} ({origin}): {missing} has no Cargo.toml; {hint}"
        )));
    }
    Ok(root)
}

/// Where a crate of the source tree lives: the SDK crates under `sdk/`,
/// the reference components (a project's tests run them) under `components/`.
fn crate_path(crate_dir: &str) -> PathBuf {
    let folder = if ["types", "kit", "guest", "testkit"].contains(&crate_dir) { "sdk" } else { "components" };
    Path::new(folder).join(crate_dir)
}

/// A TOML basic string holding `path`.
fn toml_string(path: &Path) -> String {
    let text = path.display().to_string();
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Writes every file under `target`, creating subdirectories, scripts executable.
fn write_all(target: &Path, files: &[File]) -> std::io::Result<()> {
    for f in files {
        let path = target.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &f.contents)?;
        #[cfg(unix)]
        if f.executable {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
        }
    }
    Ok(())
}

/// What was created and the commands to run next, from the bundle directory.
fn summary(target: &Path, stage: Stage, lang: Lang, files: &[File]) -> String {
    let s = stage.name();
    let lang = lang.name();
    let mut out = format!("created {} — a region bundle with its own {s} component in {lang}\n", target.display());
    for f in files.iter().filter(|f| !f.path.starts_with("component/wit/")) {
        out.push_str(&format!("  {}\n", f.path));
    }
    out.push_str(
        "  component/wit/ (the wegwijs WIT contract)\n\nnext, in that directory (README.md explains each step):\n",
    );
    for step in [
        "sh component/build.sh".to_string(),
        format!("wegwijs check {s}.wasm --stage {s}"),
        "wegwijs test --region .".to_string(),
        "wegwijs compare signals/example.json --region .".to_string(),
    ] {
        out.push_str(&format!("  {step}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_cannot_be_region_ids_or_rule_prefixes_are_refused() {
        for good in ["regio-noord", "a", "gm0344-west", "my-region"] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        for bad in
            ["", "Regio", "1regio", "-regio", "regio-", "regio--noord", "regio_noord", "régio", "national-default"]
        {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_name(&"a".repeat(49)).is_err());
    }

    #[test]
    fn every_template_is_filled_in_for_every_stage_and_language() {
        let sdk = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for stage in Stage::ALL {
            for lang in [Lang::Rust, Lang::Python, Lang::Js] {
                let cmd = NewCommand { stage, name: "regio-noord".into(), lang, dir: None, sdk: None };
                for sdk in [None, Some(sdk.as_path())] {
                    for f in cmd.files(stage, sdk) {
                        assert!(!f.contents.contains("{{"), "{stage:?} {lang:?} {}: a token is left", f.path);
                    }
                }
            }
        }
    }

    /// `types.d.ts` was generated from `wit/types.wit`; every record,
    /// enum and variant of the WIT is declared in it, with every field and
    /// case, so the editor's shapes cannot drift from the contract unseen.
    #[test]
    fn the_javascript_types_declare_every_wit_type_field_and_case() {
        let pascal =
            |name: &str| -> String { name.split('-').map(|p| p[..1].to_ascii_uppercase() + &p[1..]).collect() };
        let camel = |name: &str| -> String {
            let p = pascal(name);
            p[..1].to_ascii_lowercase() + &p[1..]
        };
        let wit = WIT.iter().find(|(n, _)| *n == "types.wit").expect("types.wit").1;
        let mut kind = "";
        for line in wit.lines().map(str::trim) {
            let words: Vec<&str> = line.split_whitespace().collect();
            if let ["record" | "enum" | "variant", name, "{"] = words.as_slice() {
                kind = words[0];
                let declared = match kind {
                    "record" => format!("export interface {} {{", pascal(name)),
                    _ => format!("export type {} =", pascal(name)),
                };
                assert!(js::TYPES.contains(&declared), "types.d.ts lacks `{declared}`");
            } else if line == "}" {
                kind = "";
            } else if !kind.is_empty() && !line.starts_with("///") && !line.starts_with('@') && !line.is_empty() {
                let member = line.trim_end_matches(',');
                let expected = match kind {
                    "record" => format!("{}: ", camel(member.split(':').next().unwrap_or_default().trim())),
                    "enum" => format!("| \"{member}\""),
                    _ => format!("tag: \"{}\"", member.split('(').next().unwrap_or_default()),
                };
                assert!(js::TYPES.contains(&expected), "types.d.ts lacks `{expected}` ({kind} member `{member}`)");
            }
        }
    }

    /// Without `--sdk` a project names the SDK by version only, so it
    /// builds wherever it is copied once the crates are in a registry; with
    /// it, by version and by the absolute path of the checkout.
    #[test]
    fn a_rust_project_depends_on_the_sdk_by_version_and_by_path_only_with_sdk() {
        let checkout = Path::new("/opt/wegwijs");
        let cmd =
            NewCommand { stage: Stage::Routing, name: "regio-noord".into(), lang: Lang::Rust, dir: None, sdk: None };
        let manifest = |sdk| {
            cmd.files(Stage::Routing, sdk).into_iter().find(|f| f.path == "component/Cargo.toml").expect("a manifest")
        };
        let version = env!("CARGO_PKG_VERSION");
        let by_version = manifest(None).contents;
        assert!(by_version.contains(&format!("wegwijs-guest = {{ version = \"{version}\" }}")), "{by_version}");
        assert!(!by_version.contains("path ="), "{by_version}");
        let by_path = manifest(Some(checkout)).contents;
        assert!(
            by_path
                .contains(&format!("wegwijs-types = {{ version = \"{version}\", path = \"/opt/wegwijs/sdk/types\" }}")),
            "{by_path}"
        );
        assert!(by_path.contains("wegwijs-routing = { version"), "{by_path}");
    }
}
