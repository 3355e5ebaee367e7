//! `DoidApi`: the read-only queries of the DOID chain, callable by any client through
//! `state_call` and served by the node as `doid_*` JSON-RPC methods.
//!
//! Textual identifiers are parsed inside the runtime, so every client gets the same answer: a
//! DOID (`2.999.2.1.1.7`) or a registration number (`BJSZD2026000000071`, check character
//! verified before any storage read), a subject OID or a unified social credit code.

use crate::Runtime;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use doid_primitives::{
	ApplicationId, CertificateId, Date, Digest, ElementKind, Oid, RegistrationNumberError,
	RegistryId, SubjectId, Uscc, WorkingDays,
};
use scale_info::TypeInfo;

/// Most notices returned by one [`DoidApi::notices`] call.
pub const MAX_NOTICES: usize = 1_000;

/// Most entries of each list returned by one [`DoidApi::evidence`] call.
pub const MAX_EVIDENCE_ITEMS: usize = 100;

/// Most derived certificates returned by one [`DoidApi::certificate_details`] call.
pub const MAX_DERIVED: usize = 100;

/// Most history entries returned by one [`DoidApi::certificate_details`] call (the latest).
pub const MAX_HISTORY: usize = 200;

/// A version-history entry of a certificate.
pub type HistoryEntry = pallet_certificates::HistoryEntryOf<Runtime>;

/// What a certificate page shows beside the record: the version history, the certificates
/// derived from it and its licences (他项权益).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct CertificateDetails {
	/// `(version, entry)`, oldest first; at most [`MAX_HISTORY`] (the latest ones).
	pub history: Vec<(u32, HistoryEntry)>,
	/// The certificate's inputs (its lineage one level up).
	pub inputs: Vec<CertificateRef>,
	/// Certificates issued with this one among their inputs, at most [`MAX_DERIVED`].
	pub derived: Vec<CertificateRef>,
	/// Licences granted to other subjects.
	pub licences: Vec<pallet_certificates::Licence>,
	/// First day of the renewal window (the registry's `renewal_window_days` before expiry).
	pub renewal_opens: Option<Date>,
	/// The registry's name (UTF-8).
	pub registry_name: Vec<u8>,
}

/// A certificate named in another's lineage: enough to draw and link it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct CertificateRef {
	/// Id.
	pub id: CertificateId,
	/// DOID.
	pub doid: Oid,
	/// Registration number.
	pub number: doid_primitives::RegistrationNumber,
	/// Element kind.
	pub kind: ElementKind,
	/// Effective status today (an overdue `Active` reads `Expired`).
	pub status: doid_primitives::CertificateStatus,
	/// Element name (UTF-8).
	pub name: Vec<u8>,
}

/// An anchor as stored.
pub type AnchorRecord = pallet_evidence::AnchorRecordOf<Runtime>;

/// An objection as stored, with its full history (every step, in order).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ObjectionView {
	/// The objection.
	pub objection: pallet_objections::ObjectionOf<Runtime>,
	/// Its history.
	pub history: Vec<pallet_objections::HistoryEntryOf<Runtime>>,
}

/// Everything the chain knows about a digest: its anchors (first anchoring first), the
/// applications it appears in (and its role there) and the certificates it is the content or
/// a material of.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct EvidenceView {
	/// How many times the digest was anchored.
	pub anchor_count: u32,
	/// The anchors, at most [`MAX_EVIDENCE_ITEMS`], in anchoring order.
	pub anchors: Vec<(pallet_evidence::AnchorId, AnchorRecord)>,
	/// Applications where the digest appears, with its role.
	pub applications: Vec<(ApplicationId, pallet_registration::DigestUse)>,
	/// Certificates whose content digest it is.
	pub certificates_by_content: Vec<CertificateId>,
	/// Certificates it is a material digest of.
	pub certificates_by_material: Vec<CertificateId>,
}

/// Why a textual identifier could not be looked up.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum LookupError {
	/// Neither a dotted OID nor a well-formed registration number / USCC.
	Malformed,
	/// A registration number or USCC whose check character does not match: mistyped.
	CheckCharacterMismatch,
}

