//! Unit tests of the calendar. Expected dates are written by hand from the published schedule
//! (`shared/calendar/cn-2025-2026.json`), not computed by the code under test.

use crate::{
	mock::*, Agenda, AgendaLen, Cursor, Error, Event, FirstBlockMs, StartDate, TimerState,
	Timers as TimerStates, YearOverrides,
};
use doid_primitives::{
	Date, DayKind, TimerError, TimerId, TimerOwner, Timers as _, WorkingDays, MILLIS_PER_DAY,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
use sp_runtime::{BuildStorage, DispatchError};
use std::collections::BTreeSet;

fn t(id: u64) -> TimerId {
	TimerId::new(TimerOwner::Registration, id)
}

fn days(
	list: Vec<(Date, DayKind)>,
) -> BoundedVec<(Date, DayKind), frame_support::traits::ConstU32<400>> {
	list.try_into().unwrap()
}

fn working(date: Date) -> bool {
	Calendar::is_working_day(date)
}

fn all_in(from: Date, to: Date) -> Vec<Date> {
	let mut out = vec![];
	let mut x = from;
	while x <= to {
		out.push(x);
		x = x.add_days(1).unwrap();
	}
	out
}

// ---------------------------------------------------------------------------------------------
// The official schedule
// ---------------------------------------------------------------------------------------------

#[test]
fn official_2025_schedule() {
	new_test_ext().execute_with(|| {
		// Adjusted working days on weekends.
		assert_eq!(d(2025, 1, 26).weekday(), 6); // Sunday
		assert!(working(d(2025, 1, 26)));
		assert_eq!(d(2025, 2, 8).weekday(), 5); // Saturday
		assert!(working(d(2025, 2, 8)));
		assert!(working(d(2025, 4, 27)));
		assert!(working(d(2025, 9, 28)));
		assert!(working(d(2025, 10, 11)));
		// Spring Festival and National Day.
		for x in all_in(d(2025, 1, 28), d(2025, 2, 4)) {
			assert!(!working(x), "{x} is a holiday");
		}
		for x in all_in(d(2025, 10, 1), d(2025, 10, 8)) {
			assert!(!working(x), "{x} is a holiday");
		}
		assert!(!working(d(2025, 1, 1)));
		assert!(!working(d(2025, 6, 2))); // Monday, Dragon Boat
									// Default rule around them.
		assert!(working(d(2025, 1, 27))); // Monday
		assert!(!working(d(2025, 1, 25))); // Saturday
		assert!(working(d(2025, 2, 5))); // Wednesday after the festival
		assert!(working(d(2025, 10, 9))); // Thursday
		assert!(!working(d(2025, 10, 12))); // Sunday
	});
}

#[test]
fn official_2026_schedule() {
	new_test_ext().execute_with(|| {
		assert_eq!(d(2026, 2, 14).weekday(), 5);
		assert!(working(d(2026, 2, 14)));
		assert_eq!(d(2026, 2, 28).weekday(), 5);
		assert!(working(d(2026, 2, 28)));
		assert!(working(d(2026, 1, 4))); // Sunday
		for x in all_in(d(2026, 2, 15), d(2026, 2, 23)) {
			assert!(!working(x), "{x} is a holiday");
		}
		for x in all_in(d(2026, 10, 1), d(2026, 10, 7)) {
			assert!(!working(x), "{x} is a holiday");
		}
		assert!(!working(d(2026, 1, 2))); // Friday
		assert!(working(d(2026, 2, 13))); // Friday
		assert!(working(d(2026, 2, 24))); // Tuesday
		assert!(!working(d(2026, 3, 1))); // Sunday
		assert!(working(d(2026, 10, 10))); // Saturday
		assert!(!working(d(2027, 1, 2))); // no overrides for 2027: Saturday
		assert!(working(d(2027, 1, 1))); // Friday (2027 schedule not loaded)
		assert_eq!(Calendar::day_kind(d(2026, 2, 14)), DayKind::Working);
		assert_eq!(Calendar::day_kind(d(2026, 2, 15)), DayKind::Holiday);
		assert_eq!(Calendar::day_kind(d(2026, 2, 25)), DayKind::Normal);
	});
}

// ---------------------------------------------------------------------------------------------
// Working-day arithmetic
// ---------------------------------------------------------------------------------------------

#[test]
fn domain_example_notice_ends_on_adjusted_saturday() {
	new_test_ext().execute_with(|| {
		// Published Friday 2026-02-13, N = 1: ends Saturday 2026-02-14 (adjusted working day).
		assert_eq!(Calendar::add_working_days(d(2026, 2, 13), 1), Some(d(2026, 2, 14)));
		assert_eq!(Calendar::working_days_between(d(2026, 2, 13), d(2026, 2, 14)), Some(1));
	});
}

#[test]
fn spring_festival_2026() {
	new_test_ext().execute_with(|| {
		assert_eq!(Calendar::add_working_days(d(2026, 2, 13), 2), Some(d(2026, 2, 24)));
		assert_eq!(Calendar::working_days_between(d(2026, 2, 13), d(2026, 2, 24)), Some(2));
		// Every day of the festival still counts only the Saturday.
		assert_eq!(Calendar::working_days_between(d(2026, 2, 13), d(2026, 2, 23)), Some(1));
	});
}

#[test]
fn thirty_working_days_across_spring_festival() {
	new_test_ext().execute_with(|| {
		// After Tue 2026-02-10: 2/11, 2/12, 2/13, 2/14 (adjusted Saturday) = 4; holidays
		// 2/15–2/23; 2/24, 2/25, 2/26, 2/27, 2/28 (adjusted Saturday) = 9; 3/2–3/6 = 14;
		// 3/9–3/13 = 19; 3/16–3/20 = 24; 3/23–3/27 = 29; Monday 3/30 = 30.
		assert_eq!(Calendar::add_working_days(d(2026, 2, 10), 30), Some(d(2026, 3, 30)));
		assert_eq!(Calendar::add_working_days(d(2026, 2, 10), 29), Some(d(2026, 3, 27)));
		assert_eq!(Calendar::add_working_days(d(2026, 2, 10), 4), Some(d(2026, 2, 14)));
		assert_eq!(Calendar::add_working_days(d(2026, 2, 10), 5), Some(d(2026, 2, 24)));
		assert_eq!(Calendar::add_working_days(d(2026, 2, 10), 9), Some(d(2026, 2, 28)));
		assert_eq!(Calendar::add_working_days(d(2026, 2, 10), 10), Some(d(2026, 3, 2)));
		assert_eq!(Calendar::working_days_between(d(2026, 2, 10), d(2026, 3, 30)), Some(30));
		assert_eq!(Calendar::working_days_between(d(2026, 2, 10), d(2026, 3, 29)), Some(29));
	});
}

#[test]
fn national_day_2025() {
	new_test_ext().execute_with(|| {
		// 10-01..10-08 holidays; Thursday 10-09 is the first working day.
		assert_eq!(Calendar::add_working_days(d(2025, 9, 30), 1), Some(d(2025, 10, 9)));
		// Fri 9-26: Sat 9-27 off, Sun 9-28 adjusted working (1), Mon 9-29 (2).
		assert_eq!(Calendar::add_working_days(d(2025, 9, 26), 1), Some(d(2025, 9, 28)));
		assert_eq!(Calendar::add_working_days(d(2025, 9, 26), 2), Some(d(2025, 9, 29)));
		// 9-29, 9-30 (2), 10-09, 10-10 (4), Sat 10-11 adjusted (5).
		assert_eq!(Calendar::add_working_days(d(2025, 9, 26), 5), Some(d(2025, 10, 10)));
		assert_eq!(Calendar::add_working_days(d(2025, 9, 26), 6), Some(d(2025, 10, 11)));
		assert_eq!(Calendar::add_working_days(d(2025, 9, 26), 7), Some(d(2025, 10, 13)));
		assert_eq!(Calendar::working_days_between(d(2025, 9, 30), d(2025, 10, 8)), Some(0));
	});
}

#[test]
fn new_year_2026() {
	new_test_ext().execute_with(|| {
		// Wed 2025-12-31 + 1: 1/1–1/3 holidays, Sunday 1/4 adjusted working day.
		assert_eq!(Calendar::add_working_days(d(2025, 12, 31), 1), Some(d(2026, 1, 4)));
		assert_eq!(Calendar::add_working_days(d(2025, 12, 31), 2), Some(d(2026, 1, 5)));
	});
}

#[test]
fn arithmetic_bounds() {
	new_test_ext().execute_with(|| {
		let x = d(2026, 2, 15); // a holiday
		assert_eq!(Calendar::add_working_days(x, 0), Some(x));
		assert!(Calendar::add_working_days(x, 1000).is_some());
		assert_eq!(Calendar::add_working_days(x, 1001), None);
		assert_eq!(Calendar::add_working_days(x, u32::MAX), None);
		assert_eq!(Calendar::add_working_days(Date::MAX, 1), None);
		assert_eq!(Calendar::working_days_between(x, x), Some(0));
		assert_eq!(Calendar::working_days_between(d(2026, 3, 30), d(2026, 2, 10)), Some(0));
		assert!(Calendar::working_days_between(x, x.add_days(3660).unwrap()).is_some());
		assert_eq!(Calendar::working_days_between(x, x.add_days(3661).unwrap()), None);
		assert_eq!(Calendar::working_days_between(Date::MIN, Date::MAX), None);
		// The two agree: N working days after D are N working days between D and the result.
		for n in [1u32, 7, 30, 250, 1000] {
			let end = Calendar::add_working_days(d(2025, 1, 20), n).unwrap();
			assert_eq!(Calendar::working_days_between(d(2025, 1, 20), end), Some(n));
		}
	});
}

// ---------------------------------------------------------------------------------------------
// set_days
// ---------------------------------------------------------------------------------------------

#[test]
fn set_days_requires_calendar_origin() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Calendar::set_days(
				RuntimeOrigin::signed(1),
				days(vec![(d(2027, 1, 1), DayKind::Holiday)])
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Calendar::set_days(
				RuntimeOrigin::none(),
				days(vec![(d(2027, 1, 1), DayKind::Holiday)])
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn set_days_sets_and_removes_overrides() {
	new_test_ext().execute_with(|| {
		assert_ok!(Calendar::set_days(
			RuntimeOrigin::root(),
			days(vec![
				(d(2027, 1, 1), DayKind::Holiday),
				(d(2027, 2, 6), DayKind::Working), // Saturday
				(d(2026, 2, 14), DayKind::Normal), // remove the adjusted Saturday
			])
		));
		System::assert_last_event(
			Event::DaysSet { count: 3, first: d(2026, 2, 14), last: d(2027, 2, 6) }.into(),
		);
		assert!(!working(d(2027, 1, 1)));
		assert!(working(d(2027, 2, 6)));
		assert!(!working(d(2026, 2, 14)));
		assert_eq!(Calendar::day_kind(d(2026, 2, 14)), DayKind::Normal);
		// Normal on every override of a year removes the year's entry.
		assert_ok!(Calendar::set_days(
			RuntimeOrigin::root(),
			days(vec![(d(2027, 1, 1), DayKind::Normal), (d(2027, 2, 6), DayKind::Normal)])
		));
		assert!(!YearOverrides::<Test>::contains_key(2027));
		assert!(working(d(2027, 1, 1)));
		// A holiday becomes a working day and back.
		assert_ok!(Calendar::set_days(
			RuntimeOrigin::root(),
			days(vec![(d(2026, 2, 16), DayKind::Working)])
		));
		assert!(working(d(2026, 2, 16)));
		assert_ok!(Calendar::set_days(
			RuntimeOrigin::root(),
			days(vec![(d(2026, 2, 16), DayKind::Holiday)])
		));
		assert!(!working(d(2026, 2, 16)));
		Calendar::do_try_state().unwrap();
	});
}

#[test]
fn set_days_whole_year_in_one_call() {
	new_test_ext().execute_with(|| {
		// Every day of 2027: weekends as holidays plus one adjusted Saturday, 365 entries.
		let mut list: Vec<(Date, DayKind)> = all_in(d(2027, 1, 1), d(2027, 12, 31))
			.into_iter()
			.map(|x| (x, if x.weekday() >= 5 { DayKind::Holiday } else { DayKind::Normal }))
			.collect();
		list.push((d(2026, 12, 31), DayKind::Holiday));
		assert_eq!(list.len(), 366);
		assert_ok!(Calendar::set_days(RuntimeOrigin::root(), days(list)));
		assert!(!working(d(2026, 12, 31)));
		assert!(!working(d(2027, 1, 2)));
		assert!(working(d(2027, 1, 4)));
	});
}

#[test]
fn set_days_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		let before: Vec<_> = YearOverrides::<Test>::iter().collect();
		assert_noop!(
			Calendar::set_days(
				RuntimeOrigin::root(),
				days(vec![
					(d(2026, 3, 2), DayKind::Holiday),
					(d(2026, 3, 3), DayKind::Holiday),
					(d(2026, 3, 2), DayKind::Working),
				])
			),
			Error::<Test>::DuplicateDate
		);
		assert_noop!(
			Calendar::set_days(
				RuntimeOrigin::root(),
				days(vec![(d(2026, 3, 2), DayKind::Holiday), (d(3000, 1, 1), DayKind::Holiday)])
			),
			Error::<Test>::DateOutOfRange
		);
		assert_noop!(
			Calendar::set_days(
				RuntimeOrigin::root(),
				days(vec![(d(1969, 12, 31), DayKind::Holiday)])
			),
			Error::<Test>::DateOutOfRange
		);
		assert_noop!(
			Calendar::set_days(RuntimeOrigin::root(), days(vec![])),
			Error::<Test>::NoDays
		);
		assert_noop!(
			Calendar::set_days(
				RuntimeOrigin::root(),
				days(vec![
					(d(2026, 3, 2), DayKind::Holiday),
					(d(2027, 3, 2), DayKind::Holiday),
					(d(2028, 3, 2), DayKind::Holiday),
				])
			),
			Error::<Test>::TooManyYears
		);
		assert_eq!(YearOverrides::<Test>::iter().collect::<Vec<_>>(), before);
		assert!(working(d(2026, 3, 2)));
	});
}

