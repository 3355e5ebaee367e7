//! Four validators and one verifier on loopback: blocks are produced and finalized on all five;
//! with one validator killed finality continues; after a restart it rejoins and catches up.

use doid_e2e::*;
use std::time::Duration;

const MINUTE: Duration = Duration::from_secs(60);

fn finalized_all(nodes: &[&Node], at_least: u32) -> Option<Vec<u32>> {
	let numbers: Vec<u32> = nodes.iter().map(|n| n.rpc().finalized_number().unwrap_or(0)).collect();
	numbers.iter().all(|n| *n >= at_least).then_some(numbers)
}

#[test]
fn four_validators_and_a_verifier_finalize_and_survive_a_crash() {
	let mut validators = start_local_validators();
	let boot = validators[0].multiaddr();
	let verifier = Node::start(NodeSpec::verifier("local", "court-verifier").with_bootnode(&boot));

	// Everyone finalizes block 3.
	{
		let all: Vec<&Node> = validators.iter().chain(std::iter::once(&verifier)).collect();
		let numbers =
			wait_for(3 * MINUTE, "all five nodes finalize block 3", || finalized_all(&all, 3));
		println!("finalized on all five nodes: {numbers:?}");
	}
	// The verifier is not an authority: it imports but does not author.
	let verifier_role: serde_json::Value =
		verifier.rpc().json("system_nodeRoles", serde_json::json!([])).unwrap();
	assert_eq!(verifier_role, serde_json::json!(["Full"]));

	// Kill Dave: three of four validators keep more than two thirds, so finality goes on.
	validators[3].kill();
	let before = verifier.rpc().finalized_number().unwrap();
	{
		let alive: Vec<&Node> = validators[..3].iter().chain(std::iter::once(&verifier)).collect();
		let numbers = wait_for(2 * MINUTE, "finality to advance by 3 without Dave", || {
			finalized_all(&alive, before + 3)
		});
		println!("finality without Dave: {numbers:?} (was {before})");
	}

	// Restart Dave on its database: it rejoins and catches up with the others.
	validators[3].restart();
	let target = validators[0].rpc().finalized_number().unwrap();
	let caught_up = wait_for(2 * MINUTE, "Dave to catch up after restart", || {
		let n = validators[3].rpc().finalized_number().ok()?;
		(n >= target).then_some(n)
	});
	println!("Dave caught up to finalized block {caught_up} (target {target})");
	assert!(validators[3].rpc().peers().unwrap() >= 1);
}

/// Partition (issue 13, item 2): with two of four validators down, Aura keeps authoring in the
/// live validators' slots but GRANDPA (more than two thirds needed) stops finalizing; when both
/// return on their databases, finality resumes by itself (no `note_stalled`, no operator action)
/// and catches up with the best block. Prints the time to recover.
#[test]
fn finality_stops_with_half_the_validators_down_and_resumes_by_itself() {
	let mut validators = start_local_validators();
	{
		let all: Vec<&Node> = validators.iter().collect();
		wait_for(3 * MINUTE, "all four finalize block 3", || finalized_all(&all, 3));
	}
	validators[2].kill();
	validators[3].kill();
	let alice = validators[0].rpc();
	// A vote already under way may still complete; after that nothing is finalized.
	std::thread::sleep(Duration::from_secs(12));
	let (stalled, best_before) = (alice.finalized_number().unwrap(), alice.best_number().unwrap());
	std::thread::sleep(Duration::from_secs(36));
	let (finalized_after, best_after) =
		(alice.finalized_number().unwrap(), alice.best_number().unwrap());
	println!(
		"two of four down: best #{best_before} → #{best_after}, finalized #{stalled} → #{finalized_after}"
	);
	assert!(best_after >= best_before + 2, "Alice and Bob keep authoring in their slots");
	assert_eq!(finalized_after, stalled, "no finality without more than two thirds");

	let restarted = std::time::Instant::now();
	validators[2].restart();
	validators[3].restart();
	let target = alice.best_number().unwrap();
	let all: Vec<&Node> = validators.iter().collect();
	let numbers = wait_for(3 * MINUTE, "finality to resume past the stalled blocks", || {
		finalized_all(&all, target)
	});
	println!(
		"finality resumed by itself: all four finalized #{target} (stalled at #{stalled}) {:.1} s after the restart: {numbers:?}",
		restarted.elapsed().as_secs_f64()
	);
}
