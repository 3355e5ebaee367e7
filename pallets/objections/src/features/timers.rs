//! The deadline timers: respondent silence and the end of the arbitration period.

use crate::{pallet::*, types::*, weights::WeightInfo};
use frame_support::{traits::Get, weights::Weight};

impl<T: Config> Pallet<T> {
	/// Handle the fired timer with identifier `timer_id` ([`doid_primitives::TimerId::id`] of a
	/// timer owned by [`doid_primitives::TimerOwner::Objections`]); the runtime's `TimerHandler`
	/// routes such timers here. Returns the weight used, at most [`Pallet::on_timer_max_weight`].
	///
	/// - Phase 1 (response deadline): if the objection is still open and the respondent has not
	///   responded, [`Event::RespondentSilent`] is recorded.
	/// - Phase 2 (arbitration deadline): if the panel has not decided, the votes cast decide
	///   (missing votes don't count; a tie, also 0:0, dismisses).
	/// - Anything else (a closed objection, an unknown phase): ignored.
	pub fn on_timer(timer_id: u64) -> Weight {
		let ignored = T::DbWeight::get().reads(1);
		let id = timer_id & MAX_OBJECTION_ID;
		let phase = timer_id >> PHASE_SHIFT;
		let Some(mut obj) = Objections::<T>::get(id) else { return ignored };
		match phase {
			PHASE_RESPONSE if obj.status.is_accepted_open() && obj.response_digest.is_none() => {
				let respondent = obj.respondent;
				Self::record(id, &mut obj, Action::RespondentSilent, None, Some(respondent), None);
				Objections::<T>::insert(id, obj);
				Self::deposit_event(Event::RespondentSilent { objection: id, respondent });
				T::WeightInfo::on_timer_silence()
			}
			PHASE_ARBITRATION if obj.status == ObjectionStatus::Arbitration => {
				let (up, down) = Self::tally(&obj.ballots);
				let outcome = if up > down { Outcome::Uphold } else { Outcome::Dismiss };
				let digest = Self::decision_digest(id, &obj.ballots);
				Self::decide(id, obj, outcome, DecidedBy::Deadline, digest);
				T::WeightInfo::on_timer_arbitration()
			}
			_ => ignored,
		}
	}

	/// The worst-case weight of [`Pallet::on_timer`] (for the runtime's
	/// `TimerHandler::max_weight`).
	pub fn on_timer_max_weight() -> Weight {
		T::WeightInfo::on_timer_silence()
			.max(T::WeightInfo::on_timer_arbitration())
			.max(T::DbWeight::get().reads(1))
	}
}
