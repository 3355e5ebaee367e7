//! Benchmarks of the certificates, each in its worst case: certificates with the longest
//! information and the most materials, pending requests that must be dropped, the most
//! licences, and verification / issuance at [`MAX_ANCESTORS`] ancestors and
//! [`MAX_LINEAGE_DEPTH`].

use super::*;
use crate::features::bench_helper::bench_issuance;
use alloc::{vec, vec::Vec};
use doid_primitives::{
	AssetInfo, CertificateId, Date, Digest, ElementKind, RegistryId, Roles, SubjectId, SubjectRole,
	WorkingDays, MAX_INPUTS,
};
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::RawOrigin;

struct Setup<T: Config> {
	registry: RegistryId,
	operator: T::AccountId,
	holder_account: T::AccountId,
	holder: SubjectId,
	other_account: T::AccountId,
	other: SubjectId,
	court: T::AccountId,
}

/// A registry, its operator, a holder, a second subject and a court.
fn setup<T: Config>() -> Setup<T> {
	let operator: T::AccountId = account("operator", 0, 0);
	let registry = T::BenchmarkHelper::create_registry(0, &operator);
	let holder_account: T::AccountId = account("holder", 0, 0);
	let holder = T::BenchmarkHelper::create_verified_subject(
		registry,
		&holder_account,
		Roles::from_roles(&[SubjectRole::DataSupplier]),
		1,
	);
	let other_account: T::AccountId = account("other", 0, 0);
	let other = T::BenchmarkHelper::create_verified_subject(
		registry,
		&other_account,
		Roles::from_roles(&[SubjectRole::DataBuyer]),
		2,
	);
	let court: T::AccountId = account("court", 0, 0);
	T::BenchmarkHelper::create_verified_subject(
		registry,
		&court,
		Roles::from_roles(&[SubjectRole::Court]),
		3,
	);
	Setup { registry, operator, holder_account, holder, other_account, other, court }
}

/// Issue a certificate held by `holder` citing `inputs`.
fn new_cert<T: Config>(
	registry: RegistryId,
	holder: SubjectId,
	inputs: &[CertificateId],
	seed: u32,
) -> CertificateId {
	Pallet::<T>::do_issue(bench_issuance(
		registry,
		holder,
		ElementKind::DataResource,
		true,
		inputs,
		seed,
	))
	.expect("benchmark certificate issues")
}

/// Eight inputs whose union has exactly [`MAX_ANCESTORS`] ancestors (the inputs included) and
/// whose deepest input has depth `MAX_LINEAGE_DEPTH − 1`: a chain of ten certificates, six
/// certificates citing seven leaves each and one citing five leaves (10 + 6 × 8 + 6 = 64).
fn max_lineage<T: Config>(registry: RegistryId, holder: SubjectId) -> Vec<CertificateId> {
	let mut seed = 1_000u32;
	let mut next_seed = || {
		seed += 1;
		seed
	};
	let mut chain = new_cert::<T>(registry, holder, &[], next_seed());
	for _ in 1..MAX_LINEAGE_DEPTH {
		chain = new_cert::<T>(registry, holder, &[chain], next_seed());
	}
	let mut inputs = vec![chain];
	for leaves in [7u32, 7, 7, 7, 7, 7, 5] {
		let leaves: Vec<_> =
			(0..leaves).map(|_| new_cert::<T>(registry, holder, &[], next_seed())).collect();
		inputs.push(new_cert::<T>(registry, holder, &leaves, next_seed()));
	}
	assert_eq!(inputs.len() as u32, MAX_INPUTS);
	inputs
}

/// Move the last valid day of `id` to today, so that its renewal window is open.
fn expire_today<T: Config>(id: CertificateId) {
	let today: Date = T::Calendar::today();
	Certificates::<T>::mutate(id, |c| {
		if let Some(c) = c {
			c.expires_on = today;
		}
	});
}

