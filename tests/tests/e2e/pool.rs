//! Admission control of the transaction pool (issue 13, item 3): a dev node started with
//! `--pool-limit 20 --pool-admission-percent 50` admits external transactions while fewer than
//! 10 are ready, then refuses new ones with the pool's retriable "Immediately Dropped" error
//! (1016) instead of accepting them and dropping something later. Every accepted transaction is
//! then included, and once blocks have emptied the pool new transactions are admitted again.
//! The startup log names the pool type and its limits.

use doid_e2e::{flows::MINUTE, *};
use doid_runtime::{AccountId, RuntimeCall};
use serde_json::json;
use sp_keyring::Sr25519Keyring::Alice;

fn remark(i: u32) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: i.to_le_bytes().to_vec() })
}

#[test]
fn a_nearly_full_pool_refuses_with_an_error_and_keeps_what_it_accepted() {
	let spec = NodeSpec {
		extra_args: ["--pool-limit", "20", "--pool-admission-percent", "50"]
			.map(String::from)
			.to_vec(),
		..NodeSpec::validator("dev", "alice")
	};
	let node = Node::start(spec);
	let rpc = node.rpc();
	wait_for(MINUTE, "block 1", || (rpc.best_number().ok()? >= 1).then_some(()));
	// The node says which pool it built, with the command line's limits (sc-cli's default type).
	assert!(
		node.log().contains("Transaction pool: fork-aware, 20 ready / 20 future"),
		"{}",
		node.log_tail()
	);
	let alice = Alice.pair();
	let account = AccountId::from(Alice.public()).to_string();
	let first: u32 = rpc.call("system_accountNextIndex", json!([account])).expect("nonce");

	// Submit until the first refusal (bounded: 40 transactions).
	let mut accepted = 0u32;
	let mut refusal = None;
	for i in 0..40 {
		match rpc.submit(remark(i), &alice) {
			Ok(_) => accepted += 1,
			Err(e) => {
				refusal = Some(e);
				break;
			}
		}
	}
	let refusal = refusal.expect("the pool refuses once half of --pool-limit is ready");
	assert!(refusal.contains("1016") && refusal.contains("Immediately Dropped"), "{refusal}");
	// A block may have taken some while we submitted, so at least the threshold was admitted;
	// the pool's own limit (20) was not reached: the refusal is the admission control's.
	assert!((10..20).contains(&accepted), "{accepted} admitted before the refusal");

	// Nothing accepted is lost: Alice's nonce reaches `first + accepted` in the finalized state.
	wait_for(2 * MINUTE, "every admitted transaction finalized", || {
		let hash: String = rpc.call("chain_getFinalizedHead", json!([])).ok()?;
		let at = sp_core::H256::from_slice(&from_hex(&hash).ok()?);
		let nonce = doid_e2e::load::nonce_at(&rpc, &AccountId::from(Alice.public()), at);
		(nonce == first + accepted).then_some(())
	});
	// The pool is empty again and admits new transactions.
	rpc.submit(remark(1_000), &alice).expect("admitted again once the pool has room");
}
