//! Types of the certificates pallet: the stored certificate, pending requests, licences, the
//! version history and the verification result.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use doid_primitives::{
	ApplicationId, AssetInfo, CertificateId, CertificateStatus, Date, Digest, ElementKind, Inputs,
	Materials, Oid, PriorRegistrations, RegistrationNumber, RegistryId, SubjectId,
};
use scale_info::TypeInfo;

/// Bits of a timer identifier that carry the certificate id; the bits above hold the timer
/// generation (incremented on every renewal), so a renewed certificate gets a fresh timer even
/// after its previous one has fired (a fired timer cannot be reused).
pub const TIMER_ID_BITS: u32 = 48;

/// Largest certificate id (the ids must fit in [`TIMER_ID_BITS`]).
pub const MAX_CERTIFICATE_ID: CertificateId = (1 << TIMER_ID_BITS) - 1;

/// Most certificates sharing one content digest, and most certificates citing one material
/// digest (bounds the lookups by digest; mutual recognition needs only a few).
pub const MAX_CERTIFICATES_PER_DIGEST: u32 = 32;

/// The certificate as stored (DOMAIN §3.2).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Certificate {
	/// The DOID `{root}.2.{registry arc}.{kind arc}.{serial}`.
	pub doid: Oid,
	/// The human registration number `{PREFIX}{YYYY}{serial}{check}`.
	pub number: RegistrationNumber,
	/// The issuing registry.
	pub registry: RegistryId,
	/// The current holder.
	pub holder: SubjectId,
	/// Element kind.
	pub kind: ElementKind,
	/// Descriptive fields (rights, acquisition, scenario, update cycle, ...).
	pub info: AssetInfo,
	/// Digest of the element's content.
	pub content_digest: Digest,
	/// Material digests.
	pub materials: Materials,
	/// Input certificates (lineage).
	pub inputs: Inputs,
	/// Disclosed prior registrations at other registries.
	pub prior_registrations: PriorRegistrations,
	/// The application that led to the certificate.
	pub application: ApplicationId,
	/// Issue date.
	pub issued_on: Date,
	/// Last day of validity (inclusive): `issued_on + validity_days − 1`, extended by
	/// `validity_days` on each renewal.
	pub expires_on: Date,
	/// Version: 1 at issuance, incremented on every change; each version has a [`History`]
	/// entry.
	///
	/// [`History`]: crate::History
	pub version: u32,
	/// Stored status (see [`crate::Pallet::effective_status`] for the status as of today).
	pub status: CertificateStatus,
	/// Lineage depth (0 without inputs, else 1 + the deepest input's).
	pub lineage_depth: u8,
	/// Generation of the expiry timer (the bits above [`TIMER_ID_BITS`] of its id).
	pub timer_generation: u16,
}

/// A request of the holder waiting for the registry.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum Request {
	/// Renewal (续展) requested inside the renewal window.
	Renewal,
	/// Change of the descriptive information (变更) to `info`.
	Change {
		/// The requested information.
		info: AssetInfo,
	},
	/// Transfer (转移) to `to`; `accepted` once an account of `to` has accepted.
	Transfer {
		/// The new holder.
		to: SubjectId,
		/// Whether the new holder has accepted.
		accepted: bool,
	},
	/// Voluntary cancellation (注销).
	Cancellation,
}

impl Request {
	/// The kind of the request.
	pub fn kind(&self) -> RequestKind {
		match self {
			Self::Renewal => RequestKind::Renewal,
			Self::Change { .. } => RequestKind::Change,
			Self::Transfer { .. } => RequestKind::Transfer,
			Self::Cancellation => RequestKind::Cancellation,
		}
	}
}

/// The kind of a [`Request`] (for events and history).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum RequestKind {
	/// Renewal.
	Renewal,
	/// Change of information.
	Change,
	/// Transfer.
	Transfer,
	/// Cancellation.
	Cancellation,
}

impl RequestKind {
	/// The status a certificate has while this request is pending.
	pub const fn pending_status(self) -> CertificateStatus {
		match self {
			Self::Renewal => CertificateStatus::Renewing,
			Self::Change => CertificateStatus::ChangePending,
			Self::Transfer => CertificateStatus::TransferPending,
			Self::Cancellation => CertificateStatus::CancellationPending,
		}
	}
}

