//! Benchmarks of the evidence calls, each in its worst case: a digest anchored before (the
//! append path), a related DOID of the longest form and a metadata digest, co-signatures and
//! annotations up to one below their bound. `anchor_new_digest` and `anchor_batch_new_root`
//! measure the first anchoring of a digest (one write less), the weight a call is charged when
//! it turns out to be one.

use super::*;
use alloc::vec::Vec;
use doid_primitives::{
	Digest, Oid, RegistriesBenchmarkHelper, Roles, SubjectRole, SubjectsBenchmarkHelper,
	MAX_OID_LEN,
};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;

/// The submitter's account and a registry to verify others at.
struct Setup<T: Config> {
	registry: doid_primitives::RegistryId,
	submitter: T::AccountId,
}

fn setup<T: Config>() -> Setup<T> {
	let admin: T::AccountId = account("admin", 0, 0);
	let registry = T::BenchmarkRegistries::create_registry(0, &admin);
	let submitter: T::AccountId = account("submitter", 0, 0);
	T::BenchmarkSubjects::create_verified_subject(
		registry,
		&submitter,
		Roles::from_roles(&[SubjectRole::DataSupplier]),
		9_201,
	);
	Setup { registry, submitter }
}

/// A verified subject with `role`, the `index`-th; returns its account.
fn attester<T: Config>(
	registry: doid_primitives::RegistryId,
	role: SubjectRole,
	index: u32,
) -> T::AccountId {
	let who: T::AccountId = account("attester", index, 0);
	T::BenchmarkSubjects::create_verified_subject(
		registry,
		&who,
		Roles::from_roles(&[role]),
		9_300 + index,
	);
	who
}

/// The longest valid OID (arcs of 9s under `2.999`), as a related DOID.
fn longest_doid() -> Oid {
	let mut text = Vec::from(&b"2.999"[..]);
	while text.len() + 2 <= MAX_OID_LEN {
		text.extend_from_slice(b".9");
	}
	Oid::parse(&text).expect("valid OID")
}

/// An anchor of `digest` by the submitter; returns its id.
fn anchored<T: Config>(s: &Setup<T>, digest: Digest) -> AnchorId {
	Pallet::<T>::do_anchor(s.submitter.clone(), digest, EvidenceKind::Contract, None, None)
		.expect("verified submitter")
		.0
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn anchor() {
		let s = setup::<T>();
		let digest = Digest::synthetic(1, 1);
		anchored::<T>(&s, digest);
		let doid = longest_doid();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(s.submitter),
			digest,
			EvidenceKind::TransactionLog,
			Some(doid),
			Some(Digest::synthetic(2, 1)),
		);
		assert_eq!(DigestAnchorCount::<T>::get(digest), 2);
	}

	#[benchmark]
	fn anchor_new_digest() {
		let s = setup::<T>();
		let digest = Digest::synthetic(1, 2);
		let doid = longest_doid();
		#[extrinsic_call]
		anchor(
			RawOrigin::Signed(s.submitter),
			digest,
			EvidenceKind::TransactionLog,
			Some(doid),
			Some(Digest::synthetic(2, 2)),
		);
		assert_eq!(Pallet::<T>::anchor_count(&digest), 1);
	}

	#[benchmark]
	fn anchor_batch() {
		let s = setup::<T>();
		let root = Digest::synthetic(3, 1);
		anchored::<T>(&s, root);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.submitter), root, types::MAX_BATCH_LEAVES, EvidenceKind::Other);
		assert_eq!(DigestAnchorCount::<T>::get(root), 2);
	}

	#[benchmark]
	fn anchor_batch_new_root() {
		let s = setup::<T>();
		let root = Digest::synthetic(3, 2);
		#[extrinsic_call]
		anchor_batch(
			RawOrigin::Signed(s.submitter),
			root,
			types::MAX_BATCH_LEAVES,
			EvidenceKind::Other,
		);
		assert_eq!(Pallet::<T>::anchor_count(&root), 1);
	}

	#[benchmark]
	fn cosign() {
		let s = setup::<T>();
		let id = anchored::<T>(&s, Digest::synthetic(4, 1));
		let max = T::MaxCosigners::get();
		for i in 0..max.saturating_sub(1) {
			let notary = attester::<T>(s.registry, SubjectRole::Notary, i);
			Pallet::<T>::do_cosign(notary, id).expect("notary co-signs");
		}
		// Checked last among the roles: a notary.
		let signer = attester::<T>(s.registry, SubjectRole::Notary, max);
		#[extrinsic_call]
		_(RawOrigin::Signed(signer), id);
		assert_eq!(Anchors::<T>::get(id).map(|r| r.cosignatures.len() as u32), Some(max));
	}

	#[benchmark]
	fn annotate() {
		let s = setup::<T>();
		let id = anchored::<T>(&s, Digest::synthetic(5, 1));
		let max = T::MaxAnnotations::get();
		for i in 0..max.saturating_sub(1) {
			Pallet::<T>::do_annotate(
				s.submitter.clone(),
				id,
				AnnotationKind::Superseded,
				Digest::synthetic(6, i),
			)
			.expect("submitter annotates");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(s.submitter), id, AnnotationKind::Withdrawn, Digest::synthetic(7, 1));
		assert_eq!(Anchors::<T>::get(id).map(|r| r.annotations.len() as u32), Some(max));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
