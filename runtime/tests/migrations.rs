//! Migration checks (issue 13, item 6), try-runtime style but in the ordinary test suite:
//! every custom pallet declares a storage version and genesis writes it; on a populated state
//! the runtime's upgrade hooks (`Executive::execute_on_runtime_upgrade`: every pallet's
//! `on_runtime_upgrade` and the runtime's migrations) change nothing when the code and the
//! stored versions agree, and the pallets' invariants hold afterwards. The v1 → v2 migration of
//! the certificates pallet itself is tested in that pallet (`migration_to_v2_*`).

mod common;

use doid_runtime::{Executive, Runtime};
use frame_support::traits::{GetStorageVersion, StorageVersion};
use sp_runtime::StateVersion;

/// `(pallet, in-code version, on-chain version)` of every custom pallet.
fn versions() -> Vec<(&'static str, StorageVersion, StorageVersion)> {
	macro_rules! of {
		($name:literal, $pallet:ty) => {
			($name, <$pallet>::in_code_storage_version(), <$pallet>::on_chain_storage_version())
		};
	}
	vec![
		of!("ValidatorSet", pallet_validator_set::Pallet<Runtime>),
		of!("Calendar", pallet_calendar::Pallet<Runtime>),
		of!("Registries", pallet_registries::Pallet<Runtime>),
		of!("Subjects", pallet_subjects::Pallet<Runtime>),
		of!("Certificates", pallet_certificates::Pallet<Runtime>),
		of!("Registration", pallet_registration::Pallet<Runtime>),
		of!("Objections", pallet_objections::Pallet<Runtime>),
		of!("Evidence", pallet_evidence::Pallet<Runtime>),
	]
}

#[test]
fn every_custom_pallet_has_a_storage_version_written_at_genesis() {
	for preset in ["development", "local_testnet", "production"] {
		common::ext_from_preset(preset).execute_with(|| {
			for (pallet, in_code, on_chain) in versions() {
				assert!(in_code >= StorageVersion::new(1), "{pallet} declares no storage version");
				assert_eq!(on_chain, in_code, "{pallet} at genesis of {preset}");
			}
		});
	}
}

#[test]
fn upgrade_hooks_change_nothing_on_a_populated_chain() {
	let mut ext = common::seeded_local();
	ext.execute_with(|| {
		let before = sp_io::storage::root(StateVersion::V1);
		let certificate = pallet_certificates::Certificates::<Runtime>::get(1).expect("seeded");
		let weight = Executive::execute_on_runtime_upgrade();
		assert!(weight.ref_time() > 0, "the upgrade hooks account for their reads");
		assert_eq!(sp_io::storage::root(StateVersion::V1), before, "an upgrade hook wrote");
		assert_eq!(pallet_certificates::Certificates::<Runtime>::get(1), Some(certificate));
		for (pallet, in_code, on_chain) in versions() {
			assert_eq!(on_chain, in_code, "{pallet} after the upgrade hooks");
		}
		pallet_calendar::Pallet::<Runtime>::do_try_state().expect("calendar invariants");
		pallet_certificates::Pallet::<Runtime>::do_try_state().expect("certificate invariants");
		pallet_registries::Pallet::<Runtime>::do_try_state().expect("registry invariants");
		pallet_subjects::Pallet::<Runtime>::do_try_state().expect("subject invariants");
	});
}
