//! # Evidence
//!
//! Hash-anchored evidence (存证, `DOMAIN.md` §5): courts, notaries and exchanges anchor the
//! digests of contracts, transaction logs, materials and reports; documents stay off-chain.
//!
//! ## Rules
//!
//! - [`Pallet::anchor`] by an account of a verified subject: a digest (`Blake2b256`, `Sha256`,
//!   `Blake3` or `Sm3` + 32 bytes, not all zeros), its [`EvidenceKind`], optionally the DOID of a
//!   related certificate and the digest of off-chain metadata. Every anchoring gets an
//!   [`AnchorId`] and a record with block, slot time and chain date. The first anchoring of a
//!   digest keeps sequence 0 forever; later anchorings of the same digest (by anyone) are
//!   appended with sequence 1, 2, ... and never overwrite it.
//! - [`Pallet::anchor_batch`]: the same for the root of a Merkle batch (format: `doid-merkle`,
//!   `docs/merkle.md`) over `leaf_count` digests; the root's algorithm tag is the tree's hash.
//!   A leaf proof computed off-chain then proves membership of any of the digests.
//! - [`Pallet::cosign`] by a verified subject with the `Notary` or `Court` role (not the
//!   submitter): the co-signature is appended to the record, once per subject.
//! - [`Pallet::annotate`] by an account of the submitting subject: `Superseded` or `Withdrawn`
//!   with a reason digest, appended; after `Withdrawn` nothing more can be appended by the
//!   submitter. Nothing is ever deleted.
//! - Lookup by digest is O(1): [`DigestAnchors`]`(digest, 0)` is the first anchoring;
//!   [`Pallet::anchors_of`] lists all, [`Pallet::anchor_count`] counts them. A first anchoring
//!   writes three items (the id counter, the record, the digest index); a repeated one also the
//!   digest's counter, and is charged for it. The runtime API also looks the digest up among the
//!   material digests of applications and certificates.
//! - Retention: the state is never pruned; verifier nodes run as archive nodes.
//!
//! ## Runtime wiring
//!
//! `Subjects = Subjects`, `Calendar = Calendar` (for the chain date), `NowMs` = the start of the
//! current slot. Benchmarks need registries and verified subjects from the runtime.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

