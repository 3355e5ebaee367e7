//! Unit tests of the registration pallet: every call and transition, every error (with storage
//! unchanged), the timer-driven transitions on the right days of the official calendar, the
//! dispute hooks, the indexes and the decoding bounds.

use crate::{
	mock::*, Application, ApplicationStatus, Applications, ApplicationsByApplicant,
	ApplicationsByDigest, Call, CurrentNotices, DataService, Declarations, DigestUse, Error, Event,
	NextApplicationId, PendingContent,
};
use codec::{Compact, Decode, Encode};
use doid_primitives::{
	Acquisition, ApplicationDisputes, ApplicationId, AssetInfo, CertificateStatus, Digest,
	DisputeError, DisputeParties, ElementKind, IssueError, LineageError, Material, MaterialKind,
	PriorRegistration, RegistryRules, Rights, Roles, SubjectId, SubjectRole, TimerId, TimerOwner,
	UpdateFrequency, MAX_INPUTS, MAX_MATERIALS, MAX_SERVICES,
};
use frame_support::{assert_noop, assert_ok, traits::UnfilteredDispatchable, BoundedVec};
use sp_runtime::DispatchError;

/// Data supplier.
const ALICE: u64 = 1;
/// Data merchant.
const BOB: u64 = 2;
/// Data buyer only.
const CAROL: u64 = 3;
/// Service agency (reviewer).
const DAVE: u64 = 4;
/// Another service agency.
const EVE: u64 = 5;
/// Registered, not verified.
const FRANK: u64 = 6;
/// A second account of Alice's subject.
const ALICE2: u64 = 7;
/// No subject.
const NOBODY: u64 = 99;

struct Parties {
	alice: SubjectId,
	bob: SubjectId,
	dave: SubjectId,
	eve: SubjectId,
	frank: SubjectId,
}

fn roles(list: &[SubjectRole]) -> Roles {
	Roles::from_roles(list)
}

/// Create the test subjects (Alice also controls `ALICE2`).
fn setup() -> Parties {
	let alice = subject(ALICE, roles(&[SubjectRole::DataSupplier]));
	let bob = subject(BOB, roles(&[SubjectRole::DataMerchant]));
	subject(CAROL, roles(&[SubjectRole::DataBuyer]));
	let dave = subject(DAVE, roles(&[SubjectRole::ServiceAgency]));
	let eve = subject(EVE, roles(&[SubjectRole::ServiceAgency]));
	let frank = pallet_subjects::NextSubjectId::<Test>::get();
	assert_ok!(crate::mock::Subjects::register_subject(
		RuntimeOrigin::signed(FRANK),
		GZ,
		pallet_subjects::IdentityInput::Organisation {
			uscc: BoundedVec::try_from(uscc(FRANK as u32)).unwrap(),
			name: BoundedVec::try_from(b"Pending".to_vec()).unwrap(),
		},
		[1; 32],
	));
	assert_ok!(crate::mock::Subjects::propose_account(RuntimeOrigin::signed(ALICE), ALICE2));
	assert_ok!(crate::mock::Subjects::accept_account_link(RuntimeOrigin::signed(ALICE2), alice));
	Parties { alice, bob, dave, eve, frank }
}

fn bounded<const N: u32>(s: &str) -> BoundedVec<u8, frame_support::traits::ConstU32<N>> {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

fn info() -> AssetInfo {
	AssetInfo {
		name: bounded("城市交通流量 2025"),
		industry: b'G',
		scenario: bounded("城市交通规划"),
		source: bounded("road sensors"),
		format: bounded("CSV"),
		structure: bounded("time,road,count\n"),
		scale: bounded("1.2 TB"),
		update_frequency: UpdateFrequency::Daily,
		processing_rules: BoundedVec::default(),
		trainable: true,
		rights: Rights::HOLDING.union(Rights::PROCESSING_USE),
		acquisition: Acquisition::OriginalCollection,
	}
}

/// A valid data resource application with content digest `digest(content)`.
fn app_with(content: u8) -> Application {
	Application {
		kind: ElementKind::DataResource,
		info: info(),
		content_digest: digest(content),
		inputs: BoundedVec::default(),
		services: BoundedVec::default(),
		materials: BoundedVec::try_from(vec![
			Material { kind: MaterialKind::SourceProof, digest: digest(0x51) },
			Material { kind: MaterialKind::Sample, digest: digest(0x52) },
		])
		.unwrap(),
		prior_registrations: BoundedVec::default(),
		declarations: Declarations { personal_information: true, ..Default::default() },
	}
}

fn app() -> Application {
	app_with(0xAA)
}

fn service(name: &str, tag: u8) -> DataService {
	DataService { name: bounded(name), description_digest: digest(tag) }
}

fn inputs(ids: &[u64]) -> doid_primitives::Inputs {
	BoundedVec::try_from(ids.to_vec()).unwrap()
}

fn submit_as(who: u64, registry: u32, application: Application) -> ApplicationId {
	let id = NextApplicationId::<Test>::get();
	assert_ok!(Registration::submit(RuntimeOrigin::signed(who), registry, application));
	id
}

fn status(id: ApplicationId) -> ApplicationStatus {
	Applications::<Test>::get(id).unwrap().status
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Registration(e) => Some(e),
			_ => None,
		})
		.collect()
}

fn has_event(e: Event<Test>) -> bool {
	events().contains(&e)
}

fn timer(id: ApplicationId) -> TimerId {
	TimerId::new(TimerOwner::Registration, id)
}

fn timer_state(id: ApplicationId) -> Option<pallet_calendar::TimerState> {
	pallet_calendar::Timers::<Test>::get(timer(id))
}

/// Submitted by Alice at `GZ`, accepted.
fn in_formal_review(s: &Parties) -> ApplicationId {
	let _ = s;
	let id = submit_as(ALICE, GZ, app());
	assert_ok!(Registration::accept(RuntimeOrigin::signed(GZ_OPERATOR), id));
	id
}

/// ... and passed to Dave for substantive review.
fn in_substantive_review(s: &Parties) -> ApplicationId {
	let id = in_formal_review(s);
	assert_ok!(Registration::pass_formal(RuntimeOrigin::signed(GZ_ADMIN), id, s.dave));
	id
}

/// ... and reviewed positively today: in notice.
fn in_notice(s: &Parties) -> ApplicationId {
	let id = in_substantive_review(s);
	assert_ok!(Registration::submit_review(RuntimeOrigin::signed(DAVE), id, true, digest(0x70)));
	id
}