// ---------------------------------------------------------------------------------------------
// Clock
// ---------------------------------------------------------------------------------------------

#[test]
fn shortened_day_clock() {
	new_test_ext().execute_with(|| {
		assert_eq!(StartDate::<Test>::get(), Some(d(2026, 2, 9)));
		assert_eq!(FirstBlockMs::<Test>::get(), Some(FIRST_MS));
		assert_eq!(Calendar::today(), d(2026, 2, 9));
		Now::set(&(FIRST_MS + DAY_MS - 1));
		assert_eq!(Calendar::today(), d(2026, 2, 9));
		Now::set(&(FIRST_MS + DAY_MS));
		assert_eq!(Calendar::today(), d(2026, 2, 10));
		Now::set(&(FIRST_MS + 10 * DAY_MS));
		assert_eq!(Calendar::today(), d(2026, 2, 19));
		// The origin is recorded once.
		run_block();
		assert_eq!(FirstBlockMs::<Test>::get(), Some(FIRST_MS));
	});
}

#[test]
fn real_day_clock_follows_china_time() {
	// FIRST_MS is 2026-02-09T01:00Z = 09:00 in China; the genesis start date is wrong on purpose.
	build_ext(Some(d(2026, 2, 1)), MILLIS_PER_DAY).execute_with(|| {
		assert_eq!(StartDate::<Test>::get(), Some(d(2026, 2, 9)));
		// Midnight in China: 2026-02-08T16:00Z.
		assert_eq!(FirstBlockMs::<Test>::get(), Some(FIRST_MS - 9 * 3_600_000));
		assert_eq!(Calendar::today(), d(2026, 2, 9));
		Now::set(&(FIRST_MS + 15 * 3_600_000 - 1)); // 23:59:59.999 in China
		assert_eq!(Calendar::today(), d(2026, 2, 9));
		Now::set(&(FIRST_MS + 15 * 3_600_000)); // midnight in China, 16:00Z
		assert_eq!(Calendar::today(), d(2026, 2, 10));
		Now::set(&(FIRST_MS + 15 * 3_600_000 + 4 * MILLIS_PER_DAY));
		assert_eq!(Calendar::today(), d(2026, 2, 14));
	});
}