/// A licence (许可) granted by the holder: `grantee` may cite the certificate as a lineage
/// input up to and including `until`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct Licence {
	/// The licensed subject.
	pub grantee: SubjectId,
	/// Last day of the licence.
	pub until: Date,
}

/// Who made a change recorded in the history.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum Actor<AccountId> {
	/// A signed account (holder, new holder, operator or court).
	Account(AccountId),
	/// The registration pallet, at the end of a notice period.
	Issuance,
	/// The calendar's expiry timer.
	Timer,
	/// The objections pallet (dispute hooks).
	Objections,
}

/// What changed in one version of a certificate.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum Change {
	/// Issued (version 1).
	Issued,
	/// The holder requested a request of this kind.
	Requested(RequestKind),
	/// The new holder accepted the pending transfer.
	TransferAccepted,
	/// The holder withdrew the pending request.
	RequestWithdrawn(RequestKind),
	/// The registry rejected the pending request.
	RequestRejected(RequestKind),
	/// Renewal approved: validity extended from `previous` to `expires_on`.
	Renewed {
		/// The previous last day of validity.
		previous: Date,
		/// The new last day of validity.
		expires_on: Date,
	},
	/// Information change approved; `previous` is the information before the change (the
	/// record holds the new one), so every version can be reconstructed.
	InfoChanged {
		/// The information before the change.
		previous: AssetInfo,
	},
	/// Transfer approved.
	Transferred {
		/// The previous holder.
		from: SubjectId,
		/// The new holder.
		to: SubjectId,
	},
	/// Licence granted (or its end date changed).
	LicenceGranted(Licence),
	/// Licence revoked.
	LicenceRevoked {
		/// The subject that lost its licence.
		grantee: SubjectId,
	},
	/// Cancellation approved.
	Cancelled,
	/// Revoked by the registry (fraud).
	Revoked,
	/// Revoked by a court ruling.
	RevokedByCourt,
	/// Revoked because an objection was upheld.
	RevokedUpheld,
	/// Made invalid by the registry.
	Invalidated,
	/// Frozen by a court; the pending request of this kind, if any, was dropped.
	Frozen {
		/// The dropped request.
		dropped: Option<RequestKind>,
	},
	/// Unfrozen by a court.
	Unfrozen,
	/// An objection was accepted.
	Disputed,
	/// The objection was dismissed or withdrawn.
	Restored,
	/// Validity ended; the pending request of this kind, if any, was dropped.
	Expired {
		/// The dropped request.
		dropped: Option<RequestKind>,
	},
}

/// One entry of the version history, keyed `(certificate, version)`.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct HistoryEntry<AccountId, BlockNumber> {
	/// What changed.
	pub change: Change,
	/// The status after the change.
	pub status: CertificateStatus,
	/// Chain date of the change.
	pub on: Date,
	/// Block of the change.
	pub block: BlockNumber,
	/// Who made it.
	pub by: Actor<AccountId>,
	/// Digest of the reasons, ruling, decision or new information, if any.
	pub digest: Option<Digest>,
}

/// What anybody may verify about a certificate (returned by [`crate::Pallet::verify`] and the
/// runtime API).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Verification {
	/// The certificate.
	pub id: CertificateId,
	/// Its DOID.
	pub doid: Oid,
	/// Its registration number (the text form is `number.to_ascii_vec()`).
	pub number: RegistrationNumber,
	/// The issuing registry.
	pub registry: RegistryId,
	/// Element kind.
	pub kind: ElementKind,
	/// The holder.
	pub holder: SubjectId,
	/// The holder's OID.
	pub holder_oid: Option<Oid>,
	/// Status as of today (an overdue `Active` reads `Expired`).
	pub status: CertificateStatus,
	/// Inside the renewal window (临期) and still in force.
	pub expiring_soon: bool,
	/// The Chinese status name shown to users, UTF-8 (`临期` for an `Active` certificate
	/// inside its renewal window).
	pub status_name: Vec<u8>,
	/// Digest of the content.
	pub content_digest: Digest,
	/// Issue date.
	pub issued_on: Date,
	/// Last day of validity.
	pub expires_on: Date,
	/// Current version.
	pub version: u32,
	/// Lineage depth.
	pub lineage_depth: u8,
	/// Number of distinct ancestors.
	pub ancestors: u32,
	/// Every ancestor is in force today.
	pub lineage_ok: bool,
}
