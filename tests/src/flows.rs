//! Registration flows shared by the end-to-end tests: verified subjects at the Beijing exchange,
//! applications, the review path to public notice, chain dates and issuance.

use crate::{twox64_map_key, value_key, Rpc};
use doid_primitives::{
	Acquisition, AssetInfo, Date, Digest, DigestAlgorithm, ElementKind, Material, MaterialKind,
	Rights, Roles, SubjectRole, UpdateFrequency,
};
use doid_runtime::{Runtime, RuntimeCall, RuntimeEvent};
use pallet_registration::{Application, Declarations};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::Bob;
use sp_runtime::DispatchError;
use std::time::Duration;

pub const MINUTE: Duration = Duration::from_secs(60);
/// The Beijing exchange (second genesis registry; Bob administers it; notice 10 working days).
pub const BJ: u32 = 2;

pub fn digest(seed: u8) -> Digest {
	Digest { algorithm: DigestAlgorithm::Sm3, value: [seed; 32] }
}

pub fn text<B: TryFrom<Vec<u8>>>(s: &str) -> B
where
	B::Error: std::fmt::Debug,
{
	B::try_from(s.as_bytes().to_vec()).expect("text within its bound")
}

pub fn application(kind: ElementKind, name: &str, seed: u8, inputs: &[u64]) -> Application {
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

pub fn registration(call: pallet_registration::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::Registration(call)
}

/// Register each `(account, USCC, roles)` as an organisation at `BJ` (all in the same blocks) and
/// have Bob (its administrator on the local chain) verify them; returns their subject ids in the
/// same order.
pub fn verified_subjects(
	rpc: &Rpc,
	subjects: &[(&sr25519::Pair, &str, &[SubjectRole])],
) -> Vec<u64> {
	verified_subjects_by(rpc, &Bob.pair(), subjects)
}

/// As [`verified_subjects`], verified by `operator` (an operator of `BJ`: Alice on `dev`).
pub fn verified_subjects_by(
	rpc: &Rpc,
	operator: &sr25519::Pair,
	subjects: &[(&sr25519::Pair, &str, &[SubjectRole])],
) -> Vec<u64> {
	let register = subjects
		.iter()
		.map(|(who, uscc, _)| {
			let call = RuntimeCall::Subjects(pallet_subjects::Call::register_subject {
				registry: BJ,
				identity: pallet_subjects::IdentityInput::Organisation {
					uscc: text(uscc),
					name: text("北京测试数据科技有限公司"),
				},
				contact_digest: [9; 32],
			});
			(call, *who)
		})
		.collect();
	let registered = rpc
		.submit_all(register, subjects.len(), 2 * MINUTE, |e| match e {
			RuntimeEvent::Subjects(pallet_subjects::Event::SubjectRegistered {
				subject,
				account,
				..
			}) => Some((account.clone(), *subject)),
			_ => None,
		})
		.expect("subjects registered");
	let ids: Vec<u64> = subjects
		.iter()
		.map(|(who, _, _)| {
			let account = doid_runtime::AccountId::from(who.public());
			registered.iter().find(|(a, _)| *a == account).expect("registered").1
		})
		.collect();
	let verify = ids
		.iter()
		.zip(subjects)
		.map(|(subject, (_, _, roles))| {
			let call = RuntimeCall::Subjects(pallet_subjects::Call::verify_subject {
				subject: *subject,
				roles: Roles::from_roles(roles),
			});
			(call, operator)
		})
		.collect();
	rpc.submit_all(verify, ids.len(), 2 * MINUTE, |e| match e {
		RuntimeEvent::Subjects(pallet_subjects::Event::SubjectVerified { subject, .. })
			if ids.contains(subject) =>
		{
			Some(())
		}
		_ => None,
	})
	.expect("subjects verified");
	ids
}

/// Submit `call` and return the first matching outcome: the application id of a `Submitted`
/// event, or the dispatch error of a failed extrinsic.
pub fn submit_application(
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

/// For every application of `ids` at once: accept (as Bob, BJ's administrator on the local
/// chain), pass the formal review (reviewer `agency`, signing as `agency_account`) and pass the
/// substantive review. Returns each notice's first and last day, in the order of `ids`.
pub fn review_all(
	rpc: &Rpc,
	ids: &[u64],
	agency: u64,
	agency_account: &sr25519::Pair,
) -> Vec<(Date, Date)> {
	review_all_by(rpc, &Bob.pair(), ids, agency, agency_account)
}

/// As [`review_all`], accepted and formally reviewed by `operator` (Alice on `dev`).
pub fn review_all_by(
	rpc: &Rpc,
	operator: &sr25519::Pair,
	ids: &[u64],
	agency: u64,
	agency_account: &sr25519::Pair,
) -> Vec<(Date, Date)> {
	use pallet_registration::{Call, Event};
	let step = |calls: Vec<(RuntimeCall, &sr25519::Pair)>, what: &str| {
		let matches = |e: &RuntimeEvent| match e {
			RuntimeEvent::Registration(
				Event::Accepted { application, .. } | Event::FormalReviewPassed { application, .. },
			) if ids.contains(application) => Some((*application, None)),
			RuntimeEvent::Registration(Event::ReviewPassed {
				application,
				notice_start,
				notice_last_day,
				..
			}) if ids.contains(application) => Some((*application, Some((*notice_start, *notice_last_day)))),
			_ => None,
		};
		rpc.submit_all(calls, ids.len(), 2 * MINUTE, matches)
			.unwrap_or_else(|e| panic!("{what}: {e}"))
	};
	step(ids.iter().map(|&id| (registration(Call::accept { id }), operator)).collect(), "accept");
	step(
		ids.iter()
			.map(|&id| (registration(Call::pass_formal { id, reviewer: agency }), operator))
			.collect(),
		"formal review",
	);
	let passed = step(
		ids.iter()
			.map(|&id| {
				let call = Call::submit_review { id, passed: true, report_digest: digest(200) };
				(registration(call), agency_account)
			})
			.collect(),
		"substantive review",
	);
	ids.iter()
		.map(|id| {
			passed
				.iter()
				.find_map(|(a, notice)| (a == id).then_some(*notice).flatten())
				.expect("review passed")
		})
		.collect()
}

/// `date` as `YYYY-MM-DD`.
pub fn iso(date: Date) -> String {
	String::from_utf8_lossy(&date.to_iso_bytes()).into_owned()
}

/// Working days after `from` up to and including `to`, from the node's `doid_workingDays`.
pub fn working_days(rpc: &Rpc, from: Date, to: Date) -> u64 {
	let answer = rpc
		.json("doid_workingDays", serde_json::json!([iso(from), iso(to)]))
		.expect("doid_workingDays");
	answer["workingDays"].as_u64().expect("a count")
}

/// The chain date of block `number`, computed from its timestamp and the calendar's genesis.
pub fn block_date(rpc: &Rpc, number: u32) -> Date {
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
pub fn wait_for_issue(rpc: &Rpc, id: u64, from_block: u32, last_day: Date) -> u64 {
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

/// The record of certificate `id` at the best block.
pub fn certificate(rpc: &Rpc, id: u64) -> pallet_certificates::Certificate {
	rpc.storage(&twox64_map_key("Certificates", "Certificates", &id), None)
		.expect("read the certificate")
		.unwrap_or_else(|| panic!("certificate {id} exists"))
}

/// Review (as [`review_all_by`]) and wait for the certificates of `ids`: (application,
/// certificate) pairs in order of issuance.
pub fn certify_by(
	rpc: &Rpc,
	operator: &sr25519::Pair,
	ids: &[u64],
	agency: u64,
	agency_account: &sr25519::Pair,
) -> Vec<(u64, u64)> {
	let from = rpc.best_number().expect("best block");
	review_all_by(rpc, operator, ids, agency, agency_account);
	rpc.collect(from, ids.len(), 15 * MINUTE, |e| match e {
		RuntimeEvent::Registration(pallet_registration::Event::CertificateIssued {
			application,
			certificate,
		}) if ids.contains(application) => Some((*application, *certificate)),
		_ => None,
	})
	.expect("certificates issued")
}
