//! Annotations by the submitter: superseded or withdrawn, appended, never deleting anything.

use crate::{
	pallet::*,
	types::{AnchorId, Annotation, AnnotationKind},
};
use doid_primitives::{Digest, SubjectsInspect, WorkingDays};
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
	/// Append an annotation to anchor `id`; only an account of the submitting subject, not
	/// after a withdrawal.
	pub(crate) fn do_annotate(
		who: T::AccountId,
		id: AnchorId,
		kind: AnnotationKind,
		reason_digest: Digest,
	) -> DispatchResult {
		let mut record = Anchors::<T>::get(id).ok_or(Error::<T>::UnknownAnchor)?;
		ensure!(T::Subjects::subject_of(&who) == Some(record.subject), Error::<T>::NotSubmitter);
		ensure!(!reason_digest.is_zero(), Error::<T>::InvalidReasonDigest);
		ensure!(
			!record.annotations.iter().any(|a| a.kind == AnnotationKind::Withdrawn),
			Error::<T>::AlreadyWithdrawn
		);
		let annotation = Annotation {
			kind,
			reason_digest,
			block: frame_system::Pallet::<T>::block_number(),
			date: T::Calendar::today(),
		};
		record.annotations.try_push(annotation).map_err(|_| Error::<T>::TooManyAnnotations)?;
		Anchors::<T>::insert(id, record);
		Self::deposit_event(Event::Annotated { anchor: id, kind, reason_digest });
		Ok(())
	}
}
