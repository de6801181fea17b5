//! `wegwijs serve`: the HTTP service (`wegwijs-serve`). This module only
//! turns flags into a `wegwijs_serve::Config` and a host builder; the
//! service itself, its limits and its security checks live in the library.

use super::InputError;
use clap::Args;
use std::io::Read as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;
use wegwijs::Host;
use wegwijs::types::say;
use wegwijs_serve::{ApiKeys, Config, HostSource, ServeError, TlsFiles};

/// The variable holding the pseudonym key when no file is given.
const PSEUDONYM_KEY_VAR: &str = "WEGWIJS_PSEUDONYM_KEY";

/// When a decision log's record counts as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LogDurability {
    /// One fsync per record.
    Record,
    /// One fsync per batch of records that arrive together.
    Batch,
}

/// Serve decisions over HTTP (prints `listening on URL` once bound).
#[derive(Debug, Args)]
pub(crate) struct ServeCommand {
    #[command(flatten)]
    pub(crate) reader: super::ReaderLanguage,
    /// Print the sha256 of the API token read from standard input (one
    /// trailing newline removed), for the keys file, and exit.
    #[arg(long, exclusive = true)]
    hash_key: bool,
    /// The keys file: per key its id, the sha256 of its token and its
    /// rights (decide, regions, metrics, cds, admin). TOML; see
    /// `wegwijs_serve::ApiKeys`.
    #[arg(long, value_name = "FILE", required_unless_present = "hash_key")]
    keys: Option<PathBuf>,
    /// The address to listen on.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// A region bundle directory to load (repeatable). A signal is decided
    /// in the region serving its gemeente, or the one the request names.
    #[arg(long = "region", value_name = "DIR")]
    regions: Vec<PathBuf>,
    /// A directory whose every subdirectory is a region bundle: activated
    /// at start (a refused one is listed in /v1/regions, the others serve)
    /// and, like every --region, reloaded when it changes.
    #[arg(long, value_name = "DIR")]
    regions_dir: Option<PathBuf>,
    /// How often to look for changed bundles, in seconds; 0: only on SIGHUP
    /// and POST /v1/regions/reload.
    #[arg(long, value_name = "SECS", default_value_t = 5)]
    reload_interval_secs: u64,
    /// Keep the hash-chained decision log in DIR: every decision and every
    /// feedback is durable there before it is answered (docs/audit.md).
    #[arg(long, value_name = "DIR")]
    log_dir: Option<PathBuf>,
    /// When a logged record counts as written: `batch` (one fsync shared by
    /// the records of a short window) or `record` (one fsync each).
    #[arg(long, value_enum, default_value_t = LogDurability::Batch, requires = "log_dir")]
    log_durability: LogDurability,
    /// With `--log-durability batch`: how long the first record of a batch
    /// waits for others to share its fsync, in microseconds (0: a batch is
    /// what gathered during the previous fsync).
    #[arg(long, value_name = "US", default_value_t = 0, requires = "log_dir")]
    log_batch_window_us: u64,
    /// TLS certificate chain (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// TLS private key (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Listen on a non-loopback address without TLS. Only behind a proxy
    /// that terminates TLS: signals about children must not cross a
    /// network in clear text.
    #[arg(long)]
    insecure_no_tls: bool,
    /// A file holding the secret pseudonyms are derived from (else
    /// WEGWIJS_PSEUDONYM_KEY; else a random key per start, so pseudonyms
    /// differ between restarts and replicas).
    #[arg(long, value_name = "FILE")]
    pseudonym_key_file: Option<PathBuf>,
    /// The largest request body, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = wegwijs_serve::DEFAULT_BODY_LIMIT)]
    body_limit: usize,
    /// How long one decision may take, in milliseconds (then 504).
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    request_timeout_ms: u64,
    /// How many decisions run at once (then 503 with Retry-After); default four per core.
    #[arg(long, value_name = "N")]
    max_concurrent: Option<usize>,
    /// How long shutdown waits for requests in flight, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    drain_timeout_secs: u64,
    /// After SIGTERM, how long to keep accepting while /readyz answers 503, in seconds, so a load balancer can take the replica out of rotation first.
    #[arg(long, value_name = "SECS", default_value_t = 0)]
    drain_grace_secs: u64,
}

