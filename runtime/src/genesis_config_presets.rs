//! Genesis presets: `development` (one validator, sudo), `local_testnet` (four exchanges'
//! validators, sudo for tests) and `production` (the consortium template: no sudo key).
//!
//! The four local validators stand for the Guiyang (GZ, Alice), Beijing (BJ, Bob), Zhengzhou
//! (ZZ, Charlie) and Shenzhen (SZ, Dave) exchanges; Eve is the court account and Ferdie the
//! notary account. The production preset uses the same well-known keys as placeholders: a real
//! consortium replaces them with its validators' keys before generating its raw spec.

use crate::{AccountId, BalancesConfig, RuntimeGenesisConfig, SessionKeys, SudoConfig, UNIT};
use alloc::{vec, vec::Vec};
use doid_primitives::{Date, DayKind, MILLIS_PER_DAY};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Preset of the consortium's production chain (no sudo key).
pub const PRODUCTION_RUNTIME_PRESET: &str = "production";

/// The official public-holiday and adjusted-working-day schedule of 2025–2026 (State Council
/// notices), a copy of `shared/calendar/cn-2025-2026.json`.
const OFFICIAL_CALENDAR: &str = include_str!("../../chain-specs/calendar/cn-2025-2026.json");

/// Day length of development and local chains: 30 s, so that an end-to-end test crosses a
/// ten-working-day notice period in minutes.
pub const DEV_DAY_LENGTH_MS: u64 = 30_000;

/// The overrides of [`OFFICIAL_CALENDAR`]: every day of each holiday range, and every adjusted
/// working day.
pub fn official_days() -> Vec<(Date, DayKind)> {
	let parse = |text: &serde_json::Value| {
		Date::parse_iso(text.as_str().expect("date string").as_bytes()).expect("valid date")
	};
	let calendar: serde_json::Value =
		serde_json::from_str(OFFICIAL_CALENDAR).expect("calendar JSON parses");
	let mut days = Vec::new();
	for ranges in calendar["holidays"].as_object().expect("holidays by year").values() {
		for range in ranges.as_array().expect("holiday ranges") {
			let (first, last) = (parse(&range[0]), parse(&range[1]));
			let mut day = first;
			while day <= last {
				days.push((day, DayKind::Holiday));
				day = day.add_days(1).expect("in range");
			}
		}
	}
	for dates in calendar["adjusted_working_days"].as_object().expect("by year").values() {
		for date in dates.as_array().expect("dates") {
			days.push((parse(date), DayKind::Working));
		}
	}
	days
}

/// Balance of each endowed account.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// A validator of a preset: its account and session keys.
fn validator(keyring: Sr25519Keyring) -> (AccountId, AccountId, SessionKeys) {
	let ed = match keyring {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => Ed25519Keyring::Eve,
		Sr25519Keyring::Ferdie => Ed25519Keyring::Ferdie,
		Sr25519Keyring::One => Ed25519Keyring::One,
		Sr25519Keyring::Two => Ed25519Keyring::Two,
		_ => Ed25519Keyring::Alice,
	};
	let account = keyring.to_account_id();
	let keys = SessionKeys { aura: keyring.public().into(), grandpa: ed.public().into() };
	(account.clone(), account, keys)
}

fn genesis(
	validators: Vec<Sr25519Keyring>,
	min_validators: u32,
	council: Vec<Sr25519Keyring>,
	sudo: Option<AccountId>,
	day_length_ms: u64,
) -> Value {
	let session_keys: Vec<_> = validators.iter().map(|v| validator(*v)).collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: Sr25519Keyring::iter()
				.map(|k| (k.to_account_id(), ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: sudo },
		council_membership: pallet_membership::GenesisConfig {
			members: council
				.iter()
				.map(|k| k.to_account_id())
				.collect::<Vec<_>>()
				.try_into()
				.expect("council fits MaxMembers"),
		},
		validator_set: pallet_validator_set::GenesisConfig {
			validators: session_keys.iter().map(|(a, _, _)| a.clone()).collect::<Vec<_>>(),
			min_validators,
		},
		session: pallet_session::GenesisConfig { keys: session_keys },
		calendar: pallet_calendar::GenesisConfig { day_length_ms, days: official_days() },
		registries: pallet_registries::GenesisConfig {
			oid_root: alloc::string::String::from(DEV_OID_ROOT_STR),
			registries: exchange_registries(&validators),
		},
	})
}

