//! Seeds a running chain with sample data so that a newcomer, an explorer or the web pages see
//! real records at once: verified subjects of every kind, certificates (one derived from two
//! others, one frozen by a court), applications in public notice, submitted and accepted
//! applications, and an anchored, notarised document.
//!
//! Meant for the `demo` chain (one calendar day per block: a ten-working-day notice ends within
//! about 90 s): `scripts/run-dev.sh --demo` starts the node and runs this example. It also works
//! on `dev` (30 s days: issuance then takes about 7 minutes). Registry: the Beijing exchange (BJ),
//! whose operator on both chains is Alice.
//!
//! What it creates (all at BJ):
//! - subjects: Eve (data supplier and merchant), Charlie (data supplier), Ferdie (service agency:
//!   substantive review), Dave (notary), Bob (court);
//! - certificates: 北京市公交刷卡数据 (data resource) and 城市交通算力资源 (compute resource) of
//!   Eve, 出租车轨迹数据 (Charlie, then frozen by the court), 城市出行指数 (Eve's data product
//!   made from the first two);
//! - in notice: 公交客流预测模型 (Eve) and 共享单车骑行数据 (Charlie);
//! - submitted: 气象观测数据 (Charlie); accepted: 城市停车位数据 (Eve);
//! - evidence: the BLAKE3 digest of a document anchored by Eve, co-signed by Dave;
//! - optionally `DEMO_BULK` more certified data resources (e.g. 1000, for the pages' load figure).
//!
//! Prints progress and, last, a JSON summary (also written to `DEMO_OUT` if set) with every
//! certificate's DOID and registration number, the applications by state and the document's
//! digest. Refuses to seed twice (Eve's credit code already registered).
//!
//! Run (after `cargo build --release --locked --workspace --examples`):
//! `$CARGO_TARGET_DIR/release/examples/demo`
//!
//! Environment (optional): `DEMO_RPC_PORT` (9944), `DEMO_BULK` (0), `DEMO_FILE` (the document to
//! anchor; default: a sample text written next to `DEMO_OUT`, or in the temporary directory),
//! `DEMO_OUT` (summary file).

use doid_e2e::{demo, flows::MINUTE, *};
use std::path::PathBuf;

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
	std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

/// The document whose digest is anchored: `DEMO_FILE`, or a sample text written for it.
fn document(out: Option<&PathBuf>) -> PathBuf {
	if let Ok(path) = std::env::var("DEMO_FILE") {
		return PathBuf::from(path);
	}
	let dir = out
		.and_then(|o| o.parent().map(PathBuf::from))
		.filter(|d| !d.as_os_str().is_empty())
		.unwrap_or_else(std::env::temp_dir);
	let path = dir.join("doid-demo-contract.txt");
	let text = "数据资产许可使用合同（示例）\nDOID demo: data licence contract between Eve and \
	            Charlie, signed 2026-03-02.\n";
	std::fs::write(&path, text).expect("write the sample document");
	path
}

fn main() {
	let rpc = Rpc::new(env("DEMO_RPC_PORT", 9944u16));
	let out = std::env::var("DEMO_OUT").ok().map(PathBuf::from);
	rpc.wait_ready(2 * MINUTE).expect("the node's RPC answers");
	wait_for(2 * MINUTE, "block 1", || (rpc.best_number().ok()? >= 1).then_some(()));
	if demo::is_seeded(&rpc) {
		println!("demo: this chain is already seeded (Eve's subject exists); nothing to do");
		return;
	}
	let document_path = document(out.as_ref());
	let summary = demo::seed(&rpc, env("DEMO_BULK", 0u32), &document_path);
	if let Some(path) = &out {
		std::fs::write(path, serde_json::to_vec_pretty(&summary).expect("JSON"))
			.unwrap_or_else(|e| panic!("write {path:?}: {e}"));
	}
	println!("{summary}");
}
