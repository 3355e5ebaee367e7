//! Runtime integration: every preset loads the official 2025–2026 schedule at genesis, and the
//! calendar is governed like the validator set.

mod common;

use doid_primitives::{Date, DayKind, WorkingDays};
use doid_runtime::{Calendar, Runtime, RuntimeOrigin};
use frame_support::{assert_noop, assert_ok};
use sp_keyring::Sr25519Keyring::Ferdie;
use sp_runtime::DispatchError;

fn date(y: u16, m: u8, d: u8) -> Date {
	Date::new(y, m, d).unwrap()
}

#[test]
fn presets_load_the_official_schedule() {
	for preset in ["development", "local_testnet", "production"] {
		common::ext_from_preset(preset).execute_with(|| {
			// Spring Festival 2026: 02-15..02-23 off, Saturday 02-14 and 02-28 worked.
			assert!(Calendar::is_working_day(date(2026, 2, 14)), "{preset}");
			assert!(!Calendar::is_working_day(date(2026, 2, 16)), "{preset}");
			assert!(Calendar::is_working_day(date(2026, 2, 28)), "{preset}");
			// National Day 2025 and its adjusted Sunday 09-28.
			assert!(!Calendar::is_working_day(date(2025, 10, 8)), "{preset}");
			assert!(Calendar::is_working_day(date(2025, 9, 28)), "{preset}");
			assert_eq!(Calendar::add_working_days(date(2026, 2, 13), 1), Some(date(2026, 2, 14)));
		});
	}
}

#[test]
fn day_length_is_shortened_on_dev_and_real_in_production() {
	common::ext_from_preset("development").execute_with(|| {
		assert_eq!(pallet_calendar::DayLengthMs::<Runtime>::get(), 30_000);
	});
	common::ext_from_preset("production").execute_with(|| {
		assert_eq!(pallet_calendar::DayLengthMs::<Runtime>::get(), 86_400_000);
	});
}

#[test]
fn only_governance_sets_days() {
	common::ext_from_preset("local_testnet").execute_with(|| {
		let days: frame_support::BoundedVec<_, _> =
			vec![(date(2027, 1, 1), DayKind::Holiday)].try_into().unwrap();
		assert_noop!(
			Calendar::set_days(RuntimeOrigin::signed(Ferdie.to_account_id()), days.clone()),
			DispatchError::BadOrigin
		);
		assert_ok!(Calendar::set_days(RuntimeOrigin::root(), days));
		assert!(!Calendar::is_working_day(date(2027, 1, 1)));
	});
}

#[test]
fn benchmark_preset_starts_on_a_fixed_date() {
	use doid_primitives::{Date, WorkingDays};
	common::ext_from_preset("benchmark").execute_with(|| {
		// No block time yet: "today" is the preset's start date, not 1970.
		assert_eq!(doid_runtime::Calendar::today(), Date::new(2026, 2, 9).unwrap());
	});
}