impl ServeCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        let lang = super::language();
        if self.hash_key {
            let mut token = String::new();
            std::io::stdin().read_to_string(&mut token).map_err(|e| {
                let e = super::os_reason(&e);
                InputError(say!(
                    lang,
                    "kan het token niet van standaardinvoer lezen: {e}",
                    "cannot read the token from standard input: {e}"
                ))
            })?;
            let token = token.strip_suffix('\n').map(|t| t.strip_suffix('\r').unwrap_or(t)).unwrap_or(&token);
            if token.is_empty() {
                return Err(InputError(
                    lang.pick("het token op standaardinvoer is leeg", "the token on standard input is empty").into(),
                )
                .into());
            }
            println!("{}", wegwijs_serve::hash_token(token));
            return Ok(crate::exit::OK);
        }
        let keys = match &self.keys {
            Some(path) => ApiKeys::from_file(path).map_err(|e| InputError(e.to_string()))?,
            None => {
                return Err(InputError(lang.pick("--keys FILE is verplicht", "--keys FILE is required").into()).into());
            }
        };
        let pseudonym_key = self.pseudonym_key()?;
        let mut config = Config::default();
        config.addr = SocketAddr::new(self.bind, self.port);
        config.keys = keys;
        config.insecure_no_tls = self.insecure_no_tls;
        config.tls = self.tls_cert.zip(self.tls_key).map(|(cert, key)| TlsFiles { cert, key });
        config.body_limit = self.body_limit;
        config.request_timeout = Duration::from_millis(self.request_timeout_ms);
        config.drain_timeout = Duration::from_secs(self.drain_timeout_secs);
        config.drain_grace = Duration::from_secs(self.drain_grace_secs);
        if let Some(n) = self.max_concurrent {
            config.max_concurrent_decisions = n;
        }
        config.bundles = self.regions.clone();
        config.regions_dir = self.regions_dir.clone();
        config.reload_interval =
            (self.reload_interval_secs > 0).then(|| Duration::from_secs(self.reload_interval_secs));
        // Opened before the service listens: a broken or locked log stops
        // it at once, before any decision is taken.
        let log = match &self.log_dir {
            Some(dir) => Some(super::open_decision_log(
                dir,
                match self.log_durability {
                    LogDurability::Record => wegwijs::audit::Durability::EveryRecord,
                    LogDurability::Batch => wegwijs::audit::Durability::Batch {
                        window: Duration::from_micros(self.log_batch_window_us),
                        max_records: 64,
                    },
                },
            )?),
            None => None,
        };
        let regions = self.regions;
        // A refused --region bundle is bad input (exit 2), like in `run`.
        let refused = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let refused_in_build = std::sync::Arc::clone(&refused);
        let build = move || {
            let mut builder = Host::builder();
            if let Some(key) = pseudonym_key {
                builder = builder.pseudonym_key(key);
            }
            if let Some(log) = log {
                builder = builder.decision_log(log);
            }
            for dir in regions {
                builder = builder.region(dir);
            }
            super::build_host(builder).map_err(|e| {
                if matches!(e.downcast_ref::<wegwijs::Error>(), Some(wegwijs::Error::RegionRefused { .. })) {
                    refused_in_build.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                super::error_text(&e, super::language())
            })
        };
        let scheme = if config.tls.is_some() { "https" } else { "http" };
        let served = wegwijs_serve::serve_until_signal(config, HostSource::Build(Box::new(build)), |addr| {
            // Scripts and tests read the address from this line.
            println!("listening on {scheme}://{addr}");
        });
        match served {
            Ok(()) => Ok(crate::exit::OK),
            Err(e @ ServeError::Host(_)) if refused.load(std::sync::atomic::Ordering::Relaxed) => {
                Err(InputError(serve_error(&e, lang)).into())
            }
            Err(e @ ServeError::Host(_)) => Err(anyhow::anyhow!(serve_error(&e, lang))),
            Err(e) => Err(InputError(serve_error(&e, lang)).into()),
        }
    }

    /// The pseudonym key from its file or the environment; never from a
    /// flag's value, which other users can read in the process list.
    fn pseudonym_key(&self) -> anyhow::Result<Option<Vec<u8>>> {
        let lang = super::language();
        let key = match &self.pseudonym_key_file {
            Some(path) => {
                let mut bytes = std::fs::read(path).map_err(|e| {
                    let (shown, e) = (path.display(), super::os_reason(&e));
                    InputError(say!(
                        lang,
                        "kan het bestand met de pseudoniemsleutel {shown} niet lezen: {e}",
                        "cannot read the pseudonym key file {shown}: {e}"
                    ))
                })?;
                // A file written by `echo` ends in a newline that is not part of the key.
                while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    bytes.pop();
                }
                Some(bytes)
            }
            None => std::env::var_os(PSEUDONYM_KEY_VAR).map(|v| v.into_encoded_bytes()),
        };
        match key {
            Some(k) if k.is_empty() => {
                Err(InputError(lang.pick("de pseudoniemsleutel is leeg", "the pseudonym key is empty").into()).into())
            }
            Some(k) => Ok(Some(k)),
            None => {
                eprintln!(
                    "{}",
                    say!(
                        lang,
                        "let op: geen pseudoniemsleutel (--pseudonym-key-file of {PSEUDONYM_KEY_VAR}); er wordt een willekeurige gebruikt, dus pseudoniemen verschillen tussen herstarts en replica's",
                        "note: no pseudonym key (--pseudonym-key-file or {PSEUDONYM_KEY_VAR}); a random one is used, so pseudonyms differ between restarts and replicas"
                    )
                );
                Ok(None)
            }
        }
    }
}

/// Why the service could not start or had to stop, in `lang`. A host that
/// could not be built says why in `lang` already; the keys file's and TLS's
/// own words are the service library's, in English.
fn serve_error(error: &ServeError, lang: wegwijs::Language) -> String {
    match error {
        ServeError::InsecureBind(addr) => say!(
            lang,
            "wegwijs luistert niet op {addr} zonder TLS: signalen over kinderen zouden onversleuteld over het netwerk gaan; geef `--tls-cert` en `--tls-key`, luister op 127.0.0.1, of geef (alleen achter een proxy die TLS afhandelt) `--insecure-no-tls`",
            "refusing to listen on {addr} without TLS: signals about children would cross the network in clear text; give --tls-cert and --tls-key, listen on 127.0.0.1, or (behind a TLS-terminating proxy only) pass --insecure-no-tls"
        ),
        ServeError::Bind { addr, source } => {
            let why = super::os_reason(source);
            say!(lang, "kan niet luisteren op {addr}: {why}", "cannot listen on {addr}: {why}")
        }
        ServeError::Host(why) => {
            say!(lang, "de wegwijs-host kon niet worden gebouwd: {why}", "the wegwijs host could not be built: {why}")
        }
        ServeError::Runtime(source) => {
            let why = super::os_reason(source);
            say!(lang, "kan de async-runtime niet starten: {why}", "cannot start the async runtime: {why}")
        }
        other => other.to_string(),
    }
}
