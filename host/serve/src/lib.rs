//! # wegwijs-serve
//!
//! The wegwijs host as an HTTP service, for EPDs that are not written in
//! Rust: decisions and regions under `/v1`, CDS Hooks under
//! `/cds-services`, health, readiness and metrics for operations. Each
//! decision is independent, so a vendor runs as many replicas as it needs
//! behind its own load balancer.
//!
//! Starting a service in-process, on a free port:
//!
//! ```no_run
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! use wegwijs_serve::{ApiKeys, Config, HostSource, Right, Server};
//!
//! let mut config = Config::default();
//! config.addr = "127.0.0.1:0".parse()?;
//! config.keys = ApiKeys::single("load-test", "a-long-random-token", &[Right::Decide]);
//! let server = Server::bind(config).await?;
//! println!("listening on {}", server.local_addr());
//! let host = wegwijs::Host::builder().build()?;
//! server.run(HostSource::Ready(host), wegwijs_serve::shutdown_signal()).await?;
//! # Ok(())
//! # }
//! ```
//!
//! Routes, their rights and their bodies: [`openapi_document`] (also
//! served at `/openapi.json` and kept in `host/serve/openapi.json`).
//! Errors are `application/problem+json` (RFC 9457, [`Problem`]); a bad
//! signal gets the library's structured errors, each naming its field and
//! never repeating its value. Why it is built this way:
//! `docs/decisions/0009-http-service.md`.
#![deny(missing_docs)]

mod api;
mod auth;
mod config;
mod metrics;
mod openapi;
mod problem;
mod reload;
mod server;
mod tls;

pub use auth::{ApiKeys, KeysError, Right, hash_token};
pub use config::{Config, DEFAULT_BODY_LIMIT, DecideHook, TlsFiles};
pub use openapi::openapi_document;
pub use problem::{FieldError, PROBLEM_JSON, Problem};
pub use reload::{Refused, ReloadReport};
pub use server::{HostSource, ServeError, Server, serve_until_signal, shutdown_signal};