// The test modules are named after the pallet so that the workspace test command can select them
// with the filter `evidence`.
#[cfg(feature = "runtime-benchmarks")]
#[path = "benchmarking.rs"]
mod evidence_benchmarking;
#[cfg(test)]
#[path = "tests.rs"]
mod evidence_tests;
mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, WeightInfo};
	use doid_primitives::{Digest, Oid, SubjectId, SubjectsInspect, WorkingDays};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// Version 2: no subject index; the digest counter only from the second anchoring on
	/// (see [`crate::migrations`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	/// An anchor as stored.
	pub type AnchorRecordOf<T> = AnchorRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxCosigners,
		<T as Config>::MaxAnnotations,
	>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the evidence pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Verified subjects and their roles.
		type Subjects: SubjectsInspect<Self::AccountId>;
		/// The chain date.
		type Calendar: WorkingDays;
		/// The current time (start of the block's slot), milliseconds since the Unix epoch.
		type NowMs: Get<u64>;
		/// Most co-signatures per anchor.
		#[pallet::constant]
		type MaxCosigners: Get<u32>;
		/// Most annotations per anchor.
		#[pallet::constant]
		type MaxAnnotations: Get<u32>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
		/// Creates registries in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkRegistries: doid_primitives::RegistriesBenchmarkHelper<Self::AccountId>;
		/// Creates verified subjects in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkSubjects: doid_primitives::SubjectsBenchmarkHelper<Self::AccountId>;
	}

	/// Default of [`NextAnchorId`]: anchors are numbered from 1.
	#[pallet::type_value]
	pub fn FirstAnchorId() -> AnchorId {
		1
	}

	/// Every anchor, by id.
	#[pallet::storage]
	pub type Anchors<T: Config> = StorageMap<_, Twox64Concat, AnchorId, AnchorRecordOf<T>>;

	/// The id the next anchor gets.
	#[pallet::storage]
	pub type NextAnchorId<T: Config> = StorageValue<_, AnchorId, ValueQuery, FirstAnchorId>;

	/// The anchors of a digest by sequence: `(digest, 0)` is the first anchoring.
	#[pallet::storage]
	pub type DigestAnchors<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Digest, Twox64Concat, u32, AnchorId, OptionQuery>;

	/// How many times a digest was anchored, written from its second anchoring on: a digest
	/// anchored once has no entry (read it with [`Pallet::anchor_count`]).
	#[pallet::storage]
	pub type DigestAnchorCount<T: Config> =
		StorageMap<_, Blake2_128Concat, Digest, u32, ValueQuery>;

	/// Events of the evidence pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A digest was anchored (`sequence` 0: its first anchoring).
		Anchored {
			anchor: AnchorId,
			digest: Digest,
			kind: EvidenceKind,
			subject: SubjectId,
			sequence: u32,
			related_doid: Option<Oid>,
			metadata_digest: Option<Digest>,
		},
		/// The root of a Merkle batch of `leaf_count` digests was anchored.
		BatchAnchored {
			anchor: AnchorId,
			root: Digest,
			leaf_count: u64,
			kind: EvidenceKind,
			subject: SubjectId,
			sequence: u32,
		},
		/// A notary or court subject co-signed an anchor.
		Cosigned { anchor: AnchorId, subject: SubjectId, role: doid_primitives::SubjectRole },
		/// The submitter annotated an anchor.
		Annotated { anchor: AnchorId, kind: AnnotationKind, reason_digest: Digest },
	}

	/// Errors of the evidence pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The signing account does not belong to a verified subject.
		NotVerified,
		/// The digest is all zeros.
		InvalidDigest,
		/// The metadata digest is all zeros.
		InvalidMetadataDigest,
		/// The reason digest is all zeros.
		InvalidReasonDigest,
		/// A batch needs at least one leaf.
		EmptyBatch,
		/// A batch has at most 2^32 leaves.
		TooManyLeaves,
		/// No anchor with this id.
		UnknownAnchor,
		/// Only verified subjects with the Notary or Court role co-sign.
		NotNotaryOrCourt,
		/// The submitter cannot co-sign its own anchor.
		OwnAnchor,
		/// This subject already co-signed this anchor.
		AlreadyCosigned,
		/// The anchor has the most co-signatures allowed.
		TooManyCosignatures,
		/// Only an account of the submitting subject annotates an anchor.
		NotSubmitter,
		/// The anchor was withdrawn; nothing more can be annotated.
		AlreadyWithdrawn,
		/// The anchor has the most annotations allowed.
		TooManyAnnotations,
		/// The anchor id or the digest's sequence number space is exhausted.
		TooManyAnchors,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Removes what is left of the subject index of storage version 1 with the block's
		/// spare weight (nothing to do on a chain that started at version 2).
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			crate::migrations::v2::remove_subject_index::<T>(remaining)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Anchor `digest` (of a document of `kind`), optionally relating it to the certificate
		/// `related_doid` and to the digest of off-chain metadata. The signer must belong to a
		/// verified subject. A digest anchored before keeps its first record; this one is
		/// appended. A first anchoring is charged less than a repeated one.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::anchor())]
		pub fn anchor(
			origin: OriginFor<T>,
			digest: Digest,
			kind: EvidenceKind,
			related_doid: Option<Oid>,
			metadata_digest: Option<Digest>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (_, sequence) = Self::do_anchor(who, digest, kind, related_doid, metadata_digest)?;
			Ok(charged(sequence, T::WeightInfo::anchor_new_digest()))
		}

		/// Anchor the root of a Merkle batch of `leaf_count` digests (1 ..= 2^32); the root's
		/// algorithm tag names the tree's hash function. A first anchoring of the root is charged
		/// less than a repeated one.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::anchor_batch())]
		pub fn anchor_batch(
			origin: OriginFor<T>,
			root: Digest,
			leaf_count: u64,
			kind: EvidenceKind,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (_, sequence) = Self::do_anchor_batch(who, root, leaf_count, kind)?;
			Ok(charged(sequence, T::WeightInfo::anchor_batch_new_root()))
		}

		/// Co-sign anchor `id` as a notary or court subject (once per subject, not one's own).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cosign())]
		pub fn cosign(origin: OriginFor<T>, id: AnchorId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cosign(who, id)
		}

		/// Annotate anchor `id` as superseded or withdrawn, with the digest of the reason. Only
		/// the submitting subject; appended, nothing is deleted.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::annotate())]
		pub fn annotate(
			origin: OriginFor<T>,
			id: AnchorId,
			kind: AnnotationKind,
			reason_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_annotate(who, id, kind, reason_digest)
		}
	}

	/// The weight actually used by an anchoring with digest `sequence`: `first` for the first
	/// anchoring of a digest (one write less), the declared worst case otherwise.
	fn charged(sequence: u32, first: Weight) -> frame_support::dispatch::PostDispatchInfo {
		(sequence == 0).then_some(first).into()
	}
}
