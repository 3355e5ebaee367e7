//! Weights for pallet_subjects (placeholder until `scripts/benchmark.sh` regenerates it).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet_subjects.
pub trait WeightInfo {
	fn register_subject() -> Weight;
	fn verify_subject() -> Weight;
	fn reject_subject() -> Weight;
	fn set_roles() -> Weight;
	fn suspend_subject() -> Weight;
	fn reinstate_subject() -> Weight;
	fn deregister_subject(a: u32) -> Weight;
	fn propose_account() -> Weight;
	fn accept_account_link() -> Weight;
	fn cancel_account_link() -> Weight;
	fn remove_account(a: u32) -> Weight;
}

/// Weights for pallet_subjects using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_subject() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn verify_subject() -> Weight {
		Weight::from_parts(70_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn reject_subject() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn set_roles() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn suspend_subject() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn reinstate_subject() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn deregister_subject(a: u32) -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes(a as u64))
	}
	fn propose_account() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn accept_account_link() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn cancel_account_link() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn remove_account(a: u32) -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn register_subject() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn verify_subject() -> Weight {
		Weight::from_parts(70_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn reject_subject() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn set_roles() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn suspend_subject() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn reinstate_subject() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn deregister_subject(a: u32) -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes(a as u64))
	}
	fn propose_account() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn accept_account_link() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn cancel_account_link() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn remove_account(a: u32) -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
