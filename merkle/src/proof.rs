//! Proofs of membership and their verification.

use alloc::vec::Vec;

use crate::{
	path::{Path, Step},
	Algorithm, Hash32, MerkleError,
};

/// Proof that one leaf is in a batch: the siblings along the path from the leaf to the root.
///
/// `siblings` is ordered from the leaf level upward and has one entry per level at which the
/// path's node has a neighbour; a level at which the node is promoted has none. Whether a
/// sibling is hashed on the left or on the right follows from `leaf_index` and `leaf_count`
/// (see the crate documentation), so the proof carries no direction bits.
#[derive(Clone, PartialEq, Eq, Debug)]
#[cfg_attr(
	feature = "codec",
	derive(codec::Encode, codec::Decode, codec::DecodeWithMemTracking, scale_info::TypeInfo)
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Proof {
	/// The hash algorithm of the tree.
	pub algorithm: Algorithm,
	/// 0-based position of the leaf in the batch.
	pub leaf_index: u64,
	/// Number of leaves of the batch.
	pub leaf_count: u64,
	/// Sibling hashes from the leaf level upward (hex text in JSON).
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_hex::list"))]
	pub siblings: Vec<Hash32>,
}

impl Proof {
	/// The root that this proof leads to from `leaf` (the anchored 32-byte digest itself, not
	/// its leaf hash).
	///
	/// Errors: [`MerkleError::TooManyLeaves`], [`MerkleError::IndexOutOfRange`] for a bad
	/// `leaf_count` or `leaf_index`, [`MerkleError::WrongProofLength`] when `siblings` has not
	/// exactly one entry per level with a sibling.
	pub fn compute_root(&self, leaf: &Hash32) -> Result<Hash32, MerkleError> {
		let algorithm = self.algorithm;
		let mut siblings = self.siblings.iter();
		let root = Path::new(self.leaf_index, self.leaf_count)?.try_fold(
			algorithm.leaf_hash(leaf),
			|node, (_, step)| {
				let mut sibling = || siblings.next().ok_or(MerkleError::WrongProofLength);
				Ok(match step {
					Step::SiblingOnLeft => algorithm.node_hash(sibling()?, &node),
					Step::SiblingOnRight => algorithm.node_hash(&node, sibling()?),
					Step::Promoted => node,
				})
			},
		)?;
		match siblings.next() {
			Some(_) => Err(MerkleError::WrongProofLength),
			None => Ok(root),
		}
	}
}

/// Checks that `proof` leads from `leaf` to `root`.
///
/// This binds the leaf, its index and the siblings to the root, but the proof's `leaf_count`
/// only as far as the path's shape depends on it: a path can look the same in trees of
/// different sizes (leaf 0 of 5 leaves and of 7 leaves both have three right-hand siblings).
/// Where the anchored leaf count is known, as on chain, use [`verify_anchored`].
///
/// Errors: those of [`Proof::compute_root`], and [`MerkleError::RootMismatch`].
pub fn verify(proof: &Proof, leaf: &Hash32, root: &Hash32) -> Result<(), MerkleError> {
	if proof.compute_root(leaf)? == *root {
		Ok(())
	} else {
		Err(MerkleError::RootMismatch)
	}
}

/// Checks `proof` for `leaf` against an anchor: its `root` and its `leaf_count`.
///
/// Errors: [`MerkleError::LeafCountMismatch`] when the proof's leaf count is not
/// `leaf_count`, then those of [`verify`].
pub fn verify_anchored(
	proof: &Proof,
	leaf: &Hash32,
	root: &Hash32,
	leaf_count: u64,
) -> Result<(), MerkleError> {
	if proof.leaf_count != leaf_count {
		return Err(MerkleError::LeafCountMismatch);
	}
	verify(proof, leaf, root)
}
