//! Load benchmark of full registration flows (issue 11) on the four-validator local chain
//! (loopback): submit → accept → formal review → substantive review (which opens the notice).
//!
//! `FLOW_SUPPLIERS` verified data suppliers submit `FLOW_APPLICATIONS` data-resource
//! applications (distinct content digests) at the Beijing exchange; its operator (Bob) then
//! accepts them all and passes their formal review, and a verified service agency (Ferdie) passes
//! their substantive review, which puts them on public notice. Each step is one burst of
//! transactions signed with consecutive nonces (each signer submits to one node, keeping at
//! most `FLOW_INFLIGHT` outside the best chain; a refused submission is retried after 100 ms;
//! transactions the pool accepted and then lost without an error — the best chain stands still
//! for 30 s below them — are signed again and counted); the step ends when the event of that step is in a
//! finalized block for every application. The report gives, per step, the transactions, the
//! time from its first submission until the last event was finalized and the finalized rate,
//! then the whole flow (applications from submission to notice per second) and the block times
//! of the validators. Every transaction is accounted for: a step that does not produce one event
//! per application within `FLOW_STEP_TIMEOUT_SECS`, or a transaction that fails, stops the run
//! with the count.
//!
//! Run (after `cargo build --release --locked --workspace --examples`):
//! `$CARGO_TARGET_DIR/release/examples/flow_load`
//!
//! Environment (all optional): `FLOW_APPLICATIONS` (default 2 000), `FLOW_SUPPLIERS`
//! (default 8), `FLOW_INFLIGHT` (per signer, transactions submitted but not yet in the best
//! chain; default 1 000), `FLOW_STEP_TIMEOUT_SECS` (default 600), `LOAD_NODE_ARGS` (extra node
//! arguments).

use codec::Encode;
use doid_e2e::{
	flows::{application, registration, verified_subjects, BJ, MINUTE},
	load::{env_or, funded_senders, nonce_at, report_block_times, start_local_chain},
	*,
};
use doid_primitives::{Digest, DigestAlgorithm, ElementKind, SubjectRole, Uscc};
use doid_runtime::{signing, AccountId, RuntimeCall, RuntimeEvent};
use pallet_registration::{Call, Event};
use serde_json::json;
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::{Bob, Ferdie};
use std::{
	collections::BTreeSet,
	time::{Duration, Instant},
};

/// One step's transactions of one signer, with the node it goes to.
struct Batch<'a> {
	signer: &'a sr25519::Pair,
	calls: Vec<RuntimeCall>,
	port: u16,
}

/// What a step measured.
struct StepReport {
	name: String,
	transactions: usize,
	/// Accepted by the pool, then lost without an error: signed again.
	resigned: usize,
	seconds: f64,
}

/// Submit every batch, one thread per batch (see [`submit_in_order`]); returns the number of
/// transactions and how many of them the pool lost and were signed again.
fn submit_batches(rpc: &Rpc, batches: Vec<Batch>, inflight: u32) -> (usize, usize) {
	let genesis = rpc.block_hash(0).expect("genesis");
	let best = rpc.best_number().expect("best");
	let context = signing::ChainContext::new(genesis, rpc.block_hash(best).expect("hash"), best);
	std::thread::scope(|scope| {
		let handles: Vec<_> = batches
			.iter()
			.map(|batch| scope.spawn(|| submit_in_order(batch, &context, inflight)))
			.collect();
		handles
			.into_iter()
			.map(|h| h.join().expect("submitter"))
			.fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
	})
}

/// Sign and submit `batch` in order, with consecutive nonces from the signer's next index,
/// keeping at most `inflight` of them outside the best chain, until all are in the best chain.
/// A refused submission is retried after 100 ms (at most 600 times). If the best chain does not
/// advance for [`STALL`] while submitted transactions are missing from it, the pool has lost
/// them: they are signed again (a new signature, so a new hash) and counted.
fn submit_in_order(
	batch: &Batch,
	context: &signing::ChainContext,
	inflight: u32,
) -> (usize, usize) {
	let rpc = Rpc::new(batch.port);
	let account = AccountId::from(batch.signer.public());
	let first: u32 =
		rpc.call("system_accountNextIndex", json!([account.to_string()])).expect("nonce");
	let end = first + batch.calls.len() as u32;
	let (mut next, mut resigned) = (first, 0usize);
	let (mut included, mut since, mut stalls) = (first, Instant::now(), 0);
	loop {
		let best = rpc.block_hash(rpc.best_number().expect("best")).expect("best hash");
		let now_included = nonce_at(&rpc, &account, best);
		if now_included >= end {
			return (batch.calls.len(), resigned);
		}
		if now_included != included {
			(included, since) = (now_included, Instant::now());
		} else if next > included && since.elapsed() > STALL {
			stalls += 1;
			assert!(stalls <= MAX_STALLS, "the best chain stood still {MAX_STALLS} times");
			resigned += (next - included) as usize;
			(next, since) = (included, Instant::now());
		}
		while next < end && next < included + inflight {
			let call = batch.calls[(next - first) as usize].clone();
			let xt = to_hex(&signing::sign(call, batch.signer, next, context).encode());
			submit_one(&rpc, &xt);
			next += 1;
		}
		std::thread::sleep(Duration::from_millis(200));
	}
}

