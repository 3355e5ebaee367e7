//! Benchmarks of the registration pallet. Worst cases: a data product citing the most inputs
//! (each checked: view, licence, lineage), the most materials, services and prior registrations,
//! and the longest texts; timer handling issuing a certificate or lapsing an application.

use super::*;
use alloc::vec::Vec;
use doid_primitives::{
	Acquisition, ApplicationDisputes, AssetInfo, CertificatesBenchmarkHelper, Digest, Material,
	MaterialKind, PriorRegistration, RegistrationNumber, RegistriesBenchmarkHelper, RegistryId,
	Rights, Roles, SubjectId, SubjectRole, SubjectsBenchmarkHelper, UpdateFrequency,
	MAX_ELEMENT_NAME_LEN, MAX_INPUTS, MAX_MATERIALS, MAX_PRIOR_REGISTRATIONS, MAX_SERVICES,
	MAX_SHORT_TEXT_LEN, MAX_TEXT_LEN,
};
use frame_benchmarking::v2::*;
use frame_support::BoundedVec;
use frame_system::RawOrigin;

/// Text of exactly `len` bytes: three-byte characters padded with `x`.
fn text<const N: u32>(len: u32) -> BoundedVec<u8, frame_support::traits::ConstU32<N>> {
	let mut bytes = "数".repeat((len / 3) as usize).into_bytes();
	bytes.resize(len as usize, b'x');
	BoundedVec::truncate_from(bytes)
}

/// The parties: registry (admin = operator), applicant and reviewer.
struct Parties<T: Config> {
	registry: RegistryId,
	operator: T::AccountId,
	applicant: SubjectId,
	applicant_account: T::AccountId,
	reviewer: SubjectId,
	reviewer_account: T::AccountId,
}

fn parties<T: Config>() -> Parties<T> {
	let operator: T::AccountId = account("operator", 0, 0);
	let registry = T::BenchmarkRegistries::create_registry(0, &operator);
	let applicant_account: T::AccountId = account("applicant", 0, 0);
	let applicant = T::BenchmarkSubjects::create_verified_subject(
		registry,
		&applicant_account,
		Roles::from_roles(&[SubjectRole::DataSupplier, SubjectRole::DataMerchant]),
		9_001,
	);
	let reviewer_account: T::AccountId = account("reviewer", 0, 0);
	let reviewer = T::BenchmarkSubjects::create_verified_subject(
		registry,
		&reviewer_account,
		Roles::from_roles(&[SubjectRole::ServiceAgency]),
		9_002,
	);
	Parties { registry, operator, applicant, applicant_account, reviewer, reviewer_account }
}

/// The worst-case application: a data product citing `MAX_INPUTS` certificates of the applicant
/// (of three kinds), with the most services, materials and prior registrations and the longest
/// texts. `variant` makes the digests unique.
fn application<T: Config>(p: &Parties<T>, variant: u32) -> Application {
	application_with::<T>(p, variant, MAX_INPUTS, MAX_MATERIALS)
}

