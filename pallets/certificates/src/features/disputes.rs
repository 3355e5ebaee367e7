//! [`CertificateDisputes`]: the hooks of the objections pallet.

use crate::{pallet::*, types::*};
use doid_primitives::{
	CertificateDisputes, CertificateId, CertificateStatus, Digest, DisputeError, DisputeParties,
};

impl<T: Config> CertificateDisputes for Pallet<T> {
	fn parties(id: CertificateId) -> Option<DisputeParties> {
		let cert = Certificates::<T>::get(id)?;
		Self::effective_status(&cert, Self::today())
			.is_in_force()
			.then_some(DisputeParties { registry: cert.registry, respondent: cert.holder })
	}

	fn open_dispute(id: CertificateId) -> Result<(), DisputeError> {
		let mut cert = Certificates::<T>::get(id).ok_or(DisputeError::Unknown)?;
		if Self::effective_status(&cert, Self::today()) != CertificateStatus::Active {
			return Err(DisputeError::WrongState);
		}
		cert.version = Self::next_version(&cert).map_err(|_| DisputeError::WrongState)?;
		cert.status = CertificateStatus::Disputed;
		Self::commit(id, &cert, Change::Disputed, Actor::Objections, None);
		Self::deposit_event(Event::Disputed { id });
		Ok(())
	}

	fn restore(id: CertificateId) -> Result<(), DisputeError> {
		let mut cert = Certificates::<T>::get(id).ok_or(DisputeError::Unknown)?;
		if cert.status != CertificateStatus::Disputed {
			return Err(DisputeError::WrongState);
		}
		cert.version = Self::next_version(&cert).map_err(|_| DisputeError::WrongState)?;
		if Self::today() > cert.expires_on {
			// The validity ended during the dispute and the timer has not been processed yet.
			Self::end_in_force(id, &cert, false);
			cert.status = CertificateStatus::Expired;
		} else {
			cert.status = CertificateStatus::Active;
		}
		Self::commit(id, &cert, Change::Restored, Actor::Objections, None);
		Self::deposit_event(Event::Restored { id });
		Ok(())
	}

	fn revoke_upheld(id: CertificateId, decision: Digest) -> Result<(), DisputeError> {
		let cert = Certificates::<T>::get(id).ok_or(DisputeError::Unknown)?;
		Self::finalise(
			id,
			cert,
			CertificateStatus::Revoked,
			Change::RevokedUpheld,
			Actor::Objections,
			Some(decision),
		)
		.map_err(|_| DisputeError::WrongState)?;
		Self::deposit_event(Event::RevokedUpheld { id, decision_digest: decision });
		Ok(())
	}
}
