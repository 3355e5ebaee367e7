//! Latency of `doid_verify` under concurrent clients, on a dev node (one validator, loopback).
//!
//! Setup (as `tests/tests/e2e/rpc.rs`): the dev chain with one block per calendar day and the
//! Beijing exchange's notice shortened to one working day; Eve (data supplier) registers a data
//! resource, Alice accepts it, Ferdie (service agency) reviews it, and the chain issues its
//! certificate. Then, for each phase, `RPC_CLIENTS` clients (async tasks on a two-worker tokio
//! runtime, each with its own HTTP client and connection) call `doid_verify` back to back for
//! `RPC_SECS` seconds; every latency is recorded. Phases: one client (baseline), the
//! certificate's DOID back to back (happy path), an unknown DOID back to back (error path: "no
//! certificate"), a different unknown DOID on every call (the node's answer cache never hits:
//! the cost of a runtime call), and the certificate's DOID paced at `RPC_PACED_RATE` calls/s per
//! client (a fixed offered load below saturation). Each phase also prints the CPU the node and the
//! benchmark process used.
//!
//! Run (after `cargo build --release --locked --workspace --examples`):
//! `$CARGO_TARGET_DIR/release/examples/rpc_latency`
//!
//! Environment (optional): `RPC_CLIENTS` (default 50), `RPC_SECS` (default 30),
//! `RPC_PACED_RATE` (default 20),
//! `RPC_NODE_ARGS` (extra node arguments), `DOID_NODE_BIN` (node binary).

use doid_e2e::{flows::*, *};
use doid_primitives::{ElementKind, SubjectRole};
use jsonrpsee::{core::client::ClientT, http_client::HttpClientBuilder, rpc_params};
use serde_json::{json, Value};
use sp_core::sr25519;
use sp_keyring::Sr25519Keyring::{Alice, Eve, Ferdie};
use std::time::{Duration, Instant};

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
	std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
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

/// User + system CPU jiffies (1/100 s) of the process whose `/proc/<pid>` is `dir`.
fn jiffies_of(dir: &std::path::Path) -> u64 {
	let stat = std::fs::read_to_string(dir.join("stat")).unwrap_or_default();
	let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
	// After the command come state (field 3), ppid (4), ...; utime and stime are fields 14, 15.
	let f: Vec<u64> = after.split_whitespace().map(|x| x.parse().unwrap_or(0)).collect();
	f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0)
}

/// `/proc/<pid>` of the node whose command line holds its base path.
fn node_proc(node: &Node) -> Option<std::path::PathBuf> {
	let base = node.base_path.to_string_lossy().to_string();
	std::fs::read_dir("/proc").ok()?.flatten().map(|e| e.path()).find(|path| {
		let cmd = std::fs::read(path.join("cmdline")).unwrap_or_default();
		String::from_utf8_lossy(&cmd).contains(&base)
	})
}

/// Issue one certificate on the dev chain (Alice operates BJ there); returns its DOID.
fn issue_certificate(rpc: &Rpc) -> String {
	let (eve, ferdie) = (Eve.pair(), Ferdie.pair());
	let subjects: Vec<(&sr25519::Pair, &str, &[SubjectRole])> = vec![
		(&eve, "91110108551385082Q", &[SubjectRole::DataSupplier]),
		(&ferdie, "91110000100011743X", &[SubjectRole::ServiceAgency]),
	];
	let ids = verified_subjects_by(rpc, &Alice.pair(), &subjects);
	let app = application(ElementKind::DataResource, "北京市公交刷卡数据", 1, &[]);
	let id = submit_application(rpc, &eve, app).expect("submitted");
	let certificate = certify_by(rpc, &Alice.pair(), &[id], ids[1], &ferdie)[0].1;
	// The first data resource (kind arc 1) of BJ (arc 2) under the root 2.999.
	let doid = "2.999.2.2.1.1".to_string();
	let record = rpc.json("doid_certificate", json!([doid])).expect("certificate by DOID");
	assert_eq!(record["id"], json!(certificate), "{record}");
	doid
}

