//! The logic of each capability of the pallet; the calls in `lib.rs` only check the origin.

pub mod accounts;
#[cfg(feature = "runtime-benchmarks")]
pub mod bench_helper;
pub mod inspect;
pub mod registration;
pub mod verification;

use crate::{pallet::*, types::SubjectStatus};
use doid_primitives::SubjectId;
use frame_support::ensure;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// The subject `who` belongs to, which `who` must manage as its main account.
	pub(crate) fn managed_subject(
		who: &T::AccountId,
	) -> Result<(SubjectId, SubjectInfoOf<T>), DispatchError> {
		let id = SubjectOfAccount::<T>::get(who).ok_or(Error::<T>::NotASubject)?;
		let info = Subjects::<T>::get(id).ok_or(Error::<T>::NotASubject)?;
		ensure!(&info.main_account == who, Error::<T>::NotMainAccount);
		Ok((id, info))
	}

	/// Refuse unless the subject is verified (suspended → `SubjectSuspended`, any other status
	/// → `NotVerified`).
	pub(crate) fn ensure_may_act(status: SubjectStatus) -> Result<(), DispatchError> {
		match status {
			SubjectStatus::Verified => Ok(()),
			SubjectStatus::Suspended => Err(Error::<T>::SubjectSuspended.into()),
			_ => Err(Error::<T>::NotVerified.into()),
		}
	}

	/// The subject, if `who` is an operator of its registry.
	pub(crate) fn operated_subject(
		who: &T::AccountId,
		subject: SubjectId,
	) -> Result<SubjectInfoOf<T>, DispatchError> {
		use doid_primitives::RegistriesInspect;
		let info = Subjects::<T>::get(subject).ok_or(Error::<T>::UnknownSubject)?;
		ensure!(T::Registries::is_operator(info.registry, who), Error::<T>::NotOperator);
		Ok(info)
	}
}
