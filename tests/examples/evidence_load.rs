//! Load benchmark of evidence anchoring on the four-validator local chain (loopback).
//!
//! 1. Starts Alice, Bob, Charlie and Dave (`local`), registers and verifies one subject per
//!    sender account at the Beijing exchange (the pre-funded keyring accounts AliceStash ..
//!    FerdieStash, One, Two; more senders are `//load{i}` accounts funded by Alice first).
//! 2. Merkle batch: hashes `LOAD_BATCH_LEAVES` random 32-byte leaves into a
//!    `doid_merkle::MerkleTree` (blake3), anchors the root with `anchor_batch` and waits until
//!    the block holding it is finalized; prints digests/s = leaves / (build + anchoring until
//!    finalized). With `LOAD_BATCHES` > 1, each next tree is built while the previous root is
//!    on its way into a block (all leaves counted, clock stopped at the last root's finality).
//! 3. Single anchors: pre-signs `anchor` extrinsics with explicit consecutive nonces (distinct
//!    blake3 digests), then one thread per sender submits them to one of the four nodes (sender
//!    i to node i mod 4) as fast as the pools accept them, for `LOAD_SECS` seconds, keeping at
//!    most `LOAD_INFLIGHT` submitted-but-not-yet-in-a-best-block transactions outstanding.
//!    Afterwards it waits for the backlog to be finalized and measures from the finalized chain:
//!    `Evidence.Anchored` events per block, block timestamps, block weight and length; every
//!    signed transaction is accounted for (included, accepted but not included, rejected with
//!    the pool's error, never submitted).
//!
//! Run (after `cargo build --release --locked --workspace --examples`):
//! `$CARGO_TARGET_DIR/release/examples/evidence_load`
//!
//! Environment (all optional): `LOAD_SECS` (submission window, default 90), `LOAD_SENDERS`
//! (default 8), `LOAD_INFLIGHT` (default 4096), `LOAD_RATE` (offered transactions per second
//! over all senders, each sender evenly paced; default 0: unpaced), `LOAD_MAX_TXS` (pre-signed transactions,
//! default 400 × LOAD_SECS), `LOAD_BATCH_LEAVES` (default 1 000 000; 0 skips the batch),
//! `LOAD_BATCHES` (default 1),
//! `LOAD_NODE_ARGS` (extra node arguments, e.g. `--pool-limit 20000 --pool-kbytes 40000`),
//! `LOAD_LOG_DIR` (copy the four node logs there at the end), `LOAD_KEEP_DB` (copy the first
//! validator's base path there at the end), `LOAD_CALL=remark` (flood with
//! `System.remark_with_event` instead of anchors: the reference ceiling of a stock call) or
//! `LOAD_CALL=register` (`Registration.submit` of data resources; the figures then count those),
//! `LOAD_CALL=mixed` (one registration submission in five, the others anchors; the figures count
//! both), `DOID_NODE_BIN` (node binary; default `doid-node` in the directory above this example).

use codec::Encode;
use doid_e2e::{
	flows::{application, registration, verified_subjects, BJ},
	load::{env_or, finalized_head, node_proc_dir, nonce_at, rss_kib},
	*,
};
use doid_merkle::{Algorithm, MerkleTree};
use doid_primitives::{Digest, DigestAlgorithm, ElementKind, SubjectRole, Uscc};
use doid_runtime::{signing, AccountId, RuntimeCall, RuntimeEvent};
use frame_support::{
	dispatch::{DispatchClass, PerDispatchClass},
	weights::Weight,
};
use pallet_evidence::{Event as EvidenceEvent, EvidenceKind};
use serde_json::{json, Value};
use sp_core::{sr25519, Pair, H256};
use std::{
	collections::BTreeMap,
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering::SeqCst},
		Arc, Mutex,
	},
	time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

const MINUTE: Duration = Duration::from_secs(60);

struct Config {
	secs: u64,
	senders: usize,
	inflight: u64,
	/// Offered transactions per second over all senders (`LOAD_RATE`; 0: as fast as the flow
	/// control allows).
	rate: f64,
	max_txs: usize,
	batch_leaves: usize,
	batches: usize,
	node_args: Vec<String>,
	/// What every transaction calls (`LOAD_CALL`).
	call: LoadCall,
}

/// The call of the loaded transactions.
#[derive(Clone, Copy, PartialEq)]
enum LoadCall {
	/// `Evidence.anchor` of a distinct digest (default).
	Anchor,
	/// `System.remark_with_event` of 32 bytes (`LOAD_CALL=remark`): the reference ceiling of a
	/// stock call on the same machine.
	Remark,
	/// `Registration.submit` of a data resource with a distinct content digest at the Beijing
	/// exchange (`LOAD_CALL=register`): registration submissions.
	Register,
	/// Mixed traffic (`LOAD_CALL=mixed`): of every sender's transactions, one in
	/// [`MIXED_REGISTER_EVERY`] is a registration submission, the others are anchors.
	Mixed,
}

/// In mixed traffic, one transaction in this many is a registration submission.
const MIXED_REGISTER_EVERY: usize = 5;

