//! Issue 6, acceptance 2: on a four-validator local chain whose calendar day lasts one block
//! (6 s) and starts just before the 2026 Spring Festival, a verified supplier registers a data
//! resource and a compute resource at the Beijing exchange (notice: 10 working days): accept →
//! formal review → substantive review by a service agency → notice → the certificates are issued
//! by the chain itself in the first block after the notice's last day, without any operator call.
//! Then a data product citing both certificates goes through, while a product citing one input,
//! or an input held by another subject without a licence, is refused with its error.

use doid_e2e::*;
use doid_primitives::{
	Acquisition, AssetInfo, Date, Digest, DigestAlgorithm, ElementKind, Material, MaterialKind,
	Rights, Roles, SubjectRole, UpdateFrequency,
};
use doid_runtime::{Runtime, RuntimeCall, RuntimeEvent};
use pallet_registration::{Application, Declarations, Error as RegistrationError};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::{Bob, Eve, Ferdie, One};
use sp_runtime::DispatchError;
use std::time::Duration;

const MINUTE: Duration = Duration::from_secs(60);
/// The Beijing exchange (second genesis registry; Bob administers it; notice 10 working days).
const BJ: u32 = 2;

fn digest(seed: u8) -> Digest {
	Digest { algorithm: DigestAlgorithm::Sm3, value: [seed; 32] }
}

fn text<B: TryFrom<Vec<u8>>>(s: &str) -> B
where
	B::Error: std::fmt::Debug,
{
	B::try_from(s.as_bytes().to_vec()).expect("text within its bound")
}

fn application(kind: ElementKind, name: &str, seed: u8, inputs: &[u64]) -> Application {
	Application {
		kind,
		info: AssetInfo {
			name: text(name),
			industry: b'I',
			scenario: text("城市交通规划与出行服务"),
			source: text("自有传感器采集"),
			format: text("CSV"),
			structure: text("time,road,count"),
			scale: text("1.2 TB"),
			update_frequency: UpdateFrequency::Daily,
			processing_rules: text("去标识化后聚合"),
			trainable: kind == ElementKind::DataResource,
			rights: Rights::HOLDING.union(Rights::PROCESSING_USE),
			acquisition: if kind == ElementKind::DataProduct {
				Acquisition::SelfDeveloped
			} else {
				Acquisition::OriginalCollection
			},
		},
		content_digest: digest(seed),
		inputs: inputs.to_vec().try_into().expect("few inputs"),
		services: Default::default(),
		materials: vec![
			Material { kind: MaterialKind::SourceProof, digest: digest(seed.wrapping_add(100)) },
			Material {
				kind: MaterialKind::CommitmentLetter,
				digest: digest(seed.wrapping_add(150)),
			},
		]
		.try_into()
		.expect("two materials"),
		prior_registrations: Default::default(),
		declarations: Declarations::default(),
	}
}

fn registration(call: pallet_registration::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::Registration(call)
}

/// Register `who` as an organisation at `BJ` and have Bob verify it with `roles`; returns its id.
fn verified_subject(rpc: &Rpc, who: &sr25519::Pair, uscc: &str, roles: &[SubjectRole]) -> u64 {
	let account = doid_runtime::AccountId::from(who.public());
	let register = RuntimeCall::Subjects(pallet_subjects::Call::register_subject {
		registry: BJ,
		identity: pallet_subjects::IdentityInput::Organisation {
			uscc: text(uscc),
			name: text("北京测试数据科技有限公司"),
		},
		contact_digest: [9; 32],
	});
	let subject = rpc
		.submit_and_watch(register, who, MINUTE, |e| match e {
			RuntimeEvent::Subjects(pallet_subjects::Event::SubjectRegistered {
				subject,
				account: a,
				..
			}) if *a == account => Some(*subject),
			_ => None,
		})
		.expect("subject registered");
	let verify = RuntimeCall::Subjects(pallet_subjects::Call::verify_subject {
		subject,
		roles: Roles::from_roles(roles),
	});
	rpc.submit_and_watch(verify, &Bob.pair(), MINUTE, |e| match e {
		RuntimeEvent::Subjects(pallet_subjects::Event::SubjectVerified { subject: s, .. })
			if *s == subject =>
		{
			Some(())
		}
		_ => None,
	})
	.expect("subject verified");
	subject
}

