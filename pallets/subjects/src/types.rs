//! Types of the subjects pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use doid_primitives::{Oid, RegistryId, Roles, Uscc};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

/// A 32-byte digest or commitment (blake2-256 unless stated).
pub type Hash32 = [u8; 32];

/// Length of a unified social credit code.
pub const USCC_LEN: u32 = 18;

/// A unified social credit code as submitted: raw ASCII bytes, validated on-chain so an invalid
/// code gets `InvalidUscc` rather than a decoding failure.
pub type UsccBytes = BoundedVec<u8, ConstU32<USCC_LEN>>;

/// The identity a subject registers with, as submitted.
///
/// Individuals are represented **only** by salted commitments computed client-side,
/// `blake2_256(salt ‖ value)`, of the resident identity number (after checking its ISO 7064
/// MOD 11-2 check digit) and of the name: no plain personal data goes on-chain (PIPL). The
/// applicant keeps the salts and shows them to the registry off-chain for the real-name check.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[codec(mel_bound())]
#[scale_info(skip_type_params(MaxNameLen))]
pub enum IdentityInput<MaxNameLen: Get<u32>> {
	/// An enterprise or institution (法人组织 / 其他组织).
	Organisation {
		/// The 18-character unified social credit code (统一社会信用代码), ASCII upper case.
		uscc: UsccBytes,
		/// The registered name of the organisation, UTF-8.
		name: BoundedVec<u8, MaxNameLen>,
	},
	/// A natural person (个人用户).
	Individual {
		/// `blake2_256(salt ‖ resident identity number)`.
		id_commitment: Hash32,
		/// `blake2_256(salt ‖ name)`.
		name_commitment: Hash32,
	},
}

/// The identity of a subject as stored (the USCC validated).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[codec(mel_bound())]
#[scale_info(skip_type_params(MaxNameLen))]
pub enum Identity<MaxNameLen: Get<u32>> {
	/// An enterprise or institution.
	Organisation {
		/// Its unified social credit code (unique among live subjects).
		uscc: Uscc,
		/// Its registered name, UTF-8.
		name: BoundedVec<u8, MaxNameLen>,
	},
	/// A natural person, by salted commitments only.
	Individual {
		/// `blake2_256(salt ‖ resident identity number)` (unique among live subjects).
		id_commitment: Hash32,
		/// `blake2_256(salt ‖ name)`.
		name_commitment: Hash32,
	},
}

impl<S: Get<u32>> Identity<S> {
	/// Organisation or individual.
	pub fn kind(&self) -> IdentityKind {
		match self {
			Identity::Organisation { .. } => IdentityKind::Organisation,
			Identity::Individual { .. } => IdentityKind::Individual,
		}
	}
}

/// Whether a subject is an organisation or an individual (carried by events instead of the
/// identity itself).
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
pub enum IdentityKind {
	/// An enterprise or institution.
	Organisation,
	/// A natural person.
	Individual,
}

/// Where a subject stands.
///
/// ```text
/// Pending ──verify──▶ Verified ──suspend──▶ Suspended ──reinstate──▶ Verified
///    │ └─reject──▶ Rejected      │
///    └─deregister─┴──────────────┴──deregister (not while busy)──▶ Deregistered
/// ```
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
pub enum SubjectStatus {
	/// Registered, waiting for the registry's real-name check.
	Pending,
	/// Verified by an operator of its registry; has an OID and may act.
	Verified,
	/// Refused by the registry (final; the applicant may apply again as a new subject).
	Rejected,
	/// Suspended by the registry; may not act until reinstated.
	Suspended,
	/// Deregistered by the subject itself (final; its OID stays reserved).
	Deregistered,
}

/// A subject (主体).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
#[scale_info(skip_type_params(MaxNameLen, MaxAccounts))]
pub struct SubjectInfo<
	AccountId: Clone + PartialEq + Eq + Debug,
	MaxNameLen: Get<u32>,
	MaxAccounts: Get<u32>,
> {
	/// The registry it registered with (which verifies it).
	pub registry: RegistryId,
	/// Organisation (USCC and name) or individual (commitments only).
	pub identity: Identity<MaxNameLen>,
	/// Digest of the contact details kept off-chain.
	pub contact_digest: Hash32,
	/// Where it stands.
	pub status: SubjectStatus,
	/// Its roles (set by the registry).
	pub roles: Roles,
	/// `{root}.1.{registry arc}.{serial}`, assigned at verification.
	pub oid: Option<Oid>,
	/// The account that applied; manages the other accounts and receives the allowance.
	pub main_account: AccountId,
	/// Every account of the subject, the main account first.
	pub accounts: BoundedVec<AccountId, MaxAccounts>,
	/// Digest of the reason of the last rejection or suspension (cleared on reinstatement).
	pub reason: Option<Hash32>,
}
