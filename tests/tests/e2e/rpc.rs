//! The `doid_*` JSON-RPC methods against a running dev node (issue 10, acceptance 1): a data
//! resource is registered at the Beijing exchange (notice shortened to 1 working day, one block
//! per day); then each method is called on the happy path, with an unknown id, with malformed
//! input, and at an older block hash.

use doid_e2e::*;
use doid_primitives::{
	Acquisition, AssetInfo, Digest, DigestAlgorithm, ElementKind, Material, MaterialKind, Rights,
	Roles, SubjectRole, UpdateFrequency,
};
use doid_runtime::{RuntimeCall, RuntimeEvent};
use serde_json::json;
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::{Alice, Eve, Ferdie};
use std::time::Duration;

const MINUTE: Duration = Duration::from_secs(60);
/// The Beijing exchange (second genesis registry; Alice operates every registry on dev).
const BJ: u32 = 2;
const EVE_USCC: &str = "91110108551385082Q";
const NAME: &str = "北京市公交刷卡数据";

fn text<B: TryFrom<Vec<u8>>>(s: &str) -> B
where
	B::Error: std::fmt::Debug,
{
	B::try_from(s.as_bytes().to_vec()).expect("text within its bound")
}

fn sm3(seed: u8) -> Digest {
	Digest { algorithm: DigestAlgorithm::Sm3, value: [seed; 32] }
}

fn data_resource() -> pallet_registration::Application {
	pallet_registration::Application {
		kind: ElementKind::DataResource,
		info: AssetInfo {
			name: text(NAME),
			industry: b'G',
			scenario: text("公交线网优化"),
			source: text("公交一卡通系统"),
			format: text("Parquet"),
			structure: text("card,time,stop"),
			scale: text("300 GB"),
			update_frequency: UpdateFrequency::Daily,
			processing_rules: text("去标识化"),
			trainable: true,
			rights: Rights::HOLDING,
			acquisition: Acquisition::OriginalCollection,
		},
		content_digest: sm3(1),
		inputs: Default::default(),
		services: Default::default(),
		materials: vec![Material { kind: MaterialKind::SourceProof, digest: sm3(2) }]
			.try_into()
			.unwrap(),
		prior_registrations: Default::default(),
		declarations: Default::default(),
	}
}

/// Submit `call` signed by `who` and wait for the event `f` picks; returns it with its block.
fn step<T>(
	rpc: &Rpc,
	call: RuntimeCall,
	who: &sr25519::Pair,
	f: impl FnMut(&RuntimeEvent) -> Option<T>,
) -> (T, u32) {
	let from = rpc.best_number().unwrap() + 1;
	rpc.submit(call, who).expect("submitted");
	rpc.watch_events(from, MINUTE, f).expect("expected event")
}

fn subject(rpc: &Rpc, who: &sr25519::Pair, uscc: &str, role: SubjectRole) -> u64 {
	let account = doid_runtime::AccountId::from(who.public());
	let register = RuntimeCall::Subjects(pallet_subjects::Call::register_subject {
		registry: BJ,
		identity: pallet_subjects::IdentityInput::Organisation {
			uscc: text(uscc),
			name: text("北京公交数据有限公司"),
		},
		contact_digest: [3; 32],
	});
	let (id, _) = step(rpc, register, who, |e| match e {
		RuntimeEvent::Subjects(pallet_subjects::Event::SubjectRegistered {
			subject,
			account: a,
			..
		}) if *a == account => Some(*subject),
		_ => None,
	});
	let verify = RuntimeCall::Subjects(pallet_subjects::Call::verify_subject {
		subject: id,
		roles: Roles::from_roles(&[role]),
	});
	step(rpc, verify, &Alice.pair(), |e| match e {
		RuntimeEvent::Subjects(pallet_subjects::Event::SubjectVerified { subject, .. })
			if *subject == id =>
		{
			Some(())
		}
		_ => None,
	});
	id
}

fn registration(call: pallet_registration::Call<doid_runtime::Runtime>) -> RuntimeCall {
	RuntimeCall::Registration(call)
}

