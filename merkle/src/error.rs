//! Errors of building trees and checking proofs.

/// Why a batch could not be built or a proof did not verify.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MerkleError {
	/// A batch needs at least one leaf.
	EmptyBatch,
	/// More than [`MAX_LEAVES`](crate::MAX_LEAVES) leaves.
	TooManyLeaves,
	/// The leaf index is not below the leaf count.
	IndexOutOfRange,
	/// The proof does not have exactly one sibling per level at which the path has one.
	WrongProofLength,
	/// The root recomputed from the leaf and the proof is not the expected root.
	RootMismatch,
	/// The proof's leaf count is not the anchored leaf count.
	LeafCountMismatch,
}

impl core::fmt::Display for MerkleError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			Self::EmptyBatch => "a Merkle batch needs at least one leaf",
			Self::TooManyLeaves => "too many leaves in a Merkle batch",
			Self::IndexOutOfRange => "leaf index is not below the leaf count",
			Self::WrongProofLength => "wrong number of siblings in the Merkle proof",
			Self::RootMismatch => "the Merkle proof does not lead to the expected root",
			Self::LeafCountMismatch => "the Merkle proof's leaf count is not the anchored one",
		})
	}
}

impl core::error::Error for MerkleError {}
