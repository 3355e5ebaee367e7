//! Issuance ([`CertificateIssuer`]), called by the registration pallet.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use doid_primitives::{
	CertificateId, CertificateIssuer, CertificateStatus, Digest, Issuance, IssueError, Oid,
	RegistrationNumber, RegistrationNumberError, RegistriesInspect, Timers, WorkingDays,
};

impl<T: Config> CertificateIssuer for Pallet<T> {
	fn issue(issuance: Issuance) -> Result<CertificateId, IssueError> {
		Self::do_issue(issuance)
	}
}

impl<T: Config> Pallet<T> {
	/// Issue a certificate dated today (see the crate documentation for the identifiers, the
	/// expiry convention and the lineage). Nothing is written on error.
	pub fn do_issue(issuance: Issuance) -> Result<CertificateId, IssueError> {
		let today = T::Calendar::today();
		let registry = issuance.registry;
		let rules = T::Registries::rules(registry).ok_or(IssueError::UnknownRegistry)?;
		let arc = T::Registries::oid_arc(registry).ok_or(IssueError::UnknownRegistry)?;
		let prefix = T::Registries::number_prefix(registry).ok_or(IssueError::UnknownRegistry)?;
		let root = T::Registries::oid_root();
		let (ancestors, depth) =
			Self::compute_lineage(&issuance.inputs).map_err(IssueError::Lineage)?;

		let id = NextCertificateId::<T>::get();
		if id > MAX_CERTIFICATE_ID {
			return Err(IssueError::Overflow);
		}
		let next_id = id.checked_add(1).ok_or(IssueError::Overflow)?;
		let kind = issuance.kind;
		let doid_serial = NextDoidSerial::<T>::get(registry, kind);
		let next_doid_serial = doid_serial.checked_add(1).ok_or(IssueError::Overflow)?;
		let doid = Oid::certificate(&root, arc, kind.arc(), doid_serial)
			.map_err(|_| IssueError::Overflow)?;
		let year = today.year();
		let number_serial = NextNumberSerial::<T>::get(registry, year);
		let next_number_serial = number_serial.checked_add(1).ok_or(IssueError::Overflow)?;
		let number =
			RegistrationNumber::format(&prefix, year, number_serial).map_err(|e| match e {
				RegistrationNumberError::InvalidSerial | RegistrationNumberError::InvalidYear => {
					IssueError::Overflow
				}
				_ => IssueError::UnknownRegistry,
			})?;
		if CertificateByDoid::<T>::contains_key(doid)
			|| CertificateByNumber::<T>::contains_key(number)
		{
			return Err(IssueError::Overflow);
		}
		let last_day_offset = rules
			.validity_days
			.checked_sub(1)
			.and_then(|d| i32::try_from(d).ok())
			.ok_or(IssueError::Overflow)?;
		let expires_on = today.add_days(last_day_offset).map_err(|_| IssueError::Overflow)?;
		let due = expires_on.add_days(1).map_err(|_| IssueError::Overflow)?;

		let content = issuance.content_digest;
		let content_count = ContentCount::<T>::get(content);
		if content_count >= MAX_CERTIFICATES_PER_DIGEST {
			return Err(IssueError::IndexFull);
		}
		let mut materials: Vec<Digest> = Vec::new();
		for m in issuance.materials.iter() {
			if !materials.contains(&m.digest) {
				materials.push(m.digest);
			}
		}
		if materials.iter().any(|d| MaterialCount::<T>::get(d) >= MAX_CERTIFICATES_PER_DIGEST) {
			return Err(IssueError::IndexFull);
		}
		let holder = issuance.holder;
		let in_force =
			InForceCount::<T>::get(holder).checked_add(1).ok_or(IssueError::IndexFull)?;

		// The only fallible write; the calendar changes nothing when it fails.
		T::Calendar::schedule(Self::expiry_timer(id, 0), due).map_err(|_| IssueError::Timer)?;

		let cert = Certificate {
			doid,
			number,
			registry,
			holder,
			kind,
			info: issuance.info,
			content_digest: content,
			materials: issuance.materials,
			inputs: issuance.inputs,
			prior_registrations: issuance.prior_registrations,
			application: issuance.application,
			issued_on: today,
			expires_on,
			version: 1,
			status: CertificateStatus::Active,
			lineage_depth: depth,
			timer_generation: 0,
		};
		NextCertificateId::<T>::put(next_id);
		NextDoidSerial::<T>::insert(registry, kind, next_doid_serial);
		NextNumberSerial::<T>::insert(registry, year, next_number_serial);
		CertificateByDoid::<T>::insert(doid, id);
		CertificateByNumber::<T>::insert(number, id);
		CertificatesByHolder::<T>::insert(holder, id, ());
		InForceCount::<T>::insert(holder, in_force);
		CertificatesByContent::<T>::insert(content, id, ());
		ContentCount::<T>::insert(content, content_count.saturating_add(1));
		for d in materials {
			CertificatesByMaterial::<T>::insert(d, id, ());
			MaterialCount::<T>::mutate(d, |n| *n = n.saturating_add(1));
		}
		if !ancestors.is_empty() {
			Ancestors::<T>::insert(id, ancestors);
		}
		for input in cert.inputs.iter() {
			Derivatives::<T>::insert(input, id, ());
		}
		Self::commit(id, &cert, Change::Issued, Actor::Issuance, Some(content));
		Self::deposit_event(Event::Issued {
			id,
			registry,
			holder,
			kind,
			doid,
			number,
			content_digest: content,
			expires_on,
		});
		Ok(id)
	}
}