/// An application currently in public notice (登记公示).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Notice {
	/// The application.
	pub application: ApplicationId,
	/// Its registry.
	pub registry: RegistryId,
	/// The applicant.
	pub applicant: SubjectId,
	/// Element kind.
	pub kind: ElementKind,
	/// Element name (UTF-8).
	pub name: Vec<u8>,
	/// Last day of the notice (objections are timely up to this day).
	pub last_day: Date,
}

/// A subject's information as stored (organisations: USCC and name; individuals: only
/// commitments).
pub type SubjectInfo = pallet_subjects::SubjectInfoOf<Runtime>;

sp_api::decl_runtime_apis! {
	/// Read-only queries of the DOID chain.
	pub trait DoidApi {
		/// The certificate named by `text`: a DOID, a registration number or its numeric id.
		fn find_certificate(text: Vec<u8>) -> Result<Option<CertificateId>, LookupError>;
		/// The certificate's full record.
		fn certificate(id: CertificateId) -> Option<pallet_certificates::Certificate>;
		/// Version history, derived certificates and licences of a certificate.
		fn certificate_details(id: CertificateId) -> Option<CertificateDetails>;
		/// Verification as of today: status, holder, validity, version, `lineage_ok`.
		fn verify(id: CertificateId) -> Option<pallet_certificates::Verification>;
		/// The subject named by `text`: a subject OID or a unified social credit code.
		fn find_subject(text: Vec<u8>) -> Result<Option<SubjectId>, LookupError>;
		/// The subject's record.
		fn subject(id: SubjectId) -> Option<SubjectInfo>;
		/// The application's record.
		fn application(id: ApplicationId) -> Option<pallet_registration::ApplicationRecord>;
		/// Applications in public notice (of `registry`, or of all), at most [`MAX_NOTICES`].
		fn notices(registry: Option<RegistryId>) -> Vec<Notice>;
		/// Working days after `from` up to and including `to`.
		fn working_days_between(from: Date, to: Date) -> Option<u32>;
		/// The `n`-th working day after `from`.
		fn add_working_days(from: Date, n: u32) -> Option<Date>;
		/// The chain's date today.
		fn today() -> Date;
		/// Anchors, applications and certificates of `digest`.
		fn evidence(digest: Digest) -> EvidenceView;
		/// An objection with its full history.
		fn objection(id: pallet_objections::ObjectionId) -> Option<ObjectionView>;
	}
}

/// Whether `text` looks like a dotted OID (digits and dots, starting with a digit).
fn is_dotted(text: &[u8]) -> bool {
	text.first().is_some_and(u8::is_ascii_digit) && text.contains(&b'.')
}

impl From<RegistrationNumberError> for LookupError {
	fn from(e: RegistrationNumberError) -> Self {
		match e {
			RegistrationNumberError::CheckCharacterMismatch { .. } => Self::CheckCharacterMismatch,
			_ => Self::Malformed,
		}
	}
}

/// [`DoidApi::find_certificate`].
pub fn find_certificate(text: &[u8]) -> Result<Option<CertificateId>, LookupError> {
	// The numeric id (as in `inputs` and evidence answers): digits only, which no DOID (dotted)
	// or registration number (letters first) is.
	if !text.is_empty() && text.iter().all(u8::is_ascii_digit) {
		let id = core::str::from_utf8(text)
			.ok()
			.and_then(|t| t.parse::<CertificateId>().ok())
			.ok_or(LookupError::Malformed)?;
		return Ok(pallet_certificates::Certificates::<Runtime>::contains_key(id).then_some(id));
	}
	if is_dotted(text) {
		let doid = Oid::parse(text).map_err(|_| LookupError::Malformed)?;
		return Ok(crate::Certificates::certificate_by_doid(&doid));
	}
	Ok(crate::Certificates::certificate_by_number_text(text)?)
}

/// [`DoidApi::find_subject`].
pub fn find_subject(text: &[u8]) -> Result<Option<SubjectId>, LookupError> {
	if is_dotted(text) {
		let oid = Oid::parse(text).map_err(|_| LookupError::Malformed)?;
		return Ok(pallet_subjects::SubjectByOid::<Runtime>::get(oid));
	}
	let uscc = Uscc::parse(text).map_err(|e| match e {
		doid_primitives::UsccError::CheckCharacterMismatch { .. } => {
			LookupError::CheckCharacterMismatch
		}
		_ => LookupError::Malformed,
	})?;
	Ok(crate::Subjects::subject_by_uscc(&uscc))
}

