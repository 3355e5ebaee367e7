//! The registry's side: verification (OID, roles, allowance), rejection, roles, suspension.

use crate::{
	pallet::*,
	types::{Hash32, SubjectStatus},
};
use doid_primitives::{Oid, RegistriesInspect, Roles, SubjectId};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungible::Mutate, tokens::Preservation, Get},
};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Verify a pending subject: OID, roles, allowance. Every check (and the transfer, which
	/// fails as a whole) runs before the first write of this pallet.
	pub(crate) fn do_verify_subject(
		who: T::AccountId,
		subject: SubjectId,
		roles: Roles,
	) -> DispatchResult {
		let mut info = Self::operated_subject(&who, subject)?;
		ensure!(info.status == SubjectStatus::Pending, Error::<T>::NotPending);
		let registry = info.registry;
		ensure!(T::Registries::is_active(registry), Error::<T>::RegistrySuspended);
		let arc = T::Registries::oid_arc(registry).ok_or(Error::<T>::UnknownRegistry)?;
		let serial = NextSerial::<T>::get(registry);
		let next_serial = serial.checked_add(1).ok_or(Error::<T>::OidUnavailable)?;
		let oid = Oid::subject(&T::Registries::oid_root(), arc, serial)
			.map_err(|_| Error::<T>::OidUnavailable)?;
		ensure!(!SubjectByOid::<T>::contains_key(oid), Error::<T>::OidUnavailable);

		let allowance = T::VerificationAllowance::get();
		if !allowance.is_zero() {
			let admin = T::Registries::admin(registry).ok_or(Error::<T>::UnknownRegistry)?;
			T::Currency::transfer(&admin, &info.main_account, allowance, Preservation::Preserve)
				.map_err(|_| Error::<T>::AllowanceUnavailable)?;
		}

		NextSerial::<T>::insert(registry, next_serial);
		SubjectByOid::<T>::insert(oid, subject);
		info.status = SubjectStatus::Verified;
		info.roles = roles;
		info.oid = Some(oid);
		Subjects::<T>::insert(subject, info);
		Self::deposit_event(Event::SubjectVerified { subject, registry, oid, roles, allowance });
		Ok(())
	}

	/// Reject a pending subject and release its account and identity.
	pub(crate) fn do_reject_subject(
		who: T::AccountId,
		subject: SubjectId,
		reason_digest: Hash32,
	) -> DispatchResult {
		let mut info = Self::operated_subject(&who, subject)?;
		ensure!(info.status == SubjectStatus::Pending, Error::<T>::NotPending);
		ensure!(reason_digest != [0; 32], Error::<T>::InvalidReasonDigest);
		for account in info.accounts.iter() {
			SubjectOfAccount::<T>::remove(account);
		}
		Self::release_identity(&info.identity);
		info.status = SubjectStatus::Rejected;
		info.reason = Some(reason_digest);
		let registry = info.registry;
		Subjects::<T>::insert(subject, info);
		Self::deposit_event(Event::SubjectRejected { subject, registry, reason_digest });
		Ok(())
	}

	/// Replace the roles of a verified or suspended subject.
	pub(crate) fn do_set_roles(
		who: T::AccountId,
		subject: SubjectId,
		roles: Roles,
	) -> DispatchResult {
		let mut info = Self::operated_subject(&who, subject)?;
		ensure!(
			matches!(info.status, SubjectStatus::Verified | SubjectStatus::Suspended),
			Error::<T>::NotVerified
		);
		info.roles = roles;
		Subjects::<T>::insert(subject, info);
		Self::deposit_event(Event::RolesSet { subject, roles });
		Ok(())
	}

	/// Suspend a verified subject.
	pub(crate) fn do_suspend_subject(
		who: T::AccountId,
		subject: SubjectId,
		reason_digest: Hash32,
	) -> DispatchResult {
		let mut info = Self::operated_subject(&who, subject)?;
		match info.status {
			SubjectStatus::Verified => {}
			SubjectStatus::Suspended => return Err(Error::<T>::AlreadySuspended.into()),
			_ => return Err(Error::<T>::NotVerified.into()),
		}
		ensure!(reason_digest != [0; 32], Error::<T>::InvalidReasonDigest);
		info.status = SubjectStatus::Suspended;
		info.reason = Some(reason_digest);
		Subjects::<T>::insert(subject, info);
		Self::deposit_event(Event::SubjectSuspended { subject, reason_digest });
		Ok(())
	}

	/// Reinstate a suspended subject.
	pub(crate) fn do_reinstate_subject(who: T::AccountId, subject: SubjectId) -> DispatchResult {
		let mut info = Self::operated_subject(&who, subject)?;
		ensure!(info.status == SubjectStatus::Suspended, Error::<T>::NotSuspended);
		info.status = SubjectStatus::Verified;
		info.reason = None;
		Subjects::<T>::insert(subject, info);
		Self::deposit_event(Event::SubjectReinstated { subject });
		Ok(())
	}
}
