//! Starting and stopping `doid-node` processes.

use std::{
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	sync::atomic::{AtomicU32, Ordering},
	time::{Duration, Instant},
};

use crate::rpc::Rpc;

/// Path of the `doid-node` binary under test.
pub fn node_binary() -> PathBuf {
	if let Ok(path) = std::env::var("DOID_NODE_BIN") {
		return PathBuf::from(path);
	}
	// The test executable lives in `<target>/<profile>/deps/`; the node in `<target>/<profile>/`.
	let exe = std::env::current_exe().expect("current test executable");
	let profile_dir = exe.parent().and_then(Path::parent).expect("target profile directory");
	let candidate = profile_dir.join("doid-node");
	assert!(
		candidate.exists(),
		"doid-node not found at {}: build it first (cargo build --release -p doid-node) or set DOID_NODE_BIN",
		candidate.display()
	);
	candidate
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
	free_ports::<1>()[0]
}

/// `N` distinct free TCP ports on 127.0.0.1: all listeners are held until every port is chosen,
/// so the operating system cannot hand out the same port twice.
pub fn free_ports<const N: usize>() -> [u16; N] {
	let listeners: Vec<TcpListener> = (0..N)
		.map(|_| TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral loopback port"))
		.collect();
	core::array::from_fn(|i| listeners[i].local_addr().expect("local address").port())
}

/// How long a starting node may take to answer its first RPC call.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// How often a node is started before a failure to start fails the test.
const START_ATTEMPTS: u32 = 3;

/// Start failures that are the machine's, not the node's, and go away when the node is started
/// again. wasmtime seals the memory image of the runtime it compiles (`F_ADD_SEALS` on a memfd);
/// Linux answers `EBUSY` when some page of that memfd is still referenced elsewhere after a short
/// wait, which happens rarely on a loaded machine (seen once in CI while four nodes started at the
/// same time). Only this text is retried: any other failure to start fails the test at once.
const TRANSIENT_START_FAILURES: &[&str] = &["cannot add seals to the memfd"];

/// Whether a failed start's log shows one of the [`TRANSIENT_START_FAILURES`].
fn is_transient_start_failure(log: &str) -> bool {
	TRANSIENT_START_FAILURES.iter().any(|text| log.contains(text))
}

static NEXT_DIR: AtomicU32 = AtomicU32::new(0);

/// A fresh temporary directory, removed when the owning [`Node`] is dropped.
pub fn temp_dir(label: &str) -> PathBuf {
	let dir = std::env::temp_dir().join(format!(
		"doid-e2e-{}-{}-{}",
		std::process::id(),
		NEXT_DIR.fetch_add(1, Ordering::SeqCst),
		label
	));
	std::fs::create_dir_all(&dir).expect("create temporary base path");
	dir
}

/// How to start one node.
#[derive(Clone, Debug)]
pub struct NodeSpec {
	/// Chain spec id or path (`dev`, `local`, a JSON file).
	pub chain: String,
	/// Node name; for validators also the dev key flag (`alice`, `bob`, ..., `one`).
	pub name: String,
	/// Author blocks and vote in GRANDPA.
	pub validator: bool,
	/// Keep all state and blocks (verifier nodes of courts and notaries).
	pub archive: bool,
	/// Multiaddresses of nodes to connect to.
	pub bootnodes: Vec<String>,
	/// Extra command-line arguments.
	pub extra_args: Vec<String>,
}

impl NodeSpec {
	/// A validator of `chain` using the dev key `key` (e.g. `alice`).
	pub fn validator(chain: &str, key: &str) -> Self {
		Self {
			chain: chain.into(),
			name: key.into(),
			validator: true,
			archive: false,
			bootnodes: vec![],
			extra_args: vec![],
		}
	}

	/// A non-validating archive node (a court's or notary's verifier).
	pub fn verifier(chain: &str, name: &str) -> Self {
		Self {
			chain: chain.into(),
			name: name.into(),
			validator: false,
			archive: true,
			bootnodes: vec![],
			extra_args: vec![],
		}
	}

	/// Connect to `bootnode` on start.
	pub fn with_bootnode(mut self, bootnode: &str) -> Self {
		self.bootnodes.push(bootnode.into());
		self
	}
}

/// A running `doid-node` process.
pub struct Node {
	/// How it was started (used to restart it).
	pub spec: NodeSpec,
	/// JSON-RPC port on 127.0.0.1.
	pub rpc_port: u16,
	/// libp2p port on 127.0.0.1.
	pub p2p_port: u16,
	/// Base path (database and keystore).
	pub base_path: PathBuf,
	child: Option<Child>,
	peer_id: Option<String>,
	owns_base_path: bool,
}

impl Node {
	/// Start a node with a fresh base path and wait until its RPC answers.
	pub fn start(spec: NodeSpec) -> Node {
		let base_path = temp_dir(&spec.name);
		let [rpc_port, p2p_port] = free_ports::<2>();
		let mut node = Node {
			spec,
			rpc_port,
			p2p_port,
			base_path,
			child: None,
			peer_id: None,
			owns_base_path: true,
		};
		node.spawn();
		node
	}

	fn spawn(&mut self) {
		for attempt in 1..=START_ATTEMPTS {
			match self.spawn_once() {
				Ok(()) => return,
				Err(reason)
					if attempt < START_ATTEMPTS && is_transient_start_failure(&self.log()) =>
				{
					self.kill();
					// Keep the failed attempt's log for whoever reads the test output later.
					let kept = self.base_path.join(format!("node.log.failed-{attempt}"));
					let _ = std::fs::rename(self.base_path.join("node.log"), kept);
					eprintln!(
						"node {} failed to start (attempt {attempt} of {START_ATTEMPTS}, transient): {reason}",
						self.spec.name
					);
				}
				Err(reason) => {
					panic!("node {} did not come up: {reason}\n{}", self.spec.name, self.log_tail())
				}
			}
		}
	}

	/// Start the process once and wait until its RPC answers, the process exits or a minute passes.
	fn spawn_once(&mut self) -> Result<(), String> {
		let log = std::fs::File::create(self.base_path.join("node.log")).expect("node log file");
		let mut cmd = Command::new(node_binary());
		cmd.arg("--chain")
			.arg(&self.spec.chain)
			.arg("--base-path")
			.arg(&self.base_path)
			.arg("--name")
			.arg(&self.spec.name)
			.arg("--listen-addr")
			.arg(format!("/ip4/127.0.0.1/tcp/{}", self.p2p_port))
			.arg("--rpc-port")
			.arg(self.rpc_port.to_string())
			.arg("--rpc-cors")
			.arg("all");
		// Metrics only when asked for (`--prometheus-port` among the extra arguments).
		if !self.spec.extra_args.iter().any(|a| a == "--prometheus-port") {
			cmd.arg("--no-prometheus");
		}
		cmd.arg("--no-telemetry")
			.arg("--no-mdns")
			.arg("--allow-private-ip")
			.arg("--unsafe-force-node-key-generation");
		if self.spec.validator {
			cmd.arg("--validator").arg(format!("--{}", self.spec.name));
		}
		if self.spec.archive {
			cmd.arg("--state-pruning").arg("archive").arg("--blocks-pruning").arg("archive");
		}
		for bootnode in &self.spec.bootnodes {
			cmd.arg("--bootnodes").arg(bootnode);
		}
		cmd.args(&self.spec.extra_args);
		cmd.stdout(Stdio::null()).stderr(log);
		self.child = Some(cmd.spawn().expect("spawn doid-node"));
		let rpc = self.rpc();
		let deadline = Instant::now() + START_TIMEOUT;
		loop {
			if rpc.wait_ready(Duration::ZERO).is_ok() {
				return Ok(());
			}
			if !self.is_running() {
				self.kill();
				return Err("the process exited before its RPC answered".into());
			}
			if Instant::now() > deadline {
				return Err(format!("its RPC did not answer within {START_TIMEOUT:?}"));
			}
			std::thread::sleep(Duration::from_millis(300));
		}
	}

	/// A JSON-RPC client for this node.
	pub fn rpc(&self) -> Rpc {
		Rpc::new(self.rpc_port)
	}

	/// `/ip4/127.0.0.1/tcp/<port>/p2p/<peer id>` of this node.
	pub fn multiaddr(&mut self) -> String {
		if self.peer_id.is_none() {
			let id: String =
				self.rpc().call("system_localPeerId", serde_json::json!([])).expect("peer id");
			self.peer_id = Some(id);
		}
		format!(
			"/ip4/127.0.0.1/tcp/{}/p2p/{}",
			self.p2p_port,
			self.peer_id.as_deref().unwrap_or("")
		)
	}

	/// Kill the process (SIGKILL), keeping its database.
	pub fn kill(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// Start the process again on the same ports and database.
	pub fn restart(&mut self) {
		self.kill();
		self.spawn();
	}

	/// Whether the process is still running.
	pub fn is_running(&mut self) -> bool {
		match self.child.as_mut() {
			Some(child) => matches!(child.try_wait(), Ok(None)),
			None => false,
		}
	}

	/// The node's whole log so far (stderr).
	pub fn log(&self) -> String {
		std::fs::read_to_string(self.base_path.join("node.log")).unwrap_or_default()
	}

	/// The last lines of the node's log, for failure messages.
	pub fn log_tail(&self) -> String {
		let text = self.log();
		let lines: Vec<&str> = text.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		self.kill();
		if self.owns_base_path && !std::thread::panicking() {
			let _ = std::fs::remove_dir_all(&self.base_path);
		}
	}
}

/// Poll `check` every 500 ms until it returns `Some` or `timeout` passes.
pub fn wait_for<T>(timeout: Duration, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
	let deadline = Instant::now() + timeout;
	loop {
		if let Some(value) = check() {
			return value;
		}
		assert!(Instant::now() < deadline, "timed out after {timeout:?} waiting for {what}");
		std::thread::sleep(Duration::from_millis(500));
	}
}

/// Start the four validators of the `local` chain (Alice, Bob, Charlie, Dave), all connected
/// through Alice.
pub fn start_local_validators() -> Vec<Node> {
	start_validators("local")
}

/// Start the four validators (Alice, Bob, Charlie, Dave) of `chain` (an id or a spec file whose
/// genesis is the local testnet's), all connected through Alice.
pub fn start_validators(chain: &str) -> Vec<Node> {
	start_validators_with(chain, |_| Vec::new())
}

/// As [`start_validators`], the `i`-th validator (0 = Alice) started with `extra_args(i)`.
pub fn start_validators_with(chain: &str, extra_args: impl Fn(usize) -> Vec<String>) -> Vec<Node> {
	let spec = |i: usize, key: &str| NodeSpec {
		extra_args: extra_args(i),
		..NodeSpec::validator(chain, key)
	};
	let mut alice = Node::start(spec(0, "alice"));
	let boot = alice.multiaddr();
	let mut nodes = vec![alice];
	for (i, key) in ["bob", "charlie", "dave"].into_iter().enumerate() {
		nodes.push(Node::start(spec(i + 1, key).with_bootnode(&boot)));
	}
	nodes
}

/// Write a copy of the `base` chain spec (e.g. `local`) whose runtime genesis patch has been
/// changed by `patch` (which receives the patch object, keyed by pallet) to a fresh file;
/// returns the file (removed when dropped). Lets a test shorten the calendar day or change
/// registry rules.
pub fn patched_chain_spec(
	base: &str,
	label: &str,
	patch: impl FnOnce(&mut serde_json::Value),
) -> ChainSpecFile {
	let output = Command::new(node_binary())
		.args(["build-spec", "--chain", base])
		.stderr(Stdio::null())
		.output()
		.expect("run doid-node build-spec");
	assert!(output.status.success(), "build-spec --chain {base} failed");
	let mut spec: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("build-spec prints JSON");
	let genesis_patch = spec
		.pointer_mut("/genesis/runtimeGenesis/patch")
		.expect("the spec carries a runtime genesis patch");
	patch(genesis_patch);
	let path = temp_dir(label).join("spec.json");
	std::fs::write(&path, serde_json::to_vec_pretty(&spec).expect("serialize spec"))
		.expect("write chain spec");
	ChainSpecFile(path)
}

/// A chain spec written to a temporary directory, removed when this is dropped (kept if the
/// test panics, like a node's base path).
pub struct ChainSpecFile(PathBuf);

impl std::ops::Deref for ChainSpecFile {
	type Target = Path;
	fn deref(&self) -> &Path {
		&self.0
	}
}

impl Drop for ChainSpecFile {
	fn drop(&mut self) {
		if !std::thread::panicking() {
			if let Some(dir) = self.0.parent() {
				let _ = std::fs::remove_dir_all(dir);
			}
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_the_memfd_sealing_race_counts_as_a_transient_start_failure() {
		let sealing = "Error: Service(Client(Execution(RuntimeConstruction(Other(\"failed to instantiate a new WASM module instance: cannot add seals to the memfd: Device or resource busy (os error 16)\")))))";
		assert!(is_transient_start_failure(sealing));
		assert!(!is_transient_start_failure("Error: Service(Network(\"Address already in use\"))"));
		assert!(!is_transient_start_failure(
			"Error: Client(Backend(\"Invalid argument: Corruption\"))"
		));
		assert!(!is_transient_start_failure(""));
	}
}