/// The error code of a failed call (panics on success).
#[test]
fn doid_rpc_methods() {
	let spec = patched_chain_spec("dev", "rpc", |genesis| {
		genesis["calendar"]["dayLengthMs"] = json!(6_000);
		genesis["calendar"]["startDate"] = json!("2026-02-10");
		genesis["registries"]["registries"][1]["rules"]["noticeWd"] = json!(1);
	});
	let node = Node::start(NodeSpec::validator(spec.to_str().unwrap(), "alice"));
	let rpc = node.rpc();
	rpc.wait_ready(MINUTE).expect("RPC up");
	wait_for(MINUTE, "block 1", || (rpc.best_number().ok()? >= 1).then_some(()));

	let eve = subject(&rpc, &Eve.pair(), EVE_USCC, SubjectRole::DataSupplier);
	let ferdie = subject(&rpc, &Ferdie.pair(), "91110000100011743X", SubjectRole::ServiceAgency);

	let (id, _) = step(
		&rpc,
		registration(pallet_registration::Call::submit {
			registry: BJ,
			application: data_resource(),
		}),
		&Eve.pair(),
		|e| match e {
			RuntimeEvent::Registration(pallet_registration::Event::Submitted {
				application,
				..
			}) => Some(*application),
			_ => None,
		},
	);
	step(&rpc, registration(pallet_registration::Call::accept { id }), &Alice.pair(), |e| {
		matches!(e, RuntimeEvent::Registration(pallet_registration::Event::Accepted { .. }))
			.then_some(())
	});
	step(
		&rpc,
		registration(pallet_registration::Call::pass_formal { id, reviewer: ferdie }),
		&Alice.pair(),
		|e| {
			matches!(
				e,
				RuntimeEvent::Registration(pallet_registration::Event::FormalReviewPassed { .. })
			)
			.then_some(())
		},
	);
	let (_, notice_block) = step(
		&rpc,
		registration(pallet_registration::Call::submit_review {
			id,
			passed: true,
			report_digest: sm3(3),
		}),
		&Ferdie.pair(),
		|e| {
			matches!(e, RuntimeEvent::Registration(pallet_registration::Event::ReviewPassed { .. }))
				.then_some(())
		},
	);
	let notice_hash = format!("{:?}", rpc.block_hash(notice_block).unwrap());
	let (certificate, issued_block) = rpc
		.watch_events(notice_block, 2 * MINUTE, |e| match e {
			RuntimeEvent::Registration(pallet_registration::Event::CertificateIssued {
				application,
				certificate,
			}) if *application == id => Some(*certificate),
			_ => None,
		})
		.expect("certificate issued");

	// doid_notices: at the block where the notice started the application is listed; now not.
	let notices = rpc.json("doid_notices", json!([BJ, notice_hash])).unwrap();
	assert_eq!(notices[0]["application"], json!(id), "{notices}");
	assert_eq!(notices[0]["name"], json!(NAME));
	assert_eq!(rpc.json("doid_notices", json!([null])).unwrap(), json!([]));

	// doid_application.
	let app = rpc.json("doid_application", json!([id])).unwrap();
	assert_eq!(app["status"], json!("Issued"), "{app}");
	assert_eq!(app["statusLabel"], json!("凭证已发行"));
	assert_eq!(app["certificate"], json!(certificate));
	assert_eq!(app["contentDigest"], json!(sm3(1).to_hex()));
	let earlier = rpc.json("doid_application", json!([id, notice_hash])).unwrap();
	assert_eq!(earlier["status"], json!("InNotice"));
	assert!(rpc_error(rpc.json("doid_application", json!([9_999]))).contains("no application"));

	// doid_verify and doid_certificate, by registration number and by DOID.
	// A bare numeric id is accepted (the explorer links certificates by id); anything that is
	// neither an id, a DOID nor a registration number is refused.
	let by_id = rpc.json("doid_verify", json!([format!("{certificate}")])).expect("by id");
	assert_eq!(by_id["id"], json!(certificate), "{by_id}");
	assert_eq!(by_id["doid"], json!("2.999.2.2.1.1"), "{by_id}");
	assert!(rpc_error(rpc.json("doid_verify", json!(["certificate-1"]))).contains("not a valid"));
	// The first data resource (kind arc 1) of BJ (arc 2) under the root 2.999.
	let record = rpc.json("doid_certificate", json!(["2.999.2.2.1.1"])).expect("by DOID");
	assert_eq!(record["id"], json!(certificate), "{record}");
	assert_eq!(record["name"], json!(NAME));
	let number = record["registrationNumber"].as_str().unwrap().to_string();
	assert!(number.starts_with("BJSZD2026"), "{number}");
	let v = rpc.json("doid_verify", json!([number])).unwrap();
	assert_eq!(v["status"], json!("Active"), "{v}");
	assert_eq!(v["statusLabel"], json!("已发行"));
	assert_eq!(v["lineageOk"], json!(true));
	assert_eq!(v["version"], json!(1));
	assert_eq!(v["doid"], json!("2.999.2.2.1.1"));
	assert!(v["holderOid"].as_str().unwrap().starts_with("2.999.1.2."));
	// A mistyped check character is refused with its own message; an unknown well-formed
	// number is not found; before issuance the certificate does not exist.
	let mut bad = number.clone().into_bytes();
	let last = bad.len() - 1;
	bad[last] = if bad[last] == b'0' { b'1' } else { b'0' };
	let bad = String::from_utf8(bad).unwrap();
	assert!(rpc_error(rpc.json("doid_verify", json!([bad]))).contains("check character"));
	assert!(
		rpc_error(rpc.json("doid_verify", json!(["2.999.2.2.1.99"]))).contains("no certificate")
	);
	let before = format!("{:?}", rpc.block_hash(issued_block - 1).unwrap());
	assert!(rpc_error(rpc.json("doid_verify", json!([number, before]))).contains("no certificate"));
	assert!(rpc_error(rpc.json("doid_certificate", json!(["2..1"]))).contains("not a valid"));

	// doid_subject by OID and by USCC; a corrupted USCC is refused.
	let holder_oid = v["holderOid"].as_str().unwrap().to_string();
	let by_oid = rpc.json("doid_subject", json!([holder_oid])).unwrap();
	assert_eq!(by_oid["id"], json!(eve));
	assert_eq!(by_oid["identity"]["uscc"], json!(EVE_USCC));
	assert_eq!(rpc.json("doid_subject", json!([EVE_USCC])).unwrap()["id"], json!(eve));
	assert!(rpc_error(rpc.json("doid_subject", json!(["91110108551385082X"])))
		.contains("check character"));
	assert!(rpc_error(rpc.json("doid_subject", json!(["2.999.1.2.77"]))).contains("no subject"));

	// doid_workingDays across the 2026 Spring Festival: only Sat 02-14 (adjusted) and Tue 02-24.
	let days = rpc.json("doid_workingDays", json!(["2026-02-13", "20260224"])).unwrap();
	assert_eq!(days["workingDays"], json!(2), "{days}");
	assert!(rpc_error(rpc.json("doid_workingDays", json!(["2026-02-30", "2026-03-01"])))
		.contains("not a date"));

	// A stock client (@polkadot/api, no custom types) submits a registration signed by Eve,
	// reads it back from storage and calls doid_verify on the certificate (acceptance 2).
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let js = run_stock_client("register.mjs", &[url, number.clone()], || node.log_tail());
	let submitted = js["application"].as_u64().expect("application id");
	assert_eq!(js["storedStatus"], "Submitted", "{js}");
	assert_eq!(js["applicant"], json!(eve));
	assert_eq!(js["verification"], rpc.json("doid_verify", json!([number])).unwrap());
	assert!(js["malformedError"].as_str().unwrap().contains("not a valid"), "{js}");
	let app = rpc.json("doid_application", json!([submitted])).unwrap();
	assert_eq!(app["status"], "Submitted", "{app}");
	assert_eq!(app["name"], "北京市共享单车订单数据", "{app}");
}
