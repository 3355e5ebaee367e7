//! The logic of each capability of the pallet; the calls in `lib.rs` only check the origin.
//!
//! Every function checks everything before its first write, so an error changes nothing.

pub mod authority;
#[cfg(feature = "runtime-benchmarks")]
pub mod bench_helper;
pub mod disputes;
pub mod expiry;
pub mod inspect;
pub mod issuance;
pub mod lineage;
pub mod requests;

use crate::{pallet::*, types::*};
use doid_primitives::{
	AssetInfo, AssetInfoError, CertificateId, CertificateStatus, Date, Digest, DigestAlgorithm,
	RegistriesInspect, SubjectId, SubjectRole, SubjectsInspect, TimerId, TimerOwner, WorkingDays,
};
use frame_support::ensure;
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	DispatchError,
};

impl<T: Config> Pallet<T> {
	/// The chain's date today.
	pub(crate) fn today() -> Date {
		T::Calendar::today()
	}

	/// The status of `cert` as of `today`: an in-force certificate (other than `Renewing`,
	/// whose timely renewal request keeps it in force) whose last valid day is before `today`
	/// reads `Expired`, even before its expiry timer has fired.
	pub fn effective_status(cert: &Certificate, today: Date) -> CertificateStatus {
		if cert.status.is_in_force()
			&& cert.status != CertificateStatus::Renewing
			&& today > cert.expires_on
		{
			CertificateStatus::Expired
		} else {
			cert.status
		}
	}

	/// The expiry timer of certificate `id` in its `generation`.
	pub fn expiry_timer(id: CertificateId, generation: u16) -> TimerId {
		TimerId::new(TimerOwner::Certificates, (u64::from(generation) << TIMER_ID_BITS) | id)
	}

	/// BLAKE2-256 of the SCALE encoding of `info`, as a digest.
	pub fn info_digest(info: &AssetInfo) -> Digest {
		Digest::new(DigestAlgorithm::Blake2b256, BlakeTwo256::hash_of(info).0)
	}

	/// The stored certificate.
	pub(crate) fn certificate(id: CertificateId) -> Result<Certificate, DispatchError> {
		Certificates::<T>::get(id).ok_or_else(|| Error::<T>::UnknownCertificate.into())
	}

	/// The verified subject of `who`.
	pub(crate) fn caller_subject(who: &T::AccountId) -> Result<SubjectId, DispatchError> {
		let subject = T::Subjects::subject_of(who).ok_or(Error::<T>::NotASubject)?;
		ensure!(T::Subjects::is_verified(subject), Error::<T>::SubjectNotVerified);
		Ok(subject)
	}

	/// Refuse unless `who` is an account of the verified holder of `cert`.
	pub(crate) fn ensure_holder(
		who: &T::AccountId,
		cert: &Certificate,
	) -> Result<(), DispatchError> {
		ensure!(Self::caller_subject(who)? == cert.holder, Error::<T>::NotHolder);
		Ok(())
	}

	/// Refuse unless `who` is an operator of the issuing registry of `cert`.
	pub(crate) fn ensure_operator(
		who: &T::AccountId,
		cert: &Certificate,
	) -> Result<(), DispatchError> {
		ensure!(T::Registries::is_operator(cert.registry, who), Error::<T>::NotOperator);
		Ok(())
	}

	/// Refuse unless `who` is an account of a verified court.
	pub(crate) fn ensure_court(who: &T::AccountId) -> Result<(), DispatchError> {
		let subject = T::Subjects::subject_of(who).ok_or(Error::<T>::NotASubject)?;
		ensure!(T::Subjects::has_role(subject, SubjectRole::Court), Error::<T>::NotCourt);
		Ok(())
	}

	/// Refuse unless the stored status is in force and the validity has not ended.
	pub(crate) fn ensure_in_force(cert: &Certificate, today: Date) -> Result<(), DispatchError> {
		ensure!(cert.status.is_in_force(), Error::<T>::NotInForce);
		ensure!(
			Self::effective_status(cert, today) != CertificateStatus::Expired,
			Error::<T>::CertificateExpired
		);
		Ok(())
	}

