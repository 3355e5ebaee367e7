//! The online commands against a real chain (`dev`, one validator; or `local`, four validators,
//! with DOID_LIVE_CHAIN=local): a subject is registered and
//! verified (with subxt, as the registry would), then `doid anchor` anchors a file, `doid lookup`
//! finds it, `doid bundle` fetches its proof bundle and `doid verify-bundle` checks it offline
//! against the raw chain spec exported by the node; plus the query commands.
//!
//! Ignored by default (needs a built node): run with
//!
//! `DOID_NODE_BIN=/path/to/doid-node cargo test --release -p doid-cli --test live_node -- --ignored --nocapture`

mod common;

use common::{code, doid, stderr, stdout};
use std::{
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};
use subxt::{
	dynamic::Value,
	ext::{codec::Decode, scale_value::Composite},
	OnlineClient, PolkadotConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// The Beijing registry of the presets.
const BJ: u128 = 2;

/// The node process; its base path is deleted after it is killed.
struct Node {
	child: Child,
	_base: tempfile::TempDir,
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

fn free_port() -> u16 {
	std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The libp2p peer id of the node whose RPC is on `port` (waits until it answers).
fn wait_peer_id(port: u16, dir: &tempfile::TempDir) -> String {
	let start = Instant::now();
	loop {
		let out = doid_rpc(port, "system_localPeerId");
		if let Some(id) = out {
			return id;
		}
		assert!(
			start.elapsed() < Duration::from_secs(90),
			"node did not come up:\n{}",
			std::fs::read_to_string(dir.path().join("alice.log")).unwrap_or_default()
		);
		std::thread::sleep(Duration::from_millis(500));
	}
}

/// A string-valued JSON-RPC call without parameters (`None` if not answered).
fn doid_rpc(port: u16, method: &str) -> Option<String> {
	use jsonrpsee::core::client::ClientT;
	let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
	runtime.block_on(async {
		let client = jsonrpsee::http_client::HttpClientBuilder::default()
			.build(format!("http://127.0.0.1:{port}"))
			.ok()?;
		client.request::<String, _>(method, jsonrpsee::rpc_params![]).await.ok()
	})
}

fn key(uri: &str) -> Keypair {
	Keypair::from_uri(&uri.parse::<SecretUri>().unwrap()).unwrap()
}

/// Submits `pallet::call(data)` signed by `signer`, waits for finality and returns the fields of
/// the first `pallet::event` event.
async fn submit(
	client: &OnlineClient<PolkadotConfig>,
	signer: &Keypair,
	pallet: &str,
	call: &str,
	data: Composite<()>,
	event: &str,
) -> Vec<u8> {
	let tx = subxt::dynamic::tx(pallet, call, data);
	let events = client
		.at_current_block()
		.await
		.unwrap()
		.transactions()
		.sign_and_submit_then_watch_default(&tx, signer)
		.await
		.unwrap()
		.wait_for_finalized_success()
		.await
		.unwrap_or_else(|e| panic!("{pallet}::{call}: {e}"));
	for e in events.iter() {
		let e = e.unwrap();
		if e.pallet_name() == pallet && e.event_name() == event {
			return e.field_bytes().to_vec();
		}
	}
	panic!("no {pallet}.{event} event");
}

#[test]
#[ignore = "needs a doid-node binary in DOID_NODE_BIN"]
fn anchor_lookup_bundle_verify_on_a_live_chain() {
	let node_bin = std::env::var("DOID_NODE_BIN").expect("set DOID_NODE_BIN to a doid-node binary");
	let dir = tempfile::tempdir().unwrap();
	let chain = std::env::var("DOID_LIVE_CHAIN").unwrap_or_else(|_| "dev".to_string());
	let spec = dir.path().join(format!("{chain}.raw.json"));
	let out = Command::new(&node_bin)
		.args(["build-spec", "--chain", chain.as_str(), "--raw"])
		.stderr(Stdio::null())
		.output()
		.unwrap();
	assert!(out.status.success());
	std::fs::write(&spec, &out.stdout).unwrap();

	// `dev`: Alice validates alone; `local`: the four exchanges (DOID_LIVE_CHAIN=local).
	let rpc_port = free_port();
	let mut nodes = Vec::new();
	let mut bootnode: Option<String> = None;
	let validators: &[&str] =
		if chain == "local" { &["alice", "bob", "charlie", "dave"] } else { &["alice"] };
	for name in validators {
		let p2p_port = free_port();
		let node_rpc = if *name == "alice" { rpc_port } else { free_port() };
		let base = tempfile::tempdir().unwrap();
		let log = std::fs::File::create(dir.path().join(format!("{name}.log"))).unwrap();
		let mut cmd = Command::new(&node_bin);
		cmd.args(["--chain", chain.as_str(), &format!("--{name}"), "--validator", "--base-path"])
			.arg(base.path())
			.args(["--rpc-port", &node_rpc.to_string()])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{p2p_port}")])
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns", "--allow-private-ip"])
			.arg("--unsafe-force-node-key-generation");
		if let Some(b) = &bootnode {
			cmd.args(["--bootnodes", b]);
		}
		let child = cmd.stdout(Stdio::null()).stderr(log).spawn().unwrap();
		nodes.push(Node { child, _base: base });
		if *name == "alice" && validators.len() > 1 {
			let peer = wait_peer_id(node_rpc, &dir);
			bootnode = Some(format!("/ip4/127.0.0.1/tcp/{p2p_port}/p2p/{peer}"));
		}
	}
	let url = format!("http://127.0.0.1:{rpc_port}");
	let ws = format!("ws://127.0.0.1:{rpc_port}");

	let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
	let client = runtime.block_on(async {
		let start = Instant::now();
		loop {
			match OnlineClient::<PolkadotConfig>::from_insecure_url(&ws).await {
				Ok(c) => break c,
				Err(e) if start.elapsed() < Duration::from_secs(90) => {
					let _ = e;
					tokio::time::sleep(Duration::from_millis(500)).await;
				}
				Err(e) => panic!(
					"node did not come up: {e}\n{}",
					std::fs::read_to_string(dir.path().join("alice.log")).unwrap_or_default()
				),
			}
		}
	});

	// Eve registers an organisation in BJ; the registry's administrator (Alice on `dev`, Bob on
	// `local`) verifies it as a data supplier.
	let admin = if chain == "local" { "//Bob" } else { "//Alice" };
	let uscc = doid_primitives::Uscc::synthetic(4242);
	let subject = runtime.block_on(async {
		let register = Composite::named([
			("registry".to_string(), Value::u128(BJ)),
			(
				"identity".to_string(),
				Value::named_variant(
					"Organisation",
					[
						("uscc", Value::from_bytes(uscc.as_bytes())),
						("name", Value::from_bytes("北京测试数据科技有限公司".as_bytes())),
					],
				),
			),
			("contact_digest".to_string(), Value::from_bytes([9u8; 32])),
		]);
		let fields = submit(
			&client,
			&key("//Eve"),
			"Subjects",
			"register_subject",
			register,
			"SubjectRegistered",
		)
		.await;
		let subject = u64::decode(&mut &fields[..]).unwrap();
		let verify = Composite::named([
			("subject".to_string(), Value::u128(u128::from(subject))),
			(
				"roles".to_string(),
				Value::unnamed_composite([Value::u128(u128::from(
					doid_primitives::SubjectRole::DataSupplier.bit(),
				))]),
			),
		]);
		submit(&client, &key(admin), "Subjects", "verify_subject", verify, "SubjectVerified").await;
		subject
	});
	drop(client);
	drop(runtime);
	let _keep_running = &nodes;

	// doid anchor (key from DOID_SURI), twice: the second is a later anchoring.
	let file = dir.path().join("contract.txt");
	std::fs::write(&file, "Contract No. 2026-0042, signed copy").unwrap();
	let anchor = |kind: &str| {
		doid()
			.env("DOID_SURI", "//Eve")
			.args(["--url", &url, "anchor", file.to_str().unwrap(), "--kind", kind])
			.args(["--related-doid", "2.999.2.1.1.7"])
			.output()
			.unwrap()
	};
	let out = anchor("contract");
	assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
	let text = stdout(&out);
	println!("{text}");
	assert!(text.contains("its first anchoring"), "{text}");
	assert!(text.contains(&format!("by subject {subject}")), "{text}");
	assert!(!stderr(&out).contains("Eve"));
	let out = doid()
		.env("DOID_SURI", "//Eve")
		.args(["--json", "--url", &url, "anchor", file.to_str().unwrap(), "--kind", "other"])
		.output()
		.unwrap();
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	let second: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
	assert_eq!(second["sequence"], 1);

	// An unverified account is refused by the chain: exit 1 with the pallet's error.
	let out = doid()
		.env("DOID_SURI", "//Ferdie")
		.args(["--url", &url, "anchor", file.to_str().unwrap()])
		.output()
		.unwrap();
	assert_eq!(code(&out), 1, "{}", stderr(&out));
	assert!(stderr(&out).contains("NotVerified"), "{}", stderr(&out));

	// --print-call: the call data without signing.
	let out = doid()
		.args(["--url", &url, "anchor", file.to_str().unwrap(), "--print-call"])
		.output()
		.unwrap();
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	assert!(stdout(&out).starts_with("Evidence.anchor call data: 0x"), "{}", stdout(&out));

	// doid lookup FILE.
	let out = doid().args(["--url", &url, "lookup", file.to_str().unwrap()]).output().unwrap();
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	let text = stdout(&out);
	println!("{text}");
	assert!(text.contains("anchored 2 time(s)"), "{text}");
	assert!(text.contains("First anchoring (首次存证)"), "{text}");
	assert!(text.contains("Contract (合同)"), "{text}");
	assert!(text.contains("related DOID: 2.999.2.1.1.7"), "{text}");
	let out = doid()
		.args(["--url", &url, "lookup", &format!("sm3:{}", "ab".repeat(32))])
		.output()
		.unwrap();
	assert_eq!(code(&out), 1, "{}", stderr(&out));
	assert!(stderr(&out).contains("not found"), "{}", stderr(&out));

	// doid bundle (retried while not provable yet), then verify-bundle offline.
	let bundle = dir.path().join("bundle.json");
	let start = Instant::now();
	loop {
		let out = doid()
			.args(["--url", &url, "bundle", file.to_str().unwrap(), "-o", bundle.to_str().unwrap()])
			.output()
			.unwrap();
		if code(&out) == 0 {
			println!("{}", stdout(&out));
			break;
		}
		// "not provable yet" (4009) until a justification covers the block; on a fresh chain
		// the node also refuses (5000) until GRANDPA recorded its first authority set.
		println!("bundle not ready after {:?}: {}", start.elapsed(), stderr(&out).trim());
		assert!(start.elapsed() < Duration::from_secs(240), "no bundle: {}", stderr(&out));
		std::thread::sleep(Duration::from_secs(3));
	}
	let out = doid()
		.args(["verify-bundle", bundle.to_str().unwrap(), "--chain-spec", spec.to_str().unwrap()])
		.args(["--file", file.to_str().unwrap()])
		.output()
		.unwrap();
	let text = stdout(&out);
	println!("{text}");
	assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
	assert!(text.starts_with("VALID"), "{text}");
	assert!(text.contains("hashes to the digest"), "{text}");
	std::fs::write(&file, "Contract No. 2026-0042, altered").unwrap();
	let out = doid()
		.args(["verify-bundle", bundle.to_str().unwrap(), "--chain-spec", spec.to_str().unwrap()])
		.args(["--file", file.to_str().unwrap()])
		.output()
		.unwrap();
	assert_eq!(code(&out), 1);

	// Queries.
	let out = doid().args(["--url", &url, "subject", uscc.as_str()]).output().unwrap();
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	println!("{}", stdout(&out));
	assert!(stdout(&out).contains("Verified (已核验)"), "{}", stdout(&out));
	assert!(stdout(&out).contains("DataSupplier (数据供方)"), "{}", stdout(&out));
	let out = doid().args(["--url", &url, "certificate", "2.999.2.1.1.7"]).output().unwrap();
	assert_eq!(code(&out), 1, "{}", stderr(&out));
	let out = doid().args(["--url", &url, "application", "999"]).output().unwrap();
	assert_eq!(code(&out), 1, "{}", stderr(&out));
	let out = doid().args(["--url", &url, "objection", "999"]).output().unwrap();
	assert_eq!(code(&out), 1, "{}", stderr(&out));
	assert!(stderr(&out).contains("not found"), "{}", stderr(&out));
	let out = doid().args(["--url", &url, "notices"]).output().unwrap();
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	let out =
		doid().args(["--url", &url, "working-days", "2026-02-13", "2026-02-24"]).output().unwrap();
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	println!("{}", stdout(&out));
	assert!(stdout(&out).contains("working days"), "{}", stdout(&out));
}
