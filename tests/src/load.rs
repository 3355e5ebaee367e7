//! Shared pieces of the load and fault scripts (`tests/examples/`): funded sender accounts and
//! steady background anchoring.

use crate::{flows::MINUTE, *};
use doid_primitives::{Digest, DigestAlgorithm};
use doid_runtime::{AccountId, RuntimeCall, RuntimeEvent};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring;
use std::{
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering::SeqCst},
		Arc,
	},
	thread::JoinHandle,
	time::Duration,
};

/// The sender accounts: pre-funded keyring accounts first, then `//load{i}` (funded here).
pub fn funded_senders(rpc: &Rpc, count: usize) -> Vec<sr25519::Pair> {
	use Sr25519Keyring::*;
	let endowed = [AliceStash, BobStash, CharlieStash, DaveStash, EveStash, FerdieStash, One, Two];
	let mut pairs: Vec<sr25519::Pair> = endowed.iter().take(count).map(|k| k.pair()).collect();
	let extra: Vec<sr25519::Pair> = (pairs.len()..count)
		.map(|i| sr25519::Pair::from_string(&format!("//load{i}"), None).expect("derived key"))
		.collect();
	if !extra.is_empty() {
		let alice = Alice.pair();
		let first: u32 = rpc
			.call("system_accountNextIndex", serde_json::json!([Alice.to_account_id().to_string()]))
			.expect("Alice's nonce");
		let start = rpc.best_number().expect("best block");
		// Alice is endowed with 1 000 000 units: 10 000 each, or a share of 900 000.
		let value = (900_000 / extra.len() as u128).min(10_000) * doid_runtime::UNIT;
		for (nonce, p) in (first..).zip(&extra) {
			let call = RuntimeCall::Balances(doid_runtime::BalancesCall::transfer_keep_alive {
				dest: sp_runtime::MultiAddress::Id(AccountId::from(p.public())),
				value,
			});
			rpc.submit_with_nonce(call, &alice, nonce).expect("funding transfer accepted");
		}
		rpc.collect(start + 1, extra.len(), 2 * MINUTE, |e| match e {
			RuntimeEvent::System(frame_system::Event::NewAccount { .. }) => Some(()),
			_ => None,
		})
		.expect("derived senders funded");
		pairs.extend(extra);
	}
	pairs
}

/// An `Evidence::anchor` of a BLAKE3 digest with no related certificate.
pub fn anchor_call(digest: Digest) -> RuntimeCall {
	RuntimeCall::Evidence(pallet_evidence::Call::anchor {
		digest,
		kind: pallet_evidence::EvidenceKind::TransactionLog,
		related_doid: None,
		metadata_digest: None,
	})
}

/// Anchors submitted in the background, one sender after the other, until stopped.
pub struct SteadyAnchors {
	stop: Arc<AtomicBool>,
	/// Submissions the pool accepted.
	pub accepted: Arc<AtomicU64>,
	/// Submissions refused (pool errors, transport errors while a node restarts).
	pub refused: Arc<AtomicU64>,
	thread: Option<JoinHandle<()>>,
}

impl SteadyAnchors {
	/// Submit an anchor of a fresh digest every `pause` through the node at `port`, signed by
	/// each of `senders` in turn (verified subjects' accounts).
	pub fn start(port: u16, senders: Vec<sr25519::Pair>, pause: Duration) -> Self {
		let stop = Arc::new(AtomicBool::new(false));
		let (accepted, refused) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
		let (s, a, r) = (stop.clone(), accepted.clone(), refused.clone());
		let thread = std::thread::spawn(move || {
			let rpc = Rpc::new(port);
			let mut n = 0u64;
			while !s.load(SeqCst) {
				let sender = &senders[(n % senders.len() as u64) as usize];
				let digest = Digest {
					algorithm: DigestAlgorithm::Blake3,
					value: *blake3::hash(&n.to_le_bytes()).as_bytes(),
				};
				match rpc.submit(anchor_call(digest), sender) {
					Ok(_) => a.fetch_add(1, SeqCst),
					Err(_) => r.fetch_add(1, SeqCst),
				};
				n += 1;
				std::thread::sleep(pause);
			}
		});
		SteadyAnchors { stop, accepted, refused, thread: Some(thread) }
	}

