//! Benchmarks of the calendar (worst cases: `set_days` over two years with existing overrides,
//! timers at the front of a date's agenda).

use super::*;
use alloc::vec::Vec;
use doid_primitives::{Date, DayKind, TimerId, TimerOwner, Timers as _, MILLIS_PER_DAY};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, Hooks},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};

fn date(y: u16, m: u8, d: u8) -> Date {
	Date::new(y, m, d).expect("valid benchmark date")
}

/// Make `today` the chain date: real day length, clock origin at the current `NowMs`.
fn set_today<T: Config>(today: Date) {
	DayLengthMs::<T>::put(MILLIS_PER_DAY);
	StartDate::<T>::put(today);
	FirstBlockMs::<T>::put(T::NowMs::get());
	Cursor::<T>::put((today, 0));
}

fn timer(id: u64) -> TimerId {
	TimerId::new(TimerOwner::Registration, id)
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn set_days(d: Linear<1, { T::MaxDaysPerCall::get() }>) -> Result<(), BenchmarkError> {
		// `d` distinct dates around new year 2026, so that two years are read and written.
		let new_year = date(2026, 1, 1);
		let half = (d / 2) as i32;
		let days: Vec<(Date, DayKind)> = (0..d as i32)
			.map(|i| {
				let day = new_year.add_days(i - half).expect("in range");
				(day, if i % 2 == 0 { DayKind::Holiday } else { DayKind::Working })
			})
			.collect();
		// Existing overrides in both years.
		Pallet::<T>::apply_days(&[
			(date(2025, 1, 1), DayKind::Holiday),
			(date(2026, 12, 31), DayKind::Holiday),
		]);
		let (first, last) = (days.first().map(|x| x.0), days.last().map(|x| x.0));
		let days: BoundedVec<_, T::MaxDaysPerCall> =
			days.try_into().map_err(|_| BenchmarkError::Weightless)?;
		let origin =
			T::CalendarOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, days);
		assert_eq!(first.map(Pallet::<T>::day_kind), Some(DayKind::Holiday));
		let last_kind = if (d - 1) % 2 == 0 { DayKind::Holiday } else { DayKind::Working };
		assert_eq!(last.map(Pallet::<T>::day_kind), Some(last_kind));
		Ok(())
	}

	#[benchmark]
	fn fire() -> Result<(), BenchmarkError> {
		let today = date(2026, 2, 13);
		set_today::<T>(today);
		Pallet::<T>::schedule(timer(1), today).map_err(|_| BenchmarkError::Weightless)?;
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), timer(1));
		assert_eq!(Timers::<T>::get(timer(1)), Some(TimerState::Fired { on: today }));
		Ok(())
	}

	#[benchmark]
	fn on_initialize_base() {
		let today = date(2026, 2, 13);
		set_today::<T>(today);
		#[block]
		{
			Pallet::<T>::on_initialize(BlockNumberFor::<T>::from(2u32));
		}
		assert_eq!(Cursor::<T>::get(), Some((today, 0)));
	}

	#[benchmark]
	fn on_initialize_per_timer() -> Result<(), BenchmarkError> {
		let today = date(2026, 2, 13);
		set_today::<T>(today);
		Pallet::<T>::schedule(timer(1), today).map_err(|_| BenchmarkError::Weightless)?;
		#[block]
		{
			Pallet::<T>::service_entry(today, 0, today);
		}
		assert_eq!(Timers::<T>::get(timer(1)), Some(TimerState::Fired { on: today }));
		assert!(Agenda::<T>::get(today, 0).is_none());
		Ok(())
	}

	#[benchmark]
	fn on_initialize_per_empty_date() {
		let today = date(2026, 2, 13);
		set_today::<T>(today);
		AgendaLen::<T>::insert(today, 1);
		let next = today.add_days(1).expect("in range");
		#[block]
		{
			Pallet::<T>::step_date(today);
		}
		assert_eq!(AgendaLen::<T>::get(today), 0);
		assert_eq!(AgendaLen::<T>::get(next), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
