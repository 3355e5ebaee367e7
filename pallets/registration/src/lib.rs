//! # Registration
//!
//! Registration (登记) of data elements on the DOID chain (`DOMAIN.md` §3.1): a verified subject
//! with the data-supplier or data-merchant role applies to register a data resource, compute
//! resource, algorithm model or data product; the registry accepts and formally reviews it, a
//! third-party service agency reviews the substance, the application goes on public notice
//! (公示), and when the notice ends without an open objection the certificate is issued
//! automatically, in the first block of the day after the notice's last day.
//!
//! ## States
//!
//! ```text
//! Submitted ──accept──▶ FormalReview ──pass_formal(reviewer)──▶ SubstantiveReview
//!   │ │ request_correction (also from FormalReview) ──▶ CorrectionRequested ──amend──▶ Submitted
//!   │ │                                                       └─ deadline missed ──▶ Lapsed
//!   │ └─refuse (also from FormalReview, CorrectionRequested) ──▶ Refused
//! SubstantiveReview ──submit_review(pass)──▶ InNotice ──notice ends──▶ Issued(certificate)
//!                   └─submit_review(fail)──▶ Rejected
//! InNotice ◀──resume── Disputed ◀──open_dispute── InNotice;  Disputed ──reject_upheld──▶ Rejected
//! any non-final state ──withdraw──▶ Withdrawn
//! ```
//!
//! ## Deadlines (Civil Code counting, `DOMAIN.md` §4)
//!
//! A period of N working days starting on date D ends on its last day
//! `add_working_days(D, N)` (the N-th working day after D); an act is timely on that day. The
//! timer of the period is due the next calendar day, so it fires in the first block of that day.
//! Registries whose notice counts calendar days (`notice_in_calendar_days`) end it on D + N.
//! Timers use the id `TimerId::new(TimerOwner::Registration, application id)`; only final
//! transitions (lapse, issuance) are timer-driven, so one id per application suffices.
//!
//! - Acceptance: `acceptance_due` = submission date + `acceptance_wd`; overdue applications are
//!   reported by [`Pallet::is_acceptance_overdue`] (no automatic acceptance).
//! - Correction: last day = request date + `correction_wd`; missed → `Lapsed` by timer.
//! - Notice: last day = review date + `notice_wd`; at its end the timer calls
//!   [`doid_primitives::CertificateIssuer::issue`]. If the certificates pallet refuses, the
//!   application becomes `Refused` and [`Event::IssuanceFailed`] carries the reason.
//! - A dispute pauses the notice with the remaining days (working days after today up to the
//!   last day); resuming sets the new last day to today + remaining days.
//!
//! ## Rules enforced on submission and amendment
//!
//! Known and active registry; a verified subject with the data-supplier or data-merchant role;
//! no declared core data; valid descriptive fields; lineage (a data product combines at least two
//! different component kinds, counting inputs' kinds and declared data services; a self-developed
//! algorithm model cites a trainable data resource); every input exists, is in force, not
//! disputed or frozen, held by or licensed to the applicant, listed once and within the lineage
//! bounds; the content digest is not registered to or pending for another subject, and an
//! existing certificate of the applicant with the same content is disclosed among the prior
//! registrations (then linked: mutual recognition).
//!
//! The runtime routes fired timers of [`doid_primitives::TimerOwner::Registration`] to
//! [`Pallet::on_timer`], whose worst-case weight is [`Pallet::on_timer_max_weight`]. The objections
//! pallet drives disputes through [`doid_primitives::ApplicationDisputes`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

// The test modules are named after the pallet so that the workspace test command can select them
// with the filter `registration`.
mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(feature = "runtime-benchmarks")]
#[path = "benchmarking.rs"]
mod registration_benchmarking;
#[cfg(test)]
#[path = "tests.rs"]
mod registration_tests;
pub mod types;
pub mod weights;