fn set_gz_rules(rules: RegistryRules) {
	assert_ok!(Registries::set_rules(RuntimeOrigin::root(), GZ, rules));
}

// ---------------------------------------------------------------------------------------------
// Submission.

#[test]
fn submit_stores_indexes_and_emits() {
	new_test_ext().execute_with(|| {
		let s = setup();
		assert_eq!(today(), d(2026, 2, 9));
		let id = submit_as(ALICE2, GZ, app());
		assert_eq!(id, 1);
		let r = Applications::<Test>::get(id).unwrap();
		assert_eq!(r.registry, GZ);
		assert_eq!(r.applicant, s.alice);
		assert_eq!(r.status, ApplicationStatus::Submitted);
		assert_eq!(r.submitted_on, d(2026, 2, 9));
		// 3 working days after Monday 2026-02-09.
		assert_eq!(r.acceptance_due, d(2026, 2, 12));
		assert_eq!(r.application, app());
		assert!(ApplicationsByApplicant::<Test>::contains_key(s.alice, id));
		assert_eq!(ApplicationsByDigest::<Test>::get(digest(0xAA), id), Some(DigestUse::Content));
		assert_eq!(
			ApplicationsByDigest::<Test>::get(digest(0x52), id),
			Some(DigestUse::Material(MaterialKind::Sample))
		);
		assert_eq!(PendingContent::<Test>::get(digest(0xAA)), Some((s.alice, 1)));
		assert_eq!(NextApplicationId::<Test>::get(), 2);
		assert!(events().iter().any(|e| matches!(e,
			Event::Submitted { application: 1, registry: GZ, applicant, kind: ElementKind::DataResource,
				content_digest, acceptance_due, .. }
			if *applicant == s.alice && *content_digest == digest(0xAA) && *acceptance_due == d(2026, 2, 12))));
		// A data merchant may apply too.
		submit_as(BOB, GZ, app_with(0xAB));
	});
}

#[test]
fn submit_refuses_bad_registry_and_applicant() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let submit = |who: u64, registry: u32| {
			Registration::submit(RuntimeOrigin::signed(who), registry, app())
		};
		assert_noop!(submit(ALICE, 9), Error::<Test>::UnknownRegistry);
		assert_noop!(submit(NOBODY, GZ), Error::<Test>::NotASubject);
		assert_noop!(submit(FRANK, GZ), Error::<Test>::NotVerified);
		assert_noop!(submit(CAROL, GZ), Error::<Test>::NotSupplierOrMerchant);
		assert_noop!(submit(DAVE, GZ), Error::<Test>::NotSupplierOrMerchant);
		assert_noop!(
			Registration::submit(RuntimeOrigin::none(), GZ, app()),
			DispatchError::BadOrigin
		);
		// A suspended subject is not verified.
		assert_ok!(crate::mock::Subjects::suspend_subject(
			RuntimeOrigin::signed(GZ_ADMIN),
			s.alice,
			[9; 32]
		));
		assert_noop!(submit(ALICE, DL), Error::<Test>::NotVerified);
		assert_ok!(Registries::suspend_registry(RuntimeOrigin::root(), GZ));
		assert_noop!(submit(BOB, GZ), Error::<Test>::RegistrySuspended);
		assert_ok!(submit(BOB, DL));
	});
}

#[test]
fn submit_refuses_core_data_and_invalid_fields() {
	new_test_ext().execute_with(|| {
		setup();
		let submit = |a: Application| Registration::submit(RuntimeOrigin::signed(ALICE), GZ, a);
		let mut a = app();
		a.declarations.core_data = true;
		assert_noop!(submit(a), Error::<Test>::CoreDataDeclared);

		let cases: [(fn(&mut AssetInfo), Error<Test>); 9] = [
			(|i| i.name = bounded(" "), Error::<Test>::InvalidName),
			(|i| i.industry = b'U', Error::<Test>::InvalidIndustry),
			(|i| i.scenario = BoundedVec::default(), Error::<Test>::InvalidScenario),
			(
				|i| i.source = BoundedVec::try_from(vec![0xff]).unwrap(),
				Error::<Test>::InvalidSource,
			),
			(|i| i.format = bounded("a\nb"), Error::<Test>::InvalidFormat),
			(|i| i.structure = bounded("\u{0}"), Error::<Test>::InvalidStructure),
			(|i| i.scale = bounded("\u{1b}"), Error::<Test>::InvalidScale),
			(|i| i.processing_rules = bounded("\r"), Error::<Test>::InvalidProcessingRules),
			(|i| i.rights = Rights::default(), Error::<Test>::NoRights),
		];
		for (mutate, error) in cases {
			let mut a = app();
			mutate(&mut a.info);
			assert_noop!(submit(a), error);
		}

		let mut a = app();
		a.content_digest.value = [0; 32];
		assert_noop!(submit(a), Error::<Test>::InvalidContentDigest);
		let mut a = app();
		a.materials[1].digest.value = [0; 32];
		assert_noop!(submit(a), Error::<Test>::InvalidMaterialDigest);

		let product = |services: Vec<DataService>| {
			let mut a = app();
			a.kind = ElementKind::DataProduct;
			a.services = BoundedVec::try_from(services).unwrap();
			a
		};
		assert_noop!(submit(product(vec![service("", 0x60)])), Error::<Test>::InvalidServiceName);
		let mut zero = service("API", 0x60);
		zero.description_digest.value = [0; 32];
		assert_noop!(submit(product(vec![zero])), Error::<Test>::InvalidServiceDigest);
		let mut a = app();
		a.services = BoundedVec::try_from(vec![service("API", 0x60)]).unwrap();
		assert_noop!(submit(a), Error::<Test>::ServicesOnlyForProducts);
	});
}

