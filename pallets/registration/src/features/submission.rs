//! Submission and amendment: who may apply, and every rule checked on-chain before anything is
//! written.

use crate::{
	pallet::*,
	types::{Application, ApplicationRecord, ApplicationStatus, DigestUse, ServiceDigests},
};
use doid_primitives::{
	Acquisition, ApplicationId, AssetInfoError, CertificateId, CertificateStatus,
	CertificatesInspect, Date, Digest, ElementKind, LineageError, RegistriesInspect, RegistryId,
	SubjectId, SubjectRole, SubjectsInspect, TimerId, TimerOwner, Timers, WorkingDays,
};
use frame_support::{ensure, pallet_prelude::DispatchResult, BoundedVec};

impl<T: Config> From<AssetInfoError> for Error<T> {
	fn from(e: AssetInfoError) -> Self {
		match e {
			AssetInfoError::Name => Error::InvalidName,
			AssetInfoError::Industry => Error::InvalidIndustry,
			AssetInfoError::Scenario => Error::InvalidScenario,
			AssetInfoError::Source => Error::InvalidSource,
			AssetInfoError::Format => Error::InvalidFormat,
			AssetInfoError::Structure => Error::InvalidStructure,
			AssetInfoError::Scale => Error::InvalidScale,
			AssetInfoError::ProcessingRules => Error::InvalidProcessingRules,
			AssetInfoError::NoRights => Error::NoRights,
		}
	}
}

