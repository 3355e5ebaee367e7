//! Weights for pallet_calendar (placeholder until `scripts/benchmark.sh` regenerates it).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet_calendar.
pub trait WeightInfo {
	fn set_days(d: u32) -> Weight;
	fn fire() -> Weight;
	fn on_initialize_base() -> Weight;
	fn on_initialize_per_timer() -> Weight;
	fn on_initialize_per_empty_date() -> Weight;
}

/// Weights for pallet_calendar using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Calendar::YearOverrides` (r:2 w:2) — at most two years per call.
	fn set_days(d: u32) -> Weight {
		Weight::from_parts(15_000_000, 1_700)
			.saturating_add(Weight::from_parts(150_000, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Calendar::Timers` (r:1 w:1), clock values (r:4), `System::Events` (w:1). Handler excluded.
	fn fire() -> Weight {
		Weight::from_parts(25_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: clock values and `Calendar::Cursor`, `Calendar::AgendaLen` (r:6 w:3).
	fn on_initialize_base() -> Weight {
		Weight::from_parts(8_000_000, 1_600)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Calendar::Agenda` (r:1 w:1), `Calendar::Timers` (r:1 w:1), `System::Events` (w:1). Handler excluded.
	fn on_initialize_per_timer() -> Weight {
		Weight::from_parts(15_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Calendar::AgendaLen` (r:2 w:1), `Calendar::Cursor` (w:1).
	fn on_initialize_per_empty_date() -> Weight {
		Weight::from_parts(5_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	/// Storage: `Calendar::YearOverrides` (r:2 w:2) — at most two years per call.
	fn set_days(d: u32) -> Weight {
		Weight::from_parts(15_000_000, 1_700)
			.saturating_add(Weight::from_parts(150_000, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: `Calendar::Timers` (r:1 w:1), clock values (r:4), `System::Events` (w:1). Handler excluded.
	fn fire() -> Weight {
		Weight::from_parts(25_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: clock values and `Calendar::Cursor`, `Calendar::AgendaLen` (r:6 w:3).
	fn on_initialize_base() -> Weight {
		Weight::from_parts(8_000_000, 1_600)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	/// Storage: `Calendar::Agenda` (r:1 w:1), `Calendar::Timers` (r:1 w:1), `System::Events` (w:1). Handler excluded.
	fn on_initialize_per_timer() -> Weight {
		Weight::from_parts(15_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	/// Storage: `Calendar::AgendaLen` (r:2 w:1), `Calendar::Cursor` (w:1).
	fn on_initialize_per_empty_date() -> Weight {
		Weight::from_parts(5_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