impl LoadCall {
	/// The call of a sender's `index`-th transaction, for `digest`.
	fn call(self, digest: Digest, index: usize) -> RuntimeCall {
		match self {
			LoadCall::Mixed if index % MIXED_REGISTER_EVERY == MIXED_REGISTER_EVERY - 1 => {
				LoadCall::Register.call(digest, index)
			}
			LoadCall::Mixed => LoadCall::Anchor.call(digest, index),
			LoadCall::Remark => RuntimeCall::System(frame_system::Call::remark_with_event {
				remark: digest.value.to_vec(),
			}),
			LoadCall::Register => {
				let mut app = application(ElementKind::DataResource, "负载测试数据资源", 9, &[]);
				app.content_digest = digest;
				registration(pallet_registration::Call::submit { registry: BJ, application: app })
			}
			LoadCall::Anchor => evidence(pallet_evidence::Call::anchor {
				digest,
				kind: EvidenceKind::TransactionLog,
				related_doid: None,
				metadata_digest: None,
			}),
		}
	}
}

impl Config {
	fn from_env() -> Config {
		let secs = env_or("LOAD_SECS", 90u64);
		Config {
			secs,
			senders: env_or("LOAD_SENDERS", 8usize).max(1),
			inflight: env_or("LOAD_INFLIGHT", 4096u64).max(1),
			rate: env_or("LOAD_RATE", 0.0f64).max(0.0),
			max_txs: env_or("LOAD_MAX_TXS", 400 * secs as usize),
			batch_leaves: env_or("LOAD_BATCH_LEAVES", 1_000_000usize),
			batches: env_or("LOAD_BATCHES", 1usize),
			node_args: std::env::var("LOAD_NODE_ARGS")
				.unwrap_or_default()
				.split_whitespace()
				.map(String::from)
				.collect(),
			call: match std::env::var("LOAD_CALL").unwrap_or_default().trim() {
				"remark" => LoadCall::Remark,
				"register" => LoadCall::Register,
				"mixed" => LoadCall::Mixed,
				_ => LoadCall::Anchor,
			},
		}
	}

	/// Interval between two submissions of one sender at `rate` (none when unpaced).
	fn pace(&self) -> Option<Duration> {
		(self.rate > 0.0).then(|| Duration::from_secs_f64(self.senders as f64 / self.rate))
	}
}

/// Other `doid-node` processes already running (another test or benchmark sharing the cores
/// makes the figures worse), and the load average.
fn machine_note() -> String {
	let count = std::fs::read_dir("/proc")
		.map(|dir| {
			dir.flatten()
				.filter(|e| {
					let cmd = std::fs::read(e.path().join("cmdline")).unwrap_or_default();
					String::from_utf8_lossy(&cmd)
						.split('\0')
						.next()
						.unwrap_or("")
						.contains("doid-node")
				})
				.count()
		})
		.unwrap_or(0);
	let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
	format!("{count} other doid-node processes running; load average {}", load.trim())
}

fn now_ms() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).expect("clock after 1970").as_millis() as u64
}

/// Unix ms at which each block was first seen finalized (by polling the finalized head).
#[derive(Default)]
struct FinalityClock {
	seen: BTreeMap<u32, u64>,
	last: u32,
}

impl FinalityClock {
	/// Poll the finalized head; stamp the blocks finalized since the last poll.
	fn poll(&mut self, rpc: &Rpc) -> (u32, H256) {
		let (number, hash) = finalized_head(rpc);
		let now = now_ms();
		for n in self.last + 1..=number {
			self.seen.insert(n, now);
		}
		self.last = self.last.max(number);
		(number, hash)
	}
}

/// The mean lag (ms) from a block's timestamp to its finality being seen, on an idle chain,
/// over `secs` seconds.
fn idle_finality_lag(rpc: &Rpc, secs: u64) -> f64 {
	let mut clock = FinalityClock { last: finalized_head(rpc).0, ..Default::default() };
	let start = Instant::now();
	while start.elapsed() < Duration::from_secs(secs) {
		clock.poll(rpc);
		std::thread::sleep(Duration::from_millis(100));
	}
	let lags: Vec<f64> = clock
		.seen
		.iter()
		.map(|(n, seen)| {
			let hash = rpc.block_hash(*n).expect("hash");
			let ts: u64 =
				rpc.storage(&value_key("Timestamp", "Now"), Some(hash)).expect("now").unwrap_or(0);
			seen.saturating_sub(ts) as f64
		})
		.collect();
	lags.iter().sum::<f64>() / lags.len().max(1) as f64
}

/// Latencies (ms, each sorted) of every included transaction: from its acceptance by the pool
/// and from its first submission attempt to finality, and the two parts of the first — from
/// acceptance to the timestamp (slot start) of the block that holds it, and from that timestamp
/// to the block's finality being seen. Sender by sender, the nonce advance in each finalized
/// block says which of its transactions that block holds.
#[derive(Default)]
struct Latencies {
	from_accepted: Vec<u64>,
	from_first_try: Vec<u64>,
	/// Block timestamp minus acceptance (negative: accepted after its block's slot began).
	to_block: Vec<i64>,
	block_to_finality: Vec<u64>,
	/// By the node a transaction was submitted to and the residue (mod the number of nodes, who
	/// authors it) of the first slot starting after its acceptance: (transactions, of which
	/// included in that slot's block).
	first_slot: BTreeMap<(usize, u64), (usize, usize)>,
}

