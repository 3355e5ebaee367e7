//! Benchmarks of the subjects (worst cases: organisations with the longest name, a new main
//! account receiving the allowance, subjects with as many accounts as allowed).

use super::*;
use doid_primitives::{RegistriesBenchmarkHelper, RegistryId};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;

use crate::features::bench_helper::uscc_bytes;

/// An organisation identity with the longest allowed name (three-byte UTF-8 characters).
fn organisation<T: Config>(index: u32) -> IdentityInputOf<T> {
	let len = T::MaxNameLen::get() as usize;
	let mut name = "数".repeat(len / 3).into_bytes();
	name.resize(len, b'x');
	IdentityInput::Organisation {
		uscc: BoundedVec::try_from(uscc_bytes(index)).expect("18 bytes"),
		name: BoundedVec::try_from(name).expect("exactly MaxNameLen"),
	}
}

/// A registry whose admin (also its operator) can pay many allowances.
fn registry<T: Config>() -> (RegistryId, T::AccountId) {
	let admin: T::AccountId = account("admin", 0, 0);
	let registry = T::BenchmarkHelper::create_registry(0, &admin);
	let plenty = T::VerificationAllowance::get()
		.saturating_add(T::Currency::minimum_balance())
		.saturating_mul(1_000u32.into());
	let _ = T::Currency::set_balance(&admin, plenty);
	(registry, admin)
}

/// A pending organisation registered by account `("subject", index)`.
fn pending<T: Config>(registry: RegistryId, index: u32) -> (SubjectId, T::AccountId) {
	let who: T::AccountId = account("subject", index, 0);
	let id = NextSubjectId::<T>::get();
	Pallet::<T>::register_subject(
		RawOrigin::Signed(who.clone()).into(),
		registry,
		organisation::<T>(index),
		[1; 32],
	)
	.expect("benchmark subject registers");
	(id, who)
}

/// A verified organisation with every role.
fn verified<T: Config>(
	registry: RegistryId,
	operator: &T::AccountId,
	index: u32,
) -> (SubjectId, T::AccountId) {
	let (id, who) = pending::<T>(registry, index);
	// An allowance below the existential deposit cannot create the account by itself.
	if T::VerificationAllowance::get() < T::Currency::minimum_balance() {
		let _ = T::Currency::set_balance(&who, T::Currency::minimum_balance());
	}
	Pallet::<T>::verify_subject(RawOrigin::Signed(operator.clone()).into(), id, Roles::all())
		.expect("benchmark subject verifies");
	(id, who)
}

/// Link accounts `("linked", 0..count)` to the subject.
fn link<T: Config>(subject: SubjectId, main: &T::AccountId, count: u32) {
	for i in 0..count {
		let account: T::AccountId = account("linked", i, 0);
		Pallet::<T>::propose_account(RawOrigin::Signed(main.clone()).into(), account.clone())
			.expect("room for the account");
		Pallet::<T>::accept_account_link(RawOrigin::Signed(account).into(), subject)
			.expect("proposal accepted");
	}
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn register_subject() {
		let (registry, _) = registry::<T>();
		let who: T::AccountId = account("subject", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), registry, organisation::<T>(0), [1; 32]);
		assert!(SubjectOfAccount::<T>::contains_key(&who));
	}

	#[benchmark]
	fn verify_subject() {
		let (registry, operator) = registry::<T>();
		let (id, _) = pending::<T>(registry, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(operator), id, Roles::all());
		assert!(Subjects::<T>::get(id).is_some_and(|s| s.oid.is_some()));
	}

	#[benchmark]
	fn reject_subject() {
		let (registry, operator) = registry::<T>();
		let (id, who) = pending::<T>(registry, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(operator), id, [2; 32]);
		assert!(!SubjectOfAccount::<T>::contains_key(&who));
	}

	#[benchmark]
	fn set_roles() {
		let (registry, operator) = registry::<T>();
		let (id, _) = verified::<T>(registry, &operator, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(operator), id, Roles::empty());
		assert!(Subjects::<T>::get(id).is_some_and(|s| s.roles.is_empty()));
	}

	#[benchmark]
	fn suspend_subject() {
		let (registry, operator) = registry::<T>();
		let (id, _) = verified::<T>(registry, &operator, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(operator), id, [3; 32]);
		assert!(Subjects::<T>::get(id).is_some_and(|s| s.status == SubjectStatus::Suspended));
	}

	#[benchmark]
	fn reinstate_subject() {
		let (registry, operator) = registry::<T>();
		let (id, _) = verified::<T>(registry, &operator, 0);
		Pallet::<T>::suspend_subject(RawOrigin::Signed(operator.clone()).into(), id, [3; 32])
			.expect("verified subject suspends");
		#[extrinsic_call]
		_(RawOrigin::Signed(operator), id);
		assert!(Subjects::<T>::get(id).is_some_and(|s| s.status == SubjectStatus::Verified));
	}

	#[benchmark]
	fn deregister_subject(a: Linear<1, { T::MaxAccountsPerSubject::get() }>) {
		let (registry, operator) = registry::<T>();
		let (id, who) = verified::<T>(registry, &operator, 0);
		link::<T>(id, &who, a.saturating_sub(1));
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!SubjectOfAccount::<T>::contains_key(&who));
		assert!(Subjects::<T>::get(id).is_some_and(|s| s.status == SubjectStatus::Deregistered));
	}

	#[benchmark]
	fn propose_account() {
		let (registry, operator) = registry::<T>();
		let (id, who) = verified::<T>(registry, &operator, 0);
		link::<T>(id, &who, T::MaxAccountsPerSubject::get().saturating_sub(2));
		let new: T::AccountId = account("new", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), new.clone());
		assert_eq!(PendingAccountLinks::<T>::get(&new), Some(id));
	}

	#[benchmark]
	fn accept_account_link() {
		let (registry, operator) = registry::<T>();
		let (id, who) = verified::<T>(registry, &operator, 0);
		link::<T>(id, &who, T::MaxAccountsPerSubject::get().saturating_sub(2));
		let new: T::AccountId = account("new", 0, 0);
		Pallet::<T>::propose_account(RawOrigin::Signed(who).into(), new.clone())
			.expect("room for the account");
		#[extrinsic_call]
		_(RawOrigin::Signed(new.clone()), id);
		assert_eq!(SubjectOfAccount::<T>::get(&new), Some(id));
	}

	#[benchmark]
	fn cancel_account_link() {
		let (registry, operator) = registry::<T>();
		let (id, who) = verified::<T>(registry, &operator, 0);
		let new: T::AccountId = account("new", 0, 0);
		Pallet::<T>::propose_account(RawOrigin::Signed(who.clone()).into(), new.clone())
			.expect("room for the account");
		#[extrinsic_call]
		_(RawOrigin::Signed(who), new.clone());
		assert!(!PendingAccountLinks::<T>::contains_key(&new));
		assert!(Subjects::<T>::contains_key(id));
	}

	#[benchmark]
	fn remove_account(a: Linear<2, { T::MaxAccountsPerSubject::get().max(2) }>) {
		let (registry, operator) = registry::<T>();
		let (id, who) = verified::<T>(registry, &operator, 0);
		link::<T>(id, &who, a.saturating_sub(1));
		// The last linked account: the longest search.
		let last: T::AccountId = account("linked", a.saturating_sub(2), 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), last.clone());
		assert!(!SubjectOfAccount::<T>::contains_key(&last));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
