//! The logic of the evidence pallet, one file per capability, and the queries.

pub(crate) mod anchoring;
pub(crate) mod annotation;
pub(crate) mod attestation;

use crate::{pallet::*, types::AnchorId};
use alloc::vec::Vec;
use doid_primitives::{Digest, SubjectId, SubjectsInspect};

impl<T: Config> Pallet<T> {
	/// The verified subject of `who`, or [`Error::NotVerified`].
	pub(crate) fn verified_subject(who: &T::AccountId) -> Result<SubjectId, Error<T>> {
		T::Subjects::verified_subject_of(who).ok_or(Error::<T>::NotVerified)
	}

	/// The first anchoring of `digest`, if any.
	pub fn first_anchor(digest: &Digest) -> Option<(AnchorId, AnchorRecordOf<T>)> {
		let id = DigestAnchors::<T>::get(digest, 0)?;
		Anchors::<T>::get(id).map(|record| (id, record))
	}

	/// How many times `digest` was anchored: 0 without a first anchoring, 1 with only that
	/// ([`DigestAnchorCount`] is written from the second anchoring on; entries of storage
	/// version 1 may hold 1 as well).
	pub fn anchor_count(digest: &Digest) -> u32 {
		if DigestAnchors::<T>::contains_key(digest, 0) {
			DigestAnchorCount::<T>::get(digest).max(1)
		} else {
			0
		}
	}

	/// Every anchoring of `digest` in order (first anchoring first), at most `limit`.
	pub fn anchors_of(digest: &Digest, limit: u32) -> Vec<(AnchorId, AnchorRecordOf<T>)> {
		let count = Self::anchor_count(digest).min(limit);
		(0..count)
			.filter_map(|sequence| DigestAnchors::<T>::get(digest, sequence))
			.filter_map(|id| Anchors::<T>::get(id).map(|record| (id, record)))
			.collect()
	}
}