/// The OID root of development and template chains: `2.999`, the arc X.660 reserves for
/// examples. A production consortium puts its registered arc here.
const DEV_OID_ROOT_STR: &str = "2.999";

/// The exchanges of the presets, numbered (and given OID arcs) in this order: Guiyang (GZ,
/// 30-working-day notice), Beijing (BJ, 10), Zhengzhou (ZZ), Shenzhen (SZ). Each registry's
/// administrator is the validator of the same position, or Alice when there are fewer.
fn exchange_registries(
	validators: &[Sr25519Keyring],
) -> Vec<pallet_registries::GenesisRegistry<AccountId>> {
	let exchanges: [(&str, &str, &str, u16); 4] = [
		("GZ", "贵阳大数据交易所", "GZDEX", 30),
		("BJ", "北京国际大数据交易所", "BJSZD", 10),
		("ZZ", "郑州数据交易中心", "ZZDEX", 10),
		("SZ", "深圳数据交易所", "SZDEX", 10),
	];
	exchanges
		.iter()
		.enumerate()
		.map(|(i, (code, name, prefix, notice_wd))| {
			let admin = validators.get(i).copied().unwrap_or(Sr25519Keyring::Alice).to_account_id();
			pallet_registries::GenesisRegistry {
				code: (*code).into(),
				name: (*name).into(),
				number_prefix: (*prefix).into(),
				rules: doid_primitives::RegistryRules {
					notice_wd: *notice_wd,
					objection_bond: 100 * UNIT,
					..Default::default()
				},
				admin,
				operators: Vec::new(),
			}
		})
		.collect()
}

fn exchanges() -> Vec<Sr25519Keyring> {
	vec![Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
}

/// Development: Alice validates alone and holds sudo.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![Sr25519Keyring::Alice],
		1,
		vec![Sr25519Keyring::Alice],
		Some(Sr25519Keyring::Alice.to_account_id()),
		DEV_DAY_LENGTH_MS,
	)
}

/// Local testnet: the four exchanges validate (minimum three) and form the council.
pub fn local_config_genesis() -> Value {
	genesis(
		exchanges(),
		3,
		exchanges(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		DEV_DAY_LENGTH_MS,
	)
}

/// Production template: as the local testnet, without any sudo key.
pub fn production_config_genesis() -> Value {
	genesis(exchanges(), 3, exchanges(), None, MILLIS_PER_DAY)
}

/// Preset of the demonstration chain (`scripts/run-dev.sh --demo`).
pub const DEMO_RUNTIME_PRESET: &str = "demo";

/// Day length of the demonstration chain: one calendar day per 6 s block, so that a
/// ten-working-day public notice ends about a minute and a half after it starts.
pub const DEMO_DAY_LENGTH_MS: u64 = 6_000;

/// The development chain with [`DEMO_DAY_LENGTH_MS`] days, for a seeded demonstration
/// (`tests/examples/demo.rs`) where certificates are issued within minutes.
pub fn demo_config_genesis() -> Value {
	genesis(
		vec![Sr25519Keyring::Alice],
		1,
		vec![Sr25519Keyring::Alice],
		Some(Sr25519Keyring::Alice.to_account_id()),
		DEMO_DAY_LENGTH_MS,
	)
}

/// Preset of the FRAME benchmarks (`scripts/benchmark.sh`); not listed by [`preset_names`].
pub const BENCHMARK_RUNTIME_PRESET: &str = "benchmark";

/// The development chain whose calendar starts on Monday 2026-02-09: benchmarks run before any
/// block has a time, and "today" must be a real date (certificates are numbered by year).
pub fn benchmark_config_genesis() -> Value {
	let mut patch = development_config_genesis();
	if let Some(calendar) = patch.get_mut("calendar").and_then(Value::as_object_mut) {
		calendar.insert("startDate".into(), Value::from("2026-02-09"));
	}
	patch
}

/// The JSON of the preset `id`.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		PRODUCTION_RUNTIME_PRESET => production_config_genesis(),
		DEMO_RUNTIME_PRESET => demo_config_genesis(),
		BENCHMARK_RUNTIME_PRESET => benchmark_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_RUNTIME_PRESET),
		PresetId::from(DEMO_RUNTIME_PRESET),
	]
}