#[test]
fn no_start_date_uses_first_block_date_in_china() {
	// 2026-02-09T17:00Z is already 2026-02-10 in China.
	let mut ext = build_ext(None, DAY_MS);
	ext.execute_with(|| {
		assert_eq!(StartDate::<Test>::get(), Some(d(2026, 2, 9)));
	});
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { day_length_ms: DAY_MS, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		Now::set(&(FIRST_MS + 16 * 3_600_000));
		// Before the first block: the date the first block would record.
		assert_eq!(Calendar::today(), d(2026, 2, 10));
		System::set_block_number(1);
		Calendar::on_initialize(1);
		assert_eq!(StartDate::<Test>::get(), Some(d(2026, 2, 10)));
		assert_eq!(FirstBlockMs::<Test>::get(), Some(FIRST_MS + 16 * 3_600_000));
		assert_eq!(Cursor::<Test>::get(), Some((d(2026, 2, 10), 0)));
		Now::set(&(FIRST_MS + 16 * 3_600_000 + DAY_MS));
		assert_eq!(Calendar::today(), d(2026, 2, 11));
	});
}

#[test]
fn unknown_time_records_nothing() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { start_date: Some(d(2026, 2, 9)), ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		Now::set(&0);
		System::set_block_number(1);
		Calendar::on_initialize(1);
		assert_eq!(FirstBlockMs::<Test>::get(), None);
		assert_eq!(Calendar::today(), d(2026, 2, 9));
	});
}

