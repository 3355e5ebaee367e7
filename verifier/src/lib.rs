//! Offline verifier of DOID evidence proof bundles.
//!
//! A proof bundle (format: `docs/proof-bundle.md`, type [`Bundle`]) shows, to someone who has
//! nothing but the chain's genesis hash and genesis GRANDPA authority keys, that a digest was
//! first anchored on the DOID chain by a given anchor, in a block that GRANDPA finalised. No
//! node and no network are needed: [`verify_bundle`] checks
//!
//! 1. the format (`version` 1) and the chain (`genesisHash`);
//! 2. the GRANDPA authority-set handoffs since genesis (each change block finalised by the set
//!    before it, each announcing the next set in its header);
//! 3. a justification of a block F by the current set, and the header chain from F down to B;
//! 4. every justification with ed25519-dalek: known signers, valid signatures, precommit
//!    ancestry, more than two thirds of the weight;
//! 5. a storage proof against B's state root of `Evidence::DigestAnchors(digest, 0)` (= the
//!    bundle's `anchorId`: the first anchoring) and `Evidence::Anchors(anchorId)` (the record);
//! 6. optionally, that a file hashes to the digest.
//!
//! The trust root is the genesis authority list. The genesis hash only names the chain: GRANDPA
//! signatures do not cover it, so another chain with the same genesis authority keys could
//! produce bundles that verify with this verifier.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod bundle;
pub mod chain_spec;
pub mod error;
pub mod file;
pub mod grandpa;
pub mod storage;

pub use bundle::{
	AuthoritySetChange, Blob, BlockRef, Bundle, Finality, Hash32, BUNDLE_VERSION, READABLE_VERSIONS,
};
pub use chain_spec::{genesis_from_raw_chain_spec, GenesisInfo};
pub use error::{BundleError, ProofPart, StorageItem};
pub use file::{digest_reader, file_digest, file_digest_reader, Hasher};
pub use storage::{
	anchors_key, digest_anchors_key, AnchorRecord, Annotation, AnnotationKind, Cosignature,
	EvidenceKind,
};

use codec::DecodeAll;
use doid_primitives::{Date, Digest};
use grandpa::{authority_change, decode_header, verify_justification, AuthoritySet};

/// The DOID chain's header type.
pub type Header = sp_runtime::generic::Header<u32, sp_runtime::traits::BlakeTwo256>;

/// What a valid bundle proves.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Verified {
	/// The digest (first anchored by `anchor_id`).
	pub digest: Digest,
	/// The anchor id of the first anchoring.
	pub anchor_id: u64,
	/// The proven anchor record.
	pub record: AnchorRecord,
	/// Number of block B, whose state holds the record.
	pub block_number: u32,
	/// Hash of block B.
	pub block_hash: [u8; 32],
	/// Number of block F, the block the justification finalises (F >= B).
	pub finalized_number: u32,
	/// Hash of block F.
	pub finalized_hash: [u8; 32],
	/// Id of the authority set that finalised F (= number of set changes in the bundle).
	pub set_id: u64,
	/// Time of the anchoring: start of its block's slot, ms since the Unix epoch.
	pub moment_ms: u64,
	/// Chain date of the anchoring (UTC+8).
	pub date: Date,
	/// Whether a file was given and hashes to the digest.
	pub file_checked: bool,
}

/// Only the version, read before the rest so that another version is reported as such.
#[derive(serde::Deserialize)]
struct VersionOnly {
	version: serde_json::Value,
}

