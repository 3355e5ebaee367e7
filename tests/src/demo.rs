//! Sample data for a running chain (the `demo` example and the explorer's browser test): verified
//! subjects of every kind, certificates (one derived from two others, one frozen by a court),
//! applications in public notice, submitted and accepted applications, and an anchored,
//! notarised document. See `tests/examples/demo.rs` for what exactly is created.

use crate::{flows::*, *};
use doid_primitives::{Digest, DigestAlgorithm, ElementKind, SubjectRole, Uscc};
use doid_runtime::{RuntimeCall, RuntimeEvent};
use pallet_registration::{Call as Registration, Event as RegistrationEvent};
use serde_json::{json, Value};
use sp_core::sr25519;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
use std::{path::Path, time::Instant};

/// Eve's unified social credit code (the registration e2e tests use the same one).
pub const EVE_USCC: &str = "91110108551385082Q";
const FERDIE_USCC: &str = "91110000100011743X";

/// Whether the chain behind `rpc` was seeded already (Eve's subject exists).
pub fn is_seeded(rpc: &Rpc) -> bool {
	rpc.json("doid_subject", json!([EVE_USCC])).is_ok()
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

/// Anchor the BLAKE3 digest of `path` as Eve, relating it to certificate `doid`; Dave co-signs.
/// Returns the digest and the anchor id.
fn anchor_document(rpc: &Rpc, path: &Path, doid: doid_primitives::Oid) -> (Digest, u64) {
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
				// Each its own documents: a material digest is indexed for at most 32
				// certificates (pallet-certificates' MAX_CERTIFICATES_PER_DIGEST).
				for (k, material) in app.materials.iter_mut().enumerate() {
					material.digest = Digest::synthetic(0xB1 + k as u8, i);
				}
				(if i % 2 == 0 { &eve } else { &charlie }, app)
			})
			.collect();
		let ids = submit_many(rpc, apps);
		done += certify(rpc, &ids, agency).len();
		println!("bulk: {done} of {count} certified");
	}
	done
}

/// Seeds the chain behind `rpc` (Alice operates the Beijing exchange; see the `demo` example) and
/// returns the summary: every certificate's DOID and registration number, the applications by
/// state and the anchored document's digest. `bulk_count` more data resources are certified too;
/// `document` is the file whose BLAKE3 digest is anchored.
pub fn seed(rpc: &Rpc, bulk_count: u32, document: &Path) -> Value {
	let started = Instant::now();
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
	let ids = verified_subjects_by(rpc, &Alice.pair(), &subjects);
	let agency = ids[1];
	println!("subjects verified: {ids:?} ({:.0} s)", started.elapsed().as_secs_f64());

	use ElementKind::*;
	let resources = [
		submit_one(rpc, &eve, application(DataResource, "北京市公交刷卡数据", 1, &[])),
		submit_one(rpc, &eve, application(ComputeResource, "城市交通算力资源", 2, &[])),
		submit_one(rpc, &charlie, application(DataResource, "出租车轨迹数据", 3, &[])),
	];
	let issued = certify(rpc, &resources, agency);
	let cert_of = |app: u64| issued.iter().find(|(a, _)| *a == app).expect("issued").1;
	let (c1, c2, c3) = (cert_of(resources[0]), cert_of(resources[1]), cert_of(resources[2]));
	println!("certificates {c1}, {c2}, {c3} issued ({:.0} s)", started.elapsed().as_secs_f64());

	let product = submit_one(rpc, &eve, application(DataProduct, "城市出行指数", 4, &[c1, c2]));
	let c4 = certify(rpc, &[product], agency)[0].1;
	println!("data product certificate {c4} issued ({:.0} s)", started.elapsed().as_secs_f64());

	let freeze = RuntimeCall::Certificates(pallet_certificates::Call::freeze {
		id: c3,
		ruling_digest: digest(210),
	});
	step(rpc, "court freeze", freeze, &bob, |e| {
		matches!(e, RuntimeEvent::Certificates(pallet_certificates::Event::Frozen { .. }))
			.then_some(())
	});

	let (document_digest, anchor) = anchor_document(rpc, document, certificate(rpc, c1).doid);

	let bulk_count = bulk(rpc, bulk_count, agency);

	// Last, so that they are still in notice when seeding ends.
	let in_notice = [
		submit_one(rpc, &eve, application(AlgorithmModel, "公交客流预测模型", 5, &[])),
		submit_one(rpc, &charlie, application(DataResource, "共享单车骑行数据", 6, &[])),
	];
	review_all_by(rpc, &Alice.pair(), &in_notice, agency, &ferdie);
	let submitted = submit_one(rpc, &charlie, application(DataResource, "气象观测数据", 7, &[]));
	let accepted = submit_one(rpc, &eve, application(DataResource, "城市停车位数据", 8, &[]));
	step(rpc, "accept", registration(Registration::accept { id: accepted }), &Alice.pair(), |e| {
		matches!(e, RuntimeEvent::Registration(RegistrationEvent::Accepted { .. })).then_some(())
	});

	let certificates: Vec<Value> =
		[c1, c2, c3, c4].iter().map(|c| certificate_summary(rpc, *c)).collect();
	json!({
		"certificates": certificates,
		"bulkCertificates": bulk_count,
		"applications": {
			"inNotice": in_notice,
			"submitted": [submitted],
			"accepted": [accepted],
		},
		"subjects": ids,
		"evidence": {
			"file": document,
			"digest": document_digest.to_hex(),
			"anchor": anchor,
		},
		"seconds": started.elapsed().as_secs(),
	})
}
