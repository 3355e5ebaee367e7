//! Requests of the holder and the registry's decisions: renewal, change of information,
//! transfer, cancellation, withdrawal and rejection; licences.

use crate::{pallet::*, types::*};
use doid_primitives::{
	AssetInfo, CertificateId, CertificateStatus, Digest, RegistriesInspect, SubjectId,
	SubjectsInspect, Timers,
};
use frame_support::{ensure, traits::Get};
use sp_runtime::{DispatchError, DispatchResult};

/// The last year the calendar accepts for timers.
const MAX_TIMER_YEAR: u16 = 2999;

impl<T: Config> Pallet<T> {
	/// Store `request` for `cert` (which the caller checked may take it) and record it.
	fn open_request(
		who: T::AccountId,
		id: CertificateId,
		mut cert: Certificate,
		request: Request,
		digest: Option<Digest>,
	) -> Result<(), DispatchError> {
		let kind = request.kind();
		cert.version = Self::next_version(&cert)?;
		cert.status = kind.pending_status();
		Requests::<T>::insert(id, request);
		Self::commit(id, &cert, Change::Requested(kind), Actor::Account(who), digest);
		Ok(())
	}

	pub(crate) fn do_request_renewal(who: T::AccountId, id: CertificateId) -> DispatchResult {
		let cert = Self::certificate(id)?;
		Self::ensure_holder(&who, &cert)?;
		ensure!(cert.status.is_in_force(), Error::<T>::NotInForce);
		let today = Self::today();
		ensure!(today <= cert.expires_on, Error::<T>::RenewalWindowClosed);
		Self::ensure_may_request(&cert, today)?;
		let rules = T::Registries::rules(cert.registry).ok_or(Error::<T>::UnknownRegistry)?;
		// The window is the last `renewal_window_days` days of validity.
		let opens = cert
			.expires_on
			.add_days(1 - i32::from(rules.renewal_window_days))
			.map_err(|_| Error::<T>::RenewalWindowNotOpen)?;
		ensure!(today >= opens, Error::<T>::RenewalWindowNotOpen);
		Self::open_request(who, id, cert, Request::Renewal, None)?;
		Self::deposit_event(Event::RenewalRequested { id });
		Ok(())
	}

	pub(crate) fn do_approve_renewal(who: T::AccountId, id: CertificateId) -> DispatchResult {
		let mut cert = Self::certificate(id)?;
		Self::ensure_operator(&who, &cert)?;
		Self::pending_request(id, RequestKind::Renewal)?;
		let rules = T::Registries::rules(cert.registry).ok_or(Error::<T>::UnknownRegistry)?;
		let days = i32::try_from(rules.validity_days).map_err(|_| Error::<T>::ExpiryOutOfRange)?;
		// Extended from the old expiry, not from today.
		let previous = cert.expires_on;
		let expires_on = previous.add_days(days).map_err(|_| Error::<T>::ExpiryOutOfRange)?;
		let due = expires_on.add_days(1).map_err(|_| Error::<T>::ExpiryOutOfRange)?;
		ensure!(due.year() <= MAX_TIMER_YEAR, Error::<T>::ExpiryOutOfRange);
		let generation = cert.timer_generation.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let version = Self::next_version(&cert)?;
		// A fresh timer (the old one may have fired already): scheduled first, as the calendar
		// changes nothing when it fails.
		T::Calendar::schedule(Self::expiry_timer(id, generation), due)
			.map_err(|_| Error::<T>::TimerUnavailable)?;
		let _ = T::Calendar::cancel(Self::expiry_timer(id, cert.timer_generation));
		Requests::<T>::remove(id);
		cert.timer_generation = generation;
		cert.expires_on = expires_on;
		cert.version = version;
		cert.status = CertificateStatus::Active;
		Self::commit(
			id,
			&cert,
			Change::Renewed { previous, expires_on },
			Actor::Account(who),
			None,
		);
		Self::deposit_event(Event::Renewed { id, previous, expires_on, version });
		Ok(())
	}

	pub(crate) fn do_request_change(
		who: T::AccountId,
		id: CertificateId,
		info: AssetInfo,
	) -> DispatchResult {
		let cert = Self::certificate(id)?;
		Self::ensure_holder(&who, &cert)?;
		Self::ensure_may_request(&cert, Self::today())?;
		info.validate().map_err(Self::info_error)?;
		ensure!(info != cert.info, Error::<T>::NoChange);
		let info_digest = Self::info_digest(&info);
		Self::open_request(who, id, cert, Request::Change { info }, Some(info_digest))?;
		Self::deposit_event(Event::ChangeRequested { id, info_digest });
		Ok(())
	}