impl<T: Config> From<LineageError> for Error<T> {
	fn from(e: LineageError) -> Self {
		match e {
			LineageError::UnknownInput => Error::UnknownInput,
			LineageError::DuplicateInput => Error::DuplicateInput,
			LineageError::TooDeep => Error::LineageTooDeep,
			LineageError::TooManyAncestors => Error::TooManyAncestors,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The timer of application `id` (correction lapse or notice end).
	pub fn timer_of(id: ApplicationId) -> TimerId {
		TimerId::new(TimerOwner::Registration, id)
	}

	/// The verified subject of `who` that may apply (data supplier or data merchant).
	pub(crate) fn applicant_of(who: &T::AccountId) -> Result<SubjectId, Error<T>> {
		let subject = T::Subjects::subject_of(who).ok_or(Error::<T>::NotASubject)?;
		ensure!(T::Subjects::is_verified(subject), Error::<T>::NotVerified);
		ensure!(
			T::Subjects::has_role(subject, SubjectRole::DataSupplier)
				|| T::Subjects::has_role(subject, SubjectRole::DataMerchant),
			Error::<T>::NotSupplierOrMerchant
		);
		Ok(subject)
	}

	/// Checks the content of `app` by `applicant`: declarations, fields, digests, lineage, inputs
	/// and duplicates. Returns the recognised certificate (mutual recognition), if any. Reads only.
	pub(crate) fn check_application(
		applicant: SubjectId,
		app: &Application,
	) -> Result<Option<CertificateId>, Error<T>> {
		ensure!(!app.declarations.core_data, Error::<T>::CoreDataDeclared);
		app.info.validate().map_err(Error::<T>::from)?;
		ensure!(!app.content_digest.is_zero(), Error::<T>::InvalidContentDigest);
		ensure!(
			!app.materials.iter().any(|m| m.digest.is_zero()),
			Error::<T>::InvalidMaterialDigest
		);
		for service in app.services.iter() {
			ensure!(
				doid_primitives::text::is_valid_name(&service.name),
				Error::<T>::InvalidServiceName
			);
			ensure!(!service.description_digest.is_zero(), Error::<T>::InvalidServiceDigest);
		}
		ensure!(
			app.services.is_empty() || app.kind == ElementKind::DataProduct,
			Error::<T>::ServicesOnlyForProducts
		);

		// Inputs: each exists, is in force, undisputed, unfrozen, citable, listed once.
		let mut kinds = [false; 4];
		let mut trainable_data = false;
		for (i, input) in app.inputs.iter().enumerate() {
			ensure!(
				!app.inputs.iter().take(i).any(|earlier| earlier == input),
				Error::<T>::DuplicateInput
			);
			let view = T::Certificates::view(*input).ok_or(Error::<T>::UnknownInput)?;
			ensure!(view.status.is_in_force(), Error::<T>::InputNotActive);
			ensure!(view.status != CertificateStatus::Disputed, Error::<T>::InputDisputed);
			ensure!(view.status != CertificateStatus::Frozen, Error::<T>::InputFrozen);
			ensure!(
				T::Certificates::may_cite(*input, applicant),
				Error::<T>::InputNotHeldOrLicensed
			);
			match view.kind {
				ElementKind::DataResource => {
					kinds[0] = true;
					trainable_data |= view.trainable;
				}
				ElementKind::ComputeResource => kinds[1] = true,
				ElementKind::AlgorithmModel => kinds[2] = true,
				ElementKind::DataProduct => {}
			}
		}
		kinds[3] = !app.services.is_empty();

		// Lineage rules of DOMAIN §2.
		match app.kind {
			ElementKind::DataProduct => {
				ensure!(kinds.iter().filter(|k| **k).count() >= 2, Error::<T>::ProductNeedsTwoKinds)
			}
			ElementKind::AlgorithmModel if app.info.acquisition == Acquisition::SelfDeveloped => {
				ensure!(trainable_data, Error::<T>::ModelNeedsTrainableData)
			}
			_ => {}
		}
		T::Certificates::check_lineage(&app.inputs).map_err(Error::<T>::from)?;

		// Duplicates and mutual recognition.
		if let Some((holder, _)) = PendingContent::<T>::get(app.content_digest) {
			ensure!(holder == applicant, Error::<T>::DuplicateContent);
		}
		let mut recognised = None;
		if let Some(existing) = T::Certificates::certificate_by_content(&app.content_digest) {
			let holder = T::Certificates::view(existing).map(|v| v.holder);
			ensure!(holder == Some(applicant), Error::<T>::DuplicateContent);
			ensure!(
				app.prior_registrations
					.iter()
					.any(|p| T::Certificates::certificate_by_number(&p.number) == Some(existing)),
				Error::<T>::UndisclosedPriorRegistration
			);
			recognised = Some(existing);
		}
		Ok(recognised)
	}

	/// The last day of a period of `n` working days starting on `start` (Civil Code counting).
	pub(crate) fn working_period_end(start: Date, n: u16) -> Result<Date, Error<T>> {
		T::Calendar::add_working_days(start, u32::from(n)).ok_or(Error::<T>::DateOutOfRange)
	}

	/// The due date of the timer of a period whose last day is `last_day`: the next day.
	pub(crate) fn due_after(last_day: Date) -> Result<Date, Error<T>> {
		last_day.add_days(1).map_err(|_| Error::<T>::DateOutOfRange)
	}

	/// The active registry's acceptance deadline for a submission today.
	fn acceptance_due(registry: RegistryId, today: Date) -> Result<Date, Error<T>> {
		ensure!(T::Registries::exists(registry), Error::<T>::UnknownRegistry);
		ensure!(T::Registries::is_active(registry), Error::<T>::RegistrySuspended);
		let rules = T::Registries::rules(registry).ok_or(Error::<T>::UnknownRegistry)?;
		Self::working_period_end(today, rules.acceptance_wd)
	}

	/// Index the digests of `app` (content, materials, service descriptions).
	pub(crate) fn index_application(id: ApplicationId, app: &Application) {
		ApplicationsByDigest::<T>::insert(app.content_digest, id, DigestUse::Content);
		for m in app.materials.iter() {
			ApplicationsByDigest::<T>::insert(m.digest, id, DigestUse::Material(m.kind));
		}
		for s in app.services.iter() {
			ApplicationsByDigest::<T>::insert(
				s.description_digest,
				id,
				DigestUse::ServiceDescription,
			);
		}
	}

	/// The digests of the declared services (for events).
	fn service_digests(app: &Application) -> ServiceDigests {
		BoundedVec::truncate_from(app.services.iter().map(|s| s.description_digest).collect())
	}

	/// Count a live application of `applicant` with content `digest`.
	pub(crate) fn add_pending_content(digest: Digest, applicant: SubjectId) {
		PendingContent::<T>::mutate(digest, |entry| match entry {
			Some((_, count)) => *count = count.saturating_add(1),
			None => *entry = Some((applicant, 1)),
		});
	}

	/// Forget one live application with content `digest`.
	pub(crate) fn remove_pending_content(digest: Digest) {
		PendingContent::<T>::mutate_exists(digest, |entry| {
			if let Some((_, count)) = entry {
				*count = count.saturating_sub(1);
				if *count == 0 {
					*entry = None;
				}
			}
		});
	}

	/// Submit a new application; returns its id.
	pub(crate) fn do_submit(
		who: T::AccountId,
		registry: RegistryId,
		application: Application,
	) -> Result<ApplicationId, sp_runtime::DispatchError> {
		let today = T::Calendar::today();
		let acceptance_due = Self::acceptance_due(registry, today)?;
		let applicant = Self::applicant_of(&who)?;
		let recognised = Self::check_application(applicant, &application)?;
		let id = NextApplicationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::TooManyApplications)?;

		NextApplicationId::<T>::put(next);
		Self::index_application(id, &application);
		Self::add_pending_content(application.content_digest, applicant);
		ApplicationsByApplicant::<T>::insert(applicant, id, ());
		let event = Event::Submitted {
			application: id,
			registry,
			applicant,
			kind: application.kind,
			content_digest: application.content_digest,
			materials: application.materials.clone(),
			service_digests: Self::service_digests(&application),
			acceptance_due,
		};
		Applications::<T>::insert(
			id,
			ApplicationRecord {
				registry,
				applicant,
				application,
				status: ApplicationStatus::Submitted,
				submitted_on: today,
				acceptance_due,
				correction_last_day: None,
				reviewer: None,
				notice_start: None,
				notice_last_day: None,
				notice_remaining: None,
				recognised,
				reason_digest: None,
				report_digest: None,
			},
		);
		Self::deposit_event(event);
		if let Some(certificate) = recognised {
			Self::deposit_event(Event::MutualRecognition { application: id, certificate });
		}
		Ok(id)
	}

	/// Replace an application awaiting correction; it is submitted again.
	pub(crate) fn do_amend(
		who: T::AccountId,
		id: ApplicationId,
		application: Application,
	) -> DispatchResult {
		let mut record = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		let caller = T::Subjects::subject_of(&who).ok_or(Error::<T>::NotASubject)?;
		ensure!(caller == record.applicant, Error::<T>::NotApplicant);
		ensure!(record.status == ApplicationStatus::CorrectionRequested, Error::<T>::WrongState);
		let applicant = Self::applicant_of(&who)?;
		let today = T::Calendar::today();
		let acceptance_due = Self::acceptance_due(record.registry, today)?;
		let recognised = Self::check_application(applicant, &application)?;
		// The first write; the timer pallet changes nothing on error.
		T::Calendar::cancel(Self::timer_of(id)).map_err(|_| Error::<T>::TimerFailed)?;

		Self::remove_pending_content(record.application.content_digest);
		Self::add_pending_content(application.content_digest, applicant);
		Self::index_application(id, &application);
		let event = Event::Amended {
			application: id,
			content_digest: application.content_digest,
			materials: application.materials.clone(),
			service_digests: Self::service_digests(&application),
			acceptance_due,
		};
		record.application = application;
		record.status = ApplicationStatus::Submitted;
		record.submitted_on = today;
		record.acceptance_due = acceptance_due;
		record.correction_last_day = None;
		record.recognised = recognised;
		Applications::<T>::insert(id, record);
		Self::deposit_event(event);
		if let Some(certificate) = recognised {
			Self::deposit_event(Event::MutualRecognition { application: id, certificate });
		}
		Ok(())
	}
}
