//! Benchmarks of the objections pallet. Worst cases: the most evidence, the largest panel (all
//! pairwise overlap checks), the first acceptance disputing the target, the last withdrawal
//! releasing it, and decisions upholding an objection while `MaxOpenPerTarget - 1` other accepted
//! objections on the same application are closed as moot (each bond released).

use super::*;
use alloc::vec::Vec;
use doid_primitives::{
	Digest, RegistriesBenchmarkHelper, Roles, SubjectId, SubjectRole, SubjectsBenchmarkHelper,
};
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

/// The bond set on the benchmark registry.
const BOND: u128 = 1_000_000;

/// The parties: registry (admin = operator), respondent, objector, five arbitrators, a court,
/// and an application of the respondent in notice.
struct Parties<T: Config> {
	operator: T::AccountId,
	respondent_account: T::AccountId,
	objector_account: T::AccountId,
	arbitrators: Vec<(SubjectId, T::AccountId)>,
	court_account: T::AccountId,
	target: Target,
}

fn fund<T: Config>(who: &T::AccountId) {
	let bond = <BalanceOf<T> as TryFrom<u128>>::try_from(BOND).ok().expect("bond fits the balance");
	let amount = T::Currency::minimum_balance()
		.saturating_add(bond.saturating_mul(BalanceOf::<T>::from(100u32)));
	T::Currency::set_balance(who, amount);
}

fn parties<T: Config>() -> Parties<T> {
	let operator: T::AccountId = account("operator", 0, 0);
	let registry = T::BenchmarkRegistries::create_registry(0, &operator);
	T::BenchmarkTarget::set_objection_bond(registry, BOND);
	let respondent_account: T::AccountId = account("respondent", 0, 0);
	let respondent = T::BenchmarkSubjects::create_verified_subject(
		registry,
		&respondent_account,
		Roles::from_roles(&[SubjectRole::DataSupplier, SubjectRole::DataMerchant]),
		9_101,
	);
	let objector_account: T::AccountId = account("objector", 0, 0);
	T::BenchmarkSubjects::create_verified_subject(
		registry,
		&objector_account,
		Roles::from_roles(&[SubjectRole::DataBuyer]),
		9_102,
	);
	let arbitrators = (0..MAX_PANEL)
		.map(|i| {
			let who: T::AccountId = account("arbitrator", i, 0);
			let s = T::BenchmarkSubjects::create_verified_subject(
				registry,
				&who,
				Roles::from_roles(&[SubjectRole::Arbitrator]),
				9_110 + i,
			);
			(s, who)
		})
		.collect();
	let court_account: T::AccountId = account("court", 0, 0);
	T::BenchmarkSubjects::create_verified_subject(
		registry,
		&court_account,
		Roles::from_roles(&[SubjectRole::Court]),
		9_120,
	);
	fund::<T>(&respondent_account);
	fund::<T>(&objector_account);
	let target =
		Target::Application(T::BenchmarkTarget::application_in_notice(registry, respondent));
	Parties { operator, respondent_account, objector_account, arbitrators, court_account, target }
}

fn evidence<T: Config>(variant: u32) -> EvidenceOf<T> {
	let n = T::MaxEvidence::get();
	BoundedVec::truncate_from((0..n).map(|i| Digest::synthetic(2, variant * 1_000 + i)).collect())
}

/// File an objection of the objector with the most evidence; returns its id.
fn filed<T: Config>(p: &Parties<T>, variant: u32) -> ObjectionId {
	Pallet::<T>::do_file(
		p.objector_account.clone(),
		p.target,
		Digest::synthetic(1, variant),
		evidence::<T>(variant),
	)
	.expect("objection can be filed")
}

fn accepted<T: Config>(p: &Parties<T>, variant: u32) -> ObjectionId {
	let id = filed::<T>(p, variant);
	Pallet::<T>::do_accept(p.operator.clone(), id).expect("objection can be accepted");
	id
}

fn panel<T: Config>(p: &Parties<T>) -> Panel {
	BoundedVec::truncate_from(p.arbitrators.iter().map(|(s, _)| *s).collect())
}

/// An objection in arbitration before a panel of five, with `MaxOpenPerTarget - 1` other
/// accepted objections on the same target.
fn in_arbitration<T: Config>(p: &Parties<T>) -> ObjectionId {
	let id = accepted::<T>(p, 0);
	for v in 1..T::MaxOpenPerTarget::get() {
		accepted::<T>(p, v);
	}
	Pallet::<T>::do_appoint_panel(p.operator.clone(), id, panel::<T>(p))
		.expect("panel can be appointed");
	id
}