/// The worst-case application with `inputs` inputs (at least one: a data product with services
/// needs one more kind) and `materials` materials.
fn application_with<T: Config>(
	p: &Parties<T>,
	variant: u32,
	inputs: u32,
	materials: u32,
) -> Application {
	let kinds =
		[ElementKind::DataResource, ElementKind::ComputeResource, ElementKind::AlgorithmModel];
	let inputs: Vec<u64> = (0..inputs.max(1))
		.map(|i| {
			T::BenchmarkCertificates::create_certificate(
				p.registry,
				p.applicant,
				kinds[(i % 3) as usize],
				true,
				&[],
				variant * 100 + i,
			)
		})
		.collect();
	let info = AssetInfo {
		name: text::<MAX_ELEMENT_NAME_LEN>(MAX_ELEMENT_NAME_LEN),
		industry: b'I',
		scenario: text::<MAX_TEXT_LEN>(MAX_TEXT_LEN),
		source: text::<MAX_TEXT_LEN>(MAX_TEXT_LEN),
		format: text::<MAX_SHORT_TEXT_LEN>(MAX_SHORT_TEXT_LEN),
		structure: text::<MAX_TEXT_LEN>(MAX_TEXT_LEN),
		scale: text::<MAX_SHORT_TEXT_LEN>(MAX_SHORT_TEXT_LEN),
		update_frequency: UpdateFrequency::Daily,
		processing_rules: text::<MAX_TEXT_LEN>(MAX_TEXT_LEN),
		trainable: true,
		rights: Rights::HOLDING.union(Rights::PROCESSING_USE).union(Rights::OPERATION),
		acquisition: Acquisition::SelfDeveloped,
	};
	Application {
		kind: ElementKind::DataProduct,
		info,
		content_digest: Digest::synthetic(0xA0, variant),
		inputs: BoundedVec::truncate_from(inputs),
		services: BoundedVec::truncate_from(
			(0..MAX_SERVICES)
				.map(|i| DataService {
					name: text::<MAX_SERVICE_NAME_LEN>(MAX_SERVICE_NAME_LEN),
					description_digest: Digest::synthetic(0xB0, variant * 100 + i),
				})
				.collect(),
		),
		materials: BoundedVec::truncate_from(
			(0..materials)
				.map(|i| Material {
					kind: MaterialKind::Other,
					digest: Digest::synthetic(0xC0, variant * 100 + i),
				})
				.collect(),
		),
		prior_registrations: BoundedVec::truncate_from(
			(0..MAX_PRIOR_REGISTRATIONS)
				.filter_map(|i| {
					RegistrationNumber::format(b"BENCHREG", 2026, variant * 100 + i)
						.ok()
						.map(|number| PriorRegistration { registry: 999, number })
				})
				.collect(),
		),
		declarations: Declarations {
			personal_information: true,
			important_data: true,
			public_data: true,
			cross_border: true,
			core_data: false,
		},
	}
}

/// A submitted worst-case application; returns its id.
fn submitted<T: Config>(p: &Parties<T>) -> ApplicationId {
	let id = NextApplicationId::<T>::get();
	Pallet::<T>::submit(
		RawOrigin::Signed(p.applicant_account.clone()).into(),
		p.registry,
		application::<T>(p, 1),
	)
	.expect("benchmark application is valid");
	id
}

/// An application awaiting correction.
fn correction_requested<T: Config>(p: &Parties<T>) -> ApplicationId {
	let id = submitted::<T>(p);
	Pallet::<T>::request_correction(
		RawOrigin::Signed(p.operator.clone()).into(),
		id,
		Digest::synthetic(1, 0),
	)
	.expect("submitted application");
	id
}

/// An application in formal review.
fn in_formal_review<T: Config>(p: &Parties<T>) -> ApplicationId {
	let id = submitted::<T>(p);
	Pallet::<T>::accept(RawOrigin::Signed(p.operator.clone()).into(), id)
		.expect("submitted application");
	id
}

/// An application in substantive review.
fn in_substantive_review<T: Config>(p: &Parties<T>) -> ApplicationId {
	let id = in_formal_review::<T>(p);
	Pallet::<T>::pass_formal(RawOrigin::Signed(p.operator.clone()).into(), id, p.reviewer)
		.expect("valid reviewer");
	id
}

/// An application in notice.
fn in_notice<T: Config>(p: &Parties<T>) -> ApplicationId {
	let id = in_substantive_review::<T>(p);
	Pallet::<T>::submit_review(
		RawOrigin::Signed(p.reviewer_account.clone()).into(),
		id,
		true,
		Digest::synthetic(2, 0),
	)
	.expect("reviewer passes");
	id
}

fn status<T: Config>(id: ApplicationId) -> Option<ApplicationStatus> {
	Applications::<T>::get(id).map(|r| r.status)
}

#[benchmarks]
mod benches {
	use super::*;

