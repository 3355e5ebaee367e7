//! Holidays and adjusted working days, and working-day arithmetic.

use crate::{
	types::{is_working, YearDays},
	Config, Error, Pallet, YearOverrides, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR,
};
use alloc::vec::Vec;
use doid_primitives::{Date, DayKind, WorkingDays, MAX_SPAN_DAYS, MAX_WORKING_DAYS};

/// The overrides of the year last looked up, so that a scan reads each year once.
#[derive(Default)]
struct YearCache(Option<(u16, Option<YearDays>)>);

impl YearCache {
	fn is_working<T: Config>(&mut self, d: Date) -> bool {
		let year = d.year();
		match &self.0 {
			Some((y, days)) if *y == year => is_working(days.as_ref(), d),
			_ => {
				let days = YearOverrides::<T>::get(year);
				let working = is_working(days.as_ref(), d);
				self.0 = Some((year, days));
				working
			}
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Whether `d` lies in the calendar's years 1970..=2999.
	pub fn in_range(d: Date) -> bool {
		(MIN_CALENDAR_YEAR..=MAX_CALENDAR_YEAR).contains(&d.year())
	}

	/// Check a list of overrides: not empty, every date in range, no date twice, at most
	/// `max_years` distinct years. Returns the first and last date.
	pub(crate) fn check_days(
		days: &[(Date, DayKind)],
		max_years: u32,
	) -> Result<(Date, Date), Error<T>> {
		let mut dates: Vec<Date> = days.iter().map(|(d, _)| *d).collect();
		ensure_in(dates.iter().all(|d| Self::in_range(*d)), Error::<T>::DateOutOfRange)?;
		dates.sort_unstable();
		ensure_in(
			!dates.windows(2).any(|w| matches!(w, [a, b] if a == b)),
			Error::<T>::DuplicateDate,
		)?;
		let years = dates
			.windows(2)
			.filter(|w| matches!(w, [a, b] if a.year() != b.year()))
			.count()
			.saturating_add(1);
		ensure_in(years as u64 <= u64::from(max_years), Error::<T>::TooManyYears)?;
		match (dates.first(), dates.last()) {
			(Some(first), Some(last)) => Ok((*first, *last)),
			_ => Err(Error::<T>::NoDays),
		}
	}

	/// Write checked overrides, one read and one write per year touched.
	pub(crate) fn apply_days(days: &[(Date, DayKind)]) {
		let mut years: Vec<(u16, YearDays)> = Vec::new();
		for (date, kind) in days {
			let year = date.year();
			match years.iter_mut().find(|(y, _)| *y == year) {
				Some((_, overrides)) => overrides.set(*date, *kind),
				None => {
					let mut overrides = YearOverrides::<T>::get(year).unwrap_or_default();
					overrides.set(*date, *kind);
					years.push((year, overrides));
				}
			}
		}
		for (year, overrides) in years {
			if overrides.is_empty() {
				YearOverrides::<T>::remove(year);
			} else {
				YearOverrides::<T>::insert(year, overrides);
			}
		}
	}

	/// The override of `d`, `Normal` if there is none.
	pub fn day_kind(d: Date) -> DayKind {
		YearOverrides::<T>::get(d.year()).map(|o| o.kind(d)).unwrap_or(DayKind::Normal)
	}
}

fn ensure_in<E>(condition: bool, error: E) -> Result<(), E> {
	if condition {
		Ok(())
	} else {
		Err(error)
	}
}

/// Working-day arithmetic for other pallets. Cost: one `YearOverrides` read per year scanned
/// (at most 11 for the bounded spans).
impl<T: Config> WorkingDays for Pallet<T> {
	fn today() -> Date {
		Self::current_date()
	}

	fn is_working_day(d: Date) -> bool {
		is_working(YearOverrides::<T>::get(d.year()).as_ref(), d)
	}

	fn add_working_days(d: Date, n: u32) -> Option<Date> {
		if n > MAX_WORKING_DAYS {
			return None;
		}
		if n == 0 {
			return Some(d);
		}
		let mut cache = YearCache::default();
		let mut count = 0u32;
		for offset in 1..=MAX_SPAN_DAYS {
			let day = d.add_days(i32::try_from(offset).ok()?).ok()?;
			if cache.is_working::<T>(day) {
				count = count.saturating_add(1);
				if count == n {
					return Some(day);
				}
			}
		}
		None
	}

	fn working_days_between(from: Date, to: Date) -> Option<u32> {
		if to <= from {
			return Some(0);
		}
		let span = to.to_day_number().saturating_sub(from.to_day_number());
		if span > i32::try_from(MAX_SPAN_DAYS).ok()? {
			return None;
		}
		let mut cache = YearCache::default();
		let mut count = 0u32;
		for offset in 1..=span {
			let day = from.add_days(offset).ok()?;
			if cache.is_working::<T>(day) {
				count = count.saturating_add(1);
			}
		}
		Some(count)
	}
}
