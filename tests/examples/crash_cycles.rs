//! Crash safety (issue 13, item 1): a validator is killed with SIGKILL under load and restarted
//! on its database, `CRASH_CYCLES` times (default 30), on the four-validator `local` chain on
//! loopback.
//!
//! Load: anchors of fresh BLAKE3 digests, one every `CRASH_PAUSE_MS` (default 40) ms, signed in
//! turn by four verified subjects and submitted to Alice (never crashed). The victim is Dave.
//! Each cycle: wait a random 2–8 s, note Dave's finalized block (number and hash), `kill -9`,
//! wait 0.5–3 s, restart (the harness waits until its RPC answers: the database opened), check
//! that the noted finalized block is still finalized with the same hash on Dave, and time how
//! long Dave takes to finalize the block Alice had finalized at the restart (catch-up).
//! At the end, with the load stopped and every node at the same finalized block F: Dave's and
//! Alice's state roots at F, the anchor counters (`Evidence::NextAnchorId`) at F and the block
//! hashes at every 10th height up to F must be equal; every anchor counter noted before a crash
//! must be ≤ the final one.
//!
//! Run (after `cargo build --release --locked --workspace --examples`, or scripts/test.sh):
//! `$CARGO_TARGET_DIR/release/examples/crash_cycles`
//! Prints one line per cycle and a JSON summary; exits non-zero on any loss or mismatch.

use doid_e2e::{flows::*, load::*, *};
use doid_primitives::{SubjectRole, Uscc};
use serde_json::json;
use sp_core::{sr25519, H256};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A small deterministic pseudo-random sequence (xorshift), seeded from the clock.
struct Jitter(u64);

impl Jitter {
	fn new() -> Self {
		let seed = SystemTime::now().duration_since(UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64);
		Jitter(seed | 1)
	}

	/// A duration uniformly in `[min_ms, max_ms)`.
	fn between(&mut self, min_ms: u64, max_ms: u64) -> Duration {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		Duration::from_millis(min_ms + self.0 % (max_ms - min_ms))
	}
}

fn state_root(rpc: &Rpc, hash: H256) -> String {
	let header: serde_json::Value = rpc.call("chain_getHeader", json!([hash])).expect("header");
	header["stateRoot"].as_str().expect("state root").to_string()
}

/// `Evidence::NextAnchorId` at `hash`: one more than the anchors ever written.
fn anchor_counter(rpc: &Rpc, hash: H256) -> u64 {
	rpc.storage::<u64>(&value_key("Evidence", "NextAnchorId"), Some(hash))
		.expect("storage")
		.unwrap_or(1)
}

fn main() {
	let cycles: u32 = env_or("CRASH_CYCLES", 30);
	let pause = Duration::from_millis(env_or("CRASH_PAUSE_MS", 40));
	let started = Instant::now();
	let mut nodes = start_local_validators();
	let alice = nodes[0].rpc();
	wait_for(2 * MINUTE, "block 2", || (alice.best_number().ok()? >= 2).then_some(()));
	let senders = funded_senders(&alice, 4);
	let usccs: Vec<String> =
		(0..senders.len()).map(|i| Uscc::synthetic(9_300 + i as u32).as_str().into()).collect();
	let roles: &[SubjectRole] = &[SubjectRole::DataSupplier];
	let subjects: Vec<(&sr25519::Pair, &str, &[SubjectRole])> =
		senders.iter().zip(&usccs).map(|(p, u)| (p, u.as_str(), roles)).collect();
	verified_subjects(&alice, &subjects);
	println!(
		"crash_cycles: {cycles} cycles, load every {pause:?}, set-up {:.0} s",
		started.elapsed().as_secs_f64()
	);

	let mut load = SteadyAnchors::start(nodes[0].rpc_port, senders, pause);
	let mut jitter = Jitter::new();
	let (mut catch_up, mut noted_counters, mut lost) = (Vec::new(), Vec::new(), 0u32);
	for cycle in 1..=cycles {
		std::thread::sleep(jitter.between(2_000, 8_000));
		let dave = nodes[3].rpc();
		let (number, hash) = finalized_head(&dave);
		noted_counters.push(anchor_counter(&alice, hash));
		nodes[3].kill();
		std::thread::sleep(jitter.between(500, 3_000));
		let restart = Instant::now();
		nodes[3].restart();
		let opened = restart.elapsed();
		let dave = nodes[3].rpc();
		let kept = dave.block_hash(number).ok() == Some(hash) && finalized_head(&dave).0 >= number;
		if !kept {
			lost += 1;
		}
		let target = finalized_head(&alice).0;
		let caught = Instant::now();
		wait_for(3 * MINUTE, "Dave to catch up", || {
			(finalized_head(&dave).0 >= target).then_some(())
		});
		catch_up.push(caught.elapsed().as_secs_f64() + opened.as_secs_f64());
		println!(
			"cycle {cycle:>2}: killed at finalized #{number}, database opened in {:.1} s, finalized #{number} kept: {kept}, caught up to #{target} in {:.1} s",
			opened.as_secs_f64(),
			catch_up.last().copied().unwrap_or_default()
		);
	}
	load.stop();

	// Everyone at the same finalized block, then compare Dave with Alice.
	let dave = nodes[3].rpc();
	let target = finalized_head(&alice).0 + 2;
	wait_for(3 * MINUTE, "both to finalize the final block", || {
		(finalized_head(&alice).0 >= target && finalized_head(&dave).0 >= target).then_some(())
	});
	let hash = alice.block_hash(target).expect("hash");
	let same_hash = dave.block_hash(target).ok() == Some(hash);
	let same_root = state_root(&alice, hash) == state_root(&dave, hash);
	let (alice_count, dave_count) = (anchor_counter(&alice, hash), anchor_counter(&dave, hash));
	let mut height_mismatches = 0;
	for n in (1..=target).step_by(10) {
		if alice.block_hash(n).ok() != dave.block_hash(n).ok() {
			height_mismatches += 1;
		}
	}
	let counters_monotonic = noted_counters.iter().all(|c| *c <= alice_count);
	let mut sorted = catch_up.clone();
	sorted.sort_by(|a, b| a.total_cmp(b));
	let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
	let max = sorted.last().copied().unwrap_or_default();
	let ok = lost == 0
		&& same_hash
		&& same_root
		&& alice_count == dave_count
		&& height_mismatches == 0
		&& counters_monotonic;
	let summary = json!({
		"ok": ok,
		"cycles": cycles,
		"restartsOpened": cycles,
		"finalizedBlocksLost": lost,
		"catchUpSeconds": { "median": (median * 10.0).round() / 10.0, "max": (max * 10.0).round() / 10.0 },
		"comparedAt": target,
		"sameStateRoot": same_root,
		"anchorsAlice": alice_count.saturating_sub(1),
		"anchorsDave": dave_count.saturating_sub(1),
		"heightsCompared": (target + 9) / 10,
		"heightMismatches": height_mismatches,
		"anchorSubmissions": { "accepted": load.accepted.load(std::sync::atomic::Ordering::SeqCst), "refused": load.refused.load(std::sync::atomic::Ordering::SeqCst) },
		"seconds": started.elapsed().as_secs(),
	});
	println!("{summary}");
	assert!(ok, "crash safety violated: {summary}\n{}", nodes[3].log_tail());
}
