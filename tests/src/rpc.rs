//! A small blocking JSON-RPC client over HTTP (jsonrpsee) for the tests.

use jsonrpsee::{
	core::client::ClientT,
	http_client::{HttpClient, HttpClientBuilder},
	rpc_params,
};
use serde_json::Value;
use std::time::Duration;

/// A JSON-RPC client of one node.
pub struct Rpc {
	client: HttpClient,
	runtime: tokio::runtime::Runtime,
}

/// A JSON-RPC failure: transport or error response.
pub type RpcError = String;

impl Rpc {
	/// A client of the node listening on 127.0.0.1:`port`.
	pub fn new(port: u16) -> Rpc {
		let runtime = tokio::runtime::Builder::new_current_thread()
			.enable_all()
			.build()
			.expect("tokio runtime");
		let client = HttpClientBuilder::default()
			.request_timeout(Duration::from_secs(20))
			.build(format!("http://127.0.0.1:{port}"))
			.expect("http client");
		Rpc { client, runtime }
	}

	/// Call `method` with positional `params` (a JSON array) and decode the result.
	pub fn call<T: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: Value,
	) -> Result<T, RpcError> {
		let mut builder = jsonrpsee::core::params::ArrayParams::new();
		if let Value::Array(items) = params {
			for item in items {
				builder.insert(item).map_err(|e| e.to_string())?;
			}
		}
		self.runtime
			.block_on(self.client.request::<T, _>(method, builder))
			.map_err(|e| e.to_string())
	}

	/// Wait until the node answers `system_health`.
	pub fn wait_ready(&self, timeout: Duration) -> Result<(), RpcError> {
		let deadline = std::time::Instant::now() + timeout;
		loop {
			let answer: Result<Value, _> =
				self.runtime.block_on(self.client.request("system_health", rpc_params![]));
			match answer {
				Ok(_) => return Ok(()),
				Err(e) if std::time::Instant::now() > deadline => return Err(e.to_string()),
				Err(_) => std::thread::sleep(Duration::from_millis(300)),
			}
		}
	}

	/// Number of the best block.
	pub fn best_number(&self) -> Result<u32, RpcError> {
		let header: Value = self.call("chain_getHeader", serde_json::json!([]))?;
		parse_number(&header)
	}

	/// Number and hash (hex) of the last finalized block.
	pub fn finalized_head(&self) -> Result<(u32, String), RpcError> {
		let hash: String = self.call("chain_getFinalizedHead", serde_json::json!([]))?;
		let header: Value = self.call("chain_getHeader", serde_json::json!([hash.clone()]))?;
		Ok((parse_number(&header)?, hash))
	}

	/// Number of the last finalized block.
	pub fn finalized_number(&self) -> Result<u32, RpcError> {
		self.finalized_head().map(|(number, _)| number)
	}

	/// Number of connected peers.
	pub fn peers(&self) -> Result<u64, RpcError> {
		let health: Value = self.call("system_health", serde_json::json!([]))?;
		health["peers"].as_u64().ok_or_else(|| "no peers field".into())
	}
}

fn parse_number(header: &Value) -> Result<u32, RpcError> {
	let hex = header["number"].as_str().ok_or("header without number")?;
	u32::from_str_radix(hex.trim_start_matches("0x"), 16).map_err(|e| e.to_string())
}

/// The message of a call expected to fail; panics with the value if it succeeded.
pub fn rpc_error<T: std::fmt::Debug>(result: Result<T, RpcError>) -> RpcError {
	match result {
		Ok(v) => panic!("expected an error, got {v:?}"),
		Err(e) => e,
	}
}
