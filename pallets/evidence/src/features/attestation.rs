//! Co-signing (attestation) of anchors by notary and court subjects.

use crate::{
	pallet::*,
	types::{AnchorId, Cosignature},
};
use doid_primitives::{SubjectRole, SubjectsInspect};
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
	/// Append the co-signature of the signer's subject (Court role preferred over Notary when
	/// it holds both).
	pub(crate) fn do_cosign(who: T::AccountId, id: AnchorId) -> DispatchResult {
		let subject = Self::verified_subject(&who)?;
		let role = [SubjectRole::Court, SubjectRole::Notary]
			.into_iter()
			.find(|role| T::Subjects::has_role(subject, *role))
			.ok_or(Error::<T>::NotNotaryOrCourt)?;
		let mut record = Anchors::<T>::get(id).ok_or(Error::<T>::UnknownAnchor)?;
		ensure!(record.subject != subject, Error::<T>::OwnAnchor);
		ensure!(
			!record.cosignatures.iter().any(|c| c.subject == subject),
			Error::<T>::AlreadyCosigned
		);
		let block = frame_system::Pallet::<T>::block_number();
		record
			.cosignatures
			.try_push(Cosignature { subject, role, block })
			.map_err(|_| Error::<T>::TooManyCosignatures)?;
		Anchors::<T>::insert(id, record);
		Self::deposit_event(Event::Cosigned { anchor: id, subject, role });
		Ok(())
	}
}
