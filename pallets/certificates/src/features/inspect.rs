//! Verification, lookups, [`CertificatesInspect`] and [`SubjectActivity`].

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use doid_primitives::{
	CertificateId, CertificateStatus, CertificateView, CertificatesInspect, Date, Digest,
	LineageError, Oid, RegistrationNumber, RegistrationNumberError, RegistriesInspect,
	SubjectActivity, SubjectId, SubjectsInspect,
};

/// The Chinese name shown for an active certificate inside its renewal window.
pub const EXPIRING_SOON_ZH: &str = "临期";

impl<T: Config> Pallet<T> {
	/// Whether `today` lies in the renewal window of `cert` (its last `renewal_window_days`
	/// days of validity), which is shown as 临期 (expiring soon).
	pub fn in_renewal_window(cert: &Certificate, today: Date) -> bool {
		if today > cert.expires_on {
			return false;
		}
		let Some(rules) = T::Registries::rules(cert.registry) else {
			return false;
		};
		cert.expires_on
			.add_days(1 - i32::from(rules.renewal_window_days))
			.is_ok_and(|opens| today >= opens)
	}

	/// Verify certificate `id` as of today: effective status (an overdue `Active` reads
	/// `Expired`), 临期, identifiers, dates, version and the lineage (every ancestor in force).
	/// Reads at most [`doid_primitives::MAX_ANCESTORS`] ancestor records; writes nothing.
	pub fn verify(id: CertificateId) -> Option<Verification> {
		let cert = Certificates::<T>::get(id)?;
		let today = Self::today();
		let status = Self::effective_status(&cert, today);
		let expiring_soon = status.is_in_force() && Self::in_renewal_window(&cert, today);
		let name = if status == CertificateStatus::Active && expiring_soon {
			EXPIRING_SOON_ZH
		} else {
			status.name_zh()
		};
		let ancestors = Ancestors::<T>::get(id).map_or(0, |a| a.len() as u32);
		Some(Verification {
			id,
			doid: cert.doid,
			number: cert.number,
			registry: cert.registry,
			kind: cert.kind,
			holder: cert.holder,
			holder_oid: T::Subjects::oid(cert.holder),
			status,
			expiring_soon,
			status_name: name.as_bytes().to_vec(),
			content_digest: cert.content_digest,
			issued_on: cert.issued_on,
			expires_on: cert.expires_on,
			version: cert.version,
			lineage_depth: cert.lineage_depth,
			ancestors,
			lineage_ok: Self::lineage_ok(id),
		})
	}

	/// The certificate with this DOID.
	pub fn certificate_by_doid(doid: &Oid) -> Option<CertificateId> {
		CertificateByDoid::<T>::get(doid)
	}

	/// The certificate with the registration number written as `text`. The text is parsed
	/// (and its check character verified) before any storage read: a malformed number or a
	/// wrong check character is an error, never a lookup.
	pub fn certificate_by_number_text(
		text: &[u8],
	) -> Result<Option<CertificateId>, RegistrationNumberError> {
		let number = RegistrationNumber::parse(text)?;
		Ok(CertificateByNumber::<T>::get(number))
	}

	/// The certificates `holder` holds (or held last, in a final state).
	pub fn certificates_of(holder: SubjectId) -> Vec<CertificateId> {
		CertificatesByHolder::<T>::iter_key_prefix(holder).collect()
	}

	/// The certificates with this content digest (at most
	/// [`MAX_CERTIFICATES_PER_DIGEST`]).
	pub fn certificates_by_content(digest: &Digest) -> Vec<CertificateId> {
		CertificatesByContent::<T>::iter_key_prefix(digest).collect()
	}

	/// The certificates citing this material digest (at most
	/// [`MAX_CERTIFICATES_PER_DIGEST`]).
	pub fn certificates_by_material(digest: &Digest) -> Vec<CertificateId> {
		CertificatesByMaterial::<T>::iter_key_prefix(digest).collect()
	}

	/// The certificates issued with `id` among their inputs (derived products, models), lowest
	/// id first, at most `limit`.
	pub fn derivatives(id: CertificateId, limit: usize) -> Vec<CertificateId> {
		let mut derived: Vec<_> = Derivatives::<T>::iter_key_prefix(id).take(limit).collect();
		derived.sort_unstable();
		derived
	}

	/// The version history of `id`, oldest first.
	pub fn history(id: CertificateId) -> Vec<(u32, HistoryEntryOf<T>)> {
		let mut entries: Vec<_> = History::<T>::iter_prefix(id).collect();
		entries.sort_by_key(|(v, _)| *v);
		entries
	}
}

impl<T: Config> CertificatesInspect for Pallet<T> {
	fn view(id: CertificateId) -> Option<CertificateView> {
		let cert = Certificates::<T>::get(id)?;
		Some(CertificateView {
			registry: cert.registry,
			holder: cert.holder,
			kind: cert.kind,
			trainable: cert.info.trainable,
			status: Self::effective_status(&cert, Self::today()),
			expires_on: cert.expires_on,
			lineage_depth: cert.lineage_depth,
		})
	}

	fn may_cite(id: CertificateId, subject: SubjectId) -> bool {
		let Some(cert) = Certificates::<T>::get(id) else {
			return false;
		};
		let today = Self::today();
		if !Self::effective_status(&cert, today).is_in_force() {
			return false;
		}
		cert.holder == subject
			|| Licences::<T>::get(id).iter().any(|l| l.grantee == subject && l.until >= today)
	}

	fn certificate_by_content(digest: &Digest) -> Option<CertificateId> {
		let today = Self::today();
		CertificatesByContent::<T>::iter_key_prefix(digest).find(|id| {
			Certificates::<T>::get(id)
				.is_some_and(|c| Self::effective_status(&c, today).is_in_force())
		})
	}

	fn certificate_by_number(number: &RegistrationNumber) -> Option<CertificateId> {
		CertificateByNumber::<T>::get(number)
	}

	fn check_lineage(inputs: &[CertificateId]) -> Result<(), LineageError> {
		Self::compute_lineage(inputs).map(|_| ())
	}
}

impl<T: Config> SubjectActivity for Pallet<T> {
	fn blocks_deregistration(subject: SubjectId) -> bool {
		InForceCount::<T>::get(subject) > 0
	}
}
