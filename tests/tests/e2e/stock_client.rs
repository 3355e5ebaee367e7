//! A stock JavaScript client (@polkadot/api, no custom types) reads the metadata and submits a
//! signed balance transfer on a dev chain. `scripts/test.sh` installs the client with `npm ci`.
//! The same client submits a registration and calls `doid_verify` in `rpc.rs`.

use doid_e2e::*;

#[test]
fn polkadot_js_reads_metadata_and_transfers_without_custom_types() {
	let node = Node::start(NodeSpec::validator("dev", "alice"));
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let summary = run_stock_client("transfer.mjs", &[url], || node.log_tail());
	assert_eq!(summary["specName"], "doid");
	assert!(summary["metadataVersion"].as_u64().unwrap() >= 14);
	let extensions: Vec<String> =
		serde_json::from_value(summary["signedExtensions"].clone()).expect("extension list");
	assert!(extensions.contains(&"ChargeTransactionPayment".to_string()));
	assert!(extensions.contains(&"CheckMetadataHash".to_string()));
}