fn latencies(
	rpc: &Rpc,
	(results, nodes): (&[SenderResult], usize),
	rows: &[BlockRow],
	clock: &FinalityClock,
) -> Latencies {
	let blocks: Vec<(&BlockRow, H256)> =
		rows.iter().map(|r| (r, rpc.block_hash(r.number).expect("hash"))).collect();
	let slot = doid_runtime::SLOT_DURATION;
	let mut out = Latencies::default();
	for (sender, r) in results.iter().enumerate() {
		// As the submitters are spread (`load`); the validators author in turn.
		let node = sender % nodes;
		let mut done = r.start_nonce;
		for (row, hash) in &blocks {
			let nonce = nonce_at(rpc, &r.account, *hash);
			let Some(finalized) = clock.seen.get(&row.number) else { continue };
			for k in done..nonce {
				let index = (k - r.start_nonce) as usize;
				if let (Some(accepted), Some(first)) =
					(r.accepted_ms.get(index), r.first_try_ms.get(index))
				{
					out.from_accepted.push(finalized.saturating_sub(*accepted));
					out.from_first_try.push(finalized.saturating_sub(*first));
					out.to_block.push(row.timestamp as i64 - *accepted as i64);
					let first_slot = accepted.div_ceil(slot);
					let entry =
						out.first_slot.entry((node, first_slot % nodes as u64)).or_default();
					entry.0 += 1;
					entry.1 += usize::from(row.timestamp / slot == first_slot);
					out.block_to_finality.push(finalized.saturating_sub(row.timestamp));
				}
			}
			done = done.max(nonce);
		}
	}
	out.from_accepted.sort_unstable();
	out.from_first_try.sort_unstable();
	out.to_block.sort_unstable();
	out.block_to_finality.sort_unstable();
	out
}

/// The share of transactions that waited 0, 1, 2 … whole slots from acceptance to the slot
/// start of their block (`to_block` sorted; a negative wait counts as 0 slots).
fn slots_waited(to_block: &[i64], slot_ms: i64) -> String {
	let mut counts = BTreeMap::<i64, usize>::new();
	for wait in to_block {
		*counts.entry(wait.max(&0) / slot_ms).or_default() += 1;
	}
	let total = to_block.len().max(1) as f64;
	counts
		.iter()
		.map(|(slots, n)| format!("{slots}: {:.2} %", *n as f64 * 100.0 / total))
		.collect::<Vec<_>>()
		.join(", ")
}

/// `p50 …, p99 …, max …` of sorted latencies in ms, as seconds.
fn percentiles<T: Copy + Into<i128>>(sorted: &[T]) -> String {
	let at = |p: f64| {
		let index = ((sorted.len() as f64 * p) as usize).min(sorted.len().saturating_sub(1));
		sorted.get(index).map_or(0.0, |ms| (*ms).into() as f64 / 1000.0)
	};
	format!("p50 {:.1} s, p99 {:.1} s, max {:.1} s", at(0.50), at(0.99), at(1.0))
}

/// The event of one loaded transaction: an anchor, a remark or a submitted application
/// (nothing else makes those during a load run).
fn is_counted(event: &RuntimeEvent) -> bool {
	matches!(
		event,
		RuntimeEvent::Evidence(EvidenceEvent::Anchored { .. })
			| RuntimeEvent::System(frame_system::Event::Remarked { .. })
			| RuntimeEvent::Registration(pallet_registration::Event::Submitted { .. })
	)
}

fn evidence(call: pallet_evidence::Call<doid_runtime::Runtime>) -> RuntimeCall {
	RuntimeCall::Evidence(call)
}

/// `batches` Merkle batches of `leaves` random leaves each: every tree is built and its root
/// submitted with `anchor_batch` right away (the next tree is built while the chain includes
/// the previous root); the clock stops when the block holding the last root is finalized.
fn merkle_batches(rpc: &Rpc, signer: &sr25519::Pair, leaves: usize, batches: usize) {
	// splitmix64: random-looking leaves, generated before the clock starts (they stand for
	// the digests of documents that already exist).
	let mut state = 0x5eed_u64 ^ now_ms();
	let mut next = || {
		state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = state;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	};
	let data: Vec<Vec<[u8; 32]>> = (0..batches)
		.map(|_| {
			(0..leaves)
				.map(|_| {
					let mut leaf = [0u8; 32];
					for chunk in leaf.chunks_mut(8) {
						chunk.copy_from_slice(&next().to_le_bytes());
					}
					leaf
				})
				.collect()
		})
		.collect();

	let from = rpc.best_number().expect("best") + 1;
	let start = Instant::now();
	let mut build = Duration::ZERO;
	let mut roots = Vec::new();
	for batch in &data {
		let t = Instant::now();
		let tree = MerkleTree::new(Algorithm::Blake3, batch).expect("non-empty batch");
		build += t.elapsed();
		let root = Digest::new(DigestAlgorithm::Blake3, tree.root());
		rpc.submit(
			evidence(pallet_evidence::Call::anchor_batch {
				root,
				leaf_count: tree.leaf_count(),
				kind: EvidenceKind::TransactionLog,
			}),
			signer,
		)
		.expect("anchor_batch submitted");
		roots.push(root);
	}
	let submitted = start.elapsed();
	let mut pending = roots.clone();
	let mut block = 0;
	while !pending.is_empty() {
		let (found, at) = rpc
			.watch_events(from, 2 * MINUTE, |e| match e {
				RuntimeEvent::Evidence(EvidenceEvent::BatchAnchored { root, .. })
					if pending.contains(root) =>
				{
					Some(*root)
				}
				_ => None,
			})
			.expect("batch root anchored");
		pending.retain(|r| *r != found);
		block = block.max(at);
	}
	let included = start.elapsed();
	let deadline = Instant::now() + 2 * MINUTE;
	while finalized_head(rpc).0 < block {
		assert!(Instant::now() < deadline, "block {block} not finalized within 2 min");
		std::thread::sleep(Duration::from_millis(100));
	}
	let total = start.elapsed();
	let digests = (leaves * batches) as f64;
	println!("== Merkle batches (blake3) ==");
	println!("batches x leaves              {batches} x {leaves}");
	println!(
		"tree build (sum)              {:.3} s ({:.0} digests/s)",
		build.as_secs_f64(),
		digests / build.as_secs_f64()
	);
	println!("last root submitted at        {:.2} s", submitted.as_secs_f64());
	println!("last root in a best block at  {:.2} s (block #{block})", included.as_secs_f64());
	println!("that block finalized at       {:.2} s", total.as_secs_f64());
	println!(
		"digests/s = leaves / (build + anchoring until finalized) = {:.0}   [target >= 100000]",
		digests / total.as_secs_f64()
	);
	println!();
}