/// Verifies a proof bundle (JSON text) against the chain's genesis hash and genesis GRANDPA
/// authorities (ed25519 public key, weight), and, if given, the file the digest is of.
pub fn verify_bundle(
	bundle_json: &[u8],
	genesis_hash: [u8; 32],
	genesis_authorities: &[([u8; 32], u64)],
	file: Option<&[u8]>,
) -> Result<Verified, BundleError> {
	// 1. Format, version, chain.
	let version = serde_json::from_slice::<VersionOnly>(bundle_json)
		.map_err(|e| BundleError::Malformed(format!("bundle JSON: {e}")))?
		.version;
	let bundle: Bundle = match version.as_u64() {
		Some(1) => Bundle::from_version_1(bundle_json).map_err(BundleError::Malformed)?,
		Some(v) if READABLE_VERSIONS.iter().any(|r| u64::from(*r) == v) => {
			serde_json::from_slice(bundle_json)
				.map_err(|e| BundleError::Malformed(format!("bundle JSON: {e}")))?
		}
		Some(v) => return Err(BundleError::UnsupportedVersion(v)),
		None => {
			return Err(BundleError::Malformed(format!(
				"version must be a number (1 or 2), not {version}"
			)))
		}
	};
	if bundle.genesis_hash.0 != genesis_hash {
		return Err(BundleError::WrongChain {
			expected: genesis_hash,
			found: bundle.genesis_hash.0,
		});
	}
	let block = decode_header(&bundle.block.header.0, "block.header")?;
	let block_hash = block.hash().0;
	let finality_headers = bundle
		.finality
		.headers
		.iter()
		.enumerate()
		.map(|(i, h)| decode_header(&h.0, &format!("finality.headers[{i}]")))
		.collect::<Result<Vec<_>, _>>()?;
	let (finalized_hash, finalized_number) = match finality_headers.first() {
		Some(f) => (f.hash().0, f.number),
		None => (block_hash, block.number),
	};

	// 2. Authority-set handoffs since genesis.
	let mut set = AuthoritySet::new(0, genesis_authorities.iter().copied())?;
	let mut last_change: Option<u32> = None;
	for (index, change) in bundle.authority_set_changes.iter().enumerate() {
		let header =
			decode_header(&change.header.0, &format!("authoritySetChanges[{index}].header"))?;
		if last_change.is_some_and(|n| header.number <= n) {
			return Err(BundleError::ChangeOutOfOrder { index });
		}
		verify_justification(
			&change.justification.0,
			&set,
			header.hash().0,
			header.number,
			ProofPart::SetChange(index),
		)?;
		let next = authority_change(&header).ok_or(BundleError::NoAuthorityChange(index))?;
		set = AuthoritySet::new(set.set_id + 1, next)?;
		last_change = Some(header.number);
	}
	if last_change.is_some_and(|n| finalized_number <= n) {
		let index = bundle.authority_set_changes.len().saturating_sub(1);
		return Err(BundleError::ChangeOutOfOrder { index });
	}

	// 3. Finality of F by the current set, and F's ancestry down to B.
	verify_justification(
		&bundle.finality.justification.0,
		&set,
		finalized_hash,
		finalized_number,
		ProofPart::Finality,
	)?;
	for (index, header) in finality_headers.iter().enumerate() {
		let (parent_hash, parent_number) = match finality_headers.get(index + 1) {
			Some(parent) => (parent.hash().0, parent.number),
			None => (block_hash, block.number),
		};
		if header.parent_hash.0 != parent_hash
			|| Some(header.number) != parent_number.checked_add(1)
		{
			return Err(BundleError::BrokenAncestry { index });
		}
	}

	// 5. The records in B's state.
	let reader = storage::ProofReader::new(
		bundle.storage_proof.into_iter().map(|n| n.0),
		block.state_root.0,
	);
	let digest = bundle.digest;
	let first = reader
		.read(&digest_anchors_key(&digest, 0), StorageItem::DigestAnchors)?
		.ok_or(BundleError::NotAnchored(StorageItem::DigestAnchors))?;
	let first = u64::decode_all(&mut &first[..]).map_err(|e| {
		BundleError::Malformed(format!("proven DigestAnchors value is not a u64: {e}"))
	})?;
	if first != bundle.anchor_id {
		return Err(BundleError::NotFirstAnchor { first, claimed: bundle.anchor_id });
	}
	let record = reader
		.read(&anchors_key(bundle.anchor_id), StorageItem::Anchors)?
		.ok_or(BundleError::NotAnchored(StorageItem::Anchors))?;
	let record = <AnchorRecord as codec::Decode>::decode(&mut &record[..]).map_err(|e| {
		BundleError::Malformed(format!("proven Anchors value is not an anchor record: {e}"))
	})?;
	if record.digest != digest {
		return Err(BundleError::DigestMismatch { expected: digest, found: record.digest });
	}
	if record.sequence != 0 {
		return Err(BundleError::InconsistentRecord(format!(
			"first anchoring has sequence {}",
			record.sequence
		)));
	}
	if record.block > block.number {
		return Err(BundleError::InconsistentRecord(format!(
			"anchored in block {} after block B {}",
			record.block, block.number
		)));
	}

	// 6. The file.
	if let Some(bytes) = file {
		let actual = Digest::new(digest.algorithm, file_digest(digest.algorithm, bytes));
		if actual != digest {
			return Err(BundleError::FileMismatch { expected: digest, actual });
		}
	}

	Ok(Verified {
		digest,
		anchor_id: bundle.anchor_id,
		block_number: block.number,
		block_hash,
		finalized_number,
		finalized_hash,
		set_id: set.set_id,
		moment_ms: record.moment_ms,
		date: record.date,
		record,
		file_checked: file.is_some(),
	})
}
