//! What a service is started with: where it listens, TLS, its API keys,
//! and the limits that keep one client or one slow region from taking the
//! service down (body size, time per request, decisions at once).

use crate::auth::ApiKeys;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Called on the blocking thread of each decision, after it got its slot
/// and before the signal is parsed: the decision is then certainly in
/// progress. Tests use it to hold a slot; an embedder could count.
pub type DecideHook = Arc<dyn Fn() + Send + Sync>;

/// The certificate chain and private key (PEM files) for TLS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    /// The certificate chain, leaf first.
    pub cert: PathBuf,
    /// The private key (PKCS#8, PKCS#1 or SEC1).
    pub key: PathBuf,
}

/// How a service is started. Build it from [`Config::default`] and set the
/// fields that differ.
#[derive(Clone)]
#[non_exhaustive]
pub struct Config {
    /// Address to listen on. Default `127.0.0.1:8080`; port 0 picks a free
    /// port ([`Server::local_addr`](crate::Server::local_addr) says which).
    pub addr: SocketAddr,
    /// TLS, when set. Without it the service refuses a non-loopback address
    /// unless [`Config::insecure_no_tls`] is set.
    pub tls: Option<TlsFiles>,
    /// Listen on a non-loopback address without TLS: only behind a proxy
    /// that terminates TLS on the same host or a private network.
    pub insecure_no_tls: bool,
    /// The API keys (see [`ApiKeys`]). Empty: every authenticated route
    /// answers 401.
    pub keys: ApiKeys,
    /// The largest request body, in bytes (default 256 KiB, about a
    /// hundred times a full signal). Larger bodies get 413.
    pub body_limit: usize,
    /// How long a decision may take, from admission to its card (default
    /// 10 s, past four region stages at the longest deadline a region may
    /// ask for). Later: 504, while the decision finishes on its thread and
    /// keeps its slot until then.
    pub request_timeout: Duration,
    /// How many decisions run at once (default: four per core; the host's
    /// own capacity lanes still run one stage call per core, so the extra
    /// slots cover the time an answer spends travelling back). A request
    /// beyond it gets 503 with `Retry-After` at once rather than a place in
    /// a queue: the caller's retry or another replica does better than a
    /// queue that grows.
    pub max_concurrent_decisions: usize,
    /// The `Retry-After` sent with 503, rounded up to whole seconds (default 1 s).
    pub retry_after: Duration,
    /// How long shutdown waits for requests in flight before it cuts their
    /// connections (default 30 s).
    pub drain_timeout: Duration,
    /// How long, after the stop signal, the service keeps accepting while
    /// `/readyz` answers 503 (default 0 s): behind a load balancer that
    /// polls readiness, a few seconds let it take the replica out of
    /// rotation before connections are refused.
    pub drain_grace: Duration,
    /// How many connections are served at once (default 1024). Beyond it
    /// new connections wait in the listen backlog, so idle or slow clients
    /// cannot use up the process's file handles.
    pub max_connections: usize,
    /// How long a client may take to send a request's headers (default
    /// 10 s), so idle or trickling connections do not pile up.
    pub header_read_timeout: Duration,
    /// Ask the host for each decision's per-stage timings
    /// (`DecideOptions::timings`: time and memory, no inputs or outputs),
    /// for the stage latency histograms in `/metrics` (default on). They
    /// are removed from the answer unless the request asked for `explain`.
    pub stage_metrics: bool,
    /// See [`DecideHook`].
    pub decide_hook: Option<DecideHook>,
    /// Region bundle directories to watch for a new revision (the host
    /// should have loaded them already; a bundle not yet loaded is
    /// activated on the first pass).
    pub bundles: Vec<PathBuf>,
    /// A directory whose every subdirectory is a region bundle: activated
    /// on the first pass, before the service is ready, and watched like
    /// [`Config::bundles`], new subdirectories included.
    pub regions_dir: Option<PathBuf>,
    /// How often the watched bundles are looked at (`None`: only on
    /// `POST /v1/regions/reload` and, with [`Config::reload_on_hangup`],
    /// SIGHUP). Default 5 s.
    pub reload_interval: Option<Duration>,
    /// Reload on SIGHUP (Unix). Default off; `serve_until_signal` turns it on.
    pub reload_on_hangup: bool,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("addr", &self.addr)
            .field("tls", &self.tls)
            .field("insecure_no_tls", &self.insecure_no_tls)
            .field("keys", &self.keys)
            .field("body_limit", &self.body_limit)
            .field("request_timeout", &self.request_timeout)
            .field("max_concurrent_decisions", &self.max_concurrent_decisions)
            .field("retry_after", &self.retry_after)
            .field("drain_timeout", &self.drain_timeout)
            .field("drain_grace", &self.drain_grace)
            .field("max_connections", &self.max_connections)
            .field("header_read_timeout", &self.header_read_timeout)
            .field("stage_metrics", &self.stage_metrics)
            .field("decide_hook", &self.decide_hook.is_some())
            .field("bundles", &self.bundles)
            .field("regions_dir", &self.regions_dir)
            .field("reload_interval", &self.reload_interval)
            .field("reload_on_hangup", &self.reload_on_hangup)
            .finish()
    }
}

/// The default request body limit: 256 KiB.
pub const DEFAULT_BODY_LIMIT: usize = 256 << 10;

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 8080)),
            tls: None,
            insecure_no_tls: false,
            keys: ApiKeys::default(),
            body_limit: DEFAULT_BODY_LIMIT,
            request_timeout: Duration::from_secs(10),
            max_concurrent_decisions: 4 * std::thread::available_parallelism().map_or(1, usize::from),
            retry_after: Duration::from_secs(1),
            drain_timeout: Duration::from_secs(30),
            drain_grace: Duration::ZERO,
            max_connections: 1024,
            header_read_timeout: Duration::from_secs(10),
            stage_metrics: true,
            decide_hook: None,
            bundles: Vec::new(),
            regions_dir: None,
            reload_interval: Some(Duration::from_secs(5)),
            reload_on_hangup: false,
        }
    }
}
