//! The public notice: its end date, the timer handler (lapse and issuance) and queries.

use crate::{
	pallet::*,
	types::{ApplicationRecord, ApplicationStatus},
	WeightInfo,
};
use doid_primitives::{
	ApplicationId, CertificateIssuer, Date, Issuance, RegistriesInspect, RegistryRules, Timers,
	WorkingDays,
};
use frame_support::{traits::Get, weights::Weight};

impl<T: Config> Pallet<T> {
	/// The last day of a notice of `days` days (working days, or calendar days if the registry's
	/// rules say so) starting on `start` (not counted).
	pub(crate) fn notice_end(
		rules: &RegistryRules,
		start: Date,
		days: u32,
	) -> Result<Date, Error<T>> {
		if rules.notice_in_calendar_days {
			let days = i32::try_from(days).map_err(|_| Error::<T>::DateOutOfRange)?;
			start.add_days(days).map_err(|_| Error::<T>::DateOutOfRange)
		} else {
			T::Calendar::add_working_days(start, days).ok_or(Error::<T>::DateOutOfRange)
		}
	}

	/// Put application `id` on public notice from today for the registry's notice length: its
	/// timer is scheduled for the day after the last day and it is listed among the current
	/// notices. `record` (written back by the caller) becomes `InNotice`. Returns the first and
	/// last day. Changes nothing on error.
	pub(crate) fn start_notice(
		id: ApplicationId,
		record: &mut ApplicationRecord,
	) -> Result<(Date, Date), Error<T>> {
		let rules = T::Registries::rules(record.registry).ok_or(Error::<T>::UnknownRegistry)?;
		let today = T::Calendar::today();
		let last_day = Self::notice_end(&rules, today, u32::from(rules.notice_wd))?;
		let due = Self::due_after(last_day)?;
		// The first write; the timer pallet changes nothing on error.
		T::Calendar::schedule(Self::timer_of(id), due).map_err(|_| Error::<T>::TimerFailed)?;
		CurrentNotices::<T>::insert(id, last_day);
		record.status = ApplicationStatus::InNotice;
		record.notice_start = Some(today);
		record.notice_last_day = Some(last_day);
		Ok((today, last_day))
	}

	/// The days of notice left after `today` up to `last_day` (working or calendar days).
	pub(crate) fn notice_remaining(
		rules: &RegistryRules,
		today: Date,
		last_day: Date,
	) -> Option<u32> {
		if rules.notice_in_calendar_days {
			let days = last_day.to_day_number().saturating_sub(today.to_day_number());
			Some(u32::try_from(days.max(0)).unwrap_or(0))
		} else {
			T::Calendar::working_days_between(today, last_day)
		}
	}

	/// Handle the fired timer of application `id` (the runtime's `TimerHandler` routes
	/// `TimerOwner::Registration` here). Returns the weight used, at most
	/// [`Pallet::on_timer_max_weight`].
	///
	/// - `CorrectionRequested` → `Lapsed`.
	/// - `InNotice` → the certificate is issued in this block (`Issued`); if the certificates
	///   pallet refuses, the application becomes `Refused` and [`Event::IssuanceFailed`] carries
	///   the [`doid_primitives::IssueError`].
	/// - Any other state (e.g. a paused notice, a withdrawn application): ignored.
	pub fn on_timer(id: ApplicationId) -> Weight {
		let ignored = T::DbWeight::get().reads(1);
		let Some(mut record) = Applications::<T>::get(id) else { return ignored };
		match record.status {
			ApplicationStatus::CorrectionRequested => {
				Self::remove_pending_content(record.application.content_digest);
				record.status = ApplicationStatus::Lapsed;
				Applications::<T>::insert(id, record);
				Self::deposit_event(Event::Lapsed { application: id });
				T::WeightInfo::on_timer_lapse()
			}
			ApplicationStatus::InNotice => {
				let app = &record.application;
				let issuance = Issuance {
					application: id,
					registry: record.registry,
					holder: record.applicant,
					kind: app.kind,
					content_digest: app.content_digest,
					info: app.info.clone(),
					inputs: app.inputs.clone(),
					materials: app.materials.clone(),
					prior_registrations: app.prior_registrations.clone(),
				};
				CurrentNotices::<T>::remove(id);
				Self::remove_pending_content(record.application.content_digest);
				match T::Certificates::issue(issuance) {
					Ok(certificate) => {
						record.status = ApplicationStatus::Issued(certificate);
						Applications::<T>::insert(id, record);
						Self::deposit_event(Event::CertificateIssued {
							application: id,
							certificate,
						});
					}
					Err(error) => {
						record.status = ApplicationStatus::Refused;
						Applications::<T>::insert(id, record);
						Self::deposit_event(Event::IssuanceFailed { application: id, error });
					}
				}
				T::WeightInfo::on_timer_issue()
			}
			_ => ignored,
		}
	}

	/// The worst-case weight of [`Pallet::on_timer`] (for the runtime's
	/// `TimerHandler::max_weight`).
	pub fn on_timer_max_weight() -> Weight {
		T::WeightInfo::on_timer_issue()
			.max(T::WeightInfo::on_timer_lapse())
			.max(T::DbWeight::get().reads(1))
	}

	/// The application `id` as stored.
	pub fn application(id: ApplicationId) -> Option<crate::ApplicationRecord> {
		Applications::<T>::get(id)
	}

	/// The last day of the notice of application `id`, if it is currently in notice.
	pub fn notice_last_day(id: ApplicationId) -> Option<Date> {
		CurrentNotices::<T>::get(id)
	}
}
