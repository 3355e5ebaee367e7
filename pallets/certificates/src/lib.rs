//! # Certificates
//!
//! The certificates (登记凭证, DOID) of the DOID chain (`DOMAIN.md` §3.2): what holders trade,
//! pledge and show in court. Their state is always exact and verifiable.
//!
//! ## Issuance
//!
//! The registration pallet calls [`CertificateIssuer::issue`] at the end of a notice period. The
//! certificate gets
//! - the DOID `{root}.2.{registry arc}.{kind arc}.{serial}` (serial per (registry, kind), from 1);
//! - the registration number `{PREFIX}{YYYY}{8-digit serial}{MOD 37,36 check}` (serial per
//!   (registry, issue year), from 1);
//! - issue date = today (the calendar), and **expiry date = issue date + `validity_days` − 1**:
//!   `expires_on` is the *last valid day* (inclusive). Renewal extends it by `validity_days` from
//!   the old `expires_on`. The expiry timer is due on `expires_on + 1`, so it fires in the first
//!   block of the day after the last valid day;
//! - its lineage: the set of its ancestors (inputs and their ancestors, deduplicated, at most
//!   [`MAX_ANCESTORS`]) is stored in [`Ancestors`], its depth (at most [`MAX_LINEAGE_DEPTH`]) in
//!   the record. Verification reads the ancestors' statuses: revoking an input never writes to
//!   derived certificates.
//!
//! ## Operations
//!
//! Holder (an account of the verified holder subject), each answered by an operator of the
//! issuing registry: [`Pallet::request_renewal`] / [`Pallet::approve_renewal`],
//! [`Pallet::request_change`] / [`Pallet::approve_change`], [`Pallet::request_transfer`] /
//! [`Pallet::accept_transfer`] (new holder) / [`Pallet::approve_transfer`],
//! [`Pallet::request_cancellation`] / [`Pallet::approve_cancellation`]. A pending request may be
//! withdrawn by the holder ([`Pallet::withdraw_request`]) or rejected by the registry
//! ([`Pallet::reject_request`]). Requests start only from `Active`; one at a time.
//! [`Pallet::grant_licence`] / [`Pallet::revoke_licence`] manage licences (许可).
//!
//! Registry operators: [`Pallet::revoke`] (fraud), [`Pallet::invalidate`]. Courts (subjects with
//! [`SubjectRole::Court`]): [`Pallet::revoke_by_court`], [`Pallet::freeze`],
//! [`Pallet::unfreeze`].
//!
//! ## Conventions
//!
//! - **Freezing** is allowed from `Active` and from any pending-request state; the pending
//!   request (renewal, change, transfer or cancellation) is dropped and recorded in the history.
//!   A `Disputed` certificate cannot be frozen ([`Error::CertificateDisputed`]): the court rules
//!   on it with [`Pallet::revoke_by_court`], or the objection runs its course. Nor can a
//!   certificate whose renewal is pending past its old expiry ([`Error::RequestPending`]): the
//!   pending renewal is all that keeps it in force, so the registry decides it first. Unfreezing returns
//!   to `Active` (or `Expired` if the validity ended meanwhile). While frozen no request and no
//!   licence change is possible.
//! - **Expiry**: the timer expires every in-force certificate except a `Renewing` one (a timely
//!   renewal request keeps it in force until the registry decides; if the renewal is then
//!   withdrawn or rejected after the old expiry, it becomes `Expired` at that moment). A frozen
//!   or disputed certificate expires too (a freeze does not extend validity). A pending change,
//!   transfer or cancellation is dropped at expiry.
//! - Every change (requests included) increments `version` and writes a [`History`] entry
//!   `(id, version)`: what changed, status after, date, block, who, digest.
//! - **Effective status**: an in-force certificate other than `Renewing` whose `expires_on` is
//!   before today reads `Expired` even before its timer has fired ([`Pallet::effective_status`]);
//!   such a certificate accepts no request or approval.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

// The test modules' names contain `certificates` so that a workspace test run can select them
// with the filter `certificates`.
#[cfg(feature = "runtime-benchmarks")]
#[path = "benchmarking.rs"]
mod certificates_benchmarking;
#[cfg(test)]
#[path = "tests.rs"]
mod certificates_tests;
mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod types;
pub mod weights;

