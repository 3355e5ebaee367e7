//! When a session ends.
//!
//! `pallet-session` charges the whole block's weight for the block that rotates a session
//! (its `on_initialize` returns `max_block`; polkadot-sdk issues #184 and #4573), so that block
//! carries no transactions. Rotating every few blocks therefore costs a fixed share of the
//! chain's capacity even when nothing changes. The validator set rotates only when it has to:
//!
//! - at a multiple of [`Config::ChangeCheckPeriod`] blocks when a validator-set change waits to
//!   be handed to the session pallet ([`ChangePending`]) or a handed-over set (or new session
//!   keys) waits to become active (`pallet_session::QueuedChanged`) — so an added or removed
//!   validator takes effect within two check periods, as with fixed short sessions;
//! - otherwise at a multiple of [`Config::MaxSessionLength`] blocks, which bounds how long new
//!   session keys of a sitting validator (`Session::set_keys`) wait to be picked up.
//!
//! A period of zero never matches (no rotation on that rule) instead of dividing by zero.

use crate::{ChangePending, Config, Pallet};
use frame_support::{
	traits::{EstimateNextSessionRotation, Get},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Zero},
	Permill, Saturating,
};

/// `true` when `now` is a positive multiple of `period` (never for a zero period).
fn is_multiple<N: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(now: N, period: N) -> bool {
	!period.is_zero() && !now.is_zero() && (now % period).is_zero()
}

/// The first multiple of `period` after `now`, if `period` is not zero.
fn next_multiple<N: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(
	now: N,
	period: N,
) -> Option<N> {
	if period.is_zero() {
		return None;
	}
	Some(now.saturating_add(period).saturating_sub(now % period))
}

impl<T: Config> Pallet<T> {
	/// `true` when a validator-set change or new session keys wait for the next rotation.
	pub fn rotation_wanted() -> bool {
		ChangePending::<T>::get() || pallet_session::QueuedChanged::<T>::get()
	}
}

impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		is_multiple(now, T::MaxSessionLength::get())
			|| (is_multiple(now, T::ChangeCheckPeriod::get()) && Self::rotation_wanted())
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		T::MaxSessionLength::get()
	}

	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let length = T::MaxSessionLength::get();
		let progress = (!length.is_zero()).then(|| {
			let into_session = (now % length).saturating_add(One::one());
			Permill::from_rational(into_session.min(length), length)
		});
		(progress, Weight::zero())
	}

	fn estimate_next_session_rotation(
		now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, Weight) {
		let reads = T::DbWeight::get().reads(2);
		let scheduled = next_multiple(now, T::MaxSessionLength::get());
		if !Self::rotation_wanted() {
			return (scheduled, reads);
		}
		let early = next_multiple(now, T::ChangeCheckPeriod::get());
		(early.into_iter().chain(scheduled).min(), reads)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn multiples_and_zero_periods() {
		assert!(!is_multiple(10u64, 0));
		assert!(!is_multiple(0u64, 10));
		assert!(is_multiple(20u64, 10));
		assert!(!is_multiple(21u64, 10));
		assert_eq!(next_multiple(21u64, 10), Some(30));
		assert_eq!(next_multiple(20u64, 10), Some(30));
		assert_eq!(next_multiple(5u64, 0), None);
	}
}