// ---------------------------------------------------------------------------------------------
// Timers
// ---------------------------------------------------------------------------------------------

#[test]
fn timer_fires_in_first_block_of_its_due_date() {
	new_test_ext().execute_with(|| {
		assert_ok!(Calendar::schedule(t(1), d(2026, 2, 10)));
		System::assert_last_event(
			Event::TimerScheduled { timer: t(1), due: d(2026, 2, 10) }.into(),
		);
		assert_eq!(Calendar::due_date(t(1)), Some(d(2026, 2, 10)));
		run_block();
		assert!(take_handled().is_empty());
		run_block_on(d(2026, 2, 10));
		assert_eq!(take_handled(), vec![(t(1), d(2026, 2, 10))]);
		System::assert_has_event(
			Event::TimerFired { timer: t(1), due: d(2026, 2, 10), on: d(2026, 2, 10) }.into(),
		);
		assert_eq!(TimerStates::<Test>::get(t(1)), Some(TimerState::Fired { on: d(2026, 2, 10) }));
		assert_eq!(Calendar::due_date(t(1)), None);
		assert!(Agenda::<Test>::get(d(2026, 2, 10), 0).is_none());
		run_block();
		run_block_on(d(2026, 2, 12));
		assert!(take_handled().is_empty());
		// Finished dates are forgotten.
		assert_eq!(AgendaLen::<Test>::get(d(2026, 2, 10)), 0);
		assert_eq!(Cursor::<Test>::get(), Some((d(2026, 2, 12), 0)));
	});
}

