//! The council of registry operators changes the validator set; a removal below the minimum
//! fails with the validator-set pallet's `TooFewValidators` error.

use codec::Encode;
use doid_e2e::*;
use doid_runtime::{AccountId, RuntimeCall, RuntimeEvent};
use sp_keyring::Sr25519Keyring;
use std::time::Duration;

const MINUTE: Duration = Duration::from_secs(60);

/// Pass `call` through the council: Alice proposes (threshold 3 of 4), Alice, Bob and Charlie
/// vote aye (proposing is not voting), Alice closes. Returns the `Executed` result of the motion.
fn council_execute(rpc: &Rpc, call: RuntimeCall) -> Result<(), sp_runtime::DispatchError> {
	let length = call.encoded_size() as u32;
	let proposal_hash = sp_io::hashing::blake2_256(&call.encode()).into();
	let propose = RuntimeCall::Council(pallet_collective::Call::propose {
		threshold: 3,
		proposal: Box::new(call),
		length_bound: length,
	});
	let index = rpc
		.submit_and_watch(propose, &Sr25519Keyring::Alice.pair(), MINUTE, |e| match e {
			RuntimeEvent::Council(pallet_collective::Event::Proposed {
				proposal_index,
				proposal_hash: h,
				..
			}) if *h == proposal_hash => Some(*proposal_index),
			_ => None,
		})
		.expect("proposal accepted");
	for voter in [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie] {
		let vote = RuntimeCall::Council(pallet_collective::Call::vote {
			proposal: proposal_hash,
			index,
			approve: true,
		});
		rpc.submit_and_watch(vote, &voter.pair(), MINUTE, |e| match e {
			RuntimeEvent::Council(pallet_collective::Event::Voted { account, .. })
				if *account == voter.to_account_id() =>
			{
				Some(())
			}
			_ => None,
		})
		.expect("vote accepted");
	}
	let close = RuntimeCall::Council(pallet_collective::Call::close {
		proposal_hash,
		index,
		proposal_weight_bound: sp_runtime::Weight::from_parts(1_000_000_000_000, 1_000_000),
		length_bound: length,
	});
	rpc.submit_and_watch(close, &Sr25519Keyring::Alice.pair(), MINUTE, |e| match e {
		RuntimeEvent::Council(pallet_collective::Event::Executed { proposal_hash: h, result })
			if *h == proposal_hash =>
		{
			Some(result.clone())
		}
		_ => None,
	})
	.expect("motion executed")
}

fn validator_set(rpc: &Rpc) -> Vec<AccountId> {
	rpc.storage(&value_key("ValidatorSet", "Validators"), None).unwrap().unwrap_or_default()
}

fn session_validators(rpc: &Rpc) -> Vec<AccountId> {
	rpc.storage(&value_key("Session", "Validators"), None).unwrap().unwrap_or_default()
}

fn add_or_remove(add: bool, who: Sr25519Keyring) -> RuntimeCall {
	let validator = who.to_account_id();
	RuntimeCall::ValidatorSet(if add {
		pallet_validator_set::Call::add_validator { validator }
	} else {
		pallet_validator_set::Call::remove_validator { validator }
	})
}

#[test]
fn council_adds_and_removes_validators_but_not_below_the_minimum() {
	let mut validators = start_local_validators();
	let boot = validators[0].multiaddr();
	let rpc = validators[0].rpc();
	wait_for(2 * MINUTE, "block 2", || (rpc.finalized_number().ok()? >= 2).then_some(()));

	// A fifth exchange brings a node up with account One and registers its session keys.
	let newcomer = Node::start(NodeSpec::validator("local", "one").with_bootnode(&boot));
	let one = Sr25519Keyring::One;
	let generated: serde_json::Value = newcomer
		.rpc()
		.json(
			"author_rotateKeysWithOwner",
			serde_json::json!([to_hex(&one.to_account_id().encode())]),
		)
		.expect("rotate keys");
	let keys_bytes = from_hex(generated["keys"].as_str().expect("keys")).unwrap();
	let proof = from_hex(generated["proof"].as_str().expect("proof")).unwrap();
	let keys = <doid_runtime::SessionKeys as codec::Decode>::decode(&mut &keys_bytes[..]).unwrap();
	let set_keys = RuntimeCall::Session(pallet_session::Call::set_keys { keys, proof });
	newcomer.rpc().submit(set_keys, &one.pair()).expect("set_keys submitted");
	wait_for(MINUTE, "keys of One on chain", || {
		let key = [
			value_key("Session", "NextKeys"),
			sp_io::hashing::twox_64(&one.to_account_id().encode()).to_vec(),
			one.to_account_id().encode(),
		]
		.concat();
		rpc.storage::<doid_runtime::SessionKeys>(&key, None).ok().flatten()
	});

	// A single council member cannot add a validator: the origin needs two thirds.
	let direct =
		rpc.submit_and_watch(add_or_remove(true, one), &Sr25519Keyring::Bob.pair(), MINUTE, |e| {
			match e {
				RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
					dispatch_error,
					..
				}) => Some(*dispatch_error),
				_ => None,
			}
		});
	assert_eq!(direct, Ok(sp_runtime::DispatchError::BadOrigin));

	// The council adds One; it becomes a session validator within two sessions.
	assert_eq!(council_execute(&rpc, add_or_remove(true, one)), Ok(()));
	assert!(validator_set(&rpc).contains(&one.to_account_id()));
	wait_for(3 * MINUTE, "One in the session validators", || {
		session_validators(&rpc).contains(&one.to_account_id()).then_some(())
	});
	println!("session validators now: {}", session_validators(&rpc).len());

	// The council removes One again, and Dave (down to the minimum of three).
	assert_eq!(council_execute(&rpc, add_or_remove(false, one)), Ok(()));
	assert_eq!(council_execute(&rpc, add_or_remove(false, Sr25519Keyring::Dave)), Ok(()));
	assert_eq!(validator_set(&rpc).len(), 3);

	// Removing Charlie would leave two: refused with the pallet's error, set unchanged.
	let refused = council_execute(&rpc, add_or_remove(false, Sr25519Keyring::Charlie));
	let err = refused.expect_err("removal below the minimum must fail");
	match err {
		sp_runtime::DispatchError::Module(module) => {
			let pallet_index =
				<doid_runtime::ValidatorSet as frame_support::traits::PalletInfoAccess>::index();
			assert_eq!(module.index as usize, pallet_index);
			let expected =
				pallet_validator_set::Error::<doid_runtime::Runtime>::TooFewValidators.encode();
			assert_eq!(module.error[0], expected[0]);
		}
		other => panic!("unexpected error {other:?}"),
	}
	assert_eq!(validator_set(&rpc).len(), 3);
	drop(newcomer);
	drop(validators.pop());
}