#[test]
fn data_product_needs_two_different_kinds() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let submit = |a: Application| Registration::submit(RuntimeOrigin::signed(ALICE), GZ, a);
		let data1 = cert(s.alice, ElementKind::DataResource, true);
		let data2 = cert(s.alice, ElementKind::DataResource, false);
		let compute = cert(s.alice, ElementKind::ComputeResource, false);
		let product = |ids: &[u64], services: Vec<DataService>, content: u8| {
			let mut a = app_with(content);
			a.kind = ElementKind::DataProduct;
			a.inputs = inputs(ids);
			a.services = BoundedVec::try_from(services).unwrap();
			a
		};
		// No component, one kind, two resources of the same kind, services only.
		assert_noop!(submit(product(&[], vec![], 1)), Error::<Test>::ProductNeedsTwoKinds);
		assert_noop!(submit(product(&[data1], vec![], 1)), Error::<Test>::ProductNeedsTwoKinds);
		assert_noop!(
			submit(product(&[data1, data2], vec![], 1)),
			Error::<Test>::ProductNeedsTwoKinds
		);
		assert_noop!(
			submit(product(&[], vec![service("API", 0x60), service("SDK", 0x61)], 1)),
			Error::<Test>::ProductNeedsTwoKinds
		);
		// Data + compute; data + a declared service (the fourth kind).
		assert_ok!(submit(product(&[data1, compute], vec![], 1)));
		assert_ok!(submit(product(&[data2], vec![service("API", 0x60)], 2)));
		assert_eq!(
			ApplicationsByDigest::<Test>::get(digest(0x60), 2),
			Some(DigestUse::ServiceDescription)
		);
	});
}

#[test]
fn self_developed_model_needs_trainable_data() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let submit = |a: Application| Registration::submit(RuntimeOrigin::signed(ALICE), GZ, a);
		let trainable = cert(s.alice, ElementKind::DataResource, true);
		let untrainable = cert(s.alice, ElementKind::DataResource, false);
		let compute = cert(s.alice, ElementKind::ComputeResource, false);
		let model = |ids: &[u64], acquisition: Acquisition, content: u8| {
			let mut a = app_with(content);
			a.kind = ElementKind::AlgorithmModel;
			a.info.acquisition = acquisition;
			a.inputs = inputs(ids);
			a
		};
		assert_noop!(
			submit(model(&[], Acquisition::SelfDeveloped, 1)),
			Error::<Test>::ModelNeedsTrainableData
		);
		assert_noop!(
			submit(model(&[untrainable, compute], Acquisition::SelfDeveloped, 1)),
			Error::<Test>::ModelNeedsTrainableData
		);
		assert_ok!(submit(model(&[untrainable, trainable], Acquisition::SelfDeveloped, 1)));
		// A purchased model needs no lineage.
		assert_ok!(submit(model(&[], Acquisition::Purchase, 2)));
	});
}

#[test]
fn inputs_must_exist_be_in_force_and_citable() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let submit = |ids: &[u64]| {
			let mut a = app();
			a.inputs = inputs(ids);
			Registration::submit(RuntimeOrigin::signed(ALICE), GZ, a)
		};
		let own = cert(s.alice, ElementKind::DataResource, true);
		let bobs = cert(s.bob, ElementKind::DataResource, true);
		assert_noop!(submit(&[own, 77]), Error::<Test>::UnknownInput);
		assert_noop!(submit(&[own, own]), Error::<Test>::DuplicateInput);
		assert_noop!(submit(&[bobs]), Error::<Test>::InputNotHeldOrLicensed);
		for (status, error) in [
			(CertificateStatus::Revoked, Error::<Test>::InputNotActive),
			(CertificateStatus::Expired, Error::<Test>::InputNotActive),
			(CertificateStatus::Cancelled, Error::<Test>::InputNotActive),
			(CertificateStatus::Invalid, Error::<Test>::InputNotActive),
			(CertificateStatus::Disputed, Error::<Test>::InputDisputed),
			(CertificateStatus::Frozen, Error::<Test>::InputFrozen),
		] {
			set_cert_status(own, status);
			assert_noop!(submit(&[own]), error);
		}
		set_cert_status(own, CertificateStatus::Active);
		for (lineage, error) in [
			(LineageError::TooDeep, Error::<Test>::LineageTooDeep),
			(LineageError::TooManyAncestors, Error::<Test>::TooManyAncestors),
			(LineageError::UnknownInput, Error::<Test>::UnknownInput),
			(LineageError::DuplicateInput, Error::<Test>::DuplicateInput),
		] {
			set_lineage_error(Some(lineage));
			assert_noop!(submit(&[own]), error);
		}
		set_lineage_error(None);
		// Licensed to Alice: citable.
		license(bobs, s.alice);
		assert_ok!(submit(&[own, bobs]));
	});
}

#[test]
fn duplicate_content_and_mutual_recognition() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let submit =
			|who: u64, a: Application| Registration::submit(RuntimeOrigin::signed(who), GZ, a);
		// Registered to Bob: refused for Alice.
		let bobs = add_cert(DL, s.bob, ElementKind::DataResource, true, digest(0xB1), None);
		assert_noop!(submit(ALICE, app_with(0xB1)), Error::<Test>::DuplicateContent);
		// Registered to Alice (e.g. at another registry), not disclosed.
		let own = add_cert(DL, s.alice, ElementKind::DataResource, true, digest(0xA1), None);
		assert_noop!(submit(ALICE, app_with(0xA1)), Error::<Test>::UndisclosedPriorRegistration);
		// Disclosed with another certificate's number: still undisclosed.
		let mut a = app_with(0xA1);
		a.prior_registrations = BoundedVec::try_from(vec![PriorRegistration {
			registry: DL,
			number: cert_number(bobs),
		}])
		.unwrap();
		assert_noop!(submit(ALICE, a.clone()), Error::<Test>::UndisclosedPriorRegistration);
		// Disclosed: linked.
		a.prior_registrations = BoundedVec::try_from(vec![PriorRegistration {
			registry: DL,
			number: cert_number(own),
		}])
		.unwrap();
		assert_ok!(submit(ALICE, a));
		assert_eq!(Applications::<Test>::get(1).unwrap().recognised, Some(own));
		assert!(has_event(Event::MutualRecognition { application: 1, certificate: own }));

		// Pending for Alice: refused for Bob, allowed for Alice again.
		assert_ok!(submit(ALICE, app_with(0xC1)));
		assert_noop!(submit(BOB, app_with(0xC1)), Error::<Test>::DuplicateContent);
		assert_ok!(submit(ALICE2, app_with(0xC1)));
		assert_eq!(PendingContent::<Test>::get(digest(0xC1)), Some((s.alice, 2)));
		// Once both are withdrawn, Bob may apply.
		assert_ok!(Registration::withdraw(RuntimeOrigin::signed(ALICE), 2));
		assert_noop!(submit(BOB, app_with(0xC1)), Error::<Test>::DuplicateContent);
		assert_ok!(Registration::withdraw(RuntimeOrigin::signed(ALICE), 3));
		assert_eq!(PendingContent::<Test>::get(digest(0xC1)), None);
		assert_ok!(submit(BOB, app_with(0xC1)));
	});
}

