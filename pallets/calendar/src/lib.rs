//! # Calendar
//!
//! The working-day calendar (China time, UTC+8) and the date-keyed timers of the DOID chain
//! (`DOMAIN.md` §4).
//!
//! - **Clock** ([`Pallet::current_date`]): the chain's "today" is
//!   `StartDate + floor((now − FirstBlockMs) / DayLengthMs)` days, `now` being
//!   [`Config::NowMs`] (the start of the current block). With the real day length
//!   (86 400 000 ms) the origin is aligned to midnight UTC+8 of the first block, so "today" is
//!   exactly the UTC+8 date of the block; development chains shorten the day.
//! - **Days** ([`Pallet::set_days`]): governance sets public holidays and adjusted working days
//!   (调休), a whole year's official schedule in one call; stored as one bitmap pair per year
//!   ([`YearOverrides`]) so that a lookup is one read. Other pallets use the
//!   [`doid_primitives::WorkingDays`] trait implemented by [`Pallet`]: "add N working days to D" is
//!   the N-th working day after D, "working days between A and B" counts those after A up to and
//!   including B (Civil Code arts. 201, 203).
//! - **Timers** ([`doid_primitives::Timers`] trait): timers are keyed by date in an append-only
//!   [`Agenda`]. `on_initialize` fires due timers oldest first within
//!   [`Config::MaxTimerWeightPerBlock`] and carries the rest over; anyone may fire a due timer with
//!   [`Pallet::fire`]. A fired timer is remembered ([`TimerState::Fired`]) and never fires again.
//!   Pausing stores the remaining working days; resuming reschedules from the resume date.
//!
//! Due dates are computed when a timer is scheduled or resumed: a later change of the calendar
//! does not move already scheduled timers.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::{TimerState, YearDays};
pub use weights::WeightInfo;

/// UTC offset of China Standard Time in minutes (UTC+8), used to align the clock when the day
/// has its real length and to date the first block when genesis gives no start date.
pub const UTC_OFFSET_MINUTES: i32 = 480;

/// Smallest year that the calendar accepts (dates and due dates).
pub const MIN_CALENDAR_YEAR: u16 = 1970;

/// Largest year that the calendar accepts (dates and due dates).
pub const MAX_CALENDAR_YEAR: u16 = 2999;

/// Most distinct years that one [`Pallet::set_days`] call may touch (the current and the next
/// year), which bounds its storage accesses.
pub const MAX_YEARS_PER_CALL: u32 = 2;