pub use doid_primitives::{ApplicationId, ElementKind};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, WeightInfo};
	use doid_primitives::{
		ApplicationId, CertificateId, CertificateIssuer, CertificatesInspect, Date, Digest,
		ElementKind, IssueError, Materials, RegistriesInspect, RegistryId, SubjectId,
		SubjectsInspect, Timers, WorkingDays,
	};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// The registries (existence, status, operators, rules).
		type Registries: RegistriesInspect<Self::AccountId>;
		/// The subjects (verification, roles, accounts).
		type Subjects: SubjectsInspect<Self::AccountId>;
		/// The working-day calendar and its timers.
		type Calendar: WorkingDays + Timers;
		/// The certificates: inputs, duplicates and issuance.
		type Certificates: CertificatesInspect + CertificateIssuer;
		/// Weights of this pallet's calls and timer handler.
		type WeightInfo: WeightInfo;
		/// Creates registries in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkRegistries: doid_primitives::RegistriesBenchmarkHelper<Self::AccountId>;
		/// Creates verified subjects in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkSubjects: doid_primitives::SubjectsBenchmarkHelper<Self::AccountId>;
		/// Creates certificates in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkCertificates: doid_primitives::CertificatesBenchmarkHelper;
	}

	/// Default of [`NextApplicationId`]: applications are numbered from 1.
	#[pallet::type_value]
	pub fn FirstApplicationId() -> ApplicationId {
		1
	}

	/// The applications by id (kept after they reach a final state, for history).
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Twox64Concat, ApplicationId, ApplicationRecord, OptionQuery>;

	/// The id the next application gets; starts at 1.
	#[pallet::storage]
	pub type NextApplicationId<T: Config> =
		StorageValue<_, ApplicationId, ValueQuery, FirstApplicationId>;

	/// Applications by applicant subject.
	#[pallet::storage]
	pub type ApplicationsByApplicant<T: Config> =
		StorageDoubleMap<_, Twox64Concat, SubjectId, Twox64Concat, ApplicationId, (), OptionQuery>;

	/// Every digest that appeared in an application (content, materials, service descriptions,
	/// review report, correction and refusal reasons, upheld decisions) → the application and the
	/// role of the digest there. Entries are never removed (history for courts).
	#[pallet::storage]
	pub type ApplicationsByDigest<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Digest,
		Twox64Concat,
		ApplicationId,
		DigestUse,
		OptionQuery,
	>;

	/// Content digests of live (not final) applications → the applicant and how many of its
	/// live applications carry the digest. Another applicant cannot apply with the same content.
	#[pallet::storage]
	pub type PendingContent<T: Config> =
		StorageMap<_, Blake2_128Concat, Digest, (SubjectId, u32), OptionQuery>;

	/// The current public notices (登记公示): applications in notice → last day of the notice.
	/// Removed when the application leaves the notice (issued, disputed, withdrawn).
	#[pallet::storage]
	pub type CurrentNotices<T: Config> =
		StorageMap<_, Twox64Concat, ApplicationId, Date, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Subject `applicant` applied to `registry`; acceptance is due by `acceptance_due`.
		Submitted {
			application: ApplicationId,
			registry: RegistryId,
			applicant: SubjectId,
			kind: ElementKind,
			content_digest: Digest,
			materials: Materials,
			service_digests: ServiceDigests,
			acceptance_due: Date,
		},
		/// The application was linked to an existing, disclosed certificate of the applicant with
		/// the same content (mutual recognition, 互认).
		MutualRecognition { application: ApplicationId, certificate: CertificateId },
		/// The registry accepted the application (受理); `overdue` if after the acceptance period.
		Accepted { application: ApplicationId, overdue: bool },
		/// The registry asked for a correction, to be made by `last_day` inclusive.
		CorrectionRequested { application: ApplicationId, reason_digest: Digest, last_day: Date },
		/// The applicant corrected the application; it is submitted again.
		Amended {
			application: ApplicationId,
			content_digest: Digest,
			materials: Materials,
			service_digests: ServiceDigests,
			acceptance_due: Date,
		},
		/// The registry refused the application.
		Refused { application: ApplicationId, reason_digest: Digest },
		/// The formal review passed; `reviewer` reviews the substance.
		FormalReviewPassed { application: ApplicationId, reviewer: SubjectId },
		/// The substantive review passed; the notice runs from `notice_start` (not counted) to
		/// `notice_last_day` inclusive.
		ReviewPassed {
			application: ApplicationId,
			reviewer: SubjectId,
			report_digest: Digest,
			notice_start: Date,
			notice_last_day: Date,
		},
		/// The substantive review failed: the application is rejected.
		ReviewFailed { application: ApplicationId, reviewer: SubjectId, report_digest: Digest },
		/// The applicant withdrew the application.
		Withdrawn { application: ApplicationId },
		/// The correction deadline passed: the application lapsed.
		Lapsed { application: ApplicationId },
		/// The notice ended without an open objection: `certificate` was issued.
		CertificateIssued { application: ApplicationId, certificate: CertificateId },
		/// The notice ended but the certificates pallet refused to issue: the application is
		/// refused.
		IssuanceFailed { application: ApplicationId, error: IssueError },
		/// An objection was accepted: the notice is paused with `remaining` days left.
		NoticePaused { application: ApplicationId, remaining: u32 },
		/// The objection was dismissed: the notice runs again until `notice_last_day`.
		NoticeResumed { application: ApplicationId, notice_last_day: Date },
		/// The objection was upheld: the application is rejected.
		RejectedUpheld { application: ApplicationId, decision_digest: Digest },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No registry has this id.
		UnknownRegistry,
		/// The registry is suspended and accepts no new applications.
		RegistrySuspended,
		/// The caller's account belongs to no subject.
		NotASubject,
		/// The caller's subject is not verified (pending, suspended, rejected or deregistered).
		NotVerified,
		/// The caller's subject has neither the data-supplier nor the data-merchant role.
		NotSupplierOrMerchant,
		/// The application declares core data (核心数据), which may not be registered.
		CoreDataDeclared,
		/// The name is empty, not UTF-8 or contains control characters (max 128 bytes).
		InvalidName,
		/// The industry is not a GB/T 4754-2017 section letter `A`..=`T`.
		InvalidIndustry,
		/// The application scenario is empty or not valid text (max 512 bytes).
		InvalidScenario,
		/// The data source description is empty or not valid text (max 512 bytes).
		InvalidSource,
		/// The format is not valid text (max 64 bytes, one line).
		InvalidFormat,
		/// The structure description is not valid text (max 512 bytes).
		InvalidStructure,
		/// The scale is not valid text (max 64 bytes, one line).
		InvalidScale,
		/// The processing rules are not valid text (max 512 bytes).
		InvalidProcessingRules,
		/// No right is registered.
		NoRights,
		/// The content digest is all zeros.
		InvalidContentDigest,
		/// A material digest is all zeros.
		InvalidMaterialDigest,
		/// A data-service name is empty, not UTF-8 or contains control characters (max 128
		/// bytes).
		InvalidServiceName,
		/// A data-service description digest is all zeros.
		InvalidServiceDigest,
		/// Data services may only be declared by a data product.
		ServicesOnlyForProducts,
		/// A data product needs components of at least two different kinds (inputs' kinds and
		/// declared data services).
		ProductNeedsTwoKinds,
		/// A self-developed algorithm model must cite at least one trainable data resource.
		ModelNeedsTrainableData,
		/// An input certificate does not exist.
		UnknownInput,
		/// An input certificate is listed twice.
		DuplicateInput,
		/// An input certificate is not in force (revoked, expired, cancelled or invalid).
		InputNotActive,
		/// An input certificate is disputed.
		InputDisputed,
		/// An input certificate is frozen by a court.
		InputFrozen,
		/// An input certificate is neither held by nor licensed to the applicant.
		InputNotHeldOrLicensed,
		/// The lineage would be deeper than allowed.
		LineageTooDeep,
		/// The lineage would have too many distinct ancestors.
		TooManyAncestors,
		/// The content is registered to, or pending for, another subject.
		DuplicateContent,
		/// The applicant holds a certificate with this content that is not disclosed among the
		/// prior registrations.
		UndisclosedPriorRegistration,
		/// No application has this id.
		UnknownApplication,
		/// The caller is not an operator of the application's registry.
		NotOperator,
		/// The caller is not (an account of) the applicant.
		NotApplicant,
		/// The caller is not (an account of) the appointed reviewer.
		NotReviewer,
		/// The application's state does not allow this step.
		WrongState,
		/// The reason digest is all zeros.
		InvalidReasonDigest,
		/// The report digest is all zeros.
		InvalidReportDigest,
		/// The reviewer is not a verified subject.
		ReviewerNotVerified,
		/// The reviewer does not have the service-agency role.
		ReviewerNotServiceAgency,
		/// The reviewer is the applicant or shares an account with it.
		ReviewerConflict,
		/// A deadline is outside the calendar's range.
		DateOutOfRange,
		/// The deadline timer could not be scheduled or cancelled.
		TimerFailed,
		/// No application ids are left.
		TooManyApplications,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Apply to `registry` to register a data element.
		///
		/// Origin: an account of a verified subject with the data-supplier or data-merchant role.
		/// The registry must exist and be active; every rule of the pallet documentation is
		/// checked. Charged for the inputs and materials it carries.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit(
			(application.inputs.len() as u32).max(1),
			application.materials.len() as u32,
		))]
		pub fn submit(
			origin: OriginFor<T>,
			registry: RegistryId,
			application: Application,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit(who, registry, application).map(|_| ())
		}

		/// Accept (受理) submitted application `id`: it goes to formal review.
		///
		/// Origin: an operator of the application's registry.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::accept())]
		pub fn accept(origin: OriginFor<T>, id: ApplicationId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept(who, id)
		}

		/// Ask the applicant to correct (补正) application `id` (submitted or in formal review)
		/// within the registry's correction period; `reason_digest` is the digest of the reasons.
		///
		/// Origin: an operator of the application's registry.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::request_correction())]
		pub fn request_correction(
			origin: OriginFor<T>,
			id: ApplicationId,
			reason_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_correction(who, id, reason_digest)
		}

		/// Refuse application `id` (submitted, in formal review or awaiting correction);
		/// `reason_digest` is the digest of the reasons.
		///
		/// Origin: an operator of the application's registry.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::refuse())]
		pub fn refuse(
			origin: OriginFor<T>,
			id: ApplicationId,
			reason_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_refuse(who, id, reason_digest)
		}

		/// Pass the formal review of application `id` and appoint `reviewer` (a verified service
		/// agency, neither the applicant nor sharing an account with it) for the substantive
		/// review.
		///
		/// Origin: an operator of the application's registry.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::pass_formal())]
		pub fn pass_formal(
			origin: OriginFor<T>,
			id: ApplicationId,
			reviewer: SubjectId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pass_formal(who, id, reviewer)
		}

		/// Give the substantive review verdict on application `id`: `passed` starts the public
		/// notice, otherwise the application is rejected. `report_digest` is the digest of the
		/// review report.
		///
		/// Origin: an account of the appointed reviewer subject.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::submit_review())]
		pub fn submit_review(
			origin: OriginFor<T>,
			id: ApplicationId,
			passed: bool,
			report_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_review(who, id, passed, report_digest)
		}

		/// Replace application `id`, awaiting correction, by the corrected `application`; it is
		/// submitted again and checked like a new one.
		///
		/// Origin: an account of the applicant (verified, data supplier or merchant).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::amend())]
		pub fn amend(
			origin: OriginFor<T>,
			id: ApplicationId,
			application: Application,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_amend(who, id, application)
		}

		/// Withdraw application `id` (any state before a final one).
		///
		/// Origin: an account of the applicant.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, id: ApplicationId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, id)
		}
	}
}