/// Replace the first occurrence of `from` by `to` in `bytes`.
fn replace(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
	let at = bytes.windows(from.len()).position(|w| w == from).expect("field present");
	[&bytes[..at], to, &bytes[at + from.len()..]].concat()
}

/// The encoding of `items` with one more element `extra` appended (length prefix included).
fn grown<T: Encode>(items: &[T], extra: &T) -> (Vec<u8>, Vec<u8>) {
	let old = items.encode();
	let mut new = Compact(items.len() as u32 + 1).encode();
	for item in items.iter().chain([extra]) {
		new.extend(item.encode());
	}
	(old, new)
}

#[test]
fn oversized_fields_do_not_decode() {
	new_test_ext().execute_with(|| {
		let s = setup();
		// Every bounded field at its bound.
		let mut a = app();
		a.kind = ElementKind::DataProduct;
		a.info.name = BoundedVec::try_from(vec![b'n'; 128]).unwrap();
		a.info.scenario = BoundedVec::try_from(vec![b's'; 512]).unwrap();
		a.info.format = BoundedVec::try_from(vec![b'f'; 64]).unwrap();
		let ids: Vec<u64> = (0..MAX_INPUTS)
			.map(|i| {
				let kind = if i % 2 == 0 {
					ElementKind::DataResource
				} else {
					ElementKind::ComputeResource
				};
				cert(s.alice, kind, true)
			})
			.collect();
		a.inputs = inputs(&ids);
		a.services = BoundedVec::try_from(
			(0..MAX_SERVICES as u8).map(|i| service("API", 0x60 + i)).collect::<Vec<_>>(),
		)
		.unwrap();
		a.materials = BoundedVec::try_from(
			(0..MAX_MATERIALS as u8)
				.map(|i| Material { kind: MaterialKind::Other, digest: digest(0x80 + i) })
				.collect::<Vec<_>>(),
		)
		.unwrap();
		let call = RuntimeCall::Registration(Call::submit { registry: GZ, application: a.clone() });
		let encoded = call.encode();
		assert_eq!(RuntimeCall::decode(&mut &encoded[..]).unwrap(), call);
		// The call at the bounds is valid and goes through.
		assert_ok!(call.clone().dispatch_bypass_filter(RuntimeOrigin::signed(ALICE)));

		let byte_fields: [(&[u8], u8); 3] =
			[(&a.info.name, b'n'), (&a.info.scenario, b's'), (&a.info.format, b'f')];
		for (field, byte) in byte_fields {
			let (old, new) = grown(field, &byte);
			let bad = replace(&encoded, &old, &new);
			assert!(RuntimeCall::decode(&mut &bad[..]).is_err());
		}
		let (old, new) = grown(&a.inputs[..], &1u64);
		assert!(RuntimeCall::decode(&mut &replace(&encoded, &old, &new)[..]).is_err());
		let (old, new) = grown(&a.services[..], &service("X", 0x6F));
		assert!(RuntimeCall::decode(&mut &replace(&encoded, &old, &new)[..]).is_err());
		let extra = Material { kind: MaterialKind::Other, digest: digest(0x9F) };
		let (old, new) = grown(&a.materials[..], &extra);
		assert!(RuntimeCall::decode(&mut &replace(&encoded, &old, &new)[..]).is_err());
		// The same substitution with the bound respected (one element replaced) decodes.
		let mut same = a.materials.encode();
		let last = same.len() - 32;
		same[last..].copy_from_slice(&[0x9F; 32]);
		assert!(
			RuntimeCall::decode(&mut &replace(&encoded, &a.materials.encode(), &same)[..]).is_ok()
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Registry steps.

#[test]
fn accept_and_acceptance_overdue() {
	new_test_ext().execute_with(|| {
		setup();
		let id = submit_as(ALICE, GZ, app());
		let other = submit_as(ALICE, GZ, app_with(0xAB));
		assert_noop!(
			Registration::accept(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Registration::accept(RuntimeOrigin::signed(DL_ADMIN), id),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Registration::accept(RuntimeOrigin::signed(GZ_ADMIN), 42),
			Error::<Test>::UnknownApplication
		);
		assert_ok!(Registration::accept(RuntimeOrigin::signed(GZ_OPERATOR), id));
		assert_eq!(status(id), ApplicationStatus::FormalReview);
		assert!(has_event(Event::Accepted { application: id, overdue: false }));
		assert_noop!(
			Registration::accept(RuntimeOrigin::signed(GZ_OPERATOR), id),
			Error::<Test>::WrongState
		);
		// Due Thursday 2026-02-12: on time that day, overdue on Friday.
		run_block_on(d(2026, 2, 12));
		assert!(!Registration::is_acceptance_overdue(other));
		run_block_on(d(2026, 2, 13));
		assert!(Registration::is_acceptance_overdue(other));
		assert!(!Registration::is_acceptance_overdue(id));
		assert_ok!(Registration::accept(RuntimeOrigin::signed(GZ_ADMIN), other));
		assert!(has_event(Event::Accepted { application: other, overdue: true }));
		assert!(!Registration::is_acceptance_overdue(other));
	});
}

#[test]
fn correction_lapses_the_day_after_its_last_day() {
	new_test_ext().execute_with(|| {
		setup();
		let id = submit_as(ALICE, GZ, app());
		assert_noop!(
			Registration::request_correction(RuntimeOrigin::signed(BOB), id, digest(0x31)),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Registration::request_correction(
				RuntimeOrigin::signed(GZ_ADMIN),
				id,
				Digest { value: [0; 32], ..digest(0x31) }
			),
			Error::<Test>::InvalidReasonDigest
		);
		assert_ok!(Registration::request_correction(
			RuntimeOrigin::signed(GZ_ADMIN),
			id,
			digest(0x31)
		));
		// 10 working days after Monday 2026-02-09, across the adjusted working Saturday 02-14,
		// the Spring Festival (02-15..02-23) and the adjusted working Saturday 02-28.
		let r = Applications::<Test>::get(id).unwrap();
		assert_eq!(r.status, ApplicationStatus::CorrectionRequested);
		assert_eq!(r.correction_last_day, Some(d(2026, 2, 28)));
		assert_eq!(r.reason_digest, Some(digest(0x31)));
		assert!(has_event(Event::CorrectionRequested {
			application: id,
			reason_digest: digest(0x31),
			last_day: d(2026, 2, 28),
		}));
		assert_eq!(
			ApplicationsByDigest::<Test>::get(digest(0x31), id),
			Some(DigestUse::CorrectionReason)
		);
		assert_noop!(
			Registration::request_correction(RuntimeOrigin::signed(GZ_ADMIN), id, digest(0x32)),
			Error::<Test>::WrongState
		);
		run_block_on(d(2026, 2, 28));
		assert_eq!(status(id), ApplicationStatus::CorrectionRequested);
		run_block_on(d(2026, 3, 1));
		assert_eq!(status(id), ApplicationStatus::Lapsed);
		assert!(has_event(Event::Lapsed { application: id }));
		assert_eq!(ApplicationStatus::Lapsed.name_zh(), "逾期未补正");
		assert_eq!(PendingContent::<Test>::get(digest(0xAA)), None);
		// Final: nothing more is possible.
		assert_noop!(
			Registration::amend(RuntimeOrigin::signed(ALICE), id, app()),
			Error::<Test>::WrongState
		);
		assert_noop!(
			Registration::withdraw(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::WrongState
		);
	});
}

#[test]
fn correction_from_formal_review_and_amend() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = in_formal_review(&s);
		assert_ok!(Registration::request_correction(
			RuntimeOrigin::signed(GZ_OPERATOR),
			id,
			digest(0x31)
		));
		assert!(timer_state(id).is_some());
		let amend =
			|who: u64, a: Application| Registration::amend(RuntimeOrigin::signed(who), id, a);
		assert_noop!(amend(BOB, app()), Error::<Test>::NotApplicant);
		assert_noop!(amend(NOBODY, app()), Error::<Test>::NotASubject);
		assert_noop!(
			Registration::amend(RuntimeOrigin::signed(ALICE), 42, app()),
			Error::<Test>::UnknownApplication
		);
		// Revalidated like a new application.
		let mut bad = app_with(0xAC);
		bad.info.name = bounded("");
		assert_noop!(amend(ALICE, bad), Error::<Test>::InvalidName);
		let bobs = add_cert(GZ, s.bob, ElementKind::DataResource, true, digest(0xB1), None);
		let _ = bobs;
		assert_noop!(amend(ALICE, app_with(0xB1)), Error::<Test>::DuplicateContent);

		run_block_on(d(2026, 2, 11));
		assert_ok!(amend(ALICE2, app_with(0xAC)));
		let r = Applications::<Test>::get(id).unwrap();
		assert_eq!(r.status, ApplicationStatus::Submitted);
		assert_eq!(r.submitted_on, d(2026, 2, 11));
		assert_eq!(r.acceptance_due, d(2026, 2, 14));
		assert_eq!(r.correction_last_day, None);
		assert_eq!(r.application.content_digest, digest(0xAC));
		assert_eq!(timer_state(id), None);
		assert_eq!(PendingContent::<Test>::get(digest(0xAA)), None);
		assert_eq!(PendingContent::<Test>::get(digest(0xAC)), Some((s.alice, 1)));
		assert_eq!(ApplicationsByDigest::<Test>::get(digest(0xAC), id), Some(DigestUse::Content));
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::Amended { application, .. } if *application == id)));
		assert_noop!(amend(ALICE, app()), Error::<Test>::WrongState);
		// The cancelled lapse timer does not fire.
		run_block_on(d(2026, 3, 2));
		assert_eq!(status(id), ApplicationStatus::Submitted);
		// A second correction reuses the timer id.
		assert_ok!(Registration::request_correction(
			RuntimeOrigin::signed(GZ_OPERATOR),
			id,
			digest(0x33)
		));
		assert!(timer_state(id).is_some());
	});
}