#[frame_support::pallet]
pub mod pallet {
	use super::{TimerState, WeightInfo, YearDays};
	use alloc::vec::Vec;
	use doid_primitives::{Date, DayKind, TimerError, TimerHandler, TimerId};
	use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	#[pallet::storage_version(crate::migrations::STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Who may set holidays and adjusted working days (council, or root).
		type CalendarOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Unix time in milliseconds at the start of the current block, already known in
		/// `on_initialize` (the runtime derives it from Aura's current slot × slot duration, so
		/// Aura must come before this pallet in `construct_runtime!`). 0 means "not known yet".
		type NowMs: Get<u64>;
		/// Receives fired timers (the runtime routes on the timer's owner).
		type Handler: TimerHandler;
		/// Most dates in one [`Pallet::set_days`] call.
		#[pallet::constant]
		type MaxDaysPerCall: Get<u32>;
		/// Weight budget of the timer processing in `on_initialize`; due timers beyond it are
		/// carried over to the next block.
		#[pallet::constant]
		type MaxTimerWeightPerBlock: Get<Weight>;
		/// Weights of this pallet.
		type WeightInfo: WeightInfo;
	}

	/// Length of a chain day in milliseconds: 86 400 000 in production, shorter on development
	/// chains. 0 is read as 86 400 000.
	///
	/// Whitelisted in benchmarks: read by `on_initialize` in every block.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type DayLengthMs<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The chain date of the first block (set at genesis, or from the first block's timestamp in
	/// UTC+8; with the real day length always the UTC+8 date of the first block).
	///
	/// Whitelisted in benchmarks: read by `on_initialize` in every block.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type StartDate<T: Config> = StorageValue<_, Date, OptionQuery>;

	/// Origin of the clock in Unix milliseconds, recorded by the first block whose time is known
	/// (aligned to midnight UTC+8 when the day has its real length).
	///
	/// Whitelisted in benchmarks: read by `on_initialize` in every block.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type FirstBlockMs<T: Config> = StorageValue<_, u64, OptionQuery>;

	/// Holidays and adjusted working days by year; a year without any override has no entry.
	#[pallet::storage]
	pub type YearOverrides<T: Config> = StorageMap<_, Twox64Concat, u16, YearDays, OptionQuery>;

	/// State of every scheduled, paused or fired timer (fired timers are kept as a record).
	#[pallet::storage]
	pub type Timers<T: Config> = StorageMap<_, Blake2_128Concat, TimerId, TimerState, OptionQuery>;

	/// Timers by agenda date and position, append-only per date. Entries are removed when
	/// processed; an entry whose timer was cancelled, paused, rescheduled or fired meanwhile is
	/// skipped.
	#[pallet::storage]
	pub type Agenda<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Date, Twox64Concat, u32, TimerId, OptionQuery>;

	/// Number of entries ever appended to the agenda of a date (removed when the date is done).
	#[pallet::storage]
	pub type AgendaLen<T: Config> = StorageMap<_, Twox64Concat, Date, u32, ValueQuery>;

	/// The earliest agenda date and position not processed yet. Timers scheduled for an earlier
	/// date are appended at this date, so they still fire.
	#[pallet::storage]
	pub type Cursor<T: Config> = StorageValue<_, (Date, u32), OptionQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Length of a chain day in milliseconds (86 400 000 in production).
		pub day_length_ms: u64,
		/// Calendar date of the first block; `None`: the UTC+8 date of the first block.
		pub start_date: Option<Date>,
		/// Initial overrides, e.g. the official 2025–2026 schedule (no duplicate dates), as
		/// `[["2026-02-14", "Working"], …]`.
		pub days: Vec<(Date, DayKind)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			GenesisConfig {
				day_length_ms: doid_primitives::MILLIS_PER_DAY,
				start_date: None,
				days: Vec::new(),
				_config: Default::default(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(self.day_length_ms > 0, "calendar day length must be positive");
			DayLengthMs::<T>::put(self.day_length_ms);
			if let Some(start) = self.start_date {
				assert!(Pallet::<T>::in_range(start), "calendar start date out of range");
				StartDate::<T>::put(start);
				Cursor::<T>::put((start, 0));
			}
			if !self.days.is_empty() {
				Pallet::<T>::check_days(&self.days, u32::MAX)
					.expect("invalid genesis calendar days");
				Pallet::<T>::apply_days(&self.days);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `count` overrides were set, from date `first` to date `last`.
		DaysSet { count: u32, first: Date, last: Date },
		/// A timer was scheduled (or rescheduled after a cancellation) to fire on `due`.
		TimerScheduled { timer: TimerId, due: Date },
		/// A timer was cancelled.
		TimerCancelled { timer: TimerId },
		/// A timer was paused with `remaining` working days left.
		TimerPaused { timer: TimerId, remaining: u32 },
		/// A paused timer was resumed and is now due on `due`.
		TimerResumed { timer: TimerId, due: Date },
		/// A timer due on `due` fired on chain date `on` and was handed to the handler.
		TimerFired { timer: TimerId, due: Date, on: Date },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A date is outside the years 1970..=2999.
		DateOutOfRange,
		/// The same date appears twice in one call.
		DuplicateDate,
		/// The call contains no date.
		NoDays,
		/// The call touches more than two distinct years.
		TooManyYears,
		/// There is no such timer.
		UnknownTimer,
		/// The timer's due date is after today.
		NotDue,
		/// The timer has fired already.
		AlreadyFired,
		/// The timer is paused.
		TimerPaused,
		/// The timer is already scheduled or paused.
		AlreadyScheduled,
		/// The timer is not paused.
		NotPaused,
	}

	impl<T> From<TimerError> for Error<T> {
		fn from(e: TimerError) -> Self {
			match e {
				TimerError::AlreadyScheduled => Error::AlreadyScheduled,
				TimerError::UnknownTimer => Error::UnknownTimer,
				TimerError::NotScheduled => Error::TimerPaused,
				TimerError::NotPaused => Error::NotPaused,
				TimerError::AlreadyFired => Error::AlreadyFired,
				TimerError::DateOutOfRange => Error::DateOutOfRange,
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set holidays and adjusted working days: each date gets the given kind (`Normal`
		/// removes its override). A whole year's official schedule fits in one call.
		///
		/// Origin: [`Config::CalendarOrigin`]. Dates must lie in 1970..=2999, be distinct and
		/// span at most two years. Timers already scheduled keep their due dates.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_days(days.len() as u32))]
		pub fn set_days(
			origin: OriginFor<T>,
			days: BoundedVec<(Date, DayKind), T::MaxDaysPerCall>,
		) -> DispatchResult {
			T::CalendarOrigin::ensure_origin(origin)?;
			let (first, last) = Self::check_days(&days, crate::MAX_YEARS_PER_CALL)?;
			Self::apply_days(&days);
			Self::deposit_event(Event::DaysSet { count: days.len() as u32, first, last });
			Ok(())
		}

		/// Fire a due timer now, without waiting for `on_initialize` (e.g. when many timers fell
		/// due on one day). Permissionless.
		///
		/// Errors: [`Error::UnknownTimer`], [`Error::NotDue`], [`Error::AlreadyFired`],
		/// [`Error::TimerPaused`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::fire().saturating_add(Pallet::<T>::handler_max_weight()))]
		pub fn fire(origin: OriginFor<T>, timer: TimerId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let used = Self::fire_now(timer)?;
			Ok(Some(T::WeightInfo::fire().saturating_add(used)).into())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Record the clock origin on the first block, then fire due timers within the budget.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::note_first_block();
			let base = T::WeightInfo::on_initialize_base();
			let budget = T::MaxTimerWeightPerBlock::get().saturating_sub(base);
			base.saturating_add(Self::service_agenda(Self::current_date(), budget))
		}

		fn integrity_test() {
			let one = T::WeightInfo::on_initialize_base()
				.saturating_add(T::WeightInfo::on_initialize_per_timer())
				.saturating_add(Self::handler_max_weight());
			assert!(
				one.all_lte(T::MaxTimerWeightPerBlock::get()),
				"MaxTimerWeightPerBlock cannot fit a single timer"
			);
			assert!(T::MaxDaysPerCall::get() > 0, "MaxDaysPerCall must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// UTC offset of the calendar in minutes (480, China Standard Time).
		#[pallet::constant_name(UtcOffsetMinutes)]
		fn utc_offset_minutes() -> i32 {
			crate::UTC_OFFSET_MINUTES
		}
	}
}