/// Totals of the submitters.
#[derive(Default)]
struct Shared {
	accepted: AtomicU64,
	included_best: AtomicU64,
	stop: AtomicBool,
	rejections: Mutex<BTreeMap<String, u64>>,
}

impl Shared {
	fn reject(&self, error: &str) {
		let mut key: String = error.chars().take(240).collect();
		if key.contains("timed out") || key.contains("timeout") {
			key = "request timeout (transport)".into();
		}
		*self.rejections.lock().expect("lock").entry(key).or_default() += 1;
	}
}

/// What one submitter did: signed, accepted by the pool (distinct nonces), and why it stopped.
struct SenderResult {
	account: AccountId,
	start_nonce: u32,
	signed: usize,
	accepted: usize,
	gave_up: Option<String>,
	/// Unix ms at which each accepted transaction (by nonce order) was accepted by the pool.
	accepted_ms: Vec<u64>,
	/// Unix ms of the first submission attempt of each accepted transaction (earlier than
	/// `accepted_ms` when the pool refused it first and the sender tried again).
	first_try_ms: Vec<u64>,
}

/// Submit `txs` (hex, consecutive nonces from `start_nonce`) in order to `port`, at most one
/// every `pace` (none: as fast as the flow control allows).
fn submitter(
	port: u16,
	account: AccountId,
	start_nonce: u32,
	txs: Vec<String>,
	shared: Arc<Shared>,
	(inflight, pace): (u64, Option<Duration>),
) -> SenderResult {
	let rpc = Rpc::new(port);
	let begun = Instant::now();
	let mut i = 0;
	let mut retries = 0u32;
	let mut gave_up = None;
	let mut accepted_ms = Vec::with_capacity(txs.len());
	let mut first_try_ms = Vec::with_capacity(txs.len());
	let mut first_try = None;
	while i < txs.len() && !shared.stop.load(SeqCst) {
		if shared.accepted.load(SeqCst).saturating_sub(shared.included_best.load(SeqCst))
			>= inflight
		{
			std::thread::sleep(Duration::from_millis(20));
			continue;
		}
		if let Some(due) = pace.map(|pace| begun + pace * i as u32) {
			std::thread::sleep(due.saturating_duration_since(Instant::now()));
		}
		let attempt = *first_try.get_or_insert_with(now_ms);
		let mut accept = || {
			accepted_ms.push(now_ms());
			first_try_ms.push(attempt);
			first_try = None;
			shared.accepted.fetch_add(1, SeqCst);
		};
		match rpc.call::<String>("author_submitExtrinsic", json!([txs[i]])) {
			Ok(_) => {
				accept();
				i += 1;
				retries = 0;
			}
			Err(e) => {
				shared.reject(&e);
				// Already in the pool (a retry after a transport error) or already in a block.
				if e.contains("1013") || e.contains("Already Imported") || e.contains("outdated") {
					accept();
					i += 1;
					retries = 0;
				} else if e.contains("1010") {
					gave_up = Some(e);
					break;
				} else {
					// Pool full (1016), priority too low (1014), banned (1012), timeout: back off
					// and retry the same nonce (the later ones would only be futures).
					retries += 1;
					if retries > 300 {
						gave_up = Some(format!("after 300 retries: {e}"));
						break;
					}
					std::thread::sleep(Duration::from_millis(100));
				}
			}
		}
	}
	SenderResult {
		account,
		start_nonce,
		signed: txs.len(),
		accepted: i,
		gave_up,
		accepted_ms,
		first_try_ms,
	}
}

/// Busy and total jiffies of the whole machine (`/proc/stat`).
fn cpu_jiffies() -> (u64, u64) {
	let text = std::fs::read_to_string("/proc/stat").unwrap_or_default();
	let fields: Vec<u64> = text
		.lines()
		.next()
		.unwrap_or_default()
		.split_whitespace()
		.skip(1)
		.filter_map(|f| f.parse().ok())
		.collect();
	let total: u64 = fields.iter().sum();
	let idle = fields.get(3).copied().unwrap_or(0) + fields.get(4).copied().unwrap_or(0);
	(total - idle, total)
}

/// CPU jiffies (user + system) of the node process.
fn node_jiffies(node: &Node) -> u64 {
	let Some(path) = node_proc_dir(node) else { return 0 };
	let stat = std::fs::read_to_string(path.join("stat")).unwrap_or_default();
	let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
	// After the command come state (field 3), ppid (4), ...; utime and stime are fields 14, 15.
	let f: Vec<u64> = after.split_whitespace().map(|x| x.parse().unwrap_or(0)).collect();
	f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0)
}

