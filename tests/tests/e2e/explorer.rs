//! The explorer's web pages in headless Chromium (issue 12, acceptance 1 and 2): a `demo` node
//! (one calendar day per block) is seeded with the demo data, `doid explorer` serves the pages,
//! and `tests/browser/explorer.mjs` (playwright-core driving Debian's chromium) loads each page
//! and checks the rendered DOM against what the chain and the CLI say: the notice count equals
//! `doid_notices`, a known registration number verifies, a corrupted one is flagged with no
//! request sent, a file's digests equal `doid hash`'s, the proof bundle downloads, the
//! certificate page shows the status label and the lineage graph. Then the node is killed and
//! restarted under the open page, which must say so and recover by itself. Screenshots and the
//! downloaded bundle go to `<target>/release/e2e-output/explorer/`.

use doid_e2e::{demo, flows::MINUTE, *};
use serde_json::{json, Value};
use std::{
	io::{BufRead, BufReader, Write},
	net::TcpStream,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

/// A running `doid explorer`, killed on drop.
struct Explorer(Child);

impl Drop for Explorer {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

fn doid_binary() -> PathBuf {
	node_binary().with_file_name("doid")
}

fn start_explorer(rpc_port: u16, port: u16) -> Explorer {
	let child = Command::new(doid_binary())
		.args(["explorer", "--node", &format!("http://127.0.0.1:{rpc_port}")])
		.args(["--listen", &format!("127.0.0.1:{port}")])
		.stdout(Stdio::null())
		.spawn()
		.expect("start doid explorer");
	let explorer = Explorer(child);
	wait_for(Duration::from_secs(30), "the explorer to listen", || {
		TcpStream::connect(("127.0.0.1", port)).ok().map(|_| ())
	});
	explorer
}

/// `doid hash --algo <algo> <file>`: the CLI's digest of the file.
fn cli_digest(file: &Path, algo: &str) -> String {
	let output = Command::new(doid_binary())
		.args(["hash", "--algo", algo])
		.arg(file)
		.output()
		.expect("run doid hash");
	assert!(output.status.success(), "doid hash: {}", String::from_utf8_lossy(&output.stderr));
	String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// The registration number with another (wrong) check character.
fn corrupt(number: &str) -> String {
	let (body, check) = number.split_at(number.len() - 1);
	let wrong = if check == "A" { "B" } else { "A" };
	format!("{body}{wrong}")
}

#[test]
fn explorer_pages_in_headless_chromium() {
	let browser_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("browser");
	assert!(
		browser_dir.join("node_modules/playwright-core").exists(),
		"playwright-core is not installed: run `npm ci` in tests/browser (scripts/test.sh does)"
	);
	let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
	assert!(
		Path::new(&chromium).exists(),
		"{chromium} not found: install Debian's chromium (scripts/setup.sh does)"
	);
	let out = node_binary().with_file_name("e2e-output").join("explorer");
	std::fs::create_dir_all(&out).expect("output directory");

	let mut node = Node::start(NodeSpec::validator("demo", "alice"));
	let rpc = node.rpc();
	wait_for(MINUTE, "block 1", || (rpc.best_number().ok()? >= 1).then_some(()));
	let document = out.join("contract.txt");
	std::fs::write(&document, "数据资产许可使用合同（浏览器测试）\nexplorer e2e sample\n")
		.expect("sample document");
	let started = Instant::now();
	let summary = demo::seed(&rpc, 0, &document);
	println!("seeded in {:.0} s: {summary}", started.elapsed().as_secs_f64());

	let notices = rpc.json("doid_notices", json!([])).expect("doid_notices");
	let notices = notices.as_array().expect("a list").len();
	assert!(notices >= 2, "the demo leaves two applications in notice");
	let number = summary["certificates"][0]["registrationNumber"].as_str().expect("number");
	let product = &summary["certificates"][3];
	let product_doid = product["doid"].as_str().expect("product DOID");
	let verified = rpc.json("doid_verify", json!([product_doid])).expect("doid_verify");
	let product_cert = rpc.json("doid_certificate", json!([product_doid])).expect("certificate");
	let inputs = product_cert["lineage"]["inputs"].as_array().expect("inputs").len();
	assert_eq!(inputs, 2, "the demo product is made from two certificates");
	let (blake3, sha256) = (cli_digest(&document, "blake3"), cli_digest(&document, "sha256"));
	assert_eq!(Value::from(blake3.clone()), summary["evidence"]["digest"], "the anchored digest");

	let port = free_port();
	let _explorer = start_explorer(node.rpc_port, port);
	let expectations = json!({
		"url": format!("http://127.0.0.1:{port}"),
		"out": out,
		"notices": notices,
		"number": number,
		"corrupted": corrupt(number),
		"file": document,
		"blake3": blake3,
		"sha256": sha256,
		"product": { "doid": product_doid, "statusLabel": verified["statusLabel"], "inputs": inputs },
		"restart": true,
	});
	let expectations_file = out.join("expectations.json");
	std::fs::write(&expectations_file, expectations.to_string()).expect("expectations");

	let mut browser = Command::new("node")
		.arg("explorer.mjs")
		.arg(&expectations_file)
		.env("CHROMIUM", &chromium)
		.current_dir(&browser_dir)
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.spawn()
		.expect("run node (Node.js)");
	let mut to_browser = browser.stdin.take().expect("stdin");
	let from_browser = BufReader::new(browser.stdout.take().expect("stdout"));
	let mut last = String::new();
	// Bounded: the script's every wait has a timeout, and it exits after its summary line.
	for line in from_browser.lines() {
		let line = line.expect("browser test output");
		println!("browser: {line}");
		match line.as_str() {
			"phase: stop-node" => {
				node.kill();
				writeln!(to_browser).expect("tell the browser test");
			}
			"phase: start-node" => {
				node.restart();
				writeln!(to_browser).expect("tell the browser test");
			}
			_ => {}
		}
		last = line;
	}
	let status = browser.wait().expect("browser test exit");
	let result: Value = serde_json::from_str(&last)
		.unwrap_or_else(|e| panic!("no summary from the browser test ({e}): {last}"));
	assert_eq!(result["ok"], true, "browser test failed: {result}\n{}", node.log_tail());
	assert!(status.success());
	for page in ["notices", "verify", "certificate"] {
		assert!(result["firstLoadMs"][page].as_f64().is_some(), "first load of {page} measured");
		assert!(
			out.join(format!("{page}.png")).exists() || page == "verify",
			"screenshot of {page}"
		);
	}
	println!("first loads (ms, seeded demo chain): {}", result["firstLoadMs"]);
}