	/// `i` inputs, `m` materials: the call is charged for the ones it carries.
	#[benchmark]
	fn submit(i: Linear<1, MAX_INPUTS>, m: Linear<0, MAX_MATERIALS>) {
		let p = parties::<T>();
		let app = application_with::<T>(&p, 1, i, m);
		let id = NextApplicationId::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(p.applicant_account.clone()), p.registry, app);
		assert_eq!(status::<T>(id), Some(ApplicationStatus::Submitted));
	}

	#[benchmark]
	fn accept() {
		let p = parties::<T>();
		let id = submitted::<T>(&p);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.operator.clone()), id);
		assert_eq!(status::<T>(id), Some(ApplicationStatus::FormalReview));
	}

	#[benchmark]
	fn request_correction() {
		let p = parties::<T>();
		let id = in_formal_review::<T>(&p);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.operator.clone()), id, Digest::synthetic(3, 0));
		assert_eq!(status::<T>(id), Some(ApplicationStatus::CorrectionRequested));
	}

	#[benchmark]
	fn refuse() {
		let p = parties::<T>();
		let id = correction_requested::<T>(&p);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.operator.clone()), id, Digest::synthetic(4, 0));
		assert_eq!(status::<T>(id), Some(ApplicationStatus::Refused));
	}

	#[benchmark]
	fn pass_formal() {
		let p = parties::<T>();
		let id = in_formal_review::<T>(&p);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.operator.clone()), id, p.reviewer);
		assert_eq!(status::<T>(id), Some(ApplicationStatus::SubstantiveReview));
	}

	#[benchmark]
	fn submit_review() {
		let p = parties::<T>();
		let id = in_substantive_review::<T>(&p);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.reviewer_account.clone()), id, true, Digest::synthetic(5, 0));
		assert_eq!(status::<T>(id), Some(ApplicationStatus::InNotice));
	}

	#[benchmark]
	fn amend() {
		let p = parties::<T>();
		let id = correction_requested::<T>(&p);
		let app = application::<T>(&p, 2);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.applicant_account.clone()), id, app);
		assert_eq!(status::<T>(id), Some(ApplicationStatus::Submitted));
	}

	#[benchmark]
	fn withdraw() {
		let p = parties::<T>();
		let id = in_notice::<T>(&p);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.applicant_account.clone()), id);
		assert_eq!(status::<T>(id), Some(ApplicationStatus::Withdrawn));
	}

	#[benchmark]
	fn on_timer_issue() {
		let p = parties::<T>();
		let id = in_notice::<T>(&p);
		#[block]
		{
			Pallet::<T>::on_timer(id);
		}
		assert!(matches!(status::<T>(id), Some(ApplicationStatus::Issued(_))));
	}

	#[benchmark]
	fn on_timer_lapse() {
		let p = parties::<T>();
		let id = correction_requested::<T>(&p);
		#[block]
		{
			Pallet::<T>::on_timer(id);
		}
		assert_eq!(status::<T>(id), Some(ApplicationStatus::Lapsed));
	}

	#[benchmark]
	fn open_dispute() {
		let p = parties::<T>();
		let id = in_notice::<T>(&p);
		#[block]
		{
			<Pallet<T> as ApplicationDisputes>::open_dispute(id).expect("in notice");
		}
		assert_eq!(status::<T>(id), Some(ApplicationStatus::Disputed));
	}

	#[benchmark]
	fn resume_notice() {
		let p = parties::<T>();
		let id = in_notice::<T>(&p);
		<Pallet<T> as ApplicationDisputes>::open_dispute(id).expect("in notice");
		#[block]
		{
			<Pallet<T> as ApplicationDisputes>::resume(id).expect("disputed");
		}
		assert_eq!(status::<T>(id), Some(ApplicationStatus::InNotice));
	}

	#[benchmark]
	fn reject_upheld() {
		let p = parties::<T>();
		let id = in_notice::<T>(&p);
		<Pallet<T> as ApplicationDisputes>::open_dispute(id).expect("in notice");
		#[block]
		{
			<Pallet<T> as ApplicationDisputes>::reject_upheld(id, Digest::synthetic(6, 0))
				.expect("disputed");
		}
		assert_eq!(status::<T>(id), Some(ApplicationStatus::Rejected));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