/// How long the best chain may stand still while transactions are missing from it.
const STALL: Duration = Duration::from_secs(30);
/// How many such stalls a batch may meet before the run stops.
const MAX_STALLS: u32 = 20;

/// Submit `xt`, retrying a refusal after 100 ms (at most 600 times). "Already imported", "priority
/// too low" (the same nonce is in the pool) and "outdated" (already in the chain) end it; any
/// other invalid transaction stops the run.
fn submit_one(rpc: &Rpc, xt: &str) {
	for _ in 0..600 {
		match rpc.call::<String>("author_submitExtrinsic", json!([xt])) {
			Ok(_) => return,
			Err(e) if e.contains("1013") || e.contains("1014") || e.contains("outdated") => return,
			Err(e) if e.contains("1010") => panic!("an invalid transaction: {e}"),
			Err(_) => std::thread::sleep(Duration::from_millis(100)),
		}
	}
	panic!("a transaction was refused 600 times");
}

/// Scan finalized blocks from `from` until `expected` events match `step` (each event gives an
/// application id); a failed extrinsic stops the run. Returns the ids in order and the next block.
fn finalized_events(
	rpc: &Rpc,
	from: u32,
	expected: usize,
	timeout: Duration,
	what: &str,
	step: impl Fn(&RuntimeEvent) -> Option<u64>,
) -> (Vec<u64>, u32) {
	let deadline = Instant::now() + timeout;
	let (mut found, mut next) = (Vec::new(), from);
	while found.len() < expected {
		assert!(
			Instant::now() < deadline,
			"{what}: {} of {expected} events finalized within {timeout:?}",
			found.len()
		);
		let finalized = rpc.finalized_number().expect("finalized head");
		while next <= finalized {
			let hash = rpc.block_hash(next).expect("block hash");
			for event in rpc.events(hash).expect("events") {
				if let RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
					dispatch_error,
					..
				}) = &event
				{
					panic!("{what}: a transaction failed in block #{next}: {dispatch_error:?}");
				}
				found.extend(step(&event));
			}
			next += 1;
		}
		std::thread::sleep(Duration::from_millis(200));
	}
	(found, next)
}

