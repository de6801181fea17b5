//! TLS with rustls (the ring provider, which builds without cmake): the
//! certificate chain and key are read from PEM files once at start, and a
//! problem with them stops the start with the file named.

use crate::config::TlsFiles;
use crate::server::ServeError;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use std::sync::Arc;
use tokio_rustls::rustls;

/// A rustls server configuration from PEM files, offering HTTP/1.1 by ALPN.
pub(crate) fn server_config(files: &TlsFiles) -> Result<Arc<rustls::ServerConfig>, ServeError> {
    let tls = |problem: String| ServeError::Tls(problem);
    let certs = CertificateDer::pem_file_iter(&files.cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| tls(format!("certificate file {}: {e}", files.cert.display())))?;
    if certs.is_empty() {
        return Err(tls(format!("certificate file {}: no certificate in it", files.cert.display())));
    }
    // The key's own text never reaches a message.
    let key = PrivateKeyDer::from_pem_file(&files.key)
        .map_err(|e| tls(format!("key file {}: no usable private key ({e})", files.key.display())))?;
    // rustls 0.23.48 deprecates the ring provider because it has no
    // post-quantum key exchange; aws-lc-rs has one but needs cmake to
    // build, which the machines that build wegwijs lack
    // (docs/decisions/0009). Classical X25519/P-256 until then.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| tls(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| tls(format!("{} and {}: {e}", files.cert.display(), files.key.display())))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}