pub use doid_primitives::{
	CertificateId, CertificateStatus, SubjectRole, MAX_ANCESTORS, MAX_LINEAGE_DEPTH,
};
#[cfg(feature = "runtime-benchmarks")]
pub use features::bench_helper::BenchmarkHelper;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, WeightInfo};
	use doid_primitives::{
		AssetInfo, CertificateId, CertificateStatus, Date, Digest, ElementKind, Oid,
		RegistrationNumber, RegistriesInspect, RegistryId, SubjectId, SubjectsInspect, Timers,
		WorkingDays, MAX_ANCESTORS,
	};
	use frame_support::{pallet_prelude::*, BoundedVec};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// A history entry as stored.
	pub type HistoryEntryOf<T> =
		HistoryEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// The ancestors of a certificate.
	pub type AncestorSet = BoundedVec<CertificateId, ConstU32<MAX_ANCESTORS>>;

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// The registries (operators, rules, OID arcs and root, number prefixes).
		type Registries: RegistriesInspect<Self::AccountId>;
		/// The subjects (accounts, verification, roles, OIDs).
		type Subjects: SubjectsInspect<Self::AccountId>;
		/// The calendar: today's date and the expiry timers.
		type Calendar: WorkingDays + Timers;
		/// Most licences one certificate may carry at a time.
		#[pallet::constant]
		type MaxLicences: Get<u32>;
		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
		/// Creates registries and verified subjects in benchmarks: `(Registries, Subjects)`.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Default of the id counters: numbering starts at 1.
	#[pallet::type_value]
	pub fn StartAtOne() -> u64 {
		1
	}

	/// Default of the registration number serials: numbering starts at 1.
	#[pallet::type_value]
	pub fn SerialStartAtOne() -> u32 {
		1
	}

	/// The certificates by id (kept forever, in every state).
	#[pallet::storage]
	pub type Certificates<T: Config> = StorageMap<_, Twox64Concat, CertificateId, Certificate>;

	/// The version history: `(certificate, version)` → what changed.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CertificateId, Twox64Concat, u32, HistoryEntryOf<T>>;

	/// The ancestors of each certificate with inputs (deduplicated, sorted).
	#[pallet::storage]
	pub type Ancestors<T: Config> = StorageMap<_, Twox64Concat, CertificateId, AncestorSet>;

	/// The reverse lineage index: `(input, derived)` for every certificate issued with `input`
	/// among its inputs (at most `MAX_INPUTS` entries per certificate).
	#[pallet::storage]
	pub type Derivatives<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CertificateId, Twox64Concat, CertificateId, ()>;

	/// The pending request of a certificate.
	#[pallet::storage]
	pub type Requests<T: Config> = StorageMap<_, Twox64Concat, CertificateId, Request>;

	/// The licences of a certificate.
	#[pallet::storage]
	pub type Licences<T: Config> =
		StorageMap<_, Twox64Concat, CertificateId, BoundedVec<Licence, T::MaxLicences>, ValueQuery>;

	/// Certificate by DOID.
	#[pallet::storage]
	pub type CertificateByDoid<T: Config> = StorageMap<_, Blake2_128Concat, Oid, CertificateId>;

	/// Certificate by registration number.
	#[pallet::storage]
	pub type CertificateByNumber<T: Config> =
		StorageMap<_, Blake2_128Concat, RegistrationNumber, CertificateId>;

	/// Certificates by holder (every certificate the subject holds or held last, any state).
	#[pallet::storage]
	pub type CertificatesByHolder<T: Config> =
		StorageDoubleMap<_, Twox64Concat, SubjectId, Twox64Concat, CertificateId, ()>;

	/// Number of in-force certificates each subject holds (blocks deregistration).
	#[pallet::storage]
	pub type InForceCount<T: Config> = StorageMap<_, Twox64Concat, SubjectId, u32, ValueQuery>;

	/// Certificates by content digest (several registries may register the same content).
	#[pallet::storage]
	pub type CertificatesByContent<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Digest, Twox64Concat, CertificateId, ()>;

	/// Number of certificates per content digest (at most [`MAX_CERTIFICATES_PER_DIGEST`]).
	#[pallet::storage]
	pub type ContentCount<T: Config> = StorageMap<_, Blake2_128Concat, Digest, u32, ValueQuery>;

	/// Certificates by material digest (from a document to the certificate).
	#[pallet::storage]
	pub type CertificatesByMaterial<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Digest, Twox64Concat, CertificateId, ()>;

	/// Number of certificates per material digest (at most [`MAX_CERTIFICATES_PER_DIGEST`]).
	#[pallet::storage]
	pub type MaterialCount<T: Config> = StorageMap<_, Blake2_128Concat, Digest, u32, ValueQuery>;

	/// The id the next certificate gets; starts at 1.
	#[pallet::storage]
	pub type NextCertificateId<T: Config> = StorageValue<_, CertificateId, ValueQuery, StartAtOne>;

	/// The next DOID serial per (registry, element kind); starts at 1.
	#[pallet::storage]
	pub type NextDoidSerial<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RegistryId,
		Twox64Concat,
		ElementKind,
		u64,
		ValueQuery,
		StartAtOne,
	>;

	/// The next registration number serial per (registry, year); starts at 1.
	#[pallet::storage]
	pub type NextNumberSerial<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RegistryId,
		Twox64Concat,
		u16,
		u32,
		ValueQuery,
		SerialStartAtOne,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Certificate `id` was issued to `holder`, valid up to and including `expires_on`.
		Issued {
			id: CertificateId,
			registry: RegistryId,
			holder: SubjectId,
			kind: ElementKind,
			doid: Oid,
			number: RegistrationNumber,
			content_digest: Digest,
			expires_on: Date,
		},
		/// The holder requested renewal.
		RenewalRequested { id: CertificateId },
		/// The registry renewed the certificate; it is now valid up to `expires_on`.
		Renewed { id: CertificateId, previous: Date, expires_on: Date, version: u32 },
		/// The holder requested changing the information; `info_digest` is the BLAKE2-256 of
		/// the SCALE-encoded new information.
		ChangeRequested { id: CertificateId, info_digest: Digest },
		/// The registry approved the change of information.
		InfoChanged { id: CertificateId, info_digest: Digest, version: u32 },
		/// The holder requested a transfer to `to`.
		TransferRequested { id: CertificateId, from: SubjectId, to: SubjectId },
		/// The new holder accepted the transfer.
		TransferAccepted { id: CertificateId, to: SubjectId },
		/// The registry approved the transfer: `to` is the holder now.
		Transferred { id: CertificateId, from: SubjectId, to: SubjectId, version: u32 },
		/// The holder licensed `grantee` up to and including `until`.
		LicenceGranted { id: CertificateId, grantee: SubjectId, until: Date },
		/// The holder revoked the licence of `grantee`.
		LicenceRevoked { id: CertificateId, grantee: SubjectId },
		/// The holder requested cancellation.
		CancellationRequested { id: CertificateId },
		/// The registry approved the cancellation.
		Cancelled { id: CertificateId, version: u32 },
		/// The holder withdrew the pending request; the certificate is `status` now.
		RequestWithdrawn { id: CertificateId, request: RequestKind, status: CertificateStatus },
		/// The registry rejected the pending request with the digest of its reasons.
		RequestRejected {
			id: CertificateId,
			request: RequestKind,
			reason_digest: Digest,
			status: CertificateStatus,
		},
		/// The registry revoked the certificate (fraud), with the digest of its reasons.
		Revoked { id: CertificateId, reason_digest: Digest },
		/// The registry made the certificate invalid, with the digest of its reasons.
		Invalidated { id: CertificateId, reason_digest: Digest },
		/// A court revoked the certificate, with the digest of its ruling.
		RevokedByCourt { id: CertificateId, ruling_digest: Digest },
		/// An upheld objection revoked the certificate, with the digest of the decision.
		RevokedUpheld { id: CertificateId, decision_digest: Digest },
		/// A court froze the certificate; a pending request of kind `dropped` was dropped.
		Frozen { id: CertificateId, ruling_digest: Digest, dropped: Option<RequestKind> },
		/// A court unfroze the certificate; it is `status` now.
		Unfrozen { id: CertificateId, ruling_digest: Digest, status: CertificateStatus },
		/// An objection against the certificate was accepted.
		Disputed { id: CertificateId },
		/// The objection was dismissed or withdrawn: the certificate is active again.
		Restored { id: CertificateId },
		/// The validity ended; a pending request of kind `dropped` was dropped.
		Expired { id: CertificateId, dropped: Option<RequestKind> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No certificate has this id.
		UnknownCertificate,
		/// The caller's account belongs to no subject.
		NotASubject,
		/// The caller's subject is not verified (pending, suspended or deregistered).
		SubjectNotVerified,
		/// The caller's subject is not the holder.
		NotHolder,
		/// The caller is not an operator of the issuing registry.
		NotOperator,
		/// The caller's subject is not a verified court.
		NotCourt,
		/// The issuing registry no longer exists.
		UnknownRegistry,
		/// The certificate is not active (another request is pending, or it is disputed,
		/// frozen or no longer in force).
		NotActive,
		/// The certificate is frozen by a court.
		CertificateFrozen,
		/// The certificate is disputed.
		CertificateDisputed,
		/// The certificate is no longer in force (revoked, expired, cancelled or invalid).
		NotInForce,
		/// The validity has ended (the expiry is being processed).
		CertificateExpired,
		/// The renewal window has not opened yet.
		RenewalWindowNotOpen,
		/// The renewal window has closed (the validity has ended).
		RenewalWindowClosed,
		/// The certificate is not frozen.
		NotFrozen,
		/// No request is pending.
		NoPendingRequest,
		/// The pending request is of another kind.
		WrongRequest,
		/// A request is pending; it must be decided or withdrawn first.
		RequestPending,
		/// The new information is identical to the current one.
		NoChange,
		/// The name is empty, not UTF-8 or contains control characters.
		InvalidName,
		/// The industry is not a GB/T 4754-2017 section letter `A`..=`T`.
		InvalidIndustry,
		/// The application scenario is empty or not valid text.
		InvalidScenario,
		/// The data source description is empty or not valid text.
		InvalidSource,
		/// The format is not valid text.
		InvalidFormat,
		/// The structure description is not valid text.
		InvalidStructure,
		/// The scale is not valid text.
		InvalidScale,
		/// The processing rules are not valid text.
		InvalidProcessingRules,
		/// No right is registered.
		NoRights,
		/// The new holder is the current holder.
		SameHolder,
		/// The new holder is not a verified subject.
		NewHolderNotVerified,
		/// The caller's subject is not the new holder of the pending transfer.
		NotNewHolder,
		/// The new holder has already accepted.
		AlreadyAccepted,
		/// The new holder has not accepted the transfer yet.
		TransferNotAccepted,
		/// The grantee is the holder.
		CannotLicenceHolder,
		/// The grantee is not a verified subject.
		GranteeNotVerified,
		/// The licence would end before today.
		LicenceEndsInPast,
		/// The certificate already has `MaxLicences` licences in force.
		TooManyLicences,
		/// The subject holds no licence of this certificate.
		NoSuchLicence,
		/// The extended validity is out of the calendar's range.
		ExpiryOutOfRange,
		/// The expiry timer could not be scheduled.
		TimerUnavailable,
		/// The version or a counter would overflow.
		Overflow,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Request renewal (续展) of certificate `id`; only inside the renewal window (the last
		/// `renewal_window_days` days of validity).
		///
		/// Origin: an account of the verified holder.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::request_renewal())]
		pub fn request_renewal(origin: OriginFor<T>, id: CertificateId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_renewal(who, id)
		}

		/// Approve the pending renewal of `id`: validity is extended by `validity_days` from the
		/// old expiry date, and the expiry timer rescheduled.
		///
		/// Origin: an operator of the issuing registry.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::approve_renewal())]
		pub fn approve_renewal(origin: OriginFor<T>, id: CertificateId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve_renewal(who, id)
		}

		/// Request changing the descriptive information (变更) of `id` to `info`.
		///
		/// Origin: an account of the verified holder.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::request_change())]
		pub fn request_change(
			origin: OriginFor<T>,
			id: CertificateId,
			info: AssetInfo,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_change(who, id, info)
		}

		/// Approve the pending change of information of `id`.
		///
		/// Origin: an operator of the issuing registry.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::approve_change())]
		pub fn approve_change(origin: OriginFor<T>, id: CertificateId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve_change(who, id)
		}

		/// Request transferring (转移) `id` to `new_holder`, who must accept before the registry
		/// approves.
		///
		/// Origin: an account of the verified holder.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::request_transfer())]
		pub fn request_transfer(
			origin: OriginFor<T>,
			id: CertificateId,
			new_holder: SubjectId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_transfer(who, id, new_holder)
		}

		/// Accept the pending transfer of `id`.
		///
		/// Origin: an account of the verified new holder.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::accept_transfer())]
		pub fn accept_transfer(origin: OriginFor<T>, id: CertificateId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_transfer(who, id)
		}

		/// Approve the accepted transfer of `id`: the new holder holds it from now on.
		///
		/// Origin: an operator of the issuing registry.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::approve_transfer())]
		pub fn approve_transfer(origin: OriginFor<T>, id: CertificateId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve_transfer(who, id)
		}

		/// Licence (许可) `grantee` to cite `id` as a lineage input up to and including `until`
		/// (granting again changes the end date). Expired licences are pruned.
		///
		/// Origin: an account of the verified holder.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::grant_licence(T::MaxLicences::get()))]
		pub fn grant_licence(
			origin: OriginFor<T>,
			id: CertificateId,
			grantee: SubjectId,
			until: Date,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_grant_licence(who, id, grantee, until)
		}

		/// Revoke the licence of `grantee` on `id`.
		///
		/// Origin: an account of the verified holder.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::revoke_licence(T::MaxLicences::get()))]
		pub fn revoke_licence(
			origin: OriginFor<T>,
			id: CertificateId,
			grantee: SubjectId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_licence(who, id, grantee)
		}

		/// Request voluntary cancellation (注销) of `id`.
		///
		/// Origin: an account of the verified holder.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::request_cancellation())]
		pub fn request_cancellation(origin: OriginFor<T>, id: CertificateId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_cancellation(who, id)
		}

		/// Approve the pending cancellation of `id`: it is `Cancelled` (final).
		///
		/// Origin: an operator of the issuing registry.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::approve_cancellation())]
		pub fn approve_cancellation(origin: OriginFor<T>, id: CertificateId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve_cancellation(who, id)
		}

		/// Withdraw the pending request of `id` (back to `Active`, or `Expired` if a renewal
		/// was pending past the old expiry).
		///
		/// Origin: an account of the verified holder.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::withdraw_request())]
		pub fn withdraw_request(origin: OriginFor<T>, id: CertificateId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_request(who, id)
		}

		/// Reject the pending request of `id`; `reason_digest` is the digest of the reasons
		/// (back to `Active`, or `Expired` if a renewal was pending past the old expiry).
		///
		/// Origin: an operator of the issuing registry.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::reject_request())]
		pub fn reject_request(
			origin: OriginFor<T>,
			id: CertificateId,
			reason_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_request(who, id, reason_digest)
		}

		/// Revoke (撤销) in-force certificate `id` for fraud; `reason_digest` is the digest of
		/// the reasons. Final.
		///
		/// Origin: an operator of the issuing registry.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			id: CertificateId,
			reason_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_registry_end(who, id, reason_digest, false)
		}

		/// Make in-force certificate `id` invalid (已失效) under the registry's rules;
		/// `reason_digest` is the digest of the reasons. Final.
		///
		/// Origin: an operator of the issuing registry.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::invalidate())]
		pub fn invalidate(
			origin: OriginFor<T>,
			id: CertificateId,
			reason_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_registry_end(who, id, reason_digest, true)
		}

		/// Revoke in-force certificate `id` by a court ruling; `ruling_digest` is the digest of
		/// the ruling. Final.
		///
		/// Origin: an account of a verified subject with the court role.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::revoke_by_court())]
		pub fn revoke_by_court(
			origin: OriginFor<T>,
			id: CertificateId,
			ruling_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_by_court(who, id, ruling_digest)
		}

		/// Freeze (司法冻结) `id` by a court ruling; a pending request is dropped. A frozen
		/// certificate cannot be transferred, changed, cancelled or licensed.
		///
		/// Origin: an account of a verified subject with the court role.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(
			origin: OriginFor<T>,
			id: CertificateId,
			ruling_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_freeze(who, id, ruling_digest)
		}

		/// Unfreeze frozen `id` by a court ruling: back to `Active` (or `Expired` if its
		/// validity ended meanwhile).
		///
		/// Origin: an account of a verified subject with the court role.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(
			origin: OriginFor<T>,
			id: CertificateId,
			ruling_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unfreeze(who, id, ruling_digest)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