#[test]
fn refuse_from_each_allowed_state() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let submitted = submit_as(ALICE, GZ, app_with(1));
		let formal = submit_as(ALICE, GZ, app_with(2));
		assert_ok!(Registration::accept(RuntimeOrigin::signed(GZ_ADMIN), formal));
		let correction = submit_as(ALICE, GZ, app_with(3));
		assert_ok!(Registration::request_correction(
			RuntimeOrigin::signed(GZ_ADMIN),
			correction,
			digest(0x31)
		));
		let substantive = submit_as(ALICE, GZ, app_with(4));
		assert_ok!(Registration::accept(RuntimeOrigin::signed(GZ_ADMIN), substantive));
		assert_ok!(Registration::pass_formal(RuntimeOrigin::signed(GZ_ADMIN), substantive, s.dave));

		assert_noop!(
			Registration::refuse(RuntimeOrigin::signed(ALICE), submitted, digest(0x41)),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Registration::refuse(
				RuntimeOrigin::signed(GZ_ADMIN),
				submitted,
				Digest { value: [0; 32], ..digest(0x41) }
			),
			Error::<Test>::InvalidReasonDigest
		);
		assert_noop!(
			Registration::refuse(RuntimeOrigin::signed(GZ_ADMIN), substantive, digest(0x41)),
			Error::<Test>::WrongState
		);
		for id in [submitted, formal, correction] {
			assert_ok!(Registration::refuse(RuntimeOrigin::signed(GZ_ADMIN), id, digest(0x41)));
			assert_eq!(status(id), ApplicationStatus::Refused);
			assert!(has_event(Event::Refused { application: id, reason_digest: digest(0x41) }));
			assert_eq!(
				ApplicationsByDigest::<Test>::get(digest(0x41), id),
				Some(DigestUse::RefusalReason)
			);
		}
		assert_eq!(timer_state(correction), None);
		assert_eq!(ApplicationStatus::Refused.name_zh(), "审核不通过");
		assert_noop!(
			Registration::refuse(RuntimeOrigin::signed(GZ_ADMIN), submitted, digest(0x41)),
			Error::<Test>::WrongState
		);
	});
}

