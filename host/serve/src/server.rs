//! Listening, TLS, and shutdown. The accept loop is ours rather than
//! `axum::serve`'s so that plain and TLS connections go the same way: each
//! connection (its TLS handshake included) runs on its own task, so a slow
//! handshake never holds up the next accept, and every connection is
//! watched so that shutdown can stop accepting, let requests in flight
//! finish, close idle connections and only then return.

use crate::api::{AppState, Shared, router};
use crate::config::Config;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;
use wegwijs::Host;

/// Why the service could not start or had to stop.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The address is not loopback and there is no TLS.
    #[error(
        "refusing to listen on {0} without TLS: signals about children would cross the network in clear text; \
         give --tls-cert and --tls-key, listen on 127.0.0.1, or (behind a TLS-terminating proxy only) pass \
         --insecure-no-tls"
    )]
    InsecureBind(SocketAddr),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The TLS certificate or key could not be used.
    #[error("TLS: {0}")]
    Tls(String),
    /// The host could not be built.
    #[error("the wegwijs host could not be built: {0}")]
    Host(String),
    /// The async runtime could not be started.
    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

/// Where the service's host comes from.
pub enum HostSource {
    /// A host built already (tests, embedders).
    Ready(Host),
    /// Built on a blocking thread after the service listens, so `/healthz`
    /// answers and `/readyz` says 503 while the reference components
    /// compile.
    Build(Box<dyn FnOnce() -> Result<Host, String> + Send>),
}

impl std::fmt::Debug for HostSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            HostSource::Ready(_) => "HostSource::Ready",
            HostSource::Build(_) => "HostSource::Build",
        })
    }
}

/// A bound service, not yet serving. [`Server::bind`], read
/// [`Server::local_addr`], then [`Server::run`].
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    tls: Option<TlsAcceptor>,
    state: Shared,
    drain_timeout: Duration,
    drain_grace: Duration,
    connections: Arc<Semaphore>,
    header_read_timeout: Duration,
    reload_interval: Option<Duration>,
    reload_on_hangup: bool,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server").field("addr", &self.addr).field("tls", &self.tls.is_some()).finish()
    }
}

impl Server {
    /// Checks the configuration, loads TLS and binds the address.
    /// Refuses a non-loopback address without TLS unless
    /// [`Config::insecure_no_tls`] is set.
    pub async fn bind(config: Config) -> Result<Server, ServeError> {
        if config.tls.is_none() && !config.addr.ip().is_loopback() && !config.insecure_no_tls {
            return Err(ServeError::InsecureBind(config.addr));
        }
        let tls = match &config.tls {
            Some(files) => Some(TlsAcceptor::from(crate::tls::server_config(files)?)),
            None => None,
        };
        let listener =
            TcpListener::bind(config.addr).await.map_err(|source| ServeError::Bind { addr: config.addr, source })?;
        let addr = listener.local_addr().map_err(|source| ServeError::Bind { addr: config.addr, source })?;
        Ok(Server {
            listener,
            addr,
            tls,
            state: Arc::new(AppState::new(&config)),
            drain_timeout: config.drain_timeout,
            drain_grace: config.drain_grace,
            connections: Arc::new(Semaphore::new(config.max_connections.max(1))),
            header_read_timeout: config.header_read_timeout,
            reload_interval: config.reload_interval,
            reload_on_hangup: config.reload_on_hangup,
        })
    }

