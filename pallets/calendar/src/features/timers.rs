//! Date-keyed timers: the agenda, its processing in `on_initialize`, `fire`, and the
//! [`doid_primitives::Timers`] trait.

use crate::{
	types::TimerState, Agenda, AgendaLen, Config, Cursor, Error, Event, Pallet, Timers, WeightInfo,
};
use doid_primitives::{Date, TimerError, TimerHandler, TimerId, WorkingDays};
use frame_support::weights::Weight;

/// A place in the agenda, computed before anything is written.
struct AgendaSlot {
	/// The agenda date (the due date, or the cursor date if that is later).
	at: Date,
	/// The position at that date.
	index: u32,
	/// The cursor to create (today) when there is none yet.
	new_cursor: Option<Date>,
}

impl<T: Config> Pallet<T> {
	/// The handler's worst-case weight per timer.
	pub fn handler_max_weight() -> Weight {
		let (ref_time, proof_size) = T::Handler::max_weight();
		Weight::from_parts(ref_time, proof_size)
	}

	/// Where a timer due on `due` goes in the agenda: the date (not before the cursor) and index,
	/// and the cursor to create if there is none yet. Checks only, writes nothing.
	fn agenda_slot(due: Date) -> Result<AgendaSlot, TimerError> {
		let (cursor, new_cursor) = match Cursor::<T>::get() {
			Some((date, _)) => (date, None),
			None => {
				let today = Self::current_date();
				(today, Some(today))
			}
		};
		let at = due.max(cursor);
		let index = AgendaLen::<T>::get(at);
		index.checked_add(1).ok_or(TimerError::DateOutOfRange)?;
		Ok(AgendaSlot { at, index, new_cursor })
	}

	/// Append `timer` at `slot` and set it scheduled for `due`.
	fn put_scheduled(timer: TimerId, due: Date, slot: AgendaSlot) {
		if let Some(cursor) = slot.new_cursor {
			Cursor::<T>::put((cursor, 0));
		}
		Agenda::<T>::insert(slot.at, slot.index, timer);
		AgendaLen::<T>::insert(slot.at, slot.index.saturating_add(1));
		Timers::<T>::insert(timer, TimerState::Scheduled { due });
	}

	/// Mark `timer` (due on `due`) fired today and emit [`Event::TimerFired`].
	fn mark_fired(timer: TimerId, due: Date, today: Date) {
		Timers::<T>::insert(timer, TimerState::Fired { on: today });
		Self::deposit_event(Event::TimerFired { timer, due, on: today });
	}

	/// Hand a fired timer to the handler; returns the weight it reports.
	fn hand_over(timer: TimerId, due: Date) -> Weight {
		let (ref_time, proof_size) = T::Handler::on_timer(timer, due);
		Weight::from_parts(ref_time, proof_size)
	}

	/// Fire a scheduled timer whose due date is today or earlier (the `fire` call); returns the
	/// handler's weight.
	pub(crate) fn fire_now(timer: TimerId) -> Result<Weight, Error<T>> {
		let today = Self::current_date();
		match Timers::<T>::get(timer) {
			None => Err(Error::<T>::UnknownTimer),
			Some(TimerState::Fired { .. }) => Err(Error::<T>::AlreadyFired),
			Some(TimerState::Paused { .. }) => Err(Error::<T>::TimerPaused),
			Some(TimerState::Scheduled { due }) => {
				if due > today {
					return Err(Error::<T>::NotDue);
				}
				Self::mark_fired(timer, due, today);
				Ok(Self::hand_over(timer, due))
			}
		}
	}

	/// Process agenda entry `(date, index)`: remove it and, if its timer is still scheduled for
	/// `date` or earlier, mark it fired on `today`. Returns the timer to hand over.
	pub(crate) fn service_entry(date: Date, index: u32, today: Date) -> Option<(TimerId, Date)> {
		let timer = Agenda::<T>::take(date, index)?;
		match Timers::<T>::get(timer) {
			Some(TimerState::Scheduled { due }) if due <= date => {
				Self::mark_fired(timer, due, today);
				Some((timer, due))
			}
			_ => None,
		}
	}

	/// Finish agenda date `date` (forget its length), move the cursor to the next date and
	/// return that date and its length.
	///
	/// The cursor is stored at every step so that a timer scheduled by the handler during the
	/// same hook is appended at a date that is still to be processed.
	pub(crate) fn step_date(date: Date) -> Option<(Date, u32)> {
		let next = date.add_days(1).ok()?;
		AgendaLen::<T>::remove(date);
		Cursor::<T>::put((next, 0));
		Some((next, AgendaLen::<T>::get(next)))
	}

