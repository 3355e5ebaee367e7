//! Built-in chain specifications: `dev`, `local` and the production template.

use doid_runtime::{
	genesis_config_presets::{DEMO_RUNTIME_PRESET, PRODUCTION_RUNTIME_PRESET},
	WASM_BINARY,
};
use sc_service::{ChainType, Properties};

/// The chain specification type of the DOID chain.
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "the runtime wasm was not built".to_string())
}

fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), "DOID".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

/// `dev`: one validator (Alice), sudo, fast to start.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("DOID Development")
		.with_id("doid_dev")
		.with_chain_type(ChainType::Development)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.build())
}

/// `demo`: the development chain with one calendar day per block, for a seeded demonstration
/// (`scripts/run-dev.sh --demo`, `tests/examples/demo.rs`).
pub fn demo_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("DOID Demo")
		.with_id("doid_demo")
		.with_chain_type(ChainType::Development)
		.with_properties(properties())
		.with_genesis_config_preset_name(DEMO_RUNTIME_PRESET)
		.build())
}

/// `local`: the four exchanges' validators (GZ, BJ, ZZ, SZ), a court and a notary account.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("DOID Local Testnet")
		.with_id("doid_local")
		.with_chain_type(ChainType::Local)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.build())
}

/// `production`: the consortium template (no sudo key; replace the placeholder validator keys).
pub fn production_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("DOID Consortium")
		.with_id("doid")
		.with_chain_type(ChainType::Live)
		.with_properties(properties())
		.with_genesis_config_preset_name(PRODUCTION_RUNTIME_PRESET)
		.build())
}
