//! The logic of the objections pallet, one file per capability; this module holds the shared
//! helpers: targets, timers, bonds, closing, decisions and the history.

pub(crate) mod arbitration;
pub(crate) mod filing;
pub(crate) mod timers;

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use codec::Encode;
use doid_primitives::{
	ApplicationDisputes, CertificateDisputes, Digest, DigestAlgorithm, DisputeError,
	DisputeParties, SubjectActivity, SubjectId, SubjectsInspect, TimerId, TimerOwner, Timers,
	WorkingDays,
};
use frame_support::{
	storage::with_storage_layer,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use sp_runtime::{
	traits::{BlakeTwo256, Hash, Zero},
	DispatchError,
};

impl<T: Config> Pallet<T> {
	/// The timer of phase `phase` of objection `id`.
	pub fn timer_of(phase: u64, id: ObjectionId) -> TimerId {
		TimerId::new(TimerOwner::Objections, (phase << PHASE_SHIFT) | (id & MAX_OBJECTION_ID))
	}

	/// The registry and respondent of an open target.
	pub(crate) fn target_parties(target: Target) -> Option<DisputeParties> {
		match target {
			Target::Application(id) => T::Applications::parties(id),
			Target::Certificate(id) => T::Certificates::parties(id),
		}
	}

	/// Dispute the target (application → `Disputed`, notice paused; certificate → `Disputed`).
	pub(crate) fn open_target(target: Target) -> Result<(), DisputeError> {
		match target {
			Target::Application(id) => T::Applications::open_dispute(id),
			Target::Certificate(id) => T::Certificates::open_dispute(id),
		}
	}

	/// End the dispute of the target (application back in notice; certificate active).
	pub(crate) fn release_target(target: Target) -> Result<(), DisputeError> {
		match target {
			Target::Application(id) => T::Applications::resume(id),
			Target::Certificate(id) => T::Certificates::restore(id),
		}
	}

	/// The objection was upheld: application rejected / certificate revoked.
	pub(crate) fn uphold_target(target: Target, decision: Digest) -> Result<(), DisputeError> {
		match target {
			Target::Application(id) => T::Applications::reject_upheld(id, decision),
			Target::Certificate(id) => T::Certificates::revoke_upheld(id, decision),
		}
	}

	/// The verified subject of `who`: `NotASubject` / `NotVerified` otherwise.
	pub(crate) fn verified_subject(who: &T::AccountId) -> Result<SubjectId, Error<T>> {
		let subject = T::Subjects::subject_of(who).ok_or(Error::<T>::NotASubject)?;
		if T::Subjects::is_verified(subject) {
			Ok(subject)
		} else {
			Err(Error::<T>::NotVerified)
		}
	}

	/// The objection `id`, which must be open: `UnknownObjection` / `ObjectionClosed` otherwise.
	pub(crate) fn open_objection(id: ObjectionId) -> Result<ObjectionOf<T>, Error<T>> {
		let obj = Objections::<T>::get(id).ok_or(Error::<T>::UnknownObjection)?;
		if obj.status.is_open() {
			Ok(obj)
		} else {
			Err(Error::<T>::ObjectionClosed)
		}
	}

	/// Append a history entry for `obj` (the caller stores `obj`).
	pub(crate) fn record(
		id: ObjectionId,
		obj: &mut ObjectionOf<T>,
		action: Action,
		account: Option<T::AccountId>,
		subject: Option<SubjectId>,
		digest: Option<Digest>,
	) {
		let entry = HistoryEntry {
			action,
			account,
			subject,
			date: T::Calendar::today(),
			block: frame_system::Pallet::<T>::block_number(),
			digest,
		};
		History::<T>::insert(id, obj.steps, entry);
		obj.steps = obj.steps.saturating_add(1);
	}

	/// Return the bond of `obj` to the account that paid it (exactly once: callers close the
	/// objection at the same time).
	pub(crate) fn return_bond(id: ObjectionId, obj: &ObjectionOf<T>) {
		if obj.bond.is_zero() {
			return;
		}
		let amount = T::Currency::release(
			&HoldReason::ObjectionBond.into(),
			&obj.payer,
			obj.bond,
			Precision::BestEffort,
		)
		.unwrap_or_else(|_| Zero::zero());
		Self::deposit_event(Event::BondReturned { objection: id, to: obj.payer.clone(), amount });
	}

	/// Transfer the bond of `obj` from hold to the respondent's main account; if that is
	/// impossible, return it to the payer.
	pub(crate) fn forfeit_bond(id: ObjectionId, obj: &ObjectionOf<T>) {
		if obj.bond.is_zero() {
			return;
		}
		let Some(dest) = T::Subjects::main_account(obj.respondent) else {
			return Self::return_bond(id, obj);
		};
		match T::Currency::transfer_on_hold(
			&HoldReason::ObjectionBond.into(),
			&obj.payer,
			&dest,
			obj.bond,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Polite,
		) {
			Ok(amount) => {
				Self::deposit_event(Event::BondForfeited { objection: id, to: dest, amount })
			}
			Err(_) => Self::return_bond(id, obj),
		}
	}

	/// The bookkeeping of closing an open objection: party counters, deadline timers, status.
	/// Does not touch [`OpenObjections`], [`AcceptedOpen`], the bond or the target.
	pub(crate) fn close(id: ObjectionId, obj: &mut ObjectionOf<T>, status: ObjectionStatus) {
		OpenAsParty::<T>::mutate_exists(obj.objector, dec);
		OpenAsParty::<T>::mutate_exists(obj.respondent, dec);
		// A timer that fired or was never scheduled is refused, changing nothing.
		let _ = T::Calendar::cancel(Self::timer_of(PHASE_RESPONSE, id));
		let _ = T::Calendar::cancel(Self::timer_of(PHASE_ARBITRATION, id));
		obj.status = status;
	}

	/// Remove `id` from the open objections of `target`.
	pub(crate) fn remove_open(target: Target, id: ObjectionId) {
		OpenObjections::<T>::mutate_exists(target, |list| {
			if let Some(l) = list {
				l.retain(|x| *x != id);
				if l.is_empty() {
					*list = None;
				}
			}
		});
	}

	/// One accepted open objection of `target` closed; `true` if it was the last.
	pub(crate) fn dec_accepted(target: Target) -> bool {
		AcceptedOpen::<T>::mutate_exists(target, |n| {
			dec(n);
			n.is_none()
		})
	}

	/// Release the target after the last accepted open objection closed without being upheld.
	pub(crate) fn release_after_last(id: ObjectionId, target: Target) {
		match Self::release_target(target) {
			Ok(()) => Self::deposit_event(Event::TargetReleased { target }),
			Err(error) => {
				Self::deposit_event(Event::TargetUpdateFailed { objection: id, target, error })
			}
		}
	}

	/// The uphold and dismiss votes cast.
	pub(crate) fn tally(ballots: &Ballots) -> (u32, u32) {
		let up = ballots.iter().filter(|b| b.vote == Outcome::Uphold).count() as u32;
		(up, (ballots.len() as u32).saturating_sub(up))
	}

	/// The decision digest of a panel or deadline decision: BLAKE2b-256 of SCALE
	/// `(objection id, ballots)`.
	pub fn decision_digest(id: ObjectionId, ballots: &Ballots) -> Digest {
		let hash = <BlakeTwo256 as Hash>::hash(&(id, ballots).encode());
		Digest::new(DigestAlgorithm::Blake2b256, hash.0)
	}

	/// Decide open objection `id`: close it, settle the bond, update the target and, if upheld,
	/// close the other open objections on the target as moot. Never fails: a refused target hook
	/// is recorded with [`Event::TargetUpdateFailed`].
	pub(crate) fn decide(
		id: ObjectionId,
		mut obj: ObjectionOf<T>,
		outcome: Outcome,
		by: DecidedBy,
		decision_digest: Digest,
	) {
		let target = obj.target;
		let was_accepted = obj.status.is_accepted_open();
		let disputed = was_accepted || AcceptedOpen::<T>::get(target) > 0;
		let (uphold_votes, dismiss_votes) = Self::tally(&obj.ballots);
		Self::close(id, &mut obj, ObjectionStatus::Decided { outcome, by });
		Self::remove_open(target, id);
		let last = was_accepted && Self::dec_accepted(target);
		Self::record(
			id,
			&mut obj,
			Action::Decided { outcome, by },
			None,
			match by {
				DecidedBy::Court(court) => Some(court),
				_ => None,
			},
			Some(decision_digest),
		);
		Self::deposit_event(Event::Decided {
			objection: id,
			target,
			outcome,
			by,
			uphold_votes,
			dismiss_votes,
			decision_digest,
		});
		match outcome {
			Outcome::Uphold => {
				let result = with_storage_layer(|| -> Result<(), DispatchError> {
					if !disputed {
						Self::open_target(target).map_err(dispute_error)?;
					}
					Self::uphold_target(target, decision_digest).map_err(dispute_error)
				});
				if let Err(e) = result {
					let error = match e {
						DispatchError::Other("unknown") => DisputeError::Unknown,
						DispatchError::Other("timer") => DisputeError::Timer,
						_ => DisputeError::WrongState,
					};
					Self::deposit_event(Event::TargetUpdateFailed { objection: id, target, error });
				}
				Self::return_bond(id, &obj);
				Objections::<T>::insert(id, obj);
				Self::moot_others(target, id);
			}
			Outcome::Dismiss => {
				Self::forfeit_bond(id, &obj);
				Objections::<T>::insert(id, obj);
				if last {
					Self::release_after_last(id, target);
				}
			}
		}
	}

	/// Close every open objection on `target` as moot (objection `upheld` was upheld), returning
	/// their bonds; the target has no open objections afterwards.
	pub(crate) fn moot_others(target: Target, upheld: ObjectionId) {
		let others = OpenObjections::<T>::take(target);
		AcceptedOpen::<T>::remove(target);
		for other in others {
			let Some(mut obj) = Objections::<T>::get(other) else { continue };
			if !obj.status.is_open() {
				continue;
			}
			Self::close(other, &mut obj, ObjectionStatus::Moot { upheld });
			Self::record(other, &mut obj, Action::Moot { upheld }, None, None, None);
			Self::deposit_event(Event::Moot { objection: other, upheld });
			Self::return_bond(other, &obj);
			Objections::<T>::insert(other, obj);
		}
	}

	/// The objection `id` as stored.
	pub fn objection(id: ObjectionId) -> Option<ObjectionOf<T>> {
		Objections::<T>::get(id)
	}

	/// The full history of objection `id`, in order.
	pub fn history(id: ObjectionId) -> Vec<HistoryEntryOf<T>> {
		let steps = Objections::<T>::get(id).map(|o| o.steps).unwrap_or(0);
		(0..steps).filter_map(|step| History::<T>::get(id, step)).collect()
	}

	/// The open objections on `target`.
	pub fn open_objections(target: Target) -> Vec<ObjectionId> {
		OpenObjections::<T>::get(target).into_inner()
	}
}

/// Decrement an optional counter, removing it at zero.
fn dec(n: &mut Option<u32>) {
	*n = n.and_then(|v| v.checked_sub(1)).filter(|v| *v > 0);
}

/// A dispute hook error as a dispatch error (to roll back a storage layer).
fn dispute_error(e: DisputeError) -> DispatchError {
	DispatchError::Other(match e {
		DisputeError::Unknown => "unknown",
		DisputeError::Timer => "timer",
		DisputeError::WrongState => "state",
	})
}

/// The objector and the respondent of an open objection may not deregister.
impl<T: Config> SubjectActivity for Pallet<T> {
	fn blocks_deregistration(subject: SubjectId) -> bool {
		OpenAsParty::<T>::get(subject) > 0
	}
}
