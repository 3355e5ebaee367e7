//! Test runtime: System and the calendar, with the official 2025–2026 schedule at genesis, a
//! settable clock, a settable timer budget and a handler that records every timer it receives.

use crate as pallet_calendar;
use core::cell::RefCell;
use doid_primitives::{Date, DayKind, TimerHandler, TimerId, TimerOwner};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Calendar: pallet_calendar,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// Unix time of the first block in the mock (2026-02-09T01:00Z, a Monday).
pub const FIRST_MS: u64 = 1_770_598_800_000;
/// Shortened day of the mock: 10 minutes.
pub const DAY_MS: u64 = 600_000;
/// Block time of the mock.
pub const BLOCK_MS: u64 = 6_000;
/// Weight the recording handler reports per timer.
pub const HANDLER_WEIGHT: Weight = Weight::from_parts(1_000_000, 100);

parameter_types! {
	/// The mock clock (`NowMs`).
	pub storage Now: u64 = FIRST_MS;
	/// The mock budget (`MaxTimerWeightPerBlock`): room for the base and 100 timers.
	pub storage Budget: Weight = budget_for(100);
}

/// A budget that fits the hook's base weight and exactly `n` timers.
pub fn budget_for(n: u64) -> Weight {
	use crate::WeightInfo;
	<() as WeightInfo>::on_initialize_base().saturating_add(
		<() as WeightInfo>::on_initialize_per_timer()
			.saturating_add(HANDLER_WEIGHT)
			.saturating_mul(n),
	)
}

thread_local! {
	/// Every timer handed to the handler, in order.
	pub static HANDLED: RefCell<Vec<(TimerId, Date)>> = const { RefCell::new(Vec::new()) };
}

/// Records every timer it receives in [`HANDLED`].
pub struct RecordingHandler;
impl TimerHandler for RecordingHandler {
	fn on_timer(timer: TimerId, due: Date) -> (u64, u64) {
		HANDLED.with(|h| h.borrow_mut().push((timer, due)));
		// Evidence timers 0..3 schedule their successor for the same (past) due date, as a
		// pallet starting its next phase from the handler would.
		if timer.owner == TimerOwner::Evidence && timer.id < 3 {
			let next = TimerId::new(TimerOwner::Evidence, timer.id + 1);
			let _ = <Calendar as doid_primitives::Timers>::schedule(next, due);
		}
		(HANDLER_WEIGHT.ref_time(), HANDLER_WEIGHT.proof_size())
	}
	fn max_weight() -> (u64, u64) {
		(HANDLER_WEIGHT.ref_time(), HANDLER_WEIGHT.proof_size())
	}
}

/// The timers handed over so far (and forget them).
pub fn take_handled() -> Vec<(TimerId, Date)> {
	HANDLED.with(|h| core::mem::take(&mut *h.borrow_mut()))
}

impl pallet_calendar::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CalendarOrigin = EnsureRoot<u64>;
	type NowMs = Now;
	type Handler = RecordingHandler;
	type MaxDaysPerCall = ConstU32<400>;
	type MaxTimerWeightPerBlock = Budget;
	type WeightInfo = ();
}

/// `YYYY-MM-DD`-style constructor for tests.
pub fn d(y: u16, m: u8, day: u8) -> Date {
	Date::new(y, m, day).unwrap()
}

/// A date as `(year, month, day)`.
pub type Ymd = (u16, u8, u8);

/// The official schedule of `cn-2025-2026.json` (State Council notices for 2025 and 2026):
/// holiday ranges (inclusive) and adjusted working days, written out by hand.
pub const HOLIDAY_RANGES: &[(Ymd, Ymd)] = &[
	((2025, 1, 1), (2025, 1, 1)),   // 元旦
	((2025, 1, 28), (2025, 2, 4)),  // 春节
	((2025, 4, 4), (2025, 4, 6)),   // 清明节
	((2025, 5, 1), (2025, 5, 5)),   // 劳动节
	((2025, 5, 31), (2025, 6, 2)),  // 端午节
	((2025, 10, 1), (2025, 10, 8)), // 国庆节、中秋节
	((2026, 1, 1), (2026, 1, 3)),   // 元旦
	((2026, 2, 15), (2026, 2, 23)), // 春节
	((2026, 4, 4), (2026, 4, 6)),   // 清明节
	((2026, 5, 1), (2026, 5, 5)),   // 劳动节
	((2026, 6, 19), (2026, 6, 21)), // 端午节
	((2026, 9, 25), (2026, 9, 27)), // 中秋节
	((2026, 10, 1), (2026, 10, 7)), // 国庆节
];

/// Adjusted working days (调休) of 2025 and 2026.
pub const ADJUSTED_WORKING_DAYS: &[Ymd] = &[
	(2025, 1, 26),
	(2025, 2, 8),
	(2025, 4, 27),
	(2025, 9, 28),
	(2025, 10, 11),
	(2026, 1, 4),
	(2026, 2, 14),
	(2026, 2, 28),
	(2026, 5, 9),
	(2026, 9, 20),
	(2026, 10, 10),
];

/// The official 2025–2026 schedule as calendar overrides.
pub fn official_days() -> Vec<(Date, DayKind)> {
	let mut days = Vec::new();
	for ((y1, m1, d1), (y2, m2, d2)) in HOLIDAY_RANGES {
		let (mut day, last) = (d(*y1, *m1, *d1), d(*y2, *m2, *d2));
		while day <= last {
			days.push((day, DayKind::Holiday));
			day = day.add_days(1).unwrap();
		}
	}
	days.extend(ADJUSTED_WORKING_DAYS.iter().map(|(y, m, dd)| (d(*y, *m, *dd), DayKind::Working)));
	days
}

/// Genesis with the official schedule, a 10-minute day starting on `start`; block 1 runs.
pub fn new_test_ext_at(start: Date) -> sp_io::TestExternalities {
	build_ext(Some(start), DAY_MS)
}

/// [`new_test_ext_at`] Monday 2026-02-09.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_at(d(2026, 2, 9))
}

/// Genesis with the official schedule, the given start date and day length; block 1 runs at
/// [`FIRST_MS`].
pub fn build_ext(start_date: Option<Date>, day_length_ms: u64) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_calendar::GenesisConfig::<Test> {
		day_length_ms,
		start_date,
		days: official_days(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		take_handled();
		Now::set(&FIRST_MS);
		run_block();
	});
	ext
}

/// Run the next block at the current clock plus one block time (the first block at the
/// current clock); returns the weight of the calendar's `on_initialize`.
pub fn run_block() -> Weight {
	let next = System::block_number() + 1;
	if next > 1 {
		Now::set(&(Now::get() + BLOCK_MS));
	}
	System::reset_events();
	System::set_block_number(next);
	Calendar::on_initialize(next)
}

/// Run one block at the first moment of chain date `date` (mock day length), i.e. with the
/// clock at the start of that day. Returns the hook's weight.
pub fn run_block_on(date: Date) -> Weight {
	let start = crate::StartDate::<Test>::get().unwrap();
	let first = crate::FirstBlockMs::<Test>::get().unwrap();
	let days = (date.to_day_number() - start.to_day_number()) as u64;
	let next = System::block_number() + 1;
	Now::set(&(first + days * DAY_MS));
	System::reset_events();
	System::set_block_number(next);
	Calendar::on_initialize(next)
}
