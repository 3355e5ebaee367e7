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

use doid_e2e::{flows::*, *};
use doid_primitives::{Digest, DigestAlgorithm, ElementKind, SubjectRole, Uscc};
use doid_runtime::{RuntimeCall, RuntimeEvent};
use pallet_registration::{Call as Registration, Event as RegistrationEvent};
use serde_json::{json, Value};
use sp_core::sr25519;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
use std::{path::PathBuf, time::Instant};

/// Eve's unified social credit code (the registration e2e tests use the same one).
const EVE_USCC: &str = "91110108551385082Q";
const FERDIE_USCC: &str = "91110000100011743X";

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
	std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

/// The outcome of `call` signed by `who`: the first event `pick` returns, or a panic naming the
/// dispatch error.
fn step<T>(
	rpc: &Rpc,
	what: &str,
	call: RuntimeCall,
	who: &sr25519::Pair,
	mut pick: impl FnMut(&RuntimeEvent) -> Option<T>,
) -> T {
	let outcome = rpc.submit_and_watch(call, who, 2 * MINUTE, |e| match e {
		RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { dispatch_error, .. }) => {
			Some(Err(format!("{dispatch_error:?}")))
		}
		other => pick(other).map(Ok),
	});
	match outcome {
		Ok(Ok(value)) => value,
		Ok(Err(error)) => panic!("{what} failed: {error}"),
		Err(e) => panic!("{what}: {e}"),
	}
}

/// Submit every application of `apps` (each with its applicant) at once; their ids, in order of
/// inclusion (not necessarily the order of `apps`).
fn submit_many(
	rpc: &Rpc,
	apps: Vec<(&sr25519::Pair, pallet_registration::Application)>,
) -> Vec<u64> {
	let count = apps.len();
	let calls = apps
		.into_iter()
		.map(|(who, application)| {
			(registration(Registration::submit { registry: BJ, application }), who)
		})
		.collect();
	rpc.submit_all(calls, count, 10 * MINUTE, |e| match e {
		RuntimeEvent::Registration(RegistrationEvent::Submitted { application, .. }) => {
			Some(*application)
		}
		_ => None,
	})
	.expect("applications submitted")
}

/// Submit one application and return its id.
fn submit_one(rpc: &Rpc, who: &sr25519::Pair, app: pallet_registration::Application) -> u64 {
	submit_application(rpc, who, app).unwrap_or_else(|e| panic!("submission refused: {e:?}"))
}

/// Accept, review and wait for the certificates of `ids`: (application, certificate) pairs.
fn certify(rpc: &Rpc, ids: &[u64], agency: u64) -> Vec<(u64, u64)> {
	certify_by(rpc, &Alice.pair(), ids, agency, &Ferdie.pair())
}

