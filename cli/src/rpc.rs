//! A blocking JSON-RPC client of a DOID node (HTTP, or HTTPS), and the mapping of its errors to
//! exit codes and messages.

use crate::error::CliError;
use jsonrpsee::{
	core::{client::ClientT, params::ArrayParams, ClientError},
	http_client::{HttpClient, HttpClientBuilder},
};
use serde_json::Value;
use std::time::Duration;

/// Error code of the `doid_*` methods: malformed input.
pub const INVALID_INPUT: i32 = -32602;
/// Error code of the `doid_*` methods: no such certificate, subject, application or digest.
pub const NOT_FOUND: i32 = 4004;
/// Error code of `doid_evidenceBundle`: anchored, but no finality proof covers it yet.
pub const NOT_YET_PROVABLE: i32 = 4009;
/// Error code of the `doid_*` methods: the node failed to compute the answer.
pub const RUNTIME_ERROR: i32 = 5000;
/// JSON-RPC "method not found".
pub const METHOD_NOT_FOUND: i32 = -32601;

/// The default node address.
pub const DEFAULT_URL: &str = "http://127.0.0.1:9944";

/// A connection to a node's JSON-RPC server.
pub struct Rpc {
	url: String,
	runtime: tokio::runtime::Runtime,
	client: HttpClient,
}

/// `ws://` → `http://`, `wss://` → `https://`; a bare `host:port` gets `http://`.
pub fn http_url(url: &str) -> String {
	let url = url.trim();
	if let Some(rest) = url.strip_prefix("ws://") {
		format!("http://{rest}")
	} else if let Some(rest) = url.strip_prefix("wss://") {
		format!("https://{rest}")
	} else if url.contains("://") {
		url.to_string()
	} else {
		format!("http://{url}")
	}
}

impl Rpc {
	/// A client of the node at `url` (no request is sent yet).
	pub fn new(url: &str) -> Result<Rpc, CliError> {
		let url = http_url(url);
		let runtime = tokio::runtime::Builder::new_current_thread()
			.enable_all()
			.build()
			.map_err(|e| CliError::usage(format!("cannot start the network runtime: {e}")))?;
		let client = {
			let _guard = runtime.enter();
			HttpClientBuilder::default()
				.request_timeout(Duration::from_secs(120))
				.max_response_size(256 << 20)
				.build(&url)
				.map_err(|e| {
					CliError::usage(format!(
						"invalid node address {url:?}: {e} (give e.g. --url http://127.0.0.1:9944)"
					))
				})?
		};
		Ok(Rpc { url, runtime, client })
	}

	/// Calls `method` with positional `params`.
	pub fn call(&self, method: &str, params: Vec<Value>) -> Result<Value, RpcError> {
		let mut array = ArrayParams::new();
		for p in params {
			array
				.insert(p)
				.map_err(|e| RpcError::Other(format!("cannot encode parameters: {e}")))?;
		}
		self.runtime
			.block_on(self.client.request::<Value, _>(method, array))
			.map_err(|e| RpcError::from_client(e, &self.url, method))
	}
}

/// An error and its sources, `outer: inner: innermost` (repeated texts left out).
pub fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
	let mut parts: Vec<String> = vec![e.to_string()];
	let mut source = e.source();
	while let Some(s) = source {
		let text = s.to_string();
		if !parts.iter().any(|p| p.contains(&text)) {
			parts.push(text);
		}
		source = s.source();
	}
	parts.join(": ")
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RpcError {
	/// The node answered with a JSON-RPC error.
	Call {
		/// The error code.
		code: i32,
		/// The node's message.
		message: String,
	},
	/// The node could not be reached.
	Connection(String),
	/// Anything else (timeouts, malformed answers).
	Other(String),
}

impl RpcError {
	fn from_client(e: ClientError, url: &str, method: &str) -> RpcError {
		match e {
			ClientError::Call(obj) => {
				RpcError::Call { code: obj.code(), message: obj.message().to_string() }
			}
			ClientError::Transport(t) => RpcError::Connection(format!(
				"cannot connect to the DOID node at {url}: {}. Is the node running with its RPC \
				 server on that address? Give the node's address with --url or DOID_URL.",
				error_chain(t.as_ref())
			)),
			ClientError::RequestTimeout => RpcError::Connection(format!(
				"the DOID node at {url} did not answer {method} in time; retry, or use another \
				 node (--url)"
			)),
			other => RpcError::Other(format!("{method} at {url} failed: {other}")),
		}
	}

	/// The CLI error (exit code and message) of this failure of a call of `method`.
	pub fn into_cli(self, method: &str) -> CliError {
		match self {
			RpcError::Call { code: NOT_FOUND, message } => {
				CliError::negative(format!("not found: {message}"))
			}
			RpcError::Call { code: INVALID_INPUT, message } => {
				CliError::usage(format!("invalid input: {message}"))
			}
			RpcError::Call { code: NOT_YET_PROVABLE, message } => CliError::negative(format!(
				"not provable yet: {message}. The anchor is on chain but no GRANDPA finality \
				 proof covers its block yet; wait for finality (a minute or so) and retry."
			)),
			RpcError::Call { code: METHOD_NOT_FOUND, .. } => CliError::usage(format!(
				"the node does not offer {method}: is it a DOID node of this version, with its \
				 RPC methods enabled?"
			)),
			RpcError::Call { code, message } => {
				CliError::usage(format!("the node refused {method} (error {code}): {message}"))
			}
			RpcError::Connection(m) | RpcError::Other(m) => CliError::usage(m),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn urls() {
		assert_eq!(http_url("ws://127.0.0.1:9944"), "http://127.0.0.1:9944");
		assert_eq!(http_url("wss://node.example:443"), "https://node.example:443");
		assert_eq!(http_url("localhost:9944"), "http://localhost:9944");
		assert_eq!(http_url(" http://a:1 "), "http://a:1");
	}

	#[test]
	fn error_codes_map_to_exit_codes() {
		let e = |code| RpcError::Call { code, message: "m".into() }.into_cli("doid_x");
		assert!(matches!(e(NOT_FOUND), CliError::Negative(_)));
		assert!(matches!(e(NOT_YET_PROVABLE), CliError::Negative(m) if m.contains("retry")));
		assert!(matches!(e(INVALID_INPUT), CliError::Usage(_)));
		assert!(matches!(e(5000), CliError::Usage(_)));
	}
}
