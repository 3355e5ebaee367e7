//! Types of the evidence pallet: the anchor record, its kinds, co-signatures and annotations.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use doid_primitives::{Date, Digest, Oid, SubjectId, SubjectRole};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

/// Identifier of an anchor (numbered from 1 in anchoring order).
pub type AnchorId = u64;

/// Largest leaf count of a Merkle batch (2^32, the limit of the batch format).
pub const MAX_BATCH_LEAVES: u64 = 1 << 32;

/// What an anchored digest is the digest of (DOMAIN §5).
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
pub enum EvidenceKind {
	/// A contract (合同); kept at least 15 years.
	Contract,
	/// A transaction or trading log (交易日志); kept at least 6 months.
	TransactionLog,
	/// A registration material (登记材料).
	Material,
	/// A review or evaluation report (审核 / 评估报告); kept at least 15 years.
	ReviewReport,
	/// A ruling or arbitration decision (裁决).
	Ruling,
	/// Anything else.
	Other,
}

/// How the submitter annotated an anchor (nothing is ever deleted).
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
pub enum AnnotationKind {
	/// A newer document replaces the anchored one.
	Superseded,
	/// The submitter withdraws the anchored document (it stays on record).
	Withdrawn,
}

/// An annotation of an anchor by its submitter.
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
pub struct Annotation<BlockNumber> {
	/// Superseded or withdrawn.
	pub kind: AnnotationKind,
	/// Digest of the reason (e.g. the superseding document).
	pub reason_digest: Digest,
	/// Block of the annotation.
	pub block: BlockNumber,
	/// Chain date of the annotation.
	pub date: Date,
}

/// An attestation of an anchor by a notary (公证) or a court (法院) subject.
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
pub struct Cosignature<BlockNumber> {
	/// The co-signing subject.
	pub subject: SubjectId,
	/// The role it co-signed in: `Notary` or `Court`.
	pub role: SubjectRole,
	/// Block of the co-signature.
	pub block: BlockNumber,
}

/// An anchor as stored. The record of the first anchoring of a digest is never changed except
/// by appending co-signatures and annotations.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxCosigners, MaxAnnotations))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct AnchorRecord<AccountId, BlockNumber, MaxCosigners, MaxAnnotations>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxCosigners: Get<u32>,
	MaxAnnotations: Get<u32>,
{
	/// The anchored digest (for a batch: the Merkle root, tagged with the tree's algorithm).
	pub digest: Digest,
	/// What the digest is the digest of.
	pub kind: EvidenceKind,
	/// The submitting subject.
	pub subject: SubjectId,
	/// The account that signed the anchoring.
	pub account: AccountId,
	/// The DOID of a certificate the evidence relates to, if any.
	pub related_doid: Option<Oid>,
	/// Digest of off-chain metadata (file name, size, description...), if any.
	pub metadata_digest: Option<Digest>,
	/// For a Merkle batch root: the number of leaves.
	pub leaf_count: Option<u64>,
	/// 0 for the first anchoring of this digest, then 1, 2, ...
	pub sequence: u32,
	/// Block of the anchoring.
	pub block: BlockNumber,
	/// Time of the anchoring: start of the block's slot, milliseconds since the Unix epoch.
	pub moment_ms: u64,
	/// Chain date of the anchoring (UTC+8).
	pub date: Date,
	/// Notary and court co-signatures, in order.
	pub cosignatures: BoundedVec<Cosignature<BlockNumber>, MaxCosigners>,
	/// The submitter's annotations, in order.
	pub annotations: BoundedVec<Annotation<BlockNumber>, MaxAnnotations>,
}
