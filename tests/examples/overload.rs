//! Overload (issue 13, item 3): a flood of evidence anchors far above what the four-validator
//! local chain can finalize, for `OVERLOAD_SECS` seconds, with every submission accounted for.
//!
//! Every transaction is submitted with `author_submitAndWatchExtrinsic`, so the pool must say
//! what became of it: refused at submission (with the pool's error), or accepted and then
//! finalized, dropped, invalid or usurped. Each sender keeps up to `OVERLOAD_WINDOW` of its
//! transactions (consecutive nonces) in the pool; a refused nonce is signed again and retried
//! after `OVERLOAD_BACKOFF_MS`, and a nonce the pool dropped is signed again (a new digest, hence a
//! new hash) so that the sender's later nonces can still be included. After the window the
//! senders submit nothing new but repair their gaps until every watched transaction has a final
//! status (bounded by `OVERLOAD_DRAIN_SECS`).
//!
//! Meanwhile it samples the validators' resident memory every second and queries the first
//! validator's RPC every `OVERLOAD_QUERY_MS` (`doid_verify` of a different unknown DOID each time,
//! which the answer cache cannot serve, and `chain_getFinalizedHead`), and reports p50/p99/max.
//!
//! At the end it checks the accounting against the chain: for each sender, the transactions the
//! watchers saw finalized equal the advance of its nonce in the finalized state.
//!
//! Run (after `cargo build --release --locked --workspace --examples`):
//! `$CARGO_TARGET_DIR/release/examples/overload`
//!
//! Environment (all optional): `OVERLOAD_SECS` (default 300), `OVERLOAD_SENDERS` (default 64),
//! `OVERLOAD_WINDOW` (per sender, default 256), `OVERLOAD_BACKOFF_MS` (default 20),
//! `OVERLOAD_DRAIN_SECS` (default 600), `OVERLOAD_QUERY_MS` (default 100),
//! `OVERLOAD_SUSTAINABLE` (finalized anchors/s the chain sustains, for the ratio; default 308,
//! docs/performance.md), `LOAD_NODE_ARGS` (extra node arguments; default: stock pool limits).