	/// Process the agenda from the cursor up to `today`, oldest first, within `budget`; the rest
	/// is carried over. Returns the weight used (without the hook's base weight).
	pub(crate) fn service_agenda(today: Date, budget: Weight) -> Weight {
		let Some((mut date, mut index)) = Cursor::<T>::get() else {
			Cursor::<T>::put((today, 0));
			return Weight::zero();
		};
		let per_entry = T::WeightInfo::on_initialize_per_timer();
		let per_timer = per_entry.saturating_add(Self::handler_max_weight());
		let per_date = T::WeightInfo::on_initialize_per_empty_date();
		let fits = |used: Weight, more: Weight| used.saturating_add(more).all_lte(budget);
		let mut used = Weight::zero();
		let mut moved = false;
		let mut len = AgendaLen::<T>::get(date);
		while date <= today {
			if index < len {
				if !fits(used, per_timer) {
					break;
				}
				used.saturating_accrue(per_entry);
				if let Some((timer, due)) = Self::service_entry(date, index, today) {
					used.saturating_accrue(Self::hand_over(timer, due));
				}
				index = index.saturating_add(1);
				moved = true;
			} else if date < today {
				// The handler may have appended to this date meanwhile.
				len = AgendaLen::<T>::get(date);
				if index < len {
					continue;
				}
				if !fits(used, per_date) {
					break;
				}
				used.saturating_accrue(per_date);
				let Some((next, next_len)) = Self::step_date(date) else { break };
				date = next;
				index = 0;
				len = next_len;
				moved = true;
			} else {
				break;
			}
		}
		if moved {
			Cursor::<T>::put((date, index));
		}
		used
	}
}

/// Timers for other pallets. Costs (reads/writes): `schedule` 3/4, `cancel` 1/1, `pause`
/// 2 + years scanned (≤ 11)/1, `resume` 4 + years scanned/4, `due_date` 1/0.
impl<T: Config> doid_primitives::Timers for Pallet<T> {
	fn schedule(timer: TimerId, due: Date) -> Result<(), TimerError> {
		match Timers::<T>::get(timer) {
			Some(TimerState::Fired { .. }) => return Err(TimerError::AlreadyFired),
			Some(_) => return Err(TimerError::AlreadyScheduled),
			None => {}
		}
		if !Self::in_range(due) {
			return Err(TimerError::DateOutOfRange);
		}
		let slot = Self::agenda_slot(due)?;
		Self::put_scheduled(timer, due, slot);
		Self::deposit_event(Event::TimerScheduled { timer, due });
		Ok(())
	}

	fn cancel(timer: TimerId) -> Result<(), TimerError> {
		match Timers::<T>::get(timer) {
			None => Err(TimerError::UnknownTimer),
			Some(TimerState::Fired { .. }) => Err(TimerError::AlreadyFired),
			Some(_) => {
				Timers::<T>::remove(timer);
				Self::deposit_event(Event::TimerCancelled { timer });
				Ok(())
			}
		}
	}

	fn pause(timer: TimerId) -> Result<u32, TimerError> {
		match Timers::<T>::get(timer) {
			None => Err(TimerError::UnknownTimer),
			Some(TimerState::Fired { .. }) => Err(TimerError::AlreadyFired),
			Some(TimerState::Paused { .. }) => Err(TimerError::NotScheduled),
			Some(TimerState::Scheduled { due }) => {
				let remaining = Self::working_days_between(Self::current_date(), due)
					.ok_or(TimerError::DateOutOfRange)?;
				Timers::<T>::insert(timer, TimerState::Paused { remaining });
				Self::deposit_event(Event::TimerPaused { timer, remaining });
				Ok(remaining)
			}
		}
	}

	fn resume(timer: TimerId) -> Result<Date, TimerError> {
		match Timers::<T>::get(timer) {
			None => Err(TimerError::UnknownTimer),
			Some(TimerState::Fired { .. }) => Err(TimerError::AlreadyFired),
			Some(TimerState::Scheduled { .. }) => Err(TimerError::NotPaused),
			Some(TimerState::Paused { remaining }) => {
				let due = Self::add_working_days(Self::current_date(), remaining)
					.filter(|d| Self::in_range(*d))
					.ok_or(TimerError::DateOutOfRange)?;
				let slot = Self::agenda_slot(due)?;
				Self::put_scheduled(timer, due, slot);
				Self::deposit_event(Event::TimerResumed { timer, due });
				Ok(due)
			}
		}
	}

	fn due_date(timer: TimerId) -> Option<Date> {
		match Timers::<T>::get(timer) {
			Some(TimerState::Scheduled { due }) => Some(due),
			_ => None,
		}
	}
}

#[cfg(any(feature = "try-runtime", feature = "std", test))]
impl<T: Config> Pallet<T> {
	/// Invariants: the clock origin is complete once recorded, no year bitmap is empty or has a
	/// date in both bitmaps, and no agenda entry lies before the cursor.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use crate::{FirstBlockMs, StartDate, YearOverrides};
		if FirstBlockMs::<T>::exists() {
			frame_support::ensure!(StartDate::<T>::exists(), "clock origin without start date");
			frame_support::ensure!(Cursor::<T>::exists(), "clock origin without cursor");
		}
		for (year, days) in YearOverrides::<T>::iter() {
			frame_support::ensure!(!days.is_empty(), "empty year bitmap stored");
			frame_support::ensure!(
				(crate::MIN_CALENDAR_YEAR..=crate::MAX_CALENDAR_YEAR).contains(&year),
				"year bitmap out of range"
			);
			frame_support::ensure!(
				days.holidays.iter().zip(days.workdays.iter()).all(|(h, w)| h & w == 0),
				"date both holiday and working day"
			);
		}
		if let Some(cursor) = Cursor::<T>::get() {
			for (date, index, _) in Agenda::<T>::iter() {
				frame_support::ensure!((date, index) >= cursor, "agenda entry before the cursor");
				frame_support::ensure!(
					index < AgendaLen::<T>::get(date),
					"agenda entry past its length"
				);
			}
		}
		Ok(())
	}
}