/// One finalized block of the measured range.
struct BlockRow {
	number: u32,
	timestamp: u64,
	extrinsics: usize,
	bytes: usize,
	anchors: u64,
	/// Of `anchors`, registration submissions (`Registration.Submitted`).
	registrations: u64,
	failed: u64,
	normal_weight: Weight,
	mandatory_weight: Weight,
}

fn block_row(rpc: &Rpc, number: u32) -> BlockRow {
	let hash = rpc.block_hash(number).expect("block hash");
	let timestamp: u64 =
		rpc.storage(&value_key("Timestamp", "Now"), Some(hash)).expect("now").unwrap_or(0);
	let block = rpc.json("chain_getBlock", json!([format!("{hash:?}")])).expect("block");
	let xts = block["block"]["extrinsics"].as_array().cloned().unwrap_or_default();
	let bytes = xts.iter().map(|x| x.as_str().unwrap_or("0x").len() / 2 - 1).sum();
	let weight: PerDispatchClass<Weight> = rpc
		.storage(&value_key("System", "BlockWeight"), Some(hash))
		.expect("block weight")
		.unwrap_or_default();
	let (mut anchors, mut registrations, mut failed) = (0, 0, 0);
	for event in rpc.events(hash).expect("events") {
		match event {
			e if is_counted(&e) => {
				anchors += 1;
				if matches!(e, RuntimeEvent::Registration(_)) {
					registrations += 1;
				}
			}
			RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. }) => failed += 1,
			_ => {}
		}
	}
	BlockRow {
		number,
		timestamp,
		extrinsics: xts.len(),
		bytes,
		anchors,
		registrations,
		failed,
		normal_weight: *weight.get(DispatchClass::Normal),
		mandatory_weight: *weight.get(DispatchClass::Mandatory),
	}
}

fn ms(weight_ref_time: u64) -> f64 {
	weight_ref_time as f64 / 1e9
}

