//! Benchmarks of the validator set (worst case: a full set).

use super::*;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use sp_runtime::traits::{Convert, TrailingZeroInput};

fn with_keys<T: Config>(index: u32) -> T::AccountId {
	let account: T::AccountId = account("validator", index, 0);
	let keys = <T as pallet_session::Config>::Keys::decode(&mut TrailingZeroInput::zeroes())
		.expect("zeroed keys decode");
	if let Some(id) = <T as pallet_session::Config>::ValidatorIdOf::convert(account.clone()) {
		pallet_session::NextKeys::<T>::insert(id, keys);
	}
	account
}

/// Fill the set up to `len` validators.
fn fill<T: Config>(len: u32) {
	let set: alloc::vec::Vec<_> = (0..len).map(with_keys::<T>).collect();
	Validators::<T>::put(BoundedVec::try_from(set).expect("within bound"));
	MinValidators::<T>::put(1);
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxValidators::get() - 1);
		let new = with_keys::<T>(u32::MAX);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new.clone());
		assert!(Validators::<T>::get().contains(&new));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxValidators::get());
		let last = Validators::<T>::get().last().cloned().expect("filled");
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, last.clone());
		assert!(!Validators::<T>::get().contains(&last));
		Ok(())
	}

	#[benchmark]
	fn set_min_validators() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxValidators::get());
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 2);
		assert_eq!(MinValidators::<T>::get(), 2);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