	/// Stop submitting and wait for the thread.
	pub fn stop(&mut self) {
		self.stop.store(true, SeqCst);
		if let Some(t) = self.thread.take() {
			let _ = t.join();
		}
	}
}

impl Drop for SteadyAnchors {
	fn drop(&mut self) {
		self.stop();
	}
}

/// `/proc/<pid>` of the node process whose command line holds its base path.
pub fn node_proc_dir(node: &Node) -> Option<std::path::PathBuf> {
	let base = node.base_path.to_string_lossy().to_string();
	std::fs::read_dir("/proc").ok()?.flatten().map(|e| e.path()).find(|path| {
		let cmdline = std::fs::read(path.join("cmdline")).unwrap_or_default();
		String::from_utf8_lossy(&cmdline).contains(&base)
	})
}

/// Resident set size (KiB) of the process at `/proc/<pid>` `dir` (0 once it is gone).
pub fn rss_kib(dir: &std::path::Path) -> u64 {
	let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
	status
		.lines()
		.find_map(|l| l.strip_prefix("VmRSS:"))
		.and_then(|v| v.split_whitespace().next()?.parse().ok())
		.unwrap_or(0)
}

/// Nonce of `account` in the state at `at` (first field of `AccountInfo`).
pub fn nonce_at(rpc: &Rpc, account: &AccountId, at: sp_core::H256) -> u32 {
	use codec::Encode;
	let encoded = account.encode();
	let key =
		[value_key("System", "Account"), sp_io::hashing::blake2_128(&encoded).to_vec(), encoded]
			.concat();
	rpc.storage::<u32>(&key, Some(at)).expect("account storage").unwrap_or(0)
}

/// Number and hash of the node's last finalized block.
pub fn finalized_head(rpc: &Rpc) -> (u32, sp_core::H256) {
	let (number, hash) = rpc.finalized_head().expect("finalized head");
	(number, sp_core::H256::from_slice(&from_hex(&hash).expect("hex hash")))
}

/// The environment variable `name` parsed, or `default` when unset or unparsable.
pub fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
	std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

/// A Prometheus histogram read from a node's `/metrics` page.
#[derive(Debug, Default)]
pub struct Histogram {
	/// Cumulative counts per upper bound (seconds), in increasing order of the bound.
	pub buckets: Vec<(f64, u64)>,
	/// Sum of the observed values (seconds).
	pub sum: f64,
	/// Number of observations.
	pub count: u64,
}

impl Histogram {
	/// The smallest bucket bound at or below which a share `q` (0..=1) of the observations lie
	/// (`f64::INFINITY` if only the `+Inf` bucket holds them).
	pub fn quantile_bound(&self, q: f64) -> f64 {
		let wanted = (q * self.count as f64).ceil() as u64;
		self.buckets
			.iter()
			.find(|(_, cumulative)| *cumulative >= wanted)
			.map_or(f64::INFINITY, |(bound, _)| *bound)
	}

	/// Mean observation in seconds (0 without observations).
	pub fn mean(&self) -> f64 {
		if self.count == 0 {
			0.0
		} else {
			self.sum / self.count as f64
		}
	}
}

