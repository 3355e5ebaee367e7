//! # Validator set
//!
//! The permissioned validator set of the DOID chain. Registries run the validator nodes; the
//! set changes only by governance (the council of registry operators, or root on the
//! development chain):
//!
//! - [`Pallet::add_validator`] and [`Pallet::remove_validator`] change the set. The change is
//!   handed to `pallet-session` at the next session rotation, so it takes effect from the session
//!   after that (Aura and GRANDPA authorities follow the session).
//! - A removal that would leave fewer than [`MinValidators`] validators is refused with
//!   [`Error::TooFewValidators`]: GRANDPA needs more than two thirds of the set online, so the
//!   consortium keeps a floor that it sets with [`Pallet::set_min_validators`].
//! - A validator can only be added once its session keys are registered (`Session::set_keys`),
//!   otherwise the session would silently skip it.
//! - The pallet also decides when a session ends ([`rotation`]): soon after a change, and
//!   otherwise rarely, because the block that rotates a session carries no transactions.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod rotation;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::WeightInfo;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Convert;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_session::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Who may add or remove validators and set the minimum (council two-thirds, or root).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Upper bound of the validator set.
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// A pending validator-set change ends the session at the next multiple of this many
		/// blocks (see [`crate::rotation`]).
		#[pallet::constant]
		type ChangeCheckPeriod: Get<BlockNumberFor<Self>>;
		/// Without a pending change a session ends at multiples of this many blocks.
		#[pallet::constant]
		type MaxSessionLength: Get<BlockNumberFor<Self>>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The validators that the next session rotation hands to the session pallet.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The set may not shrink below this many validators.
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// `true` when `Validators` changed since the session pallet last read it.
	#[pallet::storage]
	pub type ChangePending<T: Config> = StorageValue<_, bool, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial validators (their session keys go in the session pallet's genesis).
		pub validators: Vec<T::AccountId>,
		/// The smallest allowed validator set.
		pub min_validators: u32,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let validators: BoundedVec<_, _> = self
				.validators
				.clone()
				.try_into()
				.expect("genesis validators exceed MaxValidators");
			assert!(
				validators.len() as u32 >= self.min_validators,
				"genesis has fewer validators than min_validators"
			);
			Validators::<T>::put(validators);
			MinValidators::<T>::put(self.min_validators.max(1));
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator was added; it starts validating from the session after next.
		ValidatorAdded { validator: T::AccountId },
		/// A validator was removed; it stops validating from the session after next.
		ValidatorRemoved { validator: T::AccountId },
		/// The minimum size of the validator set changed.
		MinValidatorsSet { min: u32 },
		/// The changed validator set was handed to the session pallet for session `session`.
		ValidatorSetQueued { session: u32, validators: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// Removing the validator would leave fewer than the minimum number of validators.
		TooFewValidators,
		/// The validator set is full (`MaxValidators`).
		TooManyValidators,
		/// The account has not registered session keys (`Session::set_keys`) yet.
		NoSessionKeys,
		/// The minimum must be at least 1 and at most the current number of validators.
		InvalidMinimum,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `validator` to the set; effective from the session after next.
		///
		/// Origin: governance. The account must have registered its session keys.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Self::has_session_keys(&validator), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|set| -> DispatchResult {
				ensure!(!set.contains(&validator), Error::<T>::AlreadyValidator);
				set.try_push(validator.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
				Ok(())
			})?;
			ChangePending::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { validator });
			Ok(())
		}

		/// Remove `validator` from the set; effective from the session after next.
		///
		/// Origin: governance. Refused if the set would fall below [`MinValidators`].
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|set| -> DispatchResult {
				let position =
					set.iter().position(|v| v == &validator).ok_or(Error::<T>::NotValidator)?;
				ensure!(set.len() as u32 > MinValidators::<T>::get(), Error::<T>::TooFewValidators);
				set.remove(position);
				Ok(())
			})?;
			ChangePending::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { validator });
			Ok(())
		}

		/// Set the smallest allowed validator set (at least 1, at most the current set size).
		///
		/// Origin: governance.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::set_min_validators())]
		pub fn set_min_validators(origin: OriginFor<T>, min: u32) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(
				min >= 1 && min <= Validators::<T>::decode_len().unwrap_or(0) as u32,
				Error::<T>::InvalidMinimum
			);
			MinValidators::<T>::put(min);
			Self::deposit_event(Event::MinValidatorsSet { min });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		fn has_session_keys(account: &T::AccountId) -> bool {
			<T as pallet_session::Config>::ValidatorIdOf::convert(account.clone())
				.map(pallet_session::NextKeys::<T>::contains_key)
				.unwrap_or(false)
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
			if !ChangePending::<T>::take() {
				return None;
			}
			let validators = Validators::<T>::get().into_inner();
			Self::deposit_event(Event::ValidatorSetQueued {
				session: new_index,
				validators: validators.len() as u32,
			});
			Some(validators)
		}
		fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
			Some(Validators::<T>::get().into_inner())
		}
		fn end_session(_end_index: u32) {}
		fn start_session(_start_index: u32) {}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			let set = Validators::<T>::get();
			ensure!(set.len() as u32 >= MinValidators::<T>::get(), "validator set below minimum");
			let mut sorted = set.into_inner();
			sorted.sort();
			sorted.dedup();
			ensure!(
				sorted.len() as u32 == Validators::<T>::decode_len().unwrap_or(0) as u32,
				"duplicate validator"
			);
			Ok(())
		}
	}
}