/// Latencies (µs) and outcome counts of one phase.
struct Phase {
	latencies: Vec<u64>,
	ok: u64,
	errors: u64,
	unexpected: Vec<String>,
	elapsed: Duration,
}

/// `clients` tasks, each with its own HTTP client, calling `doid_verify(id)` for `secs`, back to
/// back or (`pace`) once per period each; `expect_ok` says whether a result or an error is the
/// expected answer.
async fn run_phase(
	port: u16,
	clients: usize,
	secs: u64,
	id: String,
	expect_ok: bool,
	pace: Option<Duration>,
) -> Phase {
	let start = Instant::now();
	let deadline = start + Duration::from_secs(secs);
	let tasks: Vec<_> = (0..clients)
		.map(|client_index| {
			let id = id.clone();
			tokio::spawn(async move {
				let client = HttpClientBuilder::default()
					.request_timeout(Duration::from_secs(20))
					.build(format!("http://127.0.0.1:{port}"))
					.expect("http client");
				let (mut latencies, mut ok, mut errors, mut unexpected) =
					(Vec::new(), 0u64, 0u64, Vec::new());
				// Paced clients are spread evenly over the period (not all at once).
				let mut ticks = pace.map(|period| {
					let offset = period * client_index as u32 / clients as u32;
					let mut ticks =
						tokio::time::interval_at(tokio::time::Instant::now() + offset, period);
					ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
					ticks
				});
				while Instant::now() < deadline {
					if let Some(ticks) = ticks.as_mut() {
						ticks.tick().await;
					}
					// `{n}` in the id: a reference never asked before (the node's answer
					// cache misses).
					let asked = id.replace(
						"{n}",
						&(1_000_000 * (client_index + 1) + latencies.len()).to_string(),
					);
					let t = Instant::now();
					let answer: Result<Value, _> =
						client.request("doid_verify", rpc_params![asked]).await;
					latencies.push(t.elapsed().as_micros() as u64);
					match answer {
						Ok(v) if expect_ok && v["doid"] == json!(id) => ok += 1,
						Err(e) if !expect_ok && e.to_string().contains("no certificate") => {
							errors += 1
						}
						other => {
							if unexpected.len() < 3 {
								unexpected.push(format!("{other:?}"));
							}
						}
					}
				}
				(latencies, ok, errors, unexpected)
			})
		})
		.collect();
	let mut phase = Phase {
		latencies: Vec::new(),
		ok: 0,
		errors: 0,
		unexpected: Vec::new(),
		elapsed: start.elapsed(),
	};
	for task in tasks {
		let (latencies, ok, errors, unexpected) = task.await.expect("client task");
		phase.latencies.extend(latencies);
		phase.ok += ok;
		phase.errors += errors;
		phase.unexpected.extend(unexpected);
	}
	phase.elapsed = start.elapsed();
	phase
}

fn report(name: &str, clients: usize, mut phase: Phase, cpu: (f64, f64)) {
	phase.latencies.sort_unstable();
	let n = phase.latencies.len();
	let pct = |p: f64| {
		let i = ((n as f64 * p).ceil() as usize).clamp(1, n.max(1)) - 1;
		phase.latencies.get(i).copied().unwrap_or(0) as f64 / 1000.0
	};
	let mean = phase.latencies.iter().sum::<u64>() as f64 / n.max(1) as f64 / 1000.0;
	println!("== doid_verify, {name}, {clients} clients ==");
	println!(
		"calls       {n} ({} expected results, {} expected errors, {} unexpected)",
		phase.ok,
		phase.errors,
		n as u64 - phase.ok - phase.errors
	);
	println!("duration    {:.1} s", phase.elapsed.as_secs_f64());
	println!("throughput  {:.0} calls/s", n as f64 / phase.elapsed.as_secs_f64());
	println!(
		"latency ms  p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}  mean {:.2}   [target p99 <= 10 ms]",
		pct(0.50),
		pct(0.90),
		pct(0.99),
		phase.latencies.last().copied().unwrap_or(0) as f64 / 1000.0,
		mean
	);
	println!(
		"CPU         node {:.2} cores, benchmark client {:.2} cores (of {})",
		cpu.0,
		cpu.1,
		std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0)
	);
	for u in &phase.unexpected {
		println!("unexpected: {u}");
	}
	println!();
}

