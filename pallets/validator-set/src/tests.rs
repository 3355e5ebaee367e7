//! Unit tests of the validator set: every call, every error, and the session hand-over.

use crate::{mock::*, ChangePending, Error, Event, MinValidators, Validators};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn validators() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

#[test]
fn genesis_sets_validators_and_minimum() {
	new_test_ext().execute_with(|| {
		assert_eq!(validators(), vec![1, 2, 3]);
		assert_eq!(MinValidators::<Test>::get(), 2);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3]);
		assert!(!ChangePending::<Test>::get());
	});
}

#[test]
fn add_validator_works_and_takes_effect_after_next_session() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_eq!(validators(), vec![1, 2, 3, 4]);
		assert!(ChangePending::<Test>::get());
		System::assert_last_event(Event::ValidatorAdded { validator: 4 }.into());
		// A pending change ends session 0 at block 5: the new set is queued then, and it is
		// active from session 2, which starts at the next check point.
		run_to_block(5);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3]);
		assert_eq!(pallet_session::QueuedKeys::<Test>::get().len(), 4);
		assert!(!ChangePending::<Test>::get());
		run_to_block(10);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn add_validator_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyValidator
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 6),
			Error::<Test>::NoSessionKeys
		);
	});
}

#[test]
fn add_validator_refuses_beyond_the_bound() {
	new_test_ext().execute_with(|| {
		for id in 10..15u64 {
			pallet_session::NextKeys::<Test>::insert(id, keys(id));
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), id));
		}
		assert_eq!(validators().len(), 8);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 4),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn remove_validator_works_and_takes_effect_after_next_session() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		assert_eq!(validators(), vec![1, 3]);
		System::assert_last_event(Event::ValidatorRemoved { validator: 2 }.into());
		run_to_block(10);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 3]);
	});
}

#[test]
fn remove_validator_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 4),
			Error::<Test>::NotValidator
		);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		// Two left, minimum two: the next removal is refused and nothing changes.
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewValidators
		);
		assert_eq!(validators(), vec![1, 2]);
	});
}

#[test]
fn set_min_validators_works_and_bounds() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::set_min_validators(RuntimeOrigin::root(), 3));
		assert_eq!(MinValidators::<Test>::get(), 3);
		System::assert_last_event(Event::MinValidatorsSet { min: 3 }.into());
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewValidators
		);
		assert_noop!(
			ValidatorSet::set_min_validators(RuntimeOrigin::root(), 0),
			Error::<Test>::InvalidMinimum
		);
		assert_noop!(
			ValidatorSet::set_min_validators(RuntimeOrigin::root(), 4),
			Error::<Test>::InvalidMinimum
		);
		assert_noop!(
			ValidatorSet::set_min_validators(RuntimeOrigin::signed(1), 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn unchanged_set_is_not_handed_over_again() {
	new_test_ext().execute_with(|| {
		run_to_block(5);
		let queued_events = System::events()
			.into_iter()
			.filter(|r| {
				matches!(r.event, RuntimeEvent::ValidatorSet(Event::ValidatorSetQueued { .. }))
			})
			.count();
		assert_eq!(queued_events, 0);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		run_to_block(10);
		// Block 5 did not rotate (nothing pending), block 10 ends session 0 and plans session 2.
		System::assert_has_event(Event::ValidatorSetQueued { session: 2, validators: 2 }.into());
	});
}

fn session_index() -> u32 {
	pallet_session::CurrentIndex::<Test>::get()
}

/// Run to `block` and check that the session index is then `index`.
fn assert_session_at(block: u64, index: u32) {
	run_to_block(block);
	assert_eq!(session_index(), index, "session index at block {block}");
}

#[test]
fn without_a_change_a_session_lasts_the_maximum_length() {
	new_test_ext().execute_with(|| {
		assert!(!ValidatorSet::rotation_wanted());
		run_to_block(19);
		assert_eq!(session_index(), 0, "no rotation at the check points 5, 10, 15");
		assert_session_at(20, 1);
		assert_session_at(39, 1);
		assert_session_at(40, 2);
	});
}

#[test]
fn a_change_rotates_at_check_points_until_it_is_active_then_stops() {
	new_test_ext().execute_with(|| {
		run_to_block(6);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert!(ValidatorSet::rotation_wanted());
		assert_session_at(9, 0);
		// Block 10: the change is handed over (queued); block 15: it becomes active.
		assert_session_at(10, 1);
		assert!(!ChangePending::<Test>::get());
		assert!(pallet_session::QueuedChanged::<Test>::get());
		assert!(ValidatorSet::rotation_wanted());
		assert_session_at(15, 2);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3, 4]);
		assert!(!ValidatorSet::rotation_wanted());
		// Nothing more to apply: the next rotation is the scheduled one at block 20.
		assert_session_at(19, 2);
		assert_session_at(20, 3);
	});
}

#[test]
fn new_keys_of_a_sitting_validator_are_picked_up_by_the_scheduled_rotation() {
	new_test_ext().execute_with(|| {
		pallet_session::NextKeys::<Test>::insert(1, keys(11));
		assert!(!ValidatorSet::rotation_wanted(), "set_keys alone does not end a session");
		assert_session_at(20, 1);
		assert!(pallet_session::QueuedChanged::<Test>::get());
		assert_session_at(25, 2);
		let active_keys = pallet_session::QueuedKeys::<Test>::get();
		assert!(active_keys.contains(&(1, keys(11))));
		assert!(!ValidatorSet::rotation_wanted());
	});
}

#[test]
fn next_rotation_estimate_follows_the_pending_change() {
	use frame_support::traits::EstimateNextSessionRotation;
	new_test_ext().execute_with(|| {
		assert_eq!(ValidatorSet::average_session_length(), 20);
		assert_eq!(ValidatorSet::estimate_next_session_rotation(7).0, Some(20));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(20).0, Some(40));
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(9).0,
			Some(sp_runtime::Permill::from_percent(50))
		);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(7).0, Some(10));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(18).0, Some(20));
	});
}