#[test]
fn timer_scheduled_for_today_fires_in_next_block() {
	new_test_ext().execute_with(|| {
		assert_ok!(Calendar::schedule(t(1), d(2026, 2, 9)));
		run_block();
		assert_eq!(take_handled(), vec![(t(1), d(2026, 2, 9))]);
		assert_eq!(TimerStates::<Test>::get(t(1)), Some(TimerState::Fired { on: d(2026, 2, 9) }));
		// Later the same day, another one at the next index of the same date.
		assert_ok!(Calendar::schedule(t(2), d(2026, 2, 9)));
		run_block();
		assert_eq!(take_handled(), vec![(t(2), d(2026, 2, 9))]);
		assert_eq!(Cursor::<Test>::get(), Some((d(2026, 2, 9), 2)));
	});
}

#[test]
fn past_due_date_fires_at_next_block() {
	new_test_ext().execute_with(|| {
		run_block_on(d(2026, 2, 13));
		assert_ok!(Calendar::schedule(t(7), d(2026, 2, 10)));
		// Appended at the cursor date, not at the past date.
		assert_eq!(AgendaLen::<Test>::get(d(2026, 2, 10)), 0);
		assert_eq!(AgendaLen::<Test>::get(d(2026, 2, 13)), 1);
		run_block();
		assert_eq!(take_handled(), vec![(t(7), d(2026, 2, 10))]);
		System::assert_has_event(
			Event::TimerFired { timer: t(7), due: d(2026, 2, 10), on: d(2026, 2, 13) }.into(),
		);
		Calendar::do_try_state().unwrap();
	});
}

#[test]
fn cancelled_timer_never_fires() {
	new_test_ext().execute_with(|| {
		assert_ok!(Calendar::schedule(t(1), d(2026, 2, 10)));
		assert_ok!(Calendar::schedule(t(2), d(2026, 2, 10)));
		assert_ok!(Calendar::cancel(t(1)));
		System::assert_last_event(Event::TimerCancelled { timer: t(1) }.into());
		assert_eq!(Calendar::cancel(t(1)), Err(TimerError::UnknownTimer));
		run_block_on(d(2026, 2, 10));
		run_block_on(d(2026, 2, 11));
		assert_eq!(take_handled(), vec![(t(2), d(2026, 2, 10))]);
		assert_eq!(TimerStates::<Test>::get(t(1)), None);
		assert_eq!(Calendar::cancel(t(2)), Err(TimerError::AlreadyFired));
	});
}

#[test]
fn rescheduled_timer_fires_once() {
	new_test_ext().execute_with(|| {
		// Earlier after cancellation: fires on the new date, the stale entry is skipped.
		assert_ok!(Calendar::schedule(t(1), d(2026, 2, 12)));
		assert_ok!(Calendar::cancel(t(1)));
		assert_ok!(Calendar::schedule(t(1), d(2026, 2, 11)));
		// Later after cancellation: the stale earlier entry is skipped.
		assert_ok!(Calendar::schedule(t(2), d(2026, 2, 10)));
		assert_ok!(Calendar::cancel(t(2)));
		assert_ok!(Calendar::schedule(t(2), d(2026, 2, 12)));
		run_block_on(d(2026, 2, 10));
		assert!(take_handled().is_empty());
		run_block_on(d(2026, 2, 11));
		assert_eq!(take_handled(), vec![(t(1), d(2026, 2, 11))]);
		run_block_on(d(2026, 2, 12));
		assert_eq!(take_handled(), vec![(t(2), d(2026, 2, 12))]);
		run_block_on(d(2026, 2, 20));
		assert!(take_handled().is_empty());
		Calendar::do_try_state().unwrap();
	});
}

