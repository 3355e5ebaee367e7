//! The chain's clock: `today = StartDate + floor((now − FirstBlockMs) / DayLengthMs)` days.

use crate::{Config, Cursor, DayLengthMs, FirstBlockMs, Pallet, StartDate, UTC_OFFSET_MINUTES};
use doid_primitives::{chain_date, date_of_timestamp, Date, MILLIS_PER_DAY};
use frame_support::traits::Get;

/// The UTC offset in milliseconds (8 h).
const UTC_OFFSET_MS: u64 = (UTC_OFFSET_MINUTES as u64) * 60_000;

impl<T: Config> Pallet<T> {
	/// The length of a chain day in milliseconds (0 in storage reads as 86 400 000).
	pub fn day_length_ms() -> u64 {
		match DayLengthMs::<T>::get() {
			0 => MILLIS_PER_DAY,
			l => l,
		}
	}

	/// The clock origin `(start date, origin ms)` that the first block at `now_ms` records.
	///
	/// With the real day length the origin is midnight UTC+8 of the block's day and the start
	/// date is that UTC+8 date (whatever genesis said), so every later block is dated by its
	/// UTC+8 calendar date. With a shortened day the origin is the block time itself and the
	/// start date is `genesis_start`, or the block's UTC+8 date if genesis gave none.
	pub fn clock_origin(
		now_ms: u64,
		day_length_ms: u64,
		genesis_start: Option<Date>,
	) -> (Date, u64) {
		if day_length_ms == MILLIS_PER_DAY || day_length_ms == 0 {
			let local = now_ms.saturating_add(UTC_OFFSET_MS);
			let midnight_local = local.saturating_sub(local % MILLIS_PER_DAY);
			(
				date_of_timestamp(now_ms, UTC_OFFSET_MINUTES),
				midnight_local.saturating_sub(UTC_OFFSET_MS),
			)
		} else {
			(genesis_start.unwrap_or_else(|| date_of_timestamp(now_ms, UTC_OFFSET_MINUTES)), now_ms)
		}
	}

	/// The chain's current date ("today") at the current block's time [`Config::NowMs`].
	///
	/// Before the first block has recorded the clock origin, the origin it would record now is
	/// used (so "today" is the start date, or the UTC+8 date of `now`); while the time is not
	/// known (`NowMs` = 0) it is the genesis start date.
	pub fn current_date() -> Date {
		let now = T::NowMs::get();
		let length = Self::day_length_ms();
		let (start, first) = match (StartDate::<T>::get(), FirstBlockMs::<T>::get()) {
			(Some(start), Some(first)) => (start, first),
			(Some(start), None) if now == 0 => return start,
			(start, _) => Self::clock_origin(now, length, start),
		};
		chain_date(start, first, now, length)
	}

	/// Record the clock origin on the first block whose time is known (`NowMs > 0`), and make
	/// sure the agenda cursor is not after that block's date.
	pub(crate) fn note_first_block() {
		if FirstBlockMs::<T>::exists() {
			return;
		}
		let now = T::NowMs::get();
		if now == 0 {
			return;
		}
		let length = Self::day_length_ms();
		let genesis_start = StartDate::<T>::get();
		let (start, first) = Self::clock_origin(now, length, genesis_start);
		if genesis_start.is_some_and(|g| g != start) {
			log::warn!(
				target: "runtime::calendar",
				"genesis start date {:?} differs from the first block's date {:?}; using the latter",
				genesis_start,
				start,
			);
		}
		StartDate::<T>::put(start);
		FirstBlockMs::<T>::put(first);
		let today = chain_date(start, first, now, length);
		match Cursor::<T>::get() {
			Some((date, _)) if date <= today => {}
			_ => Cursor::<T>::put((today, 0)),
		}
	}
}
