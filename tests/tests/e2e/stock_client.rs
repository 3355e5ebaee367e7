//! A stock JavaScript client (@polkadot/api, no custom types) reads the metadata and submits a
//! signed balance transfer on a dev chain. `scripts/test.sh` installs the client with `npm ci`.

use doid_e2e::*;
use std::{path::PathBuf, process::Command};

#[test]
fn polkadot_js_reads_metadata_and_transfers_without_custom_types() {
	let script_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/stock-client");
	assert!(
		script_dir.join("node_modules/@polkadot/api").exists(),
		"@polkadot/api is not installed: run `npm ci` in scripts/stock-client (scripts/test.sh does)"
	);
	let node = Node::start(NodeSpec::validator("dev", "alice"));
	let output = Command::new("node")
		.arg("transfer.mjs")
		.arg(format!("ws://127.0.0.1:{}", node.rpc_port))
		.current_dir(&script_dir)
		.output()
		.expect("run node (Node.js)");
	let stdout = String::from_utf8_lossy(&output.stdout);
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(
		output.status.success(),
		"stock client failed:\n{stdout}\n{stderr}\n{}",
		node.log_tail()
	);
	let summary: serde_json::Value =
		serde_json::from_str(stdout.lines().last().unwrap_or("")).expect("JSON summary");
	println!("{summary}");
	assert_eq!(summary["ok"], true);
	assert_eq!(summary["specName"], "doid");
	assert!(summary["metadataVersion"].as_u64().unwrap() >= 14);
	let extensions: Vec<String> =
		serde_json::from_value(summary["signedExtensions"].clone()).expect("extension list");
	assert!(extensions.contains(&"ChargeTransactionPayment".to_string()));
	assert!(extensions.contains(&"CheckMetadataHash".to_string()));
}