fn main() {
	let clients = env("RPC_CLIENTS", 50usize).max(1);
	let secs = env("RPC_SECS", 30u64).max(1);
	let node_args: Vec<String> = std::env::var("RPC_NODE_ARGS")
		.unwrap_or_default()
		.split_whitespace()
		.map(String::from)
		.collect();
	println!("rpc_latency: {clients} clients, {secs} s per phase, node args {node_args:?}");
	println!("machine: {}", machine_note());
	let started = Instant::now();
	let spec = patched_chain_spec("dev", "rpc-latency", |genesis| {
		genesis["calendar"]["dayLengthMs"] = json!(6_000);
		genesis["calendar"]["startDate"] = json!("2026-03-02");
		genesis["registries"]["registries"][1]["rules"]["noticeWd"] = json!(1);
	});
	let node = Node::start(NodeSpec {
		extra_args: node_args,
		..NodeSpec::validator(spec.to_str().expect("utf-8 path"), "alice")
	});
	let rpc = node.rpc();
	rpc.wait_ready(MINUTE).expect("RPC up");
	wait_for(MINUTE, "block 1", || (rpc.best_number().ok()? >= 1).then_some(()));
	let doid = issue_certificate(&rpc);
	let sample = rpc.json("doid_verify", json!([doid])).expect("doid_verify");
	println!(
		"certificate {doid} issued after {:.0} s; doid_verify answers {sample}",
		started.elapsed().as_secs_f64()
	);
	println!();

	let runtime = tokio::runtime::Builder::new_multi_thread()
		.worker_threads(2)
		.enable_all()
		.build()
		.expect("tokio runtime");
	let port = node.rpc_port;
	let node_dir = node_proc(&node);
	let self_dir = std::path::PathBuf::from("/proc/self");
	// One phase, with the CPU the node and this process used during it (in cores).
	let measure = |clients: usize, secs: u64, id: &str, ok: bool, pace: Option<Duration>| {
		let n0 = node_dir.as_deref().map_or(0, jiffies_of);
		let c0 = jiffies_of(&self_dir);
		let phase = runtime.block_on(run_phase(port, clients, secs, id.into(), ok, pace));
		let wall = phase.elapsed.as_secs_f64() * 100.0;
		let n1 = node_dir.as_deref().map_or(0, jiffies_of);
		let c1 = jiffies_of(&self_dir);
		(phase, ((n1 - n0) as f64 / wall, (c1 - c0) as f64 / wall))
	};
	// Warm-up (not recorded): connections, runtime instances, state cache.
	measure(clients, 2, &doid, true, None);
	let (phase, cpu) = measure(1, secs.min(10), &doid, true, None);
	report("valid DOID (baseline)", 1, phase, cpu);
	let (phase, cpu) = measure(clients, secs, &doid, true, None);
	report("valid DOID, back to back", clients, phase, cpu);
	let (phase, cpu) = measure(clients, secs, "2.999.2.2.1.99", false, None);
	report("unknown DOID 2.999.2.2.1.99 (error path), back to back", clients, phase, cpu);
	let (phase, cpu) = measure(clients, secs, "2.999.2.2.1.{n}", false, None);
	report(
		"a different unknown DOID every call (answer cache always misses), back to back",
		clients,
		phase,
		cpu,
	);
	let per_client = env("RPC_PACED_RATE", 20u64).max(1);
	let (phase, cpu) =
		measure(clients, secs, &doid, true, Some(Duration::from_micros(1_000_000 / per_client)));
	report(
		&format!(
			"valid DOID, paced: {per_client} calls/s per client ({} calls/s offered)",
			per_client * clients as u64
		),
		clients,
		phase,
		cpu,
	);
	println!("node still running: best #{}", rpc.best_number().unwrap_or(0));
	println!("machine at the end: {} (1 of them ours)", machine_note());
	println!("total run time {:.0} s", started.elapsed().as_secs_f64());
	drop(node);
}
