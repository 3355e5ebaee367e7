//! The built-in chain specs: dev has sudo and one validator, demo is dev with one day per block,
//! local has the four exchanges' validators and council, production has no sudo key. Also
//! builds the binary for the e2e tests.

use std::process::Command;

fn export(chain: &str, raw: bool) -> serde_json::Value {
	let mut cmd = Command::new(env!("CARGO_BIN_EXE_doid-node"));
	cmd.args(["export-chain-spec", "--chain", chain]);
	if raw {
		cmd.arg("--raw");
	}
	let output = cmd.output().expect("run doid-node");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	serde_json::from_slice(&output.stdout).expect("chain spec JSON")
}

fn patch(spec: &serde_json::Value) -> &serde_json::Value {
	&spec["genesis"]["runtimeGenesis"]["patch"]
}

#[test]
fn dev_spec_has_one_validator_and_sudo() {
	let spec = export("dev", false);
	assert_eq!(spec["id"], "doid_dev");
	let genesis = patch(&spec);
	assert_eq!(genesis["validatorSet"]["validators"].as_array().unwrap().len(), 1);
	assert_eq!(genesis["validatorSet"]["minValidators"], 1);
	assert!(genesis["sudo"]["key"].is_string());
}

#[test]
fn demo_spec_is_dev_with_one_day_per_block() {
	let (dev, demo) = (export("dev", false), export("demo", false));
	assert_eq!(demo["id"], "doid_demo");
	let (dev, demo) = (patch(&dev), patch(&demo));
	assert_eq!(demo["calendar"]["dayLengthMs"], 6_000, "one 6 s block per day");
	assert_eq!(dev["calendar"]["dayLengthMs"], 30_000);
	// Everything else as on dev: Alice validates alone and holds sudo.
	let mut demo_rest = demo.clone();
	demo_rest["calendar"]["dayLengthMs"] = dev["calendar"]["dayLengthMs"].clone();
	assert_eq!(&demo_rest, dev);
}

#[test]
fn local_spec_has_four_exchange_validators_and_council() {
	let spec = export("local", false);
	let genesis = patch(&spec);
	assert_eq!(genesis["session"]["keys"].as_array().unwrap().len(), 4);
	assert_eq!(genesis["validatorSet"]["minValidators"], 3);
	assert_eq!(genesis["councilMembership"]["members"].as_array().unwrap().len(), 4);
}

#[test]
fn production_spec_has_no_sudo_key() {
	let spec = export("production", false);
	let genesis = patch(&spec);
	assert!(
		genesis["sudo"]["key"].is_null(),
		"production must not have a sudo key: {}",
		genesis["sudo"]
	);
	assert_eq!(spec["chainType"], "Live");
}

#[test]
fn raw_spec_holds_the_runtime_code() {
	let spec = export("dev", true);
	let top = spec["genesis"]["raw"]["top"].as_object().expect("raw storage");
	// `:code` is stored under the well-known key 0x3a636f6465.
	assert!(top.get("0x3a636f6465").and_then(|v| v.as_str()).map_or(false, |c| c.len() > 100_000));
}