#[test]
fn pass_formal_checks_the_reviewer() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = submit_as(ALICE, GZ, app());
		let pass = |who: u64, reviewer: SubjectId| {
			Registration::pass_formal(RuntimeOrigin::signed(who), id, reviewer)
		};
		assert_noop!(pass(GZ_ADMIN, s.dave), Error::<Test>::WrongState);
		assert_ok!(Registration::accept(RuntimeOrigin::signed(GZ_ADMIN), id));
		assert_noop!(pass(DAVE, s.dave), Error::<Test>::NotOperator);
		assert_noop!(pass(GZ_ADMIN, s.frank), Error::<Test>::ReviewerNotVerified);
		assert_noop!(pass(GZ_ADMIN, 1_000), Error::<Test>::ReviewerNotVerified);
		assert_noop!(pass(GZ_ADMIN, s.bob), Error::<Test>::ReviewerNotServiceAgency);
		// The applicant itself, even with the agency role.
		assert_ok!(crate::mock::Subjects::set_roles(
			RuntimeOrigin::signed(GZ_ADMIN),
			s.alice,
			roles(&[SubjectRole::DataSupplier, SubjectRole::ServiceAgency])
		));
		assert_noop!(pass(GZ_ADMIN, s.alice), Error::<Test>::ReviewerConflict);
		// An agency sharing an account with the applicant.
		pallet_subjects::Subjects::<Test>::mutate(s.eve, |info| {
			info.as_mut().unwrap().accounts.try_push(ALICE2).unwrap();
		});
		assert_noop!(pass(GZ_ADMIN, s.eve), Error::<Test>::ReviewerConflict);

		assert_ok!(pass(GZ_ADMIN, s.dave));
		let r = Applications::<Test>::get(id).unwrap();
		assert_eq!(r.status, ApplicationStatus::SubstantiveReview);
		assert_eq!(r.reviewer, Some(s.dave));
		assert!(has_event(Event::FormalReviewPassed { application: id, reviewer: s.dave }));
		assert_eq!(ApplicationStatus::SubstantiveReview.name_zh(), "复审中");
		assert_noop!(pass(GZ_ADMIN, s.dave), Error::<Test>::WrongState);
	});
}

#[test]
fn submit_review_pass_and_fail() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = in_substantive_review(&s);
		let review = |who: u64, passed: bool, tag: u8| {
			Registration::submit_review(RuntimeOrigin::signed(who), id, passed, digest(tag))
		};
		assert_noop!(review(EVE, true, 0x70), Error::<Test>::NotReviewer);
		assert_noop!(review(NOBODY, true, 0x70), Error::<Test>::NotReviewer);
		assert_noop!(review(GZ_ADMIN, true, 0x70), Error::<Test>::NotReviewer);
		assert_noop!(
			Registration::submit_review(
				RuntimeOrigin::signed(DAVE),
				id,
				true,
				Digest { value: [0; 32], ..digest(0x70) }
			),
			Error::<Test>::InvalidReportDigest
		);
		assert_ok!(review(DAVE, true, 0x70));
		let r = Applications::<Test>::get(id).unwrap();
		assert_eq!(r.status, ApplicationStatus::InNotice);
		assert_eq!(r.notice_start, Some(d(2026, 2, 9)));
		assert_eq!(r.notice_last_day, Some(d(2026, 2, 28)));
		assert_eq!(r.report_digest, Some(digest(0x70)));
		assert_eq!(CurrentNotices::<Test>::get(id), Some(d(2026, 2, 28)));
		assert_eq!(Registration::notice_last_day(id), Some(d(2026, 2, 28)));
		assert_eq!(
			ApplicationsByDigest::<Test>::get(digest(0x70), id),
			Some(DigestUse::ReviewReport)
		);
		assert!(has_event(Event::ReviewPassed {
			application: id,
			reviewer: s.dave,
			report_digest: digest(0x70),
			notice_start: d(2026, 2, 9),
			notice_last_day: d(2026, 2, 28),
		}));
		assert_eq!(ApplicationStatus::InNotice.name_zh(), "公示中");
		assert_noop!(review(DAVE, true, 0x71), Error::<Test>::WrongState);

		// A failed review rejects.
		let other = submit_as(ALICE, GZ, app_with(0xAB));
		assert_ok!(Registration::accept(RuntimeOrigin::signed(GZ_ADMIN), other));
		assert_ok!(Registration::pass_formal(RuntimeOrigin::signed(GZ_ADMIN), other, s.eve));
		assert_ok!(Registration::submit_review(
			RuntimeOrigin::signed(EVE),
			other,
			false,
			digest(0x72)
		));
		assert_eq!(status(other), ApplicationStatus::Rejected);
		assert_eq!(timer_state(other), None);
		assert!(has_event(Event::ReviewFailed {
			application: other,
			reviewer: s.eve,
			report_digest: digest(0x72),
		}));
		assert_eq!(PendingContent::<Test>::get(digest(0xAB)), None);
	});
}

// ---------------------------------------------------------------------------------------------
// Notice and issuance.

#[test]
fn notice_of_one_working_day_ends_on_the_adjusted_saturday() {
	new_test_ext().execute_with(|| {
		let s = setup();
		set_gz_rules(RegistryRules { notice_wd: 1, ..Default::default() });
		// Published Friday 2026-02-13 (DOMAIN §4).
		run_block_on(d(2026, 2, 13));
		let id = in_notice(&s);
		assert_eq!(CurrentNotices::<Test>::get(id), Some(d(2026, 2, 14)));
		run_block_on(d(2026, 2, 14));
		assert_eq!(status(id), ApplicationStatus::InNotice);
		assert_eq!(cert_count(), 0);
		run_block_on(d(2026, 2, 15));
		let certificate = 1;
		assert_eq!(status(id), ApplicationStatus::Issued(certificate));
		assert!(has_event(Event::CertificateIssued { application: id, certificate }));
		let c = get_cert(certificate).unwrap();
		assert_eq!(c.view.holder, s.alice);
		assert_eq!(c.content, digest(0xAA));
		let issuance = c.issuance.unwrap();
		assert_eq!(issuance.application, id);
		assert_eq!(issuance.registry, GZ);
		assert_eq!(issuance.info, info());
		assert_eq!(issuance.materials, app().materials);
		assert_eq!(CurrentNotices::<Test>::get(id), None);
		assert_eq!(PendingContent::<Test>::get(digest(0xAA)), None);
		assert_eq!(ApplicationStatus::Issued(1).name_zh(), "凭证已发行");
		// Issued: the content is now registered to Alice.
		assert_noop!(
			Registration::submit(RuntimeOrigin::signed(BOB), GZ, app()),
			Error::<Test>::DuplicateContent
		);
		assert_noop!(
			Registration::withdraw(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::WrongState
		);
	});
}

#[test]
fn ten_working_day_notice_crosses_the_spring_festival() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = in_notice(&s);
		assert_eq!(CurrentNotices::<Test>::iter().collect::<Vec<_>>(), vec![(id, d(2026, 2, 28))]);
		for day in [d(2026, 2, 14), d(2026, 2, 23), d(2026, 2, 27), d(2026, 2, 28)] {
			run_block_on(day);
			assert_eq!(status(id), ApplicationStatus::InNotice);
		}
		run_block_on(d(2026, 3, 1));
		assert_eq!(status(id), ApplicationStatus::Issued(1));
	});
}