use doid_e2e::{
	flows::{verified_subjects, MINUTE},
	load::{
		anchor_call, env_or, finalized_head, funded_senders, node_proc_dir, nonce_at,
		report_block_times, rss_kib, start_local_chain,
	},
	*,
};
use doid_primitives::{Digest, DigestAlgorithm, SubjectRole, Uscc};
use doid_runtime::{signing, AccountId};
use jsonrpsee::{
	core::client::{Error as ClientError, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::{sr25519, Pair};
use std::{
	collections::{BTreeMap, BTreeSet},
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering::SeqCst},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};
use tokio::sync::mpsc;

struct Config {
	secs: u64,
	senders: usize,
	window: usize,
	backoff: Duration,
	drain: Duration,
	query_every: Duration,
	sustainable: f64,
	node_args: Vec<String>,
}

impl Config {
	fn from_env() -> Config {
		Config {
			secs: env_or("OVERLOAD_SECS", 300),
			senders: env_or("OVERLOAD_SENDERS", 64usize).max(1),
			window: env_or("OVERLOAD_WINDOW", 256usize).max(1),
			backoff: Duration::from_millis(env_or("OVERLOAD_BACKOFF_MS", 20)),
			drain: Duration::from_secs(env_or("OVERLOAD_DRAIN_SECS", 600)),
			query_every: Duration::from_millis(env_or("OVERLOAD_QUERY_MS", 100)),
			sustainable: env_or("OVERLOAD_SUSTAINABLE", 308.0),
			node_args: std::env::var("LOAD_NODE_ARGS")
				.unwrap_or_default()
				.split_whitespace()
				.map(String::from)
				.collect(),
		}
	}
}

/// What became of one watched transaction.
#[derive(Debug)]
enum Fate {
	Finalized {
		latency_ms: u64,
	},
	/// A final status other than finalized (`dropped`, `invalid`, `usurped`, `finalityTimeout`)
	/// or the subscription ending without one.
	Failed(&'static str),
}

/// Totals over all senders.
#[derive(Default)]
struct Tally {
	attempts: AtomicU64,
	accepted: AtomicU64,
	finalized: AtomicU64,
	/// Submissions refused by the node, by error.
	refused: Mutex<BTreeMap<String, u64>>,
	/// Accepted transactions with a final status other than finalized, by status.
	failed: Mutex<BTreeMap<&'static str, u64>>,
	latencies_ms: Mutex<Vec<u64>>,
}

impl Tally {
	fn refuse(&self, error: &str) {
		*self.refused.lock().expect("lock").entry(error.to_string()).or_default() += 1;
	}
}

/// One sender's result.
struct SenderReport {
	account: AccountId,
	start_nonce: u32,
	finalized: u64,
	/// Nonces of the watched transactions without a final status when the drain ended.
	pending: Vec<u32>,
	/// Nonces still to be submitted again when the drain ended.
	gaps: usize,
}

/// The error of a refused submission, without what varies between transactions.
fn refusal(error: &ClientError) -> String {
	match error {
		ClientError::Call(e) => {
			let data = e.data().map(|d| d.get().to_string()).unwrap_or_default();
			format!("{} {} {}", e.code(), e.message(), data).trim().to_string()
		}
		other => {
			let text = other.to_string();
			if text.contains("imed out") {
				"request timeout (transport)".into()
			} else {
				text.chars().take(160).collect()
			}
		}
	}
}

/// Follow one watched transaction to its final status.
async fn watch(
	mut sub: Subscription<Value>,
	nonce: u32,
	sent: Instant,
	tx: mpsc::UnboundedSender<(u32, Fate)>,
) {
	let fate = loop {
		match sub.next().await {
			None => break Fate::Failed("subscription closed"),
			Some(Err(_)) => continue,
			Some(Ok(Value::String(status))) => match status.as_str() {
				"dropped" => break Fate::Failed("dropped"),
				"invalid" => break Fate::Failed("invalid"),
				_ => continue, // future, ready
			},
			Some(Ok(Value::Object(status))) => {
				if status.contains_key("finalized") {
					break Fate::Finalized { latency_ms: sent.elapsed().as_millis() as u64 };
				}
				if status.contains_key("usurped") {
					break Fate::Failed("usurped");
				}
				if status.contains_key("finalityTimeout") {
					break Fate::Failed("finalityTimeout");
				}
				// broadcast, inBlock, retracted
			}
			Some(Ok(_)) => continue,
		}
	};
	let _ = tx.send((nonce, fate));
}

/// Everything a sender needs.
struct Sender {
	client: WsClient,
	pair: sr25519::Pair,
	context: signing::ChainContext,
	/// Makes every signed digest distinct across senders and attempts.
	seed: u64,
	attempt: u64,
}

impl Sender {
	/// A freshly signed anchor with `nonce` (a new digest each time, hence a new hash).
	fn sign(&mut self, nonce: u32) -> String {
		self.attempt += 1;
		let seed = (self.seed << 40) | self.attempt;
		let digest =
			Digest::new(DigestAlgorithm::Blake3, *blake3::hash(&seed.to_le_bytes()).as_bytes());
		let xt = signing::sign(anchor_call(digest), &self.pair, nonce, &self.context);
		to_hex(&codec::Encode::encode(&xt))
	}
}

/// A sender's transactions in flight and nonces to submit again.
#[derive(Default)]
struct Progress {
	/// Nonces of the watched transactions without a final status yet.
	inflight: BTreeSet<u32>,
	finalized: u64,
	redo: BTreeSet<u32>,
}

impl Progress {
	/// Count the final status of the transaction with `nonce`; a failed one is to be repeated.
	fn settle(&mut self, nonce: u32, fate: Fate, tally: &Tally) {
		self.inflight.remove(&nonce);
		match fate {
			Fate::Finalized { latency_ms } => {
				self.finalized += 1;
				tally.finalized.fetch_add(1, SeqCst);
				tally.latencies_ms.lock().expect("lock").push(latency_ms);
			}
			Fate::Failed(why) => {
				*tally.failed.lock().expect("lock").entry(why).or_default() += 1;
				self.redo.insert(nonce);
			}
		}
	}
}

/// Submit consecutive nonces from `start_nonce` until `stop`, then repair gaps until every
/// watched transaction has a final status or `drain_until`.
#[allow(clippy::too_many_arguments)]
async fn send(
	mut sender: Sender,
	start_nonce: u32,
	window: usize,
	backoff: Duration,
	tally: Arc<Tally>,
	stop: Arc<AtomicBool>,
	drain_until: Arc<Mutex<Option<Instant>>>,
) -> SenderReport {
	let account = AccountId::from(sender.pair.public());
	let (tx, mut rx) = mpsc::unbounded_channel();
	let mut next = start_nonce;
	let mut progress = Progress::default();
	loop {
		while let Ok((nonce, fate)) = rx.try_recv() {
			progress.settle(nonce, fate, &tally);
		}
		let stopping = stop.load(SeqCst);
		if stopping {
			if progress.inflight.is_empty() && progress.redo.is_empty() {
				break;
			}
			if drain_until.lock().expect("lock").is_some_and(|t| Instant::now() >= t) {
				break;
			}
		}
		let nonce = if let Some(n) = progress.redo.pop_first() {
			n
		} else if !stopping && progress.inflight.len() < window {
			next += 1;
			next - 1
		} else {
			// Nothing to submit: wait for a final status.
			if let Ok(Some((nonce, fate))) =
				tokio::time::timeout(Duration::from_millis(200), rx.recv()).await
			{
				progress.settle(nonce, fate, &tally);
			}
			continue;
		};
		let hex = sender.sign(nonce);
		tally.attempts.fetch_add(1, SeqCst);
		let sent = Instant::now();
		match sender
			.client
			.subscribe::<Value, _>(
				"author_submitAndWatchExtrinsic",
				rpc_params![hex],
				"author_unwatchExtrinsic",
			)
			.await
		{
			Ok(sub) => {
				tally.accepted.fetch_add(1, SeqCst);
				progress.inflight.insert(nonce);
				tokio::spawn(watch(sub, nonce, sent, tx.clone()));
			}
			Err(e) => {
				let why = refusal(&e);
				tally.refuse(&why);
				// "outdated" (1010 Stale): the nonce is already used on chain; nothing to repeat.
				if !why.contains("outdated") {
					progress.redo.insert(nonce);
				}
				tokio::time::sleep(backoff).await;
			}
		}
	}
	SenderReport {
		account,
		start_nonce,
		finalized: progress.finalized,
		pending: progress.inflight.into_iter().collect(),
		gaps: progress.redo.len(),
	}
}

/// Transactions in the node's pool (`author_pendingExtrinsics`); `usize::MAX` if unknown.
fn pool_size(rpc: &Rpc) -> usize {
	rpc.call::<Vec<Value>>("author_pendingExtrinsics", serde_json::json!([]))
		.map_or(usize::MAX, |v| v.len())
}

/// Percentile `p` (0..=100) of sorted `values`.
fn percentile(values: &[u64], p: usize) -> u64 {
	if values.is_empty() {
		return 0;
	}
	values[((values.len() - 1) * p / 100).min(values.len() - 1)]
}

/// Query the node at `port` every `every` until `stop`; returns sorted latencies (µs) and errors.
fn query_while(port: u16, every: Duration, stop: Arc<AtomicBool>) -> (Vec<u64>, u64) {
	let rpc = Rpc::new(port);
	let (mut micros, mut errors, mut i) = (Vec::new(), 0u64, 0u64);
	while !stop.load(SeqCst) {
		i += 1;
		let unknown = format!("2.999.2.2.1.{}", 1_000_000 + i);
		let started = Instant::now();
		// The unknown DOID is an error answer ("no certificate"), which is the point: a runtime
		// call every time, then a cheap query.
		let verify = rpc.call::<Value>("doid_verify", serde_json::json!([unknown]));
		micros.push(started.elapsed().as_micros() as u64);
		if verify.as_ref().err().is_some_and(|e| !e.contains("no certificate")) {
			errors += 1;
		}
		let started = Instant::now();
		if rpc.call::<String>("chain_getFinalizedHead", serde_json::json!([])).is_err() {
			errors += 1;
		}
		micros.push(started.elapsed().as_micros() as u64);
		std::thread::sleep(every);
	}
	micros.sort_unstable();
	(micros, errors)
}

fn main() {
	let cfg = Config::from_env();
	println!(
		"overload: {} s, {} senders x window {}, backoff {:?}, node args {:?}",
		cfg.secs, cfg.senders, cfg.window, cfg.backoff, cfg.node_args
	);
	let started = Instant::now();
	let (nodes, metrics) = start_local_chain(&cfg.node_args);
	let rpc = nodes[0].rpc();
	rpc.wait_ready(MINUTE).expect("RPC up");
	wait_for(2 * MINUTE, "block 2", || (rpc.best_number().ok()? >= 2).then_some(()));
	let pairs = funded_senders(&rpc, cfg.senders);
	let usccs: Vec<String> =
		(0..pairs.len()).map(|i| Uscc::synthetic(9_300 + i as u32).as_str().into()).collect();
	let roles: &[SubjectRole] = &[SubjectRole::DataSupplier];
	let subjects: Vec<(&sr25519::Pair, &str, &[SubjectRole])> =
		pairs.iter().zip(&usccs).map(|(p, u)| (p, u.as_str(), roles)).collect();
	verified_subjects(&rpc, &subjects);
	println!("{} senders verified after {:.0} s", pairs.len(), started.elapsed().as_secs_f64());

	let genesis = rpc.block_hash(0).expect("genesis");
	let best = rpc.best_number().expect("best");
	let context = signing::ChainContext::new(genesis, rpc.block_hash(best).expect("hash"), best);
	// Every sender's registration must be final before its nonce is read there: a nonce read
	// below it would be stale, and the chain's count would include the registrations.
	wait_for(2 * MINUTE, "registrations final", || (finalized_head(&rpc).0 >= best).then_some(()));
	let (start_fin, start_hash) = finalized_head(&rpc);
	let start_nonces: Vec<u32> =
		pairs.iter().map(|p| nonce_at(&rpc, &AccountId::from(p.public()), start_hash)).collect();

	let tally = Arc::new(Tally::default());
	let stop = Arc::new(AtomicBool::new(false));
	let drain_until = Arc::new(Mutex::new(None));
	let runtime = tokio::runtime::Builder::new_multi_thread()
		.worker_threads(2)
		.enable_all()
		.build()
		.expect("tokio runtime");
	let senders: Vec<_> = pairs
		.iter()
		.enumerate()
		.map(|(i, pair)| {
			let port = nodes[i % nodes.len()].rpc_port;
			let client = runtime
				.block_on(
					WsClientBuilder::default()
						.max_concurrent_requests(cfg.window * 2)
						.request_timeout(Duration::from_secs(60))
						.build(format!("ws://127.0.0.1:{port}")),
				)
				.expect("WebSocket client");
			let sender =
				Sender { client, pair: pair.clone(), context, seed: i as u64 + 1, attempt: 0 };
			runtime.spawn(send(
				sender,
				start_nonces[i],
				cfg.window,
				cfg.backoff,
				tally.clone(),
				stop.clone(),
				drain_until.clone(),
			))
		})
		.collect();

	let query_stop = Arc::new(AtomicBool::new(false));
	let query = {
		let (port, every, stop) = (nodes[0].rpc_port, cfg.query_every, query_stop.clone());
		std::thread::spawn(move || query_while(port, every, stop))
	};
	let dirs: Vec<_> = nodes.iter().map(node_proc_dir).collect();
	let rss_start: Vec<u64> = dirs.iter().map(|d| d.as_deref().map_or(0, rss_kib)).collect();
	let mut rss_max = rss_start.clone();
	let sample_rss = |rss_max: &mut Vec<u64>| {
		for (max, dir) in rss_max.iter_mut().zip(&dirs) {
			*max = (*max).max(dir.as_deref().map_or(0, rss_kib));
		}
	};

	let node_rpcs: Vec<_> = nodes.iter().map(|n| n.rpc()).collect();
	let mut peers = PeerSamples::new(nodes.len());
	let flood = Instant::now();
	let window = Duration::from_secs(cfg.secs);
	let mut last_print = Instant::now();
	while flood.elapsed() < window {
		sample_rss(&mut rss_max);
		if last_print.elapsed() >= Duration::from_secs(10) {
			last_print = Instant::now();
			let now: Vec<Option<u64>> = node_rpcs.iter().map(|rpc| rpc.peers().ok()).collect();
			peers.add(&now);
			println!(
				"[{:4.0} s] attempts {}, accepted {}, finalized {}, refused {}, failed {}; best #{}; RSS MiB {:?}; peers {:?}",
				flood.elapsed().as_secs_f64(),
				tally.attempts.load(SeqCst),
				tally.accepted.load(SeqCst),
				tally.finalized.load(SeqCst),
				tally.refused.lock().expect("lock").values().sum::<u64>(),
				tally.failed.lock().expect("lock").values().sum::<u64>(),
				rpc.best_number().unwrap_or(0),
				rss_max.iter().map(|k| k / 1024).collect::<Vec<_>>(),
				now
			);
		}
		std::thread::sleep(Duration::from_secs(1));
	}
	let attempts_in_window = tally.attempts.load(SeqCst);
	let finalized_in_window = tally.finalized.load(SeqCst);
	stop.store(true, SeqCst);
	*drain_until.lock().expect("lock") = Some(Instant::now() + cfg.drain);
	println!(
		"flood over after {:.0} s; draining (at most {:?})",
		flood.elapsed().as_secs_f64(),
		cfg.drain
	);
	query_stop.store(true, SeqCst);
	let (query_micros, query_errors) = query.join().expect("query thread");
	let drain = Instant::now();
	while senders.iter().any(|h| !h.is_finished()) {
		sample_rss(&mut rss_max);
		if last_print.elapsed() >= Duration::from_secs(10) {
			last_print = Instant::now();
			let busy = senders.iter().filter(|h| !h.is_finished()).count();
			println!(
				"[drain {:4.0} s] {busy} senders not done; finalized {}, failed {}; best #{}, pool {}",
				drain.elapsed().as_secs_f64(),
				tally.finalized.load(SeqCst),
				tally.failed.lock().expect("lock").values().sum::<u64>(),
				rpc.best_number().unwrap_or(0),
				pool_size(&rpc)
			);
		}
		std::thread::sleep(Duration::from_secs(1));
	}
	let reports: Vec<SenderReport> =
		senders.into_iter().map(|h| runtime.block_on(h).expect("sender task")).collect();
	println!("drained in {:.0} s", drain.elapsed().as_secs_f64());

	// Wait until the finalized state holds what the watchers saw finalized.
	let watched: u64 = reports.iter().map(|r| r.finalized).sum();
	let on_chain = |hash| -> u64 {
		reports
			.iter()
			.map(|r| nonce_at(&rpc, &r.account, hash).saturating_sub(r.start_nonce) as u64)
			.sum()
	};
	let (end_fin, end_hash) = finalized_head(&rpc);
	let chain_finalized = on_chain(end_hash);

	let attempts = tally.attempts.load(SeqCst);
	let accepted = tally.accepted.load(SeqCst);
	let refused = tally.refused.lock().expect("lock").clone();
	let refused_total: u64 = refused.values().sum();
	let failed = tally.failed.lock().expect("lock").clone();
	let failed_total: u64 = failed.values().sum();
	let pending: u64 = reports.iter().map(|r| r.pending.len() as u64).sum();
	// Of those, included in the finalized chain (the watcher missed it) or not (lost).
	let pending_included: u64 = reports
		.iter()
		.map(|r| {
			let nonce = nonce_at(&rpc, &r.account, end_hash);
			r.pending.iter().filter(|n| **n < nonce).count() as u64
		})
		.sum();
	let gaps: usize = reports.iter().map(|r| r.gaps).sum();
	let mut latencies = tally.latencies_ms.lock().expect("lock").clone();
	latencies.sort_unstable();

	println!();
	println!(
		"== overload: {} s flood, {} senders x {} in flight",
		cfg.secs, cfg.senders, cfg.window
	);
	println!(
		"offered {:.0} submissions/s = {:.1}x the sustainable {:.0}/s; finalized during the flood {:.1}/s",
		attempts_in_window as f64 / cfg.secs as f64,
		attempts_in_window as f64 / cfg.secs as f64 / cfg.sustainable,
		cfg.sustainable,
		finalized_in_window as f64 / cfg.secs as f64
	);
	println!("submissions {attempts} = refused {refused_total} + accepted {accepted}");
	for (why, n) in &refused {
		println!("  refused {n:>8}: {why}");
	}
	println!(
		"accepted {accepted} = finalized {} + failed {failed_total} + still pending {pending}",
		tally.finalized.load(SeqCst)
	);
	for (why, n) in &failed {
		println!("  failed  {n:>8}: {why} (signed again with a new digest)");
	}
	println!(
		"unaccounted: {}",
		accepted as i64
			- tally.finalized.load(SeqCst) as i64
			- failed_total as i64
			- pending as i64
	);
	println!(
		"of the {pending} without a final status: {pending_included} are in the finalized chain (no `finalized` notification), {} are not (accepted, then neither included nor reported)",
		pending - pending_included
	);
	println!(
		"nonces still to repeat when the drain ended: {gaps}; transactions in the first validator's pool: {}",
		pool_size(&rpc)
	);
	println!(
		"finalized according to the watchers {watched}; according to the chain (nonce advance from #{start_fin} to #{end_fin}) {chain_finalized}: {}",
		chain_vs_watchers(chain_finalized as i64, watched as i64, pending_included as i64)
	);
	println!(
		"submit-to-finalized latency: p50 {:.1} s, p99 {:.1} s, max {:.1} s ({} transactions)",
		percentile(&latencies, 50) as f64 / 1000.0,
		percentile(&latencies, 99) as f64 / 1000.0,
		latencies.last().copied().unwrap_or(0) as f64 / 1000.0,
		latencies.len()
	);
	println!(
		"RPC during the flood ({} calls, doid_verify + chain_getFinalizedHead): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {query_errors} errors",
		query_micros.len(),
		percentile(&query_micros, 50) as f64 / 1000.0,
		percentile(&query_micros, 99) as f64 / 1000.0,
		query_micros.last().copied().unwrap_or(0) as f64 / 1000.0
	);
	for (node, (start, max)) in nodes.iter().zip(rss_start.iter().zip(&rss_max)) {
		println!(
			"RSS of {}: {} MiB at the start, max {} MiB",
			node.spec.name,
			start / 1024,
			max / 1024
		);
	}
	for (node, line) in nodes.iter().zip(peers.summary(nodes.len() as u64 - 1)) {
		println!("peers of {} during the flood: {line}", node.spec.name);
	}
	report_block_times(&nodes, &metrics);
	println!("total run time {:.0} s", started.elapsed().as_secs_f64());
	drop(nodes);
}

/// Peer counts of every node, sampled every 10 s during the flood: a validator that loses its
/// peers stops receiving blocks, votes and gossip, whatever its pool does.
struct PeerSamples {
	/// Per node, the samples taken (`None`: no answer).
	samples: Vec<Vec<Option<u64>>>,
}

impl PeerSamples {
	fn new(nodes: usize) -> Self {
		Self { samples: vec![Vec::new(); nodes] }
	}

	fn add(&mut self, now: &[Option<u64>]) {
		for (samples, peers) in self.samples.iter_mut().zip(now) {
			samples.push(*peers);
		}
	}

	/// Per node: minimum, and how many samples had fewer than `all` peers or no answer.
	fn summary(&self, all: u64) -> Vec<String> {
		self.samples
			.iter()
			.map(|samples| {
				let answered: Vec<u64> = samples.iter().flatten().copied().collect();
				let short = answered.iter().filter(|p| **p < all).count();
				format!(
					"min {}, fewer than {all} in {short} of {} samples, no answer in {}",
					answered.iter().min().map_or("-".into(), |m| m.to_string()),
					samples.len(),
					samples.len() - answered.len()
				)
			})
			.collect()
	}
}

/// How the chain's count of finalized transactions compares with the watchers': a difference
/// is explained when the chain holds transactions that had no `finalized` notification
/// (`no_notification`) or that were reported dropped/invalid and then finalized anyway (a copy
/// gossiped to another validator before the drop).
fn chain_vs_watchers(chain: i64, watched: i64, no_notification: i64) -> String {
	if chain == watched {
		return "equal".into();
	}
	let reported_failed_then_finalized = chain - watched - no_notification;
	if chain > watched && reported_failed_then_finalized >= 0 {
		format!(
			"the chain has {} more: {no_notification} finalized without a notification, {reported_failed_then_finalized} reported failed and finalized anyway",
			chain - watched
		)
	} else {
		format!("UNEXPLAINED difference of {}", chain - watched)
	}
}
