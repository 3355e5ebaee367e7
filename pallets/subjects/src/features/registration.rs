//! Registering and deregistering subjects.

use crate::{
	pallet::*,
	types::{Hash32, Identity, IdentityInput, SubjectInfo, SubjectStatus},
};
use doid_primitives::text::is_valid_name;
use doid_primitives::{RegistriesInspect, RegistryId, Roles, SubjectActivity, SubjectId, Uscc};
use frame_support::{ensure, pallet_prelude::DispatchResult, BoundedVec};
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// Validate the identity as submitted and check it is not held by a live subject.
	fn check_identity(
		identity: IdentityInputOf<T>,
	) -> Result<Identity<T::MaxNameLen>, DispatchError> {
		match identity {
			IdentityInput::Organisation { uscc, name } => {
				let uscc = Uscc::parse(&uscc).map_err(|_| Error::<T>::InvalidUscc)?;
				ensure!(is_valid_name(&name), Error::<T>::InvalidName);
				ensure!(!SubjectByUscc::<T>::contains_key(uscc), Error::<T>::DuplicateUscc);
				Ok(Identity::Organisation { uscc, name })
			}
			IdentityInput::Individual { id_commitment, name_commitment } => {
				ensure!(
					id_commitment != [0; 32]
						&& name_commitment != [0; 32]
						&& id_commitment != name_commitment,
					Error::<T>::InvalidCommitment
				);
				ensure!(
					!SubjectByIdCommitment::<T>::contains_key(id_commitment),
					Error::<T>::DuplicateIdCommitment
				);
				Ok(Identity::Individual { id_commitment, name_commitment })
			}
		}
	}

	/// Index the identity of a live subject (USCC or ID commitment).
	pub(crate) fn index_identity(identity: &Identity<T::MaxNameLen>, subject: SubjectId) {
		match identity {
			Identity::Organisation { uscc, .. } => SubjectByUscc::<T>::insert(uscc, subject),
			Identity::Individual { id_commitment, .. } => {
				SubjectByIdCommitment::<T>::insert(id_commitment, subject)
			}
		}
	}

	/// Release the identity of a subject that is no longer live.
	pub(crate) fn release_identity(identity: &Identity<T::MaxNameLen>) {
		match identity {
			Identity::Organisation { uscc, .. } => SubjectByUscc::<T>::remove(uscc),
			Identity::Individual { id_commitment, .. } => {
				SubjectByIdCommitment::<T>::remove(id_commitment)
			}
		}
	}

	/// Register `who` as a new pending subject of `registry`. Every check runs before the first
	/// write.
	pub(crate) fn do_register_subject(
		who: T::AccountId,
		registry: RegistryId,
		identity: IdentityInputOf<T>,
		contact_digest: Hash32,
	) -> Result<SubjectId, DispatchError> {
		ensure!(T::Registries::exists(registry), Error::<T>::UnknownRegistry);
		ensure!(T::Registries::is_active(registry), Error::<T>::RegistrySuspended);
		ensure!(!SubjectOfAccount::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		let identity = Self::check_identity(identity)?;
		ensure!(contact_digest != [0; 32], Error::<T>::InvalidContactDigest);
		let id = NextSubjectId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::TooManySubjects)?;
		let accounts = BoundedVec::try_from(alloc::vec![who.clone()])
			.map_err(|_| Error::<T>::TooManyAccounts)?;

		let kind = identity.kind();
		NextSubjectId::<T>::put(next);
		Self::index_identity(&identity, id);
		SubjectOfAccount::<T>::insert(&who, id);
		// A link proposed to this account by another subject can no longer be accepted.
		PendingAccountLinks::<T>::remove(&who);
		Subjects::<T>::insert(
			id,
			SubjectInfo {
				registry,
				identity,
				contact_digest,
				status: SubjectStatus::Pending,
				roles: Roles::empty(),
				oid: None,
				main_account: who.clone(),
				accounts,
				reason: None,
			},
		);
		Self::deposit_event(Event::SubjectRegistered { subject: id, registry, account: who, kind });
		Ok(id)
	}

	/// Deregister the subject managed by `who` (pending or verified, not busy).
	pub(crate) fn do_deregister_subject(who: T::AccountId) -> DispatchResult {
		let (id, mut info) = Self::managed_subject(&who)?;
		match info.status {
			SubjectStatus::Pending => {}
			SubjectStatus::Verified => {
				ensure!(!T::Activity::blocks_deregistration(id), Error::<T>::SubjectBusy);
			}
			SubjectStatus::Suspended => return Err(Error::<T>::SubjectSuspended.into()),
			SubjectStatus::Rejected | SubjectStatus::Deregistered => {
				return Err(Error::<T>::NotASubject.into())
			}
		}
		for account in info.accounts.iter() {
			SubjectOfAccount::<T>::remove(account);
		}
		Self::release_identity(&info.identity);
		info.status = SubjectStatus::Deregistered;
		let oid = info.oid;
		Subjects::<T>::insert(id, info);
		Self::deposit_event(Event::SubjectDeregistered { subject: id, oid });
		Ok(())
	}

	/// Consistency of the indexes (try-runtime and tests).
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextSubjectId::<T>::get();
		for (id, info) in Subjects::<T>::iter() {
			ensure!(id < next, "subject id not below NextSubjectId");
			ensure!(info.accounts.first() == Some(&info.main_account), "main account not first");
			let live = matches!(
				info.status,
				SubjectStatus::Pending | SubjectStatus::Verified | SubjectStatus::Suspended
			);
			for account in info.accounts.iter() {
				let linked = SubjectOfAccount::<T>::get(account) == Some(id);
				ensure!(linked == live, "account index out of step");
			}
			let indexed = match &info.identity {
				Identity::Organisation { uscc, .. } => SubjectByUscc::<T>::get(uscc) == Some(id),
				Identity::Individual { id_commitment, .. } => {
					SubjectByIdCommitment::<T>::get(id_commitment) == Some(id)
				}
			};
			ensure!(indexed == live, "identity index out of step");
			match info.oid {
				Some(oid) => {
					ensure!(SubjectByOid::<T>::get(oid) == Some(id), "OID index out of step")
				}
				None => ensure!(
					matches!(
						info.status,
						SubjectStatus::Pending
							| SubjectStatus::Rejected
							| SubjectStatus::Deregistered
					),
					"verified subject without OID"
				),
			}
		}
		for (account, id) in SubjectOfAccount::<T>::iter() {
			ensure!(
				Subjects::<T>::get(id).is_some_and(|s| s.accounts.contains(&account)),
				"dangling account index"
			);
		}
		for (oid, id) in SubjectByOid::<T>::iter() {
			ensure!(Subjects::<T>::get(id).and_then(|s| s.oid) == Some(oid), "dangling OID index");
		}
		Ok(())
	}
}
