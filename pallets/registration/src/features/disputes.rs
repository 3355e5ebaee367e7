//! [`ApplicationDisputes`]: how the objections pallet pauses, resumes and ends a notice.

use crate::{
	pallet::*,
	types::{ApplicationStatus, DigestUse},
};
use doid_primitives::{
	ApplicationDisputes, ApplicationId, Digest, DisputeError, DisputeParties, RegistriesInspect,
	Timers, WorkingDays,
};
use frame_support::storage::{with_transaction, TransactionOutcome};
use sp_runtime::DispatchError;

impl<T: Config> ApplicationDisputes for Pallet<T> {
	/// The registry and applicant of an application in notice (on or before its last day) or
	/// disputed.
	fn parties(id: ApplicationId) -> Option<DisputeParties> {
		let record = Applications::<T>::get(id)?;
		let open = match record.status {
			ApplicationStatus::Disputed => true,
			ApplicationStatus::InNotice => {
				record.notice_last_day.is_some_and(|last| T::Calendar::today() <= last)
			}
			_ => false,
		};
		open.then_some(DisputeParties { registry: record.registry, respondent: record.applicant })
	}

	/// `InNotice` (on or before the last day) → `Disputed`: the timer is paused and the working
	/// (or calendar) days after today up to the last day are stored.
	fn open_dispute(id: ApplicationId) -> Result<(), DisputeError> {
		let mut record = Applications::<T>::get(id).ok_or(DisputeError::Unknown)?;
		ensure_state(record.status == ApplicationStatus::InNotice)?;
		let today = T::Calendar::today();
		let last_day = record.notice_last_day.ok_or(DisputeError::WrongState)?;
		ensure_state(today <= last_day)?;
		let rules = T::Registries::rules(record.registry).ok_or(DisputeError::Unknown)?;
		let remaining =
			Self::notice_remaining(&rules, today, last_day).ok_or(DisputeError::Timer)?;
		// The first write; the timer pallet changes nothing on error.
		T::Calendar::pause(Self::timer_of(id)).map_err(|_| DisputeError::Timer)?;
		CurrentNotices::<T>::remove(id);
		record.status = ApplicationStatus::Disputed;
		record.notice_remaining = Some(remaining);
		Applications::<T>::insert(id, record);
		Self::deposit_event(Event::NoticePaused { application: id, remaining });
		Ok(())
	}

	/// `Disputed` → `InNotice`: the new last day is today + the remaining days, the timer is due
	/// the day after.
	///
	/// The calendar's own `Timers::resume` would make the timer due on the last day itself (it
	/// stores the days up to the due date), so the paused timer is cancelled and scheduled again.
	fn resume(id: ApplicationId) -> Result<(), DisputeError> {
		let mut record = Applications::<T>::get(id).ok_or(DisputeError::Unknown)?;
		ensure_state(record.status == ApplicationStatus::Disputed)?;
		let rules = T::Registries::rules(record.registry).ok_or(DisputeError::Unknown)?;
		let today = T::Calendar::today();
		let remaining = record.notice_remaining.unwrap_or(0);
		let last_day =
			Self::notice_end(&rules, today, remaining).map_err(|_| DisputeError::Timer)?;
		let due = Self::due_after(last_day).map_err(|_| DisputeError::Timer)?;
		let timer = Self::timer_of(id);
		// Both timer changes or neither.
		with_transaction(|| {
			match T::Calendar::cancel(timer).and_then(|()| T::Calendar::schedule(timer, due)) {
				Ok(()) => TransactionOutcome::Commit(Ok(())),
				Err(_) => TransactionOutcome::Rollback(Err(DispatchError::Other("timer"))),
			}
		})
		.map_err(|_: DispatchError| DisputeError::Timer)?;
		CurrentNotices::<T>::insert(id, last_day);
		record.status = ApplicationStatus::InNotice;
		record.notice_last_day = Some(last_day);
		record.notice_remaining = None;
		Applications::<T>::insert(id, record);
		Self::deposit_event(Event::NoticeResumed { application: id, notice_last_day: last_day });
		Ok(())
	}

	/// `Disputed` → `Rejected`, with the digest of the decision; the paused timer is cancelled.
	fn reject_upheld(id: ApplicationId, decision: Digest) -> Result<(), DisputeError> {
		let mut record = Applications::<T>::get(id).ok_or(DisputeError::Unknown)?;
		ensure_state(record.status == ApplicationStatus::Disputed)?;
		// The first write; the timer pallet changes nothing on error.
		T::Calendar::cancel(Self::timer_of(id)).map_err(|_| DisputeError::Timer)?;
		ApplicationsByDigest::<T>::insert(decision, id, DigestUse::Decision);
		Self::remove_pending_content(record.application.content_digest);
		record.status = ApplicationStatus::Rejected;
		record.notice_remaining = None;
		Applications::<T>::insert(id, record);
		Self::deposit_event(Event::RejectedUpheld { application: id, decision_digest: decision });
		Ok(())
	}
}

/// `Err(WrongState)` unless `ok`.
fn ensure_state(ok: bool) -> Result<(), DisputeError> {
	if ok {
		Ok(())
	} else {
		Err(DisputeError::WrongState)
	}
}
