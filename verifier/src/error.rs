//! Why a bundle is invalid.

use doid_primitives::Digest;

/// Which justification of the bundle an error is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ProofPart {
	/// `authoritySetChanges[i]`.
	SetChange(usize),
	/// `finality.justification`.
	Finality,
}

impl core::fmt::Display for ProofPart {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::SetChange(i) => write!(f, "authoritySetChanges[{i}]"),
			Self::Finality => f.write_str("finality"),
		}
	}
}

/// A storage item the verifier reads from B's state.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StorageItem {
	/// `Evidence::DigestAnchors(digest, 0)`: the id of the first anchoring of the digest.
	DigestAnchors,
	/// `Evidence::Anchors(anchorId)`: the anchor record.
	Anchors,
}

impl core::fmt::Display for StorageItem {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			Self::DigestAnchors => "Evidence::DigestAnchors(digest, 0)",
			Self::Anchors => "Evidence::Anchors(anchorId)",
		})
	}
}

/// `0x` followed by the 64 hex digits of a hash or key.
pub(crate) fn hex32(v: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(v))
}

/// Why a bundle did not verify. Every variant names one specific failed check.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum BundleError {
	/// The JSON, a hex field or a SCALE encoding could not be decoded; the text says which.
	Malformed(String),
	/// The bundle's `version` is not 1.
	UnsupportedVersion(u64),
	/// The bundle is for another chain.
	WrongChain {
		/// The genesis hash the verifier was given.
		expected: [u8; 32],
		/// The bundle's `genesisHash`.
		found: [u8; 32],
	},
	/// An authority set has no voter with non-zero weight, or its total weight overflows.
	InvalidAuthoritySet {
		/// The set id.
		set_id: u64,
	},
	/// `authoritySetChanges[index]`'s header carries no GRANDPA authority-set change log.
	NoAuthorityChange(usize),
	/// The authority-set change blocks are not strictly increasing, or F is not above the last.
	ChangeOutOfOrder {
		/// Index of the out-of-order change.
		index: usize,
	},
	/// A justification's commit is not for the block it must finalise.
	WrongTarget {
		/// Which justification.
		part: ProofPart,
		/// Hash of the block it must finalise.
		expected: [u8; 32],
		/// The commit's target hash.
		found: [u8; 32],
	},
	/// A precommit is signed by a key that is not in the authority set.
	UnknownSigner {
		/// Which justification.
		part: ProofPart,
		/// The set id the justification was checked against.
		set_id: u64,
		/// The signer's ed25519 public key.
		signer: [u8; 32],
	},
	/// A precommit's signature does not verify.
	BadSignature {
		/// Which justification.
		part: ProofPart,
		/// The set id the justification was checked against.
		set_id: u64,
		/// The signer's ed25519 public key.
		signer: [u8; 32],
	},
	/// A precommit's target is not the commit target or a descendant of it through the
	/// justification's `votes_ancestries`, or an ancestry header is unused.
	BadAncestry {
		/// Which justification.
		part: ProofPart,
	},
	/// The distinct valid signers do not hold more than 2/3 of the set's weight.
	NotEnoughSignatures {
		/// Which justification.
		part: ProofPart,
		/// Weight of the distinct valid signers.
		have: u64,
		/// Weight needed (`total - (total - 1) / 3`).
		need: u64,
	},
	/// `finality.headers` does not link F down to B: `headers[index]` (or B when `index` is the
	/// length) is not the parent of the block before it.
	BrokenAncestry {
		/// Index in `finality.headers` of the link that fails.
		index: usize,
	},
	/// The storage proof does not prove the values against B's state root.
	BadStorageProof(String),
	/// The proof shows the item is absent from B's state.
	NotAnchored(StorageItem),
	/// `DigestAnchors(digest, 0)` names another anchor: `anchorId` is not the first anchoring.
	NotFirstAnchor {
		/// The id of the first anchoring proven in B's state.
		first: u64,
		/// The bundle's `anchorId`.
		claimed: u64,
	},
	/// The proven anchor record is for another digest.
	DigestMismatch {
		/// The bundle's digest.
		expected: Digest,
		/// The digest in the proven record.
		found: Digest,
	},
	/// The proven record contradicts itself or block B (text says how).
	InconsistentRecord(String),
	/// The given file does not hash to the bundle's digest.
	FileMismatch {
		/// The bundle's digest.
		expected: Digest,
		/// The file's digest with the same algorithm.
		actual: Digest,
	},
}

impl core::fmt::Display for BundleError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Malformed(what) => write!(f, "malformed bundle: {what}"),
			Self::UnsupportedVersion(v) => {
				write!(f, "unsupported bundle version {v} (this verifier reads version 1)")
			}
			Self::WrongChain { expected, found } => write!(
				f,
				"bundle is for another chain: genesis hash {} instead of {}",
				hex32(found),
				hex32(expected)
			),
			Self::InvalidAuthoritySet { set_id } => write!(
				f,
				"authority set {set_id} is invalid (no non-zero weight, or total weight overflows)"
			),
			Self::NoAuthorityChange(i) => write!(
				f,
				"authoritySetChanges[{i}]: header carries no GRANDPA authority-set change"
			),
			Self::ChangeOutOfOrder { index } => write!(
				f,
				"authoritySetChanges[{index}]: block is not above the previous change (or not \
				 below the finalised block)"
			),
			Self::WrongTarget { part, expected, found } => write!(
				f,
				"{part}: justification finalises block {} but must finalise {}",
				hex32(found),
				hex32(expected)
			),
			Self::UnknownSigner { part, set_id, signer } => write!(
				f,
				"{part}: precommit signed by {} which is not in authority set {set_id}",
				hex32(signer)
			),
			Self::BadSignature { part, set_id, signer } => write!(
				f,
				"{part}: invalid signature of {} for authority set {set_id}",
				hex32(signer)
			),
			Self::BadAncestry { part } => write!(
				f,
				"{part}: a precommit target does not descend from the commit target through the \
				 justification's ancestry headers (or an ancestry header is unused)"
			),
			Self::NotEnoughSignatures { part, have, need } => write!(
				f,
				"{part}: signatures carry weight {have}, more than two thirds needs {need}"
			),
			Self::BrokenAncestry { index } => write!(
				f,
				"finality.headers[{index}]: the chain from the finalised block down to block B is \
				 broken here"
			),
			Self::BadStorageProof(e) => {
				write!(f, "storage proof does not match block B's state root: {e}")
			}
			Self::NotAnchored(item) => {
				write!(f, "{item} is absent from block B's state: the digest is not anchored")
			}
			Self::NotFirstAnchor { first, claimed } => write!(
				f,
				"anchor {claimed} is not the first anchoring of the digest (the first is anchor \
				 {first})"
			),
			Self::DigestMismatch { expected, found } => {
				write!(f, "the proven anchor record is for digest {found}, not {expected}")
			}
			Self::InconsistentRecord(what) => write!(f, "inconsistent anchor record: {what}"),
			Self::FileMismatch { expected, actual } => {
				write!(f, "the file's digest is {actual}, the bundle's digest is {expected}")
			}
		}
	}
}

impl std::error::Error for BundleError {}