	/// Refuse a new request unless the certificate is `Active` as of `today`, with the
	/// specific reason otherwise.
	pub(crate) fn ensure_may_request(cert: &Certificate, today: Date) -> Result<(), DispatchError> {
		Self::ensure_in_force(cert, today)?;
		match cert.status {
			CertificateStatus::Active => Ok(()),
			CertificateStatus::Frozen => Err(Error::<T>::CertificateFrozen.into()),
			CertificateStatus::Disputed => Err(Error::<T>::CertificateDisputed.into()),
			CertificateStatus::Renewing
			| CertificateStatus::TransferPending
			| CertificateStatus::ChangePending
			| CertificateStatus::CancellationPending => Err(Error::<T>::RequestPending.into()),
			_ => Err(Error::<T>::NotActive.into()),
		}
	}

	/// The pending request of `id`, which must be of kind `kind`.
	pub(crate) fn pending_request(
		id: CertificateId,
		kind: RequestKind,
	) -> Result<Request, DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::NoPendingRequest)?;
		ensure!(request.kind() == kind, Error::<T>::WrongRequest);
		Ok(request)
	}

	/// The next version of `cert`.
	pub(crate) fn next_version(cert: &Certificate) -> Result<u32, DispatchError> {
		cert.version.checked_add(1).ok_or_else(|| Error::<T>::Overflow.into())
	}

	/// Write `cert` (whose `version` was already incremented) and its history entry.
	pub(crate) fn commit(
		id: CertificateId,
		cert: &Certificate,
		change: Change,
		by: Actor<T::AccountId>,
		digest: Option<Digest>,
	) {
		let entry = HistoryEntry {
			change,
			status: cert.status,
			on: Self::today(),
			block: frame_system::Pallet::<T>::block_number(),
			by,
			digest,
		};
		History::<T>::insert(id, cert.version, entry);
		Certificates::<T>::insert(id, cert);
	}

	/// Bookkeeping when an in-force certificate reaches a final state: its pending request is
	/// dropped (returned), the holder's in-force count decremented and, unless the timer fired
	/// already (`cancel_timer` false), the expiry timer cancelled.
	pub(crate) fn end_in_force(
		id: CertificateId,
		cert: &Certificate,
		cancel_timer: bool,
	) -> Option<RequestKind> {
		let dropped = Requests::<T>::take(id).map(|r| r.kind());
		InForceCount::<T>::mutate_exists(cert.holder, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
		if cancel_timer {
			// The timer may have fired already (a pending renewal past the old expiry).
			let _ = <T::Calendar as doid_primitives::Timers>::cancel(Self::expiry_timer(
				id,
				cert.timer_generation,
			));
		}
		dropped
	}

	/// Map an [`AssetInfoError`] to this pallet's error.
	pub(crate) fn info_error(e: AssetInfoError) -> Error<T> {
		match e {
			AssetInfoError::Name => Error::<T>::InvalidName,
			AssetInfoError::Industry => Error::<T>::InvalidIndustry,
			AssetInfoError::Scenario => Error::<T>::InvalidScenario,
			AssetInfoError::Source => Error::<T>::InvalidSource,
			AssetInfoError::Format => Error::<T>::InvalidFormat,
			AssetInfoError::Structure => Error::<T>::InvalidStructure,
			AssetInfoError::Scale => Error::<T>::InvalidScale,
			AssetInfoError::ProcessingRules => Error::<T>::InvalidProcessingRules,
			AssetInfoError::NoRights => Error::<T>::NoRights,
		}
	}

	/// Checks of the storage invariants (try-runtime and tests).
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		let mut in_force: BTreeMap<SubjectId, u32> = BTreeMap::new();
		for (id, cert) in Certificates::<T>::iter() {
			ensure!(History::<T>::contains_key(id, cert.version), "history entry missing");
			let pending = matches!(
				cert.status,
				CertificateStatus::Renewing
					| CertificateStatus::ChangePending
					| CertificateStatus::TransferPending
					| CertificateStatus::CancellationPending
			);
			ensure!(
				Requests::<T>::get(id).map(|r| r.kind().pending_status())
					== pending.then_some(cert.status),
				"request and status disagree"
			);
			if cert.status.is_in_force() {
				*in_force.entry(cert.holder).or_default() += 1;
			}
		}
		for (subject, n) in InForceCount::<T>::iter() {
			ensure!(in_force.get(&subject) == Some(&n), "in-force count wrong");
		}
		ensure!(in_force.len() == InForceCount::<T>::iter().count(), "in-force count missing");
		Ok(())
	}
}
