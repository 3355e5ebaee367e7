//! [`SubjectsInspect`]: what other pallets may ask about subjects.

use crate::{pallet::*, types::SubjectStatus};
use doid_primitives::{
	Oid, RegistriesInspect, RegistryId, SubjectId, SubjectRole, SubjectsInspect, Uscc,
};

impl<T: Config> SubjectsInspect<T::AccountId> for Pallet<T> {
	fn subject_of(who: &T::AccountId) -> Option<SubjectId> {
		SubjectOfAccount::<T>::get(who)
	}

	fn is_verified(subject: SubjectId) -> bool {
		Subjects::<T>::get(subject).is_some_and(|s| s.status == SubjectStatus::Verified)
	}

	fn has_role(subject: SubjectId, role: SubjectRole) -> bool {
		Subjects::<T>::get(subject)
			.is_some_and(|s| s.status == SubjectStatus::Verified && s.roles.contains(role))
	}

	fn oid(subject: SubjectId) -> Option<Oid> {
		Subjects::<T>::get(subject).and_then(|s| s.oid)
	}

	fn subject_by_oid(oid: &Oid) -> Option<SubjectId> {
		SubjectByOid::<T>::get(oid)
	}

	fn registry_of(subject: SubjectId) -> Option<RegistryId> {
		Subjects::<T>::get(subject).map(|s| s.registry)
	}

	fn accounts_overlap(a: SubjectId, b: SubjectId) -> bool {
		if a == b {
			return true;
		}
		match (Subjects::<T>::get(a), Subjects::<T>::get(b)) {
			(Some(a), Some(b)) => a.accounts.iter().any(|x| b.accounts.contains(x)),
			_ => false,
		}
	}

	fn main_account(subject: SubjectId) -> Option<T::AccountId> {
		Subjects::<T>::get(subject).map(|s| s.main_account)
	}

	fn is_operator(registry: RegistryId, who: &T::AccountId) -> bool {
		T::Registries::is_operator(registry, who)
	}
}

impl<T: Config> Pallet<T> {
	/// The live subject with this unified social credit code.
	pub fn subject_by_uscc(uscc: &Uscc) -> Option<SubjectId> {
		SubjectByUscc::<T>::get(uscc)
	}
}