/// The histogram `name` (without labels) on the Prometheus endpoint at `127.0.0.1:port`, or
/// `None` if the page cannot be read or has no such histogram.
pub fn prometheus_histogram(port: u16, name: &str) -> Option<Histogram> {
	use std::io::{Read, Write};
	let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
	stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
	write!(stream, "GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
	let mut page = String::new();
	stream.read_to_string(&mut page).ok()?;
	parse_histogram(&page, name)
}

/// The histogram `name` in a Prometheus text page.
pub fn parse_histogram(page: &str, name: &str) -> Option<Histogram> {
	let mut histogram = Histogram::default();
	let value = |line: &str| line.rsplit(' ').next().and_then(|v| v.parse::<f64>().ok());
	for line in page.lines().filter(|l| l.starts_with(name)) {
		let rest = &line[name.len()..];
		if let Some(bucket) = rest.strip_prefix("_bucket{") {
			let bound = bucket.split("le=\"").nth(1)?.split('"').next()?;
			let bound = if bound == "+Inf" { f64::INFINITY } else { bound.parse().ok()? };
			histogram.buckets.push((bound, value(line)? as u64));
		} else if rest.starts_with("_sum") {
			histogram.sum = value(line)?;
		} else if rest.starts_with("_count") {
			histogram.count = value(line)? as u64;
		}
	}
	(!histogram.buckets.is_empty()).then_some(histogram)
}

/// The four validators of `local`, each started with `extra` arguments and its own Prometheus
/// port on loopback, connected via Alice; returns them with their Prometheus ports.
pub fn start_local_chain(extra: &[String]) -> (Vec<Node>, [u16; 4]) {
	let metrics = free_ports::<4>();
	let nodes = start_validators_with("local", |i| {
		let mut args = extra.to_vec();
		args.extend(["--prometheus-port".to_string(), metrics[i].to_string()]);
		args
	});
	(nodes, metrics)
}

/// How long each validator took to verify and import the blocks it received, to build the
/// blocks it authored and to maintain its pool (new blocks, finality), from the nodes'
/// Prometheus histograms (bucket bounds, so "≤").
pub fn report_block_times(nodes: &[Node], metrics: &[u16]) {
	println!();
	println!("block times per validator (Prometheus histograms; p99 and max are bucket bounds)");
	let show = |h: Option<Histogram>, what: &str| match h {
		Some(h) if h.count > 0 => format!(
			"{} {what}, mean {:.0} ms, p99 <= {:.0} ms, max <= {:.0} ms",
			h.count,
			h.mean() * 1e3,
			h.quantile_bound(0.99) * 1e3,
			h.quantile_bound(1.0) * 1e3
		),
		_ => "none".into(),
	};
	for (node, port) in nodes.iter().zip(metrics) {
		let import = prometheus_histogram(*port, "substrate_block_verification_and_import_time");
		let built = prometheus_histogram(*port, "substrate_proposer_block_constructed");
		let maintained =
			prometheus_histogram(*port, "substrate_sub_txpool_maintain_duration_seconds");
		println!(
			"  {:8} import: {}; authored: {}",
			node.spec.name,
			show(import, "blocks"),
			show(built, "blocks")
		);
		println!("  {:8} pool maintenance (submissions wait): {}", "", show(maintained, "events"));
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_prometheus_histogram_is_parsed_and_its_quantiles_bounded() {
		let page = "# HELP x_time Time\n# TYPE x_time histogram\n\
			x_time_bucket{le=\"0.1\"} 2\nx_time_bucket{le=\"0.5\"} 9\n\
			x_time_bucket{chain=\"local\",le=\"1\"} 10\nx_time_bucket{le=\"+Inf\"} 10\n\
			x_time_sum 2.5\nx_time_count 10\nx_time_other 7\n";
		let h = parse_histogram(page, "x_time").expect("histogram");
		assert_eq!(h.buckets.len(), 4);
		assert_eq!((h.count, h.sum), (10, 2.5));
		assert_eq!(h.quantile_bound(0.5), 0.5);
		assert_eq!(h.quantile_bound(0.99), 1.0);
		assert_eq!(h.quantile_bound(0.2), 0.1);
		assert!((h.mean() - 0.25).abs() < 1e-9);
		assert!(parse_histogram(page, "y_time").is_none());
	}
}
