//! Weights for pallet_objections (hand-written placeholders until `scripts/benchmark.sh`
//! regenerates them from the benchmarks).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet_objections.
pub trait WeightInfo {
	fn file_objection() -> Weight;
	fn accept_objection() -> Weight;
	fn dismiss_inadmissible() -> Weight;
	fn appoint_panel() -> Weight;
	fn respond() -> Weight;
	fn vote() -> Weight;
	fn withdraw_objection() -> Weight;
	fn court_ruling() -> Weight;
	fn on_timer_silence() -> Weight;
	fn on_timer_arbitration() -> Weight;
}

/// Weights for pallet_objections using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Worst case: `MaxEvidence` evidence digests, a bond held; objection, open list, party counters, history.
	fn file_objection() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Worst case: the first accepted objection disputes the target (notice paused) and schedules the response timer.
	fn accept_objection() -> Weight {
		Weight::from_parts(40_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: objection, operators, open list, party counters, two timer cancels, history, bond released.
	fn dismiss_inadmissible() -> Weight {
		Weight::from_parts(35_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Worst case: 5 arbitrators (roles, pairwise and party account overlaps) and the arbitration timer.
	fn appoint_panel() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(30_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: objection, respondent's subject, calendar, timer cancelled, history.
	fn respond() -> Weight {
		Weight::from_parts(25_000_000, 5_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Worst case: the last vote upholds: the target is rejected and `MaxOpenPerTarget - 1` other objections are closed as moot.
	fn vote() -> Weight {
		Weight::from_parts(250_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(80_u64))
			.saturating_add(T::DbWeight::get().writes(70_u64))
	}
	/// Worst case: the last accepted objection: bond released, target released (notice resumed).
	fn withdraw_objection() -> Weight {
		Weight::from_parts(45_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Worst case: upheld on a filed objection: target disputed and rejected, the other open objections closed as moot.
	fn court_ruling() -> Weight {
		Weight::from_parts(250_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(80_u64))
			.saturating_add(T::DbWeight::get().writes(70_u64))
	}
	/// Storage: objection, calendar, history.
	fn on_timer_silence() -> Weight {
		Weight::from_parts(15_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Worst case: uphold by partial votes at the deadline: target rejected, the other open objections closed as moot.
	fn on_timer_arbitration() -> Weight {
		Weight::from_parts(250_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(80_u64))
			.saturating_add(T::DbWeight::get().writes(70_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	/// Worst case: `MaxEvidence` evidence digests, a bond held; objection, open list, party counters, history.
	fn file_objection() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	/// Worst case: the first accepted objection disputes the target (notice paused) and schedules the response timer.
	fn accept_objection() -> Weight {
		Weight::from_parts(40_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	/// Storage: objection, operators, open list, party counters, two timer cancels, history, bond released.
	fn dismiss_inadmissible() -> Weight {
		Weight::from_parts(35_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	/// Worst case: 5 arbitrators (roles, pairwise and party account overlaps) and the arbitration timer.
	fn appoint_panel() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(30_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	/// Storage: objection, respondent's subject, calendar, timer cancelled, history.
	fn respond() -> Weight {
		Weight::from_parts(25_000_000, 5_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	/// Worst case: the last vote upholds: the target is rejected and `MaxOpenPerTarget - 1` other objections are closed as moot.
	fn vote() -> Weight {
		Weight::from_parts(250_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(80_u64))
			.saturating_add(RocksDbWeight::get().writes(70_u64))
	}
	/// Worst case: the last accepted objection: bond released, target released (notice resumed).
	fn withdraw_objection() -> Weight {
		Weight::from_parts(45_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	/// Worst case: upheld on a filed objection: target disputed and rejected, the other open objections closed as moot.
	fn court_ruling() -> Weight {
		Weight::from_parts(250_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(80_u64))
			.saturating_add(RocksDbWeight::get().writes(70_u64))
	}
	/// Storage: objection, calendar, history.
	fn on_timer_silence() -> Weight {
		Weight::from_parts(15_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Worst case: uphold by partial votes at the deadline: target rejected, the other open objections closed as moot.
	fn on_timer_arbitration() -> Weight {
		Weight::from_parts(250_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(80_u64))
			.saturating_add(RocksDbWeight::get().writes(70_u64))
	}
}
