//! Runtime integration: the council governs the validator set with a two-thirds majority; a
//! minority cannot; removal below the minimum is refused. Uses the `local_testnet` genesis.

mod common;

use codec::Encode;
use doid_runtime::{
	Council, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, ValidatorSet,
};
use frame_support::{assert_noop, assert_ok, weights::Weight};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Ferdie};
use sp_runtime::DispatchError;

fn motion(call: RuntimeCall, ayes: &[sp_keyring::Sr25519Keyring]) -> Result<(), DispatchError> {
	let length = call.encoded_size() as u32;
	let hash = sp_io::hashing::blake2_256(&call.encode()).into();
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(ayes[0].to_account_id()),
		3,
		Box::new(call),
		length
	));
	for voter in ayes {
		assert_ok!(Council::vote(RuntimeOrigin::signed(voter.to_account_id()), hash, index, true));
	}
	let result = Council::close(
		RuntimeOrigin::signed(Alice.to_account_id()),
		hash,
		index,
		Weight::from_parts(1_000_000_000_000, 1_000_000),
		length,
	);
	result.map_err(|e| e.error)?;
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => {
				Some(result)
			}
			RuntimeEvent::Council(pallet_collective::Event::Disapproved { .. }) => {
				Some(Err(DispatchError::Other("disapproved")))
			}
			_ => None,
		})
		.expect("motion closed")
}

fn remove(who: sp_keyring::Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
		validator: who.to_account_id(),
	})
}

#[test]
fn local_genesis_has_four_validators_and_council() {
	common::ext_from_preset("local_testnet").execute_with(|| {
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 4);
		assert_eq!(pallet_validator_set::MinValidators::<Runtime>::get(), 3);
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get().len(),
			4
		);
		assert_eq!(pallet_session::Validators::<Runtime>::get().len(), 4);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
	});
}

#[test]
fn two_thirds_of_the_council_remove_a_validator_but_not_below_minimum() {
	common::ext_from_preset("local_testnet").execute_with(|| {
		assert_eq!(motion(remove(Dave), &[Alice, Bob, Charlie]), Ok(()));
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 3);
		let refused = motion(remove(Charlie), &[Alice, Bob, Charlie]);
		assert_eq!(refused, Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into()));
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 3);
	});
}

#[test]
fn a_council_minority_or_an_outsider_cannot_change_validators() {
	common::ext_from_preset("local_testnet").execute_with(|| {
		// Two of four ayes stay below the threshold: the motion cannot close as approved.
		let call = remove(Dave);
		let length = call.encoded_size() as u32;
		let hash = sp_io::hashing::blake2_256(&call.encode()).into();
		assert_ok!(Council::propose(
			RuntimeOrigin::signed(Alice.to_account_id()),
			3,
			Box::new(call),
			length
		));
		assert_ok!(Council::vote(RuntimeOrigin::signed(Alice.to_account_id()), hash, 0, true));
		assert_ok!(Council::vote(RuntimeOrigin::signed(Bob.to_account_id()), hash, 0, true));
		assert_noop!(
			Council::close(
				RuntimeOrigin::signed(Alice.to_account_id()),
				hash,
				0,
				Weight::from_parts(1_000_000_000_000, 1_000_000),
				length
			),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::TooEarly
		);
		// A signed account is not governance.
		assert_noop!(
			ValidatorSet::remove_validator(
				RuntimeOrigin::signed(Ferdie.to_account_id()),
				Dave.to_account_id()
			),
			DispatchError::BadOrigin
		);
		// A council threshold below two thirds executes with a proportion the origin rejects
		// (another call: the first motion is still open and would be a duplicate).
		let call = remove(Charlie);
		let length = call.encoded_size() as u32;
		let hash = sp_io::hashing::blake2_256(&call.encode()).into();
		assert_ok!(Council::propose(
			RuntimeOrigin::signed(Alice.to_account_id()),
			2,
			Box::new(call),
			length
		));
		assert_ok!(Council::vote(RuntimeOrigin::signed(Alice.to_account_id()), hash, 1, true));
		assert_ok!(Council::vote(RuntimeOrigin::signed(Bob.to_account_id()), hash, 1, true));
		assert_ok!(Council::close(
			RuntimeOrigin::signed(Alice.to_account_id()),
			hash,
			1,
			Weight::from_parts(1_000_000_000_000, 1_000_000),
			length
		));
		let executed = System::events().into_iter().rev().find_map(|r| match r.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => {
				Some(result)
			}
			_ => None,
		});
		assert_eq!(executed, Some(Err(DispatchError::BadOrigin)));
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 4);
	});
}

#[test]
fn production_preset_has_no_sudo_and_dev_has_one_validator() {
	common::ext_from_preset("production").execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
	common::ext_from_preset("development").execute_with(|| {
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 1);
		assert!(pallet_sudo::Key::<Runtime>::get().is_some());
		// Nothing changes, so no session ends before the hour is out (a rotating block carries
		// no transactions); then one does. The test chain starts at block 1.
		common::advance_blocks(doid_runtime::HOURS - 2);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 0);
		common::advance_blocks(1);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 1);
	});
}

#[test]
fn a_validator_change_ends_the_session_at_the_next_minute() {
	common::ext_from_preset("local_testnet").execute_with(|| {
		common::advance_blocks(3);
		let dave = Dave.to_account_id();
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), dave.clone()));
		common::advance_blocks(doid_runtime::MINUTES - 5);
		assert_eq!(System::block_number(), doid_runtime::MINUTES - 1);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 0);
		// Block 10 hands the change over, block 20 makes it active; then rotation stops.
		common::advance_blocks(1);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 1);
		common::advance_blocks(doid_runtime::MINUTES);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 2);
		assert!(!pallet_session::Validators::<Runtime>::get().contains(&dave));
		common::advance_blocks(doid_runtime::MINUTES * 3);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 2);
	});
}

#[test]
fn presets_create_the_four_exchange_registries_under_the_dev_oid_root() {
	use doid_primitives::RegistriesInspect;
	for preset in ["development", "local_testnet", "production"] {
		common::ext_from_preset(preset).execute_with(|| {
			assert_eq!(doid_runtime::Registries::oid_root().as_str(), "2.999");
			for (id, code) in [(1u32, "GZ"), (2, "BJ"), (3, "ZZ"), (4, "SZ")] {
				assert!(doid_runtime::Registries::is_active(id), "{preset} {code}");
				assert_eq!(doid_runtime::Registries::oid_arc(id), Some(id));
			}
			assert_eq!(doid_runtime::Registries::rules(1).map(|r| r.notice_wd), Some(30));
			assert_eq!(doid_runtime::Registries::rules(2).map(|r| r.notice_wd), Some(10));
		});
	}
}
