//! Benchmark support (`runtime-benchmarks` only): [`CertificatesBenchmarkHelper`] for other
//! pallets, and the [`BenchmarkHelper`] this pallet needs from the runtime.

use crate::pallet::*;
use doid_primitives::{
	AssetInfo, CertificateId, CertificatesBenchmarkHelper, Digest, ElementKind, Inputs, Issuance,
	Material, MaterialKind, RegistriesBenchmarkHelper, RegistryId, Roles, SubjectId,
	SubjectsBenchmarkHelper,
};
use frame_support::BoundedVec;

/// Creates registries and verified subjects in this pallet's benchmarks. Implemented for
/// `(R, S)` where `R` creates registries (the registries pallet) and `S` verified subjects
/// (the subjects pallet): set `type BenchmarkHelper = (Registries, Subjects);`.
pub trait BenchmarkHelper<AccountId> {
	/// See [`RegistriesBenchmarkHelper::create_registry`].
	fn create_registry(index: u32, admin: &AccountId) -> RegistryId;
	/// See [`RegistriesBenchmarkHelper::add_operator`].
	fn add_operator(registry: RegistryId, who: &AccountId);
	/// See [`SubjectsBenchmarkHelper::create_verified_subject`].
	fn create_verified_subject(
		registry: RegistryId,
		account: &AccountId,
		roles: Roles,
		index: u32,
	) -> SubjectId;
}

impl<AccountId, R, S> BenchmarkHelper<AccountId> for (R, S)
where
	R: RegistriesBenchmarkHelper<AccountId>,
	S: SubjectsBenchmarkHelper<AccountId>,
{
	fn create_registry(index: u32, admin: &AccountId) -> RegistryId {
		R::create_registry(index, admin)
	}
	fn add_operator(registry: RegistryId, who: &AccountId) {
		R::add_operator(registry, who)
	}
	fn create_verified_subject(
		registry: RegistryId,
		account: &AccountId,
		roles: Roles,
		index: u32,
	) -> SubjectId {
		S::create_verified_subject(registry, account, roles, index)
	}
}

/// An issuance with the most materials, held by `holder`.
pub fn bench_issuance(
	registry: RegistryId,
	holder: SubjectId,
	kind: ElementKind,
	trainable: bool,
	inputs: &[CertificateId],
	seed: u32,
) -> Issuance {
	let materials = (0..doid_primitives::MAX_MATERIALS)
		.map(|i| Material { kind: MaterialKind::Other, digest: Digest::synthetic(i as u8, seed) })
		.collect::<alloc::vec::Vec<_>>();
	Issuance {
		application: u64::from(seed),
		registry,
		holder,
		kind,
		content_digest: Digest::synthetic(0xc0, seed),
		info: AssetInfo::longest_sample(trainable),
		inputs: Inputs::truncate_from(inputs.to_vec()),
		materials: BoundedVec::truncate_from(materials),
		prior_registrations: BoundedVec::default(),
	}
}

impl<T: Config> CertificatesBenchmarkHelper for Pallet<T> {
	fn create_certificate(
		registry: RegistryId,
		holder: SubjectId,
		kind: ElementKind,
		trainable: bool,
		inputs: &[CertificateId],
		seed: u32,
	) -> CertificateId {
		Self::do_issue(bench_issuance(registry, holder, kind, trainable, inputs, seed))
			.expect("benchmark certificate issues")
	}
}