fn load(nodes: &[Node], pairs: &[sr25519::Pair], cfg: &Config) {
	let rpc = nodes[0].rpc();
	let genesis = rpc.block_hash(0).expect("genesis");
	let best = rpc.best_number().expect("best");
	let context = signing::ChainContext::new(genesis, rpc.block_hash(best).expect("hash"), best);
	let per_sender = (cfg.max_txs / pairs.len()).max(1);
	let load_call = cfg.call;

	// Pre-sign, in parallel, per sender: consecutive nonces, distinct digests.
	let sign_start = Instant::now();
	let signed: Vec<(AccountId, u32, Vec<String>)> = std::thread::scope(|scope| {
		let handles: Vec<_> = pairs
			.iter()
			.enumerate()
			.map(|(s, pair)| {
				let rpc = nodes[0].rpc();
				scope.spawn(move || {
					let account = AccountId::from(pair.public());
					let nonce: u32 = rpc
						.call("system_accountNextIndex", json!([account.to_string()]))
						.expect("nonce");
					let txs = (0..per_sender)
						.map(|i| {
							let seed = ((s as u64) << 32) | i as u64;
							let digest = Digest::new(
								DigestAlgorithm::Blake3,
								*blake3::hash(&seed.to_le_bytes()).as_bytes(),
							);
							let call = load_call.call(digest, i);
							let xt = signing::sign(call, pair, nonce + i as u32, &context);
							to_hex(&xt.encode())
						})
						.collect();
					(account, nonce, txs)
				})
			})
			.collect();
		handles.into_iter().map(|h| h.join().expect("signer thread")).collect()
	});
	let total_signed: usize = signed.iter().map(|s| s.2.len()).sum();
	let tx_bytes = signed[0].2[0].len() / 2 - 1;
	println!(
		"pre-signed {total_signed} anchor extrinsics ({} senders x {per_sender}, {tx_bytes} bytes each) in {:.1} s",
		pairs.len(),
		sign_start.elapsed().as_secs_f64()
	);

	// What the runtime says one of them weighs, and the block limits.
	let info =
		rpc.json("payment_queryInfo", json!([signed[0].2[0].clone()])).unwrap_or(Value::Null);
	let ref_time = info["weight"]["ref_time"]
		.as_u64()
		.or_else(|| info["weight"]["refTime"].as_u64())
		.unwrap_or(0);
	let weights = doid_runtime::configs::RuntimeBlockWeights::get();
	let normal = weights.get(DispatchClass::Normal);
	let max_normal = normal.max_total.unwrap_or(weights.max_block).ref_time();
	// A first anchoring of a digest (every anchor here) is refunded to its own benchmark.
	let refund = {
		use pallet_evidence::WeightInfo;
		type Weights = <doid_runtime::Runtime as pallet_evidence::Config>::WeightInfo;
		Weights::anchor().ref_time().saturating_sub(Weights::anchor_new_digest().ref_time())
	};
	let charged = ref_time.saturating_sub(refund);
	let per_xt = charged + normal.base_extrinsic.ref_time();
	let max_len = *doid_runtime::configs::RuntimeBlockLength::get().max.get(DispatchClass::Normal);
	let slot_s = doid_runtime::SLOT_DURATION as f64 / 1000.0;
	println!("payment_queryInfo of one anchor: {info}");
	println!(
		"anchor weight {:.3} ms declared, {:.3} ms charged for a new digest, + base extrinsic {:.3} ms; normal-class block limit {:.0} ms => at most {} anchors of new digests per block by weight ({:.1}/s at {slot_s} s blocks)",
		ms(ref_time),
		ms(charged),
		ms(normal.base_extrinsic.ref_time()),
		ms(max_normal),
		max_normal / per_xt.max(1),
		(max_normal / per_xt.max(1)) as f64 / slot_s
	);
	let session = doid_runtime::configs::MaxSessionLength::get();
	println!(
		"without validator changes a session rotates every {session} blocks and fills its block (pallet_session reports max_block weight) => at most {:.1}/s by weight",
		(max_normal / per_xt.max(1)) as f64 * (session - 1) as f64 / session as f64 / slot_s
	);
	println!(
		"normal-class block length {} bytes => at most {} anchors/block by length ({:.0}/s)",
		max_len,
		max_len as usize / tx_bytes,
		(max_len as usize / tx_bytes) as f64 / slot_s
	);
	println!();

	// Finality lag of the idle chain, the reference of the latency target.
	let idle_lag = idle_finality_lag(&rpc, 20);
	println!("idle finality lag (block timestamp to finality seen): {:.0} ms", idle_lag);

	// Submit for the window.
	let shared = Arc::new(Shared::default());
	let b0 = rpc.best_number().expect("best");
	let (busy0, total0) = cpu_jiffies();
	let node_cpu0: Vec<u64> = nodes.iter().map(node_jiffies).collect();
	let node_dirs: Vec<Option<std::path::PathBuf>> = nodes.iter().map(node_proc_dir).collect();
	let rss_start: Vec<u64> = node_dirs.iter().map(|d| d.as_deref().map_or(0, rss_kib)).collect();
	let mut rss_max = rss_start.clone();
	let t0 = now_ms();
	let start = Instant::now();
	let handles: Vec<_> = signed
		.into_iter()
		.enumerate()
		.map(|(s, (account, nonce, txs))| {
			let port = nodes[s % nodes.len()].rpc_port;
			let shared = shared.clone();
			let flow = (cfg.inflight, cfg.pace());
			std::thread::spawn(move || submitter(port, account, nonce, txs, shared, flow))
		})
		.collect();

	// Watch best blocks while submitting (flow control and progress) and stamp finality.
	let mut clock = FinalityClock { last: finalized_head(&rpc).0, ..Default::default() };
	let mut next = b0 + 1;
	let window = Duration::from_secs(cfg.secs);
	while start.elapsed() < window {
		let best = rpc.best_number().unwrap_or(next - 1);
		while next <= best {
			let anchors = rpc
				.block_hash(next)
				.and_then(|h| rpc.events(h))
				.map(|events| events.iter().filter(|e| is_counted(e)).count() as u64)
				.unwrap_or(0);
			let total = shared.included_best.fetch_add(anchors, SeqCst) + anchors;
			let accepted = shared.accepted.load(SeqCst);
			println!(
				"[{:5.1} s] best #{next}: {anchors} anchors; accepted {accepted}, in best blocks {total}, outstanding {}",
				start.elapsed().as_secs_f64(),
				accepted.saturating_sub(total)
			);
			next += 1;
		}
		clock.poll(&rpc);
		for (max, dir) in rss_max.iter_mut().zip(&node_dirs) {
			*max = (*max).max(dir.as_deref().map_or(0, rss_kib));
		}
		std::thread::sleep(Duration::from_millis(250));
	}
	shared.stop.store(true, SeqCst);
	let t1 = now_ms();
	let results: Vec<SenderResult> =
		handles.into_iter().map(|h| h.join().expect("submitter thread")).collect();
	let (busy1, total1) = cpu_jiffies();
	let node_cpu1: Vec<u64> = nodes.iter().map(node_jiffies).collect();
	let finalized_at_t1 = finalized_head(&rpc).0;
	let best_at_t1 = rpc.best_number().unwrap_or(0);
	let machine_at_t1 = machine_note();
	let accepted: usize = results.iter().map(|r| r.accepted).sum();
	println!(
		"submission stopped after {:.1} s: {accepted} accepted; best #{best_at_t1}, finalized #{finalized_at_t1}",
		(t1 - t0) as f64 / 1000.0
	);

	// Drain: wait until every accepted transaction is in a finalized block (or no progress).
	let drain_start = Instant::now();
	let mut last_progress = (0usize, Instant::now());
	let (fin, fin_hash) = loop {
		let (fin, fin_hash) = clock.poll(&rpc);
		let included: usize = results
			.iter()
			.map(|r| nonce_at(&rpc, &r.account, fin_hash).saturating_sub(r.start_nonce) as usize)
			.sum();
		if included > last_progress.0 {
			last_progress = (included, Instant::now());
		}
		if included >= accepted
			|| last_progress.1.elapsed() > Duration::from_secs(30)
			|| drain_start.elapsed() > Duration::from_secs(300)
		{
			break (fin, fin_hash);
		}
		std::thread::sleep(Duration::from_millis(250));
	};
	println!(
		"drain: {:.1} s until finalized #{fin} holds every included transaction",
		drain_start.elapsed().as_secs_f64()
	);

	// Measure from the finalized chain.
	let rows: Vec<BlockRow> = (b0 + 1..=fin).map(|n| block_row(&rpc, n)).collect();
	let ts_b0: u64 = rpc
		.storage(&value_key("Timestamp", "Now"), Some(rpc.block_hash(b0).expect("hash")))
		.expect("now")
		.unwrap_or(0);
	println!();
	println!(
		"block   time(s)  final(s)  extrinsics   bytes  anchors  failed  weight normal / mandatory (ms)"
	);
	for r in &rows {
		let lag = clock
			.seen
			.get(&r.number)
			.map_or(f64::NAN, |seen| (*seen as f64 - r.timestamp as f64) / 1000.0);
		println!(
			"#{:<6} {:7.1}  {lag:8.1}  {:10}  {:7}  {:7}  {:6}  {:8.1} / {:.1}",
			r.number,
			(r.timestamp as f64 - t0 as f64) / 1000.0,
			r.extrinsics,
			r.bytes,
			r.anchors,
			r.failed,
			ms(r.normal_weight.ref_time()),
			ms(r.mandatory_weight.ref_time())
		);
	}
	let finalized_anchors: u64 = rows.iter().map(|r| r.anchors).sum();
	let failed: u64 = rows.iter().map(|r| r.failed).sum();
	let max_block = rows.iter().map(|r| r.anchors).max().unwrap_or(0);
	let in_window: u64 =
		rows.iter().filter(|r| r.timestamp >= t0 && r.timestamp < t1).map(|r| r.anchors).sum();
	let window_s = (t1 - t0) as f64 / 1000.0;
	// Sustained rate: from the block before the first block with anchors to the last one.
	let first = rows.iter().position(|r| r.anchors > 0);
	let last = rows.iter().rposition(|r| r.anchors > 0);
	let sustained = match (first, last) {
		(Some(f), Some(l)) => {
			let before = if f == 0 { ts_b0 } else { rows[f - 1].timestamp };
			let span = (rows[l].timestamp - before) as f64 / 1000.0;
			let anchors: u64 = rows[f..=l].iter().map(|r| r.anchors).sum();
			Some((anchors as f64 / span, anchors, span, l - f + 1))
		}
		_ => None,
	};

	// Accounting of every signed transaction.
	let included: Vec<usize> = results
		.iter()
		.map(|r| nonce_at(&rpc, &r.account, fin_hash).saturating_sub(r.start_nonce) as usize)
		.collect();
	let included_total: usize = included.iter().sum();
	println!();
	println!("== Single anchors, 4 validators, {} senders ==", results.len());
	println!("pre-signed                     {total_signed}");
	println!("submitted (accepted by a pool) {accepted}");
	println!("never submitted (window over)  {}", total_signed - accepted);
	println!("included in finalized blocks   {included_total} (sum of nonce advances at #{fin})");
	let lost = accepted.saturating_sub(included_total);
	println!("accepted, not included         {lost}");
	println!("Anchored events, finalized     {finalized_anchors} (blocks #{}..=#{fin})", b0 + 1);
	let registrations: u64 = rows.iter().map(|r| r.registrations).sum();
	if registrations > 0 {
		println!("  of which registrations        {registrations} (Registration.Submitted)");
	}
	println!("ExtrinsicFailed events         {failed}");
	println!("submission window              {window_s:.1} s");
	println!(
		"finalized anchors/s in window  {:.1}  ({in_window} anchors in blocks stamped within the window)",
		in_window as f64 / window_s
	);
	if let Some((rate, anchors, span, blocks)) = sustained {
		println!(
			"finalized anchors/s sustained  {rate:.1}  ({anchors} anchors in {blocks} blocks over {span:.0} s of chain time)   [target >= 300]"
		);
	}
	println!("max anchors in a block         {max_block}");
	let lat = latencies(&rpc, (&results, nodes.len()), &rows, &clock);
	let target = 3.0 * slot_s * 1000.0 + idle_lag;
	println!(
		"submit-to-finalized latency    {} over {} transactions   [target p99 <= 3 slots + idle lag = {:.1} s]",
		percentiles(&lat.from_accepted),
		lat.from_accepted.len(),
		target / 1000.0
	);
	println!(
		"  from the first attempt       {} (includes waiting after refusals)",
		percentiles(&lat.from_first_try)
	);
	println!(
		"  acceptance to block slot     {} (negative: accepted after the slot began)",
		percentiles(&lat.to_block)
	);
	println!(
		"  block slot to finality seen  {} (idle: mean {:.1} s)",
		percentiles(&lat.block_to_finality),
		idle_lag / 1000.0
	);
	println!(
		"  whole slots waited           {}",
		slots_waited(&lat.to_block, doid_runtime::SLOT_DURATION as i64)
	);
	println!(
		"  included in the first slot after acceptance, by node submitted to x slot mod {}:",
		nodes.len()
	);
	for (i, node) in nodes.iter().enumerate() {
		let shares: Vec<String> = (0..nodes.len() as u64)
			.map(|residue| {
				let (all, first) = lat.first_slot.get(&(i, residue)).copied().unwrap_or_default();
				format!("{:5.1} %", first as f64 * 100.0 / all.max(1) as f64)
			})
			.collect();
		println!("    {:8} {}", node.spec.name, shares.join("  "));
	}
	println!("machine at window end          {} (4 of them ours)", machine_at_t1);
	println!("finality at window end         best #{best_at_t1}, finalized #{finalized_at_t1}");
	let cpu = (busy1 - busy0) as f64 / (total1 - total0).max(1) as f64;
	println!(
		"machine CPU busy in window     {:.0} % of {} cores",
		cpu * 100.0,
		std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0)
	);
	for (i, node) in nodes.iter().enumerate() {
		let jiffies = node_cpu1[i].saturating_sub(node_cpu0[i]);
		println!(
			"  node {:<8} CPU {:5.1} s in the window ({:.0} % of one core); RSS {} MiB at the start, max {} MiB",
			node.spec.name,
			jiffies as f64 / 100.0,
			jiffies as f64 / 100.0 / window_s * 100.0,
			rss_start[i] / 1024,
			rss_max[i] / 1024
		);
	}
	println!("pool / RPC rejections (submission attempts; retried unless fatal):");
	let rejections = shared.rejections.lock().expect("lock");
	if rejections.is_empty() {
		println!("  none");
	}
	for (message, count) in rejections.iter() {
		println!("  {count:7} x {message}");
	}
	for (s, (r, inc)) in results.iter().zip(&included).enumerate() {
		if r.gave_up.is_some() || r.accepted != *inc {
			// Where the missing ones are: each node's next index counts its pool's ready ones.
			let views: Vec<String> = nodes
				.iter()
				.map(|n| {
					let next: Result<u32, _> =
						n.rpc().call("system_accountNextIndex", json!([r.account.to_string()]));
					format!(
						"{} {}",
						n.spec.name,
						next.map(|x| (x - r.start_nonce).to_string()).unwrap_or_else(|e| e)
					)
				})
				.collect();
			println!(
				"  sender {} (submitted to {}): signed {}, accepted {}, included {inc}{}; next index - start per node: {}",
				r.account,
				nodes[s % nodes.len()].spec.name,
				r.signed,
				r.accepted,
				r.gave_up.as_deref().map(|e| format!(", gave up: {e}")).unwrap_or_default(),
				views.join(", ")
			);
		}
	}
	if lost > 0 {
		println!(
			"WARNING: {lost} transactions accepted by a pool (author_submitExtrinsic returned their hash) were never included; see the per-node next indices above (equal to the included count: no pool holds them any more)"
		);
	}
	for node in nodes {
		let pending = node
			.rpc()
			.json("author_pendingExtrinsics", json!([]))
			.map(|v| v.as_array().map_or(0, Vec::len));
		println!("  {} pool: {:?} pending extrinsics at the end", node.spec.name, pending);
	}

	// The block authors' view: how long proposing took and how full the blocks were.
	println!();
	println!("proposer log lines (last 60 of all nodes):");
	let mut lines = Vec::new();
	for node in nodes {
		let text = std::fs::read_to_string(node.base_path.join("node.log")).unwrap_or_default();
		for line in text.lines() {
			let interesting = line.contains("Prepared block for proposing")
				|| line.contains("exhausted")
				|| line.contains("deadline")
				|| line.contains("would overflow");
			if interesting {
				lines.push(format!("  {}: {}", node.spec.name, line));
			}
		}
	}
	let skip = lines.len().saturating_sub(60);
	for line in &lines[skip..] {
		println!("{line}");
	}
}