fn main() {
	let applications: usize = env_or("FLOW_APPLICATIONS", 2_000usize).max(1);
	let supplier_count: usize = env_or("FLOW_SUPPLIERS", 8usize).max(1);
	let timeout = Duration::from_secs(env_or("FLOW_STEP_TIMEOUT_SECS", 600));
	let inflight: u32 = env_or("FLOW_INFLIGHT", 1_000u32).max(1);
	let node_args: Vec<String> = std::env::var("LOAD_NODE_ARGS")
		.unwrap_or_default()
		.split_whitespace()
		.map(String::from)
		.collect();
	println!(
		"flow_load: {applications} applications from {supplier_count} suppliers, node args {node_args:?}"
	);
	let started = Instant::now();
	let (nodes, metrics) = start_local_chain(&node_args);
	let rpc = nodes[0].rpc();
	rpc.wait_ready(MINUTE).expect("RPC up");
	wait_for(2 * MINUTE, "block 2", || (rpc.best_number().ok()? >= 2).then_some(()));

	let suppliers = funded_senders(&rpc, supplier_count);
	let (operator, agency_account) = (Bob.pair(), Ferdie.pair());
	let usccs: Vec<String> =
		(0..=suppliers.len()).map(|i| Uscc::synthetic(9_500 + i as u32).as_str().into()).collect();
	let supplier_role: &[SubjectRole] = &[SubjectRole::DataSupplier];
	let agency_role: &[SubjectRole] = &[SubjectRole::ServiceAgency];
	let mut subjects: Vec<(&sr25519::Pair, &str, &[SubjectRole])> =
		suppliers.iter().zip(&usccs).map(|(p, u)| (p, u.as_str(), supplier_role)).collect();
	subjects.push((&agency_account, usccs[suppliers.len()].as_str(), agency_role));
	let ids = verified_subjects(&rpc, &subjects);
	let agency = *ids.last().expect("the agency's subject");
	println!("{} subjects verified after {:.0} s", ids.len(), started.elapsed().as_secs_f64());

	let port = |i: usize| nodes[i % nodes.len()].rpc_port;
	let mut reports = Vec::new();
	let mut from = rpc.best_number().expect("best") + 1;

	// 1. Submissions, spread over the suppliers and the nodes.
	let step_start = Instant::now();
	let batches = suppliers
		.iter()
		.enumerate()
		.map(|(s, signer)| {
			let calls = (s..applications)
				.step_by(suppliers.len())
				.map(|n| {
					let mut app =
						application(ElementKind::DataResource, "流程负载数据资源", 9, &[]);
					app.content_digest = Digest::new(
						DigestAlgorithm::Blake3,
						*blake3::hash(format!("flow-load {n}").as_bytes()).as_bytes(),
					);
					registration(Call::submit { registry: BJ, application: app })
				})
				.collect();
			Batch { signer, calls, port: port(s) }
		})
		.collect();
	let (submitted, resigned) = submit_batches(&rpc, batches, inflight);
	let (app_ids, next) =
		finalized_events(&rpc, from, applications, timeout, "submit", |e| match e {
			RuntimeEvent::Registration(Event::Submitted { application, .. }) => Some(*application),
			_ => None,
		});
	reports.push(StepReport {
		name: format!("submit ({} suppliers)", suppliers.len()),
		transactions: submitted,
		resigned,
		seconds: step_start.elapsed().as_secs_f64(),
	});
	from = next;
	assert_eq!(app_ids.iter().collect::<BTreeSet<_>>().len(), applications, "distinct ids");
	assert_eq!(submitted, applications, "every application submitted");

	// 2.-4. The registry's and the agency's steps, each a burst from one account: the call for
	// an application and the event that says it was done.
	type Make = fn(u64, u64) -> Call<doid_runtime::Runtime>;
	type Done = fn(&Event<doid_runtime::Runtime>) -> Option<u64>;
	let steps: [(&str, &sr25519::Pair, Make, Done); 3] = [
		(
			"accept (operator)",
			&operator,
			|id, _| Call::accept { id },
			|e| match e {
				Event::Accepted { application, .. } => Some(*application),
				_ => None,
			},
		),
		(
			"pass_formal (operator)",
			&operator,
			|id, agency| Call::pass_formal { id, reviewer: agency },
			|e| match e {
				Event::FormalReviewPassed { application, .. } => Some(*application),
				_ => None,
			},
		),
		(
			"submit_review (agency)",
			&agency_account,
			|id, _| Call::submit_review {
				id,
				passed: true,
				report_digest: Digest::new(DigestAlgorithm::Sm3, [7; 32]),
			},
			|e| match e {
				Event::ReviewPassed { application, .. } => Some(*application),
				_ => None,
			},
		),
	];
	let wanted: BTreeSet<u64> = app_ids.iter().copied().collect();
	for (i, (name, signer, make, done)) in steps.into_iter().enumerate() {
		let step_start = Instant::now();
		let calls = app_ids.iter().map(|id| registration(make(*id, agency))).collect();
		let (sent, resigned) =
			submit_batches(&rpc, vec![Batch { signer, calls, port: port(i + 1) }], inflight);
		let (ids_done, next) =
			finalized_events(&rpc, from, applications, timeout, name, |e| match e {
				RuntimeEvent::Registration(event) => done(event).filter(|id| wanted.contains(id)),
				_ => None,
			});
		assert_eq!(
			ids_done.into_iter().collect::<BTreeSet<_>>(),
			wanted,
			"{name}: one event for each application"
		);
		reports.push(StepReport {
			name: name.to_string(),
			transactions: sent,
			resigned,
			seconds: step_start.elapsed().as_secs_f64(),
		});
		from = next;
	}

	println!();
	println!("== Registration flows, 4 validators: {applications} applications ==");
	println!(
		"step                       transactions   seconds   finalized/s   lost by the pool, signed again"
	);
	for r in &reports {
		println!(
			"{:26} {:>12} {:>9.1} {:>13.1} {:>8}",
			r.name,
			r.transactions,
			r.seconds,
			r.transactions as f64 / r.seconds,
			r.resigned
		);
	}
	let total: f64 = reports.iter().map(|r| r.seconds).sum();
	let transactions: usize = reports.iter().map(|r| r.transactions).sum();
	println!(
		"whole flow: {applications} applications from submission to public notice in {total:.1} s = {:.1} applications/s ({:.1} transactions/s finalized)",
		applications as f64 / total,
		transactions as f64 / total
	);
	report_block_times(&nodes, &metrics);
	println!("total run time {:.0} s", started.elapsed().as_secs_f64());
	drop(nodes);
}
