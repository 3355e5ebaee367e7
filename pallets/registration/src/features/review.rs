//! The registry's and the reviewer's steps: acceptance, correction, refusal, formal and
//! substantive review, and the applicant's withdrawal.

use crate::{
	pallet::*,
	types::{ApplicationRecord, ApplicationStatus, DigestUse},
};
use doid_primitives::{
	ApplicationId, Digest, RegistriesInspect, SubjectId, SubjectRole, SubjectsInspect, Timers,
	WorkingDays,
};
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
	/// The application `id`, if `who` is an operator of its registry.
	pub(crate) fn operated(
		who: &T::AccountId,
		id: ApplicationId,
	) -> Result<ApplicationRecord, Error<T>> {
		let record = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(T::Registries::is_operator(record.registry, who), Error::<T>::NotOperator);
		Ok(record)
	}

	/// Whether the application was not accepted within the registry's acceptance period: it is
	/// still `Submitted` after its `acceptance_due` day.
	pub fn is_acceptance_overdue(id: ApplicationId) -> bool {
		Applications::<T>::get(id).is_some_and(|r| {
			r.status == ApplicationStatus::Submitted && T::Calendar::today() > r.acceptance_due
		})
	}

	/// Accept a submitted application.
	pub(crate) fn do_accept(who: T::AccountId, id: ApplicationId) -> DispatchResult {
		let mut record = Self::operated(&who, id)?;
		ensure!(record.status == ApplicationStatus::Submitted, Error::<T>::WrongState);
		let overdue = T::Calendar::today() > record.acceptance_due;
		record.status = ApplicationStatus::FormalReview;
		Applications::<T>::insert(id, record);
		Self::deposit_event(Event::Accepted { application: id, overdue });
		Ok(())
	}

	/// Ask for a correction; the lapse timer is due the day after the last day.
	pub(crate) fn do_request_correction(
		who: T::AccountId,
		id: ApplicationId,
		reason_digest: Digest,
	) -> DispatchResult {
		let mut record = Self::operated(&who, id)?;
		ensure!(
			matches!(record.status, ApplicationStatus::Submitted | ApplicationStatus::FormalReview),
			Error::<T>::WrongState
		);
		ensure!(!reason_digest.is_zero(), Error::<T>::InvalidReasonDigest);
		let rules = T::Registries::rules(record.registry).ok_or(Error::<T>::UnknownRegistry)?;
		let last_day = Self::working_period_end(T::Calendar::today(), rules.correction_wd)?;
		let due = Self::due_after(last_day)?;
		// The first write; the timer pallet changes nothing on error.
		T::Calendar::schedule(Self::timer_of(id), due).map_err(|_| Error::<T>::TimerFailed)?;

		ApplicationsByDigest::<T>::insert(reason_digest, id, DigestUse::CorrectionReason);
		record.status = ApplicationStatus::CorrectionRequested;
		record.correction_last_day = Some(last_day);
		record.reason_digest = Some(reason_digest);
		Applications::<T>::insert(id, record);
		Self::deposit_event(Event::CorrectionRequested {
			application: id,
			reason_digest,
			last_day,
		});
		Ok(())
	}

	/// Refuse an application that is submitted, in formal review or awaiting correction.
	pub(crate) fn do_refuse(
		who: T::AccountId,
		id: ApplicationId,
		reason_digest: Digest,
	) -> DispatchResult {
		let mut record = Self::operated(&who, id)?;
		ensure!(
			matches!(
				record.status,
				ApplicationStatus::Submitted
					| ApplicationStatus::FormalReview
					| ApplicationStatus::CorrectionRequested
			),
			Error::<T>::WrongState
		);
		ensure!(!reason_digest.is_zero(), Error::<T>::InvalidReasonDigest);
		if record.status == ApplicationStatus::CorrectionRequested {
			T::Calendar::cancel(Self::timer_of(id)).map_err(|_| Error::<T>::TimerFailed)?;
		}

		ApplicationsByDigest::<T>::insert(reason_digest, id, DigestUse::RefusalReason);
		Self::remove_pending_content(record.application.content_digest);
		record.status = ApplicationStatus::Refused;
		record.correction_last_day = None;
		record.reason_digest = Some(reason_digest);
		Applications::<T>::insert(id, record);
		Self::deposit_event(Event::Refused { application: id, reason_digest });
		Ok(())
	}

	/// Pass the formal review and appoint the substantive reviewer.
	pub(crate) fn do_pass_formal(
		who: T::AccountId,
		id: ApplicationId,
		reviewer: SubjectId,
	) -> DispatchResult {
		let mut record = Self::operated(&who, id)?;
		ensure!(record.status == ApplicationStatus::FormalReview, Error::<T>::WrongState);
		ensure!(T::Subjects::is_verified(reviewer), Error::<T>::ReviewerNotVerified);
		ensure!(
			T::Subjects::has_role(reviewer, SubjectRole::ServiceAgency),
			Error::<T>::ReviewerNotServiceAgency
		);
		ensure!(
			reviewer != record.applicant
				&& !T::Subjects::accounts_overlap(reviewer, record.applicant),
			Error::<T>::ReviewerConflict
		);
		record.status = ApplicationStatus::SubstantiveReview;
		record.reviewer = Some(reviewer);
		Applications::<T>::insert(id, record);
		Self::deposit_event(Event::FormalReviewPassed { application: id, reviewer });
		Ok(())
	}

	/// The reviewer's verdict: the notice starts today, or the application is rejected.
	pub(crate) fn do_submit_review(
		who: T::AccountId,
		id: ApplicationId,
		passed: bool,
		report_digest: Digest,
	) -> DispatchResult {
		let mut record = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		let caller = T::Subjects::verified_subject_of(&who).ok_or(Error::<T>::NotReviewer)?;
		ensure!(record.reviewer == Some(caller), Error::<T>::NotReviewer);
		ensure!(record.status == ApplicationStatus::SubstantiveReview, Error::<T>::WrongState);
		ensure!(!report_digest.is_zero(), Error::<T>::InvalidReportDigest);

		if !passed {
			ApplicationsByDigest::<T>::insert(report_digest, id, DigestUse::ReviewReport);
			Self::remove_pending_content(record.application.content_digest);
			record.status = ApplicationStatus::Rejected;
			record.report_digest = Some(report_digest);
			Applications::<T>::insert(id, record);
			Self::deposit_event(Event::ReviewFailed {
				application: id,
				reviewer: caller,
				report_digest,
			});
			return Ok(());
		}

		// The first write; nothing is changed on error.
		let (today, last_day) = Self::start_notice(id, &mut record)?;
		ApplicationsByDigest::<T>::insert(report_digest, id, DigestUse::ReviewReport);
		record.report_digest = Some(report_digest);
		Applications::<T>::insert(id, record);
		Self::deposit_event(Event::ReviewPassed {
			application: id,
			reviewer: caller,
			report_digest,
			notice_start: today,
			notice_last_day: last_day,
		});
		Ok(())
	}

	/// Withdraw a live application; its timer, if any, is cancelled.
	pub(crate) fn do_withdraw(who: T::AccountId, id: ApplicationId) -> DispatchResult {
		let mut record = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		let caller = T::Subjects::subject_of(&who).ok_or(Error::<T>::NotASubject)?;
		ensure!(caller == record.applicant, Error::<T>::NotApplicant);
		ensure!(!record.status.is_final(), Error::<T>::WrongState);
		if matches!(
			record.status,
			ApplicationStatus::CorrectionRequested
				| ApplicationStatus::InNotice
				| ApplicationStatus::Disputed
		) {
			// The first write; the timer pallet changes nothing on error.
			T::Calendar::cancel(Self::timer_of(id)).map_err(|_| Error::<T>::TimerFailed)?;
		}
		CurrentNotices::<T>::remove(id);
		Self::remove_pending_content(record.application.content_digest);
		record.status = ApplicationStatus::Withdrawn;
		Applications::<T>::insert(id, record);
		Self::deposit_event(Event::Withdrawn { application: id });
		Ok(())
	}
}
