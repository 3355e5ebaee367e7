//! Weights for pallet_registration (placeholder until `scripts/benchmark.sh` regenerates it).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet_registration.
pub trait WeightInfo {
	fn submit() -> Weight;
	fn accept() -> Weight;
	fn request_correction() -> Weight;
	fn refuse() -> Weight;
	fn pass_formal() -> Weight;
	fn submit_review() -> Weight;
	fn amend() -> Weight;
	fn withdraw() -> Weight;
	fn on_timer_issue() -> Weight;
	fn on_timer_lapse() -> Weight;
	fn open_dispute() -> Weight;
	fn resume_notice() -> Weight;
	fn reject_upheld() -> Weight;
}

/// Weights for pallet_registration using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Worst case: 8 inputs (view, may_cite, lineage), 16 materials, 4 services, 4 prior registrations, longest texts.
	fn submit() -> Weight {
		Weight::from_parts(90_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(30_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	/// Storage: `Registration::Applications` (r:1 w:1), registry operators (r:1), calendar clock (r:1).
	fn accept() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: application, operators, rules, calendar and timer agenda.
	fn request_correction() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Worst case: a correction timer is cancelled.
	fn refuse() -> Weight {
		Weight::from_parts(35_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: application, operators, reviewer subject and accounts.
	fn pass_formal() -> Weight {
		Weight::from_parts(30_000_000, 5_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Worst case: the review passes (notice date, timer scheduled, notice index).
	fn submit_review() -> Weight {
		Weight::from_parts(45_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Worst case like `submit`, plus the correction timer cancelled.
	fn amend() -> Weight {
		Weight::from_parts(95_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(32_u64))
			.saturating_add(T::DbWeight::get().writes(26_u64))
	}
	/// Worst case: a notice timer is cancelled.
	fn withdraw() -> Weight {
		Weight::from_parts(35_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Notice end: the certificate is issued (certificates pallet included).
	fn on_timer_issue() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Correction deadline missed: the application lapses.
	fn on_timer_lapse() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// `ApplicationDisputes::open_dispute`: the notice timer is paused.
	fn open_dispute() -> Weight {
		Weight::from_parts(30_000_000, 5_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// `ApplicationDisputes::resume`: the timer is cancelled and scheduled again.
	fn resume_notice() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// `ApplicationDisputes::reject_upheld`: the paused timer is cancelled.
	fn reject_upheld() -> Weight {
		Weight::from_parts(30_000_000, 5_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	/// Worst case: 8 inputs (view, may_cite, lineage), 16 materials, 4 services, 4 prior registrations, longest texts.
	fn submit() -> Weight {
		Weight::from_parts(90_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(30_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	/// Storage: `Registration::Applications` (r:1 w:1), registry operators (r:1), calendar clock (r:1).
	fn accept() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: application, operators, rules, calendar and timer agenda.
	fn request_correction() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	/// Worst case: a correction timer is cancelled.
	fn refuse() -> Weight {
		Weight::from_parts(35_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	/// Storage: application, operators, reviewer subject and accounts.
	fn pass_formal() -> Weight {
		Weight::from_parts(30_000_000, 5_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Worst case: the review passes (notice date, timer scheduled, notice index).
	fn submit_review() -> Weight {
		Weight::from_parts(45_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	/// Worst case like `submit`, plus the correction timer cancelled.
	fn amend() -> Weight {
		Weight::from_parts(95_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(32_u64))
			.saturating_add(RocksDbWeight::get().writes(26_u64))
	}
	/// Worst case: a notice timer is cancelled.
	fn withdraw() -> Weight {
		Weight::from_parts(35_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	/// Notice end: the certificate is issued (certificates pallet included).
	fn on_timer_issue() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	/// Correction deadline missed: the application lapses.
	fn on_timer_lapse() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// `ApplicationDisputes::open_dispute`: the notice timer is paused.
	fn open_dispute() -> Weight {
		Weight::from_parts(30_000_000, 5_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	/// `ApplicationDisputes::resume`: the timer is cancelled and scheduled again.
	fn resume_notice() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	/// `ApplicationDisputes::reject_upheld`: the paused timer is cancelled.
	fn reject_upheld() -> Weight {
		Weight::from_parts(30_000_000, 5_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
}