#[test]
fn schedule_errors() {
	new_test_ext().execute_with(|| {
		assert_ok!(Calendar::schedule(t(1), d(2026, 2, 10)));
		assert_eq!(Calendar::schedule(t(1), d(2026, 2, 11)), Err(TimerError::AlreadyScheduled));
		assert_eq!(Calendar::schedule(t(2), d(3000, 1, 1)), Err(TimerError::DateOutOfRange));
		assert_eq!(Calendar::schedule(t(2), d(1969, 1, 1)), Err(TimerError::DateOutOfRange));
		assert_eq!(TimerStates::<Test>::get(t(2)), None);
		// Same id, other owner: a different timer.
		assert_ok!(Calendar::schedule(TimerId::new(TimerOwner::Objections, 1), d(2026, 2, 10)));
		run_block_on(d(2026, 2, 10));
		assert_eq!(take_handled().len(), 2);
		assert_eq!(Calendar::schedule(t(1), d(2026, 3, 1)), Err(TimerError::AlreadyFired));
		assert_eq!(Calendar::pause(t(1)), Err(TimerError::AlreadyFired));
		assert_eq!(Calendar::resume(t(1)), Err(TimerError::AlreadyFired));
		assert_eq!(Calendar::pause(t(9)), Err(TimerError::UnknownTimer));
		assert_eq!(Calendar::resume(t(9)), Err(TimerError::UnknownTimer));
	});
}

#[test]
fn fire_call() {
	new_test_ext().execute_with(|| {
		assert_ok!(Calendar::schedule(t(1), d(2026, 2, 10)));
		assert_noop!(Calendar::fire(RuntimeOrigin::signed(5), t(1)), Error::<Test>::NotDue);
		assert_noop!(Calendar::fire(RuntimeOrigin::signed(5), t(2)), Error::<Test>::UnknownTimer);
		assert_noop!(Calendar::fire(RuntimeOrigin::none(), t(1)), DispatchError::BadOrigin);
		// Due, but the block hook has no budget left this block: anyone can fire it.
		Budget::set(&budget_for(0));
		run_block_on(d(2026, 2, 10));
		assert!(take_handled().is_empty());
		assert_ok!(Calendar::fire(RuntimeOrigin::signed(5), t(1)));
		assert_eq!(take_handled(), vec![(t(1), d(2026, 2, 10))]);
		System::assert_last_event(
			Event::TimerFired { timer: t(1), due: d(2026, 2, 10), on: d(2026, 2, 10) }.into(),
		);
		assert_noop!(Calendar::fire(RuntimeOrigin::signed(5), t(1)), Error::<Test>::AlreadyFired);
		// The hook later skips it.
		Budget::set(&budget_for(100));
		run_block();
		run_block_on(d(2026, 2, 11));
		assert!(take_handled().is_empty());
		assert_eq!(TimerStates::<Test>::get(t(1)), Some(TimerState::Fired { on: d(2026, 2, 10) }));
		// A paused timer cannot be fired.
		assert_ok!(Calendar::schedule(t(3), d(2026, 2, 11)));
		assert_ok!(Calendar::pause(t(3)));
		assert_noop!(Calendar::fire(RuntimeOrigin::signed(5), t(3)), Error::<Test>::TimerPaused);
		Calendar::do_try_state().unwrap();
	});
}

#[test]
fn pause_and_resume_across_a_weekend() {
	new_test_ext_at(d(2026, 3, 2)).execute_with(|| {
		// Monday 2026-03-02: due Friday 3-06.
		assert_ok!(Calendar::schedule(t(1), d(2026, 3, 6)));
		// Paused on Wednesday 3-04: 3-05 and 3-06 are left.
		run_block_on(d(2026, 3, 4));
		assert_eq!(Calendar::pause(t(1)), Ok(2));
		System::assert_last_event(Event::TimerPaused { timer: t(1), remaining: 2 }.into());
		assert_eq!(TimerStates::<Test>::get(t(1)), Some(TimerState::Paused { remaining: 2 }));
		assert_eq!(Calendar::due_date(t(1)), None);
		assert_eq!(Calendar::pause(t(1)), Err(TimerError::NotScheduled));
		// The original due date passes while paused.
		run_block_on(d(2026, 3, 6));
		run_block_on(d(2026, 3, 9));
		assert!(take_handled().is_empty());
		// Resumed on Friday 3-13: Monday 3-16 (1), Tuesday 3-17 (2).
		run_block_on(d(2026, 3, 13));
		assert_eq!(Calendar::resume(t(1)), Ok(d(2026, 3, 17)));
		System::assert_last_event(Event::TimerResumed { timer: t(1), due: d(2026, 3, 17) }.into());
		assert_eq!(Calendar::due_date(t(1)), Some(d(2026, 3, 17)));
		assert_eq!(Calendar::resume(t(1)), Err(TimerError::NotPaused));
		run_block_on(d(2026, 3, 16));
		assert!(take_handled().is_empty());
		run_block_on(d(2026, 3, 17));
		assert_eq!(take_handled(), vec![(t(1), d(2026, 3, 17))]);
		Calendar::do_try_state().unwrap();
	});
}