	pub(crate) fn do_approve_change(who: T::AccountId, id: CertificateId) -> DispatchResult {
		let mut cert = Self::certificate(id)?;
		Self::ensure_operator(&who, &cert)?;
		let Request::Change { info } = Self::pending_request(id, RequestKind::Change)? else {
			return Err(Error::<T>::WrongRequest.into());
		};
		Self::ensure_in_force(&cert, Self::today())?;
		let version = Self::next_version(&cert)?;
		let info_digest = Self::info_digest(&info);
		let previous = core::mem::replace(&mut cert.info, info);
		Requests::<T>::remove(id);
		cert.version = version;
		cert.status = CertificateStatus::Active;
		Self::commit(
			id,
			&cert,
			Change::InfoChanged { previous },
			Actor::Account(who),
			Some(info_digest),
		);
		Self::deposit_event(Event::InfoChanged { id, info_digest, version });
		Ok(())
	}

	pub(crate) fn do_request_transfer(
		who: T::AccountId,
		id: CertificateId,
		new_holder: SubjectId,
	) -> DispatchResult {
		let cert = Self::certificate(id)?;
		Self::ensure_holder(&who, &cert)?;
		Self::ensure_may_request(&cert, Self::today())?;
		ensure!(new_holder != cert.holder, Error::<T>::SameHolder);
		ensure!(T::Subjects::is_verified(new_holder), Error::<T>::NewHolderNotVerified);
		let from = cert.holder;
		Self::open_request(
			who,
			id,
			cert,
			Request::Transfer { to: new_holder, accepted: false },
			None,
		)?;
		Self::deposit_event(Event::TransferRequested { id, from, to: new_holder });
		Ok(())
	}

	pub(crate) fn do_accept_transfer(who: T::AccountId, id: CertificateId) -> DispatchResult {
		let mut cert = Self::certificate(id)?;
		let subject = Self::caller_subject(&who)?;
		let Request::Transfer { to, accepted } = Self::pending_request(id, RequestKind::Transfer)?
		else {
			return Err(Error::<T>::WrongRequest.into());
		};
		ensure!(subject == to, Error::<T>::NotNewHolder);
		ensure!(!accepted, Error::<T>::AlreadyAccepted);
		Self::ensure_in_force(&cert, Self::today())?;
		cert.version = Self::next_version(&cert)?;
		Requests::<T>::insert(id, Request::Transfer { to, accepted: true });
		Self::commit(id, &cert, Change::TransferAccepted, Actor::Account(who), None);
		Self::deposit_event(Event::TransferAccepted { id, to });
		Ok(())
	}

