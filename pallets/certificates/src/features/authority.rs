//! Acts of the registry (revocation for fraud, invalidation) and of courts (revocation,
//! judicial freeze and unfreeze).

use crate::{pallet::*, types::*};
use doid_primitives::{CertificateId, CertificateStatus, Digest};
use frame_support::ensure;
use sp_runtime::{DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Move in-force `cert` to final `status`, dropping its request, cancelling its timer and
	/// recording `change`.
	pub(crate) fn finalise(
		id: CertificateId,
		mut cert: Certificate,
		status: CertificateStatus,
		change: Change,
		by: Actor<T::AccountId>,
		digest: Option<Digest>,
	) -> Result<(), DispatchError> {
		ensure!(cert.status.is_in_force(), Error::<T>::NotInForce);
		let version = Self::next_version(&cert)?;
		Self::end_in_force(id, &cert, true);
		cert.version = version;
		cert.status = status;
		Self::commit(id, &cert, change, by, digest);
		Ok(())
	}

	pub(crate) fn do_registry_end(
		who: T::AccountId,
		id: CertificateId,
		reason_digest: Digest,
		invalidate: bool,
	) -> DispatchResult {
		let cert = Self::certificate(id)?;
		Self::ensure_operator(&who, &cert)?;
		if invalidate {
			Self::finalise(
				id,
				cert,
				CertificateStatus::Invalid,
				Change::Invalidated,
				Actor::Account(who),
				Some(reason_digest),
			)?;
			Self::deposit_event(Event::Invalidated { id, reason_digest });
		} else {
			Self::finalise(
				id,
				cert,
				CertificateStatus::Revoked,
				Change::Revoked,
				Actor::Account(who),
				Some(reason_digest),
			)?;
			Self::deposit_event(Event::Revoked { id, reason_digest });
		}
		Ok(())
	}

	pub(crate) fn do_revoke_by_court(
		who: T::AccountId,
		id: CertificateId,
		ruling_digest: Digest,
	) -> DispatchResult {
		Self::ensure_court(&who)?;
		let cert = Self::certificate(id)?;
		Self::finalise(
			id,
			cert,
			CertificateStatus::Revoked,
			Change::RevokedByCourt,
			Actor::Account(who),
			Some(ruling_digest),
		)?;
		Self::deposit_event(Event::RevokedByCourt { id, ruling_digest });
		Ok(())
	}

	pub(crate) fn do_freeze(
		who: T::AccountId,
		id: CertificateId,
		ruling_digest: Digest,
	) -> DispatchResult {
		Self::ensure_court(&who)?;
		let mut cert = Self::certificate(id)?;
		let today = Self::today();
		Self::ensure_in_force(&cert, today)?;
		match cert.status {
			CertificateStatus::Frozen => return Err(Error::<T>::CertificateFrozen.into()),
			CertificateStatus::Disputed => return Err(Error::<T>::CertificateDisputed.into()),
			// Only the pending renewal keeps it in force (its expiry timer has fired):
			// dropping it would leave a frozen certificate without validity. The registry
			// decides the renewal first (or the court revokes).
			CertificateStatus::Renewing if today > cert.expires_on => {
				return Err(Error::<T>::RequestPending.into())
			}
			_ => {}
		}
		cert.version = Self::next_version(&cert)?;
		let dropped = Requests::<T>::take(id).map(|r| r.kind());
		cert.status = CertificateStatus::Frozen;
		Self::commit(
			id,
			&cert,
			Change::Frozen { dropped },
			Actor::Account(who),
			Some(ruling_digest),
		);
		Self::deposit_event(Event::Frozen { id, ruling_digest, dropped });
		Ok(())
	}

	pub(crate) fn do_unfreeze(
		who: T::AccountId,
		id: CertificateId,
		ruling_digest: Digest,
	) -> DispatchResult {
		Self::ensure_court(&who)?;
		let mut cert = Self::certificate(id)?;
		ensure!(cert.status == CertificateStatus::Frozen, Error::<T>::NotFrozen);
		let version = Self::next_version(&cert)?;
		let status = if Self::today() > cert.expires_on {
			// The validity ended while frozen and the timer has not been processed yet.
			Self::end_in_force(id, &cert, false);
			CertificateStatus::Expired
		} else {
			CertificateStatus::Active
		};
		cert.version = version;
		cert.status = status;
		Self::commit(id, &cert, Change::Unfrozen, Actor::Account(who), Some(ruling_digest));
		Self::deposit_event(Event::Unfrozen { id, ruling_digest, status });
		Ok(())
	}
}