    /// The address really bound (with port 0, the port picked).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until `shutdown` completes, then stops accepting, lets the
    /// requests in flight finish (for at most the drain timeout) and
    /// returns. With [`HostSource::Build`] the host is built meanwhile; if
    /// that fails the service stops and the error is returned.
    pub async fn run(self, host: HostSource, shutdown: impl Future<Output = ()> + Send) -> Result<(), ServeError> {
        let failed = Arc::new(Notify::new());
        let error: Arc<Mutex<Option<String>>> = Arc::default();
        let build: Box<dyn FnOnce() -> Result<Host, String> + Send> = match host {
            // Ready at once, unless a regions directory must be read first.
            HostSource::Ready(host) if !self.state.reloader.watches() => {
                let _ = self.state.host.set(host);
                Box::new(|| Err(String::new()))
            }
            HostSource::Ready(host) => Box::new(move || Ok(host)),
            HostSource::Build(build) => build,
        };
        if self.state.host.get().is_none() {
            let (state, failed, error) = (Arc::clone(&self.state), Arc::clone(&failed), Arc::clone(&error));
            tokio::spawn(async move {
                let built = tokio::task::spawn_blocking(build)
                    .await
                    .unwrap_or_else(|_| Err("building the host panicked".to_string()));
                match built {
                    Ok(host) => {
                        // The regions directory's bundles are active
                        // before the service says it is ready.
                        if state.reloader.watches() {
                            let _ = crate::api::run_reload(&state, host.clone()).await;
                        }
                        let _ = state.host.set(host);
                    }
                    Err(e) => {
                        *error.lock().unwrap_or_else(PoisonError::into_inner) = Some(e);
                        failed.notify_one();
                    }
                }
            });
        }
        self.watch_bundles();
        let stop = async {
            tokio::select! {
                () = shutdown => {}
                () = failed.notified() => {}
            }
        };
        self.serve_until(stop).await;
        match error.lock().unwrap_or_else(PoisonError::into_inner).take() {
            Some(e) => Err(ServeError::Host(e)),
            None => Ok(()),
        }
    }

    /// The poll timer and the SIGHUP handler, each a task that runs a
    /// reload pass once the host is ready, until the service drains.
    fn watch_bundles(&self) {
        if !self.state.reloader.watches() {
            return;
        }
        if let Some(every) = self.reload_interval {
            let state = Arc::clone(&self.state);
            tokio::spawn(async move {
                let mut ticks = tokio::time::interval(every.max(Duration::from_millis(100)));
                ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                ticks.tick().await;
                loop {
                    ticks.tick().await;
                    if state.draining.load(Ordering::Relaxed) {
                        return;
                    }
                    if let Some(host) = state.host.get().cloned() {
                        let _ = crate::api::run_reload(&state, host).await;
                    }
                }
            });
        }
        #[cfg(unix)]
        if self.reload_on_hangup {
            use tokio::signal::unix::{SignalKind, signal};
            let state = Arc::clone(&self.state);
            match signal(SignalKind::hangup()) {
                Ok(mut hangups) => {
                    tokio::spawn(async move {
                        while hangups.recv().await.is_some() {
                            if state.draining.load(Ordering::Relaxed) {
                                return;
                            }
                            if let Some(host) = state.host.get().cloned() {
                                eprintln!("wegwijs serve: SIGHUP: reloading region bundles");
                                let _ = crate::api::run_reload(&state, host).await;
                                eprintln!("wegwijs serve: reload done");
                            }
                        }
                    });
                }
                Err(e) => eprintln!("wegwijs serve: cannot watch SIGHUP ({e}); reload with POST /v1/regions/reload"),
            }
        }
    }

    async fn serve_until(self, stop: impl Future<Output = ()>) {
        let graceful = GracefulShutdown::new();
        let app = router(Arc::clone(&self.state));
        let mut http = http1::Builder::new();
        http.timer(TokioTimer::new()).header_read_timeout(self.header_read_timeout);
        let http = Arc::new(http);
        let mut tasks = JoinSet::new();
        tokio::pin!(stop);
        // Until the stop signal; then, while readiness answers 503, for the
        // drain grace.
        let mut until: Option<std::pin::Pin<Box<tokio::time::Sleep>>> = None;
        loop {
            while tasks.try_join_next().is_some() {}
            let accepted = tokio::select! {
                () = stopping(&mut until, &mut stop) => None,
                accepted = accept(&self.listener, &self.connections) => Some(accepted),
            };
            let stream = match accepted {
                Some(Some(accepted)) => accepted,
                Some(None) => continue,
                None if until.is_some() => break,
                None => {
                    self.state.draining.store(true, Ordering::Relaxed);
                    until = Some(Box::pin(tokio::time::sleep(self.drain_grace)));
                    continue;
                }
            };
            let (stream, permit) = stream;
            let _ = stream.set_nodelay(true);
            let connection = Connection {
                app: app.clone(),
                http: Arc::clone(&http),
                tls: self.tls.clone(),
                watcher: graceful.watcher(),
                handshake_timeout: self.header_read_timeout,
            };
            tasks.spawn(async move {
                connection.serve(stream).await;
                drop(permit);
            });
        }
        // New connections are refused once the listener is dropped; the
        // ones open finish their requests, or are cut at the drain timeout
        // so that shutdown always ends.
        drop(self.listener);
        if tokio::time::timeout(self.drain_timeout, graceful.shutdown()).await.is_err() {
            eprintln!(
                "wegwijs serve: requests still in flight after the drain timeout ({} s); their connections are closed",
                self.drain_timeout.as_secs()
            );
        }
        tasks.abort_all();
        while tasks.join_next().await.is_some() {}
    }
}