	pub(crate) fn do_approve_transfer(who: T::AccountId, id: CertificateId) -> DispatchResult {
		let mut cert = Self::certificate(id)?;
		Self::ensure_operator(&who, &cert)?;
		let Request::Transfer { to, accepted } = Self::pending_request(id, RequestKind::Transfer)?
		else {
			return Err(Error::<T>::WrongRequest.into());
		};
		ensure!(accepted, Error::<T>::TransferNotAccepted);
		ensure!(T::Subjects::is_verified(to), Error::<T>::NewHolderNotVerified);
		Self::ensure_in_force(&cert, Self::today())?;
		let version = Self::next_version(&cert)?;
		let to_count = InForceCount::<T>::get(to).checked_add(1).ok_or(Error::<T>::Overflow)?;
		let from = cert.holder;
		Requests::<T>::remove(id);
		InForceCount::<T>::mutate_exists(from, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
		InForceCount::<T>::insert(to, to_count);
		CertificatesByHolder::<T>::remove(from, id);
		CertificatesByHolder::<T>::insert(to, id, ());
		cert.holder = to;
		cert.version = version;
		cert.status = CertificateStatus::Active;
		Self::commit(id, &cert, Change::Transferred { from, to }, Actor::Account(who), None);
		Self::deposit_event(Event::Transferred { id, from, to, version });
		Ok(())
	}

	pub(crate) fn do_request_cancellation(who: T::AccountId, id: CertificateId) -> DispatchResult {
		let cert = Self::certificate(id)?;
		Self::ensure_holder(&who, &cert)?;
		Self::ensure_may_request(&cert, Self::today())?;
		Self::open_request(who, id, cert, Request::Cancellation, None)?;
		Self::deposit_event(Event::CancellationRequested { id });
		Ok(())
	}

	pub(crate) fn do_approve_cancellation(who: T::AccountId, id: CertificateId) -> DispatchResult {
		let mut cert = Self::certificate(id)?;
		Self::ensure_operator(&who, &cert)?;
		Self::pending_request(id, RequestKind::Cancellation)?;
		Self::ensure_in_force(&cert, Self::today())?;
		let version = Self::next_version(&cert)?;
		Self::end_in_force(id, &cert, true);
		cert.version = version;
		cert.status = CertificateStatus::Cancelled;
		Self::commit(id, &cert, Change::Cancelled, Actor::Account(who), None);
		Self::deposit_event(Event::Cancelled { id, version });
		Ok(())
	}

	/// End the pending request of `cert`: back to `Active`, or `Expired` if the validity ended
	/// meanwhile (a renewal pending past the old expiry). Returns the request kind and the new
	/// status.
	fn close_request(
		id: CertificateId,
		mut cert: Certificate,
		withdrawn: bool,
		by: Actor<T::AccountId>,
		digest: Option<Digest>,
	) -> Result<(RequestKind, CertificateStatus), DispatchError> {
		let kind = Requests::<T>::get(id).ok_or(Error::<T>::NoPendingRequest)?.kind();
		let version = Self::next_version(&cert)?;
		let status = if Self::today() > cert.expires_on {
			// The expiry timer has fired (or will find the certificate final).
			Self::end_in_force(id, &cert, false);
			CertificateStatus::Expired
		} else {
			Requests::<T>::remove(id);
			CertificateStatus::Active
		};
		cert.version = version;
		cert.status = status;
		let change =
			if withdrawn { Change::RequestWithdrawn(kind) } else { Change::RequestRejected(kind) };
		Self::commit(id, &cert, change, by, digest);
		Ok((kind, status))
	}

	pub(crate) fn do_withdraw_request(who: T::AccountId, id: CertificateId) -> DispatchResult {
		let cert = Self::certificate(id)?;
		Self::ensure_holder(&who, &cert)?;
		let (request, status) = Self::close_request(id, cert, true, Actor::Account(who), None)?;
		Self::deposit_event(Event::RequestWithdrawn { id, request, status });
		Ok(())
	}

	pub(crate) fn do_reject_request(
		who: T::AccountId,
		id: CertificateId,
		reason_digest: Digest,
	) -> DispatchResult {
		let cert = Self::certificate(id)?;
		Self::ensure_operator(&who, &cert)?;
		let (request, status) =
			Self::close_request(id, cert, false, Actor::Account(who), Some(reason_digest))?;
		Self::deposit_event(Event::RequestRejected { id, request, reason_digest, status });
		Ok(())
	}

	/// Refuse a licence change unless the certificate is in force and not frozen; granting
	/// is also refused while a transfer or cancellation is pending.
	fn ensure_may_licence(cert: &Certificate, granting: bool) -> Result<(), DispatchError> {
		Self::ensure_in_force(cert, Self::today())?;
		match cert.status {
			CertificateStatus::Frozen => Err(Error::<T>::CertificateFrozen.into()),
			CertificateStatus::TransferPending | CertificateStatus::CancellationPending
				if granting =>
			{
				Err(Error::<T>::RequestPending.into())
			}
			_ => Ok(()),
		}
	}

	pub(crate) fn do_grant_licence(
		who: T::AccountId,
		id: CertificateId,
		grantee: SubjectId,
		until: doid_primitives::Date,
	) -> DispatchResult {
		let mut cert = Self::certificate(id)?;
		Self::ensure_holder(&who, &cert)?;
		Self::ensure_may_licence(&cert, true)?;
		ensure!(grantee != cert.holder, Error::<T>::CannotLicenceHolder);
		ensure!(T::Subjects::is_verified(grantee), Error::<T>::GranteeNotVerified);
		let today = Self::today();
		ensure!(until >= today, Error::<T>::LicenceEndsInPast);
		let mut licences = Licences::<T>::get(id);
		licences.retain(|l| l.until >= today);
		let licence = Licence { grantee, until };
		if let Some(existing) = licences.iter_mut().find(|l| l.grantee == grantee) {
			existing.until = until;
		} else {
			licences.try_push(licence).map_err(|_| Error::<T>::TooManyLicences)?;
		}
		cert.version = Self::next_version(&cert)?;
		Licences::<T>::insert(id, licences);
		Self::commit(id, &cert, Change::LicenceGranted(licence), Actor::Account(who), None);
		Self::deposit_event(Event::LicenceGranted { id, grantee, until });
		Ok(())
	}

	pub(crate) fn do_revoke_licence(
		who: T::AccountId,
		id: CertificateId,
		grantee: SubjectId,
	) -> DispatchResult {
		let mut cert = Self::certificate(id)?;
		Self::ensure_holder(&who, &cert)?;
		Self::ensure_may_licence(&cert, false)?;
		let mut licences = Licences::<T>::get(id);
		let before = licences.len();
		licences.retain(|l| l.grantee != grantee);
		ensure!(licences.len() < before, Error::<T>::NoSuchLicence);
		let today = Self::today();
		licences.retain(|l| l.until >= today);
		cert.version = Self::next_version(&cert)?;
		if licences.is_empty() {
			Licences::<T>::remove(id);
		} else {
			Licences::<T>::insert(id, licences);
		}
		Self::commit(id, &cert, Change::LicenceRevoked { grantee }, Actor::Account(who), None);
		Self::deposit_event(Event::LicenceRevoked { id, grantee });
		Ok(())
	}

	/// The licences of `id` (also those whose end date has passed but were not pruned yet).
	pub fn licences(id: CertificateId) -> alloc::vec::Vec<Licence> {
		Licences::<T>::get(id).into_inner()
	}

	/// Most licences per certificate.
	pub fn max_licences() -> u32 {
		T::MaxLicences::get()
	}
}