/// [`DoidApi::certificate_details`].
pub fn certificate_details(id: CertificateId) -> Option<CertificateDetails> {
	let cert = pallet_certificates::Certificates::<Runtime>::get(id)?;
	let mut history = crate::Certificates::history(id);
	let skip = history.len().saturating_sub(MAX_HISTORY);
	history.drain(..skip);
	let today = today();
	let reference = |id: CertificateId| {
		pallet_certificates::Certificates::<Runtime>::get(id).map(|c| CertificateRef {
			id,
			doid: c.doid,
			number: c.number,
			kind: c.kind,
			status: crate::Certificates::effective_status(&c, today),
			name: c.info.name.to_vec(),
		})
	};
	let rules = <crate::Registries as doid_primitives::RegistriesInspect<crate::AccountId>>::rules(
		cert.registry,
	);
	Some(CertificateDetails {
		history,
		inputs: cert.inputs.iter().filter_map(|i| reference(*i)).collect(),
		derived: crate::Certificates::derivatives(id, MAX_DERIVED)
			.into_iter()
			.filter_map(reference)
			.collect(),
		licences: crate::Certificates::licences(id),
		renewal_opens: rules
			.and_then(|r| cert.expires_on.add_days(1 - i32::from(r.renewal_window_days)).ok()),
		registry_name: pallet_registries::Registries::<Runtime>::get(cert.registry)
			.map(|r| r.name.to_vec())
			.unwrap_or_default(),
	})
}

/// [`DoidApi::notices`].
pub fn notices(registry: Option<RegistryId>) -> Vec<Notice> {
	pallet_registration::CurrentNotices::<Runtime>::iter()
		.filter_map(|(application, last_day)| {
			let record = pallet_registration::Applications::<Runtime>::get(application)?;
			if registry.is_some_and(|r| r != record.registry) {
				return None;
			}
			Some(Notice {
				application,
				registry: record.registry,
				applicant: record.applicant,
				kind: record.application.kind,
				name: record.application.info.name.into_inner(),
				last_day,
			})
		})
		.take(MAX_NOTICES)
		.collect()
}

/// [`DoidApi::working_days_between`].
pub fn working_days_between(from: Date, to: Date) -> Option<u32> {
	<crate::Calendar as WorkingDays>::working_days_between(from, to)
}

/// [`DoidApi::add_working_days`].
pub fn add_working_days(from: Date, n: u32) -> Option<Date> {
	<crate::Calendar as WorkingDays>::add_working_days(from, n)
}

/// [`DoidApi::today`].
pub fn today() -> Date {
	<crate::Calendar as WorkingDays>::today()
}

/// [`DoidApi::evidence`].
pub fn evidence(digest: Digest) -> EvidenceView {
	let certificates = |ids: &mut dyn Iterator<Item = (CertificateId, ())>| {
		ids.map(|(id, ())| id).take(MAX_EVIDENCE_ITEMS).collect()
	};
	EvidenceView {
		anchor_count: crate::Evidence::anchor_count(&digest),
		anchors: crate::Evidence::anchors_of(&digest, MAX_EVIDENCE_ITEMS as u32),
		applications: pallet_registration::ApplicationsByDigest::<Runtime>::iter_prefix(digest)
			.take(MAX_EVIDENCE_ITEMS)
			.collect(),
		certificates_by_content: certificates(&mut pallet_certificates::CertificatesByContent::<
			Runtime,
		>::iter_prefix(digest)),
		certificates_by_material: certificates(&mut pallet_certificates::CertificatesByMaterial::<
			Runtime,
		>::iter_prefix(digest)),
	}
}

/// [`DoidApi::objection`].
pub fn objection(id: pallet_objections::ObjectionId) -> Option<ObjectionView> {
	let objection = crate::Objections::objection(id)?;
	Some(ObjectionView { objection, history: crate::Objections::history(id) })
}