#[test]
fn pause_and_resume_across_spring_festival() {
	new_test_ext_at(d(2026, 2, 9)).execute_with(|| {
		// Due Monday 3-02 (10 working days after 2-10, see the 30-day count).
		assert_ok!(Calendar::schedule(t(1), d(2026, 3, 2)));
		// Paused on Thursday 2-12: 2-13, 2-14, 2-24..2-28, 3-02 = 8 left.
		run_block_on(d(2026, 2, 12));
		assert_eq!(Calendar::pause(t(1)), Ok(8));
		// Resumed on Friday 2-27: 2-28 (1), 3-02..3-06 (6), 3-09, 3-10 (8).
		run_block_on(d(2026, 2, 27));
		assert_eq!(Calendar::resume(t(1)), Ok(d(2026, 3, 10)));
		run_block_on(d(2026, 3, 9));
		assert!(take_handled().is_empty());
		// Paused on its due date (before the hook fired it): 0 left; resumed Saturday 3-14,
		// it is due that day and fires in the next block.
		Budget::set(&budget_for(0));
		run_block_on(d(2026, 3, 10));
		assert_eq!(Calendar::pause(t(1)), Ok(0));
		Budget::set(&budget_for(100));
		run_block_on(d(2026, 3, 14));
		assert!(take_handled().is_empty());
		assert_eq!(Calendar::resume(t(1)), Ok(d(2026, 3, 14)));
		run_block();
		assert_eq!(take_handled(), vec![(t(1), d(2026, 3, 14))]);
	});
}

#[test]
fn cancel_paused_timer() {
	new_test_ext().execute_with(|| {
		assert_ok!(Calendar::schedule(t(1), d(2026, 2, 12)));
		assert_ok!(Calendar::pause(t(1)));
		assert_ok!(Calendar::cancel(t(1)));
		run_block_on(d(2026, 2, 20));
		assert!(take_handled().is_empty());
	});
}

#[test]
fn carry_over_respects_budget_and_order() {
	new_test_ext().execute_with(|| {
		Budget::set(&budget_for(3));
		for i in 0..5 {
			assert_ok!(Calendar::schedule(t(i), d(2026, 2, 11)));
		}
		for i in 5..10 {
			assert_ok!(Calendar::schedule(t(i), d(2026, 2, 10)));
		}
		// Two days later: 2-10 first, then 2-11. Stepping from 2-09 to 2-10 takes part of the
		// budget, so the first block hands over two timers only.
		let w = run_block_on(d(2026, 2, 12));
		assert!(w.all_lte(budget_for(3)));
		let first: Vec<_> = take_handled().into_iter().map(|x| x.0).collect();
		assert_eq!(first, vec![t(5), t(6)]);
		assert_eq!(Cursor::<Test>::get(), Some((d(2026, 2, 10), 2)));
		let mut rest = vec![];
		for _ in 0..4 {
			assert!(run_block().all_lte(budget_for(3)));
			let handled = take_handled();
			assert!(handled.len() <= 3);
			rest.extend(handled.into_iter().map(|x| x.0));
		}
		assert_eq!(rest, vec![t(7), t(8), t(9), t(0), t(1), t(2), t(3), t(4)]);
		assert_eq!(Cursor::<Test>::get(), Some((d(2026, 2, 12), 0)));
		Calendar::do_try_state().unwrap();
	});
}

#[test]
fn one_hundred_thousand_timers_on_one_day() {
	const N: u64 = 100_000;
	const PER_BLOCK: u64 = 7_000;
	new_test_ext().execute_with(|| {
		let due = d(2026, 2, 10);
		for i in 0..N {
			let owner =
				if i % 2 == 0 { TimerOwner::Registration } else { TimerOwner::Certificates };
			assert_ok!(Calendar::schedule(TimerId::new(owner, i), due));
			if i % 10_000 == 0 {
				System::reset_events();
			}
		}
		assert_eq!(AgendaLen::<Test>::get(due), N as u32);
		let budget = budget_for(PER_BLOCK);
		Budget::set(&budget);
		let mut seen = BTreeSet::new();
		let mut blocks = 0;
		let mut weight = run_block_on(due);
		loop {
			blocks += 1;
			assert!(weight.all_lte(budget), "block {blocks} used {weight:?} > {budget:?}");
			let handled = take_handled();
			assert!(handled.len() as u64 <= PER_BLOCK);
			if handled.is_empty() {
				break;
			}
			for (timer, at) in handled {
				assert_eq!(at, due);
				assert!(seen.insert(timer), "{timer:?} handed over twice");
			}
			weight = run_block();
		}
		assert_eq!(seen.len() as u64, N);
		// ceil(100 000 / 7 000) = 15 blocks with timers, then one empty block.
		assert_eq!(blocks, 16);
		assert_eq!(Calendar::today(), due);
		assert_eq!(
			TimerStates::<Test>::get(TimerId::new(TimerOwner::Certificates, N - 1)),
			Some(TimerState::Fired { on: due })
		);
		assert_eq!(Agenda::<Test>::iter_prefix(due).count(), 0);
		Calendar::do_try_state().unwrap();
	});
}