/// Submit `call` and return the first matching outcome: the application id of a `Submitted`
/// event, or the dispatch error of a failed extrinsic.
fn submit_application(
	rpc: &Rpc,
	who: &sr25519::Pair,
	app: Application,
) -> Result<u64, DispatchError> {
	let call = registration(pallet_registration::Call::submit { registry: BJ, application: app });
	rpc.submit_and_watch(call, who, MINUTE, |e| match e {
		RuntimeEvent::Registration(pallet_registration::Event::Submitted {
			application, ..
		}) => Some(Ok(*application)),
		RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { dispatch_error, .. }) => {
			Some(Err(*dispatch_error))
		}
		_ => None,
	})
	.expect("the submission is included")
}

/// Accept, pass the formal review (reviewer `agency`) and pass the substantive review; returns
/// the notice's start and last day.
fn review(rpc: &Rpc, id: u64, agency: u64) -> (Date, Date) {
	let accepted = rpc
		.submit_and_watch(
			registration(pallet_registration::Call::accept { id }),
			&Bob.pair(),
			MINUTE,
			|e| match e {
				RuntimeEvent::Registration(pallet_registration::Event::Accepted {
					application,
					..
				}) if *application == id => Some(()),
				_ => None,
			},
		)
		.is_ok();
	assert!(accepted, "application {id} accepted");
	rpc.submit_and_watch(
		registration(pallet_registration::Call::pass_formal { id, reviewer: agency }),
		&Bob.pair(),
		MINUTE,
		|e| match e {
			RuntimeEvent::Registration(pallet_registration::Event::FormalReviewPassed {
				application,
				..
			}) if *application == id => Some(()),
			_ => None,
		},
	)
	.expect("formal review passed");
	rpc.submit_and_watch(
		registration(pallet_registration::Call::submit_review {
			id,
			passed: true,
			report_digest: digest(200),
		}),
		&Ferdie.pair(),
		MINUTE,
		|e| match e {
			RuntimeEvent::Registration(pallet_registration::Event::ReviewPassed {
				application,
				notice_start,
				notice_last_day,
				..
			}) if *application == id => Some((*notice_start, *notice_last_day)),
			_ => None,
		},
	)
	.expect("substantive review passed")
}

/// The chain date of block `number`, computed from its timestamp and the calendar's genesis.
fn block_date(rpc: &Rpc, number: u32) -> Date {
	let hash = rpc.block_hash(number).expect("block hash");
	let now: u64 = rpc.storage(&value_key("Timestamp", "Now"), Some(hash)).unwrap().unwrap();
	let start: Date =
		rpc.storage(&value_key("Calendar", "StartDate"), Some(hash)).unwrap().unwrap();
	let first: u64 =
		rpc.storage(&value_key("Calendar", "FirstBlockMs"), Some(hash)).unwrap().unwrap();
	let day: u64 = rpc.storage(&value_key("Calendar", "DayLengthMs"), Some(hash)).unwrap().unwrap();
	// The calendar counts from the start of the block's slot.
	let slot_start = now - now % doid_runtime::SLOT_DURATION;
	doid_primitives::chain_date(start, first, slot_start, day)
}

/// Wait for the certificate of `id`; checks it is issued in the first block dated after the
/// notice's last day. Returns the certificate id.
fn wait_for_issue(rpc: &Rpc, id: u64, from_block: u32, last_day: Date) -> u64 {
	let (certificate, block) = rpc
		.watch_events(from_block, 5 * MINUTE, |e| match e {
			RuntimeEvent::Registration(pallet_registration::Event::CertificateIssued {
				application,
				certificate,
			}) if *application == id => Some(*certificate),
			RuntimeEvent::Registration(pallet_registration::Event::IssuanceFailed {
				application,
				error,
			}) if *application == id => panic!("issuance of {id} failed: {error:?}"),
			_ => None,
		})
		.expect("certificate issued by the chain");
	assert!(block_date(rpc, block) > last_day, "issued after the notice's last day");
	assert!(block_date(rpc, block - 1) <= last_day, "issued in the first block after it");
	certificate
}

