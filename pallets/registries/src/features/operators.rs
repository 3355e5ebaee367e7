//! The operators of a registry.

use crate::pallet::*;
use doid_primitives::RegistryId;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};

impl<T: Config> Pallet<T> {
	/// Add an operator to an existing registry.
	pub fn do_add_operator(registry: RegistryId, who: T::AccountId) -> DispatchResult {
		ensure!(Registries::<T>::contains_key(registry), Error::<T>::UnknownRegistry);
		ensure!(!Operators::<T>::contains_key(registry, &who), Error::<T>::AlreadyOperator);
		let count = OperatorCount::<T>::get(registry);
		ensure!(count < T::MaxOperators::get(), Error::<T>::TooManyOperators);
		Operators::<T>::insert(registry, &who, ());
		OperatorCount::<T>::insert(registry, count.saturating_add(1));
		Self::deposit_event(Event::OperatorAdded { registry, operator: who });
		Ok(())
	}

	/// Remove an operator, never the last one.
	pub(crate) fn do_remove_operator(registry: RegistryId, who: T::AccountId) -> DispatchResult {
		ensure!(Registries::<T>::contains_key(registry), Error::<T>::UnknownRegistry);
		ensure!(Operators::<T>::contains_key(registry, &who), Error::<T>::NotOperator);
		let count = OperatorCount::<T>::get(registry);
		ensure!(count > 1, Error::<T>::LastOperator);
		Operators::<T>::remove(registry, &who);
		OperatorCount::<T>::insert(registry, count.saturating_sub(1));
		Self::deposit_event(Event::OperatorRemoved { registry, operator: who });
		Ok(())
	}
}