fn status<T: Config>(id: ObjectionId) -> Option<ObjectionStatus> {
	Objections::<T>::get(id).map(|o| o.status)
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn file_objection() {
		let p = parties::<T>();
		for v in 1..T::MaxOpenPerTarget::get() {
			filed::<T>(&p, v);
		}
		let id = NextObjectionId::<T>::get();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(p.objector_account.clone()),
			p.target,
			Digest::synthetic(1, 0),
			evidence::<T>(0),
		);
		assert_eq!(status::<T>(id), Some(ObjectionStatus::Filed));
	}

	#[benchmark]
	fn accept_objection() {
		let p = parties::<T>();
		let id = filed::<T>(&p, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.operator.clone()), id);
		assert_eq!(status::<T>(id), Some(ObjectionStatus::Accepted));
	}

	#[benchmark]
	fn dismiss_inadmissible() {
		let p = parties::<T>();
		let id = filed::<T>(&p, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.operator.clone()), id, Digest::synthetic(3, 0));
		assert_eq!(status::<T>(id), Some(ObjectionStatus::Inadmissible));
	}

	#[benchmark]
	fn appoint_panel() {
		let p = parties::<T>();
		let id = accepted::<T>(&p, 0);
		let arbitrators = panel::<T>(&p);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.operator.clone()), id, arbitrators);
		assert_eq!(status::<T>(id), Some(ObjectionStatus::Arbitration));
	}

	#[benchmark]
	fn respond() {
		let p = parties::<T>();
		let id = accepted::<T>(&p, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.respondent_account.clone()), id, Digest::synthetic(4, 0));
		assert!(Objections::<T>::get(id).is_some_and(|o| o.response_digest.is_some()));
	}

	#[benchmark]
	fn vote() {
		let p = parties::<T>();
		let id = in_arbitration::<T>(&p);
		let (last, voters) = p.arbitrators.split_last().expect("five arbitrators");
		for (i, (_, who)) in voters.iter().enumerate() {
			let v = if i == 0 { Outcome::Dismiss } else { Outcome::Uphold };
			Pallet::<T>::do_vote(who.clone(), id, v, Digest::synthetic(5, i as u32))
				.expect("member votes");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(last.1.clone()), id, Outcome::Uphold, Digest::synthetic(5, 9));
		assert_eq!(
			status::<T>(id),
			Some(ObjectionStatus::Decided { outcome: Outcome::Uphold, by: DecidedBy::Panel })
		);
	}

	#[benchmark]
	fn withdraw_objection() {
		let p = parties::<T>();
		// The last accepted objection, in arbitration (both timers cancelled, target released).
		let id = accepted::<T>(&p, 0);
		Pallet::<T>::do_appoint_panel(p.operator.clone(), id, panel::<T>(&p))
			.expect("panel can be appointed");
		for v in 1..T::MaxOpenPerTarget::get() {
			filed::<T>(&p, v);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(p.objector_account.clone()), id);
		assert_eq!(status::<T>(id), Some(ObjectionStatus::Withdrawn));
	}

	#[benchmark]
	fn court_ruling() {
		let p = parties::<T>();
		// Filed only: the ruling disputes the target first, then rejects it, then closes the
		// others as moot.
		let id = filed::<T>(&p, 0);
		for v in 1..T::MaxOpenPerTarget::get() {
			filed::<T>(&p, v);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(p.court_account.clone()), id, Outcome::Uphold, Digest::synthetic(6, 0));
		assert!(matches!(
			status::<T>(id),
			Some(ObjectionStatus::Decided { outcome: Outcome::Uphold, .. })
		));
	}

	#[benchmark]
	fn on_timer_silence() {
		let p = parties::<T>();
		let id = accepted::<T>(&p, 0);
		let timer = Pallet::<T>::timer_of(PHASE_RESPONSE, id).id;
		#[block]
		{
			Pallet::<T>::on_timer(timer);
		}
		assert_eq!(Pallet::<T>::history(id).len(), 3);
	}

	#[benchmark]
	fn on_timer_arbitration() {
		let p = parties::<T>();
		let id = in_arbitration::<T>(&p);
		for (i, (_, who)) in p.arbitrators.iter().take(4).enumerate() {
			let v = if i == 0 { Outcome::Dismiss } else { Outcome::Uphold };
			Pallet::<T>::do_vote(who.clone(), id, v, Digest::synthetic(5, i as u32))
				.expect("member votes");
		}
		let timer = Pallet::<T>::timer_of(PHASE_ARBITRATION, id).id;
		#[block]
		{
			Pallet::<T>::on_timer(timer);
		}
		assert_eq!(
			status::<T>(id),
			Some(ObjectionStatus::Decided { outcome: Outcome::Uphold, by: DecidedBy::Deadline })
		);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
