//! Shared helpers of the runtime integration tests: externalities built from a genesis preset.

#![allow(dead_code)]

use doid_runtime::{genesis_config_presets, BuildStorage, RuntimeGenesisConfig};
use frame_support::traits::OnInitialize;

/// Test externalities with the genesis of the named preset (`development`, `local_testnet`,
/// `production`).
pub fn ext_from_preset(preset: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&preset.into()).expect("known preset");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("default genesis");
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("preset JSON");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("genesis config");
	let storage = config.build_storage().expect("genesis storage");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| doid_runtime::System::set_block_number(1));
	ext
}

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// Run `on_initialize` of every pallet for the next `blocks` blocks.
pub fn advance_blocks(blocks: u32) {
	for _ in 0..blocks {
		let next = doid_runtime::System::block_number() + 1;
		doid_runtime::System::set_block_number(next);
		doid_runtime::AllPalletsWithSystem::on_initialize(next);
	}
}