#[test]
fn calendar_day_notice() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = submit_as(ALICE, DL, app());
		assert_ok!(Registration::accept(RuntimeOrigin::signed(DL_ADMIN), id));
		assert_noop!(
			Registration::pass_formal(RuntimeOrigin::signed(GZ_ADMIN), id, s.dave),
			Error::<Test>::NotOperator
		);
		assert_ok!(Registration::pass_formal(RuntimeOrigin::signed(DL_ADMIN), id, s.dave));
		assert_ok!(Registration::submit_review(RuntimeOrigin::signed(DAVE), id, true, digest(7)));
		// 7 calendar days after 2026-02-09, holidays included.
		assert_eq!(CurrentNotices::<Test>::get(id), Some(d(2026, 2, 16)));
		run_block_on(d(2026, 2, 16));
		assert_eq!(status(id), ApplicationStatus::InNotice);
		run_block_on(d(2026, 2, 17));
		assert_eq!(status(id), ApplicationStatus::Issued(1));
	});
}

#[test]
fn failed_issuance_refuses_the_application() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = in_notice(&s);
		set_issue_error(Some(IssueError::IndexFull));
		run_block_on(d(2026, 3, 1));
		assert_eq!(status(id), ApplicationStatus::Refused);
		assert!(has_event(Event::IssuanceFailed { application: id, error: IssueError::IndexFull }));
		assert_eq!(CurrentNotices::<Test>::get(id), None);
		assert_eq!(cert_count(), 0);
	});
}

#[test]
fn timer_handler_ignores_other_states() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = in_substantive_review(&s);
		let before = Applications::<Test>::get(id);
		let w = Registration::on_timer(id);
		assert!(w.all_lte(Registration::on_timer_max_weight()));
		assert_eq!(Applications::<Test>::get(id), before);
		Registration::on_timer(42);
		assert!(events().iter().all(|e| !matches!(
			e,
			Event::Lapsed { .. } | Event::CertificateIssued { .. } | Event::IssuanceFailed { .. }
		)));
		assert!(Registration::on_timer_max_weight().ref_time() > 0);
	});
}

// ---------------------------------------------------------------------------------------------
// Disputes.

#[test]
fn dispute_pauses_and_resume_restarts_from_today() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = in_notice(&s);
		assert_eq!(
			<Registration as ApplicationDisputes>::parties(id),
			Some(DisputeParties { registry: GZ, respondent: s.alice })
		);
		assert_eq!(
			<Registration as ApplicationDisputes>::resume(id),
			Err(DisputeError::WrongState)
		);
		run_block_on(d(2026, 2, 10));
		assert_ok!(<Registration as ApplicationDisputes>::open_dispute(id));
		let r = Applications::<Test>::get(id).unwrap();
		assert_eq!(r.status, ApplicationStatus::Disputed);
		// Working days after 02-10 up to 02-28: 11, 12, 13, 14, 24, 25, 26, 27, 28.
		assert_eq!(r.notice_remaining, Some(9));
		assert!(has_event(Event::NoticePaused { application: id, remaining: 9 }));
		assert_eq!(CurrentNotices::<Test>::get(id), None);
		assert_eq!(ApplicationStatus::Disputed.name_zh(), "争议中");
		assert!(<Registration as ApplicationDisputes>::parties(id).is_some());
		assert_eq!(
			<Registration as ApplicationDisputes>::open_dispute(id),
			Err(DisputeError::WrongState)
		);
		// The paused notice does not issue.
		run_block_on(d(2026, 3, 1));
		assert_eq!(status(id), ApplicationStatus::Disputed);
		// Resumed Monday 2026-03-02: 9 working days later is Friday 03-13.
		run_block_on(d(2026, 3, 2));
		assert_ok!(<Registration as ApplicationDisputes>::resume(id));
		assert_eq!(status(id), ApplicationStatus::InNotice);
		assert_eq!(CurrentNotices::<Test>::get(id), Some(d(2026, 3, 13)));
		assert!(has_event(Event::NoticeResumed {
			application: id,
			notice_last_day: d(2026, 3, 13)
		}));
		run_block_on(d(2026, 3, 13));
		assert_eq!(status(id), ApplicationStatus::InNotice);
		run_block_on(d(2026, 3, 14));
		assert_eq!(status(id), ApplicationStatus::Issued(1));
		assert_eq!(<Registration as ApplicationDisputes>::parties(id), None);
	});
}

#[test]
fn upheld_objection_rejects() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = in_notice(&s);
		assert_eq!(
			<Registration as ApplicationDisputes>::reject_upheld(id, digest(0xDD)),
			Err(DisputeError::WrongState)
		);
		assert_eq!(
			<Registration as ApplicationDisputes>::open_dispute(42),
			Err(DisputeError::Unknown)
		);
		assert_ok!(<Registration as ApplicationDisputes>::open_dispute(id));
		assert_ok!(<Registration as ApplicationDisputes>::reject_upheld(id, digest(0xDD)));
		assert_eq!(status(id), ApplicationStatus::Rejected);
		assert_eq!(timer_state(id), None);
		assert!(has_event(Event::RejectedUpheld {
			application: id,
			decision_digest: digest(0xDD)
		}));
		assert_eq!(ApplicationsByDigest::<Test>::get(digest(0xDD), id), Some(DigestUse::Decision));
		run_block_on(d(2026, 3, 2));
		assert_eq!(status(id), ApplicationStatus::Rejected);
		assert_eq!(<Registration as ApplicationDisputes>::parties(id), None);
	});
}

