//! The stock JavaScript client (`scripts/stock-client`, @polkadot/api from the npm registry, no
//! custom types), run by the compatibility tests.

use std::{path::PathBuf, process::Command};

/// Run `node <script> <args...>` in `scripts/stock-client`; returns the JSON summary it prints
/// last. Panics with its output (and `context`, e.g. the node's log) when it fails.
pub fn run_stock_client(
	script: &str,
	args: &[String],
	context: impl Fn() -> String,
) -> serde_json::Value {
	let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/stock-client");
	assert!(
		dir.join("node_modules/@polkadot/api").exists(),
		"@polkadot/api is not installed: run `npm ci` in scripts/stock-client (scripts/test.sh does)"
	);
	let output = Command::new("node")
		.arg(script)
		.args(args)
		.current_dir(&dir)
		.output()
		.expect("run node (Node.js)");
	let stdout = String::from_utf8_lossy(&output.stdout);
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(
		output.status.success(),
		"stock client {script} failed:\n{stdout}\n{stderr}\n{}",
		context()
	);
	let summary: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap_or(""))
		.unwrap_or_else(|e| panic!("{script} printed no JSON summary ({e}):\n{stdout}"));
	println!("{script}: {summary}");
	assert_eq!(summary["ok"], true, "{summary}");
	summary
}
