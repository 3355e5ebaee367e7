//! Anchoring digests and Merkle batch roots: the first anchoring of a digest is kept, later
//! ones are appended.

use crate::{
	pallet::*,
	types::{AnchorId, AnchorRecord, EvidenceKind, MAX_BATCH_LEAVES},
};
use doid_primitives::{Digest, Oid, SubjectId, WorkingDays};
use frame_support::{ensure, traits::Get, BoundedVec};

/// What is anchored: a single digest or a batch root.
pub(crate) struct NewAnchor {
	pub digest: Digest,
	pub kind: EvidenceKind,
	pub related_doid: Option<Oid>,
	pub metadata_digest: Option<Digest>,
	pub leaf_count: Option<u64>,
}

impl<T: Config> Pallet<T> {
	/// Anchor a single digest; returns the new anchor's id and the digest's sequence number.
	pub(crate) fn do_anchor(
		who: T::AccountId,
		digest: Digest,
		kind: EvidenceKind,
		related_doid: Option<Oid>,
		metadata_digest: Option<Digest>,
	) -> Result<(AnchorId, u32), Error<T>> {
		ensure!(!metadata_digest.is_some_and(|m| m.is_zero()), Error::<T>::InvalidMetadataDigest);
		let new = NewAnchor { digest, kind, related_doid, metadata_digest, leaf_count: None };
		let (id, subject, sequence) = Self::insert_anchor(who, new)?;
		Self::deposit_event(Event::Anchored {
			anchor: id,
			digest,
			kind,
			subject,
			sequence,
			related_doid,
			metadata_digest,
		});
		Ok((id, sequence))
	}

	/// Anchor the root of a Merkle batch of `leaf_count` digests; returns the new anchor's id and
	/// the root's sequence number.
	pub(crate) fn do_anchor_batch(
		who: T::AccountId,
		root: Digest,
		leaf_count: u64,
		kind: EvidenceKind,
	) -> Result<(AnchorId, u32), Error<T>> {
		ensure!(leaf_count > 0, Error::<T>::EmptyBatch);
		ensure!(leaf_count <= MAX_BATCH_LEAVES, Error::<T>::TooManyLeaves);
		let new = NewAnchor {
			digest: root,
			kind,
			related_doid: None,
			metadata_digest: None,
			leaf_count: Some(leaf_count),
		};
		let (id, subject, sequence) = Self::insert_anchor(who, new)?;
		Self::deposit_event(Event::BatchAnchored {
			anchor: id,
			root,
			leaf_count,
			kind,
			subject,
			sequence,
		});
		Ok((id, sequence))
	}

	/// Check the signer and the digest, then store the record and its digest index (and the
	/// digest's counter from its second anchoring on). Returns the id, the submitting subject
	/// and the digest's sequence number. Changes nothing on error.
	fn insert_anchor(
		who: T::AccountId,
		new: NewAnchor,
	) -> Result<(AnchorId, SubjectId, u32), Error<T>> {
		let subject = Self::verified_subject(&who)?;
		ensure!(!new.digest.is_zero(), Error::<T>::InvalidDigest);
		let id = NextAnchorId::<T>::get();
		let next_id = id.checked_add(1).ok_or(Error::<T>::TooManyAnchors)?;
		let sequence = Self::anchor_count(&new.digest);
		let next_sequence = sequence.checked_add(1).ok_or(Error::<T>::TooManyAnchors)?;

		NextAnchorId::<T>::put(next_id);
		if sequence > 0 {
			DigestAnchorCount::<T>::insert(new.digest, next_sequence);
		}
		DigestAnchors::<T>::insert(new.digest, sequence, id);
		let record = AnchorRecord {
			digest: new.digest,
			kind: new.kind,
			subject,
			account: who,
			related_doid: new.related_doid,
			metadata_digest: new.metadata_digest,
			leaf_count: new.leaf_count,
			sequence,
			block: frame_system::Pallet::<T>::block_number(),
			moment_ms: T::NowMs::get(),
			date: T::Calendar::today(),
			cosignatures: BoundedVec::new(),
			annotations: BoundedVec::new(),
		};
		Anchors::<T>::insert(id, record);
		Ok((id, subject, sequence))
	}
}
