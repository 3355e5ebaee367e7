//! Benchmark support (`runtime-benchmarks` only): [`CertificatesBenchmarkHelper`] for other
//! pallets, and the [`BenchmarkHelper`] this pallet needs from the runtime.

use crate::pallet::*;
use doid_primitives::{
	Acquisition, AssetInfo, CertificateId, CertificatesBenchmarkHelper, Digest, DigestAlgorithm,
	ElementKind, Inputs, Issuance, Material, MaterialKind, RegistriesBenchmarkHelper, RegistryId,
	Rights, Roles, SubjectId, SubjectsBenchmarkHelper, UpdateFrequency,
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

/// A digest derived from `tag` and `seed`.
pub fn bench_digest(tag: u8, seed: u32) -> Digest {
	let mut value = [tag; 32];
	value[..4].copy_from_slice(&seed.to_le_bytes());
	Digest::new(DigestAlgorithm::Sm3, value)
}

/// Valid descriptive fields with every text field at its longest.
pub fn bench_info(trainable: bool) -> AssetInfo {
	let long = |c: u8| BoundedVec::truncate_from([c; 512].to_vec());
	let short = |c: u8| BoundedVec::truncate_from([c; 64].to_vec());
	AssetInfo {
		name: BoundedVec::truncate_from([b'N'; 128].to_vec()),
		industry: b'I',
		scenario: long(b's'),
		source: long(b'o'),
		format: short(b'f'),
		structure: long(b't'),
		scale: short(b'c'),
		update_frequency: UpdateFrequency::Daily,
		processing_rules: long(b'p'),
		trainable,
		rights: Rights::HOLDING.union(Rights::PROCESSING_USE),
		acquisition: Acquisition::OriginalCollection,
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
		.map(|i| Material { kind: MaterialKind::Other, digest: bench_digest(i as u8, seed) })
		.collect::<alloc::vec::Vec<_>>();
	Issuance {
		application: u64::from(seed),
		registry,
		holder,
		kind,
		content_digest: bench_digest(0xc0, seed),
		info: bench_info(trainable),
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
