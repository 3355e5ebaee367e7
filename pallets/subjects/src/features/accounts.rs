//! The accounts of a subject: two-step linking (propose by the main account, accept by the new
//! account), cancelling a proposal, removing an account.

use crate::pallet::*;
use doid_primitives::SubjectId;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};

impl<T: Config> Pallet<T> {
	/// Propose linking `account` to the verified subject managed by `who`.
	pub(crate) fn do_propose_account(who: T::AccountId, account: T::AccountId) -> DispatchResult {
		let (id, info) = Self::managed_subject(&who)?;
		Self::ensure_may_act(info.status)?;
		ensure!(!SubjectOfAccount::<T>::contains_key(&account), Error::<T>::AccountInUse);
		ensure!(
			(info.accounts.len() as u32) < T::MaxAccountsPerSubject::get(),
			Error::<T>::TooManyAccounts
		);
		ensure!(PendingAccountLinks::<T>::get(&account) != Some(id), Error::<T>::AlreadyProposed);
		// A proposal by another subject to the same account is replaced: the account names the
		// subject it accepts, so it cannot be linked to the wrong one.
		PendingAccountLinks::<T>::insert(&account, id);
		Self::deposit_event(Event::AccountProposed { subject: id, account });
		Ok(())
	}

	/// The proposed account `who` accepts the link to `subject`.
	pub(crate) fn do_accept_account_link(who: T::AccountId, subject: SubjectId) -> DispatchResult {
		ensure!(PendingAccountLinks::<T>::get(&who) == Some(subject), Error::<T>::NoPendingLink);
		ensure!(!SubjectOfAccount::<T>::contains_key(&who), Error::<T>::AccountInUse);
		let mut info = Subjects::<T>::get(subject).ok_or(Error::<T>::UnknownSubject)?;
		Self::ensure_may_act(info.status)?;
		info.accounts.try_push(who.clone()).map_err(|_| Error::<T>::TooManyAccounts)?;
		PendingAccountLinks::<T>::remove(&who);
		SubjectOfAccount::<T>::insert(&who, subject);
		Subjects::<T>::insert(subject, info);
		Self::deposit_event(Event::AccountLinked { subject, account: who });
		Ok(())
	}

	/// Withdraw the proposal to link `account` to the subject managed by `who` (any status).
	pub(crate) fn do_cancel_account_link(
		who: T::AccountId,
		account: T::AccountId,
	) -> DispatchResult {
		let (id, _) = Self::managed_subject(&who)?;
		ensure!(PendingAccountLinks::<T>::get(&account) == Some(id), Error::<T>::NoPendingLink);
		PendingAccountLinks::<T>::remove(&account);
		Self::deposit_event(Event::AccountLinkCancelled { subject: id, account });
		Ok(())
	}

	/// Unlink `account` (not the main account) from the subject managed by `who`; allowed while
	/// verified or suspended.
	pub(crate) fn do_remove_account(who: T::AccountId, account: T::AccountId) -> DispatchResult {
		let (id, mut info) = Self::managed_subject(&who)?;
		ensure!(account != info.main_account, Error::<T>::CannotRemoveMainAccount);
		let position =
			info.accounts.iter().position(|a| a == &account).ok_or(Error::<T>::AccountNotLinked)?;
		info.accounts.remove(position);
		SubjectOfAccount::<T>::remove(&account);
		Subjects::<T>::insert(id, info);
		Self::deposit_event(Event::AccountRemoved { subject: id, account });
		Ok(())
	}
}
