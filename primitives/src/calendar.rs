//! Working-day calendar and date-keyed timers: the interfaces that the calendar
//! pallet implements and that the other pallets use.
//!
//! Counting follows the Civil Code (arts. 201, 203, see `DOMAIN.md` §4): the day
//! an event happens is not counted, and a period of N working days ends at the
//! end (24:00, UTC+8) of the N-th working day after it.
//!
//! * "Add N working days to D" ([`WorkingDays::add_working_days`]) is the N-th
//!   working day **after** D; N = 0 gives D itself.
//! * "Working days between A and B" ([`WorkingDays::working_days_between`])
//!   counts the working days after A up to and including B; 0 if B ≤ A.
//!
//! Both are bounded ([`MAX_WORKING_DAYS`], [`MAX_SPAN_DAYS`]) so that their cost
//! is bounded; outside the bounds they return `None`.

use crate::date::Date;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Largest N accepted by [`WorkingDays::add_working_days`].
pub const MAX_WORKING_DAYS: u32 = 1000;

/// Largest number of calendar days that [`WorkingDays::add_working_days`]
/// scans and that [`WorkingDays::working_days_between`] accepts between its
/// two dates (about ten years).
pub const MAX_SPAN_DAYS: u32 = 3660;

/// What an override in the calendar says about a date.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum DayKind {
	/// A working day, also on a weekend (adjusted working day, 调休).
	Working,
	/// A non-working day, also on a weekday (public holiday).
	Holiday,
	/// No override: the default rule applies (Monday–Friday working).
	Normal,
}

/// The pallet that owns a timer; [`TimerHandler`] implementations route on it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Hash,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum TimerOwner {
	/// Data-asset registration (notice periods, 公示期).
	Registration,
	/// Certificates.
	Certificates,
	/// Objections.
	Objections,
	/// Evidence (存证).
	Evidence,
	/// Subjects (registrants).
	Subjects,
}

/// A timer: its owner and an identifier chosen by the owner (unique per owner).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Hash,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct TimerId {
	/// The owning pallet.
	pub owner: TimerOwner,
	/// The owner's identifier, e.g. a registration id.
	pub id: u64,
}

impl TimerId {
	/// A timer of `owner` with identifier `id`.
	pub const fn new(owner: TimerOwner, id: u64) -> Self {
		TimerId { owner, id }
	}
}

/// Error of a [`Timers`] operation. Nothing is changed when an error is returned.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum TimerError {
	/// The timer is already scheduled or paused.
	AlreadyScheduled,
	/// There is no such timer (never scheduled, or cancelled).
	UnknownTimer,
	/// The timer is not scheduled (it is paused).
	NotScheduled,
	/// The timer is not paused.
	NotPaused,
	/// The timer has fired already; a fired timer cannot be changed or reused.
	AlreadyFired,
	/// The date is outside the calendar's range (years 1970..=2999), the
	/// working-day arithmetic is out of its bounds, or the date's agenda is full.
	DateOutOfRange,
}

/// The chain's working-day calendar (China time).
pub trait WorkingDays {
	/// The chain's current date ("today"), UTC+8 (possibly shortened days on
	/// development chains).
	fn today() -> Date;
	/// Whether `d` is a working day: an adjusted working day, or a weekday that
	/// is not a public holiday.
	fn is_working_day(d: Date) -> bool;
	/// The `n`-th working day after `d` (`d` itself for `n = 0`); `None` if
	/// `n > MAX_WORKING_DAYS` or the result lies more than [`MAX_SPAN_DAYS`]
	/// days after `d`.
	fn add_working_days(d: Date, n: u32) -> Option<Date>;
	/// The number of working days after `from` up to and including `to`
	/// (0 if `to <= from`); `None` if `to` is more than [`MAX_SPAN_DAYS`]
	/// days after `from`.
	fn working_days_between(from: Date, to: Date) -> Option<u32>;
}

/// Date-keyed timers. A scheduled timer fires once, in the first block whose
/// date is on or after its due date (or earlier by the permissionless `fire`
/// call once it is due), by a call to the runtime's [`TimerHandler`].
///
/// Implementations check everything before writing: an `Err` changes nothing.
pub trait Timers {
	/// Schedule `timer` to fire on `due`. A due date in the past fires at the
	/// next block. Errors: `AlreadyScheduled` (scheduled or paused),
	/// `AlreadyFired`, `DateOutOfRange`.
	fn schedule(timer: TimerId, due: Date) -> Result<(), TimerError>;
	/// Forget a scheduled or paused timer; its identifier may be scheduled
	/// again. Errors: `UnknownTimer`, `AlreadyFired`.
	fn cancel(timer: TimerId) -> Result<(), TimerError>;
	/// Pause a scheduled timer (e.g. during a dispute), storing and returning
	/// the working days left after today up to its due date.
	/// Errors: `UnknownTimer`, `NotScheduled` (already paused), `AlreadyFired`,
	/// `DateOutOfRange`.
	fn pause(timer: TimerId) -> Result<u32, TimerError>;
	/// Resume a paused timer: it is due the stored number of working days after
	/// today; returns the new due date. Errors: `UnknownTimer`, `NotPaused`,
	/// `AlreadyFired`, `DateOutOfRange`.
	fn resume(timer: TimerId) -> Result<Date, TimerError>;
	/// The due date of a scheduled (not paused, not fired) timer.
	fn due_date(timer: TimerId) -> Option<Date>;
}

/// Receives fired timers. The runtime implements it by routing on
/// [`TimerId::owner`] to the owning pallet.
///
/// Weights are `(ref_time, proof_size)` pairs (this crate does not depend on
/// `frame-support`; the pallet converts them with `Weight::from_parts`).
pub trait TimerHandler {
	/// Handle `timer`, which was due on `due`; returns the weight used
	/// `(ref_time, proof_size)`, which must not exceed [`Self::max_weight`].
	/// Must not panic; a failure must be handled (e.g. logged) by the handler.
	fn on_timer(timer: TimerId, due: Date) -> (u64, u64);
	/// The worst-case weight `(ref_time, proof_size)` of one
	/// [`Self::on_timer`] call, used to budget the calendar's block hook.
	fn max_weight() -> (u64, u64);
}

/// Ignores fired timers.
impl TimerHandler for () {
	fn on_timer(_timer: TimerId, _due: Date) -> (u64, u64) {
		(0, 0)
	}
	fn max_weight() -> (u64, u64) {
		(0, 0)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn codec_sizes() {
		assert_eq!(TimerId::max_encoded_len(), 9);
		let t = TimerId::new(TimerOwner::Objections, 7);
		assert_eq!(TimerId::decode(&mut &t.encode()[..]), Ok(t));
		assert_eq!(DayKind::max_encoded_len(), 1);
		assert_eq!(<() as TimerHandler>::max_weight(), (0, 0));
	}
}