/// A certificate of the setup's holder with a pending transfer to the other subject.
fn with_pending_transfer<T: Config>(s: &Setup<T>, seed: u32) -> CertificateId {
	let id = new_cert::<T>(s.registry, s.holder, &[], seed);
	Pallet::<T>::request_transfer(RawOrigin::Signed(s.holder_account.clone()).into(), id, s.other)
		.expect("transfer requested");
	id
}

fn status<T: Config>(id: CertificateId) -> CertificateStatus {
	Certificates::<T>::get(id).map(|c| c.status).expect("certificate exists")
}

/// Fill the licences of `id` with `n` licences of made-up subjects, valid for a long time.
fn fill_licences<T: Config>(id: CertificateId, n: u32) {
	let until = T::Calendar::today().add_days(3_000).expect("in range");
	let licences: Vec<Licence> =
		(0..n).map(|i| Licence { grantee: 1_000_000 + u64::from(i), until }).collect();
	Licences::<T>::insert(id, BoundedVec::truncate_from(licences));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn issue() {
		let s = setup::<T>();
		let inputs = max_lineage::<T>(s.registry, s.holder);
		let issuance =
			bench_issuance(s.registry, s.holder, ElementKind::DataProduct, false, &inputs, 1);
		let id;
		#[block]
		{
			id = Pallet::<T>::do_issue(issuance).expect("issues");
		}
		assert_eq!(Ancestors::<T>::get(id).map(|a| a.len() as u32), Some(MAX_ANCESTORS));
	}

	#[benchmark]
	fn request_renewal() {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		expire_today::<T>(id);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.holder_account), id);
		assert_eq!(status::<T>(id), CertificateStatus::Renewing);
	}

	#[benchmark]
	fn approve_renewal() {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		expire_today::<T>(id);
		Pallet::<T>::request_renewal(RawOrigin::Signed(s.holder_account).into(), id)
			.expect("renewal requested");
		#[extrinsic_call]
		_(RawOrigin::Signed(s.operator), id);
		assert_eq!(status::<T>(id), CertificateStatus::Active);
	}

	#[benchmark]
	fn request_change() {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.holder_account), id, AssetInfo::longest_sample(false));
		assert_eq!(status::<T>(id), CertificateStatus::ChangePending);
	}

	#[benchmark]
	fn approve_change() {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		Pallet::<T>::request_change(
			RawOrigin::Signed(s.holder_account).into(),
			id,
			AssetInfo::longest_sample(false),
		)
		.expect("change requested");
		#[extrinsic_call]
		_(RawOrigin::Signed(s.operator), id);
		assert_eq!(status::<T>(id), CertificateStatus::Active);
	}

	#[benchmark]
	fn request_transfer() {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.holder_account), id, s.other);
		assert_eq!(status::<T>(id), CertificateStatus::TransferPending);
	}

	#[benchmark]
	fn accept_transfer() {
		let s = setup::<T>();
		let id = with_pending_transfer::<T>(&s, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.other_account), id);
		assert!(matches!(Requests::<T>::get(id), Some(Request::Transfer { accepted: true, .. })));
	}

	#[benchmark]
	fn approve_transfer() {
		let s = setup::<T>();
		let id = with_pending_transfer::<T>(&s, 1);
		Pallet::<T>::accept_transfer(RawOrigin::Signed(s.other_account).into(), id)
			.expect("accepted");
		#[extrinsic_call]
		_(RawOrigin::Signed(s.operator), id);
		assert_eq!(Certificates::<T>::get(id).map(|c| c.holder), Some(s.other));
	}

	#[benchmark]
	fn grant_licence(l: Linear<0, { T::MaxLicences::get().saturating_sub(1) }>) {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		fill_licences::<T>(id, l);
		let until = T::Calendar::today().add_days(30).expect("in range");
		#[extrinsic_call]
		_(RawOrigin::Signed(s.holder_account), id, s.other, until);
		assert_eq!(Licences::<T>::get(id).len() as u32, l + 1);
	}

	#[benchmark]
	fn revoke_licence(l: Linear<1, { T::MaxLicences::get() }>) {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		fill_licences::<T>(id, l);
		let grantee = 1_000_000 + u64::from(l - 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.holder_account), id, grantee);
		assert_eq!(Licences::<T>::get(id).len() as u32, l - 1);
	}

	#[benchmark]
	fn request_cancellation() {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.holder_account), id);
		assert_eq!(status::<T>(id), CertificateStatus::CancellationPending);
	}

	#[benchmark]
	fn approve_cancellation() {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		Pallet::<T>::request_cancellation(RawOrigin::Signed(s.holder_account).into(), id)
			.expect("cancellation requested");
		#[extrinsic_call]
		_(RawOrigin::Signed(s.operator), id);
		assert_eq!(status::<T>(id), CertificateStatus::Cancelled);
	}

	#[benchmark]
	fn withdraw_request() {
		let s = setup::<T>();
		let id = with_pending_transfer::<T>(&s, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.holder_account), id);
		assert_eq!(status::<T>(id), CertificateStatus::Active);
	}

	#[benchmark]
	fn reject_request() {
		let s = setup::<T>();
		let id = with_pending_transfer::<T>(&s, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.operator), id, Digest::synthetic(1, 1));
		assert_eq!(status::<T>(id), CertificateStatus::Active);
	}

	#[benchmark]
	fn revoke() {
		let s = setup::<T>();
		let id = with_pending_transfer::<T>(&s, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.operator), id, Digest::synthetic(1, 1));
		assert_eq!(status::<T>(id), CertificateStatus::Revoked);
	}

	#[benchmark]
	fn invalidate() {
		let s = setup::<T>();
		let id = with_pending_transfer::<T>(&s, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.operator), id, Digest::synthetic(1, 1));
		assert_eq!(status::<T>(id), CertificateStatus::Invalid);
	}

	#[benchmark]
	fn revoke_by_court() {
		let s = setup::<T>();
		let id = with_pending_transfer::<T>(&s, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.court), id, Digest::synthetic(1, 1));
		assert_eq!(status::<T>(id), CertificateStatus::Revoked);
	}

	#[benchmark]
	fn freeze() {
		let s = setup::<T>();
		let id = with_pending_transfer::<T>(&s, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.court), id, Digest::synthetic(1, 1));
		assert_eq!(status::<T>(id), CertificateStatus::Frozen);
	}

	#[benchmark]
	fn unfreeze() {
		let s = setup::<T>();
		let id = new_cert::<T>(s.registry, s.holder, &[], 1);
		Pallet::<T>::freeze(RawOrigin::Signed(s.court.clone()).into(), id, Digest::synthetic(1, 1))
			.expect("frozen");
		#[extrinsic_call]
		_(RawOrigin::Signed(s.court), id, Digest::synthetic(2, 1));
		assert_eq!(status::<T>(id), CertificateStatus::Active);
	}

	#[benchmark]
	fn on_expiry_timer() {
		let s = setup::<T>();
		let id = with_pending_transfer::<T>(&s, 1);
		let timer = Pallet::<T>::expiry_timer(id, 0).id;
		#[block]
		{
			Pallet::<T>::on_expiry_timer(timer);
		}
		assert_eq!(status::<T>(id), CertificateStatus::Expired);
	}

	#[benchmark]
	fn verify_certificate() {
		let s = setup::<T>();
		let inputs = max_lineage::<T>(s.registry, s.holder);
		let id = new_cert::<T>(s.registry, s.holder, &inputs, 1);
		let result;
		#[block]
		{
			result = Pallet::<T>::verify(id);
		}
		let v = result.expect("verified");
		assert_eq!(v.ancestors, MAX_ANCESTORS);
		assert_eq!(v.lineage_depth, MAX_LINEAGE_DEPTH);
		assert!(v.lineage_ok);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