#[test]
fn notice_over_cannot_be_disputed() {
	new_test_ext().execute_with(|| {
		let s = setup();
		set_gz_rules(RegistryRules { notice_wd: 1, ..Default::default() });
		let id = in_notice(&s);
		// Last day Tuesday 02-10; on 02-11 the timer is due but imagine it not yet processed.
		assert_eq!(CurrentNotices::<Test>::get(id), Some(d(2026, 2, 10)));
		Now::set(&(Now::get() + 2 * DAY_MS));
		assert_eq!(today(), d(2026, 2, 11));
		assert_eq!(<Registration as ApplicationDisputes>::parties(id), None);
		assert_eq!(
			<Registration as ApplicationDisputes>::open_dispute(id),
			Err(DisputeError::WrongState)
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Withdrawal.

#[test]
fn withdraw_from_live_states() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let submitted = submit_as(ALICE, GZ, app_with(1));
		let correction = submit_as(ALICE, GZ, app_with(2));
		assert_ok!(Registration::request_correction(
			RuntimeOrigin::signed(GZ_ADMIN),
			correction,
			digest(0x31)
		));
		let noticed = in_notice(&s);
		let disputed = {
			let id = submit_as(ALICE, GZ, app_with(4));
			assert_ok!(Registration::accept(RuntimeOrigin::signed(GZ_ADMIN), id));
			assert_ok!(Registration::pass_formal(RuntimeOrigin::signed(GZ_ADMIN), id, s.dave));
			assert_ok!(Registration::submit_review(
				RuntimeOrigin::signed(DAVE),
				id,
				true,
				digest(9)
			));
			assert_ok!(<Registration as ApplicationDisputes>::open_dispute(id));
			id
		};
		assert_noop!(
			Registration::withdraw(RuntimeOrigin::signed(BOB), submitted),
			Error::<Test>::NotApplicant
		);
		assert_noop!(
			Registration::withdraw(RuntimeOrigin::signed(NOBODY), submitted),
			Error::<Test>::NotASubject
		);
		assert_noop!(
			Registration::withdraw(RuntimeOrigin::signed(ALICE), 42),
			Error::<Test>::UnknownApplication
		);
		for id in [submitted, correction, noticed, disputed] {
			assert_ok!(Registration::withdraw(RuntimeOrigin::signed(ALICE2), id));
			assert_eq!(status(id), ApplicationStatus::Withdrawn);
			assert!(has_event(Event::Withdrawn { application: id }));
			assert_eq!(timer_state(id), None);
			assert_eq!(CurrentNotices::<Test>::get(id), None);
		}
		assert_eq!(ApplicationStatus::Withdrawn.name_zh(), "已撤回");
		assert_noop!(
			Registration::withdraw(RuntimeOrigin::signed(ALICE), submitted),
			Error::<Test>::WrongState
		);
		assert_eq!(
			<Registration as ApplicationDisputes>::resume(disputed),
			Err(DisputeError::WrongState)
		);
		// Nothing fires later.
		run_block_on(d(2026, 4, 1));
		for id in [submitted, correction, noticed, disputed] {
			assert_eq!(status(id), ApplicationStatus::Withdrawn);
		}
		assert_eq!(cert_count(), 0);
		assert_eq!(PendingContent::<Test>::iter().count(), 0);
		// Applications by applicant.
		let mine: Vec<_> = ApplicationsByApplicant::<Test>::iter_key_prefix(s.alice).collect();
		assert_eq!(mine.len(), 4);
	});
}

#[test]
fn status_names() {
	assert_eq!(ApplicationStatus::Submitted.name_zh(), "待受理");
	assert_eq!(ApplicationStatus::FormalReview.name_zh(), "初审中");
	assert_eq!(ApplicationStatus::CorrectionRequested.name_zh(), "补正");
	assert_eq!(ApplicationStatus::Rejected.name_zh(), "审核不通过");
	assert!(ApplicationStatus::Issued(3).is_final());
	assert!(!ApplicationStatus::Disputed.is_final());
}

#[test]
fn calendar_day_notice_pauses_and_resumes_in_calendar_days() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let id = submit_as(ALICE, DL, app());
		assert_ok!(Registration::accept(RuntimeOrigin::signed(DL_ADMIN), id));
		assert_ok!(Registration::pass_formal(RuntimeOrigin::signed(DL_ADMIN), id, s.dave));
		assert_ok!(Registration::submit_review(RuntimeOrigin::signed(DAVE), id, true, digest(7)));
		assert_eq!(CurrentNotices::<Test>::get(id), Some(d(2026, 2, 16)));
		run_block_on(d(2026, 2, 10));
		assert_ok!(<Registration as ApplicationDisputes>::open_dispute(id));
		// Calendar days after 02-10 up to 02-16.
		assert_eq!(Applications::<Test>::get(id).unwrap().notice_remaining, Some(6));
		run_block_on(d(2026, 3, 2));
		assert_ok!(<Registration as ApplicationDisputes>::resume(id));
		assert_eq!(CurrentNotices::<Test>::get(id), Some(d(2026, 3, 8)));
		run_block_on(d(2026, 3, 8));
		assert_eq!(status(id), ApplicationStatus::InNotice);
		run_block_on(d(2026, 3, 9));
		assert_eq!(status(id), ApplicationStatus::Issued(1));
	});
}

#[test]
fn dispute_hooks_on_unknown_applications() {
	new_test_ext().execute_with(|| {
		assert_eq!(<Registration as ApplicationDisputes>::parties(42), None);
		assert_eq!(<Registration as ApplicationDisputes>::resume(42), Err(DisputeError::Unknown));
		assert_eq!(
			<Registration as ApplicationDisputes>::reject_upheld(42, digest(1)),
			Err(DisputeError::Unknown)
		);
		// Submitted: not in notice.
		setup();
		let id = submit_as(ALICE, GZ, app());
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_eq!(<Registration as ApplicationDisputes>::parties(id), None);
		assert_eq!(
			<Registration as ApplicationDisputes>::open_dispute(id),
			Err(DisputeError::WrongState)
		);
		assert_eq!(root, sp_io::storage::root(sp_runtime::StateVersion::V1));
	});
}

#[test]
fn submit_is_charged_for_the_inputs_and_materials_it_carries() {
	use frame_support::dispatch::GetDispatchInfo;
	let weight = |application: Application| {
		crate::Call::<Test>::submit { registry: 1, application }.get_dispatch_info().call_weight
	};
	let small = app();
	let mut large = app();
	large.inputs = inputs(&[1, 2, 3, 4, 5, 6, 7, 8]);
	large.materials = BoundedVec::try_from(
		(0..MAX_MATERIALS as u8)
			.map(|i| Material { kind: MaterialKind::Other, digest: digest(0x60 + i) })
			.collect::<Vec<_>>(),
	)
	.unwrap();
	// The charge follows the benchmark's components: at least one input (as benchmarked), and
	// the materials as carried.
	use crate::weights::WeightInfo;
	assert_eq!(weight(small), <() as WeightInfo>::submit(1, 2));
	assert_eq!(weight(large), <() as WeightInfo>::submit(8, 16));
	assert!(<() as WeightInfo>::submit(1, 2).all_lt(<() as WeightInfo>::submit(8, 16)));
}
