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
		// Session 1 starts at block 5: the new set is queued then, active from session 2.
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
		System::assert_has_event(Event::ValidatorSetQueued { session: 3, validators: 2 }.into());
	});
}