/// Stop the first validator and copy its base path (database and keys) to `dir`, for the node's
/// `benchmark storage` and `benchmark block` commands (`docs/performance.md`).
fn keep_database(nodes: &mut [Node], dir: &str) {
	nodes[0].kill();
	let status = std::process::Command::new("cp")
		.args(["-a", "--"])
		.arg(&nodes[0].base_path)
		.arg(dir)
		.status()
		.expect("run cp");
	assert!(status.success(), "copy {:?} to {dir}", nodes[0].base_path);
	println!("database of {} copied to {dir}", nodes[0].spec.name);
}

fn main() {
	let cfg = Config::from_env();
	println!(
		"evidence_load: window {} s, {} senders, inflight {}, rate {}/s (0: unpaced), max {} txs, {} batch(es) of {} leaves, node args {:?}",
		cfg.secs, cfg.senders, cfg.inflight, cfg.rate, cfg.max_txs, cfg.batches, cfg.batch_leaves, cfg.node_args
	);
	println!("machine: {}", machine_note());
	let started = Instant::now();
	let (mut nodes, metrics) = load::start_local_chain(&cfg.node_args);
	let rpc = nodes[0].rpc();
	rpc.wait_ready(MINUTE).expect("RPC up");
	wait_for(2 * MINUTE, "block 2", || (rpc.best_number().ok()? >= 2).then_some(()));
	let pairs = load::funded_senders(&rpc, cfg.senders);
	let usccs: Vec<String> =
		(0..pairs.len()).map(|i| Uscc::synthetic(9_100 + i as u32).as_str().into()).collect();
	let roles: &[SubjectRole] = &[SubjectRole::DataSupplier];
	let subjects: Vec<(&sr25519::Pair, &str, &[SubjectRole])> =
		pairs.iter().zip(&usccs).map(|(p, u)| (p, u.as_str(), roles)).collect();
	let ids = verified_subjects(&rpc, &subjects);
	println!(
		"{} verified subjects {ids:?} after {:.0} s",
		ids.len(),
		started.elapsed().as_secs_f64()
	);
	println!();

	if cfg.batch_leaves > 0 && cfg.batches > 0 {
		merkle_batches(&rpc, &pairs[0], cfg.batch_leaves, cfg.batches);
	}
	load(&nodes, &pairs, &cfg);
	load::report_block_times(&nodes, &metrics);
	if let Ok(dir) = std::env::var("LOAD_LOG_DIR") {
		let _ = std::fs::create_dir_all(&dir);
		for node in &nodes {
			let to = std::path::Path::new(&dir).join(format!("{}.log", node.spec.name));
			let _ = std::fs::copy(node.base_path.join("node.log"), to);
		}
		println!("node logs copied to {dir}");
	}
	if let Ok(dir) = std::env::var("LOAD_KEEP_DB") {
		keep_database(&mut nodes, &dir);
	}
	println!("\ntotal run time {:.0} s", started.elapsed().as_secs_f64());
	drop(nodes);
}
