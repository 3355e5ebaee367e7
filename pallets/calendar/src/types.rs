//! Storage types of the calendar pallet.

use codec::{Decode, Encode, MaxEncodedLen};
use doid_primitives::{date::days_in_month, Date, DayKind};
use scale_info::TypeInfo;

/// Bytes of one year's bitmap: 46 × 8 = 368 bits ≥ 366 days.
pub const YEAR_BITMAP_BYTES: usize = 46;

/// The overrides of one year as bitmaps; bit `i` (byte `i / 8`, bit `i % 8`) is day-of-year
/// `i` (0 = 1 January). A date is never in both bitmaps.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct YearDays {
	/// Public holidays: non-working even on a weekday.
	pub holidays: [u8; YEAR_BITMAP_BYTES],
	/// Adjusted working days (调休): working even on a weekend.
	pub workdays: [u8; YEAR_BITMAP_BYTES],
}

impl Default for YearDays {
	fn default() -> Self {
		YearDays { holidays: [0; YEAR_BITMAP_BYTES], workdays: [0; YEAR_BITMAP_BYTES] }
	}
}

/// Day of the year of `d`, 0 = 1 January (at most 365).
pub fn day_of_year(d: Date) -> u16 {
	let before: u16 = (1..d.month()).map(|m| u16::from(days_in_month(d.year(), m))).sum();
	before.saturating_add(u16::from(d.day())).saturating_sub(1)
}

fn get_bit(bits: &[u8; YEAR_BITMAP_BYTES], day: u16) -> bool {
	bits.get(usize::from(day / 8)).is_some_and(|b| b & (1u8 << (day % 8)) != 0)
}

fn set_bit(bits: &mut [u8; YEAR_BITMAP_BYTES], day: u16, value: bool) {
	if let Some(b) = bits.get_mut(usize::from(day / 8)) {
		if value {
			*b |= 1u8 << (day % 8);
		} else {
			*b &= !(1u8 << (day % 8));
		}
	}
}

impl YearDays {
	/// The override of `d` (which must lie in this bitmap's year); `Normal` if none.
	pub fn kind(&self, d: Date) -> DayKind {
		let i = day_of_year(d);
		if get_bit(&self.workdays, i) {
			DayKind::Working
		} else if get_bit(&self.holidays, i) {
			DayKind::Holiday
		} else {
			DayKind::Normal
		}
	}

	/// Set the override of `d` (`Normal` removes it).
	pub fn set(&mut self, d: Date, kind: DayKind) {
		let i = day_of_year(d);
		set_bit(&mut self.workdays, i, kind == DayKind::Working);
		set_bit(&mut self.holidays, i, kind == DayKind::Holiday);
	}

	/// Whether the year has no override at all.
	pub fn is_empty(&self) -> bool {
		self.holidays.iter().chain(self.workdays.iter()).all(|b| *b == 0)
	}
}

/// Whether `d` is a working day given the overrides of its year.
pub fn is_working(overrides: Option<&YearDays>, d: Date) -> bool {
	match overrides.map(|o| o.kind(d)).unwrap_or(DayKind::Normal) {
		DayKind::Working => true,
		DayKind::Holiday => false,
		DayKind::Normal => d.weekday() < 5,
	}
}

/// State of a timer.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum TimerState {
	/// Waiting to fire on (or after) `due`.
	Scheduled {
		/// The due date.
		due: Date,
	},
	/// Paused with `remaining` working days left; resuming reschedules it.
	Paused {
		/// Working days left when it was paused.
		remaining: u32,
	},
	/// Fired on chain date `on`; kept so that it cannot fire twice and the date is on record.
	Fired {
		/// The chain date of the block (or call) that fired it.
		on: Date,
	},
}

#[cfg(test)]
mod tests {
	use super::*;

	fn d(y: u16, m: u8, day: u8) -> Date {
		Date::new(y, m, day).unwrap()
	}

	#[test]
	fn day_of_year_known() {
		assert_eq!(day_of_year(d(2026, 1, 1)), 0);
		assert_eq!(day_of_year(d(2026, 2, 14)), 44);
		assert_eq!(day_of_year(d(2025, 12, 31)), 364);
		assert_eq!(day_of_year(d(2024, 12, 31)), 365);
		assert_eq!(day_of_year(d(2024, 3, 1)), 60);
	}

	#[test]
	fn bits_are_exclusive() {
		let mut y = YearDays::default();
		assert!(y.is_empty());
		y.set(d(2024, 12, 31), DayKind::Holiday);
		assert_eq!(y.kind(d(2024, 12, 31)), DayKind::Holiday);
		y.set(d(2024, 12, 31), DayKind::Working);
		assert_eq!(y.kind(d(2024, 12, 31)), DayKind::Working);
		assert_eq!(y.kind(d(2024, 12, 30)), DayKind::Normal);
		y.set(d(2024, 12, 31), DayKind::Normal);
		assert!(y.is_empty());
	}
}
