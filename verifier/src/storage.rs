//! The evidence pallet's storage: keys, the anchor record, and reading them from a proof.

use crate::error::{BundleError, StorageItem};
use codec::{Decode, Encode};
use doid_primitives::{Date, Digest, Oid, SubjectRole};
use sp_crypto_hashing::{blake2_128, twox_128, twox_64};
use sp_runtime::traits::BlakeTwo256;
use sp_trie::{LayoutV1, StorageProof};

/// The runtime's name of the evidence pallet (the storage prefix).
pub const PALLET: &str = "Evidence";

/// `twox128(pallet) ++ twox128(item)`.
fn prefix(item: &str) -> Vec<u8> {
	let mut key = Vec::with_capacity(128);
	key.extend_from_slice(&twox_128(PALLET.as_bytes()));
	key.extend_from_slice(&twox_128(item.as_bytes()));
	key
}

/// The key of `Evidence::DigestAnchors(digest, sequence)` (`Blake2_128Concat`, `Twox64Concat`).
pub fn digest_anchors_key(digest: &Digest, sequence: u32) -> Vec<u8> {
	let mut key = prefix("DigestAnchors");
	let d = digest.encode();
	key.extend_from_slice(&blake2_128(&d));
	key.extend_from_slice(&d);
	let s = sequence.encode();
	key.extend_from_slice(&twox_64(&s));
	key.extend_from_slice(&s);
	key
}

/// The key of `Evidence::Anchors(anchor_id)` (`Twox64Concat`).
pub fn anchors_key(anchor_id: u64) -> Vec<u8> {
	let mut key = prefix("Anchors");
	let id = anchor_id.encode();
	key.extend_from_slice(&twox_64(&id));
	key.extend_from_slice(&id);
	key
}

/// What an anchored digest is the digest of (mirror of the pallet's `EvidenceKind`).
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug)]
pub enum EvidenceKind {
	/// A contract.
	Contract,
	/// A transaction or trading log.
	TransactionLog,
	/// A registration material.
	Material,
	/// A review or evaluation report.
	ReviewReport,
	/// A ruling or arbitration decision.
	Ruling,
	/// Anything else.
	Other,
}

/// How the submitter annotated an anchor (mirror of the pallet's `AnnotationKind`).
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug)]
pub enum AnnotationKind {
	/// A newer document replaces the anchored one.
	Superseded,
	/// The submitter withdrew the anchored document (it stays on record).
	Withdrawn,
}

/// A notary or court co-signature (mirror of the pallet's `Cosignature`).
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Cosignature {
	/// The co-signing subject.
	pub subject: u64,
	/// The role it co-signed in.
	pub role: SubjectRole,
	/// Block of the co-signature.
	pub block: u32,
}

/// An annotation by the submitter (mirror of the pallet's `Annotation`).
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Annotation {
	/// Superseded or withdrawn.
	pub kind: AnnotationKind,
	/// Digest of the reason.
	pub reason_digest: Digest,
	/// Block of the annotation.
	pub block: u32,
	/// Chain date of the annotation.
	pub date: Date,
}

/// The evidence pallet's `AnchorRecord` as stored by the DOID runtime (`AccountId` = 32 bytes,
/// block number `u32`). Bytes after the annotations, if a later runtime appends fields, are
/// ignored.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub struct AnchorRecord {
	/// The anchored digest.
	pub digest: Digest,
	/// What the digest is the digest of.
	pub kind: EvidenceKind,
	/// The submitting subject.
	pub subject: u64,
	/// The account that signed the anchoring.
	pub account: [u8; 32],
	/// The DOID of a related certificate, if any.
	pub related_doid: Option<Oid>,
	/// Digest of off-chain metadata, if any.
	pub metadata_digest: Option<Digest>,
	/// For a Merkle batch root: the number of leaves.
	pub leaf_count: Option<u64>,
	/// 0 for the first anchoring of this digest, then 1, 2, ...
	pub sequence: u32,
	/// Block of the anchoring.
	pub block: u32,
	/// Time of the anchoring: start of the block's slot, ms since the Unix epoch.
	pub moment_ms: u64,
	/// Chain date of the anchoring (UTC+8).
	pub date: Date,
	/// Notary and court co-signatures, in order.
	pub cosignatures: Vec<Cosignature>,
	/// The submitter's annotations, in order.
	pub annotations: Vec<Annotation>,
}

/// Trie nodes of a read proof against one state root.
pub struct ProofReader {
	db: sp_trie::MemoryDB<BlakeTwo256>,
	root: sp_core::H256,
}

impl ProofReader {
	/// A reader of the proof `nodes` against `state_root`.
	pub fn new(nodes: impl IntoIterator<Item = Vec<u8>>, state_root: [u8; 32]) -> Self {
		ProofReader {
			db: StorageProof::new(nodes).into_memory_db(),
			root: sp_core::H256(state_root),
		}
	}

	/// The value at `key`: `Ok(None)` if the proof shows it is absent, an error if the proof
	/// lacks a node needed to decide (a node that is altered is a missing node, its hash changes).
	pub fn read(&self, key: &[u8], item: StorageItem) -> Result<Option<Vec<u8>>, BundleError> {
		sp_trie::read_trie_value::<LayoutV1<BlakeTwo256>, _>(&self.db, &self.root, key, None, None)
			.map_err(|e| BundleError::BadStorageProof(format!("reading {item}: {e}")))
	}
}