/// The certificate's public references and state, as the summary lists them.
fn certificate_summary(rpc: &Rpc, id: u64) -> Value {
	let record = certificate(rpc, id);
	let number = String::from(record.number);
	let verified = rpc.json("doid_verify", json!([number])).expect("doid_verify");
	json!({
		"id": id,
		"doid": record.doid.as_str(),
		"registrationNumber": number,
		"name": String::from_utf8_lossy(&record.info.name),
		"status": verified["status"],
	})
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

/// Anchor the BLAKE3 digest of `path` as Eve, relating it to certificate `doid`; Dave co-signs.
/// Returns the digest and the anchor id.
fn anchor_document(rpc: &Rpc, path: &PathBuf, doid: doid_primitives::Oid) -> (Digest, u64) {
	let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {path:?}: {e}"));
	let digest =
		Digest { algorithm: DigestAlgorithm::Blake3, value: *blake3::hash(&bytes).as_bytes() };
	let call = RuntimeCall::Evidence(pallet_evidence::Call::anchor {
		digest,
		kind: pallet_evidence::EvidenceKind::Contract,
		related_doid: Some(doid),
		metadata_digest: None,
	});
	let anchor = step(rpc, "anchor", call, &Eve.pair(), |e| match e {
		RuntimeEvent::Evidence(pallet_evidence::Event::Anchored { anchor, .. }) => Some(*anchor),
		_ => None,
	});
	let cosign = RuntimeCall::Evidence(pallet_evidence::Call::cosign { id: anchor });
	step(rpc, "co-sign", cosign, &Dave.pair(), |e| {
		matches!(e, RuntimeEvent::Evidence(pallet_evidence::Event::Cosigned { .. })).then_some(())
	});
	(digest, anchor)
}

/// `count` more data resources by Eve and Charlie, certified together.
fn bulk(rpc: &Rpc, count: u32, agency: u64) -> usize {
	let (eve, charlie) = (Eve.pair(), Charlie.pair());
	let mut done = 0;
	// Batches of 250 keep every step within a few blocks.
	for first in (0..count).step_by(250) {
		let apps = (first..count.min(first + 250))
			.map(|i| {
				let mut app = application(
					ElementKind::DataResource,
					&format!("示例数据资源 {:04}", i + 1),
					9,
					&[],
				);
				app.content_digest = Digest::synthetic(0xB0, i);
				(if i % 2 == 0 { &eve } else { &charlie }, app)
			})
			.collect();
		let ids = submit_many(rpc, apps);
		done += certify(rpc, &ids, agency).len();
		println!("bulk: {done} of {count} certified");
	}
	done
}

fn main() {
	let started = Instant::now();
	let rpc = Rpc::new(env("DEMO_RPC_PORT", 9944u16));
	let out = std::env::var("DEMO_OUT").ok().map(PathBuf::from);
	rpc.wait_ready(2 * MINUTE).expect("the node's RPC answers");
	wait_for(2 * MINUTE, "block 1", || (rpc.best_number().ok()? >= 1).then_some(()));
	if rpc.json("doid_subject", json!([EVE_USCC])).is_ok() {
		println!("demo: this chain is already seeded (Eve's subject exists); nothing to do");
		return;
	}

	let (eve, charlie, ferdie, dave, bob) =
		(Eve.pair(), Charlie.pair(), Ferdie.pair(), Dave.pair(), Bob.pair());
	let usccs: Vec<String> = (7_001..=7_003).map(|i| Uscc::synthetic(i).as_str().into()).collect();
	let subjects: Vec<(&sr25519::Pair, &str, &[SubjectRole])> = vec![
		(&eve, EVE_USCC, &[SubjectRole::DataSupplier, SubjectRole::DataMerchant]),
		(&ferdie, FERDIE_USCC, &[SubjectRole::ServiceAgency]),
		(&charlie, &usccs[0], &[SubjectRole::DataSupplier]),
		(&dave, &usccs[1], &[SubjectRole::Notary]),
		(&bob, &usccs[2], &[SubjectRole::Court]),
	];
	let ids = verified_subjects_by(&rpc, &Alice.pair(), &subjects);
	let agency = ids[1];
	println!("subjects verified: {ids:?} ({:.0} s)", started.elapsed().as_secs_f64());

	use ElementKind::*;
	let resources = [
		submit_one(&rpc, &eve, application(DataResource, "北京市公交刷卡数据", 1, &[])),
		submit_one(&rpc, &eve, application(ComputeResource, "城市交通算力资源", 2, &[])),
		submit_one(&rpc, &charlie, application(DataResource, "出租车轨迹数据", 3, &[])),
	];
	let issued = certify(&rpc, &resources, agency);
	let cert_of = |app: u64| issued.iter().find(|(a, _)| *a == app).expect("issued").1;
	let (c1, c2, c3) = (cert_of(resources[0]), cert_of(resources[1]), cert_of(resources[2]));
	println!("certificates {c1}, {c2}, {c3} issued ({:.0} s)", started.elapsed().as_secs_f64());

	let product = submit_one(&rpc, &eve, application(DataProduct, "城市出行指数", 4, &[c1, c2]));
	let c4 = certify(&rpc, &[product], agency)[0].1;
	println!("data product certificate {c4} issued ({:.0} s)", started.elapsed().as_secs_f64());

	let freeze = RuntimeCall::Certificates(pallet_certificates::Call::freeze {
		id: c3,
		ruling_digest: digest(210),
	});
	step(&rpc, "court freeze", freeze, &bob, |e| {
		matches!(e, RuntimeEvent::Certificates(pallet_certificates::Event::Frozen { .. }))
			.then_some(())
	});

	let document_path = document(out.as_ref());
	let (document_digest, anchor) =
		anchor_document(&rpc, &document_path, certificate(&rpc, c1).doid);

	let bulk_count = bulk(&rpc, env("DEMO_BULK", 0u32), agency);

	// Last, so that they are still in notice when seeding ends.
	let in_notice = [
		submit_one(&rpc, &eve, application(AlgorithmModel, "公交客流预测模型", 5, &[])),
		submit_one(&rpc, &charlie, application(DataResource, "共享单车骑行数据", 6, &[])),
	];
	review_all_by(&rpc, &Alice.pair(), &in_notice, agency, &ferdie);
	let submitted = submit_one(&rpc, &charlie, application(DataResource, "气象观测数据", 7, &[]));
	let accepted = submit_one(&rpc, &eve, application(DataResource, "城市停车位数据", 8, &[]));
	step(&rpc, "accept", registration(Registration::accept { id: accepted }), &Alice.pair(), |e| {
		matches!(e, RuntimeEvent::Registration(RegistrationEvent::Accepted { .. })).then_some(())
	});

	let certificates: Vec<Value> =
		[c1, c2, c3, c4].iter().map(|c| certificate_summary(&rpc, *c)).collect();
	let summary = json!({
		"certificates": certificates,
		"bulkCertificates": bulk_count,
		"applications": {
			"inNotice": in_notice,
			"submitted": [submitted],
			"accepted": [accepted],
		},
		"subjects": ids,
		"evidence": {
			"file": document_path,
			"digest": document_digest.to_hex(),
			"anchor": anchor,
		},
		"seconds": started.elapsed().as_secs(),
	});
	if let Some(path) = &out {
		std::fs::write(path, serde_json::to_vec_pretty(&summary).expect("JSON"))
			.unwrap_or_else(|e| panic!("write {path:?}: {e}"));
	}
	println!("{summary}");
}