/// Completes at the stop signal, or, once that came, at the end of the
/// drain grace.
async fn stopping(
    grace: &mut Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
    stop: &mut std::pin::Pin<&mut impl Future<Output = ()>>,
) {
    match grace {
        Some(grace) => grace.as_mut().await,
        None => stop.as_mut().await,
    }
}

/// Accepts one connection once a connection permit is free. `None` after a
/// failed accept: a connection reset or refused before it was taken
/// concerns that connection only; any other error (out of file handles,
/// most often) persists for a while, so the loop backs off instead of
/// spinning a worker at full speed.
async fn accept(listener: &TcpListener, connections: &Arc<Semaphore>) -> Option<(TcpStream, OwnedSemaphorePermit)> {
    let permit = Arc::clone(connections).acquire_owned().await.ok()?;
    match listener.accept().await {
        Ok((stream, _peer)) => Some((stream, permit)),
        Err(e) => {
            use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
            if !matches!(e.kind(), ConnectionAborted | ConnectionRefused | ConnectionReset) {
                tokio::time::sleep(ACCEPT_BACKOFF).await;
            }
            None
        }
    }
}

/// How long the accept loop pauses after an accept error that is not about
/// one connection (e.g. EMFILE).
const ACCEPT_BACKOFF: Duration = Duration::from_millis(200);

/// One accepted connection, to be served on its own task.
struct Connection {
    app: axum::Router,
    http: Arc<http1::Builder>,
    tls: Option<TlsAcceptor>,
    watcher: hyper_util::server::graceful::Watcher,
    handshake_timeout: Duration,
}

impl Connection {
    async fn serve(self, stream: TcpStream) {
        let service = TowerToHyperService::new(self.app);
        match self.tls {
            None => {
                let connection = self.http.serve_connection(TokioIo::new(stream), service);
                let _ = self.watcher.watch(connection).await;
            }
            Some(acceptor) => {
                let Ok(Ok(stream)) = tokio::time::timeout(self.handshake_timeout, acceptor.accept(stream)).await else {
                    return;
                };
                let connection = self.http.serve_connection(TokioIo::new(stream), service);
                let _ = self.watcher.watch(connection).await;
            }
        }
    }
}

/// Completes on SIGTERM or SIGINT (Ctrl-C): the usual `shutdown` for
/// [`Server::run`] in a process of its own.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// Runs a service in a process of its own: starts a runtime, binds,
/// calls `bound` with the address (to print it), serves until SIGTERM or
/// SIGINT and drains. The runtime's blocking pool is sized for the
/// decision slots plus the host's build.
pub fn serve_until_signal(
    mut config: Config,
    host: HostSource,
    bound: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    config.reload_on_hangup = true;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // A decision frees its slot before it waits for the decision log's
        // fsync; its thread waits on: room for three waiting per slot.
        .max_blocking_threads(4 * config.max_concurrent_decisions.max(1) + 2)
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(async move {
        let server = Server::bind(config).await?;
        bound(server.local_addr());
        server.run(host, shutdown_signal()).await
    })
}