#[test]
fn many_empty_dates_are_stepped_within_budget() {
	new_test_ext().execute_with(|| {
		Budget::set(&budget_for(3));
		assert_ok!(Calendar::schedule(t(1), d(2026, 8, 1)));
		// Jump about six months: the cursor steps date by date within the budget.
		run_block_on(d(2026, 8, 3));
		let mut blocks = 1;
		while take_handled().is_empty() {
			let w = run_block();
			assert!(w.all_lte(budget_for(3)));
			blocks += 1;
			assert!(blocks < 1_000);
		}
		assert!(blocks > 1);
		assert_eq!(TimerStates::<Test>::get(t(1)), Some(TimerState::Fired { on: d(2026, 8, 3) }));
		Calendar::do_try_state().unwrap();
	});
}

#[test]
fn timers_scheduled_by_the_handler_are_not_lost() {
	new_test_ext().execute_with(|| {
		let e = |id| TimerId::new(TimerOwner::Evidence, id);
		assert_ok!(Calendar::schedule(e(0), d(2026, 2, 10)));
		// Three days later: the cursor steps to 2-10; each handled timer schedules the next one
		// for 2-10, which is appended at the cursor date and handled in the same block.
		run_block_on(d(2026, 2, 13));
		let handled: Vec<_> = take_handled().into_iter().map(|x| x.0).collect();
		assert_eq!(handled, vec![e(0), e(1), e(2), e(3)]);
		assert_eq!(Cursor::<Test>::get(), Some((d(2026, 2, 13), 0)));
		Calendar::do_try_state().unwrap();
		// On the current date, an appended timer is handled in the next block.
		assert_ok!(Calendar::schedule(e(2_000), d(2026, 2, 13)));
		let chain_start = TimerId::new(TimerOwner::Evidence, 2);
		assert_eq!(
			TimerStates::<Test>::get(chain_start),
			Some(TimerState::Fired { on: d(2026, 2, 13) })
		);
		run_block();
		assert_eq!(take_handled(), vec![(e(2_000), d(2026, 2, 13))]);
	});
}

#[test]
fn genesis_config_json() {
	let json = r#"{
		"dayLengthMs": 600000,
		"startDate": "2026-02-09",
		"days": [["2026-02-14", "Working"], [20260216, "Holiday"]]
	}"#;
	let config: crate::GenesisConfig<Test> = serde_json::from_str(json).unwrap();
	assert_eq!(config.day_length_ms, 600_000);
	assert_eq!(config.start_date, Some(d(2026, 2, 9)));
	assert_eq!(
		config.days,
		vec![(d(2026, 2, 14), DayKind::Working), (d(2026, 2, 16), DayKind::Holiday)]
	);
	let back = serde_json::to_value(&config).unwrap();
	assert_eq!(back["startDate"], "2026-02-09");
	assert_eq!(back["days"][0][0], "2026-02-14");
	assert_eq!(back["days"][1], serde_json::json!(["2026-02-16", "Holiday"]));
	assert!(serde_json::from_str::<crate::GenesisConfig<Test>>(
		r#"{"dayLengthMs": 1, "startDate": "2025-02-29", "days": []}"#
	)
	.is_err());
	assert!(serde_json::from_str::<crate::GenesisConfig<Test>>(
		r#"{"dayLengthMs": 1, "startDate": null, "days": [["2026-02-14", "Weekend"]]}"#
	)
	.is_err());
	let storage = config.build_storage().unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(crate::DayLengthMs::<Test>::get(), 600_000);
		assert!(Calendar::is_working_day(d(2026, 2, 14)));
		assert!(!Calendar::is_working_day(d(2026, 2, 16)));
	});
}

#[test]
#[should_panic(expected = "invalid genesis calendar days")]
fn genesis_rejects_duplicate_days() {
	let config = crate::GenesisConfig::<Test> {
		days: vec![(d(2026, 2, 14), DayKind::Working), (d(2026, 2, 14), DayKind::Holiday)],
		..Default::default()
	};
	let _ = config.build_storage();
}