fn module_error(error: RegistrationError<Runtime>) -> DispatchError {
	DispatchError::from(error)
}

#[test]
fn data_resource_to_certificate_and_product_lineage() {
	// One block per calendar day, starting on Tuesday 2026-02-10: the 10-working-day notices
	// cross the weekend and the Spring Festival holidays (with the adjusted working Saturday
	// 2026-02-14).
	let spec = patched_chain_spec("local", "registration", |genesis| {
		genesis["calendar"]["dayLengthMs"] = serde_json::json!(6_000);
		genesis["calendar"]["startDate"] = serde_json::json!("2026-02-10");
	});
	let nodes = start_validators(spec.to_str().expect("UTF-8 path"));
	let rpc = nodes[0].rpc();
	rpc.wait_ready(MINUTE).expect("RPC up");
	wait_for(MINUTE, "block 2", || (rpc.best_number().ok()? >= 2).then_some(()));

	let supplier =
		verified_subject(&rpc, &Eve.pair(), "91110108551385082Q", &[SubjectRole::DataSupplier]);
	let agency =
		verified_subject(&rpc, &Ferdie.pair(), "91110000100011743X", &[SubjectRole::ServiceAgency]);
	let other =
		verified_subject(&rpc, &One.pair(), "914403001922038216", &[SubjectRole::DataSupplier]);
	assert!(supplier != agency && agency != other);

	// Round 1: a trainable data resource and a compute resource of Eve, and a compute resource
	// of another supplier, all through review at once.
	let start_block = rpc.best_number().unwrap();
	let resource = submit_application(
		&rpc,
		&Eve.pair(),
		application(ElementKind::DataResource, "北京市交通流量数据", 1, &[]),
	)
	.expect("data resource submitted");
	let compute = submit_application(
		&rpc,
		&Eve.pair(),
		application(ElementKind::ComputeResource, "交通算力集群", 2, &[]),
	)
	.expect("compute resource submitted");
	let foreign = submit_application(
		&rpc,
		&One.pair(),
		application(ElementKind::ComputeResource, "他人算力", 3, &[]),
	)
	.expect("other supplier's resource submitted");
	let mut last_days = Vec::new();
	for id in [resource, compute, foreign] {
		let (start, last) = review(&rpc, id, agency);
		// More calendar days than working days: the notice skipped non-working days.
		assert!(
			last.to_day_number() - start.to_day_number() > 10,
			"notice {start:?}..{last:?} crosses non-working days"
		);
		last_days.push(last);
	}
	let resource_cert = wait_for_issue(&rpc, resource, start_block, last_days[0]);
	let compute_cert = wait_for_issue(&rpc, compute, start_block, last_days[1]);
	let foreign_cert = wait_for_issue(&rpc, foreign, start_block, last_days[2]);

	// A product citing one input only is refused, so is one citing another holder's
	// certificate without a licence.
	assert_eq!(
		submit_application(
			&rpc,
			&Eve.pair(),
			application(ElementKind::DataProduct, "出行指数产品", 10, &[resource_cert]),
		),
		Err(module_error(RegistrationError::ProductNeedsTwoKinds))
	);
	assert_eq!(
		submit_application(
			&rpc,
			&Eve.pair(),
			application(
				ElementKind::DataProduct,
				"出行指数产品",
				10,
				&[resource_cert, foreign_cert]
			),
		),
		Err(module_error(RegistrationError::InputNotHeldOrLicensed))
	);

	// Round 2: the product citing the data resource and the compute resource goes through.
	let from = rpc.best_number().unwrap();
	let product = submit_application(
		&rpc,
		&Eve.pair(),
		application(ElementKind::DataProduct, "出行指数产品", 10, &[resource_cert, compute_cert]),
	)
	.expect("product submitted");
	let (_, last) = review(&rpc, product, agency);
	let product_cert = wait_for_issue(&rpc, product, from, last);
	assert!(![resource_cert, compute_cert, foreign_cert].contains(&product_cert));
}
